//! Embed mode (`?embed=timeline|chart|illustration|summary`): one view, no page chrome, fitting
//! the iframe's width, and its height posted to the parent page whenever it changes.
//!
//! An embed opened with `?src=` never shows the built-in sample: until its incident has loaded
//! it says it is loading, and when it cannot be shown (404, network, unreadable, not a
//! postmortem) it shows that error, so a docs page never shows the wrong incident.
//! `?theme=light|dark|auto` (see [`super::theme`]), `?compact` (the timeline's plot and axis
//! with one line of durations) and `?parts=` (which parts of the view to show, see
//! [`EmbedParts`]) shape it.
//!
//! The message, sent with `window.parent.postMessage(message, "*")` (a height is not secret):
//!
//! ```json
//! { "type": "postmortem-explorer:height", "view": "timeline", "height": 412, "src": "…" }
//! ```
//!
//! `src` is the `?src=` the frame was opened with (empty for the sample); `height` is the
//! height of the page's body in CSS pixels, rounded up. `public/embed.js` listens for it.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::chart::MetricsChart;
use super::illustration::CookieIllustration;
use super::loader::{loader, LoadStatus};
use super::page_url::{self, EmbedView};
use super::state::app_state;
use super::summary::SummaryCard;
use super::timeline_list::TimelineList;
use super::timeline_view::TimelineView;
use crate::model::Incident;

/// The message type the parent page listens for.
pub const HEIGHT_MESSAGE: &str = "postmortem-explorer:height";

/// Posts the document's height to the parent page.
fn post_height(view: EmbedView) {
    // The body's own height: the document's scroll height never drops below the frame's.
    let Some(body) = document().body() else {
        return;
    };
    let message = js_sys::Object::new();
    let set = |key: &str, value: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&message, &key.into(), &value);
    };
    set("type", HEIGHT_MESSAGE.into());
    set("view", view.name().into());
    set(
        "height",
        body.get_bounding_client_rect().height().ceil().into(),
    );
    set("src", page_url::request().src.unwrap_or_default().into());
    if let Ok(Some(parent)) = window().parent() {
        let _ = parent.post_message(&message, "*");
    }
}

/// Posts the height now and whenever the page's size changes.
fn watch_height(view: EmbedView) {
    let Some(body) = document().body() else {
        return;
    };
    let callback = Closure::<dyn FnMut()>::new(move || post_height(view));
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The observer lives as long as the page; so does its callback.
    callback.forget();
}

/// One view of the open incident, for an iframe.
#[component]
pub fn EmbeddedView(
    /// The view to show.
    view: EmbedView,
) -> impl IntoView {
    let state = app_state();
    let incident: Signal<Incident> = state.incident.into();
    if let Some(root) = document().document_element() {
        let _ = root.class_list().add_1("embedded");
    }
    Effect::new(move |_| watch_height(view));
    let loader = loader();
    let full = move || {
        let src = loader.src.get();
        match src {
            Some(src) => format!(
                "{}?src={}",
                page_url::page_base(),
                String::from(js_sys::encode_uri_component(&src))
            ),
            None => page_url::page_base(),
        }
    };
    let request = page_url::request();
    let parts = EmbedParts::of(view, request.compact, &request.parts);
    let body = move || match view {
        EmbedView::Timeline => {
            let list = parts
                .list
                .then(|| view! { <TimelineList incident=incident /> });
            view! { <TimelineView parts=parts /> {list} }.into_any()
        }
        EmbedView::Chart => view! { <MetricsChart /> }.into_any(),
        EmbedView::Illustration => view! { <CookieIllustration /> }.into_any(),
        EmbedView::Summary => view! { <SummaryCard incident=incident /> }.into_any(),
    };
    // With `?src=`, only that incident may be shown: never the sample it replaces.
    let wants_src = request.src.is_some();
    let ready = move || !wants_src || loader.src.with(Option::is_some);
    let title = parts.title.then(|| {
        view! {
            <p class="embed-title">
                <a href=full target="_blank" rel="noopener">
                    {move || incident.with(|i| i.title.clone())}
                    " ↗"
                </a>
            </p>
        }
    });
    view! {
        <main class="embed" class:compact=parts.compact data-testid="embed" data-view=view.name()>
            <Show when=ready fallback=move || view! { <EmbedWaiting src=request.src.clone() /> }>
                {title.clone()}
                {body}
                <p class="load-status embed-status" data-testid="load-status" role="status">
                    {move || match loader.status.get() {
                        LoadStatus::Failed(error) => error.to_string(),
                        _ => String::new(),
                    }}
                </p>
            </Show>
        </main>
    }
}

/// What an embed opened with `?src=` shows before its incident is there: that it is loading,
/// or why it cannot be shown.
#[component]
fn EmbedWaiting(
    /// The `?src=` asked for.
    src: Option<String>,
) -> impl IntoView {
    let loader = loader();
    let src = src.unwrap_or_default();
    let shown_src = src.clone();
    // Only an http(s) address (or a path on this host) becomes a link.
    let href = crate::parse::rich::LinkBase::none()
        .link(&page_url::absolute(&src))
        .filter(|h| h.starts_with("http"));
    move || {
        match loader.status.get() {
        LoadStatus::Failed(error) => view! {
            <div class="embed-error" role="alert" data-testid="embed-error" data-error=error.code()>
                <p class="embed-error-title">"This postmortem cannot be shown"</p>
                <p data-testid="embed-error-message">{error.to_string()}</p>
                {href.clone().map(|href| view! {
                    <p class="embed-error-source">"Source: "<a href=href target="_blank" rel="noopener">{shown_src.clone()}</a></p>
                })}
            </div>
        }
        .into_any(),
        _ => view! {
            <p class="embed-loading" role="status" data-testid="embed-loading">
                "Loading the postmortem…"
            </p>
        }
        .into_any(),
    }
    }
}

/// The parts of an embedded view to show: `?parts=` names them (comma-separated), `?compact`
/// keeps the timeline's plot and one line of durations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedParts {
    /// The incident's title, linking to the full page.
    pub title: bool,
    /// The timeline's key durations.
    pub durations: bool,
    /// The durations as one line instead of cards.
    pub compact: bool,
    /// The timeline's toolbar (zoom, search, zone).
    pub toolbar: bool,
    /// The overview strip under the plot.
    pub overview: bool,
    /// The legend and filter.
    pub legend: bool,
    /// The selected event's details.
    pub details: bool,
    /// The keyboard help.
    pub keys: bool,
    /// The full list of events under the timeline.
    pub list: bool,
}

impl EmbedParts {
    /// The full page's timeline: everything.
    pub const ALL: EmbedParts = EmbedParts {
        title: true,
        durations: true,
        compact: false,
        toolbar: true,
        overview: true,
        legend: true,
        details: true,
        keys: true,
        list: true,
    };

    /// The parts of `view` to show, from `?compact` and `?parts=`.
    pub fn of(view: EmbedView, compact: bool, named: &[String]) -> EmbedParts {
        let has = |name: &str| named.iter().any(|n| n == name);
        if !named.is_empty() {
            return EmbedParts {
                title: has("title"),
                durations: has("durations"),
                compact,
                toolbar: has("toolbar"),
                overview: has("overview"),
                legend: has("legend"),
                details: has("details"),
                keys: has("keys"),
                list: has("list"),
            };
        }
        if compact {
            return EmbedParts {
                title: false,
                durations: true,
                compact: true,
                toolbar: false,
                overview: false,
                legend: false,
                details: false,
                keys: false,
                list: false,
            };
        }
        // An embedded timeline: the plot and what explains it, not the page's help and list.
        EmbedParts {
            keys: false,
            list: view != EmbedView::Timeline,
            ..EmbedParts::ALL
        }
    }
}
