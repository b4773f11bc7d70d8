//! Status pages kept as Markdown (cState, Statusfy, Upptime-style sites): each update carries
//! its stamp on a line of its own, in a site generator's shortcode at the end of the update, or
//! on a `::: update Label | stamp` line. These read the stamp; the text reader places the update.

use super::calendar::{find_date_in, DateContext};
use super::clock::leading_clock;
use super::entry::Entry;
use super::infer::head;
use super::zone::{attached_offset, zone_at_start, FoundZone};

/// A line holding nothing but a full date and a time, maybe wrapped by a site generator's
/// shortcode or one word: `{{< track "2020-01-01 12:00:00" >}}`, `Posted 2020-01-01 12:00 UTC`.
/// Status pages write one under each update; it dates the paragraph above it.
pub fn stamp_only(content: &str, context: DateContext) -> Option<Entry> {
    let found = find_date_in(content, context).filter(|d| d.has_year)?;
    let words_before = content[..found.span.start]
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
    let mut end = at + clock.len;
    let mut zone = None;
    if let Some((offset, len)) = attached_offset(&content[end..]) {
        zone = Some(FoundZone::fixed(offset, &content[end..end + len], end));
        end += len;
    } else if let Some(found) = zone_at_start(head(content[end..].trim_start(), 24)) {
        end += content[end..].len() - content[end..].trim_start().len() + found.label.len();
        zone = Some(found);
    }
    if content[end..].chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(Entry {
        date: Some(found.date),
        time: clock.time,
        zone,
        text_at: content.len(),
    })
}

/// A heading naming a status update and its stamp: `## Investigating 2025-01-04 9:27a`,
/// `## Resolved 2025-01-04 4:00p`. Returns the entry and the word before the stamp.
pub fn stamped_heading(content: &str, context: DateContext) -> Option<(Entry, &str)> {
    let inner = content.trim_start().strip_prefix('#')?;
    let inner = inner.trim_start_matches('#');
    if !inner.starts_with([' ', '\t']) {
        return None;
    }
    let inner = inner.trim().trim_matches(['*', '_']);
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
    let close = inside.find(">}}").or_else(|| inside.find("%}}"))?;
    if !inside[close + 3..].trim().is_empty() {
        return None;
    }
    let quoted = inside[..close].split('"').nth(1)?;
    let entry = stamp_only(quoted, context)?;
    Some((entry, content[..open].trim_end()))
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
