//! The cookie illustration as a pure scene model (issue 6).
