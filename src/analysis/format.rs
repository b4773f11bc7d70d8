//! Words and numbers for display: durations, times of day, percentages.

use chrono::Timelike;

use crate::model::Moment;

/// A duration in the largest sensible units: `45 s`, `10 min`, `4 h`, `2 h 30 min`, `1 d 3 h`.
pub fn duration(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    let (days, hours, minutes, secs) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    let parts: Vec<String> = if days > 0 {
        vec![format!("{days} d"), format!("{hours} h")]
    } else if hours > 0 {
        vec![format!("{hours} h"), format!("{minutes} min")]
    } else if minutes > 0 {
        vec![format!("{minutes} min"), format!("{secs} s")]
    } else {
        vec![format!("{secs} s")]
    };
    let kept: Vec<&str> = parts
        .iter()
        .enumerate()
        .filter(|(i, p)| *i == 0 || !p.starts_with("0 "))
        .map(|(_, p)| p.as_str())
        .collect();
    format!("{sign}{}", kept.join(" "))
}

/// A time of day on the 24-hour clock: `13:00`, or `13:00:05` when seconds matter.
pub fn clock_24h(moment: &Moment) -> String {
    if moment.time.second() == 0 {
        moment.time.format("%H:%M").to_string()
    } else {
        moment.time.format("%H:%M:%S").to_string()
    }
}

/// A date and time for reading: `2024-01-15 10:00 UTC-05:00`, leaving out unknown parts.
pub fn full_moment(moment: &Moment) -> String {
    let mut out = String::new();
    if let Some(date) = moment.date {
        out.push_str(&date.format("%Y-%m-%d ").to_string());
    }
    out.push_str(&clock_24h(moment));
    if let Some(offset) = moment.offset {
        out.push_str(&format!(" UTC{offset}"));
    }
    out
}

/// A percentage without needless decimals: `30%`, `12.5%`.
pub fn percent(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}%")
    } else {
        format!("{rounded:.1}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(4 * 3600), "4 h");
        assert_eq!(duration(600), "10 min");
        assert_eq!(duration(2 * 3600 + 1800), "2 h 30 min");
        assert_eq!(duration(45), "45 s");
        assert_eq!(duration(27 * 3600), "1 d 3 h");
        assert_eq!(duration(0), "0 s");
        assert_eq!(duration(-600), "-10 min");
    }

    #[test]
    fn moments_and_shares_read_naturally() {
        let m: Moment = "2024-01-15T13:00:00-05:00".parse().unwrap();
        assert_eq!(clock_24h(&m), "13:00");
        assert_eq!(full_moment(&m), "2024-01-15 13:00 UTC-05:00");
        assert_eq!(percent(30.0), "30%");
        assert_eq!(percent(12.54), "12.5%");
    }
}
