//! The Cookie Catastrophe illustration as a pure scene model.
//!
//! An incident becomes a giant chocolate-chip cookie on a wooden floor and a crew of tiny
//! engineers. The picture is generated from the incident's data and seeded by a hash of its
//! words, so the same incident always draws the same picture and another draws another:
//!
//! * the share of the cookie that breaks off is the share of users affected
//!   ([`Story::share`], a quarter when the postmortem states none);
//! * one engineer comes with each timeline entry, within 3–10;
//! * the picture is a function of the playhead on the shared time axis: whole before the
//!   impact, crumbling while the outage goes on, the crew gathered at the culprit piece once
//!   the root cause is found, mended with golden seams after mitigation, and marked
//!   "recovered" at the resolution.
//!
//! [`Illustration::scene_at`] gives a [`Scene`] (shapes with ids and roles) that the page
//! renders as SVG elements and [`to_svg`] serialises, escaped, for download.

mod caption;
mod cookie;
mod crew;
mod engineer;
mod geometry;
mod palette;
mod props;
mod random;
mod scene;
mod story;
mod svg;

use std::f64::consts::PI;

pub use crate::draw::xml::escape_xml;
pub use caption::{clock, duration_words};
pub use geometry::{fmt_num, Point};
pub use palette::{Colour, Theme};
pub use scene::{clip_id, Anchor, Node, Paint, Role, Scene, Shape, Stage, Transform};
pub use story::{Chapters, Story, DEFAULT_SHARE, MAX_ENGINEERS, MIN_ENGINEERS};
pub use svg::{opacity_attribute, to_svg, to_svg_with_ids, FONT_FAMILY};

use cookie::{partial_line, Cookie, CookieLook, CENTRE};
use crew::{ease, Crew};
use engineer::{bug, engineer, Mood};
use geometry::point_along;
use random::{seed_of, Rng};

use crate::model::Incident;

#[cfg(test)]
mod tests;

/// Where the story is at one instant.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Phase {
    stage: Stage,
    /// How far the crumbling has gone (0–1; 1 = every piece off).
    crumble: f64,
    /// How far the mending has gone (0–1; 1 = sealed).
    mend: f64,
}

/// The illustration of one incident: its story and layout, ready to draw at any moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Illustration {
    story: Story,
    cookie: Cookie,
    crew: Crew,
    title: String,
    statement: String,
    seed: u64,
}

impl Illustration {
    /// Lays out the illustration of `incident`.
    pub fn new(incident: &Incident) -> Illustration {
        Illustration::from_story(incident, Story::of(incident))
    }

    /// [`Illustration::new`] from the kinds and milestones a caller already has.
    pub fn with(
        incident: &Incident,
        kinds: &[crate::model::EventKind],
        milestones: &crate::analysis::milestones::Milestones,
    ) -> Illustration {
        Illustration::from_story(incident, Story::with(incident, kinds, milestones))
    }

    fn from_story(incident: &Incident, story: Story) -> Illustration {
        let seed = seed_of(incident);
        let rng = Rng::new(seed);
        let cookie = Cookie::new(&rng, story.share);
        let crew = Crew::new(&story, &cookie, &rng);
        Illustration {
            statement: caption::statement(&story),
            title: incident.title.clone(),
            story,
            cookie,
            crew,
            seed,
        }
    }

    /// The facts it is drawn from.
    pub fn story(&self) -> &Story {
        &self.story
    }

    /// The seed its layout comes from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The statement of its data, e.g. "30% of the cookie crumbled: 30% of users affected
    /// for 4 hours."
    pub fn statement(&self) -> &str {
        &self.statement
    }

    /// The share of the cookie broken off at the worst moment, measured on the pieces' outlines.
    pub fn broken_share(&self) -> f64 {
        self.cookie.broken_share()
    }

    /// The moments a step-by-step (reduced-motion) play stops at: the start, the impact,
    /// mid-outage, the root cause, the mitigation, the recovery and the end.
    pub fn stops(&self) -> Vec<f64> {
        let Some(ch) = self.story.chapters else {
            return Vec::new();
        };
        let mut stops: Vec<f64> = self
            .story
            .extent
            .map(|e| e.start)
            .into_iter()
            .chain([ch.impact, (ch.impact + ch.peak) / 2.0])
            .chain(ch.root_cause)
            .chain(ch.mitigated)
            .chain(ch.resolved)
            .chain([self.story.end()])
            .collect();
        stops.sort_by(f64::total_cmp);
        stops.dedup();
        stops
    }

    fn phase(&self, t: f64) -> Phase {
        let Some(ch) = self.story.chapters else {
            return Phase {
                stage: Stage::Crumbling,
                crumble: 1.0,
                mend: 0.0,
            };
        };
        if t < ch.impact {
            return Phase {
                stage: Stage::Whole,
                crumble: 0.0,
                mend: 0.0,
            };
        }
        let crumble = if ch.peak > ch.impact {
            ((t - ch.impact) / (ch.peak - ch.impact)).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let mend = match (ch.mitigated, ch.resolved) {
            (Some(m), Some(r)) if t >= m => {
                if r > m {
                    ((t - m) / (r - m)).clamp(0.0, 1.0)
                } else {
                    1.0
                }
            }
            (Some(m), None) if t >= m => {
                let span = self.story.extent.map_or(3_600_000.0, |e| e.span());
                ((t - m) / (span * 0.2)).clamp(0.0, 0.9)
            }
            _ => 0.0,
        };
        let stage = if ch.resolved.is_some_and(|r| t >= r) {
            Stage::Recovered
        } else if ch.mitigated.is_some_and(|m| t >= m) {
            Stage::Mending
        } else if ch.root_cause.is_some_and(|r| t >= r) {
            Stage::RootCauseFound
        } else {
            Stage::Crumbling
        };
        let mend = if stage == Stage::Recovered { 1.0 } else { mend };
        Phase {
            stage,
            crumble,
            mend,
        }
    }

    /// Where piece `i` is: `None` in place, else its placement off the cookie.
    fn piece_placement(&self, i: usize, phase: &Phase) -> Option<Transform> {
        let piece = &self.cookie.pieces[i];
        let fall = ((phase.crumble - piece.falls_at) / 0.15).clamp(0.0, 1.0);
        let n = self.cookie.pieces.len().max(2) as f64;
        let back_from = 0.4 * (n - 1.0 - i as f64) / (n - 1.0);
        let back = ((phase.mend - back_from) / 0.2).clamp(0.0, 1.0);
        if fall <= 0.0 || back >= 1.0 {
            return None;
        }
        let away = ease(fall) * (1.0 - ease(back));
        let hop = if back > 0.0 {
            (PI * back).sin()
        } else {
            (PI * fall).sin()
        } * 40.0;
        Some(Transform {
            translate: piece.landing.scale(away).minus(Point::new(0.0, hop)),
            rotate: piece.turn * away,
            pivot: piece.centre,
            scale: Point::new(1.0, 1.0),
        })
    }

    /// The picture at axis time `at` (`None` = the end), with clock times written
    /// `offset_minutes` east of UTC.
    pub fn scene_at(&self, at: Option<f64>, offset_minutes: i32) -> Scene {
        let t = at.unwrap_or_else(|| self.story.end());
        let t = if t.is_finite() { t } else { self.story.end() };
        let phase = self.phase(t);
        let timeless = self.story.chapters.is_none();
        let span = self.story.extent.map_or(3_600_000.0, |e| e.span());

        let placements: Vec<Option<Transform>> = (0..self.cookie.pieces.len())
            .map(|i| self.piece_placement(i, &phase))
            .collect();
        let total: f64 = self.cookie.pieces.iter().map(|p| p.area).sum::<f64>()
            + self.cookie.body.as_ref().map_or(0.0, |b| b.area);
        let off: f64 = self
            .cookie
            .pieces
            .iter()
            .zip(&placements)
            .filter(|(_, p)| p.is_some())
            .map(|(piece, _)| piece.area)
            .sum();
        let crumbled_share = if total > 0.0 {
            (off / total).max(0.0)
        } else {
            0.0
        };

        let look = CookieLook {
            whole: phase.stage == Stage::Whole,
            pieces: placements.iter().map(|p| p.unwrap_or_default()).collect(),
        };
        let (mut base, mut actors) = self.cookie.draw(&look);
        let mut behind: Vec<(f64, Node)> = Vec::new();
        let mut front: Vec<(f64, Node)> = Vec::new();
        for (depth, node) in actors.drain(..) {
            if depth < CENTRE.y {
                behind.push((depth, node));
            } else {
                front.push((depth, node));
            }
        }

        // Cracks while broken, golden seams once mended.
        let mut marks = Vec::new();
        if phase.stage != Stage::Whole {
            let seams = ((phase.mend - 0.6) / 0.35).clamp(0.0, 1.0);
            let count = self.cookie.cracks.len().max(1) as f64;
            for (j, crack) in self.cookie.cracks.iter().enumerate() {
                let reveal = ((phase.crumble - 0.08 * j as f64 / count) / 0.1).clamp(0.0, 1.0);
                let shown_dark = if crack.internal {
                    phase.crumble < 0.2 || phase.mend >= 0.6
                } else {
                    true
                };
                if shown_dark && seams < 1.0 {
                    if let Some(d) = partial_line(&crack.points, reveal) {
                        marks.push(
                            Node::new(
                                format!("crack-{j}"),
                                Role::Crack,
                                Shape::Path {
                                    d,
                                    paint: Paint::stroke(Colour::Crack, 2.6),
                                },
                            )
                            .with_opacity(1.0 - seams),
                        );
                    }
                }
                if let Some(d) = partial_line(&crack.points, seams) {
                    marks.push(
                        Node::path(
                            format!("seam-{j}/groove"),
                            d.clone(),
                            Paint::stroke(Colour::DoughEdge, 5.6),
                        )
                        .with_opacity(0.45),
                    );
                    marks.push(Node::new(
                        format!("seam-{j}"),
                        Role::Seam,
                        Shape::Path {
                            d: d.clone(),
                            paint: Paint::stroke(Colour::Gold, 4.2),
                        },
                    ));
                    marks.push(Node::path(
                        format!("seam-{j}/shine"),
                        d,
                        Paint::stroke(Colour::GoldLight, 1.4),
                    ));
                }
            }
        }
        base.extend(marks);

        // Bugs scurry along the cracks until the root cause is found.
        if phase.stage == Stage::Crumbling && phase.crumble > 0.05 {
            let paths: Vec<&cookie::Crack> =
                self.cookie.cracks.iter().filter(|c| !c.internal).collect();
            let bugs = if self.story.share > 0.3 { 4 } else { 3 };
            let since = self.story.chapters.map_or(0.0, |c| t - c.impact);
            for b in 0..bugs.min(paths.len() * 2) {
                let path = &paths[b % paths.len()].points;
                let s = (0.31 * b as f64 + since / (span * 0.06) * (0.5 + 0.15 * b as f64)).fract();
                let along = 1.0 - (2.0 * s - 1.0).abs();
                let (at, heading) = point_along(path, 0.15 + 0.7 * along);
                let heading = heading.to_degrees() + if s < 0.5 { 90.0 } else { -90.0 };
                let at = at.plus(Point::new(0.0, -4.0 + 8.0 * (b % 2) as f64));
                base.push(bug(&format!("bug-{b}"), at, 6.5, heading));
            }
        }

        // Engineers.
        let mood = match phase.stage {
            Stage::Whole => Mood::Calm,
            Stage::Crumbling => Mood::Worried,
            Stage::RootCauseFound => {
                let ch = self.story.chapters;
                let found = ch.and_then(|c| c.root_cause).unwrap_or(t);
                let next = ch.and_then(|c| c.mitigated).unwrap_or(found + span * 0.1);
                if t < found + (next - found) * 0.4 {
                    Mood::Surprised
                } else {
                    Mood::Focused
                }
            }
            Stage::Mending => Mood::Focused,
            Stage::Recovered => Mood::Happy,
        };
        let caught = matches!(
            phase.stage,
            Stage::RootCauseFound | Stage::Mending | Stage::Recovered
        );
        let poses = self.crew.poses_at(t, mood, caught);
        let on_stage = poses.len();
        for (i, pose, on_top) in poses {
            let node = engineer(&format!("engineer-{i}"), &self.crew.members[i].look, &pose);
            if on_top || pose.feet.y >= CENTRE.y {
                front.push((pose.feet.y + 0.1, node));
            } else {
                behind.push((pose.feet.y, node));
            }
        }

        // Crumbs fly with their piece and stay on the floor (some are swept while mending).
        for (k, crumb) in self.cookie.crumbs.iter().enumerate() {
            let piece = &self.cookie.pieces[crumb.piece];
            let fly = ((phase.crumble - piece.falls_at - 0.02) / 0.13).clamp(0.0, 1.0);
            if fly <= 0.0 {
                continue;
            }
            let swept = if crumb.swept {
                1.0 - (phase.mend * 1.6).min(1.0)
            } else {
                1.0
            };
            if swept <= 0.0 {
                continue;
            }
            let at = crumb
                .from
                .lerp(crumb.to, ease(fly))
                .minus(Point::new(0.0, (PI * fly).sin() * 46.0));
            front.push((at.y, props::crumb(format!("crumb-{k}"), crumb, at, swept)));
        }

        // The flag in the culprit piece.
        if phase.stage == Stage::RootCauseFound {
            if let Some(centre) = self
                .cookie
                .culprit
                .and_then(|c| self.cookie.landed_centre(c))
            {
                let found = self
                    .story
                    .chapters
                    .and_then(|ch| ch.root_cause)
                    .unwrap_or(t);
                let pop = 0.6 + 0.4 * ease((t - found) / (span * 0.015));
                front.push((
                    f64::MAX,
                    props::culprit_flag(&self.story.culprit, centre, pop),
                ));
            }
        }

        behind.sort_by(|a, b| a.0.total_cmp(&b.0));
        front.sort_by(|a, b| a.0.total_cmp(&b.0));

        let mut nodes = vec![props::backdrop()];
        nodes.extend(behind.into_iter().map(|(_, n)| n));
        nodes.extend(base);
        nodes.extend(front.into_iter().map(|(_, n)| n));
        // The instant the picture names: the recovery once recovered.
        let named = self.story.named_instant(t, phase.stage);
        // A recovery known only from a stated status has no clock of its own: neither the
        // badge, the wall clock nor the corner names one.
        let unclocked = phase.stage == Stage::Recovered
            && self.story.chapters.is_some_and(|c| c.resolved_as_stated);
        match phase.stage {
            Stage::Whole => nodes.extend(props::freshness(1.0, true)),
            Stage::Recovered => {
                let pop = 0.6 + 0.4 * ease((t - named) / (span * 0.015));
                nodes.extend(props::freshness(pop, false));
                let when = match unclocked {
                    true => String::new(),
                    false => clock(named, offset_minutes),
                };
                nodes.push(props::recovered_mark(&when, pop));
            }
            _ => {}
        }
        let clock_text = if timeless || unclocked {
            String::new()
        } else {
            let local = named / 60_000.0 + f64::from(offset_minutes);
            nodes.push(props::wall_clock(local.rem_euclid(1440.0)));
            clock(named, offset_minutes)
        };
        nodes.extend(props::labels(
            &clock_text,
            caption::chapter(phase.stage, timeless),
            &self.title,
        ));

        Scene {
            width: props::WIDTH,
            height: props::HEIGHT,
            title: self.statement.clone(),
            description: caption::moment(
                &self.story,
                phase.stage,
                named,
                crumbled_share,
                on_stage,
                offset_minutes,
            ),
            stage: phase.stage,
            crumbled_share,
            nodes,
        }
    }
}
