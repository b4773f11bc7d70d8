//! One timeline entry as people write it: list markers and blockquotes around it, an optional
//! date, a time of day in any usual shape (`10:00 AM`, `[13:26]`, `**15:11**`, `` `2:00 AM` ``,
//! `At 11:00 AM`, `07:32:16 GMT`, `2024-01-15T10:00:00Z`), an optional zone, a separator
//! (`:`, `-`, `–`, `—`, `|`, `,`) and the text. Also tells chat-log lines and date lines apart.

use chrono::{NaiveDate, NaiveTime};

use super::calendar::{
    find_date_in, find_date_starting_by, leading_date, leading_month_day, DateContext,
};
use super::clock::{bare_hhmm, hhmm, hour_mark, leading_clock, written_with_colon, Clock};
use super::infer::{head, refers_to_an_earlier_update};
use super::scan;
use super::zone::{attached_offset, short_us_zone, zone_at_start, FoundZone};

/// A timeline entry's time, read from the start of a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The date written on the entry, if any.
    pub date: Option<NaiveDate>,
    /// The time of day.
    pub time: NaiveTime,
    /// The zone written on the entry, if any.
    pub zone: Option<FoundZone>,
    /// Byte offset where the entry's text starts.
    pub text_at: usize,
    /// A day written on the entry that cannot be dated because no year is known anywhere
    /// (`August 24, 08:10 - text` in a document that never names its year): its bytes, so
    /// the entry's text keeps it as written (see [`Entry::text_in`]).
    pub unplaced_day: Option<std::ops::Range<usize>>,
    /// The words the author put before a stamp in parentheses (`**attempt 1 (16:56 UTC)**:
    /// text`): its bytes, so the entry's text keeps them (`attempt 1: text`).
    pub label: Option<std::ops::Range<usize>>,
}

impl Entry {
    /// The entry's text in `content` (the text it was read from), with a day it could not
    /// date put back in front: `August 24 — text`.
    pub fn text_in<'a>(&self, content: &'a str) -> std::borrow::Cow<'a, str> {
        let text = &content[self.text_at..];
        // `**15 December 2024, 03:53 (UTC) – Outage Begins**`: the bold that opened before the
        // stamp closes in the text; it opens again there, so no stray `**` is left.
        let reopened = ["**", "__"]
            .into_iter()
            .find(|mark| {
                content.trim_start().starts_with(mark)
                    && self.text_at >= mark.len()
                    && text.matches(mark).count() % 2 == 1
            })
            .unwrap_or("");
        if let Some(label) = &self.label {
            return format!("{}: {reopened}{text}", &content[label.clone()]).into();
        }
        match &self.unplaced_day {
            Some(day) => format!(
                "{} — {reopened}{text}",
                content[day.clone()].trim_end_matches([',', ' '])
            )
            .into(),
            None if reopened.is_empty() => text.into(),
            None => format!("{reopened}{text}").into(),
        }
    }
}

/// Strips list markers (`-`, `*`, `+`, `•`, `1.`, `1)`), blockquote `>` and task boxes
/// (`[ ]`, `[x]`): (content, its byte offset, was it a list item).
pub fn strip_list_marker(line: &str) -> (&str, usize, bool) {
    let mut rest = super::scan::trim_start(line);
    // `o 14:00 UTC: text`: the hollow bullet of a word processor's nested list, written as
    // a letter `o` when pasted as text; taken only before a number, since `o` is also a word.
    if let Some(after) = rest.strip_prefix("o ") {
        let content = after.trim_start();
        if content.starts_with(|c: char| c.is_ascii_digit()) {
            return (content.trim_end(), line.len() - content.len(), true);
        }
    }
    // Most lines start with a letter: no marker to look for.
    if rest.starts_with(|c: char| c.is_alphabetic() || matches!(c, '#' | '|' | '[' | '`')) {
        let at = line.len() - rest.len();
        return (rest.trim_end(), at, false);
    }
    let mut is_item = false;
    loop {
        let before = rest.len();
        if let Some(r) = rest.strip_prefix('>') {
            rest = r.trim_start();
        }
        if let Some(len) = bullet_len(rest) {
            rest = rest[len..].trim_start();
            is_item = true;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=9).contains(&digits) {
            let after = rest.as_bytes().get(digits..digits + 2);
            if matches!(after, Some([b'.' | b')', b' ' | b'\t'])) && !day_of_month(rest, digits) {
                rest = rest[digits + 2..].trim_start();
                is_item = true;
            }
        }
        if rest.len() == before {
            break;
        }
    }
    let rest = rest.trim_end();
    // `rest` is a slice of `line`, so the difference of their starts is its byte offset.
    let at = (rest.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
    (rest, at, is_item)
}

/// True when the `digits` digits opening `text` are a day before its month's name, as
/// German and Nordic texts write a date (`20. Februar`), not a list's number.
/// (`1. November 4th -- 16:30` is a list's item: its month has a day of its own.)
fn day_of_month(text: &str, digits: usize) -> bool {
    let day = text[..digits].parse::<u32>();
    if text.as_bytes()[digits] != b'.' || !day.is_ok_and(|day| (1..=31).contains(&day)) {
        return false; // `3) …`, `45. …`: a list's number
    }
    let after = &text[digits + 2..];
    let month = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let next = after[month.len()..].trim_start_matches([' ', '.']);
    let day_follows = (1..=2).contains(&next.bytes().take_while(u8::is_ascii_digit).count());
    super::calendar::month_number(month).is_some() && !day_follows
}

/// Bytes of a bullet (`- `, `* `, `+ `, `• `, `– `, `· `) at the start of `text`.
fn bullet_len(text: &str) -> Option<usize> {
    match text.as_bytes() {
        // (A tab after the marker is as good as a space: `-\t13:05 EDT ...`.)
        [b'-' | b'*' | b'+', b' ' | b'\t', ..] => Some(2),
        [first, ..] if *first >= 0x80 => ["• ", "– ", "· ", "•\t"]
            .iter()
            .find(|marker| text.starts_with(**marker))
            .map(|marker| marker.len()),
        _ => None,
    }
}

/// Reads `[date] time [zone] separator` at the start of `content`. Also reads a range
/// (`01:00-03:15`, the entry is at its start) and a date written after the time
/// (`16:20 3rd Feb 2022 - text`).
pub fn timeline_entry(content: &str, context: DateContext) -> Option<Entry> {
    entry_at(content, context, true)
        .filter(|entry| !links_within_page(content.get(entry.text_at..).unwrap_or("")))
}

/// True for an item of a table of contents: a section number (`1.13.`, which reads as a time)
/// and one link to a part of the same page (`[5/3/14](#5.2F3.2F14)`).
pub fn contents_item(content: &str) -> bool {
    let rest = content
        .trim_start()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    rest.len() < content.trim_start().len() && links_within_page(rest)
}

/// True for words that are one link to a part of the same page (`[5/3/14](#5.2F3.2F14)`).
fn links_within_page(text: &str) -> bool {
    let Some(rest) = text.trim().strip_prefix('[') else {
        return false;
    };
    let Some((label, target)) = rest.split_once("](#") else {
        return false;
    };
    !label.contains(']') && target.find(')') == Some(target.len() - 1)
}

/// False when `text` can hold no time of day: no ASCII digit, and no `noon` or `midnight`
/// ([`named_hour`]) in any case.
fn may_hold_clock(text: &str) -> bool {
    scan::find_byte(text.as_bytes(), 0, scan::digits, |b| b.is_ascii_digit()).is_some()
        || scan::contains_ignore_ascii_case(text, "noon")
        || scan::contains_ignore_ascii_case(text, "midnight")
}

/// `Noon: text`, `Midnight - text`: the hour named as a word at the start of an entry, with a
/// colon or a dash after it (in a sentence, `at noon` stays prose).
fn named_hour(text: &str) -> Option<Clock> {
    let (word, hour) = [("noon", 12), ("midnight", 0)]
        .into_iter()
        .find(|(word, _)| {
            text.get(..word.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(word))
        })?;
    separator_follows(&text[word.len()..]).then(|| Clock {
        time: NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default(),
        len: word.len(),
    })
}

/// The length of a relative stamp (`T+6 `, `T+41m `, `T-5 min `, `16 hours ago `, `**2 days
/// before** `) and the parenthesis after it, when a clock time or a day follows (`(08:20)`,
/// `(Aug 4, ~11:00 PM)`); 0 otherwise.
fn relative_marker(text: &str, context: DateContext) -> usize {
    let rest = counted_from_start(text).or_else(|| counted_back(text));
    let Some(rest) = rest else {
        return 0;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic() || matches!(c, ' ' | '*'));
    let Some(inside) = rest.strip_prefix('(') else {
        return 0;
    };
    let stamp = inside.trim_start_matches('~');
    match leading_clock(stamp).is_some() || date_here(stamp, context).is_some() {
        true => text.len() - inside.len(),
        false => 0,
    }
}

/// `**attempt 1 (16:56~17:00 UTC)**: text`, `**Run 1** (00:43 MDT) – text`, `Yesterday
/// (Aug 4, 11:00 PM): text`: one to four words, then a stamp with a clock time in
/// parentheses, then `:` or a dash. Returns the bytes up to the stamp and the label's bytes
/// (bold marks left out); `None` otherwise.
fn labelled_stamp(text: &str) -> Option<(usize, std::ops::Range<usize>)> {
    let label_start = text.len() - text.trim_start_matches(['*', '_']).len();
    // Most entries open with their stamp: nothing to look for (the reader's hot path).
    if !text[label_start..].starts_with(char::is_alphabetic) {
        return None;
    }
    let open = text.bytes().take(41).position(|b| b == b'(')?;
    let label = text[label_start..open]
        .trim_end()
        .trim_end_matches(['*', '_']);
    let words = label.split_whitespace().count();
    let plain = label
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '#' | '.'));
    // `Current state (Dec 4, 11:27am)`: how things stand when written, not an event.
    let snapshot = crate::parse::status_page::names_a_snapshot(label);
    if !(1..=4).contains(&words) || !plain || !label.starts_with(char::is_alphabetic) || snapshot {
        return None;
    }
    let inside = &text[open + 1..];
    let close = inside.find(')').filter(|&close| close <= 40)?;
    // A clock time inside (`1.2.3` is a version, not a time), then the separator after.
    let stamp = &inside[..close];
    let clocked =
        stamp.contains(':') && stamp.starts_with(|c: char| c.is_alphanumeric() || c == '~');
    let separated = separator_follows(&inside[close + 1..]);
    (clocked && separated).then(|| (open + 1, label_start..label_start + label.len()))
}

/// True when `after` (what follows an entry's opening words, emphasis marks closing them left
/// out) starts with the colon or spaced dash that separates them from the entry's text.
fn separator_follows(after: &str) -> bool {
    let after = after.trim_start_matches(['*', '_']);
    after.starts_with(':')
        || [" - ", " – ", " — "]
            .iter()
            .any(|dash| after.starts_with(dash))
}

/// Where an entry's text tells of later moments in sentences of their own, each opening with
/// its time (`01:24 ALICE warns. 01:25 NEXUS confirms. 01:26 JARVIS asks ...`,
/// `09:31 state found; 09:35 William told`, `14:10 → started; 14:11 → stopped.`): for each such
/// sentence, the byte offset in `text` of its time, of its words (after an arrow or dash that
/// separates them from the time), and the time. Only times written with a colon, and followed
/// by a word.
pub fn further_stamps(text: &str) -> Vec<FurtherStamp> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    // Stops found eight bytes at a time, then `. 0` or `; 1` checked: most entries hold none.
    let stops = |word: u64| super::scan::equal(word, b'.') | super::scan::equal(word, b';');
    // `11:18 完成生成；11:44 发布`: the full-width stops of Chinese and Japanese (`；`, `。`)
    // are found by their first byte in the same pass.
    let stops =
        |word: u64| stops(word) | super::scan::equal(word, 0xEF) | super::scan::equal(word, 0xE3);
    let mut from = 0;
    while let Some(at) = super::scan::find_byte(bytes, from, stops, |b| {
        matches!(b, b'.' | b';' | 0xEF | 0xE3)
    }) {
        let stop_len = match bytes[at] {
            b'.' | b';' => 1,
            _ if text[at..].starts_with(['；', '。']) => '；'.len_utf8(),
            _ => {
                from = at + 1;
                continue;
            }
        };
        from = at + stop_len;
        // `連入;15:18 起 …`, `會話(3743504);02:04 …`: Chinese and Japanese put no space
        // after the stop.
        let spaced = bytes.get(at + stop_len) == Some(&b' ');
        let unspaced = !spaced && (stop_len > 1 || !bytes[at.saturating_sub(12)..at].is_ascii());
        let digit_at = at + stop_len + usize::from(spaced);
        if !(spaced || unspaced) || !bytes.get(digit_at).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let after = &text[digit_at..];
        let Some(clock) = leading_clock(after) else {
            continue;
        };
        let written = &after[..clock.len];
        // `02:04–02:11 用戶反覆重試`: a window is a moment at its start.
        let past_end = after[clock.len..]
            .strip_prefix(['–', '-'])
            .and_then(|rest| leading_clock(rest).map(|end| &rest[end.len..]))
            .unwrap_or(&after[clock.len..]);
        let words = past_end.strip_prefix(' ').map(|words| {
            // `14:11 → stopped`: the arrow or dash between the time and its words.
            ["→ ", "-> ", "- ", "– ", "— "]
                .iter()
                .find_map(|sep| words.strip_prefix(sep))
                .unwrap_or(words)
        });
        let worded = words.is_some_and(|words| words.starts_with(char::is_alphabetic));
        if let (true, Some(words)) = (written.contains(':') && worded, words) {
            let at = text.len() - after.len();
            // The next stop is looked for after this time, so the pieces never overlap.
            from = at + clock.len;
            found.push(FurtherStamp {
                at,
                words_at: text.len() - words.len(),
                clock,
            });
        }
    }
    found
}

/// A later moment told inside an entry's text (see [`further_stamps`]).
#[derive(Debug, Clone, Copy)]
pub struct FurtherStamp {
    /// Byte offset of its time in the entry's text.
    pub at: usize,
    /// Byte offset of its words.
    pub words_at: usize,
    /// Its time.
    pub clock: Clock,
}

/// What follows `T+6`, `T+00:05`, `t-5`: a stamp counted from the incident's start.
fn counted_from_start(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix(['T', 't'])
        .and_then(|rest| rest.strip_prefix(['+', '-', '−']))?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &rest[digits..];
    // `T+00:05 (09:10)`: minutes after a colon.
    Some(match rest.strip_prefix(':') {
        Some(minutes) if minutes.bytes().take_while(u8::is_ascii_digit).count() == 2 => {
            &minutes[2..]
        }
        _ => rest,
    })
}

/// What follows `16 hours ago`, `**2 days before**`, `~3h earlier`: a stamp counted back from
/// when the text was written or from the incident.
fn counted_back(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches(['*', '_', '~']);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = rest[digits..].trim_start();
    let unit = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let rest = rest[unit..].trim_start();
    let back = ["ago", "before", "earlier"]
        .iter()
        .find(|word| rest.starts_with(*word))?;
    Some(&rest[back.len()..])
}

/// The bytes of the same moment restated in another zone in parentheses right after a stamp
/// (`02:00 (11:00 JST)`, `~02:00(午前11時 JST)`, `14:05 UTC (10:05 EDT) - text`); 0 otherwise.
fn restated_time(rest: &str) -> usize {
    let trimmed = rest.trim_start_matches(' ');
    let Some(inside) = trimmed.strip_prefix('(') else {
        return 0;
    };
    let Some(close) = inside.find(')').filter(|&close| close <= 40) else {
        return 0;
    };
    let inner = &inside[..close];
    let timed = inner.starts_with(|c: char| c.is_ascii_digit() || !c.is_ascii())
        && inner.contains(|c: char| c.is_ascii_digit())
        && (inner.contains(':') || inner.contains('時'));
    match timed {
        true => rest.len() - inside.len() + close + 1,
        false => 0,
    }
}

/// The bytes of the same moment restated in another zone after a slash
/// (`**15:21:52 UTC** / **12:21:52 BRT**`, `14:05 UTC / 16:05 CEST - text`); 0 otherwise.
fn restated_after_slash(rest: &str) -> usize {
    let Some(after) = rest.trim_start_matches(' ').strip_prefix('/') else {
        return 0;
    };
    let marks = |c: char| matches!(c, ' ' | '*' | '_' | '`');
    let time = after.trim_start_matches(marks);
    let Some(clock) = leading_clock(time).filter(|&clock| written_with_colon(time, clock)) else {
        return 0;
    };
    let mut end = rest.len() - time.len() + clock.len;
    let spaced = rest[end..].trim_start_matches(' ');
    if let Some(zone) = zone_at_start(head(spaced, 24)) {
        end = rest.len() - spaced.len() + zone.label.len();
    }
    let closing = rest[end..].len() - rest[end..].trim_start_matches(['*', '_', '`']).len();
    end + closing
}

/// `15h : text`, `9h - text`: a bare hour with the French hours mark at the start of an entry,
/// with a colon or a dash after it (in a sentence, `3h` is a duration).
fn marked_hour(text: &str) -> Option<Clock> {
    let digits = text.bytes().take(3).take_while(u8::is_ascii_digit).count();
    let hour: u32 = text
        .get(..digits)
        .filter(|_| (1..=2).contains(&digits))?
        .parse()
        .ok()?;
    let after = text[digits..].strip_prefix(['h', 'H'])?;
    let spaced = after.trim_start_matches(' ');
    let separated = spaced.starts_with(':')
        || ["- ", "– ", "— "]
            .iter()
            .any(|dash| spaced.starts_with(dash));
    separated.then_some(())?;
    Some(Clock {
        time: NaiveTime::from_hms_opt(hour, 0, 0)?,
        len: digits + 1,
    })
}

/// The offset past the words before an entry's stamp that say "at", "about", "after" or open a
/// window (`Furthermore, at 1:00 PM`, `V 12:33:16`, `around 14:05`, `**After 12:49 PM**:`,
/// `ab ca. 21:45:`, `between 08:00 and 11:30`), from `at` (`at` itself when there are none),
/// and whether they open a window with its end (`between … and …`).
fn past_lead_words(content: &str, mut at: usize) -> (usize, bool) {
    // `Furthermore, at 1:00 PM - ...`: a linking word before "at" opens the stamp too.
    let linked = skip_word(
        &content[at..],
        &[
            "then, ",
            "then ",
            "furthermore, ",
            "finally, ",
            "later, ",
            "afterwards, ",
        ],
    );
    if linked > 0 && skip_word(&content[at + linked..], &["at "]) > 0 {
        at += linked;
    }
    // `At around 12:00, ...`: "at", a word for "about", or both (Czech `V čase 11:51:46`: "at
    // the time").
    at += skip_word(&content[at..], &["at ", "v čase "]);
    // Czech `Ve 12:06`, `V 12:33:16`, Russian `В 10:02`, Ukrainian `О 10:02`, Polish `O
    // 10:02` (at): only before a time written with a colon (`v 10.15` is a version).
    let slavic_at = skip_word(
        &content[at..],
        &["ve ", "v ", "во ", "Во ", "в ", "В ", "о ", "О ", "o "],
    );
    let after_slavic = &content[at + slavic_at..];
    if slavic_at > 0
        && leading_clock(after_slavic).is_some_and(|clock| written_with_colon(after_slavic, clock))
    {
        at += slavic_at;
    }
    at += skip_word(
        &content[at..],
        &[
            "around ",
            "about ",
            "approx. ",
            "approximately ",
            "около ",
            "Около ",
            "примерно в ",
            "Примерно в ",
            "близько ",
            "Близько ",
            "приблизно о ",
            "Приблизно о ",
            "około ",
        ],
    );
    // `**After 12:49 PM**: text`, `Before 09:00 – text`: a bound written as the entry's
    // label is its moment (not `After 12:49 the jobs ...`, which narrates).
    // German `ab 19:27` (from), `seit`, `bis`; a word for "about" may follow (`ab ca. 21:45:`).
    // A time cell may hold the bound and its time alone (`| ab 19:27 | text |`).
    let bound = skip_word(
        &content[at..],
        &[
            "after ", "before ", "by ", "since ", "until ", "ab ", "seit ", "bis ",
        ],
    );
    let about = match bound {
        0 => 0,
        _ => skip_word(
            &content[at + bound..],
            &["ca. ", "circa ", "about ", "around "],
        ),
    };
    let past = at + bound + about;
    if bound > 0
        && leading_clock(&content[past..]).is_some_and(|clock| {
            let rest = &content[past + clock.len..];
            separator_follows(rest) || rest.trim().is_empty()
        })
    {
        at = past;
    }
    // `| between 08:00 and 11:30 | text |`: a window opens the entry, at its start.
    let window = skip_word(&content[at..], &["between ", "from "]);
    let between = window > 0
        && leading_clock(&content[at + window..]).is_some_and(|start| {
            // ... only with its end (`between 03:28:15 and the capture moment` is narration).
            let after = content[at + window + start.len..].trim_start();
            ["and ", "to ", "until ", "-", "–", "—"].iter().any(|sep| {
                strip(after, sep).is_some_and(|end| leading_clock(end.trim_start()).is_some())
            })
        });
    if between {
        at += window;
    }
    (at, between)
}

/// [`timeline_entry`], reading the end of a range only when `with_range` (so a line of
/// `1:00-1:00-1:00-…` never recurses more than once).
fn entry_at(content: &str, context: DateContext, with_range: bool) -> Option<Entry> {
    // Every time of day is written with ASCII digits, or named (`Noon: text`): prose without
    // either, most lines of a document, is no entry.
    if !may_hold_clock(content) {
        return None;
    }
    // `-_13:17_ - text`: a list's dash with the space after it left out, before emphasis.
    let dash = match content.as_bytes() {
        [b'-', b'_' | b'*' | b'`', ..] => 1,
        // `- [x] 14:40 text`: a task list's box before the stamp.
        [b'[', b' ' | b'x' | b'X', b']', b' ', ..] => 4,
        _ => 0,
    };
    let mut at = dash
        + skip_while(&content[dash..], |c| {
            // `&emsp;` and other wide spaces indent a line as well as a space does; `@23:30`
            // says "at".
            matches!(c, '[' | '*' | '`' | '_' | '(' | '~' | '#' | '\\' | '@')
                || c.is_whitespace()
                || is_symbol(c)
        });
    // `:small_orange_diamond:16:15 GMT+1: text`: GitHub's emoji shortcodes before the stamp.
    while let Some(len) = emoji_shortcode(&content[at..]) {
        at += len;
        at += skip_while(&content[at..], |c| c == ' ' || is_symbol(c));
    }
    // `(Update 19.01.2023, 15 Uhr) Printers`: a bracketed stamp may name itself an update.
    if at > 0 && matches!(content.as_bytes()[at - 1], b'(' | b'[') {
        let update = skip_word(&content[at..], &["update ", "updated "]);
        if update > 0 && content[at + update..].starts_with(|c: char| c.is_ascii_digit()) {
            at += update;
        }
    }
    // The words a stamp may open with (`at`, `around`, `between`, ...) all start with a
    // letter: most entries open with their time's digits and skip the search.
    let mut between = false;
    if !content[at..].starts_with(|c: char| c.is_ascii_digit()) {
        (at, between) = past_lead_words(content, at);
    }
    // `UTC 10:30 text`: a zone written before the time.
    let mut zone_before = None;
    for word in ["UTC ", "GMT "] {
        if starts(&content[at..], word)
            && content[at + word.len()..].starts_with(|c: char| c.is_ascii_digit())
        {
            zone_before = Some(FoundZone::fixed(
                crate::model::UtcOffset::UTC,
                word.trim(),
                at,
            ));
            at += word.len();
        }
    }
    // `Sat 13:45`, `Fri→Sat 03:15`, `Sun ~03:05`: weekdays right before the time, with no
    // date, belong to the stamp (`settle_timeline` dates them by the week of the incident).
    if let Some((_, clock_at)) = weekday_stamp(&content[at..]) {
        at += clock_at;
    }
    // `T+6 (08:20)`, `T+41m (08:55)`, `T-5 min (09:10)`: a stamp counted from the incident's
    // start, with its clock time in parentheses.
    let marker = relative_marker(&content[at..], context);
    let mut label = None;
    if marker > 0 {
        at += marker;
    } else if let Some((skip, words)) = (!content.starts_with('#'))
        .then(|| labelled_stamp(&content[at..]))
        .flatten()
    {
        label = Some(at + words.start..at + words.end);
        at += skip;
    }
    let before_date = at;
    let mut date = None;
    let mut unplaced_day = None;
    let found_day = date_here(&content[at..], context).map(|(found, len)| (Some(found), len));
    // No year anywhere: a day written without one is read past, and kept in the text.
    let found_day = found_day.or_else(|| {
        if context.year.is_some() {
            return None;
        }
        let undated = DateContext {
            year: Some(2000), // a leap year, so `Feb 29` reads
            ..context
        };
        let (_, len) = date_here(&content[at..], undated)?;
        unplaced_day = Some(at..at + len);
        Some((None, len))
    });
    // A day was read, dated or not.
    let day_read = |date: &Option<NaiveDate>, unplaced: &Option<std::ops::Range<usize>>| {
        date.is_some() || unplaced.is_some()
    };
    if let Some((found, len)) = found_day {
        date = found;
        at += len;
        at += skip_while(&content[at..], |c| {
            matches!(
                c,
                ',' | ' ' | 'T' | '\t' | '@' | '*' | '`' | '_' | ']' | '[' | '~'
            )
        });
        at += weekday_in_parentheses(&content[at..]);
        // `06.Sep.2020 from 17:00 CET - ...`: a window's start after its day.
        at += skip_word(&content[at..], &["at ", "from ", "between ", "von ", "ab "]);
        // `Aug 9, approximately 09:14`: the time is approximate, still the entry's.
        let approximately = skip_word(
            &content[at..],
            &[
                "approximately ",
                "approx. ",
                "around ",
                "about ",
                "circa ",
                "ca. ",
            ],
        );
        if approximately > 0 && leading_clock(&content[at + approximately..]).is_some() {
            at += approximately;
        }
        // `March 3rd, 2023 - 22:40 UTC - text`, `November 4th -- 16:30 to 15:00 UTC`,
        // `Feb 19: 10:54: text`: a dash (or two) or a colon between the date and its time.
        if let Some(dash) = content[at..]
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '–' | '—' | ':'))
        {
            let mut after = at + dash.len_utf8();
            if dash == '-' && content[after..].starts_with('-') {
                after += 1;
            }
            let after = after + skip_while(&content[after..], |c| c == ' ');
            // `2026:018:00:50:01`: a day of the year takes its time after a colon, unspaced.
            let spaced = after > at + dash.len_utf8()
                || (dash == ':' && ordinal_date(&content[before_date..]).is_some());
            if spaced && leading_clock(&content[after..]).is_some() {
                at = after;
            }
        }
    }
    // `下午2点05分`, `오후 2시 5분`: the part of the day written before the time.
    let mut day_part = None;
    if let Some((part, len)) = super::zone::leading_day_part(&content[at..]) {
        if let Some(clock) = leading_clock(&content[at + len..]) {
            at += len;
            day_part = Some((part, clock));
        }
    }
    let mut clock = day_part
        .map(|(part, clock)| Clock {
            time: part.on(clock.time),
            ..clock
        })
        .or_else(|| leading_clock(&content[at..]))
        .or_else(|| {
            // `2026-05-14 0915`, `2026-05-14 ~18h`: after a day, four digits or an hour
            // with its mark are its time.
            day_read(&date, &unplaced_day)
                .then(|| bare_hhmm(&content[at..]).or_else(|| hour_mark(&content[at..])))
                .flatten()
        })
        .or_else(|| named_hour(&content[at..]))
        .or_else(|| marked_hour(&content[at..]));
    if clock.is_none() && day_read(&date, &unplaced_day) {
        // `2-7 pm` read as a date leaves no time: read it as a time instead.
        at = before_date;
        date = None;
        unplaced_day = None;
        clock = leading_clock(&content[at..]);
    }
    let clock = clock?;
    let has_seconds = content.as_bytes()[at..at + clock.len]
        .iter()
        .filter(|&&b| b == b':')
        .count()
        == 2;
    let clock_at = at;
    at += clock.len;
    let mut zone = zone_before;
    // `03:00-04:48` is a range, `10:00:00-05:00` and `2024-01-15T10:00-05:00` an offset. After
    // a day and a space, `2026-02-22 01:00-02:00` is a range too when its end is a later clock
    // with its colon (`2024-01-15 10:00-05:00` stays an offset: no range runs backwards).
    let spaced_range = || {
        !content[..clock_at].ends_with(['T', 't'])
            && content[at..].strip_prefix('-').is_some_and(|end| {
                matches!(end.as_bytes(), [h, m, b':', ..] if h.is_ascii_digit() && m.is_ascii_digit())
                    && leading_clock(end).is_some_and(|end| end.time > clock.time)
            })
    };
    if !has_seconds && (!day_read(&date, &unplaced_day) || spaced_range()) {
        at += range_end(&content[at..]);
    }
    if let Some((offset, len)) = attached_offset(&content[at..]) {
        zone = Some(FoundZone::fixed(offset, &content[at..at + len], at));
        at += len;
    } else if has_seconds {
        // `21:39:12-13`: a range of seconds, not an offset.
        at += seconds_range_end(&content[at..]);
    }
    at += range_end(&content[at..]);
    let rest = &content[at..];
    // `**14:05** UTC — text`: the zone may follow the markup that closes the time.
    let trimmed = rest.trim_start_matches([' ', '(', '*', '_', '`']);
    if zone.is_none() {
        if let Some(found) = zone_at_start(head(trimmed, 24)) {
            at += rest.len() - trimmed.len() + found.label.len();
            zone = Some(found);
        } else if let Some(found) = short_us_zone(trimmed) {
            at += rest.len() - trimmed.len() + found.label.len();
            zone = Some(found);
        } else if let Some((offset, len)) = spaced_offset(trimmed) {
            let label_at = at + rest.len() - trimmed.len();
            zone = Some(FoundZone::fixed(offset, &trimmed[..len], label_at));
            at = label_at + len;
        }
    }
    // `22:20 EDT to 2018-09-23 00:05 EDT: text`, `10:00 UTC - 11:00 UTC: text`: a range whose
    // end has its own zone or date; the entry is at its start, its text after the end.
    if with_range {
        let rest = &content[at..];
        let trimmed = rest.trim_start();
        // `10 时至 13 时`, `10:00〜12:00`: the ranges of Chinese and Japanese.
        let end = [
            "-", "–", "—", "to ", "until ", "至", "〜", "～", "~", "and ",
        ]
        .iter()
        .filter(|sep| between || **sep != "and ")
        .find_map(|sep| {
            let after = strip(trimmed, sep)?.trim_start();
            if !after.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let end = entry_at(after, context, false)?;
            Some(content.len() - after.len() + end.text_at)
        });
        if let Some(text_at) = end {
            return Some(Entry {
                date,
                time: clock.time,
                zone,
                text_at,
                unplaced_day,
                label,
            });
        }
    }
    if !day_read(&date, &unplaced_day) {
        // `16:20 3rd Feb 2022 - text`, `## 14:05 UTC on 9 April 2024`: a date right after the
        // time belongs to the entry.
        // `20:00 (UTC), Monday, 26 December 2022 - text`: past the zone's parenthesis and a
        // weekday too.
        let rest = &content[at..];
        let trimmed = rest.trim_start_matches([' ', ',', '(', ')', '\t']);
        let trimmed = strip(trimmed, "on ").unwrap_or(trimmed);
        let trimmed = after_weekday(trimmed)
            .filter(|after| date_here(after, context).is_some())
            .unwrap_or(trimmed);
        if let Some((found, len)) = date_here(trimmed, context) {
            let after = &trimmed[len..];
            // `12:00 AM, 16-Jun-17 to 17-Jun-17: text`: a range of days starts on the first,
            // and its text after the last.
            let end_day = strip(after.trim_start(), "to ").and_then(|end| {
                let end = end.trim_start();
                date_here(end, context).map(|(_, end_len)| after.len() - end.len() + end_len)
            });
            if after
                .trim_start()
                .starts_with(['-', '–', '—', ':', '|', ')', ']', '*'])
                || after.trim().is_empty()
                || end_day.is_some()
            {
                date = Some(found);
                at += rest.len() - trimmed.len() + len + end_day.unwrap_or(0);
            }
        }
    }
    at += approximately_after(&content[at..]);
    // `01:00 (Tue) - text`: the weekday belongs to the stamp (`settle_timeline` dates it).
    if !day_read(&date, &unplaced_day) {
        at += weekday_after_time(&content[at..]).map_or(0, |(_, len)| len);
    }
    let hours = hours_word(&content[at..]);
    at += hours;
    // `14:05 hrs IST: text`: the zone after the word for hours.
    if hours > 0 && zone.is_none() {
        let rest = &content[at..];
        let trimmed = rest.trim_start_matches(' ');
        if let Some(found) = zone_at_start(head(trimmed, 24)) {
            at += rest.len() - trimmed.len() + found.label.len();
            zone = Some(found);
        }
    }
    at += second_alternative(&content[..at], &content[at..]);
    // `11:27+`: from then on.
    if content[at..].starts_with('+')
        && !content[at + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        at += 1;
    }
    // `[ 10:55 am PST ] - text`: spaces inside the brackets that opened the stamp.
    let padded = content[at..].trim_start_matches(' ');
    if padded.starts_with(']') && content.trim_start().starts_with('[') {
        at = content.len() - padded.len();
    }
    at += skip_while(&content[at..], |c| matches!(c, ']' | '*' | '`' | '_' | ')'));
    at += restated_time(&content[at..]);
    at += restated_after_slash(&content[at..]);
    let rest = &content[at..];
    let trimmed = rest.trim_start();
    let gap = rest.len() - trimmed.len();
    // `Sat 13:45.** The issue ...`: a full stop ends a stamp too, before a space or markup.
    let full_stop =
        trimmed.starts_with('.') && trimmed[1..].starts_with([' ', '\t', '*', '_']) && gap == 0;
    // `15:10：text`: Chinese and Japanese write the colon full-width.
    let separator = [
        "--", "->", "=>", "::", ":-", ":–", ":—", ":", "-", "–", "—", "→", "|", ",", "：", "、",
    ]
    .iter()
    .find(|sep| starts(trimmed, sep))
    .or(full_stop.then_some(&"."));
    match separator {
        // `14:05 UTC:: text` (AsciiDoc), `2233 ::::: text`: a run of colons is one separator.
        Some(&":") | Some(&"::") => at += gap + skip_while(&content[at + gap..], |c| c == ':'),
        Some(sep) => at += gap + sep.len(),
        None if gap > 0 || trimmed.is_empty() => at += gap,
        None => return None,
    }
    // `**18:46:** text`: markup closing right after the separator belongs to the time.
    // So is the closer of markup that opened the stamp, even glued to the text
    // (`**August 24, 08.10 uur -**Though ...`).
    let closing = skip_while(&content[at..], |c| matches!(c, '*' | '_' | '`'));
    let closes_opening = closing > 0 && content.starts_with(&content[at..at + closing]);
    if closing > 0 && (content[at + closing..].starts_with([' ', '\t']) || closes_opening) {
        at += closing;
    }
    at += skip_while(&content[at..], |c| matches!(c, ' ' | '\t'));
    Some(Entry {
        date,
        time: clock.time,
        zone,
        text_at: at,
        unplaced_day,
        label,
    })
}

/// `1738: text`, `~1940: text`, `1727 : text`, `[1923](https://chat/...): text`: four-digit
/// times with a colon, as some teams write their logs. Read only where a date is in force (under a date
/// heading or in the timeline), since `2019: moved to AWS` is a year. The time and the byte
/// where the text starts.
pub fn colon_hhmm(content: &str) -> Option<(NaiveTime, usize)> {
    let mut at = usize::from(content.starts_with('~'));
    let linked = content[at..].starts_with('[');
    at += usize::from(linked);
    let time = hhmm(content.as_bytes().get(at..)?)?;
    at += 4;
    if linked {
        let rest = content[at..].strip_prefix("](")?;
        at += 2 + rest.find(')')? + 1;
    }
    // `1727: text`, also with a space before the colon (`1727 : text`).
    let rest = content[at..]
        .strip_prefix(": ")
        .or_else(|| content[at..].strip_prefix(" : "))?;
    Some((time, content.len() - rest.len()))
}

/// An entry whose stamp ends the line: `First detected: 2020-08-14 10:43`, `Resolved 11:38
/// UTC`. Returns the entry, the label before the stamp (at most six words), the byte where
/// the stamp starts and a note in parentheses after the stamp (empty when there is none).
pub fn trailing_entry(content: &str, context: DateContext) -> Option<(Entry, &str, usize, &str)> {
    let bytes = content.as_bytes();
    if !bytes.iter().any(u8::is_ascii_digit) {
        return None;
    }
    // `10-12.15 Uhr`: the end of a range of hours, or the minutes of a time, is no stamp of
    // its own.
    // `20. Februar-02. März, 13.15 Uhr`: nor is the second day of a range of days.
    let ends_range = |i: usize| {
        let joined = |before: &str, word: bool| {
            before.ends_with(|c: char| c.is_ascii_digit() || (word && c.is_alphabetic()))
        };
        content[..i]
            .strip_suffix(['.', ':', '/'])
            .is_some_and(|before| joined(before, false))
            || content[..i]
                .strip_suffix(['-', '–'])
                .is_some_and(|before| joined(before, true))
    };
    // `(MMT UTC+6:30)`: a zone's offset, not a time.
    let offset = |i: usize| {
        content[..i]
            .strip_suffix(['+', '-', '−'])
            .is_some_and(|before| before.ends_with(|c: char| c.is_ascii_alphabetic()))
    };
    let starts = (1..content.len().min(200)).filter(|&i| {
        bytes[i].is_ascii_digit()
            && !bytes[i - 1].is_ascii_alphanumeric()
            && content.is_char_boundary(i)
            && !ends_range(i)
            && !offset(i)
    });
    for start in starts {
        let Some(entry) = timeline_entry(&content[start..], context) else {
            continue;
        };
        let rest = content[start + entry.text_at..].trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '*' | '_' | '`' | ')' | '.' | ']')
        });
        // `### Resolved 11:38 UTC`: a heading's marks are not its label's words.
        let label = content[..start]
            .trim_end_matches(['*', '_', '`', '(', '[', ' ', '~'])
            .trim_start_matches(['#', ' ']);
        // `First notification: 9:45 pm EST (by Etherscan Team)`: a note in parentheses after
        // the stamp of a field stays with the field's name.
        let note = rest
            .strip_prefix('(')
            .filter(|inner| !inner.contains(['(', ')']) && !inner.is_empty())
            .filter(|_| {
                content[..start]
                    .trim_end_matches(['*', '_', ' '])
                    .ends_with(':')
            })
            .map(|_| content[start + entry.text_at..].trim());
        // `Last commit (Aug 4, 11:00 PM)`: the day written right before the time is its day.
        let mut entry = entry;
        let label_at = content.len() - content.trim_start_matches(['#', ' ']).len();
        let (label, start) = match find_date_in(label, context) {
            Some(day) if label[day.span.end..].trim_matches([',', ' ']).is_empty() => {
                entry.date = entry.date.or(Some(day.date));
                let before = label[..day.span.start].trim_end_matches(['(', '[', ' ', ',', '~']);
                (before, label_at + day.span.start)
            }
            _ => (label, start),
        };
        let words = label.split_whitespace().count();
        if spans_days(label, context) {
            return None; // `20. Februar-02. März, 13.15-16 Uhr`: hours kept over days
        }
        let since_update = refers_to_an_earlier_update(label);
        if (rest.is_empty() || note.is_some())
            && (1..=6).contains(&words)
            && label.chars().any(char::is_alphabetic)
            && !since_update
        {
            let label = without_unclosed_opener(label);
            return Some((entry, label, start, note.unwrap_or_default()));
        }
        return None; // the first stamp decides: an earlier time is not a label
    }
    None
}

/// `**Maintenance is planned from` (the stamp took the closing `**` with it): markup that
/// opens a label and never closes in it is no part of its words.
fn without_unclosed_opener(label: &str) -> &str {
    let marks = skip_while(label, |c| matches!(c, '*' | '_' | '`'));
    if marks > 0 && !label[marks..].contains(&label[..marks]) {
        label[marks..].trim_start()
    } else {
        label
    }
}

/// True when `text` names a span of days: two dates joined by a dash (`20. Februar-02. März`,
/// `Jan 3 – Jan 5`).
fn spans_days(text: &str, context: DateContext) -> bool {
    // Days written without their year are days all the same.
    let context = DateContext {
        year: Some(context.year.unwrap_or(2000)),
        ..context
    };
    find_date_in(text, context).is_some_and(|first| {
        text[first.span.end..]
            .trim_start()
            .strip_prefix(['-', '–'])
            .map(str::trim_start)
            .and_then(|rest| find_date_in(rest, context).filter(|second| second.span.start == 0))
            .is_some()
    })
}

/// Bytes of a second moment written as its seconds only after a time with seconds
/// (`12:19:52/57`: two moments five seconds apart, read at the first); 0 otherwise. `before`
/// is the text up to and including the time.
fn second_alternative(before: &str, rest: &str) -> usize {
    let seconds_before = before.len() >= 8
        && before.as_bytes()[before.len() - 3] == b':'
        && before.as_bytes()[before.len() - 6] == b':';
    let Some(digits) = rest.strip_prefix('/') else {
        return 0;
    };
    let count = digits.bytes().take_while(u8::is_ascii_digit).count();
    match seconds_before && count == 2 {
        true => 3,
        false => 0,
    }
}

/// Bytes of ` hrs` (or ` hours`, ` Uhr`, ` h`) right after a time, as in `14:05 hrs: text`: the
/// word names the clock, not the text.
fn hours_word(rest: &str) -> usize {
    let trimmed = rest.trim_start_matches(' ');
    ["hrs", "hours", "Uhr", "h"]
        .into_iter()
        .find(|word| {
            trimmed.starts_with(word)
                && !trimmed[word.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .map_or(0, |word| rest.len() - trimmed.len() + word.len())
}

/// Bytes of the end of a range right after a time: `-03:15`, ` – 3:15 PM`, `→12:33`, ` to 10:20`.
fn range_end(rest: &str) -> usize {
    let trimmed = rest.trim_start();
    // Every separator starts with `-`, `t` or the first byte of `–`, `—` and `→`.
    if !matches!(trimmed.as_bytes().first(), Some(b'-' | b't' | 0xE2)) {
        return 0;
    }
    // `->` before `-`, so `11:30 -> 15:30` reads its end.
    let Some(after) = ["->", "-", "–", "—", "→", "to "]
        .iter()
        .find_map(|sep| strip(trimmed, sep))
    else {
        return 0;
    };
    // `09:36Z–~12:00Z`: the end may be approximate.
    let after_trimmed = after.trim_start().trim_start_matches('~');
    match leading_clock(after_trimmed) {
        Some(clock) => {
            // `…–~12:00Z`: the end's `Z` (UTC) belongs to it.
            let zulu = after_trimmed[clock.len..].starts_with(['Z', 'z']);
            rest.len() - after_trimmed.len() + clock.len + usize::from(zulu)
        }
        None => 0,
    }
}

/// True for a quoted chat message such as `[1:26 PM] alice: restarting now`.
pub fn is_chat_line(content: &str) -> bool {
    let Some(rest) = content.strip_prefix('[') else {
        return false;
    };
    let Some(clock) = leading_clock(rest) else {
        return false;
    };
    let Some(after) = rest[clock.len..].trim_start().strip_prefix(']') else {
        return false;
    };
    let Some(colon) = super::scan::find(after.as_bytes(), 0, b':') else {
        return false;
    };
    let name = &after[..colon];
    let name = name.trim().trim_start_matches('@');
    let words: Vec<&str> = name.split_whitespace().collect();
    let handle = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
    };
    match words.as_slice() {
        [one] => handle(one),
        [_, _] | [_, _, _] => words
            .iter()
            .all(|w| handle(w) && w.chars().next().is_some_and(char::is_uppercase)),
        _ => false,
    }
}

/// The date when `content` is nothing but a date (a date heading or line): `### 2016-11-08`,
/// `**July 15, 2024**`, `January 15, 2024`, `Monday, January 15, 2024 (all times UTC)`.
pub fn date_line(content: &str, context: DateContext) -> Option<NaiveDate> {
    // `1/28` alone (a day row of a table, the year known from the document).
    let bare = content.trim().trim_matches(['*', '_', ':']);
    if let Some((date, _)) = leading_month_day(bare, context).filter(|(_, len)| *len == bare.len())
    {
        return Some(date);
    }
    // At most two words before the date: it starts by the third word's first byte.
    let third_word = word_start(content, 2);
    let found = find_date_starting_by(content, context, third_word.unwrap_or(content.len()))?;
    names_only_the_day(&content[found.span.end..]).then_some(found.date)
}

/// The byte where word `n` (from 0) of `text` starts, words being runs of alphanumeric
/// characters; `None` when `text` has fewer words.
fn word_start(text: &str, n: usize) -> Option<usize> {
    let mut words = 0;
    let mut in_word = false;
    for (at, c) in text.char_indices() {
        let alphanumeric = c.is_alphanumeric();
        if alphanumeric && !in_word {
            if words == n {
                return Some(at);
            }
            words += 1;
        }
        in_word = alphanumeric;
    }
    None
}

/// True when what follows a date on its line adds nothing but a weekday, a zone or a remark in
/// parentheses (`March 3 (Friday)`, `2024-03-03 UTC`): the line names a day. A sentence going
/// on after the parentheses (`between October 2 (when it worked) and October 5, ...`) is prose.
fn names_only_the_day(after: &str) -> bool {
    let rest = match after.trim_start().strip_prefix('(') {
        Some(inside) => match inside.find(')') {
            Some(close) => &inside[close + 1..],
            None => "",
        },
        None => after,
    };
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| is_weekday(w) || is_zone_word(w))
}

/// The date a heading starts with, whatever follows it: `### October 21, 2025 - Redis
/// overload` or `**Day 2 – 2024-03-05**` names the day of the entries under it.
pub fn heading_date(content: &str, context: DateContext) -> Option<NaiveDate> {
    let found = find_date_in(content, context).filter(|found| {
        let before = &content[..found.span.start];
        let words_before = before
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count();
        // `### Phase 4: Full Recovery (January 21)`: a day in the brackets that close it.
        let closing_brackets = before.trim_end().ends_with('(')
            && content[found.span.end..]
                .trim_end_matches(['*', '_', ':', ' '])
                .trim()
                == ")"
            && (found.has_year || content[found.span.clone()].contains(char::is_alphabetic));
        words_before <= 2 || closing_brackets || ends_span_from_a_rough_day(before)
    });
    if let Some(found) = found {
        return Some(found.date);
    }
    // `### 5/7 朝 — cleanup`: a year-less numeric day opening the heading, once the document's
    // year is known (not `1/3 of the nodes`).
    let content = content.trim_start();
    let (date, len) = leading_month_day(content, context)?;
    (content[len..].split_whitespace().next() != Some("of")).then_some(date)
}

/// True when `before`, the words of a heading before its first full date, open a span from a
/// day not written in full (`## 2024 mid-December to 2025 January 2nd: logins failed`): the
/// date ending the span is the one the heading names.
fn ends_span_from_a_rough_day(before: &str) -> bool {
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let Some((&last, start)) = words.split_last() else {
        return false;
    };
    let dated = |w: &&str| {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            || super::calendar::month_number(w).is_some()
    };
    ["to", "until", "till", "through"].contains(&last.to_ascii_lowercase().as_str())
        && !start.is_empty()
        && start.len() <= 3
        && start.iter().any(dated)
}

/// `## Outage - Submit Service - 2024-10-08`: a full date closing a heading after a dash (or a
/// colon, a bar, a comma), whatever the words before it, as a log of separate incidents heads
/// each of them.
pub fn closing_heading_date(content: &str, context: DateContext) -> Option<NaiveDate> {
    let content = content.trim_end_matches(['*', '_', ':', ' ', ')']);
    // The date is in the last 40 bytes: a bounded look keeps long headings cheap.
    let mut from = content.len().saturating_sub(40);
    while !content.is_char_boundary(from) {
        from += 1;
    }
    let tail = &content[from..];
    let found = find_date_in(tail, context)?;
    let before = content[..from + found.span.start].trim_end_matches(['*', '_', ' ', '(']);
    (found.has_year
        && found.span.end == tail.len()
        && before.ends_with(['-', '–', '—', ':', '|', ',']))
    .then_some(found.date)
}

/// `Monday`, `mon`, `Tue.` in any case.
pub fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    word.len() >= 3
        && DAYS.iter().any(|d| {
            d.eq_ignore_ascii_case(word) || (word.len() == 3 && d[..3].eq_ignore_ascii_case(word))
        })
}

/// A zone written after a date heading (`2024-01-15 UTC`).
fn is_zone_word(word: &str) -> bool {
    zone_at_start(word).is_some_and(|z| z.label.len() == word.len())
}

/// A date at the very start of `text` (after at most two bytes of markup): the date and the
/// bytes it took. Year-less `MM-DD` stamps count here when the document's year is known.
fn date_here(text: &str, context: DateContext) -> Option<(NaiveDate, usize)> {
    // `10:00 AM`: digits then a colon start a time, never a date (the common case).
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 4 {
        if let Some(found) = ordinal_date(text) {
            return Some(found);
        }
    }
    if digits > 0 && text.as_bytes().get(digits) == Some(&b':') {
        return None;
    }
    // `Tuesday Aug 28`, `Mon, 2024-01-15`: a weekday before the date is part of it.
    if let Some(rest) = after_weekday(text) {
        let skipped = text.len() - rest.len();
        return date_at_start(rest, context).map(|(date, len)| (date, skipped + len));
    }
    date_at_start(text, context)
}

/// `2026:018` (year and day of the year, as spacecraft operations write their stamps:
/// `2026:018:00:50:01`) or ISO 8601's ordinal `2026-018`: the date and the bytes it took.
fn ordinal_date(text: &str) -> Option<(NaiveDate, usize)> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    let ordinal = digits(0..4)
        && matches!(bytes.get(4), Some(b':' | b'-'))
        && digits(5..8)
        && !bytes.get(8).is_some_and(u8::is_ascii_digit);
    if !ordinal {
        return None;
    }
    let year: i32 = text[..4].parse().ok()?;
    let day: u32 = text[5..8].parse().ok()?;
    if !(1990..=2100).contains(&year) {
        return None;
    }
    NaiveDate::from_yo_opt(year, day).map(|date| (date, 8))
}

/// The weekday a stamp opens with, `Sat 13:45`, and where its time starts: the last of a
/// night's two days (`Fri→Sat 03:15`, `Fri-Sat 03:15`), a `~` before the time read past.
pub fn weekday_stamp(text: &str) -> Option<(chrono::Weekday, usize)> {
    let mut rest = text;
    let mut day = None;
    for _ in 0..2 {
        let Some(after) = after_weekday(rest) else {
            break;
        };
        let word = &rest[..rest.bytes().take_while(u8::is_ascii_alphabetic).count()];
        day = weekday_of(word);
        rest = after;
        match ["→", "->", "–", "-", "/"]
            .into_iter()
            .find_map(|arrow| rest.strip_prefix(arrow))
        {
            Some(next) if after_weekday(next.trim_start()).is_some() => rest = next.trim_start(),
            _ => break,
        }
    }
    let day = day?;
    let time = rest.trim_start_matches(['~', ' ']);
    leading_clock(time).map(|_| (day, text.len() - time.len()))
}

/// The weekday a word names (`Monday`, `mon`), in any case (chrono reads the names once
/// [`is_weekday`] has said the word is one).
pub fn weekday_of(word: &str) -> Option<chrono::Weekday> {
    is_weekday(word).then(|| word.parse().ok()).flatten()
}

/// What follows a weekday (`Tuesday`, `Mon.`, `Sat,`, `Tue)` of `(Tue) 09:00`) at the very
/// start of `text`, with the stops, commas, brackets and spaces after it; `None` when `text`
/// does not start with a weekday.
fn after_weekday(text: &str) -> Option<&str> {
    weekday_len(text).map(|len| text[len..].trim_start_matches(['.', ',', ' ', ')', ']']))
}

/// The length of the weekday's name (`Tuesday`, `Mon`) at the very start of `text`.
pub fn weekday_len(text: &str) -> Option<usize> {
    let word_len = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    (word_len >= 3 && is_weekday(&text[..word_len])).then_some(word_len)
}

/// A date at the very start of `text`, with no weekday before it.
fn date_at_start(text: &str, context: DateContext) -> Option<(NaiveDate, usize)> {
    // Only a date at the start counts: tokenising more of a long line would be wasted work.
    let found = leading_date(head(text, 48), context);
    match found {
        Some(found) => Some((found.date, found.span.end)),
        None => leading_month_day(text, context),
    }
}

/// Bytes of an emoji shortcode (`:warning:`, `:small_orange_diamond:`) at the start of `text`:
/// a colon, lower-case letters, digits, `_`, `+` or `-` (starting with a letter), a colon.
fn emoji_shortcode(text: &str) -> Option<usize> {
    let name = text.strip_prefix(':')?;
    let len = name
        .bytes()
        .take_while(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'+' | b'-')
        })
        .count();
    let starts_with_letter = name.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
    (starts_with_letter && len >= 2 && name[len..].starts_with(':')).then_some(len + 2)
}

/// True for pictographs and other symbols people put before an entry (emoji, arrows, bullets).
fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii() && !matches!(c, '–' | '—')
}

/// True when `text` starts with `prefix` (looking at the first byte before comparing the rest:
/// these are short separators, most texts start with something else).
fn starts(text: &str, prefix: &str) -> bool {
    text.as_bytes().first() == prefix.as_bytes().first() && text.starts_with(prefix)
}

/// Bytes of a word for "about" glued after a time and followed by a space (`13:40頃 停電`,
/// `9:00쯤 시작`), which belongs to the time.
fn approximately_after(text: &str) -> usize {
    ["頃", "ごろ", "쯤", "경"]
        .iter()
        .find(|word| {
            text.strip_prefix(**word)
                .is_some_and(|rest| rest.starts_with([' ', '\t', '\u{3000}']))
        })
        .map_or(0, |word| word.len())
}

/// A weekday in parentheses right after a time (`01:00 (Tue)`, `09:30 (Wednesday)`) and its
/// bytes with the spaces around it.
pub fn weekday_after_time(text: &str) -> Option<(chrono::Weekday, usize)> {
    let trimmed = text.trim_start_matches(' ');
    let inner = trimmed.strip_prefix('(')?;
    let close = inner.find(')')?;
    let day = weekday_of(inner[..close].trim_end_matches('.'))?;
    let end = text.len() - inner.len() + close + 1;
    Some((day, end + skip_while(&text[end..], |c| c == ' ')))
}

/// Bytes of a weekday in parentheses after a date, and the spaces after it: `(金) `, `（水) `,
/// `(Mon) `. At most three letters inside, so a note in parentheses is not skipped.
fn weekday_in_parentheses(text: &str) -> usize {
    let Some(inner) = text.strip_prefix(['(', '（']) else {
        return 0;
    };
    let Some(close) = inner.find([')', '）']) else {
        return 0;
    };
    let day = &inner[..close];
    if day.is_empty() || day.chars().count() > 3 || !day.chars().all(char::is_alphabetic) {
        return 0;
    }
    let open = text.len() - inner.len();
    let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
    let end = open + close + close_len;
    end + skip_while(&text[end..], |c| c == ' ')
}

/// `text` without `prefix` at its start, if it starts with it (as [`starts`] tells).
fn strip<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    starts(text, prefix).then(|| &text[prefix.len()..])
}

/// Bytes of leading characters of `text` that satisfy `keep`.
fn skip_while(text: &str, keep: impl Fn(char) -> bool) -> usize {
    match text.as_bytes().first() {
        // Most texts start with a character not to skip (the digit of a time).
        Some(&b) if b.is_ascii() && !keep(char::from(b)) => 0,
        None => 0,
        _ => text.len() - text.trim_start_matches(keep).len(),
    }
}

/// Bytes of one of `words` at the start of `text`, in any case (0 when none is there).
pub fn skip_word(text: &str, words: &[&str]) -> usize {
    // Most texts start with a digit or a letter none of the words starts with.
    let Some(first) = text.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return 0;
    };
    words
        .iter()
        .find(|w| {
            w.as_bytes().first().map(u8::to_ascii_lowercase) == Some(first)
                && text
                    .get(..w.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(w))
        })
        .map_or(0, |w| w.len())
}

/// The bytes of `-13` (or `–13`) after `21:39:12`: the last second of a range of seconds; 0
/// otherwise.
fn seconds_range_end(text: &str) -> usize {
    let dash = match text.as_bytes() {
        [b'-', ..] => 1,
        _ if text.starts_with('–') => '–'.len_utf8(),
        _ => return 0,
    };
    match &text.as_bytes()[dash..] {
        [b'0'..=b'5', b'0'..=b'9', rest @ ..]
            if rest
                .first()
                .is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b':') =>
        {
            dash + 2
        }
        _ => 0,
    }
}

/// `13:50 +08:00 text`, `09:00 (+0530)`: a positive numeric offset written a space after the
/// time. A minus sign after a space starts a range or the text (`10:00 - 11:00`,
/// `10:00 -11:00`), not an offset.
fn spaced_offset(text: &str) -> Option<(crate::model::UtcOffset, usize)> {
    if !text.starts_with('+') {
        return None;
    }
    let (offset, len) = attached_offset(text)?;
    let ends = !text[len..].starts_with(|c: char| c.is_ascii_alphanumeric());
    ends.then_some((offset, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(content: &str) -> Option<(Option<String>, String, Option<i32>, String)> {
        timeline_entry(content, DateContext::default()).map(|e| {
            (
                e.date.map(|d| d.to_string()),
                e.time.format("%H:%M:%S").to_string(),
                e.zone.map(|z| z.offset.minutes()),
                content[e.text_at..].to_string(),
            )
        })
    }

    fn text_of(content: &str) -> Option<String> {
        read(content).map(|r| r.3)
    }

    #[test]
    fn a_date_line_has_at_most_two_words_before_its_date() {
        let context = DateContext::default();
        let day = |text: &str| date_line(text, context).map(|d| d.to_string());
        // The search for the date stops at the third word (`word_start`): the edge both ways.
        assert_eq!(day("Day two: January 15, 2024"), Some("2024-01-15".into()));
        assert_eq!(
            day("**Monday**, January 15, 2024"),
            Some("2024-01-15".into())
        );
        assert_eq!(day("We met on January 15, 2024"), None);
        assert_eq!(day("Day two, then: 2024-01-15"), None);
        assert_eq!(word_start("  **a** bc d", 0), Some(4));
        assert_eq!(word_start("  **a** bc d", 2), Some(11));
        assert_eq!(word_start("été 2024", 1), Some(6));
        assert_eq!(word_start("one two", 2), None);
    }

    #[test]
    fn an_hour_named_as_a_word_is_a_stamp_and_prose_without_digits_is_none() {
        // The quick refusal of lines without digits keeps the named hours.
        assert_eq!(
            read("Noon: traffic peaked").map(|r| (r.1, r.3)),
            Some(("12:00:00".into(), "traffic peaked".into()))
        );
        assert_eq!(
            read("**MIDNIGHT** - the batch started").map(|r| (r.1, r.3)),
            Some(("00:00:00".into(), "the batch started".into()))
        );
        assert_eq!(read("Engineers rolled back the cache configuration."), None);
        assert_eq!(read("Around noon the pager went off"), None);
        assert!(!may_hold_clock("no time here: just words"));
        assert!(may_hold_clock("at midNight"));
        assert!(may_hold_clock("x9"));
    }

    #[test]
    fn a_dated_range_is_no_offset_but_an_iso_offset_is() {
        let zone = |text: &str| read(text).map(|r| (r.1, r.2));
        // A date, a space, then `01:00-02:00`: a range from 01:00, no zone.
        assert_eq!(
            zone("2026-02-22 01:00-02:00 cleanup"),
            Some(("01:00:00".into(), None))
        );
        assert_eq!(read("2026-02-22 01:00-02:00 cleanup").unwrap().3, "cleanup");
        // An offset written after `T`, after seconds, or without a colon stays an offset.
        assert_eq!(
            zone("2024-01-15T10:00-05:00 deploy"),
            Some(("10:00:00".into(), Some(-300)))
        );
        assert_eq!(
            zone("2024-01-15 10:00:00-05:00 deploy"),
            Some(("10:00:00".into(), Some(-300)))
        );
        assert_eq!(
            zone("2024-01-15 10:00-0500 deploy"),
            Some(("10:00:00".into(), Some(-300)))
        );
        // No range runs backwards: `10:00-05:00` after a day and a space is an offset.
        assert_eq!(
            zone("2024-01-15 10:00-05:00 deploy"),
            Some(("10:00:00".into(), Some(-300)))
        );
    }

    #[test]
    fn a_full_date_closing_a_heading_after_a_dash_dates_it() {
        let day =
            |text: &str| closing_heading_date(text, DateContext::default()).map(|d| d.to_string());
        assert_eq!(
            day("Outage - Submit Service - 2024-10-08"),
            Some("2024-10-08".into())
        );
        assert_eq!(
            day("Broken pages on the service — March 3, 2024"),
            Some("2024-03-03".into())
        );
        // Not a date the heading's words run on after, nor one without a separator.
        assert_eq!(
            day("Outage of the submit service - 2024-10-08 and after"),
            None
        );
        assert_eq!(day("Changes made to the service since 2024-10-08"), None);
    }

    #[test]
    fn a_year_less_numeric_day_opening_a_heading_dates_it_once_the_year_is_known() {
        let context = DateContext {
            year: Some(2026),
            ..DateContext::default()
        };
        let day = |text: &str| heading_date(text, context).map(|d| d.to_string());
        assert_eq!(day("5/7 朝 — cleanup"), Some("2026-05-07".into()));
        assert_eq!(day("5/9"), Some("2026-05-09".into()));
        assert_eq!(day("1/3 of the nodes"), None);
        assert_eq!(heading_date("5/7 morning", DateContext::default()), None);
    }

    #[test]
    fn a_date_after_the_zone_and_a_weekday_is_the_entry_day() {
        let entry = read("20:00 (UTC), Monday, 26 December 2022 - Databases uploaded").unwrap();
        assert_eq!(entry.0.as_deref(), Some("2022-12-26"));
        assert_eq!(entry.1, "20:00:00");
        assert_eq!(entry.2, Some(0));
        assert_eq!(entry.3, "Databases uploaded");
    }

    #[test]
    fn a_bound_written_as_the_label_is_the_entry_moment() {
        let entry = read("**After 12:49 PM**: Multiple jobs got stuck").unwrap();
        assert_eq!(entry.1, "12:49:00");
        assert!(entry.3.ends_with("Multiple jobs got stuck"), "{}", entry.3);
        assert_eq!(
            read("Before 09:00 – the queue was empty").unwrap().1,
            "09:00:00"
        );
        // Narration that opens with a bound is no entry.
        assert_eq!(read("After 12:49 the jobs kept failing"), None);
    }

    #[test]
    fn a_bold_label_before_a_stamp_in_parentheses_opens_an_entry() {
        let entry = read("**Run 1** (00:43 MDT) – upload reached 24 % and failed").unwrap();
        assert_eq!(entry.1, "00:43:00");
        assert_eq!(entry.2, Some(-6 * 60));
        assert!(
            entry.3.ends_with("upload reached 24 % and failed"),
            "{}",
            entry.3
        );
        // A note in parentheses after the label is no stamp.
        assert_eq!(read("**Run 1** (see below) – upload failed"), None);
        // Bold text that goes on past the label is no label.
        assert_eq!(
            read("**We ran it twice, then** (00:43 MDT) – it failed"),
            None
        );
    }

    #[test]
    fn a_day_of_the_year_dates_the_stamp() {
        // Spacecraft operations write `YYYY:DDD:HH:MM:SS`; ISO 8601 has `YYYY-DDD`.
        let expect = |date: &str, time: &str, text: &str| {
            Some((Some(date.to_string()), time.to_string(), text.to_string()))
        };
        let date_time_text = |content: &str| read(content).map(|r| (r.0, r.1, r.3));
        assert_eq!(
            date_time_text("2026:018:00:50:01 **Comm** begins (60 min)."),
            expect("2026-01-18", "00:50:01", "**Comm** begins (60 min).")
        );
        assert_eq!(
            date_time_text("2024-060 14:05 power restored"),
            expect("2024-02-29", "14:05:00", "power restored")
        );
        // Not a day of that year, or a year-less count: no date.
        assert_eq!(read("2026:367:00:50:01 text").and_then(|r| r.0), None);
    }

    #[test]
    fn words_and_arrows_after_the_time_belong_to_the_stamp() {
        let utc = Some(0);
        let read_time_zone_text = |content: &str| read(content).map(|r| (r.1, r.2, r.3));
        let expect =
            |zone: Option<i32>| Some(("14:05:00".to_string(), zone, "config pushed".to_string()));
        assert_eq!(
            read_time_zone_text("**14:05** UTC — config pushed"),
            expect(utc)
        );
        assert_eq!(read_time_zone_text("14:05 → config pushed"), expect(None));
        assert_eq!(read_time_zone_text("14:05 -> config pushed"), expect(None));
        assert_eq!(
            read_time_zone_text("14:05 hrs: config pushed"),
            expect(None)
        );
        assert_eq!(read_time_zone_text("1405 hrs: config pushed"), expect(None));
        // A word that only starts like one stays the text's.
        assert_eq!(
            text_of("14:05 hosts rebooted").as_deref(),
            Some("hosts rebooted")
        );
        // An arrow to a time is a range: the entry is at its start, its text after the end.
        assert_eq!(
            text_of("14:05 → 14:20 config pushed").as_deref(),
            Some("config pushed")
        );
        // The moment restated in another zone belongs to the stamp; other words in
        // parentheses are the text's.
        assert_eq!(
            read_time_zone_text("14:05 UTC (10:05 EDT) - config pushed"),
            expect(utc)
        );
        assert_eq!(
            text_of("02:00(午前11時 JST) config pushed").as_deref(),
            Some("config pushed")
        );
        assert_eq!(
            text_of("14:05 (2 min later) config pushed").as_deref(),
            Some("(2 min later) config pushed")
        );
    }

    #[test]
    fn reads_the_weekday_a_stamp_opens_with() {
        use chrono::Weekday;
        assert_eq!(weekday_stamp("Sat 13:45 text"), Some((Weekday::Sat, 4)));
        assert_eq!(weekday_stamp("Fri→Sat 03:15"), Some((Weekday::Sat, 10)));
        assert_eq!(weekday_stamp("Sun ~03:05"), Some((Weekday::Sun, 5)));
        assert_eq!(weekday_stamp("Monday, 9:00 AM"), Some((Weekday::Mon, 8)));
        assert_eq!(weekday_stamp("Saturday night"), None);
        assert_eq!(weekday_stamp("13:45"), None);
    }

    #[test]
    fn a_numeric_offset_a_space_after_the_time_is_its_zone() {
        let read = |content: &str| {
            let entry = timeline_entry(content, DateContext::default()).unwrap();
            (
                entry.zone.as_ref().map(|z| z.offset.minutes()),
                entry.text_in(content).trim().to_string(),
            )
        };
        assert_eq!(
            read("13:50 +08:00 504 errors"),
            (Some(480), "504 errors".into())
        );
        assert_eq!(
            read("14:20 +0100: mail sent"),
            (Some(60), "mail sent".into())
        );
        assert_eq!(read("(09:00 (+05:30)) paged"), (Some(330), "paged".into()));
        // Not offsets: a count, and a range written with the dash against its end.
        assert_eq!(read("12:00 +1 more alert"), (None, "+1 more alert".into()));
        assert_eq!(read("10:00 -11:00 outage").0, None);
    }

    #[test]
    fn bold_opened_before_the_stamp_opens_again_in_the_text() {
        let text = |content: &str| {
            let entry = timeline_entry(content, DateContext::default()).unwrap();
            entry.text_in(content).into_owned()
        };
        assert_eq!(
            text("**15 December 2024, 03:53 (UTC) – Outage Begins** Routers fail"),
            "**Outage Begins** Routers fail"
        );
        assert_eq!(text("**03:53** Routers fail"), "Routers fail");
        assert_eq!(text("**03:53 Routers fail**"), "**Routers fail**");
        assert_eq!(text("03:53 Routers **fail**"), "Routers **fail**");
    }

    #[test]
    fn reads_every_time_shape_and_separator() {
        for (content, text) in [
            ("10:00 AM: Alert fired", "Alert fired"),
            ("10:00am - Alert fired", "Alert fired"),
            ("10 AM – Alert fired", "Alert fired"),
            ("9:05 p.m. — Alert fired", "Alert fired"),
            ("14:05 | Alert fired", "Alert fired"),
            ("14:05:33 Alert fired", "Alert fired"),
            ("[13:26] Alert fired", "Alert fired"),
            ("**15:11** Alert fired", "Alert fired"),
            ("**15:11:** Alert fired", "Alert fired"),
            ("`2:00 AM` Alert fired", "Alert fired"),
            ("At 11:00 AM, Alert fired", "Alert fired"),
            ("At around 12:00, Alert fired", "Alert fired"),
            ("approximately 12:00: Alert fired", "Alert fired"),
            ("07:32:16 GMT: Alert fired", "Alert fired"),
            ("*06:00*: Alert fired", "Alert fired"),
            ("🔥 10:00 - Alert fired", "Alert fired"),
            ("14:54 -- Alert fired", "Alert fired"),
            ("10:00\tAlert fired", "Alert fired"),
            ("4:00am:- Alert fired", "Alert fired"),
        ] {
            assert_eq!(text_of(content).as_deref(), Some(text), "{content:?}");
        }
    }

    #[test]
    fn reads_dates_and_zones_on_the_entry() {
        assert_eq!(
            read("2024-01-15 10:00 UTC-5 - x"),
            Some((
                Some("2024-01-15".into()),
                "10:00:00".into(),
                Some(-300),
                "x".into()
            ))
        );
        assert_eq!(
            read("**2025-12-18 13:07:00+00:00** — *trigger* — y"),
            Some((
                Some("2025-12-18".into()),
                "13:07:00".into(),
                Some(0),
                "*trigger* — y".into()
            ))
        );
        assert_eq!(
            read("2024-01-15T10:00:00Z deploy"),
            Some((
                Some("2024-01-15".into()),
                "10:00:00".into(),
                Some(0),
                "deploy".into()
            ))
        );
        assert_eq!(
            read("01-12-2021, 1:00 PM: x"),
            Some((
                Some("2021-01-12".into()),
                "13:00:00".into(),
                None,
                "x".into()
            ))
        );
        assert_eq!(read("10:00 (PDT): x").map(|r| r.2), Some(Some(-420)));
        assert_eq!(read("10:00 PT: x").map(|r| r.3), Some("x".into()));
        // A dash between the date and its time.
        assert_eq!(
            read("January 13th, 2024 - 21:00 UTC - x"),
            Some((
                Some("2024-01-13".into()),
                "21:00:00".into(),
                Some(0),
                "x".into()
            ))
        );
        assert_eq!(
            read("2024-01-13 – 9:05 PM: x").map(|r| (r.0, r.1)),
            Some((Some("2024-01-13".into()), "21:05:00".into()))
        );
    }

    #[test]
    fn rejects_what_is_not_an_entry() {
        for content in [
            "Deploy at noon",
            "2024-01-15",
            "10:00x",
            "version 10:00a",
            "",
        ] {
            assert_eq!(read(content), None, "{content:?}");
        }
    }

    #[test]
    fn reads_ranges_whose_end_has_a_zone_or_date() {
        assert_eq!(
            text_of("22:20 EDT to 2018-09-23 00:05 EDT: queue drained"),
            Some("queue drained".into())
        );
        assert_eq!(
            text_of("10:00 UTC - 11:00 UTC: window"),
            Some("window".into())
        );
        assert_eq!(
            text_of("10:00 - 5 servers died"),
            Some("5 servers died".into())
        );
        assert_eq!(
            text_of("11:30 -> 15:30 checkout failed"),
            Some("checkout failed".into())
        );
        // A long chain of ranges is read once, without deep recursion.
        let chain = "1:00-".repeat(50_000);
        assert!(timeline_entry(&chain, DateContext::default()).is_some());
        let weekdays = "Monday ".repeat(50_000);
        assert!(timeline_entry(&weekdays, DateContext::default()).is_none());
    }

    #[test]
    fn tells_chat_lines_apart() {
        assert!(is_chat_line("[1:26 PM] alice: restarting now"));
        assert!(is_chat_line("[13:26] Ann Lee: on it"));
        assert!(!is_chat_line("[13:26] Alert fired: CPU high"));
        assert!(!is_chat_line("[13:26] Alert fired"));
        assert!(!is_chat_line("13:26 alice: hi"));
    }

    #[test]
    fn finds_date_lines() {
        let date = |t: &str| date_line(t, DateContext::default()).map(|d| d.to_string());
        assert_eq!(date("**July 15, 2024**").as_deref(), Some("2024-07-15"));
        assert_eq!(
            date("2015-10-21 (*all times UTC*)").as_deref(),
            Some("2015-10-21")
        );
        assert_eq!(
            date("Monday, January 15, 2024").as_deref(),
            Some("2024-01-15")
        );
        assert_eq!(date("We shipped on January 15, 2024 and it broke"), None);
    }

    #[test]
    fn strips_markers() {
        assert_eq!(strip_list_marker("  - > 1. x"), ("x", 9, true));
        assert_eq!(strip_list_marker("> quoted"), ("quoted", 2, false));
        assert_eq!(strip_list_marker("plain"), ("plain", 0, false));
    }
}
