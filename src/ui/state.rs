//! The app's shared state, provided once by [`App`](super::App) through context.
//!
//! One open document, and one view state that every view reads and writes: the visible
//! window of the shared time axis, the selected and hovered event, the reader's position
//! (playhead) and the time zone times are shown in. Views stay in sync because they share
//! these signals, not because they talk to each other.

use leptos::prelude::*;

use crate::analysis::kinds::kinds_of;
use crate::analysis::milestones::Milestones;
use crate::analysis::window::{incident_extent, TimeWindow};
use crate::loading::wire::Delivery;
use crate::loading::Loaded;
use crate::model::{EventKind, Incident, Part};
use crate::parse::{parse_document, Diagnostic, Parsed, Stated};
use crate::sample::{open_pre_read_sample, synthetic_incident, SAMPLE_NAME};

/// A loaded postmortem: where it came from and what the reader made of it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenDocument {
    /// File name or URL it was loaded from.
    pub source_name: String,
    /// The incident read from it. [`AppState`] moves it into its own signal when the document
    /// opens (so a big incident is never copied), leaving this empty there.
    pub incident: Incident,
    /// The kind of each of its timeline events when they were classified in advance (by the
    /// parse worker); `None` has [`AppState`] classify them.
    pub kinds: Option<Vec<EventKind>>,
    /// What the reader skipped or guessed.
    pub diagnostics: Vec<Diagnostic>,
    /// The parts after the page's fixed cards, in the order the author wrote them.
    pub outline: Vec<Part>,
    /// The author's own headings for the parts the page names (see `Parsed::headings`).
    pub headings: Vec<(&'static str, String)>,
    /// The lines read into facts the page writes its own way, as written (see
    /// `Parsed::stated`).
    pub stated: Vec<Stated>,
}

impl OpenDocument {
    /// Reads a document from its name and text, on this thread. The page itself never does
    /// (files are read in the parse worker, and the sample comes read ahead of time): it is for
    /// tests and tools that link the readers anyway.
    pub fn read(source_name: &str, text: &str) -> OpenDocument {
        OpenDocument::from_parsed(source_name, parse_document(source_name, text), None)
    }

    /// A document read elsewhere: `kinds` are its events' kinds when already classified.
    fn from_parsed(
        source_name: &str,
        parsed: Parsed,
        kinds: Option<Vec<EventKind>>,
    ) -> OpenDocument {
        OpenDocument {
            source_name: source_name.to_string(),
            incident: parsed.incident,
            kinds,
            diagnostics: parsed.diagnostics,
            outline: parsed.outline,
            headings: parsed.headings,
            stated: parsed.stated,
        }
    }

    /// The embedded sample, with its illustrative metrics attached: opened from its reading
    /// made ahead of time ([`SAMPLE_PRE_READ`](crate::sample::SAMPLE_PRE_READ)), so the page
    /// needs no reader of its own.
    pub fn sample() -> OpenDocument {
        match open_pre_read_sample() {
            Ok(Delivery {
                loaded: Loaded::Incident(parsed),
                kinds,
            }) => OpenDocument::from_parsed(SAMPLE_NAME, *parsed, kinds),
            // Only a build that skipped tests/pre_read_sample.rs can get here.
            outcome => {
                let why = match outcome {
                    Err(error) => error.to_string(),
                    Ok(_) => "it holds metric series, not a postmortem".to_string(),
                };
                let mut parsed = Parsed::default();
                parsed.diagnostics.push(Diagnostic::error(
                    1,
                    1,
                    format!("The built-in sample could not be opened: {why}."),
                    "",
                ));
                OpenDocument::from_parsed(SAMPLE_NAME, parsed, None)
            }
        }
    }

    /// The document to open first: `?synthetic=EVENTS[,POINTS]` (for benchmarks), else the sample.
    pub fn initial() -> OpenDocument {
        let search = window().location().search().unwrap_or_default();
        let spec = web_sys::UrlSearchParams::new_with_str(&search)
            .ok()
            .and_then(|params| params.get("synthetic"));
        match spec.as_deref().and_then(synthetic_sizes) {
            Some((events, points)) => OpenDocument {
                source_name: format!("synthetic ({events} events, {points} samples)"),
                incident: synthetic_incident(events, points),
                kinds: None,
                diagnostics: Vec::new(),
                outline: Vec::new(),
                headings: Vec::new(),
                stated: Vec::new(),
            },
            None => OpenDocument::sample(),
        }
    }
}

/// Reads `EVENTS[,POINTS]`, capped at 100,000 events and 10,000,000 samples.
fn synthetic_sizes(spec: &str) -> Option<(usize, usize)> {
    let (events, points) = spec.split_once(',').unwrap_or((spec, "0"));
    let events: usize = events.trim().parse().ok()?;
    let points: usize = points.trim().parse().ok()?;
    Some((events.min(100_000), points.min(10_000_000)))
}

pub use crate::analysis::zones::ZoneChoice;

/// What the reader is looking at; shared by every view.
#[derive(Debug, Clone, Copy)]
pub struct ViewState {
    /// The visible span of the time axis; `None` shows the whole incident.
    pub window: RwSignal<Option<TimeWindow>>,
    /// The selected timeline event, by index.
    pub selected: RwSignal<Option<usize>>,
    /// The event under the pointer, by index.
    pub hovered: RwSignal<Option<usize>>,
    /// The reader's position on the axis (ms) while scrubbing or playing; `None` = the end.
    pub playhead: RwSignal<Option<f64>>,
    /// The zone times are shown in.
    pub zone: RwSignal<ZoneChoice>,
}

impl ViewState {
    fn new() -> ViewState {
        ViewState {
            window: RwSignal::new(None),
            selected: RwSignal::new(None),
            hovered: RwSignal::new(None),
            playhead: RwSignal::new(None),
            zone: RwSignal::new(ZoneChoice::default()),
        }
    }
}

/// The state every component can reach with [`app_state`].
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The open document.
    pub document: RwSignal<OpenDocument>,
    /// Its incident, apart from the rest of the document: moved in when a document opens, never
    /// copied, and untouched when only the diagnostics change.
    pub incident: RwSignal<Incident>,
    /// The kind of each timeline event, classified once for every view. Set with the
    /// incident when a document opens (the timeline changes only then).
    pub kinds: RwSignal<Vec<EventKind>>,
    /// The milestones (impact window, detection, ...), found once from the kinds for every view.
    pub milestones: Memo<Milestones>,
    /// The whole incident on the time axis, with margins (see [`incident_extent`]), found
    /// once for every view.
    pub extent: Memo<Option<TimeWindow>>,
    /// Notified one task after the incident changes. The views slowest to rebuild (the
    /// illustration's scene) follow it rather than [`AppState::incident`], so opening a big
    /// incident is drawn in two tasks instead of one long one that blocks the page.
    pub settled: Trigger,
    /// True while an incident of more than [`DRAWN_IN_STAGES_ABOVE`] events opens: the
    /// timeline and the charts are taken down in a task of their own before, and drawn again
    /// in one after (see [`super::staged`]), so the page is drawn in tasks short enough to
    /// keep it responsive.
    pub staging: RwSignal<bool>,
    /// Whether the timeline has applied the URL's view once (it does so when first drawn,
    /// not when drawn again after [`AppState::staging`]).
    pub url_view_applied: StoredValue<bool>,
    /// What the reader is looking at.
    pub view: ViewState,
}

/// Timelines longer than this are drawn in stages (see [`AppState::staging`]).
pub const DRAWN_IN_STAGES_ABOVE: usize = 20_000;

impl AppState {
    /// State for `document`, with the view showing all of it.
    pub fn new(mut document: OpenDocument) -> AppState {
        let kinds = RwSignal::new(kinds_for(&mut document));
        let incident = RwSignal::new(std::mem::take(&mut document.incident));
        let document = RwSignal::new(document);
        let milestones =
            Memo::new(move |_| incident.with(|i| kinds.with(|k| Milestones::with_kinds(i, k))));
        let extent = Memo::new(move |_| incident.with(incident_extent));
        AppState {
            document,
            incident,
            kinds,
            milestones,
            extent,
            settled: Trigger::new(),
            staging: RwSignal::new(false),
            url_view_applied: StoredValue::new(false),
            view: ViewState::new(),
        }
    }

    /// Opens another document and resets the view to show all of it.
    pub fn open(&self, mut document: OpenDocument) {
        self.kinds.set(kinds_for(&mut document));
        self.incident.set(std::mem::take(&mut document.incident));
        // While the heavy views are down (see `staged`), they settle it once they are back.
        if !self.staging.get_untracked() {
            self.settle_later();
        }
        self.document.set(document);
        self.view.window.set(None);
        self.view.selected.set(None);
        self.view.hovered.set(None);
        self.view.playhead.set(None);
    }
}

impl AppState {
    /// Replaces the open document with a new reading of the same text (the editor's preview,
    /// as the writer types): the view (window, zone) stays; a selection past the new
    /// timeline's end is cleared.
    pub fn revise(&self, mut document: OpenDocument) {
        self.kinds.set(kinds_for(&mut document));
        let events = document.incident.timeline.len();
        self.incident.set(std::mem::take(&mut document.incident));
        self.settle_later();
        self.document.set(document);
        for event in [self.view.selected, self.view.hovered] {
            if event.get_untracked().is_some_and(|e| e >= events) {
                event.set(None);
            }
        }
    }

    /// Adds metric series to the open incident.
    pub fn attach_metrics(&self, series: Vec<crate::model::MetricSeries>) {
        self.incident
            .update(|incident| incident.metrics.extend(series));
        self.settle_later();
    }

    /// Notifies [`AppState::settled`] in a task of its own, after the views that follow the
    /// incident directly have been drawn.
    pub(super) fn settle_later(&self) {
        let settled = self.settled;
        set_timeout(move || settled.notify(), std::time::Duration::ZERO);
    }
}

/// The kinds of `document`'s events: those it came with when they fit its timeline, else
/// classified here.
fn kinds_for(document: &mut OpenDocument) -> Vec<EventKind> {
    match document.kinds.take() {
        Some(kinds) if kinds.len() == document.incident.timeline.len() => kinds,
        _ => kinds_of(&document.incident),
    }
}

/// The app's state; every component is rendered inside [`App`](super::App), which provides it.
pub fn app_state() -> AppState {
    expect_context::<AppState>()
}

/// The heading of a part: the author's own words when they wrote one, else `default`.
pub fn part_heading(key: &'static str, default: &'static str) -> Signal<String> {
    let document = app_state().document;
    Signal::derive(move || {
        document.with(|d| {
            d.headings
                .iter()
                .find(|(k, _)| *k == key)
                .map_or_else(|| default.to_string(), |(_, text)| text.clone())
        })
    })
}
