//! The interactive timeline: zoom, pan, select, phases (issue 4).

use leptos::prelude::*;

/// The interactive timeline: zoom, pan, select, phases (issue 4).
#[component]
pub fn TimelineView() -> impl IntoView {}
