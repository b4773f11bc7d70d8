//! The impact as the postmortem writes it, as a series the chart can draw when the incident
//! has no measured metrics: e.g. "30% of users" from the impact start to the recovery, as a
//! step. It is labelled as derived so nobody mistakes it for a measurement.

use super::milestones::Milestones;
use super::window::incident_extent;
use crate::model::{Incident, MetricSeries};

/// The label every derived series carries on the chart.
pub const DERIVED_LABEL: &str = "derived from the postmortem text — not measured";

/// True when the incident has at least one series with a sample.
pub fn has_measured_metrics(incident: &Incident) -> bool {
    incident.metrics.iter().any(|m| !m.points.is_empty())
}

/// The share of users affected, as a step from 0 to the stated share at the impact start and
/// back to 0 at the recovery (or the stated end), over the whole incident extent. `None` when
/// the postmortem states no share, or no start and end to place it between.
pub fn derived_impact_series(incident: &Incident) -> Option<MetricSeries> {
    derived_impact_series_with(incident, &Milestones::of(incident))
}

/// [`derived_impact_series`] from the milestones a caller already has.
pub fn derived_impact_series_with(
    incident: &Incident,
    milestones: &Milestones,
) -> Option<MetricSeries> {
    // The readers keep shares within 0–100; one set elsewhere is held to that too.
    let share = incident
        .impact
        .affected_users_percent
        .filter(|p| p.is_finite())?
        .clamp(0.0, 100.0);
    let start = milestones.impact_start.as_ref()?.at;
    let end = milestones
        .resolved
        .as_ref()
        .or(milestones.impact_end.as_ref())
        .map(|m| m.at)
        .filter(|&end| end > start)?;
    let extent = incident_extent(incident)?;
    let ms = |t: f64| t.round() as i64;
    let points = vec![
        (ms(extent.start.min(start)), 0.0),
        (ms(start), 0.0),
        (ms(start), share),
        (ms(end), share),
        (ms(end), 0.0),
        (ms(extent.end.max(end)), 0.0),
    ];
    Some(MetricSeries {
        name: "users affected".into(),
        unit: "%".into(),
        illustrative: false,
        points,
    })
}

/// Phrases with which a postmortem says nobody outside the team was affected.
const NO_IMPACT: &[&str] = &[
    "no user impact",
    "no customer impact",
    "no user-facing impact",
    "no customer-facing impact",
    "no impact to users",
    "no impact to customers",
    "no impact on users",
    "no impact on customers",
    "no users were affected",
    "no customers were affected",
    "without user impact",
    "without customer impact",
    "did not affect users",
    "did not affect customers",
    "didn't affect users",
    "didn't affect customers",
    "users were not affected",
    "customers were not affected",
    "no external impact",
];

/// True when the impact or summary says there was no user impact (a near miss): the views
/// then show no outage crumbling away.
pub fn states_no_user_impact(incident: &Incident) -> bool {
    if incident
        .impact
        .affected_users_percent
        .is_some_and(|p| p > 0.0)
    {
        return false;
    }
    [&incident.impact.text, &incident.summary]
        .iter()
        .any(|text| {
            let lower = text.to_lowercase();
            NO_IMPACT.iter().any(|phrase| lower.contains(phrase))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::window::axis_ms;
    use crate::parse::parse_text;
    use crate::sample::{synthetic_incident, SAMPLE_TEXT};

    #[test]
    fn the_sample_is_thirty_percent_from_ten_to_two() {
        let incident = parse_text(SAMPLE_TEXT).incident;
        assert!(!has_measured_metrics(&incident));
        let series = derived_impact_series(&incident).unwrap();
        assert_eq!(series.unit, "%");
        let start = axis_ms(incident.start.as_ref().unwrap()) as i64;
        let four_hours = 4 * 3_600_000;
        let steps: Vec<(i64, f64)> = series.points[1..5]
            .iter()
            .map(|&(t, v)| (t - start, v))
            .collect();
        assert_eq!(
            steps,
            [(0, 0.0), (0, 30.0), (four_hours, 30.0), (four_hours, 0.0)]
        );
        assert!(series.points[0].0 < start && series.points[5].0 > start + four_hours);
    }

    #[test]
    fn no_stated_share_means_no_derived_series() {
        let mut incident = parse_text(SAMPLE_TEXT).incident;
        incident.impact.affected_users_percent = None;
        assert_eq!(derived_impact_series(&incident), None);
        assert_eq!(derived_impact_series(&Incident::default()), None);
    }

    #[test]
    fn an_incident_without_samples_has_no_measured_metrics() {
        assert!(!has_measured_metrics(&synthetic_incident(50, 0)));
        assert!(has_measured_metrics(&synthetic_incident(0, 10)));
        assert!(derived_impact_series(&synthetic_incident(50, 0)).is_some());
    }

    #[test]
    fn a_near_miss_says_so() {
        let mut incident = Incident::default();
        incident.impact.text = "There was **no customer impact**: the canary caught it.".into();
        assert!(states_no_user_impact(&incident));
        incident.impact.affected_users_percent = Some(3.0);
        assert!(!states_no_user_impact(&incident));
        let sample = crate::parse::parse_text(crate::sample::SAMPLE_TEXT).incident;
        assert!(!states_no_user_impact(&sample));
    }
}
