//! Choosing the sentence that answers: the candidates holding enough of the question, the kind
//! of answer asked for and the speaker asked about, and the measurements `answerability` weighs
//! for the one to cite first.

use std::iter::Peekable;

use super::kind::asks_identity;
use super::{cut_input, share_of, Citation, Ranked, Retrieval, MIN_SENTENCE_COVERAGE};
use crate::answerability::{self, Measurements};
use crate::engine::Engine;
use crate::search::{DocId, Query};
use crate::speech::Speakers;
use crate::text::{self, Lexicon, Token, TokenRole};

/// How many candidates after the best-scored one may be cited first instead, when they are
/// likelier to answer…
const NEAR_TOP_CANDIDATES: usize = 3;
/// …and score at least this share of the best one.
const NEAR_TOP_SCORE: f32 = 0.6;
/// Words by which an article says it does not know or will not give a name ("an unnamed
/// agent", "the mystery investor"): such a sentence cannot tell who that is.
const WITHHELD_NAME: &[&str] = &[
    "unnamed",
    "mystery",
    "unidentified",
    "anonymous",
    "undisclosed",
    "unknown",
];

impl Engine {
    /// The candidate to cite first, with the probability that it answers, and the leading
    /// candidates it was chosen among (taken from `candidates`, which stay lazy after them):
    /// the best-scored one, unless one of the [`NEAR_TOP_CANDIDATES`] after it that score at
    /// least [`NEAR_TOP_SCORE`] of it is likelier to answer (it holds more of the question,
    /// where the best owes its score to a few rare words or a curated topic).
    pub(super) fn most_answerable<'a>(
        &self,
        r: &Retrieval,
        candidates: &mut Peekable<impl Iterator<Item = &'a Ranked>>,
    ) -> (Option<(&'a Ranked, f32)>, Vec<&'a Ranked>) {
        let Some(first) = candidates.next() else {
            return (None, Vec::new());
        };
        let mut leading = vec![first];
        while leading.len() <= NEAR_TOP_CANDIDATES {
            match candidates.next_if(|c| c.score >= NEAR_TOP_SCORE * first.score) {
                Some(c) => leading.push(c),
                None => break,
            }
        }
        // The first of the likeliest: a later one must be strictly likelier to be cited first.
        let pick = leading
            .iter()
            .map(|&c| (c, answerability::probability(&self.measure(r, c))))
            .reduce(|pick, c| if c.1 > pick.1 { c } else { pick });
        (pick, leading)
    }

    /// The sentences that could answer, best first: those holding enough of the question, of
    /// the kind asked for, and not about someone else. The checks that look into a sentence
    /// run lazily, only on those that get there.
    pub(super) fn candidates<'a>(
        &'a self,
        r: &'a Retrieval,
    ) -> impl Iterator<Item = &'a Ranked> + 'a {
        // "X or Y?" leaves one alternative unmatched by design.
        let min_sentence = if r.query.offers_alternatives {
            MIN_SENTENCE_COVERAGE * 0.75
        } else {
            MIN_SENTENCE_COVERAGE
        };
        let (speaker, spoke_at_all) = self.asked_speaker(&r.tokens);
        let identity = asks_identity(r);
        r.ranked.iter().filter(move |c| {
            c.coverage >= min_sentence
                && r.kind
                    .is_none_or(|k| self.sentence_fits_kind(c.doc, k, &r.query))
                && !(identity && self.withholds_name(c.doc, &r.query))
                && !self.names_another(c.doc, &r.query, &r.set_aside)
                && self.speaker_fits(c.doc, &speaker, spoke_at_all)
        })
    }

    /// Does the sentence say it withholds the name of what the question names ("paying $2.1m
    /// to an unnamed agent" for "who was the agent")? Then it cannot say who that is.
    fn withholds_name(&self, doc: DocId, query: &Query) -> bool {
        self.tokens_of(doc)
            .windows(2)
            .any(|w| WITHHELD_NAME.contains(&w[0].surface.as_str()) && query.stands_for(&w[1].term))
    }

    /// The speaker a question asks about: "what did Sony say…", "who does the FBI say…" (the
    /// names right after a wh-word opening, before its word of speech); and whether it asks if
    /// they said anything at all ("did Gallas say anything about…"). Another yes/no question
    /// ("did Parry say who the investor is") is answered as well by a sentence that tells he
    /// would not say, or what others found.
    fn asked_speaker<'t>(&self, tokens: &'t [Token]) -> (Vec<&'t str>, bool) {
        const OPENERS: &[&str] = &["what", "whats", "how", "who", "whom", "which", "why"];
        // "did Gallas say anything about…", "has Kim Jong Un said anything": whether someone
        // spoke at all wants their words (or their denial), not another's about them.
        const YES_NO_OPENERS: &[&str] = &["did", "does", "do", "has", "have", "had"];
        let says_anything = tokens.windows(2).any(|w| {
            crate::speech::is_speech_cue(&w[0])
                && matches!(w[1].surface.as_str(), "anything" | "something")
        });
        let Some(opener) = tokens
            .first()
            .map(|t| t.surface.as_str())
            .filter(|s| OPENERS.contains(s) || (says_anything && YES_NO_OPENERS.contains(s)))
        else {
            return (Vec::new(), false);
        };
        let mut named = self.named_speaker(tokens);
        // "What does the CIA think of it" wants the CIA's words; "who does the US think is
        // responsible" asks who, and a sentence saying whom the US holds responsible answers.
        if named.is_empty() && matches!(opener, "what" | "whats" | "how") {
            named = self.named_opinion_holder(tokens);
        }
        (
            named.into_iter().map(|t| t.term.as_str()).collect(),
            says_anything,
        )
    }

    /// Can sentence `doc` tell what `speaker` said? It reports speech, and that speaker's (or
    /// a pronoun's, which may stand for them); or, when the question asks whether they said
    /// anything at all (`spoke_at_all`), it has them deny, admit or warn ("The country however
    /// has denied…", the country being North Korea). Any sentence can when no speaker is asked
    /// about.
    fn speaker_fits(&self, doc: DocId, speaker: &[&str], spoke_at_all: bool) -> bool {
        if speaker.is_empty() {
            return true;
        }
        let fits = |speakers: Speakers| match speakers {
            Speakers::Nobody => false,
            Speakers::Unnamed => true,
            Speakers::Named(names) => names.iter().any(|(_, n)| speaker.contains(n)),
        };
        fits(self.speakers(doc))
            || (spoke_at_all && fits(self.speakers_by(doc, crate::speech::is_speech_act)))
    }

    /// The measurements [`answerability`] weighs for `question`, and the sentence that would
    /// be cited first (`None`: no sentence could answer it at all). For fitting the model:
    /// `examples/answerability_data.rs`.
    pub fn measurements(
        &self,
        question: &str,
        packs: Option<&[usize]>,
    ) -> Option<(Measurements, Citation)> {
        let blanked = text::blank_markup(cut_input(question).0);
        let r = self.retrieve(blanked.as_ref(), packs)?;
        let (best, _) = self
            .most_answerable(&r, &mut self.candidates(&r).peekable())
            .0?;
        Some((self.measure(&r, best), self.citation(best.at)))
    }

    /// What [`answerability`] weighs for a question and the sentence it would cite.
    pub(super) fn measure(&self, r: &Retrieval, best: &Ranked) -> Measurements {
        // A word the sentence answers with its opposite, or another member of its set, is
        // answered, not unknown: "was the movie a documentary" by "a satirical movie". (A
        // candidate names another member only where the question also names it:
        // [`Self::names_another`].)
        let lex = Lexicon::get();
        let contrasted = |term: &str| {
            self.tokens_of(best.doc).iter().any(|t| {
                t.role == TokenRole::Content
                    && (lex.excludes(term, &t.term) || lex.antonyms(term).contains(&t.term))
            })
        };
        let answered: Vec<bool> = (0..r.known.len())
            .map(|i| r.known[i] || contrasted(&r.query.words[i].term))
            .collect();
        let unknown: Vec<usize> = (0..r.known.len()).filter(|&i| !answered[i]).collect();
        let rarest_unknown = unknown
            .iter()
            .map(|&i| text::general::general_idf(&r.query.words[i].term))
            .fold(0.0f32, f32::max);
        let words = r.query.words.len().max(1);
        Measurements {
            pack_coverage: share_of(&r.weights, |i| answered[i]),
            pack_coverage_general: share_of(&r.general_weights, |i| answered[i]),
            sentence_coverage: best.coverage.min(1.0),
            sentence_coverage_general: share_of(&r.general_weights, |i| {
                best.matched & (1 << i) != 0
            }),
            rarest_unknown: rarest_unknown / text::general::max_idf(),
            unknown_share: unknown.len() as f32 / words as f32,
            content_words: (words as f32).ln_1p(),
            kind_asked: r.kind.is_some() as u8 as f32,
            best_is_top: r.ranked.first().is_some_and(|t| t.doc == best.doc) as u8 as f32,
            unknown_name: unknown.iter().any(|&i| {
                let w = &r.query.words[i];
                w.proper || text::general::usually_a_name(&w.term, &w.surface)
            }) as u8 as f32,
        }
    }

    /// Does the sentence name another member of a set the question picks one from ("opens in
    /// the UK" for a question about India, "Monday" for one about Friday)? Then it answers a
    /// different question. A sentence that refers back ("The company … has even warned the
    /// US") also speaks of the name it refers to.
    fn names_another(&self, doc: DocId, query: &Query, set_aside: &[bool]) -> bool {
        let lex = Lexicon::get();
        let terms: Vec<&str> = self
            .tokens_of(doc)
            .iter()
            .filter(|t| t.role == TokenRole::Content)
            .map(|t| t.term.as_str())
            .chain(self.antecedent_names(doc))
            .collect();
        query.words.iter().enumerate().any(|(i, w)| {
            lex.in_exclusive_set(&w.term)
                && !set_aside[i]
                && !terms.contains(&w.term.as_str())
                && terms
                    .iter()
                    .any(|t| lex.excludes(&w.term, t) && !query.holds_term(t))
        })
    }
}

/// Does the sentence meet a word of the question only through its opposite, and only in a
/// hypothesis ("did the US agree to the joint investigation" against "…consequences in case
/// it rejects our proposal for joint investigation")? A rejection that may happen says
/// nothing of an agreement, either way.
pub(super) fn opposite_only_as_hypothesis(query: &Query, tokens: &[Token]) -> bool {
    let from = text::hypothetical_token(tokens);
    if from == tokens.len() {
        return false;
    }
    let lex = Lexicon::get();
    query.words.iter().any(|w| {
        let opposites = lex.antonyms(&w.term);
        let opposite = |t: &Token| opposites.contains(&t.term);
        let itself = |t: &Token| w.stands_for(&t.term) && !opposite(t);
        tokens[from..].iter().any(opposite)
            && !tokens[..from].iter().any(opposite)
            && !tokens.iter().any(itself)
    })
}
