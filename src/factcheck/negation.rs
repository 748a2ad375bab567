//! Negation scope: which words "not", "never" or a verb of denial reach, in a claim and in a
//! sentence, and whether a sentence keeps what the claim negates.

use crate::answer::{Ranked, Retrieval};
use crate::engine::Engine;
use crate::text::{self, Lexicon, Token, TokenRole};

use super::statement::{among_synonyms, held_at};

/// A verb of refusal or denial negates what follows it ("refused to cooperate").
pub(super) const NEGATING_VERBS: &[&str] = &["refus", "reject", "deni", "declin", "fail", "avoid"];

/// Most content words a negation reaches.
const NEGATION_REACH: usize = 6;
/// Words that end the clause a negation is in ("denied involvement *and* suggested a probe").
pub(super) const CLAUSE_BREAKS: &[&str] = &[
    "and", "but", "while", "whereas", "although", "though", "because", "since", "after", "before",
    "which", "who", "yet", "saying", "adding",
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
    /// A word questions use as a frame ("become", "made"): what a claim says all the same.
    filler: bool,
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
        .filter(|n| !n.name && !n.filler)
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
    // Content words the open negation has reached so far, and whether a word of negation
    // ("not", "cannot") opened it rather than a verb of denial ("failing … and we've got").
    let mut reached = 0;
    let mut by_word = false;
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
        // A negation reaches to the end of its clause, at most a few content words on; past
        // an "and" or "or" that joins it to nothing yet ("cannot take and store photos": the
        // verbs share it).
        let joins_verbs = matches!(t.surface.as_str(), "and" | "or") && reached == 0 && by_word;
        // Nor does a word that ends clauses elsewhere, right after the negation: "has not
        // *since* criticised", "not *because* of its scale".
        let right_after = i > 0 && tokens[i - 1].role == TokenRole::Negation && remaining > 0;
        if CLAUSE_BREAKS.contains(&t.surface.as_str()) && !joins_verbs && !right_after {
            remaining = 0;
        }
        if remaining > 0 && reached_word && COMPLEMENT_OPENERS.contains(&t.surface.as_str()) {
            complement = true;
        }
        let mut open = |remaining: &mut usize, reached: &mut usize| {
            *remaining = NEGATION_REACH;
            *reached = 0;
            reached_word = false;
            complement = false;
        };
        match t.role {
            TokenRole::Negation if !contrast => {
                open(&mut remaining, &mut reached);
                by_word = true;
            }
            // "did not deny": the denial itself is what is negated.
            TokenRole::Content if NEGATING_VERBS.contains(&t.term.as_str()) && remaining > 0 => {
                out.push(Negated {
                    at: i,
                    complement,
                    name: false,
                    filler: false,
                });
                remaining = 0;
            }
            TokenRole::Content if by_verbs && NEGATING_VERBS.contains(&t.term.as_str()) => {
                open(&mut remaining, &mut reached);
                by_word = false;
            }
            TokenRole::Content if remaining > 0 => {
                let name = is_name(t);
                out.push(Negated {
                    at: i,
                    complement,
                    name,
                    filler: false,
                });
                reached_word |= !name;
                reached += 1;
                remaining -= 1;
            }
            TokenRole::Filler if remaining > 0 => out.push(Negated {
                at: i,
                complement,
                name: false,
                filler: true,
            }),
            _ => {}
        }
    }
    negate_bare_subjects(tokens, &mut out);
    out
}

/// A negation that reaches no word before its clause ends ("James Franco was *not* in it")
/// denies what its subject did: the content words just before it, past the auxiliaries, are
/// what it negates. Not a contrast with them, as a name after "not" is.
fn negate_bare_subjects(tokens: &[Token], out: &mut Vec<Negated>) {
    for (i, t) in tokens.iter().enumerate() {
        if t.role != TokenRole::Negation {
            continue;
        }
        let reaches_nothing = tokens[i + 1..]
            .iter()
            .take_while(|n| !CLAUSE_BREAKS.contains(&n.surface.as_str()))
            .all(|n| !matches!(n.role, TokenRole::Content | TokenRole::Filler));
        if !reaches_nothing {
            continue;
        }
        let subject = tokens[..i]
            .iter()
            .enumerate()
            .rev()
            .skip_while(|(_, p)| p.role == TokenRole::Stop)
            .take_while(|(_, p)| {
                p.role == TokenRole::Content
                    && !CLAUSE_BREAKS.contains(&p.surface.as_str())
                    && !text::has_verb_ending(&p.surface)
            });
        for (at, _) in subject {
            if !out.iter().any(|n| n.at == at) {
                out.push(Negated {
                    at,
                    complement: false,
                    name: false,
                    filler: false,
                });
            }
        }
    }
}

impl Engine {
    /// The content terms `tokens` negate ([`negated_terms`]), with names told by this engine.
    pub(super) fn negated<'t>(&self, tokens: &'t [Token], by_verbs: bool) -> Vec<&'t str> {
        negated_terms(tokens, by_verbs, |t| self.names_something(t))
    }

    /// The terms `sentence` negates, less those in what a negated word is about when the
    /// claim's subject stands there: "Sony Pictures got hacked" speaks of what North Korea
    /// "denied having any involvement with" (the hacking of Sony Pictures), not of the denial.
    pub(super) fn negated_unless_about_subject<'t>(
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
            .filter(|n| !(n.name || n.filler || (about_subject && n.complement)))
            .map(|n| stated[n.at].term.as_str())
            .collect()
    }

    /// Does sentence `c` hold what the claim negates as negated too? "North Korea never denied
    /// it" is not held by a sentence that has "rejects" only in an "in case…" clause. What
    /// each states and what each supposes ("if found guilty he could *not* lose his job") are
    /// compared apart.
    pub(super) fn keeps_claim_negations(&self, r: &Retrieval, c: &Ranked) -> bool {
        let sentence = self.tokens_of(c.doc);
        let (claim_if, sentence_if) = (
            text::hypothetical_token(&r.tokens),
            text::hypothetical_token(sentence),
        );
        self.keeps_negations_of(r, &r.tokens[..claim_if], &sentence[..sentence_if], sentence)
            && self.keeps_negations_of(r, &r.tokens[claim_if..], &sentence[sentence_if..], sentence)
    }

    /// Whether `part` of a sentence negates each word that `claim_part` of the claim negates
    /// and the whole `sentence` holds.
    fn keeps_negations_of(
        &self,
        r: &Retrieval,
        claim_part: &[Token],
        part: &[Token],
        sentence: &[Token],
    ) -> bool {
        // Names count here: "his first client was not Stevie Wonder" is not what "his first
        // client was Stevie Wonder" states, though it contrasts rather than denies; so do
        // words questions use as a frame ("should not *become* queen").
        let all_terms = |tokens: &'_ [Token], by_verbs| -> Vec<String> {
            negation_scope(tokens, by_verbs, |_| false)
                .into_iter()
                .map(|n| tokens[n.at].term.clone())
                .collect()
        };
        let sentence_negated = all_terms(part, true);
        let part_terms: Vec<&str> = part
            .iter()
            .filter(|t| matches!(t.role, TokenRole::Content | TokenRole::Filler))
            .map(|t| t.term.as_str())
            .collect();
        if negation_met_by_opposite(claim_part, &part_terms) {
            return true;
        }
        all_terms(claim_part, false).iter().all(|negated| {
            // A word the query dropped (a frame word) stands for itself only.
            let word = r.query.words.iter().find(|w| w.term == *negated);
            let forms = |term: &str| word.map_or(term == negated, |w| w.stands_for(term));
            // Unmatched, the word weighs against coverage already.
            !sentence.iter().any(|t| forms(&t.term)) || sentence_negated.iter().any(|n| forms(n))
        })
    }
}

/// Does the sentence (its content `terms`) state the opposite of what the claim's negation
/// denies first: an antonym of the first content word after a "not" or "never" (or a synonym
/// of that antonym) right before that word? "did not *release* the film" is what "*cancel* its
/// *release* of the film" says, the film included; "has not dismissed the *proposal*" is not
/// met by "*rejects* the proposal", the proposal not being what the "not" reaches first.
pub(super) fn negation_met_by_opposite(claim: &[Token], terms: &[&str]) -> bool {
    let lex = Lexicon::get();
    let heads = claim
        .iter()
        .enumerate()
        .filter(|(_, t)| t.role == TokenRole::Negation)
        .filter_map(|(i, _)| {
            claim[i + 1..]
                .iter()
                .find(|t| t.role != TokenRole::Stop)
                .filter(|t| t.role == TokenRole::Content)
        });
    heads.into_iter().any(|head| {
        terms.windows(2).any(|pair| {
            pair[1] == head.term
                && lex
                    .antonyms(&head.term)
                    .iter()
                    .any(|a| among_synonyms(&[pair[0]], a))
        })
    })
}
