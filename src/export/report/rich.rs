//! The author's Markdown in the report: the safe tree of [`crate::parse::rich`] written as
//! HTML element by element, the way the page draws it (`src/ui/rich_text.rs`), through
//! [`Html`] so that every text and attribute is escaped. Links keep only http(s) and mailto
//! targets (checked again here), and images are links: the report loads nothing.

use super::html::Html;
use crate::parse::rich::{render, Element, LinkBase, Node};

/// Markdown as a block (`<div class="md">` with paragraphs, lists, tables, code…).
pub fn markdown(html: &mut Html, text: &str) {
    html.open_class("div", "md");
    for node in &render(text, &LinkBase::none()) {
        write_node(html, node);
    }
    html.close("div");
}

/// One line of Markdown (an event, a task, a list item): a lone paragraph without its `<p>`.
pub fn inline_markdown(html: &mut Html, text: &str) {
    let mut nodes = render(text, &LinkBase::none());
    if let [Node::Element(Element::Paragraph, children)] = nodes.as_mut_slice() {
        nodes = std::mem::take(children);
    }
    for node in &nodes {
        write_node(html, node);
    }
}

/// A link to `url` when it is an http(s) or mailto target, else nothing but its text.
pub fn link(html: &mut Html, url: &str, text: &str) {
    match LinkBase::none().link(url) {
        Some(url) => {
            open_link(html, &url);
            html.text(text);
            html.close("a");
        }
        None => html.text(text),
    }
}

fn open_link(html: &mut Html, url: &str) {
    html.open(
        "a",
        &[
            ("href", Some(url)),
            ("rel", Some("noopener noreferrer nofollow")),
        ],
    );
}

/// The element for one node and its children. Depth is bounded by the tree builder.
fn write_node(html: &mut Html, node: &Node) {
    let (element, children) = match node {
        Node::Text(text) => return html.text(text),
        Node::Element(element, children) => (element, children),
    };
    let tag: &'static str = match element {
        Element::Paragraph => "p",
        // Headings inside a section sit under the section's own `<h2>`.
        Element::Heading(1) => "h3",
        Element::Heading(2) => "h4",
        Element::Heading(3) => "h5",
        Element::Heading(_) => "h6",
        Element::Quote => "blockquote",
        Element::List(None) => "ul",
        Element::Item => "li",
        Element::Row => "tr",
        Element::HeaderCell => "th",
        Element::Cell => "td",
        Element::Strong => "strong",
        Element::Emphasis => "em",
        Element::Strike => "s",
        Element::Code => "code",
        Element::Superscript => "sup",
        Element::Subscript => "sub",
        Element::Division => "div",
        Element::Rule => return html.literal("<hr>"),
        Element::Break => return html.literal("<br>"),
        Element::Task(done) => {
            return html.literal(if *done {
                "<input type=\"checkbox\" disabled checked aria-label=\"done\">"
            } else {
                "<input type=\"checkbox\" disabled aria-label=\"to do\">"
            })
        }
        Element::List(Some(start)) => {
            html.open("ol", &[("start", Some(&start.to_string()))]);
            return children_then(html, children, "ol");
        }
        Element::CodeBlock => {
            html.open_class("pre", "md-code");
            html.open("code", &[]);
            children_then(html, children, "code");
            return html.close("pre");
        }
        Element::Table => {
            html.open_class("div", "md-table-wrap");
            html.open_class("table", "md-table");
            children_then(html, children, "table");
            return html.close("div");
        }
        Element::TableHead => {
            html.open("thead", &[]);
            html.open("tr", &[]);
            children_then(html, children, "tr");
            return html.close("thead");
        }
        Element::Link(url) => match LinkBase::none().link(url) {
            Some(url) => {
                open_link(html, &url);
                return children_then(html, children, "a");
            }
            None => return children.iter().for_each(|c| write_node(html, c)),
        },
        // An image is offered as a link: the report loads nothing from anywhere.
        Element::Image { url, alt } => {
            let label = if alt.is_empty() {
                "Image".to_string()
            } else {
                format!("Image: {alt}")
            };
            return link(html, url, &label);
        }
    };
    html.open(tag, &[]);
    children_then(html, children, tag);
}

/// Writes `children`, then closes `tag`.
fn children_then(html: &mut Html, children: &[Node], tag: &'static str) {
    for child in children {
        write_node(html, child);
    }
    html.close(tag);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> String {
        let mut html = Html::new();
        markdown(&mut html, text);
        html.finish()
    }

    #[test]
    fn markdown_becomes_the_same_elements_as_on_the_page() {
        let html = block(
            "# Head\n\nSome **bold** and `code` with [a link](https://x.org/a?b=1&c=2).\n\n\
             1. one\n2. two\n\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nfn x() {}\n```\n",
        );
        for expected in [
            "<h3>Head</h3>",
            "<strong>bold</strong>",
            "<code>code</code>",
            "<a href=\"https://x.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">a link</a>",
            "<ol start=\"1\"><li>one</li>",
            "<input type=\"checkbox\" disabled checked aria-label=\"done\">",
            "<thead><tr><th>a</th><th>b</th></tr></thead>",
            "<td>1</td>",
            "<pre class=\"md-code\"><code>fn x() {}\n</code></pre>",
        ] {
            assert!(html.contains(expected), "{expected} in {html}");
        }
    }

    #[test]
    fn hostile_markdown_stays_text() {
        let html = block(
            "Text <script>alert(1)</script>\n\nA [x](javascript:alert(1)) link \
             <img src=x onerror=alert(1)>\n\n![pic](https://cdn.example.com/a.png) \
             \"><b onmouseover=y>]]>",
        );
        assert!(!html.to_lowercase().contains("<script"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(
            html.contains("<a href=\"https://cdn.example.com/a.png\" rel=\"noopener noreferrer nofollow\">Image: pic</a>"),
            "{html}"
        );
        assert!(html.contains("]]&gt;"), "{html}");
    }

    #[test]
    fn a_lone_paragraph_is_inline_and_bad_links_are_text() {
        let mut html = Html::new();
        inline_markdown(&mut html, "Deployed *v2*");
        link(&mut html, "javascript:alert(1)", "bad");
        link(&mut html, "mailto:sre@example.com", "mail");
        assert_eq!(
            html.finish(),
            "Deployed <em>v2</em>bad<a href=\"mailto:sre@example.com\" rel=\"noopener noreferrer nofollow\">mail</a>"
        );
    }
}
