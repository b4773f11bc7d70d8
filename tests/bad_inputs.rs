//! The bad-input corpus (`tests/bad-input/`, written by its `generate.py`): every file is read
//! through the path the page takes — [`loading::decode`], [`loading::read_loaded`], then
//! [`failed_outright`] and [`loading::not_a_postmortem`] in the order `ui::loader` asks them —
//! and must give exactly the outcome `tests/bad-input/expected.json` states for it: a
//! [`LoadError`](postmortem_explorer::loading::LoadError) code, or diagnostics with severity,
//! line, column and a message substring. A file whose reading fails must say which check keeps
//! the open incident open.
//!
//! Each file is read on a thread with a 1 MB stack (the stack wasm gets) and within a time
//! budget, so a deep nesting that overflows or an input that takes pathological time fails here.
//!
//! Entries marked `known_gap` are still checked; while they fail they are printed, not failed,
//! and once they pass the test asks for the mark to be removed.
//!
//! `BAD_INPUT_DUMP=1 cargo test --test bad_inputs -- --nocapture` prints what each file gives.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/lines.rs"]
mod line_numbers;
use line_numbers::lines;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use postmortem_explorer::analysis::catalogue::CatalogueIndex;
use postmortem_explorer::analysis::reading::failed_outright;
use postmortem_explorer::loading::{self, Loaded};
use postmortem_explorer::parse::{Diagnostic, Severity};
use serde_json::Value;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input")
}

fn manifest() -> Value {
    let text = std::fs::read_to_string(corpus_dir().join("expected.json")).expect("expected.json");
    serde_json::from_str(&text).expect("expected.json is JSON")
}

/// What the page makes of one file.
#[derive(Debug)]
struct Outcome {
    /// The refusal, when the file is not opened: its code, message and which check refused it.
    refused: Option<(&'static str, String, &'static str)>,
    /// How the bytes were decoded, when not as plain UTF-8.
    note: Option<String>,
    /// "incident" or "metrics" when decoded.
    kind: Option<&'static str>,
    /// The reader's diagnostics.
    diagnostics: Vec<Diagnostic>,
    /// Number of timeline entries or metric series read.
    items: usize,
    /// The decoded text (to check positions against).
    text: String,
}

/// Reads `bytes` as the page does (`ui::loader::read_file`, then `open_decoded`).
fn read_as_the_page_does(name: &str, bytes: Vec<u8>) -> Outcome {
    let decoded = match loading::decode(name, bytes) {
        Ok(decoded) => decoded,
        Err(error) => {
            return Outcome {
                refused: Some((error.code(), error.to_string(), "decode")),
                note: None,
                kind: None,
                diagnostics: Vec::new(),
                items: 0,
                text: String::new(),
            }
        }
    };
    let mut loaded = loading::read_loaded(name, &decoded.text);
    // As `open_decoded` does: how the bytes were decoded is a warning at 1:1.
    if let Some(note) = &decoded.note {
        let warning = Diagnostic::warning(1, 1, note.clone(), "");
        match &mut loaded {
            Loaded::Incident(parsed) => parsed.diagnostics.insert(0, warning),
            Loaded::Metrics { diagnostics, .. } => diagnostics.insert(0, warning),
        }
    }
    let failed =
        matches!(&loaded, Loaded::Incident(p) if failed_outright(&p.incident, &p.diagnostics));
    let refused = if failed {
        Some(("failed-outright", String::new(), "failed_outright"))
    } else {
        loading::not_a_postmortem(name, &loaded, &decoded.text)
            .map(|error| (error.code(), error.to_string(), "not_a_postmortem"))
    };
    let (kind, diagnostics, items) = match loaded {
        Loaded::Incident(parsed) => (
            "incident",
            parsed.diagnostics,
            parsed.incident.timeline.len(),
        ),
        Loaded::Metrics {
            series,
            diagnostics,
        } => ("metrics", diagnostics, series.len()),
    };
    Outcome {
        refused,
        note: decoded.note,
        kind: Some(kind),
        diagnostics,
        items,
        text: decoded.text,
    }
}

/// Runs `work` on a thread with the stack wasm gets (1 MB): a recursion that would overflow
/// the page's stack aborts this test process instead of passing.
fn on_small_stack<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(work)
        .expect("a thread")
        .join()
        .expect("reading a bad input panicked")
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn show(d: &Diagnostic) -> String {
    let mut message = d.message.clone();
    if message.len() > 160 {
        let cut = (0..=160)
            .rev()
            .find(|&i| message.is_char_boundary(i))
            .unwrap_or(0);
        message.truncate(cut);
        message.push('…');
    }
    format!(
        "{} {}:{} {message}",
        severity_name(d.severity),
        d.line,
        d.column
    )
}

fn str_field<'a>(entry: &'a Value, key: &str) -> Option<&'a str> {
    entry.get(key).and_then(Value::as_str)
}

/// Every way `outcome` differs from `entry`, and the number of assertions made.
fn check(outcome: &Outcome, entry: &Value) -> (Vec<String>, usize) {
    let mut problems = Vec::new();
    let mut assertions = 0;
    let mut expect = |ok: bool, problem: String| {
        assertions += 1;
        if !ok {
            problems.push(problem);
        }
    };

    // Refused, and by which check; or opened.
    let keeps = entry.get("keeps_open_incident").and_then(Value::as_bool) == Some(true);
    let kept_by = str_field(entry, "kept_by");
    match (&outcome.refused, keeps) {
        (Some((code, message, by)), true) => {
            expect(
                kept_by == Some(by),
                format!("refused by {by}, expected kept_by {kept_by:?}"),
            );
            if let Some(want) = str_field(entry, "load_error") {
                expect(*code == want, format!("load error {code}, expected {want}"));
            }
            if let Some(want) = str_field(entry, "error_message") {
                expect(
                    message.contains(want),
                    format!("load error message {message:?} lacks {want:?}"),
                );
            }
        }
        (Some((code, message, by)), false) => expect(
            false,
            format!("refused ({code} by {by}: {message}) but expected to open"),
        ),
        (None, true) => expect(
            false,
            format!("opened, but expected keeps_open_incident by {kept_by:?}"),
        ),
        (None, false) => expect(true, String::new()),
    }

    if let Some(want) = str_field(entry, "kind") {
        expect(
            outcome.kind == Some(want),
            format!("read as {:?}, expected {want}", outcome.kind),
        );
    }
    match str_field(entry, "note") {
        Some(want) => expect(
            outcome
                .note
                .as_deref()
                .is_some_and(|note| note.contains(want)),
            format!("decoding note {:?} lacks {want:?}", outcome.note),
        ),
        None if outcome.refused.as_ref().is_none_or(|r| r.2 != "decode") => expect(
            outcome.note.is_none(),
            format!("unexpected decoding note {:?}", outcome.note),
        ),
        None => {}
    }
    if let Some(want) = entry.get("items").and_then(Value::as_u64) {
        expect(
            outcome.items as u64 == want,
            format!("{} entries or series read, expected {want}", outcome.items),
        );
    }

    // Every expected diagnostic is there, at its place.
    let wanted = entry
        .get("diagnostics")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for want in &wanted {
        let severity = str_field(want, "severity").unwrap_or("?");
        let line = want.get("line").and_then(Value::as_u64).unwrap_or(0);
        let column = want.get("column").and_then(Value::as_u64).unwrap_or(0);
        let message = str_field(want, "message").unwrap_or("");
        let found = outcome.diagnostics.iter().any(|d| {
            severity_name(d.severity) == severity
                && u64::from(d.line) == line
                && u64::from(d.column) == column
                && d.message.contains(message)
        });
        expect(
            found,
            format!("no {severity} at {line}:{column} containing {message:?}"),
        );
    }

    // Nothing is refused or opened without a message that says what and where: a refusal
    // before reading names the bytes (not text) or the text (nothing in it reads as a
    // postmortem); everything else has at least one diagnostic, located inside the text.
    let refused_whole = outcome
        .refused
        .as_ref()
        .is_some_and(|r| r.2 == "decode" || r.2 == "not_a_postmortem");
    if !refused_whole {
        expect(
            !wanted.is_empty() && !outcome.diagnostics.is_empty(),
            "no located diagnostic at all".to_string(),
        );
    }
    let lines = lines(&outcome.text);
    for d in &outcome.diagnostics {
        let line = usize::try_from(d.line).unwrap_or(usize::MAX);
        let inside = (1..=lines.len()).contains(&line)
            && (1..=lines[line - 1].chars().count() + 1)
                .contains(&usize::try_from(d.column).unwrap_or(usize::MAX));
        expect(inside, format!("diagnostic outside the text: {}", show(d)));
    }
    (problems, assertions)
}

fn dump(name: &str, outcome: &Outcome, elapsed: Duration) {
    println!(
        "--- {name} ({elapsed:.2?}) refused={:?} note={:?} kind={:?} items={}",
        outcome.refused, outcome.note, outcome.kind, outcome.items
    );
    for d in outcome.diagnostics.iter().take(8) {
        println!("    {}", show(d));
    }
}

/// The budget for reading one file. Unoptimised test builds are several times slower than the
/// page; a reader that is linear reads the largest file (2 MB) well within it.
const BUDGET: Duration = Duration::from_secs(10);

#[test]
fn every_bad_input_gets_its_expected_located_message() {
    let manifest = manifest();
    let files = manifest["files"].as_object().expect("a `files` object");
    let dumping = std::env::var_os("BAD_INPUT_DUMP").is_some();

    let mut on_disk: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/bad-input")
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "expected.json" && name != "generate.py")
        .collect();
    on_disk.sort();
    assert!(on_disk.len() >= 60, "only {} bad inputs", on_disk.len());
    for name in &on_disk {
        assert!(
            files.contains_key(name),
            "{name} has no entry in expected.json"
        );
    }
    for name in files.keys() {
        assert!(
            on_disk.contains(name),
            "expected.json names {name}, which is not there"
        );
    }

    let mut failures = Vec::new();
    let mut gaps = Vec::new();
    let mut assertions = 0;
    let mut categories: BTreeMap<String, usize> = BTreeMap::new();
    for name in &on_disk {
        let entry = &files[name];
        *categories
            .entry(str_field(entry, "category").unwrap_or("?").to_string())
            .or_default() += 1;
        let bytes = std::fs::read(corpus_dir().join(name)).expect("readable");
        let started = Instant::now();
        let owned = name.clone();
        let outcome = on_small_stack(move || read_as_the_page_does(&owned, bytes));
        let elapsed = started.elapsed();
        if dumping {
            dump(name, &outcome, elapsed);
        }
        let (mut problems, count) = check(&outcome, entry);
        assertions += count + 1;
        if elapsed > BUDGET {
            problems.push(format!("took {elapsed:.2?}, over the {BUDGET:?} budget"));
        }
        match (str_field(entry, "known_gap"), problems.is_empty()) {
            (Some(why), false) => {
                gaps.push(format!("{name}: {why}\n    {}", problems.join("\n    ")))
            }
            (Some(_), true) => failures.push(format!(
                "{name}: passes now; remove its known_gap from expected.json"
            )),
            (None, false) => {
                let got: Vec<String> = outcome.diagnostics.iter().take(6).map(show).collect();
                failures.push(format!(
                    "{name}:\n    {}\n  got: refused={:?} note={:?}\n    {}",
                    problems.join("\n    "),
                    outcome.refused,
                    outcome.note,
                    got.join("\n    ")
                ));
            }
            (None, true) => {}
        }
    }
    println!(
        "{} bad inputs by category: {categories:?}; {assertions} assertions",
        on_disk.len()
    );
    for gap in &gaps {
        println!("KNOWN GAP {gap}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad inputs are not read as expected:\n{}",
        failures.len(),
        on_disk.len(),
        failures.join("\n")
    );
}

/// The catalogue page reads `index.json` with `serde_json` into a [`CatalogueIndex`]: each
/// index with a wrong type is refused with a message at the offending value.
#[test]
fn catalogue_indexes_with_wrong_types_are_refused_where_they_are_wrong() {
    let manifest = manifest();
    let expected = manifest["catalogue"]
        .as_object()
        .expect("a `catalogue` object");
    let dir = corpus_dir().join("catalogue");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/bad-input/catalogue")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk,
        expected.keys().cloned().collect::<Vec<_>>(),
        "files and expectations differ"
    );
    let mut failures = Vec::new();
    for name in &on_disk {
        let text = std::fs::read_to_string(dir.join(name)).expect("UTF-8");
        let want = &expected[name];
        let line = want["line"].as_u64().expect("line");
        let column = want["column"].as_u64().expect("column");
        let message = want["message"].as_str().expect("message");
        match serde_json::from_str::<CatalogueIndex>(&text) {
            Ok(index) => failures.push(format!("{name}: accepted as {index:?}")),
            Err(error) => {
                let got = (error.line() as u64, error.column() as u64);
                if std::env::var_os("BAD_INPUT_DUMP").is_some() {
                    println!("--- {name}: {error}");
                }
                if got != (line, column) || !error.to_string().contains(message) {
                    failures.push(format!(
                        "{name}: {error} — expected {message:?} at {line}:{column}"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
