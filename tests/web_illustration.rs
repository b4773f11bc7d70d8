//! Browser tests of the cookie illustration: rendered as SVG elements from the scene model,
//! moved by its scrubber, and safe with hostile incident text.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use postmortem_explorer::ui::illustration::CookieIllustration;
use postmortem_explorer::ui::state::{AppState, OpenDocument};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

mod browser;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the illustration alone, on a document read from `text`.
async fn mount(text: &'static str) -> HtmlElement {
    let container = browser::container(None);
    leptos::mount::mount_to(container.clone(), move || {
        provide_context(AppState::new(OpenDocument::read("test.txt", text)));
        view! { <CookieIllustration /> }
    })
    .forget();
    leptos::task::tick().await;
    container
}

fn one(root: &HtmlElement, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("{selector} is rendered"))
}

fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .expect("a valid selector")
        .length()
}

async fn scrub(root: &HtmlElement, value: f64) {
    let input: HtmlInputElement = one(root, "[data-testid=illustration-scrubber]").unchecked_into();
    input.set_value(&value.to_string());
    let event = web_sys::Event::new("input").expect("an event");
    input.dispatch_event(&event).expect("dispatch");
    leptos::task::tick().await;
}

const SAMPLE: &str = include_str!("../public/cookie-catastrophe.txt");

/// 2024-01-15 HH:MM at UTC-5, in axis milliseconds.
fn at(hours: f64, minutes: f64) -> f64 {
    1_705_276_800_000.0 + ((hours + 5.0) * 60.0 + minutes) * 60_000.0
}

#[wasm_bindgen_test]
async fn draws_the_sample_as_svg_elements_with_its_text_alternative() {
    let root = mount(SAMPLE).await;
    let svg = one(&root, "svg[data-testid=illustration-scene]");
    assert_eq!(
        svg.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        one(&root, "svg title").text_content().as_deref(),
        Some("30% of the cookie crumbled: 30% of users affected for 4 hours.")
    );
    assert_eq!(
        svg.get_attribute("data-stage").as_deref(),
        Some("recovered")
    );
    assert_eq!(count(&root, "[data-role=engineer]"), 9);
    assert_eq!(count(&root, "[data-role=recovered-mark]"), 1);
    // Painted through classes, clipped by real clipPath elements.
    assert!(count(&root, "path.f-dough") > 0);
    assert!(count(&root, "clipPath") > 0);
}

#[wasm_bindgen_test]
async fn the_scrubber_moves_the_story() {
    let root = mount(SAMPLE).await;
    let stage = |root: &HtmlElement| {
        one(root, "svg[data-testid=illustration-scene]")
            .get_attribute("data-stage")
            .unwrap_or_default()
    };
    scrub(&root, at(9.0, 50.0)).await;
    assert_eq!(stage(&root), "whole");
    assert_eq!(count(&root, "[data-role=piece]"), 0);
    assert_eq!(count(&root, "[data-role=engineer]"), 1);
    assert_eq!(
        one(&root, "[data-testid=illustration-time]")
            .text_content()
            .as_deref(),
        Some("09:50")
    );

    scrub(&root, at(11.0, 15.0)).await;
    assert_eq!(stage(&root), "crumbling");
    assert!(count(&root, "[data-role=piece]") > 0);
    assert_eq!(count(&root, "[data-role=engineer]"), 5);
    let desc = one(&root, "svg desc").text_content().unwrap_or_default();
    assert!(
        desc.starts_with("11:15, 1 hour 15 minutes into the outage"),
        "{desc}"
    );

    scrub(&root, at(12.5, 0.0)).await;
    assert_eq!(stage(&root), "root-cause-found");
    assert_eq!(
        one(&root, "[data-role=root-cause-tag] text")
            .text_content()
            .as_deref(),
        Some("cache")
    );
}

const HOSTILE: &str = "Postmortem: <img src=x onerror=alert(1)></text><script>alert(2)</script>\n\
Impact: 45% of users could not log in.\n\
Timeline:\n\
10:00 AM: <b>Errors began</b> after a deploy\n\
11:00 AM: Root cause identified in the <i>DNS</i> config\n\
12:00 PM: Service fully recovered\n";

#[wasm_bindgen_test]
async fn hostile_text_stays_text() {
    let root = mount(HOSTILE).await;
    assert_eq!(count(&root, "script, img, b, i"), 0);
    assert_eq!(
        one(&root, "svg title").text_content().as_deref(),
        Some("45% of the cookie crumbled: 45% of users affected for 2 hours.")
    );
    let texts: Vec<String> = {
        let list = root.query_selector_all("svg text").expect("selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.text_content())
            .collect()
    };
    assert!(
        texts
            .iter()
            .any(|t| t == "<img src=x onerror=alert(1)></text><script>alert(2)</script>"),
        "{texts:?}"
    );
}
