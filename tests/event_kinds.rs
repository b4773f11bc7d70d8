//! Measures the event-kind classifier against real timeline entries labelled by hand
//! (`tests/corpus/kinds.json`: 2,058 entries of the corpus, each with the kind a person picked).
//!
//! The texts are not in the repository (see `tests/corpus/README.md`), so this is ignored by
//! default: `CORPUS_DIR=… SPLIT=dev cargo test --release --test event_kinds -- --ignored --nocapture`.
//! `SPLIT` is one split, `dev*` (every development split) or `all`. Held-out splits print
//! figures only; for development splits, `DETAILS=1` also prints each entry read wrongly. The
//! model is trained on the development splits by `tests/kinds_model.rs`, so their figures here
//! are not fair ones: that test prints the cross-validated figure.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use postmortem_explorer::analysis::kinds::kinds_of;
use postmortem_explorer::model::EventKind;
use postmortem_explorer::parse::parse_document;

#[path = "support/kind_labels.rs"]
mod kind_labels;
use kind_labels::{all_labels, is_development, Label};

#[test]
#[ignore = "needs the corpus texts in CORPUS_DIR"]
fn the_classifier_agrees_with_hand_labels() {
    let Some(dir) = std::env::var_os("CORPUS_DIR") else {
        panic!("set CORPUS_DIR to the folder of corpus texts");
    };
    let split = std::env::var("SPLIT").unwrap_or_else(|_| "dev".into());
    let labels: Vec<Label> = all_labels();
    let mut by_file: BTreeMap<&str, Vec<&Label>> = BTreeMap::new();
    // `dev*` is every development split together.
    let wanted = |l: &Label| {
        split == "all" || l.split == split || (split == "dev*" && is_development(&l.split))
    };
    for label in labels.iter().filter(|l| wanted(l)) {
        by_file.entry(&label.file).or_default().push(label);
    }
    let (mut total, mut right, mut unmatched, mut confident, mut confident_right) = (0, 0, 0, 0, 0);
    let (mut kinded, mut kinded_other) = (0, 0);
    let mut confusion: BTreeMap<(EventKind, EventKind), usize> = BTreeMap::new();
    // Development splits may be looked at; held-out ones print figures only.
    let development = split == "dev*" || is_development(&split);
    let details = development && std::env::var_os("DETAILS").is_some();
    // A text not fetched into CORPUS_DIR is left out and counted (the search tool's budget
    // does not always allow fetching every text again on a new machine).
    let mut missing = 0;
    for (file, labels) in &by_file {
        let Ok(text) = std::fs::read_to_string(std::path::Path::new(&dir).join(file)) else {
            missing += 1;
            continue;
        };
        let incident = parse_document(file, &text).incident;
        let kinds = kinds_of(&incident);
        let mut used = vec![false; incident.timeline.len()];
        for label in labels {
            let found = incident.timeline.iter().enumerate().position(|(i, e)| {
                !used[i]
                    && serde_json::to_value(e.at).ok().as_ref() == Some(&label.at)
                    && e.text.starts_with(label.starts.as_str())
            });
            let Some(index) = found else {
                unmatched += 1;
                continue;
            };
            used[index] = true;
            let got = kinds[index];
            total += 1;
            right += usize::from(got == label.kind);
            if label.confident {
                confident += 1;
                confident_right += usize::from(got == label.kind);
            }
            if label.kind != EventKind::Other {
                kinded += 1;
                kinded_other += usize::from(got == EventKind::Other);
            }
            *confusion.entry((label.kind, got)).or_default() += 1;
            if details && got != label.kind {
                let text: String = incident.timeline[index].text.chars().take(100).collect();
                println!(
                    "  {file} #{index}: {} read as {}: {text:?}",
                    label.kind.slug(),
                    got.slug()
                );
            }
        }
    }
    if missing > 0 {
        println!("{missing} texts missing from CORPUS_DIR; their labels left out");
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "{split}: {total} labelled entries matched ({unmatched} not found): {right} right ({:.1}%); \
         confidently labelled {confident}: {:.1}% right; labelled with a kind {kinded}: {:.1}% read as Other",
        pct(right, total),
        pct(confident_right, confident),
        pct(kinded_other, kinded),
    );
    if development {
        for ((want, got), n) in &confusion {
            if want != got {
                println!("  {:>22} read as {:<22} {n}", want.slug(), got.slug());
            }
        }
    }
}
