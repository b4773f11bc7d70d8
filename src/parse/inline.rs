//! Inline links inside a line of text: `[text](https://...)` and bare `https://...` URLs.
//!
//! Only http and https links become links; anything else (`javascript:`, `data:`, relative
//! paths) stays plain text, so the page never renders a dangerous `href`.

use super::scan;

/// A piece of a text: plain words or a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inline<'a> {
    /// Plain text, shown as written.
    Text(&'a str),
    /// A link to an http or https URL.
    Link {
        /// The visible text.
        text: &'a str,
        /// The target, starting with `http://` or `https://`.
        url: &'a str,
    },
}

/// Splits `text` into plain pieces and safe links, in order.
pub fn segments(text: &str) -> Vec<Inline<'_>> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let found = if rest.starts_with('[') {
            markdown_link(rest)
        } else if rest.starts_with(['h', 'H'])
            && starts_with_web_scheme(rest)
            && (at == 0 || !text[..at].ends_with(['(', '<', '"']))
        {
            Some(bare_url(rest))
        } else {
            None
        };
        match found {
            Some((link, len)) => {
                if plain_from < at {
                    out.push(Inline::Text(&text[plain_from..at]));
                }
                out.push(link);
                at += len;
                plain_from = at;
            }
            // Jump to the next place a link can start: a `[` or the `h` of `http`.
            None => at = next_link_start(text, at + 1).unwrap_or(text.len()),
        }
    }
    if plain_from < text.len() {
        out.push(Inline::Text(&text[plain_from..]));
    }
    out
}

/// The first place at or after `from` where [`segments`] may find a link: a `[`, or the `h` of
/// an `http://` or `https://` (in any case), found by its colon.
fn next_link_start(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let bracket = scan::find(bytes, from, b'[');
    let is_scheme = |start: usize, scheme: &str| {
        start >= from
            && bytes
                .get(start..start + scheme.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(scheme.as_bytes()))
    };
    // A scheme starts at most five bytes before its colon: past `[` and five bytes none can
    // start before the `[` (and the colons there are left for the next call).
    let limit = bracket.map_or(bytes.len(), |bracket| (bracket + 6).min(bytes.len()));
    let window = bytes.get(..limit).unwrap_or(bytes);
    let mut colon_from = from + 4; // `http` comes before the colon
    while let Some(colon) = scan::find(window, colon_from, b':') {
        let start = [
            (colon.saturating_sub(5), "https://"),
            (colon - 4, "http://"),
        ]
        .into_iter()
        .find(|&(start, scheme)| is_scheme(start, scheme));
        if let Some((start, _)) = start {
            return Some(bracket.map_or(start, |bracket| bracket.min(start)));
        }
        colon_from = colon + 1;
    }
    bracket
}

/// Links written with a scheme other than http(s), as (byte offset, target): reported, not kept.
pub fn unsafe_link_targets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut search = 0;
    // `](` found by its `]`, a byte search (most lines have one or two).
    while let Some(found) = text
        .get(search..)
        .and_then(|rest| {
            rest.match_indices(']')
                .find(|(i, _)| rest[i + 1..].starts_with('('))
        })
        .map(|(i, _)| i)
    {
        let start = search + found + 2;
        let rest = &text[start..];
        let target = target_end(rest).map_or(rest, |end| &rest[..end]);
        let target = if target.len() > MAX_URL { "" } else { target };
        if !target.is_empty() && !starts_with_web_scheme(target) {
            out.push((start, target));
        }
        search = start;
    }
    out
}

/// The byte ranges of `text` that are pictures or link targets, not words of its sentences:
/// each image whole (`![Screen shot … at 1.06.52 PM](shot.png "title")`) and each link's
/// target with its title (`](https://… "title")`), in no particular order and overlapping
/// where an image sits inside a link. A range is cut at 2,048 bytes, so the search stays
/// linear on a line of brackets.
pub fn picture_and_target_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    let mut at = 0;
    while let Some(open) = scan::find(bytes, at, b'[') {
        at = open + 1;
        // The `]` that closes this `[`, then a `(` right after it and the `)` closing that.
        let Some(close) =
            closing(bytes, open, b'[', b']').filter(|&close| bytes.get(close + 1) == Some(&b'('))
        else {
            continue;
        };
        let end = closing(bytes, close + 1, b'(', b')').map_or(bytes.len(), |end| end + 1);
        let image = open > 0 && bytes[open - 1] == b'!';
        out.push(if image { open - 1 } else { close }..end);
    }
    out
}

/// The byte ranges of the HTML tags in `text` (`<img src="…" alt="… 2:27pm Central">`): a
/// tag opens with `<` and a letter (or `/` and a letter) and ends at the next `>`, within
/// 2,048 bytes. What its attributes say is not narration.
pub fn html_tag_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    const LONGEST: usize = 2048;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = scan::find(bytes, at, b'<') {
        at = open + 1;
        let name = bytes.get(at..).map_or(&[][..], |rest| match rest.first() {
            Some(b'/') => &rest[1..],
            _ => rest,
        });
        if !name.first().is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let window = &bytes[open..bytes.len().min(open + LONGEST)];
        if let Some(close) = window.iter().position(|&b| b == b'>') {
            out.push(open..open + close + 1);
            at = open + close + 1;
        }
    }
    out
}

/// Where the `close` byte that balances the `open` byte at `from` is, within 2,048 bytes.
fn closing(bytes: &[u8], from: usize, open: u8, close: u8) -> Option<usize> {
    const LONGEST: usize = 2048;
    let mut depth = 0usize;
    bytes[from..bytes.len().min(from + LONGEST)]
        .iter()
        .position(|&b| {
            if b == open {
                depth += 1;
            } else if b == close {
                depth = depth.saturating_sub(1);
            }
            depth == 0
        })
        .map(|i| from + i)
}

/// True when `text` starts with `http://` or `https://` in any case.
pub fn starts_with_web_scheme(text: &str) -> bool {
    let bytes = text.as_bytes();
    let has = |scheme: &str| {
        bytes
            .get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme.as_bytes()))
    };
    has("https://") || has("http://")
}

/// Reads `[text](url)` at the start of `rest` when the url is http(s).
fn markdown_link(rest: &str) -> Option<(Inline<'_>, usize)> {
    // The label ends at the first bracket; stopping at a `[` too keeps the scan linear.
    let close = scan::find_byte(
        rest.as_bytes(),
        1,
        |word| scan::equal(word, b'[') | scan::equal(word, b']'),
        |b| b == b'[' || b == b']',
    )?;
    if !rest[close..].starts_with("](") {
        return None;
    }
    let label = &rest[1..close];
    let after = &rest[close + 2..];
    let end = target_end(after)?;
    if !after[end..].starts_with(')') {
        return None;
    }
    let url = after[..end].trim();
    if !starts_with_web_scheme(url) {
        return None;
    }
    Some((Inline::Link { text: label, url }, close + 2 + end + 1))
}

/// Where a link target ends: at `)` or white space, looking at most [`MAX_URL`] bytes ahead.
/// Splits `text` at bare http(s) URLs only (Markdown link syntax is left as text), for prose
/// whose Markdown was already read.
pub fn bare_links(text: &str) -> Vec<Inline<'_>> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut at = 0;
    while let Some(found) = text[at..].find(['h', 'H']) {
        at += found;
        let rest = &text[at..];
        let word_start = at == 0 || !text[..at].ends_with(|c: char| c.is_alphanumeric());
        if word_start && starts_with_web_scheme(rest) {
            let (link, len) = bare_url(rest);
            if len > 0 {
                if plain_from < at {
                    out.push(Inline::Text(&text[plain_from..at]));
                }
                out.push(link);
                at += len;
                plain_from = at;
                continue;
            }
        }
        at += 1;
    }
    if plain_from < text.len() {
        out.push(Inline::Text(&text[plain_from..]));
    }
    out
}

fn target_end(after: &str) -> Option<usize> {
    let window = &after.as_bytes()[..after.len().min(MAX_URL)];
    let maybe = |word| {
        // White space is below `!`.
        scan::below(word, b'!')
            | scan::equal(word, b')')
            | scan::equal(word, b'[')
            | scan::equal(word, b']')
            | scan::equal(word, b'<')
            | scan::equal(word, b'"')
    };
    let hit = |b: u8| matches!(b, b')' | b'[' | b']' | b'<' | b'"') || b.is_ascii_whitespace();
    scan::find_byte(window, 0, maybe, hit)
        .or_else(|| (after.len() <= MAX_URL).then_some(after.len()))
}

/// The longest link target looked for, so that malformed links cost linear time.
const MAX_URL: usize = 4096;

/// Reads a bare URL up to white space, leaving trailing punctuation outside it.
fn bare_url(rest: &str) -> (Inline<'_>, usize) {
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
        .unwrap_or(rest.len());
    let url = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '*', '`']);
    (Inline::Link { text: url, url }, url.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_markdown_and_bare_links() {
        let text = "see [The Post](https://github.com/a/b). Or https://example.com/x.";
        assert_eq!(
            segments(text),
            [
                Inline::Text("see "),
                Inline::Link {
                    text: "The Post",
                    url: "https://github.com/a/b"
                },
                Inline::Text(". Or "),
                Inline::Link {
                    text: "https://example.com/x",
                    url: "https://example.com/x"
                },
                Inline::Text("."),
            ]
        );
    }

    #[test]
    fn never_links_other_schemes() {
        let text = "[click](javascript:alert(1)) [x](data:text/html,hi)";
        assert!(segments(text).iter().all(|s| matches!(s, Inline::Text(_))));
        assert_eq!(
            unsafe_link_targets(text),
            [(8, "javascript:alert(1"), (33, "data:text/html,hi")]
        );
    }

    #[test]
    fn handles_unicode_and_broken_markup() {
        assert_eq!(segments("🍪 [unclosed"), [Inline::Text("🍪 [unclosed")]);
        assert_eq!(segments(""), []);
    }

    #[test]
    fn pictures_and_link_targets_are_not_words() {
        let line = r#"[![](img/a.png "Screen shot 2012-06-21 at 1.06.52 PM")](https://x.org/a.png) at 10:00 see [the log](https://x.org/l "at 11:00")."#;
        let ranges = picture_and_target_ranges(line);
        let hidden = |needle: &str| {
            let at = line.find(needle).unwrap();
            ranges.iter().any(|range| range.contains(&at))
        };
        assert!(hidden("Screen shot") && hidden("1.06.52 PM") && hidden("https://x.org/a.png"));
        assert!(hidden("11:00") && hidden("https://x.org/l"));
        assert!(!hidden("at 10:00") && !hidden("the log"));
        assert!(picture_and_target_ranges("[a] [b (c) ] no link").is_empty());
        let unclosed = picture_and_target_ranges("![x](unclosed");
        assert_eq!(unclosed.len(), 1);
        assert_eq!(unclosed[0], 0.."![x](unclosed".len());
    }
}
