//! The sections of the incident the reader fills: opening and closing one at a heading or label,
//! the prose and action items that go into it, its links, and what a section states.

use super::*;

impl Reader<'_> {
    /// A subheading waiting over action items is their group (`### Short term`), not an item
    /// of its own; one that only names the list again (`Tasks:` under `Corrective and
    /// Preventative Measures:`) ends the group before it.
    pub(super) fn take_action_group(&mut self) {
        if let Some((_, heading)) = self
            .pending_heading
            .take_if(|(target, _)| *target == Target::ActionItems)
        {
            let names_the_list = matches!(
                field_for(&heading),
                Some(Field::ActionItems | Field::Improvements)
            );
            self.action_group = (!names_the_list).then_some(heading);
        }
    }

    /// Gives `item` the group of the subheading it is listed under, unless it names its own.
    pub(super) fn group_action_item(&self, item: &mut crate::model::ActionItem) {
        if item.group.is_none() {
            item.group.clone_from(&self.action_group);
        }
    }

    pub(super) fn push_action_item(&mut self, text: &str) {
        let mut item = items::from_text(text);
        self.group_action_item(&mut item);
        if item.text.is_empty() && item.link.is_none() {
            self.incident.improvements.push(text.to_string());
        } else {
            self.incident.action_items.push(item);
        }
    }

    /// The text field of a prose part; `None` for parts that are lists.
    pub(super) fn prose_field(&mut self, target: Target) -> Option<&mut String> {
        Some(match target {
            Target::Summary
            | Target::Date
            | Target::Duration
            | Target::Boundary(_)
            | Target::Timeline => &mut self.incident.summary,
            Target::Impact => &mut self.incident.impact.text,
            Target::RootCause => &mut self.incident.root_cause,
            Target::Detection => &mut self.incident.detection,
            Target::Resolution => &mut self.incident.resolution,
            Target::Addendum => &mut self.incident.addendum,
            Target::Lessons => &mut self.incident.lessons.text,
            Target::Other(index) => match self.incident.other_sections.get_mut(index) {
                Some(section) => &mut section.body,
                None => &mut self.incident.summary,
            },
            _ => return None,
        })
    }

    /// Adds prose to a field: a new paragraph, or a wrapped line joined with a space.
    pub(super) fn append_prose(&mut self, target: Target, text: &str, new_paragraph: bool) {
        self.flush_heading(target);
        let current = self.current;
        let field = match target {
            Target::Improvements | Target::ActionItems => {
                self.incident.improvements.push(text.to_string());
                return;
            }
            Target::WentWell => {
                self.incident.lessons.went_well.push(text.to_string());
                return;
            }
            Target::WentWrong => {
                self.incident.lessons.went_wrong.push(text.to_string());
                return;
            }
            Target::Lucky => {
                self.incident.lessons.lucky.push(text.to_string());
                return;
            }
            _ => {
                self.verbatim.note(&self.lines, current, target, text);
                match self.prose_field(target) {
                    Some(field) => field,
                    None => return,
                }
            }
        };
        if !field.is_empty() {
            // A labelled field always starts a paragraph of its own; wrapped lines join with a space.
            field.push_str(if new_paragraph { "\n\n" } else { " " });
        }
        field.push_str(text);
    }

    /// Keeps the line at `index` as written (list marker aside) for [`Parsed::stated`], once.
    pub(super) fn keep_stated(&mut self, index: usize, about: StatedAbout) {
        if self.stated.last().is_some_and(|(at, _)| *at == index) {
            return;
        }
        let (content, _, _) = strip_list_marker(&self.lines[index].text);
        let text = content.trim();
        if !text.is_empty() {
            let text = text.to_string();
            self.stated.push((index, Stated { about, text }));
        }
    }

    /// Writes the further heading waiting for `target`'s next text, in bold, as a paragraph
    /// of its own.
    pub(super) fn flush_heading(&mut self, target: Target) {
        self.flush_heading_into(target, target);
    }

    /// Records the links on a line, and warns about links that are not http(s).
    pub(super) fn collect_links(&mut self, index: usize) {
        let line = &self.lines[index].text;
        // Every link has a `](` or a scheme's `://`; a byte search keeps most lines cheap.
        if !may_hold_link(line.as_bytes()) {
            return; // most lines: nothing to look at
        }
        let text = line.clone();
        for segment in segments(&text) {
            if let Inline::Link { text, url } = segment {
                // Repeated URLs are removed in `finish`, in one sort, keeping the first.
                self.incident.links.push(Link {
                    text: text.to_string(),
                    url: url.to_string(),
                });
            }
        }
        // A handful per line is enough to point at the problem (and keeps columns cheap).
        // Classified by the rules the page renders links with (`rich::target_kind`).
        for (at, target) in unsafe_link_targets(&text).into_iter().take(8) {
            let message = match rich::target_kind(target) {
                TargetKind::Followed => continue, // mailto: a link on the page
                TargetKind::Relative => format!(
                    "relative link target `{target}`: followed when the postmortem is opened from its URL (`?src=`), shown as text otherwise"
                ),
                TargetKind::Refused => format!(
                    "expected an http://, https:// or mailto: link target, found `{target}`; the link is shown as text"
                ),
            };
            self.warn(index, at, message);
        }
    }

    /// Starts a kept section under the label or heading at `index`.
    pub(super) fn keep_under_heading(&mut self, index: usize, label: &str) {
        self.close_section(index);
        self.start_kept_section(label);
        self.part_level = heading_level(&self.lines[index].text);
    }

    /// Notes that a heading for `field` opened the section `target` at line `index`: closes
    /// the section before it (reporting it when empty), and reports the same Markdown heading
    /// of one of the main parts written again at the same level (its lines join the first).
    pub(super) fn open_section(
        &mut self,
        index: usize,
        field: Field,
        target: Target,
        heading: bool,
    ) {
        self.close_section(index);
        // A new section ends the entry a heading opened: its lines are not that entry's text.
        self.heading_event_open = false;
        self.timeline_note_open = false;
        let level = heading
            .then(|| heading_level(&self.lines[index].text))
            .flatten();
        let main = matches!(
            target,
            Target::Summary
                | Target::Impact
                | Target::RootCause
                | Target::Detection
                | Target::Resolution
                | Target::Timeline
        );
        if main {
            // The same heading again: `## Root cause` twice, not `## Root cause` and
            // `## Contributing factors`, which are two sections of one part by design.
            let name = section_name(&self.lines[index].text).to_lowercase();
            let key = (field, level, name);
            let first = self.part_names.get(&key).copied();
            match first.filter(|_| level.is_some()) {
                Some(first) => {
                    let first_line = self.lines[first].number;
                    let name = section_name(&self.lines[index].text);
                    let joins = if target == Target::Timeline {
                        "its entries join the first timeline"
                    } else {
                        "its text joins the first"
                    };
                    let at = self.lines[index].text.find(name.as_str()).unwrap_or(0);
                    self.warn(
                        index,
                        at,
                        format!("a second \"{name}\" section (the first is on line {first_line}); {joins} (expected one section of each kind)"),
                    );
                }
                None => {
                    self.part_names.entry(key).or_insert(index);
                    self.part_starts.push((field, index, level));
                }
            }
        }
        if target == Target::Timeline && level.is_some() {
            self.timeline_heading = level;
        }
        self.open_part = Some(OpenPart {
            target,
            index,
            level,
        });
    }

    /// Closes the open section at line `next` (where the next section starts, or the end): a
    /// Markdown heading with no line under it before a heading of its level or higher (or the
    /// end) is reported.
    pub(super) fn close_section(&mut self, next: usize) {
        let Some(part) = self.open_part.take() else {
            return;
        };
        let Some(level) = part.level else {
            return; // a plain-text label: what follows may be its parts, written as labels
        };
        let has_lines = self.lines[part.index + 1..next.min(self.lines.len())]
            .iter()
            .any(|l| !l.text.trim().is_empty());
        let deeper_next = self
            .lines
            .get(next)
            .is_some_and(|l| heading_level(&l.text).is_none_or(|n| n > level));
        if has_lines || deeper_next || part.target.is_detail() {
            return;
        }
        let name = section_name(&self.lines[part.index].text);
        let message = if part.target == Target::Timeline {
            format!("this \"{name}\" section has no entries; expected lines such as `10:00 what happened` under it")
        } else {
            format!("this \"{name}\" section is empty; expected its text under the heading")
        };
        let at = self.lines[part.index].text.find(name.as_str()).unwrap_or(0);
        self.warn(part.index, at, message);
    }
}

/// The links with repeated URLs removed, each kept where it first appears (in one pass: a
/// document with a link on every line stays linear).
pub(super) fn first_of_each_url(links: Vec<Link>) -> Vec<Link> {
    let keep: Vec<bool> = {
        let mut seen = std::collections::HashSet::with_capacity(links.len());
        links
            .iter()
            .map(|link| seen.insert(link.url.as_str()))
            .collect()
    };
    links
        .into_iter()
        .zip(keep)
        .filter_map(|(link, kept)| kept.then_some(link))
        .collect()
}

/// True when `bytes` holds `](`, or both `//` and `:`: where a link may be.
fn may_hold_link(bytes: &[u8]) -> bool {
    let mut slashes = false;
    let mut at = 0;
    let marks = |word| scan::equal(word, b']') | scan::equal(word, b'/');
    while let Some(found) = scan::find_byte(bytes, at, marks, |b| b == b']' || b == b'/') {
        match (bytes[found], bytes.get(found + 1)) {
            (b']', Some(b'(')) => return true,
            (b'/', Some(b'/')) => slashes = true,
            _ => {}
        }
        at = found + 1;
    }
    slashes && scan::contains(bytes, b':')
}
