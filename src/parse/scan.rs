//! Byte searches for the reader's hot loops. Most bytes of a postmortem are plain words that no
//! recogniser wants, so the searches look at eight bytes at a time (as one `u64`) and only look
//! at single bytes in the words that may hold what they look for.

/// `0x01` in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte of a word.
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// `byte` in every byte of a word.
pub const fn splat(byte: u8) -> u64 {
    ONES * byte as u64
}

/// The high bit of the lowest byte of `word` below `n` (`n` at most 128) is set, and no bit of
/// a byte under it: zero when there is no such byte. (Bytes above it may be marked too.)
pub const fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(splat(n)) & !word & HIGHS
}

/// Like [`below`], for the bytes equal to `byte`.
pub const fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ splat(byte), 1)
}

/// The high bits of the bytes of `word` that are not ASCII.
pub const fn non_ascii(word: u64) -> u64 {
    word & HIGHS
}

/// Marks the bytes of `word` that may be ASCII digits (never misses the first one).
pub const fn digits(word: u64) -> u64 {
    // `0`..`9` become 0..9; every other byte 10 or more.
    below(word ^ splat(b'0'), 10)
}

/// Marks the bytes of `word` that may be ASCII capital letters (never misses the first one).
pub const fn capitals(word: u64) -> u64 {
    // `@`..`_` (the capitals and five signs) become 0..31; every other byte 32 or more.
    below(word ^ splat(b'@'), 32)
}

/// The index of the first byte of `bytes` at or after `from` for which `hit` is true. `marks`
/// marks (with its high bit) the bytes of an eight-byte word (little-endian) that may be such a
/// byte, as [`below`] and [`equal`] do: it must mark the first one when a word holds any (it
/// may mark others too). Combine marks with `|`.
#[inline]
pub fn find_byte(
    bytes: &[u8],
    from: usize,
    marks: impl Fn(u64) -> u64,
    hit: impl Fn(u8) -> bool,
) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let mut words = rest.chunks_exact(8);
    let mut at = from;
    for word in words.by_ref() {
        let Ok(array) = <[u8; 8]>::try_from(word) else {
            break;
        };
        let marked = marks(u64::from_le_bytes(array));
        if marked != 0 {
            // No byte under the first marked one is wanted.
            let first = (marked.trailing_zeros() / 8) as usize;
            if let Some(found) = word.iter().skip(first).position(|&b| hit(b)) {
                return Some(at + first + found);
            }
        }
        at += 8;
    }
    let found = words.remainder().iter().position(|&b| hit(b))?;
    Some(at + found)
}

/// The index of the first byte `byte` in `bytes` at or after `from`.
#[inline]
pub fn find(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    find_byte(bytes, from, |word| equal(word, byte), |b| b == byte)
}

/// True when `bytes` holds `byte` (quicker than a `memchr` call on a line's worth of bytes).
#[inline]
pub fn contains(bytes: &[u8], byte: u8) -> bool {
    find(bytes, 0, byte).is_some()
}

/// `text` without leading white space, as [`str::trim_start`] gives it, at once when the text
/// starts with a printable ASCII character (most lines).
#[inline]
pub fn trim_start(text: &str) -> &str {
    match text.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => text,
        _ => text.trim_start(),
    }
}

/// True when `text` contains `phrase` (ASCII, starting with a letter) in any case.
pub fn contains_ignore_ascii_case(text: &str, phrase: &str) -> bool {
    let (bytes, phrase) = (text.as_bytes(), phrase.as_bytes());
    let Some(&first) = phrase.first() else {
        return true;
    };
    let first = first.to_ascii_lowercase();
    let mut at = 0;
    // `b | 0x20` is the lower case of a letter: candidates for the phrase's first letter.
    let maybe = |word| equal(word | splat(0x20), first);
    while let Some(found) = find_byte(bytes, at, maybe, |b| (b | 0x20) == first) {
        if bytes
            .get(found..found + phrase.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(phrase))
        {
            return true;
        }
        at = found + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_byte_from_any_start() {
        let text = format!("{}x{}y", "a".repeat(40), "b".repeat(17));
        let bytes = text.as_bytes();
        assert_eq!(find(bytes, 0, b'x'), Some(40));
        assert_eq!(find(bytes, 40, b'x'), Some(40));
        assert_eq!(find(bytes, 41, b'x'), None);
        assert_eq!(find(bytes, 41, b'y'), Some(58));
        assert_eq!(find(bytes, 59, b'y'), None);
        assert_eq!(find(bytes, 500, b'y'), None);
        assert_eq!(find(b"", 0, b'y'), None);
        for from in 0..bytes.len() {
            let expected = bytes[from..]
                .iter()
                .position(|&b| b == b'b')
                .map(|p| p + from);
            assert_eq!(find(bytes, from, b'b'), expected);
        }
    }

    #[test]
    fn trims_as_the_standard_library_does() {
        for text in [
            "",
            " ",
            "a b ",
            "  a",
            "\u{a0}\u{3000}x",
            "\u{b}x",
            "\t\n x",
            "é",
            "\u{85}x",
        ] {
            assert_eq!(trim_start(text), text.trim_start(), "{text:?}");
        }
        assert!(contains(b"a long line of text with a pipe | in it", b'|'));
        assert!(!contains(b"a long line of text with no pipe in it", b'|'));
    }

    #[test]
    fn word_tests_never_miss_a_byte() {
        for byte in 0..=255u8 {
            for lane in 0..8 {
                // A filler that is not `byte`, so that `byte` is the lowest of its kind.
                let mut array = [if byte == b'a' { b'b' } else { b'a' }; 8];
                array[lane] = byte;
                let word = u64::from_le_bytes(array);
                let lowest = 1u64 << (8 * lane + 7);
                assert_eq!(equal(word, byte) & (lowest | (lowest - 1)), lowest);
                assert_eq!(equal(word, b'z') != 0, byte == b'z');
                assert_eq!(non_ascii(word) != 0, !byte.is_ascii());
                if byte.is_ascii_digit() {
                    assert_eq!(digits(word) & (lowest | (lowest - 1)), lowest);
                }
                if byte.is_ascii_uppercase() {
                    assert_eq!(capitals(word) & (lowest | (lowest - 1)), lowest);
                }
            }
        }
        assert_eq!(digits(u64::from_le_bytes([b'a'; 8])), 0);
        assert_eq!(capitals(u64::from_le_bytes([b'a'; 8])), 0);
        let find_digit = |text: &[u8]| find_byte(text, 0, digits, |b| b.is_ascii_digit());
        assert_eq!(find_digit(b"no digits here, none at all"), None);
        assert_eq!(find_digit(b"one digit, at the very end: 7"), Some(28));
        assert_eq!(find_digit(b"x:y0123456789"), Some(3));
        let find_capital = |text: &[u8]| find_byte(text, 0, capitals, |b| b.is_ascii_uppercase());
        assert_eq!(find_capital(b"all lower case @ [ ] ^ _ `"), None);
        assert_eq!(find_capital(b"one capital: Z"), Some(13));
        assert_eq!(find_capital(b"@@[[ABC"), Some(4));
        // Several marks at once: the first of any.
        let either = |text: &[u8]| {
            find_byte(
                text,
                0,
                |w| equal(w, b'<') | equal(w, b'&'),
                |b| b == b'<' || b == b'&',
            )
        };
        assert_eq!(either(b"plain text, then & and <"), Some(17));
        assert_eq!(either(b"plain text, then < and &"), Some(17));
    }
}
