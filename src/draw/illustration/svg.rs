//! The scene as a standalone SVG file (for "Download SVG", and drawn onto a canvas for PNG):
//! colours written inline for one theme, every text and attribute escaped.

use std::fmt::Write;

use super::geometry::fmt_num;
use super::palette::Theme;
use super::scene::{clip_id, Node, Paint, Scene, Shape};
use crate::draw::xml::escape_xml;

/// The fonts the scene's texts ask for.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/// The whole scene as an SVG document in `theme`'s colours.
pub fn to_svg(scene: &Scene, theme: Theme) -> String {
    to_svg_with_ids(scene, theme, "")
}

/// [`to_svg`] with every `id` (and every reference to one) starting with `id_prefix`, so that
/// several copies of the picture can sit in one HTML page (the report's light and dark ones)
/// without their clip paths and titles colliding.
pub fn to_svg_with_ids(scene: &Scene, theme: Theme, id_prefix: &str) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let (w, h) = (fmt_num(scene.width), fmt_num(scene.height));
    let prefix = escape_xml(id_prefix);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{prefix}ci-title {prefix}ci-desc\">\
         <title id=\"{prefix}ci-title\">{}</title><desc id=\"{prefix}ci-desc\">{}</desc>\
         <g stroke-linecap=\"round\" stroke-linejoin=\"round\" font-family=\"{}\">",
        escape_xml(&scene.title),
        escape_xml(&scene.description),
        escape_xml(FONT_FAMILY),
    );
    let writer = Writer {
        theme,
        prefix: &prefix,
    };
    for node in &scene.nodes {
        writer.node(&mut out, node);
    }
    out.push_str("</g></svg>");
    out
}

/// What every node is written with: the theme's colours and the id prefix (escaped).
struct Writer<'a> {
    theme: Theme,
    prefix: &'a str,
}

fn write_common(out: &mut String, node: &Node) {
    if let Some(role) = node.role.name() {
        let _ = write!(out, " data-role=\"{}\"", escape_xml(role));
    }
    if let Some(transform) = node.transform.to_attribute() {
        let _ = write!(out, " transform=\"{}\"", escape_xml(&transform));
    }
    if let Some(opacity) = opacity_attribute(node.opacity) {
        let _ = write!(out, " opacity=\"{opacity}\"");
    }
}

/// The `opacity` attribute for `value`, or `None` when it is opaque.
pub fn opacity_attribute(value: f64) -> Option<String> {
    if value >= 1.0 {
        return None;
    }
    let text = format!("{:.2}", value.max(0.0));
    Some(text.trim_end_matches('0').trim_end_matches('.').to_string()).map(|t| {
        if t.is_empty() {
            "0".to_string()
        } else {
            t
        }
    })
}

fn write_paint(out: &mut String, paint: &Paint, theme: Theme) {
    match paint.fill {
        Some(fill) => {
            let _ = write!(out, " fill=\"{}\"", fill.value(theme));
        }
        None => out.push_str(" fill=\"none\""),
    }
    if let Some(stroke) = paint.stroke {
        let _ = write!(
            out,
            " stroke=\"{}\" stroke-width=\"{}\"",
            stroke.value(theme),
            fmt_num(paint.width)
        );
    }
}

impl Writer<'_> {
    fn node(&self, out: &mut String, node: &Node) {
        match &node.shape {
            Shape::Group(children) => {
                out.push_str("<g");
                write_common(out, node);
                out.push('>');
                for child in children {
                    self.node(out, child);
                }
                out.push_str("</g>");
            }
            Shape::Clipped { clip, children } => {
                let id = format!("{}{}", self.prefix, escape_xml(&clip_id(&node.id)));
                out.push_str("<g");
                write_common(out, node);
                let _ = write!(
                out,
                "><clipPath id=\"{id}\"><path d=\"{}\"/></clipPath><g clip-path=\"url(#{id})\">",
                escape_xml(clip)
            );
                for child in children {
                    self.node(out, child);
                }
                out.push_str("</g></g>");
            }
            Shape::Path { d, paint } => {
                let _ = write!(out, "<path d=\"{}\"", escape_xml(d));
                write_paint(out, paint, self.theme);
                write_common(out, node);
                out.push_str("/>");
            }
            Shape::Ellipse {
                centre,
                rx,
                ry,
                paint,
            } => {
                let _ = write!(
                    out,
                    "<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\"",
                    fmt_num(centre.x),
                    fmt_num(centre.y),
                    fmt_num(*rx),
                    fmt_num(*ry)
                );
                write_paint(out, paint, self.theme);
                write_common(out, node);
                out.push_str("/>");
            }
            Shape::Text {
                at,
                text,
                size,
                weight,
                anchor,
                paint,
            } => {
                let _ = write!(
                out,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"{weight}\" text-anchor=\"{}\"",
                fmt_num(at.x),
                fmt_num(at.y),
                fmt_num(*size),
                anchor.name()
            );
                write_paint(out, paint, self.theme);
                write_common(out, node);
                let _ = write!(out, ">{}</text>", escape_xml(text));
            }
        }
    }
}
