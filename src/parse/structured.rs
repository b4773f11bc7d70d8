//! Readers for the structured schema: the [`Incident`] model itself written as JSON, TOML or
//! YAML (see `docs/FORMAT.md` and `public/incident.schema.json`).
//!
//! The data goes through serde, so the shape is exactly the model's. Around that, this module
//! keeps the project's promises: a syntax or type error becomes an error [`Diagnostic`] at the
//! line and column the crate reports, an unknown key becomes a warning (nothing is dropped
//! silently), and links that are not http(s) are removed with a warning. Numbers the views
//! cannot draw are left out with a warning at their key: a share of users outside 0–100, metric
//! samples beyond ±10¹⁵ (or at a time beyond ±10¹⁶ ms), repeated sample times (the first is
//! kept). An `end` before the `start` is kept as written, with a warning.

use serde::de::DeserializeOwned;

use super::diagnostic::{column_of, Diagnostic};
use super::lines::source_lines;
use super::metrics::{settle_points, MAX_TIME_MS, MAX_VALUE};
use super::Parsed;
use crate::model::Incident;

/// The structured formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// JSON (`serde_json`).
    Json,
    /// TOML (`toml`).
    Toml,
    /// YAML (`serde_yaml_ng`).
    Yaml,
}

/// Reads an incident written as JSON.
pub fn parse_json(source: &str) -> Parsed {
    parse_structured(source, Syntax::Json)
}

/// Reads an incident written as TOML.
pub fn parse_toml(source: &str) -> Parsed {
    parse_structured(source, Syntax::Toml)
}

/// Reads an incident written as YAML.
pub fn parse_yaml(source: &str) -> Parsed {
    parse_structured(source, Syntax::Yaml)
}

/// Reads an incident in `syntax`; on an error the incident is empty and the error is located.
pub fn parse_structured(source: &str, syntax: Syntax) -> Parsed {
    let text = source.strip_prefix('\u{feff}').unwrap_or(source);
    let result: Result<Incident, Located> = match syntax {
        // serde reads a struct from an array too (field by field), with a confusing message.
        Syntax::Json if text.trim_start().starts_with('[') => Err(Located {
            message: "expected an object `{ \"title\": ... }` at the top, found an array"
                .to_string(),
            place: Place::Byte(text.len() - text.trim_start().len()),
        }),
        Syntax::Json => read_json(text),
        Syntax::Toml => read_toml(text),
        Syntax::Yaml => read_yaml(text),
    };
    let mut diagnostics = Vec::new();
    // A status page's own JSON (`incident_updates`, `updates`) is read in its shape, when
    // the schema finds no timeline in it (or cannot read it at all).
    let schema_timeline = result.as_ref().is_ok_and(|i| !i.timeline.is_empty());
    let status = (syntax == Syntax::Json && !schema_timeline)
        .then(|| super::status_json::read_status_json(text))
        .flatten();
    let incident = match (result, status) {
        (_, Some((incident, notes))) => {
            diagnostics.extend(notes);
            incident
        }
        (Ok(incident), None) => {
            diagnostics.extend(unknown_key_warnings(text, syntax));
            incident
        }
        (Err(located), None) => {
            diagnostics.push(located.into_diagnostic(text));
            Incident::default()
        }
    };
    let mut parsed = Parsed {
        incident,
        diagnostics,
        outline: Vec::new(),
        headings: Vec::new(),
        stated: Vec::new(),
    };
    drop_unsafe_links(text, &mut parsed);
    check_numbers(text, &mut parsed);
    parsed.diagnostics.sort_by_key(|d| (d.line, d.column));
    parsed
}

/// An error message and where it happened.
struct Located {
    message: String,
    place: Place,
}

/// Where an error happened, in the units its crate reports.
#[cfg_attr(not(all(feature = "toml", feature = "yaml")), allow(dead_code))]
enum Place {
    /// A byte offset into the input.
    Byte(usize),
    /// A 1-based line and a 1-based byte column.
    LineByteColumn(usize, usize),
    /// A 1-based line and a 1-based character column.
    LineCharColumn(usize, usize),
    /// Not known: reported at the start.
    Unknown,
}

impl Located {
    fn into_diagnostic(self, text: &str) -> Diagnostic {
        let lines: Vec<&str> = source_lines(text).map(|l| l.text).collect();
        let (line, column) = match self.place {
            Place::Byte(offset) => return error_at(text, offset, self.message),
            // A place past the last line (the end of the input, as YAML reports it) is the end
            // of the last line.
            Place::LineByteColumn(line, _) | Place::LineCharColumn(line, _)
                if line > lines.len() && !lines.is_empty() =>
            {
                let index = lines.len() - 1;
                (index, clamp_u32(lines[index].chars().count() + 1))
            }
            Place::LineByteColumn(line, column) => {
                let index = clamp_line(line, lines.len());
                let excerpt = lines.get(index).copied().unwrap_or("");
                (index, column_of(excerpt, column.saturating_sub(1)))
            }
            Place::LineCharColumn(line, column) => {
                let index = clamp_line(line, lines.len());
                let excerpt = lines.get(index).copied().unwrap_or("");
                let last = excerpt.chars().count().saturating_add(1);
                (index, clamp_u32(column.clamp(1, last)))
            }
            Place::Unknown => (0, 1),
        };
        let excerpt = lines.get(line).copied().unwrap_or("");
        Diagnostic::error(clamp_u32(line + 1), column, self.message, excerpt)
    }
}

/// The 0-based index of the 1-based `line`, kept inside the input's `count` lines.
fn clamp_line(line: usize, count: usize) -> usize {
    line.saturating_sub(1).min(count.saturating_sub(1))
}

fn clamp_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

fn read_json<T: DeserializeOwned>(text: &str) -> Result<T, Located> {
    let located = |error: serde_json::Error| {
        let place = if error.line() == 0 {
            Place::Unknown
        } else if error.classify() == serde_json::error::Category::Data
            && !error.to_string().starts_with("missing field")
        {
            // A value of the wrong type or form: point at where it starts.
            let line = source_lines(text)
                .nth(error.line() - 1)
                .map_or("", |l| l.text);
            Place::LineByteColumn(error.line(), json_value_start(line, error.column()))
        } else {
            Place::LineByteColumn(error.line(), error.column())
        };
        Located {
            message: json_message(&error),
            place,
        }
    };
    serde_json::from_str(text).map_err(located)
}

/// The 1-based byte column where the JSON value that serde_json reports a data error about
/// starts on `line`. serde_json gives the column of the value's last byte (a string's closing
/// quote, a number's last digit) or, for an array or object it peeked at, of the byte before
/// its bracket; a message should point at the value's first character.
pub(super) fn json_value_start(line: &str, column: usize) -> usize {
    let bytes = line.as_bytes();
    let next = column.min(bytes.len());
    let ahead = bytes[next..]
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    if matches!(bytes.get(next + ahead), Some(b'[' | b'{')) {
        return next + ahead + 1;
    }
    let Some(mut last) = column.checked_sub(1).filter(|&i| i < bytes.len()) else {
        return column;
    };
    // A value read inside an object is sometimes reported at the brace that closes it.
    while last > 0 && (bytes[last] == b'}' || bytes[last].is_ascii_whitespace()) {
        last -= 1;
    }
    if bytes[last] == b'"' {
        // Back to the opening quote: one not escaped by an odd run of backslashes.
        let mut i = last;
        while i > 0 {
            i -= 1;
            if bytes[i] == b'"' {
                let slashes = bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count();
                if slashes % 2 == 0 {
                    return i + 1;
                }
            }
        }
        return column;
    }
    let scalar = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+');
    if scalar(&bytes[last]) {
        let run = bytes[..=last]
            .iter()
            .rev()
            .take_while(|b| scalar(b))
            .count();
        return last + 2 - run;
    }
    column
}

/// serde_json's message without its trailing " at line L column C" (the diagnostic says where).
fn json_message(error: &serde_json::Error) -> String {
    let full = error.to_string();
    match full.rfind(" at line ") {
        Some(at) => full[..at].to_string(),
        None => full,
    }
}

#[cfg(feature = "toml")]
fn read_toml<T: DeserializeOwned>(text: &str) -> Result<T, Located> {
    let located = |error: toml::de::Error| Located {
        message: error.message().trim().to_string(),
        place: error
            .span()
            .map_or(Place::Unknown, |span| Place::Byte(span.start)),
    };
    toml::from_str(text).map_err(located)
}

#[cfg(feature = "yaml")]
fn read_yaml<T: DeserializeOwned>(text: &str) -> Result<T, Located> {
    serde_yaml_ng::from_str(text).map_err(|error| {
        let mut place = match error.location() {
            Some(location) if location.line() > 0 => {
                Place::LineCharColumn(location.line(), location.column())
            }
            _ => Place::Unknown,
        };
        let full = error.to_string();
        let message = match full.find(" at line ") {
            Some(at) => full[..at].to_string(),
            None => full,
        };
        // A value the schema refuses (`found "25:00:00"`) is reported at the mapping that
        // holds it: point at the value itself, written after that place.
        if let (Place::LineCharColumn(line, column), Some(found)) = (&place, found_value(&message))
        {
            let from = byte_offset(text, *line, *column).min(text.len());
            // Up to 1,000 bytes on, ending on a character boundary (found by fuzzing).
            let mut end = text.len().min(from + 1000);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let window = text.get(from..end).unwrap_or("");
            if let Some(at) = window.find(found).filter(|_| !found.is_empty()) {
                place = Place::Byte(from + at);
            }
        }
        // Aliases repeated past the reader's limit ("billion laughs"): at the first alias.
        if matches!(place, Place::Unknown) && message.contains("repetition limit") {
            if let Some(at) = first_alias(text) {
                place = Place::Byte(at);
            }
        }
        Located { message, place }
    })
}

/// The value a message quotes as `found "..."`, if it does (no escapes inside).
#[cfg(feature = "yaml")]
fn found_value(message: &str) -> Option<&str> {
    let rest = &message[message.find("found \"")? + 7..];
    let value = &rest[..rest.find('"')?];
    (!value.contains('\\')).then_some(value)
}

/// The byte offset of the 1-based `line` and character `column` in `text` (clamped).
#[cfg(feature = "yaml")]
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let base = text.as_ptr() as usize;
    let Some(found) = source_lines(text).nth(line.saturating_sub(1)) else {
        return text.len();
    };
    let start = found.text.as_ptr() as usize - base;
    let within = found
        .text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(found.text.len(), |(i, _)| i);
    start + within
}

/// The byte offset of the first YAML alias (`*name` after a space, `[`, `,` or `:`).
#[cfg(feature = "yaml")]
fn first_alias(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (1..bytes.len().saturating_sub(1)).find(|&i| {
        bytes[i] == b'*'
            && matches!(bytes[i - 1], b' ' | b'[' | b',' | b':' | b'\t')
            && (bytes[i + 1].is_ascii_alphanumeric() || bytes[i + 1] == b'_')
    })
}

#[cfg(not(feature = "toml"))]
fn read_toml<T>(_text: &str) -> Result<T, Located> {
    Err(not_built_in("TOML", "toml"))
}

#[cfg(not(feature = "yaml"))]
fn read_yaml<T>(_text: &str) -> Result<T, Located> {
    Err(not_built_in("YAML", "yaml"))
}

/// The error for a format whose reader was left out of this build.
#[cfg(not(all(feature = "toml", feature = "yaml")))]
fn not_built_in(format: &str, feature: &str) -> Located {
    Located {
        message: format!(
            "{format} is not read by this build (cargo feature `{feature}`); expected JSON, plain text or Markdown"
        ),
        place: Place::Unknown,
    }
}

/// Top-level keys of the structured schema (also used to tell YAML and TOML from prose).
pub(super) const INCIDENT_KEYS: &[&str] = &[
    "title",
    "summary",
    "start",
    "end",
    "stated_duration",
    "impact",
    "root_cause",
    "detection",
    "resolution",
    "timeline",
    "improvements",
    "action_items",
    "lessons",
    "addendum",
    "links",
    "other_sections",
    "metrics",
    "severity",
    "services",
    "tags",
    "responders",
];

/// The allowed keys of the objects under each top-level key (directly, or as array items).
const NESTED_KEYS: &[(&str, &[&str])] = &[
    ("impact", &["text", "affected_users_percent"]),
    ("timeline", &["at", "text", "inferred", "kind"]),
    (
        "action_items",
        &[
            "text", "owner", "priority", "status", "link", "due", "group",
        ],
    ),
    ("lessons", &["text", "went_well", "went_wrong", "lucky"]),
    ("links", &["text", "url"]),
    ("other_sections", &["title", "body"]),
    ("metrics", &["name", "unit", "illustrative", "points"]),
];

/// A warning for every key the model does not have, at the place it is written.
///
/// The document is read a second time as a plain tree (it already read cleanly as an
/// incident, so this cannot fail in practice) and its keys are checked against the schema.
fn unknown_key_warnings(text: &str, syntax: Syntax) -> Vec<Diagnostic> {
    let tree: Result<serde_json::Value, Located> = match syntax {
        Syntax::Json => read_json(text),
        Syntax::Toml => read_toml(text),
        Syntax::Yaml => read_yaml(text),
    };
    let top = match tree {
        Ok(serde_json::Value::Object(top)) => top,
        Ok(_) => return Vec::new(),
        // Read as an incident, but not as a plain tree: nested deeper than the readers go
        // (128 levels), or aliases repeated beyond their limit. Say so rather than go quiet.
        Err(located) => {
            let mut diagnostic = located.into_diagnostic(text);
            diagnostic.severity = super::Severity::Warning;
            diagnostic.message = format!(
                "could not check this document for unknown keys ({}); any it has were ignored without a warning",
                diagnostic.message
            );
            return vec![diagnostic];
        }
    };
    let mut paths: Vec<(String, &str, Option<&str>)> = Vec::new();
    for (key, value) in &top {
        let Some(&(_, allowed)) = NESTED_KEYS.iter().find(|(name, _)| name == key) else {
            if !INCIDENT_KEYS.contains(&key.as_str()) {
                paths.push((key.clone(), key, None));
            }
            continue;
        };
        let items: Vec<(Option<usize>, &serde_json::Value)> = match value {
            serde_json::Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (Some(i), v))
                .collect(),
            other => vec![(None, other)],
        };
        for (index, item) in items {
            let serde_json::Value::Object(fields) = item else {
                continue;
            };
            for field in fields.keys().filter(|k| !allowed.contains(&k.as_str())) {
                let path = match index {
                    Some(i) => format!("{key}.{i}.{field}"),
                    None => format!("{key}.{field}"),
                };
                paths.push((path, field, Some(key)));
            }
        }
    }
    // Repeated unknown keys (one per timeline entry, say) are found at successive places.
    let mut cursors: Vec<(String, usize)> = Vec::new();
    paths
        .into_iter()
        .map(|(path, key, parent)| {
            let cursor_key = format!("{}.{key}", parent.unwrap_or(""));
            let from = match cursors.iter().find(|(k, _)| *k == cursor_key) {
                Some(&(_, at)) => at,
                None => parent.and_then(|p| find_key(text, p, 0)).unwrap_or(0),
            };
            let at = find_key(text, key, from).or_else(|| find_key(text, key, 0));
            let next = at.map_or(from, |at| at + key.len());
            match cursors.iter_mut().find(|(k, _)| *k == cursor_key) {
                Some(entry) => entry.1 = next,
                None => cursors.push((cursor_key, next)),
            }
            let message = format!(
                "unknown key `{path}` was ignored; expected one of: {}",
                expected_keys(&path)
            );
            warning_at(text, at.unwrap_or(0), message)
        })
        .collect()
}

/// The keys the schema allows where the unknown key `path` was found, comma-separated.
fn expected_keys(path: &str) -> String {
    let parent = path.split('.').next().unwrap_or("");
    let allowed = match NESTED_KEYS.iter().find(|(name, _)| *name == parent) {
        Some((_, allowed)) if path.contains('.') => allowed,
        _ => INCIDENT_KEYS,
    };
    allowed.join(", ")
}

/// Byte offset of the first whole-word `key` at or after `from`.
fn find_key(text: &str, key: &str, from: usize) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let mut search = from.min(text.len());
    while let Some(found) = text.get(search..).and_then(|rest| rest.find(key)) {
        let at = search + found;
        let end = at + key.len();
        let before_ok = !text[..at].chars().next_back().is_some_and(is_word);
        let after_ok = !text[end..].chars().next().is_some_and(is_word);
        if before_ok && after_ok {
            return Some(at);
        }
        search = end;
    }
    None
}

/// Byte offset of the first `key` at or after `from` that is written as a key: followed
/// (after an optional closing quote and spaces) by `:` (JSON, YAML) or `=` (TOML), so that the
/// same word in a text value is passed over. Falls back to the first whole-word match.
fn key_at(text: &str, key: &str, from: usize) -> Option<usize> {
    let mut search = from;
    while let Some(at) = find_key(text, key, search) {
        let after = text.get(at + key.len()..).unwrap_or("");
        let after = after.strip_prefix(['"', '\'']).unwrap_or(after);
        if after
            .trim_start_matches([' ', '\t'])
            .starts_with([':', '='])
        {
            return Some(at);
        }
        search = at + key.len();
    }
    find_key(text, key, from)
}

/// Removes links that are not http(s): from `links` and from action items.
fn drop_unsafe_links(text: &str, parsed: &mut Parsed) {
    let mut dropped = Vec::new();
    parsed.incident.links.retain(|link| {
        let safe = super::inline::starts_with_web_scheme(&link.url);
        if !safe {
            dropped.push(link.url.clone());
        }
        safe
    });
    for item in &mut parsed.incident.action_items {
        if let Some(link) = item.link.take() {
            if super::inline::starts_with_web_scheme(&link) {
                item.link = Some(link);
            } else {
                dropped.push(link);
            }
        }
    }
    for url in dropped {
        let at = text.find(url.as_str()).unwrap_or(0);
        parsed.diagnostics.push(warning_at(
            text,
            at,
            format!(
                "link `{url}` is not an http(s) URL; it was removed (expected http:// or https://)"
            ),
        ));
    }
}

/// Leaves out what the views cannot draw, each with a warning at its key: a share of users
/// outside 0–100, metric samples that are not finite or beyond ±[`MAX_VALUE`] (or at a time
/// beyond ±[`MAX_TIME_MS`]), and samples at a time a series has already (the first written is
/// kept; an unordered series is sorted). Warns when the `end` is before the `start`.
fn check_numbers(text: &str, parsed: &mut Parsed) {
    let at_key = |key: &str, from: usize| key_at(text, key, from).unwrap_or(0);
    let incident = &mut parsed.incident;
    let diagnostics = &mut parsed.diagnostics;
    if let Some(share) = incident.impact.affected_users_percent {
        if !(0.0..=100.0).contains(&share) {
            incident.impact.affected_users_percent = None;
            diagnostics.push(warning_at(
                text,
                at_key("affected_users_percent", 0),
                format!("affected_users_percent {} is not a share of users; it was left out (expected 0 to 100)", short_number(share)),
            ));
        }
    }
    if !incident.stated_duration.is_empty()
        && super::length_seconds(&incident.stated_duration).is_none()
    {
        diagnostics.push(warning_at(
            text,
            at_key("stated_duration", 0),
            "stated_duration is not a length the key durations can use; it is kept as written (expected a length such as `~4 hours` or `1 h 30 min`)".to_string(),
        ));
    }
    if let (Some(start), Some(end)) = (incident.start, incident.end) {
        let comparable = start.date.is_some() == end.date.is_some();
        if comparable && end.axis_seconds() < start.axis_seconds() {
            diagnostics.push(warning_at(
                text,
                at_key("end", 0),
                format!("the end ({end}) is before the start ({start}); it is kept as written, expected an end after the start"),
            ));
        }
    }
    // Each timeline entry's `at` key, in order, after the `timeline` key: a year no incident
    // has, and an entry earlier than the one before it, are pointed out (kept as written).
    let mut from = at_key("timeline", 0);
    let mut before: Option<crate::model::Moment> = None;
    for event in &incident.timeline {
        let at = key_at(text, "at", from).unwrap_or(from);
        from = at + 1;
        let moment = event.at;
        if let Some(year) = moment.date.map(|d| chrono::Datelike::year(&d)) {
            if year < 1900 {
                diagnostics.push(warning_at(
                    text,
                    at,
                    format!("the year {year} of {moment} is not one an incident happened in; it is kept as written (expected a year such as 2024)"),
                ));
                continue; // not compared with its neighbours: that would only say it again
            }
        }
        if let Some(previous) = before {
            let comparable = previous.date.is_some() == moment.date.is_some();
            if comparable && moment.axis_seconds() < previous.axis_seconds() {
                diagnostics.push(warning_at(
                    text,
                    at,
                    format!("this entry ({moment}) is earlier than the one before it ({previous}); it is kept in written order, expected entries in time order"),
                ));
            }
        }
        before = Some(moment);
    }
    // Each series' `points` key, in order, after the `metrics` key.
    let mut from = at_key("metrics", 0);
    for series in &mut incident.metrics {
        let at = key_at(text, "points", from).unwrap_or(from);
        from = at + 1;
        let before = series.points.len();
        series.points.retain(|&(t, v)| {
            v.is_finite() && v.abs() <= MAX_VALUE && (t.unsigned_abs() as f64) < MAX_TIME_MS
        });
        let left_out = before - series.points.len();
        if left_out > 0 {
            diagnostics.push(warning_at(
                text,
                at,
                format!(
                    "{left_out} sample{} of `{}` {} left out: values must be finite and within ±1e15, times within ±1e16 ms",
                    if left_out == 1 { "" } else { "s" },
                    series.name,
                    if left_out == 1 { "was" } else { "were" },
                ),
            ));
        }
        let (unsorted, dropped) = settle_points(&mut series.points);
        if unsorted.is_some() {
            diagnostics.push(warning_at(
                text,
                at,
                format!(
                    "the samples of `{}` are not in time order; they were sorted by time",
                    series.name
                ),
            ));
        }
        if !dropped.is_empty() {
            diagnostics.push(warning_at(
                text,
                at,
                format!(
                    "{} sample{} of `{}` at a time it has a sample already left out (the first written is kept)",
                    dropped.len(),
                    if dropped.len() == 1 { "" } else { "s" },
                    series.name
                ),
            ));
        }
    }
}

/// `value` for a message: as written for everyday sizes, in scientific notation beyond.
fn short_number(value: f64) -> String {
    if value.abs() < 1e9 {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}

/// A warning at the byte `offset` of `text`.
fn warning_at(text: &str, offset: usize, message: String) -> Diagnostic {
    let (line, column, excerpt) = locate(text, offset);
    Diagnostic::warning(line, column, message, excerpt)
}

/// An error at the byte `offset` of `text`.
fn error_at(text: &str, offset: usize, message: String) -> Diagnostic {
    let (line, column, excerpt) = locate(text, offset);
    Diagnostic::error(line, column, message, excerpt)
}

/// The 1-based line, 1-based character column and line text of the byte `offset` in `text`,
/// numbered the way [`source_lines`] numbers them.
pub(crate) fn locate(text: &str, offset: usize) -> (u32, u32, &str) {
    let mut last = (1, 1, "");
    let base = text.as_ptr() as usize;
    for line in source_lines(text) {
        // Every line is a slice of `text`, so its start is a byte offset into it.
        let start = (line.text.as_ptr() as usize).saturating_sub(base);
        if offset < start {
            break;
        }
        last = (line.number, column_of(line.text, offset - start), line.text);
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Severity;

    #[test]
    fn reads_the_same_incident_from_each_syntax() {
        let json =
            r#"{"title": "T", "timeline": [{"at": "2024-01-15T10:00:00-05:00", "text": "a"}]}"#;
        let toml =
            "title = \"T\"\n[[timeline]]\nat = \"2024-01-15T10:00:00-05:00\"\ntext = \"a\"\n";
        let yaml = "title: T\ntimeline:\n  - at: 2024-01-15T10:00:00-05:00\n    text: a\n";
        let a = parse_json(json);
        let b = parse_toml(toml);
        let c = parse_yaml(yaml);
        assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
        assert!(b.diagnostics.is_empty(), "{:?}", b.diagnostics);
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
        assert_eq!(a.incident.title, "T");
        assert_eq!(
            a.incident.timeline[0].at.to_string(),
            "2024-01-15T10:00:00-05:00"
        );
        assert_eq!(a.incident, b.incident);
        assert_eq!(a.incident, c.incident);
    }

    #[test]
    fn a_status_pages_json_is_read_in_its_shape_whether_or_not_the_schema_reads_it() {
        let updates = r#""updates": [{"date": "2021-09-17T07:00:00Z", "content": "b"},
            {"date": "2021-09-17T05:00:00Z", "content": "a"}]"#;
        // Every key unknown to the schema: it reads, with no timeline.
        let plain = parse_json(&format!(r#"{{"name": "X", {updates}}}"#));
        // `impact` as a word: the schema refuses it.
        let refused = parse_json(&format!(r#"{{"impact": "major", {updates}}}"#));
        for parsed in [plain, refused] {
            let texts: Vec<&str> = parsed
                .incident
                .timeline
                .iter()
                .map(|e| e.text.as_str())
                .collect();
            assert_eq!(texts, ["a", "b"]);
            assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
        }
        // The schema's own timeline wins.
        let own = parse_json(
            r#"{"timeline": [{"at": "10:00:00", "text": "x"}], "updates": [{"date": "2021-09-17T07:00:00Z"}]}"#,
        );
        assert_eq!(own.incident.timeline[0].text, "x");
    }

    #[test]
    fn json_errors_are_located() {
        let parsed = parse_json("{\n  \"title\": \"T\",\n  \"timeline\": 5\n}");
        assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
        let d = &parsed.diagnostics[0];
        assert_eq!((d.severity, d.line), (Severity::Error, 3));
        assert!(d.message.contains("expected a sequence"), "{}", d.message);
        assert!(!d.message.contains(" at line "), "{}", d.message);
        assert_eq!(d.excerpt, "  \"timeline\": 5");
    }

    #[test]
    fn json_type_errors_point_at_the_start_of_the_value() {
        let at = |json: &str| {
            let d = parse_json(json).diagnostics.remove(0);
            (d.line, d.column, d.message)
        };
        // A string (with an escaped quote), a number, an array, an object.
        let (line, column, _) = at("{\n  \"timeline\": [{\"at\": \"2023-02-30T10:00:00Z\"}]\n}");
        assert_eq!((line, column), (2, 23));
        assert_eq!(at("{\"title\": \"a\\\"b\", \"summary\": 12.5}").1, 30);
        assert_eq!(at("{\"title\": [\"a\"]}").1, 11);
        assert_eq!(at("{\"title\": {\"a\": 1}}").1, 11);
        assert_eq!(
            at("{\"title\": \"x\", \"timeline\": \"10:00 \\\"a\\\"\"}").1,
            28
        );
        // Syntax errors stay where the reading stopped.
        assert_eq!(at("{\"title\": \"cut").1, 14);
        let (_, column, message) = at("  [{\"title\": \"T\"}]");
        assert_eq!(column, 3);
        assert!(message.contains("found an array"), "{message}");
    }

    #[test]
    fn entries_out_of_order_and_years_before_1900_are_pointed_out() {
        let parsed = parse_yaml(
            "title: T\ntimeline:\n  - at: 2024-01-15T11:00:00Z\n    text: b\n  - at: 2024-01-15T10:00:00Z\n    text: a\n  - at: 0000-01-01T10:00:00Z\n    text: c\n",
        );
        let found: Vec<(u32, u32)> = parsed
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column))
            .collect();
        assert_eq!(found, [(5, 5), (7, 5)], "{:?}", parsed.diagnostics);
        assert!(parsed.diagnostics[0]
            .message
            .contains("earlier than the one before it"));
        assert!(parsed.diagnostics[1].message.contains("the year 0 "));
        assert_eq!(parsed.incident.timeline.len(), 3);
    }

    #[test]
    fn a_stated_duration_that_is_no_length_is_kept_with_a_warning() {
        let good = parse_yaml("title: T\nstated_duration: ~4 hours\n");
        assert_eq!(good.incident.stated_duration, "~4 hours");
        assert!(good.diagnostics.is_empty(), "{:?}", good.diagnostics);
        let odd = parse_json("{\"title\": \"T\",\n \"stated_duration\": \"forever\"}");
        assert_eq!(odd.incident.stated_duration, "forever");
        let d = &odd.diagnostics[0];
        assert_eq!((d.severity, d.line), (Severity::Warning, 2), "{d:?}");
        assert!(d.message.contains("not a length"), "{}", d.message);
    }

    #[test]
    fn keys_too_deep_to_check_are_said_to_be_unchecked() {
        let deep = format!(
            "{{\"title\": \"T\", \"impact\": {}1{}}}",
            "{\"a\":".repeat(200),
            "}".repeat(200)
        );
        let parsed = parse_json(&deep);
        assert_eq!(parsed.incident.title, "T");
        let d = &parsed.diagnostics[0];
        assert_eq!(d.severity, Severity::Warning);
        assert!(
            d.message.contains(
                "could not check this document for unknown keys (recursion limit exceeded)"
            ),
            "{}",
            d.message
        );
    }

    #[test]
    fn toml_errors_are_located() {
        let parsed = parse_toml("title = \"T\"\nsummary = 5\n");
        let d = &parsed.diagnostics[0];
        assert_eq!((d.severity, d.line, d.column), (Severity::Error, 2, 11));
        assert!(d.message.contains("string"), "{}", d.message);
        let broken = parse_toml("title = \"T\nx");
        let d = &broken.diagnostics[0];
        assert_eq!(
            (d.severity, d.line, d.column),
            (Severity::Error, 2, 2),
            "{d:?}"
        );
        assert!(d.message.contains("expected"), "{}", d.message);
    }

    #[test]
    fn yaml_errors_are_located() {
        let parsed = parse_yaml("title: T\ntimeline:\n  - at: noon\n    text: a\n");
        let d = &parsed.diagnostics[0];
        assert_eq!(
            (d.severity, d.line, d.column),
            (Severity::Error, 3, 9),
            "{d:?}"
        );
        assert!(d.message.contains("ISO 8601"), "{}", d.message);
        // The end of the input is the end of the last line, not the start of it.
        let d = &parse_yaml("title: T\ntags: [db, cache").diagnostics[0];
        assert_eq!((d.line, d.column), (2, 17), "{d:?}");
    }

    #[test]
    fn a_yaml_alias_bomb_is_stopped_and_pointed_at() {
        let mut yaml =
            String::from("title: Laughs\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 9].join(", ");
            yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let started = std::time::Instant::now();
        let parsed = parse_yaml(&yaml);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(parsed.incident.title, "Laughs");
        let d = &parsed.diagnostics[0];
        assert_eq!((d.line, d.column), (3, 10), "{d:?}");
        assert!(
            d.message.contains("repetition limit exceeded"),
            "{}",
            d.message
        );
        // Used where a string belongs, the alias is refused where the value it stands for is
        // written: `tags[0]` is `*a8`, anchored on line 10.
        let d = &parse_yaml(&format!("{yaml}tags: *a9\n")).diagnostics[0];
        assert_eq!((d.line, d.column), (10, 5), "{d:?}");
        assert!(
            d.message.starts_with("tags[0]: invalid type: sequence"),
            "{}",
            d.message
        );
    }

    #[test]
    fn lessons_and_due_dates_are_schema_keys_not_unknown_ones() {
        let json = r#"{"title":"T","lessons":{"went_well":["paging"],"lucky":["low traffic"]},
            "action_items":[{"text":"Add a canary","due":"June 28"}]}"#;
        let parsed = parse_json(json);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        assert_eq!(parsed.incident.lessons.went_well, ["paging"]);
        assert_eq!(parsed.incident.lessons.lucky, ["low traffic"]);
        assert_eq!(
            parsed.incident.action_items[0].due.as_deref(),
            Some("June 28")
        );
    }

    #[test]
    fn unknown_keys_are_warned_about_where_they_are() {
        let parsed = parse_yaml(
            "title: T\ncolour: high\ntimeline:\n  - at: 10:00:00\n    text: a\n    owner: bob\n",
        );
        let found: Vec<(u32, u32, &str)> = parsed
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str()))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (2, 1));
        assert!(
            found[0].2.starts_with("unknown key `colour`"),
            "{}",
            found[0].2
        );
        assert_eq!((found[1].0, found[1].1), (6, 5));
        assert!(found[1].2.contains("`timeline.0.owner`"), "{}", found[1].2);
        assert!(
            found[1].2.contains("at, text, inferred, kind"),
            "{}",
            found[1].2
        );
        assert_eq!(parsed.incident.timeline[0].text, "a");
    }

    #[test]
    fn unsafe_links_are_removed_with_a_warning() {
        let parsed = parse_json(
            r#"{"title": "T", "links": [{"text": "x", "url": "javascript:alert(1)"}, {"text": "ok", "url": "https://a.example"}],
"action_items": [{"text": "t", "link": "data:text/html,hi"}]}"#,
        );
        assert_eq!(parsed.incident.links.len(), 1);
        assert_eq!(parsed.incident.links[0].url, "https://a.example");
        assert_eq!(parsed.incident.action_items[0].link, None);
        assert_eq!(parsed.diagnostics.len(), 2, "{:?}", parsed.diagnostics);
        assert_eq!(parsed.diagnostics[0].line, 1);
        assert_eq!(parsed.diagnostics[1].line, 2);
    }

    #[test]
    fn locates_offsets_across_line_endings() {
        let text = "ab\r\ncd\ne";
        assert_eq!(locate(text, 0), (1, 1, "ab"));
        assert_eq!(locate(text, 5), (2, 2, "cd"));
        assert_eq!(locate(text, 7), (3, 1, "e"));
        assert_eq!(locate(text, 99), (3, 2, "e"));
    }

    #[cfg(feature = "yaml")]
    #[test]
    fn a_refused_yaml_value_near_wide_characters_does_not_panic() {
        // Found by scripts/fuzz.sh: the 1,000-byte window after the error ended inside '𑊙'.
        // Shifted by 0 to 3 bytes, one of these ends the window inside a 4-byte character.
        for pad in 0..4 {
            let mut text = format!("title: x\nstart: \"25:00:00\"\n#{}\n", "x".repeat(pad));
            text.push_str(&"𑊙".repeat(400));
            let parsed = parse_structured(&text, Syntax::Yaml);
            assert!(!parsed.diagnostics.is_empty());
        }
    }
}
