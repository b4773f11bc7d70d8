//! The no-JavaScript report (`postmortem render`): one self-contained HTML page for
//! documentation, with inline CSS and inline SVG, no script and nothing loaded from anywhere.
//!
//! In order: the title and dates, the summary with the facts at a glance, the key durations
//! with their basis, the timeline (its picture and every event), the metrics chart, the
//! illustration's last frame, then everything else the author wrote, under the author's
//! headings and in the author's order. Each picture is written twice, in the light and the dark palette, and the
//! stylesheet shows the one that matches `prefers-color-scheme`.
//!
//! Safety: the page is written through [`html::Html`], which escapes every text and attribute
//! value; the author's Markdown comes from the safe tree of [`crate::parse::rich`] (links to
//! http(s) and mailto only, images as links); the pictures come from this crate's SVG writers,
//! which escape their texts too.

mod events;
mod facts;
mod figures;
mod html;
mod overview;
mod parts;
mod rich;
mod style;

pub use facts::Facts;
pub use figures::{Drawings, Figure};

use crate::draw::palette::Theme;
use crate::parse::{Parsed, StatedAbout};
use figures::{display_title, themed_figure};
use html::Html;

/// What the report says about itself.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions<'a> {
    /// The file it was made from, shown above the title (empty: not shown).
    pub source_name: &'a str,
    /// The current year, for flagging implausible dates (next year is still plausible).
    pub this_year: i32,
}

/// The report of a parsed postmortem (with any metrics already attached to its incident).
pub fn report_html(parsed: &Parsed, options: &ReportOptions<'_>) -> String {
    let facts = Facts::of(&parsed.incident);
    let drawings = Drawings::new(&facts);
    let mut html = Html::new();
    html.literal("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    html.literal("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    html.literal("<meta name=\"color-scheme\" content=\"light dark\">");
    html.open("title", &[]);
    html.text(display_title(&facts));
    html.text(" · Postmortem report");
    html.close("title");
    html.open("style", &[]);
    // The stylesheet is written in this crate; nothing in it comes from the postmortem.
    html.own_markup(&style::stylesheet());
    html.close("style");
    html.literal("</head><body><main class=\"report\">");

    opening(&mut html, parsed, &drawings, "Postmortem report", options);
    chart(&mut html, &drawings);
    illustration(&mut html, &drawings);
    parts::prose(&mut html, parsed);
    parts::author_parts(&mut html, parsed);

    html.open_class("footer", "report-footer");
    html.text("Made by postmortem render");
    if !options.source_name.is_empty() {
        html.text(" from ");
        html.text(options.source_name);
    }
    html.text(". No script, nothing loaded from elsewhere.");
    html.close("footer");
    html.literal("</main></body></html>\n");
    html.finish()
}

/// The first paint of the app's page (`index.html` inlines it, see `first-paint/`): the sample's
/// header, summary, key durations and timeline, written like the report, shown while the app's
/// WebAssembly loads and removed when the app starts. A fragment, under `#first-paint`, styled
/// by [`first_paint_css`] only (the page's policy allows no inline style).
pub fn first_paint_html(parsed: &Parsed, options: &ReportOptions<'_>) -> String {
    let facts = Facts::of(&parsed.incident);
    let drawings = Drawings::new(&facts);
    let mut html = Html::new();
    html.literal(
        "<div id=\"first-paint\" class=\"first-paint\" aria-busy=\"true\"><main class=\"report\">",
    );
    opening(&mut html, parsed, &drawings, "Postmortem Explorer", options);
    html.element_class("p", "first-paint-note", "The interactive page is loading…");
    html.literal("</main></div>\n");
    html.finish()
}

/// What the report and the first paint both open with: the header (under `label`), the
/// summary, the key durations and the timeline.
fn opening(
    html: &mut Html,
    parsed: &Parsed,
    drawings: &Drawings<'_, '_>,
    label: &str,
    options: &ReportOptions<'_>,
) {
    let facts = drawings.facts();
    overview::header(html, facts, label, options.source_name);
    let window: Vec<&str> = parsed.stated_about(StatedAbout::Window).collect();
    overview::summary(
        html,
        facts,
        parts::heading(parsed, "summary", "Summary"),
        &window,
    );
    overview::key_durations(html, facts, options.this_year);
    let timeline_heading = parts::heading(parsed, "timeline", "Timeline");
    let notes: Vec<&str> = parsed.stated_about(StatedAbout::Timeline).collect();
    events::timeline(html, facts, drawings, timeline_heading, &notes);
}

/// The report's stylesheet scoped to `#first-paint` (CSS nesting), so it styles the first
/// paint and nothing of the app around it.
pub fn first_paint_css() -> String {
    let css = style::stylesheet().replace(":root", "&");
    format!(
        "/* Written by `postmortem first-paint`; see src/export/report/mod.rs. */\n\
         .first-paint-hidden #first-paint {{ display: none; }}\n\
         #first-paint {{\n{css}\n.first-paint-note {{ color: var(--muted); text-align: center; }}\n}}\n"
    )
}

/// One figure of the incident as a standalone SVG document (`postmortem render --svg`);
/// `None` when there is nothing to draw.
pub fn figure_svg(parsed: &Parsed, figure: Figure, theme: Theme) -> Option<String> {
    let facts = Facts::of(&parsed.incident);
    Drawings::new(&facts).svg(figure, theme, "")
}

/// The metrics chart, with the note on where its data comes from.
fn chart(html: &mut Html, drawings: &Drawings<'_, '_>) {
    html.open_section("card chart", "chart-heading", "Metrics");
    if !themed_figure(html, drawings, Figure::Chart) {
        html.element_class(
            "p",
            "empty",
            "Nothing to chart: no metrics are attached and the text states no impact over time.",
        );
    }
    html.close("section");
}

/// The illustration at the end of its story, with the statement of what it shows.
fn illustration(html: &mut Html, drawings: &Drawings<'_, '_>) {
    html.open_section("card illustration", "illustration-heading", "Illustration");
    themed_figure(html, drawings, Figure::Illustration);
    html.element_class("p", "figure-note", drawings.statement());
    html.close("section");
}
