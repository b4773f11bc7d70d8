//! Everything the author wrote after the summary, each under the author's own heading: the
//! impact, root cause, detection and resolution, then the parts in the order the author wrote them
//! (lessons, measures, responders, the sections the reader did not map, the addendum), then
//! the links found in the text. As the page's cards show them (`src/ui/summary.rs`,
//! `src/ui/parts.rs`, `src/ui/measures.rs`); nothing read is left out.

use super::html::Html;
use super::overview::chip_list;
use super::rich::{inline_markdown, link, markdown};
use crate::model::{ActionColumn, ActionItem, Incident, Link, Part};
use crate::parse::Parsed;

/// The author's heading for `key` (see [`Parsed::headings`]), else `default`.
pub fn heading<'p>(parsed: &'p Parsed, key: &str, default: &'p str) -> &'p str {
    parsed.heading(key).unwrap_or(default)
}

/// The prose the page's summary card holds under its facts, each part as its own card.
pub fn prose(html: &mut Html, parsed: &Parsed) {
    let incident = &parsed.incident;
    let parts: [(&str, &str, &String); 4] = [
        ("impact", "Impact", &incident.impact.text),
        ("root_cause", "Root cause", &incident.root_cause),
        ("detection", "Detection", &incident.detection),
        ("resolution", "Resolution", &incident.resolution),
    ];
    for (key, default, text) in parts {
        if text.trim().is_empty() {
            continue;
        }
        html.open_section(
            "card prose",
            &format!("{key}-heading"),
            heading(parsed, key, default),
        );
        markdown(html, text);
        html.close("section");
    }
}

/// The parts after the fixed cards, in the order the author wrote them.
pub fn author_parts(html: &mut Html, parsed: &Parsed) {
    let incident = &parsed.incident;
    for part in incident.parts_in_order(&parsed.outline) {
        match part {
            Part::Lessons => lessons(html, parsed),
            Part::Measures => measures(html, parsed),
            Part::Responders if !incident.responders.is_empty() => {
                html.open_section(
                    "card responders",
                    "responders-heading",
                    heading(parsed, "responders", "Responders"),
                );
                chip_list(html, &incident.responders);
                html.close("section");
            }
            Part::Addendum if !incident.addendum.trim().is_empty() => {
                html.open_section(
                    "card addendum",
                    "addendum-heading",
                    heading(parsed, "addendum", "Addendum"),
                );
                markdown(html, &incident.addendum);
                html.close("section");
            }
            Part::Section(index) => section(html, incident, index),
            Part::Responders | Part::Addendum => {}
        }
    }
    links(html, incident);
}

/// A list of one-line Markdown items (under an `<h3>` when it has a heading), or nothing
/// when empty.
fn item_list(html: &mut Html, heading: Option<&str>, items: &[String]) {
    if items.is_empty() {
        return;
    }
    if let Some(heading) = heading {
        html.element("h3", heading);
    }
    html.open("ul", &[]);
    for item in items {
        html.open("li", &[]);
        inline_markdown(html, item);
        html.close("li");
    }
    html.close("ul");
}

/// "Lessons learned": its prose and its three lists.
fn lessons(html: &mut Html, parsed: &Parsed) {
    let lessons = &parsed.incident.lessons;
    if lessons.is_empty() {
        return;
    }
    html.open_section(
        "card lessons",
        "lessons-heading",
        heading(parsed, "lessons", "Lessons learned"),
    );
    if !lessons.text.trim().is_empty() {
        markdown(html, &lessons.text);
    }
    let lists = [
        ("went_well", "What went well", &lessons.went_well),
        ("went_wrong", "What went wrong", &lessons.went_wrong),
        ("lucky", "Where we got lucky", &lessons.lucky),
    ];
    for (key, default, items) in lists {
        item_list(html, Some(heading(parsed, key, default)), items);
    }
    html.close("section");
}

/// A section the reader kept without mapping it: its heading and its Markdown.
fn section(html: &mut Html, incident: &Incident, index: usize) {
    let Some(section) = incident.other_sections.get(index) else {
        return;
    };
    let id = format!("section-{index}-heading");
    html.open(
        "section",
        &[
            ("class", Some("card author-section")),
            ("aria-labelledby", Some(&id)),
        ],
    );
    html.open("h2", &[("id", Some(&id))]);
    inline_markdown(html, &section.title);
    html.close("h2");
    markdown(html, &section.body);
    html.close("section");
}

/// Improvements as a list and action items as a table.
fn measures(html: &mut Html, parsed: &Parsed) {
    let incident = &parsed.incident;
    let (improvements, tasks) = (&incident.improvements, &incident.action_items);
    if improvements.is_empty() && tasks.is_empty() {
        return;
    }
    html.open_section(
        "card measures",
        "measures-heading",
        heading(parsed, "measures", "Corrective and preventative measures"),
    );
    // Sub-headings only when both lists are there: the card's heading names a lone one.
    let both = !improvements.is_empty() && !tasks.is_empty();
    item_list(html, both.then_some("Improvements"), improvements);
    if !tasks.is_empty() {
        if both {
            html.element("h3", "Action items");
        }
        task_table(html, parsed, tasks, &incident.links);
    }
    html.close("section");
}

/// The action items as a table; a column shows only when some item fills it in.
fn task_table(html: &mut Html, parsed: &Parsed, items: &[ActionItem], found: &[Link]) {
    let columns: Vec<&ActionColumn> = ActionItem::COLUMNS
        .iter()
        .filter(|c| items.iter().any(|item| (c.value)(item).is_some()))
        .collect();
    let with_links = items.iter().any(|item| item.link.is_some());
    html.open_class("div", "md-table-wrap");
    html.open_class("table", "tasks");
    html.open("thead", &[]);
    html.open("tr", &[]);
    let header = |html: &mut Html, key: &str, default: &str| {
        html.open("th", &[("scope", Some("col"))]);
        html.text(heading(parsed, key, default));
        html.close("th");
    };
    header(html, "task_column", "Task");
    for column in &columns {
        header(html, column.key, column.heading);
    }
    if with_links {
        header(html, "link_column", "Link");
    }
    html.close("tr");
    html.close("thead");
    html.open("tbody", &[]);
    for item in items {
        html.open("tr", &[]);
        html.open("td", &[]);
        inline_markdown(html, &item.text);
        html.close("td");
        for column in &columns {
            html.open("td", &[]);
            if let Some(value) = (column.value)(item) {
                inline_markdown(html, value);
            }
            html.close("td");
        }
        if with_links {
            html.open("td", &[]);
            if let Some(url) = &item.link {
                // The label it was written with, when the text gave the link one.
                let label = found
                    .iter()
                    .find(|l| &l.url == url && !l.text.trim().is_empty())
                    .map_or(url.as_str(), |l| l.text.as_str());
                link(html, url, label);
            }
            html.close("td");
        }
        html.close("tr");
    }
    html.close("tbody");
    html.close("table");
    html.close("div");
}

/// The web links found in the text, each once.
fn links(html: &mut Html, incident: &Incident) {
    if incident.links.is_empty() {
        return;
    }
    html.open_section("card links", "links-heading", "Links");
    html.open("ul", &[]);
    let mut seen: Vec<&str> = Vec::new();
    for found in &incident.links {
        if seen.contains(&found.url.as_str()) {
            continue;
        }
        seen.push(&found.url);
        html.open("li", &[]);
        let text = if found.text.trim().is_empty() {
            &found.url
        } else {
            &found.text
        };
        link(html, &found.url, text);
        if text != &found.url {
            html.element_class("span", "link-url", &format!(" {}", found.url));
        }
        html.close("li");
    }
    html.close("ul");
    html.close("section");
}
