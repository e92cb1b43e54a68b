//! The what-if scenarios shipped in `graphs/scenarios/`, compiled into the binary so that the
//! briefing (`leverage brief`, `export --format html`, `explain`) can show what each changes from
//! any folder, as the bundled graph can be read from any folder.

use super::{parse, Scenario};
use crate::error::Result;

/// The shipped scenario files: their path in the repository and their text, in file-name order.
pub const SHIPPED: [(&str, &str); 4] = [
    (
        "graphs/scenarios/eu-china-reset.json",
        include_str!("../../graphs/scenarios/eu-china-reset.json"),
    ),
    (
        "graphs/scenarios/eu-india-fta.json",
        include_str!("../../graphs/scenarios/eu-india-fta.json"),
    ),
    (
        "graphs/scenarios/eu-mercosur.json",
        include_str!("../../graphs/scenarios/eu-mercosur.json"),
    ),
    (
        "graphs/scenarios/us-tariffs.json",
        include_str!("../../graphs/scenarios/us-tariffs.json"),
    ),
];

/// The shipped scenarios, parsed, in [`SHIPPED`] order.
///
/// # Errors
/// As [`parse`]; never for the files as shipped (a test parses them).
///
/// # Examples
/// ```
/// let scenarios = leverage::scenario::shipped::scenarios()?;
/// assert!(scenarios.iter().any(|s| s.doc.title.contains("India")));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn scenarios() -> Result<Vec<Scenario>> {
    SHIPPED
        .iter()
        .map(|(file, text)| parse(text, file))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_shipped_scenario_parses_and_is_in_the_folder() {
        let parsed = super::scenarios().unwrap();
        assert_eq!(parsed.len(), super::SHIPPED.len());
        // Every file of graphs/scenarios/ is shipped: a new scenario must be added here too.
        let mut on_disk: Vec<String> = std::fs::read_dir("graphs/scenarios")
            .unwrap()
            .map(|e| {
                format!(
                    "graphs/scenarios/{}",
                    e.unwrap().file_name().to_string_lossy()
                )
            })
            .filter(|p| p.ends_with(".json"))
            .collect();
        on_disk.sort();
        let shipped: Vec<&str> = super::SHIPPED.iter().map(|s| s.0).collect();
        assert_eq!(on_disk, shipped);
    }
}
