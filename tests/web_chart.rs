//! Browser tests for the metrics chart: it draws the sample's illustrative metrics on a
//! canvas, hovering shows each series' value without redrawing, and the shared window
//! drives what it shows.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlElement, PointerEvent, PointerEventInit};

mod browser;

use browser::{mount_app, settle};

wasm_bindgen_test_configure!(run_in_browser);

fn find(root: &HtmlElement, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector)
        .expect("a valid selector")
        .map(|e| e.unchecked_into())
}

#[wasm_bindgen_test]
async fn draws_the_sample_metrics_and_says_they_are_illustrative() {
    let root = mount_app(Some(960)).await;
    let chart = find(&root, "[data-testid=metrics-chart]").expect("the chart section");
    assert_eq!(
        chart.get_attribute("data-origin").as_deref(),
        Some("illustrative")
    );
    let note = find(&root, "[data-testid=chart-note]").expect("a note");
    assert_eq!(
        note.text_content().as_deref(),
        Some("illustrative data — not measured")
    );

    let canvas: HtmlCanvasElement = find(&root, "[data-testid=chart-canvas]")
        .expect("a canvas")
        .unchecked_into();
    assert!(
        canvas.width() > 500,
        "sized to the page: {}",
        canvas.width()
    );
    // Two units, so two panels: the canvas is taller than one panel.
    assert!(canvas.height() > 300, "{}", canvas.height());
    let drawn: usize = chart
        .get_attribute("data-drawn-points")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    // The default window is the incident (09:48–14:12 EST with margin): 2 × 267 one-minute
    // samples, fewer than the pixel columns, so M4 keeps every one.
    assert_eq!(
        drawn, 534,
        "both series, a sample a minute, fewer than the columns"
    );

    // The error-rate line is drawn in its colour (#c2410c) somewhere on the canvas.
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let pixels = context
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data();
    let orange = pixels
        .chunks(4)
        .filter(|p| p[0] == 0xc2 && p[1] == 0x41 && p[2] == 0x0c)
        .count();
    assert!(orange > 200, "error-rate pixels: {orange}");
}

#[wasm_bindgen_test]
async fn hovering_shows_the_values_and_highlights_the_event_under_the_pointer() {
    let root = mount_app(Some(960)).await;
    assert!(find(&root, "[data-testid=chart-tooltip]").is_none());
    let canvas = find(&root, "[data-testid=chart-canvas]").expect("a canvas");
    let rect = canvas.get_bounding_client_rect();
    let chart = find(&root, "[data-testid=metrics-chart]").unwrap();
    let start: f64 = chart
        .get_attribute("data-window-start")
        .unwrap()
        .parse()
        .unwrap();
    let end: f64 = chart
        .get_attribute("data-window-end")
        .unwrap()
        .parse()
        .unwrap();
    // 10:30, the database scaling (a misleading path): x from the plot's pixel mapping.
    let at = 1_705_332_600_000.0;
    let (x0, x1) = (72.0, rect.width() - 16.0 - 1.0);
    let x = x0 + (at - start) / (end - start) * (x1 - x0);

    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((rect.left() + x).round() as i32);
    init.set_client_y((rect.top() + 80.0) as i32);
    let event = PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap();
    canvas.dispatch_event(&event).unwrap();
    settle().await;

    let tooltip = find(&root, "[data-testid=chart-tooltip]").expect("a tooltip");
    let text = tooltip.text_content().unwrap_or_default();
    assert!(text.contains("2024-01-15 10:30:00 UTC-05:00"), "{text}");
    assert!(
        text.contains("error rate") && text.contains("p95 login latency"),
        "{text}"
    );
    let values = root
        .query_selector_all("[data-testid=chart-tooltip-value]")
        .unwrap();
    assert_eq!(values.length(), 2);
    let error_rate = values.item(0).unwrap().text_content().unwrap();
    assert!(error_rate.ends_with('%'), "{error_rate}");
    let label = find(&root, "[data-testid=chart-event-label]").expect("the hovered event");
    assert!(
        label
            .text_content()
            .unwrap()
            .contains("Initially suspected database overload"),
        "{:?}",
        label.text_content()
    );
}
