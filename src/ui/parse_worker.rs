//! The page's side of the parse worker (`src/bin/parse_worker.rs`): files and URLs are read
//! there, off the main thread, and their reading comes back in parts (see
//! [`crate::loading::wire`]), one part per task, so the page stays responsive while a big
//! file is read. [`cancel`] stops a reading at once by ending the worker; the next reading
//! starts a new one.
//!
//! The page has no reader of its own (they would add about 80 KB gzip to its WebAssembly, see
//! docs/SIZE.md): where no worker can run (its files missing, a policy refusing it, an old
//! build answering), [`read`] says so and the page shows it. A bundle that links the readers
//! anyway (the editor, the browser tests) can read on the page instead, with
//! [`read_on_page_without_worker`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

use futures_channel::oneshot;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::loading::wire::{Assembler, Delivery};
use crate::loading::Loaded;

/// The worker's start script, next to `index.html` (Trunk's loader shim).
const WORKER_SCRIPT: &str = "parse-worker_loader.js";

/// How long the worker may take to start before the page gives up on it.
const READY_WITHIN: Duration = Duration::from_secs(10);

/// A reader on the page: name and text in, the reading out (`loading::read_loaded`).
pub type Reader = fn(&str, &str) -> Loaded;

/// Why [`read`] has no reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// The reading was cancelled; the open incident stays.
    Cancelled,
    /// No worker could read it (and no reader on the page was set).
    NoWorker,
}

/// How a reading in the worker ended.
enum Outcome {
    Read(Delivery),
    Cancelled,
    /// No worker, or its answer could not be used.
    Unavailable,
}

struct Job {
    assembler: Assembler,
    done: oneshot::Sender<Outcome>,
}

struct Client {
    worker: web_sys::Worker,
    ready: bool,
    /// Requests posted before the worker said it listens.
    waiting: Vec<js_sys::Array>,
    jobs: HashMap<u32, Job>,
    next_id: u32,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    /// Set once the worker failed to start: later readings do not try it again.
    static UNAVAILABLE: RefCell<bool> = const { RefCell::new(false) };
    /// The reader used where no worker runs; none on the page (see [`read_on_page_without_worker`]).
    static ON_PAGE: RefCell<Option<Reader>> = const { RefCell::new(None) };
}

/// Has [`read`] use `reader` on this thread where no worker runs, instead of answering
/// [`Unread::NoWorker`]. Not for the page: `reader` (`loading::read_loaded`) brings every
/// reader into the bundle that calls this.
pub fn read_on_page_without_worker(reader: Reader) {
    ON_PAGE.with(|on_page| *on_page.borrow_mut() = Some(reader));
}

/// Reads `text` in the worker. `Err(Unread::Cancelled)` when [`cancel`] was called meanwhile;
/// `Err(Unread::NoWorker)` when no worker could read it (unless a reader on the page was set:
/// its events then come without kinds, and the page classifies them).
pub async fn read(name: &str, text: &str) -> Result<Delivery, Unread> {
    let on_page = || {
        let reader = ON_PAGE.with(|on_page| *on_page.borrow());
        match reader {
            Some(reader) => Ok(Delivery {
                loaded: reader(name, text),
                kinds: None,
            }),
            None => Err(Unread::NoWorker),
        }
    };
    let Some(receiver) = post(name, text) else {
        return on_page();
    };
    match receiver.await {
        Ok(Outcome::Read(delivery)) => Ok(delivery),
        Ok(Outcome::Cancelled) => Err(Unread::Cancelled),
        Ok(Outcome::Unavailable) | Err(_) => on_page(),
    }
}

/// Stops every reading in progress (their [`read`] answers `Err(Unread::Cancelled)`). An idle worker
/// is kept for the next reading.
pub fn cancel() {
    let reading =
        CLIENT.with(|client| client.borrow().as_ref().is_some_and(|c| !c.jobs.is_empty()));
    if reading {
        stop(|| Outcome::Cancelled);
    }
}

/// Ends the worker and answers every reading in progress with `outcome`.
fn stop(outcome: impl Fn() -> Outcome) {
    let client = CLIENT.with(|client| client.borrow_mut().take());
    if let Some(client) = client {
        client.worker.terminate();
        for (_, job) in client.jobs {
            let _ = job.done.send(outcome());
        }
    }
}

/// Gives up on the worker for this page: it could not start.
fn unavailable() {
    UNAVAILABLE.with(|u| *u.borrow_mut() = true);
    stop(|| Outcome::Unavailable);
}

/// Starts the worker unless it runs already, so that its WebAssembly loads while a file is
/// still being fetched or read (it had started only once the file was in); false when there is
/// no worker. The time it may take to start ([`READY_WITHIN`]) runs from when a reading waits
/// for it, not from here: a long download on a slow link does not use it up.
pub fn prepare() -> bool {
    if UNAVAILABLE.with(|u| *u.borrow()) {
        return false;
    }
    let started = CLIENT.with(|client| client.borrow().is_some());
    if !started {
        let Some(client) = start() else {
            return false;
        };
        CLIENT.with(|slot| *slot.borrow_mut() = Some(client));
    }
    true
}

/// Gives `worker` [`READY_WITHIN`] to say it listens, from when a first request waits for
/// it; after that the page gives up on workers. A worker ended meanwhile (a cancelled
/// reading) and the next one started are not judged by this one's time.
fn watch_start(worker: web_sys::Worker) {
    leptos::prelude::set_timeout(
        move || {
            let starting = CLIENT.with(|c| {
                c.borrow()
                    .as_ref()
                    .is_some_and(|c| c.worker == worker && !c.ready)
            });
            if starting {
                unavailable();
            }
        },
        READY_WITHIN,
    );
}

/// Sends `text` to the worker, starting it if needed; `None` when there is no worker.
fn post(name: &str, text: &str) -> Option<oneshot::Receiver<Outcome>> {
    if !prepare() {
        return None;
    }
    let (sender, receiver) = oneshot::channel();
    CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        let client = client.as_mut()?;
        let id = client.next_id;
        client.next_id = client.next_id.wrapping_add(1);
        let bytes = js_sys::Uint8Array::from(text.as_bytes());
        let request = js_sys::Array::of3(&id.into(), &name.into(), &bytes);
        client.jobs.insert(
            id,
            Job {
                assembler: Assembler::new(),
                done: sender,
            },
        );
        if client.ready {
            send(&client.worker, &request);
        } else {
            if client.waiting.is_empty() {
                watch_start(client.worker.clone());
            }
            client.waiting.push(request);
        }
        Some(())
    })?;
    Some(receiver)
}

/// Posts a request, handing its buffer over rather than copying it.
fn send(worker: &web_sys::Worker, request: &js_sys::Array) {
    let bytes: js_sys::Uint8Array = request.get(2).unchecked_into();
    let _ = worker.post_message_with_transfer(request, &js_sys::Array::of1(&bytes.buffer()));
}

/// Starts the worker; `None` when the browser refuses to.
fn start() -> Option<Client> {
    let worker = web_sys::Worker::new(&script_url()).ok()?;
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            receive(event.data());
        });
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        event.prevent_default();
        unavailable();
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Client {
        worker,
        ready: false,
        waiting: Vec::new(),
        jobs: HashMap::new(),
        next_id: 1,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The worker's script, named with this build's own script so a cached worker from an older
/// deployment is not reused.
fn script_url() -> String {
    let build = leptos::prelude::document()
        .query_selector("script[data-postmortem-boot]")
        .ok()
        .flatten()
        .and_then(|script| script.get_attribute("data-js"))
        .unwrap_or_default();
    let build: String = build.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("{WORKER_SCRIPT}?build={build}")
}

/// Handles one message from the worker: "ready", or one part of a reading.
fn receive(data: JsValue) {
    if data.as_string().as_deref() == Some("ready") {
        CLIENT.with(|client| {
            if let Some(client) = client.borrow_mut().as_mut() {
                client.ready = true;
                for request in client.waiting.drain(..) {
                    send(&client.worker, &request);
                }
            }
        });
        return;
    }
    let message: js_sys::Array = data.unchecked_into();
    let Some(id) = message.get(0).as_f64().map(|id| id as u32) else {
        return;
    };
    let part = js_sys::Uint8Array::new(&message.get(1)).to_vec();
    let finished = CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        let client = client.as_mut()?;
        let job = client.jobs.get_mut(&id)?;
        let complete = job.assembler.push(&part);
        match complete {
            Ok(false) => None,
            Ok(true) => client.jobs.remove(&id).map(|job| (job, true)),
            Err(error) => {
                leptos::logging::warn!("parse worker: {error}");
                client.jobs.remove(&id).map(|job| (job, false))
            }
        }
    });
    if let Some((job, complete)) = finished {
        let outcome = match job.assembler.finish() {
            Ok(delivery) if complete => Outcome::Read(delivery),
            _ => Outcome::Unavailable,
        };
        // Opened in a task of its own: putting the last part in place and drawing a big
        // incident would together block the page longer than either alone.
        leptos::prelude::set_timeout(
            move || {
                let _ = job.done.send(outcome);
            },
            Duration::ZERO,
        );
    }
}
