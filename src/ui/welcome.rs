//! The first screen's help: what the app is, that the incident shown is a sample, how to open
//! your own, and how to publish it. Shown while the sample is open; gone once the reader opens
//! their own postmortem.

use leptos::prelude::*;

use super::state::app_state;
use crate::sample::SAMPLE_NAME;

/// The welcome card, while the sample is open.
#[component]
pub fn Welcome() -> impl IntoView {
    let state = app_state();
    let on_sample = move || state.document.with(|d| d.source_name == SAMPLE_NAME);
    view! {
        <Show when=on_sample>
            <details class="card welcome" open=true data-testid="welcome">
                <summary>"What is this? You are looking at a sample postmortem."</summary>
                <p>
                    "Postmortem Explorer turns an incident postmortem into an interactive page: a "
                    "timeline you can zoom and pan, key durations with their basis, an error-rate chart, "
                    "and the incident told as a crumbling cookie. Everything runs in your browser; "
                    "nothing you open leaves it."
                </p>
                <h2 class="welcome-head">"Open your own"</h2>
                <ul>
                    <li>"Use " <strong>"Open file…"</strong> ", drop a file on the page, or paste its text (Ctrl+V / ⌘V)."</li>
                    <li>"Formats: plain text or Markdown postmortems (SRE-book and Google templates and their variants), "
                        "structured JSON, TOML or YAML (schema: " <code>"public/incident.schema.json"</code> "), and metrics as CSV "
                        "or Prometheus " <code>"query_range"</code> " JSON, added to the open incident."</li>
                </ul>
                <h2 class="welcome-head">"Publish it"</h2>
                <ul>
                    <li>"Put the file on the same static host as this page and link to "
                        <code>"?src=path/to/postmortem.md"</code> " (add " <code>"&metrics=path/to/metrics.csv"</code>
                        "); the link keeps the zoom and the selected event."</li>
                    <li><strong>"Copy embed code"</strong> " gives an iframe of one view for your docs ("
                        <code>"?embed=timeline|chart|illustration|summary"</code> ", with " <code>"theme="</code> ", "
                        <code>"compact"</code> " and " <code>"parts="</code> ")."</li>
                    <li>"Where scripts cannot run (a README, a wiki, a PDF), "
                        <code>"postmortem render FILE"</code> " writes one HTML report, and "
                        <code>"--svg timeline"</code> " one picture."</li>
                </ul>
            </details>
        </Show>
    }
}
