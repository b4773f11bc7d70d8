//! The postmortem's details: severity, services, tags and responders (`Severity: SEV-2`,
//! `## Responders` over a list), and the order the author wrote the parts in that the page
//! shows after its fixed cards.

use super::{Reader, Target};
use crate::model::{Part, Section};
use crate::parse::entry::{strip_list_marker, timeline_entry};
use crate::parse::labels::Field;
use crate::parse::markup::clean;

/// Labels that are a list of responders rather than one role (`Responders:`, `Participants:`).
const PLAIN_RESPONDER_LABELS: &[&str] = &[
    "responders",
    "incident responders",
    "people involved",
    "participants",
    "response team",
    "responding team",
    "teams involved",
    "team involved",
    "attendees",
];

/// The role a responders label names (`Incident commander`), `None` for a plain list label.
pub(super) fn responder_role(label: &str) -> Option<String> {
    let label = label.trim().trim_matches(['*', '_', '#', ' ', ':']);
    let plain = PLAIN_RESPONDER_LABELS
        .iter()
        .any(|known| label.eq_ignore_ascii_case(known));
    (!plain && !label.is_empty()).then(|| label.to_string())
}

/// Splits `a, b; c` into its items, keeping commas inside parentheses (`Ana (IC, ops)`).
fn split_list(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for ch in text.chars() {
        match ch {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if matches!(ch, ',' | ';') && depth == 0 {
            items.push(std::mem::take(&mut current));
        } else {
            current.push(ch);
        }
    }
    items.push(current);
    items
        .into_iter()
        .map(|item| unwrapped(item.trim()).to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

/// `text` without the emphasis or code marks that wrap all of it (`**Bo**`, `` `cache` ``),
/// and as written when a mark also sits inside (`` `a.org` and `b.org` `` stays two code
/// spans, for the page to render).
fn unwrapped(text: &str) -> &str {
    let mut text = text;
    'strip: loop {
        for mark in ["**", "__", "`", "*", "_"] {
            let inner = text
                .strip_prefix(mark)
                .and_then(|rest| rest.strip_suffix(mark));
            if let Some(inner) = inner.filter(|inner| !inner.contains(mark)) {
                text = inner.trim();
                continue 'strip;
            }
        }
        return text;
    }
}

/// The part of the page a target of the lessons or the measures belongs to.
fn template_part(target: Target) -> Option<Part> {
    match target {
        Target::Lessons | Target::WentWell | Target::WentWrong | Target::Lucky => {
            Some(Part::Lessons)
        }
        Target::Improvements | Target::ActionItems => Some(Part::Measures),
        _ => None,
    }
}

impl Reader<'_> {
    /// Notes the line at `index`, just read, when it went into the lessons or the measures
    /// (its heading, a sub-heading, a table's rows), for [`Self::keep_empty_template_parts`].
    pub(super) fn note_template_line(&mut self, index: usize) {
        let Some(part) = self.target.and_then(template_part) else {
            return;
        };
        let blank = self
            .lines
            .get(index)
            .is_none_or(|line| line.text.trim().is_empty());
        let seen = self.template_lines.last() == Some(&(part, index));
        if !blank && !seen {
            self.template_lines.push((part, index));
        }
    }

    /// A lessons or measures part the reader found nothing in (a template left blank:
    /// `## Lessons Learned` over empty `### What went well` headings, `## Action Items` over
    /// a table with no item) is kept as a section of its own, as written, so that its
    /// headings and rows still reach the page.
    pub(super) fn keep_empty_template_parts(&mut self) {
        for (part, key) in [(Part::Lessons, "lessons"), (Part::Measures, "measures")] {
            let empty = match part {
                Part::Lessons => self.incident.lessons.is_empty(),
                _ => self.incident.improvements.is_empty() && self.incident.action_items.is_empty(),
            };
            let lines: Vec<usize> = self
                .template_lines
                .iter()
                .filter(|(p, _)| *p == part)
                .map(|&(_, index)| index)
                .collect();
            let Some(at) = self.outline.iter().position(|p| *p == part) else {
                continue;
            };
            let Some((&first, rest)) = lines.split_first().filter(|_| empty) else {
                continue;
            };
            let title = self
                .headings
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, heading)| heading.clone())
                .unwrap_or_else(|| self.lines[first].text.trim().to_string());
            let mut body = String::new();
            let mut last: Option<u32> = None;
            for &index in rest {
                let line = &self.lines[index];
                if last == Some(line.number) {
                    continue; // a piece of a line already kept whole
                }
                if !body.is_empty() {
                    let next = last.is_some_and(|n| n + 1 == line.number);
                    body.push_str(if next { "\n" } else { "\n\n" });
                }
                body.push_str(line.raw.trim_end());
                last = Some(line.number);
            }
            self.incident.other_sections.push(Section {
                title,
                body: super::verbatim::dedent(&body),
            });
            self.outline[at] = Part::Section(self.incident.other_sections.len() - 1);
        }
    }

    /// Adds an empty kept section titled `title` to the outline; its index.
    pub(super) fn push_kept_section(&mut self, title: &str) -> usize {
        self.incident.other_sections.push(Section {
            title: super::without_bold(title),
            body: String::new(),
        });
        let index = self.incident.other_sections.len() - 1;
        self.note_part(Target::Other(index));
        index
    }

    /// Starts a section the reader keeps without mapping it, titled `title`: the lines
    /// after it go there. Its index.
    pub(super) fn start_kept_section(&mut self, title: &str) -> usize {
        let index = self.push_kept_section(title);
        self.section = Some(Target::Other(index));
        self.target = Some(Target::Other(index));
        index
    }

    /// Keeps a line of the timeline that is not an entry (a note, a row with a date but no
    /// time) in the "Notes in the timeline" section, so that it still reaches the page.
    pub(super) fn keep_timeline_note(&mut self, text: &str, new_paragraph: bool) {
        let notes = self.timeline_notes_section();
        // A further timeline heading over this note (`### Timeline of troubleshooting`).
        self.flush_heading_into(Target::Timeline, Target::Other(notes));
        self.append_prose(Target::Other(notes), text, new_paragraph);
    }

    /// The index of the kept section "Notes in the timeline", made when first needed.
    pub(super) fn timeline_notes_section(&mut self) -> usize {
        match self.timeline_notes {
            Some(notes) => notes,
            None => {
                let notes = self.push_kept_section("Notes in the timeline");
                self.timeline_notes = Some(notes);
                notes
            }
        }
    }

    /// Leaves the timeline for a kept section titled by a heading-shaped line in it; a later
    /// line that is a timeline entry returns to the timeline, until a known part begins.
    pub(super) fn leave_timeline(&mut self, title: &str) {
        self.timeline_note_open = false;
        self.left_timeline = Some(self.start_kept_section(title));
    }

    /// True in a section entered by [`Self::leave_timeline`] when `content` is an entry:
    /// the timeline goes on.
    pub(super) fn returns_to_timeline(&mut self, target: Target, content: &str) -> bool {
        let left = matches!(target, Target::Other(i) if self.left_timeline.is_some_and(|l| i >= l));
        if left && timeline_entry(content, self.context).is_some() {
            self.left_timeline = None;
            self.section = Some(Target::Timeline);
            self.target = Some(Target::Timeline);
            return true;
        }
        false
    }

    /// True for a line inside a timeline that is the heading of a new, unknown part: a short
    /// line of its own shaped like a heading (`😱 The Culprit`, `Broken config:`, `Next
    /// Steps`) whose next line is not a timeline entry either. Plain-text postmortems have
    /// no `#` to say where the timeline ends.
    pub(super) fn leaves_timeline(&self, index: usize, content: &str) -> bool {
        let text = content.trim();
        if self.line_is_item || self.incident.timeline.is_empty() || text.chars().count() > 60 {
            return false;
        }
        if self.under_timeline_day(index) {
            return false; // `#### Android Studio users` under `### 2019-12-11`: part of that day
        }
        // `* The GPU partition remains down.` then `Please use these partitions:` on the next
        // line, under `### 2025/08/15`: where the timeline's days are Markdown headings, a line
        // right under a list item (no blank between) goes on with that item.
        let under_item = !self.after_blank
            && index
                .checked_sub(1)
                .is_some_and(|before| strip_list_marker(self.lines[before].raw).2);
        if under_item && self.under_dated_heading() {
            return false;
        }
        // Under an entry written as a Markdown heading (`## 02:10 AM: First page`) only another
        // Markdown heading ends its section: `She checked three things first:` is its text.
        let under_markdown_entry = self.heading_event_open
            && self.raw_events.last().is_some_and(|event| {
                self.lines[event.line_index]
                    .text
                    .trim_start()
                    .starts_with('#')
            });
        if under_markdown_entry {
            return false;
        }
        if text.ends_with(['.', ',', ';']) || text.contains("](") {
            return false;
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let title_case = words.len() <= 6
            && words
                .iter()
                .filter(|w| w.chars().count() >= 4)
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        // `🔥 Impact`, but not `→ Broker stopped`: an arrow or bullet goes on the entry above.
        let symbol_first =
            text.starts_with(|c: char| !c.is_alphanumeric() && !"(\"'[<*_`-→↳⇒➜•·–—+|".contains(c));
        let capital_first = text.starts_with(char::is_uppercase);
        let shaped = symbol_first || (capital_first && (text.ends_with([':', '?']) || title_case));
        // Not the middle of a sentence: a blank line or a finished sentence comes before it.
        let previous = index
            .checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map_or("", |l| l.text.trim_end());
        let after_sentence =
            self.after_blank || previous.is_empty() || previous.ends_with(['.', '!', '?', ')']);
        if !shaped || !after_sentence {
            return false;
        }
        let next = self.lines[index + 1..]
            .iter()
            .map(|l| l.text.trim())
            .find(|t| !t.is_empty());
        next.is_some_and(|next| {
            let (next, _, _) = strip_list_marker(next);
            timeline_entry(next, self.context).is_none()
        })
    }

    /// Remembers that the author wrote the part `target` belongs to here (first time only).
    pub(super) fn note_part(&mut self, target: Target) {
        let part = match target {
            Target::Lessons | Target::WentWell | Target::WentWrong | Target::Lucky => Part::Lessons,
            Target::Improvements | Target::ActionItems => Part::Measures,
            Target::Responders => Part::Responders,
            Target::Addendum => Part::Addendum,
            Target::Other(index) => Part::Section(index),
            _ => return,
        };
        if self.outlined.insert(part) {
            self.outline.push(part);
        }
    }

    /// Remembers the author's heading for the part `target` names (first one only). Returns
    /// the heading as written (cleaned) when it is a further heading of a prose part that
    /// already has one (`## Contributing Factors` after `## Root Cause`, a second
    /// `**Impact:**`): the page names the part by its first heading, so the caller keeps
    /// this one in the part's text.
    pub(super) fn note_heading(&mut self, target: Target, label: &str) -> Option<String> {
        let key = match target {
            Target::Summary => "summary",
            Target::Impact => "impact",
            Target::RootCause => "root_cause",
            Target::Detection => "detection",
            Target::Resolution => "resolution",
            Target::Timeline => "timeline",
            Target::Lessons => "lessons",
            Target::WentWell => "went_well",
            Target::WentWrong => "went_wrong",
            Target::Lucky => "lucky",
            Target::Improvements | Target::ActionItems => "measures",
            Target::Responders => "responders",
            Target::Addendum => "addendum",
            _ => return None,
        };
        let text = super::section_name(&clean(label));
        let text = text.as_str();
        // Parts the page shows as text or as a list (a second `### Tasks` under `## Action
        // items` is kept as a line of the list).
        let kept_in_text =
            target.is_narrative() || matches!(target, Target::Improvements | Target::ActionItems);
        let headed = self.headings.iter().any(|(k, _)| *k == key);
        // `### Timeline of recovery` under `## Timeline`: kept over the notes written under it.
        let heads_notes = target == Target::Timeline;
        if (kept_in_text || heads_notes) && headed && !text.is_empty() {
            return Some(text.to_string());
        }
        self.remember_heading(key, text);
        None
    }

    /// Keeps `text` as the author's heading for `key`, unless one is already kept.
    pub(super) fn remember_heading(&mut self, key: &'static str, text: &str) {
        if !text.is_empty() && !self.headings.iter().any(|(k, _)| *k == key) {
            self.headings.push((key, text.to_string()));
        }
    }

    /// Reads `severity`, `services`, `tags` or `responders` from front matter (inline values:
    /// `tags: [db, cache]`); false for other keys.
    pub(super) fn read_front_matter_detail(&mut self, key: &str, value: &str) -> bool {
        let target = match crate::parse::labels::spelled_field(key) {
            Some(Field::Severity) => Target::Severity,
            Some(Field::Services) => Target::Services,
            Some(Field::Tags) => Target::Tags,
            Some(Field::Responders) => Target::Responders,
            _ => return false,
        };
        let value = value.trim().trim_start_matches('[').trim_end_matches(']');
        let value = value.replace(['"', '\''], "");
        self.responder_role = None;
        self.read_detail(target, &value);
        true
    }

    /// Reads a detail's value (after its label) or a line under its heading: lists are
    /// split at commas.
    pub(super) fn read_detail(&mut self, target: Target, text: &str) {
        let text = clean(text);
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let items = split_list(text);
        match target {
            Target::Severity if self.incident.severity.is_empty() => {
                self.incident.severity = unwrapped(text).to_string();
            }
            Target::Services => self.incident.services.extend(items),
            Target::Tags => self.incident.tags.extend(items),
            Target::Responders => {
                let role = self.responder_role.clone();
                self.incident
                    .responders
                    .extend(items.into_iter().map(|name| match &role {
                        Some(role) => format!("{name} ({role})"),
                        None => name,
                    }));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body of the incident's "Notes in the timeline" section, if it has one.
    fn timeline_notes(incident: &crate::model::Incident) -> Option<&str> {
        incident
            .other_sections
            .iter()
            .find(|s| s.title == "Notes in the timeline")
            .map(|s| s.body.as_str())
    }

    #[test]
    fn a_diagram_before_the_first_entry_is_kept_in_the_timeline_notes() {
        let text = "# Network lost\n\n## Timeline\n\n```\n| 20:29  adapter started |\n|        all devices up  |\n```\n\n- 22:42 Devices lost\n\n```\nlog line after the entry\n```\n";
        let incident = crate::parse::parse_text(text).incident;
        assert_eq!(
            timeline_notes(&incident),
            Some("```\n| 20:29  adapter started |\n|        all devices up  |\n```")
        );
        // The timeline goes on after it, and a later block stays with its entry.
        assert_eq!(incident.timeline.len(), 1);
        assert!(incident.timeline[0]
            .text
            .contains("log line after the entry"));
    }

    #[test]
    fn a_day_heading_with_a_name_keeps_the_name() {
        let text = "# Cache outage\n\n## Timeline\n\n### March 4, 2024 - First failure (all times UTC)\n\n- 10:00 Cache down\n\n### March 5, 2024 (all times UTC)\n\n- 09:00 Cache rebuilt\n";
        let incident = crate::parse::parse_text(text).incident;
        assert_eq!(incident.timeline.len(), 2);
        assert_eq!(
            incident.timeline[1]
                .at
                .date
                .map(|d| d.to_string())
                .as_deref(),
            Some("2024-03-05")
        );
        // The day with a name is kept; the day alone (and its zone) is said by the timeline.
        assert_eq!(
            timeline_notes(&incident),
            Some("**March 4, 2024 - First failure (all times UTC)**")
        );
    }

    #[test]
    fn bold_after_a_sign_or_number_in_a_heading_is_not_kept_as_asterisks() {
        let text = "# Certificate error\n\n## ✅ **Summary**\n\nThe site was down.\n\n## 🧪 **Test Notes**\n\nRenew early.\n\n### 2. **Cleanup**:\n\nOld keys removed.\n";
        let parsed = crate::parse::parse_text(text);
        assert_eq!(parsed.heading("summary"), Some("✅ Summary"));
        let notes = &parsed.incident.other_sections;
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert_eq!(notes[0].title, "🧪 Test Notes");
        assert_eq!(
            notes[0].body,
            "Renew early.\n\n2. **Cleanup**\n\nOld keys removed."
        );
    }

    #[test]
    fn lists_split_at_commas_outside_parentheses() {
        assert_eq!(
            split_list("Ana (IC, ops), **Bo**; `cache`"),
            ["Ana (IC, ops)", "Bo", "cache"]
        );
        assert_eq!(
            responder_role("**Incident commander**"),
            Some("Incident commander".into())
        );
        assert_eq!(responder_role("Responders"), None);
    }

    #[test]
    fn only_marks_that_wrap_a_whole_item_are_taken_off() {
        assert_eq!(
            split_list("`a.org` and `b.org`, ***api***, _web_"),
            ["`a.org` and `b.org`", "api", "web"]
        );
        assert_eq!(unwrapped("**`db`**"), "db");
        assert_eq!(unwrapped("*"), "*");
    }
}

/// The parts already in the reader's outline, so that noting one takes constant time however
/// many sections the document has.
#[derive(Debug, Default)]
pub(super) struct Outlined {
    /// Lessons, measures, responders, addendum.
    fixed: [bool; 4],
    /// Kept sections, by index.
    sections: Vec<bool>,
}

impl Outlined {
    /// Marks `part` as in the outline; true when it was not yet.
    pub(super) fn insert(&mut self, part: Part) -> bool {
        let slot = match part {
            Part::Lessons => &mut self.fixed[0],
            Part::Measures => &mut self.fixed[1],
            Part::Responders => &mut self.fixed[2],
            Part::Addendum => &mut self.fixed[3],
            Part::Section(index) => {
                if self.sections.len() <= index {
                    self.sections.resize(index + 1, false);
                }
                match self.sections.get_mut(index) {
                    Some(slot) => slot,
                    None => return false,
                }
            }
        };
        !std::mem::replace(slot, true)
    }
}
