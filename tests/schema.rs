//! The published JSON Schema (`public/incident.schema.json`) against the shipped samples and
//! against what the writers produce, with the `jsonschema` crate as an independent validator.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use postmortem_explorer::export::to_json;
use postmortem_explorer::parse::{parse_json, parse_toml, parse_yaml};
use postmortem_explorer::sample::SAMPLE_TEXT;
use serde_json::{json, Value};

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&read("public/incident.schema.json")).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid 2020-12 schema")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

#[test]
fn the_shipped_samples_are_valid() {
    let validator = validator();
    let json: Value =
        serde_json::from_str(&read("public/samples/cookie-catastrophe.json")).expect("JSON");
    assert_eq!(errors(&validator, &json), Vec::<String>::new());
    // TOML and YAML hold the same data: read them and validate what they say.
    for (path, incident) in [
        (
            "public/samples/cookie-catastrophe.toml",
            parse_toml(&read("public/samples/cookie-catastrophe.toml")),
        ),
        (
            "public/samples/cookie-catastrophe.yaml",
            parse_yaml(&read("public/samples/cookie-catastrophe.yaml")),
        ),
    ] {
        assert!(
            incident.diagnostics.is_empty(),
            "{path}: {:?}",
            incident.diagnostics
        );
        let value = serde_json::to_value(&incident.incident).expect("serialisable");
        assert_eq!(errors(&validator, &value), Vec::<String>::new(), "{path}");
        assert_eq!(
            value, json,
            "{path} says something else than the JSON sample"
        );
    }
}

#[test]
fn a_full_incident_written_by_the_app_is_valid() {
    let validator = validator();
    let full = json!({
        "title": "T", "summary": "s", "start": "2024-01-15T10:00:00Z", "end": "11:30",
        "impact": {"text": "40% of users", "affected_users_percent": 40.0},
        "root_cause": "r", "detection": "d", "resolution": "x",
        "timeline": [
            {"at": "2024-01-15T10:00:00-05:00", "text": "a", "kind": "detected"},
            {"at": "10:05:00+05:30", "text": "b", "inferred": true}
        ],
        "improvements": ["i"],
        "action_items": [{"text": "t", "owner": "o", "priority": "P1", "status": "done", "link": "https://x.example"}],
        "addendum": "z",
        "links": [{"text": "l", "url": "http://y.example"}],
        "other_sections": [{"title": "Weather", "body": "rain"}],
        "metrics": [{"name": "error rate", "unit": "%", "illustrative": true, "points": [[1705330800000_i64, 0.5]]}]
    });
    assert_eq!(errors(&validator, &full), Vec::<String>::new());
    let read = parse_json(&full.to_string());
    assert!(read.diagnostics.is_empty(), "{:?}", read.diagnostics);
    let written: Value =
        serde_json::from_str(&to_json(&read.incident).expect("written")).expect("JSON");
    assert_eq!(errors(&validator, &written), Vec::<String>::new());
    let seed = postmortem_explorer::parse::parse_text(SAMPLE_TEXT).incident;
    let seed_json: Value = serde_json::from_str(&to_json(&seed).expect("written")).expect("JSON");
    assert_eq!(errors(&validator, &seed_json), Vec::<String>::new());
}

#[test]
fn the_schema_rejects_what_the_reader_rejects_or_warns_about() {
    let validator = validator();
    for (bad, what) in [
        (json!({"title": 5}), "a number as title"),
        (json!({"colour": "red"}), "an unknown key"),
        (
            json!({"timeline": [{"text": "no time"}]}),
            "an event without `at`",
        ),
        (
            json!({"timeline": [{"at": "noon", "text": "a"}]}),
            "a time that is not ISO 8601",
        ),
        (
            json!({"timeline": [{"at": "10:00", "text": "a", "kind": "boom"}]}),
            "an unknown kind",
        ),
        (
            json!({"links": [{"text": "x", "url": "javascript:alert(1)"}]}),
            "a non-web link",
        ),
        (
            json!({"impact": {"affected_users_percent": 140}}),
            "a share over 100%",
        ),
        (
            json!({"metrics": [{"name": "m", "points": [[1, 2, 3]]}]}),
            "a point with three numbers",
        ),
    ] {
        assert!(
            !errors(&validator, &bad).is_empty(),
            "the schema accepted {what}: {bad}"
        );
    }
}
