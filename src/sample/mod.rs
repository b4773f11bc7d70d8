//! The embedded sample incident the app opens on when it is given nothing else, and synthetic
//! incidents of any size for benchmarks.

/// File name of the sample, as shipped in `public/`.
pub const SAMPLE_NAME: &str = "cookie-catastrophe.txt";

/// The text of the sample postmortem, compiled into the binary so the first page needs no fetch.
pub const SAMPLE_TEXT: &str = include_str!("../../public/cookie-catastrophe.txt");

mod synthetic;

pub use synthetic::synthetic_incident;
