//! The per-user cooldown on answers: one answer per window; inside the window, one polite
//! notice, then silence until the window ends.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Above this many tracked users, expired entries are dropped.
const PRUNE_ABOVE: usize = 10_000;

/// What to do with a user's request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Answer (and start a new window).
    Go,
    /// Say once that they must wait this long.
    Notify { wait: Duration },
    /// Say nothing (where something must be said, as to an interaction: the wait again).
    Silent { wait: Duration },
}

impl Gate {
    /// Whole seconds to wait, rounded up, for the notice.
    pub fn wait_secs(wait: Duration) -> u64 {
        wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
    }
}

#[derive(Debug, Clone, Copy)]
struct Window {
    started: Instant,
    notified: bool,
}

/// Cooldown windows per user id.
#[derive(Debug)]
pub struct Cooldowns {
    window: Duration,
    users: Mutex<HashMap<u64, Window>>,
}

impl Cooldowns {
    /// Cooldowns of `window` (zero: off).
    pub fn new(window: Duration) -> Cooldowns {
        Cooldowns {
            window,
            users: Mutex::new(HashMap::new()),
        }
    }

    /// Decides for `user` now.
    pub fn check(&self, user: u64) -> Gate {
        self.check_at(user, Instant::now())
    }

    /// Decides for `user` at `now`.
    pub fn check_at(&self, user: u64, now: Instant) -> Gate {
        if self.window.is_zero() {
            return Gate::Go;
        }
        let mut users = self.users.lock().unwrap_or_else(PoisonError::into_inner);
        if users.len() > PRUNE_ABOVE {
            let window = self.window;
            users.retain(|_, w| now.saturating_duration_since(w.started) < window);
        }
        let fresh = Window {
            started: now,
            notified: false,
        };
        match users.get_mut(&user) {
            Some(w) if now.saturating_duration_since(w.started) < self.window => {
                let wait = self.window - now.saturating_duration_since(w.started);
                if w.notified {
                    Gate::Silent { wait }
                } else {
                    w.notified = true;
                    Gate::Notify { wait }
                }
            }
            Some(w) => {
                *w = fresh;
                Gate::Go
            }
            None => {
                users.insert(user, fresh);
                Gate::Go
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_answer_then_one_notice_then_silence() {
        let cooldowns = Cooldowns::new(Duration::from_secs(5));
        let t0 = Instant::now();
        assert_eq!(cooldowns.check_at(1, t0), Gate::Go);
        assert_eq!(
            cooldowns.check_at(1, t0 + Duration::from_secs(1)),
            Gate::Notify {
                wait: Duration::from_secs(4)
            }
        );
        assert_eq!(
            cooldowns.check_at(1, t0 + Duration::from_secs(2)),
            Gate::Silent {
                wait: Duration::from_secs(3)
            }
        );
        assert_eq!(
            cooldowns.check_at(1, t0 + Duration::from_secs(3)),
            Gate::Silent {
                wait: Duration::from_secs(2)
            }
        );
        // Another user is not affected.
        assert_eq!(cooldowns.check_at(2, t0 + Duration::from_secs(3)), Gate::Go);
        // The window ends: answer again, and the notice is available again.
        assert_eq!(cooldowns.check_at(1, t0 + Duration::from_secs(5)), Gate::Go);
        assert!(matches!(
            cooldowns.check_at(1, t0 + Duration::from_secs(6)),
            Gate::Notify { .. }
        ));
    }

    #[test]
    fn zero_window_is_off() {
        let cooldowns = Cooldowns::new(Duration::ZERO);
        let t0 = Instant::now();
        for _ in 0..5 {
            assert_eq!(cooldowns.check_at(1, t0), Gate::Go);
        }
    }

    #[test]
    fn wait_rounds_up() {
        assert_eq!(Gate::wait_secs(Duration::from_millis(4001)), 5);
        assert_eq!(Gate::wait_secs(Duration::from_secs(4)), 4);
    }
}
