//! Times that cannot be right, pointed out rather than hidden: events written out of time
//! order, and milestones in an impossible order (a fix before the root cause was found,
//! recovery before the impact began).

use super::episodes::episode_of_each;
use super::format::duration;
use super::milestones::{Basis, Milestone, Milestones};
use super::window::axis_ms;
use super::written_order::WrittenOrder;
use chrono::Datelike;

use crate::model::Incident;

/// Something odd about the incident's times.
#[derive(Debug, Clone, PartialEq)]
pub struct Anomaly {
    /// The event it concerns (index into the timeline), when it concerns one.
    pub event: Option<usize>,
    /// What is wrong, in words.
    pub message: String,
}

/// The first year a postmortem's date is believed in: anything earlier is a misread (1970 is
/// what a missing date becomes).
const FIRST_PLAUSIBLE_YEAR: i32 = 1990;

/// Every anomaly in `incident`: dates outside 1990 to next year (`this_year` + 1), then
/// out-of-order events (in written order), then milestones that come before a milestone they
/// must follow.
pub fn anomalies(incident: &Incident, this_year: i32) -> Vec<Anomaly> {
    anomalies_with(incident, &Milestones::of(incident), this_year)
}

/// [`anomalies`] from the milestones a caller already has.
pub fn anomalies_with(incident: &Incident, m: &Milestones, this_year: i32) -> Vec<Anomaly> {
    let mut found = implausible_dates(incident, this_year);
    found.extend(out_of_order(
        incident,
        m.order,
        &episode_of_each(&m.episodes, incident.timeline.len()),
    ));
    found.extend(milestone_order(m));
    found.extend(stated_length_disagrees(m));
    found
}

/// The length the postmortem states, when its events' impact window is far from it (by more
/// than half an hour and a quarter of the longer): the key durations give the stated length,
/// the views draw the window, and the reader is told they differ.
fn stated_length_disagrees(m: &Milestones) -> Option<Anomaly> {
    let (stated, written) = m.stated_length.as_ref()?;
    let (start, end) = (m.impact_start.as_ref()?, m.impact_end.as_ref()?);
    let span = end.at - start.at;
    let apart = (span - stated).abs();
    let far = span.is_finite() && apart > 30.0 * 60_000.0 && apart > 0.25 * span.max(*stated);
    far.then(|| {
        // The window is the stated start and end when both are stated, else the events'.
        let span_text = duration((span / 1000.0).round() as i64);
        let window = match (&start.basis, &end.basis) {
            (Basis::Stated, Basis::Stated) => {
                format!("its stated start and end are {span_text} apart")
            }
            _ => format!("its timeline's impact window runs {span_text}"),
        };
        Anomaly {
            event: None,
            message: format!("The postmortem states the impact lasted {written}; {window}."),
        }
    })
}

/// Dates before 1990 or after next year, each said once.
fn implausible_dates(incident: &Incident, this_year: i32) -> Vec<Anomaly> {
    let plausible = FIRST_PLAUSIBLE_YEAR..=this_year + 1;
    let stated = [
        ("The stated start", &incident.start),
        ("The stated end", &incident.end),
    ];
    let mut found: Vec<Anomaly> = stated
        .iter()
        .filter_map(|(what, moment)| {
            let date = moment.as_ref()?.date?;
            (!plausible.contains(&date.year())).then(|| Anomaly {
                event: None,
                message: format!(
                    "{what} is dated {date}, outside {} to {}: check the date as written.",
                    plausible.start(),
                    plausible.end()
                ),
            })
        })
        .collect();
    found.extend(incident.timeline.iter().enumerate().filter_map(|(i, e)| {
        let date = e.at.date?;
        (!plausible.contains(&date.year())).then(|| Anomaly {
            event: Some(i),
            message: format!(
                "Event {} is dated {date}, outside {} to {}: check the date as written.",
                i + 1,
                plausible.start(),
                plausible.end()
            ),
        })
    }));
    found
}

/// Events written out of the timeline's order (`order`): after one they come before, or, in
/// a timeline written newest first, after one they come after; a newest-first timeline is
/// named once, first. In a log of separate incidents (`episode`: each event's, see
/// [`episode_of_each`]) only events of one incident are compared: a log written newest first
/// is in order.
fn out_of_order(
    incident: &Incident,
    order: WrittenOrder,
    episode: &[Option<usize>],
) -> Vec<Anomaly> {
    let newest_first = order == WrittenOrder::NewestFirst;
    let mut found: Vec<Anomaly> = Vec::new();
    if newest_first && episode.iter().all(Option::is_none) {
        found.push(Anomaly {
            event: None,
            message: "The timeline is written newest first; the key durations read it from its \
                      oldest event."
                .to_string(),
        });
    }
    found.extend(
        incident
            .timeline
            .windows(2)
            .enumerate()
            .filter_map(|(i, pair)| {
                let gap = axis_ms(&pair[1].at) - axis_ms(&pair[0].at);
                let apart =
                    episode.get(i).copied().flatten() != episode.get(i + 1).copied().flatten();
                let (wrong, way) = match newest_first {
                    false => (gap < 0.0, "earlier"),
                    true => (gap > 0.0, "later"),
                };
                (wrong && !apart).then(|| Anomaly {
                    event: Some(i + 1),
                    message: format!(
                        "Event {} is written after event {} but is {} {way}.",
                        i + 2,
                        i + 1,
                        duration((gap.abs() / 1000.0) as i64)
                    ),
                })
            }),
    );
    found
}

/// Milestones that come before a milestone they must follow.
fn milestone_order(m: &Milestones) -> Vec<Anomaly> {
    let mut found = Vec::new();
    let order: [(&str, &Option<Milestone>); 6] = [
        ("the impact start", &m.impact_start),
        ("detection", &m.detected),
        ("acknowledgement", &m.acknowledged),
        ("root cause identified", &m.root_cause),
        ("mitigation", &m.mitigated),
        ("full recovery", &m.resolved),
    ];
    for (i, (later_name, later)) in order.iter().enumerate().skip(1) {
        let Some(later) = later else { continue };
        // Compare with the latest earlier milestone that is known.
        let Some((earlier_name, earlier)) = order[..i]
            .iter()
            .rev()
            .find_map(|(name, m)| m.as_ref().map(|m| (name, m)))
        else {
            continue;
        };
        if later.at < earlier.at {
            found.push(Anomaly {
                event: match later.basis {
                    Basis::Event(index) => Some(index),
                    Basis::Stated | Basis::StatedLength => None,
                },
                message: format!(
                    "{} comes {} before {earlier_name}.",
                    capitalise(later_name),
                    duration(((earlier.at - later.at) / 1000.0) as i64)
                ),
            });
        }
    }
    found
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn the_sample_is_in_order() {
        assert!(anomalies(&parse_text(SAMPLE_TEXT).incident, 2026).is_empty());
    }

    #[test]
    fn a_stated_length_far_from_the_window_is_named() {
        let messages = |downtime: &str| -> Vec<String> {
            let text = format!(
                "Stream outage on 2025-03-01\n\n- **Downtime:** {downtime}\n\nTimeline\n\
                 - 2025-03-01 16:00 - Outage begins: every stream fails\n\
                 - 2025-03-03 17:00 - Streams resolved\n"
            );
            anomalies(&parse_text(&text).incident, 2026)
                .into_iter()
                .map(|a| a.message)
                .collect()
        };
        assert_eq!(
            messages("~52 minutes of degraded service"),
            ["The postmortem states the impact lasted ~52 minutes; its timeline's impact window runs 2 d 1 h."]
        );
        // Near enough (a rounded figure) is no anomaly.
        assert!(messages("~2 days").is_empty(), "{:?}", messages("~2 days"));
    }

    #[test]
    fn a_stated_length_far_from_the_stated_window_names_the_window_as_stated() {
        let text = "Duration: 2025-03-01 16:00 - 2025-03-01 22:00 UTC\n\
                    Total downtime: 45 minutes\n\nTimeline\n\
                    - 2025-03-01 16:00 - Outage begins: every stream fails\n\
                    - 2025-03-01 22:00 - Streams resolved\n";
        let messages: Vec<String> = anomalies(&parse_text(text).incident, 2026)
            .into_iter()
            .map(|a| a.message)
            .collect();
        assert_eq!(
            messages,
            ["The postmortem states the impact lasted 45 minutes; its stated start and end are 6 h apart."]
        );
    }

    #[test]
    fn out_of_order_events_and_impossible_milestones_are_named() {
        let text = "Timeline:\n10:00 AM: Issue detected by alerts.\n\
                    11:00 AM: Root cause identified in the cache.\n\
                    10:30 AM: Cache configuration corrected.\n";
        let found = anomalies(&parse_text(text).incident, 2026);
        let messages: Vec<&str> = found.iter().map(|a| a.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "Event 3 is written after event 2 but is 30 min earlier.",
                "Mitigation comes 30 min before root cause identified.",
            ]
        );
        assert_eq!(found[0].event, Some(2));
        assert_eq!(found[1].event, Some(2));
    }

    #[test]
    fn a_timeline_written_newest_first_is_named_once_and_only_its_slips_flagged() {
        let text = "Timeline:\n2024-01-23 22:00 Resolved: mail flows again.\n\
                    2024-01-23 18:30 Fix deployed.\n\
                    2024-01-23 19:00 Root cause found in the filter.\n\
                    2024-01-23 13:21 Investigating.\n\
                    2024-01-23 12:00 Outage: mail is not delivered.\n";
        let found = anomalies(&parse_text(text).incident, 2026);
        let messages: Vec<&str> = found.iter().map(|a| a.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "The timeline is written newest first; the key durations read it from its oldest event.",
                "Event 3 is written after event 2 but is 30 min later.",
                "Mitigation comes 30 min before root cause identified.",
            ]
        );
        assert_eq!(found[0].event, None);
        assert_eq!(found[1].event, Some(2));
    }

    #[test]
    fn dates_outside_1990_to_next_year_are_pointed_out() {
        let text = "# Misdated\n\n## Timeline\n\n- 1970-01-01 10:00 Alert fired\n- 2031-05-01 10:05 Fixed\n- 2026-02-01 10:10 Resolved\n";
        let found = anomalies(&parse_text(text).incident, 2026);
        let dated: Vec<(Option<usize>, bool)> = found
            .iter()
            .filter(|a| a.message.contains("outside 1990 to 2027"))
            .map(|a| (a.event, a.message.starts_with("Event")))
            .collect();
        assert_eq!(dated, [(Some(0), true), (Some(1), true)]);
    }
}
