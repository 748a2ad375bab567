//! Which story each channel is talking about: the pack its last answer came from, so that a
//! follow-up question there ("who got picked") stays with it ([`Conversation`]).
//!
//! A channel's story is forgotten after [`STORY_MEMORY`] without an answer: a question asked
//! after a long silence starts afresh.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::answer::Conversation;

/// How long a channel's story is remembered after its last answer.
pub const STORY_MEMORY: Duration = Duration::from_secs(30 * 60);
/// Above this many remembered channels, those silent for longer than [`STORY_MEMORY`] are
/// forgotten.
const FORGET_ABOVE: usize = 10_000;

/// The story of each channel that was recently answered in.
#[derive(Debug, Default)]
pub struct ChannelStories {
    last: Mutex<HashMap<u64, (String, Instant)>>,
}

impl ChannelStories {
    /// The conversation of channel `channel` at `now`: about its story, if it has one it has
    /// not forgotten.
    pub fn conversation(&self, channel: u64, now: Instant) -> Conversation {
        let last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        let story = last
            .get(&channel)
            .filter(|(_, at)| now.saturating_duration_since(*at) < STORY_MEMORY)
            .map(|(id, _)| id.clone());
        Conversation::about(story)
    }

    /// Remembers where `conversation` left channel `channel`, at `now`.
    pub fn remember(&self, channel: u64, conversation: &Conversation, now: Instant) {
        let Some(story) = conversation.story() else {
            return;
        };
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        if last.len() > FORGET_ABOVE {
            last.retain(|_, (_, at)| now.saturating_duration_since(*at) < STORY_MEMORY);
        }
        last.insert(channel, (story.to_owned(), now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_channel_keeps_its_story_until_it_falls_silent() {
        let stories = ChannelStories::default();
        let t0 = Instant::now();
        assert_eq!(stories.conversation(1, t0).story(), None);
        stories.remember(1, &Conversation::about(Some("derby".into())), t0);
        assert_eq!(stories.conversation(1, t0).story(), Some("derby"));
        // Another channel has its own.
        assert_eq!(stories.conversation(2, t0).story(), None);
        // A conversation about nothing yet leaves the story as it was.
        stories.remember(1, &Conversation::new(), t0);
        assert_eq!(stories.conversation(1, t0).story(), Some("derby"));
        let later = t0 + STORY_MEMORY;
        assert_eq!(stories.conversation(1, later).story(), None);
    }
}
