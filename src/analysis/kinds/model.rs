//! The learned part of the classifier: a linear model (multinomial logistic regression) over
//! the features of [`super::features`], trained on the development split of the hand labels
//! by `tests/kinds_model.rs`, which writes its weights to `weights.rs` as 8-bit integers.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::features::Feature;
use super::weights::{KEYS, SCALE, WEIGHTS};
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
        let Some(&row) = rows.get(name.as_ref()) else {
            continue;
        };
        let Some(weights) = WEIGHTS.get(row * KINDS..(row + 1) * KINDS) else {
            continue;
        };
        for (sum, &weight) in total.iter_mut().zip(weights) {
            *sum += f32::from(weight) * SCALE * value;
        }
    }
    total
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
