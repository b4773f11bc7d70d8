//! A tiny engineer: head, hair or hard hat, face, shirt, arms and legs, and the tool they carry
//! (a bug net, a laptop with a bug on screen, or a magnifying glass), drawn in a pose.

use super::geometry::{curve_path, line_path, polygon_path, Point};
use super::palette::Colour;
use super::random::Rng;
use super::scene::{join, Node, Paint, Role, Transform};

/// What an engineer carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// A butterfly net, for catching bugs.
    Net,
    /// A laptop with a debugger open (a bug on screen).
    Laptop,
    /// A magnifying glass.
    Magnifier,
}

impl Tool {
    /// Its name, for ids.
    pub fn name(self) -> &'static str {
        match self {
            Tool::Net => "net",
            Tool::Laptop => "laptop",
            Tool::Magnifier => "magnifier",
        }
    }
}

/// What is on an engineer's head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hair {
    /// Short hair with a fringe.
    Short,
    /// Hair in a bun.
    Bun,
    /// Curls.
    Curly,
    /// A yellow hard hat.
    HardHat,
    /// A woolly hat with a pompom.
    Beanie,
}

/// How one engineer looks, chosen once from the seed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// Skin tone.
    pub skin: Colour,
    /// Shirt colour.
    pub shirt: Colour,
    /// Hair colour.
    pub hair_colour: Colour,
    /// Hair style or hat.
    pub hair: Hair,
    /// What they carry.
    pub tool: Tool,
    /// Relative height.
    pub height: f64,
}

const SKINS: [Colour; 4] = [Colour::Skin1, Colour::Skin2, Colour::Skin3, Colour::Skin4];
const SHIRTS: [Colour; 5] = [
    Colour::Shirt1,
    Colour::Shirt2,
    Colour::Shirt3,
    Colour::Shirt4,
    Colour::Shirt5,
];
const HAIRS: [Colour; 4] = [Colour::Hair1, Colour::Hair2, Colour::Hair3, Colour::Hair4];
const STYLES: [Hair; 5] = [
    Hair::Short,
    Hair::Bun,
    Hair::Curly,
    Hair::HardHat,
    Hair::Beanie,
];
const TOOLS: [Tool; 3] = [Tool::Magnifier, Tool::Net, Tool::Laptop];

impl Look {
    /// The looks of a crew of `count`: every tool appears once the crew has three, shirts
    /// and hats vary.
    pub fn crew(rng: &mut Rng, count: usize) -> Vec<Look> {
        let tool_turn = rng.index(3);
        let shirt_turn = rng.index(SHIRTS.len());
        (0..count)
            .map(|i| Look {
                skin: SKINS[rng.index(SKINS.len())],
                shirt: SHIRTS[(shirt_turn + i * 2) % SHIRTS.len()],
                hair_colour: HAIRS[rng.index(HAIRS.len())],
                hair: STYLES[rng.index(STYLES.len())],
                tool: TOOLS[(tool_turn + i) % TOOLS.len()],
                height: rng.range(0.93, 1.07),
            })
            .collect()
    }
}

/// What an engineer is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    /// Sipping coffee, before anything went wrong.
    Relax,
    /// Scurrying somewhere.
    Walk,
    /// Using their tool on what is in front of them.
    Inspect,
    /// Piping golden icing into the cracks.
    Mend,
    /// Arms up: it is fixed.
    Cheer,
}

/// The face they pull.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mood {
    /// A small smile.
    Calm,
    /// A worried frown.
    Worried,
    /// An "o" of discovery.
    Surprised,
    /// Concentrating.
    Focused,
    /// A big open smile.
    Happy,
}

/// Where and how an engineer is drawn at one moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    /// Where their feet touch the floor (or the cookie).
    pub feet: Point,
    /// 1 facing right, -1 facing left.
    pub facing: f64,
    /// Looking at the viewer (cheering) rather than sideways.
    pub front: bool,
    /// What they are doing.
    pub activity: Activity,
    /// Walking phase in radians (legs and arms swing with it).
    pub stride: f64,
    /// How high they are in a hop, in pixels.
    pub lift: f64,
    /// Their face.
    pub mood: Mood,
    /// Overall size.
    pub scale: f64,
    /// A bug is caught in their net.
    pub caught_bug: bool,
}

fn ink(width: f64) -> Paint {
    Paint::stroke(Colour::Ink, width)
}

/// A bug (the software kind, drawn as a ladybird): `size` is its body's half-length.
pub fn bug(id: &str, at: Point, size: f64, turn: f64) -> Node {
    let s = size;
    let mut parts = Vec::new();
    for side in [-1.0, 1.0] {
        for k in 0..3 {
            let y = (k as f64 - 1.0) * s * 0.6;
            parts.push(Node::path(
                format!("{id}/leg-{k}-{side}"),
                line_path(
                    Point::new(side * s * 0.5, y),
                    Point::new(side * s * 1.25, y + (k as f64 - 1.0) * s * 0.3),
                ),
                ink(s * 0.22),
            ));
        }
    }
    parts.push(Node::circle(
        join(id, "/head"),
        Point::new(0.0, -s * 0.95),
        s * 0.5,
        Paint::fill(Colour::Ink),
    ));
    parts.push(Node::ellipse(
        join(id, "/shell"),
        Point::default(),
        s * 0.78,
        s,
        Paint::both(Colour::Bug, Colour::Ink, s * 0.15),
    ));
    parts.push(Node::path(
        join(id, "/split"),
        line_path(Point::new(0.0, -s * 0.9), Point::new(0.0, s * 0.95)),
        ink(s * 0.14),
    ));
    for (k, (x, y)) in [(-0.38, -0.3), (0.38, -0.25), (-0.32, 0.4), (0.35, 0.45)]
        .iter()
        .enumerate()
    {
        parts.push(Node::circle(
            format!("{id}/spot-{k}"),
            Point::new(x * s, y * s),
            s * 0.16,
            Paint::fill(Colour::Ink),
        ));
    }
    Node::group(id.to_string(), Role::Bug, parts).with_transform(Transform {
        translate: at,
        rotate: turn,
        ..Transform::default()
    })
}

/// The tool in the front hand, in the hand's frame (grip at the origin, pointing along +x).
fn tool(id: &str, look: &Look, pose: &Pose) -> Node {
    let parts = match look.tool {
        Tool::Magnifier => vec![
            Node::path(
                join(id, "/handle"),
                line_path(Point::new(-2.0, 0.0), Point::new(6.5, 0.0)),
                Paint::stroke(Colour::Pole, 3.2),
            ),
            Node::circle(
                join(id, "/lens"),
                Point::new(14.0, 0.0),
                7.2,
                Paint::both(Colour::Lens, Colour::Metal, 2.2),
            )
            .with_opacity(0.92),
            Node::path(
                join(id, "/shine"),
                curve_path(
                    Point::new(10.0, -3.5),
                    Point::new(12.5, -5.5),
                    Point::new(16.0, -4.5),
                ),
                Paint::stroke(Colour::Net, 1.4),
            ),
        ],
        Tool::Net => {
            let mut parts = vec![
                Node::path(
                    join(id, "/pole"),
                    line_path(Point::new(-12.0, 0.0), Point::new(30.0, 0.0)),
                    Paint::stroke(Colour::Pole, 2.2),
                ),
                Node::path(
                    join(id, "/bag"),
                    "M37 -9Q52 -8 53 4Q50 11 37 9Z".to_string(),
                    Paint::both(Colour::Net, Colour::Metal, 0.8),
                )
                .with_opacity(0.6),
            ];
            if pose.caught_bug {
                let caught = bug(&join(id, "/catch"), Point::new(45.0, 2.0), 3.6, 70.0);
                parts.push(caught.with_role(Role::Detail));
            }
            parts.push(Node::path(
                join(id, "/mesh"),
                "M40 -8Q43 0 40 8M44 -7Q48 1 44 8M48 -5Q51 1 48 6".to_string(),
                Paint::stroke(Colour::Metal, 0.5),
            ));
            parts.push(Node::ellipse(
                join(id, "/hoop"),
                Point::new(37.0, 0.0),
                3.0,
                9.0,
                Paint::stroke(Colour::Metal, 1.8),
            ));
            parts
        }
        Tool::Laptop => vec![
            Node::path(
                join(id, "/lid"),
                polygon_path(&[
                    Point::new(-3.0, -1.0),
                    Point::new(15.0, -1.0),
                    Point::new(16.5, -14.0),
                    Point::new(-1.5, -14.0),
                ]),
                Paint::both(Colour::Laptop, Colour::Ink, 1.0),
            ),
            Node::path(
                join(id, "/screen"),
                polygon_path(&[
                    Point::new(-1.0, -2.8),
                    Point::new(13.0, -2.8),
                    Point::new(14.3, -12.3),
                    Point::new(0.3, -12.3),
                ]),
                Paint::fill(Colour::Screen),
            ),
            bug(&join(id, "/bug"), Point::new(6.8, -7.4), 2.6, 20.0).with_role(Role::Detail),
            Node::path(
                join(id, "/code"),
                "M1.5 -10.5L4 -10.5M1.2 -8.5L3.2 -8.5M10 -5L12.2 -5".to_string(),
                Paint::stroke(Colour::Lens, 0.8),
            ),
            Node::path(
                join(id, "/base"),
                polygon_path(&[
                    Point::new(-5.0, -1.0),
                    Point::new(17.0, -1.0),
                    Point::new(19.0, 1.6),
                    Point::new(-6.0, 1.6),
                ]),
                Paint::both(Colour::Laptop, Colour::Ink, 1.0),
            ),
        ],
    };
    Node::group(id.to_string(), Role::Tool, parts)
}

/// The piping bag of golden icing used while mending, in the hand's frame.
fn piping_bag(id: &str) -> Node {
    Node::group(
        id.to_string(),
        Role::Tool,
        vec![
            Node::path(
                join(id, "/cone"),
                "M-5 -5L5 -6L11 10L8 11Z".to_string(),
                Paint::both(Colour::GoldLight, Colour::Gold, 1.2),
            ),
            Node::circle(
                join(id, "/drop"),
                Point::new(10.5, 14.0),
                1.8,
                Paint::fill(Colour::Gold),
            ),
        ],
    )
}

/// A steaming mug, in the hand's frame.
fn mug(id: &str) -> Node {
    Node::group(
        id.to_string(),
        Role::Detail,
        vec![
            Node::path(
                join(id, "/cup"),
                "M-3 -6L5 -6L4.5 2Q4.5 3 3.5 3L-2 3Q-3 3 -3 2Z".to_string(),
                Paint::both(Colour::Mug, Colour::Ink, 1.0),
            ),
            Node::path(
                join(id, "/handle"),
                "M5 -4Q8 -3.5 7.5 -1Q7 1 4.7 0.5".to_string(),
                ink(1.0),
            ),
            Node::path(
                join(id, "/steam"),
                "M0 -9Q-2 -12 0 -14Q2 -16 0 -19M3 -9Q1.5 -11.5 3 -13.5".to_string(),
                Paint::stroke(Colour::Steam, 1.2),
            ),
        ],
    )
}

fn arm(id: &str, look: &Look, shoulder: Point, hand: Point) -> Vec<Node> {
    let mid = shoulder.lerp(hand, 0.5);
    let bend = Point::new(mid.x - 2.0, mid.y + 3.0);
    let d = curve_path(shoulder, bend, hand);
    vec![
        Node::path(join(id, "-outline"), d.clone(), ink(5.6)),
        Node::path(join(id, "-sleeve"), d, Paint::stroke(look.shirt, 3.6)),
        Node::circle(
            join(id, "-hand"),
            hand,
            2.4,
            Paint::both(look.skin, Colour::Ink, 0.9),
        ),
    ]
}

fn leg(id: &str, hip: Point, swing: f64) -> Vec<Node> {
    let foot = hip.plus(Point::new(swing.sin() * 18.0, swing.cos() * 18.0));
    vec![
        Node::path(join(id, "-outline"), line_path(hip, foot), ink(6.8)),
        Node::path(
            join(id, "-trouser"),
            line_path(hip, foot),
            Paint::stroke(Colour::Pants, 4.8),
        ),
        Node::ellipse(
            join(id, "-shoe"),
            foot.plus(Point::new(2.0, 0.2)),
            4.3,
            2.5,
            Paint::fill(Colour::Shoe),
        ),
    ]
}

fn hair(id: &str, look: &Look) -> Vec<Node> {
    let colour = look.hair_colour;
    let cap = "M-8.7 -46.5Q-9.8 -58.8 1 -58.4Q11.2 -58.6 10.6 -47.8Q7 -53.6 1.5 -53Q-4.5 -52.6 -8.7 -46.5Z";
    match look.hair {
        Hair::Short => vec![Node::path(
            join(id, "/hair"),
            cap.to_string(),
            Paint::both(colour, Colour::Ink, 1.0),
        )],
        Hair::Bun => vec![
            Node::circle(
                join(id, "/bun"),
                Point::new(-5.5, -58.0),
                4.2,
                Paint::both(colour, Colour::Ink, 1.0),
            ),
            Node::path(
                join(id, "/hair"),
                cap.to_string(),
                Paint::both(colour, Colour::Ink, 1.0),
            ),
        ],
        Hair::Curly => [
            (-8.0, -51.0),
            (-6.0, -56.0),
            (-1.0, -58.8),
            (4.5, -58.5),
            (9.0, -55.0),
            (-9.6, -46.0),
        ]
        .iter()
        .enumerate()
        .map(|(k, &(x, y))| {
            Node::circle(
                format!("{id}/curl-{k}"),
                Point::new(x, y),
                3.8,
                Paint::both(colour, Colour::Ink, 0.8),
            )
        })
        .collect(),
        Hair::HardHat => vec![
            Node::path(
                join(id, "/hat"),
                "M-9.4 -52Q-9.4 -63.5 1.2 -63.5Q11.8 -63.5 11.8 -52Z".to_string(),
                Paint::both(Colour::Helmet, Colour::Ink, 1.0),
            ),
            Node::path(
                join(id, "/ridge"),
                "M1.2 -63.5L1.2 -55".to_string(),
                Paint::stroke(Colour::Ink, 0.8),
            )
            .with_opacity(0.35),
            Node::path(
                join(id, "/brim"),
                "M-11 -52L15 -52".to_string(),
                Paint::stroke(Colour::Ink, 4.2),
            ),
            Node::path(
                join(id, "/brim-fill"),
                "M-11 -52L15 -52".to_string(),
                Paint::stroke(Colour::Helmet, 2.4),
            ),
        ],
        Hair::Beanie => vec![
            Node::path(
                join(id, "/beanie"),
                "M-9.2 -53Q-9.5 -64 1 -64Q11.5 -64 11.2 -53Z".to_string(),
                Paint::both(Colour::Bug, Colour::Ink, 1.0),
            ),
            Node::path(
                join(id, "/fold"),
                "M-9.8 -54.5L11.8 -54.5L11.8 -51.2L-9.8 -51.2Z".to_string(),
                Paint::both(Colour::Mug, Colour::Ink, 1.0),
            ),
            Node::circle(
                join(id, "/pompom"),
                Point::new(1.0, -65.5),
                2.8,
                Paint::both(Colour::Mug, Colour::Ink, 0.9),
            ),
        ],
    }
}

fn face(id: &str, pose: &Pose) -> Vec<Node> {
    let shift = if pose.front { 0.0 } else { 2.6 };
    let eye_y = -48.2;
    let mut parts = vec![
        Node::circle(
            join(id, "/eye-l"),
            Point::new(-2.4 + shift, eye_y),
            1.3,
            Paint::fill(Colour::Ink),
        ),
        Node::circle(
            join(id, "/eye-r"),
            Point::new(4.4 + shift, eye_y),
            1.3,
            Paint::fill(Colour::Ink),
        ),
        Node::circle(
            join(id, "/blush-l"),
            Point::new(-4.4 + shift, -44.8),
            1.7,
            Paint::fill(Colour::Blush),
        )
        .with_opacity(0.55),
        Node::circle(
            join(id, "/blush-r"),
            Point::new(6.6 + shift, -44.8),
            1.7,
            Paint::fill(Colour::Blush),
        )
        .with_opacity(0.55),
    ];
    let x = 1.0 + shift;
    let mouth = match pose.mood {
        Mood::Calm => Node::path(
            join(id, "/mouth"),
            curve_path(
                Point::new(x - 2.2, -44.2),
                Point::new(x, -42.2),
                Point::new(x + 2.2, -44.2),
            ),
            ink(1.1),
        ),
        Mood::Worried => Node::path(
            join(id, "/mouth"),
            curve_path(
                Point::new(x - 2.2, -42.6),
                Point::new(x, -44.4),
                Point::new(x + 2.2, -42.6),
            ),
            ink(1.1),
        ),
        Mood::Surprised => Node::ellipse(
            join(id, "/mouth"),
            Point::new(x, -43.2),
            1.3,
            1.7,
            Paint::fill(Colour::Ink),
        ),
        Mood::Focused => Node::path(
            join(id, "/mouth"),
            line_path(Point::new(x - 1.6, -43.4), Point::new(x + 1.8, -43.8)),
            ink(1.1),
        ),
        Mood::Happy => Node::path(
            join(id, "/mouth"),
            format!("M{} -44.6Q{} -39.6 {} -44.6Z", x - 3.0, x, x + 3.0),
            Paint::both(Colour::Ink, Colour::Ink, 0.8),
        ),
    };
    parts.push(mouth);
    parts
}

/// An engineer drawn in `pose`; its id is `id` and its role [`Role::Engineer`].
pub fn engineer(id: &str, look: &Look, pose: &Pose) -> Node {
    let swing = if pose.activity == Activity::Walk {
        pose.stride.sin() * 0.5
    } else {
        0.0
    };
    let bob = if pose.activity == Activity::Walk {
        -pose.stride.sin().abs() * 1.6
    } else {
        0.0
    };
    let (front_hand, back_hand, tool_turn) = match (pose.activity, look.tool) {
        (Activity::Relax, _) => (Point::new(9.0, -27.0), Point::new(-8.0, -20.0), 0.0),
        (Activity::Walk, Tool::Laptop) => (Point::new(10.0, -27.0), Point::new(5.0, -27.5), 0.0),
        (Activity::Walk, Tool::Net) => (
            Point::new(8.0 + swing * 4.0, -27.0),
            Point::new(-3.0 - swing * 8.0, -21.0),
            -50.0,
        ),
        (Activity::Walk, Tool::Magnifier) => (
            Point::new(9.0 + swing * 4.0, -26.0),
            Point::new(-3.0 - swing * 8.0, -21.0),
            -20.0,
        ),
        (Activity::Inspect, Tool::Magnifier) => {
            (Point::new(13.0, -25.0), Point::new(-9.0, -24.0), 28.0)
        }
        (Activity::Inspect, Tool::Net) => (Point::new(9.0, -31.0), Point::new(3.0, -24.0), -55.0),
        (Activity::Inspect, Tool::Laptop) => (Point::new(10.5, -28.0), Point::new(4.5, -28.5), 0.0),
        (Activity::Mend, _) => (Point::new(12.0, -30.0), Point::new(7.0, -34.0), 0.0),
        (Activity::Cheer, _) => (Point::new(12.0, -58.0), Point::new(-10.0, -57.0), -70.0),
    };
    let carried = match pose.activity {
        Activity::Relax => mug(&join(id, "/mug")),
        Activity::Mend => piping_bag(&join(id, "/icing")),
        _ => tool(&format!("{id}/{}", look.tool.name()), look, pose),
    };
    let tool_turn = if look.tool == Tool::Laptop && pose.activity == Activity::Cheer {
        -20.0
    } else {
        tool_turn
    };

    let mut body = Vec::new();
    body.extend(leg(&join(id, "/leg-back"), Point::new(-2.6, -19.0), -swing));
    body.extend(leg(&join(id, "/leg-front"), Point::new(2.6, -19.0), swing));
    body.extend(arm(
        &join(id, "/arm-back"),
        look,
        Point::new(-5.0, -35.0),
        back_hand,
    ));
    body.push(Node::path(
        join(id, "/torso"),
        "M-7.6 -36.5Q-7.8 -39.2 -4.6 -39.2L5.4 -39.2Q8.6 -39.2 8.4 -36.5L8.8 -18Q8.8 -15.6 6.3 -15.6L-6 -15.6Q-8.4 -15.6 -8.4 -18Z"
            .to_string(),
        Paint::both(look.shirt, Colour::Ink, 1.2),
    ));
    body.push(Node::path(
        join(id, "/collar"),
        "M-2.5 -39L0.6 -35.8L3.8 -39".to_string(),
        ink(1.0),
    ));
    body.push(Node::circle(
        join(id, "/head"),
        Point::new(1.0, -48.0),
        9.6,
        Paint::both(look.skin, Colour::Ink, 1.2),
    ));
    body.extend(face(id, pose));
    body.extend(hair(id, look));
    body.extend(arm(
        &join(id, "/arm-front"),
        look,
        Point::new(6.0, -35.0),
        front_hand,
    ));
    body.push(carried.with_transform(Transform {
        translate: front_hand,
        rotate: tool_turn,
        ..Transform::default()
    }));

    let scale = pose.scale * look.height;
    Node::group(
        id.to_string(),
        Role::Engineer,
        vec![
            Node::ellipse(
                join(id, "/shadow"),
                Point::default(),
                12.0 - pose.lift.min(30.0) * 0.15,
                3.2,
                Paint::fill(Colour::Shadow),
            )
            .with_opacity(0.28),
            Node::group(join(id, "/figure"), Role::Detail, body).with_transform(Transform {
                translate: Point::new(0.0, bob - pose.lift),
                scale: Point::new(if pose.facing < 0.0 { -1.0 } else { 1.0 }, 1.0),
                ..Transform::default()
            }),
        ],
    )
    .with_transform(Transform {
        translate: pose.feet,
        scale: Point::new(scale, scale),
        ..Transform::default()
    })
}
