//! The pieces of the interactive timeline (issue 4), one component per file, assembled by
//! [`TimelineView`](super::timeline_view::TimelineView). The maths lives in
//! [`analysis`](crate::analysis) and [`draw::timeline`](crate::draw::timeline); these files
//! wire it to signals, canvas and the DOM.

pub mod context;
pub mod details;
pub mod durations;
pub mod legend;
pub mod overview;
pub mod paint;
pub mod perf;
pub mod stage;
pub mod toolbar;
pub mod zone;
