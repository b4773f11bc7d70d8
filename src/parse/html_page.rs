//! A whole HTML page (a postmortem saved from a browser or published as `.html`), seen as a
//! browser shows it: what a browser never shows — the doctype, processing instructions, the
//! `<head>` with its links and meta tags, `<script>`, `<style>`, `<template>` and `<noscript>`
//! content, and the `<html>`/`<body>` tags themselves — is blanked in place, keeping every line,
//! so that the text reader reads the body's headings, paragraphs and lists and its diagnostics
//! still point at the line as written. Lines lose their indentation (but inside `<pre>`): an
//! HTML page indents its markup freely, and Markdown would read four spaces as code. The
//! indentation taken off each line is kept, so that a note's column is put back where it was.
//!
//! The page's `<title>` becomes the title (written as an `<h1>` where it stood) unless the
//! body's first heading is an `<h1>`: a blog page's `<title>` repeats its `<h1>` with the site
//! name added, while a page that starts with a smaller heading has its name only in `<title>`.

use super::rich::html::{markup_parts, Markup};

/// True when `name` (as written) is one of `names` (lower case).
fn named(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// True when `text` is a whole HTML page: it starts (after a byte-order mark and blank space)
/// with `<!doctype html` or `<html`.
pub fn is_html_page(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head = start.get(..14).unwrap_or(start).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Elements whose whole content a browser does not show in the page (`<title>` is shown only
/// in the tab, and here as the title when it stands in, see [`shown_text`]).
const UNSHOWN: [&str; 6] = ["head", "title", "script", "style", "template", "noscript"];

/// A page as the text reader sees it.
pub struct Shown {
    /// The page with everything a browser does not show blanked and lines unindented.
    pub text: String,
    /// For each line (from 0), how many characters of indentation it lost.
    pub indents: Vec<u32>,
}

impl Shown {
    /// Puts each diagnostic's column back where it is in the page as written.
    pub fn locate(&self, diagnostics: &mut [super::Diagnostic]) {
        for diagnostic in diagnostics {
            let line = diagnostic.line.saturating_sub(1) as usize;
            let indent = self.indents.get(line).copied().unwrap_or(0);
            diagnostic.column = diagnostic.column.saturating_add(indent);
        }
    }
}

/// The page with everything a browser does not show blanked (see the module comment).
pub fn shown_text(page: &str) -> Shown {
    let blanks = unshown_spans(page);
    let title = page_title(page, &blanks).filter(|_| !body_starts_with_h1(page, &blanks));
    let mut out = String::with_capacity(page.len());
    let mut at = 0;
    for (start, end) in blanks {
        out.push_str(&page[at..start]);
        match title {
            Some(title) if start <= title.0 && title.3 <= end => {
                blank_into(&mut out, &page[start..title.0]);
                // `<title>` is 7 characters and `<h1>` 4: the title's text keeps its column.
                out.push_str("   <h1>");
                out.push_str(&page[title.1..title.2]);
                out.push_str("</h1>   ");
                blank_into(&mut out, &page[title.3..end]);
            }
            _ => blank_into(&mut out, &page[start..end]),
        }
        at = end;
    }
    out.push_str(&page[at..]);
    dedented(&out)
}

/// `text` with each line's leading blanks removed, but for lines inside `<pre>`.
fn dedented(text: &str) -> Shown {
    let mut out = String::with_capacity(text.len());
    let mut indents = Vec::new();
    let mut in_pre = false;
    for line in text.split_inclusive('\n') {
        let kept = if in_pre {
            line
        } else {
            line.trim_start_matches([' ', '\t'])
        };
        out.push_str(kept);
        indents.push(u32::try_from(line.len() - kept.len()).unwrap_or(u32::MAX));
        let open = places_ignoring_case(line, "<pre").last();
        let close = places_ignoring_case(line, "</pre").last();
        in_pre = match (open, close) {
            (Some(open), Some(close)) => open > close,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => in_pre,
        };
    }
    Shown { text: out, indents }
}

/// Writes one space for each character of `text` but its line breaks, which are kept.
fn blank_into(out: &mut String, text: &str) {
    for c in text.chars() {
        out.push(if matches!(c, '\n' | '\r') { c } else { ' ' });
    }
}

/// The byte spans a browser does not show, in order and not overlapping.
fn unshown_spans(page: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some(found) = page[at..].find('<') {
        let lt = at + found;
        let Some((markup, len)) = markup_parts(&page[lt..]) else {
            at = lt + 1;
            continue;
        };
        let end = match markup {
            Markup::Tag {
                closing: false,
                name,
                ..
            } if named(name, &UNSHOWN) => closing_tag_end(page, lt + len, name),
            Markup::Tag { name, .. } if named(name, &["html", "body"]) => lt + len,
            Markup::Tag { name, .. } if named(name, &UNSHOWN) => lt + len,
            Markup::Declaration => lt + len,
            _ => {
                at = lt + len;
                continue;
            }
        };
        spans.push((lt, end));
        at = end;
    }
    spans
}

/// Where the end tag `</name>` that closes an element opened before `from` ends: the end of the
/// page when it is never closed.
fn closing_tag_end(page: &str, from: usize, name: &str) -> usize {
    let close = format!("</{name}");
    let rest = &page[from..];
    let Some(found) = find_ignoring_case(rest, &close) else {
        return page.len();
    };
    let after = from + found + close.len();
    page[after..]
        .find('>')
        .map_or(page.len(), |gt| after + gt + 1)
}

/// Where `needle` (ASCII) occurs in `haystack`, in any case, first to last.
fn places_ignoring_case<'a>(
    haystack: &'a str,
    needle: &'a str,
) -> impl Iterator<Item = usize> + 'a {
    haystack
        .as_bytes()
        .windows(needle.len())
        .enumerate()
        .filter(|(_, window)| window.eq_ignore_ascii_case(needle.as_bytes()))
        .map(|(at, _)| at)
}

/// The first place `needle` (ASCII) occurs in `haystack`, in any case.
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    places_ignoring_case(haystack, needle).next()
}

/// The page's `<title>` inside a blanked span: where its open tag starts, where its text starts
/// and ends, and where its end tag ends. `None` when there is none or its text is empty.
fn page_title(page: &str, blanks: &[(usize, usize)]) -> Option<(usize, usize, usize, usize)> {
    let open = find_ignoring_case(page, "<title>")?;
    let text_start = open + "<title>".len();
    let text_len = find_ignoring_case(&page[text_start..], "</title>")?;
    let text_end = text_start + text_len;
    let close_end = text_end + "</title>".len();
    let inside_blank = blanks
        .iter()
        .any(|&(start, end)| start <= open && close_end <= end);
    let has_text = !page[text_start..text_end].trim().is_empty();
    (inside_blank && has_text).then_some((open, text_start, text_end, close_end))
}

/// True when the first heading the page shows (after its `<head>`) is an `<h1>`.
fn body_starts_with_h1(page: &str, blanks: &[(usize, usize)]) -> bool {
    let hidden = |at: usize| blanks.iter().any(|&(start, end)| start <= at && at < end);
    let mut at = blanks
        .iter()
        .find(|span| is_head(&page[span.0..]))
        .map_or(0, |span| span.1);
    while let Some(found) = page[at..].find('<') {
        let lt = at + found;
        let Some((markup, len)) = markup_parts(&page[lt..]) else {
            at = lt + 1;
            continue;
        };
        if let Markup::Tag {
            closing: false,
            name,
            ..
        } = markup
        {
            if let Some(level) = heading_level(name).filter(|_| !hidden(lt)) {
                return level == 1;
            }
        }
        at = lt + len;
    }
    false
}

/// True when `text` starts with a `<head>` open tag.
fn is_head(text: &str) -> bool {
    matches!(
        markup_parts(text),
        Some((Markup::Tag { closing: false, name, .. }, _)) if name.eq_ignore_ascii_case("head")
    )
}

/// The level of a heading tag's name (`h1` → 1).
fn heading_level(name: &str) -> Option<u8> {
    let level = name.strip_prefix(['h', 'H'])?.parse::<u8>().ok()?;
    (1..=6).contains(&level).then_some(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_a_whole_page() {
        assert!(is_html_page("\u{feff}\n  <!DOCTYPE html>\n<html>"));
        assert!(is_html_page("<HTML lang=en>"));
        assert!(!is_html_page("# Outage\n<html>"));
        assert!(!is_html_page("<h1>Outage</h1>"));
    }

    #[test]
    fn blanks_what_a_browser_does_not_show_keeping_lines() {
        let page = "<!DOCTYPE html>\n<html>\n<head><meta charset=utf-8>\n<style>p{}</style></head>\n<body>\n<script>if (a < b) {}</script><h2>Timeline</h2>\n<p>10:00 it broke</p>\n</body></html>\n";
        let shown = shown_text(page).text;
        assert_eq!(shown.lines().count(), page.lines().count());
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[..5].iter().all(|l| l.trim().is_empty()), "{shown:?}");
        assert_eq!(lines[5], "<h2>Timeline</h2>");
        assert_eq!(lines[6], "<p>10:00 it broke</p>");
        assert!(lines[7].trim().is_empty());
    }

    #[test]
    fn the_title_stands_in_when_the_body_opens_with_a_smaller_heading() {
        let page = "<html><head>\n    <title>Club &amp; outage</title>\n</head>\n<body><h2>Status</h2></body></html>";
        let shown = shown_text(page).text;
        let line = shown.lines().nth(1).unwrap();
        assert_eq!(line, "<h1>Club &amp; outage</h1>   ");
    }

    #[test]
    fn indentation_goes_but_inside_pre() {
        let page = "<html>\n<body>\n        <p>Text</p>\n\t<PRE>\n    code\n</pre>\n    <p>after</p>\n</body></html>";
        let lines: Vec<String> = shown_text(page).text.lines().map(str::to_string).collect();
        assert_eq!(lines[2], "<p>Text</p>");
        assert_eq!(lines[3], "<PRE>");
        assert_eq!(lines[4], "    code");
        assert_eq!(lines[6], "<p>after</p>");
    }

    #[test]
    fn the_body_h1_is_the_title_when_it_comes_first() {
        let page = "<html><head><title>Outage | Blog</title></head><body><h1>Outage</h1><h2>Timeline</h2></body></html>";
        let shown = shown_text(page).text;
        assert!(!shown.contains("Blog"), "{shown:?}");
        assert!(shown.contains("<h1>Outage</h1>"));
    }

    #[test]
    fn an_unclosed_script_hides_the_rest_and_never_panics() {
        let shown = shown_text("<html><body><p>é</p><script>alert('ü')").text;
        assert_eq!(shown.trim_end(), "<p>é</p>");
        for page in [
            "<html",
            "<html><title>",
            "<html><title></title>",
            "<html><head><title>x",
        ] {
            let _ = shown_text(page);
        }
    }
}
