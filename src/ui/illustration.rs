//! The cookie illustration driven by the incident (issue 6).

use leptos::prelude::*;

/// The cookie illustration driven by the incident (issue 6).
#[component]
pub fn CookieIllustration() -> impl IntoView {}
