//! How long M4 decimation takes for a chart 1,000 pixels wide, over the whole of a
//! million-sample series and over a zoomed-in tenth of it. Native only (criterion does not
//! build for wasm32; the browser benchmark is bench/chart.mjs).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion};
    use postmortem_explorer::analysis::decimate::m4;
    use postmortem_explorer::analysis::window::TimeWindow;
    use postmortem_explorer::sample::synthetic_incident;

    fn decimate(c: &mut Criterion) {
        for size in [166_650, 1_000_000] {
            let incident = synthetic_incident(0, size);
            let points = &incident.metrics[0].points;
            let (first, last) = (points[0].0 as f64, points[points.len() - 1].0 as f64);
            let whole = TimeWindow::new(first, last);
            let tenth =
                TimeWindow::new(first + (last - first) * 0.45, first + (last - first) * 0.55);
            c.bench_function(
                &format!("m4 {size} samples, whole series, 1000 columns"),
                |b| b.iter(|| m4(black_box(points), whole, 1000)),
            );
            c.bench_function(&format!("m4 {size} samples, a tenth, 1000 columns"), |b| {
                b.iter(|| m4(black_box(points), tenth, 1000))
            });
        }
    }

    criterion_group!(benches, decimate);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
