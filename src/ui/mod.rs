//! The Leptos components: thin wiring from signals to the pure layers. One component per file.
//!
//! Nothing here parses or computes: components read an [`Incident`](crate::model::Incident) and
//! the facts [`analysis`](crate::analysis) derives from it, and render them. Text from the
//! incident is always rendered as text nodes, never as HTML.

mod app;
mod diagnostics;
mod measures;
mod rich_text;
mod summary;
mod timeline_list;

pub use app::App;
