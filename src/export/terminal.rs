//! Text from a file made safe to print on a terminal.
//!
//! A postmortem can hold anything, including escape sequences that a terminal obeys rather
//! than shows: `ESC ] 52` writes the clipboard, `ESC [ 2 J` clears the screen, a carriage
//! return or bidi override hides what follows. [`escape_controls`] writes every such
//! character as a visible Rust-style escape (`\u{1b}`), so the `postmortem` CLI can print
//! messages, excerpts and file names without the file taking over the terminal.

use std::borrow::Cow;
use std::fmt::Write as _;

/// True for the characters a terminal may act on instead of showing: C0 controls but tab
/// (and the line feed when `keep_line_breaks`), DEL, the C1 controls U+0080–U+009F, and the
/// bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
fn must_escape(c: char, keep_line_breaks: bool) -> bool {
    match c {
        '\t' => false,
        '\n' => !keep_line_breaks,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// `text` with every control character (see above) written as `\u{…}`; borrowed unchanged
/// when there is none. With `keep_line_breaks`, line feeds stay (multi-line output such as
/// `convert` on a terminal); without, they are escaped too (one diagnostic, one line).
pub fn escape_controls(text: &str, keep_line_breaks: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| must_escape(c, keep_line_breaks)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if must_escape(c, keep_line_breaks) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_obey() {
        let hostile = "a\u{1b}]52;c;ZXZpbA==\u{7}b\u{1b}[2Jc\rd\u{7f}\u{9b}e\u{202e}f\u{2066}g";
        assert_eq!(
            escape_controls(hostile, false),
            "a\\u{1b}]52;c;ZXZpbA==\\u{7}b\\u{1b}[2Jc\\u{d}d\\u{7f}\\u{9b}e\\u{202e}f\\u{2066}g"
        );
    }

    #[test]
    fn keeps_tabs_text_and_line_breaks_when_asked() {
        let plain = "Café\tcrashed — 10:00\nnext line ✓";
        assert!(matches!(escape_controls(plain, true), Cow::Borrowed(_)));
        assert_eq!(
            escape_controls(plain, false),
            "Café\tcrashed — 10:00\\u{a}next line ✓"
        );
        assert_eq!(escape_controls("\u{0}", true), "\\u{0}");
    }
}
