//! Drafts as they are kept on the device: each with a name, dates, its text, cursor and undo
//! history, and a revision that tells a tab whether another tab saved the same draft since
//! (two tabs never overwrite each other silently: see [`check_save`]).

use serde::{Deserialize, Serialize};

use super::history::History;

/// One draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Its key among the drafts.
    pub id: String,
    /// Its name: the incident's title once it has one.
    pub name: String,
    /// When it was started, in milliseconds since 1970 (UTC).
    pub created_ms: f64,
    /// When it was last saved.
    pub updated_ms: f64,
    /// The text.
    pub text: String,
    /// The cursor, as a character offset.
    pub cursor: u32,
    /// The session's undo history.
    #[serde(default)]
    pub history: History,
    /// Counts saves: a tab saves only over the revision it last read or wrote.
    pub revision: u64,
    /// The tab that saved it last.
    pub tab: String,
}

/// What the list of drafts shows of one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftSummary {
    /// Its key.
    pub id: String,
    /// Its name.
    pub name: String,
    /// When it was last saved (ms since 1970).
    pub updated_ms: f64,
    /// Its size in bytes.
    pub bytes: usize,
}

impl Draft {
    /// A new draft of `text`.
    pub fn new(id: String, text: String, now_ms: f64, tab: String) -> Draft {
        Draft {
            name: name_for(&text),
            id,
            created_ms: now_ms,
            updated_ms: now_ms,
            cursor: 0,
            text,
            history: History::default(),
            revision: 0,
            tab,
        }
    }

    /// Its line in the list of drafts.
    pub fn summary(&self) -> DraftSummary {
        DraftSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            updated_ms: self.updated_ms,
            bytes: self.text.len(),
        }
    }
}

/// Whether a tab may save over what is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveCheck {
    /// Nothing newer is stored: save.
    Save,
    /// Another tab saved revision `theirs` since this tab last read or wrote the draft.
    Conflict { theirs: u64 },
}

/// May a tab `tab`, which last read or wrote revision `base`, save over `stored` (the
/// revision and tab stored now, if any)?
pub fn check_save(stored: Option<(u64, &str)>, base: u64, tab: &str) -> SaveCheck {
    match stored {
        None => SaveCheck::Save,
        Some((revision, _)) if revision <= base => SaveCheck::Save,
        Some((_, by)) if by == tab => SaveCheck::Save,
        Some((theirs, _)) => SaveCheck::Conflict { theirs },
    }
}

/// The name a draft is listed under: the first heading or title line of its text, else
/// "Untitled draft".
pub fn name_for(text: &str) -> String {
    let parsed_title = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .map(|line| {
            let line = line.trim_start_matches('#').trim();
            let line = line
                .strip_prefix("Title:")
                .or_else(|| line.strip_prefix("Postmortem:"))
                .or_else(|| line.strip_prefix("Incident:"))
                .unwrap_or(line)
                .trim();
            line.chars().take(80).collect::<String>()
        })
        .unwrap_or_default();
    if parsed_title.is_empty() {
        "Untitled draft".to_string()
    } else {
        parsed_title
    }
}

/// The list of drafts with `draft`'s line added or replaced, newest first.
pub fn with_summary(mut list: Vec<DraftSummary>, draft: &Draft) -> Vec<DraftSummary> {
    list.retain(|d| d.id != draft.id);
    list.push(draft.summary());
    list.sort_by(|a, b| b.updated_ms.total_cmp(&a.updated_ms));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_saves_over_what_it_read_and_stops_at_another_tabs_save() {
        assert_eq!(check_save(None, 0, "a"), SaveCheck::Save);
        assert_eq!(check_save(Some((3, "b")), 3, "a"), SaveCheck::Save);
        assert_eq!(check_save(Some((4, "a")), 3, "a"), SaveCheck::Save);
        assert_eq!(
            check_save(Some((4, "b")), 3, "a"),
            SaveCheck::Conflict { theirs: 4 }
        );
    }

    #[test]
    fn drafts_are_named_after_their_title() {
        assert_eq!(name_for("\n# Incident: DNS typo\n\nx"), "DNS typo");
        assert_eq!(
            name_for("Postmortem: The Great Cookie Catastrophe\n"),
            "The Great Cookie Catastrophe"
        );
        assert_eq!(name_for("Title: Disk full\n"), "Disk full");
        assert_eq!(name_for("  \n\n"), "Untitled draft");
        assert_eq!(name_for(&"x".repeat(500)).len(), 80);
    }

    #[test]
    fn the_list_keeps_one_line_per_draft_newest_first() {
        let a = Draft::new("a".into(), "Title: A".into(), 1.0, "t".into());
        let mut b = Draft::new("b".into(), "Title: B".into(), 2.0, "t".into());
        let list = with_summary(with_summary(Vec::new(), &a), &b);
        assert_eq!(
            list.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["b", "a"]
        );
        b.updated_ms = 0.5;
        let list = with_summary(list, &b);
        assert_eq!(
            list.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        let json = serde_json::to_string(&b).expect("json");
        assert_eq!(serde_json::from_str::<Draft>(&json).expect("back"), b);
    }
}
