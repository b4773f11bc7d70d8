//! Incident text on the page: the safe tree of [`crate::parse::rich`] drawn element by
//! element (never through `inner_html`), with links resolved against the open document's URL.

use leptos::prelude::*;

use super::loader::Loader;
use crate::parse::rich::{preview_end, render, Element, LinkBase, Node};

/// The base for relative links, made once for the page and shared through the context:
/// the page's address and the open document's `?src=`.
#[derive(Debug, Clone, Copy)]
pub struct DocumentLinks(Memo<LinkBase>);

impl DocumentLinks {
    /// The base that follows `loader`'s source.
    pub fn new(loader: Option<Loader>) -> DocumentLinks {
        let src = loader.map(|loader| loader.src);
        let page = window().location().href().ok();
        DocumentLinks(Memo::new(move |_| {
            let src = src.and_then(|s| s.get());
            LinkBase::new(page.as_deref(), src.as_deref())
        }))
    }
}

/// The shared base, or (for a component mounted on its own) one of its own.
fn link_base() -> Memo<LinkBase> {
    use_context::<DocumentLinks>()
        .unwrap_or_else(|| DocumentLinks::new(use_context::<Loader>()))
        .0
}

/// Markdown as written by the author (paragraphs, lists, tables, code, links), drawn safely.
#[component]
pub fn Markdown(
    /// The text, Markdown with inline HTML.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    let links = link_base();
    // Megabytes of text drawn at once would freeze the page: a long text shows its first
    // part, and the rest on request.
    let show_all = RwSignal::new(false);
    move || {
        let (nodes, rest) = text.with(|text| {
            let cut = preview_end(text, PREVIEW_BYTES).filter(|_| !show_all.get());
            let shown = cut.map_or(text.as_str(), |at| &text[..at]);
            let rest = cut.map(|at| text.len() - at);
            (links.with(|links| render(shown, links)), rest)
        });
        let more = rest.map(|bytes| {
            view! {
                <button type="button" class="button md-more" data-testid="show-rest"
                    on:click=move |_| show_all.set(true)>
                    {format!("Show the rest ({})", crate::loading::megabytes(bytes as u64))}
                </button>
            }
        });
        view! { <div class="md">{nodes.iter().map(node_view).collect::<Vec<_>>()}{more}</div> }
    }
}

/// How much of a long text is drawn before "Show the rest".
const PREVIEW_BYTES: usize = 100 * 1024;

/// One line of Markdown (an event, a task): a lone paragraph is drawn without its `<p>`.
#[component]
pub fn InlineMarkdown(
    /// The text, Markdown with inline HTML.
    #[prop(into)]
    text: String,
) -> impl IntoView {
    let links = link_base();
    move || {
        let mut nodes = links.with(|links| render(&text, links));
        if let [Node::Element(Element::Paragraph, children)] = nodes.as_mut_slice() {
            nodes = std::mem::take(children);
        }
        nodes.iter().map(node_view).collect::<Vec<_>>()
    }
}

/// The page element for one node. Depth is bounded by the tree builder.
fn node_view(node: &Node) -> AnyView {
    let (element, children) = match node {
        Node::Text(text) => return text.clone().into_any(),
        Node::Element(element, children) => (element, children),
    };
    let kids: Vec<AnyView> = children.iter().map(node_view).collect();
    match element {
        Element::Paragraph => view! { <p>{kids}</p> }.into_any(),
        // Headings inside a section sit under the section's own `<h2>`.
        Element::Heading(level) => match level {
            1 => view! { <h3 class="md-heading">{kids}</h3> }.into_any(),
            2 => view! { <h4 class="md-heading">{kids}</h4> }.into_any(),
            3 => view! { <h5 class="md-heading">{kids}</h5> }.into_any(),
            _ => view! { <h6 class="md-heading">{kids}</h6> }.into_any(),
        },
        Element::Quote => view! { <blockquote>{kids}</blockquote> }.into_any(),
        Element::CodeBlock => view! { <pre class="md-code"><code>{kids}</code></pre> }.into_any(),
        Element::List(None) => view! { <ul>{kids}</ul> }.into_any(),
        Element::List(Some(start)) => {
            let start = i32::try_from(*start).unwrap_or(1);
            view! { <ol start=start>{kids}</ol> }.into_any()
        }
        Element::Item => view! { <li>{kids}</li> }.into_any(),
        Element::Task(done) => {
            let label = if *done { "done" } else { "to do" };
            view! { <input type="checkbox" disabled=true checked=*done aria-label=label /> }
                .into_any()
        }
        Element::Table => view! {
            <div class="md-table-wrap"><table class="md-table">{kids}</table></div>
        }
        .into_any(),
        Element::TableHead => view! { <thead><tr>{kids}</tr></thead> }.into_any(),
        Element::Row => view! { <tr>{kids}</tr> }.into_any(),
        Element::HeaderCell => view! { <th>{kids}</th> }.into_any(),
        Element::Cell => view! { <td>{kids}</td> }.into_any(),
        Element::Rule => view! { <hr /> }.into_any(),
        Element::Break => view! { <br /> }.into_any(),
        Element::Strong => view! { <strong>{kids}</strong> }.into_any(),
        Element::Emphasis => view! { <em>{kids}</em> }.into_any(),
        Element::Strike => view! { <s>{kids}</s> }.into_any(),
        Element::Code => view! { <code>{kids}</code> }.into_any(),
        Element::Superscript => view! { <sup>{kids}</sup> }.into_any(),
        Element::Subscript => view! { <sub>{kids}</sub> }.into_any(),
        Element::Division => view! { <div class="md-block">{kids}</div> }.into_any(),
        Element::Link(url) => view! {
            <a href=url.clone() rel="noopener noreferrer nofollow" target="_blank">{kids}</a>
        }
        .into_any(),
        Element::Image { url, alt } => view! {
            <img class="md-image" src=url.clone() alt=alt.clone() loading="lazy" />
        }
        .into_any(),
    }
}
