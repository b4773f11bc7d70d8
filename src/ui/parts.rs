//! Everything the author wrote after the page's fixed cards, in the author's order:
//! lessons, measures, responders, the sections the reader did not map (with their own
//! headings), and the addendum. Nothing read is left off the page.

use leptos::prelude::*;

use super::measures::Measures;
use super::rich_text::{InlineMarkdown, Markdown};
use super::state::{app_state, part_heading};
use super::summary::chip_list;
use crate::model::{Incident, Part};

/// The parts after the fixed cards, in the order the open document wrote them.
#[component]
pub fn AuthorParts() -> impl IntoView {
    let state = app_state();
    let incident: Signal<Incident> = state.incident.into();
    let parts = Memo::new(move |_| {
        state
            .document
            .with(|d| state.incident.with(|i| i.parts_in_order(&d.outline)))
    });
    move || {
        parts
            .get()
            .into_iter()
            .map(|part| match part {
                Part::Lessons => view! { <LessonsCard incident=incident /> }.into_any(),
                Part::Measures => view! { <Measures incident=incident /> }.into_any(),
                Part::Responders => view! { <RespondersCard incident=incident /> }.into_any(),
                Part::Addendum => view! { <AddendumCard incident=incident /> }.into_any(),
                Part::Section(index) => {
                    view! { <SectionCard incident=incident index=index /> }.into_any()
                }
            })
            .collect::<Vec<_>>()
    }
}

/// A list of one-line Markdown items under an `<h3>` (the author's heading for `key`, else
/// `heading`), or nothing when empty.
fn item_list(
    key: &'static str,
    heading: &'static str,
    items: Vec<String>,
    test_id: &'static str,
) -> AnyView {
    if items.is_empty() {
        return ().into_any();
    }
    view! {
        <h3>{part_heading(key, heading)}</h3>
        <ul data-testid=test_id>
            {items.into_iter().map(|text| view! { <li><InlineMarkdown text=text /></li> }).collect::<Vec<_>>()}
        </ul>
    }
    .into_any()
}

/// "Lessons learned": its prose and its three lists.
#[component]
fn LessonsCard(incident: Signal<Incident>) -> impl IntoView {
    let lessons = Memo::new(move |_| incident.with(|i| i.lessons.clone()));
    move || {
        let lessons = lessons.get();
        if lessons.is_empty() {
            return ().into_any();
        }
        let text = lessons.text.clone();
        view! {
            <section class="card lessons" aria-labelledby="lessons-heading" data-testid="lessons">
                <h2 id="lessons-heading">{part_heading("lessons", "Lessons learned")}</h2>
                <Show when={
                    let empty = text.is_empty();
                    move || !empty
                }>
                    <Markdown text=Signal::derive({
                        let text = text.clone();
                        move || text.clone()
                    }) />
                </Show>
                {item_list("went_well", "What went well", lessons.went_well, "went-well")}
                {item_list("went_wrong", "What went wrong", lessons.went_wrong, "went-wrong")}
                {item_list("lucky", "Where we got lucky", lessons.lucky, "lucky")}
            </section>
        }
        .into_any()
    }
}

/// Who responded.
#[component]
fn RespondersCard(incident: Signal<Incident>) -> impl IntoView {
    let responders = Memo::new(move |_| incident.with(|i| i.responders.clone()));
    move || {
        let responders = responders.get();
        if responders.is_empty() {
            return ().into_any();
        }
        view! {
            <section class="card responders" aria-labelledby="responders-heading">
                <h2 id="responders-heading">{part_heading("responders", "Responders")}</h2>
                {chip_list(responders, "responders")}
            </section>
        }
        .into_any()
    }
}

/// A section the reader kept without mapping it: its heading and its Markdown.
#[component]
fn SectionCard(incident: Signal<Incident>, index: usize) -> impl IntoView {
    let title = move || {
        incident.with(|i| {
            i.other_sections
                .get(index)
                .map(|s| s.title.clone())
                .unwrap_or_default()
        })
    };
    let body = Signal::derive(move || {
        incident.with(|i| {
            i.other_sections
                .get(index)
                .map(|s| s.body.clone())
                .unwrap_or_default()
        })
    });
    let heading_id = format!("section-{index}-heading");
    let labelled_by = heading_id.clone();
    view! {
        <section class="card author-section" aria-labelledby=labelled_by data-testid="author-section">
            <h2 id=heading_id><InlineMarkdown text=title() /></h2>
            <Markdown text=body />
        </section>
    }
}

/// Anything appended after the postmortem proper.
#[component]
fn AddendumCard(incident: Signal<Incident>) -> impl IntoView {
    view! {
        <Show when=move || incident.with(|i| !i.addendum.is_empty())>
            <section class="card addendum" aria-labelledby="addendum-heading">
                <h2 id="addendum-heading">{part_heading("addendum", "Addendum")}</h2>
                <Markdown text=Signal::derive(move || incident.with(|i| i.addendum.clone())) />
            </section>
        </Show>
    }
}
