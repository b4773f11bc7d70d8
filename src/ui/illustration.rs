//! The Cookie Catastrophe illustration (issue 6): the incident drawn as a crumbling cookie
//! and its tiny engineers, at the shared playhead, with a play button, a scrubber, and SVG or
//! PNG export.
//!
//! Everything drawn comes from [`crate::draw::illustration`]; this component only reads the
//! shared state, renders the scene as SVG elements, and writes the playhead.

mod export;
mod playback;
mod render;

use leptos::prelude::*;

use super::embed::{EmbedPart, EmbedParts};
use super::state::app_state;
use super::timeline::zone::offset_minutes;
use crate::draw::illustration::{clock, Illustration};

/// The illustration card: the scene at `view.playhead` (the end when `None`), its text
/// alternative, a play button and a scrubber that move the playhead, and export buttons.
#[component]
pub fn CookieIllustration(
    /// Which parts to show (an embed may show fewer; the page shows all).
    #[prop(optional)]
    parts: Option<EmbedParts>,
) -> impl IntoView {
    let parts = parts.unwrap_or(EmbedParts::ALL);
    let state = app_state();
    let theme = crate::ui::theme::drawing_theme();
    let playhead = state.view.playhead;
    // Built one task after the incident changes (see `AppState::settled`), so its scene is not
    // drawn in the same task as the rest of a newly opened incident.
    let illustration = Memo::new(move |_| {
        state.settled.track();
        state.incident.with_untracked(|i| {
            state.kinds.with_untracked(|k| {
                state
                    .milestones
                    .with_untracked(|m| Illustration::with(i, k, m))
            })
        })
    });
    // The offset at the playhead (the story's end when it is `None`), as every view asks it.
    let offset = Memo::new(move |_| {
        let zone = state.view.zone.get();
        let at = playhead
            .get()
            .unwrap_or_else(|| illustration.with(|i| i.story().end()));
        state
            .incident
            .with_untracked(|incident| offset_minutes(zone, incident, at))
    });
    let scene = Memo::new(move |_| {
        let at = playhead.get();
        let offset = offset.get();
        illustration.with(|i| i.scene_at(at, offset))
    });
    let extent = Memo::new(move |_| illustration.with(|i| i.story().extent));
    let playing = RwSignal::new(false);
    on_cleanup(move || {
        playing.try_set(false);
    });

    let toggle = move |_| {
        if playing.get_untracked() {
            playing.set(false);
            return;
        }
        let Some(window) = extent.get_untracked() else {
            return;
        };
        let stops = illustration.with_untracked(|i| i.stops());
        playback::play(playhead, playing, window, stops);
    };
    let scrub = move |ev: leptos::ev::Event| {
        playing.set(false);
        if let Ok(value) = event_target_value(&ev).parse::<f64>() {
            playhead.set(Some(value));
        }
    };
    let position = move || {
        let end = extent.get().map_or(0.0, |e| e.end);
        playhead.get().unwrap_or(end)
    };
    let time_label = move || clock(position(), offset.get());
    let value_text = move || {
        let stage = scene.with(|s| s.stage);
        format!("{}, {}", time_label(), render::stage_words(stage))
    };
    let stops = move || {
        illustration
            .with(|i| i.stops())
            .into_iter()
            .map(|t| view! { <option value=t.to_string()></option> })
            .collect_view()
    };

    view! {
        <section
            class="card cookie-illustration"
            aria-labelledby="ci-heading"
            data-testid="illustration"
        >
            <div class="ci-head">
                <h2 id="ci-heading" class:visually-hidden=!parts.has(EmbedPart::Heading)>"The incident as a cookie"</h2>
                {parts.has(EmbedPart::Exports).then(|| view! {
                <div class="ci-exports">
                    <button
                        type="button"
                        data-testid="illustration-export-svg"
                        on:click=move |_| export::download_svg(&scene.get_untracked(), &file_stem(state), theme.get_untracked())
                    >
                        "Download SVG"
                    </button>
                    <button
                        type="button"
                        data-testid="illustration-export-png"
                        on:click=move |_| export::download_png(&scene.get_untracked(), &file_stem(state), theme.get_untracked())
                    >
                        "Download PNG"
                    </button>
                </div>
                })}
            </div>
            <figure>
                <svg
                    class="ci-stage"
                    viewBox="0 0 960 560"
                    role="img"
                    aria-labelledby="ci-title ci-desc"
                    data-testid="illustration-scene"
                    data-stage=move || scene.with(|s| s.stage.name())
                >
                    <title id="ci-title">{move || scene.with(|s| s.title.clone())}</title>
                    <desc id="ci-desc">{move || scene.with(|s| s.description.clone())}</desc>
                    <g stroke-linecap="round" stroke-linejoin="round">
                        {move || scene.with(|s| s.nodes.iter().map(render::node).collect_view())}
                    </g>
                </svg>
                <figcaption data-testid="illustration-caption" class:visually-hidden=!parts.has(EmbedPart::Caption)>
                    <span class="ci-statement">{move || scene.with(|s| s.title.clone())}</span>
                    <span class="ci-moment">{move || scene.with(|s| s.description.clone())}</span>
                </figcaption>
            </figure>
            <Show when=move || parts.has(EmbedPart::Controls) && extent.get().is_some()>
                <div class="ci-controls">
                    <button
                        type="button"
                        class="ci-play"
                        data-testid="illustration-play"
                        aria-pressed=move || playing.get().to_string()
                        on:click=toggle
                    >
                        {move || if playing.get() { "❚❚ Pause" } else { "▶ Play" }}
                    </button>
                    <input
                        type="range"
                        data-testid="illustration-scrubber"
                        aria-label="Position in the incident"
                        list="ci-stops"
                        min=move || extent.get().map_or(0.0, |e| e.start).to_string()
                        max=move || extent.get().map_or(0.0, |e| e.end).to_string()
                        step="60000"
                        prop:value=move || position().to_string()
                        aria-valuetext=value_text
                        on:input=scrub
                    />
                    <datalist id="ci-stops">{stops}</datalist>
                    <output class="ci-time" data-testid="illustration-time">{time_label}</output>
                </div>
            </Show>
        </section>
    }
}

/// A file name for exports from the incident's title: `the-great-cookie-catastrophe`.
fn file_stem(state: super::state::AppState) -> String {
    state
        .incident
        .with_untracked(|i| crate::export::safe_file_stem(&i.title))
}
