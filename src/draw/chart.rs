//! The metrics chart drawn with plotters, on the shared time axis.
//!
//! [`scene::chart_scene`] turns an incident and the visible window into a [`ChartScene`]: the
//! series (decimated per pixel column), a panel per unit, the event markers coloured by kind,
//! the incident window and the phase bands. [`render::draw_chart`] draws a scene on any
//! plotters backend: the browser's canvas in the app, SVG natively and for export. What the
//! overlay needs to map pointer positions back to times and values comes back as a
//! [`ChartLayout`]; [`readout`] finds the values under the pointer and [`export`] writes
//! the visible samples as CSV.

pub mod export;
pub mod picture;
pub mod readout;
pub mod render;
pub mod scene;
pub mod text_metrics;
pub mod ticks;

pub use render::{draw_chart, ChartLayout, PanelLayout};
pub use scene::{
    chart_scene, chart_scene_with, chart_series, chart_series_with, ChartScene, ChartSeries,
    SceneOptions, SeriesOrigin,
};
