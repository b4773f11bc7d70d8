//! The scene model against the incident's data: the share that crumbles, the crew's size,
//! determinism, and the picture before the impact, mid-outage and after the recovery.
//!
//! Test code only (`#![cfg(test)]`, and `#[cfg(test)] mod tests;` in `illustration.rs`): its
//! `expect`s are assertions that fail a test, never code the page runs.

#![cfg(test)]

use super::*;
use crate::model::{Impact, Moment, TimelineEvent};
use crate::parse::parse_text;
use crate::sample::SAMPLE_TEXT;

const HOUR: f64 = 3_600_000.0;

fn sample() -> Incident {
    parse_text(SAMPLE_TEXT).incident
}

fn impact_start(ill: &Illustration) -> f64 {
    ill.story().chapters.expect("the sample has times").impact
}

fn count(scene: &Scene, role: Role) -> usize {
    scene.with_role(role).len()
}

fn texts(scene: &Scene) -> Vec<String> {
    let mut out = Vec::new();
    for node in &scene.nodes {
        node.walk(&mut |n| {
            if let Shape::Text { text, .. } = &n.shape {
                out.push(text.clone());
            }
        });
    }
    out
}

fn event(at: &str, text: &str) -> TimelineEvent {
    TimelineEvent {
        at: at.parse::<Moment>().expect("a valid moment"),
        text: text.into(),
        inferred: false,
        kind: None,
    }
}

#[test]
fn the_crumbled_share_equals_the_impact_share() {
    let ill = Illustration::new(&sample());
    assert!(
        (ill.broken_share() - 0.30).abs() < 0.005,
        "{}",
        ill.broken_share()
    );
    // At the worst moment (root cause found, before mitigation) every piece is off.
    let worst = ill.scene_at(Some(impact_start(&ill) + 2.5 * HOUR), -300);
    assert_eq!(worst.stage, Stage::RootCauseFound);
    assert!((worst.crumbled_share - 0.30).abs() < 0.005);
    assert!(worst.description.contains("30% of the cookie has crumbled"));

    for percent in [5.0, 12.5, 50.0, 80.0] {
        let mut incident = sample();
        incident.impact.affected_users_percent = Some(percent);
        let ill = Illustration::new(&incident);
        let worst = ill.scene_at(Some(impact_start(&ill) + 2.5 * HOUR), -300);
        assert!(
            (worst.crumbled_share - percent / 100.0).abs() < 0.005,
            "{percent}% gave {}",
            worst.crumbled_share
        );
    }
}

#[test]
fn an_unknown_share_crumbles_a_quarter_and_says_so() {
    let mut incident = sample();
    incident.impact = Impact::default();
    let ill = Illustration::new(&incident);
    assert!((ill.broken_share() - DEFAULT_SHARE).abs() < 0.005);
    assert!(ill
        .statement()
        .starts_with("A quarter of the cookie crumbled"));
    assert!(ill.statement().contains("does not state"));
}

#[test]
fn one_engineer_per_timeline_entry_within_bounds() {
    let ill = Illustration::new(&sample());
    assert_eq!(ill.story().engineers, 9);
    let end = ill.scene_at(None, -300);
    assert_eq!(count(&end, Role::Engineer), 9);

    let mut long = sample();
    let extra: Vec<TimelineEvent> = (0..30)
        .map(|i| event(&format!("2024-01-15T11:{i:02}:00-05:00"), "Checking logs"))
        .collect();
    long.timeline.extend(extra);
    let ill = Illustration::new(&long);
    assert_eq!(count(&ill.scene_at(None, 0), Role::Engineer), MAX_ENGINEERS);

    let bare = Incident {
        title: "No timeline".into(),
        ..Incident::default()
    };
    let ill = Illustration::new(&bare);
    let scene = ill.scene_at(None, 0);
    assert_eq!(count(&scene, Role::Engineer), MIN_ENGINEERS);
    assert_eq!(scene.stage, Stage::Crumbling);
    assert!(scene.description.contains("no times"));
}

#[test]
fn the_same_incident_draws_the_same_picture_and_another_differs() {
    let at = Some(impact_start(&Illustration::new(&sample())) + 1.25 * HOUR);
    let one = Illustration::new(&sample()).scene_at(at, -300);
    let two = Illustration::new(&sample()).scene_at(at, -300);
    assert_eq!(one, two);
    assert_eq!(to_svg(&one, Theme::Light), to_svg(&two, Theme::Light));

    let mut other = sample();
    other.title = "The Great Brownie Blunder".into();
    let three = Illustration::new(&other).scene_at(at, -300);
    assert_ne!(
        Illustration::new(&other).seed(),
        Illustration::new(&sample()).seed()
    );
    let cookie_of = |s: &Scene| {
        s.find("body/edge")
            .map(|n| n.shape.clone())
            .expect("the body is drawn")
    };
    assert_ne!(
        cookie_of(&one),
        cookie_of(&three),
        "the cookie breaks elsewhere"
    );
}

#[test]
fn before_the_impact_the_cookie_is_whole_and_fresh() {
    let ill = Illustration::new(&sample());
    let scene = ill.scene_at(Some(impact_start(&ill) - 10.0 * 60_000.0), -300);
    assert_eq!(scene.stage, Stage::Whole);
    assert_eq!(scene.crumbled_share, 0.0);
    assert_eq!(count(&scene, Role::Piece), 0);
    assert_eq!(count(&scene, Role::Crack), 0);
    assert_eq!(count(&scene, Role::RecoveredMark), 0);
    assert!(count(&scene, Role::Sparkle) > 0);
    assert_eq!(
        count(&scene, Role::Engineer),
        1,
        "only the on-call engineer"
    );
    assert!(scene.find("whole/top").is_some());
    assert!(texts(&scene).contains(&"09:50".to_string()));
}

#[test]
fn mid_outage_the_cookie_crumbles_and_the_crew_investigates() {
    let ill = Illustration::new(&sample());
    let start = impact_start(&ill);
    let early = ill.scene_at(Some(start + 0.5 * HOUR), -300);
    let mid = ill.scene_at(Some(start + 1.25 * HOUR), -300);
    assert_eq!(mid.stage, Stage::Crumbling);
    assert!(count(&mid, Role::Crack) > 0);
    assert!(count(&mid, Role::Bug) > 0, "bugs scurry along the cracks");
    assert!(count(&mid, Role::Piece) > 0);
    assert!(mid.crumbled_share > 0.0 && mid.crumbled_share < 0.30);
    assert!(
        early.crumbled_share < mid.crumbled_share,
        "it keeps crumbling"
    );
    // Five entries so far (10:00 to 11:00), five engineers.
    assert_eq!(count(&mid, Role::Engineer), 5);
    assert_eq!(count(&mid, Role::Tool), 5);
    assert!(mid
        .description
        .starts_with("11:15, 1 hour 15 minutes into the outage"));
}

#[test]
fn once_the_root_cause_is_found_the_crew_gathers_at_the_cache_crumb() {
    let ill = Illustration::new(&sample());
    let start = impact_start(&ill);
    let scene = ill.scene_at(Some(start + 2.5 * HOUR), -300);
    assert_eq!(scene.stage, Stage::RootCauseFound);
    assert!(texts(&scene).contains(&"cache".to_string()));
    let tag = scene.with_role(Role::RootCauseTag);
    assert_eq!(tag.len(), 1);
    let flag_at = tag[0].transform.translate;
    // Every engineer stands near the flagged piece.
    let engineers = scene.with_role(Role::Engineer);
    assert_eq!(engineers.len(), 7);
    for engineer in engineers {
        let feet = engineer.transform.translate;
        assert!(
            feet.minus(flag_at).length() < 260.0,
            "{} stands at {feet:?}, far from the flag at {flag_at:?}",
            engineer.id
        );
    }
}

#[test]
fn after_the_recovery_the_cookie_is_mended_and_marked() {
    let ill = Illustration::new(&sample());
    let start = impact_start(&ill);
    let scene = ill.scene_at(Some(start + 4.0 * HOUR), -300);
    assert_eq!(scene.stage, Stage::Recovered);
    assert_eq!(scene.crumbled_share, 0.0);
    assert_eq!(count(&scene, Role::Piece), 0, "every piece is back");
    assert_eq!(count(&scene, Role::RecoveredMark), 1);
    assert!(
        count(&scene, Role::Seam) > 0,
        "golden seams show the repair"
    );
    assert_eq!(count(&scene, Role::Crack), 0);
    assert_eq!(count(&scene, Role::Bug), 0);
    let words = texts(&scene);
    assert!(words.contains(&"RECOVERED".to_string()));
    assert!(words.contains(&"14:00".to_string()));
    assert_eq!(
        scene.description,
        "14:00, recovered: the cookie is mended and 9 engineers celebrate."
    );
    // Mending sits between the worst and the end.
    let mending = ill.scene_at(Some(start + 3.3 * HOUR), -300);
    assert_eq!(mending.stage, Stage::Mending);
    assert!(mending.crumbled_share < 0.30);
    assert_eq!(count(&mending, Role::RecoveredMark), 0);
}

#[test]
fn the_statement_carries_the_figures() {
    let ill = Illustration::new(&sample());
    assert_eq!(
        ill.statement(),
        "30% of the cookie crumbled: 30% of users affected for 4 hours."
    );
    assert_eq!(ill.scene_at(None, -300).title, ill.statement());
}

#[test]
fn the_svg_export_escapes_hostile_text() {
    let mut incident = sample();
    incident.title = "</text><script>alert(\"pwned\")</script> & 'friends'\u{0}".into();
    let ill = Illustration::new(&incident);
    let svg = to_svg(&ill.scene_at(None, -300), Theme::Dark);
    assert!(!svg.contains("<script"), "no markup gets through");
    assert!(svg.contains(
        "&lt;/text&gt;&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &#39;friends&#39;"
    ));
    assert!(!svg.contains('\u{0}'));
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</g></svg>"));
    assert_eq!(svg.matches("<svg").count(), 1);
    // Dark colours are written inline.
    assert!(svg.contains(&format!("fill=\"{}\"", Colour::Backdrop.value(Theme::Dark))));
}

#[test]
fn odd_inputs_draw_without_panicking() {
    for percent in [f64::NAN, -20.0, 0.0, 100.0, 250.0] {
        let mut incident = sample();
        incident.impact.affected_users_percent = Some(percent);
        let ill = Illustration::new(&incident);
        for at in [
            None,
            Some(f64::NAN),
            Some(f64::INFINITY),
            Some(0.0),
            Some(1e15),
        ] {
            let scene = ill.scene_at(at, 0);
            assert!((0.0..=1.0).contains(&scene.crumbled_share));
        }
    }
    // Events written in the wrong order, a root cause before the impact.
    let mut odd = sample();
    odd.timeline.reverse();
    odd.start = None;
    let ill = Illustration::new(&odd);
    let _ = ill.scene_at(None, 0);
    assert!(!ill.stops().is_empty());
}

#[test]
fn a_near_miss_keeps_the_cookie_whole() {
    let mut incident = sample();
    incident.impact = Impact {
        text: "No customer impact: the canary stopped the rollout.".into(),
        affected_users_percent: None,
    };
    let ill = Illustration::new(&incident);
    let worst = ill.scene_at(Some(impact_start(&ill) + 2.5 * HOUR), -300);
    assert_eq!(worst.crumbled_share, 0.0);
    assert!(
        ill.statement().starts_with("The cookie stayed whole"),
        "{}",
        ill.statement()
    );
}

#[test]
fn a_crew_walks_a_few_dozen_times_however_many_events_there_are() {
    let mut incident = sample();
    let start = incident.timeline[0].at;
    let events = (0..50_000).map(|i| {
        let mut at = start;
        at.time += chrono::Duration::seconds(i % 14_000);
        TimelineEvent {
            at,
            text: format!("Step {i}"),
            inferred: false,
            kind: None,
        }
    });
    incident.timeline.extend(events);
    let ill = Illustration::new(&incident);
    for member in &ill.crew.members {
        // A walk takes 2.8% of the incident: at most about 36 of them fit.
        assert!(member.walks() <= 40, "{} walks", member.walks());
    }
    // The scene is still drawn at every moment.
    let end = ill.story().end();
    assert!(!ill.scene_at(Some(end), 0).nodes.is_empty());
}

#[test]
fn the_ending_names_the_recovery_not_a_follow_up_or_the_axis_margin() {
    let mut incident = sample();
    incident.timeline.push(event(
        "2024-01-16T09:00:00-05:00",
        "Post-mortem published on the blog",
    ));
    let ill = Illustration::new(&incident);
    let end = ill.scene_at(None, -300);
    assert_eq!(end.stage, Stage::Recovered);
    assert!(
        end.description.starts_with("14:00, recovered"),
        "{}",
        end.description
    );
    // With no recovery the clock stops at the last event written, not in the margin.
    incident.timeline.truncate(8);
    let ill = Illustration::new(&incident);
    let end = ill.scene_at(None, -300);
    assert!(end.description.starts_with("13:00"), "{}", end.description);
}

#[test]
fn a_stated_status_settles_the_ending() {
    let text = |status: &str, last: &str| {
        format!(
            "# Checkout errors\n\n## Summary\n\n**Status:** {status}\n\nCard payments failed.\n\n\
             ## Timeline\n\n- 2025-03-04 09:12 UTC: Error rate alert fired\n\
             - 2025-03-04 09:30 UTC: Rolled back the config\n- 2025-03-04 10:05 UTC: {last}\n"
        )
    };
    // Resolved, but no entry says when: the picture still ends mended, at the last entry,
    // and names no clock for the recovery.
    let stated = parse_text(&text(
        "✅ Resolved",
        "Engineers began investigating the queue",
    ))
    .incident;
    let ill = Illustration::new(&stated);
    let end = ill.scene_at(None, 0);
    assert_eq!(end.stage, Stage::Recovered);
    assert_eq!(count(&end, Role::RecoveredMark), 1);
    // No clock is named for it: not on the badge, in the corner or on the wall clock.
    let words = texts(&end);
    assert!(!words.iter().any(|w| w.contains("10:05")), "{words:?}");
    assert!(words.contains(&"Recovered".to_string()), "{words:?}");
    assert!(
        end.description
            .starts_with("10:05, the last entry; the postmortem states the incident resolved"),
        "{}",
        end.description
    );
    // Without the status line the same timeline ends mending.
    let unstated = parse_text(&text(
        "Postmortem written",
        "Engineers began investigating the queue",
    ))
    .incident;
    let end = Illustration::new(&unstated).scene_at(None, 0);
    assert_ne!(end.stage, Stage::Recovered);
    // Under investigation: an entry that reads as a recovery does not end the story.
    let open = parse_text(&text("Under investigation", "Service recovered")).incident;
    let end = Illustration::new(&open).scene_at(None, 0);
    assert_ne!(end.stage, Stage::Recovered, "{}", end.description);
    let closed = parse_text(&text("Postmortem written", "Service recovered")).incident;
    let end = Illustration::new(&closed).scene_at(None, 0);
    assert_eq!(end.stage, Stage::Recovered, "{}", end.description);
}

#[test]
fn a_near_miss_being_mended_says_nothing_is_off() {
    let text = "# Bad deploy caught early\n\n## Summary\n\nThere was no user impact.\n\n\
                ## Timeline\n\n- 2025-03-04 09:12 UTC: Error rate alert fired\n\
                - 2025-03-04 09:30 UTC: Rolled back the deploy\n\
                - 2025-03-04 10:05 UTC: Engineers began investigating the queue\n";
    let incident = parse_text(text).incident;
    let end = Illustration::new(&incident).scene_at(None, 0);
    assert_eq!(end.stage, Stage::Mending, "{}", end.description);
    assert!(
        end.description
            .ends_with("mitigated: 3 engineers finish the fix; no piece of the cookie is off."),
        "{}",
        end.description
    );
}
