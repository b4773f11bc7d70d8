//! The engineers' choreography: who arrives when, where each one scurries to as the story
//! moves on (cracks to inspect, the culprit piece, the mending line, the celebration), and
//! the pose each is in at any moment.

use std::f64::consts::PI;

use super::cookie::{project, Cookie, CENTRE, RADIUS, THICKNESS, TILT};
use super::engineer::{Activity, Look, Mood, Pose, Tool};
use super::geometry::Point;
use super::random::Rng;
use super::story::Story;

/// One move: from where the engineer was to a spot, starting at a time.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Leg {
    start: f64,
    duration: f64,
    from: Spot,
    to: Spot,
    then: Activity,
    focus: Point,
}

/// A place to stand.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spot {
    /// Feet on the stage.
    pub at: Point,
    /// On the cookie's top face rather than the floor.
    pub on_top: bool,
}

impl Spot {
    fn floor(at: Point) -> Spot {
        Spot { at, on_top: false }
    }
}

/// One engineer of the crew.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// How they look.
    pub look: Look,
    /// When they appear (axis ms; `-inf` for one who is there from the start).
    pub appears: f64,
    legs: Vec<Leg>,
}

#[cfg(test)]
impl Member {
    /// How many walks they make.
    pub fn walks(&self) -> usize {
        self.legs.len()
    }
}

/// The crew and where they go.
#[derive(Debug, Clone, PartialEq)]
pub struct Crew {
    /// Every engineer, in arrival order.
    pub members: Vec<Member>,
}

/// Smooth start and stop.
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

/// Whether feet at `p` stand on free floor: on the stage, off the cookie's footprint and
/// off the fallen pieces.
fn on_floor(cookie: &Cookie, p: Point) -> bool {
    let dx = (p.x - CENTRE.x) / (RADIUS + 26.0);
    let dy = (p.y - CENTRE.y - THICKNESS * 0.6) / (RADIUS * TILT + THICKNESS * 0.6 + 14.0);
    let off_pieces = (0..cookie.pieces.len()).all(|i| {
        cookie.landed_centre(i).is_none_or(|c| {
            let d = p.minus(c);
            (d.x / 70.0).powi(2) + (d.y / 30.0).powi(2) > 1.0
        })
    });
    (40.0..=920.0).contains(&p.x)
        && (250.0..=540.0).contains(&p.y)
        && dx * dx + dy * dy > 1.0
        && off_pieces
}

/// The first of `candidates` on free floor, else a spot in front of the cookie.
fn floor_or_front(cookie: &Cookie, candidates: &[Point], fallback: Point) -> Spot {
    Spot::floor(
        candidates
            .iter()
            .copied()
            .find(|&p| on_floor(cookie, p))
            .unwrap_or(fallback),
    )
}

/// Places to investigate from: on the cookie beside the break, and around fallen pieces.
fn investigation_spots(cookie: &Cookie, rng: &mut Rng) -> Vec<Spot> {
    let mut spots = Vec::new();
    let (a, b) = cookie.wedge;
    for k in 0..14 {
        let edge = if k % 2 == 0 { a } else { b };
        let away = if k % 2 == 0 { -1.0 } else { 1.0 };
        let angle = edge + away * rng.range(0.18, 0.45);
        let top = cookie
            .hub
            .plus(Point::polar(angle, RADIUS * rng.range(0.3, 0.8)));
        let p = project(top);
        if cookie.on_body(p, 14.0) {
            spots.push(Spot {
                at: p,
                on_top: true,
            });
        }
        if spots.len() >= 4 {
            break;
        }
    }
    for i in 0..cookie.pieces.len() {
        let Some(c) = cookie.landed_centre(i) else {
            continue;
        };
        for _ in 0..4 {
            let side = if rng.unit() < 0.5 { -1.0 } else { 1.0 };
            let p = c.plus(Point::new(
                side * rng.range(62.0, 95.0),
                rng.range(18.0, 44.0),
            ));
            if on_floor(cookie, p) {
                spots.push(Spot::floor(p));
                break;
            }
        }
    }
    for _ in 0..40 {
        if spots.len() >= 12 {
            break;
        }
        let p = Point::new(rng.range(120.0, 840.0), rng.range(420.0, 530.0));
        if on_floor(cookie, p) {
            spots.push(Spot::floor(p));
        }
    }
    if spots.is_empty() {
        spots.push(Spot::floor(Point::new(300.0, 480.0)));
    }
    spots
}

/// Where engineer `i` of `n` stands around the culprit piece.
fn ring_spot(cookie: &Cookie, i: usize, n: usize) -> Spot {
    let centre = cookie
        .culprit
        .and_then(|c| cookie.landed_centre(c))
        .unwrap_or(Point::new(CENTRE.x, 470.0));
    let t = if n > 1 {
        i as f64 / (n - 1) as f64
    } else {
        0.5
    };
    let angle = PI * (0.92 + 1.16 * t);
    let candidates: Vec<Point> = [1.0, 1.25, 1.5, 1.8]
        .iter()
        .map(|k| {
            centre.plus(Point::new(
                angle.cos() * 112.0 * k,
                angle.sin() * 44.0 * k + 20.0,
            ))
        })
        .collect();
    floor_or_front(cookie, &candidates, front_spot(i, n))
}

/// Where engineer `i` of `n` pipes icing, along the front of the break.
fn mend_spot(cookie: &Cookie, i: usize, n: usize) -> Spot {
    let (a, b) = cookie.wedge;
    let t = (i as f64 + 0.5) / n as f64;
    let angle = a + (b - a) * t;
    let rim = project(Point::polar(angle, RADIUS + 30.0)).plus(Point::new(0.0, THICKNESS + 6.0));
    floor_or_front(cookie, &[rim], front_spot(i, n))
}

/// A spot in the celebration line in front of the cookie.
fn front_spot(i: usize, n: usize) -> Point {
    let t = if n > 1 {
        i as f64 / (n - 1) as f64
    } else {
        0.5
    };
    Point::new(
        170.0 + 600.0 * t,
        478.0 + if i.is_multiple_of(2) { 0.0 } else { 34.0 },
    )
}

impl Crew {
    /// Plans the crew's moves for `story` around `cookie`.
    pub fn new(story: &Story, cookie: &Cookie, rng: &Rng) -> Crew {
        let mut look_rng = rng.fork(11);
        let looks = Look::crew(&mut look_rng, story.engineers);
        let mut spot_rng = rng.fork(12);
        let pool = investigation_spots(cookie, &mut spot_rng);
        let n = story.engineers;
        let span = story.extent.map_or(3_600_000.0, |e| e.span());
        let travel = (span * 0.028).max(1.0);
        let relax = Spot::floor(Point::new(205.0, 468.0));
        let culprit = cookie
            .culprit
            .and_then(|c| cookie.landed_centre(c))
            .unwrap_or(CENTRE);
        let members = looks
            .into_iter()
            .enumerate()
            .map(|(i, look)| {
                let Some(ch) = story.chapters else {
                    let spot = pool[i % pool.len()];
                    return Member {
                        look,
                        appears: f64::NEG_INFINITY,
                        legs: vec![Leg {
                            start: f64::NEG_INFINITY,
                            duration: 1.0,
                            from: spot,
                            to: spot,
                            then: Activity::Inspect,
                            focus: CENTRE,
                        }],
                    };
                };
                let arrival = story.arrivals.get(i).copied().unwrap_or(ch.impact);
                let target = |t: f64, step: usize| -> (Spot, Activity, Point) {
                    if t < ch.impact {
                        (relax, Activity::Relax, CENTRE)
                    } else if ch.resolved.is_some_and(|r| t >= r) {
                        (Spot::floor(front_spot(i, n)), Activity::Cheer, CENTRE)
                    } else if ch.mitigated.is_some_and(|m| t >= m) {
                        (mend_spot(cookie, i, n), Activity::Mend, CENTRE)
                    } else if ch.root_cause.is_some_and(|r| t >= r) {
                        (ring_spot(cookie, i, n), Activity::Inspect, culprit)
                    } else {
                        let spot = pool[(i * 5 + step * 3) % pool.len()];
                        (spot, Activity::Inspect, CENTRE)
                    }
                };
                let mut times: Vec<f64> = story
                    .event_times
                    .iter()
                    .copied()
                    .chain([ch.impact])
                    .chain(ch.root_cause)
                    .chain(ch.mitigated)
                    .chain(ch.resolved)
                    .filter(|&t| t > arrival)
                    .collect();
                times.sort_by(f64::total_cmp);
                // A walk takes `travel`: an event before the last walk ends starts no new one
                // (the engineer would not get there). Keeps a crew of a 250,000-event timeline
                // to a few dozen walks each instead of one per event.
                let mut last = arrival;
                times.retain(|&t| {
                    let keep = t >= last + travel;
                    if keep {
                        last = t;
                    }
                    keep
                });
                let entry_x = if (i + spot_rng.index(2)).is_multiple_of(2) {
                    -30.0
                } else {
                    990.0
                };
                let entry = Spot::floor(Point::new(entry_x, spot_rng.range(430.0, 520.0)));
                let (appears, first_from) = if i == 0 {
                    (f64::NEG_INFINITY, relax)
                } else {
                    (arrival, entry)
                };
                let mut legs = Vec::new();
                if i == 0 {
                    legs.push(Leg {
                        start: f64::NEG_INFINITY,
                        duration: 1.0,
                        from: relax,
                        to: relax,
                        then: Activity::Relax,
                        focus: CENTRE,
                    });
                }
                let (to, then, focus) = target(arrival, 0);
                legs.push(Leg {
                    start: arrival,
                    duration: travel,
                    from: first_from,
                    to,
                    then,
                    focus,
                });
                for (step, &t) in times.iter().enumerate() {
                    let (to, then, focus) = target(t, step + 1);
                    let from = spot_at(&legs, t);
                    legs.push(Leg {
                        start: t,
                        duration: travel,
                        from,
                        to,
                        then,
                        focus,
                    });
                }
                Member {
                    look,
                    appears,
                    legs,
                }
            })
            .collect();
        Crew { members }
    }

    /// Every engineer on stage at `t`: their index and pose (mood set by the caller).
    pub fn poses_at(&self, t: f64, mood: Mood, caught: bool) -> Vec<(usize, Pose, bool)> {
        self.members
            .iter()
            .enumerate()
            .filter(|(_, m)| t >= m.appears)
            .filter_map(|(i, m)| {
                let leg = m.legs.iter().rev().find(|l| l.start <= t)?;
                let u = if leg.start.is_finite() {
                    ((t - leg.start) / leg.duration).clamp(0.0, 1.0)
                } else {
                    1.0
                };
                let e = ease(u);
                let feet = leg.from.at.lerp(leg.to.at, e);
                let distance = leg.to.at.minus(leg.from.at).length();
                let moving = u < 1.0 && distance > 1.0;
                let lift = if leg.from.on_top != leg.to.on_top {
                    (PI * u).sin() * 34.0
                } else {
                    0.0
                };
                let dx = if moving {
                    leg.to.at.x - leg.from.at.x
                } else {
                    leg.focus.x - feet.x
                };
                let activity = if moving { Activity::Walk } else { leg.then };
                let on_top = if moving {
                    leg.to.on_top && u > 0.5 || leg.from.on_top && u <= 0.5
                } else {
                    leg.to.on_top
                };
                let scale = 1.3 * (0.98 + (feet.y - 300.0) / 650.0).clamp(0.85, 1.3);
                Some((
                    i,
                    Pose {
                        feet,
                        facing: if dx < -3.0 { -1.0 } else { 1.0 },
                        front: activity == Activity::Cheer,
                        activity,
                        stride: e * distance / 6.5,
                        lift,
                        mood: if activity == Activity::Relax {
                            Mood::Calm
                        } else {
                            mood
                        },
                        scale,
                        caught_bug: caught && m.look.tool == Tool::Net,
                    },
                    on_top,
                ))
            })
            .collect()
    }
}

/// Where the legs so far put the engineer at `t`.
fn spot_at(legs: &[Leg], t: f64) -> Spot {
    let Some(leg) = legs.iter().rev().find(|l| l.start <= t) else {
        return legs.first().map_or(Spot::floor(CENTRE), |l| l.from);
    };
    let u = ((t - leg.start) / leg.duration).clamp(0.0, 1.0);
    Spot {
        at: leg.from.at.lerp(leg.to.at, ease(u)),
        on_top: if u < 0.5 {
            leg.from.on_top
        } else {
            leg.to.on_top
        },
    }
}
