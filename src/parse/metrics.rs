//! Metric series from a file loaded beside a postmortem: CSV or Prometheus `query_range` JSON.
//!
//! **CSV**: one sample per line, `timestamp,value[,series]`. The timestamp is ISO 8601
//! (`2024-01-15T10:00:00-05:00`, `2024-01-15 15:00:00Z`, fractions allowed; no offset means
//! UTC, with a warning) or a Unix epoch number (seconds, or milliseconds when it is 10¹¹ or
//! more). An optional header names the columns; when its value column is not called `value`
//! it names the series. A series name may end with its unit in parentheses:
//! `error rate (%)`. Fields may be quoted (`"a, b"`, `""` for a quote). Lines starting with `#`
//! are comments; `# illustrative: true` marks the data as made up, `# unit: ms` gives the
//! unit of series that state none.
//!
//! **Prometheus**: the JSON of `/api/v1/query_range` (`resultType: matrix`), one series per
//! result, named `metric{label="value",...}`; the unit is guessed from the conventional name
//! suffix (`_seconds`, `_bytes`, `_percent`, `_ratio`).
//!
//! Every skipped line or sample gets a located diagnostic; samples are returned in time order.
//! Values beyond ±[`MAX_VALUE`] (10¹⁵) and times beyond ±[`MAX_TIME_MS`] are left out with a
//! warning: nothing measured is that large, and a chart axis over such a range is no chart. Of
//! several samples of one series at the same instant, the first written is kept (a warning
//! names each one left out).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;

use super::diagnostic::{column_of, Diagnostic};
use crate::model::MetricSeries;

/// The largest magnitude a sample value may have (10¹⁵); larger ones are left out.
pub const MAX_VALUE: f64 = 1e15;

/// The largest magnitude a sample time may have, in epoch milliseconds (10¹⁶, about the
/// year 318,857); later or earlier ones are left out.
pub const MAX_TIME_MS: f64 = 1e16;

/// Why a finite value is left out, if it is: it is beyond ±[`MAX_VALUE`].
pub fn value_out_of_range(value: f64) -> Option<String> {
    (value.abs() > MAX_VALUE).then(|| {
        format!("value {value:e} is beyond ±1e15; the sample is left out (expected a measurement a chart can show)")
    })
}

/// Orders `points` by time, keeping the written order of equal times, and drops every sample
/// at the same time as an earlier-written one. Returns the index (in written order) of the
/// first sample that is earlier than the one before it, and the written indices of the
/// samples dropped.
pub(crate) fn settle_points(points: &mut Vec<(i64, f64)>) -> (Option<usize>, Vec<usize>) {
    let unsorted = points
        .windows(2)
        .position(|w| w[1].0 < w[0].0)
        .map(|i| i + 1);
    let mut order: Vec<usize> = (0..points.len()).collect();
    if unsorted.is_some() {
        // Stable: equal times stay in written order, so the first written comes first.
        order.sort_by_key(|&i| points[i].0);
    }
    let mut kept = Vec::with_capacity(points.len());
    let mut dropped = Vec::new();
    for i in order {
        if kept
            .last()
            .is_some_and(|&(t, _): &(i64, f64)| t == points[i].0)
        {
            dropped.push(i);
        } else {
            kept.push(points[i]);
        }
    }
    dropped.sort_unstable();
    *points = kept;
    (unsorted, dropped)
}

/// Reads the metric series in `text`, the contents of the file called `name`.
pub fn parse_metrics(name: &str, text: &str) -> (Vec<MetricSeries>, Vec<Diagnostic>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with(['{', '[']) {
        parse_prometheus(name, text)
    } else {
        parse_csv(name, text)
    }
}

/// The series name a file gives when its data names none: `errors.csv` → `errors`.
fn stem(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = file.split('.').next().unwrap_or(file).trim();
    if stem.is_empty() {
        "value".into()
    } else {
        stem.into()
    }
}

/// Splits `error rate (%)` into `("error rate", "%")`.
fn split_unit(label: &str) -> (String, String) {
    let label = label.trim();
    if let Some(open) = label.rfind(" (").filter(|_| label.ends_with(')')) {
        let unit = &label[open + 2..label.len() - 1];
        if !unit.is_empty() && !unit.contains(['(', ')']) {
            return (label[..open].trim().into(), unit.trim().into());
        }
    }
    (label.into(), String::new())
}

/// Series in first-seen order, with the line each sample came from (for order warnings).
#[derive(Default)]
struct Collector {
    series: Vec<(MetricSeries, Vec<u32>)>,
    by_name: HashMap<String, usize>,
}

impl Collector {
    fn push(&mut self, label: &str, line: u32, sample: (i64, f64)) {
        let index = match self.by_name.get(label) {
            Some(&index) => index,
            None => {
                let (name, unit) = split_unit(label);
                self.series.push((
                    MetricSeries {
                        name,
                        unit,
                        ..MetricSeries::default()
                    },
                    Vec::new(),
                ));
                self.by_name
                    .insert(label.to_string(), self.series.len() - 1);
                self.series.len() - 1
            }
        };
        let (series, lines) = &mut self.series[index];
        series.points.push(sample);
        lines.push(line);
    }

    /// The series, each sorted by time; a series written out of order gets a warning at its
    /// first sample earlier than the one before it, and each sample at the same time as an
    /// earlier-written one is left out with a warning.
    fn finish(self, lines: &[&str], diagnostics: &mut Vec<Diagnostic>) -> Vec<MetricSeries> {
        self.series
            .into_iter()
            .map(|(mut series, sample_lines)| {
                let line_of = |i: usize| sample_lines.get(i).copied().unwrap_or(1);
                let (unsorted, dropped) = settle_points(&mut series.points);
                if let Some(i) = unsorted {
                    diagnostics.push(Diagnostic::warning(
                        line_of(i),
                        1,
                        format!(
                            "sample of `{}` is earlier than the one before it; the series was sorted by time",
                            series.name
                        ),
                        excerpt(lines, line_of(i)),
                    ));
                }
                for i in dropped {
                    diagnostics.push(duplicate_warning(&series.name, line_of(i), 1, excerpt(lines, line_of(i))));
                }
                series
            })
            .collect()
    }
}

/// The warning for a sample left out because its series has one at that time already.
pub(crate) fn duplicate_warning(series: &str, line: u32, column: u32, excerpt: &str) -> Diagnostic {
    Diagnostic::warning(
        line,
        column,
        format!("`{series}` already has a sample at this time; this one is left out (the first written is kept)"),
        excerpt,
    )
}

fn excerpt<'a>(lines: &[&'a str], line: u32) -> &'a str {
    lines
        .get((line as usize).saturating_sub(1))
        .copied()
        .unwrap_or("")
}

/// One CSV field: where it starts in its line (bytes) and its unquoted text.
struct Field {
    at: usize,
    text: String,
}

/// Splits a CSV line into fields, honouring double quotes. Returns the fields and whether a
/// quote was left open.
fn split_fields(line: &str) -> (Vec<Field>, bool) {
    let mut fields = Vec::new();
    let mut text = String::new();
    let mut at = 0;
    let mut quoted = false;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' if quoted => {
                if chars.peek().map(|&(_, next)| next) == Some('"') {
                    text.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            }
            '"' if text.trim().is_empty() => {
                text.clear();
                quoted = true;
            }
            ',' if !quoted => {
                fields.push(Field {
                    at,
                    text: std::mem::take(&mut text),
                });
                at = i + 1;
            }
            _ => text.push(c),
        }
    }
    fields.push(Field { at, text });
    (fields, quoted)
}

/// Why a timestamp could not be read.
const TIMESTAMP_EXPECTED: &str = "expected a timestamp: ISO 8601 such as 2024-01-15T10:00:00-05:00, or Unix epoch seconds or milliseconds";

/// A timestamp in epoch milliseconds, and whether it lacked a UTC offset.
fn parse_timestamp(text: &str) -> Option<(i64, bool)> {
    let text = text.trim();
    if let Ok(number) = text.parse::<f64>() {
        if !number.is_finite() {
            return None;
        }
        let ms = if number.abs() >= 1e11 {
            number
        } else {
            number * 1000.0
        };
        return (ms.abs() < MAX_TIME_MS).then_some((ms.round() as i64, false));
    }
    let (date, rest) = text.split_once(['T', 't', ' '])?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let rest = rest.trim();
    let (clock, offset_seconds) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        (clock.trim_end(), Some(0))
    } else if let Some(at) = rest.rfind(['+', '-']) {
        let (clock, zone) = rest.split_at(at);
        (clock.trim_end(), Some(offset_seconds(zone)?))
    } else {
        (rest, None)
    };
    let time = NaiveTime::parse_from_str(clock, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(clock, "%H:%M"))
        .ok()?;
    let local_ms = NaiveDateTime::new(date, time).and_utc().timestamp_millis();
    if local_ms.unsigned_abs() as f64 >= MAX_TIME_MS {
        return None;
    }
    Some((
        local_ms - offset_seconds.unwrap_or(0) * 1000,
        offset_seconds.is_none(),
    ))
}

/// `+05:30`, `-0500` or `+05` as seconds east of UTC.
fn offset_seconds(zone: &str) -> Option<i64> {
    let sign = if zone.starts_with('-') { -1 } else { 1 };
    let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return None;
    }
    let hours: i64 = digits[..2].parse().ok()?;
    let minutes: i64 = digits
        .get(2..)
        .filter(|m| !m.is_empty())
        .map_or(Ok(0), str::parse)
        .ok()?;
    (hours <= 18 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
}

/// A sample value: a number, optionally followed by `%` (which gives the unit).
fn parse_value(text: &str) -> Option<(f64, bool)> {
    let text = text.trim();
    let (number, percent) = match text.strip_suffix('%') {
        Some(number) => (number.trim_end(), true),
        None => (text, false),
    };
    number
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| (v, percent))
}

fn parse_csv(name: &str, text: &str) -> (Vec<MetricSeries>, Vec<Diagnostic>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut diagnostics = Vec::new();
    let mut collector = Collector::default();
    let mut default_label = stem(name);
    let mut default_unit = String::new();
    let mut illustrative = false;
    let mut seen_data = false;
    let mut warned_no_offset = false;

    for (index, &line) in lines.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(comment) = trimmed.strip_prefix('#') {
            if let Some((key, value)) = comment.split_once(':') {
                let value = value.trim();
                match key.trim().to_ascii_lowercase().as_str() {
                    "illustrative" => illustrative = !matches!(value, "false" | "no" | "0"),
                    "unit" => default_unit = value.to_string(),
                    _ => {}
                }
            }
            continue;
        }
        let (fields, open_quote) = split_fields(line);
        if open_quote {
            diagnostics.push(Diagnostic::error(
                number,
                column_of(line, line.len()),
                "a quoted field is not closed on this line; expected a closing `\"`",
                line,
            ));
            continue;
        }
        let timestamp = parse_timestamp(&fields[0].text);
        if timestamp.is_none() && !seen_data {
            // A header: timestamp,value[,series]. A value column not called `value` names the series.
            seen_data = true;
            if let Some(value) = fields.get(1) {
                let label = value.text.trim();
                if !label.is_empty() && !label.eq_ignore_ascii_case("value") {
                    default_label = label.to_string();
                }
            }
            if fields.len() < 2 {
                diagnostics.push(Diagnostic::error(
                    number,
                    1,
                    "expected a header `timestamp,value[,series]` or a sample `2024-01-15T10:00:00Z,1.5`",
                    line,
                ));
            }
            if let Some(extra) = fields.get(3) {
                diagnostics.push(Diagnostic::warning(
                    number,
                    column_of(line, extra.at),
                    "columns after the third are not read; expected `timestamp,value[,series]`",
                    line,
                ));
            }
            continue;
        }
        seen_data = true;
        let Some((ms, no_offset)) = timestamp else {
            diagnostics.push(Diagnostic::error(
                number,
                column_of(line, fields[0].at),
                TIMESTAMP_EXPECTED,
                line,
            ));
            continue;
        };
        if no_offset && !warned_no_offset {
            warned_no_offset = true;
            diagnostics.push(Diagnostic::warning(
                number,
                column_of(line, fields[0].at),
                "timestamp has no UTC offset; timestamps without one are read as UTC",
                line,
            ));
        }
        let Some(value_field) = fields.get(1) else {
            diagnostics.push(Diagnostic::error(
                number,
                column_of(line, line.len()),
                "expected `,` and a value after the timestamp",
                line,
            ));
            continue;
        };
        let Some((value, percent)) = parse_value(&value_field.text) else {
            diagnostics.push(Diagnostic::error(
                number,
                column_of(line, value_field.at),
                format!(
                    "expected a finite number as the value, found `{}`",
                    value_field.text.trim()
                ),
                line,
            ));
            continue;
        };
        if let Some(why) = value_out_of_range(value) {
            diagnostics.push(Diagnostic::warning(
                number,
                column_of(line, value_field.at),
                why,
                line,
            ));
            continue;
        }
        if let Some(extra) = fields.get(3) {
            diagnostics.push(Diagnostic::warning(
                number,
                column_of(line, extra.at),
                "fields after the third are not read; expected `timestamp,value[,series]`",
                line,
            ));
        }
        let label = fields
            .get(2)
            .map(|f| f.text.trim())
            .filter(|l| !l.is_empty())
            .unwrap_or(&default_label);
        let label = if percent && split_unit(label).1.is_empty() {
            format!("{label} (%)")
        } else {
            label.to_string()
        };
        collector.push(&label, number, (ms, value));
    }

    let mut series = collector.finish(&lines, &mut diagnostics);
    for s in &mut series {
        s.illustrative = illustrative;
        if s.unit.is_empty() {
            s.unit = default_unit.clone();
        }
    }
    if series.is_empty() {
        diagnostics.push(Diagnostic::warning(
            1,
            1,
            "no samples found; expected lines `timestamp,value[,series]`",
            lines.first().copied().unwrap_or(""),
        ));
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    (series, diagnostics)
}

/// The parts of a Prometheus HTTP API response this reader uses.
#[derive(Deserialize)]
struct PromResponse {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    data: Option<PromData>,
    #[serde(default, rename = "resultType")]
    result_type: Option<String>,
    #[serde(default)]
    result: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct PromData {
    #[serde(rename = "resultType")]
    result_type: String,
    result: serde_json::Value,
}

/// The response read again with its results typed, only to locate what is wrong in them
/// (a `serde_json::Value` has no positions).
#[derive(Deserialize)]
struct TypedResponse {
    #[serde(default)]
    #[allow(dead_code)]
    data: Option<TypedData>,
    #[serde(default)]
    #[allow(dead_code)]
    result: Option<Vec<PromSeries>>,
}

#[derive(Deserialize)]
struct TypedData {
    #[allow(dead_code)]
    result: Vec<PromSeries>,
}

/// A label map read as its key-value pairs, sorted by name.
fn labels_in_order<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<(String, String)>, D::Error> {
    let map: serde_json::Map<String, serde_json::Value> = Deserialize::deserialize(deserializer)?;
    Ok(map
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            (k, v)
        })
        .collect())
}

/// One series of a matrix result: its labels sorted by name (as Prometheus writes them) and its `[time, "value"]` pairs.
#[derive(Deserialize)]
struct PromSeries {
    #[serde(default, deserialize_with = "labels_in_order")]
    metric: Vec<(String, String)>,
    values: Vec<(f64, String)>,
}

/// The unit a Prometheus metric name's suffix states, by convention.
fn prometheus_unit(name: &str) -> &'static str {
    let suffixes = [
        ("_percent", "%"),
        ("_ratio", "ratio"),
        ("_seconds", "s"),
        ("_milliseconds", "ms"),
        ("_bytes", "B"),
    ];
    let base = name.strip_suffix("_total").unwrap_or(name);
    suffixes
        .iter()
        .find(|(suffix, _)| base.ends_with(suffix))
        .map_or("", |&(_, unit)| unit)
}

/// Where `needle` is next written in `text`, after where it was last found (remembered in
/// `searched_from`), so that repeated values are located one after the other.
fn next_occurrence(
    text: &str,
    needle: &str,
    searched_from: &mut HashMap<String, usize>,
) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let from = searched_from
        .get(needle)
        .copied()
        .unwrap_or(0)
        .min(text.len());
    let at = text.get(from..)?.find(needle).map(|i| from + i)?;
    searched_from.insert(needle.to_string(), at + needle.len());
    Some(at)
}

/// A Prometheus sample time as it is usually written: `1705330800` or `1705330815.5`.
fn time_text(seconds: f64) -> String {
    if seconds.fract() == 0.0 && seconds.abs() < 1e15 {
        format!("{}", seconds as i64)
    } else {
        format!("{seconds}")
    }
}

/// Line, column and excerpt of byte `at` in `text`.
fn locate(text: &str, at: usize) -> (u32, u32, &str) {
    let at = at.min(text.len());
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    let number = text[..at].matches('\n').count() + 1;
    (
        u32::try_from(number).unwrap_or(u32::MAX),
        column_of(line, at - line_start),
        line,
    )
}

fn parse_prometheus(name: &str, text: &str) -> (Vec<MetricSeries>, Vec<Diagnostic>) {
    const EXPECTED: &str =
        "expected Prometheus query_range JSON: {\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[...]}}";
    let mut diagnostics = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let response: PromResponse = match serde_json::from_str(text) {
        Ok(response) => response,
        Err(error) => {
            let mut line = u32::try_from(error.line()).unwrap_or(u32::MAX).max(1);
            let mut column = u32::try_from(error.column()).unwrap_or(u32::MAX).max(1);
            // The end of the input (after a last newline) is just past the last line's end.
            if line as usize > lines.len() && !lines.is_empty() {
                line = u32::try_from(lines.len()).unwrap_or(u32::MAX);
                let last = lines[lines.len() - 1].chars().count() + 1;
                column = u32::try_from(last).unwrap_or(u32::MAX);
            }
            diagnostics.push(Diagnostic::error(
                line,
                column,
                format!("{EXPECTED}; {error}"),
                excerpt(&lines, line),
            ));
            return (Vec::new(), diagnostics);
        }
    };
    let at_key = |key: &str| locate(text, text.find(key).unwrap_or(0));
    if response.status.as_deref() == Some("error") {
        let (line, column, excerpt) = at_key("\"error\"");
        diagnostics.push(Diagnostic::error(
            line,
            column,
            format!(
                "the query failed: {}",
                response
                    .error
                    .as_deref()
                    .unwrap_or("no error message given")
            ),
            excerpt,
        ));
        return (Vec::new(), diagnostics);
    }
    let (result_type, result) = match (response.data, response.result_type, response.result) {
        (Some(data), _, _) => (data.result_type, data.result),
        (None, Some(result_type), Some(result)) => (result_type, result),
        _ => {
            diagnostics.push(Diagnostic::error(1, 1, EXPECTED, excerpt(&lines, 1)));
            return (Vec::new(), diagnostics);
        }
    };
    if result_type != "matrix" {
        let (line, column, excerpt) = at_key("\"resultType\"");
        diagnostics.push(Diagnostic::error(
            line,
            column,
            format!(
                "expected resultType \"matrix\" (a query_range result), found \"{result_type}\""
            ),
            excerpt,
        ));
        return (Vec::new(), diagnostics);
    }
    let raw: Vec<PromSeries> = match serde_json::from_value(result) {
        Ok(raw) => raw,
        Err(error) => {
            let (mut line, mut column, mut excerpt) = at_key("\"result\"");
            // Read from the text, the same mistake has a place: the value it is about.
            if let Err(positioned) = serde_json::from_str::<TypedResponse>(text) {
                if positioned.line() > 0 {
                    line = u32::try_from(positioned.line()).unwrap_or(u32::MAX);
                    excerpt = super::lines::source_lines(text)
                        .nth(positioned.line() - 1)
                        .map_or("", |l| l.text);
                    let start = super::structured::json_value_start(excerpt, positioned.column());
                    column = column_of(excerpt, start.saturating_sub(1));
                }
            }
            diagnostics.push(Diagnostic::error(
                line,
                column,
                format!("expected each result to have \"metric\" labels and \"values\" as [time, \"value\"] pairs; {error}"),
                excerpt,
            ));
            return (Vec::new(), diagnostics);
        }
    };
    // Where each raw value string was seen, so a skipped sample can be located.
    let mut searched_from: HashMap<String, usize> = HashMap::new();
    let mut series = Vec::new();
    for prom in raw {
        let metric_name = prom
            .metric
            .iter()
            .find(|(k, _)| k == "__name__")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let labels: Vec<String> = prom
            .metric
            .iter()
            .filter(|(k, _)| k != "__name__")
            .map(|(k, v)| format!("{k}=\"{v}\""))
            .collect();
        let base = if metric_name.is_empty() && labels.is_empty() {
            stem(name)
        } else {
            metric_name.clone()
        };
        let full_name = if labels.is_empty() {
            base
        } else {
            format!("{base}{{{}}}", labels.join(","))
        };
        let mut points = Vec::with_capacity(prom.values.len());
        // The written text of each kept sample's time, to locate a duplicate.
        let mut times = Vec::with_capacity(prom.values.len());
        for (seconds, raw_value) in prom.values {
            let ms = seconds * 1000.0;
            let problem = match raw_value.trim().parse::<f64>() {
                Ok(value) if value.is_finite() && ms.is_finite() && ms.abs() < MAX_TIME_MS => {
                    match value_out_of_range(value) {
                        None => {
                            points.push((ms.round() as i64, value));
                            times.push(seconds);
                            continue;
                        }
                        Some(why) => format!("sample \"{raw_value}\" of `{full_name}`: {why}"),
                    }
                }
                Ok(value) if value.is_finite() => format!(
                    "sample \"{raw_value}\" of `{full_name}` has a time ({seconds}) beyond ±1e13 seconds; it is left out (a gap)"
                ),
                _ => format!(
                    "sample \"{raw_value}\" of `{full_name}` is not a finite number; it is left out (a gap)"
                ),
            };
            let needle = format!("\"{raw_value}\"");
            let at = next_occurrence(text, &needle, &mut searched_from);
            let (line, column, excerpt) = locate(text, at.unwrap_or(0));
            diagnostics.push(Diagnostic::warning(line, column, problem, excerpt));
        }
        let (_, dropped) = settle_points(&mut points);
        for i in dropped {
            // A duplicate is written after the first sample at its time, which is kept.
            let needle = times.get(i).map_or_else(String::new, |&t| time_text(t));
            if !searched_from.contains_key(&needle) {
                next_occurrence(text, &needle, &mut searched_from);
            }
            let at = next_occurrence(text, &needle, &mut searched_from);
            let (line, column, excerpt) = locate(text, at.unwrap_or(0));
            diagnostics.push(duplicate_warning(&full_name, line, column, excerpt));
        }
        series.push(MetricSeries {
            unit: prometheus_unit(&metric_name).into(),
            name: full_name,
            illustrative: false,
            points,
        });
    }
    if series.is_empty() {
        let (line, column, excerpt) = at_key("\"result\"");
        diagnostics.push(Diagnostic::warning(
            line,
            column,
            "the result holds no series",
            excerpt,
        ));
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    (series, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::Severity;

    const JAN_15_15H_UTC: i64 = 1_705_330_800_000;

    #[test]
    fn reads_csv_with_header_iso_times_and_several_series() {
        let text = "# illustrative: true\ntimestamp,value,series\n\
            2024-01-15T10:00:00-05:00,0.5,error rate (%)\n\
            2024-01-15T10:00:00-05:00,120,latency (ms)\n\
            2024-01-15T15:01:00Z,31.5,error rate (%)\n";
        let (series, diagnostics) = parse_metrics("m.csv", text);
        assert_eq!(diagnostics, []);
        assert_eq!(series.len(), 2);
        assert_eq!(
            (series[0].name.as_str(), series[0].unit.as_str()),
            ("error rate", "%")
        );
        assert_eq!(
            series[0].points,
            [(JAN_15_15H_UTC, 0.5), (JAN_15_15H_UTC + 60_000, 31.5)]
        );
        assert_eq!(series[1].name, "latency");
        assert_eq!(series[1].unit, "ms");
        assert_eq!(series[1].points, [(JAN_15_15H_UTC, 120.0)]);
        assert!(series.iter().all(|s| s.illustrative));
    }

    #[test]
    fn reads_epoch_seconds_and_milliseconds_without_header() {
        let text = "1705330800,1\n1705330860000,2\n1705330920.5,3%\n";
        let (series, diagnostics) = parse_metrics("errors.csv", text);
        assert_eq!(diagnostics, []);
        assert_eq!(series.len(), 2, "a % value names its own unit");
        assert_eq!(series[0].name, "errors");
        assert_eq!(
            series[0].points,
            [(JAN_15_15H_UTC, 1.0), (JAN_15_15H_UTC + 60_000, 2.0)]
        );
        assert_eq!(
            (series[1].unit.as_str(), series[1].points.as_slice()),
            ("%", [(JAN_15_15H_UTC + 120_500, 3.0)].as_slice())
        );
    }

    #[test]
    fn a_header_value_column_names_the_series_and_quotes_are_honoured() {
        let text = "time,\"p95 latency, login (ms)\"\r\n2024-01-15 15:00:00+0000,250\r\n";
        let (series, diagnostics) = parse_metrics("x.csv", text);
        assert_eq!(diagnostics, []);
        assert_eq!(series[0].name, "p95 latency, login");
        assert_eq!(series[0].unit, "ms");
        assert_eq!(series[0].points, [(JAN_15_15H_UTC, 250.0)]);
    }

    #[test]
    fn bad_lines_get_located_diagnostics_and_the_rest_is_read() {
        let text = "timestamp,value\n2024-01-15T15:00:00Z,1\nyesterday,2\n2024-01-15T15:02:00Z,  lots\n\
            2024-01-15T15:03:00Z\n2024-01-15T15:01:00Z,4,s,extra\n\"open,5\n2024-01-15T15:04:00,6\n";
        let (series, diagnostics) = parse_metrics("x.csv", text);
        let found: Vec<(Severity, u32, u32)> = diagnostics
            .iter()
            .map(|d| (d.severity, d.line, d.column))
            .collect();
        assert_eq!(
            found,
            [
                (Severity::Error, 3, 1),
                (Severity::Error, 4, 22),
                (Severity::Error, 5, 21),
                (Severity::Warning, 6, 26),
                (Severity::Error, 7, 8),
                (Severity::Warning, 8, 1),
            ]
        );
        assert!(diagnostics[1].message.contains("found `lots`"));
        assert_eq!(diagnostics[1].excerpt, "2024-01-15T15:02:00Z,  lots");
        assert!(diagnostics[5].message.contains("read as UTC"));
        assert_eq!(series.len(), 2);
        assert_eq!(series[0].points.len(), 2);
        assert_eq!(series[1].name, "s");
    }

    #[test]
    fn out_of_order_samples_are_sorted_with_a_warning() {
        let text = "1705330860,2\n1705330800,1\n";
        let (series, diagnostics) = parse_metrics("x.csv", text);
        assert_eq!(
            series[0].points,
            [(JAN_15_15H_UTC, 1.0), (JAN_15_15H_UTC + 60_000, 2.0)]
        );
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(
            (diagnostics[0].line, diagnostics[0].severity),
            (2, Severity::Warning)
        );
    }

    #[test]
    fn empty_input_warns() {
        let (series, diagnostics) = parse_metrics("x.csv", "");
        assert!(series.is_empty());
        assert_eq!(diagnostics.len(), 1);
    }

    #[test]
    fn reads_a_prometheus_matrix_with_labels() {
        let text = r#"{
  "status": "success",
  "data": {
    "resultType": "matrix",
    "result": [
      {"metric": {"__name__": "http_request_duration_seconds", "job": "api", "code": "500"},
       "values": [[1705330800, "0.25"], [1705330815.5, "0.5"]]},
      {"metric": {"job": "web"},
       "values": [[1705330800, "NaN"], [1705330830, "3"]]}
    ]
  }
}"#;
        let (series, diagnostics) = parse_metrics("q.json", text);
        assert_eq!(series.len(), 2);
        assert_eq!(
            series[0].name,
            "http_request_duration_seconds{code=\"500\",job=\"api\"}"
        );
        assert_eq!(series[0].unit, "s");
        assert_eq!(
            series[0].points,
            [(JAN_15_15H_UTC, 0.25), (JAN_15_15H_UTC + 15_500, 0.5)]
        );
        assert_eq!(series[1].name, "{job=\"web\"}");
        assert_eq!(series[1].points, [(JAN_15_15H_UTC + 30_000, 3.0)]);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (9, 32));
        assert!(diagnostics[0].message.contains("\"NaN\""));
    }

    #[test]
    fn prometheus_problems_are_located_errors() {
        let (_, d) = parse_metrics(
            "q.json",
            "{\"status\": \"success\",\n \"data\": {\"resultType\": \"vector\", \"result\": []}}",
        );
        assert_eq!((d[0].line, d[0].column), (2, 11));
        assert!(d[0].message.contains("found \"vector\""));

        let (_, d) = parse_metrics("q.json", "{\"status\":\"error\",\"error\":\"bad query\"}");
        assert!(d[0].message.contains("bad query"));

        let (series, d) = parse_metrics("q.json", "{\n  \"status\": \"success\"\n  \"data\": {}}");
        assert!(series.is_empty());
        assert_eq!(d[0].severity, Severity::Error);
        assert_eq!((d[0].line, d[0].column), (3, 3));
        assert!(d[0].message.contains("expected `,`"), "{}", d[0].message);
    }

    #[test]
    fn a_value_written_as_a_number_is_located_at_itself() {
        let json = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[\n  {\"metric\":{},\"values\":[[1705330800,1]]}]}}";
        let (series, d) = parse_metrics("q.json", json);
        assert!(series.is_empty());
        assert_eq!((d[0].line, d[0].column), (2, 38), "{:?}", d[0]);
        assert!(
            d[0].message.contains("invalid type: integer `1`"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn json_cut_off_after_a_newline_is_located_on_the_last_line() {
        // Found by the fuzzing run (tests/robustness.rs): serde_json says line 2, column 0.
        let (_, diagnostics) = parse_metrics("m.json", "{\n");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!((diagnostics[0].line, diagnostics[0].column), (1, 2));
    }
}
