//! Fact checking a claim against the article: supported, refuted, or not in the source.
//!
//! The claim goes through the same retrieval as a question (`Engine::retrieve`). Then the
//! best-matching sentences are compared with the claim word by word:
//! - **refuted** when a sentence that matches the claim's subject matter says something
//!   incompatible: the opposite polarity (a negation on one side only), an antonym of a claim
//!   word ("denied" against "admitted", "cancel its release" against "released"), another member
//!   of an exclusive set in the same place ("foreign" ministry against "defence" ministry,
//!   "Saturday" against "Sunday"), or a different name where the claim names someone the
//!   article never mentions ("James Franco" against "Jonah Hill");
//! - **supported** when one sentence holds nearly all of the claim's meaning with none of those
//!   conflicts;
//! - **not enough info** otherwise — also when the claim is true in the world but the article
//!   doesn't say it.
//!
//! A message of several sentences is checked sentence by sentence: refuted if any part is,
//! supported only if every part is.

use serde::Serialize;

use crate::answer::{cut_input, Citation, Ranked, Retrieval};
use crate::engine::{Engine, SentenceRef};
use crate::knowledge::segment;
use crate::speech::Speakers;
use crate::text::{self, Lexicon, Token, TokenRole};

/// Most evidence quotes in a verdict.
pub const MAX_EVIDENCE: usize = 5;
/// Share of the claim's meaning one sentence must hold to support it.
const MIN_SUPPORT_COVERAGE: f32 = 0.72;
/// Share a sentence must hold to be read as talking about the same thing (for contradictions).
const MIN_TOPIC_COVERAGE: f32 = 0.4;
/// Share of the claim's meaning the article must use at all for any verdict but "not enough info".
const MIN_PACK_COVERAGE: f32 = 0.6;
/// How many of the best sentences are compared with the claim.
const CANDIDATES: usize = 4;

/// What the article says about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The article states it (possibly in other words).
    Supported,
    /// The article states something incompatible with it.
    Refuted,
    /// The article does not settle it.
    NotEnoughInfo,
}

impl Verdict {
    /// How the verdict reads to a person.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Supported => "Supported",
            Verdict::Refuted => "Refuted",
            Verdict::NotEnoughInfo => "Not in the source",
        }
    }
}

/// The verdict on one sentence of a longer claim.
#[derive(Debug, Clone, Serialize)]
pub struct PartCheck {
    pub claim: String,
    pub verdict: Verdict,
    pub evidence: Vec<Citation>,
    pub explanation: String,
    pub confidence: f32,
}

/// The result of checking a claim.
#[derive(Debug, Clone, Serialize)]
pub struct CheckResult {
    pub claim: String,
    pub verdict: Verdict,
    /// Decisive quote first.
    pub evidence: Vec<Citation>,
    /// One sentence a moderator can paste.
    pub explanation: String,
    pub confidence: f32,
    /// Per-sentence verdicts when the claim has several checkable sentences.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartCheck>,
    /// The pack checked against.
    #[serde(skip)]
    pub pack: Option<usize>,
    /// The claim was longer than the input limit and was cut.
    #[serde(skip)]
    pub truncated: bool,
}

/// Why a sentence contradicts a claim, in words a moderator can read.
#[derive(Debug, Clone, PartialEq)]
enum Conflict {
    /// One side negates what the other states.
    Polarity,
    /// The article uses the opposite word.
    Antonym { claim: String, article: String },
    /// The article has another member of the same set, or another name, in that place.
    Swap { claim: String, article: String },
    /// The article reports these words as someone else's.
    Speaker { claim: String, article: String },
    /// The article reports a denial of what it also reports an accusation of: it settles
    /// nothing either way.
    Disputed,
}

/// One part's verdict before it is turned into text.
#[derive(Clone)]
struct Finding {
    verdict: Verdict,
    decisive: Option<SentenceRef>,
    conflict: Option<Conflict>,
    evidence: Vec<SentenceRef>,
    confidence: f32,
    pack: Option<usize>,
}

impl Engine {
    /// Checks a claim against all packs.
    pub fn check(&self, claim: &str) -> CheckResult {
        self.check_in(claim, None)
    }

    /// Checks a claim against the given packs only (`None`: all packs).
    pub fn check_in(&self, claim: &str, packs: Option<&[usize]>) -> CheckResult {
        let (text, truncated) = cut_input(claim);
        let blanked = crate::text::blank_markup(text);
        let text = blanked.as_ref();
        let sentences = checkable_sentences(text);
        let mut result = if sentences.len() <= 1 {
            let finding = self.check_part(text, packs);
            self.result(claim, &finding)
        } else {
            self.check_message(claim, &sentences, packs)
        };
        result.truncated = truncated;
        result
    }

    /// Checks each sentence of a pasted message and combines the verdicts.
    fn check_message(
        &self,
        claim: &str,
        sentences: &[&str],
        packs: Option<&[usize]>,
    ) -> CheckResult {
        let findings: Vec<(&str, Finding)> = sentences
            .iter()
            .map(|s| (*s, self.check_part(s, packs)))
            .collect();
        let verdict = if findings.iter().any(|(_, f)| f.verdict == Verdict::Refuted) {
            Verdict::Refuted
        } else if findings
            .iter()
            .all(|(_, f)| f.verdict == Verdict::Supported)
        {
            Verdict::Supported
        } else {
            Verdict::NotEnoughInfo
        };
        let parts: Vec<PartCheck> = findings
            .iter()
            .map(|(text, f)| {
                let r = self.result(text, f);
                PartCheck {
                    claim: r.claim,
                    verdict: r.verdict,
                    evidence: r.evidence,
                    explanation: r.explanation,
                    confidence: r.confidence,
                }
            })
            .collect();
        // Evidence: the decisive quotes of the parts that decide the overall verdict first.
        let mut evidence: Vec<Citation> = Vec::new();
        for part in parts
            .iter()
            .filter(|p| p.verdict == verdict)
            .chain(parts.iter().filter(|p| p.verdict != verdict))
        {
            for c in &part.evidence {
                if evidence.len() < MAX_EVIDENCE && !evidence.contains(c) {
                    evidence.push(c.clone());
                }
            }
        }
        let deciding: Vec<&PartCheck> = parts.iter().filter(|p| p.verdict == verdict).collect();
        let explanation = match verdict {
            Verdict::Refuted => format!(
                "{} of {} statements in this message conflict with the article. {}",
                deciding.len(),
                parts.len(),
                deciding
                    .first()
                    .map_or(String::new(), |p| p.explanation.clone())
            ),
            Verdict::Supported => format!(
                "All {} statements in this message are supported by the article.",
                parts.len()
            ),
            Verdict::NotEnoughInfo => format!(
                "{} of {} statements in this message are not settled by the article.",
                deciding.len(),
                parts.len()
            ),
        };
        let confidence = findings
            .iter()
            .map(|(_, f)| f.confidence)
            .fold(1.0f32, f32::min);
        CheckResult {
            claim: claim.to_owned(),
            verdict,
            evidence,
            explanation,
            confidence,
            parts,
            pack: findings.iter().find_map(|(_, f)| f.pack),
            truncated: false,
        }
    }

    /// Checks one statement. One the article does not settle as a whole may be settled clause
    /// by clause ("celebrities were targeted and none of the employees' records were exposed"):
    /// a statement with a false clause is false, and one whose every clause the article states
    /// is supported.
    fn check_part(&self, text: &str, packs: Option<&[usize]>) -> Finding {
        let whole = self.check_statement(text, packs);
        if whole.verdict != Verdict::NotEnoughInfo {
            return whole;
        }
        let pieces = clause_pieces(text);
        if !pieces.iter().any(|&(_, clause)| clause) {
            return whole;
        }
        let findings: Vec<Option<Finding>> = pieces
            .iter()
            .map(|&(piece, clause)| clause.then(|| self.check_statement(piece, packs)))
            .collect();
        if let Some(refuted) = findings
            .iter()
            .flatten()
            .find(|f| f.verdict == Verdict::Refuted)
        {
            return refuted.clone();
        }
        let supported: Option<Vec<&Finding>> = findings
            .iter()
            .map(|f| f.as_ref().filter(|f| f.verdict == Verdict::Supported))
            .collect();
        match supported {
            Some(parts) => {
                // Each clause's decisive quote first, then the rest of their evidence.
                let mut evidence: Vec<SentenceRef> =
                    parts.iter().filter_map(|f| f.decisive).collect();
                for e in parts.iter().flat_map(|f| &f.evidence) {
                    if !evidence.contains(e) {
                        evidence.push(*e);
                    }
                }
                evidence.truncate(MAX_EVIDENCE);
                Finding {
                    verdict: Verdict::Supported,
                    decisive: parts[0].decisive,
                    conflict: None,
                    evidence,
                    confidence: parts.iter().map(|f| f.confidence).fold(1.0, f32::min),
                    pack: parts[0].pack,
                }
            }
            None => whole,
        }
    }

    /// Checks one statement as a whole.
    fn check_statement(&self, text: &str, packs: Option<&[usize]>) -> Finding {
        let nothing = |pack| Finding {
            verdict: Verdict::NotEnoughInfo,
            decisive: None,
            conflict: None,
            evidence: Vec::new(),
            confidence: 0.5,
            pack,
        };
        let Some(r) = self.retrieve_as(text, packs, false) else {
            return nothing(None);
        };
        let evidence: Vec<SentenceRef> = r
            .ranked
            .iter()
            .filter(|c| {
                c.coverage >= 0.2 && !self.packs()[c.at.pack].sentences[c.at.sentence].heading
            })
            .take(MAX_EVIDENCE)
            .map(|c| c.at)
            .collect();
        let unknown_names = self.unknown_names(&r, text);
        // Each claim word the article never uses that is neither a name nor a mere qualifier,
        // with its rarity in general news text. A word with opposites ("accepted", "won") is
        // what the claim asserts, however everyday.
        let lex = Lexicon::get();
        let rarity: Vec<Option<f32>> = r
            .query
            .words
            .iter()
            .zip(&r.known)
            .map(|(w, &known)| {
                let other = !known
                    && !w.compound
                    && !is_name_like(w, &r.tokens, text)
                    && !lex.is_modifier(&w.surface);
                other.then(|| {
                    if lex.antonyms(&w.term).is_empty() {
                        text::general::general_idf(&w.term)
                    } else {
                        text::general::max_idf()
                    }
                })
            })
            .collect();
        let unknown_other = rarity.iter().flatten().count();
        // An everyday word the article does not use ("paying 28.5 mil *in total*", "basically")
        // weighs nothing towards support, unless typed as a verb ("has *watched* it"); a detail
        // it never mentions stops support.
        let everyday = |i: usize| {
            !r.known[i]
                && !text::has_verb_ending(&r.query.words[i].surface)
                && match rarity[i] {
                    Some(idf) => idf < MIN_DETAIL_IDF,
                    None => lex.is_modifier(&r.query.words[i].surface),
                }
        };
        let support_weights: Vec<f32> = (0..r.weights.len())
            .map(|i| if everyday(i) { 0.0 } else { r.weights[i] })
            .collect();
        let later_event = tells_of_later_events(&r.tokens);
        // A claim about what came before the events ("Sony had been hacked before") is
        // supported only by a sentence that looks back.
        let earlier_event = crate::answer::asks_about_earlier_events(&r.tokens);

        // Compare the claim with the sentences that talk about the same thing: those close to
        // the best one in coverage.
        let best_coverage = r
            .ranked
            .iter()
            .take(CANDIDATES)
            .map(|c| c.coverage)
            .fold(0.0f32, f32::max);
        let floor = MIN_TOPIC_COVERAGE.max(0.8 * best_coverage);
        let mut conflicting: Option<(&Ranked, Conflict)> = None;
        let mut supporting: Option<&Ranked> = None;
        // The fullest coverage of a sentence that reports the claim as disputed.
        let mut disputed: Option<f32> = None;
        if r.pack_coverage >= MIN_PACK_COVERAGE * 0.7 {
            for c in r
                .ranked
                .iter()
                .take(CANDIDATES)
                .filter(|c| c.coverage >= MIN_TOPIC_COVERAGE)
            {
                // Antonyms and polarity are strong signals on any sentence about the same
                // subject; swapped names only count on the sentences that fit best.
                let near_best = c.coverage >= floor;
                // A claim that adds details the article never mentions ("released online later")
                // is not settled by an opposite word or polarity: only by a swapped name.
                // Nor is one about what happened after the article ("the film was later
                // released"): the article reports how things stood when it was written.
                // A sentence whose conflict does not count settles nothing either way.
                // What the sentence holds, weighed as for support: a sentence that holds enough
                // of the claim to support it holds enough to contradict it.
                let held = crate::answer::share_of(&support_weights, |i| {
                    i < 64 && c.matched & (1 << i) != 0
                })
                .max(c.coverage);
                let conflict = self.conflict(&r, c, held, &unknown_names, near_best);
                let settles = |k: &Conflict| match k {
                    Conflict::Disputed => false,
                    Conflict::Swap { .. } | Conflict::Speaker { .. } => true,
                    _ => unknown_other == 0 && !later_event,
                };
                if conflict.as_ref().is_some_and(|k| !settles(k)) {
                    if conflict == Some(Conflict::Disputed) {
                        disputed = Some(disputed.unwrap_or(0.0).max(c.coverage));
                    }
                    continue;
                }
                match conflict {
                    Some(conflict) => {
                        if conflicting.is_none() {
                            conflicting = Some((c, conflict));
                        }
                    }
                    None => {
                        if supporting.is_none()
                            && self.stated_coverage(&r, c, &support_weights) >= MIN_SUPPORT_COVERAGE
                            && self.keeps_claim_negations(&r, c)
                            && !self.speaks_of_another(&r, c)
                            && !self.holds_action_as_possible_only(&r, c)
                            && !self.states_no_deed_of_subject(&r, c)
                            && !self.takes_a_side(&r, c)
                            && (!earlier_event
                                || crate::answer::speaks_of_earlier_events(self.tokens_of(c.doc)))
                        {
                            supporting = Some(c);
                        }
                    }
                }
            }
        }
        // A detail the article never mentions, or a deed it never names ("seth rogen
        // co-*directed* it": a word typed as a verb, if not among the commonest).
        let unknown_detail = rarity
            .iter()
            .zip(&r.query.words)
            .filter(|(idf, w)| {
                idf.is_some_and(|idf| {
                    idf >= MIN_DETAIL_IDF
                        || (idf >= MIN_DEED_IDF && text::has_verb_ending(&w.surface))
                })
            })
            .count();
        let pack_coverage = crate::answer::share_of(&support_weights, |i| r.known[i]);
        let supported_ok =
            pack_coverage >= MIN_PACK_COVERAGE && unknown_detail == 0 && unknown_names.is_empty();
        // A conflict-free sentence that holds the claim at least as fully wins over a conflict.
        let support = supporting.filter(|s| {
            supported_ok
                && conflicting
                    .as_ref()
                    .is_none_or(|(c, _)| s.coverage + 0.05 >= c.coverage)
                && disputed.is_none_or(|d| s.coverage + 0.05 >= d)
        });
        if let Some(best) = support {
            return Finding {
                verdict: Verdict::Supported,
                decisive: Some(best.at),
                conflict: None,
                evidence: with_first(best.at, &evidence),
                confidence: best.coverage.min(1.0),
                pack: Some(r.pack),
            };
        }
        if let Some((c, conflict)) = conflicting {
            return Finding {
                verdict: Verdict::Refuted,
                decisive: Some(c.at),
                conflict: Some(conflict),
                evidence: with_first(c.at, &evidence),
                confidence: (0.5 + c.coverage / 2.0).min(1.0),
                pack: Some(r.pack),
            };
        }
        Finding {
            evidence,
            confidence: 1.0 - best_coverage.min(1.0) / 2.0,
            conflict: disputed.map(|_| Conflict::Disputed),
            ..nothing(Some(r.pack))
        }
    }

    /// How much of the claim sentence `c` states, for supporting it.
    /// - What follows its "if…" / "in case…" is not stated: "in case it rejects our proposal"
    ///   states no rejection (nor an acceptance), though it does match a claim that is itself
    ///   hypothetical ("…if they won't cooperate"). Nor is the story of a work: "a movie that
    ///   centers around a plot to assassinate Kim Jong Un" does not say he was assassinated,
    ///   though it holds "the movie is about…". Names and titles there are facts all the same.
    /// - A claim word with opposites ("accepted", "won") counts only when the sentence holds it,
    ///   itself or through a close synonym: not through its opposite or a loose relative ("have"
    ///   for "accept").
    fn stated_coverage(&self, r: &Retrieval, c: &Ranked, weights: &[f32]) -> f32 {
        let lex = Lexicon::get();
        let sentence = self.tokens_of(c.doc);
        let unstated_from = unstated_token(sentence, false);
        let claim_unstated = &r.tokens[unstated_token(&r.tokens, true)..];
        let polar = |i: usize| !lex.antonyms(&r.query.words[i].term).is_empty();
        // A name, or a title between names ("North Korean leader Kim Jong Un"), is a fact even
        // in an "if…" clause or where the story of a work is told.
        let name_or_title = |k: usize| {
            sentence[k].proper
                || (k.checked_sub(1).is_some_and(|p| sentence[p].proper)
                    && sentence.get(k + 1).is_some_and(|n| n.proper))
        };
        // Whether claim word `i` is held by a sentence token that `counts`.
        let holds = |i: usize, counts: &dyn Fn(usize) -> bool| {
            let word = &r.query.words[i];
            sentence.iter().enumerate().any(|(k, t)| {
                counts(k)
                    && word.alternatives.iter().any(|(a, weight)| {
                        *a == t.term
                            && !(polar(i)
                                && (*weight <= crate::search::RELATED_WEIGHT
                                    || lex.antonyms(&word.term).contains(a)))
                    })
            })
        };
        crate::answer::share_of(weights, |i| {
            let claim_unstated_word = claim_unstated
                .iter()
                .any(|t| t.term == r.query.words[i].term);
            let stated_here = holds(i, &|k| {
                k < unstated_from || claim_unstated_word || name_or_title(k)
            });
            // Words matched through a reference back ("the country") hold no token of their
            // own; they count unless they have opposites.
            let by_reference = !polar(i) && !holds(i, &|_| true);
            i < 64 && c.matched & (1 << i) != 0 && (stated_here || by_reference)
        })
    }

    /// The claim's subject: its first content word, when that is a name (typed capitalised,
    /// usually one in news text, or one in the articles).
    fn claim_subject<'r>(&self, r: &'r Retrieval) -> Option<&'r Token> {
        r.tokens
            .iter()
            .find(|t| t.role == TokenRole::Content)
            .filter(|t| self.names_something(t))
    }

    /// Does the article name the claim's subject as the one accused, anywhere?
    fn accuses_claim_subject(&self, r: &Retrieval) -> bool {
        let Some(subject) = self.claim_subject(r) else {
            return false;
        };
        self.sentences.pack_docs(r.pack).any(|doc| {
            let sentence = self.tokens_of(doc);
            (0..sentence.len()).any(|k| sentence[k].term == subject.term && accused_at(sentence, k))
        })
    }

    /// The content terms `tokens` negate ([`negated_terms`]), with names told by this engine.
    fn negated<'t>(&self, tokens: &'t [Token], by_verbs: bool) -> Vec<&'t str> {
        negated_terms(tokens, by_verbs, |t| self.names_something(t))
    }

    /// The terms `sentence` negates, less those in what a negated word is about when the
    /// claim's subject stands there: "Sony Pictures got hacked" speaks of what North Korea
    /// "denied having any involvement with" (the hacking of Sony Pictures), not of the denial.
    fn negated_unless_about_subject<'t>(
        &self,
        r: &Retrieval,
        sentence: &'t [Token],
    ) -> Vec<&'t str> {
        let stated = &sentence[..text::hypothetical_token(sentence)];
        let scope = negation_scope(stated, true, |t| self.names_something(t));
        let about_subject = self.claim_subject(r).is_some_and(|subject| {
            let at = held_at(r, &subject.term, stated);
            scope.iter().any(|n| n.complement && at.contains(&n.at))
        });
        scope
            .iter()
            .filter(|n| !(n.name || (about_subject && n.complement)))
            .map(|n| stated[n.at].term.as_str())
            .collect()
    }

    /// Is sentence `c` one side of a dispute the article reports, for a claim of what its
    /// subject did? The accused's own words ("we have nothing to do with the case") and the
    /// accusation ("allegations towards North Korea … as the culprit") neither settle "North
    /// Korea is the culprit" nor "North Korea is innocent". A claim of what the subject said or
    /// did with words ("North Korea admitted it", "accused the US") is settled by them.
    fn takes_a_side(&self, r: &Retrieval, c: &Ranked) -> bool {
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

    /// Does sentence `c` name the claim's subject only as the one accused ("fingers had been
    /// pointing towards North Korea"), for a claim that does not speak of accusing? Or only where
    /// it states nothing (in an "if…" clause, or in the story of a work), while the claim's other
    /// words stand outside? "…have
    /// taken responsibility of the hack … a movie … about a plot to assassinate North Korean
    /// leader Kim Jong Un" does not say North Korea hacked anyone; it does say Kim Jong Un is
    /// North Korea's leader, names and titles all within the story.
    fn states_no_deed_of_subject(&self, r: &Retrieval, c: &Ranked) -> bool {
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

    /// Does sentence `c` hold an action the claim states only as a possibility? "It has the
    /// power to suspend him" does not say "the board suspended him", though it holds "the
    /// board can suspend him". An action is a claim word typed as a verb ("suspended").
    fn holds_action_as_possible_only(&self, r: &Retrieval, c: &Ranked) -> bool {
        let sentence = self.tokens_of(c.doc);
        let possible = possible_only(sentence);
        let claim_possible = possible_only(&r.tokens);
        r.tokens.iter().enumerate().any(|(k, claimed)| {
            if claimed.role != TokenRole::Content
                || claim_possible[k]
                || !text::has_verb_ending(&claimed.surface)
            {
                return false;
            }
            let at = held_at(r, &claimed.term, sentence);
            !at.is_empty() && at.iter().all(|&i| possible[i])
        })
    }

    /// Does sentence `c` hold what the claim negates as negated too? "North Korea never denied
    /// it" is not held by a sentence that has "rejects" only in an "in case…" clause.
    fn keeps_claim_negations(&self, r: &Retrieval, c: &Ranked) -> bool {
        let sentence = self.tokens_of(c.doc);
        let stated = &sentence[..text::hypothetical_token(sentence)];
        let sentence_negated = self.negated(stated, true);
        self.negated(&r.tokens[..text::hypothetical_token(&r.tokens)], false)
            .iter()
            .all(|negated| {
                let Some(word) = r.query.words.iter().find(|w| w.term == *negated) else {
                    return true;
                };
                let forms = |t: &Token| word.stands_for(&t.term);
                // Unmatched, the word weighs against coverage already.
                !sentence.iter().any(forms) || sentence_negated.iter().any(|n| word.stands_for(n))
            })
    }

    /// The one sentence `c` speaks of, when that is someone other than the claim's subject: it
    /// refers back to a sentence whose first name is another ([`Engine::antecedent_names`])
    /// and does not name the subject itself. "The country however has denied … and even
    /// suggest a joint investigation" speaks of North Korea, named the sentence before, and so
    /// holds neither "The US rejected North Korea's offer" nor "the FBI proposed a joint
    /// investigation", though it matches their other words.
    fn speaks_of_another(&self, r: &Retrieval, c: &Ranked) -> bool {
        let Some(subject) = self.claim_subject(r) else {
            return false;
        };
        // The subject's whole name: "the Standards Board" is the board named before.
        let subject_name: Vec<&str> = r
            .tokens
            .iter()
            .skip_while(|t| t.term != subject.term)
            .take_while(|t| self.names_something(t))
            .map(|t| t.term.as_str())
            .collect();
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

    /// The claim reports what someone said ("the US says…"), and sentence `c` reports the
    /// same words as said by others only ([`Engine::speakers`]). When a pronoun speaks ("he
    /// said"), the sentence names no speaker for sure, and nothing is swapped.
    fn speaker_swap(&self, r: &Retrieval, c: &Ranked) -> Option<Conflict> {
        let named = self.named_speaker(&r.tokens);
        // "the reporter said…": whom the article calls "the reporter".
        let (claimed, claimed_as): (Vec<&str>, String) = match named.first() {
            Some(first) => (
                named.iter().map(|t| t.term.as_str()).collect(),
                first.surface.clone(),
            ),
            None => {
                let cue = r.tokens.iter().position(crate::speech::is_speech_cue)?;
                let found = self.described(c.at.pack, &r.tokens, cue)?;
                (found.terms, format!("the {}", found.word.surface))
            }
        };
        let Speakers::Named(speakers) = self.speakers(c.doc) else {
            return None;
        };
        let &(first, first_term) = speakers.first()?;
        if claimed.iter().any(|t| speakers.iter().any(|(_, s)| s == t)) {
            return None;
        }
        // The first speaker's whole name: the speaker words in a row from it.
        let sentence = self.tokens_of(c.doc);
        let article = match first {
            // "The mayor said…": the name "the mayor" stands for, as the article writes it.
            None => self
                .described(c.at.pack, sentence, usize::MAX)
                .filter(|found| found.terms.first() == Some(&first_term))
                .map_or_else(
                    || first_term.replace('_', " "),
                    |found| found.written.to_owned(),
                ),
            Some(first) => (first..sentence.len())
                .take_while(|&i| speakers.iter().any(|(at, _)| *at == Some(i)))
                .map(|i| sentence[i].surface.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        };
        Some(Conflict::Speaker {
            claim: claimed_as,
            article,
        })
    }

    /// Claim words the pack never uses that look like names (capitalised, or digits), and the
    /// claim's subject when the pack never uses it: "lizard squad claimed responsibility…",
    /// typed in lowercase, names a group as surely as a capital would.
    fn unknown_names(&self, r: &Retrieval, text: &str) -> Vec<String> {
        let subject = unknown_subject(r);
        r.query
            .words
            .iter()
            .enumerate()
            .filter(|&(i, w)| {
                !r.known[i] && (subject.contains(&i) || is_name_like(w, &r.tokens, text))
            })
            .map(|(_, w)| w.surface.clone())
            .collect()
    }

    /// How sentence `c` contradicts the claim, if it does; `held` is how much of the claim it
    /// holds, weighed as for support.
    fn conflict(
        &self,
        r: &Retrieval,
        c: &Ranked,
        held: f32,
        unknown_names: &[String],
        near_best: bool,
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
        // Where the claim's own "if…" clause starts: its words meet the sentence's "in case…".
        let claim_hypothetical_from = r
            .tokens
            .get(text::hypothetical_token(&r.tokens))
            .map_or(usize::MAX, |t| t.span.start);
        let claim_words: Vec<&Token> = r
            .tokens
            .iter()
            .filter(|t| t.role == TokenRole::Content)
            .collect();
        let in_claim = |term: &str| {
            claim_words
                .iter()
                .any(|t| t.term == term || lex.synonyms(&t.term).iter().any(|s| s == term))
        };

        let first_since = sentence.iter().enumerate().any(|(i, t)| {
            t.term == "first"
                && sentence[i + 1..]
                    .iter()
                    .take(FIRST_SINCE_REACH)
                    .any(|t| t.surface == "since")
        });
        // An antonym of a claim word that governs the claim's subject matter in the sentence.
        for w in &claim_words {
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
                let governs = match claim_word_at {
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
            let other_name = others
                .min_by_key(|(at, t)| {
                    let shape = (name_is_acronym != t.acronym) as usize;
                    let distance = anchors
                        .iter()
                        .map(|&(anchor, after)| match (after, *at > anchor) {
                            (true, true) => at - anchor,
                            (false, false) => anchor - at,
                            _ => usize::MAX / 4,
                        })
                        .min()
                        .unwrap_or(0);
                    (shape, distance)
                })
                .map(|(_, t)| t);
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
        if !heading && held >= MIN_SUPPORT_COVERAGE {
            let claim_terms: Vec<&str> = claim_words.iter().map(|t| t.term.as_str()).collect();
            let sentence_matches = |term: &str| among_synonyms(sentence_terms, term);
            let sentence_negated = self.negated_unless_about_subject(r, sentence);
            let claim_negated =
                self.negated(&r.tokens[..text::hypothetical_token(&r.tokens)], false);
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
            if denies(&claim_terms, &claim_negated) && denies(sentence_terms, &sentence_negated) {
                return None;
            }
            // A word is negated on a side when it, or a word the lexicon links it to, is: the
            // claim's "without using torture" keeps the article's "without resorting to torture".
            let claim_negates = claim_negated
                .iter()
                .any(|t| sentence_matches(t) && !among_synonyms(&sentence_negated, t));
            let article_negates = sentence_negated
                .iter()
                .any(|t| in_claim_terms(t) && !among_synonyms(&claim_negated, t));
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

    /// Turns a finding into the public result with its explanation.
    fn result(&self, claim: &str, f: &Finding) -> CheckResult {
        let evidence: Vec<Citation> = f.evidence.iter().map(|&at| self.citation(at)).collect();
        let explanation = match (f.verdict, f.decisive) {
            (Verdict::Supported, Some(at)) => {
                format!("The article supports this ({}): “{}”", location(self, at), short_quote(&self.citation(at).quote))
            }
            (Verdict::Refuted, Some(at)) => {
                let why = match &f.conflict {
                    Some(Conflict::Antonym { claim, article }) => format!(" It says “{article}”, not “{claim}”."),
                    Some(Conflict::Swap { claim, article }) => format!(" It has “{article}” where the claim has “{claim}”."),
                    Some(Conflict::Speaker { claim, article }) => format!(" It reports “{article}” saying it, not “{claim}”."),
                    Some(Conflict::Polarity | Conflict::Disputed) | None => " It states the opposite.".to_owned(),
                };
                format!("The article says otherwise ({}): “{}”{why}", location(self, at), short_quote(&self.citation(at).quote))
            }
            (Verdict::NotEnoughInfo, _) if f.conflict == Some(Conflict::Disputed) => {
                "The article doesn't settle this: it reports the accusation and the denial, and takes no side.".to_owned()
            }
            _ => match evidence.first() {
                Some(_) => "The article doesn't settle this: nothing in it states or contradicts the claim; the closest passages are quoted.".to_owned(),
                None => "The article doesn't mention this.".to_owned(),
            },
        };
        CheckResult {
            claim: claim.to_owned(),
            verdict: f.verdict,
            evidence,
            explanation,
            confidence: f.confidence,
            parts: Vec::new(),
            pack: f.pack,
            truncated: false,
        }
    }
}

/// Words and marks that join two clauses of one statement.
const CLAUSE_JOINS: &[&str] = &[", ", "; ", " and ", " but ", " while ", " whereas "];

/// The pieces of a statement that joins clauses, each with whether it is a clause that can be
/// checked alone ([`is_clause`]); none for a statement of one piece.
fn clause_pieces(text: &str) -> Vec<(&str, bool)> {
    let mut cuts: Vec<(usize, usize)> = CLAUSE_JOINS
        .iter()
        .flat_map(|join| text.match_indices(join).map(|(at, j)| (at, at + j.len())))
        .collect();
    cuts.sort_unstable();
    let mut out = Vec::new();
    let mut start = 0;
    for (at, end) in cuts {
        if at >= start {
            out.push(&text[start..at]);
            start = end;
        }
    }
    out.push(&text[start..]);
    if out.len() < 2 {
        return Vec::new();
    }
    out.into_iter()
        .map(|piece| (piece, is_clause(piece)))
        .collect()
}

/// Whether a piece of a statement says enough to be checked alone: [`MIN_CLAUSE_WORDS`]
/// content words at least (fewer: a name in a list, or an aside).
fn is_clause(piece: &str) -> bool {
    crate::text::analyze(piece, false)
        .iter()
        .filter(|t| t.role == TokenRole::Content)
        .count()
        >= MIN_CLAUSE_WORDS
}

/// Content words a clause needs to be checked on its own.
const MIN_CLAUSE_WORDS: usize = 3;

/// The sentences of a message that are worth checking (with at least two content words).
fn checkable_sentences(text: &str) -> Vec<&str> {
    segment::chat_sentences(text)
        .into_iter()
        .map(|span| &text[span])
        .filter(|s| {
            crate::text::analyze(s, false)
                .iter()
                .filter(|t| t.role == TokenRole::Content)
                .count()
                >= 2
        })
        .collect()
}

/// A claim word that names something: capitalised (even first in the sentence), an acronym, a
/// number, or a word news text mostly writes as a name (typed in lowercase).
fn is_name_like(w: &crate::search::QueryWord, tokens: &[Token], text: &str) -> bool {
    let capitalised = tokens
        .iter()
        .find(|t| t.term == w.term)
        .and_then(|t| text.get(t.span.clone()))
        .is_some_and(|s| s.starts_with(char::is_uppercase));
    w.proper
        || w.number
        || capitalised
        || typed_acronym(&w.surface)
        || crate::text::general::usually_a_name(&w.term, &w.surface)
}

/// Where `sentence` holds the claim's words next to `name` (the nearest it holds, within
/// [`SLOT_REACH`] words before and after the name), each with whether the name comes after
/// it: the place the sentence gives the name's role.
fn name_anchors(claim: &[Token], name: &str, sentence: &[Token]) -> Vec<(usize, bool)> {
    let lex = Lexicon::get();
    let Some(at) = claim.iter().position(|t| t.surface == name) else {
        return Vec::new();
    };
    let word = |t: &&Token| matches!(t.role, TokenRole::Content | TokenRole::Filler);
    let before: Vec<&Token> = claim[..at]
        .iter()
        .rev()
        .filter(word)
        .take(SLOT_REACH)
        .collect();
    let after: Vec<&Token> = claim[at + 1..]
        .iter()
        .filter(word)
        .take(SLOT_REACH)
        .collect();
    let mut anchors = Vec::new();
    for (words, name_after) in [(before, true), (after, false)] {
        // The nearest word the sentence holds itself; else the nearest it holds by a synonym.
        for by_synonym in [false, true] {
            let held = words.iter().find_map(|w| {
                let places: Vec<usize> = (0..sentence.len())
                    .filter(|&i| {
                        let t = &sentence[i].term;
                        if by_synonym {
                            lex.synonyms(&w.term).contains(t)
                        } else {
                            *t == w.term
                        }
                    })
                    .collect();
                (!places.is_empty()).then_some(places)
            });
            if let Some(places) = held {
                anchors.extend(places.into_iter().map(|i| (i, name_after)));
                break;
            }
        }
    }
    anchors
}

/// An acronym typed in lowercase: a short word without a vowel ("cnn", "bbc").
fn typed_acronym(surface: &str) -> bool {
    (2..=5).contains(&surface.len())
        && surface.chars().all(|c| c.is_ascii_lowercase())
        && !surface.contains(['a', 'e', 'i', 'o', 'u', 'y'])
}

/// The query words that open a claim before its first verb, when the pack uses none of them
/// and a verb the pack does use follows ("lizard squad claimed responsibility"): an agent the
/// article does not name. Empty when the claim opens with a word the pack uses, or with no
/// subject at all ("claimed responsibility…").
fn unknown_subject(r: &Retrieval) -> Vec<usize> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    for t in r.tokens.iter().filter(|t| t.role == TokenRole::Content) {
        let Some(i) = r.query.words.iter().position(|w| w.term == t.term) else {
            return Vec::new();
        };
        if r.known[i] {
            let verb = text::has_verb_ending(&t.surface) || !lex.antonyms(&t.term).is_empty();
            return if verb && !out.is_empty() {
                out
            } else {
                Vec::new()
            };
        }
        if t.number || text::has_verb_ending(&t.surface) {
            return Vec::new();
        }
        out.push(i);
    }
    Vec::new()
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

/// A verb of refusal or denial negates what follows it ("refused to cooperate").
const NEGATING_VERBS: &[&str] = &["refus", "reject", "deni", "declin", "fail", "avoid"];

/// General rarity from which a word the article lacks is a detail it does not state (below:
/// an everyday word, found in more than about one news story in twenty).
const MIN_DETAIL_IDF: f32 = 3.0;

/// General rarity from which a word typed as a verb that the article lacks is a deed it does
/// not state ("directed", in fewer than one news story in ten); below, a verb so common
/// ("used", "breaking") that the article may well say it otherwise.
const MIN_DEED_IDF: f32 = 2.3;

/// Most content words a negation reaches.
const NEGATION_REACH: usize = 6;
/// Words that end the clause a negation is in ("denied involvement *and* suggested a probe").
const CLAUSE_BREAKS: &[&str] = &[
    "and", "but", "while", "whereas", "although", "though", "because", "since", "after", "before",
    "which", "who", "yet",
];

/// Words that open what a negated word is about: in "denied any involvement *with* the hacking
/// of Sony", the hacking is what the involvement was with, not what was denied. ("to" is left
/// out: "without resorting to torture" negates the torture.)
const COMPLEMENT_OPENERS: &[&str] = &[
    "with", "of", "in", "into", "on", "about", "over", "against", "for", "from", "at", "by",
];

/// A word a negation reaches.
#[derive(Debug, Clone, Copy)]
struct Negated {
    /// Its position in the tokens.
    at: usize,
    /// It stands in what an earlier negated word is about ("… involvement with *the hacking*").
    complement: bool,
    /// A name: never negated itself ("not Sony" contrasts), but it can be what a denial is about.
    name: bool,
}

/// The content terms `tokens` negate: those after "not" or "never" to the end of the clause,
/// and with `by_verbs` those after a verb of denial too. An article's "denied any involvement"
/// is its account that there was none; a claim's "rejected North Korea's offer" does not say
/// there was no offer, so claims are read without it (a claim's denial meets the article's
/// through the verbs themselves: "admitted" against "denied", or both denying). Names are
/// never negated (`is_name` tells them, in a claim typed in lowercase too): "not Sony"
/// contrasts, it does not deny that Sony exists.
fn negated_terms(tokens: &[Token], by_verbs: bool, is_name: impl Fn(&Token) -> bool) -> Vec<&str> {
    negation_scope(tokens, by_verbs, is_name)
        .into_iter()
        .filter(|n| !n.name)
        .map(|n| tokens[n.at].term.as_str())
        .collect()
}

/// Every content word a negation reaches ([`negated_terms`]), names included, each marked
/// when it stands in what an earlier negated word is about.
fn negation_scope(
    tokens: &[Token],
    by_verbs: bool,
    is_name: impl Fn(&Token) -> bool,
) -> Vec<Negated> {
    let mut out = Vec::new();
    let mut remaining = 0;
    // A negated word has been seen, and then a word opening what it is about.
    let mut reached_word = false;
    let mut complement = false;
    for (i, t) in tokens.iter().enumerate() {
        // "not some other part", "not just executives": a contrast, not a denial.
        let contrast = tokens[i + 1..].iter().take(2).any(|n| {
            matches!(
                n.surface.as_str(),
                "other" | "another" | "else" | "just" | "only" | "merely"
            )
        });
        // A negation reaches to the end of its clause, at most a few content words on.
        if CLAUSE_BREAKS.contains(&t.surface.as_str()) {
            remaining = 0;
        }
        if remaining > 0 && reached_word && COMPLEMENT_OPENERS.contains(&t.surface.as_str()) {
            complement = true;
        }
        let mut open = |remaining: &mut usize| {
            *remaining = NEGATION_REACH;
            reached_word = false;
            complement = false;
        };
        match t.role {
            TokenRole::Negation if !contrast => open(&mut remaining),
            // "did not deny": the denial itself is what is negated.
            TokenRole::Content if NEGATING_VERBS.contains(&t.term.as_str()) && remaining > 0 => {
                out.push(Negated {
                    at: i,
                    complement,
                    name: false,
                });
                remaining = 0;
            }
            TokenRole::Content if by_verbs && NEGATING_VERBS.contains(&t.term.as_str()) => {
                open(&mut remaining)
            }
            TokenRole::Content if remaining > 0 => {
                let name = is_name(t);
                out.push(Negated {
                    at: i,
                    complement,
                    name,
                });
                reached_word |= !name;
                remaining -= 1;
            }
            _ => {}
        }
    }
    out
}

/// How far (in content words) from an antonym the claim's other words must stand for it to
/// speak about them.
const ANTONYM_REACH: usize = 4;

/// How far after "first" a "since" makes it "the first … since" (then the last was before).
const FIRST_SINCE_REACH: usize = 6;

/// How far apart (in tokens) a slot's word and its filler may stand.
const SLOT_REACH: usize = 4;

/// A name or number of the claim that the sentence lacks, where the sentence puts another name
/// or number in the same slot: just after (or before) the same word. The word must not itself
/// be a name, and the other filler must not be in the claim.
/// `is_name` tells a name typed in lowercase ("taran adarsh").
fn slot_swap(
    claim: &[Token],
    sentence: &[Token],
    in_claim: &dyn Fn(&str) -> bool,
    is_name: &dyn Fn(&Token) -> bool,
) -> Option<Conflict> {
    let lex = Lexicon::get();
    let name_like = |t: &Token| t.role == TokenRole::Content && (t.proper || t.number);
    let claim_name = |t: &Token| t.role == TokenRole::Content && (t.number || is_name(t));
    let same_word =
        |a: &Token, b: &Token| a.term == b.term || lex.synonyms(&a.term).contains(&b.term);
    let plain = |t: &Token| t.role == TokenRole::Content && !claim_name(t);
    // How many of the claim's other words the sentence holds: a slot is only the same slot in
    // a sentence about the same thing ("the English cut is shorter" is not about "Bernath cut
    // short her education").
    let shared = |anchor: &Token| {
        claim
            .iter()
            .filter(|t| plain(t) && t.term != anchor.term)
            .filter(|t| sentence.iter().any(|s| same_word(t, s)))
            .count()
    };
    for (i, name) in claim.iter().enumerate().filter(|(_, t)| claim_name(t)) {
        if sentence.iter().any(|t| t.term == name.term) {
            continue;
        }
        // The claim's word right before the name, at most one short word between ("composed
        // by"), or right after it ("texas-based").
        let before = claim[..i].iter().rev().take(2).find(|t| plain(t));
        let after = claim.get(i + 1).filter(|t| plain(t));
        for (anchor, forward) in [(before, true), (after, false)] {
            let Some(anchor) = anchor.filter(|a| shared(a) > 0) else {
                continue;
            };
            for (at, _) in sentence
                .iter()
                .enumerate()
                .filter(|(_, t)| same_word(anchor, t))
            {
                let window: Vec<&Token> = if forward {
                    sentence[at + 1..].iter().take(SLOT_REACH).collect()
                } else {
                    sentence[..at].iter().rev().take(SLOT_REACH).collect()
                };
                if let Some(other) = window
                    .iter()
                    .find(|t| name_like(t) && t.number == name.number && !in_claim(&t.term))
                {
                    return Some(Conflict::Swap {
                        claim: name.surface.clone(),
                        article: other.surface.clone(),
                    });
                }
            }
        }
    }
    None
}

/// Short words that join the parts of a name ("Guardians *of* Peace").
const NAME_JOINS: &[&str] = &["of", "the", "for", "de"];

/// A part of a name of several words that the sentence writes capitalised, where the claim puts
/// a rarer word the article never uses beside it in the place of the name's other part: "the guardians
/// of freedom" against "the Guardians of Peace", "Paramount Pictures" against "Sony Pictures".
/// The article's part must not be in the claim, unless the claim says "not" before it ("…,
/// not Sony"). `knows` tells the words the article uses.
fn name_part_swap(
    claim: &[Token],
    sentence: &[Token],
    knows: &dyn Fn(&str) -> bool,
) -> Option<Conflict> {
    let lex = Lexicon::get();
    let claim_states = |term: &str| {
        claim
            .iter()
            .enumerate()
            .any(|(i, t)| t.term == term && !(i > 0 && claim[i - 1].surface == "not"))
    };
    // The next token from `at` in a direction, past at most one joining word: (join, token).
    fn neighbour(tokens: &[Token], at: usize, forward: bool) -> Option<(Option<&str>, &Token)> {
        let step = |i: usize| {
            if forward {
                i.checked_add(1)
            } else {
                i.checked_sub(1)
            }
        };
        let next = tokens.get(step(at)?)?;
        if NAME_JOINS.contains(&next.surface.as_str()) {
            let after = tokens.get(step(step(at)?)?)?;
            return Some((Some(next.surface.as_str()), after));
        }
        Some((None, next))
    }
    let part = |t: &Token| t.role == TokenRole::Content && t.capitalised && !t.number;
    // The claim's other part: a word the article never uses, and no everyday word ("beat
    // Roddick" is no other Roddick than "Andy Roddick").
    let stands_apart =
        |t: &Token| !knows(&t.term) && text::general::general_idf(&t.term) >= MIN_DETAIL_IDF;
    // Two parts of a name, joined as written ("guardians of peace", "sony pictures").
    let joined = |first: &str, join: Option<&str>, second: &str| match join {
        Some(join) => format!("{first} {join} {second}"),
        None => format!("{first} {second}"),
    };
    for (i, word) in claim.iter().enumerate() {
        if word.role != TokenRole::Content || word.number {
            continue;
        }
        // A name the lexicon knows whole ("Guardians of Peace"), of which the claim has the
        // first part, then another ("the guardians of freedom").
        let whole_names = sentence.iter().filter(|t| {
            part(t) && t.term == word.term && t.surface.contains(' ') && !word.surface.contains(' ')
        });
        for whole in whole_names {
            let Some(rest) = whole.surface.strip_prefix(&format!("{} ", word.surface)) else {
                continue;
            };
            let (join, other) = match rest.split_once(' ') {
                Some((join, other)) if NAME_JOINS.contains(&join) && !other.contains(' ') => {
                    (Some(join), other)
                }
                None => (None, rest),
                Some(_) => continue,
            };
            let Some((claim_join, instead)) = neighbour(claim, i, true) else {
                continue;
            };
            let other_term = text::stem_word(other);
            if claim_join == join
                && instead.role == TokenRole::Content
                && !instead.number
                && instead.term != other_term
                && stands_apart(instead)
                && !lex.synonyms(&instead.term).contains(&other_term)
            {
                return Some(Conflict::Swap {
                    claim: joined(&word.surface, join, &instead.surface),
                    article: whole.surface.clone(),
                });
            }
        }
        for (j, _) in sentence
            .iter()
            .enumerate()
            .filter(|(_, t)| part(t) && t.term == word.term)
        {
            for forward in [true, false] {
                let Some((join, other)) = neighbour(sentence, j, forward).filter(|(_, t)| part(t))
                else {
                    continue;
                };
                let Some((claim_join, instead)) = neighbour(claim, i, forward) else {
                    continue;
                };
                if claim_join != join
                    || instead.role != TokenRole::Content
                    || instead.number
                    || instead.term == other.term
                    || !stands_apart(instead)
                    || lex.synonyms(&instead.term).contains(&other.term)
                    || claim_states(&other.term)
                {
                    continue;
                }
                let (shared, claim_part, article_part) =
                    (&word.surface, &instead.surface, &other.surface);
                return Some(if forward {
                    Conflict::Swap {
                        claim: joined(shared, join, claim_part),
                        article: joined(&sentence[j].surface, join, article_part),
                    }
                } else {
                    Conflict::Swap {
                        claim: joined(claim_part, join, shared),
                        article: joined(article_part, join, &sentence[j].surface),
                    }
                });
            }
        }
    }
    None
}

/// Terms of one word family the stemmer keeps apart ("bribe" and "briberi"): one starts with
/// the other, five letters at least.
fn same_family(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 5 && long.starts_with(short)
}

/// Words that put a claim after the events an article reports, besides those that place a
/// question there ([`crate::answer::LATER_EVENTS`]): a claim that "ended up" so tells how things
/// turned out; a question "who ended up humiliated" asks what the article says.
const LATER_MARKERS: &[&[&str]] = &[
    &["ended", "up"],
    &["end", "up"],
    &["ends", "up"],
    &["went", "on", "to"],
    &["after", "all"],
];

/// Does the claim tell of what happened after the events (the film "was later released")?
fn tells_of_later_events(tokens: &[Token]) -> bool {
    text::holds_any_phrase(
        tokens,
        crate::answer::LATER_EVENTS.iter().chain(LATER_MARKERS),
    )
}

/// Kinds of work whose story a sentence may tell ("a satirical movie … that centers around a
/// plot to assassinate Kim Jong Un"): what the story is about is depicted, not stated.
const WORKS: &[&str] = &[
    "movi",
    "film",
    "comedi",
    "book",
    "novel",
    "stori",
    "show",
    "documentari",
    "play",
    "song",
    "seri",
    "satir",
    "drama",
    "episod",
];
/// Words that open what a work is about, within [`DEPICTION_REACH`] tokens after it.
const DEPICTION_CUES: &[&str] = &[
    "about",
    "centers",
    "centres",
    "centred",
    "centered",
    "revolves",
    "depicts",
    "depicting",
    "portrays",
    "portraying",
    "follows",
    "plot",
];
const DEPICTION_REACH: usize = 10;

/// Index of the first token that is not stated as fact: a hypothetical clause, or what a work
/// is about; else the end. A claim is short enough that any cue opens what it says a work is
/// about ("the interview is about a plot…"); in an article the cue must follow a kind of work.
fn unstated_token(tokens: &[Token], claim: bool) -> usize {
    let depicted = (1..tokens.len()).find(|&i| {
        DEPICTION_CUES.contains(&tokens[i].surface.as_str())
            && (claim
                || tokens[i.saturating_sub(DEPICTION_REACH)..i]
                    .iter()
                    .any(|t| WORKS.contains(&t.term.as_str())))
    });
    text::hypothetical_token(tokens).min(depicted.unwrap_or(tokens.len()))
}

/// Where `sentence` holds claim word `term`, itself or through one of its alternatives.
fn held_at(r: &Retrieval, term: &str, sentence: &[Token]) -> Vec<usize> {
    let Some(word) = r.query.words.iter().find(|w| w.term == term) else {
        return Vec::new();
    };
    (0..sentence.len())
        .filter(|&k| word.stands_for(&sentence[k].term))
        .collect()
}

/// Whether `term`, or a synonym of it in the lexicon, is among `terms`.
fn among_synonyms(terms: &[&str], term: &str) -> bool {
    terms.contains(&term)
        || Lexicon::get()
            .synonyms(term)
            .iter()
            .any(|s| terms.contains(&s.as_str()))
}

/// Whether `at` (positions of the claim's subject in `sentence`) is non-empty and each stands
/// just after a word that accuses: "fingers had been pointing towards *North Korea*".
fn only_accused_at(sentence: &[Token], at: &[usize]) -> bool {
    !at.is_empty() && at.iter().all(|&k| accused_at(sentence, k))
}

/// Stems of verbs that do things with words: a claim with one is about what was said.
const SPEECH_ACTS: &[&str] = &[
    "deni", "admit", "confess", "apolog", "insist", "threaten", "warn", "propos", "suggest",
];

/// Whether `t` tells of something said: a word of speech, of accusing, or a verb that does
/// something with words ("denied", "admitted", "proposed").
fn reports_speech(t: &Token) -> bool {
    crate::speech::is_speech_cue(t) || accuses(t) || SPEECH_ACTS.contains(&t.term.as_str())
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

/// Words that make what follows them a possibility, not an event: "It has the power to
/// suspend him" does not say he was suspended.
const POSSIBILITY_CUES: &[&[&str]] = &[
    &["could"],
    &["might"],
    &["may"],
    &["can"],
    &["power", "to"],
    &["able", "to"],
    &["threatened", "to"],
    &["threatens", "to"],
];

/// Which tokens stand between a [`POSSIBILITY_CUES`] cue and the end of its clause.
fn possible_only(tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut open = false;
    for i in 0..tokens.len() {
        if CLAUSE_BREAKS.contains(&tokens[i].surface.as_str()) {
            open = false;
        }
        out[i] = open;
        // "May" the month is a name.
        let cue = POSSIBILITY_CUES.iter().any(|cue| {
            i + 1 >= cue.len()
                && tokens[i + 1 - cue.len()..=i]
                    .iter()
                    .zip(cue.iter())
                    .all(|(t, w)| t.surface == *w && !t.proper)
        });
        open |= cue;
    }
    out
}

/// `first`, then the rest of `evidence` without it, at most [`MAX_EVIDENCE`].
fn with_first(first: SentenceRef, evidence: &[SentenceRef]) -> Vec<SentenceRef> {
    std::iter::once(first)
        .chain(evidence.iter().copied().filter(|e| *e != first))
        .take(MAX_EVIDENCE)
        .collect()
}

/// The word as written in the sentence for a term.
fn surface_of(sentence: &[Token], term: &str) -> String {
    sentence
        .iter()
        .find(|t| t.term == term)
        .map_or_else(|| term.to_owned(), |t| t.surface.clone())
}

fn location(engine: &Engine, at: SentenceRef) -> String {
    let s = &engine.packs()[at.pack].sentences[at.sentence];
    format!("paragraph {}, sentence {}", s.paragraph, s.index)
}

/// A quote cut to a readable length for an explanation (the full quote is in the evidence).
fn short_quote(quote: &str) -> String {
    const MAX: usize = 160;
    match quote.char_indices().nth(MAX) {
        // Cut before the word the limit falls in, so no word is shown half.
        Some((at, _)) => {
            let cut = quote[..at].rfind(char::is_whitespace).unwrap_or(at);
            format!("{}…", quote[..cut].trim_end())
        }
        None => quote.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An engine over one bare pack made up for the test: the mechanism must work on any
    /// article.
    fn engine_of(article: &str) -> Engine {
        crate::test_pack::engine_over(article, None)
    }

    fn engine() -> Engine {
        engine_of(
            "Acme agrees dividend\n\n\
            Acme Corporation denied any involvement in the merger talks. \
            The board approved a dividend of 5 cents on Monday. \
            The chief executive said the company would not cut jobs.\n",
        )
    }

    #[test]
    fn another_name_in_the_same_slot_refutes() {
        let engine = engine_of(
            "Song credits\n\n\
            The film has a song composed in English by Anna Rahman, a London musician. \
            Critic Tom Adler praised the film.\n",
        );
        let swapped = engine.check("the english song was composed by tom adler");
        assert_eq!(swapped.verdict, Verdict::Refuted, "{}", swapped.explanation);
        assert!(
            swapped.explanation.contains("Anna"),
            "{}",
            swapped.explanation
        );
        // A name in no slot the article fills is not contradicted.
        let unsettled = engine.check("Tom Adler grew up in Paris");
        assert_eq!(
            unsettled.verdict,
            Verdict::NotEnoughInfo,
            "{}",
            unsettled.explanation
        );
    }

    #[test]
    fn a_son_is_not_a_daughter_and_a_second_set_not_the_first() {
        let engine = engine_of(
            "Final and film\n\n\
            In the new drama Mara Lind plays a farmer's daughter who falls for a young soldier. \
            In the final Dan Kane won the first set on a tie-break before Tom Marsh recovered.\n",
        );
        let cases = [
            ("Mara Lind plays a farmer's daughter", Verdict::Supported),
            ("Mara Lind plays a farmer's son", Verdict::Refuted),
            (
                "Dan Kane won the first set on a tie-break",
                Verdict::Supported,
            ),
            (
                "Dan Kane won the second set on a tie-break",
                Verdict::Refuted,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn a_slot_is_the_same_slot_only_in_a_sentence_about_the_same_thing() {
        let engine = engine_of(
            "Star of Kisna\n\n\
            Picked from 300 hopefuls in London, Mara Lind cut short her studies in Bristol to \
            take the part. \
            The film has been shot in Hindi and English, with the English print shortened by an \
            hour.\n",
        );
        // Only "cut" is shared: Mara Lind is not in the place of "English".
        assert_verdict_not(
            &engine,
            "the english cut of the film is an hour shorter",
            Verdict::Refuted,
        );
    }

    #[test]
    fn a_deed_the_article_never_names_is_not_supported() {
        let engine = engine_of(include_str!("../knowledge/sony-hack-2014/article.txt"));
        assert_verdict(
            &engine,
            "seth rogen starred in the interview",
            Verdict::Supported,
        );
        // Starring in it is stated; directing it is not, though every other word is there.
        assert_verdict(
            &engine,
            "seth rogen directed the movie",
            Verdict::NotEnoughInfo,
        );
        assert_verdict(
            &engine,
            "seth rogen also co-directed the interview",
            Verdict::NotEnoughInfo,
        );
    }

    #[test]
    fn a_name_only_goes_against_a_name_of_its_kind_in_its_place() {
        let engine = engine_of(include_str!("../knowledge/sony-hack-2014/article.txt"));
        // A month the article never gives is no swap for the country it names.
        assert_verdict(
            &engine,
            "the kcna interview happened on a saturday in december",
            Verdict::NotEnoughInfo,
        );
        // "as well" adds the CIA to those investigating; it does not deny anyone else did.
        assert_verdict(
            &engine,
            "the cia investigated the sony hack as well",
            Verdict::NotEnoughInfo,
        );
        // Two mentions of a "Theater" in news text do not make "theater" a name.
        assert_verdict(
            &engine,
            "big theater chains refused to screen the interview before sony cancelled it",
            Verdict::NotEnoughInfo,
        );
    }

    #[test]
    fn another_part_beside_a_part_of_a_name_is_another_name() {
        let engine = engine_of(
            "Carmaker hit by protest\n\n\
            Protesters from the Keepers of Order blocked the gates of Acme Motors on Monday. \
            Police moved them on after two hours.\n",
        );
        assert_verdict(
            &engine,
            "the keepers of harmony blocked the gates",
            Verdict::Refuted,
        );
        assert_verdict(
            &engine,
            "protesters blocked the gates of zenith motors",
            Verdict::Refuted,
        );
        assert_verdict(
            &engine,
            "the keepers of order blocked the gates of acme motors",
            Verdict::Supported,
        );
        // An everyday word beside a name is not another name: "blocked Acme" is Acme.
        assert_verdict_not(
            &engine,
            "protesters blocked acme on monday",
            Verdict::Refuted,
        );
    }

    #[test]
    fn an_acronym_typed_in_lowercase_is_a_name_and_meets_the_one_in_its_place() {
        let engine = engine_of(
            "Minister speaks out\n\n\
            A spokesman for the Ruritanian trade ministry talked to state agency RTNA on Friday \
            and said the tariffs would stay.\n",
        );
        // Typed in lowercase, or in capitals with a vowel.
        for (claim, name) in [
            ("the trade ministry spokesman talked to cnn", "cnn"),
            ("the trade ministry spokesman talked to ABC", "abc"),
        ] {
            let result = engine.check(claim);
            assert_eq!(result.verdict, Verdict::Refuted, "{}", result.explanation);
            assert!(
                result
                    .explanation
                    .contains(&format!("“rtna” where the claim has “{name}”")),
                "{}",
                result.explanation
            );
        }
    }

    #[test]
    fn floating_an_idea_is_suggesting_it() {
        let engine = engine_of(
            "Council review\n\n\
            The council has suggested a joint review of the budget with the city.\n",
        );
        assert_verdict(
            &engine,
            "the council floated the idea of a joint review of the budget",
            Verdict::Supported,
        );
    }

    #[test]
    fn zero_negates_as_no_does() {
        let engine = engine_of(
            "Leak inquiry\n\n\
            The minister has denied any involvement in the leak of the budget papers.\n",
        );
        for claim in [
            "the minister says he had no involvement in the leak",
            "the minister says he had zero involvement in the leak",
        ] {
            assert_verdict(&engine, claim, Verdict::Supported);
        }
    }

    #[test]
    fn what_a_denial_is_about_is_not_denied() {
        let engine = engine_of(
            "Studio hit by hackers\n\n\
            The rebel state has denied any involvement with the hacking of Acme Films. \
            Officials in Washington blamed the rebel state for the attack.\n",
        );
        // The hacking of Acme Films is what the state denied involvement with.
        assert_verdict(&engine, "acme films got hacked", Verdict::Supported);
        // The denier's own deed is still in dispute, not confirmed.
        assert_verdict_not(
            &engine,
            "the rebel state hacked acme films",
            Verdict::Supported,
        );
    }

    #[test]
    fn verdicts_on_an_article_without_curated_facts() {
        let engine = engine();
        let cases = [
            ("The board approved a dividend", Verdict::Supported),
            // A denial the article also reports is no contradiction.
            (
                "Acme denied involvement in the merger talks",
                Verdict::Supported,
            ),
            (
                "Acme admitted involvement in the merger talks",
                Verdict::Refuted,
            ),
            (
                "Acme did not deny involvement in the merger talks",
                Verdict::Refuted,
            ),
            ("The board approved a dividend on Friday", Verdict::Refuted),
            (
                "The chief executive said the company would cut jobs",
                Verdict::Refuted,
            ),
            (
                "Acme hired a new marketing agency in Paris",
                Verdict::NotEnoughInfo,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    /// Asserts that `claim` does not get the verdict `not`, showing the explanation when it does.
    fn assert_verdict_not(engine: &Engine, claim: &str, not: Verdict) {
        let result = engine.check(claim);
        assert_ne!(result.verdict, not, "{claim}: {}", result.explanation);
    }

    /// Asserts the verdict `engine` gives `claim`, showing the explanation when it differs, and
    /// that a supported or refuted claim carries evidence.
    fn assert_verdict(engine: &Engine, claim: &str, want: Verdict) {
        let result = engine.check(claim);
        assert_eq!(result.verdict, want, "{claim}: {}", result.explanation);
        if want != Verdict::NotEnoughInfo {
            assert!(!result.evidence.is_empty(), "{claim}: no evidence");
        }
    }

    #[test]
    fn an_agent_the_article_never_names_is_another_agent() {
        let engine = engine_of(
            "Bank attack\n\n\
            The hacker group Red Fox has claimed responsibility for the attack on the bank. \
            The bank said customer savings were safe.\n",
        );
        let cases = [
            // Typed in lowercase, and not a word news text writes as a name.
            (
                "grimwald claimed responsibility for the attack on the bank",
                Verdict::Refuted,
            ),
            (
                "red fox claimed responsibility for the attack on the bank",
                Verdict::Supported,
            ),
            // No agent at all: nothing swapped.
            (
                "claimed responsibility for the attack on the bank",
                Verdict::Supported,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn words_said_by_someone_else_refute_the_speaker() {
        let engine = engine_of(
            "Storm warning\n\n\
            According to Meteo France, the storm will reach the coast on Friday. \
            Mayor Anne Hidalgo said on Tuesday that schools would stay open.\n",
        );
        let swapped = engine.check("anne hidalgo said the storm will reach the coast on friday");
        assert_eq!(swapped.verdict, Verdict::Refuted, "{}", swapped.explanation);
        assert!(
            swapped.explanation.contains("“meteo france” saying it"),
            "{}",
            swapped.explanation
        );
        let cases = [
            (
                "meteo france said the storm will reach the coast on friday",
                Verdict::Supported,
            ),
            ("hidalgo said schools would stay open", Verdict::Supported),
            (
                "meteo france said schools would stay open",
                Verdict::Refuted,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn what_happened_after_the_article_is_not_in_the_source() {
        let engine = engine_of(
            "Studio pulls comedy\n\n\
            After the threats, Northwind Studios was forced to cancel the release of the comedy.\n",
        );
        assert_verdict(
            &engine,
            "Northwind Studios released the comedy",
            Verdict::Refuted,
        );
        for later in [
            "Northwind Studios later released the comedy",
            "the comedy ended up getting released by Northwind Studios",
        ] {
            assert_verdict(&engine, later, Verdict::NotEnoughInfo);
        }
    }

    #[test]
    fn what_came_before_the_article_is_supported_only_by_a_sentence_that_looks_back() {
        let engine = engine_of(
            "Studio hacked\n\n\
            Hackers broke into the computers of Northwind Studios on Monday and leaked emails \
            of its executives.\n\n\
            It was the second attack on Northwind Studios since 2011.\n",
        );
        assert_verdict(
            &engine,
            "hackers broke into the computers of Northwind Studios",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "Northwind Studios had been attacked before",
            Verdict::Supported,
        );
        let once = engine_of(
            "Studio hacked\n\n\
            Hackers broke into the computers of Northwind Studios on Monday and leaked emails \
            of its executives.\n",
        );
        assert_verdict(
            &once,
            "hackers had broken into the computers of Northwind Studios before",
            Verdict::NotEnoughInfo,
        );
    }

    #[test]
    fn a_paper_typed_in_lowercase_is_not_its_common_sense() {
        let engine = engine_of(
            "Mayor row\n\n\
            The mayor accused an Evening Standard journalist of being like a camp guard.\n",
        );
        // "guardian" is the paper, which the article never names: not a "guard".
        assert_verdict_not(
            &engine,
            "the journalist was from the guardian",
            Verdict::Supported,
        );
    }

    #[test]
    fn an_opposite_quality_refutes_rather_than_supports() {
        let engine = engine_of(
            "Actress finds new home\n\n\
            Mara Vell said she found the Hindi film industry very warm and encouraging. \
            She said the shoot in Rajasthan was slow at times.\n",
        );
        // "cold" is all the claim says of the industry; the article says the opposite.
        assert_verdict(
            &engine,
            "mara vell said the hindi film industry was cold",
            Verdict::Refuted,
        );
        assert_verdict(
            &engine,
            "mara vell said the hindi film industry was warm",
            Verdict::Supported,
        );
    }

    #[test]
    fn an_opposite_word_speaks_of_the_names_beside_it() {
        let engine = engine_of(
            "Open final set\n\n\
            Hewitt is the first home player in the final since Pat Cash lost to Mats Wilander, \
            but he faces Safin, the conqueror of Roger Federer.\n",
        );
        // "lost" is about Cash, not Safin.
        assert_verdict_not(&engine, "Safin beat Roger Federer", Verdict::Refuted);
        assert_verdict(
            &engine,
            "Pat Cash won against Mats Wilander",
            Verdict::Refuted,
        );
    }

    #[test]
    fn an_everyday_word_the_article_lacks_does_not_block_support() {
        let engine = engine();
        assert_verdict(
            &engine,
            "The board approved a dividend of 5 cents in total",
            Verdict::Supported,
        );
        // A verb is what the claim asserts, however everyday.
        let watched = engine.check("The board watched a dividend of 5 cents");
        assert_ne!(
            watched.verdict,
            Verdict::Supported,
            "{}",
            watched.explanation
        );
    }

    #[test]
    fn the_story_of_a_work_is_not_a_fact() {
        let engine = engine_of(
            "Studio pulls comedy\n\n\
            Northwind Studios cancelled the comedy, which centers around a plot to kidnap \
            Ruritanian president Anna Brandt.\n",
        );
        assert_verdict(&engine, "Anna Brandt was kidnapped", Verdict::NotEnoughInfo);
        assert_verdict(
            &engine,
            "the comedy is about a plot to kidnap Anna Brandt",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "Anna Brandt is the Ruritanian president",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_sentence_that_refers_back_speaks_of_the_names_before_it() {
        let engine = engine_of(
            "Talks stall\n\n\
            Fingers pointed at North Korea after the breach. \
            The country has warned the US of serious consequences.\n",
        );
        // "The country" is North Korea, not another country in the same slot as the US.
        assert_verdict(
            &engine,
            "North Korea warned of serious consequences",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_sentence_that_refers_back_holds_no_deed_of_anyone_else() {
        let engine = engine_of(
            "Talks stall\n\n\
            Fingers pointed at North Korea after the breach at Acme and the US held the nation \
            responsible. \
            The country has offered a joint inquiry into the breach.\n\n\
            The breach exposed staff records at Acme. \
            Lawyers for Acme declined to comment.\n\n\
            On Tuesday the mayor, Ken Stone, refused to apologise to the reporter. \
            He said his remarks were not racist.\n",
        );
        // Acme is named before "The country", but the country is North Korea.
        assert_verdict(
            &engine,
            "Acme offered a joint inquiry",
            Verdict::NotEnoughInfo,
        );
        // A day opening the sentence before is not who "He" is.
        assert_verdict(
            &engine,
            "Ken Stone said his remarks were not racist",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_sentence_that_refers_back_speaks_of_its_antecedents_subject_only() {
        let engine = engine_of(
            "Talks stall\n\n\
            Fingers pointed at North Korea after the breach and the US held the nation responsible. \
            The country has offered a joint inquiry into the breach.\n",
        );
        // "The country" is North Korea, the first name before it; not the US.
        assert_verdict(
            &engine,
            "North Korea offered a joint inquiry",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "The US offered a joint inquiry",
            Verdict::NotEnoughInfo,
        );
    }

    #[test]
    fn the_first_since_names_the_last() {
        let engine = engine_of(
            "Open semi-final\n\n\
            Jones is aiming to be the first Welsh champion since Tom Price in 1971.\n",
        );
        assert_verdict(
            &engine,
            "the last welsh champion was tom price in 1971",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "the last welsh champion was tom price in 1981",
            Verdict::Refuted,
        );
    }

    #[test]
    fn a_possibility_is_not_an_event() {
        let engine = engine_of(
            "Mayor under fire\n\n\
            The standards board has the power to suspend the mayor Tom Reed from office.\n",
        );
        assert_verdict(
            &engine,
            "the standards board suspended mayor tom reed",
            Verdict::NotEnoughInfo,
        );
        assert_verdict(
            &engine,
            "the standards board can suspend mayor tom reed",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_statement_with_a_false_clause_is_refuted() {
        let engine = engine_of(
            "Studio breach\n\n\
            The breach embarrassed the studio's executives and several film stars. \
            It also exposed the payroll records of studio employees.\n",
        );
        assert_verdict(
            &engine,
            "only the executives were embarrassed, no payroll records of studio employees were exposed",
            Verdict::Refuted,
        );
        // Clauses that hold are no reason to refute.
        assert_verdict(
            &engine,
            "the studio executives were embarrassed, and payroll records of studio employees were exposed",
            Verdict::Supported,
        );
        // A name in a list is no clause: the part that is one does not speak for it.
        let listed = engine.check("the breach embarrassed several film stars and Max Payne");
        assert_ne!(listed.verdict, Verdict::Supported, "{}", listed.explanation);
    }

    #[test]
    fn an_accusation_and_a_denial_settle_nothing() {
        let engine = engine_of(
            "Bank raid\n\n\
            Fingers had been pointing towards the Red Gang after the bank raid. \
            The group however has denied any involvement in the bank raid.\n",
        );
        let result = engine.check("the Red Gang was involved in the bank raid");
        assert_eq!(
            result.verdict,
            Verdict::NotEnoughInfo,
            "{}",
            result.explanation
        );
        assert!(
            result.explanation.contains("denial"),
            "{}",
            result.explanation
        );
        let cases = [
            // Named only as the accused, the gang is not said to have done it.
            ("the red gang did the bank raid", Verdict::NotEnoughInfo),
            // What the article does state, it supports: the accusation and the denial.
            (
                "fingers pointed towards the Red Gang after the bank raid",
                Verdict::Supported,
            ),
            (
                "the Red Gang denied any involvement in the bank raid",
                Verdict::Supported,
            ),
            // And an admission still meets the denial.
            (
                "the Red Gang admitted involvement in the bank raid",
                Verdict::Refuted,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn a_subject_named_only_in_the_story_of_a_work_did_nothing() {
        let engine = engine_of(
            "Studio breach\n\n\
            Hackers took responsibility for the breach of the studio, which made a comedy \
            that centers around a plot against the Ruritanian leader Anton Vask.\n",
        );
        assert_verdict(
            &engine,
            "Anton Vask took responsibility for the breach",
            Verdict::NotEnoughInfo,
        );
        assert_verdict(
            &engine,
            "Anton Vask is the Ruritanian leader",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_sentence_that_negates_a_claim_word_does_not_support_it() {
        let engine = engine_of(
            "Spy row\n\n\
            Ruritania said it can prove its innocence without resorting to torture.\n",
        );
        // "back" is an everyday word the article lacks, which weighs nothing for support; the
        // sentence still negates "torture". (Not "use": the lexicon makes it "resort to".)
        assert_verdict_not(
            &engine,
            "ruritania said it would back torture to prove its innocence",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_negation_on_both_sides_agrees_through_synonyms_and_names() {
        let engine = engine_of(
            "Spy row\n\n\
            Ruritania said it can prove its innocence without resorting to torture as the CIA does.\n",
        );
        // A name typed in lowercase ("cia") after the negation is not negated.
        assert_verdict(
            &engine,
            "ruritania says it can prove its innocence without using torture like the cia does",
            Verdict::Supported,
        );
        // The claim negates "movie" where the article negates "film", its synonym.
        let engine =
            engine_of("Studio row\n\nAcme Pictures did not release the film in Ruritania.\n");
        assert_verdict(
            &engine,
            "acme pictures did not release the movie in ruritania",
            Verdict::Supported,
        );
    }

    #[test]
    fn the_sides_of_a_dispute_settle_what_was_said_not_what_was_done() {
        let engine = engine_of(
            "Acme hack\n\n\
            Investigators have pointed towards Ruritania as the culprit behind the Acme hack. \
            Their statement regarding this issue called the attack destructive.\n\n\
            Ruritania has denied any involvement in the hack and wants to end all the \
            suspicion against it. \
            According to Ruritania, the investigators are “spreading rumours” and it said “we \
            have nothing to do with the case.”\n",
        );
        for (claim, want) in [
            ("ruritania is the culprit", Verdict::NotEnoughInfo),
            ("ruritania was involved in the hack", Verdict::NotEnoughInfo),
            ("ruritania is innocent", Verdict::NotEnoughInfo),
            ("ruritania denied involvement", Verdict::Supported),
            (
                "ruritania accused the investigators of spreading rumours",
                Verdict::Supported,
            ),
            (
                "ruritania admitted it was behind the hack",
                Verdict::Refuted,
            ),
            (
                "investigators pointed at ruritania as the culprit",
                Verdict::Supported,
            ),
        ] {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn a_hypothetical_claim_word_meets_only_the_sentences_hypothetical() {
        let engine = engine_of(
            "Dam talks\n\n\
            In proposing talks, Ruritania warned Acme of serious consequences in case it \
            refused to cooperate.\n",
        );
        assert_verdict(
            &engine,
            "ruritania warned acme of serious consequences if acme says no",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "ruritania warned acme of serious consequences if acme agrees to cooperate",
            Verdict::Refuted,
        );
    }

    #[test]
    fn a_negated_denial_is_refuted_by_the_denial() {
        assert_verdict(
            &engine(),
            "Acme never denied involvement in the merger talks",
            Verdict::Refuted,
        );
    }

    #[test]
    fn only_in_case_opens_a_hypothetical() {
        let engine = engine_of(
            "Minister speaks\n\n\
            The minister said the party had nothing to do with the case without naming anyone. \
            Officials warned of fines in case the firm rejects the offer.\n",
        );
        // "the case" is stated; "in case the firm rejects" is not.
        let cases = [
            ("the minister named someone in the case", Verdict::Refuted),
            ("the firm rejected the offer", Verdict::NotEnoughInfo),
            // A claim that is itself hypothetical meets the article's.
            (
                "officials warned of fines if the firm rejects the offer",
                Verdict::Supported,
            ),
            (
                "officials warned of fines if the firm accepts the offer",
                Verdict::Refuted,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn a_pasted_message_is_checked_sentence_by_sentence() {
        let result = engine()
            .check("The board approved a dividend. Acme admitted involvement in the merger talks.");
        assert_eq!(result.verdict, Verdict::Refuted);
        assert_eq!(result.parts.len(), 2);
        assert_eq!(result.parts[0].verdict, Verdict::Supported);
        assert_eq!(result.parts[1].verdict, Verdict::Refuted);
    }

    #[test]
    fn short_quotes_end_on_a_word() {
        let long = "word ".repeat(60);
        let short = short_quote(&long);
        assert!(short.ends_with("word…"));
        assert!(long.starts_with(short.trim_end_matches('…')));
    }
}
