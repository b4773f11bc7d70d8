//! Questions the reader asks about the lines around a line: the headings above and below it,
//! whether entries follow, whether it heads a part with no times, restates entries above or
//! reads as a log.

use super::*;

impl Reader<'_> {
    /// True when the next line with text after `index` is a timeline entry (`14:30 UTC - ...`).
    pub(super) fn next_text_is_entry(&self, index: usize) -> bool {
        self.lines[index + 1..]
            .iter()
            .find(|line| !line.text.trim().is_empty())
            .is_some_and(|line| {
                timeline_entry(strip_list_marker(&line.text).0, self.context).is_some()
            })
    }

    /// True when a line outside the timeline is part of a log rather than prose: under a
    /// heading that opens by naming a log or output (`## Logs`, `### Log excerpt`), or indented as a
    /// Markdown code block (four spaces or a tab, not a list item's).
    pub(super) fn reads_as_log(&self, index: usize, target: Target, is_item: bool) -> bool {
        // (An indented `<div>` inside a block of HTML is HTML, not code.)
        let indented = {
            let raw = self.lines[index].raw;
            (raw.starts_with('\t') || raw.starts_with("    ")) && !raw.trim_start().starts_with('<')
        };
        if indented && !is_item {
            return true;
        }
        let Target::Other(section) = target else {
            return false;
        };
        self.incident
            .other_sections
            .get(section)
            .is_some_and(|s| names_a_log(&s.title))
    }

    /// True when the Markdown heading at `index` sits under the timeline's heading (deeper
    /// than it, none as high between) while a label had left the timeline after its entries,
    /// and entries follow it.
    pub(super) fn returns_to_timeline_part(&self, index: usize) -> bool {
        let left = self.open_part.is_none_or(|part| part.level.is_none());
        // Only a timeline that gave entries already is gone back into: a document whose
        // `# Updates` title names a timeline it never writes is not one.
        let read = !self.incident.timeline.is_empty();
        let open = self.under_timeline_heading.and_then(|part| part.level);
        left && read && self.heading_deeper_than(index, open) && self.entries_follow(index)
    }

    /// True when the line at `index` is a Markdown heading deeper than level `open`.
    pub(super) fn heading_deeper_than(&self, index: usize, open: Option<usize>) -> bool {
        heading_level(&self.lines[index].text)
            .zip(open)
            .is_some_and(|(level, open)| level > open)
    }

    /// True when entries follow the heading at `index`: the next text, or a line opening with
    /// a stamp (an item, a paragraph, a table row) before the next heading.
    pub(super) fn entries_follow(&self, index: usize) -> bool {
        self.next_text_is_entry(index) || self.items_with_stamps_under(index)
    }

    /// True when a line under the heading at `index`, before the next heading (within 40
    /// lines) and outside code, opens with a stamp (a table row, in one of its cells): `###
    /// Pre-incident behavior`, a paragraph, then `- **2026-02-10 22:51:59 UTC** ...` items is
    /// a part of the timeline too, as is `### Phase 1 (Nov 9-26)` over a table of days whose
    /// one row writes a time, and `### Cascade`, a paragraph, then `At 12:33:16 the ...`.
    fn items_with_stamps_under(&self, index: usize) -> bool {
        let mut fenced = false;
        self.lines[index + 1..]
            .iter()
            .take(40)
            .take_while(|line| heading_level(&line.text).is_none())
            .any(|line| {
                if is_fence(&line.text) {
                    fenced = !fenced;
                }
                // Code (fenced or indented four spaces) and quotes are no entries.
                let text = &line.text;
                if fenced || text.starts_with("    ") || text.trim_start().starts_with('>') {
                    return false;
                }
                let (content, _, _) = strip_list_marker(text);
                let stamped = |cell: &str| timeline_entry(cell.trim(), self.context).is_some();
                match table::is_row(text) {
                    true => table::cells(text).iter().any(|(_, cell)| stamped(cell)),
                    false => stamped(content),
                }
            })
    }

    /// The Markdown level of the open timeline's heading (`None` outside a timeline, or when
    /// its heading is a label).
    pub(super) fn timeline_heading_level(&self) -> Option<usize> {
        self.open_part
            .filter(|part| part.target == Target::Timeline)
            .and_then(|part| part.level)
    }

    /// True when the Markdown heading at `index`, deeper than the timeline's, is followed by a
    /// sibling heading that names its time (`### Critical incident (16:15)`): one untimed part
    /// of a timeline told in timed parts. Code fences between are skipped.
    pub(super) fn heads_untimed_part(&self, index: usize) -> bool {
        let Some(level) = heading_level(&self.lines[index].text) else {
            return false;
        };
        if level <= self.timeline_heading_level().unwrap_or(0) {
            return false;
        }
        let next = headings_outside_fences(self.lines[index + 1..].iter()).next();
        next.is_some_and(|(next_level, text)| {
            next_level == level
                && (timeline_entry(text, self.context).is_some()
                    || stamped_heading(text, self.context).is_some()
                    || timed_part_heading(text, self.context).is_some())
        })
    }

    /// True when the Markdown heading at `index` names its time in parentheses and so does the
    /// nearest heading as high as it or higher, next or before (`### 1. Immediate
    /// Actions (20:21 UTC)`, then `### 2. Automated Cleanup (20:23 UTC)` under `## Resolution
    /// Steps`): a run of timed parts is a timeline wherever it is, and its last part stays in
    /// it when a bold label (`**Impact:**`) under the part before had left the timeline. One
    /// such heading alone (`### Nightly backup (02:00 UTC)`) is not.
    pub(super) fn opens_run_of_timed_parts(&self, index: usize) -> bool {
        let timed = |text: &str| timed_part_heading(text, self.context).is_some();
        let Some(level) = heading_level(&self.lines[index].text) else {
            return false;
        };
        if !timed(&self.lines[index].text) {
            return false;
        }
        let after = nearest_heading_as_high(self.lines[index + 1..].iter(), level);
        let before = nearest_heading_as_high(self.lines[..index].iter().rev(), level);
        after.is_some_and(timed) || before.is_some_and(timed)
    }

    /// True when the next heading after the Markdown heading at `index` is deeper and opens
    /// with a stamp at the time (to the minute) of the first of `entries`, or the first list
    /// item right under it does.
    pub(super) fn first_entry_below_restates(&self, index: usize, entries: &[Entry]) -> bool {
        let (Some(level), Some(first)) = (heading_level(&self.lines[index].text), entries.first())
        else {
            return false;
        };
        let minute = |time: NaiveTime| (time.hour(), time.minute());
        let at_its_time = |words: &str| {
            timeline_entry(words, self.context)
                .is_some_and(|entry| minute(entry.time) == minute(first.time))
        };
        // `### Phase 2: Float stuck (6:35 AM)` over `- **06:35** - Pump starts`: the first
        // item under it opens at its time.
        let first_item = self.lines[index + 1..]
            .iter()
            .map(|line| line.text.as_ref())
            .find(|text| !text.trim().is_empty())
            .map(strip_list_marker)
            .filter(|&(_, _, is_item)| is_item);
        // (`- **Crashes**: resets at 06:10, …`: the item's first moment, as the timeline
        // reads it.)
        let item_opens_at_its_time = |content: &str| {
            at_its_time(content)
                || inferred_times(content, self.context)
                    .first()
                    .is_some_and(|moment| minute(moment.time) == minute(first.time))
        };
        if first_item.is_some_and(|(content, _, _)| item_opens_at_its_time(content)) {
            return true;
        }
        headings_outside_fences(self.lines[index + 1..].iter())
            .next()
            .is_some_and(|(below, text)| {
                below > level && at_its_time(text.trim_start_matches('#').trim())
            })
    }

    /// The line of the first entry that the Markdown heading at `index` (`content`) tells
    /// again, when every time it names repeats, to the minute (and second) and on the same
    /// day, an entry listed above the first of the heading's run of parts (the first heading
    /// as high under the same parent) in a line that is no heading (not one found in prose):
    /// `### Étape 1 : Isolation (13:05)` in a later section, after a chronology table's
    /// `| **13:05** | ... |`; or a row of a table in a later section (`### 1. Detection
    /// (…05:10Z)` over a step, then the chronology's `| 05:10Z | … |`). Headings at the same
    /// minute are a run of moments of their own.
    pub(super) fn restates_entries_above(&self, index: usize, content: &str) -> Option<u32> {
        // Under a day's heading (`## Oct. 22, 2018` > `### 3:59 p.m.`, not the title's) a
        // heading is that day's own record, even where an update above told it first.
        let level = heading_level(&self.lines[index].text)?;
        let under_a_day = self
            .heading_dates
            .iter()
            .any(|&(open, day)| day.is_some() && open > 1 && open < level);
        if under_a_day || self.outline_day().is_some() {
            return None;
        }
        let entries = match timeline_entry(content, self.context) {
            Some(entry) => vec![entry],
            None => match stamped_heading(content, self.context) {
                Some((entry, _)) => vec![entry],
                None => timed_part_heading(content, self.context)?.0,
            },
        };
        // Above the first heading as high as this one under the same parent: the run of
        // parts this heading belongs to tells the story again from there.
        let parent = self.heading_above(index, level.saturating_sub(1));
        let part = ((parent.map_or(0, |p| p + 1))..=index)
            .find(|&at| heading_level(scan::trim_start(&self.lines[at].text)) == Some(level))?;
        // The same minute, and the same second where both write one.
        let written_seconds = |t: NaiveTime| t.second() != 0 || t.nanosecond() != 0;
        let same_time = |a: NaiveTime, b: NaiveTime| {
            (a.hour(), a.minute()) == (b.hour(), b.minute())
                && (a == b || !written_seconds(a) || !written_seconds(b))
        };
        let restated = |entry: &Entry| {
            self.incident
                .timeline
                .iter()
                .zip(&self.raw_events)
                .find(|(event, raw)| {
                    !event.inferred
                        && raw.line_index < part
                        && heading_level(scan::trim_start(&self.lines[raw.line_index].text))
                            .is_none()
                        && same_time(raw.time, entry.time)
                        && entry.date.zip(raw.date).is_none_or(|(a, b)| a == b)
                })
                .map(|(_, raw)| raw.line)
        };
        // `### 1. Detection (2025-10-08T05:10Z)` over a step, the chronology's table in a
        // later section (`| 05:10Z | Issue detected |`): a row of a table past the next
        // heading higher than this one, its first cell a stamp. (Rows under the heading are
        // its part's own.)
        let later_section = self.heading_below(index, level.saturating_sub(1));
        let restated_below = |entry: &Entry| {
            let after = self.lines.iter().enumerate().skip(later_section? + 1);
            lines_outside_fences(after.take(LOOK_AHEAD_FOR_ROWS))
                .find(|&(_, text)| {
                    table::is_row(text)
                        && table::cells(text).first().is_some_and(|(_, cell)| {
                            let cell = cell.trim_matches(['*', '_', '`', ' ']);
                            timeline_entry(cell, self.context).is_some_and(|row| {
                                same_time(row.time, entry.time)
                                    && entry.date.zip(row.date).is_none_or(|(a, b)| a == b)
                            })
                        })
                })
                .map(|(at, _)| self.lines[at].number)
        };
        let lines: Option<Vec<u32>> = entries
            .iter()
            .map(|entry| restated(entry).or_else(|| restated_below(entry)))
            .collect();
        lines?.first().copied()
    }

    /// The index of the next Markdown heading below `index` as high as `level` or higher,
    /// those inside code fences left out.
    fn heading_below(&self, index: usize, level: usize) -> Option<usize> {
        lines_outside_fences(self.lines.iter().enumerate().skip(index + 1))
            .find(|&(_, text)| heading_level(text).is_some_and(|l| l <= level))
            .map(|(at, _)| at)
    }

    /// The index of the nearest Markdown heading above `index` as high as `level` or higher,
    /// those inside code fences left out.
    fn heading_above(&self, index: usize, level: usize) -> Option<usize> {
        lines_outside_fences(self.lines[..index].iter().enumerate().rev())
            .find(|&(_, text)| heading_level(text).is_some_and(|l| l <= level))
            .map(|(at, _)| at)
    }
}
