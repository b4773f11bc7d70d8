//! The toolbar: copy a permalink or embed code, export the normalized incident, print,
//! switch the theme, and reopen the last incident.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::loader::{load_url, loader, open_text, LoadStatus};
use super::page_url::{self, EmbedView};
use super::prefs;
use super::state::app_state;
use crate::export::to_markdown;
use crate::model::Incident;
use crate::sample::SAMPLE_NAME;

/// Copies `text` to the clipboard; false when the browser refuses (no permission, insecure page).
async fn copy_to_clipboard(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// Offers `contents` as a download named `file_name`.
fn download(file_name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document().create_element("a") {
        let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A file name from the incident's title: lower case, dashes, at most 60 characters.
fn file_stem(incident: &Incident) -> String {
    let stem: String = incident
        .title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem: Vec<&str> = stem.split('-').filter(|part| !part.is_empty()).collect();
    let stem = stem.join("-");
    match stem.char_indices().nth(60) {
        Some((cut, _)) => stem[..cut].to_string(),
        None if stem.is_empty() => "incident".to_string(),
        None => stem,
    }
}

/// Buttons for sharing, exporting, printing and the theme.
#[component]
pub fn ShareBar() -> impl IntoView {
    let state = app_state();
    let loader = loader();
    let embed_view = RwSignal::new(EmbedView::Timeline);
    let shown_code = RwSignal::new(String::new());
    let theme = super::theme::page_theme();
    let last = prefs::last_opened();

    let copy = move |text: String, what: &'static str| {
        shown_code.set(text.clone());
        leptos::task::spawn_local(async move {
            let message = if copy_to_clipboard(&text).await {
                format!("{what} copied to the clipboard.")
            } else {
                format!("{what}: copy it from the box below.")
            };
            loader.status.set(LoadStatus::Done(message));
        });
    };
    let copy_link = move |_| {
        let from_file = loader.src.with_untracked(Option::is_none)
            && state
                .document
                .with_untracked(|d| d.source_name != SAMPLE_NAME);
        copy(
            page_url::permalink(),
            if from_file {
                "Link (to the sample: a file from your computer cannot be linked)"
            } else {
                "Link"
            },
        );
    };
    let copy_embed = move |_| {
        let src = loader.src.get_untracked();
        let from_file = src.is_none()
            && state
                .document
                .with_untracked(|d| d.source_name != SAMPLE_NAME);
        if from_file {
            // An embed loads its incident by URL; a file from this computer has none.
            shown_code.set(String::new());
            loader.status.set(LoadStatus::Done(
                "No embed code: this incident was opened from your computer, and an embed \
                 loads its incident from a URL. Publish the file on your static host and \
                 open it with ?src= first."
                    .to_string(),
            ));
            return;
        }
        copy(
            page_url::embed_code(src.as_deref(), embed_view.get_untracked()),
            "Embed code",
        );
    };
    let export_json = move |_| {
        let incident = state.incident.get_untracked();
        match serde_json::to_string_pretty(&incident) {
            Ok(json) => download(
                &format!("{}.json", file_stem(&incident)),
                "application/json",
                &json,
            ),
            Err(error) => loader
                .status
                .set(LoadStatus::Done(format!("Export failed: {error}"))),
        }
    };
    let export_markdown = move |_| {
        let incident = state.incident.get_untracked();
        download(
            &format!("{}.md", file_stem(&incident)),
            "text/markdown",
            &to_markdown(&incident),
        );
    };
    let print = move |_| {
        let _ = window().print();
    };
    let toggle_theme = move |_| theme.choose(theme.choice.get_untracked().next());
    let reopen = last.clone().map(|last| {
        let label = format!("Reopen {}", last.name);
        let reopen = move |_| match (&last.src, &last.text) {
            (Some(src), _) => load_url(state, loader, src.clone()),
            (None, Some(text)) => open_text(state, loader, &last.name, text, None),
            (None, None) => {}
        };
        view! { <button type="button" class="button" data-testid="reopen" on:click=reopen>{label}</button> }
    });

    view! {
        <div class="share-bar" role="toolbar" aria-label="Share and export" data-testid="share-bar">
            <button type="button" class="button" data-testid="copy-link" on:click=copy_link>"Copy link"</button>
            <span class="embed-choice">
                <label for="embed-view">"Embed"</label>
                <select
                    id="embed-view"
                    data-testid="embed-view"
                    on:change=move |event| {
                        if let Some(view) = EmbedView::from_name(&event_target_value(&event)) {
                            embed_view.set(view);
                        }
                    }
                >
                    {EmbedView::ALL
                        .into_iter()
                        .map(|view| view! { <option value=view.name()>{view.name()}</option> })
                        .collect_view()}
                </select>
                <button type="button" class="button" data-testid="copy-embed" on:click=copy_embed>"Copy embed code"</button>
            </span>
            <button type="button" class="button" data-testid="export-json" on:click=export_json>"Export JSON"</button>
            <button type="button" class="button" data-testid="export-markdown" on:click=export_markdown>"Export Markdown"</button>
            <button type="button" class="button" data-testid="print" on:click=print>"Print"</button>
            <button type="button" class="button" data-testid="theme-toggle" on:click=toggle_theme>
                {move || theme.choice.get().label()}
            </button>
            {reopen}
        </div>
        <Show when=move || !shown_code.get().is_empty()>
            <textarea class="share-output" readonly=true rows="3" aria-label="Copied text" data-testid="share-output"
                prop:value=move || shown_code.get()></textarea>
        </Show>
    }
}
