//! The app's first paint: `index.html` inlines `first-paint/sample.html` (the sample's header,
//! summary, key durations and timeline, written by `export::report`) and links
//! `style/first-paint.css`, so the page shows the sample before its WebAssembly has loaded.
//! Both files must be what the code writes today: `UPDATE_FIRST_PAINT=1 cargo test --test
//! first_paint` rewrites them.

use std::path::Path;

use postmortem_explorer::export::report::{first_paint_css, first_paint_html, ReportOptions};
use postmortem_explorer::parse::parse_document;
use postmortem_explorer::sample::{SAMPLE_NAME, SAMPLE_TEXT};

/// A fixed year, so the files do not change with the calendar (the sample is from 2024).
const THIS_YEAR: i32 = 2026;

fn expected() -> [(&'static str, String); 2] {
    let parsed = parse_document(SAMPLE_NAME, SAMPLE_TEXT);
    let options = ReportOptions {
        source_name: SAMPLE_NAME,
        this_year: THIS_YEAR,
    };
    [
        (
            "first-paint/sample.html",
            first_paint_html(&parsed, &options),
        ),
        ("style/first-paint.css", first_paint_css()),
    ]
}

#[test]
fn the_first_paint_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (path, text) in expected() {
        if std::env::var_os("UPDATE_FIRST_PAINT").is_some() {
            std::fs::write(root.join(path), &text).expect("written");
        }
        let committed = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        assert!(
            committed == text,
            "{path} is stale: UPDATE_FIRST_PAINT=1 cargo test --test first_paint"
        );
    }
}

#[test]
fn the_first_paint_shows_the_sample_and_nothing_that_needs_a_script_or_inline_style() {
    let [(_, html), (_, css)] = expected();
    assert!(html.starts_with("<div id=\"first-paint\""));
    assert!(
        html.contains("<h1>The Great Cookie Catastrophe</h1>"),
        "{html}"
    );
    assert!(html.contains("<ol class=\"events\">"));
    assert!(html.contains("<svg"), "the timeline's picture");
    for refused in ["<script", " style=\"", "<style", "javascript:"] {
        assert!(!html.contains(refused), "{refused} in the first paint");
    }
    // No event handler attribute (` onload=`, ...) inside any tag.
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default();
        assert!(
            !tag.split_whitespace()
                .skip(1)
                .any(|attribute| attribute.starts_with("on")),
            "<{tag}>"
        );
    }
    // Every rule is scoped to #first-paint: the app's own elements are not restyled.
    assert!(css.contains("#first-paint {\n"));
    assert!(!css.contains(":root"));
    assert!(css.trim_end().ends_with('}'));
}
