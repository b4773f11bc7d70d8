//! The incident's milestones (impact start, detection, acknowledgement, root cause, mitigation,
//! resolution) and the key durations between them, each with the basis it was computed from.

use super::episodes::{log_episodes, Episode};
use super::format::duration;
use super::kinds::attempts::is_attempt;
use super::kinds::kinds_of;
use super::window::axis_ms;
use super::written_order::{written_order, WrittenOrder};
use crate::analysis::status::{stated_status, StatedStatus};
use crate::model::{EventKind, Incident};

/// Where a milestone's time came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// The stated start or end of the impact (`Duration:` line or structured data).
    Stated,
    /// The first event of a kind, by index into the timeline.
    Event(usize),
    /// The impact start plus the length the postmortem states (`Duration: ~4 hours`).
    StatedLength,
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
    /// The latest event on the axis, whatever its kind: where the written story ends, for
    /// an incident whose events no kind is recognised in (a text in another language).
    pub last_event: Option<Milestone>,
    /// The separate incidents of a file that logs many (see [`log_episodes`]), earliest first;
    /// empty for one incident. A log has no impact window or milestones across its episodes.
    pub episodes: Vec<Episode>,
    /// The order the timeline is written in; the milestones follow the story's order.
    pub order: WrittenOrder,
    /// The length of impact the postmortem states, in milliseconds, and as written.
    pub stated_length: Option<(f64, String)>,
    /// The incident's status as its author states it (`**Status:** Resolved`).
    pub status: Option<StatedStatus>,
}

impl Milestones {
    /// Finds the milestones of `incident`.
    pub fn of(incident: &Incident) -> Milestones {
        Milestones::with_kinds(incident, &kinds_of(incident))
    }

    /// Finds the milestones of `incident` whose event kinds (from [`kinds_of`]) a caller
    /// already has, so that they are not classified twice.
    pub fn with_kinds(incident: &Incident, kinds: &[EventKind]) -> Milestones {
        // One kind per event: a slice of another length is read only as far as both go.
        let kinds = &kinds[..kinds.len().min(incident.timeline.len())];
        let times: Vec<f64> = incident.timeline.iter().map(|e| axis_ms(&e.at)).collect();
        let order = written_order(&times);
        // The events in the order the story happened: "first" and "last" below follow it.
        let story = order.story(kinds.len());
        let event = |i: usize| Milestone {
            at: times[i],
            basis: Basis::Event(i),
        };
        let first = |kind: EventKind| story.iter().copied().find(|&i| kinds[i] == kind).map(event);
        let last = |kind: EventKind| {
            story
                .iter()
                .copied()
                .rfind(|&i| kinds[i] == kind)
                .map(event)
        };
        let stated = |moment: &Option<crate::model::Moment>| {
            moment.as_ref().map(|m| Milestone {
                at: axis_ms(m),
                basis: Basis::Stated,
            })
        };
        let last_event = times
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_finite())
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(i, _)| event(i));
        // A log of separate incidents: no window or milestone spans them. A stated window says
        // the file is about one incident, however far apart its events are.
        let stated_window = incident.start.is_some() || incident.end.is_some();
        let episodes = if stated_window {
            Vec::new()
        } else {
            log_episodes(&times)
        };
        if !episodes.is_empty() {
            return Milestones {
                last_event,
                episodes,
                order,
                ..Milestones::default()
            };
        }
        let marked = |markers: &[&str]| {
            story
                .iter()
                .copied()
                .find(|&i| {
                    // Every marker names the outage or the impact: most texts are passed over
                    // without being copied.
                    let text = &incident.timeline[i].text;
                    names_outage_or_impact(text) && {
                        let text = text.to_lowercase();
                        markers.iter().any(|m| marks(&text, m))
                    }
                })
                .map(event)
        };
        // Whether the story's `at`th event is a precondition written long before the rest.
        let story_times: Vec<f64> = story.iter().map(|&i| times[i]).collect();
        let story_kinds: Vec<EventKind> = story.iter().map(|&i| kinds[i]).collect();
        let precondition = |at: usize| is_precondition(&story_times, &story_kinds, at);
        // Stated first; then the author's own marker; then the first impact event that is not
        // a precondition written long before the rest (a deploy days earlier); then the first
        // event that is not one.
        let impact_start = stated(&incident.start)
            .or_else(|| marked(START_MARKERS))
            .or_else(|| {
                // An impact event after someone already responded is not where it began.
                let responded = (0..kinds.len())
                    .filter(|&i| RESPONSES.contains(&kinds[i]))
                    .map(|i| times[i])
                    .fold(f64::INFINITY, f64::min);
                (0..story.len())
                    .find(|&at| story_kinds[at] == EventKind::ImpactStart && !precondition(at))
                    .map(|at| story[at])
                    .filter(|&i| times[i] <= responded)
                    .map(event)
            })
            .or_else(|| {
                // The earliest on the clock: a timeline written out of order (an outside
                // party's event listed first, hours after the rest) starts where time does.
                (0..story.len())
                    .filter(|&at| !precondition(at) && story_times[at].is_finite())
                    .map(|at| story[at])
                    .min_by(|&a, &b| times[a].total_cmp(&times[b]))
                    .map(event)
            });
        // A fix is the impact's mitigation only once the impact began: the first one at or after
        // its start, else (every fix written earlier) the first one, which the notes then flag.
        // An attempt ("Attempted to restart the pods", "rollback failed") mitigates nothing.
        let began = impact_start.as_ref().map_or(f64::NEG_INFINITY, |m| m.at);
        let fixes: Vec<usize> = story
            .iter()
            .copied()
            .filter(|&i| kinds[i] == EventKind::Mitigated)
            .filter(|&i| !is_attempt(&incident.timeline[i].text))
            .collect();
        let mitigated = fixes
            .iter()
            .copied()
            .find(|&i| times[i] >= began)
            .or(fixes.first().copied())
            .map(event);
        let acknowledged = first(EventKind::Alerted);
        let detected = first(EventKind::Detected).or_else(|| acknowledged.clone());
        // The last event, when it is a fix that says service came back ("rolled back; service
        // restored"), ends the story too: the illustration does not stay half-mended.
        let recovering_last = story
            .last()
            .copied()
            .filter(|_| kinds.len() == times.len())
            .filter(|&i| {
                let text = incident.timeline[i].text.to_lowercase();
                kinds[i] != EventKind::MisleadingPath
                    && RECOVERY_WORDS.iter().any(|w| text.contains(w))
            });
        // An incident its author calls open or under investigation has not recovered,
        // whatever an entry seemed to say; only a stated end still ends it.
        let status = stated_status(incident);
        let resolved = match status {
            Some(StatedStatus::Ongoing) => stated(&incident.end),
            _ => last(EventKind::Resolved)
                .or_else(|| stated(&incident.end))
                .or_else(|| recovering_last.map(event)),
        };
        let impact_end = stated(&incident.end)
            .or_else(|| marked(END_MARKERS))
            .or_else(|| resolved.clone());
        Milestones {
            last_event,
            impact_start,
            detected,
            acknowledged,
            root_cause: first(EventKind::RootCauseIdentified),
            mitigated,
            resolved,
            impact_end,
            episodes: Vec::new(),
            order,
            status,
            stated_length: crate::parse::length_seconds(&incident.stated_duration)
                .map(|seconds| (seconds as f64 * 1000.0, incident.stated_duration.clone())),
        }
    }
}

/// Words with which authors mark the impact's start on a timeline entry.
const START_MARKERS: &[&str] = &[
    "start of outage",
    "outage starts",
    "outage started",
    "outage begins",
    "outage began",
    "start of impact",
    "impact starts",
    "impact started",
    "impact begins",
    "impact began",
];

/// Words with which authors mark the impact's end on a timeline entry.
const END_MARKERS: &[&str] = &[
    "end of outage",
    "outage ends",
    "outage ended",
    "outage over",
    "end of impact",
    "impact ended",
    "impact ends",
];

/// True when `marker` occurs in the lower-cased `text` as the author's own mark, not as the
/// object of a preposition: "the outage began" marks the start, "investigations into the
/// outage began" marks the start of the investigations.
fn marks(text: &str, marker: &str) -> bool {
    const OBJECT_OF: &[&str] = &["into the ", "of the ", "on the ", "about the ", "for the "];
    text.match_indices(marker)
        .any(|(at, _)| !OBJECT_OF.iter().any(|p| text[..at].ends_with(p)))
}

/// True when `text` holds "outage" or "impact" in any case: the words every marker holds.
fn names_outage_or_impact(text: &str) -> bool {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(5)).any(|at| {
        // Most places are passed over at their first letter.
        matches!(bytes[at] | 0x20, b'o' | b'i') && {
            let word = &bytes[at..at + 6];
            word.eq_ignore_ascii_case(b"outage") || word.eq_ignore_ascii_case(b"impact")
        }
    })
}

/// Kinds that mean someone was already responding.
const RESPONSES: [EventKind; 4] = [
    EventKind::Detected,
    EventKind::Alerted,
    EventKind::Investigating,
    EventKind::Escalated,
];

/// Words that say service came back.
const RECOVERY_WORDS: &[&str] = &[
    "restored",
    "recovered",
    "back online",
    "back up",
    "working again",
    "confirmed working",
    "working as expected",
    "working normally",
    "operational",
];

/// True when the story's first event (`times` and `kinds` in the story's order, `i` the
/// event's place in it) is a precondition written long before the incident (a deploy days
/// earlier): a change or a note, not a response, more than a day before the next event and
/// further from it than the rest of the timeline lasts.
fn is_precondition(times: &[f64], kinds: &[EventKind], i: usize) -> bool {
    let (Some(&at), Some(&next), Some(&last)) = (times.get(i), times.get(i + 1), times.last())
    else {
        return false;
    };
    let a_change = matches!(
        kinds.get(i),
        Some(EventKind::ImpactStart | EventKind::Other)
    );
    // Only a story told after it makes it a precondition: when no later event is of a kind
    // that is recognised, the first one is as likely the start of a long incident.
    let story_after = kinds.iter().skip(i + 1).any(|k| *k != EventKind::Other);
    let gap = next - at;
    i == 0 && a_change && story_after && gap > 24.0 * 3_600_000.0 && gap > last - next
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
    /// The length as the postmortem writes it, when the duration is the stated one.
    pub stated_as: Option<String>,
}

impl KeyDuration {
    /// The length as every view shows it: `1 h 5 min`, or, for a milestone written before the
    /// impact start, `15 min before the impact start` (never a bare minus sign).
    pub fn value_text(&self) -> String {
        let seconds = (self.ms / 1000.0).round() as i64;
        match seconds < 0 {
            true => format!("{} before the impact start", duration(-seconds)),
            false => duration(seconds),
        }
    }

    /// The basis of a duration the postmortem states, as every view words it: `as stated:
    /// “~4 hours”`; `None` for a duration between two moments.
    pub fn stated_words(&self) -> Option<String> {
        self.stated_as
            .as_ref()
            .map(|written| format!("as stated: “{written}”"))
    }
}

/// Time to detect, acknowledge, identify the root cause, mitigate and resolve, and the total
/// impact, each from the impact start. Unknown milestones are left out; when all of them are
/// unknown, how long the timeline spans (to its latest event) is what is known.
pub fn key_durations(incident: &Incident) -> Vec<KeyDuration> {
    key_durations_from(&Milestones::of(incident))
}

/// [`key_durations`] from milestones a caller already has.
pub fn key_durations_from(m: &Milestones) -> Vec<KeyDuration> {
    let Some(start) = &m.impact_start else {
        return Vec::new();
    };
    let mut durations = [
        ("Time to detect", &m.detected),
        ("Time to acknowledge", &m.acknowledged),
        ("Time to root cause", &m.root_cause),
        ("Time to mitigate", &m.mitigated),
        ("Time to resolve", &m.resolved),
    ]
    .into_iter()
    // From an event to itself says nothing (the impact start is known only as the moment it
    // was detected): no "Time to detect 0 s".
    .filter_map(|(name, to)| {
        to.as_ref()
            .filter(|to| !same_event(start, to))
            .map(|to| (name, to))
    })
    .map(|(name, to)| KeyDuration {
        name,
        ms: to.at - start.at,
        to: to.clone(),
        stated_as: None,
    })
    .collect::<Vec<_>>();
    durations.extend(total_impact(m, start));
    if durations.is_empty() {
        // No milestone but the start: the events still say how long the story lasted.
        durations.extend(
            m.last_event
                .as_ref()
                .filter(|last| last.at > start.at)
                .map(|last| KeyDuration {
                    name: "Timeline spans",
                    ms: last.at - start.at,
                    to: last.clone(),
                    stated_as: None,
                }),
        );
    }
    durations
}

/// True when two milestones are the same event of the timeline.
fn same_event(a: &Milestone, b: &Milestone) -> bool {
    matches!((&a.basis, &b.basis), (Basis::Event(x), Basis::Event(y)) if x == y)
}

/// How long the impact lasted, in milliseconds, by the one rule the key durations, the summary
/// and the illustration follow: the stated window when the postmortem states both its ends;
/// else the length it states (`Duration: ~4 hours`), which is the author's own figure, given
/// with that length as written; else from the impact start to the impact end the events give.
pub fn total_impact_ms(m: &Milestones) -> Option<(f64, Option<&str>)> {
    let (start, end) = (m.impact_start.as_ref(), m.impact_end.as_ref());
    let stated_window = start.is_some_and(|s| s.basis == Basis::Stated)
        && end.is_some_and(|e| e.basis == Basis::Stated);
    if let Some((ms, written)) = m.stated_length.as_ref().filter(|_| !stated_window) {
        return Some((*ms, Some(written.as_str())));
    }
    Some((end?.at - start?.at, None))
}

/// The total impact as a key duration from the impact `start` (see [`total_impact_ms`]).
fn total_impact(m: &Milestones, start: &Milestone) -> Option<KeyDuration> {
    let (ms, written) = total_impact_ms(m)?;
    let to = match written {
        Some(_) => Milestone {
            at: start.at + ms,
            basis: Basis::StatedLength,
        },
        None => m.impact_end.clone()?,
    };
    Some(KeyDuration {
        name: "Total impact",
        ms,
        to,
        stated_as: written.map(str::to_string),
    })
}

/// Why [`key_durations_from`] found none, said on the page in place of the durations: a log of
/// separate incidents, no time at all, or nothing after the impact's start (one event, all of
/// them at the same time, or the others before it: a cause told before the impact).
pub fn why_no_durations(m: &Milestones) -> &'static str {
    if !m.episodes.is_empty() {
        return "No durations across the file: it logs separate incidents, days or months \
                apart. Each is listed below with how long it lasted.";
    }
    match m.impact_start {
        // The summary still gives the stated length as the incident's duration.
        None if m.stated_length.is_some() => {
            "No durations from the timeline: it states no times. The duration above is the \
             length the postmortem states."
        }
        None => "No durations: the timeline states no times.",
        Some(_) => {
            "No durations: nothing in the timeline comes after the impact's start, and a duration \
             needs a later moment."
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn an_attempted_fix_is_not_the_mitigation() {
        let text = "Title: Queue stall\n\nTimeline:\n\
                    - 2024-05-02 10:00 UTC - Queue depth alert fired\n\
                    - 2024-05-02 10:10 UTC - Attempted to restart the workers\n\
                    - 2024-05-02 10:40 UTC - Rolled back the worker release\n\
                    - 2024-05-02 11:00 UTC - Queue drained, service recovered\n";
        let incident = parse_text(text).incident;
        let kinds = kinds_of(&incident);
        // The kinds read the attempt as a misleading path, as the hand labels do; a kind
        // stated as a fix is still passed over by the milestones.
        assert_eq!(kinds[1], EventKind::MisleadingPath);
        let m = Milestones::with_kinds(&incident, &kinds);
        assert_eq!(m.mitigated.map(|m| m.basis), Some(Basis::Event(2)));
        let mut stated = kinds.clone();
        stated[1] = EventKind::Mitigated;
        let m = Milestones::with_kinds(&incident, &stated);
        assert_eq!(m.mitigated.map(|m| m.basis), Some(Basis::Event(2)));
    }

    #[test]
    fn a_stated_length_is_the_total_impact_unless_both_ends_are_stated() {
        let total = |text: &str| {
            let incident = parse_text(text).incident;
            key_durations(&incident)
                .into_iter()
                .find(|d| d.name == "Total impact")
                .map(|d| (d.ms / 60_000.0, d.to.basis.clone(), d.stated_words()))
        };
        // One moment and a length: before, "a duration needs two" and no total at all.
        let one = "Login failure\n\n**Duration:** ~4 hours\n\nTimeline\n\
                   - 11:00 - Users cannot log in\n";
        assert_eq!(
            total(one),
            Some((
                240.0,
                Basis::StatedLength,
                Some("as stated: “~4 hours”".into())
            ))
        );
        // The events span 13 h (a precondition the night before); the author says 13 minutes.
        let far = "Crash on 2025-10-24\n\n- **Downtime:** ~13 minutes\n\nTimeline\n\
                   - 2025-10-23 23:00 - Deploy of the new service\n\
                   - 2025-10-24 12:17 - Outage: the service crashed\n\
                   - 2025-10-24 12:30 - Service restored\n";
        assert_eq!(total(far).map(|t| t.0), Some(13.0));
        // A stated window is the author's too, and more precise than a rounded length.
        let window = "Cache outage\n\nDuration: 2024-01-15 10:00 - 2024-01-15 10:13 UTC\n\n\
                      - **Downtime:** about 15 minutes\n\nTimeline\n- 10:00 - Errors start\n\
                      - 10:13 - Errors stop, resolved\n";
        assert_eq!(
            total(window).map(|t| (t.0, t.1)),
            Some((13.0, Basis::Stated))
        );
    }

    #[test]
    fn no_durations_are_explained_by_what_the_timeline_states() {
        let reason = |text: &str| {
            let incident = parse_text(text).incident;
            let milestones = Milestones::of(&incident);
            assert!(key_durations_from(&milestones).is_empty());
            why_no_durations(&milestones)
        };
        assert!(reason("Outage\n\nSummary: the site was down.\n").contains("states no times"));
        let stated = reason("Outage\n\nDuration: about 2 hours\n\nSummary: the site was down.\n");
        assert!(stated.contains("length the postmortem states"), "{stated}");
        let one = reason("Outage\n\nDate: 2024-03-01\n\nTimeline\n10:00 - the site went down\n");
        assert!(one.contains("nothing in the timeline comes after"), "{one}");
        let log = reason(
            "Status history\n\nTimeline\n2023-04-10 16:30 - storage down\n\
             2023-04-10 17:30 - storage back\n2022-12-22 09:00 - network outage\n\
             2022-11-01 21:00 - router repair\n2022-11-02 04:00 - network back\n",
        );
        assert!(log.contains("logs separate incidents"), "{log}");
    }

    #[test]
    fn a_status_page_written_newest_first_is_read_from_its_oldest_update() {
        // Issue 11: the latest update on top. Read as written, the resolution was the impact's
        // start and every duration came out "before the impact start".
        let text = "# Mail delivery failing\n\n\
            ## 2024-01-23 22:00\n\nResolved: mail is delivered again and we are monitoring.\n\n\
            ## 2024-01-23 18:30\n\nWe rolled back the filter change as a fix.\n\n\
            ## 2024-01-23 13:21\n\nDetected: monitoring shows bounces.\n\n\
            ## 2024-01-23 12:00\n\nOutage: incoming mail is not delivered.\n";
        let incident = parse_text(text).incident;
        let m = Milestones::of(&incident);
        assert_eq!(m.order, WrittenOrder::NewestFirst);
        assert_eq!(m.impact_start.map(|s| s.basis), Some(Basis::Event(3)));
        assert_eq!(m.resolved.map(|s| s.basis), Some(Basis::Event(0)));
        let hours: Vec<(&str, f64)> = key_durations(&incident)
            .iter()
            .map(|d| (d.name, (d.ms / 60_000.0).round()))
            .collect();
        assert_eq!(
            hours,
            [
                ("Time to detect", 81.0),
                ("Time to mitigate", 390.0),
                ("Time to resolve", 600.0),
                ("Total impact", 600.0),
            ]
        );
    }

    #[test]
    fn no_duration_runs_from_an_event_to_itself() {
        // The first entry is both the impact's start and its detection: no "Time to detect 0 s".
        let names = |text: &str| -> Vec<&'static str> {
            key_durations(&parse_text(text).incident)
                .iter()
                .map(|d| d.name)
                .collect()
        };
        let text = "# GPU blockage\n\n## Timeline\n\n- 09:29 Monitoring script detected no active pods\n- 11:01 Service restored and resolved\n";
        assert_eq!(names(text), ["Time to resolve", "Total impact"]);
        // A stated start at the same moment is another basis: detection at once is a fact.
        let stated = format!("Start: 2025-10-14 09:29\n\n{text}");
        assert!(
            names(&stated).contains(&"Time to detect"),
            "{:?}",
            names(&stated)
        );
    }

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
    fn events_of_no_known_kind_still_span_the_header_and_the_durations() {
        // Issue 11: a blackout told in words no kind is recognised in, over five days.
        let text = "# 停電のお知らせ\n\n## 経過\n\n\
            - 2023年4月3日 09:15 建屋の電源が落ちた\n\
            - 2023年4月7日 10:00 一部の計算機を戻した\n\
            - 2023年4月8日 16:45 全ての計算機を戻した\n";
        let incident = parse_text(text).incident;
        assert!(kinds_of(&incident).iter().all(|k| *k == EventKind::Other));
        let m = Milestones::of(&incident);
        // The first event is where it began, not a precondition days before the rest.
        assert_eq!(
            m.impact_start.as_ref().map(|s| &s.basis),
            Some(&Basis::Event(0))
        );
        let spans: Vec<(&str, f64)> = key_durations(&incident)
            .iter()
            .map(|d| (d.name, d.ms / 3_600_000.0))
            .collect();
        assert_eq!(spans, [("Timeline spans", 5.0 * 24.0 + 7.5)]);
        assert_eq!(
            crate::analysis::format::incident_dates(&incident).as_deref(),
            Some("3 Apr 2023 09:15 – 8 Apr 2023 16:45 (zone not stated)")
        );
    }

    #[test]
    fn an_empty_incident_has_no_durations() {
        assert!(key_durations(&Incident::default()).is_empty());
    }

    #[test]
    fn a_fix_written_before_the_impact_began_is_not_its_mitigation() {
        // A bulletin of several outages: the first one's restart, then the second outage.
        let text = "# Gateway outages\n\n## Timeline\n\n\
            - 2024-03-04 14:00 Outage starts: the gateway returns 504\n\
            - 2024-03-04 13:55 Rolled back the earlier certificate change\n\
            - 2024-03-04 14:20 Rolled back the proxy config\n\
            - 2024-03-04 14:30 Service fully restored\n";
        let incident = crate::parse::parse_text(text).incident;
        let m = Milestones::of(&incident);
        assert_eq!(m.impact_start.map(|s| s.basis), Some(Basis::Event(0)));
        assert_eq!(m.mitigated.map(|s| s.basis), Some(Basis::Event(2)));
    }

    #[test]
    fn a_precondition_long_before_is_not_the_impact_start() {
        let text = "# Cache outage\n\n## Timeline\n\n\
            - 2024-03-01 09:00 The new cache client was deployed\n\
            - 2024-03-04 14:00 Errors on checkout began\n\
            - 2024-03-04 14:10 On-call paged\n\
            - 2024-03-04 15:00 Service fully restored\n";
        let incident = crate::parse::parse_text(text).incident;
        let m = Milestones::of(&incident);
        assert_eq!(m.impact_start.map(|s| s.basis), Some(Basis::Event(1)));
        let total = key_durations(&incident)
            .into_iter()
            .find(|d| d.name == "Total impact")
            .map(|d| d.ms);
        assert_eq!(total, Some(3_600_000.0));
    }

    #[test]
    fn the_marker_words_are_found_in_any_case_and_nowhere_else() {
        for text in [
            "IMPACT STARTED",
            "Outage over",
            "x impact",
            "outage",
            "the impacts",
        ] {
            assert!(names_outage_or_impact(text), "{text}");
        }
        for text in ["", "impac", "outag", "impaKt", "Ärger im Betrieb", "input"] {
            assert!(!names_outage_or_impact(text), "{text}");
        }
    }

    #[test]
    fn the_authors_outage_markers_bound_the_impact() {
        let text = "# Pub outage\n\n## Timeline\n\n\
            - 10:00 Tag cut\n\
            - 10:05 Tag pushed to the registry **<START OF OUTAGE>**\n\
            - 10:40 Fix pushed **<END OF OUTAGE>**\n\
            - 11:30 Postmortem meeting; incident resolved\n";
        let incident = crate::parse::parse_text(text).incident;
        let m = Milestones::of(&incident);
        assert_eq!(m.impact_start.map(|s| s.basis), Some(Basis::Event(1)));
        assert_eq!(m.impact_end.map(|s| s.basis), Some(Basis::Event(2)));
    }

    #[test]
    fn an_outage_named_as_the_object_of_a_phrase_marks_nothing() {
        assert!(marks("the outage began at noon", "outage began"));
        assert!(!marks(
            "investigations into the outage began",
            "outage began"
        ));
        let text = "# CI outage\n\n## Timeline\n\n\
            - 2026-07-02 07:48 CI outage reported by a contributor\n\
            - 2026-07-02 08:53 Mitigation attempt 1: mirroring the artifacts\n\
            - 2026-07-03 05:13 A merge failed again. More investigations into the outage began.\n\
            - 2026-07-06 04:26 Tree re-opened, service restored\n";
        let incident = crate::parse::parse_text(text).incident;
        let m = Milestones::of(&incident);
        assert_eq!(m.impact_start.map(|s| s.basis), Some(Basis::Event(0)));
        // Listed first but hours after the rest: the impact starts where time does.
        let late_first = text.replace(
            "## Timeline\n\n",
            "## Timeline\n\n- 2026-07-02 14:21 Upstream mirror fixed\n",
        );
        let m = Milestones::of(&crate::parse::parse_text(&late_first).incident);
        assert_eq!(m.impact_start.map(|s| s.basis), Some(Basis::Event(1)));
    }

    #[test]
    fn an_impact_word_after_the_response_began_is_not_the_start() {
        let text = "# ADFS outage\n\n## Timeline\n\n\
            - 2021-03-31 12:11 Reports of issues signing in\n\
            - 2021-03-31 12:21 Issue verified\n\
            - 2021-03-31 13:02 Identified expired token signing certificates\n\
            - 2021-03-31 13:18 Certificate rolled over, login confirmed working\n";
        let incident = crate::parse::parse_text(text).incident;
        let m = Milestones::of(&incident);
        assert_eq!(m.impact_start.map(|s| s.basis), Some(Basis::Event(0)));
        // The closing fix says it works again: the story ends there.
        assert_eq!(m.resolved.map(|s| s.basis), Some(Basis::Event(3)));
    }

    #[test]
    fn a_milestone_before_the_stated_start_is_worded_as_before_it() {
        let text = "Duration: 2026-04-08 12:55 - 2026-04-08 13:07 UTC\n\n## Timeline\n\n\
            - 2026-04-08 12:40 Root cause identified: the sender address was wrong\n\
            - 2026-04-08 12:55 Fix applied to the sender address\n\
            - 2026-04-08 13:07 Resolved, mail flows again\n";
        let durations = key_durations(&crate::parse::parse_text(text).incident);
        let words: Vec<(&str, String)> =
            durations.iter().map(|d| (d.name, d.value_text())).collect();
        assert!(
            words.contains(&(
                "Time to root cause",
                "15 min before the impact start".to_string()
            )),
            "{words:?}"
        );
        assert!(
            words.contains(&("Total impact", "12 min".to_string())),
            "{words:?}"
        );
    }
}
