//! How long the incident lasted, from what the postmortem states.

use crate::model::{Incident, Moment};

/// Seconds from `from` to `to`, when `to` is not before `from`.
pub fn seconds_between(from: &Moment, to: &Moment) -> Option<i64> {
    let seconds = to.axis_seconds() - from.axis_seconds();
    (seconds >= 0).then_some(seconds)
}

/// How long the impact lasted: from the stated start to the stated end, or else from the
/// first to the last timeline entry.
pub fn impact_duration_seconds(incident: &Incident) -> Option<i64> {
    match (&incident.start, &incident.end) {
        (Some(start), Some(end)) => seconds_between(start, end),
        _ => {
            let first = incident.timeline.first()?;
            let last = incident.timeline.last()?;
            seconds_between(&first.at, &last.at)
        }
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
