//! Corrective measures and follow-up tasks: improvements as a list, action items as a
//! table with the columns the author filled in (owner, priority, status, due, link).

use leptos::prelude::*;

use super::rich_text::InlineMarkdown;
use super::show_more::{shown_count, ShowMore};
use super::state::part_heading;
use crate::model::{ActionColumn, ActionItem, Incident};

/// Improvements as prose and tasks as a table.
#[component]
pub fn Measures(
    /// The open incident.
    incident: Signal<Incident>,
) -> impl IntoView {
    let has_any =
        move || incident.with(|i| !i.improvements.is_empty() || !i.action_items.is_empty());
    // Sub-headings only when both lists are there: the card's heading names a lone one.
    let both = move || incident.with(|i| !i.improvements.is_empty() && !i.action_items.is_empty());
    let improvements_shown = shown_count(move || incident.track());
    let tasks_shown = shown_count(move || incident.track());
    let improvements = Signal::derive(move || incident.with(|i| i.improvements.len()));
    let tasks = Signal::derive(move || incident.with(|i| i.action_items.len()));
    view! {
        <Show when=has_any>
            <section class="card measures" aria-labelledby="measures-heading">
                <h2 id="measures-heading">{part_heading("measures", "Corrective and preventative measures")}</h2>
                <Show when=move || incident.with(|i| !i.improvements.is_empty())>
                    <Show when=both><h3>"Improvements"</h3></Show>
                    <ul class="improvements">
                        {move || incident.with(|i| {
                            i.improvements
                                .iter()
                                .take(improvements_shown.get())
                                .map(|text| view! { <li><InlineMarkdown text=text.clone() /></li> })
                                .collect_view()
                        })}
                    </ul>
                    <ShowMore shown=improvements_shown total=improvements what="improvements" />
                </Show>
                <Show when=move || incident.with(|i| !i.action_items.is_empty())>
                    <Show when=both><h3>"Action items"</h3></Show>
                    {move || incident.with(|i| task_table(&i.action_items, tasks_shown.get()))}
                    <ShowMore shown=tasks_shown total=tasks what="action items" />
                </Show>
            </section>
        </Show>
    }
}

/// The action items as a table, the first `shown` of them; a column shows only when some item
/// fills it in.
fn task_table(items: &[ActionItem], shown: usize) -> impl IntoView {
    let columns: Vec<&ActionColumn> = ActionItem::COLUMNS
        .iter()
        .filter(|c| items.iter().any(|item| (c.value)(item).is_some()))
        .collect();
    let with_links = items.iter().any(|item| item.link.is_some());
    let head = columns
        .iter()
        .map(|c| view! { <th scope="col">{part_heading(c.key, c.heading)}</th> })
        .collect::<Vec<_>>();
    let rows = items
        .iter()
        .take(shown)
        .map(|item| {
            let cells = columns
                .iter()
                .map(|c| {
                    let text = (c.value)(item).cloned().unwrap_or_default();
                    view! { <td><InlineMarkdown text=text /></td> }
                })
                .collect::<Vec<_>>();
            // The model keeps only http(s) links.
            let link = with_links.then(|| {
                let cell = item.link.clone().map(|url| {
                    view! { <a href=url rel="noopener noreferrer nofollow" target="_blank">"Tracking"</a> }
                });
                view! { <td>{cell}</td> }
            });
            view! {
                <tr>
                    <td><InlineMarkdown text=item.text.clone() /></td>
                    {cells}
                    {link}
                </tr>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <div class="md-table-wrap">
            <table class="tasks" data-testid="tasks">
                <thead>
                    <tr>
                        <th scope="col">{part_heading("task_column", "Task")}</th>
                        {head}
                        {with_links.then(|| view! { <th scope="col">{part_heading("link_column", "Link")}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
