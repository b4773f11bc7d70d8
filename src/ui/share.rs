//! The toolbar: copy a permalink or embed code, export the normalized incident, print,
//! switch the theme, and reopen the last incident.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::loader::{load_url, loader, open_text, LoadStatus};
use super::page_url::{self, EmbedView};
use super::prefs;
use super::state::app_state;
use crate::export::safe_file_stem;
use crate::export::to_markdown;
use crate::model::Incident;
use crate::sample::SAMPLE_NAME;

/// Copies `text` to the clipboard; false when the browser refuses (no permission, insecure page).
async fn copy_to_clipboard(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// Offers `contents` as a download named `file_name`.
pub(super) fn download(file_name: &str, mime: &str, contents: &str) {
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

/// A download file name stem from the incident's title (see [`safe_file_stem`]).
fn file_stem(incident: &Incident) -> String {
    safe_file_stem(&incident.title)
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
    // The name of the text kept on this device, if any (kept only when the reader asks).
    let kept = RwSignal::new(
        last.as_ref()
            .filter(|l| l.text.is_some())
            .map(|l| l.name.clone()),
    );
    let keep = move |_| {
        let Some((name, text)) = loader.local_text.get_untracked() else {
            return;
        };
        let message = if prefs::keep_text(&name, &text) {
            kept.set(Some(name.clone()));
            format!("Kept {name} on this device: “Reopen” brings it back after a reload.")
        } else {
            format!("{name} could not be kept: it is over 1 MB, or this browser refuses storage.")
        };
        loader.status.set(LoadStatus::Done(message));
    };
    let forget = move |_| {
        prefs::forget_last();
        kept.set(None);
        loader.status.set(LoadStatus::Done(
            "Nothing is kept on this device now.".to_string(),
        ));
    };
    let can_keep = move || {
        loader
            .local_text
            .with(|t| t.as_ref().map(|(name, _)| name.clone()))
            .is_some_and(|name| kept.with(|k| k.as_deref() != Some(name.as_str())))
    };

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
    // The open incident came from this computer (not a URL, not the sample): no link reaches it.
    let from_file = move || {
        loader.src.with_untracked(Option::is_none)
            && state
                .document
                .with_untracked(|d| d.source_name != SAMPLE_NAME)
    };
    let copy_link = move |_| {
        copy(
            page_url::permalink(),
            if from_file() {
                "Link (to the sample: a file from your computer cannot be linked)"
            } else {
                "Link"
            },
        );
    };
    let copy_embed = move |_| {
        if from_file() {
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
        let src = loader.src.get_untracked();
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
            <Show when=can_keep>
                <button type="button" class="button" data-testid="keep-local"
                    title="Stores the text in this browser's local storage, where pages of this site can read it"
                    on:click=keep>
                    "Keep on this device"
                </button>
            </Show>
            <Show when=move || kept.with(Option::is_some)>
                <button type="button" class="button" data-testid="forget-local" on:click=forget>
                    {move || format!("Forget {}", kept.get().unwrap_or_default())}
                </button>
            </Show>
        </div>
        <Show when=move || !shown_code.get().is_empty()>
            <textarea class="share-output" readonly=true rows="3" aria-label="Copied text" data-testid="share-output"
                prop:value=move || shown_code.get()></textarea>
        </Show>
    }
}
