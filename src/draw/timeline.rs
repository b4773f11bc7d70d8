//! Timeline geometry: where every visible thing goes on a timeline of a given size showing
//! a given window. Events are indexed once by time ([`EventIndex`]); each frame, only the
//! events inside the window are laid out ([`scene`]), so a frame costs what is visible, not
//! what the incident holds. Also: colours and icons per kind, hit testing, overview density.

use std::ops::Range;

use crate::analysis::format::Days;
use crate::analysis::kinds::kinds_of;
use crate::analysis::layout::{layout, LabelBox, LayoutOptions};
use crate::analysis::phases::{Phase, PhaseKind};
use crate::analysis::ticks::{ticks, Tick};
use crate::analysis::window::{axis_ms, TimeWindow};
use crate::model::{EventKind, Incident};
use crate::parse::rich;

/// Height of the strip above the lanes that holds the phase names.
pub const PHASE_STRIP: f64 = 22.0;
/// Height of one label lane.
pub const LANE_HEIGHT: f64 = 24.0;
/// Space below the axis line for tick labels.
pub const AXIS_SPACE: f64 = 26.0;
/// Longest label, in characters, before it is cut with an ellipsis.
pub const LABEL_CHARS: usize = 38;
/// Longest label when zoomed in far enough for every visible event to have its own lane.
pub const LONG_LABEL_CHARS: usize = 140;
/// Estimated width of one label character at the 12 px label font.
const CHAR_WIDTH: f64 = 6.6;
/// Events closer than this (in pixels) are drawn as one cluster; also the cluster glyph's room.
pub const CLUSTER_PX: f64 = 16.0;
/// Space for the icon and padding in front of a label.
const LABEL_LEAD: f64 = 18.0;

/// The incident's events sorted by time, built once per incident.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventIndex {
    /// Event indices in time order (written order among equal times).
    pub order: Vec<usize>,
    /// Axis milliseconds, parallel to `order` (so sorted).
    pub times: Vec<f64>,
    /// For each event (by index), its position in `order`.
    pub rank: Vec<usize>,
    /// For each event, its kind.
    pub kinds: Vec<EventKind>,
    /// For each event, its plain text (links reduced to their text), for labels and search.
    pub texts: Vec<String>,
    /// For each event, its axis milliseconds.
    pub at: Vec<f64>,
    /// How days are named: by date, or counted when the postmortem gives no date.
    pub days: Days,
    /// The stated start and end of the impact, when written (axis milliseconds).
    pub stated: Vec<f64>,
}

impl EventIndex {
    /// Indexes the events of `incident`.
    pub fn new(incident: &Incident) -> EventIndex {
        EventIndex::with_kinds(incident, kinds_of(incident))
    }

    /// Indexes the events of `incident` whose kinds were classified already (one per event).
    pub fn with_kinds(incident: &Incident, kinds: Vec<EventKind>) -> EventIndex {
        let at: Vec<f64> = incident.timeline.iter().map(|e| axis_ms(&e.at)).collect();
        let mut order: Vec<usize> = (0..at.len()).collect();
        order.sort_by(|&a, &b| at[a].total_cmp(&at[b]));
        let mut rank = vec![0; at.len()];
        for (position, &event) in order.iter().enumerate() {
            rank[event] = position;
        }
        EventIndex {
            times: order.iter().map(|&i| at[i]).collect(),
            order,
            rank,
            kinds,
            texts: incident
                .timeline
                .iter()
                .map(|e| plain_text(&e.text))
                .collect(),
            at,
            days: Days::of(incident),
            stated: [&incident.start, &incident.end]
                .into_iter()
                .flatten()
                .map(axis_ms)
                .filter(|t| t.is_finite())
                .collect(),
        }
    }

    /// How many events.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when there are no events.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Positions (into `order`) of the events inside `window`, found by binary search.
    pub fn visible(&self, window: TimeWindow) -> Range<usize> {
        let from = self.times.partition_point(|&t| t < window.start);
        let to = self.times.partition_point(|&t| t <= window.end);
        from..to.max(from)
    }

    /// The instant whose day names the axis over `window`: the first thing written in it
    /// (an event, or the stated start or end), else its start. The window's start alone is
    /// the margin before the first event, the day before when the incident starts just
    /// after midnight.
    pub fn context_instant(&self, window: TimeWindow) -> f64 {
        let visible = self.visible(window);
        let first_event = self
            .times
            .get(visible.start)
            .copied()
            .filter(|_| !visible.is_empty());
        let stated = self
            .stated
            .iter()
            .copied()
            .filter(|t| (window.start..=window.end).contains(t));
        first_event
            .into_iter()
            .chain(stated)
            .reduce(f64::min)
            .unwrap_or(window.start)
    }

    /// The event after (`step` = 1) or before (-1) `event` in time order, skipping events
    /// `shown` rejects; from nothing, the first (or last) shown event.
    pub fn step(
        &self,
        event: Option<usize>,
        step: isize,
        shown: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let n = self.order.len() as isize;
        let mut position = match event.and_then(|e| self.rank.get(e)) {
            Some(&rank) => rank as isize + step,
            None if step >= 0 => 0,
            None => n - 1,
        };
        while (0..n).contains(&position) {
            let candidate = self.order[position as usize];
            if shown(candidate) {
                return Some(candidate);
            }
            position += if step < 0 { -1 } else { 1 };
        }
        None
    }
}

/// The first block of `text` (its Markdown rendered) as plain words, for a label: no `**`,
/// backticks or link syntax, and no code block the entry carries under its words.
pub fn plain_text(text: &str) -> String {
    // Most event texts hold no markup: skip the Markdown reader for them.
    let marked = text.bytes().any(|b| {
        matches!(
            b,
            b'*' | b'_' | b'`' | b'[' | b'<' | b'&' | b'\n' | b'~' | b'\\'
        )
    });
    if !marked {
        return text.to_string();
    }
    let words = rich::plain_text(&rich::render(text, &rich::LinkBase::none()));
    words
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
        .to_string()
}

/// A label cut to [`LABEL_CHARS`] characters, with an ellipsis when cut.
pub fn short_label(text: &str) -> String {
    label_within(text, LABEL_CHARS)
}

/// `text` cut to at most `max_chars` characters, with an ellipsis, at a word when one is near.
pub fn label_within(text: &str, max_chars: usize) -> String {
    let max_chars = max_chars.max(2);
    if text.chars().count() <= max_chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max_chars - 1).collect();
        // Cut at a word boundary when one is not too far back.
        let at_word = match cut.rfind(' ') {
            Some(space) if space > max_chars / 2 => &cut[..space],
            _ => cut.as_str(),
        };
        format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':']))
    }
}

/// How many characters the label of an event at `x` may show: [`LABEL_CHARS`] when the view
/// is busy; when every visible event can have a lane of its own (zoomed in), as many as fit
/// between the event and the right edge (up to [`LONG_LABEL_CHARS`]), so labels say all there
/// is room for.
pub fn label_budget(visible: usize, lanes: usize, x: f64, width: f64) -> usize {
    if visible > lanes {
        return LABEL_CHARS;
    }
    let fits = ((width - x.max(0.0) - LABEL_LEAD - 8.0) / CHAR_WIDTH)
        .floor()
        .max(0.0) as usize;
    fits.clamp(LABEL_CHARS, LONG_LABEL_CHARS)
}

/// Where x positions and instants meet on an axis `width` pixels wide showing `window`.
pub fn x_of(window: TimeWindow, width: f64, ms: f64) -> f64 {
    (ms - window.start) / window.span() * width
}

/// The instant at `x` pixels on an axis `width` pixels wide showing `window`.
pub fn ms_at(window: TimeWindow, width: f64, x: f64) -> f64 {
    window.start + x / width.max(1.0) * window.span()
}

/// What to draw a timeline of.
#[derive(Debug, Clone, Copy)]
pub struct SceneInput<'a> {
    /// The indexed events.
    pub index: &'a EventIndex,
    /// The phases behind them.
    pub phases: &'a [Phase],
    /// The visible window.
    pub window: TimeWindow,
    /// Canvas size in CSS pixels.
    pub width: f64,
    /// Canvas height in CSS pixels.
    pub height: f64,
    /// Zone offset for tick labels.
    pub offset_minutes: i32,
    /// Bit `k` set = kind `EventKind::ALL[k]` is filtered out.
    pub hidden_kinds: u16,
}

/// One marker: a single event or a cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Position on the axis.
    pub x: f64,
    /// Range of positions in [`EventIndex::order`] it covers (may include filtered-out events
    /// between shown ones only when it is a cluster; `count` counts shown ones).
    pub ranks: Range<usize>,
    /// Shown events it stands for.
    pub count: usize,
    /// The event it shows (its first event when a cluster).
    pub event: usize,
    /// Its kind (the first event's, for a cluster).
    pub kind: EventKind,
    /// Label lane, `None` when the label had no room (marker only).
    pub lane: Option<usize>,
    /// Left edge of the label.
    pub label_x: f64,
    /// Label text: the event's text, or "N events" for a cluster.
    pub label: String,
    /// Estimated label width in pixels, icon included.
    pub label_width: f64,
}

/// A phase band in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Which phase.
    pub kind: PhaseKind,
}

/// Everything a frame draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Phase bands, clipped to the canvas.
    pub bands: Vec<Band>,
    /// Ticks with their x positions.
    pub ticks: Vec<(f64, Tick)>,
    /// Markers, left to right.
    pub markers: Vec<Marker>,
    /// Lanes available.
    pub lanes: usize,
    /// y of the axis line.
    pub axis_y: f64,
    /// y of the row of markers just above the axis.
    pub dot_y: f64,
    /// Shown events in the window.
    pub visible_events: usize,
}

impl Scene {
    /// The centre line of a label lane (lane 0 is nearest the axis).
    pub fn lane_y(&self, lane: usize) -> f64 {
        self.dot_y - 22.0 - lane as f64 * LANE_HEIGHT
    }

    /// The marker at (`x`, `y`): a label or a marker dot within a few pixels.
    pub fn hit(&self, x: f64, y: f64) -> Option<&Marker> {
        let on_label = self.markers.iter().rev().find(|m| {
            m.lane.is_some_and(|lane| {
                let ly = self.lane_y(lane);
                (y - ly).abs() <= LANE_HEIGHT / 2.0
                    && x >= m.label_x - 8.0
                    && x <= m.label_x + m.label_width
            })
        });
        on_label.or_else(|| {
            if (y - self.dot_y).abs() > 12.0 {
                return None;
            }
            self.markers
                .iter()
                .map(|m| ((m.x - x).abs(), m))
                .filter(|(d, _)| *d <= 8.0)
                .min_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, m)| m)
        })
    }
}

/// True when kind `kind` is filtered out by the mask.
pub fn is_hidden(hidden_kinds: u16, kind: EventKind) -> bool {
    let bit = EventKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    hidden_kinds & (1 << bit) != 0
}

/// Lays out one frame: bands, ticks, and the visible events clustered and stacked.
pub fn scene(input: SceneInput<'_>) -> Scene {
    let SceneInput {
        index,
        window,
        width,
        height,
        ..
    } = input;
    let axis_y = (height - AXIS_SPACE).max(0.0);
    let dot_y = axis_y - 10.0;
    let lanes = ((dot_y - 22.0 - PHASE_STRIP - LANE_HEIGHT / 2.0) / LANE_HEIGHT + 1.0)
        .floor()
        .max(0.0) as usize;
    let bands = input
        .phases
        .iter()
        .filter(|p| p.end > window.start && p.start < window.end)
        .map(|p| Band {
            x0: x_of(window, width, p.start).max(0.0),
            x1: x_of(window, width, p.end).min(width),
            kind: p.kind,
        })
        .collect();
    let ticks = ticks(window, width, input.offset_minutes, 84.0, index.days)
        .into_iter()
        .map(|t| (x_of(window, width, t.at), t))
        .collect();

    let range = index.visible(window);
    let shown: Vec<usize> = range
        .filter(|&r| !is_hidden(input.hidden_kinds, index.kinds[index.order[r]]))
        .collect();
    let budget = |rank: usize| {
        label_budget(
            shown.len(),
            lanes,
            x_of(window, width, index.times[rank]),
            width,
        )
    };
    let label_width = |rank: usize| {
        let event = index.order[rank];
        LABEL_LEAD + CHAR_WIDTH * index.texts[event].chars().count().min(budget(rank)) as f64
    };
    let boxes: Vec<LabelBox> = shown
        .iter()
        .map(|&r| {
            let x = x_of(window, width, index.times[r]);
            let w = label_width(r);
            LabelBox {
                x,
                // Pull labels left at the right edge so they are not cut off.
                left: x.min(width - w - 4.0).max(0.0),
                width: w,
            }
        })
        .collect();
    let cluster_width = LABEL_LEAD + CHAR_WIDTH * 11.0;
    let groups = layout(
        &boxes,
        LayoutOptions {
            lanes,
            gap: 10.0,
            cluster_px: CLUSTER_PX,
            cluster_width,
            right: width - 4.0,
        },
    );
    let markers = groups
        .iter()
        .map(|g| {
            let first_rank = shown[g.first];
            let last_rank = shown[g.first + g.len - 1];
            let event = index.order[first_rank];
            let (label, label_width) = if g.len == 1 {
                (
                    label_within(&index.texts[event], budget(first_rank)),
                    label_width(first_rank),
                )
            } else {
                (format!("{} events", g.len), cluster_width)
            };
            Marker {
                x: g.x,
                ranks: first_rank..last_rank + 1,
                count: g.len,
                event,
                kind: index.kinds[event],
                lane: g.lane,
                label_x: g.left,
                label,
                label_width,
            }
        })
        .collect();
    Scene {
        bands,
        ticks,
        markers,
        lanes,
        axis_y,
        dot_y,
        visible_events: shown.len(),
    }
}

/// Events per bucket across `extent` (for the overview strip's density).
pub fn density(index: &EventIndex, extent: TimeWindow, buckets: usize) -> Vec<u32> {
    let mut counts = vec![0; buckets];
    if buckets == 0 {
        return counts;
    }
    for &t in &index.times {
        let share = (t - extent.start) / extent.span();
        if (0.0..=1.0).contains(&share) {
            let bucket = ((share * buckets as f64) as usize).min(buckets - 1);
            counts[bucket] += 1;
        }
    }
    counts
}

/// An icon: closed polygons or open polylines in a unit box (−1..1), filled or stroked.
#[derive(Debug, Clone, PartialEq)]
pub struct Icon {
    /// Point lists.
    pub paths: Vec<Vec<(f64, f64)>>,
    /// Filled shapes (else stroked lines).
    pub filled: bool,
    /// Closed paths.
    pub closed: bool,
}

/// The icon of a kind: each kind has its own shape, so kinds differ without colour too.
pub fn kind_icon(kind: EventKind) -> Icon {
    let polygon = |sides: usize, radius: f64, turn: f64| -> Vec<(f64, f64)> {
        (0..sides)
            .map(|i| {
                let a = turn + i as f64 * std::f64::consts::TAU / sides as f64;
                (radius * a.cos(), radius * a.sin())
            })
            .collect()
    };
    let up = -std::f64::consts::FRAC_PI_2;
    let star: Vec<(f64, f64)> = (0..10)
        .map(|i| {
            let r = if i % 2 == 0 { 1.05 } else { 0.45 };
            let a = up + i as f64 * std::f64::consts::PI / 5.0;
            (r * a.cos(), r * a.sin())
        })
        .collect();
    let (paths, filled, closed) = match kind {
        EventKind::ImpactStart => (vec![polygon(3, 1.05, up)], true, true),
        EventKind::Detected => (vec![polygon(16, 0.8, 0.0)], true, true),
        EventKind::Alerted => (
            vec![polygon(4, 1.0, std::f64::consts::FRAC_PI_4)],
            true,
            true,
        ),
        EventKind::Investigating => (vec![polygon(16, 0.7, 0.0)], false, true),
        EventKind::Escalated => (
            vec![
                vec![(-0.8, 0.2), (0.0, -0.8), (0.8, 0.2), (-0.8, 0.2)],
                vec![(-0.8, 0.9), (0.0, -0.1), (0.8, 0.9), (-0.8, 0.9)],
            ],
            true,
            true,
        ),
        EventKind::MisleadingPath => (
            vec![
                vec![(-0.7, -0.7), (0.7, 0.7)],
                vec![(-0.7, 0.7), (0.7, -0.7)],
            ],
            false,
            false,
        ),
        EventKind::RootCauseIdentified => (vec![star], true, true),
        EventKind::Mitigated => (vec![polygon(4, 1.0, 0.0)], true, true),
        EventKind::Resolved => (
            vec![vec![(-0.8, 0.0), (-0.25, 0.6), (0.8, -0.6)]],
            false,
            false,
        ),
        EventKind::Other => (
            vec![polygon(4, 0.7, std::f64::consts::FRAC_PI_4)],
            false,
            true,
        ),
    };
    Icon {
        paths,
        filled,
        closed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::milestones::Milestones;
    use crate::analysis::phases::phases;
    use crate::analysis::window::incident_extent;
    use crate::parse::parse_text;
    use crate::sample::{synthetic_incident, SAMPLE_TEXT};

    fn sample() -> (Incident, EventIndex) {
        let incident = parse_text(SAMPLE_TEXT).incident;
        let index = EventIndex::new(&incident);
        (incident, index)
    }

    #[test]
    fn the_sample_fits_with_every_label_shown() {
        let (incident, index) = sample();
        let phases = phases(&Milestones::of(&incident));
        let window = incident_extent(&incident).unwrap();
        let scene = scene(SceneInput {
            index: &index,
            phases: &phases,
            window,
            width: 1100.0,
            height: 300.0,
            offset_minutes: -300,
            hidden_kinds: 0,
        });
        assert_eq!(scene.markers.len(), 9);
        assert!(scene
            .markers
            .iter()
            .all(|m| m.lane.is_some() && m.count == 1));
        // Every event has a lane of its own, so labels say as much as fits before the edge.
        assert_eq!(
            scene.markers[6].label,
            "Root cause identified as misconfigured cache serving stale session data."
        );
        assert_eq!(scene.markers[8].label, "Full service recovery confirmed.");
        assert_eq!(scene.bands.len(), 4);
        assert_eq!(scene.ticks[0].1.label, "10:00");
        // Markers sit at their times: 10:00 is 12 minutes into the 264-minute window.
        assert!((scene.markers[0].x - 1100.0 * 12.0 / 264.0).abs() < 1e-9);
        let hit = scene.hit(
            scene.markers[3].x + 20.0,
            scene.lane_y(scene.markers[3].lane.unwrap()),
        );
        assert_eq!(hit.map(|m| m.event), Some(3));
        assert_eq!(
            scene
                .hit(scene.markers[8].x + 2.0, scene.dot_y)
                .map(|m| m.event),
            Some(8)
        );
        assert_eq!(scene.hit(-50.0, 0.0), None);
    }

    #[test]
    fn the_axis_is_named_by_the_day_of_its_first_event_not_of_the_margin() {
        let text = "Title: Night deploy\n\nTimeline:\n- 2024-03-05 00:01 UTC - Deploy started\n\
                    - 2024-03-05 09:10 UTC - Errors stopped\n";
        let incident = parse_text(text).incident;
        let index = EventIndex::new(&incident);
        let window = incident_extent(&incident).unwrap();
        // The margin before 00:01 starts on the day before.
        assert!(window.start < index.times[0]);
        let zone = crate::analysis::zones::ShownZone::at(0);
        let named = |at| crate::analysis::format::axis_context_at(at, zone, index.days);
        assert!(named(window.start).starts_with("Mon 4 Mar 2024"));
        assert!(named(index.context_instant(window)).starts_with("Tue 5 Mar 2024"));
        // A stated start before midnight names the day it is on.
        let stated = parse_text(
            "Title: Night deploy\n\n**Duration:** 2024-03-04 23:20 UTC – 2024-03-05 02:00 UTC\n\n\
             Timeline:\n- 2024-03-05 00:05 UTC - Deploy started\n- 2024-03-05 01:50 UTC - Fixed\n",
        )
        .incident;
        let stated_index = EventIndex::new(&stated);
        let stated_window = incident_extent(&stated).unwrap();
        let day = crate::analysis::format::axis_context_at(
            stated_index.context_instant(stated_window),
            zone,
            stated_index.days,
        );
        assert!(day.starts_with("Mon 4 Mar 2024"), "{day}");
        // Zoomed in between the events, the window's own start names the day.
        let between = TimeWindow {
            start: index.times[0] + 60_000.0,
            end: index.times[1] - 60_000.0,
        };
        assert_eq!(index.context_instant(between), between.start);
    }

    #[test]
    fn labels_grow_only_when_every_event_has_a_lane() {
        // Busy: more events in view than lanes.
        assert_eq!(label_budget(20, 8, 0.0, 1200.0), LABEL_CHARS);
        // Zoomed in: as much as fits before the right edge, within bounds.
        assert_eq!(label_budget(3, 8, 0.0, 1200.0), LONG_LABEL_CHARS);
        assert_eq!(label_budget(3, 8, 600.0, 1200.0), 86);
        assert_eq!(label_budget(3, 8, 1150.0, 1200.0), LABEL_CHARS);
        let long = "word ".repeat(40);
        assert_eq!(label_within(&long, 20), "word word word…");
        assert_eq!(label_within("short", 20), "short");
    }

    #[test]
    fn filters_and_windows_limit_what_is_laid_out() {
        let (incident, index) = sample();
        let start = axis_ms(&incident.timeline[0].at);
        let window = TimeWindow::new(start - 1000.0, start + 45.0 * 60_000.0);
        assert_eq!(index.visible(window), 0..4);
        let hidden = 1 << 3; // Investigating
        let scene = scene(SceneInput {
            index: &index,
            phases: &[],
            window,
            width: 800.0,
            height: 260.0,
            offset_minutes: 0,
            hidden_kinds: hidden,
        });
        assert_eq!(scene.visible_events, 3);
        assert!(scene
            .markers
            .iter()
            .all(|m| m.kind != EventKind::Investigating));
        assert_eq!(
            index.step(Some(1), 1, |e| index.kinds[e] != EventKind::Investigating),
            Some(3)
        );
        assert_eq!(index.step(None, -1, |_| true), Some(8));
        assert_eq!(index.step(Some(8), 1, |_| true), None);
    }

    #[test]
    fn ten_thousand_events_cluster_to_what_the_width_can_show() {
        let incident = synthetic_incident(10_000, 0);
        let index = EventIndex::new(&incident);
        let window = incident_extent(&incident).unwrap();
        let scene = scene(SceneInput {
            index: &index,
            phases: &[],
            window,
            width: 1200.0,
            height: 300.0,
            offset_minutes: 0,
            hidden_kinds: 0,
        });
        assert_eq!(scene.markers.iter().map(|m| m.count).sum::<usize>(), 10_000);
        assert!(scene.markers.len() <= 1200 / 16 + 1);
        assert!(scene
            .markers
            .iter()
            .any(|m| m.count > 1 && m.label.ends_with(" events")));
        assert_eq!(density(&index, window, 10).iter().sum::<u32>(), 10_000);
    }

    #[test]
    fn out_of_order_events_are_indexed_by_time() {
        let text = "Timeline:\n11:00 AM: Later.\n10:00 AM: Earlier.\n";
        let incident = parse_text(text).incident;
        let index = EventIndex::new(&incident);
        assert_eq!(index.order, [1, 0]);
        assert_eq!(index.rank, [1, 0]);
        assert_eq!(
            plain_text("See [the doc](https://x.org) now"),
            "See the doc now"
        );
    }

    #[test]
    fn every_kind_has_its_own_icon() {
        let icons: Vec<Icon> = EventKind::ALL.iter().map(|&k| kind_icon(k)).collect();
        for (i, a) in icons.iter().enumerate() {
            assert!(icons[i + 1..].iter().all(|b| b != a));
        }
    }
}
