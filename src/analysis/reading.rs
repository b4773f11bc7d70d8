//! How well a text was read, for the banner at the top of the page: the problems a reader must
//! see before trusting the views (no timeline although the text holds times, no title).
//! Decided here, from the incident and its diagnostics, so the page only shows the result.

use crate::model::Incident;
use crate::parse::{Diagnostic, Severity};

/// A problem with the reading that the page states up front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadingProblem {
    /// The text holds times, but no timeline entry could be read from it.
    NoEventsFromTimes,
    /// No title could be read.
    NoTitle,
    /// Part of the input could not be read at all (other errors).
    Errors,
}

impl ReadingProblem {
    /// What the banner says.
    pub fn message(self) -> &'static str {
        match self {
            ReadingProblem::NoEventsFromTimes => {
                "No timeline could be read, although the text holds times. The views below are empty or incomplete."
            }
            ReadingProblem::NoTitle => "No title could be read from the first lines.",
            ReadingProblem::Errors => "Part of this file could not be read.",
        }
    }
}

/// True when a reading failed outright: an error, and neither a title nor a timeline read.
/// Opening such a file would only empty the page, so the open incident stays instead.
pub fn failed_outright(incident: &Incident, diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(|d| d.severity == Severity::Error)
        && incident.title.trim().is_empty()
        && incident.timeline.is_empty()
}

/// The problems with a reading, most serious first; empty when it went well.
pub fn reading_problems(incident: &Incident, diagnostics: &[Diagnostic]) -> Vec<ReadingProblem> {
    let mut problems = Vec::new();
    let errors: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let no_events = errors
        .iter()
        .any(|d| d.message.starts_with("no timeline entry could be read"));
    if no_events && incident.timeline.is_empty() {
        problems.push(ReadingProblem::NoEventsFromTimes);
    } else if !errors.is_empty() {
        problems.push(ReadingProblem::Errors);
    }
    if incident.title.trim().is_empty() {
        problems.push(ReadingProblem::NoTitle);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;

    fn problems(text: &str) -> Vec<ReadingProblem> {
        let parsed = parse_document("a.md", text);
        reading_problems(&parsed.incident, &parsed.diagnostics)
    }

    #[test]
    fn times_without_entries_and_a_missing_title_are_problems() {
        assert_eq!(
            problems("## Impact\n\nThe graph showed 14:30 as its last sample.\n"),
            vec![ReadingProblem::NoEventsFromTimes, ReadingProblem::NoTitle]
        );
    }

    #[test]
    fn a_good_reading_has_none() {
        assert_eq!(
            problems("# Outage\n\n## Timeline\n\n- 10:00 start\n"),
            vec![]
        );
        assert_eq!(
            problems("# Notes without any clock time\n\nAll fine.\n"),
            vec![]
        );
    }

    #[test]
    fn a_broken_structured_file_failed_outright_and_a_partial_text_did_not() {
        let broken = parse_document("a.json", "{ \"title\": ");
        assert!(failed_outright(&broken.incident, &broken.diagnostics));
        let partial = parse_document("a.md", "# Outage\n\n## Impact\n\nThe graph showed 14:30.\n");
        assert!(!failed_outright(&partial.incident, &partial.diagnostics));
    }
}
