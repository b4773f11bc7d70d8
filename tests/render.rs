//! The no-JavaScript report and the standalone SVG pictures (`postmortem render`): what they
//! hold (every event, every heading, in the author's order), that nothing in them runs or
//! loads, that hostile text stays text, and that every SVG is well-formed XML.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use postmortem_explorer::draw::palette::Theme;
use postmortem_explorer::export::report::{
    figure_svg, report_html, Drawings, Facts, Figure, ReportOptions,
};
use postmortem_explorer::model::Part;
use postmortem_explorer::parse::rich::{plain_text, render, LinkBase};
use postmortem_explorer::parse::{parse_document, parse_metrics, Parsed};
use postmortem_explorer::sample::{SAMPLE_METRICS, SAMPLE_TEXT};

mod support;
use support::{run, SEED};

const FIXTURE: &str = "tests/fixtures/render/everything.md";

fn options() -> ReportOptions<'static> {
    ReportOptions {
        source_name: "test.md",
        this_year: 2026,
    }
}

fn read(path: &str) -> Parsed {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(path)).expect("fixture");
    parse_document(path, &text)
}

/// The sample with its illustrative metrics, as `render --metrics` reads them.
fn sample() -> Parsed {
    let mut parsed = parse_document("cookie-catastrophe.txt", SAMPLE_TEXT);
    parsed
        .incident
        .metrics
        .extend(parse_metrics("m.csv", SAMPLE_METRICS).0);
    parsed
}

/// Every Markdown postmortem under tests/fixtures/text, and the report fixture.
fn markdown_fixtures() -> Vec<(String, Parsed)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(root.join("tests/fixtures/text"))
        .expect("fixtures")
        .filter_map(|e| e.ok())
        .map(|e| format!("tests/fixtures/text/{}", e.file_name().to_string_lossy()))
        .filter(|name| name.ends_with(".md"))
        .collect();
    names.sort();
    names.push(FIXTURE.to_string());
    names.into_iter().map(|n| (n.clone(), read(&n))).collect()
}

/// Removes every `open … close` span (e.g. the pictures, the head).
fn without(html: &str, open: &str, close: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + close.len()..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The words a reader sees outside the pictures, with entities decoded and all white space
/// removed (blocks and inline elements space words differently; the words are what count).
fn visible_words(html: &str) -> String {
    let body = without(&without(html, "<head>", "</head>"), "<svg", "</svg>");
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    squeeze(
        &text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What a line of the author's Markdown reads as.
fn words_of(markdown: &str) -> String {
    squeeze(&plain_text(&render(markdown, &LinkBase::none())))
}

/// Each tag of the page: its name and its attributes (name, value), values still escaped.
/// Text never holds a raw `<` or `>` (both are escaped), so tags split cleanly.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    html.split('<')
        .skip(1)
        .filter_map(|chunk| chunk.split_once('>').map(|(tag, _)| tag))
        .filter(|tag| !tag.starts_with('/') && !tag.starts_with('!'))
        .map(|tag| {
            let tag = tag.trim_end_matches('/');
            let (name, mut rest) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
            let mut attributes = Vec::new();
            loop {
                rest = rest.trim_start();
                if rest.is_empty() {
                    break;
                }
                let end = rest
                    .find(|c: char| c == '=' || c.is_whitespace())
                    .unwrap_or(rest.len());
                let attribute = rest[..end].to_string();
                rest = &rest[end..];
                let value = if let Some(after) = rest.strip_prefix("=\"") {
                    let close = after.find('"').unwrap_or(after.len());
                    let value = after[..close].to_string();
                    rest = after.get(close + 1..).unwrap_or("");
                    value
                } else {
                    String::new()
                };
                attributes.push((attribute, value));
            }
            (name.to_lowercase(), attributes)
        })
        .collect()
}

/// Every inline `<svg>…</svg>` of the page.
fn inline_svgs(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let Some(end) = rest[start..].find("</svg>") else {
            break;
        };
        found.push(&rest[start..start + end + "</svg>".len()]);
        rest = &rest[start + end..];
    }
    found
}

/// Parses `svg` as XML and checks that nothing in it can run: no script or foreign content,
/// no event-handler attribute, no link out. Returns its text content.
fn check_svg(svg: &str, what: &str) -> String {
    let document = roxmltree::Document::parse(svg)
        .unwrap_or_else(|error| panic!("{what}: not well-formed XML: {error}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{what}");
    let mut text = String::new();
    for node in root.descendants() {
        if node.is_text() {
            text.push_str(node.text().unwrap_or(""));
            text.push('\n');
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name().to_lowercase();
        assert!(
            !["script", "foreignobject", "a", "image", "use", "iframe"].contains(&name.as_str()),
            "{what}: <{name}>"
        );
        for attribute in node.attributes() {
            let key = attribute.name().to_lowercase();
            assert!(!key.starts_with("on"), "{what}: attribute {key}");
            assert!(key != "href", "{what}: href");
            assert!(
                !attribute.value().to_lowercase().contains("javascript:"),
                "{what}: {key}"
            );
        }
    }
    text
}

/// The checks every report passes: no script, no event handler, no `javascript:` target, no
/// inline style, nothing loaded, links only to http(s) and mailto, unique ids, and every
/// picture in it well-formed XML with nothing that runs.
fn check_report(html: &str, what: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"), "{what}");
    assert!(!html.to_lowercase().contains("<script"), "{what}: <script");
    let mut ids = Vec::new();
    for (name, attributes) in tags(html) {
        assert!(
            !["script", "iframe", "object", "embed", "img", "link", "base", "form"]
                .contains(&name.as_str()),
            "{what}: <{name}>"
        );
        for (attribute, value) in attributes {
            let lower = attribute.to_lowercase();
            assert!(!lower.starts_with("on"), "{what}: <{name} {attribute}=…>");
            assert!(
                lower != "src" && lower != "srcset",
                "{what}: <{name} {attribute}>"
            );
            assert!(lower != "style", "{what}: inline style on <{name}>");
            assert!(
                !value.to_lowercase().contains("javascript:"),
                "{what}: <{name} {attribute}=\"{value}\">"
            );
            if lower == "href" {
                assert!(
                    value.starts_with("https://")
                        || value.starts_with("http://")
                        || value.starts_with("mailto:"),
                    "{what}: href {value}"
                );
            }
            if lower == "id" {
                assert!(!ids.contains(&value), "{what}: id {value} twice");
                ids.push(value);
            }
        }
    }
    // The only `url(…)` is a picture's reference to its own clip paths.
    for (at, _) in html.match_indices("url(") {
        assert!(html[at..].starts_with("url(#"), "{what}: url( at {at}");
    }
    let svgs = inline_svgs(html);
    assert!(svgs.len() >= 2, "{what}: pictures in both themes");
    for (i, svg) in svgs.iter().enumerate() {
        check_svg(svg, &format!("{what}: inline svg {i}"));
    }
}

/// The headings the report shows, by the author's words: for each part the page shows under
/// the author's heading, that heading, when the part is there.
fn shown_headings(parsed: &Parsed) -> Vec<String> {
    let incident = &parsed.incident;
    let items = &incident.action_items;
    let any = |f: fn(&postmortem_explorer::model::ActionItem) -> bool| items.iter().any(f);
    let mut headings: Vec<String> = parsed
        .headings
        .iter()
        .filter(|(key, _)| match *key {
            "summary" | "timeline" => true,
            "impact" => !incident.impact.text.trim().is_empty(),
            "root_cause" => !incident.root_cause.trim().is_empty(),
            "detection" => !incident.detection.trim().is_empty(),
            "resolution" => !incident.resolution.trim().is_empty(),
            "lessons" => !incident.lessons.is_empty(),
            "measures" => !incident.improvements.is_empty() || !items.is_empty(),
            "responders" => !incident.responders.is_empty(),
            "addendum" => !incident.addendum.trim().is_empty(),
            "task_column" => !items.is_empty(),
            "owner_column" => any(|i| i.owner.is_some()),
            "priority_column" => any(|i| i.priority.is_some()),
            "status_column" => any(|i| i.status.is_some()),
            "due_column" => any(|i| i.due.is_some()),
            "group_column" => any(|i| i.group.is_some()),
            "link_column" => any(|i| i.link.is_some()),
            _ => true,
        })
        .map(|(_, text)| squeeze(text))
        .collect();
    headings.extend(incident.other_sections.iter().map(|s| words_of(&s.title)));
    headings
}

/// The report's task table, from `<table class="tasks">` to its closing tag.
fn tasks_table(html: &str) -> &str {
    let table = &html[html.find("<table class=\"tasks\">").expect("tasks")..];
    &table[..table.find("</table>").expect("closed")]
}

/// Asserts that every event's text and every heading of `parsed` is in its report.
fn assert_complete(parsed: &Parsed, what: &str) {
    let html = report_html(parsed, &options());
    check_report(&html, what);
    assert!(!html.contains("javascript:"), "{what}: javascript:");
    let words = visible_words(&html);
    for event in &parsed.incident.timeline {
        let expected = words_of(&event.text);
        assert!(words.contains(&expected), "{what}: event {:?}", event.text);
    }
    for heading in shown_headings(parsed) {
        assert!(words.contains(&heading), "{what}: heading {heading:?}");
    }
    let incident = &parsed.incident;
    for prose in [
        &incident.summary,
        &incident.impact.text,
        &incident.root_cause,
        &incident.detection,
        &incident.resolution,
        &incident.lessons.text,
        &incident.addendum,
    ] {
        assert!(words.contains(&words_of(prose)), "{what}: {prose:?}");
    }
    let lessons = &incident.lessons;
    let listed = lessons
        .went_well
        .iter()
        .chain(&lessons.went_wrong)
        .chain(&lessons.lucky)
        .chain(&incident.improvements)
        .chain(incident.action_items.iter().map(|a| &a.text))
        .chain(incident.other_sections.iter().map(|s| &s.body));
    for item in listed {
        assert!(words.contains(&words_of(item)), "{what}: {item:?}");
    }
    for person in incident
        .responders
        .iter()
        .chain(&incident.services)
        .chain(&incident.tags)
    {
        assert!(words.contains(&squeeze(person)), "{what}: {person:?}");
    }
}

#[test]
fn the_sample_report_holds_every_event_and_heading_and_runs_nothing() {
    let parsed = sample();
    assert_complete(&parsed, "sample");
    let html = report_html(&parsed, &options());
    let words = visible_words(&html);
    for expected in [
        "TheGreatCookieCatastrophe",
        "Mon15Jan2024,10:00–14:00UTC-05:00",
        "IssueSummary",
        "Timetorootcause2h",
        "illustrativedata—notmeasured",
        "30%ofthecookiecrumbled",
    ] {
        let shown = words.contains(expected) || squeeze(&html).contains(expected);
        assert!(shown, "{expected}");
    }
    // One picture per theme for the timeline, the chart and the illustration.
    assert_eq!(inline_svgs(&html).len(), 6);
    assert_eq!(html.matches("class=\"figure light-only\"").count(), 3);
    assert_eq!(html.matches("class=\"figure dark-only\"").count(), 3);
    assert!(html.contains("prefers-color-scheme: dark"));
}

#[test]
fn every_markdown_fixture_report_holds_every_event_and_heading() {
    for (name, parsed) in markdown_fixtures() {
        assert_complete(&parsed, &name);
    }
}

#[test]
fn the_authors_parts_keep_the_authors_order_and_the_tasks_their_columns() {
    let parsed = read(FIXTURE);
    let html = report_html(&parsed, &options());
    let incident = &parsed.incident;
    let mut last = 0;
    for part in incident.parts_in_order(&parsed.outline) {
        let id = match part {
            Part::Lessons => "lessons-heading".to_string(),
            Part::Measures => "measures-heading".to_string(),
            Part::Responders => "responders-heading".to_string(),
            Part::Addendum => "addendum-heading".to_string(),
            Part::Section(i) => format!("section-{i}-heading"),
        };
        let at = html
            .find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("{id} missing"));
        assert!(at > last, "{id} out of order");
        last = at;
    }
    // The prose cards come before the author's parts, the links after them.
    let impact = html.find("id=\"impact-heading\"").expect("impact");
    assert!(html.find("id=\"timeline-heading\"").expect("timeline") < impact);
    assert!(impact < html.find("id=\"lessons-heading\"").expect("lessons"));
    assert!(last < html.find("id=\"links-heading\"").expect("links"));

    let table = tasks_table(&html);
    for cell in [
        "<th scope=\"col\">Owner</th>",
        "<th scope=\"col\">Priority</th>",
        "<th scope=\"col\">Status</th>",
        "<th scope=\"col\">Due</th>",
        "<th scope=\"col\">Link</th>",
        "<td>sre</td><td>P1</td><td>open</td><td>2024-03-20</td>",
        "<a href=\"https://tracker.example.com/AI-7\" rel=\"noopener noreferrer nofollow\">AI-7</a>",
    ] {
        assert!(table.contains(cell), "{cell} in {table}");
    }
    // An image is a link, never loaded.
    assert!(html.contains(
        "<a href=\"https://graphs.example.com/checkout.png\" rel=\"noopener noreferrer nofollow\">Image: error graph</a>"
    ));
    // Two days: each time says its day.
    assert!(visible_words(&html).contains("5Mar00:10"));
}

#[test]
fn action_items_show_the_group_they_were_listed_under() {
    let parsed = read("tests/fixtures/text/subheadings-in-known-parts.md");
    let html = report_html(&parsed, &options());
    let table = tasks_table(&html);
    for cell in [
        "<th scope=\"col\">Group</th>",
        "<td>Add a dead-letter queue</td><td>Short term</td><td>ops</td>",
        "<td>Split the queue per region</td><td>Long term</td><td>platform</td>",
    ] {
        assert!(table.contains(cell), "{cell} in {table}");
    }
}

const HOSTILE: &str = "# <script>alert(1)</script> \"><img src=x onerror=alert(2)> ]]>

Severity: <script>alert(3)</script>
Services: \"><img src=x onerror=alert(4)>, ]]>

## Timeline

- 2024-01-01 10:00 UTC: <script>alert(5)</script> errors began \"><img src=x onerror=alert(6)> ]]>
- 2024-01-01 10:20 UTC: Alerted <svg onload=alert(7)> [x](javascript:alert(8)) ]]>
- 2024-01-01 11:00 UTC: Service fully restored <style>body{display:none}</style>

## <script>alert(9)</script> \"><img onerror=alert(10)> ]]>

\"><img src=x onerror=alert(11)> ]]> <a href=\"javascript:alert(12)\">y</a> <iframe src=x></iframe>

## Action Items

| Task | Owner | Link |
|------|-------|------|
| <b onmouseover=alert(13)>x</b> ]]> | \"><script>alert(14)</script> | javascript:alert(15) |
";

fn hostile() -> Parsed {
    let mut parsed = parse_document("hostile.md", HOSTILE);
    let csv = "timestamp,value,series\n\
        2024-01-01T10:00:00Z,1,<script>alert(16)</script> \"]]>\u{1}\n\
        2024-01-01T10:30:00Z,5,<script>alert(16)</script> \"]]>\u{1}\n";
    parsed
        .incident
        .metrics
        .extend(parse_metrics("hostile.csv", csv).0);
    parsed
}

#[test]
fn hostile_text_is_escaped_in_the_report_and_every_picture() {
    let parsed = hostile();
    assert!(
        parsed.incident.title.contains("<script>"),
        "the title is hostile"
    );
    let html = report_html(&parsed, &options());
    check_report(&html, "hostile");
    for escaped in [
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt; ]]&gt;",
        "&lt;script&gt;alert(3)&lt;/script&gt;",
        "&lt;script&gt;alert(5)&lt;/script&gt;",
        "&lt;script&gt;alert(9)&lt;/script&gt;",
    ] {
        assert!(html.contains(escaped), "{escaped}");
    }
    assert!(!html.contains("]]>"), "a raw ]]> would end a CDATA section");
    for figure in Figure::ALL {
        for theme in Theme::ALL {
            let what = format!("hostile {} {theme:?}", figure.name());
            let svg = figure_svg(&parsed, figure, theme).expect("something to draw");
            assert!(!svg.to_lowercase().contains("<script"), "{what}");
            let text = check_svg(&svg, &what);
            if figure == Figure::Timeline {
                // The hostile words are there, as words.
                assert!(text.contains("<script>alert(1)</script>"), "{what}: {text}");
                assert!(text.contains("<script>alert(5)</script>"), "{what}: {text}");
            }
            if figure == Figure::Chart {
                assert!(
                    text.contains("<script>alert(16)</script>"),
                    "{what}: {text}"
                );
            }
        }
    }
}

#[test]
fn every_picture_is_well_formed_and_the_timeline_labels_every_marker() {
    let mut cases: Vec<(String, Parsed)> = vec![("sample".into(), sample())];
    cases.extend(markdown_fixtures());
    for (name, parsed) in &cases {
        for figure in Figure::ALL {
            for theme in Theme::ALL {
                if let Some(svg) = figure_svg(parsed, figure, theme) {
                    check_svg(&svg, &format!("{name} {} {theme:?}", figure.name()));
                }
            }
        }
        let facts = Facts::of(&parsed.incident);
        let drawings = Drawings::new(&facts);
        let Some(scene) = drawings.timeline_scene() else {
            continue;
        };
        let svg = figure_svg(parsed, Figure::Timeline, Theme::Light).expect("a timeline");
        let labelled = scene.markers.iter().filter(|m| m.lane.is_some()).count();
        assert_eq!(
            svg.matches("class=\"tl-label\"").count(),
            labelled,
            "{name}"
        );
        assert_eq!(
            labelled,
            scene.markers.len(),
            "{name}: every marker has room"
        );
        let text = check_svg(&svg, name);
        for marker in &scene.markers {
            assert!(text.contains(&marker.label), "{name}: {}", marker.label);
        }
    }
}

#[test]
fn an_empty_or_timeless_postmortem_still_renders() {
    for text in [
        "",
        "# Only a title",
        "# T\n\n## Timeline\n\n- soon: something\n",
    ] {
        let parsed = parse_document("x.md", text);
        let html = report_html(&parsed, &options());
        check_report(&html, text);
        assert!(html.contains("No date stated"));
        assert_eq!(figure_svg(&parsed, Figure::Timeline, Theme::Light), None);
        assert_eq!(figure_svg(&parsed, Figure::Chart, Theme::Light), None);
        let illustration = figure_svg(&parsed, Figure::Illustration, Theme::Dark);
        check_svg(&illustration.expect("always drawn"), text);
    }
}

// The command line.

const SEED_METRICS: &str = "public/cookie-catastrophe.metrics.csv";

fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("render")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn render_writes_the_report_to_a_file_or_stdout() {
    let dir = scratch_dir("report");
    let out = dir.join("report.html");
    let output = run(&[
        "render",
        SEED,
        "--metrics",
        SEED_METRICS,
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(&out).expect("written");
    check_report(&written, "cli");
    assert!(written.contains("public/cookie-catastrophe.txt"));
    assert!(written.contains("error rate"), "the metrics are charted");
    let stdout = run(&["render", SEED]);
    assert_eq!(stdout.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&stdout.stdout).starts_with("<!DOCTYPE html>"));
}

#[test]
fn render_svg_writes_one_picture_in_the_theme_asked_for() {
    for figure in ["timeline", "chart", "illustration"] {
        let light = run(&["render", SEED, "--svg", figure]);
        let dark = run(&["render", SEED, "--svg", figure, "--theme", "dark"]);
        for (output, theme) in [(&light, Theme::Light), (&dark, Theme::Dark)] {
            assert_eq!(output.status.code(), Some(0), "{figure}");
            let svg = String::from_utf8_lossy(&output.stdout);
            check_svg(&svg, figure);
            if figure != "illustration" {
                let background = theme.palette().background;
                assert!(
                    svg.contains(background) || svg.contains(&rgb(background)),
                    "{figure}"
                );
            }
        }
        assert_ne!(light.stdout, dark.stdout, "{figure}");
    }
}

/// `#rrggbb` as the chart writes it, `rgba(r,g,b,1)`.
fn rgb(hex: &str) -> String {
    let (r, g, b) = postmortem_explorer::draw::palette::rgb(hex);
    format!("rgba({r},{g},{b},1)")
}

#[test]
fn render_usage_errors_exit_2_and_unreadable_files_1() {
    for args in [
        vec!["render"],
        vec!["render", SEED, "--svg", "pie"],
        vec!["render", SEED, "--theme", "dark"],
        vec!["render", SEED, "-o"],
        vec!["render", SEED, SEED],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.starts_with("postmortem: "), "{stderr}");
        assert!(stderr.contains("postmortem render FILE"), "usage: {stderr}");
    }
    let missing = run(&["render", "no/such/file.md"]);
    assert_eq!(missing.status.code(), Some(1));
    let no_metrics = run(&["render", SEED, "--metrics", "no/such.csv"]);
    assert_eq!(no_metrics.status.code(), Some(1));
    let nothing = run(&[
        "render",
        "tests/fixtures/text/05-unknown-sections.md",
        "--svg",
        "chart",
    ]);
    assert_eq!(
        nothing.status.code(),
        Some(1),
        "no metrics and no stated impact"
    );
}

#[test]
fn index_render_writes_a_report_beside_each_postmortem() {
    let dir = scratch_dir("index");
    for name in ["a.md", "b.txt"] {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE),
            dir.join(name),
        )
        .expect("copy");
    }
    let output = run(&["index", &dir.to_string_lossy(), "--render"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for name in ["a.md.html", "b.txt.html"] {
        let html = std::fs::read_to_string(dir.join(name)).expect("a report");
        check_report(&html, name);
    }
    assert!(dir.join("index.json").exists());
}

/// The docs example page shows a rendered timeline (`public/cookie-catastrophe.timeline.svg`);
/// it must be what `render --svg timeline` writes today, not a stale picture.
#[test]
fn the_docs_pages_timeline_picture_is_up_to_date() {
    let output = run(&["render", SEED, "--svg", "timeline"]);
    assert!(output.status.success(), "{output:?}");
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("public/cookie-catastrophe.timeline.svg"),
    )
    .expect("the committed picture");
    assert!(
        committed == String::from_utf8_lossy(&output.stdout),
        "regenerate it: cargo run --bin postmortem -- render {SEED} --svg timeline -o public/cookie-catastrophe.timeline.svg"
    );
}

#[test]
fn a_timeline_across_days_names_each_day_once_where_it_changes() {
    let text = "# Rotation\n\n## Timeline\n\n- 2024-05-06 22:10 UTC: rotation started\n- 2024-05-06 23:50 UTC: handshake errors\n- 2024-05-07 00:20 UTC: old certificate restored\n";
    let html = report_html(&parse_document("days.md", text), &options());
    let days: Vec<&str> = html
        .split("<span class=\"event-day\">")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .collect();
    assert_eq!(days, ["Mon 6 May", "Tue 7 May"]);
    assert_eq!(html.matches("class=\"event new-day\"").count(), 2);
    // On one day the header says it, and no event repeats it.
    let one_day = parse_document(
        "day.md",
        &text.replace("2024-05-07 00:20", "2024-05-06 23:59"),
    );
    assert!(!report_html(&one_day, &options()).contains("class=\"event-day\""));
}
