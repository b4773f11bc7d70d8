//! Timeline geometry: where events, lanes, ticks and phase bands go on screen (issue 4).
