//! UTC offsets as postmortems state them: `UTC`, `UTC-5`, `UTC+05:30`, `GMT-5`, the usual
//! abbreviations (PST, EDT, CET, IST, ...), pairs that follow daylight saving time
//! (`PST/PDT`, `CET/CEST`) and zone names (`US/Pacific`, `Europe/Berlin`). Ambiguous
//! abbreviations are read as their most common meaning, and the reader is told which.
//!
//! Daylight saving time follows a small rule table (US rules since 2007, EU rules since 1996)
//! rather than the full tz database, which is too big for the page.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::scan::{capitals, find_byte};
use crate::model::UtcOffset;

/// When a zone switches to summer time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DstRule {
    /// Second Sunday in March 02:00 local to first Sunday in November 02:00 local.
    Us,
    /// Last Sunday in March 01:00 UTC to last Sunday in October 01:00 UTC.
    Eu,
}

/// Zone names and pairs that follow a rule: (name, standard offset in minutes, rule).
const RULED: &[(&str, i32, Option<DstRule>)] = &[
    ("US/Pacific", -8 * 60, Some(DstRule::Us)),
    ("America/Los_Angeles", -8 * 60, Some(DstRule::Us)),
    ("US/Mountain", -7 * 60, Some(DstRule::Us)),
    ("America/Denver", -7 * 60, Some(DstRule::Us)),
    ("US/Central", -6 * 60, Some(DstRule::Us)),
    ("America/Chicago", -6 * 60, Some(DstRule::Us)),
    ("US/Eastern", -5 * 60, Some(DstRule::Us)),
    ("America/New_York", -5 * 60, Some(DstRule::Us)),
    ("America/Toronto", -5 * 60, Some(DstRule::Us)),
    ("PST/PDT", -8 * 60, Some(DstRule::Us)),
    ("PDT/PST", -8 * 60, Some(DstRule::Us)),
    ("MST/MDT", -7 * 60, Some(DstRule::Us)),
    ("CST/CDT", -6 * 60, Some(DstRule::Us)),
    ("EST/EDT", -5 * 60, Some(DstRule::Us)),
    ("EDT/EST", -5 * 60, Some(DstRule::Us)),
    ("Pacific Time", -8 * 60, Some(DstRule::Us)),
    ("Mountain Time", -7 * 60, Some(DstRule::Us)),
    ("Central Time", -6 * 60, Some(DstRule::Us)),
    ("Eastern Time", -5 * 60, Some(DstRule::Us)),
    ("Europe/London", 0, Some(DstRule::Eu)),
    ("Europe/Dublin", 0, Some(DstRule::Eu)),
    ("Europe/Lisbon", 0, Some(DstRule::Eu)),
    ("GMT/BST", 0, Some(DstRule::Eu)),
    ("Europe/Amsterdam", 60, Some(DstRule::Eu)),
    ("Europe/Berlin", 60, Some(DstRule::Eu)),
    ("Europe/Brussels", 60, Some(DstRule::Eu)),
    ("Europe/Copenhagen", 60, Some(DstRule::Eu)),
    ("Europe/Madrid", 60, Some(DstRule::Eu)),
    ("Europe/Oslo", 60, Some(DstRule::Eu)),
    ("Europe/Paris", 60, Some(DstRule::Eu)),
    ("Europe/Prague", 60, Some(DstRule::Eu)),
    ("Europe/Rome", 60, Some(DstRule::Eu)),
    ("Europe/Stockholm", 60, Some(DstRule::Eu)),
    ("Europe/Vienna", 60, Some(DstRule::Eu)),
    ("Europe/Warsaw", 60, Some(DstRule::Eu)),
    ("Europe/Zurich", 60, Some(DstRule::Eu)),
    ("CET/CEST", 60, Some(DstRule::Eu)),
    ("Europe/Athens", 2 * 60, Some(DstRule::Eu)),
    ("Europe/Bucharest", 2 * 60, Some(DstRule::Eu)),
    ("Europe/Helsinki", 2 * 60, Some(DstRule::Eu)),
    ("Europe/Kiev", 2 * 60, Some(DstRule::Eu)),
    ("Europe/Kyiv", 2 * 60, Some(DstRule::Eu)),
    ("EET/EEST", 2 * 60, Some(DstRule::Eu)),
    ("Asia/Tokyo", 9 * 60, None),
    ("Asia/Seoul", 9 * 60, None),
    ("Asia/Shanghai", 8 * 60, None),
    ("Asia/Singapore", 8 * 60, None),
    ("Asia/Kolkata", 5 * 60 + 30, None),
    ("Asia/Calcutta", 5 * 60 + 30, None),
    ("Etc/UTC", 0, None),
    // Spelled out, as timeline headings write them: `Timeline (West African Time)`.
    ("Coordinated Universal Time", 0, None),
    ("Greenwich Mean Time", 0, None),
    ("West Africa Time", 60, None),
    ("West African Time", 60, None),
    ("Central Africa Time", 2 * 60, None),
    ("Central African Time", 2 * 60, None),
    ("East Africa Time", 3 * 60, None),
    ("East African Time", 3 * 60, None),
    ("Western European Time", 0, Some(DstRule::Eu)),
    ("Central European Summer Time", 2 * 60, None),
    ("Central European Time", 60, Some(DstRule::Eu)),
    ("Eastern European Time", 2 * 60, Some(DstRule::Eu)),
    ("British Summer Time", 60, None),
    ("India Standard Time", 5 * 60 + 30, None),
    ("Indian Standard Time", 5 * 60 + 30, None),
    ("China Standard Time", 8 * 60, None),
    ("Japan Standard Time", 9 * 60, None),
    ("Korea Standard Time", 9 * 60, None),
    ("Pacific Standard Time", -8 * 60, None),
    ("Pacific Daylight Time", -7 * 60, None),
    ("Mountain Standard Time", -7 * 60, None),
    ("Mountain Daylight Time", -6 * 60, None),
    ("Central Standard Time", -6 * 60, None),
    ("Central Daylight Time", -5 * 60, None),
    ("Eastern Standard Time", -5 * 60, None),
    ("Eastern Daylight Time", -4 * 60, None),
    // A city and "time": `(Nairobi time)`, `Kigali Time`.
    ("Lagos time", 60, None),
    ("Abuja time", 60, None),
    ("Kinshasa time", 60, None),
    ("Accra time", 0, None),
    ("Kigali time", 2 * 60, None),
    ("Johannesburg time", 2 * 60, None),
    ("Cairo time", 2 * 60, None),
    ("Nairobi time", 3 * 60, None),
    ("Kampala time", 3 * 60, None),
    ("Addis Ababa time", 3 * 60, None),
    ("Dar es Salaam time", 3 * 60, None),
    ("Moscow time", 3 * 60, None),
    ("Istanbul time", 3 * 60, None),
    ("Dubai time", 4 * 60, None),
    ("India time", 5 * 60 + 30, None),
    ("Mumbai time", 5 * 60 + 30, None),
    ("Bangalore time", 5 * 60 + 30, None),
    ("Singapore time", 8 * 60, None),
    ("Hong Kong time", 8 * 60, None),
    ("Tokyo time", 9 * 60, None),
    ("Seoul time", 9 * 60, None),
    ("London time", 0, Some(DstRule::Eu)),
    ("Berlin time", 60, Some(DstRule::Eu)),
    ("Paris time", 60, Some(DstRule::Eu)),
    ("New York time", -5 * 60, Some(DstRule::Us)),
    ("Chicago time", -6 * 60, Some(DstRule::Us)),
    ("Denver time", -7 * 60, Some(DstRule::Us)),
    ("San Francisco time", -8 * 60, Some(DstRule::Us)),
    ("Los Angeles time", -8 * 60, Some(DstRule::Us)),
    ("Seattle time", -8 * 60, Some(DstRule::Us)),
    // Latin America, in English (`Lima time`); Spanish and Portuguese name the city after
    // the word for the hour (`hora Lima`, `horário de Brasília`: see `CITY_HOURS`).
    ("Lima time", -5 * 60, None),
    ("Bogota time", -5 * 60, None),
    ("Mexico City time", -6 * 60, None),
    ("Caracas time", -4 * 60, None),
    ("Buenos Aires time", -3 * 60, None),
    ("Montevideo time", -3 * 60, None),
    ("Sao Paulo time", -3 * 60, None),
];

/// An offset found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundZone {
    /// The offset.
    pub offset: UtcOffset,
    /// The zone as written, e.g. `UTC-5` or `PST`.
    pub label: String,
    /// Byte offset where it was written.
    pub at: usize,
    /// Set when the abbreviation has other meanings: says which one was chosen.
    pub ambiguity: Option<String>,
    /// The summer-time rule, for zones such as `US/Pacific` or `PST/PDT`; `offset` is then
    /// the standard (winter) offset.
    pub rule: Option<DstRule>,
}

impl FoundZone {
    /// A fixed offset written as `label` at byte `at` (`+05:30`, `Z`, `UTC`): no summer time,
    /// nothing ambiguous about it.
    pub fn fixed(offset: UtcOffset, label: &str, at: usize) -> FoundZone {
        FoundZone {
            offset,
            label: label.to_string(),
            at,
            ambiguity: None,
            rule: None,
        }
    }

    /// The offset in force at a local `date` and `time`: summer time when the rule says so.
    pub fn offset_on(&self, date: Option<NaiveDate>, time: NaiveTime) -> UtcOffset {
        let (Some(rule), Some(date)) = (self.rule, date) else {
            return self.offset;
        };
        let local = NaiveDateTime::new(date, time);
        let standard = Duration::minutes(i64::from(self.offset.minutes()));
        let summer = match rule {
            DstRule::Us => {
                let begins = nth_sunday(date.year(), 3, 2).and_hms_opt(2, 0, 0);
                let ends = nth_sunday(date.year(), 11, 1).and_hms_opt(2, 0, 0);
                matches!((begins, ends), (Some(b), Some(e)) if local >= b && local < e)
            }
            DstRule::Eu => {
                let utc = local - standard;
                let begins = last_sunday(date.year(), 3).and_hms_opt(1, 0, 0);
                let ends = last_sunday(date.year(), 10).and_hms_opt(1, 0, 0);
                matches!((begins, ends), (Some(b), Some(e)) if utc >= b && utc < e)
            }
        };
        let minutes = self.offset.minutes() + if summer { 60 } else { 0 };
        UtcOffset::from_minutes(minutes).unwrap_or(self.offset)
    }
}

/// The `n`th Sunday of a month (1-based); falls back to the first of the month.
fn nth_sunday(year: i32, month: u32, n: u8) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, n)
        .or_else(|| NaiveDate::from_ymd_opt(year, month, 1))
        .unwrap_or_default()
}

/// The last Sunday of a month.
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let fifth = NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Sun, 5);
    fifth.unwrap_or_else(|| nth_sunday(year, month, 4))
}

/// Abbreviation, hours east of UTC (in minutes), the other meanings if ambiguous, and how the
/// regions that use it write numeric dates.
const ABBREVIATIONS: &[(&str, i32, &str, Custom)] = &[
    ("UTC", 0, "", Custom::Either),
    // GMT names the wall clock of Britain, Ireland and West Africa, which write days first;
    // UTC and Z are written everywhere.
    ("GMT", 0, "", Custom::DayFirst),
    ("Z", 0, "", Custom::Either),
    ("PST", -8 * 60, "", Custom::MonthFirst),
    ("PDT", -7 * 60, "", Custom::MonthFirst),
    ("MST", -7 * 60, "", Custom::MonthFirst),
    ("MDT", -6 * 60, "", Custom::MonthFirst),
    (
        "CST",
        -6 * 60,
        "China Standard Time (UTC+08:00) or Cuba Standard Time (UTC-05:00)",
        Custom::Either,
    ),
    ("CDT", -5 * 60, "", Custom::MonthFirst),
    ("EST", -5 * 60, "", Custom::MonthFirst),
    ("EDT", -4 * 60, "", Custom::MonthFirst),
    ("AKST", -9 * 60, "", Custom::MonthFirst),
    ("AKDT", -8 * 60, "", Custom::MonthFirst),
    ("HST", -10 * 60, "", Custom::MonthFirst),
    ("WET", 0, "", Custom::DayFirst),
    ("WEST", 60, "", Custom::DayFirst),
    (
        "BST",
        60,
        "Bangladesh Standard Time (UTC+06:00)",
        Custom::DayFirst,
    ),
    (
        "IST",
        5 * 60 + 30,
        "Irish Standard Time (UTC+01:00) or Israel Standard Time (UTC+02:00)",
        Custom::DayFirst,
    ),
    ("CET", 60, "", Custom::DayFirst),
    ("CEST", 2 * 60, "", Custom::DayFirst),
    // German for CET and CEST (Mitteleuropäische (Sommer)zeit).
    ("MEZ", 60, "", Custom::DayFirst),
    ("MESZ", 2 * 60, "", Custom::DayFirst),
    ("EET", 2 * 60, "", Custom::DayFirst),
    ("EEST", 3 * 60, "", Custom::DayFirst),
    ("MSK", 3 * 60, "", Custom::DayFirst),
    ("SGT", 8 * 60, "", Custom::DayFirst),
    ("HKT", 8 * 60, "", Custom::DayFirst),
    ("JST", 9 * 60, "", Custom::Either),
    ("KST", 9 * 60, "", Custom::Either),
    ("AEST", 10 * 60, "", Custom::DayFirst),
    ("AEDT", 11 * 60, "", Custom::DayFirst),
    ("ACST", 9 * 60 + 30, "", Custom::DayFirst),
    ("ACDT", 10 * 60 + 30, "", Custom::DayFirst),
    ("AWST", 8 * 60, "", Custom::DayFirst),
    ("NZST", 12 * 60, "", Custom::DayFirst),
    ("NZDT", 13 * 60, "", Custom::DayFirst),
    ("WAT", 60, "", Custom::DayFirst),
    ("CAT", 2 * 60, "", Custom::DayFirst),
    ("EAT", 3 * 60, "", Custom::DayFirst),
    ("SAST", 2 * 60, "", Custom::DayFirst),
    ("TRT", 3 * 60, "", Custom::Either),
    (
        "GST",
        4 * 60,
        "South Georgia Time (UTC-02:00)",
        Custom::Either,
    ),
    ("PKT", 5 * 60, "", Custom::DayFirst),
    ("NPT", 5 * 60 + 45, "", Custom::Either),
    ("ICT", 7 * 60, "", Custom::Either),
    ("WIB", 7 * 60, "", Custom::DayFirst),
    ("PHT", 8 * 60, "", Custom::Either),
    ("BRT", -3 * 60, "", Custom::Either),
    ("ART", -3 * 60, "", Custom::Either),
    ("CLT", -4 * 60, "", Custom::Either),
    ("NST", -(3 * 60 + 30), "", Custom::Either),
    (
        "AST",
        -4 * 60,
        "Arabia Standard Time (UTC+03:00)",
        Custom::Either,
    ),
];

/// Finds the first time zone written in `text`: an abbreviation as a whole upper-case word,
/// optionally followed by an offset (`UTC-5`, `GMT+05:30`, `UTC+0530`).
pub fn find_zone(text: &str) -> Option<FoundZone> {
    capital_words(text, |at, end| zone_at(text, at, end))
}

/// The zone that the word of `text` from `at` to `end` (a capital at a word start) opens, as
/// [`find_zone`] reads it.
fn zone_at(text: &str, at: usize, end: usize) -> Option<FoundZone> {
    ruled_zone(text, at)
        .or_else(|| zone_word(text, at, end).filter(|_| !after_acronym(text, at)))
        .or_else(|| city_hour(text, at))
}

/// Places whose hour Spanish and Portuguese name after the word for it (`hora Lima`, `hora
/// de Bogotá`, `horário de Brasília`), with their offsets; none keeps summer time now.
const CITY_HOURS: [(&str, i32); 13] = [
    ("Lima", -5 * 60),
    ("Perú", -5 * 60),
    ("Bogotá", -5 * 60),
    ("Colombia", -5 * 60),
    ("Ciudad de México", -6 * 60),
    ("CDMX", -6 * 60),
    ("Caracas", -4 * 60),
    ("Venezuela", -4 * 60),
    ("Buenos Aires", -3 * 60),
    ("Argentina", -3 * 60),
    ("Montevideo", -3 * 60),
    ("Uruguay", -3 * 60),
    ("Brasília", -3 * 60),
];

/// `hora Lima`, `hora de Bogotá`, `horário de Brasília`: a place of [`CITY_HOURS`] at `at`
/// right after the word for the hour.
fn city_hour(text: &str, at: usize) -> Option<FoundZone> {
    let rest = &text[at..];
    let first = rest.as_bytes().first()?;
    let &(name, minutes) = CITY_HOURS
        .iter()
        .find(|(name, _)| name.as_bytes()[0] == *first && rest.starts_with(name))?;
    // Only the few bytes before the place matter: `horário de ` is the longest lead.
    let mut from = at.saturating_sub(16);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = text[from..at].to_lowercase();
    let before = before.trim_end();
    let before = before.strip_suffix(" de").unwrap_or(before);
    let hour_word = ["hora", "horário", "horario"].iter().any(|word| {
        before.ends_with(word)
            && !before[..before.len() - word.len()].ends_with(char::is_alphabetic)
    });
    if !hour_word {
        return None;
    }
    Some(FoundZone::fixed(
        UtcOffset::from_minutes(minutes)?,
        name,
        at,
    ))
}

/// Calls `visit` with the start and end of each word of `text` that opens with an upper-case
/// letter, until it gives something back.
fn capital_words<T>(text: &str, mut visit: impl FnMut(usize, usize) -> Option<T>) -> Option<T> {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Only an upper-case letter can start a zone: jump from one to the next.
    while let Some(found) = find_byte(bytes, at, capitals, |b| b.is_ascii_uppercase()) {
        at = found;
        if at > 0 && bytes[at - 1].is_ascii_alphanumeric() {
            at += 1;
            continue;
        }
        let end = at
            + bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
        if let Some(found) = visit(at, end) {
            return Some(found);
        }
        at = end;
    }
    None
}

/// True when the word starting at `at` comes right after another word of capitals that is
/// neither a zone nor AM/PM: `NHM ICT` (a team) and `IT EST` are names, not zones.
fn after_acronym(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix(' ') else {
        return false;
    };
    let start = before.len()
        - before
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count();
    let word = &before[start..];
    // `2305HRS EAT`: a word glued to a number is part of the time.
    let standalone = !before[..start].ends_with(|c: char| c.is_ascii_digit());
    standalone
        && word.len() >= 2
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && !matches!(word, "AM" | "PM")
        && zone_word(before, start, before.len()).is_none()
}

/// The part of the day that Chinese and Japanese write before a time (`下午 3:00`, `午前10時`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayPart {
    /// `上午`, `早上`, `凌晨`, `午前`: before noon (`12` is midnight).
    Morning,
    /// `中午`: around noon (`12` stays, `1` is 13:00).
    Noon,
    /// `下午`, `晚上`, `傍晚`, `午後`: after noon.
    Afternoon,
}

impl DayPart {
    /// The 24-hour hour of `hour` written on a 12-hour clock in this part of the day.
    pub fn hour(self, hour: u32) -> u32 {
        match (self, hour) {
            (DayPart::Morning, 12) => 0,
            (DayPart::Noon, 1..=5) | (DayPart::Afternoon, 1..=11) => hour + 12,
            _ => hour,
        }
    }

    /// `time` read on a 12-hour clock in this part of the day (`下午 3:00` is 15:00); a 24-hour
    /// time (`下午 15:00`) stays as written.
    pub fn on(self, time: chrono::NaiveTime) -> chrono::NaiveTime {
        use chrono::Timelike;
        time.with_hour(self.hour(time.hour())).unwrap_or(time)
    }
}

/// The words for a part of the day written before a time, in Chinese, Japanese and Korean.
const DAY_PARTS: [(&str, DayPart); 16] = [
    ("上午", DayPart::Morning),
    ("早上", DayPart::Morning),
    ("凌晨", DayPart::Morning),
    ("清晨", DayPart::Morning),
    ("午前", DayPart::Morning),
    ("中午", DayPart::Noon),
    ("下午", DayPart::Afternoon),
    ("晚上", DayPart::Afternoon),
    ("傍晚", DayPart::Afternoon),
    ("夜里", DayPart::Afternoon),
    ("夜間", DayPart::Afternoon),
    ("午後", DayPart::Afternoon),
    ("오전", DayPart::Morning),
    ("새벽", DayPart::Morning),
    ("오후", DayPart::Afternoon),
    ("저녁", DayPart::Afternoon),
];

/// A part of the day opening `text` (`下午2点05分`, `오후 2시 5분`) and its length with the
/// spaces after it.
pub fn leading_day_part(text: &str) -> Option<(DayPart, usize)> {
    // Every word above starts with a byte that is not ASCII: most texts stop here.
    if text.as_bytes().first().is_none_or(u8::is_ascii) {
        return None;
    }
    DAY_PARTS.iter().find_map(|(word, part)| {
        let rest = text.strip_prefix(word)?;
        Some((*part, text.len() - rest.trim_start_matches(' ').len()))
    })
}

/// A part of the day ending `lead`, the text right before a time (`2021年11月25日午後` before
/// `3時`, `오후 ` before `2시`).
pub fn trailing_day_part(lead: &str) -> Option<DayPart> {
    let lead = lead.trim_end_matches(' ');
    if lead.as_bytes().last().is_none_or(u8::is_ascii) {
        return None;
    }
    DAY_PARTS
        .iter()
        .find_map(|(word, part)| lead.ends_with(word).then_some(*part))
}

/// What Chinese and Japanese write right before a time, as it ends `lead`: a zone named in
/// words (`北京时间`, `美国东部时间`, `日本時間`), a part of the day (`下午`), or both
/// (`太平洋时间上午 9:00`).
pub fn cjk_lead(lead: &str) -> (Option<FoundZone>, Option<DayPart>) {
    // (written name, the zone it names)
    const ZONES: [(&str, &str); 16] = [
        ("北京时间", "UTC+8"),
        ("北京時間", "UTC+8"),
        ("香港时间", "UTC+8"),
        ("香港時間", "UTC+8"),
        ("港时", "UTC+8"),
        ("港時", "UTC+8"),
        ("美国东部时间", "US/Eastern"),
        ("美東時間", "US/Eastern"),
        ("东部时间", "US/Eastern"),
        ("美国太平洋时间", "US/Pacific"),
        ("太平洋时间", "US/Pacific"),
        ("太平洋時間", "US/Pacific"),
        ("日本时间", "UTC+9"),
        ("日本時間", "UTC+9"),
        ("格林尼治时间", "UTC"),
        ("协调世界时", "UTC"),
    ];
    let mut rest = lead.trim_end();
    // Every word above ends in a Chinese or Japanese character: most leads end otherwise.
    if rest.as_bytes().last().is_none_or(u8::is_ascii) {
        return (None, None);
    }
    // `港时约 19:30`: "about" between the zone and the time.
    rest = rest.trim_end_matches(['约', '約']).trim_end();
    let part = DAY_PARTS.iter().find_map(|(word, part)| {
        let before = rest.strip_suffix(word)?;
        rest = before.trim_end();
        Some(*part)
    });
    let zone = ZONES.iter().find_map(|(word, zone)| {
        let before = rest.strip_suffix(word)?;
        let mut found = find_zone(zone)?;
        found.label = (*word).to_string();
        found.at = before.len(); // in `lead`
        Some(found)
    });
    (zone, part)
}

/// The zone written at the very start of `text` (what [`find_zone`] finds when it finds one at
/// byte 0), without looking at the rest of the text.
pub fn zone_at_start(text: &str) -> Option<FoundZone> {
    let bytes = text.as_bytes();
    if !bytes.first()?.is_ascii_uppercase() {
        return None;
    }
    ruled_zone(text, 0).or_else(|| {
        let end = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        zone_word(text, 0, end)
    })
}

/// Reads a zone name or summer-time pair (`US/Pacific`, `PST/PDT`) starting at `start`.
/// Indexes into [`RULED`] by the name's first two letters (in any case), built once: the
/// reader looks up every capitalised word, and most start no zone name.
fn ruled_by_initials() -> &'static [[Vec<u8>; 26]; 26] {
    static INDEX: std::sync::OnceLock<[[Vec<u8>; 26]; 26]> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: [[Vec<u8>; 26]; 26] = Default::default();
        for (i, (name, ..)) in RULED.iter().enumerate() {
            let slot = letter_index(name.as_bytes(), 0)
                .zip(letter_index(name.as_bytes(), 1))
                .and_then(|(first, second)| index.get_mut(first)?.get_mut(second));
            if let (Some(slot), Ok(i)) = (slot, u8::try_from(i)) {
                slot.push(i);
            }
        }
        index
    })
}

/// `bytes[at]` as a letter index (`a`/`A` is 0), if it is an ASCII letter.
fn letter_index(bytes: &[u8], at: usize) -> Option<usize> {
    let b = bytes.get(at)?.to_ascii_lowercase();
    b.is_ascii_lowercase().then(|| usize::from(b - b'a'))
}

fn ruled_zone(text: &str, start: usize) -> Option<FoundZone> {
    let rest = &text[start..];
    let (first, second) = (
        letter_index(rest.as_bytes(), 0)?,
        letter_index(rest.as_bytes(), 1)?,
    );
    let candidates = ruled_by_initials().get(first)?.get(second)?;
    let &(name, minutes, rule) =
        candidates
            .iter()
            .map(|&i| &RULED[usize::from(i)])
            .find(|(name, ..)| {
                // The third letter first: `AM` and `America/Chicago` part there.
                let third = |text: &str| text.as_bytes().get(2).map(u8::to_ascii_lowercase);
                third(name) == third(rest)
                    && rest
                        .get(..name.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(name))
                    && !rest[name.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
            })?;
    Some(FoundZone {
        offset: UtcOffset::from_minutes(minutes)?,
        label: rest[..name.len()].to_string(),
        at: start,
        ambiguity: None,
        rule,
    })
}

/// The short names of the US zones and the zone each stands for.
const SHORT_US_ZONES: [(&str, &str); 4] = [
    ("PT", "US/Pacific"),
    ("ET", "US/Eastern"),
    ("CT", "US/Central"),
    ("MT", "US/Mountain"),
];

/// How the regions that use a zone write numeric dates such as `07/09/2023`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Custom {
    /// `07/09/2023` is 7 September (West Africa, Europe, Australia, much of Asia).
    DayFirst,
    /// `07/09/2023` is July 9 (the United States).
    MonthFirst,
    /// The abbreviation is ambiguous or its regions differ.
    Either,
}

/// The date custom of the zone abbreviation `word` (`WAT`, `PST`, `PT`), with the
/// abbreviation as the table spells it; `None` for a word that names no zone.
pub fn date_custom(word: &str) -> Option<(Custom, &'static str)> {
    if let Some(&(abbr, ..)) = SHORT_US_ZONES.iter().find(|(abbr, _)| *abbr == word) {
        return Some((Custom::MonthFirst, abbr));
    }
    ABBREVIATIONS
        .iter()
        .find(|(abbr, ..)| *abbr == word)
        .map(|&(abbr, _, _, custom)| (custom, abbr))
}

/// `PT`, `ET`, `CT`, `MT`, or a region's name (`Pacific`), at the start of `text` (as written
/// right after a clock): the US zone each stands for, following daylight saving time. Too
/// short or too common to look for in prose.
pub fn short_us_zone(text: &str) -> Option<FoundZone> {
    // Every abbreviation and region starts with one of these capitals.
    if !text.starts_with(['P', 'E', 'C', 'M']) {
        return None;
    }
    let (abbr, name) = SHORT_US_ZONES
        .into_iter()
        .chain(US_REGIONS)
        .find(|(abbr, _)| {
            text.strip_prefix(abbr).is_some_and(|after| {
                let word_ends = !after.starts_with(|c: char| c.is_alphanumeric());
                // `2pm Pacific`, not `Central Park`: a region's name is no zone before a name.
                let names_a_place = abbr.len() > 2
                    && after
                        .strip_prefix(' ')
                        .is_some_and(|next| next.starts_with(|c: char| c.is_uppercase()));
                word_ends && !names_a_place
            })
        })?;
    let zone = ruled_zone(name, 0)?;
    Some(FoundZone {
        label: abbr.to_string(),
        ..zone
    })
}

/// The US regions whose names alone stand for their zones (`2pm Eastern`, `All times
/// Pacific.`).
const US_REGIONS: [(&str, &str); 4] = [
    ("Pacific", "US/Pacific"),
    ("Eastern", "US/Eastern"),
    ("Central", "US/Central"),
    ("Mountain", "US/Mountain"),
];

/// `PT`, `ET`, `CT` or `MT` as the word of `text` from `at` to `end`, where the line states
/// it as the zone of its times: in parentheses (`## Timeline (PT)`) or after `times` or `in`
/// (`All times ET.`, `times in PT`), not in prose, where two capitals are too often something
/// else. The regions' names alone are read the same way: `All times Pacific.`, `(times in
/// Eastern)`.
fn stated_short_zone_at(text: &str, at: usize, end: usize) -> Option<FoundZone> {
    // Most capital words are no such name: one comparison each before any look-up.
    let word = &text[at..end];
    if !SHORT_US_ZONES
        .iter()
        .chain(&US_REGIONS)
        .any(|(abbr, _)| *abbr == word)
    {
        return None;
    }
    let mut zone = short_us_zone(&text[at..]).filter(|zone| zone.label.len() == end - at)?;
    let region = end - at != 2;
    let after = text[end..].trim_start();
    let before = text[..at].trim_end().to_ascii_lowercase();
    let ends_statement = after.is_empty() || after.starts_with([')', '.', ',', ';', ':']);
    // A region's name after a bare `in` is a place (`the outage in Central`).
    let opens_statement = before.ends_with('(')
        || (before.ends_with(" in")
            && (!region || before.ends_with("times in") || before.ends_with("times are in")))
        || before.ends_with("times")
        || before.ends_with("times are");
    (ends_statement && opens_statement).then(|| {
        zone.at = at;
        zone
    })
}

/// A zone the line states for the times under it: any zone [`find_zone`] reads, else a short
/// US one where the line states it ([`stated_short_zone_at`]), in one pass over the line.
pub fn find_stated_zone(text: &str) -> Option<FoundZone> {
    let mut short = None;
    let zone = capital_words(text, |at, end| {
        if short.is_none() {
            short = stated_short_zone_at(text, at, end);
        }
        zone_at(text, at, end)
    });
    zone.or(short)
}

/// Reads a numeric offset or `Z` written right after a clock (`+05:30`, `-0500`, `Z`):
/// (offset, bytes taken).
pub fn attached_offset(rest: &str) -> Option<(UtcOffset, usize)> {
    if rest.starts_with(['Z', 'z']) && !rest[1..].starts_with(|c: char| c.is_alphanumeric()) {
        return Some((UtcOffset::UTC, 1));
    }
    if !rest.starts_with(['+', '-']) {
        return None;
    }
    let digits = rest[1..].bytes().take_while(u8::is_ascii_digit).count();
    if digits != 2 && digits != 4 {
        return None;
    }
    let (minutes, len) = explicit_offset(rest)?;
    // Zones in use lie between UTC-12 and UTC+14: `13.15-16 Uhr` ends a range at 16:00.
    if !(-12 * 60..=14 * 60).contains(&minutes) {
        return None;
    }
    // Offsets in use are whole hours, or a half or three quarters past one; a clock follows
    // `09:40:00-09:42:00` (a range with seconds), never an offset.
    let clock_after =
        rest[len..].starts_with(':') && rest[len + 1..].starts_with(|c: char| c.is_ascii_digit());
    if !matches!(minutes.abs() % 60, 0 | 30 | 45) || clock_after {
        return None;
    }
    Some((UtcOffset::from_minutes(minutes)?, len))
}

/// Reads the zone whose abbreviation spans `start..end` of `text`, with any offset after it.
fn zone_word(text: &str, start: usize, end: usize) -> Option<FoundZone> {
    let word = &text[start..end];
    // "Z" alone is too common a letter; it only counts right after a clock, which `leading_zone` handles.
    // Every other abbreviation is three or four capitals: most words are ruled out at once.
    if !(3..=4).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let &(abbr, minutes, others, _) = ABBREVIATIONS.iter().find(|(abbr, ..)| *abbr == word)?;
    let (delta, offset_len) = if abbr == "UTC" || abbr == "GMT" {
        explicit_offset(&text[end..]).unwrap_or((0, 0))
    } else {
        (0, 0)
    };
    let offset = UtcOffset::from_minutes(minutes + delta)?;
    let ambiguity = (!others.is_empty())
        .then(|| format!(
            "{abbr} was read as UTC{offset}; it can also mean {others}: expected an explicit offset such as UTC{offset} to be sure"
        ));
    Some(FoundZone {
        offset,
        label: text[start..end + offset_len].to_string(),
        at: start,
        ambiguity,
        rule: None,
    })
}

/// Reads `-5`, `+05:30`, `+0530`, `−5` right after `UTC`/`GMT`: (minutes, bytes taken).
fn explicit_offset(rest: &str) -> Option<(i32, usize)> {
    let mut chars = rest.char_indices();
    let (_, sign_char) = chars.next()?;
    let sign = match sign_char {
        '+' => 1,
        '-' | '\u{2212}' | '\u{2013}' => -1,
        _ => return None,
    };
    let body = &rest[sign_char.len_utf8()..];
    let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
    let mut taken = sign_char.len_utf8() + digits.len();
    let (hours, mut minutes) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if digits.len() <= 2 {
        if let Some(after) = body[digits.len()..].strip_prefix(':') {
            let mins: String = after.chars().take_while(char::is_ascii_digit).collect();
            if mins.len() == 2 {
                minutes = mins.parse().ok()?;
                taken += 3;
            }
        }
    }
    (hours <= 18 && minutes < 60).then_some((sign * (hours * 60 + minutes), taken))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(text: &str) -> Option<(i32, String, bool)> {
        find_zone(text).map(|z| (z.offset.minutes(), z.label, z.ambiguity.is_some()))
    }

    #[test]
    fn hong_kong_time_in_chinese_words_is_read_before_a_time() {
        let lead = |text: &str| {
            cjk_lead(text)
                .0
                .map(|z| (z.offset.minutes(), z.label, z.at))
        };
        assert_eq!(lead("用户反馈，港时约"), Some((480, "港时".into(), 15)));
        assert_eq!(lead("香港時間 "), Some((480, "香港時間".into(), 0)));
        assert_eq!(lead("用户反馈"), None);
    }

    #[test]
    fn reads_short_us_zones_only_where_a_line_states_them() {
        let stated = |text: &str| find_stated_zone(text).map(|z| (z.label, z.at));
        assert_eq!(stated("## Timeline (PT)"), Some(("PT".into(), 13)));
        assert_eq!(stated("All times ET."), Some(("ET".into(), 10)));
        assert_eq!(stated("Times in CT:"), Some(("CT".into(), 9)));
        // Summer time follows the date: PDT in July, PST in January.
        let pacific = find_stated_zone("(PT)").unwrap();
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap();
        assert_eq!(pacific.offset_on(day("2024-07-01"), noon).minutes(), -420);
        assert_eq!(pacific.offset_on(day("2024-01-15"), noon).minutes(), -480);
        for text in [
            "ET phone home",
            "the PT team rota",
            "(PT = physiotherapy)",
            "MT-5 mount",
            "a CT scan",
            "PTO",
        ] {
            assert_eq!(stated(text), None, "{text}");
        }
    }

    #[test]
    fn reads_offsets_and_abbreviations() {
        assert_eq!(
            zone("10:00 AM (UTC-5)"),
            Some((-300, "UTC-5".into(), false))
        );
        assert_eq!(zone("UTC+05:30"), Some((330, "UTC+05:30".into(), false)));
        assert_eq!(zone("GMT-5 and"), Some((-300, "GMT-5".into(), false)));
        assert_eq!(zone("all times in UTC."), Some((0, "UTC".into(), false)));
        assert_eq!(
            zone("(all times in PST/PDT)"),
            Some((-480, "PST/PDT".into(), false))
        );
        assert_eq!(zone("at 9:00 IST"), Some((330, "IST".into(), true)));
        assert_eq!(
            zone("Timeline (all time in WAT)"),
            Some((60, "WAT".into(), false))
        );
        assert_eq!(zone("2305HRS EAT"), Some((180, "EAT".into(), false)));
        assert_eq!(zone("UTC+0530"), Some((330, "UTC+0530".into(), false)));
    }

    fn on(zone: &str, date: &str, time: &str) -> i32 {
        let found = find_zone(zone).unwrap();
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        let time = NaiveTime::parse_from_str(time, "%H:%M").unwrap();
        found.offset_on(date, time).minutes()
    }

    #[test]
    fn follows_us_summer_time() {
        assert_eq!(on("US/Pacific", "2024-01-15", "10:00"), -480);
        assert_eq!(on("US/Pacific", "2024-07-15", "10:00"), -420);
        // 2024: summer time from March 10 02:00 to November 3 02:00.
        assert_eq!(on("(all times in PST/PDT)", "2024-03-10", "01:59"), -480);
        assert_eq!(on("(all times in PST/PDT)", "2024-03-10", "03:00"), -420);
        assert_eq!(on("America/New_York", "2024-11-03", "01:30"), -240);
        assert_eq!(on("America/New_York", "2024-11-03", "02:30"), -300);
        assert_eq!(on("Eastern Time", "2023-06-01", "12:00"), -240);
        // Without a date the standard offset is kept.
        assert_eq!(find_zone("US/Pacific").unwrap().offset.minutes(), -480);
    }

    #[test]
    fn follows_eu_summer_time() {
        // 2024: summer time from March 31 01:00 UTC to October 27 01:00 UTC.
        assert_eq!(on("Europe/Berlin", "2024-03-31", "01:59"), 60);
        assert_eq!(on("Europe/Berlin", "2024-03-31", "03:00"), 120);
        assert_eq!(on("Europe/London", "2024-10-27", "00:30"), 60);
        assert_eq!(on("Europe/London", "2024-10-27", "01:30"), 0);
        assert_eq!(on("CET/CEST", "2024-12-24", "12:00"), 60);
        assert_eq!(on("Asia/Tokyo", "2024-07-01", "12:00"), 540);
    }

    #[test]
    fn reads_offsets_attached_to_a_clock() {
        let read = |t: &str| attached_offset(t).map(|(o, n)| (o.minutes(), n));
        assert_eq!(read("+00:00 (UTC)"), Some((0, 6)));
        assert_eq!(read("-0500"), Some((-300, 5)));
        assert_eq!(read("+05:30"), Some((330, 6)));
        assert_eq!(read("Z"), Some((0, 1)));
        assert_eq!(read("Zulu"), None);
        assert_eq!(read("- deploy"), None);
        assert_eq!(read("-5 min"), None);
        // Past the zones in use: the end of a range.
        assert_eq!(read("-16 Uhr"), None);
        assert_eq!(read("+15"), None);
        assert_eq!(read("+14:00"), Some((840, 6)));
        assert_eq!(read("+05:45"), Some((345, 6)));
        // Minutes no zone has, or a clock after it: the end of a range (`09:40:00-09:42:00`).
        assert_eq!(read("-09:42"), None);
        assert_eq!(read("-09:00:00 UTC"), None);
        assert_eq!(read("-0942"), None);
    }

    #[test]
    fn abbreviations_are_three_or_four_capitals() {
        for (abbr, ..) in ABBREVIATIONS.iter().filter(|(abbr, ..)| *abbr != "Z") {
            assert!((3..=4).contains(&abbr.len()), "{abbr}");
            assert!(abbr.bytes().all(|b| b.is_ascii_uppercase()), "{abbr}");
        }
    }

    #[test]
    fn every_zone_name_is_indexed_by_its_first_two_letters() {
        assert!(RULED.len() <= usize::from(u8::MAX));
        for (name, minutes, _) in RULED {
            let found = find_zone(&format!("at 10:00 {name}."));
            assert_eq!(
                found.map(|z| (z.label, z.offset.minutes())),
                Some((name.to_string(), *minutes)),
                "{name}"
            );
            assert_eq!(zone_at_start(name).map(|z| z.at), Some(0), "{name}");
        }
    }

    #[test]
    fn reads_a_place_after_the_word_for_the_hour() {
        let minutes = |text: &str| find_zone(text).map(|z| (z.label, z.offset.minutes()));
        assert_eq!(
            minutes("## Línea de tiempo (hora Lima)"),
            Some(("Lima".into(), -300))
        );
        assert_eq!(
            minutes("às 14h (horário de Brasília)"),
            Some(("Brasília".into(), -180))
        );
        assert_eq!(
            minutes("Todas las horas en hora de Bogotá."),
            Some(("Bogotá".into(), -300))
        );
        // The place alone, or after another word, is no zone.
        assert_eq!(minutes("Oficina de Lima"), None);
        assert_eq!(minutes("Lima"), None);
        assert_eq!(minutes("la ahora Lima"), None);
    }

    #[test]
    fn a_zone_after_another_acronym_is_a_name() {
        assert!(find_zone("Handled by: NHM ICT").is_none());
        assert_eq!(find_zone("Время UTC").map(|z| z.label), Some("UTC".into()));
        assert_eq!(find_zone("ВремяA UTC").map(|z| z.label), Some("UTC".into()));
        assert_eq!(
            find_zone("10:00 AM EST").map(|z| z.label),
            Some("EST".into())
        );
        assert_eq!(
            find_zone("From 10:00 (GMT BST)").map(|z| z.label),
            Some("GMT".into())
        );
    }

    #[test]
    fn ignores_words_that_only_contain_an_abbreviation() {
        for text in ["ESTIMATE", "the cost", "Pst", "BUTC", "Z is a letter", ""] {
            assert_eq!(zone(text), None, "{text:?}");
        }
    }

    #[test]
    fn chinese_zone_and_day_part_words_before_a_time() {
        let (zone, part) = cjk_lead("在太平洋时间上午 ");
        let zone = zone.unwrap();
        assert_eq!((zone.label.as_str(), zone.at), ("太平洋时间", "在".len()));
        assert_eq!(zone.rule, Some(DstRule::Us));
        assert_eq!(part, Some(DayPart::Morning));
        let (zone, part) = cjk_lead("北京时间");
        assert_eq!(zone.unwrap().offset.minutes(), 8 * 60);
        assert_eq!(part, None);
        assert_eq!(cjk_lead("随后在晚上").1, Some(DayPart::Afternoon));
        assert_eq!(cjk_lead("deployed at "), (None, None));
        assert_eq!(DayPart::Afternoon.hour(3), 15);
        assert_eq!(DayPart::Afternoon.hour(12), 12);
        assert_eq!(DayPart::Morning.hour(12), 0);
        assert_eq!(DayPart::Noon.hour(1), 13);
    }
}
