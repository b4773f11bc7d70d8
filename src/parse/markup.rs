//! Inline noise in hand-written postmortems, removed before a line is read: HTML line breaks
//! (`<br>`) that join several entries on one line, HTML entities (`&amp;`, `&#8212;`), inline
//! formatting tags (`<b>`, `<span style=..>`), non-breaking hyphens and spaces, and the
//! trailing backslash of a Markdown hard line break.
//!
//! Other HTML (`<script>`, `<div>`) is kept as literal text: the page shows it as text, never
//! as markup. Every function here runs in time linear in its input.

use std::borrow::Cow;

use super::scan::{equal, find_byte, non_ascii};

/// The words of a line that is bold as a whole (`**Update 12:00**`, `__Day two__`), trimmed;
/// `None` when the line is not wrapped in one bold span or holds nothing inside it.
pub fn wholly_bold(line: &str) -> Option<&str> {
    let line = line.trim_end();
    let inner = line
        .strip_prefix("**")
        .and_then(|l| l.strip_suffix("**"))
        .or_else(|| line.strip_prefix("__").and_then(|l| l.strip_suffix("__")))?;
    let inner = inner.trim();
    (!inner.is_empty() && !inner.contains("**")).then_some(inner)
}

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
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
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
/// A line with no `<` (most lines) comes back whole, with nothing allocated.
pub fn split_breaks(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    let mut at = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while let Some(found) = line.get(at..).and_then(|rest| rest.find('<')) {
            at += found;
            if let Some(len) = break_tag_len(&line[at..]) {
                let piece = (from, &line[from..at]);
                at += len;
                from = at;
                return Some(piece);
            }
            at += 1;
        }
        done = true;
        Some((from, &line[from..]))
    })
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
/// made plain, and a trailing hard-break backslash removed. Borrowed from `line` when nothing
/// but the backslash changes (most lines, also those with other non-ASCII text such as `—`).
pub fn clean(line: &str) -> Cow<'_, str> {
    let bytes = line.as_bytes();
    // Built only once something changes: the text up to `copied` is already in it.
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    let maybe = |word| non_ascii(word) | equal(word, b'&') | equal(word, b'<');
    let hit = |b| matches!(b, b'&' | b'<' | 0xC2 | 0xE2 | 0xEF);
    while let Some(found) = find_byte(bytes, at, maybe, hit) {
        at = found;
        // Every byte looked at is ASCII or the first byte of a character, so `at` stays on a
        // character boundary.
        let rest = &line[at..];
        let replaced: Option<(Cow<'static, str>, usize)> = match bytes[at] {
            b'&' => entity(rest).map(|(text, len)| (Cow::Owned(text), len)),
            b'<' => inline_tag_len(rest).map(|len| (Cow::Borrowed(""), len)),
            _ => special_char(rest).map(|(text, len)| (Cow::Borrowed(text), len)),
        };
        match replaced {
            Some((text, len)) => {
                let out = out.get_or_insert_with(|| String::with_capacity(line.len()));
                out.push_str(&line[copied..at]);
                out.push_str(&text);
                at += len;
                copied = at;
            }
            None => at += 1,
        }
    }
    let Some(mut out) = out else {
        return Cow::Borrowed(&line[..without_hard_break(line)]);
    };
    out.push_str(&line[copied..]);
    let len = without_hard_break(&out);
    out.truncate(len);
    Cow::Owned(out)
}

/// `\u{2010}`–`\u{2012}` (hyphens), `\u{a0}`, `\u{202f}`, `\u{2007}` (spaces), `\u{200b}`,
/// `\u{feff}` (invisible) at the start of `text`: what each is written as, and its bytes.
fn special_char(text: &str) -> Option<(&'static str, usize)> {
    let ch = text.chars().next()?;
    let plain = match ch {
        '\u{2010}' | '\u{2011}' | '\u{2012}' => "-",
        '\u{a0}' | '\u{202f}' | '\u{2007}' => " ",
        '\u{200b}' | '\u{feff}' => "",
        _ => return None,
    };
    Some((plain, ch.len_utf8()))
}

/// The length of `text` without a trailing hard-break backslash (one `\\` at the end, before
/// any trailing white space; `\\\\` is an escaped backslash and stays).
fn without_hard_break(text: &str) -> usize {
    match text.trim_end().strip_suffix('\\') {
        Some(without) if !without.ends_with('\\') => without.trim_end().len(),
        _ => text.len(),
    }
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
        let split = |line| split_breaks(line).collect::<Vec<_>>();
        assert_eq!(
            split("10:00 a<br>10:05 b<BR/>10:10 c<br />"),
            [(0, "10:00 a"), (11, "10:05 b"), (23, "10:10 c"), (36, "")]
        );
        assert_eq!(split("a <brother>"), [(0, "a <brother>")]);
        assert_eq!(split(""), [(0, "")]);
        assert_eq!(split("<br>"), [(0, ""), (4, "")]);
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
