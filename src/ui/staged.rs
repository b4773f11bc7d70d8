//! Opening a big incident in stages (see [`AppState::staging`]), so that no task blocks the
//! page for long: first the timeline and the charts are taken down (a placeholder of their
//! size stands in their place), then the incident opens and the rest of the page is drawn,
//! then the timeline and the charts come back, then the illustration (which follows
//! [`AppState::settled`]) is drawn. Each step is a task of its own.

use std::time::Duration;

use futures_channel::oneshot;
use leptos::prelude::*;

use super::state::{app_state, AppState, DRAWN_IN_STAGES_ABOVE};

/// Before an incident of `events` events opens: when it is big, takes the staged views down
/// and returns in a later task (so they are not rebuilt for the incident only to be taken
/// down). True when it did; [`finish`] must follow, whether the incident opened or not.
pub async fn make_room(state: AppState, events: usize) -> bool {
    if events <= DRAWN_IN_STAGES_ABOVE {
        return false;
    }
    state.staging.set(true);
    next_task().await;
    true
}

/// Brings the staged views back in a task of their own, then settles the page in another.
pub fn finish(state: AppState) {
    set_timeout(
        move || {
            state.staging.set(false);
            state.settle_later();
        },
        Duration::ZERO,
    );
}

/// Resolves in a later task, once the page has drawn what this one changed.
async fn next_task() {
    let (done, wait) = oneshot::channel();
    set_timeout(
        move || {
            let _ = done.send(());
        },
        Duration::ZERO,
    );
    let _ = wait.await;
}

/// `children`, or while the incident is being drawn in stages a placeholder naming `what`.
#[component]
pub fn Staged(
    /// What is being drawn, for the placeholder: "timeline", "charts".
    what: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let staging = app_state().staging;
    view! {
        <Show
            when=move || !staging.get()
            fallback=move || view! {
                <section class="card staged-pending" aria-busy="true" data-testid="staged-pending">
                    <p class="empty">{format!("Drawing the {what}…")}</p>
                </section>
            }
        >
            {children()}
        </Show>
    }
}
