//! A recorded drawing: plotters draws the chart once into a [`Picture`] (a list of shapes),
//! which the canvas replays and [`Picture::to_svg`] writes out for export. One backend type
//! means plotters' generic drawing code is compiled once, which keeps the wasm smaller than
//! drawing on a canvas backend and an SVG backend separately.

use std::cell::RefCell;
use std::convert::Infallible;
use std::fmt::Write;
use std::rc::Rc;

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

use super::text_metrics::{estimate_text_size, font_pixels};
use crate::draw::xml::escape_xml;

/// A colour with its opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub f64);

impl Rgba {
    fn of(color: BackendColor) -> Rgba {
        Rgba(color.rgb.0, color.rgb.1, color.rgb.2, color.alpha)
    }

    /// CSS `rgba(...)`.
    pub fn css(self) -> String {
        format!("rgba({},{},{},{})", self.0, self.1, self.2, self.3)
    }
}

/// One drawn shape, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A polyline, stroked.
    Path {
        /// Its points.
        points: Vec<(i32, i32)>,
        /// Its colour.
        color: Rgba,
        /// Its stroke width.
        width: u32,
    },
    /// A rectangle from one corner to the other, filled or stroked.
    Rect {
        /// One corner.
        from: (i32, i32),
        /// The opposite corner.
        to: (i32, i32),
        /// Its colour.
        color: Rgba,
        /// Filled, or else stroked.
        fill: bool,
    },
    /// A filled polygon.
    Polygon {
        /// Its corners.
        points: Vec<(i32, i32)>,
        /// Its colour.
        color: Rgba,
    },
    /// A line of text.
    Text {
        /// The text (data, never markup).
        text: String,
        /// The anchor point.
        at: (i32, i32),
        /// Font size in CSS pixels.
        px: f64,
        /// Its colour.
        color: Rgba,
        /// Horizontal alignment: "left", "center" or "right".
        align: &'static str,
        /// Vertical alignment: "top", "middle" or "bottom".
        baseline: &'static str,
    },
}

/// A drawing surface that records shapes. Clones share the same list, so the caller keeps
/// one while plotters owns another.
#[derive(Debug, Clone)]
pub struct Picture {
    width: u32,
    height: u32,
    shapes: Rc<RefCell<Vec<Shape>>>,
}

impl Picture {
    /// An empty picture of `width` × `height` pixels.
    pub fn new(width: u32, height: u32) -> Picture {
        Picture {
            width,
            height,
            shapes: Rc::default(),
        }
    }

    /// The shapes drawn so far, in drawing order.
    pub fn shapes(&self) -> std::cell::Ref<'_, Vec<Shape>> {
        self.shapes.borrow()
    }

    fn push(&self, shape: Shape) {
        self.shapes.borrow_mut().push(shape);
    }

    /// The picture as a standalone SVG document, every text escaped.
    pub fn to_svg(&self) -> String {
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n",
            w = self.width,
            h = self.height
        );
        let points = |points: &[(i32, i32)]| {
            points
                .iter()
                .map(|(x, y)| format!("{x},{y}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        for shape in self.shapes().iter() {
            let _ = match shape {
                Shape::Path { points: p, color, width } => writeln!(
                    svg,
                    "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"{width}\" stroke-linejoin=\"round\" points=\"{}\"/>",
                    color.css(),
                    points(p)
                ),
                Shape::Rect { from, to, color, fill } => {
                    let (x, y) = (from.0.min(to.0), from.1.min(to.1));
                    let (w, h) = ((to.0 - from.0).abs(), (to.1 - from.1).abs());
                    let paint = if *fill {
                        format!("fill=\"{}\"", color.css())
                    } else {
                        format!("fill=\"none\" stroke=\"{}\"", color.css())
                    };
                    writeln!(svg, "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" {paint}/>")
                }
                Shape::Polygon { points: p, color } => writeln!(
                    svg,
                    "<polygon fill=\"{}\" points=\"{}\"/>",
                    color.css(),
                    points(p)
                ),
                Shape::Text { text, at, px, color, align, baseline } => {
                    let anchor = match *align {
                        "center" => "middle",
                        "right" => "end",
                        _ => "start",
                    };
                    let dominant = match *baseline {
                        "top" => "hanging",
                        "middle" => "middle",
                        _ => "auto",
                    };
                    writeln!(
                        svg,
                        "<text x=\"{}\" y=\"{}\" font-family=\"sans-serif\" font-size=\"{px:.1}\" fill=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"{dominant}\">{}</text>",
                        at.0,
                        at.1,
                        color.css(),
                        escape_xml(text)
                    )
                }
            };
        }
        svg.push_str("</svg>\n");
        svg
    }
}

impl DrawingBackend for Picture {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        at: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if color.alpha > 0.0 {
            self.push(Shape::Rect {
                from: at,
                to: at,
                color: Rgba::of(color),
                fill: true,
            });
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha > 0.0 {
            self.push(Shape::Rect {
                from,
                to,
                color: Rgba::of(style.color()),
                fill,
            });
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha > 0.0 {
            self.push(Shape::Path {
                points: path.into_iter().collect(),
                color: Rgba::of(style.color()),
                width: style.stroke_width(),
            });
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if style.color().alpha > 0.0 {
            self.push(Shape::Polygon {
                points: vertices.into_iter().collect(),
                color: Rgba::of(style.color()),
            });
        }
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        at: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let anchor = style.anchor();
        self.push(Shape::Text {
            text: text.to_string(),
            at,
            px: font_pixels(style.size()),
            color: Rgba::of(style.color()),
            align: match anchor.h_pos {
                HPos::Left => "left",
                HPos::Center => "center",
                HPos::Right => "right",
            },
            baseline: match anchor.v_pos {
                VPos::Top => "top",
                VPos::Center => "middle",
                VPos::Bottom => "bottom",
            },
        });
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok(estimate_text_size(text, style.size()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_and_writes_escaped_svg() {
        let mut picture = Picture::new(100, 50);
        let red = BackendColor {
            alpha: 1.0,
            rgb: (255, 0, 0),
        };
        picture.draw_path([(0, 0), (10, 5), (20, 0)], &red).unwrap();
        let style = plotters::style::TextStyle::from(("sans-serif", 15.0));
        picture.draw_text("<b>&", &style, (5, 5)).unwrap();
        assert_eq!(picture.shapes().len(), 2);
        let svg = picture.to_svg();
        assert!(svg.contains("points=\"0,0 10,5 20,0\""), "{svg}");
        assert!(svg.contains(">&lt;b&gt;&amp;</text>"), "{svg}");
        assert!(!svg.contains("<b>"));
    }
}
