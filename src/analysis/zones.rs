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

use crate::model::Incident;

/// The offset the incident states, in minutes east of UTC: its start's, else its end's, else
/// the first event's that has one; UTC when none does.
pub fn incident_offset(incident: &Incident) -> i32 {
    incident
        .start
        .iter()
        .chain(incident.end.iter())
        .chain(incident.timeline.iter().map(|e| &e.at))
        .find_map(|m| m.offset)
        .map_or(0, |o| o.minutes())
}

/// Minutes east of UTC that `choice` means for `incident` at axis milliseconds `at`;
/// `local` is the viewer's offset at an instant (the browser knows it, this module does not).
pub fn offset_minutes(
    choice: ZoneChoice,
    incident: &Incident,
    at: f64,
    local: impl Fn(f64) -> i32,
) -> i32 {
    match choice {
        ZoneChoice::Incident => incident_offset(incident),
        ZoneChoice::Local => local(at),
        ZoneChoice::Utc => 0,
    }
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
    }
}
