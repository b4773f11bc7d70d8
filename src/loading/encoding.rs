//! Bytes to text: which encoding a loaded file is in, and whether it is text at all.
//!
//! * UTF-8, with or without a byte-order mark, is read as it is (no note).
//! * UTF-16 LE or BE is read when a byte-order mark says so, or without one when many zero
//!   bytes sit at the odd (LE) or even (BE) positions, as they do in UTF-16 ASCII.
//! * Bytes that are not valid UTF-8 and hold no zero byte are read as Windows-1252 (the
//!   usual encoding of text saved by older Windows tools), with a note asking to check
//!   accents and quotes.
//! * Known binary formats (PNG, JPEG, GIF, PDF, ZIP including .docx and .xlsx, gzip) and
//!   anything else with zero bytes outside a UTF-16 pattern are refused, naming what they look
//!   like.
//!
//! The Windows-1252 table is written out here (32 entries) rather than taken from
//! `encoding_rs`, whose tables would add far more to the wasm bundle than this one encoding
//! is worth. UTF-16 goes through `char::decode_utf16` from std.

/// Text decoded from bytes, and a note for the reader when it was not plain UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Set when anything but UTF-8 was assumed, or characters had to be replaced: e.g.
    /// "read as UTF-16 LE (byte-order mark)". Show it with the file.
    pub note: Option<String>,
}

impl Decoded {
    fn plain(text: String) -> Decoded {
        Decoded { text, note: None }
    }
}

/// What bytes that are not text look like, e.g. "a PNG image", or `None` when they are text.
pub(super) fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const UTF32: &str = "UTF-32 text, which is not read: save it as UTF-8";
    const MAGIC: [(&[u8], &str); 10] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (Word .docx and Excel .xlsx files are ZIP archives too)",
        ),
        (b"PK\x05\x06", "a ZIP archive"),
        (b"\x1F\x8B", "a gzip-compressed file"),
        (b"\x00\x00\xFE\xFF", UTF32),
        (b"\xFF\xFE\x00\x00", UTF32),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// What binary data without a known signature is called.
pub(super) const BINARY: &str = "binary data (it holds zero bytes, as no text file does)";

/// Decodes `bytes`, or says what they look like when they are not text.
pub(super) fn decode_bytes(bytes: Vec<u8>) -> Result<Decoded, &'static str> {
    if let Some(kind) = binary_kind(&bytes) {
        return Err(kind);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(utf16(rest, Endian::Little, "byte-order mark"));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(utf16(rest, Endian::Big, "byte-order mark"));
    }
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF");
    if bytes.contains(&0) {
        return match utf16_without_bom(&bytes) {
            Some(endian) => Ok(utf16(
                &bytes,
                endian,
                "no byte-order mark; guessed from its zero bytes",
            )),
            None => Err(BINARY),
        };
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if has_bom {
                text.drain(..3);
            }
            Ok(Decoded::plain(text))
        }
        Err(error) => {
            let valid_up_to = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            if has_bom {
                // The mark says UTF-8: keep it so, replacing what is broken.
                return Ok(lossy_utf8(&bytes[3..]));
            }
            if mostly_utf8(&bytes) {
                // Accented letters written as UTF-8 around a few broken bytes (a file cut or
                // patched in another encoding): read as Windows-1252 they would all be garbled.
                return Ok(lossy_utf8(&bytes));
            }
            windows_1252(&bytes, valid_up_to).ok_or(BINARY_CONTROLS)
        }
    }
}

/// True when `bytes` hold at least as many well-formed multi-byte UTF-8 characters as broken
/// sequences, and at least one: UTF-8 text with damage, not text in an 8-bit encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    multibyte > 0 && multibyte >= broken
}

/// `line L, column C`: where byte `at` of the decoded `text` is, counted as the readers count
/// lines (LF, CRLF or CR) and columns (characters, from 1).
fn place_of(text: &str, at: usize) -> String {
    let before = &text[..at.min(text.len())];
    let breaks = before.matches(['\n', '\r']).count() - before.matches("\r\n").count();
    let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    format!("line {}, column {column}", breaks + 1)
}

/// `bytes` as UTF-8, each invalid sequence replaced by U+FFFD and counted in the note, which
/// says where the first one is.
fn lossy_utf8(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = 0usize;
    let mut first = None;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            replaced += 1;
            first.get_or_insert(text.len());
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    let place = first
        .map(|at| format!(", first at {}", place_of(&text, at)))
        .unwrap_or_default();
    Decoded {
        note: Some(format!(
            "UTF-8 with {replaced} invalid byte sequence{} shown as \u{fffd}{place}",
            if replaced == 1 { "" } else { "s" }
        )),
        text,
    }
}

/// What bytes full of control characters are called.
const BINARY_CONTROLS: &str = "binary data (it is full of control characters)";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endian {
    Little,
    Big,
}

/// UTF-16 code units of `bytes` (an odd last byte is left out), decoded, with the note.
fn utf16(bytes: &[u8], endian: Endian, how: &str) -> Decoded {
    let units = bytes.chunks_exact(2).map(|pair| match endian {
        Endian::Little => u16::from_le_bytes([pair[0], pair[1]]),
        Endian::Big => u16::from_be_bytes([pair[0], pair[1]]),
    });
    let mut replaced = 0usize;
    let mut first = None;
    let mut text = String::with_capacity(bytes.len() / 2);
    for unit in char::decode_utf16(units) {
        if unit.is_err() {
            replaced += 1;
            first.get_or_insert(text.len());
        }
        text.push(unit.unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    if bytes.len() % 2 == 1 {
        replaced += 1;
        first.get_or_insert(text.len());
        text.push(char::REPLACEMENT_CHARACTER);
    }
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        text = rest.to_string();
        first = first.map(|at| at.saturating_sub('\u{feff}'.len_utf8()));
    }
    let name = match endian {
        Endian::Little => "UTF-16 LE",
        Endian::Big => "UTF-16 BE",
    };
    let mut note = format!("read as {name} ({how})");
    if replaced > 0 {
        note.push_str(&format!(
            "; {replaced} broken character{} shown as \u{fffd}{}",
            if replaced == 1 { "" } else { "s" },
            first
                .map(|at| format!(", first at {}", place_of(&text, at)))
                .unwrap_or_default()
        ));
    }
    Decoded {
        text,
        note: Some(note),
    }
}

/// The byte order of UTF-16 text without a byte-order mark, judged by where its zero bytes
/// are: text that is mostly ASCII has a zero in every high byte, so at odd positions in
/// little-endian and even positions in big-endian. `None` when zeros are not in that pattern.
fn utf16_without_bom(bytes: &[u8]) -> Option<Endian> {
    // The first 64 KiB say enough, and keep this cheap on a 20 MB file.
    let sample = &bytes[..bytes.len().min(64 * 1024) & !1];
    let pairs = sample.len() / 2;
    if pairs == 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // Zeros in at least a third of one half, and almost none in the other.
    let many = |zeros: usize| zeros * 3 >= pairs;
    let few = |zeros: usize| zeros * 20 <= pairs;
    if many(odd) && few(even) {
        Some(Endian::Little)
    } else if many(even) && few(odd) {
        Some(Endian::Big)
    } else {
        None
    }
}

/// Windows-1252 for bytes 0x80–0x9F (`None`: undefined there); Latin-1 everywhere else.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// One Windows-1252 byte as a character; `None` for the five bytes it leaves undefined.
fn cp1252(byte: u8) -> Option<char> {
    match byte {
        0x80..=0x9F => CP1252_HIGH[usize::from(byte - 0x80)],
        _ => Some(char::from(byte)),
    }
}

/// `bytes` read as Windows-1252 with its note, or `None` when more than 1% of them are
/// control characters (other than tab, line breaks and form feed) or undefined bytes: then
/// they are not text in any 8-bit encoding.
fn windows_1252(bytes: &[u8], first_non_utf8: usize) -> Option<Decoded> {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut odd = 0usize;
    let mut first = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        if index == first_non_utf8 {
            first = text.len();
        }
        let c = cp1252(byte);
        let control = matches!(byte, 0x00..=0x08 | 0x0E..=0x1F | 0x7F) || byte == 0x0B;
        if c.is_none() || control {
            odd += 1;
        }
        text.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    if odd * 100 > bytes.len() {
        return None;
    }
    let note = format!(
        "not UTF-8: read as Windows-1252; check accents and quotes (the first byte that is not UTF-8 is at {})",
        place_of(&text, first)
    );
    Some(Decoded {
        text,
        note: Some(note),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` as UTF-16 code units in `endian` byte order, with a byte-order mark if `bom`.
    fn utf16_bytes(text: &str, endian: Endian, bom: bool) -> Vec<u8> {
        let mut units: Vec<u16> = Vec::new();
        if bom {
            units.push(0xFEFF);
        }
        units.extend(text.encode_utf16());
        units
            .into_iter()
            .flat_map(|u| match endian {
                Endian::Little => u.to_le_bytes(),
                Endian::Big => u.to_be_bytes(),
            })
            .collect()
    }

    const TEXT: &str = "Title: Café outage — “quoted” €5\n10:00 Alert fired 🚨\n";

    #[test]
    fn utf8_with_and_without_a_bom_needs_no_note() {
        let plain = decode_bytes(TEXT.as_bytes().to_vec()).unwrap();
        assert_eq!(plain, Decoded::plain(TEXT.to_string()));
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(TEXT.as_bytes());
        assert_eq!(decode_bytes(with_bom).unwrap(), plain);
        assert_eq!(
            decode_bytes(Vec::new()).unwrap(),
            Decoded::plain(String::new())
        );
    }

    #[test]
    fn utf16_with_a_bom_in_either_order() {
        let le = decode_bytes(utf16_bytes(TEXT, Endian::Little, true)).unwrap();
        assert_eq!(le.text, TEXT);
        assert_eq!(
            le.note.as_deref(),
            Some("read as UTF-16 LE (byte-order mark)")
        );
        let be = decode_bytes(utf16_bytes(TEXT, Endian::Big, true)).unwrap();
        assert_eq!(be.text, TEXT);
        assert_eq!(
            be.note.as_deref(),
            Some("read as UTF-16 BE (byte-order mark)")
        );
    }

    #[test]
    fn utf16_without_a_bom_is_told_by_its_zero_bytes() {
        let le = decode_bytes(utf16_bytes(TEXT, Endian::Little, false)).unwrap();
        assert_eq!(le.text, TEXT);
        assert_eq!(
            le.note.as_deref(),
            Some("read as UTF-16 LE (no byte-order mark; guessed from its zero bytes)")
        );
        let be = decode_bytes(utf16_bytes(TEXT, Endian::Big, false)).unwrap();
        assert_eq!(be.text, TEXT);
        assert!(be
            .note
            .unwrap()
            .starts_with("read as UTF-16 BE (no byte-order mark"));
    }

    #[test]
    fn broken_utf16_is_replaced_and_counted() {
        // A lone high surrogate, then an odd last byte.
        let mut bytes = utf16_bytes("ab", Endian::Little, true);
        bytes.extend_from_slice(&[0x3D, 0xD8]);
        bytes.extend_from_slice(&utf16_bytes("c", Endian::Little, false));
        bytes.push(b'x');
        let decoded = decode_bytes(bytes).unwrap();
        assert_eq!(decoded.text, "ab\u{fffd}c\u{fffd}");
        assert_eq!(
            decoded.note.as_deref(),
            Some("read as UTF-16 LE (byte-order mark); 2 broken characters shown as \u{fffd}, first at line 1, column 3")
        );
    }

    #[test]
    fn invalid_utf8_without_zero_bytes_is_windows_1252() {
        // "Café “quoted” – 5€" as Windows-1252.
        let bytes = b"Caf\xE9 \x93quoted\x94 \x96 5\x80\n".to_vec();
        let decoded = decode_bytes(bytes).unwrap();
        assert_eq!(decoded.text, "Café “quoted” – 5€\n");
        assert_eq!(
            decoded.note.as_deref(),
            Some("not UTF-8: read as Windows-1252; check accents and quotes (the first byte that is not UTF-8 is at line 1, column 4)")
        );
        // Every byte maps to something: undefined ones to U+FFFD, the rest one to one.
        assert_eq!(cp1252(0x81), None);
        assert_eq!(cp1252(0x9F), Some('Ÿ'));
        assert_eq!(cp1252(0xA0), Some('\u{a0}'));
        assert_eq!(cp1252(b'a'), Some('a'));
    }

    #[test]
    fn a_utf8_bom_with_broken_bytes_stays_utf8() {
        let decoded = decode_bytes(b"\xEF\xBB\xBFok \xFF done".to_vec()).unwrap();
        assert_eq!(decoded.text, "ok \u{fffd} done");
        assert_eq!(
            decoded.note.as_deref(),
            Some("UTF-8 with 1 invalid byte sequence shown as \u{fffd}, first at line 1, column 4")
        );
    }

    #[test]
    fn utf8_with_a_few_broken_bytes_stays_utf8_and_says_where() {
        // Accented UTF-8 text with one stray byte on line 3 (after CRLF and CR endings).
        let bytes = [
            "Café\r\nnaïve\rrésumé ".as_bytes(),
            b"\xFF",
            " ok\n".as_bytes(),
        ]
        .concat();
        let decoded = decode_bytes(bytes).unwrap();
        assert_eq!(decoded.text, "Café\r\nnaïve\rrésumé \u{fffd} ok\n");
        assert_eq!(
            decoded.note.as_deref(),
            Some("UTF-8 with 1 invalid byte sequence shown as \u{fffd}, first at line 3, column 8")
        );
        // Without any well-formed UTF-8 letter it is an 8-bit encoding, and the note says
        // where the first byte that is not UTF-8 is.
        let decoded = decode_bytes(b"ok\nCaf\xE9\n".to_vec()).unwrap();
        assert_eq!(decoded.text, "ok\nCafé\n");
        assert!(decoded
            .note
            .unwrap()
            .ends_with("(the first byte that is not UTF-8 is at line 2, column 4)"));
    }

    #[test]
    fn binary_is_named_by_its_signature() {
        let cases: [(&[u8], &str); 10] = [
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a PNG image"),
            (b"\xFF\xD8\xFF\xE0\0\x10JFIF", "a JPEG image"),
            (b"GIF89a\x01\0\x01\0", "a GIF image"),
            (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3", "a PDF document"),
            (
                b"PK\x03\x04\x14\0\x06\0[Content_Types].xml",
                "a ZIP archive",
            ),
            (b"\x1F\x8B\x08\0\0\0\0\0", "a gzip-compressed file"),
            // What the page's end-to-end test uploads as `photo.png`.
            (b"\x89PNG\xFF\xFE\0", "a PNG image"),
            (b"\xFF\xFE\0\0T\0\0\0", "UTF-32 text"),
            (b"\x7FELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", "binary data"),
            (
                b"\x01\x02\x03\x04\x05\x06\x07\x08\x0E\x0F\xC3",
                "binary data",
            ),
        ];
        for (bytes, kind) in cases {
            let error = decode_bytes(bytes.to_vec()).unwrap_err();
            assert!(error.starts_with(kind), "{bytes:?}: {error}");
        }
    }
}
