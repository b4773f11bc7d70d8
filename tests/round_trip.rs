//! Lossless round trip: text → structured → text → structured gives the same incident, for the
//! seed and for incidents of other shapes, through each structured syntax.
#![cfg(not(target_arch = "wasm32"))]

use postmortem_explorer::export::{to_markdown, to_structured};
use postmortem_explorer::model::Incident;
use postmortem_explorer::parse::{parse_structured, parse_text, Syntax};
use postmortem_explorer::sample::SAMPLE_TEXT;

const SYNTAXES: [Syntax; 3] = [Syntax::Json, Syntax::Toml, Syntax::Yaml];

/// Writes `incident` in `syntax` and reads it back, insisting on a clean read.
fn through(incident: &Incident, syntax: Syntax) -> Incident {
    let written = to_structured(incident, syntax).expect("the incident can be written");
    let read = parse_structured(&written, syntax);
    assert!(
        read.diagnostics.is_empty(),
        "{syntax:?}: {:#?}\n{written}",
        read.diagnostics
    );
    read.incident
}

/// text → structured (A) → Markdown → structured (B); returns (A, B, the Markdown).
fn round_trip(text: &str, syntax: Syntax) -> (Incident, Incident, String) {
    let first = through(&parse_text(text).incident, syntax);
    let markdown = to_markdown(&first);
    let reread = parse_text(&markdown);
    let second = through(&reread.incident, syntax);
    (first, second, markdown)
}

fn assert_lossless(text: &str) -> Incident {
    let mut last = None;
    for syntax in SYNTAXES {
        let (first, second, markdown) = round_trip(text, syntax);
        assert_eq!(
            first, second,
            "{syntax:?} round trip changed the incident:\n{markdown}"
        );
        last = Some(first);
    }
    last.expect("three syntaxes were tried")
}

#[test]
fn the_seed_survives_the_round_trip() {
    let incident = assert_lossless(SAMPLE_TEXT);
    assert_eq!(incident.title, "The Great Cookie Catastrophe");
    assert_eq!(incident.timeline.len(), 9);
    assert_eq!(incident.action_items.len(), 3);
    assert_eq!(incident.links.len(), 1);
    assert_eq!(incident.impact.affected_users_percent, Some(30.0));
}

#[test]
fn the_written_markdown_reads_back_without_warnings() {
    let seed = parse_text(SAMPLE_TEXT).incident;
    let reread = parse_text(&to_markdown(&seed));
    assert!(reread.diagnostics.is_empty(), "{:#?}", reread.diagnostics);
    assert_eq!(reread.incident, seed);
}

#[test]
fn an_incident_without_date_or_zone() {
    let incident = assert_lossless(
        "# Checkout slowdown\n\n## Summary\n\nCheckout was slow.\nIt recovered by itself.\n\nA second paragraph.\n\n\
         ## Timeline\n\n- 09:05: p95 latency doubled\n- 09:20: paged the on-call\n- 09:45: recovered\n",
    );
    assert_eq!(incident.title, "Checkout slowdown");
    assert_eq!(
        incident.summary,
        "Checkout was slow.\nIt recovered by itself.\n\nA second paragraph."
    );
    let times: Vec<String> = incident.timeline.iter().map(|e| e.at.to_string()).collect();
    assert_eq!(times, ["09:05:00", "09:20:00", "09:45:00"]);
}

#[test]
fn a_multi_day_incident_in_another_zone() {
    let incident = assert_lossless(
        "Postmortem: Ledger replication lag\n\n\
         Duration: March 3, 2024, 10:30 PM - March 4, 2024, 1:15 AM (UTC+05:30)\n\n\
         Impact: 12.5% of users saw stale balances.\n\n\
         Timeline:\n10:30 PM: replication lag alert fired\n11:50 PM: failover started\n\
         12:40 AM: failover finished\n1:15 AM: lag back to zero\n\n\
         Detection: an alert on replication lag.\n",
    );
    let times: Vec<String> = incident.timeline.iter().map(|e| e.at.to_string()).collect();
    assert_eq!(
        times,
        [
            "2024-03-03T22:30:00+05:30",
            "2024-03-03T23:50:00+05:30",
            "2024-03-04T00:40:00+05:30",
            "2024-03-04T01:15:00+05:30"
        ]
    );
    assert_eq!(incident.impact.affected_users_percent, Some(12.5));
    assert_eq!(incident.detection, "an alert on replication lag.");
}

#[test]
fn kept_sections_lists_and_links() {
    let incident = assert_lossless(
        "# DNS outage (UTC)\n\n## Overview\n\nResolvers failed, see https://status.example.com/1.\n\n\
         ## Timeline\n\n- 2023-11-08 14:05:33: first SERVFAIL\n- 2023-11-08 14:30:00: rollback\n\n\
         ## Weather\n\nIt was raining.\n\n- an umbrella\n\n\
         ## Improvements\n\n- Alert on SERVFAIL rate.\n- Canary resolver changes.\n\n\
         ## Action Items\n\n- Add a resolver canary [ticket](https://tracker.example.com/42)\n",
    );
    assert_eq!(incident.other_sections.len(), 1);
    assert_eq!(incident.other_sections[0].title, "Weather");
    assert_eq!(
        incident.other_sections[0].body,
        "It was raining.\n\n- an umbrella"
    );
    assert_eq!(incident.improvements.len(), 2);
    assert_eq!(incident.action_items.len(), 1);
    let urls: Vec<&str> = incident.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://status.example.com/1",
            "https://tracker.example.com/42"
        ]
    );
    assert_eq!(
        incident.timeline[0].at.to_string(),
        "2023-11-08T14:05:33+00:00"
    );
}

#[test]
fn a_title_the_heading_form_would_change() {
    let incident = assert_lossless("Title: *Partial* outage\n\nSummary: it broke\n");
    assert_eq!(incident.title, "*Partial* outage");
    assert_eq!(incident.summary, "it broke");
}
