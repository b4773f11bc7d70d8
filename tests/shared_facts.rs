//! The views agree: the timeline, the chart and the illustration take the impact window, the
//! phases, the event kinds and the zone offset from one place in `analysis`, for the sample
//! and for every text fixture (real-world shapes written in our own words).
#![cfg(not(target_arch = "wasm32"))]

use postmortem_explorer::analysis::kinds::kinds_of;
use postmortem_explorer::analysis::milestones::Milestones;
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
