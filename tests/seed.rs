//! The embedded sample, read field by field: the foundation every view relies on.

use postmortem_explorer::analysis::{durations, format};
use postmortem_explorer::model::{Incident, Moment};
use postmortem_explorer::parse::{parse_text, Severity};
use postmortem_explorer::sample::SAMPLE_TEXT;

fn seed() -> Incident {
    parse_text(SAMPLE_TEXT).incident
}

fn moment(text: &str) -> Moment {
    text.parse().expect("a valid ISO 8601 moment")
}

#[test]
fn title_is_read_past_the_cut_off_label() {
    assert_eq!(seed().title, "The Great Cookie Catastrophe");
}

#[test]
fn the_cut_off_label_is_reported_and_nothing_else() {
    let parsed = parse_text(SAMPLE_TEXT);
    assert_eq!(parsed.diagnostics.len(), 1, "{:#?}", parsed.diagnostics);
    let only = &parsed.diagnostics[0];
    assert_eq!(
        (only.severity, only.line, only.column),
        (Severity::Warning, 2, 1)
    );
    assert!(only.message.contains("stmortem"), "{}", only.message);
    assert_eq!(only.excerpt, "stmortem: The Great Cookie Catastrophe");
}

#[test]
fn start_and_end_carry_date_and_offset() {
    let incident = seed();
    assert_eq!(incident.start, Some(moment("2024-01-15T10:00:00-05:00")));
    assert_eq!(incident.end, Some(moment("2024-01-15T14:00:00-05:00")));
    assert_eq!(
        durations::impact_duration_seconds(&incident),
        Some(4 * 3600)
    );
    assert_eq!(format::duration(4 * 3600), "4 h");
}

#[test]
fn impact_text_and_user_share() {
    let impact = seed().impact;
    assert!(impact.text.starts_with(
        "The user authentication service experienced intermittent outages, affecting 30% of users."
    ));
    assert!(impact
        .text
        .ends_with("Users reported inability to log in or experiencing significant delays."));
    assert_eq!(impact.affected_users_percent, Some(30.0));
}

#[test]
fn root_cause_keeps_both_statements() {
    let root_cause = seed().root_cause;
    let paragraphs: Vec<&str> = root_cause.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "A misconfigured caching layer led to stale session data being served, causing authentication failures.",
            "The misconfigured caching layer failed to invalidate expired session data, leading to authentication failures.",
        ]
    );
}

#[test]
fn resolution_is_read() {
    assert_eq!(
        seed().resolution,
        "Cache configuration was updated to properly invalidate expired sessions, ensuring accurate authentication data."
    );
}

#[test]
fn all_nine_events_with_absolute_times() {
    let timeline = seed().timeline;
    let expected = [
        ("2024-01-15T10:00:00-05:00", "Issue detected by monitoring alerts showing increased error rates in authentication service."),
        ("2024-01-15T10:10:00-05:00", "Engineering team alerted of the issue via automated monitoring system."),
        ("2024-01-15T10:15:00-05:00", "Investigation initiated, focusing on recent changes to authentication service."),
        ("2024-01-15T10:30:00-05:00", "Initially suspected database overload; scaling measures implemented."),
        ("2024-01-15T11:00:00-05:00", "Continued errors; suspicion turned to caching layer."),
        ("2024-01-15T11:30:00-05:00", "Escalated to senior engineering team for further diagnosis."),
        ("2024-01-15T12:00:00-05:00", "Root cause identified as misconfigured cache serving stale session data."),
        ("2024-01-15T13:00:00-05:00", "Cache configuration corrected; authentication service restored."),
        ("2024-01-15T14:00:00-05:00", "Full service recovery confirmed."),
    ];
    let actual: Vec<(String, &str)> = timeline
        .iter()
        .map(|e| (e.at.to_string(), e.text.as_str()))
        .collect();
    let expected: Vec<(String, &str)> = expected
        .iter()
        .map(|(at, text)| (at.to_string(), *text))
        .collect();
    assert_eq!(actual, expected);
    assert!(timeline.iter().all(|e| !e.inferred));
    let clocks: Vec<String> = timeline.iter().map(|e| format::clock_24h(&e.at)).collect();
    assert_eq!(
        clocks,
        ["10:00", "10:10", "10:15", "10:30", "11:00", "11:30", "12:00", "13:00", "14:00"]
    );
}

#[test]
fn improvements_and_the_three_tasks() {
    let incident = seed();
    assert_eq!(
        incident.improvements,
        ["Enhance monitoring to detect caching issues proactively, refine alerting thresholds for better early detection."]
    );
    let tasks: Vec<&str> = incident
        .action_items
        .iter()
        .map(|t| t.text.as_str())
        .collect();
    assert_eq!(
        tasks,
        [
            "Implement automated tests to verify cache behavior.",
            "Review caching layer configuration regularly to prevent recurrence.",
            "Conduct post-incident review to identify areas for improvement in incident response.",
        ]
    );
}

#[test]
fn addendum_and_its_link() {
    let incident = seed();
    let paragraphs: Vec<&str> = incident.addendum.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 2, "{:?}", incident.addendum);
    assert!(paragraphs[0].starts_with("To lighten the mood after the \"Cookie Catastrophe,\""));
    assert!(paragraphs[0].ends_with("a sprinkle of humor can be the best antidote."));
    assert!(paragraphs[1].starts_with("For a detailed technical breakdown"));
    assert_eq!(incident.links.len(), 1);
    assert_eq!(incident.links[0].text, "The Great Cookie Catastrophe");
    assert_eq!(
        incident.links[0].url,
        "https://github.com/alx-system_engineering-devops/0x19-postmortem"
    );
}

#[test]
fn nothing_lands_in_the_wrong_place() {
    let incident = seed();
    assert_eq!(incident.summary, "");
    assert_eq!(incident.detection, "");
    assert!(
        incident.other_sections.is_empty(),
        "{:?}",
        incident.other_sections
    );
    assert!(incident.metrics.is_empty());
}
