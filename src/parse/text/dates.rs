//! Dates and windows: the document's numeric date order, the incident's day and year, the
//! `Date`/`Start`/`End`/`Duration` fields, and the dates and offsets every entry is given at the end.

use super::*;

impl Reader<'_> {
    /// Says which order was assumed for numeric dates that read two ways (`05/01/2024`) when
    /// no date in the document settles it.
    pub(super) fn report_assumed_order(&mut self, source: &str, order: &OrderEvidence) {
        let Some(span) = order.first_ambiguous.clone().filter(|_| !order.decided) else {
            return;
        };
        let line_start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[span.start..]
            .find('\n')
            .map_or(source.len(), |i| span.start + i);
        let line_text = &source[line_start..line_end];
        let number = 1 + source[..line_start].bytes().filter(|&b| b == b'\n').count();
        let written = &source[span.clone()];
        let read = find_date_in(written, self.context)
            .map_or_else(String::new, |d| d.date.format(" (%B %-d, %Y)").to_string());
        self.diagnostics.push(Diagnostic::warning(
            u32::try_from(number).unwrap_or(u32::MAX),
            column_of(line_text, span.start - line_start),
            format!(
                "read `{written}` {}{read}{}: no date in the text has a day over 12 to settle the order; expected an unambiguous date such as 2024-01-31",
                match order.order {
                    DateOrder::DayFirst => "day first",
                    DateOrder::MonthFirst => "month first",
                },
                match (order.dotted, order.zone_hint) {
                    _ if order.from_neighbours => {
                        ", as the number that stays the same from one date to the next is the month"
                            .to_string()
                    }
                    (true, _) => ", as dates written with dots are".to_string(),
                    (false, Some(zone)) => {
                        format!(", as dates are written where {zone} is the local time")
                    }
                    (false, None) => String::new(),
                },
            ),
            excerpt(line_text.trim_end_matches('\r')),
        ));
    }

    /// True for line `index` inside a part that points at other documents (`**See also:**
    /// ... a second occurrence (2026-07-27)`, a `## Related` section): the days it names are
    /// theirs, not this incident's.
    pub(super) fn in_cross_reference(&self, index: usize) -> bool {
        let names_others = |label: &str| {
            let label = label
                .trim_start_matches(['-', '*', '_', '#', ' ', '>'])
                .to_lowercase();
            [
                "see also",
                "related",
                "siehe auch",
                "voir aussi",
                "véase también",
            ]
            .iter()
            .any(|word| label.starts_with(word))
        };
        if let Some(Target::Other(part)) = self.target {
            if self
                .incident
                .other_sections
                .get(part)
                .is_some_and(|part| names_others(&part.title))
            {
                return true;
            }
        }
        // The paragraph's first line, or the line that opens its labelled field (a few lines
        // up at most, so a long paragraph is not read again for each of its lines).
        (index.saturating_sub(8)..=index)
            .rev()
            .find(|&at| {
                at == 0
                    || self.lines[at - 1].text.trim().is_empty()
                    || self.lines[at]
                        .text
                        .trim_start()
                        .starts_with(['*', '-', '#'])
            })
            .is_some_and(|at| names_others(&self.lines[at].text))
    }

    /// Notes the day a line of the story before the timeline narrates (`On March 8, 2021,
    /// between 14:00 and 15:30 UTC, ...`, `From 2019-09-24 17:05 to ...`), the first one only:
    /// a date with its year, or a month's name with its day after `on`, `of` or a weekday
    /// once the document gives the year, or a weekday alone in a post dated only by its
    /// publication. Not a day the line says the text was written, published or
    /// edited on, nor one inside a link's address, nor one after the post's own date.
    pub(super) fn note_story_date(&mut self, index: usize, content: &str) {
        let before_timeline =
            !self.saw_timeline && self.incident.timeline.is_empty() && self.strays.is_empty();
        if self.dates.story.is_some() || !before_timeline {
            return;
        }
        if self.in_cross_reference(index) {
            return;
        }
        if names_writing(content, self.context) {
            if let Some(date) = story_day_after_writing(content, self.context) {
                self.note_story_day(date, true);
            }
            return;
        }
        // A line that names only a day (`*March 15, 2021*` under the title) is a loose date.
        if date_line(content, self.context).is_some() {
            return;
        }
        let Some(found) = find_date_in(content, self.context) else {
            // `On Monday we had an outage.` in a post dated only by its publication.
            if opens_past_weekday(content) {
                self.dates.story = self.weekday_before_publication(content);
            } else if let Some(day) = self.day_before_publication(content) {
                let timed = super::leading_clock_anywhere(content);
                self.dates.day_before.get_or_insert((day, timed));
            } else if let Some(date) = month_day_after_on(content, self.context) {
                self.note_story_day(date, false);
            }
            return;
        };
        let before = &content[..found.span.start];
        let in_address = before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|word| word.contains("://") || word.contains("]("));
        if in_address {
            return;
        }
        let named_day = || {
            let lead = before.trim_end().to_ascii_lowercase();
            // `Last Monday, March 8, ...`: the weekday of the date.
            // `Last Tuesday (February 14)`: in parentheses too.
            let after_weekday = lead
                .trim_end_matches([',', '(', ' '])
                .rsplit(' ')
                .next()
                .is_some_and(|word| word.len() >= 6 && crate::parse::entry::is_weekday(word));
            content[found.span.clone()].contains(char::is_alphabetic)
                && (lead.is_empty()
                    || lead.ends_with(" on")
                    || lead.ends_with(" of")
                    || lead == "on"
                    || after_weekday)
        };
        if found.has_year || (self.context.year.is_some() && named_day()) {
            self.note_story_day(found.date, found.has_year);
            if self.dates.story == Some(found.date) {
                let after = content[found.span.end..].trim_start_matches([' ', ',']);
                let after = after.strip_prefix("at ").unwrap_or(after);
                self.dates.story_time =
                    crate::parse::clock::leading_clock(after).map(|clock| clock.time);
            }
        }
    }

    /// The story's day when the sentence that narrates it writes the time the timeline opens
    /// with (`On 2026-04-20 23:43–23:51 UTC, ...` over a first entry at `23:43:47`): the
    /// timeline's day, over a `Date:` field a few days later that says when the report was
    /// written.
    pub(super) fn story_opening_the_timeline(&self) -> Option<NaiveDate> {
        let story = self.dates.story?;
        let time = self.dates.story_time?;
        let first = self.raw_events.first()?;
        let same_minute = first.time.hour() == time.hour() && first.time.minute() == time.minute();
        let field = self.dates.field?;
        (same_minute && first.date.is_none() && story < field && field - story <= Duration::days(7))
            .then_some(story)
    }

    /// Takes `date`, narrated before the timeline, as the story's day unless it falls after
    /// the post's own date or more than a year before it. A day written without its year is
    /// the year before's when it would fall more than a month after the post.
    fn note_story_day(&mut self, mut date: NaiveDate, has_year: bool) {
        let written = self.dates.published();
        // `July 11th` in a post published on 2024-01-03: the year before.
        if !has_year {
            if let Some(earlier) = written
                .filter(|&w| date > w + Duration::days(31))
                .and_then(|_| date.with_year(date.year() - 1))
            {
                date = earlier;
            }
        }
        // The write-up comes after its incident: a day after the post's own is another
        // story (a plan, a follow-up).
        if written.is_none_or(|w| date <= w && w - date <= Duration::days(366)) {
            self.dates.story = Some(date);
        }
    }

    /// Warns that a field's value could not be read, and keeps its line as summary text.
    fn keep_as_summary(&mut self, index: usize, at: usize, message: &str) {
        self.warn(index, at, message);
        let text = self.lines[index].text.trim().to_string();
        self.append_prose(Target::Summary, &text, true);
    }

    /// Reads a `Date:` value.
    pub(super) fn read_date_field(&mut self, index: usize, value: &str, value_at: usize) {
        match find_date_in(value, self.context) {
            Some(found) => {
                if self.dates.field.is_none() {
                    self.note_dated_moment(index, value, value_at);
                    self.dated_window = self.window_on(index, found.date, &value[found.span.end..]);
                }
                let first = *self.dates.field.get_or_insert(found.date);
                // `## Incident 2` then `**Date:** December 23, 2025` after the document's own
                // `Date:`: the date of that heading's part, as if the heading had named it (a
                // document of several incidents dates each one so).
                if first != found.date {
                    if let Some((_, date @ None)) = self.heading_dates.last_mut() {
                        *date = Some(found.date);
                    }
                }
                self.keep_stated(index, StatedAbout::Window);
            }
            None => {
                self.keep_as_summary(index, value_at, "expected a date such as `January 15, 2024` or `2024-01-15`; kept the line as summary text");
            }
        }
    }

    /// `**Time**: 04:23-04:28 UTC` under the header's `**Date**: November 10, 2025`: the
    /// window of that day, as [`Self::window_on`] reads one after a `Date:` field's day.
    pub(super) fn read_header_time_window(&mut self, index: usize, label: &str, value: &str) {
        const TIME_LABELS: [&str; 6] = [
            "time",
            "incident time",
            "outage time",
            "time window",
            "timeframe",
            "time frame",
        ];
        let label = label
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !TIME_LABELS.contains(&label.as_str()) || self.dated_window.is_some() {
            return;
        }
        if let Some(day) = self.dates.field {
            self.dated_window = self.window_on(index, day, value);
        }
    }

    /// The window written at the start of `rest` (`- 21:37-21:39 UTC`, `, 9:24-9:50 PM`,
    /// `15:00 UTC - 16:00 UTC`) on `day`, when line `index` is over the first section or
    /// under its heading: what a `Date:` field in the document's header writes after its day
    /// (`December 14, 2025 - 21:37-21:39 UTC`, `November 4, 2025, 16:00-17:00 CET`), or a
    /// `Time:` field under it. A field further down is that part's, not the incident's.
    fn window_on(&self, index: usize, day: NaiveDate, rest: &str) -> Option<(Moment, Moment)> {
        use crate::parse::clock::written_meridiem;
        let rest = rest.trim_start_matches([' ', ',', '-', '–', '—', '*', '~']);
        let rest = rest.strip_prefix("at ").unwrap_or(rest).trim_start();
        let first = leading_clock(rest)?;
        let mut between = rest[first.len..].trim_start();
        // `15:00 UTC - 16:00 UTC`: the zone may follow each time.
        if let Some(zone) = zone_at_start(between) {
            between = between[zone.label.len()..].trim_start();
        }
        let to_text = ["-", "–", "—", "to ", "until "]
            .iter()
            .find_map(|sep| between.strip_prefix(sep))?
            .trim_start();
        let second = leading_clock(to_text)?;
        // Looked at only for a window: a heading above, other than the title, ends the header
        // at the second one (`# Details` counts as `## Details` does).
        let second_heading = (self.body_start..index)
            .filter(|&i| Some(i) != self.title_at && heading_level(&self.lines[i].text).is_some())
            .nth(1);
        if second_heading.is_some() {
            return None;
        }
        // `9:24-9:50 PM`, `9:24 PM-9:50`, `11:50-12:10 AM`: the part of the day one time
        // writes is the other's too, the one that makes the shorter window.
        let (start, end) = share_part_of_day(
            (first.time, written_meridiem(rest, first)),
            (second.time, written_meridiem(to_text, second)),
        );
        let end_date = match end < start {
            true => day.checked_add_signed(Duration::days(1)),
            false => Some(day),
        };
        let zone = find_zone(&to_text[second.len..]).or_else(|| find_zone(rest));
        let offset_on = |date: Option<NaiveDate>, time: NaiveTime| {
            zone.as_ref().map(|z| z.offset_on(date, time))
        };
        let from = Moment::new(Some(day), start, offset_on(Some(day), start));
        let to = Moment::new(end_date, end, offset_on(end_date, end));
        Some((from, to))
    }

    /// The window of the header's `Date:` or `Time:` field ([`Self::window_on`]) as the
    /// stated one, when no field stated a start or an end.
    pub(super) fn window_from_date_field(&mut self) {
        let Some((from, to)) = self.dated_window.take() else {
            return;
        };
        if self.incident.start.is_none() && self.incident.end.is_none() {
            self.incident.start = Some(from);
            self.incident.end = Some(to);
        }
    }

    /// Keeps the moment of the document's `Date:` field when it writes a time (`Date:
    /// 2022-03-29 18:10+0000`), for [`Self::start_at_dated_moment`].
    fn note_dated_moment(&mut self, index: usize, value: &str, value_at: usize) {
        let Some((date, time)) = moment_in(value, self.context) else {
            return;
        };
        let label = self.lines[index].text.get(..value_at).unwrap_or("");
        self.dated_moment = Some(PendingEntry {
            index,
            at: value_at,
            date,
            day: date,
            time,
            zone: zone_after_time(value).or_else(|| find_zone(value)),
            text: format!(
                "{} (start)",
                label.trim_matches(|c: char| !c.is_alphanumeric() && c != ')')
            ),
        });
    }

    /// `Date: 2022-03-29 18:10+0000` over `OutageFinish: 2022-03-29 18:35+0000`, as an
    /// outage notice's header writes them: with an end field, no start field and the date's
    /// moment before that end on the same day, the date's moment is the window's start.
    pub(super) fn start_at_dated_moment(&mut self) {
        let Some(dated) = self.dated_moment.take() else {
            return;
        };
        let (None, Some(end)) = (self.incident.start, self.incident.end) else {
            return;
        };
        if dated.date.is_none() || end.date != dated.date || dated.time >= end.time {
            return;
        }
        let offset = dated
            .zone
            .as_ref()
            .map(|zone| zone.offset_on(dated.date, dated.time));
        self.incident.start = Some(Moment::new(dated.date, dated.time, offset));
        self.boundaries.insert(0, dated);
    }

    /// Reads a `Start:` or `End:` value.
    pub(super) fn read_boundary(
        &mut self,
        index: usize,
        is_start: bool,
        value: &str,
        value_at: usize,
    ) {
        let label = self.lines[index].text.get(..value_at).unwrap_or("");
        let label = label
            .trim_matches(|c: char| !c.is_alphanumeric() && c != ')')
            .to_string();
        self.read_labelled_boundary(index, is_start, value, value_at, label);
    }

    /// [`Self::read_boundary`] with the label written elsewhere than before the value (a
    /// table's header over its cell).
    pub(super) fn read_labelled_boundary(
        &mut self,
        index: usize,
        is_start: bool,
        value: &str,
        value_at: usize,
        label: String,
    ) {
        match moment_in(value, self.context) {
            Some((date, time)) => {
                // `Outage Start (UTC): 15 December 2024, 03:53`: the zone may be in the label.
                let zone = zone_after_time(value)
                    .or_else(|| find_zone(value))
                    .or_else(|| find_zone(&label));
                let moment =
                    Moment::new(date, time, zone.as_ref().map(|z| z.offset_on(date, time)));
                self.keep_stated(index, StatedAbout::Window);
                self.boundaries.push(PendingEntry {
                    index,
                    at: value_at,
                    date,
                    day: date,
                    time,
                    zone,
                    text: label,
                });
                if is_start {
                    self.incident.start = Some(moment);
                } else {
                    self.incident.end = Some(moment);
                    self.dates.end_at = Some((index, value_at));
                }
            }
            // `Completion time: 45 minutes`: how long it took, said under a moment's name.
            None if self.read_stated_length(value) => {
                let text = self.lines[index].text.trim().to_string();
                self.append_prose(Target::Summary, &text, true);
            }
            None => {
                self.keep_as_summary(index, value_at, "expected a time such as `2024-01-15 10:00 UTC` or `10:00 AM`; kept the line as summary text");
            }
        }
    }

    /// `**Discovery Time:** 09:56 AM UTC`, `| Remediated | May 5, 2026 22:02 EDT (commit) |`: a
    /// field whose label names a moment of the incident and whose value opens with a stamp
    /// is that moment, an entry named by its label (placed unless the timeline has it).
    pub(super) fn read_event_field(
        &mut self,
        index: usize,
        label: &str,
        value: &str,
        value_at: usize,
    ) {
        if !names_an_event(label) {
            return;
        }
        let name = label
            .trim_matches(|c: char| !c.is_alphanumeric() && c != ')')
            .to_string();
        self.keep_field_moment(index, value, value_at, name);
    }

    /// Keeps `value` (at byte `value_at` of line `index`) as a moment named `name` when it
    /// opens with a stamp, to be placed with the timeline (see [`Self::read_event_field`]).
    pub(super) fn keep_field_moment(
        &mut self,
        index: usize,
        value: &str,
        value_at: usize,
        name: String,
    ) {
        let lead = value.len() - value.trim_start().len();
        let Some(entry) = timeline_entry(value.trim_start(), self.context) else {
            return;
        };
        self.event_fields.push(PendingEntry {
            index,
            at: value_at + lead,
            date: entry.date,
            day: entry.date,
            time: entry.time,
            zone: entry.zone,
            text: name,
        });
    }

    /// Reads `January 15, 2024, 10:00 AM - January 15, 2024, 2:00 PM (UTC-5)`.
    pub(super) fn read_duration(&mut self, index: usize, value: &str, value_at: usize) {
        self.read_stated_length(value);
        let halves = split_range(value);
        let parsed = halves.and_then(|(from, to)| {
            Some((moment_in(from, self.context)?, moment_in(to, self.context)?))
        });
        match parsed {
            Some(((start_date, start), (end_date, end))) => {
                // Under `### October 21, 2025 - Redis overload`, `Duration: 21:45 to 23:28` is that day's.
                let scoped = self.heading_date_in_force();
                let start_date = start_date.or(end_date).or(scoped);
                let mut end_date = end_date.or(start_date);
                if end < start && end_date == start_date {
                    end_date = end_date.and_then(|d| d.checked_add_signed(Duration::days(1)));
                    self.warn(index, value_at, next_day_message(start, end));
                }
                // `Dec 23 7 PM → Dec 24 9 AM ET`: a short US zone right after a time.
                let zone = find_zone(value).or_else(|| {
                    halves.and_then(|(from, to)| {
                        short_zone_after_clock(to, self.context)
                            .or_else(|| short_zone_after_clock(from, self.context))
                    })
                });
                let offset_on = |date: Option<NaiveDate>, time: NaiveTime| {
                    zone.as_ref().map(|z| z.offset_on(date, time))
                };
                let from = Moment::new(start_date, start, offset_on(start_date, start));
                let to = Moment::new(end_date, end, offset_on(end_date, end));
                let end_before = self.incident.end;
                self.widen_window(from, to);
                if self.incident.end != end_before {
                    self.dates.end_at = Some((index, value_at));
                }
                // `Duration: The outage occurred from 3:00 PM to 6:30 PM (Kigali Time) on
                // November 15, 2023.`: a sentence, not only a range; the page shows it too.
                if is_sentence(value) {
                    let text = self.lines[index].text.trim().to_string();
                    self.append_prose(Target::Summary, &text, true);
                } else {
                    self.keep_stated(index, StatedAbout::Window);
                }
            }
            None if is_length(value) => {
                let text = self.lines[index].text.trim().to_string();
                self.append_prose(Target::Summary, &text, true);
            }
            None => {
                self.keep_as_summary(index, value_at, "expected a time range such as `January 15, 2024, 10:00 AM - 2:00 PM`; kept the duration as summary text");
            }
        }
    }

    /// `Duration: ~4 hours`, `Downtime: ~13 minutes (12:17 - 12:30)`: the length the
    /// postmortem states (the first one, when it states several). True when `value` states a
    /// length of impact, kept or not.
    pub(super) fn read_stated_length(&mut self, value: &str) -> bool {
        let Some(length) = crate::parse::length::impact_length(value) else {
            return false;
        };
        if self.incident.stated_duration.is_empty() {
            self.incident.stated_duration = length.written.to_string();
        }
        true
    }

    /// `**Downtime:** ~13 minutes (12:17 - 12:30)` under a timeline's table sums the timeline
    /// up: the length is read and the line is kept with the timeline's notes, not as a moment.
    /// True when the line was one.
    pub(super) fn keep_length_note(&mut self, content: &str) -> bool {
        // Most lines of a timeline start with their time: they are passed over at once.
        if self.line_is_item
            || !content.starts_with(['*', '_']) && !content.starts_with(char::is_alphabetic)
        {
            return false;
        }
        let Some(value) = length_value(content) else {
            return false;
        };
        if !self.read_stated_length(value) {
            return false;
        }
        self.keep_timeline_note(content.trim(), true);
        true
    }

    /// Sets the incident's window, or, when a document states several (one per incident of a
    /// multi-incident report), widens it to cover them all: the earliest start, the latest end.
    pub(super) fn widen_window(&mut self, from: Moment, to: Moment) {
        let dated = |m: &Moment| m.date.is_some();
        let earlier = match self.incident.start {
            Some(start) if dated(&start) && dated(&from) => {
                from.axis_seconds() < start.axis_seconds()
            }
            Some(_) => false,
            None => true,
        };
        if earlier {
            self.incident.start = Some(from);
        }
        let later = match self.incident.end {
            Some(end) if dated(&end) && dated(&to) => to.axis_seconds() > end.axis_seconds(),
            Some(_) => false,
            None => true,
        };
        if later {
            self.incident.end = Some(to);
        }
    }

    /// Gives each entry a date and offset: its own, else the day it follows, rolling over to
    /// the next day after late evening; other backward steps are kept in order and flagged.
    pub(super) fn settle_timeline(
        &mut self,
        first_date: Option<NaiveDate>,
        start_offset: Option<crate::model::UtcOffset>,
    ) {
        let mut date = first_date;
        // The day of the first entry given one (`D+1` counts from it).
        let mut first_day: Option<NaiveDate> = None;
        let mut previous: Option<NaiveTime> = None;
        // A time the title gives (`… since 12:35 ET`), for the first entry only.
        let mut title_time = clocks_at_word_starts(&self.incident.title)
            .next()
            .map(|(_, clock)| clock.time);
        // Whether the entry before was found in prose rather than in a timeline.
        let mut previous_inferred = true;
        // Whether the entry before was written on the 24-hour clock (`22:00`): a bare `10:02`
        // after it is the morning's, not `22:02` with its `PM` left off.
        let mut previous_on_24_hour_clock = false;
        let mut out_of_order = 0;
        let fallback_zone = self.stated_zone.clone().or_else(|| self.zone.clone());
        // `13:50 +08:00` on one entry of a log whose other entries write no zone: the zone
        // the entries write, when they all write the same one, is the zone of the rest.
        let shared_zone = match (&fallback_zone, start_offset) {
            (None, None) => zone_the_entries_share(&self.raw_events),
            _ => None,
        };
        // The date the document gives itself (a `Date:` field, the title, front matter, the
        // file's path), against which an entry's year may be a slip.
        let dated = self
            .dates
            .field
            .or(self.dates.title)
            .or(self.dates.described)
            .or(self.dates.front_matter)
            .or(self.dates.path);
        let mut slips: Vec<NaiveDate> = Vec::new();
        // The year the timeline crossed a new year from, and by how much, once it has.
        let mut new_year: Option<(i32, i32)> = None;
        // Whether the entries step back in time: newest first, or one so far out of order.
        let mut stepped_back = false;
        // The day of the entry before (not the document's day the first one starts from).
        let mut entries_day: Option<NaiveDate> = None;
        // Where the entry's time is written: at `at`, or after the date that opens the entry
        // (`2015-02-27 1:50`).
        let stamps: Vec<Stamp> = self
            .raw_events
            .iter()
            .map(|raw| self.stamp_of(raw))
            .collect();
        // A document that never writes a time on the 24-hour clock (`13:05`) may leave `PM`
        // off a run of afternoon times, in prose too; one that does only in its timeline.
        let twelve_hour_clock = !stamps.iter().any(|stamp| stamp.written.on_24_hour_clock);
        // `At around 7pm April 8th` in the summary over a timeline of `6:30`, `7:00`, `7:30`
        // only: bare twelve-hour times whose afternoon reading falls near the summary's time
        // past noon are that afternoon's.
        let evening_anchor = summary_time_past_noon(&self.incident.summary).filter(|&anchor| {
            twelve_hour_clock
                && stamps.iter().all(|stamp| stamp.written.without_marker)
                && self
                    .raw_events
                    .first()
                    .is_some_and(|first| afternoon_near(anchor, first.time))
        });
        let evening = evening_anchor.is_some();
        if let (Some(anchor), Some(first)) = (evening_anchor, self.raw_events.first()) {
            let line = &self.lines[first.line_index];
            self.diagnostics.push(Diagnostic::warning(
                first.line,
                line.column(first.at),
                format!(
                    "the timeline's times are written without AM or PM; they were read as PM, near the {} the summary gives (expected `{}` or `{}`)",
                    anchor.format("%-I:%M %p"),
                    (first.time + Duration::hours(12)).format("%-I:%M %p"),
                    (first.time + Duration::hours(12)).format("%H:%M"),
                ),
                excerpt(line.raw),
            ));
        }
        stepped_back |= !ascending(&self.raw_events, &stamps);
        // The day the first weekday is looked for around: the document's own date.
        let week_of = dated.or(first_date);
        // The offset of an entry that writes no zone, where no zone is stated for the
        // timeline and the start gives none: the document's, or the one the entries share.
        let fallback_offset = |day: Option<NaiveDate>, time: NaiveTime| {
            let zone = fallback_zone.as_ref().or(shared_zone.as_ref())?;
            Some(zone.offset_on(day, time))
        };
        // A status page's updates with the latest on top: read from the bottom up below.
        let newest_first = written_newest_first(&self.raw_events);
        stepped_back |= newest_first;
        // Years the entries write on days long after the document's date: such a year is the
        // author's, so a day of it near the document's date is no slip (a page dated when it
        // was first published that lists outages of the years after).
        let mut written_years: Vec<i32> = self
            .raw_events
            .iter()
            .filter_map(|raw| raw.date)
            .filter(|&day| dated.is_some_and(|d| day > d && year_slip(day, d).is_none()))
            .map(|day| day.year())
            .collect();
        written_years.sort_unstable();
        written_years.dedup();
        // The day the last heading or date line above gave (see `RawEvent::inherited`).
        let mut heading_day: Option<NaiveDate> = None;
        for ((event, raw), stamp) in self
            .incident
            .timeline
            .iter_mut()
            .zip(&self.raw_events)
            .zip(&stamps)
        {
            // A weekday's date: on or after the day in force (a timeline goes forward), or
            // for the first, the nearest to the document's date.
            // `### Saturday 16:51` under `# Outage - 28th Oct 2022` (a Friday): the weekday
            // the entry writes outranks the day it only inherits from a heading above.
            let weekday_outranks = raw.inherited
                && stamp
                    .weekday
                    .zip(raw.date)
                    .is_some_and(|(day, date)| date.weekday() != day);
            let weekday_date = stamp
                .weekday
                .filter(|_| raw.date.is_none() || weekday_outranks)
                .and_then(|day| match entries_day {
                    Some(from) => weekday_in(from, 0..7, day),
                    None => week_of.and_then(|around| weekday_in(around, -3..=3, day)),
                });
            // `## 2023-03-08` over `23:50` and `00:10`: the heading's day is the first's; the
            // second steps past midnight, as an entry that writes no day does.
            let own_date = match raw.inherited {
                true if raw.date == heading_day => None,
                true => {
                    heading_day = raw.date;
                    raw.date
                }
                false => raw.date,
            };
            let written = match weekday_outranks {
                true => weekday_date.or(own_date),
                false => own_date.or(weekday_date),
            };
            let mut time = raw.time;
            if evening && stamp.written.without_marker {
                time += Duration::hours(12);
            }
            let slip = written
                .zip(dated)
                .filter(|(w, _)| written_years.binary_search(&w.year()).is_err())
                .and_then(|(w, d)| Some((w, d, year_slip(w, d)?)));
            let raw_date = match slip {
                Some((w, d, meant)) => {
                    if !slips.contains(&w) {
                        slips.push(w);
                        self.diagnostics.push(Diagnostic::warning(
                            raw.line,
                            self.lines[raw.line_index].column(raw.at),
                            format!(
                                "read the date {} as {}: the document is dated {} and the year looks like a slip; expected the year written the same in both places",
                                w.format("%-d %B %Y"),
                                meant.format("%-d %B %Y"),
                                d.format("%-d %B %Y"),
                            ),
                            excerpt(self.lines[raw.line_index].raw),
                        ));
                    }
                    Some(meant)
                }
                None => written,
            };
            // `### December 31` then `### January 1` under a title of 2020: the new year.
            let raw_date =
                raw_date.map(|day| across_new_year(day, entries_day, dated, &mut new_year));
            // A paragraph's moment on a day of its own, once a day is in force (a look back):
            // that day for it alone. (A day it only inherits from a heading above is the day
            // of the entries after it too, `### 2025-01-03` over `The crashes came back at
            // 01:15 and 01:19.`; but its time is no step towards midnight for the next entry,
            // as it may look back to the evening before.)
            let aside_day = raw_date.filter(|&d| raw.aside && date.is_some_and(|on| on != d));
            if aside_day.is_some() {
                if raw.inherited {
                    date = aside_day;
                    previous = None;
                }
                let offset = entry_offset(
                    raw.zone.as_deref(),
                    self.stated_zone.as_ref(),
                    aside_day,
                    raw.time,
                    start_offset.or_else(|| fallback_offset(aside_day, raw.time)),
                );
                event.at = Moment::new(aside_day, raw.time, offset);
                continue;
            }
            if raw_date.is_some() && raw_date != date {
                // Newest first (a status log): no afternoon is read into a bare time after it.
                stepped_back |= entries_day.is_some() && raw_date < entries_day;
                date = raw_date;
                previous = None;
            }
            // `(next day) 02:00`: the day after the one in force, whatever the clock says.
            // `D+1 09:15`: the day after the timeline's first, and the entries after it follow.
            match raw.day_marker.filter(|_| raw_date.is_none()) {
                Some(DayMarker::Next) => {
                    date = date.and_then(|d| d.checked_add_signed(Duration::days(1)));
                    previous = None;
                }
                Some(DayMarker::Before) => {
                    date = date.and_then(|d| d.checked_sub_signed(Duration::days(1)));
                    previous = None;
                }
                Some(DayMarker::After(days)) => {
                    date = first_day.or(date).map(|d| shift_days(d, days));
                    previous = None;
                }
                Some(DayMarker::Weekday(day)) => {
                    date = date.and_then(|from| weekday_in(from, 0..7, day));
                    previous = None;
                }
                None => {}
            }
            // `Twitter down since 12:35 ET` over updates at `1:00`, `1:49`: the title's time
            // past noon tells the first bare time's afternoon (it is no entry to step from).
            if let (None, Some(anchor)) = (previous, title_time.take()) {
                if !stepped_back && twelve_hour_clock && raw.later == 0 {
                    if let Some(afternoon) =
                        afternoon_without_pm(anchor, time, stamp.written.without_marker)
                    {
                        time = afternoon;
                    }
                }
            }
            if let Some(before) = previous.filter(|_| raw.later == 0) {
                let listed = !event.inferred && !previous_inferred;
                if !stepped_back && (listed || twelve_hour_clock) && !previous_on_24_hour_clock {
                    if let Some(afternoon) =
                        afternoon_without_pm(before, time, stamp.written.without_marker)
                    {
                        time = afternoon;
                    }
                }
                // A note that this entry is `what` to the entry `before`, and `where_` (the
                // order it breaks).
                let mut out_of_order_note = |what: &str, where_: &str| {
                    if out_of_order < MAX_ORDER_WARNINGS {
                        out_of_order += 1;
                        let line = &self.lines[raw.line_index];
                        self.diagnostics.push(Diagnostic::warning(
                            raw.line,
                            line.column(raw.at),
                            format!(
                                "this entry ({}) is {what} ({}){where_}; it is kept in written order, expected entries in time order",
                                time.format("%H:%M"),
                                before.format("%H:%M")
                            ),
                            excerpt(line.raw),
                        ));
                    }
                };
                // Newest first, an entry later than the one above it (not over midnight) is
                // the one out of order.
                let slipped = newest_first && time > before && !rolls_over(time, before, false);
                if slipped {
                    out_of_order_note(
                        "later than the one above it",
                        " in a timeline written newest first",
                    );
                }
                if time < before && !newest_first {
                    // An entry that writes its own day is on that day.
                    if raw_date.is_none() && rolls_over(before, time, listed) {
                        date = date.and_then(|d| d.checked_add_signed(Duration::days(1)));
                    } else {
                        stepped_back = true;
                        out_of_order_note("earlier than the one before it", "");
                    }
                }
            }
            // A moment moved to another day (`last night`, `tomorrow`) says nothing about the
            // order of the next one's time on the day in force.
            previous = (raw.later == 0).then_some(time);
            previous_inferred = event.inferred;
            previous_on_24_hour_clock = stamp.written.on_24_hour_clock;
            // `tomorrow at 9AM` in prose read before any date was known: this one moment only.
            let day = date.map(|d| shift_days(d, raw.later));
            entries_day = date;
            if first_day.is_none() {
                first_day = day;
            }
            let offset = entry_offset(
                raw.zone.as_deref(),
                self.stated_zone.as_ref(),
                day,
                time,
                start_offset.or_else(|| fallback_offset(day, time)),
            );
            event.at = Moment::new(day, time, offset);
        }
        if newest_first {
            self.roll_over_upwards();
        }
        if let Some(zone) = shared_zone {
            self.warn_zoned_by_the_others(&zone);
        }
    }

    /// In a timeline written newest first, an entry above one of late evening, on the same day
    /// it does not write itself, and early in the morning (`Resolved - 01:10` over `Identified -
    /// 23:50` under `### March 4`) is on the next day, as are the entries above it on that day.
    /// Says once that the timeline was read so.
    fn roll_over_upwards(&mut self) {
        // The day an entry below was moved from and to, and the moment of the entry below.
        let mut moved: Option<(NaiveDate, NaiveDate)> = None;
        let mut below: Option<(NaiveDate, NaiveTime)> = None;
        for (event, raw) in self
            .incident
            .timeline
            .iter_mut()
            .zip(&self.raw_events)
            .rev()
        {
            let Some(day) = event.at.date else {
                below = None;
                continue;
            };
            let time = event.at.time;
            let own_day = raw.date.is_some() && !raw.inherited;
            let mut on = day;
            if !own_day {
                if let Some((_, to)) = moved.filter(|(from, _)| *from == day) {
                    on = to;
                }
                if let Some((below_day, below_time)) = below {
                    if on == below_day && time < below_time && rolls_over(below_time, time, true) {
                        on = shift_days(below_day, 1);
                        moved = Some((day, on));
                    }
                }
            }
            if on != day {
                event.at = Moment::new(Some(on), time, event.at.offset);
            }
            below = Some((on, time));
        }
        if let Some(first) = self.raw_events.first() {
            let (line, at, index) = (first.line, first.at, first.line_index);
            self.diagnostics.push(Diagnostic::warning(
                line,
                self.lines[index].column(at),
                "read the timeline as written newest first (the latest entry on top), from the bottom up; expected entries in time order",
                excerpt(self.lines[index].raw),
            ));
        }
    }

    /// The warning that the entries without a zone were read in `zone`, the one the other
    /// entries write: at the first of them, with how many they are.
    fn warn_zoned_by_the_others(&mut self, zone: &FoundZone) {
        let mut zoneless = self.raw_events.iter().filter(|raw| raw.zone.is_none());
        let Some(first) = zoneless.next() else {
            return;
        };
        let (index, at) = (first.line_index, first.at);
        let count = 1 + zoneless.count();
        let entries = if count == 1 {
            "entry writes"
        } else {
            "entries write"
        };
        let zone = match zone.label.as_str() {
            "Z" => "UTC (`Z`)".to_string(),
            label => format!("`{label}`"),
        };
        self.warn(
            index,
            at,
            format!(
                "{count} timeline {entries} no zone; read in {zone}, the zone the other entries write; expected a zone on each entry, or an `All times in ...` line, if that is wrong"
            ),
        );
    }
}

/// The zone every entry that writes one writes (the same offset and summer-time rule), when
/// some entries write one and some do not.
fn zone_the_entries_share(raws: &[RawEvent]) -> Option<FoundZone> {
    let mut zones = raws.iter().filter_map(|raw| raw.zone.as_deref());
    let first = zones.next()?;
    let shared = zones.all(|zone| zone.offset == first.offset && zone.rule == first.rule);
    let some_without = raws.iter().any(|raw| raw.zone.is_none());
    (shared && some_without).then(|| first.clone())
}

/// The date meant when `written` is within a week of the document's own date `dated` on the
/// calendar but in another year: a slip of the year (`2012-04-09 (all times in UTC)` in a
/// postmortem dated 2020-04-09). A date a year or more away from its document is rarely
/// written within days of the same day of the year by chance.
fn year_slip(written: NaiveDate, dated: NaiveDate) -> Option<NaiveDate> {
    if written.year() == dated.year() {
        return None;
    }
    let moved = written.with_year(dated.year())?;
    ((moved - dated).num_days().abs() <= 7).then_some(moved)
}

/// An entry's `day` read in the year of the document when that puts it across a new year from
/// the entry before (`December 31, 2020`, then `January 1` read as 2020: 2021), or, for the
/// first entry, from the document's own date (`December 30` in a postmortem dated
/// `January 4, 2021`: 2020). Once crossed, the days after follow (`crossed`: the year read
/// and the years added): January's of that year after a December, December's before a
/// January.
fn across_new_year(
    day: NaiveDate,
    entries_day: Option<NaiveDate>,
    dated: Option<NaiveDate>,
    crossed: &mut Option<(i32, i32)>,
) -> NaiveDate {
    let year = day.year();
    let delta = match (*crossed, entries_day, dated) {
        (Some((from, delta)), ..) => {
            let follows = from == year && (delta > 0) == (day.month() != 12);
            return match follows {
                true => day.with_year(year + delta).unwrap_or(day),
                false => day,
            };
        }
        (None, Some(before), _)
            if before.year() == year && before.month() == 12 && day.month() == 1 =>
        {
            1
        }
        (None, None, Some(document))
            if document.year() == year && document.month() == 1 && day.month() == 12 =>
        {
            -1
        }
        _ => return day,
    };
    *crossed = Some((year, delta));
    day.with_year(year + delta).unwrap_or(day)
}

/// How an entry's time was written, read once for `settle_timeline` (nothing known when no
/// time is found on its line).
#[derive(Default)]
struct Stamp {
    written: crate::parse::clock::Written,
    /// The weekday the stamp opens with (`Fri 18:40`), where no date is written.
    weekday: Option<chrono::Weekday>,
}

impl Reader<'_> {
    /// How `raw`'s time is written on its line: at `at`, or after the date that opens the
    /// entry (`2015-02-27 1:50`); a bare twelve-hour reading only where no part of the day is
    /// written before it (`上午 9:00`).
    fn stamp_of(&self, raw: &RawEvent) -> Stamp {
        let line: &str = &self.lines[raw.line_index].text;
        let Some(text) = line.get(raw.at..) else {
            return Stamp::default();
        };
        let starts = |i: usize| i == 0 || !text.as_bytes()[i - 1].is_ascii_digit();
        let found = text
            .char_indices()
            .take_while(|&(i, _)| i <= 24)
            .filter(|&(i, c)| c.is_ascii_digit() && starts(i))
            .find_map(|(i, _)| {
                crate::parse::clock::leading_clock(&text[i..])
                    .filter(|clock| clock.time.minute() == raw.time.minute())
                    .map(|clock| (raw.at + i, clock))
            });
        let Some((time, clock)) = found else {
            return Stamp::default();
        };
        let mut written = crate::parse::clock::written(&line[time..], clock);
        written.without_marker &=
            raw.time.hour() < 12 && crate::parse::zone::cjk_lead(&line[..raw.at]).1.is_none();
        // Most stamps have no word right before their time: no search for a weekday then.
        let before = line[..time].trim_end_matches([' ', '~']);
        let weekday = before
            .ends_with(|c: char| c.is_ascii_alphabetic() || c == ')' || c == ']')
            .then(|| {
                (time.saturating_sub(20)..=time)
                    .filter(|&start| line.is_char_boundary(start))
                    .find_map(|start| {
                        crate::parse::entry::weekday_stamp(&line[start..])
                            .filter(|&(_, clock_at)| start + clock_at == time)
                            .map(|(day, _)| day)
                    })
            })
            .flatten()
            .or_else(|| {
                // `01:00 (Tue)`, `01:00 UTC (Tue)`: the weekday after the time (most stamps
                // have no parenthesis near: no zone is read then).
                let after = line[time + clock.len..].trim_start();
                if !head(after, 24).contains('(') {
                    return None;
                }
                let past_zone = crate::parse::zone::zone_at_start(head(after, 24))
                    .map_or(after, |zone| &after[zone.label.len()..]);
                crate::parse::entry::weekday_after_time(past_zone).map(|(day, _)| day)
            });
        Stamp { written, weekday }
    }
}

/// The summary's first time when it is written with its `PM` (`At around 7pm`), and the
/// summary writes none with an `AM` (`building from around 6pm, peaks at about 6am` spans
/// the night; `down from 6:30 to 9:15 ... fixed at 8pm` opens with a bare time).
fn summary_time_past_noon(summary: &str) -> Option<NaiveTime> {
    let marked =
        |(at, clock): (usize, Clock)| crate::parse::clock::written_meridiem(&summary[at..], clock);
    if clocks_at_word_starts(summary).any(|found| marked(found) == Some(false)) {
        return None;
    }
    clocks_at_word_starts(summary)
        .next()
        .filter(|&found| found.1.time.hour() >= 12 && marked(found) == Some(true))
        .map(|(_, clock)| clock.time)
}

/// True when the afternoon reading of a morning `time` is within three hours of `anchor`.
fn afternoon_near(anchor: NaiveTime, time: NaiveTime) -> bool {
    let afternoon = time + Duration::hours(12);
    time.hour() < 12 && (afternoon - anchor).num_minutes().abs() <= 180
}

/// `12:35`, then `1:00`: the afternoon reading of a bare twelve-hour `time` (written without
/// its `PM`) after `before`, past noon, when the morning reading would step back and the
/// afternoon one not.
fn afternoon_without_pm(
    before: NaiveTime,
    time: NaiveTime,
    without_marker: bool,
) -> Option<NaiveTime> {
    let afternoon = time + Duration::hours(12);
    (without_marker && time < before && before.hour() >= 12 && afternoon >= before)
        .then_some(afternoon)
}

/// The first day on `day`'s weekday among the days `offsets` away from `from`.
pub(super) fn weekday_in(
    from: NaiveDate,
    offsets: impl Iterator<Item = i64>,
    day: chrono::Weekday,
) -> Option<NaiveDate> {
    offsets
        .filter_map(|n| from.checked_add_signed(Duration::days(n)))
        .find(|d| d.weekday() == day)
}

/// True unless more of the timeline's steps between entries on the same written day go back
/// than forward: a chronology written oldest first, not a status log written newest first.
/// A step that an afternoon without its `PM` may explain (`12:39`, then `1:50`) counts as
/// neither.
fn ascending(events: &[RawEvent], stamps: &[Stamp]) -> bool {
    let (mut forward, mut back) = (0usize, 0usize);
    for (pair, stamp) in events.windows(2).zip(stamps.get(1..).unwrap_or_default()) {
        let [before, after] = pair else { continue };
        if before.date != after.date
            || before.later != 0
            || after.later != 0
            || after.day_marker.is_some()
        {
            continue;
        }
        if afternoon_without_pm(before.time, after.time, stamp.written.without_marker).is_some() {
            continue;
        }
        match after.time.cmp(&before.time) {
            std::cmp::Ordering::Greater => forward += 1,
            std::cmp::Ordering::Less => back += 1,
            std::cmp::Ordering::Equal => {}
        }
    }
    forward >= back
}

/// True when the entries (`raws`, in written order) of each day go back in time as they are
/// written, the latest on top (see [`crate::model::reads_newest_first`]). A step
/// from early morning to late evening below it (`01:10` over `23:50`) is one back, over
/// midnight.
fn written_newest_first(raws: &[RawEvent]) -> bool {
    let (mut back, mut forward) = (0usize, 0usize);
    for pair in raws.windows(2) {
        let (above, below) = (&pair[0], &pair[1]);
        // Only entries of one day count: a log of days written newest first may list each
        // day's entries oldest first, and steps between days draw no note either way.
        if above.later != 0 || below.later != 0 || above.date != below.date {
            continue;
        }
        if below.time < above.time {
            back += 1;
        } else if below.time > above.time {
            match rolls_over(below.time, above.time, false) {
                true => back += 1,
                false => forward += 1,
            }
        }
    }
    crate::model::reads_newest_first(back, forward)
}

/// True when `time`, written after `before` and earlier on the clock, is read on the next day:
/// late evening to early morning (`23:40`, then `00:15`), or, between two entries of a
/// timeline (`listed`), any step back of more than twelve hours (`3:00 PM`, then `1:00 AM`),
/// which is a short step forward over midnight. A time met later in the prose may look back.
fn rolls_over(before: NaiveTime, time: NaiveTime, listed: bool) -> bool {
    (before.hour() >= 18 && time.hour() < 6) || (listed && before - time > Duration::hours(12))
}

/// The first date written with its year, for dates written without one (`15 Jan`) and as
/// the incident's day when nothing better says it.
pub(super) fn first_full_date(lines: &[&str], order: DateOrder) -> Option<NaiveDate> {
    let context = DateContext { order, year: None };
    // A code block's dates are its output's (`ps` shows `May12 1994:39`), not the story's.
    let mut fenced = false;
    lines
        .iter()
        .filter(|line| {
            if is_fence(line) {
                fenced = !fenced;
                return false;
            }
            !fenced
        })
        .filter(|line| {
            // A date inside an entry's text (`03:48 — PR merged 2026-02-07`) is about that
            // entry, not the incident's day.
            let (content, _, _) = strip_list_marker(line);
            let about_the_entry = !(content
                .starts_with(|c: char| !c.is_ascii_digit() && c != '*' && c != '[')
                || timeline_entry(content, context).is_none_or(|e| e.date.is_some()));
            !about_the_entry && !names_writing(line, context)
        })
        .find_map(|line| find_date_in(line, context).filter(|d| d.has_year))
        .map(|d| d.date)
}

/// The offset of an entry read at `time` on `day`: its own zone's, else the one stated for
/// the timeline, else `otherwise` (the start's, the document's).
fn entry_offset(
    own: Option<&FoundZone>,
    stated: Option<&FoundZone>,
    day: Option<NaiveDate>,
    time: NaiveTime,
    otherwise: Option<crate::model::UtcOffset>,
) -> Option<crate::model::UtcOffset> {
    match own.or(stated) {
        Some(zone) => Some(zone.offset_on(day, time)),
        None => otherwise,
    }
}

/// A year-less numeric day after `on` (`On 3/8 at 2pm`, `on 08-03, ...`), in the document's
/// year and order; not a share (`on 3/8 of the nodes`).
fn month_day_after_on(content: &str, context: DateContext) -> Option<NaiveDate> {
    context.year?;
    let bytes = content.as_bytes();
    content
        .match_indices(['o', 'O'])
        .filter(|&(at, _)| at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
        .filter_map(|(at, _)| {
            let rest = content[at..]
                .get(..3)
                .filter(|w| w.eq_ignore_ascii_case("on "))
                .map(|_| &content[at + 3..])?;
            let (date, taken) = crate::parse::calendar::leading_month_day(rest, context)?;
            (!rest[taken..].trim_start().starts_with("of ")).then_some(date)
        })
        .next()
}

impl Reader<'_> {
    /// The incident's day a title gives: a date it writes (`INC-20230214` too), else a day it
    /// names by a word relative to the post's publication (see [`relative_title_day`]).
    pub(super) fn title_day(&self, title: &str) -> Option<NaiveDate> {
        find_date_in(title, self.context)
            .map(|d| d.date)
            .or_else(|| compact_date_in(title))
            .or_else(|| {
                self.dates
                    .published()
                    .and_then(|published| relative_title_day(title, published))
            })
    }
}

/// The day a title names relative to the post's publication: `On Yesterday's Log
/// Unavailability`, `Last night's outage` (the day before), `Today's incident`, `This
/// morning's outage` (that day), `Friday's outage` (the last Friday on or before it). A
/// weekday counts only as a possessive (`Friday's`), not as a habit (`Fridays`) or a plan
/// (`Maintenance on Friday`).
fn relative_title_day(title: &str, published: NaiveDate) -> Option<NaiveDate> {
    let lower = title.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(i, word)| {
        let before = i.checked_sub(1).map(|k| words[k]);
        let (stem, possessive) = match word.strip_suffix("'s") {
            Some(stem) => (stem, true),
            None => (*word, false),
        };
        let back = match (stem, before) {
            ("yesterday", _) => 1,
            ("night" | "evening", Some("last")) => 1,
            ("today" | "tonight", _) if possessive => 0,
            ("morning" | "afternoon" | "evening", Some("this")) if possessive => 0,
            (day, _) if possessive && day.len() >= 6 => {
                let day = crate::parse::entry::weekday_of(day)?;
                return weekday_in(published, (0..7).map(|n| -n), day);
            }
            _ => return None,
        };
        published.checked_sub_days(chrono::Days::new(back))
    })
}

/// True when a weekday is named after `on` or `last` (`On Monday we had`, `last Friday`):
/// a day gone by, not one still to come (`until Friday`).
fn opens_past_weekday(content: &str) -> bool {
    let words: Vec<&str> = content
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|pair| {
        (pair[0].eq_ignore_ascii_case("on") || pair[0].eq_ignore_ascii_case("last"))
            && pair[1].len() >= 6
            && crate::parse::entry::is_weekday(pair[1])
    })
}

/// A line without the quote marks, emphasis and spaces it opens with: where its label starts.
fn line_opening(line: &str) -> &str {
    line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '>' | '*' | '_'))
}

/// The day a line labelled as the post's publication gives (`Published: 2024-07-20`,
/// `Posted on March 3, 2021`), or a blog's byline (`February 20, 2023 · 5 min read`), with
/// its year.
pub(super) fn publication_line(line: &str, context: DateContext) -> Option<NaiveDate> {
    let opening = line_opening(line);
    let labelled = skip_word(opening, &["published", "posted"]) > 0;
    // A byline's date opens the line, after any markup (so nothing but markup is before it).
    let last_start = match labelled {
        true => line.len(),
        false => line.len() - line.trim_start_matches(['>', '*', '_', ' ']).len(),
    };
    let found = find_date_starting_by(line, context, last_start).filter(|found| found.has_year)?;
    (labelled || is_byline(&line[found.span.end..])).then_some(found.date)
}

/// True for a line that says when the text itself was made or last changed, not when the
/// incident happened: it opens with a last edit (`*Last Update: May 4, 2025 @ 1945 CEST*`,
/// `Last updated on 2024-03-02`), or names the writing before its date (`Report date:
/// 2022-11-20`, `Published: 2023-07-14`, `Author: Jane, written 2019-09-30`, `Current time of
/// response writing: 2026-04-21 ~20:30 CEST`).
pub(super) fn names_writing(line: &str, context: DateContext) -> bool {
    opens_as_writing(line)
        || find_date_in(line, context).is_some_and(|found| {
            let before = line[..found.span.start].to_lowercase();
            WRITING_WORDS.iter().any(|word| before.contains(word))
                || is_byline(&line[found.span.end..])
        })
}

/// True for what follows the date of a blog's byline (`February 20, 2023 · 5 min read`):
/// a number of minutes, then `read`, says the date is the post's (not `an admin read`).
fn is_byline(after_date: &str) -> bool {
    let words: Vec<&str> = after_date
        .split(|c: char| c.is_whitespace() || matches!(c, '·' | '|' | ',' | '•'))
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(3).any(|w| {
        w[0].bytes().all(|b| b.is_ascii_digit())
            && ["min", "mins", "minute", "minutes"]
                .iter()
                .any(|unit| w[1].eq_ignore_ascii_case(unit))
            && w[2].eq_ignore_ascii_case("read")
    })
}

/// `Written 2024-02-02 about the incident of January 30`: on a line that says when the text
/// was written, a later day introduced by `of` or `on` after a word for the incident is the
/// story's, in the writing's year unless that would put it after the writing.
fn story_day_after_writing(line: &str, context: DateContext) -> Option<NaiveDate> {
    let writing = find_date_in(line, context)?;
    let rest = &line[writing.span.end..];
    let lower = rest.to_ascii_lowercase();
    let names_incident = ["incident", "outage", "event"]
        .iter()
        .any(|word| lower.contains(word));
    if !names_incident {
        return None;
    }
    let with_year = DateContext {
        year: context.year.or(Some(writing.date.year())),
        ..context
    };
    let found = find_date_in(rest, with_year)?;
    let lead = lower[..found.span.start].trim_end();
    if !(lead.ends_with(" of") || lead.ends_with(" on")) {
        return None;
    }
    match found.has_year || found.date <= writing.date {
        true => Some(found.date),
        false => found.date.with_year(found.date.year() - 1),
    }
}

/// True when a line opens by saying when the page was last written (`Last update: …`,
/// `Edited by Sam on 2002-06-15 12:29:51.`): every time on it is the writing's.
pub(super) fn opens_as_writing(line: &str) -> bool {
    // A feed's own stamps (`<updated>2013-10-24T20:55:17-05:00</updated>`).
    const FEED_TAGS: [&str; 4] = ["<updated>", "<published>", "<pubdate>", "<lastbuilddate>"];
    if skip_word(line.trim_start(), &FEED_TAGS) > 0 {
        return true;
    }
    const OPENINGS: [&str; 9] = [
        "generated at",
        "generated on",
        "last update",
        "last modified",
        "last edited",
        "last revised",
        "updated on",
        "edited by",
        "edited on",
    ];
    skip_word(line_opening(line), &OPENINGS) > 0
}

/// Words before a date that make it the day of writing (`Posted on`, `Report date:`).
const WRITING_WORDS: [&str; 11] = [
    "publish",
    "time of writing",
    "response writing",
    "posted",
    "written",
    "authored",
    "report date",
    "date of report",
    "date of this report",
    "created",
    "prepared",
];

/// A year named near the top (`Outage of November 2021`, `(2019)`).
pub(super) fn bare_year_near_top(lines: &[&str]) -> Option<i32> {
    lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .take(8)
        .find_map(|line| bare_year(line))
}

/// The year of a heading that names a month and a year (`### November 16-ongoing, 2023`,
/// `## March 2024`), whatever else it says.
pub(super) fn dated_heading_year(heading: &str) -> Option<i32> {
    let names_month = heading
        .split(|c: char| !c.is_alphabetic())
        .any(|word| word.len() >= 3 && month_number(word).is_some());
    names_month.then(|| bare_year(heading)).flatten()
}

/// A year (1990–2100) written as a word of its own.
pub(super) fn bare_year(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (1990..=2100).contains(y))
}

/// A date in a file name or path (`2024-10-05-outage.md`, `2024/10/05/`), and failing that a
/// year (`incidents/2019/dns.md`).
pub(super) fn date_in_name(name: &str, order: DateOrder) -> (Option<NaiveDate>, Option<i32>) {
    if name.is_empty() {
        return (None, None);
    }
    if let Some(day) = dated_folders(name) {
        return (Some(day), Some(day.year()));
    }
    let context = DateContext { order, year: None };
    // `incident_2023_02_14.md`: underscores where dashes would be.
    let dashed = name.replace('_', "-");
    if let Some(found) = find_date_in(&dashed, context) {
        return (Some(found.date), Some(found.date.year()));
    }
    if let Some(day) = compact_date(name) {
        return (Some(day), Some(day.year()));
    }
    (None, bare_year(name))
}

/// `blog/2023/02/14/checkout.html`, `posts/2023/02/14-checkout.md`: a year, a month and a day
/// in folders of their own, as static sites lay out their posts.
fn dated_folders(name: &str) -> Option<NaiveDate> {
    let number = |part: &str, longest: usize| -> Option<u32> {
        (!part.is_empty() && part.len() <= longest && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let parts: Vec<&str> = name.split(['/', '\\']).collect();
    parts.windows(3).find_map(|folders| {
        let year = i32::try_from(number(folders[0], 4)?).ok()?;
        let month = number(folders[1], 2)?;
        // The day may open the post's own name (`14-checkout.md`), not run into a word.
        let digits = folders[2].bytes().take_while(u8::is_ascii_digit).count();
        let rest = &folders[2][digits..];
        if !(rest.is_empty() || rest.starts_with(['-', '_', '.'])) {
            return None;
        }
        let day = number(&folders[2][..digits], 2)?;
        NaiveDate::from_ymd_opt(year, month, day).filter(|_| (1990..=2100).contains(&year))
    })
}

/// `mainte20070515_mobile.jsp`: a run of exactly eight digits in the file's own name that is
/// a day from 1990 on (`YYYYMMDD`), as notices kept one file a day are named.
fn compact_date(name: &str) -> Option<NaiveDate> {
    compact_date_in(name.rsplit(['/', '\\']).next().unwrap_or(name))
}

/// A run of exactly eight digits that is a day from 1990 on (`YYYYMMDD`): `INC-20230214-01`.
fn compact_date_in(text: &str) -> Option<NaiveDate> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 8)
        .find_map(|run| {
            let year: i32 = run[..4].parse().ok()?;
            let day =
                NaiveDate::from_ymd_opt(year, run[4..6].parse().ok()?, run[6..].parse().ok()?)?;
            (1990..=2100).contains(&year).then_some(day)
        })
}

/// True when a duration value is a length (`4 hours`, `1 h 13 m`, `42 minutes 17 seconds`).
pub(super) fn is_length(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if !lower.is_empty() && lower.bytes().all(|b| b.is_ascii_digit()) {
        return true; // `Duration (minutes): 55`
    }
    lower.starts_with(|c: char| c.is_ascii_digit() || c == '~')
        && ["min", "hour", "hr", "sec", "day", "h ", "m", "h"]
            .iter()
            .any(|unit| lower.contains(unit))
}

/// True when a range's value says more than its stamps: three or more words (of three
/// letters or more) that are not months, weekdays, zones or the words that join a range.
pub(super) fn is_sentence(value: &str) -> bool {
    const JOINING: &[&str] = &[
        "from", "until", "and", "between", "through", "the", "utc", "gmt", "time", "local",
    ];
    own_words(value, JOINING).count() >= 3
}

/// The words of three letters or more in a line that gives a day or a time which say
/// something of their own: no month, weekday or zone (`EST`, `CEST`), nor one of `stamp_words`
/// (lower case).
pub(super) fn own_words<'a>(
    text: &'a str,
    stamp_words: &'a [&str],
) -> impl Iterator<Item = &'a str> + 'a {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 3)
        .filter(move |w| {
            let lower = w.to_lowercase();
            let stamp = crate::parse::calendar::month_number(&lower).is_some()
                || lower.parse::<chrono::Weekday>().is_ok()
                || stamp_words.contains(&lower.as_str())
                || w.chars().all(|c| c.is_uppercase());
            !stamp
        })
}

/// Splits a range written `A - B`, `A – B`, `A to B`, `08:41–09:54`.
pub(super) fn split_range(value: &str) -> Option<(&str, &str)> {
    if let Some(found) = [
        " - ",
        " – ",
        " — ",
        " → ",
        " -> ",
        " to ",
        " until ",
        " through ",
    ]
    .iter()
    .find_map(|sep| value.split_once(sep))
    {
        return Some(found);
    }
    // `08:41–09:54`: a dash between two clocks, the first such dash (`~2–3 hours (approx
    // 05:30–08:00 UTC)` has a dash between two counts first).
    // The first clock is looked for once: a line of many dashes stays linear.
    let first_clock_end = clocks_at_word_starts(value)
        .next()
        .map(|(at, clock)| at + clock.len)?;
    value
        .match_indices(['–', '—'])
        .filter(|(at, _)| *at >= first_clock_end)
        .map(|(at, dash)| (&value[..at], &value[at + dash.len()..]))
        .find(|(_, right)| leading_clock(right.trim_start()).is_some())
}

/// `PT`, `ET`, `CT` or `MT` written right after the time in one half of a range (`9 AM ET`,
/// `14:00 PT`); these two letters are a zone only there.
fn short_zone_after_clock(half: &str, context: DateContext) -> Option<FoundZone> {
    let span = find_date_in(half, context).map_or(0..0, |d| d.span);
    let (at, clock) = clock_in(half, span)?;
    let after = half[at + clock.len..].strip_prefix(' ')?;
    crate::parse::zone::short_us_zone(after)
}

/// The date (if any) and time of day written in one half of a range.
pub(super) fn moment_in(
    text: &str,
    context: DateContext,
) -> Option<(Option<NaiveDate>, NaiveTime)> {
    let date = find_date_in(text, context);
    let span = date.as_ref().map_or(0..0, |d| d.span.clone());
    let (at, clock) = clock_in(text, span)?;
    // `2021年11月25日午後3時`: the part of the day written before the time.
    let time = crate::parse::zone::trailing_day_part(&text[..at])
        .map_or(clock.time, |part| part.on(clock.time));
    Some((date.map(|d| d.date), time))
}

/// The first time of day in `text` outside its date's `span`, and where it starts.
fn clock_in(text: &str, span: std::ops::Range<usize>) -> Option<(usize, Clock)> {
    let bytes = text.as_bytes();
    text.char_indices()
        .filter(|&(i, _)| {
            // After a word, or inside a clock (`17:06:46`), no time starts; after the `T` of
            // ISO 8601 (`2021-01-13T17:06:46Z`) one does.
            let starts_here = i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b':')
                || (bytes[i - 1] == b'T' && i >= 2 && bytes[i - 2].is_ascii_digit());
            (i < span.start || i >= span.end) && starts_here
        })
        .find_map(|(i, _)| leading_clock(&text[i..]).map(|clock| (i, clock)))
}

/// A zone written right after the time in a value such as `2024-08-20 14:00 UTC`.
pub(super) fn zone_after_time(value: &str) -> Option<FoundZone> {
    let (_, rest) = value.split_once(':')?;
    let at = rest.find(|c: char| !c.is_ascii_digit() && c != ':')?;
    // `17:06:46.693Z`: fractions of a second come before the zone.
    let rest = rest[at..]
        .strip_prefix('.')
        .map_or(&rest[at..], |fraction| {
            fraction.trim_start_matches(|c: char| c.is_ascii_digit())
        });
    if let Some((offset, len)) = crate::parse::zone::attached_offset(rest) {
        return Some(FoundZone::fixed(offset, &rest[..len], 0));
    }
    None
}

impl Reader<'_> {
    /// A stated start or end written as a bare time (`Duration: 09:31 - 18:32`) takes the
    /// incident's day, so that it is never compared with dated entries across 1970: the
    /// start the first dated entry's day (else the document's), the end the start's, a day
    /// later when its time is earlier.
    pub(super) fn date_the_stated_window(&mut self, first_date: Option<NaiveDate>) {
        let day = self
            .incident
            .timeline
            .iter()
            .find_map(|e| e.at.date)
            .or(first_date);
        let Some(day) = day else {
            return;
        };
        if let Some(start) = self.incident.start.as_mut().filter(|s| s.date.is_none()) {
            start.date = Some(day);
        }
        let start = self.incident.start;
        let mut moved = None;
        if let Some(end) = self.incident.end.as_mut().filter(|e| e.date.is_none()) {
            let from = start.and_then(|s| s.date).unwrap_or(day);
            let later = start.filter(|s| end.time < s.time);
            end.date = Some(if later.is_some() {
                from.succ_opt().unwrap_or(from)
            } else {
                from
            });
            moved = later.map(|s| (s.time, end.time));
        }
        if let Some((start, end)) = moved {
            self.warn_at_end(next_day_message(start, end));
        }
    }

    /// A stated window written without a zone (`**Duration:** ~2 jam (04:39 - 06:42)`) above a
    /// timeline whose every timed entry is in one zone (`## Timeline (WIB)`) is in that zone:
    /// read as UTC, the header had shown it seven hours later than the entries it spans.
    pub(super) fn zone_the_stated_window(&mut self) {
        let mut offsets = self.incident.timeline.iter().map(|e| e.at.offset);
        let Some(Some(offset)) = offsets.next() else {
            return;
        };
        if !offsets.all(|o| o == Some(offset)) {
            return;
        }
        for moment in [&mut self.incident.start, &mut self.incident.end]
            .into_iter()
            .flatten()
        {
            if moment.offset.is_none() {
                moment.offset = Some(offset);
            }
        }
    }

    /// Warns when the incident's end, dated, is still before its start.
    pub(super) fn check_window_order(&mut self) {
        let (Some(start), Some(end)) = (self.incident.start, self.incident.end) else {
            return;
        };
        if start.date.is_some() && end.date.is_some() && end.axis_seconds() < start.axis_seconds() {
            self.warn_at_end(format!(
                "the end ({end}) is before the start ({start}); it is kept as written, expected an end after the start"
            ));
        }
    }

    /// A warning at where the incident's end was written (the first line when not known).
    fn warn_at_end(&mut self, message: String) {
        match self.dates.end_at {
            Some((index, at)) if index < self.lines.len() => self.warn(index, at, message),
            _ => self
                .diagnostics
                .push(Diagnostic::warning(1, 1, message, "")),
        }
    }
}

/// The warning for an end read on the day after its start because its time is earlier.
fn next_day_message(start: NaiveTime, end: NaiveTime) -> String {
    format!(
        "the end ({}) is earlier in the day than the start ({}); it is read as the next day (write its date if that is wrong)",
        end.format("%H:%M"),
        start.format("%H:%M")
    )
}

/// The two ends of a window where only one writes its part of the day (`Some(true)` for PM):
/// the other is read in the morning or twelve hours later, whichever gives the shorter window
/// (`9:24-9:50 PM` is 21:24-21:50, `11:50-12:10 AM` is 23:50-00:10, `10:00-2:00 PM` is
/// 10:00-14:00).
fn share_part_of_day(
    (start, start_part): (NaiveTime, Option<bool>),
    (end, end_part): (NaiveTime, Option<bool>),
) -> (NaiveTime, NaiveTime) {
    let length =
        |from: NaiveTime, to: NaiveTime| (to - from + Duration::days(1)).num_minutes() % 1440;
    let later = |time: NaiveTime| match time.hour() < 12 {
        true => Some(time + Duration::hours(12)),
        false => None,
    };
    match (start_part, end_part) {
        (None, Some(_)) => match later(start) {
            Some(pm) if length(pm, end) < length(start, end) => (pm, end),
            _ => (start, end),
        },
        (Some(_), None) => match later(end) {
            Some(pm) if length(start, pm) < length(start, end) => (start, pm),
            _ => (start, end),
        },
        _ => (start, end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iso_stamp_with_fractions_reads_its_time_and_zone() {
        let value = "'2021-01-13T17:06:46.693Z'";
        let (date, time) = moment_in(value, DateContext::default()).unwrap();
        assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2021-01-13"));
        assert_eq!(time.to_string(), "17:06:46");
        let zone = zone_after_time(value).unwrap();
        assert_eq!(zone.offset, crate::model::UtcOffset::UTC);
    }

    #[test]
    fn a_path_dates_the_incident_as_static_sites_lay_out_posts() {
        let day = |name| {
            date_in_name(name, DateOrder::default())
                .0
                .map(|d| d.to_string())
        };
        let feb_14 = Some("2023-02-14".to_owned());
        assert_eq!(day("blog/2023/02/14/checkout.html"), feb_14);
        assert_eq!(day("_posts/2023/02/14-checkout.md"), feb_14);
        assert_eq!(day("https://example.org/2023/2/14/"), feb_14);
        assert_eq!(day("incident_2023_02_14.md"), feb_14);
        assert_eq!(day("2023-02-14-checkout.md"), feb_14);
        // A folder of a year and a month, then a name that does not open with a day.
        assert_eq!(day("notes/2023/02/5xx-errors.md"), None);
        assert_eq!(
            date_in_name("notes/2023/02/5xx-errors.md", DateOrder::default()).1,
            Some(2023)
        );
        assert_eq!(day("v1/20/14/x.md"), None);
    }

    #[test]
    fn a_feeds_own_stamp_says_when_it_was_written() {
        assert!(opens_as_writing(
            "  <updated>2013-10-24T20:55:17-05:00</updated>"
        ));
        assert!(opens_as_writing(
            "<pubDate>Thu, 24 Oct 2013 20:55:17 GMT</pubDate>"
        ));
        assert!(!opens_as_writing("<entry>Site restored at 20:55</entry>"));
    }

    #[test]
    fn a_title_names_the_day_relative_to_the_post() {
        // Wednesday 5 September 2012.
        let published = NaiveDate::from_ymd_opt(2012, 9, 5).unwrap();
        let day = |title| relative_title_day(title, published).map(|d| d.to_string());
        assert_eq!(
            day("On Yesterday's Log Unavailability").as_deref(),
            Some("2012-09-04")
        );
        assert_eq!(
            day("What happened last night").as_deref(),
            Some("2012-09-04")
        );
        assert_eq!(day("Today’s outage").as_deref(), Some("2012-09-05"));
        assert_eq!(
            day("This morning's API errors").as_deref(),
            Some("2012-09-05")
        );
        assert_eq!(day("Monday's outage").as_deref(), Some("2012-09-03"));
        assert_eq!(day("Wednesday's deploy").as_deref(), Some("2012-09-05"));
        assert_eq!(day("Maintenance on Friday"), None);
        assert_eq!(day("Fridays are for deploys"), None);
        assert_eq!(day("Today we moved to a new host"), None);
        assert_eq!(day("Post-mortem: build outage"), None);
    }
}
