//! The incident's phases as bands on the time axis: impact (undetected) → detection (until
//! acknowledged) → diagnosis (until the root cause) → mitigation (until the fix) → recovery
//! (until resolved). Each starts at its milestone and ends at the next known later one.

use super::milestones::Milestones;

/// A phase of the incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseKind {
    /// Impact before anyone noticed.
    Impact,
    /// Noticed, not yet owned.
    Detection,
    /// Looking for the cause.
    Diagnosis,
    /// Cause known, fix not yet applied.
    Mitigation,
    /// Fix applied, waiting for full recovery.
    Recovery,
}

impl PhaseKind {
    /// Every phase, in the order an incident goes through them.
    pub const ALL: [PhaseKind; 5] = [
        PhaseKind::Impact,
        PhaseKind::Detection,
        PhaseKind::Diagnosis,
        PhaseKind::Mitigation,
        PhaseKind::Recovery,
    ];

    /// Its name on the band.
    pub fn label(self) -> &'static str {
        match self {
            PhaseKind::Impact => "Impact",
            PhaseKind::Detection => "Detection",
            PhaseKind::Diagnosis => "Diagnosis",
            PhaseKind::Mitigation => "Mitigation",
            PhaseKind::Recovery => "Recovery",
        }
    }

    /// A stable identifier for CSS classes and tests.
    pub fn slug(self) -> &'static str {
        match self {
            PhaseKind::Impact => "impact",
            PhaseKind::Detection => "detection",
            PhaseKind::Diagnosis => "diagnosis",
            PhaseKind::Mitigation => "mitigation",
            PhaseKind::Recovery => "recovery",
        }
    }
}

/// One band on the axis, `start < end` in axis milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Phase {
    /// Which phase.
    pub kind: PhaseKind,
    /// Where it begins.
    pub start: f64,
    /// Where it ends.
    pub end: f64,
}

/// The phases `milestones` imply, in order. A phase whose milestone is unknown is left out,
/// and so is one with no length or that would run backwards (the anomaly report names those).
pub fn phases(milestones: &Milestones) -> Vec<Phase> {
    let at = |m: &Option<super::milestones::Milestone>| m.as_ref().map(|m| m.at);
    let boundaries = [
        (PhaseKind::Impact, at(&milestones.impact_start)),
        (PhaseKind::Detection, at(&milestones.detected)),
        (PhaseKind::Diagnosis, at(&milestones.acknowledged)),
        (PhaseKind::Mitigation, at(&milestones.root_cause)),
        (PhaseKind::Recovery, at(&milestones.mitigated)),
    ];
    let end = at(&milestones.resolved);
    boundaries
        .iter()
        .enumerate()
        .filter_map(|(i, &(kind, start))| {
            let start = start?;
            let next = boundaries[i + 1..].iter().find_map(|&(_, t)| t).or(end)?;
            (next > start).then_some(Phase {
                kind,
                start,
                end: next,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::milestones::{Basis, Milestone};
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn the_sample_moves_through_four_phases() {
        let incident = parse_text(SAMPLE_TEXT).incident;
        let all = phases(&Milestones::of(&incident));
        let start = all[0].start;
        let minutes: Vec<(&str, f64, f64)> = all
            .iter()
            .map(|p| {
                (
                    p.kind.label(),
                    (p.start - start) / 60_000.0,
                    (p.end - start) / 60_000.0,
                )
            })
            .collect();
        // Detected at once, so there is no undetected-impact band.
        assert_eq!(
            minutes,
            [
                ("Detection", 0.0, 10.0),
                ("Diagnosis", 10.0, 120.0),
                ("Mitigation", 120.0, 180.0),
                ("Recovery", 180.0, 240.0),
            ]
        );
    }

    #[test]
    fn unknown_milestones_merge_phases_and_backwards_ones_are_dropped() {
        let m = |at: f64| {
            Some(Milestone {
                at,
                basis: Basis::Stated,
            })
        };
        let milestones = Milestones {
            impact_start: m(0.0),
            detected: m(50.0),
            root_cause: m(30.0),
            resolved: m(100.0),
            ..Milestones::default()
        };
        let kinds: Vec<(PhaseKind, f64, f64)> = phases(&milestones)
            .iter()
            .map(|p| (p.kind, p.start, p.end))
            .collect();
        assert_eq!(
            kinds,
            [
                (PhaseKind::Impact, 0.0, 50.0),
                (PhaseKind::Mitigation, 30.0, 100.0),
            ]
        );
        assert!(phases(&Milestones::default()).is_empty());
    }
}
