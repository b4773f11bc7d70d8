//! The incident written as a Markdown postmortem in the shape the text reader reads back.
//!
//! Layout: the title, a `Duration:` line, then one `##` section per non-empty part (Summary,
//! Impact, Root Cause, Detection, Resolution, Timeline, Improvements, Action Items, the kept
//! unknown sections, Addendum). Prose paragraphs are separated by blank lines; timeline entries
//! carry their full date, time and offset (`- 2024-01-15 10:00:00 UTC-05:00: ...`) so nothing
//! depends on the reader's guessing. What plain text cannot say (event kinds set by structured
//! data, metric series, action-item owners) is left out; `docs/FORMAT.md` lists it.
//!
//! The text is the author's Markdown, but a docs site renders it with raw HTML on, and the page
//! does not: [`inert`] escapes the HTML the page shows as text (`<script>`, `<img onerror>`)
//! and turns links the page refuses (`javascript:`) into their text, so the export means what
//! the page shows.

mod inert;

use std::fmt::Write as _;

use chrono::Timelike;

use crate::model::{Incident, Moment, UtcOffset};

/// The incident as a Markdown postmortem, ending with a newline.
pub fn to_markdown(incident: &Incident) -> String {
    let mut out = String::new();
    write_title(&mut out, &incident.title);
    // A stated length the summary does not already say (`Duration: ~4 hours` is kept there as
    // written) goes before the window: `Duration: ~13 minutes (2024-01-15 10:00:00 - …)`.
    let length = Some(incident.stated_duration.as_str())
        .filter(|written| !written.is_empty() && !incident.summary.contains(written));
    if let (Some(start), Some(end)) = (incident.start, incident.end) {
        let zone = start.offset.or(end.offset);
        out.push_str("Duration: ");
        if let Some(length) = length {
            let _ = write!(out, "{length} (");
        }
        let _ = write!(out, "{} - {}", local_moment(&start), local_moment(&end));
        if length.is_some() {
            out.push(')');
        }
        if let Some(offset) = zone {
            let _ = write!(out, " ({})", zone_label(offset));
        }
        out.push_str("\n\n");
    } else if let Some(length) = length {
        let _ = write!(out, "Duration: {length}\n\n");
    }
    write_details(&mut out, incident);
    write_prose(&mut out, "Summary", &incident.summary);
    write_prose(&mut out, "Impact", &incident.impact.text);
    write_prose(&mut out, "Root Cause", &incident.root_cause);
    write_prose(&mut out, "Detection", &incident.detection);
    write_prose(&mut out, "Resolution", &incident.resolution);
    if !incident.timeline.is_empty() {
        out.push_str("## Timeline\n\n");
        for event in &incident.timeline {
            let _ = writeln!(out, "- {}: {}", entry_moment(&event.at), event.text);
        }
        out.push('\n');
    }
    write_list(&mut out, "Improvements", incident.improvements.iter());
    write_lessons(&mut out, &incident.lessons);
    write_action_items(&mut out, &incident.action_items, &incident.links);
    for section in &incident.other_sections {
        write_prose_always(&mut out, &section.title, &section.body);
    }
    write_list(&mut out, "Responders", incident.responders.iter());
    write_prose(&mut out, "Addendum", &incident.addendum);
    while out.ends_with("\n\n") {
        out.pop();
    }
    inert::inert(out)
}

/// `Severity:`, `Services:` and `Tags:` lines, as the reader takes them back.
fn write_details(out: &mut String, incident: &Incident) {
    let mut any = false;
    if !incident.severity.is_empty() {
        let _ = writeln!(out, "Severity: {}", incident.severity);
        any = true;
    }
    for (label, items) in [("Services", &incident.services), ("Tags", &incident.tags)] {
        if !items.is_empty() {
            let _ = writeln!(out, "{label}: {}", items.join(", "));
            any = true;
        }
    }
    if any {
        out.push('\n');
    }
}

/// `# Title` when the reader would take it back verbatim, otherwise `Title: ...`.
fn write_title(out: &mut String, title: &str) {
    if title.is_empty() {
        return;
    }
    let plain = title.trim() == title
        && !title.starts_with(['*', '_', '`', '#', '<'])
        && !title.ends_with(['*', '_', '`', '>']);
    let names_a_section = crate::parse::names_a_section(title);
    if plain && !names_a_section {
        let _ = write!(out, "# {title}\n\n");
    } else {
        let _ = write!(out, "Title: {title}\n\n");
    }
}

fn write_prose(out: &mut String, heading: &str, text: &str) {
    if !text.is_empty() {
        write_prose_always(out, heading, text);
    }
}

/// A `##` heading and its Markdown as written, paragraphs separated by blank lines.
fn write_prose_always(out: &mut String, heading: &str, text: &str) {
    let _ = write!(out, "## {heading}\n\n");
    for paragraph in text.split("\n\n") {
        let paragraph = paragraph.trim_end();
        if !paragraph.trim().is_empty() {
            let _ = write!(out, "{paragraph}\n\n");
        }
    }
}

fn write_list<'a>(out: &mut String, heading: &str, items: impl Iterator<Item = &'a String>) {
    let mut items = items.peekable();
    if items.peek().is_none() {
        return;
    }
    let _ = write!(out, "## {heading}\n\n");
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
    out.push('\n');
}

/// "Lessons Learned" with its prose and the went-well / went-wrong / lucky lists.
fn write_lessons(out: &mut String, lessons: &crate::model::Lessons) {
    let lists = [
        ("What went well", &lessons.went_well),
        ("What went wrong", &lessons.went_wrong),
        ("Where we got lucky", &lessons.lucky),
    ];
    if lessons.text.is_empty() && lists.iter().all(|(_, items)| items.is_empty()) {
        return;
    }
    write_prose_always(out, "Lessons Learned", &lessons.text);
    for (heading, items) in lists {
        if !items.is_empty() {
            let _ = write!(out, "### {heading}\n\n");
            for item in items {
                let _ = writeln!(out, "- {item}");
            }
            out.push('\n');
        }
    }
}

/// Action items: a plain list, or a table when any item has an owner, priority, status,
/// due date, group or link, so those survive the round trip.
fn write_action_items(
    out: &mut String,
    items: &[crate::model::ActionItem],
    links: &[crate::model::Link],
) {
    let has_details = items.iter().any(|i| {
        i.owner.is_some()
            || i.priority.is_some()
            || i.status.is_some()
            || i.due.is_some()
            || i.group.is_some()
            || i.link.is_some()
    });
    if !has_details {
        write_list(out, "Action Items", items.iter().map(|item| &item.text));
        return;
    }
    out.push_str("## Action Items\n\n| Action | Owner | Priority | Status | Due | Group | Link |\n| --- | --- | --- | --- | --- | --- | --- |\n");
    let cell = |value: &Option<String>| value.as_deref().unwrap_or("").replace('|', "/");
    // A link keeps the label it was written with, so the incident's link list reads back the same.
    let link_cell = |url: &Option<String>| match url {
        Some(url) => match links.iter().find(|l| &l.url == url) {
            Some(link) if link.text != link.url => {
                format!("[{}]({})", link.text.replace('|', "/"), url)
            }
            _ => url.clone(),
        },
        None => String::new(),
    };
    for item in items {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            item.text.replace('|', "/"),
            cell(&item.owner),
            cell(&item.priority),
            cell(&item.status),
            cell(&item.due),
            cell(&item.group),
            link_cell(&item.link),
        );
    }
    out.push('\n');
}

/// `2024-01-15 10:00:00`, or `10:00:00` without a date (the offset is written separately).
fn local_moment(moment: &Moment) -> String {
    let time = format!(
        "{:02}:{:02}:{:02}",
        moment.time.hour(),
        moment.time.minute(),
        moment.time.second()
    );
    match moment.date {
        Some(date) => format!("{} {time}", date.format("%Y-%m-%d")),
        None => time,
    }
}

/// A timeline entry's moment: date, time and offset, as far as known.
fn entry_moment(moment: &Moment) -> String {
    match moment.offset {
        Some(offset) => format!("{} {}", local_moment(moment), zone_label(offset)),
        None => local_moment(moment),
    }
}

/// `UTC`, `UTC-05:00`, `UTC+05:30`.
fn zone_label(offset: UtcOffset) -> String {
    if offset.minutes() == 0 {
        "UTC".to_string()
    } else {
        format!("UTC{offset}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn writes_the_seed_as_markdown() {
        let seed = parse_text(SAMPLE_TEXT).incident;
        let markdown = to_markdown(&seed);
        assert!(
            markdown.starts_with("# The Great Cookie Catastrophe\n\n"),
            "{markdown}"
        );
        assert!(
            markdown.contains("Duration: 2024-01-15 10:00:00 - 2024-01-15 14:00:00 (UTC-05:00)\n")
        );
        assert!(markdown.contains("\n- 2024-01-15 13:00:00 UTC-05:00: Cache configuration corrected; authentication service restored.\n"), "{markdown}");
        assert!(markdown.contains(
            "\n## Action Items\n\n- Implement automated tests to verify cache behavior.\n"
        ));
        assert!(!markdown.ends_with("\n\n"));
    }

    #[test]
    fn titles_the_reader_would_change_use_a_label() {
        let mut out = String::new();
        write_title(&mut out, "*The* Cookie");
        assert_eq!(out, "Title: *The* Cookie\n\n");
        out.clear();
        write_title(&mut out, "Timeline");
        assert_eq!(out, "Title: Timeline\n\n");
        out.clear();
        write_title(&mut out, "DB outage");
        assert_eq!(out, "# DB outage\n\n");
    }
}
