//! The embedded sample incident the app opens on when it is given nothing else, and synthetic
//! incidents of any size for benchmarks.

/// File name of the sample, as shipped in `public/`.
pub const SAMPLE_NAME: &str = "cookie-catastrophe.txt";

/// The text of the sample postmortem, compiled into the binary so the first page needs no fetch.
pub const SAMPLE_TEXT: &str = include_str!("../../public/cookie-catastrophe.txt");

/// File name of the sample's illustrative metrics, as shipped in `public/`.
pub const SAMPLE_METRICS_NAME: &str = "cookie-catastrophe.metrics.csv";

/// Made-up error rate and latency for the sample (marked illustrative in the file itself): the
/// errors rise at 10:00, do not improve after the 10:30 database scaling, and recover after the
/// 13:00 cache fix.
pub const SAMPLE_METRICS: &str = include_str!("../../public/cookie-catastrophe.metrics.csv");

mod synthetic;

pub use synthetic::synthetic_incident;
