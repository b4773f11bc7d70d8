//! YAML (`---`) or TOML (`+++`) front matter at the top of a Markdown file, as static site
//! generators write it, and the header of a Debian website page (WML: `<define-tag pagetitle>`).
//! Only `title` and `date` mean something to the reader; every other key is handed back so it
//! can be kept.

/// One `key: value` (YAML) or `key = value` (TOML) line of the front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// Index of the line in the slice given to [`front_matter`].
    pub index: usize,
    /// The key, lower-cased later by the caller if needed.
    pub key: &'a str,
    /// The value without quotes.
    pub value: &'a str,
    /// Byte offset of the value in its line.
    pub value_at: usize,
}

/// The front matter found at the start of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// How many lines it takes, both fences included.
    pub len: usize,
    /// Its `key: value` lines, in order.
    pub entries: Vec<Entry<'a>>,
    /// Indexes of lines inside it that are not `key: value` (list items, nested values).
    pub other_lines: Vec<usize>,
    /// False for a `---` block of `key: value` lines that no fence closes (it ends at the
    /// first blank line).
    pub closed: bool,
    /// True for TOML (`+++`, `---toml`), false for YAML.
    pub toml: bool,
}

/// Reads front matter when the first line is `---` or `+++` (or `---toml`, `---yaml`, as
/// gray-matter names the language) and a matching fence closes it.
pub fn front_matter<'a>(lines: &[&'a str]) -> Option<FrontMatter<'a>> {
    let opening = lines.first()?.trim_end();
    let (fence, toml) = match opening {
        "---" | "---yaml" | "---yml" => ("---", false),
        "+++" => ("+++", true),
        "---toml" => ("---", true),
        _ => return wml_header(lines).or_else(|| without_opening_fence(lines)),
    };
    let closing = lines
        .iter()
        .skip(1)
        .take(200)
        .position(|line| line.trim_end() == fence)
        .map(|at| at + 1);
    let Some(close) = closing else {
        return unclosed(lines, toml);
    };
    let mut entries = Vec::new();
    let mut other_lines = Vec::new();
    for (index, line) in lines.iter().enumerate().take(close).skip(1) {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        match key_value(line, toml) {
            Some((key, value, value_at)) if !line.starts_with([' ', '\t']) => entries.push(Entry {
                index,
                key,
                value,
                value_at,
            }),
            _ => other_lines.push(index),
        }
    }
    Some(FrontMatter {
        len: close + 1,
        entries,
        other_lines,
        closed: true,
        toml,
    })
}

/// YAML front matter whose opening `---` was lost (`author: sam` / `date: 2004-11-03 …` /
/// `title: '…'` / `---`): at least two lower-case `key: value` lines from the first, one of
/// them a post's (`title`, `date`…), then a `---` line; nothing but keys, blanks and indented
/// or listed values between.
fn without_opening_fence<'a>(lines: &[&'a str]) -> Option<FrontMatter<'a>> {
    const POST_KEYS: [&str; 6] = ["title", "date", "author", "slug", "layout", "tags"];
    let mut entries = Vec::new();
    let mut other_lines = Vec::new();
    for (index, line) in lines.iter().enumerate().take(40) {
        if line.trim_end() == "---" {
            let post = entries.iter().any(|e: &Entry| POST_KEYS.contains(&e.key));
            return (entries.len() >= 2 && post).then_some(FrontMatter {
                len: index + 1,
                entries,
                other_lines,
                closed: true,
                toml: false,
            });
        }
        if line.trim().is_empty() || line.starts_with([' ', '\t', '-']) {
            other_lines.push(index);
            continue;
        }
        match key_value(line, false) {
            Some((key, value, value_at))
                if key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') =>
            {
                entries.push(Entry {
                    index,
                    key,
                    value,
                    value_at,
                })
            }
            _ => return None,
        }
    }
    None
}

/// The header of a page of Debian's website (WML), up to its first other line:
/// `<define-tag pagetitle>…</define-tag>` gives the title, `<define-tag release_date>…` the
/// date (as a post's `date`), any other tag a key of its own; `#use wml::…`, `#include` and
/// `# $Id: …` directives are lines kept as written.
fn wml_header<'a>(lines: &[&'a str]) -> Option<FrontMatter<'a>> {
    const OPENING: &str = "<define-tag ";
    if !lines.first()?.starts_with(OPENING) {
        return None;
    }
    let mut entries = Vec::new();
    let mut other_lines = Vec::new();
    let mut len = 0;
    for (index, line) in lines.iter().enumerate() {
        let line = line.trim_end();
        let tag = line
            .strip_prefix(OPENING)
            .and_then(|rest| rest.split_once('>'))
            .and_then(|(name, rest)| Some((name, rest.strip_suffix("</define-tag>")?)));
        if let Some((name, value)) = tag {
            let key = match name.trim() {
                "pagetitle" => "title",
                "release_date" => "date",
                other => other,
            };
            let value_at = line.len() - value.len() - "</define-tag>".len();
            entries.push(Entry {
                index,
                key,
                value: value.trim(),
                value_at,
            });
        } else if ["#use ", "#include ", "# $Id"]
            .iter()
            .any(|directive| line.starts_with(directive))
        {
            other_lines.push(index);
        } else {
            break;
        }
        len = index + 1;
    }
    (len > 0).then_some(FrontMatter {
        len,
        entries,
        other_lines,
        closed: true,
        toml: false,
    })
}

/// `rekt:` over `  date: 10/06/2022`: the values of `date` keys nested in a mapping of a closed
/// YAML front matter (not in a list item: those are a status page's updates). A post's own
/// `date` is at the top; a nested one dates what the post is about.
pub fn nested_dates<'a>(lines: &[&'a str], found: &FrontMatter<'a>) -> Vec<&'a str> {
    if !found.closed || found.toml {
        return Vec::new();
    }
    let indent = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let mut dates = Vec::new();
    for &index in &found.other_lines {
        let Some(line) = lines.get(index) else {
            continue;
        };
        let depth = indent(line);
        let Some(("date", value, _)) = key_value(line.trim_start(), false) else {
            continue;
        };
        // The nearest line above with less indentation must be a key with no value.
        let parent = lines[..index]
            .iter()
            .rev()
            .find(|above| !above.trim().is_empty() && indent(above) < depth);
        let under_mapping = parent.is_some_and(|above| {
            !above.trim_start().starts_with('-')
                && key_value(above.trim_start(), false)
                    .is_some_and(|(_, value, _)| value.is_empty())
        });
        if depth > 0 && under_mapping && !value.is_empty() {
            dates.push(value);
        }
    }
    dates
}

/// One update of a status page kept as a list in the front matter (`incident_states:`,
/// `updates:`): an item `- status: resolved` with keys such as `content:` and `date:` under it.
/// Each part is (line index, value, byte offset of the value in its line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusItem<'a> {
    /// What the update says (`content`, `message`, `body`, `text`, `description`).
    pub text: Option<(usize, &'a str, usize)>,
    /// When it was posted (`date`, `time`, `timestamp`, `datetime`, `created_at`, …).
    pub stamp: Option<(usize, &'a str, usize)>,
}

/// The list items of a closed YAML front matter that carry an update's text, in order.
pub fn status_items<'a>(lines: &[&'a str], found: &FrontMatter<'a>) -> Vec<StatusItem<'a>> {
    const TEXT_KEYS: [&str; 6] = [
        "content",
        "message",
        "body",
        "text",
        "description",
        "details",
    ];
    const STAMP_KEYS: [&str; 10] = [
        "date",
        "time",
        "datetime",
        "timestamp",
        "at",
        "created_at",
        "createdat",
        "updated_at",
        "posted",
        "posted_at",
    ];
    let mut items = Vec::new();
    if !found.closed || found.toml {
        return items;
    }
    // Readers' comments kept with a blog post (`comments:`, each with a `date:` and a
    // `content:`) are not updates of the incident.
    const NOT_UPDATES: [&str; 6] = [
        "comments",
        "replies",
        "responses",
        "trackbacks",
        "pingbacks",
        "webmentions",
    ];
    let mut current: Option<(usize, StatusItem<'a>)> = None;
    let mut list_key = "";
    for (index, line) in lines.iter().enumerate().take(found.len - 1).skip(1) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let (pair_text, pair_at, opens) = match trimmed.strip_prefix("- ") {
            Some(rest) => (rest, line.len() - rest.len(), true),
            None => (trimmed, indent, false),
        };
        if indent == 0 && !opens {
            list_key = trimmed.split(':').next().unwrap_or("").trim();
        }
        if opens && NOT_UPDATES.contains(&list_key.to_ascii_lowercase().as_str()) {
            items.extend(current.take().map(|(_, item)| item));
            continue;
        }
        if opens {
            items.extend(current.take().map(|(_, item)| item));
            current = Some((indent, StatusItem::default()));
        } else if current.as_ref().is_none_or(|(open, _)| indent <= *open) {
            items.extend(current.take().map(|(_, item)| item));
            continue;
        }
        let (Some((_, item)), Some((key, value, value_at))) =
            (current.as_mut(), key_value(pair_text, false))
        else {
            continue;
        };
        let key = key.to_ascii_lowercase();
        let part = Some((index, value, pair_at + value_at));
        if TEXT_KEYS.contains(&key.as_str()) && item.text.is_none() {
            item.text = part;
        } else if STAMP_KEYS.contains(&key.as_str()) && item.stamp.is_none() {
            item.stamp = part;
        }
    }
    items.extend(current.map(|(_, item)| item));
    items.retain(|item| {
        item.text
            .is_some_and(|(_, text, _)| !text.trim().is_empty())
    });
    items
}

/// A `---` block with no closing fence whose lines up to the first blank one are all
/// `key: value`: metadata all the same (`Status: resolved`), read up to that blank line.
fn unclosed<'a>(lines: &[&'a str], toml: bool) -> Option<FrontMatter<'a>> {
    let end = lines
        .iter()
        .skip(1)
        .position(|line| line.trim().is_empty())
        .map_or(lines.len(), |at| at + 1);
    let mut entries = Vec::new();
    for (index, line) in lines.iter().enumerate().take(end).skip(1) {
        let (key, value, value_at) = key_value(line, toml)?;
        entries.push(Entry {
            index,
            key,
            value,
            value_at,
        });
    }
    (!entries.is_empty() && entries.len() <= 30).then_some(FrontMatter {
        len: end,
        entries,
        other_lines: Vec::new(),
        closed: false,
        toml,
    })
}

/// Splits `key: value` or `key = value`, unquoting the value: (key, value, value offset).
fn key_value(line: &str, toml: bool) -> Option<(&str, &str, usize)> {
    // `:title: Wiki outage`: an AsciiDoc attribute, its name between colons.
    let attribute = !toml && line.starts_with(':');
    let split = if toml {
        line.find('=')?
    } else if attribute {
        1 + line[1..].find(':')?
    } else {
        line.find(':')?
    };
    let key = line[usize::from(attribute)..split].trim();
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        return None;
    }
    let raw = &line[split + 1..];
    let value = raw.trim();
    let mut value_at = split + 1 + (raw.len() - raw.trim_start().len());
    let unquoted = ['"', '\'']
        .iter()
        .find_map(|q| value.strip_prefix(*q).and_then(|v| v.strip_suffix(*q)));
    let value = match unquoted {
        Some(inner) => {
            value_at += 1;
            inner
        }
        None => value,
    };
    Some((key, value, value_at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_header_of_a_debian_website_page() {
        let page = [
            "<define-tag pagetitle>Debian Server restored after Compromise</define-tag>",
            "<define-tag release_date>2006-07-13</define-tag>",
            "#use wml::debian::news",
            "# $Id: 20060713.wml,v 1.3 2006-07-18 22:59:03 peterk Exp $",
            "",
            "<p>One core Debian server has been reinstalled.</p>",
        ];
        let found = front_matter(&page).unwrap();
        let keys: Vec<(&str, &str)> = found.entries.iter().map(|e| (e.key, e.value)).collect();
        assert_eq!(
            keys,
            [
                ("title", "Debian Server restored after Compromise"),
                ("date", "2006-07-13")
            ]
        );
        assert_eq!(&page[0][found.entries[0].value_at..][..6], "Debian");
        assert_eq!((found.len, found.other_lines.clone()), (4, vec![2, 3]));
        // Only at the very top, and only as whole tags.
        assert!(front_matter(&["# Title", "<define-tag pagetitle>x</define-tag>"]).is_none());
        assert!(front_matter(&["<define-tag pagetitle>x", "text"]).is_none());
    }

    #[test]
    fn reads_yaml_and_toml_front_matter() {
        let yaml = [
            "---",
            "title: Cookie outage",
            "date: 2024-01-15",
            "authors:",
            " - ann",
            "---",
            "# x",
        ];
        let found = front_matter(&yaml).unwrap();
        assert_eq!(found.len, 6);
        assert_eq!(
            found
                .entries
                .iter()
                .map(|e| (e.key, e.value))
                .collect::<Vec<_>>(),
            [
                ("title", "Cookie outage"),
                ("date", "2024-01-15"),
                ("authors", "")
            ]
        );
        assert_eq!(found.other_lines, [4]);
        let named = ["---toml", "title = \"Cookie outage\"", "---", "Text."];
        let found = front_matter(&named).expect("a `---toml` block");
        assert_eq!((found.len, found.entries[0].value), (3, "Cookie outage"));
        let toml = ["+++", "title = \"Cookie outage\"", "+++"];
        let found = front_matter(&toml).unwrap();
        assert_eq!(found.entries[0].value, "Cookie outage");
        assert_eq!(found.entries[0].value_at, 9);
    }

    #[test]
    fn status_updates_listed_in_the_front_matter() {
        let lines = [
            "---",
            "title: Outage",
            "updates:",
            "- status: investigating",
            "  content: \"Looking into it.\"",
            "- status: resolved",
            "  message: 'Fixed at 10:40.'",
            "  date: 2024-03-01 10:45",
            "- status: update",
            "  content: ''",
            "tags: [a]",
            "---",
        ];
        let found = front_matter(&lines).unwrap();
        let items = status_items(&lines, &found);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].text, Some((4, "Looking into it.", 12)));
        assert_eq!(items[0].stamp, None);
        assert_eq!(items[1].text, Some((6, "Fixed at 10:40.", 12)));
        assert_eq!(items[1].stamp, Some((7, "2024-03-01 10:45", 8)));
    }

    #[test]
    fn an_unclosed_block_counts_only_when_every_line_is_key_value() {
        let found = front_matter(&["---", "Status: resolved", "", "# Title"]).unwrap();
        assert!(!found.closed);
        assert_eq!(found.len, 2);
        assert_eq!(found.entries[0].key, "Status");
        assert_eq!(front_matter(&["---", "Some prose here.", "", "x"]), None);
        assert_eq!(front_matter(&["# Title", "---"]), None);
        assert_eq!(front_matter(&[]), None);
    }
}
