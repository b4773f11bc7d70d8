//! The reader against hand-checked timelines.
//!
//! `shape_fixtures_read_as_hand_checked` runs in CI: every shape met in real postmortems,
//! rewritten in our own words under `tests/fixtures/shapes/`, must come out exactly.
//!
//! `real_corpus` scores the third-party corpus listed in `tests/corpus/manifest.json`. Its
//! texts are not in the repository (see `tests/corpus/README.md`); run it with
//! `CORPUS_DIR=/path/to/texts SPLIT=dev cargo test --release --test corpus -- --ignored --nocapture`
//! (`SPLIT=heldout` prints only figures, so held-out files stay unseen while developing).

#[path = "corpus/score.rs"]
mod score;

use std::path::Path;

use score::{manifest, score, Score};

#[test]
fn shape_fixtures_read_as_hand_checked() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shapes");
    let records = manifest(&dir.join("expected.json"));
    assert!(records.len() >= 15, "expected at least 15 shape fixtures");
    let mut failures = Vec::new();
    for record in &records {
        let text = std::fs::read_to_string(dir.join(&record.file)).expect("fixture text");
        let (result, _) = score(record, &record.file, &text);
        if result.right != result.expected || result.extra > 0 {
            failures.push(format!(
                "{}: {}/{} right, {} extra\n    {}",
                record.file,
                result.right,
                result.expected,
                result.extra,
                result.problems.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[ignore = "needs CORPUS_DIR holding the corpus texts"]
fn real_corpus() {
    let dir = std::env::var("CORPUS_DIR").unwrap_or_else(|_| "/work/corpus/texts".to_string());
    let split = std::env::var("SPLIT").unwrap_or_else(|_| "dev".to_string());
    let details = !split.starts_with("heldout") || std::env::var("DETAILS").is_ok();
    let manifest_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/manifest.json");
    let records = manifest(&manifest_path);
    let mut total = Score::default();
    let mut files = 0;
    let mut below_80 = 0;
    let mut rows = Vec::new();
    for record in &records {
        assert!(
            record.source.contains(':') && record.source.contains('@'),
            "{}: source must be owner/repo:path@commit",
            record.id
        );
    }
    for record in records
        .iter()
        .filter(|r| split == "all" || r.split == split)
    {
        let path = Path::new(&dir).join(&record.file);
        let Ok(bytes) = std::fs::read(&path) else {
            println!("{}: missing text ({})", record.id, path.display());
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        // Read under the path the author gave it (`_posts/2013-01-31-post-mortem.md`), as the
        // page does under its address, not under the corpus's own file name.
        let (result, _) = score(record, source_path(&record.source), &text);
        files += 1;
        if result.percent() < 80.0 {
            below_80 += 1;
        }
        rows.push((result.percent(), record.id.clone(), result.clone()));
        total.add(&result);
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (percent, id, result) in &rows {
        println!(
            "{percent:6.1}%  {id}: {}/{} right, {} wrong date, {} extra, {} notes",
            result.right, result.expected, result.wrong_date, result.extra, result.notes
        );
        if details {
            for problem in result.problems.iter().take(12) {
                println!("          {problem}");
            }
        }
    }
    println!(
        "\n{split}: {files} files, {}/{} entries right ({:.1}%; {} of them in prose), {} wrong date, {} extra ({:.1}%), {} files below 80%",
        total.right,
        total.expected,
        total.percent(),
        total.prose,
        total.wrong_date,
        total.extra,
        total.extra_percent(),
        below_80
    );
}

/// The file's path in its repository, from `owner/repo:path@commit`.
fn source_path(source: &str) -> &str {
    let path = source.split_once(':').map_or(source, |(_, rest)| rest);
    path.rsplit_once('@').map_or(path, |(path, _)| path)
}
