//! The timeline as a standalone SVG picture, for documentation and the no-JavaScript report.
//!
//! It projects the very [`Scene`] the app paints on its canvas (`src/ui/timeline/paint.rs`):
//! phase bands with their names, grid and ticks with their labels (DOM text over the canvas in
//! the app, SVG text here), stems, label boxes with the kind's icon, the marker row and the
//! axis, in the colours of [`crate::draw::palette`]. No layout happens here; [`fitted_scene`]
//! only picks the least height at which every marker gets a label lane.

use std::fmt::Write;

use crate::analysis::ticks::LABEL_EDGE_PX;
use crate::draw::chart::text_metrics::estimate_text_size;
use crate::draw::illustration::{fmt_num, FONT_FAMILY};
use crate::draw::palette::{kind_colour, phase_colour, Palette, Theme};
use crate::draw::timeline::{
    kind_icon, scene, EventIndex, Marker, Scene, SceneInput, AXIS_SPACE, CLUSTER_PX, LANE_HEIGHT,
    PHASE_STRIP,
};
use crate::draw::xml::escape_xml;
use crate::model::EventKind;

/// The width of a timeline picture, in pixels.
pub const SVG_WIDTH: f64 = 960.0;
/// The fewest label lanes a picture has.
pub const MIN_LANES: usize = 3;
/// The most label lanes a picture grows to; markers still without room show as dots only.
pub const MAX_LANES: usize = 14;
/// The row above the plot that holds the date and zone of the axis and the event count.
pub const HEAD_ROW: f64 = 22.0;
/// The label font size in pixels.
const FONT_PX: f64 = 12.0;

/// The canvas height (without [`HEAD_ROW`]) at which [`scene`] lays out `lanes` label lanes.
pub fn height_for_lanes(lanes: usize) -> f64 {
    // The inverse of the lane count in `scene`: the marker row sits 10 px above the axis, the
    // first lane 22 px above the marker row, and the top lane's box must clear the phase strip.
    AXIS_SPACE
        + 10.0
        + 22.0
        + PHASE_STRIP
        + LANE_HEIGHT / 2.0
        + lanes.saturating_sub(1) as f64 * LANE_HEIGHT
}

/// Lays out `input` (its height is ignored) at the least height, from [`MIN_LANES`] to
/// [`MAX_LANES`] lanes, at which every marker has a label lane.
pub fn fitted_scene(input: SceneInput<'_>) -> Scene {
    let at = |lanes: usize| {
        scene(SceneInput {
            height: height_for_lanes(lanes),
            ..input
        })
    };
    let mut laid_out = at(MIN_LANES);
    for lanes in MIN_LANES + 1..=MAX_LANES {
        if laid_out.markers.iter().all(|m| m.lane.is_some()) {
            break;
        }
        laid_out = at(lanes);
    }
    laid_out
}

/// A laid-out timeline and what the picture says around it.
#[derive(Debug, Clone, Copy)]
pub struct TimelinePicture<'a> {
    /// The frame, laid out by [`scene`] or [`fitted_scene`].
    pub scene: &'a Scene,
    /// The events it was laid out from (for each label's full text).
    pub index: &'a EventIndex,
    /// The width it was laid out at.
    pub width: f64,
    /// The colours.
    pub theme: Theme,
    /// The picture's accessible name, e.g. "Timeline of The Great Cookie Catastrophe".
    pub title: &'a str,
    /// The date and zone of the axis, e.g. "Mon 15 Jan 2024 · UTC-05:00", shown above the plot.
    pub context: &'a str,
}

/// The picture as a standalone SVG document; every text is escaped and nothing refers to an
/// id, so several copies can sit in one page.
pub fn timeline_svg(picture: &TimelinePicture<'_>) -> String {
    let TimelinePicture {
        scene,
        width,
        theme,
        ..
    } = *picture;
    let p = theme.palette();
    let plot_height = scene.axis_y + AXIS_SPACE;
    let height = plot_height + HEAD_ROW;
    let (w, h) = (fmt_num(width), fmt_num(height));
    let mut out = String::with_capacity(8 * 1024 + scene.markers.len() * 600);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\" class=\"timeline-picture\">\
         <title>{}</title>\
         <rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>\
         <g font-family=\"{}\" font-size=\"{}\">",
        escape_xml(picture.title),
        escape_xml(picture.title),
        p.background,
        escape_xml(FONT_FAMILY),
        fmt_num(FONT_PX),
    );
    head(&mut out, picture, p);
    let _ = write!(out, "<g transform=\"translate(0 {})\">", fmt_num(HEAD_ROW));
    bands(&mut out, scene, theme);
    grid(&mut out, scene, width, p);
    stems(&mut out, scene, p);
    for marker in &scene.markers {
        label(&mut out, picture, marker);
    }
    for marker in &scene.markers {
        marker_glyph(&mut out, scene, marker, theme);
    }
    out.push_str("</g></g></svg>");
    out
}

/// The row above the plot: the axis's date and zone on the left, the event count on the right.
fn head(out: &mut String, picture: &TimelinePicture<'_>, p: &Palette) {
    let count = match picture.scene.visible_events {
        1 => "1 event".to_string(),
        n => format!("{n} events"),
    };
    let y = fmt_num(HEAD_ROW / 2.0);
    let _ = write!(
        out,
        "<text x=\"4\" y=\"{y}\" dominant-baseline=\"central\" fill=\"{}\">{}</text>\
         <text x=\"{}\" y=\"{y}\" dominant-baseline=\"central\" text-anchor=\"end\" fill=\"{}\">{}</text>",
        p.muted,
        escape_xml(picture.context),
        fmt_num(picture.width - 4.0),
        p.muted,
        escape_xml(&count),
    );
}

/// Phase bands, with their names in the top strip where there is room.
fn bands(out: &mut String, scene: &Scene, theme: Theme) {
    let p = theme.palette();
    for band in &scene.bands {
        let span = band.x1 - band.x0;
        let _ = write!(
            out,
            "<rect class=\"tl-band\" x=\"{}\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
            fmt_num(band.x0),
            fmt_num(span.max(0.0)),
            fmt_num(scene.axis_y),
            phase_colour(band.kind, theme),
        );
        if span > 56.0 {
            let name = band.kind.label().to_uppercase();
            text(
                out,
                TextSpec {
                    x: band.x0 + 8.0,
                    y: PHASE_STRIP / 2.0 + 2.0,
                    max_width: span - 12.0,
                    bold: true,
                    fill: p.muted,
                    anchor: "start",
                },
                &name,
            );
        }
    }
}

/// Grid lines at the ticks, the axis, and the tick labels below it.
fn grid(out: &mut String, scene: &Scene, width: f64, p: &Palette) {
    for (x, tick) in &scene.ticks {
        let x = fmt_num(x.round() + 0.5);
        let _ = write!(
            out,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
            fmt_num(PHASE_STRIP),
            fmt_num(scene.axis_y + 5.0),
            if tick.major { p.axis } else { p.grid },
        );
    }
    let y = fmt_num(scene.axis_y + 0.5);
    let _ = write!(
        out,
        "<line x1=\"0\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{}\" stroke-width=\"1\"/>",
        fmt_num(width),
        p.axis,
    );
    // As in the app: a label centred on the very edge would be cut in half.
    for (x, tick) in scene
        .ticks
        .iter()
        .filter(|(x, _)| (LABEL_EDGE_PX..=width - LABEL_EDGE_PX).contains(x))
    {
        let _ = write!(
            out,
            "<text class=\"tl-tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\"{}>{}</text>",
            fmt_num(*x),
            fmt_num(scene.axis_y + AXIS_SPACE - 7.0),
            if tick.major { p.ink } else { p.muted },
            if tick.major {
                " font-weight=\"700\""
            } else {
                ""
            },
            escape_xml(&tick.label),
        );
    }
}

/// The stems from each labelled marker up to its label.
fn stems(out: &mut String, scene: &Scene, p: &Palette) {
    let mut d = String::new();
    for marker in &scene.markers {
        if let Some(lane) = marker.lane {
            let x = fmt_num(marker.x.round() + 0.5);
            let _ = write!(
                d,
                "M{x} {}V{}",
                fmt_num(scene.dot_y - 6.0),
                fmt_num(scene.lane_y(lane) + 9.0)
            );
        }
    }
    if !d.is_empty() {
        let _ = write!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\"/>",
            p.stem
        );
    }
}

/// One label box: its icon (or the cluster square) and its text; the full text as a tooltip.
fn label(out: &mut String, picture: &TimelinePicture<'_>, marker: &Marker) {
    let Some(lane) = marker.lane else { return };
    let (scene, theme) = (picture.scene, picture.theme);
    let p = theme.palette();
    let y = scene.lane_y(lane);
    let (x, w, h) = (marker.label_x - 8.0, marker.label_width + 6.0, 20.0);
    let full = if marker.count > 1 {
        marker.label.clone()
    } else {
        picture
            .index
            .texts
            .get(marker.event)
            .cloned()
            .unwrap_or_else(|| marker.label.clone())
    };
    let _ = write!(
        out,
        "<g class=\"tl-label\" data-kind=\"{}\"><title>{}</title>\
         <rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>",
        marker.kind.slug(),
        escape_xml(&full),
        fmt_num(x),
        fmt_num(y - h / 2.0),
        fmt_num(w.max(0.0)),
        fmt_num(h),
        p.label_fill,
        p.label_border,
    );
    if marker.count > 1 {
        let _ = write!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" rx=\"2\" fill=\"{}\"/>",
            fmt_num(marker.label_x - 2.5),
            fmt_num(y - 4.5),
            p.cluster,
        );
    } else {
        icon(out, marker.kind, theme, (marker.label_x + 2.0, y, 5.0));
    }
    text(
        out,
        TextSpec {
            x: marker.label_x + 12.0,
            y: y + 0.5,
            max_width: marker.label_width - 14.0,
            bold: marker.count > 1,
            fill: p.ink,
            anchor: "start",
        },
        &marker.label,
    );
    out.push_str("</g>");
}

/// The marker on the axis row: the kind's icon, or a square that grows with a cluster's size.
fn marker_glyph(out: &mut String, scene: &Scene, marker: &Marker, theme: Theme) {
    if marker.count > 1 {
        let side = (8.0 + (marker.count as f64).log10() * 2.0).min(CLUSTER_PX - 3.0);
        let _ = write!(
            out,
            "<rect class=\"tl-cluster\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"{}\"/>",
            fmt_num(marker.x - side / 2.0),
            fmt_num(scene.dot_y - side / 2.0),
            fmt_num(side),
            fmt_num(side),
            theme.palette().cluster,
        );
    } else {
        icon(out, marker.kind, theme, (marker.x, scene.dot_y, 5.5));
    }
}

/// `kind`'s icon centred at (`x`, `y`) with radius `r`, as the canvas draws it.
fn icon(out: &mut String, kind: EventKind, theme: Theme, (x, y, r): (f64, f64, f64)) {
    let icon = kind_icon(kind);
    let colour = kind_colour(kind, theme);
    let mut d = String::new();
    for path in &icon.paths {
        for (i, &(px, py)) in path.iter().enumerate() {
            let _ = write!(
                d,
                "{}{} {}",
                if i == 0 { 'M' } else { 'L' },
                fmt_num(x + px * r),
                fmt_num(y + py * r)
            );
        }
        if icon.closed {
            d.push('Z');
        }
    }
    let paint = if icon.filled {
        format!("fill=\"{colour}\" stroke=\"{colour}\" stroke-width=\"1\"")
    } else {
        format!("fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-linecap=\"round\"")
    };
    let _ = write!(out, "<path class=\"tl-icon\" d=\"{d}\" {paint}/>");
}

/// Where and how one line of text is drawn.
#[derive(Debug, Clone, Copy)]
struct TextSpec {
    x: f64,
    /// The middle of the line.
    y: f64,
    /// Wider text is squeezed to this width, as the canvas's `fillText(…, maxWidth)` does.
    max_width: f64,
    bold: bool,
    fill: &'static str,
    anchor: &'static str,
}

fn text(out: &mut String, spec: TextSpec, words: &str) {
    // Text is not measured here (no fonts natively): the estimate decides when to squeeze.
    let estimate =
        f64::from(estimate_text_size(words, FONT_PX * 1.24).0) * if spec.bold { 1.08 } else { 1.0 };
    let squeeze = if estimate > spec.max_width && spec.max_width > 0.0 {
        format!(
            " textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"",
            fmt_num(spec.max_width)
        )
    } else {
        String::new()
    };
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" dominant-baseline=\"central\" text-anchor=\"{}\" fill=\"{}\"{}{}>{}</text>",
        fmt_num(spec.x),
        fmt_num(spec.y),
        spec.anchor,
        spec.fill,
        if spec.bold { " font-weight=\"600\"" } else { "" },
        squeeze,
        escape_xml(words),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::milestones::Milestones;
    use crate::analysis::phases::phases;
    use crate::analysis::window::incident_extent;
    use crate::parse::parse_text;
    use crate::sample::{synthetic_incident, SAMPLE_TEXT};

    fn picture_of(text: &str, theme: Theme) -> (Scene, String) {
        let incident = parse_text(text).incident;
        let index = EventIndex::new(&incident);
        let phases = phases(&Milestones::of(&incident));
        let window = incident_extent(&incident).expect("timed events");
        let scene = fitted_scene(SceneInput {
            index: &index,
            phases: &phases,
            window,
            width: SVG_WIDTH,
            height: 0.0,
            offset_minutes: -300,
            hidden_kinds: 0,
        });
        let svg = timeline_svg(&TimelinePicture {
            scene: &scene,
            index: &index,
            width: SVG_WIDTH,
            theme,
            title: "Timeline of <b>it</b>",
            context: "Mon 15 Jan 2024 · UTC-05:00",
        });
        (scene, svg)
    }

    #[test]
    fn the_height_gives_the_lanes_asked_for() {
        for lanes in 1..=MAX_LANES {
            let incident = parse_text(SAMPLE_TEXT).incident;
            let index = EventIndex::new(&incident);
            let laid_out = scene(SceneInput {
                index: &index,
                phases: &[],
                window: incident_extent(&incident).unwrap(),
                width: SVG_WIDTH,
                height: height_for_lanes(lanes),
                offset_minutes: 0,
                hidden_kinds: 0,
            });
            assert_eq!(laid_out.lanes, lanes);
        }
    }

    #[test]
    fn the_sample_draws_every_label_its_bands_and_ticks() {
        let (scene, svg) = picture_of(SAMPLE_TEXT, Theme::Light);
        assert!(scene.markers.iter().all(|m| m.lane.is_some()));
        assert_eq!(
            svg.matches("class=\"tl-label\"").count(),
            scene.markers.len()
        );
        for marker in &scene.markers {
            assert!(svg.contains(&escape_xml(&marker.label)), "{}", marker.label);
        }
        assert_eq!(svg.matches("class=\"tl-band\"").count(), scene.bands.len());
        assert!(svg.contains(">DIAGNOSIS<"), "phase names in the strip");
        assert!(svg.contains(">10:00</text>"), "tick labels");
        assert!(svg.contains("Timeline of &lt;b&gt;it&lt;/b&gt;"));
        assert!(svg.contains("Mon 15 Jan 2024 · UTC-05:00"));
        assert!(svg.contains(crate::draw::palette::LIGHT.background));
    }

    #[test]
    fn the_dark_picture_uses_the_dark_palette() {
        let (_, svg) = picture_of(SAMPLE_TEXT, Theme::Dark);
        let dark = Theme::Dark.palette();
        assert!(svg.contains(dark.background) && svg.contains(dark.label_fill));
        assert!(!svg.contains(Theme::Light.palette().ink));
    }

    #[test]
    fn many_events_cluster_and_the_height_stops_growing() {
        let incident = synthetic_incident(5_000, 0);
        let index = EventIndex::new(&incident);
        let scene = fitted_scene(SceneInput {
            index: &index,
            phases: &[],
            window: incident_extent(&incident).unwrap(),
            width: SVG_WIDTH,
            height: 0.0,
            offset_minutes: 0,
            hidden_kinds: 0,
        });
        assert!(scene.lanes <= MAX_LANES);
        assert!(scene.markers.iter().any(|m| m.count > 1));
        let svg = timeline_svg(&TimelinePicture {
            scene: &scene,
            index: &index,
            width: SVG_WIDTH,
            theme: Theme::Light,
            title: "t",
            context: "",
        });
        assert_eq!(
            svg.matches("class=\"tl-label\"").count(),
            scene.markers.iter().filter(|m| m.lane.is_some()).count()
        );
        assert!(svg.contains("class=\"tl-cluster\""));
    }

    #[test]
    fn long_labels_are_squeezed_into_their_box() {
        let mut out = String::new();
        let spec = TextSpec {
            x: 0.0,
            y: 0.0,
            max_width: 40.0,
            bold: false,
            fill: "#000000",
            anchor: "start",
        };
        text(&mut out, spec, "A label much wider than forty pixels");
        assert!(out.contains("textLength=\"40\""), "{out}");
        out.clear();
        text(&mut out, spec, "ok");
        assert!(!out.contains("textLength"), "{out}");
    }
}
