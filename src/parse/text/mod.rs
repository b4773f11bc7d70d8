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
    date_order, find_date_in, month_number, DateContext, DateOrder, OrderEvidence,
};
use super::clock::{leading_clock, Clock};
use super::diagnostic::{column_of, Diagnostic};
use super::entry::{
    closing_heading_date, colon_hhmm, date_line, further_stamps, heading_date, is_chat_line,
    skip_word, strip_list_marker, timeline_entry, trailing_entry, Entry,
};
use super::front_matter::{front_matter, nested_dates, status_items, StatusItem};
use super::html_blocks::HtmlBlocks;
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
    stamped_heading, timed_part_heading, update_block,
};
use super::table;
use super::zone::{find_stated_zone, find_zone, zone_at_start, FoundZone};
use super::{Parsed, Stated, StatedAbout};
use crate::model::{Incident, Link, Moment, Section, TimelineEvent};

mod accounting;
mod dates;
mod details;
mod outline;
mod prose;
mod records;
mod status;
mod tables;
mod underlined;
mod verbatim;

use details::responder_role;

use dates::*;

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
        for (block_at, block) in html.feed(line.text) {
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
    /// Reads YAML/TOML front matter: its title and date; other keys are kept as a section.
    fn read_front_matter(&mut self, texts: &[&'a str]) -> usize {
        let Some(found) = front_matter(texts) else {
            return 0;
        };
        if !found.closed {
            let first = texts.first().copied().unwrap_or("");
            self.diagnostics.push(Diagnostic::warning(
                1,
                1,
                "expected a closing `---` for the block of `key: value` lines at the top; read them as details up to the blank line",
                first,
            ));
        }
        let mut kept = Vec::new();
        let mut consumed = Vec::new();
        let bodiless = texts
            .iter()
            .skip(found.len)
            .all(|line| line.trim().is_empty());
        for entry in &found.entries {
            let number = if entry.index < texts.len() {
                line_number(entry.index)
            } else {
                1
            };
            let line_text = texts.get(entry.index).copied().unwrap_or("");
            let key = entry.key.to_ascii_lowercase();
            // A key that names the incident's own moment, not the post's (the line stays
            // shown with the other keys).
            if INCIDENT_DAY_KEYS.contains(&key.as_str()) {
                if let Some(date) = find_date_in(entry.value, self.context) {
                    self.dates.field.get_or_insert(date.date);
                }
            }
            if FRONT_SUMMARY_KEYS.contains(&key.as_str()) {
                // A sentence that names the day, not a bare date (`description: '2025-11-19'`,
                // the post's).
                let described = find_date_in(entry.value, self.context).filter(|date| {
                    let rest = [
                        &entry.value[..date.span.start],
                        &entry.value[date.span.end..],
                    ];
                    date.has_year
                        && rest
                            .iter()
                            .flat_map(|part| part.split_whitespace())
                            .filter(|word| word.chars().any(char::is_alphabetic))
                            .count()
                            >= 3
                });
                if let Some(date) = described {
                    self.dates.described.get_or_insert(date.date);
                }
            }
            match key.as_str() {
                "title" if !entry.value.is_empty() => {
                    self.incident.title = clean(entry.value).into_owned();
                    self.dates.title = self.title_day(&self.incident.title);
                }
                // `post_title:` (a WordPress export), `heading:` or `headline:` (a site's own
                // theme): the title, where no `title:` gives one.
                "post_title" | "heading" | "headline"
                    if self.incident.title.is_empty() && entry.value.contains(' ') =>
                {
                    self.incident.title = clean(entry.value).into_owned();
                    self.dates.title = self.title_day(&self.incident.title);
                }
                "date" => match find_date_in(entry.value, self.context) {
                    Some(date) => self.dates.front_matter = Some(date.date),
                    None => {
                        self.diagnostics.push(Diagnostic::warning(
                            number,
                            column_of(line_text, entry.value_at),
                            format!(
                                "expected a date such as `2024-01-15` in the front matter, found `{}`; it was not used",
                                entry.value
                            ),
                            line_text,
                        ));
                    }
                },
                key if !entry.value.is_empty()
                    && self.read_front_matter_detail(key, entry.value) => {}
                "description" | "summary" if bodiless && !entry.value.is_empty() => {
                    self.front_text = Some((entry.index, entry.value));
                }
                // `services:` over `  - CDN` lines: a block list is the key's value.
                key if entry.value.is_empty() && {
                    let items = block_list(texts, entry.index, &found.other_lines);
                    let value = items
                        .iter()
                        .map(|&at| list_item_text(texts[at]))
                        .collect::<Vec<_>>()
                        .join(", ");
                    !items.is_empty() && self.read_front_matter_detail(key, &value) && {
                        consumed.extend(items);
                        true
                    }
                } => {}
                _ => kept.push((entry.index, line_text.trim_end().to_string())),
            }
        }
        // `title: On Yesterday's Log Unavailability` before `created_at:`: the day the title
        // names by a word is known once the post's own date is.
        if self.dates.title.is_none() {
            self.dates.title = self.title_day(&self.incident.title);
        }
        self.front_status = status_items(texts, &found)
            .iter()
            .filter_map(|item| front_status_entry(item, self.context))
            .collect();
        // `rekt:` over `  date: 10/06/2022` under the post's `date: 10/07/2022`: a nested day
        // before the post's is the incident's, unless a key named it already (a later one,
        // `review:` / `date:`, is a meeting's or an edit's).
        for value in nested_dates(texts, &found) {
            let Some(date) = find_date_in(value, self.context) else {
                continue;
            };
            if self.dates.front_matter.is_some_and(|post| date.date < post) {
                self.dates.field.get_or_insert(date.date);
            }
        }
        for &index in found.other_lines.iter().filter(|at| !consumed.contains(at)) {
            let text = texts.get(index).copied().unwrap_or("");
            kept.push((index, text.trim_end().to_string()));
        }
        // The kept lines in the author's order: a list stays under its key.
        kept.sort_by_key(|&(index, _)| index);
        if !kept.is_empty() {
            let kept: Vec<String> = kept.into_iter().map(|(_, text)| text).collect();
            self.incident.other_sections.push(Section {
                title: "Front matter".to_string(),
                body: kept.join("\n"),
            });
        }
        found.len
    }

    /// Keeps the lines of a reStructuredText directive block before the title (`from` up to
    /// `title`) as a "Front matter" section; a date as the directive's argument (a blog post's,
    /// `.. post:: Jan 25, 2021`) dates the post as front matter's `date` does.
    fn keep_directive_block(&mut self, from: usize, title: usize) {
        let lines: Vec<String> = self.lines[from..title]
            .iter()
            .map(|line| line.text.trim().to_string())
            .filter(|text| !text.is_empty())
            .collect();
        if let Some((_, argument)) = lines.first().and_then(|line| line.split_once("::")) {
            if let Some(found) = find_date_in(argument, self.context) {
                self.dates.front_matter.get_or_insert(found.date);
            }
        }
        let section = self.push_kept_section("Front matter");
        self.incident.other_sections[section].body = lines.join("\n");
    }

    /// Finds where the postmortem starts. Prose before a `#` title (a chatbot's "Sure! Here
    /// is your postmortem:" and a code fence around the rest) is reported and set aside.
    fn skip_preamble(&mut self) -> usize {
        let body = self.body_start;
        let Some(first) = (body..self.lines.len()).find(|&i| !self.lines[i].text.trim().is_empty())
        else {
            return body;
        };
        if !self.expecting_title || starts_section(&self.lines[first].text) {
            return first;
        }
        let window: Vec<usize> = (first..self.lines.len())
            .filter(|&i| !self.lines[i].text.trim().is_empty())
            .take(6)
            .collect();
        let Some(&title) = window
            .iter()
            .skip(1)
            .find(|&&i| is_title_heading(&self.lines[i].text))
        else {
            return first;
        };
        let mut opened_fence = false;
        for &index in window.iter().take_while(|&&i| i < title) {
            let line = &self.lines[index];
            if is_fence(&line.text) {
                opened_fence = true;
                continue;
            }
            if starts_section(&line.text) {
                return first; // a real heading before the `#` line: no preamble
            }
        }
        // `.. post:: Jan 25, 2021` and its `:tags:` lines: a reStructuredText directive over
        // the title is the page's metadata, kept as front matter is, not a preamble.
        if is_directive(&self.lines[first].text) {
            self.keep_directive_block(first, title);
            return title;
        }
        for &index in window.iter().take_while(|&&i| i < title) {
            let line = &self.lines[index];
            if !is_fence(&line.text) {
                self.diagnostics.push(Diagnostic::warning(
                    line.number,
                    line.column(0),
                    "expected the postmortem to start with its title; this text before the `#` title (such as a chatbot's preamble) was not used",
                    excerpt(line.raw),
                ));
            }
        }
        if opened_fence {
            self.wrapping_fence_end = (title..self.lines.len())
                .rev()
                .find(|&i| !self.lines[i].text.trim().is_empty())
                .filter(|&i| is_fence(&self.lines[i].text));
        }
        title
    }

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
        self.incident.title = title.to_string();
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

    /// True when the next line with text after `index` is a timeline entry (`14:30 UTC - ...`).
    fn next_text_is_entry(&self, index: usize) -> bool {
        self.lines[index + 1..]
            .iter()
            .find(|line| !line.text.trim().is_empty())
            .is_some_and(|line| {
                timeline_entry(strip_list_marker(&line.text).0, self.context).is_some()
            })
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
                self.pending_heading = Some((target, section_name(label)));
                return true;
            }
            // An unknown label alone on its line (or a Markdown heading) starts a kept section.
            if heading || (value.is_empty() && !in_timeline) {
                self.keep_under_heading(index, label);
                return true;
            }
            return false;
        };
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

    fn read_timeline_text(&mut self, index: usize, content: &str, content_at: usize) {
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
            let mut moments = inferred_times(read, self.context).into_iter();
            if let Some(moment) = moments.next().filter(|m| !restates_entry(m.time)) {
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
        let says = |phrase: &str| contains_ignore_ascii_case(content, phrase);
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
        if let (true, Some(event)) = (continues, self.incident.timeline.last_mut()) {
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
    fn word_ending_line_before(&self, index: usize) -> Option<&str> {
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

    /// Sets the day the timeline's entries take when they write none; `running` when a table
    /// row only names it (`| ~22 Aug |`), so a row that writes another day takes over.
    fn set_timeline_day(&mut self, day: Option<NaiveDate>, running: bool) {
        self.timeline_date = day;
        self.row_day_running = running;
    }

    /// [`Self::push_event`] for an entry read from a line, with its text.
    fn push_entry(&mut self, index: usize, at: usize, entry: Entry, text: String) {
        self.push_event(index, at, entry.date, entry.time, entry.zone, text);
    }

    fn push_event(
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
    fn record_event(&mut self, entry: PendingEntry) {
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

    /// True when a line outside the timeline is part of a log rather than prose: under a
    /// heading that opens by naming a log or output (`## Logs`, `### Log excerpt`), or indented as a
    /// Markdown code block (four spaces or a tab, not a list item's).
    fn reads_as_log(&self, index: usize, target: Target, is_item: bool) -> bool {
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

    /// True when the Markdown heading at `index` is deeper than the timeline's own heading and
    /// the next text under it is an entry (`## Timeline` > `### Day 2` > `- 09:30 ...`).
    pub(super) fn heads_part_of_timeline(&self, index: usize) -> bool {
        self.heading_deeper_than(index, self.timeline_heading_level())
            && (self.entries_follow(index) || self.opens_time_record(index))
    }

    /// True when the Markdown heading at `index` sits under the timeline's heading (deeper
    /// than it, none as high between) while a label had left the timeline after its entries,
    /// and entries follow it.
    fn returns_to_timeline_part(&self, index: usize) -> bool {
        let left = self.open_part.is_none_or(|part| part.level.is_none());
        // Only a timeline that gave entries already is gone back into: a document whose
        // `# Updates` title names a timeline it never writes is not one.
        let read = !self.incident.timeline.is_empty();
        let open = self.under_timeline_heading.and_then(|part| part.level);
        left && read && self.heading_deeper_than(index, open) && self.entries_follow(index)
    }

    /// True when the line at `index` is a Markdown heading deeper than level `open`.
    fn heading_deeper_than(&self, index: usize, open: Option<usize>) -> bool {
        heading_level(&self.lines[index].text)
            .zip(open)
            .is_some_and(|(level, open)| level > open)
    }

    /// True when entries follow the heading at `index`: the next text, or a line opening with
    /// a stamp (an item, a paragraph, a table row) before the next heading.
    fn entries_follow(&self, index: usize) -> bool {
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
    fn timeline_heading_level(&self) -> Option<usize> {
        self.open_part
            .filter(|part| part.target == Target::Timeline)
            .and_then(|part| part.level)
    }

    /// True when the Markdown heading at `index`, deeper than the timeline's, is followed by a
    /// sibling heading that names its time (`### Critical incident (16:15)`): one untimed part
    /// of a timeline told in timed parts. Code fences between are skipped.
    fn heads_untimed_part(&self, index: usize) -> bool {
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
    fn opens_run_of_timed_parts(&self, index: usize) -> bool {
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
    fn first_entry_below_restates(&self, index: usize, entries: &[Entry]) -> bool {
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
    fn restates_entries_above(&self, index: usize, content: &str) -> Option<u32> {
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

    /// A subheading waiting over action items is their group (`### Short term`), not an item
    /// of its own; one that only names the list again (`Tasks:` under `Corrective and
    /// Preventative Measures:`) ends the group before it.
    fn take_action_group(&mut self) {
        if let Some((_, heading)) = self
            .pending_heading
            .take_if(|(target, _)| *target == Target::ActionItems)
        {
            let names_the_list = matches!(
                field_for(&heading),
                Some(Field::ActionItems | Field::Improvements)
            );
            self.action_group = (!names_the_list).then_some(heading);
        }
    }

    /// Gives `item` the group of the subheading it is listed under, unless it names its own.
    fn group_action_item(&self, item: &mut crate::model::ActionItem) {
        if item.group.is_none() {
            item.group.clone_from(&self.action_group);
        }
    }

    fn push_action_item(&mut self, text: &str) {
        let mut item = items::from_text(text);
        self.group_action_item(&mut item);
        if item.text.is_empty() && item.link.is_none() {
            self.incident.improvements.push(text.to_string());
        } else {
            self.incident.action_items.push(item);
        }
    }

    /// The text field of a prose part; `None` for parts that are lists.
    fn prose_field(&mut self, target: Target) -> Option<&mut String> {
        Some(match target {
            Target::Summary | Target::Date | Target::Duration | Target::Timeline => {
                &mut self.incident.summary
            }
            Target::Impact => &mut self.incident.impact.text,
            Target::RootCause => &mut self.incident.root_cause,
            Target::Detection => &mut self.incident.detection,
            Target::Resolution => &mut self.incident.resolution,
            Target::Addendum => &mut self.incident.addendum,
            Target::Lessons => &mut self.incident.lessons.text,
            Target::Other(index) => match self.incident.other_sections.get_mut(index) {
                Some(section) => &mut section.body,
                None => &mut self.incident.summary,
            },
            _ => return None,
        })
    }

    /// Adds prose to a field: a new paragraph, or a wrapped line joined with a space.
    fn append_prose(&mut self, target: Target, text: &str, new_paragraph: bool) {
        self.flush_heading(target);
        let current = self.current;
        let field = match target {
            Target::Improvements | Target::ActionItems => {
                self.incident.improvements.push(text.to_string());
                return;
            }
            Target::WentWell => {
                self.incident.lessons.went_well.push(text.to_string());
                return;
            }
            Target::WentWrong => {
                self.incident.lessons.went_wrong.push(text.to_string());
                return;
            }
            Target::Lucky => {
                self.incident.lessons.lucky.push(text.to_string());
                return;
            }
            _ => {
                self.verbatim.note(&self.lines, current, target, text);
                match self.prose_field(target) {
                    Some(field) => field,
                    None => return,
                }
            }
        };
        if !field.is_empty() {
            // A labelled field always starts a paragraph of its own; wrapped lines join with a space.
            field.push_str(if new_paragraph { "\n\n" } else { " " });
        }
        field.push_str(text);
    }

    /// Keeps the line at `index` as written (list marker aside) for [`Parsed::stated`], once.
    fn keep_stated(&mut self, index: usize, about: StatedAbout) {
        if self.stated.last().is_some_and(|(at, _)| *at == index) {
            return;
        }
        let (content, _, _) = strip_list_marker(&self.lines[index].text);
        let text = content.trim();
        if !text.is_empty() {
            let text = text.to_string();
            self.stated.push((index, Stated { about, text }));
        }
    }

    /// Writes the further heading waiting for `target`'s next text, in bold, as a paragraph
    /// of its own.
    fn flush_heading(&mut self, target: Target) {
        self.flush_heading_into(target, target);
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

    /// Records the links on a line, and warns about links that are not http(s).
    fn collect_links(&mut self, index: usize) {
        let line = &self.lines[index].text;
        // Every link has a `](` or a scheme's `://`; a byte search keeps most lines cheap.
        if !may_hold_link(line.as_bytes()) {
            return; // most lines: nothing to look at
        }
        let text = line.clone();
        for segment in segments(&text) {
            if let Inline::Link { text, url } = segment {
                // Repeated URLs are removed in `finish`, in one sort, keeping the first.
                self.incident.links.push(Link {
                    text: text.to_string(),
                    url: url.to_string(),
                });
            }
        }
        // A handful per line is enough to point at the problem (and keeps columns cheap).
        // Classified by the rules the page renders links with (`rich::target_kind`).
        for (at, target) in unsafe_link_targets(&text).into_iter().take(8) {
            let message = match rich::target_kind(target) {
                TargetKind::Followed => continue, // mailto: a link on the page
                TargetKind::Relative => format!(
                    "relative link target `{target}`: followed when the postmortem is opened from its URL (`?src=`), shown as text otherwise"
                ),
                TargetKind::Refused => format!(
                    "expected an http://, https:// or mailto: link target, found `{target}`; the link is shown as text"
                ),
            };
            self.warn(index, at, message);
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

    /// Starts a kept section under the label or heading at `index`.
    fn keep_under_heading(&mut self, index: usize, label: &str) {
        self.close_section(index);
        self.start_kept_section(label);
        self.part_level = heading_level(&self.lines[index].text);
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

    /// Notes that a heading for `field` opened the section `target` at line `index`: closes
    /// the section before it (reporting it when empty), and reports the same Markdown heading
    /// of one of the main parts written again at the same level (its lines join the first).
    fn open_section(&mut self, index: usize, field: Field, target: Target, heading: bool) {
        self.close_section(index);
        // A new section ends the entry a heading opened: its lines are not that entry's text.
        self.heading_event_open = false;
        self.timeline_note_open = false;
        let level = heading
            .then(|| heading_level(&self.lines[index].text))
            .flatten();
        let main = matches!(
            target,
            Target::Summary
                | Target::Impact
                | Target::RootCause
                | Target::Detection
                | Target::Resolution
                | Target::Timeline
        );
        if main {
            // The same heading again: `## Root cause` twice, not `## Root cause` and
            // `## Contributing factors`, which are two sections of one part by design.
            let name = section_name(&self.lines[index].text).to_lowercase();
            let key = (field, level, name);
            let first = self.part_names.get(&key).copied();
            match first.filter(|_| level.is_some()) {
                Some(first) => {
                    let first_line = self.lines[first].number;
                    let name = section_name(&self.lines[index].text);
                    let joins = if target == Target::Timeline {
                        "its entries join the first timeline"
                    } else {
                        "its text joins the first"
                    };
                    let at = self.lines[index].text.find(name.as_str()).unwrap_or(0);
                    self.warn(
                        index,
                        at,
                        format!("a second \"{name}\" section (the first is on line {first_line}); {joins} (expected one section of each kind)"),
                    );
                }
                None => {
                    self.part_names.entry(key).or_insert(index);
                    self.part_starts.push((field, index, level));
                }
            }
        }
        if target == Target::Timeline && level.is_some() {
            self.timeline_heading = level;
        }
        self.open_part = Some(OpenPart {
            target,
            index,
            level,
        });
    }

    /// Closes the open section at line `next` (where the next section starts, or the end): a
    /// Markdown heading with no line under it before a heading of its level or higher (or the
    /// end) is reported.
    fn close_section(&mut self, next: usize) {
        let Some(part) = self.open_part.take() else {
            return;
        };
        let Some(level) = part.level else {
            return; // a plain-text label: what follows may be its parts, written as labels
        };
        let has_lines = self.lines[part.index + 1..next.min(self.lines.len())]
            .iter()
            .any(|l| !l.text.trim().is_empty());
        let deeper_next = self
            .lines
            .get(next)
            .is_some_and(|l| heading_level(&l.text).is_none_or(|n| n > level));
        if has_lines || deeper_next || part.target.is_detail() {
            return;
        }
        let name = section_name(&self.lines[part.index].text);
        let message = if part.target == Target::Timeline {
            format!("this \"{name}\" section has no entries; expected lines such as `10:00 what happened` under it")
        } else {
            format!("this \"{name}\" section is empty; expected its text under the heading")
        };
        let at = self.lines[part.index].text.find(name.as_str()).unwrap_or(0);
        self.warn(part.index, at, message);
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
        self.place_event_fields();
        self.report_unread_stamps();
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

/// True for a section title that names a log or a program's output (`Logs`, `Log excerpt`,
/// `Output of the job`, `Stack trace`).
/// A log of what people did (`Decision log`, `Incident log`) is a chronology: only a title
/// that opens with the word counts.
fn names_a_log(title: &str) -> bool {
    let first = title
        .split(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
        .unwrap_or("");
    ["log", "logs", "output", "stacktrace", "traceback"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
        || title.to_ascii_lowercase().contains("stack trace")
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

/// True for the text after a stamp that opens with a log level (`ERROR conn refused`,
/// `[WARN] retrying`, Ruby's `#27501] ERROR -- app: ...` after `E, [2016-07-27T03:06:49.409105`):
/// a line of a program's log, not an entry.
fn opens_with_log_level(text: &str) -> bool {
    const LEVELS: [&str; 9] = [
        "ERROR", "ERR", "WARN", "WARNING", "INFO", "DEBUG", "TRACE", "FATAL", "CRITICAL",
    ];
    // The process id Ruby's logger writes in the stamp's brackets.
    let text = text.trim_start();
    let text = match text.strip_prefix('#') {
        Some(pid) => pid
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .strip_prefix(']')
            .unwrap_or(text),
        None => text,
    };
    let word = text
        .trim_start_matches(['[', '<', ' '])
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    LEVELS.contains(&word)
}

/// How an entry's day is written before its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayMarker {
    /// `(next day)`, `Next day,`, `The next morning,`: the day after the entry before.
    Next,
    /// `23:29 (night before)`, `23:10 (previous day)`: the day before the one in force (the
    /// timeline's first day, for a first entry).
    Before,
    /// `+1d`, `(+2 days)`, `D+1`: so many days after the timeline's first.
    After(i8),
    /// The first entry under a `### Wednesday` part: the next such weekday from the day in
    /// force (that day itself included).
    Weekday(chrono::Weekday),
}

/// The marker of the day before an entry's time (`(next day) 02:00`, `The next morning, 07:45`,
/// `D+1 09:15`), and its length with the spaces and punctuation after it.
fn day_marker(content: &str) -> Option<(DayMarker, usize)> {
    const NEXT: [&str; 9] = [
        "(next day)",
        "next day",
        "the next day",
        "next morning",
        "the next morning",
        "following day",
        "the following day",
        "the following morning",
        "the day after",
    ];
    const BEFORE: [&str; 4] = [
        "previous day",
        "the previous day",
        "the day before",
        "the night before",
    ];
    // Most lines stop here: every marker opens with one of these.
    if !content.starts_with([
        '(', '[', '（', '+', 'n', 'N', 't', 'T', 'f', 'F', 'd', 'D', 'p', 'P',
    ]) {
        return None;
    }
    // `(previous day) 22:50`, `(la veille) 23:10`: a note of the day before, in its brackets.
    let before_note = || {
        let close = content.find([')', ']', '）'])?;
        let len = close + content[close..].chars().next()?.len_utf8();
        opens_with_day_before(content).then_some(len)
    };
    let before = before_note().unwrap_or_else(|| skip_word(content, &BEFORE));
    let (marker, len) = match (skip_word(content, &NEXT), before) {
        (0, 0) => days_after_marker(content)?,
        (0, len) => (DayMarker::Before, len),
        (len, _) => (DayMarker::Next, len),
    };
    let rest = &content[len..];
    let gap = rest.len()
        - rest
            .trim_start_matches([' ', ',', ':', '-', '–', '—'])
            .len();
    let after = &rest[gap..];
    (gap > 0 && after.starts_with(|c: char| c.is_ascii_digit())).then_some((marker, len + gap))
}

/// A day told from the day of writing that opens an entry before its time (`Yesterday 1:51
/// PM: ...`, `This morning 7:30 AM - ...`): how many days from the day of writing, the length
/// of the day's words, and where the time starts.
fn relative_day_lead(content: &str) -> Option<(i64, usize, usize)> {
    const DAY_BEFORE: [&str; 2] = ["yesterday", "last night"];
    const SAME_DAY: [&str; 7] = [
        "today",
        "earlier today",
        "later today",
        "this morning",
        "this afternoon",
        "this evening",
        "tonight",
    ];
    let (days, len) = match skip_word(content, &DAY_BEFORE) {
        0 => (0, skip_word(content, &SAME_DAY)),
        len => (-1, len),
    };
    if len == 0 {
        return None;
    }
    let rest = &content[len..];
    let spaced = rest.trim_start_matches([' ', ',']);
    let spaced = &spaced[skip_word(spaced, &["at ", "around "])..];
    let gap = rest.len() - spaced.len();
    (gap > 0 && spaced.starts_with(|c: char| c.is_ascii_digit())).then_some((days, len, len + gap))
}

/// What the author writes in parentheses after an entry's time to put it on the day before
/// (`~23:29 (night before)`, Vietnamese `(đêm trước)`, `(前日)`), lower case.
const DAY_BEFORE_NOTES: &[&str] = &[
    "night before",
    "the night before",
    "previous night",
    "the previous night",
    "evening before",
    "the evening before",
    "day before",
    "the day before",
    "previous day",
    "the previous day",
    "prior day",
    "the prior day",
    "d-1",
    "la veille",
    "veille",
    "la veille au soir",
    "vortag",
    "am vortag",
    "vorabend",
    "am vorabend",
    "día anterior",
    "el día anterior",
    "noche anterior",
    "la noche anterior",
    "dia anterior",
    "o dia anterior",
    "noite anterior",
    "a noite anterior",
    "giorno prima",
    "il giorno prima",
    "la sera prima",
    "la notte prima",
    "đêm trước",
    "hôm trước",
    "tối hôm trước",
    "ngày hôm trước",
    "前日",
    "前夜",
    "前日夜",
    "前一天",
    "前一晚",
    "前晚",
    "전날",
    "전날 밤",
    "накануне",
];

/// True when an entry's words open with a note in parentheses that puts its time on the
/// day before (see [`DAY_BEFORE_NOTES`]): `(night before) — pods restarted`.
fn opens_with_day_before(text: &str) -> bool {
    let Some(inner) = text.trim_start().strip_prefix(['(', '[', '（']) else {
        return false;
    };
    let Some(end) = inner.find([')', ']', '）']) else {
        return false;
    };
    let note = inner[..end].trim().to_lowercase();
    DAY_BEFORE_NOTES.contains(&note.as_str())
}

/// `+1d`, `(+2 days)`, `[+1 day]`, `D+1`, `(day+2)`, `Day 3` at the start of `content`: the
/// days after the timeline's first day, up to 31, and the marker's length.
fn days_after_marker(content: &str) -> Option<(DayMarker, usize)> {
    let (open, close) = match content.as_bytes().first()? {
        b'(' => (1, Some(')')),
        b'[' => (1, Some(']')),
        _ => (0, None),
    };
    let inner = &content[open..];
    let lead = skip_word(inner, &["day+", "d+", "+", "day "]);
    if lead == 0 {
        return None;
    }
    let digits = inner[lead..].bytes().take_while(u8::is_ascii_digit).count();
    let number: i8 = inner[lead..lead + digits]
        .parse()
        .ok()
        .filter(|n| (1..=31).contains(n))?;
    // `Day 2, 07:45`: the second day, one after the first.
    let days = match inner[..lead].eq_ignore_ascii_case("day ") {
        true => number - 1,
        false => number,
    };
    let mut end = lead + digits;
    // `+1d`, `+2 days` after a bare `+`; nothing after `D+1`.
    if lead == 1 {
        end += skip_word(&inner[end..], &[" days", " day", "days", "day", "d"]);
        if end == lead + digits {
            return None;
        }
    }
    if let Some(close) = close {
        inner[end..].strip_prefix(close)?;
        end += 1;
    }
    // The word must end there: `+1dB` is something else.
    if inner[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((DayMarker::After(days), open + end))
}

/// The weekday a part's name is, alone (`Wednesday`, `Wed:`).
fn weekday_alone(label: &str) -> Option<chrono::Weekday> {
    crate::parse::entry::weekday_of(section_name(label).trim_end_matches([':', '.']))
}

/// The number of a `Day 2` heading (`Day 2`, `Day 3 (Tuesday)`, `Day 10:`), up to 31.
fn day_number(label: &str) -> Option<i8> {
    let name = section_name(label);
    let rest = name
        .get(..4)
        .filter(|head| head.eq_ignore_ascii_case("day "))?;
    let digits: String = name[rest.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let after = name[rest.len() + digits.len()..].chars().next();
    if after.is_some_and(char::is_alphanumeric) {
        return None;
    }
    digits.parse().ok().filter(|n| (1..=31).contains(n))
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

/// `day` moved by `days` (negative: earlier); `day` itself when that leaves the calendar.
fn shift_days(day: NaiveDate, days: i8) -> NaiveDate {
    day.checked_add_signed(Duration::days(i64::from(days)))
        .unwrap_or(day)
}

/// True when a source line opens an HTML paragraph or division (`<p>`, `<div class=…>`).
fn opens_html_paragraph(raw: &str) -> bool {
    let trimmed = scan::trim_start(raw).as_bytes();
    let Some(rest) = trimmed.strip_prefix(b"<") else {
        return false;
    };
    let name_len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let name = &rest[..name_len];
    (name.eq_ignore_ascii_case(b"p") || name.eq_ignore_ascii_case(b"div"))
        && matches!(rest.get(name_len), Some(b'>' | b' ' | b'\t'))
}

/// The level of a Markdown heading line (`## x` is 2), if it is one.
fn heading_level(text: &str) -> Option<usize> {
    let trimmed = scan::trim_start(text);
    let level = trimmed.chars().take_while(|&c| c == '#').count();
    ((1..=6).contains(&level) && trimmed[level..].starts_with([' ', '\t'])).then_some(level)
}

/// A section heading's name as written, without `#`, emphasis and a closing colon.
fn section_name(text: &str) -> String {
    text.trim()
        .trim_start_matches('#')
        .trim_matches(['*', '_', ':', ' ', '\t'])
        .to_string()
}

/// The links with repeated URLs removed, each kept where it first appears (in one pass: a
/// document with a link on every line stays linear).
fn first_of_each_url(links: Vec<Link>) -> Vec<Link> {
    let keep: Vec<bool> = {
        let mut seen = std::collections::HashSet::with_capacity(links.len());
        links
            .iter()
            .map(|link| seen.insert(link.url.as_str()))
            .collect()
    };
    links
        .into_iter()
        .zip(keep)
        .filter_map(|(link, kept)| kept.then_some(link))
        .collect()
}

/// True for a line that starts a section on its own: a Markdown heading or a known label.
fn starts_section(text: &str) -> bool {
    if let Some(label) = labelled(text) {
        return label.markdown_heading
            || field_for(label.label).is_some()
            || is_truncated_postmortem(label.label);
    }
    false
}

/// True for a `# Title` line (one `#`).
fn is_title_heading(text: &str) -> bool {
    let trimmed = text.trim_start();
    trimmed.starts_with("# ") && trimmed.len() > 2
}

/// True for a line that opens an HTML `<pre>` block and does not close it
/// (`<div class="highlight"><pre class="highlight"><code>`).
fn opens_pre_block(text: &str) -> bool {
    // Most lines have no `<`: one byte search.
    if !scan::contains(text.as_bytes(), b'<') {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    lower.rfind("<pre").is_some_and(|at| {
        lower[at + 4..].starts_with(['>', ' ', '\t']) && !lower[at..].contains("</pre")
    })
}

/// True for a line that starts an HTML comment and holds nothing after its end.
fn opens_comment_block(text: &str) -> bool {
    let Some(rest) = text.trim_start().strip_prefix("<!--") else {
        return false;
    };
    rest.find("-->")
        .is_none_or(|end| rest[end + 3..].trim().is_empty())
}

/// True when the comment open on this line (opened before it when `open_before`) ends on it.
fn closes_comment(text: &str, open_before: bool) -> bool {
    let rest = match open_before {
        true => text,
        false => text.trim_start().get(4..).unwrap_or(""),
    };
    rest.contains("-->")
}

/// A Jekyll code block's tag read as the code fence it stands for: `{% highlight bash %}`
/// opens one (```` ```bash ````), `{% endhighlight %}` closes it.
fn liquid_fence(text: &str) -> Option<Cow<'static, str>> {
    let inner = text
        .trim()
        .strip_prefix("{%")?
        .strip_suffix("%}")?
        .trim_matches(['-', ' ']);
    let mut words = inner.split_whitespace();
    match words.next()? {
        "highlight" => Some(Cow::Owned(format!("```{}", words.next().unwrap_or("")))),
        "endhighlight" => Some(Cow::Borrowed("```")),
        _ => None,
    }
}

/// True for a code fence line (```` ``` ```` or `~~~`, with an optional language).
fn is_fence(text: &str) -> bool {
    // Most lines start with a letter, a digit or a list marker: no fence.
    if text
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_graphic() && b != b'`' && b != b'~')
    {
        return false;
    }
    let trimmed = text.trim_start();
    (trimmed.starts_with("```") || trimmed.starts_with("~~~")) && !trimmed[3..].contains(['`', '~'])
}

/// True for a thematic break: `---`, `***`, `___` (three or more, spaces allowed).
fn is_rule(text: &str) -> bool {
    let mut marks = text.bytes().filter(|b| !b.is_ascii_whitespace());
    let Some(mark @ (b'-' | b'*' | b'_' | b'=')) = marks.next() else {
        return false;
    };
    let mut count = 1;
    for b in marks {
        if b != mark {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// `**Timeline**` or `__Root Cause:__` alone on a line: the label inside.
fn bold_heading(text: &str) -> Option<&str> {
    let inner = crate::parse::markup::wholly_bold(scan::trim_start(text))?
        .trim_end_matches(':')
        .trim_end();
    (!inner.is_empty() && inner.split_whitespace().count() <= 8).then_some(inner)
}

/// True when a line that gives a day also has words of its own (`January 5, 2026 - Recovery
/// timeline`): a word of three letters or more that is no month, weekday or zone, nor a word of
/// `(all times UTC)`.
fn names_more_than_a_day(text: &str) -> bool {
    const STAMP_WORDS: &[&str] = &[
        "the", "and", "day", "sept", "all", "times", "time", "are", "local",
    ];
    own_words(text, STAMP_WORDS).next().is_some()
}

/// True for a reStructuredText directive line: `.. post:: Jan 25, 2021`, `.. meta::`.
fn is_directive(text: &str) -> bool {
    text.trim_start()
        .strip_prefix(".. ")
        .and_then(|rest| rest.split_once("::"))
        .is_some_and(|(name, _)| !name.is_empty() && !name.contains(' '))
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

/// True for a line too long for a title that reads as sentences: over 100 characters with
/// a sentence's stop in it, or over 160 whatever it holds.
fn reads_as_prose(line: &str) -> bool {
    let stopped = line.contains(". ") || line.ends_with('.');
    let length = line.chars().count();
    (length > 100 && stopped) || length > 160
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

/// The times of day that start at a word boundary of `text`: (byte offset, the time read).
fn clocks_at_word_starts(text: &str) -> impl Iterator<Item = (usize, Clock)> + '_ {
    text.char_indices()
        .filter(|(i, c)| {
            c.is_ascii_digit() && (*i == 0 || !text.as_bytes()[i - 1].is_ascii_alphanumeric())
        })
        .filter_map(|(i, _)| leading_clock(&text[i..]).map(|clock| (i, clock)))
}

/// A status update listed in the front matter as an entry: at its own stamp, else at the first
/// The lines of a YAML block list right under the key on line `key_at` (`  - CDN`), among
/// the front matter's lines that are not `key: value`.
fn block_list(texts: &[&str], key_at: usize, other_lines: &[usize]) -> Vec<usize> {
    (key_at + 1..)
        .take_while(|at| other_lines.contains(at))
        .take_while(|&at| {
            texts
                .get(at)
                .is_some_and(|line| line.trim_start().starts_with("- "))
        })
        .collect()
}

/// The text of a YAML list item, without its dash and quotes.
fn list_item_text(line: &str) -> &str {
    line.trim()
        .trim_start_matches("- ")
        .trim()
        .trim_matches(['"', '\''])
}

/// time its text gives (`The outage lasted from 09:05-09:15 UTC.`); `None` when it has neither.
fn front_status_entry(item: &StatusItem<'_>, context: DateContext) -> Option<PendingEntry> {
    let (text_index, text, text_at) = item.text?;
    let words = clean(text).trim().to_string();
    let stamped = item
        .stamp
        .and_then(|(index, value, at)| Some((index, value, at, moment_in(value, context)?)));
    if let Some((index, value, at, (date, time))) = stamped {
        return Some(PendingEntry {
            index,
            at,
            date,
            day: date,
            time,
            zone: zone_after_time(value).or_else(|| find_zone(value)),
            text: words,
        });
    }
    let (at, clock) = clocks_at_word_starts(text).next()?;
    let after = head(&text[at + clock.len..], 24);
    Some(PendingEntry {
        index: text_index,
        at: text_at + at,
        date: None,
        day: None,
        time: clock.time,
        zone: find_zone(after).filter(|z| z.at <= 8),
        text: words,
    })
}

/// True when `bytes` holds `](`, or both `//` and `:`: where a link may be.
fn may_hold_link(bytes: &[u8]) -> bool {
    let mut slashes = false;
    let mut at = 0;
    let marks = |word| scan::equal(word, b']') | scan::equal(word, b'/');
    while let Some(found) = scan::find_byte(bytes, at, marks, |b| b == b']' || b == b'/') {
        match (bytes[found], bytes.get(found + 1)) {
            (b']', Some(b'(')) => return true,
            (b'/', Some(b'/')) => slashes = true,
            _ => {}
        }
        at = found + 1;
    }
    slashes && scan::contains(bytes, b':')
}

/// True when `text` contains `phrase` (ASCII, starting with a letter) in any case.
fn contains_ignore_ascii_case(text: &str, phrase: &str) -> bool {
    let (bytes, phrase) = (text.as_bytes(), phrase.as_bytes());
    let Some(&first) = phrase.first() else {
        return true;
    };
    let first = first.to_ascii_lowercase();
    let mut at = 0;
    // `b | 0x20` is the lower case of a letter: candidates for the phrase's first letter.
    let maybe = |word| scan::equal(word | scan::splat(0x20), first);
    while let Some(found) = scan::find_byte(bytes, at, maybe, |b| (b | 0x20) == first) {
        if bytes
            .get(found..found + phrase.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(phrase))
        {
            return true;
        }
        at = found + 1;
    }
    false
}

/// An entry's text without leftover markup at its ends.
fn tidy_entry_text(text: &str) -> String {
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
    let link_opened_before = bytes
        .iter()
        .position(|&b| b == b'[' || b == b']')
        .is_some_and(|at| bytes[at] == b']' && bytes.get(at + 1) == Some(&b'('));
    match link_opened_before {
        true => format!("[{trimmed}"),
        false => trimmed.to_string(),
    }
}

/// A later moment an entry's words tell (see [`further_stamps`]).
struct LaterMoment {
    /// Byte offset of its time in the entry's words.
    at: usize,
    time: NaiveTime,
    /// Its own words.
    text: String,
}

/// An entry's words (`written`, after its stamp) cut where its sentences tell later moments
/// (`01:24 ALICE warns. 01:25 NEXUS confirms.`, `14:10 → started; 14:11 → stopped.`): the
/// entry's own words, then each later moment (none unless `tells_later`). A sentence that ends
/// where the next time opens keeps its full stop, not a `;`.
fn cut_at_later_moments(written: &str, tells_later: bool) -> (String, Vec<LaterMoment>) {
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

/// A Markdown heading's line without its optional closing `#`s (`### Updates ###`), as
/// CommonMark reads it; any other line as it is.
fn without_closing_hashes(line: Cow<'_, str>) -> Cow<'_, str> {
    let start = line.trim_start_matches(' ');
    let level = start.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) || !start[level..].starts_with([' ', '\t']) {
        return line;
    }
    let end = line.trim_end();
    let words = end.trim_end_matches('#');
    if words.len() == end.len()
        || !words.ends_with([' ', '\t'])
        || words.trim_start().len() <= level
    {
        return line;
    }
    let keep = words.trim_end().len();
    match line {
        Cow::Borrowed(text) => Cow::Borrowed(&text[..keep]),
        Cow::Owned(mut text) => {
            text.truncate(keep);
            Cow::Owned(text)
        }
    }
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

/// The nearest Markdown heading among `lines` (in the order given) that is as high as `level`
/// or higher, code fences skipped (`### Step 1 (11:26:12 CET)` under `## Before`, then `##
/// Step 2: Failure (11:29:58 CET)`: timed parts need not all be as deep).
fn nearest_heading_as_high<'l>(
    lines: impl Iterator<Item = &'l Line<'l>>,
    level: usize,
) -> Option<&'l str> {
    headings_outside_fences(lines)
        .find(|&(l, _)| l <= level)
        .map(|(_, text)| text)
}

/// The Markdown headings among `lines` (in the order given), with their levels, those inside
/// code fences left out.
fn headings_outside_fences<'l>(
    lines: impl Iterator<Item = &'l Line<'l>>,
) -> impl Iterator<Item = (usize, &'l str)> {
    lines_outside_fences(lines.enumerate())
        .filter_map(|(_, text)| heading_level(text).map(|level| (level, text)))
}

/// The lines among `lines` (with their indexes, in the order given, forwards or backwards)
/// that are not inside a code fence, as their text from its first non-blank character. A
/// fence's closing line is among them (it is no heading, row or stamp).
fn lines_outside_fences<'l>(
    lines: impl Iterator<Item = (usize, &'l Line<'l>)>,
) -> impl Iterator<Item = (usize, &'l str)> {
    let mut fenced = false;
    lines.filter_map(move |(at, line)| {
        let text = scan::trim_start(&line.text);
        if is_fence(text) {
            fenced = !fenced;
        }
        (!fenced).then_some((at, text))
    })
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
        let times: Vec<String> = parse_text(text)
            .incident
            .timeline
            .iter()
            .map(|e| e.at.time.format("%H:%M").to_string())
            .collect();
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
}

#[cfg(test)]
mod day_marker_tests {
    use super::{day_marker, opens_with_day_before, DayMarker};

    #[test]
    fn reads_a_note_of_the_day_before_after_the_time() {
        assert!(opens_with_day_before("(night before) — pods restarted"));
        assert!(opens_with_day_before(" (Previous Day) deploy"));
        assert!(opens_with_day_before("(đêm trước) Tự nhiên restart pod"));
        assert!(opens_with_day_before("（前日）デプロイ"));
        assert!(!opens_with_day_before("(approx.) deploy"));
        assert!(!opens_with_day_before("night before the launch"));
        assert!(!opens_with_day_before("(night before the launch) x"));
    }

    #[test]
    fn reads_the_markers_of_the_next_day_and_of_days_after_the_first() {
        fn read(text: &str) -> Option<(DayMarker, &str)> {
            day_marker(text).map(|(marker, len)| (marker, &text[len..]))
        }
        assert_eq!(
            read("(next day) 02:00 x"),
            Some((DayMarker::Next, "02:00 x"))
        );
        assert_eq!(
            read("(previous day) 23:10 deploy"),
            Some((DayMarker::Before, "23:10 deploy"))
        );
        assert_eq!(
            read("The night before, 23:10 x"),
            Some((DayMarker::Before, "23:10 x"))
        );
        assert_eq!(
            read("（前日） 23:10 x"),
            Some((DayMarker::Before, "23:10 x"))
        );
        assert_eq!(
            read("The next morning, 07:45 x"),
            Some((DayMarker::Next, "07:45 x"))
        );
        assert_eq!(
            read("Following day, 10:00: x"),
            Some((DayMarker::Next, "10:00: x"))
        );
        assert_eq!(read("+1d 02:00 x"), Some((DayMarker::After(1), "02:00 x")));
        assert_eq!(
            read("(+2 days) 02:00 x"),
            Some((DayMarker::After(2), "02:00 x"))
        );
        assert_eq!(
            read("[+1 day] 02:00 x"),
            Some((DayMarker::After(1), "02:00 x"))
        );
        assert_eq!(read("D+1 09:15 x"), Some((DayMarker::After(1), "09:15 x")));
        assert_eq!(
            read("(day+3) 09:15 x"),
            Some((DayMarker::After(3), "09:15 x"))
        );
        // Not markers: no time after them, a bare `+1`, a word going on, a day out of range.
        assert_eq!(read("next day we rolled back"), None);
        assert_eq!(read("+1 09:15 x"), None);
        assert_eq!(read("+1dB 09:15 x"), None);
        assert_eq!(read("D+40 09:15 x"), None);
        assert_eq!(read("Deploy 09:15"), None);
    }
}
