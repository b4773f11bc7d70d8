//! The page's own URL: which incident (`src`), which view (`view=catalogue`), and whether it is
//! embedded (`embed=timeline|chart|illustration|summary`). Other parameters (the timeline's
//! view state) are kept as they are when the URL is rewritten.

use leptos::prelude::window;

/// Where the catalogue's index is, relative to the page.
pub const DEFAULT_INDEX: &str = "public/incidents/index.json";

/// The one view an embedded page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmbedView {
    /// The timeline.
    Timeline,
    /// The metrics chart.
    Chart,
    /// The illustration.
    Illustration,
    /// The summary card.
    Summary,
}

impl EmbedView {
    /// Every embeddable view.
    pub const ALL: [EmbedView; 4] = [
        EmbedView::Timeline,
        EmbedView::Chart,
        EmbedView::Illustration,
        EmbedView::Summary,
    ];

    /// The view named in `?embed=`.
    pub fn from_name(name: &str) -> Option<EmbedView> {
        EmbedView::ALL.into_iter().find(|v| v.name() == name)
    }

    /// Its name in URLs and in `data-view`.
    pub fn name(self) -> &'static str {
        match self {
            EmbedView::Timeline => "timeline",
            EmbedView::Chart => "chart",
            EmbedView::Illustration => "illustration",
            EmbedView::Summary => "summary",
        }
    }
}

/// What the page was asked to show.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageRequest {
    /// `?src=`: the incident to load.
    pub src: Option<String>,
    /// `?view=catalogue`.
    pub catalogue: bool,
    /// `?view=edit`: the editor.
    pub edit: bool,
    /// `?embed=`.
    pub embed: Option<EmbedView>,
    /// `?index=`: another catalogue index.
    pub index: Option<String>,
    /// `?theme=` of an embed: `light`, `dark` or `auto`.
    pub theme: Option<String>,
    /// `?metrics=`: a metrics file to attach to the incident.
    pub metrics: Option<String>,
    /// `?compact` (any value but `0`/`false`): the embedded timeline's plot and axis only.
    pub compact: bool,
    /// `?parts=a,b`: which parts an embedded view shows (empty: its usual ones).
    pub parts: Vec<String>,
}

/// The page's query parameters.
pub fn params() -> Option<web_sys::UrlSearchParams> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

/// Reads the page's URL.
pub fn request() -> PageRequest {
    let Some(params) = params() else {
        return PageRequest::default();
    };
    let non_empty = |key: &str| params.get(key).filter(|v| !v.trim().is_empty());
    PageRequest {
        src: non_empty("src"),
        catalogue: params.get("view").as_deref() == Some("catalogue"),
        edit: params.get("view").as_deref() == Some("edit"),
        embed: params
            .get("embed")
            .as_deref()
            .and_then(EmbedView::from_name),
        index: non_empty("index"),
        theme: non_empty("theme"),
        metrics: non_empty("metrics"),
        compact: params
            .get("compact")
            .is_some_and(|v| !matches!(v.trim(), "0" | "false" | "no")),
        parts: params
            .get("parts")
            .map(|v| {
                v.split(',')
                    .map(|p| p.trim().to_ascii_lowercase())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// The page's address without query or fragment (works under any sub-path).
pub fn page_base() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// `relative` resolved against the page, e.g. `public/x.txt` → `https://host/sub/public/x.txt`.
pub fn absolute(relative: &str) -> String {
    let base = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(relative, &base)
        .map(|url| url.href())
        .unwrap_or_else(|_| relative.to_string())
}

/// Rewrites the address bar: `src` and `view` set or removed, other parameters kept.
pub fn replace(src: Option<&str>, catalogue: bool) {
    rewrite(|params| {
        match src {
            Some(src) => params.set("src", src),
            None => params.delete("src"),
        }
        if catalogue {
            params.set("view", "catalogue");
        } else {
            params.delete("view");
        }
    });
}

/// Replaces the address bar's entry (no new history entry) with the query `edit` makes of the
/// current one; nothing happens when the query stays the same.
pub fn rewrite(edit: impl FnOnce(&web_sys::UrlSearchParams)) {
    let Some(params) = params() else { return };
    let before = String::from(params.to_string());
    edit(&params);
    let query = String::from(params.to_string());
    if query == before {
        return;
    }
    let url = if query.is_empty() {
        page_base()
    } else {
        format!("{}?{query}", page_base())
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// A link to the page as it is now (the incident's URL, view state kept), made absolute.
pub fn permalink() -> String {
    window().location().href().unwrap_or_default()
}

/// A link to `view` of the incident at `src`, embedded.
pub fn embed_url(src: Option<&str>, view: EmbedView) -> String {
    let mut url = format!("{}?embed={}", page_base(), view.name());
    if let Some(src) = src {
        url.push_str("&src=");
        url.push_str(&String::from(js_sys::encode_uri_component(&absolute(src))));
    }
    url
}

/// The HTML a documentation page pastes to embed `view` of the incident at `src`.
pub fn embed_code(src: Option<&str>, view: EmbedView) -> String {
    let incident = absolute(src.unwrap_or("public/cookie-catastrophe.txt"));
    let script = absolute("public/embed.js");
    format!(
        "<div data-postmortem-src=\"{}\" data-view=\"{}\"></div>\n<script src=\"{}\" defer></script>",
        escape_attribute(&incident),
        view.name(),
        escape_attribute(&script)
    )
}

/// Escapes text for a double-quoted HTML attribute.
fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
