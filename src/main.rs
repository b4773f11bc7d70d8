//! Entry point of the browser app: installs the panic hook and mounts the root component.

#[cfg(target_arch = "wasm32")]
fn main() {
    postmortem_explorer::ui::start(postmortem_explorer::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("postmortem-explorer is a browser app: build it with `trunk build --release`.");
    eprintln!("For the command-line tool, run `cargo run --bin postmortem -- --help`.");
}
