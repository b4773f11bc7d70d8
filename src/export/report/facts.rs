//! The analysis facts a report is drawn from, computed once per incident and read by every
//! part of it: the events indexed by time (with their kinds), the milestones, the phases, the
//! zone the postmortem states, and the span of its timeline.

use crate::analysis::milestones::Milestones;
use crate::analysis::phases::{phases, Phase};
use crate::analysis::window::{incident_extent, TimeWindow};
use crate::analysis::zones::{incident_zone, ShownZone};
use crate::draw::timeline::EventIndex;
use crate::model::Incident;

/// What every part of the report shares.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    /// The incident.
    pub incident: &'a Incident,
    /// Its events by time, with their kinds and plain texts.
    pub index: EventIndex,
    /// Its milestones, from the kinds in `index`.
    pub milestones: Milestones,
    /// The phases between the milestones.
    pub phases: Vec<Phase>,
    /// The zone the postmortem states (its times as written, read as UTC, when it states none).
    pub zone: ShownZone,
    /// From the first to the last moment it states; `None` when nothing has a time.
    pub extent: Option<TimeWindow>,
}

impl<'a> Facts<'a> {
    /// Works out the facts of `incident`.
    pub fn of(incident: &'a Incident) -> Facts<'a> {
        let index = EventIndex::new(incident);
        let milestones = Milestones::with_kinds(incident, &index.kinds);
        Facts {
            phases: phases(&milestones),
            zone: incident_zone(incident),
            extent: incident_extent(incident),
            index,
            milestones,
            incident,
        }
    }
}
