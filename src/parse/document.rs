//! The one entry point for loaded bytes: picks the reader by file name and content.

use super::html_page;
use super::structured::{parse_structured, Syntax, INCIDENT_KEYS};
use super::{parse_text_named, Diagnostic, Parsed};

/// Input formats the app reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plain-text postmortem.
    Text,
    /// A Markdown postmortem (read by the same reader as plain text).
    Markdown,
    /// A whole HTML page: the text reader reads what a browser shows of it.
    Html,
    /// The structured schema as JSON.
    Json,
    /// The structured schema as TOML.
    Toml,
    /// The structured schema as YAML.
    Yaml,
}

impl Format {
    /// The format a file extension names (without the dot, any case), if it names one.
    pub fn from_extension(extension: &str) -> Option<Format> {
        match extension.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "json" => Some(Format::Json),
            "toml" => Some(Format::Toml),
            "yaml" | "yml" => Some(Format::Yaml),
            _ => None,
        }
    }
}

/// The format of a file: by its extension when it has a known one, otherwise by its content.
///
/// Content sniffing: a document starting with `{` is JSON; one whose first line is a
/// `key = value` or `[table]` line of the schema is TOML; one whose unindented lines are all
/// schema keys (`title: ...`) is YAML; a first line starting with `#` is Markdown; anything
/// else is plain text.
pub fn detect_format(name: &str, text: &str) -> Format {
    let extension = name.rsplit_once('.').map(|(_, ext)| ext);
    if let Some(format) = extension.and_then(Format::from_extension) {
        return format;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut meaningful = text
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty() && !line.trim_start().starts_with("//"));
    let Some(first) = meaningful.next() else {
        return Format::Text;
    };
    let first_trimmed = first.trim_start();
    if html_page::is_html_page(first_trimmed) {
        return Format::Html;
    }
    if first_trimmed.starts_with('{') {
        return Format::Json;
    }
    if is_toml_line(first_trimmed) {
        return Format::Toml;
    }
    if looks_like_yaml(text) {
        return Format::Yaml;
    }
    if first_trimmed.starts_with('#') {
        return Format::Markdown;
    }
    Format::Text
}

/// The note on a whole web page in a file named as text or Markdown: read as a page, and said.
fn named_otherwise(text: &str) -> Diagnostic {
    let (index, first) = text
        .lines()
        .enumerate()
        .find(|(_, line)| !line.trim().is_empty())
        .unwrap_or((0, ""));
    Diagnostic::warning(
        u32::try_from(index + 1).unwrap_or(u32::MAX),
        1,
        "a whole web page (HTML) in a file not named `.html`: read as the page a browser shows",
        first,
    )
}

/// `title = "..."`, `[impact]` or `[[timeline]]` with a schema key.
fn is_toml_line(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
        return INCIDENT_KEYS.contains(&rest.trim());
    }
    if let Some(rest) = line.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return INCIDENT_KEYS.contains(&rest.trim());
    }
    match line.split_once('=') {
        Some((key, _)) => INCIDENT_KEYS.contains(&key.trim()),
        None => false,
    }
}

/// True when every unindented line is `---`, `...`, a comment or a `schema_key:` line.
fn looks_like_yaml(text: &str) -> bool {
    let mut keys = 0;
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with([' ', '\t', '#', '-']) && line != "---" {
            continue;
        }
        if line == "---" || line == "..." || line.starts_with("%YAML") {
            continue;
        }
        match line.split_once(':') {
            Some((key, _)) if INCIDENT_KEYS.contains(&key) => keys += 1,
            _ => return false,
        }
    }
    keys > 0
}

/// True when the text reader takes `label` as a section heading or field name ("Timeline",
/// "Root Cause", "Issue Summary", ...): writers must not use such a text as a free heading.
pub fn names_a_section(label: &str) -> bool {
    super::labels::field_for(label).is_some()
}

/// Reads an incident from a loaded file of any supported format.
pub fn parse_document(name: &str, text: &str) -> Parsed {
    match detect_format(name, text) {
        format @ (Format::Text | Format::Markdown | Format::Html) => {
            // A whole page is read as a browser shows it, whatever its name says (a page saved
            // as `postmortem.md`); a file named `.html` that holds Markdown (a static site's
            // source) is read as written.
            if html_page::is_html_page(text) {
                let shown = html_page::shown_text(text);
                let mut parsed = parse_text_named(&shown.text, name);
                shown.locate(&mut parsed.diagnostics);
                if format != Format::Html {
                    parsed.diagnostics.insert(0, named_otherwise(text));
                }
                return parsed;
            }
            parse_text_named(text, name)
        }
        Format::Json => parse_structured(text, Syntax::Json),
        Format::Toml => parse_structured(text, Syntax::Toml),
        Format::Yaml => parse_structured(text, Syntax::Yaml),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_decides_first() {
        assert_eq!(detect_format("a.JSON", "title: x"), Format::Json);
        assert_eq!(detect_format("dir.v2/a.yml", ""), Format::Yaml);
        assert_eq!(detect_format("a.toml", ""), Format::Toml);
        assert_eq!(detect_format("a.md", "{"), Format::Markdown);
        assert_eq!(detect_format("a.txt", "{"), Format::Text);
    }

    #[test]
    fn content_decides_without_a_known_extension() {
        assert_eq!(
            detect_format("pasted", "\u{feff}  {\"title\": 1}"),
            Format::Json
        );
        assert_eq!(detect_format("", "title = \"x\"\n"), Format::Toml);
        assert_eq!(detect_format("", "# x\n[[timeline]]\n"), Format::Markdown);
        assert_eq!(
            detect_format("", "[[timeline]]\nat = \"10:00:00\""),
            Format::Toml
        );
        assert_eq!(
            detect_format("", "---\ntitle: x\ntimeline:\n  - at: 10:00:00\n"),
            Format::Yaml
        );
        assert_eq!(detect_format("", "# Outage\n\nText"), Format::Markdown);
        assert_eq!(detect_format("", "title: x\nIt broke.\n"), Format::Text);
        assert_eq!(detect_format("", "Title: x\n"), Format::Text);
        assert_eq!(detect_format("", "[13:26] bob: hi"), Format::Text);
        assert_eq!(detect_format("", ""), Format::Text);
        assert_eq!(detect_format("", "\n<!doctype html>\n<p>"), Format::Html);
    }

    #[test]
    fn dispatches_to_the_reader() {
        let parsed = parse_document("x.json", r#"{"title": "From JSON"}"#);
        assert_eq!(parsed.incident.title, "From JSON");
        let parsed = parse_document("x", "title: From YAML\n");
        assert_eq!(parsed.incident.title, "From YAML");
        let parsed = parse_document("x.md", "# From Markdown\n");
        assert_eq!(parsed.incident.title, "From Markdown");
        let page = "<!DOCTYPE html>\n<html><head><title>From HTML</title></head>\n<body><h2>Timeline</h2>\n<ul><li>10:00 It broke.</li></ul></body></html>\n";
        let parsed = parse_document("x.html", page);
        assert_eq!(parsed.incident.title, "From HTML");
        assert_eq!(parsed.incident.timeline.len(), 1);
        let indented = "<!doctype html>\n<html><body>\n        <h1>Outage</h1>\n        <p>At 9:30 AM CST it broke.</p>\n</body></html>";
        let parsed = parse_document("x.html", indented);
        let cst = &parsed.diagnostics[0];
        assert_eq!((cst.line, cst.message.starts_with("CST")), (4, true));
        let written = indented.lines().nth(3).unwrap().find("CST").unwrap();
        assert_eq!(
            cst.column as usize,
            written + 1,
            "the column in the page as written"
        );
        let parsed = parse_document("x.html", "---\ntitle: Front matter\n---\n# Markdown\n");
        assert_eq!(parsed.incident.title, "Front matter");
    }

    #[test]
    fn a_whole_page_is_read_as_a_page_whatever_its_name() {
        let page = "<!DOCTYPE html>\n<html>\n<head>\n  <style>\n    body { font-family: serif; }\n  </style>\n</head>\n<body>\n<h1>Slow checkout</h1>\n<h2>Summary:</h2>\n<p><strong>Impact:</strong> carts timed out.</p>\n<h2>Timeline:</h2>\n<ul>\n  <li><strong>08:15 AM:</strong> Alerts fired.</li>\n</ul>\n</body>\n</html>\n";
        for name in ["postmortem.md", "postmortem.txt", "postmortem"] {
            let incident = parse_document(name, page).incident;
            assert_eq!(incident.title, "Slow checkout", "{name}");
            assert_eq!(incident.timeline.len(), 1, "{name}");
            let shown = format!("{} {}", incident.summary, incident.impact.text);
            assert!(
                !shown.contains('<') && !shown.contains("font-family"),
                "{name}: markup or style shown as text: {shown}"
            );
        }
        let said = |name: &str| {
            parse_document(name, page)
                .diagnostics
                .iter()
                .any(|d| d.line == 1 && d.message.contains("not named `.html`"))
        };
        assert!(said("postmortem.md") && said("postmortem.txt"));
        assert!(!said("postmortem.html") && !said("postmortem"));
    }
}
