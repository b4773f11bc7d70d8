//! Words and numbers for display: durations, times of day, percentages, and instants of the
//! shared time axis written in a chosen UTC offset (the `*_at` functions).

use chrono::{DateTime, Datelike, NaiveDateTime, TimeDelta, Timelike};

use super::zones::ShownZone;
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
        out.push(' ');
        out.push_str(&zone_name(offset.minutes()));
    }
    out
}

/// A stated window for reading: `2024-01-15 10:00 UTC-05:00 → 2024-01-16 01:15 UTC-05:00`, the
/// end written without the date and zone it shares with the start (`2022-12-31 00:07:02 →
/// 01:47:59 UTC`).
pub fn window_words(start: &Moment, end: &Moment) -> String {
    if start.date.is_none() || start.date != end.date || start.offset != end.offset {
        return format!("{} → {}", full_moment(start), full_moment(end));
    }
    let start_words = Moment::new(start.date, start.time, None);
    format!(
        "{} → {}",
        full_moment(&start_words),
        full_moment(&Moment::new(None, end.time, end.offset))
    )
}

/// A percentage without needless decimals: `30%`, `12.5%` (`?%` for a value that is not a number).
pub fn percent(value: f64) -> String {
    if !value.is_finite() {
        return "?%".to_string();
    }
    // `+ 0.0` turns a negative zero (a rounded -0.01) into zero: never "-0%".
    let rounded = (value * 10.0).round() / 10.0 + 0.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}%")
    } else {
        format!("{rounded:.1}%")
    }
}

/// The wall-clock date and time of axis milliseconds `ms` at `offset_minutes` east of UTC.
/// Instants outside chrono's range read as the Unix epoch (they cannot come from a `Moment`).
pub fn local_at(ms: f64, offset_minutes: i32) -> NaiveDateTime {
    let ms = if ms.is_finite() { ms.round() as i64 } else { 0 };
    DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .naive_utc()
        .checked_add_signed(TimeDelta::minutes(i64::from(offset_minutes)))
        .unwrap_or_default()
}

/// The time of day of `ms` at `offset_minutes`: `10:00`, or `10:00:05` when `seconds` is set.
pub fn clock_at(ms: f64, offset_minutes: i32, seconds: bool) -> String {
    let local = local_at(ms, offset_minutes);
    if seconds {
        local.format("%H:%M:%S").to_string()
    } else {
        local.format("%H:%M").to_string()
    }
}

/// A short date for axis labels: `15 Jan`.
pub fn day_at(ms: f64, offset_minutes: i32, days: Days) -> String {
    days.name(local_at(ms, offset_minutes).date(), "%-d %b")
}

/// How days are named: by their date, or by their number (`day 1`, `day 2`) when the postmortem
/// gives no date at all and its times stand on the axis's first day (1 January 1970), which is
/// never shown as a date.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Days {
    /// The incident gives a date: days are named by it.
    #[default]
    Dated,
    /// No date anywhere: days are counted from the first.
    Numbered,
}

impl Days {
    /// How the days of `incident` are named.
    pub fn of(incident: &crate::model::Incident) -> Days {
        let dated = incident
            .start
            .iter()
            .chain(incident.end.iter())
            .chain(incident.timeline.iter().map(|e| &e.at))
            .any(|m| m.date.is_some());
        if dated || incident.timeline.is_empty() && incident.start.is_none() {
            Days::Dated
        } else {
            Days::Numbered
        }
    }

    /// The name of `date` written with the chrono `pattern` (when dated) or its number.
    pub fn name(self, date: chrono::NaiveDate, pattern: &str) -> String {
        match self {
            Days::Dated => date.format(pattern).to_string(),
            Days::Numbered => {
                let epoch = chrono::NaiveDate::default();
                format!("day {}", (date - epoch).num_days() + 1)
            }
        }
    }
}

/// The day each event of a list is shown under, at `offset_minutes`: `Fri 10 Dec` on the first
/// event and wherever the day changes from the event before (with the year when the events
/// span years); all `None` when they fall on one day, which the header already says.
pub fn list_days(ms: &[f64], offset_minutes: i32, days: Days) -> Vec<Option<String>> {
    let dates: Vec<_> = ms
        .iter()
        .map(|&ms| local_at(ms, offset_minutes).date())
        .collect();
    let Some(first) = dates.first() else {
        return Vec::new();
    };
    if dates.iter().all(|d| d == first) {
        return vec![None; dates.len()];
    }
    let years = dates.iter().any(|d| d.year() != first.year());
    let pattern = if years { "%a %-d %b %Y" } else { "%a %-d %b" };
    let mut before = None;
    dates
        .into_iter()
        .map(|date| {
            let changed = before != Some(date);
            before = Some(date);
            changed.then(|| days.name(date, pattern))
        })
        .collect()
}

/// The date and zone the axis starts in: `Mon 15 Jan 2024 · UTC-05:00` (`day 1 · UTC` when the
/// postmortem gives no date, `· zone not stated` when it names no zone).
pub fn axis_context_at(ms: f64, zone: ShownZone, days: Days) -> String {
    format!(
        "{} · {}",
        days.name(local_at(ms, zone.minutes).date(), "%a %-d %b %Y"),
        zone.name()
    )
}

/// A full date and time for reading: `2024-01-15 10:00:05 UTC-05:00` (seconds only when not
/// zero), `2024-01-15 10:00 (zone not stated)` for times written without a zone, and
/// `day 1, 08:57` for a postmortem that gives no date (never the axis's 1970).
pub fn date_time_at(ms: f64, zone: ShownZone, days: Days) -> String {
    let local = local_at(ms, zone.minutes);
    let clock = if local.second() == 0 {
        local.format("%H:%M")
    } else {
        local.format("%H:%M:%S")
    };
    let day = days.name(local.date(), "%Y-%m-%d");
    let between = match days {
        Days::Dated => " ",
        Days::Numbered => ", ",
    };
    format!("{day}{between}{clock}{}", after_time(zone))
}

/// The zone written after a time: ` UTC-05:00`, or ` (zone not stated)`.
fn after_time(zone: ShownZone) -> String {
    if zone.stated {
        format!(" {}", zone.name())
    } else {
        format!(" ({})", zone.name())
    }
}

/// A zone as written on labels: `UTC`, `UTC-05:00`, `UTC+05:30`.
pub fn zone_name(offset_minutes: i32) -> String {
    if offset_minutes == 0 {
        return "UTC".to_string();
    }
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    format!("UTC{sign}{:02}:{:02}", abs / 60, abs % 60)
}

/// A signed offset from a reference: `+2 h`, `−10 min` (a true minus sign), `±0 s`.
pub fn relative(ms: f64) -> String {
    let seconds = (ms / 1000.0).round() as i64;
    match seconds.signum() {
        0 => "±0 s".to_string(),
        1 => format!("+{}", duration(seconds)),
        _ => format!("−{}", duration(-seconds)),
    }
}

/// When the incident happened, for the page header, in the zone it states: `Mon 15 Jan 2024,
/// 10:00–14:00 UTC-05:00`, or `15 Jan 2024 22:30 – 16 Jan 2024 01:15 UTC+05:30` across days;
/// `None` when nothing in it carries a date (times alone say nothing about the day).
pub fn incident_dates(incident: &crate::model::Incident) -> Option<String> {
    incident_dates_from(
        incident,
        &super::milestones::Milestones::of(incident),
        super::zones::incident_zone(incident),
    )
}

/// [`incident_dates`] from the milestones and the zone a caller already has.
pub fn incident_dates_from(
    incident: &crate::model::Incident,
    m: &super::milestones::Milestones,
    zone: ShownZone,
) -> Option<String> {
    if Days::of(incident) == Days::Numbered {
        return None;
    }
    let offset = zone.minutes;
    let zone = after_time(zone);
    // A log of separate incidents: the days it covers and how many it tells of.
    if let (Some(first), Some(last)) = (m.episodes.first(), m.episodes.last()) {
        return Some(format!(
            "{} – {}{zone}, {} separate incidents",
            local_at(first.start, offset).format("%-d %b %Y"),
            local_at(last.end, offset).format("%-d %b %Y"),
            m.episodes.len()
        ));
    }
    let start = m.impact_start.as_ref()?.at;
    // With no end known, the latest event: the header spans the days the timeline tells of.
    let end = m
        .impact_end
        .as_ref()
        .or(m.last_event.as_ref())
        .map(|e| e.at);
    Some(format!("{}{zone}", span_label(start, end, offset)))
}

/// A span of the axis as the header and a log's list say it, in the zone of `offset`: `Mon 15
/// Jan 2024, 10:00–14:00` within a day, `15 Jan 2024 22:30 – 16 Jan 2024 01:15` across days,
/// `Mon 15 Jan 2024, 10:00` for one moment (no end, or an end not after the start).
pub fn span_label(start_ms: f64, end_ms: Option<f64>, offset: i32) -> String {
    let start = local_at(start_ms, offset);
    let end = end_ms
        .map(|e| local_at(e, offset))
        .filter(|end| *end > start);
    match end {
        None => start.format("%a %-d %b %Y, %H:%M").to_string(),
        Some(end) if end.date() == start.date() => format!(
            "{}–{}",
            start.format("%a %-d %b %Y, %H:%M"),
            end.format("%H:%M")
        ),
        Some(end) => format!(
            "{} – {}",
            start.format("%-d %b %Y %H:%M"),
            end.format("%-d %b %Y %H:%M")
        ),
    }
}

/// What a log's list says of one of its incidents.
#[derive(Debug, Clone, PartialEq)]
pub struct EpisodeFacts {
    /// When, in the zone asked for ([`span_label`]).
    pub when: String,
    /// How long from its first event to its last, and how many events: `1 h · 2 events`, or
    /// `one event`.
    pub length: String,
    /// Its first event's words, as written (a view shortens them to fit).
    pub first: String,
}

/// [`EpisodeFacts`] of `episode`, its times in the zone of `offset`; `text_of` gives an event's
/// words by its index.
pub fn episode_facts<'a>(
    episode: &super::episodes::Episode,
    offset: i32,
    text_of: impl Fn(usize) -> Option<&'a str>,
) -> EpisodeFacts {
    let count = episode.events.len();
    let length = if count == 1 {
        "one event".to_string()
    } else {
        let seconds = (episode.span_ms() / 1000.0).round() as i64;
        format!("{} · {count} events", duration(seconds))
    };
    let first = episode
        .events
        .first()
        .and_then(|&e| text_of(e))
        .unwrap_or_default()
        .to_string();
    EpisodeFacts {
        when: span_label(episode.start, Some(episode.end), offset),
        length,
        first,
    }
}

/// A count with thousands separated by commas: `20000` as "20,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_grouped_by_thousands() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (20000, "20,000"),
            (1234567, "1,234,567"),
        ];
        for (n, written) in cases {
            assert_eq!(super::thousands(n), written);
        }
    }

    use super::*;

    #[test]
    fn axis_instants_read_in_the_chosen_zone() {
        let ms = 1_705_330_800_000.0; // 2024-01-15T15:00:00Z
        assert_eq!(clock_at(ms, 0, false), "15:00");
        assert_eq!(clock_at(ms, -300, false), "10:00");
        assert_eq!(clock_at(ms + 5000.0, 330, true), "20:30:05");
        assert_eq!(day_at(ms, 600, Days::Dated), "16 Jan");
        assert_eq!(day_at(25.0 * 3_600_000.0, 0, Days::Numbered), "day 2");
        let eastern = ShownZone::at(-300);
        assert_eq!(
            date_time_at(ms, eastern, Days::Dated),
            "2024-01-15 10:00 UTC-05:00"
        );
        assert_eq!(
            date_time_at(ms + 1000.0, ShownZone::at(0), Days::Dated),
            "2024-01-15 15:00:01 UTC"
        );
        let unstated = ShownZone {
            minutes: 0,
            stated: false,
        };
        assert_eq!(
            date_time_at(ms, unstated, Days::Dated),
            "2024-01-15 15:00 (zone not stated)"
        );
        // No date in the postmortem: the day is counted, never 1970.
        assert_eq!(
            date_time_at(
                8.0 * 3_600_000.0 + 57.0 * 60_000.0,
                unstated,
                Days::Numbered
            ),
            "day 1, 08:57 (zone not stated)"
        );
        assert_eq!(
            axis_context_at(ms, unstated, Days::Dated),
            "Mon 15 Jan 2024 · zone not stated"
        );
        assert_eq!(
            axis_context_at(ms, eastern, Days::Dated),
            "Mon 15 Jan 2024 · UTC-05:00"
        );
        assert_eq!(
            axis_context_at(9.5 * 3_600_000.0, ShownZone::at(-360), Days::Numbered),
            "day 1 · UTC-06:00"
        );
        assert_eq!(zone_name(330), "UTC+05:30");
        assert_eq!(clock_at(f64::NAN, 0, false), "00:00");
    }

    #[test]
    fn relative_offsets_carry_their_sign() {
        assert_eq!(relative(7_200_000.0), "+2 h");
        assert_eq!(relative(-600_000.0), "−10 min");
        assert_eq!(relative(0.0), "±0 s");
    }

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
        let utc: Moment = "2022-12-31T00:07:02Z".parse().unwrap();
        assert_eq!(full_moment(&utc), "2022-12-31 00:07:02 UTC");
        // A window within a day and a zone writes them once; across days, in full.
        let end: Moment = "2022-12-31T01:47:59Z".parse().unwrap();
        assert_eq!(
            window_words(&utc, &end),
            "2022-12-31 00:07:02 → 01:47:59 UTC"
        );
        let next_day: Moment = "2024-01-16T01:15:00-05:00".parse().unwrap();
        assert_eq!(
            window_words(&m, &next_day),
            "2024-01-15 13:00 UTC-05:00 → 2024-01-16 01:15 UTC-05:00"
        );
        let undated: Moment = "13:00:00".parse().unwrap();
        assert_eq!(window_words(&undated, &undated), "13:00 → 13:00");
        assert_eq!(percent(30.0), "30%");
        assert_eq!(percent(12.54), "12.5%");
    }

    #[test]
    fn the_header_dates_are_the_impact_window() {
        let sample = crate::parse::parse_text(crate::sample::SAMPLE_TEXT).incident;
        assert_eq!(
            incident_dates(&sample).as_deref(),
            Some("Mon 15 Jan 2024, 10:00–14:00 UTC-05:00")
        );
        let undated =
            crate::parse::parse_text("# X\n\n## Timeline\n\n- 10:00 a\n- 11:00 b\n").incident;
        assert_eq!(incident_dates(&undated), None);
        let unzoned = crate::parse::parse_text(
            "# X\n\n## Timeline\n\n- 2024-01-15 10:00 a\n- 2024-01-15 11:00 b\n",
        )
        .incident;
        assert_eq!(
            incident_dates(&unzoned).as_deref(),
            Some("Mon 15 Jan 2024, 10:00–11:00 (zone not stated)")
        );
    }

    #[test]
    fn a_rounded_negative_zero_is_zero() {
        assert_eq!(percent(-0.01), "0%");
        assert_eq!(percent(12.54), "12.5%");
    }

    #[test]
    fn a_list_says_the_day_where_it_changes_and_only_across_days() {
        let at = |text: &str| {
            crate::analysis::window::axis_ms(&text.parse::<crate::model::Moment>().unwrap())
        };
        let one_day = [at("2021-12-10T15:40:00Z"), at("2021-12-10T19:00:00Z")];
        assert_eq!(list_days(&one_day, 0, Days::Dated), [None, None]);
        let days = [
            at("2021-12-10T15:40:00Z"),
            at("2021-12-10T19:00:00Z"),
            at("2021-12-11T09:15:00Z"),
            at("2021-12-10T23:30:00Z"),
        ];
        let shown = list_days(&days, 0, Days::Dated);
        assert_eq!(
            shown,
            [
                Some("Fri 10 Dec".to_string()),
                None,
                Some("Sat 11 Dec".to_string()),
                Some("Fri 10 Dec".to_string()),
            ]
        );
        // The day is the one at the offset shown: 23:30 UTC is the 11th at UTC+01:00.
        assert_eq!(list_days(&days[2..], 60, Days::Dated), [None, None]);
        let years = [at("2021-12-31T23:00:00Z"), at("2022-01-01T01:00:00Z")];
        assert_eq!(
            list_days(&years, 0, Days::Dated),
            [
                Some("Fri 31 Dec 2021".to_string()),
                Some("Sat 1 Jan 2022".to_string())
            ]
        );
    }
}
