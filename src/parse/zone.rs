//! UTC offsets as postmortems state them: `UTC`, `UTC-5`, `UTC+05:30`, `GMT-5`, and the usual
//! abbreviations (PST, EDT, CET, IST, ...). Ambiguous abbreviations are read as their most
//! common meaning, and the reader is told which.

use crate::model::UtcOffset;

/// An offset found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundZone {
    /// The offset.
    pub offset: UtcOffset,
    /// The zone as written, e.g. `UTC-5` or `PST`.
    pub label: String,
    /// Byte offset where it was written.
    pub at: usize,
    /// Set when the abbreviation has other meanings: says which one was chosen.
    pub ambiguity: Option<String>,
}

/// Abbreviation, hours east of UTC (in minutes), and the other meanings if ambiguous.
const ABBREVIATIONS: &[(&str, i32, &str)] = &[
    ("UTC", 0, ""),
    ("GMT", 0, ""),
    ("Z", 0, ""),
    ("PST", -8 * 60, ""),
    ("PDT", -7 * 60, ""),
    ("MST", -7 * 60, ""),
    ("MDT", -6 * 60, ""),
    (
        "CST",
        -6 * 60,
        "China Standard Time (UTC+08:00) or Cuba Standard Time (UTC-05:00)",
    ),
    ("CDT", -5 * 60, ""),
    ("EST", -5 * 60, ""),
    ("EDT", -4 * 60, ""),
    ("AKST", -9 * 60, ""),
    ("AKDT", -8 * 60, ""),
    ("HST", -10 * 60, ""),
    ("WET", 0, ""),
    ("WEST", 60, ""),
    ("BST", 60, "Bangladesh Standard Time (UTC+06:00)"),
    (
        "IST",
        5 * 60 + 30,
        "Irish Standard Time (UTC+01:00) or Israel Standard Time (UTC+02:00)",
    ),
    ("CET", 60, ""),
    ("CEST", 2 * 60, ""),
    ("EET", 2 * 60, ""),
    ("EEST", 3 * 60, ""),
    ("MSK", 3 * 60, ""),
    ("SGT", 8 * 60, ""),
    ("HKT", 8 * 60, ""),
    ("JST", 9 * 60, ""),
    ("KST", 9 * 60, ""),
    ("AEST", 10 * 60, ""),
    ("AEDT", 11 * 60, ""),
    ("ACST", 9 * 60 + 30, ""),
    ("AWST", 8 * 60, ""),
    ("NZST", 12 * 60, ""),
    ("NZDT", 13 * 60, ""),
];

/// Finds the first time zone written in `text`: an abbreviation as a whole upper-case word,
/// optionally followed by an offset (`UTC-5`, `GMT+05:30`, `UTC+0530`).
pub fn find_zone(text: &str) -> Option<FoundZone> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let starts_word =
            bytes[at].is_ascii_uppercase() && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric());
        if starts_word {
            let end = at
                + bytes[at..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
            if let Some(zone) = zone_word(text, at, end) {
                return Some(zone);
            }
            at = end;
        } else {
            at += 1;
        }
    }
    None
}

/// Reads the zone whose abbreviation spans `start..end` of `text`, with any offset after it.
fn zone_word(text: &str, start: usize, end: usize) -> Option<FoundZone> {
    let word = &text[start..end];
    // "Z" alone is too common a letter; it only counts right after a clock, which `leading_zone` handles.
    if word == "Z" {
        return None;
    }
    let &(abbr, minutes, others) = ABBREVIATIONS.iter().find(|(abbr, ..)| *abbr == word)?;
    let (delta, offset_len) = if abbr == "UTC" || abbr == "GMT" {
        explicit_offset(&text[end..]).unwrap_or((0, 0))
    } else {
        (0, 0)
    };
    let offset = UtcOffset::from_minutes(minutes + delta)?;
    let ambiguity = (!others.is_empty())
        .then(|| format!("{abbr} was read as UTC{offset}; it can also mean {others}"));
    Some(FoundZone {
        offset,
        label: text[start..end + offset_len].to_string(),
        at: start,
        ambiguity,
    })
}

/// Reads `-5`, `+05:30`, `+0530`, `−5` right after `UTC`/`GMT`: (minutes, bytes taken).
fn explicit_offset(rest: &str) -> Option<(i32, usize)> {
    let mut chars = rest.char_indices();
    let (_, sign_char) = chars.next()?;
    let sign = match sign_char {
        '+' => 1,
        '-' | '\u{2212}' | '\u{2013}' => -1,
        _ => return None,
    };
    let body = &rest[sign_char.len_utf8()..];
    let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
    let mut taken = sign_char.len_utf8() + digits.len();
    let (hours, mut minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if digits.len() <= 2 {
        if let Some(after) = body[digits.len()..].strip_prefix(':') {
            let mins: String = after.chars().take_while(char::is_ascii_digit).collect();
            if mins.len() == 2 {
                minutes = mins.parse().ok()?;
                taken += 3;
            }
        }
    }
    (hours <= 18 && minutes < 60).then_some((sign * (hours * 60 + minutes), taken))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(text: &str) -> Option<(i32, String, bool)> {
        find_zone(text).map(|z| (z.offset.minutes(), z.label, z.ambiguity.is_some()))
    }

    #[test]
    fn reads_offsets_and_abbreviations() {
        assert_eq!(
            zone("10:00 AM (UTC-5)"),
            Some((-300, "UTC-5".into(), false))
        );
        assert_eq!(zone("UTC+05:30"), Some((330, "UTC+05:30".into(), false)));
        assert_eq!(zone("GMT-5 and"), Some((-300, "GMT-5".into(), false)));
        assert_eq!(zone("all times in UTC."), Some((0, "UTC".into(), false)));
        assert_eq!(
            zone("(all times in PST/PDT)"),
            Some((-480, "PST".into(), false))
        );
        assert_eq!(zone("at 9:00 IST"), Some((330, "IST".into(), true)));
        assert_eq!(zone("UTC+0530"), Some((330, "UTC+0530".into(), false)));
    }

    #[test]
    fn ignores_words_that_only_contain_an_abbreviation() {
        for text in ["ESTIMATE", "the cost", "Pst", "BUTC", "Z is a letter", ""] {
            assert_eq!(zone(text), None, "{text:?}");
        }
    }
}
