//! Property tests: every reader, fed arbitrary text and mutations of real inputs, never panics,
//! and every diagnostic points inside the input (a real line, a column on it or just past it).
//! Also the metrics readers, the URL's view state and the catalogue index.
//!
//! The test command runs a short pass (300 cases each); `scripts/fuzz.sh MINUTES` runs the same
//! properties for as long as asked (`FUZZ_CASES` per round, new seeds each round). A failure is
//! shrunk and kept in `tests/robustness.proptest-regressions`, which every later run replays.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use postmortem_explorer::export::{to_json, to_markdown, to_toml, to_yaml};
use postmortem_explorer::parse::{parse_document, parse_text, Parsed};
use postmortem_explorer::sample::SAMPLE_TEXT;
use proptest::prelude::*;

#[path = "support/lines.rs"]
mod line_numbers;
use line_numbers::lines;

/// File names that select each reader, and one with no extension (content sniffing).
const NAMES: [&str; 6] = ["a.txt", "a.md", "a.json", "a.toml", "a.yaml", "pasted"];

/// Fails unless every diagnostic of `parsed` lies inside `source`.
fn check_positions(source: &str, parsed: &Parsed) -> Result<(), TestCaseError> {
    let lines = lines(source);
    for diagnostic in &parsed.diagnostics {
        let line = usize::try_from(diagnostic.line).unwrap_or(usize::MAX);
        prop_assert!(
            (1..=lines.len()).contains(&line),
            "line {} outside 1..={}: {diagnostic:?}",
            diagnostic.line,
            lines.len()
        );
        let width = lines[line - 1].chars().count() + 1;
        let column = usize::try_from(diagnostic.column).unwrap_or(usize::MAX);
        prop_assert!(
            (1..=width).contains(&column),
            "column {} outside 1..={width} on {:?}: {diagnostic:?}",
            diagnostic.column,
            lines[line - 1]
        );
        prop_assert!(!diagnostic.message.is_empty());
    }
    Ok(())
}

fn check_every_reader(source: &str) -> Result<(), TestCaseError> {
    for name in NAMES {
        let parsed = parse_document(name, source);
        check_positions(source, &parsed)?;
    }
    Ok(())
}

/// Real inputs to mutate: the seed in every format, its Markdown rendering, and any fixtures.
fn bases() -> Vec<String> {
    let seed = parse_text(SAMPLE_TEXT).incident;
    let mut bases = vec![
        SAMPLE_TEXT.to_string(),
        to_markdown(&seed),
        to_json(&seed).unwrap_or_default(),
        to_toml(&seed).unwrap_or_default(),
        to_yaml(&seed).unwrap_or_default(),
    ];
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    if let Ok(entries) = std::fs::read_dir(fixtures) {
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        bases.extend(
            paths
                .iter()
                .filter_map(|path| std::fs::read_to_string(path).ok()),
        );
    }
    bases
}

/// One edit of a text, positioned by a fraction of its length so it applies to any base.
#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: f64, len: usize },
    Insert { at: f64, text: String },
    DuplicateLine { at: f64 },
    Truncate { at: f64 },
}

/// Pieces that matter to the readers: syntax of every format, times, dates, zones, odd characters.
const PIECES: [&str; 28] = [
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    ":",
    "- ",
    "# ",
    "## Timeline\n",
    "**",
    "{",
    "}",
    "[",
    "]",
    "\"",
    "'",
    "=",
    "10:00 AM: ",
    "23:59:59",
    "2024-02-30",
    "January 15, 2024",
    "UTC+05:30",
    "CST",
    "`",
    "\t",
    "é",
    "🍪",
    "|",
    "<span>",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0..1.0f64, 1..40usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (0.0..1.0f64, prop::sample::select(PIECES.to_vec())).prop_map(|(at, text)| {
            Mutation::Insert {
                at,
                text: text.to_string(),
            }
        }),
        (0.0..1.0f64, any::<String>()).prop_map(|(at, text)| Mutation::Insert { at, text }),
        (0.0..1.0f64).prop_map(|at| Mutation::DuplicateLine { at }),
        (0.0..1.0f64).prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(base: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = base.chars().collect();
    let index = |at: f64, len: usize| ((at * len as f64) as usize).min(len);
    for mutation in mutations {
        match mutation {
            Mutation::Delete { at, len } => {
                let start = index(*at, chars.len());
                let end = (start + len).min(chars.len());
                chars.drain(start..end);
            }
            Mutation::Insert { at, text } => {
                let start = index(*at, chars.len());
                chars.splice(start..start, text.chars());
            }
            Mutation::DuplicateLine { at } => {
                let start = index(*at, chars.len());
                let line_start = chars[..start]
                    .iter()
                    .rposition(|&c| c == '\n')
                    .map_or(0, |i| i + 1);
                let line_end = chars[start..]
                    .iter()
                    .position(|&c| c == '\n')
                    .map_or(chars.len(), |i| start + i);
                let mut line: Vec<char> = chars[line_start..line_end].to_vec();
                line.push('\n');
                chars.splice(line_start..line_start, line);
            }
            Mutation::Truncate { at } => {
                let end = index(*at, chars.len());
                chars.truncate(end);
            }
        }
    }
    chars.into_iter().collect()
}

/// Cases per property: 300 in the test command, `FUZZ_CASES` in a fuzzing run.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

/// Metric files: each format's header and a few lines, to mutate.
const METRIC_BASES: [(&str, &str); 3] = [
    (
        "m.csv",
        "timestamp,value,series\n2024-01-15T15:00:00Z,1.5,errors\n2024-01-15T15:01:00Z,2,errors\n",
    ),
    (
        "m.json",
        r#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[1705330800,"1"],[1705330860,"0"]]}]}}"#,
    ),
    (
        "m.prom",
        "# HELP up Up.\n# TYPE up gauge\nup{job=\"a\"} 1 1705330800000\nup{job=\"a\"} 0 1705330860000\n",
    ),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn metric_files_never_panic_and_keep_values_in_range(
        base in prop::sample::select(METRIC_BASES.to_vec()),
        mutations in prop::collection::vec(mutation(), 0..8),
        noise in any::<String>(),
    ) {
        let (name, text) = base;
        for input in [apply(text, &mutations), noise.clone()] {
            let (series, diagnostics) = postmortem_explorer::loading::read_metrics(name, &input);
            for d in &diagnostics {
                prop_assert!(d.line >= 1 && (d.line as usize) <= lines(&input).len().max(1));
            }
            for s in &series {
                for &(t, v) in &s.points {
                    prop_assert!(v.is_finite() && v.abs() <= postmortem_explorer::parse::MAX_VALUE);
                    prop_assert!((t as f64).abs() <= postmortem_explorer::parse::MAX_TIME_MS);
                }
            }
        }
    }

    #[test]
    fn the_urls_view_state_never_panics_and_round_trips(
        pairs in prop::collection::vec((prop::sample::select(postmortem_explorer::analysis::view_query::KEYS.to_vec()), any::<String>()), 0..10),
    ) {
        let query = postmortem_explorer::analysis::view_query::ViewQuery::decode(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        let encoded = query.encode();
        let again = postmortem_explorer::analysis::view_query::ViewQuery::decode(encoded.iter().map(|(k, v)| (*k, v.as_str())));
        prop_assert_eq!(again, query);
    }

    #[test]
    fn a_catalogue_index_never_panics(
        mutations in prop::collection::vec(mutation(), 0..8),
        noise in any::<String>(),
    ) {
        let index = include_str!("../public/incidents/index.json");
        for input in [apply(index, &mutations), noise.clone()] {
            if let Ok(index) = serde_json::from_str::<postmortem_explorer::analysis::catalogue::CatalogueIndex>(&input) {
                let query = postmortem_explorer::analysis::catalogue::CatalogueQuery::newest_first();
                let chosen = postmortem_explorer::analysis::catalogue::select(&index, &query);
                let _ = postmortem_explorer::analysis::catalogue::stats(&index, &chosen);
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics_and_is_located(source in any::<String>()) {
        check_every_reader(&source)?;
    }

    #[test]
    fn arbitrary_lines_of_likely_pieces(pieces in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..60)) {
        check_every_reader(&pieces.concat())?;
    }

    #[test]
    fn mutated_real_inputs_never_panic_and_are_located(
        base in prop::sample::select(bases()),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        check_every_reader(&apply(&base, &mutations))?;
    }
}

#[test]
fn the_line_model_matches_the_readers() {
    assert_eq!(lines(""), [""]);
    assert_eq!(lines("a\r\nb\rc\n"), ["a", "b", "c"]);
    assert_eq!(lines("\u{feff}a\n\n"), ["a", ""]);
}

#[test]
fn mutations_change_the_input() {
    let base = "ab\ncd";
    assert_eq!(
        apply(base, &[Mutation::Delete { at: 0.0, len: 1 }]),
        "b\ncd"
    );
    assert_eq!(
        apply(base, &[Mutation::DuplicateLine { at: 0.9 }]),
        "ab\ncd\ncd"
    );
    assert_eq!(
        apply(
            base,
            &[Mutation::Insert {
                at: 0.5,
                text: "🍪".into()
            }]
        ),
        "ab🍪\ncd"
    );
    assert_eq!(apply(base, &[Mutation::Truncate { at: 0.4 }]), "ab");
}
