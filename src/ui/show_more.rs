//! Long lists (action items, improvements, reading notes) are drawn a step at a time: the first
//! [`STEP`] items, then a button for more, so a file with 20,000 action items does not block the
//! page while thousands of rows are built. The timeline's own list pages around the selection
//! instead (`timeline_list.rs`).

use leptos::prelude::*;

use crate::analysis::format::thousands;

/// Items drawn at first, and added by each press of the button.
pub const STEP: usize = 200;

/// How many items of a list are drawn: [`STEP`] again whenever `list_changed` changes (another
/// incident opened), more when the reader asks.
pub fn shown_count(list_changed: impl Fn() + Send + Sync + 'static) -> RwSignal<usize> {
    let shown = RwSignal::new(STEP);
    Effect::new(move |previous: Option<()>| {
        list_changed();
        if previous.is_some() {
            shown.set(STEP);
        }
    });
    shown
}

/// "Show 200 more action items (200 of 20,000 shown)", while some are not drawn.
#[component]
pub fn ShowMore(
    /// How many are drawn (see [`shown_count`]).
    shown: RwSignal<usize>,
    /// How many there are.
    total: Signal<usize>,
    /// What the items are, plural ("action items").
    what: &'static str,
) -> impl IntoView {
    move || {
        let (total, drawn) = (total.get(), shown.get());
        (total > drawn).then(|| {
            let next = (total - drawn).min(STEP * 5);
            let label = format!(
                "Show {} more {what} ({} of {} shown)",
                thousands(next),
                thousands(drawn),
                thousands(total)
            );
            view! {
                <button type="button" class="button show-more" data-testid="show-more"
                    on:click=move |_| shown.update(|s| *s += next)>{label}</button>
            }
        })
    }
}
