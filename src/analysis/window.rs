//! The shared time axis: every view (timeline, chart, illustration) places things on it, in
//! milliseconds since the Unix epoch ([`crate::model::Moment::axis_seconds`] × 1000).

use crate::model::Incident;

/// A visible span of the time axis, in axis milliseconds, `start < end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeWindow {
    /// First visible instant.
    pub start: f64,
    /// Last visible instant.
    pub end: f64,
}

impl TimeWindow {
    /// A window from `start` to `end`; a reversed or empty span is widened to one second.
    pub fn new(start: f64, end: f64) -> TimeWindow {
        let (start, end) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        if end - start < 1000.0 {
            let mid = (start + end) / 2.0;
            TimeWindow {
                start: mid - 500.0,
                end: mid + 500.0,
            }
        } else {
            TimeWindow { start, end }
        }
    }

    /// Its length in milliseconds.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }
}

/// Axis milliseconds of a moment.
pub fn axis_ms(moment: &crate::model::Moment) -> f64 {
    moment.axis_seconds() as f64 * 1000.0
}

/// The whole incident on the axis: its stated start and end and every event, with 5% margin
/// on each side. Metric samples only set the extent of an incident that states no time at all,
/// so a long metrics file does not shrink the incident in the default view (zooming out still
/// reaches every sample). `None` when nothing has a time.
pub fn incident_extent(incident: &Incident) -> Option<TimeWindow> {
    let moments = incident
        .start
        .iter()
        .chain(incident.end.iter())
        .chain(incident.timeline.iter().map(|e| &e.at))
        .map(axis_ms);
    let samples = incident
        .metrics
        .iter()
        .flat_map(|m| m.points.first().into_iter().chain(m.points.last()))
        .map(|&(ms, _)| ms as f64);
    let bounds = |times: &mut dyn Iterator<Item = f64>| {
        times.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), t| {
            (lo.min(t), hi.max(t))
        })
    };
    let (mut lo, mut hi) = bounds(&mut moments.into_iter());
    if !lo.is_finite() {
        (lo, hi) = bounds(&mut samples.into_iter());
    }
    if !lo.is_finite() {
        return None;
    }
    let margin = ((hi - lo) * 0.05).max(60_000.0);
    Some(TimeWindow::new(lo - margin, hi + margin))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn the_sample_spans_its_four_hours_plus_margin() {
        let incident = parse_text(SAMPLE_TEXT).incident;
        let window = incident_extent(&incident).unwrap();
        let start = axis_ms(incident.start.as_ref().unwrap());
        assert_eq!(window.start, start - 12.0 * 60_000.0);
        assert_eq!(window.span(), 15_840_000.0); // 4 h + 2 × 12 min
    }

    #[test]
    fn metrics_set_the_extent_only_of_an_incident_without_times() {
        let mut incident = parse_text(SAMPLE_TEXT).incident;
        let stated = incident_extent(&incident);
        incident.metrics.push(crate::model::MetricSeries {
            points: vec![(0, 1.0), (1_800_000_000_000, 2.0)],
            ..Default::default()
        });
        assert_eq!(incident_extent(&incident), stated);
        let only_metrics = Incident {
            metrics: incident.metrics.clone(),
            ..Incident::default()
        };
        let window = incident_extent(&only_metrics).unwrap();
        assert!(window.start < 0.0 && window.end > 1_800_000_000_000.0);
    }

    #[test]
    fn an_empty_incident_has_no_extent() {
        assert_eq!(incident_extent(&Incident::default()), None);
        assert_eq!(TimeWindow::new(5.0, 5.0).span(), 1000.0);
    }
}
