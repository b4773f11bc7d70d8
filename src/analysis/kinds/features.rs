//! What the learned model is told about each timeline event: the stems of its words, what the
//! hand-written cues say of it, of its first words, of its neighbours and of all the events
//! before and after it, and where it stands in the story.
//!
//! The same features are read when the model is trained (`tests/kinds_model.rs`) and when it
//! classifies, so a feature's name is its key in the weight table.

use std::borrow::Cow;

use super::cues::{cue_scores, Cues};
use super::words::{Stems, WORD_FEATURE};
use crate::analysis::window::axis_ms;
use crate::analysis::written_order::written_order;
use crate::model::{EventKind, Incident};

/// One feature of an event: its name and its value (1 for a present word or fact).
pub type Feature = (Cow<'static, str>, f32);

/// The kinds that have cues (every kind but `Other`).
const CUED: usize = EventKind::ALL.len() - 1;

/// A cue weight above this counts as this much: one strong phrase and a weak hint or two.
const CUE_CAP: u32 = 8;

/// The number of equal parts the timeline is cut into for [`POSITION`].
const PARTS: usize = 5;

/// How much each kind's cues weigh in the event's text, up to [`CUE_CAP`], as a share of it.
const CUE_WEIGHT: [&str; CUED] = [
    "cue:impact_start",
    "cue:detected",
    "cue:alerted",
    "cue:investigating",
    "cue:escalated",
    "cue:misleading_path",
    "cue:root_cause_identified",
    "cue:mitigated",
    "cue:resolved",
];
/// The kinds whose cues weigh most in the event's text, or none found.
const CUE_TOP: [&str; CUED + 1] = [
    "top:impact_start",
    "top:detected",
    "top:alerted",
    "top:investigating",
    "top:escalated",
    "top:misleading_path",
    "top:root_cause_identified",
    "top:mitigated",
    "top:resolved",
    "top:none",
];
/// The same of the event before it, or no event before it.
const BEFORE_TOP: [&str; CUED + 2] = [
    "before:impact_start",
    "before:detected",
    "before:alerted",
    "before:investigating",
    "before:escalated",
    "before:misleading_path",
    "before:root_cause_identified",
    "before:mitigated",
    "before:resolved",
    "before:none",
    "before:nothing",
];
/// The same of the event after it, or no event after it.
const AFTER_TOP: [&str; CUED + 2] = [
    "after:impact_start",
    "after:detected",
    "after:alerted",
    "after:investigating",
    "after:escalated",
    "after:misleading_path",
    "after:root_cause_identified",
    "after:mitigated",
    "after:resolved",
    "after:none",
    "after:nothing",
];
/// The kinds whose cues weigh most in some event before this one.
const EARLIER: [&str; CUED] = [
    "earlier:impact_start",
    "earlier:detected",
    "earlier:alerted",
    "earlier:investigating",
    "earlier:escalated",
    "earlier:misleading_path",
    "earlier:root_cause_identified",
    "earlier:mitigated",
    "earlier:resolved",
];
/// The kinds whose cues weigh most in some event after this one.
const LATER: [&str; CUED] = [
    "later:impact_start",
    "later:detected",
    "later:alerted",
    "later:investigating",
    "later:escalated",
    "later:misleading_path",
    "later:root_cause_identified",
    "later:mitigated",
    "later:resolved",
];
/// The kinds whose cues weigh most in the first words of the event's text (status pages and
/// terse timelines put the kind first: "Resolved -", "Investigating:"), or none found.
const LEAD_TOP: [&str; CUED + 1] = [
    "lead:impact_start",
    "lead:detected",
    "lead:alerted",
    "lead:investigating",
    "lead:escalated",
    "lead:misleading_path",
    "lead:root_cause_identified",
    "lead:mitigated",
    "lead:resolved",
    "lead:none",
];
/// How many of the first words of a text [`LEAD_TOP`] reads.
const LEAD_WORDS: usize = 4;
/// Which fifth of the timeline the event is in.
const POSITION: [&str; PARTS] = ["part:1", "part:2", "part:3", "part:4", "part:5"];

/// One event as the features see it.
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    /// What happened, as written.
    pub text: &'a str,
    /// True when the event is at the moment the incident says its impact began.
    pub at_start: bool,
    /// True when the event is at the moment the incident says its impact ended.
    pub at_end: bool,
}

/// The features of every event of the incident, in timeline order, each found with the
/// events in the order the story happened (see [`in_story_order`]).
pub fn features_of(incident: &Incident) -> Vec<Vec<Feature>> {
    let (story, events) = in_story_order(incident);
    in_timeline_order(&story, features(&events))
}

/// The incident's events as the features see them, in the order the story happened: as
/// written, or from the last written to the first in a timeline written newest first (a
/// status page's latest update on top), so that "first", "last" and "before" mean in time.
/// Returned with the timeline index of each.
pub fn in_story_order(incident: &Incident) -> (Vec<usize>, Vec<Event<'_>>) {
    let times: Vec<f64> = incident.timeline.iter().map(|e| axis_ms(&e.at)).collect();
    let story = written_order(&times).story(times.len());
    let events = events_of(incident);
    let in_story = story.iter().map(|&i| events[i]).collect();
    (story, in_story)
}

/// Values found for each event of `story` (timeline indices, in the story's order), put
/// back in timeline order.
pub fn in_timeline_order<T: Default>(story: &[usize], values: Vec<T>) -> Vec<T> {
    let mut placed: Vec<T> = story.iter().map(|_| T::default()).collect();
    for (&index, value) in story.iter().zip(values) {
        if let Some(slot) = placed.get_mut(index) {
            *slot = value;
        }
    }
    placed
}

/// Every event of the incident as the features see it, in timeline order.
pub fn events_of(incident: &Incident) -> Vec<Event<'_>> {
    incident
        .timeline
        .iter()
        .map(|event| Event {
            text: &event.text,
            at_start: incident.start == Some(event.at),
            at_end: incident.end == Some(event.at),
        })
        .collect()
}

/// The features of each of a timeline's events, in order.
pub fn features(events: &[Event]) -> Vec<Vec<Feature>> {
    let mut all: Vec<Vec<Feature>> = vec![Vec::new(); events.len()];
    visit(events, |index, feature| match feature {
        Found::Named(name, value) => all[index].push((Cow::Borrowed(name), value)),
        Found::Words(stems) => {
            let mut names: Vec<String> = stems
                .iter()
                .map(|stem| format!("{WORD_FEATURE}{stem}"))
                .collect();
            names.sort_unstable();
            names.dedup();
            all[index].extend(names.into_iter().map(|name| (Cow::Owned(name), 1.0)));
        }
    });
    all
}

/// What [`visit`] finds of an event, in the order its features are listed: named features,
/// then the stems of its words (repeats kept, unsorted) as the last thing of each event.
pub enum Found<'a> {
    /// A feature of the weight table's fixed names, and its value.
    Named(&'static str, f32),
    /// The stems of the event's first words; each is the feature `w:` and the stem, value 1.
    Words(&'a Stems),
}

/// Calls `sink` with each event's index and each of its features, event by event: the one
/// reading behind both [`features`] (names, for training) and the model's scoring, which looks
/// the names up without writing them out.
pub fn visit(events: &[Event], mut sink: impl FnMut(usize, Found<'_>)) {
    let cues: Vec<Cues> = events.iter().map(|event| cue_scores(event.text)).collect();
    let count = events.len();
    let tops: Vec<Option<usize>> = cues.iter().map(top_kind).collect();
    // For each event, the kinds read as the top of some event before it, and after it.
    let mut earlier = vec![[false; CUED]; count];
    let mut later = vec![[false; CUED]; count];
    for index in 1..count {
        earlier[index] = earlier[index - 1];
        if let Some(kind) = tops[index - 1] {
            earlier[index][kind] = true;
        }
    }
    for index in (0..count.saturating_sub(1)).rev() {
        later[index] = later[index + 1];
        if let Some(kind) = tops[index + 1] {
            later[index][kind] = true;
        }
    }
    let mut stems = Stems::default();
    for (index, event) in events.iter().enumerate() {
        let mut weighed = |name: &'static str, value: f32| sink(index, Found::Named(name, value));
        weighed("bias", 1.0);
        let here = &cues[index];
        for (kind, &weight) in here.score.iter().take(CUED).enumerate() {
            if weight > 0 {
                weighed(
                    CUE_WEIGHT[kind],
                    weight.min(CUE_CAP) as f32 / CUE_CAP as f32,
                );
            }
        }
        let mut named = |name: &'static str| weighed(name, 1.0);
        push_tops(&mut named, here, &CUE_TOP);
        match index.checked_sub(1).and_then(|before| cues.get(before)) {
            Some(before) => push_tops(&mut named, before, &BEFORE_TOP),
            None => named(BEFORE_TOP[CUED + 1]),
        }
        match cues.get(index + 1) {
            Some(after) => push_tops(&mut named, after, &AFTER_TOP),
            None => named(AFTER_TOP[CUED + 1]),
        }
        for kind in 0..CUED {
            if earlier[index][kind] {
                named(EARLIER[kind]);
            }
            if later[index][kind] {
                named(LATER[kind]);
            }
        }
        push_tops(&mut named, &cue_scores(&lead(event.text)), &LEAD_TOP);
        let part = index * PARTS / count.saturating_sub(1).max(1);
        named(POSITION[part.min(PARTS - 1)]);
        if index == 0 {
            named("first");
        }
        if index + 1 == count {
            named("last");
        }
        if event.at_start {
            named("at_start");
        }
        if event.at_end {
            named("at_end");
        }
        sink(index, Found::Words(stems.of(event.text)));
    }
}

/// The first [`LEAD_WORDS`] words of a text, markup set aside.
fn lead(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .take(LEAD_WORDS)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The kind whose cues weigh most (the first on a tie), or none found.
fn top_kind(cues: &Cues) -> Option<usize> {
    let top = cues.score.iter().take(CUED).copied().max().unwrap_or(0);
    (top > 0).then(|| cues.score.iter().position(|&w| w == top).unwrap_or(0))
}

/// One feature for each kind whose cues weigh most in `cues` (ties all count), or the last
/// of `names` but one when no cue is found.
fn push_tops(named: &mut impl FnMut(&'static str), cues: &Cues, names: &[&'static str]) {
    let top = cues.score.iter().take(CUED).copied().max().unwrap_or(0);
    if top == 0 {
        named(names[CUED]);
        return;
    }
    for (kind, &weight) in cues.score.iter().take(CUED).enumerate() {
        if weight == top {
            named(names[kind]);
        }
    }
}
