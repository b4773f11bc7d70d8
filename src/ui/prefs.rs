//! Preferences kept in local storage (gloo-storage): the colour theme and the last opened
//! incident. Storage may be unavailable (private mode, quotas); then nothing is kept.

use gloo::storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

const THEME_KEY: &str = "postmortem-explorer:theme";
const LAST_KEY: &str = "postmortem-explorer:last";

/// Texts larger than this are remembered by name only when they did not come from a URL.
const MAX_REMEMBERED_TEXT: usize = 1024 * 1024;

/// The colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// The next theme in the toggle's cycle.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Dark,
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::System,
        }
    }

    /// The toggle's label.
    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }
}

/// The stored theme, or the system's.
pub fn theme() -> Theme {
    LocalStorage::get(THEME_KEY).unwrap_or_default()
}

/// Stores the reader's theme choice.
pub fn store_theme(theme: Theme) {
    // Storage can be full or disabled; the theme still applies to this page.
    let _ = LocalStorage::set(THEME_KEY, theme);
}

/// The last opened incident: its URL when it had one; its text only when the reader asked to
/// keep it on this device (any page of this origin can read local storage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastOpened {
    /// File name or URL.
    pub name: String,
    /// The URL it came from.
    pub src: Option<String>,
    /// Its text, when it did not come from a URL.
    pub text: Option<String>,
}

/// Remembers the address of the incident just opened from a URL.
pub fn remember_source(name: &str, src: &str) {
    let last = LastOpened {
        name: name.to_string(),
        src: Some(src.to_string()),
        text: None,
    };
    let _ = LocalStorage::set(LAST_KEY, last);
}

/// Keeps the text of an incident opened from a file or a paste on this device, because the
/// reader asked to (up to 1 MB). False when it is too large or storage refused it.
pub fn keep_text(name: &str, text: &str) -> bool {
    if text.len() > MAX_REMEMBERED_TEXT {
        return false;
    }
    let last = LastOpened {
        name: name.to_string(),
        src: None,
        text: Some(text.to_string()),
    };
    LocalStorage::set(LAST_KEY, last).is_ok()
}

/// Forgets the remembered incident (its address or its kept text).
pub fn forget_last() {
    LocalStorage::delete(LAST_KEY);
}

/// The incident opened last time, if any.
pub fn last_opened() -> Option<LastOpened> {
    LocalStorage::get(LAST_KEY).ok()
}
