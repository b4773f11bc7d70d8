//! The reader's view as URL query parameters, so a link restores it: `event=7` (1-based),
//! `from=…&to=…` (the visible window, ISO 8601 UTC), `zone=incident|local|utc`,
//! `hide=kind,kind` (filtered-out event kinds) and `q=…` (the search).

use chrono::NaiveDateTime;

use super::window::TimeWindow;
use crate::model::EventKind;

/// The parameters this module owns; others in the URL are left alone.
pub const KEYS: [&str; 6] = ["event", "from", "to", "zone", "hide", "q"];

/// A view read from or written to the URL. Missing or unreadable parameters are `None`/empty.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewQuery {
    /// The selected event (0-based; written 1-based).
    pub event: Option<usize>,
    /// The visible window.
    pub window: Option<TimeWindow>,
    /// `incident`, `local` or `utc`.
    pub zone: Option<String>,
    /// Event kinds filtered out.
    pub hidden: Vec<EventKind>,
    /// The search text.
    pub search: String,
}

impl ViewQuery {
    /// Reads the view from query `pairs` (already percent-decoded).
    pub fn decode<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ViewQuery {
        let mut query = ViewQuery::default();
        let (mut from, mut to) = (None, None);
        for (key, value) in pairs {
            match key {
                "event" => {
                    query.event = value
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|n| n.checked_sub(1))
                }
                "from" => from = parse_instant(value),
                "to" => to = parse_instant(value),
                "zone" if ["incident", "local", "utc"].contains(&value) => {
                    query.zone = Some(value.to_string())
                }
                "hide" => {
                    query.hidden = EventKind::ALL
                        .into_iter()
                        .filter(|k| value.split(',').any(|s| s.trim() == k.slug()))
                        .collect()
                }
                "q" => query.search = value.to_string(),
                _ => {}
            }
        }
        query.window = match (from, to) {
            (Some(from), Some(to)) if to > from => Some(TimeWindow::new(from, to)),
            _ => None,
        };
        query
    }

    /// The parameters to write, in a stable order; defaults are left out.
    pub fn encode(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(event) = self.event {
            pairs.push(("event", (event + 1).to_string()));
        }
        if let Some(window) = self.window {
            pairs.push(("from", write_instant(window.start)));
            pairs.push(("to", write_instant(window.end)));
        }
        if let Some(zone) = &self.zone {
            pairs.push(("zone", zone.clone()));
        }
        if !self.hidden.is_empty() {
            let slugs: Vec<&str> = self.hidden.iter().map(|k| k.slug()).collect();
            pairs.push(("hide", slugs.join(",")));
        }
        if !self.search.is_empty() {
            pairs.push(("q", self.search.clone()));
        }
        pairs
    }
}

/// `2024-01-15T15:00:00Z`, with milliseconds only when there are some.
fn write_instant(ms: f64) -> String {
    let local = super::format::local_at(ms, 0);
    if ms.rem_euclid(1000.0) == 0.0 {
        local.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    } else {
        local.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
    }
}

fn parse_instant(text: &str) -> Option<f64> {
    let text = text.trim().trim_end_matches('Z');
    let time = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f").ok()?;
    Some(time.and_utc().timestamp_millis() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_survives_the_round_trip() {
        let view = ViewQuery {
            event: Some(6),
            window: Some(TimeWindow::new(1_705_330_800_000.0, 1_705_334_400_500.0)),
            zone: Some("utc".into()),
            hidden: vec![EventKind::Investigating, EventKind::Other],
            search: "cache & cookies".into(),
        };
        let pairs = view.encode();
        assert_eq!(pairs[0], ("event", "7".to_string()));
        assert_eq!(pairs[1], ("from", "2024-01-15T15:00:00Z".to_string()));
        assert_eq!(pairs[2], ("to", "2024-01-15T16:00:00.500Z".to_string()));
        assert_eq!(pairs[4], ("hide", "investigating,other".to_string()));
        let back = ViewQuery::decode(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, view);
    }

    #[test]
    fn unreadable_parameters_are_ignored() {
        let view = ViewQuery::decode([
            ("event", "0"),
            ("from", "yesterday"),
            ("to", "2024-01-15T15:00:00Z"),
            ("zone", "mars"),
            ("hide", "nope"),
            ("synthetic", "1000"),
        ]);
        assert_eq!(view, ViewQuery::default());
        assert!(ViewQuery::default().encode().is_empty());
        let reversed = ViewQuery::decode([
            ("from", "2024-01-15T16:00:00Z"),
            ("to", "2024-01-15T15:00:00Z"),
        ]);
        assert_eq!(reversed.window, None);
    }
}
