//! The timeline's view in the URL: selected event, visible window, zone, kind filter and
//! search (see [`ViewQuery`]). Read once at start and on back/forward (`popstate`); written
//! as the view changes: a new history entry when the selection, zone, filter or search
//! changes, and a replaced entry (at most every 200 ms) while zooming and panning.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::UrlSearchParams;

use super::timeline::context::TimelineContext;
use super::timeline::zone::{from_slug, slug};
use crate::analysis::view_query::{ViewQuery, KEYS};
use crate::analysis::viewport;
use crate::draw::timeline::is_hidden;
use crate::model::EventKind;
use crate::ui::state::{AppState, ZoneChoice};

fn current_params() -> Option<UrlSearchParams> {
    let search = window().location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()
}

/// Reads the view from the current URL.
fn read() -> ViewQuery {
    let Some(params) = current_params() else {
        return ViewQuery::default();
    };
    let values: Vec<(&str, String)> = KEYS
        .iter()
        .filter_map(|&k| params.get(k).map(|v| (k, v)))
        .collect();
    ViewQuery::decode(values.iter().map(|(k, v)| (*k, v.as_str())))
}

/// Applies the view in the URL to the signals (missing parts reset to their defaults).
pub fn restore(tl: TimelineContext) {
    let query = restore_view(tl.state);
    apply_filters(tl, query);
}

/// Applies the URL's filters (hidden kinds, search) to a timeline drawn again for a newly
/// opened incident: they are the ones the reader had set, which the URL keeps.
pub fn restore_filters(tl: TimelineContext) {
    apply_filters(tl, read());
}

fn apply_filters(tl: TimelineContext, query: ViewQuery) {
    let mask = query.hidden.iter().fold(0u16, |mask, kind| {
        let bit = EventKind::ALL.iter().position(|k| k == kind).unwrap_or(0);
        mask | 1 << bit
    });
    tl.hidden.set(mask);
    tl.search.set(query.search);
}

/// Applies the shared part of the URL's view (window, selected event, zone) to the open
/// incident, for every view: the page's timeline and chart, and any embed. Called when the
/// incident the URL names (`?src=`) has opened, so a permalink reproduces the view.
pub fn restore_view(state: AppState) -> ViewQuery {
    let query = read();
    let view = state.view;
    let events = state.incident.with_untracked(|i| i.timeline.len());
    let extent = state.extent.get_untracked();
    let window = match (query.window, extent) {
        (Some(window), Some(bounds)) => Some(viewport::clamp(window, bounds)),
        _ => None,
    };
    view.window.set(window);
    let event = query.event.filter(|&e| e < events);
    view.selected.set(event);
    if event.is_some() {
        view.hovered.set(event);
    }
    view.zone.set(
        query
            .zone
            .as_deref()
            .and_then(from_slug)
            .unwrap_or_default(),
    );
    query
}

/// The view as it is now.
fn current(tl: TimelineContext) -> ViewQuery {
    let view = tl.state.view;
    let hidden = tl.hidden.get();
    ViewQuery {
        event: view.selected.get(),
        window: view
            .window
            .get()
            .map(|w| crate::analysis::window::TimeWindow::new(w.start.round(), w.end.round())),
        zone: match view.zone.get() {
            ZoneChoice::Incident => None,
            other => Some(slug(other).to_string()),
        },
        hidden: EventKind::ALL
            .into_iter()
            .filter(|&k| is_hidden(hidden, k))
            .collect(),
        search: tl.search.get(),
    }
}

/// The page URL with the view's parameters replaced by `query`'s.
fn url_for(query: &ViewQuery) -> Option<String> {
    let location = window().location();
    let params = current_params()?;
    for key in KEYS {
        params.delete(key);
    }
    for (key, value) in query.encode() {
        params.append(key, &value);
    }
    let search = String::from(params.to_string());
    let path = location.pathname().ok()?;
    let hash = location.hash().unwrap_or_default();
    Some(if search.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{search}{hash}")
    })
}

/// Writes the view to the URL as it changes, and restores it on back/forward.
pub fn keep_in_sync(tl: TimelineContext) {
    let discrete = StoredValue::new(None::<ViewQuery>);
    let pending = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let query = current(tl);
        let without_window = ViewQuery {
            window: None,
            ..query.clone()
        };
        let changed = discrete.with_value(|d| d.as_ref().is_some_and(|d| *d != without_window));
        let first = discrete.with_value(Option::is_none);
        discrete.set_value(Some(without_window));
        // Compare views, not strings: the same view may be spelled differently (`:` or `%3A`).
        if first || read() == query {
            return;
        }
        let Some(url) = url_for(&query) else { return };
        let Ok(history) = window().history() else {
            return;
        };
        if changed {
            pending.set_value(None);
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
            return;
        }
        let scheduled = pending.with_value(Option::is_some);
        pending.set_value(Some(url));
        if !scheduled {
            let flush = Closure::once_into_js(move || {
                if let (Some(url), Ok(history)) = (pending.get_value(), window().history()) {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
                }
                pending.set_value(None);
            });
            let _ = window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(flush.unchecked_ref(), 200);
        }
    });
    let on_pop = Closure::<dyn Fn()>::new(move || {
        pending.set_value(None);
        // The restored view is the entry's own: no new history entry for it.
        discrete.set_value(Some(ViewQuery {
            window: None,
            ..read()
        }));
        restore(tl);
    });
    let _ = window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_pop.forget();
}
