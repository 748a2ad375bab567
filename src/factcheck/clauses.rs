//! Splitting a pasted message into the sentences worth checking, a statement into the clauses
//! that can be checked alone, and a statement that rules out an alternative ("…, not the
//! studio") into what it states and what it rules out.

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
        .filter(|&(at, end)| !joins_no_clauses(text, at, end))
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

/// Words before which "but" means "except" or "almost", not a second clause.
const BUT_AS_DEGREE: &[&str] = &["all", "nothing", "anything", "none", "everything"];

/// Whether the join at `at..end` joins no clauses: an "and" that lists names, a capitalised
/// word on either side of it ("opposition from Tory and Lib Dem MPs"), or the "but" of "all
/// but". A comma between names may well end a clause ("In an interview with the Independent,
/// Sir John said…").
fn joins_no_clauses(text: &str, at: usize, end: usize) -> bool {
    let word_before = text[..at]
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    // "All but", "nothing but": a degree, not a second clause ("sold out in all but a few
    // stores").
    if text[at..end].trim() == "but" {
        return BUT_AS_DEGREE.contains(&word_before.to_lowercase().as_str());
    }
    if text[at..end].trim() != "and" {
        return false;
    }
    let capitalised = |word: &str| word.starts_with(char::is_uppercase);
    // The statement's own first word is capitalised as any sentence's is.
    let first_word = word_before.len() == at;
    !first_word && capitalised(word_before) && capitalised(&text[end..])
}

/// Whether a piece of a statement says enough to be checked alone: [`MIN_CLAUSE_WORDS`]
/// content words at least (fewer: a name in a list, or an aside), not all of them names.
fn is_clause(piece: &str) -> bool {
    let tokens = crate::text::analyze(piece, false);
    let content: Vec<_> = tokens
        .iter()
        .filter(|t| t.role == TokenRole::Content)
        .collect();
    // Names alone ("Kevin Spacey and Beyond the Sea") say nothing of what they did; a phrase
    // that opens with a preposition ("in Stuttgart last year") says where or when, of what
    // the rest of the statement says. "With" may open a clause of its own ("…, with Ed Balls
    // branding stamp duty a stealth tax").
    let adjunct = tokens
        .first()
        .is_some_and(|t| t.surface != "with" && PREPOSITIONS.contains(&t.surface.as_str()));
    content.len() >= MIN_CLAUSE_WORDS && content.iter().any(|t| !t.capitalised) && !adjunct
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

/// A statement that rules out an alternative: "the hack hit the network, not the studio".
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Contrast<'t> {
    /// The statement without the alternative: "the hack hit the network".
    pub main: &'t str,
    /// What it rules out: "the studio".
    pub alternative: &'t str,
    /// The statement with the alternative in place of what it stands against: "the hack hit
    /// the studio". `None` when that place cannot be told.
    pub instead: Option<String>,
}

/// Words that set a statement against an alternative it rules out, which follows them.
const CONTRAST_JOINS: &[&str] = &[", not ", " rather than ", " instead of "];

/// Most words an alternative may have: more is a clause of its own, not a noun phrase.
const MAX_ALTERNATIVE_WORDS: usize = 6;

/// Words that make a statement exclusive by themselves.
const EXCLUSIVE: &[&str] = &["only", "solely", "exclusively"];

/// Words that make an alternative "anything but" what the statement names.
const ANOTHER: &[&str] = &["other", "another", "else", "different"];

/// Whether `text` holds one of `words` (as a whole word, in any case).
fn has_word(text: &str, words: &[&str]) -> bool {
    crate::text::split_words(text)
        .iter()
        .any(|w| words.contains(&w.as_str()))
}

/// Words that open the noun phrase an alternative stands against ("hit *the* network").
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "some", "its", "their", "his", "her", "our",
];

/// Prepositions: the noun phrase an alternative stands against starts after one when it has
/// no determiner ("went after interns"); a name after one is a complement, not a subject
/// ("with the US", "of Sony Pictures").
pub(super) const PREPOSITIONS: &[&str] = &[
    "after", "at", "in", "on", "to", "by", "for", "with", "from", "against", "towards", "toward",
    "into", "of", "about", "before", "during", "since",
];

/// The statement and the alternative it rules out, when `text` ends with one: a short noun
/// phrase after ", not", "rather than" or "instead of".
pub(super) fn contrast(text: &str) -> Option<Contrast<'_>> {
    let text = text.trim_end_matches(|c: char| c.is_whitespace() || ".!?".contains(c));
    let (at, join) = CONTRAST_JOINS
        .iter()
        .filter_map(|j| text.rfind(j).map(|at| (at, *j)))
        .max_by_key(|&(at, _)| at)?;
    let main = text[..at].trim();
    let alternative = text[at + join.len()..].trim();
    let alternative_words = alternative.split_whitespace().count();
    // "Only X, not Y" says no more than "only X", which is checked as it stands.
    if has_word(main, EXCLUSIVE)
        || alternative_words == 0
        || alternative_words > MAX_ALTERNATIVE_WORDS
        || alternative.contains(',')
        || !is_clause(main)
    {
        return None;
    }
    Some(Contrast {
        main,
        alternative,
        // "Not some other part": whatever the article states in its place, it is not another.
        instead: (!has_word(alternative, ANOTHER))
            .then(|| {
                cleft_instead(main, alternative).or_else(|| {
                    replaced_phrase_start(main)
                        .map(|start| format!("{}{alternative}", &main[..start]))
                })
            })
            .flatten(),
    })
}

/// Does `sentence` itself rule out `alternative` ("… rather than having rigid targets")?
/// Then it does not state the alternative, whatever else it shares with a statement that puts
/// the alternative in place.
pub(super) fn rules_out(sentence: &str, alternative: &str) -> bool {
    let words = crate::text::split_words(sentence);
    let alternative = crate::text::split_words(alternative);
    if alternative.is_empty() {
        return false;
    }
    CONTRAST_JOINS
        .iter()
        .map(|join| crate::text::split_words(join))
        .any(|join| {
            let phrase: Vec<&String> = join.iter().chain(&alternative).collect();
            words
                .windows(phrase.len())
                .any(|w| w.iter().zip(&phrase).all(|(a, b)| a == *b))
        })
}

/// A cleft names what it is about between "it was" and "that": "it was Sony that got hacked"
/// with "the studio" in its place is "it was the studio that got hacked".
fn cleft_instead(main: &str, alternative: &str) -> Option<String> {
    let lower = main.to_lowercase();
    let opening = ["it was ", "it is ", "it's ", "its "]
        .iter()
        .find(|o| lower.starts_with(*o))?;
    let rest = &lower[opening.len()..];
    let end = [" that ", " who ", " which "]
        .iter()
        .filter_map(|w| rest.find(w))
        .min()?;
    // `lower` keeps `main`'s byte offsets only when lowercasing changed no lengths.
    (lower.len() == main.len()).then(|| {
        format!(
            "{}{alternative}{}",
            &main[..opening.len()],
            &main[opening.len() + end..]
        )
    })
}

/// Where the noun phrase closing `main` starts: at its last determiner, or else after its
/// last preposition; never at its first two words, which hold what the statement is about.
fn replaced_phrase_start(main: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = main
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - main.as_ptr() as usize, w))
        .collect();
    let last = |list: &[&str]| {
        words
            .iter()
            .rposition(|(_, w)| list.contains(&w.to_lowercase().as_str()))
    };
    let start = last(DETERMINERS)
        .filter(|&i| i >= 2)
        .or_else(|| last(PREPOSITIONS).map(|i| i + 1))?;
    (start >= 2 && start < words.len() && words.len() - start <= MAX_ALTERNATIVE_WORDS)
        .then(|| words[start].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_but_is_no_second_clause() {
        assert!(
            clause_pieces("the presents are all but sold out in High Street stores").is_empty()
        );
        assert_eq!(
            clause_pieces("the presents sold out but the stores restocked").len(),
            2
        );
    }

    #[test]
    fn an_and_between_names_lists_them() {
        let pieces = clause_pieces("opposition from Tory and Lib Dem MPs and its own backbenchers");
        assert_eq!(
            pieces,
            vec![
                ("opposition from Tory and Lib Dem MPs", true),
                ("its own backbenchers", false)
            ]
        );
        // Names alone are no clause.
        let pieces = clause_pieces("the hackers leaked five films, Seth Rogen and James Franco");
        assert_eq!(
            pieces,
            vec![
                ("the hackers leaked five films", true),
                ("Seth Rogen and James Franco", false)
            ]
        );
    }

    #[test]
    fn a_phrase_opening_with_a_preposition_is_no_clause() {
        assert_eq!(
            clause_pieces("Dibaba broke the world record, in Stuttgart last year"),
            vec![
                ("Dibaba broke the world record", true),
                ("in Stuttgart last year", false)
            ]
        );
        // "With" may open one.
        assert_eq!(
            clause_pieces("the Tories want lower taxes, with Ed Balls branding stamp duty a tax"),
            vec![
                ("the Tories want lower taxes", true),
                ("with Ed Balls branding stamp duty a tax", true)
            ]
        );
    }

    #[test]
    fn a_statement_that_rules_out_an_alternative_is_split() {
        let c = contrast("the hack hit the playstation network, not the movie studio.");
        assert_eq!(
            c,
            Some(Contrast {
                main: "the hack hit the playstation network",
                alternative: "the movie studio",
                instead: Some("the hack hit the movie studio".to_owned()),
            })
        );
        let c = contrast("the hackers went after low level interns rather than top executives");
        assert_eq!(
            c.and_then(|c| c.instead),
            Some("the hackers went after top executives".to_owned())
        );
        // A cleft names what it is about first.
        let c = contrast("it was sony pictures that got hacked, not the music label");
        assert_eq!(
            c.as_ref().map(|c| c.main),
            Some("it was sony pictures that got hacked")
        );
        assert_eq!(
            c.and_then(|c| c.instead),
            Some("it was the music label that got hacked".to_owned())
        );
        // "Not some other part": no place for it; the statement alone decides.
        let c = contrast("it was sony pictures that got hacked, not some other part of sony");
        assert_eq!(c.and_then(|c| c.instead), None);
        // "Only" already rules everything else out: the whole claim is checked.
        assert_eq!(
            contrast("The hack only affected Sony executives, not ordinary employees"),
            None
        );
        // Not an alternative: a clause of its own, or no "not" at the end.
        assert_eq!(
            contrast("the club said it was ready, not that anyone had asked it to be ready"),
            None
        );
        assert_eq!(contrast("the club did not sign the striker"), None);
    }
}
