//! Browser tests for the interactive timeline: the app mounted in headless Chromium, with
//! assertions on the rendered DOM and on the canvas pixels.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement, KeyboardEvent, KeyboardEventInit,
};

mod browser;

use browser::{mount_app, texts};

wasm_bindgen_test_configure!(run_in_browser);

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .expect("a valid selector")
        .expect("the element exists")
        .unchecked_into()
}

fn press(target: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    target.dispatch_event(&event).expect("dispatch");
}

#[wasm_bindgen_test]
async fn shows_the_key_durations_and_an_axis_in_the_incident_zone() {
    let root = mount_app(Some(1000)).await;
    assert_eq!(
        texts(&root, "[data-testid=key-duration-value]"),
        ["0 s", "10 min", "2 h", "3 h", "4 h", "4 h"]
    );
    let ticks = texts(&root, "[data-testid=tick]");
    // Labelled in the incident's own zone (UTC-5): its stated start and end are on the axis.
    assert!(ticks.contains(&"10:00".to_string()), "{ticks:?}");
    assert!(ticks.contains(&"14:00".to_string()), "{ticks:?}");
    assert_eq!(texts(&root, "[data-testid=in-view]"), ["9 events in view"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_keyboard_selects_an_event_and_opens_its_details() {
    let root = mount_app(Some(1000)).await;
    let stage = find(&root, "[data-testid=timeline-stage]");
    press(&stage, "ArrowDown");
    press(&stage, "ArrowDown");
    press(&stage, "Enter");
    leptos::task::tick().await;
    let details = texts(&root, "[data-testid=details-text]");
    assert_eq!(details.len(), 1);
    assert!(
        details[0].starts_with("Engineering team alerted"),
        "{details:?}"
    );
    assert_eq!(
        texts(&root, "[data-testid=details-time]"),
        ["2024-01-15 10:10 UTC-05:00"]
    );
    let start_before = stage.get_attribute("data-window-start");
    press(&stage, "+");
    leptos::task::tick().await;
    assert_ne!(stage.get_attribute("data-window-start"), start_before);
    press(&stage, "Escape");
    leptos::task::tick().await;
    assert!(texts(&root, "[data-testid=details-text]").is_empty());
    root.remove();
}

#[wasm_bindgen_test]
async fn the_canvas_paints_each_kind_in_its_colour() {
    let root = mount_app(Some(1000)).await;
    leptos::task::tick().await;
    let canvas: HtmlCanvasElement = find(&root, ".tl-canvas").unchecked_into();
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("2d")
        .expect("a context")
        .unchecked_into();
    let data = ctx
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .expect("pixels")
        .data();
    let has_colour = |(r, g, b): (u8, u8, u8)| {
        data.chunks(4).any(|p| {
            (i16::from(p[0]) - i16::from(r)).abs() < 8
                && (i16::from(p[1]) - i16::from(g)).abs() < 8
                && (i16::from(p[2]) - i16::from(b)).abs() < 8
                && p[3] > 200
        })
    };
    assert!(has_colour((0xc1, 0x15, 0x74)), "the root-cause star");
    assert!(has_colour((0x06, 0x76, 0x47)), "the resolved check");
    assert!(has_colour((0xea, 0xf1, 0xfd)), "the diagnosis band");
    root.remove();
}
