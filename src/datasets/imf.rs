//! imf (in progress).
