//! Ctrl-C (SIGINT), SIGTERM and SIGHUP: remove the temporary files of unfinished writes, then
//! exit with 128 + the signal's number (130, 143, 129), as a shell reports a program a signal
//! stopped.
//!
//! The handler starts before the first temporary file is made (`run` passes [`install`] to
//! `leverage::io::atomic::before_first_temp_file`). Before that there is nothing to remove, and a
//! signal stops the program the default way, which a shell reports with the same status.

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Starts the thread that waits for the signals (signal-hook's iterator: the async-signal
/// handler only wakes the thread, which then takes the lock of the temp-file registry, removes
/// the files and exits).
pub fn install() {
    // Without the thread a signal still stops the program, only leaving a temp file behind: a
    // failure to start it is no reason not to run.
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let _ = std::thread::Builder::new()
        .name("signals".to_owned())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                leverage::io::atomic::remove_unfinished();
                std::process::exit(128 + signal);
            }
        });
}
