//! Which UTC offset a zone choice means for an incident: its own stated offset, the viewer's
//! local offset (at a given instant, so daylight saving is right), or UTC.

use crate::analysis::zones::ShownZone;
use crate::model::Incident;
use crate::ui::state::ZoneChoice;

/// The viewer's offset from UTC at axis milliseconds `at`.
fn local_offset(at: f64) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at));
    let west = date.get_timezone_offset();
    if west.is_finite() {
        -(west.round() as i32)
    } else {
        0
    }
}

/// The zone `choice` means for `incident` around instant `at`: the one function every view
/// asks (see [`crate::analysis::zones`]).
pub fn shown_zone(choice: ZoneChoice, incident: &Incident, at: f64) -> ShownZone {
    crate::analysis::zones::shown_zone(choice, incident, at, local_offset)
}

/// Minutes east of UTC that `choice` means for `incident` around instant `at`.
pub fn offset_minutes(choice: ZoneChoice, incident: &Incident, at: f64) -> i32 {
    shown_zone(choice, incident, at).minutes
}

/// The URL and test name of a zone choice.
pub fn slug(choice: ZoneChoice) -> &'static str {
    match choice {
        ZoneChoice::Incident => "incident",
        ZoneChoice::Local => "local",
        ZoneChoice::Utc => "utc",
    }
}

/// The zone choice a URL slug names.
pub fn from_slug(slug: &str) -> Option<ZoneChoice> {
    match slug {
        "incident" => Some(ZoneChoice::Incident),
        "local" => Some(ZoneChoice::Local),
        "utc" => Some(ZoneChoice::Utc),
        _ => None,
    }
}

/// A button label: `Incident (UTC-05:00)`, `Incident (zone not stated)`, `Local (UTC+09:00)`,
/// `UTC`.
pub fn button_label(choice: ZoneChoice, zone: ShownZone) -> String {
    match choice {
        ZoneChoice::Incident => format!("Incident ({})", zone.name()),
        ZoneChoice::Local => format!("Local ({})", zone.name()),
        ZoneChoice::Utc => "UTC".to_string(),
    }
}
