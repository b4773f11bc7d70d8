//! Files that log many separate incidents: a status page's history, a cluster's "alerts" page,
//! a team's outage log. Their events fall into episodes days or months apart, none of which
//! holds most of them, so an impact window or a "time to detect" across the whole file means
//! nothing (a log from 2017 to 2023 read as one incident took "1003 days to detect").
//!
//! [`log_episodes`] finds such episodes; [`super::milestones::Milestones`] keeps them and, for a
//! log, finds no cross-episode milestones, so every view (key durations, phases, header dates,
//! the illustration's story) sees the same verdict.

use super::window::TimeWindow;

/// A quiet spell this long (7 days) or longer between two events separates episodes.
const EPISODE_GAP_MS: f64 = 7.0 * 24.0 * 3_600_000.0;

/// Two episodes only make a log when this far apart (60 days) and each has two events or more:
/// a deploy one week and an outage the next is one incident with a precondition.
const TWO_EPISODE_GAP_MS: f64 = 60.0 * 24.0 * 3_600_000.0;

/// The largest share of the events one episode of a log may hold: an incident with a couple of
/// early notes (a first sighting a month before) has one episode holding nearly all of them.
const MAIN_EPISODE_SHARE: f64 = 0.7;

/// One incident of a log: its events in time order and the span they cover.
#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    /// Indices into the timeline, earliest first.
    pub events: Vec<usize>,
    /// From its first event to its last, in axis milliseconds (`start == end` for one event).
    pub start: f64,
    /// Its last event.
    pub end: f64,
}

impl Episode {
    /// How long it lasted from its first event to its last, in milliseconds.
    pub fn span_ms(&self) -> f64 {
        self.end - self.start
    }

    /// The window to show it in: its span with a margin, at least an hour wide.
    pub fn view_window(&self) -> TimeWindow {
        let margin = (self.span_ms() * 0.1).max(30.0 * 60_000.0);
        TimeWindow::new(self.start - margin, self.end + margin)
    }
}

/// The episodes of a timeline whose events (`times`, axis milliseconds, one per event; NaN for
/// none) read as a log of separate incidents, earliest first; empty when they read as one
/// incident (however long).
pub fn log_episodes(times: &[f64]) -> Vec<Episode> {
    let mut order: Vec<usize> = (0..times.len()).filter(|&i| times[i].is_finite()).collect();
    order.sort_by(|&a, &b| times[a].total_cmp(&times[b]));
    let mut episodes: Vec<Episode> = Vec::new();
    for i in order {
        let at = times[i];
        match episodes.last_mut() {
            Some(open) if at - open.end < EPISODE_GAP_MS => {
                open.events.push(i);
                open.end = at;
            }
            _ => episodes.push(Episode {
                events: vec![i],
                start: at,
                end: at,
            }),
        }
    }
    let timed: usize = episodes.iter().map(|e| e.events.len()).sum();
    let largest = episodes.iter().map(|e| e.events.len()).max().unwrap_or(0);
    let is_log = match episodes.as_slice() {
        [first, second] => {
            second.start - first.end >= TWO_EPISODE_GAP_MS
                && first.events.len() >= 2
                && second.events.len() >= 2
        }
        [_, _, _, ..] => (largest as f64) <= MAIN_EPISODE_SHARE * timed as f64,
        _ => false,
    };
    if is_log {
        episodes
    } else {
        Vec::new()
    }
}

/// Which episode each event belongs to (`None` for an event with no time or when there are no
/// episodes), so that checks within one incident of a log leave the others alone.
pub fn episode_of_each(episodes: &[Episode], events: usize) -> Vec<Option<usize>> {
    let mut of = vec![None; events];
    for (n, episode) in episodes.iter().enumerate() {
        for &e in &episode.events {
            if let Some(slot) = of.get_mut(e) {
                *slot = Some(n);
            }
        }
    }
    of
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: f64 = 3_600_000.0;
    const DAY: f64 = 24.0 * HOUR;

    #[test]
    fn a_status_history_of_separate_outages_is_a_log() {
        // Written newest first, as status pages are: three outages months apart.
        let times = [
            400.0 * DAY + HOUR,
            400.0 * DAY,
            200.0 * DAY,
            10.0 * DAY,
            10.0 * DAY + 2.0 * HOUR,
        ];
        let episodes = log_episodes(&times);
        let events: Vec<&[usize]> = episodes.iter().map(|e| e.events.as_slice()).collect();
        assert_eq!(events, [&[3, 4][..], &[2], &[1, 0]]);
        assert_eq!(episodes[0].span_ms(), 2.0 * HOUR);
        assert_eq!(
            episode_of_each(&episodes, 6),
            [Some(2), Some(2), Some(1), Some(0), Some(0), None]
        );
    }

    #[test]
    fn one_incident_with_an_early_precondition_is_not_a_log() {
        // A first sighting, a warning added two weeks later, then the incident itself.
        let mut times = vec![0.0, 14.0 * DAY];
        times.extend((0..9).map(|h| 40.0 * DAY + h as f64 * HOUR));
        assert!(log_episodes(&times).is_empty());
        // A long incident with no quiet week is one episode.
        let steady: Vec<f64> = (0..30).map(|d| d as f64 * 3.0 * DAY).collect();
        assert!(log_episodes(&steady).is_empty());
    }

    #[test]
    fn two_episodes_are_a_log_only_when_far_apart_and_each_told() {
        let apart = [0.0, HOUR, 190.0 * DAY, 190.0 * DAY + HOUR];
        assert_eq!(log_episodes(&apart).len(), 2);
        // A deploy long before a one-week incident is its precondition.
        let precondition = [0.0, 70.0 * DAY, 70.0 * DAY + HOUR, 71.0 * DAY];
        assert!(log_episodes(&precondition).is_empty());
        let close = [0.0, HOUR, 20.0 * DAY, 20.0 * DAY + HOUR];
        assert!(log_episodes(&close).is_empty());
    }

    #[test]
    fn events_without_a_time_are_left_out() {
        let times = [f64::NAN, 0.0, HOUR, 100.0 * DAY, 200.0 * DAY];
        let episodes = log_episodes(&times);
        assert_eq!(episodes.len(), 3);
        assert!(episodes.iter().all(|e| !e.events.contains(&0)));
        assert!(log_episodes(&[]).is_empty());
    }
}
