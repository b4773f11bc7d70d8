//! The overview strip under the timeline: the whole incident (phases and event density) with
//! the visible window as a box one can drag, resize by its edges, or move with the keyboard.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, PointerEvent};

use super::context::timeline_context;
use super::paint::paint_overview;
use super::perf;
use crate::analysis::format::clock_at;
use crate::analysis::viewport;
use crate::analysis::window::TimeWindow;
use crate::draw::palette::phase_colour;
use crate::draw::timeline::{density, x_of};

const HEIGHT: f64 = 44.0;

/// What a drag on the overview does.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Drag {
    Move,
    ResizeStart,
    ResizeEnd,
}

/// The overview strip.
#[component]
pub fn Overview() -> impl IntoView {
    let tl = timeline_context();
    let theme = crate::ui::theme::drawing_theme();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let strip_ref = NodeRef::<html::Div>::new();
    let drag: StoredValue<Option<(Drag, f64, TimeWindow)>> = StoredValue::new(None);

    Effect::new(move |_| {
        let (Some(canvas), Some(extent)) = (canvas_ref.get(), tl.extent.get()) else {
            return;
        };
        let width = tl.width.get();
        if width <= 0.0 {
            return;
        }
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        canvas.set_width((width * dpr).round() as u32);
        canvas.set_height((HEIGHT * dpr).round() as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let theme = theme.get();
        let bands: Vec<(f64, f64, &'static str)> = tl.phases.with(|phases| {
            phases
                .iter()
                .map(|p| {
                    (
                        x_of(extent, width, p.start),
                        x_of(extent, width, p.end),
                        phase_colour(p.kind, theme),
                    )
                })
                .collect()
        });
        let buckets = (width / 3.0).max(1.0) as usize;
        let counts = tl.index.with(|i| density(i, extent, buckets));
        let selected_x = tl
            .state
            .view
            .selected
            .get()
            .and_then(|e| tl.index.with(|i| i.at.get(e).copied()))
            .map(|at| x_of(extent, width, at));
        paint_overview(
            &ctx,
            &bands,
            &counts,
            selected_x,
            (width, HEIGHT, dpr),
            theme,
        );
    });

    // The visible window's box, in percent of the strip (`None` hides it).
    let window_box = move || {
        let (Some(extent), Some(window)) = (tl.extent.get(), tl.window()) else {
            return None;
        };
        let left = (window.start - extent.start) / extent.span() * 100.0;
        let width = window.span() / extent.span() * 100.0;
        Some((format!("{left:.3}%"), format!("{width:.3}%")))
    };
    let ms_per_px = move || {
        let width = tl.width.get_untracked().max(1.0);
        tl.extent.get_untracked().map_or(0.0, |e| e.span() / width)
    };
    let local_x = move |event: &PointerEvent| -> f64 {
        strip_ref.get_untracked().map_or(0.0, |el| {
            f64::from(event.client_x()) - el.get_bounding_client_rect().left()
        })
    };

    let down = move |event: PointerEvent| {
        if event.button() != 0 {
            return;
        }
        let (Some(extent), Some(window)) = (tl.extent.get_untracked(), tl.window()) else {
            return;
        };
        let target = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let role = target
            .and_then(|t| t.get_attribute("data-drag"))
            .unwrap_or_default();
        let x = local_x(&event);
        let mode = match role.as_str() {
            "start" => Drag::ResizeStart,
            "end" => Drag::ResizeEnd,
            "move" => Drag::Move,
            _ => {
                // A press outside the box centres the window there, then drags it.
                let at = extent.start + x * ms_per_px();
                perf::mark_input();
                tl.set_window(TimeWindow {
                    start: at - window.span() / 2.0,
                    end: at + window.span() / 2.0,
                });
                Drag::Move
            }
        };
        if let Some(el) = strip_ref.get_untracked() {
            let _ = el.set_pointer_capture(event.pointer_id());
        }
        event.prevent_default();
        drag.set_value(tl.window().map(|w| (mode, x, w)));
    };
    let moved = move |event: PointerEvent| {
        let Some((mode, x0, start)) = drag.get_value() else {
            return;
        };
        let Some(bounds) = tl.extent.get_untracked() else {
            return;
        };
        let delta = (local_x(&event) - x0) * ms_per_px();
        let min = viewport::MIN_SPAN_MS;
        perf::mark_input();
        match mode {
            Drag::Move => tl.set_window(viewport::pan(start, delta, bounds)),
            Drag::ResizeStart => tl.set_window(TimeWindow {
                start: (start.start + delta).min(start.end - min),
                end: start.end,
            }),
            Drag::ResizeEnd => tl.set_window(TimeWindow {
                start: start.start,
                end: (start.end + delta).max(start.start + min),
            }),
        }
    };
    let up = move |_: PointerEvent| drag.set_value(None);
    let key = move |event: web_sys::KeyboardEvent| {
        let step = |w: TimeWindow| w.span() * 0.1;
        perf::mark_input();
        let used = match (event.key().as_str(), event.shift_key()) {
            ("ArrowLeft", false) => {
                tl.change_window(|w, b| viewport::pan(w, -step(w), b));
                true
            }
            ("ArrowRight", false) => {
                tl.change_window(|w, b| viewport::pan(w, step(w), b));
                true
            }
            ("ArrowLeft", true) => {
                tl.change_window(|w, b| viewport::zoom_centre(w, 1.0 / viewport::ZOOM_STEP, b));
                true
            }
            ("ArrowRight", true) => {
                tl.change_window(|w, b| viewport::zoom_centre(w, viewport::ZOOM_STEP, b));
                true
            }
            _ => false,
        };
        if used {
            event.prevent_default();
        }
    };
    let value_text = move || {
        tl.window().map(|w| {
            let offset = tl.offset.get();
            format!(
                "Showing {} to {}",
                clock_at(w.start, offset, false),
                clock_at(w.end, offset, false)
            )
        })
    };

    view! {
        <div
            class="tl-overview"
            node_ref=strip_ref
            data-testid="timeline-overview"
            on:pointerdown=down
            on:pointermove=moved
            on:pointerup=up
            on:pointercancel=up
        >
            <canvas node_ref=canvas_ref class="tl-overview-canvas" style:height=format!("{HEIGHT}px") aria-hidden="true"></canvas>
            <div
                class="tl-overview-window"
                hidden=move || window_box().is_none()
                style:left=move || window_box().map(|b| b.0)
                style:width=move || window_box().map(|b| b.1)
                data-drag="move"
                tabindex="0"
                role="group"
                aria-roledescription="visible window"
                aria-label=value_text
                title="Drag to move, drag the edges to resize; ←/→ move, Shift+←/→ resize"
                data-testid="overview-window"
                on:keydown=key
            >
                <span class="tl-handle start" data-drag="start" aria-hidden="true"></span>
                <span class="tl-handle end" data-drag="end" aria-hidden="true"></span>
            </div>
        </div>
    }
}
