//! Facts derived from an incident: how long things took, and how to say so.
//!
//! Pure functions of a [`model::Incident`](crate::model::Incident); the views draw from these
//! rather than computing anything themselves.

pub mod anomalies;
pub mod catalogue;
pub mod decimate;
pub mod derived_impact;
pub mod durations;
pub mod episodes;
pub mod format;
pub mod kinds;
pub mod labelled;
pub mod layout;
pub mod milestones;
pub mod phases;
pub mod reading;
pub mod status;
pub mod ticks;
pub mod view_query;
pub mod viewport;
pub mod window;
pub mod written_order;
pub mod zones;
