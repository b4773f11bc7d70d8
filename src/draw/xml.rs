//! Escaping for the SVG and HTML this crate writes (chart and illustration exports, the
//! timeline SVG, the no-JavaScript report): one escaper, so every writer treats hostile text
//! the same way.

/// `text` made safe inside XML or HTML text and (double- or single-quoted) attribute values:
/// the five special characters become entities, and characters XML 1.0 forbids (most control
/// characters) are dropped, so the result always parses.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped() {
        assert_eq!(
            escape_xml("</title><script>alert('x')</script> & \"q\""),
            "&lt;/title&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(escape_xml("a\u{0}b\u{1b}c\u{ffff}\td"), "abc\td");
        assert_eq!(escape_xml("café ☕ ]]>"), "café ☕ ]]&gt;");
    }
}
