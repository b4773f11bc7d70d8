//! What the chart shows for an incident and a visible window: a panel per unit with its
//! series decimated to the plot's width, a marker per event, the incident window and the
//! phase bands. Pure data, so it is tested without drawing.

use std::borrow::Cow;

use plotters::style::RGBColor;

use super::render::plot_width;
use crate::analysis::decimate::m4;
use crate::analysis::derived_impact::{derived_impact_series, derived_impact_series_with};
use crate::analysis::format::Days;
use crate::analysis::kinds::kinds_of;
use crate::analysis::milestones::Milestones;
use crate::analysis::phases::{phases, PhaseKind};
use crate::analysis::window::{axis_ms, TimeWindow};
use crate::draw::palette::{kind_colour, phase_colour, rgb, series_colour, Theme};
use crate::model::{EventKind, Incident, MetricSeries};
use crate::parse::MAX_VALUE;

/// Where the charted series come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesOrigin {
    /// Measured data attached to the incident.
    Measured,
    /// Data attached to the incident but marked as made up for illustration.
    Illustrative,
    /// The impact as the postmortem text states it (see
    /// [`derived_impact`](crate::analysis::derived_impact)).
    Derived,
    /// Nothing to chart.
    None,
}

impl SeriesOrigin {
    /// The note shown with the chart, if any.
    pub fn note(self) -> Option<&'static str> {
        match self {
            SeriesOrigin::Illustrative => Some("illustrative data — not measured"),
            SeriesOrigin::Derived => Some(crate::analysis::derived_impact::DERIVED_LABEL),
            SeriesOrigin::Measured | SeriesOrigin::None => None,
        }
    }
}

/// The series to chart: the incident's own (those with samples), or else its impact as
/// written, or nothing. Borrows the incident's series when it can: they may be millions of samples.
pub fn chart_series(incident: &Incident) -> (Cow<'_, [MetricSeries]>, SeriesOrigin) {
    chart_series_with(incident, None)
}

/// [`chart_series`] with the milestones when the caller has them (else found when needed).
pub fn chart_series_with<'a>(
    incident: &'a Incident,
    milestones: Option<&Milestones>,
) -> (Cow<'a, [MetricSeries]>, SeriesOrigin) {
    let with_samples = incident
        .metrics
        .iter()
        .filter(|m| !m.points.is_empty())
        .count();
    if with_samples > 0 {
        let origin = if incident.metrics.iter().any(|m| m.illustrative) {
            SeriesOrigin::Illustrative
        } else {
            SeriesOrigin::Measured
        };
        let series = if with_samples == incident.metrics.len() {
            Cow::Borrowed(incident.metrics.as_slice())
        } else {
            Cow::Owned(
                incident
                    .metrics
                    .iter()
                    .filter(|m| !m.points.is_empty())
                    .cloned()
                    .collect(),
            )
        };
        return (series, origin);
    }
    let derived = match milestones {
        Some(m) => derived_impact_series_with(incident, m),
        None => derived_impact_series(incident),
    };
    match derived {
        Some(series) => (Cow::Owned(vec![series]), SeriesOrigin::Derived),
        None => (Cow::Owned(Vec::new()), SeriesOrigin::None),
    }
}

/// The colour of series number `index` in `theme`.
pub fn series_color(index: usize, theme: Theme) -> RGBColor {
    plotters_color(series_colour(index, theme))
}

/// The colour of an event kind's marker in `theme` (the timeline uses the same ones).
pub fn kind_color(kind: EventKind, theme: Theme) -> RGBColor {
    plotters_color(kind_colour(kind, theme))
}

/// A palette colour as plotters takes it.
pub fn plotters_color(hex: &str) -> RGBColor {
    let (r, g, b) = rgb(hex);
    RGBColor(r, g, b)
}

/// `#rrggbb` for a colour, for CSS.
pub fn css_color(color: RGBColor) -> String {
    format!("#{:02x}{:02x}{:02x}", color.0, color.1, color.2)
}

/// One series as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    /// Index into the charted series ([`chart_series`]).
    pub source: usize,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Its colour.
    pub color: RGBColor,
    /// The samples to draw: M4-decimated to the plot width.
    pub points: Vec<(i64, f64)>,
}

/// The series that share one unit, and so one y-axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// The unit on its y-axis.
    pub unit: String,
    /// The y-axis range, from the visible samples.
    pub y_range: (f64, f64),
    /// Its series.
    pub series: Vec<ChartSeries>,
}

/// A timeline event on the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    /// Axis milliseconds.
    pub at: f64,
    /// Index into the incident's timeline.
    pub index: usize,
    /// Its kind, which gives its colour.
    pub kind: EventKind,
}

/// A shaded span of the axis with a name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// First instant.
    pub start: f64,
    /// Last instant.
    pub end: f64,
    /// Its name, e.g. "Diagnosis".
    pub label: &'static str,
    /// Its fill.
    pub color: RGBColor,
}

/// How big the picture is and which clock it reads in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SceneOptions {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The displayed zone, minutes east of UTC.
    pub offset_minutes: i32,
    /// The colours to draw with.
    pub theme: Theme,
}

/// Everything the chart draws for one window.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartScene {
    /// The visible span of the axis.
    pub window: TimeWindow,
    /// Size and zone.
    pub options: SceneOptions,
    /// A panel per unit, in order of first appearance.
    pub panels: Vec<Panel>,
    /// Visible events, at most one per pixel column.
    pub markers: Vec<Marker>,
    /// The impact, from its start to its end, when both are known.
    pub incident: Option<Band>,
    /// The phases of the response.
    pub phases: Vec<Band>,
    /// Where the data comes from.
    pub origin: SeriesOrigin,
    /// How the axis names days: counted when the chart draws a postmortem that gives no date.
    pub days: Days,
}

/// Builds the scene for `incident` over `window`. Only the samples in view are read, and at
/// most four per pixel column are kept.
pub fn chart_scene(incident: &Incident, window: TimeWindow, options: SceneOptions) -> ChartScene {
    // Classified once for the markers and the milestones both.
    let kinds = kinds_of(incident);
    let milestones = Milestones::with_kinds(incident, &kinds);
    chart_scene_with(incident, &kinds, &milestones, window, options)
}

/// [`chart_scene`] from the kinds and milestones a caller already has (the page classifies
/// them once for every view).
pub fn chart_scene_with(
    incident: &Incident,
    kinds: &[EventKind],
    milestones: &Milestones,
    window: TimeWindow,
    options: SceneOptions,
) -> ChartScene {
    let (series, origin) = chart_series_with(incident, Some(milestones));
    // However wide the picture is asked to be, the decimation and markers stay bounded.
    let columns = plot_width(options.width).clamp(1, MAX_COLUMNS) as usize;
    let mut panels: Vec<Panel> = Vec::new();
    for (source, s) in series.iter().enumerate() {
        let drawn = ChartSeries {
            source,
            name: s.name.clone(),
            unit: s.unit.clone(),
            color: series_color(source, options.theme),
            points: m4(&s.points, window, columns),
        };
        match panels.iter_mut().find(|p| p.unit == s.unit) {
            Some(panel) => panel.series.push(drawn),
            None => panels.push(Panel {
                unit: s.unit.clone(),
                y_range: (0.0, 1.0),
                series: vec![drawn],
            }),
        }
    }
    for panel in &mut panels {
        panel.y_range = y_range(&panel.series, window);
    }

    ChartScene {
        window,
        options,
        panels,
        markers: markers(incident, kinds, window, columns),
        incident: incident_band(milestones, options.theme),
        phases: phase_bands(milestones, options.theme),
        days: match origin {
            SeriesOrigin::Measured | SeriesOrigin::Illustrative => Days::Dated,
            SeriesOrigin::Derived | SeriesOrigin::None => Days::of(incident),
        },
        origin,
    }
}

/// The most pixel columns a scene decimates to (wider pictures share columns).
pub const MAX_COLUMNS: u32 = 8192;

/// From 0 (or the lowest value, if negative) to 10% above the highest visible value (or 0).
/// Values are read only when finite and within ±[`MAX_VALUE`] (clamped to it otherwise: the
/// readers leave such samples out, but a series built elsewhere may hold them), so the range
/// is always finite, contains 0, and is at most a few times 10¹⁵ wide: the axis' tick loop
/// stays short.
fn y_range(series: &[ChartSeries], window: TimeWindow) -> (f64, f64) {
    let (lo, hi) = series
        .iter()
        .flat_map(|s| s.points.iter())
        .filter(|&&(t, v)| (t as f64) >= window.start && (t as f64) <= window.end && !v.is_nan())
        .map(|&(_, v)| v.clamp(-MAX_VALUE, MAX_VALUE))
        .fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if hi <= lo {
        return (lo, lo + 1.0);
    }
    (lo, hi + (hi - lo) * 0.1)
}

/// The visible events, keeping the first of several that fall in one pixel column.
fn markers(
    incident: &Incident,
    kinds: &[EventKind],
    window: TimeWindow,
    columns: usize,
) -> Vec<Marker> {
    let scale = columns as f64 / window.span();
    let mut taken = vec![false; columns + 1];
    incident
        .timeline
        .iter()
        .enumerate()
        .filter_map(|(index, event)| {
            let at = axis_ms(&event.at);
            if at < window.start || at > window.end {
                return None;
            }
            let column = (((at - window.start) * scale) as usize).min(columns);
            if std::mem::replace(&mut taken[column], true) {
                return None;
            }
            Some(Marker {
                at,
                index,
                kind: kinds.get(index).copied().unwrap_or(EventKind::Other),
            })
        })
        .collect()
}

/// The impact from its start to its end (or recovery).
fn incident_band(m: &Milestones, theme: Theme) -> Option<Band> {
    let start = m.impact_start.as_ref()?.at;
    let end = m.impact_end.as_ref().or(m.resolved.as_ref())?.at;
    (end > start).then_some(Band {
        start,
        end,
        label: "Impact",
        color: plotters_color(phase_colour(PhaseKind::Impact, theme)),
    })
}

/// The phase bands: the same phases the timeline draws (from [`phases`]), in the chart's
/// colours. The impact phase is left to the impact band drawn under them.
fn phase_bands(m: &Milestones, theme: Theme) -> Vec<Band> {
    phases(m)
        .into_iter()
        .filter(|p| p.kind != PhaseKind::Impact)
        .map(|p| Band {
            start: p.start,
            end: p.end,
            label: p.kind.label(),
            color: plotters_color(phase_colour(p.kind, theme)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::window::incident_extent;
    use crate::parse::{parse_metrics, parse_text};
    use crate::sample::{synthetic_incident, SAMPLE_METRICS, SAMPLE_TEXT};

    fn sample() -> Incident {
        let mut incident = parse_text(SAMPLE_TEXT).incident;
        incident.metrics = parse_metrics("m.csv", SAMPLE_METRICS).0;
        incident
    }

    const OPTIONS: SceneOptions = SceneOptions {
        width: 900,
        height: 360,
        offset_minutes: -300,
        theme: Theme::Light,
    };

    #[test]
    fn the_sample_has_a_panel_per_unit_nine_markers_and_four_phases() {
        let incident = sample();
        let window = incident_extent(&incident).unwrap();
        let scene = chart_scene(&incident, window, OPTIONS);
        assert_eq!(scene.origin, SeriesOrigin::Illustrative);
        let units: Vec<&str> = scene.panels.iter().map(|p| p.unit.as_str()).collect();
        assert_eq!(units, ["%", "ms"]);
        assert_eq!(scene.panels[0].series[0].name, "error rate");
        assert!(scene.panels[0].y_range.1 > 30.0 && scene.panels[0].y_range.1 < 45.0);
        assert_eq!(scene.markers.len(), 9);
        assert_eq!(scene.markers[3].kind, EventKind::MisleadingPath);
        let phases: Vec<&str> = scene.phases.iter().map(|b| b.label).collect();
        assert_eq!(phases, ["Detection", "Diagnosis", "Mitigation", "Recovery"]);
        let band = scene.incident.unwrap();
        assert_eq!(band.end - band.start, 4.0 * 3_600_000.0);
    }

    #[test]
    fn a_million_samples_are_decimated_to_the_width() {
        let incident = synthetic_incident(1000, 1_000_000);
        let window = incident_extent(&incident).unwrap();
        let scene = chart_scene(&incident, window, OPTIONS);
        let drawn = scene.panels[0].series[0].points.len();
        assert!(drawn <= 4 * plot_width(900) as usize + 2, "{drawn}");
        assert!(scene.markers.len() <= plot_width(900) as usize + 1);
        assert!(scene.markers.len() > 300);
    }

    #[test]
    fn without_samples_the_impact_is_derived() {
        let incident = synthetic_incident(50, 0);
        let (series, origin) = chart_series(&incident);
        assert_eq!(origin, SeriesOrigin::Derived);
        assert_eq!(
            series[0].points.iter().map(|p| p.1).fold(0.0, f64::max),
            40.0
        );
        assert_eq!(
            origin.note(),
            Some("derived from the postmortem text — not measured")
        );
        let empty = Incident::default();
        let (series, origin) = chart_series(&empty);
        assert!(series.is_empty());
        assert_eq!(origin, SeriesOrigin::None);
    }
}
