//! What a source line is by its shape alone (a heading and its level, a code fence, a rule, an
//! HTML comment or `<pre>` block, a directive, a program's log line), and the headings around a
//! line outside code fences.

use super::*;

/// True for a section title that names a log or a program's output (`Logs`, `Log excerpt`,
/// `Output of the job`, `Stack trace`).
/// A log of what people did (`Decision log`, `Incident log`) is a chronology: only a title
/// that opens with the word counts.
pub(super) fn names_a_log(title: &str) -> bool {
    let first = title
        .split(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
        .unwrap_or("");
    ["log", "logs", "output", "stacktrace", "traceback"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
        || title.to_ascii_lowercase().contains("stack trace")
}

/// True for the text after a stamp that opens with a log level (`ERROR conn refused`,
/// `[WARN] retrying`, Ruby's `#27501] ERROR -- app: ...` after `E, [2016-07-27T03:06:49.409105`):
/// a line of a program's log, not an entry.
pub(super) fn opens_with_log_level(text: &str) -> bool {
    const LEVELS: [&str; 9] = [
        "ERROR", "ERR", "WARN", "WARNING", "INFO", "DEBUG", "TRACE", "FATAL", "CRITICAL",
    ];
    // The process id Ruby's logger writes in the stamp's brackets.
    let text = text.trim_start();
    let text = match text.strip_prefix('#') {
        Some(pid) => pid
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .strip_prefix(']')
            .unwrap_or(text),
        None => text,
    };
    let word = text
        .trim_start_matches(['[', '<', ' '])
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    LEVELS.contains(&word)
}

/// True when a source line opens an HTML paragraph or division (`<p>`, `<div class=…>`).
pub(super) fn opens_html_paragraph(raw: &str) -> bool {
    let trimmed = scan::trim_start(raw).as_bytes();
    let Some(rest) = trimmed.strip_prefix(b"<") else {
        return false;
    };
    let name_len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let name = &rest[..name_len];
    (name.eq_ignore_ascii_case(b"p") || name.eq_ignore_ascii_case(b"div"))
        && matches!(rest.get(name_len), Some(b'>' | b' ' | b'\t'))
}

/// The level of a Markdown heading line (`## x` is 2), if it is one.
pub(super) fn heading_level(text: &str) -> Option<usize> {
    let trimmed = scan::trim_start(text);
    let level = trimmed.chars().take_while(|&c| c == '#').count();
    ((1..=6).contains(&level) && trimmed[level..].starts_with([' ', '\t'])).then_some(level)
}

/// A heading's words as written, without its `#`s and a closing colon, its emphasis kept
/// whole (`#### 2. **Input Validation**` gives `2. **Input Validation**`, where
/// [`section_name`] would leave `2. **Input Validation`).
pub(super) fn heading_words(text: &str) -> String {
    let words = without_closing_hashes(text.into());
    words
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_end_matches(':')
        .trim_end()
        .to_string()
}

/// A section heading's name as written, without `#`, emphasis and a closing colon.
pub(super) fn section_name(text: &str) -> String {
    let name = text
        .trim()
        .trim_start_matches('#')
        .trim_matches(['*', '_', ':', ' ', '\t']);
    without_bold(name).trim_end_matches([':', ' ']).to_string()
}

/// `text` without its strong-emphasis marks: a name shown as plain text (`✅ **Summary**`,
/// `1. **Detection**`, `Code gap** (original)` whose opening mark went with the line's start).
/// Asterisks that are no emphasis stay: in code, a power (`2**10`), a glob (`src/**/*.ts`).
pub(super) fn without_bold(text: &str) -> String {
    // (Underscores stay: `__init__` and `$__env` are names more often than emphasis.)
    let marks = bold_marks(text);
    if marks.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for at in marks {
        out.push_str(&text[from..at]);
        from = at + 2;
    }
    out.push_str(&text[from..]);
    out.trim().to_string()
}

/// Where `text` writes `**` as Markdown's strong emphasis: outside code spans and fenced
/// blocks, not between two digits (`2**10`) and not beside a slash or another asterisk
/// (`src/**/x`, `***`).
pub(super) fn bold_marks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut marks = Vec::new();
    let mut in_fence = false;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
        } else if !in_fence {
            // Code spans: a run of backticks opens one that the same run closes.
            let mut code_run: Option<usize> = None;
            let mut i = 0;
            let lb = line.as_bytes();
            while i < lb.len() {
                if lb[i] == b'`' {
                    let run = lb[i..].iter().take_while(|&&b| b == b'`').count();
                    code_run = match code_run {
                        Some(open) if open == run => None,
                        None => Some(run),
                        other => other,
                    };
                    i += run;
                    continue;
                }
                if code_run.is_none() && lb[i..].starts_with(b"**") {
                    let at = line_start + i;
                    let before = at.checked_sub(1).and_then(|j| bytes.get(j)).copied();
                    let after = bytes.get(at + 2).copied();
                    let glob = |b: Option<u8>| matches!(b, Some(b'/' | b'*'));
                    let digit = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_digit());
                    let power = digit(before) && digit(after);
                    if !power && !glob(before) && !glob(after) {
                        marks.push(at);
                    }
                    i += 2;
                    continue;
                }
                i += 1;
            }
        }
        line_start += line.len();
    }
    marks
}

/// True for a line that starts a section on its own: a Markdown heading or a known label.
pub(super) fn starts_section(text: &str) -> bool {
    if let Some(label) = labelled(text) {
        return label.markdown_heading
            || field_for(label.label).is_some()
            || is_truncated_postmortem(label.label);
    }
    false
}

/// True for a `# Title` line (one `#`).
pub(super) fn is_title_heading(text: &str) -> bool {
    let trimmed = text.trim_start();
    trimmed.starts_with("# ") && trimmed.len() > 2
}

/// True for a line that opens an HTML `<pre>` block and does not close it
/// (`<div class="highlight"><pre class="highlight"><code>`).
pub(super) fn opens_pre_block(text: &str) -> bool {
    // Most lines have no `<`: one byte search.
    if !scan::contains(text.as_bytes(), b'<') {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    lower.rfind("<pre").is_some_and(|at| {
        lower[at + 4..].starts_with(['>', ' ', '\t']) && !lower[at..].contains("</pre")
    })
}

/// True for a line that starts an HTML comment and holds nothing after its end.
pub(super) fn opens_comment_block(text: &str) -> bool {
    let Some(rest) = text.trim_start().strip_prefix("<!--") else {
        return false;
    };
    rest.find("-->")
        .is_none_or(|end| rest[end + 3..].trim().is_empty())
}

/// True when the comment open on this line (opened before it when `open_before`) ends on it.
pub(super) fn closes_comment(text: &str, open_before: bool) -> bool {
    let rest = match open_before {
        true => text,
        false => text.trim_start().get(4..).unwrap_or(""),
    };
    rest.contains("-->")
}

/// A Jekyll code block's tag read as the code fence it stands for: `{% highlight bash %}`
/// opens one (```` ```bash ````), `{% endhighlight %}` closes it.
pub(super) fn liquid_fence(text: &str) -> Option<Cow<'static, str>> {
    let inner = text
        .trim()
        .strip_prefix("{%")?
        .strip_suffix("%}")?
        .trim_matches(['-', ' ']);
    let mut words = inner.split_whitespace();
    match words.next()? {
        "highlight" => Some(Cow::Owned(format!("```{}", words.next().unwrap_or("")))),
        "endhighlight" => Some(Cow::Borrowed("```")),
        _ => None,
    }
}

/// True for a code fence line (```` ``` ```` or `~~~`, with an optional language).
pub(super) fn is_fence(text: &str) -> bool {
    // Most lines start with a letter, a digit or a list marker: no fence.
    if text
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_graphic() && b != b'`' && b != b'~')
    {
        return false;
    }
    let trimmed = text.trim_start();
    (trimmed.starts_with("```") || trimmed.starts_with("~~~")) && !trimmed[3..].contains(['`', '~'])
}

/// True for a thematic break: `---`, `***`, `___` (three or more, spaces allowed).
pub(super) fn is_rule(text: &str) -> bool {
    let mut marks = text.bytes().filter(|b| !b.is_ascii_whitespace());
    let Some(mark @ (b'-' | b'*' | b'_' | b'=')) = marks.next() else {
        return false;
    };
    let mut count = 1;
    for b in marks {
        if b != mark {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// `**Timeline**` or `__Root Cause:__` alone on a line: the label inside.
pub(super) fn bold_heading(text: &str) -> Option<&str> {
    let inner = crate::parse::markup::wholly_bold(scan::trim_start(text))?
        .trim_end_matches(':')
        .trim_end();
    (!inner.is_empty() && inner.split_whitespace().count() <= 8).then_some(inner)
}

/// True for a reStructuredText directive line: `.. post:: Jan 25, 2021`, `.. meta::`.
pub(super) fn is_directive(text: &str) -> bool {
    text.trim_start()
        .strip_prefix(".. ")
        .and_then(|rest| rest.split_once("::"))
        .is_some_and(|(name, _)| !name.is_empty() && !name.contains(' '))
}

/// True for a line too long for a title that reads as sentences: over 100 characters with
/// a sentence's stop in it, or over 160 whatever it holds.
pub(super) fn reads_as_prose(line: &str) -> bool {
    let stopped = line.contains(". ") || line.ends_with('.');
    let length = line.chars().count();
    (length > 100 && stopped) || length > 160
}

/// A Markdown heading's line without its optional closing `#`s (`### Updates ###`), as
/// CommonMark reads it; any other line as it is.
pub(super) fn without_closing_hashes(line: Cow<'_, str>) -> Cow<'_, str> {
    let start = line.trim_start_matches(' ');
    let level = start.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) || !start[level..].starts_with([' ', '\t']) {
        return line;
    }
    let end = line.trim_end();
    let words = end.trim_end_matches('#');
    if words.len() == end.len()
        || !words.ends_with([' ', '\t'])
        || words.trim_start().len() <= level
    {
        return line;
    }
    let keep = words.trim_end().len();
    match line {
        Cow::Borrowed(text) => Cow::Borrowed(&text[..keep]),
        Cow::Owned(mut text) => {
            text.truncate(keep);
            Cow::Owned(text)
        }
    }
}

/// The nearest Markdown heading among `lines` (in the order given) that is as high as `level`
/// or higher, code fences skipped (`### Step 1 (11:26:12 CET)` under `## Before`, then `##
/// Step 2: Failure (11:29:58 CET)`: timed parts need not all be as deep).
pub(super) fn nearest_heading_as_high<'l>(
    lines: impl Iterator<Item = &'l Line<'l>>,
    level: usize,
) -> Option<&'l str> {
    headings_outside_fences(lines)
        .find(|&(l, _)| l <= level)
        .map(|(_, text)| text)
}

/// The Markdown headings among `lines` (in the order given), with their levels, those inside
/// code fences left out.
pub(super) fn headings_outside_fences<'l>(
    lines: impl Iterator<Item = &'l Line<'l>>,
) -> impl Iterator<Item = (usize, &'l str)> {
    lines_outside_fences(lines.enumerate())
        .filter_map(|(_, text)| heading_level(text).map(|level| (level, text)))
}

/// The lines among `lines` (with their indexes, in the order given, forwards or backwards)
/// that are not inside a code fence, as their text from its first non-blank character. A
/// fence's closing line is among them (it is no heading, row or stamp).
pub(super) fn lines_outside_fences<'l>(
    lines: impl Iterator<Item = (usize, &'l Line<'l>)>,
) -> impl Iterator<Item = (usize, &'l str)> {
    let mut fenced = false;
    lines.filter_map(move |(at, line)| {
        let text = scan::trim_start(&line.text);
        if is_fence(text) {
            fenced = !fenced;
        }
        (!fenced).then_some((at, text))
    })
}
