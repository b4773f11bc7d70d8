//! The root component: provides the shared state, reads the page's URL, and shows the
//! incident page, the catalogue (`?view=catalogue`) or one embedded view (`?embed=…`).

use leptos::prelude::*;

use super::after_paint::AfterPaint;
use super::catalogue_view::{index_url, CatalogueView};
use super::chart::MetricsChart;
use super::diagnostics::DiagnosticList;
use super::embed::EmbeddedView;
use super::illustration::CookieIllustration;
use super::loader::{listen_for_drops_and_pastes, load_url, ForeignSource, LoadControls, Loader};
use super::page_url;
use super::parts::AuthorParts;
use super::reading_banner::ReadingBanner;
use super::rich_text::DocumentLinks;
use super::share::ShareBar;
use super::staged::Staged;
use super::state::{AppState, OpenDocument};
use super::summary::SummaryCard;
use super::timeline_list::TimelineList;
use super::timeline_view::TimelineView;
use super::welcome::Welcome;
use crate::analysis::reading::reading_problems;
use crate::model::Incident;

/// The whole page, opened on the embedded sample (or a synthetic incident, see
/// [`OpenDocument::initial`]), then on `?src=` once it has loaded.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(OpenDocument::initial());
    provide_context(state);
    let loader = Loader::new();
    provide_context(loader);
    provide_context(DocumentLinks::new(Some(loader)));
    let request = page_url::request();
    super::theme::provide_page_theme(request.embed.map(|_| request.theme.clone()));
    match request.src.clone() {
        Some(src) => load_url(state, loader, src),
        // The sample is open already: the URL's view (window, event, zone) applies to it now.
        None => {
            super::url_state::restore_view(state);
        }
    }
    attach_metrics_when_ready(
        state,
        loader,
        request.metrics.clone(),
        request.src.is_some(),
    );
    // Keep the address bar a permalink: `src` follows the open document.
    let catalogue = request.catalogue;
    Effect::new(move |previous: Option<Option<String>>| {
        let src = loader.src.get();
        if previous.is_some() && previous.as_ref() != Some(&src) {
            page_url::replace(src.as_deref(), catalogue);
        }
        src
    });

    let incident: Signal<Incident> = state.incident.into();
    Effect::new(move |_| {
        let title = incident.with(|i| i.title.clone());
        let page_title = if catalogue {
            "Incident catalogue · Postmortem Explorer".to_string()
        } else if title.is_empty() {
            "Postmortem Explorer".to_string()
        } else {
            format!("{title} · Postmortem Explorer")
        };
        document().set_title(&page_title);
    });

    match (request.embed, request.catalogue) {
        (Some(view), _) => view! { <EmbeddedView view=view /> }.into_any(),
        (None, true) => view! {
            <header class="page-header">
                <nav class="top-nav" aria-label="Views">
                    <span class="eyebrow">"Postmortem Explorer"</span>
                    <a href="./" class="nav-link">"Open the sample incident"</a>
                </nav>
                <h1 data-testid="catalogue-title">"Incident catalogue"</h1>
            </header>
            <CatalogueView index_url=index_url() />
        }
        .into_any(),
        (None, false) => view! { <IncidentPage /> }.into_any(),
    }
}

/// The full incident page: header with loading and sharing, then every view.
#[component]
fn IncidentPage() -> impl IntoView {
    let state = super::state::app_state();
    let loader = super::loader::loader();
    let incident: Signal<Incident> = state.incident.into();
    let diagnostics = Signal::derive(move || state.document.with(|d| d.diagnostics.clone()));
    let problems =
        Signal::derive(move || incident.with(|i| diagnostics.with(|d| reading_problems(i, d))));
    let source_name = move || state.document.with(|d| d.source_name.clone());
    listen_for_drops_and_pastes(state, loader);
    let waiting_for_src = move || loader.waiting_for_first_src();

    view! {
        <header class="page-header">
            <nav class="top-nav" aria-label="Views">
                <p class="eyebrow">"Postmortem Explorer · " <span data-testid="source-name">{source_name}</span></p>
                // A button, not a link: the page's only links are the incident's own (http(s) only).
                <button type="button" class="nav-link link-button" data-testid="catalogue-link"
                    on:click=|_| { let _ = window().location().set_search("?view=catalogue"); }>
                    "All incidents"
                </button>
                <button type="button" class="nav-link link-button" data-testid="editor-link"
                    on:click=|_| { let _ = window().location().set_search("?view=edit"); }>
                    "Write a postmortem"
                </button>
            </nav>
            <ForeignSource />
            <h1 data-testid="incident-title">{move || incident.with(|i| i.title.clone())}</h1>
            <p class="incident-dates" data-testid="incident-dates">
                {move || incident.with(|i| state.milestones.with(|m| {
                    let zone = crate::analysis::zones::incident_zone(i);
                    crate::analysis::format::incident_dates_from(i, m, zone)
                        .unwrap_or_else(|| "No date stated".to_string())
                }))}
            </p>
            <LoadControls />
            <ShareBar />
        </header>
        <ReadingBanner problems=problems />
        <main class="page" aria-busy=move || waiting_for_src().to_string() class:waiting=waiting_for_src>
            <Welcome />
            <SummaryCard incident=incident />
            <Staged what="timeline"><TimelineView /></Staged>
            <Staged what="charts"><MetricsChart /></Staged>
            // Below the fold: each mounted in a task of its own after the first paint.
            <AfterPaint><CookieIllustration /></AfterPaint>
            <AfterPaint><TimelineList incident=incident /></AfterPaint>
            <AfterPaint><AuthorParts /></AfterPaint>
            <AfterPaint><DiagnosticList diagnostics=diagnostics /></AfterPaint>
        </main>
    }
}

/// `?metrics=`: attaches the metrics file to the incident once it is open (at once when the
/// page shows the sample, else after `?src=` has loaded).
fn attach_metrics_when_ready(
    state: AppState,
    loader: Loader,
    metrics: Option<String>,
    waits_for_src: bool,
) {
    let Some(metrics) = metrics else { return };
    let pending = StoredValue::new(Some(metrics));
    Effect::new(move |_| {
        let ready = !waits_for_src || loader.src.with(Option::is_some);
        if ready {
            if let Some(url) = pending.try_update_value(Option::take).flatten() {
                load_url(state, loader, url);
            }
        }
    });
}
