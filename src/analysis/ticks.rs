//! Axis ticks that adapt from seconds to weeks as the window zooms, aligned to round times
//! and labelled in a chosen UTC offset (midnight ticks carry the date).

use super::format::{clock_at, day_at, local_at, Days};
use super::window::TimeWindow;
use chrono::Timelike;

const SECOND: f64 = 1000.0;
const MINUTE: f64 = 60.0 * SECOND;
const HOUR: f64 = 60.0 * MINUTE;
const DAY: f64 = 24.0 * HOUR;

/// Tick steps, finest first; every one divides the next larger day or hour evenly.
const STEPS: [f64; 21] = [
    SECOND,
    2.0 * SECOND,
    5.0 * SECOND,
    10.0 * SECOND,
    15.0 * SECOND,
    30.0 * SECOND,
    MINUTE,
    2.0 * MINUTE,
    5.0 * MINUTE,
    10.0 * MINUTE,
    15.0 * MINUTE,
    30.0 * MINUTE,
    HOUR,
    2.0 * HOUR,
    3.0 * HOUR,
    6.0 * HOUR,
    12.0 * HOUR,
    DAY,
    2.0 * DAY,
    7.0 * DAY,
    14.0 * DAY,
];

/// How far from either end of the axis a tick label must be to be shown whole.
pub const LABEL_EDGE_PX: f64 = 16.0;

/// Ticks an axis gets when labels fit: fewer say too little about the scale.
const MIN_TICKS: f64 = 3.0;
/// How much closer than the asked spacing ticks may be, to reach [`MIN_TICKS`].
const CLOSEST: f64 = 0.55;

/// One tick on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    /// Axis milliseconds.
    pub at: f64,
    /// Its label in the chosen zone: `10:30`, `10:30:15`, or `16 Jan` at local midnight.
    pub label: String,
    /// True at local midnight (a day boundary), drawn stronger.
    pub major: bool,
}

/// The finest step whose ticks are at least `min_spacing_px` apart on a `width_px` axis.
pub fn step_for(window: TimeWindow, width_px: f64, min_spacing_px: f64) -> f64 {
    let ms_per_px = window.span() / width_px.max(1.0);
    let wanted = ms_per_px * min_spacing_px.max(1.0);
    STEPS
        .iter()
        .copied()
        .find(|&step| step >= wanted)
        .unwrap_or_else(|| (wanted / (7.0 * DAY)).ceil() * 7.0 * DAY)
}

/// Ticks for `window` on a `width_px` axis, at least `min_spacing_px` apart (or down to 55% of
/// that when it takes that to show three), aligned to round times at `offset_minutes` east of
/// UTC (so local midnights and hours fall on ticks); midnights are labelled as `days` names them.
pub fn ticks(
    window: TimeWindow,
    width_px: f64,
    offset_minutes: i32,
    min_spacing_px: f64,
    days: Days,
) -> Vec<Tick> {
    let offset = f64::from(offset_minutes) * MINUTE;
    let first_at = |step: f64| ((window.start + offset) / step).ceil() * step - offset;
    let px_per_ms = width_px.max(1.0) / window.span();
    // Ticks whose labels are not cut by an edge.
    let count_of = |step: f64| {
        let inset = LABEL_EDGE_PX / px_per_ms;
        let first =
            first_at(step).max(((window.start + inset + offset) / step).ceil() * step - offset);
        ((window.end - inset - first) / step).floor() + 1.0
    };
    let mut step = step_for(window, width_px, min_spacing_px);
    // A narrow axis (a phone) still gets three labelled ticks when labels fit closer together.
    while count_of(step) < MIN_TICKS {
        match STEPS.iter().rev().find(|&&s| s < step) {
            Some(&finer) if finer * px_per_ms >= min_spacing_px * CLOSEST => step = finer,
            _ => break,
        }
    }
    let first = first_at(step);
    let count = ((window.end - first) / step).floor();
    if !(count.is_finite() && count >= 0.0) {
        return Vec::new();
    }
    let with_seconds = step < MINUTE;
    (0..=count.min(10_000.0) as usize)
        .map(|i| {
            let at = first + i as f64 * step;
            let local = local_at(at, offset_minutes);
            let midnight = local.num_seconds_from_midnight() == 0 && local.nanosecond() == 0;
            let label = if midnight || step >= DAY {
                day_at(at, offset_minutes, days)
            } else {
                clock_at(at, offset_minutes, with_seconds)
            };
            Tick {
                at,
                label,
                major: midnight,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: f64 = 1_705_330_800_000.0; // 2024-01-15T15:00:00Z = 10:00 at UTC-05:00

    fn labels(window: TimeWindow, width: f64, offset: i32) -> Vec<String> {
        ticks(window, width, offset, 80.0, Days::Dated)
            .into_iter()
            .map(|t| t.label)
            .collect()
    }

    #[test]
    fn four_hours_on_a_wide_axis_tick_every_half_hour() {
        let window = TimeWindow::new(T0, T0 + 4.0 * HOUR);
        assert_eq!(step_for(window, 1000.0, 80.0), 30.0 * MINUTE);
        assert_eq!(
            labels(window, 1000.0, -300),
            ["10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "13:00", "13:30", "14:00"]
        );
        assert_eq!(labels(window, 1000.0, 0)[0], "15:00");
    }

    #[test]
    fn a_phone_wide_axis_still_gets_three_ticks() {
        // 4 h 20 min on 150 px: 84 px apart would mean 3-hour steps, and one tick (12:00).
        let window = TimeWindow::new(T0 - 10.0 * MINUTE, T0 + 4.0 * HOUR + 10.0 * MINUTE);
        assert_eq!(step_for(window, 150.0, 84.0), 3.0 * HOUR);
        let ticks = ticks(window, 150.0, -300, 84.0, Days::Dated);
        assert_eq!(
            ticks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["10:00", "12:00", "14:00"]
        );
        // Never closer than 55% of the asked spacing.
        let too_narrow = TimeWindow::new(T0, T0 + 4.0 * HOUR);
        assert!(super::ticks(too_narrow, 60.0, -300, 84.0, Days::Dated).len() < 3);
    }

    #[test]
    fn ticks_on_the_edges_do_not_count_towards_three() {
        // 10:00 and 14:00 sit on the edges of a 4-hour window, where no label fits.
        let window = TimeWindow::new(T0, T0 + 4.0 * HOUR);
        let shown: Vec<String> = ticks(window, 294.0, -300, 84.0, Days::Dated)
            .into_iter()
            .filter(|t| {
                let x = (t.at - window.start) / window.span() * 294.0;
                (LABEL_EDGE_PX..=294.0 - LABEL_EDGE_PX).contains(&x)
            })
            .map(|t| t.label)
            .collect();
        assert_eq!(shown, ["11:00", "12:00", "13:00"]);
    }

    #[test]
    fn zooming_in_reaches_seconds() {
        let window = TimeWindow::new(T0 + 2500.0, T0 + 20_000.0);
        assert_eq!(
            labels(window, 300.0, 0),
            ["15:00:05", "15:00:10", "15:00:15", "15:00:20"]
        );
    }

    #[test]
    fn zooming_out_reaches_days_and_weeks() {
        let window = TimeWindow::new(T0, T0 + 5.0 * DAY);
        assert_eq!(
            labels(window, 600.0, 0),
            ["16 Jan", "17 Jan", "18 Jan", "19 Jan", "20 Jan"]
        );
        let year = TimeWindow::new(T0, T0 + 365.0 * DAY);
        let step = step_for(year, 800.0, 80.0);
        assert_eq!(step % (7.0 * DAY), 0.0);
        assert!(ticks(year, 800.0, 0, 80.0, Days::Dated).len() <= 11);
        // A postmortem without dates: its days are counted, never dated 1970.
        let undated = TimeWindow::new(20.0 * HOUR, 2.0 * DAY + 4.0 * HOUR);
        let counted: Vec<String> = ticks(undated, 600.0, 0, 80.0, Days::Numbered)
            .into_iter()
            .filter(|t| t.major)
            .map(|t| t.label)
            .collect();
        assert_eq!(counted, ["day 2", "day 3"]);
    }

    #[test]
    fn local_midnight_is_a_major_tick_with_the_date() {
        // 22:00 → 02:00 at UTC+05:30 crosses local midnight.
        let start = T0 + 1.5 * HOUR; // 16:30Z
        let window = TimeWindow::new(start, start + 4.0 * HOUR);
        let all = ticks(window, 400.0, 330, 80.0, Days::Dated);
        let major: Vec<&Tick> = all.iter().filter(|t| t.major).collect();
        assert_eq!(major.len(), 1);
        assert_eq!(major[0].label, "16 Jan");
        assert_eq!(all[0].label, "22:00");
    }

    #[test]
    fn ticks_stay_inside_the_window_and_apart() {
        for span in [3.0 * SECOND, 7.0 * MINUTE, 9.0 * HOUR, 40.0 * DAY] {
            let window = TimeWindow::new(T0 + 123.0, T0 + 123.0 + span);
            let all = ticks(window, 900.0, -300, 70.0, Days::Dated);
            assert!(!all.is_empty(), "span {span}");
            assert!(all
                .iter()
                .all(|t| t.at >= window.start && t.at <= window.end));
            let px = 900.0 / span;
            assert!(all.windows(2).all(|p| (p[1].at - p[0].at) * px >= 70.0));
        }
    }
}
