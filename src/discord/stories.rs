//! Which story each channel is talking about: the pack its last answer came from, so that a
//! follow-up question there ("who got picked") stays with it ([`Conversation`]).
//!
//! A channel's story is forgotten after [`STORY_MEMORY`] without an answer: a question asked
//! after a long silence starts afresh.

use std::time::{Duration, Instant};

use super::recent::Recent;
use crate::answer::Conversation;

/// How long a channel's story is remembered after its last answer.
pub const STORY_MEMORY: Duration = Duration::from_secs(30 * 60);

/// The story of each channel that was recently answered in.
#[derive(Debug)]
pub struct ChannelStories {
    last: Recent<String>,
}

impl Default for ChannelStories {
    fn default() -> ChannelStories {
        ChannelStories {
            last: Recent::keeping(STORY_MEMORY),
        }
    }
}

impl ChannelStories {
    /// The conversation of channel `channel` at `now`: about its story, if it has one it has
    /// not forgotten.
    pub fn conversation(&self, channel: u64, now: Instant) -> Conversation {
        Conversation::about(self.last.get(channel, now))
    }

    /// Remembers where `conversation` left channel `channel`, at `now`.
    pub fn remember(&self, channel: u64, conversation: &Conversation, now: Instant) {
        if let Some(story) = conversation.story() {
            self.last.insert(channel, story.to_owned(), now);
        }
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
