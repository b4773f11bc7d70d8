//! From text to an [`Incident`](crate::model::Incident), with located diagnostics.
//!
//! Every reader returns a [`Parsed`]: the incident it could read and a diagnostic for each
//! thing it skipped or guessed. Readers never panic and run in time linear in the input.

mod calendar;
mod clock;
mod diagnostic;
mod document;
mod entry;
mod front_matter;
mod html_blocks;
mod html_page;
mod impact;
mod infer;
pub mod inline;
mod items;
mod labels;
mod length;
mod lines;
pub(crate) mod markup;
mod metrics;
pub mod rich;
mod scan;
mod status_json;
mod status_page;
mod structured;
mod table;
mod text;
mod zone;

pub(crate) use diagnostic::column_of;
pub use diagnostic::{Diagnostic, Severity};
pub use document::{detect_format, names_a_section, parse_document, Format};
pub use html_page::is_html_page;
pub use length::length_seconds;
pub(crate) use metrics::{duplicate_warning, settle_points};
pub use metrics::{parse_metrics, value_out_of_range, MAX_TIME_MS, MAX_VALUE};
pub use structured::{parse_json, parse_structured, parse_toml, parse_yaml, Syntax};
pub use text::{parse_text, parse_text_named};

use crate::model::{Incident, Part};

/// What a reader made of its input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The incident, as far as it could be read.
    pub incident: Incident,
    /// Errors and warnings, in line order.
    pub diagnostics: Vec<Diagnostic>,
    /// The order the author wrote the parts in that the page shows after its fixed cards
    /// (lessons, measures, responders, unknown sections, addendum). A fact about the source
    /// text, like the diagnostics, so it is not part of the incident's data.
    pub outline: Vec<Part>,
    /// The author's own headings for the parts the page shows under fixed names, by part:
    /// `summary`, `impact`, `root_cause`, `detection`, `resolution`, `timeline`, `lessons`,
    /// `went_well`, `went_wrong`, `lucky` (the lessons' three lists), `measures`,
    /// `responders`, `addendum` (the first heading of each, as written), and the
    /// action-item table's column names: `task_column`, `owner_column`, `priority_column`,
    /// `status_column`, `due_column`, `link_column`.
    pub headings: Vec<(&'static str, String)>,
    /// The lines the reader turned into facts the page writes in its own way (`Date:`,
    /// `Duration:`, `Start:`/`End:` become the incident's window; `All times in UTC.` the
    /// zone of the timeline), as written, in reading order: the page shows the author's
    /// words beside its own.
    pub stated: Vec<Stated>,
}

/// A line the reader turned into facts the page writes in its own way, as written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stated {
    /// What it states.
    pub about: StatedAbout,
    /// The line as written (inline Markdown, `<br>` pieces apart), without a list marker.
    pub text: String,
}

/// What a [`Stated`] line states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StatedAbout {
    /// When the incident happened: its date, window or length (`Date:`, `Duration:`).
    Window,
    /// How the timeline's times are written (`All times in UTC.`).
    Timeline,
}

impl Parsed {
    /// The lines stating `about`, as written.
    pub fn stated_about(&self, about: StatedAbout) -> impl Iterator<Item = &str> {
        self.stated
            .iter()
            .filter(move |s| s.about == about)
            .map(|s| s.text.as_str())
    }
}

/// Every key [`Parsed::headings`] uses: the parts the page shows under fixed names, then the
/// action-item table's columns.
pub const HEADING_KEYS: [&str; 19] = [
    "summary",
    "impact",
    "root_cause",
    "detection",
    "resolution",
    "timeline",
    "lessons",
    "went_well",
    "went_wrong",
    "lucky",
    "measures",
    "responders",
    "addendum",
    "task_column",
    "owner_column",
    "priority_column",
    "status_column",
    "due_column",
    "link_column",
];

impl Parsed {
    /// The author's heading for `part` (a key of [`Parsed::headings`]), if they wrote one.
    pub fn heading(&self, part: &str) -> Option<&str> {
        self.headings
            .iter()
            .find(|(key, _)| *key == part)
            .map(|(_, text)| text.as_str())
    }
}

impl Parsed {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}
