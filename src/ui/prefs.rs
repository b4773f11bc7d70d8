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

/// The last opened incident: its URL when it had one, else its text (up to 1 MB).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastOpened {
    /// File name or URL.
    pub name: String,
    /// The URL it came from.
    pub src: Option<String>,
    /// Its text, when it did not come from a URL.
    pub text: Option<String>,
}

/// Remembers the incident just opened.
pub fn remember_last(name: &str, src: Option<&str>, text: &str) {
    let last = LastOpened {
        name: name.to_string(),
        src: src.map(str::to_string),
        text: (src.is_none() && text.len() <= MAX_REMEMBERED_TEXT).then(|| text.to_string()),
    };
    let _ = LocalStorage::set(LAST_KEY, last);
}

/// The incident opened last time, if any.
pub fn last_opened() -> Option<LastOpened> {
    LocalStorage::get(LAST_KEY).ok()
}
