//! The incident and its parts: plain data, serialisable with serde.
//!
//! This is the one shape every input format is read into and every view is drawn from.
//! It holds what the postmortem *says*; anything computed from it (durations, phases,
//! layout) lives in [`crate::analysis`].

mod kind;
mod moment;

pub use kind::EventKind;
pub use moment::{impossible_stamp, reads_newest_first, Moment, UtcOffset};

use serde::{Deserialize, Serialize};

/// One incident postmortem.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Incident {
    /// The incident's name, e.g. "The Great Cookie Catastrophe".
    pub title: String,
    /// Free-text overview (the "Issue Summary" section's prose, if any).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// When the impact began, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<Moment>,
    /// When the impact ended, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Moment>,
    /// How long the impact lasted, as written, when the postmortem states a length
    /// (`~4 hours` from `Duration: ~4 hours`), with or without its window.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub stated_duration: String,
    /// Who or what was affected and how much.
    #[serde(skip_serializing_if = "Impact::is_empty")]
    pub impact: Impact,
    /// Why it happened. Paragraphs from several places are kept, separated by blank lines.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub root_cause: String,
    /// How it was noticed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detection: String,
    /// How it was fixed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub resolution: String,
    /// What happened when, in written order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelineEvent>,
    /// Corrective and preventative measures stated as prose ("Improvements").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub improvements: Vec<String>,
    /// Concrete follow-up tasks.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub action_items: Vec<ActionItem>,
    /// What the team learned: what went well, what went wrong, where it got lucky.
    #[serde(skip_serializing_if = "Lessons::is_empty")]
    pub lessons: Lessons,
    /// Anything appended after the postmortem proper.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub addendum: String,
    /// Web links found in the text (http and https only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Sections the reader did not recognise, kept verbatim rather than dropped.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_sections: Vec<Section>,
    /// Measured series (error rate, latency, ...) attached to the incident.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<MetricSeries>,
    /// How severe it was, as written ("SEV-2", "P1", "Major").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub severity: String,
    /// The services or components affected, each as written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    /// Free-form tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Who responded, each as written, with a role when the text gives one
    /// ("Ana (incident commander)").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub responders: Vec<String>,
}

/// A part of the postmortem shown after the page's fixed cards, in the author's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Part {
    /// Lessons learned (prose and the three lists).
    Lessons,
    /// Improvements and action items.
    Measures,
    /// The responders.
    Responders,
    /// The addendum.
    Addendum,
    /// An unrecognised section, by index into `other_sections`.
    Section(usize),
}

impl Incident {
    /// The parts to show after the fixed cards: first as `outline` orders them (the order
    /// the author wrote them in, see [`crate::parse::Parsed::outline`]), then any it does
    /// not name (structured data has no outline) in the default order.
    pub fn parts_in_order(&self, outline: &[Part]) -> Vec<Part> {
        let mut parts: Vec<Part> = Vec::new();
        let defaults = [Part::Lessons, Part::Measures, Part::Responders]
            .into_iter()
            .chain((0..self.other_sections.len()).map(Part::Section))
            .chain([Part::Addendum]);
        for part in outline.iter().copied().chain(defaults) {
            let valid = !matches!(part, Part::Section(i) if i >= self.other_sections.len());
            if valid && !parts.contains(&part) {
                parts.push(part);
            }
        }
        parts
    }
}

/// Who or what was affected.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Impact {
    /// The impact as written.
    pub text: String,
    /// Share of users affected, in percent (0–100), when the text states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affected_users_percent: Option<f64>,
}

impl Impact {
    /// True when nothing about the impact is known.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty() && self.affected_users_percent.is_none()
    }
}

/// The "Lessons Learned" section: its prose and its three usual lists.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Lessons {
    /// Prose written directly under "Lessons Learned", paragraphs separated by blank lines.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// "What went well".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub went_well: Vec<String>,
    /// "What went wrong".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub went_wrong: Vec<String>,
    /// "Where we got lucky".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lucky: Vec<String>,
}

impl Lessons {
    /// True when no lesson is recorded.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
            && self.went_well.is_empty()
            && self.went_wrong.is_empty()
            && self.lucky.is_empty()
    }
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// When it happened.
    pub at: Moment,
    /// What happened, as written (inline Markdown links kept).
    pub text: String,
    /// True when the event was found in prose rather than in a timeline section.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
    /// The event's kind when the data states it; otherwise it is classified from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
}

/// A follow-up task.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionItem {
    /// What is to be done.
    pub text: String,
    /// Who owns it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Its priority, as written (e.g. "P1").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priority: Option<String>,
    /// Its status, as written (e.g. "done").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// A tracking link (http or https).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// When it is due, as written (e.g. "2025-06-05").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// The group it was listed under, as written (`Short term` for an item under `### Short
    /// term` in `## Action items`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// One optional column of an action-item table (the page's and the report's): which of the
/// author's headings names it, its default heading, and an item's value in it.
#[derive(Debug, Clone, Copy)]
pub struct ActionColumn {
    /// Its key among the author's headings (`Parsed::headings`), e.g. `owner_column`.
    pub key: &'static str,
    /// Its heading when the author gave none.
    pub heading: &'static str,
    /// An item's value in it.
    pub value: fn(&ActionItem) -> Option<&String>,
}

impl ActionItem {
    /// The optional columns after the task, in table order: group, owner, priority, status, due.
    pub const COLUMNS: [ActionColumn; 5] = [
        ActionColumn {
            key: "group_column",
            heading: "Group",
            value: |item| item.group.as_ref(),
        },
        ActionColumn {
            key: "owner_column",
            heading: "Owner",
            value: |item| item.owner.as_ref(),
        },
        ActionColumn {
            key: "priority_column",
            heading: "Priority",
            value: |item| item.priority.as_ref(),
        },
        ActionColumn {
            key: "status_column",
            heading: "Status",
            value: |item| item.status.as_ref(),
        },
        ActionColumn {
            key: "due_column",
            heading: "Due",
            value: |item| item.due.as_ref(),
        },
    ];
}

/// A web link: only http and https URLs are ever stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The visible text.
    pub text: String,
    /// The target, always starting with `http://` or `https://`.
    pub url: String,
}

/// A section the reader kept without understanding it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Its heading as written.
    pub title: String,
    /// Its body as written.
    pub body: String,
}

/// A measured series, e.g. the error rate in percent over time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MetricSeries {
    /// Its name, e.g. "error rate".
    pub name: String,
    /// Its unit, e.g. "%".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// True when the data is made up for illustration rather than measured.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub illustrative: bool,
    /// Samples as (milliseconds since the Unix epoch, value), in time order.
    pub points: Vec<(i64, f64)>,
}
