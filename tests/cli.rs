//! The `postmortem` binary, run as docs CI would run it: output, messages and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use postmortem_explorer::parse::{parse_json, parse_text, parse_toml, parse_yaml};
use postmortem_explorer::sample::SAMPLE_TEXT;

mod support;
use support::{run, SEED};

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A file with `content` in a fresh directory under the target dir.
fn scratch(name: &str, content: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, content).expect("scratch file");
    path
}

#[test]
fn lint_prints_located_warnings_and_exits_0() {
    let output = run(&["lint", SEED]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "public/cookie-catastrophe.txt:2:1: warning: read `stmortem:` as a cut-off `Postmortem:` label; the title is the text after it (expected `Postmortem: Title`)\n"
    );
}

#[test]
fn lint_exits_1_on_an_error_and_reads_every_file() {
    let broken = scratch(
        "broken.json",
        "{\n  \"title\": \"x\",\n  \"timeline\": [{\"at\": \"noon\", \"text\": \"a\"}]\n}\n",
    );
    let broken = broken.to_string_lossy().into_owned();
    let output = run(&["lint", &broken, "public/samples/cookie-catastrophe.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    let prefix = format!("{broken}:3:");
    assert!(lines[0].starts_with(&prefix), "{text}");
    assert!(
        lines[0].contains(": error: expected an ISO 8601 time"),
        "{text}"
    );
}

#[test]
fn lint_exits_1_when_a_file_cannot_be_read() {
    let output = run(&["lint", "no/such/file.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("no/such/file.txt: error: cannot read:"));
}

#[test]
fn lint_warns_about_unknown_keys() {
    let file = scratch("unknown.toml", "title = \"x\"\ncolour = \"red\"\n");
    let output = run(&["lint", &file.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0));
    let expected = format!(
        "{}:2:1: warning: unknown key `colour` was ignored;",
        file.to_string_lossy()
    );
    assert!(
        stdout(&output).starts_with(&expected),
        "{}",
        stdout(&output)
    );
}

#[test]
fn convert_to_json_writes_iso_8601_moments() {
    let output = run(&["convert", SEED, "--to", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let json = stdout(&output);
    let read = parse_json(&json);
    assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
    assert_eq!(read.incident, parse_text(SAMPLE_TEXT).incident);
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let times: Vec<&str> = value["timeline"]
        .as_array()
        .expect("a timeline")
        .iter()
        .map(|event| event["at"].as_str().expect("a string"))
        .collect();
    assert_eq!(times.len(), 9);
    assert_eq!(times[0], "2024-01-15T10:00:00-05:00");
    assert_eq!(times[8], "2024-01-15T14:00:00-05:00");
    // The seed's one warning goes to stderr, never into the converted output.
    assert!(stderr(&output).contains(":2:1: warning:"));
}

#[test]
fn convert_matches_the_shipped_samples() {
    let seed = parse_text(SAMPLE_TEXT).incident;
    for (to, read) in [
        ("json", parse_json as fn(&str) -> _),
        ("toml", parse_toml),
        ("yaml", parse_yaml),
    ] {
        let output = run(&["convert", SEED, "--to", to]);
        assert_eq!(output.status.code(), Some(0));
        let sample_path = format!("public/samples/cookie-catastrophe.{to}");
        let sample =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&sample_path))
                .expect("the sample is shipped");
        assert_eq!(stdout(&output), sample, "{sample_path} is stale");
        assert_eq!(read(&sample).incident, seed, "{sample_path}");
    }
}

#[test]
fn convert_between_structured_formats_and_markdown() {
    let output = run(&[
        "convert",
        "public/samples/cookie-catastrophe.yaml",
        "--to=md",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let markdown = stdout(&output);
    assert!(markdown.starts_with("# The Great Cookie Catastrophe\n"));
    assert_eq!(
        parse_text(&markdown).incident,
        parse_text(SAMPLE_TEXT).incident
    );
}

#[test]
fn convert_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postmortem"))
        .args(["convert", "-", "--to", "toml"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"{\"title\": \"Piped\"}")
        .expect("written");
    let output = child.wait_with_output().expect("it ends");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "title = \"Piped\"\n");
}

#[test]
fn convert_refuses_a_file_with_errors() {
    let file = scratch("bad.yaml", "title: [unclosed\n");
    let output = run(&["convert", &file.to_string_lossy(), "--to", "json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains(": error: "), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("not converted"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn usage_errors_exit_2_with_a_reason() {
    for (args, reason) in [
        (vec![], "expected a command"),
        (vec!["lint"], "lint expects at least one FILE"),
        (
            vec!["convert", SEED],
            "convert expects `--to json|toml|yaml|md`",
        ),
        (vec!["convert", SEED, "--to", "xml"], "unknown format `xml`"),
        (vec!["explode"], "unknown command `explode`"),
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stdout(&output).is_empty(), "{args:?}");
        let message = stderr(&output);
        assert!(message.starts_with("postmortem: "), "{message}");
        assert!(message.contains(reason), "{args:?}: {message}");
        assert!(
            message.contains("usage: postmortem lint FILE..."),
            "{message}"
        );
    }
}

#[test]
fn help_exits_0() {
    let output = run(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("postmortem convert FILE --to json|toml|yaml|md"));
}

/// A file with `bytes` in the scratch directory.
fn scratch_bytes(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("scratch file");
    path
}

#[test]
fn lint_output_cannot_drive_the_terminal() {
    // The clipboard-writing OSC 52 and a clear-screen, in the file's name and in its keys
    // (JSON escapes become raw control characters once read).
    let file = scratch(
        "evil\u{1b}[2J\u{7}.json",
        "{\"title\": \"x\",\n \"\\u001b]52;c;ZXZpbA==\\u0007\": 1,\n \"\\u001b[2J\\u202e\": 2}\n",
    );
    let output = run(&["lint", &file.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 2, "{text}");
    for raw in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(!text.contains(raw), "raw {raw:?} in {text:?}");
    }
    // Located at 1:1: the key is written with JSON escapes, so it is not found as read.
    assert!(
        text.contains(
            "evil\\u{1b}[2J\\u{7}.json:1:1: warning: unknown key `\\u{1b}]52;c;ZXZpbA==\\u{7}`"
        ),
        "{text}"
    );
    assert!(text.contains("`\\u{1b}[2J\\u{202e}`"), "{text}");

    // A file that cannot be read says so with its name escaped too.
    let output = run(&["lint", "no/such/\u{1b}]0;title\u{7}"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!stderr(&output).contains('\u{1b}'), "{}", stderr(&output));
}

#[test]
fn files_over_the_limit_are_refused_before_reading() {
    // Sparse: 25 MB stated, nothing written.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("huge.txt");
    let file = std::fs::File::create(&path).expect("created");
    file.set_len(25 * 1024 * 1024).expect("sized");
    let path = path.to_string_lossy().into_owned();
    let output = run(&["lint", &path]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert_eq!(
        stderr(&output),
        format!("{path}: error: the file is 25.0 MB; the limit is 20.0 MB. Split the file or trim its metrics.\n")
    );
}

#[test]
fn an_endless_stream_stops_at_the_limit() {
    if !Path::new("/dev/urandom").exists() {
        return;
    }
    let output = run(&["lint", "/dev/urandom"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    // Random bytes hold zeros early on; either way nothing past the limit is read.
    assert!(
        message.starts_with("/dev/urandom: error: the file is ")
            && (message.contains("over the limit of 20.0 MB")
                || message.contains("not a text file")),
        "{message}"
    );
}

#[test]
fn standard_input_has_the_same_limit() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postmortem"))
        .args(["lint", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let chunk = vec![b'a'; 1024 * 1024];
        // The reader stops after 20 MB + 1 byte and closes the pipe: writing then fails.
        for _ in 0..22 {
            if stdin.write_all(&chunk).is_err() {
                break;
            }
        }
    });
    let output = child.wait_with_output().expect("it ends");
    writer.join().expect("the writer ends");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "-: error: the input is over the limit of 20.0 MB. Split the file or trim its metrics.\n"
    );
}

#[test]
fn utf16_files_are_linted_with_a_note() {
    let utf16: Vec<u8> = [0xFEFF_u16]
        .into_iter()
        .chain(SAMPLE_TEXT.encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let file = scratch_bytes("utf16.txt", &utf16);
    let file = file.to_string_lossy().into_owned();
    let output = run(&["lint", &file]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        format!("{file}:1:1: warning: read as UTF-16 LE (byte-order mark)")
    );
    assert!(lines[1].starts_with(&format!("{file}:2:1: warning: read `stmortem:`")));
    // Converted, it is the same incident as the UTF-8 seed; the note goes to stderr.
    let output = run(&["convert", &file, "--to", "json"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        parse_json(&stdout(&output)).incident,
        parse_text(SAMPLE_TEXT).incident
    );
    assert!(stderr(&output).contains(":1:1: warning: read as UTF-16 LE"));
}

#[test]
fn windows_1252_files_are_read_with_a_note() {
    let file = scratch_bytes("cp1252.txt", b"Title: Caf\xE9 outage \x96 \x93cache\x94\n");
    let output = run(&["convert", &file.to_string_lossy(), "--to", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        parse_json(&stdout(&output)).incident.title,
        "Café outage – “cache”"
    );
    assert!(
        stderr(&output).contains(":1:1: warning: not UTF-8: read as Windows-1252"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn binary_files_are_named_for_what_they_look_like() {
    let png = scratch_bytes("picture.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    let png = png.to_string_lossy().into_owned();
    let output = run(&["lint", &png]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!("{png}: error: the file is not a text file: it looks like a PNG image.\n")
    );
    let zip = scratch_bytes(
        "report.md",
        b"PK\x03\x04\x14\0\x06\0\x08\0[Content_Types].xml",
    );
    let output = run(&["convert", &zip.to_string_lossy(), "--to", "json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("looks like a ZIP archive"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}
