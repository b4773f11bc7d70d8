//! Action items as people write them: list items with task boxes (`[ ]`, `[x]`), status
//! words (`**DONE**`, `[TODO]`), `Owner: name`, `Priority: P1` or a bare `P1`, `Due: date` and
//! a tracking link; and table rows whose header names the columns.

use super::inline::{segments, Inline};
use crate::model::ActionItem;

/// Which field a table column holds, from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The task itself.
    Text,
    /// Who owns it.
    Owner,
    /// Its priority.
    Priority,
    /// Its status.
    Status,
    /// A tracking link or ticket.
    Link,
    /// Its due date.
    Due,
    /// The group it belongs to (`Short term`, `Long term`).
    Group,
    /// Anything else (kept in the text as `Header: value`).
    Other,
}

/// The field a header cell names.
pub fn column_for(header: &str) -> Column {
    let key: String = header
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .collect::<String>()
        .to_lowercase();
    match key.trim() {
        "action item" | "action items" | "action" | "actions" | "item" | "task" | "tasks"
        | "title" | "description" | "what" | "todo" | "follow up" | "followup" => Column::Text,
        "owner" | "owners" | "assignee" | "assigned to" | "who" | "responsible" | "team" => {
            Column::Owner
        }
        "priority" | "prio" | "pri" | "severity" => Column::Priority,
        "status" | "state" | "done" | "progress" => Column::Status,
        "link" | "bug" | "ticket" | "tracking" | "issue" | "jira" | "tracking link" | "url" => {
            Column::Link
        }
        "due" | "due date" | "deadline" | "eta" | "by" | "target date" => Column::Due,
        "group" | "category" | "term" | "horizon" => Column::Group,
        _ => Column::Other,
    }
}

/// An action item from a table row, given each cell's column and header.
pub fn from_row(cells: &[(Column, &str, &str)]) -> ActionItem {
    let mut item = ActionItem::default();
    let mut extras = Vec::new();
    for &(column, header, cell) in cells {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let (cell, status) = take_status_words(cell);
        if let Some(status) = status {
            item.status.get_or_insert(status);
        }
        let cell = cell.as_str();
        if cell.is_empty() {
            continue;
        }
        match column {
            Column::Text if item.text.is_empty() => item.text = cell.to_string(),
            Column::Owner => item.owner = Some(cell.to_string()),
            Column::Priority => item.priority = Some(cell.to_string()),
            Column::Status => item.status = Some(cell.to_string()),
            Column::Due => item.due = Some(cell.to_string()),
            Column::Group => item.group = Some(cell.to_string()),
            Column::Link => match first_web_link(cell) {
                Some(url) => item.link = Some(url),
                None if !matches!(cell.to_ascii_lowercase().as_str(), "n/a" | "-" | "none") => {
                    extras.push(format!("{header}: {cell}"))
                }
                None => {}
            },
            _ => extras.push(format!("{header}: {cell}")),
        }
    }
    if !extras.is_empty() {
        if !item.text.is_empty() {
            item.text.push_str(" (");
            item.text.push_str(&extras.join("; "));
            item.text.push(')');
        } else {
            item.text = extras.join("; ");
        }
    }
    item
}

/// An action item from a list item's text.
pub fn from_text(text: &str) -> ActionItem {
    let mut item = ActionItem::default();
    let mut rest = text.trim().to_string();
    for (boxed, status) in [("[ ]", "open"), ("[x]", "done"), ("[X]", "done")] {
        if let Some(after) = rest.strip_prefix(boxed) {
            item.status = Some(status.to_string());
            rest = after.trim_start().to_string();
        }
    }
    let (without, status) = take_status_words(&rest);
    if status.is_some() {
        item.status = status;
    }
    rest = without;
    for (keys, slot) in [
        (&["owner", "assignee", "assigned to"][..], 0),
        (&["priority"][..], 1),
        (&["status"][..], 2),
        (&["due", "eta", "deadline"][..], 3),
    ] {
        if let Some((value, cut)) = take_keyed(&rest, keys) {
            let value = Some(value);
            match slot {
                0 => item.owner = value,
                1 => item.priority = value,
                2 => item.status = value,
                _ => item.due = value,
            }
            rest = cut;
        }
    }
    if item.priority.is_none() {
        if let Some((priority, cut)) = take_priority_token(&rest) {
            item.priority = Some(priority);
            rest = cut;
        }
    }
    if item.owner.is_none() {
        if let Some((owner, cut)) = take_parenthesised_handle(&rest) {
            item.owner = Some(owner);
            rest = cut;
        }
    }
    if let Some(url) = first_web_link(&rest) {
        rest = without_link(&rest, &url);
        item.link = Some(url);
    }
    item.text = tidy(&rest);
    item
}

/// Removes `**DONE**`, `**TODO**`, `[DONE]`, `[TODO]`, `[WIP]` markers: (text, status).
fn take_status_words(text: &str) -> (String, Option<String>) {
    for word in [
        "DONE",
        "TODO",
        "WIP",
        "OPEN",
        "CLOSED",
        "IN PROGRESS",
        "BLOCKED",
    ] {
        for wrapped in [format!("**{word}**"), format!("[{word}]")] {
            if let Some(at) = text.find(&wrapped) {
                let mut out = String::with_capacity(text.len());
                out.push_str(&text[..at]);
                out.push_str(&text[at + wrapped.len()..]);
                return (tidy(&out), Some(word.to_string()));
            }
        }
    }
    (text.to_string(), None)
}

/// Finds `key: value` (any case, optional bold) and cuts it out: (value, rest of the text).
fn take_keyed(text: &str, keys: &[&str]) -> Option<(String, String)> {
    let lower = text.to_ascii_lowercase();
    for key in keys {
        let mut search = 0;
        while let Some(found) = lower[search..].find(key) {
            let at = search + found;
            search = at + key.len();
            let boundary = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
            let after = &text[at + key.len()..];
            let after_markup = after.trim_start_matches(['*', '_']);
            let Some(value_part) = after_markup
                .strip_prefix(':')
                .or_else(|| after_markup.strip_prefix('='))
            else {
                continue;
            };
            if !boundary {
                continue;
            }
            let value_part = value_part.trim_start_matches(['*', '_', ' ']);
            let end = value_part
                .find([',', ';', ')', '|', ']'])
                .or_else(|| value_part.find(" — "))
                .or_else(|| value_part.find(" - "))
                .unwrap_or(value_part.len());
            let value = value_part[..end].trim().trim_end_matches(['*', '_']).trim();
            if value.is_empty() {
                continue;
            }
            let value_start = text.len() - value_part.len();
            let mut start = at;
            while start > 0 && text.as_bytes()[start - 1] == b'*' {
                start -= 1;
            }
            let mut cut = String::with_capacity(text.len());
            cut.push_str(&text[..start]);
            cut.push_str(&text[value_start + end..]);
            return Some((value.to_string(), cut));
        }
    }
    None
}

/// A standalone `P0`–`P4` token, e.g. `(P1)`, `[P2]` or `P1:` at the start.
fn take_priority_token(text: &str) -> Option<(String, String)> {
    let bytes = text.as_bytes();
    for at in 0..bytes.len().saturating_sub(1) {
        let is_token = (bytes[at] == b'P' || bytes[at] == b'p')
            && bytes[at + 1].is_ascii_digit()
            && bytes[at + 1] <= b'4'
            && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && bytes.get(at + 2).is_none_or(|b| !b.is_ascii_alphanumeric());
        if is_token {
            let token = text[at..at + 2].to_ascii_uppercase();
            let mut cut = String::with_capacity(text.len());
            cut.push_str(&text[..at]);
            cut.push_str(&text[at + 2..]);
            return Some((token, cut));
        }
    }
    None
}

/// `(@alice)` or `— @alice` at the end: (owner, rest).
fn take_parenthesised_handle(text: &str) -> Option<(String, String)> {
    let at = text.rfind('@')?;
    if at > 0 && text.as_bytes()[at - 1].is_ascii_alphanumeric() {
        return None; // an e-mail address
    }
    let handle: String = text[at..]
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '@' | '-' | '_' | '.'))
        .collect();
    let tail = &text[at + handle.len()..];
    if handle.len() < 2 || !tail.trim_matches([')', ']', ' ', '.']).is_empty() {
        return None;
    }
    let mut cut = text[..at].to_string();
    cut.push_str(tail);
    Some((handle, cut))
}

/// The first http(s) link in the text.
fn first_web_link(text: &str) -> Option<String> {
    segments(text).into_iter().find_map(|s| match s {
        Inline::Link { url, .. } => Some(url.to_string()),
        Inline::Text(_) => None,
    })
}

/// The text with the link removed: a Markdown link keeps its label, a bare URL goes.
fn without_link(text: &str, url: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for segment in segments(text) {
        match segment {
            Inline::Link {
                text: label,
                url: u,
            } if u == url => {
                if label != u {
                    out.push_str(label);
                }
            }
            Inline::Link {
                text: label,
                url: u,
            } => {
                if label == u {
                    out.push_str(u);
                } else {
                    out.push('[');
                    out.push_str(label);
                    out.push_str("](");
                    out.push_str(u);
                    out.push(')');
                }
            }
            Inline::Text(t) => out.push_str(t),
        }
    }
    out
}

/// Trims leftover separators, empty brackets and doubled spaces.
fn tidy(text: &str) -> String {
    let mut out = without_empty_brackets(text);
    while out.contains("  ") {
        out = out.replace("  ", " ");
    }
    out.trim()
        .trim_matches(|c: char| matches!(c, '—' | '–' | '-' | ',' | ';' | '|' | ':') || c == ' ')
        .trim()
        .to_string()
}

/// The text without `( ... )` / `[ ... ]` groups that hold nothing but separators and keys
/// left with no value (`(, , due=)` once the owner and priority were taken out).
fn without_empty_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['(', '[']) {
        let close_char = if rest.as_bytes()[open] == b'(' {
            ')'
        } else {
            ']'
        };
        let after = &rest[open + 1..];
        // Only short groups are looked at, so a line full of brackets stays linear.
        let close = after.bytes().take(200).position(|b| b == close_char as u8);
        match close {
            Some(close) if !holds_content(&after[..close]) => {
                out.push_str(&rest[..open]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// True when a bracketed group holds a letter or digit other than in a key with no value
/// (`due=`, `owner:`).
fn holds_content(group: &str) -> bool {
    group.split([',', ';']).any(|part| {
        let part = part.trim();
        let bare_key = part.ends_with(['=', ':'])
            && part[..part.len() - 1]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        !bare_key && part.chars().any(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_left_with_no_value_are_not_kept_in_the_text() {
        let got = item("Add alerts for the tier. (owner=eng, priority=medium, due=)");
        assert_eq!(got.text, "Add alerts for the tier.");
        assert_eq!(got.owner.as_deref(), Some("eng"));
        assert_eq!(got.priority.as_deref(), Some("medium"));
        assert_eq!(got.due, None);
        // A group with something in it stays.
        assert_eq!(
            item("Rotate keys (see: runbook)").text,
            "Rotate keys (see: runbook)"
        );
    }

    fn item(text: &str) -> ActionItem {
        from_text(text)
    }

    #[test]
    fn reads_list_items() {
        let got = item(
            "[x] Fix connection leak (Owner: alice, Priority: P1) https://jira.example.com/OPS-1",
        );
        assert_eq!(got.text, "Fix connection leak");
        assert_eq!(got.owner.as_deref(), Some("alice"));
        assert_eq!(got.priority.as_deref(), Some("P1"));
        assert_eq!(got.status.as_deref(), Some("done"));
        assert_eq!(got.link.as_deref(), Some("https://jira.example.com/OPS-1"));

        let got = item("P2: Add alert on cache hit ratio (@bob)");
        assert_eq!(
            (
                got.text.as_str(),
                got.priority.as_deref(),
                got.owner.as_deref()
            ),
            ("Add alert on cache hit ratio", Some("P2"), Some("@bob"))
        );

        let got = item("[Review cache TTLs](https://tracker.example.com/42) — **Status:** in progress — due: 2024-02-01");
        assert_eq!(got.text, "Review cache TTLs");
        assert_eq!(got.status.as_deref(), Some("in progress"));
        assert_eq!(got.due.as_deref(), Some("2024-02-01"));
        assert_eq!(got.link.as_deref(), Some("https://tracker.example.com/42"));

        let got = item("[TODO] Enable flux capacitor (Bug #5554823)");
        assert_eq!(
            (got.text.as_str(), got.status.as_deref()),
            ("Enable flux capacitor (Bug #5554823)", Some("TODO"))
        );
        assert_eq!(item("Email ops@example.com").owner, None);
    }

    #[test]
    fn reads_table_rows() {
        let row = [
            (Column::Text, "Action Item", "Plug fd leak"),
            (Column::Other, "Type", "prevent"),
            (Column::Owner, "Owner", "agoogler"),
            (Column::Link, "Bug", "Bug 5554825 **DONE**"),
        ];
        let got = from_row(&row);
        assert_eq!(got.text, "Plug fd leak (Type: prevent; Bug: Bug 5554825)");
        assert_eq!(got.owner.as_deref(), Some("agoogler"));
        assert_eq!(got.status.as_deref(), Some("DONE"));
        assert_eq!(column_for("Due Date"), Column::Due);
        assert_eq!(column_for("**Owner**"), Column::Owner);
    }
}
