//! The reader's diagnostics: what was skipped or guessed, with line, column and the line itself.

use leptos::prelude::*;

use super::show_more::{shown_count, ShowMore};
use crate::parse::Diagnostic;

/// Every diagnostic, or nothing when the input read cleanly.
#[component]
pub fn DiagnosticList(
    /// Diagnostics in line order.
    diagnostics: Signal<Vec<Diagnostic>>,
) -> impl IntoView {
    let shown = shown_count(move || diagnostics.track());
    let total = Signal::derive(move || diagnostics.with(Vec::len));
    view! {
        <Show when=move || diagnostics.with(|d| !d.is_empty())>
            <section class="card diagnostics" aria-labelledby="diagnostics-heading" data-testid="diagnostics">
                <h2 id="diagnostics-heading">
                    "Reading notes "
                    <span class="count">{move || diagnostics.with(Vec::len)}</span>
                </h2>
                <ul>
                    {move || diagnostics.with(|list| {
                        list.iter()
                            .take(shown.get())
                            .map(|d| {
                                let severity = d.severity.to_string();
                                view! {
                                    <li class=format!("diagnostic {severity}")>
                                        <span class="where">{format!("line {}, column {}", d.line, d.column)}</span>
                                        <span class="severity">{severity.clone()}</span>
                                        <span class="message">{d.message.clone()}</span>
                                        <code class="excerpt">{d.excerpt.clone()}</code>
                                    </li>
                                }
                            })
                            .collect_view()
                    })}
                </ul>
                <ShowMore shown=shown total=total what="reading notes" />
            </section>
        </Show>
    }
}
