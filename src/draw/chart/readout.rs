//! The values under the pointer: for each series, the sample nearest in time (by binary
//! search over the raw samples, not the decimated ones), for the hover tooltip.

use plotters::style::RGBColor;

use super::scene::series_color;
use crate::analysis::decimate::nearest_index;
use crate::draw::palette::Theme;
use crate::model::MetricSeries;

/// One series' value near the pointer.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The series' name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Its colour on the chart.
    pub color: RGBColor,
    /// The panel it is drawn in (one per unit, in order of first appearance).
    pub panel: usize,
    /// The sample's time, axis milliseconds.
    pub at: f64,
    /// The sample's value.
    pub value: f64,
}

/// How a series is read between its samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Between {
    /// Sampled data: the nearest sample is the reading.
    Nearest,
    /// A step (e.g. the impact derived from the text): the value in effect at that time.
    Step,
}

/// Each series' reading at `at`; series without samples (or, for steps, not yet started)
/// are left out.
pub fn readout(series: &[MetricSeries], at: f64, between: Between, theme: Theme) -> Vec<Reading> {
    let mut units: Vec<&str> = Vec::new();
    series
        .iter()
        .enumerate()
        .filter_map(|(index, s)| {
            let panel = match units.iter().position(|u| *u == s.unit) {
                Some(panel) => panel,
                None => {
                    units.push(&s.unit);
                    units.len() - 1
                }
            };
            let (t, value) = match between {
                Between::Nearest => {
                    let (t, value) = s.points[nearest_index(&s.points, at)?];
                    (t as f64, value)
                }
                Between::Step => {
                    let after = s.points.partition_point(|&(t, _)| (t as f64) <= at);
                    (at, s.points[after.checked_sub(1)?].1)
                }
            };
            Some(Reading {
                name: s.name.clone(),
                unit: s.unit.clone(),
                color: series_color(index, theme),
                panel,
                at: t,
                value,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_nearest_sample_of_each_series() {
        let series = [
            MetricSeries {
                name: "errors".into(),
                unit: "%".into(),
                points: vec![(0, 1.0), (60_000, 30.0), (120_000, 2.0)],
                ..MetricSeries::default()
            },
            MetricSeries {
                name: "latency".into(),
                unit: "ms".into(),
                points: vec![(0, 100.0), (120_000, 900.0)],
                ..MetricSeries::default()
            },
            MetricSeries::default(),
        ];
        let readings = readout(&series, 70_000.0, Between::Nearest, Theme::Light);
        let values: Vec<(&str, usize, f64, f64)> = readings
            .iter()
            .map(|r| (r.name.as_str(), r.panel, r.at, r.value))
            .collect();
        assert_eq!(
            values,
            [
                ("errors", 0, 60_000.0, 30.0),
                ("latency", 1, 120_000.0, 900.0)
            ]
        );
    }
}
