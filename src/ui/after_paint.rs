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

/// `children`, mounted in a task after the next frame is painted; until then an empty
/// placeholder marked `data-deferred="pending"`.
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let mounted = RwSignal::new(false);
    // The animation frame runs just before the paint; the timeout's task comes after it.
    request_animation_frame(move || {
        set_timeout(move || mounted.set(true), Duration::ZERO);
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
