//! Draws a [`ChartScene`] with plotters on any backend, and says where the plots landed.
//!
//! Layout, top to bottom: a strip with the phase bands, then one panel per unit (its own
//! y-axis, the incident window shaded, a line per event, the series and their legend), then
//! the time labels under the last panel. Every panel spans the same pixel columns, so one
//! x position is one time in all of them. Each series is one path.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::scene::{kind_color, plotters_color, Band, ChartScene, Panel};
use super::text_metrics::estimate_text_size;
use crate::analysis::window::TimeWindow;

/// Pixels left of the plots, for the y-axis labels.
pub const MARGIN_LEFT: u32 = 72;
/// Pixels right of the plots.
pub const MARGIN_RIGHT: u32 = 16;
/// Height of the phase strip above the plots.
pub const PHASE_STRIP: u32 = 22;
/// Height of the time labels under the last plot.
pub const X_LABELS: u32 = 28;
/// Height of the row under the time labels for the note on where the data comes from.
pub const NOTE_ROW: u32 = 18;
/// Space between panels.
pub const PANEL_GAP: u32 = 10;

const FONT: &str = "sans-serif";
/// Text sizes in plotters' units (the font is drawn at size / 1.24 pixels, as plotters-svg does).
const LABEL: f64 = 15.0;
const SMALL: f64 = 14.0;

/// The palette's colours for plotters, in the scene's theme.
#[derive(Debug, Clone, Copy)]
struct Colors {
    background: RGBColor,
    ink: RGBColor,
    muted: RGBColor,
    grid: RGBColor,
    axis: RGBColor,
}

impl Colors {
    fn of(scene: &ChartScene) -> Colors {
        let palette = scene.options.theme.palette();
        Colors {
            background: plotters_color(palette.background),
            ink: plotters_color(palette.ink),
            muted: plotters_color(palette.muted),
            grid: plotters_color(palette.grid),
            axis: plotters_color(palette.axis),
        }
    }
}

/// The chart's height for `panels` panels of `panel_height` pixels each, with a row for the
/// note about where the data comes from when there is one.
pub fn chart_height(panels: usize, note: bool, panel_height: u32) -> u32 {
    let panels = u32::try_from(panels.max(1)).unwrap_or(u32::MAX / 2).min(64);
    let note = if note { NOTE_ROW } else { 0 };
    PHASE_STRIP + X_LABELS + note + panels * panel_height + (panels - 1) * PANEL_GAP
}

/// Width in pixels of the plots in a chart `width` pixels wide.
pub fn plot_width(width: u32) -> u32 {
    width.saturating_sub(MARGIN_LEFT + MARGIN_RIGHT)
}

/// Where one panel's plot landed, to map pointer positions back to times and values.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelLayout {
    /// Pixel columns of the plot (start inclusive, end exclusive).
    pub x: (i32, i32),
    /// Pixel rows of the plot (top inclusive, bottom exclusive).
    pub y: (i32, i32),
    /// Values at the bottom and top of the plot.
    pub y_range: (f64, f64),
}

/// Where everything landed.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    /// The visible span of the axis.
    pub window: TimeWindow,
    /// One per panel, top to bottom.
    pub panels: Vec<PanelLayout>,
}

impl ChartLayout {
    /// Width in pixels of the plots (0 when nothing was plotted).
    pub fn plot_width(&self) -> f64 {
        self.panels
            .first()
            .map_or(0.0, |p| f64::from(p.x.1 - p.x.0))
    }

    /// The pixel column just right of the plots.
    pub fn plot_right(&self) -> f64 {
        self.panels.first().map_or(0.0, |p| f64::from(p.x.1))
    }

    /// The axis time at pixel column `x`.
    pub fn time_at(&self, x: f64) -> Option<f64> {
        let panel = self.panels.first()?;
        let (x0, x1) = (f64::from(panel.x.0), f64::from(panel.x.1 - 1));
        (x1 > x0).then(|| self.window.start + (x - x0) / (x1 - x0) * self.window.span())
    }

    /// The pixel column of axis time `t`.
    pub fn x_of(&self, t: f64) -> Option<f64> {
        let panel = self.panels.first()?;
        let (x0, x1) = (f64::from(panel.x.0), f64::from(panel.x.1 - 1));
        Some(x0 + (t - self.window.start) / self.window.span() * (x1 - x0))
    }

    /// The pixel row of `value` in panel `panel`.
    pub fn y_of(&self, panel: usize, value: f64) -> Option<f64> {
        let p = self.panels.get(panel)?;
        let (top, bottom) = (f64::from(p.y.0), f64::from(p.y.1 - 1));
        let (lo, hi) = p.y_range;
        Some(bottom - (value - lo) / (hi - lo) * (bottom - top))
    }
}

/// A value for an axis label or tooltip, with sensible decimals and its unit (in scientific
/// notation from 10¹⁵ on, so no label runs to hundreds of digits).
pub fn format_value(value: f64, unit: &str) -> String {
    let abs = value.abs();
    let number = if !value.is_finite() {
        "–".to_string()
    } else if abs >= 1e15 {
        format!("{value:.2e}")
    } else if abs >= 100.0 || value == value.trunc() {
        format!("{value:.0}")
    } else if abs >= 10.0 {
        format!("{value:.1}")
    } else if abs >= 0.1 {
        format!("{value:.2}")
    } else {
        format!("{value:.3}")
    };
    match unit {
        "" => number,
        "%" => format!("{number}%"),
        unit => format!("{number} {unit}"),
    }
}

type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws `scene` on `backend` (which should estimate text sizes, see
/// [`EstimatedText`](super::text_metrics::EstimatedText)) and returns where the plots are.
pub fn draw_chart<DB: DrawingBackend>(
    backend: DB,
    scene: &ChartScene,
) -> DrawResult<ChartLayout, DB> {
    let colors = Colors::of(scene);
    let root = backend.into_drawing_area();
    root.fill(&colors.background)?;
    let (width, height) = root.dim_in_pixel();
    let mut layout = ChartLayout {
        window: scene.window,
        panels: Vec::new(),
    };
    if scene.panels.is_empty() || plot_width(width) < 10 {
        let text = "No metrics, and no stated impact to derive them from.";
        root.draw(&Text::new(
            text,
            (MARGIN_LEFT as i32, 40),
            (FONT, LABEL).into_font().color(&colors.muted),
        ))?;
        root.present()?;
        return Ok(layout);
    }

    let count = scene.panels.len() as u32;
    let note = scene.origin.note();
    let note_row = if note.is_some() { NOTE_ROW } else { 0 };
    let space = height.saturating_sub(PHASE_STRIP + X_LABELS + note_row + PANEL_GAP * (count - 1));
    let panel_height = (space / count).max(40);
    let mut rest = root.clone().shrink(
        (0, PHASE_STRIP),
        (width, height.saturating_sub(PHASE_STRIP)),
    );
    for (index, panel) in scene.panels.iter().enumerate() {
        let last = index + 1 == scene.panels.len();
        let own = panel_height + if last { X_LABELS } else { PANEL_GAP };
        let (area, below) = rest.split_vertically(own.min(rest.dim_in_pixel().1));
        rest = below;
        let area = if last {
            area
        } else {
            area.margin(0, PANEL_GAP, 0, 0)
        };
        layout.panels.push(draw_panel(&area, scene, panel, last)?);
    }
    draw_phase_strip(&root, scene, &layout)?;
    if let (Some(note), Some(first)) = (note, layout.panels.first()) {
        let style = (FONT, LABEL).into_font().color(&colors.muted);
        let y = height.saturating_sub(NOTE_ROW) as i32 + 2;
        root.draw(&Text::new(note, (first.x.0, y), style))?;
    }
    root.present()?;
    Ok(layout)
}

/// One panel: its axes, the incident window, the event markers, its series and legend.
fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scene: &ChartScene,
    panel: &Panel,
    last: bool,
) -> DrawResult<PanelLayout, DB> {
    let window = scene.window;
    let offset = scene.options.offset_minutes;
    let colors = Colors::of(scene);
    // The same ticks and labels as the timeline's axis (one generator, in analysis).
    let axis_ticks = crate::analysis::ticks::ticks(
        window,
        f64::from(plot_width(area.dim_in_pixel().0)),
        offset,
        80.0,
        scene.days,
    );
    let key_points: Vec<f64> = axis_ticks.iter().map(|t| t.at).collect();
    let (y0, y1) = panel.y_range;
    let mut chart = ChartBuilder::on(area)
        .margin_right(MARGIN_RIGHT)
        .x_label_area_size(if last { X_LABELS } else { 0 })
        .y_label_area_size(MARGIN_LEFT)
        .build_cartesian_2d(window.start..window.end, y0..y1)?;

    if let Some(band) = scene
        .incident
        .filter(|b| b.end >= window.start && b.start <= window.end)
    {
        chart.draw_series(std::iter::once(Rectangle::new(
            [
                (band.start.max(window.start), y0),
                (band.end.min(window.end), y1),
            ],
            band.color.mix(0.7).filled(),
        )))?;
    }

    // Time grid lines on round clock times (plotters' own ticks are round numbers of ms).
    chart.draw_series(
        key_points
            .iter()
            .map(|&t| PathElement::new(vec![(t, y0), (t, y1)], colors.grid.stroke_width(1))),
    )?;
    let unit = panel.unit.clone();
    let y_label = move |v: &f64| format_value(*v, &unit);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_label_formatter(&y_label)
        .y_labels(5)
        .label_style((FONT, LABEL).into_font().color(&colors.muted))
        .bold_line_style(colors.grid)
        .light_line_style(TRANSPARENT)
        .axis_style(colors.axis)
        .draw()?;

    chart.draw_series(scene.markers.iter().map(|m| {
        PathElement::new(
            vec![(m.at, y0), (m.at, y1)],
            kind_color(m.kind, scene.options.theme)
                .mix(0.8)
                .stroke_width(1),
        )
    }))?;

    // A value far outside the range (a series not from the readers) is drawn at the edge of
    // a band around the plot, keeping every coordinate small.
    let (low, high) = (y0 - (y1 - y0), y1 + (y1 - y0));
    for series in &panel.series {
        chart.draw_series(LineSeries::new(
            series
                .points
                .iter()
                .map(|&(t, v)| (t as f64, v.max(low).min(high))),
            series.color.stroke_width(2),
        ))?;
    }

    let (xs, ys) = chart.plotting_area().get_pixel_range();
    let layout = PanelLayout {
        x: (xs.start, xs.end),
        y: (ys.start, ys.end),
        y_range: panel.y_range,
    };
    if last {
        let base = area.get_base_pixel();
        let style = (FONT, 12)
            .into_font()
            .color(&colors.muted)
            .pos(Pos::new(HPos::Center, VPos::Top));
        let span = f64::from(layout.x.1 - 1 - layout.x.0);
        for tick in &axis_ticks {
            let t = tick.at;
            let x = layout.x.0 + ((t - window.start) / window.span() * span).round() as i32;
            let (x, y) = (x - base.0, layout.y.1 - base.1);
            area.draw(&PathElement::new(
                vec![(x, y), (x, y + 4)],
                colors.axis.stroke_width(1),
            ))?;
            area.draw(&Text::new(tick.label.clone(), (x, y + 7), style.clone()))?;
        }
    }
    draw_legend(area, panel, &layout, colors)?;
    Ok(layout)
}

/// A swatch and a name per series, top left inside the plot.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panel: &Panel,
    layout: &PanelLayout,
    colors: Colors,
) -> DrawResult<(), DB> {
    let base = area.get_base_pixel();
    let (mut x, y) = (layout.x.0 - base.0 + 8, layout.y.0 - base.1 + 6);
    let labels: Vec<String> = panel
        .series
        .iter()
        .map(|s| {
            if s.unit.is_empty() {
                s.name.clone()
            } else {
                format!("{} ({})", s.name, s.unit)
            }
        })
        .collect();
    let total: i32 = labels
        .iter()
        .map(|l| estimate_text_size(l, LABEL).0 as i32 + 34)
        .sum();
    area.draw(&Rectangle::new(
        [(x - 4, y - 3), (x + total - 8, y + 15)],
        colors.background.mix(0.85).filled(),
    ))?;
    for (series, label) in panel.series.iter().zip(&labels) {
        area.draw(&PathElement::new(
            vec![(x, y + 6), (x + 16, y + 6)],
            series.color.stroke_width(3),
        ))?;
        area.draw(&Text::new(
            label.as_str(),
            (x + 22, y),
            (FONT, LABEL).into_font().color(&colors.ink),
        ))?;
        x += estimate_text_size(label, LABEL).0 as i32 + 34;
    }
    Ok(())
}

/// The phase bands above the first plot, named where the name fits.
fn draw_phase_strip<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &ChartScene,
    layout: &ChartLayout,
) -> DrawResult<(), DB> {
    let Some(first) = layout.panels.first() else {
        return Ok(());
    };
    let (top, bottom) = (2, PHASE_STRIP as i32 - 3);
    let clip = |t: f64| {
        layout
            .x_of(t.clamp(scene.window.start, scene.window.end))
            .unwrap_or(0.0)
            .round() as i32
    };
    for band in scene
        .phases
        .iter()
        .filter(|b: &&Band| b.end > scene.window.start && b.start < scene.window.end)
    {
        let (x0, x1) = (
            clip(band.start).max(first.x.0),
            clip(band.end).min(first.x.1),
        );
        root.draw(&Rectangle::new(
            [(x0, top), (x1, bottom)],
            band.color.filled(),
        ))?;
        let (w, _) = estimate_text_size(band.label, SMALL);
        if (x1 - x0) > w as i32 + 8 {
            root.draw(&Text::new(
                band.label,
                ((x0 + x1 - w as i32) / 2, top + 3),
                (FONT, SMALL).into_font().color(&Colors::of(scene).ink),
            ))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_naturally() {
        assert_eq!(format_value(30.0, "%"), "30%");
        assert_eq!(format_value(31.456, "%"), "31.5%");
        assert_eq!(format_value(1234.6, "ms"), "1235 ms");
        assert_eq!(format_value(0.25, "s"), "0.25 s");
        assert_eq!(format_value(0.0125, ""), "0.013");
        assert_eq!(format_value(1.7e308, ""), "1.70e308");
        assert_eq!(format_value(-2e15, "ms"), "-2.00e15 ms");
        assert_eq!(format_value(f64::NAN, "%"), "–%");
    }
}
