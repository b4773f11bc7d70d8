//! Trains the event-kind model (`src/analysis/kinds/model.rs`) on the development splits of
//! the hand labels (`tests/corpus/kinds.json`: `dev`, `dev2` … `dev8`), reports its 5-fold
//! cross-validated accuracy (folds by file, so no file's events are both learned and scored),
//! and with `KINDS_WRITE=1` writes the weights learned from all of them to
//! `src/analysis/kinds/weights.rs`.
//!
//! Only the development splits are ever read here: the held-out splits (`heldout…`) are
//! scored by `tests/event_kinds.rs` and never learned from. `KINDS_DROP=prefix,…` leaves
//! features out and `KINDS_STEM=n` cuts word stems shorter, to measure what each is worth.
//!
//! ```sh
//! CORPUS_DIR=… cargo test --release --test kinds_model -- --ignored --nocapture
//! CORPUS_DIR=… KINDS_WRITE=1 cargo test --release --test kinds_model -- --ignored --nocapture
//! ```
//!
//! The model is multinomial logistic regression, trained by full-batch Adam with an L2 penalty
//! (deterministic: the same labels give the same table). Its weights are stored as 8-bit
//! integers times one scale; only the most telling word stems are kept (`KINDS_WORDS`).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use postmortem_explorer::analysis::kinds::features::features_of;
use postmortem_explorer::model::EventKind;
use postmortem_explorer::parse::parse_document;

const KINDS: usize = EventKind::ALL.len();

#[path = "support/kind_labels.rs"]
mod kind_labels;
use kind_labels::{all_labels, is_development, Label};

/// One labelled event: its file's number, its features and its kind's index.
struct Example {
    file: usize,
    features: Vec<(String, f32)>,
    kind: usize,
    weight: f32,
}

/// Settings of the training, from the environment or their defaults.
struct Settings {
    l2: f32,
    steps: usize,
    rate: f32,
    words: usize,
    unsure: f32,
    min_files: usize,
    /// Feature name prefixes left out (`KINDS_DROP=w:,part:`), to measure what each adds.
    drop: Vec<String>,
}

impl Settings {
    fn from_env() -> Settings {
        fn get<T: std::str::FromStr>(name: &str, default: T) -> T {
            std::env::var(name)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        }
        Settings {
            l2: get("KINDS_L2", 0.003),
            steps: get("KINDS_STEPS", 300),
            rate: get("KINDS_RATE", 0.05),
            words: get("KINDS_WORDS", 400),
            unsure: get("KINDS_UNSURE", 1.0),
            min_files: get("KINDS_MIN_FILES", 1),
            drop: std::env::var("KINDS_DROP")
                .map(|v| v.split(',').map(str::to_owned).collect())
                .unwrap_or_default(),
        }
    }
}

/// A model as the library stores it: sorted names, eight-bit weights, one scale.
struct Table {
    keys: Vec<String>,
    weights: Vec<i8>,
    scale: f32,
}

impl Table {
    fn kind(&self, features: &[(String, f32)]) -> usize {
        let total = self.scores(features);
        // As `model::best`: the highest score, the first in story order on a tie.
        let mut best = KINDS - 1;
        let mut best_score = f32::NEG_INFINITY;
        for (kind, &score) in total.iter().enumerate() {
            if score > best_score {
                best = kind;
                best_score = score;
            }
        }
        best
    }

    fn scores(&self, features: &[(String, f32)]) -> [f32; KINDS] {
        let mut total = [0.0f32; KINDS];
        for (name, value) in features {
            if let Ok(row) = self.keys.binary_search(name) {
                for (sum, &w) in total
                    .iter_mut()
                    .zip(&self.weights[row * KINDS..(row + 1) * KINDS])
                {
                    *sum += f32::from(w) * self.scale * value;
                }
            }
        }
        total
    }
}

fn examples(dir: &std::path::Path) -> (Vec<Example>, usize, f32) {
    let labels: Vec<Label> = all_labels();
    let mut by_file: BTreeMap<&str, Vec<&Label>> = BTreeMap::new();
    for label in labels.iter().filter(|l| is_development(&l.split)) {
        by_file.entry(&label.file).or_default().push(label);
    }
    let unsure = Settings::from_env().unsure;
    let mut out = Vec::new();
    for (number, (file, labels)) in by_file.iter().enumerate() {
        let text = std::fs::read_to_string(dir.join(file))
            .unwrap_or_else(|_| panic!("{file} missing from CORPUS_DIR"));
        let incident = parse_document(file, &text).incident;
        let mut features: Vec<Option<Vec<(String, f32)>>> = features_of(&incident)
            .into_iter()
            .map(|f| Some(shortened(f.into_iter().map(|(k, v)| (k.into_owned(), v)))))
            .collect();
        for label in labels {
            let found = incident.timeline.iter().enumerate().position(|(i, e)| {
                features[i].is_some()
                    && serde_json::to_value(e.at).ok().as_ref() == Some(&label.at)
                    && e.text.starts_with(label.starts.as_str())
            });
            let Some(index) = found else { continue };
            let kind = EventKind::ALL
                .iter()
                .position(|k| *k == label.kind)
                .expect("a kind");
            if let Ok(path) = std::env::var("KINDS_DUMP") {
                dump(&path, file, &incident, index, label, &features[index]);
            }
            out.push(Example {
                file: number,
                features: features[index].take().expect("unused"),
                kind,
                weight: if label.confident { 1.0 } else { unsure },
            });
        }
    }
    let count = by_file.len();
    (out, count, unsure)
}

/// With `KINDS_DUMP=path`, appends one JSON line per labelled event (its file, label, place,
/// text, neighbours' texts and features) to `path`, to try other models outside this test.
fn dump(
    path: &str,
    file: &str,
    incident: &postmortem_explorer::model::Incident,
    index: usize,
    label: &Label,
    features: &Option<Vec<(String, f32)>>,
) {
    use std::io::Write;
    let text = |i: Option<usize>| {
        i.and_then(|i| incident.timeline.get(i))
            .map(|e| e.text.clone())
            .unwrap_or_default()
    };
    let line = serde_json::json!({
        "file": file,
        "kind": format!("{:?}", label.kind),
        "confident": label.confident,
        "index": index,
        "count": incident.timeline.len(),
        "text": text(Some(index)),
        "before": text(index.checked_sub(1)),
        "after": text(Some(index + 1)),
        "features": features,
    });
    if let Ok(mut out) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(out, "{line}");
    }
}

/// With `KINDS_STEM=n`, word stems cut to `n` characters (to measure shorter stems before
/// the library's are changed), repeats dropped.
fn shortened(features: impl Iterator<Item = (String, f32)>) -> Vec<(String, f32)> {
    let cut: Option<usize> = std::env::var("KINDS_STEM")
        .ok()
        .and_then(|v| v.parse().ok());
    let mut out: Vec<(String, f32)> = Vec::new();
    for (name, value) in features {
        let name = match (cut, name.split_once(':')) {
            (Some(n), Some(("w", stem))) => {
                format!("w:{}", stem.chars().take(n).collect::<String>())
            }
            _ => name,
        };
        if !out.iter().any(|(k, _)| *k == name) {
            out.push((name, value));
        }
    }
    out
}

/// Multinomial logistic regression by full-batch Adam: the names seen, and a row of weights
/// for each.
fn train(examples: &[&Example], settings: &Settings) -> (Vec<String>, Vec<[f32; KINDS]>) {
    // A word stem is learned only when it is found in several files: one file's names and
    // jargon say nothing of the next file.
    let mut files_of: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for example in examples {
        for (name, _) in &example.features {
            files_of.entry(name).or_default().insert(example.file);
        }
    }
    let names: Vec<String> = files_of
        .iter()
        .filter(|(name, files)| !name.starts_with("w:") || files.len() >= settings.min_files)
        .filter(|(name, _)| {
            !settings
                .drop
                .iter()
                .any(|p| !p.is_empty() && name.starts_with(p.as_str()))
        })
        .map(|(name, _)| (*name).to_owned())
        .collect();
    let rows: Vec<Vec<(usize, f32)>> = examples
        .iter()
        .map(|e| {
            e.features
                .iter()
                .filter_map(|(k, v)| Some((names.binary_search(k).ok()?, *v)))
                .collect()
        })
        .collect();
    let total_weight: f32 = examples.iter().map(|e| e.weight).sum();
    let mut w = vec![[0.0f32; KINDS]; names.len()];
    let mut m = vec![[0.0f32; KINDS]; names.len()];
    let mut v = vec![[0.0f32; KINDS]; names.len()];
    let (b1, b2) = (0.9f32, 0.999f32);
    for step in 1..=settings.steps {
        let mut grad = vec![[0.0f32; KINDS]; names.len()];
        for (row, example) in rows.iter().zip(examples) {
            let mut s = [0.0f32; KINDS];
            for &(j, x) in row {
                for k in 0..KINDS {
                    s[k] += w[j][k] * x;
                }
            }
            let top = s.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            let mut sum = 0.0;
            for value in &mut s {
                *value = (*value - top).exp();
                sum += *value;
            }
            for (k, p) in s.iter_mut().enumerate() {
                *p = (*p / sum - f32::from(u8::from(k == example.kind))) * example.weight
                    / total_weight;
            }
            for &(j, x) in row {
                for k in 0..KINDS {
                    grad[j][k] += s[k] * x;
                }
            }
        }
        let (c1, c2) = (1.0 - b1.powi(step as i32), 1.0 - b2.powi(step as i32));
        for j in 0..names.len() {
            for k in 0..KINDS {
                let g = grad[j][k] + settings.l2 * w[j][k];
                m[j][k] = b1 * m[j][k] + (1.0 - b1) * g;
                v[j][k] = b2 * v[j][k] + (1.0 - b2) * g * g;
                w[j][k] -= settings.rate * (m[j][k] / c1) / ((v[j][k] / c2).sqrt() + 1e-8);
            }
        }
    }
    (names, w)
}

/// The weights as eight-bit integers, keeping every named feature and the `words` word stems
/// with the largest weights; rows that round to nothing are left out.
fn quantize(names: &[String], w: &[[f32; KINDS]], words: usize) -> Table {
    let largest = |row: &[f32; KINDS]| row.iter().fold(0.0f32, |a, b| a.max(b.abs()));
    let scale = w.iter().map(largest).fold(0.0f32, f32::max) / 127.0;
    let mut by_size: Vec<(f32, usize)> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| n.starts_with("w:"))
        .map(|(j, _)| (largest(&w[j]), j))
        .collect();
    by_size.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let kept_words: BTreeSet<usize> = by_size.iter().take(words).map(|&(_, j)| j).collect();
    let mut table = Table {
        keys: Vec::new(),
        weights: Vec::new(),
        scale,
    };
    for (j, name) in names.iter().enumerate() {
        if name.starts_with("w:") && !kept_words.contains(&j) {
            continue;
        }
        let row: Vec<i8> = w[j]
            .iter()
            .map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8)
            .collect();
        if row.iter().any(|&x| x != 0) {
            table.keys.push(name.clone());
            table.weights.extend(row);
        }
    }
    table
}

/// Right and read-as-Other counts of a table on some examples: (right, total, kinded, other).
fn score(table: &Table, examples: &[&Example]) -> (usize, usize, usize, usize) {
    let mut counts = (0, 0, 0, 0);
    for example in examples {
        let got = table.kind(&example.features);
        counts.0 += usize::from(got == example.kind);
        counts.1 += 1;
        if example.kind != KINDS - 1 {
            counts.2 += 1;
            counts.3 += usize::from(got == KINDS - 1);
        }
    }
    counts
}

/// The files in a shuffled order (a fixed linear congruential generator, so folds repeat).
fn shuffled(count: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    let mut state = seed;
    for i in (1..count).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = ((state >> 33) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

fn write_table(table: &Table) -> String {
    let mut out = String::from(
        "//! Generated by `tests/kinds_model.rs` (`KINDS_WRITE=1`) from the development splits of\n\
         //! the hand labels; do not edit by hand.\n\n\
         /// What one step of a weight is worth.\n",
    );
    out += &format!("pub(super) const SCALE: f32 = {:?};\n", table.scale);
    out += "/// The feature names, sorted, one a line.\n";
    out += "pub(super) const KEYS: &str = \"\\\n";
    for key in &table.keys {
        let escaped: String = key.chars().flat_map(char::escape_default).collect();
        out += &format!("{escaped}\\n\\\n");
    }
    out +=
        "\";\n/// Ten weights for each name, in the order of `EventKind::ALL`.\n#[rustfmt::skip]\n";
    out += "pub(super) const WEIGHTS: &[i8] = &[\n";
    for row in table.weights.chunks(KINDS) {
        let cells: Vec<String> = row.iter().map(i8::to_string).collect();
        out += &format!("    {},\n", cells.join(", "));
    }
    out += "];\n";
    out
}

#[test]
#[ignore = "needs the corpus texts in CORPUS_DIR"]
fn train_the_kinds_model_on_the_development_splits() {
    let Some(dir) = std::env::var_os("CORPUS_DIR") else {
        panic!("set CORPUS_DIR to the folder of corpus texts");
    };
    let settings = Settings::from_env();
    let (examples, files, unsure) = examples(std::path::Path::new(&dir));
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "development splits: {} labelled events in {files} files; l2 {}, {} steps, rate {}, {} words found in {}+ files, unsure labels weigh {unsure}",
        examples.len(),
        settings.l2,
        settings.steps,
        settings.rate,
        settings.words,
        settings.min_files
    );
    let seeds: Vec<u64> = std::env::var("KINDS_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(vec![1, 2, 3], |n: u64| (1..=n).collect());
    let mut figures = Vec::new();
    for &seed in &seeds {
        let order = shuffled(files, seed);
        let mut fold_of = vec![0; files];
        for (place, &file) in order.iter().enumerate() {
            fold_of[file] = place % 5;
        }
        let mut counts = (0, 0, 0, 0);
        for fold in 0..5 {
            let learn: Vec<&Example> = examples
                .iter()
                .filter(|e| fold_of[e.file] != fold)
                .collect();
            let test: Vec<&Example> = examples
                .iter()
                .filter(|e| fold_of[e.file] == fold)
                .collect();
            let (names, w) = train(&learn, &settings);
            let table = quantize(&names, &w, settings.words);
            let (a, b, c, d) = score(&table, &test);
            counts = (counts.0 + a, counts.1 + b, counts.2 + c, counts.3 + d);
        }
        println!(
            "  5-fold by file, shuffle {seed}: {} of {} right ({:.1}%), {:.1}% of those with a kind read as Other",
            counts.0,
            counts.1,
            pct(counts.0, counts.1),
            pct(counts.3, counts.2)
        );
        figures.push(pct(counts.0, counts.1));
    }
    println!(
        "cross-validated accuracy: {:.1}% (mean of {} shuffles)",
        figures.iter().sum::<f64>() / figures.len() as f64,
        figures.len()
    );
    let all: Vec<&Example> = examples.iter().collect();
    let (names, w) = train(&all, &settings);
    let table = quantize(&names, &w, settings.words);
    let (right, total, _, _) = score(&table, &all);
    let bytes = table.keys.iter().map(|k| k.len() + 1).sum::<usize>() + table.weights.len();
    println!(
        "trained on all of them: {} rows ({} word stems), about {bytes} bytes of table; {:.1}% right on them",
        table.keys.len(),
        table.keys.iter().filter(|k| k.starts_with("w:")).count(),
        pct(right, total)
    );
    if std::env::var_os("KINDS_WRITE").is_some() {
        std::fs::write("src/analysis/kinds/weights.rs", write_table(&table))
            .expect("weights.rs written");
        println!("wrote src/analysis/kinds/weights.rs");
    }
}

/// Prints every timeline entry of the files of one development split (`SPLIT=dev2` …), as
/// the reader reads them, for labelling by hand: file, place, moment, the first words a label
/// keeps (`starts`) and the entry's text. Held-out splits are refused, so they stay unseen.
///
/// ```sh
/// CORPUS_DIR=… SPLIT=dev2 cargo test --release --test kinds_model entries -- --ignored --nocapture
/// ```
#[test]
#[ignore = "needs the corpus texts in CORPUS_DIR"]
fn entries_of_a_development_split() {
    let Some(dir) = std::env::var_os("CORPUS_DIR") else {
        panic!("set CORPUS_DIR to the folder of corpus texts");
    };
    let split = std::env::var("SPLIT").unwrap_or_else(|_| "dev".into());
    assert!(
        is_development(&split),
        "only development splits are printed"
    );
    let manifest: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string("tests/corpus/manifest.json").expect("manifest.json"),
    )
    .expect("manifest.json parses");
    for record in manifest.iter().filter(|r| r["split"] == split.as_str()) {
        let file = record["file"].as_str().expect("a file name");
        let text = std::fs::read_to_string(std::path::Path::new(&dir).join(file))
            .unwrap_or_else(|_| panic!("{file} missing from CORPUS_DIR"));
        let incident = parse_document(file, &text).incident;
        for (index, event) in incident.timeline.iter().enumerate() {
            let at = serde_json::to_string(&event.at).expect("a moment");
            let starts: String = event.text.chars().take(24).collect();
            let words: String = event
                .text
                .chars()
                .take(260)
                .map(|c| if c.is_whitespace() { ' ' } else { c })
                .collect();
            println!(
                "{file}\t{index}\t{at}\t{}\t{words}",
                serde_json::to_string(&starts).expect("text")
            );
        }
    }
}
