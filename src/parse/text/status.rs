//! Status-page updates: a stamp in a shortcode ending the update, Statusfy `::: update` blocks,
//! and a stamp alone under the paragraph it dates.

use super::*;

impl Reader<'_> {
    /// Status-page updates: a shortcode stamp ending the line, or a Statusfy block (`::: update
    /// Label | stamp`, its text on the lines below, `:::` closing it). True when the line was one.
    pub(super) fn read_status_update(&mut self, index: usize, content: &str, at: usize) -> bool {
        if self.update_open {
            if content.trim() == ":::" {
                self.update_open = false;
            } else if let Some(event) = self.incident.timeline.last_mut() {
                if !event.text.is_empty() {
                    event.text.push(' ');
                }
                event.text.push_str(content.trim());
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
        false
    }

    /// A stamp alone under a paragraph (a status page's update): an entry for that paragraph.
    pub(super) fn read_status_stamp(
        &mut self,
        index: usize,
        at: usize,
        stamp: crate::parse::entry::Entry,
    ) {
        let text = self
            .paragraph
            .iter()
            .map(|&i| strip_list_marker(&self.lines[i].text).0.to_string())
            .collect::<Vec<_>>()
            .join(" ");
        self.paragraph.clear();
        self.push_event(index, at, stamp.date, stamp.time, stamp.zone, text);
    }
}
