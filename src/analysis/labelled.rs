//! Lines of the form `**Label:** value` that authors put at the top of a postmortem
//! (`**Status:** ✅ Resolved`, `- Users affected: 283`), read the same way wherever a derived
//! fact looks for one.

/// The value written after `line`'s label when the label, without its markup, is one of
/// `labels` (lower case): `**Users Affected:** 283 users` gives ` 283 users` for
/// `"users affected"`.
pub fn labelled<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (label, value) = label_and_value(line)?;
    labels.contains(&label.as_str()).then_some(value)
}

/// A line's label without its markup ([`bare`]) and the value written after it, for a reader
/// that tells several labels apart: `**Status:** Open` gives `("status", " Open")`.
pub fn label_and_value(line: &str) -> Option<(String, &str)> {
    // An ASCII or a full-width colon (`**状态**：已解决`).
    let (label, value) = line.split_once([':', '：'])?;
    Some((bare(label), value))
}

/// A label or value in lower case, without Markdown markers, quotes, list marks, emoji or
/// the spaces and stops around it, its inner spaces made single.
pub fn bare(text: &str) -> String {
    let lower = text.to_lowercase();
    let kept: String = lower
        .chars()
        .map(|c| match c {
            '*' | '_' | '`' | '"' | '\'' | '#' | '>' => ' ',
            _ => c,
        })
        .collect();
    let trimmed = kept
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';'));
    trimmed.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_found_through_their_markup() {
        let labels = ["users affected"];
        assert_eq!(
            labelled("**Users Affected:** 283 users", &labels),
            Some("** 283 users")
        );
        assert_eq!(labelled("- __Users affected__: all", &labels), Some(" all"));
        assert_eq!(labelled("> Users affected: 1", &labels), Some(" 1"));
        assert_eq!(labelled("Some users affected: many", &labels), None);
        assert_eq!(labelled("Users affected", &labels), None);
        assert_eq!(bare("** ✅ **RESOLVED**  "), "resolved");
    }
}
