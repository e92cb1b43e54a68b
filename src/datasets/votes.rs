//! votes (in progress).
