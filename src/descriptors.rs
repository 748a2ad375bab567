//! Who "the mayor" is: the names an article gives a common noun.
//!
//! News introduces a person with a word for what they are ("London mayor Ken Livingstone",
//! "reporter Oliver Finegold", "Chief executive Parry") and later calls them by that word
//! alone ("The mayor said his comments would not affect the bid"). This module learns those
//! words from the article itself, a name's descriptor being the lowercase word right before
//! it, so that a sentence saying "the mayor" can be matched as speaking of Ken Livingstone. A
//! word an article puts before two different people describes neither.
//!
//! It also learns the last words of the article's two-word names ("Andy Roddick"), so that the
//! surname alone ("Roddick dominated") is known to name someone, and whose name it is.

use std::collections::HashMap;

use crate::speech::is_speech_cue;
use crate::text::{Lexicon, Token, TokenRole};

/// Most words that may stand between "the" and a descriptor, qualifying it: "the
/// 32-year-old rapper" is the parts of "32-year-old" and the word they make.
const MAX_QUALIFIERS: usize = 4;

/// What one article's descriptors stand for: a descriptor's term, and the one name it stands
/// before (None: it stands before several people).
#[derive(Debug, Default)]
pub(crate) struct Descriptors {
    names: HashMap<String, Option<Name>>,
    /// Terms the article writes as the last word of a name of two words or more, with that
    /// whole name's terms (None: two different names end with it).
    surnames: HashMap<String, Option<Vec<String>>>,
}

/// A name as the index matches it and as the article writes it.
#[derive(Debug, Clone)]
struct Name {
    terms: Vec<String>,
    written: String,
}

impl Descriptors {
    /// Learns from one sentence of the article: its `text` and its analysed `tokens`.
    pub(crate) fn learn(&mut self, text: &str, tokens: &[Token]) {
        let is_name_word = |i: usize| name_word_at(tokens, i, |_| false);
        let mut i = 0;
        while i < tokens.len() {
            if !is_name_word(i) {
                i += 1;
                continue;
            }
            // A name ends at a comma: "Hayley Yelling, Jo Pavey" are two.
            let start = i;
            i += 1;
            while i < tokens.len()
                && is_name_word(i)
                && !text
                    .get(tokens[i - 1].span.end..tokens[i].span.start)
                    .is_some_and(|between| between.contains(','))
            {
                i += 1;
            }
            if i - start >= 2 {
                let full: Vec<String> = tokens[start..i].iter().map(|t| t.term.clone()).collect();
                let entry = self
                    .surnames
                    .entry(tokens[i - 1].term.clone())
                    .or_insert_with(|| Some(full.clone()));
                if entry.as_ref().is_some_and(|known| *known != full) {
                    *entry = None;
                }
            }
            let Some(word) = start.checked_sub(1).map(|b| &tokens[b]) else {
                continue;
            };
            if !is_descriptor(word) {
                continue;
            }
            let name = Name {
                terms: tokens[start..i].iter().map(|t| t.term.clone()).collect(),
                written: text
                    .get(tokens[start].span.start..tokens[i - 1].span.end)
                    .unwrap_or_default()
                    .to_owned(),
            };
            // "Mr Livingstone" and "Ken Livingstone" are one person; another name is another.
            let same_person = |known: &Name| known.terms.iter().any(|t| name.terms.contains(t));
            let entry = self
                .names
                .entry(word.term.clone())
                .or_insert(Some(name.clone()));
            if !entry.as_ref().is_some_and(same_person) {
                *entry = None;
            }
        }
    }

    /// Does the article write `term` as the last word of a longer name ("Roddick" of "Andy
    /// Roddick")?
    pub(crate) fn is_surname(&self, term: &str) -> bool {
        self.surnames.contains_key(term)
    }

    /// The terms of the one full name the article ends with surname `term` ("andi",
    /// "roddick" for "roddick"); None when it gives none, or two.
    pub(crate) fn full_name(&self, term: &str) -> Option<&[String]> {
        self.surnames.get(term)?.as_deref()
    }

    /// The person a text's "the <descriptor>" stands for, among its first `before` `tokens`,
    /// when the text does not name that person itself.
    pub(crate) fn described<'a, 't>(
        &'a self,
        tokens: &'t [Token],
        before: usize,
    ) -> Option<Described<'a, 't>> {
        let end = before.min(tokens.len());
        let lexicon = Lexicon::get();
        // Words that only qualify the descriptor ("the 32-year-old rapper", "the former
        // mayor"): a number and the unit it measures in, a hyphenated word and its parts, a
        // word mostly an adjective.
        let qualifies = |k: usize| {
            let t = &tokens[k];
            !t.proper
                && (t.number
                    || (k > 0 && tokens[k - 1].number)
                    || t.compound
                    || lexicon.is_modifier(&t.surface)
                    || tokens[k + 1..]
                        .iter()
                        .find(|c| c.compound)
                        .is_some_and(|c| c.span.start <= t.span.start && t.span.end <= c.span.end))
        };
        (0..end).find_map(|the| {
            if tokens[the].surface != "the" {
                return None;
            }
            let at = (the + 1..end)
                .take(MAX_QUALIFIERS + 1)
                .find(|&k| !qualifies(k))?;
            let word = &tokens[at];
            if word.role != TokenRole::Content || word.proper {
                return None;
            }
            let name = self.names.get(&word.term)?.as_ref()?;
            let named_here = name
                .terms
                .iter()
                .any(|n| tokens.iter().any(|t| t.term == *n));
            (!named_here).then(|| Described {
                word,
                terms: name.terms.iter().map(String::as_str).collect(),
                written: &name.written,
            })
        })
    }
}

/// Whom a "the <descriptor>" stands for.
#[derive(Debug)]
pub(crate) struct Described<'a, 't> {
    /// The descriptor as the text has it ("mayor").
    pub word: &'t Token,
    /// The person's name terms, as the index matches them.
    pub terms: Vec<&'a str>,
    /// The person's name as the article writes it ("Ken Livingstone").
    pub written: &'a str,
}

/// Is `tokens[i]` a word of a name: capitalised mid-sentence (or an acronym), not a number,
/// day or month ("On Tuesday, the mayor…": a day is not who the sentence is about)? A word
/// opening the sentence is one when news text mostly writes it as a name ("Hayley Yelling, Jo
/// Pavey…"; not "Striker Novo"), or when `named_elsewhere` says the articles do.
pub(crate) fn name_word_at(
    tokens: &[Token],
    i: usize,
    named_elsewhere: impl Fn(&str) -> bool,
) -> bool {
    let t = &tokens[i];
    t.role == TokenRole::Content
        && !t.number
        && !crate::answer::is_time_word(&t.term)
        && (t.proper
            || (i == 0
                && (crate::text::general::usually_a_name(&t.term, &t.surface)
                    || named_elsewhere(&t.term))))
}

/// A lowercase single word that can say what someone is ("mayor", "reporter"), not a word of
/// speech ("said Hewitt").
fn is_descriptor(t: &Token) -> bool {
    t.role == TokenRole::Content
        && !t.proper
        && !t.number
        && !t.compound
        && t.surface.chars().all(char::is_alphabetic)
        && !is_speech_cue(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::analyze;

    fn learnt(sentences: &[&str]) -> Descriptors {
        let mut d = Descriptors::default();
        for s in sentences {
            d.learn(s, &analyze(s, false));
        }
        d
    }

    #[test]
    fn words_that_qualify_a_descriptor_stand_between_it_and_the() {
        let d = learnt(&["US rapper Snoop Dogg has been sued by a make-up artist."]);
        let written = |text: &str| {
            d.described(&analyze(text, false), usize::MAX)
                .map(|found| found.written.to_string())
        };
        assert_eq!(
            written("The 32-year-old rapper has enjoyed six top 10 albums."),
            Some("Snoop Dogg".to_string())
        );
        assert_eq!(
            written("Fans said the controversial rapper would tour."),
            Some("Snoop Dogg".to_string())
        );
        assert_eq!(
            written("Then the chart-topping rapper left."),
            Some("Snoop Dogg".to_string())
        );
        // A noun between them makes another thing: a "record label rapper" is not known.
        assert_eq!(written("The record label rapper deal fell through."), None);
    }

    #[test]
    fn a_word_before_a_name_describes_it_until_it_describes_another() {
        let d = learnt(&[
            "London mayor Ken Stone has refused to retract an insult.",
            "Mr Stone was heard asking reporter Oliver Fine if he was a guard.",
            "\"It was a joke,\" said Stone.",
        ]);
        let terms = |text: &str| {
            let tokens = analyze(text, false);
            d.described(&tokens, usize::MAX).map(|found| {
                found
                    .terms
                    .iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>()
            })
        };
        let later = analyze(
            "The mayor said his comments would not affect the bid.",
            false,
        );
        let mayor = d
            .described(&later, usize::MAX)
            .expect("the mayor is described");
        assert_eq!(
            (mayor.word.surface.as_str(), mayor.written),
            ("mayor", "Ken Stone")
        );
        assert_eq!(mayor.terms, vec!["ken", "stone"]);
        assert_eq!(
            terms("Later the reporter said he was offended."),
            Some(vec!["oliv".to_string(), "fine".to_string()])
        );
        // A word of speech is no descriptor.
        assert_eq!(terms("It was said by the said committee."), None);
        // A sentence that names the person itself needs no descriptor.
        assert_eq!(terms("The mayor, Mr Stone, spoke."), None);

        let two = learnt(&[
            "Reporter Ann Lee asked first.",
            "Then reporter Oliver Fine asked.",
            "Later reporter Tom Hart asked again.",
        ]);
        let reporter = analyze("The reporter said he was offended.", false);
        assert!(two.described(&reporter, usize::MAX).is_none());
    }
}
