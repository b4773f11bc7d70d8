//! What the native tests of the `postmortem` binary share: running it as docs CI would.

use std::process::{Command, Output};

/// The seed postmortem, relative to the crate root.
pub const SEED: &str = "public/cookie-catastrophe.txt";

/// Runs `postmortem ARGS…` in the crate root.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_postmortem"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}
