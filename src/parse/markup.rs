//! Inline noise in hand-written postmortems, removed before a line is read: HTML line breaks
//! (`<br>`) that join several entries on one line, HTML entities (`&amp;`, `&#8212;`), inline
//! formatting tags (`<b>`, `<span style=..>`), non-breaking hyphens and spaces, and the
//! trailing backslash of a Markdown hard line break.
//!
//! Other HTML (`<script>`, `<div>`) is kept as literal text: the page shows it as text, never
//! as markup. Every function here runs in time linear in its input.

use std::borrow::Cow;

/// Tags whose markup is dropped while their text is kept.
const INLINE_TAGS: &[&str] = &[
    "b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "span", "font", "code",
    "kbd", "sub", "sup", "tt", "abbr", "time",
];

/// Named entities worth knowing in prose, with their characters.
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("rarr", "→"),
    ("larr", "←"),
    ("times", "×"),
    ("middot", "·"),
    ("bull", "•"),
    ("copy", "©"),
    ("deg", "°"),
];

/// Splits a line at HTML line breaks (`<br>`, `<br/>`, `<br />`, any case): (byte offset, piece).
pub fn split_breaks(line: &str) -> Vec<(usize, &str)> {
    let mut pieces = Vec::new();
    let mut from = 0;
    let mut at = 0;
    let bytes = line.as_bytes();
    while at < bytes.len() {
        if bytes[at] == b'<' {
            if let Some(len) = break_tag_len(&line[at..]) {
                pieces.push((from, &line[from..at]));
                at += len;
                from = at;
                continue;
            }
        }
        at += 1;
    }
    pieces.push((from, &line[from..]));
    pieces
}

/// Length of a `<br>` tag at the start of `text`, if there is one.
fn break_tag_len(text: &str) -> Option<usize> {
    let head = text.get(..3)?;
    if !head.eq_ignore_ascii_case("<br") {
        return None;
    }
    let rest = &text[3..];
    let close = rest.bytes().take(4).position(|b| b == b'>')?;
    let inside = &rest[..close];
    inside
        .chars()
        .all(|c| c == '/' || c == ' ')
        .then_some(3 + close + 1)
}

/// The line with entities decoded, inline formatting tags dropped, unusual hyphens and spaces
/// made plain, and a trailing hard-break backslash removed.
pub fn clean(line: &str) -> Cow<'_, str> {
    let plain = !line
        .bytes()
        .any(|b| b == b'&' || b == b'<' || b == b'\\' || b >= 0x80);
    if plain {
        return Cow::Borrowed(line); // the common case: nothing to clean, nothing copied
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    while at < line.len() {
        let rest = &line[at..];
        let Some(ch) = rest.chars().next() else {
            break;
        };
        if ch == '&' {
            if let Some((text, len)) = entity(rest) {
                out.push_str(&text);
                at += len;
                continue;
            }
        }
        if ch == '<' {
            if let Some(len) = inline_tag_len(rest) {
                at += len;
                continue;
            }
        }
        match ch {
            '\u{2010}' | '\u{2011}' | '\u{2012}' => out.push('-'),
            '\u{a0}' | '\u{202f}' | '\u{2007}' => out.push(' '),
            '\u{200b}' | '\u{feff}' => {}
            _ => out.push(ch),
        }
        at += ch.len_utf8();
    }
    let trimmed = out.trim_end();
    if let Some(without) = trimmed.strip_suffix('\\') {
        if !without.ends_with('\\') {
            let len = without.trim_end().len();
            out.truncate(len);
        }
    }
    Cow::Owned(out)
}

/// `text` with its HTML entities (`&amp;`, `&#8212;`) decoded; unknown ones stay as written.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some(found) = text[at..].find('&') {
        let amp = at + found;
        out.push_str(&text[at..amp]);
        match entity(&text[amp..]) {
            Some((decoded, len)) => {
                out.push_str(&decoded);
                at = amp + len;
            }
            None => {
                out.push('&');
                at = amp + 1;
            }
        }
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Reads an entity at the start of `text`: (its characters, bytes taken).
fn entity(text: &str) -> Option<(String, usize)> {
    // Entities are short: looking 12 bytes ahead keeps lines full of `&` linear.
    let end = text.bytes().skip(1).take(11).position(|b| b == b';')? + 1;
    let name = &text[1..end];
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        let ch = char::from_u32(code).filter(|c| !c.is_control() || *c == '\t')?;
        return Some((ch.to_string(), end + 1));
    }
    ENTITIES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, text)| ((*text).to_string(), end + 1))
}

/// Length of an inline formatting tag (`<b>`, `</span>`, `<span class="x">`) at the start of `text`.
fn inline_tag_len(text: &str) -> Option<usize> {
    let close = text.bytes().take(200).position(|b| b == b'>')?;
    let inside = text[1..close].trim_start_matches('/');
    let name_len = inside.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = inside[..name_len].to_ascii_lowercase();
    let after_name = &inside[name_len..];
    let plain = after_name.is_empty()
        || after_name.starts_with(' ')
        || after_name.trim() == "/"
        || after_name.starts_with('\t');
    (plain && INLINE_TAGS.contains(&name.as_str()) && !inside[name_len..].contains('<'))
        .then_some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_line_breaks() {
        assert_eq!(
            split_breaks("10:00 a<br>10:05 b<BR/>10:10 c<br />"),
            [(0, "10:00 a"), (11, "10:05 b"), (23, "10:10 c"), (36, "")]
        );
        assert_eq!(split_breaks("a <brother>"), [(0, "a <brother>")]);
    }

    #[test]
    fn decodes_entities_and_drops_inline_tags() {
        assert_eq!(
            clean("Tom &amp; Jerry &lt;3 &#8212; &#x1F36A;"),
            "Tom & Jerry <3 — 🍪"
        );
        assert_eq!(
            clean("<b>10:00</b> <span style=\"color:red\">alert</span>"),
            "10:00 alert"
        );
        assert_eq!(
            clean("<script>alert(1)</script>"),
            "<script>alert(1)</script>"
        );
        assert_eq!(clean("&bogus; & &#xZZ;"), "&bogus; & &#xZZ;");
        assert_eq!(clean("2025\u{2011}05\u{2011}20"), "2025-05-20");
        assert_eq!(clean("*06:00*: detected\\"), "*06:00*: detected");
        assert_eq!(clean("&#0;&#1114112;"), "&#0;&#1114112;");
    }
}
