//! Paints a laid-out [`Scene`] (and the overview strip) on a 2D canvas. No layout happens
//! here: positions come from [`draw::timeline`](crate::draw::timeline); this file only turns
//! them into canvas calls, so a frame costs a few calls per visible marker.

use std::sync::OnceLock;

use web_sys::CanvasRenderingContext2d as Ctx;

use crate::analysis::window::TimeWindow;
use crate::draw::palette::{kind_colour, phase_colour, Theme};
use crate::draw::timeline::{kind_icon, x_of, EventIndex, Icon, Scene, CLUSTER_PX, PHASE_STRIP};
use crate::model::EventKind;

const FONT: &str = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const FONT_BOLD: &str = "600 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/// What to emphasise in a frame.
#[derive(Debug, Clone, Copy)]
pub struct Highlights<'a> {
    /// The selected event.
    pub selected: Option<usize>,
    /// The keyboard cursor / hovered event.
    pub cursor: Option<usize>,
    /// Search matches by event index (empty = no search).
    pub matches: &'a [bool],
    /// The reader's playhead on the axis.
    pub playhead: Option<f64>,
    /// The colours to paint with.
    pub theme: Theme,
}

fn icons() -> &'static [Icon] {
    static ICONS: OnceLock<Vec<Icon>> = OnceLock::new();
    ICONS.get_or_init(|| EventKind::ALL.iter().map(|&k| kind_icon(k)).collect())
}

fn icon_of(kind: EventKind) -> Option<&'static Icon> {
    let at = EventKind::ALL.iter().position(|&k| k == kind)?;
    icons().get(at)
}

/// Draws `kind`'s icon centred at (`x`, `y`) with radius `r`.
pub fn draw_icon(ctx: &Ctx, kind: EventKind, theme: Theme, (x, y, r): (f64, f64, f64)) {
    let Some(icon) = icon_of(kind) else { return };
    let colour = kind_colour(kind, theme);
    ctx.set_fill_style_str(colour);
    ctx.set_stroke_style_str(colour);
    ctx.set_line_width(if icon.filled { 1.0 } else { 2.0 });
    for path in &icon.paths {
        ctx.begin_path();
        for (i, &(px, py)) in path.iter().enumerate() {
            if i == 0 {
                ctx.move_to(x + px * r, y + py * r);
            } else {
                ctx.line_to(x + px * r, y + py * r);
            }
        }
        if icon.closed {
            ctx.close_path();
        }
        if icon.filled {
            ctx.fill();
        } else {
            ctx.stroke();
        }
    }
}

fn rounded(ctx: &Ctx, x: f64, y: f64, w: f64, h: f64, r: f64) {
    ctx.begin_path();
    ctx.move_to(x + r, y);
    ctx.arc_to(x + w, y, x + w, y + h, r).ok();
    ctx.arc_to(x + w, y + h, x, y + h, r).ok();
    ctx.arc_to(x, y + h, x, y, r).ok();
    ctx.arc_to(x, y, x + w, y, r).ok();
    ctx.close_path();
}

/// Paints one frame of the main timeline.
pub fn paint_stage(
    ctx: &Ctx,
    scene: &Scene,
    index: &EventIndex,
    size: (f64, f64, f64),
    highlights: Highlights<'_>,
    window: TimeWindow,
) {
    let (width, height, dpr) = size;
    let theme = highlights.theme;
    let p = theme.palette();
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, width, height);

    // Phase bands, with their names in the top strip.
    ctx.set_font(FONT_BOLD);
    ctx.set_text_baseline("middle");
    for band in &scene.bands {
        ctx.set_fill_style_str(phase_colour(band.kind, theme));
        ctx.fill_rect(band.x0, 0.0, band.x1 - band.x0, scene.axis_y);
        if band.x1 - band.x0 > 56.0 {
            ctx.set_fill_style_str(p.muted);
            let _ = ctx.fill_text_with_max_width(
                &band.kind.label().to_uppercase(),
                band.x0 + 8.0,
                PHASE_STRIP / 2.0 + 2.0,
                band.x1 - band.x0 - 12.0,
            );
        }
    }

    // Grid and axis.
    ctx.set_line_width(1.0);
    for (x, tick) in &scene.ticks {
        ctx.set_stroke_style_str(if tick.major { p.axis } else { p.grid });
        ctx.begin_path();
        let x = x.round() + 0.5;
        ctx.move_to(x, PHASE_STRIP);
        ctx.line_to(x, scene.axis_y + 5.0);
        ctx.stroke();
    }
    ctx.set_stroke_style_str(p.axis);
    ctx.begin_path();
    ctx.move_to(0.0, scene.axis_y + 0.5);
    ctx.line_to(width, scene.axis_y + 0.5);
    ctx.stroke();

    if let Some(at) = highlights.playhead {
        let x = x_of(window, width, at);
        if (0.0..=width).contains(&x) {
            ctx.set_stroke_style_str(p.ink);
            let _ = ctx.set_line_dash(&js_sys::Array::of2(&4.0.into(), &3.0.into()));
            ctx.begin_path();
            ctx.move_to(x, PHASE_STRIP);
            ctx.line_to(x, scene.axis_y);
            ctx.stroke();
            let _ = ctx.set_line_dash(&js_sys::Array::new());
        }
    }

    let contains = |marker: &crate::draw::timeline::Marker, event: Option<usize>| {
        event
            .and_then(|e| index.rank.get(e))
            .is_some_and(|r| marker.ranks.contains(r))
    };
    let matched = |marker: &crate::draw::timeline::Marker| {
        !highlights.matches.is_empty()
            && marker.ranks.clone().any(|r| {
                highlights
                    .matches
                    .get(index.order[r])
                    .copied()
                    .unwrap_or(false)
            })
    };

    // Selected event: a line through the whole height.
    if let Some(at) = highlights.selected.and_then(|e| index.at.get(e)) {
        let x = x_of(window, width, *at);
        if (0.0..=width).contains(&x) {
            let kind = highlights
                .selected
                .and_then(|e| index.kinds.get(e))
                .copied()
                .unwrap_or(EventKind::Other);
            ctx.set_stroke_style_str(kind_colour(kind, theme));
            ctx.set_line_width(2.0);
            ctx.begin_path();
            ctx.move_to(x, PHASE_STRIP);
            ctx.line_to(x, scene.axis_y);
            ctx.stroke();
        }
    }

    // Stems, then labels.
    ctx.set_line_width(1.0);
    ctx.set_stroke_style_str(p.stem);
    ctx.begin_path();
    for marker in &scene.markers {
        if let Some(lane) = marker.lane {
            ctx.move_to(marker.x.round() + 0.5, scene.dot_y - 6.0);
            ctx.line_to(marker.x.round() + 0.5, scene.lane_y(lane) + 9.0);
        }
    }
    ctx.stroke();

    for marker in &scene.markers {
        let Some(lane) = marker.lane else { continue };
        let y = scene.lane_y(lane);
        let selected = contains(marker, highlights.selected);
        let cursor = contains(marker, highlights.cursor);
        let is_match = matched(marker);
        let (x, w, h) = (marker.label_x - 8.0, marker.label_width + 6.0, 20.0);
        ctx.set_fill_style_str(if is_match {
            p.match_fill
        } else if selected {
            p.label_selected
        } else {
            p.label_fill
        });
        rounded(ctx, x, y - h / 2.0, w, h, 5.0);
        ctx.fill();
        ctx.set_line_width(if selected { 2.0 } else { 1.0 });
        ctx.set_stroke_style_str(if selected {
            kind_colour(marker.kind, theme)
        } else {
            p.label_border
        });
        ctx.stroke();
        if cursor {
            ctx.set_line_width(2.0);
            ctx.set_stroke_style_str(p.ink);
            let _ = ctx.set_line_dash(&js_sys::Array::of2(&3.0.into(), &2.0.into()));
            rounded(ctx, x - 3.0, y - h / 2.0 - 3.0, w + 6.0, h + 6.0, 7.0);
            ctx.stroke();
            let _ = ctx.set_line_dash(&js_sys::Array::new());
        }
        if marker.count > 1 {
            ctx.set_fill_style_str(p.cluster);
            rounded(ctx, marker.label_x - 2.5, y - 4.5, 9.0, 9.0, 2.0);
            ctx.fill();
        } else {
            draw_icon(ctx, marker.kind, theme, (marker.label_x + 2.0, y, 5.0));
        }
        ctx.set_fill_style_str(p.ink);
        ctx.set_font(if selected || marker.count > 1 {
            FONT_BOLD
        } else {
            FONT
        });
        let _ = ctx.fill_text_with_max_width(
            &marker.label,
            marker.label_x + 12.0,
            y + 0.5,
            marker.label_width - 14.0,
        );
    }

    // The marker row on the axis.
    ctx.set_font(FONT_BOLD);
    ctx.set_text_align("center");
    for marker in &scene.markers {
        if marker.count > 1 {
            // A stack: its size grows with the count, within the cluster's room.
            let side = (8.0 + (marker.count as f64).log10() * 2.0).min(CLUSTER_PX - 3.0);
            let emphasised = matched(marker)
                || contains(marker, highlights.selected)
                || contains(marker, highlights.cursor);
            ctx.set_fill_style_str(if matched(marker) {
                p.match_cluster
            } else {
                p.cluster
            });
            rounded(
                ctx,
                marker.x - side / 2.0,
                scene.dot_y - side / 2.0,
                side,
                side,
                3.0,
            );
            ctx.fill();
            if emphasised {
                ctx.set_stroke_style_str(p.ink);
                ctx.set_line_width(2.0);
                rounded(
                    ctx,
                    marker.x - side / 2.0 - 3.0,
                    scene.dot_y - side / 2.0 - 3.0,
                    side + 6.0,
                    side + 6.0,
                    4.0,
                );
                ctx.stroke();
            }
        } else {
            if contains(marker, highlights.selected) || contains(marker, highlights.cursor) {
                ctx.set_fill_style_str(p.label_fill);
                ctx.set_stroke_style_str(p.ink);
                ctx.set_line_width(2.0);
                ctx.begin_path();
                let _ = ctx.arc(marker.x, scene.dot_y, 8.5, 0.0, std::f64::consts::TAU);
                ctx.fill();
                ctx.stroke();
            }
            draw_icon(ctx, marker.kind, theme, (marker.x, scene.dot_y, 5.5));
        }
    }
    ctx.set_text_align("start");
}

/// Paints the overview strip: phase bands across the whole incident, and event density.
pub fn paint_overview(
    ctx: &Ctx,
    bands: &[(f64, f64, &'static str)],
    density: &[u32],
    selected_x: Option<f64>,
    size: (f64, f64, f64),
    theme: Theme,
) {
    let p = theme.palette();
    let (width, height, dpr) = size;
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, width, height);
    for &(x0, x1, colour) in bands {
        ctx.set_fill_style_str(colour);
        ctx.fill_rect(x0, 0.0, x1 - x0, height);
    }
    let most = density.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bar = width / density.len().max(1) as f64;
    ctx.set_fill_style_str(p.density);
    for (i, &count) in density.iter().enumerate() {
        if count > 0 {
            let h = 4.0 + (height - 10.0) * (f64::from(count) / most).sqrt();
            ctx.fill_rect(i as f64 * bar, height - h, (bar - 1.0).max(1.0), h);
        }
    }
    if let Some(x) = selected_x {
        ctx.set_fill_style_str(p.ink);
        ctx.fill_rect(x - 1.0, 0.0, 2.0, height);
    }
}
