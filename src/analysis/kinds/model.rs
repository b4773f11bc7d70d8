//! The learned part of the classifier: a linear model (multinomial logistic regression) over
//! the features of [`super::features`], trained on the development split of the hand labels
//! by `tests/kinds_model.rs`, which writes its weights to `weights.rs` as 8-bit integers.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::features::{visit, Event, Feature, Found};
use super::weights::{KEYS, SCALE, WEIGHTS};
use super::words::WORD_FEATURE;
use crate::model::EventKind;

/// The number of kinds, and so of weights for each feature.
pub const KINDS: usize = EventKind::ALL.len();

/// Each feature name of the table with its row of weights. A hash map, not a search of the
/// sorted names: an event has some thirty features, and a timeline of 10,000 events spent
/// most of its classifying time comparing names.
fn rows() -> &'static FxHashMap<&'static str, usize> {
    static TABLE: OnceLock<FxHashMap<&'static str, usize>> = OnceLock::new();
    TABLE.get_or_init(|| {
        KEYS.lines()
            .enumerate()
            .map(|(row, key)| (key, row))
            .collect()
    })
}

/// The score of each kind (indexed as [`EventKind::ALL`]) for an event with these features:
/// the sum of each known feature's weights, times its value.
pub fn scores(features: &[Feature]) -> [f32; KINDS] {
    let rows = rows();
    let mut total = [0.0f32; KINDS];
    for (name, value) in features {
        add_row(&mut total, rows.get(name.as_ref()).copied(), *value);
    }
    total
}

/// The scores of each of a timeline's events: [`scores`] of their [`features`](super::features::features),
/// added up in the same order, without writing out the feature names (the words are looked up
/// in one buffer, and their rows are added in the table's order, which is the names' order).
pub fn scores_of_events(events: &[Event]) -> Vec<[f32; KINDS]> {
    let rows = rows();
    let mut totals = vec![[0.0f32; KINDS]; events.len()];
    let mut name = String::new();
    let mut word_rows: Vec<usize> = Vec::new();
    // The same few dozen fixed names come for every event: each is looked up by its text
    // once, then by where that text is (a static string's address and length never change
    // what it says), which hashes one number instead of the whole name.
    let mut named_rows: FxHashMap<(usize, usize), Option<usize>> = FxHashMap::default();
    visit(events, |index, found| {
        let Some(total) = totals.get_mut(index) else {
            return;
        };
        match found {
            Found::Named(feature, value) => {
                let row = *named_rows
                    .entry((feature.as_ptr() as usize, feature.len()))
                    .or_insert_with(|| rows.get(feature).copied());
                add_row(total, row, value);
            }
            Found::Words(stems) => {
                word_rows.clear();
                for stem in stems.iter() {
                    name.clear();
                    name.push_str(WORD_FEATURE);
                    name.push_str(stem);
                    word_rows.extend(rows.get(name.as_str()).copied());
                }
                word_rows.sort_unstable();
                word_rows.dedup();
                for &row in &word_rows {
                    add_row(total, Some(row), 1.0);
                }
            }
        }
    });
    totals
}

/// Adds the weights of the table's row `row` (none for a feature the table does not know),
/// times `value`, to `total`.
fn add_row(total: &mut [f32; KINDS], row: Option<usize>, value: f32) {
    let Some(weights) = row.and_then(|row| scaled().get(row)) else {
        return;
    };
    for (sum, &weight) in total.iter_mut().zip(weights) {
        *sum += weight * value;
    }
}

/// Each row of weights as numbers: the 8-bit weight times [`SCALE`], worked out once.
fn scaled() -> &'static [[f32; KINDS]] {
    static TABLE: OnceLock<Vec<[f32; KINDS]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        WEIGHTS
            .chunks_exact(KINDS)
            .map(|row| std::array::from_fn(|kind| f32::from(row[kind]) * SCALE))
            .collect()
    })
}

/// The kind with the highest score; the first in story order on a tie.
pub fn best(scores: &[f32; KINDS]) -> EventKind {
    let mut best = EventKind::Other;
    let mut best_score = f32::NEG_INFINITY;
    for (kind, &score) in EventKind::ALL.iter().zip(scores) {
        if score > best_score {
            best = *kind;
            best_score = score;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::features::{events_of, features};
    use super::super::weights::KEYS;
    use super::*;
    use crate::parse::parse_document;

    #[test]
    fn the_table_lists_its_names_in_order() {
        // `scores_of_events` adds an event's words in row order, which is the names' order
        // only because the table is sorted.
        let keys: Vec<&str> = KEYS.lines().collect();
        assert!(keys.len() > 100);
        assert!(keys.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn scoring_without_the_names_adds_up_to_the_same_bits() {
        let texts = [
            crate::sample::SAMPLE_TEXT,
            "# Outage\n\n## Timeline\n\n\
             - 10:00 Errors rose; [graph](https://x.example/g) of 5xx <b>spiking</b>\n\
             - 10:05 Paged the on-call: `pagerduty` fired, the alert was acknowledged\n\
             - 10:20 Rolled back the deploy, errors errors errors back to normal\n\
             - 10:30 서비스 정상화 완료, résolu\n",
        ];
        for text in texts {
            let incident = parse_document("t.md", text).incident;
            let events = events_of(&incident);
            let named: Vec<[f32; KINDS]> = features(&events).iter().map(|f| scores(f)).collect();
            let fast = scores_of_events(&events);
            assert_eq!(named.len(), incident.timeline.len());
            let bits = |rows: &[[f32; KINDS]]| -> Vec<u32> {
                rows.iter().flatten().map(|score| score.to_bits()).collect()
            };
            assert_eq!(bits(&named), bits(&fast));
            assert!(fast.iter().flatten().any(|&score| score != 0.0));
        }
    }
}
