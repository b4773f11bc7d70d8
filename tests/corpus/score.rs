//! Scores the reader against hand-checked timelines: the manifest format shared by the real
//! corpus (`tests/corpus/manifest.json`, texts kept outside the repository) and the shape
//! fixtures (`tests/fixtures/shapes/expected.json`, texts in the repository).
//!
//! Each expected entry is matched, in written order, with the next read event at the same
//! wall-clock time (seconds compared only when the author wrote them); it is right when the
//! date matches too (an expected date of `null` means the document does not say, and any date
//! is accepted). Read events matched by nothing are "extra".

use std::path::Path;

use postmortem_explorer::parse::{parse_document, Parsed};
use serde::Deserialize;

/// One file of a manifest.
#[derive(Debug, Deserialize)]
pub struct Record {
    pub id: String,
    pub file: String,
    #[serde(default)]
    pub source: String,
    #[serde(default = "dev")]
    pub split: String,
    #[serde(default)]
    pub timeline: Vec<Expected>,
}

fn dev() -> String {
    "dev".to_string()
}

/// One hand-checked timeline entry.
#[derive(Debug, Deserialize)]
pub struct Expected {
    #[serde(default)]
    pub line: u32,
    pub date: Option<String>,
    pub time: Option<String>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub prose: bool,
}

/// How one file came out.
#[derive(Debug, Default, Clone)]
pub struct Score {
    /// Expected entries with a time.
    pub expected: usize,
    /// Of those, read with the right time and date.
    pub right: usize,
    /// Read with the right time but another date.
    pub wrong_date: usize,
    /// Read events that match no expected entry.
    pub extra: usize,
    /// Read events in all.
    pub read: usize,
    /// Expected entries that sit in prose rather than in a timeline.
    pub prose: usize,
    /// Warnings and errors the reader gave.
    pub notes: usize,
    /// What went wrong, one line each.
    pub problems: Vec<String>,
}

impl Score {
    pub fn add(&mut self, other: &Score) {
        self.expected += other.expected;
        self.right += other.right;
        self.wrong_date += other.wrong_date;
        self.extra += other.extra;
        self.read += other.read;
        self.prose += other.prose;
        self.notes += other.notes;
    }

    /// Share of expected entries read right, in percent (100 when nothing was expected).
    pub fn percent(&self) -> f64 {
        if self.expected == 0 {
            return 100.0;
        }
        100.0 * self.right as f64 / self.expected as f64
    }

    /// Extra events as a share of the expected ones, in percent.
    pub fn extra_percent(&self) -> f64 {
        100.0 * self.extra as f64 / self.expected.max(1) as f64
    }
}

/// Reads a manifest (a JSON array of records).
pub fn manifest(path: &Path) -> Vec<Record> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Reads `text` (named `name`) and scores it against `record`.
pub fn score(record: &Record, name: &str, text: &str) -> (Score, Parsed) {
    let parsed = parse_document(name, text);
    let got: Vec<(Option<String>, String)> = parsed
        .incident
        .timeline
        .iter()
        .map(|e| {
            (
                e.at.date.map(|d| d.to_string()),
                e.at.time.format("%H:%M:%S").to_string(),
            )
        })
        .collect();
    let mut out = Score {
        read: got.len(),
        notes: parsed.diagnostics.len(),
        ..Score::default()
    };
    let mut matched = vec![false; got.len()];
    let mut from = 0;
    for want in &record.timeline {
        let Some(time) = &want.time else { continue };
        out.expected += 1;
        out.prose += usize::from(want.prose);
        let same_time = |got: &str| {
            if time.len() == 5 {
                got.starts_with(time.as_str())
            } else {
                got == time
            }
        };
        // The next unmatched event at that time, after the last match first, else anywhere.
        let found = (from..got.len())
            .chain(0..from)
            .find(|&i| !matched[i] && same_time(&got[i].1));
        match found {
            Some(i) => {
                matched[i] = true;
                from = i + 1;
                let date_ok = want.date.is_none() || want.date == got[i].0;
                if date_ok {
                    out.right += 1;
                } else {
                    out.wrong_date += 1;
                    out.problems.push(format!(
                        "line {}: {time} expected on {}, read on {}",
                        want.line,
                        want.date.as_deref().unwrap_or("-"),
                        got[i].0.as_deref().unwrap_or("no date")
                    ));
                }
            }
            None => out.problems.push(format!(
                "line {}: missed {} {time} {:?}",
                want.line,
                want.date.as_deref().unwrap_or("-"),
                want.text
            )),
        }
    }
    for (i, m) in matched.iter().enumerate() {
        if !m {
            out.extra += 1;
            let event = &parsed.incident.timeline[i];
            out.problems.push(format!(
                "extra event {} {} {:?}",
                got[i].0.as_deref().unwrap_or("-"),
                got[i].1,
                event.text.chars().take(60).collect::<String>()
            ));
        }
    }
    (out, parsed)
}
