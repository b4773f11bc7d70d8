//! Synthetic incidents of any size, for benchmarks and scale tests: `events` timeline entries
//! and an error-rate series of `points` samples over one day. The same sizes always give the
//! same incident.

use chrono::{NaiveDate, NaiveTime};

use crate::model::{Impact, Incident, MetricSeries, Moment, TimelineEvent, UtcOffset};

/// Phrases that cycle through the event kinds, so every kind appears.
const PHRASES: &[&str] = &[
    "Errors began after a deploy",
    "Alert fired on elevated 5xx rate",
    "On-call acknowledged the page",
    "Investigating the load balancer logs",
    "Escalated to the storage team",
    "Initially suspected the CDN",
    "Root cause identified in the connection pool",
    "Rolled back the config change",
    "Checking replica lag",
    "Service fully recovered",
];

/// A deterministic pseudo-random sequence (xorshift64*), enough for spreading test data.
struct Noise(u64);

impl Noise {
    fn next_unit(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// An incident on 2024-01-15 (UTC) with `events` entries spread over the day and an
/// error-rate series of `points` samples that rises and falls with noise.
pub fn synthetic_incident(events: usize, points: usize) -> Incident {
    let date = NaiveDate::from_ymd_opt(2024, 1, 15);
    let offset = Some(UtcOffset::UTC);
    let day_ms: i64 = 86_400_000;
    let day_start_ms = 1_705_276_800_000; // 2024-01-15T00:00:00Z
    let mut noise = Noise(0x9e37_79b9_7f4a_7c15);
    let mut times: Vec<i64> = (0..events)
        .map(|_| (noise.next_unit() * (day_ms - 1000) as f64) as i64)
        .collect();
    times.sort_unstable();
    let timeline = times
        .iter()
        .enumerate()
        .map(|(i, ms)| {
            let seconds = u32::try_from(ms / 1000).unwrap_or(0);
            let time =
                NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or_default();
            TimelineEvent {
                at: Moment::new(date, time, offset),
                text: format!("{} (event {})", PHRASES[i % PHRASES.len()], i + 1),
                inferred: false,
                kind: None,
            }
        })
        .collect();
    let step = day_ms as f64 / points.max(1) as f64;
    let series = (0..points)
        .map(|i| {
            let t = i as f64 / points.max(1) as f64;
            let bump = (-((t - 0.5) * 6.0).powi(2)).exp() * 40.0;
            let ms = day_start_ms + (i as f64 * step) as i64;
            (ms, (bump + noise.next_unit() * 3.0).max(0.0))
        })
        .collect();
    Incident {
        title: format!("Synthetic incident: {events} events, {points} samples"),
        start: Some(Moment::new(date, NaiveTime::MIN, offset)),
        end: NaiveTime::from_hms_opt(23, 59, 59).map(|t| Moment::new(date, t, offset)),
        impact: Impact {
            text: "Synthetic load for benchmarks.".into(),
            affected_users_percent: Some(40.0),
        },
        timeline,
        metrics: vec![MetricSeries {
            name: "error rate".into(),
            unit: "%".into(),
            illustrative: true,
            points: series,
        }],
        ..Incident::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_the_asked_sizes_in_time_order_and_is_deterministic() {
        let incident = synthetic_incident(1000, 5000);
        assert_eq!(incident.timeline.len(), 1000);
        assert_eq!(incident.metrics[0].points.len(), 5000);
        assert!(incident
            .timeline
            .windows(2)
            .all(|w| w[0].at.axis_seconds() <= w[1].at.axis_seconds()));
        assert!(incident.metrics[0]
            .points
            .windows(2)
            .all(|w| w[0].0 < w[1].0));
        assert_eq!(incident, synthetic_incident(1000, 5000));
        assert_eq!(synthetic_incident(0, 0).timeline.len(), 0);
    }
}
