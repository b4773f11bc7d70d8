//! The "tried on real postmortems" check. Third-party postmortems are not committed: put
//! them in a folder with an `expected.tsv` (`file<TAB>YYYY-MM-DD or -<TAB>HH:MM:SS`, one line
//! per timestamped timeline entry, written by hand) and run
//! `REAL_POSTMORTEMS=/path cargo test --test real_postmortems -- --ignored --nocapture`.
//! It prints, per file, the entries read, and the share right in time and date.

use std::collections::BTreeMap;

use postmortem_explorer::parse::parse_text;

#[test]
#[ignore = "needs REAL_POSTMORTEMS pointing at a folder of third-party postmortems"]
fn real_postmortems_come_out_right() {
    let Ok(dir) = std::env::var("REAL_POSTMORTEMS") else {
        panic!("set REAL_POSTMORTEMS to the folder holding expected.tsv");
    };
    let expected_text =
        std::fs::read_to_string(format!("{dir}/expected.tsv")).expect("expected.tsv");
    let mut expected: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for line in expected_text.lines().filter(|l| !l.trim().is_empty()) {
        let parts: Vec<&str> = line.split('\t').collect();
        expected
            .entry(parts[0].to_string())
            .or_default()
            .push((parts[1].to_string(), parts[2].to_string()));
    }
    let (mut total, mut right, mut invented) = (0usize, 0usize, 0usize);
    for (file, wanted) in &expected {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).expect("postmortem file");
        let parsed = parse_text(&text);
        let got: Vec<(String, String)> = parsed
            .incident
            .timeline
            .iter()
            .map(|e| {
                let date = e.at.date.map_or("-".to_string(), |d| d.to_string());
                (date, e.at.time.format("%H:%M:%S").to_string())
            })
            .collect();
        // Match in written order: each expected entry against the next unmatched event.
        let mut matched = vec![false; got.len()];
        let mut file_right = 0;
        for want in wanted {
            if let Some(i) = (0..got.len()).find(|&i| !matched[i] && got[i].1 == want.1) {
                matched[i] = true;
                if got[i].0 == want.0 {
                    file_right += 1;
                } else {
                    println!(
                        "  {file}: {} expected on {}, read on {}",
                        want.1, want.0, got[i].0
                    );
                }
            } else {
                println!("  {file}: missed {} {}", want.0, want.1);
            }
        }
        let file_invented = matched.iter().filter(|m| !**m).count();
        for (i, m) in matched.iter().enumerate() {
            if !m {
                println!(
                    "  {file}: invented {:?} {:?}",
                    got[i], parsed.incident.timeline[i].text
                );
            }
        }
        println!(
            "{file}: {file_right}/{} right, {file_invented} invented, {} diagnostics",
            wanted.len(),
            parsed.diagnostics.len()
        );
        for d in &parsed.diagnostics {
            println!("    {d}");
        }
        total += wanted.len();
        right += file_right;
        invented += file_invented;
    }
    let share = 100.0 * right as f64 / total.max(1) as f64;
    println!("TOTAL: {right}/{total} = {share:.1}% right, {invented} invented");
    assert!(
        share >= 95.0 && invented == 0,
        "{share:.1}% right, {invented} invented"
    );
}
