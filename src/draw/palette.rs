//! The colours of every drawing (timeline, chart, the rendered report), for the light and the
//! dark theme, in one table. Views pick a [`Theme`] and read their colours here, so a canvas,
//! an SVG export and a no-JavaScript report of the same view agree, and the contrast of every
//! pair that carries meaning is checked once (the tests below, against WCAG AA).

use crate::analysis::phases::PhaseKind;
use crate::model::EventKind;

/// Which set of colours to draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Theme {
    /// Dark ink on a light background.
    #[default]
    Light,
    /// Light ink on a dark background.
    Dark,
}

impl Theme {
    /// Both themes.
    pub const ALL: [Theme; 2] = [Theme::Light, Theme::Dark];

    /// `light` or `dark`, as in `data-theme` and `?theme=`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The colours of plots drawn in this theme.
    pub fn palette(self) -> &'static Palette {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }
}

/// The colours of a plot (timeline or chart), each `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Behind the plot: the card's surface.
    pub background: &'static str,
    /// Text and the strongest lines.
    pub ink: &'static str,
    /// Secondary text (tick labels, phase names).
    pub muted: &'static str,
    /// Minor grid lines.
    pub grid: &'static str,
    /// The axis and major grid lines.
    pub axis: &'static str,
    /// Stems from a marker to its label.
    pub stem: &'static str,
    /// Behind an event label.
    pub label_fill: &'static str,
    /// Behind the selected event's label.
    pub label_selected: &'static str,
    /// Around an event label.
    pub label_border: &'static str,
    /// A cluster of events drawn as one.
    pub cluster: &'static str,
    /// Behind a label that matches the search.
    pub match_fill: &'static str,
    /// A cluster holding a search match.
    pub match_cluster: &'static str,
    /// The overview's density bars.
    pub density: &'static str,
    /// The series of the chart, in order.
    pub series: [&'static str; 6],
}

/// The light theme.
pub const LIGHT: Palette = Palette {
    background: "#ffffff",
    ink: "#1f1a16",
    muted: "#5b5149",
    grid: "#ece6df",
    axis: "#9a8d80",
    stem: "#c4cad4",
    label_fill: "#ffffff",
    label_selected: "#f2f4f7",
    label_border: "#d0d5dd",
    cluster: "#344054",
    match_fill: "#fde272",
    match_cluster: "#b54708",
    density: "#667085",
    series: [
        "#c2410c", "#1d4ed8", "#047857", "#7c3aed", "#a16207", "#0e7490",
    ],
};

/// The dark theme: the page's dark surface, with ink and marks bright enough on it.
pub const DARK: Palette = Palette {
    background: "#211b17",
    ink: "#f1e9e1",
    muted: "#b9aca0",
    grid: "#3b322b",
    axis: "#85776b",
    stem: "#5a4e44",
    label_fill: "#2c2520",
    label_selected: "#3d332c",
    label_border: "#5a4e44",
    cluster: "#d6cabd",
    match_fill: "#6b5300",
    match_cluster: "#f5c04a",
    density: "#9c8f83",
    series: [
        "#ff8a4c", "#7cb4ff", "#4ade80", "#c4a1ff", "#f5c04a", "#4fd1e6",
    ],
};

/// The colour of an event kind's marks (timeline icons, chart lines, legend), readable as text
/// on the theme's background (4.5:1).
pub fn kind_colour(kind: EventKind, theme: Theme) -> &'static str {
    let (light, dark) = match kind {
        EventKind::ImpactStart => ("#b42318", "#ff8a80"),
        EventKind::Detected => ("#b54708", "#ffb457"),
        EventKind::Alerted => ("#8a6100", "#f5d04a"),
        EventKind::Investigating => ("#175cd3", "#7cb4ff"),
        EventKind::Escalated => ("#7a2e9e", "#d19bff"),
        EventKind::MisleadingPath => ("#667085", "#a9b4c6"),
        EventKind::RootCauseIdentified => ("#c11574", "#ff7ab8"),
        EventKind::Mitigated => ("#0e7490", "#4fd1e6"),
        EventKind::Resolved => ("#067647", "#5ee0a0"),
        EventKind::Other => ("#475467", "#b8c2d0"),
    };
    match theme {
        Theme::Light => light,
        Theme::Dark => dark,
    }
}

/// The fill of a phase band: a tint the muted phase names stay readable on.
pub fn phase_colour(kind: PhaseKind, theme: Theme) -> &'static str {
    let (light, dark) = match kind {
        PhaseKind::Impact => ("#fde8e7", "#3d1f1c"),
        PhaseKind::Detection => ("#fdf0dc", "#3a2c14"),
        PhaseKind::Diagnosis => ("#eaf1fd", "#1c2940"),
        PhaseKind::Mitigation => ("#f8e9f3", "#37203a"),
        PhaseKind::Recovery => ("#e3f4ec", "#17332a"),
    };
    match theme {
        Theme::Light => light,
        Theme::Dark => dark,
    }
}

/// The colour of series number `index` (they repeat after six).
pub fn series_colour(index: usize, theme: Theme) -> &'static str {
    let series = &theme.palette().series;
    series[index % series.len()]
}

/// The red, green and blue of a `#rrggbb` colour (black for anything else).
pub fn rgb(hex: &str) -> (u8, u8, u8) {
    let channel = |at: usize| {
        hex.get(at..at + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0)
    };
    if hex.len() == 7 && hex.starts_with('#') {
        (channel(1), channel(3), channel(5))
    } else {
        (0, 0, 0)
    }
}

/// WCAG contrast ratio between two `#rrggbb` colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> f64 {
    fn luminance(hex: &str) -> f64 {
        let (r, g, b) = rgb(hex);
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: f64 = 4.5;
    const GRAPHIC: f64 = 3.0;

    #[test]
    fn every_colour_is_a_hex_triplet() {
        for theme in Theme::ALL {
            let p = theme.palette();
            let named = [
                p.background,
                p.ink,
                p.muted,
                p.grid,
                p.axis,
                p.stem,
                p.label_fill,
                p.label_selected,
                p.label_border,
                p.cluster,
                p.match_fill,
                p.match_cluster,
                p.density,
            ];
            for colour in named.iter().chain(&p.series) {
                assert!(
                    colour.len() == 7 && colour[1..].chars().all(|c| c.is_ascii_hexdigit()),
                    "{colour}"
                );
            }
        }
        assert_eq!(rgb("#ff8000"), (255, 128, 0));
        assert_eq!(rgb("red"), (0, 0, 0));
    }

    #[test]
    fn text_and_marks_reach_aa_contrast_in_both_themes() {
        for theme in Theme::ALL {
            let p = theme.palette();
            for (what, fg, bg, least) in [
                ("ink", p.ink, p.background, TEXT),
                ("muted", p.muted, p.background, TEXT),
                ("label", p.ink, p.label_fill, TEXT),
                ("selected label", p.ink, p.label_selected, TEXT),
                ("matched label", p.ink, p.match_fill, TEXT),
                ("axis", p.axis, p.background, GRAPHIC),
                ("cluster", p.cluster, p.background, GRAPHIC),
                ("matched cluster", p.match_cluster, p.background, GRAPHIC),
            ] {
                let ratio = contrast(fg, bg);
                assert!(ratio >= least, "{theme:?} {what}: {ratio:.2}");
            }
            for kind in EventKind::ALL {
                for bg in [p.background, p.label_fill] {
                    let ratio = contrast(kind_colour(kind, theme), bg);
                    assert!(ratio >= TEXT, "{theme:?} {kind:?} on {bg}: {ratio:.2}");
                }
            }
            for phase in PhaseKind::ALL {
                let ratio = contrast(p.muted, phase_colour(phase, theme));
                assert!(ratio >= TEXT, "{theme:?} phase {phase:?}: {ratio:.2}");
            }
            for (i, colour) in p.series.iter().enumerate() {
                let ratio = contrast(colour, p.background);
                assert!(ratio >= GRAPHIC, "{theme:?} series {i}: {ratio:.2}");
            }
        }
    }

    #[test]
    fn the_dark_theme_is_dark() {
        assert!(contrast(DARK.background, "#000000") < 1.5);
        assert!(contrast(LIGHT.background, "#ffffff") < 1.1);
    }
}
