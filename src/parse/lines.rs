//! Splits input into numbered lines: strips a byte-order mark and accepts LF, CRLF and CR endings.

use super::scan::{below, find_byte};

/// One line of the input, without its line ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceLine<'a> {
    /// 1-based line number.
    pub number: u32,
    /// The line as written, without the line ending.
    pub text: &'a str,
}

/// The lines of `source`, numbered from 1.
pub fn source_lines(source: &str) -> impl Iterator<Item = SourceLine<'_>> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut rest = Some(source);
    let mut number = 0u32;
    std::iter::from_fn(move || {
        let text = rest?;
        number = number.saturating_add(1);
        // A byte search: both endings are ASCII, so the position is a character boundary.
        match find_byte(
            text.as_bytes(),
            0,
            // `\n` and `\r` are below 14 (with tabs and other controls, checked one by one).
            |word| below(word, 14),
            |b| b == b'\n' || b == b'\r',
        ) {
            Some(end) => {
                let after = if text[end..].starts_with("\r\n") {
                    end + 2
                } else {
                    end + 1
                };
                rest = Some(&text[after..]);
                Some(SourceLine {
                    number,
                    text: &text[..end],
                })
            }
            None => {
                rest = None;
                // A trailing newline does not start another line.
                (!text.is_empty() || number == 1).then_some(SourceLine { number, text })
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<(u32, &str)> {
        source_lines(source).map(|l| (l.number, l.text)).collect()
    }

    #[test]
    fn accepts_every_line_ending_and_a_bom() {
        assert_eq!(
            texts("\u{feff}a\r\nb\rc\nd\n"),
            [(1, "a"), (2, "b"), (3, "c"), (4, "d")]
        );
        assert_eq!(texts("a\n\nb"), [(1, "a"), (2, ""), (3, "b")]);
        assert_eq!(texts(""), [(1, "")]);
    }
}
