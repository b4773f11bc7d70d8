//! Which UTC offset times are shown in: the zone the incident states, the viewer's own zone
//! (at each instant, so a daylight-saving change is right), or UTC. Every view (timeline,
//! chart, illustration, lists) takes its offset from [`offset_minutes`].

/// The zone times are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ZoneChoice {
    /// The offset the postmortem states.
    #[default]
    Incident,
    /// The viewer's own zone.
    Local,
    /// UTC.
    Utc,
}

use crate::analysis::format::zone_name;
use crate::model::Incident;

/// The zone times are shown in: its offset, and whether it is a zone at all. An incident that
/// states no zone is shown as written, and its offset 0 is only how the axis reads it; labels
/// say "zone not stated" rather than claim UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownZone {
    /// Minutes east of UTC.
    pub minutes: i32,
    /// False for the incident's own times when the postmortem names no zone.
    pub stated: bool,
}

impl ShownZone {
    /// A real offset: UTC, the viewer's zone or one the postmortem states.
    pub fn at(minutes: i32) -> ShownZone {
        ShownZone {
            minutes,
            stated: true,
        }
    }

    /// As labels write it: `UTC`, `UTC-05:00`, or `zone not stated`.
    pub fn name(self) -> String {
        if self.stated {
            zone_name(self.minutes)
        } else {
            "zone not stated".to_string()
        }
    }
}

/// The offset the incident states, in minutes east of UTC: its start's, else its end's, else
/// the first event's that has one; `None` when none does.
fn stated_offset(incident: &Incident) -> Option<i32> {
    incident
        .start
        .iter()
        .chain(incident.end.iter())
        .chain(incident.timeline.iter().map(|e| &e.at))
        .find_map(|m| m.offset)
        .map(|o| o.minutes())
}

/// The incident's own zone: the offset it states, or its times as written (read as UTC) when
/// it states none.
pub fn incident_zone(incident: &Incident) -> ShownZone {
    match stated_offset(incident) {
        Some(minutes) => ShownZone::at(minutes),
        None => ShownZone {
            minutes: 0,
            stated: false,
        },
    }
}

/// The offset the incident states, in minutes east of UTC (0 when it states none).
pub fn incident_offset(incident: &Incident) -> i32 {
    incident_zone(incident).minutes
}

/// The zone `choice` means for `incident` at axis milliseconds `at`; `local` is the viewer's
/// offset at an instant (the browser knows it, this module does not).
pub fn shown_zone(
    choice: ZoneChoice,
    incident: &Incident,
    at: f64,
    local: impl Fn(f64) -> i32,
) -> ShownZone {
    match choice {
        ZoneChoice::Incident => incident_zone(incident),
        ZoneChoice::Local => ShownZone::at(local(at)),
        ZoneChoice::Utc => ShownZone::at(0),
    }
}

/// Minutes east of UTC that `choice` means for `incident` at axis milliseconds `at` (see
/// [`shown_zone`]).
pub fn offset_minutes(
    choice: ZoneChoice,
    incident: &Incident,
    at: f64,
    local: impl Fn(f64) -> i32,
) -> i32 {
    shown_zone(choice, incident, at, local).minutes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn the_sample_states_eastern_time() {
        let incident = parse_text(SAMPLE_TEXT).incident;
        assert_eq!(incident_offset(&incident), -300);
        let summer_or_winter = |at: f64| if at > 1_710_000_000_000.0 { 120 } else { 60 };
        assert_eq!(
            offset_minutes(ZoneChoice::Local, &incident, 1.0, summer_or_winter),
            60
        );
        assert_eq!(
            offset_minutes(
                ZoneChoice::Local,
                &incident,
                1_720_000_000_000.0,
                summer_or_winter
            ),
            120
        );
        assert_eq!(
            offset_minutes(ZoneChoice::Utc, &incident, 1.0, summer_or_winter),
            0
        );
        assert_eq!(incident_zone(&incident).name(), "UTC-05:00");
    }

    #[test]
    fn an_incident_without_a_zone_is_not_called_utc() {
        let incident =
            parse_text("Title: T\n\nTimeline:\n- 2024-01-15 10:00 Alert fired\n").incident;
        let zone = incident_zone(&incident);
        assert_eq!((zone.minutes, zone.stated), (0, false));
        assert_eq!(zone.name(), "zone not stated");
        let utc = shown_zone(ZoneChoice::Utc, &incident, 0.0, |_| 60);
        assert_eq!(utc.name(), "UTC");
        assert_eq!(
            shown_zone(ZoneChoice::Local, &incident, 0.0, |_| 60).name(),
            "UTC+01:00"
        );
    }
}
