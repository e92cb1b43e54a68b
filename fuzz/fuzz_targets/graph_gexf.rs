//! The GEXF graph importer on arbitrary bytes, through `leverage::io::load` on a `.gexf` file (as a
//! user's file would be read), so that the target follows whatever importer `load` dispatches to
//! by extension: the GEXF importer.
//! Seed the corpus with `tests/catalogue/gexf/*.gexf` and a GEXF export of `tests/fixtures/five.json`
//! (which carries the manifest): the importer must refuse DOCTYPE entities, never fetch external
//! ones, and never panic.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use leverage::io::GraphSource;
use libfuzzer_sys::fuzz_target;

fn path() -> &'static PathBuf {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"))
            .path()
            .join("fuzz.gexf")
    })
}

fuzz_target!(|data: &[u8]| {
    std::fs::write(path(), data).expect("write the input");
    let _ = leverage::io::load(&GraphSource::File(path().clone()));
});
