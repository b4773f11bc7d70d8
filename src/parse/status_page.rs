//! Status pages kept as Markdown (cState, Statusfy, Upptime-style sites): each update carries
//! its stamp on a line of its own, in a site generator's shortcode at the end of the update, or
//! on a `::: update Label | stamp` line. These read the stamp; the text reader places the update.

use super::calendar::{find_date_in, DateContext};
use super::clock::{hhmm, leading_clock, Clock};
use super::entry::{is_weekday, timeline_entry, Entry};
use super::infer::head;
use super::zone::{attached_offset, zone_at_start, FoundZone};

/// A line holding nothing but a date and a time, maybe wrapped by a site generator's
/// shortcode or one word: `{{< track "2020-01-01 12:00:00" >}}`, `Posted 2020-01-01 12:00 UTC`,
/// `Posted 2 months ago. Jan 16, 2021 - 22:00 PST`, `Jan 16, 22:00 PST` (a status history's,
/// its year the document's). Status pages write one under each update; it dates the paragraph
/// above it.
pub fn stamp_only(content: &str, context: DateContext) -> Option<Entry> {
    let found = find_date_in(content, context)?;
    let before = content[..found.span.start].trim_start();
    let before = before
        .get(..7)
        .filter(|head| head.eq_ignore_ascii_case("posted "))
        .map_or(before, |_| &before[7..]);
    let words_before = past_age(before)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .count();
    if words_before > 1 {
        return None;
    }
    let after = &content[found.span.end..];
    let skipped = after.len()
        - after
            .trim_start_matches([' ', 'T', ',', '-', '–', '@', '\t'])
            .len();
    let at = found.span.end + skipped;
    let clock = leading_clock(&content[at..])?;
    let end = at + clock.len;
    let (zone, end) = zone_after(content, end);
    if content[end..].chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(Entry {
        date: Some(found.date),
        time: clock.time,
        zone,
        text_at: content.len(),
        unplaced_day: None,
        label: None,
    })
}

/// `text` past an age that a status page writes before an update's stamp (`2 months ago.`,
/// `about an hour ago,`), or `text` itself.
fn past_age(text: &str) -> &str {
    let mut words = text.split_whitespace();
    let mut count = words.next();
    if count.is_some_and(|w| w.eq_ignore_ascii_case("about") || w.eq_ignore_ascii_case("over")) {
        count = words.next();
    }
    let counted = count.is_some_and(|w| {
        w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") || w.parse::<u32>().is_ok()
    });
    let unit = words.next().unwrap_or_default().to_ascii_lowercase();
    let units = ["second", "minute", "hour", "day", "week", "month", "year"];
    let is_unit = units
        .iter()
        .any(|u| unit == *u || unit.strip_suffix('s') == Some(u));
    match words.next() {
        Some(ago) if counted && is_unit && ago.trim_end_matches(['.', ',']) == "ago" => {
            let end = text.find(ago).map_or(0, |at| at + ago.len());
            &text[end..]
        }
        _ => text,
    }
}

/// The zone written right after a time that ends at `end` (`+02:00`, ` UTC`), and where the
/// zone ends (`end` when there is none).
fn zone_after(text: &str, end: usize) -> (Option<FoundZone>, usize) {
    if let Some((offset, len)) = attached_offset(&text[end..]) {
        return (
            Some(FoundZone::fixed(offset, &text[end..end + len], end)),
            end + len,
        );
    }
    let rest = text[end..].trim_start();
    match zone_at_start(head(rest, 24)) {
        Some(found) => {
            let after = end + text[end..].len() - rest.len() + found.label.len();
            (Some(found), after)
        }
        None => (None, end),
    }
}

/// A heading naming a status update and its stamp: `## Investigating 2025-01-04 9:27a`,
/// `## Resolved 2025-01-04 4:00p`. Returns the entry and the word before the stamp.
pub fn stamped_heading(content: &str, context: DateContext) -> Option<(Entry, &str)> {
    let start = content.trim_start();
    let inner = match start.starts_with('#') {
        true => markdown_heading_words(start)?,
        // `**Cirrus down Tuesday 8th September 1300 BST**`: a line all in bold heads an
        // update as a Markdown heading does, when its stamp ends it.
        // A bold label with its stamp in parentheses (`**User check (Dec 23, 14:45):**`)
        // introduces what was seen then, not an update.
        false => {
            let inner = super::markup::wholly_bold(start)?;
            return trailing_stamp(inner, context).filter(|(_, label)| !label.ends_with('('));
        }
    };
    // `### {{< htrack "2020-07-21T16:30:00+08:00" >}}`: the update's text is under it.
    if inner.starts_with("{{") {
        return leading_shortcode_stamp_only(inner, context).map(|entry| (entry, ""));
    }
    leading_stamp(inner, context)
        .or_else(|| {
            trailing_stamp(inner, context)
                .map(|(entry, label)| (entry, label.trim_end_matches(['(', ' '])))
        })
        .or_else(|| label_then_stamp(inner, context))
        .or_else(|| dated_stamp_in_parentheses(inner, context))
        .filter(|(_, label)| !names_a_snapshot(label))
        // A numbered step is a moment whatever its title says (`Step 9: … – Current OTA
        // investigation`).
        .or_else(|| numbered_step_then_stamp(inner, context))
}

/// `Initial Detection (10/28 13:37)`, `Early Triage (10/28 13:37 – 10/29 02:00)`: a heading's
/// words, then a day and time in parentheses, or a window between two (the entry is at its
/// start). The day may leave out its year (the document's is used).
fn dated_stamp_in_parentheses(inner: &str, context: DateContext) -> Option<(Entry, &str)> {
    let open = inner.strip_suffix(')')?.rfind('(')?;
    let label = inner[..open].trim_end();
    if !label.chars().any(char::is_alphabetic) {
        return None;
    }
    let inside = inner[open + 1..inner.len() - 1].trim();
    let whole = |stamp: &str| {
        timeline_entry(stamp, context).filter(|entry| entry.text_at >= stamp.trim_end().len())
    };
    // A window: its end must read as a stamp too.
    let start = ["–", "—", " - "]
        .iter()
        .find_map(|dash| inside.split_once(dash))
        .filter(|(_, end)| whole(end.trim()).is_some())
        .map_or(inside, |(start, _)| start.trim());
    let entry = whole(start).filter(|entry| entry.date.is_some())?;
    Some((
        Entry {
            text_at: inner.len(),
            ..entry
        },
        label,
    ))
}

/// `#### UPDATE 15:44 CET 18/11/2025:`: a word or two, then a time with its day after it,
/// and nothing more; or an update's label, its time and its text (`## Adenda 10:55 — text`).
/// Returns the entry and the words (for an update with its text, the text).
fn label_then_stamp(inner: &str, context: DateContext) -> Option<(Entry, &str)> {
    let words = inner
        .find(|c: char| c.is_ascii_digit())
        .filter(|&at| at > 0)?;
    let label = inner[..words].trim_end_matches([' ', ':', '-', '–', '—']);
    if label.is_empty()
        || (label.split(' ').count() > 2 && !is_update_label(label))
        || !label.chars().all(|c| c.is_alphabetic() || c == ' ')
    {
        return None;
    }
    let stamp = inner[words..].trim_end().trim_end_matches(':');
    let entry = timeline_entry(stamp, context)?;
    let whole = entry.date.is_some() && entry.text_at >= stamp.len();
    let text = &inner[(words + entry.text_at).min(inner.len())..];
    let heading = Entry {
        text_at: inner.len(),
        ..entry
    };
    // `## Adenda 10:55 — rescates desde /proc`: an update's label may have its text after.
    if is_update_label(label) && !whole && text.chars().any(char::is_alphabetic) {
        return Some((heading, text));
    }
    whole.then_some((heading, label))
}

/// `### Step 9: 2025-10-24 21:53 MDT – Current OTA investigation`: a word or two and a number
/// naming a step, a colon, then a stamp and the step's title after a dash. Returns the entry
/// and the title.
fn numbered_step_then_stamp(inner: &str, context: DateContext) -> Option<(Entry, &str)> {
    let (step, rest) = inner.split_once(':')?;
    let (words, number) = step.trim_end().rsplit_once(' ')?;
    let words = words.trim();
    if number.is_empty()
        || number.len() > 3
        || !number.bytes().all(|b| b.is_ascii_digit())
        || words.is_empty()
        || words.split(' ').count() > 2
        || !words.chars().all(|c| c.is_alphabetic() || c == ' ')
    {
        return None;
    }
    let stamp = rest.trim_start();
    if !stamp.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let entry = timeline_entry(stamp, context)?;
    let title = stamp[entry.text_at.min(stamp.len())..].trim();
    // The stamp, a dash (which `timeline_entry` passes over), then words.
    let dashed = stamp[..entry.text_at.min(stamp.len())]
        .trim_end()
        .ends_with(['–', '—', '-']);
    if !dashed || !title.chars().any(char::is_alphabetic) {
        return None;
    }
    let heading = Entry {
        text_at: inner.len(),
        ..entry
    };
    Some((heading, title))
}

/// The words of a Markdown heading (`### **Phase 1** …`), without its marks and the emphasis
/// around them; `None` unless `line` is one (`#hashtag` is not).
fn markdown_heading_words(line: &str) -> Option<&str> {
    let inner = line.strip_prefix('#')?.trim_start_matches('#');
    inner
        .starts_with([' ', '\t'])
        .then(|| inner.trim().trim_matches(['*', '_']))
}

/// True when a heading's words name the state of things when it was written (`Current State
/// (Dec 4, 11:27am HKT)`, `Monitoreo Actual - 2025-10-07 15:19:04 UTC`): a snapshot, not a
/// moment of the incident.
pub(crate) fn names_a_snapshot(label: &str) -> bool {
    const WORDS: [&str; 6] = [
        "current",
        "actual",
        "atual",
        "actuel",
        "actuelle",
        "aktueller",
    ];
    label
        .split(|c: char| !c.is_alphabetic())
        .any(|word| WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)))
}

/// A Markdown heading naming a part of the incident with its time in parentheses at the end:
/// `### Phase 1: Rolling restart (07:47–07:54 UTC)`, `### Phase 7: Quota hits (~12:35 PM,
/// 4:35 PM)`, `## Outage (08:45 + 09:44 UTC)`, and with a short tail after a dash, `### Phase
/// 3: Node drop (07:00) — Status: RED`. Returns an entry per moment listed (a zone
/// written on the last applies to those without one) and the words before the parentheses,
/// or the words with the parenthesis when a stamp in it carries a remark after a dash
/// (`(11:30:38 CET - after 5 sec wait)`); `None` when the parentheses hold anything but
/// stamps (`(3 of 5)`, `(11:01 - Present)`), or for a snapshot.
pub fn timed_part_heading(content: &str, context: DateContext) -> Option<(Vec<Entry>, &str)> {
    let inner = markdown_heading_words(content.trim_start())?;
    // `### Phase 3: Node drop (07:00) — Status: RED`: a short tail after a dash, with no
    // number in it, may follow the parenthesis.
    let close = inner.rfind(')')?;
    let tail = inner[close + 1..].trim();
    let short_tail = tail.starts_with(['—', '–', '-', '|'])
        && tail.split_whitespace().count() <= 6
        && !tail.contains(|c: char| c.is_ascii_digit());
    if !tail.is_empty() && !short_tail {
        return None;
    }
    let open = inner[..close].rfind('(')?;
    let label = inner[..open].trim_end();
    let inside = &inner[open + 1..close];
    if !label.chars().any(char::is_alphabetic) || names_a_snapshot(label) {
        return None;
    }
    let mut entries = Vec::new();
    let mut any_remark = false;
    // `(19:47+)`: from then on.
    let inside = inside.trim_end().strip_suffix('+').unwrap_or(inside);
    for part in inside.split([',', '+', '&']) {
        let stamp = part.trim().trim_start_matches('~');
        if !stamp.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let entry = timeline_entry(stamp, context)?;
        // Nothing but the stamp: `(3 of 5)` is no time; a remark of two words or more after a
        // dash may follow it (`(11:30:38 CET - after 5 sec wait)`, not `(11:01 - Present)`).
        let remark = stamp[entry.text_at..].trim_start();
        let dashed = stamp[..entry.text_at].trim_end().ends_with(['-', '–', '—']);
        let remarked = dashed
            && remark.chars().next().is_some_and(char::is_alphabetic)
            && remark.split_whitespace().count() >= 2;
        (entry.text_at == stamp.len() || remarked).then_some(())?;
        any_remark |= remarked;
        entries.push(Entry {
            text_at: inner.len(),
            ..entry
        });
    }
    let last_zone = entries.last().and_then(|e| e.zone.clone());
    for entry in &mut entries {
        if entry.zone.is_none() {
            entry.zone.clone_from(&last_zone);
        }
    }
    // A remark stays with the words: the parenthesis is kept whole.
    let label = match any_remark {
        true => &inner[..=close],
        false => label,
    };
    Some((entries, label))
}

/// A heading whose words end with its stamp: `Cirrus down Tuesday 8th September 1300 BST`,
/// `Network issue 14 September 2020 12:00 UTC`. The stamp is a date (its year may be left out:
/// the entry then has the document's year, or no date when the document names none), a time
/// (`HHMM` too, right after the date), maybe a zone, and nothing after it. Returns the entry
/// and the words before the stamp (a day of the week before the date set aside).
fn trailing_stamp(inner: &str, context: DateContext) -> Option<(Entry, &str)> {
    let bytes = inner.as_bytes();
    // The time: one of the last words that reads as one (`12:00`, `1:00 PM`, `1200`).
    let (time_at, clock) = (1..bytes.len())
        .rev()
        .filter(|&i| bytes[i].is_ascii_digit() && bytes[i - 1] == b' ')
        .take(3)
        .find_map(|i| Some((i, clock_or_hhmm(&inner[i..])?)))?;
    let mut end = time_at + clock.len;
    // A range (`7:30am-9am`, `10:00 – 11:15`) is one entry at its start.
    let dash = inner[end..].trim_start_matches(' ');
    if let Some(rest) = dash.strip_prefix(['-', '–']) {
        let rest = rest.trim_start_matches(' ');
        if let Some(until) = leading_clock(rest) {
            end = inner.len() - rest.len() + until.len;
        }
    }
    let (zone, end) = zone_after(inner, end);
    if inner[end..].chars().any(char::is_alphanumeric) {
        return None;
    }
    // The date: the last one written, ending right before the time.
    let before = inner[..time_at].trim_end_matches([' ', ',', '@', '-', '–']);
    let probe = DateContext {
        year: Some(context.year.unwrap_or(2000)),
        ..context
    };
    let mut last = None;
    let mut from = 0;
    while let Some(found) = find_date_in(&before[from..], probe) {
        let span = from + found.span.start..from + found.span.end;
        from = span.end;
        last = Some((found, span));
    }
    let (found, span) = last?;
    if span.end != before.len() {
        return None;
    }
    let date = (found.has_year || context.year.is_some()).then_some(found.date);
    let mut label = before[..span.start].trim_end_matches([' ', ',', '-', '–', ':', '|']);
    if let Some((rest, word)) = label.rsplit_once(' ') {
        if is_weekday(word.trim_end_matches([',', '.'])) {
            label = rest.trim_end_matches([' ', ',', '-', '–', ':', '|']);
        }
    }
    if !label.chars().any(char::is_alphabetic) {
        return None;
    }
    // A day the entry cannot be given (no year anywhere) stays in its text, as written.
    if date.is_none() {
        label = before;
    }
    Some((
        Entry {
            date,
            time: clock.time,
            zone,
            text_at: inner.len(),
            unplaced_day: None,
            label: None,
        },
        label.trim_start(),
    ))
}

/// A time at the start of `text`, or four digits `HHMM` with a zone after them (`1300 BST`),
/// as a stamp writes them right after its date. Four digits alone are a year as often
/// (`### Thur 3 Nov 2016`).
fn clock_or_hhmm(text: &str) -> Option<Clock> {
    leading_clock(text).or_else(|| {
        let run = text.bytes().take_while(u8::is_ascii_digit).count();
        let zoned = text[run..]
            .strip_prefix(' ')
            .and_then(|rest| zone_at_start(head(rest, 24)))
            .is_some();
        (run == 4 && zoned)
            .then(|| hhmm(text.as_bytes()))
            .flatten()
            .map(|time| Clock { time, len: 4 })
    })
}

/// The stamp right after the heading's first word, or in parentheses at its end:
/// `Investigating 2025-01-04 9:27a`, `Post #1 by @alice (2017-10-17 15:47 UTC)`.
fn leading_stamp(inner: &str, context: DateContext) -> Option<(Entry, &str)> {
    let found = find_date_in(inner, context)?;
    // `## Post #1 by @alice (2017-10-17 15:47 UTC)`: a forum post's heading names its author
    // in any number of words, its stamp in parentheses at the end.
    let in_parentheses =
        inner[..found.span.start].trim_end().ends_with('(') && inner.trim_end().ends_with(')');
    let entry = match in_parentheses {
        true => stamp_only(inner[found.span.start..].trim_end_matches(')'), context)?,
        false => stamp_only(inner, context)?,
    };
    let label =
        inner[..found.span.start].trim_end_matches([' ', '-', '–', '—', ':', '|', '*', '_', '(']);
    label
        .chars()
        .any(char::is_alphabetic)
        .then_some((entry, label.trim()))
}

/// A status page's update whose stamp sits in a site generator's shortcode at the end of the
/// line: `*Identified* - Power is back. {{< track "2023-06-29 19:59:10" >}}`. Returns the entry
/// and the text before the shortcode.
pub fn shortcode_stamp(content: &str, context: DateContext) -> Option<(Entry, &str)> {
    // Read for every line of prose: the closing braces rule out most lines at once.
    if !content.trim_end().ends_with("}}") {
        return None;
    }
    let open = content.rfind("{{<").or_else(|| content.rfind("{{%"))?;
    let inside = &content[open + 3..];
    let (entry, close) = shortcode_inside(inside, context)?;
    let before = content[..open].trim_end();
    // `### {{< htrack "…" >}}` is a heading that is only a stamp: `stamped_heading` reads it.
    if !inside[close + 3..].trim().is_empty()
        || (before.starts_with('#') && before.trim_start_matches('#').is_empty())
    {
        return None;
    }
    Some((entry, before))
}

/// A wiki talk page's signature ending a post: `… [User](…) 13:15, 11 April 2023 (UTC)`
/// (MediaWiki's `~~~~`: the author's link, the time, a comma, the day with its year, the
/// zone in brackets).
/// Noticeboards and talk pages date each post this way. Returns the entry and the text
/// before the stamp.
pub fn signature_stamp(content: &str, context: DateContext) -> Option<(Entry, &str)> {
    let trimmed = content.trim_end();
    // Read for every line of prose: the closing bracket rules out most lines at once.
    let inside = trimmed.strip_suffix(')')?;
    let open = inside.rfind('(')?;
    let zone_text = &inside[open + 1..];
    if !(2..=5).contains(&zone_text.len()) || !zone_text.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let mut zone = zone_at_start(zone_text).filter(|z| z.label.len() == zone_text.len())?;
    zone.at += open + 1;
    let head = inside[..open].trim_end();
    let comma = head.rfind(", ")?;
    let day_text = &head[comma + 2..];
    let day =
        find_date_in(day_text, context).filter(|d| d.has_year && d.span == (0..day_text.len()))?;
    let before = &head[..comma];
    let clock_at = before.len().checked_sub(5)?;
    let clock = before
        .get(clock_at..)
        .and_then(leading_clock)
        .filter(|c| c.len == 5)?;
    let text = &before[..clock_at];
    // Signed: the author's link (`[User](…)`, `([talk](…))`, `[[User:X|X]]`) right before the
    // stamp; `Start: 13:15, 11 April 2023 (UTC)` or `restored at 13:15, …` is no post.
    let signed = text.ends_with(char::is_whitespace) && text.trim_end().ends_with([')', ']']);
    if !signed {
        return None;
    }
    let entry = Entry {
        date: Some(day.date),
        time: clock.time,
        zone: Some(zone),
        text_at: content.len(),
        unplaced_day: None,
        label: None,
    };
    Some((entry, text.trim_end()))
}

/// The stamp quoted in a shortcode whose opening `{{<` or `{{%` is just before `inside`
/// (`track "2023-06-29 19:59:10" >}}…`), and where its closing `>}}` or `%}}` starts.
fn shortcode_inside(inside: &str, context: DateContext) -> Option<(Entry, usize)> {
    let close = inside.find(">}}").or_else(|| inside.find("%}}"))?;
    let quoted = inside[..close].split('"').nth(1)?;
    Some((stamp_only(quoted, context)?, close))
}

/// A status page's update that opens with its stamp in a site generator's shortcode:
/// `{{< track "2020-01-19T11:29:00.000Z" >}}The symptom is ...`. Returns the entry and where
/// its text starts.
pub fn leading_shortcode_stamp(content: &str, context: DateContext) -> Option<(Entry, usize)> {
    let (entry, text_at) = opening_shortcode(content, context)?;
    content[text_at..]
        .chars()
        .any(char::is_alphanumeric)
        .then_some((entry, text_at))
}

/// A shortcode holding a stamp and nothing after it: `{{< htrack "2020-07-21T16:30:00Z" >}}`.
fn leading_shortcode_stamp_only(content: &str, context: DateContext) -> Option<Entry> {
    let (entry, text_at) = opening_shortcode(content, context)?;
    content[text_at..].trim().is_empty().then_some(entry)
}

/// The stamp of a shortcode that opens `content`, and where what follows it starts.
fn opening_shortcode(content: &str, context: DateContext) -> Option<(Entry, usize)> {
    let inside = content
        .strip_prefix("{{<")
        .or_else(|| content.strip_prefix("{{%"))?;
    let (entry, close) = shortcode_inside(inside, context)?;
    Some((entry, 3 + close + 3))
}

/// The opening line of a Statusfy update block, `::: update Resolved | 2020-08-31T13:36:00Z`:
/// the entry and its label.
pub fn update_block(content: &str, context: DateContext) -> Option<(Entry, &str)> {
    let rest = content.strip_prefix(":::")?.trim_start();
    let rest = rest.strip_prefix("update").unwrap_or(rest).trim_start();
    let (label, stamp) = rest.rsplit_once('|')?;
    let entry = stamp_only(stamp.trim(), context)?;
    Some((entry, label.trim()))
}

/// The labels a status update may open with (in any case).
const UPDATE_LABELS: [&str; 17] = [
    "update",
    "status update",
    "addendum",
    "adenda",
    "nachtrag",
    "actualización",
    "atualização",
    "mise à jour",
    "edit",
    "investigating",
    "identified",
    "monitoring",
    "recovering",
    "mitigated",
    "resolved",
    "completed",
    "postmortem",
];

/// The length in bytes of the longest of [`UPDATE_LABELS`]: a longer run of words is no label.
pub const LONGEST_UPDATE_LABEL: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < UPDATE_LABELS.len() {
        if UPDATE_LABELS[i].len() > longest {
            longest = UPDATE_LABELS[i].len();
        }
        i += 1;
    }
    longest
};

/// The labels of a status page's updates (`Update:`, `Resolved:`), which a stamp may follow.
pub fn is_update_label(label: &str) -> bool {
    let label = label.trim_matches(['*', '_', ' ']);
    UPDATE_LABELS.iter().any(|l| label.eq_ignore_ascii_case(l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_needs_its_authors_link() {
        let context = DateContext::default();
        let signed = "Uploads work again. [Sam](https://wiki.example.org/wiki/User:Sam) 13:15, 11 April 2023 (UTC)";
        let (entry, text) = signature_stamp(signed, context).unwrap();
        assert_eq!(
            entry.date.map(|d| d.to_string()).as_deref(),
            Some("2023-04-11")
        );
        assert_eq!(entry.time.to_string(), "13:15:00");
        assert_eq!(
            text,
            "Uploads work again. [Sam](https://wiki.example.org/wiki/User:Sam)"
        );
        assert!(signature_stamp("Start: 13:15, 11 April 2023 (UTC)", context).is_none());
        assert!(signature_stamp(
            "Service was restored at 13:15, 11 April 2023 (UTC)",
            context
        )
        .is_none());
    }
}
