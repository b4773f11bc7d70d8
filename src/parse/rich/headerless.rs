//! Tables written without a header row.
//!
//! Many postmortems open with a key/value table (`| Date | 3 May |`, `| Owner | Ana |`) and no
//! `|---|` line, which CommonMark reads as a paragraph of pipes. Before the text is read, each
//! run of such rows gets an empty header and its rule line, so it reads as the table it is;
//! the tree builder then drops the empty header ([`is_empty_head`]).

use std::borrow::Cow;

use super::{Element, Node};
use crate::parse::table;

/// `markdown` with an empty header row put above every run of table rows that has none.
/// Borrowed unchanged when there is nothing to add (most texts).
pub(super) fn with_headers(markdown: &str) -> Cow<'_, str> {
    if !markdown.contains('|') {
        return Cow::Borrowed(markdown);
    }
    let lines: Vec<&str> = markdown.split_inclusive('\n').collect();
    let mut out: Option<String> = None;
    let mut fence: Option<u8> = None;
    let mut in_table = false;
    for (i, line) in lines.iter().enumerate() {
        if let Some(mark) = fence_mark(line) {
            match fence {
                None => fence = Some(mark),
                Some(open) if open == mark => fence = None,
                Some(_) => {}
            }
        }
        let is_row = fence.is_none() && is_plain_row(line);
        let heads_a_table = |i: usize| {
            lines
                .get(i + 1)
                .is_some_and(|next| table::is_separator(next))
        };
        if !is_row {
            // A row's rule line, or any other line: a table goes on only over its rows.
            in_table = in_table && table::is_separator(line);
        } else if heads_a_table(i) {
            if in_table {
                // A header row under rows: those were a table of their own.
                out.get_or_insert_with(|| lines[..i].concat()).push('\n');
            }
            in_table = true;
        } else if !in_table {
            // The first row of a run with no header: give it one.
            let columns = (i..lines.len())
                .take_while(|&j| is_plain_row(lines[j]) && !heads_a_table(j))
                .map(|j| table::cells(lines[j].trim()).len())
                .max()
                .unwrap_or(1);
            let text = out.get_or_insert_with(|| lines[..i].concat());
            if i > 0 && !lines[i - 1].trim().is_empty() {
                text.push('\n'); // rows right under a paragraph would continue it
            }
            text.push('|');
            text.push_str(&" |".repeat(columns));
            text.push_str("\n|");
            text.push_str(&"---|".repeat(columns));
            text.push('\n');
            in_table = true;
        }
        if let Some(text) = &mut out {
            text.push_str(line);
        }
    }
    out.map_or(Cow::Borrowed(markdown), Cow::Owned)
}

/// True for a table row written with its outer pipes (`| a | b |`), of two cells or more,
/// that is not a rule line.
fn is_plain_row(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let trimmed = line.trim();
    indent < 4
        && trimmed.len() > 2
        && trimmed.starts_with('|')
        && trimmed.ends_with('|')
        && !trimmed.ends_with("\\|")
        && !table::is_separator(line)
        && table::cells(trimmed).len() >= 2
}

/// The fence character when the line opens or closes a code fence.
fn fence_mark(line: &str) -> Option<u8> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let trimmed = line.trim_start();
    (indent < 4)
        .then(|| ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)))
        .flatten()
        .map(|m| m.as_bytes()[0])
}

/// True for a header row whose cells are all empty (the one [`with_headers`] adds).
pub(super) fn is_empty_head(element: &Element, children: &[Node]) -> bool {
    *element == Element::TableHead
        && children.iter().all(|cell| match cell {
            Node::Element(Element::HeaderCell, words) => super::plain_text(words).trim().is_empty(),
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_without_a_header_get_an_empty_one() {
        assert_eq!(
            with_headers("Intro.\n| Host | db-2 |\n| Region | west |\n\nAfter."),
            "Intro.\n\n| | |\n|---|---|\n| Host | db-2 |\n| Region | west |\n\nAfter."
        );
        // Tables with a header, code, and single pipes are left as written.
        for text in [
            "| a | b |\n|---|---|\n| c | d |\n",
            "```\n| a | b |\n```\n",
            "a | b\n",
            "| lone |\n",
        ] {
            assert!(matches!(with_headers(text), Cow::Borrowed(_)), "{text}");
        }
        // Rows above a header row are a table of their own.
        assert_eq!(
            with_headers("| k | v |\n| a | b |\n|---|---|\n| c | d |\n"),
            "| | |\n|---|---|\n| k | v |\n\n| a | b |\n|---|---|\n| c | d |\n"
        );
    }
}
