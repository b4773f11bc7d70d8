//! A length of impact written as words (`~4 hours`, `1 hour and 56 minutes`, `16h 45m`,
//! `~52 minutes of degraded service`): what a `Duration:` or `Downtime:` field states when it
//! gives no window, or before its window (`~13 minutes (12:17 - 12:30)`).

/// Words for "about" before a length; the length is still the author's figure.
const ABOUT: &[&str] = &[
    "~",
    "approximately ",
    "approx. ",
    "approx ",
    "about ",
    "around ",
    "roughly ",
    "nearly ",
    "almost ",
    "over ",
    "under ",
    "just over ",
    "just under ",
    "less than ",
    "more than ",
    "ca. ",
];

/// Units and their seconds, longest spelling first so `hours` is not read as `h`.
const UNITS: &[(&str, u64)] = &[
    ("seconds", 1),
    ("second", 1),
    ("secs", 1),
    ("sec", 1),
    ("s", 1),
    ("minutes", 60),
    ("minute", 60),
    ("mins", 60),
    ("min", 60),
    ("mn", 60),
    ("m", 60),
    ("hours", 3_600),
    ("hour", 3_600),
    ("hrs", 3_600),
    ("hr", 3_600),
    ("h", 3_600),
    ("days", 86_400),
    ("day", 86_400),
    ("d", 86_400),
];

/// Words after a length that say it measures something other than the impact (`~6 hours
/// active investigation`, `~9 hours between push and discovery`, `~4 hours (single session)`).
const NOT_IMPACT: &[&str] = &[
    "investigat",
    "detect",
    "discover",
    "session",
    "between",
    "after",
    "before",
    "from deploy",
    "debug",
    "work",
    "effort",
    "spent",
    "and counting",
    "ongoing",
];

/// A length read from a value: its seconds and the words that say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Length<'a> {
    /// The length in seconds.
    pub seconds: u64,
    /// The length as written (`~4 hours`), without what follows it.
    pub written: &'a str,
}

/// The seconds of a length as [`impact_length`] reads it: `~4 hours` is 14,400.
pub fn length_seconds(written: &str) -> Option<u64> {
    impact_length(written).map(|length| length.seconds)
}

/// The length of impact a field's value states, or `None` when it states none, states a
/// span of lengths (`5-10 minutes`), or says the length is of something else than the impact.
pub fn impact_length(value: &str) -> Option<Length<'_>> {
    let value = value.trim().trim_matches(['*', '_']).trim();
    let lower = value.to_ascii_lowercase();
    let mut at = 0;
    while let Some(word) = ABOUT.iter().find(|w| lower[at..].starts_with(**w)) {
        at += word.len();
        at += lower[at..].len() - lower[at..].trim_start().len();
    }
    let mut seconds = 0u64;
    let mut parts = 0;
    while let Some((part, len)) = length_part(&lower[at..]) {
        seconds = seconds.checked_add(part)?;
        parts += 1;
        at += len;
        let rest = &lower[at..];
        let joined = rest.len() - rest.trim_start_matches([' ', ',']).len();
        let rest = &rest[joined..];
        let and = if rest.starts_with("and ") { 4 } else { 0 };
        if length_part(&rest[and..]).is_none() {
            break;
        }
        at += joined + and;
    }
    if parts == 0 || seconds == 0 {
        return None;
    }
    let rest = lower[at..].trim();
    if rest.starts_with(['-', '–', '/']) || NOT_IMPACT.iter().any(|w| rest.contains(w)) {
        return None;
    }
    Some(Length {
        seconds,
        written: value[..at].trim_end_matches([' ', ',']),
    })
}

/// One `number unit` at the start of `text` (`4 hours`, `1.5h`, `45m`): its seconds and its
/// length in bytes. The unit must end there (`4 hours`, not the `h` of `4 high`).
fn length_part(text: &str) -> Option<(u64, usize)> {
    let whole_len = text.bytes().take_while(u8::is_ascii_digit).count();
    // Whole numbers and one decimal place or more, read without a float parser (it would
    // weigh on the download for nothing).
    let whole: u64 = text[..whole_len].parse().ok()?;
    let (tenths, digits) = match text[whole_len..].strip_prefix('.') {
        Some(rest) => {
            let len = rest.bytes().take_while(u8::is_ascii_digit).count();
            let tenth = rest.bytes().next().filter(u8::is_ascii_digit)?;
            (u64::from(tenth - b'0'), whole_len + 1 + len)
        }
        None => (0, whole_len),
    };
    let after = &text[digits..];
    let space = after.len() - after.trim_start_matches(' ').len();
    let after = &after[space..];
    let (unit, each) = UNITS.iter().find(|(unit, _)| {
        after.starts_with(unit)
            && !after[unit.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
    })?;
    let seconds = whole.checked_mul(*each)?.checked_add(tenths * each / 10)?;
    // Ten years is longer than any incident; a larger figure is not a length of impact.
    (seconds < 315_360_000).then_some((seconds, digits + space + unit.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seconds(value: &str) -> Option<(u64, String)> {
        impact_length(value).map(|d| (d.seconds, d.written.to_string()))
    }

    #[test]
    fn lengths_as_authors_write_them() {
        // (value, seconds, the length as written)
        let cases = [
            ("~4 hours", 14_400, "~4 hours"),
            ("1 hour and 56 minutes", 6_960, "1 hour and 56 minutes"),
            ("16h 45m", 60_300, "16h 45m"),
            ("3 hours 28 minutes", 12_480, "3 hours 28 minutes"),
            ("approximately 1.5 hours", 5_400, "approximately 1.5 hours"),
            ("~13 minutes (12:17 - 12:30)", 780, "~13 minutes"),
            ("~52 minutes of degraded service", 3_120, "~52 minutes"),
            ("**~30 minutes** (customer impact)", 1_800, "~30 minutes"),
            ("32 hours", 115_200, "32 hours"),
        ];
        for (value, expected, written) in cases {
            assert_eq!(seconds(value), Some((expected, written.into())), "{value}");
        }
    }

    #[test]
    fn what_is_not_a_length_of_impact() {
        assert_eq!(seconds("~6 hours active investigation"), None);
        assert_eq!(seconds("~9 hours between push and discovery"), None);
        assert_eq!(seconds("~4 hours (single session)"), None);
        assert_eq!(seconds("~5-10 minutes (10:40 AM - 10:50 AM)"), None);
        assert_eq!(seconds("12:00am to 9:00am"), None);
        assert_eq!(seconds("4 high-priority alerts"), None);
        assert_eq!(seconds("0 minutes"), None);
        assert_eq!(seconds("99999999999 days"), None);
        assert_eq!(seconds("Ongoing"), None);
    }
}
