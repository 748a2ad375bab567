//! What a sentence says of the claim's subject: named only as the one accused, one side of a
//! dispute the article reports, or not spoken of at all (the sentence refers back to another).

use std::ops::Range;

use crate::answer::{Ranked, Retrieval};
use crate::engine::Engine;
use crate::search::DocId;
use crate::speech::Speakers;
use crate::text::{Token, TokenRole};

use super::statement::{among_synonyms, held_at};
use super::unstated::unstated_token;

impl Engine {
    /// Whether sentence `c` reports words, and not only the accusers' of `speaker` (the name
    /// of a claim's "X says…"): a claim of what North Korea says is not contradicted by "The
    /// allegations towards North Korea … pointed towards the country as the culprit", nor by a
    /// sentence that reports no one's words.
    pub(super) fn reports_words_of(&self, r: &Retrieval, speaker: &[&Token], c: &Ranked) -> bool {
        let sentence = self.tokens_of(c.doc);
        let at: Vec<usize> = speaker
            .iter()
            .flat_map(|t| held_at(r, &t.term, sentence))
            .collect();
        sentence.iter().any(reports_speech) && !only_accused_at(sentence, &at)
    }

    /// The claim's subject: its first content word, when that is a name (typed capitalised,
    /// usually one in news text, or one in the articles).
    pub(super) fn claim_subject<'r>(&self, r: &'r Retrieval) -> Option<&'r Token> {
        r.tokens
            .iter()
            .find(|t| t.role == TokenRole::Content)
            .filter(|t| self.names_something(t))
    }

    /// Where the claim's subject's whole name stands in its tokens: "the Standards Board" is
    /// the board, not the standards.
    pub(super) fn claim_subject_span(&self, r: &Retrieval) -> Option<Range<usize>> {
        let subject = self.claim_subject(r)?;
        let from = r.tokens.iter().position(|t| std::ptr::eq(t, subject))?;
        let to = (from..r.tokens.len())
            .find(|&i| !self.names_something(&r.tokens[i]))
            .unwrap_or(r.tokens.len());
        Some(from..to)
    }

    /// Does the article name the claim's subject as the one accused, anywhere?
    pub(super) fn accuses_claim_subject(&self, r: &Retrieval) -> bool {
        let Some(subject) = self.claim_subject(r) else {
            return false;
        };
        self.sentences.pack_docs(r.pack).any(|doc| {
            let sentence = self.tokens_of(doc);
            (0..sentence.len()).any(|k| sentence[k].term == subject.term && accused_at(sentence, k))
        })
    }

    /// Is sentence `c` one side of a dispute the article reports, for a claim of what its
    /// subject did? The accused's own words ("we have nothing to do with the case") and the
    /// accusation ("allegations towards North Korea … as the culprit") neither settle "North
    /// Korea is the culprit" nor "North Korea is innocent". A claim of what the subject said or
    /// did with words ("North Korea admitted it", "accused the US") is settled by them.
    pub(super) fn takes_a_side(&self, r: &Retrieval, c: &Ranked) -> bool {
        let Some(subject) = self.claim_subject(r) else {
            return false;
        };
        if r.tokens.iter().any(reports_speech) {
            return false;
        }
        let own_words = match self.speakers(c.doc) {
            Speakers::Named(names) => names.iter().any(|(_, n)| *n == subject.term),
            Speakers::Nobody | Speakers::Unnamed => false,
        };
        let sentence = self.tokens_of(c.doc);
        let accusation = only_accused_at(sentence, &held_at(r, &subject.term, sentence));
        // Last, as it reads the whole article: is there a dispute at all?
        (own_words || accusation) && self.accuses_claim_subject(r)
    }

    /// Does sentence `doc` hold every name of the claim that the article uses: itself (or
    /// through an alternative), through the sentence it refers back to
    /// ([`Engine::antecedent_names`], and every name there), or through a word that stands for
    /// it ("the mayor")? "Wooden Spoon Williams says he will not quit" is not what "Defiant Matt
    /// Williams says he will not quit" states, though the article calls its team the Wooden
    /// Spoon.
    pub(super) fn holds_claim_names(&self, r: &Retrieval, doc: DocId) -> bool {
        let names: Vec<&Token> = r
            .tokens
            .iter()
            .filter(|t| t.proper && !t.number)
            .filter(|t| match t.role {
                TokenRole::Content => r.query.position(&t.term).is_some_and(|i| r.known[i]),
                // A name made of words questions use as frames ("Really Simple Syndication"),
                // which the query leaves out.
                TokenRole::Filler => self.sentences.pack_df(&t.term, r.pack) > 0,
                TokenRole::Stop | TokenRole::Negation => false,
            })
            .collect();
        let sentence = self.tokens_of(doc);
        let unheld: Vec<&&Token> = names
            .iter()
            .filter(|t| {
                held_at(r, &t.term, sentence).is_empty()
                    && !sentence.iter().any(|s| s.term == t.term)
            })
            .collect();
        if unheld.is_empty() {
            return true;
        }
        let mut referred: Vec<&str> = self.antecedent_names(doc);
        referred.extend(self.described_names(doc, usize::MAX));
        // A sentence that refers back carries on the one it refers to, with every name there.
        if let Some(root) = self.antecedent_root(doc) {
            referred.extend(
                self.tokens_of(root)
                    .iter()
                    .filter(|t| t.proper)
                    .map(|t| t.term.as_str()),
            );
        }
        unheld.iter().all(|t| among_synonyms(&referred, &t.term))
    }

    /// Does sentence `c` name the claim's subject only as the one accused ("fingers had been
    /// pointing towards North Korea"), for a claim that does not speak of accusing? Or only where
    /// it states nothing (in an "if…" clause, or in the story of a work), while the claim's other
    /// words stand outside? "…have
    /// taken responsibility of the hack … a movie … about a plot to assassinate North Korean
    /// leader Kim Jong Un" does not say North Korea hacked anyone; it does say Kim Jong Un is
    /// North Korea's leader, names and titles all within the story.
    pub(super) fn states_no_deed_of_subject(&self, r: &Retrieval, c: &Ranked) -> bool {
        let Some(subject) = self.claim_subject(r) else {
            return false;
        };
        let sentence = self.tokens_of(c.doc);
        let unstated_from = unstated_token(sentence, false);
        let subject_at = held_at(r, &subject.term, sentence);
        // For a claim that does not speak of accusing, an accusation is no deed: the subject
        // named only as the one accused ("fingers had been pointing towards North Korea"), or
        // what the claim says of it held only by a word that accuses ("to get rid of all the
        // suspicion against it" for "North Korea is the culprit").
        let held_only_by_accusing = |t: &Token| {
            let at = held_at(r, &t.term, sentence);
            !at.is_empty() && at.iter().all(|&k| accuses(&sentence[k]))
        };
        if !r.tokens.iter().any(accuses)
            && (only_accused_at(sentence, &subject_at)
                || r.tokens.iter().any(|t| {
                    t.role == TokenRole::Content
                        && t.term != subject.term
                        && !self.names_something(t)
                        && held_only_by_accusing(t)
                }))
        {
            return true;
        }
        if subject_at.is_empty() || subject_at.iter().any(|&k| k < unstated_from) {
            return false;
        }
        r.tokens
            .iter()
            .filter(|t| t.role == TokenRole::Content && t.term != subject.term && !t.proper)
            .any(|t| {
                let at = held_at(r, &t.term, sentence);
                !at.is_empty() && at.iter().all(|&k| k < unstated_from)
            })
    }

    /// The one sentence `c` speaks of, when that is someone other than the claim's subject: it
    /// refers back to a sentence whose first name is another ([`Engine::antecedent_names`])
    /// and does not name the subject itself. "The country however has denied … and even
    /// suggest a joint investigation" speaks of North Korea, named the sentence before, and so
    /// holds neither "The US rejected North Korea's offer" nor "the FBI proposed a joint
    /// investigation", though it matches their other words.
    pub(super) fn speaks_of_another(&self, r: &Retrieval, c: &Ranked) -> bool {
        let Some(span) = self.claim_subject_span(r) else {
            return false;
        };
        let subject_name: Vec<&str> = r.tokens[span].iter().map(|t| t.term.as_str()).collect();
        let sentence = self.tokens_of(c.doc);
        if subject_name
            .iter()
            .any(|term| !held_at(r, term, sentence).is_empty())
        {
            return false;
        }
        let names = self.antecedent_names(c.doc);
        !names.is_empty() && !subject_name.iter().any(|term| among_synonyms(&names, term))
    }
}

/// Whether `at` (positions of the claim's subject in `sentence`) is non-empty and each stands
/// just after a word that accuses: "fingers had been pointing towards *North Korea*".
fn only_accused_at(sentence: &[Token], at: &[usize]) -> bool {
    !at.is_empty() && at.iter().all(|&k| accused_at(sentence, k))
}

/// Whether `t` tells of something said: a word of speech, of accusing, or a verb that does
/// something with words ("denied", "admitted", "proposed").
pub(super) fn reports_speech(t: &Token) -> bool {
    crate::speech::is_speech_cue(t) || accuses(t) || crate::speech::is_speech_act(t)
}

/// Stems of words that accuse: a name right after them is accused, not said to have done it.
const ACCUSATION_CUES: &[&str] = &["point", "blame", "accus", "alleg", "suspect", "suspicion"];
/// How far before a name an accusing word makes it the accused.
const ACCUSATION_REACH: usize = 3;

/// Whether `t` is a word that accuses.
fn accuses(t: &Token) -> bool {
    ACCUSATION_CUES.contains(&t.term.as_str())
}

/// Whether the token at `k` stands right after a word that accuses: "pointing towards *North
/// Korea*", "allegations towards *North Korea*".
fn accused_at(tokens: &[Token], k: usize) -> bool {
    tokens[k.saturating_sub(ACCUSATION_REACH)..k]
        .iter()
        .any(accuses)
}
