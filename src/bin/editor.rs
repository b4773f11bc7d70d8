//! The editor (`?view=edit`): a bundle of its own, so the explorer's first download does not
//! carry it. `public/boot.js` starts it instead of the explorer when the address asks for the
//! editor; Trunk builds it like the parse worker (`data-type="worker"` in `index.html`, which
//! gives a script that defines `wasm_bindgen` rather than an ES module).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(postmortem_explorer::ui::EditorApp);
    if let Some(first_paint) = leptos::prelude::document().get_element_by_id("first-paint") {
        first_paint.remove();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("editor runs in the browser, started by the app for ?view=edit (see `trunk build --release`).");
}
