//! The text reader on broken and hostile input: every truncation and many mutations of the
//! fixtures, and pathological lines (thousands of brackets, ampersands, pipes, digits).
//! It must never panic, and every diagnostic must point into the input.

use std::path::Path;

use postmortem_explorer::parse::parse_text;

/// Parses `text` and checks every diagnostic points at a real line.
fn check(text: &str) {
    let parsed = parse_text(text);
    let lines = text.split(['\n', '\r']).count().max(1) as u32;
    for d in &parsed.diagnostics {
        assert!(
            d.line >= 1 && d.line <= lines && d.column >= 1,
            "{d} in {text:?}"
        );
    }
}

fn fixture_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .map(|p| std::fs::read_to_string(p).expect("fixture"))
        .collect();
    texts.sort();
    texts
}

#[test]
fn every_truncation_of_every_fixture() {
    for text in fixture_texts() {
        for (at, _) in text.char_indices() {
            check(&text[..at]);
            check(&text[at..]);
        }
    }
}

#[test]
fn fixtures_with_hostile_characters_spliced_in() {
    let nasty = [
        "\u{feff}", "\r", "\n", "|", "**", "`", "[", "](", "<br>", "&#", "&amp", "é", "🍪", "\t",
        "---", "```", "12:", "PM", "UTC+", "2024-", "\u{2011}", "<span", "#", ">", "- [x] ",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for text in fixture_texts() {
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for _ in 0..60 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let at = boundaries[(seed as usize) % boundaries.len().max(1)];
            let piece = nasty[(seed >> 32) as usize % nasty.len()];
            let mut mutated = String::with_capacity(text.len() + piece.len());
            mutated.push_str(&text[..at]);
            mutated.push_str(piece);
            mutated.push_str(&text[at..]);
            check(&mutated);
        }
    }
}

#[test]
fn pathological_lines() {
    for unit in [
        "[",
        "[a](",
        "](",
        "&",
        "&#",
        "<br",
        "<b",
        "|",
        "1",
        "1:",
        "10:00 ",
        "at 10:00 ",
        "(",
        "@",
        "**",
        "`",
        "# ",
        "- ",
        "> ",
        "2024-01-15 ",
        "P1 ",
        "Owner: ",
        "é",
        "\t",
    ] {
        let line = unit.repeat(5_000);
        check(&line);
        check(&format!("# T\n\n## Timeline\n\n{line}\n"));
        check(&format!("# T\n\n## Action Items\n\n- {line}\n"));
        check(&format!("# T\n\nSome prose {line}\n"));
    }
}
