//! The page's side of the parse worker (`src/bin/parse_worker.rs`): files and URLs are read
//! there, off the main thread, and their reading comes back in parts (see
//! [`crate::loading::wire`]), one part per task, so the page stays responsive while a big
//! file is read. [`cancel`] stops a reading at once by ending the worker; the next reading
//! starts a new one.
//!
//! Where no worker can run (its files missing, a policy refusing it, an old build answering),
//! the page reads on its own thread as before: slower for big files, never wrong.

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

use futures_channel::oneshot;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::loading::read_loaded;
use crate::loading::wire::{Assembler, Delivery};

/// The worker's start script, next to `index.html` (Trunk's loader shim).
const WORKER_SCRIPT: &str = "parse-worker_loader.js";

/// How long the worker may take to start before the page reads on its own.
const READY_WITHIN: Duration = Duration::from_secs(10);

/// The reading was cancelled; the open incident stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// How a reading in the worker ended.
enum Outcome {
    Read(Delivery),
    Cancelled,
    /// No worker, or its answer could not be used: read on the page.
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
    /// Set once the worker failed to start: later readings go straight to the page.
    static UNAVAILABLE: RefCell<bool> = const { RefCell::new(false) };
}

/// Reads `text` in the worker, or on the page when there is none (its events then come
/// without kinds: the page classifies them). `Err(Cancelled)` when [`cancel`] was called
/// meanwhile.
pub async fn read(name: &str, text: &str) -> Result<Delivery, Cancelled> {
    let on_page = || Delivery {
        loaded: read_loaded(name, text),
        kinds: None,
    };
    let Some(receiver) = post(name, text) else {
        return Ok(on_page());
    };
    match receiver.await {
        Ok(Outcome::Read(delivery)) => Ok(delivery),
        Ok(Outcome::Cancelled) => Err(Cancelled),
        Ok(Outcome::Unavailable) | Err(_) => Ok(on_page()),
    }
}

/// Stops every reading in progress (their [`read`] answers `Err(Cancelled)`). An idle worker
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

/// Sends `text` to the worker, starting it if needed; `None` when there is no worker.
fn post(name: &str, text: &str) -> Option<oneshot::Receiver<Outcome>> {
    if UNAVAILABLE.with(|u| *u.borrow()) {
        return None;
    }
    let started = CLIENT.with(|client| client.borrow().is_some());
    if !started {
        let client = start()?;
        CLIENT.with(|slot| *slot.borrow_mut() = Some(client));
        leptos::prelude::set_timeout(
            || {
                let starting = CLIENT.with(|c| c.borrow().as_ref().is_some_and(|c| !c.ready));
                if starting {
                    unavailable();
                }
            },
            READY_WITHIN,
        );
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
                leptos::logging::warn!("parse worker: {error}; reading on the page instead");
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
