//! What each timeline event is (detected, escalated, fixed, ...), unless the structured data
//! says so: read from its words and its place in the story by a small linear model
//! ([`model`]) whose features ([`features`]) are the stems of the words ([`words`]), what
//! hand-written cue words say of the event and of its neighbours ([`cues`]), and where the
//! event stands in the timeline, and which kinds the cues find before and after it. The model
//! is trained on the development splits (`dev`, `dev2` … `dev8`) of 2,058 real timeline
//! entries labelled by hand and measured on the held-out ones (`tests/kinds_model.rs`,
//! `tests/event_kinds.rs`).

pub mod attempts;
pub mod cues;
pub mod features;
pub mod model;
mod weights;
pub mod words;

use crate::model::{EventKind, Incident, TimelineEvent};

/// The kind the text describes read on its own, with no timeline around it: the kind whose
/// hand-written cues weigh most, `Other` when none is found. The model of [`kinds_of`] reads
/// an event in its place in the story, so a lone text is read by the cues alone.
pub fn classify(text: &str) -> EventKind {
    cues::cue_kind(&cues::cue_scores(text))
}

/// The kind of an event read on its own: the one its data states, else the one its text
/// describes.
pub fn kind_of(event: &TimelineEvent) -> EventKind {
    event
        .kind
        .unwrap_or_else(|| tried_or(classify(&event.text), &event.text))
}

/// A fix read from words that say it was only tried is a misleading path, as the hand labels
/// have it (41 development entries labelled so had been read as fixes).
fn tried_or(kind: EventKind, text: &str) -> EventKind {
    match kind {
        EventKind::Mitigated if attempts::is_attempt(text) => EventKind::MisleadingPath,
        kind => kind,
    }
}

/// The kind of every event of the incident, in timeline order: the one its data states, else
/// the one the model reads from its text and its place in the timeline. Computed once here
/// and read by every view.
pub fn kinds_of(incident: &Incident) -> Vec<EventKind> {
    let (story, events) = features::in_story_order(incident);
    let scores = features::in_timeline_order(&story, model::scores_of_events(&events));
    incident
        .timeline
        .iter()
        .zip(scores)
        .map(|(event, scores)| {
            event
                .kind
                .unwrap_or_else(|| tried_or(model::best(&scores), &event.text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn the_sample_tells_its_story() {
        let incident = parse_text(SAMPLE_TEXT).incident;
        let story = [
            EventKind::Detected,
            EventKind::Alerted,
            EventKind::Investigating,
            EventKind::MisleadingPath,
            EventKind::Investigating,
            EventKind::Escalated,
            EventKind::RootCauseIdentified,
            EventKind::Mitigated,
            EventKind::Resolved,
        ];
        // Read in the timeline, as every view reads them, and each text on its own.
        assert_eq!(kinds_of(&incident), story);
        let alone: Vec<EventKind> = incident.timeline.iter().map(kind_of).collect();
        assert_eq!(alone, story);
    }

    #[test]
    fn stated_kinds_win_over_the_model() {
        let mut incident = parse_text(SAMPLE_TEXT).incident;
        incident.timeline[0].kind = Some(EventKind::Other);
        incident.timeline[8].kind = Some(EventKind::ImpactStart);
        let kinds = kinds_of(&incident);
        assert_eq!(kinds.len(), incident.timeline.len());
        assert_eq!(kinds[0], EventKind::Other);
        assert_eq!(kinds[8], EventKind::ImpactStart);
        incident.timeline.truncate(1);
        incident.timeline[0].kind = None;
        incident.timeline[0].text.clear();
        assert_eq!(kinds_of(&incident).len(), 1);
        incident.timeline.clear();
        assert!(kinds_of(&incident).is_empty());
    }

    #[test]
    fn stated_kinds_win_over_rules() {
        let mut event: TimelineEvent = TimelineEvent {
            at: "10:00:00".parse().unwrap(),
            text: "Root cause identified".into(),
            inferred: false,
            kind: Some(EventKind::Other),
        };
        assert_eq!(kind_of(&event), EventKind::Other);
        event.kind = None;
        assert_eq!(kind_of(&event), EventKind::RootCauseIdentified);
        assert_eq!(classify("lunch"), EventKind::Other);
        // A full recovery outweighs the fix named beside it.
        assert_eq!(
            classify("Service restored; full service recovery confirmed"),
            EventKind::Resolved
        );
        assert_eq!(
            classify("Café team ESCALATED to the DB team"),
            EventKind::Escalated
        );
        assert_eq!(classify(""), EventKind::Other);
    }
}
