//! Zooming and panning the shared time window from the chart (wheel, drag, keys), kept
//! inside the incident's extent. `None` means the whole incident.

use crate::analysis::window::TimeWindow;

/// The narrowest window the chart zooms to: one second.
const MIN_SPAN: f64 = 1000.0;

/// `window` scaled by `factor` (< 1 zooms in) about the instant `anchor`, inside `bounds`.
pub fn zoom(
    window: TimeWindow,
    anchor: f64,
    factor: f64,
    bounds: TimeWindow,
) -> Option<TimeWindow> {
    // max/min rather than clamp: clamp panics on NaN, and nothing here may panic.
    let span = (window.span() * factor).max(MIN_SPAN).min(bounds.span());
    if span >= bounds.span() {
        return None;
    }
    let ratio = (anchor - window.start) / window.span();
    let start = anchor - ratio * span;
    Some(clamp(start, span, bounds))
}

/// `window` moved by `delta` milliseconds, inside `bounds`.
pub fn pan(window: TimeWindow, delta: f64, bounds: TimeWindow) -> Option<TimeWindow> {
    if window.span() >= bounds.span() {
        return None;
    }
    Some(clamp(window.start + delta, window.span(), bounds))
}

fn clamp(start: f64, span: f64, bounds: TimeWindow) -> TimeWindow {
    let start = start.min(bounds.end - span).max(bounds.start);
    TimeWindow::new(start, start + span)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOUNDS: TimeWindow = TimeWindow {
        start: 0.0,
        end: 100_000.0,
    };

    #[test]
    fn zooms_about_the_anchor_and_stays_inside() {
        let w = zoom(BOUNDS, 25_000.0, 0.5, BOUNDS).unwrap();
        assert_eq!((w.start, w.end), (12_500.0, 62_500.0));
        let w = zoom(w, 12_500.0, 0.001, BOUNDS).unwrap();
        assert_eq!(w.span(), MIN_SPAN);
        assert_eq!(
            zoom(w, 0.0, 1e9, BOUNDS),
            None,
            "zooming out past the extent shows it all"
        );
    }

    #[test]
    fn pans_inside_the_bounds() {
        let w = TimeWindow::new(10_000.0, 30_000.0);
        assert_eq!(
            pan(w, -50_000.0, BOUNDS),
            Some(TimeWindow::new(0.0, 20_000.0))
        );
        assert_eq!(
            pan(w, 5_000.0, BOUNDS),
            Some(TimeWindow::new(15_000.0, 35_000.0))
        );
        assert_eq!(pan(BOUNDS, 5_000.0, BOUNDS), None);
    }
}
