//! "Add entry now": a new timeline line stamped with the current time, written the way the
//! document writes its entries (bullet, date form, 12- or 24-hour clock, seconds, zone word,
//! separator, table cells) and in the document's zone, put after its last entry.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};

use super::source_lines::{line_end, line_start};
use crate::model::TimelineEvent;

/// Text to insert into a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insertion {
    /// Byte offset it goes at.
    pub at: usize,
    /// What is inserted.
    pub text: String,
    /// Where the cursor goes afterwards (a byte offset in the new text): where the entry's
    /// words are to be typed.
    pub cursor: usize,
}

/// A new entry stamped `now`, after the document's last entry (by line). The entry's zone is
/// the last entry's stated one; when the document states none, `local_offset_minutes` (east
/// of UTC, the writer's own zone) is used.
pub fn entry_now(
    text: &str,
    events: &[TimelineEvent],
    lines: &[Option<usize>],
    now: DateTime<Utc>,
    local_offset_minutes: i32,
) -> Insertion {
    let last = events
        .iter()
        .zip(lines)
        .filter_map(|(event, line)| line.map(|line| (line, event)))
        .max_by_key(|(line, _)| *line);
    let Some((line, event)) = last else {
        return first_entry(text, now, local_offset_minutes);
    };
    let offset = event
        .at
        .offset
        .map_or(local_offset_minutes, |o| (o.seconds() / 60) as i32);
    let local = now.naive_utc() + Duration::minutes(i64::from(offset));
    let start = line_start(text, line);
    let end = line_end(text, start);
    let written = &text[start..end];
    let (stamped, cursor_in_line) = restamp(written, &event.text, local);
    let at = end;
    let inserted = format!("\n{stamped}");
    Insertion {
        at,
        cursor: at + 1 + cursor_in_line,
        text: inserted,
    }
}

/// The first entry of a document that has none: under its "Timeline" heading when it has one,
/// else in a new `Timeline:` section at the end.
fn first_entry(text: &str, now: DateTime<Utc>, offset: i32) -> Insertion {
    let local = now.naive_utc() + Duration::minutes(i64::from(offset));
    let zone = zone_name(offset);
    let entry = format!("- {} {zone}: ", local.format("%Y-%m-%d %H:%M"));
    let heading = text
        .match_indices('\n')
        .map(|(at, _)| at + 1)
        .chain([0])
        .find(|&start| {
            let line = &text[start..line_end(text, start)];
            let words = line
                .trim_start_matches(['#', ' ', '*'])
                .to_ascii_lowercase();
            words.starts_with("timeline")
        });
    match heading {
        Some(start) => {
            let at = line_end(text, start);
            let inserted = format!("\n{entry}");
            Insertion {
                at,
                cursor: at + inserted.len(),
                text: inserted,
            }
        }
        None => {
            let lead = if text.is_empty() || text.ends_with("\n\n") {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            let inserted = format!("{lead}Timeline:\n{entry}");
            Insertion {
                at: text.len(),
                cursor: text.len() + inserted.len(),
                text: inserted,
            }
        }
    }
}

/// `UTC`, or `UTC+02:00` style for another offset.
fn zone_name(offset: i32) -> String {
    if offset == 0 {
        return "UTC".to_string();
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let offset = offset.abs();
    format!("UTC{sign}{:02}:{:02}", offset / 60, offset % 60)
}

/// `line` with its date and clock replaced by `local`'s and its words removed: the new line
/// and where in it the words go.
fn restamp(line: &str, words: &str, local: NaiveDateTime) -> (String, usize) {
    let bytes = line.as_bytes();
    let mut out = String::new();
    let mut at = 0;
    let mut stamped = false;
    while at < bytes.len() {
        if let Some(len) = iso_date_at(bytes, at) {
            out.push_str(&local.format("%Y-%m-%d").to_string());
            at += len;
            continue;
        }
        if !stamped {
            if let Some(clock) = clock_at(bytes, at) {
                out.push_str(&clock.write(local));
                at += clock.len;
                stamped = true;
                continue;
            }
        }
        // The words start here: keep what closes the line (a table row's last bar).
        if stamped && line[at..].starts_with(words_head(words)) && !words_head(words).is_empty() {
            let cursor = out.len();
            if line.trim_end().ends_with('|') {
                out.push_str(" |");
            }
            return (out, cursor);
        }
        let next = line[at..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&line[at..at + next]);
        at += next;
    }
    // The words were not found as written: put them after the stamp's separator.
    let cursor = out.len();
    (out, cursor)
}

/// The first words of an event's text as written (before any markup).
fn words_head(words: &str) -> &str {
    let cut = words
        .find(['[', '*', '`', '_', '<', '\n'])
        .unwrap_or(words.len());
    let head = words[..cut].trim();
    let end = head
        .char_indices()
        .nth(12)
        .map_or(head.len(), |(index, _)| index);
    &head[..end]
}

/// The length of a `YYYY-MM-DD` date at `at`, if one starts there.
fn iso_date_at(bytes: &[u8], at: usize) -> Option<usize> {
    let rest = bytes.get(at..at + 10)?;
    let shape = rest.iter().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            *b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    let starts_word = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
    (shape && starts_word).then_some(10)
}

/// A clock as written in a line.
struct Clock {
    len: usize,
    seconds: bool,
    two_digit_hour: bool,
    /// The 12-hour marker as written (`" AM"`, `"pm"`, `" a.m."`), when there is one.
    marker: Option<(String, bool)>,
}

impl Clock {
    fn write(&self, local: NaiveDateTime) -> String {
        use chrono::Timelike;
        let (hour, minute, second) = (local.hour(), local.minute(), local.second());
        let mut out = match &self.marker {
            Some(_) => {
                let twelve = match hour % 12 {
                    0 => 12,
                    h => h,
                };
                format!("{twelve}:{minute:02}")
            }
            None if self.two_digit_hour => format!("{hour:02}:{minute:02}"),
            None => format!("{hour}:{minute:02}"),
        };
        if self.seconds {
            out.push_str(&format!(":{second:02}"));
        }
        if let Some((written, upper)) = &self.marker {
            // The marker as written, its letter turned to the time's half of the day.
            let word = if hour >= 12 {
                written.replacen('a', "p", 1)
            } else {
                written.replacen('p', "a", 1)
            };
            out.push_str(&if *upper { word.to_uppercase() } else { word });
        }
        out
    }
}

/// The clock (`9:05`, `09:05:30`, `10:00 AM`, `1:00pm`) starting at `at`, if one does.
fn clock_at(bytes: &[u8], at: usize) -> Option<Clock> {
    if at > 0 && bytes[at - 1].is_ascii_digit() {
        return None;
    }
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let hour_len = match (digit(at), digit(at + 1)) {
        (true, true) => 2,
        (true, false) => 1,
        _ => return None,
    };
    let colon = at + hour_len;
    if bytes.get(colon) != Some(&b':') || !digit(colon + 1) || !digit(colon + 2) {
        return None;
    }
    let mut end = colon + 3;
    let seconds = bytes.get(end) == Some(&b':') && digit(end + 1) && digit(end + 2);
    if seconds {
        end += 3;
    }
    if digit(end) {
        return None;
    }
    let marker = marker_at(bytes, end);
    let len = end - at + marker.as_ref().map_or(0, |m| m.0.len());
    Some(Clock {
        len,
        seconds,
        two_digit_hour: hour_len == 2,
        marker,
    })
}

/// An AM/PM marker right after a clock (`" AM"`, `"pm"`, `" a.m."`): as written, and whether
/// it is upper-case.
fn marker_at(bytes: &[u8], at: usize) -> Option<(String, bool)> {
    let space = usize::from(bytes.get(at) == Some(&b' '));
    let letter = *bytes.get(at + space)?;
    if !matches!(letter.to_ascii_lowercase(), b'a' | b'p') {
        return None;
    }
    let mut end = at + space + 1;
    if bytes.get(end) == Some(&b'.') {
        end += 1;
    }
    if !bytes
        .get(end)
        .is_some_and(|b| b.eq_ignore_ascii_case(&b'm'))
    {
        return None;
    }
    end += 1;
    if bytes.get(end) == Some(&b'.') {
        end += 1;
    }
    if bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let written = String::from_utf8_lossy(&bytes[at..end]).into_owned();
    let upper = letter.is_ascii_uppercase();
    Some((written.to_ascii_lowercase(), upper))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authoring::source_lines::event_lines;
    use crate::parse::parse_document;
    use chrono::TimeZone;

    fn add(text: &str, now: DateTime<Utc>, local: i32) -> (String, usize) {
        let parsed = parse_document("d.md", text);
        let lines = event_lines(text, &parsed.incident.timeline);
        let insertion = entry_now(text, &parsed.incident.timeline, &lines, now, local);
        let mut out = text.to_string();
        out.insert_str(insertion.at, &insertion.text);
        (out, insertion.cursor)
    }

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, h, m, s)
            .single()
            .expect("a time")
    }

    #[test]
    fn the_sample_gets_a_twelve_hour_line_in_its_zone() {
        // The sample is written in UTC-5: 19:42 UTC is 2:42 PM there.
        let text = crate::sample::SAMPLE_TEXT;
        let (out, cursor) = add(text, at(19, 42, 0), 60);
        assert!(
            out.contains("2:00 PM: Full service recovery confirmed.\n2:42 PM: \n"),
            "{out}"
        );
        assert_eq!(&out[cursor - 9..cursor], "2:42 PM: ");
        let reread = parse_document("s.txt", &out);
        assert_eq!(reread.incident.timeline.len(), 10);
    }

    #[test]
    fn iso_dates_seconds_bullets_and_zone_words_are_kept() {
        let text = "Title: T\n\nTimeline:\n- 2024-01-15 10:00:05 UTC — Deploy\n- 2024-01-15 10:30:00 UTC — Rollback\n\nNotes:\nmore\n";
        let (out, cursor) = add(text, at(9, 7, 3), 0);
        assert!(
            out.contains("Rollback\n- 2026-12-01 09:07:03 UTC — \n\nNotes:"),
            "{out}"
        );
        assert_eq!(
            &out[..cursor],
            &out[..out.find("— \n\nNotes").expect("line") + "— ".len()]
        );
    }

    #[test]
    fn a_table_row_keeps_its_cells() {
        let text = crate::authoring::templates::Template::Google.text();
        let (out, cursor) = add(text, at(23, 5, 0), 0);
        assert!(out.contains("| 2026-12-01 23:05 |  |\n"), "{out}");
        assert!(
            out[cursor..].starts_with(" |"),
            "{}",
            &out[cursor..cursor + 5]
        );
    }

    #[test]
    fn a_stated_offset_wins_over_the_writers_own() {
        let text = "Title: T\n\nTimeline:\n- 2024-01-15 10:00 CET Deploy\n";
        let (out, _) = add(text, at(0, 0, 0), -300);
        assert!(out.ends_with("- 2026-12-01 01:00 CET \n"), "{out}");
    }

    #[test]
    fn a_document_without_entries_gets_a_timeline() {
        let (out, cursor) = add("Title: Fresh\n", at(8, 0, 0), 120);
        assert_eq!(
            out,
            "Title: Fresh\n\nTimeline:\n- 2026-12-01 10:00 UTC+02:00: "
        );
        assert_eq!(cursor, out.len());
        let (out, _) = add("# Fresh\n\n## Timeline\n\nLater.\n", at(8, 0, 0), 0);
        assert_eq!(
            out,
            "# Fresh\n\n## Timeline\n- 2026-12-01 08:00 UTC: \n\nLater.\n"
        );
    }

    #[test]
    fn clocks_are_recognised_as_written() {
        let clock =
            |s: &str| clock_at(s.as_bytes(), 0).map(|c| (c.len, c.seconds, c.marker.map(|m| m.0)));
        assert_eq!(clock("10:00 AM: x"), Some((8, false, Some(" am".into()))));
        assert_eq!(clock("9:05pm x"), Some((6, false, Some("pm".into()))));
        assert_eq!(clock("10:00:05 UTC"), Some((8, true, None)));
        assert_eq!(clock("10:00 amber"), Some((5, false, None)));
        assert_eq!(clock("100:00"), None);
        assert_eq!(clock("10:0"), None);
    }
}
