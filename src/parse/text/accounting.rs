//! Every stamped line accounted for: entry-shaped lines outside the timeline join it or get a
//! note, and a text with times but no entry gets an error.

use super::*;
use crate::parse::clock::written_with_colon;

impl Reader<'_> {
    /// Entry-shaped lines outside the timeline section: a run of two or more (blank lines
    /// between them allowed, and lines indented under the entry before, such as the steps
    /// nested under `5. **10:45 AM**: restarted:`) is a timeline too and joins it in written
    /// order; a single one stays prose, with a note saying so.
    pub(super) fn place_strays(&mut self) {
        let strays = std::mem::take(&mut self.strays);
        let mut runs: Vec<Vec<PendingEntry>> = Vec::new();
        let mut last_index = None;
        let indent = |raw: &str| raw.len() - raw.trim_start_matches([' ', '\t']).len();
        for stray in strays {
            let adjacent = last_index.is_some_and(|last: usize| {
                let under = indent(self.lines[last].raw);
                (last + 1..stray.index).all(|i| {
                    self.lines[i].text.trim().is_empty() || indent(self.lines[i].raw) > under
                })
            });
            last_index = Some(stray.index);
            match runs.last_mut() {
                Some(run) if adjacent => run.push(stray),
                _ => runs.push(vec![stray]),
            }
        }
        // A run's length in lines (a line telling later moments is one line), and the strays
        // that open their line.
        let lines_in = |run: &[PendingEntry]| {
            1 + run
                .windows(2)
                .filter(|pair| pair[0].index != pair[1].index)
                .count()
        };
        let line_openers = |run: &[PendingEntry]| -> Vec<usize> {
            (0..run.len())
                .filter(|&k| k == 0 || run[k - 1].index != run[k].index)
                .collect()
        };
        // `⛔ **Oct. 26, 2:52 p.m.** — ...` alone under its day's heading: once runs have
        // shown how this document writes an entry, a single line written the same way is one.
        // (A set: a long document of strays stays linear.)
        let run_shapes: std::collections::HashSet<String> = runs
            .iter()
            .filter(|run| lines_in(run) >= 2)
            .flat_map(|run| {
                line_openers(run)
                    .into_iter()
                    .map(|k| self.stamp_shape(&run[k]))
            })
            .collect();
        let mut placed = false;
        for run in runs {
            let alone = lines_in(&run) == 1;
            let alone_in_shape = alone && run_shapes.contains(&self.stamp_shape(&run[0]));
            if alone && !alone_in_shape {
                let first = &run[0];
                self.warn(
                    first.index,
                    first.at,
                    "this line starts with a time but sits outside the timeline; it was kept as text there, not placed on the timeline (expected it under the `Timeline` heading)",
                );
                continue;
            }
            placed = true;
            for stray in run {
                self.record_event(stray);
            }
        }
        if placed {
            self.keep_written_order();
        }
    }

    /// How a stray line writes its stamp, from its first letter or digit to its entry's words:
    /// digits and letters stand for their runs (`Oct. 26, 2:52 p.m.** —` and `Dec. 3, 10:09
    /// a.m.** —` are both `a. 9, 9:9 a.a.** —`), the first 16 of them.
    fn stamp_shape(&self, stray: &PendingEntry) -> String {
        let line = self.lines[stray.index].text.as_ref();
        let from = line.get(stray.at..).unwrap_or("");
        let from = from.trim_start_matches(|c: char| !c.is_alphanumeric());
        // Up to the entry's own words: `**7:43 PM**: User reports, I stop` is written as `**4:09
        // PM**: Old bot running (no cooldown)` is, whatever its words.
        // The words are looked for past the stamp's last digit (`**5:05 PM**: PM on call
        // stopped it` has its first word inside the stamp too).
        let past_digits = from
            .bytes()
            .take(32)
            .rposition(|b| b.is_ascii_digit())
            .map_or(0, |at| at + 1);
        let words_at = stray
            .text
            .split_whitespace()
            .next()
            .and_then(|word| from[past_digits..].find(&format!(" {word}")))
            .map_or(from.len(), |at| past_digits + at + 1);
        let from = &from[..words_at];
        let mut shape = String::new();
        let mut classes = 0;
        for c in from.chars() {
            let class = match c {
                c if c.is_ascii_digit() => '9',
                c if c.is_alphabetic() => 'a',
                c => c,
            };
            if class.is_alphanumeric() && shape.ends_with(class) {
                continue;
            }
            shape.push(class);
            classes += 1;
            if classes == 16 {
                break;
            }
        }
        shape
    }

    /// Entries read outside the timeline (status updates listed in the front matter, the
    /// windows of a file of several reports) join it in written order, unless it already
    /// has an entry at that moment.
    pub(super) fn place_unless_repeated(&mut self, entries: Vec<PendingEntry>) {
        if self.record_unless_repeated(entries) {
            self.keep_written_order();
        }
    }

    /// Records each of `entries` the timeline has no event at the same moment for (the same
    /// time, on the same day where both have one), at the end; true when any was. An event
    /// that repeats a dated entry without a date of its own (`Today at approx. 11.23` under
    /// `:start: 2020-06-24 11:23`) takes that entry's date: the author wrote it there.
    fn record_unless_repeated(&mut self, entries: Vec<PendingEntry>) -> bool {
        let mut recorded = false;
        for entry in entries {
            let repeated = self.raw_events.iter_mut().find(|raw| {
                raw.time == entry.time
                    && (raw.date.is_none() || entry.date.is_none() || raw.date == entry.date)
            });
            match repeated {
                Some(raw) => {
                    if raw.date.is_none() && raw.day_marker.is_none() {
                        raw.date = entry.date;
                    }
                }
                None => {
                    self.record_event(entry);
                    recorded = true;
                }
            }
        }
        recorded
    }

    /// The window's `Start:`/`End:` fields, when no timeline is listed, join the moments
    /// found in the prose: one window's in time order as [`Self::place_event_fields`] places
    /// fields (an `End:` written in the header goes after the prose's moments before it, not
    /// first); the windows of a file of several reports each where it was written.
    pub(super) fn place_boundaries(&mut self) {
        let boundaries = std::mem::take(&mut self.boundaries);
        if boundaries.len() <= 2 {
            self.event_fields.splice(0..0, boundaries);
        } else {
            self.place_unless_repeated(boundaries);
        }
    }

    /// The moments named by fields outside the timeline ([`Self::read_event_field`]) join it
    /// unless it already has them; beside a listed timeline each goes before its first entry
    /// that is later (a header's `Alert fired: 07:58` among entries at 07:50 and 08:12), not
    /// where the header was written, which would put it out of order.
    pub(super) fn place_event_fields(&mut self) {
        let fields = std::mem::take(&mut self.event_fields);
        let listed = self.raw_events.len();
        if !self.record_unless_repeated(fields) {
            return;
        }
        if listed == 0 {
            self.keep_written_order();
            return;
        }
        // Each field goes just before the first event later than it (compared by day when
        // both have one), else after the last. (Moved one by one, not sorted: the fields
        // are few, and another instance of the sort would weigh kilobytes in the wasm.)
        let later =
            |day: Option<NaiveDate>, other: &RawEvent, field: &RawEvent| match (day, field.date) {
                (Some(a), Some(b)) if a != b => a > b,
                _ => other.time > field.time,
            };
        let events = self.incident.timeline.split_off(listed);
        let raws = self.raw_events.split_off(listed);
        for (event, raw) in events.into_iter().zip(raws) {
            // The day of each event: its own, else the one before it carried on, the next
            // one after a step back in time (`23:55`, then `00:20`).
            let mut day: Option<NaiveDate> = None;
            let mut previous: Option<NaiveTime> = None;
            let at = self
                .raw_events
                .iter()
                .position(|other| {
                    day = match (other.date, day, previous) {
                        (Some(own), _, _) => Some(own),
                        (None, Some(d), Some(p)) if other.time < p => d.succ_opt(),
                        (None, d, _) => d,
                    };
                    previous = Some(other.time);
                    later(day, other, &raw)
                })
                .unwrap_or(self.raw_events.len());
            self.incident.timeline.insert(at, event);
            self.raw_events.insert(at, raw);
        }
    }

    /// Sorts the events and their raw parts together by where they were written.
    fn keep_written_order(&mut self) {
        let mut pairs: Vec<(TimelineEvent, RawEvent)> = std::mem::take(&mut self.incident.timeline)
            .into_iter()
            .zip(std::mem::take(&mut self.raw_events))
            .collect();
        pairs.sort_by_key(|(_, raw)| (raw.line_index, raw.at));
        let (events, raws): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
        self.incident.timeline = events;
        self.raw_events = raws;
    }

    /// A timeline written inside a code block gives no entry, and the prose's times, which
    /// retell it, are not read as moments instead: an error says so at its first stamp.
    pub(super) fn note_fenced_timeline(&mut self) {
        let Some(first) = self.first_fenced_stamp else {
            return;
        };
        let count = self.fenced_timeline_stamps;
        let line = &self.lines[first];
        self.diagnostics.push(Diagnostic::error(
            line.number,
            line.column(0),
            format!(
                "no timeline entry could be read: the timeline's {count} stamped lines are inside a code block, which is shown as written and never placed on the timeline; expected them outside the ``` fence (as lines or a list)"
            ),
            excerpt(line.raw),
        ));
    }

    /// A text with times in it that gave no timeline entry gets an error, so that nobody
    /// mistakes an empty timeline for an incident without one.
    pub(super) fn report_unread_stamps(&mut self) {
        if !self.incident.timeline.is_empty() || self.fenced_timeline_stamps >= 2 {
            return;
        }
        let mut fence = false;
        let body = self.body_start;
        let mut with_times = self
            .lines
            .iter()
            .enumerate()
            .skip(body)
            .filter(|(_, line)| {
                if is_fence(&line.text) {
                    fence = !fence;
                    return false;
                }
                !fence && has_clock_with_minutes(&line.text)
            });
        let Some((first, _)) = with_times.next() else {
            return;
        };
        let count = 1 + with_times.count();
        let line = &self.lines[first];
        self.diagnostics.push(Diagnostic::error(
            line.number,
            line.column(0),
            format!(
                "no timeline entry could be read, although {count} line{} hold{} a time; expected entries such as `10:00 UTC - what happened` under a `Timeline` heading",
                if count == 1 { "" } else { "s" },
                if count == 1 { "s" } else { "" },
            ),
            excerpt(line.raw),
        ));
    }
}

/// True when `text` holds a time with minutes (`10:32`, `9:05 PM`) at a word boundary.
pub(super) fn has_clock_with_minutes(text: &str) -> bool {
    text.contains(':')
        && clocks_at_word_starts(text).any(|(i, clock)| written_with_colon(&text[i..], clock))
}
