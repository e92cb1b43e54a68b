//! The bundled graph, compiled into the binary so that `leverage` works from any folder.

/// The bundled graph's file name.
pub const BUNDLED_NAME: &str = "eu-outreach-2025.json";

/// The bundled graph's text (`graphs/eu-outreach-2025.json`).
pub const BUNDLED_JSON: &str = include_str!("../../graphs/eu-outreach-2025.json");
