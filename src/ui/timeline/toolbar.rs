//! The timeline's toolbar: zoom in/out, fit, the time-zone switch and the search box.

use leptos::prelude::*;

use super::context::timeline_context;
use super::perf;
use super::zone::{button_label, shown_zone, slug};
use crate::analysis::viewport::{self, ZOOM_STEP};
use crate::ui::state::ZoneChoice;

/// Zoom buttons, zone switch and search.
#[component]
pub fn Toolbar() -> impl IntoView {
    let tl = timeline_context();
    let view = tl.state.view;
    let zoom = move |factor: f64| {
        perf::mark_input();
        tl.change_window(|w, b| viewport::zoom_centre(w, factor, b));
    };
    let zone_button = move |choice: ZoneChoice| {
        let label = move || {
            let at = tl.extent.get().map_or(0.0, |e| (e.start + e.end) / 2.0);
            let zone = tl.state.incident.with(|i| shown_zone(choice, i, at));
            button_label(choice, zone)
        };
        // Converting times written without a zone rests on reading them as UTC: say so.
        let assumption = move || {
            let unstated = tl
                .state
                .incident
                .with(|i| !crate::analysis::zones::incident_zone(i).stated);
            (unstated && choice != ZoneChoice::Incident).then_some(
                "The postmortem states no zone: its times are read as UTC to convert them",
            )
        };
        view! {
            <button
                type="button"
                class="tl-seg"
                aria-pressed=move || (view.zone.get() == choice).to_string()
                data-testid=format!("zone-{}", slug(choice))
                title=assumption
                on:click=move |_| view.zone.set(choice)
            >
                {label}
            </button>
        }
    };
    let match_count = move || {
        let matches = tl.matches.get();
        if tl.search.with(|s| s.trim().is_empty()) {
            String::new()
        } else {
            let n = matches.iter().filter(|&&m| m).count();
            match n {
                0 => "no match".to_string(),
                1 => "1 match".to_string(),
                n => format!("{n} matches"),
            }
        }
    };
    // Enter in the search box jumps to the next match.
    let next_match = move || {
        let matches = tl.matches.get_untracked();
        let from = view.selected.get_untracked();
        let next = tl.index.with_untracked(|index| {
            index
                .step(from, 1, |e| matches.get(e).copied().unwrap_or(false))
                .or_else(|| index.step(None, 1, |e| matches.get(e).copied().unwrap_or(false)))
        });
        if next.is_some() {
            tl.select(next);
        }
    };

    view! {
        <div class="tl-toolbar" role="toolbar" aria-label="Timeline controls">
            <div class="tl-group" role="group" aria-label="Zoom">
                <button type="button" class="tl-btn" aria-label="Zoom in" title="Zoom in (+)"
                    data-testid="zoom-in" on:click=move |_| zoom(ZOOM_STEP)>"+"</button>
                <button type="button" class="tl-btn" aria-label="Zoom out" title="Zoom out (−)"
                    data-testid="zoom-out" on:click=move |_| zoom(1.0 / ZOOM_STEP)>"−"</button>
                <button type="button" class="tl-btn tl-fit" title="Show the whole incident (0)"
                    data-testid="zoom-fit" on:click=move |_| view.window.set(None)>"Fit"</button>
            </div>
            <div class="tl-group tl-zones" role="group" aria-label="Time zone">
                {zone_button(ZoneChoice::Incident)}
                {zone_button(ZoneChoice::Local)}
                {zone_button(ZoneChoice::Utc)}
            </div>
            <div class="tl-search">
                <label for="tl-search-input" class="visually-hidden">"Search events"</label>
                <input
                    id="tl-search-input"
                    type="search"
                    placeholder="Search events"
                    autocomplete="off"
                    data-testid="timeline-search"
                    prop:value=move || tl.search.get()
                    on:input=move |ev| tl.search.set(event_target_value(&ev))
                    on:keydown=move |ev| {
                        if ev.key() == "Enter" {
                            ev.prevent_default();
                            next_match();
                        }
                    }
                />
                <output class="tl-match-count" aria-live="polite" data-testid="match-count">
                    {match_count}
                </output>
            </div>
        </div>
    }
}
