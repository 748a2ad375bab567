//! A conversation: the story its last answer came from, so that a follow-up question that
//! does not say which story it means ("who got picked", "when do we get the full details")
//! stays with the one being discussed, when several packs are loaded.
//!
//! Only which pack counts, never what was said: every answer is still a quote found for the
//! question alone. The CLI's `ask -` (a line each) and the console are one conversation; the
//! bot keeps one per channel (`discord::stories`).

use super::Answer;
use crate::engine::Engine;

/// Which story a conversation was last answered from.
#[derive(Debug, Default, Clone)]
pub struct Conversation {
    /// The id of the pack the last answer quoted.
    story: Option<String>,
}

impl Conversation {
    /// A conversation that has just begun, about no story yet.
    pub fn new() -> Conversation {
        Conversation::default()
    }

    /// A conversation that was last about pack `story` (its id), if any.
    pub fn about(story: Option<String>) -> Conversation {
        Conversation { story }
    }

    /// The id of the pack the last answer came from.
    pub fn story(&self) -> Option<&str> {
        self.story.as_deref()
    }

    /// Answers `question` from `packs` (`None`: all) as the next turn of this conversation,
    /// and remembers the story it was answered from. A declined question leaves the story
    /// as it was: the conversation has not moved on.
    pub fn ask(&mut self, engine: &Engine, question: &str, packs: Option<&[usize]>) -> Answer {
        let answer = engine.ask_following(question, packs, self.story());
        if answer.answered {
            if let Some(pack) = answer.pack.and_then(|p| engine.packs().get(p)) {
                self.story = Some(pack.id.clone());
            }
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_pack::engine_over_packs;

    const DERBY: &str = "Rovers win derby\n\nRovers beat City two goals to one at Ewood Park on \
        Saturday, their first derby win in five years.\n\nManager Sam Reid picked striker Tom \
        Hart ahead of the veteran Joe Bell. Hart scored the winner after the break with a low \
        shot. City had equalised through a penalty from Dan Cole before half-time. Reid said \
        the crowd had carried the team through the final minutes.\n";
    const BANK: &str = "Bank fined over controls\n\nThe regulator fined Northern Bank four \
        million pounds for lax controls on Monday.\n\nThe board picked Ann Lee as chief \
        executive last year to repair the damage. Lee said the bank would appeal against the \
        size of the fine. The regulator found that staff had ignored warnings about suspicious \
        payments for two years. Customers were not affected, the regulator said.\n";

    /// The pack and first quote of `question` asked next in `conversation`.
    fn next(conversation: &mut Conversation, engine: &Engine, question: &str) -> (String, String) {
        let answer = conversation.ask(engine, question, None);
        assert!(answer.answered, "{question}: declined");
        let first = &answer.citations[0];
        (first.source.clone(), first.quote.clone())
    }

    #[test]
    fn a_follow_up_that_names_no_story_stays_with_the_one_discussed() {
        let engine = engine_over_packs(&[("derby", DERBY, None), ("bank", BANK, None)]);
        for (opening, story, picked) in [
            ("who scored the winner", "derby", "Tom Hart"),
            ("how much was northern bank fined", "bank", "Ann Lee"),
        ] {
            let mut conversation = Conversation::new();
            assert_eq!(next(&mut conversation, &engine, opening).0, story);
            assert_eq!(conversation.story(), Some(story));
            let (source, quote) = next(&mut conversation, &engine, "who got picked");
            assert_eq!(source, story, "{opening} / who got picked: {quote}");
            assert!(quote.contains(picked), "{quote}");
            // A question the articles do not answer leaves the conversation where it was.
            assert!(
                !conversation
                    .ask(&engine, "what's the weather like", None)
                    .answered
            );
            assert_eq!(conversation.story(), Some(story));
        }
        // A question that names the other story moves the conversation on to it.
        let mut conversation = Conversation::about(Some("derby".into()));
        let (source, _) = next(
            &mut conversation,
            &engine,
            "why did the regulator fine the bank",
        );
        assert_eq!(source, "bank");
        assert_eq!(conversation.story(), Some("bank"));
    }
}
