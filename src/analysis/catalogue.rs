//! The incident catalogue: one summary row per postmortem (`index.json`), and what the home
//! view derives from it — search, filters, sort order, and aggregate figures (incidents per
//! month, median time to resolve, most frequent kinds of root cause).
//!
//! [`build_index`] is what `postmortem index DIR` runs; the app reads the JSON it writes.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::durations::impact_duration_seconds;
use crate::model::Incident;
use crate::parse::{parse_document, Diagnostic, Severity};

/// `index.json`: every incident of a folder, as a summary row.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CatalogueIndex {
    /// The incidents, newest first.
    pub incidents: Vec<CatalogueEntry>,
}

/// One postmortem in the catalogue.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CatalogueEntry {
    /// Where the postmortem is, relative to `index.json`.
    pub src: String,
    /// Its title.
    pub title: String,
    /// The day it started, when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// How long the impact lasted (start to resolution), in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<i64>,
    /// The impact as written.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub impact: String,
    /// Share of users affected, in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affected_users_percent: Option<f64>,
    /// Severity as written, e.g. "SEV1".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub severity: String,
    /// Services involved.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    /// Free tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The kind of root cause, classified from its text.
    pub root_cause_kind: RootCauseKind,
}

/// Broad kinds of root cause, for the "most frequent causes" figure.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum RootCauseKind {
    /// An expired certificate, token, domain or licence.
    Expiry,
    /// A wrong setting or manual change.
    Configuration,
    /// A release, rollout or upgrade.
    Deployment,
    /// Load, disk, memory or quota exhausted.
    Capacity,
    /// A third party or upstream service failed.
    Dependency,
    /// A defect in the code.
    SoftwareBug,
    /// Machines, disks, power or network hardware.
    Hardware,
    /// Not stated or none of the above.
    #[default]
    Other,
}

impl RootCauseKind {
    /// Every kind, in display order.
    pub const ALL: [RootCauseKind; 8] = [
        RootCauseKind::Expiry,
        RootCauseKind::Configuration,
        RootCauseKind::Deployment,
        RootCauseKind::Capacity,
        RootCauseKind::Dependency,
        RootCauseKind::SoftwareBug,
        RootCauseKind::Hardware,
        RootCauseKind::Other,
    ];

    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            RootCauseKind::Expiry => "expiry",
            RootCauseKind::Configuration => "configuration",
            RootCauseKind::Deployment => "deployment",
            RootCauseKind::Capacity => "capacity",
            RootCauseKind::Dependency => "dependency",
            RootCauseKind::SoftwareBug => "software bug",
            RootCauseKind::Hardware => "hardware",
            RootCauseKind::Other => "other",
        }
    }
}

/// Keyword rules, tried in order; the first kind with a matching phrase wins.
const CAUSE_RULES: &[(RootCauseKind, &[&str])] = &[
    (
        RootCauseKind::Configuration,
        &[
            "misconfigur",
            "configuration",
            "config ",
            "typo",
            "setting",
            "manual change",
        ],
    ),
    (
        RootCauseKind::Expiry,
        &["expired", "expiry", "expiration", "certificate"],
    ),
    (
        RootCauseKind::Deployment,
        &[
            "release",
            "deploy",
            "rollout",
            "roll-out",
            "upgrade",
            "migration",
        ],
    ),
    (
        RootCauseKind::Capacity,
        &[
            "capacity",
            "overload",
            "exhaust",
            "disk filled",
            "disk full",
            "out of memory",
            "quota",
            "saturat",
        ],
    ),
    (
        RootCauseKind::Dependency,
        &[
            "third-party",
            "third party",
            "upstream",
            "provider",
            "vendor",
        ],
    ),
    (
        RootCauseKind::SoftwareBug,
        &[
            "bug",
            "regression",
            "race condition",
            "null pointer",
            "deadlock",
        ],
    ),
    (
        RootCauseKind::Hardware,
        &[
            "hardware",
            "disk failure",
            "power",
            "network card",
            "fiber",
            "datacenter",
        ],
    ),
];

/// The kind of a root cause, from its text.
pub fn classify_root_cause(text: &str) -> RootCauseKind {
    let lower = text.to_lowercase();
    CAUSE_RULES
        .iter()
        .find(|(_, phrases)| phrases.iter().any(|phrase| lower.contains(phrase)))
        .map_or(RootCauseKind::Other, |&(kind, _)| kind)
}

/// The catalogue row for an incident found at `src`.
pub fn entry_for(src: &str, incident: &Incident) -> CatalogueEntry {
    let date = incident
        .start
        .and_then(|start| start.date)
        .or_else(|| incident.timeline.iter().find_map(|event| event.at.date));
    CatalogueEntry {
        src: src.to_string(),
        title: incident.title.clone(),
        date,
        duration_seconds: impact_duration_seconds(incident),
        impact: incident.impact.text.clone(),
        affected_users_percent: incident.impact.affected_users_percent,
        severity: incident.severity.clone(),
        services: incident.services.clone(),
        tags: incident.tags.clone(),
        root_cause_kind: classify_root_cause(&incident.root_cause),
    }
}

/// What indexing one file reported.
#[derive(Debug, Clone, PartialEq)]
pub struct FileReport {
    /// The file, as given.
    pub src: String,
    /// What the reader skipped or guessed.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// True when the file has an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// Reads every `(src, text)` pair and builds the index (newest first, undated last), with the
/// diagnostics of each file. Files without a title are still listed, under their file name.
pub fn build_index(files: &[(String, String)]) -> (CatalogueIndex, Vec<FileReport>) {
    let mut incidents = Vec::with_capacity(files.len());
    let mut reports = Vec::with_capacity(files.len());
    for (src, text) in files {
        let parsed = parse_document(src, text);
        let mut entry = entry_for(src, &parsed.incident);
        if entry.title.trim().is_empty() {
            entry.title = src.clone();
        }
        incidents.push(entry);
        reports.push(FileReport {
            src: src.clone(),
            diagnostics: parsed.diagnostics,
        });
    }
    incidents.sort_by(|a, b| compare(a, b, SortKey::Date).reverse());
    (CatalogueIndex { incidents }, reports)
}

/// File extensions `index_dir` reads as postmortems.
pub const POSTMORTEM_EXTENSIONS: &[&str] =
    &["txt", "md", "markdown", "json", "toml", "yaml", "yml"];

/// Reads every postmortem in `dir` (not `index.json`, not sub-folders), writes
/// `dir/index.json`, and returns each file's report. Unreadable files are errors in their
/// report, not skipped silently.
pub fn index_dir(dir: &std::path::Path) -> std::io::Result<Vec<FileReport>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "index.json")
        .filter(|name| {
            name.rsplit_once('.').is_some_and(|(_, ext)| {
                POSTMORTEM_EXTENSIONS.contains(&ext.to_lowercase().as_str())
            })
        })
        .collect();
    names.sort();
    let mut files = Vec::with_capacity(names.len());
    let mut unreadable = Vec::new();
    let mut notes = Vec::new();
    for name in names {
        // The size limit and decoding of the page (UTF-16, Windows-1252, binary refused).
        match crate::loading::read_path_named(&dir.join(&name), &name) {
            Ok(decoded) => {
                if let Some(note) = decoded.note {
                    notes.push((name.clone(), note));
                }
                files.push((name, decoded.text));
            }
            Err(error) => unreadable.push((name, error.to_string())),
        }
    }
    let (index, mut reports) = build_index(&files);
    for (name, note) in notes {
        if let Some(report) = reports.iter_mut().find(|r| r.src == name) {
            report
                .diagnostics
                .insert(0, Diagnostic::warning(1, 1, note, ""));
        }
    }
    for (name, why) in unreadable {
        reports.push(FileReport {
            diagnostics: vec![Diagnostic::error(1, 1, why, "")],
            src: name,
        });
    }
    let json = serde_json::to_string_pretty(&index).map_err(std::io::Error::other)?;
    std::fs::write(dir.join("index.json"), json + "\n")?;
    Ok(reports)
}

/// The column the list is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    /// When it started.
    #[default]
    Date,
    /// Its title.
    Title,
    /// How long it lasted.
    Duration,
    /// Share of users affected.
    Impact,
    /// Severity as written ("SEV1" sorts before "SEV2").
    Severity,
}

impl SortKey {
    /// Every key, in the order the sort menu lists them.
    pub const ALL: [SortKey; 5] = [
        SortKey::Date,
        SortKey::Title,
        SortKey::Duration,
        SortKey::Impact,
        SortKey::Severity,
    ];

    /// Its name in the URL (`sort=`).
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Duration => "duration",
            SortKey::Impact => "impact",
            SortKey::Severity => "severity",
        }
    }

    /// Its name in the sort menu.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Date => "Date",
            SortKey::Title => "Title",
            SortKey::Duration => "Duration",
            SortKey::Impact => "Users affected",
            SortKey::Severity => "Severity",
        }
    }

    /// The key named `name` (as used in the URL), if any.
    pub fn from_name(name: &str) -> Option<SortKey> {
        Some(match name {
            "date" => SortKey::Date,
            "title" => SortKey::Title,
            "duration" => SortKey::Duration,
            "impact" => SortKey::Impact,
            "severity" => SortKey::Severity,
            _ => return None,
        })
    }
}

/// Orders two entries by `key`; unknown values sort before known ones.
fn compare(a: &CatalogueEntry, b: &CatalogueEntry, key: SortKey) -> Ordering {
    let by_key = match key {
        SortKey::Date => a.date.cmp(&b.date),
        SortKey::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
        SortKey::Duration => a.duration_seconds.cmp(&b.duration_seconds),
        SortKey::Impact => a
            .affected_users_percent
            .partial_cmp(&b.affected_users_percent)
            .unwrap_or(Ordering::Equal),
        SortKey::Severity => a.severity.to_lowercase().cmp(&b.severity.to_lowercase()),
    };
    by_key.then_with(|| a.src.cmp(&b.src))
}

/// What the reader asked the list for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogueQuery {
    /// Words that must all appear in the title, impact, services, tags or severity.
    pub text: String,
    /// Only this severity (case-insensitive); empty = any.
    pub severity: String,
    /// Only incidents involving this service; empty = any.
    pub service: String,
    /// Sort column.
    pub sort: SortKey,
    /// Largest/newest first.
    pub descending: bool,
}

/// The URL parameters of the catalogue's query, so a filtered list can be linked.
pub const QUERY_KEYS: [&str; 5] = ["q", "severity", "service", "sort", "order"];

impl CatalogueQuery {
    /// The list as it opens: newest first, nothing filtered.
    pub fn newest_first() -> CatalogueQuery {
        CatalogueQuery {
            descending: true,
            ..CatalogueQuery::default()
        }
    }

    /// The query written in URL parameters ([`QUERY_KEYS`]); unknown values are ignored.
    pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> CatalogueQuery {
        let mut query = CatalogueQuery::newest_first();
        for (key, value) in params {
            match key {
                "q" => query.text = value.to_string(),
                "severity" => query.severity = value.to_string(),
                "service" => query.service = value.to_string(),
                "sort" => query.sort = SortKey::from_name(value).unwrap_or(query.sort),
                "order" => query.descending = value != "asc",
                _ => {}
            }
        }
        query
    }

    /// The parameters that differ from [`CatalogueQuery::newest_first`], for the URL.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        for (key, value) in [
            ("q", &self.text),
            ("severity", &self.severity),
            ("service", &self.service),
        ] {
            if !value.trim().is_empty() {
                params.push((key, value.clone()));
            }
        }
        if self.sort != SortKey::Date {
            params.push(("sort", self.sort.name().to_string()));
        }
        if !self.descending {
            params.push(("order", "asc".to_string()));
        }
        params
    }

    /// True when anything narrows the list.
    pub fn filters(&self) -> bool {
        !(self.text.trim().is_empty() && self.severity.is_empty() && self.service.is_empty())
    }
}

/// True when `entry` matches every word of `text`.
fn matches_text(entry: &CatalogueEntry, text: &str) -> bool {
    let haystack = format!(
        "{} {} {} {} {} {}",
        entry.title,
        entry.impact,
        entry.severity,
        entry.services.join(" "),
        entry.tags.join(" "),
        entry.root_cause_kind.label()
    )
    .to_lowercase();
    text.to_lowercase()
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

/// Indices of the entries that match `query`, in its order.
pub fn select(index: &CatalogueIndex, query: &CatalogueQuery) -> Vec<usize> {
    let mut chosen: Vec<usize> = index
        .incidents
        .iter()
        .enumerate()
        .filter(|(_, e)| matches_text(e, &query.text))
        .filter(|(_, e)| {
            query.severity.is_empty() || e.severity.eq_ignore_ascii_case(&query.severity)
        })
        .filter(|(_, e)| {
            query.service.is_empty()
                || e.services
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(&query.service))
        })
        .map(|(i, _)| i)
        .collect();
    chosen.sort_by(|&a, &b| {
        let order = compare(&index.incidents[a], &index.incidents[b], query.sort);
        if query.descending {
            order.reverse()
        } else {
            order
        }
    });
    chosen
}

/// Every distinct value of a field across the catalogue, sorted, for filter menus.
pub fn distinct(index: &CatalogueIndex, pick: fn(&CatalogueEntry) -> Vec<String>) -> Vec<String> {
    let mut values: Vec<String> = index.incidents.iter().flat_map(pick).collect();
    values.retain(|v| !v.is_empty());
    values.sort_by_key(|v| v.to_lowercase());
    values.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    values
}

/// Figures over a set of incidents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogueStats {
    /// How many incidents.
    pub count: usize,
    /// Median time from start to resolution, over incidents that state both.
    pub median_duration_seconds: Option<i64>,
    /// Sum of the impact durations.
    pub total_duration_seconds: i64,
    /// Incidents per month (`YYYY-MM`), oldest first, months without incidents included.
    pub per_month: Vec<(String, usize)>,
    /// Root-cause kinds, most frequent first (ties in [`RootCauseKind::ALL`] order).
    pub root_causes: Vec<(RootCauseKind, usize)>,
}

/// Aggregate figures over the entries at `selected`.
pub fn stats(index: &CatalogueIndex, selected: &[usize]) -> CatalogueStats {
    let entries: Vec<&CatalogueEntry> = selected
        .iter()
        .filter_map(|&i| index.incidents.get(i))
        .collect();
    let mut durations: Vec<i64> = entries.iter().filter_map(|e| e.duration_seconds).collect();
    durations.sort_unstable();
    let median_duration_seconds = match durations.len() {
        0 => None,
        n if n % 2 == 1 => Some(durations[n / 2]),
        n => Some((durations[n / 2 - 1] + durations[n / 2]) / 2),
    };

    let months: Vec<(i32, u32)> = entries
        .iter()
        .filter_map(|e| e.date)
        .map(|d| (chrono::Datelike::year(&d), chrono::Datelike::month(&d)))
        .collect();
    let per_month = match (months.iter().min(), months.iter().max()) {
        (Some(&first), Some(&last)) => month_range(first, last)
            .map(|month| {
                let count = months.iter().filter(|&&m| m == month).count();
                (format!("{:04}-{:02}", month.0, month.1), count)
            })
            .collect(),
        _ => Vec::new(),
    };

    let mut root_causes: Vec<(RootCauseKind, usize)> = RootCauseKind::ALL
        .iter()
        .map(|&kind| {
            (
                kind,
                entries.iter().filter(|e| e.root_cause_kind == kind).count(),
            )
        })
        .filter(|&(_, count)| count > 0)
        .collect();
    root_causes.sort_by_key(|entry| std::cmp::Reverse(entry.1)); // stable: ties keep display order

    CatalogueStats {
        count: entries.len(),
        median_duration_seconds,
        total_duration_seconds: durations.iter().sum(),
        per_month,
        root_causes,
    }
}

/// Every (year, month) from `first` to `last`, inclusive, capped at 600 months.
fn month_range(first: (i32, u32), last: (i32, u32)) -> impl Iterator<Item = (i32, u32)> {
    let start = first.0 * 12 + first.1 as i32 - 1;
    let end = (last.0 * 12 + last.1 as i32 - 1).min(start + 599);
    (start..=end).map(|m| (m.div_euclid(12), m.rem_euclid(12) as u32 + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_files() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/incidents");
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn indexes_the_shipped_samples_newest_first_with_their_metadata() {
        let (index, reports) = build_index(&sample_files());
        let titles: Vec<&str> = index.incidents.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "The One-Character DNS Outage",
                "The Silent Queue Backlog",
                "The Runaway Retry Storm",
                "The Midnight Certificate Expiry",
                "The Great Cookie Catastrophe",
            ]
        );
        assert!(reports.iter().all(|r| !r.has_errors()));
        let cert = &index.incidents[3];
        assert_eq!(cert.src, "certificate-midnight.txt");
        assert_eq!(cert.date, NaiveDate::from_ymd_opt(2024, 3, 9));
        assert_eq!(cert.duration_seconds, Some(105 * 60));
        assert_eq!(cert.severity, "SEV1");
        assert_eq!(cert.services, ["api-gateway", "mobile-app"]);
        assert_eq!(cert.tags, ["certificates", "expiry", "automation"]);
        assert_eq!(cert.affected_users_percent, Some(100.0));
        assert_eq!(cert.root_cause_kind, RootCauseKind::Expiry);
        let kinds: Vec<RootCauseKind> = index.incidents.iter().map(|e| e.root_cause_kind).collect();
        assert_eq!(
            kinds,
            [
                RootCauseKind::Configuration,
                RootCauseKind::Capacity,
                RootCauseKind::Deployment,
                RootCauseKind::Expiry,
                RootCauseKind::Configuration,
            ]
        );
    }

    #[test]
    fn the_shipped_index_json_is_what_build_index_writes() {
        let (index, _) = build_index(&sample_files());
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/incidents/index.json");
        let shipped: CatalogueIndex =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(
            shipped, index,
            "run `cargo run --bin postmortem -- index public/incidents`"
        );
    }

    #[test]
    fn the_catalogue_copy_of_the_seed_matches_the_seed() {
        let root = env!("CARGO_MANIFEST_DIR");
        let seed =
            std::fs::read_to_string(format!("{root}/public/cookie-catastrophe.txt")).unwrap();
        let copy =
            std::fs::read_to_string(format!("{root}/public/incidents/cookie-catastrophe.txt"))
                .unwrap();
        assert_eq!(seed, copy);
    }

    #[test]
    fn search_filters_and_sorts() {
        let (index, _) = build_index(&sample_files());
        let title = |i: &usize| index.incidents[*i].title.clone();
        let mut query = CatalogueQuery {
            text: "SEV1".into(),
            ..CatalogueQuery::default()
        };
        let found: Vec<String> = select(&index, &query).iter().map(title).collect();
        assert_eq!(
            found,
            [
                "The Midnight Certificate Expiry",
                "The One-Character DNS Outage"
            ]
        );

        query.text = "checkout retries".into();
        assert_eq!(
            select(&index, &query).iter().map(title).collect::<Vec<_>>(),
            ["The Runaway Retry Storm"]
        );

        query.text.clear();
        query.service = "Payments".into();
        assert_eq!(select(&index, &query).len(), 1);

        query.service.clear();
        query.severity = "sev3".into();
        assert_eq!(
            select(&index, &query).iter().map(title).collect::<Vec<_>>(),
            ["The Silent Queue Backlog"]
        );

        query.severity.clear();
        query.sort = SortKey::Duration;
        query.descending = true;
        let longest = select(&index, &query);
        assert_eq!(title(&longest[0]), "The Silent Queue Backlog");
        assert_eq!(
            title(longest.last().unwrap()),
            "The One-Character DNS Outage"
        );

        assert_eq!(
            distinct(&index, |e| vec![e.severity.clone()]),
            ["SEV1", "SEV2", "SEV3"]
        );
    }

    #[test]
    fn stats_give_months_median_and_causes() {
        let (index, _) = build_index(&sample_files());
        let all: Vec<usize> = (0..index.incidents.len()).collect();
        let stats = stats(&index, &all);
        assert_eq!(stats.count, 5);
        // Durations: 46 min, 85 min, 105 min, 4 h, 7 h 30 min → the median is 105 min.
        assert_eq!(stats.median_duration_seconds, Some(105 * 60));
        let months: Vec<(&str, usize)> = stats
            .per_month
            .iter()
            .map(|(m, n)| (m.as_str(), *n))
            .collect();
        assert_eq!(
            months,
            [
                ("2024-01", 1),
                ("2024-02", 0),
                ("2024-03", 2),
                ("2024-04", 0),
                ("2024-05", 1),
                ("2024-06", 0),
                ("2024-07", 1)
            ]
        );
        assert_eq!(stats.root_causes[0], (RootCauseKind::Configuration, 2));
        assert_eq!(stats.root_causes.len(), 4);

        let none = super::stats(&index, &[]);
        assert_eq!(none.count, 0);
        assert_eq!(none.median_duration_seconds, None);
        assert!(none.per_month.is_empty());
    }

    #[test]
    fn an_even_count_takes_the_mean_of_the_middle_pair_and_months_cross_years() {
        let entry = |secs, date: (i32, u32)| CatalogueEntry {
            duration_seconds: Some(secs),
            date: NaiveDate::from_ymd_opt(date.0, date.1, 1),
            ..CatalogueEntry::default()
        };
        let index = CatalogueIndex {
            incidents: vec![entry(60, (2023, 12)), entry(120, (2024, 1))],
        };
        let stats = stats(&index, &[0, 1]);
        assert_eq!(stats.median_duration_seconds, Some(90));
        assert_eq!(stats.per_month[0].0, "2023-12");
        assert_eq!(stats.per_month[1].0, "2024-01");
    }

    #[test]
    fn classifies_root_causes_by_keywords() {
        assert_eq!(
            classify_root_cause("The TLS certificate expired"),
            RootCauseKind::Expiry
        );
        assert_eq!(
            classify_root_cause("A bad deploy of v2"),
            RootCauseKind::Deployment
        );
        assert_eq!(
            classify_root_cause("A race condition in the scheduler"),
            RootCauseKind::SoftwareBug
        );
        assert_eq!(classify_root_cause(""), RootCauseKind::Other);
    }

    #[test]
    fn untitled_files_are_listed_under_their_name_and_the_index_round_trips() {
        let (index, _) = build_index(&[("notes.txt".into(), "\n\n".into())]);
        assert_eq!(index.incidents[0].title, "notes.txt");
        let json = serde_json::to_string(&index).unwrap();
        assert_eq!(
            serde_json::from_str::<CatalogueIndex>(&json).unwrap(),
            index
        );
    }

    #[test]
    fn the_query_round_trips_through_the_url() {
        let query = CatalogueQuery {
            text: "dns cache".into(),
            severity: "SEV1".into(),
            service: "auth".into(),
            sort: SortKey::Duration,
            descending: false,
        };
        let params = query.to_params();
        assert_eq!(
            params,
            [
                ("q", "dns cache".to_string()),
                ("severity", "SEV1".to_string()),
                ("service", "auth".to_string()),
                ("sort", "duration".to_string()),
                ("order", "asc".to_string()),
            ]
        );
        let read = CatalogueQuery::from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(read, query);
        assert!(CatalogueQuery::newest_first().to_params().is_empty());
        assert_eq!(
            CatalogueQuery::from_params([("sort", "nonsense"), ("view", "catalogue")]),
            CatalogueQuery::newest_first()
        );
        for key in SortKey::ALL {
            assert_eq!(SortKey::from_name(key.name()), Some(key));
        }
    }
}
