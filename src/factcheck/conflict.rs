//! How a sentence contradicts a claim: an opposite word, another member of an exclusive set, a
//! swapped name or speaker, or the opposite polarity.

use crate::answer::{Ranked, Retrieval};
use crate::engine::Engine;
use crate::text::{self, Lexicon, Token, TokenRole};

use super::negation::{negation_met_by_opposite, CLAUSE_BREAKS, NEGATING_VERBS};
use super::statement::{among_synonyms, held_at, MIN_SUPPORT_COVERAGE};
use super::swap::{
    frame_swap, list_partner, name_anchors, name_part_swap, slot_swap, typed_acronym,
};

/// Why a sentence contradicts a claim, in words a moderator can read.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Conflict {
    /// One side negates what the other states.
    Polarity,
    /// The article uses the opposite word.
    Antonym { claim: String, article: String },
    /// The article has another member of the same set, or another name, in that place.
    Swap { claim: String, article: String },
    /// The article reports these words as someone else's.
    Speaker { claim: String, article: String },
    /// The article says the other of the claim's names did it.
    Agent { claim: String, article: String },
    /// The article reports a denial of what it also reports an accusation of: it settles
    /// nothing either way.
    Disputed,
    /// The claim denies an alternative the article states: "the hack hit the network, not
    /// the studio" against a sentence saying the studio was hit. `alternative` is what the
    /// claim denies ("the studio").
    DeniedAlternative { alternative: String },
}

impl Engine {
    /// How sentence `c` contradicts the claim, if it does; `held` is how much of the claim it
    /// holds, weighed as for support. With `opposites` false, only another name or set member
    /// in the claim's place counts, not an opposite word or polarity.
    pub(super) fn conflict(
        &self,
        r: &Retrieval,
        c: &Ranked,
        held: f32,
        unknown_names: &[String],
        near_best: bool,
        opposites: bool,
    ) -> Option<Conflict> {
        let lex = Lexicon::get();
        let sentence = self.tokens_of(c.doc);
        let sentence_words: Vec<&Token> = sentence
            .iter()
            .filter(|t| matches!(t.role, TokenRole::Content | TokenRole::Filler))
            .collect();
        let sentence_terms: Vec<&str> = sentence_words.iter().map(|t| t.term.as_str()).collect();
        // Which clause each of those words is in ("Cash lost to Wilander | but he faces Safin").
        let clause_of: Vec<usize> = {
            let mut clause = 0;
            let mut out = Vec::with_capacity(sentence_words.len());
            for t in sentence {
                if CLAUSE_BREAKS.contains(&t.surface.as_str()) {
                    clause += 1;
                }
                if matches!(t.role, TokenRole::Content | TokenRole::Filler) {
                    out.push(clause);
                }
            }
            out
        };
        // What follows "if" / "in case" / "unless" is hypothetical: it neither states nor denies.
        let hypothetical_from = sentence[..text::hypothetical_token(sentence)]
            .iter()
            .filter(|t| matches!(t.role, TokenRole::Content | TokenRole::Filler))
            .count();
        let all_sentence_terms = &sentence_terms[..];
        let sentence_terms = &sentence_terms[..hypothetical_from];
        // What the claim states, before its own "if…" clause, whose words meet the sentence's
        // "in case…".
        let claim_stated = &r.tokens[..text::hypothetical_token(&r.tokens)];
        let claim_hypothetical_from = r
            .tokens
            .get(claim_stated.len())
            .map_or(usize::MAX, |t| t.span.start);
        let claim_words: Vec<&Token> = r
            .tokens
            .iter()
            .filter(|t| t.role == TokenRole::Content)
            .collect();
        // A word the claim uses at all: a filler word of questions is still said ("take
        // quick corrective action").
        let said: Vec<&Token> = r
            .tokens
            .iter()
            .filter(|t| matches!(t.role, TokenRole::Content | TokenRole::Filler))
            .collect();
        let in_claim = |term: &str| {
            said.iter()
                .any(|t| t.term == term || lex.synonyms(&t.term).iter().any(|s| s == term))
        };

        let first_since = sentence.iter().enumerate().any(|(i, t)| {
            t.term == "first"
                && sentence[i + 1..]
                    .iter()
                    .take(FIRST_SINCE_REACH)
                    .any(|t| t.surface == "since")
        });
        // What the claim negates meets the opposite as agreement, not conflict: "did not
        // release the film" against "cancel its release".
        let claim_negated_anywhere = self.negated(&r.tokens, false);
        // An antonym of a claim word that governs the claim's subject matter in the sentence.
        for w in claim_words.iter().filter(|_| opposites) {
            if claim_negated_anywhere.contains(&w.term.as_str()) {
                continue;
            }
            // An antonym, or a synonym of one ("suggest" against "refuse", via "propose"), or
            // an antonym of a synonym ("lost" against "beat", via "win").
            let via_synonyms = lex.synonyms(&w.term).iter().flat_map(|s| lex.antonyms(s));
            let opposites = lex
                .antonyms(&w.term)
                .iter()
                .flat_map(|a| {
                    std::iter::once((a, true)).chain(lex.synonyms(a).iter().map(|s| (s, false)))
                })
                .chain(via_synonyms.map(|a| (a, false)));
            // A hypothetical claim word ("if it accepts") meets the sentence's hypothetical
            // ("in case it rejects"), and only that: "…warned of consequences if Washington
            // says no" is not contradicted by the sentence's stated "proposing".
            let (sentence_terms, from) = if w.span.start >= claim_hypothetical_from {
                (all_sentence_terms, hypothetical_from)
            } else {
                (sentence_terms, 0)
            };
            for (ant, direct) in opposites {
                let Some(at) = sentence_terms[from..]
                    .iter()
                    .position(|t| t == ant)
                    .map(|i| i + from)
                else {
                    continue;
                };
                // "the first Australian winner since Mark Edmondson" says Edmondson was the
                // last one: that "first" is no opposite of "last".
                if in_claim(ant)
                    || lex.synonyms(&w.term).contains(ant)
                    || (*ant == "first" && first_since)
                {
                    continue;
                }
                let claim_word_at = sentence_terms
                    .iter()
                    .position(|t| *t == w.term || lex.synonyms(&w.term).iter().any(|s| s == t));
                // The antonym must speak of what the claim speaks of:
                // - it comes just before the claim's own word ("cancel its release"; but not
                //   just after it: "cancel its release" holds "pull the film"), or
                // - it stands among the claim's other words ("Cash lost to Wilander"), or
                // - the claim's word is absent, it is the word's own opposite (not one reached
                //   through a synonym: "denied" for "accept", via "refuse"), and no name the
                //   claim lacks stands before it as its subject: in "Cash lost to Wilander …
                //   Safin, the conqueror of Federer", "lost" says nothing about Safin.
                let reach = at.saturating_sub(ANTONYM_REACH)
                    ..(at + ANTONYM_REACH + 1).min(sentence_terms.len());
                let near_claim = reach.clone().any(|i| {
                    i != at
                        && clause_of[i] == clause_of[at]
                        && (in_claim(sentence_terms[i])
                            || claim_words
                                .iter()
                                .any(|w| same_family(&w.term, sentence_terms[i])))
                });
                // The names before it: its subject.
                let near_other_name = (reach.start..at).any(|i| {
                    let t = sentence_words[i];
                    clause_of[i] == clause_of[at]
                        && t.proper
                        && !t.number
                        && t.role == TokenRole::Content
                        && !in_claim(&t.term)
                });
                // The sentence states the claim's word itself: an opposite reached only
                // through a synonym speaks of something else there ("a private firm and the
                // ordinary citizens": "citizens" is "public", but not that "public").
                let states_word = sentence_terms.contains(&w.term.as_str());
                let governs = (!states_word || direct)
                    && match claim_word_at {
                        Some(p) if p > at && p - at <= 3 => true,
                        // The claim's word governs the antonym: "pull" against "cancel its release".
                        Some(p) if p < at && at - p <= 3 => false,
                        Some(_) => near_claim,
                        None if direct => near_claim || !near_other_name,
                        None => near_claim,
                    };
                if governs && self.takes_a_side(r, c) {
                    return Some(Conflict::Disputed);
                }
                if governs {
                    return Some(Conflict::Antonym {
                        claim: w.surface.clone(),
                        article: surface_of(sentence, ant),
                    });
                }
            }
        }
        // Another member of an exclusive set in the sentence, where the claim's member is absent
        // (and not what the sentence refers back to: "The company … has even warned the US"
        // speaks of North Korea, named the sentence before).
        let referred = self.antecedent_names(c.doc);
        for w in &claim_words {
            if !near_best
                || !lex.in_exclusive_set(&w.term)
                || sentence_terms.contains(&w.term.as_str())
                || referred.contains(&w.term.as_str())
            {
                continue;
            }
            if let Some(other) = sentence_terms
                .iter()
                .find(|t| lex.excludes(&w.term, t) && !in_claim(t))
            {
                return Some(Conflict::Swap {
                    claim: w.surface.clone(),
                    article: surface_of(sentence, other),
                });
            }
        }
        // Someone else said it: "the US says North Korea had nothing to do with it" against
        // "According to North Korea, … it even said that “We have nothing to do with the case”".
        // Or the same slot, another filler: "composed by Taran Adarsh" against "composed in
        // English by AR Rahman".
        // A claim that adds ("the CIA investigated as well") swaps no one.
        let adds = adds_to_what_is_said(&r.tokens);
        if near_best && !adds {
            let swapped = self
                .speaker_swap(r, c)
                .or_else(|| {
                    frame_swap(&r.tokens, sentence, &|t| {
                        !held_at(r, &t.term, sentence).is_empty()
                    })
                })
                .or_else(|| self.role_reversal(r, c))
                .or_else(|| slot_swap(&r.tokens, sentence, &in_claim, &|t| self.names_something(t)))
                .or_else(|| {
                    name_part_swap(&r.tokens, sentence, &|term| {
                        self.sentences.pack_df(term, c.at.pack) > 0
                    })
                });
            if swapped.is_some() {
                return swapped;
            }
        }
        // A name the article never uses, where the sentence names someone else of its kind (a
        // date against a date, "in December" against "on Saturday", not a place); a number the
        // article never uses, where the sentence has another number.
        if let Some(name) = unknown_names.first().filter(|_| !adds) {
            let is_number = name.starts_with(|c: char| c.is_ascii_digit());
            let is_time = crate::answer::is_time_word(&text::stem_word(name));
            let others = sentence.iter().enumerate().filter(|(_, t)| {
                let same_kind = if is_number {
                    t.number
                } else {
                    t.proper && !t.number && crate::answer::is_time_word(&t.term) == is_time
                };
                same_kind && t.role == TokenRole::Content && !in_claim(&t.term) && t.span.start > 0
            });
            // The one in the name's place: an acronym for an acronym ("CNN" against "KCNA"),
            // then the one nearest after (or before) the word the claim puts before (or
            // after) the name ("talked to the BBC" against "talked to state media KCNA"),
            // else the first.
            let name_is_acronym =
                typed_acronym(name) || r.tokens.iter().any(|t| t.surface == *name && t.acronym);
            let anchors = name_anchors(&r.tokens, name, sentence);
            // Where the sentence holds the claim's words beside the name, the other name must
            // stand on the same side of them: "Mukesh is the company's chairman" is not
            // contradicted by "…, said Anil Aggarwal, Peoplesoft's director".
            // Nor may a word of speech stand between them: "talked to state media KCNA … and
            // said that “The U.S. should…”" puts the U.S. in what was said, not beside KCNA.
            let speech_between = |a: usize, b: usize| {
                sentence[a.min(b)..a.max(b)]
                    .iter()
                    .any(crate::speech::is_speech_cue)
            };
            let distance = |at: usize| {
                anchors
                    .iter()
                    .filter(|&&(anchor, _)| !speech_between(anchor, at))
                    .filter_map(|&(anchor, after)| match (after, at > anchor) {
                        (true, true) => Some(at - anchor),
                        (false, false) => Some(anchor - at),
                        _ => None,
                    })
                    .min()
            };
            // A name listed with a name the claim lists it with is surely in its place.
            let other_name = list_partner(&r.tokens, name, sentence, &in_claim).or_else(|| {
                others
                    .filter_map(|(at, t)| match distance(at) {
                        Some(d) => Some((d, t)),
                        None if anchors.is_empty() => Some((0, t)),
                        None => None,
                    })
                    .min_by_key(|&(d, t)| ((name_is_acronym != t.acronym) as usize, d))
                    .map(|(_, t)| t)
            });
            if near_best {
                if let Some(other) = other_name {
                    return Some(Conflict::Swap {
                        claim: name.clone(),
                        article: other.surface.clone(),
                    });
                }
            }
        }
        // Opposite polarity: what one side negates, the other states (headlines are too terse
        // to read polarity from).
        let heading = self.packs()[c.at.pack].sentences[c.at.sentence].heading;
        if opposites && !heading && held >= MIN_SUPPORT_COVERAGE {
            let claim_terms: Vec<&str> = claim_words.iter().map(|t| t.term.as_str()).collect();
            let sentence_matches = |term: &str| among_synonyms(sentence_terms, term);
            let sentence_negated = self.negated_unless_about_subject(r, sentence);
            let claim_negated = self.negated(claim_stated, false);
            let in_claim_terms = |t: &str| among_synonyms(&claim_terms, t);
            // What the claim negates, the article states; or what the article negates, the
            // claim states.
            // "pushing back on the allegations" and "has denied any involvement": both report a
            // denial; what one denies is not stated by the other.
            let denies = |terms: &[&str], negated: &[&str]| {
                terms
                    .iter()
                    .any(|t| NEGATING_VERBS.contains(t) && !negated.contains(t))
            };
            // A word is negated on a side when it, or a word the lexicon links it to, is: the
            // claim's "without using torture" keeps the article's "without resorting to torture".
            // What the sentence negates anywhere, whoever it is about (a superset of
            // `sentence_negated`), keeps a claim's negation.
            let sentence_negates_anywhere =
                self.negated(&sentence[..text::hypothetical_token(sentence)], true);
            // A claim that negates what the sentence states the opposite of says what the
            // sentence says.
            let claim_negates = !negation_met_by_opposite(claim_stated, sentence_terms)
                && claim_negated
                    .iter()
                    .any(|t| sentence_matches(t) && !among_synonyms(&sentence_negates_anywhere, t));
            // Both report a denial, and the claim's own "not" denies nothing the sentence
            // states.
            if !claim_negates
                && denies(sentence_terms, &sentence_negated)
                && denies(&claim_terms, &claim_negated)
            {
                return None;
            }
            // A word the sentence also states outside its negation is not denied there: "aimed
            // at creating value for Xstrata's shareholders, and was not being made for … WMC's
            // shareholders".
            let stated_plainly = |term: &str| {
                sentence_terms.iter().filter(|t| **t == term).count()
                    > sentence_negated.iter().filter(|t| **t == term).count()
            };
            let article_negates = sentence_negated.iter().any(|t| {
                in_claim_terms(t) && !among_synonyms(&claim_negated, t) && !stated_plainly(t)
            });
            // A denial ("has denied any involvement") where the article also accuses the
            // claim's subject is one side of a dispute the article reports, not settles.
            let only_denied = || {
                let plainly_negated =
                    self.negated(&sentence[..text::hypothetical_token(sentence)], false);
                !claim_negates
                    && !sentence_negated
                        .iter()
                        .any(|t| in_claim_terms(t) && plainly_negated.contains(t))
            };
            if article_negates && only_denied() && self.accuses_claim_subject(r) {
                return Some(Conflict::Disputed);
            }
            if claim_negates || article_negates {
                return Some(Conflict::Polarity);
            }
        }
        None
    }
}

/// How far (in content words) from an antonym the claim's other words must stand for it to
/// speak about them.
const ANTONYM_REACH: usize = 4;

/// How far after "first" a "since" makes it "the first … since" (then the last was before).
const FIRST_SINCE_REACH: usize = 6;

/// Terms of one word family the stemmer keeps apart ("bribe" and "briberi"): one starts with
/// the other, five letters at least.
fn same_family(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 5 && long.starts_with(short)
}

/// Does the claim add someone or something to what it says happened ("the CIA investigated
/// *as well*", "he *also* directed it")? Then another name in the same place is no swap: the
/// claim does not say it was not them.
fn adds_to_what_is_said(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .enumerate()
        .any(|(i, t)| match t.surface.as_str() {
            "also" | "too" => true,
            "as" => tokens.get(i + 1).is_some_and(|n| n.surface == "well"),
            _ => false,
        })
}

/// The word as written in the sentence for a term.
pub(super) fn surface_of(sentence: &[Token], term: &str) -> String {
    sentence
        .iter()
        .find(|t| t.term == term)
        .map_or_else(|| term.to_owned(), |t| t.surface.clone())
}
