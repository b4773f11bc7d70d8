//! A plotters backend that draws on a `<canvas>` 2D context.
//!
//! Small on purpose: a path is one `beginPath … stroke`, however many points it has, and text
//! sizes are estimated ([`estimate_text_size`]) instead of measured, so laying out the axes
//! never asks the browser for layout. Coordinates are CSS pixels; the caller scales the
//! context for the device pixel ratio.

use std::fmt;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use web_sys::CanvasRenderingContext2d;

use crate::draw::chart::text_metrics::{estimate_text_size, font_pixels};

/// Drawing on the canvas failed (the browser threw).
#[derive(Debug)]
pub struct CanvasError(String);

impl fmt::Display for CanvasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "canvas drawing failed: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

/// Draws on a 2D context of `width` × `height` CSS pixels.
pub struct CanvasBackend {
    context: CanvasRenderingContext2d,
    width: u32,
    height: u32,
}

impl CanvasBackend {
    /// A backend over `context`, which is `width` × `height` CSS pixels.
    pub fn new(context: CanvasRenderingContext2d, width: u32, height: u32) -> CanvasBackend {
        CanvasBackend {
            context,
            width,
            height,
        }
    }
}

fn css(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

/// Half a pixel for odd line widths, so 1-pixel lines fall on whole pixels and stay crisp.
fn crisp(width: u32) -> f64 {
    if width % 2 == 1 {
        0.5
    } else {
        0.0
    }
}

impl DrawingBackend for CanvasBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        (self.width, self.height)
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if color.alpha > 0.0 {
            self.context.set_fill_style_str(&css(color));
            self.context.fill_rect(f64::from(x), f64::from(y), 1.0, 1.0);
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let (x, y) = (f64::from(x0.min(x1)), f64::from(y0.min(y1)));
        let (w, h) = (f64::from((x1 - x0).abs()), f64::from((y1 - y0).abs()));
        if fill {
            self.context.set_fill_style_str(&css(color));
            self.context.fill_rect(x, y, w + 1.0, h + 1.0);
        } else {
            let offset = crisp(style.stroke_width());
            self.context.set_stroke_style_str(&css(color));
            self.context.set_line_width(f64::from(style.stroke_width()));
            self.context.stroke_rect(x + offset, y + offset, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let offset = crisp(style.stroke_width());
        let context = &self.context;
        context.begin_path();
        let mut points = path.into_iter();
        if let Some((x, y)) = points.next() {
            context.move_to(f64::from(x) + offset, f64::from(y) + offset);
        }
        for (x, y) in points {
            context.line_to(f64::from(x) + offset, f64::from(y) + offset);
        }
        context.set_stroke_style_str(&css(color));
        context.set_line_width(f64::from(style.stroke_width()));
        context.set_line_join("round");
        context.stroke();
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let context = &self.context;
        context.begin_path();
        let mut points = vertices.into_iter();
        if let Some((x, y)) = points.next() {
            context.move_to(f64::from(x), f64::from(y));
        }
        for (x, y) in points {
            context.line_to(f64::from(x), f64::from(y));
        }
        context.close_path();
        context.set_fill_style_str(&css(color));
        context.fill();
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha <= 0.0 {
            return Ok(());
        }
        let anchor = style.anchor();
        let context = &self.context;
        context.set_font(&format!(
            "{} {:.1}px {}",
            style.style().as_str(),
            font_pixels(style.size()),
            style.family().as_str()
        ));
        context.set_text_align(match anchor.h_pos {
            HPos::Left => "left",
            HPos::Center => "center",
            HPos::Right => "right",
        });
        context.set_text_baseline(match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        });
        context.set_fill_style_str(&css(color));
        context
            .fill_text(text, f64::from(x), f64::from(y))
            .map_err(|e| DrawingErrorKind::DrawingError(CanvasError(format!("{e:?}"))))
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        Ok(estimate_text_size(text, style.size()))
    }
}
