//! Status-page updates: a stamp in a shortcode ending or opening the update, Statusfy `::: update` blocks,
//! and a stamp alone under the paragraph it dates.

use super::*;

impl Reader<'_> {
    /// Status-page updates: a shortcode stamp ending the line, or a Statusfy block (`::: update
    /// Label | stamp`, its text on the lines below, `:::` closing it). True when the line was one.
    pub(super) fn read_status_update(&mut self, index: usize, content: &str, at: usize) -> bool {
        if self.update_open {
            if content.trim() == ":::" {
                self.update_open = false;
            } else {
                self.append_to_last_event(content.trim());
            }
            return true;
        }
        if let Some((entry, label)) = update_block(content, self.context) {
            let text = format!("{label}:");
            self.push_event(index, at, entry.date, entry.time, entry.zone, text);
            self.update_open = true;
            return true;
        }
        if let Some((entry, text)) = shortcode_stamp(content, self.context) {
            let text = tidy_entry_text(text);
            self.push_event(index, at, entry.date, entry.time, entry.zone, text);
            return true;
        }
        if let Some((entry, text)) = signature_stamp(content, self.context) {
            let text = tidy_entry_text(text);
            self.push_event(index, at, entry.date, entry.time, entry.zone, text);
            return true;
        }
        if let Some((entry, text_at)) = leading_shortcode_stamp(content, self.context) {
            let text = tidy_entry_text(&content[text_at..]);
            self.push_event(index, at, entry.date, entry.time, entry.zone, text);
            return true;
        }
        false
    }

    /// A stamp alone under a paragraph (a status page's update): an entry for that paragraph.
    pub(super) fn read_status_stamp(
        &mut self,
        index: usize,
        at: usize,
        stamp: crate::parse::entry::Entry,
    ) {
        let lines: Vec<&str> = self
            .paragraph
            .iter()
            .map(|&i| strip_list_marker(&self.lines[i].text).0)
            .collect();
        // `Resolved` alone over `This incident has been resolved.`: the update's label.
        let text = match lines.split_first() {
            Some((label, rest))
                if !rest.is_empty()
                    && is_update_label(label.trim().trim_matches(['*', '_', ':'])) =>
            {
                format!("{} — {}", label.trim(), rest.join(" "))
            }
            _ => lines.join(" "),
        };
        self.paragraph.clear();
        self.push_event(index, at, stamp.date, stamp.time, stamp.zone, text);
    }
}

impl Reader<'_> {
    /// Adds `words` to the text of the last event read, after a space (the lines of a status
    /// update or a prose entry that continue it).
    pub(super) fn append_to_last_event(&mut self, words: &str) {
        if let Some(event) = self.incident.timeline.last_mut() {
            if !event.text.is_empty() {
                event.text.push(' ');
            }
            event.text.push_str(words);
        }
    }

    /// A status update whose label comes before its stamp (`Update: 10am ...`); true when the
    /// line was one.
    pub(super) fn read_update_label(&mut self, index: usize, marked: (&str, usize, bool)) -> bool {
        let (content, content_at, is_item) = marked;
        // `... Last` / `update: 2015-07-15 13:00.`: the date of the document's last edit,
        // wrapped onto the next line, is not a status update.
        let last_edit = || {
            !is_item
                && self.word_ending_line_before(index).is_some_and(|word| {
                    word.eq_ignore_ascii_case("last") || word.eq_ignore_ascii_case("latest")
                })
        };
        let found = update_label_entry(content, self.context).filter(|_| !last_edit());
        let Some((entry, at, label)) = found else {
            if !self.label_update_open || content.starts_with('#') {
                self.label_update_open = false;
                return false;
            }
            self.append_to_last_event(&tidy_entry_text(content));
            return true;
        };
        let text = tidy_entry_text(&entry.text_in(&content[at..]));
        // `**Mitigated:** 2024-05-14 09:55 UTC`: the label alone when nothing follows the stamp.
        let text = match text.is_empty() {
            true => label.to_string(),
            false => format!("{label}: {text}"),
        };
        self.push_entry(index, content_at + at, entry, text);
        self.label_update_open = self.section != Some(Target::Timeline);
        true
    }
}

/// `**Update: Sat 13:45.** The issue ...`, `Update 10:24 rolled back`: a status update whose
/// label comes before its stamp. The entry and the label, as written.
fn update_label_entry(
    content: &str,
    context: DateContext,
) -> Option<(crate::parse::entry::Entry, usize, &str)> {
    let opened = content.len() - content.trim_start_matches(['*', '_']).len();
    // The label is the run of words and spaces after the emphasis; most lines are prose,
    // whose run outgrows every label long before it ends.
    let mut word_end = content.len();
    let mut words_start = None;
    for (i, c) in content[opened..].char_indices() {
        if !(c.is_alphabetic() || c == ' ') {
            word_end = opened + i;
            break;
        }
        if c != ' ' {
            let start = *words_start.get_or_insert(i);
            if i + c.len_utf8() - start > LONGEST_UPDATE_LABEL {
                return None;
            }
        }
    }
    let label = content[opened..word_end].trim_end();
    if label.is_empty() || !is_update_label(label) {
        return None;
    }
    let number = update_number(&content[opened + label.len()..]);
    // The label keeps its number: `Update 2`.
    let label = content[opened..opened + label.len() + number].trim_end_matches(['*', '_', ')']);
    let rest = &content[opened + label.len()..];
    let after = rest.trim_start_matches([':', ' ', '*', '_', '-', '–', '—']);
    if after.len() == rest.len() {
        return None; // `Updated` is a word, not `Update` and a stamp
    }
    let at = content.len() - after.len();
    let entry = timeline_entry(after, context)?;
    Some((entry, at, label))
}

/// Bytes of the number after an update's label (`Update 2:`, `Update #3:`, `**UPDATE 4**`), 0
/// when there is none; not the hour of a stamp (`Update 10:24 rolled back`).
fn update_number(rest: &str) -> usize {
    let spaced = rest.trim_start_matches(' ');
    let marked = spaced.strip_prefix('#').unwrap_or(spaced);
    let digits = marked.bytes().take_while(u8::is_ascii_digit).count();
    let after = &marked[digits..];
    let ends = after.starts_with(['*', '_', ')'])
        || after.starts_with(": ")
        || after.starts_with(":*")
        || after.starts_with(" -");
    match (1..=3).contains(&digits) && ends {
        true => rest.len() - after.len(),
        false => 0,
    }
}
