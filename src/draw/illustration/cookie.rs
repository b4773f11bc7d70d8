//! The giant cookie: its wobbly outline, chips and speckles, the wedge that breaks off (cut
//! into pieces along jagged cracks, its area solved to match the impact share), where each
//! piece lands, the crumbs it sheds, and how all of it is drawn at a moment of the story.

use std::f64::consts::{PI, TAU};

use super::geometry::{
    area, blob_path, bounds, centroid, contains, polygon_path, polyline_path, signed_area, Point,
};
use super::palette::Colour;
use super::random::Rng;
use super::scene::{join, Node, Paint, Role, Shape, Transform};

/// The middle of the cookie's top face on the stage.
pub const CENTRE: Point = Point::new(470.0, 226.0);
/// The cookie's radius, seen from above.
pub const RADIUS: f64 = 220.0;
/// How much the top face is squashed by the viewing angle.
pub const TILT: f64 = 0.5;
/// How thick the cookie is, on screen.
pub const THICKNESS: f64 = 26.0;
/// Points along each jagged cut, hub to rim.
const CUT_STEPS: usize = 9;
/// Where the cross cut meets the radial cuts (index along them).
const CROSS_AT: usize = 5;

/// A point of the top face (cookie plane, origin at the centre) on the stage.
pub fn project(p: Point) -> Point {
    Point::new(CENTRE.x + p.x, CENTRE.y + p.y * TILT)
}

/// The cookie's hand-made outline: a circle with a few gentle waves.
#[derive(Debug, Clone, PartialEq)]
struct Outline {
    waves: Vec<(f64, f64, f64)>,
}

impl Outline {
    fn new(rng: &mut Rng) -> Outline {
        let waves = [(3.0, 0.014), (5.0, 0.011), (8.0, 0.007), (13.0, 0.004)]
            .iter()
            .map(|&(k, amp)| (k, amp * rng.range(0.6, 1.3), rng.range(0.0, TAU)))
            .collect();
        Outline { waves }
    }

    fn radius(&self, angle: f64) -> f64 {
        RADIUS
            * (1.0
                + self
                    .waves
                    .iter()
                    .map(|&(k, amp, phase)| amp * (k * angle + phase).sin())
                    .sum::<f64>())
    }

    fn point(&self, angle: f64) -> Point {
        Point::polar(angle, self.radius(angle))
    }

    /// Rim points strictly between angles `from` and `to` (`from < to`).
    fn rim_between(&self, from: f64, to: f64) -> Vec<Point> {
        let step = 2.5_f64.to_radians();
        let first = (from / step).floor() as i64 + 1;
        let last = (to / step).ceil() as i64 - 1;
        (first..=last)
            .map(|i| i as f64 * step)
            .filter(|&a| a - from > step * 0.3 && to - a > step * 0.3)
            .map(|a| self.point(a))
            .collect()
    }

    fn full(&self) -> Vec<Point> {
        (0..144)
            .map(|i| self.point(i as f64 * TAU / 144.0))
            .collect()
    }
}

/// The sideways wobble of one jagged cut, per point.
type Jitter = [f64; CUT_STEPS + 1];

fn jitter(rng: &mut Rng) -> Jitter {
    let mut out = [0.0; CUT_STEPS + 1];
    for value in out.iter_mut() {
        *value = rng.range(-1.0, 1.0);
    }
    out
}

/// A jagged line from `hub` to the rim at `angle`.
fn cut(outline: &Outline, hub: Point, angle: f64, jitter: &Jitter) -> Vec<Point> {
    let rim = outline.point(angle);
    let dir = rim.minus(hub);
    let perp = Point::new(-dir.y, dir.x).unit();
    (0..=CUT_STEPS)
        .map(|k| {
            let t = k as f64 / CUT_STEPS as f64;
            let wobble = jitter[k] * RADIUS * 0.045 * (PI * t).sin().powf(0.8);
            hub.plus(dir.scale(t)).plus(perp.scale(wobble))
        })
        .collect()
}

/// A broken-off piece, or the body that stays.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    /// Stable id: `body` or `piece-N`.
    pub id: String,
    /// Its outline on the top face (cookie plane).
    pub top: Vec<Point>,
    /// Its outline on the stage, clockwise.
    pub screen: Vec<Point>,
    /// Its area on the top face.
    pub area: f64,
    /// Its centre on the stage.
    pub centre: Point,
    /// How far it moves when it falls, on the stage.
    pub landing: Point,
    /// How far it turns when it falls, in degrees.
    pub turn: f64,
    /// When it starts falling, as a share of the crumbling (0–1).
    pub falls_at: f64,
    /// True for a piece cut from the rim (the outer ring).
    pub outer: bool,
}

impl Region {
    fn new(id: String, mut top: Vec<Point>) -> Region {
        if signed_area(&top) < 0.0 {
            top.reverse();
        }
        let screen: Vec<Point> = top.iter().map(|&p| project(p)).collect();
        Region {
            id,
            area: area(&top),
            centre: centroid(&screen),
            screen,
            top,
            landing: Point::default(),
            turn: 0.0,
            falls_at: 0.0,
            outer: false,
        }
    }
}

/// A crumb shed by a falling piece.
#[derive(Debug, Clone, PartialEq)]
pub struct Crumb {
    /// The piece it comes from.
    pub piece: usize,
    /// Where it starts, on the stage.
    pub from: Point,
    /// Where it lands, on the stage.
    pub to: Point,
    /// Its outline around its centre.
    pub shape: Vec<Point>,
    /// True when the engineers sweep it up while mending.
    pub swept: bool,
}

/// A crack line.
#[derive(Debug, Clone, PartialEq)]
pub struct Crack {
    /// Its points on the stage, rim end first.
    pub points: Vec<Point>,
    /// True when it runs between two pieces that both break off (drawn only until they do).
    pub internal: bool,
}

/// A chocolate chip: its outline on the stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Chip {
    /// Outline points.
    pub outline: Vec<Point>,
    /// Its middle.
    pub centre: Point,
    /// Its size (radius).
    pub size: f64,
}

/// The cookie of one incident, laid out once from its seed.
#[derive(Debug, Clone, PartialEq)]
pub struct Cookie {
    /// The whole top face, on the stage.
    pub whole: Vec<Point>,
    /// What stays when the pieces are off (`None` when everything breaks).
    pub body: Option<Region>,
    /// The pieces that break off, in falling order.
    pub pieces: Vec<Region>,
    /// Crack lines on the stage, rim end first.
    pub cracks: Vec<Crack>,
    /// Chocolate chips.
    pub chips: Vec<Chip>,
    /// Little toasted dots: centre and radius.
    pub speckles: Vec<(Point, f64)>,
    /// Crumbs.
    pub crumbs: Vec<Crumb>,
    /// The piece the root-cause flag goes in.
    pub culprit: Option<usize>,
    /// Angles of the wedge's two edges (radians, clockwise from the right).
    pub wedge: (f64, f64),
    /// Where the cuts meet, on the top face.
    pub hub: Point,
    /// Outline of the toasted middle and its glow, on the stage.
    inner: Vec<Point>,
    glow: Vec<Point>,
    /// The side and top of the whole cookie, the body and each piece, drawn once.
    drawn: Drawn,
}

/// Shapes that never change, drawn once per layout: side and top of each part.
#[derive(Debug, Clone, PartialEq, Default)]
struct Drawn {
    whole: Vec<Node>,
    body: Option<(Node, Node)>,
    pieces: Vec<(Node, Node)>,
}

impl Cookie {
    /// Lays out a cookie with `share` (0–1) of its area broken off.
    pub fn new(rng: &Rng, share: f64) -> Cookie {
        let share = if share.is_finite() {
            share.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let mut shape_rng = rng.fork(1);
        let outline = Outline::new(&mut shape_rng);
        let whole_top = fine_outline(&outline);
        let total = area(&whole_top);

        let mut cut_rng = rng.fork(2);
        let middle = cut_rng.range(35.0, 145.0).to_radians();
        let hub = Point::polar(middle, cut_rng.range(0.0, 0.1) * RADIUS)
            .plus(Point::polar(cut_rng.range(0.0, TAU), 6.0));
        let edge_a = jitter(&mut cut_rng);
        let everything = share >= 0.995;
        let edge_b = if everything {
            edge_a
        } else {
            jitter(&mut cut_rng)
        };

        let wedge_area = |span: f64| {
            let (a, b) = (middle - span / 2.0, middle + span / 2.0);
            let mut poly = vec![hub];
            poly.extend(cut(&outline, hub, a, &edge_a).into_iter().skip(1));
            poly.extend(outline.rim_between(a, b));
            poly.extend(cut(&outline, hub, b, &edge_b).into_iter().skip(1).rev());
            area(&poly)
        };
        let span = if share <= 0.001 {
            0.0
        } else if everything {
            TAU
        } else {
            let (mut lo, mut hi) = (0.0, TAU);
            for _ in 0..48 {
                let mid = (lo + hi) / 2.0;
                if wedge_area(mid) / total < share {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            (lo + hi) / 2.0
        };
        let (a, b) = (middle - span / 2.0, middle + span / 2.0);

        let parts = if span == 0.0 {
            0
        } else {
            ((span.to_degrees() / 38.0).round() as usize).clamp(1, 8)
        };
        let mut lines: Vec<Vec<Point>> = Vec::new();
        for j in 0..=parts {
            let angle = a + span * j as f64 / parts.max(1) as f64;
            let wobble = if j == 0 {
                edge_a
            } else if j == parts {
                edge_b
            } else {
                jitter(&mut cut_rng)
            };
            lines.push(cut(&outline, hub, angle, &wobble));
        }

        let cross_cut = share >= 0.06 && parts > 0 && span / parts as f64 >= 16f64.to_radians();
        let mut pieces = Vec::new();
        let mut cracks: Vec<Crack> = Vec::new();
        for j in 0..parts {
            let (left, right) = (&lines[j], &lines[j + 1]);
            let (from, to) = (
                a + span * j as f64 / parts as f64,
                a + span * (j + 1) as f64 / parts as f64,
            );
            let rim = outline.rim_between(from, to);
            if cross_cut {
                let cross = cross_points(&mut cut_rng, hub, left[CROSS_AT], right[CROSS_AT]);
                let mut inner = vec![hub];
                inner.extend(&left[1..=CROSS_AT]);
                inner.extend(&cross);
                inner.extend(right[1..=CROSS_AT].iter().rev());
                let mut outer: Vec<Point> = left[CROSS_AT..].to_vec();
                outer.extend(&rim);
                outer.extend(right[CROSS_AT..].iter().rev());
                outer.extend(cross.iter().rev());
                let mut crack = vec![left[CROSS_AT]];
                crack.extend(&cross);
                crack.push(right[CROSS_AT]);
                cracks.push(Crack {
                    points: crack.iter().map(|&p| project(p)).collect(),
                    internal: true,
                });
                pieces.push((outer, true));
                pieces.push((inner, false));
            } else {
                let mut piece = vec![hub];
                piece.extend(&left[1..]);
                piece.extend(&rim);
                piece.extend(right[1..].iter().rev());
                pieces.push((piece, true));
            }
        }
        // Outer pieces fall first, then the inner ones.
        pieces.sort_by_key(|(_, outer)| !outer);
        for (j, line) in lines.iter().enumerate() {
            let mut points: Vec<Point> = line.iter().map(|&p| project(p)).collect();
            points.reverse();
            cracks.push(Crack {
                points,
                internal: j != 0 && j != parts,
            });
        }

        let body = (!everything).then(|| {
            let mut top = vec![hub];
            if let (Some(first), Some(last)) = (lines.first(), lines.last()) {
                top.extend(&last[1..]);
                top.extend(outline.rim_between(b, a + TAU));
                top.extend(first[1..].iter().rev());
            } else {
                top = whole_top.clone();
            }
            Region::new("body".into(), top)
        });

        let count = pieces.len();
        let mut land_rng = rng.fork(3);
        let mut pieces: Vec<Region> = pieces
            .into_iter()
            .enumerate()
            .map(|(i, (top, outer))| {
                let mut region = Region::new(format!("piece-{i}"), top);
                region.outer = outer;
                region.falls_at = 0.2 + 0.65 * i as f64 / count as f64;
                place_landing(&mut region, hub, outer, &mut land_rng);
                region
            })
            .collect();

        spread_landings(&mut pieces);
        if let Some(body) = &body {
            cracks.extend(
                hairlines(&lines, body, &mut cut_rng)
                    .into_iter()
                    .map(|points| Crack {
                        points,
                        internal: false,
                    }),
            );
        }
        if span == 0.0 {
            cracks.extend(
                surface_cracks(&outline, &mut cut_rng)
                    .into_iter()
                    .map(|points| Crack {
                        points,
                        internal: false,
                    }),
            );
        }

        let culprit = pieces
            .iter()
            .enumerate()
            .max_by(|(_, p), (_, q)| {
                let key =
                    |r: &Region| (r.centre.y + r.landing.y) + if r.outer { 40.0 } else { 0.0 };
                key(p).total_cmp(&key(q))
            })
            .map(|(i, _)| i);

        let mut texture_rng = rng.fork(4);
        let chips = chips(&outline, &mut texture_rng);
        let speckles = (0..90)
            .map(|_| {
                let p = Point::polar(
                    texture_rng.range(0.0, TAU),
                    RADIUS * texture_rng.unit().sqrt() * 0.97,
                );
                (project(p), texture_rng.range(0.9, 2.1))
            })
            .collect();
        let crumbs = crumbs(&pieces, &mut rng.fork(5));
        let whole: Vec<Point> = outline.full().iter().map(|&p| project(p)).collect();
        let inner = outline
            .full()
            .iter()
            .map(|&p| project(p.scale(0.88)))
            .collect();
        let glow = outline
            .full()
            .iter()
            .map(|&p| project(p.scale(0.6).plus(Point::new(-30.0, -40.0))))
            .collect();
        let mut cookie = Cookie {
            whole,
            body,
            pieces,
            cracks,
            chips,
            speckles,
            crumbs,
            culprit,
            wedge: (a, b),
            hub,
            inner,
            glow,
            drawn: Drawn::default(),
        };
        cookie.drawn = cookie.prepare();
        cookie
    }

    /// Draws the parts that never change.
    fn prepare(&self) -> Drawn {
        let whole = Region {
            screen: self.whole.clone(),
            ..Region::new("whole".into(), Vec::new())
        };
        Drawn {
            whole: vec![self.side(&whole), self.top(&whole)],
            body: self.body.as_ref().map(|b| (self.side(b), self.top(b))),
            pieces: self
                .pieces
                .iter()
                .map(|p| (self.side(p), self.top(p)))
                .collect(),
        }
    }

    /// The share of the area the pieces cover (0–1), measured on their outlines.
    pub fn broken_share(&self) -> f64 {
        let pieces: f64 = self.pieces.iter().map(|p| p.area).sum();
        let body = self.body.as_ref().map_or(0.0, |b| b.area);
        if pieces + body > 0.0 {
            pieces / (pieces + body)
        } else {
            0.0
        }
    }

    /// Where piece `i` is on the stage when it has fallen (its centre).
    pub fn landed_centre(&self, i: usize) -> Option<Point> {
        self.pieces.get(i).map(|p| p.centre.plus(p.landing))
    }

    /// Whether a stage point is on the cookie's remaining top face, at least `margin` inside.
    pub fn on_body(&self, p: Point, margin: f64) -> bool {
        self.body.as_ref().is_some_and(|b| {
            contains(&b.screen, p) && super::geometry::distance_to_edge(&b.screen, p) >= margin
        })
    }

    /// The cookie's side, body and the pieces still in place (the part drawn behind the
    /// actors), and the pieces in flight or fallen (drawn among the actors, with their
    /// stage depth).
    pub fn draw(&self, look: &CookieLook) -> (Vec<Node>, Vec<(f64, Node)>) {
        let mut base = Vec::new();
        base.push(
            Node::ellipse(
                "cookie-shadow",
                Point::new(CENTRE.x + 10.0, CENTRE.y + THICKNESS + 6.0),
                RADIUS + 8.0,
                RADIUS * TILT + 8.0,
                Paint::fill(Colour::Shadow),
            )
            .with_opacity(0.16),
        );
        let mut actors = Vec::new();
        if look.whole {
            base.extend(self.drawn.whole.iter().cloned());
            return (vec![Node::group("cookie", Role::Cookie, base)], actors);
        }
        let mut sides = Vec::new();
        let mut tops = Vec::new();
        if let Some((side, top)) = &self.drawn.body {
            sides.push(side.clone());
            tops.push(top.clone());
        }
        for ((region, (side, top)), placement) in self
            .pieces
            .iter()
            .zip(&self.drawn.pieces)
            .zip(look.pieces.iter().copied())
        {
            if placement.is_identity() {
                sides.push(side.clone());
                tops.push(top.clone());
            } else {
                let node = Node::group(
                    region.id.clone(),
                    Role::Piece,
                    vec![side.clone(), top.clone()],
                )
                .with_transform(placement);
                let depth = region.centre.y + placement.translate.y + THICKNESS;
                actors.push((depth, node));
            }
        }
        base.extend(sides);
        base.extend(tops);
        (vec![Node::group("cookie", Role::Cookie, base)], actors)
    }

    fn side(&self, region: &Region) -> Node {
        Node::path(
            join(&region.id, "/side"),
            side_path(&region.screen),
            Paint::fill(Colour::DoughSide),
        )
    }

    fn top(&self, region: &Region) -> Node {
        let (lo, hi) = bounds(&region.screen);
        let near = |p: Point, pad: f64| {
            p.x >= lo.x - pad && p.x <= hi.x + pad && p.y >= lo.y - pad && p.y <= hi.y + pad
        };
        let mut texture = vec![
            Node::path(
                join(&region.id, "/toast"),
                polygon_path(&region.screen),
                Paint::fill(Colour::DoughRim),
            ),
            Node::path(
                join(&region.id, "/dough"),
                blob_path(&self.inner),
                Paint::fill(Colour::Dough),
            ),
            Node::path(
                join(&region.id, "/glow"),
                blob_path(&self.glow),
                Paint::fill(Colour::DoughLight),
            )
            .with_opacity(0.55),
        ];
        for (i, &(at, r)) in self.speckles.iter().enumerate() {
            if near(at, r) {
                texture.push(
                    Node::ellipse(
                        format!("{}/speckle-{i}", region.id),
                        at,
                        r,
                        r * TILT * 1.3,
                        Paint::fill(Colour::Speckle),
                    )
                    .with_opacity(0.7),
                );
            }
        }
        for (i, chip) in self.chips.iter().enumerate() {
            if near(chip.centre, chip.size * 1.5) {
                texture.push(Node::path(
                    format!("{}/chip-{i}", region.id),
                    blob_path(&chip.outline),
                    Paint::both(Colour::Chip, Colour::Crack, 0.8),
                ));
                texture.push(
                    Node::ellipse(
                        format!("{}/chip-{i}-shine", region.id),
                        chip.centre
                            .plus(Point::new(-chip.size * 0.3, -chip.size * 0.18)),
                        chip.size * 0.32,
                        chip.size * 0.14,
                        Paint::fill(Colour::ChipShine),
                    )
                    .with_opacity(0.85),
                );
            }
        }
        Node::group(
            join(&region.id, "/top"),
            Role::Detail,
            vec![
                Node::new(
                    join(&region.id, "/face"),
                    Role::Detail,
                    Shape::Clipped {
                        clip: polygon_path(&region.screen),
                        children: texture,
                    },
                ),
                Node::path(
                    join(&region.id, "/edge"),
                    polygon_path(&region.screen),
                    Paint::stroke(Colour::DoughEdge, 1.4),
                ),
            ],
        )
    }
}

/// How the cookie looks at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct CookieLook {
    /// Drawn as one whole cookie (before the impact).
    pub whole: bool,
    /// Where each piece is (identity = in place).
    pub pieces: Vec<Transform>,
}

/// The outline sampled finely, for measuring areas.
fn fine_outline(outline: &Outline) -> Vec<Point> {
    (0..1440)
        .map(|i| outline.point(i as f64 * TAU / 1440.0))
        .collect()
}

/// The jagged cut across a sub-wedge, between two points on its radial cuts (exclusive).
fn cross_points(rng: &mut Rng, hub: Point, left: Point, right: Point) -> Vec<Point> {
    let (dl, dr) = (left.minus(hub), right.minus(hub));
    let (al, ar) = (dl.y.atan2(dl.x), dr.y.atan2(dr.x));
    let sweep = (ar - al).rem_euclid(TAU);
    let steps = ((sweep.to_degrees() / 7.0) as usize).max(2);
    (1..steps)
        .map(|s| {
            let t = s as f64 / steps as f64;
            let radius = dl.length()
                + (dr.length() - dl.length()) * t
                + rng.range(-1.0, 1.0) * RADIUS * 0.035;
            hub.plus(Point::polar(al + sweep * t, radius))
        })
        .collect()
}

/// Where a falling piece ends up: out along its own direction, clear of the cookie.
fn place_landing(region: &mut Region, hub: Point, outer: bool, rng: &mut Rng) {
    let centre = centroid(&region.top);
    let base = centre.minus(hub);
    let spread = if outer {
        rng.range(-0.12, 0.12)
    } else if rng.unit() < 0.5 {
        rng.range(0.28, 0.4)
    } else {
        -rng.range(0.28, 0.4)
    };
    let angle = base.y.atan2(base.x) + spread;
    let dir = Point::polar(angle, 1.0);
    let nearest = region
        .top
        .iter()
        .map(|p| (p.x - hub.x) * dir.x + (p.y - hub.y) * dir.y)
        .fold(f64::INFINITY, f64::min);
    let push = RADIUS + if outer { 26.0 } else { 90.0 } + rng.range(0.0, 36.0) - nearest;
    let mut landing = Point::new(dir.x * push, dir.y * push * TILT + 14.0);
    let target = region.centre.plus(landing);
    let clamped = Point::new(target.x.clamp(90.0, 870.0), target.y.clamp(140.0, 490.0));
    landing = landing.plus(clamped.minus(target));
    region.landing = landing;
    region.turn = rng.range(-16.0, 16.0);
}

/// Nudges fallen pieces apart so none lands on another.
fn spread_landings(pieces: &mut [Region]) {
    for _ in 0..30 {
        let mut moved = false;
        for i in 0..pieces.len() {
            for j in i + 1..pieces.len() {
                let (a, b) = (
                    pieces[i].centre.plus(pieces[i].landing),
                    pieces[j].centre.plus(pieces[j].landing),
                );
                let d = b.minus(a);
                let reach = (d.x / 130.0).powi(2) + (d.y / 62.0).powi(2);
                if reach < 1.0 {
                    let push = if d.length() > 1e-6 {
                        Point::new(d.x, d.y * 2.0).unit().scale(12.0)
                    } else {
                        Point::new(12.0, 0.0)
                    };
                    pieces[i].landing = pieces[i].landing.minus(push);
                    pieces[j].landing = pieces[j].landing.plus(push);
                    moved = true;
                }
            }
        }
        for piece in pieces.iter_mut() {
            let target = piece.centre.plus(piece.landing);
            let clamped = Point::new(target.x.clamp(90.0, 870.0), target.y.clamp(140.0, 490.0));
            piece.landing = piece.landing.plus(clamped.minus(target));
        }
        if !moved {
            break;
        }
    }
}

/// A few hairline cracks branching from the wedge's edges into the body.
fn hairlines(lines: &[Vec<Point>], body: &Region, rng: &mut Rng) -> Vec<Vec<Point>> {
    let mut out = Vec::new();
    let edges = [lines.first(), lines.last()];
    for (side, line) in edges.into_iter().enumerate() {
        let Some(line) = line else { continue };
        for _ in 0..2 {
            let k = 2 + rng.index(CUT_STEPS - 3);
            let start = line[k];
            let along = line[k + 1].minus(line[k - 1]).unit();
            let turn = if side == 0 { -1.0 } else { 1.0 } * rng.range(0.6, 1.1);
            let dir = Point::new(
                along.x * turn.cos() - along.y * turn.sin(),
                along.x * turn.sin() + along.y * turn.cos(),
            );
            let length = rng.range(28.0, 60.0);
            let mut points = vec![project(start)];
            for s in 1..=4 {
                let p = start
                    .plus(dir.scale(length * s as f64 / 4.0))
                    .plus(Point::new(rng.range(-5.0, 5.0), rng.range(-5.0, 5.0)));
                let screen = project(p);
                if !contains(&body.screen, screen) {
                    break;
                }
                points.push(screen);
            }
            if points.len() > 2 {
                out.push(points);
            }
        }
    }
    out
}

/// Cracks for an impact too small to break anything off.
fn surface_cracks(outline: &Outline, rng: &mut Rng) -> Vec<Vec<Point>> {
    (0..2)
        .map(|_| {
            let angle = rng.range(20.0, 160.0).to_radians();
            let rim = outline.point(angle);
            (0..5)
                .map(|s| {
                    let t = 1.0 - s as f64 * 0.09;
                    project(
                        rim.scale(t)
                            .plus(Point::new(rng.range(-6.0, 6.0), rng.range(-6.0, 6.0))),
                    )
                })
                .collect()
        })
        .collect()
}

/// Chocolate chips spread over the top, none too close to another.
fn chips(outline: &Outline, rng: &mut Rng) -> Vec<Chip> {
    let mut centres: Vec<Point> = Vec::new();
    for _ in 0..400 {
        if centres.len() >= 30 {
            break;
        }
        let angle = rng.range(0.0, TAU);
        let p = Point::polar(angle, outline.radius(angle) * 0.93 * rng.unit().sqrt());
        if centres.iter().all(|c| c.minus(p).length() > 34.0) {
            centres.push(p);
        }
    }
    centres
        .into_iter()
        .map(|c| {
            let size = rng.range(8.0, 13.5);
            let turn = rng.range(0.0, TAU);
            let outline = (0..7)
                .map(|k| {
                    let a = turn + k as f64 * TAU / 7.0;
                    project(c.plus(Point::polar(a, size * rng.range(0.7, 1.15))))
                })
                .collect();
            Chip {
                outline,
                centre: project(c),
                size,
            }
        })
        .collect()
}

/// Crumbs shed by each piece: they start at its rim and land around it.
fn crumbs(pieces: &[Region], rng: &mut Rng) -> Vec<Crumb> {
    let mut out = Vec::new();
    for (i, piece) in pieces.iter().enumerate() {
        let count = if piece.outer { 6 } else { 3 };
        for _ in 0..count {
            let from = piece.screen[rng.index(piece.screen.len())];
            let land = piece.centre.plus(piece.landing);
            let to = land.plus(Point::new(rng.range(-90.0, 90.0), rng.range(-10.0, 42.0)));
            let to = Point::new(to.x.clamp(40.0, 920.0), to.y.clamp(150.0, 540.0));
            let size = rng.range(2.5, 7.0);
            let turn = rng.range(0.0, TAU);
            let sides = 5 + rng.index(2);
            let shape = (0..sides)
                .map(|k| {
                    Point::polar(
                        turn + k as f64 * TAU / sides as f64,
                        size * rng.range(0.6, 1.2),
                    )
                    .scale(1.0)
                })
                .map(|p| Point::new(p.x, p.y * 0.7))
                .collect();
            out.push(Crumb {
                piece: i,
                from,
                to,
                shape,
                swept: rng.unit() < 0.6,
            });
        }
    }
    out
}

/// The visible side of a slab whose top face is `top` (clockwise on the stage): the face moved
/// down by the thickness, joined to it along every edge that faces the viewer.
pub fn side_path(top: &[Point]) -> String {
    let down = Point::new(0.0, THICKNESS);
    let shifted: Vec<Point> = top.iter().map(|p| p.plus(down)).collect();
    let mut d = polygon_path(&shifted);
    let n = top.len();
    for i in 0..n {
        let (a, b) = (top[i], top[(i + 1) % n]);
        if b.x < a.x {
            d.push_str(&polygon_path(&[a, a.plus(down), b.plus(down), b]));
        }
    }
    d
}

/// A crack drawn up to `shown` (0–1) of its length from its first point.
pub fn partial_line(points: &[Point], shown: f64) -> Option<String> {
    if shown <= 0.0 || points.len() < 2 {
        return None;
    }
    let lengths: Vec<f64> = points
        .windows(2)
        .map(|w| w[1].minus(w[0]).length())
        .collect();
    let total: f64 = lengths.iter().sum();
    let mut left = total * shown.min(1.0);
    let mut kept = vec![points[0]];
    for (i, &len) in lengths.iter().enumerate() {
        if left >= len {
            kept.push(points[i + 1]);
            left -= len;
        } else {
            if len > 0.0 {
                kept.push(points[i].lerp(points[i + 1], left / len));
            }
            break;
        }
    }
    Some(polyline_path(&kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_broken_share_matches_what_was_asked() {
        for (seed, share) in [(1, 0.3), (2, 0.05), (3, 0.5), (4, 0.9), (5, 0.12)] {
            let cookie = Cookie::new(&Rng::new(seed), share);
            assert!(
                (cookie.broken_share() - share).abs() < 0.005,
                "asked {share}, got {}",
                cookie.broken_share()
            );
            assert!(!cookie.pieces.is_empty());
            assert!(cookie.body.is_some());
        }
        let all = Cookie::new(&Rng::new(6), 1.0);
        assert_eq!(all.broken_share(), 1.0);
        assert!(all.body.is_none());
        let none = Cookie::new(&Rng::new(7), 0.0);
        assert_eq!(none.broken_share(), 0.0);
        assert!(none.pieces.is_empty());
        assert!(!none.cracks.is_empty());
        let odd = Cookie::new(&Rng::new(8), f64::NAN);
        assert_eq!(odd.broken_share(), 0.0);
    }

    #[test]
    fn pieces_land_on_the_stage() {
        for seed in 0..20 {
            let cookie = Cookie::new(&Rng::new(seed), 0.3);
            for i in 0..cookie.pieces.len() {
                let c = cookie.landed_centre(i).unwrap();
                assert!((80.0..=880.0).contains(&c.x) && (130.0..=500.0).contains(&c.y));
            }
        }
    }

    #[test]
    fn a_crack_can_be_drawn_partway() {
        let line = [
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Point::new(10.0, 10.0),
        ];
        assert_eq!(partial_line(&line, 0.75).as_deref(), Some("M0 0L10 0L10 5"));
        assert_eq!(partial_line(&line, 0.0), None);
    }
}
