//! Opening postmortems and metric files: from `?src=URL` (fetched with gloo-net), the file
//! picker, a drop anywhere on the page, or a paste. Postmortems replace the open document
//! only when they load; metric files attach their series to the open incident. Failures are
//! [`LoadError`] values shown in the status line, and the open incident stays.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::parse_worker::Unread;
use super::prefs;
use super::state::{AppState, OpenDocument};
use crate::analysis::reading::failed_outright;
use crate::loading::wire::Delivery;
use crate::loading::{
    check_size, decode, display_name, megabytes, not_a_postmortem, Decoded, LoadError, Loaded,
};
use crate::parse::Severity;
use crate::source::{check_source, SourcePolicy};

/// Files are read in slices of this many bytes, so the progress bar moves.
const CHUNK_BYTES: u64 = 1 << 20;

/// What the loader is doing, shown in the status line.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadStatus {
    /// Nothing to say.
    Idle,
    /// Reading `name`: `done` of `total` bytes (total unknown while fetching).
    Loading {
        /// File name or URL.
        name: String,
        /// Bytes read so far.
        done: u64,
        /// Size, when known.
        total: Option<u64>,
    },
    /// Reading the text of `name` (in the parse worker).
    Reading {
        /// File name or URL.
        name: String,
    },
    /// The last load worked; what happened.
    Done(String),
    /// The last load failed; the open incident is unchanged.
    Failed(LoadError),
}

impl LoadStatus {
    /// True while a file is fetched or read: the page offers to cancel it.
    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            LoadStatus::Loading { .. } | LoadStatus::Reading { .. }
        )
    }

    /// The file or URL being fetched or read.
    fn busy_with(&self) -> Option<&str> {
        match self {
            LoadStatus::Loading { name, .. } | LoadStatus::Reading { name } => Some(name),
            _ => None,
        }
    }
}

/// The loader's shared signals, provided through context by the app.
#[derive(Debug, Clone, Copy)]
pub struct Loader {
    /// What the loader is doing.
    pub status: RwSignal<LoadStatus>,
    /// The URL the open document came from (`?src=`), `None` for the sample, files and pastes.
    pub src: RwSignal<Option<String>>,
    /// True while a file is dragged over the page.
    pub dragging: RwSignal<bool>,
    /// The name and text of the open incident when it came from a file or a paste (not a
    /// URL): what "Keep on this device" stores, only when asked.
    pub local_text: RwSignal<Option<(String, String)>>,
    /// Counts loads, so a slow earlier load cannot overwrite a later one.
    generation: StoredValue<u64>,
}

impl Loader {
    /// A loader with nothing loaded from a URL yet.
    pub fn new() -> Loader {
        Loader {
            status: RwSignal::new(LoadStatus::Idle),
            src: RwSignal::new(None),
            dragging: RwSignal::new(false),
            local_text: RwSignal::new(None),
            generation: StoredValue::new(0),
        }
    }

    fn begin(&self, name: &str, total: Option<u64>) -> u64 {
        self.generation.update_value(|g| *g += 1);
        self.status.set(LoadStatus::Loading {
            name: name.to_string(),
            done: 0,
            total,
        });
        self.generation.get_value()
    }

    /// True while the page's first `?src=` is on its way: the sample is open only until it
    /// arrives, so it is not worth showing, nor drawing below the fold.
    pub fn waiting_for_first_src(&self) -> bool {
        self.src.with(Option::is_none)
            && super::page_url::request().src.is_some()
            && self.status.with(LoadStatus::is_busy)
    }

    fn is_current(&self, generation: u64) -> bool {
        self.generation.get_value() == generation
    }

    /// Stops the fetch or reading in progress; the open incident stays.
    pub fn cancel(&self) {
        let Some(name) = self
            .status
            .with_untracked(|s| s.busy_with().map(str::to_string))
        else {
            return;
        };
        self.generation.update_value(|g| *g += 1);
        super::parse_worker::cancel();
        self.status.set(LoadStatus::Done(format!(
            "Stopped reading {name}; the open incident stays."
        )));
    }
}

impl Default for Loader {
    fn default() -> Self {
        Loader::new()
    }
}

/// The app's loader; every component is rendered inside the app, which provides it.
pub fn loader() -> Loader {
    expect_context::<Loader>()
}

/// Fetches `src` (relative URLs resolve against the page, so sub-paths work) and returns
/// its text, reporting `(done, total)` bytes as the body streams in. The size limit holds
/// whether or not the server states a length.
pub async fn fetch_text(
    src: &str,
    progress: impl Fn(u64, Option<u64>),
) -> Result<Decoded, LoadError> {
    let url = src.to_string();
    let response = gloo_net::http::Request::get(src)
        .send()
        .await
        .map_err(|_| LoadError::Network { url: url.clone() })?;
    match response.status() {
        200..=299 => {}
        404 => return Err(LoadError::NotFound { url }),
        status => return Err(LoadError::HttpStatus { url, status }),
    }
    let total = response
        .headers()
        .get("content-length")
        .and_then(|length| length.trim().parse::<u64>().ok());
    if let Some(bytes) = total {
        check_size(&url, bytes)?;
    }
    let unreadable = |error| unreadable_error(&url, &error, "the connection broke off");
    let Some(body) = response.body() else {
        return decode(&display_name(&url), Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::with_capacity(usize::try_from(total.unwrap_or(0)).unwrap_or(0));
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(unreadable)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(unreadable)?;
        if done.as_bool().unwrap_or(true) {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(unreadable)?;
        bytes.extend(js_sys::Uint8Array::new(&value).to_vec());
        if let Err(error) = check_size(&url, bytes.len() as u64) {
            let _ = reader.cancel();
            return Err(error);
        }
        progress(bytes.len() as u64, total);
    }
    decode(&display_name(&url), bytes)
}

/// The error for a source the browser could not finish reading: the JS error's message, or
/// `fallback` when it gave none.
fn unreadable_error(name: &str, error: &wasm_bindgen::JsValue, fallback: &str) -> LoadError {
    LoadError::Unreadable {
        name: name.to_string(),
        reason: error
            .dyn_ref::<js_sys::Error>()
            .map_or_else(|| fallback.to_string(), |e| String::from(e.message())),
    }
}

/// Reads a picked or dropped file slice by slice, reporting `(done, total)` bytes.
pub async fn read_file(
    file: &web_sys::File,
    progress: impl Fn(u64, u64),
) -> Result<Decoded, LoadError> {
    let name = file.name();
    let total = file.size() as u64;
    check_size(&name, total)?;
    let unreadable = |error| unreadable_error(&name, &error, "the browser refused to read it");
    let mut bytes = Vec::with_capacity(usize::try_from(total).unwrap_or(0));
    let mut offset = 0;
    while offset < total {
        let end = (offset + CHUNK_BYTES).min(total);
        let slice = file
            .slice_with_f64_and_f64(offset as f64, end as f64)
            .map_err(unreadable)?;
        let buffer = JsFuture::from(slice.array_buffer())
            .await
            .map_err(unreadable)?;
        bytes.extend(js_sys::Uint8Array::new(&buffer).to_vec());
        offset = end;
        progress(offset, total);
    }
    decode(&name, bytes)
}

/// Opens loaded text: a postmortem replaces the document, metric series join the open one.
pub fn open_text(state: AppState, loader: Loader, name: &str, text: &str, src: Option<String>) {
    let generation = loader.begin(name, None);
    let decoded = Decoded {
        text: text.to_string(),
        note: None,
    };
    let name = name.to_string();
    leptos::task::spawn_local(async move {
        read_and_open(state, loader, generation, &name, decoded, src).await;
    });
}

/// Reads decoded text (in the parse worker, off the main thread) and opens
/// it, unless the load was cancelled or overtaken meanwhile.
async fn read_and_open(
    state: AppState,
    loader: Loader,
    generation: u64,
    name: &str,
    decoded: Decoded,
    src: Option<String>,
) {
    loader.status.set(LoadStatus::Reading {
        name: name.to_string(),
    });
    let delivery = match super::parse_worker::read(name, &decoded.text).await {
        Ok(delivery) => delivery,
        Err(Unread::Cancelled) => return,
        Err(Unread::NoWorker) => {
            if loader.is_current(generation) {
                let error = LoadError::NoWorker {
                    name: name.to_string(),
                };
                loader.status.set(LoadStatus::Failed(error));
            }
            return;
        }
    };
    let events = match &delivery.loaded {
        Loaded::Incident(parsed) => parsed.incident.timeline.len(),
        Loaded::Metrics { .. } => 0,
    };
    let staged = super::staged::make_room(state, events).await;
    if loader.is_current(generation) {
        let Decoded { text, note } = decoded;
        open_loaded(state, loader, name, text, src, note.as_deref(), delivery);
    }
    if staged {
        super::staged::finish(state);
    }
}

/// Opens a reading of `text`; `note` says how it was decoded when it was not UTF-8, and
/// becomes a warning at line 1 (the reader should check accents and quotes).
fn open_loaded(
    state: AppState,
    loader: Loader,
    name: &str,
    text: String,
    src: Option<String>,
    note: Option<&str>,
    delivery: Delivery,
) {
    let Delivery { mut loaded, kinds } = delivery;
    if let Some(note) = note {
        let warning = crate::parse::Diagnostic::warning(1, 1, note, "");
        match &mut loaded {
            Loaded::Incident(parsed) => parsed.diagnostics.insert(0, warning),
            Loaded::Metrics { diagnostics, .. } => diagnostics.insert(0, warning),
        }
    }
    // A reading that failed outright is answered below with its own errors; anything else
    // that plainly is not a postmortem is refused here.
    let failed =
        matches!(&loaded, Loaded::Incident(p) if failed_outright(&p.incident, &p.diagnostics));
    if let Some(error) = not_a_postmortem(name, &loaded, &text).filter(|_| !failed) {
        loader.status.set(LoadStatus::Failed(error));
        return;
    }
    let request = super::page_url::request();
    let is_embedded_src = request.embed.is_some() && src.is_some() && request.src == src;
    if is_embedded_src && matches!(loaded, Loaded::Metrics { .. }) {
        // An embed's `?src=` names the incident; metrics alone would show the sample's.
        loader
            .status
            .set(LoadStatus::Failed(LoadError::NotAPostmortem {
                name: name.to_string(),
                reason: "it holds metric series; an embed attaches them with ?metrics=",
            }));
        return;
    }
    match loaded {
        // Nothing could be read: the open incident stays, with this file's errors shown.
        Loaded::Incident(parsed) if failed => {
            let first = parsed
                .diagnostics
                .iter()
                .find(|d| d.severity == Severity::Error)
                .map(|d| format!("{} (line {}, column {})", d.message, d.line, d.column))
                .unwrap_or_default();
            state.document.update(|document| {
                document
                    .diagnostics
                    .extend(parsed.diagnostics.into_iter().map(|mut d| {
                        d.message = format!("{name}: {}", d.message);
                        d
                    }));
            });
            loader.status.set(LoadStatus::Failed(LoadError::Unreadable {
                name: name.to_string(),
                reason: format!("{first}; the open incident stays"),
            }));
        }
        Loaded::Incident(parsed) => {
            state.open(OpenDocument {
                source_name: name.to_string(),
                incident: parsed.incident,
                kinds,
                diagnostics: parsed.diagnostics,
                outline: parsed.outline,
                headings: parsed.headings,
                stated: parsed.stated,
            });
            // The incident the URL names: its view (window, event, zone) is in the URL too.
            if src.is_some() && request.src == src {
                super::url_state::restore_view(state);
            }
            // A documentation page's embeds are not what the reader opened. A URL is
            // remembered; a file's text is kept only when the reader asks (see ShareBar).
            if request.embed.is_none() {
                match &src {
                    Some(src) => prefs::remember_source(name, src),
                    None => loader.local_text.set(Some((name.to_string(), text))),
                }
            }
            if src.is_some() {
                loader.local_text.set(None);
            }
            loader.src.set(src);
            loader
                .status
                .set(LoadStatus::Done(format!("Opened {name}.")));
        }
        Loaded::Metrics {
            series,
            diagnostics,
        } => {
            let count = series.len();
            state.attach_metrics(series);
            state.document.update(|document| {
                document
                    .diagnostics
                    .extend(diagnostics.into_iter().map(|mut d| {
                        d.message = format!("{name}: {}", d.message);
                        d
                    }));
            });
            loader.status.set(LoadStatus::Done(format!(
                "Added {count} metric series from {name} to the open incident."
            )));
        }
    }
}

/// Fetches `src` and opens it; on failure the status shows why and nothing else changes.
pub fn load_url(state: AppState, loader: Loader, src: String) {
    if let Err(error) = allowed_source(&src) {
        loader.status.set(LoadStatus::Failed(error));
        return;
    }
    let generation = loader.begin(&src, None);
    // The worker starts loading while the file downloads, not after.
    super::parse_worker::prepare();
    leptos::task::spawn_local(async move {
        let progress = |done, total| {
            if loader.is_current(generation) {
                loader.status.set(LoadStatus::Loading {
                    name: src.clone(),
                    done,
                    total,
                });
            }
        };
        let result = fetch_text(&src, progress).await;
        if !loader.is_current(generation) {
            return;
        }
        match result {
            Ok(decoded) => {
                let name = display_name(&src);
                read_and_open(state, loader, generation, &name, decoded, Some(src)).await;
            }
            Err(error) => loader.status.set(LoadStatus::Failed(error)),
        }
    });
}

/// Reads the files one after another (e.g. a postmortem, then its metrics) and opens each.
pub fn load_files(state: AppState, loader: Loader, files: Vec<web_sys::File>) {
    leptos::task::spawn_local(async move {
        for file in files {
            let name = file.name();
            let generation = loader.begin(&name, Some(file.size() as u64));
            super::parse_worker::prepare();
            let progress = |done, total| {
                if loader.is_current(generation) {
                    loader.status.set(LoadStatus::Loading {
                        name: name.clone(),
                        done,
                        total: Some(total),
                    });
                }
            };
            let result = read_file(&file, progress).await;
            if !loader.is_current(generation) {
                return;
            }
            match result {
                Ok(decoded) => {
                    read_and_open(state, loader, generation, &name, decoded, None).await;
                    if !loader.is_current(generation) {
                        return;
                    }
                }
                Err(error) => {
                    loader.status.set(LoadStatus::Failed(error));
                    return;
                }
            }
        }
    });
}

/// Opens text that was pasted or dropped: a lone http(s) URL is fetched, anything else read.
pub fn load_pasted_text(state: AppState, loader: Loader, text: &str) {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        loader.status.set(LoadStatus::Failed(LoadError::Empty));
    } else if !trimmed.contains(char::is_whitespace)
        && (trimmed.starts_with("https://") || trimmed.starts_with("http://"))
    {
        load_url(state, loader, trimmed.to_string());
    } else if let Err(error) = check_size("The pasted text", trimmed.len() as u64) {
        loader.status.set(LoadStatus::Failed(error));
    } else {
        open_text(state, loader, "pasted text", text, None);
    }
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

/// True when the event happened in a text field, where paste and drop mean typing.
fn in_text_field(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Listens for drops and pastes anywhere on the page for as long as the calling owner lives.
pub fn listen_for_drops_and_pastes(state: AppState, loader: Loader) {
    let over = window_event_listener(ev::dragover, move |event| {
        event.prevent_default();
        loader.dragging.set(true);
    });
    let leave = window_event_listener(ev::dragleave, move |event| {
        if event.related_target().is_none() {
            loader.dragging.set(false);
        }
    });
    let drop = window_event_listener(ev::drop, move |event| {
        event.prevent_default();
        loader.dragging.set(false);
        let Some(data) = event.data_transfer() else {
            loader.status.set(LoadStatus::Failed(LoadError::Empty));
            return;
        };
        let files = files_of(data.files());
        if files.is_empty() {
            let text = data.get_data("text/plain").unwrap_or_default();
            load_pasted_text(state, loader, &text);
        } else {
            load_files(state, loader, files);
        }
    });
    let paste = window_event_listener(ev::paste, move |event| {
        if in_text_field(&event) {
            return;
        }
        let Some(data) = event.clipboard_data() else {
            return;
        };
        event.prevent_default();
        let files = files_of(data.files());
        if files.is_empty() {
            let text = data.get_data("text/plain").unwrap_or_default();
            load_pasted_text(state, loader, &text);
        } else {
            load_files(state, loader, files);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
        paste.remove();
    });
}

/// The "Open file…" button and the status line with its progress bar.
#[component]
pub fn LoadControls() -> impl IntoView {
    let state = super::state::app_state();
    let loader = loader();
    let on_change = move |event: ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = files_of(input.files());
        input.set_value(""); // picking the same file again fires `change` again
        if !files.is_empty() {
            load_files(state, loader, files);
        }
    };
    let status = move || loader.status.get();
    view! {
        <div class="loader">
            <label class="button file-button">
                "Open file…"
                <input
                    type="file"
                    class="visually-hidden"
                    data-testid="file-input"
                    multiple=true
                    accept=".txt,.md,.markdown,.html,.htm,.json,.toml,.yaml,.yml,.csv,.prom,text/*"
                    on:change=on_change
                />
            </label>
            <p class="load-hint">"…or drop or paste a postmortem or a metrics file anywhere."</p>
            <div
                class="load-status"
                role="status"
                aria-live="polite"
                data-testid="load-status"
                data-state=move || match status() {
                    LoadStatus::Idle => "idle",
                    LoadStatus::Loading { .. } => "loading",
                    LoadStatus::Reading { .. } => "reading",
                    LoadStatus::Done(_) => "done",
                    LoadStatus::Failed(_) => "failed",
                }
                data-error=move || match status() {
                    LoadStatus::Failed(error) => Some(error.code()),
                    _ => None,
                }
            >
                {move || match status() {
                    LoadStatus::Idle => ().into_any(),
                    LoadStatus::Loading { name, done, total } => view! {
                        <span>{format!("Loading {name}…")}</span>
                        <progress max=total.map(|t| t as f64) value=total.map(|_| done as f64)></progress>
                        <span class="load-bytes">
                            {match total {
                                Some(t) => format!("{} of {}", megabytes(done), megabytes(t)),
                                None if done > 0 => megabytes(done),
                                None => String::new(),
                            }}
                        </span>
                    }
                    .into_any(),
                    LoadStatus::Reading { name } => view! {
                        <span>{format!("Reading {name}…")}</span>
                        <progress></progress>
                    }
                    .into_any(),
                    LoadStatus::Done(message) => view! { <span>{message}</span> }.into_any(),
                    LoadStatus::Failed(error) => {
                        view! { <span class="load-error">{error.to_string()}</span> }.into_any()
                    }
                }}
            </div>
            <Show when=move || loader.status.with(LoadStatus::is_busy)>
                <button type="button" class="button cancel-load" data-testid="cancel-load"
                    on:click=move |_| loader.cancel()>"Cancel"</button>
            </Show>
        </div>
        <Show when=move || loader.dragging.get()>
            <div class="drop-overlay" aria-hidden="true">"Drop to open"</div>
        </Show>
    }
}

/// Refuses an address the page must not load: anything but http(s), and origins the
/// deployment does not list (see [`crate::source`]). Every fetch of a URL from the page's
/// address or the reader goes through here.
pub fn allowed_source(src: &str) -> Result<(), LoadError> {
    check_source(src, &super::page_url::page_base(), &source_policy())
        .map(|_| ())
        .map_err(|reason| LoadError::Unreadable {
            name: src.to_string(),
            reason,
        })
}

/// The deployment's source policy: `<meta name="postmortem-explorer:sources" content="…">`
/// in `index.html` (see [`crate::source`]); any http(s) address without it.
pub fn source_policy() -> SourcePolicy {
    document()
        .query_selector(r#"meta[name="postmortem-explorer:sources"]"#)
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .map_or_else(SourcePolicy::default, |setting| {
            SourcePolicy::from_setting(&setting)
        })
}

/// Names the origin the open incident came from when it is not this site's: text fetched
/// from elsewhere must not pass for the site's own.
#[component]
pub fn ForeignSource() -> impl IntoView {
    let loader = loader();
    let foreign = move || {
        let src = loader.src.get()?;
        check_source(&src, &super::page_url::page_base(), &SourcePolicy::AnyWeb)
            .ok()?
            .foreign_origin
    };
    move || {
        foreign().map(|origin| {
            view! {
                <p class="foreign-source" role="note" data-testid="foreign-source">
                    "Loaded from " <strong>{origin}</strong>
                    ", not from this site: its text is that site's, not this one's."
                </p>
            }
        })
    }
}
