//! Swapped names: another speaker for the claim's words, the claim's two names the other way
//! round, another filler in the same slot, or another part beside a part of a name.

use crate::answer::{Ranked, Retrieval};
use crate::engine::Engine;
use crate::speech::{quotation_speakers, Speakers};
use crate::text::{self, Lexicon, Token, TokenRole};

use super::clauses::PREPOSITIONS;
use super::conflict::surface_of;
use super::conflict::Conflict;
use super::statement::{among_synonyms, held_at, MIN_DETAIL_IDF};

/// Does a preposition stand before the name at `k`, with only its other words or articles
/// between ("with *the* US", "of Sony *Pictures*")?
fn preceded_by_preposition(sentence: &[Token], k: usize) -> bool {
    sentence[..k]
        .iter()
        .rev()
        .find(|t| !(t.proper || matches!(t.surface.as_str(), "the" | "a" | "an")))
        .is_some_and(|t| PREPOSITIONS.contains(&t.surface.as_str()))
}

impl Engine {
    /// The claim reports what someone said ("the US says…"), and sentence `c` reports the
    /// same words as said by others only ([`Engine::speakers`]). When a pronoun speaks ("he
    /// said"), the sentence names no speaker for sure, and nothing is swapped.
    pub(super) fn speaker_swap(&self, r: &Retrieval, c: &Ranked) -> Option<Conflict> {
        // A claim that opens with a quotation ("“Bollywood has gone global,” says Taran
        // Adarsh") names its speaker after it, as a sentence does, not among the quoted words.
        let after_quotation = r.tokens.partition_point(|t| t.span.start < r.quoted_until);
        let claim = &r.tokens[after_quotation..];
        let named: Vec<&Token> = if after_quotation > 0 {
            let named = |t: &Token| self.names_something(t);
            match quotation_speakers(&r.tokens, r.quoted_until, &named) {
                Some(Speakers::Named(names)) => names
                    .iter()
                    .filter_map(|&(at, _)| at.map(|i| &r.tokens[i]))
                    .collect(),
                _ => Vec::new(),
            }
        } else {
            self.named_speaker(claim)
        };
        // "the reporter said…": whom the article calls "the reporter".
        let (claimed, claimed_as): (Vec<&str>, String) = match named.first() {
            Some(first) => (
                named.iter().map(|t| t.term.as_str()).collect(),
                first.surface.clone(),
            ),
            None => {
                let cue = claim.iter().position(crate::speech::is_speech_cue)?;
                let found = self.described(c.at.pack, claim, cue)?;
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

    /// The claim puts its two names the other way round: "The US proposed a joint
    /// investigation to North Korea" against "The country [North Korea] … suggest a joint
    /// investigation". Sentence `c` holds the claim's deed (its first word after the subject)
    /// and names the claim's subject only after it, if at all, while the one who does it there
    /// (a name before the deed, or else whom the sentence refers back to) is a name the claim
    /// puts after its deed.
    pub(super) fn role_reversal(&self, r: &Retrieval, c: &Ranked) -> Option<Conflict> {
        let span = self.claim_subject_span(r)?;
        // "after the Sony hack, everyone…": a name after a preposition is no subject.
        if preceded_by_preposition(&r.tokens, span.start) {
            return None;
        }
        let subject_name: Vec<&str> = r.tokens[span.clone()]
            .iter()
            .map(|t| t.term.as_str())
            .collect();
        let deed_at = (span.end..r.tokens.len()).find(|&i| {
            let t = &r.tokens[i];
            t.role == TokenRole::Content && !self.names_something(t)
        })?;
        // Whom the deed is done to or with: not an owner ("rejected North Korea's offer").
        let objects: Vec<&str> = r.tokens[deed_at + 1..]
            .iter()
            .filter(|t| {
                self.names_something(t) && !t.possessive && !subject_name.contains(&t.term.as_str())
            })
            .map(|t| t.term.as_str())
            .collect();
        if objects.is_empty() {
            return None;
        }
        let sentence = self.tokens_of(c.doc);
        let deed = *held_at(r, &r.tokens[deed_at].term, sentence).first()?;
        let subject_held: Vec<usize> = subject_name
            .iter()
            .flat_map(|term| held_at(r, term, sentence))
            .collect();
        if subject_held.iter().any(|&k| k < deed) {
            return None;
        }
        // Who does it there: whom the sentence refers back to ("The country … suggest"), or
        // else a name before the deed that no preposition makes its complement.
        let mut agents = self.antecedent_names(c.doc);
        if agents.is_empty() {
            agents = (0..deed)
                .filter(|&k| {
                    let t = &sentence[k];
                    t.proper
                        && !t.number
                        && t.role == TokenRole::Content
                        && !preceded_by_preposition(sentence, k)
                })
                .map(|k| sentence[k].term.as_str())
                .collect();
        }
        let agent = objects.iter().find(|o| among_synonyms(&agents, o))?;
        Some(Conflict::Agent {
            claim: surface_of(&r.tokens, subject_name[0]),
            article: surface_of(&r.tokens, agent),
        })
    }
}

/// Words that stand before a name in place of a first name (as matching terms).
const TITLES: &[&str] = &[
    "lord", "ladi", "sir", "dame", "mr", "mrs", "ms", "miss", "dr", "baron", "baro", "princ",
    "king", "queen", "presid",
];

/// How far apart (in tokens) a slot's word and its filler may stand.
const SLOT_REACH: usize = 4;

/// A name or number of the claim that the sentence lacks, where the sentence puts another name
/// or number in the same slot: just after (or before) the same word. The word must not itself
/// be a name, and the other filler must not be in the claim.
/// `is_name` tells a name typed in lowercase ("taran adarsh").
pub(super) fn slot_swap(
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
                let window: Vec<usize> = if forward {
                    (at + 1..sentence.len()).take(SLOT_REACH).collect()
                } else {
                    (0..at).rev().take(SLOT_REACH).collect()
                };
                // A title for a first name, or a first name for a title, before the same last
                // name ("Lord Kinnock" against "Neil Kinnock") may well name the same one.
                let same_name_beside = |k: usize| {
                    let titled = TITLES.contains(&name.term.as_str())
                        || TITLES.contains(&sentence[k].term.as_str());
                    titled
                        && claim.get(i + 1).is_some_and(|n| {
                            claim_name(n) && sentence.get(k + 1).is_some_and(|s| s.term == n.term)
                        })
                };
                if let Some(other) = window
                    .iter()
                    .filter(|&&k| !same_name_beside(k))
                    .map(|&k| &sentence[k])
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
pub(super) fn name_part_swap(
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
    // Nor a word for something the sentence says ("Northwind *pulled* the film" against
    // "Northwind Studios was forced to cancel").
    let sentence_terms: Vec<&str> = sentence.iter().map(|t| t.term.as_str()).collect();
    let stands_apart = |t: &Token| {
        !knows(&t.term)
            && text::general::general_idf(&t.term) >= MIN_DETAIL_IDF
            && !among_synonyms(&sentence_terms, &t.term)
    };
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

/// The name the sentence lists beside a name that the claim lists beside `name` (a claim name
/// the article lacks): "the interview stars james franco and *jonah hill*" against "…staring
/// Seth Rogen and James Franco" puts Seth Rogen in Jonah Hill's place. `in_claim` tells a
/// term the claim uses, which is no other name.
pub(super) fn list_partner<'s>(
    claim: &[Token],
    name: &str,
    sentence: &'s [Token],
    in_claim: &dyn Fn(&str) -> bool,
) -> Option<&'s Token> {
    let at = claim.iter().position(|t| t.surface == name)?;
    // The claim's name word, with at most one more word of the name beside it, then "and",
    // then a name the sentence holds.
    let listed_with = |step: isize| {
        (1..=2).find_map(|gap: isize| {
            let and = at.checked_add_signed(step * gap)?;
            if claim.get(and)?.surface != "and" {
                return None;
            }
            claim.get(and.checked_add_signed(step)?)
        })
    };
    let partner_of = |held: &Token| {
        let k = sentence
            .iter()
            .position(|t| t.proper && t.term == held.term)?;
        let run_start = (0..=k).rev().take_while(|&i| sentence[i].proper).last()?;
        let run_end = (k..sentence.len())
            .take_while(|&i| sentence[i].proper)
            .last()?;
        let before = run_start
            .checked_sub(2)
            .filter(|&i| sentence[i + 1].surface == "and");
        let after = Some(run_end + 2)
            .filter(|&i| i < sentence.len() && sentence[run_end + 1].surface == "and");
        [before, after]
            .into_iter()
            .flatten()
            .map(|i| &sentence[i])
            .find(|t| t.proper && !t.number && !in_claim(&t.term))
    };
    [-1, 1]
        .into_iter()
        .filter_map(listed_with)
        .find_map(partner_of)
}

/// Where `sentence` holds the claim's words next to `name` (the nearest it holds, within
/// [`SLOT_REACH`] words before and after the name), each with whether the name comes after
/// it: the place the sentence gives the name's role.
pub(super) fn name_anchors(claim: &[Token], name: &str, sentence: &[Token]) -> Vec<(usize, bool)> {
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
pub(super) fn typed_acronym(surface: &str) -> bool {
    (2..=5).contains(&surface.len())
        && surface.chars().all(|c| c.is_ascii_lowercase())
        && !surface.contains(['a', 'e', 'i', 'o', 'u', 'y'])
}

/// Most words a name in the sentence's slot may have.
const MAX_SLOT_NAME_WORDS: usize = 4;
/// Fewest other content words a claim needs for its frame to be the sentence's.
const MIN_FRAME_WORDS: usize = 3;

/// The claim is the sentence with one name put in the place of another: the one name of the
/// claim the sentence lacks, a whole name (no name word beside it), stands between the same
/// two words as a name of the sentence the claim lacks, and the sentence `holds` every other
/// content word of the claim. "…found the hot presents sold out in Interactive Media stores"
/// against "…sold out in High Street stores".
pub(super) fn frame_swap(
    claim: &[Token],
    sentence: &[Token],
    holds: &dyn Fn(&Token) -> bool,
) -> Option<Conflict> {
    let content = |t: &Token| t.role == TokenRole::Content;
    let name_word = |t: &Token| content(t) && t.capitalised && !t.number;
    let in_sentence = |t: &Token| sentence.iter().any(|s| s.term == t.term);
    let missing: Vec<usize> = (0..claim.len())
        .filter(|&i| name_word(&claim[i]) && !in_sentence(&claim[i]))
        .collect();
    let (&start, &last) = (missing.first()?, missing.last()?);
    let end = last + 1;
    // One name, its words in a row (joined as "Guardians of Peace" is), one of them written
    // as a name mid-sentence.
    let one_name = (start..end)
        .all(|i| missing.contains(&i) || NAME_JOINS.contains(&claim[i].surface.as_str()));
    let beside = |i: Option<usize>| i.and_then(|i| claim.get(i)).is_some_and(name_word);
    if !one_name
        || !claim[start..end].iter().any(|t| t.proper)
        || beside(start.checked_sub(1))
        || beside(Some(end))
    {
        return None;
    }
    let others: Vec<&Token> = claim
        .iter()
        .enumerate()
        .filter(|&(i, t)| content(t) && !(start..end).contains(&i))
        .map(|(_, t)| t)
        .collect();
    if others.len() < MIN_FRAME_WORDS || !others.iter().all(|t| holds(t)) {
        return None;
    }
    let claim_terms: Vec<&str> = claim.iter().map(|t| t.term.as_str()).collect();
    // The sentence's name between positions `from` and `to` (exclusive): name words and
    // joins only, one at least that the claim does not have.
    let slot = |from: usize, to: usize| -> Option<String> {
        let gap = sentence.get(from..to)?;
        let fits = !gap.is_empty()
            && gap.len() <= MAX_SLOT_NAME_WORDS
            && gap
                .iter()
                .all(|t| name_word(t) || NAME_JOINS.contains(&t.surface.as_str()))
            && gap
                .iter()
                .any(|t| name_word(t) && !claim_terms.contains(&t.term.as_str()));
        fits.then(|| {
            gap.iter()
                .map(|t| t.surface.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let places = |t: &Token| -> Vec<usize> {
        (0..sentence.len())
            .filter(|&k| sentence[k].term == t.term)
            .collect()
    };
    let before = start.checked_sub(1).map(|i| places(&claim[i]));
    let after = claim.get(end).map(places);
    let article = match (before, after) {
        (Some(before), Some(after)) => before
            .iter()
            .flat_map(|&p| after.iter().map(move |&q| (p, q)))
            .find_map(|(p, q)| if p < q { slot(p + 1, q) } else { None }),
        (None, Some(after)) => after.iter().find_map(|&q| slot(0, q)),
        (Some(before), None) => before.iter().find_map(|&p| slot(p + 1, sentence.len())),
        (None, None) => None,
    }?;
    let claim_name = claim[start..end]
        .iter()
        .map(|t| t.surface.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Conflict::Swap {
        claim: claim_name,
        article,
    })
}
