//! The banner at the top of the page when reading went badly, with a way to the reading notes.

use leptos::prelude::*;

use crate::analysis::reading::ReadingProblem;

/// States each reading problem, or nothing when the file read well.
#[component]
pub fn ReadingBanner(
    /// The problems, most serious first (from `analysis::reading`).
    problems: Signal<Vec<ReadingProblem>>,
) -> impl IntoView {
    let show_notes = |_| {
        if let Some(notes) = document().get_element_by_id("diagnostics-heading") {
            notes.scroll_into_view();
        }
    };
    view! {
        <Show when=move || problems.with(|p| !p.is_empty())>
            <div class="reading-banner" role="alert" data-testid="reading-banner">
                <ul>
                    {move || problems.with(|list| {
                        list.iter().map(|p| view! { <li>{p.message()}</li> }).collect_view()
                    })}
                </ul>
                <button type="button" class="link-button" on:click=show_notes>"See the reading notes"</button>
            </div>
        </Show>
    }
}
