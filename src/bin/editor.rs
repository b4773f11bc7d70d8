//! The editor (`?view=edit`): a bundle of its own, so the explorer's first download does not
//! carry it. `public/boot.js` starts it instead of the explorer when the address asks for the
//! editor; Trunk builds it like the parse worker (`data-type="worker"` in `index.html`, which
//! gives a script that defines `wasm_bindgen` rather than an ES module).

#[cfg(target_arch = "wasm32")]
fn main() {
    postmortem_explorer::ui::start(postmortem_explorer::ui::EditorApp);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("editor runs in the browser, started by the app for ?view=edit (see `trunk build --release`).");
}
