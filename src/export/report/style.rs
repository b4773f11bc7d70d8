//! The report's one stylesheet, inline: the fixed rules of `report.css`, and the colours,
//! written from [`crate::draw::palette`] for the light and the dark theme (the dark ones under
//! `prefers-color-scheme: dark`, the light ones again for print), so the page, its pictures and
//! the app agree.

use std::fmt::Write;

use crate::draw::palette::{kind_colour, Theme};
use crate::model::EventKind;

/// The fixed rules.
const RULES: &str = include_str!("report.css");

/// The whole stylesheet.
pub fn stylesheet() -> String {
    let mut css = String::with_capacity(RULES.len() + 2048);
    css.push_str(RULES);
    let _ = writeln!(css, ":root {{ {} }}", variables(Theme::Light));
    let _ = writeln!(
        css,
        "@media (prefers-color-scheme: dark) {{ :root {{ {} }} }}",
        variables(Theme::Dark)
    );
    let _ = writeln!(
        css,
        "@media print {{ :root {{ {} }} }}",
        variables(Theme::Light)
    );
    for kind in EventKind::ALL {
        let _ = writeln!(
            css,
            "[data-kind=\"{0}\"] {{ --kind: var(--k-{0}); }}",
            kind.slug()
        );
    }
    css
}

/// The custom properties of `theme`: the surfaces and inks of its palette, and a colour per
/// event kind (`--k-SLUG`).
fn variables(theme: Theme) -> String {
    let p = theme.palette();
    let mut out = format!(
        "--surface: {}; --ink: {}; --muted: {}; --line: {};",
        p.background, p.ink, p.muted, p.grid
    );
    for kind in EventKind::ALL {
        let _ = write!(out, " --k-{}: {};", kind.slug(), kind_colour(kind, theme));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_themes_and_every_kind_have_their_colours() {
        let css = stylesheet();
        assert!(css.contains(&format!(
            "--surface: {};",
            Theme::Light.palette().background
        )));
        assert!(css.contains(&format!("--surface: {};", Theme::Dark.palette().background)));
        for kind in EventKind::ALL {
            for theme in Theme::ALL {
                let rule = format!("--k-{}: {};", kind.slug(), kind_colour(kind, theme));
                assert!(css.contains(&rule), "{rule}");
            }
        }
        assert!(!css.contains("url("), "the report loads nothing");
        assert!(!css.contains("@import"));
    }
}
