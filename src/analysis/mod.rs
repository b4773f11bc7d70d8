//! Facts derived from an incident: how long things took, and how to say so.
//!
//! Pure functions of a [`model::Incident`](crate::model::Incident); the views draw from these
//! rather than computing anything themselves.

pub mod catalogue;
pub mod durations;
pub mod format;
pub mod kinds;
pub mod milestones;
pub mod window;
