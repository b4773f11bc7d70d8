//! Entry point of the browser app: installs the panic hook and mounts the root component.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(postmortem_explorer::ui::App);
    // The static first paint of the sample (index.html) has done its job.
    if let Some(first_paint) = leptos::prelude::document().get_element_by_id("first-paint") {
        first_paint.remove();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("postmortem-explorer is a browser app: build it with `trunk build --release`.");
    eprintln!("For the command-line tool, run `cargo run --bin postmortem -- --help`.");
}
