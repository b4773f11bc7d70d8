//! The summary card: duration, impact, root cause and resolution at a glance.

use leptos::prelude::*;

use super::embed::{EmbedPart, EmbedParts};
use super::rich_text::{InlineMarkdown, Markdown};
use super::state::part_heading;
use crate::analysis::derived_impact::users_affected_words;
use crate::analysis::{durations, format};
use crate::model::Incident;
use crate::parse::{Stated, StatedAbout};

/// Key facts of the incident.
#[component]
pub fn SummaryCard(
    /// The open incident.
    incident: Signal<Incident>,
    /// Which parts to show (an embed may show fewer; the page shows all).
    #[prop(optional)]
    parts: Option<EmbedParts>,
) -> impl IntoView {
    let parts = parts.unwrap_or(EmbedParts::ALL);
    let (text_part, facts_part, sections_part) = (
        parts.has(EmbedPart::Text),
        parts.has(EmbedPart::Facts),
        parts.has(EmbedPart::Sections),
    );
    let milestones = super::state::app_state().milestones;
    let duration = move || incident.with(|i| milestones.with(|m| durations::duration_words(i, m)));
    let window = move || {
        incident.with(|i| match (&i.start, &i.end) {
            (Some(start), Some(end)) => Some(format::window_words(start, end)),
            _ => None,
        })
    };
    let share = move || incident.with(users_affected_words);
    // The lines the window was read from, as the author wrote them.
    let document = super::state::app_state().document;
    let stated = move || {
        let lines = document.with(|d| stated_texts(&d.stated, StatedAbout::Window));
        (facts_part && !lines.is_empty()).then(|| {
            view! {
                <ul class="stated" data-testid="stated-window">
                    {lines.into_iter().map(|text| view! { <li><InlineMarkdown text=text /></li> }).collect::<Vec<_>>()}
                </ul>
            }
        })
    };
    let text = move |pick: fn(&Incident) -> &String| {
        Signal::derive(move || incident.with(|i| pick(i).clone()))
    };

    view! {
        <section class="card summary" aria-labelledby="summary-heading" data-testid="summary">
            <h2 id="summary-heading" class:visually-hidden=!parts.has(EmbedPart::Heading)>{part_heading("summary", "Summary")}</h2>
            <Show when=move || text_part && incident.with(|i| !i.summary.is_empty())>
                <Markdown text=text(|i| &i.summary) />
            </Show>
            <dl class="facts" hidden=!facts_part>
                <div class="fact">
                    <dt>"Duration"</dt>
                    <dd data-testid="duration">
                        {duration}
                        <span class="fact-detail">{window}</span>
                    </dd>
                </div>
                <div class="fact">
                    <dt>"Users affected"</dt>
                    <dd data-testid="impact-share">
                        {move || share().unwrap_or_else(|| "not stated".to_string())}
                    </dd>
                </div>
                <Show when=move || incident.with(|i| !i.severity.is_empty())>
                    <div class="fact">
                        <dt>"Severity"</dt>
                        // A severity written as a sentence reads at the size of text, not of a value.
                        <dd data-testid="severity" class:long-value=move || incident.with(|i| i.severity.chars().count() > 24)>
                            {move || view! { <InlineMarkdown text=incident.with(|i| i.severity.clone()) /> }}
                        </dd>
                    </div>
                </Show>
            </dl>
            {stated}
            {move || facts_part.then(|| chips("Services", incident.with(|i| i.services.clone()), "services"))}
            {move || facts_part.then(|| chips("Tags", incident.with(|i| i.tags.clone()), "tags"))}
            <dl class="prose-facts" hidden=!sections_part>
                <Show when=move || incident.with(|i| !i.impact.text.is_empty())>
                    <dt>{part_heading("impact", "Impact")}</dt>
                    <dd><Markdown text=text(|i| &i.impact.text) /></dd>
                </Show>
                <Show when=move || incident.with(|i| !i.root_cause.is_empty())>
                    <dt>{part_heading("root_cause", "Root cause")}</dt>
                    <dd data-testid="root-cause"><Markdown text=text(|i| &i.root_cause) /></dd>
                </Show>
                <Show when=move || incident.with(|i| !i.detection.is_empty())>
                    <dt>{part_heading("detection", "Detection")}</dt>
                    <dd><Markdown text=text(|i| &i.detection) /></dd>
                </Show>
                <Show when=move || incident.with(|i| !i.resolution.is_empty())>
                    <dt>{part_heading("resolution", "Resolution")}</dt>
                    <dd data-testid="resolution"><Markdown text=text(|i| &i.resolution) /></dd>
                </Show>
            </dl>
        </section>
    }
}

/// A labelled row of short items (services, tags), or nothing when there are none.
fn chips(label: &'static str, items: Vec<String>, test_id: &'static str) -> AnyView {
    if items.is_empty() {
        return ().into_any();
    }
    view! {
        <div class="chip-row">
            <span class="chip-label">{label}</span>
            {chip_list(items, test_id)}
        </div>
    }
    .into_any()
}

/// Short items as a row of chips (services, tags, responders), each the author's Markdown
/// (`` `api.example.org` `` as code, a link as a link).
pub(super) fn chip_list(items: Vec<String>, test_id: &'static str) -> impl IntoView {
    view! {
        <ul class="chips" data-testid=test_id>
            {items.into_iter().map(|item| view! { <li><InlineMarkdown text=item /></li> }).collect::<Vec<_>>()}
        </ul>
    }
}

/// The texts of the `stated` lines about `about`, in order.
pub(super) fn stated_texts(stated: &[Stated], about: StatedAbout) -> Vec<String> {
    stated
        .iter()
        .filter(|s| s.about == about)
        .map(|s| s.text.clone())
        .collect()
}
