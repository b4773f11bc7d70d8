//! The theme the page is drawn in, settled in one place and provided through context.
//!
//! The choice comes from `?theme=light|dark|auto` on an embedded page (never from the
//! reader's stored preference: a docs page decides how its embeds look), else from the
//! reader's stored choice on the full page. `auto`/system follows `prefers-color-scheme`,
//! live. The resolved theme is written to `data-theme` on `<html>` (the stylesheets read it)
//! and read by every canvas and export, which repaint when it changes. While the page prints,
//! it is drawn light.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::prefs::{self, Theme as Choice};
use crate::draw::palette::Theme;

/// The page's theme: what was chosen, what the system asks for, and what that resolves to.
#[derive(Debug, Clone, Copy)]
pub struct PageTheme {
    /// Light, dark or the system's.
    pub choice: RwSignal<Choice>,
    /// The theme everything is drawn in.
    pub resolved: Memo<Theme>,
    /// True when the choice is the page's own (an embed's `?theme=`), not to be stored.
    fixed_by_page: bool,
}

impl PageTheme {
    /// Switches to `choice`, storing it as the reader's preference unless the page fixed it.
    pub fn choose(&self, choice: Choice) {
        if !self.fixed_by_page {
            prefs::store_theme(choice);
        }
        self.choice.set(choice);
    }
}

/// `?theme=` of an embed: `light`, `dark`, or `auto` (also anything else) for the system's.
pub fn embed_choice(param: Option<&str>) -> Choice {
    match param.map(str::trim) {
        Some(t) if t.eq_ignore_ascii_case("light") => Choice::Light,
        Some(t) if t.eq_ignore_ascii_case("dark") => Choice::Dark,
        _ => Choice::System,
    }
}

/// Settles the page's theme and provides it: `embed_param` is `Some` on an embedded page
/// (its `?theme=`, possibly empty).
pub fn provide_page_theme(embed_param: Option<Option<String>>) -> PageTheme {
    let fixed_by_page = embed_param.is_some();
    let choice = match &embed_param {
        Some(param) => embed_choice(param.as_deref()),
        None => prefs::theme(),
    };
    let query = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten();
    let system_dark = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(query) = query {
        let on_change = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(
            move |event: web_sys::MediaQueryListEvent| system_dark.set(event.matches()),
        );
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        on_change.forget();
    }
    // Paper is white: while printing, everything is drawn light.
    let printing = RwSignal::new(false);
    for (event, value) in [("beforeprint", true), ("afterprint", false)] {
        let on_print = Closure::<dyn FnMut()>::new(move || printing.set(value));
        let _ = window().add_event_listener_with_callback(event, on_print.as_ref().unchecked_ref());
        on_print.forget();
    }
    let choice = RwSignal::new(choice);
    let resolved = Memo::new(move |_| match choice.get() {
        _ if printing.get() => Theme::Light,
        Choice::Light => Theme::Light,
        Choice::Dark => Theme::Dark,
        Choice::System if system_dark.get() => Theme::Dark,
        Choice::System => Theme::Light,
    });
    Effect::new(move |_| {
        let theme = resolved.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", theme.name());
        }
    });
    let page_theme = PageTheme {
        choice,
        resolved,
        fixed_by_page,
    };
    provide_context(page_theme);
    page_theme
}

/// The page's theme, provided by [`provide_page_theme`].
pub fn page_theme() -> PageTheme {
    expect_context::<PageTheme>()
}

/// The theme views draw in, for code that runs inside the component tree: the page's, or
/// light for a component mounted on its own (as the browser tests do).
pub fn drawing_theme() -> Signal<Theme> {
    use_context::<PageTheme>().map_or_else(|| Signal::stored(Theme::Light), |t| t.resolved.into())
}
