//! The report's three pictures as SVG, from the same draw code as the app: the timeline
//! ([`crate::draw::timeline_svg`] over the app's timeline scene), the metrics chart
//! ([`crate::draw::chart`]) and the illustration at the end of its story
//! ([`crate::draw::illustration`]). Each is written in one theme; the report holds both.

use super::facts::Facts;
use super::html::Html;
use crate::analysis::format::axis_context_at;
use crate::draw::chart::export::chart_svg;
use crate::draw::chart::render::chart_height;
use crate::draw::chart::{chart_scene, SceneOptions, SeriesOrigin};
use crate::draw::illustration::{to_svg_with_ids, Illustration, Scene as IllustrationScene};
use crate::draw::palette::Theme;
use crate::draw::timeline::{Scene as TimelineScene, SceneInput};
use crate::draw::timeline_svg::{fitted_scene, timeline_svg, TimelinePicture, SVG_WIDTH};

/// Width of the chart, in pixels (the timeline's, so the two line up in the report).
const CHART_WIDTH: u32 = SVG_WIDTH as u32;
/// Height of one chart panel, in pixels.
const PANEL_HEIGHT: u32 = 170;

/// A picture that can be written on its own (`postmortem render --svg NAME`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// The timeline: phases, events and their labels on the time axis.
    Timeline,
    /// The metrics chart (or the impact as written, when there are no metrics).
    Chart,
    /// The illustration, at the end of its story.
    Illustration,
}

impl Figure {
    /// Every figure, in report order.
    pub const ALL: [Figure; 3] = [Figure::Timeline, Figure::Chart, Figure::Illustration];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Figure::Timeline => "timeline",
            Figure::Chart => "chart",
            Figure::Illustration => "illustration",
        }
    }

    /// The figure a command-line name means.
    pub fn from_name(name: &str) -> Option<Figure> {
        Figure::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
    }
}

/// The theme-independent part of every figure, laid out once: the timeline's scene and the
/// illustration's last frame. [`Drawings::svg`] writes either in a theme.
#[derive(Debug, Clone)]
pub struct Drawings<'f, 'a> {
    facts: &'f Facts<'a>,
    timeline: Option<(TimelineScene, String)>,
    illustration: Illustration,
    last_frame: IllustrationScene,
}

impl<'f, 'a> Drawings<'f, 'a> {
    /// Lays out the figures of the incident `facts` describe.
    /// The facts the pictures are drawn from.
    pub fn facts(&self) -> &'f Facts<'a> {
        self.facts
    }

    pub fn new(facts: &'f Facts<'a>) -> Drawings<'f, 'a> {
        let timeline = facts.extent.map(|window| {
            let scene = fitted_scene(SceneInput {
                index: &facts.index,
                phases: &facts.phases,
                window,
                width: SVG_WIDTH,
                height: 0.0,
                offset_minutes: facts.zone.minutes,
                hidden_kinds: 0,
            });
            (
                scene,
                axis_context_at(
                    facts.index.context_instant(window),
                    facts.zone,
                    facts.index.days,
                ),
            )
        });
        let illustration = Illustration::new(facts.incident);
        let last_frame = illustration.scene_at(None, facts.zone.minutes);
        Drawings {
            facts,
            timeline,
            illustration,
            last_frame,
        }
    }

    /// The timeline as laid out for its picture (`None` when no event has a time).
    pub fn timeline_scene(&self) -> Option<&TimelineScene> {
        self.timeline.as_ref().map(|(scene, _)| scene)
    }

    /// The illustration's statement of its data ("30% of the cookie crumbled: …").
    pub fn statement(&self) -> &str {
        self.illustration.statement()
    }

    /// `figure` as a standalone SVG document in `theme`'s colours, its ids (if any) starting
    /// with `id_prefix`; `None` when there is nothing to draw: no timed event for the timeline,
    /// nothing to chart.
    pub fn svg(&self, figure: Figure, theme: Theme, id_prefix: &str) -> Option<String> {
        match figure {
            Figure::Timeline => self.timeline(theme),
            Figure::Chart => self.chart(theme),
            Figure::Illustration => Some(to_svg_with_ids(&self.last_frame, theme, id_prefix)),
        }
    }

    fn timeline(&self, theme: Theme) -> Option<String> {
        let (scene, context) = self.timeline.as_ref()?;
        let title = format!("Timeline of {}", display_title(self.facts));
        Some(timeline_svg(&TimelinePicture {
            scene,
            index: &self.facts.index,
            width: SVG_WIDTH,
            theme,
            title: &title,
            context,
        }))
    }

    fn chart(&self, theme: Theme) -> Option<String> {
        let window = self.facts.extent?;
        let options = SceneOptions {
            width: CHART_WIDTH,
            height: chart_height(1, false, PANEL_HEIGHT),
            offset_minutes: self.facts.zone.minutes,
            theme,
        };
        // The series' colours are the theme's, so the scene is made per theme.
        let mut scene = chart_scene(self.facts.incident, window, options);
        if scene.origin == SeriesOrigin::None {
            return None;
        }
        // The layout of the series does not depend on the height: size it to the panels found.
        scene.options.height = chart_height(
            scene.panels.len(),
            scene.origin.note().is_some(),
            PANEL_HEIGHT,
        );
        Some(chart_svg(&scene))
    }
}

/// The incident's title, or a stand-in when it has none.
pub fn display_title<'a>(facts: &Facts<'a>) -> &'a str {
    let title = facts.incident.title.trim();
    if title.is_empty() {
        "Untitled postmortem"
    } else {
        title
    }
}

/// `figure` twice, light and dark, for the stylesheet to show the one that matches the
/// reader's colour scheme; false (and nothing written) when there is nothing to draw.
pub fn themed_figure(html: &mut Html, drawings: &Drawings<'_, '_>, figure: Figure) -> bool {
    let pictures: Vec<(Theme, String)> = Theme::ALL
        .into_iter()
        .filter_map(|theme| {
            let prefix = format!("{}-{}-", theme.name(), figure.name());
            drawings.svg(figure, theme, &prefix).map(|svg| (theme, svg))
        })
        .collect();
    if pictures.is_empty() {
        return false;
    }
    for (theme, svg) in &pictures {
        let class = match theme {
            Theme::Light => "figure light-only",
            Theme::Dark => "figure dark-only",
        };
        html.open_class("div", class);
        html.own_markup(svg);
        html.close("div");
    }
    true
}
