//! The views agree: the timeline, the chart and the illustration take the impact window, the
//! phases, the event kinds and the zone offset from one place in `analysis`, for the sample
//! and for every text fixture (real-world shapes written in our own words).
#![cfg(not(target_arch = "wasm32"))]

use postmortem_explorer::analysis::anomalies::anomalies;
use postmortem_explorer::analysis::durations::duration_words;
use postmortem_explorer::analysis::format::incident_dates;
use postmortem_explorer::analysis::kinds::kinds_of;
use postmortem_explorer::analysis::milestones::{key_durations_from, why_no_durations, Milestones};
use postmortem_explorer::analysis::phases::{phases, PhaseKind};
use postmortem_explorer::analysis::window::incident_extent;
use postmortem_explorer::analysis::zones::{incident_offset, offset_minutes, ZoneChoice};
use postmortem_explorer::draw::chart::scene::{chart_scene, SceneOptions};
use postmortem_explorer::draw::illustration::Illustration;
use postmortem_explorer::model::Incident;
use postmortem_explorer::parse::parse_document;
use postmortem_explorer::sample::SAMPLE_TEXT;

/// The sample and every text fixture that has a timeline.
fn incidents() -> Vec<(String, Incident)> {
    let mut all = vec![(
        "sample".to_string(),
        parse_document("cookie-catastrophe.txt", SAMPLE_TEXT).incident,
    )];
    for dir in ["tests/fixtures/text", "tests/fixtures/shapes"] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let name = path.to_string_lossy().to_string();
            if name.ends_with(".json") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let incident = parse_document(&name, &text).incident;
            if !incident.timeline.is_empty() {
                all.push((name, incident));
            }
        }
    }
    assert!(all.len() > 40, "only {} incidents", all.len());
    all
}

#[test]
fn the_chart_draws_the_phases_and_impact_window_the_analysis_computes() {
    for (name, incident) in incidents() {
        let Some(extent) = incident_extent(&incident) else {
            continue;
        };
        let options = SceneOptions {
            width: 900,
            height: 300,
            offset_minutes: incident_offset(&incident),
            theme: postmortem_explorer::draw::palette::Theme::Light,
        };
        let scene = chart_scene(&incident, extent, options);
        let milestones = Milestones::of(&incident);
        let expected: Vec<(&str, f64, f64)> = phases(&milestones)
            .iter()
            .filter(|p| p.kind != PhaseKind::Impact)
            .map(|p| (p.kind.label(), p.start, p.end))
            .collect();
        let drawn: Vec<(&str, f64, f64)> = scene
            .phases
            .iter()
            .map(|b| (b.label, b.start, b.end))
            .collect();
        assert_eq!(drawn, expected, "{name}");
        if let Some(band) = &scene.incident {
            assert_eq!(
                Some(band.start),
                milestones.impact_start.as_ref().map(|m| m.at),
                "{name}"
            );
        }
        let kinds = kinds_of(&incident);
        for marker in &scene.markers {
            assert_eq!(marker.kind, kinds[marker.index], "{name}");
        }
    }
}

#[test]
fn the_illustration_tells_the_same_window_in_the_same_zone() {
    for (name, incident) in incidents() {
        let illustration = Illustration::new(&incident);
        let story = illustration.story();
        assert_eq!(story.offset_minutes, incident_offset(&incident), "{name}");
        assert_eq!(
            offset_minutes(ZoneChoice::Incident, &incident, 0.0, |_| 999),
            story.offset_minutes,
            "{name}"
        );
        let milestones = Milestones::of(&incident);
        // A log of separate incidents: the picture tells the latest, within its span.
        if let Some(latest) = milestones.episodes.last() {
            assert_eq!(story.latest_of, Some(milestones.episodes.len()), "{name}");
            let chapters = story.chapters.expect("the latest incident has times");
            let within = |t: f64| (latest.start..=latest.end).contains(&t);
            assert!(within(chapters.impact), "{name}");
            assert!(chapters.resolved.is_none_or(within), "{name}");
            continue;
        }
        assert_eq!(story.latest_of, None, "{name}");
        if let Some(chapters) = story.chapters {
            assert_eq!(
                Some(chapters.impact),
                milestones.impact_start.as_ref().map(|m| m.at),
                "{name}"
            );
            if let Some(resolved) = chapters.resolved {
                assert_eq!(
                    Some(resolved),
                    milestones.resolved.as_ref().map(|m| m.at),
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn the_local_zone_is_asked_per_instant() {
    // A viewer whose zone changes (daylight saving) in the middle of the incident: each view
    // asks the offset at the instant it draws, through one function.
    let incident = parse_document("cookie-catastrophe.txt", SAMPLE_TEXT).incident;
    let extent = incident_extent(&incident).expect("the sample has times");
    let change = (extent.start + extent.end) / 2.0;
    let local = |at: f64| if at < change { 60 } else { 120 };
    assert_eq!(
        offset_minutes(ZoneChoice::Local, &incident, extent.start, local),
        60
    );
    assert_eq!(
        offset_minutes(ZoneChoice::Local, &incident, extent.end, local),
        120
    );
}

#[test]
fn a_log_of_separate_incidents_has_no_window_across_them_in_any_view() {
    let text = "# Cluster status history\n\n## Timeline\n\n\
        - 2024-05-02 16:30 - storage down\n- 2024-05-02 17:30 - storage restored\n\
        - 2023-12-22 09:00 - network outage begins\n- 2023-12-22 13:00 - network restored\n\
        - 2023-03-01 21:00 - router repair starts\n- 2023-03-02 04:00 - cluster reachable again\n";
    let incident = parse_document("status.md", text).incident;
    let milestones = Milestones::of(&incident);
    // Three incidents, earliest first, each with its own span; written newest first.
    let spans: Vec<(Vec<usize>, f64)> = milestones
        .episodes
        .iter()
        .map(|e| (e.events.clone(), e.span_ms() / 3_600_000.0))
        .collect();
    assert_eq!(
        spans,
        [(vec![4, 5], 7.0), (vec![2, 3], 4.0), (vec![0, 1], 1.0)]
    );
    // No milestone, duration, phase or header window spans them ...
    assert!(milestones.impact_start.is_none() && milestones.resolved.is_none());
    assert!(key_durations_from(&milestones).is_empty());
    assert!(why_no_durations(&milestones).contains("separate incidents"));
    assert!(phases(&milestones).is_empty());
    let extent = incident_extent(&incident).expect("times");
    let options = SceneOptions {
        width: 900,
        height: 300,
        offset_minutes: 0,
        theme: postmortem_explorer::draw::palette::Theme::Light,
    };
    let scene = chart_scene(&incident, extent, options);
    assert!(scene.phases.is_empty());
    assert_eq!(
        incident_dates(&incident).as_deref(),
        Some("1 Mar 2023 – 2 May 2024 (zone not stated), 3 separate incidents")
    );
    assert_eq!(
        duration_words(&incident, &milestones),
        "per incident (3 in this file)"
    );
    // ... a log written newest first is not out of order ...
    assert!(anomalies(&incident, 2026).is_empty());
    // ... and the picture tells the latest incident: an hour, mended.
    let illustration = Illustration::new(&incident);
    let story = illustration.story();
    assert_eq!(story.latest_of, Some(3));
    assert_eq!(story.duration_seconds, Some(3600));
    assert!(illustration
        .statement()
        .starts_with("The latest of 3 incidents in this file."));
}
