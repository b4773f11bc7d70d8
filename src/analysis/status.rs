//! The incident's status as its author states it at the top (`**Status:** ✅ Resolved`,
//! `Estado: Abierto`, `resolved: true` in front matter), so that the picture does not tell an
//! ending the text contradicts: a postmortem that says "Resolved" but writes no time for the
//! fix still ends mended, and one that says "Under investigation" does not end recovered.
//!
//! Only the summary, the impact and resolution texts, the kept front matter and a section
//! headed "Status" are read, and only the first status line found counts: a status further
//! down belongs to an action item, a sub-issue or a status-page update, not to the incident.

use crate::analysis::labelled::{bare, label_and_value};
use crate::model::Incident;

/// What the author says of the incident's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatedStatus {
    /// Resolved, fixed, closed, recovered, complete.
    Resolved,
    /// Open, ongoing, under investigation, still down.
    Ongoing,
}

/// Labels that name the incident's status (lower case, markup and spaces around removed).
const LABELS: &[&str] = &[
    "status",
    "incident status",
    "resolution status",
    "current status",
    "overall status",
    "final status",
    "incident state",
    "estado",
    "estado del incidente",
    "statut",
    "stato",
    "状态",
];

/// First words of a value saying the incident is over.
const RESOLVED: &[&str] = &[
    "resolved",
    "fixed",
    "closed",
    "recovered",
    "restored",
    "complete",
    "done",
    "resuelto",
    "cerrado",
    "résolu",
    "resolu",
    "behoben",
    "gelöst",
    "erledigt",
    "risolto",
    "resolvido",
    "encerrado",
    "已解决",
    "已修复",
];

/// First words of a value saying the incident is not over.
const ONGOING: &[&str] = &[
    "ongoing",
    "investigating",
    "under investigation",
    "unresolved",
    "not resolved",
    "still down",
    "site still down",
    "abierto",
    "en curso",
    "en cours",
    "offen",
];

/// The status the incident's author states, if any.
pub fn stated_status(incident: &Incident) -> Option<StatedStatus> {
    let texts = [
        incident.summary.as_str(),
        incident.impact.text.as_str(),
        incident.resolution.as_str(),
    ];
    let sections = incident.other_sections.iter().filter_map(|section| {
        let title = section.title.trim().to_lowercase();
        match title.as_str() {
            "front matter" => Some((false, section.body.as_str())),
            "status" | "incident status" | "current status" => Some((true, section.body.as_str())),
            _ => None,
        }
    });
    let labelled = texts.into_iter().map(|text| (false, text)).chain(sections);
    for (whole, text) in labelled {
        for line in text.lines() {
            match whole {
                // Under a "Status" heading the first line of words is the status itself.
                true => {
                    let words = bare(line);
                    if !words.is_empty() {
                        return status_word(&words);
                    }
                }
                // The first status line decides, even when its value says nothing this
                // knows (`**Status:** Draft` is the document's, and no later line's).
                false => {
                    if let Some(found) = status_line(line) {
                        return found;
                    }
                }
            }
        }
    }
    None
}

/// For a status line such as `**Status:** ✅ RESOLVED` or `resolved: true`, the status it
/// states (`None` inside when its value is not one this knows); `None` for any other line.
fn status_line(line: &str) -> Option<Option<StatedStatus>> {
    let (label, value) = label_and_value(line)?;
    if label == "resolved" {
        let value = bare(value);
        let yes = ["true", "yes"].iter().any(|w| first_word_is(&value, w));
        let no = ["false", "no"].iter().any(|w| first_word_is(&value, w));
        return Some(match (yes, no) {
            (true, _) => Some(StatedStatus::Resolved),
            (_, true) => Some(StatedStatus::Ongoing),
            _ => None,
        });
    }
    LABELS
        .contains(&label.as_str())
        .then(|| status_word(&bare(value)))
}

/// The status a value names by its first words.
fn status_word(value: &str) -> Option<StatedStatus> {
    // `Open` alone or before a dash is the incident's; `Open for comments` is the document's.
    let open = value.strip_prefix("open").is_some_and(|rest| {
        rest.trim_start()
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
    });
    if open || ONGOING.iter().any(|w| first_word_is(value, w)) {
        Some(StatedStatus::Ongoing)
    } else if RESOLVED.iter().any(|w| first_word_is(value, w)) {
        Some(StatedStatus::Resolved)
    } else {
        None
    }
}

/// True when `value` starts with `word`, followed by nothing, a space or punctuation
/// (`resolved (after the rollback)`, `completed`): "opened" is not "open", "closed" is
/// "close"d only where listed.
fn first_word_is(value: &str, word: &str) -> bool {
    let Some(rest) = value.strip_prefix(word) else {
        return false;
    };
    match rest.chars().next() {
        None => true,
        // "complete" also reads "completed"; other words must end where they are listed.
        Some(c) if word == "complete" && c == 'd' => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    fn with_summary(summary: &str) -> Incident {
        Incident {
            summary: summary.to_string(),
            ..Incident::default()
        }
    }

    #[test]
    fn status_lines_as_authors_write_them() {
        let cases = [
            ("**Status:** ✅ RESOLVED", Some(StatedStatus::Resolved)),
            (
                "**Incident Status**: 🟢 **Resolved**  ",
                Some(StatedStatus::Resolved),
            ),
            (
                "- **Status:** Resolved (after the rollback)",
                Some(StatedStatus::Resolved),
            ),
            ("Status: COMPLETED", Some(StatedStatus::Resolved)),
            (
                "**Status**: 🔴 **SITE STILL DOWN**",
                Some(StatedStatus::Ongoing),
            ),
            (
                "**Status:** UNDER INVESTIGATION",
                Some(StatedStatus::Ongoing),
            ),
            (
                "**Estado:** Abierto (última actualización 21-oct)",
                Some(StatedStatus::Ongoing),
            ),
            ("Status: draft", None),
            ("Status: opened a ticket", None),
            ("Status: Open for comments", None),
            (
                "**Status:** OPEN - Root cause unknown",
                Some(StatedStatus::Ongoing),
            ),
            ("**状态**：已解决", Some(StatedStatus::Resolved)),
            ("**Status:** ✅ Applied (Commit: f53e031)", None),
            ("The status: resolved by Tuesday", None),
        ];
        for (line, want) in cases {
            let text = format!("Checkout failed.\n\n{line}\n");
            assert_eq!(stated_status(&with_summary(&text)), want, "{line}");
        }
    }

    #[test]
    fn only_the_first_status_line_counts() {
        let text = "**Status:** Resolved\n\n**Status:** Open\n";
        assert_eq!(
            stated_status(&with_summary(text)),
            Some(StatedStatus::Resolved)
        );
        // Even when it says something else: the document's own status.
        let draft = "**Status:** Draft\n\n**Current status:** Open action items remain (3)\n";
        assert_eq!(stated_status(&with_summary(draft)), None);
    }

    #[test]
    fn front_matter_and_a_status_heading_state_it_too() {
        let front = Incident {
            other_sections: vec![Section {
                title: "Front matter".into(),
                body: "```\ntitle: DNS outage\nresolved: true\n```".into(),
            }],
            ..Incident::default()
        };
        assert_eq!(stated_status(&front), Some(StatedStatus::Resolved));
        let heading = Incident {
            other_sections: vec![Section {
                title: "Current Status".into(),
                body: "\n**Ongoing**: the vendor has not replied.\n".into(),
            }],
            ..Incident::default()
        };
        assert_eq!(stated_status(&heading), Some(StatedStatus::Ongoing));
        // A section of another name is not read: its statuses are its own items'.
        let other = Incident {
            other_sections: vec![Section {
                title: "Follow-ups".into(),
                body: "Status: open".into(),
            }],
            ..Incident::default()
        };
        assert_eq!(stated_status(&other), None);
    }
}
