//! The plain-text and Markdown fixture corpus (`tests/fixtures/text/`), every field asserted.
//!
//! Each fixture `NAME.md` / `NAME.txt` has a reviewed `NAME.expected.json` beside it holding
//! the whole incident the reader must produce and every diagnostic (line, column, message):
//! the comparison covers every field, not just "no error". After a deliberate change of
//! behaviour, `UPDATE_FIXTURES=1 cargo test --test text_fixtures` rewrites the expectations;
//! review the diff before committing it.
//!
//! The tests below the corpus check spell out the behaviours the issue asks for, one by one,
//! so a wrong snapshot cannot hide them.

use std::path::{Path, PathBuf};

use postmortem_explorer::model::{Incident, Moment};
use postmortem_explorer::parse::{parse_text, rich, Parsed, Severity};
use serde_json::{json, Value};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text")
}

fn fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixture_dir())
        .expect("fixture folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .collect();
    paths.sort();
    paths
}

fn source(name: &str) -> String {
    let bytes = std::fs::read(fixture_dir().join(name)).expect("fixture");
    String::from_utf8(bytes).expect("UTF-8 fixture")
}

fn parse(name: &str) -> Parsed {
    parse_text(&source(name))
}

/// The text of each timeline event, in order.
fn event_texts(parsed: &Parsed) -> Vec<&str> {
    parsed
        .incident
        .timeline
        .iter()
        .map(|e| e.text.as_str())
        .collect()
}

fn incident(name: &str) -> Incident {
    parse(name).incident
}

fn snapshot(parsed: &Parsed) -> Value {
    json!({
        "incident": parsed.incident,
        "diagnostics": parsed.diagnostics,
    })
}

fn moment(text: &str) -> Moment {
    text.parse().expect("ISO 8601 moment")
}

/// `(at, text)` of every timeline event.
fn events(incident: &Incident) -> Vec<(String, String)> {
    incident
        .timeline
        .iter()
        .map(|e| (e.at.to_string(), e.text.clone()))
        .collect()
}

fn ats(incident: &Incident) -> Vec<String> {
    incident.timeline.iter().map(|e| e.at.to_string()).collect()
}

#[test]
fn corpus_has_at_least_thirty_fixtures() {
    assert!(fixtures().len() >= 30, "{} fixtures", fixtures().len());
}

#[test]
fn every_fixture_matches_its_reviewed_expectation() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut failures = Vec::new();
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let actual = snapshot(&parse_text(&text));
        let expected_path = path.with_extension("expected.json");
        if update {
            let pretty = serde_json::to_string_pretty(&actual).expect("json") + "\n";
            std::fs::write(&expected_path, pretty).expect("write expectation");
            continue;
        }
        let expected: Value = std::fs::read_to_string(&expected_path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or(Value::Null);
        if expected != actual {
            failures.push(format!(
                "{}:\nexpected {}\nactual   {}",
                path.display(),
                expected,
                actual
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every non-empty line ends up in a field or in a warning: each line's longest word is
/// found in the incident, or a diagnostic names the line. Structure-only lines (section
/// headings and labels, code fences, table separators and headers, front matter fences,
/// rules) are exempt.
#[test]
fn every_non_empty_line_lands_in_a_field_or_a_warning() {
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let parsed = parse_text(&text);
        let haystack = serde_json::to_string(&parsed.incident)
            .expect("json")
            .replace("\\\"", "\"");
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
        for (index, line) in lines.iter().enumerate() {
            let number = index as u32 + 1;
            let trimmed = line.trim();
            let next_is_separator = lines
                .get(index + 1)
                .is_some_and(|l| l.trim().starts_with('|') && l.contains("--"));
            let bare = trimmed.trim_matches(['*', '_', '#', ' ']);
            let heading = trimmed.starts_with('#')
                || (trimmed.starts_with("**") && trimmed.ends_with("**"))
                || (bare.ends_with(':') && bare.split_whitespace().count() <= 6)
                || trimmed.starts_with("<span");
            // Time fields become `start`, `end` and the events' dates rather than text.
            let lower = bare.to_lowercase();
            let time_field = ["duration", "date", "start", "end", "period"]
                .iter()
                .any(|label| {
                    lower.starts_with(label)
                        && lower[label.len()..]
                            .trim_start_matches(['*', ' '])
                            .starts_with(':')
                });
            let structural = heading
                || time_field
                || trimmed.is_empty()
                || trimmed.starts_with("```")
                || trimmed
                    .chars()
                    .all(|c| matches!(c, '-' | '|' | ':' | '+' | ' '))
                || next_is_separator;
            if structural || parsed.diagnostics.iter().any(|d| d.line == number) {
                continue;
            }
            // A `Label: value` line is checked by its value: labels name fields.
            let checked = match trimmed.split_once(':') {
                Some((label, value))
                    if label.split_whitespace().count() <= 4
                        && !label.chars().any(|c| c.is_ascii_digit())
                        && !value.trim().is_empty() =>
                {
                    value
                }
                _ => trimmed,
            };
            let word = checked
                .split(|c: char| !c.is_alphanumeric())
                .max_by_key(|w| w.chars().count())
                .unwrap_or("");
            assert!(
                haystack.contains(word),
                "{}:{number}: `{trimmed}` (word `{word}`) is in no field and no warning",
                path.display()
            );
        }
    }
}

#[test]
fn every_diagnostic_is_located_and_says_what_was_expected() {
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let line_count = text.lines().count().max(1) as u32;
        for d in parse_text(&text).diagnostics {
            assert!(
                d.line >= 1 && d.line <= line_count,
                "{}: {d}",
                path.display()
            );
            assert!(d.column >= 1, "{}: {d}", path.display());
            assert!(d.message.contains("expected"), "{}: {d}", path.display());
        }
    }
}

#[test]
fn title_lines_and_synonyms_fill_the_same_fields() {
    let plain = incident("01-plain-labels.txt");
    assert_eq!(plain.title, "Login outage at the bakery");
    assert_eq!(plain.start, Some(moment("2024-03-04T09:00:00+00:00")));
    assert_eq!(plain.end, Some(moment("2024-03-04T11:30:00+00:00")));
    assert_eq!(plain.impact.affected_users_percent, Some(25.0));
    assert_eq!(
        plain.root_cause,
        "An expired TLS certificate on the session service."
    );
    assert_eq!(
        plain.resolution,
        "The certificate was renewed and the service restarted."
    );
    assert_eq!(plain.action_items.len(), 2);

    let md = incident("02-markdown-headings.md");
    assert_eq!(md.summary, "Checkout pages took over ten seconds to load.");
    assert_eq!(md.root_cause, "A missing index on the orders table.");
    assert_eq!(md.resolution, "The index was created online.");
    assert_eq!(md.action_items[0].text, "Add query plan checks to CI.");
    assert_eq!(ats(&md), ["10:00:00", "10:12:00", "10:40:00"]);

    let bold = incident("03-bold-labels.md");
    assert_eq!(bold.root_cause, "Stale index alias after a reindex.");
    assert_eq!(bold.detection, "A customer report, not monitoring.");
    assert_eq!(bold.impact.affected_users_percent, Some(40.0));
    assert_eq!(
        ats(&bold),
        [
            "2024-05-02T15:11:00+00:00",
            "2024-05-02T15:20:00+00:00",
            "2024-05-02T15:58:00+00:00"
        ]
    );

    let span = incident("04-span-lowercase.md");
    assert_eq!(span.title, "Cache stampede");
    assert_eq!(
        span.summary,
        "The cache cluster restarted and every request hit the database."
    );
    assert_eq!(
        span.root_cause,
        "A kernel update rebooted all cache nodes at once."
    );
    assert_eq!(span.timeline.len(), 3);
}

#[test]
fn unknown_sections_are_kept() {
    let incident = incident("05-unknown-sections.md");
    let titles: Vec<&str> = incident
        .other_sections
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["Authors", "Status", "Supporting Information"]);
    assert_eq!(incident.other_sections[0].body, "Ann, Bo");
    assert_eq!(
        incident.root_cause,
        "A traffic spike from a partner batch job."
    );
}

#[test]
fn timeline_lines_in_every_list_shape() {
    let incident = incident("06-list-shapes.md");
    assert_eq!(
        ats(&incident),
        ["09:00:00", "09:05:00", "09:10:00", "09:30:00", "09:35:00", "09:40:00", "09:45:00"]
    );
    assert_eq!(incident.timeline[6].text, "Quoted list entry.");
}

#[test]
fn every_time_shape_and_separator() {
    let incident = incident("07-time-shapes.md");
    assert_eq!(
        events(&incident),
        [
            ("10:00:00+00:00", "hour only with a marker"),
            ("21:05:00+00:00", "dotted marker"),
            ("10:00:00+00:00", "no space before am"),
            ("14:05:33+00:00", "with seconds"),
            ("14:10:00+00:00", "bracketed"),
            ("14:11:00+00:00", "bold"),
            ("14:20:00+00:00", "code span"),
            ("14:30:00+00:00", "with At"),
            ("07:32:16+00:00", "with a zone after"),
        ]
        .map(|(a, t)| (a.to_string(), t.to_string()))
    );
}

#[test]
fn wrapped_br_joined_and_heading_entries() {
    let wrapped = incident("08-wrapped-entries.md");
    assert_eq!(
        wrapped.timeline[0].text,
        "Resolvers began timing out for internal names only, starting in one region."
    );
    assert_eq!(
        wrapped.timeline[1].text,
        "Failed over to the secondary resolver pool."
    );
    assert_eq!(wrapped.timeline.len(), 3);

    let joined = incident("09-br-joined.md");
    assert_eq!(
        ats(&joined),
        ["12:00:00", "12:04:00", "12:30:00", "12:45:00"]
    );
    assert_eq!(joined.timeline[2].text, "Duplicate charges refunded");

    let headings = incident("10-heading-events.md");
    assert_eq!(
        events(&headings),
        [
            (
                "2024-02-29T03:00:00",
                "Disk usage crossed 95% on the primary."
            ),
            (
                "2024-02-29T03:40:00",
                "Log rotation forced\n\nOld logs were compressed."
            ),
            ("2024-02-29T04:10:00", "Writes succeeded again."),
        ]
        .map(|(a, t)| (a.to_string(), t.to_string()))
    );
}

#[test]
fn markdown_table_timeline() {
    let incident = incident("11-table-timeline.md");
    assert_eq!(
        events(&incident),
        [
            (
                "2025-05-20T08:41:00+00:00",
                "Page: API 5xx > 20 % — Owner: oncall"
            ),
            ("2025-05-20T08:49:00+00:00", "Rollback started"),
            ("2025-05-21T00:05:00+00:00", "Flag removed — Owner: sre"),
        ]
        .map(|(a, t)| (a.to_string(), t.to_string()))
    );
}

#[test]
fn dates_from_every_place_they_are_written() {
    assert_eq!(
        ats(&incident("12-date-from-duration.txt")),
        ["2024-06-03T13:00:00-04:00", "2024-06-03T14:15:00-04:00"]
    );
    assert_eq!(
        ats(&incident("13-date-field.md")),
        ["2024-03-03T07:15:00", "2024-03-03T07:50:00"]
    );
    assert_eq!(
        ats(&incident("14-date-in-title.md")),
        ["2023-08-17T07:55:00+00:00", "2023-08-17T08:37:00+00:00"]
    );
    assert_eq!(
        ats(&incident("15-date-headings.md")),
        [
            "2016-11-08T22:00:00",
            "2016-11-09T09:00:00",
            "2016-11-10T10:30:00"
        ]
    );
    assert_eq!(
        ats(&incident("16-bare-date-line.txt")),
        ["2024-01-15T10:00:00", "2024-01-15T10:30:00"]
    );
    assert_eq!(
        ats(&incident("17-dates-on-entries.md")),
        [
            "2024-01-15T10:00:00+00:00",
            "2024-01-15T10:05:00+00:00",
            "2024-01-16T13:00:00+00:00",
            "2024-01-16T13:30:00+00:00"
        ]
    );
}

#[test]
fn late_evening_rolls_over_and_other_steps_back_are_flagged() {
    assert_eq!(
        ats(&incident("18-midnight-rollover.txt")),
        [
            "2024-03-01T22:30:00",
            "2024-03-01T23:45:00",
            "2024-03-02T00:15:00",
            "2024-03-02T01:00:00"
        ]
    );
    let parsed = parse("19-out-of-order.md");
    assert_eq!(
        ats(&parsed.incident),
        [
            "2024-04-02T10:00:00",
            "2024-04-02T09:30:00",
            "2024-04-02T10:30:00"
        ]
    );
    let warning = &parsed.diagnostics[0];
    assert_eq!((warning.line, warning.severity), (8, Severity::Warning));
    assert!(warning.message.contains("earlier than the one before it"));
}

#[test]
fn time_zones_offsets_and_summer_time() {
    assert_eq!(
        ats(&incident("20-zone-offsets.md")),
        [
            "2024-06-10T10:00:00-05:00",
            "2024-06-10T10:05:00+05:30",
            "2024-06-10T10:10:00-05:00",
            "2024-06-10T15:20:00+00:00"
        ]
    );
    assert_eq!(
        ats(&incident("21-pst-pdt-summer.md")),
        ["2024-07-15T09:00:00-07:00", "2024-07-15T09:30:00-07:00"]
    );
    assert_eq!(
        ats(&incident("22-us-pacific-winter.md")),
        ["2024-01-10T09:00:00-08:00", "2024-01-10T09:30:00-08:00"]
    );
    assert_eq!(
        ats(&incident("38-europe-london.md")),
        ["2024-01-10T09:00:00+00:00", "2024-07-10T09:00:00+01:00"]
    );
    assert_eq!(
        ats(&incident("24-abbreviations.md")),
        [
            "2024-10-01T09:00:00-04:00",
            "2024-10-01T16:00:00+02:00",
            "2024-10-01T23:00:00+09:00",
            "2024-10-02T01:00:00+10:00"
        ]
    );
}

#[test]
fn short_us_zones_stated_for_the_timeline_are_applied() {
    let read = |text: &str| ats(&postmortem_explorer::parse::parse_text(text).incident);
    assert_eq!(
        read("# Outage\n\nDate: 2022-07-08\n\nAll times ET.\n\n## Timeline\n- 14:00 fail\n"),
        ["2022-07-08T14:00:00-04:00"]
    );
    assert_eq!(
        read("# Outage\n\nDate: 2022-03-08\n\n## Timeline (PT)\n- 14:00 fail\n"),
        ["2022-03-08T14:00:00-08:00"]
    );
    // Two capitals in prose are not a zone.
    assert_eq!(
        read(
            "# Outage\n\nDate: 2022-03-08\n\nThe PT team was paged.\n\n## Timeline\n- 14:00 fail\n"
        ),
        ["2022-03-08T14:00:00"]
    );
}

#[test]
fn ambiguous_abbreviations_are_read_and_reported() {
    let parsed = parse("23-ambiguous-ist.md");
    assert_eq!(
        parsed.incident.timeline[0].at,
        moment("2024-09-09T14:00:00+05:30")
    );
    assert_eq!(
        parsed.incident.timeline[2].at,
        moment("2024-09-09T14:50:00+01:00")
    );
    let notes: Vec<&str> = parsed
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        notes
            .iter()
            .any(|m| m.starts_with("IST was read as UTC+05:30")),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|m| m.starts_with("BST was read as UTC+01:00")),
        "{notes:?}"
    );
}

#[test]
fn prose_without_a_timeline_gives_inferred_events() {
    let incident = incident("25-inferred-prose.md");
    assert_eq!(
        ats(&incident),
        [
            "2024-03-05T14:02:00+00:00",
            "2024-03-05T14:40:00+00:00",
            "2024-03-05T15:10:00+00:00"
        ]
    );
    assert!(incident.timeline.iter().all(|e| e.inferred));
    assert_eq!(
        incident.timeline[0].text,
        "At 14:02 UTC a configuration push began."
    );
}

#[test]
fn chat_log_lines_are_not_events() {
    let parsed = parse("26-chat-log.md");
    assert_eq!(
        ats(&parsed.incident),
        ["2024-05-05T11:00:00", "2024-05-05T11:10:00"]
    );
    let chat_lines: Vec<u32> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("chat message"))
        .map(|d| d.line)
        .collect();
    assert_eq!(chat_lines, [8, 9]);
    assert_eq!(
        parsed.incident.other_sections[0].body,
        "[1:26 PM] carol: let's add a freeze check."
    );
}

#[test]
fn noise_around_the_postmortem() {
    let preamble = parse("27-chatbot-preamble.md");
    assert_eq!(preamble.incident.title, "Postmortem: Redis eviction storm");
    assert_eq!(preamble.incident.summary, "");
    assert_eq!(preamble.diagnostics.len(), 1);
    assert_eq!(preamble.diagnostics[0].line, 1);

    let yaml = incident("28-yaml-front-matter.md");
    assert_eq!(yaml.title, "Object store slowdown");
    assert_eq!(ats(&yaml), ["2022-11-30T05:10:00", "2022-11-30T05:50:00"]);
    assert_eq!(yaml.severity, "SEV2");
    assert_eq!(yaml.other_sections[0].title, "Front matter");
    assert_eq!(yaml.other_sections[0].body, "```\nauthors:\n  - dana\n```");

    let toml = incident("29-toml-front-matter.md");
    assert_eq!(toml.title, "Build farm outage");
    assert_eq!(ats(&toml), ["2021-07-04T12:00:00", "2021-07-04T12:30:00"]);

    let html = incident("30-html-and-emoji.md");
    assert_eq!(html.title, "Cookies & cream 🍪 outage");
    // The summary keeps the author's Markdown; what the page shows is its rendered text,
    // where the `<script>` tag is visible text and entities are decoded.
    assert_eq!(
        html.summary,
        "Users saw &lt;error&gt; pages &mdash; and <script>alert(1)</script> text in one banner."
    );
    let shown = rich::plain_text(&rich::render(&html.summary, &rich::LinkBase::none()));
    assert_eq!(
        shown,
        "Users saw <error> pages — and <script>alert(1)</script> text in one banner.\n"
    );
    assert_eq!(html.timeline[0].text, "Banner deploy with unescaped HTML.");
    assert_eq!(ats(&html), ["10:00:00", "10:20:00"]);

    let crlf = parse("31-crlf-bom-tabs.txt");
    assert_eq!(crlf.incident.title, "Windows line endings");
    assert_eq!(
        events(&crlf.incident),
        [
            ("2024-08-08T09:00:00", "Disk alert"),
            ("2024-08-08T09:30:00", "Disk cleaned")
        ]
        .map(|(a, t)| (a.to_string(), t.to_string()))
    );
    assert_eq!(crlf.incident.impact.text, "None for users.");
    assert!(crlf.diagnostics.is_empty(), "{:?}", crlf.diagnostics);
}

#[test]
fn impact_share_only_counts_users() {
    let share = incident("32-impact-share.md");
    assert_eq!(share.impact.affected_users_percent, Some(80.0));
    assert!(share.impact.text.starts_with("99% of requests were served"));
    let not_users = incident("33-impact-not-users.md");
    assert_eq!(not_users.impact.affected_users_percent, None);
    assert_eq!(
        not_users.impact.text,
        "Only 99% of requests were served from cache; 12% of servers were hot."
    );
}

#[test]
fn action_items_with_owner_priority_status_and_link() {
    let list = incident("34-action-items-list.md").action_items;
    let fields: Vec<_> = list
        .iter()
        .map(|a| {
            (
                a.text.as_str(),
                a.owner.as_deref(),
                a.priority.as_deref(),
                a.status.as_deref(),
                a.link.as_deref(),
                a.due.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            (
                "Fix connection leak",
                Some("alice"),
                Some("P1"),
                Some("done"),
                Some("https://tracker.example.com/OPS-1"),
                None
            ),
            (
                "Add pool exhaustion alert",
                Some("@bob"),
                Some("P2"),
                Some("open"),
                None,
                None
            ),
            (
                "Document the runbook",
                None,
                None,
                Some("in progress"),
                Some("https://wiki.example.com/runbook"),
                Some("2024-02-01")
            ),
            (
                "Load test the new pool size",
                None,
                None,
                Some("TODO"),
                None,
                None
            ),
            (
                "Review timeouts",
                Some("carol"),
                None,
                Some("done"),
                None,
                None
            ),
        ]
    );
    let table = incident("35-action-items-table.md").action_items;
    let fields: Vec<_> = table
        .iter()
        .map(|a| {
            (
                a.text.as_str(),
                a.owner.as_deref(),
                a.priority.as_deref(),
                a.status.as_deref(),
                a.link.as_deref(),
                a.due.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            (
                "Add canary analysis",
                Some("sre"),
                Some("P1"),
                Some("open"),
                Some("https://tracker.example.com/AI-2"),
                Some("2026-01-12")
            ),
            (
                "Update runbook",
                Some("payments"),
                Some("P2"),
                Some("done"),
                None,
                None
            ),
            (
                "Block risky pool changes",
                Some("platform"),
                Some("P0"),
                Some("open"),
                Some("https://tracker.example.com/AI-1"),
                Some("2026-01-05")
            ),
        ]
    );
}

#[test]
fn lessons_learned_lists() {
    let lessons = incident("36-lessons-learned.md").lessons;
    assert_eq!(lessons.text, "Mostly about capacity.");
    assert_eq!(
        lessons.went_well,
        ["Monitoring alerted quickly.", "Corpus update was fast."]
    );
    assert_eq!(
        lessons.went_wrong,
        ["Out of practice with cascading failure."]
    );
    assert_eq!(lessons.lucky, ["A mailing list had the new sonnet."]);
}

#[test]
fn noise_inside_a_timeline_is_reported_not_dropped() {
    let parsed = parse("37-noise-in-timeline.md");
    assert_eq!(
        ats(&parsed.incident),
        [
            "2024-12-24T10:00:00",
            "2024-12-24T10:05:00",
            "2024-12-24T10:30:00"
        ]
    );
    let located: Vec<(u32, u32)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column))
        .collect();
    assert_eq!(located, [(7, 1), (9, 3), (10, 30)]);
}

#[test]
fn emoji_headings_and_two_tables() {
    let incident = incident("40-timeline-no-separator-emoji-headings.md");
    assert_eq!(
        ats(&incident),
        ["2024-11-05T10:01:00+00:00", "2024-11-05T10:03:00+00:00"]
    );
    assert_eq!(incident.action_items[0].text, "Add lock to cron");
    assert_eq!(incident.action_items[0].owner.as_deref(), Some("@alex"));
    assert_eq!(incident.action_items[0].due.as_deref(), Some("June 28"));
}

#[test]
fn entry_lines_under_phase_headings_are_inferred_with_their_wrapped_text() {
    let incident = incident("41-phase-sections.md");
    assert_eq!(
        ats(&incident),
        ["03:17:00+00:00", "03:48:00+00:00", "05:31:00+00:00"]
    );
    assert!(incident.timeline.iter().all(|e| e.inferred));
    // The wrapped line belongs to its entry; its "at 03:19" is not another event.
    assert_eq!(
        incident.timeline[0].text,
        "Alert: 5xx above 5%. Acknowledged at 03:19 by the primary."
    );
    // A date inside an entry's text does not date the entries.
    assert!(incident.timeline.iter().all(|e| e.at.date.is_none()));
}

#[test]
fn a_table_row_naming_only_the_day_dates_the_rows_after_it() {
    let parsed = parse("42-table-date-row.md");
    assert_eq!(
        ats(&parsed.incident),
        ["2023-03-03T09:36:09", "2023-03-03T10:12:10"]
    );
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(
        (parsed.diagnostics[0].line, parsed.diagnostics[0].column),
        (9, 3)
    );
}

#[test]
fn several_stated_windows_widen_to_cover_them_all() {
    let text = "# Two outages\n\n## Timeline\n\n### October 21, 2025 - Redis\n\n**Duration:** 21:45 to 23:28 UTC\n\n- 21:45 UTC deploy\n\n### October 24, 2025 - Rate limits\n\n**Duration:** 18:00 to 19:10 UTC\n\n- 18:00 UTC deploy\n";
    let incident = parse_text(text).incident;
    assert_eq!(
        stated_window(&incident),
        (
            "2025-10-21T21:45:00+00:00".into(),
            "2025-10-24T19:10:00+00:00".into()
        )
    );
}

#[test]
fn a_window_in_parentheses_after_a_length_range_is_the_stated_window() {
    let incident = parse_text(
        "# Worker timeouts\n\n**Date:** 2026-05-22\n**Duration:** ~2–3 hours (approx 05:30–08:00 UTC)\n\n## Timeline\n\n- 07:58 Workers stopped hanging\n",
    )
    .incident;
    assert_eq!(
        stated_window(&incident),
        (
            "2026-05-22T05:30:00+00:00".into(),
            "2026-05-22T08:00:00+00:00".into()
        )
    );
}

#[test]
fn a_stated_window_without_a_zone_takes_the_timelines_zone() {
    let incident = parse_text(
        "# Orders not dispatched\n\n- **Date:** 2026-01-29\n- **Duration:** ~2 jam (04:39 - 06:42)\n\n## Timeline (WIB)\n\n| Time | Event |\n|------|-------|\n| 04:39 | Laporan isu dari Helpdesk |\n| 06:42 | Deployment hotfix |\n",
    )
    .incident;
    assert_eq!(
        stated_window(&incident),
        (
            "2026-01-29T04:39:00+07:00".into(),
            "2026-01-29T06:42:00+07:00".into()
        )
    );
}

/// The stated start and end as written in ISO 8601 (empty when not stated).
fn stated_window(incident: &Incident) -> (String, String) {
    let written = |m: Option<Moment>| m.map(|m| m.to_string()).unwrap_or_default();
    (written(incident.start), written(incident.end))
}

#[test]
fn code_under_an_entry_stays_a_code_block_in_its_text() {
    let parsed = parse_text(
        "# Queue stall\n\n## Timeline\n\n- 10:00 Logs showed:\n  ```\n  ERROR pool exhausted\n  ```\n- 10:05 Restarted the pool\n",
    );
    let texts = event_texts(&parsed);
    assert_eq!(
        texts,
        [
            "Logs showed:\n\n```\n  ERROR pool exhausted\n```",
            "Restarted the pool"
        ]
    );
    let shown = rich::render(texts[0], &rich::LinkBase::none());
    assert!(matches!(
        shown.last(),
        Some(rich::Node::Element(rich::Element::CodeBlock, _))
    ));
}

#[test]
fn a_stated_window_without_a_date_takes_the_incidents_day() {
    let incident = parse_text(
        "# Sitemap outage\n\nDuration: 21:31 - 01:32 PST\n\n## Timeline\n\n- 2025-11-21 21:31 Last good run\n- 2025-11-22 01:32 Resolved\n",
    )
    .incident;
    let start = incident.start.expect("a stated start");
    let end = incident.end.expect("a stated end");
    assert_eq!(start.to_string(), "2025-11-21T21:31:00-08:00");
    assert_eq!(end.to_string(), "2025-11-22T01:32:00-08:00");
}

#[test]
fn the_authors_headings_are_kept_for_the_parts_the_page_names() {
    let parsed = parse_text(
        "# X\n\n## What happened\n\nA thing.\n\n## Chronology\n\n- 10:00 a\n\n## Follow-up actions\n\n- Fix it\n\n## Root Cause Analysis\n\nBecause.\n",
    );
    assert_eq!(parsed.heading("summary"), Some("What happened"));
    assert_eq!(parsed.heading("timeline"), Some("Chronology"));
    assert_eq!(parsed.heading("root_cause"), Some("Root Cause Analysis"));
    assert_eq!(parsed.heading("lessons"), None);
}

#[test]
fn reference_links_defined_elsewhere_still_render_as_links() {
    let incident = parse_text(
        "# Malware upload\n\n## Summary\n\nWe were told by [Phylum][phylum] of the upload.\n\n## Timeline\n\n- 10:00 Report received\n\n## Links\n\n[phylum]: https://www.phylum.io/\n",
    )
    .incident;
    let nodes = rich::render(&incident.summary, &rich::LinkBase::none());
    let text = rich::plain_text(&nodes);
    assert_eq!(text, "We were told by Phylum of the upload.\n");
    let linked = format!("{nodes:?}");
    assert!(
        linked.contains("Link(\"https://www.phylum.io/\")"),
        "{linked}"
    );
}

#[test]
fn the_action_item_table_keeps_the_authors_column_names() {
    let parsed = parse_text(
        "# X\n\n## Action Items\n\n| **Action Item** | Type | **Owner** | Tracking bug |\n|---|---|---|---|\n| Add alerts | mitigate | ana | https://bugs.example.com/1 |\n",
    );
    assert_eq!(parsed.heading("task_column"), Some("Action Item"));
    assert_eq!(parsed.heading("owner_column"), Some("Owner"));
    assert_eq!(parsed.incident.action_items.len(), 1);
}

#[test]
fn a_stamp_that_ends_a_bold_line_keeps_a_day_it_cannot_date_in_the_text() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes/bold-update-stamps.md");
    let text = std::fs::read_to_string(path).expect("fixture");
    let incident = parse_text(&text).incident;
    let texts: Vec<&str> = incident
        .timeline
        .iter()
        .map(|e| e.text.lines().next().unwrap_or(""))
        .collect();
    // No year is written anywhere, so the days cannot be placed: they stay as written.
    assert_eq!(
        texts,
        [
            "Login nodes unreachable Wednesday 3rd March",
            "Login nodes back Wednesday 3rd March",
            "Scratch filesystem slow Monday 1st March",
        ]
    );
    assert!(incident.timeline.iter().all(|e| e.at.date.is_none()));
    // With a year, the day is the entry's date and leaves the text.
    let dated = parse_text(&text.replace("layout: page", "date: 2021-03-04")).incident;
    assert_eq!(
        dated.timeline[0].text.lines().next(),
        Some("Login nodes unreachable")
    );
    assert_eq!(
        dated.timeline[0].at.date.map(|d| d.to_string()).as_deref(),
        Some("2021-03-03")
    );
}

#[test]
fn subheadings_stay_in_the_part_they_are_under_in_order() {
    let incident = incident("subheadings-in-known-parts.md");
    // An unknown subheading of a known part is kept in that part's text, before its text,
    // not moved to a section of its own after the known cards.
    assert!(
        incident.other_sections.is_empty(),
        "{:?}",
        incident.other_sections
    );
    assert_eq!(
        incident.summary,
        "Invoices went out late for two hours.\n\n**Background**\n\nThe billing workers drain one shared queue."
    );
    assert!(incident
        .root_cause
        .starts_with("**Why did the queue back up?**\n\nA consumer"));
    // Subheadings over action items (a list or a table) are their group.
    let groups: Vec<(&str, Option<&str>)> = incident
        .action_items
        .iter()
        .map(|i| (i.text.as_str(), i.group.as_deref()))
        .collect();
    assert_eq!(
        groups,
        [
            ("Add a dead-letter queue", Some("Short term")),
            ("Alert on consumer lag", Some("Short term")),
            ("Split the queue per region", Some("Long term")),
        ]
    );
    // `<p>` lines one under the other are items each; the HTML headings over them are kept.
    assert_eq!(
        incident.improvements,
        [
            "**Corrective measures**",
            "**Fixes**",
            "Retry poison messages three times, then park them.",
            "Page the billing on-call for lag over ten minutes.",
        ]
    );
}

#[test]
fn a_picture_named_like_a_part_heads_nothing() {
    let text = "### Postmortem: Login outage\n\n#### Issue Summary\n- **Duration**: Logins failed for 2 hours, from 10:00 AM to 12:00 PM (UTC) on June 7, 2024.\n\n![Outage Timeline](https://example.org/timeline.png)\n\n#### Timeline\n- **10:05 AM**: Alerts fire.\n- **12:00 PM**: Logins work again.\n";
    let parsed = postmortem_explorer::parse::parse_document("login.md", text);
    // Before, `![Outage Timeline](https:` read as a label naming the timeline, and the page
    // headed the timeline with the picture's Markdown.
    assert_eq!(parsed.heading("timeline"), Some("Timeline"));
    assert_eq!(parsed.incident.timeline.len(), 2);
}

#[test]
fn timeline_subheadings_head_the_notes_written_under_them() {
    let text = "# Backup box outage\n\n## Timeline\n\n### Timeline of the failure\n\n1. 01:10 – Disk latency climbs.\n2. 01:40 – The box stops answering.\n\n![Latency graph](/graphs/latency.png)\n\n### Timeline of the recovery\n\nI pulled the disk and cloned it onto a spare.\n\n1. 09:15 – The box boots from the spare.\n\n**Timeline:**\n\n- 09:30 – Backups run again.\n";
    let parsed = postmortem_explorer::parse::parse_document("backup.md", text);
    assert_eq!(parsed.incident.timeline.len(), 4);
    let notes = timeline_notes(&parsed.incident);
    // Before, both subheadings were read as the timeline's own heading again and left out.
    assert_eq!(
        notes,
        "**Timeline of the failure**\n\n![Latency graph](/graphs/latency.png)\n\n**Timeline of the recovery**\n\nI pulled the disk and cloned it onto a spare."
    );
}

#[test]
fn subheadings_over_entries_are_parts_of_the_timeline() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes/phase-subheadings.md");
    let text = std::fs::read_to_string(path).unwrap();
    let parsed = postmortem_explorer::parse::parse_document("phase-subheadings.md", &text);
    let incident = &parsed.incident;
    // Before, `### Detection` took its entries out of the timeline into the detection text,
    // and they came back only as moments guessed from prose.
    assert!(incident.timeline.iter().all(|e| !e.inferred));
    assert_eq!(incident.detection, "");
    let notes: Vec<(&str, &str)> = incident
        .other_sections
        .iter()
        .map(|s| (s.title.as_str(), s.body.as_str()))
        .collect();
    assert_eq!(
        notes,
        [("Notes in the timeline", "**Detection**\n\n**Mitigation**")]
    );
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn a_last_update_line_does_not_date_the_timeline() {
    let text = "# Mail relay outage on 3 April 2024\n\n## Timeline\n\n*Last updated: 9 April 2024*\n\n- 10:05 - Mail stops leaving the relay.\n- 10:50 - The queue drains.\n";
    let parsed = postmortem_explorer::parse::parse_document("relay.md", text);
    let dates: Vec<String> = parsed
        .incident
        .timeline
        .iter()
        .map(|e| e.at.date.map(|d| d.to_string()).unwrap_or_default())
        .collect();
    // Before, the page's edit date was read as the day of the entries under it.
    assert_eq!(dates, ["2024-04-03", "2024-04-03"]);
}

#[test]
fn a_heading_that_is_only_a_shortcode_stamp_dates_the_paragraph_under_it() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/shapes/shortcode-only-headings.md"),
    )
    .expect("shape fixture");
    let parsed = postmortem_explorer::parse::parse_document("wiki.md", &text);
    let texts = event_texts(&parsed);
    // Before, each entry read "###" and its paragraph went to the reading notes.
    assert_eq!(
        texts,
        [
            "Search is back and answers as fast as before the rebuild.",
            "The index is rebuilt; search stays read-only while we check it."
        ]
    );
}

#[test]
fn a_downtime_line_states_the_length_and_stays_where_it_is_written() {
    let text = "# Stream restarts on 2025-03-01\n\n## Impact\n\n\
                - **Downtime**: ~52 minutes of degraded service\n- **Restarts**: 26 in one hour\n\n\
                ## Timeline\n\n- 16:00 - Streams start failing\n- 16:52 - Streams recover\n";
    let incident = parse_text(text).incident;
    assert_eq!(incident.stated_duration, "~52 minutes");
    // The line is the impact's, in the author's order: it is not moved to the summary.
    assert!(
        incident
            .impact
            .text
            .starts_with("- **Downtime**: ~52 minutes"),
        "{}",
        incident.impact.text
    );
    assert_eq!(incident.summary, "");
    // A length of something else is not the impact's.
    let other = parse_text("# Build broken\n\n**Duration:** ~9 hours between push and discovery\n");
    assert_eq!(other.incident.stated_duration, "");
}

#[test]
fn a_range_joined_by_an_arrow_with_a_short_zone_is_the_stated_window() {
    let text = "# Email flood\n\n**Date:** December 24, 2025\n\
                **Duration:** ~18 hours (Dec 23 7 PM → Dec 24 9 AM ET)\n\n\
                ## Timeline\n\n- Dec 23, 7:00 PM - First failures\n- Dec 24, 9:00 AM - Fixed\n";
    let incident = parse_text(text).incident;
    // Before, the arrow was no range and `ET` after the time was not read as its zone.
    assert_eq!(
        stated_window(&incident),
        (
            "2025-12-23T19:00:00-05:00".into(),
            "2025-12-24T09:00:00-05:00".into()
        )
    );
    assert_eq!(incident.stated_duration, "~18 hours");
}

#[test]
fn arrow_lines_under_an_entry_go_on_that_entry_and_head_no_section() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shapes/arrow-continuation-lines.txt");
    let text = std::fs::read_to_string(path).expect("fixture");
    let incident = parse_text(&text).incident;
    let clash = &incident.timeline[1].text;
    assert!(clash.contains("Readings dropped for every room"), "{clash}");
    assert!(clash.contains("Dashboard showed stale values"), "{clash}");
    assert!(
        incident
            .other_sections
            .iter()
            .all(|s| !s.title.starts_with('→')),
        "{:?}",
        incident
            .other_sections
            .iter()
            .map(|s| &s.title)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_weekday_or_at_sign_around_a_time_is_part_of_the_stamp_not_the_text() {
    let texts = shape_texts("weekday-after-time.md");
    assert_eq!(
        texts,
        [
            "Nightly backup job fails on the archive host",
            "Second failure noticed in the weekly report",
            "Disk quota raised on the archive host",
            "Backup completes",
        ]
    );
}

/// The entries' texts read from `text`.
fn entry_texts(text: &str) -> Vec<String> {
    parse_text(text)
        .incident
        .timeline
        .into_iter()
        .map(|e| e.text)
        .collect()
}

/// The text of a shape fixture.
fn shape_source(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shapes")
        .join(name);
    std::fs::read_to_string(path).expect("fixture")
}

/// A shape fixture as read.
fn shape_parsed(name: &str) -> postmortem_explorer::parse::Parsed {
    parse_text(&shape_source(name))
}

/// The entries' texts of a shape fixture.
fn shape_texts(name: &str) -> Vec<String> {
    entry_texts(&shape_source(name))
}

#[test]
fn separators_and_labels_around_a_stamp_are_not_the_entrys_words() {
    // A definition list's `: ` and AsciiDoc's `::` after the stamp.
    for name in ["definition-list-timeline.md", "asciidoc-labelled-list.adoc"] {
        let texts = shape_texts(name);
        assert_eq!(texts[0], "Cache hit rate drops to 20%", "{name}");
        assert_eq!(texts[1], "Database CPU at 100%, pages go out", "{name}");
    }
    // A status page's label on its own line goes before the update's words.
    assert_eq!(
        shape_texts("status-page-copied-text.txt")[1],
        "Monitoring — The queue consumers were scaled up; deliveries are catching up."
    );
    // `### Update — 22:00 UTC` over the update's words.
    let texts = entry_texts(
        "# Errors\n\n### Update — 22:00 UTC, 16 January 2021\nThe fix is out.\n\n### Investigating — 20:55 UTC, 16 January 2021\nLooking into it.\n",
    );
    assert_eq!(
        texts,
        [
            "Update — The fix is out.",
            "Investigating — Looking into it."
        ]
    );
    // A `What` column holds the entry's words; the end column follows them.
    let parsed = parse_text(
        "# X\n\n## Timeline\n\n| Start | End | What |\n|---|---|---|\n| 2024-04-09 14:05 | 2024-04-09 14:12 | Primary down |\n",
    );
    assert_eq!(
        parsed.incident.timeline[0].text,
        "Primary down — End: 2024-04-09 14:12"
    );
}

#[test]
fn a_zone_named_by_its_region_or_after_hrs_is_the_entries_zone() {
    let read = |name: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/shapes")
            .join(name);
        parse_text(&std::fs::read_to_string(path).expect("fixture")).incident
    };
    // `All times Pacific.` in June: Pacific daylight time.
    let pacific = read("region-zone-statement.md");
    assert!(pacific
        .timeline
        .iter()
        .all(|e| e.at.offset.map(|o| o.minutes()) == Some(-7 * 60)));
    // `at around 11am Pacific` in prose: Pacific standard time in November.
    let prose = read("prose-shortly-after-and-region-zone.md");
    assert_eq!(
        prose.timeline[0].at.offset.map(|o| o.minutes()),
        Some(-8 * 60)
    );
    // `09:15 hrs IST: text`: the zone is the entry's, not the start of its words.
    let hours = read("hours-word-then-zone.md");
    assert_eq!(
        hours.timeline[0].text,
        "Export job fails on the first batch"
    );
    assert_eq!(hours.timeline[0].at.offset.map(|o| o.minutes()), Some(330));
}

#[test]
fn a_day_cell_that_names_no_day_stays_in_the_entrys_words() {
    let texts = shape_texts("day-column-table.md");
    assert_eq!(texts[2], "Intermediate certificate found missing");
    assert_eq!(texts[4], "Review held — Day: Later");
}

#[test]
fn front_matter_that_lost_its_opening_fence_is_still_front_matter() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shapes/front-matter-without-opening-fence.md");
    let incident = parse_text(&std::fs::read_to_string(path).expect("fixture")).incident;
    assert_eq!(incident.title, "[Maintenance] Core switch swap");
    assert!(
        incident.summary.starts_with("Hello everyone."),
        "{}",
        incident.summary
    );
    // A setext heading with a label in it is no front matter.
    let heading = parse_text("Title: Outage\n---\n\n## Timeline\n\n- 10:00 x\n").incident;
    assert_ne!(heading.title, "Outage");
}

#[test]
fn a_status_copy_stamp_without_its_year_dates_the_update_above_it() {
    // Status history pages write `Jan 16, 22:00 PST` under each update, without the year;
    // the title gives it.
    let texts = shape_texts("status-copy-stamp-without-year.md");
    assert_eq!(
        texts,
        [
            "Resolved - Search latency is back to normal and the incident is closed.",
            "Monitoring - Shards were rebalanced; we are watching latency.",
            "Investigating - Searches are slow for some customers.",
        ]
    );
}

#[test]
fn a_stamp_alone_takes_the_paragraph_under_it_as_its_words() {
    let texts = shape_texts("stamp-alone-over-paragraph.md");
    assert_eq!(
        texts[1],
        "Failures are back and worse: almost no payment goes through."
    );
    assert!(texts.iter().all(|t| !t.is_empty()), "{texts:?}");
}

#[test]
fn a_stamp_that_ends_a_bold_line_takes_no_markup_with_it() {
    // `* **Maintenance is planned from 11am**`: the stamp took the closing `**`; the
    // opening one is no word of the entry.
    let texts = shape_texts("bold-stamp-ends-notice-line.md");
    assert!(
        texts[2].starts_with("Maintenance is planned from"),
        "{}",
        texts[2]
    );
    assert!(!texts.iter().any(|t| t.contains("**")), "{texts:?}");
}

#[test]
fn a_file_that_is_all_front_matter_is_read_from_its_fields() {
    // A status site's incident file: the description is the text, a block list under
    // `services:` names the services, and the other keys stay in the author's order.
    let parsed = shape_parsed("front-matter-only-status-file.md");
    let incident = &parsed.incident;
    assert!(
        incident.summary.starts_with("Between 09:12 and 10:40 UTC"),
        "{}",
        incident.summary
    );
    assert_eq!(incident.timeline.len(), 1);
    assert_eq!(incident.services, ["Package mirror", "Search API"]);
    assert_eq!(incident.severity, "minor");
    assert_eq!(incident.other_sections[0].title, "Front matter");
    assert_eq!(
        incident.other_sections[0].body,
        "```\nresolved: true\nregions:\n  - ap-southeast-2\nowner: \"\"\n```"
    );
}

#[test]
fn a_stamp_under_a_rule_takes_the_paragraph_below_not_the_front_matter() {
    // A cState incident file: updates newest first, each a stamp under a `---` rule. Neither
    // the rule nor the front matter above the first stamp is a paragraph it ends.
    let texts = shape_texts("cstate-updates-under-rules.md");
    assert_eq!(
        texts,
        [
            "Buckets are readable and writable again. We will publish a report.",
            "The failed metadata node was replaced; writes are catching up.",
            "We found a failed metadata node and are replacing it.",
            "At 09:20 UTC our monitoring reported failed uploads in AMS2.",
        ]
    );
}

#[test]
fn a_heading_that_is_one_link_keeps_its_words_as_that_link() {
    // `#### [(14.03.2024, 16:30 Uhr) Title](…) ####`: the stamp opened the link's text, and
    // the closing `####` is the heading's, not words.
    let texts = shape_texts("update-headings-in-links.md");
    assert!(
        texts[0].starts_with("[VPN wieder erreichbar](javascript:void(0))"),
        "{}",
        texts[0]
    );
    assert!(!texts.iter().any(|t| t.contains("####")), "{texts:?}");
}

#[test]
fn numbers_after_a_time_past_the_zones_in_use_end_a_range() {
    // `16:00-17:00 CET` is a window in CET, not a time at UTC-17; `21:39:12-13` a range of
    // seconds.
    let incident = parse_text(
        "# Maintenance\n\n## Timeline\n\n- 2019-11-06 16:00-17:00 CET Planned maintenance\n\
         - 2019-11-06 21:39:12-13 - Chain split seen\n",
    )
    .incident;
    assert_eq!(
        incident.timeline[0].at.offset.map(|o| o.minutes()),
        Some(60)
    );
    assert_eq!(incident.timeline[0].text, "Planned maintenance");
    assert_eq!(incident.timeline[1].text, "Chain split seen");
}

#[test]
fn a_stamp_under_its_paragraph_dates_that_paragraph() {
    // `<br><span class="timestamp">March 6, 10:15 PT</span>` under each update.
    let texts = shape_texts("stamp-under-its-paragraph.md");
    assert_eq!(
        texts,
        [
            "**Resolved**: Scratch storage is fast again after the controller swap.",
            "**Update**: A replacement controller arrives tomorrow morning.",
            "**Notice**: Jobs reading from scratch run ten times slower than usual.",
        ]
    );
}

#[test]
fn log_lines_outside_a_code_block_are_noted_not_read() {
    let texts = shape_texts("log-line-in-prose.md");
    assert!(
        texts.iter().all(|t| !t.contains("slot-worker")),
        "{texts:?}"
    );
    let parsed = shape_parsed("log-line-in-prose.md");
    let noted = parsed
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("program's log"))
        .count();
    assert_eq!(noted, 2);
}

#[test]
fn chinese_and_korean_stamps_leave_only_the_words() {
    // `下午2点05分：`, `15:10：` (a full-width colon), `오후 2시 5분:`.
    assert_eq!(
        shape_texts("chinese-full-width-colon.md"),
        ["登录错误告警", "开始回滚认证服务", "告警解除", "复盘会议"]
    );
    assert_eq!(
        shape_texts("korean-day-part-times.md")[1],
        "인증 서버 롤백 시작"
    );
}

#[test]
fn comma_milliseconds_and_a_short_zone_line_are_read() {
    let parsed = shape_parsed("comma-milliseconds-and-short-zone-line.md");
    let first = &parsed.incident.timeline[0];
    assert_eq!(first.text, "Login error rate alert fires");
    assert_eq!(first.at.offset.map(|o| o.minutes()), Some(60));
    // `Times are in CET.` says the zone: no note that it is no entry.
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn a_grid_tables_borders_are_structure_and_its_cells_go_on_over_lines() {
    let texts = shape_texts("rst-grid-table.rst");
    assert_eq!(
        texts,
        [
            "Evictions spike on cache-2 after the nightly key migration starts",
            "Migration paused by the on-call",
            "Hit rate back above 95%",
        ]
    );
}

#[test]
fn a_drawing_of_boxes_is_no_grid_table() {
    // The `+` of its lines do not stand over the `|` of the line beside them.
    let parsed =
        parse_text("# Outage\n\n## Diagram\n\n+------+\n|   Load Balancer   |\n+------+\n");
    let shown: String = parsed
        .incident
        .other_sections
        .iter()
        .map(|s| s.body.as_str())
        .collect();
    assert_eq!(shown.matches("+------+").count(), 2, "{shown}");
}

#[test]
fn an_update_label_with_only_a_stamp_is_that_label() {
    let texts = entry_texts(
        "# Latency\n\n**Severity:** SEV-2\n**Mitigated:** 2024-05-14 09:55 UTC\n\
         **Resolved:** 2024-05-14 10:30 UTC\n\n## Summary\n\nA config push.\n",
    );
    assert_eq!(texts, ["Mitigated", "Resolved"]);
}

#[test]
fn moments_paired_in_one_item_by_arrows_or_dashes_are_an_entry_each() {
    // In prose (no timeline heading) and under one: the arrow or dash is no part of the words.
    assert_eq!(
        shape_texts("arrow-pairs-in-one-item.md"),
        [
            "worker started",
            "worker stopped by the watchdog.",
            "started again",
            "stopped again.",
            "started with the fixed config",
        ]
    );
    assert_eq!(
        shape_texts("arrow-pairs-under-timeline.md"),
        [
            "backlog alert fires",
            "on-call acknowledges the page",
            "consumers scaled out",
            "backlog drained",
            "incident closed",
        ]
    );
}

#[test]
fn a_colon_line_right_under_an_item_of_a_dated_day_goes_on_with_that_item() {
    // `Please keep using these queues meanwhile:` under `* 9am …` (no blank between), in a
    // timeline whose days are `###` headings: part of the item, not a part that ends the day.
    let texts = shape_texts("dated-headings-with-colon-lines.md");
    assert!(
        texts[0].starts_with(
            "Storage controller swapped on the head node. Please keep using these queues meanwhile:"
        ),
        "{texts:?}"
    );
}

#[test]
fn lines_under_a_timeline_note_stay_with_that_note() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shapes/timeline-colon-heading-day-labels.md");
    let text = std::fs::read_to_string(path).unwrap();
    let parsed =
        postmortem_explorer::parse::parse_document("timeline-colon-heading-day-labels.md", &text);
    let notes = timeline_notes(&parsed.incident);
    // Before, the day's list went on the last entry of the timeline above (the report of
    // March 9), and the day itself was a note cut off from its own list.
    assert!(
        notes.contains("**March 2, 2026**: Everything normal\n- both tunnels answered\n- the switch script was tested"),
        "{notes}"
    );
    let first = &parsed.incident.timeline[0];
    assert!(!first.text.contains("tunnels"), "{}", first.text);
    let texts: Vec<&str> = parsed
        .incident
        .timeline
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        texts[1].starts_with("tunnel profile rewritten at"),
        "{texts:?}"
    );
}

#[test]
fn a_paragraph_first_is_no_title() {
    let text = "On May 2, 2026 (UTC), the export service failed to write any file for six hours, because a storage key had expired and nothing renewed it.\n\n## Timeline\n\n- 03:00 UTC - the export fails\n- 09:10 UTC - the key is renewed\n";
    let parsed = postmortem_explorer::parse::parse_document("export.md", text);
    // Before, the whole paragraph became the page's heading.
    assert_eq!(parsed.incident.title, "");
    assert!(parsed.incident.summary.starts_with("On May 2, 2026 (UTC)"));
    assert_eq!(parsed.incident.timeline.len(), 2);
}

#[test]
fn front_matter_titles_under_other_names() {
    let wordpress = "---\nID: 7\npost_title: The May Export Outage\npost_date: 2026-05-03 00:00:00\n---\nOn May 2, 2026 the export service failed to write any file for six hours, because a storage key had expired.\n";
    let parsed = postmortem_explorer::parse::parse_document("export.md", wordpress);
    assert_eq!(parsed.incident.title, "The May Export Outage");
    let theme = "---\nheading: \"Incident report for May 2, 2026 - Export outage\"\ndate: 2026-05-02\n---\n\nThe export failed.\n";
    let parsed = postmortem_explorer::parse::parse_document("export.mdx", theme);
    assert_eq!(
        parsed.incident.title,
        "Incident report for May 2, 2026 - Export outage"
    );
    let asciidoc = "---\n:layout: post\n:title: Export outage over the weekend\n:tags:\n- infra\n---\n\nThe export failed.\n";
    let parsed = postmortem_explorer::parse::parse_document("export.adoc", asciidoc);
    assert_eq!(parsed.incident.title, "Export outage over the weekend");
}

#[test]
fn review_cases_of_the_day_label_and_fenced_timeline_rules() {
    let read = |text: &str| postmortem_explorer::parse::parse_document("r.md", text);
    // A day label whose words hold a time without minutes is an entry, not a note.
    let parsed = read("# Release rollback\n\n## Timeline\n\nMarch 3, 2026: we rolled back the release at 3pm after the error spike.\n\nMarch 4, 2026: the fix shipped at 11am.\n");
    let times: Vec<String> = parsed
        .incident
        .timeline
        .iter()
        .map(|e| e.at.time.format("%H:%M").to_string())
        .collect();
    assert_eq!(times, ["15:00", "11:00"]);
    // Log lines in a code block under a label that left the timeline are no fenced
    // timeline: the summary's moments are read as before.
    let parsed = read("# Cache outage\n\n## Summary\n\nAt 10:05 UTC the cache failed. We restarted it at 10:20 UTC and it recovered at 10:40 UTC.\n\n## Timeline\n\nAll times are UTC.\n\n**Root cause:** a config push removed the listen address:\n\n```\n2024-05-01 10:04:58 INFO  config: applied revision 812\n2024-05-01 10:05:12 ERROR cache: connection refused\n```\n");
    assert_eq!(parsed.incident.timeline.len(), 3);
    assert!(parsed
        .diagnostics
        .iter()
        .all(|d| !d.message.contains("inside a code block")));
    // A paragraph after a day's heading stays one note, not split between the entry above
    // and the notes.
    let parsed = read("# Tunnel outage\n\n## Timeline\n\n### 10:00 Deploy of the tunnel profile\n\nThe profile went out.\n\n### March 2, 2026 - Quiet day\n\nNothing happened that day\nand the tunnels kept answering.\n\n- 11:00 - check passed\n");
    assert!(!parsed.incident.timeline[0].text.contains("Nothing"));
    // A summary that opens with a bare time gives no afternoon to the timeline.
    let parsed = read("# API outage\n\n## Summary\n\nThe API was down from 6:30 to 9:15 on April 8th. A permanent fix shipped at 8pm.\n\n## Timeline\n\n- 6:30 - error rate rises\n- 7:05 - on-call paged\n");
    assert_eq!(
        parsed.incident.timeline[0]
            .at
            .time
            .format("%H:%M")
            .to_string(),
        "06:30"
    );
}

/// The body of the incident's "Notes in the timeline" section, or nothing.
fn timeline_notes(incident: &postmortem_explorer::model::Incident) -> &str {
    incident
        .other_sections
        .iter()
        .find(|s| s.title == "Notes in the timeline")
        .map(|s| s.body.as_str())
        .unwrap_or_default()
}

#[test]
fn an_abbreviation_in_a_sentence_with_no_time_is_no_zone() {
    let read = |text: &str| postmortem_explorer::parse::parse_text(text).incident;
    // `transformátory PST` (phase-shifting transformers) in a long sentence with no time in it
    // gives the timeline no zone.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/shapes/czech-prose-timeline-cascade-part.md"),
    )
    .expect("fixture");
    let incident = read(&text);
    assert_eq!(incident.timeline.len(), 4);
    assert!(incident.timeline.iter().all(|e| e.at.offset.is_none()));
    // The same long sentence with the zone in parentheses states it.
    let incident = read("# Outage\n\nOur team works from California (PST) and answered within the hour while the rest of the company slept soundly.\n\n## Timeline\n\n- 14:00 fail\n");
    assert_eq!(
        incident.timeline[0].at.offset.map(|o| o.seconds()),
        Some(-8 * 3600)
    );
}

#[test]
fn a_narrated_timeline_paragraph_keeps_its_sentences_without_times() {
    let incident = parse_text("# Outage\n\n## Timeline\n\nThe grid was calm. The first oscillation came at 12:03 and lasted five minutes. Nobody noticed it at first. The operator cut the exchange at 12:07. This made things worse.\n").incident;
    let texts: Vec<&str> = incident.timeline.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The grid was calm. The first oscillation came at 12:03 and lasted five minutes. Nobody noticed it at first.",
            "The operator cut the exchange at 12:07. This made things worse."
        ]
    );
}

/// The timeline's clock times, written with `format` (`%H:%M`, `%H:%M:%S`).
fn clock_times(incident: &Incident, format: &str) -> Vec<String> {
    incident
        .timeline
        .iter()
        .map(|e| e.at.time.format(format).to_string())
        .collect()
}

/// The timeline's clock times read from `text`, as `HH:MM`.
fn times_read(text: &str) -> Vec<String> {
    clock_times(&parse_text(text).incident, "%H:%M")
}

/// The timeline's moments (day, time and offset, as the model writes them).
fn moments(incident: &Incident) -> Vec<String> {
    incident.timeline.iter().map(|e| e.at.to_string()).collect()
}

/// The moments of the timeline read from `text`.
fn moments_read(text: &str) -> Vec<String> {
    moments(&parse_text(text).incident)
}

/// The timeline's days read from `text` (empty where an entry has none).
fn days_read(text: &str) -> Vec<String> {
    parse_text(text)
        .incident
        .timeline
        .iter()
        .map(|e| e.at.date.map(|d| d.to_string()).unwrap_or_default())
        .collect()
}

#[test]
fn the_incident_day_is_found_where_writers_put_it() {
    let timeline = "\n## Timeline (UTC)\n\n- 10:02 Alerts fired\n- 11:40 Fix deployed\n";
    let feb_14 = ["2023-02-14", "2023-02-14"];
    // A blog's byline is the post's day, not the incident's; `Last Tuesday (February 14)`
    // narrates the incident's, in the byline's year.
    let blog = format!("# Checkout outage\n\nFebruary 20, 2023 · 5 min read\n\nLast Tuesday (February 14) checkout failed.\n{timeline}");
    assert_eq!(days_read(&blog), feb_14);
    // The byline alone dates an undated timeline as the post's day, as front matter would;
    // `an admin read` after a date is no byline.
    let byline = format!("# Checkout outage\n\nFebruary 20, 2023 · 5 min read\n{timeline}");
    assert_eq!(days_read(&byline), ["2023-02-20", "2023-02-20"]);
    let admin = format!("# Config outage\n\nOn February 14, 2023 an admin read the wrong file.\n{timeline}\nPublished 2023-02-20\n");
    assert_eq!(days_read(&admin), feb_14);
    // A compact day in the title (`INC-20230214`).
    let compact = format!("# INC-20230214 checkout outage\n{timeline}");
    assert_eq!(days_read(&compact), feb_14);
    // Ukrainian month names.
    let ukrainian =
        format!("# Збій оплати\n\n14 лютого 2023 року оплата не працювала.\n{timeline}");
    assert_eq!(days_read(&ukrainian), feb_14);
}

#[test]
fn a_writer_on_the_24_hour_clock_leaves_no_pm_off() {
    // `22:00`, then `10:02`: the morning's, kept in written order with a note, not `22:02`.
    let parsed = parse_text("# Outage\n\nDate: 2023-02-14\n\n## Timeline\n\n- Feb 13 22:00 Deploy of the change\n- 10:02 Alerts fired\n");
    assert_eq!(clock_times(&parsed.incident, "%H:%M"), ["22:00", "10:02"]);
    assert!(parsed
        .diagnostics
        .iter()
        .any(|d| d.line == 8 && d.message.contains("earlier than the one before it")));
    // A bare `1:10` after `12:35` is still the afternoon's.
    let afternoon = times_read("# Outage\n\n## Timeline\n\n- 12:35 Site down\n- 1:10 Restored\n");
    assert_eq!(afternoon, ["12:35", "13:10"]);
}

#[test]
fn slavic_words_for_at_open_entries_and_moments() {
    // Russian `В 10:02`, Ukrainian `О 10:15`, Polish `o 11:40`, Russian `Около 12:00`.
    let list = "# Сбой\n\nДата: 14.02.2023\n\n## Хронология\n\n- В 10:02 сработали алерты\n- О 10:15 почали розслідування\n- o 11:40 wdrożono poprawkę\n- Около 12:00 всё восстановлено\n";
    assert_eq!(times_read(list), ["10:02", "10:15", "11:40", "12:00"]);
    // In prose, a time after `в` is a moment; a version after it is not.
    let prose = "# Сбой оплаты\n\nСбой начался в 10:02 по Москве. Мы выкатили сборку в 10.15 и примерно в 11:40 всё заработало.\n";
    assert_eq!(times_read(prose), ["10:02", "11:40"]);
}

#[test]
fn versions_and_ruby_log_lines_are_no_entries() {
    let parsed = parse_text("COOL-1: acceptance failures\n  - Jul 25, 2016 6:20:08 PM - 12.13.13 kicked off\n  - 12.13.13 failed build - git checkout timeout\n  - Jul 27, 2016 3:07:51 AM - 12.13.13 test fails\n    - undiagnosed issue:\n      E, [2016-07-27T03:06:49.409105 #27501] ERROR -- fips-windows: ------Exception-------\n      I, [2016-07-27T03:07:51.998219 #28264]  INFO -- install-ubuntu: EC2 instance ready.\n  - Jul 29, 2016 4:08:56 AM - incident over\n");
    assert_eq!(
        moments(&parsed.incident),
        [
            "2016-07-25T18:20:08",
            "2016-07-27T03:07:51",
            "2016-07-29T04:08:56"
        ]
    );
    // The log lines stay with the entry they were written under.
    assert!(parsed.incident.timeline[1].text.contains("#27501] ERROR"));
}

#[test]
fn a_german_bound_opens_an_entry() {
    let log = "# Messprotokoll\n\nDatum: 2026-10-04\n\n## Ablauf\n\n| Uhrzeit | Ereignis |\n|---|---|\n| 18:07 | Heizstab eingeschaltet |\n| ab 19:27 | ESP verliert das WLAN |\n\n## Abschluss\n\n- **21:00:** Messung beendet\n- **ab ca. 21:45:** Akku bei 7 %\n- **22:00:** Heizstab aus\n";
    assert_eq!(
        times_read(log),
        ["18:07", "19:27", "21:00", "21:45", "22:00"]
    );
}

#[test]
fn an_item_labelled_with_its_day_dates_the_time_in_its_sentence() {
    // The document's own date (a field further down) does not outrank the item's label.
    assert_eq!(
        moments_read("# Probe loss\n\n## Timeline\n\n- **December 11, 1998**: The probe launches from the cape at 18:45 UTC aboard a rocket.\n- **September 23, 1999 - 09:00:46 UTC**: Insertion begins.\n\n## Conditions\n\n- **date**: \"September 23, 1999\"\n"),
        ["1998-12-11T18:45:00+00:00", "1999-09-23T09:00:46+00:00"]
    );
}

#[test]
fn habits_plans_and_footers_are_no_moments_of_a_story_told_in_prose() {
    let story = "# Checkout outage\n\nOn February 14, 2023 checkout failed. At 10:02 UTC alerts fired and the on-call engineer started looking at 10:15. The fix was deployed at 11:40 UTC.\n\n";
    for aside in [
        "The backup job runs daily at 02:00 and the report at 6 am every Monday.",
        "Support is staffed from 09:00 to 17:00 on weekdays.",
        "Traffic usually peaks around 19:00.",
        "We will deploy the permanent fix at 14:00 tomorrow.",
        "A review meeting is planned for February 21 at 15:00.",
        "_Generated at 2023-02-20 10:00 UTC_",
    ] {
        let times = times_read(&format!("{story}{aside}\n"));
        assert_eq!(times, ["10:02", "10:15", "11:40"], "{aside}");
    }
    // A state, not a habit: `serving normally again at about 21:10` is a moment; so are a
    // time before `every request`, and one after a plan's words that the sentence goes past.
    assert_eq!(
        times_read("# Outage\n\nThe site fell over at 20:52. The system stabilised itself and was serving normally again at about 21:10.\n"),
        ["20:52", "21:10"]
    );
    assert_eq!(
        times_read("# Outage\n\nThe maintenance scheduled for Saturday started at 22:05 and ran long. At 23:10 every request failed. The fix was deployed at 23:40.\n"),
        ["22:05", "23:10", "23:40"]
    );
}

#[test]
fn a_lone_stamped_heading_leaves_the_story_told_in_prose() {
    assert_eq!(
        moments_read("# Cron incidents\n\n## Incident 1\n\n**Auto-disabled**: 9:24 PM Oct 11, 2025\n\n### The Fix (October 11, 2025 - 9:50 PM)\n\nChanged the early return.\n\n### Resolution\n\n- 500 errors stopped immediately after deployment at 9:52 PM\n- A user re-enabled the cron job at 7:00 PM Oct 12\n"),
        [
            "2025-10-11T21:24:00",
            "2025-10-11T21:50:00",
            "2025-10-11T21:52:00",
            "2025-10-12T19:00:00"
        ]
    );
    // A stamped heading with no story around it stays the one event.
    assert_eq!(
        moments_read(
            "# Notes\n\n### Deploy (October 11, 2025 - 9:50 PM)\n\nChanged the early return.\n",
        ),
        ["2025-10-11T21:50:00"]
    );
}

#[test]
fn a_japanese_window_ends_at_made() {
    let incident = parse_text("# 障害のお知らせ\n\n2020年10月1日0時頃から10月2日18時9分頃まで、システム障害が発生しました。\n\nシステムは10月2日18時20分頃に復旧しました。\n").incident;
    assert_eq!(
        moments(&incident),
        ["2020-10-01T00:00:00", "2020-10-02T18:20:00"]
    );
}

#[test]
fn timed_parts_run_across_heading_levels_and_may_carry_a_remark() {
    let parsed = parse_text("# Failover drill log\n\n**Executed:** November 16, 2025\n\n## Before\n\n### Step 1: Health check (11:26:12 CET)\n\nChecked.\n\n## Step 2: Stop the primary (11:29:58 CET)\n\nStopped.\n\n## Step 3: Verify (11:30:38 CET - after 5 sec wait)\n\nVerified.\n\n## Step 4: Pods (3 of 5)\n\nCounted.\n");
    assert_eq!(
        clock_times(&parsed.incident, "%H:%M:%S"),
        ["11:26:12", "11:29:58", "11:30:38"]
    );
    // The remark stays with the words.
    assert!(parsed.incident.timeline[2]
        .text
        .starts_with("Step 3: Verify (11:30:38 CET - after 5 sec wait)"));
    // A one-word remark (`(11:01 - Present)`) is no stamp, and the heading stays a heading.
    let log = "# Log\n\n## Attempt 1 (10:40 CET)\n\nFailed.\n\n## Ongoing pattern (11:01 - Present)\n\nCycling.\n\n## Attempt 2 (11:10 CET)\n\nFailed again.\n";
    assert_eq!(times_read(log), ["10:40", "11:10"]);
}

#[test]
fn a_table_under_an_entry_heading_stays_a_table_in_its_text() {
    let parsed = parse_text("# Failover drill\n\n**Executed:** November 16, 2025\n\n## Step 3: Promote (11:30:33 CET)\n\nPromoted the standby.\n\n| pg_promote |\n|------------|\n| t (true)   |\n\nPromotion started.\n\n## Step 4: Verify (11:30:38 CET)\n\n| server | in_recovery |\n|--------|-------------|\n| NEW    | f           |\n");
    let texts = event_texts(&parsed);
    assert_eq!(
        texts[0],
        "Step 3: Promote\n\nPromoted the standby.\n\n| pg_promote |\n|------------|\n| t (true)   |\n\nPromotion started."
    );
    assert!(texts[1]
        .ends_with("| server | in_recovery |\n|--------|-------------|\n| NEW    | f           |"));
    assert!(
        !parsed.incident.summary.contains('|'),
        "{}",
        parsed.incident.summary
    );
    // It renders as a table, not as paragraphs of pipes.
    let shown = rich::render(texts[0], &rich::LinkBase::none());
    assert!(
        shown
            .iter()
            .any(|node| matches!(node, rich::Node::Element(rich::Element::Table, _))),
        "{shown:?}"
    );
    assert!(!rich::plain_text(&shown).contains('|'));
}

#[test]
fn a_table_in_a_timeline_that_is_no_entrys_keeps_its_rule_in_the_summary() {
    let parsed = parse_text("# Outage\n\n## Timeline\n\n| Metric | Value |\n|--------|-------|\n| errors | 12 |\n\n- 10:02 UTC alert fired\n- 10:15 UTC rolled back\n");
    assert!(
        parsed
            .incident
            .summary
            .contains("| Metric | Value |\n|--------|-------|\n| errors | 12 |"),
        "{}",
        parsed.incident.summary
    );
}

#[test]
fn a_tab_after_a_list_marker_makes_an_item() {
    let text = "# Calls lost\n\n## Timeline\n\n-\t13:00 EDT the agents noticed no calls\n-\t13:05 EDT the IT team was told\n1.\t13:45 EDT the issue was resolved\n";
    assert_eq!(times_read(text), ["13:00", "13:05", "13:45"]);
}

#[test]
fn indonesian_and_romanian_months_and_time_headers() {
    // `Waktu (WIB)` names the time column; `Agu` is August.
    assert_eq!(
        moments_read("# Insiden GH Actions (11 Agustus 2026)\n\n## KRONOLOGI\n\n| Waktu (WIB) | Kejadian |\n|---|---|\n| 10 Agu 23:24 | Bot harian push draft |\n| 11 Agu 07:33 | Workflow mulai gagal |\n"),
        ["2026-08-10T23:24:00+07:00", "2026-08-11T07:33:00+07:00"]
    );
    assert_eq!(
        moments_read("# Incident MentorAPI — 15 septembrie 2026\n\n## Cronologie\n\n- 18:57 prima cădere\n- 19:15 rafală de eșecuri\n"),
        ["2026-09-15T18:57:00", "2026-09-15T19:15:00"]
    );
}

#[test]
fn a_story_under_what_went_wrong_or_a_timeline_heading_is_read_for_its_moments() {
    // A page pasted as text: plain lines head its parts, and the story sits under `What Went
    // Wrong`; a sum of money (`$3.15 billion`) is no time.
    let text = "# Knight Capital\n\nWhat Went Wrong\nThe team worked feverishly on August 1, 2012.\n\nOn August 1, 8:01 a.m. EST, an internal system sent 97 emails.\n\nAt 9:30 a.m. EST, Knight began receiving orders.\n\nIt held a short position of approximately $3.15 billion.\n";
    assert_eq!(times_read(text), ["08:01", "09:30"]);
    // The same story under a timeline heading that lists no entry.
    let text = "# Knight Capital\n\nTimeline of Events\nSome background first.\n\nOn August 1, 2012, at 8:01 a.m. EST, an internal system sent 97 emails.\n\nAt 9:30 a.m. EST, Knight began receiving orders.\n";
    assert_eq!(times_read(text), ["08:01", "09:30"]);
}

#[test]
fn a_labelled_description_tells_its_moments() {
    assert_eq!(
        moments_read("# API outage\n\n**Summary**: The API\n\n**Description**: Starting at 09:00 UTC on March 20 2022, the API began returning 503 errors. The majority of errors stopped around 03:00 UTC March 21 2022.\n"),
        ["2022-03-20T09:00:00+00:00", "2022-03-21T03:00:00+00:00"]
    );
}

#[test]
fn a_date_nested_in_the_front_matter_is_the_incidents() {
    assert_eq!(
        moments_read("---\ntitle: Bridge - REKT\ndate: 10/07/2022\nrekt:\n  amount: 586000000\n  date: 10/06/2022\n---\n\nThe transactions occurred at [18:26 UTC](https://example.com/a) and [20:43 UTC](https://example.com/b).\n"),
        ["2022-10-06T18:26:00+00:00", "2022-10-06T20:43:00+00:00"]
    );
    // A status page's updates listed in the front matter are no such date.
    assert!(moments_read("---\ntitle: Outage\ndate: 2022-10-07\nupdates:\n  - date: 2022-10-01\n    text: investigating\n---\n\nThe site failed at 18:26 UTC and recovered at 20:43 UTC.\n")
        .iter()
        .all(|at| !at.starts_with("2022-10-01")));
}

#[test]
fn a_time_cell_listing_times_makes_a_moment_of_each() {
    let text = "# Incident\n\n## Timeline\n\n| Time | Event |\n|---|---|\n| 18:57:18 | First failure |\n| 19:15:43–44 | A burst of ~30 failures |\n| 19:31, 19:39 | Failures went on |\n";
    let parsed = parse_text(text);
    assert_eq!(
        clock_times(&parsed.incident, "%H:%M:%S"),
        ["18:57:18", "19:15:43", "19:31:00", "19:39:00"]
    );
    // The range of seconds leaves nothing of itself in the words.
    assert_eq!(
        event_texts(&parsed)[1..],
        [
            "A burst of ~30 failures",
            "Failures went on",
            "Failures went on"
        ]
    );
}

#[test]
fn a_completion_time_field_ends_the_window_and_dates_the_table_before_midnight() {
    let text = "# PostgreSQL upgrade\n\n**Date:** 2025-11-16\n\n## Timeline\n\n**Start Time:** 2025-11-15 23:28 PST\n**Completion Time:** 2025-11-16 00:14 PST\n\n| Time | Event |\n|------|-------|\n| 23:28 | Upgrade initiated |\n| 23:45 | Version switched |\n| 00:14 | Instance returned |\n";
    assert_eq!(
        moments_read(text),
        [
            "2025-11-15T23:28:00-08:00",
            "2025-11-15T23:45:00-08:00",
            "2025-11-16T00:14:00-08:00"
        ]
    );
}

#[test]
fn a_status_pages_promise_and_its_look_back_are_no_moments() {
    let text = "# Status\n\n### [2025-04-30] Incident with WMS\n\n#### [2025-05-01, 12:00] Update\n\nNo change since the update at 9:25 a.m.\nWe are continuing to work.\n\nThe next update will be provided today at around 4 p.m. or as soon as the disruption has been resolved.\n\n#### [2025-05-01, 09:25] Update\n\nThe extent of the disruption has been reduced.\n\nThe next update will be provided today at around 12 noon.\n";
    assert_eq!(
        moments_read(text),
        ["2025-05-01T12:00:00", "2025-05-01T09:25:00"]
    );
}

#[test]
fn a_year_the_entries_keep_writing_is_no_slip() {
    // The page was first published on 2020-02-20 and lists outages of the year after.
    let text = "---\ntitle: Disruptions\ndate: 2020-02-20T14:17:12.701Z\n---\n\n## April 2021\n\n* 15/04/2021 08:38 to 15:38: Production degraded.\n\n## February 2021\n\n* 17/02/2021 18:58 to 19:01: Production degraded.\n";
    assert_eq!(
        moments_read(text),
        ["2021-04-15T08:38:00", "2021-02-17T18:58:00"]
    );
    // One date a year off near the document's date is still read as a slip.
    let text = "# Outage of 2020-04-09\n\n## Timeline\n\n- 2012-04-09 10:00 alert fired\n- 10:30 rolled back\n";
    assert_eq!(
        moments_read(text),
        ["2020-04-09T10:00:00", "2020-04-09T10:30:00"]
    );
}

#[test]
fn full_width_stops_and_commas_part_the_moments_of_an_entry() {
    let text = "# 审计 2026-09-14\n\n## 时间线\n\n- 9/14 11:18 完成生成；11:44 发布；13:16 钉钉发送。\n- 9/15 10:10、10:12：恢复任务失败。\n";
    let parsed = parse_text(text);
    assert_eq!(
        moments(&parsed.incident),
        [
            "2026-09-14T11:18:00",
            "2026-09-14T11:44:00",
            "2026-09-14T13:16:00",
            "2026-09-15T10:10:00",
            "2026-09-15T10:12:00"
        ]
    );
    assert_eq!(event_texts(&parsed)[..2], ["完成生成", "发布"]);
    // The same in English: two times listed before the words.
    assert_eq!(
        times_read("# Audit 2026-09-15\n\n## Timeline\n\n- 10:10, 10:12: resume failed twice.\n- 10:20, the team met.\n"),
        ["10:10", "10:12", "10:20"]
    );
}

#[test]
fn a_nominal_time_is_the_plan_not_a_moment() {
    let text = "# Launch day, November 16, 2019\n\nWe left around 5:20 a.m. from the hall (nominal time to meet was set at 4:40 a.m.). The balloon went up at 8:05 a.m.\n";
    assert_eq!(times_read(text), ["05:20", "08:05"]);
}

#[test]
fn the_seventy_sixth_to_seventy_eighth_sets_rules_leave_common_english_alone() {
    // Found by review: each rule of these sets, next to the sentences it must not touch.
    let story = "# Database outage\n\nDate: 2024-03-12\n\nAt 14:02 UTC a bad config was pushed. Error rates returned to nominal levels at 14:32 UTC. Users were unable to log in since the update at 13:50 UTC. Since we updated DNS at 15:10 UTC, traffic has been stable. All systems nominal at 17:00 UTC.\n";
    assert_eq!(
        times_read(story),
        ["14:02", "14:32", "13:50", "15:10", "17:00"]
    );
    let story = "# Queue backlog\n\nDate: 2024-03-12\n\nAt 14:03 UTC a deploy broke the consumer. Errors also occurred between [14:10 UTC](https://example.com/a) and [14:40 UTC](https://example.com/b). The outage began again at 15:00 UTC, 11:00 AM EDT, when a deploy finished. The API failed at 16:00 UTC and 2.15 million requests were dropped. Agt 7 escalated the ticket at 16:05 UTC.\n\n## What went wrong\n\n- The rollback at 14:20 UTC took too long.\n- Our nightly backup job, which runs at 02:00 UTC, was delayed.\n";
    assert_eq!(
        moments_read(story),
        [
            "2024-03-12T14:03:00+00:00",
            "2024-03-12T14:10:00+00:00",
            "2024-03-12T15:00:00+00:00",
            "2024-03-12T16:00:00+00:00",
            "2024-03-12T16:05:00+00:00"
        ]
    );
    // Times listed before an entry's words are written with a colon and no zone of their own.
    let list = "# Release\n\nDate: 2024-03-12\n\n## Timeline\n\n- 09:00 UTC, 10:00 CET: maintenance started\n- 14:00, 2.15 million requests failed\n- 14:10, 3.10 release rolled back\n";
    assert_eq!(times_read(list), ["09:00", "14:00", "14:10"]);
    // A slip of the year is still mended when an earlier entry writes the slipped year far
    // from the document's date.
    let slip = "---\ntitle: Database failover\ndate: 2024-01-04\n---\n\n## Timeline\n\n- 2023-11-02 15:00 UTC: the change was merged\n- 2023-01-03 22:00 UTC: replica lag alerts fired\n- 2023-01-04 00:30 UTC: service restored\n";
    assert_eq!(
        moments_read(slip),
        [
            "2023-11-02T15:00:00+00:00",
            "2024-01-03T22:00:00+00:00",
            "2024-01-04T00:30:00+00:00"
        ]
    );
    // A nested date after the post's (a review meeting) or under an incident's own date key
    // is not the incident's.
    for front in [
        "date: 2024-05-03\nreview:\n  date: 2024-05-10\n",
        "incident_date: 2024-05-03\nsitemap:\n  date: 2024-04-01\n",
    ] {
        let text = format!("---\ntitle: Payment API outage\n{front}---\n\n## Timeline\n\n- 10:00 UTC payments began failing\n");
        assert_eq!(
            moments_read(&text),
            ["2024-05-03T10:00:00+00:00"],
            "{front}"
        );
    }
}

#[test]
fn a_table_after_an_entry_heading_leaves_the_tables_after_it_alone() {
    let text = "# Failover\n\nDate: 2024-03-12\n\n## Timeline\n\n### 10:00 UTC Failover started\n\nPrimary demoted.\n\n| Check | Result |\n|---|---|\n| replication | ok |\n\n- 10:30 UTC failover finished\n\n| Outage start | Outage end |\n|---|---|\n| 10:00 | 10:30 |\n";
    let parsed = parse_text(text);
    assert_eq!(event_texts(&parsed)[1], "failover finished");
    assert!(event_texts(&parsed)[0].ends_with("| replication | ok |"));
}

#[test]
fn a_length_under_a_moments_name_is_the_stated_duration() {
    let parsed = parse_text("# Storage maintenance\n\nDate: 2024-03-12\n\n- Completion time: 45 minutes\n\n## Timeline\n\n- 09:00 UTC maintenance started\n");
    assert_eq!(parsed.incident.stated_duration, "45 minutes");
    assert!(
        parsed
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("expected a time")),
        "{:?}",
        parsed.diagnostics
    );
}

#[test]
fn bold_leads_and_bare_subheadings_stay_in_their_section() {
    let text = "# GPU blockage\n\n## Timeline\n\n- 09:29 PDT jobs launched\n\n## Technical Analysis\n\n### Verification Architecture\n\n**Pod Configuration** (from kubectl describe):\n\nEight GPUs per pod.\n\n**Key Findings**:\n\n1. Each pod takes a node\n\n#### 2. **Input Validation**\n\nValidate it.\n\n## Conclusion\n\nDone.\n";
    let incident = parse_text(text).incident;
    let sections: Vec<(&str, &str)> = incident
        .other_sections
        .iter()
        .map(|s| (s.title.as_str(), s.body.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            (
                "Technical Analysis",
                "**Verification Architecture**\n\n**Pod Configuration** (from kubectl describe):\n\nEight GPUs per pod.\n\n**Key Findings**:\n\n1. Each pod takes a node\n\n2. **Input Validation**\n\nValidate it."
            ),
            ("Conclusion", "Done.")
        ]
    );
    // Under a main part a bold label still starts a section: the summary's story ends there.
    let summary = parse_text("# Checkout outage\n\n## Summary\n\nCheckout failed for 40 minutes.\n\n**Why it happened**:\n\nA config push removed the payment host.\n\n## Timeline\n\n- 10:00 UTC config pushed\n").incident;
    assert_eq!(summary.summary, "Checkout failed for 40 minutes.");
    assert_eq!(summary.other_sections[0].title, "Why it happened");
}

#[test]
fn a_stamp_alone_in_an_html_row_takes_that_rows_words() {
    let row = |stamp: &str, words: &str| {
        format!("<div class=\"row\">\n  <div class=\"title\">{stamp}</div>\n  <div>{words}</div>\n  <div>Done</div>\n</div>\n")
    };
    let text = format!(
        "# Status\n\n## Planned maintenance\n\n<div class=\"row header\">\n  <div><b>Datum en tijd</b>:</div>\n  <div>Status</div>\n</div>\n{}{}",
        row("15-01-2024 20:00", "Restart of the BAG service"),
        row("29-11-2023 10:00", "Restart of the BGT service")
    );
    let parsed = parse_text(&text);
    assert_eq!(
        event_texts(&parsed),
        [
            "Restart of the BAG service Done",
            "Restart of the BGT service Done"
        ]
    );
    // An opening tag alone within a row (an update's body under its title) parts nothing.
    let update = |status: &str, words: &str, stamp: &str| {
        format!("<div class=\"row update-row\">\n  <div class=\"update-title\">{status}</div>\n  <div class=\"update-body\">\n    <span>{words}</span>\n    <small>{stamp}</small>\n  </div>\n</div>\n")
    };
    let page = format!(
        "<h1>API outage</h1>\n{}{}",
        update(
            "Resolved",
            "All systems are back to normal.",
            "Jan 15, 2024 - 10:40 UTC"
        ),
        update(
            "Investigating",
            "We are looking into errors.",
            "Jan 15, 2024 - 10:02 UTC"
        )
    );
    let texts: Vec<String> = parse_text(&page)
        .incident
        .timeline
        .iter()
        .map(|e| e.text.clone())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Resolved") && t.contains("back to normal")),
        "{texts:?}"
    );
}
