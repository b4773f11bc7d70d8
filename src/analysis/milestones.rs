//! The incident's milestones (impact start, detection, acknowledgement, root cause, mitigation,
//! resolution) and the key durations between them, each with the basis it was computed from.

use super::kinds::kinds_of;
use super::window::axis_ms;
use crate::model::{EventKind, Incident};

/// Where a milestone's time came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// The stated start or end of the impact (`Duration:` line or structured data).
    Stated,
    /// The first event of a kind, by index into the timeline.
    Event(usize),
}

/// One milestone on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Milestone {
    /// Axis milliseconds.
    pub at: f64,
    /// Where it came from.
    pub basis: Basis,
}

/// The milestones an incident states or implies; any may be unknown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Milestones {
    /// When the impact began: the stated start, else the first impact-start event, else the first event.
    pub impact_start: Option<Milestone>,
    /// The first detection (or alert, when nothing says "detected").
    pub detected: Option<Milestone>,
    /// The first alert or acknowledgement.
    pub acknowledged: Option<Milestone>,
    /// The root cause was identified.
    pub root_cause: Option<Milestone>,
    /// The first mitigation or fix.
    pub mitigated: Option<Milestone>,
    /// Full recovery: the last resolved event, else the stated end.
    pub resolved: Option<Milestone>,
    /// The stated end of the impact, else the resolution.
    pub impact_end: Option<Milestone>,
}

impl Milestones {
    /// Finds the milestones of `incident`.
    pub fn of(incident: &Incident) -> Milestones {
        let kinds = kinds_of(incident);
        let first = |kind: EventKind| {
            kinds.iter().position(|k| *k == kind).map(|i| Milestone {
                at: axis_ms(&incident.timeline[i].at),
                basis: Basis::Event(i),
            })
        };
        let last = |kind: EventKind| {
            kinds.iter().rposition(|k| *k == kind).map(|i| Milestone {
                at: axis_ms(&incident.timeline[i].at),
                basis: Basis::Event(i),
            })
        };
        let stated = |moment: &Option<crate::model::Moment>| {
            moment.as_ref().map(|m| Milestone {
                at: axis_ms(m),
                basis: Basis::Stated,
            })
        };
        let impact_start = stated(&incident.start)
            .or_else(|| first(EventKind::ImpactStart))
            .or_else(|| {
                incident.timeline.first().map(|e| Milestone {
                    at: axis_ms(&e.at),
                    basis: Basis::Event(0),
                })
            });
        let acknowledged = first(EventKind::Alerted);
        let detected = first(EventKind::Detected).or_else(|| acknowledged.clone());
        let resolved = last(EventKind::Resolved).or_else(|| stated(&incident.end));
        let impact_end = stated(&incident.end).or_else(|| resolved.clone());
        Milestones {
            impact_start,
            detected,
            acknowledged,
            root_cause: first(EventKind::RootCauseIdentified),
            mitigated: first(EventKind::Mitigated),
            resolved,
            impact_end,
        }
    }
}

/// A duration from the impact start to a milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyDuration {
    /// What it measures, e.g. "Time to detect".
    pub name: &'static str,
    /// Milliseconds (negative when the milestone is written before the impact start).
    pub ms: f64,
    /// The milestone it ends at.
    pub to: Milestone,
}

/// Time to detect, acknowledge, identify the root cause, mitigate and resolve, and the total
/// impact, each from the impact start. Unknown milestones are left out.
pub fn key_durations(incident: &Incident) -> Vec<KeyDuration> {
    let m = Milestones::of(incident);
    let Some(start) = m.impact_start.clone() else {
        return Vec::new();
    };
    [
        ("Time to detect", m.detected),
        ("Time to acknowledge", m.acknowledged),
        ("Time to root cause", m.root_cause),
        ("Time to mitigate", m.mitigated),
        ("Time to resolve", m.resolved),
        ("Total impact", m.impact_end),
    ]
    .into_iter()
    .filter_map(|(name, to)| {
        to.map(|to| KeyDuration {
            name,
            ms: to.at - start.at,
            to,
        })
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn the_sample_durations_match_its_story() {
        let incident = parse_text(SAMPLE_TEXT).incident;
        let minutes: Vec<(&str, f64)> = key_durations(&incident)
            .iter()
            .map(|d| (d.name, d.ms / 60_000.0))
            .collect();
        assert_eq!(
            minutes,
            [
                ("Time to detect", 0.0),
                ("Time to acknowledge", 10.0),
                ("Time to root cause", 120.0),
                ("Time to mitigate", 180.0),
                ("Time to resolve", 240.0),
                ("Total impact", 240.0),
            ]
        );
        let m = Milestones::of(&incident);
        assert_eq!(m.root_cause.map(|r| r.basis), Some(Basis::Event(6)));
        assert_eq!(m.impact_start.map(|r| r.basis), Some(Basis::Stated));
    }

    #[test]
    fn an_empty_incident_has_no_durations() {
        assert!(key_durations(&Incident::default()).is_empty());
    }
}
