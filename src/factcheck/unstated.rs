//! What a sentence holds without stating it as fact: the story of a work, what follows an
//! "if…", an action held only as a possibility, and what someone only wants.

use crate::answer::{Ranked, Retrieval};
use crate::engine::Engine;
use crate::text::{self, Token, TokenRole};

use super::negation::CLAUSE_BREAKS;
use super::statement::held_at;

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
pub(super) fn unstated_token(tokens: &[Token], claim: bool) -> usize {
    let depicted = (1..tokens.len()).find(|&i| {
        DEPICTION_CUES.contains(&tokens[i].surface.as_str())
            && (claim
                || tokens[i.saturating_sub(DEPICTION_REACH)..i]
                    .iter()
                    .any(|t| WORKS.contains(&t.term.as_str())))
    });
    text::hypothetical_token(tokens).min(depicted.unwrap_or(tokens.len()))
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

/// Words that make what follows them a wish, not an event: "North Korea wants joint
/// investigation with US" does not say the two investigated together. Matched as terms, so
/// each stands for its inflections and nouns ("wanted", "proposal", "demands") and a lexicon
/// phrase for its group's word ("called for" is "want", "pushing for" is "press for").
const WISH_CUES: &[&[&str]] = &[
    &["want"],
    &["wish"],
    &["seek"],
    &["propos"],
    &["suggest"],
    &["urg"],
    &["demand"],
    &["hope"],
    &["press for"],
    &["ask", "for"],
];

/// For each token, the wish that holds it: the index of the [`WISH_CUES`] cue whose clause it
/// stands in, if any.
pub(super) fn wished_only(tokens: &[Token]) -> Vec<Option<usize>> {
    cued_clauses(tokens, WISH_CUES, |t| &t.term)
}

/// Which tokens stand between a [`POSSIBILITY_CUES`] cue and the end of its clause.
fn possible_only(tokens: &[Token]) -> Vec<bool> {
    cued_clauses(tokens, POSSIBILITY_CUES, |t| &t.surface)
        .iter()
        .map(Option::is_some)
        .collect()
}

/// For each token, the index of the cue among `cues` whose clause it stands in, if any. `word`
/// is what a cue's words are matched against (a token's surface or its term).
fn cued_clauses(
    tokens: &[Token],
    cues: &[&[&str]],
    word: fn(&Token) -> &str,
) -> Vec<Option<usize>> {
    let mut out = vec![None; tokens.len()];
    let mut open = None;
    for i in 0..tokens.len() {
        if CLAUSE_BREAKS.contains(&tokens[i].surface.as_str()) {
            open = None;
        }
        out[i] = open;
        // "May" the month is a name.
        let cue = cues.iter().find(|cue| {
            i + 1 >= cue.len()
                && tokens[i + 1 - cue.len()..=i]
                    .iter()
                    .zip(cue.iter())
                    .all(|(t, w)| word(t) == *w && !t.proper)
        });
        if let Some(cue) = cue {
            open = Some(i + 1 - cue.len());
        }
    }
    out
}

impl Engine {
    /// Does sentence `c` hold an action the claim states only as a possibility? "It has the
    /// power to suspend him" does not say "the board suspended him", though it holds "the
    /// board can suspend him". An action is a claim word typed as a verb ("suspended").
    pub(super) fn holds_action_as_possible_only(&self, r: &Retrieval, c: &Ranked) -> bool {
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
}
