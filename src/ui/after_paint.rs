//! Parts of the page below the fold, each mounted in a task of its own after the page's first
//! paint: the task that starts the app then builds only what the first screen shows (header,
//! summary, timeline, chart), and the browser paints it before the rest is built. Each part
//! mounted later is one short task, so the page keeps drawing frames in between.
//!
//! A part, once mounted, stays mounted (opening another incident updates it in place); a
//! print started before then mounts every part first.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use super::loader::Loader;

/// `children`, mounted in a task after the next frame is painted; until then an empty
/// placeholder marked `data-deferred="pending"`. While the page's first `?src=` is on its way
/// (see [`Loader::waiting_for_first_src`]) they wait for it: drawing the sample below the fold
/// would only hold up the file's arrival and its reading.
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let mounted = RwSignal::new(false);
    let loader = use_context::<Loader>();
    let waiting = move || loader.is_some_and(|loader| loader.waiting_for_first_src());
    Effect::new(move |scheduled: Option<bool>| {
        if scheduled == Some(true) || waiting() {
            return scheduled == Some(true);
        }
        // The animation frame runs just before the paint; the timeout's task comes after it.
        request_animation_frame(move || {
            set_timeout(move || mounted.set(true), Duration::ZERO);
        });
        true
    });
    // Printing before then prints every part.
    let print = window_event_listener(ev::beforeprint, move |_| mounted.set(true));
    on_cleanup(move || print.remove());
    view! {
        <Show
            when=move || mounted.get()
            fallback=|| view! { <div class="after-paint" data-deferred="pending" aria-hidden="true"></div> }
        >
            {children()}
        </Show>
    }
}
