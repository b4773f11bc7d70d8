//! From an [`Incident`](crate::model::Incident) back to text: the structured schema (JSON, TOML,
//! YAML), the plain-text/Markdown postmortem format the text reader reads, and a
//! self-contained HTML [`report`] (with its pictures as SVG) for documentation. Also the
//! safety of what leaves the app: file names for downloads ([`safe_file_stem`]) and text
//! printed on a terminal ([`terminal`]).
//!
//! Writing is the inverse of [`crate::parse`]: for an incident read from text, writing it and
//! reading it back gives the same incident (see `tests/round_trip.rs`).

mod file_name;
mod markdown;
pub mod report;
mod structured;
pub mod terminal;

pub use file_name::safe_file_stem;
pub use markdown::to_markdown;
pub use structured::{to_json, to_structured, to_toml, to_yaml, WriteError};
