//! The metrics chart on the shared time axis: plotters on a canvas, with a DOM overlay for
//! the hover crosshair, tooltip and event highlights, so hovering never redraws the plot.
//!
//! The visible window is `view.window` (shared with the timeline): the wheel zooms about the
//! pointer, dragging pans, a double click (or `0`) shows the whole incident. Hovering near an
//! event marker sets `view.hovered`; clicking it sets `view.selected`.

mod download;
mod overlay;
mod replay;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, PointerEvent, WheelEvent};

use self::overlay::{ChartOverlay, Hover};
use super::embed::{EmbedPart, EmbedParts};
use super::state::app_state;
use crate::analysis::viewport::{self, as_view, ZOOM_STEP};
use crate::analysis::window::TimeWindow;
use crate::draw::chart::export::{chart_svg, visible_csv};
use crate::draw::chart::picture::Picture;
use crate::draw::chart::readout::{readout, Between};
use crate::draw::chart::render::chart_height;
use crate::draw::chart::scene::{Marker, SeriesOrigin};
use crate::draw::chart::{
    chart_scene_with, chart_series_with, draw_chart, ChartLayout, ChartScene, SceneOptions,
};

/// Height of one panel's plot, in CSS pixels.
const PANEL_HEIGHT: u32 = 170;
/// How close (pixels) the pointer must be to an event marker to hover it.
const MARKER_REACH: f64 = 5.0;

fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Draws `scene` on `canvas` at the device's pixel ratio.
fn paint(canvas: &HtmlCanvasElement, scene: &ChartScene) -> Result<ChartLayout, String> {
    let (width, height) = (scene.options.width, scene.options.height);
    let ratio = window().device_pixel_ratio().max(1.0);
    canvas.set_width((f64::from(width) * ratio).round() as u32);
    canvas.set_height((f64::from(height) * ratio).round() as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(|e| format!("{e:?}"))?
        .ok_or("the canvas has no 2d context")?
        .unchecked_into();
    context
        .set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0)
        .map_err(|e| format!("{e:?}"))?;
    let picture = Picture::new(width, height);
    let layout = draw_chart(picture.clone(), scene).map_err(|e| e.to_string())?;
    replay::replay(&context, &picture).map_err(|e| format!("{e:?}"))?;
    Ok(layout)
}

/// A pointer drag in progress: where it started and the window then.
#[derive(Clone, Copy)]
struct Drag {
    x: f64,
    window: TimeWindow,
    moved: bool,
}

/// The metrics chart, or the impact derived from the text when there are no metrics.
#[component]
pub fn MetricsChart(
    /// Which parts to show (an embed may show fewer; the page shows all).
    #[prop(optional)]
    parts: Option<EmbedParts>,
) -> impl IntoView {
    let parts = parts.unwrap_or(EmbedParts::ALL);
    let state = app_state();
    let theme = crate::ui::theme::drawing_theme();
    let incident = state.incident;
    let view_window = state.view.window;
    let canvas = NodeRef::<html::Canvas>::new();
    let plot = NodeRef::<html::Div>::new();
    let width = RwSignal::new(0u32);
    let layout = RwSignal::new(None::<ChartLayout>);
    let markers = StoredValue::new(Vec::<Marker>::new());
    let hover = RwSignal::new(None::<Hover>);
    let render_ms = RwSignal::new(None::<f64>);
    let drawn_points = RwSignal::new(0usize);
    let drag = StoredValue::new(None::<Drag>);

    // The kinds and milestones are found once for every view (`AppState`).
    let (kinds, milestones) = (state.kinds, state.milestones);
    let origin =
        Memo::new(move |_| incident.with(|i| milestones.with(|m| chart_series_with(i, Some(m)).1)));
    let panels = Memo::new(move |_| {
        incident.with(|i| {
            let (series, _) = milestones.with(|m| chart_series_with(i, Some(m)));
            let mut units: Vec<&str> = series.iter().map(|s| s.unit.as_str()).collect();
            units.dedup();
            units.sort_unstable();
            units.dedup();
            units.len()
        })
    });
    let height =
        Memo::new(move |_| chart_height(panels.get(), origin.get().note().is_some(), PANEL_HEIGHT));
    let extent = state.extent;
    let shown = Memo::new(move |_| view_window.get().or(extent.get()));
    let offset = Memo::new(move |_| {
        let zone = state.view.zone.get();
        let at = extent.get().map_or(0.0, |w| w.start);
        incident.with(|i| crate::ui::timeline::zone::offset_minutes(zone, i, at))
    });
    let stem = move || {
        state.document.with(|d| {
            let name = d
                .source_name
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or("incident");
            crate::export::safe_file_stem(name.split('.').next().unwrap_or(name))
        })
    };

    // The plot's width follows the page.
    let measure = move || {
        if let Some(element) = plot.get_untracked() {
            width.set(u32::try_from(element.client_width()).unwrap_or(0));
        }
    };
    Effect::new(move |_| {
        if plot.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // Draw whenever the data, the window, the size or the zone changes.
    Effect::new(move |_| {
        let (w, h, offset, theme) = (width.get(), height.get(), offset.get(), theme.get());
        let (Some(window), Some(canvas)) = (shown.get(), canvas.get()) else {
            layout.set(None);
            return;
        };
        if w == 0 || origin.get() == SeriesOrigin::None {
            layout.set(None);
            return;
        }
        let started = now_ms();
        let options = SceneOptions {
            width: w,
            height: h,
            offset_minutes: offset,
            theme,
        };
        let scene = incident.with_untracked(|i| {
            kinds.with_untracked(|k| {
                milestones.with_untracked(|m| chart_scene_with(i, k, m, window, options))
            })
        });
        match paint(&canvas, &scene) {
            Ok(drawn) => layout.set(Some(drawn)),
            Err(error) => leptos::logging::error!("{error}"),
        }
        let mut sorted = scene.markers.clone();
        sorted.sort_by(|a, b| a.at.total_cmp(&b.at));
        markers.set_value(sorted);
        drawn_points.set(
            scene
                .panels
                .iter()
                .flat_map(|p| &p.series)
                .map(|s| s.points.len())
                .sum(),
        );
        render_ms.set(Some(now_ms() - started));
        hover.set(None);
    });

    // The event marker nearest to pixel column `x`, if within reach (binary search by time).
    let marker_near = move |x: f64| -> Option<usize> {
        layout.with_untracked(|l| {
            let l = l.as_ref()?;
            let at = l.time_at(x)?;
            let reach = MARKER_REACH / l.plot_width().max(1.0) * l.window.span();
            markers.with_value(|m| {
                let i = m.partition_point(|marker| marker.at < at);
                [i.checked_sub(1), Some(i)]
                    .into_iter()
                    .flatten()
                    .filter_map(|i| m.get(i))
                    .filter(|marker| (marker.at - at).abs() <= reach)
                    .min_by(|a, b| (a.at - at).abs().total_cmp(&(b.at - at).abs()))
                    .map(|marker| marker.index)
            })
        })
    };

    let on_pointer_move = move |event: PointerEvent| {
        let x = f64::from(event.offset_x());
        if let Some(mut started) = drag.get_value() {
            let dx = x - started.x;
            if dx.abs() > 3.0 {
                started.moved = true;
                drag.set_value(Some(started));
            }
            if started.moved {
                let plot_px = layout.with_untracked(|l| l.as_ref().map(ChartLayout::plot_width));
                if let (Some(px), Some(bounds)) = (plot_px, extent.get_untracked()) {
                    let delta = -dx / px.max(1.0) * started.window.span();
                    view_window.set(as_view(
                        viewport::pan(started.window, delta, bounds),
                        bounds,
                    ));
                }
                return;
            }
        }
        let Some(at) = layout.with_untracked(|l| l.as_ref().and_then(|l| l.time_at(x))) else {
            return;
        };
        let readings = incident.with_untracked(|i| {
            let (series, origin) = milestones.with_untracked(|m| chart_series_with(i, Some(m)));
            let between = if origin == SeriesOrigin::Derived {
                Between::Step
            } else {
                Between::Nearest
            };
            readout(&series, at, between, theme.get_untracked())
        });
        let near = marker_near(x);
        if state.view.hovered.get_untracked() != near {
            state.view.hovered.set(near);
        }
        hover.set(Some(Hover { x, readings }));
    };
    let on_pointer_leave = move |_: PointerEvent| {
        hover.set(None);
        if drag.get_value().is_none() {
            state.view.hovered.set(None);
        }
    };
    let on_pointer_down = move |event: PointerEvent| {
        if event.button() != 0 {
            return;
        }
        if let Some(window) = shown.get_untracked() {
            drag.set_value(Some(Drag {
                x: f64::from(event.offset_x()),
                window,
                moved: false,
            }));
            if let Some(target) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = target.set_pointer_capture(event.pointer_id());
            }
        }
    };
    let on_pointer_up = move |event: PointerEvent| {
        let was = drag.get_value();
        drag.set_value(None);
        if was.is_some_and(|d| !d.moved) {
            if let Some(index) = marker_near(f64::from(event.offset_x())) {
                state.view.selected.set(Some(index));
            }
        }
    };
    let on_wheel = move |event: WheelEvent| {
        let (Some(window), Some(bounds)) = (shown.get_untracked(), extent.get_untracked()) else {
            return;
        };
        let Some(anchor) = layout.with_untracked(|l| {
            l.as_ref()
                .and_then(|l| l.time_at(f64::from(event.offset_x())))
        }) else {
            return;
        };
        event.prevent_default();
        let factor = viewport::wheel_factor(event.delta_y());
        view_window.set(as_view(
            viewport::zoom_about(window, anchor, factor, bounds),
            bounds,
        ));
    };
    let on_key = move |event: web_sys::KeyboardEvent| {
        let (Some(window), Some(bounds)) = (shown.get_untracked(), extent.get_untracked()) else {
            return;
        };
        let next = match event.key().as_str() {
            "+" | "=" => viewport::zoom_centre(window, ZOOM_STEP, bounds),
            "-" | "_" => viewport::zoom_centre(window, 1.0 / ZOOM_STEP, bounds),
            "ArrowLeft" => viewport::pan(window, -window.span() * 0.1, bounds),
            "ArrowRight" => viewport::pan(window, window.span() * 0.1, bounds),
            "0" | "Escape" => bounds,
            _ => return,
        };
        let next = as_view(next, bounds);
        event.prevent_default();
        view_window.set(next);
    };
    let mut wheel = ev::Custom::<WheelEvent>::new("wheel");
    wheel.options_mut().set_passive(false);

    let export_png = move |_| {
        if let Some(canvas) = canvas.get_untracked() {
            match canvas.to_data_url() {
                Ok(url) => {
                    let _ = download::download_url(&format!("{}-chart.png", stem()), &url);
                }
                Err(error) => leptos::logging::error!("{error:?}"),
            }
        }
    };
    let export_svg = move |_| {
        let Some(window) = shown.get_untracked() else {
            return;
        };
        let options = SceneOptions {
            width: width.get_untracked().max(640),
            height: height.get_untracked(),
            offset_minutes: offset.get_untracked(),
            theme: theme.get_untracked(),
        };
        let svg = incident.with_untracked(|i| {
            kinds.with_untracked(|k| {
                milestones
                    .with_untracked(|m| chart_svg(&chart_scene_with(i, k, m, window, options)))
            })
        });
        let _ = download::download_text(&format!("{}-chart.svg", stem()), "image/svg+xml", &svg);
    };
    let export_csv = move |_| {
        let Some(window) = shown.get_untracked() else {
            return;
        };
        let csv = incident.with_untracked(|i| {
            milestones.with_untracked(|m| {
                visible_csv(
                    &chart_series_with(i, Some(m)).0,
                    window,
                    offset.get_untracked(),
                )
            })
        });
        let _ = download::download_text(&format!("{}-visible.csv", stem()), "text/csv", &csv);
    };

    let note = move || origin.get().note();
    let plot_view = view! {
        <div
            class="chart-plot"
            node_ref=plot
            tabindex="0"
            role="img"
            aria-label=move || {
                incident.with(|i| {
                    let names: Vec<String> = milestones.with(|m| chart_series_with(i, Some(m)).0.iter().map(|s| s.name.clone()).collect::<Vec<_>>());
                    format!("Chart of {} over the incident, with a line per timeline event", names.join(", "))
                })
            }
            data-testid="chart-plot"
            hidden=move || origin.get() == SeriesOrigin::None
            on:pointermove=on_pointer_move
            on:pointerleave=on_pointer_leave
            on:pointerdown=on_pointer_down
            on:pointerup=on_pointer_up
            // The browser took the gesture (a vertical swipe scrolls the page): no drag.
            on:pointercancel=move |_| drag.set_value(None)
            on:dblclick=move |_| view_window.set(None)
            on:keydown=on_key
            style:height=move || format!("{}px", height.get())
        >
            <canvas
                node_ref=canvas
                data-testid="chart-canvas"
                style:width=move || format!("{}px", width.get())
                style:height=move || format!("{}px", height.get())
            ></canvas>
            <ChartOverlay hover=hover layout=layout offset=offset.into() />
        </div>
    }
    .into_inner()
    .on(wheel, on_wheel);

    view! {
        <section
            class="card chart"
            aria-labelledby="chart-heading"
            data-testid="metrics-chart"
            data-origin=move || format!("{:?}", origin.get()).to_lowercase()
            data-render-ms=move || render_ms.get().map(|ms| format!("{ms:.2}"))
            data-drawn-points=move || drawn_points.get().to_string()
            data-window-start=move || layout.with(|l| l.as_ref().map(|l| format!("{}", l.window.start)))
            data-window-end=move || layout.with(|l| l.as_ref().map(|l| format!("{}", l.window.end)))
        >
            <header class="chart-header">
                // Without its heading part the name stays for screen readers.
                <h2 id="chart-heading" class:visually-hidden=!parts.has(EmbedPart::Heading)>
                    {move || if origin.get() == SeriesOrigin::Derived { "Impact over time" } else { "Error rate and metrics" }}
                </h2>
                {parts.has(EmbedPart::Actions).then(|| view! {
                // Nothing to show, export or zoom without a series.
                <div class="chart-actions" role="group" aria-label="Chart view and export"
                    hidden=move || origin.get() == SeriesOrigin::None>
                    <button
                        type="button"
                        data-testid="chart-reset"
                        disabled=move || view_window.get().is_none()
                        on:click=move |_| view_window.set(None)
                    >
                        "Show all"
                    </button>
                    <button type="button" data-testid="export-png" on:click=export_png>"PNG"</button>
                    <button type="button" data-testid="export-svg" on:click=export_svg>"SVG"</button>
                    <button type="button" data-testid="export-csv" on:click=export_csv>"CSV"</button>
                </div>
                })}
            </header>
            {move || note().map(|text| view! { <p class="chart-note" data-testid="chart-note">{text}</p> })}
            {move || (origin.get() == SeriesOrigin::None).then(|| view! {
                <p class="empty" data-testid="chart-empty">
                    "No metrics, and no stated share of affected users to derive them from."
                </p>
            })}
            {plot_view}
            {parts.has(EmbedPart::Help).then(|| view! {
                <p class="chart-help" hidden=move || origin.get() == SeriesOrigin::None>"Scroll to zoom, drag to pan, double-click to show all. Hover a line to see its event; click to select it."</p>
            })}
        </section>
    }
}
