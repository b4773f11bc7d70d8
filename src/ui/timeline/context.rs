//! State the timeline's pieces share, provided by [`TimelineView`](crate::ui::timeline_view):
//! the indexed events, phases and extent of the open incident (recomputed only when it
//! changes), the kind filter, the search, the zone offset, and the canvas width.

use std::sync::Arc;

use leptos::prelude::*;

use super::zone::shown_zone;
use crate::analysis::anomalies::{anomalies_with, Anomaly};
use crate::analysis::milestones::Milestones;
use crate::analysis::phases::{phases, Phase};
use crate::analysis::viewport;
use crate::analysis::window::TimeWindow;
use crate::analysis::zones::ShownZone;
use crate::draw::timeline::{is_hidden, EventIndex};
use crate::ui::state::AppState;

/// What the timeline's components share.
#[derive(Debug, Clone, Copy)]
pub struct TimelineContext {
    /// The app state.
    pub state: AppState,
    /// Events by time.
    pub index: Memo<Arc<EventIndex>>,
    /// Phase bands.
    pub phases: Memo<Vec<Phase>>,
    /// The milestones.
    pub milestones: Memo<Milestones>,
    /// Odd times.
    pub anomalies: Memo<Vec<Anomaly>>,
    /// The whole incident (the zoom-out limit); `None` when nothing has a time.
    pub extent: Memo<Option<TimeWindow>>,
    /// Filtered-out kinds, bit `k` = `EventKind::ALL[k]`.
    pub hidden: RwSignal<u16>,
    /// The search text.
    pub search: RwSignal<String>,
    /// Which events match the search (by event index); empty when there is no search.
    pub matches: Memo<Arc<Vec<bool>>>,
    /// The chosen zone, and whether the postmortem stated it.
    pub zone: Memo<ShownZone>,
    /// The chosen zone's offset in minutes east of UTC.
    pub offset: Memo<i32>,
    /// Width of the main canvas in CSS pixels (0 until measured).
    pub width: RwSignal<f64>,
}

impl TimelineContext {
    /// Builds the context over `state`.
    pub fn new(state: AppState) -> TimelineContext {
        let incident = state.incident;
        // The kinds are classified once, for every view (`AppState::kinds`).
        let kinds = state.kinds;
        let index =
            Memo::new(move |_| incident.with(|i| Arc::new(EventIndex::with_kinds(i, kinds.get()))));
        let milestones = state.milestones;
        let phases = Memo::new(move |_| milestones.with(phases));
        let this_year = js_sys::Date::new_0().get_full_year() as i32;
        let anomalies = Memo::new(move |_| {
            incident.with(|i| milestones.with(|m| anomalies_with(i, m, this_year)))
        });
        let extent = state.extent;
        let search = RwSignal::new(String::new());
        let matches = Memo::new(move |_| {
            let needle = search.with(|s| s.trim().to_lowercase());
            if needle.is_empty() {
                return Arc::new(Vec::new());
            }
            index.with(|index| {
                Arc::new(
                    index
                        .texts
                        .iter()
                        .map(|t| t.to_lowercase().contains(&needle))
                        .collect(),
                )
            })
        });
        let zone = state.view.zone;
        let shown = Memo::new(move |_| {
            let at = extent.get().map_or(0.0, |e| (e.start + e.end) / 2.0);
            incident.with(|i| shown_zone(zone.get(), i, at))
        });
        let offset = Memo::new(move |_| shown.get().minutes);
        TimelineContext {
            state,
            index,
            phases,
            milestones,
            anomalies,
            extent,
            hidden: RwSignal::new(0),
            search,
            matches,
            zone: shown,
            offset,
            width: RwSignal::new(0.0),
        }
    }

    /// The visible window: the shared one, else the whole incident.
    pub fn window(&self) -> Option<TimeWindow> {
        self.state.view.window.get().or_else(|| self.extent.get())
    }

    /// Sets the visible window (clamped to the incident); the whole incident is stored as `None`.
    pub fn set_window(&self, window: TimeWindow) {
        let Some(bounds) = self.extent.get_untracked() else {
            return;
        };
        let next = viewport::clamp(window, bounds);
        let whole = (next.start - bounds.start).abs() < 1.0 && (next.end - bounds.end).abs() < 1.0;
        self.state
            .view
            .window
            .set(if whole { None } else { Some(next) });
    }

    /// Applies `change` to the current window.
    pub fn change_window(&self, change: impl FnOnce(TimeWindow, TimeWindow) -> TimeWindow) {
        let (Some(bounds), Some(current)) = (
            self.extent.get_untracked(),
            self.state
                .view
                .window
                .get_untracked()
                .or(self.extent.get_untracked()),
        ) else {
            return;
        };
        self.set_window(change(current, bounds));
    }

    /// True when `event` passes the kind filter.
    pub fn shown(&self, event: usize) -> bool {
        let hidden = self.hidden.get_untracked();
        self.index
            .with_untracked(|i| i.kinds.get(event).is_some_and(|&k| !is_hidden(hidden, k)))
    }

    /// Moves the keyboard cursor (the shared hovered event) by `step` shown events and keeps it
    /// in view.
    pub fn step_cursor(&self, step: isize) {
        let view = self.state.view;
        let from = view
            .hovered
            .get_untracked()
            .or(view.selected.get_untracked());
        let hidden = self.hidden.get_untracked();
        let next = self
            .index
            .with_untracked(|index| index.step(from, step, |e| !is_hidden(hidden, index.kinds[e])));
        if let Some(event) = next {
            view.hovered.set(Some(event));
            self.reveal(event);
        }
    }

    /// Moves the keyboard cursor to the first (`step` = 1) or last (-1) shown event.
    pub fn cursor_edge(&self, step: isize) {
        let hidden = self.hidden.get_untracked();
        let edge = self
            .index
            .with_untracked(|index| index.step(None, step, |e| !is_hidden(hidden, index.kinds[e])));
        if let Some(event) = edge {
            self.state.view.hovered.set(Some(event));
            self.reveal(event);
        }
    }

    /// Selects `event` (or clears the selection) and keeps it in view.
    pub fn select(&self, event: Option<usize>) {
        self.state.view.selected.set(event);
        if let Some(event) = event {
            self.state.view.hovered.set(Some(event));
            self.reveal(event);
        }
    }

    /// Pans as little as needed to show `event`.
    pub fn reveal(&self, event: usize) {
        let Some(at) = self.index.with_untracked(|i| i.at.get(event).copied()) else {
            return;
        };
        self.change_window(|w, bounds| viewport::reveal(w, at, 0.08, bounds));
    }
}

/// The timeline context provided by the view.
pub fn timeline_context() -> TimelineContext {
    expect_context::<TimelineContext>()
}
