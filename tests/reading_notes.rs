//! Every stamped line is accounted for: read as an entry, or named in a located note.

use postmortem_explorer::parse::{parse_document, Severity};

fn notes(name: &str, text: &str) -> Vec<(Severity, u32, String)> {
    parse_document(name, text)
        .diagnostics
        .into_iter()
        .map(|d| (d.severity, d.line, d.message))
        .collect()
}

/// The lines of the notes among `found` whose message says `phrase`.
fn lines_saying(found: &[(Severity, u32, String)], phrase: &str) -> Vec<u32> {
    found
        .iter()
        .filter(|(_, _, m)| m.contains(phrase))
        .map(|(_, line, _)| *line)
        .collect()
}

#[test]
fn a_list_item_without_a_time_glued_to_an_entry_is_noted() {
    let text = std::fs::read_to_string("tests/fixtures/shapes/timeless-item-note.md").unwrap();
    let found = notes("timeless-item-note.md", &text);
    assert!(
        found
            .iter()
            .any(|(s, line, m)| *s == Severity::Warning && *line == 6 && m.contains("no time")),
        "{found:?}"
    );
}

#[test]
fn an_unsettled_numeric_date_order_is_noted() {
    let found = notes(
        "a.md",
        "# Outage\n\n## Timeline\n\n- 05/01/2024 10:00 start\n",
    );
    assert!(
        found
            .iter()
            .any(|(_, line, m)| *line == 5 && m.contains("month first")),
        "{found:?}"
    );
    let settled = notes(
        "a.md",
        "# Outage\n\n## Timeline\n\n- 05/01/2024 10:00 a\n- 25/01/2024 10:00 b\n",
    );
    assert!(
        !settled.iter().any(|(_, _, m)| m.contains("month first")),
        "{settled:?}"
    );
}

#[test]
fn times_that_give_no_entry_are_an_error() {
    let found = notes("a.md", "# Outage\n\nSomething broke.\n\n```\n10:00 log line\n```\n\nThe graph showed 14:30 as its last sample\n");
    let errors: Vec<_> = found
        .iter()
        .filter(|(s, _, _)| *s == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{found:?}");
    assert_eq!(errors[0].1, 9, "the first line with a time outside code");
    assert!(errors[0].2.contains("no timeline entry"));
    let none = notes("a.md", "# Outage\n\nNo clock times here at all.\n");
    assert!(
        none.iter().all(|(s, _, _)| *s != Severity::Error),
        "{none:?}"
    );
}

#[test]
fn a_single_stamped_line_outside_the_timeline_is_noted() {
    let text = "# Outage\n\n## Timeline\n\n- 10:00 start\n- 11:00 end\n\n## Root cause\n\n09:30 config pushed\n";
    let parsed = parse_document("a.md", text);
    assert_eq!(parsed.incident.timeline.len(), 2);
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.line == 10 && d.message.contains("outside the timeline")),
        "{:?}",
        parsed.diagnostics
    );
}

/// The UTC offset of each event read from a shape fixture, in minutes.
fn offsets(file: &str) -> Vec<Option<i32>> {
    let text = std::fs::read_to_string(format!("tests/fixtures/shapes/{file}")).unwrap();
    parse_document(file, &text)
        .incident
        .timeline
        .iter()
        .map(|e| e.at.offset.map(|o| o.minutes()))
        .collect()
}

#[test]
fn short_us_zones_are_kept() {
    assert_eq!(
        offsets("pt-zone.md"),
        vec![Some(-420); 3],
        "PT in July is UTC-7"
    );
}

#[test]
fn spelled_out_and_city_zones_give_offsets() {
    assert_eq!(
        offsets("spelled-zone.md"),
        vec![Some(60); 3],
        "West African Time"
    );
    assert_eq!(
        offsets("city-zone.txt"),
        vec![Some(180), Some(180), Some(0)],
        "Nairobi, Nairobi, UTC"
    );
}

#[test]
fn a_slip_of_the_year_is_settled_by_the_documents_date_and_noted() {
    let text = std::fs::read_to_string("tests/fixtures/shapes/year-slip-date-line.md").unwrap();
    let found = notes("year-slip-date-line.md", &text);
    assert!(
        found.iter().any(|(s, line, m)| *s == Severity::Warning
            && *line == 16
            && m.contains("14 September 2021 as 14 September 2022")),
        "{found:?}"
    );
    // A date a month from the document's is another day, in its own year, without a note.
    let apart = text.replace("2021-09-14", "2021-10-20");
    let parsed = parse_document("apart.md", &apart);
    let first = parsed.incident.timeline[0].at.date.unwrap();
    assert_eq!(first.to_string(), "2021-10-20");
    assert!(!parsed
        .diagnostics
        .iter()
        .any(|d| d.message.contains("slip")));
}

#[test]
fn a_timeline_written_newest_first_is_noted_once_and_only_its_slips_per_entry() {
    let text =
        std::fs::read_to_string("tests/fixtures/shapes/newest-first-over-midnight.md").unwrap();
    let found = notes("newest-first-over-midnight.md", &text);
    let order: Vec<(u32, &str)> = found
        .iter()
        .filter(|(_, _, m)| m.contains("newest first") || m.contains("earlier than"))
        .map(|(_, line, m)| (*line, m.as_str()))
        .collect();
    assert_eq!(
        order,
        [(5, "read the timeline as written newest first (the latest entry on top), from the bottom up; expected entries in time order")]
    );
    // An update later than the one above it breaks that order, and is named.
    let slipped = notes(
        "s.md",
        "# Errors\n\n## Updates\n\n- 14:00 Resolved\n- 13:00 Fix deployed\n\
         - 13:30 Cause found\n- 12:00 Investigating\n- 11:00 Errors begin\n",
    );
    let named = lines_saying(&slipped, "later than the one above it");
    assert_eq!(named, [7], "{slipped:?}");
}

#[test]
fn a_lone_timed_heading_outside_the_timeline_is_noted() {
    let name = "timed-step-headings-outside-timeline.md";
    let text = std::fs::read_to_string(format!("tests/fixtures/shapes/{name}")).unwrap();
    let found = notes(name, &text);
    assert!(found
        .iter()
        .filter(|(_, _, m)| m.contains("heading names a time"))
        .all(|(s, _, _)| *s == Severity::Warning));
    let lone = lines_saying(&found, "heading names a time");
    // The two step headings in a run are entries; the nightly job's heading alone is noted.
    assert_eq!(lone, [38], "{found:?}");
}

#[test]
fn a_lone_stray_line_telling_two_moments_is_noted_once_not_placed() {
    let text = "# Outage\n\n## Timeline\n\n- 09:00 alert fired\n- 09:30 fixed\n\n## Notes\n\nSome words.\n\n- 11:00 cache warmed; 11:20 traffic back\n";
    let parsed = parse_document("a.md", text);
    assert_eq!(parsed.incident.timeline.len(), 2);
    let strays = lines_saying(&notes("a.md", text), "sits outside the timeline");
    assert_eq!(strays, [12]);
}
