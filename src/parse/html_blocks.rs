//! The block HTML that postmortems embed in Markdown or paste from a wiki, turned into the
//! line shapes the reader already knows: `<li>` becomes a list item, `<h2>` a heading,
//! `<p>` and `<div>` end a paragraph, and `<tr>`/`<td>`/`<th>` rows (also spread over several
//! lines) become Markdown table rows, with a separator row under a header row.
//!
//! Nothing here is ever rendered as HTML: inline tags are left for [`super::markup::clean`]
//! to drop, and unknown tags stay as literal text. Lines without block tags pass through
//! untouched; the work is linear in the input.

/// One logical line made from a source line: its byte offset there and its text.
pub type Piece = (usize, String);

/// Block tags that end the text before them (and start a new piece).
const BREAKING: &[&str] = &[
    "p",
    "div",
    "ul",
    "ol",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "section",
    "article",
    "blockquote",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "caption",
    "center",
];

/// Turns block HTML into logical lines, remembering a table row left open across lines.
#[derive(Debug, Default)]
pub struct HtmlBlocks {
    /// Cells of a `<tr>` not closed yet.
    row: Option<Row>,
    /// True after the first row of the current `<table>`.
    table_has_rows: bool,
}

#[derive(Debug, Default)]
struct Row {
    cells: Vec<String>,
    /// Text of a cell not closed yet.
    open_cell: Option<String>,
    /// True when the row's cells are `<th>`.
    header: bool,
}

impl Row {
    fn close_cell(&mut self) {
        if let Some(cell) = self.open_cell.take() {
            self.cells.push(collapse_spaces(&cell));
        }
    }
}

/// A tag at the start of `text`: (name in lower case, is closing, bytes).
fn tag_at(text: &str) -> Option<(String, bool, usize)> {
    let rest = text.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 || !rest.as_bytes()[0].is_ascii_alphabetic() {
        return None;
    }
    let after = &rest[name_len..];
    if !after.starts_with(['>', ' ', '/', '\t']) {
        return None;
    }
    // The tag ends at its first `>`; a `<` before it means no tag. Looking no further than the
    // next `<` keeps a line of many unclosed tags linear (`<a <a <a …`).
    let close = after.find(['>', '<'])?;
    if after.as_bytes()[close] == b'<' {
        return None;
    }
    let len = 1 + usize::from(closing) + name_len + close + 1;
    Some((rest[..name_len].to_ascii_lowercase(), closing, len))
}

/// The heading level of `h1`..`h6`.
fn heading_level(name: &str) -> Option<usize> {
    let digit = name.strip_prefix('h')?;
    match digit.as_bytes() {
        [d @ b'1'..=b'6'] => Some(usize::from(d - b'0')),
        _ => None,
    }
}

/// True when `name` is a block tag this module rewrites.
fn is_block(name: &str) -> bool {
    matches!(name, "li" | "tr" | "td" | "th")
        || heading_level(name).is_some()
        || BREAKING.contains(&name)
}

/// Runs of whitespace as one space, trimmed.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `line` holds a closing tag of a block that parts paragraphs (`</div>`, `</p>`,
/// `</section>`): when it holds nothing else, it stands where a Markdown page has a blank line
/// (lists' and tables' tags are left out: their rows and items are read across them; an
/// opening tag may start a part of the block before it, such as an update's body under its
/// title).
pub fn parts_paragraphs(line: &str) -> bool {
    const PARTING: [&str; 6] = ["p", "div", "section", "article", "details", "center"];
    // As `has_block_tag` looks: a tag holds no `<`, so every `<` is looked at once.
    line.match_indices('<').any(|(at, _)| {
        tag_at(&line[at..])
            .is_some_and(|(name, closing, _)| closing && PARTING.contains(&name.as_str()))
    })
}

impl HtmlBlocks {
    /// True while a table row left open on an earlier line waits for its cells.
    pub fn row_open(&self) -> bool {
        self.row.is_some()
    }

    /// True when `line` needs [`HtmlBlocks::feed`]: it holds a block tag or continues a row.
    /// Most lines do not, and are read as they are without a copy.
    pub fn wants(&self, line: &str) -> bool {
        self.row.is_some() || has_block_tag(line)
    }

    /// The logical lines of one source line (none when it only holds structure such as
    /// `<ul>`; the line itself when it holds no block tag).
    pub fn feed(&mut self, line: &str) -> Vec<Piece> {
        if !self.wants(line) {
            return vec![(0, line.to_string())];
        }
        let mut pieces = Vec::new();
        let mut current = String::new();
        let mut current_at = 0;
        let mut at = 0;
        let bytes = line.as_bytes();
        while at < bytes.len() {
            if bytes[at] == b'<' {
                if let Some((name, closing, len)) = tag_at(&line[at..]) {
                    if is_block(&name) || (name == "br" && self.in_cell()) {
                        if !matches!(name.as_str(), "td" | "th" | "br") || self.row.is_none() {
                            flush(&mut pieces, &mut current, current_at);
                        }
                        self.tag(&name, closing, &mut pieces, &mut current, at);
                        at += len;
                        current_at = at;
                        continue;
                    }
                }
            }
            let ch_len = line[at..].chars().next().map_or(1, char::len_utf8);
            let piece = &line[at..at + ch_len];
            let in_row = self.row.is_some();
            match self.row.as_mut().and_then(|r| r.open_cell.as_mut()) {
                Some(cell) => cell.push_str(piece),
                None if in_row => {} // whitespace between cells
                None => {
                    if current.is_empty() {
                        current_at = at;
                    }
                    current.push_str(piece);
                }
            }
            at += ch_len;
        }
        flush(&mut pieces, &mut current, current_at);
        pieces
    }

    fn in_cell(&self) -> bool {
        self.row.as_ref().is_some_and(|r| r.open_cell.is_some())
    }

    fn tag(
        &mut self,
        name: &str,
        closing: bool,
        pieces: &mut Vec<Piece>,
        current: &mut String,
        at: usize,
    ) {
        match (name, closing) {
            ("br", _) => {
                if let Some(cell) = self.row.as_mut().and_then(|r| r.open_cell.as_mut()) {
                    cell.push(' ');
                }
            }
            ("li", false) => current.push_str("- "),
            ("tr", false) => {
                self.finish_row(pieces, at);
                self.row = Some(Row::default());
            }
            ("tr", true) => self.finish_row(pieces, at),
            ("td" | "th", false) => {
                let row = self.row.get_or_insert_with(Row::default);
                row.close_cell();
                row.header |= name == "th";
                row.open_cell = Some(String::new());
            }
            ("td" | "th", true) => {
                if let Some(row) = self.row.as_mut() {
                    row.close_cell();
                }
            }
            ("table", _) => {
                self.finish_row(pieces, at);
                self.table_has_rows = false;
            }
            (heading, false) if heading_level(heading).is_some() => {
                let level = heading_level(heading).unwrap_or(2);
                current.push_str(&"#".repeat(level));
                current.push(' ');
            }
            _ => {}
        }
    }

    /// Emits an open row as `| a | b |` (and a separator under a first header row).
    fn finish_row(&mut self, pieces: &mut Vec<Piece>, at: usize) {
        let Some(mut row) = self.row.take() else {
            return;
        };
        row.close_cell();
        if row.cells.is_empty() {
            return;
        }
        let cells: Vec<String> = row.cells.iter().map(|c| c.replace('|', "/")).collect();
        pieces.push((at, format!("| {} |", cells.join(" | "))));
        if row.header && !self.table_has_rows {
            let separator = vec!["---"; cells.len()].join(" | ");
            pieces.push((at, format!("| {separator} |")));
        }
        self.table_has_rows = true;
    }
}

/// Ends the current piece, keeping it when it holds more than markup and spaces.
fn flush(pieces: &mut Vec<Piece>, current: &mut String, at: usize) {
    let text = std::mem::take(current);
    if !text.trim().is_empty() && text.trim() != "-" {
        pieces.push((at, text.trim_end().to_string()));
    }
}

/// True when `line` holds a block tag this module rewrites (cheap check first).
fn has_block_tag(line: &str) -> bool {
    if !line.contains('<') {
        return false;
    }
    line.match_indices('<')
        .any(|(i, _)| tag_at(&line[i..]).is_some_and(|(name, _, _)| is_block(&name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_ends_at_its_first_closing_bracket_and_never_past_a_new_one() {
        assert_eq!(
            tag_at("<div class=\"row\">x"),
            Some(("div".into(), false, 17))
        );
        assert_eq!(tag_at("</P>"), Some(("p".into(), true, 4)));
        // `<a <b>`: the first is no tag, the second is.
        assert_eq!(tag_at("<a <b>"), None);
        assert_eq!(tag_at("<b>"), Some(("b".into(), false, 3)));
        assert_eq!(tag_at("<div unclosed"), None);
    }

    fn feed_all(lines: &[&str]) -> Vec<String> {
        let mut blocks = HtmlBlocks::default();
        lines
            .iter()
            .flat_map(|l| blocks.feed(l))
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn list_items_become_markdown_items() {
        assert_eq!(
            feed_all(&["<li><strong>9:05 PM:</strong> alarm</li>"]),
            vec!["- <strong>9:05 PM:</strong> alarm"]
        );
        assert_eq!(
            feed_all(&["<ul>", "<li>a</li><li>b</li>", "</ul>"]),
            vec!["- a", "- b"]
        );
    }

    #[test]
    fn rows_spread_over_lines_become_table_rows() {
        assert_eq!(
            feed_all(&[
                "<table>",
                "<tr><th>Time</th><th>Event</th></tr>",
                "<tr>",
                "  <td>08:25</td>",
                "  <td>pool<br>raised</td>",
                "</tr>",
                "</table>",
            ]),
            vec![
                "| Time | Event |",
                "| --- | --- |",
                "| 08:25 | pool raised |"
            ]
        );
    }

    #[test]
    fn headings_and_paragraphs_split_lines() {
        assert_eq!(
            feed_all(&["<h2>Timeline</h2><p>10:00 start</p>"]),
            vec!["## Timeline", "10:00 start"]
        );
    }

    #[test]
    fn text_without_block_tags_passes_through() {
        assert_eq!(
            feed_all(&["a <b>bold</b> word", ""]),
            vec!["a <b>bold</b> word", ""]
        );
        assert_eq!(feed_all(&["1 < 2 and <li"]), vec!["1 < 2 and <li"]);
    }
}
