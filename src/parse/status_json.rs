//! Incidents that status pages write as JSON in their own shape, not this app's schema: a
//! Statuspage API `incident` with its `incident_updates`, or a status site's data file with
//! `updates` (each a stamp, a status and a text). Read only when the schema refuses the
//! document or finds no timeline in it: the name is the title, each update an event (its
//! status gives its kind), the impact the severity, `started_at`/`resolved_at` the window, the
//! components (and each update's affected components) the services, and the incident's
//! `shortlink` and its page's address the links. The keys left unread are named in a warning,
//! so nothing is dropped silently.

use serde_json::{Map, Value};

use super::calendar::DateContext;
use super::diagnostic::Diagnostic;
use super::entry::timeline_entry;
use super::inline::starts_with_web_scheme;
use crate::model::{EventKind, Incident, Link, Moment, TimelineEvent};

/// Keys holding the list of updates.
const UPDATE_LISTS: [&str; 2] = ["incident_updates", "updates"];
/// Keys of an update's stamp, the one shown first.
const STAMPS: [&str; 6] = [
    "display_at",
    "created_at",
    "date",
    "timestamp",
    "time",
    "updated_at",
];
/// Keys of an update's text.
const TEXTS: [&str; 5] = ["body", "content", "message", "text", "description"];
/// Keys of the incident read besides its updates.
const READ: [&str; 12] = [
    "name",
    "title",
    "impact",
    "started_at",
    "resolved_at",
    "incident_updates",
    "updates",
    "incident",
    "id",
    "components",
    "shortlink",
    "page",
];

/// The incident `text` describes when it is a status page's JSON incident with at least one
/// update that has a stamp; `None` otherwise (the schema's error stands then).
pub fn read_status_json(text: &str) -> Option<(Incident, Vec<Diagnostic>)> {
    let root: Value = serde_json::from_str(text).ok()?;
    let root = root.as_object()?;
    if let Some(read) = read_service_feed(root, text) {
        return Some(read);
    }
    let record = root
        .get("incident")
        .and_then(Value::as_object)
        .unwrap_or(root);
    let updates = UPDATE_LISTS
        .iter()
        .find_map(|key| record.get(*key).and_then(Value::as_array))?;
    let mut timeline: Vec<TimelineEvent> = updates
        .iter()
        .filter_map(Value::as_object)
        .filter_map(event_of)
        .collect();
    let unstamped = updates.len() - timeline.len();
    if timeline.is_empty() {
        return None;
    }
    // Status pages list updates newest first; the timeline reads oldest first.
    let newest_first = timeline
        .first()
        .zip(timeline.last())
        .is_some_and(|(first, last)| first.at.axis_seconds() > last.at.axis_seconds());
    if newest_first {
        timeline.reverse();
    }
    // A `resolved` update after the first (`Heroku posted a post-mortem`, days later) follows
    // up on the resolution: its kind is left to its words.
    let mut resolved = false;
    for event in &mut timeline {
        if event.kind == Some(EventKind::Resolved) {
            if resolved {
                event.kind = None;
            }
            resolved = true;
        }
    }
    let string = |key: &str| record.get(key).and_then(Value::as_str).map(str::trim);
    // The components the incident names, then those its updates name as affected.
    let affected = updates
        .iter()
        .filter_map(|update| update.get("affected_components"));
    let services = component_names(record.get("components").into_iter().chain(affected));
    let incident = Incident {
        title: string("name")
            .or(string("title"))
            .unwrap_or_default()
            .into(),
        severity: string("impact").unwrap_or_default().into(),
        start: string("started_at").and_then(moment_of),
        end: string("resolved_at").and_then(moment_of),
        timeline,
        services,
        links: status_links(string("shortlink"), root.get("page")),
        ..Incident::default()
    };
    let unread: Vec<String> = record
        .keys()
        .filter(|key| !READ.contains(&key.as_str()))
        .map(|key| format!("`{key}`"))
        .collect();
    let mut message = format!(
        "read as a status page's incident: its {} updates are the timeline",
        incident.timeline.len()
    );
    if unstamped > 0 {
        message.push_str(&format!(
            "; {unstamped} updates without a stamp (`display_at`, `created_at`, `date`) left out"
        ));
    }
    if string("shortlink").is_some_and(|url| !url.is_empty() && !starts_with_web_scheme(url)) {
        message.push_str("; `shortlink` left out: not an http(s) address");
    }
    if !unread.is_empty() {
        message.push_str(&format!("; not read: {}", unread.join(", ")));
    }
    Some(read_with_note(incident, message, text))
}

/// The names of the components listed in `lists` (each an array of `{"name": …}` objects or
/// of names), each once, in the order first listed.
fn component_names<'v>(lists: impl Iterator<Item = &'v Value>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for component in lists.filter_map(Value::as_array).flatten() {
        let name = match component {
            Value::String(name) => Some(name.as_str()),
            Value::Object(fields) => fields.get("name").and_then(Value::as_str),
            _ => None,
        };
        let Some(name) = name.map(str::trim).filter(|name| !name.is_empty()) else {
            continue;
        };
        if !names.iter().any(|known| known == name) {
            names.push(name.to_string());
        }
    }
    names
}

/// The incident's own address on its status page (`shortlink`) and the page's (`page.url`, with
/// the page's name), each only when it is http(s).
fn status_links(shortlink: Option<&str>, page: Option<&Value>) -> Vec<Link> {
    let page_field = |key: &str| {
        page.and_then(|page| page.get(key))
            .and_then(Value::as_str)
            .map(str::trim)
    };
    let page_text = match page_field("name").filter(|name| !name.is_empty()) {
        Some(name) => format!("{name} status page"),
        None => "Status page".to_string(),
    };
    [
        (shortlink, "This incident on its status page".to_string()),
        (page_field("url"), page_text),
    ]
    .into_iter()
    .filter_map(|(url, text)| {
        let url = url.filter(|url| starts_with_web_scheme(url))?;
        Some(Link {
            text,
            url: url.to_string(),
        })
    })
    .collect()
}

/// The incident read from a status document, with the one note saying how it was read, at
/// the document's first line.
fn read_with_note(incident: Incident, note: String, text: &str) -> (Incident, Vec<Diagnostic>) {
    let first_line = text.lines().next().unwrap_or_default();
    (incident, vec![Diagnostic::warning(1, 1, note, first_line)])
}

/// A system status feed (Apple's `system_status_<locale>.js`): `services`, each with its
/// `serviceName` and `events`, each event with `startDate`, `endDate`, `datePosted` (written
/// as `2023/03/31 08:37 JST`), `message`, `statusType` and `usersAffected`. Each event's start
/// and posting are the timeline, its end the incident's end; `None` when no service has an
/// event with a start.
fn read_service_feed(root: &Map<String, Value>, text: &str) -> Option<(Incident, Vec<Diagnostic>)> {
    let services = root.get("services")?.as_array()?;
    let string = |record: &Map<String, Value>, key: &str| {
        record
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or_default()
            .to_string()
    };
    let mut incident = Incident::default();
    let mut names = Vec::new();
    let mut undated = 0;
    for service in services.iter().filter_map(Value::as_object) {
        let name = string(service, "serviceName");
        let events = service.get("events").and_then(Value::as_array);
        for event in events.into_iter().flatten().filter_map(Value::as_object) {
            let (Some(start), message) = (
                feed_moment(&string(event, "startDate")),
                string(event, "message"),
            ) else {
                undated += 1;
                continue;
            };
            if !names.contains(&name) {
                names.push(name.clone());
            }
            let status = string(event, "statusType");
            let label = [name.as_str(), status.as_str()]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            let posted = feed_moment(&string(event, "datePosted")).filter(|at| *at != start);
            incident.timeline.push(TimelineEvent {
                at: start,
                text: format!("{label}: {message}"),
                inferred: false,
                kind: None,
            });
            if let Some(posted) = posted {
                incident.timeline.push(TimelineEvent {
                    at: posted,
                    text: format!("Posted on the status page ({label})"),
                    inferred: false,
                    kind: None,
                });
            }
            incident.start.get_or_insert(start);
            if let Some(end) = feed_moment(&string(event, "endDate")) {
                incident.end = Some(end);
            }
            let affected = string(event, "usersAffected");
            if incident.impact.text.is_empty() {
                incident.impact.text = affected;
            }
        }
    }
    if incident.timeline.is_empty() {
        return None;
    }
    incident
        .timeline
        .sort_by_key(|event| event.at.axis_seconds());
    incident.title = names.join(", ");
    incident.services = names;
    let mut message = format!(
        "read as a system status feed: the start and posting of its {} events are the timeline",
        incident.timeline.len()
    );
    if undated > 0 {
        message.push_str(&format!(
            "; {undated} events without a `startDate` left out"
        ));
    }
    Some(read_with_note(incident, message, text))
}

/// `2023/03/31 08:37 JST` (a feed's stamp) as a moment in its zone; only a stamp with a date.
fn feed_moment(stamp: &str) -> Option<Moment> {
    let entry = timeline_entry(stamp, DateContext::default())?;
    let date = Some(entry.date?);
    let offset = entry.zone.map(|zone| zone.offset_on(date, entry.time));
    Some(Moment::new(date, entry.time, offset))
}

/// An update as an event: its stamp, its text, and the kind its status names.
fn event_of(update: &Map<String, Value>) -> Option<TimelineEvent> {
    let at = STAMPS
        .iter()
        .find_map(|key| update.get(*key).and_then(Value::as_str).and_then(moment_of))?;
    let text = TEXTS
        .iter()
        .find_map(|key| update.get(*key).and_then(Value::as_str))
        .unwrap_or_default()
        .trim()
        .to_string();
    let kind = update
        .get("status")
        .and_then(Value::as_str)
        .and_then(kind_of_status);
    Some(TimelineEvent {
        at,
        text,
        inferred: false,
        kind,
    })
}

/// `2021-09-17T05:52:54.378Z` as a moment in its own offset, to the second (the fraction is
/// left out); only a stamp with a date.
fn moment_of(stamp: &str) -> Option<Moment> {
    let stamp = stamp.trim();
    let whole = match stamp.find('.') {
        Some(dot) => {
            let fraction = stamp[dot + 1..].len()
                - stamp[dot + 1..]
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .len();
            format!("{}{}", &stamp[..dot], &stamp[dot + 1 + fraction..])
        }
        None => stamp.to_string(),
    };
    whole
        .parse::<Moment>()
        .ok()
        .filter(|moment| moment.date.is_some())
}

/// The kind a status page's update status names.
fn kind_of_status(status: &str) -> Option<EventKind> {
    match status.trim().to_ascii_lowercase().as_str() {
        "investigating" => Some(EventKind::Investigating),
        "identified" => Some(EventKind::RootCauseIdentified),
        "monitoring" => Some(EventKind::Mitigated),
        "resolved" => Some(EventKind::Resolved),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATUSPAGE: &str = r#"{"incident": {"name": "Elevated API errors", "impact": "major",
        "shortlink": "https://stspg.io/x",
        "incident_updates": [
          {"status": "resolved", "body": "Fixed.", "display_at": "2024-05-01T11:30:00.000-07:00"},
          {"status": "investigating", "body": "Looking.", "display_at": "2024-05-01T10:02:10.120-07:00"}
        ]}}"#;

    #[test]
    fn reads_a_statuspage_incident_oldest_first() {
        let (incident, notes) = read_status_json(STATUSPAGE).unwrap();
        assert_eq!(incident.title, "Elevated API errors");
        assert_eq!(incident.severity, "major");
        let events: Vec<(String, &str, Option<EventKind>)> = incident
            .timeline
            .iter()
            .map(|e| (e.at.to_string(), e.text.as_str(), e.kind))
            .collect();
        assert_eq!(
            events,
            [
                (
                    "2024-05-01T10:02:10-07:00".to_string(),
                    "Looking.",
                    Some(EventKind::Investigating)
                ),
                (
                    "2024-05-01T11:30:00-07:00".to_string(),
                    "Fixed.",
                    Some(EventKind::Resolved)
                ),
            ]
        );
        assert_eq!(notes.len(), 1);
        // Its address on the status page is a link, not a key left unread.
        assert!(
            !notes[0].message.contains("`shortlink`"),
            "{}",
            notes[0].message
        );
        assert_eq!(
            incident.links,
            [Link {
                text: "This incident on its status page".into(),
                url: "https://stspg.io/x".into()
            }]
        );
        // A second `resolved` update is a follow-up, not the resolution.
        let later = STATUSPAGE.replacen(
            r#"{"status": "resolved""#,
            r#"{"status": "resolved", "body": "Post-mortem.", "display_at": "2024-05-09T09:00:00Z"},
          {"status": "resolved""#,
            1,
        );
        let (incident, _) = read_status_json(&later).unwrap();
        let kinds: Vec<Option<EventKind>> = incident.timeline.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                Some(EventKind::Investigating),
                Some(EventKind::Resolved),
                None
            ]
        );
    }

    #[test]
    fn components_are_the_services_and_the_page_is_a_link() {
        let text = r#"{"page": {"name": "GitHub", "url": "https://www.githubstatus.com"},
          "incident": {"name": "Incident with Codespaces", "shortlink": "javascript:alert(1)",
          "page_id": "kctbh9vrtdwd",
          "components": [{"id": "h2f", "name": "Codespaces", "status": "operational"}],
          "incident_updates": [
            {"status": "investigating", "body": "Looking.", "display_at": "2022-12-31T00:07:02.295Z",
             "affected_components": [{"code": "h2f", "name": "Codespaces"}, {"name": " Actions "}]},
            {"status": "resolved", "body": "Fixed.", "display_at": "2022-12-31T01:47:59.270Z",
             "affected_components": null}]}}"#;
        let (incident, notes) = read_status_json(text).unwrap();
        assert_eq!(incident.services, ["Codespaces", "Actions"]);
        // The shortlink is no web address: left out; the page's address stays.
        assert_eq!(
            incident.links,
            [Link {
                text: "GitHub status page".into(),
                url: "https://www.githubstatus.com".into()
            }]
        );
        assert!(
            notes[0].message.ends_with("not read: `page_id`"),
            "{}",
            notes[0].message
        );
    }

    #[test]
    fn reads_a_status_site_data_file() {
        let text = r#"{"name": "Connectivity issues", "updates": [
            {"date": "2021-09-17T05:52:54.378Z", "status": "investigating", "content": "Slow."},
            {"date": "not a date", "content": "skipped"}]}"#;
        let (incident, notes) = read_status_json(text).unwrap();
        assert_eq!(incident.timeline.len(), 1);
        assert_eq!(
            incident.timeline[0].at.to_string(),
            "2021-09-17T05:52:54+00:00"
        );
        assert!(notes[0].message.contains("1 updates without a stamp"));
    }

    #[test]
    fn reads_a_system_status_feed() {
        let text = r#"{"drpost": false, "services": [
            {"serviceName": "App Store", "events": []},
            {"serviceName": "iCloud Mail", "events": [{"usersAffected": "Some users were affected",
              "startDate": "03/14/2024 09:05 PDT", "endDate": "03/14/2024 11:40 PDT",
              "datePosted": "03/14/2024 09:31 PDT", "statusType": "Outage",
              "eventStatus": "resolved", "message": "Users were unable to send mail."}]},
            {"serviceName": "Maps", "events": [{"startDate": "not a date", "message": "x"}]}]}"#;
        let (incident, notes) = read_status_json(text).unwrap();
        assert_eq!(incident.title, "iCloud Mail");
        let events: Vec<(String, &str)> = incident
            .timeline
            .iter()
            .map(|e| (e.at.to_string(), e.text.as_str()))
            .collect();
        assert_eq!(
            events,
            [
                (
                    "2024-03-14T09:05:00-07:00".to_string(),
                    "iCloud Mail, Outage: Users were unable to send mail."
                ),
                (
                    "2024-03-14T09:31:00-07:00".to_string(),
                    "Posted on the status page (iCloud Mail, Outage)"
                ),
            ]
        );
        assert_eq!(
            incident.end.map(|m| m.to_string()).as_deref(),
            Some("2024-03-14T11:40:00-07:00")
        );
        assert_eq!(incident.impact.text, "Some users were affected");
        assert!(notes[0].message.contains("1 events without a `startDate`"));
        // A feed with no event is no incident.
        assert!(
            read_status_json(r#"{"services": [{"serviceName": "Maps", "events": []}]}"#).is_none()
        );
    }

    #[test]
    fn other_json_is_not_a_status_incident() {
        assert!(read_status_json(r#"{"title": "x", "timeline": []}"#).is_none());
        assert!(read_status_json(r#"{"updates": [{"content": "no stamp"}]}"#).is_none());
        assert!(read_status_json("[1, 2]").is_none());
        assert!(read_status_json("{").is_none());
    }
}
