//! The author's own Markdown for each prose part (summary, impact, root cause, unknown
//! sections, …), kept line for line so that the page can render lists, tables, code blocks
//! and inline formatting as written rather than a flattened, cleaned copy.
//!
//! While the reader walks the lines it notes, for each prose part, which source lines went
//! into it (or, for a value read after a label, the value's text). At the end each part is
//! rebuilt from those notes: consecutive source lines stay together; anything else starts a
//! new paragraph.

use std::collections::{HashMap, HashSet};

use super::{Line, Reader, Target};
use crate::parse::entry::strip_list_marker;

/// One note: what went into a prose part.
#[derive(Debug)]
pub(super) enum Piece {
    /// A whole source line, by index into the reader's lines.
    Line(usize),
    /// Text that is not a whole line (a value after `Summary:`, a piece of an HTML line),
    /// with where it sits when it is a piece of a line split at `<br>`.
    Text(String, Option<Split>),
    /// A blank line: the paragraph ends.
    Break,
}

/// Where a piece of a line split at `<br>` sits in its line. Its first piece goes on the
/// paragraph of the line right before it (`**\<START OF` over `OUTAGE>**<br> 13:02 - ...`),
/// and the line right after its last piece goes on that piece's paragraph, as the source
/// writes them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Split {
    /// The line's index in the reader's lines.
    index: usize,
    /// True for the line's first piece.
    opens: bool,
    /// True for the line's last piece.
    ends: bool,
}

/// The notes, in reading order.
#[derive(Debug, Default)]
pub(super) struct Verbatim {
    pieces: Vec<(Target, Piece)>,
    /// The index in `pieces` of the last note of each target but the last note's, kept up to
    /// date when the target changes (a document with thousands of sections stays linear).
    last: HashMap<Target, usize>,
}

/// The part that prose read under `target` lands in.
pub(super) fn prose_part(target: Target) -> Target {
    match target {
        Target::Date | Target::Duration | Target::Boundary(_) | Target::Timeline => Target::Summary,
        other => other,
    }
}

impl Verbatim {
    /// Notes that `text` went into `target` while the line at `index` was read.
    pub(super) fn note(&mut self, lines: &[Line<'_>], index: usize, target: Target, text: &str) {
        let target = prose_part(target);
        let Some(line) = lines.get(index) else {
            self.push(target, Piece::Text(text.to_string(), None));
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
                self.push(target, Piece::Line(index));
            }
        } else {
            // Only where text meets text: a line opening or closing with a tag (`<p>…</p>`
            // pieces of an HTML page) starts a paragraph of its own, as before.
            let tag_at_start = |i: usize| {
                lines
                    .get(i)
                    .is_some_and(|l| l.raw.trim_start().starts_with('<'))
            };
            let tag_at_end = |i: usize| {
                lines
                    .get(i)
                    .is_some_and(|l| l.raw.trim_end().ends_with('>'))
            };
            let split = (!single_piece).then_some(Split {
                index,
                opens: own_line(index.checked_sub(1))
                    && !tag_at_start(index)
                    && index
                        .checked_sub(1)
                        .is_some_and(|before| !tag_at_end(before)),
                ends: own_line(Some(index + 1)) && !tag_at_end(index) && !tag_at_start(index + 1),
            });
            self.push(target, Piece::Text(text.to_string(), split));
        }
    }

    /// Notes a source line that belongs to `target` as written (a fence, a table's rule line).
    pub(super) fn line(&mut self, target: Target, index: usize) {
        self.push(prose_part(target), Piece::Line(index));
    }

    /// Notes a blank line in `target`.
    pub(super) fn blank(&mut self, target: Target) {
        let target = prose_part(target);
        if self
            .last_of(target)
            .is_some_and(|piece| !matches!(piece, Piece::Break))
        {
            self.push(target, Piece::Break);
        }
    }

    fn push(&mut self, target: Target, piece: Piece) {
        if let Some(&(before, _)) = self.pieces.last().filter(|(before, _)| *before != target) {
            // A run of notes of `before` ends: remember where.
            self.last.insert(before, self.pieces.len() - 1);
        }
        self.pieces.push((target, piece));
    }

    /// The last note made for `target`.
    fn last_of(&self, target: Target) -> Option<&Piece> {
        let at = match self.pieces.last() {
            Some((last, _)) if *last == target => self.pieces.len() - 1,
            _ => *self.last.get(&target)?,
        };
        self.pieces.get(at).map(|(_, piece)| piece)
    }

    /// The prose parts noted, each with its Markdown rebuilt from the notes.
    pub(super) fn parts(&self, lines: &[Line<'_>]) -> Vec<(Target, String)> {
        // Each part: its target, its Markdown, the number of its last source line and whether
        // that line ended in a hard line break.
        let mut parts: Vec<(Target, String, Option<u32>, bool)> = Vec::new();
        // Where each target's part is in `parts` (and the last one looked up).
        let mut part_of: HashMap<Target, usize> = HashMap::new();
        let mut previous: Option<(Target, usize)> = None;
        for (target, piece) in &self.pieces {
            let at = match previous {
                Some((before, at)) if before == *target => at,
                _ => *part_of.entry(*target).or_insert_with(|| {
                    parts.push((*target, String::new(), None, false));
                    parts.len() - 1
                }),
            };
            previous = Some((*target, at));
            let (_, text, last_line, hard_break) = &mut parts[at];
            match piece {
                Piece::Line(index) => {
                    let Some(line) = lines.get(*index) else {
                        continue;
                    };
                    if !text.is_empty() {
                        let next = last_line.is_some_and(|n| n + 1 == line.number);
                        text.push_str(joint(next, *hard_break));
                    }
                    *hard_break = ends_in_hard_break(line.raw);
                    // A Jekyll code block's tags are its fences on the page.
                    match super::liquid_fence(line.raw) {
                        Some(fence) => text.push_str(&fence),
                        None => text.push_str(line.raw.trim_end()),
                    }
                    *last_line = Some(line.number);
                }
                Piece::Text(words, split) => {
                    let line = split.and_then(|split| Some((split, lines.get(split.index)?)));
                    if !text.is_empty() {
                        let next = line.is_some_and(|(split, line)| {
                            split.opens && last_line.is_some_and(|n| n + 1 == line.number)
                        });
                        text.push_str(joint(next, *hard_break));
                    }
                    text.push_str(words);
                    // The line after the last piece goes on with this paragraph.
                    (*last_line, *hard_break) = match line.filter(|(split, _)| split.ends) {
                        Some((_, line)) => (Some(line.number), ends_in_hard_break(line.raw)),
                        None => (None, false),
                    };
                }
                Piece::Break => *last_line = None,
            }
        }
        parts
            .into_iter()
            .map(|(target, text, _, _)| (target, dedent(&text)))
            .collect()
    }
}

/// What joins a piece to the text before it: a line break when it goes on the paragraph of
/// the line right before it (`next`), kept as a Markdown hard line break where that line ended
/// in one (`hard_break`: an address, a sign-off); else a blank line.
fn joint(next: bool, hard_break: bool) -> &'static str {
    match (next, hard_break) {
        (true, true) => "  \n",
        (true, false) => "\n",
        (false, _) => "\n\n",
    }
}

/// True when a source line ends in two spaces or more: a Markdown hard line break.
fn ends_in_hard_break(raw: &str) -> bool {
    raw.trim_end_matches(['\r', '\n']).ends_with("  ") && !raw.trim().is_empty()
}

/// A link reference definition (`[label]: https://…`, indented at most three spaces):
/// its label and target. Footnotes (`[^note]: text`) are not.
pub(super) fn link_definition(raw: &str) -> Option<(&str, &str)> {
    let start = crate::parse::scan::trim_start(raw);
    if !start.starts_with('[') {
        return None; // most lines
    }
    let indent = raw.len() - start.len();
    let rest = start.trim_end().strip_prefix('[').filter(|_| indent <= 3)?;
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
    let mut labels = HashSet::new();
    for line in lines {
        let Some((label, url)) = link_definition(line.raw) else {
            continue;
        };
        let label = label.to_lowercase();
        if labels.insert(label.clone()) {
            found.push((label, line.raw.trim().to_string(), url.to_string()));
        }
    }
    found
}

/// Adds to `text` (a part's Markdown) each definition (lower-case label, line as written, target)
/// whose `[label]` it uses, in any case, and does not already hold, in the definitions' order.
fn carry_definitions(text: &mut String, definitions: &[(String, String, String)]) {
    // Each definition is looked up rather than searched for, so that a part using thousands of
    // labels stays linear. Labels holding a `]` (rare) are searched for as before.
    // The text in lower case, kept in step with `text` as definitions are added (lower-casing
    // the pieces apart gives the same as lower-casing the whole: they are split by blank lines).
    let mut lower = text.to_lowercase();
    // Every `[x]` of the lower-case text whose `x` holds no `[` or `]`.
    let mut labels: HashSet<String> = bracketed(&lower).map(|(_, x, _)| x.to_string()).collect();
    // Where each `[x]:` starts in the text as written, by `x`: a definition line in the text.
    let mut defined: HashMap<String, Vec<usize>> = HashMap::new();
    note_defined(&mut defined, text, 0);
    for (label, line, _) in definitions {
        let used = if label.contains(']') {
            lower.contains(&format!("[{label}]"))
        } else {
            labels.contains(label.as_str())
        };
        if !used {
            continue;
        }
        // The label as written: `line` is `[label]: target`.
        let written = line
            .get(1..)
            .and_then(|rest| rest.split_once("]:"))
            .map(|(x, _)| x);
        let present = match written.filter(|x| !x.contains(']')) {
            Some(x) => defined.get(x).is_some_and(|starts| {
                starts.iter().any(|&at| {
                    text.get(at..)
                        .is_some_and(|rest| rest.starts_with(line.as_str()))
                })
            }),
            None => text.contains(line.as_str()),
        };
        if present {
            continue;
        }
        text.push_str("\n\n");
        note_defined(&mut defined, line, text.len());
        text.push_str(line);
        let line = line.to_lowercase();
        labels.extend(bracketed(&line).map(|(_, x, _)| x.to_string()));
        lower.push_str("\n\n");
        lower.push_str(&line);
    }
}

/// Notes where each `[x]:` of `text` starts (offset by `base`), by `x`.
fn note_defined(defined: &mut HashMap<String, Vec<usize>>, text: &str, base: usize) {
    for (at, x, colon) in bracketed(text) {
        if colon {
            defined.entry(x.to_string()).or_default().push(base + at);
        }
    }
}

/// Every `[x]` in `text` where `x` holds neither `[` nor `]`: the byte offset of its `[`, `x`,
/// and whether a `:` follows the `]`.
fn bracketed(text: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    text.match_indices('[').filter_map(|(at, _)| {
        let after = &text[at + 1..];
        let end = after.find(['[', ']'])?;
        let x = &after[..end];
        let rest = &after[end..];
        rest.starts_with(']')
            .then(|| (at, x, rest[1..].starts_with(':')))
    })
}

/// `text` with each `[words][label]` whose label is defined written inline, `[words](url)`:
/// for the texts the page draws one by one (events, items), away from the definitions.
fn inline_references(text: &str, definitions: &HashMap<&str, &str>) -> String {
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
        match definitions.get(label.as_str()) {
            Some(url) if !label.is_empty() => {
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
            if !definitions.is_empty() {
                carry_definitions(&mut text, &definitions);
            }
            if let Some(field) = self.prose_field(target) {
                *field = text;
            }
        }
        if definitions.is_empty() {
            return;
        }
        let urls: HashMap<&str, &str> = definitions
            .iter()
            .map(|(label, _, url)| (label.as_str(), url.as_str()))
            .collect();
        let inline = |text: &mut String| *text = inline_references(text, &urls);
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
