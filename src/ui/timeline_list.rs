//! The timeline as a semantic ordered list for screen readers and skimming: every event with
//! its full date and time in the chosen zone, its kind, and the selection marked. Long
//! timelines are listed a page at a time (around the selected event) so they stay fast.

use leptos::prelude::*;

use super::rich_text::InlineMarkdown;
use super::state::{app_state, part_heading};
use super::timeline::zone::shown_zone;
use crate::analysis::format::{clock_at, date_time_at, list_days, Days};
use crate::analysis::window::axis_ms;
use crate::model::EventKind;
use crate::model::Incident;
use crate::parse::StatedAbout;

/// Timelines up to this long are listed whole.
const WHOLE: usize = 300;
/// Page size for longer ones.
const PAGE: usize = 100;

/// Every timeline event, in written order.
#[component]
pub fn TimelineList(
    /// The open incident.
    incident: Signal<Incident>,
) -> impl IntoView {
    let kinds = app_state().kinds;
    let view = app_state().view;
    let page_start = RwSignal::new(0usize);
    // Keep the selected event on the listed page.
    Effect::new(move |_| {
        if let Some(event) = view.selected.get() {
            let start = page_start.get_untracked();
            if event < start || event >= start + PAGE {
                page_start.set(event.saturating_sub(PAGE / 2));
            }
        }
    });
    let total = move || incident.with(|i| i.timeline.len());
    let range = move || {
        let n = total();
        if n <= WHOLE {
            0..n
        } else {
            let start = page_start.get().min(n.saturating_sub(PAGE));
            start..(start + PAGE).min(n)
        }
    };
    let zone = Memo::new(move |_| {
        let choice = view.zone.get();
        incident.with(|i| {
            let at = i.start.as_ref().map_or(0.0, axis_ms);
            shown_zone(choice, i, at)
        })
    });
    let offset = Memo::new(move |_| zone.get().minutes);
    // The day where it changes, for timelines across days (the same days the report shows).
    let day_names = Memo::new(move |_| incident.with(Days::of));
    let days = Memo::new(move |_| {
        let offset = offset.get();
        let names = day_names.get();
        incident.with(|i| {
            let instants: Vec<f64> = i.timeline.iter().map(|e| axis_ms(&e.at)).collect();
            list_days(&instants, offset, names)
        })
    });
    let items = move || {
        let zone = zone.get();
        let names = day_names.get();
        let offset = zone.minutes;
        let range = range();
        incident.with(|i| {
            i.timeline[range.clone()]
                .iter()
                .zip(range.clone())
                .map(|(event, index)| {
                    let at = axis_ms(&event.at);
                    let full = date_time_at(at, zone, names);
                    let kind = kinds.with(|k| k.get(index).copied().unwrap_or(EventKind::Other));
                    let selected = move || view.selected.get() == Some(index);
                    let day = days.with(|d| d.get(index).cloned().flatten());
                    let new_day = day.is_some();
                    let day = day.map(|day| {
                        view! { <span class="event-day" data-testid="event-day">{day}</span> }
                    });
                    view! {
                        <li
                            class="event"
                            data-testid="event"
                            data-kind=kind.slug()
                            class:inferred=event.inferred
                            class:new-day=new_day
                            class:selected=selected
                            aria-current=move || selected().then_some("true")
                        >
                            {day}
                            <time datetime=event.at.to_string() title=full.clone()>
                                {clock_at(at, offset, event.at.time.format("%S").to_string() != "00")}
                            </time>
                            <span class="event-text">
                                <span class="visually-hidden">{format!("{full}, {}: ", kind.label())}</span>
                                <InlineMarkdown text=event.text.clone() />
                            </span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    // The author's notes on how the times are written (`All times in UTC.`), as written.
    let document = app_state().document;
    let notes = move || {
        document.with(|d| super::summary::stated_texts(&d.stated, StatedAbout::Timeline))
            .into_iter()
            .map(|text| view! { <p class="timeline-note" data-testid="timeline-note"><InlineMarkdown text=text /></p> })
            .collect::<Vec<_>>()
    };
    let paging = move || {
        let n = total();
        (n > WHOLE).then(|| {
            let r = range();
            view! {
                <div class="list-paging">
                    <button type="button" class="tl-btn tl-wide" disabled=r.start == 0
                        on:click=move |_| page_start.update(|s| *s = s.saturating_sub(PAGE))>"Earlier events"</button>
                    <span>{format!("Events {}–{} of {}", r.start + 1, r.end, n)}</span>
                    <button type="button" class="tl-btn tl-wide" disabled=r.end >= n
                        on:click=move |_| page_start.update(|s| *s += PAGE)>"Later events"</button>
                </div>
            }
        })
    };

    view! {
        <section class="card timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{part_heading("timeline", "Timeline")}</h2>
            {notes}
            <Show
                when=move || incident.with(|i| !i.timeline.is_empty())
                fallback=|| view! { <p class="empty">"This postmortem has no timeline entries."</p> }
            >
                {paging}
                <ol class="events" data-testid="timeline" start=move || range().start + 1>{items}</ol>
            </Show>
        </section>
    }
}
