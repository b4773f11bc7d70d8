//! The kinds of timeline event: the roles events play in an incident's story.

use serde::{Deserialize, Serialize};

/// The role an event plays in the incident's story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The impact began (a bad deploy, the first errors).
    ImpactStart,
    /// Someone or something noticed.
    Detected,
    /// Responders were alerted or acknowledged.
    Alerted,
    /// Responders were investigating.
    Investigating,
    /// More people were pulled in.
    Escalated,
    /// A theory or action that turned out wrong.
    MisleadingPath,
    /// The root cause was found.
    RootCauseIdentified,
    /// A mitigation or fix was applied.
    Mitigated,
    /// Service fully recovered.
    Resolved,
    /// Anything else.
    Other,
}

impl EventKind {
    /// Every kind, in story order.
    pub const ALL: [EventKind; 10] = [
        EventKind::ImpactStart,
        EventKind::Detected,
        EventKind::Alerted,
        EventKind::Investigating,
        EventKind::Escalated,
        EventKind::MisleadingPath,
        EventKind::RootCauseIdentified,
        EventKind::Mitigated,
        EventKind::Resolved,
        EventKind::Other,
    ];

    /// A short name for legends and filters.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::ImpactStart => "Impact start",
            EventKind::Detected => "Detected",
            EventKind::Alerted => "Alerted / acknowledged",
            EventKind::Investigating => "Investigating",
            EventKind::Escalated => "Escalated",
            EventKind::MisleadingPath => "Misleading path",
            EventKind::RootCauseIdentified => "Root cause identified",
            EventKind::Mitigated => "Mitigation / fix",
            EventKind::Resolved => "Resolved",
            EventKind::Other => "Other",
        }
    }

    /// A stable identifier for CSS classes, URLs and structured data.
    pub fn slug(self) -> &'static str {
        match self {
            EventKind::ImpactStart => "impact_start",
            EventKind::Detected => "detected",
            EventKind::Alerted => "alerted",
            EventKind::Investigating => "investigating",
            EventKind::Escalated => "escalated",
            EventKind::MisleadingPath => "misleading_path",
            EventKind::RootCauseIdentified => "root_cause_identified",
            EventKind::Mitigated => "mitigated",
            EventKind::Resolved => "resolved",
            EventKind::Other => "other",
        }
    }
}
