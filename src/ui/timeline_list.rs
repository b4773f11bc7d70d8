//! The timeline as an ordered list of events with their 24-hour times.

use leptos::prelude::*;

use super::rich_text::RichText;
use crate::analysis::format;
use crate::model::Incident;

/// Every timeline event, in written order.
#[component]
pub fn TimelineList(
    /// The open incident.
    incident: Signal<Incident>,
) -> impl IntoView {
    view! {
        <section class="card timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">"Timeline"</h2>
            <Show
                when=move || incident.with(|i| !i.timeline.is_empty())
                fallback=|| view! { <p class="empty">"This postmortem has no timeline entries."</p> }
            >
                <ol class="events" data-testid="timeline">
                    {move || {
                        incident.with(|i| {
                            i.timeline
                                .iter()
                                .map(|event| {
                                    view! {
                                        <li class="event" data-testid="event" class:inferred=event.inferred>
                                            <time
                                                datetime=event.at.to_string()
                                                title=format::full_moment(&event.at)
                                            >
                                                {format::clock_24h(&event.at)}
                                            </time>
                                            <span class="event-text">
                                                <RichText text=event.text.clone() />
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </ol>
            </Show>
        </section>
    }
}
