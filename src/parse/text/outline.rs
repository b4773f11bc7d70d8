//! Dates given by a list's nesting: an item naming a month (`* January 2025:`) with items
//! naming its days under it (`+ 22th`), and the stamped entries under those
//! (`- 0405z: Forum is down`), as changelogs and news pages write them.

use super::*;

/// What an outline item says about the date of the items nested under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OutlineDate {
    /// `January 2025`: the month, the day to come from an item under it.
    Month { year: i32, month: u32 },
    /// `22th` under a month: the date of the items under it.
    Day(NaiveDate),
}

impl Reader<'_> {
    /// Follows the list's nesting at a line with text: an item naming a month or a day opens
    /// that date for the items nested under it; any line less indented, or a paragraph, closes
    /// it. `marked` is what [`strip_list_marker`] makes of `text`.
    pub(super) fn notice_outline_date(&mut self, text: &str, marked: (&str, usize, bool)) {
        let (content, _, is_item) = marked;
        let indent = indent_width(text);
        if !is_item {
            if indent == 0 {
                self.outline_dates.clear();
            }
            return;
        }
        while self
            .outline_dates
            .last()
            .is_some_and(|(open, _)| *open >= indent)
        {
            self.outline_dates.pop();
        }
        let said = content
            .trim_matches(|c: char| matches!(c, '*' | '_' | ' '))
            .trim_end_matches([':', ' ']);
        if let Some((year, month)) = month_and_year(said) {
            self.outline_dates
                .push((indent, OutlineDate::Month { year, month }));
            return;
        }
        let month = self.outline_dates.last().and_then(|(_, date)| match date {
            OutlineDate::Month { year, month } => Some((*year, *month)),
            OutlineDate::Day(_) => None,
        });
        // `+ 22th`, `+ 24th : [text]`: the day leads the item.
        let day = said
            .split([' ', ':'])
            .next()
            .and_then(ordinal_day)
            .and_then(|day| NaiveDate::from_ymd_opt(month?.0, month?.1, day));
        if let Some(date) = day {
            self.outline_dates.push((indent, OutlineDate::Day(date)));
        }
    }

    /// The day the open outline items give, if they name one.
    pub(super) fn outline_day(&self) -> Option<NaiveDate> {
        match self.outline_dates.last()? {
            (_, OutlineDate::Day(date)) => Some(*date),
            _ => None,
        }
    }
}

/// Columns of leading white space, a tab counting as four.
fn indent_width(line: &str) -> usize {
    line.chars()
        .take_while(|c| matches!(c, ' ' | '\t'))
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// `January 2025`, `Feb 2024`: a month's name then a year, and nothing else.
fn month_and_year(text: &str) -> Option<(i32, u32)> {
    // No month's name is that long: most items stop here, before their words are split.
    if text.len() > 40 {
        return None;
    }
    let mut words = text.split_whitespace();
    let (month, year, rest) = (words.next()?, words.next()?, words.next());
    if rest.is_some() || year.len() != 4 {
        return None;
    }
    let year: i32 = year.parse().ok().filter(|y| (1990..=2100).contains(y))?;
    Some((year, month_number(month.trim_end_matches(','))?))
}

/// `22`, `22th`, `1st`, `3rd`: a day of the month alone.
fn ordinal_day(word: &str) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &word[digits..];
    let ordinal = suffix.is_empty()
        || ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s));
    let day: u32 = word[..digits].parse().ok()?;
    (ordinal && (1..=31).contains(&day) && digits <= 2).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_month_and_day_items() {
        assert_eq!(month_and_year("January 2025"), Some((2025, 1)));
        assert_eq!(month_and_year("January 2025 was cold"), None);
        assert_eq!(month_and_year("2025"), None);
        assert_eq!(ordinal_day("22th"), Some(22));
        assert_eq!(ordinal_day("3rd"), Some(3));
        assert_eq!(ordinal_day("32"), None);
        assert_eq!(ordinal_day("22x"), None);
        assert_eq!(indent_width("\t\t- x"), 8);
    }
}
