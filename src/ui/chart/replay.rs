//! Replays a recorded [`Picture`] on a `<canvas>` 2D context.
//!
//! Each shape is one canvas call sequence: a series is one `beginPath … stroke`, however many
//! points it has. Text was laid out with estimated sizes while recording, so drawing never
//! asks the browser to measure text. Coordinates are CSS pixels; the caller scales the
//! context for the device pixel ratio.

use wasm_bindgen::JsValue;
use web_sys::CanvasRenderingContext2d;

use crate::draw::chart::picture::{Picture, Shape};

/// Half a pixel for odd line widths, so 1-pixel lines fall on whole pixels and stay crisp.
fn crisp(width: u32) -> f64 {
    if width % 2 == 1 {
        0.5
    } else {
        0.0
    }
}

/// Draws every shape of `picture` on `context`.
pub fn replay(context: &CanvasRenderingContext2d, picture: &Picture) -> Result<(), JsValue> {
    for shape in picture.shapes().iter() {
        match shape {
            Shape::Path {
                points,
                color,
                width,
            } => {
                let offset = crisp(*width);
                context.begin_path();
                let mut points = points.iter();
                if let Some(&(x, y)) = points.next() {
                    context.move_to(f64::from(x) + offset, f64::from(y) + offset);
                }
                for &(x, y) in points {
                    context.line_to(f64::from(x) + offset, f64::from(y) + offset);
                }
                context.set_stroke_style_str(&color.css());
                context.set_line_width(f64::from(*width));
                context.set_line_join("round");
                context.stroke();
            }
            Shape::Rect {
                from,
                to,
                color,
                fill,
            } => {
                let (x, y) = (f64::from(from.0.min(to.0)), f64::from(from.1.min(to.1)));
                let (w, h) = (
                    f64::from((to.0 - from.0).abs()),
                    f64::from((to.1 - from.1).abs()),
                );
                if *fill {
                    context.set_fill_style_str(&color.css());
                    context.fill_rect(x, y, w + 1.0, h + 1.0);
                } else {
                    context.set_stroke_style_str(&color.css());
                    context.set_line_width(1.0);
                    context.stroke_rect(x + 0.5, y + 0.5, w, h);
                }
            }
            Shape::Polygon { points, color } => {
                context.begin_path();
                let mut points = points.iter();
                if let Some(&(x, y)) = points.next() {
                    context.move_to(f64::from(x), f64::from(y));
                }
                for &(x, y) in points {
                    context.line_to(f64::from(x), f64::from(y));
                }
                context.close_path();
                context.set_fill_style_str(&color.css());
                context.fill();
            }
            Shape::Text {
                text,
                at,
                px,
                color,
                align,
                baseline,
            } => {
                context.set_font(&format!("{px:.1}px sans-serif"));
                context.set_text_align(align);
                context.set_text_baseline(baseline);
                context.set_fill_style_str(&color.css());
                context.fill_text(text, f64::from(at.0), f64::from(at.1))?;
            }
        }
    }
    Ok(())
}
