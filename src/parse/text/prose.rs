//! Events found in prose when a postmortem has no timeline section.

use super::*;
use crate::parse::inline::picture_and_target_ranges;

impl Reader<'_> {
    /// Finds timestamped sentences in the prose when the postmortem has no timeline.
    pub(super) fn infer_events(&mut self) {
        let prose = std::mem::take(&mut self.prose);
        let document_context = self.context;
        // A date written in the prose before the first event ("On March 5, 2024 we ...")
        // dates the times after it; later dates only count when written with a time.
        let mut running_date = None;
        // The day of the last moment read here, which a later moment may only carry on.
        let mut pushed_day = None;
        // Days a relative word moved the last moment by (`16.00 uur gistermiddag`: -1).
        let mut carried_later = 0;
        // The last day the prose wrote itself (with an event, or before the first one): it
        // outranks a date in the title for the times after it.
        let mut narrated = None;
        // True while the lines continue an entry-shaped line (`- **03:17** — text`).
        let mut in_entry = false;
        // The last entry-shaped line read, when the paragraph after it may be its text (it is
        // neither a list's item nor the end of a paragraph).
        let mut entry_line: Option<usize> = None;
        // A run of entry-shaped lines is the timeline, wherever it sits; the times in the
        // sentences around it then narrate it and are not events of their own.
        let last_run_entry = entry_run_end(&prose, &self.lines, document_context);
        let has_timeline = last_run_entry.is_some();
        // Whether an entry-shaped line was read with no heading since, for the paragraphs
        // between entries; `headings_scanned` is the line up to which headings were looked
        // for (each line is looked at once).
        let mut entry_open = false;
        let mut headings_scanned = 0;
        for (number, prose_line) in prose.iter().enumerate() {
            let context = DateContext {
                year: prose_line.year,
                ..document_context
            };
            let text = self.lines[prose_line.raw_index].text.clone();
            let (content, _, is_item) = strip_list_marker(&text);
            // `[18:48]` alone, then a paragraph: that paragraph is the entry's text.
            let waiting = in_entry
                && self
                    .incident
                    .timeline
                    .last()
                    .is_some_and(|e| e.text.is_empty())
                && entry_line
                    .and_then(|line| self.lines.get(line + 1..prose_line.raw_index))
                    .is_some_and(|between| between.iter().all(|l| l.text.trim().is_empty()));
            if in_entry
                && (prose_line.continues || waiting)
                && timeline_entry(content, context).is_none()
            {
                self.append_to_last_event(content.trim());
                continue;
            }
            in_entry = false;
            // `At 1400UTC on` / `August 5th 2023, ...`, `by 08:35 UTC on June` / `21st, 2020
            // the rooms ...`: the date that the line's end cuts goes on at the next line.
            let wrapped_date = |cut: &str| {
                let next = prose.get(number + 1).filter(|next| next.continues)?;
                let joined = format!(
                    "{cut} {}",
                    head(self.lines[next.raw_index].text.trim_start(), 40)
                );
                let rest = joined
                    .strip_prefix("on")
                    .map_or(joined.as_str(), str::trim_start);
                let found = find_date_in(rest, context)?;
                (found.span.start == 0).then_some(found.date)
            };
            // `At 06:15 UTC ... By 09:00 UTC ...` opens a paragraph of narration, each of its
            // times a moment; a line opening with its stamp is one entry.
            let narrates = opens_with_time_word(content);
            let entry = (!narrates)
                .then(|| timeline_entry(content, context))
                .flatten();
            // `2021-12-18 05:54:00.506 DEBUG worker: ...` is a line of a program's log.
            if entry
                .as_ref()
                .is_some_and(|entry| opens_with_log_level(&entry.text_in(content)))
            {
                self.warn(
                    prose_line.raw_index,
                    prose_line.column_base,
                    "read as a line of a program's log (a log level after its time), not as an event; expected it in a code block",
                );
                continue;
            }
            let found_times: Vec<(FoundTime, (i8, bool))> = match entry {
                // A line shaped like a timeline entry, outside a timeline section.
                Some(entry) => {
                    in_entry = true;
                    // A list's item is a block of its own: the paragraph after the list is
                    // not its text.
                    // A stamp under the paragraph it ends (`<br>June 25, 00:30 PT`, as status
                    // pages write them) dates that paragraph, which is its text.
                    let under_paragraph = !is_item && self.ends_paragraph(prose_line.raw_index);
                    entry_line = (!is_item && !under_paragraph).then_some(prose_line.raw_index);
                    entry_open = true;
                    headings_scanned = prose_line.raw_index + 1;
                    // `14:10 → started; 14:11 → stopped.`: a moment for each sentence's time.
                    let written = entry.text_in(content);
                    let (mut text, later) = cut_at_later_moments(&written, true);
                    if text.is_empty() && under_paragraph {
                        text = self.paragraph_above(prose_line.raw_index);
                    }
                    // `At 04:20 UTC on June 22nd, 2020 the standby ...`: a date after the time.
                    let (date, days_later) = match entry.date {
                        Some(date) => (Some(date), (0, false)),
                        None => inferred_times(content, context)
                            .into_iter()
                            .next()
                            .filter(|f| f.time == entry.time)
                            .map_or((None, (0, false)), |f| (f.date, (f.days_later, f.today))),
                    };
                    let written_at = content.len() - written.len();
                    let later = later.into_iter().map(|moment| {
                        let at = written_at + moment.at;
                        let zone = entry.zone.clone();
                        ((None, moment.time, zone, at, moment.text), (0, false))
                    });
                    let first = ((date, entry.time, entry.zone.clone(), 0, text), days_later);
                    std::iter::once(first).chain(later).collect()
                }
                // `2019-3-10` / `Five nodes were down around 2pm today ...`: a paragraph
                // between the run's entries, with no heading between it and the last one, is
                // one of its items at its first time (unless an entry just before told it).
                None if has_timeline => {
                    let index = prose_line.raw_index;
                    if let Some(lines) = self.lines.get(headings_scanned..index) {
                        if lines.iter().any(|l| heading_level(&l.text).is_some()) {
                            entry_open = false;
                        }
                    }
                    headings_scanned = headings_scanned.max(index);
                    let inside = entry_open && last_run_entry.is_some_and(|last| index < last);
                    // Told just before: one of the last few entries has that time.
                    let told = |time| {
                        self.incident
                            .timeline
                            .iter()
                            .rev()
                            .take(3)
                            .any(|e| e.at.time == time)
                    };
                    match inside {
                        true => narrated_times(content, context)
                            .into_iter()
                            .take(1)
                            .filter(|f| !told(f.time))
                            .map(|f| {
                                let sentence = sentence_excerpt(f.sentence);
                                (
                                    (f.date, f.time, f.zone, f.at, sentence),
                                    (f.days_later, f.today),
                                )
                            })
                            .collect(),
                        false => Vec::new(),
                    }
                }
                // `1.13. [5/3/14](#…)`: an item of a table of contents, not narration.
                None if crate::parse::entry::contents_item(content) => Vec::new(),
                None => {
                    // `![Screen shot … at 1.06.52 PM](…)`: a picture's name is not narration.
                    let mut hidden = match content.contains("](") {
                        true => picture_and_target_ranges(content),
                        false => Vec::new(),
                    };
                    // `<img … alt="… June 12, 2025 2:27pm Central">`: nor an HTML tag's.
                    if content.contains('<') {
                        hidden.extend(crate::parse::inline::html_tag_ranges(content));
                    }
                    // `Data written between 14:02 and 14:40 was replayed.` after `At 14:02 …`:
                    // a window (or a time in parentheses) restating a moment already told is
                    // not a new one.
                    narrated_times(content, context)
                        .into_iter()
                        .filter(|f| !hidden.iter().any(|range| range.contains(&f.at)))
                        .filter(|f| !(f.may_restate && self.tells_time(f.time)))
                        // `Published: 2024-07-20 18:38` and `Edited by Sam on 2002-06-15
                        // 12:29:51.` say when the text went out.
                        .filter(|f| {
                            let label = content[..f.at].trim_end_matches([' ', '`', '*', '_']);
                            let writing_stamp = opens_as_writing(content)
                                || (label.ends_with(':') && names_writing(content, context));
                            !writing_stamp
                        })
                        .map(|f| {
                            let date = f.date.or_else(|| f.date_wraps.and_then(wrapped_date));
                            let sentence = sentence_excerpt(f.sentence);
                            (
                                (date, f.time, f.zone, f.at, sentence),
                                (f.days_later, f.today),
                            )
                        })
                        .collect()
                }
            };
            // `On Thursday, things turned for the worse.` once a day is in force: the story
            // moves on to that weekday (its times follow on it).
            if found_times.is_empty() {
                let opening = |from| {
                    sentences_of(content).find_map(|sentence| {
                        self.weekday_ahead(sentence, from, Weekday::OpensTheSentence)
                    })
                };
                if let Some(day) = running_date.and_then(opening) {
                    running_date = Some(day);
                }
            }
            // `I had a fun Friday. I woke up at 6am ...` in a post dated only by its publication.
            let mut named_weekday = None;
            if running_date.is_none() && self.incident.timeline.is_empty() {
                named_weekday = self.weekday_before_publication(content);
                running_date = named_weekday;
            }
            let published = self.dates.published();
            let mut scanned = 0;
            let mut line_date = None;
            for ((date, time, zone, at, sentence), (days_later, today)) in found_times {
                // "On March 5, 2024 ... at 14:02", "On March 29th, at around 10:00": a date
                // earlier on the line, with its year or its month's name (each byte read once).
                // Not across a dash or semicolon that opens an aside (`Unrelated to the
                // 2026-08-17 incidents — the last scan was at 22:39.`).
                if let Some(before) = content.get(scanned..at).and_then(|t| {
                    find_date_in(t, context)
                        .filter(|d| d.has_year || t[d.span.clone()].contains(char::is_alphabetic))
                        .filter(|d| {
                            let between = &t[d.span.end..];
                            !between.contains(" — ") && !between.contains("; ")
                        })
                }) {
                    line_date = Some(before.date);
                }
                scanned = scanned.max(at);
                if let Some(written) = date.or(line_date) {
                    narrated = Some(written);
                }
                let heading_day = match (prose_line.title_day, narrated) {
                    (true, Some(day)) => Some(day),
                    _ => prose_line.day,
                };
                // `from late last night (April 5th) until 10:45am this morning`: the day
                // named earlier on the line is not this time's.
                let written = date.or(line_date.filter(|_| !today));
                // `at 8 PM UTC on the 16th`: that day of the story's month.
                let written = written.or_else(|| {
                    let day = day_of_month_after(content.get(at..)?)?;
                    let month = heading_day
                        .or(running_date)
                        .or(self.dates.title)
                        .or(self.dates.described)
                        .or(self.dates.field)
                        .or(published)?;
                    month.with_day(day)
                });
                // The sentence that tells this time (cut at `a.m.` only where a new sentence opens).
                let told_in = sentence_span(content, at);
                // `On Wednesday night at around 22:30 UTC`, `at 22:00 UTC on Thursday` once a
                // day is in force: the next such weekday from it.
                let written = written.or_else(|| {
                    let from = running_date.filter(|_| heading_day.is_none() && days_later == 0)?;
                    self.weekday_ahead(
                        content.get(told_in.clone()).unwrap_or(content),
                        from,
                        Weekday::Anywhere,
                    )
                });
                // A moment a relative word moved (`16.00 uur gistermiddag`) moves the story's
                // later moments that write no day of their own as well, unless they follow a
                // moment dated since (whose day they take as it is).
                // `8pm last night (Thursday, 13th)` in a post of Friday: the weekday names the
                // day the relative word gives, which is not moved again.
                let restated = named_weekday
                    .zip(published)
                    .is_some_and(|(named, published)| shift_days(published, days_later) == named);
                let shift = match days_later {
                    _ if restated => 0,
                    0 if written.is_none()
                        && (heading_day.is_some() || running_date.is_none())
                        && !names_today(&sentence) =>
                    {
                        carried_later
                    }
                    later => later,
                };
                carried_later = match written {
                    Some(_) => 0,
                    None => shift,
                };
                // `11:20am today` in a post dated by its publication: that day.
                let writing_day = published.filter(|_| today && written.is_none());
                let date = written
                    .or(heading_day)
                    .or(writing_day)
                    .or(running_date)
                    .map(|day| match date {
                        None => shift_days(day, shift),
                        Some(_) => day,
                    });
                // A day only carried on from the moment before is no day the sentence writes:
                // a step past midnight from that moment is the next day (`At 8 pm ...`, then
                // `At around 2:30 am ...`).
                // Only a sentence that opens with its time goes on with the story (`At around
                // 2:30 am, ...`); one that tells it inside (`a cron job that ran at 03:00`) may
                // look back.
                let opens_with_time = content
                    .get(told_in.start..at)
                    .unwrap_or("")
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count()
                    <= 2;
                let carried = opens_with_time
                    && written.is_none()
                    && heading_day.is_none()
                    && writing_day.is_none()
                    && shift == 0
                    && date.is_some()
                    && date == pushed_day
                    && self
                        .raw_events
                        .last()
                        .is_some_and(|raw| raw.line < prose_line.line);
                running_date = date;
                pushed_day = date;
                self.incident.timeline.push(TimelineEvent {
                    at: Moment::new(date, time, None),
                    text: sentence,
                    inferred: true,
                    kind: None,
                });
                self.raw_events.push(RawEvent {
                    line: prose_line.line,
                    at: prose_line.column_base + at,
                    line_index: prose_line.raw_index,
                    date: date.filter(|_| !carried),
                    later: if date.is_none() { shift } else { 0 },
                    day_marker: None,
                    aside: false,
                    inherited: false,
                    time,
                    zone: zone.map(Box::new),
                });
            }
            // A page's last edit (`*Last Update: May 4, 2025*`) does not date its story. A day
            // written with its month's name and no year counts once the document gives the
            // year, when it opens the line (`4 czerwca w …`, `On June 4, …`): not `down until
            // 5th of July`.
            if self.incident.timeline.is_empty() && !names_writing(content, context) {
                let dates_the_story = |d: &crate::parse::calendar::FoundDate| {
                    // `On Tuesday 25 June ...`: a weekday before the day opens it too.
                    let lead = content[..d.span.start].trim_end().trim_end_matches(',');
                    let lead = match lead.rsplit_once(' ') {
                        Some((before, day)) if crate::parse::entry::is_weekday(day) => before,
                        None if crate::parse::entry::is_weekday(lead) => "",
                        _ => lead,
                    };
                    let opens = lead.trim().chars().count() <= 3;
                    d.has_year
                        || (context.year.is_some()
                            && opens
                            && content[d.span.clone()].contains(char::is_alphabetic))
                };
                // `On Friday 21 June a pull request was made.` then `On Tuesday 25 June it was
                // merged.`: the latest day told before the first moment is the one in force.
                if let Some(date) = find_date_in(content, context).filter(dates_the_story) {
                    running_date = Some(date.date);
                    narrated = Some(date.date);
                }
            }
        }
    }
}

impl Reader<'_> {
    /// The day a weekday named in the story means (`I had a fun Friday.`) when the document
    /// is dated only by its publication (front matter or path): the last such weekday on or
    /// before it. `None` when the document writes a day of its own, the line writes a date
    /// (the weekday is that date's) or names no single weekday in full (`Fridays` is a
    /// habit, not a day).
    pub(super) fn weekday_before_publication(&self, content: &str) -> Option<NaiveDate> {
        let published = self.publication_alone(content)?;
        let weekday = content
            .split(|c: char| !c.is_ascii_alphabetic())
            .find_map(full_weekday)?;
        super::dates::weekday_in(published, (0..7).map(|n| -n), weekday)
    }

    /// The day a weekday named in `sentence` (`On Thursday, ...`, `at 22:00 UTC on
    /// Wednesday night`) means once the story's day `from` is in force: the next such weekday
    /// on or after it, as a story goes forward, and not after the post's publication. With
    /// [`Weekday::OpensTheSentence`] only a weekday that opens it (`On Thursday, ...`,
    /// `Friday: ...`) counts. A habit (`Fridays`, `every Monday`) and a look back (`last
    /// Monday`, `the previous Friday`) name no day here.
    pub(super) fn weekday_ahead(
        &self,
        sentence: &str,
        from: NaiveDate,
        place: Weekday,
    ) -> Option<NaiveDate> {
        let words: Vec<&str> = sentence
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .collect();
        let named = words.iter().enumerate().find_map(|(i, word)| {
            let before = i.checked_sub(1).map(|k| words[k].to_ascii_lowercase());
            let placed = match place {
                Weekday::Anywhere => true,
                Weekday::OpensTheSentence => i == 0 || (i == 1 && before.as_deref() == Some("on")),
            };
            let habit_or_back = before
                .as_deref()
                .is_some_and(|w| matches!(w, "every" | "each" | "last" | "previous" | "past"));
            (placed && !habit_or_back)
                .then(|| full_weekday(word))
                .flatten()
        })?;
        let day = super::dates::weekday_in(from, 0..7, named)?;
        self.dates
            .published()
            .is_none_or(|published| day <= published)
            .then_some(day)
    }

    /// The day before the post's publication, for `from about 9:30pm to 12:30am last night`
    /// or `Yesterday, ...` in a post dated only by its publication.
    pub(super) fn day_before_publication(&self, content: &str) -> Option<NaiveDate> {
        let published = self.publication_alone(content)?;
        let lower = content.to_ascii_lowercase();
        let says = ["last night", "yesterday"].iter().any(|words| {
            lower.match_indices(words).any(|(at, _)| {
                !lower[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
                    && !lower[at + words.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            })
        });
        says.then(|| published.pred_opt()).flatten()
    }

    /// The post's publication day when it is the only day the document gives, and `content`
    /// writes no date of its own (`until Friday July 28th` names its own day).
    fn publication_alone(&self, content: &str) -> Option<NaiveDate> {
        let dates = &self.dates;
        if dates.field.is_some()
            || dates.title.is_some()
            || dates.described.is_some()
            || dates.loose.is_some()
        {
            return None;
        }
        let published = dates.published()?;
        find_date_in(content, self.context)
            .is_none()
            .then_some(published)
    }
}

/// True when a line opens with a word that introduces a time in a sentence (`At 06:15 UTC`,
/// `By 09:00`, `On March 3 at 10:00`), as narration does and a timeline entry does not.
fn opens_with_time_word(content: &str) -> bool {
    const WORDS: [&str; 7] = [
        "at",
        "by",
        "around",
        "about",
        "approximately",
        "until",
        "on",
    ];
    let content = content.trim_start_matches(['*', '_']);
    let first = content
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // `At 5:10 PM: Facilities restored power` is an entry's stamp, not narration.
    WORDS.iter().any(|word| first.eq_ignore_ascii_case(word))
        && !stamp_then_separator(&content[first.len()..])
}

/// The line of the last entry-shaped prose line (`- 07:45: text`) when two of them follow each
/// other, with only lines wrapped from the first or blank lines between them: the document's
/// timeline is that run, wherever it sits. `None` when no two do.
fn entry_run_end(prose: &[ProseLine], lines: &[Line<'_>], context: DateContext) -> Option<usize> {
    let mut last_entry: Option<(usize, usize)> = None;
    let mut run = false;
    for (position, prose_line) in prose.iter().enumerate() {
        let index = prose_line.raw_index;
        let (content, _, is_item) = strip_list_marker(&lines[index].text);
        // A list item or a line opening with its stamp; `At 10:00 we ...` opens a paragraph,
        // or narrates in a list item (`* At 3:15 AM the primary crashed.`), as the reading
        // of each line below takes it.
        let shaped = is_item || content.starts_with(|c: char| c.is_ascii_digit() || c == '*');
        // A program's log lines are no timeline either.
        let entry = timeline_entry(content, context);
        if !shaped
            || opens_with_time_word(content)
            || entry.is_none_or(|entry| opens_with_log_level(&entry.text_in(content)))
        {
            continue;
        }
        // Each line between is read once: the ranges between entries do not overlap.
        let adjacent = last_entry.is_some_and(|(last_position, last)| {
            let wrapped = &prose[last_position + 1..position];
            let blank = (last + 1..index)
                .filter(|&i| lines[i].text.trim().is_empty())
                .count();
            wrapped.iter().all(|p| p.continues) && wrapped.len() + blank == index - last - 1
        });
        run |= adjacent;
        last_entry = Some((position, index));
    }
    last_entry.filter(|_| run).map(|(_, index)| index)
}

impl Reader<'_> {
    /// The line above line `index`, past the empty piece that a `<br>` opening the same source
    /// line leaves before it.
    fn line_above(&self, index: usize) -> Option<usize> {
        let number = self.lines[index].number;
        self.lines[..index]
            .iter()
            .rposition(|line| line.number != number || !line.text.trim().is_empty())
    }

    /// True when line `index` comes right under a line of a paragraph (not a list's item, a
    /// thematic break or the front matter), with no blank line between, so it ends that
    /// paragraph.
    fn ends_paragraph(&self, index: usize) -> bool {
        self.line_above(index)
            .filter(|&above| above >= self.body_start)
            .map(|above| &self.lines[above].text)
            .is_some_and(|above| {
                !above.trim().is_empty()
                    && heading_level(above).is_none()
                    && !strip_list_marker(above).2
                    && !is_rule(above)
            })
    }

    /// The lines of the paragraph that line `index` ends, before it, joined by spaces.
    fn paragraph_above(&self, index: usize) -> String {
        let above = self.line_above(index).map_or(0, |at| at + 1);
        let start = self.lines[..above]
            .iter()
            .rposition(|line| {
                line.text.trim().is_empty()
                    || heading_level(&line.text).is_some()
                    || is_rule(&line.text)
            })
            .map_or(0, |blank| blank + 1)
            .max(self.body_start.min(above));
        let words: Vec<&str> = self.lines[start..above]
            .iter()
            .map(|line| line.text.trim())
            .filter(|text| !text.is_empty())
            .collect();
        words.join(" ")
    }
}

/// Where [`Reader::weekday_ahead`] looks for a weekday in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weekday {
    Anywhere,
    OpensTheSentence,
}

/// The weekday a capitalised word names in full (`Thursday`; not `Thu`, `thursday` or
/// `Thursdays`).
fn full_weekday(word: &str) -> Option<chrono::Weekday> {
    (word.len() >= 6 && word.starts_with(|c: char| c.is_ascii_uppercase()))
        .then(|| crate::parse::entry::weekday_of(word))
        .flatten()
}

/// The sentences of `content`, split where [`crate::parse::infer::sentence_ends`] says
/// (not at `a.m.` or `e.g.`).
fn sentences_of(content: &str) -> impl Iterator<Item = &str> {
    let mut ends = crate::parse::infer::sentence_ends(content);
    ends.push(content.len());
    let mut start = 0;
    ends.into_iter().filter_map(move |end| {
        let sentence = content.get(start..end).filter(|_| end > start);
        start = end;
        sentence
    })
}

/// The bytes of the sentence of `content` that holds the byte `at` (see [`sentences_of`]).
fn sentence_span(content: &str, at: usize) -> std::ops::Range<usize> {
    let ends = crate::parse::infer::sentence_ends(content);
    let start = ends
        .iter()
        .copied()
        .filter(|&end| end <= at)
        .max()
        .unwrap_or(0);
    let end = ends
        .iter()
        .copied()
        .find(|&end| end > at)
        .unwrap_or(content.len());
    start..end
}

#[cfg(test)]
mod tests {
    use super::sentence_excerpt;

    #[test]
    fn a_long_sentence_is_cut_before_a_link_it_would_break() {
        let long = format!(
            "{} and we published the [security incident blog post](https://example.org/blog/2019/04/11/security-incident/) later.",
            "word ".repeat(70)
        );
        let cut = sentence_excerpt(&long);
        assert!(cut.ends_with("published the…"), "{cut}");
        assert!(!cut.contains('['));
        let code = format!(
            "{} ran `kubectl get pods --all-namespaces` again",
            "x".repeat(390)
        );
        assert!(!sentence_excerpt(&code).contains('`'));
        assert_eq!(
            sentence_excerpt("Short [link](https://a.b)."),
            "Short [link](https://a.b)."
        );
    }

    #[test]
    fn a_table_row_told_as_prose_keeps_its_cells_apart() {
        assert_eq!(
            sentence_excerpt("| Reported | 2026-04-19T14:30Z |"),
            "Reported — 2026-04-19T14:30Z"
        );
        assert_eq!(sentence_excerpt("||"), "");
        assert_eq!(
            sentence_excerpt("| Command | `grep a \\| b` ran at 2023-04-11T16:00Z |"),
            "Command — `grep a | b` ran at 2023-04-11T16:00Z"
        );
        assert_eq!(
            sentence_excerpt("| **Summary** | At 11:58 AM users could not log in."),
            "**Summary** — At 11:58 AM users could not log in."
        );
    }
}
