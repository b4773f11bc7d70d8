//! Markdown tables: what a table holds (timeline, action items, prose) decided from its header
//! or its first row, and each row read accordingly.

use super::*;

impl Reader<'_> {
    /// True when line `index` is a border of a grid table: over or under a row whose `|`s it
    /// lines up with.
    pub(super) fn grid_border(&self, index: usize) -> bool {
        let border = &self.lines[index].text;
        let beside = |at: Option<usize>| {
            at.and_then(|at| self.lines.get(at))
                .is_some_and(|row| table::borders_row(border, &row.text))
        };
        table::is_grid_border(border) && (beside(index.checked_sub(1)) || beside(Some(index + 1)))
    }

    /// True when the row at `index` sits right under another row of a grid table (the first
    /// line above it that is no row is a grid border), with an event read from it.
    fn continues_grid_row(&self, index: usize) -> bool {
        // (A cell of more than 64 lines is not looked for: reading stays linear.)
        let above = self.lines[..index].iter().rev().take(64);
        let mut rows = 0;
        for line in above {
            if table::is_row(&line.text) {
                rows += 1;
                continue;
            }
            return rows > 0
                && table::borders_row(&line.text, &self.lines[index].text)
                && !self.incident.timeline.is_empty();
        }
        false
    }

    /// Reads one row of a Markdown table, deciding what the table holds from its header.
    pub(super) fn read_table_row(&mut self, index: usize) {
        let text = self.lines[index].text.clone();
        let cells = table::cells(&text);
        let next_is_separator = self.lines.get(index + 1).is_some_and(|l| {
            table::is_separator(&l.text)
                || (table::is_grid_header_rule(&l.text) && table::borders_row(&l.text, &text))
        });
        if self.table.is_none() && next_is_separator {
            // (Whether a table goes into an entry's text is decided by each table's header.)
            self.table_in_event = false;
            self.table = Some(self.table_kind(index, &cells));
            // `| Timeline 20.04.22 | Event |`: a date in the header is the rows' day.
            if matches!(self.table, Some(Table::Timeline { .. })) {
                if let Some(date) = cells
                    .iter()
                    .find_map(|(_, header)| heading_date(header, self.context))
                {
                    self.set_timeline_day(Some(date), false);
                }
            }
            if let Some(Table::Actions { columns }) = &self.table {
                // The page's task table is headed with the author's own column names.
                for (column, header) in columns.clone() {
                    let key = match column {
                        Column::Text => "task_column",
                        Column::Owner => "owner_column",
                        Column::Priority => "priority_column",
                        Column::Status => "status_column",
                        Column::Due => "due_column",
                        Column::Group => "group_column",
                        Column::Link => "link_column",
                        Column::Other => continue,
                    };
                    self.remember_heading(key, &header);
                }
            }
            match self.table {
                Some(Table::Plain) => {
                    self.note_field_row(index, &cells);
                    self.append_table_prose(&text);
                }
                Some(Table::Moments { .. }) => self.append_table_prose(&text),
                _ => {}
            }
            return;
        }
        let target = self.target.unwrap_or(Target::Summary);
        // The table is taken out while its row is read (no copy of its header per row).
        let current = self.table.take();
        let columns = match &current {
            Some(Table::Timeline { headers, .. }) => headers.len(),
            Some(Table::Actions { columns }) => columns.len(),
            _ => 0,
        };
        let row = text.trim_end();
        if cells.len() < columns && row.trim_start().starts_with('|') && !row.ends_with('|') {
            self.warn(
                index,
                row.len(),
                format!(
                    "this table row has {} of the {columns} cells its header names and no closing `|`; it looks cut off here (the cells it has were read)",
                    cells.len()
                ),
            );
        }
        let fallback = if target == Target::Timeline {
            Table::Timeline {
                time: 0,
                date: None,
                headers: Vec::new(),
            }
        } else {
            Table::Plain
        };
        match current.as_ref().unwrap_or(&fallback) {
            Table::Timeline {
                time,
                date,
                headers,
            } => self.read_timeline_row(index, &cells, *time, *date, headers),
            Table::Actions { columns } => {
                let row: Vec<(Column, &str, &str)> = cells
                    .iter()
                    .enumerate()
                    .map(|(i, (_, cell))| {
                        let (column, header) = columns
                            .get(i)
                            .map_or((Column::Other, ""), |(c, h)| (*c, h.as_str()));
                        (column, header, cell.as_str())
                    })
                    .collect();
                let mut item = items::from_row(&row);
                // A subheading over the table (`### Short term`) is its rows' group.
                self.take_action_group();
                self.group_action_item(&mut item);
                if !item.text.is_empty() || item.owner.is_some() {
                    self.incident.action_items.push(item);
                }
            }
            Table::Window { boundaries } => {
                for ((value_at, value), boundary) in cells.iter().zip(boundaries) {
                    if let Some((start, header)) = boundary {
                        if moment_in(value, self.context).is_some() {
                            let at = value_at + value.len() - value.trim_start().len();
                            let (value, label) = (value.trim(), header.clone());
                            self.read_labelled_boundary(index, *start, value, at, label);
                        }
                    }
                }
                self.append_table_prose(&text);
            }
            Table::Moments { headers } => {
                self.note_moment_cells(index, &cells, headers);
                self.append_table_prose(&text);
            }
            Table::Plain => {
                self.note_field_row(index, &cells);
                self.append_table_prose(&text);
            }
        }
        self.table = current;
    }

    /// `| Incident date | 2021-03-08 |`, `| Start | 2021-03-08 14:00 UTC |`: a row of a table
    /// of details that names the incident's day or window, read as the field would be (the
    /// table is still shown as written).
    fn note_field_row(&mut self, index: usize, cells: &[(usize, String)]) {
        let [(_, label), (value_at, value)] = cells else {
            return;
        };
        let label = label.trim_matches(['*', '_', '`', ' ', ':']);
        let value = value.trim();
        match field_for(label) {
            Some(Field::Date) if !value.is_empty() => {
                if let Some(found) = find_date_in(value, self.context) {
                    self.dates.field.get_or_insert(found.date);
                    // A status history of key/value tables (`| Date | 22 January 2025 |`
                    // over `| Summary | At 11:58 AM today ...`): each table's day is that of
                    // what is told after it, up to the next heading or dated table.
                    self.date_by_table(found.date);
                }
            }
            Some(field @ (Field::Start | Field::End))
                if moment_in(value, self.context).is_some() =>
            {
                self.read_boundary(index, field == Field::Start, value, *value_at);
            }
            None => self.read_event_field(index, label, value, *value_at),
            _ => {}
        }
    }

    /// Each cell of a row of a [`Table::Moments`] that opens with a stamp under a header
    /// naming a moment: that moment of the row, named by the row's first cell and the header
    /// (`Disk full — Fired`).
    fn note_moment_cells(&mut self, index: usize, cells: &[(usize, String)], headers: &[String]) {
        let name = cells
            .first()
            .map_or("", |(_, cell)| cell.trim_matches(['*', '_', '`', ' ']));
        for ((at, cell), header) in cells.iter().zip(headers).skip(1) {
            if names_an_event(header) {
                self.keep_field_moment(index, cell, *at, format!("{name} — {header}"));
            }
        }
    }

    /// Decides from a header row whether a table is a timeline, a list of actions or neither.
    pub(super) fn table_kind(&mut self, index: usize, header: &[(usize, String)]) -> Table {
        let names: Vec<String> = header
            .iter()
            .map(|(_, h)| h.trim_matches(['*', '_', '`', ' ']).to_string())
            .collect();
        let lower: Vec<String> = names.iter().map(|h| h.to_lowercase()).collect();
        // `| Start | End |` under `### Date`: the window, not a timeline of one entry.
        let fields: Vec<Option<Field>> = names.iter().map(|h| field_for(h)).collect();
        let window_only = fields
            .iter()
            .all(|f| matches!(f, Some(Field::Start | Field::End | Field::Duration)));
        if window_only && fields.contains(&Some(Field::Start)) && fields.contains(&Some(Field::End))
        {
            let boundaries = fields
                .iter()
                .zip(&names)
                .map(|(f, name)| match f {
                    Some(Field::Start) => Some((true, name.clone())),
                    Some(Field::End) => Some((false, name.clone())),
                    _ => None,
                })
                .collect();
            return Table::Window { boundaries };
        }
        // `| CEST | UTC | Event |`: a header that only names a zone heads times in it; the
        // leftmost is the author's own.
        let time = lower.iter().zip(&names).position(|(h, name)| {
            is_zone_header(name)
                || h.starts_with("when")
                || h == "hour"
                || h.split(|c: char| !c.is_alphanumeric())
                    .any(|w| TIME_HEADERS.contains(&w))
                // CJK writes a compound as one word: `时间节点` ("time point").
                || TIME_HEADERS
                    .iter()
                    .any(|w| !w.is_ascii() && h.starts_with(w))
        });
        // `| Start date | End time |` with `| 4 July @ 02:10 | 03:50 |`: an entry is at its
        // start, so a start column whose first cell holds a time outranks an end column.
        let says = |header: &str, words: &[&str]| {
            header
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| words.contains(&w))
        };
        let first_row = self.lines.get(index + 2).map(|l| table::cells(&l.text));
        let time = time.map(|time| {
            if !says(&lower[time], &["end", "ended", "until"]) {
                return time;
            }
            lower
                .iter()
                .enumerate()
                .find(|(i, h)| {
                    says(h, &["start", "started", "begin", "began", "from"])
                        && first_row
                            .as_ref()
                            .and_then(|cells| cells.get(*i))
                            .is_some_and(|(_, cell)| timeline_entry(cell, self.context).is_some())
                })
                .map_or(time, |(i, _)| i)
        });
        // No header names the time, but the first row starts with one: a timeline all the same.
        let time = time
            .or_else(|| {
                let (_, cell) = first_row.as_ref()?.first()?;
                timeline_entry(cell, self.context).map(|_| 0)
            })
            .or_else(|| self.time_column_from_rows(index + 2, header.len()));
        let target = self.target.unwrap_or(Target::Summary);
        // `| Date | Account |` under the timeline, over `| Nov 9-10 |` rows and one `| Nov 13
        // 22:15 |`: the day column is the time column of the rows that write a time.
        let time = time.or_else(|| {
            let date = lower.iter().position(|h| h == "date" || h == "day")?;
            (target == Target::Timeline && self.column_holds_a_stamp(index + 2, date))
                .then_some(date)
        });
        let columns: Vec<(Column, String)> = names
            .iter()
            .map(|h| (items::column_for(h), h.clone()))
            .collect();
        let has_task = columns.iter().any(|(c, _)| *c == Column::Text);
        let has_owner = columns.iter().any(|(c, _)| *c == Column::Owner);
        // Once the timeline section has given entries, a table with times in another section
        // is that section's data (`## Impacted slots` with a `timestamp` column), not a second
        // timeline.
        let timeline_read = self.saw_timeline
            && !self.incident.timeline.is_empty()
            && self.timeline_heading.is_none();
        if let Some(time) = time {
            if target == Target::Timeline || !(has_task && has_owner || timeline_read) {
                // The column named for the day, else one whose first row names only a day.
                let date = lower
                    .iter()
                    .position(|h| h == "date" || h == "day")
                    .filter(|&date| date != time)
                    .or_else(|| {
                        first_row.as_ref()?.iter().position(|(_, cell)| {
                            timeline_entry(cell, self.context).is_none()
                                && date_line(cell, self.context).is_some()
                        })
                    });
                return Table::Timeline {
                    time,
                    date,
                    headers: names,
                };
            }
        }
        if target == Target::ActionItems || (has_task && has_owner) {
            return Table::Actions { columns };
        }
        // `| Alert | Fired | Resolved |`: columns after the first that name moments, the
        // first row's cell under one opening with a stamp.
        let moment_columns = || {
            first_row.as_ref().is_some_and(|row| {
                names.iter().zip(row).skip(1).any(|(header, (_, cell))| {
                    names_an_event(header) && timeline_entry(cell.trim(), self.context).is_some()
                })
            })
        };
        if time.is_none() && moment_columns() {
            return Table::Moments { headers: names };
        }
        if time.is_some() && timeline_read {
            self.warn(
                index,
                0,
                "this table has a time column but sits outside the timeline, which was read already; it is shown in its section as a table, and its rows are not timeline entries (expected them in the timeline to place them on it)",
            );
        }
        Table::Plain
    }

    /// `| Day | Down (CET) | Back | Notes |` over rows of `| 2025-03-04 | ~07:40–08:15 | …`:
    /// no header names the time, but most rows open a cell with one and every row names its
    /// day. The leftmost such column is the time (an entry is at its start); the rows are
    /// read from `first`, at most [`ROWS_LOOKED_AT`] of them.
    fn time_column_from_rows(&self, first: usize, columns: usize) -> Option<usize> {
        let rows: Vec<Vec<(usize, String)>> = self.lines[first.min(self.lines.len())..]
            .iter()
            .take(ROWS_LOOKED_AT)
            .take_while(|line| table::is_row(&line.text))
            .map(|line| table::cells(&line.text))
            .collect();
        if rows.len() < 2 {
            return None;
        }
        let names_its_day = |row: &Vec<(usize, String)>| {
            row.iter()
                .any(|(_, cell)| date_line(cell, self.context).is_some())
        };
        if !rows.iter().all(names_its_day) {
            return None;
        }
        (0..columns).find(|&column| {
            let timed = rows
                .iter()
                .filter(|row| {
                    row.get(column)
                        .is_some_and(|(_, cell)| timeline_entry(cell, self.context).is_some())
                })
                .count();
            timed >= 2 && timed * 2 > rows.len()
        })
    }

    /// True when a row from `first` (at most [`ROWS_LOOKED_AT`] of them) opens its cell in
    /// `column` with a stamp.
    fn column_holds_a_stamp(&self, first: usize, column: usize) -> bool {
        self.lines[first.min(self.lines.len())..]
            .iter()
            .take(ROWS_LOOKED_AT)
            .take_while(|line| table::is_row(&line.text))
            .any(|line| {
                table::cells(&line.text)
                    .get(column)
                    .is_some_and(|(_, cell)| timeline_entry(cell, self.context).is_some())
            })
    }

    pub(super) fn read_timeline_row(
        &mut self,
        index: usize,
        cells: &[(usize, String)],
        time_column: usize,
        date_column: Option<usize>,
        headers: &[String],
    ) {
        let Some((time_at, time_cell)) = cells.get(time_column) else {
            self.warn(index, 0, "expected a table row with a time cell");
            return;
        };
        let date_cell = date_column
            .and_then(|i| cells.get(i))
            .map(|(_, cell)| cell.as_str());
        let date = date_cell.and_then(|cell| {
            find_date_in(cell, self.context)
                .map(|d| d.date)
                // `| 3/9 | 01:00 |`: a day without its year, the document's year known.
                .or_else(|| date_line(cell, self.context))
        });
        // `| Day 3 | 10:00 |`, `| Wed | 10:00 |`: the day counted or named, not a date.
        let day_marker = date_cell
            .filter(|_| date.is_none())
            .and_then(|cell| day_cell_marker(cell.trim()));
        // A day cell that says neither stays in the text (`| Before launch | 10:00 |`).
        let unread_day_cell = date_column.filter(|_| date.is_none() && day_marker.is_none());
        let Some(entry) = timeline_entry(time_cell, self.context) else {
            let others: Vec<&str> = cells
                .iter()
                .enumerate()
                .filter(|(i, (_, c))| *i != time_column && !c.is_empty())
                .map(|(_, (_, c))| c.as_str())
                .collect();
            if let Some(day) = date_line(time_cell, self.context) {
                // A row that names the day, for the rows under it until another is written.
                self.set_timeline_day(Some(day), true);
                if !others.is_empty() {
                    // ... and says what happened that day: not an event without a time,
                    // but kept for the page.
                    // `**Dec 18, 2025**` is bold already: bold once, not `****`.
                    let day_cell = crate::parse::markup::wholly_bold(time_cell)
                        .unwrap_or_else(|| time_cell.trim());
                    let note = format!("**{day_cell}** — {}", others.join(" — "));
                    self.keep_timeline_note(&note, true);
                }
                return;
            }
            if cells.iter().all(|(_, c)| c.is_empty()) {
                return; // an empty row, as templates leave
            }
            // A grid table's cell goes on over several lines: a line of it with no time goes
            // on with the row above.
            if time_cell.trim().is_empty() && self.continues_grid_row(index) {
                self.append_to_last_event(&others.join(" "));
                return;
            }
            self.warn(
                index,
                *time_at,
                "expected a time such as `14:05` or `2:05 PM` in this timeline row's time column; the row was not placed on the timeline but kept under \"Notes in the timeline\"",
            );
            let row: Vec<&str> = cells
                .iter()
                .map(|(_, c)| c.as_str())
                .filter(|c| !c.is_empty())
                .collect();
            self.keep_timeline_note(&row.join(" — "), true);
            return;
        };
        let mut parts = Vec::new();
        let own_text = tidy_entry_text(&entry.text_in(time_cell));
        // `| 19:31, 19:39 | Failures went on |`: a moment for each time the cell lists.
        let listed = listed_times(time_cell);
        if !own_text.is_empty() && listed.is_none() {
            parts.push(own_text);
        }
        // `| Actor | Time | Action |`: the column that says what happened leads the text.
        let lead = (0..cells.len()).find(|&i| {
            i != time_column
                && Some(i) != date_column
                && !cells[i].1.is_empty()
                && headers.get(i).is_some_and(|h| names_the_event(h))
        });
        let order = lead
            .into_iter()
            .chain((0..cells.len()).filter(|&i| Some(i) != lead));
        for i in order {
            let cell = &cells[i].1;
            let read_day = Some(i) == date_column && Some(i) != unread_day_cell;
            if i == time_column || read_day || cell.is_empty() {
                continue;
            }
            // `| 13:04 | 11:04 |` under `| CEST | UTC |`: the same moment in another zone.
            let restated = headers.get(i).is_some_and(|h| is_zone_header(h))
                && timeline_entry(cell, self.context)
                    .is_some_and(|e| e.text_in(cell).trim().is_empty());
            if restated {
                continue;
            }
            if parts.is_empty() {
                parts.push(cell.clone());
            } else {
                let header = headers.get(i).map_or("", String::as_str);
                if header.is_empty() {
                    parts.push(cell.clone());
                } else {
                    parts.push(format!("{header}: {cell}"));
                }
            }
        }
        let text = parts.join(" — ");
        // `| Datetime (UTC+2) | Event |`: the time column's header gives its rows' zone,
        // over a zone the text wrote elsewhere.
        let zone = entry.zone.or_else(|| {
            headers
                .get(time_column)
                .and_then(|header| header_zone(header))
        });
        if entry.date.is_none() {
            if let Some(marker) = day_marker {
                self.day_marker_pending = Some(marker);
            }
        }
        let date = entry.date.or(date);
        self.push_event(
            index,
            *time_at,
            date,
            entry.time,
            zone.clone(),
            text.clone(),
        );
        for time in listed.into_iter().flatten() {
            self.push_event(index, *time_at, date, time, zone.clone(), text.clone());
        }
    }

    /// The table rule under line `index` (`|---|---|`), when there is one.
    fn rule_under(&self, index: usize) -> Option<String> {
        let line = self.lines.get(index + 1)?.text.trim();
        table::is_separator(line).then(|| line.to_string())
    }

    /// `### Step 3: Promote (11:30:33 CET)` over a table of what was seen: the table belongs to
    /// the entry's section and stays a table in its text (header with its `rule`, then rows), not
    /// rows moved to the summary without their rule.
    fn table_into_event(&mut self, row: &str, rule: Option<String>) {
        let Some(event) = self.incident.timeline.last_mut() else {
            return;
        };
        match rule {
            Some(rule) => {
                event.text.push_str("\n\n");
                event.text.push_str(row);
                event.text.push('\n');
                event.text.push_str(&rule);
            }
            None => {
                event.text.push('\n');
                event.text.push_str(row);
            }
        }
    }

    /// A table row kept as prose in the part the reader is in.
    pub(super) fn append_table_prose(&mut self, text: &str) {
        let target = self.target.unwrap_or(Target::Summary);
        // A row of a table that lists incidents (`| 3 August — outage | Errors began around
        // 20:50. |`) may state moments, on the day its first cell names.
        if target.is_narrative() || target == Target::Timeline {
            let index = self.current;
            let cells = table::cells(text);
            let cell_day = cells
                .first()
                .and_then(|(_, cell)| heading_date(cell, self.context));
            let (heading_day, titles) = self.heading_day_in_force();
            let day = cell_day.or(heading_day);
            self.prose.push(ProseLine {
                line: self.lines[index].number,
                column_base: 0,
                raw_index: index,
                continues: false,
                day,
                title_day: cell_day.is_none() && self.day_line.is_none() && titles,
                year: self.context.year,
            });
        }
        let row = text.trim().to_string();
        if target == Target::Timeline {
            let rule = self.rule_under(self.current);
            if rule.is_some() {
                // A table under an entry's heading belongs to the entry's section.
                self.table_in_event = self.heading_event_open
                    && self
                        .incident
                        .timeline
                        .last()
                        .is_some_and(|event| !event.text.is_empty());
            }
            if self.table_in_event {
                self.table_into_event(&row, rule);
                return;
            }
        }
        match target {
            Target::ActionItems | Target::Improvements => self.incident.improvements.push(row),
            Target::Timeline => self.append_prose(Target::Summary, &row, true),
            _ => self.append_prose(target, &row, false),
        }
    }
}

/// The times after the first in a time cell that lists nothing but times (`19:31, 19:39`,
/// `09:10, 09:20 and 09:45`), or None.
fn listed_times(cell: &str) -> Option<Vec<NaiveTime>> {
    if !cell.contains([',', '&']) && !cell.contains(" and ") {
        return None;
    }
    let times: Option<Vec<NaiveTime>> = cell
        .split([',', '&'])
        .flat_map(|piece| piece.split(" and "))
        .map(|piece| {
            let piece = piece.trim();
            let clock = leading_clock(piece)?;
            (clock.len == piece.len()).then_some(clock.time)
        })
        .collect();
    times
        .filter(|times| times.len() >= 2)
        .map(|times| times[1..].to_vec())
}

/// Words that name a table's time column, in the languages postmortems are written in.
pub(super) const TIME_HEADERS: &[&str] = &[
    "time",
    "timestamp",
    "utc",
    "hora",
    "heure",
    "horaire",
    "zeit",
    "uhrzeit",
    "tijd",
    "ora",
    "horário",
    "waktu",
    "시간",
    "時刻",
    "時間",
    "时间",
];

/// How many rows [`Reader::time_column_from_rows`] looks at to find a time column.
const ROWS_LOOKED_AT: usize = 12;

/// The zone a time column's header names: `Datetime (UTC+2)`, `Time (PDT)`, or `Time (Z)`
/// (Zulu, as pilots and logs write UTC).
fn header_zone(header: &str) -> Option<FoundZone> {
    crate::parse::zone::find_zone(header).or_else(|| {
        let at = header.find("(Z)")? + 1;
        Some(FoundZone::fixed(crate::model::UtcOffset::UTC, "Z", at))
    })
}

/// True when a column's header names only a zone (`CEST`, `UTC`, `UTC+2`), maybe after a word
/// for time (`Time (SGT)`, `Local time (CEST)`, `Hora (UTC-3)`).
fn is_zone_header(header: &str) -> bool {
    let header = header.trim_matches(['*', '_', '`', ' ', '(', ')']);
    let lower = header.to_ascii_lowercase();
    let words = [
        "local time",
        "time",
        "hora",
        "heure",
        "uhrzeit",
        "zeit",
        "waktu",
    ];
    let zone = words
        .iter()
        .find(|word| lower.starts_with(*word))
        .map_or(header, |word| {
            header[word.len()..].trim_start_matches([' ', '('])
        })
        .trim_end_matches(')');
    crate::parse::zone::zone_at_start(zone).is_some_and(|found| found.label.len() == zone.len())
}

/// The day a table's day cell counts or names: `Day 3`, `D+1`, `+2d` (days after the first),
/// `Wed`, `Wednesday` (the next such weekday).
fn day_cell_marker(cell: &str) -> Option<DayMarker> {
    if let Some((marker, len)) = days_after_marker(cell) {
        return (len == cell.len()).then_some(marker);
    }
    weekday_alone(cell).map(DayMarker::Weekday)
}

/// True when a table's header names the column that says what happened (`Event`, `Action`,
/// `Description`, `What happened`, `What`).
fn names_the_event(header: &str) -> bool {
    const NAMES: [&str; 12] = [
        "event",
        "events",
        "action",
        "actions",
        "description",
        "what happened",
        "what",
        "summary",
        "details",
        "activity",
        "ereignis",
        "evento",
    ];
    let header = header.trim().trim_matches(['*', '_']);
    NAMES.iter().any(|name| header.eq_ignore_ascii_case(name))
}
