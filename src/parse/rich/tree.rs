//! Builds the [`Node`] tree from pulldown-cmark's events and the inline HTML between them.
//!
//! A stack of open frames: each Markdown start event or safe HTML tag opens one, its end
//! closes it into its parent. HTML tags left open are closed with the Markdown block (or
//! HTML block) they were written in, so stray tags never leak into the rest of the text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::html::{self, role, Attributes, TagRole, Token};
use super::links::{ImageTarget, LinkBase};
use super::{Element, Node, MAX_DEPTH};
use crate::parse::inline::{bare_links, Inline};

/// A footnote's mark, `[label]` raised, where it is referred to and where it is defined.
fn footnote_mark(name: &str) -> Node {
    Node::Element(Element::Superscript, vec![Node::Text(format!("[{name}]"))])
}

/// True when text between single tildes opens with a number or an amount (`~55 TON`,
/// `~$110`, `~**25** images`): the tildes are "about", not a strike-through.
fn means_about(children: &[Node]) -> bool {
    super::plain_text(children)
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || super::AMOUNT_SIGNS.contains(c) || "<>.".contains(c))
}

/// What closing a frame makes of it.
#[derive(Debug)]
enum Kind {
    /// The element with the frame's children.
    Keep(Element),
    /// No element: the children go to the parent (a refused link, a frame past the depth cap).
    Unwrap,
    /// An image: the children are its description.
    Image(String),
    /// A footnote's definition (`[^label]: text`): a block whose first line starts with its
    /// label.
    Footnote(String),
    /// Text between single tildes: struck through (`~no longer true~`, `~1,200~ 1,450`, as on
    /// GitHub), unless it opens with a number and the closing tilde runs on into a word, where
    /// the tildes mean "about" (`~55 TON ≈ **~$110**`).
    SingleTilde { runs_on: bool },
}

#[derive(Debug)]
struct Frame {
    kind: Kind,
    children: Vec<Node>,
    /// The HTML tag that opened it, if an HTML tag did.
    html: Option<String>,
}

/// The builder: the open frames, innermost last.
pub struct Builder<'l> {
    links: &'l LinkBase,
    frames: Vec<Frame>,
    /// HTML of the current HTML block, read whole at its end.
    html_block: Option<String>,
    in_table_head: bool,
}

impl<'l> Builder<'l> {
    pub fn new(links: &'l LinkBase) -> Builder<'l> {
        Builder {
            links,
            frames: vec![Frame {
                kind: Kind::Unwrap,
                children: Vec::new(),
                html: None,
            }],
            html_block: None,
            in_table_head: false,
        }
    }

    pub fn build(mut self, markdown: &str) -> Vec<Node> {
        // Old-style footnotes: a reference is one whether or not its definition is in the same
        // text (the page draws each section on its own, and notes often sit at the very end).
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_OLD_FOOTNOTES
            // Single tildes apart from double ones: see `Kind::SingleTilde`.
            | Options::ENABLE_SUBSCRIPT;
        for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
            // Single tildes: whether a word runs on right after the closing one (`**~$110**`).
            if let Event::Start(Tag::Subscript) = event {
                let runs_on = markdown
                    .get(range.end..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|c| !c.is_whitespace());
                self.open(Kind::SingleTilde { runs_on }, None);
                continue;
            }
            self.event(event);
        }
        while self.frames.len() > 1 {
            self.close_top();
        }
        self.frames
            .pop()
            .map(|root| root.children)
            .unwrap_or_default()
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(text) => self.text(&text),
            Event::Code(code) => self.leaf(Element::Code, Some(code.into_string())),
            Event::Html(text) => match &mut self.html_block {
                Some(block) => block.push_str(&text),
                None => self.html(&text),
            },
            Event::InlineHtml(text) => self.html(&text),
            Event::SoftBreak => self.push(Node::Text("\n".into())),
            Event::HardBreak => self.leaf(Element::Break, None),
            Event::Rule => self.leaf(Element::Rule, None),
            Event::TaskListMarker(done) => self.leaf(Element::Task(done), None),
            Event::FootnoteReference(name) => self.push(footnote_mark(&name)),
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.leaf(Element::Code, Some(text.into_string()))
            }
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let kind = match tag {
            Tag::Paragraph => Kind::Keep(Element::Paragraph),
            Tag::Heading { level, .. } => Kind::Keep(Element::Heading(level as u8)),
            Tag::BlockQuote(_) => Kind::Keep(Element::Quote),
            Tag::CodeBlock(_) => Kind::Keep(Element::CodeBlock),
            Tag::HtmlBlock => {
                self.html_block = Some(String::new());
                Kind::Unwrap
            }
            Tag::List(start) => Kind::Keep(Element::List(start)),
            Tag::Item => Kind::Keep(Element::Item),
            Tag::Table(_) => Kind::Keep(Element::Table),
            Tag::TableHead => {
                self.in_table_head = true;
                Kind::Keep(Element::TableHead)
            }
            Tag::TableRow => Kind::Keep(Element::Row),
            Tag::TableCell if self.in_table_head => Kind::Keep(Element::HeaderCell),
            Tag::TableCell => Kind::Keep(Element::Cell),
            Tag::Emphasis => Kind::Keep(Element::Emphasis),
            Tag::Strong => Kind::Keep(Element::Strong),
            Tag::Strikethrough => Kind::Keep(Element::Strike),
            Tag::Superscript => Kind::Keep(Element::Superscript),
            // (Opened in `build`, which knows what follows it.)
            Tag::Subscript => Kind::SingleTilde { runs_on: false },
            Tag::Link { dest_url, .. } => match self.links.link(&dest_url) {
                Some(url) => Kind::Keep(Element::Link(url)),
                None => Kind::Unwrap,
            },
            Tag::Image { dest_url, .. } => Kind::Image(dest_url.into_string()),
            Tag::FootnoteDefinition(name) => Kind::Footnote(name.into_string()),
            Tag::MetadataBlock(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => Kind::Keep(Element::Division),
        };
        self.open(kind, None);
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::HtmlBlock => {
                let depth = self.frames.len();
                if let Some(block) = self.html_block.take() {
                    self.html(&block);
                }
                while self.frames.len() >= depth && self.frames.len() > 1 {
                    self.close_top();
                }
                return;
            }
            TagEnd::TableHead => self.in_table_head = false,
            _ => {}
        }
        // HTML tags left open inside this Markdown element close with it.
        while self.frames.len() > 1 && self.frames.last().is_some_and(|f| f.html.is_some()) {
            self.close_top();
        }
        if self.frames.len() > 1 {
            self.close_top();
        }
    }

    fn text(&mut self, text: &str) {
        if self.html_block.is_some() {
            // Text inside an HTML block arrives as Html events; this is not reached, but
            // text is never dropped.
            self.push(Node::Text(text.to_string()));
            return;
        }
        let literal = self.frames.iter().any(|f| {
            matches!(
                f.kind,
                Kind::Keep(Element::Link(_) | Element::Code | Element::CodeBlock) | Kind::Image(_)
            )
        });
        if literal {
            self.push(Node::Text(text.to_string()));
            return;
        }
        // Bare http(s) addresses in prose become links, as on GitHub.
        for segment in bare_links(text) {
            let node = match segment {
                Inline::Link { url, .. } => Node::Element(
                    Element::Link(url.to_string()),
                    vec![Node::Text(url.to_string())],
                ),
                Inline::Text(words) => Node::Text(words.to_string()),
            };
            self.push(node);
        }
    }

    /// Reads an HTML fragment into the open frames.
    fn html(&mut self, fragment: &str) {
        for token in html::tokens(fragment) {
            match token {
                Token::Text(text) => self.html_text(&text),
                Token::Hidden => {}
                Token::Open(name, attributes, raw) => self.html_open(&name, &attributes, raw),
                Token::Close(name, raw) => self.html_close(&name, raw),
            }
        }
    }

    fn html_text(&mut self, text: &str) {
        // Indentation between block tags is not text.
        let in_layout = self.frames.last().is_some_and(|f| match &f.kind {
            Kind::Keep(element) => matches!(
                element,
                Element::Table
                    | Element::TableHead
                    | Element::Row
                    | Element::List(_)
                    | Element::Quote
                    | Element::Division
            ),
            Kind::Unwrap => f.html.is_none(),
            Kind::Image(_) | Kind::Footnote(_) | Kind::SingleTilde { .. } => false,
        });
        if in_layout && text.trim().is_empty() {
            return;
        }
        self.push(Node::Text(text.to_string()));
    }

    fn html_open(&mut self, name: &str, attributes: &Attributes, raw: &str) {
        let kind = match role(name, attributes) {
            TagRole::Container(element) => Kind::Keep(element),
            TagRole::Anchor => match attributes.href.as_deref().and_then(|h| self.links.link(h)) {
                Some(url) => Kind::Keep(Element::Link(url)),
                None => Kind::Unwrap,
            },
            TagRole::Void(element) => return self.leaf(element, None),
            TagRole::Image => {
                let src = attributes.src.clone().unwrap_or_default();
                let alt = attributes.alt.clone().unwrap_or_default();
                let node = self.image(&src, alt);
                return self.push(node);
            }
            TagRole::SeeThrough => return,
            TagRole::Literal => return self.push(Node::Text(raw.to_string())),
        };
        if raw.ends_with("/>") || html::is_void(name) {
            // `<p/>`: opened and closed at once.
            self.open(kind, Some(name.to_string()));
            self.close_top();
        } else {
            self.open(kind, Some(name.to_string()));
        }
    }

    fn html_close(&mut self, name: &str, raw: &str) {
        if matches!(role(name, &Attributes::default()), TagRole::Literal) {
            return self.push(Node::Text(raw.to_string()));
        }
        // Close up to the matching open tag, but never past a frame Markdown opened.
        let open = self
            .frames
            .iter()
            .rev()
            .take_while(|f| f.html.is_some())
            .position(|f| f.html.as_deref() == Some(name));
        if let Some(from_top) = open {
            for _ in 0..=from_top {
                self.close_top();
            }
        }
    }

    fn open(&mut self, kind: Kind, html: Option<String>) {
        let kind = if self.frames.len() > MAX_DEPTH {
            Kind::Unwrap
        } else {
            kind
        };
        self.frames.push(Frame {
            kind,
            children: Vec::new(),
            html,
        });
    }

    fn close_top(&mut self) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match frame.kind {
            Kind::Keep(element) => {
                let mut children = frame.children;
                // Bold that CommonMark left as text, except where text is literal.
                if !matches!(
                    element,
                    Element::Code | Element::CodeBlock | Element::Link(_)
                ) {
                    children = super::lenient::strong_left_as_text(children);
                }
                if let (Element::Link(url), true) = (&element, children.is_empty()) {
                    children.push(Node::Text(url.clone()));
                }
                if super::headerless::is_empty_head(&element, &children) {
                    return; // the header given to rows written without one
                }
                self.push(Node::Element(element, children));
            }
            Kind::Unwrap => {
                for child in frame.children {
                    self.push(child);
                }
            }
            Kind::Image(src) => {
                let alt = super::plain_text(&frame.children);
                let node = self.image(&src, alt);
                self.push(node);
            }
            Kind::SingleTilde { runs_on: true } if means_about(&frame.children) => {
                self.push(Node::Text("~".into()));
                for child in frame.children {
                    self.push(child);
                }
                // The text runs on as one, so bold the tildes cut in two is mended with
                // the rest of the block (`lenient`).
                self.push(Node::Text("~".into()));
            }
            Kind::SingleTilde { .. } => {
                self.push(Node::Element(Element::Strike, frame.children));
            }
            Kind::Footnote(name) => {
                let mut children = frame.children;
                let mark = footnote_mark(&name);
                match children.first_mut() {
                    Some(Node::Element(Element::Paragraph, first)) => {
                        first.insert(0, Node::Text(" ".into()));
                        first.insert(0, mark);
                    }
                    _ => children.insert(0, mark),
                }
                self.push(Node::Element(Element::Division, children));
            }
        }
    }

    fn image(&self, src: &str, alt: String) -> Node {
        match self.links.image(src) {
            ImageTarget::Show(url) => Node::Element(Element::Image { url, alt }, Vec::new()),
            ImageTarget::Link(url) => {
                let label = if alt.trim().is_empty() {
                    url.clone()
                } else {
                    format!("Image: {alt}")
                };
                Node::Element(Element::Link(url), vec![Node::Text(label)])
            }
            ImageTarget::Refuse => Node::Text(if alt.is_empty() { src.to_string() } else { alt }),
        }
    }

    fn leaf(&mut self, element: Element, text: Option<String>) {
        let children = text.map(Node::Text).into_iter().collect();
        self.push(Node::Element(element, children));
    }

    /// Appends to the innermost frame, joining adjacent text.
    fn push(&mut self, node: Node) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        if let (Node::Text(new), Some(Node::Text(last))) = (&node, frame.children.last_mut()) {
            last.push_str(new);
            return;
        }
        frame.children.push(node);
    }
}
