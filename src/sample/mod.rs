//! The embedded sample incident the app opens on when it is given nothing else, and synthetic
//! incidents of any size for benchmarks.

mod synthetic;

pub use synthetic::synthetic_incident;

use crate::loading::wire::{split, Assembler, Delivery, WireError};
use crate::loading::{read_loaded, Loaded};
use crate::parse::parse_metrics;

/// File name of the sample, as shipped in `public/`.
pub const SAMPLE_NAME: &str = "cookie-catastrophe.txt";

/// The text of the sample postmortem. The page opens [`SAMPLE_PRE_READ`], its reading.
pub const SAMPLE_TEXT: &str = include_str!("../../public/cookie-catastrophe.txt");

/// File name of the sample's illustrative metrics, as shipped in `public/`.
pub const SAMPLE_METRICS_NAME: &str = "cookie-catastrophe.metrics.csv";

/// Made-up error rate and latency for the sample (marked illustrative in the file itself): the
/// errors rise at 10:00, do not improve after the 10:30 database scaling, and recover after the
/// 13:00 cache fix.
pub const SAMPLE_METRICS: &str = include_str!("../../public/cookie-catastrophe.metrics.csv");

/// The sample and its metrics read ahead of time, in the parse worker's wire format (see
/// [`crate::loading::wire`]), one part per line: the page opens the sample from these, so its
/// WebAssembly carries no reader (every file it opens is read in the parse worker). Written by
/// [`pre_read_sample`]; `tests/pre_read_sample.rs` fails when it differs from what the readers
/// make of the sample today (`UPDATE_PRE_READ_SAMPLE=1 cargo test --test pre_read_sample`
/// rewrites it).
pub const SAMPLE_PRE_READ: &str = include_str!("cookie-catastrophe.wire.jsonl");

/// Where [`SAMPLE_PRE_READ`] is, from the crate's root.
pub const SAMPLE_PRE_READ_PATH: &str = "src/sample/cookie-catastrophe.wire.jsonl";

/// The sample as the page shows it: [`SAMPLE_TEXT`] read as a postmortem, with the series of
/// [`SAMPLE_METRICS`] attached (the shipped file reads without diagnostics, and those of the
/// metrics are not shown; tests/chart_sample.rs checks it).
pub fn read_sample() -> Loaded {
    let mut loaded = read_loaded(SAMPLE_NAME, SAMPLE_TEXT);
    if let Loaded::Incident(parsed) = &mut loaded {
        let (metrics, _) = parse_metrics(SAMPLE_METRICS_NAME, SAMPLE_METRICS);
        parsed.incident.metrics.extend(metrics);
    }
    loaded
}

/// What [`SAMPLE_PRE_READ`] must hold: [`read_sample`] in the wire's parts, one per line (JSON
/// escapes every line break inside a part).
pub fn pre_read_sample() -> String {
    let mut text = String::new();
    for part in split(read_sample()) {
        text.push_str(&String::from_utf8_lossy(&part));
        text.push('\n');
    }
    text
}

/// The sample read ahead of time ([`SAMPLE_PRE_READ`]) put back together, with its events'
/// kinds; an error only if the file was not written by this build's [`pre_read_sample`].
pub fn open_pre_read_sample() -> Result<Delivery, WireError> {
    let mut assembler = Assembler::new();
    for line in SAMPLE_PRE_READ.lines() {
        assembler.push(line.as_bytes())?;
    }
    assembler.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pre_read_sample_opens_as_the_readers_read_the_sample() {
        let delivery = open_pre_read_sample().expect("the pre-read sample opens");
        assert_eq!(delivery.loaded, read_sample());
        let Loaded::Incident(parsed) = &delivery.loaded else {
            panic!("an incident")
        };
        assert!(!parsed.incident.metrics.is_empty(), "with its metrics");
        assert_eq!(
            delivery.kinds,
            Some(crate::analysis::kinds::kinds_of(&parsed.incident))
        );
    }
}
