//! Incident text as safe inline content: paragraphs, and http(s) links as real anchors.

use leptos::prelude::*;

use crate::parse::inline::{segments, Inline};

/// One paragraph's worth of text, with its http(s) links made clickable.
#[component]
pub fn RichText(
    /// The text as written, with Markdown links.
    #[prop(into)]
    text: String,
) -> impl IntoView {
    segments(&text)
        .into_iter()
        .map(|segment| match segment {
            Inline::Text(words) => words.to_string().into_any(),
            Inline::Link { text, url } => view! {
                <a href=url.to_string() rel="noopener noreferrer" target="_blank">{text.to_string()}</a>
            }
            .into_any(),
        })
        .collect_view()
}

/// Text split into `<p>` paragraphs at blank lines.
#[component]
pub fn Paragraphs(
    /// The text; paragraphs are separated by a blank line.
    #[prop(into)]
    text: Signal<String>,
) -> impl IntoView {
    move || {
        text.with(|text| {
            text.split("\n\n")
                .filter(|p| !p.trim().is_empty())
                .map(|p| view! { <p><RichText text=p.to_string() /></p> })
                .collect_view()
        })
    }
}
