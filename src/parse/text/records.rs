//! Headed records that give their time in a field: a heading naming a step, its first line a
//! `Time:` field (`### Action 1: Token removal` over `- **Time:** 11:23 UTC`, then more
//! `**Action:**`/`**Status:**` fields). Each record is an entry at that time, named by its
//! heading. Under a timeline heading one record is enough; elsewhere a run of two or more
//! sibling records is the evidence that they tell the story step by step.

use super::*;

impl Reader<'_> {
    /// Reads a `Time:` field that opens a headed record as an entry. True when the line was
    /// used up (inside the timeline); outside it the line also stays in its section's text,
    /// as the record's other fields do.
    pub(super) fn read_time_field(
        &mut self,
        index: usize,
        content: &str,
        content_at: usize,
    ) -> bool {
        let Some((entry, entry_at)) = time_field(content, self.context) else {
            return false;
        };
        let Some((heading_at, level, name)) = self.record_heading(index) else {
            return false;
        };
        let in_timeline = self.section == Some(Target::Timeline);
        if !in_timeline && !self.record_has_sibling(heading_at, level) {
            return false;
        }
        self.record_level = Some(level);
        // The record's other fields go on under it as a list, as under a stamped heading.
        self.heading_event_open = in_timeline;
        self.push_event(
            index,
            content_at + entry_at,
            entry.date,
            entry.time,
            entry.zone,
            name,
        );
        in_timeline
    }

    /// The heading just above `index` (blank lines between) when it names a record: a
    /// Markdown heading below the title, or a line wholly in bold, with no time of its own.
    /// Its line, its level (a bold line counts as level 7, below every Markdown heading) and
    /// its name without markup or a leading mark such as `✅`.
    fn record_heading(&self, index: usize) -> Option<(usize, usize, String)> {
        let above = (0..index)
            .rev()
            .find(|&i| !scan::trim_start(&self.lines[i].text).is_empty())?;
        if Some(above) == self.title_at {
            return None;
        }
        let text = &self.lines[above].text;
        let (level, label) = match heading_level(text) {
            Some(level) => (level, labelled(text)?.label),
            None => (7, bold_heading(text)?),
        };
        let name = label
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_matches(['*', '_', ':', ' '])
            .to_string();
        let plain = !name.is_empty()
            && !leading_clock_anywhere(&name)
            && stamped_heading(text, self.context).is_none();
        plain.then_some((above, level, name))
    }

    /// True when another heading of `level` among the siblings of the one at `heading_at` opens
    /// a record too: the last record read was at that level, or the next sibling heading (before
    /// any heading above that level) is followed by a `Time:` field.
    fn record_has_sibling(&self, heading_at: usize, level: usize) -> bool {
        if self.record_level == Some(level) {
            return true;
        }
        let mut fenced = false;
        for (offset, line) in self.lines[heading_at + 1..].iter().enumerate() {
            let text = scan::trim_start(&line.text);
            if is_fence(text) {
                fenced = !fenced;
            }
            if fenced {
                continue;
            }
            let found = match heading_level(text) {
                Some(found) => found,
                None if level == 7 && bold_heading(text).is_some() => 7,
                None => continue,
            };
            if found < level {
                return false;
            }
            if found == level {
                return self.opens_time_record(heading_at + 1 + offset);
            }
        }
        false
    }

    /// True when the first line with text after the heading at `index` is a `Time:` field.
    pub(super) fn opens_time_record(&self, index: usize) -> bool {
        self.lines[index + 1..]
            .iter()
            .find(|line| !scan::trim_start(&line.text).is_empty())
            .is_some_and(|line| time_field(strip_list_marker(&line.text).0, self.context).is_some())
    }
}

/// `**Time:** ~11:00 AM PST`, `When: 2024-03-01 14:05 UTC`: a field naming a record's time,
/// its value only a stamp (perhaps marked as rough). The entry and where it starts.
fn time_field(content: &str, context: DateContext) -> Option<(Entry, usize)> {
    let label = labelled(content).filter(|l| !l.markdown_heading)?;
    let name = label.label.trim();
    let names_time = [
        "time",
        "when",
        "timestamp",
        "time (utc)",
        "uhrzeit",
        "heure",
        "hora",
    ]
    .iter()
    .any(|word| name.eq_ignore_ascii_case(word));
    if !names_time {
        return None;
    }
    let value = label.value;
    let rough = value
        .trim_start_matches(['~', '≈', ' '])
        .trim_start_matches("approx.")
        .trim_start();
    let skip = value.len() - rough.len();
    let entry = timeline_entry(rough, context)?;
    // The value is the time alone: a sentence after it is a field of another kind.
    let rest = entry.text_in(rough);
    (rest.trim().is_empty() || rest.trim_start().starts_with('('))
        .then_some((entry, label.value_at + skip))
}
