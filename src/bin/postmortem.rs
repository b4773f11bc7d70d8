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
        Some((command, [dir])) if command == "index" => index(dir),
        _ => {
            eprintln!("usage: postmortem lint FILE... | postmortem index DIR");
            ExitCode::from(2)
        }
    }
}

/// `postmortem index DIR`: validates every postmortem in DIR and writes DIR/index.json.
fn index(dir: &str) -> ExitCode {
    match postmortem_explorer::analysis::catalogue::index_dir(std::path::Path::new(dir)) {
        Ok(reports) => {
            for report in &reports {
                for diagnostic in &report.diagnostics {
                    println!("{dir}/{}:{diagnostic}", report.src);
                }
            }
            let failed = reports.iter().filter(|r| r.has_errors()).count();
            println!(
                "{dir}/index.json: {} files checked, {failed} with errors",
                reports.len()
            );
            if failed > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            eprintln!("{dir}: error: {error}");
            ExitCode::FAILURE
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
