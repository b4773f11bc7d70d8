//! How long the incident lasted: the stated window, else the stated length, else the
//! milestones' impact window.

use crate::model::{Incident, Moment};

/// Seconds from `from` to `to`, when `to` is not before `from`.
pub fn seconds_between(from: &Moment, to: &Moment) -> Option<i64> {
    let seconds = to.axis_seconds() - from.axis_seconds();
    (seconds >= 0).then_some(seconds)
}

/// How long the impact lasted: from the stated start to the stated end, or else the length the
/// postmortem states (`Duration: ~4 hours`), or else over the impact window the milestones find
/// (see [`super::milestones::Milestones`]): what the key durations call the total impact.
pub fn impact_duration_seconds(incident: &Incident) -> Option<i64> {
    match (&incident.start, &incident.end) {
        (Some(start), Some(end)) => seconds_between(start, end),
        _ => impact_duration_seconds_with(incident, &super::milestones::Milestones::of(incident)),
    }
}

/// [`impact_duration_seconds`] from the milestones a caller already has.
pub fn impact_duration_seconds_with(
    incident: &Incident,
    m: &super::milestones::Milestones,
) -> Option<i64> {
    match (&incident.start, &incident.end) {
        (Some(start), Some(end)) => seconds_between(start, end),
        // The stated length, else the same window the key durations and every view use.
        _ => {
            let (span, _) = super::milestones::total_impact_ms(m)?;
            (span.is_finite() && span >= 0.0).then(|| (span / 1000.0).round() as i64)
        }
    }
}

/// The summary's "Duration" as the page and the report say it: the impact's length, `per
/// incident (16 in this file)` for a log of separate incidents, else `not stated`.
pub fn duration_words(incident: &Incident, m: &super::milestones::Milestones) -> String {
    match impact_duration_seconds_with(incident, m) {
        Some(seconds) => super::format::duration(seconds),
        None if !m.episodes.is_empty() => {
            format!("per incident ({} in this file)", m.episodes.len())
        }
        None => "not stated".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_and_the_key_durations_give_one_total() {
        let text = "Login failure\n\n**Duration:** ~4 hours\n\nTimeline\n\
                    - 11:00 - Users cannot log in\n- 11:30 - Cause found, fix deployed, resolved\n";
        let incident = crate::parse::parse_text(text).incident;
        let m = super::super::milestones::Milestones::of(&incident);
        let total = super::super::milestones::key_durations_from(&m)
            .into_iter()
            .find(|d| d.name == "Total impact")
            .map(|d| (d.ms / 1000.0) as i64);
        // Before, the summary said 30 min (the events' window) beside "Duration: ~4 hours".
        assert_eq!(impact_duration_seconds_with(&incident, &m), Some(4 * 3600));
        assert_eq!(total, Some(4 * 3600));
        assert_eq!(duration_words(&incident, &m), "4 h");
    }

    #[test]
    fn a_negative_span_is_no_duration() {
        let early: Moment = "2024-01-15T10:00:00-05:00".parse().unwrap();
        let late: Moment = "2024-01-15T14:00:00-05:00".parse().unwrap();
        assert_eq!(seconds_between(&early, &late), Some(4 * 3600));
        assert_eq!(seconds_between(&late, &early), None);
    }
}
