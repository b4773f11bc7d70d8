//! Parse throughput: a synthetic plain-text postmortem of 1 MB and 10 MB (linear time shows as
//! equal MB/s at both sizes), and the same incident read back from JSON.
//!
//! Run with `cargo bench --bench parse`; criterion prints the throughput in MiB/s. Every fifth
//! timeline entry carries its own link, as real timelines that cite dashboards do.
//! Native only: on wasm32 this is an empty program.

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {

    use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
    use postmortem_explorer::export::to_json;
    use postmortem_explorer::parse::{parse_json, parse_text};

    /// Shapes a timeline entry is written in, cycled through so every code path is exercised.
    fn entry(index: usize, out: &mut String) {
        let minutes = index % (24 * 60);
        let (hour, minute) = (minutes / 60, minutes % 60);
        let twelve = if hour % 12 == 0 { 12 } else { hour % 12 };
        let meridiem = if hour < 12 { "AM" } else { "PM" };
        let text = "Engineers rolled back the cache configuration and watched error rates fall";
        match index % 5 {
        0 => out.push_str(&format!("{twelve}:{minute:02} {meridiem}: {text}.\n")),
        1 => out.push_str(&format!("- {hour:02}:{minute:02} - {text}, see [the dashboard](https://grafana.example.com/d/{index}).\n")),
        2 => out.push_str(&format!("* **{hour:02}:{minute:02}:30** {text}\n  and the text wraps onto a second line.\n")),
        3 => out.push_str(&format!("{index}. [{hour:02}:{minute:02}] {text} (30% of users affected).\n")),
        _ => out.push_str(&format!("> {twelve}:{minute:02} {} — {text}.\n", meridiem.to_ascii_lowercase())),
    }
    }

    /// A postmortem of about `bytes` bytes: the usual sections with a very long timeline.
    fn synthetic_postmortem(bytes: usize) -> String {
        let mut out = String::with_capacity(bytes + 4096);
        out.push_str("Postmortem: The Very Long Outage\n\n");
        out.push_str("Duration: January 15, 2024, 10:00 AM - January 15, 2024, 2:00 PM (UTC-5)\n");
        out.push_str("Impact: The login service failed for 30% of users, who could not sign in.\n");
        out.push_str("Root Cause: A misconfigured cache served stale sessions.\n\n## Timeline\n\n");
        let mut index = 0;
        while out.len() < bytes.saturating_sub(2048) {
            entry(index, &mut out);
            index += 1;
        }
        out.push_str("\n## Action Items\n\n");
        for item in 0..20 {
            out.push_str(&format!("- Add a cache invalidation test number {item}.\n"));
        }
        out.push_str("\n## Lessons\n\nA kept section with a paragraph of prose.\n");
        out
    }

    fn text_throughput(c: &mut Criterion) {
        let mut group = c.benchmark_group("parse_text");
        group.sample_size(10);
        for megabytes in [1, 10] {
            let source = synthetic_postmortem(megabytes * 1_000_000);
            group.throughput(Throughput::Bytes(source.len() as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{megabytes}MB")),
                &source,
                |b, source| b.iter(|| parse_text(source)),
            );
        }
        group.finish();
    }

    fn json_throughput(c: &mut Criterion) {
        let mut group = c.benchmark_group("parse_json");
        group.sample_size(10);
        let incident = parse_text(&synthetic_postmortem(10_000_000)).incident;
        let source = to_json(&incident).unwrap_or_default();
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{}MB", source.len() / 1_000_000)),
            &source,
            |b, source| b.iter(|| parse_json(source)),
        );
        group.finish();
    }

    criterion_group!(benches, text_throughput, json_throughput);
}
