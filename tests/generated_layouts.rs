//! One set of events written in every layout real postmortems use must read back exactly:
//! the same dates, times and texts, whatever the shape around them.

use chrono::{NaiveDate, NaiveTime};
use postmortem_explorer::parse::parse_document;

/// The incident: crosses midnight, so every layout must also carry the date over.
const EVENTS: &[(&str, &str, &str)] = &[
    ("2023-03-17", "22:40", "Checkout errors start climbing"),
    ("2023-03-17", "23:05", "On-call engineer paged"),
    ("2023-03-17", "23:50", "Bad cache config found"),
    ("2023-03-18", "00:20", "Config rolled back"),
    ("2023-03-18", "01:15", "Error rate back to normal"),
];

fn events() -> impl Iterator<Item = (NaiveDate, NaiveTime, &'static str)> {
    EVENTS.iter().map(|(d, t, text)| {
        (
            NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap(),
            NaiveTime::parse_from_str(t, "%H:%M").unwrap(),
            *text,
        )
    })
}

fn lines(f: impl Fn(NaiveDate, NaiveTime, &str) -> String) -> String {
    events()
        .map(|(d, t, text)| f(d, t, text))
        .collect::<Vec<_>>()
        .join("\n")
}

fn twelve_hour(t: NaiveTime) -> String {
    t.format("%-I:%M %p").to_string()
}

/// (name, file name, text) for every layout.
fn layouts() -> Vec<(&'static str, &'static str, String)> {
    let title = "# Checkout outage on 2023-03-17\n\n";
    let mut out = vec![
        (
            "markdown list",
            "a.md",
            format!("{title}## Timeline\n\n{}", lines(|_, t, x| format!("- {} - {x}", t.format("%H:%M")))),
        ),
        (
            "markdown table with bold times",
            "a.md",
            format!(
                "{title}## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n{}",
                lines(|_, t, x| format!("| **{}** | {x} |", t.format("%H:%M")))
            ),
        ),
        (
            "html list items",
            "a.md",
            format!(
                "{title}## Timeline\n\n<ul>\n{}\n</ul>",
                lines(|_, t, x| format!("<li><strong>{}:</strong> {x}</li>", twelve_hour(t)))
            ),
        ),
        (
            "html table",
            "a.md",
            format!(
                "{title}<table>\n<tr><th>Time</th><th>Event</th></tr>\n{}\n</table>",
                lines(|_, t, x| format!("<tr><td>{}</td><td>{x}</td></tr>", t.format("%H:%M")))
            ),
        ),
        (
            "tab-separated table with day-first dates",
            "a.txt",
            format!(
                "Checkout outage\n\nTimeline (all times in UTC)\nDate\tTime\tEvent\n{}",
                lines(|d, t, x| format!("{}\t{}\t{x}", d.format("%d/%m/%Y"), t.format("%H:%M")))
            ),
        ),
        (
            "date headings",
            "a.md",
            format!(
                "# Checkout outage\n\n## Timeline\n\n### 17 March 2023\n\n{}\n\n### 18 March 2023\n\n{}",
                lines(|d, t, x| if d.format("%d").to_string() == "17" {
                    format!("- {} {x}", t.format("%H:%M"))
                } else {
                    String::new()
                })
                .trim(),
                lines(|d, t, x| if d.format("%d").to_string() == "18" {
                    format!("- {} {x}", t.format("%H:%M"))
                } else {
                    String::new()
                })
                .trim()
            ),
        ),
        (
            "blockquote",
            "a.md",
            format!("{title}## Timeline\n\n{}", lines(|_, t, x| format!(">* {} {x}", t.format("%H:%M")))),
        ),
        (
            "day-first dates on each entry",
            "a.txt",
            format!(
                "Checkout outage\n\nTimeline\n{}",
                lines(|d, t, x| format!("{} {} - {x}", d.format("%d-%m-%Y"), t.format("%H:%M")))
            ),
        ),
        (
            "twelve-hour times",
            "a.md",
            format!("{title}## Timeline\n\n{}", lines(|_, t, x| format!("* {} - {x}", twelve_hour(t)))),
        ),
        (
            "ISO 8601 stamps",
            "a.md",
            format!(
                "# Checkout outage\n\n## Timeline\n\n{}",
                lines(|d, t, x| format!("- {}T{}:00Z {x}", d, t.format("%H:%M")))
            ),
        ),
        (
            "month names in bold, no timeline heading",
            "a.md",
            format!(
                "# Checkout outage\n\n## What happened\n\n{}",
                lines(|d, t, x| format!("**{} {}** — {x}", d.format("%b %-d, %Y"), twelve_hour(t)))
            ),
        ),
        (
            "stamps at the end of labelled items",
            "a.md",
            format!(
                "# Checkout outage\n\n- **Key events**\n{}",
                lines(|d, t, x| format!("  - {x}: {} {}", d, t.format("%H:%M")))
            ),
        ),
        (
            "plain text with a bare heading",
            "a.txt",
            format!(
                "Checkout outage on 2023-03-17\n\nTimeline\n{}",
                lines(|_, t, x| format!("{} {x}", t.format("%H:%M")))
            ),
        ),
        (
            "military hours",
            "a.md",
            format!("{title}## Timeline\n\n{}", lines(|_, t, x| format!("* {}HRS - {x}", t.format("%H%M")))),
        ),
        (
            "year-less bracketed stamps",
            "a.md",
            format!(
                "# Checkout outage, March 2023\n\n## Timeline\n\n{}",
                lines(|d, t, x| format!("[{} {}] {x}", d.format("%m-%d"), t.format("%H:%M")))
            ),
        ),
        (
            "date in the file path",
            "incidents/2023-03-17-checkout.md",
            format!("# Checkout outage\n\n## Timeline\n\n{}", lines(|_, t, x| format!("- {}: {x}", t.format("%H:%M")))),
        ),
        (
            "German dotted times with day-first dates",
            "a.md",
            format!(
                "# Ausfall im Checkout\n\n## Zeitablauf\n\n{}",
                lines(|d, t, x| format!("- {} {} Uhr: {x}", d.format("%d.%m.%Y"), t.format("%H.%M")))
            ),
        ),
        (
            "ISO stamps with milliseconds in a table",
            "a.md",
            format!(
                "# Checkout outage\n\n| Timestamp | Event |\n|---|---|\n{}",
                lines(|d, t, x| format!("| {}T{}:00.250Z | {x} |", d, t.format("%H:%M")))
            ),
        ),
    ];
    out.retain(|(_, _, text)| !text.is_empty());
    out
}

#[test]
fn every_layout_reads_back_the_same_events() {
    let layouts = layouts();
    assert!(layouts.len() >= 12);
    let mut failures = Vec::new();
    for (name, file, text) in &layouts {
        let parsed = parse_document(file, text);
        let got: Vec<(Option<NaiveDate>, NaiveTime, String)> = parsed
            .incident
            .timeline
            .iter()
            .map(|e| (e.at.date, e.at.time, e.text.clone()))
            .collect();
        let want: Vec<(Option<NaiveDate>, NaiveTime, String)> = events()
            .map(|(d, t, x)| (Some(d), t, x.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{name}:\n  got  {got:?}\n  want {want:?}\n{text}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
