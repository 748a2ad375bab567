//! What a question asks, read off its own words before any article is searched: the kind of
//! answer it wants and the cue that says so ("which *group*"), and which of its words count for
//! less or nothing (a closing "right?", a cue said again, an alternative offered to be turned
//! down, a word set aside with "besides").

use crate::search::Query;
use crate::text::{self, AnswerKind, Lexicon, Token, TokenRole};

/// A question (or claim) as read.
pub(super) struct Asked {
    /// Its tokens. A closing "right?" and the words of the cue ("what day") are filler when
    /// the question names more than them.
    pub tokens: Vec<Token>,
    /// The question word by word, a phrase of another meaning than a cue as one word.
    words: Vec<String>,
    /// The kind of answer asked for.
    pub kind: Option<AnswerKind>,
    /// The stemmed noun of the cue ("which *group*"): the kind of one asked for.
    pub kind_nouns: Vec<String>,
    /// The cue asks for several ("which *countries*", "which *people*").
    pub several: bool,
    /// Where a quotation the text opens with ends (a byte offset; 0: it opens with none).
    /// Words before it are what was said, not who said it.
    pub quoted_until: usize,
}

impl Asked {
    /// Reads `text`, a question or (with `question` false) a claim. A claim asks for no kind
    /// of answer: its "named" or "when" is what it states ("the minister named someone"), not
    /// a cue.
    pub fn read(text: &str, question: bool) -> Asked {
        let mut tokens = text::analyze(text, true);
        // A closing "right?" asks for confirmation; it is not what is asked about.
        if let Some(last) = tokens
            .iter_mut()
            .rev()
            .find(|t| t.role != TokenRole::Stop)
            .filter(|t| Lexicon::get().is_confirmation_tag(&t.surface))
        {
            last.role = TokenRole::Filler;
        }
        // Word by word: a phrase token may be a cue ("stand for"). A phrase of another meaning
        // is one word here, so that a cue word inside it asks for nothing: "clear its name"
        // asks for no name.
        let words: Vec<String> = tokens
            .iter()
            .flat_map(|t| {
                let parts: Vec<&str> = t.surface.split(' ').collect();
                if parts.len() > 1 && !Lexicon::get().is_cue(&parts) {
                    vec![parts.join("_")]
                } else {
                    parts.into_iter().map(str::to_owned).collect()
                }
            })
            .collect();
        let asked = if question {
            Lexicon::get().answer_kind(&words)
        } else {
            None
        };
        let several = asked.is_some_and(|(_, cue)| {
            cue.iter()
                .any(|w| w == "people" || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")))
        });
        let kind_nouns: Vec<String> = asked
            .iter()
            .flat_map(|(_, cue)| cue.iter())
            .filter(|w| !matches!(w.as_str(), "which" | "what"))
            .map(|w| text::stem_word(w))
            .collect();
        let kind = asked.map(|(kind, cue)| {
            // The cue ("what day", "which paper") says what is asked, not what about, unless
            // it is all the question names ("which bank was it").
            let in_cue = |t: &Token| t.surface.split(' ').all(|w| cue.iter().any(|c| c == w));
            let names_more = tokens
                .iter()
                .any(|t| t.role == TokenRole::Content && !in_cue(t));
            if names_more {
                for t in tokens.iter_mut().filter(|t| in_cue(t)) {
                    if t.role == TokenRole::Content {
                        t.role = TokenRole::Filler;
                    }
                }
            }
            kind
        });
        Asked {
            tokens,
            words,
            kind,
            kind_nouns,
            several,
            quoted_until: crate::speech::quotation_end(text).unwrap_or(0),
        }
    }

    /// Which of `query`'s words are another cue of the kind asked ("how much … worth", "… in
    /// total"): they ask for it again, and where the article lacks them they say nothing of
    /// which sentence answers.
    pub fn restates_kind(&self, query: &Query) -> Vec<bool> {
        query
            .words
            .iter()
            .map(|w| {
                self.kind.is_some_and(|kind| {
                    Lexicon::get()
                        .cues_of(kind, &self.words)
                        .any(|cue| w.surface.split(' ').all(|s| cue.iter().any(|c| c == s)))
                })
            })
            .collect()
    }
}

/// Which query words belong to an alternative of an "X or Y" question that the article does
/// not name (`known[i]`: the pack uses word i), when it names a word of the other ("was it Sony
/// Pictures or Sony Music", "PlayStation or the movie side"). The question offers such a word
/// to be turned down; the article need not mention it. The alternatives are the runs of words
/// on either side of "or", and the rest of the question must be in the article. A question
/// that closes on "not the …" ("so the FBI said it, not the White House?") offers what
/// follows to be turned down too, when the article names the rest.
pub(super) fn rejected_alternative(tokens: &[Token], query: &Query, known: &[bool]) -> Vec<bool> {
    let mut rejected = vec![false; query.words.len()];
    let content = |t: &&Token| t.role == TokenRole::Content;
    let word_of = |t: &Token| query.position(&t.term);
    let closing_not = tokens
        .iter()
        .rposition(|t| t.surface == "not")
        .filter(|&at| {
            tokens
                .get(at + 1)
                .is_some_and(|t| matches!(t.surface.as_str(), "the" | "a" | "an"))
        });
    if let Some(at) = closing_not {
        let run: Vec<usize> = tokens[at + 2..].iter().filter_map(word_of).collect();
        let closes = tokens[at + 2..]
            .iter()
            .skip_while(content)
            .all(|t| t.role != TokenRole::Content);
        let rest: Vec<usize> = (0..query.words.len())
            .filter(|i| !run.contains(i))
            .collect();
        if closes && !rest.is_empty() && rest.iter().all(|&i| known[i]) {
            for &i in run.iter().filter(|&&i| !known[i]) {
                rejected[i] = true;
            }
        }
    }
    let Some(or) = tokens.iter().position(|t| t.surface == "or") else {
        return rejected;
    };
    let before: Vec<usize> = tokens[..or]
        .iter()
        .rev()
        .take_while(content)
        .filter_map(word_of)
        .collect();
    let after: Vec<usize> = tokens[or + 1..]
        .iter()
        .skip_while(|t| t.role != TokenRole::Content)
        .take_while(content)
        .filter_map(word_of)
        .collect();
    // What the question asks of the alternatives must be in the article: "who directed it,
    // Rogen or Goldberg" is not answered by a sentence that names Rogen.
    let frame_named = (0..query.words.len())
        .filter(|i| !before.contains(i) && !after.contains(i))
        .all(|i| known[i]);
    if !frame_named {
        return rejected;
    }
    for (this, other) in [(&before, &after), (&after, &before)] {
        let other_named = other.iter().any(|&i| !this.contains(&i) && known[i]);
        for &i in this.iter().filter(|&&i| other_named && !known[i]) {
            rejected[i] = true;
        }
    }
    rejected
}

/// The terms of each two neighbouring words of the question, in order. A hyphenated word's
/// joined form follows its parts: it is no neighbour of theirs.
pub(super) fn neighbouring_pairs(query: &Query) -> Vec<(&str, &str)> {
    let terms: Vec<&str> = query
        .words
        .iter()
        .filter(|w| !w.compound)
        .map(|w| w.term.as_str())
        .collect();
    terms.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Words that set aside what follows them: "besides the celebrity stuff", "apart from".
const SET_ASIDE: &[&[&str]] = &[
    &["besides"],
    &["except"],
    &["excluding"],
    &["apart", "from"],
    &["aside", "from"],
    &["other", "than"],
];

/// Which query words the question sets aside: the word after "besides", "apart from",
/// "except" ("what else got out besides the celebrity stuff"). A sentence that names another of
/// their kind ("studio employees") answers it rather than speaking of someone else.
pub(super) fn set_aside_words(tokens: &[Token], query: &Query) -> Vec<bool> {
    let surfaces: Vec<&str> = tokens.iter().map(|t| t.surface.as_str()).collect();
    let terms: Vec<&str> = (0..tokens.len())
        .filter_map(|i| {
            let cue = SET_ASIDE
                .iter()
                .find(|cue| surfaces[i..].starts_with(cue))?;
            tokens[i + cue.len()..]
                .iter()
                .find(|t| t.role == TokenRole::Content)
                .map(|t| t.term.as_str())
        })
        .collect();
    query
        .words
        .iter()
        .map(|w| terms.contains(&w.term.as_str()))
        .collect()
}
