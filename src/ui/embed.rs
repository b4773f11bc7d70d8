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
use super::staged::Staged;
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
                .has(EmbedPart::List)
                .then(|| view! { <TimelineList incident=incident /> });
            view! { <Staged what="timeline"><TimelineView parts=parts /></Staged> {list} }
                .into_any()
        }
        EmbedView::Chart => {
            view! { <Staged what="charts"><MetricsChart parts=parts /></Staged> }.into_any()
        }
        EmbedView::Illustration => view! { <CookieIllustration parts=parts /> }.into_any(),
        EmbedView::Summary => view! { <SummaryCard incident=incident parts=parts /> }.into_any(),
    };
    // With `?src=`, only that incident may be shown: never the sample it replaces.
    let wants_src = request.src.is_some();
    let ready = move || !wants_src || loader.src.with(Option::is_some);
    let show_title = parts.has(EmbedPart::Title);
    // A closure, not a view: the body below is built again each time it is shown.
    let title = move || {
        show_title.then(|| {
            view! {
                <p class="embed-title">
                    <a href=full target="_blank" rel="noopener">
                        {move || incident.with(|i| i.title.clone())}
                        " ↗"
                    </a>
                </p>
            }
        })
    };
    view! {
        <main class="embed" class:compact=parts.compact data-testid="embed" data-view=view.name()>
            <Show when=ready fallback=move || view! { <EmbedWaiting src=request.src.clone() /> }>
                <super::loader::ForeignSource />
                {title}
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

/// A part of a view that `?parts=` can name (comma-separated). Each view has its own:
///
/// * every view: `title` (the incident's title, linking to the full page), `heading` (the
///   card's heading);
/// * timeline: `durations`, `toolbar`, `overview`, `legend`, `details`, `keys`, `list`;
/// * chart: `actions` (show all and the exports), `help`;
/// * illustration: `exports`, `caption`, `controls` (play and the scrubber);
/// * summary: `text`, `facts`, `sections` (impact, root cause, detection, resolution).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedPart {
    Title,
    Heading,
    Durations,
    Toolbar,
    Overview,
    Legend,
    Details,
    Keys,
    List,
    Actions,
    Help,
    Exports,
    Caption,
    Controls,
    Text,
    Facts,
    Sections,
}

impl EmbedPart {
    /// Every part.
    pub const ALL: [EmbedPart; 17] = [
        EmbedPart::Title,
        EmbedPart::Heading,
        EmbedPart::Durations,
        EmbedPart::Toolbar,
        EmbedPart::Overview,
        EmbedPart::Legend,
        EmbedPart::Details,
        EmbedPart::Keys,
        EmbedPart::List,
        EmbedPart::Actions,
        EmbedPart::Help,
        EmbedPart::Exports,
        EmbedPart::Caption,
        EmbedPart::Controls,
        EmbedPart::Text,
        EmbedPart::Facts,
        EmbedPart::Sections,
    ];

    /// Its name in `?parts=`.
    pub fn name(self) -> &'static str {
        match self {
            EmbedPart::Title => "title",
            EmbedPart::Heading => "heading",
            EmbedPart::Durations => "durations",
            EmbedPart::Toolbar => "toolbar",
            EmbedPart::Overview => "overview",
            EmbedPart::Legend => "legend",
            EmbedPart::Details => "details",
            EmbedPart::Keys => "keys",
            EmbedPart::List => "list",
            EmbedPart::Actions => "actions",
            EmbedPart::Help => "help",
            EmbedPart::Exports => "exports",
            EmbedPart::Caption => "caption",
            EmbedPart::Controls => "controls",
            EmbedPart::Text => "text",
            EmbedPart::Facts => "facts",
            EmbedPart::Sections => "sections",
        }
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// The parts of a view to show, and whether the timeline's durations are one line
/// (`?compact`). The full page shows everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbedParts {
    shown: u32,
    /// Key durations as one line of values (compact embeds).
    pub compact: bool,
}

impl EmbedParts {
    /// Everything: the full page.
    pub const ALL: EmbedParts = EmbedParts {
        shown: u32::MAX,
        compact: false,
    };

    /// True when `part` is shown.
    pub fn has(self, part: EmbedPart) -> bool {
        self.shown & part.bit() != 0
    }

    /// The parts of `view` to show, from `?compact` and `?parts=` (names it does not know are
    /// left out, and listed on the console).
    pub fn of(view: EmbedView, compact: bool, named: &[String]) -> EmbedParts {
        let set = |parts: &[EmbedPart]| parts.iter().fold(0, |bits, p| bits | p.bit());
        let shown = if !named.is_empty() {
            let mut bits = 0;
            for name in named {
                match EmbedPart::ALL.iter().find(|p| p.name() == name) {
                    Some(part) => bits |= part.bit(),
                    None => leptos::logging::warn!(
                        "parts={name}: not a part; the parts are {}",
                        EmbedPart::ALL.map(EmbedPart::name).join(", ")
                    ),
                }
            }
            bits
        } else if compact && view == EmbedView::Timeline {
            set(&[EmbedPart::Durations])
        } else if view == EmbedView::Timeline {
            // The plot and what explains it, not the page's keyboard help and full list.
            !set(&[EmbedPart::Keys, EmbedPart::List])
        } else {
            u32::MAX
        };
        EmbedParts { shown, compact }
    }
}
