//! sipri (in progress).
