//! The one entry point for loaded bytes: picks the reader by file name and content.

use super::{parse_text, Parsed};

/// Input formats the app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plain-text or Markdown postmortem.
    Text,
}

/// The format of a file, from its name and its first bytes.
pub fn detect_format(_name: &str, _text: &str) -> Format {
    Format::Text
}

/// Reads an incident from a loaded file of any supported format.
pub fn parse_document(name: &str, text: &str) -> Parsed {
    match detect_format(name, text) {
        Format::Text => parse_text(text),
    }
}
