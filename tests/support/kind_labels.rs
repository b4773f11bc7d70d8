//! The hand labels of event kinds (`tests/corpus/kinds.json`), shared by the test that
//! measures the classifier against them and the one that trains its model.

use postmortem_explorer::model::EventKind;
use serde::Deserialize;

/// One labelled timeline entry of a corpus file.
#[derive(Deserialize)]
pub struct Label {
    /// The corpus file (its manifest `file` name).
    pub file: String,
    /// The manifest split of that file.
    pub split: String,
    /// The entry's moment as the reader wrote it.
    pub at: serde_json::Value,
    /// The first words of the entry's text.
    pub starts: String,
    /// The kind a person picked by reading the entry.
    pub kind: EventKind,
    /// Whether that person was sure.
    pub confident: bool,
}

/// Every label in `tests/corpus/kinds.json`.
pub fn all_labels() -> Vec<Label> {
    let text = std::fs::read_to_string("tests/corpus/kinds.json").expect("kinds.json");
    serde_json::from_str(&text).expect("kinds.json parses")
}

/// Whether a split is one of the development splits (`dev`, `dev2` … `dev8`), the only ones
/// the model may learn from; the held-out ones (`heldout…`) are only scored.
pub fn is_development(split: &str) -> bool {
    split
        .strip_prefix("dev")
        .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()))
}
