//! The impact as the postmortem writes it, as a series the chart can draw when the incident
//! has no measured metrics: e.g. "30% of users" from the impact start to the recovery, as a
//! step. It is labelled as derived so nobody mistakes it for a measurement.

use super::milestones::Milestones;
use super::window::incident_extent;
use crate::model::{Incident, MetricSeries};

/// The label every derived series carries on the chart.
pub const DERIVED_LABEL: &str = "derived from the postmortem text — not measured";

/// True when the incident has at least one series with a sample.
pub fn has_measured_metrics(incident: &Incident) -> bool {
    incident.metrics.iter().any(|m| !m.points.is_empty())
}

/// The share of users affected, as a step from 0 to the stated share at the impact start and
/// back to 0 at the recovery (or the stated end), over the whole incident extent. `None` when
/// the postmortem states no share, or no start and end to place it between.
pub fn derived_impact_series(incident: &Incident) -> Option<MetricSeries> {
    derived_impact_series_with(incident, &Milestones::of(incident))
}

/// [`derived_impact_series`] from the milestones a caller already has.
pub fn derived_impact_series_with(
    incident: &Incident,
    milestones: &Milestones,
) -> Option<MetricSeries> {
    // The readers keep shares within 0–100; one set elsewhere is held to that too.
    let share = incident
        .impact
        .affected_users_percent
        .filter(|p| p.is_finite())?
        .clamp(0.0, 100.0);
    let start = milestones.impact_start.as_ref()?.at;
    let end = milestones
        .resolved
        .as_ref()
        .or(milestones.impact_end.as_ref())
        .map(|m| m.at)
        .filter(|&end| end > start)?;
    let extent = incident_extent(incident)?;
    let ms = |t: f64| t.round() as i64;
    let points = vec![
        (ms(extent.start.min(start)), 0.0),
        (ms(start), 0.0),
        (ms(start), share),
        (ms(end), share),
        (ms(end), 0.0),
        (ms(extent.end.max(end)), 0.0),
    ];
    Some(MetricSeries {
        name: "users affected".into(),
        unit: "%".into(),
        illustrative: false,
        points,
    })
}

/// Phrases with which a postmortem says nobody outside the team was affected.
const NO_IMPACT: &[&str] = &[
    "no user impact",
    "no customer impact",
    "no user-facing impact",
    "no customer-facing impact",
    "no impact to users",
    "no impact to customers",
    "no impact on users",
    "no impact on customers",
    "no users were affected",
    "no customers were affected",
    "without user impact",
    "without customer impact",
    "did not affect users",
    "did not affect customers",
    "didn't affect users",
    "didn't affect customers",
    "users were not affected",
    "customers were not affected",
    "no external impact",
];

/// Labels under which authors state who was affected (lower case, without markup).
const USERS_LABELS: &[&str] = &[
    "users affected",
    "affected users",
    "users impacted",
    "impacted users",
    "customers affected",
    "affected customers",
    "customers impacted",
    "impacted customers",
    "user impact",
    "customer impact",
];

/// The longest stated value shown whole under "Users affected", in characters.
const USERS_WORDS_MAX: usize = 80;

/// True when the impact or summary says there was no user impact (a near miss): the views
/// then show no outage crumbling away.
pub fn states_no_user_impact(incident: &Incident) -> bool {
    if incident
        .impact
        .affected_users_percent
        .is_some_and(|p| p > 0.0)
    {
        return false;
    }
    if stated_users_affected(incident).is_some_and(|words| says_none(&words)) {
        return true;
    }
    [&incident.impact.text, &incident.summary]
        .iter()
        .any(|text| {
            let lower = text.to_lowercase();
            NO_IMPACT.iter().any(|phrase| lower.contains(phrase))
        })
}

/// True when a stated `Users affected:` value says nobody: `None`, `NONE - no production
/// systems affected`, `0 (caught in staging)`, `0 users`, `No impact`. A sentence that starts
/// with "No" or "None of" says who was affected ("No customer could log in").
fn says_none(words: &str) -> bool {
    let bare = crate::analysis::labelled::bare(words);
    let mut tokens = bare.split(' ');
    let first = tokens.next().unwrap_or("");
    let second = tokens.next();
    // The value ends, or goes on after a dash, a parenthesis or a stop.
    let ends = second.is_none_or(|t| t.starts_with(|c: char| !c.is_alphanumeric()));
    match first {
        "none" | "nil" | "zero" => ends,
        "0" => ends || matches!(second, Some("users" | "customers" | "people")),
        _ => matches!(
            bare.as_str(),
            "no" | "no impact" | "no user impact" | "no customer impact" | "nobody"
        ),
    }
}

/// What the summary says under "Users affected": the stated share (`30%`), else the words of
/// a labelled line in the impact or summary (`**Users affected:** 283 users` → `283 users`,
/// shortened past 80 characters), else `None` ("not stated").
pub fn users_affected_words(incident: &Incident) -> Option<String> {
    if let Some(share) = incident.impact.affected_users_percent {
        return Some(crate::analysis::format::percent(share));
    }
    let words = stated_users_affected(incident)?;
    Some(match words.chars().count() > USERS_WORDS_MAX {
        true => {
            let cut: String = words.chars().take(USERS_WORDS_MAX - 1).collect();
            format!("{}…", cut.trim_end())
        }
        false => words,
    })
}

/// The plain words of the first `Users affected:`-like line in the impact, then the summary.
fn stated_users_affected(incident: &Incident) -> Option<String> {
    [&incident.impact.text, &incident.summary]
        .iter()
        .flat_map(|text| text.lines())
        .filter_map(|line| crate::analysis::labelled::labelled(line, USERS_LABELS))
        .map(|value| {
            let value = value.trim_start_matches(['*', '_']);
            let nodes = crate::parse::rich::render(value, &crate::parse::rich::LinkBase::none());
            crate::parse::rich::plain_text(&nodes).trim().to_string()
        })
        .find(|words| !words.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::window::axis_ms;
    use crate::parse::parse_text;
    use crate::sample::{synthetic_incident, SAMPLE_TEXT};

    #[test]
    fn the_sample_is_thirty_percent_from_ten_to_two() {
        let incident = parse_text(SAMPLE_TEXT).incident;
        assert!(!has_measured_metrics(&incident));
        let series = derived_impact_series(&incident).unwrap();
        assert_eq!(series.unit, "%");
        let start = axis_ms(incident.start.as_ref().unwrap()) as i64;
        let four_hours = 4 * 3_600_000;
        let steps: Vec<(i64, f64)> = series.points[1..5]
            .iter()
            .map(|&(t, v)| (t - start, v))
            .collect();
        assert_eq!(
            steps,
            [(0, 0.0), (0, 30.0), (four_hours, 30.0), (four_hours, 0.0)]
        );
        assert!(series.points[0].0 < start && series.points[5].0 > start + four_hours);
    }

    #[test]
    fn no_stated_share_means_no_derived_series() {
        let mut incident = parse_text(SAMPLE_TEXT).incident;
        incident.impact.affected_users_percent = None;
        assert_eq!(derived_impact_series(&incident), None);
        assert_eq!(derived_impact_series(&Incident::default()), None);
    }

    #[test]
    fn an_incident_without_samples_has_no_measured_metrics() {
        assert!(!has_measured_metrics(&synthetic_incident(50, 0)));
        assert!(has_measured_metrics(&synthetic_incident(0, 10)));
        assert!(derived_impact_series(&synthetic_incident(50, 0)).is_some());
    }

    #[test]
    fn a_near_miss_says_so() {
        let mut incident = Incident::default();
        incident.impact.text = "There was **no customer impact**: the canary caught it.".into();
        assert!(states_no_user_impact(&incident));
        incident.impact.affected_users_percent = Some(3.0);
        assert!(!states_no_user_impact(&incident));
        let sample = crate::parse::parse_text(crate::sample::SAMPLE_TEXT).incident;
        assert!(!states_no_user_impact(&sample));
    }

    #[test]
    fn users_affected_is_the_share_else_the_authors_words() {
        let with = |impact: &str| {
            let mut incident = Incident::default();
            incident.impact.text = impact.to_string();
            incident
        };
        let mut share = with("About 30% of users could not log in.");
        share.impact.affected_users_percent = Some(30.0);
        assert_eq!(users_affected_words(&share).as_deref(), Some("30%"));
        let count = with("**Users Affected:** 283 users  \nLogins failed.");
        assert_eq!(users_affected_words(&count).as_deref(), Some("283 users"));
        assert!(!states_no_user_impact(&count));
        let all = with("- **Users affected**: All users attempting to submit jobs");
        assert_eq!(
            users_affected_words(&all).as_deref(),
            Some("All users attempting to submit jobs")
        );
        let long = with(&format!("User impact: {}", "slow pages ".repeat(12)));
        let words = users_affected_words(&long).unwrap();
        assert_eq!(words.chars().count(), 80, "{words}");
        assert!(words.ends_with('…'));
        assert_eq!(users_affected_words(&with("Logins failed.")), None);
        // A stated none is a near miss.
        for none in [
            "**Customer Impact**: None - no service disruption",
            "Users Affected: 0 (incident caught in staging)",
            "**User Impact:** None",
        ] {
            assert!(states_no_user_impact(&with(none)), "{none}");
        }
        for some in [
            "User impact: Nobody could pay",
            "**Customer impact:** No customer could log in for 53 minutes.",
            "User impact: None of the EU users could log in",
            "Users affected: no data was lost, but every login failed",
            "User impact: 0-5% of requests failed",
        ] {
            assert!(!states_no_user_impact(&with(some)), "{some}");
        }
        assert!(states_no_user_impact(&with("Users affected: 0 users")));
    }
}
