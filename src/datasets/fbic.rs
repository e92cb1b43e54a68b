//! fbic (in progress).
