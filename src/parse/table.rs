//! Markdown (GitHub-style) tables: `| Time | Event |` rows, the `|---|---|` line under the
//! header, and cells split at unescaped pipes.

/// True when the line is written as a table row (starts with `|`, or has a pipe between cells).
pub fn is_row(line: &str) -> bool {
    if !super::scan::trim_start(line).starts_with('|') {
        return false; // most lines
    }
    let trimmed = line.trim();
    trimmed.starts_with('|') && trimmed.len() > 1
}

/// True for the line under a table header: only pipes, dashes, colons and spaces, with a dash.
pub fn is_separator(line: &str) -> bool {
    let trimmed = line.trim();
    // The character test first: it fails at the first letter of most lines.
    trimmed
        .bytes()
        .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
        && trimmed.contains('-')
        && trimmed.contains('|')
}

/// True for a border line of a reStructuredText grid table (`+-------+------+`, and
/// `+=======+======+` under its header): structure only.
pub fn is_grid_border(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.len() >= 3
        && trimmed.starts_with('+')
        && trimmed.ends_with('+')
        && trimmed
            .bytes()
            .all(|b| matches!(b, b'+' | b'-' | b'=' | b':' | b' '))
        && trimmed.contains(['-', '='])
}

/// True for the border under a grid table's header (`+=====+=====+`).
pub fn is_grid_header_rule(line: &str) -> bool {
    is_grid_border(line) && line.contains('=')
}

/// True when `border` is a grid table's border for the row `row` beside it: every `+` of the
/// border stands over a `|` of the row, as in a table, not in a drawing of boxes.
pub fn borders_row(border: &str, row: &str) -> bool {
    is_grid_border(border)
        && is_row(row)
        && border.trim_end().len() == row.trim_end().len()
        && border
            .bytes()
            .zip(row.bytes())
            .all(|(b, r)| b != b'+' || r == b'|')
}

/// The cells of a row, trimmed, with `\|` read as a literal pipe: (byte offset in the line, text).
pub fn cells(line: &str) -> Vec<(usize, String)> {
    let lead = line.len() - line.trim_start().len();
    let body = line.trim();
    let body = body.strip_prefix('|').unwrap_or(body);
    let start = lead + usize::from(line.trim_start().starts_with('|'));
    let body = match body.strip_suffix('|') {
        Some(inner) if !inner.ends_with('\\') => inner,
        _ => body,
    };
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut cell_at = start;
    let mut chars = body.char_indices().peekable();
    while let Some((index, ch)) = chars.next() {
        match ch {
            '\\' if chars.peek().is_some_and(|(_, next)| *next == '|') => {
                cell.push('|');
                chars.next();
            }
            '|' => {
                out.push(trimmed_cell(&cell, cell_at));
                cell.clear();
                cell_at = start + index + 1;
            }
            _ => cell.push(ch),
        }
    }
    out.push(trimmed_cell(&cell, cell_at));
    out
}

fn trimmed_cell(cell: &str, at: usize) -> (usize, String) {
    let lead = cell.len() - cell.trim_start().len();
    (at + lead, cell.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_rows_into_cells() {
        let texts = |line: &str| -> Vec<String> { cells(line).into_iter().map(|c| c.1).collect() };
        assert_eq!(texts("| 14:51 | News `a\\|b` |"), ["14:51", "News `a|b`"]);
        assert_eq!(texts("|a||b|"), ["a", "", "b"]);
        assert_eq!(
            cells("  | x | y"),
            [(4, "x".to_string()), (8, "y".to_string())]
        );
        assert!(is_row("| a |"));
        assert!(!is_row("a | b"));
        assert!(is_separator("|---|:--:|"));
        assert!(is_grid_border("+-------+------+"));
        assert!(is_grid_header_rule("+=======+======+"));
        assert!(!is_grid_header_rule("+-------+------+"));
        assert!(!is_grid_border("+1 more"));
        assert!(borders_row("+----+---+", "| ab | c |"));
        assert!(!borders_row("+------+", "|   Load Balancer   |"));
        assert!(is_separator(" ----- | ----- "));
        assert!(!is_separator("| a |"));
    }
}
