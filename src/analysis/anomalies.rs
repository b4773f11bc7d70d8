//! Times that cannot be right, pointed out rather than hidden: events written out of time
//! order, and milestones in an impossible order (a fix before the root cause was found,
//! recovery before the impact began).

use super::format::duration;
use super::milestones::{Basis, Milestone, Milestones};
use super::window::axis_ms;
use crate::model::Incident;

/// Something odd about the incident's times.
#[derive(Debug, Clone, PartialEq)]
pub struct Anomaly {
    /// The event it concerns (index into the timeline), when it concerns one.
    pub event: Option<usize>,
    /// What is wrong, in words.
    pub message: String,
}

/// Every anomaly in `incident`: out-of-order events first (in written order), then
/// milestones that come before a milestone they must follow.
pub fn anomalies(incident: &Incident) -> Vec<Anomaly> {
    let mut found: Vec<Anomaly> = incident
        .timeline
        .windows(2)
        .enumerate()
        .filter_map(|(i, pair)| {
            let gap = axis_ms(&pair[1].at) - axis_ms(&pair[0].at);
            (gap < 0.0).then(|| Anomaly {
                event: Some(i + 1),
                message: format!(
                    "Event {} is written after event {} but is {} earlier.",
                    i + 2,
                    i + 1,
                    duration((-gap / 1000.0) as i64)
                ),
            })
        })
        .collect();
    let m = Milestones::of(incident);
    let order: [(&str, &Option<Milestone>); 6] = [
        ("the impact start", &m.impact_start),
        ("detection", &m.detected),
        ("acknowledgement", &m.acknowledged),
        ("root cause identified", &m.root_cause),
        ("mitigation", &m.mitigated),
        ("full recovery", &m.resolved),
    ];
    for (i, (later_name, later)) in order.iter().enumerate().skip(1) {
        let Some(later) = later else { continue };
        // Compare with the latest earlier milestone that is known.
        let Some((earlier_name, earlier)) = order[..i]
            .iter()
            .rev()
            .find_map(|(name, m)| m.as_ref().map(|m| (name, m)))
        else {
            continue;
        };
        if later.at < earlier.at {
            found.push(Anomaly {
                event: match later.basis {
                    Basis::Event(index) => Some(index),
                    Basis::Stated => None,
                },
                message: format!(
                    "{} comes {} before {earlier_name}.",
                    capitalise(later_name),
                    duration(((earlier.at - later.at) / 1000.0) as i64)
                ),
            });
        }
    }
    found
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn the_sample_is_in_order() {
        assert!(anomalies(&parse_text(SAMPLE_TEXT).incident).is_empty());
    }

    #[test]
    fn out_of_order_events_and_impossible_milestones_are_named() {
        let text = "Timeline:\n10:00 AM: Issue detected by alerts.\n\
                    11:00 AM: Root cause identified in the cache.\n\
                    10:30 AM: Cache configuration corrected.\n";
        let found = anomalies(&parse_text(text).incident);
        let messages: Vec<&str> = found.iter().map(|a| a.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "Event 3 is written after event 2 but is 30 min earlier.",
                "Mitigation comes 30 min before root cause identified.",
            ]
        );
        assert_eq!(found[0].event, Some(2));
        assert_eq!(found[1].event, Some(2));
    }
}
