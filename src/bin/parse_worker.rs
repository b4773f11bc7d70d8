//! The parse worker: reads a postmortem or a metrics file off the page's main thread.
//!
//! The page posts `[id, name, bytes]` (the text as UTF-8); the worker answers with the
//! reading as `[id, part]` messages (see `loading::wire`), each part's buffer transferred, not
//! copied. It posts `"ready"` once it listens, so nothing the page sends is lost while its
//! WebAssembly starts. Trunk builds it as a worker (`data-type="worker"` in `index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replier = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let request: js_sys::Array = event.data().unchecked_into();
            let id = request.get(0);
            let name = request.get(1).as_string().unwrap_or_default();
            let bytes = js_sys::Uint8Array::new(&request.get(2)).to_vec();
            let text = String::from_utf8(bytes)
                .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned());
            let loaded = postmortem_explorer::loading::read_loaded(&name, &text);
            for part in postmortem_explorer::loading::wire::split(loaded) {
                let buffer = js_sys::Uint8Array::from(part.as_slice());
                let message = js_sys::Array::of2(&id, &buffer);
                let _ = replier
                    .post_message_with_transfer(&message, &js_sys::Array::of1(&buffer.buffer()));
            }
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "parse-worker runs in the browser, started by the app (see `trunk build --release`)."
    );
}
