//! The top of the report: the title and dates, the summary card (the summary as written and
//! the facts at a glance: duration, users affected, severity, services, tags), and the key
//! durations with the moments each runs between, as the page's summary card and duration list
//! show them.

use super::facts::Facts;
use super::figures::display_title;
use super::html::Html;
use super::rich::{inline_markdown, markdown};
use crate::analysis::anomalies::anomalies_with;
use crate::analysis::derived_impact::users_affected_words;
use crate::analysis::durations::duration_words;
use crate::analysis::format::{clock_at, episode_facts, incident_dates_from, window_words};
use crate::analysis::milestones::{key_durations_from, why_no_durations, Basis, Milestone};
use crate::draw::timeline::{plain_text, short_label};

/// The header: what wrote the page (`label`), where the report comes from, the title and the
/// dates.
pub fn header(html: &mut Html, facts: &Facts<'_>, label: &str, source_name: &str) {
    html.open_class("header", "page-header");
    html.open_class("p", "eyebrow");
    html.element_class("span", "eyebrow-label", label);
    if !source_name.is_empty() {
        html.text(" · ");
        html.element_class("span", "source-name", source_name);
    }
    html.close("p");
    html.element("h1", display_title(facts));
    let dates = incident_dates_from(facts.incident, &facts.milestones, facts.zone);
    html.element_class(
        "p",
        "incident-dates",
        dates.as_deref().unwrap_or("No date stated"),
    );
    html.close("header");
}

/// The summary card, under the author's heading for it: the summary as written, then the
/// facts at a glance and the lines they were read from (`stated`), as written.
pub fn summary(html: &mut Html, facts: &Facts<'_>, heading: &str, stated: &[&str]) {
    let incident = facts.incident;
    html.open_section("card summary", "summary-heading", heading);
    if !incident.summary.trim().is_empty() {
        markdown(html, &incident.summary);
    }
    html.open_class("dl", "facts");
    let window = match (&incident.start, &incident.end) {
        (Some(start), Some(end)) => Some(window_words(start, end)),
        _ => None,
    };
    let lasted = duration_words(incident, &facts.milestones);
    fact(html, "Duration", Some(&lasted), window.as_deref());
    let share = users_affected_words(incident);
    fact(html, "Users affected", share.as_deref(), None);
    if !incident.severity.is_empty() {
        fact_with(html, "Severity", |html| {
            inline_markdown(html, &incident.severity);
        });
    }
    html.close("dl");
    stated_lines(html, stated);
    chips(html, "Services", &incident.services);
    chips(html, "Tags", &incident.tags);
    html.close("section");
}

/// The lines the facts were read from, as written (`Date: 2025-07-16`), or nothing.
pub fn stated_lines(html: &mut Html, lines: &[&str]) {
    if lines.is_empty() {
        return;
    }
    html.open_class("ul", "stated");
    for line in lines {
        html.open("li", &[]);
        inline_markdown(html, line);
        html.close("li");
    }
    html.close("ul");
}

/// One fact: its name, its value (or "not stated") and a detail under it.
fn fact(html: &mut Html, name: &str, value: Option<&str>, detail: Option<&str>) {
    fact_with(html, name, |html| {
        html.text(value.unwrap_or("not stated"));
        if let Some(detail) = detail {
            html.element_class("span", "fact-detail", detail);
        }
    });
}

/// One fact: its name, and its value as `value` writes it.
fn fact_with(html: &mut Html, name: &str, value: impl FnOnce(&mut Html)) {
    html.open_class("div", "fact");
    html.element("dt", name);
    html.open("dd", &[]);
    value(html);
    html.close("dd");
    html.close("div");
}

/// A labelled row of short items, or nothing when there are none.
fn chips(html: &mut Html, label: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    html.open_class("div", "chip-row");
    html.element_class("span", "chip-label", label);
    chip_list(html, items);
    html.close("div");
}

/// Short items as a row of chips (services, tags, responders), each the author's Markdown.
pub fn chip_list(html: &mut Html, items: &[String]) {
    html.open_class("ul", "chips");
    for item in items {
        html.open("li", &[]);
        inline_markdown(html, item);
        html.close("li");
    }
    html.close("ul");
}

/// The key durations, each with its basis, then the times that do not add up.
pub fn key_durations(html: &mut Html, facts: &Facts<'_>, this_year: i32) {
    html.open_section("card durations", "durations-heading", "Key durations");
    let durations = key_durations_from(&facts.milestones);
    if durations.is_empty() {
        html.element_class("p", "empty", why_no_durations(&facts.milestones));
        episodes(html, facts);
    } else {
        html.open_class("dl", "key-durations");
        let from = facts
            .milestones
            .impact_start
            .as_ref()
            .map(|m| basis(facts, m))
            .unwrap_or_default();
        for d in &durations {
            html.open_class(
                "div",
                if d.ms < 0.0 {
                    "key-duration negative"
                } else {
                    "key-duration"
                },
            );
            html.element("dt", d.name);
            html.open("dd", &[]);
            html.element("strong", &d.value_text());
            let words = d.stated_words().unwrap_or_else(|| {
                format!("from impact start ({from}) to {}", basis(facts, &d.to))
            });
            html.element_class("span", "basis", &words);
            html.close("dd");
            html.close("div");
        }
        html.close("dl");
    }
    let odd = anomalies_with(facts.incident, &facts.milestones, this_year);
    if !odd.is_empty() {
        html.open(
            "div",
            &[("class", Some("anomalies")), ("role", Some("note"))],
        );
        html.element("h3", "Times that do not add up");
        html.open("ul", &[]);
        for anomaly in &odd {
            html.element("li", &anomaly.message);
        }
        html.close("ul");
        html.close("div");
    }
    html.close("section");
}

/// The separate incidents of a file that logs many, as the page lists them: when, how long,
/// and the first event's words. Nothing for one incident.
fn episodes(html: &mut Html, facts: &Facts<'_>) {
    if facts.milestones.episodes.is_empty() {
        return;
    }
    html.open_class("ol", "episodes");
    let timeline = &facts.incident.timeline;
    for episode in &facts.milestones.episodes {
        let about = episode_facts(episode, facts.zone.minutes, |e| {
            timeline.get(e).map(|event| event.text.as_str())
        });
        let words = format!(
            "{} · {} · “{}”",
            about.when,
            about.length,
            short_label(&plain_text(&about.first))
        );
        html.element("li", &words);
    }
    html.close("ol");
}

/// Where a milestone's time comes from, as the page says it: `stated 10:00`, or
/// `event 7 at 12:00: “Root cause identified as…”`.
fn basis(facts: &Facts<'_>, milestone: &Milestone) -> String {
    let clock = clock_at(milestone.at, facts.zone.minutes, false);
    match milestone.basis {
        Basis::Stated | Basis::StatedLength => format!("stated {clock}"),
        Basis::Event(i) => {
            let text = facts.index.texts.get(i).map(|t| short_label(t));
            format!("event {} at {clock}: “{}”", i + 1, text.unwrap_or_default())
        }
    }
}
