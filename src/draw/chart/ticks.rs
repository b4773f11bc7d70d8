//! Time-axis ticks on round clock times in the displayed zone, and their labels.

use chrono::DateTime;

use crate::analysis::window::TimeWindow;

/// Tick steps to choose from, in milliseconds.
const STEPS: &[i64] = &[
    1_000,
    5_000,
    15_000,
    30_000,
    60_000,
    2 * 60_000,
    5 * 60_000,
    10 * 60_000,
    15 * 60_000,
    30 * 60_000,
    3_600_000,
    2 * 3_600_000,
    3 * 3_600_000,
    6 * 3_600_000,
    12 * 3_600_000,
    86_400_000,
    2 * 86_400_000,
    7 * 86_400_000,
];

/// The smallest step that keeps ticks at least `min_spacing` pixels apart over `width` pixels.
pub fn step_for(window: TimeWindow, width: f64, min_spacing: f64) -> i64 {
    let most = (width / min_spacing).max(1.0);
    STEPS
        .iter()
        .copied()
        .find(|&step| window.span() / step as f64 <= most)
        .unwrap_or(STEPS[STEPS.len() - 1])
}

/// Tick times inside `window` at multiples of `step` on the clock `offset_minutes` east of UTC.
pub fn ticks(window: TimeWindow, step: i64, offset_minutes: i32) -> Vec<f64> {
    let offset = f64::from(offset_minutes) * 60_000.0;
    let step = step as f64;
    let first = ((window.start + offset) / step).ceil() * step - offset;
    (0..)
        .map(|i| first + f64::from(i) * step)
        .take_while(|&t| t <= window.end)
        .take(200)
        .collect()
}

/// A tick label: `14:05`, `14:05:30` for sub-minute steps, `Jan 15` for whole days.
pub fn label(ms: f64, step: i64, offset_minutes: i32) -> String {
    let local = ms as i64 + i64::from(offset_minutes) * 60_000;
    let Some(at) = DateTime::from_timestamp_millis(local) else {
        return String::new();
    };
    let pattern = if step >= 86_400_000 {
        "%b %d"
    } else if step < 60_000 {
        "%H:%M:%S"
    } else {
        "%H:%M"
    };
    at.naive_utc().format(pattern).to_string()
}

/// A time for the tooltip: `2024-01-15 14:05:30 UTC-05:00`.
pub fn full_label(ms: f64, offset_minutes: i32) -> String {
    let local = ms.round() as i64 + i64::from(offset_minutes) * 60_000;
    let Some(at) = DateTime::from_timestamp_millis(local) else {
        return String::new();
    };
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    format!(
        "{} UTC{sign}{:02}:{:02}",
        at.naive_utc().format("%Y-%m-%d %H:%M:%S"),
        abs / 60,
        abs % 60
    )
}

/// ISO 8601 with the offset: `2024-01-15T10:00:00-05:00`, with milliseconds when there are any.
pub fn iso_time(ms: i64, offset_minutes: i32) -> String {
    let Some(at) = DateTime::from_timestamp_millis(ms + i64::from(offset_minutes) * 60_000) else {
        return ms.to_string();
    };
    let pattern = if ms % 1000 == 0 {
        "%Y-%m-%dT%H:%M:%S"
    } else {
        "%Y-%m-%dT%H:%M:%S%.3f"
    };
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    format!(
        "{}{sign}{:02}:{:02}",
        at.naive_utc().format(pattern),
        abs / 60,
        abs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEN_AM_EST: f64 = 1_705_330_800_000.0; // 2024-01-15T10:00:00-05:00

    #[test]
    fn ticks_fall_on_round_local_times() {
        let window = TimeWindow::new(TEN_AM_EST - 12.0 * 60_000.0, TEN_AM_EST + 4.2 * 3_600_000.0);
        let step = step_for(window, 880.0, 80.0);
        assert_eq!(step, 30 * 60_000);
        let ticks = ticks(window, step, -300);
        let labels: Vec<String> = ticks.iter().map(|&t| label(t, step, -300)).collect();
        assert_eq!(labels.first().map(String::as_str), Some("10:00"));
        assert_eq!(labels.last().map(String::as_str), Some("14:00"));
        assert_eq!(labels.len(), 9);
        assert_eq!(label(TEN_AM_EST, step, 0), "15:00");
        assert_eq!(
            full_label(TEN_AM_EST + 1500.0, -300),
            "2024-01-15 10:00:01 UTC-05:00"
        );
    }
}
