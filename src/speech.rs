//! Who a sentence reports as speaking, and who a claim or question says spoke.
//!
//! News attributes words: "A spokesman for North Korea's foreign ministry … said that…",
//! "According to North Korea, …", "FBI's statement … read". The fact check refutes a claim
//! that puts those words in someone else's mouth ("the US said…"), and the answer engine
//! answers "what did Sony say" only from a sentence where Sony speaks.

use crate::engine::Engine;
use crate::search::DocId;
use crate::text::{self, Token, TokenRole};

/// Words that report speech: a claim's speaker stands before one, a sentence's before its
/// first ("A spokesman for North Korea's foreign ministry … said that…").
const SPEECH_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "stated",
    "states",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "warned",
    "warns",
    "statement",
    "according",
    "comment",
    "commented",
    "comments",
];

/// Pronouns that can speak for a name given before.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we"];

/// Is this a word that reports speech?
pub(crate) fn is_speech_cue(t: &Token) -> bool {
    SPEECH_CUES.contains(&t.surface.as_str())
}

/// Whom a sentence reports as speaking.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Speakers<'a> {
    /// The sentence reports no speech.
    Nobody,
    /// A pronoun speaks ("he said"): whom it stands for is a guess.
    Unnamed,
    /// These names speak, with their token positions (`None`: the name a sentence that refers
    /// back stands for).
    Named(Vec<(Option<usize>, &'a str)>),
}

impl Engine {
    /// Whom sentence `doc` reports as speaking: the names after its "according to"; or, when
    /// a pronoun speaks, nobody named; or else the names before its first word of speech
    /// (days and months aside) and the name the sentence refers back to.
    pub(crate) fn speakers(&self, doc: DocId) -> Speakers<'_> {
        let sentence = self.tokens_of(doc);
        let Some(cue_at) = sentence.iter().position(is_speech_cue) else {
            return Speakers::Nobody;
        };
        let named = |t: &Token| self.names_something(t) && !crate::answer::is_time_word(&t.term);
        let according = sentence
            .windows(2)
            .position(|w| w[0].surface == "according" && w[1].surface == "to");
        if let Some(at) = according {
            return Speakers::Named(
                (at + 2..sentence.len())
                    .skip_while(|&i| sentence[i].role != TokenRole::Content)
                    .take_while(|&i| named(&sentence[i]))
                    .map(|i| (Some(i), sentence[i].term.as_str()))
                    .collect(),
            );
        }
        if sentence[..cue_at]
            .iter()
            .any(|t| SUBJECT_PRONOUNS.contains(&t.surface.as_str()))
        {
            return Speakers::Unnamed;
        }
        Speakers::Named(
            (0..cue_at)
                .filter(|&i| named(&sentence[i]))
                .map(|i| (Some(i), sentence[i].term.as_str()))
                .chain(self.antecedent_names(doc).into_iter().map(|t| (None, t)))
                .collect(),
        )
    }

    /// The speaker a claim or question names: the name words between its start and its first
    /// word of speech, when nothing else stands there but qualifying words ("the US says…",
    /// "what did Sony itself say…", "did Kim Jong Un personally comment…"). Empty when there
    /// is no such speaker.
    pub(crate) fn named_speaker<'t>(&self, tokens: &'t [Token]) -> Vec<&'t Token> {
        let Some(cue) = tokens.iter().position(is_speech_cue) else {
            return Vec::new();
        };
        let lex = text::Lexicon::get();
        let opening: Vec<&Token> = tokens[..cue]
            .iter()
            .filter(|t| t.role == TokenRole::Content && !lex.is_modifier(&t.surface))
            .collect();
        if opening.iter().all(|t| self.names_something(t)) {
            opening
        } else {
            Vec::new()
        }
    }
}
