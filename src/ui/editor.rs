//! `?view=edit`: write a postmortem and see it read as you type. The text on one side (a
//! textarea with line numbers), the live page on the other; reading notes beside the text,
//! each moving the cursor to its line; selecting an event in the preview moves the cursor to
//! its line, and the cursor selects the event written on its line.
//!
//! The editor is a bundle of its own (`src/bin/editor.rs`, started by `public/boot.js` for
//! `?view=edit`), so the explorer's first download does not carry it; it has the TOML and YAML
//! writers the explorer leaves to its parse worker.
//!
//! Every pause saves the draft on this device (see [`store`]) with its cursor and undo
//! history; two tabs on one draft never overwrite each other silently, and a full storage is
//! said, never hidden. The text is read in the parse worker, off the main thread.

mod store;

use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::diagnostics::DiagnosticList;
use super::share::download;
use super::state::{app_state, AppState, OpenDocument};
use super::summary::SummaryCard;
use super::timeline_list::TimelineList;
use super::timeline_view::TimelineView;
use crate::authoring::drafts::{check_save, name_for, Draft, SaveCheck};
use crate::authoring::entry::entry_now;
use crate::authoring::history::{History, Snapshot};
use crate::authoring::source_lines::{
    byte_of_utf16, event_lines, line_at, line_start, utf16_of_byte,
};
use crate::authoring::templates::Template;
use crate::export::safe_file_stem;
use crate::loading::Loaded;
use crate::model::Incident;
use crate::parse::Syntax;

/// How long the writer pauses before the preview is read again.
const PREVIEW_AFTER: Duration = Duration::from_millis(250);
/// How long the writer pauses before the draft is saved (well within a second).
const SAVE_AFTER: Duration = Duration::from_millis(400);

/// Where the draft stands with the device's storage.
#[derive(Debug, Clone, PartialEq)]
enum SaveState {
    /// Saved at this time (ms since 1970).
    Saved(f64),
    /// Changed since the last save; a save is on its way.
    Pending,
    /// Not saved: storage is full.
    Full,
    /// Not saved: storage refused.
    Refused(String),
    /// Another tab saved this draft (its revision); this tab does not overwrite it.
    Conflict(u64),
}

/// The editor's own state, shared by its parts.
#[derive(Clone, Copy)]
struct Editor {
    state: AppState,
    textarea: NodeRef<html::Textarea>,
    gutter: NodeRef<html::Div>,
    /// The text as typed.
    text: RwSignal<String>,
    /// The text the preview shows a reading of.
    read_text: RwSignal<String>,
    /// The line each event of the preview was written on, in `read_text`.
    event_lines: Memo<Vec<Option<usize>>>,
    draft: StoredValue<Draft>,
    /// The revision this tab last read or wrote.
    base: StoredValue<u64>,
    history: StoredValue<History>,
    /// The state the last pause left (what an undo returns to).
    paused: StoredValue<Snapshot>,
    save_state: RwSignal<SaveState>,
    tab: StoredValue<String>,
    preview_round: StoredValue<u64>,
    save_round: StoredValue<u64>,
    /// The event the cursor selected last (so the selection does not move the cursor back).
    cursor_event: StoredValue<Option<usize>>,
}

/// The editor's whole page: the state every view of the preview reads, then [`EditorPage`].
#[component]
pub fn EditorApp() -> impl IntoView {
    // The editor links the readers anyway (the sample's text is read as it is edited): where
    // no parse worker runs, its preview is read here instead.
    super::parse_worker::read_on_page_without_worker(crate::loading::read_loaded);
    let state = AppState::new(OpenDocument::sample());
    provide_context(state);
    let loader = super::loader::Loader::new();
    provide_context(loader);
    provide_context(super::rich_text::DocumentLinks::new(Some(loader)));
    super::theme::provide_page_theme(None);
    Effect::new(move |_| {
        let title = editor_title(&state);
        document().set_title(&title);
    });
    view! { <EditorPage /> }
}

fn editor_title(state: &AppState) -> String {
    let title = state.incident.with(|i| i.title.clone());
    if title.is_empty() {
        "Editor · Postmortem Explorer".to_string()
    } else {
        format!("{title} (draft) · Postmortem Explorer")
    }
}

/// The editor page.
#[component]
fn EditorPage() -> impl IntoView {
    let state = app_state();
    let tab = format!("{:x}", (js_sys::Math::random() * 1e12) as u64);
    let kept = store::current().and_then(|id| store::load(&id));
    // A first visit starts a draft from the plain template, kept at once so that the list
    // shows it and "Saved" is true.
    let fresh = kept.is_none();
    let draft = kept.unwrap_or_else(|| new_draft(Template::Plain.text().to_string(), &tab));
    store::set_current(&draft.id);
    let base = store::stored_revision(&draft.id).map_or(draft.revision, |(r, _)| r);
    let read_text = RwSignal::new(String::new());
    let lines = Memo::new(move |_| {
        read_text.with(|read| state.incident.with(|i| event_lines(read, &i.timeline)))
    });
    let editor = Editor {
        state,
        event_lines: lines,
        textarea: NodeRef::new(),
        gutter: NodeRef::new(),
        text: RwSignal::new(draft.text.clone()),
        read_text,
        base: StoredValue::new(base),
        history: StoredValue::new(draft.history.clone()),
        paused: StoredValue::new(Snapshot {
            text: draft.text.clone(),
            cursor: draft.cursor,
        }),
        save_state: RwSignal::new(SaveState::Saved(draft.updated_ms)),
        tab: StoredValue::new(tab),
        preview_round: StoredValue::new(0),
        save_round: StoredValue::new(0),
        cursor_event: StoredValue::new(None),
        draft: StoredValue::new(draft),
    };
    // The text and cursor go into the textarea once it exists.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(area) = editor.textarea.get() else {
            return false;
        };
        let (text, cursor) = editor.draft.with_value(|d| (d.text.clone(), d.cursor));
        area.set_value(&text);
        let _ = area.set_selection_range(cursor, cursor);
        if fresh {
            editor.save_now();
        }
        editor.read_now();
        true
    });
    editor.follow_other_tabs();
    editor.follow_selection();
    let _ = window_event_listener(ev::pagehide, move |_| editor.save_now());

    let incident: Signal<Incident> = state.incident.into();
    let diagnostics = Signal::derive(move || state.document.with(|d| d.diagnostics.clone()));
    let line_count = Memo::new(move |_| editor.text.with(|t| t.lines().count().max(1)));
    // The lines with a reading note: their numbers are marked in the gutter, the note in
    // their tooltip (the list under the text has them all).
    let noted = Memo::new(move |_| {
        state.document.with(|d| {
            let mut noted = std::collections::BTreeMap::new();
            for note in &d.diagnostics {
                noted
                    .entry(note.line as usize)
                    .or_insert_with(|| format!("{}: {}", note.severity, note.message));
            }
            noted
        })
    });
    let numbers = move || {
        let count = line_count.get();
        let run = |from: usize, to: usize| {
            (from..=to)
                .map(|n| format!("{n}\n"))
                .collect::<String>()
                .into_any()
        };
        noted.with(|noted| {
            let mut parts = Vec::new();
            let mut from = 1;
            for (&line, note) in noted.range(1..=count) {
                if line > from {
                    parts.push(run(from, line - 1));
                }
                parts.push(
                    view! { <span class="gutter-note" title=note.clone()>{line}</span> "\n" }
                        .into_any(),
                );
                from = line + 1;
            }
            if from <= count {
                parts.push(run(from, count));
            }
            parts
        })
    };

    view! {
        <header class="page-header editor-header">
            <nav class="top-nav" aria-label="Views">
                <p class="eyebrow">"Postmortem Explorer · Editor"</p>
                <a href="./" class="nav-link">"Back to the explorer"</a>
            </nav>
            <h1 data-testid="editor-title">{move || editor.text.with(|t| name_for(t))}</h1>
        </header>
        <main class="editor-page">
            <section class="card editor-pane" aria-label="Text">
                <Toolbar editor=editor />
                <SaveLine editor=editor />
                <div class="editor-body">
                    <div class="editor-gutter" aria-hidden="true" node_ref=editor.gutter>{numbers}</div>
                    <textarea
                        class="editor-text"
                        data-testid="editor-text"
                        aria-label="Postmortem text"
                        spellcheck="false"
                        wrap="off"
                        node_ref=editor.textarea
                        on:input=move |_| editor.typed()
                        on:keydown=move |event| editor.key(event)
                        on:click=move |_| editor.cursor_moved()
                        on:keyup=move |event| {
                            if event.key().starts_with("Arrow") || matches!(event.key().as_str(), "Home" | "End" | "PageUp" | "PageDown") {
                                editor.cursor_moved();
                            }
                        }
                        on:scroll=move |_| editor.sync_gutter()
                    ></textarea>
                </div>
                <Notes editor=editor />
            </section>
            <section class="editor-preview" aria-label="Preview" data-testid="editor-preview">
                <SummaryCard incident=incident />
                <TimelineView />
                <TimelineList incident=incident />
                <DiagnosticList diagnostics=diagnostics />
            </section>
        </main>
    }
}

/// Starting points, drafts, "Add entry now", undo and downloads.
#[component]
fn Toolbar(editor: Editor) -> impl IntoView {
    let menu = NodeRef::<html::Details>::new();
    // A choice closes the menu it was made in.
    let close = move || {
        if let Some(menu) = menu.get_untracked() {
            menu.set_open(false);
        }
    };
    let drafts = RwSignal::new(store::list());
    Effect::new(move |_| {
        // The list follows every save.
        editor.save_state.track();
        drafts.set(store::list());
    });
    let current_id = move || editor.draft.with_value(|d| d.id.clone());
    let templates = Template::ALL
        .iter()
        .map(|&template| {
            view! {
                <button type="button" data-testid=format!("start-{}", template.slug())
                    on:click=move |_| { close(); editor.start(template.text().to_string()) }>
                    {template.name()}
                </button>
            }
        })
        .collect_view();
    // The incident the explorer opened last: its kept text, else its address fetched again,
    // else the sample.
    let from_open = move |_| {
        close();
        leptos::task::spawn_local(async move {
            let last = super::prefs::last_opened();
            let text = match last {
                Some(super::prefs::LastOpened {
                    text: Some(text), ..
                }) => text,
                Some(super::prefs::LastOpened { src: Some(src), .. }) => {
                    match super::loader::fetch_text(&src, |_, _| {}).await {
                        Ok(decoded) => decoded.text,
                        Err(error) => {
                            editor.save_state.set(SaveState::Refused(error.to_string()));
                            return;
                        }
                    }
                }
                _ => crate::sample::SAMPLE_TEXT.to_string(),
            };
            editor.start(text);
        });
    };
    view! {
        <div class="editor-toolbar" role="toolbar" aria-label="Editor">
            <details class="editor-start" node_ref=menu>
                <summary data-testid="start-menu">"New draft from…"</summary>
                <div class="editor-start-list">
                    {templates}
                    <button type="button" data-testid="start-open" on:click=from_open>"The open incident"</button>
                </div>
            </details>
            <label class="editor-drafts">
                "Draft "
                <select data-testid="draft-list" on:change=move |event| {
                    let id = event_target_value(&event);
                    editor.switch_to(&id);
                }>
                    {move || drafts.get().into_iter().map(|d| {
                        let selected = d.id == current_id();
                        let when = format_time(d.updated_ms);
                        view! { <option value=d.id.clone() selected=selected>{format!("{} · {when}", d.name)}</option> }
                    }).collect_view()}
                </select>
            </label>
            <button type="button" data-testid="delete-draft" on:click=move |_| editor.delete_current()>"Delete draft"</button>
            <button type="button" data-testid="add-entry" title="Insert a timeline entry stamped with the current time"
                on:click=move |_| editor.add_entry()>"Add entry now"</button>
            <button type="button" data-testid="undo" on:click=move |_| editor.undo(false)>"Undo"</button>
            <button type="button" data-testid="redo" on:click=move |_| editor.undo(true)>"Redo"</button>
            <span class="editor-downloads">
                "Download "
                <button type="button" data-testid="download-text" on:click=move |_| editor.download_text()>
                    {move || if editor.is_markdown() { ".md" } else { ".txt" }}
                </button>
                <button type="button" data-testid="download-json" on:click=move |_| editor.download_structured(Syntax::Json)>"JSON"</button>
                <button type="button" data-testid="download-toml" on:click=move |_| editor.download_structured(Syntax::Toml)>"TOML"</button>
                <button type="button" data-testid="download-yaml" on:click=move |_| editor.download_structured(Syntax::Yaml)>"YAML"</button>
            </span>
        </div>
    }
}

/// Whether the draft is saved, and what to do when it cannot be.
#[component]
fn SaveLine(editor: Editor) -> impl IntoView {
    let line = move || {
        match editor.save_state.get() {
        SaveState::Saved(ms) => ("saved", format!("Saved on this device at {}.", format_time(ms))),
        SaveState::Pending => ("pending", "Saving…".to_string()),
        SaveState::Full => (
            "error",
            "Not saved: this browser's storage for the site is full. Download the draft to keep it, or delete other drafts.".to_string(),
        ),
        SaveState::Refused(why) => (
            "error",
            format!("Not saved: this browser refused to store the draft ({why}). Download it to keep it."),
        ),
        SaveState::Conflict(_) => (
            "conflict",
            "This draft was changed in another tab. This tab stopped saving so neither overwrites the other.".to_string(),
        ),
    }
    };
    let conflict = move || matches!(editor.save_state.get(), SaveState::Conflict(_));
    view! {
        <p class="editor-save" role="status" data-testid="draft-status" data-state=move || line().0>{move || line().1}</p>
        <Show when=conflict>
            <p class="editor-conflict" data-testid="draft-conflict">
                <button type="button" data-testid="load-theirs" on:click=move |_| editor.load_theirs()>"Load the other tab's version"</button>
                <button type="button" data-testid="keep-mine" on:click=move |_| editor.keep_mine_as_copy()>"Keep mine as a new draft"</button>
            </p>
        </Show>
    }
}

/// The reading notes beside the text: each moves the cursor to its line.
#[component]
fn Notes(editor: Editor) -> impl IntoView {
    let state = app_state();
    let notes = move || {
        state.document.with(|d| {
            d.diagnostics
                .iter()
                .take(200)
                .map(|note| {
                    let line = note.line;
                    let label = format!("Line {line} · {}: {}", note.severity, note.message);
                    view! {
                        <li class=format!("editor-note {}", note.severity)>
                            <button type="button" class="link-button" on:click=move |_| editor.go_to_line(line.saturating_sub(1) as usize, true)>
                                {label}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <ul class="editor-notes" data-testid="editor-notes" aria-label="Reading notes">{notes}</ul>
    }
}

impl Editor {
    fn area(&self) -> Option<web_sys::HtmlTextAreaElement> {
        self.textarea.get_untracked()
    }

    /// The textarea's text and cursor.
    fn snapshot(&self) -> Snapshot {
        let (text, cursor) = self
            .area()
            .map(|a| (a.value(), a.selection_start().ok().flatten().unwrap_or(0)))
            .unwrap_or_default();
        Snapshot { text, cursor }
    }

    /// After every keystroke: the preview and the save follow a pause.
    fn typed(self) {
        let text = self.area().map(|a| a.value()).unwrap_or_default();
        self.text.set(text);
        self.schedule_preview();
        // After another tab's save, this tab keeps its text on the page but does not save
        // over theirs until the writer chooses (see `SaveLine`).
        if !matches!(self.save_state.get_untracked(), SaveState::Conflict(_)) {
            self.save_state.set(SaveState::Pending);
            self.schedule_save();
        }
    }

    fn schedule_preview(self) {
        after_pause(self.preview_round, PREVIEW_AFTER, move || self.read_now());
    }

    fn schedule_save(self) {
        after_pause(self.save_round, SAVE_AFTER, move || self.save_now());
    }

    /// Reads the text (in the parse worker) and shows the reading.
    fn read_now(self) {
        let round = bump(self.preview_round);
        let text = self.text.get_untracked();
        let name = self.file_name();
        leptos::task::spawn_local(async move {
            let Ok(delivery) = super::parse_worker::read(&name, &text).await else {
                return;
            };
            if self.preview_round.get_value() != round {
                return;
            }
            if let Loaded::Incident(parsed) = delivery.loaded {
                self.state.revise(OpenDocument {
                    source_name: name,
                    incident: parsed.incident,
                    kinds: delivery.kinds,
                    diagnostics: parsed.diagnostics,
                    outline: parsed.outline,
                    headings: parsed.headings,
                    stated: parsed.stated,
                });
                self.read_text.set(text);
            }
        });
    }

    /// Saves the draft now, unless another tab saved it since this tab last did.
    fn save_now(self) {
        if matches!(self.save_state.get_untracked(), SaveState::Conflict(_)) {
            return;
        }
        let current = self.snapshot();
        if current.text.is_empty() && self.text.get_untracked().is_empty() && self.area().is_none()
        {
            return;
        }
        self.remember_pause(&current);
        let id = self.draft.with_value(|d| d.id.clone());
        let tab = self.tab.get_value();
        let stored = store::stored_revision(&id);
        let base = self.base.get_value();
        if let SaveCheck::Conflict { theirs } =
            check_save(stored.as_ref().map(|(r, t)| (*r, t.as_str())), base, &tab)
        {
            self.save_state.set(SaveState::Conflict(theirs));
            return;
        }
        let now = js_sys::Date::now();
        let revision = stored.map_or(base, |(r, _)| r.max(base)) + 1;
        self.draft.update_value(|d| {
            d.name = name_for(&current.text);
            d.text = current.text.clone();
            d.cursor = current.cursor;
            d.history = self.history.get_value();
            d.updated_ms = now;
            d.revision = revision;
            d.tab = tab.clone();
        });
        let saved = self.draft.with_value(store::save);
        self.save_state.set(match saved {
            Ok(()) => {
                self.base.set_value(revision);
                SaveState::Saved(now)
            }
            Err(store::SaveError::Full) => SaveState::Full,
            Err(store::SaveError::Refused(why)) => SaveState::Refused(why),
        });
    }

    /// Records the state the last pause left as an undo step, when the text changed since.
    fn remember_pause(self, current: &Snapshot) {
        let paused = self.paused.get_value();
        if paused.text != current.text {
            self.history.update_value(|h| h.record(paused));
            self.paused.set_value(current.clone());
        }
    }

    /// Undo (or redo) one step.
    fn undo(self, redo: bool) {
        let current = self.snapshot();
        self.remember_pause(&current);
        let step = self.history.try_update_value(|h| {
            if redo {
                h.redo(current.clone())
            } else {
                h.undo(current.clone())
            }
        });
        if let Some(Some(step)) = step {
            self.paused.set_value(step.clone());
            self.put(&step.text, step.cursor);
        }
    }

    /// Replaces the textarea's text and cursor, then reads and saves it.
    fn put(self, text: &str, cursor: u32) {
        if let Some(area) = self.area() {
            area.set_value(text);
            let _ = area.set_selection_range(cursor, cursor);
            let _ = area.focus();
        }
        self.text.set(text.to_string());
        self.read_now();
        self.schedule_save();
    }

    /// Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes with the editor's own
    /// history, the one kept with the draft.
    fn key(self, event: ev::KeyboardEvent) {
        if !(event.ctrl_key() || event.meta_key()) {
            return;
        }
        let key = event.key().to_ascii_lowercase();
        let redo = match key.as_str() {
            "z" => event.shift_key(),
            "y" => true,
            _ => return,
        };
        event.prevent_default();
        self.undo(redo);
    }

    /// A new draft of `text`, opened in this tab; the current one stays in the list.
    fn start(self, text: String) {
        self.save_now();
        let draft = new_draft(text.clone(), &self.tab.get_value());
        self.open_draft(draft);
        self.save_now();
    }

    fn open_draft(self, draft: Draft) {
        store::set_current(&draft.id);
        let (text, cursor) = (draft.text.clone(), draft.cursor);
        self.base.set_value(draft.revision);
        self.history.set_value(draft.history.clone());
        self.paused.set_value(Snapshot {
            text: text.clone(),
            cursor,
        });
        self.save_state.set(SaveState::Saved(draft.updated_ms));
        self.draft.set_value(draft);
        self.put(&text, cursor);
    }

    /// Opens another kept draft.
    fn switch_to(self, id: &str) {
        if self.draft.with_value(|d| d.id == id) {
            return;
        }
        self.save_now();
        if let Some(draft) = store::load(id) {
            self.open_draft(draft);
        }
    }

    /// Forgets this draft (after asking) and opens the newest other one, or a new one.
    fn delete_current(self) {
        let name = self.draft.with_value(|d| d.name.clone());
        let sure = window()
            .confirm_with_message(&format!("Delete the draft “{name}” from this device?"))
            .unwrap_or(false);
        if !sure {
            return;
        }
        let id = self.draft.with_value(|d| d.id.clone());
        store::remove(&id);
        let next = store::list()
            .first()
            .and_then(|d| store::load(&d.id))
            .unwrap_or_else(|| {
                new_draft(Template::Plain.text().to_string(), &self.tab.get_value())
            });
        self.open_draft(next);
        self.save_now();
    }

    /// Another tab saved: this tab stops saving over it and says so.
    fn follow_other_tabs(self) {
        let handle = window_event_listener(ev::storage, move |event: web_sys::StorageEvent| {
            let id = self.draft.with_value(|d| d.id.clone());
            if event.key().as_deref() != Some(store::revision_key(&id).as_str()) {
                return;
            }
            let theirs: Option<(u64, String)> = event
                .new_value()
                .and_then(|v| serde_json::from_str(&v).ok());
            if let Some((revision, tab)) = theirs {
                if revision > self.base.get_value() && tab != self.tab.get_value() {
                    self.save_state.set(SaveState::Conflict(revision));
                }
            }
        });
        on_cleanup(move || handle.remove());
    }

    fn load_theirs(self) {
        let id = self.draft.with_value(|d| d.id.clone());
        if let Some(draft) = store::load(&id) {
            self.open_draft(draft);
        }
    }

    fn keep_mine_as_copy(self) {
        let text = self.snapshot().text;
        let mut draft = new_draft(text, &self.tab.get_value());
        draft.history = self.history.get_value();
        self.open_draft(draft);
        self.save_now();
    }

    /// Inserts an entry stamped now, in the document's style and zone, after its last entry.
    fn add_entry(self) {
        let text = self.snapshot().text;
        let parsed = crate::parse::parse_document(&self.file_name(), &text);
        let lines = event_lines(&text, &parsed.incident.timeline);
        let now =
            chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
        let local = -(js_sys::Date::new_0().get_timezone_offset() as i32);
        let insertion = entry_now(&text, &parsed.incident.timeline, &lines, now, local);
        let mut next = text.clone();
        next.insert_str(insertion.at.min(next.len()), &insertion.text);
        self.remember_pause(&Snapshot {
            text: text.clone(),
            cursor: 0,
        });
        let cursor = utf16_of_byte(&next, insertion.cursor);
        self.put(&next, cursor);
        self.scroll_to_cursor();
    }

    /// The cursor moved: select the event written on its line.
    fn cursor_moved(self) {
        let Some(area) = self.area() else { return };
        let text = area.value();
        let at = byte_of_utf16(&text, area.selection_start().ok().flatten().unwrap_or(0));
        let line = line_at(&text, at);
        let state = self.state;
        let event = self
            .event_lines
            .with_untracked(|lines| lines.iter().position(|l| *l == Some(line)));
        if let Some(event) = event {
            self.cursor_event.set_value(Some(event));
            state.view.selected.set(Some(event));
        }
    }

    /// An event selected in the preview moves the cursor to its line.
    fn follow_selection(self) {
        let state = self.state;
        Effect::new(move |_| {
            let Some(event) = state.view.selected.get() else {
                return;
            };
            if self.cursor_event.get_value() == Some(event) {
                return;
            }
            let line = self
                .event_lines
                .with_untracked(|lines| lines.get(event).copied());
            if let Some(Some(line)) = line {
                self.cursor_event.set_value(Some(event));
                self.go_to_line(line, false);
            }
        });
    }

    /// Puts the cursor at the start of 0-based `line` and scrolls it into view.
    fn go_to_line(self, line: usize, focus: bool) {
        let Some(area) = self.area() else { return };
        let text = area.value();
        let at = utf16_of_byte(&text, line_start(&text, line));
        let _ = area.set_selection_range(at, at);
        if focus {
            let _ = area.focus();
        }
        self.scroll_to_cursor();
    }

    fn scroll_to_cursor(self) {
        let Some(area) = self.area() else { return };
        let text = area.value();
        let lines = text.lines().count().max(1) as f64;
        let at = byte_of_utf16(&text, area.selection_start().ok().flatten().unwrap_or(0));
        let line = line_at(&text, at) as f64;
        let per_line = f64::from(area.scroll_height()) / lines;
        let target = line * per_line - f64::from(area.client_height()) / 3.0;
        area.set_scroll_top(target.max(0.0) as i32);
        self.sync_gutter();
    }

    fn sync_gutter(self) {
        if let (Some(area), Some(gutter)) = (self.area(), self.gutter.get_untracked()) {
            gutter.set_scroll_top(area.scroll_top());
        }
    }

    /// Markdown unless the draft is in the plain format (its first line a `Postmortem:` or
    /// `Title:` line).
    fn is_markdown(self) -> bool {
        self.text.with(|t| {
            let first = t.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            !(first.starts_with("Postmortem:") || first.starts_with("Title:"))
        })
    }

    fn file_name(self) -> String {
        if self.is_markdown() {
            "draft.md".to_string()
        } else {
            "draft.txt".to_string()
        }
    }

    fn stem(self) -> String {
        safe_file_stem(&self.text.with_untracked(|t| name_for(t)))
    }

    fn download_text(self) {
        let (extension, mime) = if self.is_markdown() {
            ("md", "text/markdown")
        } else {
            ("txt", "text/plain")
        };
        let text = self.snapshot().text;
        download(&format!("{}.{extension}", self.stem()), mime, &text);
    }

    /// The preview's reading in the structured schema.
    fn download_structured(self, syntax: Syntax) {
        let written = self
            .state
            .incident
            .with_untracked(|i| crate::export::to_structured(i, syntax));
        let (extension, mime) = match syntax {
            Syntax::Json => ("json", "application/json"),
            Syntax::Toml => ("toml", "application/toml"),
            Syntax::Yaml => ("yaml", "application/yaml"),
        };
        match written {
            Ok(text) => download(&format!("{}.{extension}", self.stem()), mime, &text),
            Err(error) => self.save_state.set(SaveState::Refused(format!(
                "the {} export failed: {error}",
                extension.to_uppercase()
            ))),
        }
    }
}

/// Runs `action` after `delay` unless `round` was bumped again meanwhile (the writer typed on).
fn after_pause(round: StoredValue<u64>, delay: Duration, action: impl FnOnce() + 'static) {
    let this = bump(round);
    set_timeout(
        move || {
            if round.get_value() == this {
                action();
            }
        },
        delay,
    );
}

/// Adds one to `round` and returns the new value (for "only the latest pause counts").
fn bump(round: StoredValue<u64>) -> u64 {
    round.update_value(|r| *r += 1);
    round.get_value()
}

fn new_draft(text: String, tab: &str) -> Draft {
    let now = js_sys::Date::now();
    let id = format!(
        "{:x}-{:x}",
        now as u64,
        (js_sys::Math::random() * 1e9) as u64
    );
    Draft::new(id, text, now, tab.to_string())
}

/// `ms` as the reader's local date and time, e.g. "1 Dec 2026, 19:42:07".
fn format_time(ms: f64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "short"),
        ("year", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("second", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string("en-GB", &options)
        .as_string()
        .unwrap_or_default()
}
