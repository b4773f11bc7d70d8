//! The order a timeline is written in. Most postmortems write their events oldest first;
//! status pages, news pages and update logs write them newest first, the latest update on top.
//!
//! The verdict is made once, here, and [`super::milestones::Milestones`] keeps it: the
//! milestones take "the first detection" and "the last recovery" in the order the story
//! happened, and the anomalies name a newest-first timeline once instead of flagging every
//! event as written after one it comes before.

use crate::model::reads_newest_first;

/// How a timeline's events are ordered as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WrittenOrder {
    /// Oldest first, or no clear order: the story is read as written.
    #[default]
    OldestFirst,
    /// Newest first: the story is read from the last event written to the first.
    NewestFirst,
}

/// The order of a timeline whose events are at `times` (axis milliseconds, one per event in
/// written order; NaN for an event without a time): newest first when the steps between
/// consecutive timed events say so (see [`reads_newest_first`]).
pub fn written_order(times: &[f64]) -> WrittenOrder {
    let timed: Vec<f64> = times.iter().copied().filter(|t| t.is_finite()).collect();
    let (mut back, mut forward) = (0, 0);
    for pair in timed.windows(2) {
        if pair[1] < pair[0] {
            back += 1;
        } else if pair[1] > pair[0] {
            forward += 1;
        }
    }
    match reads_newest_first(back, forward) {
        true => WrittenOrder::NewestFirst,
        false => WrittenOrder::OldestFirst,
    }
}

impl WrittenOrder {
    /// The indices of `count` events in the order the story happened: as written, or from
    /// the last written to the first.
    pub fn story(self, count: usize) -> Vec<usize> {
        match self {
            WrittenOrder::OldestFirst => (0..count).collect(),
            WrittenOrder::NewestFirst => (0..count).rev().collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_page_with_its_latest_update_on_top_is_newest_first() {
        assert_eq!(
            written_order(&[40.0, 30.0, 20.0]),
            WrittenOrder::NewestFirst
        );
        // One update out of place among many does not change the verdict, nor do events
        // without a time or at the same time.
        let slipped = [90.0, 80.0, f64::NAN, 85.0, 70.0, 60.0, 60.0, 50.0];
        assert_eq!(written_order(&slipped), WrittenOrder::NewestFirst);
        assert_eq!(
            WrittenOrder::NewestFirst.story(3),
            vec![2, 1, 0],
            "the story starts at the bottom"
        );
    }

    #[test]
    fn a_timeline_in_time_order_or_without_a_clear_order_is_read_as_written() {
        assert_eq!(
            written_order(&[10.0, 20.0, 30.0]),
            WrittenOrder::OldestFirst
        );
        // One step back is a slip, not an order.
        assert_eq!(written_order(&[20.0, 10.0]), WrittenOrder::OldestFirst);
        // Back and forth: no order to read backwards.
        let mixed = [50.0, 40.0, 60.0, 30.0, 70.0];
        assert_eq!(written_order(&mixed), WrittenOrder::OldestFirst);
        assert_eq!(written_order(&[]), WrittenOrder::OldestFirst);
        assert_eq!(WrittenOrder::OldestFirst.story(3), vec![0, 1, 2]);
    }
}
