//! The page opens the sample from `src/sample/cookie-catastrophe.wire.jsonl`, the sample and
//! its metrics read ahead of time in the parse worker's wire format, so the page's WebAssembly
//! needs no reader. The file must be what the readers make of the sample today:
//! `UPDATE_PRE_READ_SAMPLE=1 cargo test --test pre_read_sample` rewrites it.

use std::path::Path;

use postmortem_explorer::sample::{pre_read_sample, SAMPLE_PRE_READ_PATH};

#[test]
fn the_pre_read_sample_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE_PRE_READ_PATH);
    let expected = pre_read_sample();
    if std::env::var_os("UPDATE_PRE_READ_SAMPLE").is_some() {
        std::fs::write(&path, &expected).expect("written");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "{SAMPLE_PRE_READ_PATH} differs from reading the sample today; rewrite it with \
         UPDATE_PRE_READ_SAMPLE=1 cargo test --test pre_read_sample"
    );
}
