//! The metrics chart on the shared time axis (issue 5).

use leptos::prelude::*;

/// The metrics chart on the shared time axis (issue 5).
#[component]
pub fn MetricsChart() -> impl IntoView {}
