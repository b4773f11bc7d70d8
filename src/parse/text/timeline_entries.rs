//! A line of the timeline read as entries: its stamp or the stamps it lists, the later moments
//! its sentences tell, a window it opens with, and each entry pushed as an event with its words
//! tidied.

use super::*;

impl Reader<'_> {
    /// Reads `content` (line `index`'s text from byte `content_at`) as a line of the timeline:
    /// an entry at its stamp (after a day marker, a day told from the day of writing, or the
    /// times it lists first), the later moments its sentences tell, a window it opens with; a
    /// chat message, a length, or a heading that restates an earlier entry is noted instead, a
    /// line stating the timeline's day or zone is kept as stated, and a line with no stamp goes
    /// on the entry before or into the timeline's notes.
    pub(super) fn read_timeline_text(&mut self, index: usize, content: &str, content_at: usize) {
        if is_chat_line(content) {
            self.warn(
                index,
                content_at,
                "read as a quoted chat message (`[time] name: ...`), not as a timeline event; expected entries such as `10:00 AM: what happened`",
            );
            return;
        }
        if self.keep_length_note(content) {
            return;
        }
        // `### Étape 1 : Isolation (13:05)` after a chronology that listed 13:05: the part
        // of a later account, kept under its heading, not a second moment.
        if let Some(line) = content
            .starts_with('#')
            .then(|| self.restates_entries_above(index, content))
            .flatten()
        {
            self.warn(
                index,
                content_at,
                format!("this heading tells again the time of the entry on line {line}; it was kept as the heading of its part, not placed on the timeline a second time"),
            );
            self.leave_timeline(&section_name(content));
            return;
        }
        // `### Midnight event (23:43:57 - January 1, 2026)` over `- container 1: Started at
        // 2026-01-01T23:43:57.15Z`: a line of the heading's part telling the heading's own
        // moment again is a detail of that entry, not a second moment.
        if let Some(line) = self.restates_open_heading(content) {
            self.warn(
                index,
                content_at,
                format!("this line tells again the time of the heading on line {line}; it was kept in that entry's text, not placed on the timeline a second time"),
            );
            self.add_to_entry_before(index, content, content_at, false, None);
            return;
        }
        // `... starting 5 July at` / `21:30 with three blocks ...`: a sentence wrapped before
        // its time goes on, with no separator after the time; it does not start an entry.
        let time_wrapped = |entry: &Entry| {
            !self.line_is_item
                && !self.incident.timeline.is_empty()
                && content[..entry.text_at]
                    .trim_end()
                    .ends_with(|c: char| c.is_ascii_alphanumeric())
                && self
                    .word_ending_line_before(index)
                    .is_some_and(introduces_time)
        };
        // `(next day) 02:00 drained`, `Next day, 09:30 ...`: an entry on the day after;
        // `D+1 09:15 ...`: on the day after the timeline's first.
        if let Some((marker, skip)) = day_marker(content) {
            let rest = &content[skip..];
            if let Some(entry) = timeline_entry(rest, self.context) {
                let text = tidy_entry_text(&entry.text_in(rest));
                self.day_marker_pending = entry.date.is_none().then_some(marker);
                self.push_event(
                    index,
                    content_at + skip,
                    entry.date,
                    entry.time,
                    entry.zone,
                    text,
                );
                return;
            }
        }
        // `Yesterday 1:51 PM: Email sent`, `This morning 7:30 AM: ...`: an entry on a day told
        // from the day of writing, dated when the page says when it was published.
        if let Some((days, lead_len, skip)) = relative_day_lead(content) {
            let rest = &content[skip..];
            if let Some(entry) = timeline_entry(rest, self.context).filter(|e| e.date.is_none()) {
                let lead = &content[..lead_len];
                let text = format!("{lead}: {}", tidy_entry_text(&entry.text_in(rest)));
                let date = self
                    .dates
                    .published()
                    .and_then(|day| day.checked_add_signed(chrono::Duration::days(days)));
                let at = content_at + skip;
                self.push_event(index, at, date, entry.time, entry.zone, text);
                return;
            }
        }
        if let Some(entry) =
            timeline_entry(content, self.context).filter(|entry| !time_wrapped(entry))
        {
            self.heading_event_open = content.starts_with('#');
            let whole = entry.text_in(content);
            // `10:10, 10:12: resume failed`, `10:10、10:12：…`: times listed before the words
            // are a moment each, told by those words (a heading's stay its one moment).
            let (listed, words_at) = match content.starts_with('#') {
                true => (Vec::new(), 0),
                false => listed_stamps(content, &whole, self.context),
            };
            let written = &whole[words_at..];
            // A heading's words tell no later moments.
            let (text, later) = cut_at_later_moments(written, !content.starts_with('#'));
            // An entry with no text yet (`### 10:00 AM`) takes the next paragraph as its text.
            self.push_event(
                index,
                content_at,
                entry.date,
                entry.time,
                entry.zone.clone(),
                text.clone(),
            );
            for time in listed {
                let zone = entry.zone.clone();
                self.push_event(index, content_at, entry.date, time, zone, text.clone());
            }
            // `01:24 ALICE warns. 01:25 NEXUS confirms.`: a moment for each sentence's time.
            let written_at = content.len().saturating_sub(written.len());
            for moment in later {
                let column = content_at + written_at + moment.at;
                let zone = entry.zone.clone();
                self.push_event(index, column, None, moment.time, zone, moment.text);
            }
            return;
        }
        // `## Investigating 2025-01-04 9:27a`: a status update named in its heading, its text
        // in the paragraph under it.
        let stamped = stamped_heading(content, self.context)
            .map(|(entry, label)| (vec![entry], label))
            .or_else(|| timed_part_heading(content, self.context));
        if let Some((entries, label)) = stamped {
            // `### Phase 1: Slow queries (01:05:00-01:05:02)` over `#### 01:05:00.903`: a part
            // whose first entry, under it, opens at its own time names that part of the
            // timeline and is no moment of its own.
            if self.first_entry_below_restates(index, &entries) {
                self.keep_timeline_note(&bold(&section_name(content)), true);
                return;
            }
            self.heading_event_open = true;
            let text = tidy_entry_text(label);
            for entry in entries {
                self.push_event(
                    index,
                    content_at,
                    entry.date,
                    entry.time,
                    entry.zone,
                    text.clone(),
                );
            }
            return;
        }
        let day = match content.starts_with('#') || bold_heading(content).is_some() {
            true => heading_date(content, self.context),
            // `- Main scraping: August 29, 2025 (3,913 pages)`: an item telling when
            // something happened, not the day of the entries after it.
            false if self.line_is_item && labels_a_dated_fact(content) => None,
            false => date_line(content, self.context),
        };
        // `*Last Update: May 4, 2025*` dates the page, not the entries under it.
        if let Some(date) = day.filter(|_| !names_writing(content, self.context)) {
            // A day's heading ends the entry a heading opened: what follows is that day's.
            self.heading_event_open = false;
            self.set_timeline_day(Some(date), false);
            if let Some(zone) = find_zone(content) {
                self.stated_zone = Some(zone);
            }
            // `### January 5, 2026 - Recovery timeline`: the day is the entries'; the words
            // beside it are the author's name for that part, kept as a note.
            if names_more_than_a_day(content) {
                let name = section_name(content);
                self.keep_timeline_note(&bold(&name), true);
                self.timeline_note_open = true;
            }
            return;
        }
        // `**November 30, 2025**: First corruption attempt?`: a paragraph naming a day as its
        // label, with the author's words for it; the entries after it are that day's. (A list
        // item, `- 2024-01-10: feature deployed`, is one moment told among the others.)
        // (Most lines of a timeline have no colon left by here: no date is looked for.)
        let day_label = (!self.line_is_item && content.contains(':'))
            .then(|| labelled_day(content, self.context))
            .flatten()
            .filter(|_| !names_writing(content, self.context));
        if let Some(date) = day_label {
            self.heading_event_open = false;
            self.set_timeline_day(Some(date), false);
            self.keep_timeline_note(content.trim(), true);
            self.timeline_note_open = true;
            return;
        }
        // A wrapped line of an entry ("... restored by 11:38") belongs to that entry; only a
        // list item or a line of its own can be an entry whose stamp ends it.
        let wrapped = !self.after_blank && !self.line_is_item && !self.incident.timeline.is_empty();
        // `Current time of response writing: 2026-04-21 ~20:30 CEST` under the timeline's
        // table: when the text was written, not a moment of the incident. (An item of the
        // timeline list saying so, `- This report was published at 18:18`, is the author's
        // own entry.)
        let wrapped = wrapped || (!self.line_is_item && names_writing(content, self.context));
        let trailing = (!wrapped)
            .then(|| trailing_entry(content, self.context))
            .flatten();
        if let Some((entry, label, at, note)) = trailing {
            let mut text = tidy_entry_text(&label_without_separator(label));
            if !note.is_empty() {
                text = format!("{text} {note}");
            }
            self.push_entry(index, content_at + at, entry, text);
            return;
        }
        // `- DEPO notified OCC at 12:16 ET on June 16, 2020.`: a list item of the timeline
        // whose time sits inside its sentence, or a paragraph of it (`We rolled back at 14:30,
        // and by 14:45 ...`), unless it is the text an entry's heading waits for (`### 7:00`).
        let waiting_for_text = self
            .incident
            .timeline
            .last()
            .is_some_and(|e| e.text.is_empty());
        // A paragraph under an entry that tells that entry's own time again (`shortly after
        // 12:00 today` under `**Network issue Monday 1200 BST**`) is its text, not a moment.
        let restates_entry = |time: NaiveTime| {
            !self.line_is_item
                && self
                    .incident
                    .timeline
                    .last()
                    .is_some_and(|e| e.at.time == time)
        };
        if !wrapped && (self.line_is_item || !waiting_for_text) {
            // A paragraph of the timeline that tells its moments sentence by sentence (`An
            // attack began at 7:00 a.m. and was resolved by 9:20 a.m. A second one was
            // reported at 11:52 a.m.`): a moment for each, told by its sentence.
            let narrated = match self.line_is_item {
                true => Vec::new(),
                false => narrated_times(content, self.context),
            };
            let told_apart = narrated
                .windows(2)
                .any(|pair| !std::ptr::eq(pair[0].sentence, pair[1].sentence));
            if told_apart && !narrated.first().is_some_and(|m| restates_entry(m.time)) {
                self.aside_pending = true;
                // `Writes between 14:02 and 14:40 were lost.` after `... at 14:02.`.
                let kept: Vec<_> = narrated
                    .into_iter()
                    .filter(|moment| !(moment.may_restate && self.tells_time(moment.time)))
                    .collect();
                let starts: Vec<usize> = kept
                    .iter()
                    .map(|moment| offset_within(content, moment.sentence))
                    .collect();
                for (i, moment) in kept.into_iter().enumerate() {
                    // Each moment's text runs from its sentence to the next moment's, so the
                    // sentences between them that write no time stay on the page; the first
                    // takes the sentences before it too.
                    let start = if starts[i] == starts[0] { 0 } else { starts[i] };
                    let end = starts[i..]
                        .iter()
                        .find(|&&next| next > starts[i])
                        .copied()
                        .unwrap_or(content.len());
                    let text = content[start..end].trim().to_string();
                    let at = content_at + moment.at;
                    self.push_event(index, at, moment.date, moment.time, moment.zone, text);
                }
                return;
            }
            // `* GDS confirmed the change to the` over `    application domain at 2:50pm`: an
            // item whose words wrap onto indented lines is read whole when its first line
            // writes no time.
            let wrapped_item = match self.line_is_item && !leading_clock_anywhere(content) {
                true => self.item_continuation(index),
                false => None,
            };
            let joined = wrapped_item
                .as_ref()
                .map(|(_, words)| format!("{} {words}", content.trim()));
            let read = joined.as_deref().unwrap_or(content);
            let found = inferred_times(read, self.context);
            // `**Action Required**: ... crashes at 01:15 and 01:19.` under the table that
            // listed both: a paragraph naming several moments, every one an entry already,
            // tells them again.
            let listed_count = found.iter().skip(1).take_while(|m| m.listed).count();
            let retells_entries = !self.line_is_item
                && listed_count > 0
                && found[..=listed_count]
                    .iter()
                    .all(|moment| self.read_lately(moment.time, moment.date));
            let mut moments = found.into_iter();
            if let Some(moment) = moments
                .next()
                .filter(|m| !restates_entry(m.time) && !retells_entries)
            {
                // `- **December 11, 1998**: The probe launches ... at 18:45 UTC`: the day the
                // item opens with is its moments' day.
                let labelled_day = self
                    .line_is_item
                    .then(|| opening_day_label(read, self.context))
                    .flatten();
                let (date, time, zone) = (moment.date.or(labelled_day), moment.time, moment.zone);
                // A moment on a wrapped line is placed at the item's start.
                let at = |at: usize| content_at + if at < content.len() { at } else { 0 };
                let text = read.trim().to_string();
                self.aside_pending = !self.line_is_item;
                self.push_event(index, at(moment.at), date, time, zone, text.clone());
                // `crashes at 09:35, 11:25 and 12:45`: the times listed after it too.
                for listed in moments.take_while(|m| m.listed) {
                    let (date, time, zone) =
                        (listed.date.or(labelled_day), listed.time, listed.zone);
                    self.push_event(index, at(listed.at), date, time, zone, text.clone());
                }
                if let Some((last, _)) = wrapped_item {
                    self.joined_through = Some(last);
                }
                return;
            }
            // `- Between 14:05 and 14:20, config pushed`: an item of the timeline that opens
            // with a window is an entry at its start (in prose a window is not a moment).
            if let Some((at, entry)) = self
                .line_is_item
                .then(|| window_opening(content, self.context))
                .flatten()
            {
                let text = content.trim().to_string();
                self.push_event(
                    index,
                    content_at + at,
                    entry.date,
                    entry.time,
                    entry.zone,
                    text,
                );
                return;
            }
        }
        // The phrases are ASCII: a search in any case finds what lower-casing the line would.
        let says = |phrase: &str| scan::contains_ignore_ascii_case(content, phrase);
        let all = says("all ");
        if all || says("unless") {
            // `Unless otherwise noted all events happened on 2019-10-21 (UTC)`.
            if let Some(found) = find_date_in(content, self.context).filter(|d| d.has_year) {
                self.set_timeline_day(Some(found.date), false);
                if let Some(zone) = find_zone(content) {
                    self.stated_zone = Some(zone);
                }
                self.keep_stated(index, StatedAbout::Timeline);
                return;
            }
        }
        // `All times are UTC.`, and short lines that say so in other words: `Times are in
        // CET.`, `(times in UTC)`, `Timezone: UTC`.
        let states_zone = (all && says("all times"))
            || (says("time")
                && ["times are", "times in", "time zone", "timezone"]
                    .iter()
                    .any(|phrase| says(phrase))
                && content.split_whitespace().count() <= 6);
        if states_zone {
            if let Some(zone) = find_stated_zone(content) {
                self.stated_zone = Some(zone);
                self.keep_stated(index, StatedAbout::Timeline);
                return;
            }
        }
        if self.leaves_timeline(index, content) {
            self.leave_timeline(content.trim().trim_end_matches(':').trim());
            return;
        }
        let waiting = self
            .incident
            .timeline
            .last()
            .is_some_and(|e| e.text.is_empty());
        let continues = (!self.after_blank || waiting || self.heading_event_open)
            && !self.incident.timeline.is_empty();
        // `25:00`, `10:61`, `2023-02-30 10:00`: a stamp that cannot be, said as such.
        let impossible = crate::model::impossible_stamp(content);
        if continues && self.timeline_note_open && !self.after_blank {
            let words = match self.line_is_item {
                true => self.lines[index].text.trim_end().to_string(),
                false => content.trim().to_string(),
            };
            // A list item stays one: `- a` then `- b` as paragraphs of their own make one list.
            self.keep_timeline_note(&words, self.line_is_item);
            return;
        }
        if continues && !self.incident.timeline.is_empty() {
            self.add_to_entry_before(index, content, content_at, waiting, impossible);
            return;
        }
        let (at, message) = match impossible {
            Some((at, why)) => (at, format!("{why}; the line was not placed on the timeline but kept under \"Notes in the timeline\"")),
            None => (0, "expected a timeline entry starting with a time such as `10:00 AM:`; the line was not placed on the timeline but kept under \"Notes in the timeline\"".to_string()),
        };
        self.warn(index, content_at + at, message);
        let new_paragraph = self.after_blank;
        self.keep_timeline_note(content, new_paragraph);
        self.timeline_note_open = true;
    }

    /// True when one of the last entries read is at `time` on `date` (the day in force when
    /// the moment writes none; any day where either is unknown). Only the last
    /// [`RETOLD_LOOK_BACK`] are looked at: a retelling follows what it retells.
    fn read_lately(&self, time: NaiveTime, date: Option<NaiveDate>) -> bool {
        let day = date.or(self.timeline_date);
        self.raw_events
            .iter()
            .rev()
            .take(RETOLD_LOOK_BACK)
            .any(|raw| raw.time == time && day.zip(raw.date).is_none_or(|(a, b)| a == b))
    }

    /// Adds line `index` (`content` from byte `content_at`) to the last entry's text: under an
    /// entry's heading in the section's shape, else run on; `waiting` when that entry had no
    /// text yet, `impossible` a stamp on the line that cannot be.
    fn add_to_entry_before(
        &mut self,
        index: usize,
        content: &str,
        content_at: usize,
        waiting: bool,
        impossible: Option<(usize, String)>,
    ) {
        let Some(event) = self.incident.timeline.last_mut() else {
            return;
        };
        // Under an entry's heading the section keeps its shape: paragraphs stay apart and
        // list items stay a list, so the entry's text renders as the author wrote it.
        let in_section = self.heading_event_open && !waiting;
        let item_line = self.lines[index].text.trim_end();
        let (separator, words) = match (in_section, self.line_is_item) {
            (true, true) if self.section_item_open => ("\n", item_line),
            (true, true) => ("\n\n", item_line.trim_start()),
            (true, false) if self.after_blank => ("\n\n", content.trim()),
            _ if event.text.ends_with("```") => ("\n\n", content.trim()),
            // `### Update — 22:00 UTC` over its words: the label, then what it says.
            _ if is_update_label(&event.text) => (" — ", content.trim()),
            _ => (" ", content.trim()),
        };
        // `14:05` over `: Primary stops answering`: a definition list's item.
        let words = match waiting {
            true => words.strip_prefix(": ").unwrap_or(words),
            false => words,
        };
        if !event.text.is_empty() {
            event.text.push_str(separator);
        }
        event.text.push_str(words);
        self.section_item_open = in_section && self.line_is_item;
        let time = event.at.time;
        let time = || time.format("%H:%M");
        let nested = self.lines[index].raw.starts_with([' ', '\t']);
        if let Some((at, why)) = impossible {
            self.warn(
                index,
                content_at + at,
                format!(
                    "{why}; the line was added to the entry before it ({})",
                    time()
                ),
            );
        } else if self.line_is_item && !waiting && !self.heading_event_open && !nested {
            self.warn(
                index,
                content_at,
                format!("this list item has no time; it was added to the entry before it ({}); expected an entry such as `10:00 - what happened`", time()),
            );
        }
    }

    /// The line of the heading whose entry is open, when `content` (a line of that heading's
    /// part, no heading itself) opens or ends with a stamp telling the heading's moment again
    /// to the second: the heading writes its seconds, the line the same ones, on the same day
    /// where both write one. (A heading to the minute over lines at that minute or within it
    /// heads moments of their own.)
    fn restates_open_heading(&self, content: &str) -> Option<u32> {
        if !self.heading_event_open || content.starts_with('#') {
            return None;
        }
        let raw = self.raw_events.last()?;
        let heading = &self.lines[raw.line_index].text;
        heading_level(scan::trim_start(heading))?;
        let (at, clock) =
            clocks_at_word_starts(heading).find(|(_, clock)| clock.time == raw.time)?;
        if heading[at..at + clock.len].matches(':').count() < 2 {
            return None;
        }
        // `#### Phase 5: Testing (02:36:00-02:50:00 UTC)` names a span; a line at its start is
        // the span's first moment, told on its own.
        let after = heading[at + clock.len..].trim_start();
        let after_zone = zone_at_start(head(after, 24))
            .map_or(after, |zone| after[zone.label.len()..].trim_start());
        let after_dash = after_zone
            .strip_prefix("to ")
            .unwrap_or(after_zone.trim_start_matches(['-', '–', '—']))
            .trim_start();
        if after_dash.len() < after_zone.len() && leading_clock(after_dash).is_some() {
            return None;
        }
        let entry = timeline_entry(content, self.context)
            .or_else(|| trailing_entry(content, self.context).map(|(entry, ..)| entry))?;
        let same_moment = entry.time.with_nanosecond(0) == Some(raw.time)
            && entry.date.zip(raw.date).is_none_or(|(a, b)| a == b);
        same_moment.then_some(raw.line)
    }

    /// The lines that go on the list item at `index` (indented, not items, headings or
    /// fences themselves, no blank line between): the last one's index and their words.
    fn item_continuation(&self, index: usize) -> Option<(usize, String)> {
        let mut last = None;
        let mut words = String::new();
        for (at, line) in self.lines.iter().enumerate().skip(index + 1).take(8) {
            let text = &line.text;
            let continues = line.raw.starts_with([' ', '\t'])
                && !text.trim().is_empty()
                && !strip_list_marker(text).2
                && heading_level(text).is_none()
                && !is_fence(text)
                && line.number != self.lines[index].number;
            if !continues {
                break;
            }
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(text.trim());
            last = Some(at);
        }
        last.map(|last| (last, words))
    }

    /// The last word of the line before `index`, when `index` goes on with the
    /// same paragraph (no blank line between, no heading or list marker opening it).
    pub(super) fn word_ending_line_before(&self, index: usize) -> Option<&str> {
        if self.after_blank || index == 0 {
            return None;
        }
        let line = self.lines[index].text.trim_start();
        if line.starts_with(['#', '-', '*', '+', '>', '|']) {
            return None;
        }
        let before = self.lines[index - 1].text.trim_end();
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next()?;
        (!word.is_empty()).then_some(word)
    }

    /// [`Self::push_event`] for an entry read from a line, with its text.
    pub(super) fn push_entry(&mut self, index: usize, at: usize, entry: Entry, text: String) {
        self.push_event(index, at, entry.date, entry.time, entry.zone, text);
    }

    pub(super) fn push_event(
        &mut self,
        index: usize,
        at: usize,
        date: Option<NaiveDate>,
        time: NaiveTime,
        zone: Option<FoundZone>,
        text: String,
    ) {
        self.section_item_open = false;
        self.timeline_note_open = false;
        if date.is_none() && self.day_marker_pending.is_none() && opens_with_day_before(&text) {
            self.day_marker_pending = Some(DayMarker::Before);
        }
        // Once an entry writes its day, the entries after it follow it (as dates carry
        // forward) instead of a dated title's day, unless the timeline states its day (an
        // entry's own date is then its exception: "unless otherwise noted, all events
        // happened on 2019-10-21").
        if date.is_some() && self.timeline_date.is_none() {
            self.entry_wrote_day = true;
        }
        if date.is_some() && self.row_day_running {
            self.timeline_date = date;
        }
        // An ambiguous zone on the entry was already reported by `notice_zone`.
        let (heading_day, title_day) = match self.entry_wrote_day {
            true => (None, false),
            false => self.heading_day_in_force(),
        };
        // Under `### Day 2` or `### Wednesday` below a dated title, the title's day is the
        // first day's, not this part's: the part's first entry gets its day from a day marker
        // (see `record_event`) and the entries after it follow on.
        let day_heading_counts = title_day
            && (self.day_later != 0 || self.in_weekday_part)
            && self.section == Some(Target::Timeline);
        let day = date
            .or(self.timeline_date)
            .or(heading_day.filter(|_| !day_heading_counts));
        self.record_event(PendingEntry {
            index,
            at,
            date,
            day,
            time,
            zone,
            text,
        });
    }

    /// Adds an event and the raw parts `settle_timeline` gives its final moment from.
    pub(super) fn record_event(&mut self, entry: PendingEntry) {
        if self.raw_events.capacity() == 0 {
            // About one entry per line at most is left: room for them at once, rather than
            // copying long timelines over as they grow (`finish` gives back what is unused).
            let room = self.lines.len().saturating_sub(entry.index);
            self.incident.timeline.reserve(room);
            self.raw_events.reserve(room);
        }
        self.incident.timeline.push(TimelineEvent {
            at: Moment::new(
                entry.date,
                entry.time,
                entry.zone.as_ref().map(|z| z.offset),
            ),
            text: entry.text,
            inferred: false,
            kind: None,
        });
        // Under `### Day 2`, the part's first entry that writes no day of its own is on the
        // day after the first; the ones after it follow on (past midnight too), as entries do.
        let opens_day_part = std::mem::take(&mut self.day_part_pending)
            && entry.day.is_none()
            && self.section == Some(Target::Timeline);
        let weekday_part = self
            .weekday_part_pending
            .take()
            .filter(|_| entry.day.is_none());
        let day_marker = self
            .day_marker_pending
            .take()
            .or(opens_day_part.then_some(DayMarker::After(self.day_later)))
            .or(weekday_part.map(DayMarker::Weekday));
        self.raw_events.push(RawEvent {
            line: self.lines[entry.index].number,
            at: entry.at,
            line_index: entry.index,
            date: entry.day,
            later: 0,
            day_marker,
            aside: std::mem::take(&mut self.aside_pending),
            inherited: entry.date.is_none() && entry.day.is_some(),
            time: entry.time,
            zone: entry.zone.map(Box::new),
        });
    }
}

/// An entry's text without leftover markup at its ends.
pub(super) fn tidy_entry_text(text: &str) -> String {
    let trimmed = text.trim();
    let trimmed = trimmed.strip_suffix('|').unwrap_or(trimmed).trim_end();
    // `{:#update-1} A new fork ...`: a kramdown attribute list styles the page it was
    // written for; it is not words of the entry.
    let trimmed = match trimmed
        .strip_prefix("{:")
        .and_then(|rest| rest.split_once('}'))
    {
        Some((attributes, rest)) if attributes.len() <= 80 => rest.trim_start(),
        _ => trimmed,
    };
    // `[(14:30) Login changes](https://…)`: the stamp opened a link's text; the entry's words
    // are that link, its `[` given back.
    // (Its first bracket closes that link's text: one pass, to the first bracket.)
    let bytes = trimmed.as_bytes();
    let brackets = |word| scan::equal(word, b'[') | scan::equal(word, b']');
    let link_opened_before = scan::find_byte(bytes, 0, brackets, |b| b == b'[' || b == b']')
        .is_some_and(|at| bytes[at] == b']' && bytes.get(at + 1) == Some(&b'('));
    let mut text = match link_opened_before {
        true => format!("[{trimmed}"),
        false => trimmed.to_string(),
    };
    // `### **9:45 PM - 10:00 PM - Investigation Phase**`: the bold's opening went with the
    // stamp.
    drop_unpaired_closing_bold(&mut text);
    text
}

/// A later moment an entry's words tell (see [`further_stamps`]).
pub(super) struct LaterMoment {
    /// Byte offset of its time in the entry's words.
    pub(super) at: usize,
    pub(super) time: NaiveTime,
    /// Its own words.
    pub(super) text: String,
}

/// An entry's words (`written`, after its stamp) cut where its sentences tell later moments
/// (`01:24 ALICE warns. 01:25 NEXUS confirms.`, `14:10 → started; 14:11 → stopped.`): the
/// entry's own words, then each later moment (none unless `tells_later`). A sentence that ends
/// where the next time opens keeps its full stop, not a `;`.
pub(super) fn cut_at_later_moments(written: &str, tells_later: bool) -> (String, Vec<LaterMoment>) {
    let further = match tells_later {
        true => further_stamps(written),
        false => Vec::new(),
    };
    let piece =
        |text: &str| tidy_entry_text(text.trim_end().trim_end_matches(';').trim_end_matches('；'));
    let first_end = further.first().map_or(written.len(), |f| f.at);
    let later = further
        .iter()
        .enumerate()
        .map(|(k, stamp)| {
            let end = further.get(k + 1).map_or(written.len(), |next| next.at);
            LaterMoment {
                at: stamp.at,
                time: stamp.clock.time,
                text: piece(&written[stamp.words_at..end]),
            }
        })
        .collect();
    (piece(&written[..first_end]), later)
}

/// The times `written` (the words after a stamp in `content`) lists first when the stamp ended
/// with a comma (`10:12: resume failed` after `10:10, `), and the byte where its own words
/// start. Only times written as the first was (with a colon, or dotted: `19.20, 19.27`) and
/// without a zone of their own count (not `2.15 million requests` after `14:00, `, nor the same
/// moment restated in another zone, `10:00 CET`).
fn listed_stamps(content: &str, written: &str, context: DateContext) -> (Vec<NaiveTime>, usize) {
    let mut times = Vec::new();
    let mut at = 0;
    let comma_before = |before: &str| before.trim_end().ends_with([',', '、']);
    let stamp = content
        .len()
        .checked_sub(written.len())
        .and_then(|end| content.get(..end))
        .unwrap_or_default();
    let mut listing = comma_before(stamp);
    let with_colon = stamp.contains([':', '：']);
    while listing {
        let rest = &written[at..];
        let Some(next) = timeline_entry(rest, context).filter(|next| {
            next.date.is_none()
                && next.zone.is_none()
                && next.text_at > 0
                && next.text_at < rest.len()
                && leading_clock(rest)
                    .is_some_and(|clock| rest[..clock.len].contains([':', '：']) == with_colon)
        }) else {
            break;
        };
        times.push(next.time);
        listing = comma_before(&rest[..next.text_at]);
        at += next.text_at;
    }
    (times, at)
}

/// The label before a stamp that ends its line, without the colon or dash that led to the
/// stamp, its emphasis kept whole: `**Attack started:**` gives `**Attack started**`.
fn label_without_separator(label: &str) -> String {
    let label = label.trim_end();
    let words = label.trim_end_matches(['*', '_']);
    let marks = &label[words.len()..];
    let words = words.trim_end_matches([':', '-', '–', ' ']);
    match words.trim_start_matches(['*', '_']).is_empty() {
        true => String::new(),
        false => format!("{words}{marks}"),
    }
}

/// A window opening a line (`Between 14:05 and 14:20 ...`, `From 2:45 PM to 3 PM ...`): where
/// its start is written, and the start read as an entry's stamp.
fn window_opening(content: &str, context: DateContext) -> Option<(usize, Entry)> {
    let word = skip_word(content, &["between ", "from "]);
    let entry = timeline_entry(&content[word..], context).filter(|_| word > 0)?;
    Some((word, entry))
}

/// How many of the last entries a paragraph naming only moments already read is compared
/// with.
const RETOLD_LOOK_BACK: usize = 64;

/// True when a line opens with a label of words before its colon (`Main scraping: August 29,
/// 2025`, `Function created: September 16`): the day is the fact's, not a day heading's.
/// A label naming the day itself (`Day 2: March 5`, `Monday: ...`, `Date: ...`) is not such
/// a label.
fn labels_a_dated_fact(content: &str) -> bool {
    let Some((label, _)) = content.split_once(':') else {
        return false;
    };
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    const DAY_WORDS: [&str; 25] = [
        "day",
        "date",
        "tag",
        "datum",
        "dag",
        "día",
        "dia",
        "fecha",
        "jour",
        "giorno",
        "on",
        "update",
        "today",
        "tomorrow",
        "yesterday",
        "heute",
        "morgen",
        "gestern",
        "hoy",
        "ayer",
        "日付",
        "日期",
        "日",
        "날짜",
        "data",
    ];
    !words.is_empty()
        && words.iter().all(|w| w.chars().all(char::is_alphabetic))
        && !words
            .iter()
            .any(|w| DAY_WORDS.contains(&w.as_str()) || crate::parse::entry::is_weekday(w))
}
