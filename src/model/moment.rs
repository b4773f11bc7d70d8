//! A point in time as a postmortem states it: a time of day, maybe a date, maybe a UTC offset.
//!
//! Postmortems are often vague ("10:00 AM", no date, no zone), so every part but the time of
//! day is optional. A [`Moment`] is written and read as ISO 8601 with only the known parts:
//! `2024-01-15T10:00:00-05:00`, `2024-01-15T10:00:00`, `10:00:00-05:00` or `10:00:00`.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An offset from UTC in whole minutes, e.g. `-300` for UTC-05:00.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UtcOffset {
    minutes: i16,
}

impl UtcOffset {
    /// UTC itself.
    pub const UTC: UtcOffset = UtcOffset { minutes: 0 };

    /// The offset of `minutes` east of UTC, if it is a real one (within ±18 hours).
    pub fn from_minutes(minutes: i32) -> Option<UtcOffset> {
        (-18 * 60..=18 * 60)
            .contains(&minutes)
            .then_some(UtcOffset {
                minutes: minutes as i16,
            })
    }

    /// Minutes east of UTC.
    pub fn minutes(self) -> i32 {
        i32::from(self.minutes)
    }

    /// Seconds east of UTC.
    pub fn seconds(self) -> i64 {
        i64::from(self.minutes) * 60
    }
}

impl fmt::Display for UtcOffset {
    /// Writes the ISO 8601 form, e.g. `-05:00` or `+05:30`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.minutes < 0 { '-' } else { '+' };
        let abs = self.minutes.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", abs / 60, abs % 60)
    }
}

/// A time of day with an optional date and an optional UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Moment {
    /// The calendar date, when known.
    pub date: Option<NaiveDate>,
    /// The time of day (always known).
    pub time: NaiveTime,
    /// The offset from UTC the time is written in, when known.
    pub offset: Option<UtcOffset>,
}

impl Moment {
    /// A moment from its parts.
    pub fn new(date: Option<NaiveDate>, time: NaiveTime, offset: Option<UtcOffset>) -> Moment {
        Moment { date, time, offset }
    }

    /// Seconds on one common axis, for ordering and durations.
    ///
    /// With date and offset this is the Unix time. A missing offset is read as UTC and a
    /// missing date as 1970-01-01, so moments that lack the same parts still compare sensibly.
    pub fn axis_seconds(&self) -> i64 {
        let date = self.date.unwrap_or_default();
        let local = NaiveDateTime::new(date, self.time).and_utc().timestamp();
        local - self.offset.map_or(0, UtcOffset::seconds)
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(date) = self.date {
            // As chrono's `%Y-%m-%d` writes it, without reading a format string for each moment
            // (a tenth of the parse worker's time on a timeline of 10,000 events).
            match date.year() {
                year @ 0..=9999 => {
                    write!(f, "{year:04}-{:02}-{:02}T", date.month(), date.day())?;
                }
                _ => write!(f, "{}T", date.format("%Y-%m-%d"))?,
            }
        }
        write!(
            f,
            "{:02}:{:02}:{:02}",
            self.time.hour(),
            self.time.minute(),
            self.time.second()
        )?;
        match self.offset {
            Some(offset) => write!(f, "{offset}"),
            None => Ok(()),
        }
    }
}

/// Why a string is not an ISO 8601 moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MomentSyntaxError(pub String);

impl fmt::Display for MomentSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "expected an ISO 8601 time such as 2024-01-15T10:00:00-05:00, 2024-01-15T10:00:00 or 10:00:00, found {:?}",
            self.0
        )?;
        match impossible_stamp(self.0.trim()) {
            Some((_, why)) => write!(f, " ({why})"),
            None => Ok(()),
        }
    }
}

/// Why the date or time of day at the start of `text` cannot be, with the byte offset where it
/// starts: `2023-02-30` (February 2023 has 28 days), `2023-13-01`, `99999-01-01`, `25:00`,
/// `24:00`, `10:61`, `10:4` (cut short), `13:00 PM`. `None` when the start of `text` is not
/// shaped like a date or time, or when it is a real one. Leading `*`, `_`, `[`, `(` and
/// `` ` `` (Markdown emphasis, brackets) are passed over.
pub fn impossible_stamp(text: &str) -> Option<(usize, String)> {
    let start = text.len() - text.trim_start_matches(['*', '_', '[', '(', '`']).len();
    let bytes = text.as_bytes();
    // The run of ASCII digits at `at`: (value, end), at most `max` digits.
    let number = |at: usize, max: usize| -> Option<(u64, usize)> {
        let len = bytes[at.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if len == 0 || len > max {
            return None;
        }
        Some((text[at..at + len].parse().ok()?, at + len))
    };
    let mut at = start;
    if let Some((year, end)) = number(at, 6).filter(|&(_, end)| end - at >= 4) {
        let (month, end) = bytes
            .get(end)
            .filter(|&&b| b == b'-')
            .and_then(|_| number(end + 1, 2))?;
        let (day, end) = bytes
            .get(end)
            .filter(|&&b| b == b'-')
            .and_then(|_| number(end + 1, 2))?;
        if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) && bytes[end] != b'T' {
            return None;
        }
        let written = &text[at..end];
        let why = if year > 9999 {
            Some(format!("`{written}` is not a date: years run to 9999"))
        } else if !(1..=12).contains(&month) {
            Some(format!(
                "`{written}` is not a date: there is no month {month}"
            ))
        } else {
            let year = i32::try_from(year).ok()?;
            let month = u32::try_from(month).ok()?;
            let days = (28..=31)
                .rev()
                .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())?;
            let name = MONTHS[usize::try_from(month - 1).ok()?];
            (day == 0 || day > u64::from(days))
                .then(|| format!("`{written}` is not a date: {name} {year} has {days} days"))
        };
        if let Some(why) = why {
            return Some((at, why));
        }
        match bytes.get(end) {
            Some(b' ' | b'T') => at = end + 1,
            _ => return None,
        }
    }
    let (hour, end) = number(at, 2)?;
    if bytes.get(end) != Some(&b':') {
        return None;
    }
    let minute_at = end + 1;
    let minute_len = bytes[minute_at.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let (minute, mut end) = match minute_len {
        1 => {
            let written = &text[at..minute_at + 1];
            return Some((
                at,
                format!("`{written}` is cut short: expected minutes as two digits, as in `10:40`"),
            ));
        }
        2 => number(minute_at, 2)?,
        _ => return None,
    };
    let mut second = 0;
    if bytes.get(end) == Some(&b':') {
        if let Some((value, after)) = number(end + 1, 2).filter(|&(_, e)| e == end + 3) {
            second = value;
            end = after;
        }
    }
    if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) && bytes[end] != b'Z' {
        return None;
    }
    let written = &text[at..end];
    let rest = text[end..].trim_start().to_ascii_lowercase();
    let meridiem = ["am", "pm", "a.m.", "p.m."].iter().any(|m| {
        rest.strip_prefix(m)
            .is_some_and(|after| !after.starts_with(|c: char| c.is_ascii_alphanumeric()))
    });
    let why = if hour == 24 && minute == 0 && second == 0 {
        format!("`{written}` is not read as a time of day: write midnight as 00:00 (with the next day's date)")
    } else if hour > 23 {
        format!("`{written}` is not a time of day: hours run 00 to 23")
    } else if minute > 59 {
        format!("`{written}` is not a time of day: minutes run 00 to 59")
    } else if second > 59 {
        format!("`{written}` is not a time of day: seconds run 00 to 59")
    } else if meridiem && !(1..=12).contains(&hour) {
        format!("`{written}` with AM or PM is not a time of day: twelve-hour times run 1 to 12")
    } else {
        return None;
    };
    Some((at, why))
}

/// English month names, for messages.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl std::error::Error for MomentSyntaxError {}

impl FromStr for Moment {
    type Err = MomentSyntaxError;

    fn from_str(text: &str) -> Result<Moment, MomentSyntaxError> {
        let fail = || MomentSyntaxError(text.to_string());
        let text = text.trim();
        let (date, rest) = match text.split_once(['T', ' ']) {
            Some((date, rest)) => (
                Some(
                    plain_date(date)
                        .or_else(|| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())
                        .ok_or_else(fail)?,
                ),
                rest,
            ),
            None => (None, text),
        };
        let (clock, offset) = split_offset(rest).ok_or_else(fail)?;
        let time = plain_clock(clock)
            .or_else(|| NaiveTime::parse_from_str(clock, "%H:%M:%S").ok())
            .or_else(|| NaiveTime::parse_from_str(clock, "%H:%M").ok())
            .ok_or_else(fail)?;
        Ok(Moment { date, time, offset })
    }
}

/// `2024-01-15` read without chrono's format machinery: the shape every moment this app
/// writes has, read a few times faster (a big timeline comes back from the parse worker as
/// text). Anything else, or an impossible date, is left to chrono.
fn plain_date(text: &str) -> Option<NaiveDate> {
    match text.as_bytes() {
        [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => NaiveDate::from_ymd_opt(
            digits(y)? as i32,
            digits(&[*m1, *m2])?,
            digits(&[*d1, *d2])?,
        ),
        _ => None,
    }
}

/// `10:00:00` or `10:00` read the same way as [`plain_date`].
fn plain_clock(text: &str) -> Option<NaiveTime> {
    match text.as_bytes() {
        [h1, h2, b':', m1, m2, b':', s1, s2] => NaiveTime::from_hms_opt(
            digits(&[*h1, *h2])?,
            digits(&[*m1, *m2])?,
            digits(&[*s1, *s2])?,
        ),
        [h1, h2, b':', m1, m2] => {
            NaiveTime::from_hms_opt(digits(&[*h1, *h2])?, digits(&[*m1, *m2])?, 0)
        }
        _ => None,
    }
}

/// The number ASCII digits `bytes` spell, `None` when one is not a digit.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// Splits `10:00:00-05:00` into the clock and its offset (`Z` is UTC).
fn split_offset(text: &str) -> Option<(&str, Option<UtcOffset>)> {
    if let Some(clock) = text.strip_suffix('Z') {
        return Some((clock, Some(UtcOffset::UTC)));
    }
    let Some(at) = text.rfind(['+', '-']) else {
        return Some((text, None));
    };
    let (clock, zone) = text.split_at(at);
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let (hours, minutes) = zone[1..].split_once(':').unwrap_or((&zone[1..], "0"));
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    Some((
        clock,
        Some(UtcOffset::from_minutes(sign * (hours * 60 + minutes))?),
    ))
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Moment, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// Steps back in time needed, at the least, to call events written newest first.
const MIN_STEPS_BACK: usize = 2;

/// How many steps back in time events written newest first take, at the least, for each step
/// forward: a status page with one update slipped out of place is still newest first.
const BACK_PER_FORWARD: usize = 3;

/// True when events read in written order, taking `back` steps back in time and `forward`
/// steps forward, are written newest first (the latest on top, as status pages write them).
/// The reader judges each day's entries by it, the facts the whole timeline.
pub fn reads_newest_first(back: usize, forward: usize) -> bool {
    back >= MIN_STEPS_BACK && back >= BACK_PER_FORWARD * forward
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        use super::Moment;
        use chrono::{NaiveDate, NaiveTime};
        let time = NaiveTime::from_hms_opt(9, 5, 7).unwrap();
        for (year, month, day) in [
            (2024, 1, 5),
            (1999, 12, 31),
            (0, 1, 1),
            (9, 3, 4),
            (999, 10, 10),
            (9999, 12, 31),
            (10000, 1, 1),
            (-1, 6, 30),
            (-44, 3, 15),
        ] {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            let moment = Moment::new(Some(date), time, None);
            assert_eq!(
                moment.to_string(),
                format!("{}T09:05:07", date.format("%Y-%m-%d"))
            );
        }
    }

    #[test]
    fn the_quick_readers_agree_with_chrono() {
        let dates = [
            "2024-01-15",
            "2024-02-29",
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "0001-01-01",
            "9999-12-31",
            "2024-1-15",
            "24-01-15",
            "2024-01-1a",
            "+2024-01-15",
            "2024-04-31",
        ];
        for date in dates {
            let chrono = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
            if let Some(quick) = plain_date(date) {
                assert_eq!(Some(quick), chrono, "{date}");
            }
        }
        assert!(plain_date("2024-01-15").is_some());
        let clocks = [
            "10:00:00",
            "23:59:59",
            "00:00",
            "24:00",
            "10:60",
            "10:00:60",
            "9:05",
            "10:5",
            "1a:00",
            "10:00:00.5",
        ];
        for clock in clocks {
            let chrono = NaiveTime::parse_from_str(clock, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M"))
                .ok();
            if let Some(quick) = plain_clock(clock) {
                assert_eq!(Some(quick), chrono, "{clock}");
            }
        }
        assert!(plain_clock("10:00:00").is_some() && plain_clock("10:00").is_some());
        let moment: Moment = "2024-01-15T10:00:00+05:30".parse().expect("a moment");
        assert_eq!(moment.to_string(), "2024-01-15T10:00:00+05:30");
    }

    use super::*;

    #[test]
    fn impossible_dates_and_times_say_why() {
        let why = impossible_stamp;
        assert_eq!(
            why("2023-02-30 00:10 Cache"),
            Some((
                0,
                "`2023-02-30` is not a date: February 2023 has 28 days".to_string()
            ))
        );
        assert!(why("2024-02-30")
            .unwrap()
            .1
            .contains("February 2024 has 29 days"));
        assert!(why("2023-13-01T10:00:00Z")
            .unwrap()
            .1
            .contains("no month 13"));
        assert!(why("99999-01-01T10:00:00Z")
            .unwrap()
            .1
            .contains("years run to 9999"));
        assert!(why("25:00 Restart")
            .unwrap()
            .1
            .contains("hours run 00 to 23"));
        assert!(why("**10:61** Restart")
            .unwrap()
            .1
            .starts_with("`10:61` is not a time"));
        assert_eq!(why("**10:61**").unwrap().0, 2);
        assert!(why("24:00 Restart")
            .unwrap()
            .1
            .contains("write midnight as 00:00"));
        assert!(why("10:4").unwrap().1.contains("cut short"));
        assert!(why("13:00 PM done").unwrap().1.contains("twelve-hour"));
        assert!(why("2023-02-28 10:59:60").unwrap().1.contains("seconds"));
        // Real stamps and things that are not stamps at all.
        for fine in [
            "10:00 Alert",
            "23:59:59",
            "2024-02-29 10:00",
            "2024-01-15T10:00:00Z",
            "12:30 PM",
            "Restart at 25:00",
            "100:00",
            "10:610",
            "2019: moved",
            "",
        ] {
            assert_eq!(why(fine), None, "{fine}");
        }
    }

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn writes_only_the_known_parts() {
        let date = NaiveDate::from_ymd_opt(2024, 1, 15);
        let offset = UtcOffset::from_minutes(-300);
        assert_eq!(
            Moment::new(date, at(10, 0), offset).to_string(),
            "2024-01-15T10:00:00-05:00"
        );
        assert_eq!(
            Moment::new(date, at(10, 0), None).to_string(),
            "2024-01-15T10:00:00"
        );
        // An offset without a date is still written, so JSON keeps everything the text said.
        assert_eq!(
            Moment::new(None, at(14, 5), offset).to_string(),
            "14:05:00-05:00"
        );
        assert_eq!(Moment::new(None, at(14, 5), None).to_string(), "14:05:00");
    }

    #[test]
    fn reads_back_what_it_writes() {
        for text in [
            "2024-01-15T10:00:00-05:00",
            "2024-01-15T10:00:00",
            "10:00:00",
            "2024-01-15T23:59:59+05:30",
        ] {
            let moment: Moment = text.parse().unwrap();
            assert_eq!(moment.to_string(), text);
        }
        let utc: Moment = "2024-01-15T10:00:00Z".parse().unwrap();
        assert_eq!(utc.offset, Some(UtcOffset::UTC));
    }

    #[test]
    fn rejects_what_is_not_a_moment() {
        for text in [
            "",
            "noon",
            "2024-13-01T10:00:00",
            "25:00",
            "10:00:00+99:00",
            "10:00-",
        ] {
            assert!(text.parse::<Moment>().is_err(), "{text:?} should not parse");
        }
    }

    #[test]
    fn axis_seconds_accounts_for_the_offset() {
        let date = NaiveDate::from_ymd_opt(2024, 1, 15);
        let local = Moment::new(date, at(10, 0), UtcOffset::from_minutes(-300));
        let utc = Moment::new(date, at(15, 0), Some(UtcOffset::UTC));
        assert_eq!(local.axis_seconds(), utc.axis_seconds());
        assert_eq!(utc.axis_seconds(), 1_705_330_800);
    }
}
