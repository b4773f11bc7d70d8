//! Located messages about the input: errors that stop a value from being read, and warnings
//! for what was skipped or guessed. Nothing the user gave is dropped without one.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Part of the input could not be read at all.
    Error,
    /// Something was skipped, guessed or looks wrong; the rest was read.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One message about one place in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, counted in characters.
    pub column: u32,
    /// What is wrong and what was expected.
    pub message: String,
    /// The offending line, as written.
    pub excerpt: String,
}

impl Diagnostic {
    /// A warning about `line` at the 1-based character `column`.
    pub fn warning(line: u32, column: u32, message: impl Into<String>, excerpt: &str) -> Self {
        Self::new(Severity::Warning, line, column, message, excerpt)
    }

    /// An error about `line` at the 1-based character `column`.
    pub fn error(line: u32, column: u32, message: impl Into<String>, excerpt: &str) -> Self {
        Self::new(Severity::Error, line, column, message, excerpt)
    }

    fn new(
        severity: Severity,
        line: u32,
        column: u32,
        message: impl Into<String>,
        excerpt: &str,
    ) -> Self {
        Diagnostic {
            severity,
            line,
            column: column.max(1),
            message: message.into(),
            excerpt: excerpt_around(excerpt, column),
        }
    }
}

/// Characters of the offending line kept on each side of the column: a minified JSON file is
/// one line of megabytes, and a note shows where, not the whole file.
pub const EXCERPT_SIDE: usize = 80;

/// `line` cut to [`EXCERPT_SIDE`] characters on each side of the 1-based `column`, with `…`
/// where it was cut.
fn excerpt_around(line: &str, column: u32) -> String {
    if line.len() <= 2 * EXCERPT_SIDE {
        return line.to_string();
    }
    let at = (column.max(1) - 1) as usize;
    let from = at.saturating_sub(EXCERPT_SIDE);
    let mut chars = line.char_indices().skip(from);
    let Some((start, _)) = chars.next() else {
        // The column lies past the end: show the line's end.
        let tail: String = line
            .chars()
            .rev()
            .take(2 * EXCERPT_SIDE)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        return format!("…{tail}");
    };
    let end = chars
        .nth(2 * EXCERPT_SIDE - 1)
        .map_or(line.len(), |(index, _)| index);
    let lead = if start > 0 { "…" } else { "" };
    let trail = if end < line.len() { "…" } else { "" };
    format!("{lead}{}{trail}", &line[start..end])
}

impl fmt::Display for Diagnostic {
    /// `line:column: severity: message`, the form compilers and editors understand.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.line, self.column, self.severity, self.message
        )
    }
}

/// 1-based character column of the byte offset `at` in `line` (clamped to the line).
pub fn column_of(line: &str, at: usize) -> u32 {
    let at = at.min(line.len());
    let chars = line
        .char_indices()
        .take_while(|(index, _)| *index < at)
        .count();
    u32::try_from(chars).unwrap_or(u32::MAX).saturating_add(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_is_kept_whole() {
        let d = Diagnostic::warning(3, 5, "odd", "  \"timeline\": 5");
        assert_eq!(d.excerpt, "  \"timeline\": 5");
    }

    #[test]
    fn a_huge_line_is_cut_around_the_column() {
        let line = format!("{}HERE{}", "a".repeat(5_000_000), "é".repeat(1_000_000));
        let d = Diagnostic::warning(1, 5_000_001, "odd", &line);
        assert!(d.excerpt.starts_with('…') && d.excerpt.ends_with('…'));
        assert!(d.excerpt.contains("HERE"));
        assert_eq!(d.excerpt.chars().count(), 2 * EXCERPT_SIDE + 2);
        let start = Diagnostic::warning(1, 1, "odd", &line);
        assert!(start.excerpt.starts_with("aaa") && start.excerpt.ends_with('…'));
        let past = Diagnostic::warning(1, u32::MAX, "odd", &line);
        assert!(past.excerpt.starts_with('…') && past.excerpt.ends_with('é'));
        assert_eq!(past.excerpt.chars().count(), 2 * EXCERPT_SIDE + 1);
    }
}
