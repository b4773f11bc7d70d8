//! The scene model: a tree of shapes (paths, ellipses, text, groups with transforms and
//! clips), each with a stable id and a role, that the page renders as SVG elements and the
//! export serialises to an SVG file.

use super::geometry::{fmt_num, Point};
use super::palette::Colour;

/// What a shape stands for; the page exposes it as `data-role` so tests and styles can find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The wall and floor behind everything.
    Backdrop,
    /// The cookie as a whole (its body and the pieces still in place).
    Cookie,
    /// A piece that breaks off.
    Piece,
    /// A crack line through the cookie.
    Crack,
    /// A golden repair seam along a healed crack.
    Seam,
    /// A crumb on the floor.
    Crumb,
    /// One engineer.
    Engineer,
    /// The tool an engineer carries.
    Tool,
    /// The flag naming the root cause, stuck in the culprit piece.
    RootCauseTag,
    /// The "recovered" rosette.
    RecoveredMark,
    /// A software bug crawling on the cookie.
    Bug,
    /// Sparkles and steam of a fresh, whole cookie.
    Sparkle,
    /// Any other detail (eyes, shading, chips).
    Detail,
}

impl Role {
    /// Its name in `data-role`, or `None` for plain details.
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Role::Backdrop => "backdrop",
            Role::Cookie => "cookie",
            Role::Piece => "piece",
            Role::Crack => "crack",
            Role::Seam => "seam",
            Role::Crumb => "crumb",
            Role::Engineer => "engineer",
            Role::Tool => "tool",
            Role::RootCauseTag => "root-cause-tag",
            Role::RecoveredMark => "recovered-mark",
            Role::Bug => "bug",
            Role::Sparkle => "sparkle",
            Role::Detail => return None,
        })
    }
}

/// Fill and stroke of a shape.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Paint {
    /// The fill colour; `None` leaves the inside empty.
    pub fill: Option<Colour>,
    /// The stroke colour; `None` draws no outline.
    pub stroke: Option<Colour>,
    /// Stroke width in pixels.
    pub width: f64,
}

impl Paint {
    /// Filled, no outline.
    pub fn fill(colour: Colour) -> Paint {
        Paint {
            fill: Some(colour),
            stroke: None,
            width: 0.0,
        }
    }

    /// Outlined, not filled.
    pub fn stroke(colour: Colour, width: f64) -> Paint {
        Paint {
            fill: None,
            stroke: Some(colour),
            width,
        }
    }

    /// Filled and outlined.
    pub fn both(fill: Colour, stroke: Colour, width: f64) -> Paint {
        Paint {
            fill: Some(fill),
            stroke: Some(stroke),
            width,
        }
    }

    /// The CSS classes the page paints it with, e.g. `f-dough s-ink`.
    pub fn classes(&self) -> String {
        let mut out = String::new();
        if let Some(fill) = self.fill {
            out.push_str("f-");
            out.push_str(fill.name());
        }
        if let Some(stroke) = self.stroke {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str("s-");
            out.push_str(stroke.name());
        }
        out
    }
}

/// Where a text is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// At its start.
    Start,
    /// At its middle.
    Middle,
}

impl Anchor {
    /// The `text-anchor` value.
    pub fn name(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
        }
    }
}

/// A move, turn and resize applied to a shape (in that order, outermost first).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    /// Moved by.
    pub translate: Point,
    /// Turned by, in degrees clockwise, about `pivot`.
    pub rotate: f64,
    /// The point it turns and scales about.
    pub pivot: Point,
    /// Scaled by (negative x mirrors).
    pub scale: Point,
}

impl Default for Transform {
    fn default() -> Transform {
        Transform {
            translate: Point::default(),
            rotate: 0.0,
            pivot: Point::default(),
            scale: Point::new(1.0, 1.0),
        }
    }
}

impl Transform {
    /// A plain move.
    pub fn moved(by: Point) -> Transform {
        Transform {
            translate: by,
            ..Transform::default()
        }
    }

    /// True when it changes nothing.
    pub fn is_identity(&self) -> bool {
        self.translate == Point::default()
            && self.rotate == 0.0
            && self.scale == Point::new(1.0, 1.0)
    }

    /// The SVG `transform` attribute, or `None` when it changes nothing.
    pub fn to_attribute(&self) -> Option<String> {
        if self.is_identity() {
            return None;
        }
        let mut parts = Vec::new();
        let moved = self.translate.plus(self.pivot);
        if moved != Point::default() {
            parts.push(format!(
                "translate({} {})",
                fmt_num(moved.x),
                fmt_num(moved.y)
            ));
        }
        if self.rotate != 0.0 {
            parts.push(format!("rotate({})", fmt_num(self.rotate)));
        }
        if self.scale != Point::new(1.0, 1.0) {
            parts.push(format!(
                "scale({} {})",
                trim3(self.scale.x),
                trim3(self.scale.y)
            ));
        }
        if self.pivot != Point::default() {
            parts.push(format!(
                "translate({} {})",
                fmt_num(-self.pivot.x),
                fmt_num(-self.pivot.y)
            ));
        }
        Some(parts.join(" "))
    }
}

/// A scale factor with up to three decimals.
fn trim3(value: f64) -> String {
    let text = format!("{:.3}", value);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// What a node draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// Children drawn in order.
    Group(Vec<Node>),
    /// Children drawn in order, clipped to the path `clip` (SVG path data).
    Clipped {
        /// The clip outline.
        clip: String,
        /// What is clipped.
        children: Vec<Node>,
    },
    /// An SVG path.
    Path {
        /// Path data.
        d: String,
        /// Its paint.
        paint: Paint,
    },
    /// An ellipse (a circle when both radii agree).
    Ellipse {
        /// Its centre.
        centre: Point,
        /// Horizontal radius.
        rx: f64,
        /// Vertical radius.
        ry: f64,
        /// Its paint.
        paint: Paint,
    },
    /// A line of text (untrusted text is fine: every output escapes it).
    Text {
        /// Where it is anchored (on the baseline).
        at: Point,
        /// The words.
        text: String,
        /// Font size in pixels.
        size: f64,
        /// Font weight (400 regular, 700 bold).
        weight: u16,
        /// Where `at` is along the text.
        anchor: Anchor,
        /// Its paint.
        paint: Paint,
    },
}

/// One shape of the scene, with a stable id.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Stable within a scene, e.g. `engineer-3` or `piece-2/top`; clip ids derive from it.
    pub id: String,
    /// What it stands for.
    pub role: Role,
    /// How it is placed.
    pub transform: Transform,
    /// 1 is opaque.
    pub opacity: f64,
    /// What it draws.
    pub shape: Shape,
}

impl Node {
    /// A node with no transform, fully opaque.
    pub fn new(id: impl Into<String>, role: Role, shape: Shape) -> Node {
        Node {
            id: id.into(),
            role,
            transform: Transform::default(),
            opacity: 1.0,
            shape,
        }
    }

    /// A group of `children`.
    pub fn group(id: impl Into<String>, role: Role, children: Vec<Node>) -> Node {
        Node::new(id, role, Shape::Group(children))
    }

    /// A detail path.
    pub fn path(id: impl Into<String>, d: String, paint: Paint) -> Node {
        Node::new(id, Role::Detail, Shape::Path { d, paint })
    }

    /// A detail ellipse.
    pub fn ellipse(id: impl Into<String>, centre: Point, rx: f64, ry: f64, paint: Paint) -> Node {
        Node::new(
            id,
            Role::Detail,
            Shape::Ellipse {
                centre,
                rx,
                ry,
                paint,
            },
        )
    }

    /// A detail circle.
    pub fn circle(id: impl Into<String>, centre: Point, r: f64, paint: Paint) -> Node {
        Node::ellipse(id, centre, r, r, paint)
    }

    /// The same node with another role.
    pub fn with_role(mut self, role: Role) -> Node {
        self.role = role;
        self
    }

    /// The same node placed by `transform`.
    pub fn with_transform(mut self, transform: Transform) -> Node {
        self.transform = transform;
        self
    }

    /// The same node at `opacity`.
    pub fn with_opacity(mut self, opacity: f64) -> Node {
        self.opacity = opacity.clamp(0.0, 1.0);
        self
    }

    /// Its children (none for a leaf).
    pub fn children(&self) -> &[Node] {
        match &self.shape {
            Shape::Group(children) | Shape::Clipped { children, .. } => children,
            _ => &[],
        }
    }

    /// Calls `visit` on this node and every descendant, depth first.
    pub fn walk<'a>(&'a self, visit: &mut impl FnMut(&'a Node)) {
        visit(self);
        for child in self.children() {
            child.walk(visit);
        }
    }
}

/// What the scene is showing at its moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Before the impact began: a whole, fresh cookie.
    Whole,
    /// The outage: cracks spread and pieces break off while the engineers investigate.
    Crumbling,
    /// The root cause is known: the engineers gather at the culprit piece.
    RootCauseFound,
    /// Mitigated: the pieces go back and the cracks are sealed.
    Mending,
    /// Resolved: the cookie is mended and marked "recovered".
    Recovered,
}

impl Stage {
    /// Its name in `data-stage`.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Whole => "whole",
            Stage::Crumbling => "crumbling",
            Stage::RootCauseFound => "root-cause-found",
            Stage::Mending => "mending",
            Stage::Recovered => "recovered",
        }
    }
}

/// The whole picture at one moment of the incident.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width of the stage in pixels (the SVG `viewBox`).
    pub width: f64,
    /// Height of the stage in pixels.
    pub height: f64,
    /// The text alternative's statement of the data ("30% of the cookie crumbled: ...").
    pub title: String,
    /// What the picture shows at this moment.
    pub description: String,
    /// The stage of the story it shows.
    pub stage: Stage,
    /// Share of the cookie's area broken off at this moment (0–1).
    pub crumbled_share: f64,
    /// The shapes, back to front.
    pub nodes: Vec<Node>,
}

impl Scene {
    /// Every node with `role`, depth first.
    pub fn with_role(&self, role: Role) -> Vec<&Node> {
        let mut found = Vec::new();
        for node in &self.nodes {
            node.walk(&mut |n| {
                if n.role == role {
                    found.push(n);
                }
            });
        }
        found
    }

    /// The node with `id`, if any.
    pub fn find(&self, id: &str) -> Option<&Node> {
        let mut found = None;
        for node in &self.nodes {
            node.walk(&mut |n| {
                if found.is_none() && n.id == id {
                    found = Some(n);
                }
            });
        }
        found
    }
}

/// A child's id: `id` followed by `suffix` (e.g. `engineer-3` + `/head`).
pub fn join(id: &str, suffix: &str) -> String {
    let mut out = String::with_capacity(id.len() + suffix.len());
    out.push_str(id);
    out.push_str(suffix);
    out
}

/// The clip id a clipped node with `id` uses: letters, digits and `-` only.
pub fn clip_id(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("ci-clip-{safe}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transforms_turn_about_their_pivot() {
        let t = Transform {
            translate: Point::new(10.0, 0.0),
            rotate: 30.0,
            pivot: Point::new(5.0, 5.0),
            scale: Point::new(-1.0, 1.0),
        };
        assert_eq!(
            t.to_attribute().as_deref(),
            Some("translate(15 5) rotate(30) scale(-1 1) translate(-5 -5)")
        );
        assert_eq!(Transform::default().to_attribute(), None);
        assert_eq!(clip_id("piece-2/top"), "ci-clip-piece-2-top");
    }
}
