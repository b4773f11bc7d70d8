//! How an entry's day is written before its time: the next day, the day before, so many days
//! after the first, a weekday's part, a `Day 2` part, or a day told from the day of writing.

use super::*;

/// How an entry's day is written before its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayMarker {
    /// `(next day)`, `Next day,`, `The next morning,`: the day after the entry before.
    Next,
    /// `23:29 (night before)`, `23:10 (previous day)`: the day before the one in force (the
    /// timeline's first day, for a first entry).
    Before,
    /// `+1d`, `(+2 days)`, `D+1`: so many days after the timeline's first.
    After(i8),
    /// The first entry under a `### Wednesday` part: the next such weekday from the day in
    /// force (that day itself included).
    Weekday(chrono::Weekday),
}

/// The marker of the day before an entry's time (`(next day) 02:00`, `The next morning, 07:45`,
/// `D+1 09:15`), and its length with the spaces and punctuation after it.
pub(super) fn day_marker(content: &str) -> Option<(DayMarker, usize)> {
    const NEXT: [&str; 9] = [
        "(next day)",
        "next day",
        "the next day",
        "next morning",
        "the next morning",
        "following day",
        "the following day",
        "the following morning",
        "the day after",
    ];
    const BEFORE: [&str; 4] = [
        "previous day",
        "the previous day",
        "the day before",
        "the night before",
    ];
    // Most lines stop here: every marker opens with one of these.
    if !content.starts_with([
        '(', '[', '（', '+', 'n', 'N', 't', 'T', 'f', 'F', 'd', 'D', 'p', 'P',
    ]) {
        return None;
    }
    // `(previous day) 22:50`, `(la veille) 23:10`: a note of the day before, in its brackets.
    let before_note = || {
        let close = content.find([')', ']', '）'])?;
        let len = close + content[close..].chars().next()?.len_utf8();
        opens_with_day_before(content).then_some(len)
    };
    let before = before_note().unwrap_or_else(|| skip_word(content, &BEFORE));
    let (marker, len) = match (skip_word(content, &NEXT), before) {
        (0, 0) => days_after_marker(content)?,
        (0, len) => (DayMarker::Before, len),
        (len, _) => (DayMarker::Next, len),
    };
    let rest = &content[len..];
    let gap = rest.len()
        - rest
            .trim_start_matches([' ', ',', ':', '-', '–', '—'])
            .len();
    let after = &rest[gap..];
    (gap > 0 && after.starts_with(|c: char| c.is_ascii_digit())).then_some((marker, len + gap))
}

/// A day told from the day of writing that opens an entry before its time (`Yesterday 1:51
/// PM: ...`, `This morning 7:30 AM - ...`): how many days from the day of writing, the length
/// of the day's words, and where the time starts.
pub(super) fn relative_day_lead(content: &str) -> Option<(i64, usize, usize)> {
    const DAY_BEFORE: [&str; 2] = ["yesterday", "last night"];
    const SAME_DAY: [&str; 7] = [
        "today",
        "earlier today",
        "later today",
        "this morning",
        "this afternoon",
        "this evening",
        "tonight",
    ];
    let (days, len) = match skip_word(content, &DAY_BEFORE) {
        0 => (0, skip_word(content, &SAME_DAY)),
        len => (-1, len),
    };
    if len == 0 {
        return None;
    }
    let rest = &content[len..];
    let spaced = rest.trim_start_matches([' ', ',']);
    let spaced = &spaced[skip_word(spaced, &["at ", "around "])..];
    let gap = rest.len() - spaced.len();
    (gap > 0 && spaced.starts_with(|c: char| c.is_ascii_digit())).then_some((days, len, len + gap))
}

/// What the author writes in parentheses after an entry's time to put it on the day before
/// (`~23:29 (night before)`, Vietnamese `(đêm trước)`, `(前日)`), lower case.
const DAY_BEFORE_NOTES: &[&str] = &[
    "night before",
    "the night before",
    "previous night",
    "the previous night",
    "evening before",
    "the evening before",
    "day before",
    "the day before",
    "previous day",
    "the previous day",
    "prior day",
    "the prior day",
    "d-1",
    "la veille",
    "veille",
    "la veille au soir",
    "vortag",
    "am vortag",
    "vorabend",
    "am vorabend",
    "día anterior",
    "el día anterior",
    "noche anterior",
    "la noche anterior",
    "dia anterior",
    "o dia anterior",
    "noite anterior",
    "a noite anterior",
    "giorno prima",
    "il giorno prima",
    "la sera prima",
    "la notte prima",
    "đêm trước",
    "hôm trước",
    "tối hôm trước",
    "ngày hôm trước",
    "前日",
    "前夜",
    "前日夜",
    "前一天",
    "前一晚",
    "前晚",
    "전날",
    "전날 밤",
    "накануне",
];

/// True when an entry's words open with a note in parentheses that puts its time on the
/// day before (see [`DAY_BEFORE_NOTES`]): `(night before) — pods restarted`.
pub(super) fn opens_with_day_before(text: &str) -> bool {
    let Some(inner) = text.trim_start().strip_prefix(['(', '[', '（']) else {
        return false;
    };
    let Some(end) = inner.find([')', ']', '）']) else {
        return false;
    };
    let note = inner[..end].trim().to_lowercase();
    DAY_BEFORE_NOTES.contains(&note.as_str())
}

/// `+1d`, `(+2 days)`, `[+1 day]`, `D+1`, `(day+2)`, `Day 3` at the start of `content`: the
/// days after the timeline's first day, up to 31, and the marker's length.
pub(super) fn days_after_marker(content: &str) -> Option<(DayMarker, usize)> {
    let (open, close) = match content.as_bytes().first()? {
        b'(' => (1, Some(')')),
        b'[' => (1, Some(']')),
        _ => (0, None),
    };
    let inner = &content[open..];
    let lead = skip_word(inner, &["day+", "d+", "+", "day "]);
    if lead == 0 {
        return None;
    }
    let digits = inner[lead..].bytes().take_while(u8::is_ascii_digit).count();
    let number: i8 = inner[lead..lead + digits]
        .parse()
        .ok()
        .filter(|n| (1..=31).contains(n))?;
    // `Day 2, 07:45`: the second day, one after the first.
    let days = match inner[..lead].eq_ignore_ascii_case("day ") {
        true => number - 1,
        false => number,
    };
    let mut end = lead + digits;
    // `+1d`, `+2 days` after a bare `+`; nothing after `D+1`.
    if lead == 1 {
        end += skip_word(&inner[end..], &[" days", " day", "days", "day", "d"]);
        if end == lead + digits {
            return None;
        }
    }
    if let Some(close) = close {
        inner[end..].strip_prefix(close)?;
        end += 1;
    }
    // The word must end there: `+1dB` is something else.
    if inner[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((DayMarker::After(days), open + end))
}

/// The weekday a part's name is, alone (`Wednesday`, `Wed:`).
pub(super) fn weekday_alone(label: &str) -> Option<chrono::Weekday> {
    crate::parse::entry::weekday_of(section_name(label).trim_end_matches([':', '.']))
}

/// The number of a `Day 2` heading (`Day 2`, `Day 3 (Tuesday)`, `Day 10:`), up to 31.
pub(super) fn day_number(label: &str) -> Option<i8> {
    let name = section_name(label);
    let rest = name
        .get(..4)
        .filter(|head| head.eq_ignore_ascii_case("day "))?;
    let digits: String = name[rest.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let after = name[rest.len() + digits.len()..].chars().next();
    if after.is_some_and(char::is_alphanumeric) {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=31).contains(n))
}

/// `day` moved by `days` (negative: earlier); `day` itself when that leaves the calendar.
pub(super) fn shift_days(day: NaiveDate, days: i8) -> NaiveDate {
    day.checked_add_signed(Duration::days(i64::from(days)))
        .unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::{day_marker, opens_with_day_before, DayMarker};

    #[test]
    fn reads_a_note_of_the_day_before_after_the_time() {
        assert!(opens_with_day_before("(night before) — pods restarted"));
        assert!(opens_with_day_before(" (Previous Day) deploy"));
        assert!(opens_with_day_before("(đêm trước) Tự nhiên restart pod"));
        assert!(opens_with_day_before("（前日）デプロイ"));
        assert!(!opens_with_day_before("(approx.) deploy"));
        assert!(!opens_with_day_before("night before the launch"));
        assert!(!opens_with_day_before("(night before the launch) x"));
    }

    #[test]
    fn reads_the_markers_of_the_next_day_and_of_days_after_the_first() {
        fn read(text: &str) -> Option<(DayMarker, &str)> {
            day_marker(text).map(|(marker, len)| (marker, &text[len..]))
        }
        assert_eq!(
            read("(next day) 02:00 x"),
            Some((DayMarker::Next, "02:00 x"))
        );
        assert_eq!(
            read("(previous day) 23:10 deploy"),
            Some((DayMarker::Before, "23:10 deploy"))
        );
        assert_eq!(
            read("The night before, 23:10 x"),
            Some((DayMarker::Before, "23:10 x"))
        );
        assert_eq!(
            read("（前日） 23:10 x"),
            Some((DayMarker::Before, "23:10 x"))
        );
        assert_eq!(
            read("The next morning, 07:45 x"),
            Some((DayMarker::Next, "07:45 x"))
        );
        assert_eq!(
            read("Following day, 10:00: x"),
            Some((DayMarker::Next, "10:00: x"))
        );
        assert_eq!(read("+1d 02:00 x"), Some((DayMarker::After(1), "02:00 x")));
        assert_eq!(
            read("(+2 days) 02:00 x"),
            Some((DayMarker::After(2), "02:00 x"))
        );
        assert_eq!(
            read("[+1 day] 02:00 x"),
            Some((DayMarker::After(1), "02:00 x"))
        );
        assert_eq!(read("D+1 09:15 x"), Some((DayMarker::After(1), "09:15 x")));
        assert_eq!(
            read("(day+3) 09:15 x"),
            Some((DayMarker::After(3), "09:15 x"))
        );
        // Not markers: no time after them, a bare `+1`, a word going on, a day out of range.
        assert_eq!(read("next day we rolled back"), None);
        assert_eq!(read("+1 09:15 x"), None);
        assert_eq!(read("+1dB 09:15 x"), None);
        assert_eq!(read("D+40 09:15 x"), None);
        assert_eq!(read("Deploy 09:15"), None);
    }
}
