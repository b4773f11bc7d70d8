//! How long the incident lasted: the stated window, else the milestones' impact window.

use crate::model::{Incident, Moment};

/// Seconds from `from` to `to`, when `to` is not before `from`.
pub fn seconds_between(from: &Moment, to: &Moment) -> Option<i64> {
    let seconds = to.axis_seconds() - from.axis_seconds();
    (seconds >= 0).then_some(seconds)
}

/// How long the impact lasted: from the stated start to the stated end, or else over the
/// impact window the milestones find (see [`super::milestones::Milestones`]).
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
        // The same window the key durations and every view use.
        _ => {
            let span = m.impact_end.as_ref()?.at - m.impact_start.as_ref()?.at;
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
    fn a_negative_span_is_no_duration() {
        let early: Moment = "2024-01-15T10:00:00-05:00".parse().unwrap();
        let late: Moment = "2024-01-15T14:00:00-05:00".parse().unwrap();
        assert_eq!(seconds_between(&early, &late), Some(4 * 3600));
        assert_eq!(seconds_between(&late, &early), None);
    }
}
