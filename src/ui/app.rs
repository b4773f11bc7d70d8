//! The root component: holds the open document and lays out the views.

use leptos::prelude::*;

use super::diagnostics::DiagnosticList;
use super::measures::Measures;
use super::rich_text::Paragraphs;
use super::summary::SummaryCard;
use super::timeline_list::TimelineList;
use crate::model::Incident;
use crate::parse::{parse_text, Diagnostic};
use crate::sample::{SAMPLE_NAME, SAMPLE_TEXT};

/// The whole page, opened on the embedded sample.
#[component]
pub fn App() -> impl IntoView {
    let parsed = parse_text(SAMPLE_TEXT);
    let incident: Signal<Incident> = Signal::stored(parsed.incident);
    let diagnostics: Signal<Vec<Diagnostic>> = Signal::stored(parsed.diagnostics);
    let source_name = SAMPLE_NAME;

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
