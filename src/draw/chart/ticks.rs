//! Times written out for the chart's tooltip and CSV export. The axis ticks themselves come
//! from [`crate::analysis::ticks`], the one generator the timeline uses too.

use chrono::DateTime;

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
    fn the_tooltip_time_names_its_offset() {
        assert_eq!(
            full_label(TEN_AM_EST + 1500.0, -300),
            "2024-01-15 10:00:01 UTC-05:00"
        );
        assert_eq!(
            iso_time(TEN_AM_EST as i64, -300),
            "2024-01-15T10:00:00-05:00"
        );
    }
}
