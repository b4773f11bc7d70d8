//! What each timeline event is (detected, escalated, fixed, ...), classified from its text
//! by keyword rules, unless the structured data says otherwise.

use std::sync::OnceLock;

use crate::model::{EventKind, TimelineEvent};

/// Keyword rules, tried in order: the first kind with a matching phrase wins. Order matters:
/// "full service recovery" is resolution, "service restored" only mitigation.
const RULES: &[(EventKind, &[&str])] = &[
    (
        EventKind::RootCauseIdentified,
        &[
            "root cause identified",
            "root cause found",
            "root cause was identified",
            "identified the root cause",
            "found the root cause",
            "root cause determined",
            "cause identified",
            "identified the cause",
            "found the cause",
        ],
    ),
    (
        EventKind::Resolved,
        &[
            "full service recovery",
            "fully recovered",
            "fully restored",
            "recovery confirmed",
            "resolved",
            "back to normal",
            "all clear",
            "incident closed",
            "returned to normal",
            "service recovered",
            "recovered fully",
        ],
    ),
    (
        EventKind::MisleadingPath,
        &[
            "initially suspected",
            "initially thought",
            "red herring",
            "ruled out",
            "false lead",
            "wrongly",
            "mistakenly",
            "turned out not",
            "did not help",
            "no effect",
            "didn't help",
        ],
    ),
    (
        EventKind::Mitigated,
        &[
            "corrected",
            "fix applied",
            "fix deployed",
            "fix was deployed",
            "deployed a fix",
            "rolled back",
            "rollback",
            "roll back",
            "mitigat",
            "restored",
            "patched",
            "hotfix",
            "reverted",
            "revert",
            "failover",
            "failed over",
            "workaround",
        ],
    ),
    (
        EventKind::Escalated,
        &[
            "escalat",
            "incident commander",
            "declared",
            "war room",
            "sev1",
            "sev-1",
            "sev 1",
        ],
    ),
    (
        EventKind::Alerted,
        &[
            "alerted",
            "acknowledged",
            "paged",
            "on-call",
            "on call",
            "notified",
        ],
    ),
    (
        EventKind::Detected,
        &[
            "detected",
            "noticed",
            "alert fired",
            "alerts fired",
            "monitoring alert",
            "reported by",
            "customers reported",
            "users reported",
            "first report",
            "spotted",
        ],
    ),
    (
        EventKind::Investigating,
        &[
            "investigat",
            "looking into",
            "debugging",
            "diagnos",
            "suspicion",
            "examin",
            "analyz",
            "analys",
            "checking",
            "triag",
        ],
    ),
    (
        EventKind::ImpactStart,
        &[
            "impact began",
            "impact started",
            "outage began",
            "outage started",
            "errors began",
            "errors started",
            "started failing",
            "began failing",
            "went down",
            "deployed",
            "was deployed",
            "deploy started",
            "change was pushed",
            "pushed a change",
        ],
    ),
];

/// A phrase and the index of its rule.
type RulePhrase = (usize, &'static [u8]);

/// The rules' phrases grouped by first byte, each with its rule's index: looking up only the
/// phrases that can start at a position keeps classifying 10,000 events to a few milliseconds
/// (building a substring searcher per phrase and event cost ten times more).
fn phrases_by_first_byte() -> &'static [Vec<RulePhrase>] {
    static TABLE: OnceLock<Vec<Vec<RulePhrase>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![Vec::new(); 256];
        for (rule, (_, phrases)) in RULES.iter().enumerate() {
            for phrase in phrases.iter() {
                if let Some(&first) = phrase.as_bytes().first() {
                    table[usize::from(first)].push((rule, phrase.as_bytes()));
                }
            }
        }
        table
    })
}

/// The kind the text describes, by the first matching rule.
pub fn classify(text: &str) -> EventKind {
    let lower = text.to_lowercase();
    let hay = lower.as_bytes();
    let table = phrases_by_first_byte();
    let mut best = RULES.len();
    for at in 0..hay.len() {
        for &(rule, phrase) in &table[usize::from(hay[at])] {
            if rule < best && hay[at..].starts_with(phrase) {
                best = rule;
            }
        }
    }
    RULES.get(best).map_or(EventKind::Other, |&(kind, _)| kind)
}

/// The kind of an event: the one its data states, else the one its text describes.
pub fn kind_of(event: &TimelineEvent) -> EventKind {
    event.kind.unwrap_or_else(|| classify(&event.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn the_sample_tells_its_story() {
        let kinds: Vec<EventKind> = parse_text(SAMPLE_TEXT)
            .incident
            .timeline
            .iter()
            .map(kind_of)
            .collect();
        assert_eq!(
            kinds,
            [
                EventKind::Detected,
                EventKind::Alerted,
                EventKind::Investigating,
                EventKind::MisleadingPath,
                EventKind::Investigating,
                EventKind::Escalated,
                EventKind::RootCauseIdentified,
                EventKind::Mitigated,
                EventKind::Resolved,
            ]
        );
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
        // The earlier rule wins wherever its phrase sits in the text.
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
