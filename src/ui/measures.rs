//! Corrective measures and follow-up tasks.

use leptos::prelude::*;

use super::rich_text::InlineMarkdown;
use crate::model::Incident;

/// Improvements as prose and tasks as a checklist.
#[component]
pub fn Measures(
    /// The open incident.
    incident: Signal<Incident>,
) -> impl IntoView {
    let has_any =
        move || incident.with(|i| !i.improvements.is_empty() || !i.action_items.is_empty());
    view! {
        <Show when=has_any>
            <section class="card measures" aria-labelledby="measures-heading">
                <h2 id="measures-heading">"Corrective and preventative measures"</h2>
                <Show when=move || incident.with(|i| !i.improvements.is_empty())>
                    <h3>"Improvements"</h3>
                    <ul class="improvements">
                        {move || incident.with(|i| {
                            i.improvements
                                .iter()
                                .map(|text| view! { <li><InlineMarkdown text=text.clone() /></li> })
                                .collect_view()
                        })}
                    </ul>
                </Show>
                <Show when=move || incident.with(|i| !i.action_items.is_empty())>
                    <h3>"Tasks"</h3>
                    <ul class="tasks" data-testid="tasks">
                        {move || incident.with(|i| {
                            i.action_items
                                .iter()
                                .map(|item| {
                                    let meta: Vec<String> = [&item.owner, &item.priority, &item.status]
                                        .into_iter()
                                        .flatten()
                                        .cloned()
                                        .collect();
                                    view! {
                                        <li>
                                            <InlineMarkdown text=item.text.clone() />
                                            <Show when={
                                                let empty = meta.is_empty();
                                                move || !empty
                                            }>
                                                <span class="task-meta">{meta.join(" · ")}</span>
                                            </Show>
                                        </li>
                                    }
                                })
                                .collect_view()
                        })}
                    </ul>
                </Show>
            </section>
        </Show>
    }
}
