//! Zoom and pan maths for the shared time axis: zoom about a point, pan, clamp to the
//! incident, fit, and keep an instant in view. Every function returns a new [`TimeWindow`]
//! that lies inside `bounds` and is at least [`MIN_SPAN_MS`] long.

use super::window::TimeWindow;

/// The narrowest window one can zoom to: one second.
pub const MIN_SPAN_MS: f64 = 1000.0;

/// How much one zoom step (a button, a `+`/`-` key, a double click) zooms, in every view.
pub const ZOOM_STEP: f64 = 1.5;

/// The shared window state for `window`: `None` when it shows all of `bounds`.
pub fn as_view(window: TimeWindow, bounds: TimeWindow) -> Option<TimeWindow> {
    (window.span() < bounds.span()).then_some(window)
}

/// `window` moved and shrunk as little as possible to lie inside `bounds`.
pub fn clamp(window: TimeWindow, bounds: TimeWindow) -> TimeWindow {
    let span = window
        .span()
        .clamp(MIN_SPAN_MS, bounds.span().max(MIN_SPAN_MS));
    let latest_start = bounds.end - span;
    let start = if window.start.is_finite() {
        window
            .start
            .clamp(bounds.start, latest_start.max(bounds.start))
    } else {
        bounds.start
    };
    TimeWindow {
        start,
        end: start + span,
    }
}

/// `window` zoomed by `factor` (> 1 zooms in) keeping the instant `anchor` at the same place
/// on screen, then clamped to `bounds`.
pub fn zoom_about(window: TimeWindow, anchor: f64, factor: f64, bounds: TimeWindow) -> TimeWindow {
    if !(factor.is_finite() && factor > 0.0) {
        return clamp(window, bounds);
    }
    let span = (window.span() / factor).clamp(MIN_SPAN_MS, bounds.span().max(MIN_SPAN_MS));
    let share = if window.span() > 0.0 {
        ((anchor - window.start) / window.span()).clamp(0.0, 1.0)
    } else {
        0.5
    };
    let start = anchor - share * span;
    clamp(
        TimeWindow {
            start,
            end: start + span,
        },
        bounds,
    )
}

/// `window` zoomed by `factor` about its centre.
pub fn zoom_centre(window: TimeWindow, factor: f64, bounds: TimeWindow) -> TimeWindow {
    zoom_about(window, (window.start + window.end) / 2.0, factor, bounds)
}

/// `window` moved later by `delta` ms (earlier when negative), clamped to `bounds`.
pub fn pan(window: TimeWindow, delta: f64, bounds: TimeWindow) -> TimeWindow {
    let delta = if delta.is_finite() { delta } else { 0.0 };
    clamp(
        TimeWindow {
            start: window.start + delta,
            end: window.end + delta,
        },
        bounds,
    )
}

/// The zoom factor for a wheel or trackpad scroll of `delta_y` pixels: smooth and symmetric,
/// so scrolling back and forth returns to the same window.
pub fn wheel_factor(delta_y: f64) -> f64 {
    (-delta_y.clamp(-600.0, 600.0) * 0.002).exp()
}

/// `window` panned as little as needed to show `at` with `margin` (a share of the span) on
/// both sides; unchanged when `at` is already comfortably visible.
pub fn reveal(window: TimeWindow, at: f64, margin: f64, bounds: TimeWindow) -> TimeWindow {
    let pad = window.span() * margin.clamp(0.0, 0.45);
    if at < window.start + pad {
        pan(window, at - (window.start + pad), bounds)
    } else if at > window.end - pad {
        pan(window, at - (window.end - pad), bounds)
    } else {
        window
    }
}

/// A window centred on the instants `from..=to` with `margin` (share of the span) around them.
pub fn frame(from: f64, to: f64, margin: f64, bounds: TimeWindow) -> TimeWindow {
    let (from, to) = (from.min(to), from.max(to));
    let span = (to - from).max(MIN_SPAN_MS * 10.0);
    let pad = span * margin.max(0.0);
    let mid = (from + to) / 2.0;
    clamp(
        TimeWindow {
            start: mid - span / 2.0 - pad,
            end: mid + span / 2.0 + pad,
        },
        bounds,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: TimeWindow = TimeWindow {
        start: 0.0,
        end: 100_000.0,
    };

    fn w(start: f64, end: f64) -> TimeWindow {
        TimeWindow { start, end }
    }

    #[test]
    fn zooming_keeps_the_anchor_in_place() {
        let zoomed = zoom_about(w(0.0, 100_000.0), 25_000.0, 2.0, BOUNDS);
        assert_eq!(zoomed, w(12_500.0, 62_500.0));
        // The anchor stays at a quarter of the way across.
        assert_eq!((25_000.0 - zoomed.start) / zoomed.span(), 0.25);
        let back = zoom_about(zoomed, 25_000.0, 0.5, BOUNDS);
        assert_eq!(back, w(0.0, 100_000.0));
    }

    #[test]
    fn zoom_stops_at_one_second_and_at_the_whole_incident() {
        let tight = zoom_about(w(0.0, 100_000.0), 50_000.0, 1e9, BOUNDS);
        assert_eq!(tight.span(), MIN_SPAN_MS);
        assert_eq!(tight.start, 49_500.0);
        assert_eq!(zoom_centre(w(40_000.0, 60_000.0), 0.001, BOUNDS), BOUNDS);
        assert_eq!(zoom_about(BOUNDS, 0.0, f64::NAN, BOUNDS), BOUNDS);
    }

    #[test]
    fn panning_stops_at_the_edges() {
        assert_eq!(
            pan(w(10_000.0, 20_000.0), 5_000.0, BOUNDS),
            w(15_000.0, 25_000.0)
        );
        assert_eq!(
            pan(w(10_000.0, 20_000.0), -50_000.0, BOUNDS),
            w(0.0, 10_000.0)
        );
        assert_eq!(
            pan(w(10_000.0, 20_000.0), 1e12, BOUNDS),
            w(90_000.0, 100_000.0)
        );
        assert_eq!(clamp(w(f64::NAN, 5.0), BOUNDS).start, 0.0);
    }

    #[test]
    fn wheel_zoom_is_symmetric() {
        assert!(wheel_factor(-100.0) > 1.0);
        assert!((wheel_factor(100.0) * wheel_factor(-100.0) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn reveal_pans_only_when_needed() {
        let view = w(10_000.0, 20_000.0);
        assert_eq!(reveal(view, 15_000.0, 0.1, BOUNDS), view);
        assert_eq!(reveal(view, 30_000.0, 0.1, BOUNDS), w(21_000.0, 31_000.0));
        assert_eq!(reveal(view, 0.0, 0.1, BOUNDS), w(0.0, 10_000.0));
    }

    #[test]
    fn frame_centres_a_span() {
        assert_eq!(
            frame(40_000.0, 60_000.0, 0.25, BOUNDS),
            w(35_000.0, 65_000.0)
        );
        assert_eq!(frame(50_000.0, 50_000.0, 0.0, BOUNDS).span(), 10_000.0);
    }
}
