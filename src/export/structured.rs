//! The incident written in the structured schema: JSON, TOML or YAML, through serde.
//!
//! Every timeline moment is written as ISO 8601 with only its known parts
//! (`2024-01-15T10:00:00-05:00`, `2024-01-15T10:00:00`, `10:00:00`), as [`Moment`] serialises.
//!
//! [`Moment`]: crate::model::Moment

use std::fmt;

use crate::model::Incident;
use crate::parse::Syntax;

/// Why an incident could not be written (for example a number TOML cannot hold).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteError(pub String);

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

/// The incident as pretty-printed JSON, ending with a newline.
pub fn to_json(incident: &Incident) -> Result<String, WriteError> {
    let mut out = serde_json::to_string_pretty(incident).map_err(|e| WriteError(e.to_string()))?;
    out.push('\n');
    Ok(out)
}

/// The incident as TOML.
pub fn to_toml(incident: &Incident) -> Result<String, WriteError> {
    #[cfg(feature = "toml")]
    return toml::to_string_pretty(incident).map_err(|e| WriteError(e.to_string()));
    #[cfg(not(feature = "toml"))]
    return Err(not_built_in(incident, "TOML", "toml"));
}

/// The incident as YAML.
pub fn to_yaml(incident: &Incident) -> Result<String, WriteError> {
    #[cfg(feature = "yaml")]
    return serde_yaml_ng::to_string(incident).map_err(|e| WriteError(e.to_string()));
    #[cfg(not(feature = "yaml"))]
    return Err(not_built_in(incident, "YAML", "yaml"));
}

#[cfg(not(all(feature = "toml", feature = "yaml")))]
fn not_built_in(_incident: &Incident, format: &str, feature: &str) -> WriteError {
    WriteError(format!(
        "{format} is not written by this build (cargo feature `{feature}`)"
    ))
}

/// The incident in `syntax`.
pub fn to_structured(incident: &Incident, syntax: Syntax) -> Result<String, WriteError> {
    match syntax {
        Syntax::Json => to_json(incident),
        Syntax::Toml => to_toml(incident),
        Syntax::Yaml => to_yaml(incident),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_structured, parse_text};
    use crate::sample::SAMPLE_TEXT;

    #[test]
    fn every_syntax_reads_back_the_seed() {
        let seed = parse_text(SAMPLE_TEXT).incident;
        for syntax in [Syntax::Json, Syntax::Toml, Syntax::Yaml] {
            let written = to_structured(&seed, syntax).unwrap();
            let read = parse_structured(&written, syntax);
            assert!(
                read.diagnostics.is_empty(),
                "{syntax:?}: {:?}\n{written}",
                read.diagnostics
            );
            assert_eq!(read.incident, seed, "{syntax:?}\n{written}");
        }
    }

    #[test]
    fn json_writes_events_at_iso_8601() {
        let seed = parse_text(SAMPLE_TEXT).incident;
        let json = to_json(&seed).unwrap();
        assert!(
            json.contains("\"at\": \"2024-01-15T10:00:00-05:00\""),
            "{json}"
        );
        assert!(
            json.contains("\"at\": \"2024-01-15T14:00:00-05:00\""),
            "{json}"
        );
    }
}
