//! The exported Markdown made to mean what the page shows, when a documentation site renders
//! it: no HTML the page would show as text becomes live HTML, and no link the page refuses
//! becomes a link.
//!
//! The page draws only a short list of inline HTML tags, without their attributes (see
//! [`crate::parse::rich`]); every other tag (`<script>`, `<img onerror=…>`, `<iframe>`) is
//! shown as the text it is. A Markdown renderer on a docs site would run them. So, outside code
//! spans and code blocks (where a `<` is shown as written):
//!
//! * every `<` that starts something tag-like (`<` then a letter, `/`, `!` or `?`) is written
//!   `&lt;`, except the tags the page draws, which are rewritten without attributes (`<b>`,
//!   `</b>`, `<br>`), and the openings of comments and declarations (`<!--`, `<!DOCTYPE`,
//!   `<?xml`) in raw HTML, which nothing shows (any tag inside them is still escaped);
//! * a link or image whose target the page refuses (`javascript:`, `data:`, `vbscript:`, …) is
//!   replaced by its text, as the page shows it; autolinks to http(s) and mailto stay.
//!
//! The document is parsed with pulldown-cmark (as the page parses it) to find code and links,
//! changed, and parsed again until nothing changes, since removing markup can expose more
//! (text inside a raw HTML block becomes Markdown). After [`MAX_PASSES`] every `<` and `[` is
//! written as an entity, code or not: never live, if less pretty.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::parse::rich::{attribute_value, export_tag, target_kind, ExportTag, TargetKind};

/// How many parse-and-fix rounds are tried before the blunt fallback.
const MAX_PASSES: usize = 16;

/// One replacement in the document.
struct Edit {
    range: Range<usize>,
    with: String,
}

/// `markdown` with its HTML and links made inert where the page would not run them.
pub(super) fn inert(markdown: String) -> String {
    let mut text = markdown;
    for _ in 0..MAX_PASSES {
        let edits = edits(&text);
        if edits.is_empty() {
            return text;
        }
        text = apply(&text, edits);
    }
    text.replace('<', "&lt;").replace('[', "&#91;")
}

/// Applies `edits` (in order, not overlapping).
fn apply(text: &str, edits: Vec<Edit>) -> String {
    let mut out = String::with_capacity(text.len() + edits.len() * 3);
    let mut at = 0;
    for edit in edits {
        if edit.range.start < at || edit.range.end > text.len() {
            continue;
        }
        out.push_str(&text[at..edit.range.start]);
        out.push_str(&edit.with);
        at = edit.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// A link or image being read: its whole source, whether the page refuses its target, and
/// the source span of its text.
struct OpenLink {
    range: Range<usize>,
    refused: bool,
    inner: Option<Range<usize>>,
}

/// True when the page does not follow `target` (a scheme other than http, https or mailto,
/// or a bare `#anchor`).
fn refused(target: &str) -> bool {
    target_kind(target) == TargetKind::Refused
}

/// The changes one round makes: refused links and images first (outermost ones, the rest
/// waits for the next round); when there are none, every tag-like `<` outside code.
fn edits(text: &str) -> Vec<Edit> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    // Where a `<` is shown as written: code spans and blocks, and kept autolinks.
    let mut verbatim: Vec<Range<usize>> = Vec::new();
    // Where pulldown-cmark found raw HTML (tags are rewritten only there).
    let mut markup: Vec<Range<usize>> = Vec::new();
    let mut links: Vec<OpenLink> = Vec::new();
    let mut replaced: Vec<Edit> = Vec::new();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        if let Some(open) = links.last_mut() {
            if !matches!(event, Event::End(TagEnd::Link | TagEnd::Image)) {
                let inner = open.inner.get_or_insert(range.clone());
                inner.start = inner.start.min(range.start);
                inner.end = inner.end.max(range.end);
            }
        }
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => verbatim.push(range),
            Event::Html(_) | Event::InlineHtml(_) => markup.push(range),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let refused = refused(&dest_url);
                if !refused && matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    verbatim.push(range.clone());
                }
                links.push(OpenLink {
                    range,
                    refused,
                    inner: None,
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => links.push(OpenLink {
                range,
                refused: refused(&dest_url),
                inner: None,
            }),
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some(link) = links.pop() {
                    if let Some(parent) = links.last_mut() {
                        let inner = parent.inner.get_or_insert(link.range.clone());
                        inner.start = inner.start.min(link.range.start);
                        inner.end = inner.end.max(link.range.end);
                    }
                    if link.refused {
                        let with = link
                            .inner
                            .and_then(|inner| text.get(inner))
                            .unwrap_or("")
                            .to_string();
                        replaced.push(Edit {
                            range: link.range,
                            with,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    if !replaced.is_empty() {
        // Inner links end (and are pushed) before the links around them: keep the outermost.
        replaced.sort_by_key(|e| (e.range.start, std::cmp::Reverse(e.range.end)));
        let mut outermost: Vec<Edit> = Vec::with_capacity(replaced.len());
        for edit in replaced {
            if outermost
                .last()
                .is_none_or(|last| edit.range.start >= last.range.end)
            {
                outermost.push(edit);
            }
        }
        return outermost;
    }
    tag_edits(text, &verbatim, &markup)
}

/// True when `at` lies in one of `ranges` (sorted by start, as events come).
fn inside(ranges: &[Range<usize>], at: usize) -> Option<&Range<usize>> {
    let after = ranges.partition_point(|r| r.start <= at);
    ranges[..after].iter().rev().find(|r| r.contains(&at))
}

/// Text that reads the same in Markdown and in raw HTML: ASCII punctuation written as
/// numeric entities, so it can form neither Markdown syntax nor a tag.
fn text_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push_str(&format!("&#{};", u32::from(c)));
        } else if c.is_control() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// `&lt;` for every tag-like `<` outside `verbatim`; a tag inside `markup` written as the
/// page shows it instead ([`export_tag`]): without attributes, as a link, or as text.
fn tag_edits(text: &str, verbatim: &[Range<usize>], markup: &[Range<usize>]) -> Vec<Edit> {
    let mut edits = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = text.get(at..).and_then(|rest| rest.find('<')) {
        let lt = at + found;
        at = lt + 1;
        let tag_like = bytes
            .get(lt + 1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
        if !tag_like || inside(verbatim, lt).is_some() {
            continue;
        }
        let html = inside(markup, lt);
        if html.is_some() && matches!(bytes.get(lt + 1), Some(b'!' | b'?')) {
            // A comment or declaration, which browsers never show and the page hides: kept,
            // and read on, so that a tag inside (or after an early `--!>`) is escaped.
            at = lt + 2;
            continue;
        }
        let written = html.and_then(|html| export_tag(&text[lt..html.end]));
        let (len, with) = match written {
            Some((len, ExportTag::Tag(tag))) => (len, tag),
            Some((len, ExportTag::Text(words))) => (len, text_entities(&words)),
            Some((len, ExportTag::Link(url, label))) => (
                len,
                format!(
                    "<a href=\"{}\">{}</a>",
                    attribute_value(&url),
                    text_entities(&label)
                ),
            ),
            Some((_, ExportTag::Literal)) | None => (1, "&lt;".to_string()),
        };
        if text.get(lt..lt + len) != Some(with.as_str()) {
            edits.push(Edit {
                range: lt..lt + len,
                with,
            });
        }
        at = lt + len.max(1);
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_the_page_shows_as_text_are_escaped_and_the_rest_lose_their_attributes() {
        assert_eq!(
            inert("a <script>alert(1)</script> b\n".into()),
            "a &lt;script>alert(1)&lt;/script> b\n"
        );
        assert_eq!(
            inert("H<sub>2</sub>O <b onclick=\"x()\">bold</b><br/>\n".into()),
            "H<sub>2</sub>O <b>bold</b><br>\n"
        );
        assert_eq!(
            inert("<ol start=3><li>x</li></ol>\n".into()),
            "<ol start=\"3\"><li>x</li></ol>\n"
        );
        assert_eq!(inert("1 < 2 and a<-b\n".into()), "1 < 2 and a<-b\n");
    }

    #[test]
    fn links_and_images_in_html_are_written_as_the_page_shows_them() {
        assert_eq!(
            inert("<a href=\"javascript:alert(1)\" onclick=x>click</a> <a href='https://e.com/?a=1&amp;b=2' title=t>ok</a>\n".into()),
            "click</a> <a href=\"https://e.com/?a=1&amp;b=2\">ok</a>\n"
        );
        assert_eq!(
            inert(
                "<img src=x onerror=alert(1)> <img src=\"javascript:alert(1)\" alt=\"a [b]\">\n"
                    .into()
            ),
            "x a &#91;b&#93;\n"
        );
        assert_eq!(
            inert("<img src=\"https://e.com/chart.png\" alt=\"*chart*\">\n".into()),
            "<a href=\"https://e.com/chart.png\">Image&#58; &#42;chart&#42;</a>\n"
        );
    }

    #[test]
    fn comments_stay_hidden_but_nothing_inside_them_is_live() {
        assert_eq!(
            inert("a <!-- note --!><iframe src=x onload=alert(1)> -->\n".into()),
            "a <!-- note --!>&lt;iframe src=x onload=alert(1)> -->\n"
        );
    }

    #[test]
    fn code_keeps_what_it_shows() {
        let text = "Run `<script>` and\n\n```html\n<img src=x onerror=alert(1)>\n```\n\n<i>x</i>\n";
        assert_eq!(inert(text.into()), text);
    }

    #[test]
    fn refused_links_become_their_text_and_web_links_stay() {
        assert_eq!(
            inert("[click **me**](javascript:alert(1)) and [ok](https://example.com)\n".into()),
            "click **me** and [ok](https://example.com)\n"
        );
        assert_eq!(
            inert("<javascript:alert(1)> <https://example.com/x>\n".into()),
            "javascript:alert(1) <https://example.com/x>\n"
        );
        assert_eq!(
            inert("![x](data:image/svg+xml;base64,PHN2Zz4=) [](vbscript:x)\n".into()),
            "x \n"
        );
        // Not a link at all (a space in the target): its tag is escaped like any other.
        assert_eq!(
            inert("![x](data:image/svg+xml,<svg onload=alert(1)>)\n".into()),
            "![x](data:image/svg+xml,&lt;svg onload=alert(1)>)\n"
        );
        assert_eq!(
            inert("[a][r]\n\n[r]: javascript&#58;alert(1)\n".into()),
            "a\n\n[r]: javascript&#58;alert(1)\n"
        );
        assert_eq!(
            inert("[runbook](../runbook.md)\n".into()),
            "[runbook](../runbook.md)\n"
        );
    }

    #[test]
    fn removing_an_html_block_exposes_its_markdown_to_the_next_round() {
        assert_eq!(
            inert("<div onclick=x>\n[x](javascript:alert(1)) <script>\n</div>\n".into()),
            "<div>\n[x](javascript:alert(1)) &lt;script>\n</div>\n"
        );
        assert_eq!(
            inert("<foo>\n[x](javascript:alert(1))\n</foo>\n".into()),
            "&lt;foo>\nx\n&lt;/foo>\n"
        );
    }
}
