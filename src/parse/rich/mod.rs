//! The Markdown an author wrote (section bodies, summaries, event texts), read into a small
//! tree of safe nodes that the page draws element by element.
//!
//! [`render`] runs pulldown-cmark over the text and keeps only what is safe to show:
//! paragraphs, headings, lists (nested, with task boxes), block quotes, code, tables, rules,
//! emphasis, and links. Rows of a table written without a header row are read as a table too
//! (see [`headerless`]). A short list of inline HTML tags maps onto the same nodes (see
//! [`html`]); any other tag stays visible as text. Links keep only http, https and mailto
//! targets; relative links and images resolve against the document's own URL ([`LinkBase`]);
//! an image is shown only when the page's own origin serves it, and is a link otherwise.
//!
//! No HTML string is ever produced: the tree is data, and the page builds DOM nodes from it.

mod headerless;
pub(crate) mod html;
mod lenient;
mod links;
mod tree;

pub(crate) use html::{attribute_value, export_tag, ExportTag};
pub use links::{target_kind, web_address, LinkBase, TargetKind};

/// One node of rendered text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Words, shown as written (entities already decoded).
    Text(String),
    /// A container and what it holds.
    Element(Element, Vec<Node>),
}

/// What a container node is; each maps to one element on the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    /// A paragraph.
    Paragraph,
    /// A heading inside the text, level 1–6 as written.
    Heading(u8),
    /// A block quote.
    Quote,
    /// A fenced or indented code block; its one child is its text.
    CodeBlock,
    /// A list; numbered from `Some(start)`, bulleted when `None`.
    List(Option<u64>),
    /// A list item.
    Item,
    /// A task list box, ticked or not.
    Task(bool),
    /// A table.
    Table,
    /// The table's header row.
    TableHead,
    /// A table row.
    Row,
    /// A header cell.
    HeaderCell,
    /// A data cell.
    Cell,
    /// A thematic break.
    Rule,
    /// A hard line break.
    Break,
    /// Strong emphasis.
    Strong,
    /// Emphasis.
    Emphasis,
    /// Struck-through text.
    Strike,
    /// Inline code; its one child is its text.
    Code,
    /// Superscript (from `<sup>`).
    Superscript,
    /// Subscript (from `<sub>`).
    Subscript,
    /// A block of its own with no meaning beyond grouping (from `<div>`, `<details>`).
    Division,
    /// A link to an http, https or mailto URL (absolute, already resolved).
    Link(String),
    /// An image served by the page's own origin: its absolute URL and its description.
    Image {
        /// The absolute URL.
        url: String,
        /// The description (alt text).
        alt: String,
    },
}

/// Reads Markdown (with inline HTML) into safe nodes; `links` resolves relative targets.
///
/// Never panics; time and nesting are bounded by the input (nesting deeper than
/// [`MAX_DEPTH`] is flattened into its parent).
pub fn render(markdown: &str, links: &LinkBase) -> Vec<Node> {
    tree::Builder::new(links).build(&headerless::with_headers(markdown))
}

/// Where to cut a long text for a first view: `None` when it is at most `limit` bytes, else
/// the end of the last paragraph (or line) before `limit`, so the part shown stays whole
/// Markdown. Drawing megabytes of text at once freezes the page; the rest is a click away.
pub fn preview_end(text: &str, limit: usize) -> Option<usize> {
    if text.len() <= limit {
        return None;
    }
    let mut at = limit;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let head = &text[..at];
    let cut = head
        .rfind("\n\n")
        .filter(|&p| p > limit / 2)
        .or_else(|| head.rfind('\n').filter(|&p| p > limit / 2))
        .unwrap_or(at);
    Some(cut)
}

/// How deep containers nest before further ones are flattened, so that drawing the tree
/// recursively stays within the stack on any input.
pub const MAX_DEPTH: usize = 48;

/// Signs an amount may open with (`$110`, `+21.8%`, `≈ 3`): text starting with one is about a
/// number, as text starting with a digit is.
const AMOUNT_SIGNS: &str = "$€£¥+−±≈";

/// The visible words of some nodes, with blocks separated by new lines (for tests, search
/// and measuring what reaches the page).
pub fn plain_text(nodes: &[Node]) -> String {
    let mut out = String::new();
    for node in nodes {
        push_plain(node, &mut out);
    }
    out
}

fn push_plain(node: &Node, out: &mut String) {
    match node {
        Node::Text(text) => out.push_str(text),
        Node::Element(element, children) => {
            if let Element::Image { alt, .. } = element {
                out.push_str(alt);
            }
            for child in children {
                push_plain(child, out);
            }
            if element.is_block() || matches!(element, Element::Break) {
                out.push('\n');
            } else if matches!(element, Element::Cell | Element::HeaderCell) {
                out.push('\t');
            }
        }
    }
}

impl Element {
    /// True for containers drawn as blocks (not within a line of text).
    pub fn is_block(&self) -> bool {
        matches!(
            self,
            Element::Paragraph
                | Element::Heading(_)
                | Element::Quote
                | Element::CodeBlock
                | Element::List(_)
                | Element::Item
                | Element::Table
                | Element::TableHead
                | Element::Row
                | Element::Rule
                | Element::Division
        )
    }
}

#[cfg(test)]
mod tests;
