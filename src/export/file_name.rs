//! File names for downloads made from text the postmortem gives (its title, its file name).
//!
//! The text is the author's, so it may hold anything: path separators, dots, control
//! characters, names Windows reserves (`CON`, `NUL`, `COM1`). [`safe_file_stem`] keeps a
//! plain stem that every file system takes as it is: ASCII letters, digits and single
//! hyphens, at most [`MAX_STEM`] characters, never empty, never starting with a dot, never a
//! reserved device name.

/// The longest stem [`safe_file_stem`] returns.
pub const MAX_STEM: usize = 60;

/// The stem used when the text gives nothing usable.
pub const FALLBACK_STEM: &str = "incident";

/// The names Windows reserves for devices, whatever the extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The ASCII letters an accented Latin letter is written with (`é` → `e`, `ß` → `ss`).
fn plain_letters(c: char) -> Option<&'static str> {
    let plain = match c {
        'à'..='å' | 'À'..='Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' => "c",
        'è'..='ë' | 'È'..='Ë' => "e",
        'ì'..='ï' | 'Ì'..='Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' => "o",
        'ù'..='ü' | 'Ù'..='Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        _ => return None,
    };
    Some(plain)
}

/// A download file stem from `title`: lower-case ASCII letters and digits (accented Latin
/// letters lose their accent), everything else one hyphen between words; at most
/// [`MAX_STEM`] characters; [`FALLBACK_STEM`] when nothing is left. A reserved Windows device
/// name gets `-file` appended. `The Great Cookie Catastrophe!` → `the-great-cookie-catastrophe`.
pub fn safe_file_stem(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        let full = match plain_letters(c) {
            Some(letters) => letters.chars().all(|l| push_letter(&mut stem, l)),
            None => push_letter(&mut stem, c),
        };
        if !full {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        return FALLBACK_STEM.to_string();
    }
    if RESERVED.contains(&stem) {
        return format!("{stem}-file");
    }
    stem.to_string()
}

/// Adds `c` to `stem`: an ASCII letter or digit in lower case, anything else as one hyphen
/// after a word. False when the stem is full.
fn push_letter(stem: &mut String, c: char) -> bool {
    if c.is_ascii_alphanumeric() {
        if stem.len() >= MAX_STEM {
            return false;
        }
        stem.push(c.to_ascii_lowercase());
    } else if !stem.is_empty() && !stem.ends_with('-') {
        if stem.len() + 1 >= MAX_STEM {
            return false;
        }
        stem.push('-');
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_plain_hyphenated_stems() {
        assert_eq!(
            safe_file_stem("The Great Cookie Catastrophe"),
            "the-great-cookie-catastrophe"
        );
        assert_eq!(
            safe_file_stem("  DB outage (2024-01-15)!  "),
            "db-outage-2024-01-15"
        );
        assert_eq!(
            safe_file_stem("Café déjà vu — Straße"),
            "cafe-deja-vu-strasse"
        );
    }

    #[test]
    fn nothing_dangerous_survives() {
        for hostile in [
            "../../etc/passwd",
            "..\\..\\Windows\\system32",
            ".hidden",
            "a\u{1b}[2J\u{7}b",
            "name\u{202e}gpj.exe",
            "x\0y",
            "/absolute/path",
            "C:\\temp\\x",
        ] {
            let stem = safe_file_stem(hostile);
            assert!(
                !stem.is_empty()
                    && stem.len() <= MAX_STEM
                    && !stem.starts_with(['.', '-'])
                    && !stem.ends_with('-')
                    && stem
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{hostile:?} → {stem:?}"
            );
        }
        assert_eq!(safe_file_stem("../../etc/passwd"), "etc-passwd");
    }

    #[test]
    fn empty_long_and_reserved_names() {
        assert_eq!(safe_file_stem(""), "incident");
        assert_eq!(safe_file_stem("!!! ... ???"), "incident");
        assert_eq!(safe_file_stem("火事"), "incident");
        let long = safe_file_stem(&"word ".repeat(40));
        assert!(long.len() <= MAX_STEM && !long.ends_with('-'), "{long}");
        assert_eq!(safe_file_stem(&"x".repeat(100)).len(), MAX_STEM);
        for reserved in ["CON", "nul", "Com1", "LPT9", "aux", "PRN."] {
            let stem = safe_file_stem(reserved);
            assert!(stem.ends_with("-file"), "{reserved} → {stem}");
        }
        assert_eq!(safe_file_stem("console"), "console");
    }
}
