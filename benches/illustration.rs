//! How long the cookie illustration takes to lay out for an incident, to draw one moment
//! (once per animation frame while playing) and to export as SVG. Native only (criterion
//! does not build for wasm32; the browser benchmark is bench/illustration.mjs).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{black_box, criterion_group, Criterion};
    use postmortem_explorer::draw::illustration::{to_svg, Illustration, Theme};
    use postmortem_explorer::parse::parse_text;
    use postmortem_explorer::sample::{synthetic_incident, SAMPLE_TEXT};

    fn illustration(c: &mut Criterion) {
        let sample = parse_text(SAMPLE_TEXT).incident;
        let big = synthetic_incident(10_000, 0);
        c.bench_function("layout, the sample", |b| {
            b.iter(|| Illustration::new(black_box(&sample)))
        });
        c.bench_function("layout, 10,000 events", |b| {
            b.iter(|| Illustration::new(black_box(&big)))
        });
        let ill = Illustration::new(&sample);
        let extent = ill.story().extent.expect("the sample has times");
        c.bench_function("scene at 60 moments of the sample", |b| {
            b.iter(|| {
                for i in 0..60 {
                    let at = extent.start + extent.span() * f64::from(i) / 60.0;
                    black_box(ill.scene_at(Some(at), -300));
                }
            })
        });
        let scene = ill.scene_at(None, -300);
        c.bench_function("SVG export of the recovered sample", |b| {
            b.iter(|| to_svg(black_box(&scene), Theme::Light))
        });
    }

    criterion_group!(benches, illustration);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
