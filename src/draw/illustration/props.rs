//! The set and the props around the cookie: wall and floor, sparkles and steam of a fresh
//! cookie, the root-cause flag, crumbs, the "recovered" rosette and the corner labels.

use std::f64::consts::TAU;

use super::cookie::{Crumb, CENTRE};
use super::geometry::{blob_path, curve_path, fmt_num, line_path, polygon_path, Point};
use super::palette::Colour;
use super::scene::{join, Anchor, Node, Paint, Role, Shape, Transform};

/// The stage's width.
pub const WIDTH: f64 = 960.0;
/// The stage's height.
pub const HEIGHT: f64 = 560.0;
/// Where the wall meets the floor.
const HORIZON: f64 = 150.0;

/// Wall, floor with planks, and stars (visible at night only).
pub fn backdrop() -> Node {
    let mut parts = vec![
        Node::path(
            "wall",
            format!("M0 0H{w}V{h}H0Z", w = WIDTH, h = HEIGHT),
            Paint::fill(Colour::Backdrop),
        ),
        Node::path(
            "floor",
            format!(
                "M0 {y}Q{mx} {top} {w} {y}V{h}H0Z",
                y = fmt_num(HORIZON + 18.0),
                mx = fmt_num(WIDTH / 2.0),
                top = fmt_num(HORIZON - 8.0),
                w = WIDTH,
                h = HEIGHT
            ),
            Paint::fill(Colour::Floor),
        ),
    ];
    let vanish = Point::new(WIDTH / 2.0, -700.0);
    for k in 0..13 {
        let bottom = Point::new(-300.0 + k as f64 * 130.0, HEIGHT);
        let top = vanish.lerp(bottom, (HORIZON + 10.0 - vanish.y) / (HEIGHT - vanish.y));
        parts.push(
            Node::path(
                format!("plank-{k}"),
                line_path(top, bottom),
                Paint::stroke(Colour::FloorLine, 2.0),
            )
            .with_opacity(0.7),
        );
    }
    for (k, (x, y, r)) in [
        (60.0, 40.0, 1.6),
        (140.0, 96.0, 1.1),
        (250.0, 30.0, 1.3),
        (360.0, 70.0, 0.9),
        (610.0, 26.0, 1.2),
        (700.0, 80.0, 1.5),
        (905.0, 150.0, 1.1),
        (930.0, 40.0, 1.3),
        (30.0, 128.0, 1.0),
        (520.0, 48.0, 1.0),
    ]
    .iter()
    .enumerate()
    {
        parts.push(Node::circle(
            format!("star-{k}"),
            Point::new(*x, *y),
            *r,
            Paint::fill(Colour::Star),
        ));
    }
    Node::group("backdrop", Role::Backdrop, parts)
}

/// A four-pointed sparkle.
fn sparkle(id: String, at: Point, size: f64) -> Node {
    let s = size;
    let points = [
        Point::new(0.0, -s),
        Point::new(s * 0.22, -s * 0.22),
        Point::new(s, 0.0),
        Point::new(s * 0.22, s * 0.22),
        Point::new(0.0, s),
        Point::new(-s * 0.22, s * 0.22),
        Point::new(-s, 0.0),
        Point::new(-s * 0.22, -s * 0.22),
    ];
    Node::new(
        id,
        Role::Sparkle,
        Shape::Path {
            d: polygon_path(&points.map(|p| p.plus(at))),
            paint: Paint::fill(Colour::Sparkle),
        },
    )
}

/// Sparkles and rising steam: the cookie is fresh and whole (`strength` 0–1 fades them).
pub fn freshness(strength: f64, steam: bool) -> Vec<Node> {
    let mut out: Vec<Node> = [
        (CENTRE.x - 250.0, CENTRE.y - 70.0, 13.0),
        (CENTRE.x + 240.0, CENTRE.y - 88.0, 10.0),
        (CENTRE.x + 268.0, CENTRE.y + 30.0, 7.0),
        (CENTRE.x - 215.0, CENTRE.y + 64.0, 8.0),
        (CENTRE.x + 130.0, CENTRE.y - 132.0, 7.5),
    ]
    .iter()
    .enumerate()
    .map(|(k, &(x, y, s))| {
        sparkle(format!("sparkle-{k}"), Point::new(x, y), s).with_opacity(strength)
    })
    .collect();
    if steam {
        for k in 0..3 {
            let x = CENTRE.x - 60.0 + k as f64 * 55.0;
            let y = CENTRE.y - 60.0 - (k % 2) as f64 * 10.0;
            out.push(
                Node::new(
                    format!("steam-{k}"),
                    Role::Sparkle,
                    Shape::Path {
                        d: format!(
                            "M{x} {y}Q{a} {b} {x} {c}Q{d} {e} {x} {f}",
                            x = fmt_num(x),
                            y = fmt_num(y),
                            a = fmt_num(x - 12.0),
                            b = fmt_num(y - 16.0),
                            c = fmt_num(y - 32.0),
                            d = fmt_num(x + 12.0),
                            e = fmt_num(y - 48.0),
                            f = fmt_num(y - 64.0)
                        ),
                        paint: Paint::stroke(Colour::Steam, 4.0),
                    },
                )
                .with_opacity(0.55 * strength),
            );
        }
    }
    out
}

/// A crumb at `at`.
pub fn crumb(id: String, crumb: &Crumb, at: Point, opacity: f64) -> Node {
    let shape: Vec<Point> = crumb.shape.iter().map(|p| p.plus(at)).collect();
    let under: Vec<Point> = shape.iter().map(|p| p.plus(Point::new(0.0, 2.5))).collect();
    Node::group(
        id.clone(),
        Role::Crumb,
        vec![
            Node::path(
                join(&id, "/under"),
                blob_path(&under),
                Paint::fill(Colour::DoughSide),
            ),
            Node::path(
                join(&id, "/top"),
                blob_path(&shape),
                Paint::both(Colour::Dough, Colour::DoughEdge, 0.7),
            ),
        ],
    )
    .with_opacity(opacity)
}

/// The little flag naming the culprit, stuck in the piece at `at` (`pop` 0–1 grows it in).
pub fn culprit_flag(word: &str, at: Point, pop: f64) -> Node {
    let width = 18.0 + word.chars().count().min(24) as f64 * 7.6;
    let base = Point::new(0.0, 0.0);
    let tip = Point::new(0.0, -96.0);
    Node::group(
        "root-cause-tag",
        Role::RootCauseTag,
        vec![
            Node::path(
                "root-cause-tag/stick",
                line_path(base, tip),
                Paint::stroke(Colour::Toothpick, 3.0),
            ),
            Node::path(
                "root-cause-tag/flag",
                format!(
                    "M0 -96L{w} -96L{n} -83L{w} -70L0 -70Z",
                    w = fmt_num(width),
                    n = fmt_num(width - 8.0)
                ),
                Paint::both(Colour::Tag, Colour::Bug, 2.0),
            ),
            Node::new(
                "root-cause-tag/word",
                Role::Detail,
                Shape::Text {
                    at: Point::new(7.0, -78.0),
                    text: word.to_string(),
                    size: 14.0,
                    weight: 700,
                    anchor: Anchor::Start,
                    paint: Paint::fill(Colour::Label),
                },
            ),
        ],
    )
    .with_transform(Transform {
        translate: at,
        scale: Point::new(pop, pop),
        ..Transform::default()
    })
}

/// The "recovered" rosette with a tick, the recovery time and ribbon tails (`pop` 0–1).
pub fn recovered_mark(clock: &str, pop: f64) -> Node {
    let scallops: Vec<Point> = (0..28)
        .map(|k| Point::polar(k as f64 * TAU / 28.0, if k % 2 == 0 { 50.0 } else { 44.0 }))
        .collect();
    let mut parts = vec![
        Node::path(
            "recovered-mark/tail-l",
            "M-24 30L-40 84L-25 76L-16 90L-4 38Z".to_string(),
            Paint::both(Colour::Ribbon, Colour::Ink, 1.2),
        ),
        Node::path(
            "recovered-mark/tail-r",
            "M24 30L40 84L25 76L16 90L4 38Z".to_string(),
            Paint::both(Colour::Ribbon, Colour::Ink, 1.2),
        ),
        Node::path(
            "recovered-mark/rosette",
            blob_path(&scallops),
            Paint::both(Colour::Badge, Colour::Ink, 1.4),
        ),
        Node::circle(
            "recovered-mark/face",
            Point::default(),
            37.0,
            Paint::both(Colour::BadgeLight, Colour::Ribbon, 2.0),
        ),
        Node::path(
            "recovered-mark/tick",
            "M-15 -8L-5 3L15 -17".to_string(),
            Paint::stroke(Colour::Badge, 7.0),
        ),
        Node::new(
            "recovered-mark/time",
            Role::Detail,
            Shape::Text {
                at: Point::new(0.0, 24.0),
                text: clock.to_string(),
                size: 14.0,
                weight: 700,
                anchor: Anchor::Middle,
                paint: Paint::fill(Colour::Badge),
            },
        ),
        Node::path(
            "recovered-mark/banner",
            "M-62 44L62 44L70 56L62 68L-62 68L-70 56Z".to_string(),
            Paint::both(Colour::Badge, Colour::Ink, 1.4),
        ),
        Node::new(
            "recovered-mark/word",
            Role::Detail,
            Shape::Text {
                at: Point::new(0.0, 61.5),
                text: "RECOVERED".to_string(),
                size: 15.0,
                weight: 800,
                anchor: Anchor::Middle,
                paint: Paint::fill(Colour::BadgeInk),
            },
        ),
    ];
    parts.insert(
        4,
        Node::path(
            "recovered-mark/shine",
            curve_path(
                Point::new(-28.0, -14.0),
                Point::new(-24.0, -28.0),
                Point::new(-10.0, -32.0),
            ),
            Paint::stroke(Colour::BadgeInk, 3.0),
        )
        .with_opacity(0.6),
    );
    Node::group("recovered-mark", Role::RecoveredMark, parts).with_transform(Transform {
        translate: Point::new(838.0, 92.0),
        rotate: -8.0 * pop + 8.0 * (1.0 - pop),
        scale: Point::new(pop, pop),
        ..Transform::default()
    })
}

/// A wall clock showing `minutes` past midnight.
pub fn wall_clock(minutes: f64) -> Node {
    let centre = Point::new(56.0, 62.0);
    let hour_angle = (minutes / 720.0).fract() * TAU - TAU / 4.0;
    let minute_angle = (minutes / 60.0).fract() * TAU - TAU / 4.0;
    let mut parts = vec![Node::circle(
        "wall-clock/rim",
        centre,
        34.0,
        Paint::both(Colour::Mug, Colour::DoughSide, 5.0),
    )];
    for k in 0..12 {
        let a = k as f64 * TAU / 12.0;
        let long = if k % 3 == 0 { 7.0 } else { 4.0 };
        parts.push(Node::path(
            format!("wall-clock/tick-{k}"),
            line_path(
                centre.plus(Point::polar(a, 27.0 - long)),
                centre.plus(Point::polar(a, 27.0)),
            ),
            Paint::stroke(Colour::Caption, if k % 3 == 0 { 2.2 } else { 1.2 }),
        ));
    }
    parts.push(Node::path(
        "wall-clock/hour",
        line_path(centre, centre.plus(Point::polar(hour_angle, 15.0))),
        Paint::stroke(Colour::Ink, 3.6),
    ));
    parts.push(Node::path(
        "wall-clock/minute",
        line_path(centre, centre.plus(Point::polar(minute_angle, 23.0))),
        Paint::stroke(Colour::Ink, 2.2),
    ));
    parts.push(Node::circle(
        "wall-clock/pin",
        centre,
        2.6,
        Paint::fill(Colour::Bug),
    ));
    Node::group("wall-clock", Role::Detail, parts)
}

/// The clock and chapter in the top-left corner, and the incident's title along the bottom.
pub fn labels(clock: &str, chapter: &str, title: &str) -> Vec<Node> {
    let title: String = if title.chars().count() > 70 {
        title.chars().take(69).chain(['…']).collect()
    } else {
        title.to_string()
    };
    let text = |id: &str, at: Point, text: String, size: f64, weight: u16| {
        Node::new(
            id,
            Role::Detail,
            Shape::Text {
                at,
                text,
                size,
                weight,
                anchor: Anchor::Start,
                paint: Paint::fill(Colour::Caption),
            },
        )
    };
    let mut out = Vec::new();
    if !clock.is_empty() {
        out.push(text(
            "clock",
            Point::new(104.0, 58.0),
            clock.to_string(),
            26.0,
            700,
        ));
    }
    let chapter_at = if clock.is_empty() {
        Point::new(24.0, 44.0)
    } else {
        Point::new(104.0, 82.0)
    };
    out.push(text("chapter", chapter_at, chapter.to_string(), 15.0, 500));
    if !title.is_empty() {
        out.push(text(
            "title",
            Point::new(24.0, HEIGHT - 18.0),
            title,
            13.0,
            500,
        ));
    }
    out
}
