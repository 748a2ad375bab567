//! Splitting a pasted message into the sentences worth checking, and a statement into the
//! clauses that can be checked alone.

use crate::knowledge::segment;
use crate::text::TokenRole;

/// Words and marks that join two clauses of one statement.
const CLAUSE_JOINS: &[&str] = &[", ", "; ", " and ", " but ", " while ", " whereas "];

/// The pieces of a statement that joins clauses, each with whether it is a clause that can be
/// checked alone ([`is_clause`]); none for a statement of one piece.
pub(super) fn clause_pieces(text: &str) -> Vec<(&str, bool)> {
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
pub(super) fn checkable_sentences(text: &str) -> Vec<&str> {
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
