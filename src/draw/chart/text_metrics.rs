//! Text sizes by estimate, so laying out a chart never measures text.
//!
//! Plotters asks its backend how big each label is. Measuring real glyphs in a browser means
//! a round trip to layout per label; estimating from the character count is instant and close
//! enough for placing axis labels. [`EstimatedText`] gives any backend (SVG for export) the
//! same estimate the canvas backend uses.

use plotters::prelude::*;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};

/// Estimated (width, height) in pixels of `text` in a sans-serif font of plotters size `size`
/// (drawn `size / 1.24` pixels high, as plotters' backends do).
pub fn estimate_text_size(text: &str, size: f64) -> (u32, u32) {
    let px = font_pixels(size);
    let width: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.3,
            'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.85,
            c if c.is_ascii_uppercase() => 0.68,
            c if c.is_ascii_digit() => 0.56,
            _ => 0.56,
        })
        .sum();
    ((width * px).ceil() as u32, size.ceil() as u32)
}

/// The font size in CSS pixels for plotters size `size`.
pub fn font_pixels(size: f64) -> f64 {
    size / 1.24
}

/// A backend that answers text-size questions with [`estimate_text_size`] and passes every
/// drawing call through to `B`.
pub struct EstimatedText<B>(pub B);

impl<B: DrawingBackend> DrawingBackend for EstimatedText<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_path(path, style)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.0.draw_text(text, style, pos)
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<B::ErrorType>> {
        Ok(estimate_text_size(text, style.size()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_is_estimated_wider() {
        let (narrow, height) = estimate_text_size("11:00", 15.0);
        let (wide, _) = estimate_text_size("MMMMM", 15.0);
        assert!(narrow > 20 && narrow < 40, "{narrow}");
        assert!(wide > narrow);
        assert_eq!(height, 15);
        assert_eq!(estimate_text_size("", 15.0).0, 0);
    }
}
