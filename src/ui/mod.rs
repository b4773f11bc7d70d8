//! The Leptos components: thin wiring from signals to the pure layers. One component per file.
//!
//! Nothing here parses or computes: components read the shared [`state::AppState`] and the
//! facts [`analysis`](crate::analysis) and [`draw`](crate::draw) derive from it, and render
//! them. Text from the incident is always rendered as text nodes, never as HTML.

mod after_paint;
mod app;
mod catalogue_view;
mod chart;
mod diagnostics;
mod editor;
mod embed;
pub mod illustration;
pub mod loader;
mod measures;
pub mod page_url;
mod parse_worker;
mod parts;
pub mod prefs;
mod reading_banner;
mod rich_text;
mod share;
mod show_more;
mod staged;
pub mod state;
mod summary;
pub mod theme;
mod timeline;
mod timeline_list;
mod timeline_view;
mod url_state;
mod welcome;

pub use app::App;
pub use editor::EditorApp;
pub use parse_worker::read_on_page_without_worker;

/// Starts a page: installs the panic hook, mounts `root` in the body, then removes the static
/// first paint (index.html), which has done its job.
pub fn start<V: leptos::prelude::IntoView + 'static>(root: fn() -> V) {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(root);
    if let Some(first_paint) = leptos::prelude::document().get_element_by_id("first-paint") {
        first_paint.remove();
    }
}
