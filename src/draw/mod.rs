//! Derived facts → pictures: pure scene and geometry models the UI renders as SVG or canvas.
//!
//! Nothing here touches the browser, so every picture is tested natively.

pub mod chart;
pub mod illustration;
pub mod palette;
pub mod timeline;
pub mod timeline_svg;
pub mod xml;
