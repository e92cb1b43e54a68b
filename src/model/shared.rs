//! Shared strings: while a document is read, equal ids and sources become one `Arc<str>`.
//!
//! A large graph repeats a few strings very often: every tie names two of a few thousand ids,
//! and most figures cite one of a handful of sources. Read naively, each mention is its own
//! allocation (a 200,000-tie file made 650,000 of them). While a [`Pooling`] guard is alive,
//! [`share`] and the serde helper [`deserialize`] hand out one shared copy per distinct string.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use serde::de::{self, Deserializer, Visitor};

type Pool = HashSet<Arc<str>, foldhash::fast::RandomState>;

thread_local! {
    static POOL: RefCell<Option<Pool>> = const { RefCell::new(None) };
}

/// While alive, strings passed to [`share`] on this thread are pooled; the pool is freed when
/// the outermost guard is dropped.
#[must_use = "pooling stops when the guard is dropped"]
pub struct Pooling {
    outermost: bool,
}

impl Pooling {
    /// Starts pooling on this thread (a no-op inside another guard).
    pub fn start() -> Self {
        let outermost = POOL.with(|p| {
            let mut p = p.borrow_mut();
            if p.is_some() {
                false
            } else {
                *p = Some(Pool::default());
                true
            }
        });
        Pooling { outermost }
    }
}

impl Drop for Pooling {
    fn drop(&mut self) {
        if self.outermost {
            POOL.with(|p| *p.borrow_mut() = None);
        }
    }
}

/// `s` as a shared string: the pooled copy while a [`Pooling`] guard is alive on this thread,
/// a new one otherwise.
///
/// # Complexity
/// O(len) expected time (one hash of `s`).
pub fn share(s: &str) -> Arc<str> {
    POOL.with(|p| match p.borrow_mut().as_mut() {
        Some(pool) => {
            if let Some(a) = pool.get(s) {
                return a.clone();
            }
            let a: Arc<str> = Arc::from(s);
            pool.insert(a.clone());
            a
        }
        None => Arc::from(s),
    })
}

/// Deserialises a string as a shared `Arc<str>` ([`share`]); for `#[serde(deserialize_with)]`.
///
/// # Errors
/// The deserialiser's error if the value is not a string.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Arc<str>, D::Error> {
    struct Shared;
    impl Visitor<'_> for Shared {
        type Value = Arc<str>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Arc<str>, E> {
            Ok(share(v))
        }
    }
    deserializer.deserialize_str(Shared)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_are_shared_only_while_pooling() {
        let (a, b) = (share("x"), share("x"));
        assert!(!Arc::ptr_eq(&a, &b));
        {
            let _outer = Pooling::start();
            let a = share("x");
            {
                let _inner = Pooling::start();
                assert!(Arc::ptr_eq(&a, &share("x")));
            }
            // The inner guard does not end the outer one's pooling.
            assert!(Arc::ptr_eq(&a, &share("x")));
            assert!(!Arc::ptr_eq(&a, &share("y")));
        }
        assert!(!Arc::ptr_eq(&share("x"), &share("x")));
    }

    #[test]
    fn deserialised_sources_and_ends_are_shared() {
        let _pool = Pooling::start();
        let doc: crate::io::json::TieDoc = serde_json::from_str(
            r#"{"from":"AUT","to":"RUS","channels":{"trade":{"value":0.1,"source":"s\u0041","year":2023},"energy":{"value":0.2,"source":"sA","year":2023}}}"#,
        )
        .unwrap();
        let (t, e) = (
            &doc.channels.figures["trade"].source,
            &doc.channels.figures["energy"].source,
        );
        assert_eq!(&**t, "sA");
        assert!(Arc::ptr_eq(t, e));
        assert!(Arc::ptr_eq(&doc.from, &share("AUT")));
    }
}
