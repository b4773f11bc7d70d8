//! The facts the picture tells, read from the incident: how much broke, how many engineers
//! came, what the culprit was called, and when each chapter begins on the shared time axis.

use crate::analysis::derived_impact::states_no_user_impact;
use crate::analysis::durations::impact_duration_seconds_with;
use crate::analysis::milestones::Milestones;
use crate::analysis::status::StatedStatus;
use crate::analysis::window::{axis_ms, incident_extent, TimeWindow};
use crate::draw::illustration::Stage;
use crate::model::Incident;

/// The share of the cookie drawn broken when the postmortem states none: a quarter.
pub const DEFAULT_SHARE: f64 = 0.25;
/// The fewest engineers drawn.
pub const MIN_ENGINEERS: usize = 3;
/// The most engineers drawn, however long the timeline.
pub const MAX_ENGINEERS: usize = 10;

/// Words that name a culprit, tried in order on the root cause (first match wins).
const CULPRITS: &[(&str, &str)] = &[
    ("cache", "cache"),
    ("caching", "cache"),
    ("dns", "DNS"),
    ("certificate", "certificate"),
    ("load balancer", "load balancer"),
    ("database", "database"),
    ("connection pool", "conn pool"),
    ("memory", "memory"),
    ("disk", "disk"),
    ("queue", "queue"),
    ("network", "network"),
    ("timeout", "timeout"),
    ("config", "config"),
    ("deploy", "deploy"),
];

/// When each chapter of the story begins, in axis milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chapters {
    /// The impact began: cracks appear.
    pub impact: f64,
    /// All the broken pieces are off (the root cause time, else halfway to mitigation).
    pub peak: f64,
    /// The root cause was found, when stated.
    pub root_cause: Option<f64>,
    /// Mending begins (the first mitigation, else the resolution).
    pub mitigated: Option<f64>,
    /// Recovery, when stated.
    pub resolved: Option<f64>,
    /// True when no entry gives the recovery's time but the text states the incident resolved
    /// (`**Status:** Resolved`): `resolved` is then the last entry's time, and the picture
    /// names no clock for it.
    pub resolved_as_stated: bool,
}

/// The facts of one incident the picture is drawn from.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// Share of the cookie that breaks off (0–1): the share of users affected.
    pub share: f64,
    /// Whether the postmortem states the share (else [`DEFAULT_SHARE`] stands in).
    pub share_stated: bool,
    /// How long the impact lasted, in seconds, when known.
    pub duration_seconds: Option<i64>,
    /// How many engineers are drawn: one per timeline entry, within
    /// [`MIN_ENGINEERS`]..=[`MAX_ENGINEERS`].
    pub engineers: usize,
    /// When each engineer joins (axis ms); the first is there from the start.
    pub arrivals: Vec<f64>,
    /// The times of the timeline entries (axis ms), in written order.
    pub event_times: Vec<f64>,
    /// The word on the root-cause flag, e.g. "cache".
    pub culprit: String,
    /// The chapters, when the incident has times at all.
    pub chapters: Option<Chapters>,
    /// The span the scrubber covers.
    pub extent: Option<TimeWindow>,
    /// The UTC offset the incident is written in, in minutes.
    pub offset_minutes: i32,
    /// True when the postmortem says no user was affected.
    pub no_user_impact: bool,
    /// For a file that logs many separate incidents: how many. The story is then the latest
    /// one's.
    pub latest_of: Option<usize>,
}

impl Story {
    /// Reads the story of `incident`.
    pub fn of(incident: &Incident) -> Story {
        let kinds = crate::analysis::kinds::kinds_of(incident);
        Story::with(incident, &kinds, &Milestones::with_kinds(incident, &kinds))
    }

    /// [`Story::of`] from the kinds and milestones a caller already has (the page classifies
    /// them once for every view).
    pub fn with(incident: &Incident, kinds: &[crate::model::EventKind], m: &Milestones) -> Story {
        // A log of separate incidents tells its latest one: a cookie crumbling over six years
        // of unrelated outages would say nothing.
        if let Some(latest) = m.episodes.last() {
            let one = Incident {
                title: incident.title.clone(),
                summary: incident.summary.clone(),
                impact: incident.impact.clone(),
                root_cause: incident.root_cause.clone(),
                timeline: latest
                    .events
                    .iter()
                    .filter_map(|&e| incident.timeline.get(e).cloned())
                    .collect(),
                ..Incident::default()
            };
            let kinds: Vec<_> = latest
                .events
                .iter()
                .filter_map(|&e| kinds.get(e).copied())
                .collect();
            let story = Story::with(&one, &kinds, &Milestones::with_kinds(&one, &kinds));
            return Story {
                latest_of: Some(m.episodes.len()),
                ..story
            };
        }
        let stated = incident
            .impact
            .affected_users_percent
            .filter(|p| p.is_finite());
        let no_user_impact = states_no_user_impact(incident);
        // A near miss crumbles nothing: the cookie stays whole while the crew works.
        let share = match no_user_impact {
            true => 0.0,
            false => stated.map_or(DEFAULT_SHARE, |p| (p / 100.0).clamp(0.0, 1.0)),
        };
        let event_times: Vec<f64> = incident.timeline.iter().map(|e| axis_ms(&e.at)).collect();
        let engineers = incident.timeline.len().clamp(MIN_ENGINEERS, MAX_ENGINEERS);
        let chapters = chapters_of(m);
        let extent = incident_extent(incident);
        let arrivals = arrivals(&event_times, engineers, chapters.as_ref());
        Story {
            no_user_impact,
            share,
            share_stated: stated.is_some(),
            duration_seconds: impact_duration_seconds_with(incident, m),
            engineers,
            arrivals,
            event_times,
            culprit: culprit_of(incident, kinds),
            chapters,
            extent,
            offset_minutes: crate::analysis::zones::incident_offset(incident),
            latest_of: None,
        }
    }

    /// The instant the picture names at `t` (its clock and caption): the recovery once the
    /// cookie is recovered, else `t` but never past the last event written (the axis adds a
    /// margin around the events that nobody wrote).
    pub fn named_instant(&self, t: f64, stage: Stage) -> f64 {
        let resolved = self.chapters.and_then(|c| c.resolved);
        match (stage, resolved) {
            (Stage::Recovered, Some(resolved)) => resolved,
            _ => match self.event_times.iter().copied().reduce(f64::max) {
                Some(last) if t > last => last,
                _ => t,
            },
        }
    }

    /// The last instant of the story: where `None` (the end) puts the playhead.
    pub fn end(&self) -> f64 {
        match (self.extent, self.chapters) {
            (Some(extent), _) => extent.end,
            (None, Some(c)) => c.resolved.unwrap_or(c.peak),
            (None, None) => 0.0,
        }
    }
}

/// The chapters of `incident`, or `None` when nothing in it has a time. A stated status
/// settles the ending: "Resolved" with no recovery entry ends mended at the last entry;
/// "Under investigation" does not end recovered whatever an entry seemed to say.
fn chapters_of(m: &Milestones) -> Option<Chapters> {
    let impact = m.impact_start.as_ref()?.at;
    let after = |t: Option<f64>| t.filter(|&t| t >= impact);
    let found = after(m.resolved.as_ref().map(|r| r.at));
    let last_entry = m.last_event.as_ref().map(|e| e.at);
    // An ongoing status has already kept the milestones from a recovery.
    let (resolved, resolved_as_stated) = match (m.status, found) {
        (Some(StatedStatus::Resolved), None) => match last_entry.filter(|&t| t > impact) {
            Some(last) => (Some(last), true),
            None => (None, false),
        },
        (_, found) => (found, false),
    };
    let root_cause =
        after(m.root_cause.as_ref().map(|r| r.at)).filter(|&t| resolved.is_none_or(|r| t <= r));
    let mitigated = after(m.mitigated.as_ref().map(|r| r.at))
        .filter(|&t| root_cause.is_none_or(|rc| t >= rc))
        .filter(|&t| resolved.is_none_or(|r| t <= r))
        .or(resolved);
    let peak = match (root_cause, mitigated) {
        (Some(rc), _) if rc > impact => rc,
        (_, Some(mit)) if mit > impact => impact + (mit - impact) / 2.0,
        _ => impact + 30.0 * 60_000.0,
    };
    Some(Chapters {
        impact,
        peak,
        root_cause,
        mitigated,
        resolved,
        resolved_as_stated,
    })
}

/// When each engineer joins: engineer `i` comes with timeline entry `i × entries / engineers`;
/// when there are fewer entries than engineers, the rest come at the impact start.
fn arrivals(event_times: &[f64], engineers: usize, chapters: Option<&Chapters>) -> Vec<f64> {
    let fallback = chapters.map_or(0.0, |c| c.impact);
    (0..engineers)
        .map(|i| {
            if event_times.len() >= engineers {
                event_times[i * event_times.len() / engineers]
            } else {
                event_times.get(i).copied().unwrap_or(fallback)
            }
        })
        .collect()
}

/// The culprit's name for the flag, from the root cause (or the root-cause entry).
fn culprit_of(incident: &Incident, kinds: &[crate::model::EventKind]) -> String {
    let root_event = incident
        .timeline
        .iter()
        .zip(kinds)
        .find(|(_, kind)| **kind == crate::model::EventKind::RootCauseIdentified)
        .map(|(e, _)| e.text.as_str())
        .unwrap_or("");
    [incident.root_cause.as_str(), root_event]
        .iter()
        .find_map(|text| {
            let lower = text.to_lowercase();
            CULPRITS
                .iter()
                .find(|(word, _)| lower.contains(word))
                .map(|(_, name)| name.to_string())
        })
        .unwrap_or_else(|| "root cause".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn the_sample_story() {
        let story = Story::of(&parse_text(SAMPLE_TEXT).incident);
        assert_eq!(story.share, 0.3);
        assert!(story.share_stated);
        assert_eq!(story.engineers, 9);
        assert_eq!(story.culprit, "cache");
        assert_eq!(story.duration_seconds, Some(4 * 3600));
        assert_eq!(story.offset_minutes, -300);
        let c = story.chapters.unwrap();
        let hour = 3_600_000.0;
        assert_eq!(c.peak - c.impact, 2.0 * hour);
        assert_eq!(c.root_cause, Some(c.impact + 2.0 * hour));
        assert_eq!(c.mitigated, Some(c.impact + 3.0 * hour));
        assert_eq!(c.resolved, Some(c.impact + 4.0 * hour));
        assert_eq!(story.arrivals, story.event_times);
    }

    #[test]
    fn an_empty_incident_has_defaults() {
        let story = Story::of(&Incident::default());
        assert_eq!(story.share, DEFAULT_SHARE);
        assert!(!story.share_stated);
        assert_eq!(story.engineers, MIN_ENGINEERS);
        assert_eq!(story.chapters, None);
        assert_eq!(story.culprit, "root cause");
    }
}
