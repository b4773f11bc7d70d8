//! Reads a file many times with the text reader, for profiling (`perf record`).
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("readable");
    let mut events = 0;
    for _ in 0..5 {
        events += postmortem_explorer::parse::parse_text(&text)
            .incident
            .timeline
            .len();
    }
    println!("{events}");
}
