//! What each timeline event is (detected, escalated, fixed, ...): the cue-word classifier of
//! [`cues`], re-exported here so that every view reads kinds from `analysis::kinds`.

mod cues;

pub use cues::{classify, kind_of, kinds_of};
