//! The metrics chart drawn with plotters (issue 5).
