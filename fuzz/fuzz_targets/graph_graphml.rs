//! The GraphML graph importer on arbitrary bytes, through `leverage::io::load` on a `.graphml` file, so
//! that the target follows whatever importer `load` dispatches to by extension.
//!
//! Since the importers were merged, `load` dispatches `.graphml` files to the GraphML importer, so this
//! target fuzzes it (through a temporary file, as a user's file would be read).
//! Seed the corpus with `tests/catalogue/graphml/*.graphml`: the importer must refuse DOCTYPE
//! entities and never fetch external ones.
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
            .join("fuzz.graphml")
    })
}

fuzz_target!(|data: &[u8]| {
    std::fs::write(path(), data).expect("write the input");
    let _ = leverage::io::load(&GraphSource::File(path().clone()));
});
