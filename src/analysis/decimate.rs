//! Decimation of a time series for drawing: M4 per pixel column.
//!
//! A chart `columns` pixels wide cannot show more than one x position per column, so for each
//! column only four samples matter for the picture: the first and last (where the line enters
//! and leaves the column) and the minimum and maximum (how far it swings inside it). Keeping
//! exactly those, in time order, draws the same pixels as the full series while at most
//! `4 × columns` points reach the drawing code. The visible samples are found by binary search,
//! so zooming into a million-point series costs only the samples in view.

use std::ops::Range;

use super::window::TimeWindow;

/// The indices of the samples inside `window`, plus the nearest sample on each side so a
/// line drawn through them runs to the edges of the plot. `points` must be in time order.
pub fn visible_range(points: &[(i64, f64)], window: TimeWindow) -> Range<usize> {
    let first_inside = points.partition_point(|&(t, _)| (t as f64) < window.start);
    let first_after = points.partition_point(|&(t, _)| (t as f64) <= window.end);
    first_inside.saturating_sub(1)..(first_after + 1).min(points.len())
}

/// The index of the sample nearest in time to `at` (ties go to the earlier one), by binary
/// search; `None` for an empty series. `points` must be in time order.
pub fn nearest_index(points: &[(i64, f64)], at: f64) -> Option<usize> {
    let after = points.partition_point(|&(t, _)| (t as f64) < at);
    match (after.checked_sub(1), points.get(after)) {
        (None, None) => None,
        (None, Some(_)) => Some(after),
        (Some(before), None) => Some(before),
        (Some(before), Some(&(t_after, _))) => {
            let t_before = points[before].0 as f64;
            Some(if at - t_before <= t_after as f64 - at {
                before
            } else {
                after
            })
        }
    }
}

/// The samples needed to draw `points` over `window` at `columns` pixel columns: per column
/// the first, last, minimum and maximum sample, in time order, plus one sample on each side
/// of the window. Samples whose value is not finite are skipped. `points` must be in time order.
///
/// Each column's samples are found by binary search, then scanned in one tight loop over
/// their values, so the cost is one comparison pair per visible sample.
pub fn m4(points: &[(i64, f64)], window: TimeWindow, columns: usize) -> Vec<(i64, f64)> {
    let range = visible_range(points, window);
    let columns = columns.max(1);
    let mut out = Vec::with_capacity((columns * 4 + 2).min(range.len()));
    let scale = columns as f64 / window.span();
    // The column of time `t`; samples outside the window get -1 or `columns`, so the edge
    // samples are kept as they are.
    let column_of = |t: i64| {
        ((t as f64 - window.start) * scale)
            .floor()
            .max(-1.0)
            .min(columns as f64)
    };
    let mut from = range.start;
    while from < range.end {
        let column = column_of(points[from].0);
        let to = from + points[from..range.end].partition_point(|&(t, _)| column_of(t) <= column);
        emit_column(&points[from..to], &mut out);
        from = to;
    }
    out
}

/// Appends the first, minimum, maximum and last finite samples of one column, in time order,
/// each once.
fn emit_column(samples: &[(i64, f64)], out: &mut Vec<(i64, f64)>) {
    let Some(first) = samples.iter().position(|p| p.1.is_finite()) else {
        return;
    };
    let last = samples
        .iter()
        .rposition(|p| p.1.is_finite())
        .unwrap_or(first);
    let (mut min, mut max) = (first, first);
    let (mut low, mut high) = (samples[first].1, samples[first].1);
    for (i, &(_, value)) in samples.iter().enumerate().take(last + 1).skip(first + 1) {
        if !value.is_finite() {
            continue;
        }
        if value < low {
            low = value;
            min = i;
        }
        if value > high {
            high = value;
            max = i;
        }
    }
    let mut kept = [first, min, max, last];
    kept.sort_unstable();
    let mut previous = None;
    for index in kept {
        if previous != Some(index) {
            out.push(samples[index]);
            previous = Some(index);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic wiggly series of `n` samples, one per second from t = 0.
    fn series(n: usize) -> Vec<(i64, f64)> {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        (0..n)
            .map(|i| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (i as i64 * 1000, (state % 10_000) as f64 / 100.0)
            })
            .collect()
    }

    #[test]
    fn keeps_every_columns_first_last_min_and_max() {
        let points = series(100_000);
        let window = TimeWindow::new(10_000_000.0, 60_000_000.0);
        let columns = 317;
        let kept = m4(&points, window, columns);
        assert!(kept.len() <= columns * 4 + 2, "{} points kept", kept.len());
        assert!(kept.windows(2).all(|w| w[0].0 < w[1].0), "in time order");

        let column_of =
            |t: i64| ((t as f64 - window.start) * columns as f64 / window.span()).floor();
        for column in 0..columns {
            let in_column: Vec<(i64, f64)> = points
                .iter()
                .copied()
                .filter(|&(t, _)| t as f64 >= window.start && t as f64 <= window.end)
                .filter(|&(t, _)| column_of(t) == column as f64)
                .collect();
            let kept_here: Vec<(i64, f64)> = kept
                .iter()
                .copied()
                .filter(|&(t, _)| t as f64 >= window.start && t as f64 <= window.end)
                .filter(|&(t, _)| column_of(t) == column as f64)
                .collect();
            let min = in_column.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
            let max = in_column
                .iter()
                .map(|p| p.1)
                .fold(f64::NEG_INFINITY, f64::max);
            let kept_min = kept_here.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
            let kept_max = kept_here
                .iter()
                .map(|p| p.1)
                .fold(f64::NEG_INFINITY, f64::max);
            assert_eq!((kept_min, kept_max), (min, max), "column {column}");
            assert_eq!(kept_here.first(), in_column.first(), "column {column}");
            assert_eq!(kept_here.last(), in_column.last(), "column {column}");
        }
    }

    #[test]
    fn keeps_one_sample_beyond_each_edge() {
        let points = series(1000);
        let window = TimeWindow::new(100_500.0, 200_500.0);
        let kept = m4(&points, window, 1000);
        assert_eq!(kept.first().map(|p| p.0), Some(100_000));
        assert_eq!(kept.last().map(|p| p.0), Some(201_000));
        // Fewer samples than columns: every sample in view is kept.
        assert_eq!(kept.len(), 102);
    }

    #[test]
    fn zooming_recomputes_from_the_raw_samples() {
        let points = series(1_000_000);
        let wide = m4(&points, TimeWindow::new(0.0, 1e9), 500);
        let narrow = m4(&points, TimeWindow::new(1e6, 1.2e6), 500);
        assert!(wide.len() <= 2002 && narrow.len() <= 2002);
        // At 200 samples over 500 columns, nothing is dropped in the narrow window.
        assert_eq!(narrow.len(), 203);
        assert_eq!(&narrow[1..202], &points[1000..1201]);
    }

    #[test]
    fn empty_and_non_finite_series_are_handled() {
        assert!(m4(&[], TimeWindow::new(0.0, 10_000.0), 10).is_empty());
        let points = [
            (0, 1.0),
            (500, f64::INFINITY),
            (1000, f64::NAN),
            (2000, 3.0),
        ];
        assert_eq!(
            m4(&points, TimeWindow::new(0.0, 2000.0), 10),
            [(0, 1.0), (2000, 3.0)]
        );
        assert_eq!(m4(&points, TimeWindow::new(5e6, 6e6), 10), [(2000, 3.0)]);
    }

    #[test]
    fn finds_the_nearest_sample() {
        let points = [(0, 1.0), (1000, 2.0), (3000, 3.0)];
        assert_eq!(nearest_index(&points, -50.0), Some(0));
        assert_eq!(nearest_index(&points, 400.0), Some(0));
        assert_eq!(nearest_index(&points, 500.0), Some(0));
        assert_eq!(nearest_index(&points, 2100.0), Some(2));
        assert_eq!(nearest_index(&points, 9e9), Some(2));
        assert_eq!(nearest_index(&[], 0.0), None);
        assert_eq!(visible_range(&points, TimeWindow::new(900.0, 2000.0)), 0..3);
    }
}
