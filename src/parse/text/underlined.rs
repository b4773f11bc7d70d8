//! Headings written by underlining their text, as Markdown's setext headings and
//! reStructuredText's sections are (`Timeline` over `--------`, `Outage on 5 May` over
//! `===============`, with an overline too in reStructuredText). Before the lines are read,
//! each such pair becomes one Markdown heading (`=` the first level, `-` the second, `^` the
//! third) and a blank line, so every later step sees the heading it is.

use super::*;

impl Reader<'_> {
    /// Rewrites the underlined headings of the body (from `from`) as Markdown headings. Code
    /// blocks are left alone; the column of a diagnostic on such a heading counts the `#`s.
    pub(super) fn mark_underlined_headings(&mut self, from: usize) {
        let mut fenced = false;
        let mut index = from;
        while index + 1 < self.lines.len() {
            let text = scan::trim_start(&self.lines[index].text);
            if is_fence(text) {
                fenced = !fenced;
            }
            let code = fenced || self.pre_lines.binary_search(&index).is_ok();
            let level = self
                .lines
                .get(index + 1)
                .and_then(|next| adornment(&next.text));
            let Some((level, mark)) = level.filter(|_| !code && self.underlined(index, from))
            else {
                index += 1;
                continue;
            };
            let heading = format!("{} {}", "#".repeat(level), text.trim());
            self.lines[index].text = Cow::Owned(heading);
            self.lines[index + 1].text = Cow::Borrowed("");
            // A reStructuredText overline of the same mark goes with it.
            if index > from && adornment(&self.lines[index - 1].text).map(|(_, m)| m) == Some(mark)
            {
                self.lines[index - 1].text = Cow::Borrowed("");
            }
            index += 2;
        }
    }

    /// True when the line at `index` can be an underlined heading's text: a short line of
    /// words of its own (after a blank line, an overline or the start of the body), not a list
    /// item, quote, table row, heading, directive or stamp.
    fn underlined(&self, index: usize, from: usize) -> bool {
        let text = self.lines[index].text.trim();
        let alone = index == from || {
            let before = &self.lines[index - 1].text;
            scan::trim_start(before).is_empty() || adornment(before).is_some()
        };
        let (_, _, is_item) = strip_list_marker(text);
        alone
            && !text.is_empty()
            && text.len() <= 120
            && !is_item
            && !text.starts_with(['#', '>', '|', '<', '-', '=', '*', '.', ':'])
            && text.chars().any(char::is_alphabetic)
            && adornment(text).is_none()
            && timeline_entry(text, self.context).is_none()
    }
}

/// The heading level a line of one repeated mark gives (`===` 1, `---` 2, `^^^` 3), with the
/// mark; three marks at least, nothing else on the line but spaces after them.
fn adornment(text: &str) -> Option<(usize, char)> {
    let text = text.trim_end();
    let mark = text.chars().next()?;
    let level = match mark {
        '=' => 1,
        '-' => 2,
        '^' => 3,
        _ => return None,
    };
    (text.len() >= 3 && text.chars().all(|c| c == mark)).then_some((level, mark))
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_text;

    #[test]
    fn underlined_headings_part_the_document() {
        let rst = "=====================\nQueue outage, 4 June\n=====================\n\nSummary\n-------\n\nJobs stopped.\n\nFollow-up\n---------\n\nAdd a probe.\n";
        let incident = parse_text(rst).incident;
        assert_eq!(incident.title, "Queue outage, 4 June");
        assert_eq!(incident.summary, "Jobs stopped.");
        assert_eq!(incident.improvements, ["Add a probe."]);
        let markdown = "# Outage\n\nWhat happened\n=============\n\nThe disk filled up.\n\nTimeline\n--------\n\n- 10:00 Alert\n- 10:30 Disk cleaned\n";
        let incident = parse_text(markdown).incident;
        assert_eq!(incident.timeline.len(), 2);
        assert_eq!(incident.summary, "The disk filled up.");
        // A directive over the title (a blog post's `.. post::`) is kept and dates the post.
        let post = "\n.. post:: Jan 25, 2021\n   :tags: downtime\n\nDatabase upgrade\n================\n\nAt 10:00 UTC the dashboard went offline.\n";
        let parsed = parse_text(post);
        assert_eq!(parsed.incident.title, "Database upgrade");
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let kept = &parsed.incident.other_sections[0];
        assert_eq!(
            (kept.title.as_str(), kept.body.as_str()),
            (
                "Front matter",
                "```\n.. post:: Jan 25, 2021\n:tags: downtime\n```"
            )
        );
        assert_eq!(
            parsed.incident.timeline[0]
                .at
                .date
                .map(|d| d.to_string())
                .as_deref(),
            Some("2021-01-25")
        );
        // A rule after a paragraph of several lines, a list item or a table is no underline,
        // and nothing in a code block is read as a heading.
        let kept = "# Outage\n\n## Notes\n\nFirst line\nsecond line\n---\n\n- item\n---\n\n```\nTitle\n=====\n```\n";
        let incident = parse_text(kept).incident;
        assert!(!incident
            .other_sections
            .iter()
            .any(|s| s.title == "second line" || s.title == "Title"));
    }
}
