//! Key durations (time to detect, acknowledge, find the root cause, mitigate, resolve, and
//! total impact), each with its basis: the two moments it runs between and where they come
//! from. Odd times (out of order, impossible) are listed under them.

use leptos::prelude::*;

use super::context::timeline_context;
use crate::analysis::format::{clock_at, episode_facts};
use crate::analysis::milestones::{key_durations_from, why_no_durations, Basis, Milestone};
use crate::draw::timeline::short_label;

/// The key durations and the anomaly list.
#[component]
pub fn KeyDurations(
    /// One line of values, without their basis or the anomaly list (compact embeds).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let tl = timeline_context();
    let durations = Memo::new(move |_| tl.state.milestones.with(key_durations_from));
    // (the moment's words, the event's words quoted after them, the event): the button holds
    // only `event 1 at 05:52`, so it stays short enough not to break the line it sits in.
    let describe = move |m: &Milestone| -> (String, String, Option<usize>) {
        let offset = tl.offset.get();
        let clock = clock_at(m.at, offset, false);
        match m.basis {
            Basis::Stated | Basis::StatedLength => (format!("stated {clock}"), String::new(), None),
            Basis::Event(i) => {
                let text = tl.index.with(|x| x.texts.get(i).map(|t| short_label(t)));
                (
                    format!("event {} at {clock}", i + 1),
                    format!(": “{}”", text.unwrap_or_default()),
                    Some(i),
                )
            }
        }
    };
    let items = move || {
        let start = tl.milestones.with(|m| m.impact_start.clone());
        durations
            .get()
            .into_iter()
            .map(|d| {
                let (from, from_quote, from_event) =
                    start.as_ref().map(describe).unwrap_or_default();
                let (to, to_quote, to_event) = describe(&d.to);
                let negative = d.ms < 0.0;
                let stated = d.stated_words();
                let link = move |label: String, quote: String, event: Option<usize>| match event {
                    Some(e) => view! {
                        <button type="button" class="tl-link" on:click=move |_| tl.select(Some(e))>{label}</button>
                        {quote}
                    }
                    .into_any(),
                    None => view! { <span>{label}</span> }.into_any(),
                };
                view! {
                    <div class="tl-duration" class:negative=negative data-testid="key-duration" data-name=d.name>
                        <dt>{d.name}</dt>
                        <dd>
                            <strong data-testid="key-duration-value">{d.value_text()}</strong>
                            <span class="tl-basis">
                                {match stated {
                                    Some(words) => words.into_any(),
                                    None => view! {
                                        "from impact start ("{link(from, from_quote, from_event)}") to "
                                        {link(to, to_quote, to_event)}
                                    }
                                    .into_any(),
                                }}
                            </span>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    let anomalies = move || {
        tl.anomalies
            .get()
            .into_iter()
            .map(|a| {
                let event = a.event;
                view! {
                    <li data-testid="anomaly">
                        <span aria-hidden="true">"⚠ "</span>
                        {a.message}
                        {event.map(|e| view! {
                            " "<button type="button" class="tl-link" on:click=move |_| tl.select(Some(e))>"Show"</button>
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    if compact {
        let line = move || {
            durations
                .get()
                .iter()
                .map(|d| format!("{} {}", d.name, d.value_text()))
                .collect::<Vec<_>>()
                .join(" · ")
        };
        return view! {
            <p class="tl-durations-line" data-testid="key-durations-line">{line}</p>
        }
        .into_any();
    }
    view! {
        <div class="tl-durations-wrap">
            <h3 class="tl-subhead">"Key durations"</h3>
            <Show
                when=move || durations.with(|d| !d.is_empty())
                fallback=move || view! {
                    <p class="empty">{move || tl.milestones.with(why_no_durations)}</p>
                    <EpisodeList />
                }
            >
                <dl class="tl-durations" data-testid="key-durations">{items}</dl>
            </Show>
            <Show when=move || tl.anomalies.with(|a| !a.is_empty())>
                <div class="tl-anomalies" role="note" data-testid="anomalies">
                    <h4>"Times that do not add up"</h4>
                    <ul>{anomalies}</ul>
                </div>
            </Show>
        </div>
    }
    .into_any()
}

/// The separate incidents of a file that logs many, each with when and how long, its first
/// event and a button that shows it on the timeline. Nothing for one incident.
#[component]
fn EpisodeList() -> impl IntoView {
    let tl = timeline_context();
    move || {
        let offset = tl.offset.get();
        let rows: Vec<_> = tl.milestones.with(|m| {
            m.episodes
                .iter()
                .map(|episode| {
                    let window = episode.view_window();
                    let facts = tl.index.with(|x| {
                        episode_facts(episode, offset, |e| x.texts.get(e).map(String::as_str))
                    });
                    view! {
                        <li data-testid="episode">
                            <button type="button" class="tl-link" on:click=move |_| tl.set_window(window)>
                                {facts.when}
                            </button>
                            " · "{facts.length}" · “"{short_label(&facts.first)}"”"
                        </li>
                    }
                })
                .collect()
        });
        (!rows.is_empty())
            .then(|| view! { <ol class="tl-episodes" data-testid="episodes">{rows}</ol> })
    }
}
