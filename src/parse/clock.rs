//! Times of day as people write them: `10:00 AM`, `10:00am`, `10 AM`, `9:05 p.m.`, `14:05`,
//! `14:05:33`. Twelve-hour times follow the usual rule: 12 PM is noon, 12 AM is midnight.

use chrono::NaiveTime;

/// A time of day read from the start of a text, and how many bytes it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// The time read.
    pub time: NaiveTime,
    /// Bytes of the text the time took, including an `AM`/`PM` marker.
    pub len: usize,
}

/// Reads a time of day at the very start of `text`.
///
/// The time must end at a word boundary, so `10:00x` and `2024` are not times. An hour with no
/// minutes needs an `AM`/`PM` marker (`10 AM`), otherwise any number would be a time.
pub fn leading_clock(text: &str) -> Option<Clock> {
    let bytes = text.as_bytes();
    // Every shape starts with digits: four for `2306HRS`, one or two for the others.
    let run = bytes
        .iter()
        .take(5)
        .take_while(|b| b.is_ascii_digit())
        .count();
    match run {
        4 => return military(text),
        1 | 2 => {}
        _ => return None,
    }
    // `9h21` and `9 h 21` go on with a space or an `h`, `2-7 pm` with a dash (`-` or `–`).
    let french_or_range = match bytes.get(run) {
        // `between 2 and 3 a.m.`, `from 5 to 6 pm`: two bare hours sharing one marker.
        Some(b' ') => french(text)
            .or_else(|| spaced_colon(text))
            .or_else(|| hour_range(text)),
        Some(b'h') => french(text),
        Some(b'-' | 0xE2) => hour_range(text),
        _ => None,
    };
    if french_or_range.is_some() {
        return french_or_range;
    }
    let (hour, mut at) = digits(bytes, 0, 1, 2)?;
    let mut minute = None;
    let mut second = 0;
    // `14:05`, and `14.05` as European texts write it; `4: 45 am`, a space slipped in after
    // the colon, only with the marker that makes it a time.
    let spaced_minutes = bytes.get(at) == Some(&b':')
        && bytes.get(at + 1) == Some(&b' ')
        && digits(bytes, at + 2, 2, 2).is_some_and(|(_, end)| meridiem(text, end).0.is_some());
    if spaced_minutes {
        at += 1;
    }
    // `18：45`: Japanese text may write the colon full-width.
    let wide_colon = text[at..].starts_with('：');
    if bytes.get(at) == Some(&b':')
        || (bytes.get(at) == Some(&b'.') && hour <= 23)
        || spaced_minutes
        || wide_colon
    {
        let colon_len = if wide_colon { '：'.len_utf8() } else { 1 };
        // `20.02. -24.02`: a day and a month, as German writes them, not a time.
        let day_and_month = |value: u32, end: usize| {
            bytes.get(at) == Some(&b'.') && bytes.get(end) == Some(&b'.') && value <= 12
        };
        // `12.13.13`, `1.10.2`: a third dotted number makes a version (or a date), not a time.
        let version = |end: usize| {
            bytes.get(at) == Some(&b'.')
                && bytes.get(end) == Some(&b'.')
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
        };
        if let Some((value, end)) = digits(bytes, at + colon_len, 2, 2)
            .filter(|&(value, end)| !day_and_month(value, end) && !version(end))
        {
            minute = Some(value);
            at = end;
            if bytes.get(at) == Some(&b':') {
                if let Some((value, end)) = digits(bytes, at + 1, 2, 2) {
                    second = value;
                    at = end;
                    // `10:00:00.123`: fractions of a second are read past, not kept; after
                    // a comma (`10:00:00,123`, as Python's logging writes them) only the
                    // milli- or microseconds.
                    match bytes.get(at) {
                        Some(b'.') => {
                            if let Some((_, end)) = digits(bytes, at + 1, 1, 9) {
                                at = end;
                            }
                        }
                        Some(b',') => {
                            if let Some((_, end)) = digits(bytes, at + 1, 3, 6)
                                .filter(|&(_, end)| matches!(end - at - 1, 3 | 6))
                            {
                                at = end;
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    // `14:05 Uhr`, `17 Uhr`, `08.10 uur`: the German (or Dutch) hour word belongs to the time, and makes a bare
    // hour one.
    {
        let spaces = bytes[at..].iter().take_while(|&&b| b == b' ').count();
        let trimmed = &text[at + spaces..];
        // Dutch writes `uur`: `08.10 uur`.
        if (trimmed.starts_with("Uhr") || trimmed.starts_with("uur"))
            && !trimmed[3..].starts_with(|c: char| c.is_alphanumeric())
            && (minute.is_some() || hour <= 24)
        {
            at += spaces + 3;
            minute.get_or_insert(0);
        }
    }
    if minute.is_none() {
        if let Some((value, end)) = cjk_hour(text, at) {
            minute = Some(value);
            at = end;
        }
    }
    let (mut meridiem, mut after) = meridiem(text, at);
    if minute.is_some() && meridiem.is_none() {
        let glued = bytes.get(at).copied();
        let ends = !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric);
        match glued {
            // `9:27a`, `11:30p`: a lone `a`/`p` glued to the minutes, as some logs write it.
            Some(b'a' | b'p') if ends => {
                meridiem = Some(glued == Some(b'p'));
                after = at + 1;
            }
            // `21:18h`: the hours mark after a 24-hour time.
            Some(b'h') if ends && hour <= 23 => after = at + 1,
            _ => {}
        }
    }
    if minute.is_none() && meridiem.is_none() {
        return None;
    }
    // `10:00:00Z` (ISO 8601 UTC; `22:00z` as some write it) is the one letter allowed right
    // after a time.
    let zulu = matches!(bytes.get(after), Some(b'Z' | b'z'))
        && !bytes.get(after + 1).is_some_and(u8::is_ascii_alphanumeric);
    // `22:00UTC`, `14:05GMT+2`: the zone's name glued to the minutes.
    let glued_zone = minute.is_some()
        && (text[after..].starts_with("UTC") || text[after..].starts_with("GMT"))
        && !bytes.get(after + 3).is_some_and(u8::is_ascii_alphanumeric);
    if bytes.get(after).is_some_and(u8::is_ascii_alphanumeric) && !zulu && !glued_zone {
        return None;
    }
    let hour = match meridiem {
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        // `20:50pm`, `00:30 am`: a 24-hour time with a marker that agrees with it.
        Some(true) if minute.is_some() && (13..=23).contains(&hour) => hour,
        Some(false) if minute.is_some() && hour == 0 => hour,
        Some(_) => return None,
        None => hour,
    };
    let time = NaiveTime::from_hms_opt(hour, minute.unwrap_or(0), second)?;
    Some(Clock { time, len: after })
}

/// How a time read at the start of a text was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    /// On the 24-hour clock beyond doubt: `13:05`, `00:15`, `2306`, `21:18h` (an hour of 0
    /// or 13 to 23 with no marker).
    pub on_24_hour_clock: bool,
    /// A twelve-hour reading without its `AM`/`PM`: `1:49`, `9:20` (hour 1 to 11 with minutes,
    /// no marker, no leading zero, no seconds: a stamp with seconds is a machine's).
    pub without_marker: bool,
}

/// True when `clock` (read by [`leading_clock`] at the start of `text`) is written with a colon
/// (`10:32`, `9:05 PM`), not `10.32`, `9 PM` or `0915`.
pub fn written_with_colon(text: &str, clock: Clock) -> bool {
    text.get(..clock.len)
        .is_some_and(|written| written.contains(':'))
}

/// The part of the day `clock` (read by [`leading_clock`] at the start of `text`) writes:
/// `Some(true)` for `PM`, `Some(false)` for `AM`, `None` without either.
pub fn written_meridiem(text: &str, clock: Clock) -> Option<bool> {
    text.get(..clock.len)
        .unwrap_or("")
        .bytes()
        .find_map(|b| match b {
            b'p' | b'P' => Some(true),
            b'a' | b'A' => Some(false),
            _ => None,
        })
}

/// How `clock`, read by [`leading_clock`] at the start of `text`, was written.
pub fn written(text: &str, clock: Clock) -> Written {
    use chrono::Timelike;
    let written = text.get(..clock.len).unwrap_or("");
    let marked = written_meridiem(text, clock).is_some();
    let digits = written.bytes().take_while(u8::is_ascii_digit).count();
    let after_hour = &written[digits..];
    let hour = clock.time.hour();
    let with_minutes = after_hour.starts_with([':', '.'])
        && after_hour.bytes().filter(|&b| b == b':').count() == 1;
    Written {
        on_24_hour_clock: !marked && (hour == 0 || hour >= 13),
        without_marker: !marked
            && !written.starts_with('0')
            && digits <= 2
            && with_minutes
            && (1..=11).contains(&hour),
    }
}

/// The hour word of Chinese and Japanese after an hour's digits at `at`: `10 时`, `10時`,
/// `10時30分`, `10点30分`, `10点半`. The minutes and the end of what was taken.
///
/// `点` alone is not taken: Japanese also counts things with it (`3点` is three items).
fn cjk_hour(text: &str, at: usize) -> Option<(u32, usize)> {
    let skip_spaces = |from: usize| from + text[from..].bytes().take_while(|&b| b == b' ').count();
    let from = skip_spaces(at);
    let rest = &text[from..];
    let mark = ["时", "時", "点", "點", "시"]
        .into_iter()
        .find(|mark| rest.starts_with(mark))?;
    let after_mark = from + mark.len();
    let minutes_from = skip_spaces(after_mark);
    if text[minutes_from..].starts_with('半') {
        return Some((30, minutes_from + '半'.len_utf8()));
    }
    if let Some((minute, end)) = digits(text.as_bytes(), minutes_from, 1, 2) {
        let unit = skip_spaces(end);
        // `2点05分`, `2시 5분` (Korean).
        if let Some(unit_mark) = ['分', '분']
            .into_iter()
            .find(|m| text[unit..].starts_with(*m))
        {
            if minute < 60 {
                return Some((minute, unit + unit_mark.len_utf8()));
            }
        }
    }
    matches!(mark, "时" | "時" | "시").then_some((0, after_mark))
}

/// `2306HRS`, `2306 hrs`, `0900h`: four digits with an hours marker; `0930Z` and `1000 UTC`:
/// four digits with a zone (the zone is left for the caller to read).
fn military(text: &str) -> Option<Clock> {
    let bytes = text.as_bytes();
    let (_, end) = digits(bytes, 0, 4, 4)?;
    let rest = &text[end..];
    let zoned = ["Z", "z", " UTC", " GMT", " Z", "UTC", "GMT"]
        .iter()
        .any(|zone| {
            rest.strip_prefix(zone)
                .is_some_and(|after| !after.starts_with(|c: char| c.is_alphanumeric()))
        });
    if zoned {
        return Some(Clock {
            time: hhmm(bytes)?,
            len: end,
        });
    }
    let trimmed = rest.trim_start_matches(' ');
    let marker = ["hrs", "hr", "h"].iter().find(|m| {
        trimmed
            .get(..m.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(m))
    })?;
    let after = end + (rest.len() - trimmed.len()) + marker.len();
    if bytes.get(after).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(Clock {
        time: hhmm(bytes)?,
        len: after,
    })
}

/// `9h21`, `9 h 21`, `14h05`: French and German style, minutes required.
fn french(text: &str) -> Option<Clock> {
    let bytes = text.as_bytes();
    let (hour, end) = digits(bytes, 0, 1, 2)?;
    let rest = &text[end..];
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let rest = rest.strip_prefix('h')?;
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let from = text.len() - rest.len();
    let (minute, after) = digits(bytes, from, 2, 2)?;
    if bytes.get(after).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let time = NaiveTime::from_hms_opt(hour, minute, 0)?;
    Some(Clock { time, len: after })
}

/// `12 : 03`, `12 : 32 : 52`: a 24-hour time with a space on both sides of each colon, as
/// some authors (and some word processors) write it.
fn spaced_colon(text: &str) -> Option<Clock> {
    let bytes = text.as_bytes();
    // Two digits for the hour: `1 : 30` is a ratio.
    let (hour, end) = digits(bytes, 0, 2, 2)?;
    let minutes_at = end + text[end..].strip_prefix(" : ").map(|_| 3)?;
    let (minute, mut after) = digits(bytes, minutes_at, 2, 2)?;
    let mut second = 0;
    if let Some((value, end)) = text[after..]
        .strip_prefix(" : ")
        .and_then(|_| digits(bytes, after + 3, 2, 2))
    {
        second = value;
        after = end;
    }
    if bytes.get(after).is_some_and(u8::is_ascii_alphanumeric) || text[after..].starts_with(" : ") {
        return None;
    }
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    Some(Clock { time, len: after })
}

/// `2-7 pm`, `9–11am`, `2 and 3 a.m.`, `5 to 6 pm`, `12 and 12:30pm`: a range from a bare
/// hour sharing one marker; the time is its start.
fn hour_range(text: &str) -> Option<Clock> {
    let bytes = text.as_bytes();
    let (first, end) = digits(bytes, 0, 1, 2)?;
    let dash = ["-", "–", " - ", " – ", " and ", " to "]
        .into_iter()
        .find(|d| text[end..].starts_with(d))?;
    let (second, mut end) = digits(bytes, end + dash.len(), 1, 2)?;
    // The end may write its minutes (`12:30pm`).
    if bytes.get(end) == Some(&b':') {
        let (minutes, after) = digits(bytes, end + 1, 2, 2)?;
        if minutes > 59 {
            return None;
        }
        end = after;
    }
    let (pm, after) = match meridiem(text, end) {
        (Some(pm), after) => (pm, after),
        (None, _) => return None,
    };
    if bytes.get(after).is_some_and(u8::is_ascii_alphanumeric)
        || !(1..=12).contains(&first)
        || !(1..=12).contains(&second)
    {
        return None;
    }
    // `11-1 pm` starts in the morning; `2-7 pm` in the afternoon.
    let first_pm = if first % 12 <= second % 12 { pm } else { !pm };
    let hour = first % 12 + if first_pm { 12 } else { 0 };
    let time = NaiveTime::from_hms_opt(hour, 0, 0)?;
    Some(Clock { time, len: after })
}

/// `0915` right after a date (`2022-06-09 0915 text`): four digits read as hours and minutes.
pub fn bare_hhmm(text: &str) -> Option<Clock> {
    let bytes = text.as_bytes();
    let (_, end) = digits(bytes, 0, 4, 4)?;
    // `0616 text`, `0616: text` (a colon then a space or the end).
    let after = &text[end..];
    let separated = after.starts_with([' ', '\t'])
        || after
            .strip_prefix(':')
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
    if !separated {
        return None;
    }
    Some(Clock {
        time: hhmm(bytes)?,
        len: end,
    })
}

/// `18h`, `~9h`: a bare hour with the hours mark, as Portuguese, Spanish and French write a
/// time on the hour (read only right after a date: `24h` alone is a length).
pub fn hour_mark(text: &str) -> Option<Clock> {
    let bytes = text.as_bytes();
    let (hour, end) = digits(bytes, 0, 1, 2)?;
    if bytes.get(end) != Some(&b'h') || bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let time = NaiveTime::from_hms_opt(hour, 0, 0).filter(|_| hour <= 23)?;
    Some(Clock { time, len: end + 1 })
}

/// The time written as four digits `HHMM` at the start of `bytes`; `None` when they are not
/// four digits or not a time of day.
pub fn hhmm(bytes: &[u8]) -> Option<NaiveTime> {
    let digits = bytes.get(..4)?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let two = |at: usize| u32::from(digits[at] - b'0') * 10 + u32::from(digits[at + 1] - b'0');
    NaiveTime::from_hms_opt(two(0), two(2), 0)
}

/// Reads `min..=max` ASCII digits at `at`; returns their value and where they end.
fn digits(bytes: &[u8], at: usize, min: usize, max: usize) -> Option<(u32, usize)> {
    let run = bytes
        .get(at..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if run < min || run > max {
        return None;
    }
    let value = bytes[at..at + run]
        .iter()
        .fold(0u32, |acc, b| acc * 10 + u32::from(b - b'0'));
    Some((value, at + run))
}

/// Reads an optional ` AM`, `am`, ` p.m.` after the digits: `(Some(is_pm), end)` or `(None, at)`.
fn meridiem(text: &str, at: usize) -> (Option<bool>, usize) {
    let Some(rest) = text.get(at..) else {
        return (None, at);
    };
    // Spaces and no-break spaces (`\u{a0}`, bytes C2 A0) before the marker.
    let bytes = rest.as_bytes();
    let mut skipped = 0;
    loop {
        match bytes.get(skipped..) {
            Some([b' ', ..]) => skipped += 1,
            Some([0xC2, 0xA0, ..]) => skipped += 2,
            _ => break,
        }
    }
    // `a.m.`, `p.m.`, `am`, `pm` in any case, the dotted ones first.
    let pm = match bytes.get(skipped) {
        Some(b'a' | b'A') => false,
        Some(b'p' | b'P') => true,
        _ => return (None, at),
    };
    let len = match bytes.get(skipped + 1..) {
        Some([b'.', b'm' | b'M', b'.', ..]) => 4,
        Some([b'm' | b'M', ..]) => 2,
        _ => return (None, at),
    };
    (Some(pm), at + skipped + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(String, usize)> {
        leading_clock(text).map(|c| (c.time.format("%H:%M:%S").to_string(), c.len))
    }

    /// [`Written::without_marker`] for a time at the start of `text`; `None` when no time starts it.
    fn unmarked_twelve_hour(text: &str) -> Option<bool> {
        leading_clock(text).map(|clock| written(text, clock).without_marker)
    }

    /// [`Written::on_24_hour_clock`] for a time at the start of `text`.
    fn written_on_24_hour_clock(text: &str) -> bool {
        leading_clock(text).is_some_and(|clock| written(text, clock).on_24_hour_clock)
    }

    #[test]
    fn tells_a_twelve_hour_time_without_its_marker() {
        assert_eq!(unmarked_twelve_hour("1:05 - text"), Some(true));
        assert_eq!(unmarked_twelve_hour("11:59"), Some(true));
        assert_eq!(unmarked_twelve_hour("1:05 PM"), Some(false));
        assert_eq!(unmarked_twelve_hour("1:05pm"), Some(false));
        assert_eq!(unmarked_twelve_hour("12:35"), Some(false));
        assert_eq!(unmarked_twelve_hour("01:05"), Some(false));
        assert_eq!(unmarked_twelve_hour("1:05:30"), Some(false));
        assert_eq!(unmarked_twelve_hour("13:05"), Some(false));
        assert_eq!(unmarked_twelve_hour("9 AM"), Some(false));
        assert_eq!(unmarked_twelve_hour("text"), None);
        assert!(written_on_24_hour_clock("13:05"));
        assert!(written_on_24_hour_clock("00:15"));
        assert!(written_on_24_hour_clock("2306HRS"));
        assert!(!written_on_24_hour_clock("1:05 PM"));
        assert!(!written_on_24_hour_clock("9:30"));
    }

    #[test]
    fn reads_a_bare_hour_with_the_hours_mark() {
        let read =
            |text: &str| hour_mark(text).map(|c| (c.time.format("%H:%M").to_string(), c.len));
        assert_eq!(read("18h | text"), Some(("18:00".into(), 3)));
        assert_eq!(read("9h"), Some(("09:00".into(), 2)));
        assert_eq!(read("24h later"), None);
        assert_eq!(read("18hrs"), None);
        assert_eq!(read("18h30"), None);
    }

    #[test]
    fn reads_times_with_spaced_colons() {
        assert_eq!(read("12 : 03 CET text"), Some(("12:03:00".into(), 7)));
        assert_eq!(read("12 : 32 : 52 text"), Some(("12:32:52".into(), 12)));
        assert_eq!(read("09 : 05 - text"), Some(("09:05:00".into(), 7)));
        // Not a ratio, nor a longer run of numbers.
        assert_eq!(read("3 : 1 odds"), None);
        assert_eq!(read("1 : 30 read/write ratio"), None);
        assert_eq!(read("24 : 10 text"), None);
        assert_eq!(read("12 : 03 : 4"), None);
        assert_eq!(read("12 : 035"), None);
    }

    #[test]
    fn reads_twelve_hour_times() {
        assert_eq!(read("10:00 AM: x"), Some(("10:00:00".into(), 8)));
        assert_eq!(read("12:00 PM: x"), Some(("12:00:00".into(), 8)));
        assert_eq!(read("1:00 PM"), Some(("13:00:00".into(), 7)));
        assert_eq!(read("12:30 am"), Some(("00:30:00".into(), 8)));
        assert_eq!(read("10:00am -"), Some(("10:00:00".into(), 7)));
        assert_eq!(read("10 AM"), Some(("10:00:00".into(), 5)));
        assert_eq!(read("9:05 p.m. x"), Some(("21:05:00".into(), 9)));
        assert_eq!(read("9:27a"), Some(("09:27:00".into(), 5)));
        assert_eq!(read("11:30p x"), Some(("23:30:00".into(), 6)));
        assert_eq!(read("12:28a"), Some(("00:28:00".into(), 6)));
        // A 24-hour time with a marker that agrees with it.
        assert_eq!(read("20:50pm."), Some(("20:50:00".into(), 7)));
        assert_eq!(read("00:30 am"), Some(("00:30:00".into(), 8)));
        // A space slipped in after the colon, taken only with the marker.
        assert_eq!(read("4: 45 am PST"), Some(("04:45:00".into(), 8)));
        assert_eq!(read("1: 03 pm"), Some(("13:03:00".into(), 8)));
        assert_eq!(read("4: 45 servers"), None);
    }

    #[test]
    fn reads_chinese_and_japanese_hours() {
        assert_eq!(read("10 时至 13 时"), Some(("10:00:00".into(), 6)));
        assert_eq!(read("08.10 uur (CET)"), Some(("08:10:00".into(), 9)));
        assert_eq!(read("10時30分 x"), Some(("10:30:00".into(), 10)));
        assert_eq!(read("9点半"), Some(("09:30:00".into(), 7)));
        assert_eq!(read("14 点 05 分"), Some(("14:05:00".into(), 13)));
        // `点` alone counts things in Japanese; an hour past 23 is no time.
        assert_eq!(read("3点の問題"), None);
        assert_eq!(read("25 时"), None);
    }

    #[test]
    fn reads_twenty_four_hour_times() {
        assert_eq!(read("14:05 x"), Some(("14:05:00".into(), 5)));
        assert_eq!(read("14:05:33"), Some(("14:05:33".into(), 8)));
        assert_eq!(read("07:32:16 GMT"), Some(("07:32:16".into(), 8)));
        assert_eq!(read("2306HRS - x"), Some(("23:06:00".into(), 7)));
        assert_eq!(read("1330z: x"), Some(("13:30:00".into(), 4)));
        assert_eq!(read("22:00z : x"), Some(("22:00:00".into(), 5)));
        assert_eq!(read("0029 hrs x"), Some(("00:29:00".into(), 8)));
        assert_eq!(read("9 h 21 x"), Some(("09:21:00".into(), 6)));
        assert_eq!(read("14h05"), Some(("14:05:00".into(), 5)));
        assert_eq!(read("21:18h: x"), Some(("21:18:00".into(), 6)));
        assert_eq!(read("0930Z alert"), Some(("09:30:00".into(), 4)));
        assert_eq!(read("1000 UTC fix"), Some(("10:00:00".into(), 4)));
        assert_eq!(read("1400UTC on"), Some(("14:00:00".into(), 4)));
        assert_eq!(read("22:00UTC: over"), Some(("22:00:00".into(), 5)));
        assert_eq!(read("14:05GMT+2 x"), Some(("14:05:00".into(), 5)));
        assert_eq!(read("14:05UTCX"), None);
        assert_eq!(read("14.30 Uhr: x"), Some(("14:30:00".into(), 9)));
        assert_eq!(read("10:00:00.123Z x"), Some(("10:00:00".into(), 12)));
        assert_eq!(read("2-7 pm: x"), Some(("14:00:00".into(), 6)));
        assert_eq!(read("11-1 pm"), Some(("11:00:00".into(), 7)));
        assert_eq!(read("2 and 3 a.m., x"), Some(("02:00:00".into(), 12)));
        assert_eq!(read("5 to 6 pm"), Some(("17:00:00".into(), 9)));
        assert_eq!(read("12 and 12:30pm today"), Some(("12:00:00".into(), 14)));
        assert_eq!(read("9 to 10:30 am"), Some(("09:00:00".into(), 13)));
        assert_eq!(read("2 and 3:75 pm"), None);
        // Bare numbers with no marker after them are no times.
        assert_eq!(read("2 and 3 servers"), None);
    }

    #[test]
    fn four_digit_times_need_four_digits() {
        assert_eq!(hhmm(b"0930"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(hhmm(b"093"), None);
        assert_eq!(hhmm(b"09:3"), None);
        assert_eq!(hhmm(b"2460"), None);
    }

    #[test]
    fn rejects_what_is_not_a_time() {
        for text in [
            "2024-01-15",
            "12.13.13",
            "1.10.2 released",
            "10",
            "25:00",
            "13:00 AM",
            "13 PM",
            "9:27ab",
            "9:27apples",
            "21:18hx",
            "10:00x",
            "10 apples",
            "",
            "ab",
            "0 AM",
            "2460 hrs",
            "3 hours",
            "2306",
            "2024 UTCx",
            "2460Z",
            "9 h",
            "2-7",
            "1-2 apples",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }
}
