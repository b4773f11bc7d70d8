//! Points, polygons and path strings: the few bits of plane geometry the illustration needs.

use std::fmt::Write;

/// A point on the stage (or in the cookie's top-down plane), in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// Rightwards.
    pub x: f64,
    /// Downwards.
    pub y: f64,
}

impl Point {
    /// The point `(x, y)`.
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// The point at `angle` (radians, clockwise on screen) and `radius` from the origin.
    pub fn polar(angle: f64, radius: f64) -> Point {
        Point::new(angle.cos() * radius, angle.sin() * radius)
    }

    /// `self + other`.
    pub fn plus(self, other: Point) -> Point {
        Point::new(self.x + other.x, self.y + other.y)
    }

    /// `self - other`.
    pub fn minus(self, other: Point) -> Point {
        Point::new(self.x - other.x, self.y - other.y)
    }

    /// `self × factor`.
    pub fn scale(self, factor: f64) -> Point {
        Point::new(self.x * factor, self.y * factor)
    }

    /// The length of the vector.
    pub fn length(self) -> f64 {
        self.x.hypot(self.y)
    }

    /// The straight-line point a fraction `t` of the way to `to`.
    pub fn lerp(self, to: Point, t: f64) -> Point {
        self.plus(to.minus(self).scale(t))
    }

    /// The unit vector in the same direction (or zero).
    pub fn unit(self) -> Point {
        let length = self.length();
        if length > 1e-9 {
            self.scale(1.0 / length)
        } else {
            Point::default()
        }
    }
}

/// Signed area by the shoelace formula (positive when clockwise on screen, y down).
pub fn signed_area(polygon: &[Point]) -> f64 {
    let n = polygon.len();
    (0..n)
        .map(|i| {
            let (a, b) = (polygon[i], polygon[(i + 1) % n]);
            a.x * b.y - b.x * a.y
        })
        .sum::<f64>()
        / 2.0
}

/// The area enclosed, whatever the winding.
pub fn area(polygon: &[Point]) -> f64 {
    signed_area(polygon).abs()
}

/// The centre of mass of a polygon (its first vertex when it has no area).
pub fn centroid(polygon: &[Point]) -> Point {
    let a = signed_area(polygon);
    if a.abs() < 1e-9 {
        return polygon.first().copied().unwrap_or_default();
    }
    let n = polygon.len();
    let (mut x, mut y) = (0.0, 0.0);
    for i in 0..n {
        let (p, q) = (polygon[i], polygon[(i + 1) % n]);
        let cross = p.x * q.y - q.x * p.y;
        x += (p.x + q.x) * cross;
        y += (p.y + q.y) * cross;
    }
    Point::new(x / (6.0 * a), y / (6.0 * a))
}

/// Whether `p` is inside `polygon` (even-odd rule).
pub fn contains(polygon: &[Point], p: Point) -> bool {
    let n = polygon.len();
    let mut inside = false;
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (a, b) = (polygon[i], polygon[j]);
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// The distance from `p` to the nearest edge of `polygon`.
pub fn distance_to_edge(polygon: &[Point], p: Point) -> f64 {
    let n = polygon.len();
    (0..n)
        .map(|i| {
            let (a, b) = (polygon[i], polygon[(i + 1) % n]);
            let ab = b.minus(a);
            let len2 = ab.x * ab.x + ab.y * ab.y;
            let t = if len2 > 0.0 {
                (((p.x - a.x) * ab.x + (p.y - a.y) * ab.y) / len2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            a.plus(ab.scale(t)).minus(p).length()
        })
        .fold(f64::INFINITY, f64::min)
}

/// The smallest box around the points: `(min, max)`.
pub fn bounds(points: &[Point]) -> (Point, Point) {
    points.iter().fold(
        (
            Point::new(f64::INFINITY, f64::INFINITY),
            Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY),
        ),
        |(lo, hi), p| {
            (
                Point::new(lo.x.min(p.x), lo.y.min(p.y)),
                Point::new(hi.x.max(p.x), hi.y.max(p.y)),
            )
        },
    )
}

/// The point a fraction `t` (0–1) along a polyline, and the direction there (radians).
pub fn point_along(points: &[Point], t: f64) -> (Point, f64) {
    let lengths: Vec<f64> = points
        .windows(2)
        .map(|w| w[1].minus(w[0]).length())
        .collect();
    let total: f64 = lengths.iter().sum();
    let mut left = total * t.clamp(0.0, 1.0);
    for (i, &len) in lengths.iter().enumerate() {
        if left <= len && len > 0.0 {
            let d = points[i + 1].minus(points[i]);
            return (points[i].lerp(points[i + 1], left / len), d.y.atan2(d.x));
        }
        left -= len;
    }
    (points.last().copied().unwrap_or_default(), 0.0)
}

/// Writes a number with at most one decimal, without a trailing `.0` (and `0`, not `-0`).
/// Written from the whole number of tenths, as integers: the float formatting this replaces
/// (`{:.1}`) took most of the time the page spent drawing the cookie (22 of 31 ms in a profile).
pub fn num(out: &mut String, value: f64) {
    let tenths = (value * 10.0).round();
    // Beyond this, tenths are no longer exact in an f64 (never the case for a drawing); NaN
    // and the infinities are not below it either.
    const EXACT: f64 = 1e15;
    if tenths.abs() < EXACT {
        let tenths = tenths as i64;
        if tenths < 0 {
            out.push('-');
        }
        let (whole, tenth) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
        let _ = write!(out, "{whole}");
        if tenth != 0 {
            out.push('.');
            out.push(char::from(b'0' + tenth as u8));
        }
        return;
    }
    let rounded = tenths / 10.0;
    if rounded.fract() == 0.0 {
        let _ = write!(out, "{rounded:.0}");
    } else {
        let _ = write!(out, "{rounded:.1}");
    }
}

/// A number with at most one decimal.
pub fn fmt_num(value: f64) -> String {
    let mut out = String::new();
    num(&mut out, value);
    out
}

fn point(out: &mut String, p: Point) {
    num(out, p.x);
    out.push(' ');
    num(out, p.y);
}

/// A closed path through the points with straight edges (crisp breaks).
pub fn polygon_path(points: &[Point]) -> String {
    let mut out = String::with_capacity(points.len() * 12);
    for (i, p) in points.iter().enumerate() {
        out.push(if i == 0 { 'M' } else { 'L' });
        point(&mut out, *p);
    }
    if !points.is_empty() {
        out.push('Z');
    }
    out
}

/// An open path through the points with straight segments.
pub fn polyline_path(points: &[Point]) -> String {
    let mut out = String::with_capacity(points.len() * 12);
    for (i, p) in points.iter().enumerate() {
        out.push(if i == 0 { 'M' } else { 'L' });
        point(&mut out, *p);
    }
    out
}

/// A closed path rounded through the midpoints of the points (soft, organic blobs).
pub fn blob_path(points: &[Point]) -> String {
    let n = points.len();
    if n < 3 {
        return polygon_path(points);
    }
    let mid = |i: usize| points[i % n].lerp(points[(i + 1) % n], 0.5);
    let mut out = String::with_capacity(n * 24);
    out.push('M');
    point(&mut out, mid(0));
    for i in 1..=n {
        out.push('Q');
        point(&mut out, points[i % n]);
        out.push(' ');
        point(&mut out, mid(i));
    }
    out.push('Z');
    out
}

/// A line from `a` to `b`.
pub fn line_path(a: Point, b: Point) -> String {
    polyline_path(&[a, b])
}

/// A quadratic curve from `a` through control `c` to `b`.
pub fn curve_path(a: Point, c: Point, b: Point) -> String {
    let mut out = String::new();
    out.push('M');
    point(&mut out, a);
    out.push('Q');
    point(&mut out, c);
    out.push(' ');
    point(&mut out, b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_square_has_its_area_centre_and_inside() {
        let square = [
            Point::new(0.0, 0.0),
            Point::new(2.0, 0.0),
            Point::new(2.0, 2.0),
            Point::new(0.0, 2.0),
        ];
        assert_eq!(area(&square), 4.0);
        assert_eq!(centroid(&square), Point::new(1.0, 1.0));
        assert!(contains(&square, Point::new(1.0, 1.5)));
        assert!(!contains(&square, Point::new(3.0, 1.0)));
        assert_eq!(distance_to_edge(&square, Point::new(1.0, 1.5)), 0.5);
        assert_eq!(polygon_path(&square[..2]), "M0 0L2 0Z");
        assert_eq!(fmt_num(-0.04), "0");
        assert_eq!(fmt_num(2.25), "2.3");
    }

    /// What `num` wrote when it used the float formatting: the integer writing must agree.
    fn by_float_formatting(value: f64) -> String {
        let rounded = (value * 10.0).round() / 10.0;
        let rounded = if rounded == 0.0 { 0.0 } else { rounded };
        if rounded.fract() == 0.0 {
            format!("{rounded:.0}")
        } else {
            format!("{rounded:.1}")
        }
    }

    #[test]
    fn numbers_are_written_as_the_float_formatting_wrote_them() {
        let mut values = vec![
            0.0,
            -0.0,
            0.05,
            -0.05,
            -0.06,
            0.95,
            9.95,
            -9.96,
            123.45,
            1e14 + 0.5,
            99_999_999_999_999.9,
            -99_999_999_999_999.9,
            -1e14 - 0.25,
            1e15,
            4e15 + 0.5,
            1e300,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // A spread of magnitudes, signs and fractions (a fixed linear congruential sequence).
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let unit = (state >> 11) as f64 / (1u64 << 53) as f64;
            let scale = 10f64.powi((state % 9) as i32 - 2);
            let sign = if state >> 63 == 0 { 1.0 } else { -1.0 };
            values.push(sign * unit * scale);
        }
        for value in values {
            assert_eq!(fmt_num(value), by_float_formatting(value), "{value:e}");
        }
    }
}
