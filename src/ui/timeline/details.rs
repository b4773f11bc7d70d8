//! The selected event's details: kind, full time in the chosen zone, time since the impact
//! began, its text (links kept safe), anything odd about its time, and previous/next.

use leptos::prelude::*;

use super::context::timeline_context;
use super::legend::KindIcon;
use crate::analysis::format::{date_time_at, relative};
use crate::ui::rich_text::InlineMarkdown;

/// Details of the selected event, or a hint when nothing is selected.
#[component]
pub fn EventDetails() -> impl IntoView {
    let tl = timeline_context();
    let view = tl.state.view;
    let body = move || {
        let Some(event) = view.selected.get() else {
            return view! {
                <p class="tl-hint">
                    "Select an event (click it, or focus the timeline and press ↓ then Enter) to see its details."
                </p>
            }
            .into_any();
        };
        let Some((text, kind, at, total)) = tl.state.incident.with(|i| {
            i.timeline.get(event).map(|e| {
                let index = tl.index.get();
                (
                    e.text.clone(),
                    index.kinds[event],
                    index.at[event],
                    i.timeline.len(),
                )
            })
        }) else {
            return ().into_any();
        };
        let zone = tl.zone.get();
        let since = tl
            .milestones
            .with(|m| m.impact_start.as_ref().map(|s| relative(at - s.at)));
        let notes: Vec<String> = tl.anomalies.with(|all| {
            all.iter()
                .filter(|a| a.event == Some(event))
                .map(|a| a.message.clone())
                .collect()
        });
        view! {
            <div class="tl-details-head">
                <span class="tl-chip" data-kind=kind.slug()>
                    <KindIcon kind=kind />
                    {kind.label()}
                </span>
                <span class="tl-details-pos">{format!("Event {} of {}", event + 1, total)}</span>
                <button type="button" class="tl-btn tl-close" aria-label="Close details"
                    on:click=move |_| view.selected.set(None)>"×"</button>
            </div>
            <p class="tl-details-time">
                <time data-testid="details-time">{date_time_at(at, zone, tl.index.with(|i| i.days))}</time>
                {since.map(|s| view! { <span class="tl-since">{format!(" · {s} from impact start")}</span> })}
            </p>
            <p class="tl-details-text" data-testid="details-text"><InlineMarkdown text=text /></p>
            {(!notes.is_empty()).then(|| view! {
                <ul class="tl-notes">
                    {notes.into_iter().map(|n| view! { <li>"⚠ " {n}</li> }).collect_view()}
                </ul>
            })}
            <div class="tl-details-nav">
                <button type="button" class="tl-btn tl-wide" on:click=move |_| {
                    let prev = tl.index.with_untracked(|i| i.step(Some(event), -1, |e| tl.shown(e)));
                    if prev.is_some() { tl.select(prev) }
                }>"← Previous"</button>
                <button type="button" class="tl-btn tl-wide" on:click=move |_| {
                    let next = tl.index.with_untracked(|i| i.step(Some(event), 1, |e| tl.shown(e)));
                    if next.is_some() { tl.select(next) }
                }>"Next →"</button>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="tl-details" aria-label="Selected event" aria-live="polite" data-testid="event-details"
            class:empty=move || view.selected.get().is_none()>
            {body}
        </section>
    }
}
