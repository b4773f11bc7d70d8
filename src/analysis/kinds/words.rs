//! The words of an event's text as the learned model reads them: markup and addresses set
//! aside, lower-cased, digits dropped, each word cut to a short stem ("restarted",
//! "restarts" and "restarting" are all `rest`).

/// What the model's feature name for a word is: this, then the word's stem.
pub const WORD_FEATURE: &str = "w:";

/// At most this many words of a text are read: the first words say what happened, long
/// paragraphs go on to tell the rest of the story.
const MAX_WORDS: usize = 40;

/// At most this many characters of a word are kept: short stems tell more of a text the
/// model has not seen than whole words do (cross-validated by file: 4 characters read 1.5
/// points more entries right than 7).
const STEM_CHARS: usize = 4;

/// Endings taken off a word of more than four characters, the first that fits, when at least
/// three characters are left.
const SUFFIXES: [&str; 9] = [
    "ations", "ation", "ings", "ing", "edly", "ed", "es", "s", "ly",
];

/// The stems of the text's first words, in order (repeats kept).
pub fn stems(text: &str) -> Vec<String> {
    Stems::default()
        .of(text)
        .iter()
        .map(str::to_string)
        .collect()
}

/// The stems of one text after another, written into buffers that are kept from text to
/// text: the classifier reads the words of 10,000 events without a string for each word.
#[derive(Debug, Default)]
pub struct Stems {
    /// The stems of the last text, one after another.
    joined: String,
    /// Where each stem of `joined` ends.
    ends: Vec<usize>,
}

impl Stems {
    /// The stems of `text`'s first words, in order (repeats kept).
    pub fn of(&mut self, text: &str) -> &Stems {
        self.joined.clear();
        self.ends.clear();
        let plain = without_markup(text).to_lowercase();
        let words = plain
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|word| !word.is_empty() && !word.chars().all(|c| c.is_ascii_digit()))
            .take(MAX_WORDS);
        for word in words {
            self.joined.extend(stem(word).chars().take(STEM_CHARS));
            self.ends.push(self.joined.len());
        }
        self
    }

    /// The stems, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| self.joined.get(start..end).unwrap_or_default())
    }
}

/// A word's stem: one ending taken off; the caller cuts it to [`STEM_CHARS`] characters.
fn stem(word: &str) -> &str {
    let mut word = word;
    if word.chars().count() > 4 {
        for suffix in SUFFIXES {
            if let Some(rest) = word.strip_suffix(suffix) {
                if rest.chars().count() >= 3 {
                    word = rest;
                    break;
                }
            }
        }
    }
    word
}

/// The text without what is not prose: link targets (`](…)`), web addresses, fenced code
/// and HTML tags, each replaced by a space.
fn without_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // Only these characters can begin what is set aside: most are copied at once.
        if !matches!(c, ']' | 'h' | '`' | '<') {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let skip = if rest.starts_with("](") {
            out.push(']');
            rest.find(')').map_or(rest.len(), |end| end + 1)
        } else if rest.starts_with("http://") || rest.starts_with("https://") {
            rest.find(char::is_whitespace).unwrap_or(rest.len())
        } else if let Some(code) = rest.strip_prefix("```") {
            code.find("```").map_or(rest.len(), |end| end + 6)
        } else if c == '<' && rest[1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/') {
            rest.find('>').map_or(1, |end| end + 1)
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        };
        out.push(' ');
        rest = &rest[skip..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_stemmed_and_markup_set_aside() {
        assert_eq!(
            stems("Restarted the [pods](https://x.y/z) at 10:02, see https://a.b/c"),
            ["rest", "the", "pods", "at", "see"]
        );
        assert_eq!(
            stems("Investigating `db` <b>now</b>"),
            ["inve", "db", "now"]
        );
        assert_eq!(stems("```\nlog line\n``` Rollback"), ["roll"]);
        assert_eq!(stems("서비스 정상화 시작"), ["서비스", "정상화", "시작"]);
        assert!(stems("").is_empty());
        assert!(stems("<").is_empty());
    }
}
