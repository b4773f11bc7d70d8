//! The reader for plain-text and Markdown postmortems.
//!
//! The text is first split into logical lines (a `<br>` splits a line; entities and inline
//! tags are cleaned away), front matter and any chatbot preamble before the title are set
//! aside, then one pass walks the lines. Each line is a heading or labelled field (which moves
//! the reader to another part of the incident), a table row, a list item, a timeline entry, or
//! prose that joins the part the reader is in. A last step gives timeline entries their dates
//! and offsets once the whole text is known, since the `Duration:` line may come after them,
//! and, when there is no timeline at all, finds the timestamped sentences in the prose.
//!
//! Every step is linear in the input, and every non-empty line ends up in a field of the
//! incident or in a warning.

use std::borrow::Cow;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Timelike};

use super::calendar::{
    date_order, find_date_in, find_date_starting_by, month_number, DateContext, DateOrder,
    OrderEvidence,
};
use super::clock::{leading_clock, Clock};
use super::diagnostic::{column_of, Diagnostic};
use super::entry::{
    closing_heading_date, colon_hhmm, date_line, further_stamps, heading_date, is_chat_line,
    skip_word, strip_list_marker, timeline_entry, trailing_entry, Entry,
};
use super::front_matter::{front_matter, nested_dates, status_items, StatusItem};
use super::html_blocks::{parts_paragraphs, HtmlBlocks};
use super::impact::affected_users_percent;
use super::infer::{day_of_month_after, head, inferred_times, names_today, narrated_times};
use super::inline::{segments, unsafe_link_targets, Inline};
use super::items::{self, Column};
use super::labels::{
    field_for, is_truncated_postmortem, labelled, length_value, names_a_length, names_an_event,
    spelled_field, Field,
};
use super::lines::{source_lines, SourceLine};
use super::markup::{clean, split_breaks};
use super::rich::{self, TargetKind};
use super::scan;
use super::status_page::{
    is_update_label, leading_shortcode_stamp, shortcode_stamp, signature_stamp, stamp_only,
    stamped_heading, timed_part_heading, update_block, LONGEST_UPDATE_LABEL,
};
use super::table;
use super::zone::{find_stated_zone, find_zone, zone_at_start, FoundZone};
use super::{Parsed, Stated, StatedAbout};
use crate::model::{Incident, Link, Moment, Section, TimelineEvent};

mod accounting;
mod dates;
mod day_markers;
mod details;
mod front;
mod line_shapes;
mod neighbours;
mod outline;
mod prose;
mod records;
mod sections;
mod status;
mod tables;
mod timeline_entries;
mod underlined;
mod verbatim;

use details::responder_role;

use dates::*;
use day_markers::*;
use line_shapes::*;
use sections::*;
use timeline_entries::*;

/// Where prose and list items go at the reader's current position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    Lessons,
    WentWell,
    WentWrong,
    Lucky,
    /// The line after a bare `Date:` label.
    Date,
    /// The lines after a bare `Duration:` label.
    Duration,
    /// The line after a `## Start time` (true) or `## End time` heading.
    Boundary(bool),
    /// An unrecognised section, by index into `other_sections`.
    Other(usize),
    /// The severity.
    Severity,
    /// The list of services affected.
    Services,
    /// The list of tags.
    Tags,
    /// The list of responders.
    Responders,
}

impl Target {
    /// True for the parts read as details (severity and the short lists).
    fn is_detail(self) -> bool {
        matches!(
            self,
            Target::Severity | Target::Services | Target::Tags | Target::Responders
        )
    }

    /// True for parts whose prose may hold timestamped sentences worth inferring events from.
    fn is_narrative(self) -> bool {
        matches!(
            self,
            Target::Summary
                | Target::Impact
                | Target::RootCause
                | Target::Detection
                | Target::Resolution
                | Target::Addendum
                | Target::Lessons
                | Target::Other(_)
        )
    }

    /// True for parts the page shows as lists (measures and the three kinds of lessons).
    fn is_list(self) -> bool {
        matches!(
            self,
            Target::Improvements
                | Target::ActionItems
                | Target::WentWell
                | Target::WentWrong
                | Target::Lucky
        )
    }
}

/// One logical line: a source line, or a piece of one split at `<br>`, cleaned of inline noise.
struct Line<'a> {
    /// 1-based line number in the source.
    number: u32,
    /// The source line as written (for excerpts).
    raw: &'a str,
    /// The cleaned text of this piece (borrowed from the source when nothing was cleaned).
    text: Cow<'a, str>,
    /// Byte offset of this piece in `raw`.
    offset: usize,
}

impl Line<'_> {
    /// 1-based column in the source line of byte `at` of the cleaned text.
    fn column(&self, at: usize) -> u32 {
        column_of(self.raw, self.offset + at)
    }
}

/// A timeline entry as read, before dates and offsets are settled.
struct RawEvent {
    line: u32,
    /// Byte offset of the time in the cleaned line (the column is worked out only when a
    /// diagnostic needs it, so long lines with many entries stay linear).
    at: usize,
    /// Index into `lines` of the line it was read from (for excerpts).
    line_index: usize,
    date: Option<NaiveDate>,
    /// Days after the day in force, for a moment in prose with no date of its own written
    /// `tomorrow at 9AM` (or, negative, `yesterday at 4pm`) before any date is known (0 otherwise).
    later: i8,
    /// Its day written before its time: the day after the entry before (`(next day) 02:00
    /// ...`) or so many days after the timeline's first (`D+1 09:15 ...`, `+2d 10:00 ...`).
    day_marker: Option<DayMarker>,
    /// A moment in a paragraph of the timeline (`The update had failed on October 3 at 2:14
    /// AM.`): a day it writes is its own, and the entries after it stay on the day in force.
    aside: bool,
    /// `date` is the day of a heading or date line above, not one the entry writes: it says
    /// something new only where it changes, and a step past midnight under it is the next day.
    inherited: bool,
    time: NaiveTime,
    /// Boxed: most entries have none, and a long timeline's entries stay small.
    zone: Option<Box<FoundZone>>,
}

/// A Markdown table the reader is inside.
#[derive(Debug, Clone, PartialEq)]
enum Table {
    /// Rows are timeline entries; `time` and `date` are column indexes, `text` the event columns.
    Timeline {
        time: usize,
        date: Option<usize>,
        headers: Vec<String>,
    },
    /// Rows are action items.
    Actions { columns: Vec<(Column, String)> },
    /// `| Start | End |`: rows give the impact's window, each cell the boundary its column
    /// names (true for the start) with the column's header; kept as prose too.
    Window {
        boundaries: Vec<Option<(bool, String)>>,
    },
    /// `| Alert | Fired | Resolved |` over `| Disk full | 07:05:39 | 07:08:39 |`: kept as
    /// prose, and each time under a header that names a moment (`Fired`) is that moment of
    /// the row (placed unless the timeline has it).
    Moments { headers: Vec<String> },
    /// Rows are kept as prose.
    Plain,
}

/// Front-matter keys whose date is the incident's (`timestamp: 2026-01-25 01:30:00 -0500`),
/// where `date` is a post's publication.
const INCIDENT_DAY_KEYS: [&str; 5] = [
    "timestamp",
    "incident_date",
    "incident-date",
    "occurred",
    "occurred_at",
];

/// How many lines after a timed heading the reader looks for a table row at its time.
const LOOK_AHEAD_FOR_ROWS: usize = 400;

/// Front-matter keys whose value sums the post up, as a subtitle does.
const FRONT_SUMMARY_KEYS: [&str; 4] = ["description", "summary", "excerpt", "subtitle"];

/// Where the incident's day comes from, best first.
#[derive(Debug, Default)]
struct Dates {
    field: Option<NaiveDate>,
    front_matter: Option<NaiveDate>,
    title: Option<NaiveDate>,
    /// A full date in the front matter's `description` or `summary` (`Analysis of the
    /// outage of 18 November 2025`): the incident's, as a subtitle names it, even where the
    /// post's `date` is earlier.
    described: Option<NaiveDate>,
    loose: Option<NaiveDate>,
    /// The first day the story narrates before the timeline (`On March 8, 2021, between
    /// 14:00 and 15:30 UTC, ...`): the incident's, where a blog's front matter or a `Report
    /// date:` line gives only when it was written.
    story: Option<NaiveDate>,
    /// The time written right after the story's day (`On 2026-04-20 23:43–23:51 UTC, ...`).
    story_time: Option<NaiveTime>,
    /// The day before the post's publication, when the story says `last night` or
    /// `yesterday` before its timeline, and whether that line writes a time too. Narration
    /// read as the timeline (no timeline written) places a sentence that writes its time by
    /// its own words (`as of 21:40 UTC last night`) instead.
    day_before: Option<(NaiveDate, bool)>,
    /// From the file's name or path (`2024-10-05-outage.md`).
    path: Option<NaiveDate>,
    /// The first full date anywhere in the text, the last resort.
    first_in_text: Option<NaiveDate>,
    /// Where the incident's end was written (line index, byte offset of the value), for
    /// warnings about it.
    end_at: Option<(usize, usize)>,
}

impl Dates {
    /// The post's publication day: its front matter's date, else its file name's or path's.
    fn published(&self) -> Option<NaiveDate> {
        self.front_matter.or(self.path)
    }
}

/// True when `text` opens with a time (and its zone) that a colon or a dash ends, as an
/// entry's stamp does: `5:10 PM: Facilities ...`, `14:05 UTC - ...`.
pub(super) fn stamp_then_separator(text: &str) -> bool {
    let rest = text.trim_start();
    let Some(clock) = leading_clock(rest) else {
        return false;
    };
    let after = rest[clock.len..].trim_start();
    let after = match zone_at_start(head(after, 24)) {
        Some(zone) => after[zone.label.len()..].trim_start(),
        None => after,
    };
    after.starts_with(':')
        || ['-', '–', '—'].iter().any(|dash| {
            after
                .strip_prefix(*dash)
                .is_some_and(|r| r.starts_with(' '))
        })
}

/// The day a line wholly in bold opens with (`__28-Oct-2020: Cluster jobs failed__`,
/// `**19 Aug 2020 – power outage**`): such a line heads what is under it, as a heading does.
fn bold_heading_date(content: &str, context: DateContext) -> Option<NaiveDate> {
    let inner = crate::parse::markup::wholly_bold(content.trim())?;
    (inner.len() < 120 && !leading_clock_anywhere(inner))
        .then(|| heading_date(inner, context))
        .flatten()
}

/// A moment found in prose: (date, time, zone, byte offset, the text of its event).
type FoundTime = (
    Option<NaiveDate>,
    NaiveTime,
    Option<FoundZone>,
    usize,
    String,
);

/// A prose line kept for inferring events when there is no timeline.
#[derive(Clone)]
struct ProseLine {
    line: u32,
    column_base: usize,
    raw_index: usize,
    /// True when the line continues the one before it (no blank line, no list marker).
    continues: bool,
    /// The day the line is under: a dated heading's, or a table row's first cell.
    day: Option<NaiveDate>,
    /// True when that day is the title's (`# 2024-04-21 Incident report`): often the day the
    /// report was written, so a day the prose narrates (`On Thursday March 14th at 9:56AM`)
    /// outranks it for the times after it.
    title_day: bool,
    /// The year of dates written without one on this line: the document's, or that of the
    /// dated heading it is under (`### November 16-ongoing, 2023`).
    year: Option<i32>,
}

/// The reader's state while it walks the lines.
struct Reader<'a> {
    lines: Vec<Line<'a>>,
    incident: Incident,
    diagnostics: Vec<Diagnostic>,
    /// The section's default target, restored after a blank line ends a labelled field.
    section: Option<Target>,
    /// Where the next prose line goes.
    target: Option<Target>,
    /// True when the previous line was blank (a paragraph ends).
    after_blank: bool,
    /// True until the title has been read.
    expecting_title: bool,
    /// True once a timeline section has been seen.
    saw_timeline: bool,
    /// True once a section named as the timeline has been seen (`## Timeline`), not only
    /// headings that carry their stamps (`### The Fix (October 11, 2025 - 9:50 PM)`).
    named_timeline: bool,
    /// Timeline entries, parallel to `incident.timeline`.
    raw_events: Vec<RawEvent>,
    /// The last date heading seen inside the timeline.
    timeline_date: Option<NaiveDate>,
    /// True when `timeline_date` came from a table row that only names a day (`| ~22 Aug |`):
    /// a day that runs on until a row writes another (`| 21 Sep 08:00 |`), not one stated for
    /// the whole timeline.
    row_day_running: bool,
    /// True when an entry wrote its own date since the last dated heading opened: the entries
    /// after it that write none follow it (`| 2019-02-28 10:15 |`, then `| 11:15 |`), as
    /// `settle_timeline` carries dates forward, rather than taking the heading's date.
    entry_wrote_day: bool,
    /// The first zone the text states, for entries that give none.
    zone: Option<FoundZone>,
    /// A zone stated for all times (`all times in UTC`, or on the timeline heading).
    stated_zone: Option<FoundZone>,
    dates: Dates,
    /// The Markdown table being read, if any.
    table: Option<Table>,
    /// Inside a fenced code block (the fence as written).
    fence: Option<String>,
    /// Index of a closing fence that only wraps the whole postmortem (skipped silently).
    wrapping_fence_end: Option<usize>,
    /// The last line of a wrapped list item read whole with its first line (its lines are
    /// that entry's text, not read again).
    joined_through: Option<usize>,
    /// Lines inside an HTML `<pre>` block (a log pasted as a site generator's highlighted
    /// code), in order: code, never entries.
    pre_lines: Vec<usize>,
    /// True while the open code block's lines go into the last entry's text.
    code_in_event: bool,
    /// Prose lines, for inferred events.
    prose: Vec<ProseLine>,
    /// True after an entry written as a heading: the next paragraph is its text.
    heading_event_open: bool,
    /// The table being read sits under an entry's heading and goes into its text.
    table_in_event: bool,
    /// The entry under a heading ends in a list item (the next item continues that list).
    section_item_open: bool,
    /// The last line of the timeline was kept as a note: the lines that go on with it
    /// (its list, its paragraph) are that note's, not the entry's before it.
    timeline_note_open: bool,
    /// How dates are read: the document's numeric order and year.
    context: DateContext,
    /// A status update labelled before its stamp (`Update: 10am ...`) was read outside the
    /// timeline: the lines under it, up to a blank line, are its text.
    label_update_open: bool,
    /// The open Markdown headings (level, the date each starts with): a heading such as
    /// `### October 21, 2025 - Redis overload` dates the entries under it.
    heading_dates: Vec<(usize, Option<NaiveDate>)>,
    /// The open list items that name a month or a day (indent, what they name), for the
    /// items nested under them.
    outline_dates: Vec<(usize, outline::OutlineDate)>,
    /// Lines shaped like timeline entries outside the timeline section.
    strays: Vec<PendingEntry>,
    /// The day named by a line of its own outside the timeline (`* **Monday, April 3,
    /// 2023**`), for the entry-shaped lines after it up to the next heading.
    day_line: Option<NaiveDate>,
    /// The lines of the paragraph being read (for a status update's stamp under it).
    paragraph: Vec<usize>,
    /// True while the line being read is a list item.
    line_is_item: bool,
    /// True inside a Statusfy update block, whose lines are its entry's text.
    update_open: bool,
    /// Index of the line being read.
    current: usize,
    /// A further heading of a prose part (see [`Reader::note_heading`]) waiting for the
    /// part's next text, which it goes before; an empty one is left out.
    pending_heading: Option<(Target, String)>,
    /// True while a code block read into the timeline's notes is open (see `read_line`).
    fence_left_timeline: bool,
    /// Lines of code blocks in the timeline section that open with a stamp: a chronology
    /// written as code, which the prose around it retells.
    fenced_timeline_stamps: usize,
    /// The first of those lines.
    first_fenced_stamp: Option<usize>,
    /// The level of the last Markdown heading naming the timeline while the lines read are
    /// under it (its subheadings included).
    under_timeline_heading: Option<OpenPart>,
    /// The heading level of the last record read whose time is a field (`records`).
    record_level: Option<usize>,
    /// The Markdown level of the heading that opened the part being read (`2` for `## Action
    /// items`): an unknown heading deeper than it (`### Short term`) is a part of that part.
    part_level: Option<usize>,
    /// The subheading the action items being read are listed under (`### Short term`).
    action_group: Option<String>,
    /// The lines kept as written for [`Parsed::stated`], with the index each was read from.
    stated: Vec<(usize, Stated)>,
    /// True when the last detail label (`Severity:`, `Services:`, ...) had its value on its
    /// own line, so that the lines after it are not more of it.
    detail_valued: bool,
    /// True inside a combined `Root Cause and Resolution` section, whose `Root Cause:` and
    /// `Resolution:` labels split it between the two parts rather than head them again.
    in_combined: bool,
    /// Which lines went into each prose part, to keep the author's Markdown.
    verbatim: verbatim::Verbatim,
    /// The role a responders label names (`Incident commander:`), given to each name under it.
    responder_role: Option<String>,
    /// The parts after the fixed cards, in the order they were written.
    outline: Vec<crate::model::Part>,
    /// The author's headings of the parts the page names itself.
    headings: Vec<(&'static str, String)>,
    /// The kept section for timeline lines that are neither entries nor their text.
    timeline_notes: Option<usize>,
    /// The kept section a heading-shaped line inside the timeline started, if still open.
    left_timeline: Option<usize>,
    /// The section the reader is in, as its heading opened it (to report it when empty).
    open_part: Option<OpenPart>,
    /// Days after the first under a `### Day N` heading in the timeline (0 elsewhere).
    day_later: i8,
    /// A `Day N` part opened and no entry has been read under it yet: its first entry starts
    /// the part's day (`DayMarker::After`), and the entries after it follow on from there.
    day_part_pending: bool,
    /// A part named by a weekday alone (`### Wednesday`, `**Thursday**`) opened and no entry
    /// has been read under it yet: its first entry is on that weekday (`DayMarker::Weekday`).
    weekday_part_pending: Option<chrono::Weekday>,
    /// In a part named by a weekday alone (its first entry read or not).
    in_weekday_part: bool,
    /// The day marker of the entry being read (see `RawEvent::day_marker`).
    day_marker_pending: Option<DayMarker>,
    /// The next entry read is a paragraph's moment (see `RawEvent::aside`).
    aside_pending: bool,
    /// The level of the open Markdown heading that names the timeline, while the headings
    /// after it are deeper (`### Incident events` under `## Incident timeline`).
    timeline_heading: Option<usize>,
    /// Where each of the main parts was first opened by a heading: (field, line index,
    /// Markdown heading level).
    part_starts: Vec<(Field, usize, Option<usize>)>,
    /// The first of `part_starts` by field, heading level and lower-case name (to find a part
    /// opened again without looking through them all).
    part_names: std::collections::HashMap<(Field, Option<usize>, String), usize>,
    /// The parts already in `outline`.
    outlined: details::Outlined,
    /// The line index of the title, once read.
    title_at: Option<usize>,
    /// A heading that only labels the title (`# Postmortem`, `# Incident`), with its line
    /// index: the title when no other comes.
    title_label: Option<(usize, String)>,
    /// Lines before this index are the front matter (kept for excerpts, not read as text).
    body_start: usize,
    /// Status updates listed in the front matter, placed once the body is read.
    front_status: Vec<PendingEntry>,
    /// A file that is all front matter (a status page's incident file): the line of its
    /// `description:` and its value, read as the file's text.
    front_text: Option<(usize, &'a str)>,
    /// Every `Start:` and `End:` field read, as an entry: the timeline of a postmortem that
    /// has no listed one (`Issue commenced: 2013-03-14 19:38`, one pair per incident).
    boundaries: Vec<PendingEntry>,
    /// The document's first `Date:` field when it writes a time too (`Date: 2022-03-29
    /// 18:10+0000`): the window's start where an end field follows and no start field does.
    dated_moment: Option<PendingEntry>,
    /// The window the document's first `Date:` field writes in its header (`**Date**:
    /// December 14, 2025 - 21:37-21:39 UTC`): the stated window where no field states one.
    dated_window: Option<(Moment, Moment)>,
    /// Every field outside the timeline that names a moment with a stamp (`**Discovery
    /// Time:** 09:56 AM UTC`, `| Remediated | May 5, 2026 22:02 EDT |`): an entry unless the
    /// timeline already has that moment.
    event_fields: Vec<PendingEntry>,
    /// The lines written in the lessons and measures parts (their headings first), so that
    /// a part left as an empty template still reaches the page as written.
    template_lines: Vec<(crate::model::Part, usize)>,
}

/// A section opened by a heading or a label alone on its line.
#[derive(Debug, Clone, Copy)]
struct OpenPart {
    target: Target,
    /// Index into `lines` of its heading.
    index: usize,
    /// Its Markdown heading level, if it is one.
    level: Option<usize>,
}

/// An entry as read, before its final date and offset are settled.
struct PendingEntry {
    /// Index into `lines` of the line it was read from.
    index: usize,
    /// Byte offset of its time in that line's cleaned text.
    at: usize,
    /// The date written on the entry itself.
    date: Option<NaiveDate>,
    /// The day it is read on: its own date, else the one in force where it was written.
    day: Option<NaiveDate>,
    time: NaiveTime,
    zone: Option<FoundZone>,
    text: String,
}

/// Reads a plain-text or Markdown postmortem.
pub fn parse_text(source: &str) -> Parsed {
    parse_text_named(source, "")
}

/// Reads a plain-text or Markdown postmortem whose file name or path (which may hold its date,
/// as in `2024/10/05-outage.md`) is `name`.
pub fn parse_text_named(source: &str, name: &str) -> Parsed {
    // The lines as written; line `i` (from 0) is numbered `i + 1`, as `source_lines` numbers them.
    let raw_texts: Vec<&str> = source_lines(source).map(|line| line.text).collect();
    let order = date_order(source);
    let (path_date, path_year) = date_in_name(name, order.order);
    let first_in_text = first_full_date(&raw_texts, order.order);
    let context = DateContext {
        order: order.order,
        year: first_in_text
            .map(|d| d.year())
            .or_else(|| bare_year_near_top(&raw_texts))
            .or(path_year),
    };
    let mut reader = Reader {
        lines: Vec::with_capacity(raw_texts.len()),
        incident: Incident::default(),
        diagnostics: Vec::new(),
        section: None,
        target: None,
        after_blank: true,
        expecting_title: true,
        saw_timeline: false,
        named_timeline: false,
        raw_events: Vec::new(),
        timeline_date: None,
        row_day_running: false,
        entry_wrote_day: false,
        zone: None,
        stated_zone: None,
        dates: Dates {
            path: path_date,
            first_in_text,
            ..Dates::default()
        },
        table: None,
        fence: None,
        wrapping_fence_end: None,
        joined_through: None,
        pre_lines: Vec::new(),
        code_in_event: false,
        prose: Vec::new(),
        heading_event_open: false,
        table_in_event: false,
        section_item_open: false,
        timeline_note_open: false,
        context,
        label_update_open: false,
        heading_dates: Vec::new(),
        outline_dates: Vec::new(),
        strays: Vec::new(),
        day_line: None,
        paragraph: Vec::new(),
        line_is_item: false,
        update_open: false,
        current: 0,
        pending_heading: None,
        record_level: None,
        fence_left_timeline: false,
        fenced_timeline_stamps: 0,
        first_fenced_stamp: None,
        under_timeline_heading: None,
        part_level: None,
        action_group: None,
        stated: Vec::new(),
        in_combined: false,
        detail_valued: false,
        verbatim: verbatim::Verbatim::default(),
        responder_role: None,
        outline: Vec::new(),
        headings: Vec::new(),
        timeline_notes: None,
        open_part: None,
        day_later: 0,
        day_part_pending: false,
        weekday_part_pending: None,
        in_weekday_part: false,
        day_marker_pending: None,
        aside_pending: false,
        timeline_heading: None,
        part_starts: Vec::new(),
        part_names: std::collections::HashMap::new(),
        outlined: details::Outlined::default(),
        title_at: None,
        title_label: None,
        left_timeline: None,
        template_lines: Vec::new(),
        body_start: 0,
        front_status: Vec::new(),
        front_text: None,
        boundaries: Vec::new(),
        dated_moment: None,
        dated_window: None,
        event_fields: Vec::new(),
    };
    reader.report_assumed_order(source, &order);
    let skip = reader.read_front_matter(&raw_texts);
    for (index, &text) in raw_texts.iter().enumerate().take(skip) {
        reader.lines.push(Line {
            number: line_number(index),
            raw: text,
            text: Cow::Borrowed(text),
            offset: 0,
        });
    }
    reader.body_start = reader.lines.len();
    let mut html = HtmlBlocks::default();
    let mut in_fence = false;
    let mut in_pre = false;
    let mut in_comment = false;
    for (index, &text) in raw_texts.iter().enumerate().skip(skip) {
        let line = SourceLine {
            number: line_number(index),
            text,
        };
        // An HTML comment block (`<!-- … -->` over whole lines, such as a template's example
        // timeline) is not shown by a Markdown page: nothing in it is read.
        if !in_fence && (in_comment || opens_comment_block(line.text)) {
            in_comment = !closes_comment(line.text, in_comment);
            reader.lines.push(Line {
                number: line.number,
                raw: line.text,
                text: Cow::Borrowed(""),
                offset: 0,
            });
            continue;
        }
        let fence = is_fence(line.text);
        if fence {
            in_fence = !in_fence;
        }
        // The lines of a `<pre>` block up to the one that closes it are code.
        let pre_code = in_pre && !in_fence && !fence && !line.text.contains("</pre");
        if !in_fence && !fence {
            in_pre = match in_pre {
                true => pre_code,
                false => opens_pre_block(line.text),
            };
        }
        if pre_code {
            reader.pre_lines.push(reader.lines.len());
        }
        if in_fence || fence || pre_code {
            reader.lines.push(Line {
                number: line.number,
                raw: line.text,
                text: Cow::Borrowed(line.text),
                offset: 0,
            });
            continue;
        }
        // Most lines have no `<`: no block tag, no line break, one piece. A Markdown table row
        // keeps its `<br>`s: they break lines inside a cell (the page shows them as breaks),
        // and a row split at them would be read as loose lines.
        if !html.row_open()
            && (!scan::contains(line.text.as_bytes(), b'<')
                || line.text.trim_start().starts_with('|'))
        {
            reader.lines.push(Line {
                number: line.number,
                raw: line.text,
                text: liquid_fence(line.text)
                    .unwrap_or_else(|| without_closing_hashes(clean(line.text))),
                offset: 0,
            });
            continue;
        }
        if !html.wants(line.text) {
            for (offset, piece) in split_breaks(line.text) {
                reader.lines.push(Line {
                    number: line.number,
                    raw: line.text,
                    text: clean(piece),
                    offset,
                });
            }
            continue;
        }
        let blocks = html.feed(line.text);
        // `</div>` alone on its line, closing a row of a page's layout: the blank line that
        // parts the rows' paragraphs (a stamp's words are not the row above). An opening tag
        // alone (`<div class="update-body">`) goes on within its row.
        if blocks.is_empty() && !html.row_open() && parts_paragraphs(line.text) {
            reader.lines.push(Line {
                number: line.number,
                raw: line.text,
                text: Cow::Borrowed(""),
                offset: 0,
            });
        }
        for (block_at, block) in blocks {
            for (offset, piece) in split_breaks(&block) {
                reader.lines.push(Line {
                    number: line.number,
                    raw: line.text,
                    text: Cow::Owned(clean(piece).into_owned()),
                    offset: block_at + offset,
                });
            }
        }
    }
    // `description: "Between 13:38 and 16:36 UTC our CDN …"` in a file with no body: the
    // description is what the file says.
    // (Columns on it count from the value's start.)
    if let Some((index, value)) = reader.front_text {
        let raw = value.trim_end_matches("\\n").trim_end();
        let text = raw.replace("\\n", " ").replace("\\\"", "\"");
        reader.lines.push(Line {
            number: line_number(index),
            raw,
            text: Cow::Owned(text),
            offset: 0,
        });
    }
    reader.mark_underlined_headings(reader.body_start);
    let first = reader.skip_preamble();
    for index in first..reader.lines.len() {
        reader.read_line(index);
        reader.note_template_line(index);
    }
    reader.finish()
}

impl<'a> Reader<'a> {
    fn read_line(&mut self, index: usize) {
        self.current = index;
        let text = self.lines[index].text.clone();
        let number = self.lines[index].number;
        if Some(index) == self.wrapping_fence_end
            || self.joined_through.is_some_and(|last| index <= last)
        {
            return;
        }
        if is_fence(&text) {
            self.table = None;
            // A code block in the timeline before any entry (a diagram of the story) has no
            // entry to go under: it is kept as written under "Notes in the timeline".
            if self.fence.is_none()
                && self.target == Some(Target::Timeline)
                && self.incident.timeline.is_empty()
            {
                self.target = Some(Target::Other(self.timeline_notes_section()));
                self.fence_left_timeline = true;
            }
            if let Some(target) = self.target.filter(|t| t.is_narrative()) {
                self.flush_heading(target);
                self.verbatim.line(target, index);
            }
            match &self.fence {
                Some(open) if text.trim_start().starts_with(open.as_str()) => {
                    self.fence = None;
                    if std::mem::take(&mut self.fence_left_timeline) {
                        self.target = Some(Target::Timeline);
                    }
                    if std::mem::take(&mut self.code_in_event) {
                        if let Some(event) = self.incident.timeline.last_mut() {
                            event.text.push_str("\n```");
                        }
                    }
                }
                Some(_) => self.read_code_line(index),
                None => {
                    let marker: String = text.trim_start().chars().take(3).collect();
                    self.fence = Some(marker);
                }
            }
            return;
        }
        if self.fence.is_some() || self.pre_lines.binary_search(&index).is_ok() {
            self.read_code_line(index);
            return;
        }
        if let Some(level) = heading_level(&text) {
            let names_timeline = labelled(&text)
                .is_some_and(|heading| field_for(heading.label) == Some(Field::Timeline));
            if names_timeline {
                self.under_timeline_heading = Some(OpenPart {
                    target: Target::Timeline,
                    index,
                    level: Some(level),
                });
            } else if self
                .under_timeline_heading
                .is_some_and(|open| open.level.is_some_and(|open| level <= open))
            {
                self.under_timeline_heading = None;
            }
        }
        if scan::trim_start(&text).is_empty() {
            if let Some(target) = self.target.filter(|t| t.is_narrative()) {
                self.verbatim.blank(target);
            }
            self.paragraph.clear();
            self.after_blank = true;
            self.label_update_open = false;
            self.table = None;
            if self.section.is_some() {
                self.target = self.section;
            }
            return;
        }
        if verbatim::link_definition(self.lines[index].raw).is_some() {
            // `[label]: https://…` is markup: the parts that use the label carry it.
            self.collect_links(index);
            return;
        }
        // The line without its list marker or quote, read once for every step below.
        let marked = strip_list_marker(&text);
        self.report_deep_nesting(index);
        self.collect_links(index);
        self.notice_zone(index);
        self.notice_heading_date(index);
        self.notice_outline_date(&text, marked);
        if table::is_separator(&text) && text.contains('|') {
            // Before any heading a table's rows go to the summary (see `append_table_prose`):
            // so does its rule line, or the rows read as a paragraph of pipes.
            let target = self.target.unwrap_or(Target::Summary);
            // (A table in a timeline that is no entry's goes to the summary as well.)
            let into_summary = target == Target::Timeline && !self.table_in_event;
            if (target.is_narrative() || into_summary)
                && matches!(self.table, Some(Table::Plain | Table::Moments { .. }))
            {
                self.verbatim.line(target, index);
            }
            return; // the line under a table header: structure only
        }
        // A grid table's borders (reStructuredText) are structure too; its rows are read as a
        // Markdown table's.
        if self.grid_border(index) {
            return;
        }
        // GitHub tables may leave out the outer pipes: `Time | Event` over `--- | ---`.
        let pipeless_row = scan::contains(text.as_bytes(), b'|')
            && (self.table.is_some()
                || self
                    .lines
                    .get(index + 1)
                    .is_some_and(|next| table::is_separator(&next.text)));
        if table::is_row(&text) || pipeless_row {
            self.read_table_row(index);
            self.after_blank = false;
            return;
        }
        self.table = None;
        self.table_in_event = false;
        if is_rule(&text) {
            if let Some(target) = self.target.filter(|t| t.is_narrative()) {
                self.verbatim.line(target, index);
            }
            return;
        }
        if scan::trim_start(&text).starts_with("{:") && text.trim_end().ends_with('}') {
            let line = &self.lines[index];
            self.diagnostics.push(Diagnostic::warning(
                number,
                line.column(0),
                "expected Markdown text; this kramdown attribute line (`{: ... }`) only styles the page and was not used",
                excerpt(line.raw),
            ));
            return;
        }
        if self.expecting_title {
            self.expecting_title = false;
            if self.read_title(index) {
                self.title_at = Some(index);
                self.after_blank = false;
                return;
            }
        }
        if self.read_time_field(index, marked.0, marked.1) {
            self.after_blank = false;
            return;
        }
        if self.read_update_label(index, marked) {
            self.paragraph.clear();
            self.after_blank = false;
            return;
        }
        // A signed post (`TL;DR: ... [User](...) 00:00, 19 December 2022 (UTC)`) is an update
        // whatever label opens it.
        let signed = !text.trim_start().starts_with('#')
            && signature_stamp(marked.0, self.context).is_some();
        if !signed && self.read_heading_or_label(index, &text, marked) {
            self.paragraph.clear();
            // A Markdown heading ends the paragraph before it, as a blank line does.
            self.after_blank = text.trim_start().starts_with('#');
            return;
        }
        self.read_content(index, &text, marked);
        self.after_blank = false;
    }

    /// The first line names the incident: `# Title`, `Postmortem: Title` or the line itself.
    fn read_title(&mut self, index: usize) -> bool {
        let text = self.lines[index].text.clone();
        if !self.incident.title.is_empty() {
            // The front matter named it; a `# Title` repeating that name is the same title.
            let repeats = labelled(&text)
                .is_some_and(|l| l.markdown_heading && l.label == self.incident.title);
            if repeats {
                self.dates.title = self.title_day(&self.incident.title);
            }
            return repeats;
        }
        let Some(label) = labelled(&text) else {
            // A document that opens with a stamped entry has no title line.
            if timeline_entry(strip_list_marker(&text).0, self.context).is_some() {
                return false;
            }
            // A paragraph of prose first (`On August 16, 2024 (UTC), Inngest experienced an
            // outage that ...`) is the story's opening, not its title: it stays text.
            let title = text.trim().trim_matches('*').trim();
            if reads_as_prose(title) {
                return false;
            }
            self.set_title(title);
            return true;
        };
        if label.markdown_heading && spelled_field(label.label).is_none() {
            self.set_title(label.label);
            return true;
        }
        let truncated = is_truncated_postmortem(label.label);
        if (truncated || field_for(label.label) == Some(Field::Title)) && !label.value.is_empty() {
            if truncated {
                let at = text.find(label.label).unwrap_or(0);
                let line = &self.lines[index];
                self.diagnostics.push(Diagnostic::warning(
                    line.number,
                    line.column(at),
                    format!(
                        "read `{}:` as a cut-off `Postmortem:` label; the title is the text after it (expected `Postmortem: Title`)",
                        label.label
                    ),
                    excerpt(line.raw),
                ));
            }
            self.set_title(label.value);
            return true;
        }
        false
    }

    fn set_title(&mut self, title: &str) {
        // `# Postmortem: "The Vanishing Database" - **CatifyMe Outage**`: the page shows the
        // title as plain text.
        self.incident.title = without_bold(title);
        self.dates.title = self.title_day(title);
    }

    /// Handles a heading, a bold label line or a `Label: value` line; false when it is neither.
    /// `text` is the line's text, `marked` what [`strip_list_marker`] makes of it.
    fn read_heading_or_label(
        &mut self,
        index: usize,
        text: &str,
        (content, content_at, is_item): (&str, usize, bool),
    ) -> bool {
        // `![Outage Timeline](diagram.png)`: a picture, whatever its name says, heads nothing.
        if content.starts_with("![") || content.starts_with("[![") {
            return false;
        }
        if self.read_day_part_line(index, text, content, is_item) {
            return true;
        }
        if let Some(label) = bold_heading(text) {
            // `**Cirrus down Tuesday 8th September 1300 BST**` outside a timeline heads a
            // status update as a stamped Markdown heading does.
            let stamped = || {
                !is_item
                    && self.section != Some(Target::Timeline)
                    && stamped_heading(text, self.context).is_some()
            };
            if field_for(label).is_some() || stamped() {
                return self.read_labelled(index, label, "", text.len(), true);
            }
        }
        let Some(label) = labelled(content) else {
            // `Timeline (all times in EAT)` alone on its line after a blank: a plain-text heading.
            // `- **Key events**` alone: a bold list item naming a section.
            let bold = bold_heading(content);
            let bare = content.trim().trim_end_matches(':').trim();
            // A section's name is short and has no digits: most lines stop at this check.
            let short_name = |max_bytes: usize, max_words: usize| {
                bare.len() <= max_bytes
                    && !bare.bytes().any(|b| b.is_ascii_digit())
                    && bare.split_whitespace().nth(max_words).is_none()
            };
            // `Timeline` alone on its line right after text, with entries under it.
            let names_timeline = || {
                short_name(40, 4)
                    && spelled_field(bare) == Some(Field::Timeline)
                    && self.next_text_is_entry(index)
            };
            // `Corrective and Preventative Measures` alone on its line right after a finished
            // sentence: a plain-text heading too, not the last line of that paragraph.
            let names_a_part_after_a_sentence = || {
                short_name(60, 5)
                    && bare.chars().next().is_some_and(char::is_uppercase)
                    && bare.chars().last().is_some_and(char::is_alphanumeric)
                    && index.checked_sub(1).is_some_and(|before| {
                        self.lines[before]
                            .text
                            .trim_end()
                            .ends_with(['.', '!', '?'])
                    })
                    && spelled_field(bare).is_some()
            };
            let stands_alone = (!is_item
                && (self.after_blank || names_timeline() || names_a_part_after_a_sentence()))
                || bold.is_some();
            if stands_alone {
                let bare = bold.unwrap_or(bare);
                if bare.len() <= 80 && field_for(bare).is_some() {
                    return self.read_labelled(index, bare, "", text.len(), true);
                }
            }
            return false;
        };
        if is_item && label.markdown_heading {
            return false;
        }
        // `  - Summary: ...` nested under a timeline entry describes that entry.
        let nested = self.lines[index].raw.starts_with([' ', '\t']);
        if is_item && nested && self.section == Some(Target::Timeline) {
            return false;
        }
        self.read_labelled(
            index,
            label.label,
            label.value,
            content_at + label.value_at,
            label.markdown_heading,
        )
    }

    /// `**Day 2 (Wednesday)**` or `Day 2:` alone on its line in the timeline, over entries: the
    /// day part a `### Day 2` heading names. True when the line was one.
    fn read_day_part_line(
        &mut self,
        index: usize,
        text: &str,
        content: &str,
        is_item: bool,
    ) -> bool {
        if self.section != Some(Target::Timeline) || is_item {
            return false;
        }
        // `**Wednesday**` alone over entries: the part of that weekday.
        if let Some(day) = bold_heading(text).and_then(weekday_alone) {
            if self.next_text_is_entry(index) {
                self.day_later = 0;
                self.open_weekday_part(Some(day));
                self.keep_timeline_note(&bold(&section_name(content)), true);
                return true;
            }
        }
        // Most lines stop here: the part's name opens with `Day `.
        let opens_with_day = content
            .trim_start_matches(['*', '_'])
            .get(..4)
            .is_some_and(|head| head.eq_ignore_ascii_case("day "));
        if !opens_with_day {
            return false;
        }
        let in_bold = bold_heading(text);
        let name = section_name(in_bold.unwrap_or(content));
        // In bold, with a colon, or nothing but the day and a note in parentheses: not a
        // sentence that happens to start with `Day 2`.
        let alone = in_bold.is_some()
            || content.trim_end().ends_with(':')
            || name
                .split_once('(')
                .map_or(name.as_str(), |(day, _)| day)
                .split_whitespace()
                .count()
                == 2;
        let Some(number) = day_number(&name).filter(|_| alone && name.len() <= 60) else {
            return false;
        };
        if !self.next_text_is_entry(index) {
            return false;
        }
        self.open_day_part(number);
        self.keep_timeline_note(&bold(&name), true);
        true
    }

    /// Opens the timeline's part for day `number` (`### Day 2`, `**Day 2**`).
    fn open_day_part(&mut self, number: i8) {
        self.day_later = number - 1;
        self.day_part_pending = true;
        self.open_weekday_part(None);
    }

    /// Opens (or, with `None`, leaves) a part of the timeline named by a weekday alone.
    fn open_weekday_part(&mut self, day: Option<chrono::Weekday>) {
        self.weekday_part_pending = day;
        self.in_weekday_part = day.is_some();
    }

    /// Handles a heading or `Label: value` line; false when the label means nothing here.
    fn read_labelled(
        &mut self,
        index: usize,
        label: &str,
        value: &str,
        value_at: usize,
        heading: bool,
    ) -> bool {
        let mut in_timeline = self.section == Some(Target::Timeline);
        // `### Incident #2` under `## Timeline`, over entries, after a `**Root Cause:**` label
        // under `### Incident #1` had left the timeline: a later part of it, which the reader
        // goes back into.
        if !in_timeline
            && heading
            && field_for(label).is_none()
            && self.returns_to_timeline_part(index)
        {
            self.close_section(index);
            self.open_part = self.under_timeline_heading;
            self.timeline_note_open = false;
            self.section = Some(Target::Timeline);
            self.target = Some(Target::Timeline);
            in_timeline = true;
        }
        // `- **Downtime**: ~52 minutes of degraded service` under Impact: the length is the
        // incident's; the line stays where the author put it.
        if !heading && names_a_length(label) {
            self.read_stated_length(value);
        }
        // `## 3. Frigate log (captured ~17:52Z)` after `## 2. Timeline`: a heading as high as
        // the timeline's own, whose time is not its stamp, is the next section.
        let sibling_of_timeline = || {
            heading_level(&self.lines[index].text)
                .zip(self.timeline_heading_level())
                .is_some_and(|(level, open)| level <= open)
                && timeline_entry(label, self.context).is_none()
                && stamped_heading(&self.lines[index].text, self.context).is_none()
        };
        let dated = || heading_date(label, self.context).is_some();
        if in_timeline
            && heading
            && (dated() || (leading_clock_anywhere(label) && !sibling_of_timeline()))
        {
            // `### 10:00 AM` or `### 2016-11-08` inside a timeline: an entry or a day, not a section.
            return false;
        }
        // `### Day 2` or `### Detection` under `## Timeline`, over entries: a part of the
        // timeline, not the end of it.
        if in_timeline
            && self.heads_part_of_timeline(index)
            && field_for(label) != Some(Field::Timeline)
        {
            match day_number(label) {
                Some(number) => self.open_day_part(number),
                None => {
                    self.day_later = 0;
                    self.open_weekday_part(weekday_alone(label));
                }
            }
            // A record's heading names its entry (`records`), so it is no note of its own.
            if !self.opens_time_record(index) {
                let name = section_name(label);
                self.keep_timeline_note(&bold(&name), true);
            }
            return true;
        }
        let stamped = || {
            timeline_entry(label, self.context).is_some()
                || stamped_heading(&self.lines[index].text, self.context).is_some()
                || self.opens_run_of_timed_parts(index)
        };
        if heading && !in_timeline && stamped() {
            // `## 2024-01-23 13:21` outside any timeline: headings that carry stamps are a
            // timeline of their own (a status page's updates); the entry reads it.
            self.section = Some(Target::Timeline);
            self.target = Some(Target::Timeline);
            self.saw_timeline = true;
            return false;
        }
        if heading
            && !in_timeline
            && timed_part_heading(&self.lines[index].text, self.context).is_some()
        {
            let at = self.lines[index].text.len() - scan::trim_start(&self.lines[index].text).len();
            self.warn(
                index,
                at,
                "this heading names a time but sits outside the timeline and no heading beside it names one; it was kept as a heading, not placed on the timeline",
            );
        }
        let Some(field) = field_for(label) else {
            if !heading && !in_timeline {
                self.read_event_field(index, label, value, value_at);
                self.read_header_time_window(index, label, value);
            }
            // `## UPDATE from 20th May 2022`: the day of a later addition, not the story's.
            let update = label
                .split_whitespace()
                .next()
                .is_some_and(|word| is_update_label(word.trim_end_matches([':', ','])));
            if heading && !update && self.dates.loose.is_none() {
                self.dates.loose = date_line(label, self.context);
            }
            // `#### 1. Android Studio users can't build` under `### 2019-12-11` in the timeline:
            // a part of that day, not the end of the timeline.
            if in_timeline && heading && self.under_timeline_day(index) {
                return false;
            }
            // `### Prior context` before `### Chat fix attempts (15:30-16:00)`: the first part
            // of a timeline whose parts name their times, not the end of it. (A later untimed
            // part is a section of its own; the next timed part goes on with the timeline.)
            if in_timeline
                && heading
                && self.incident.timeline.is_empty()
                && self.heads_untimed_part(index)
            {
                return false;
            }
            // `### Short term` under `## Action items`: a part of that section, its heading
            // kept in its text before what is written under it.
            if let Some(target) = self.subheading_part(index) {
                self.flush_heading(target); // a heading over it with nothing between is kept too
                self.pending_heading = Some((target, heading_words(&self.lines[index].text)));
                return true;
            }
            // `**Key Findings**:` alone inside a kept section under a Markdown heading (`##
            // Technical Analysis`): a bold lead in that section's text (it has no level of its
            // own to end at), not a section. Under a main part (`## Summary`) such a label
            // still starts a section of its own, as the part's story ends there.
            let headed_text =
                self.part_level.is_some() && matches!(self.section, Some(Target::Other(_)));
            if !heading && value.is_empty() && !in_timeline && headed_text {
                return false;
            }
            // An unknown label alone on its line (or a Markdown heading) starts a kept section.
            if heading || (value.is_empty() && !in_timeline) {
                self.keep_under_heading(index, label);
                return true;
            }
            return false;
        };
        // `- **What happened:** Removed import ...` under `## Lessons Learned`, once the
        // incident has its summary: an item of that list. (Where that part is still empty,
        // `- **Root Cause:** ...` under `## Action Items` is the author's root cause.)
        let in_list_section = self
            .section
            .is_some_and(|section| section == Target::Lessons || section.is_list());
        let named_part = match field {
            Field::Summary => Some(Target::Summary),
            Field::Impact => Some(Target::Impact),
            Field::RootCause => Some(Target::RootCause),
            Field::Detection => Some(Target::Detection),
            Field::Resolution => Some(Target::Resolution),
            _ => None,
        };
        let part_written = in_list_section
            && named_part
                .and_then(|part| self.prose_field(part))
                .is_some_and(|text| !text.trim().is_empty());
        if part_written
            && !heading
            && !value.is_empty()
            && strip_list_marker(&self.lines[index].text).2
        {
            return false;
        }
        let moves_reader = matches!(
            field,
            Field::Duration | Field::Date | Field::Start | Field::End
        );
        if in_timeline
            && !heading
            && !moves_reader
            && !value.is_empty()
            && leading_clock_anywhere(value)
        {
            return false; // "Detected: 10:05 ..." inside a timeline is an entry's text, not a field
        }
        let target = match field {
            // `### Postmortem` over a part of one incident, once the page has its title: a
            // part like any other, kept under its heading.
            Field::Title
                if heading
                    && value.is_empty()
                    && !self.incident.title.is_empty()
                    && names_the_postmortem(label)
                    && heading_level(&self.lines[index].text).is_some_and(|level| level > 1) =>
            {
                self.keep_under_heading(index, label);
                return true;
            }
            Field::Title => {
                if self.incident.title.is_empty() && value.is_empty() && heading {
                    self.title_label
                        .get_or_insert((index, label.trim().to_string()));
                }
                if self.incident.title.is_empty() {
                    self.title_at = Some(index);
                    self.set_title(value);
                } else if !value.is_empty() {
                    self.append_prose(Target::Summary, value, true);
                }
                return true;
            }
            Field::Duration if !value.is_empty() => {
                self.read_duration(index, value, value_at);
                return true;
            }
            Field::Date if !value.is_empty() => {
                self.read_date_field(index, value, value_at);
                return true;
            }
            // `## Start time` over `2025-12-05 13:07:30 (UTC)`: the moment is the next line.
            Field::Start | Field::End if heading && value.is_empty() => {
                Target::Boundary(field == Field::Start)
            }
            Field::Start | Field::End => {
                self.read_boundary(index, field == Field::Start, value, value_at);
                return true;
            }
            Field::Duration => Target::Duration,
            Field::Date => Target::Date,
            Field::Summary => Target::Summary,
            Field::Impact => Target::Impact,
            Field::RootCause | Field::RootCauseAndResolution => Target::RootCause,
            Field::Detection => Target::Detection,
            Field::Resolution => Target::Resolution,
            Field::Timeline => Target::Timeline,
            Field::Improvements => Target::Improvements,
            Field::ActionItems => Target::ActionItems,
            Field::Addendum => Target::Addendum,
            Field::Lessons => Target::Lessons,
            Field::WentWell => Target::WentWell,
            Field::WentWrong => Target::WentWrong,
            Field::Lucky => Target::Lucky,
            Field::Severity => Target::Severity,
            Field::Services => Target::Services,
            Field::Tags => Target::Tags,
            Field::Responders => {
                self.responder_role = responder_role(label);
                Target::Responders
            }
        };
        self.note_part(target);
        if target.is_detail() {
            self.detail_valued = !value.is_empty();
        }
        let combined = field == Field::RootCauseAndResolution;
        let splits_combined =
            self.in_combined && matches!(target, Target::RootCause | Target::Resolution);
        // A list part's further label with its value on the line (`Improvements: text` under
        // `Corrective measures:`) is one item of the list, read as before, not a subheading.
        let list_item =
            !value.is_empty() && matches!(target, Target::Improvements | Target::ActionItems);
        let further_heading = self
            .note_heading(target, label)
            // A timeline's further heading is a Markdown heading (`### Timeline of recovery`),
            // not a `**Timeline:**` label over a day's entries.
            .filter(|_| !combined && !splits_combined && !list_item)
            .filter(|_| {
                target != Target::Timeline || heading_level(&self.lines[index].text).is_some()
            });
        if value.is_empty() {
            // A new section: a further heading with nothing under it is left out. (A label
            // with a value, `- **Customer impact:** ...`, may be what it heads.)
            self.pending_heading = None;
            self.in_combined = combined;
        }
        self.left_timeline = None;
        if target == Target::Timeline {
            self.saw_timeline = true;
            self.named_timeline = true;
            self.day_later = 0;
            self.day_part_pending = false;
            self.open_weekday_part(None);
            self.set_timeline_day(None, false);
            self.entry_wrote_day = false;
            let line_text = self.lines[index].text.clone();
            if let Some(zone) = find_stated_zone(&line_text) {
                self.stated_zone = Some(zone);
            }
            if let Some(date) = find_date_in(label, self.context) {
                self.set_timeline_day(Some(date.date), false);
            }
        }
        if value.is_empty() {
            // A label alone names a section, or a part inside one; the next lines belong to it.
            if further_heading.is_none() {
                self.part_level = heading_level(&self.lines[index].text);
                self.action_group = None;
            }
            self.open_section(index, field, target, heading);
            self.section = Some(target);
            self.target = Some(target);
            // A further heading of a part the page names by its first: kept in the text,
            // before what is written under it.
            self.pending_heading = further_heading.map(|text| (target, text));
        } else {
            if self.section.is_none() {
                self.section = Some(Target::Summary);
            }
            self.target = Some(target);
            match target {
                Target::Timeline => self.read_timeline_text(index, value, value_at),
                Target::ActionItems => self.push_action_item(value),
                target if target.is_detail() => self.read_detail(target, value),
                // A further label of a part the page names by its first (a second
                // `**Impact:** ...`): the line is kept whole, its label with it.
                _ if further_heading.is_some() => {
                    self.note_labelled_prose(index, target, value, value_at);
                    let line = self.lines[index].text.clone();
                    let (content, _, _) = strip_list_marker(&line);
                    self.append_prose(target, content, true);
                }
                _ => {
                    if target.is_narrative() {
                        self.note_story_date(index, value);
                    }
                    self.note_labelled_prose(index, target, value, value_at);
                    self.append_prose(target, value, true)
                }
            }
        }
        true
    }

    /// Reads a line that is neither heading nor field: a list item, a timeline entry or prose.
    /// `text` is the line's text, `marked` what [`strip_list_marker`] makes of it.
    fn read_content(
        &mut self,
        index: usize,
        text: &str,
        (content, content_at, is_item): (&str, usize, bool),
    ) {
        let target = self.target.unwrap_or(Target::Summary);
        let target = match self.returns_to_timeline(target, content) {
            true => Target::Timeline,
            false => target,
        };
        self.line_is_item = is_item;
        if self.read_status_update(index, content, content_at) {
            return;
        }
        // Only where a date is in force: elsewhere `2019: moved to AWS` is a year.
        let dated = || {
            target == Target::Timeline
                || self.timeline_date.is_some()
                || self.heading_date_in_force().is_some()
        };
        if let Some((time, text_at)) = colon_hhmm(content).filter(|_| dated()) {
            let text = tidy_entry_text(&content[text_at..]);
            self.push_event(index, content_at, None, time, None, text);
            return;
        }
        if target != Target::Timeline && !self.paragraph.is_empty() {
            if let Some(stamp) = stamp_only(content, self.context) {
                self.read_status_stamp(index, content_at, stamp);
                return;
            }
        }
        self.paragraph.push(index);
        match target {
            Target::Timeline => self.read_timeline_text(index, content, content_at),
            // `Status: Resolved` under `Severity: High` (or `- Production worker: x` under
            // `- Affected service: y`): a field the reader does not know, not more of the
            // severity or the services; it stays text of the part the reader is in.
            target if target.is_detail() && self.detail_valued && has_value(content) => {
                let part = self
                    .section
                    .filter(|s| !s.is_detail())
                    .unwrap_or(Target::Summary);
                self.append_prose(part, content, true);
            }
            target if target.is_detail() => self.read_detail(target, content),
            Target::ActionItems if is_item => {
                self.take_action_group();
                self.push_action_item(content);
            }
            Target::ActionItems | Target::Improvements => {
                self.flush_heading(target);
                // `<p>…</p>` lines one under the other are paragraphs each, not one wrapped line.
                let after_blank = self.after_blank || opens_html_paragraph(self.lines[index].raw);
                let list = &mut self.incident.improvements;
                match list.last_mut() {
                    Some(last) if !is_item && !after_blank => {
                        last.push(' ');
                        last.push_str(content);
                    }
                    _ => list.push(content.to_string()),
                }
            }
            Target::WentWell | Target::WentWrong | Target::Lucky => {
                // `What Went Wrong` over the story of a write-up with no timeline: its moments
                // are the prose's (read only when no timeline is listed). What went well or
                // luckily tells of moments the story told already.
                // (Its list items are lessons, which retell the story's moments.)
                if target == Target::WentWrong && !is_item && !is_chat_line(content) {
                    self.note_prose_line(index, content_at, is_item);
                }
                self.flush_heading(target);
                let after_blank = self.after_blank || opens_html_paragraph(self.lines[index].raw);
                let lessons = &mut self.incident.lessons;
                let list = match target {
                    Target::WentWell => &mut lessons.went_well,
                    Target::WentWrong => &mut lessons.went_wrong,
                    _ => &mut lessons.lucky,
                };
                match list.last_mut() {
                    Some(last) if !is_item && !after_blank => {
                        last.push(' ');
                        last.push_str(content);
                    }
                    _ => list.push(content.to_string()),
                }
            }
            Target::Boundary(is_start) => {
                let stated = match is_start {
                    true => self.incident.start,
                    false => self.incident.end,
                };
                let first = (0..index)
                    .rev()
                    .find(|&i| !self.lines[i].text.trim().is_empty())
                    .is_some_and(|i| labelled(&self.lines[i].text).is_some());
                if stated.is_none() && first {
                    self.read_boundary(index, is_start, content, content_at);
                } else {
                    self.append_prose(Target::Summary, content, true);
                }
            }
            Target::Date => match date_line(content, self.context) {
                Some(date) => {
                    self.dates.field.get_or_insert(date);
                }
                None => self.append_prose(Target::Summary, content, true),
            },
            Target::Duration => {
                // Under `### Duration`: `~4 hours`, or `- **Total incident window:** ~2d 10h`
                // (a labelled item states a length only when its label names one).
                let item = strip_list_marker(content).0;
                let value = match labelled(item) {
                    Some(_) => length_value(item),
                    None => Some(item),
                };
                if let Some(value) = value {
                    self.read_stated_length(value);
                }
                if split_range(content).is_some() {
                    self.read_duration(index, content, content_at);
                } else {
                    self.append_prose(Target::Summary, text.trim(), true);
                }
            }
            _ => {
                if target.is_narrative() {
                    self.note_story_date(index, content);
                }
                // `Published: 2024-07-20 18:38` dates the post as its front matter would.
                if let Some(day) = publication_line(content, self.context) {
                    self.dates.front_matter.get_or_insert(day);
                }
                if let Some(date) = date_line(content, self.context) {
                    if content.len() < 60
                        && !names_writing(content, self.context)
                        && !self.in_cross_reference(index)
                    {
                        self.dates.loose.get_or_insert(date);
                        self.day_line = Some(date);
                    }
                } else if let Some(date) = bold_heading_date(content, self.context) {
                    // `__28-Oct-2020: Cluster jobs failed__`: a line in bold that opens with its
                    // day heads the entries under it, as a heading does.
                    self.dates.loose.get_or_insert(date);
                    self.day_line = Some(date);
                }
                // `At 8:22 am, the staff ...` narrates; `08:22 - staff call` is an entry, and so
                // is `At 5:10 PM: Facilities restored power`.
                let word = skip_word(content, &["at ", "around ", "about ", "approx", "by "]);
                let narrates = word > 0 && !stamp_then_separator(&content[word..]);
                if !is_chat_line(content) && !narrates && !self.reads_as_log(index, target, is_item)
                {
                    // `1. **Sidecar test (21:52–21:57):** planned` below the timeline: a label
                    // with its time in parentheses names a moment the timeline told already.
                    let restates = |entry: &Entry| entry.label.is_some() && self.saw_timeline;
                    if let Some(entry) = timeline_entry(content, self.context).filter(|entry| {
                        !opens_with_log_level(&entry.text_in(content)) && !restates(entry)
                    }) {
                        let day = entry
                            .date
                            .or(self.day_line)
                            .or_else(|| self.heading_date_in_force());
                        // `Aug 14 15:17 window joined;15:18 claude stalled`: a moment for each
                        // sentence's time, as in an entry of the timeline.
                        let written = entry.text_in(content);
                        let (text, later) = cut_at_later_moments(&written, true);
                        let written_at = content.len().saturating_sub(written.len());
                        self.strays.push(PendingEntry {
                            index,
                            at: content_at,
                            date: entry.date,
                            day,
                            time: entry.time,
                            text,
                            zone: entry.zone.clone(),
                        });
                        for moment in later {
                            self.strays.push(PendingEntry {
                                index,
                                at: content_at + written_at + moment.at,
                                date: None,
                                day,
                                time: moment.time,
                                text: moment.text,
                                zone: entry.zone.clone(),
                            });
                        }
                    }
                }
                if target.is_narrative() && !is_chat_line(content) {
                    self.note_prose_line(index, content_at, is_item);
                }
                let prose = if is_item { text.trim() } else { content };
                self.append_prose(target, prose, self.after_blank || is_item);
            }
        }
    }

    /// Keeps the line at `index` (its words from `content_at`) for the moments read from the
    /// prose when the postmortem lists no timeline (see `infer_events`).
    fn note_prose_line(&mut self, index: usize, content_at: usize, is_item: bool) {
        let (heading_day, titles) = self.heading_day_in_force();
        self.prose.push(ProseLine {
            line: self.lines[index].number,
            column_base: content_at,
            raw_index: index,
            continues: !self.after_blank && !is_item,
            day: self.day_line.or(heading_day),
            title_day: self.day_line.is_none() && titles,
            year: self.context.year,
        });
    }

    /// `**Description**: Starting at 09:00 UTC on March 20 ...`: a narrative label's value may
    /// tell moments, as a paragraph would.
    fn note_labelled_prose(&mut self, index: usize, target: Target, value: &str, value_at: usize) {
        if target.is_narrative() && !is_chat_line(value) {
            self.note_prose_line(index, value_at, false);
        }
    }

    /// A line inside a fenced code block: prose of the part the reader is in, never an entry.
    fn read_code_line(&mut self, index: usize) {
        let text = self.lines[index].text.clone();
        // Under the timeline's heading counts only in a part a Markdown heading opened (`###
        // Normal runs`), not after a label such as `**Root cause:**` left the timeline.
        let in_heading_part = self.under_timeline_heading.is_some()
            && self.open_part.is_none_or(|part| part.level.is_some());
        let in_timeline =
            self.fence_left_timeline || self.target == Some(Target::Timeline) || in_heading_part;
        // `2025-11-05 03:00  → Backup SUCCESS`, not a log's `2024-05-01 10:05:12 ERROR ...`.
        let stamped = |line: &str| {
            timeline_entry(line, self.context)
                .is_some_and(|entry| !opens_with_log_level(&entry.text_in(line)))
        };
        if in_timeline && !is_chat_line(text.trim()) && stamped(text.trim()) {
            self.fenced_timeline_stamps += 1;
            self.first_fenced_stamp.get_or_insert(index);
        }
        if text.trim().is_empty() {
            if let Some(target) = self.target.filter(|t| t.is_narrative()) {
                self.verbatim.line(target, index);
            }
            return;
        }
        match self.target.unwrap_or(Target::Summary) {
            Target::Timeline => {
                if let Some(event) = self.incident.timeline.last_mut() {
                    // The code stays a code block in the entry's text, under its words.
                    if !std::mem::replace(&mut self.code_in_event, true) {
                        event.text.push_str("\n\n```\n");
                    } else {
                        event.text.push('\n');
                    }
                    event.text.push_str(text.trim_end());
                } else {
                    self.warn(
                        index,
                        0,
                        "expected a timeline entry starting with a time; this code line was not placed on the timeline",
                    );
                }
            }
            Target::ActionItems | Target::Improvements => {
                self.incident.improvements.push(text.trim().to_string())
            }
            target => self.append_prose(target, text.trim_end(), false),
        }
    }

    /// Sets the day the timeline's entries take when they write none; `running` when a table
    /// row only names it (`| ~22 Aug |`), so a row that writes another day takes over.
    fn set_timeline_day(&mut self, day: Option<NaiveDate>, running: bool) {
        self.timeline_date = day;
        self.row_day_running = running;
    }

    /// True when the Markdown heading at `index` is deeper than the timeline's own heading and
    /// the next text under it is an entry (`## Timeline` > `### Day 2` > `- 09:30 ...`).
    pub(super) fn heads_part_of_timeline(&self, index: usize) -> bool {
        self.heading_deeper_than(index, self.timeline_heading_level())
            && (self.entries_follow(index) || self.opens_time_record(index))
    }

    /// True when the Markdown heading at `index` sits under a dated heading that is itself
    /// under the timeline's heading (`## Timeline` > `### 2019-12-11` > `#### Android Studio`).
    pub(super) fn under_timeline_day(&self, index: usize) -> bool {
        let Some(level) = heading_level(&self.lines[index].text) else {
            return false;
        };
        let timeline_level = self.timeline_heading_level().unwrap_or(0);
        self.heading_dates
            .iter()
            .any(|&(l, date)| date.is_some() && l > timeline_level && l < level)
    }

    /// True when a Markdown heading below the title and the timeline's own heading, and
    /// naming a day, is open (`### 2025/08/15` in a log of days).
    pub(super) fn under_dated_heading(&self) -> bool {
        let timeline_level = self.timeline_heading_level().unwrap_or(1);
        self.heading_dates
            .iter()
            .any(|&(level, date)| date.is_some() && level > timeline_level.max(1))
    }

    /// Dates what follows a key/value table's `Date` row as a dated heading would, until the
    /// next heading or the next such row: a level below every Markdown heading's.
    fn date_by_table(&mut self, date: NaiveDate) {
        const TABLE_LEVEL: usize = 7;
        while self
            .heading_dates
            .last()
            .is_some_and(|(level, _)| *level >= TABLE_LEVEL)
        {
            self.heading_dates.pop();
        }
        self.heading_dates.push((TABLE_LEVEL, Some(date)));
    }

    /// True when an entry of the timeline already tells `time`: a window or a time in
    /// parentheses restating it is no new moment.
    fn tells_time(&self, time: NaiveTime) -> bool {
        self.incident.timeline.iter().any(|e| e.at.time == time)
    }

    /// The day of the innermost outline item naming one (`+ 22th` under `* January 2025`),
    /// else of the innermost open heading that starts with a date.
    fn heading_date_in_force(&self) -> Option<NaiveDate> {
        self.heading_day_in_force().0
    }

    /// [`Self::heading_date_in_force`], and true when that day is a level-1 heading's (the
    /// title's date), not an outline item's or a deeper dated heading's.
    fn heading_day_in_force(&self) -> (Option<NaiveDate>, bool) {
        if let Some(day) = self.outline_day() {
            return (Some(day), false);
        }
        match self
            .heading_dates
            .iter()
            .rev()
            .find(|(_, date)| date.is_some())
        {
            Some(&(level, day)) => (day, level == 1),
            None => (None, false),
        }
    }

    /// The part a Markdown heading at line `index` belongs to when it is deeper than the
    /// heading that opened a known part of prose or lists (`### Short term` under `## Action
    /// items`, `### Background` under `## Summary`, `### Details` under a kept `## Background`);
    /// `None` elsewhere (timelines, details, plain-text labels).
    fn subheading_part(&self, index: usize) -> Option<Target> {
        let level = heading_level(&self.lines[index].text)?;
        let target = self.section?;
        let holds_text = target.is_narrative() || target.is_list();
        (holds_text && self.part_level.is_some_and(|part| level > part)).then_some(target)
    }

    /// [`Self::flush_heading`] for a heading waiting for `waiting`'s text, written in `into`
    /// (a timeline's further heading goes over the notes kept beside it).
    pub(super) fn flush_heading_into(&mut self, waiting: Target, into: Target) {
        if let Some((_, text)) = self
            .pending_heading
            .take_if(|(target, _)| *target == waiting)
        {
            self.append_prose(into, &bold(&text), true);
        }
    }

    /// Keeps the stack of open Markdown headings and the dates they start with.
    fn notice_heading_date(&mut self, index: usize) {
        let text = scan::trim_start(&self.lines[index].text);
        let level = text.bytes().take_while(|&b| b == b'#').count();
        if level == 0 || level > 6 || !text[level..].starts_with(' ') {
            return;
        }
        self.outline_dates.clear();
        self.day_line = None;
        if self.timeline_heading.is_some_and(|open| level <= open) {
            self.timeline_heading = None;
            // `## Re-arming` after `## Timeline` and a `Price sketch:` part that left it: a
            // heading as high as the timeline's ends it for good; later entries are strays.
            self.left_timeline = None;
        }
        while self.heading_dates.last().is_some_and(|(l, _)| *l >= level) {
            self.heading_dates.pop();
        }
        let heading = &text[level..];
        // A title's date is the page's (see `Dates::title`); a part's closing date is its own.
        let date = heading_date(heading, self.context).or_else(|| {
            (level >= 2)
                .then(|| closing_heading_date(heading, self.context))
                .flatten()
        });
        if date.is_some() {
            self.entry_wrote_day = false;
            // `### 2025/03/14` after a part that left the timeline (`To see what your job is
            // doing, you can try:`): the entries under it, back in the timeline, are on its
            // day, not on the day the timeline had before it left.
            if self.left_timeline.is_some() {
                self.timeline_date = None;
                self.row_day_running = false;
            }
        }
        self.heading_dates.push((level, date));
        // `### November 16-ongoing, 2023` (or `### 2024/03/26`) over the updates of one
        // incident in a log that runs over years: its year is the year of the dates written
        // without one below it (`Maintenance for Tuesday 3/26`).
        let numeric_year = || {
            date.filter(|_| bare_year(heading).is_some())
                .map(|d| d.year())
        };
        if let Some(year) = dated_heading_year(heading).or_else(numeric_year) {
            self.context.year = Some(year);
        }
    }

    /// Remembers the first time zone the text states, and any zone stated for all times.
    fn notice_zone(&mut self, index: usize) {
        let text = &self.lines[index].text;
        let Some(zone) = find_stated_zone(text) else {
            return;
        };
        let for_all = {
            let lower = text.to_ascii_lowercase();
            lower.contains("all times") || lower.contains("times are") || lower.contains("times in")
        };
        if !for_all && !states_zone(text, &zone) {
            return;
        }
        if let Some(note) = &zone.ambiguity {
            let line = &self.lines[index];
            self.diagnostics.push(Diagnostic::warning(
                line.number,
                line.column(zone.at),
                note.clone(),
                excerpt(line.raw),
            ));
        }
        if for_all {
            self.stated_zone.get_or_insert(zone.clone());
        }
        if self.zone.is_none() {
            self.zone = Some(zone);
        }
    }

    fn warn(&mut self, index: usize, at: usize, message: impl Into<String>) {
        let line = &self.lines[index];
        self.diagnostics.push(Diagnostic::warning(
            line.number,
            line.column(at),
            message,
            excerpt(line.raw),
        ));
    }

    /// A text of which only a title could be read is reported at the title.
    fn report_only_a_title(&mut self) {
        let Some(index) = self.title_at else {
            return;
        };
        // Everything but the title as a default incident: nothing else was read.
        let title = std::mem::take(&mut self.incident.title);
        let only_title = self.incident == Incident::default() && self.part_starts.is_empty();
        self.incident.title = title;
        if only_title {
            self.warn(
                index,
                0,
                "only a title was read: no timeline or section follows it (expected a `Timeline` section with entries such as `10:00 what happened`)",
            );
        }
        let long = self.incident.title.chars().count();
        if long > MAX_TITLE_CHARS {
            let at = self.lines[index]
                .text
                .find(self.incident.title.get(..20).unwrap_or(""))
                .unwrap_or(0);
            self.warn(
                index,
                at,
                format!("the title is {long} characters long; expected a short name for the incident (is a line break missing after it?)"),
            );
        }
    }

    /// Lists and quotes nested deeper than the page draws ([`rich::MAX_DEPTH`]) on one line
    /// (`- - - …`, `>>>…`) are reported where they pass it: deeper ones are shown flattened.
    fn report_deep_nesting(&mut self, index: usize) {
        let text = &self.lines[index].text;
        let mut rest: &str = text;
        let mut depth = 0;
        let mut past = None;
        loop {
            let trimmed = rest.trim_start_matches([' ', '\t']);
            let after = if let Some(after) = trimmed.strip_prefix('>') {
                after
            } else if let Some(after) = trimmed
                .strip_prefix(['-', '*', '+'])
                .filter(|a| a.starts_with([' ', '\t']))
            {
                after
            } else {
                break;
            };
            depth += 1;
            if depth == rich::MAX_DEPTH + 1 {
                past = Some(text.len() - trimmed.len());
            }
            rest = after;
        }
        if let Some(at) = past {
            self.warn(
                index,
                at,
                format!("lists or quotes nested {depth} deep; the page shows those past {} levels flattened into their parent", rich::MAX_DEPTH),
            );
        }
    }

    /// Reads the prose's moments beside the one entry read outside a timeline, each in its
    /// written place, when the prose tells two or more that the entry does not; true when it
    /// did (the timeline is then the prose's story), false when the entry stays alone.
    fn read_prose_beside_a_lone_entry(&mut self) -> bool {
        let lone_event = self.incident.timeline.pop();
        let lone_raw = self.raw_events.pop();
        let (Some(lone_event), Some(lone_raw)) = (lone_event, lone_raw) else {
            return false;
        };
        let prose = self.prose.clone();
        let diagnostics = self.diagnostics.len();
        self.infer_events();
        // The prose's own reading of the entry's moment, if it has one.
        let restated = self
            .raw_events
            .iter()
            .filter(|raw| raw.line == lone_raw.line && raw.time == lone_raw.time)
            .count();
        if self.raw_events.len() - restated < 2 {
            // Not a story told in prose: the entry alone, as read.
            self.incident.timeline.clear();
            self.raw_events.clear();
            self.diagnostics.truncate(diagnostics);
            self.prose = prose;
            self.incident.timeline.push(lone_event);
            self.raw_events.push(lone_raw);
            return false;
        }
        if restated == 0 {
            let place = self
                .raw_events
                .iter()
                .position(|raw| raw.line > lone_raw.line)
                .unwrap_or(self.raw_events.len());
            self.incident.timeline.insert(place, lone_event);
            self.raw_events.insert(place, lone_raw);
        }
        true
    }

    /// Settles dates and offsets, reads the impact share, and returns the result.
    fn finish(mut self) -> Parsed {
        self.close_section(self.lines.len());
        self.report_only_a_title();
        if self.fence.is_some() {
            if let Some(last) = self.lines.len().checked_sub(1) {
                self.warn(
                    last,
                    0,
                    "expected a closing ``` for the code block opened earlier; read to the end as code",
                );
            }
        }
        // A lone entry outside any timeline (`### The Fix (October 11, 2025 - 9:50 PM)` in a
        // write-up told in prose) is one moment of the story, not its timeline: the prose's
        // moments are read too when it tells two or more.
        let lone = self.incident.timeline.len() == 1 && !self.named_timeline;
        // (Entries waiting for a timeline, `strays`, are placed as one below.)
        let told_in_prose = lone && self.strays.is_empty() && self.read_prose_beside_a_lone_entry();
        // A timeline section with no timed entry (only days) leaves the prose's moments.
        let listed = !self.incident.timeline.is_empty() && !told_in_prose;
        if told_in_prose {
            // Read above, with the lone entry in its place.
        } else if listed {
            self.place_strays();
        } else if self.fenced_timeline_stamps >= 2 {
            // `## Timeline` over a code block of `2025-11-05 03:00 → Backup SUCCESS` lines:
            // the chronology is there, written as code; the prose's times retell it.
            self.note_fenced_timeline();
        } else {
            self.infer_events();
        }
        let front_status = std::mem::take(&mut self.front_status);
        self.place_unless_repeated(front_status);
        // Without a listed timeline, the window's fields are its moments.
        if !listed {
            self.start_at_dated_moment();
            self.place_boundaries();
        }
        self.window_from_date_field();
        self.place_event_fields();
        self.report_unread_stamps();
        for event in &mut self.incident.timeline {
            drop_unpaired_closing_bold(&mut event.text);
        }
        for (event, raw) in self.incident.timeline.iter().zip(&self.raw_events) {
            if event.text.is_empty() {
                self.diagnostics.push(Diagnostic::warning(
                    raw.line,
                    self.lines[raw.line_index].column(raw.at),
                    "expected what happened after the time (on the same line or in the next paragraph)",
                    excerpt(self.lines[raw.line_index].raw),
                ));
            }
        }
        let start = self.incident.start;
        let first_date = start
            .and_then(|s| s.date)
            .or(self.story_opening_the_timeline())
            .or(self.dates.field)
            // A blog's front-matter date is when it was published; a date in the title (or
            // the post's description) is the incident's.
            .or(self.dates.title)
            .or(self.dates.described)
            // A day narrated in the weeks before a date written alone (`*March 15, 2021*`
            // under the title, when the post went out) is the incident's.
            .or(self.dates.story.filter(|&story| {
                self.dates
                    .loose
                    .is_none_or(|loose| story <= loose && loose - story <= Duration::days(30))
            }))
            .or(self
                .dates
                .day_before
                .filter(|&(_, timed)| !timed || self.saw_timeline)
                .map(|(day, _)| day))
            .or(self.dates.front_matter)
            .or(self.dates.loose)
            .or(self.dates.path)
            .or(self.dates.first_in_text);
        self.settle_timeline(first_date, start.and_then(|s| s.offset));
        self.date_the_stated_window(first_date);
        self.zone_the_stated_window();
        self.check_window_order();
        self.restore_verbatim_prose();
        self.keep_empty_template_parts();
        self.incident.impact.affected_users_percent =
            affected_users_percent(&self.incident.impact.text);
        if let Some((index, label)) = self
            .title_label
            .take()
            .filter(|_| self.incident.title.is_empty())
        {
            // `# Postmortem` with no name after it: the heading is the title.
            self.title_at = Some(index);
            self.set_title(&label);
        }
        if self.incident.title.is_empty() {
            self.diagnostics.push(Diagnostic::warning(
                1,
                1,
                "expected a title on the first line",
                "",
            ));
        }
        self.incident.links = first_of_each_url(std::mem::take(&mut self.incident.links));
        self.incident.timeline.shrink_to_fit();
        self.diagnostics.sort_by_key(|d| (d.line, d.column));
        self.diagnostics.dedup();
        Parsed {
            incident: self.incident,
            diagnostics: self.diagnostics,
            outline: self.outline,
            headings: self.headings,
            stated: self.stated.into_iter().map(|(_, s)| s).collect(),
        }
    }
}

/// The day a line opens with as its label, bold or not, before a colon, a dash or a comma
/// (`**December 11, 1998**: The probe launches ...`, `2024-03-01 - deploy ...`).
fn opening_day_label(content: &str, context: DateContext) -> Option<NaiveDate> {
    let (date, after) = opening_date(content, context)?;
    let labels = after.starts_with([':', ','])
        || [" -", " –", " —"]
            .iter()
            .any(|dash| after.starts_with(dash));
    labels.then_some(date)
}

/// The date a line opens with, bold or not, and the text after it past its closing markup.
fn opening_date(content: &str, context: DateContext) -> Option<(NaiveDate, &str)> {
    let found = find_date_in(content, context)?;
    let before = content[..found.span.start].trim_matches(['*', '_', ' ']);
    let after = content[found.span.end..].trim_start_matches(['*', '_']);
    before.is_empty().then_some((found.date, after))
}

/// True when `word` ending a line leaves its sentence waiting for a time (`... at` /
/// `21:30 ...`).
fn introduces_time(word: &str) -> bool {
    const WORDS: [&str; 12] = [
        "at",
        "from",
        "until",
        "till",
        "since",
        "by",
        "around",
        "about",
        "approximately",
        "between",
        "after",
        "before",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// True for a `Label: value` line (a label with a value after it, not a heading).
fn has_value(content: &str) -> bool {
    labelled(content).is_some_and(|l| !l.markdown_heading && !l.value.trim().is_empty())
}

/// `text` in bold, as a paragraph of Markdown (plain when it holds emphasis marks itself).
fn bold(text: &str) -> String {
    match text.contains(['*', '_', '`', '[']) {
        true => text.to_string(),
        false => format!("**{text}**"),
    }
}

/// The number of the source line at `index` (from 0), as [`source_lines`] numbers it.
fn line_number(index: usize) -> u32 {
    u32::try_from(index.saturating_add(1)).unwrap_or(u32::MAX)
}

/// At most the first [`MAX_EXCERPT`] bytes of `text` (on a character boundary), so that
/// excerpts and inferred sentences stay small however long a line is.
fn excerpt(text: &str) -> &str {
    if text.len() <= MAX_EXCERPT {
        return text;
    }
    let mut end = MAX_EXCERPT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The byte offset in `text` where `part`, a slice of it, begins (0 for any other string).
fn offset_within(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|at| {
            at.checked_add(part.len())
                .is_some_and(|end| end <= text.len())
        })
        .unwrap_or(0)
}

/// An inferred event's text: the sentence, or its first [`MAX_EXCERPT`] bytes cut before any
/// Markdown link or code span the cut would break, with an ellipsis.
fn sentence_excerpt(text: &str) -> String {
    // `| Reported | 2026-04-19T14:30Z |`: a table's row told as prose, its cells apart (the
    // last may go on as sentences of their own: `| **Summary** | At 11:58 AM users ...`).
    if text.starts_with('|') {
        let cells: Vec<String> = table::cells(text)
            .into_iter()
            .map(|(_, cell)| cell.trim().to_string())
            .filter(|cell| !cell.is_empty())
            .collect();
        return sentence_excerpt(&cells.join(" — "));
    }
    let cut = excerpt(text);
    if cut.len() == text.len() {
        return cut.to_string();
    }
    let mut end = cut.len();
    // An open `[` whose link is not finished inside the cut.
    if let Some(open) = cut.rfind('[') {
        let rest = &cut[open..];
        let finished = rest.find("](").is_some_and(|at| rest[at..].contains(')'))
            || (rest.contains(']') && !rest.contains("]("));
        if !finished {
            end = open;
        }
    }
    // An odd number of backticks: a code span left open.
    if cut[..end].matches('`').count() % 2 == 1 {
        end = cut[..end].rfind('`').unwrap_or(end);
    }
    format!("{}…", cut[..end].trim_end())
}

/// Out-of-order entries reported one by one; past this many the rest are still kept in
/// written order but not reported again (their order is already in question).
const MAX_ORDER_WARNINGS: usize = 200;

/// The longest excerpt kept in a diagnostic or used as an inferred event's text.
const MAX_EXCERPT: usize = 400;

/// Titles longer than this many characters are reported (a paragraph or a whole file read as
/// one line).
const MAX_TITLE_CHARS: usize = 300;

/// True when a line that gives a day also has words of its own (`January 5, 2026 - Recovery
/// timeline`): a word of three letters or more that is no month, weekday or zone, nor a word of
/// `(all times UTC)`.
fn names_more_than_a_day(text: &str) -> bool {
    const STAMP_WORDS: &[&str] = &[
        "the", "and", "day", "sept", "all", "times", "time", "are", "local",
    ];
    own_words(text, STAMP_WORDS).next().is_some()
}

/// The day a line names as its label, with words but no clock time after it (`**November
/// 30, 2025**: First corruption attempt?`, `2024-03-01: deploys frozen`).
fn labelled_day(content: &str, context: DateContext) -> Option<NaiveDate> {
    let (date, after) = opening_date(content, context)?;
    let words = after
        .strip_prefix(':')?
        .trim_start_matches(['*', '_'])
        .trim();
    let timed = accounting::has_clock_with_minutes(words) || leading_clock_anywhere(words);
    (!words.is_empty() && !timed).then_some(date)
}

/// True when a time of day starts at some word boundary of `text`.
fn leading_clock_anywhere(text: &str) -> bool {
    clocks_at_word_starts(text).next().is_some()
}

/// True when the zone found in `text` is stated as one: on a line with a time, on a short line
/// (a heading, a label), on a line that speaks of times (`time`, `timeline`, `timestamp`), in
/// parentheses or brackets, after a colon or after `in`, `zone`, `as`, `use`, or as `UTC`/`GMT`
/// or an offset. `transformátory PST, které …` in a sentence with no time
/// names something else (phase-shifting transformers), as an abbreviation often does.
fn states_zone(text: &str, zone: &FoundZone) -> bool {
    let label = zone.label.as_str();
    if label.starts_with("UTC")
        || label.starts_with("GMT")
        || !label.bytes().all(|b| b.is_ascii_uppercase())
    {
        return true;
    }
    if text.chars().count() <= 80 || leading_clock_anywhere(text) {
        return true;
    }
    // `Times below are given as PDT unless noted`, `This timeline uses EST throughout`.
    if text.to_ascii_lowercase().contains("time") {
        return true;
    }
    let before = text[..zone.at.min(text.len())]
        .trim_end_matches([' ', '*', '_'])
        .to_ascii_lowercase();
    before.ends_with(['(', '[', ':'])
        || [" in", "zone", " as", " use", " uses", " using"]
            .iter()
            .any(|word| before.ends_with(word))
}

/// True for `Postmortem`, `Post-mortem`, `Post mortem` (and a label holding one).
fn names_the_postmortem(label: &str) -> bool {
    let lower = label.to_ascii_lowercase().replace(['-', ' '], "");
    lower.contains("postmortem")
}

/// Drops the `**` that ends an entry's text when it closes nothing (an odd count of the
/// text's emphasis marks, see [`bold_marks`]): bold around a whole entry wrapped over lines
/// (`- **01:38: alerts fired,` / `  the backup got paged**`) loses its opening with the stamp.
fn drop_unpaired_closing_bold(text: &mut String) {
    // Only a text ending in `**` can lose it: most entries skip the count.
    if !text.ends_with("**") {
        return;
    }
    let marks = bold_marks(text);
    if marks.len() % 2 == 1 && marks.last() == text.len().checked_sub(2).as_ref() {
        text.truncate(text.len() - 2);
        text.truncate(text.trim_end().len());
    }
}

/// The times of day that start at a word boundary of `text`: (byte offset, the time read).
fn clocks_at_word_starts(text: &str) -> impl Iterator<Item = (usize, Clock)> + '_ {
    text.char_indices()
        .filter(|(i, c)| {
            c.is_ascii_digit() && (*i == 0 || !text.as_bytes()[i - 1].is_ascii_alphanumeric())
        })
        .filter_map(|(i, _)| leading_clock(&text[i..]).map(|clock| (i, clock)))
}

#[cfg(test)]
mod report_tests {
    use super::parse_text;

    /// (line, column, message) of each warning of `text`.
    fn warnings(text: &str) -> Vec<(u32, u32, String)> {
        parse_text(text)
            .diagnostics
            .into_iter()
            .map(|d| (d.line, d.column, d.message))
            .collect()
    }

    /// The wall-clock time of each timeline entry of `text`, `HH:MM`.
    fn clock_times(text: &str) -> Vec<String> {
        parse_text(text)
            .incident
            .timeline
            .iter()
            .map(|e| e.at.time.format("%H:%M").to_string())
            .collect()
    }

    /// The moment of each timeline entry of `text`, as written out (`2025-01-02T01:15:00`).
    fn moments(text: &str) -> Vec<String> {
        parse_text(text)
            .incident
            .timeline
            .iter()
            .map(|e| e.at.to_string())
            .collect()
    }

    /// The offset of each timeline entry of `text`, in minutes.
    fn offsets(text: &str) -> Vec<Option<i32>> {
        parse_text(text)
            .incident
            .timeline
            .iter()
            .map(|event| event.at.offset.map(|o| o.minutes()))
            .collect()
    }

    #[test]
    fn a_zone_written_on_some_entries_is_the_zone_of_the_rest_and_says_so() {
        let text = "# Gateway outage\n\n## Timeline\n\n- 2024-04-13T13:50:00+08:00 504 errors begin\n- 2024-04-13 14:20 certificate found expired\n- 2024-04-13T15:12:00+08:00 certificate renewed\n";
        assert_eq!(offsets(text), [Some(480), Some(480), Some(480)]);
        let found = warnings(text);
        assert!(
            found.iter().any(|(line, _, message)| *line == 6
                && message.starts_with("1 timeline entry writes no zone; read in `+08:00`, the zone the other entries write; expected")),
            "{found:?}"
        );
        // Entries that write different zones leave the rest without one.
        let mixed = "# T\n\n## Timeline\n\n- 2024-04-13T13:50:00+08:00 a\n- 2024-04-13 14:20 b\n- 2024-04-13T15:12:00+09:00 c\n";
        assert_eq!(offsets(mixed), [Some(480), None, Some(540)]);
    }

    #[test]
    fn a_zone_in_the_time_column_header_is_its_rows_zone() {
        let text = "# T\n\nDeployed: 2026-04-25 17:00 UTC\n\n## Timeline\n\n| Datetime (UTC+2) | Event |\n|---|---|\n| 2026-05-18 22:06 | fix |\n| 2026-05-18 23:57 CET | other |\n";
        assert_eq!(offsets(text), [Some(120), Some(60)]);
    }

    #[test]
    fn impossible_stamps_in_the_timeline_say_why_where_they_are() {
        let found = warnings(
            "Title: T\n\nTimeline:\n- 10:00 Alert\n- 25:00 Restart\n2023-02-30 10:00 x\n10:4",
        );
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (5, 3));
        assert!(found[0].2.starts_with("`25:00` is not a time of day: hours run 00 to 23; the line was added to the entry before it (10:00)"), "{}", found[0].2);
        assert_eq!((found[1].0, found[1].1), (6, 1));
        assert!(
            found[1].2.contains("February 2023 has 28 days"),
            "{}",
            found[1].2
        );
        assert_eq!((found[2].0, found[2].1), (7, 1));
        assert!(found[2].2.contains("cut short"), "{}", found[2].2);
        // With no entry before it, the line is kept as a note, still said why.
        let found = warnings("# T\n\n## Timeline\n\n- 10:61 Restart\n");
        assert_eq!((found[0].0, found[0].1), (5, 3));
        assert!(
            found[0]
                .2
                .contains("minutes run 00 to 59; the line was not placed"),
            "{}",
            found[0].2
        );
    }

    #[test]
    fn repeated_and_empty_sections_are_reported_at_their_headings() {
        let found = warnings(
            "# T\n\n## Root cause\n\nA.\n\n## Timeline\n\n- 10:00 x\n\n## Root cause\n\nB.\n\n## Summary\n\n## Resolution\n\n### Steps\n\nRolled back.\n",
        );
        let places: Vec<(u32, u32)> = found.iter().map(|f| (f.0, f.1)).collect();
        assert_eq!(places, [(11, 4), (15, 4)], "{found:?}");
        assert!(found[0]
            .2
            .starts_with("a second \"Root cause\" section (the first is on line 3)"));
        assert!(found[1].2.starts_with("this \"Summary\" section is empty"));
        // A timeline heading with nothing under it; a differently named root-cause section
        // is a second section of that part by design, not a repeat.
        let found = warnings(
            "# T\n\n## Root cause\n\nA.\n\n## Contributing factors\n\nB.\n\n## Timeline\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (11, 4));
        assert!(found[0].2.contains("\"Timeline\" section has no entries"));
        // Plain-text labels may be followed by their parts as labels: not reported.
        assert!(warnings("Title: T\n\nRoot Cause and Resolution:\nRoot Cause: a\n").is_empty());
    }

    #[test]
    fn approximate_iso_stamps_read_and_the_event_column_leads_a_rows_text() {
        let text = "# Outage\n\n## Timeline\n\n| Actor | Time (UTC) | Action |\n|---|---|---|\n\
                    | human | 2026-05-18T09:36Z–~12:00Z | Diagnosis |\n\
                    | human | 2026-05-18T~12:00Z–~14:00Z | Fix authored |\n\
                    | agent | 2026-05-18T~16:55:00Z | Recovered |\n";
        let timeline = parse_text(text).incident.timeline;
        let read: Vec<(String, &str)> = timeline
            .iter()
            .map(|e| (e.at.to_string(), e.text.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "2026-05-18T09:36:00+00:00".to_string(),
                    "Diagnosis — Actor: human"
                ),
                (
                    "2026-05-18T12:00:00+00:00".to_string(),
                    "Fix authored — Actor: human"
                ),
                (
                    "2026-05-18T16:55:00+00:00".to_string(),
                    "Recovered — Actor: agent"
                ),
            ]
        );
    }

    #[test]
    fn a_timeline_part_heading_with_its_time_in_parentheses_is_an_entry_with_its_paragraph() {
        let text = "# Halt\n\n## Timeline\n\n### Phase 1: Rolling restart, two nodes at a time (07:47–07:54 UTC)\n\n\
                    Pairs restarted.\n\n### Resolved 08:10 UTC\n\nAll good.\n";
        let timeline = parse_text(text).incident.timeline;
        let texts: Vec<&str> = timeline.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Phase 1: Rolling restart, two nodes at a time\n\nPairs restarted.",
                "Resolved\n\nAll good."
            ]
        );
    }

    #[test]
    fn a_jekyll_code_block_is_code_on_the_page_and_never_events() {
        let text =
            "# Vandal\n\n## What we saw\n\nThe shell printed this.\n\n{% highlight bash %}\n\
                    10:02 dropped database\n{% endhighlight %}\n\n## Timeline\n\n\
                    - 10:05 backup restored\n";
        let read = parse_text(text).incident;
        let times: Vec<String> = read
            .timeline
            .iter()
            .map(|e| e.at.time.format("%H:%M").to_string())
            .collect();
        assert_eq!(times, ["10:05"]);
        let part = &read.other_sections[0];
        assert_eq!(
            part.body,
            "The shell printed this.\n\n```bash\n10:02 dropped database\n```"
        );
    }

    #[test]
    fn a_heading_naming_the_current_state_is_a_snapshot_not_an_event() {
        let text = "# Pi-hole down\n\n## Timeline\n\n- 09:10 HKT - DNS stops answering\n\
                    - 10:05 HKT - container recreated\n\n## Resolution\n\n\
                    ### Current State (Dec 4, 11:27am HKT):\n\nAll containers healthy.\n\n\
                    ### Monitoreo Actual - 2025-12-04 11:30 UTC\n\nDisco al 40%.\n";
        let times = clock_times(text);
        assert_eq!(times, ["09:10", "10:05"]);
    }

    #[test]
    fn a_heading_that_only_labels_the_title_is_the_title_when_no_other_comes() {
        let text = "# Postmortem\n\n### Saturday, 13 April 2024\n\n1:12pm — alert for disk\n";
        let parsed = parse_text(text);
        assert_eq!(parsed.incident.title, "Postmortem");
        assert!(!warnings(text)
            .iter()
            .any(|w| w.2.contains("expected a title")));
        // A name after the label is the title.
        assert_eq!(
            parse_text("Postmortem: Disk full\n").incident.title,
            "Disk full"
        );
    }

    #[test]
    fn only_a_title_a_huge_title_and_deep_nesting_are_reported() {
        let found = warnings("# Login outage\n");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1), (1, 1));
        assert!(found[0].2.starts_with("only a title was read"));
        let found = warnings(&format!(
            "Title: {}\n\nTimeline:\n- 10:00 x\n",
            "x".repeat(5000)
        ));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (1, 8));
        assert!(found[0].2.starts_with("the title is 5000 characters long"));
        let deep = format!(
            "# T\n\n## Timeline\n\n- 10:00 x\n\n## Notes\n\n{}deep\n",
            "> ".repeat(60)
        );
        let found = warnings(&deep);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (9, 97));
        assert!(found[0].2.starts_with("lists or quotes nested 60 deep"));
    }

    #[test]
    fn a_table_row_cut_short_is_reported_at_its_end() {
        let found = warnings("# T\n\n## Action items\n\n| Task | Owner | Priority |\n|---|---|---|\n| Add a canary | bob | P1 |\n| Alert on cache");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (8, 17));
        assert!(
            found[0].2.contains("has 1 of the 3 cells"),
            "{}",
            found[0].2
        );
    }

    #[test]
    fn a_quote_over_the_title_is_kept_and_the_heading_is_the_title() {
        let text = "> **What is this document?**\n> - **One line**: the deploy failed twice\n> - **Readers**: developers\n> - **Linked**: deploy.yml\n> - **After reading**: why it was red\n> - **See also**: playbook\n\n# 2026-07-07 - Deploy #426 failed\n\n## Timeline\n\n- 10:00 Deploy started\n";
        let parsed = parse_text(text);
        assert_eq!(parsed.incident.title, "2026-07-07 - Deploy #426 failed");
        let quote = &parsed.incident.other_sections[0];
        assert_eq!(quote.title, "Opening note");
        assert!(quote
            .body
            .starts_with("> **What is this document?**\n> - **One line**"));
        assert!(quote.body.ends_with("> - **See also**: playbook"));
        assert!(warnings(text).iter().all(|w| !w.2.contains("preamble")));
    }

    #[test]
    fn a_paragraph_naming_only_listed_moments_tells_them_again() {
        let text = "# Crashes\n\n## Timeline\n\n| Time | Crash |\n|---|---|\n| 00:44 | Map race |\n| 01:15 | Proc stack |\n| 01:19 | Map race |\n\n**Action Required**: Copy the new binary to end the crashes at 01:15 and 01:19.\n\nCrashes were seen again at 01:15 and 01:40.\n";
        let parsed = parse_text(text);
        let times = clock_times(text);
        // The second paragraph names a moment of its own (01:40): both of its moments stay.
        assert_eq!(times, ["00:44", "01:15", "01:19", "01:15", "01:40"]);
        let notes = parsed
            .incident
            .other_sections
            .iter()
            .find(|s| s.title == "Notes in the timeline")
            .expect("a note");
        assert!(notes.body.contains("**Action Required**"), "{}", notes.body);
        // On another day the same times are moments of their own, on the day of the
        // heading above them, as the entries after them are.
        let text = "# T\n\n## Timeline\n\n### 2025-01-02\n\n- 01:15 Crash in map code\n- 01:19 Crash in proc stack\n\n### 2025-01-03\n\nThe crashes came back at 01:15 and 01:19.\n\n- 02:00 Fixed\n";
        let days = moments(text);
        assert_eq!(
            days,
            [
                "2025-01-02T01:15:00",
                "2025-01-02T01:19:00",
                "2025-01-03T01:15:00",
                "2025-01-03T01:19:00",
                "2025-01-03T02:00:00"
            ]
        );
        // A paragraph under the new day looking back to the evening before is no step
        // towards midnight for the entries after it.
        let text = "# Outage\n\n## Timeline\n\n### 2025-01-02\n\n- 22:00 Deploy started\n- 23:30 Alerts fired\n\n### 2025-01-03\n\nThe bad config had been pushed at 21:45 the evening before.\n\n- 00:10 Rollback started\n";
        assert_eq!(
            moments(text).last().map(String::as_str),
            Some("2025-01-03T00:10:00")
        );
    }

    #[test]
    fn an_item_telling_when_something_happened_is_no_day_heading() {
        let text = "# Pipeline failure\n\n**Investigation Date:** 2025-09-16\n\n## Timeline\n\n### Phase 2: Analysis (11:30 - 12:00)\n\n- Main scraping: August 29, 2025 (3,913 pages)\n- Function created: September 16, 2025 (TODAY)\n\n### Phase 3: Code (12:00 - 12:15)\n\nText.\n\n- Day 2: September 17, 2025\n- 09:00 Checked again\n";
        let days = moments(text);
        assert_eq!(days.len(), 3, "{days:?}");
        assert!(days[1].starts_with("2025-09-16T12:00"), "{days:?}");
        // A label naming the day itself still dates the entries after it.
        assert!(days[2].starts_with("2025-09-17T09:00"), "{days:?}");
        let text =
            "# T\n\n## Timeline\n\n- 日付: 2025-03-05\n- 10:00 a\n- 日付: 2025-03-06\n- 09:00 c\n";
        let last = parse_text(text)
            .incident
            .timeline
            .last()
            .map(|e| e.at.to_string());
        assert_eq!(last.as_deref(), Some("2025-03-06T09:00:00"));
    }

    #[test]
    fn a_line_split_at_br_goes_on_the_paragraph_above_it() {
        let text = "# Outage\n\n## Timeline\n\n### 2023-03-26\n\n??:?? - Microsoft deploys an update **\\<START OF\nOUTAGE>**<br> 13:02 - We receive a message\nfrom a user.<br> 20:57 - A test fails\n";
        let parsed = parse_text(text);
        assert_eq!(parsed.incident.timeline.len(), 2);
        let notes = &parsed.incident.other_sections[0];
        assert_eq!(notes.title, "Notes in the timeline");
        // One paragraph, as written: the bold spans the line break.
        assert_eq!(
            notes.body,
            "??:?? - Microsoft deploys an update **\\<START OF\nOUTAGE>**"
        );
        // The line after a split line's last piece goes on with it; a hard break stays; a
        // tag closing the line before (`</p>`) keeps its paragraph apart.
        let text = "# T\n\n## Notes\n\nPara one ends  \nnext<br>after\n\nFirst line<br>split one\nSecond line<br>split two\n\n<p>One</p><p>Two</p>\nThree<br>four\n";
        let body = parse_text(text).incident.other_sections[0].body.clone();
        assert!(body.starts_with("Para one ends  \nnext\n\n"), "{body:?}");
        assert!(body.contains("split one\nSecond line"), "{body:?}");
        assert!(!body.contains("Two\nThree"), "{body:?}");
    }

    #[test]
    fn a_field_label_in_an_item_of_the_lessons_stays_in_that_list() {
        let text = "# Deploy\n\n## Summary\n\nThe deploy broke.\n\n## Lessons Learned\n\n### 1. Search usages\n- **What happened:** Removed an import without checking\n- **Prevention:** Search first\n\n## Impact\n\n**Impact:** Site offline\n";
        let incident = parse_text(text).incident;
        assert_eq!(incident.summary, "The deploy broke.");
        assert!(
            incident
                .lessons
                .text
                .contains("- **What happened:** Removed an import"),
            "{}",
            incident.lessons.text
        );
        // Outside a list's section the label still names its part, and so it does in the
        // list where that part is still empty.
        assert!(incident.impact.text.contains("Site offline"));
        let text = "# Login outage\n\n## Summary\n\nUsers could not log in.\n\n## Action Items\n\n- **Root Cause:** The certificate expired.\n- Re-enable auto-renew\n";
        let incident = parse_text(text).incident;
        assert!(incident.root_cause.starts_with("The certificate expired."));
    }

    #[test]
    fn a_quote_is_measured_in_source_lines() {
        let brs = "a<br>".repeat(14);
        let text = format!("> {brs}b\n> c\n> d\n\n# 2026-07-07 - Deploy failed\n\n## Timeline\n\n- 10:00 Deploy started\n");
        let parsed = parse_text(&text);
        assert_eq!(parsed.incident.title, "2026-07-07 - Deploy failed");
        assert_eq!(parsed.incident.other_sections[0].title, "Opening note");
    }

    #[test]
    fn a_quoted_line_split_at_br_is_kept_once() {
        let text = "> Written for the team.<br>Ask in #ops.\n> Draft\n\n# 2026-07-07 - Deploy failed\n\n## Timeline\n\n- 10:00 Deploy started\n";
        let parsed = parse_text(text);
        let quote = &parsed.incident.other_sections[0];
        assert_eq!(quote.title, "Opening note");
        assert_eq!(
            quote.body,
            "> Written for the team.<br>Ask in #ops.\n> Draft"
        );
    }

    #[test]
    fn bold_in_a_title_and_a_wrapped_bold_entry_leave_no_asterisks() {
        let text = "# Postmortem: \"The Vanishing Database\" - **CatifyMe Outage**\n\n## Timeline\n\n- **01:38: alerts fired for the site being down,\n  the backup contact got paged**\n- 01:39: Operator joins\n";
        let incident = parse_text(text).incident;
        assert_eq!(
            incident.title,
            "Postmortem: \"The Vanishing Database\" - CatifyMe Outage"
        );
        assert_eq!(incident.timeline.len(), 2);
        assert!(
            incident.timeline[0]
                .text
                .ends_with("the backup contact got paged"),
            "{}",
            incident.timeline[0].text
        );
        // A heading wholly in bold whose stamp opens it.
        let text = "# Lost work\n\n## Timeline\n\n### **9:45 PM - 10:00 PM - Investigation Phase**\n\n**Agent Actions:** read the reflog\n";
        let incident = parse_text(text).incident;
        assert!(
            incident.timeline[0]
                .text
                .starts_with("Investigation Phase\n\n**Agent Actions:**"),
            "{}",
            incident.timeline[0].text
        );
    }

    #[test]
    fn a_start_or_end_heading_takes_its_moment_from_the_next_line() {
        let text = "# DB outage\n\n## Start time\n2025-12-05 13:07:30 (UTC)\n\n## What happened\nThe job failed.\n\n## Timeline\n- 13:07 Job failed\n- 13:30 Fixed\n";
        let parsed = parse_text(text);
        let start = parsed.incident.start.expect("a start");
        assert_eq!(start.to_string(), "2025-12-05T13:07:30+00:00");
        assert_eq!(parsed.incident.summary, "The job failed.");
        assert_eq!(parsed.incident.timeline.len(), 2);
        // Japanese: the heading's moment written with its part of the day (`午後3時` is 15:00).
        let text = "# COCOA が起動しない\n\n### 発生日時\n2021年11月25日午後3時\n\n### 復旧日時\niOS: 2021年11月26日午前10時47分\n";
        assert_eq!(
            stated_window(&parse_text(text).incident),
            (
                Some("2021-11-25T15:00:00".into()),
                Some("2021-11-26T10:47:00".into())
            )
        );
    }

    /// The stated start and end, as written out.
    fn stated_window(incident: &crate::model::Incident) -> (Option<String>, Option<String>) {
        let written = |m: Option<crate::model::Moment>| m.map(|m| m.to_string());
        (written(incident.start), written(incident.end))
    }

    #[test]
    fn a_date_field_in_the_header_writing_hours_states_the_window() {
        let window = |text: &str| stated_window(&parse_text(text).incident);
        let timeline = "\n\n## Timeline\n\n- 21:30 Deploy\n- 21:37 Fork\n- 21:50 Fixed\n";
        assert_eq!(
            window(&format!(
                "# Fork\n\n**Date**: December 14, 2025 - 21:37-21:39 UTC{timeline}"
            )),
            (
                Some("2025-12-14T21:37:00+00:00".into()),
                Some("2025-12-14T21:39:00+00:00".into())
            )
        );
        // Under the first section's heading; the end's PM is the start's; a window past
        // midnight ends the next day.
        assert_eq!(
            window(&format!(
                "# Cron\n\n## Summary\n\n**Date**: October 11, 2025 - 9:24-9:50 PM{timeline}"
            ))
            .0,
            Some("2025-10-11T21:24:00".into())
        );
        assert_eq!(
            window(&format!(
                "# Cron\n\n**Date:** 2025-10-11, 23:40 to 00:20 CET{timeline}"
            ))
            .1,
            Some("2025-10-12T00:20:00+01:00".into())
        );
        // The part of the day one end writes is the other's, the shorter way; a zone may
        // follow each time; `# Details` is a section as `## Details` is.
        assert_eq!(
            window(&format!(
                "# Cron\n\n**Date**: October 11, 2025 - 9:24 PM-9:50{timeline}"
            )),
            (
                Some("2025-10-11T21:24:00".into()),
                Some("2025-10-11T21:50:00".into())
            )
        );
        assert_eq!(
            window(&format!(
                "# Cron\n\n**Date**: 2025-01-02 11:50-12:10 AM{timeline}"
            )),
            (
                Some("2025-01-02T23:50:00".into()),
                Some("2025-01-03T00:10:00".into())
            )
        );
        assert_eq!(
            window(&format!(
                "# Out\n\n**Date**: 2025-01-02 15:00 UTC - 16:00 UTC{timeline}"
            ))
            .1,
            Some("2025-01-02T16:00:00+00:00".into())
        );
        assert_eq!(
            window("# Out\n\n**Date**: 2025-01-02\n\n# Details\n\nText.\n\n# Maintenance\n\n**Time window**: 02:00-04:00 UTC\n\n# Timeline\n\n- 10:00 a\n"),
            (None, None)
        );
        // A `Time:` field under the header's `Date:` writes the window of that day.
        assert_eq!(
            window(&format!(
                "# Drop\n\n**Date**: November 10, 2025\n**Time**: 04:23-04:28 UTC{timeline}"
            )),
            (
                Some("2025-11-10T04:23:00+00:00".into()),
                Some("2025-11-10T04:28:00+00:00".into())
            )
        );
        // A field stating the window wins; a `Date:` under a later section is that part's.
        assert_eq!(
            window(&format!("# Fork\n\n**Date**: December 14, 2025 - 21:37-21:39 UTC\n**Duration**: 21:30 - 21:50 UTC{timeline}")).0,
            Some("2025-12-14T21:30:00+00:00".into())
        );
        assert_eq!(
            window(&format!("# Fork\n\n## Summary\n\nText.\n\n## Phase 2\n\n**Date**: December 14, 2025 - 21:37-21:39 UTC{timeline}")),
            (None, None)
        );
    }

    #[test]
    fn japanese_start_and_end_fields_state_the_window_and_are_no_entries() {
        let text = "# インシデントレポート: デプロイ障害\n\n**発生日時**: 2026-01-17 07:31 JST\n**解決日時**: 2026-01-17 08:10 JST\n\n## タイムライン\n\n| 時刻 | イベント |\n|------|----------|\n| 07:22 | デプロイ開始 |\n| 08:10 | 再デプロイ完了 |\n";
        let incident = parse_text(text).incident;
        assert_eq!(
            stated_window(&incident),
            (
                Some("2026-01-17T07:31:00+09:00".into()),
                Some("2026-01-17T08:10:00+09:00".into())
            )
        );
        let texts: Vec<&str> = incident.timeline.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["デプロイ開始", "再デプロイ完了"]);
    }

    #[test]
    fn a_zone_offset_in_a_heading_is_no_entry() {
        let text = "# Miner found\n\nTimeline of attacker activity\n\nMalware artifacts\n\n## Attacker Activity Timeline (MMT UTC+6:30)\n\n| Timestamp | Activity |\n| --- | --- |\n| 2025-09-17 05:06:06 | First download |\n";
        let texts: Vec<String> = parse_text(text)
            .incident
            .timeline
            .into_iter()
            .map(|e| e.text)
            .collect();
        assert_eq!(texts, ["First download"]);
    }

    #[test]
    fn lines_under_a_heading_entry_are_moments_unless_they_retell_its_second() {
        let count = |text: &str| parse_text(text).incident.timeline.len();
        // A heading to the minute heads moments at that minute and within it.
        assert_eq!(count("# Paging\n\n## Timeline\n\n### 14:05 Alert fired\n\n- 14:05 paged on-call\n- 14:07 on-call acked\n"), 3);
        assert_eq!(count("# Paging\n\n## Timeline\n\n### 14:05 Alert\n\n- 14:05:10 page sent\n- 14:05:40 acked\n"), 3);
        // A heading to the second, retold by lines stamped at that second, is one moment.
        assert_eq!(count("# Restart\n\n## Timeline\n\n### Night restart (02:14:09 - March 4, 2025)\n- Both workers restarted\n  - `a`: started at `2025-03-04T02:14:09.44Z`\n  - `b`: started at `2025-03-04T02:14:09.51Z`\n"), 1);
        // A span to the second keeps its first moment's line as an entry (the heading names
        // the part).
        let text = "# Tests\n\n## Timeline\n\n### Testing (02:36:00 to 02:50:00 UTC)\n\n- 02:36:00 UTC started testing\n";
        let incident = parse_text(text).incident;
        assert_eq!(incident.timeline.len(), 1);
        assert_eq!(incident.timeline[0].text, "started testing");
    }

    #[test]
    fn asterisks_that_are_no_emphasis_stay_in_titles_and_entries() {
        let title = |text: &str| parse_text(text).incident.title;
        assert_eq!(
            title("# Limit of 2**10 connections hit\n"),
            "Limit of 2**10 connections hit"
        );
        assert_eq!(
            title("# Glob src/**/*.ts matched nothing\n"),
            "Glob src/**/*.ts matched nothing"
        );
        assert_eq!(
            title("# Config `**` key broke **the parser**\n"),
            "Config `**` key broke the parser"
        );
        let first = |text: &str| parse_text(text).incident.timeline[0].text.clone();
        let timeline = "# Deploy\n\n## Timeline\n\n";
        assert_eq!(
            first(&format!(
                "{timeline}- 14:05 changed src/**/*.js, then **rolled back**\n"
            )),
            "changed src/**/*.js, then **rolled back**"
        );
        assert_eq!(
            first(&format!(
                "{timeline}- 14:07 raised limit to 2**10 and **restarted**\n"
            )),
            "raised limit to 2**10 and **restarted**"
        );
        assert_eq!(
            first(&format!(
                "{timeline}- 14:10 ran `grep '**'` and **fixed**\n"
            )),
            "ran `grep '**'` and **fixed**"
        );
        assert_eq!(
            first(&format!("{timeline}- 14:09 matched src/**\n")),
            "matched src/**"
        );
    }

    #[test]
    fn a_quote_telling_moments_is_the_documents_text_and_one_over_a_part_a_note() {
        let text = "> Outage of the API\n>\n> The gateway failed.\n>\n> Users saw errors.\n>\n> - 10:00 alert fired\n> - 10:05 fixed\n\n# Comments\n\nNone.\n";
        let parsed = parse_text(text);
        assert_eq!(parsed.incident.timeline.len(), 2);
        assert!(parsed
            .incident
            .other_sections
            .iter()
            .all(|s| s.title != "Opening note"));
        // A note over a part's heading is kept too, and the part reads as ever.
        let text = "> Written by the on-call team\n\n# Timeline\n\n- 10:00 alert fired\n";
        let parsed = parse_text(text);
        assert_eq!(parsed.incident.other_sections[0].title, "Opening note");
        assert_eq!(
            parsed.incident.other_sections[0].body,
            "> Written by the on-call team"
        );
        assert_eq!(parsed.incident.timeline.len(), 1);
    }
}
