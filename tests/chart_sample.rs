//! The sample's illustrative metrics tell the postmortem's story, and the chart drawn for it
//! natively (SVG backend) has its axes, series and event markers.

use plotters::prelude::SVGBackend;
use postmortem_explorer::analysis::window::{axis_ms, incident_extent, TimeWindow};
use postmortem_explorer::draw::chart::export::chart_svg;
use postmortem_explorer::draw::chart::scene::{css_color, kind_color};
use postmortem_explorer::draw::chart::text_metrics::EstimatedText;
use postmortem_explorer::draw::chart::{chart_scene, SceneOptions};
use postmortem_explorer::draw::chart::{draw_chart, ChartScene};
use postmortem_explorer::draw::palette::Theme;
use postmortem_explorer::model::{EventKind, Incident, MetricSeries};
use postmortem_explorer::parse::{parse_metrics, parse_text};
use postmortem_explorer::sample::{
    synthetic_incident, SAMPLE_METRICS, SAMPLE_METRICS_NAME, SAMPLE_TEXT,
};

/// The text of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            Some(body.split("</text>").next()?.trim().to_string())
        })
        .collect()
}

fn sample() -> Incident {
    let mut incident = parse_text(SAMPLE_TEXT).incident;
    let (metrics, diagnostics) = parse_metrics(SAMPLE_METRICS_NAME, SAMPLE_METRICS);
    assert_eq!(diagnostics, [], "the shipped metrics read cleanly");
    incident.metrics = metrics;
    incident
}

/// The mean of a series between two local (UTC-5) clock times on the incident's day.
fn mean_between(series: &MetricSeries, from: &str, to: &str) -> f64 {
    let at = |clock: &str| axis_ms(&format!("2024-01-15T{clock}:00-05:00").parse().unwrap()) as i64;
    let (from, to) = (at(from), at(to));
    let values: Vec<f64> = series
        .points
        .iter()
        .filter(|&&(t, _)| t >= from && t < to)
        .map(|p| p.1)
        .collect();
    assert!(!values.is_empty());
    values.iter().sum::<f64>() / values.len() as f64
}

#[test]
fn the_illustrative_error_rate_tells_the_story() {
    let incident = sample();
    let errors = &incident.metrics[0];
    assert_eq!(
        (errors.name.as_str(), errors.unit.as_str()),
        ("error rate", "%")
    );
    assert!(errors.illustrative, "the file says it is illustrative");
    assert_eq!(errors.points.len(), 301, "one a minute from 09:30 to 14:30");
    let before = mean_between(errors, "09:30", "10:00");
    let rising = mean_between(errors, "10:05", "10:30");
    let after_scaling = mean_between(errors, "10:35", "13:00");
    let after_fix = mean_between(errors, "13:30", "14:30");
    assert!(before < 1.0, "{before}");
    assert!(rising > 25.0, "errors rise at 10:00: {rising}");
    assert!(
        after_scaling >= rising - 1.0,
        "scaling the database did not help: {after_scaling}"
    );
    assert!(after_fix < 2.0, "the cache fix recovered it: {after_fix}");
    assert_eq!(incident.metrics[1].unit, "ms");
}

/// The chart drawn with plotters' own SVG backend.
fn plotters_svg(scene: &ChartScene) -> String {
    let mut svg = String::new();
    {
        let size = (scene.options.width, scene.options.height);
        draw_chart(
            EstimatedText(SVGBackend::with_string(&mut svg, size)),
            scene,
        )
        .unwrap();
    }
    svg
}

#[test]
fn the_svg_chart_has_axes_series_and_markers() {
    let incident = sample();
    let window = incident_extent(&incident).unwrap();
    let options = SceneOptions {
        width: 900,
        height: 400,
        offset_minutes: -300,
        theme: Theme::Light,
    };
    let scene = chart_scene(&incident, window, options);
    let svg = plotters_svg(&scene);
    // The exported SVG (recorded, then written) has the same texts.
    assert_eq!(texts(&chart_svg(&scene)), texts(&svg));

    // Time axis on round local times, value axes with units.
    for label in ["10:00", "11:00", "12:00", "13:00", "14:00"] {
        assert!(
            texts(&svg).contains(&label.to_string()),
            "time label {label}"
        );
    }
    assert!(
        texts(&svg).iter().any(|t| t == "30%") || texts(&svg).iter().any(|t| t == "20%"),
        "a % axis label"
    );
    assert!(
        texts(&svg).iter().any(|t| t.ends_with(" ms")),
        "a ms axis label"
    );
    // Two series, each one path, and their legend.
    let paths: Vec<&str> = svg.lines().filter(|l| l.contains("<polyline")).collect();
    let series_paths: Vec<&&str> = paths
        .iter()
        .filter(|l| l.contains("#C2410C") || l.contains("#1D4ED8"))
        .collect();
    assert_eq!(
        series_paths.len(),
        2 + 2,
        "two series paths and two legend swatches"
    );
    assert!(
        series_paths.iter().any(|l| l.matches(',').count() > 250),
        "a path with every sample"
    );
    assert!(texts(&svg).iter().any(|t| t == "error rate (%)"));
    assert!(texts(&svg).iter().any(|t| t == "p95 login latency (ms)"));
    assert!(texts(&svg)
        .iter()
        .any(|t| t == "illustrative data — not measured"));
    // Nine event markers in each of the two panels, coloured by kind.
    let misleading = css_color(kind_color(EventKind::MisleadingPath, Theme::Light)).to_uppercase();
    let resolved = css_color(kind_color(EventKind::Resolved, Theme::Light)).to_uppercase();
    assert_eq!(paths.iter().filter(|l| l.contains(&misleading)).count(), 2);
    assert_eq!(paths.iter().filter(|l| l.contains(&resolved)).count(), 2);
    // Phase bands, named.
    for phase in ["Diagnosis", "Mitigation", "Recovery"] {
        assert!(texts(&svg).contains(&phase.to_string()), "{phase}");
    }
}

#[test]
fn a_zoomed_window_shows_only_its_part() {
    let incident = sample();
    let start = axis_ms(incident.start.as_ref().unwrap());
    let window = TimeWindow::new(start + 3.0 * 3_600_000.0, start + 3.5 * 3_600_000.0);
    let options = SceneOptions {
        width: 900,
        height: 300,
        offset_minutes: -300,
        theme: Theme::Light,
    };
    let svg = chart_svg(&chart_scene(&incident, window, options));
    assert!(texts(&svg).iter().any(|t| t == "13:00") && texts(&svg).iter().any(|t| t == "13:30"));
    assert!(!texts(&svg).iter().any(|t| t == "12:00") && !texts(&svg).iter().any(|t| t == "14:00"));
}

#[test]
fn a_metric_less_incident_gets_the_derived_labelled_step() {
    let incident = synthetic_incident(50, 0);
    let window = incident_extent(&incident).unwrap();
    let options = SceneOptions {
        width: 900,
        height: 300,
        offset_minutes: 0,
        theme: Theme::Light,
    };
    let svg = chart_svg(&chart_scene(&incident, window, options));
    assert!(texts(&svg)
        .iter()
        .any(|t| t == "derived from the postmortem text — not measured"));
    assert!(texts(&svg).iter().any(|t| t == "users affected (%)"));
    assert!(
        texts(&svg).iter().any(|t| t == "40%"),
        "the stated 40% is on the axis"
    );
}
