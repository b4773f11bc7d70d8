//! `postmortem`: the command-line tool over the same parser the app uses, for docs CI.
//!
//! * `postmortem lint FILE...` prints `file:line:col: severity: message` for every diagnostic
//!   and exits 1 when any file has an error (or cannot be read).
//! * `postmortem convert FILE --to json|toml|yaml|md` prints the normalized incident; the
//!   diagnostics go to standard error, and it exits 1 when the file has an error.
//! * `postmortem index DIR [--render]` validates every postmortem in DIR and writes
//!   DIR/index.json for the catalogue (and, with `--render`, FILE.html beside each file); it
//!   exits 1 when any file has an error.
//! * `postmortem render FILE [--metrics FILE] [-o OUT.html]` writes a self-contained HTML report
//!   (no script); with `--svg timeline|chart|illustration [--theme light|dark]`, one picture
//!   as a standalone SVG. Standard output without `-o`.
//!
//! The format of each input is picked by its extension, else by its content. Inputs are read
//! as the page reads them: at most [`MAX_BYTES`](postmortem_explorer::loading::MAX_BYTES),
//! UTF-8, UTF-16 or Windows-1252 (a note says which, as a warning at 1:1), binary files
//! refused. Everything printed for a person
//! (diagnostics, file names, and `convert`/`render` output when standard output is a terminal)
//! has its control characters escaped ([`escape_controls`]), so a file cannot drive the
//! terminal. Exit codes: 0 success, 1 an input has an error, 2 the command line is wrong.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use postmortem_explorer::draw::palette::Theme;
use postmortem_explorer::export::report::{figure_svg, report_html, Figure, ReportOptions};
use postmortem_explorer::export::terminal::escape_controls;
use postmortem_explorer::export::{to_markdown, to_structured};
use postmortem_explorer::loading::{
    read_metrics, read_path_named, read_stream, Decoded, LoadError,
};
use postmortem_explorer::parse::{parse_document, Diagnostic, Parsed, Syntax};

const USAGE: &str = "usage: postmortem lint FILE...
       postmortem convert FILE --to json|toml|yaml|md
       postmortem index DIR [--render]
       postmortem render FILE [--metrics FILE] [-o OUT.html]
       postmortem render FILE --svg timeline|chart|illustration [--theme light|dark] [--metrics FILE] [-o OUT.svg]

  lint     print every diagnostic as file:line:col: severity: message; exit 1 on errors
  convert  print the incident in another format (diagnostics go to stderr)
  index    validate every postmortem in DIR and write DIR/index.json for the catalogue;
           --render also writes DIR/FILE.html, the report of each file
  render   write a self-contained HTML report (inline CSS and SVG, no script), or with --svg
           one picture as a standalone SVG (light theme unless --theme dark); stdout without -o

FILE is plain text, Markdown, an HTML page, JSON, TOML or YAML (by extension, else by content); `-` reads stdin.
Files are limited to 20 MB; UTF-8, UTF-16 and Windows-1252 are read (a warning names any but UTF-8).
Exit codes: 0 ok, 1 an input has errors, 2 usage error.";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Lint(Vec<String>),
    Convert { file: String, to: Target },
    Index { dir: String, render: bool },
    Render(Render),
}

/// What `render` is asked to write.
#[derive(Debug, PartialEq, Eq)]
struct Render {
    file: String,
    /// A metrics file to chart with the incident.
    metrics: Option<String>,
    /// Where to write (standard output when `None`).
    output: Option<String>,
    /// One picture as SVG instead of the HTML report.
    figure: Option<Figure>,
    /// The picture's colours (only with `figure`).
    theme: Theme,
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
        Ok(Command::Index { dir, render }) => index(&dir, render),
        Ok(Command::Render(request)) => render(&request),
        Err(message) => {
            eprintln!("postmortem: {}\n\n{USAGE}", shown(&message));
            ExitCode::from(2)
        }
    }
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err("expected a command: lint, convert, index or render".into());
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
        "index" => parse_index(rest),
        "render" => parse_render(rest),
        other => Err(format!(
            "unknown command `{other}`; expected lint, convert, index or render"
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

fn parse_index(rest: &[String]) -> Result<Command, String> {
    let mut dir = None;
    let mut render = false;
    for arg in rest {
        match arg.as_str() {
            "--render" => render = true,
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            _ if dir.is_some() => return Err("index expects exactly one DIR".into()),
            _ => dir = Some(arg.clone()),
        }
    }
    Ok(Command::Index {
        dir: dir.ok_or("index expects exactly one DIR")?,
        render,
    })
}

/// The options of `render`, each given once, as `--name VALUE` or `--name=VALUE`.
fn parse_render(rest: &[String]) -> Result<Command, String> {
    let mut file = None;
    let mut metrics = None;
    let mut output = None;
    let mut figure = None;
    let mut theme = None;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let slot = match name {
            "--metrics" => &mut metrics,
            "-o" | "--output" => &mut output,
            "--svg" => &mut figure,
            "--theme" => &mut theme,
            "-" => {
                set_once(&mut file, arg, "render takes exactly one FILE")?;
                continue;
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            _ => {
                set_once(&mut file, arg, "render takes exactly one FILE")?;
                continue;
            }
        };
        let value = match inline {
            Some(value) => value,
            None => args
                .next()
                .filter(|v| !v.starts_with("--"))
                .ok_or_else(|| format!("`{name}` expects a value"))?
                .clone(),
        };
        set_once(slot, &value, &format!("`{name}` is given twice"))?;
    }
    let figure = figure
        .map(|name| {
            Figure::from_name(&name).ok_or_else(|| {
                format!("unknown picture `{name}` for `--svg`; expected timeline, chart or illustration")
            })
        })
        .transpose()?;
    if theme.is_some() && figure.is_none() {
        return Err("`--theme` goes with `--svg` (the HTML report holds both themes)".into());
    }
    let theme = match theme.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        Some(other) => {
            return Err(format!(
                "unknown theme `{other}` for `--theme`; expected light or dark"
            ))
        }
    };
    Ok(Command::Render(Render {
        file: file.ok_or("render expects a FILE")?,
        metrics,
        output,
        figure,
        theme,
    }))
}

/// Sets `slot` to `value`, or fails with `twice` when it is set already.
fn set_once(slot: &mut Option<String>, value: &str, twice: &str) -> Result<(), String> {
    if slot.is_some() {
        return Err(twice.to_string());
    }
    *slot = Some(value.to_string());
    Ok(())
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

/// `text` with control characters escaped, for one line meant for a person.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(text, false)
}

/// One diagnostic of `file` as a line: `file:line:col: severity: message`, escaped.
fn diagnostic_line(file: &str, diagnostic: &Diagnostic) -> String {
    shown(&format!("{file}:{diagnostic}")).into_owned()
}

/// Reads and decodes one file (`-` is standard input) as the page does: the size limit (by
/// the file's stated size before reading, and never more than one byte past it) and the
/// decoding with its note. The error is a line ready to print.
fn read_text(file: &str) -> Result<Decoded, String> {
    let result = if file == "-" {
        read_stream("the input", std::io::stdin().lock())
    } else {
        read_path_named(std::path::Path::new(file), "the file")
    };
    result.map_err(|error| match error {
        LoadError::Unreadable { reason, .. } => {
            shown(&format!("{file}: error: cannot read: {reason}")).into_owned()
        }
        other => shown(&format!("{file}: error: {other}")).into_owned(),
    })
}

/// Reads and parses one file (`-` is standard input); a decoding note becomes the first
/// diagnostic, a warning at 1:1.
fn read(file: &str) -> Result<Parsed, String> {
    let decoded = read_text(file)?;
    let mut parsed = parse_document(file, &decoded.text);
    if let Some(note) = decoded.note {
        parsed
            .diagnostics
            .insert(0, Diagnostic::warning(1, 1, note, ""));
    }
    Ok(parsed)
}

/// Writes `text` to standard output, ending with a newline when `newline`: as it is into a
/// file or pipe (it is data there), with control characters escaped on a terminal.
fn write_output(text: &str, newline: bool) {
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let mut out = stdout.lock();
    let text = if terminal {
        escape_controls(text, true)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let _ = out.write_all(text.as_bytes());
    if newline && !text.ends_with('\n') {
        let _ = out.write_all(b"\n");
    }
}

fn lint(files: &[String]) -> ExitCode {
    let mut failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in files {
        match read(file) {
            Ok(parsed) => {
                for diagnostic in &parsed.diagnostics {
                    let _ = writeln!(out, "{}", diagnostic_line(file, diagnostic));
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

/// Reads `file` and prints its diagnostics on standard error; `None` (with the reason said)
/// when it cannot be read or has an error, so that nothing is `done` to it.
fn read_usable(file: &str, done: &str) -> Option<Parsed> {
    let parsed = match read(file) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return None;
        }
    };
    for diagnostic in &parsed.diagnostics {
        eprintln!("{}", diagnostic_line(file, diagnostic));
    }
    if parsed.has_errors() {
        eprintln!("{}: not {done}: it has errors", shown(file));
        return None;
    }
    Some(parsed)
}

fn convert(file: &str, to: Target) -> ExitCode {
    let Some(parsed) = read_usable(file, "converted") else {
        return ExitCode::FAILURE;
    };
    let written = match to {
        Target::Structured(syntax) => to_structured(&parsed.incident, syntax),
        Target::Markdown => Ok(to_markdown(&parsed.incident)),
    };
    match written {
        Ok(text) => {
            write_output(&text, true);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!(
                "{}",
                shown(&format!("{file}: error: cannot write: {error}"))
            );
            ExitCode::FAILURE
        }
    }
}

/// `postmortem render`: the HTML report of one postmortem, or one of its pictures as SVG.
fn render(request: &Render) -> ExitCode {
    let file = request.file.as_str();
    let Some(mut parsed) = read_usable(file, "rendered") else {
        return ExitCode::FAILURE;
    };
    if let Some(metrics) = &request.metrics {
        let decoded = match read_text(metrics) {
            Ok(decoded) => decoded,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::FAILURE;
            }
        };
        if let Some(note) = &decoded.note {
            let note = Diagnostic::warning(1, 1, note.as_str(), "");
            eprintln!("{}", diagnostic_line(metrics, &note));
        }
        let (series, diagnostics) = read_metrics(metrics, &decoded.text);
        for diagnostic in &diagnostics {
            eprintln!("{}", diagnostic_line(metrics, diagnostic));
        }
        parsed.incident.metrics.extend(series);
    }
    let written = match request.figure {
        Some(figure) => match figure_svg(&parsed, figure, request.theme) {
            Some(svg) => svg,
            None => {
                eprintln!(
                    "{}: error: no {} to draw (it needs timed events{})",
                    shown(file),
                    figure.name(),
                    if figure == Figure::Chart {
                        ", and metrics or a stated impact"
                    } else {
                        ""
                    }
                );
                return ExitCode::FAILURE;
            }
        },
        None => report_html(&parsed, &report_options(file)),
    };
    match &request.output {
        Some(path) => match std::fs::write(path, written.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!(
                    "{}",
                    shown(&format!("{path}: error: cannot write: {error}"))
                );
                ExitCode::FAILURE
            }
        },
        None => {
            write_output(&written, false);
            ExitCode::SUCCESS
        }
    }
}

/// The report's options for `file`: its name as given, and this year.
fn report_options(file: &str) -> ReportOptions<'_> {
    use chrono::Datelike;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    let this_year = chrono::DateTime::from_timestamp(now, 0).map_or(2026, |t| t.year());
    ReportOptions {
        source_name: if file == "-" { "" } else { file },
        this_year,
    }
}

/// `postmortem index DIR`: validates every postmortem in DIR and writes DIR/index.json; with
/// `--render`, also the report of each file without errors beside it (FILE.html).
fn index(dir: &str, render: bool) -> ExitCode {
    match postmortem_explorer::analysis::catalogue::index_dir(std::path::Path::new(dir)) {
        Ok(reports) => {
            for report in &reports {
                for diagnostic in &report.diagnostics {
                    println!(
                        "{}",
                        diagnostic_line(&format!("{dir}/{}", report.src), diagnostic)
                    );
                }
            }
            let mut unwritten = 0;
            if render {
                for report in reports.iter().filter(|r| !r.has_errors()) {
                    let path = format!("{dir}/{}", report.src);
                    let written = read(&path).and_then(|parsed| {
                        let html = report_html(&parsed, &report_options(&report.src));
                        std::fs::write(format!("{path}.html"), html)
                            .map_err(|error| format!("{path}.html: error: cannot write: {error}"))
                    });
                    if let Err(message) = written {
                        eprintln!("{}", shown(&message));
                        unwritten += 1;
                    }
                }
            }
            let failed = reports.iter().filter(|r| r.has_errors()).count();
            let dir = shown(dir);
            println!(
                "{dir}/index.json: {} files checked, {failed} with errors",
                reports.len()
            );
            if render {
                println!(
                    "{dir}: {} reports written",
                    reports.iter().filter(|r| !r.has_errors()).count() - unwritten
                );
            }
            if failed > 0 || unwritten > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            eprintln!("{}", shown(&format!("{dir}: error: {error}")));
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
        assert_eq!(
            parse_args(&args("index public/incidents --render")),
            Ok(Command::Index {
                dir: "public/incidents".into(),
                render: true
            })
        );
    }

    #[test]
    fn reads_the_render_options() {
        assert_eq!(
            parse_args(&args("render a.txt")),
            Ok(Command::Render(Render {
                file: "a.txt".into(),
                metrics: None,
                output: None,
                figure: None,
                theme: Theme::Light,
            }))
        );
        assert_eq!(
            parse_args(&args("render a.md --metrics m.csv -o out.html")),
            Ok(Command::Render(Render {
                file: "a.md".into(),
                metrics: Some("m.csv".into()),
                output: Some("out.html".into()),
                figure: None,
                theme: Theme::Light,
            }))
        );
        assert_eq!(
            parse_args(&args("render --svg=Chart --theme dark --output=c.svg -")),
            Ok(Command::Render(Render {
                file: "-".into(),
                metrics: None,
                output: Some("c.svg".into()),
                figure: Some(Figure::Chart),
                theme: Theme::Dark,
            }))
        );
        assert_eq!(
            parse_args(&args("render a --svg illustration --theme light")),
            Ok(Command::Render(Render {
                file: "a".into(),
                metrics: None,
                output: None,
                figure: Some(Figure::Illustration),
                theme: Theme::Light,
            }))
        );
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
            ("index", "exactly one DIR"),
            ("index a b", "exactly one DIR"),
            ("index a --html", "unknown option `--html`"),
            ("render", "render expects a FILE"),
            ("render a b", "exactly one FILE"),
            ("render a --svg pie", "unknown picture `pie`"),
            ("render a --svg", "`--svg` expects a value"),
            ("render a -o", "`-o` expects a value"),
            (
                "render a --metrics --svg chart",
                "`--metrics` expects a value",
            ),
            ("render a --theme dark", "`--theme` goes with `--svg`"),
            (
                "render a --svg chart --theme sepia",
                "unknown theme `sepia`",
            ),
            (
                "render a -o x.html --output y.html",
                "`--output` is given twice",
            ),
            ("render a --to json", "unknown option `--to`"),
            ("render a -x", "unknown option `-x`"),
        ] {
            let error = parse_args(&args(line)).unwrap_err();
            assert!(error.contains(expected), "{line:?}: {error}");
        }
    }
}
