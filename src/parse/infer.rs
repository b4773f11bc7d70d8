//! Events found in prose when a postmortem has no timeline: sentences that say *when*
//! something happened ("At 2017/01/31 9pm UTC, this escalated", "resolved by 14:30 UTC").
//!
//! Only times introduced as a moment count (`at`, `around`, `by`, `about`, `until`, a time opening
//! the sentence, or a status word: `Update 6:14pm`, `resolved 23:30h`); a window ("between
//! 5:20pm and 11:25pm", "from 9:30pm to 12:30am") counts once, at its start.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveTime};

use super::calendar::{self, find_date_in, DateContext};
use super::clock::{leading_clock, written_with_colon, Clock};
use super::zone::{attached_offset, cjk_lead, short_us_zone, zone_at_start, DayPart, FoundZone};

/// Words that introduce a moment.
const TRIGGERS: &[&str] = &[
    "at",
    "around",
    "about",
    "approximately",
    "approx",
    "ca",
    "circa",
    "by",
    "~",
    "@",
    "update",
    "updated",
    "resolved",
    "identified",
    "investigating",
    "monitoring",
    "since",
    // `a second spike a little after 18:00 UTC` (not `before`, which mostly compares: `the
    // version before 04:09 is good`).
    "after",
    "until",
    "till",
    "à",
    "vers",
    // French, Spanish, German: `depuis environ 17h` (since about), `desde las 9:00`, `seit 8 Uhr`.
    "environ",
    "depuis",
    "desde",
    "seit",
    "um",
    "gegen",
    "bis",
    "etwa",
    "las",
    // Portuguese, Italian, Dutch.
    "às",
    "alle",
    "om",
    "rond",
    "omstreeks",
    // Dutch `vanaf 19.07 uur` (from then on).
    "vanaf",
    // Romanian `în jurul orei 13:50`, `de la ora 13:42` (the hour), Italian `alle ore 9:30`.
    "ora",
    "orei",
    "ore",
    // Polish: `o godzinie 7.35`, `około 7:35`.
    "godzinie",
    "godz",
    "około",
    // Czech: `v 12:03`, `ve 12:07` (at), `kolem 9:00` (around), `v čase 12:05` (at the time).
    "v",
    "ve",
    "kolem",
    "okolo",
    "čase",
    // Russian `в 10:02`, `во 2:15` (at), `около`, `примерно` (about), `после` (after);
    // Ukrainian `о 10:02` (at), `близько`, `приблизно` (about), `після` (after). The one- and
    // two-letter ones only before a time written with a colon. (Polish `o 10:02` opens an
    // entry, but in a sentence `o` is too often Spanish or Italian "or".)
    "в",
    "во",
    "около",
    "примерно",
    "приблизительно",
    "после",
    "о",
    "близько",
    "приблизно",
    "після",
    // Chinese: `大约22:40` (about), `约`, `大概`, `于` (at).
    "大约",
    "约",
    "大概",
    "于",
];

/// True for the short words of Czech, Russian and Ukrainian for "at" (`v`, `ve`, `в`, `во`,
/// `о`): they introduce only a time written with a colon (`v 10.15` is a version).
fn is_short_slavic_at(word: &str) -> bool {
    matches!(word, "v" | "ve" | "в" | "во" | "о")
}

/// Words that open a window (`between 5:20pm and 11:25pm`, `from 9:30pm to 12:30am`, French
/// and Spanish `entre`, German `zwischen`, Dutch `tussen`, Czech `od`): its
/// start is a moment of a story told in prose, and restates one under a timeline's entry.
const WINDOW_STARTS: &[&str] = &["between", "from", "entre", "zwischen", "tussen", "od"];

/// A moment found in prose.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred<'a> {
    /// A date written right before the time, if any.
    pub date: Option<NaiveDate>,
    /// The time of day.
    pub time: NaiveTime,
    /// A zone written right after the time, if any.
    pub zone: Option<FoundZone>,
    /// Byte offset of the time (or its date) in the text.
    pub at: usize,
    /// The sentence it was found in.
    pub sentence: &'a str,
    /// How many days after the one in force the text puts the moment: 1 for `3am UTC the
    /// following night` or `tomorrow at 9AM`, 2 for `the day after tomorrow at 9AM`, -1 for
    /// `18:50 UTC last night` or `yesterday at 4pm`.
    pub days_later: i8,
    /// The start of a date that the end of the text cuts (`on`, `on June`, `June`) when the
    /// time is followed by nothing else, so the date goes on at the next line (`At 1400UTC on`
    /// / `August 5th 2023, ...`, `by 08:35 UTC on June` / `21st, 2020 the rooms ...` in
    /// hard-wrapped text).
    pub date_wraps: Option<&'a str>,
    /// True for a moment that may restate one told before it: the start of a window
    /// (`between 14:02 and 14:40`) or a time in parentheses (`the node came back (02:10)`).
    pub may_restate: bool,
    /// True when the words right after the time put it on the day of writing (`10:45am this
    /// morning`, `14:00 today`), whatever day the sentence named before it.
    pub today: bool,
    /// True when the time goes on a list of times after the moment before it (`at 09:35,
    /// 11:25 and 12:45`): a moment of its own, as that one is.
    pub listed: bool,
}

/// Words right after a 12-hour time that name its part of the day (`10 uur 's avonds`,
/// `8:30 in the evening`, `a las 10 de la noche`), each as the text after the time starts.
const PART_AFTER: &[(&str, DayPart)] = &[
    ("in the morning", DayPart::Morning),
    ("in the afternoon", DayPart::Afternoon),
    ("in the evening", DayPart::Afternoon),
    ("'s ochtends", DayPart::Morning),
    ("'s morgens", DayPart::Morning),
    ("'s middags", DayPart::Afternoon),
    ("'s avonds", DayPart::Afternoon),
    ("abends", DayPart::Afternoon),
    ("nachmittags", DayPart::Afternoon),
    ("morgens", DayPart::Morning),
    ("de la mañana", DayPart::Morning),
    ("de la tarde", DayPart::Afternoon),
    ("de la noche", DayPart::Afternoon),
    ("da manhã", DayPart::Morning),
    ("da tarde", DayPart::Afternoon),
    ("da noite", DayPart::Afternoon),
    ("du matin", DayPart::Morning),
    ("du soir", DayPart::Afternoon),
    ("de l'après-midi", DayPart::Afternoon),
];

/// The part of the day the words right after a time name, if any.
fn part_named_after(after: &str) -> Option<DayPart> {
    let lower = head(after.trim_start(), 20)
        .to_lowercase()
        .replace('’', "'");
    PART_AFTER
        .iter()
        .find(|(words, _)| {
            lower.starts_with(words)
                && !lower[words.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .map(|&(_, part)| part)
}

/// Words after a time that put it on the next day.
const NEXT_DAY: &[&str] = &[
    "the following night",
    "the following day",
    "the following morning",
    "of the following night",
    "of the following day",
    "the next day",
    "the next morning",
    "next morning",
    "next day",
    "the day after",
];

/// Words right after a time that put it on the day before the one in force (a blog post
/// written the morning after: `as of 18:50 UTC last night`).
const DAY_BEFORE: &[&str] = &[
    "last night",
    "yesterday",
    "the night before",
    "the previous",
    // Dutch `gisteren`, `gistermiddag`, `gisteravond` (yesterday, its afternoon, evening);
    // German `gestern`.
    "gister",
    "gestern",
];

/// Words that put a moment on the day of writing (`10:45am this morning`, `vandaag`).
const TODAY: &[&str] = &[
    "today",
    "this morning",
    "this afternoon",
    "this evening",
    "tonight",
    "vandaag",
    "vanochtend",
    "vanmiddag",
    "vanavond",
    "heute",
    "aujourd'hui",
    "hoy",
];

/// True when a sentence puts its moment on the day of writing (`as we turned up builds today
/// at around 14:00`), which a relative day told before it does not move.
pub fn names_today(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    TODAY.iter().any(|word| lower.contains(word))
}

/// True when the sentence up to a time opens with `Yesterday` (Spanish `Ayer`, German
/// `Gestern`, Dutch `Gisteren`): `Ayer día de Reyes el servicio estuvo caído … a las 12.00AM`.
fn opens_with_yesterday(sentence: &str) -> bool {
    let first = sentence
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    matches!(
        first.as_str(),
        "yesterday" | "ayer" | "gestern" | "gisteren"
    )
}

/// True when a time comes inside a code span that reads as a command line (`journalctl
/// --since "13:33:20"`): an argument, not a moment the sentence tells of. `before` is the
/// sentence up to the time. A stamp marked as code (`` `Apr 29 around 19:30 UTC` ``) is a
/// stamp: only a quoted or `=` argument, or one after a `-` flag, is a command's.
fn in_command(before: &str) -> bool {
    let ticks = before.bytes().filter(|&b| b == b'`').count();
    if ticks % 2 == 0 {
        return false;
    }
    let code = before.rsplit('`').next().unwrap_or_default();
    let flagged = code.split_whitespace().any(|word| {
        word.len() > 1 && word.starts_with('-') && !word[1..].starts_with(char::is_numeric)
    });
    flagged || code.ends_with(['"', '\'', '='])
}

/// The moments `text` states, in order.
pub fn inferred_times(text: &str, context: DateContext) -> Vec<Inferred<'_>> {
    moments(text, context, false)
}

/// The moments a story told in prose states, in order: those of [`inferred_times`] and the
/// start of each window.
pub fn narrated_times(text: &str, context: DateContext) -> Vec<Inferred<'_>> {
    moments(text, context, true)
}

/// The words between two times, without the link markup around them and past the first one's
/// zone when the second writes the same (`after`, the text after the second time): `
/// UTC](https://…) and [` between `[18:26 UTC](…)` and `[20:43 UTC](…)` is `and`, and so is
/// ` UTC and ` in `18:26 UTC and 20:43 UTC`; ` UTC, ` in `14:00 UTC, 10:00 AM EDT` is not
/// (the same moment in another zone), nor in `14:00 UTC and 2.15 million`.
fn between_linked_times<'t>(between: &'t str, after: &str) -> &'t str {
    let trimmed = between.trim_start();
    let mut rest = match zone_at_start(head(trimmed, 24)) {
        Some(zone) => {
            let restated = past_link(after)
                .trim_start()
                .starts_with(zone.label.as_str());
            match restated {
                true => trimmed[zone.label.len()..].trim_start(),
                false => return between.trim(),
            }
        }
        None => trimmed,
    };
    if let Some(target) = rest.strip_prefix("](") {
        rest = target.find(')').map_or(rest, |close| &target[close + 1..]);
    }
    rest.trim().trim_end_matches('[').trim()
}

/// `after` past the link target that closes a time's link text right after it (` UTC](…)`
/// gives ` UTC`): the words of the link, then nothing.
fn past_link(after: &str) -> &str {
    after.find("](").map_or(after, |at| &after[..at])
}

fn moments(text: &str, context: DateContext, windows: bool) -> Vec<Inferred<'_>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let ends = sentence_ends(text);
    let mut at = 0;
    // Where the last clock time read ended, to tell a time restated in parentheses.
    let mut last_clock_end = 0;
    // Where the last moment found ended, to tell a list of times after it.
    let mut last_found_end: Option<usize> = None;
    // Whether the last moment found was listed after an arrow (the second of a chain or later).
    let mut arrow_chain = false;
    // Where the last time that opened a window (`from 5:05pm`) ended, to tell its end.
    let mut window_start_end: Option<usize> = None;
    while at < bytes.len() {
        // (`$3.15 billion`, `€14.50`: a sum of money, not a time.)
        let starts = bytes[at].is_ascii_digit()
            && (at == 0
                || !(bytes[at - 1].is_ascii_alphanumeric()
                    || matches!(bytes[at - 1], b'.' | b':' | b'/' | b'-' | b'$')
                    || text[..at].ends_with(['€', '£', '¥']))
                || iso_date_joined(&bytes[..at]));
        let clock =
            starts.then(|| leading_clock(&text[at..]).or_else(|| french_bare_hour(text, at)));
        let Some(clock) = clock.flatten() else {
            at += 1;
            continue;
        };
        let next = ends.partition_point(|&end| end <= at);
        let start = next.checked_sub(1).map_or(0, |i| ends[i]);
        let end = ends.get(next).copied().unwrap_or(text.len());
        // A date right before the time: looking 40 bytes back is enough and keeps this linear.
        let mut window = start.max(at.saturating_sub(40));
        while !text.is_char_boundary(window) {
            window += 1;
        }
        // `2025-10-29T19:52:10Z`: the date ends before the `T` joining it to the time.
        let date_end = match at.checked_sub(1).map(|p| bytes[p]) {
            Some(b'T') => at - 1,
            _ => at,
        };
        let before = &text[window.min(date_end)..date_end];
        // `On Apr 4th at 12:32`, `2024-01-15, 10:00`: the date, then at most a linking word.
        // (`Yesterday (2023-03-03) at around 9am`: the words may follow each other.)
        let date = find_date_in(before, context).filter(|d| {
            const LINKS: [&str; 10] = [
                "at", "around", "about", "by", "um", "gegen", "à", "às", "a las", "~",
            ];
            // `2022-03-21_13:34:34`: a log's stamp joins its date and time with `_`.
            let gap = before[d.span.end..].trim_matches([' ', ',', ')', '_']);
            gap.is_empty()
                || LINKS.contains(&gap)
                || (gap.len() <= 16 && gap.split(' ').all(|word| LINKS.contains(&word)))
        });
        // `on Monday 10 April at 5:34 am`, `On the 15 Mar 2020, around 9pm`: the word between
        // the date and the time introduces it.
        let date_introduces = date.as_ref().is_some_and(|d| {
            let gap = before[d.span.end..].trim_matches([' ', ',']);
            !gap.is_empty()
        });
        let lead_end = window + date.as_ref().map_or(before.len(), |d| d.span.start);
        // Only the last words before the time matter; a bounded look keeps this linear.
        let mut lead_start = start.max(lead_end.saturating_sub(40));
        while !text.is_char_boundary(lead_start) {
            lead_start += 1;
        }
        let lead = &text[lead_start..lead_end];
        let previous = lead
            .split(|c: char| c.is_whitespace() || c == ',')
            .rfind(|w| {
                w.chars()
                    .any(|c| c.is_alphanumeric() || matches!(c, '~' | '@'))
            })
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '~' && c != '@')
                    .to_lowercase()
            });
        let opens_sentence = lead_start == start && !lead.chars().any(char::is_alphanumeric);
        // `On March 29th, 2024, at 18:07`: a date introduced by "on" introduces its time, and
        // so does a label's colon (`Fix deployed: 2026-02-02 03:00 UTC`).
        let after_colon = lead.trim_end_matches([' ', '*', '_']).ends_with(':');
        let labelled = date.is_some() && after_colon;
        // `Down: 6:58AM. Up: 7:37AM.`: a word's colon before a time written with a colon,
        // unless the label names a length (`Downtime: 1:30`, `Outage length: 1:30`, `MTTR:
        // 1:15`, `Time to detect: 0:45`) or a time already (`Time: 15:00`, `blind time: 03:26
        // → 18:46Z`, `Timestamp:`); not `Load Average: 0.02`.
        let labelled = labelled
            || (after_colon
                && text[at..]
                    .split(char::is_whitespace)
                    .next()
                    .is_some_and(|token| token.contains(':'))
                && previous.as_deref().is_some_and(|w| {
                    w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
                })
                && !label_names_a_length_or_time(lead));
        // `(Stand 26.07.2019 01:15 Uhr)`: a full date with the time right after it is a stamp.
        let stamped = date.as_ref().is_some_and(|d| {
            d.has_year && before[d.span.end..].trim_matches([' ', ',']).is_empty()
        });
        // `美国东部时间 1:00`, `太平洋时间上午 9:00`: a zone and a part of the day in words.
        let (cjk_zone, day_part) = cjk_lead(lead);
        // `crashes at 09:35, 11:25, 11:56 and 12:45`: each time listed after a moment is one.
        // `banners at 09:38 → 09:50 → 09:52`: a chain of three or more times joined by arrows
        // is a list too (two, `18:15 → 23:43`, are a window).
        let arrow_after = |end: usize| {
            let rest = text[end..].trim_start();
            rest.strip_prefix('→')
                .or_else(|| rest.strip_prefix("->"))
                .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        };
        let after_last = last_found_end
            .filter(|&end| end > start && end <= at)
            .map(|end| between_linked_times(&text[end..at], &text[at + clock.len..]));
        // Only times written with a colon chain (`1.27 → 1.28 → 1.29` are versions), and Czech
        // `v`/`ve` introduce only those (`build v 10.15` is a version).
        let with_colon = written_with_colon(&text[at..], clock);
        let by_arrow = matches!(after_last, Some("→" | "->"))
            && with_colon
            && (arrow_chain || arrow_after(at + clock.len));
        let listed =
            by_arrow || matches!(after_last, Some("," | "and" | ", and" | "&" | "、" | "，"));
        let by_trigger = previous
            .as_deref()
            .is_some_and(|w| TRIGGERS.contains(&w) && (with_colon || !is_short_slavic_at(w)));
        let introduced = opens_sentence
            || listed
            || cjk_zone.is_some()
            || day_part.is_some()
            || labelled
            || stamped
            || date_introduces
            || by_trigger
            || names_the_next_day(lead)
            || ends_with_as_of(lead)
            || ends_near_a_moment(lead)
            || cjk_trigger_ends(lead)
            || zone_opens_clause(lead)
            || glosses_an_introduced_moment(lead)
            || (date.is_some() && previous.as_deref() == Some("on"));
        let starts_window = previous
            .as_deref()
            .is_some_and(|w| WINDOW_STARTS.contains(&w));
        // `from 5:05pm UTC until 9:05pm UTC`, `from 17:09 EST to approximately 23:42`: the end
        // of a window belongs to it, and is no moment of its own.
        // `the outage happened at 7:30 AM UTC, … and persists till 7 PM IST`: a time after
        // `until` in a sentence that already told a moment ends that moment's window.
        let ends_window = window_start_end.is_some_and(|end| {
            end > start && end <= at && joins_window(&without_links(&text[end..at]))
        }) || ((matches!(previous.as_deref(), Some("until" | "till" | "bis"))
            || closes_japanese_window(&text[at + clock.len..]))
            && found
                .last()
                .is_some_and(|moment: &Inferred| moment.at >= start));
        window_start_end = starts_window.then_some(at + clock.len);
        // `UTC 05:17（港时 13:17）`: the same moment in another zone, in parentheses.
        let restated_in_zone = last_clock_end > start
            && text.get(last_clock_end..at).is_some_and(|since| {
                let zone = since.trim().trim_start_matches(['(', '（']).trim_start();
                zone.len() < since.trim().len()
                    && (cjk_lead(zone).0.is_some_and(|z| z.at == 0)
                        || zone_at_start(zone).is_some_and(|z| z.label.len() == zone.len()))
            });
        // `fstrim.timer (weekly, Mon ~00:10)`, `runs daily at 02:01`: a schedule, no moment.
        let after_time = &text[at + clock.len..];
        if ends_window
            || restated_in_zone
            || refers_to_an_earlier_update(lead)
            || names_a_schedule(lead)
            || schedule_follows(after_time)
            || tells_a_habit(lead)
        {
            at += clock.len.max(1);
            last_clock_end = at;
            continue;
        }
        let opens_window = !introduced && windows && starts_window;
        let after = &text[at + clock.len..];
        let range_end = after
            .trim_start()
            .strip_prefix(['-', '–', '—'])
            .and_then(|rest| leading_clock(rest.trim_start()).map(|end| (rest, end)));
        // `API 中断约 3 分钟（02:07-02:10）`, `k3s 正常启动（02:10）`: in a story told in prose, a
        // time or window filling a parenthesis of its own stamps the words before it.
        let parenthesised = windows && {
            let opened = text[start..at].trim_end();
            // `running (3pm Friday)`: a weekday may name the time's day inside.
            let closes = |rest: &str| past_weekday(past_zone(rest)).starts_with([')', '）']);
            let ends = match range_end {
                Some((rest, end)) => closes(&rest.trim_start()[end.len..]),
                None => closes(after),
            };
            // Words, not a time or its zone (`5:00pm PST (8:00pm EST)` restates the time).
            let last = opened
                .trim_end_matches(['(', '（'])
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or_default();
            let after_words = last.ends_with(|c: char| c.is_alphabetic() || !c.is_ascii())
                && !last.contains(|c: char| c.is_ascii_digit())
                && zone_at_start(last).is_none_or(|z| z.label.len() < last.len());
            // `9:00 AM March 14th, 2025 Pacific Time (4:00 PM UTC)`: only a date and a zone
            // since the last time, so the same moment in another zone.
            let restates = last_clock_end > start
                && text
                    .get(last_clock_end..opened.len() + start)
                    .is_some_and(|between| {
                        between
                            .trim_end_matches(['(', '（'])
                            .split_whitespace()
                            .all(|w| {
                                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                            })
                    });
            opened.ends_with(['(', '（']) && ends && after_words && !restates
        };
        let opens_window = opens_window || (parenthesised && range_end.is_some());
        let introduced = introduced || opens_window || parenthesised || particle_says_when(after);
        // A range counts where a window opens (`between 07:20-09:30 UTC`), fills a
        // parenthesis or follows a word that introduces a time (`At 12:41-12:42, two
        // monitors ran`); elsewhere (`the 14:00-15:00 slot`) it is no moment of the story.
        let range = range_end.is_some() && !parenthesised && !opens_window && !by_trigger;
        // Only the sentence's last words before the time: a bounded look keeps this linear.
        let mut hope_start = start.max(at.saturating_sub(80));
        while !text.is_char_boundary(hope_start) {
            hope_start += 1;
        }
        if introduced
            && !range
            && !in_command(&text[start..at])
            && !hoped_for(&text[hope_start..at])
        {
            // `2025-10-29T19:52:10Z`, `2013-10-24T20:55:17-05:00`: an offset written right
            // after the time; a signed one only in an ISO stamp (`07:20-09:30 UTC` is a range).
            let attached =
                attached_offset(after).filter(|_| after.starts_with(['Z', 'z']) || date_end < at);
            let offset_zone = attached
                .map(|(offset, len)| FoundZone::fixed(offset, &after[..len], at + clock.len));
            let past_offset = &after[attached.map_or(0, |(_, len)| len)..];
            // `(09:30 UTC)` and `midnight (00:00) UTC`: the zone inside or after the parentheses.
            let trimmed = past_offset.trim_start_matches([' ', '(', ')']);
            let zone_after = zone_at_start(head(trimmed, 24)).or_else(|| short_us_zone(trimmed));
            // `at 09:41 UTC on March 2, 2022`: a date right after the time and its zone.
            let after_zone = zone_after
                .as_ref()
                .map_or(trimmed, |z| &trimmed[z.label.len()..]);
            let zone = offset_zone.or(zone_after).or_else(|| {
                cjk_zone.map(|mut zone| {
                    zone.at += lead_start;
                    zone
                })
            });
            // `resolved @ 15:22 ICT, Sept 26 2021`: a full date after a comma; `from 6.18PM
            // (JST) on July 14`: after the parenthesis closing the zone.
            let after_comma = after_zone.trim_start_matches([' ', ',', ')']);
            // `by 01:30 UTC June 23rd, 2020`: a full date right after a written zone, or a
            // month's name and its day (`at 7:00 PM Oct 12`; not `at 10:00 3/4 of the nodes`).
            let date_after = match after_comma.strip_prefix("on ") {
                Some(rest) => find_date_in(head(rest, 32), context).filter(|d| d.span.start == 0),
                None => {
                    let rest = head(after_comma, 32);
                    find_date_in(rest, context).filter(|d| {
                        d.span.start == 0
                            && (d.has_year || rest[d.span.clone()].contains(char::is_alphabetic))
                    })
                }
            };
            // `9:00 AM March 14th, 2025 Pacific Time`: the zone after the date.
            let zone = zone.or_else(|| {
                let date = date_after.as_ref()?;
                let rest = after_comma
                    .get(date.span.end..)?
                    .trim_start_matches([' ', ',']);
                zone_at_start(head(rest, 24))
            });
            let lower_after = head(after_zone, 40).trim_start().to_lowercase();
            let days_later = if NEXT_DAY.iter().any(|w| lower_after.starts_with(w)) {
                1
            } else if DAY_BEFORE.iter().any(|w| lower_after.starts_with(w))
                || opens_with_yesterday(&text[start..at])
            {
                -1
            } else {
                days_named_before(lead)
            };
            let date_wraps = date_cut_at_end(after_zone);
            found.push(Inferred {
                date: date
                    .as_ref()
                    .map(|d| d.date)
                    .or(date_after.as_ref().map(|d| d.date)),
                time: day_part
                    .or_else(|| part_named_after(after))
                    .map_or(clock.time, |part| part.on(clock.time)),
                zone,
                at: date.as_ref().map_or(at, |d| window + d.span.start),
                sentence: text[start..end].trim(),
                days_later,
                date_wraps: date_after.is_none().then_some(date_wraps).flatten(),
                may_restate: opens_window || parenthesised,
                today: TODAY.iter().any(|w| lower_after.starts_with(w)),
                listed,
            });
            last_found_end = Some(at + clock.len);
            arrow_chain = by_arrow;
        }
        at += clock.len.max(1);
        last_clock_end = at;
    }
    found
}

/// True when a Japanese particle after a time (and its zone) makes it the moment the sentence
/// tells of: `5/7 10:00 UTC に commit した` (at), `18:00 頃` (around).
fn particle_says_when(after: &str) -> bool {
    let rest = past_zone(after);
    ["に", "頃", "ごろ"]
        .iter()
        .any(|particle| rest.starts_with(particle))
}

/// True when `まで` (until) follows a time, past its zone and a `頃` (around): `10月1日0時頃から
/// 10月2日18時9分頃まで`, the end of a window opened earlier in the sentence.
fn closes_japanese_window(after: &str) -> bool {
    let rest = past_zone(after);
    let rest = rest
        .strip_prefix("頃")
        .or_else(|| rest.strip_prefix("ごろ"))
        .unwrap_or(rest);
    rest.starts_with("まで") || rest.starts_with("迄")
}

/// The text after a time, past the spaces and the zone written first in it (`UTC に`).
fn past_zone(after: &str) -> &str {
    let rest = after.trim_start();
    zone_at_start(head(rest, 24))
        .map_or(rest, |z| &rest[z.label.len()..])
        .trim_start()
}

/// The day of the month a time at the start of `text` is put on by an ordinal alone after it
/// and its zone (`8 PM UTC on the 16th`, `at 02:10, on the 3rd`): the month is the story's.
pub fn day_of_month_after(text: &str) -> Option<u32> {
    let clock = leading_clock(text)?;
    let rest = past_zone(&text[clock.len..]).trim_start_matches([',', ' ']);
    let rest = rest.strip_prefix("on the ")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let day: u32 = rest[..digits]
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    let suffix = ["st", "nd", "rd", "th"]
        .into_iter()
        .find(|s| rest[digits..].starts_with(s))?;
    // `on the 3rd.`, `on the 16th when`, not `on the 2nd attempt`.
    let after = &rest[digits + suffix.len()..];
    let word = after.strip_prefix(' ').map(|rest| {
        rest.split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
    });
    let ends = match word {
        Some(word) => {
            !word.starts_with(char::is_lowercase)
                || matches!(
                    word,
                    "and" | "at" | "when" | "as" | "after" | "before" | "with"
                )
        }
        None => !after.starts_with(char::is_alphanumeric),
    };
    ends.then_some(day)
}

/// `after` past a weekday's name at its start (`Friday)` gives `)`), or `after` itself.
fn past_weekday(after: &str) -> &str {
    crate::parse::entry::weekday_len(after).map_or(after, |len| after[len..].trim_start())
}

/// Words that say a time recurs (`daily at 02:00`, `at 02:00 nightly`).
const RECURS: [&str; 6] = ["daily", "weekly", "nightly", "hourly", "monthly", "cron"];

/// The periods a schedule names after `every` or `each` (`every night at`, `at 6 am each day`).
const PERIODS: [&str; 7] = [
    "day",
    "night",
    "morning",
    "evening",
    "afternoon",
    "week",
    "hour",
];

/// True when `text` ends with `word` in any ASCII case (compared in place, with no allocation).
fn ends_with_in_any_case(text: &str, word: &str) -> bool {
    text.len() >= word.len()
        && text.is_char_boundary(text.len() - word.len())
        && text[text.len() - word.len()..].eq_ignore_ascii_case(word)
}

/// True when `word` is one of `list`, in any case (compared in place, with no allocation).
fn one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// True when `lead` (the words before a time) ends by saying the time recurs: `daily at`,
/// `(weekly, Mon ~`, `every night at`, `each Monday at`. Only its last words count (`The
/// weekly report was late, and at 10:00 ...` is a moment).
fn names_a_schedule(lead: &str) -> bool {
    const LINKS: [&str; 4] = ["at", "around", "about", "on"];
    // Compared in place, in any case, with no allocation: this runs for every time in prose.
    let mut words = lead
        .rsplit(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | '~'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty() && !one_of(w, &LINKS));
    let Some(last) = words.next() else {
        return false;
    };
    if one_of(last, &RECURS) {
        return true;
    }
    let names_a_period = one_of(last, &PERIODS) || crate::parse::entry::weekday_of(last).is_some();
    names_a_period
        && words
            .next()
            .is_some_and(|w| one_of(w, &RECURS) || one_of(w, &["every", "each"]))
}

/// True when the words after a time (its zone and a window's end past) say it recurs: `at 6 am
/// every Monday`, `from 09:00 to 17:00 on weekdays`, `at 02:00 daily`.
fn schedule_follows(after: &str) -> bool {
    const DAYS: [&str; 4] = ["weekdays", "weekends", "workdays", "business"];
    let mut rest = past_zone(head(after, 60));
    // `from 09:00 to 17:00 on weekdays`: past the window's end.
    for join in ["to ", "until ", "- ", "– ", "and "] {
        if let Some(end) = rest.strip_prefix(join) {
            if let Some(clock) = leading_clock(end) {
                rest = past_zone(&end[clock.len..]);
            }
            break;
        }
    }
    let mut words = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ')'))
        .filter(|w| !w.is_empty());
    match (words.next(), words.next()) {
        (Some(first), _) if one_of(first, &RECURS) => true,
        // `every Monday`, `each night` (not `every request failed`).
        (Some(first), Some(second)) if one_of(first, &["every", "each"]) => {
            one_of(second, &PERIODS) || crate::parse::entry::weekday_of(second).is_some()
        }
        (Some(first), Some(second)) if first.eq_ignore_ascii_case("on") => one_of(second, &DAYS),
        _ => false,
    }
}

/// True when the words just before a time tell a habit, not a moment: `Traffic usually peaks
/// around 19:00`, `typically runs at 02:00` (not `normally`, which tells a state: `serving
/// normally again at about 21:10`).
fn tells_a_habit(lead: &str) -> bool {
    const HABITS: [&str; 4] = ["usually", "typically", "regularly", "routinely"];
    let words = lead
        .split(|c: char| !c.is_alphabetic())
        .rev()
        .filter(|w| !w.is_empty());
    // The last four words, last first (kept in place: this runs for every time in prose).
    let mut last = [""; 4];
    let mut count = 0;
    for (slot, word) in last.iter_mut().zip(words) {
        *slot = word;
        count += 1;
    }
    let last = &last[..count];
    // `the nightly job, which runs at 02:00`: what a job does every day.
    let runs = matches!(last, [at, runs, which, ..]
        if one_of(at, &["at"]) && one_of(runs, &["runs"]) && one_of(which, &["which", "that", "job"]));
    runs || last.iter().any(|w| one_of(w, &HABITS))
}

/// True when `lead` (the words before a time) ends by putting the moment just beside it:
/// `shortly after 2pm`, `just before 09:00`, `soon after 14:10`.
fn ends_near_a_moment(lead: &str) -> bool {
    // Compared in place, in any case: this runs for every time in prose.
    let ends_with = ends_with_in_any_case;
    let lead = lead.trim_end();
    let rest = match () {
        _ if ends_with(lead, "after") => &lead[..lead.len() - 5],
        _ if ends_with(lead, "before") => &lead[..lead.len() - 6],
        _ => return false,
    };
    ["shortly ", "just ", "soon ", "right ", "immediately "]
        .iter()
        .any(|word| ends_with(rest, word))
}

/// `at shortly after midnight (00:00)`, `around noon (12:05 UTC)`: a time in parentheses that
/// gives the clock reading of a moment the last few words introduced.
fn glosses_an_introduced_moment(lead: &str) -> bool {
    let Some(words) = lead.trim_end().strip_suffix('(') else {
        return false;
    };
    // `at 5:00pm PST (8:00pm EST)`: the moment was already given its time; this restates it.
    words
        .split_whitespace()
        .rev()
        .take(4)
        .take_while(|w| !w.contains(|c: char| c.is_ascii_digit()))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .any(|w| {
            TRIGGERS.contains(&w.as_str()) || matches!(w.as_str(), "midnight" | "noon" | "midday")
        })
}

/// Words of Chinese that introduce a moment, written right before its time with no space:
/// `今天13:44:35` (today), `此时是12时` (it was then), `最晚12时` (at the latest), and `约` (about:
/// `港时约 19:30`, `大约22:40`). Other one-character words are left out: `于` ends `属于`
/// ("belongs to") as well.
const CJK_TRIGGERS: &[&str] = &["今天", "此时是", "此时", "最晚", "约", "約"];

/// True when the text before a time ends with a zone's abbreviation that opens its sentence
/// or follows Chinese or Japanese words (`UTC 05:17 用户登录成功后`, `到 UTC 11:24`): the zone
/// says when, as `at` would.
fn zone_opens_clause(lead: &str) -> bool {
    let lead = lead.trim_end();
    let letters = lead
        .bytes()
        .rev()
        .take_while(u8::is_ascii_uppercase)
        .count();
    if !(2..=5).contains(&letters) {
        return false;
    }
    let (before, word) = lead.split_at(lead.len() - letters);
    zone_at_start(word).is_some_and(|zone| zone.label.len() == word.len())
        && before
            .trim_end()
            .chars()
            .last()
            .is_none_or(|c| c as u32 >= 0x2E80)
}

/// True when the text before a time ends with a Chinese word that introduces it.
fn cjk_trigger_ends(lead: &str) -> bool {
    let lead = lead.trim_end();
    !lead.is_ascii() && CJK_TRIGGERS.iter().any(|w| lead.ends_with(w))
}

/// `17h` right after a French word that says when (`vers 17h`, `depuis environ 17h`): the
/// hour on its own, which the lexer leaves alone elsewhere (`3h` is as often a duration).
fn french_bare_hour(text: &str, at: usize) -> Option<Clock> {
    const SAYS_WHEN: &[&str] = &["à", "vers", "depuis", "environ", "dès", "jusqu'à"];
    let bytes = text.as_bytes();
    let digits = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let mark = at + digits;
    let ends = !bytes.get(mark + 1).is_some_and(u8::is_ascii_alphanumeric);
    if !(1..=2).contains(&digits) || bytes.get(mark) != Some(&b'h') || !ends {
        return None;
    }
    let word = text[..at]
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()?
        .to_lowercase()
        .replace('’', "'");
    if !SAYS_WHEN.contains(&word.as_str()) {
        return None;
    }
    let time = NaiveTime::from_hms_opt(text[at..mark].parse().ok()?, 0, 0)?;
    Some(Clock {
        time,
        len: digits + 1,
    })
}

/// `between` without link targets and brackets: ` UTC](https://…) and [` is ` UTC and `.
fn without_links(between: &str) -> Cow<'_, str> {
    if !between.contains("](") {
        return Cow::Borrowed(between);
    }
    let mut words = String::with_capacity(between.len());
    let mut rest = between;
    while let Some(at) = rest.find("](") {
        words.push_str(&rest[..at]);
        rest = rest[at + 2..]
            .find(')')
            .map_or("", |close| &rest[at + 2 + close + 1..]);
    }
    words.push_str(rest);
    Cow::Owned(words.replace(['[', ']'], " "))
}

/// True when the words between a window's start and a later time join the two (`until`,
/// `to approximately`, `and`, a dash), perhaps after the start's zone: the later time ends it.
fn joins_window(between: &str) -> bool {
    const JOINS: &[&str] = &[
        "until", "till", "to", "and", "through", "-", "–", "—", "bis", "à", "et", "y", "do",
    ];
    const ROUGHLY: &[&str] = &[
        "approximately",
        "approx",
        "approx.",
        "about",
        "around",
        "~",
        "ca.",
    ];
    let mut joined = false;
    for word in between.split_whitespace() {
        let word = word.trim_matches([',', '(', ')']);
        if JOINS.contains(&word) {
            joined = true;
        } else if !(word.is_empty()
            || ROUGHLY.contains(&word)
            || (word.len() <= 5 && word.bytes().all(|b| b.is_ascii_uppercase())))
        {
            return false;
        }
    }
    joined
}

/// True when the text before a time ends with `as of` (any case) or French `mise à jour de`
/// (update of), which introduce it.
fn ends_with_as_of(lead: &str) -> bool {
    let lead = lead.trim_end();
    let ends_with = |phrase: &str| {
        lead.len()
            .checked_sub(phrase.len())
            .and_then(|start| lead.get(start..))
            .is_some_and(|tail| tail.to_lowercase() == phrase)
    };
    // French: `Mise à jour de 18h15 :` (update of), a status update's time.
    ends_with("as of") || ends_with("mise à jour de") || ends_with("mise à jour à")
}

/// `No change since the update at 9:25 a.m.`, `since our last update at`: the words before a
/// time that refer back to an earlier update, whose time they tell again (not `Since we updated
/// DNS at 15:10`, nor `Update: since 14:20`).
pub fn refers_to_an_earlier_update(lead: &str) -> bool {
    // Compared in place first: this runs for every time in prose, and almost no lead ends so.
    let trimmed = lead.trim_end();
    let Some(suffix) = ["update at", "update from"]
        .into_iter()
        .find(|suffix| ends_with_in_any_case(trimmed, suffix))
    else {
        return false;
    };
    // `since our last update at`, `since the previous update at`; `No change since the update
    // at` (not `unable to log in since the update at 13:50`, a software update's moment).
    let lower = trimmed[..trimmed.len() - suffix.len()].to_lowercase();
    let before = lower.trim_end();
    ["last", "previous", "latest"]
        .iter()
        .any(|word| before.ends_with(word) && before.contains("since"))
        || (before.ends_with("since the")
            && [
                "no change",
                "nothing has changed",
                "no further change",
                "no new information",
            ]
            .iter()
            .any(|words| before.contains(words)))
}

/// True when the words of a sentence before its time hope, estimate or plan (`We hope to be
/// fully operational around 9 am`, `the estimated time of recovery is 14:00`, `will be resolved
/// by 7:00pm CST`, `We will deploy the fix at 14:00`, `planned for February 21 at 15:00`): a
/// time looked forward to, not a moment of the incident.
fn hoped_for(lead: &str) -> bool {
    const HOPES: &[&str] = &[
        "hope",
        "estimated",
        "we expect",
        "expected to",
        "anticipate",
        // A forecast: `the issue will be resolved by 7:00pm CST`.
        "will be resolved",
        "will be restored",
        "will be fixed",
        "will be back",
        "should be resolved",
        "should be restored",
        "should be back",
        // A plan: `We will deploy the fix at 14:00`.
        "we will",
        "we plan to",
        "will take place",
        // A status page's promise: `The next update will be provided today at around 4 p.m.`,
        // `Next update at 16:00`.
        "next update will",
        "next update at",
        "next update by",
        "will be provided",
        // `(nominal time to meet was set at 4:40 a.m.)`: the plan, not what happened (not
        // `returned to nominal levels at 14:32`).
        "nominal time",
        "nominal start",
    ];
    let lower = lead.to_lowercase();
    HOPES.iter().any(|w| lower.contains(w)) || plans_the_time(&lower)
}

/// True when `lead` (in lower case) ends with a plan's words and, after them, only the day
/// and the words that lead to its time: `a review is planned for February 21 at`, `scheduled
/// for tomorrow at` (not `the maintenance scheduled for Saturday started at`).
fn plans_the_time(lead: &str) -> bool {
    const LEADS: [&str; 10] = [
        "at", "on", "the", "around", "about", "tomorrow", "next", "of", "by", "from",
    ];
    ["planned for", "scheduled for"].iter().any(|plan| {
        lead.rfind(plan).is_some_and(|at| {
            lead[at + plan.len()..]
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .all(|w| {
                    LEADS.contains(&w)
                        || w.starts_with(|c: char| c.is_ascii_digit())
                        || calendar::month_number(w.trim_end_matches('.')).is_some()
                        || crate::parse::entry::weekday_of(w).is_some()
                })
        })
    })
}

/// The start of a date that the end of the text cuts, when that is all that follows a time:
/// `on`, `on June`, `June` (a month's name), each alone up to the end of the text.
fn date_cut_at_end(after: &str) -> Option<&str> {
    let rest = after.trim();
    if rest.is_empty() {
        return None;
    }
    let month = rest.strip_prefix("on").map_or(rest, str::trim_start);
    let is_month = |word: &str| {
        word.len() >= 3
            && word.chars().all(char::is_alphabetic)
            && calendar::month_number(word).is_some()
    };
    (month.is_empty() || is_month(month.trim_end_matches(['.', ',']))).then_some(rest)
}

/// True when the words before a time name the day after the one told (`(next day, 11:33
/// AM)`, `the following day 09:10`): they introduce it as a moment of the story, where
/// `tomorrow 10am` is more often a plan.
fn names_the_next_day(lead: &str) -> bool {
    days_named_before(lead) == 1 && !lead.to_lowercase().contains("tomorrow")
}

/// `tomorrow at around 9AM`, `the day after tomorrow, about 10:00`, `yesterday at 4pm`: the
/// days a relative day word right before the time's introducing words puts it after the day
/// in force (negative: before it).
fn days_named_before(lead: &str) -> i8 {
    const FILLERS: &[&str] = &[
        "at",
        "around",
        "about",
        "approximately",
        "by",
        "~",
        "@",
        "just",
        "shortly",
        "right",
        "after",
        "om",
        "um",
    ];
    // `the following morning just after 06:00`: a part of the day after the day's word.
    const PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
    let lower = lead.to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(['(', ')', '（', '）']))
        .filter(|w| !w.is_empty())
        .collect();
    while words.last().is_some_and(|w| FILLERS.contains(w)) {
        words.pop();
    }
    if words.last().is_some_and(|w| PARTS.contains(w)) {
        words.pop();
    }
    while words.last().is_some_and(|w| FILLERS.contains(w)) {
        words.pop();
    }
    match words.as_slice() {
        [.., "after", "tomorrow"] => 2,
        [.., "tomorrow"] => 1,
        // `(next day, 11:33 AM)`, `the following day 09:10`.
        // `the following morning just after 06:00`, its part of the day read past above;
        // also `in the next 06:00 run`, which is the next day's run too.
        [.., "next" | "following", "day"] | [.., "the", "next" | "following"] => 1,
        [.., "yesterday" | "gisteren" | "gestern"] | [.., "last"] => -1,
        _ => 0,
    }
}

/// At most the first `len` bytes of `text`, cut at a character boundary.
pub fn head(text: &str, len: usize) -> &str {
    let mut end = len.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// True when `before` ends with an ISO 8601 date and the `T` that joins it to a time
/// (`2025-10-29T`).
fn iso_date_joined(before: &[u8]) -> bool {
    let Some(date) = before.strip_suffix(b"T") else {
        return false;
    };
    let Some(tail) = date
        .get(date.len().saturating_sub(10)..)
        .filter(|t| t.len() == 10)
    else {
        return false;
    };
    tail.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    })
}

/// True when the label a lead ends with (`Outage length:`, `MTTR:`, `Time to detect:`,
/// `Timestamp:`, the last four words before its colon) names a length or a time of day
/// rather than a moment.
fn label_names_a_length_or_time(lead: &str) -> bool {
    const WORDS: [&str; 18] = [
        "length",
        "duration",
        "downtime",
        "uptime",
        "elapsed",
        "total",
        "mttr",
        "mttd",
        "mtta",
        "mtti",
        "ttd",
        "ttr",
        "time",
        "timestamp",
        "hora",
        "heure",
        "zeit",
        "uhrzeit",
    ];
    let label = lead.trim_end_matches([' ', '*', '_']).trim_end_matches(':');
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let last = &words[words.len().saturating_sub(4)..];
    crate::parse::labels::names_a_length(&last.join(" "))
        || last.iter().any(|w| WORDS.contains(&w.as_str()))
}

/// Byte offsets just after each sentence end (`. `, `! `, `? `, `。`, and past citation marks
/// after the stop: `.[5][6] `), but for the dot of an abbreviation: `e.g.`, `approx.`, a
/// month's short name before a day (`Feb. 9`), and a time's `a.m.` unless a new sentence
/// clearly opens after it (see [`opens_sentence_after_time`]).
pub(crate) fn sentence_ends(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    // `logged `Service "api" is unavailable. Under pressure.` at 09:56:01`: a stop inside
    // inline code quotes a program and ends no sentence of the text's own.
    let code = code_spans(bytes);
    let mut ends: Vec<usize> = (0..bytes.len())
        .filter_map(|p| {
            if !matches!(bytes[p], b'.' | b'!' | b'?') || in_spans(&code, p) {
                return None;
            }
            // `... accessing websites.[5][6] A third attack`: an encyclopedia's citation marks
            // after the stop belong to the sentence they close.
            let end = p + 1 + citation_marks(&bytes[p + 1..]);
            let closes = end == bytes.len() || bytes[end] == b' ';
            let abbreviation = || bytes[p] == b'.' && is_abbreviation(&text[..p], &text[end..]);
            (closes && !abbreviation()).then_some(end)
        })
        .collect();
    // Chinese and Japanese end a sentence with a full-width mark and no space after it.
    if !text.is_ascii() {
        ends.extend(
            text.match_indices(['。', '！', '？'])
                .map(|(p, mark)| p + mark.len()),
        );
        ends.sort_unstable();
    }
    ends
}

/// The byte ranges inside paired backticks (inline code) of `bytes`; none when a backtick is
/// left unpaired.
fn code_spans(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let ticks: Vec<usize> = (0..bytes.len()).filter(|&p| bytes[p] == b'`').collect();
    if !ticks.len().is_multiple_of(2) {
        return Vec::new();
    }
    ticks.chunks(2).map(|pair| pair[0] + 1..pair[1]).collect()
}

/// True when `at` lies inside one of `spans` (sorted, apart from each other).
fn in_spans(spans: &[std::ops::Range<usize>], at: usize) -> bool {
    let next = spans.partition_point(|span| span.end <= at);
    spans.get(next).is_some_and(|span| span.contains(&at))
}

/// The length of the citation marks (`[5][6]`) opening `bytes`: bracketed numbers, one after
/// another.
fn citation_marks(bytes: &[u8]) -> usize {
    let mut len = 0;
    while bytes.get(len) == Some(&b'[') {
        let digits = bytes[len + 1..]
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || bytes.get(len + 1 + digits) != Some(&b']') {
            break;
        }
        len += digits + 2;
    }
    len
}

/// True when the sentence before a time (`before` ends with the time, up to its `a.m.`) told
/// words of its own before it, not only the word introducing the time (`At`, `By`, ...).
/// Only the last 80 bytes are looked at: this runs for every `a.m.` of a line.
fn told_before_time(before: &str) -> bool {
    const LEADS: [&str; 9] = [
        "at",
        "by",
        "around",
        "about",
        "approximately",
        "after",
        "until",
        "from",
        "since",
    ];
    let mut from = before.len().saturating_sub(80);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = before[from..]
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ':' | '.' | ' ' | '~'))
        .rsplit([';', '!', '?', '\n'])
        .next()
        .and_then(|tail| tail.rsplit(". ").next())
        .unwrap_or_default();
    tail.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .any(|w| !LEADS.iter().any(|lead| w.eq_ignore_ascii_case(lead)))
}

/// True when `after` (the text after a time's `a.m.` or `p.m.`) starts a new sentence: a
/// capitalised word (`A` and `I` too) in lower case after its first letter, not a zone's,
/// a month's or a day's name (`9 a.m. Pacific`, `9 a.m. London time`, `9 a.m. Monday`).
fn opens_sentence_after_time(after: &str) -> bool {
    const ZONE_WORDS: [&str; 6] = [
        "pacific", "eastern", "central", "mountain", "atlantic", "local",
    ];
    let next = after.trim_start();
    if zone_at_start(head(next, 24)).is_some() || short_us_zone(next).is_some() {
        return false;
    }
    let word: &str = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let mut letters = word.chars();
    let capital = letters.next().is_some_and(char::is_uppercase);
    capital
        && (matches!(word, "A" | "I") || letters.any(char::is_lowercase))
        && !ZONE_WORDS.iter().any(|z| word.eq_ignore_ascii_case(z))
        && calendar::month_number(word).is_none()
        && crate::parse::entry::weekday_of(word).is_none()
}

/// True when the word ending `before` is an abbreviation whose dot ends no sentence, given
/// the text `after` the dot.
fn is_abbreviation(before: &str, after: &str) -> bool {
    const DOTTED: [&str; 7] = ["a.m", "p.m", "e.g", "i.e", "approx", "ca", "vs"];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_ascii_alphabetic() && c != '.')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    // `resolved by 9:20 a.m. A second attack ...`: a capitalised word after a time's `a.m.`
    // opens the next sentence, unless it names the zone or the day (`9 a.m. EDT`, `9 a.m.
    // Pacific`, `9 a.m. Monday`), or the time opens its sentence (`10:05 a.m. Alerts
    // fired.`, `At 10:05 a.m. PagerDuty paged ...`: it is that sentence's stamp).
    if word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m") {
        return !(opens_sentence_after_time(after) && told_before_time(&before[..word_start]));
    }
    if DOTTED.iter().any(|w| word.eq_ignore_ascii_case(w)) {
        return true;
    }
    // A day (`Feb. 9,`), not a time (`1 Oct. 10:45`, where the date ends at the dot).
    let after = after.trim_start();
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    let day_follows = (1..=2).contains(&digits) && !after[digits..].starts_with([':', '.', 'h']);
    day_follows && (3..=4).contains(&word.len()) && calendar::month_number(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_given_to_a_command_in_code_is_not_a_moment() {
        let command = "Logs: `journalctl -u node --since \"13:33:20\" --until \"13:34:00\"`";
        assert!(inferred_times(command, DateContext::default()).is_empty());
        // A stamp the author marked as code is still one.
        let marked = "It was rolled out on `Apr 29 around 19:30 UTC` and resumed at `20:00 UTC`";
        let found: Vec<String> = inferred_times(marked, DateContext::default())
            .iter()
            .map(|f| f.time.format("%H:%M").to_string())
            .collect();
        assert_eq!(found, ["19:30", "20:00"]);
    }

    fn times(text: &str) -> Vec<(Option<String>, String, &str)> {
        inferred_times(text, DateContext::default())
            .into_iter()
            .map(|f| {
                (
                    f.date.map(|d| d.to_string()),
                    f.time.format("%H:%M").to_string(),
                    f.sentence,
                )
            })
            .collect()
    }

    #[test]
    fn finds_moments_in_sentences() {
        let text = "At 2017/01/31 9pm UTC, this escalated. It was resolved by 14:30 UTC, and fully operational at 17:06 UTC.";
        let got = times(text);
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[0],
            (
                Some("2017-01-31".into()),
                "21:00".into(),
                "At 2017/01/31 9pm UTC, this escalated."
            )
        );
        assert_eq!(got[1].1, "14:30");
        assert_eq!(got[2].1, "17:06");
        assert_eq!(
            got[2].2,
            "It was resolved by 14:30 UTC, and fully operational at 17:06 UTC."
        );
        let abbreviated = times(
            "On Feb. 9, at about 9:30 AM CST, e.g. the site was down (“Feb.” — 1). Then approx. 10:00 it rose.",
        );
        assert_eq!(
            abbreviated[0].2,
            "On Feb. 9, at about 9:30 AM CST, e.g. the site was down (“Feb.” — 1)."
        );
        assert_eq!(abbreviated[1].2, "Then approx. 10:00 it rose.");
        let chinese = times("大约22:40开始504，重启无效。服务器连不上。13:26重启完就好了。");
        assert_eq!(
            chinese.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(),
            ["22:40", "13:26"]
        );
        assert_eq!(chinese[1].2, "13:26重启完就好了。");
        assert_eq!(times("Update 6:14pm UTC: back online")[0].1, "18:14");
        assert_eq!(times("OUTAGE UPDATE - 04:52PM Tuesday")[0].1, "16:52");
        let on_a_weekday = times("A power cut on Monday 10 April 2023 at 5:34 am stopped us.");
        assert_eq!(on_a_weekday[0].0.as_deref(), Some("2023-04-10"));
        assert_eq!(on_a_weekday[0].1, "05:34");
        let after_comma = times("resolved @ 15:22 ICT, Sept 26 2021");
        assert_eq!(after_comma[0].0.as_deref(), Some("2021-09-26"));
        let next = inferred_times(
            "Around 3am UTC the following night it halted.",
            DateContext::default(),
        );
        assert_eq!(next[0].days_later, 1);
        // Times listed after a moment are moments; a range after `at` is one at its start.
        let listed = times("The plug crashed 4 times at 09:35, 11:25, 11:56 and 12:45.");
        let listed: Vec<&str> = listed.iter().map(|(_, time, _)| time.as_str()).collect();
        assert_eq!(listed, ["09:35", "11:25", "11:56", "12:45"]);
        assert_eq!(times("At 12:41-12:42, two monitors ran.")[0].1, "12:41");
        assert!(times("Book the 14:00-15:00 slot.").is_empty());
        // A chain of three or more times joined by arrows lists them; two are a window, and
        // versions are no times.
        assert_eq!(
            times("We rolled out at 09:00 the versions 1.27 → 1.28 → 1.29 to all nodes.").len(),
            1
        );
        assert!(times("We shipped build v 10.15 to all regions yesterday.").is_empty());
        let chained = times("The workers restarted at 09:38 → 09:50 → 09:52 under load.");
        let chained: Vec<&str> = chained.iter().map(|(_, time, _)| time.as_str()).collect();
        assert_eq!(chained, ["09:38", "09:50", "09:52"]);
        assert_eq!(
            times("The session ran at 18:15 → 23:43 on the host.").len(),
            1
        );
        // A stop inside inline code ends no sentence.
        let quoted = times("Workers logged `api is down. Retry later.` at 09:56:01 again.");
        assert_eq!(
            quoted[0].2,
            "Workers logged `api is down. Retry later.` at 09:56:01 again."
        );
        // `2022-03-21_13:34:34`: a log-style stamp, its date and time joined by `_`.
        let joined = times("One of the GPUs crashed at 2022-03-21_13:34:34 JZ time:");
        assert_eq!(
            (joined[0].0.as_deref(), joined[0].1.as_str()),
            (Some("2022-03-21"), "13:34")
        );
        // The next day named before the time introduces it; `tomorrow` alone does not.
        let fix = inferred_times(
            "Replaced with a renewing certificate (next day, 11:33 AM)",
            DateContext::default(),
        );
        assert_eq!(
            (
                fix.len(),
                fix[0].time.to_string().as_str(),
                fix[0].days_later
            ),
            (1, "11:33:00", 1)
        );
        let plan = inferred_times("Reset planned for tomorrow 10am.", DateContext::default());
        assert!(plan.is_empty(), "{plan:?}");
        let notice = inferred_times(
            "It starts at 9PM EDT today, and will be online after tomorrow at around 9AM EDT.",
            DateContext::default(),
        );
        assert_eq!((notice[0].days_later, notice[1].days_later), (0, 2));
        assert_eq!(
            inferred_times("Back tomorrow morning at 8:00.", DateContext::default())[0].days_later,
            1
        );
        let blog = inferred_times(
            "Deploys were disabled as of 18:50 UTC last night. Yesterday at 4pm it began. Only this morning, as of 08:33 UTC, did they work.",
            DateContext::default(),
        );
        let offsets: Vec<i8> = blog.iter().map(|f| f.days_later).collect();
        assert_eq!(offsets, [-1, -1, 0]);
        let wrapped = inferred_times("We shut it down at 1400UTC on", DateContext::default());
        assert_eq!(wrapped[0].time.format("%H:%M").to_string(), "14:00");
        assert_eq!(wrapped[0].date_wraps, Some("on"));
        let cut = inferred_times(
            "the rooms were purged by 08:35 UTC on June",
            DateContext::default(),
        );
        assert_eq!(cut[0].date_wraps, Some("on June"));
        assert!(inferred_times(
            "We hope to be fully operational around 9 am Tomorrow.",
            DateContext::default()
        )
        .is_empty());
        let once = inferred_times("It was purged at 08:35 UTC once", DateContext::default());
        assert_eq!(once[0].date_wraps, None);
        assert_eq!(
            times("O alarme foi acionado às 08:15 AM, e as câmeras")[0].1,
            "08:15"
        );
        let zone_then_date = times("and by 01:30 UTC June 23rd, 2020 all were back");
        assert_eq!(zone_then_date[0].0.as_deref(), Some("2020-06-23"));
        assert_eq!(
            times("**Fix deployed**: 2026-02-02 03:00 UTC (commit 5a4)")[0],
            (
                Some("2026-02-02".into()),
                "03:00".into(),
                "**Fix deployed**: 2026-02-02 03:00 UTC (commit 5a4)"
            )
        );
        // A word's colon before a time written with a colon introduces it too (`Down: 6:58AM.
        // Up: 7:37AM.`), but not a length's, a time's own label or a number without a colon.
        assert_eq!(times("Fix deployed: 03:00 UTC").len(), 1);
        assert!(times("Downtime: 1:30 in all").is_empty());
        assert!(times("Time: 15:00 PM").is_empty());
        assert!(times("Load Average: 0.02").is_empty());
        assert!(times("Outage length: 1:30 in all").is_empty());
        assert!(times("MTTR: 1:15 this quarter").is_empty());
        assert!(times("Time to detect: 0:45 overall").is_empty());
        assert_eq!(
            times("10:05 a.m. Alerts fired. Then more.")[0].2,
            "10:05 a.m. Alerts fired."
        );
    }

    #[test]
    fn chinese_words_right_before_a_time_introduce_it() {
        assert_eq!(times("之前的证书与今天13:44:35过期")[0].1, "13:44");
        assert_eq!(times("直接重启服务器，正常了，此时是12时。")[0].1, "12:00");
        assert_eq!(times("最晚12时开始，通知空白")[0].1, "12:00");
        assert!(times("证书13:44:35过期").is_empty());
        assert!(times("已有宿主转储属于 00:31，不将它们归到本事件。").is_empty());
    }

    #[test]
    fn reads_a_window_at_its_start_and_skips_numbers() {
        let starts = |text| {
            narrated_times(text, DateContext::default())
                .into_iter()
                .map(|t| t.time.format("%H:%M").to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            starts("data between 5:20pm UTC and 11:25pm UTC is lost"),
            ["17:20"]
        );
        // `till` after a moment the sentence told ends its window; alone, it tells a moment.
        assert_eq!(
            starts("The outage began at 7:30 AM UTC, which is 1 PM IST, and lasted till 7 PM IST."),
            ["07:30"]
        );
        assert_eq!(starts("The backups ran until 02:50 UTC."), ["02:50"]);
        assert_eq!(
            starts("SMS was queued from 6.18PM (JST) on July 14 to 2.00PM (JST)"),
            ["18:18"]
        );
        let dated = narrated_times(
            "SMS was queued from 6.18PM (JST) on July 14, 2019 to 2.00PM (JST)",
            DateContext::default(),
        );
        assert_eq!(
            dated[0].date.map(|d| d.to_string()).as_deref(),
            Some("2019-07-14")
        );
        assert_eq!(starts("API 中断约 3 分钟（02:07-02:10）。"), ["02:07"]);
        assert_eq!(starts("The node came back (02:10 UTC)."), ["02:10"]);
        // A time in parentheses after a time restates it.
        assert_eq!(
            starts("At 5:00pm PST (8:00pm EST) the site failed."),
            ["17:00"]
        );
        assert_eq!(
            starts("Errors began at 5:00pm (17:00) and grew."),
            ["17:00"]
        );
        // Numbers in parentheses are not times.
        assert!(starts("The pool grew (3.5 GB) overnight.").is_empty());
        // Under a timeline's entry a window restates it.
        assert!(times("data between 5:20pm UTC and 11:25pm UTC is lost").is_empty());
        assert!(times("We paged the 10:00-11:00 rotations").is_empty());
        assert!(times("version 1.20 and 3:1 ratios and 12:00x").is_empty());
        assert!(times("The 14:30 train").is_empty());
    }

    #[test]
    fn a_part_of_the_day_after_the_time_places_it() {
        let at = |text| times(text).first().map(|t| t.1.clone());
        assert_eq!(
            at("Pas rond 10 uur 's avonds was de storing voorbij."),
            Some("22:00".into())
        );
        assert_eq!(
            at("The alarm went off at 8:30 in the evening."),
            Some("20:30".into())
        );
        assert_eq!(
            at("Todo volvió a las 10:15 de la noche."),
            Some("22:15".into())
        );
        assert_eq!(
            at("It failed at 8:30 in the morning."),
            Some("08:30".into())
        );
        assert_eq!(
            at("Awaria nastąpiła o godzinie 7.35 rano."),
            Some("07:35".into())
        );
        assert_eq!(
            at("Clasamentul salvat circa orei 13:40 a rămas."),
            Some("13:40".into())
        );
        assert_eq!(
            at("There was a second spike a little after 18:00 UTC."),
            Some("18:00".into())
        );
    }

    #[test]
    fn an_ordinal_alone_after_a_time_names_its_day_of_the_month() {
        assert_eq!(day_of_month_after("8 PM UTC on the 16th. Many"), Some(16));
        assert_eq!(day_of_month_after("02:10, on the 3rd"), Some(3));
        assert_eq!(day_of_month_after("02:10 on the 16th when"), Some(16));
        assert_eq!(day_of_month_after("02:10 on the 2nd attempt"), None);
        assert_eq!(day_of_month_after("02:10 on the 32nd"), None);
        assert_eq!(day_of_month_after("02:10 on the day"), None);
    }

    #[test]
    fn a_time_in_parentheses_after_a_time_restates_it() {
        let found =
            times("On Friday, February 5 at 5:00pm PST (8:00pm EST, Saturday 01:00 UTC), we stop.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "17:00");
    }

    #[test]
    fn ends_sentences_after_a_time_and_citation_marks() {
        let text = "Back by 8:05 a.m. A second failure followed.[4][5] Senders retried at 9 a.m. EST and 10 a.m. Monday.";
        let ends = sentence_ends(text);
        let sentences: Vec<&str> = std::iter::once(0)
            .chain(ends.iter().copied())
            .zip(ends.iter().copied())
            .map(|(from, to)| text[from..to].trim())
            .collect();
        assert_eq!(
            sentences,
            [
                "Back by 8:05 a.m.",
                "A second failure followed.[4][5]",
                "Senders retried at 9 a.m. EST and 10 a.m. Monday."
            ]
        );
        // A time opening its sentence, after only the word introducing it, is its stamp; a
        // zone named in words is no new sentence.
        for one in [
            "At 10:05 a.m. PagerDuty paged the on-call engineer.",
            "We failed over at 9 a.m. London time and recovered.",
        ] {
            assert_eq!(sentence_ends(one), [one.len()], "{one}");
        }
    }

    #[test]
    fn reads_iso_stamps_joined_by_t() {
        assert_eq!(
            times("The first bounce came at 2025-10-29T19:52:10Z and then more."),
            [(
                Some("2025-10-29".into()),
                "19:52".into(),
                "The first bounce came at 2025-10-29T19:52:10Z and then more."
            )]
        );
        assert_eq!(times("Bounce timestamp: 2025-10-29T19:52:10.000Z").len(), 1);
    }

    #[test]
    fn a_signed_offset_is_a_zone_only_in_an_iso_stamp() {
        let zone = |text: &str| {
            narrated_times(text, DateContext::default())
                .first()
                .and_then(|f| f.zone.as_ref().map(|z| z.label.clone()))
        };
        assert_eq!(
            zone("Confirmed at 2025-06-12T10:30:00-04:00 by the customer.").as_deref(),
            Some("-04:00")
        );
        // A window's end is no offset of its start (`-09:30` was read as one).
        assert_eq!(zone("Down at 07:20-09:30 UTC for everyone."), None);
    }
}
