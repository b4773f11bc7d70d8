//! Playing the incident from start to end: a smooth sweep of the playhead on animation
//! frames, or, when the reader prefers reduced motion, a jump from milestone to milestone.

use std::time::Duration;

use leptos::prelude::*;

use crate::analysis::window::TimeWindow;

/// How long a smooth play of the whole incident takes, in milliseconds.
const PLAY_MS: f64 = 12_000.0;
/// How long each milestone is shown in a step-by-step play.
const STEP: Duration = Duration::from_millis(1600);

/// Whether the reader asked for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}

/// Plays from the playhead (or the start, when it is at the end) to the end of `window`,
/// setting `playing` while it runs; clearing `playing` stops it.
pub fn play(
    playhead: RwSignal<Option<f64>>,
    playing: RwSignal<bool>,
    window: TimeWindow,
    stops: Vec<f64>,
) {
    let from = match playhead.get_untracked() {
        Some(t) if t < window.end - 60_000.0 && t >= window.start => t,
        _ => window.start,
    };
    playing.set(true);
    if prefers_reduced_motion() {
        let rest: Vec<f64> = stops.into_iter().filter(|&t| t > from).collect();
        playhead.set(Some(from));
        step(playhead, playing, rest, 0);
    } else {
        playhead.set(Some(from));
        let rate = window.span() / PLAY_MS;
        frame(
            playhead,
            playing,
            from,
            window.end,
            js_sys::Date::now(),
            rate,
        );
    }
}

fn frame(
    playhead: RwSignal<Option<f64>>,
    playing: RwSignal<bool>,
    from: f64,
    end: f64,
    started: f64,
    rate: f64,
) {
    request_animation_frame(move || {
        if !playing.try_get_untracked().unwrap_or(false) {
            return;
        }
        let t = from + (js_sys::Date::now() - started) * rate;
        if t >= end {
            playhead.try_set(None);
            playing.try_set(false);
            return;
        }
        playhead.try_set(Some(t));
        frame(playhead, playing, from, end, started, rate);
    });
}

fn step(playhead: RwSignal<Option<f64>>, playing: RwSignal<bool>, stops: Vec<f64>, next: usize) {
    set_timeout(
        move || {
            if !playing.try_get_untracked().unwrap_or(false) {
                return;
            }
            match stops.get(next) {
                Some(&t) if next + 1 < stops.len() => {
                    playhead.try_set(Some(t));
                    step(playhead, playing, stops, next + 1);
                }
                _ => {
                    playhead.try_set(None);
                    playing.try_set(false);
                }
            }
        },
        STEP,
    );
}
