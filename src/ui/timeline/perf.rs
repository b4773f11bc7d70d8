//! Performance marks for the browser benchmark (`bench/timeline.mjs`): the time from an input
//! event to the painted frame (`timeline-frame`) and from the view's creation to its first
//! paint (`timeline-first-render`), as `performance.measure` entries.

/// Marks that an input (wheel, drag, key) asked for a new frame.
pub fn mark_input() {
    if let Some(perf) = performance() {
        let _ = perf.mark("timeline-input");
    }
}

/// Sets a named mark (for finer breakdowns in the benchmark).
pub fn mark(name: &str) {
    if let Some(perf) = performance() {
        let _ = perf.mark(name);
    }
}

/// Marks the creation of the timeline view.
pub fn mark_start() {
    if let Some(perf) = performance() {
        let _ = perf.mark("timeline-start");
    }
}

/// Records a painted frame: measures from the pending input (if any) or, the first time,
/// from the view's creation.
pub fn frame_painted(first: bool) {
    let Some(perf) = performance() else { return };
    if first {
        let _ = perf.mark("timeline-first-paint");
        let _ = perf.measure_with_start_mark("timeline-first-render", "timeline-start");
    }
    if perf.get_entries_by_name("timeline-input").length() > 0 {
        let _ = perf.measure_with_start_mark("timeline-frame", "timeline-input");
        perf.clear_marks_with_mark_name("timeline-input");
    }
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}
