//! The timeline section: the picture, then every event in written order with its time (in
//! the zone the postmortem states), its kind and its text, as the page's list shows them.

use super::facts::Facts;
use super::figures::{themed_figure, Drawings, Figure};
use super::html::Html;
use super::rich::inline_markdown;
use crate::analysis::format::{clock_at, date_time_at, list_days};
use crate::analysis::window::axis_ms;
use crate::model::EventKind;

/// The timeline: its picture and the list of its events.
pub fn timeline(
    html: &mut Html,
    facts: &Facts<'_>,
    drawings: &Drawings<'_, '_>,
    heading: &str,
    notes: &[&str],
) {
    html.open_section("card timeline", "timeline-heading", heading);
    timeline_notes(html, notes);
    let events = &facts.incident.timeline;
    if events.is_empty() {
        html.element_class("p", "empty", "This postmortem has no timeline entries.");
        return html.close("section");
    }
    themed_figure(html, drawings, Figure::Timeline);
    // Across days, the day is said where it changes.
    let days = list_days(&facts.index.at, facts.zone.minutes, facts.index.days);
    html.open_class("ol", "events");
    for (i, event) in events.iter().enumerate() {
        let at = axis_ms(&event.at);
        let kind = facts
            .index
            .kinds
            .get(i)
            .copied()
            .unwrap_or(EventKind::Other);
        let seconds = event.at.time.format("%S").to_string() != "00";
        let clock = clock_at(at, facts.zone.minutes, seconds);
        let day = days.get(i).and_then(Option::as_deref);
        let mut class = String::from("event");
        if event.inferred {
            class.push_str(" inferred");
        }
        if day.is_some() {
            class.push_str(" new-day");
        }
        html.open(
            "li",
            &[("class", Some(&class)), ("data-kind", Some(kind.slug()))],
        );
        if let Some(day) = day {
            html.element_class("span", "event-day", day);
        }
        let full = date_time_at(at, facts.zone, facts.index.days);
        html.open(
            "time",
            &[
                ("datetime", Some(&event.at.to_string())),
                ("title", Some(&full)),
            ],
        );
        html.text(&clock);
        html.close("time");
        html.open(
            "span",
            &[("class", Some("kind")), ("data-kind", Some(kind.slug()))],
        );
        html.text(kind.label());
        html.close("span");
        html.open_class("span", "event-text");
        inline_markdown(html, &event.text);
        if event.inferred {
            html.element_class("span", "inferred-note", " (found in the prose)");
        }
        html.close("span");
        html.close("li");
    }
    html.close("ol");
    html.close("section");
}

/// The author's notes on how the timeline's times are written (`All times in UTC.`), as
/// written, or nothing.
pub fn timeline_notes(html: &mut Html, notes: &[&str]) {
    for note in notes {
        html.open_class("p", "timeline-note");
        inline_markdown(html, note);
        html.close("p");
    }
}
