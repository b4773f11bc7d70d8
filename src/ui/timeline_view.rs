//! The interactive timeline (issue 4): a proportional, zoomable axis with phase bands, event
//! markers whose labels never overlap, an overview strip, key durations with their basis,
//! a legend that filters, search, a details panel and a zone switch. The view lives in the
//! URL. The pieces are in [`super::timeline`]; this file assembles them.

use leptos::prelude::*;

use super::embed::{EmbedPart, EmbedParts};
use super::state::app_state;
use super::timeline::context::TimelineContext;
use super::timeline::details::EventDetails;
use super::timeline::durations::KeyDurations;
use super::timeline::legend::Legend;
use super::timeline::overview::Overview;
use super::timeline::perf;
use super::timeline::stage::Stage;
use super::timeline::toolbar::Toolbar;
use super::url_state;

/// The interactive timeline card.
#[component]
pub fn TimelineView(
    /// Which parts to show (an embed may show fewer; the page shows all).
    #[prop(optional)]
    parts: Option<EmbedParts>,
) -> impl IntoView {
    let parts = parts.unwrap_or(EmbedParts::ALL);
    perf::mark_start();
    let tl = TimelineContext::new(app_state());
    provide_context(tl);
    // The URL's view belongs to the page's first incident: drawn again after a big incident
    // opened (see `AppState::staging`), the timeline keeps only the reader's filters.
    let applied = tl.state.url_view_applied;
    if applied.get_value() {
        url_state::restore_filters(tl);
    } else {
        applied.set_value(true);
        url_state::restore(tl);
    }
    url_state::keep_in_sync(tl);
    let count = move || tl.index.with(|i| i.len());

    let head = (parts.has(EmbedPart::Heading) || parts.has(EmbedPart::Toolbar)).then(|| {
        view! {
            <div class="tl-head">
                {parts.has(EmbedPart::Heading).then(|| view! {
                    <h2 id="tl-heading">
                        "Timeline explorer "
                        <span class="tl-count">{move || match count() {
                            1 => "1 event".to_string(),
                            n => format!("{n} events"),
                        }}</span>
                    </h2>
                })}
                {parts.has(EmbedPart::Toolbar).then(|| view! { <Toolbar /> })}
            </div>
        }
    });
    let below = move || {
        (parts.has(EmbedPart::Legend) || parts.has(EmbedPart::Details)).then(|| {
            view! {
                <div class="tl-below">
                    {parts.has(EmbedPart::Legend).then(|| view! { <Legend /> })}
                    {parts.has(EmbedPart::Details).then(|| view! { <EventDetails /> })}
                </div>
            }
        })
    };
    let keys = move || {
        parts.has(EmbedPart::Keys).then(|| {
        view! {
            <p class="tl-keys" id="tl-keys">
                <kbd>"wheel"</kbd>" / "<kbd>"+"</kbd><kbd>"−"</kbd>" zoom · drag / "<kbd>"←"</kbd><kbd>"→"</kbd>
                " pan · "<kbd>"↑"</kbd><kbd>"↓"</kbd>" step through events · "<kbd>"Enter"</kbd>" select · "
                <kbd>"Esc"</kbd>" clear · "<kbd>"0"</kbd>" fit · double-click zoom in"
            </p>
        }
        })
    };

    view! {
        <section class="card tl" class:tl-compact=parts.compact aria-label="Timeline" data-testid="timeline-view">
            {head}
            <Show
                when=move || tl.extent.with(Option::is_some)
                fallback=|| view! { <p class="empty">"Nothing in this postmortem has a time to place on a timeline."</p> }
            >
                {parts.has(EmbedPart::Durations).then(|| view! { <KeyDurations compact=parts.compact /> })}
                <div class="tl-frame">
                    <Stage />
                    {parts.has(EmbedPart::Overview).then(|| view! { <Overview /> })}
                </div>
                {below}
                {keys}
            </Show>
        </section>
    }
}
