//! Browser tests: mount the app in headless Chromium and assert on the rendered DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod browser;

use browser::{mount_app, texts};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn renders_the_sample_title_summary_and_timeline() {
    let root = mount_app(None).await;
    assert_eq!(
        texts(&root, "[data-testid=incident-title]"),
        ["The Great Cookie Catastrophe"]
    );
    assert_eq!(
        texts(&root, "[data-testid=event] time"),
        ["10:00", "10:10", "10:15", "10:30", "11:00", "11:30", "12:00", "13:00", "14:00"]
    );
    assert_eq!(texts(&root, "[data-testid=impact-share]"), ["30%"]);
    assert!(texts(&root, "[data-testid=duration]")[0].starts_with("4 h"));
    assert_eq!(texts(&root, "[data-testid=tasks] tbody tr").len(), 3);
}

#[wasm_bindgen_test]
async fn shows_the_reading_note_with_its_line() {
    let root = mount_app(None).await;
    let notes = texts(&root, "[data-testid=diagnostics] li");
    assert_eq!(notes.len(), 1);
    assert!(notes[0].contains("line 2, column 1"), "{}", notes[0]);
    assert!(
        notes[0].contains("stmortem: The Great Cookie Catastrophe"),
        "{}",
        notes[0]
    );
}

#[wasm_bindgen_test]
async fn links_only_to_http_targets_and_as_anchors() {
    let root = mount_app(None).await;
    let anchors = root.query_selector_all("a[href]").expect("selector");
    assert_eq!(anchors.length(), 1);
    let href = anchors
        .item(0)
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.get_attribute("href"));
    assert_eq!(
        href.as_deref(),
        Some("https://github.com/alx-system_engineering-devops/0x19-postmortem")
    );
}
