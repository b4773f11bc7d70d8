//! `postmortem`: the command-line tool over the same parser the app uses, for docs CI.
//!
//! `postmortem lint FILE...` prints `file:line:col: severity: message` for every diagnostic
//! and exits 1 when any file has an error (or cannot be read).

use std::process::ExitCode;

use postmortem_explorer::parse::{parse_text, Severity};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.split_first() {
        Some((command, files)) if command == "lint" && !files.is_empty() => lint(files),
        _ => {
            eprintln!("usage: postmortem lint FILE...");
            ExitCode::from(2)
        }
    }
}

fn lint(files: &[String]) -> ExitCode {
    let mut failed = false;
    for file in files {
        match std::fs::read(file) {
            Ok(bytes) => {
                let parsed = parse_text(&String::from_utf8_lossy(&bytes));
                for diagnostic in &parsed.diagnostics {
                    println!("{file}:{diagnostic}");
                    failed |= diagnostic.severity == Severity::Error;
                }
            }
            Err(error) => {
                eprintln!("{file}: error: cannot read: {error}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
