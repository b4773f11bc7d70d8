//! The root component: provides the shared state and lays out the views.

use leptos::prelude::*;

use super::chart::MetricsChart;
use super::diagnostics::DiagnosticList;
use super::illustration::CookieIllustration;
use super::measures::Measures;
use super::rich_text::Paragraphs;
use super::state::{AppState, OpenDocument};
use super::summary::SummaryCard;
use super::timeline_list::TimelineList;
use super::timeline_view::TimelineView;
use crate::model::Incident;

/// The whole page, opened on the embedded sample (or a synthetic incident, see
/// [`OpenDocument::initial`]).
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(OpenDocument::initial());
    provide_context(state);
    let incident: Signal<Incident> = state.incident.into();
    let diagnostics = Signal::derive(move || state.document.with(|d| d.diagnostics.clone()));
    let source_name = move || state.document.with(|d| d.source_name.clone());

    Effect::new(move |_| {
        let title = incident.with(|i| i.title.clone());
        let page_title = if title.is_empty() {
            "Postmortem Explorer".to_string()
        } else {
            format!("{title} · Postmortem Explorer")
        };
        document().set_title(&page_title);
    });

    view! {
        <header class="page-header">
            <p class="eyebrow">"Postmortem Explorer · " {source_name}</p>
            <h1 data-testid="incident-title">{move || incident.with(|i| i.title.clone())}</h1>
        </header>
        <main class="page">
            <SummaryCard incident=incident />
            <TimelineView />
            <MetricsChart />
            <CookieIllustration />
            <TimelineList incident=incident />
            <Measures incident=incident />
            <Show when=move || incident.with(|i| !i.addendum.is_empty())>
                <section class="card addendum" aria-labelledby="addendum-heading">
                    <h2 id="addendum-heading">"Addendum"</h2>
                    <Paragraphs text=Signal::derive(move || incident.with(|i| i.addendum.clone())) />
                </section>
            </Show>
            <DiagnosticList diagnostics=diagnostics />
        </main>
    }
}
