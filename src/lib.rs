//! Postmortem Explorer: turns an incident postmortem into an interactive page.
//!
//! Data flows one way, and the module list reads in that order:
//!
//! ```text
//! bytes ──parse──▶ model::Incident ──analysis──▶ derived facts ──draw──▶ pictures ──ui──▶ page
//! ```
//!
//! * [`model`]: the incident and its parts; plain data with serde, no behaviour beyond invariants.
//! * [`parse`]: text in, an [`model::Incident`] plus located [`parse::Diagnostic`]s out. Never panics.
//! * [`analysis`]: facts derived from an incident (durations, phases, layout, decimation).
//! * [`export`]: an incident written back out (JSON, TOML, YAML, Markdown), for the CLI and the page.
//! * [`draw`]: derived facts → pictures (timeline geometry, chart, illustration scene).
//! * `ui` (wasm32 only): the Leptos components that wire signals to the layers above.
//!
//! Everything except `ui` is plain Rust with no browser dependency, so it is tested natively
//! with `cargo test` and reused by the `postmortem` command-line tool.

pub mod analysis;
pub mod authoring;
pub mod draw;
pub mod export;
pub mod loading;
pub mod model;
pub mod parse;
pub mod sample;
pub mod source;

#[cfg(target_arch = "wasm32")]
pub mod ui;
