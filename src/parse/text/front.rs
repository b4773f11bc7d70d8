//! What comes before the document's body: front matter (the incident's dates, title, summary,
//! status updates listed in it), a reStructuredText directive block, and a chatbot's preamble
//! before the title.

use super::*;

impl<'a> Reader<'a> {
    /// Reads YAML/TOML front matter: its title and date; other keys are kept as a section.
    pub(super) fn read_front_matter(&mut self, texts: &[&'a str]) -> usize {
        let Some(found) = front_matter(texts) else {
            return 0;
        };
        if !found.closed {
            let first = texts.first().copied().unwrap_or("");
            self.diagnostics.push(Diagnostic::warning(
                1,
                1,
                "expected a closing `---` for the block of `key: value` lines at the top; read them as details up to the blank line",
                first,
            ));
        }
        let mut kept = Vec::new();
        let mut consumed = Vec::new();
        let bodiless = texts
            .iter()
            .skip(found.len)
            .all(|line| line.trim().is_empty());
        for entry in &found.entries {
            let number = if entry.index < texts.len() {
                line_number(entry.index)
            } else {
                1
            };
            let line_text = texts.get(entry.index).copied().unwrap_or("");
            let key = entry.key.to_ascii_lowercase();
            // A key that names the incident's own moment, not the post's (the line stays
            // shown with the other keys).
            if INCIDENT_DAY_KEYS.contains(&key.as_str()) {
                if let Some(date) = find_date_in(entry.value, self.context) {
                    self.dates.field.get_or_insert(date.date);
                }
            }
            if FRONT_SUMMARY_KEYS.contains(&key.as_str()) {
                // A sentence that names the day, not a bare date (`description: '2025-11-19'`,
                // the post's).
                let described = find_date_in(entry.value, self.context).filter(|date| {
                    let rest = [
                        &entry.value[..date.span.start],
                        &entry.value[date.span.end..],
                    ];
                    date.has_year
                        && rest
                            .iter()
                            .flat_map(|part| part.split_whitespace())
                            .filter(|word| word.chars().any(char::is_alphabetic))
                            .count()
                            >= 3
                });
                if let Some(date) = described {
                    self.dates.described.get_or_insert(date.date);
                }
            }
            match key.as_str() {
                "title" if !entry.value.is_empty() => {
                    self.incident.title = clean(entry.value).into_owned();
                    self.dates.title = self.title_day(&self.incident.title);
                }
                // `post_title:` (a WordPress export), `heading:` or `headline:` (a site's own
                // theme): the title, where no `title:` gives one.
                "post_title" | "heading" | "headline"
                    if self.incident.title.is_empty() && entry.value.contains(' ') =>
                {
                    self.incident.title = clean(entry.value).into_owned();
                    self.dates.title = self.title_day(&self.incident.title);
                }
                "date" => match find_date_in(entry.value, self.context) {
                    Some(date) => self.dates.front_matter = Some(date.date),
                    None => {
                        self.diagnostics.push(Diagnostic::warning(
                            number,
                            column_of(line_text, entry.value_at),
                            format!(
                                "expected a date such as `2024-01-15` in the front matter, found `{}`; it was not used",
                                entry.value
                            ),
                            line_text,
                        ));
                    }
                },
                key if !entry.value.is_empty()
                    && self.read_front_matter_detail(key, entry.value) => {}
                "description" | "summary" if bodiless && !entry.value.is_empty() => {
                    self.front_text = Some((entry.index, entry.value));
                }
                // `services:` over `  - CDN` lines: a block list is the key's value.
                key if entry.value.is_empty() && {
                    let items = block_list(texts, entry.index, &found.other_lines);
                    let value = items
                        .iter()
                        .map(|&at| list_item_text(texts[at]))
                        .collect::<Vec<_>>()
                        .join(", ");
                    !items.is_empty() && self.read_front_matter_detail(key, &value) && {
                        consumed.extend(items);
                        true
                    }
                } => {}
                _ => kept.push((entry.index, line_text.trim_end().to_string())),
            }
        }
        // `title: On Yesterday's Log Unavailability` before `created_at:`: the day the title
        // names by a word is known once the post's own date is.
        if self.dates.title.is_none() {
            self.dates.title = self.title_day(&self.incident.title);
        }
        self.front_status = status_items(texts, &found)
            .iter()
            .filter_map(|item| front_status_entry(item, self.context))
            .collect();
        // `rekt:` over `  date: 10/06/2022` under the post's `date: 10/07/2022`: a nested day
        // before the post's is the incident's, unless a key named it already (a later one,
        // `review:` / `date:`, is a meeting's or an edit's).
        for value in nested_dates(texts, &found) {
            let Some(date) = find_date_in(value, self.context) else {
                continue;
            };
            if self.dates.front_matter.is_some_and(|post| date.date < post) {
                self.dates.field.get_or_insert(date.date);
            }
        }
        for &index in found.other_lines.iter().filter(|at| !consumed.contains(at)) {
            let text = texts.get(index).copied().unwrap_or("");
            kept.push((index, text.trim_end().to_string()));
        }
        // The kept lines in the author's order: a list stays under its key.
        kept.sort_by_key(|&(index, _)| index);
        if !kept.is_empty() {
            let kept: Vec<String> = kept.into_iter().map(|(_, text)| text).collect();
            self.incident.other_sections.push(Section {
                title: "Front matter".to_string(),
                body: as_code(&kept),
            });
        }
        found.len
    }

    /// Keeps the lines of a reStructuredText directive block before the title (`from` up to
    /// `title`) as a "Front matter" section; a date as the directive's argument (a blog post's,
    /// `.. post:: Jan 25, 2021`) dates the post as front matter's `date` does.
    fn keep_directive_block(&mut self, from: usize, title: usize) {
        let lines: Vec<String> = self.lines[from..title]
            .iter()
            .map(|line| line.text.trim().to_string())
            .filter(|text| !text.is_empty())
            .collect();
        if let Some((_, argument)) = lines.first().and_then(|line| line.split_once("::")) {
            if let Some(found) = find_date_in(argument, self.context) {
                self.dates.front_matter.get_or_insert(found.date);
            }
        }
        let section = self.push_kept_section("Front matter");
        self.incident.other_sections[section].body = as_code(&lines);
    }

    /// Finds where the postmortem starts. Prose before a `#` title (a chatbot's "Sure! Here
    /// is your postmortem:" and a code fence around the rest) is reported and set aside.
    pub(super) fn skip_preamble(&mut self) -> usize {
        let body = self.body_start;
        let Some(first) = (body..self.lines.len()).find(|&i| !self.lines[i].text.trim().is_empty())
        else {
            return body;
        };
        if !self.expecting_title || starts_section(&self.lines[first].text) {
            return first;
        }
        if let Some(title) = self.title_after_quote(first) {
            return title;
        }
        let window: Vec<usize> = (first..self.lines.len())
            .filter(|&i| !self.lines[i].text.trim().is_empty())
            .take(6)
            .collect();
        let Some(&title) = window
            .iter()
            .skip(1)
            .find(|&&i| is_title_heading(&self.lines[i].text))
        else {
            return first;
        };
        let mut opened_fence = false;
        for &index in window.iter().take_while(|&&i| i < title) {
            let line = &self.lines[index];
            if is_fence(&line.text) {
                opened_fence = true;
                continue;
            }
            if starts_section(&line.text) {
                return first; // a real heading before the `#` line: no preamble
            }
        }
        // `.. post:: Jan 25, 2021` and its `:tags:` lines: a reStructuredText directive over
        // the title is the page's metadata, kept as front matter is, not a preamble.
        if is_directive(&self.lines[first].text) {
            self.keep_directive_block(first, title);
            return title;
        }
        for &index in window.iter().take_while(|&&i| i < title) {
            let line = &self.lines[index];
            if !is_fence(&line.text) {
                self.diagnostics.push(Diagnostic::warning(
                    line.number,
                    line.column(0),
                    "expected the postmortem to start with its title; this text before the `#` title (such as a chatbot's preamble) was not used",
                    excerpt(line.raw),
                ));
            }
        }
        if opened_fence {
            self.wrapping_fence_end = (title..self.lines.len())
                .rev()
                .find(|&i| !self.lines[i].text.trim().is_empty())
                .filter(|&i| is_fence(&self.lines[i].text));
        }
        title
    }

    /// The `#` line right after a quote that opens the text (`> **What is this document?**`
    /// over `# 2026-07-07 — Deploy failed`): the author's note on the document, kept whole
    /// as a section of its own ("Opening note"), not taken for the title or set aside as a
    /// preamble. A quote telling moments (`> - 10:00 alert`) is not such a note.
    fn title_after_quote(&mut self, first: usize) -> Option<usize> {
        // By the source line: the pieces of a quoted line split at `<br>` are quoted too.
        let quoted = |i: usize| self.lines[i].raw.trim_start().starts_with('>');
        if !quoted(first) {
            return None;
        }
        // A note a few lines long, right over a `#` line.
        // (Counted in source lines: the pieces of a line split at `<br>` are one.)
        let last_number = self.lines[first].number + QUOTE_OVER_TITLE_LINES as u32;
        let after = (first..self.lines.len())
            .take_while(|&i| self.lines[i].number < last_number)
            .find(|&i| !quoted(i) && !self.lines[i].text.trim().is_empty())?;
        let heading = &self.lines[after].text;
        // A quote telling moments (`> - 10:00 alert`) is the document's own text.
        let tells_moments = self.lines[first..after].iter().any(|line| {
            let words = line.text.trim_start().trim_start_matches(['>', ' ']);
            let words = strip_list_marker(words)
                .0
                .trim_start_matches(['*', '_', '`']);
            words.starts_with(|c: char| c.is_ascii_digit())
                && timeline_entry(words, self.context).is_some()
        });
        if !is_title_heading(heading) || tells_moments {
            return None;
        }
        // The source lines, once each: a line split at `<br>` is several pieces with one raw.
        let mut quote: Vec<&str> = Vec::new();
        let mut last_number = None;
        for line in &self.lines[first..after] {
            if last_number != Some(line.number) {
                quote.push(line.raw.trim_end());
                last_number = Some(line.number);
            }
        }
        let section = self.push_kept_section("Opening note");
        self.incident.other_sections[section].body = quote.join("\n").trim_end().to_string();
        Some(after)
    }
}

/// The most lines a note quoted over the first `#` line may take, its blank lines included.
const QUOTE_OVER_TITLE_LINES: usize = 16;

/// Lines of metadata (`layout: post`, `[extra]`, `.. meta::`) as a code block, one per line as
/// written: as prose they ran together into one paragraph.
fn as_code(lines: &[String]) -> String {
    let fence = match lines.iter().any(|line| line.contains("```")) {
        true => "~~~~",
        false => "```",
    };
    format!("{fence}\n{}\n{fence}", lines.join("\n"))
}

/// The lines of a YAML block list right under the key on line `key_at` (`  - CDN`), among
/// the front matter's lines that are not `key: value`.
fn block_list(texts: &[&str], key_at: usize, other_lines: &[usize]) -> Vec<usize> {
    (key_at + 1..)
        .take_while(|at| other_lines.contains(at))
        .take_while(|&at| {
            texts
                .get(at)
                .is_some_and(|line| line.trim_start().starts_with("- "))
        })
        .collect()
}

/// The text of a YAML list item, without its dash and quotes.
fn list_item_text(line: &str) -> &str {
    line.trim()
        .trim_start_matches("- ")
        .trim()
        .trim_matches(['"', '\''])
}

/// A status update listed in the front matter as an entry: at its own stamp, else at the first
/// time its text gives (`The outage lasted from 09:05-09:15 UTC.`); `None` when it has neither.
fn front_status_entry(item: &StatusItem<'_>, context: DateContext) -> Option<PendingEntry> {
    let (text_index, text, text_at) = item.text?;
    let words = clean(text).trim().to_string();
    let stamped = item
        .stamp
        .and_then(|(index, value, at)| Some((index, value, at, moment_in(value, context)?)));
    if let Some((index, value, at, (date, time))) = stamped {
        return Some(PendingEntry {
            index,
            at,
            date,
            day: date,
            time,
            zone: zone_after_time(value).or_else(|| find_zone(value)),
            text: words,
        });
    }
    let (at, clock) = clocks_at_word_starts(text).next()?;
    let after = head(&text[at + clock.len..], 24);
    Some(PendingEntry {
        index: text_index,
        at: text_at + at,
        date: None,
        day: None,
        time: clock.time,
        zone: find_zone(after).filter(|z| z.at <= 8),
        text: words,
    })
}
