//! A tiny HTML writer that cannot emit unescaped data: tag and attribute names are
//! `&'static str` (written in this crate, never read from a postmortem), and every text and
//! attribute value goes through [`escape_xml`]. The one way in for markup is [`Html::svg`],
//! for pictures this crate's own SVG writers made (which escape their texts themselves).

use crate::draw::xml::escape_xml;

/// An HTML document being written.
#[derive(Debug, Default)]
pub struct Html {
    out: String,
}

impl Html {
    /// An empty document.
    pub fn new() -> Html {
        Html {
            out: String::with_capacity(64 * 1024),
        }
    }

    /// Opens `<tag attr="value" …>`; an attribute whose value is `None` is left out.
    pub fn open(&mut self, tag: &'static str, attributes: &[(&'static str, Option<&str>)]) {
        self.out.push('<');
        self.out.push_str(tag);
        for (name, value) in attributes {
            if let Some(value) = value {
                self.out.push(' ');
                self.out.push_str(name);
                self.out.push_str("=\"");
                self.out.push_str(&escape_xml(value));
                self.out.push('"');
            }
        }
        self.out.push('>');
    }

    /// Opens `<tag class="class">`.
    pub fn open_class(&mut self, tag: &'static str, class: &'static str) {
        self.open(tag, &[("class", Some(class))]);
    }

    /// Opens a `<section class="class">` headed by an `<h2 id="id">` of `title` (plain text).
    pub fn open_section(&mut self, class: &'static str, id: &str, title: &str) {
        self.open(
            "section",
            &[("class", Some(class)), ("aria-labelledby", Some(id))],
        );
        self.open("h2", &[("id", Some(id))]);
        self.text(title);
        self.close("h2");
    }

    /// Closes `</tag>`.
    pub fn close(&mut self, tag: &'static str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) {
        self.out.push_str(&escape_xml(text));
    }

    /// `<tag>text</tag>`.
    pub fn element(&mut self, tag: &'static str, text: &str) {
        self.open(tag, &[]);
        self.text(text);
        self.close(tag);
    }

    /// `<tag class="class">text</tag>`.
    pub fn element_class(&mut self, tag: &'static str, class: &'static str, text: &str) {
        self.open_class(tag, class);
        self.text(text);
        self.close(tag);
    }

    /// Markup this crate wrote itself (its SVG pictures, its stylesheet), as it is: never
    /// anything read from a postmortem except through those writers, which escape it.
    pub fn own_markup(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    /// Fixed markup written in this crate (the doctype, the stylesheet).
    pub fn literal(&mut self, markup: &'static str) {
        self.out.push_str(markup);
    }

    /// The document written so far.
    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_and_attribute_values_are_escaped() {
        let mut html = Html::new();
        html.open(
            "a",
            &[
                ("href", Some("https://x.org/?a=1&b=\"2\"")),
                ("title", None),
            ],
        );
        html.text("<script>alert(1)</script>");
        html.close("a");
        assert_eq!(
            html.finish(),
            "<a href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;alert(1)&lt;/script&gt;</a>"
        );
    }
}
