//! What the author wrote reaches the page (`tests/fixtures/page/`): each fixture is a shape
//! met in real postmortems whose lines were missing from the page or shown as raw markup,
//! and each test asserts the parsed document holds them (in a part the page draws) and, for
//! rendering, what the safe rich-text tree makes of them.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use postmortem_explorer::model::{Incident, Part};
use postmortem_explorer::parse::rich::{plain_text, render, Element, LinkBase, Node};
use postmortem_explorer::parse::{parse_document, Parsed, StatedAbout};

fn read(name: &str) -> Parsed {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/page")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("fixture");
    parse_document(name, &text)
}

/// The kept section titled `title` and its place in the outline.
fn section<'a>(parsed: &'a Parsed, title: &str) -> (usize, &'a str) {
    let incident: &Incident = &parsed.incident;
    let index = incident
        .other_sections
        .iter()
        .position(|s| s.title == title)
        .unwrap_or_else(|| panic!("no section {title:?} in {:?}", incident.other_sections));
    let at = parsed
        .outline
        .iter()
        .position(|p| *p == Part::Section(index))
        .unwrap_or_else(|| panic!("section {title:?} not in the outline {:?}", parsed.outline));
    (at, &incident.other_sections[index].body)
}

/// Every node, depth first.
fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Node>) {
    for node in nodes {
        out.push(node);
        if let Node::Element(_, children) = node {
            walk(children, out);
        }
    }
}

#[test]
fn lessons_and_action_items_left_as_an_empty_template_keep_their_headings_and_rows() {
    let parsed = read("empty-template-parts.md");
    let incident = &parsed.incident;
    assert!(incident.lessons.is_empty() && incident.action_items.is_empty());
    let (actions_at, actions) = section(&parsed, "Action Items");
    let (lessons_at, lessons) = section(&parsed, "Lessons Learned");
    // In the author's order, and neither is also listed as an empty card of its own.
    assert!(actions_at < lessons_at, "{:?}", parsed.outline);
    assert!(!parsed.outline.contains(&Part::Lessons));
    assert!(!parsed.outline.contains(&Part::Measures));
    assert_eq!(
        lessons,
        "### What went well\n\n### What went wrong\n\n### Where we got lucky\n\n### Takeaways"
    );
    // The table's header row is drawn as a table, not as text.
    let nodes = render(actions, &LinkBase::none());
    let mut all = Vec::new();
    walk(&nodes, &mut all);
    let heads: Vec<String> = all
        .iter()
        .filter_map(|n| match n {
            Node::Element(Element::HeaderCell, children) => Some(plain_text(children)),
            _ => None,
        })
        .collect();
    assert_eq!(heads, ["Description", "Type", "Owner", "Issue #"]);
    // The part after them is still read as usual.
    assert_eq!(incident.addendum, "The index is rebuilt nightly.");
}

#[test]
fn a_filled_part_is_not_kept_twice() {
    let text = "# Outage\n\n## Lessons Learned\n\n### What went well\n\n- Alerts fired\n\n### What went wrong\n\n## Action Items\n\n- Add a canary\n";
    let parsed = parse_document("x.md", text);
    assert_eq!(parsed.incident.lessons.went_well, ["Alerts fired"]);
    assert!(parsed.incident.other_sections.is_empty());
    assert_eq!(parsed.outline, [Part::Lessons, Part::Measures]);
}

#[test]
fn footnotes_are_marks_and_notes_not_raw_carets() {
    let parsed = read("footnotes.md");
    let links = LinkBase::none();
    let summary = plain_text(&render(&parsed.incident.summary, &links));
    assert!(
        summary.contains("typosquatted[squat] popular ones")
            && summary.contains("later.[kept]")
            && !summary.contains('^'),
        "{summary}"
    );
    let nodes = render(&parsed.incident.summary, &links);
    let mut all = Vec::new();
    walk(&nodes, &mut all);
    let marks = all
        .iter()
        .filter(|n| matches!(n, Node::Element(Element::Superscript, _)))
        .count();
    assert_eq!(marks, 2);
    // The notes, at the end of the last section, each start with their mark; the links in
    // them resolve through the document's reference definitions.
    let (_, thanks) = section(&parsed, "Thanks");
    let nodes = render(thanks, &links);
    let text = plain_text(&nodes);
    assert!(
        text.contains("[kept] The crates were kept for later analysis.")
            && text.contains("[squat] Typosquatting publishes a name close to a popular one."),
        "{text}"
    );
    assert!(!text.contains("[^"), "{text}");
    let mut all = Vec::new();
    walk(&nodes, &mut all);
    assert!(all.iter().any(|n| matches!(
        n,
        Node::Element(Element::Link(url), _) if url == "https://docs.example.com/typosquatting"
    )));
}

#[test]
fn a_duration_written_as_a_sentence_is_read_and_kept_as_written() {
    let parsed = read("duration-sentence.txt");
    let incident = &parsed.incident;
    // The window is read from it…
    let start = incident.start.expect("start");
    let end = incident.end.expect("end");
    assert_eq!(start.to_string(), "2023-11-15T15:00:00+02:00");
    assert_eq!(end.to_string(), "2023-11-15T18:30:00+02:00");
    // …and the sentence stays on the page.
    assert!(
        incident.summary.contains(
            "Duration: The outage occurred from 3:00 PM to 6:30 PM (Kigali Time) on November 15, 2023."
        ),
        "{}",
        incident.summary
    );
    // A bare range is a stamp, not a sentence: it is not repeated as text.
    let bare = parse_document(
        "x.txt",
        "Outage\n\nDuration: November 15, 2023 3:00 PM to 6:30 PM UTC\n\nTimeline:\n\n- 3:00 PM UTC: Errors.\n",
    );
    assert!(bare.incident.start.is_some());
    assert!(
        !bare.incident.summary.contains("Duration"),
        "{}",
        bare.incident.summary
    );
}

#[test]
fn reference_links_in_events_and_items_are_written_inline_and_definitions_are_not_content() {
    let parsed = read("footnotes.md");
    let incident = &parsed.incident;
    assert_eq!(
        incident.timeline[1].text,
        "The crates were [yanked](https://docs.example.com/yank) and the account locked"
    );
    assert_eq!(
        incident.action_items[0].text,
        "Scan uploads for names close to popular ones ([tracking issue](https://github.com/example/registry/issues/7))"
    );
    // The definitions under the last heading are not responders.
    assert_eq!(incident.responders, ["The registry team"]);
    // Their targets are still the document's links.
    assert!(incident
        .links
        .iter()
        .any(|l| l.url == "https://docs.example.com/yank"));
}

#[test]
fn further_headings_of_a_part_stay_in_its_text_and_an_empty_one_is_left_out() {
    let parsed = read("further-headings.md");
    let incident = &parsed.incident;
    // The page names each part by its first heading; the others stay in the text, in bold.
    assert_eq!(parsed.heading("root_cause"), Some("Root Cause"));
    assert_eq!(
        incident.root_cause,
        "A cold cache after the morning deploy.\n\n**Contributing Factors**\n\nThe warm-up job had been switched off a month before."
    );
    // `## Trigger` heads nothing: no empty bold line is added for it.
    assert!(!incident.root_cause.contains("Trigger"));
    // A further label keeps its line whole, its label with it.
    assert_eq!(parsed.heading("impact"), Some("Impact"));
    assert_eq!(
        incident.impact.text,
        "Checkout pages took ten seconds to load.\n\n**Impact Assessment**\n\n- **Customer impact:** Some orders were abandoned."
    );
    // Drawn as text, with no markup left over.
    let nodes = render(&incident.impact.text, &LinkBase::none());
    let shown = plain_text(&nodes);
    assert!(shown.contains("Impact Assessment"), "{shown}");
    assert!(
        shown.contains("Customer impact: Some orders were abandoned."),
        "{shown}"
    );
    assert!(!shown.contains("**"), "{shown}");
}

#[test]
fn the_lessons_lists_keep_the_authors_headings() {
    let parsed = read("further-headings.md");
    assert_eq!(parsed.heading("went_well"), Some("What worked"));
    assert_eq!(parsed.heading("went_wrong"), Some("What didn't work"));
    assert_eq!(parsed.heading("lucky"), None);
    assert_eq!(
        parsed.incident.lessons.went_well,
        ["Alerts fired within a minute"]
    );
}

#[test]
fn the_lines_read_into_the_window_and_the_timelines_zone_are_kept_as_written() {
    let parsed = read("further-headings.md");
    let window: Vec<&str> = parsed.stated_about(StatedAbout::Window).collect();
    assert_eq!(
        window,
        ["**Date:** 2024-03-04", "**Duration:** 09:10 to 10:40 UTC"]
    );
    let notes: Vec<&str> = parsed.stated_about(StatedAbout::Timeline).collect();
    assert_eq!(notes, ["All times in UTC."]);
    // They are still read: the window and the events' zone come from them.
    let start = parsed.incident.start.expect("a start");
    assert_eq!(start.offset.map(|o| o.minutes()), Some(0));
    // The static report shows them as the page does.
    let report = postmortem_explorer::export::report::first_paint_html(
        &parsed,
        &postmortem_explorer::export::report::ReportOptions {
            source_name: "further-headings.md",
            this_year: 2026,
        },
    );
    assert!(
        report.contains("<li><strong>Date:</strong> 2024-03-04</li>"),
        "{report}"
    );
    assert!(
        report.contains("<p class=\"timeline-note\">All times in UTC.</p>"),
        "{report}"
    );
}

#[test]
fn a_field_the_reader_does_not_know_after_a_detail_stays_text() {
    // `Status:` and `Owner:` are not more of the severity or the services above them.
    let text = "# Queue backlog\n\n**Severity:** High\n**Status:** Resolved\n**Services:** queue, mailer\n**Owner:** Ana\n\n## Summary\n\nThe queue backed up.\n";
    let parsed = parse_document("backlog.md", text);
    let incident = &parsed.incident;
    assert_eq!(incident.severity, "High");
    assert_eq!(incident.services, ["queue", "mailer"]);
    assert_eq!(
        incident.summary,
        "**Status:** Resolved\n\n**Owner:** Ana\n\nThe queue backed up."
    );
    // A list under a label alone is still read as the detail's items.
    let text = "# Queue backlog\n\n**Severity:** High\n\n## Services\n\n- queue\n- mailer\n";
    let parsed = parse_document("backlog.md", text);
    assert_eq!(parsed.incident.services, ["queue", "mailer"]);
    // The same in a list of fields: `- Worker:` is neither a service nor dropped, and a
    // value with code spans of its own keeps them.
    let text = "# Queue backlog\n\n- Severity: High\n- Status: Resolved\n- Affected service: `a.example` and `b.example`\n- Worker: `queue-1`\n";
    let parsed = parse_document("backlog.md", text);
    let incident = &parsed.incident;
    assert_eq!(incident.severity, "High");
    assert_eq!(incident.services, ["`a.example` and `b.example`"]);
    assert!(
        incident.summary.contains("Status: Resolved")
            && incident.summary.contains("Worker: `queue-1`"),
        "{}",
        incident.summary
    );
}

/// Every table the summary holds, as rows of cell texts (header rows first, marked `th:`).
fn tables(markdown: &str) -> Vec<Vec<Vec<String>>> {
    let nodes = render(markdown, &LinkBase::none());
    let mut all = Vec::new();
    walk(&nodes, &mut all);
    let cells = |children: &[Node]| -> Vec<String> {
        children
            .iter()
            .map(|c| match c {
                Node::Element(Element::HeaderCell, words) => format!("th:{}", plain_text(words)),
                Node::Element(_, words) => plain_text(words),
                Node::Text(words) => words.clone(),
            })
            .collect()
    };
    all.iter()
        .filter_map(|n| match n {
            Node::Element(Element::Table, rows) => Some(
                rows.iter()
                    .filter_map(|row| match row {
                        Node::Element(Element::TableHead | Element::Row, children) => {
                            Some(cells(children))
                        }
                        _ => None,
                    })
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

#[test]
fn tables_before_the_first_heading_are_tables_with_or_without_a_header_row() {
    let parsed = read("preamble-tables.md");
    let summary = &parsed.incident.summary;
    // The rule line under the first row stays with its table ...
    assert!(
        summary.contains("| Day | 4 March 2022 |\n| --- | ---: |\n| Window"),
        "{summary}"
    );
    let found = tables(summary);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0][0], ["th:Day", "th:4 March 2022"]);
    assert_eq!(found[0][2], ["Component:", "ingest workers"]);
    // ... and rows written with no header at all are a table too, with no empty header.
    assert_eq!(
        found[1],
        [
            ["Written by", "the platform team"],
            ["Reviewed", "2022-03-11"]
        ]
    );
    let text = plain_text(&render(summary, &LinkBase::none()));
    assert!(!text.contains('|'), "{text}");
}

#[test]
fn a_part_name_alone_on_its_line_after_a_sentence_starts_that_part() {
    // Issue 11: plain-text reports with no blank lines name each part on its own line.
    let parsed = read("plain-labels-after-sentences.md");
    let incident = &parsed.incident;
    assert_eq!(
        incident.resolution,
        "The old certificate was put back and payments went through again."
    );
    assert_eq!(
        incident.summary,
        "Payments failed for forty minutes after a certificate was replaced."
    );
    assert_eq!(
        incident.lessons.text,
        "Certificates are checked on a staging host first."
    );
}

#[test]
fn an_entry_written_as_a_heading_keeps_its_sections_paragraphs_and_lists() {
    let parsed = read("heading-entries-with-sections.md");
    let timeline = &parsed.incident.timeline;
    assert_eq!(timeline.len(), 2, "{timeline:?}");
    assert_eq!(
        timeline[0].text,
        "First page\n\nThe on-call engineer saw the consumer lag climb on the dashboard.\n\n\
         She checked three things first:\n\n- the broker's disk usage\n\
         - the consumer group's members\n  - two of them were missing\n- the last deploy\n\n\
         Nothing obvious stood out."
    );
    // Drawn, the list is a list (with its nested item), not text with dashes in it.
    let nodes = render(&timeline[0].text, &LinkBase::none());
    let mut all = Vec::new();
    walk(&nodes, &mut all);
    let items = all
        .iter()
        .filter(|n| matches!(n, Node::Element(Element::Item, _)))
        .count();
    assert_eq!(items, 4);
    let paragraphs = all
        .iter()
        .filter(|n| matches!(n, Node::Element(Element::Paragraph, _)))
        .count();
    assert_eq!(paragraphs, 4, "{nodes:?}");
    // Text after a code block is a paragraph of its own, not more of the code.
    assert_eq!(
        timeline[1].text,
        "The cause\n\n```\nERROR consumer rebalanced 41 times in 60s\n```\n\nThe rebalance loop was the cause."
    );
}

#[test]
fn a_line_ending_in_two_spaces_keeps_its_line_break_on_the_page() {
    let parsed = read("hard-line-breaks.md");
    let summary = &parsed.incident.summary;
    // The hard break is kept between lines, never after a paragraph's last line.
    assert_eq!(
        summary,
        "Written by the payments team  \nReviewed by Dana Li  \nPublished on the status page\n\nCheckout failed for card payments.  \nWallet payments were not affected."
    );
    let nodes = render(summary, &LinkBase::none());
    let mut all = Vec::new();
    walk(&nodes, &mut all);
    let breaks = all
        .iter()
        .filter(|n| matches!(n, Node::Element(Element::Break, _)))
        .count();
    assert_eq!(breaks, 3, "{nodes:?}");
}
