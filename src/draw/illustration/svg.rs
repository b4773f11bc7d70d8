//! The scene as a standalone SVG file (for "Download SVG", and drawn onto a canvas for PNG):
//! colours written inline for one theme, every text and attribute escaped.

use std::fmt::Write;

use super::geometry::fmt_num;
use super::palette::Theme;
use super::scene::{clip_id, Node, Paint, Scene, Shape};

/// `text` made safe inside XML text and attribute values: the five special characters become
/// entities, and characters XML 1.0 forbids (most control characters) are dropped.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The fonts the scene's texts ask for.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/// The whole scene as an SVG document in `theme`'s colours.
pub fn to_svg(scene: &Scene, theme: Theme) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let (w, h) = (fmt_num(scene.width), fmt_num(scene.height));
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"ci-title ci-desc\">\
         <title id=\"ci-title\">{}</title><desc id=\"ci-desc\">{}</desc>\
         <g stroke-linecap=\"round\" stroke-linejoin=\"round\" font-family=\"{}\">",
        escape_xml(&scene.title),
        escape_xml(&scene.description),
        escape_xml(FONT_FAMILY),
    );
    for node in &scene.nodes {
        write_node(&mut out, node, theme);
    }
    out.push_str("</g></svg>");
    out
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

fn write_node(out: &mut String, node: &Node, theme: Theme) {
    match &node.shape {
        Shape::Group(children) => {
            out.push_str("<g");
            write_common(out, node);
            out.push('>');
            for child in children {
                write_node(out, child, theme);
            }
            out.push_str("</g>");
        }
        Shape::Clipped { clip, children } => {
            let id = escape_xml(&clip_id(&node.id));
            out.push_str("<g");
            write_common(out, node);
            let _ = write!(
                out,
                "><clipPath id=\"{id}\"><path d=\"{}\"/></clipPath><g clip-path=\"url(#{id})\">",
                escape_xml(clip)
            );
            for child in children {
                write_node(out, child, theme);
            }
            out.push_str("</g></g>");
        }
        Shape::Path { d, paint } => {
            let _ = write!(out, "<path d=\"{}\"", escape_xml(d));
            write_paint(out, paint, theme);
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
            write_paint(out, paint, theme);
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
            write_paint(out, paint, theme);
            write_common(out, node);
            let _ = write!(out, ">{}</text>", escape_xml(text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped() {
        assert_eq!(
            escape_xml("</title><script>alert('x')</script> & \"q\""),
            "&lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape_xml("a\u{0}b\u{1b}c\u{ffff}\td"), "abc\td");
        assert_eq!(escape_xml("café ☕"), "café ☕");
    }
}
