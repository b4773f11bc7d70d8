//! Times the parse worker's steps on one file, natively: reading, classifying, encoding the
//! parts (`cargo run --release --example worker_profile -- FILE`; the release profile is the
//! size-tuned one the browser runs, so its proportions are the worker's).
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(&path).expect("readable");
    for _ in 0..3 {
        let t = Instant::now();
        let loaded = postmortem_explorer::loading::read_loaded(&path, &text);
        let read = t.elapsed();
        let t = Instant::now();
        if let postmortem_explorer::loading::Loaded::Incident(parsed) = &loaded {
            let kinds = postmortem_explorer::analysis::kinds::kinds_of(&parsed.incident);
            std::hint::black_box(kinds);
        }
        let kinds = t.elapsed();
        let t = Instant::now();
        let parts = postmortem_explorer::loading::wire::split(loaded);
        let split = t.elapsed();
        let bytes: usize = parts.iter().map(Vec::len).sum();
        println!("read {read:?} kinds {kinds:?} split(incl. kinds) {split:?} bytes {bytes}");
    }
}
