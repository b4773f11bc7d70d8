//! The main timeline canvas and everything one does on it: wheel/trackpad and pinch zoom,
//! drag to pan, double-click zoom, click to select, and the keyboard (arrows pan, ↑/↓ step
//! through events, Enter selects, +/− zoom, 0 fits). Tick labels are DOM text over the canvas
//! (readable by tests and screen readers); markers and labels are painted.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, PointerEvent, WheelEvent};

use super::context::{timeline_context, TimelineContext};
use super::paint::{paint_stage, Highlights};
use super::perf;
use crate::analysis::format::{axis_context_at, date_time_at};
use crate::analysis::ticks::{ticks, LABEL_EDGE_PX};
use crate::analysis::viewport::{self, wheel_factor};
use crate::analysis::window::TimeWindow;
use crate::draw::timeline::{ms_at, scene, x_of, Scene, SceneInput};

/// Height of the main canvas in CSS pixels.
const HEIGHT: f64 = 280.0;

/// An ongoing pointer gesture: one pointer drags, two pinch.
#[derive(Debug, Default)]
struct Gesture {
    /// Active pointers: id and x.
    pointers: Vec<(i32, f64)>,
    /// Window and pointer positions when the gesture (re)started.
    start_window: Option<TimeWindow>,
    start_xs: Vec<f64>,
    /// True once the pointer moved far enough to be a drag rather than a click.
    moved: bool,
}

/// The main timeline: canvas, tick labels, and the live region that announces the cursor.
#[component]
pub fn Stage() -> impl IntoView {
    let tl = timeline_context();
    let theme = crate::ui::theme::drawing_theme();
    let view = tl.state.view;
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let stage_ref = NodeRef::<html::Div>::new();
    let scene_store: StoredValue<Option<Scene>> = StoredValue::new(None);
    let gesture = Rc::new(RefCell::new(Gesture::default()));
    let first_paint = StoredValue::new(true);
    let in_view = RwSignal::new(0usize);

    // Track the width of the stage.
    Effect::new(move |_| {
        let Some(stage) = stage_ref.get() else { return };
        let measure = {
            let stage = stage.clone();
            move || {
                perf::mark("timeline-measure-width");
                let width = f64::from(stage.client_width());
                perf::mark("timeline-width-measured");
                if width > 0.0 && (width - tl.width.get_untracked()).abs() >= 1.0 {
                    tl.width.set(width);
                }
            }
        };
        measure();
        let on_resize = Closure::<dyn Fn()>::new(measure);
        if let Some(w) = web_sys::window() {
            let _ =
                w.add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
        }
        // The stage lives as long as the page.
        on_resize.forget();
        // Wheel must be a non-passive listener to keep the page from scrolling while zooming.
        let on_wheel = Closure::<dyn Fn(WheelEvent)>::new(move |event: WheelEvent| {
            on_wheel(tl, &event);
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let _ = stage.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel",
            on_wheel.as_ref().unchecked_ref(),
            &options,
        );
        on_wheel.forget();
    });

    // Repaint whenever anything drawn changes.
    Effect::new(move |_| {
        let (Some(canvas), Some(window)) = (canvas_ref.get(), tl.window()) else {
            return;
        };
        let width = tl.width.get();
        if width <= 0.0 {
            // Not measured yet: painting now would paint at the wrong size.
            return;
        }
        let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
        let (pw, ph) = ((width * dpr).round() as u32, (HEIGHT * dpr).round() as u32);
        if canvas.width() != pw || canvas.height() != ph {
            canvas.set_width(pw);
            canvas.set_height(ph);
        }
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let hidden = tl.hidden.get();
        let offset = tl.offset.get();
        let selected = view.selected.get();
        let cursor = view.hovered.get();
        let playhead = view.playhead.get();
        let matches = tl.matches.get();
        let phases = tl.phases.get();
        let theme = theme.get();
        tl.index.with(|index| {
            let frame = scene(SceneInput {
                index,
                phases: &phases,
                window,
                width,
                height: HEIGHT,
                offset_minutes: offset,
                hidden_kinds: hidden,
            });
            paint_stage(
                &ctx,
                &frame,
                index,
                (width, HEIGHT, dpr),
                Highlights {
                    selected,
                    cursor,
                    matches: &matches,
                    playhead,
                    theme,
                },
                window,
            );
            if in_view.get_untracked() != frame.visible_events {
                in_view.set(frame.visible_events);
            }
            scene_store.set_value(Some(frame));
        });
        perf::frame_painted(first_paint.get_value());
        first_paint.set_value(false);
    });

    let local_x = move |event: &web_sys::MouseEvent| -> f64 {
        stage_ref.get_untracked().map_or(0.0, |el| {
            f64::from(event.client_x()) - el.get_bounding_client_rect().left()
        })
    };
    let local_y = move |event: &web_sys::MouseEvent| -> f64 {
        stage_ref.get_untracked().map_or(0.0, |el| {
            f64::from(event.client_y()) - el.get_bounding_client_rect().top()
        })
    };

    let g = gesture.clone();
    let pointer_down = move |event: PointerEvent| {
        if event.button() != 0 {
            return;
        }
        if let Some(el) = stage_ref.get_untracked() {
            let _ = el.set_pointer_capture(event.pointer_id());
            let _ = el.focus();
        }
        let x = local_x(&event);
        let mut g = g.borrow_mut();
        g.pointers.retain(|(id, _)| *id != event.pointer_id());
        g.pointers.push((event.pointer_id(), x));
        g.start_window = tl.window();
        g.start_xs = g.pointers.iter().map(|p| p.1).collect();
        g.moved = g.pointers.len() > 1;
    };
    let g = gesture.clone();
    let pointer_move = move |event: PointerEvent| {
        let x = local_x(&event);
        let mut g = g.borrow_mut();
        let Some(slot) = g.pointers.iter_mut().find(|p| p.0 == event.pointer_id()) else {
            // Hover: mark the event under the pointer.
            let y = local_y(&event);
            let hit =
                scene_store.with_value(|s| s.as_ref().and_then(|s| s.hit(x, y)).map(|m| m.event));
            if hit.is_some() && view.hovered.get_untracked() != hit {
                view.hovered.set(hit);
            }
            return;
        };
        slot.1 = x;
        let (Some(start), Some(bounds)) = (g.start_window, tl.extent.get_untracked()) else {
            return;
        };
        let width = tl.width.get_untracked();
        if g.pointers.len() >= 2 && g.start_xs.len() >= 2 {
            let (a0, b0) = (g.start_xs[0], g.start_xs[1]);
            let (a1, b1) = (g.pointers[0].1, g.pointers[1].1);
            let before = (b0 - a0).abs().max(10.0);
            let after = (b1 - a1).abs().max(10.0);
            let anchor = ms_at(start, width, (a0 + b0) / 2.0);
            let zoomed = viewport::zoom_about(start, anchor, after / before, bounds);
            let shift = ((a1 + b1) - (a0 + b0)) / 2.0 / width * zoomed.span();
            perf::mark_input();
            tl.set_window(viewport::pan(zoomed, -shift, bounds));
        } else if let Some(&x0) = g.start_xs.first() {
            if (x - x0).abs() > 3.0 {
                g.moved = true;
            }
            if g.moved {
                let delta = (x - x0) / width * start.span();
                perf::mark_input();
                tl.set_window(viewport::pan(start, -delta, bounds));
            }
        }
    };
    let g = gesture.clone();
    let pointer_up = move |event: PointerEvent| {
        let mut g = g.borrow_mut();
        let was_click = !g.moved && g.pointers.len() == 1;
        g.pointers.retain(|(id, _)| *id != event.pointer_id());
        g.start_window = tl.window();
        g.start_xs = g.pointers.iter().map(|p| p.1).collect();
        if g.pointers.is_empty() {
            g.moved = false;
        }
        drop(g);
        if was_click && event.type_() == "pointerup" {
            click_at(tl, scene_store, local_x(&event), local_y(&event));
        }
    };
    let pointer_cancel = pointer_up.clone();

    let double_click = move |event: web_sys::MouseEvent| {
        let Some(window) = tl.window() else { return };
        let anchor = ms_at(window, tl.width.get_untracked(), local_x(&event));
        let factor = if event.shift_key() { 0.5 } else { 2.0 };
        perf::mark_input();
        tl.change_window(|w, bounds| viewport::zoom_about(w, anchor, factor, bounds));
    };

    let key_down = move |event: web_sys::KeyboardEvent| {
        if on_key(tl, &event.key(), event.shift_key()) {
            event.prevent_default();
        }
    };

    let tick_labels = move || {
        let window = tl.window()?;
        let width = tl.width.get();
        let offset = tl.offset.get();
        Some(
            ticks(window, width, offset, 84.0, tl.index.with(|i| i.days))
                .into_iter()
                .map(|t| (x_of(window, width, t.at), t))
                // A label centred on the very edge would be cut in half.
                .filter(|(x, _)| *x >= LABEL_EDGE_PX && *x <= width - LABEL_EDGE_PX)
                .map(|(x, t)| {
                    // Set through CSSOM (`style:`), not a style attribute: the page runs under a
                    // CSP without 'unsafe-inline' styles.
                    view! {
                        <span class="tl-tick" class:major=t.major style:left=format!("{x:.1}px") data-testid="tick">
                            {t.label}
                        </span>
                    }
                })
                .collect_view(),
        )
    };
    let axis_context = move || {
        let window = tl.window()?;
        let (at, days) = tl.index.with(|i| (i.context_instant(window), i.days));
        Some(axis_context_at(at, tl.zone.get(), days))
    };
    let announcement = move || {
        let event = view.hovered.get()?;
        let at = tl.index.with(|i| i.at.get(event).copied())?;
        let text = tl.index.with(|i| i.texts.get(event).cloned())?;
        let selected = view.selected.get() == Some(event);
        Some(format!(
            "Event {} of {}: {}, {}{}",
            event + 1,
            tl.index.with(|i| i.len()),
            date_time_at(at, tl.zone.get(), tl.index.with(|i| i.days)),
            text,
            if selected { " (selected)" } else { "" }
        ))
    };
    let window_attr = move |end: bool| {
        tl.window()
            .map(|w| format!("{:.0}", if end { w.end } else { w.start }))
    };

    let in_view_text = move || match in_view.get() {
        1 => "1 event in view".to_string(),
        n => format!("{n} events in view"),
    };

    // The hovered (or keyboard-focused) event's whole text: labels on the plot may be cut.
    let hovered_text = move || {
        let event = view.hovered.get()?;
        tl.index.with(|i| i.texts.get(event).cloned())
    };

    view! {
        <div class="tl-frame-head">
            <span data-testid="axis-context">{axis_context}</span>
            <span class="tl-hovered" data-testid="hovered-label" aria-hidden="true">{hovered_text}</span>
            <span data-testid="in-view">{in_view_text}</span>
        </div>
        <div
            class="tl-stage"
            node_ref=stage_ref
            tabindex="0"
            role="application"
            aria-roledescription="timeline"
            aria-label="Incident timeline"
            aria-describedby="tl-keys"
            data-testid="timeline-stage"
            data-window-start=move || window_attr(false)
            data-window-end=move || window_attr(true)
            on:pointerdown=pointer_down
            on:pointermove=pointer_move
            on:pointerup=pointer_up
            on:pointercancel=pointer_cancel
            on:pointerleave=move |_| {
                if !gesture.borrow().pointers.is_empty() {
                    return;
                }
                view.hovered.set(None)
            }
            on:dblclick=double_click
            on:keydown=key_down
        >
            <canvas node_ref=canvas_ref class="tl-canvas" style:height=format!("{HEIGHT}px") aria-hidden="true"></canvas>
            <div class="tl-ticks" aria-hidden="true">{tick_labels}</div>
        </div>
        <p class="visually-hidden" aria-live="polite" data-testid="timeline-announcement">{announcement}</p>
    }
}

/// Wheel and trackpad: vertical scroll zooms about the pointer, horizontal scroll pans.
fn on_wheel(tl: TimelineContext, event: &WheelEvent) {
    let Some(window) = tl.window() else { return };
    event.prevent_default();
    let unit = match event.delta_mode() {
        1 => 16.0,
        2 => 400.0,
        _ => 1.0,
    };
    let (dx, dy) = (event.delta_x() * unit, event.delta_y() * unit);
    let width = tl.width.get_untracked();
    perf::mark_input();
    if dx.abs() > dy.abs() {
        let delta = dx / width * window.span();
        tl.change_window(|w, bounds| viewport::pan(w, delta, bounds));
    } else {
        let x = event
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .map_or(width / 2.0, |el| {
                f64::from(event.client_x()) - el.get_bounding_client_rect().left()
            });
        let anchor = ms_at(window, width, x);
        // Trackpad pinch arrives as ctrl+wheel with small deltas: make it as brisk as a wheel.
        let dy = if event.ctrl_key() { dy * 4.0 } else { dy };
        tl.change_window(|w, bounds| viewport::zoom_about(w, anchor, wheel_factor(dy), bounds));
    }
}

/// A click: selects the event under the pointer, or zooms into a cluster.
fn click_at(tl: TimelineContext, scene: StoredValue<Option<Scene>>, x: f64, y: f64) {
    let hit = scene.with_value(|s| {
        s.as_ref()
            .and_then(|s| s.hit(x, y))
            .map(|m| (m.event, m.count, m.ranks.clone()))
    });
    match hit {
        Some((event, 1, _)) => tl.select(Some(event)),
        Some((_, _, ranks)) => {
            let span = tl.index.with_untracked(|i| {
                (
                    i.times.get(ranks.start).copied(),
                    i.times.get(ranks.end.saturating_sub(1)).copied(),
                )
            });
            if let (Some(from), Some(to)) = span {
                perf::mark_input();
                tl.change_window(|_, bounds| viewport::frame(from, to, 0.2, bounds));
            }
        }
        None => {}
    }
}

/// The keyboard on the stage; true when the key was used.
pub fn on_key(tl: TimelineContext, key: &str, shift: bool) -> bool {
    let view = tl.state.view;
    let pan_share = if shift { 0.5 } else { 0.1 };
    perf::mark_input();
    match key {
        "+" | "=" => tl.change_window(|w, b| viewport::zoom_centre(w, viewport::ZOOM_STEP, b)),
        "-" | "_" => {
            tl.change_window(|w, b| viewport::zoom_centre(w, 1.0 / viewport::ZOOM_STEP, b))
        }
        "0" | "f" | "F" => tl.state.view.window.set(None),
        "ArrowLeft" => tl.change_window(|w, b| viewport::pan(w, -w.span() * pan_share, b)),
        "ArrowRight" => tl.change_window(|w, b| viewport::pan(w, w.span() * pan_share, b)),
        "ArrowDown" | "j" => tl.step_cursor(1),
        "ArrowUp" | "k" => tl.step_cursor(-1),
        "Home" => tl.cursor_edge(1),
        "End" => tl.cursor_edge(-1),
        "Enter" | " " => {
            let target = view.hovered.get_untracked();
            if target.is_none() {
                tl.step_cursor(1);
            }
            tl.select(view.hovered.get_untracked());
        }
        "Escape" => view.selected.set(None),
        _ => return false,
    }
    true
}
