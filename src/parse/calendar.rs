//! Calendar dates found inside a line: `2024-01-15`, `January 15, 2024`, `Jan. 15 2024`,
//! `15 January 2024`, `01-15-2024` and `01/15/2024` (month first, as US postmortems write).

use std::ops::Range;

use chrono::NaiveDate;

/// A date found in a text, and the bytes it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// The date read.
    pub date: NaiveDate,
    /// Where it was written.
    pub span: Range<usize>,
}

/// A word or number of the text, with its byte span.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl Token<'_> {
    fn number(&self) -> Option<u32> {
        let digits = self.text.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }
}

/// Finds the first date written in `text`.
pub fn find_date(text: &str) -> Option<FoundDate> {
    let tokens = tokens(text);
    (0..tokens.len()).find_map(|i| date_at(text, &tokens, i))
}

/// Splits `text` into runs of ASCII letters and digits.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (index, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (start, ch.is_ascii_alphanumeric()) {
            (None, true) => start = Some(index),
            (Some(from), false) => {
                out.push(Token {
                    text: &text[from..index],
                    start: from,
                    end: index,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Tries every date pattern that starts at token `i`.
fn date_at(text: &str, tokens: &[Token<'_>], i: usize) -> Option<FoundDate> {
    let first = tokens[i];
    let next = |k: usize| tokens.get(i + k).copied();
    let between = |a: Token<'_>, b: Token<'_>| text.get(a.end..b.start).unwrap_or("?");
    let found = |date: NaiveDate, last: Token<'_>| FoundDate {
        date,
        span: first.start..last.end,
    };

    // 2024-01-15, 2024/01/15
    if first.text.len() == 4 {
        if let (Some(m), Some(d)) = (next(1), next(2)) {
            let sep = between(first, m);
            if (sep == "-" || sep == "/") && between(m, d) == sep && d.text.len() <= 2 {
                let date = ymd(first.number()?, m.number()?, d.number()?)?;
                return Some(found(date, d));
            }
        }
    }
    // January 15, 2024 / Jan. 15 2024
    if let Some(month) = month_number(first.text) {
        let (day, year) = (next(1)?, next(2)?);
        let gap1 = between(first, day).trim();
        let gap2 = between(day, year).trim();
        if (gap1.is_empty() || gap1 == ".")
            && (gap2.is_empty() || gap2 == ",")
            && year.text.len() == 4
        {
            return Some(found(ymd(year.number()?, month, day.number()?)?, year));
        }
        return None;
    }
    // 15 January 2024
    if let (Some(month), Some(year)) = (next(1), next(2)) {
        if let Some(month_no) = month_number(month.text) {
            let gap = between(month, year).trim();
            if between(first, month).trim().is_empty()
                && (gap.is_empty() || gap == ",")
                && year.text.len() == 4
            {
                return Some(found(ymd(year.number()?, month_no, first.number()?)?, year));
            }
        }
    }
    // 01-15-2024, 01/15/2024 (month first)
    if first.text.len() <= 2 {
        if let (Some(d), Some(y)) = (next(1), next(2)) {
            let sep = between(first, d);
            if (sep == "-" || sep == "/")
                && between(d, y) == sep
                && y.text.len() == 4
                && d.text.len() <= 2
            {
                return Some(found(ymd(y.number()?, first.number()?, d.number()?)?, y));
            }
        }
    }
    None
}

fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// The month a name or its three-letter (or `Sept`) abbreviation stands for.
pub fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if !(3..=9).contains(&word.len()) || !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    // Compared in place, without a lower-cased copy: this runs for every word of every line.
    let index = MONTHS.iter().position(|name| {
        name.eq_ignore_ascii_case(word)
            || (word.len() == 3 && name[..3].eq_ignore_ascii_case(word))
            || (word.eq_ignore_ascii_case("sept") && *name == "september")
    })?;
    u32::try_from(index + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        find_date(text).map(|f| format!("{} {:?}", f.date, &text[f.span]))
    }

    #[test]
    fn finds_the_usual_shapes() {
        assert_eq!(
            date("Duration: January 15, 2024, 10:00 AM"),
            Some("2024-01-15 \"January 15, 2024\"".into())
        );
        assert_eq!(
            date("on 2016-11-08 we"),
            Some("2016-11-08 \"2016-11-08\"".into())
        );
        assert_eq!(
            date("Jan. 15 2024"),
            Some("2024-01-15 \"Jan. 15 2024\"".into())
        );
        assert_eq!(
            date("15 March 2023"),
            Some("2023-03-15 \"15 March 2023\"".into())
        );
        assert_eq!(
            date("01-12-2021, 1:00 PM"),
            Some("2021-01-12 \"01-12-2021\"".into())
        );
        assert_eq!(
            date("**July 15, 2024**"),
            Some("2024-07-15 \"July 15, 2024\"".into())
        );
        assert_eq!(
            date("Sept 3rd, 2023"),
            Some("2023-09-03 \"Sept 3rd, 2023\"".into())
        );
    }

    #[test]
    fn ignores_what_is_not_a_date() {
        for text in [
            "",
            "10:00 AM",
            "May we",
            "February 30, 2024",
            "2024",
            "version 1.2.3",
            "may 5 apples",
        ] {
            assert_eq!(date(text), None, "{text:?}");
        }
    }
}
