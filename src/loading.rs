//! What happens to loaded bytes before the views see them, without the browser: the size
//! limit, text decoding (see [`encoding`]), the error messages a reader sees, and the choice
//! between "a new incident" and "metric series for the open incident". The browser and the
//! `postmortem` CLI both go through [`decode`]; the CLI reads files with [`read_path`].
//!
//! Metric files go to [`crate::parse::parse_metrics`] (CSV, Prometheus `query_range` JSON);
//! Prometheus text exposition (`# HELP` / `# TYPE` dumps) is read here as well.

use std::fmt;
use std::io::Read;

pub mod encoding;
pub mod wire;

pub use encoding::Decoded;

use crate::model::MetricSeries;
use crate::parse::{
    duplicate_warning, parse_document, parse_metrics, settle_points, value_out_of_range,
    Diagnostic, Parsed, MAX_TIME_MS,
};

/// The largest file the app opens, in bytes (20 MB).
pub const MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Why a file or URL could not be opened. Each case has its own message; the open incident
/// stays as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        /// File name or URL.
        name: String,
        /// Its size in bytes.
        bytes: u64,
    },
    /// The server answered 404.
    NotFound {
        /// The URL asked for.
        url: String,
    },
    /// The server answered with another non-success status.
    HttpStatus {
        /// The URL asked for.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// No answer at all: offline, DNS, or the server does not allow cross-origin reads (CORS).
    Network {
        /// The URL asked for.
        url: String,
    },
    /// The browser could not read the file.
    Unreadable {
        /// File name.
        name: String,
        /// What the browser said.
        reason: String,
    },
    /// The bytes are not text in any encoding read (see [`encoding`]).
    NotText {
        /// File name or URL.
        name: String,
        /// What the bytes look like instead, e.g. "a PNG image".
        looks_like: &'static str,
    },
    /// The clipboard or drop held no file and no text.
    Empty,
    /// The text is plainly not a postmortem (a web page, or nothing in it could be read).
    NotAPostmortem {
        /// File name or URL.
        name: String,
        /// What it is instead.
        reason: &'static str,
    },
    /// The page's reader, a web worker, could not start or answered nothing usable (the page
    /// has no reader of its own).
    NoWorker {
        /// File name or URL.
        name: String,
    },
}

impl LoadError {
    /// A short machine-readable name, used as `data-error` in the page (and by tests).
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::TooLarge { .. } => "too-large",
            LoadError::NotFound { .. } => "not-found",
            LoadError::HttpStatus { .. } => "http-status",
            LoadError::Network { .. } => "network",
            LoadError::Unreadable { .. } => "unreadable",
            LoadError::NotText { .. } => "not-text",
            LoadError::Empty => "empty",
            LoadError::NotAPostmortem { .. } => "not-a-postmortem",
            LoadError::NoWorker { .. } => "no-worker",
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // A stream cut off one byte past the limit has no size of its own to tell.
            LoadError::TooLarge { name, bytes } if megabytes(*bytes) == megabytes(MAX_BYTES) => {
                write!(
                    f,
                    "{name} is over the limit of {}. Split the file or trim its metrics.",
                    megabytes(MAX_BYTES)
                )
            }
            LoadError::TooLarge { name, bytes } => write!(
                f,
                "{name} is {}; the limit is {}. Split the file or trim its metrics.",
                megabytes(*bytes),
                megabytes(MAX_BYTES)
            ),
            LoadError::NotFound { url } => {
                write!(f, "Nothing was found at {url} (404). Check the address.")
            }
            LoadError::HttpStatus { url, status } => {
                write!(f, "The server answered {status} for {url}.")
            }
            LoadError::Network { url } => write!(
                f,
                "Could not reach {url}: the network failed, or the server does not allow this \
                 page to read it (CORS). Download the file and open it here instead."
            ),
            LoadError::Unreadable { name, reason } => {
                write!(f, "Could not read {name}: {reason}.")
            }
            LoadError::NotText { name, looks_like } => {
                write!(f, "{name} is not a text file: it looks like {looks_like}.")
            }
            LoadError::Empty => f.write_str("There was no file or text to open."),
            LoadError::NotAPostmortem { name, reason } => {
                write!(f, "{name} is not a postmortem: {reason}.")
            }
            LoadError::NoWorker { name } => write!(
                f,
                "Could not read {name}: the page reads files in a background worker, and it did \
                 not start (its files are missing, or the site's Content-Security-Policy refuses \
                 workers). Reload the page to try again."
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// `bytes` as megabytes with one decimal, e.g. "20.0 MB".
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// Refuses sizes over [`MAX_BYTES`].
pub fn check_size(name: &str, bytes: u64) -> Result<(), LoadError> {
    if bytes > MAX_BYTES {
        Err(LoadError::TooLarge {
            name: name.to_string(),
            bytes,
        })
    } else {
        Ok(())
    }
}

/// The bytes as text, without a byte-order mark: UTF-8, UTF-16 or Windows-1252 (see
/// [`encoding`]). The [`Decoded::note`] says when anything but UTF-8 was assumed; the caller
/// shows it with the file. Binary data is refused with [`LoadError::NotText`], naming what it
/// looks like.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<Decoded, LoadError> {
    check_size(name, bytes.len() as u64)?;
    encoding::decode_bytes(bytes).map_err(|looks_like| LoadError::NotText {
        name: name.to_string(),
        looks_like,
    })
}

/// Reads at most [`MAX_BYTES`] from `reader` (one byte more, to tell that there is more) and
/// decodes it: a stream that goes on (a pipe, `/dev/urandom`) stops at the limit.
pub fn read_stream(name: &str, reader: impl Read) -> Result<Decoded, LoadError> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| LoadError::Unreadable {
            name: name.to_string(),
            reason: error.to_string(),
        })?;
    decode(name, bytes)
}

/// Reads and decodes the file at `path`, refusing it by its size before reading when the
/// file system states one, and never reading more than one byte past [`MAX_BYTES`].
pub fn read_path(path: &std::path::Path) -> Result<Decoded, LoadError> {
    read_path_named(path, &path.display().to_string())
}

/// [`read_path`], calling the file `name` in messages.
pub fn read_path_named(path: &std::path::Path, name: &str) -> Result<Decoded, LoadError> {
    let unreadable = |error: std::io::Error| LoadError::Unreadable {
        name: name.to_string(),
        reason: error.to_string(),
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let metadata = file.metadata().map_err(unreadable)?;
    if metadata.is_file() {
        check_size(name, metadata.len())?;
    }
    read_stream(name, file)
}

/// The last path segment of a URL or path, without query or fragment: the name shown for it.
pub fn display_name(src: &str) -> String {
    let path = src.split(['?', '#']).next().unwrap_or(src);
    path.trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|name| !name.is_empty())
        .unwrap_or(src)
        .to_string()
}

/// What a loaded file turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// A postmortem: open it instead of the current one.
    Incident(Box<Parsed>),
    /// Metric series: attach them to the open incident.
    Metrics {
        /// The series read.
        series: Vec<MetricSeries>,
        /// Lines skipped.
        diagnostics: Vec<Diagnostic>,
    },
}

/// Why `text` plainly is not a postmortem, if it is not: a web page where the name asked for
/// another format (a host's error or index page answering in its place), this app's own page
/// (a host that serves it for every path), or a reading that found nothing at all in it. A
/// page asked for as `.html`, or pasted, is a postmortem published as a web page: it is read;
/// so is a page asked for as text or Markdown that reads as a postmortem (a timeline, a root
/// cause, a resolution or action items: a page saved as `postmortem.md`, not a host's page).
pub fn not_a_postmortem(name: &str, loaded: &Loaded, text: &str) -> Option<LoadError> {
    let reason = if crate::parse::is_html_page(text) && is_host_page(name, text, loaded) {
        "it is a web page (HTML); the host may have answered with its own page"
    } else {
        match loaded {
            Loaded::Incident(parsed) if nothing_read(&parsed.incident) => {
                "nothing in it reads as one (no title, no timeline, no sections)"
            }
            _ => return None,
        }
    };
    Some(LoadError::NotAPostmortem {
        name: name.to_string(),
        reason,
    })
}

/// True when the web page `text`, loaded as `name`, is not what was asked for: this app's own
/// page, a page where the name's extension names a structured format (`data.json`), or one
/// named as text or Markdown (`incident.md`) that does not read as a postmortem.
fn is_host_page(name: &str, text: &str, loaded: &Loaded) -> bool {
    use crate::parse::Format;
    let own_page = text.contains("<title>Postmortem Explorer</title>");
    let asked_for = display_name(name)
        .rsplit_once('.')
        .and_then(|(_, extension)| Format::from_extension(extension));
    let asked_for_other = match asked_for {
        None | Some(Format::Html) => false,
        Some(Format::Text | Format::Markdown) => !reads_as_postmortem(loaded),
        Some(Format::Json | Format::Toml | Format::Yaml) => true,
    };
    own_page || asked_for_other
}

/// True when a reading found what only a postmortem has: timeline entries, a root cause, a
/// resolution or action items (a host's error page has a title and a sentence at most).
fn reads_as_postmortem(loaded: &Loaded) -> bool {
    match loaded {
        Loaded::Incident(parsed) => {
            let incident = &parsed.incident;
            !incident.timeline.is_empty()
                || !incident.root_cause.trim().is_empty()
                || !incident.resolution.trim().is_empty()
                || !incident.action_items.is_empty()
        }
        Loaded::Metrics { .. } => false,
    }
}

/// True when a reading found no title, no timeline and no text of any section.
fn nothing_read(incident: &crate::model::Incident) -> bool {
    incident.title.trim().is_empty()
        && incident.timeline.is_empty()
        && incident.summary.trim().is_empty()
        && incident.root_cause.trim().is_empty()
        && incident.resolution.trim().is_empty()
        && incident.other_sections.is_empty()
        && incident.action_items.is_empty()
}

/// Reads loaded text: metric files become series, anything else a postmortem.
pub fn read_loaded(name: &str, text: &str) -> Loaded {
    if is_metrics_file(name, text) {
        let (series, diagnostics) = read_metrics(name, text);
        Loaded::Metrics {
            series,
            diagnostics,
        }
    } else {
        Loaded::Incident(Box::new(parse_document(name, text)))
    }
}

/// True for `.csv` and `.prom` files, Prometheus `query_range` JSON, and text that looks like
/// Prometheus exposition.
pub fn is_metrics_file(name: &str, text: &str) -> bool {
    let lower = display_name(name).to_lowercase();
    lower.ends_with(".csv")
        || lower.ends_with(".prom")
        || is_exposition(text)
        || (text.trim_start().starts_with('{') && text.contains("\"resultType\""))
}

/// True for Prometheus text exposition (`# HELP` / `# TYPE` first).
fn is_exposition(text: &str) -> bool {
    let start = text.trim_start();
    start.starts_with("# HELP") || start.starts_with("# TYPE")
}

/// Reads metric series: Prometheus text exposition (`name{labels} value timestamp_ms`) here,
/// CSV and `query_range` JSON through [`parse_metrics`]. Lines that cannot be read get a warning.
pub fn read_metrics(name: &str, text: &str) -> (Vec<MetricSeries>, Vec<Diagnostic>) {
    if is_exposition(text) || display_name(name).to_lowercase().ends_with(".prom") {
        read_prometheus(text)
    } else {
        parse_metrics(name, text)
    }
}

/// A time as epoch milliseconds: an integer, or an RFC 3339 date-time.
fn epoch_ms(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(ms) = text.parse::<i64>() {
        return Some(ms);
    }
    chrono::DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.timestamp_millis())
}

fn line_number(index: usize) -> u32 {
    u32::try_from(index + 1).unwrap_or(u32::MAX)
}

fn read_prometheus(text: &str) -> (Vec<MetricSeries>, Vec<Diagnostic>) {
    let mut series: Vec<MetricSeries> = Vec::new();
    // Each series' index in `series` by name, and the line of each of its samples.
    let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut sample_lines: Vec<Vec<u32>> = Vec::new();
    let mut diagnostics = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        // The name with its labels runs to the closing brace (labels may hold spaces).
        let name_end = match trimmed.find('{') {
            Some(open) => trimmed[open..].find('}').map(|close| open + close + 1),
            None => trimmed.find(char::is_whitespace),
        };
        let parsed = name_end.and_then(|end| {
            let mut rest = trimmed[end..].split_whitespace();
            let value_text = rest.next()?;
            let value = value_text.parse::<f64>().ok()?;
            let at = rest.next().and_then(epoch_ms)?;
            Some((&trimmed[..end], at, value, value_text))
        });
        let Some((name, at, value, value_text)) = parsed else {
            diagnostics.push(Diagnostic::warning(
                line_number(index),
                1,
                "expected `name{labels} value timestamp_ms`",
                line,
            ));
            continue;
        };
        let column = || {
            let offset = value_text.as_ptr() as usize - line.as_ptr() as usize;
            crate::parse::column_of(line, offset)
        };
        if !value.is_finite() {
            // `NaN`, `+Inf`, `-Inf`: valid in the exposition format, but no point to draw.
            diagnostics.push(Diagnostic::warning(
                line_number(index),
                column(),
                format!("expected a finite number as the value, found `{value_text}`; the sample is left out"),
                line,
            ));
            continue;
        }
        if let Some(why) = value_out_of_range(value) {
            diagnostics.push(Diagnostic::warning(line_number(index), column(), why, line));
            continue;
        }
        if at.unsigned_abs() as f64 >= MAX_TIME_MS {
            diagnostics.push(Diagnostic::warning(
                line_number(index),
                column(),
                "the timestamp is beyond ±1e16 ms; the sample is left out",
                line,
            ));
            continue;
        }
        let slot = *by_name.entry(name.to_string()).or_insert_with(|| {
            series.push(MetricSeries {
                name: name.to_string(),
                ..MetricSeries::default()
            });
            sample_lines.push(Vec::new());
            series.len() - 1
        });
        series[slot].points.push((at, value));
        sample_lines[slot].push(line_number(index));
    }
    let lines: Vec<&str> = text.lines().collect();
    for (s, written) in series.iter_mut().zip(&sample_lines) {
        let (_, dropped) = settle_points(&mut s.points);
        for i in dropped {
            let line = written.get(i).copied().unwrap_or(1);
            let excerpt = lines
                .get((line as usize).saturating_sub(1))
                .copied()
                .unwrap_or("");
            diagnostics.push(duplicate_warning(&s.name, line, 1, excerpt));
        }
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    (series, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_page_is_read_when_asked_for_and_refused_in_place_of_another_format() {
        let page = "<!DOCTYPE html><html><head><title>Outage</title></head><body><h2>Timeline</h2><ul><li>10:00 It broke.</li></ul></body></html>";
        let verdict = |name: &str, text: &str| {
            not_a_postmortem(name, &read_loaded(name, text), text).map(|e| e.code())
        };
        assert_eq!(verdict("postmortem.html", page), None);
        assert_eq!(verdict("https://example.org/pm/outage.HTM?x=1", page), None);
        assert_eq!(verdict("pasted text", page), None);
        assert_eq!(
            verdict("incident.md", page),
            None,
            "a postmortem saved as a page"
        );
        let not_found = "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>";
        assert_eq!(verdict("incident.md", not_found), Some("not-a-postmortem"));
        assert_eq!(verdict("incident.txt", not_found), Some("not-a-postmortem"));
        assert_eq!(verdict("incident.html", not_found), None);
        assert_eq!(verdict("data.json", page), Some("not-a-postmortem"));
        let own = "<!DOCTYPE html><html><head><title>Postmortem Explorer</title></head><body></body></html>";
        assert_eq!(verdict("outage.html", own), Some("not-a-postmortem"));
        assert_eq!(verdict("incident", own), Some("not-a-postmortem"));
    }

    #[test]
    fn refuses_files_over_the_limit_with_their_size_in_the_message() {
        assert_eq!(check_size("a.txt", MAX_BYTES), Ok(()));
        let error = check_size("big.txt", MAX_BYTES + 1).unwrap_err();
        assert_eq!(error.code(), "too-large");
        assert_eq!(
            error.to_string(),
            "big.txt is over the limit of 20.0 MB. Split the file or trim its metrics."
        );
        let error = check_size("huge.txt", 21 * 1024 * 1024).unwrap_err();
        assert_eq!(
            error.to_string(),
            "huge.txt is 21.0 MB; the limit is 20.0 MB. Split the file or trim its metrics."
        );
    }

    #[test]
    fn decodes_utf8_and_refuses_binary() {
        assert_eq!(
            decode("a", b"\xEF\xBB\xBFhi".to_vec()),
            Ok(Decoded {
                text: "hi".to_string(),
                note: None
            })
        );
        let error = decode("pic.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()).unwrap_err();
        assert_eq!(error.code(), "not-text");
        assert_eq!(
            error.to_string(),
            "pic.png is not a text file: it looks like a PNG image."
        );
        let error = decode("data.bin", vec![0, 1, 2, 3, 0, 0, 9, 0, 0, 7]).unwrap_err();
        assert!(error.to_string().contains("binary data"), "{error}");
    }

    #[test]
    fn decoding_notes_what_was_assumed() {
        let utf16: Vec<u8> = [0xFEFF_u16]
            .into_iter()
            .chain("Title: Hello\n".encode_utf16())
            .flat_map(u16::to_le_bytes)
            .collect();
        let decoded = decode("a.txt", utf16).unwrap();
        assert_eq!(decoded.text, "Title: Hello\n");
        assert_eq!(
            decoded.note.as_deref(),
            Some("read as UTF-16 LE (byte-order mark)")
        );
        let decoded = decode("b.txt", b"Caf\xE9\n".to_vec()).unwrap();
        assert_eq!(decoded.text, "Café\n");
        assert!(decoded.note.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn streams_stop_one_byte_past_the_limit() {
        // An endless stream of text: read stops after the limit and is refused.
        let endless = std::io::repeat(b'a');
        let error = read_stream("-", endless).unwrap_err();
        assert_eq!(
            error,
            LoadError::TooLarge {
                name: "-".to_string(),
                bytes: MAX_BYTES + 1
            }
        );
        let small = read_stream("-", &b"Title: x\n"[..]).unwrap();
        assert_eq!(small.text, "Title: x\n");
        let missing = read_path(std::path::Path::new("no/such/file.txt")).unwrap_err();
        assert_eq!(missing.code(), "unreadable");
    }

    #[test]
    fn each_failure_has_its_own_message() {
        let url = "https://example.com/x.txt".to_string();
        let messages = [
            LoadError::NotFound { url: url.clone() },
            LoadError::HttpStatus {
                url: url.clone(),
                status: 500,
            },
            LoadError::Network { url },
        ]
        .map(|e| e.to_string());
        assert!(messages[0].contains("404"));
        assert!(messages[1].contains("500"));
        assert!(messages[2].contains("CORS"));
    }

    #[test]
    fn names_come_from_the_last_path_segment() {
        assert_eq!(display_name("incidents/dns-typo.txt?x=1#y"), "dns-typo.txt");
        assert_eq!(display_name("https://example.com/a/b.md"), "b.md");
        assert_eq!(display_name("https://example.com/"), "example.com");
    }

    #[test]
    fn csv_and_query_range_json_go_through_parse_metrics() {
        let csv = "timestamp,value,series\n\
                   2024-01-15T15:00:00Z,1.5,errors\n\
                   1705331400,2.5,errors\n\
                   yesterday,3,errors\n";
        let Loaded::Metrics {
            series,
            diagnostics,
        } = read_loaded("m.csv", csv)
        else {
            panic!("a CSV file is metrics");
        };
        assert_eq!(series.len(), 1);
        assert_eq!(series[0].name, "errors");
        assert_eq!(
            series[0].points,
            [(1_705_330_800_000, 1.5), (1_705_331_400_000, 2.5)]
        );
        let lines: Vec<u32> = diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [4]);
        let json = r#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[1705330800,"1"]]}]}}"#;
        assert!(is_metrics_file("query.json", json));
        let Loaded::Metrics { series, .. } = read_loaded("query.json", json) else {
            panic!("query_range JSON is metrics");
        };
        assert_eq!(series[0].points, [(1_705_330_800_000, 1.0)]);
    }

    #[test]
    fn reads_prometheus_exposition_grouped_by_series() {
        let text = "# HELP http_errors Errors\n# TYPE http_errors gauge\n\
                    http_errors{code=\"500\", path=\"/login\"} 3 1705330800000\n\
                    http_errors{code=\"500\", path=\"/login\"} 5 1705330860000\n\
                    up 1 1705330800000\n\
                    broken line\n";
        let Loaded::Metrics {
            series,
            diagnostics,
        } = read_loaded("dump.txt", text)
        else {
            panic!("exposition text is metrics");
        };
        assert_eq!(series.len(), 2);
        assert_eq!(series[0].name, "http_errors{code=\"500\", path=\"/login\"}");
        assert_eq!(series[0].points.len(), 2);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].line, 6);
    }

    #[test]
    fn exposition_samples_that_are_not_finite_are_named_where_they_are() {
        let text = "# TYPE up gauge\nup 1 1705330800000\nup{job=\"a b\"} NaN 1705330860000\nup -Inf 1705330920000\n";
        let (series, diagnostics) = read_metrics("dump.prom", text);
        assert_eq!(series[0].points.len(), 1);
        let found: Vec<(u32, u32, &str)> = diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (3, 15));
        assert!(found[0].2.contains("found `NaN`"), "{}", found[0].2);
        assert_eq!((found[1].0, found[1].1), (4, 4));
        assert!(found[1].2.contains("found `-Inf`"), "{}", found[1].2);
    }

    #[test]
    fn anything_else_is_a_postmortem() {
        let Loaded::Incident(parsed) = read_loaded("x.txt", "Title: Hello\n") else {
            panic!("text is an incident");
        };
        assert_eq!(parsed.incident.title, "Hello");
    }
}
