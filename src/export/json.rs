//! The native JSON format as an export: reloads and validates as is.

use std::io::Write;

use super::{AnnotatedGraph, Exporter};

/// Writes the native format (`docs/FORMAT.md`).
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonExporter;

impl Exporter for JsonExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        out.write_all(crate::io::json::to_string(g.graph).as_bytes())
    }
}
