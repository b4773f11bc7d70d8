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
            excerpt: excerpt.to_string(),
        }
    }
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
