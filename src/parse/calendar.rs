//! Calendar dates found inside a line: `2024-01-15`, `2024/01/15`, `January 15, 2024`,
//! `Jan. 15 2024`, `15 January 2024`, `3rd Feb 2022`, `01-15-2024`, `15.01.2024`, `03–14–2022`,
//! and, when the document's year is known, `15 Jan` and `Jan 15`.
//!
//! Numeric dates are read in the document's [`DateOrder`], which [`date_order`] settles once
//! from every numeric date in the text: a field over 12 decides; without one, the other dates
//! (an unambiguous day near one reading, dots, zones, neighbouring dates) do, or else the
//! reader assumes month first; an order only assumed is said in a note.

use std::ops::Range;

use chrono::NaiveDate;

use super::scan::{digits, find_byte};
use super::zone::{date_custom, Custom};

/// Which field of a numeric date (`05/01/2024`) is the month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DateOrder {
    /// `05/01/2024` is May 1 (US style).
    #[default]
    MonthFirst,
    /// `05/01/2024` is 5 January.
    DayFirst,
}

/// What a date needs from the rest of the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    /// How numeric dates are ordered.
    pub order: DateOrder,
    /// The incident's year, for dates written without one (`15 Jan`).
    pub year: Option<i32>,
}

/// How the document's numeric dates settled the [`DateOrder`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderEvidence {
    /// The order used.
    pub order: DateOrder,
    /// True when some date had a field over 12, or a date written with the month's name
    /// agreed with one reading (the order is certain).
    pub decided: bool,
    /// The first numeric date that reads differently in the two orders (byte span), if any.
    pub first_ambiguous: Option<Range<usize>>,
    /// True when the order was taken from the dots of the ambiguous dates (`03.08.2023`),
    /// which are written day first.
    pub dotted: bool,
    /// True when the order was taken from neighbouring dates (`08/03/2023` then `09/03/2023`:
    /// the number that stays the same is the month's).
    pub from_neighbours: bool,
    /// The time zone whose region's custom gave the order (`WAT`: day first; `PST`: month
    /// first), when nothing else did.
    pub zone_hint: Option<&'static str>,
}

/// The order the zones named in `text` suggest: only when every zone named belongs to
/// regions of one custom (the first such zone is returned).
fn order_from_zones(text: &str) -> Option<(DateOrder, &'static str)> {
    let mut day_first = None;
    let mut month_first = None;
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.len() < 2 || word.len() > 4 {
            continue;
        }
        match date_custom(word) {
            Some((Custom::DayFirst, zone)) => {
                day_first.get_or_insert(zone);
            }
            Some((Custom::MonthFirst, zone)) => {
                month_first.get_or_insert(zone);
            }
            Some((Custom::Either, _)) | None => {}
        }
    }
    match (day_first, month_first) {
        (Some(zone), None) => Some((DateOrder::DayFirst, zone)),
        (None, Some(zone)) => Some((DateOrder::MonthFirst, zone)),
        _ => None,
    }
}

/// How far into the text the reader looks for a date written with its month's name that
/// settles an ambiguous numeric one (the header and the first sections).
const NAMED_MONTH_WINDOW: usize = 64 * 1024;

/// Settles the order of numeric dates from every `a/b/yyyy` (or `-`, `.`, `–`) in `source`, and
/// every `a/b` before a clock (`13/06 01:00`): the first date with a field over 12 decides.
/// Without one, a day written unambiguously (`3rd of August`, `2023-08-04`) within
/// [`NEAR_DAYS`] of one reading of the first ambiguous date and not of the other decides;
/// else ambiguous dates all written with dots (`03.08.2023`, as German, French and Dutch texts
/// write them) are read day first; else month first.
pub fn date_order(source: &str) -> OrderEvidence {
    let bytes = source.as_bytes();
    let mut first_ambiguous = None;
    let mut first_fields = None;
    let mut all_dotted = true;
    // The first numeric dates with both fields 12 or under, in order (see `neighbours_order`).
    let mut low_pairs: Vec<(u32, u32)> = Vec::new();
    let mut at = 0;
    // Dates start at digits: the search skips the words between them.
    while let Some(digit) = find_byte(bytes, at, digits, |b| b.is_ascii_digit()) {
        at = digit;
        if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        // A date's first field is one or two digits and a separator (`-`, `/`, `.`, `–`):
        // anything else (`10:00`, `2024`) is passed over whole.
        let run = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if run > 2 || !matches!(bytes.get(at + run), Some(b'-' | b'/' | b'.' | 0xE2)) {
            at += run;
            continue;
        }
        // `05/03/2024`, or `13/06 01:00`: a day and month without the year, before a clock.
        let Some((a, b, end)) = numeric_triple(source, at)
            .or_else(|| pair_before_time(source, at))
            .or_else(|| pair_after_time(source, at))
        else {
            at += 1;
            continue;
        };
        if a > 12 && b <= 12 {
            return decided(DateOrder::DayFirst, first_ambiguous);
        }
        if b > 12 && a <= 12 {
            return decided(DateOrder::MonthFirst, first_ambiguous);
        }
        if a <= 12 && b <= 12 && low_pairs.len() < MAX_NEIGHBOURS {
            low_pairs.push((a, b));
        }
        if a != b && a <= 12 && b <= 12 {
            let after_first = source[at..].trim_start_matches(|c: char| c.is_ascii_digit());
            all_dotted &= after_first.starts_with('.');
            if first_ambiguous.is_none() {
                first_ambiguous = Some(at..end);
                first_fields = Some((a, b));
            }
        }
        at = end;
    }
    if let Some((a, b)) = first_fields {
        // A day written unambiguously (`3rd of August`, `2023-08-04`) within a few days of one
        // reading and not of the other: a timeline's dates lie close together.
        let anchors = unambiguous_month_days(window(source, NAMED_MONTH_WINDOW));
        let near = |day: (u32, u32)| {
            anchors
                .iter()
                .any(|&anchor| days_apart(anchor, day) <= NEAR_DAYS)
        };
        let day_first = near((b, a));
        let month_first = near((a, b));
        if day_first != month_first {
            let order = match day_first {
                true => DateOrder::DayFirst,
                false => DateOrder::MonthFirst,
            };
            return decided(order, first_ambiguous);
        }
    }
    if first_ambiguous.is_some() {
        if let Some(order) = neighbours_order(&low_pairs) {
            return OrderEvidence {
                from_neighbours: true,
                decided: false,
                ..decided(order, first_ambiguous)
            };
        }
    }
    let dotted = first_ambiguous.is_some() && all_dotted;
    let zone_hint = match (&first_ambiguous, dotted) {
        (Some(_), false) => order_from_zones(window(source, NAMED_MONTH_WINDOW)),
        _ => None,
    };
    OrderEvidence {
        order: match (dotted, zone_hint) {
            (true, _) => DateOrder::DayFirst,
            (false, Some((order, _))) => order,
            (false, None) => DateOrder::MonthFirst,
        },
        decided: false,
        first_ambiguous,
        dotted,
        from_neighbours: false,
        zone_hint: zone_hint.map(|(_, zone)| zone),
    }
}

/// How many numeric dates [`neighbours_order`] looks at.
const MAX_NEIGHBOURS: usize = 64;

/// The order that neighbouring dates, read in order, agree on: where one number changes from
/// a date to the next and the other stays, the one that stays is the month (`08/03/2023`,
/// `09/03/2023`, `11/03/2023` are days of March, not the third of August, September and
/// November). `None` when no pair says, or pairs disagree.
fn neighbours_order(pairs: &[(u32, u32)]) -> Option<DateOrder> {
    let (mut day_first, mut month_first) = (0, 0);
    for pair in pairs.windows(2) {
        let ((a1, b1), (a2, b2)) = (pair[0], pair[1]);
        if b1 == b2 && a1 != a2 {
            day_first += 1;
        } else if a1 == a2 && b1 != b2 {
            month_first += 1;
        }
    }
    match (day_first, month_first) {
        (0, 0) => None,
        (_, 0) => Some(DateOrder::DayFirst),
        (0, _) => Some(DateOrder::MonthFirst),
        _ => None,
    }
}

fn decided(order: DateOrder, first_ambiguous: Option<Range<usize>>) -> OrderEvidence {
    OrderEvidence {
        order,
        decided: true,
        first_ambiguous,
        dotted: false,
        from_neighbours: false,
        zone_hint: None,
    }
}

/// The first `max` bytes of `text`, cut on a character boundary.
fn window(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How many days from a date written unambiguously an ambiguous one may be to be read the way
/// that puts it there.
const NEAR_DAYS: u32 = 7;

/// Days between two (month, day) pairs of no particular year, across a new year too (months
/// counted as 31 days: near enough for [`NEAR_DAYS`]).
fn days_apart((m1, d1): (u32, u32), (m2, d2): (u32, u32)) -> u32 {
    let (x, y) = (m1 * 31 + d1, m2 * 31 + d2);
    let apart = x.abs_diff(y);
    apart.min(12 * 31 - apart)
}

/// Every (month, day) written so that it reads one way only in `text`: with the month's name
/// (`August 3`, `3 August`, `3. August`, `3rd of August`, `Aug 3rd`) or year first as the date
/// lexer reads it (`2023-08-04`, `2023/08/04`).
fn unambiguous_month_days(text: &str) -> Vec<(u32, u32)> {
    use chrono::Datelike;
    let mut out = Vec::new();
    for line in text.lines() {
        if !line.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let tokens = tokens(line);
        for (i, token) in tokens.iter().enumerate() {
            let year_first =
                token.text.len() == 4 && token.text.bytes().all(|b| b.is_ascii_digit());
            if year_first {
                if let Some(found) = date_at(line, &tokens, i, DateContext::default()) {
                    out.push((found.date.month(), found.date.day()));
                }
                continue;
            }
            let Some(month) = month_number(token.text) else {
                continue;
            };
            let gap = |a: &Token<'_>, b: &Token<'_>| line.get(a.end..b.start).map(str::trim);
            if let Some(next) = tokens.get(i + 1) {
                if let (Some(day), Some("" | ".")) = (next.day(), gap(token, next)) {
                    out.push((month, day));
                }
            }
            // `3 August`, `3. August`, `3rd of August`
            let day_before = match i.checked_sub(1).map(|k| &tokens[k]) {
                Some(of) if of.text.eq_ignore_ascii_case("of") && gap(of, token) == Some("") => i
                    .checked_sub(2)
                    .map(|k| &tokens[k])
                    .filter(|day| gap(day, of) == Some("")),
                Some(day) if matches!(gap(day, token), Some("" | ".")) => Some(day),
                _ => None,
            };
            if let Some(day) = day_before.and_then(Token::day) {
                out.push((month, day));
            }
        }
    }
    out
}

/// `a<sep>b<sep>yyyy` at byte `at` with one- or two-digit fields: (a, b, end).
fn numeric_triple(text: &str, at: usize) -> Option<(u32, u32, usize)> {
    let start = text.get(at..)?;
    let (a, rest) = leading_number(start, 2)?;
    let a_len = start.len() - rest.len();
    let sep = separator(rest)?;
    let rest = &rest[sep.len()..];
    let (b, after_b) = leading_number(rest, 2)?;
    let b_len = rest.len() - after_b.len();
    let rest = after_b.strip_prefix(sep)?;
    let year_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let short_year = cut_year([a_len, b_len, year_len], &rest[year_len..], sep == "/");
    if !(year_len == 4 || short_year)
        || rest[year_len..].starts_with(|c: char| c.is_ascii_alphanumeric())
    {
        return None;
    }
    let end = text.len() - rest.len() + year_len;
    (a >= 1 && b >= 1 && a <= 31 && b <= 31).then_some((a, b, end))
}

/// Two numbers of one or two digits joined by a date separator and followed by a clock time
/// (`13/06 01:00`, `06-13T01:00`): a day and month without the year, as (first, second, end
/// of the pair). A fraction or a score (`3/4 of the nodes`) has no time after it.
fn pair_before_time(text: &str, at: usize) -> Option<(u32, u32, usize)> {
    // Not the month and day of `2024-09-28T11:31`.
    let before = text.as_bytes().get(..at)?;
    if before.ends_with(b"-")
        || before.ends_with(b"/")
        || before.ends_with(b".")
        || before.ends_with("–".as_bytes())
    {
        return None;
    }
    let (a, rest) = leading_number(text.get(at..)?, 2)?;
    let sep = separator(rest)?;
    let (b, after) = leading_number(&rest[sep.len()..], 2)?;
    let end = text.len() - after.len();
    let clock = after.strip_prefix([' ', 'T'])?;
    let is_time = short_clock_len(clock).is_some();
    (is_time && (1..=31).contains(&a) && (1..=31).contains(&b)).then_some((a, b, end))
}

/// The length of the `H:MM` or `HH:MM` (hours of one or two digits, minutes of two, no third)
/// opening `text`, if it opens with one.
fn short_clock_len(text: &str) -> Option<usize> {
    let hour = text.bytes().take_while(u8::is_ascii_digit).count();
    let minutes = text.get(hour + 1..)?;
    let minute_digits = minutes.bytes().take_while(u8::is_ascii_digit).count();
    ((1..=2).contains(&hour) && text[hour..].starts_with(':') && minute_digits == 2)
        .then_some(hour + 3)
}

/// Two numbers of one or two digits joined by a date separator right after a clock time and a
/// space, and followed by an entry's separator or the line's end (`14:05 04/03 - text`): a day
/// and month without the year, as (first, second, end of the pair).
fn pair_after_time(text: &str, at: usize) -> Option<(u32, u32, usize)> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    // The clock ends `before`: its digits and colon run back to where it opens.
    let clock_at = before.len()
        - before
            .bytes()
            .rev()
            .take_while(|b| b.is_ascii_digit() || *b == b':')
            .count();
    let clock_opens = before[..clock_at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '.');
    if short_clock_len(&before[clock_at..]) != Some(before.len() - clock_at) || !clock_opens {
        return None;
    }
    let (a, rest) = leading_number(text.get(at..)?, 2)?;
    let sep = separator(rest)?;
    let (b, after) = leading_number(&rest[sep.len()..], 2)?;
    // Not the start of a full date (`04/03/2024`), nor words (`14:05 3/4 of the nodes`): the
    // entry's separator, or the line's end, follows a stamp.
    let rest = after.trim_start_matches(' ');
    let ends_stamp = rest.is_empty()
        || rest.starts_with(['\n', '\r', ':', '|', ',', '–', '—'])
        || rest.starts_with("- ");
    if separator(after).is_some() || !ends_stamp {
        return None;
    }
    let end = text.len() - after.len();
    ((1..=31).contains(&a) && (1..=31).contains(&b)).then_some((a, b, end))
}

/// One or two leading digits (at most `max`), not followed by another digit.
fn leading_number(text: &str, max: usize) -> Option<(u32, &str)> {
    let len = text.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > max {
        return None;
    }
    Some((text[..len].parse().ok()?, &text[len..]))
}

/// The separator of a numeric date at the start of `text`.
fn separator(text: &str) -> Option<&'static str> {
    match text.as_bytes() {
        [b'-', ..] => Some("-"),
        [b'/', ..] => Some("/"),
        [b'.', ..] => Some("."),
        [0xE2, 0x80, 0x93, ..] => Some("–"),
        _ => None,
    }
}

/// A date found in a text, and the bytes it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// The date read.
    pub date: NaiveDate,
    /// Where it was written.
    pub span: Range<usize>,
    /// True when the year was written (not taken from the document).
    pub has_year: bool,
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

    /// A day of the month (`15`, `3rd`), at most two digits.
    fn day(&self) -> Option<u32> {
        let digits = self.text.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        (digits.len() <= 2 && (digits.len() == self.text.len() || is_ordinal(self.text)))
            .then(|| self.number())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    }

    fn is_year(&self) -> bool {
        self.text.len() == 4
            && self.text.bytes().all(|b| b.is_ascii_digit())
            && matches!(self.number(), Some(1900..=2199))
    }

    fn is_capitalised(&self) -> bool {
        self.text.starts_with(|c: char| c.is_ascii_uppercase())
    }
}

/// `1st`, `2nd`, `3rd`, `15th`.
fn is_ordinal(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| lower.ends_with(s) && lower[..lower.len() - 2].bytes().all(|b| b.is_ascii_digit()))
}

/// Finds the first date written in `text`, reading it as `context` says.
pub fn find_date_in(text: &str, context: DateContext) -> Option<FoundDate> {
    find_date_starting_by(text, context, text.len())
}

/// [`find_date_in`] for a caller that wants the first date only when it starts at byte
/// `last_start` or before: `None` when it starts later (a date starts with the token it is
/// read from, so the tokens after `last_start` are not tried).
pub fn find_date_starting_by(
    text: &str,
    context: DateContext,
    last_start: usize,
) -> Option<FoundDate> {
    // Every date has a number: most prose lines stop here.
    find_byte(text.as_bytes(), 0, digits, |b| b.is_ascii_digit())?;
    let tokens = tokens(text);
    (0..tokens.len())
        .take_while(|&i| tokens[i].start <= last_start)
        .find_map(|i| date_at(text, &tokens, i, context))
        .filter(|found| found.span.start <= last_start)
}

/// Splits `text` into runs of ASCII letters and digits.
fn tokens(text: &str) -> Vec<Token<'_>> {
    token_iter(text).collect()
}

/// The tokens of [`tokens`], one by one.
fn token_iter(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut start = None;
    let bytes = text.as_bytes();
    let mut chars = text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')));
    std::iter::from_fn(move || {
        for (index, ch) in chars.by_ref() {
            // The `T` of ISO 8601 (`2024-01-15T10:00`) separates the date from the time.
            // `2026-05-18T~12:00Z`: an approximate time after it.
            let iso_t = ch == 'T'
                && index > 0
                && bytes[index - 1].is_ascii_digit()
                && bytes
                    .get(index + 1)
                    .is_some_and(|b| b.is_ascii_digit() || *b == b'~');
            // Letters of Latin and Cyrillic scripts join words (`février`); CJK and Hangul do
            // not, so `2025년` stays the number 2025.
            let word_char =
                ch.is_ascii_alphanumeric() || (ch.is_alphabetic() && u32::from(ch) < 0x2E80);
            // `January23, 2021`: a month's name written against its day is two words.
            let month_then_day = ch.is_ascii_digit()
                && start.is_some_and(|from| {
                    index - from >= 3
                        && bytes[index - 1].is_ascii_alphabetic()
                        && month_number(&text[from..index]).is_some()
                });
            if month_then_day {
                if let Some(from) = start.replace(index) {
                    return Some(Token {
                        text: &text[from..index],
                        start: from,
                        end: index,
                    });
                }
            }
            match (start, word_char && !iso_t) {
                (None, true) => start = Some(index),
                (Some(from), false) => {
                    start = None;
                    return Some(Token {
                        text: &text[from..index],
                        start: from,
                        end: index,
                    });
                }
                _ => {}
            }
        }
        None
    })
}

/// The date [`find_date_in`] finds in `text` when it starts at byte 0, 1 or 2 with nothing
/// alphanumeric before it (a date opening a line), read without looking further than the
/// few words it can take.
pub fn leading_date(text: &str, context: DateContext) -> Option<FoundDate> {
    find_byte(text.as_bytes(), 0, digits, |b| b.is_ascii_digit())?;
    // Only the first token can start such a date (the others have it before them), and a
    // date reads at most four tokens.
    let mut firsts = [Token {
        text: "",
        start: 0,
        end: 0,
    }; 4];
    let mut count = 0;
    for (slot, token) in firsts.iter_mut().zip(token_iter(text)) {
        *slot = token;
        count += 1;
    }
    let tokens = &firsts[..count];
    let first = tokens.first()?;
    if first.start > 2 || text[..first.start].chars().any(char::is_alphanumeric) {
        return None;
    }
    date_at(text, tokens, 0, context)
}

/// Tries every date pattern that starts at token `i`.
fn date_at(text: &str, tokens: &[Token<'_>], i: usize, context: DateContext) -> Option<FoundDate> {
    let first = tokens[i];
    let next = |k: usize| tokens.get(i + k).copied();
    let between = |a: Token<'_>, b: Token<'_>| text.get(a.end..b.start).unwrap_or("?");
    let found = |date: NaiveDate, last: Token<'_>, has_year: bool| FoundDate {
        date,
        span: first.start..last.end,
        has_year,
    };
    let numeric_sep = |sep: &str| matches!(sep, "-" | "/" | "." | "–");

    // 2024-01-15, 2024/01/15, 2024.01.15
    if first.text.len() == 4 && first.text.bytes().all(|b| b.is_ascii_digit()) {
        if let (Some(m), Some(d)) = (next(1), next(2)) {
            let sep = between(first, m);
            // `https://example.org/news/2020/12/25/release/`: a path in a link, not a date.
            let in_path = sep == "/"
                && (text[..first.start].ends_with('/') || text[d.end..].starts_with('/'));
            if in_path {
                return None;
            }
            if numeric_sep(sep) && between(m, d) == sep && d.text.len() <= 2 && m.text.len() <= 2 {
                let date = ymd(first.number()?, m.number()?, d.number()?)?;
                return Some(found(date, d, true));
            }
            // `2025 - 05 - 13`: the same with a space on both sides of each dash.
            if sep == " - " && between(m, d) == sep && d.text.len() == 2 && m.text.len() == 2 {
                let date = ymd(first.number()?, m.number()?, d.number()?)?;
                return Some(found(date, d, true));
            }
            // 2025년 11월 18일, 2025年11月18日
            let (year_mark, month_mark) = (sep.trim(), between(m, d).trim());
            if matches!(year_mark, "년" | "年") && matches!(month_mark, "월" | "月") {
                let date = ymd(first.number()?, m.number()?, d.number()?)?;
                // The day's mark (`18일`, `18日`) is part of the date.
                let rest = text.get(d.end..).unwrap_or("");
                let mark = ["일", "日"]
                    .iter()
                    .find(|m| rest.starts_with(**m))
                    .map_or(0, |m| m.len());
                return Some(FoundDate {
                    date,
                    span: first.start..d.end + mark,
                    has_year: true,
                });
            }
            // `2018 October 21`, `2018-Oct-21`: the year, the month's name, the day.
            if let (Some(month_no), Some(day_no)) = (month_number(m.text), d.day()) {
                let (gap1, gap2) = (between(first, m), between(m, d));
                let spaced = |gap: &str| !gap.is_empty() && gap.trim().is_empty();
                let ordered = (spaced(gap1) && spaced(gap2)) || (gap1 == "-" && gap2 == "-");
                // `2018 октябрь 21`: other languages write their months in lower case.
                if ordered && (m.is_capitalised() || is_foreign_month(m.text)) {
                    let date = ymd(first.number()?, month_no, day_no)?;
                    return Some(found(date, d, true));
                }
            }
        }
        return None;
    }
    // January 15, 2024 / Jan. 15 2024 / Jan 15th, 2024 / Jan 15 (year from the document)
    if let Some(month) = month_number(first.text) {
        let day = next(1)?;
        let gap1 = between(first, day).trim();
        // `Jan-31-2018`: dashes between the parts.
        let dashed = between(first, day) == "-";
        if !(gap1.is_empty() || gap1 == "." || dashed) {
            return None;
        }
        let day_no = day.day()?;
        let (date, last, has_year) = with_year(
            text,
            day,
            next(2),
            (month, day_no),
            context,
            first.is_capitalised(),
            dashed,
        )?;
        return Some(found(date, last, has_year));
    }
    // `25–26 May 2026`: a range of days starts on its first.
    if let (Some(day_no), Some(last_day)) = (first.day(), next(1)) {
        let dash = matches!(between(first, last_day).trim(), "-" | "–" | "—");
        if dash && first.text.len() <= 2 && last_day.day().is_some_and(|end| end > day_no) {
            if let Some(end) = date_at(text, tokens, i + 1, context) {
                let named_month = text[end.span.clone()].contains(char::is_alphabetic);
                if named_month {
                    return Some(FoundDate {
                        date: chrono::Datelike::with_day(&end.date, day_no)?,
                        span: first.start..end.span.end,
                        has_year: end.has_year,
                    });
                }
            }
        }
    }
    // 15 January 2024 / 3rd Feb 2022 / 15th of March 2023 / 15 Jan (year from the document)
    if let Some(day_no) = first.day() {
        let mut k = 1;
        // `15th of March`, `15 de marzo de 2023` (Spanish, Portuguese).
        let joins = |t: Token<'_>| t.text.eq_ignore_ascii_case("of") || t.text == "de";
        if next(1).is_some_and(joins) {
            k = 2;
        }
        if let Some(month) = next(k) {
            if let Some(month_no) = month_number(month.text) {
                // `de 2023`: the year after its own `de`.
                let (before_year, year_at) = match (next(k + 1), next(k + 2)) {
                    (Some(de), Some(year)) if de.text == "de" && year.is_year() => (de, k + 2),
                    _ => (month, k + 1),
                };
                // `3. März 2024`: German writes the day as an ordinal with a dot;
                // `20-Dec-18`: dashes between the parts.
                let gap = between(tokens[i + k - 1], tokens[i + k]);
                let dashed = k == 1 && gap == "-";
                if matches!(gap.trim(), "" | ".") || dashed {
                    let (date, last, has_year) = with_year(
                        text,
                        before_year,
                        next(year_at),
                        (month_no, day_no),
                        context,
                        // `24 augustus`: other languages write their months in lower case.
                        month.is_capitalised() || is_foreign_month(month.text),
                        dashed,
                    )?;
                    return Some(found(date, last, has_year));
                }
            }
        }
    }
    // 8月3日, 8 月 3 日: a Chinese or Japanese month and day, in the document's year.
    if first.text.len() <= 2 {
        if let Some(d) = next(1).filter(|d| d.text.len() <= 2) {
            let after_day = text[d.end..].trim_start_matches(' ');
            if between(first, d).trim() == "月" && after_day.starts_with('日') {
                let year = u32::try_from(context.year?).ok()?;
                let date = ymd(year, first.number()?, d.number()?)?;
                let end = text.len() - after_day.len() + '日'.len_utf8();
                return Some(FoundDate {
                    date,
                    span: first.start..end,
                    has_year: false,
                });
            }
        }
    }
    // 01-15-2024, 15/01/2024, 15.01.2024, 03–14–2022: in the document's order
    if first.text.len() <= 2 {
        if let (Some(b), Some(y)) = (next(1), next(2)) {
            let sep = between(first, b);
            let short_year = y.text.bytes().all(|c| c.is_ascii_digit())
                && cut_year(
                    [first.text.len(), b.text.len(), y.text.len()],
                    &text[y.end..],
                    sep == "/",
                );
            if numeric_sep(sep)
                && between(b, y) == sep
                && (y.is_year() || short_year)
                && b.text.len() <= 2
            {
                let year = match short_year {
                    true => 2000 + y.number()?,
                    false => y.number()?,
                };
                let (a, b_no) = (first.number()?, b.number()?);
                let (month, day) = match context.order {
                    DateOrder::MonthFirst if a > 12 => (b_no, a),
                    DateOrder::MonthFirst => (a, b_no),
                    DateOrder::DayFirst if b_no > 12 => (a, b_no),
                    DateOrder::DayFirst => (b_no, a),
                };
                return Some(found(ymd(year, month, day)?, y, true));
            }
        }
    }
    None
}

/// A year-less numeric date `MM-DD` (or `DD-MM`, in the document's order) at the very start of
/// `text`, as chat-style stamps write it (`[11-02 07:45]`): the date and the bytes it took.
/// Only read when the document's year is known, and followed by a space (a time comes next)
/// or by nothing (a day row such as `1/28 |` in a table).
pub fn leading_month_day(text: &str, context: DateContext) -> Option<(NaiveDate, usize)> {
    let year = context.year?;
    let (a, rest) = leading_number(text, 2)?;
    let sep = ["-", "/"].into_iter().find(|s| rest.starts_with(s))?;
    let (b, after) = leading_number(&rest[sep.len()..], 2)?;
    if !(after.starts_with([' ', 'T']) || after.is_empty()) {
        return None;
    }
    let (month, day) = match context.order {
        DateOrder::MonthFirst => (a, b),
        DateOrder::DayFirst => (b, a),
    };
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some((date, text.len() - after.len()))
}

/// The year after a day and month (`January 15, 2024`, `15 January 2024`, and with dashes
/// `Jan-31-2018`, `20-Dec-18`, whose year may have two digits), or else the document's year
/// when the month is written capitalised (`Jan 15`, `15 Jan`): the date, the last token it
/// took, and whether its year was written.
fn with_year<'a>(
    text: &str,
    last: Token<'a>,
    year: Option<Token<'a>>,
    (month, day): (u32, u32),
    context: DateContext,
    capitalised: bool,
    dashed: bool,
) -> Option<(NaiveDate, Token<'a>, bool)> {
    if let Some(year) = year {
        let gap = text.get(last.end..year.start).unwrap_or("?");
        let short = (year.text.len() == 2 && year.text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| year.number())
            .flatten()
            .map(|yy| if yy < 70 { 2000 + yy } else { 1900 + yy });
        if dashed && gap == "-" {
            if let Some(full) = short.or_else(|| year.is_year().then(|| year.number()).flatten()) {
                return Some((ymd(full, month, day)?, year, true));
            }
        }
        let gap = gap.trim();
        // `16 Nov. 2020`, `16.Nov.2020`, `2.May.2019`: a dot after the month's name (day first).
        let dotted = gap == "." && month_number(last.text).is_some();
        if (gap.is_empty() || gap == "," || dotted) && year.is_year() {
            return Some((ymd(year.number()?, month, day)?, year, true));
        }
        // `November 5th ’24`, `Jan 3, '19`: a year cut to two digits after an apostrophe.
        let apostrophe = gap.trim_start_matches([',', ' ']);
        if let (Some(full), "'" | "’") = (short, apostrophe) {
            return Some((ymd(full, month, day)?, year, true));
        }
    }
    let year = context.year.filter(|_| capitalised)?;
    Some((NaiveDate::from_ymd_opt(year, month, day)?, last, false))
}

/// True for the lengths of a numeric date's three parts, and what follows it, when its year is
/// cut to two digits (`08/24/17`, `20.04.22`): two digits each, or with slashes a month and day
/// of one digit where the date ends its line or a label (`### 1/13/14`, `5/3/14:`), as a log's
/// headings write them, not `sizes 4/8/16 GB`; and no fourth part follows (`22.04.1` is a
/// version). Both the date order's look and the lexer read these.
fn cut_year(parts: [usize; 3], after: &str, slashes: bool) -> bool {
    let two_digits = parts[0] == 2 && parts[1] == 2;
    let ends_line = || {
        let rest = after.trim_start_matches([' ', '\t', '*', '_']);
        rest.is_empty() || rest.starts_with(['\n', '\r', ':', '|', '-', '–', '—', ')'])
    };
    let short_parts = slashes && parts[0] <= 2 && parts[1] <= 2 && ends_line();
    (two_digits || short_parts) && parts[2] == 2 && !after.starts_with(['.', '/', '-'])
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
    // In bytes: Cyrillic letters take two (`листопада`, `сентября`).
    if word.len() < 3 || word.len() > 18 {
        return None;
    }
    // Every month starts with one of these letters, in the languages below: most words stop
    // here. Polish, Czech and Turkish months that start with `c`, `k`, `w`, `p`, `b`, `h` or
    // `t` go on with one of a few letters (`cz`, `kw`, `wr`, `pa`, `br`, `ha`, `te`…): other
    // words (`with`, `can`, `port`, `the`) stop there, before the long list. Cyrillic and
    // accented first letters (`апреля`, `února`, `Şubat`) go to the list.
    let second: &[u8] = match word.as_bytes()[0].to_ascii_lowercase() {
        b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd' | b'e' | b'g' | b'l' => &[],
        b'c' => b"z",
        b'k' => b"wav",
        b'w' => b"r",
        b'p' => b"ar",
        // Romanian `ianuarie`, `iunie`, `iulie`.
        b'i' => b"au",
        // Czech `březen`, Turkish `haziran`, `temmuz`: three letters, as `team` or `has` start
        // like them.
        b'b' | b'h' | b't' => {
            let opens = word[1..].starts_with('ř')
                || ["haz", "tem"].iter().any(|start| {
                    word.get(..3)
                        .is_some_and(|head| head.eq_ignore_ascii_case(start))
                });
            return opens.then(|| foreign_month(word)).flatten();
        }
        b'z' => &[0xC3],
        0xC3..=0xC5 | 0xD0 | 0xD1 => return foreign_month(word),
        _ => return None,
    };
    if !second.is_empty() {
        if !second.contains(&word.as_bytes()[1].to_ascii_lowercase()) {
            return None;
        }
        return foreign_month(word);
    }
    if !word.is_ascii() || word.len() > 9 {
        return foreign_month(word);
    }
    let bytes = word.as_bytes();
    let index = MONTHS.iter().position(|name| {
        let name = name.as_bytes();
        name.eq_ignore_ascii_case(bytes)
            || (bytes.len() == 3 && name[..3].eq_ignore_ascii_case(bytes))
            || (bytes.eq_ignore_ascii_case(b"sept") && name == b"september")
    });
    match index {
        Some(index) => u32::try_from(index + 1).ok(),
        None => foreign_month(word),
    }
}

/// True for a month's name written in full in one of the other languages below, and in no
/// English word (`mars`, `mai` and `ora` are left out), or one of the few short names no
/// English word shares: these may be written in lower case.
fn is_foreign_month(word: &str) -> bool {
    // Spanish, Italian and French short names no English word shares (`29 dic`, `3 ene`).
    // Russian short names (`21 окт`) are no English word either.
    const SHORT: [&str; 19] = [
        "ene", "abr", "dic", "ott", "déc", "янв", "фев", "мар", "апр", "июн", "июл", "авг", "сен",
        "сент", "окт", "ноя", "нояб", "дек", "май",
    ];
    let long = word.chars().count() >= 4 && !word.eq_ignore_ascii_case("mars");
    (long || SHORT.iter().any(|short| short.eq_ignore_ascii_case(word)))
        && foreign_month(word).is_some()
}

/// Month names in the other languages postmortems are written in (French, Spanish, German,
/// Portuguese, Italian, Dutch, Polish, Czech, Turkish, Russian, Ukrainian), written in full, and
/// Russian short names.
fn foreign_month(word: &str) -> Option<u32> {
    const NAMES: &[(&str, u32)] = &[
        ("janvier", 1),
        ("février", 2),
        ("fevrier", 2),
        ("mars", 3),
        ("avril", 4),
        ("mai", 5),
        ("juin", 6),
        ("juillet", 7),
        ("août", 8),
        ("aout", 8),
        ("septembre", 9),
        ("octobre", 10),
        ("novembre", 11),
        ("décembre", 12),
        ("decembre", 12),
        ("enero", 1),
        ("febrero", 2),
        ("marzo", 3),
        ("abril", 4),
        ("mayo", 5),
        ("junio", 6),
        ("julio", 7),
        ("agosto", 8),
        ("septiembre", 9),
        ("setiembre", 9),
        ("octubre", 10),
        ("noviembre", 11),
        ("diciembre", 12),
        // Spanish and Italian short names that English does not share (`29 dic 19:00`,
        // `3 ene 2024`, `12 ott`): not `ago`, `set`, `mag` or `gen` (`Gen 4 instances`).
        ("ene", 1),
        ("abr", 4),
        ("dic", 12),
        ("giu", 6),
        ("lug", 7),
        ("ott", 10),
        // French short names (`3 janv. 2024`, `12 déc.`).
        ("janv", 1),
        ("févr", 2),
        ("fevr", 2),
        ("avr", 4),
        ("juil", 7),
        ("déc", 12),
        ("januar", 1),
        ("februar", 2),
        ("märz", 3),
        ("maerz", 3),
        ("juni", 6),
        ("juli", 7),
        ("oktober", 10),
        ("dezember", 12),
        // German short names that English does not share (`29.Okt.2019`, `3. Dez. 2021`).
        ("okt", 10),
        ("dez", 12),
        ("mär", 3),
        ("janeiro", 1),
        ("fevereiro", 2),
        ("março", 3),
        ("marco", 3),
        ("maio", 5),
        ("junho", 6),
        ("julho", 7),
        ("setembro", 9),
        ("outubro", 10),
        ("novembro", 11),
        ("dezembro", 12),
        ("gennaio", 1),
        ("febbraio", 2),
        ("aprile", 4),
        ("maggio", 5),
        ("giugno", 6),
        ("luglio", 7),
        ("settembre", 9),
        ("ottobre", 10),
        ("dicembre", 12),
        ("januari", 1),
        ("februari", 2),
        ("maart", 3),
        ("mei", 5),
        ("augustus", 8),
        // Indonesian and Malay (`10 Agu 23:24`, `3 Ogos 2024`); `mei`, `juni`, `juli`,
        // `oktober` are Dutch's and German's too. Not `des` (French and Catalan `of the`) nor
        // `agt` (an agent, in English notes).
        ("maret", 3),
        ("agustus", 8),
        ("agu", 8),
        ("desember", 12),
        ("julai", 7),
        ("ogos", 8),
        ("disember", 12),
        // Romanian (`15 septembrie 2026`); `august` is English's.
        ("ianuarie", 1),
        ("februarie", 2),
        ("martie", 3),
        ("aprilie", 4),
        ("iunie", 6),
        ("iulie", 7),
        ("septembrie", 9),
        ("octombrie", 10),
        ("noiembrie", 11),
        ("decembrie", 12),
        // Polish, as dates write them (`4 czerwca`) and on their own (`czerwiec 2012`).
        ("stycznia", 1),
        ("styczeń", 1),
        ("lutego", 2),
        ("luty", 2),
        ("marca", 3),
        ("marzec", 3),
        ("kwietnia", 4),
        ("kwiecień", 4),
        ("maja", 5),
        ("czerwca", 6),
        ("czerwiec", 6),
        ("lipca", 7),
        ("lipiec", 7),
        ("sierpnia", 8),
        ("sierpień", 8),
        ("września", 9),
        ("wrzesień", 9),
        ("października", 10),
        ("październik", 10),
        ("listopada", 11),
        ("listopad", 11),
        ("grudnia", 12),
        ("grudzień", 12),
        // Czech, as dates write them (`9. dubna 2024`) and on their own (`duben`).
        ("ledna", 1),
        ("leden", 1),
        ("února", 2),
        ("únor", 2),
        ("března", 3),
        ("březen", 3),
        ("dubna", 4),
        ("duben", 4),
        ("května", 5),
        ("květen", 5),
        ("června", 6),
        ("červen", 6),
        ("července", 7),
        ("červenec", 7),
        ("srpna", 8),
        ("srpen", 8),
        ("září", 9),
        ("října", 10),
        ("říjen", 10),
        ("listopadu", 11),
        ("prosince", 12),
        ("prosinec", 12),
        // Turkish.
        ("ocak", 1),
        ("şubat", 2),
        ("mart", 3),
        ("nisan", 4),
        ("mayıs", 5),
        ("haziran", 6),
        ("temmuz", 7),
        ("ağustos", 8),
        ("eylül", 9),
        ("ekim", 10),
        ("kasım", 11),
        ("aralık", 12),
        // Russian, as dates write them (`9 апреля 2024`) and on their own (`апрель`).
        ("января", 1),
        ("январь", 1),
        ("февраля", 2),
        ("февраль", 2),
        ("марта", 3),
        ("март", 3),
        ("апреля", 4),
        ("апрель", 4),
        ("мая", 5),
        ("май", 5),
        ("июня", 6),
        ("июнь", 6),
        ("июля", 7),
        ("июль", 7),
        ("августа", 8),
        ("август", 8),
        ("сентября", 9),
        ("сентябрь", 9),
        ("октября", 10),
        ("октябрь", 10),
        ("ноября", 11),
        ("ноябрь", 11),
        ("декабря", 12),
        ("декабрь", 12),
        // Russian short names (`21 окт 22:52`).
        ("янв", 1),
        ("фев", 2),
        ("мар", 3),
        ("апр", 4),
        ("июн", 6),
        ("июл", 7),
        ("авг", 8),
        ("сен", 9),
        ("сент", 9),
        ("окт", 10),
        ("ноя", 11),
        ("нояб", 11),
        ("дек", 12),
        // Ukrainian, as dates write them (`14 лютого 2023`) and on their own (`лютий`).
        ("січня", 1),
        ("січень", 1),
        ("лютого", 2),
        ("лютий", 2),
        ("березня", 3),
        ("березень", 3),
        ("квітня", 4),
        ("квітень", 4),
        ("травня", 5),
        ("травень", 5),
        ("червня", 6),
        ("червень", 6),
        ("липня", 7),
        ("липень", 7),
        ("серпня", 8),
        ("серпень", 8),
        ("вересня", 9),
        ("вересень", 9),
        ("жовтня", 10),
        ("жовтень", 10),
        ("листопада", 11),
        ("листопад", 11),
        ("грудня", 12),
        ("грудень", 12),
    ];
    // The names by their length in bytes, in the order above, built once: the reader looks up
    // most words of every line, and a word is compared only with the names as long as it.
    static BY_LENGTH: std::sync::OnceLock<Vec<Vec<(&str, u32)>>> = std::sync::OnceLock::new();
    let by_length = BY_LENGTH.get_or_init(|| {
        let longest = NAMES.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
        let mut by_length = vec![Vec::new(); longest + 1];
        for &(name, month) in NAMES {
            by_length[name.len()].push((name, month));
        }
        by_length
    });
    // Compared letter by letter in lower case, with no copy of the word made.
    by_length
        .get(word.len())?
        .iter()
        .find(|(name, _)| name.chars().eq(word.chars().flat_map(char::to_lowercase)))
        .map(|&(_, month)| month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        find_date_in(text, DateContext::default())
            .map(|f| format!("{} {:?}", f.date, &text[f.span]))
    }

    #[test]
    fn reads_iso_days_with_spaced_dashes() {
        assert_eq!(
            date("Submit POST Issue 2025 - 05 - 13"),
            Some("2025-05-13 \"2025 - 05 - 13\"".into())
        );
        // Two digits for the month and the day, as ISO writes them.
        assert_eq!(date("build 2025 - 5 - 13"), None);
    }

    #[test]
    fn reads_spanish_and_portuguese_days_with_de() {
        assert_eq!(
            date("El 8 de marzo de 2021 el servicio cayó."),
            Some("2021-03-08 \"8 de marzo de 2021\"".into())
        );
        assert_eq!(
            date("Em 8 de março de 2021 o serviço caiu."),
            Some("2021-03-08 \"8 de março de 2021\"".into())
        );
        // `de` alone, with no year after it, is not part of the date.
        let context = DateContext {
            year: Some(2021),
            ..DateContext::default()
        };
        let found = find_date_in("el 8 de marzo de madrugada", context).map(|d| d.span);
        assert_eq!(found, Some(3..13));
    }

    #[test]
    fn reads_polish_month_names() {
        assert_eq!(month_number("czerwca"), Some(6));
        assert_eq!(month_number("Października"), Some(10));
        assert_eq!(month_number("grudzień"), Some(12));
        assert_eq!(month_number("with"), None);
        assert_eq!(month_number("dubna"), Some(4));
        assert_eq!(month_number("Nisan"), Some(4));
        assert_eq!(month_number("апреля"), Some(4));
        assert_eq!(month_number("лютого"), Some(2));
        assert_eq!(month_number("Листопада"), Some(11));
        assert_eq!(month_number("сентября"), Some(9));
        assert_eq!(month_number("Září"), Some(9));
        assert_eq!(month_number("března"), Some(3));
        assert_eq!(month_number("the"), None);
        assert_eq!(month_number("team"), None);
        let context = DateContext {
            year: Some(2012),
            ..DateContext::default()
        };
        let found = find_date_in("4 czerwca w jednej z serwerowni", context).map(|d| d.date);
        assert_eq!(found, NaiveDate::from_ymd_opt(2012, 6, 4));
    }

    #[test]
    fn reads_a_two_digit_year_after_one_digit_parts_with_slashes() {
        let context = DateContext {
            order: DateOrder::MonthFirst,
            ..DateContext::default()
        };
        let day = |text| find_date_in(text, context).map(|d| d.date.to_string());
        assert_eq!(day("### 1/13/14").as_deref(), Some("2014-01-13"));
        assert_eq!(day("### 5/3/14").as_deref(), Some("2014-05-03"));
        assert_eq!(day("### 11/30/13").as_deref(), Some("2013-11-30"));
        // With dots, a short part is a version's (`1.13.14`); in a sentence, sizes.
        assert_eq!(day("upgraded to 1.13.14 today"), None);
        assert_eq!(day("Instance sizes 4/8/16 GB were affected."), None);
        assert_eq!(
            day("5/3/14: the fiber was cut").as_deref(),
            Some("2014-05-03")
        );
    }

    #[test]
    fn reads_short_spanish_and_italian_months_in_lower_case() {
        let context = DateContext {
            year: Some(2025),
            ..DateContext::default()
        };
        let day = |text| find_date_in(text, context).map(|d| d.date.to_string());
        assert_eq!(day("**29 dic 19:00**: cron").as_deref(), Some("2025-12-29"));
        assert_eq!(day("3 ene 2024, 10:00").as_deref(), Some("2024-01-03"));
        assert_eq!(day("12 ott 08:15").as_deref(), Some("2025-10-12"));
        // English words stay words: `2 ago`, `5 set`, `4 mag`.
        assert_eq!(day("it broke 2 ago"), None);
        assert_eq!(day("we changed 5 set values"), None);
        assert_eq!(month_number("dic"), Some(12));
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
            date("On November 5th ’24 we"),
            Some("2024-11-05 \"November 5th ’24\"".into())
        );
        assert_eq!(date("Jan 3, '19"), Some("2019-01-03 \"Jan 3, '19\"".into()));
        // A month's name written against its day; a shorter word against digits is no month.
        assert_eq!(
            date("occurred on January23, 2021."),
            Some("2021-01-23 \"January23, 2021\"".into())
        );
        assert_eq!(date("model X5, 2021"), None);
        assert_eq!(
            date("Jan. 15 2024"),
            Some("2024-01-15 \"Jan. 15 2024\"".into())
        );
        assert_eq!(
            date("15 March 2023"),
            Some("2023-03-15 \"15 March 2023\"".into())
        );
        // A dot after the month's name, day first; German short names.
        assert_eq!(
            date("16 Nov. 2020 at"),
            Some("2020-11-16 \"16 Nov. 2020\"".into())
        );
        assert_eq!(
            date("### 16.Nov.2020 14:42"),
            Some("2020-11-16 \"16.Nov.2020\"".into())
        );
        assert_eq!(date("2.May.2019"), Some("2019-05-02 \"2.May.2019\"".into()));
        assert_eq!(
            date("29.Okt.2019"),
            Some("2019-10-29 \"29.Okt.2019\"".into())
        );
        assert_eq!(
            date("3. Dez. 2021"),
            Some("2021-12-03 \"3. Dez. 2021\"".into())
        );
        // Month first, a dot after the day ends a sentence.
        assert_eq!(date("Jan 15. 2024 was"), None);
        assert_eq!(
            date("01-12-2021, 1:00 PM"),
            Some("2021-01-12 \"01-12-2021\"".into())
        );
        assert_eq!(
            date("**July 15, 2024**"),
            Some("2024-07-15 \"July 15, 2024\"".into())
        );
        assert_eq!(
            date("2024-01-15T10:00:00Z"),
            Some("2024-01-15 \"2024-01-15\"".into())
        );
        assert_eq!(
            date("2025년 11월 18일 18:30"),
            Some("2025-11-18 \"2025년 11월 18일\"".into())
        );
        assert_eq!(
            date("Incident du 7 septembre 2021"),
            Some("2021-09-07 \"7 septembre 2021\"".into())
        );
        assert_eq!(
            date("### 1:00 PM, 20-Dec-18: Outage"),
            Some("2018-12-20 \"20-Dec-18\"".into())
        );
        assert_eq!(
            date("shutdown for 12:00AM, Jan-31-2018 to"),
            Some("2018-01-31 \"Jan-31-2018\"".into())
        );
        assert_eq!(date("cut 20-Dec 18 hosts"), None);
        assert_eq!(
            date("### 2018 October 21 22:52 UTC"),
            Some("2018-10-21 \"2018 October 21\"".into())
        );
        assert_eq!(
            date("on 2019-Mar-03, 10:00"),
            Some("2019-03-03 \"2019-Mar-03\"".into())
        );
        assert_eq!(date("in 2018 may 5 hosts failed"), None);
        assert_eq!(
            date("[Ruby 3](https://www.ruby-lang.org/en/news/2020/12/25/ruby-3/)"),
            None
        );
        assert_eq!(
            date("see 2020/12/25 notes"),
            Some("2020-12-25 \"2020/12/25\"".into())
        );
        assert_eq!(
            date("am 3. März 2024"),
            Some("2024-03-03 \"3. März 2024\"".into())
        );
        assert_eq!(
            date("Sept 3rd, 2023"),
            Some("2023-09-03 \"Sept 3rd, 2023\"".into())
        );
    }

    #[test]
    fn an_ambiguous_date_follows_the_custom_of_the_zone_named() {
        let found = date_order("07/09/2023 from 05:15 PM to 02:00 AM WAT");
        assert_eq!(
            (found.order, found.decided, found.zone_hint),
            (DateOrder::DayFirst, false, Some("WAT"))
        );
        let found = date_order("Date: 07/09/2023\nAll times PDT");
        assert_eq!(
            (found.order, found.zone_hint),
            (DateOrder::MonthFirst, Some("PDT"))
        );
        // Zones of both customs, or none: month first, with no hint.
        let found = date_order("07/09/2023 10:00 PST, 19:00 CET");
        assert_eq!(
            (found.order, found.zone_hint),
            (DateOrder::MonthFirst, None)
        );
        // A day over 12 still decides, whatever the zone.
        let found = date_order("07/09/2023 and 09/25/2023 WAT");
        assert_eq!((found.order, found.decided), (DateOrder::MonthFirst, true));
    }

    #[test]
    fn a_day_and_month_after_an_entry_time_count_as_dates() {
        // `14:05 25/03 - …` decides the order; `14:05 04/03`, then `05/03`, by neighbours.
        let found = date_order("14:05 25/03 - first reports\n");
        assert_eq!((found.order, found.decided), (DateOrder::DayFirst, true));
        let found = date_order("14:05 04/03 - first reports\n09:10 05/03 - root cause\n");
        assert_eq!(
            (found.order, found.from_neighbours, found.first_ambiguous),
            (DateOrder::DayFirst, true, Some(6..11))
        );
        // A fraction after a time is words, and a full date is read as one.
        let found = date_order("- 14:05 3/4 of the nodes were down\n");
        assert_eq!(found.first_ambiguous, None);
        let found = date_order("14:05 25/03/2024 - first reports\n");
        assert_eq!((found.order, found.decided), (DateOrder::DayFirst, true));
    }

    #[test]
    fn settles_the_order_from_named_months_and_dots() {
        let found = date_order("Date: 04/06/2021\nOn the 4th of June the certificate expired.");
        assert_eq!((found.order, found.decided), (DateOrder::DayFirst, true));
        let found = date_order("Date: 06/04/2021, or June 4");
        assert_eq!((found.order, found.decided), (DateOrder::MonthFirst, true));
        let found = date_order("am 3. August: 03.08.2023");
        assert_eq!((found.order, found.decided), (DateOrder::DayFirst, true));
        let found = date_order("Datum: 03.08.2023");
        assert_eq!(
            (found.order, found.decided, found.dotted),
            (DateOrder::DayFirst, false, true)
        );
        let found = date_order("03.08.2023 and 03/08/2023");
        assert_eq!((found.order, found.dotted), (DateOrder::MonthFirst, false));
        let found = date_order("13/08/2023 and 03.08.2023");
        assert_eq!((found.order, found.decided), (DateOrder::DayFirst, true));
    }

    #[test]
    fn settles_the_order_from_an_unambiguous_day_a_few_days_away() {
        let order = |text: &str| {
            let found = date_order(text);
            (found.order, found.decided)
        };
        // 3 April is a day after the title's; 4 March a month before it.
        let text = "# Incident 2023-04-02\n- 03/04/2023 00:05 reverted";
        assert_eq!(order(text), (DateOrder::DayFirst, true));
        assert_eq!(
            order("# Incident 2023/03/02\n- 03/04/2023 00:05 reverted"),
            (DateOrder::MonthFirst, true)
        );
        // A day and month before a clock, without the year, is settled the same way.
        assert_eq!(
            order("# Outage 2024-03-04\n- 22:00 alerts\n- 05/03 01:00 drained"),
            (DateOrder::DayFirst, true)
        );
        let undated = date_order("- 05/03 22:00 alerts\n- 06/03 01:00 drained");
        assert_eq!(
            (undated.order, undated.decided, undated.from_neighbours),
            (DateOrder::DayFirst, false, true)
        );
        // Across a new year, and with the month's name.
        assert_eq!(
            order("Dec 30, 2023: 02/01/2024 09:00"),
            (DateOrder::DayFirst, true)
        );
        // Near both readings, or neither: nothing is settled.
        assert_eq!(
            order("2023-04-05 to 2023-05-04: 04/05/2023"),
            (DateOrder::MonthFirst, false)
        );
        assert_eq!(
            order("2023-09-20: 03/04/2023"),
            (DateOrder::MonthFirst, false)
        );
        assert_eq!(days_apart((12, 30), (1, 2)), 3);
    }

    #[test]
    fn takes_the_order_from_the_number_neighbouring_dates_share() {
        let order = |text: &str| {
            let found = date_order(text);
            (found.order, found.decided, found.from_neighbours)
        };
        let day_first =
            "- 08/03/2023 23:50 pushed\n- 09/03/2023 00:10 reports\n- 09/03/2023 01:30 fixed";
        assert_eq!(order(day_first), (DateOrder::DayFirst, false, true));
        let month_first = "- 03/08/2023 23:50 pushed\n- 03/09/2023 00:10 reports";
        assert_eq!(order(month_first), (DateOrder::MonthFirst, false, true));
        // Neighbours that disagree, or that change both numbers, say nothing.
        for text in [
            "03/08/2023, 04/08/2023, 04/09/2023",
            "03/08/2023 then 04/09/2023",
            "03/08/2023 then 03/08/2023",
        ] {
            assert_eq!(order(text), (DateOrder::MonthFirst, false, false), "{text}");
        }
        // A day over 12 still decides first.
        assert_eq!(
            order("08/03/2023, 09/03/2023, 3/13/2023").0,
            DateOrder::MonthFirst
        );
    }

    #[test]
    fn settles_the_order_from_days_without_years_before_times() {
        let found = date_order("- 12/06 10:00 deploy\n- 13/06 01:00 cleanup");
        assert_eq!((found.order, found.decided), (DateOrder::DayFirst, true));
        let found = date_order("[06-13 01:00] cleanup");
        assert_eq!((found.order, found.decided), (DateOrder::MonthFirst, true));
        // Not a fraction, nor the month and day of a full date, whatever comes before.
        for text in [
            "3/14 of the nodes",
            "date: 2024-09-28T11:31:12Z",
            "≈2024-09-28 11:31",
            "≈13/06",
        ] {
            assert!(!date_order(text).decided, "{text}");
        }
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
