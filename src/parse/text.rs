//! The reader for plain-text and Markdown postmortems.
//!
//! One pass over the lines, in linear time. Each line is a heading or labelled field (which
//! moves the reader to another part of the incident), a list item, a timeline entry, or prose
//! that joins the part the reader is in. A second step gives timeline entries their dates
//! and offsets once the whole text is known, since the `Duration:` line may come after them.

use chrono::{Duration, NaiveDate, NaiveTime, Timelike};

use super::calendar::find_date;
use super::clock::leading_clock;
use super::diagnostic::{column_of, Diagnostic};
use super::impact::affected_users_percent;
use super::inline::{segments, unsafe_link_targets, Inline};
use super::labels::{field_for, is_truncated_postmortem, labelled, Field};
use super::lines::{source_lines, SourceLine};
use super::zone::{find_zone, FoundZone};
use super::Parsed;
use crate::model::{ActionItem, Incident, Link, Moment, Section, TimelineEvent, UtcOffset};

/// Where prose and list items go at the reader's current position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Summary,
    Impact,
    RootCause,
    Detection,
    Resolution,
    Timeline,
    Improvements,
    ActionItems,
    Addendum,
    /// An unrecognised section, by index into `other_sections`.
    Other(usize),
}

/// A timeline entry as read, before dates and offsets are settled.
struct RawEvent {
    line: u32,
    excerpt: String,
    date: Option<NaiveDate>,
    time: NaiveTime,
    offset: Option<UtcOffset>,
}

/// The reader's state while it walks the lines.
struct Reader {
    incident: Incident,
    diagnostics: Vec<Diagnostic>,
    /// The section's default target, restored after a blank line ends a labelled field.
    section: Option<Target>,
    /// Where the next prose line goes.
    target: Option<Target>,
    /// True when the previous line was blank (a paragraph ends).
    after_blank: bool,
    /// True until the first non-blank line has been read.
    expecting_title: bool,
    /// Timeline entries, parallel to `incident.timeline`.
    raw_events: Vec<RawEvent>,
    /// The last date heading seen inside the timeline.
    timeline_date: Option<NaiveDate>,
    /// The zone the postmortem states for its times, with the line it was found on.
    zone: Option<(FoundZone, u32, String)>,
}

/// Reads a plain-text or Markdown postmortem.
pub fn parse_text(source: &str) -> Parsed {
    let mut reader = Reader {
        incident: Incident::default(),
        diagnostics: Vec::new(),
        section: None,
        target: None,
        after_blank: true,
        expecting_title: true,
        raw_events: Vec::new(),
        timeline_date: None,
        zone: None,
    };
    for line in source_lines(source) {
        reader.read_line(line);
    }
    reader.finish()
}

impl Reader {
    fn read_line(&mut self, line: SourceLine<'_>) {
        let text = line.text;
        if text.trim().is_empty() {
            self.after_blank = true;
            if self.section.is_some() {
                self.target = self.section;
            }
            return;
        }
        self.collect_links(line);
        self.notice_zone(line);
        if self.expecting_title {
            self.expecting_title = false;
            if self.read_title(line) {
                self.after_blank = false;
                return;
            }
        }
        if let Some(label) = labelled(text) {
            if self.read_labelled(
                line,
                label.label,
                label.value,
                label.value_at,
                label.markdown_heading,
            ) {
                self.after_blank = false;
                return;
            }
        }
        self.read_content(line);
        self.after_blank = false;
    }

    /// The first non-blank line names the incident: `# Title`, `Postmortem: Title` or the line itself.
    fn read_title(&mut self, line: SourceLine<'_>) -> bool {
        let Some(label) = labelled(line.text) else {
            self.incident.title = line.text.trim().to_string();
            return true;
        };
        if label.markdown_heading && field_for(label.label).is_none() {
            self.incident.title = label.label.to_string();
            return true;
        }
        let truncated = is_truncated_postmortem(label.label);
        if (truncated || field_for(label.label) == Some(Field::Title)) && !label.value.is_empty() {
            if truncated {
                self.diagnostics.push(Diagnostic::warning(
                    line.number,
                    column_of(line.text, line.text.find(label.label).unwrap_or(0)),
                    format!(
                        "read `{}:` as a cut-off `Postmortem:` label; the title is the text after it",
                        label.label
                    ),
                    line.text,
                ));
            }
            self.incident.title = label.value.to_string();
            return true;
        }
        false
    }

    /// Handles a heading or `Label: value` line; false when the label means nothing here.
    fn read_labelled(
        &mut self,
        line: SourceLine<'_>,
        label: &str,
        value: &str,
        value_at: usize,
        heading: bool,
    ) -> bool {
        let Some(field) = field_for(label) else {
            // An unknown label alone on its line (or a Markdown heading) starts a kept section.
            if heading || (value.is_empty() && self.section != Some(Target::Timeline)) {
                self.incident.other_sections.push(Section {
                    title: label.to_string(),
                    body: String::new(),
                });
                let target = Target::Other(self.incident.other_sections.len() - 1);
                self.section = Some(target);
                self.target = Some(target);
                return true;
            }
            return false;
        };
        if self.section == Some(Target::Timeline)
            && !heading
            && !value.is_empty()
            && leading_clock(value).is_some()
        {
            return false; // "Detected: 10:05 ..." inside a timeline is an entry's text, not a field
        }
        let target = match field {
            Field::Title => {
                if self.incident.title.is_empty() {
                    self.incident.title = value.to_string();
                } else if !value.is_empty() {
                    self.append_prose(Target::Summary, value, true);
                }
                return true;
            }
            Field::Duration => {
                self.read_duration(line, value, value_at);
                return true;
            }
            Field::Date => {
                if find_date(value).is_none() {
                    self.warn(
                        line,
                        value_at,
                        "expected a date such as `January 15, 2024` or `2024-01-15`",
                    );
                    self.append_prose(Target::Summary, line.text.trim(), true);
                }
                return true;
            }
            Field::Summary => Target::Summary,
            Field::Impact => Target::Impact,
            Field::RootCause | Field::RootCauseAndResolution => Target::RootCause,
            Field::Detection => Target::Detection,
            Field::Resolution => Target::Resolution,
            Field::Timeline => Target::Timeline,
            Field::Improvements => Target::Improvements,
            Field::ActionItems => Target::ActionItems,
            Field::Addendum => Target::Addendum,
        };
        if value.is_empty() {
            // A label alone names a section, or a part inside one; the next lines belong to it.
            self.section = Some(target);
            self.target = Some(target);
        } else {
            if self.section.is_none() {
                self.section = Some(Target::Summary);
            }
            self.target = Some(target);
            self.append_prose(target, value, true);
        }
        true
    }

    /// Reads a line that is neither heading nor field: a list item, a timeline entry or prose.
    fn read_content(&mut self, line: SourceLine<'_>) {
        let target = self.target.unwrap_or(Target::Summary);
        let (content, content_at, is_item) = strip_list_marker(line.text);
        if target == Target::Timeline {
            self.read_timeline_line(line, content, content_at);
            return;
        }
        match target {
            Target::ActionItems if is_item => {
                self.incident.action_items.push(ActionItem {
                    text: content.to_string(),
                    ..ActionItem::default()
                });
            }
            Target::ActionItems | Target::Improvements => {
                let list = &mut self.incident.improvements;
                match list.last_mut() {
                    Some(last) if !is_item && !self.after_blank => {
                        last.push(' ');
                        last.push_str(content);
                    }
                    _ => list.push(content.to_string()),
                }
            }
            _ => {
                let prose = if is_item { line.text.trim() } else { content };
                self.append_prose(target, prose, self.after_blank || is_item);
            }
        }
    }

    fn read_timeline_line(&mut self, line: SourceLine<'_>, content: &str, content_at: usize) {
        if let Some((date, time, offset, text_at)) = timeline_entry(content) {
            let text = content[text_at..].trim();
            self.incident.timeline.push(TimelineEvent {
                at: Moment::new(date, time, offset),
                text: text.to_string(),
                inferred: false,
                kind: None,
            });
            self.raw_events.push(RawEvent {
                line: line.number,
                excerpt: line.text.to_string(),
                date: date.or(self.timeline_date),
                time,
                offset,
            });
            if text.is_empty() {
                self.warn(
                    line,
                    content_at + text_at,
                    "expected what happened after the time",
                );
            }
            return;
        }
        if let Some(found) = find_date(content) {
            if content.trim_matches(|c: char| !c.is_alphanumeric()).len()
                <= found.span.end - found.span.start + 12
            {
                self.timeline_date = Some(found.date);
                return;
            }
        }
        let continues = !self.after_blank && !self.incident.timeline.is_empty();
        if let (true, Some(event)) = (continues, self.incident.timeline.last_mut()) {
            event.text.push(' ');
            event.text.push_str(content);
            return;
        }
        self.warn(
            line,
            content_at,
            "expected a timeline entry starting with a time such as `10:00 AM:`; the line was not placed on the timeline",
        );
    }

    /// Reads `January 15, 2024, 10:00 AM - January 15, 2024, 2:00 PM (UTC-5)`.
    fn read_duration(&mut self, line: SourceLine<'_>, value: &str, value_at: usize) {
        let halves = split_range(value);
        let parsed = halves.and_then(|(from, to)| Some((moment_in(from)?, moment_in(to)?)));
        match parsed {
            Some(((start_date, start), (end_date, end))) => {
                let start_date = start_date.or(end_date);
                let end_date = end_date.or(start_date);
                let offset = find_zone(value).map(|z| z.offset);
                self.incident.start = Some(Moment::new(start_date, start, offset));
                self.incident.end = Some(Moment::new(end_date, end, offset));
            }
            None => {
                self.warn(
                    line,
                    value_at,
                    "expected a time range such as `January 15, 2024, 10:00 AM - 2:00 PM`; kept the duration as summary text",
                );
                self.append_prose(Target::Summary, line.text.trim(), true);
            }
        }
    }

    /// Adds prose to a field: a new paragraph, or a wrapped line joined with a space.
    fn append_prose(&mut self, target: Target, text: &str, new_paragraph: bool) {
        let field = match target {
            Target::Summary => &mut self.incident.summary,
            Target::Impact => &mut self.incident.impact.text,
            Target::RootCause => &mut self.incident.root_cause,
            Target::Detection => &mut self.incident.detection,
            Target::Resolution => &mut self.incident.resolution,
            Target::Addendum => &mut self.incident.addendum,
            Target::Other(index) => match self.incident.other_sections.get_mut(index) {
                Some(section) => &mut section.body,
                None => &mut self.incident.summary,
            },
            Target::Improvements | Target::ActionItems => {
                self.incident.improvements.push(text.to_string());
                return;
            }
            Target::Timeline => &mut self.incident.summary,
        };
        if !field.is_empty() {
            // A labelled field always starts a paragraph of its own; wrapped lines join with a space.
            field.push_str(if new_paragraph { "\n\n" } else { " " });
        }
        field.push_str(text);
    }

    /// Records the links on a line, and warns about links that are not http(s).
    fn collect_links(&mut self, line: SourceLine<'_>) {
        for segment in segments(line.text) {
            if let Inline::Link { text, url } = segment {
                if !self.incident.links.iter().any(|l| l.url == url) {
                    self.incident.links.push(Link {
                        text: text.to_string(),
                        url: url.to_string(),
                    });
                }
            }
        }
        for (at, target) in unsafe_link_targets(line.text) {
            self.warn(
                line,
                at,
                format!("link target `{target}` is not an http(s) URL; it is shown as text"),
            );
        }
    }

    /// Remembers the first time zone the text states, for entries that give none.
    fn notice_zone(&mut self, line: SourceLine<'_>) {
        if self.zone.is_none() {
            if let Some(zone) = find_zone(line.text) {
                self.zone = Some((zone, line.number, line.text.to_string()));
            }
        }
    }

    fn warn(&mut self, line: SourceLine<'_>, at: usize, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::warning(
            line.number,
            column_of(line.text, at),
            message,
            line.text,
        ));
    }

    /// Settles dates and offsets, reads the impact share, and returns the result.
    fn finish(mut self) -> Parsed {
        if let Some((zone, line, excerpt)) = &self.zone {
            if let Some(note) = &zone.ambiguity {
                let column = column_of(excerpt, zone.at);
                self.diagnostics
                    .push(Diagnostic::warning(*line, column, note.clone(), excerpt));
            }
        }
        let zone = self.zone.as_ref().map(|(z, ..)| z.offset);
        let start = self.incident.start;
        self.settle_timeline(
            start.and_then(|s| s.date),
            start.and_then(|s| s.offset).or(zone),
        );
        self.incident.impact.affected_users_percent =
            affected_users_percent(&self.incident.impact.text);
        if self.incident.title.is_empty() {
            self.diagnostics.push(Diagnostic::warning(
                1,
                1,
                "expected a title on the first line",
                "",
            ));
        }
        self.diagnostics.sort_by_key(|d| (d.line, d.column));
        Parsed {
            incident: self.incident,
            diagnostics: self.diagnostics,
        }
    }

    /// Gives each entry a date and offset: its own, else the day it follows, rolling over to
    /// the next day after late evening; other backward steps are kept in order and flagged.
    fn settle_timeline(&mut self, first_date: Option<NaiveDate>, offset: Option<UtcOffset>) {
        let mut date = first_date;
        let mut previous: Option<NaiveTime> = None;
        for (event, raw) in self.incident.timeline.iter_mut().zip(&self.raw_events) {
            if raw.date.is_some() && raw.date != date {
                date = raw.date;
                previous = None;
            }
            if let Some(before) = previous {
                if raw.time < before {
                    if before.hour() >= 18 && raw.time.hour() < 6 {
                        date = date.and_then(|d| d.checked_add_signed(Duration::days(1)));
                    } else {
                        self.diagnostics.push(Diagnostic::warning(
                            raw.line,
                            1,
                            format!(
                                "this entry ({}) is earlier than the one before it ({}); it is kept in written order",
                                raw.time.format("%H:%M"),
                                before.format("%H:%M")
                            ),
                            &raw.excerpt,
                        ));
                    }
                }
            }
            previous = Some(raw.time);
            event.at = Moment::new(date, raw.time, raw.offset.or(offset));
        }
    }
}

/// Strips a list marker (`-`, `*`, `•`, `1.`, `1)`) or blockquote `>`: (content, its byte offset, was it an item).
fn strip_list_marker(line: &str) -> (&str, usize, bool) {
    let mut rest = line.trim_start();
    let mut is_item = false;
    loop {
        let before = rest;
        if let Some(r) = rest.strip_prefix('>') {
            rest = r.trim_start();
        }
        for marker in ["- ", "* ", "• ", "+ ", "– "] {
            if let Some(r) = rest.strip_prefix(marker) {
                rest = r.trim_start();
                is_item = true;
            }
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=3).contains(&digits) {
            let after = &rest[digits..];
            if let Some(r) = after
                .strip_prefix(". ")
                .or_else(|| after.strip_prefix(") "))
            {
                rest = r.trim_start();
                is_item = true;
            }
        }
        if rest == before {
            break;
        }
    }
    let rest = rest.trim_end();
    // `rest` is a slice of `line`, so the difference of their starts is its byte offset.
    let at = (rest.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
    (rest, at, is_item)
}

/// Reads `[date] time [zone] separator` at the start of an entry: (date, time, offset, where the text starts).
fn timeline_entry(
    content: &str,
) -> Option<(Option<NaiveDate>, NaiveTime, Option<UtcOffset>, usize)> {
    let mut at = 0;
    let mut date = None;
    if let Some(found) = find_date(content) {
        if found.span.start <= 2 {
            date = Some(found.date);
            at = found.span.end;
            at += skip(&content[at..], &[',', ' ', 'T', '\t']);
        }
    }
    at += skip(&content[at..], &['[', '*', '`', '_', ' ']);
    for prefix in ["At ", "at "] {
        if content[at..].starts_with(prefix) {
            at += prefix.len();
        }
    }
    let clock = leading_clock(&content[at..])?;
    at += clock.len;
    let mut offset = None;
    let rest = &content[at..];
    let trimmed = rest.trim_start();
    if let Some(zone) = find_zone(trimmed).filter(|z| z.at == 0) {
        offset = Some(zone.offset);
        at += rest.len() - trimmed.len() + zone.label.len();
    }
    at += skip(&content[at..], &[']', '*', '`', '_', ')']);
    let rest = &content[at..];
    let trimmed = rest.trim_start();
    let gap = rest.len() - trimmed.len();
    let separator = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, ':' | '-' | '–' | '—' | '|'));
    match separator {
        Some(sep) => at += gap + sep.len_utf8(),
        None if gap > 0 || trimmed.is_empty() => at += gap,
        None => return None,
    }
    Some((date, clock.time, offset, at))
}

/// Bytes of leading characters of `text` that are in `set`.
fn skip(text: &str, set: &[char]) -> usize {
    text.len() - text.trim_start_matches(set).len()
}

/// Splits a range written `A - B`, `A – B`, `A to B`.
fn split_range(value: &str) -> Option<(&str, &str)> {
    [" - ", " – ", " — ", " to ", " until "]
        .iter()
        .find_map(|sep| value.split_once(sep))
}

/// The date (if any) and time of day written in one half of a range.
fn moment_in(text: &str) -> Option<(Option<NaiveDate>, NaiveTime)> {
    let date = find_date(text);
    let after_date = date.as_ref().map_or(0, |d| d.span.end);
    let rest = &text[after_date..];
    let time = rest
        .char_indices()
        .filter(|(i, _)| *i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric())
        .find_map(|(i, _)| leading_clock(&rest[i..]))?;
    Some((date.map(|d| d.date), time.time))
}
