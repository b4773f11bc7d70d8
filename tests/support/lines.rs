//! The line numbering the readers use, for tests that check where a diagnostic points.

/// The lines of `source` as the readers number them: BOM stripped, LF/CRLF/CR endings, no
/// extra line after a final newline, and one empty line for empty input.
pub fn lines(source: &str) -> Vec<&str> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut out = Vec::new();
    let mut rest = source;
    loop {
        match rest.find(['\n', '\r']) {
            Some(end) => {
                out.push(&rest[..end]);
                let skip = if rest[end..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = &rest[end + skip..];
            }
            None => {
                if !rest.is_empty() || out.is_empty() {
                    out.push(rest);
                }
                return out;
            }
        }
    }
}
