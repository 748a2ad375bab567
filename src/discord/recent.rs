//! What the bot remembers for a while about channels and messages, by id: each entry with when
//! it was last written, forgotten once older than the time it is kept and the map has grown
//! past [`FORGET_ABOVE`] entries (so a busy bot's memory stays bounded without a timer).

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Above this many entries, those older than the keeping time are forgotten.
pub(crate) const FORGET_ABOVE: usize = 10_000;

/// A value per id, each kept for `keep` after it was written.
#[derive(Debug)]
pub(crate) struct Recent<V> {
    entries: Mutex<HashMap<u64, (V, Instant)>>,
    keep: Duration,
}

impl<V: Clone> Recent<V> {
    /// An empty map whose entries are kept for `keep`.
    pub(crate) fn keeping(keep: Duration) -> Recent<V> {
        Recent {
            entries: Mutex::new(HashMap::new()),
            keep,
        }
    }

    /// The value of `id`, if written less than the keeping time before `now`.
    pub(crate) fn get(&self, id: u64, now: Instant) -> Option<V> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries
            .get(&id)
            .filter(|(_, at)| now.saturating_duration_since(*at) < self.keep)
            .map(|(value, _)| value.clone())
    }

    /// Writes `value` for `id` at `now`; whether `id` had no entry (however old) before.
    pub(crate) fn insert(&self, id: u64, value: V, now: Instant) -> bool {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() > FORGET_ABOVE {
            entries.retain(|_, (_, at)| now.saturating_duration_since(*at) < self.keep);
        }
        entries.insert(id, (value, now)).is_none()
    }
}
