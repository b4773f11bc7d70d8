//! Embed mode (`?embed=timeline|chart|illustration|summary`): one view, no page chrome, fitting
//! the iframe's width, and its height posted to the parent page whenever it changes.
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
use super::loader::loader;
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
    let body = match view {
        EmbedView::Timeline => {
            view! { <TimelineView /> <TimelineList incident=incident /> }.into_any()
        }
        EmbedView::Chart => view! { <MetricsChart /> }.into_any(),
        EmbedView::Illustration => view! { <CookieIllustration /> }.into_any(),
        EmbedView::Summary => view! { <SummaryCard incident=incident /> }.into_any(),
    };
    view! {
        <main class="embed" data-testid="embed" data-view=view.name()>
            <p class="embed-title">
                <a href=full target="_blank" rel="noopener">
                    {move || incident.with(|i| i.title.clone())}
                    " ↗"
                </a>
            </p>
            {body}
            <p class="load-status embed-status" data-testid="load-status" role="status">
                {move || match loader.status.get() {
                    super::loader::LoadStatus::Failed(error) => error.to_string(),
                    _ => String::new(),
                }}
            </p>
        </main>
    }
}
