//! Helpers shared by the browser tests (`tests/web*.rs`): a container on the page, the app
//! mounted in it with a clean URL, a wait for effects and layout, and reading text back.
#![allow(dead_code)] // each test file uses its own subset

use leptos::prelude::*;
use postmortem_explorer::ui::App;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// A fresh `<div>` appended to the page, `width_px` wide when given.
pub fn container(width_px: Option<u32>) -> HtmlElement {
    let container: HtmlElement = document()
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    if let Some(width) = width_px {
        container
            .style()
            .set_property("width", &format!("{width}px"))
            .expect("style");
    }
    document()
        .body()
        .expect("the test page has a body")
        .append_child(&container)
        .expect("append");
    container
}

/// Mounts the whole app with a clean URL (views read their state from it) and waits for it.
pub async fn mount_app(width_px: Option<u32>) -> HtmlElement {
    let path = window().location().pathname().expect("a path");
    window()
        .history()
        .expect("history")
        .replace_state_with_url(&JsValue::NULL, "", Some(&path))
        .expect("replace the URL");
    let root = container(width_px);
    leptos::mount::mount_to(root.clone(), App).forget();
    settle().await;
    root
}

/// Lets effects run and the browser lay out: three ticks, each followed by an animation frame,
/// then as many more as the parts mounted after the first paint need (at most 60).
pub async fn settle() {
    for _ in 0..3 {
        tick_and_frame().await;
    }
    for _ in 0..60 {
        let pending = document()
            .query_selector("[data-deferred=pending]")
            .ok()
            .flatten()
            .is_some();
        if !pending {
            break;
        }
        tick_and_frame().await;
    }
}

async fn tick_and_frame() {
    leptos::task::tick().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The trimmed text of every element matching `selector` under `root`.
pub fn texts(root: &HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("a valid selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|node| node.text_content().unwrap_or_default().trim().to_string())
        .collect()
}
