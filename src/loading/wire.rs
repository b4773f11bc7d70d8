//! How a reading travels from the parse worker to the page: a [`Loaded`] cut into parts, each
//! small enough that turning it back into Rust values takes the page a few milliseconds. The
//! page takes one part per task, so a file of a million lines arrives without blocking it.
//!
//! Each part is JSON (serde_json, which the app has anyway) in its own message. MessagePack
//! read a 14 MB section back in 13 ms instead of JSON's 70 (JSON escapes every newline), but
//! added 48 KB gzip to the page's WebAssembly, which every visit pays; 70 ms stays under the
//! 100 ms a task may take. The first part is
//! the incident without its timeline, or the metric series without their points; timeline
//! events, their kinds, diagnostics and points follow in chunks of [`CHUNK`]; [`Part::End`]
//! closes it.
//!
//! The worker also classifies the events (see [`crate::analysis::kinds::kinds_of`]): for a
//! quarter of a million events that takes longer than a task may, so the page receives the
//! kinds ready-made, one digit per event, and does not classify them again.

use serde::{Deserialize, Serialize};

use super::Loaded;
use crate::analysis::kinds::kinds_of;
use crate::model::{EventKind, Incident, MetricSeries, Part as OutlinePart, TimelineEvent};
use crate::parse::{Diagnostic, Parsed, Stated, HEADING_KEYS};

/// Items (events, diagnostics, samples) per part.
pub const CHUNK: usize = 20_000;

/// One message of a reading.
#[derive(Debug, Serialize, Deserialize)]
enum Part {
    /// A postmortem, its timeline and diagnostics still to come.
    Incident {
        incident: Box<Incident>,
        outline: Vec<OutlinePart>,
        headings: Vec<(String, String)>,
        stated: Vec<Stated>,
    },
    /// Metric series, their points still to come.
    Metrics { series: Vec<MetricSeries> },
    /// The next timeline events.
    Events(Vec<TimelineEvent>),
    /// The kinds of the next events, one digit each: the kind's place in [`EventKind::ALL`].
    Kinds(String),
    /// The next diagnostics.
    Diagnostics(Vec<Diagnostic>),
    /// The next points of series number `series`.
    Points {
        series: usize,
        points: Vec<(i64, f64)>,
    },
    /// Nothing more.
    End,
}

/// Why parts could not be put back together. Only a bug (or a worker from another build) can
/// cause one; the page then reads the text itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError(pub String);

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the reading could not be passed on: {}", self.0)
    }
}

/// `loaded` as messages, in order: the page passes each to [`Assembler::push`].
pub fn split(loaded: Loaded) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    let diagnostics = match loaded {
        Loaded::Incident(parsed) => {
            let Parsed {
                mut incident,
                diagnostics,
                outline,
                headings,
                stated,
            } = *parsed;
            let kinds = kinds_of(&incident);
            let timeline = std::mem::take(&mut incident.timeline);
            parts.push(Part::Incident {
                incident: Box::new(incident),
                outline,
                headings: headings
                    .into_iter()
                    .map(|(key, text)| (key.to_string(), text))
                    .collect(),
                stated,
            });
            parts.extend(chunks(timeline).map(Part::Events));
            parts.extend(
                chunks(kinds).map(|kinds| Part::Kinds(kinds.iter().map(|&k| digit(k)).collect())),
            );
            diagnostics
        }
        Loaded::Metrics {
            mut series,
            diagnostics,
        } => {
            let points: Vec<_> = series
                .iter_mut()
                .map(|s| std::mem::take(&mut s.points))
                .collect();
            parts.push(Part::Metrics { series });
            for (index, points) in points.into_iter().enumerate() {
                parts.extend(chunks(points).map(|points| Part::Points {
                    series: index,
                    points,
                }));
            }
            diagnostics
        }
    };
    parts.extend(chunks(diagnostics).map(Part::Diagnostics));
    parts.push(Part::End);
    parts.iter().map(encode).collect()
}

fn encode(part: &Part) -> Vec<u8> {
    // Plain data with string keys always encodes; an empty message would be refused as
    // unreadable by the page, which then reads the text itself.
    serde_json::to_vec(part).unwrap_or_default()
}

/// `items` in chunks of [`CHUNK`], none when there are none.
fn chunks<T>(items: Vec<T>) -> impl Iterator<Item = Vec<T>> {
    let mut items = items.into_iter().peekable();
    std::iter::from_fn(move || {
        items.peek()?;
        Some(items.by_ref().take(CHUNK).collect())
    })
}

/// `kind` as one digit: its place in [`EventKind::ALL`].
fn digit(kind: EventKind) -> char {
    let place = EventKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    char::from_digit(place as u32, 10).unwrap_or('0')
}

/// The kind a [`digit`] stands for.
fn kind_of_digit(digit: char) -> Result<EventKind, WireError> {
    digit
        .to_digit(10)
        .and_then(|place| EventKind::ALL.get(place as usize).copied())
        .ok_or_else(|| WireError(format!("no kind numbered {digit:?}")))
}

/// A reading as the page receives it from the worker.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// What the file turned out to be.
    pub loaded: Loaded,
    /// The kind of each timeline event of an incident, classified by the worker: `None` for
    /// metric series.
    pub kinds: Option<Vec<EventKind>>,
}

/// Puts a reading back together from its messages.
#[derive(Debug, Default)]
pub struct Assembler {
    loaded: Option<Loaded>,
    kinds: Vec<EventKind>,
    ended: bool,
}

impl Assembler {
    /// An assembler waiting for the first part.
    pub fn new() -> Assembler {
        Assembler::default()
    }

    /// Takes the next message. `Ok(true)` once the last one has arrived.
    pub fn push(&mut self, message: &[u8]) -> Result<bool, WireError> {
        if self.ended {
            return Err(WireError("a part came after the end".into()));
        }
        let part: Part = serde_json::from_slice(message)
            .map_err(|error| WireError(format!("unreadable part: {error}")))?;
        match (part, &mut self.loaded) {
            (
                Part::Incident {
                    incident,
                    outline,
                    headings,
                    stated,
                },
                None,
            ) => {
                self.loaded = Some(Loaded::Incident(Box::new(Parsed {
                    incident: *incident,
                    diagnostics: Vec::new(),
                    outline,
                    headings: static_keys(headings)?,
                    stated,
                })));
            }
            (Part::Metrics { series }, None) => {
                self.loaded = Some(Loaded::Metrics {
                    series,
                    diagnostics: Vec::new(),
                });
            }
            (Part::Events(events), Some(Loaded::Incident(parsed))) => {
                parsed.incident.timeline.extend(events);
            }
            (Part::Kinds(digits), Some(Loaded::Incident(_))) => {
                for digit in digits.chars() {
                    self.kinds.push(kind_of_digit(digit)?);
                }
            }
            (Part::Points { series, points }, Some(Loaded::Metrics { series: all, .. })) => {
                all.get_mut(series)
                    .ok_or_else(|| WireError(format!("no series number {series}")))?
                    .points
                    .extend(points);
            }
            (Part::Diagnostics(more), Some(Loaded::Incident(parsed))) => {
                parsed.diagnostics.extend(more);
            }
            (Part::Diagnostics(more), Some(Loaded::Metrics { diagnostics, .. })) => {
                diagnostics.extend(more);
            }
            (Part::End, Some(_)) => self.ended = true,
            (part, _) => return Err(WireError(format!("unexpected part {}", name(&part)))),
        }
        Ok(self.ended)
    }

    /// The reading, once [`Assembler::push`] has said it is complete.
    pub fn finish(self) -> Result<Delivery, WireError> {
        match self.loaded {
            Some(Loaded::Incident(parsed)) if self.ended => {
                if self.kinds.len() != parsed.incident.timeline.len() {
                    return Err(WireError(format!(
                        "{} kinds for {} events",
                        self.kinds.len(),
                        parsed.incident.timeline.len()
                    )));
                }
                Ok(Delivery {
                    loaded: Loaded::Incident(parsed),
                    kinds: Some(self.kinds),
                })
            }
            Some(loaded) if self.ended => Ok(Delivery {
                loaded,
                kinds: None,
            }),
            _ => Err(WireError("the reading ended early".into())),
        }
    }
}

fn name(part: &Part) -> &'static str {
    match part {
        Part::Incident { .. } => "incident",
        Part::Metrics { .. } => "metrics",
        Part::Events(_) => "events",
        Part::Kinds(_) => "kinds",
        Part::Diagnostics(_) => "diagnostics",
        Part::Points { .. } => "points",
        Part::End => "end",
    }
}

/// The heading keys as the `&'static str`s [`Parsed::headings`] holds.
fn static_keys(headings: Vec<(String, String)>) -> Result<Vec<(&'static str, String)>, WireError> {
    headings
        .into_iter()
        .map(|(key, text)| {
            HEADING_KEYS
                .iter()
                .find(|known| **known == key)
                .map(|known| (*known, text))
                .ok_or_else(|| WireError(format!("unknown heading key {key}")))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loading::read_loaded;

    fn delivered(loaded: Loaded) -> Delivery {
        let mut assembler = Assembler::new();
        let messages = split(loaded);
        let last = messages.len() - 1;
        for (index, message) in messages.iter().enumerate() {
            assert_eq!(assembler.push(message), Ok(index == last));
        }
        assembler.finish().expect("complete")
    }

    fn round_trip(loaded: Loaded) -> Loaded {
        delivered(loaded).loaded
    }

    #[test]
    fn the_sample_arrives_exactly_as_read() {
        let loaded = read_loaded(crate::sample::SAMPLE_NAME, crate::sample::SAMPLE_TEXT);
        assert!(
            matches!(&loaded, Loaded::Incident(p) if !p.incident.timeline.is_empty() && !p.headings.is_empty())
        );
        assert_eq!(round_trip(loaded.clone()), loaded);
    }

    #[test]
    fn the_kinds_arrive_classified_as_the_page_would() {
        let loaded = read_loaded(crate::sample::SAMPLE_NAME, crate::sample::SAMPLE_TEXT);
        let Loaded::Incident(parsed) = &loaded else {
            panic!("an incident")
        };
        let expected = kinds_of(&parsed.incident);
        let distinct: std::collections::BTreeSet<_> = expected.iter().collect();
        assert!(
            distinct.len() >= 4,
            "the sample tells a whole story: {distinct:?}"
        );
        assert_eq!(delivered(loaded.clone()).kinds, Some(expected));
        let metrics = read_loaded("m.csv", "timestamp,value\n1700000000000,1\n");
        assert_eq!(delivered(metrics).kinds, None);
    }

    #[test]
    fn every_kind_has_a_digit_of_its_own() {
        for kind in EventKind::ALL {
            assert_eq!(kind_of_digit(digit(kind)), Ok(kind));
        }
        assert!(kind_of_digit('x').is_err());
    }

    #[test]
    fn kinds_that_do_not_match_the_events_are_refused() {
        let messages = split(read_loaded(
            "a.txt",
            "Title: A\n\nTimeline:\n- 10:00 x\n- 10:05 y\n",
        ));
        let kinds = messages
            .iter()
            .position(|m| m.starts_with(b"{\"Kinds\""))
            .expect("a kinds part");
        let mut short = Assembler::new();
        for (index, message) in messages.iter().enumerate() {
            let message = if index == kinds {
                encode(&Part::Kinds("9".into()))
            } else {
                message.clone()
            };
            let _ = short.push(&message);
        }
        assert!(short.finish().is_err(), "one kind for two events");
        let mut bad = Assembler::new();
        let _ = bad.push(&messages[0]);
        assert!(bad.push(&encode(&Part::Kinds("7x".into()))).is_err());
    }

    #[test]
    fn a_long_timeline_comes_in_chunks_and_in_order() {
        let mut text = String::from("Title: Long\n\nTimeline:\n");
        for i in 0..(CHUNK * 2 + 7) {
            text.push_str(&format!(
                "- 2024-01-15 {:02}:{:02} Step {i}\n",
                (i / 60) % 24,
                i % 60
            ));
        }
        text.push_str("- 99:99 not a time\n");
        let loaded = read_loaded("long.txt", &text);
        let messages = split(loaded.clone());
        // The incident, three chunks of events, three of their kinds, the diagnostics, the end.
        assert_eq!(messages.len(), 9);
        assert!(messages.iter().all(|m| m.len() < 2 * 1024 * 1024));
        let back = round_trip(loaded.clone());
        let Loaded::Incident(parsed) = &back else {
            panic!("an incident")
        };
        assert_eq!(parsed.incident.timeline.len(), CHUNK * 2 + 7);
        assert_eq!(
            parsed.incident.timeline[CHUNK].text,
            format!("Step {CHUNK}")
        );
        assert_eq!(back, loaded);
    }

    #[test]
    fn metric_points_keep_their_series_and_exact_values() {
        let mut csv = String::from("timestamp,value,series\n");
        for i in 0..(CHUNK + 3) {
            let value = (i as f64).sqrt() / 7.0;
            csv.push_str(&format!(
                "{},{value},a\n{},{},b\n",
                1_700_000_000_000i64 + i as i64,
                1_700_000_000_000i64 + i as i64,
                value * 1e-9
            ));
        }
        csv.push_str("oops,1,a\n");
        let loaded = read_loaded("m.csv", &csv);
        let Loaded::Metrics {
            series,
            diagnostics,
        } = &loaded
        else {
            panic!("metrics")
        };
        assert_eq!(series.len(), 2);
        assert!(!diagnostics.is_empty());
        assert_eq!(round_trip(loaded.clone()), loaded);
    }

    #[test]
    fn broken_or_out_of_order_parts_are_errors_not_panics() {
        let messages = split(read_loaded("a.txt", "Title: A\n\nTimeline:\n- 10:00 x\n"));
        let mut assembler = Assembler::new();
        assert!(assembler.push(b"{not json").is_err());
        assert!(
            assembler.push(&messages[1]).is_err(),
            "events before the incident"
        );
        let mut early = Assembler::new();
        assert_eq!(early.push(&messages[0]), Ok(false));
        assert!(early.finish().is_err(), "ended early");
        let mut late = Assembler::new();
        for message in &messages {
            let _ = late.push(message);
        }
        assert!(
            late.push(messages.last().expect("end")).is_err(),
            "after the end"
        );
        let unknown = encode(&Part::Incident {
            incident: Box::default(),
            outline: Vec::new(),
            headings: vec![("nope".into(), "x".into())],
            stated: Vec::new(),
        });
        assert!(Assembler::new().push(&unknown).is_err());
    }

    #[test]
    fn every_heading_key_a_reader_writes_is_known() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut folders = vec![root];
        let mut files = Vec::new();
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).expect("fixtures").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path)
                } else {
                    files.push(path)
                }
            }
        }
        let mut seen = 0;
        for path in files {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            if let Loaded::Incident(parsed) = read_loaded(&name, &text) {
                for (key, _) in &parsed.headings {
                    assert!(HEADING_KEYS.contains(key), "{key} from {name}");
                    seen += 1;
                }
            }
        }
        assert!(seen > 10, "only {seen} headings seen");
    }
}
