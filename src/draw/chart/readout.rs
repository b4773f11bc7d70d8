//! The values under the pointer: for each series, the sample nearest in time (by binary
//! search over the raw samples, not the decimated ones), for the hover tooltip.

use plotters::style::RGBColor;

use super::scene::series_color;
use crate::analysis::decimate::nearest_index;
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

/// The sample of each series nearest to `at`; series without samples are left out.
pub fn readout(series: &[MetricSeries], at: f64) -> Vec<Reading> {
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
            let (t, value) = s.points[nearest_index(&s.points, at)?];
            Some(Reading {
                name: s.name.clone(),
                unit: s.unit.clone(),
                color: series_color(index),
                panel,
                at: t as f64,
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
        let readings = readout(&series, 70_000.0);
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
