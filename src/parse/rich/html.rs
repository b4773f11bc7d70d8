//! The HTML that Markdown lets authors write inline (`<br>`, `<b>`, `<table>` pasted from a
//! wiki), cut into tokens and matched against a short list of tags the page can show safely.
//!
//! A known tag maps to a [`Element`](super::Element) (its attributes dropped, but for `href`,
//! `src`, `alt` and `start`); a few purely presentational tags (`span`, `font`, `tbody`) are
//! see-through; comments are what the author's own renderer hides, so they are skipped. Any
//! other tag (`<script>`, `<iframe>`, `<form>`) stays in the text, visible and inert.

use std::borrow::Cow;

use super::Element;
use crate::parse::markup::decode_entities;

/// A piece of an HTML fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text between tags, entities decoded.
    Text(Cow<'a, str>),
    /// An opening (or self-closing) tag: its lower-case name, the attributes kept, and the
    /// tag as written (shown when the tag is not on the list).
    Open(String, Attributes, &'a str),
    /// A closing tag: its lower-case name and the tag as written.
    Close(String, &'a str),
    /// A comment, doctype or processing instruction: nothing to show.
    Hidden,
}

/// The attributes a safe tag may use; every other attribute is dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attributes {
    /// `href` of `<a>`.
    pub href: Option<String>,
    /// `src` of `<img>`.
    pub src: Option<String>,
    /// `alt` of `<img>`.
    pub alt: Option<String>,
    /// `start` of `<ol>`.
    pub start: Option<u64>,
}

/// What a tag does on the page.
#[derive(Debug, Clone, PartialEq)]
pub enum TagRole {
    /// Opens this container, closed by the matching end tag.
    Container(Element),
    /// A container that is a link when its `href` is safe (see-through otherwise).
    Anchor,
    /// An element with no content (`<br>`, `<hr>`).
    Void(Element),
    /// An image (`<img src alt>`).
    Image,
    /// A tag whose markup is dropped and whose content stays (`<span>`, `<tbody>`).
    SeeThrough,
    /// Not on the list: shown as the text it is.
    Literal,
}

/// True for a custom element's name (`x-dso`, `my-widget`): a letter first, then letters,
/// digits, dashes, dots or underscores, one dash at least.
fn is_custom_element(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.contains('-')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
}

/// The role of the tag called `name` (lower case).
pub fn role(name: &str, attributes: &Attributes) -> TagRole {
    use Element as E;
    let container = |element| TagRole::Container(element);
    match name {
        "b" | "strong" => container(E::Strong),
        "i" | "em" | "cite" | "var" => container(E::Emphasis),
        "code" | "tt" | "kbd" | "samp" => container(E::Code),
        "s" | "del" | "strike" => container(E::Strike),
        "sup" => container(E::Superscript),
        "sub" => container(E::Subscript),
        "p" => container(E::Paragraph),
        "blockquote" => container(E::Quote),
        "pre" => container(E::CodeBlock),
        "ul" => container(E::List(None)),
        "ol" => container(E::List(Some(attributes.start.unwrap_or(1)))),
        "li" => container(E::Item),
        "table" => container(E::Table),
        "tr" => container(E::Row),
        "th" => container(E::HeaderCell),
        "td" => container(E::Cell),
        "div" | "section" | "article" | "details" | "summary" | "center" | "figure"
        | "figcaption" | "header" | "footer" | "main" | "aside" | "caption" | "dl" | "dt"
        | "dd" | "nav" => container(E::Division),
        "a" => TagRole::Anchor,
        "br" => TagRole::Void(E::Break),
        "hr" => TagRole::Void(E::Rule),
        "img" => TagRole::Image,
        "span" | "font" | "u" | "ins" | "mark" | "small" | "big" | "abbr" | "time" | "q"
        | "label" | "nobr" | "thead" | "tbody" | "tfoot" | "colgroup" | "col" | "picture"
        | "source" | "wbr" | "dfn" | "bdi" | "bdo" => TagRole::SeeThrough,
        // `<x-dso>M 17</x-dso>`: a custom element (its name holds a dash), which a browser
        // draws as its content.
        _ if is_custom_element(name) => TagRole::SeeThrough,
        _ => match name.strip_prefix('h').and_then(|d| d.parse::<u8>().ok()) {
            Some(level @ 1..=6) => container(E::Heading(level)),
            _ => TagRole::Literal,
        },
    }
}

/// True for tags that never have content or an end tag.
pub fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "hr" | "img" | "wbr" | "source" | "col" | "input" | "meta" | "link"
    )
}

/// Cuts an HTML fragment into tokens. Anything that is not a well-formed tag is text.
pub fn tokens(html: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut text_from = 0;
    let mut at = 0;
    while let Some(found) = html[at..].find('<') {
        let lt = at + found;
        let Some((token, len)) = markup_at(&html[lt..]) else {
            at = lt + 1;
            continue;
        };
        if text_from < lt {
            out.push(Token::Text(decode_entities(&html[text_from..lt])));
        }
        out.push(token);
        at = lt + len;
        text_from = at;
    }
    if text_from < html.len() {
        out.push(Token::Text(decode_entities(&html[text_from..])));
    }
    out
}

/// How the Markdown export writes an HTML tag so that it means what the page shows (see
/// `export::markdown`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportTag {
    /// A tag the page draws, written without the attributes the page drops: `<b>`, `</b>`,
    /// `<br>`, `<ol start="3">`, `<a href="https://…">` (a link the page follows).
    Tag(String),
    /// Text in place of the tag (empty for a see-through tag such as `<a>` without a link);
    /// an image becomes its description, as the page shows it when it cannot show the image.
    Text(String),
    /// A remote image, which the page offers as a link: its URL and label.
    Link(String, String),
    /// A tag the page shows as the text it is (`<script>`), or hides (a comment).
    Literal,
}

/// The tag at the start of `text` (which starts with `<`) as the export writes it, and its
/// length; `None` when no tag starts here.
pub fn export_tag(text: &str) -> Option<(usize, ExportTag)> {
    let (token, len) = markup_at(text)?;
    let plain = |name: &str, attributes: &Attributes| match role(name, attributes) {
        TagRole::Container(_) | TagRole::Void(_) | TagRole::SeeThrough => true,
        TagRole::Anchor | TagRole::Image | TagRole::Literal => false,
    };
    let link = |target: &Option<String>| {
        target
            .as_deref()
            .filter(|t| super::target_kind(t) != super::TargetKind::Refused)
            .map(str::to_string)
    };
    let written = match token {
        Token::Open(name, attributes, _) if plain(&name, &attributes) => {
            ExportTag::Tag(match attributes.start.filter(|_| name == "ol") {
                Some(start) => format!("<ol start=\"{start}\">"),
                None => format!("<{name}>"),
            })
        }
        Token::Close(name, _) if plain(&name, &Attributes::default()) || name == "a" => {
            ExportTag::Tag(format!("</{name}>"))
        }
        Token::Open(name, attributes, _) if name == "a" => match link(&attributes.href) {
            Some(href) => ExportTag::Tag(format!("<a href=\"{}\">", attribute_value(&href))),
            None => ExportTag::Text(String::new()),
        },
        Token::Open(name, attributes, _) if name == "img" => {
            let src = attributes.src.unwrap_or_default();
            let alt = attributes.alt.unwrap_or_default();
            match super::target_kind(&src) {
                super::TargetKind::Followed if !src.starts_with("mailto:") => {
                    let label = if alt.trim().is_empty() {
                        src.clone()
                    } else {
                        format!("Image: {alt}")
                    };
                    ExportTag::Link(src, label)
                }
                _ => ExportTag::Text(if alt.is_empty() { src } else { alt }),
            }
        }
        _ => ExportTag::Literal,
    };
    Some((len, written))
}

/// `value` for a double-quoted HTML attribute.
pub fn attribute_value(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The longest tag read; a `<` with no `>` within this many bytes is text.
const MAX_TAG: usize = 2048;

/// Markup at a `<`, as written: what the page's tokens and `parse::html_page` both start from.
pub(crate) enum Markup<'a> {
    /// `<!-- … -->`.
    Comment,
    /// A doctype or processing instruction (`<!DOCTYPE html>`, `<?php … ?>`).
    Declaration,
    /// A tag or end tag: its name as written and what stands between the name and the `>`.
    Tag {
        /// True for an end tag (`</p>`).
        closing: bool,
        /// The name as written.
        name: &'a str,
        /// The attributes part, as written.
        inside: &'a str,
    },
}

/// The markup at the start of `text` (which starts with `<`) and its length; `None` when the
/// `<` starts none (it is text).
pub(crate) fn markup_parts(text: &str) -> Option<(Markup<'_>, usize)> {
    let rest = &text[1..];
    if let Some(comment) = rest.strip_prefix("!--") {
        let end = comment.find("-->").map_or(text.len(), |e| 4 + e + 3);
        return Some((Markup::Comment, end));
    }
    if rest.starts_with(['!', '?']) {
        let end = rest.bytes().take(MAX_TAG).position(|b| b == b'>')?;
        return Some((Markup::Declaration, end + 2));
    }
    let (closing, body) = match rest.strip_prefix('/') {
        Some(body) => (true, body),
        None => (false, rest),
    };
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = body
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    let inside_end = tag_end(&body[name_len..])?;
    let inside = &body[name_len..name_len + inside_end];
    if !(inside.is_empty() || inside.starts_with([' ', '\t', '\n', '\r', '/'])) {
        return None;
    }
    let len = 1 + usize::from(closing) + name_len + inside_end + 1;
    let name = &body[..name_len];
    Some((
        Markup::Tag {
            closing,
            name,
            inside,
        },
        len,
    ))
}

/// A tag, end tag or comment at the start of `text` (which starts with `<`), and its length.
fn markup_at(text: &str) -> Option<(Token<'_>, usize)> {
    let (markup, len) = markup_parts(text)?;
    let raw = &text[..len];
    let token = match markup {
        Markup::Comment | Markup::Declaration => Token::Hidden,
        Markup::Tag {
            closing: true,
            name,
            ..
        } => Token::Close(name.to_ascii_lowercase(), raw),
        Markup::Tag { name, inside, .. } => {
            Token::Open(name.to_ascii_lowercase(), attributes(inside), raw)
        }
    };
    Some((token, len))
}

/// Where the `>` closing a tag is, skipping quoted attribute values; `None` past [`MAX_TAG`]
/// or at a `<` (which means this was not a tag).
fn tag_end(text: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in text.bytes().enumerate().take(MAX_TAG) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i),
            (None, b'<') => return None,
            _ => {}
        }
    }
    None
}

/// The attributes worth keeping from a tag's inside (`href="…" class=x`).
fn attributes(inside: &str) -> Attributes {
    let mut kept = Attributes::default();
    let mut rest = inside.trim_start_matches('/');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let name_len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '/' | '>'))
            .unwrap_or(rest.len());
        if name_len == 0 {
            return kept;
        }
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let value = match rest.strip_prefix('=') {
            Some(after) => {
                let after = after.trim_start();
                let (value, taken) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                        (&after[1..end], (end + 1).min(after.len()))
                    }
                    _ => {
                        let end = after.find(char::is_whitespace).unwrap_or(after.len());
                        (&after[..end], end)
                    }
                };
                rest = &after[taken..];
                decode_entities(value).into_owned()
            }
            None => String::new(),
        };
        match name.as_str() {
            "href" => kept.href = Some(value),
            "src" => kept.src = Some(value),
            "alt" => kept.alt = Some(value),
            "start" => kept.start = value.trim().parse().ok(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_tags_attributes_comments_and_text() {
        let got = tokens(
            r#"a <b>bold</b> <a href="https://x.test/?a=1&amp;b=2" class='c'>x</a><!-- note --> <br/>"#,
        );
        assert_eq!(
            got,
            [
                Token::Text("a ".into()),
                Token::Open("b".into(), Attributes::default(), "<b>"),
                Token::Text("bold".into()),
                Token::Close("b".into(), "</b>"),
                Token::Text(" ".into()),
                Token::Open(
                    "a".into(),
                    Attributes {
                        href: Some("https://x.test/?a=1&b=2".into()),
                        ..Attributes::default()
                    },
                    r#"<a href="https://x.test/?a=1&amp;b=2" class='c'>"#
                ),
                Token::Text("x".into()),
                Token::Close("a".into(), "</a>"),
                Token::Hidden,
                Token::Text(" ".into()),
                Token::Open("br".into(), Attributes::default(), "<br/>"),
            ]
        );
    }

    #[test]
    fn a_lone_angle_bracket_is_text() {
        assert_eq!(
            tokens("latency < 5 ms and a<b"),
            [Token::Text("latency < 5 ms and a<b".into())]
        );
        assert_eq!(tokens("<3 <"), [Token::Text("<3 <".into())]);
    }

    #[test]
    fn an_unclosed_comment_hides_the_rest() {
        assert_eq!(
            tokens("x <!-- never closed"),
            [Token::Text("x ".into()), Token::Hidden]
        );
    }

    #[test]
    fn roles_map_safe_tags_and_leave_others_literal() {
        let none = Attributes::default();
        assert_eq!(role("strong", &none), TagRole::Container(Element::Strong));
        assert_eq!(role("h3", &none), TagRole::Container(Element::Heading(3)));
        assert_eq!(role("h7", &none), TagRole::Literal);
        assert_eq!(role("script", &none), TagRole::Literal);
        assert_eq!(role("iframe", &none), TagRole::Literal);
        assert_eq!(role("span", &none), TagRole::SeeThrough);
        let start = Attributes {
            start: Some(4),
            ..Attributes::default()
        };
        assert_eq!(
            role("ol", &start),
            TagRole::Container(Element::List(Some(4)))
        );
    }
}
