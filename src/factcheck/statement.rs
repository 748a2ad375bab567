//! The verdict on one statement as a whole: retrieval, then each candidate sentence weighed for
//! support or conflict, with the thresholds that decide between them.

use crate::answer::{share_of, Ranked, Retrieval};
use crate::engine::{Engine, SentenceRef};
use crate::text::{self, Lexicon, Token, TokenRole};
use crate::timeframe;

use super::clauses::{DETERMINERS, PREPOSITIONS};
use super::conflict::Conflict;
use super::negation::CLAUSE_BREAKS;
use super::subject::reports_speech;
use super::swap::typed_acronym;
use super::unstated::{unstated_token, wished_only};
use super::{Finding, Verdict, MAX_EVIDENCE};

/// Share of the claim's meaning one sentence must hold to support it.
pub(super) const MIN_SUPPORT_COVERAGE: f32 = 0.72;
/// Share a sentence must hold to be read as talking about the same thing (for contradictions).
const MIN_TOPIC_COVERAGE: f32 = 0.4;
/// Share of the claim's meaning the article must use at all for any verdict but "not enough info".
const MIN_PACK_COVERAGE: f32 = 0.6;
/// Fewest weighed claim words one sentence must state to support a claim: one word ("I have
/// told *Madrid* that I want it to happen") is a mention, not a statement.
const MIN_STATED_WORDS: usize = 2;
/// Fewest weighed claim words two sentences may support together (fewer: a claim that puts
/// two things side by side, "Kerekou knew of the bribes", is not two sentences' worth).
const MIN_PAIR_WORDS: usize = 4;
/// How many of the best sentences are compared with the claim.
const CANDIDATES: usize = 4;

/// General rarity from which a word the article lacks is a detail it does not state (below:
/// an everyday word, found in more than about one news story in twenty).
pub(super) const MIN_DETAIL_IDF: f32 = 3.0;

/// General rarity from which a word typed as a verb that the article lacks is a deed it does
/// not state ("directed", in fewer than one news story in ten); below, a verb so common
/// ("used", "breaking") that the article may well say it otherwise.
const MIN_DEED_IDF: f32 = 2.3;

impl Engine {
    /// Checks one statement as a whole.
    pub(super) fn check_statement(&self, text: &str, packs: Option<&[usize]>) -> Finding {
        let nothing = |pack| Finding {
            verdict: Verdict::NotEnoughInfo,
            decisive: None,
            stated_with: None,
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
        // A verb of speech the article does not use ("Livingstone *admitted* his comments would
        // hurt the bid") reports what the claim says was said: it adds no detail that could
        // keep an opposite from settling it.
        let unknown_other = rarity
            .iter()
            .zip(&r.query.words)
            .filter(|(idf, w)| {
                idf.is_some()
                    && !r
                        .tokens
                        .iter()
                        .any(|t| t.term == w.term && reports_speech(t))
            })
            .count();
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
        let later_event = timeframe::tells_of_later_events(&r.tokens);
        // "released the film in theaters as planned": the details say which plan held, and a
        // cancellation of it settles the claim.
        let plans_held = timeframe::says_plans_held(&r.tokens);
        // A claim about what came before the events ("Sony had been hacked before") is
        // supported only by a sentence that looks back.
        let earlier_event = timeframe::asks_about_earlier_events(&r.tokens);
        // A claim of what someone says ("NK says it didn't do it") is contradicted only by a
        // sentence that reports words, and not only the speaker's accusers' ("the conclusions
        // by FBI … pointed towards the country as the culprit"): the two can both be true.
        let speaker = self.named_speaker(&r.tokens);

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
        // The conflict-free sentences whose support nothing else rules out, with the claim
        // words each states.
        let mut stating: Vec<(&Ranked, Vec<bool>)> = Vec::new();
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
                let held = share_of(&support_weights, |i| i < 64 && c.matched & (1 << i) != 0)
                    .max(c.coverage);
                let settles = |k: &Conflict| match k {
                    Conflict::Disputed => false,
                    Conflict::Swap { .. } | Conflict::Speaker { .. } | Conflict::Agent { .. } => {
                        true
                    }
                    _ => {
                        (unknown_other == 0 || plans_held)
                            && !later_event
                            && (speaker.is_empty() || self.reports_words_of(&r, &speaker, c))
                    }
                };
                let mut conflict = self.conflict(&r, c, held, &unknown_names, near_best, true);
                // An opposite that cannot settle the claim may stand before a swap that can:
                // "a serious documentary" against "a satirical movie".
                let unsettled_opposite = conflict.as_ref().is_some_and(|k| {
                    matches!(k, Conflict::Antonym { .. } | Conflict::Polarity) && !settles(k)
                });
                if unsettled_opposite {
                    conflict = self
                        .conflict(&r, c, held, &unknown_names, near_best, false)
                        .or(conflict);
                }
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
                    // Once a sentence supports the claim, the rest serve only as conflicts.
                    None if supporting.is_some() => {}
                    None => {
                        let sound = self.keeps_claim_negations(&r, c)
                            && !self.speaks_of_another(&r, c)
                            && !self.holds_action_as_possible_only(&r, c)
                            && !self.states_no_deed_of_subject(&r, c)
                            && !self.takes_a_side(&r, c)
                            && (!earlier_event
                                || timeframe::speaks_of_earlier_events(self.tokens_of(c.doc)));
                        if !sound {
                            continue;
                        }
                        let stated = self.stated_words(&r, c);
                        let stated_count = (0..stated.len())
                            .filter(|&i| stated[i] && support_weights[i] > 0.0)
                            .count();
                        if share_of(&support_weights, |i| stated[i]) >= MIN_SUPPORT_COVERAGE
                            && (stated_count >= MIN_STATED_WORDS
                                || quotes_words_of(&r.tokens, self.tokens_of(c.doc)))
                            && self.holds_claim_names(&r, c.doc)
                        {
                            supporting = Some(c);
                        }
                        stating.push((c, stated));
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
        let pack_coverage = share_of(&support_weights, |i| r.known[i]);
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
        // Two neighbouring sentences may state together what neither does alone ("…targeted
        // the executives and celebrities and left them embarrassed. Apart from this, it has
        // even exposed sensitive records of studio employees.").
        let pair =
            (supporting.is_none() && supported_ok && conflicting.is_none() && disputed.is_none())
                .then(|| self.supporting_pair(&r, &stating, &support_weights))
                .flatten();
        if let Some((first, second, coverage)) = pair {
            let evidence = with_first(first.at, &with_first(second.at, &evidence));
            return Finding {
                verdict: Verdict::Supported,
                decisive: Some(first.at),
                stated_with: Some(second.at),
                conflict: None,
                evidence,
                confidence: coverage.min(1.0),
                pack: Some(r.pack),
            };
        }
        if let Some(best) = support {
            return Finding {
                verdict: Verdict::Supported,
                decisive: Some(best.at),
                stated_with: None,
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
                stated_with: None,
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

    /// Two neighbouring sentences among `stating` (with the claim words each states) that
    /// together state a claim of [`MIN_PAIR_WORDS`] words or more: the later carries on the
    /// earlier (it opens by referring back to it: "Apart from this, it…"), and the one that
    /// states more holds the claim's names. The earlier, the later and the share they state.
    fn supporting_pair<'c>(
        &self,
        r: &Retrieval,
        stating: &[(&'c Ranked, Vec<bool>)],
        weights: &[f32],
    ) -> Option<(&'c Ranked, &'c Ranked, f32)> {
        if weights.iter().filter(|&&w| w > 0.0).count() < MIN_PAIR_WORDS {
            return None;
        }
        for (k, (a, stated_a)) in stating.iter().enumerate() {
            for (b, stated_b) in &stating[k + 1..] {
                if a.at.pack != b.at.pack || a.at.sentence.abs_diff(b.at.sentence) != 1 {
                    continue;
                }
                let share_a = share_of(weights, |i| stated_a[i]);
                let share_b = share_of(weights, |i| stated_b[i]);
                let coverage = share_of(weights, |i| stated_a[i] || stated_b[i]);
                // The names are the main sentence's, the one that states more: a name only its
                // neighbour holds may well be another's ("Hindustan Oil" beside "Burren Energy
                // already has a presence in Egypt").
                let main = if share_a >= share_b { a } else { b };
                let (first, second) = if a.at.sentence < b.at.sentence {
                    (*a, *b)
                } else {
                    (*b, *a)
                };
                if coverage >= MIN_SUPPORT_COVERAGE
                    && self.antecedent[second.doc as usize] == Some(first.doc)
                    && self.holds_claim_names(r, main.doc)
                {
                    return Some((first, second, coverage));
                }
            }
        }
        None
    }

    /// Which claim words sentence `c` states, for supporting it.
    /// - What follows its "if…" / "in case…" is not stated: "in case it rejects our proposal"
    ///   states no rejection (nor an acceptance), though it does match a claim that is itself
    ///   hypothetical ("…if they won't cooperate"). Nor is the story of a work: "a movie that
    ///   centers around a plot to assassinate Kim Jong Un" does not say he was assassinated,
    ///   though it holds "the movie is about…". Names and titles there are facts all the same.
    /// - What it only wants, proposes or demands is not stated as done: "North Korea wants joint
    ///   investigation with US" does not say the two investigated together, though it holds a
    ///   claim that speaks of the wish ("North Korea proposed a joint investigation").
    /// - A claim word with opposites ("accepted", "won") counts only when the sentence holds it,
    ///   itself or through a close synonym: not through its opposite or a loose relative ("have"
    ///   for "accept").
    fn stated_words(&self, r: &Retrieval, c: &Ranked) -> Vec<bool> {
        let lex = Lexicon::get();
        let sentence = self.tokens_of(c.doc);
        let unstated_from = unstated_token(sentence, false);
        let claim_unstated = &r.tokens[unstated_token(&r.tokens, true)..];
        // What the sentence only wants, proposes or demands is stated for a claim that speaks
        // of such a wish too (its own "wants", or the sentence's "suggest" in its words:
        // "proposed"), not for one that says it came about.
        let wished = wished_only(sentence);
        let claim_wishes = wished_only(&r.tokens).iter().any(Option::is_some);
        let shares_wish = |cue: usize| claim_wishes || r.query.stands_for(&sentence[cue].term);
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
        (0..r.query.words.len())
            .map(|i| {
                let claim_unstated_word = claim_unstated
                    .iter()
                    .any(|t| t.term == r.query.words[i].term);
                let stated_here = holds(i, &|k| {
                    (k < unstated_from && wished[k].is_none_or(shares_wish))
                        || claim_unstated_word
                        || name_or_title(k)
                });
                // Words matched through a reference back ("the country") hold no token of their
                // own; they count unless they have opposites.
                let by_reference = !polar(i) && !holds(i, &|_| true);
                i < 64 && c.matched & (1 << i) != 0 && (stated_here || by_reference)
            })
            .collect()
    }

    /// Claim words the pack never uses that look like names (capitalised, or digits), and the
    /// claim's subject when the pack never uses it: "lizard squad claimed responsibility…",
    /// typed in lowercase, names a group as surely as a capital would.
    fn unknown_names(&self, r: &Retrieval, text: &str) -> Vec<String> {
        let mut subject = unknown_subject(r);
        subject.extend(unknown_agent(r));
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
}

/// Whether the claim is the words of `sentence` (all of them or a run of them): its tokens'
/// words as written, which analysis has already lowercased and stripped of punctuation.
fn quotes_words_of(claim: &[Token], sentence: &[Token]) -> bool {
    !claim.is_empty()
        && sentence
            .windows(claim.len())
            .any(|run| run.iter().zip(claim).all(|(s, c)| s.surface == c.surface))
}

/// A claim word that names something: capitalised (first in the claim, only a word news text
/// does not write in lowercase), an acronym, a number, or a word news text mostly writes as a
/// name (typed in lowercase).
fn is_name_like(w: &crate::search::QueryWord, tokens: &[Token], text: &str) -> bool {
    // Capitalised, though first in the claim only when news text writes the word as a name
    // or not at all: "Indeed, …", "Group revenues…", "Concern over…" name no one.
    let everyday = crate::text::general::in_general_use(&w.term)
        && !crate::text::general::often_a_name(&w.term);
    let capitalised = tokens
        .iter()
        .find(|t| t.term == w.term)
        .filter(|t| t.span.start > 0 || !everyday)
        .and_then(|t| text.get(t.span.clone()))
        .is_some_and(|s| s.starts_with(char::is_uppercase));
    w.proper
        || w.number
        || capitalised
        || typed_acronym(&w.surface)
        || crate::text::general::usually_a_name(&w.term, &w.surface)
}

/// The query words that open a claim before its first verb, when the pack uses none of them
/// and a verb the pack does use follows ("lizard squad claimed responsibility"): an agent the
/// article does not name. Empty when the claim opens with a word the pack uses, or with no
/// subject at all ("claimed responsibility…"), or with words that name no one ("The priority
/// should…"): everyday words count only when they open the claim and run into its verb.
fn unknown_subject(r: &Retrieval) -> Vec<usize> {
    let lex = Lexicon::get();
    let mut out = Vec::new();
    // Whether the subject's words open the claim (after chat words at most) and run into its
    // verb with at most an auxiliary between ("anonymous claimed", "lol lizard squad has
    // claimed").
    let mut opens_claim = true;
    for t in &r.tokens {
        if t.role != TokenRole::Content {
            // Before the subject, no determiner ("the rebels" may be anyone; "lol so", "say"
            // frame it); after it, only an auxiliary.
            opens_claim &= if out.is_empty() {
                !DETERMINERS.contains(&t.surface.as_str())
            } else {
                SUBJECT_AUXILIARIES.contains(&t.surface.as_str())
            };
            continue;
        }
        let Some(i) = r.query.position(&t.term) else {
            return Vec::new();
        };
        if r.known[i] {
            let verb = text::has_verb_ending(&t.surface) || !lex.antonyms(&t.term).is_empty();
            // Such words are the subject, even typed in lowercase; others must name someone:
            // "The priority should…" and "Indeed, he will…" open with no one.
            return if verb && !out.is_empty() && (opens_claim || names_someone(r, &out)) {
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

/// Words that may stand between a subject and its verb.
const SUBJECT_AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "did", "does", "do", "can",
    "could",
];

/// Forms of "be" that make a verb after them passive ("was brought by…").
const PASSIVE_AUXILIARIES: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// The query words that name the agent of a passive claim ("…was brought *by the justice
/// department*"), when the pack uses none of them: an agent the article does not name, as
/// surely as an unknown subject is. Empty when any word of the agent is known, when none is
/// often a name in news text ("was settled by the end of the year"), or when the "by" does
/// not follow a passive verb.
fn unknown_agent(r: &Retrieval) -> Vec<usize> {
    // "was brought by", "were later dropped by": a form of "be", a word or two, then "by".
    let Some(by) = (2..r.tokens.len()).find(|&i| {
        r.tokens[i].surface == "by"
            && r.tokens[i.saturating_sub(3)..i - 1]
                .iter()
                .any(|t| PASSIVE_AUXILIARIES.contains(&t.surface.as_str()))
    }) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for t in &r.tokens[by + 1..] {
        if CLAUSE_BREAKS.contains(&t.surface.as_str()) || PREPOSITIONS.contains(&t.surface.as_str())
        {
            break;
        }
        if t.role != TokenRole::Content {
            continue;
        }
        let Some(i) = r.query.position(&t.term) else {
            return Vec::new();
        };
        if r.known[i] || t.number || text::has_verb_ending(&t.surface) {
            return Vec::new();
        }
        out.push(i);
    }
    // "by the end of the year" names no one.
    if names_someone(r, &out) {
        out
    } else {
        Vec::new()
    }
}

/// Whether the query words at `at` name someone: one of them is capitalised within the
/// sentence, often a name in news text, or no word of news text at all ("grimwald"). "The
/// priority should…", "Indeed, he…" open with no one.
fn names_someone(r: &Retrieval, at: &[usize]) -> bool {
    at.iter().any(|&i| {
        let w = &r.query.words[i];
        w.proper || text::general::often_a_name(&w.term) || !text::general::in_general_use(&w.term)
    })
}

/// Where `sentence` holds claim word `term`, itself or through one of its alternatives.
pub(super) fn held_at(r: &Retrieval, term: &str, sentence: &[Token]) -> Vec<usize> {
    let Some(word) = r.query.words.iter().find(|w| w.term == term) else {
        return Vec::new();
    };
    (0..sentence.len())
        .filter(|&k| word.stands_for(&sentence[k].term))
        .collect()
}

/// Whether `term`, or a synonym of it in the lexicon, is among `terms`.
pub(super) fn among_synonyms(terms: &[&str], term: &str) -> bool {
    terms.contains(&term)
        || Lexicon::get()
            .synonyms(term)
            .iter()
            .any(|s| terms.contains(&s.as_str()))
}

/// `first`, then the rest of `evidence` without it, at most [`MAX_EVIDENCE`].
fn with_first(first: SentenceRef, evidence: &[SentenceRef]) -> Vec<SentenceRef> {
    std::iter::once(first)
        .chain(evidence.iter().copied().filter(|e| *e != first))
        .take(MAX_EVIDENCE)
        .collect()
}
