//! The layer over the plot: crosshair, a dot per series on its nearest sample, the tooltip,
//! and the hovered and selected events. Plain positioned elements, so hovering changes a few
//! styles and texts and never redraws the canvas.

use leptos::prelude::*;

use crate::analysis::format::clock_24h;
use crate::analysis::window::axis_ms;
use crate::draw::chart::readout::Reading;
use crate::draw::chart::render::format_value;
use crate::draw::chart::scene::{css_color, kind_color};
use crate::draw::chart::ticks::full_label;
use crate::draw::chart::ChartLayout;
use crate::model::EventKind;
use crate::ui::state::app_state;

/// What is under the pointer.
#[derive(Debug, Clone, PartialEq)]
pub struct Hover {
    /// Pixel column of the pointer in the plot.
    pub x: f64,
    /// Each series' nearest sample.
    pub readings: Vec<Reading>,
}

/// The hover crosshair and tooltip, and the hovered and selected events.
#[component]
pub fn ChartOverlay(
    /// What the pointer is over, if anything.
    hover: RwSignal<Option<Hover>>,
    /// Where the plots were drawn.
    layout: RwSignal<Option<ChartLayout>>,
    /// The displayed zone, minutes east of UTC.
    offset: Signal<i32>,
) -> impl IntoView {
    let state = app_state();
    let theme = crate::ui::theme::drawing_theme();
    let plot_rows = move || {
        layout.with(|l| {
            l.as_ref()
                .and_then(|l| Some((l.panels.first()?.y.0, l.panels.last()?.y.1)))
        })
    };

    let crosshair = move || {
        let (x, (top, bottom)) = (hover.with(|h| h.as_ref().map(|h| h.x))?, plot_rows()?);
        Some(view! {
            <div
                class="chart-crosshair"
                style:left=format!("{x}px")
                style:top=format!("{top}px")
                style:height=format!("{}px", bottom - top)
            ></div>
        })
    };

    let dots = move || {
        hover.with(|h| {
            let h = h.as_ref()?;
            layout.with(|l| {
                let l = l.as_ref()?;
                Some(
                    h.readings
                        .iter()
                        .filter_map(|r| {
                            let (x, y) = (l.x_of(r.at)?, l.y_of(r.panel, r.value)?);
                            Some(view! {
                                <div
                                    class="chart-dot"
                                    style:left=format!("{x}px")
                                    style:top=format!("{y}px")
                                    style:background=css_color(r.color)
                                ></div>
                            })
                        })
                        .collect_view(),
                )
            })
        })
    };

    let tooltip = move || {
        hover.with(|h| {
            let h = h.as_ref()?;
            let first = h.readings.first()?;
            let width = layout.with(|l| l.as_ref().map(ChartLayout::plot_right))?;
            let flip = h.x > width * 0.6;
            let (left, right) = if flip {
                (None, Some(format!("{}px", width - h.x + 14.0)))
            } else {
                (Some(format!("{}px", h.x + 14.0)), None)
            };
            let rows = h
                .readings
                .iter()
                .map(|r| {
                    view! {
                        <li>
                            <span class="swatch" style:background=css_color(r.color)></span>
                            <span class="name">{r.name.clone()}</span>
                            <span class="value" data-testid="chart-tooltip-value">{format_value(r.value, &r.unit)}</span>
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <div class="chart-tooltip" role="status" data-testid="chart-tooltip" style:left=left style:right=right>
                    <p class="time">{full_label(first.at, offset.get())}</p>
                    <ul>{rows}</ul>
                </div>
            })
        })
    };

    // An event marked on the chart: hovered (with its text) or selected.
    let event_mark = move |index: Option<usize>, class: &'static str| {
        let index = index?;
        let (at, kind, text, clock) = state.incident.with(|i| {
            i.timeline.get(index).map(|e| {
                let kind = state
                    .kinds
                    .with(|k| k.get(index).copied().unwrap_or(EventKind::Other));
                (axis_ms(&e.at), kind, e.text.clone(), clock_24h(&e.at))
            })
        })?;
        let (x, top, bottom, right) = layout.with(|l| {
            let l = l.as_ref()?;
            (at >= l.window.start && at <= l.window.end).then_some(())?;
            Some((
                l.x_of(at)?,
                l.panels.first()?.y.0,
                l.panels.last()?.y.1,
                l.plot_right(),
            ))
        })?;
        let color = css_color(kind_color(kind, theme.get()));
        let label = (class == "hovered").then(|| {
            let flip = x > right * 0.6;
            // Positions go through CSSOM (`style:`): no style attributes under the CSP.
            let (left, right_edge) = if flip {
                (None, Some(format!("{}px", right - x + 6.0)))
            } else {
                (Some(format!("{}px", x + 6.0)), None)
            };
            view! {
                <p class="chart-event-label" data-testid="chart-event-label" style:left=left style:right=right_edge style:border-color=color.clone()>
                    <time>{clock}</time>" "{text}
                </p>
            }
        });
        Some(view! {
            <div
                class=format!("chart-event {class}")
                style:left=format!("{x}px")
                style:top=format!("{top}px")
                style:height=format!("{}px", bottom - top)
                style:background=color.clone()
            ></div>
            {label}
        })
    };

    view! {
        <div class="chart-overlay" aria-hidden="true">
            {move || event_mark(state.view.selected.get(), "selected")}
            {move || event_mark(state.view.hovered.get(), "hovered")}
            {crosshair}
            {dots}
        </div>
        {tooltip}
    }
}
