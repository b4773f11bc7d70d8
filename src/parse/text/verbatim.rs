//! The author's own Markdown for each prose part (summary, impact, root cause, unknown
//! sections, …), kept line for line so that the page can render lists, tables, code blocks
//! and inline formatting as written rather than a flattened, cleaned copy.
//!
//! While the reader walks the lines it notes, for each prose part, which source lines went
//! into it (or, for a value read after a label, the value's text). At the end each part is
//! rebuilt from those notes: consecutive source lines stay together; anything else starts a
//! new paragraph.

use super::{Line, Reader, Target};
use crate::parse::entry::strip_list_marker;

/// One note: what went into a prose part.
#[derive(Debug)]
pub(super) enum Piece {
    /// A whole source line, by index into the reader's lines.
    Line(usize),
    /// Text that is not a whole line (a value after `Summary:`, a piece of an HTML line).
    Text(String),
    /// A blank line: the paragraph ends.
    Break,
}

/// The notes, in reading order.
#[derive(Debug, Default)]
pub(super) struct Verbatim {
    pieces: Vec<(Target, Piece)>,
}

/// The part that prose read under `target` lands in.
pub(super) fn prose_part(target: Target) -> Target {
    match target {
        Target::Date | Target::Duration | Target::Timeline => Target::Summary,
        other => other,
    }
}

impl Verbatim {
    /// Notes that `text` went into `target` while the line at `index` was read.
    pub(super) fn note(&mut self, lines: &[Line<'_>], index: usize, target: Target, text: &str) {
        let target = prose_part(target);
        let Some(line) = lines.get(index) else {
            self.pieces.push((target, Piece::Text(text.to_string())));
            return;
        };
        let whole = {
            let (content, _, _) = strip_list_marker(&line.text);
            content == text || line.text.trim() == text.trim()
        };
        let own_line = |i: Option<usize>| {
            i.and_then(|i| lines.get(i))
                .is_none_or(|other| other.number != line.number)
        };
        let single_piece = own_line(index.checked_sub(1)) && own_line(Some(index + 1));
        if whole && single_piece {
            let repeated = self.last_of(target).is_some_and(
                |piece| matches!(piece, Piece::Line(i) if lines[*i].number == line.number),
            );
            if !repeated {
                self.pieces.push((target, Piece::Line(index)));
            }
        } else {
            self.pieces.push((target, Piece::Text(text.to_string())));
        }
    }

    /// Notes a source line that belongs to `target` as written (a fence, a table's rule line).
    pub(super) fn line(&mut self, target: Target, index: usize) {
        self.pieces.push((prose_part(target), Piece::Line(index)));
    }

    /// Notes a blank line in `target`.
    pub(super) fn blank(&mut self, target: Target) {
        let target = prose_part(target);
        if self
            .last_of(target)
            .is_some_and(|piece| !matches!(piece, Piece::Break))
        {
            self.pieces.push((target, Piece::Break));
        }
    }

    /// The last note made for `target`.
    fn last_of(&self, target: Target) -> Option<&Piece> {
        self.pieces
            .iter()
            .rev()
            .find(|(t, _)| *t == target)
            .map(|(_, piece)| piece)
    }

    /// The prose parts noted, each with its Markdown rebuilt from the notes.
    pub(super) fn parts(&self, lines: &[Line<'_>]) -> Vec<(Target, String)> {
        let mut parts: Vec<(Target, String, Option<u32>)> = Vec::new();
        for (target, piece) in &self.pieces {
            let at = match parts.iter().position(|(t, _, _)| t == target) {
                Some(at) => at,
                None => {
                    parts.push((*target, String::new(), None));
                    parts.len() - 1
                }
            };
            let (_, text, last_line) = &mut parts[at];
            match piece {
                Piece::Line(index) => {
                    let Some(line) = lines.get(*index) else {
                        continue;
                    };
                    if !text.is_empty() {
                        let next = last_line.is_some_and(|n| n + 1 == line.number);
                        text.push_str(if next { "\n" } else { "\n\n" });
                    }
                    text.push_str(line.raw.trim_end());
                    *last_line = Some(line.number);
                }
                Piece::Text(words) => {
                    if !text.is_empty() {
                        text.push_str("\n\n");
                    }
                    text.push_str(words);
                    *last_line = None;
                }
                Piece::Break => *last_line = None,
            }
        }
        parts
            .into_iter()
            .map(|(target, text, _)| (target, dedent(&text)))
            .collect()
    }
}

/// A link reference definition (`[label]: https://…`, indented at most three spaces):
/// its label and target. Footnotes (`[^note]: text`) are not.
pub(super) fn link_definition(raw: &str) -> Option<(&str, &str)> {
    let indent = raw.len() - raw.trim_start().len();
    let rest = raw.trim().strip_prefix('[').filter(|_| indent <= 3)?;
    let (label, target) = rest.split_once("]:")?;
    let url = target.split_whitespace().next()?;
    let url = url.trim_start_matches('<').trim_end_matches('>');
    let ok =
        !label.is_empty() && !label.starts_with('^') && !label.contains('[') && !url.is_empty();
    ok.then_some((label, url))
}

/// The document's link reference definitions: lower-case label, the line as written, and
/// the target.
fn link_definitions(lines: &[Line<'_>]) -> Vec<(String, String, String)> {
    let mut found: Vec<(String, String, String)> = Vec::new();
    for line in lines {
        let Some((label, url)) = link_definition(line.raw) else {
            continue;
        };
        let label = label.to_lowercase();
        if !found.iter().any(|(l, _, _)| *l == label) {
            found.push((label, line.raw.trim().to_string(), url.to_string()));
        }
    }
    found
}

/// `text` with each `[words][label]` whose label is defined written inline, `[words](url)`:
/// for the texts the page draws one by one (events, items), away from the definitions.
fn inline_references(text: &str, definitions: &[(String, String, String)]) -> String {
    if !text.contains("][") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("][") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(']') else {
            break;
        };
        let label = after[..end].to_lowercase();
        match definitions.iter().find(|(l, _, _)| *l == label) {
            Some((_, _, url)) if !label.is_empty() => {
                out.push_str(&rest[..at]);
                out.push_str("](");
                out.push_str(url);
                out.push(')');
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str(&rest[..at + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes the indentation every non-blank line shares, so a part written inside a list
/// item is not read as a code block.
pub(super) fn dedent(text: &str) -> String {
    let common = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    if common == 0 {
        return text.to_string();
    }
    text.lines()
        .map(|l| l.get(common..).unwrap_or(l.trim_start()))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Reader<'_> {
    /// Rebuilds every prose part from the author's lines.
    pub(super) fn restore_verbatim_prose(&mut self) {
        let parts = self.verbatim.parts(&self.lines);
        let definitions = link_definitions(&self.lines);
        for (target, mut text) in parts {
            // A part that uses `[text][label]` carries the definitions it needs (written
            // anywhere in the document), so that it reads on its own.
            for (label, line, _) in &definitions {
                let used = text.to_lowercase().contains(&format!("[{label}]"));
                if used && !text.contains(line.as_str()) {
                    text.push_str("\n\n");
                    text.push_str(line);
                }
            }
            if let Some(field) = self.prose_field(target) {
                *field = text;
            }
        }
        if definitions.is_empty() {
            return;
        }
        let inline = |text: &mut String| *text = inline_references(text, &definitions);
        let incident = &mut self.incident;
        incident
            .timeline
            .iter_mut()
            .for_each(|e| inline(&mut e.text));
        incident
            .action_items
            .iter_mut()
            .for_each(|a| inline(&mut a.text));
        incident.improvements.iter_mut().for_each(inline);
        let lessons = &mut incident.lessons;
        for list in [
            &mut lessons.went_well,
            &mut lessons.went_wrong,
            &mut lessons.lucky,
        ] {
            list.iter_mut().for_each(inline);
        }
    }
}
