//! `postmortem`: the command-line tool over the same parser the app uses, for docs CI.
//!
//! * `postmortem lint FILE...` prints `file:line:col: severity: message` for every diagnostic
//!   and exits 1 when any file has an error (or cannot be read).
//! * `postmortem convert FILE --to json|toml|yaml|md` prints the normalized incident; the
//!   diagnostics go to standard error, and it exits 1 when the file has an error.
//! * `postmortem index DIR` validates every postmortem in DIR and writes DIR/index.json for
//!   the catalogue; it exits 1 when any file has an error.
//!
//! The format of each input is picked by its extension, else by its content. Exit codes:
//! 0 success, 1 an input has an error, 2 the command line is wrong.

use std::io::Write;
use std::process::ExitCode;

use postmortem_explorer::export::{to_markdown, to_structured};
use postmortem_explorer::parse::{parse_document, Parsed, Syntax};

const USAGE: &str = "usage: postmortem lint FILE...
       postmortem convert FILE --to json|toml|yaml|md
       postmortem index DIR

  lint     print every diagnostic as file:line:col: severity: message; exit 1 on errors
  convert  print the incident in another format (diagnostics go to stderr)
  index    validate every postmortem in DIR and write DIR/index.json for the catalogue

FILE is plain text, Markdown, JSON, TOML or YAML (by extension, else by content); `-` reads stdin.
Exit codes: 0 ok, 1 an input has errors, 2 usage error.";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Lint(Vec<String>),
    Convert { file: String, to: Target },
    Index(String),
}

/// An output format of `convert`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Structured(Syntax),
    Markdown,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Lint(files)) => lint(&files),
        Ok(Command::Convert { file, to }) => convert(&file, to),
        Ok(Command::Index(dir)) => index(&dir),
        Err(message) => {
            eprintln!("postmortem: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err("expected a command: lint, convert or index".into());
    };
    match command.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "lint" => {
            if let Some(flag) = rest.iter().find(|a| a.starts_with("--")) {
                return Err(format!("lint takes no option `{flag}`"));
            }
            if rest.is_empty() {
                return Err("lint expects at least one FILE".into());
            }
            Ok(Command::Lint(rest.to_vec()))
        }
        "convert" => parse_convert(rest),
        "index" => match rest {
            [dir] if !dir.starts_with("--") => Ok(Command::Index(dir.clone())),
            _ => Err("index expects exactly one DIR".into()),
        },
        other => Err(format!(
            "unknown command `{other}`; expected lint, convert or index"
        )),
    }
}

fn parse_convert(rest: &[String]) -> Result<Command, String> {
    let mut file = None;
    let mut to = None;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let value = if arg == "--to" {
            Some(
                args.next()
                    .ok_or("`--to` expects json, toml, yaml or md")?
                    .as_str(),
            )
        } else {
            arg.strip_prefix("--to=")
        };
        match value {
            Some(value) => to = Some(target(value)?),
            None if arg.starts_with("--") => return Err(format!("unknown option `{arg}`")),
            None if file.is_some() => return Err("convert takes exactly one FILE".into()),
            None => file = Some(arg.clone()),
        }
    }
    Ok(Command::Convert {
        file: file.ok_or("convert expects a FILE")?,
        to: to.ok_or("convert expects `--to json|toml|yaml|md`")?,
    })
}

fn target(value: &str) -> Result<Target, String> {
    match value.to_ascii_lowercase().as_str() {
        "json" => Ok(Target::Structured(Syntax::Json)),
        "toml" => Ok(Target::Structured(Syntax::Toml)),
        "yaml" | "yml" => Ok(Target::Structured(Syntax::Yaml)),
        "md" | "markdown" | "text" | "txt" => Ok(Target::Markdown),
        other => Err(format!(
            "unknown format `{other}` for `--to`; expected json, toml, yaml or md"
        )),
    }
}

/// Reads and parses one file (`-` is standard input).
fn read(file: &str) -> Result<Parsed, String> {
    let bytes = if file == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map(|_| bytes)
    } else {
        std::fs::read(file)
    }
    .map_err(|error| format!("{file}: error: cannot read: {error}"))?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(parse_document(file, &text))
}

fn lint(files: &[String]) -> ExitCode {
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in files {
        match read(file) {
            Ok(parsed) => {
                for diagnostic in &parsed.diagnostics {
                    let _ = writeln!(out, "{file}:{diagnostic}");
                }
                failed |= parsed.has_errors();
            }
            Err(message) => {
                eprintln!("{message}");
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

fn convert(file: &str, to: Target) -> ExitCode {
    let parsed = match read(file) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    for diagnostic in &parsed.diagnostics {
        eprintln!("{file}:{diagnostic}");
    }
    if parsed.has_errors() {
        eprintln!("{file}: not converted: it has errors");
        return ExitCode::FAILURE;
    }
    let written = match to {
        Target::Structured(syntax) => to_structured(&parsed.incident, syntax),
        Target::Markdown => Ok(to_markdown(&parsed.incident)),
    };
    match written {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(text.as_bytes());
            if !text.ends_with('\n') {
                let _ = out.write_all(b"\n");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{file}: error: cannot write: {error}");
            ExitCode::FAILURE
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn reads_the_command_line() {
        assert_eq!(
            parse_args(&args("lint a b")),
            Ok(Command::Lint(args("a b")))
        );
        assert_eq!(
            parse_args(&args("convert a.txt --to yaml")),
            Ok(Command::Convert {
                file: "a.txt".into(),
                to: Target::Structured(Syntax::Yaml)
            })
        );
        assert_eq!(
            parse_args(&args("convert --to=md a.json")),
            Ok(Command::Convert {
                file: "a.json".into(),
                to: Target::Markdown
            })
        );
        assert_eq!(parse_args(&args("--help")), Ok(Command::Help));
    }

    #[test]
    fn explains_what_is_wrong() {
        for (line, expected) in [
            ("", "expected a command"),
            ("lint", "at least one FILE"),
            ("lint --fix a", "no option `--fix`"),
            ("convert a", "--to json|toml|yaml|md"),
            ("convert a --to xml", "unknown format `xml`"),
            ("convert a --to", "`--to` expects"),
            ("convert a b --to json", "exactly one FILE"),
            ("convert a --from x", "unknown option `--from`"),
            ("frobnicate", "unknown command `frobnicate`"),
        ] {
            let error = parse_args(&args(line)).unwrap_err();
            assert!(error.contains(expected), "{line:?}: {error}");
        }
    }
}
