//! Where things were written: line numbers and byte offsets in a draft, and the line each
//! timeline event was read from, so the editor can move the cursor to an event and select the
//! event under the cursor.

use crate::model::TimelineEvent;

/// The 0-based line holding byte `at` of `text` (an offset past the end is on the last line).
pub fn line_at(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// The byte offset where 0-based `line` starts (the end of `text` past its last line).
pub fn line_start(text: &str, line: usize) -> usize {
    if line == 0 {
        return 0;
    }
    text.match_indices('\n')
        .nth(line - 1)
        .map_or(text.len(), |(at, _)| at + 1)
}

/// The byte offset where the line holding byte `at` ends (before its newline).
pub fn line_end(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |end| at + end)
}

/// For each event, the 0-based line it was most likely written on: a line holding the start
/// of its text and its clock time (`10:05`, `10:05 AM`, `1005`), else the first line holding
/// the start of its text. Lines are taken in order, each event after the previous one's line
/// when it can be, so repeated texts ("Investigating") land on their own lines.
pub fn event_lines(text: &str, events: &[TimelineEvent]) -> Vec<Option<usize>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut after = 0;
    events
        .iter()
        .map(|event| {
            let line = find_line(&lines, event, after).or_else(|| find_line(&lines, event, 0));
            if let Some(line) = line {
                after = line + 1;
            }
            line
        })
        .collect()
}

fn find_line(lines: &[&str], event: &TimelineEvent, from: usize) -> Option<usize> {
    let head = text_head(&event.text);
    let clocks = clock_forms(event);
    let holds_text = |line: &str| head.is_empty() || line.contains(head.as_str());
    let found = |strict: bool| {
        lines
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, line)| {
                holds_text(line) && (!strict || clocks.iter().any(|c| line.contains(c.as_str())))
            })
            .map(|(index, _)| index)
    };
    found(true).or_else(|| found(false))
}

/// The first words of an event's text as the author wrote them (at most 24 characters, cut
/// before any Markdown the reader may have changed).
fn text_head(text: &str) -> String {
    let cut = text
        .find(['[', '*', '`', '_', '<', '\n'])
        .unwrap_or(text.len());
    text[..cut].trim().chars().take(24).collect()
}

/// The ways the event's clock time may be written.
fn clock_forms(event: &TimelineEvent) -> Vec<String> {
    use chrono::Timelike;
    let (hour, minute) = (event.at.time.hour(), event.at.time.minute());
    let twelve = match hour % 12 {
        0 => 12,
        h => h,
    };
    vec![
        format!("{hour:02}:{minute:02}"),
        format!("{hour}:{minute:02}"),
        format!("{twelve}:{minute:02}"),
        format!("{hour:02}{minute:02}"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;

    #[test]
    fn lines_and_offsets_agree() {
        let text = "a\nbc\n\nd";
        assert_eq!(line_at(text, 0), 0);
        assert_eq!(line_at(text, 2), 1);
        assert_eq!(line_at(text, 5), 2);
        assert_eq!(line_at(text, 99), 3);
        assert_eq!(line_start(text, 1), 2);
        assert_eq!(line_start(text, 3), 6);
        assert_eq!(line_start(text, 9), text.len());
        assert_eq!(line_end(text, 2), 4);
        assert_eq!(line_end(text, 6), 7);
    }

    #[test]
    fn each_event_of_the_sample_is_found_on_its_own_line() {
        let text = crate::sample::SAMPLE_TEXT;
        let parsed = parse_document("s.txt", text);
        let lines = event_lines(text, &parsed.incident.timeline);
        let all: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), parsed.incident.timeline.len());
        for (event, line) in parsed.incident.timeline.iter().zip(&lines) {
            let line = line.expect("found");
            assert!(
                all[line].contains(&event.text[..10]),
                "{} on {line}",
                event.text
            );
        }
        let distinct: std::collections::BTreeSet<_> = lines.iter().collect();
        assert_eq!(distinct.len(), lines.len());
    }

    #[test]
    fn repeated_texts_land_on_their_own_lines() {
        let text = "Title: T\n\nTimeline:\n- 2024-01-15 10:00 Investigating\n- 2024-01-15 10:30 Investigating\n- 2024-01-15 11:00 Investigating\n";
        let parsed = parse_document("t.txt", text);
        let lines = event_lines(text, &parsed.incident.timeline);
        assert_eq!(lines, [Some(3), Some(4), Some(5)]);
    }
}

/// The byte offset of UTF-16 position `units` in `text` (what a textarea's selection reports),
/// clamped to the text and to a character boundary.
pub fn byte_of_utf16(text: &str, units: u32) -> usize {
    let mut seen = 0u32;
    for (at, c) in text.char_indices() {
        if seen >= units {
            return at;
        }
        seen += c.len_utf16() as u32;
    }
    text.len()
}

/// The UTF-16 position of byte offset `at` in `text`.
pub fn utf16_of_byte(text: &str, at: usize) -> u32 {
    text.char_indices()
        .take_while(|(index, _)| *index < at)
        .map(|(_, c)| c.len_utf16() as u32)
        .sum()
}

#[cfg(test)]
mod utf16_tests {
    use super::*;

    #[test]
    fn utf16_positions_and_bytes_convert_both_ways() {
        let text = "a€😀b";
        assert_eq!(byte_of_utf16(text, 0), 0);
        assert_eq!(byte_of_utf16(text, 1), 1);
        assert_eq!(byte_of_utf16(text, 2), 4);
        assert_eq!(byte_of_utf16(text, 4), 8);
        assert_eq!(byte_of_utf16(text, 99), text.len());
        for at in [0, 1, 4, 8, 9] {
            assert_eq!(byte_of_utf16(text, utf16_of_byte(text, at)), at);
        }
    }
}
