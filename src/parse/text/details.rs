//! The postmortem's details: severity, services, tags and responders (`Severity: SEV-2`,
//! `## Responders` over a list), and the order the author wrote the parts in that the page
//! shows after its fixed cards.

use super::{Reader, Target};
use crate::model::Part;
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
        .map(|item| item.trim().trim_matches(['*', '_', '`']).trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

impl Reader<'_> {
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
        if !self.outline.contains(&part) {
            self.outline.push(part);
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
                self.incident.severity = text.trim_matches(['*', '_', '`']).trim().to_string();
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
}
