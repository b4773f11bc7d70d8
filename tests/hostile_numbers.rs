//! Numbers that used to make a loop huge: a metric value of 1.7e308 (CSV, Prometheus
//! `query_range` JSON, exposition text, structured `metrics`), a share of users of 1e308 or
//! -50, repeated sample times, an end before the start. Each is left out (or kept) with a
//! located warning when read, and the chart drawn from whatever reaches it stays bounded: the
//! assertions count ticks, points and labels, never time.
#![cfg(not(target_arch = "wasm32"))]

use plotters::prelude::SVGBackend;
use postmortem_explorer::analysis::format::Days;
use postmortem_explorer::analysis::ticks::ticks;
use postmortem_explorer::analysis::window::{incident_extent, TimeWindow};
use postmortem_explorer::draw::chart::text_metrics::EstimatedText;
use postmortem_explorer::draw::chart::{chart_scene, draw_chart, ChartScene, SceneOptions};
use postmortem_explorer::draw::illustration::Illustration;
use postmortem_explorer::draw::palette::Theme;
use postmortem_explorer::loading::{read_loaded, Loaded};
use postmortem_explorer::model::{Incident, MetricSeries};
use postmortem_explorer::parse::{
    parse_json, parse_metrics, parse_text, parse_toml, parse_yaml, Diagnostic, Severity,
};
use postmortem_explorer::sample::SAMPLE_TEXT;

const OPTIONS: SceneOptions = SceneOptions {
    width: 900,
    height: 400,
    offset_minutes: 0,
    theme: Theme::Light,
};

/// (severity, line, column) of each diagnostic.
fn places(diagnostics: &[Diagnostic]) -> Vec<(Severity, u32, u32)> {
    diagnostics
        .iter()
        .map(|d| (d.severity, d.line, d.column))
        .collect()
}

/// The scene over the incident's extent, checked for bounded sizes, then drawn with plotters'
/// SVG backend; returns the SVG.
fn draw(incident: &Incident) -> String {
    let window = incident_extent(incident).expect("the incident has times");
    let scene = chart_scene(incident, window, OPTIONS);
    check_bounded(&scene);
    let mut svg = String::new();
    draw_chart(
        EstimatedText(SVGBackend::with_string(&mut svg, (900, 400))),
        &scene,
    )
    .expect("drawn");
    // A handful of axis labels, not thousands.
    assert!(
        svg.matches("<text").count() < 200,
        "{} texts",
        svg.matches("<text").count()
    );
    svg
}

/// Every panel's range is finite, contains 0 and is at most a few times 1e15; no series has
/// more than four samples per pixel column (plus the two edges).
fn check_bounded(scene: &ChartScene) {
    for panel in &scene.panels {
        let (lo, hi) = panel.y_range;
        assert!(lo.is_finite() && hi.is_finite() && lo < hi, "{lo}..{hi}");
        assert!(lo <= 0.0 && hi >= 0.0, "{lo}..{hi}");
        assert!(hi - lo <= 2.5e15, "{lo}..{hi}");
        for series in &panel.series {
            assert!(series.points.len() <= 4 * 900 + 2);
        }
    }
}

/// The sample incident (10:00–14:00 at UTC-05:00, that is 15:00–19:00 UTC) with `metrics`.
fn sample_with(metrics: Vec<MetricSeries>) -> Incident {
    let mut incident = parse_text(SAMPLE_TEXT).incident;
    incident.metrics = metrics;
    incident
}

#[test]
fn a_csv_value_of_1_7e308_is_left_out_with_a_warning_and_the_chart_finishes() {
    let csv = "timestamp,value\n2024-01-15T15:30:00Z,1.7e308\n2024-01-15T15:31:00Z,-1e16\n\
               2024-01-15T15:32:00Z,12.5\n2024-01-15T15:33:00Z,1e15\n";
    let (series, diagnostics) = parse_metrics("m.csv", csv);
    assert_eq!(
        places(&diagnostics),
        [(Severity::Warning, 2, 22), (Severity::Warning, 3, 22)]
    );
    assert!(
        diagnostics[0].message.contains("beyond ±1e15"),
        "{}",
        diagnostics[0].message
    );
    assert_eq!(
        series[0].points,
        [(1_705_332_720_000, 12.5), (1_705_332_780_000, 1e15)]
    );
    draw(&sample_with(series));
}

#[test]
fn the_same_in_prometheus_json_and_exposition_text() {
    let json = r#"{"status": "success", "data": {"resultType": "matrix", "result": [
  {"metric": {"__name__": "errors"},
   "values": [[1705332600, "1.7e308"], [1705332660, "3"], [1705332720, "-1e300"]]}
]}}"#;
    let Loaded::Metrics {
        series,
        diagnostics,
    } = read_loaded("q.json", json)
    else {
        panic!("query_range JSON is metrics");
    };
    assert_eq!(
        places(&diagnostics),
        [(Severity::Warning, 3, 28), (Severity::Warning, 3, 72)]
    );
    assert_eq!(series[0].points, [(1_705_332_660_000, 3.0)]);
    draw(&sample_with(series));

    let text = "# TYPE errors gauge\nerrors 1.7e308 1705332600000\nerrors 4 1705332660000\n";
    let Loaded::Metrics {
        series,
        diagnostics,
    } = read_loaded("dump.prom", text)
    else {
        panic!("exposition text is metrics");
    };
    assert_eq!(places(&diagnostics), [(Severity::Warning, 2, 8)]);
    assert_eq!(series[0].points, [(1_705_332_660_000, 4.0)]);
}

#[test]
fn series_built_elsewhere_are_clamped_where_they_reach_the_chart() {
    // Not from a reader: every value the chart could be handed.
    let at = |minute: i64| 1_705_330_800_000 + minute * 60_000;
    let wild = MetricSeries {
        name: "wild".into(),
        points: vec![
            (at(10), 1.7e308),
            (at(11), f64::MAX),
            (at(12), -f64::MAX),
            (at(13), f64::INFINITY),
            (at(14), f64::NAN),
            (at(15), 1e-300),
            (at(16), 5e-324),
        ],
        ..MetricSeries::default()
    };
    let tiny = MetricSeries {
        name: "tiny".into(),
        unit: "s".into(),
        points: vec![(at(10), 1e-300), (at(20), 5e-324)],
        ..MetricSeries::default()
    };
    draw(&sample_with(vec![wild, tiny]));
    // Samples at the ends of time: the metric-only extent spans ±1e16 ms.
    let ends = MetricSeries {
        name: "ends".into(),
        points: vec![(-9_999_999_999_999_999, 1.0), (9_999_999_999_999_999, 2.0)],
        ..MetricSeries::default()
    };
    let only_metrics = Incident {
        metrics: vec![ends],
        ..Incident::default()
    };
    draw(&only_metrics);
    let window = incident_extent(&only_metrics).unwrap();
    assert!(ticks(window, 800.0, 0, 80.0, Days::Dated).len() <= 10_001);
    let absurd = TimeWindow::new(-1e300, 1e300);
    assert!(ticks(absurd, 800.0, 0, 80.0, Days::Dated).len() <= 10_001);
}

#[test]
fn structured_shares_outside_0_to_100_are_left_out_with_a_warning() {
    let json = "{\n  \"title\": \"x\",\n  \"start\": \"2024-01-15T10:00:00Z\",\n  \"end\": \"2024-01-15T11:00:00Z\",\n  \"impact\": {\"text\": \"all\", \"affected_users_percent\": 1e308}\n}\n";
    let toml = "title = \"x\"\nstart = \"2024-01-15T10:00:00Z\"\nend = \"2024-01-15T11:00:00Z\"\n\n[impact]\ntext = \"all\"\naffected_users_percent = -50\n";
    let yaml = "title: x\nstart: 2024-01-15T10:00:00Z\nend: 2024-01-15T11:00:00Z\nimpact:\n  text: all\n  affected_users_percent: .inf\n";
    for (parsed, place) in [
        (parse_json(json), (5, 30)),
        (parse_toml(toml), (7, 1)),
        (parse_yaml(yaml), (6, 3)),
    ] {
        assert_eq!(parsed.incident.impact.affected_users_percent, None);
        assert_eq!(
            places(&parsed.diagnostics),
            [(Severity::Warning, place.0, place.1)],
            "{:?}",
            parsed.diagnostics
        );
        assert!(parsed.diagnostics[0].message.contains("expected 0 to 100"));
        // Nothing stated: the illustration crumbles its default share.
        let scene = Illustration::new(&parsed.incident).scene_at(None, 0);
        assert!((0.0..=1.0).contains(&scene.crumbled_share));
    }
    // Set directly (not read), the share is held to 0–100 where it is drawn.
    let mut direct = parse_json(json).incident;
    for share in [1e308, -50.0, f64::NAN, f64::INFINITY] {
        direct.impact.affected_users_percent = Some(share);
        let scene = Illustration::new(&direct).scene_at(None, 0);
        assert!((0.0..=1.0).contains(&scene.crumbled_share), "{share}");
        draw(&direct);
    }
    // A share within range still reaches the chart, as a derived step.
    let fine = parse_json(&json.replace("1e308", "100"));
    assert_eq!(fine.diagnostics, []);
    draw(&fine.incident);
}

#[test]
fn structured_metrics_are_checked_like_a_metrics_file() {
    let json = r#"{
  "title": "x",
  "start": "2024-01-15T15:00:00Z",
  "end": "2024-01-15T16:00:00Z",
  "metrics": [
    {"name": "ok", "points": [[1705330800000, 1.0]]},
    {"name": "huge",
     "points": [[1705330800000, 1e308], [1705330860000, 2.0], [1705330860000, 3.0], [1705330800001, 4.0], [99999999999999999, 5.0]]}
  ]
}
"#;
    let parsed = parse_json(json);
    assert_eq!(
        places(&parsed.diagnostics),
        [
            (Severity::Warning, 8, 7),
            (Severity::Warning, 8, 7),
            (Severity::Warning, 8, 7)
        ],
        "{:#?}",
        parsed.diagnostics
    );
    let messages: Vec<&str> = parsed
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages[0].starts_with("2 samples of `huge` were left out"),
        "{messages:?}"
    );
    assert!(messages[1].contains("sorted by time"), "{messages:?}");
    assert!(
        messages[2].starts_with("1 sample of `huge` at a time it has a sample already"),
        "{messages:?}"
    );
    assert_eq!(
        parsed.incident.metrics[1].points,
        [(1_705_330_800_001, 4.0), (1_705_330_860_000, 2.0)]
    );
    draw(&parsed.incident);
}

#[test]
fn repeated_sample_times_keep_the_first_with_a_located_warning() {
    let csv = "timestamp,value,series\n2024-01-15T15:00:00Z,1,a\n2024-01-15T15:00:00Z,2,a\n\
               2024-01-15T15:00:00Z,3,b\n1705330800,4,a\n";
    let (series, diagnostics) = parse_metrics("m.csv", csv);
    assert_eq!(
        places(&diagnostics),
        [(Severity::Warning, 3, 1), (Severity::Warning, 5, 1)]
    );
    assert!(diagnostics[0].message.contains(
        "`a` already has a sample at this time; this one is left out (the first written is kept)"
    ));
    assert_eq!(series[0].points, [(1_705_330_800_000, 1.0)]);
    assert_eq!(series[1].points, [(1_705_330_800_000, 3.0)]);

    let json = r#"{"status": "success", "data": {"resultType": "matrix", "result": [
  {"metric": {"__name__": "up"},
   "values": [[1705330800, "1"], [1705330860, "1"],
              [1705330800, "0"]]}
]}}"#;
    let (series, diagnostics) = parse_metrics("q.json", json);
    assert_eq!(places(&diagnostics), [(Severity::Warning, 4, 16)]);
    assert_eq!(
        series[0].points,
        [(1_705_330_800_000, 1.0), (1_705_330_860_000, 1.0)]
    );

    let text = "up 1 1705330800000\nup 0 1705330800000\n";
    let Loaded::Metrics { diagnostics, .. } = read_loaded("x.prom", text) else {
        panic!("exposition text is metrics");
    };
    assert_eq!(places(&diagnostics), [(Severity::Warning, 2, 1)]);
}

#[test]
fn an_end_before_the_start_is_never_moved_silently() {
    // A bare end earlier in the day than the start is read as the next day, with a warning.
    let timeline = "\n## Timeline\n\n- 14:00 alert\n- 15:00 fixed\n";
    let parsed = parse_text(&format!(
        "# Outage\n\nDate: 2024-01-15\nStart: 14:00\nEnd: 10:00\n{timeline}"
    ));
    assert_eq!(
        parsed.incident.end.map(|e| e.to_string()).as_deref(),
        Some("2024-01-16T10:00:00")
    );
    assert_eq!(
        places(&parsed.diagnostics),
        [(Severity::Warning, 5, 6)],
        "{:?}",
        parsed.diagnostics
    );
    assert!(parsed.diagnostics[0].message.contains(
        "the end (10:00) is earlier in the day than the start (14:00); it is read as the next day"
    ));

    // So is a range on one line.
    let parsed = parse_text(&format!(
        "# Outage\n\nDuration: January 15, 2024, 10:00 PM - 1:15 AM\n{timeline}"
    ));
    assert_eq!(places(&parsed.diagnostics), [(Severity::Warning, 3, 11)]);

    // Both dated, the end first: kept as written, with a warning.
    let parsed = parse_text(&format!(
        "# Outage\n\nStart: 2024-01-15 14:00\nEnd: 2024-01-14 10:00\n{timeline}"
    ));
    assert_eq!(
        parsed.incident.end.map(|e| e.to_string()).as_deref(),
        Some("2024-01-14T10:00:00")
    );
    assert_eq!(places(&parsed.diagnostics), [(Severity::Warning, 4, 6)]);
    assert!(parsed.diagnostics[0]
        .message
        .contains("is before the start"));

    let json = "{\n  \"title\": \"x\",\n  \"start\": \"2024-01-15T14:00:00Z\",\n  \"end\": \"2024-01-15T10:00:00Z\"\n}\n";
    let parsed = parse_json(json);
    assert_eq!(places(&parsed.diagnostics), [(Severity::Warning, 4, 4)]);
    assert!(parsed.diagnostics[0]
        .message
        .contains("is before the start"));
}
