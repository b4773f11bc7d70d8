//! The legend of event kinds, which is also the filter: each kind with its colour, icon and
//! count, as a toggle button.

use leptos::prelude::*;

use super::context::timeline_context;
use crate::draw::palette::kind_colour;
use crate::draw::timeline::{is_hidden, kind_icon};
use crate::model::EventKind;

/// An inline SVG of a kind's icon (numbers only, no text from the incident).
#[component]
pub fn KindIcon(
    /// The kind to draw.
    kind: EventKind,
) -> impl IntoView {
    let icon = kind_icon(kind);
    let theme = crate::ui::theme::drawing_theme();
    let colour = move || kind_colour(kind, theme.get());
    let paths = icon
        .paths
        .iter()
        .map(|path| {
            let mut d = String::new();
            for (i, (x, y)) in path.iter().enumerate() {
                d.push_str(&format!("{}{:.2} {:.2} ", if i == 0 { 'M' } else { 'L' }, x, y));
            }
            if icon.closed {
                d.push('Z');
            }
            let filled = icon.filled;
            let fill = move || if filled { colour() } else { "none" };
            let stroke = move || if filled { "none" } else { colour() };
            view! { <path d=d fill=fill stroke=stroke stroke-width="0.35" stroke-linecap="round" stroke-linejoin="round" /> }
        })
        .collect_view();
    view! {
        <svg class="tl-icon" viewBox="-1.2 -1.2 2.4 2.4" width="14" height="14" aria-hidden="true" focusable="false">
            {paths}
        </svg>
    }
}

/// Legend and kind filter.
#[component]
pub fn Legend() -> impl IntoView {
    let tl = timeline_context();
    let counts = Memo::new(move |_| {
        tl.index.with(|index| {
            let mut counts = [0usize; EventKind::ALL.len()];
            for kind in &index.kinds {
                if let Some(at) = EventKind::ALL.iter().position(|k| k == kind) {
                    counts[at] += 1;
                }
            }
            counts
        })
    });
    let items = move || {
        EventKind::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| counts.get()[*i] > 0)
            .map(|(i, &kind)| {
                let pressed = move || !is_hidden(tl.hidden.get(), kind);
                view! {
                    <li>
                        <button
                            type="button"
                            class="tl-kind"
                            aria-pressed=move || pressed().to_string()
                            data-testid=format!("kind-{}", kind.slug())
                            title=move || if pressed() { "Hide these events" } else { "Show these events" }
                            on:click=move |_| tl.hidden.update(|h| *h ^= 1 << i)
                        >
                            <KindIcon kind=kind />
                            <span class="tl-kind-name">{kind.label()}</span>
                            <span class="tl-kind-count">{move || counts.get()[i]}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="tl-legend">
            <h3 class="visually-hidden" id="tl-legend-heading">"Event kinds (legend and filter)"</h3>
            <ul aria-labelledby="tl-legend-heading" data-testid="timeline-legend">{items}</ul>
            <Show when=move || tl.hidden.get() != 0>
                <button type="button" class="tl-link" on:click=move |_| tl.hidden.set(0)>"Show all kinds"</button>
            </Show>
        </div>
    }
}
