//! The engine: loaded knowledge plus its indexes, the one object every front end holds.
//!
//! It is built once from a [`Knowledge`] and then only read, so it is shared behind an `Arc`
//! across the console, the CLI and every Discord shard. It owns the mapping from index
//! documents back to packs and sentences, and from curated question phrasings to topics.

use std::path::Path;
use std::sync::OnceLock;

use crate::descriptors::{name_word_at, Described, Descriptors};
use crate::knowledge::{Knowledge, KnowledgeError, Pack, Topic};
use crate::search::{DocId, Index};
use crate::speech::{self, Speakers};
use crate::text::{self, Token, TokenRole};

/// Where a sentence document points: (pack index, sentence index in the pack).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceRef {
    pub pack: usize,
    pub sentence: usize,
}

/// Where a phrasing document points: (pack index, topic index in the pack).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TopicRef {
    pub pack: usize,
    pub topic: usize,
}

/// Knowledge and its indexes, ready to answer.
#[derive(Debug)]
pub struct Engine {
    knowledge: Knowledge,
    /// One document per article sentence, packs in order.
    pub(crate) sentences: Index,
    sentence_refs: Vec<SentenceRef>,
    /// Analysed tokens of each sentence document (used for fact-check comparisons).
    /// Analysed tokens of each sentence document, made on first use: a query looks at a
    /// handful of sentences, so keeping every sentence's tokens would cost memory for nothing.
    sentence_tokens: Vec<OnceLock<Vec<Token>>>,
    /// For a sentence that opens by referring back ("The country", "It", "He"), the sentence
    /// before it in its paragraph, whose names it inherits.
    pub(crate) antecedent: Vec<Option<DocId>>,
    /// Per pack, whom its descriptors ("the mayor") stand for.
    descriptors: Vec<Descriptors>,
    /// One document per curated question phrasing (and topic title).
    pub(crate) phrasings: Index,
    phrasing_refs: Vec<TopicRef>,
}

impl Engine {
    /// Loads every pack in `dir` and indexes it.
    pub fn load(dir: &Path) -> Result<Engine, KnowledgeError> {
        Ok(Engine::new(Knowledge::load_dir(dir)?))
    }

    /// Indexes loaded knowledge.
    pub fn new(knowledge: Knowledge) -> Engine {
        let mut sentence_refs = Vec::new();
        let mut phrasing_refs = Vec::new();
        let mut phrasing_tokens: Vec<(usize, Vec<Token>)> = Vec::new();
        for (p, pack) in knowledge.packs.iter().enumerate() {
            sentence_refs.extend((0..pack.sentences.len()).map(|s| SentenceRef {
                pack: p,
                sentence: s,
            }));
            for (t, topic) in pack.topics.iter().enumerate() {
                let title = topic.title.replace(['-', '_'], " ");
                for phrasing in topic.questions.iter().chain(std::iter::once(&title)) {
                    phrasing_refs.push(TopicRef { pack: p, topic: t });
                    phrasing_tokens.push((p, text::analyze(phrasing, false)));
                }
            }
        }
        // Each sentence is analysed for the index (and the descriptors) and dropped; see
        // `tokens_of`.
        let mut descriptors: Vec<Descriptors> = knowledge
            .packs
            .iter()
            .map(|_| Descriptors::default())
            .collect();
        let sentences = Index::build(sentence_refs.iter().map(|r| {
            let text = knowledge.packs[r.pack].sentence_text(r.sentence);
            let tokens = text::analyze(text, false);
            descriptors[r.pack].learn(text, &tokens);
            (r.pack, tokens)
        }));
        let sentence_tokens = sentence_refs.iter().map(|_| OnceLock::new()).collect();
        let antecedent = sentence_refs
            .iter()
            .enumerate()
            .map(|(doc, r)| {
                let pack = &knowledge.packs[r.pack];
                let s = &pack.sentences[r.sentence];
                // The sentence before, in its paragraph; for a paragraph's first sentence, the
                // last of the paragraph before (news writes many one-sentence paragraphs: "The
                // star was presented with the award…" follows "Actor Leonardo DiCaprio's…"),
                // never the headline.
                let prev = r.sentence.checked_sub(1).filter(|&p| {
                    pack.sentences[p].paragraph == s.paragraph || !pack.sentences[p].heading
                });
                let text = &pack.article[s.span.clone()];
                // A quotation carried on from a sentence that quotes: its speaker's words.
                let quotes = |p: usize| pack.sentence_text(p).contains(['"', '“', '”']);
                prev.filter(|&p| {
                    opens_with_reference(text) || (speech::continues_a_quotation(text) && quotes(p))
                })
                .map(|_| doc as DocId - 1)
            })
            .collect();
        let phrasings = Index::build(
            phrasing_tokens
                .iter()
                .map(|(p, toks)| (*p, toks.as_slice())),
        );
        Engine {
            knowledge,
            sentences,
            sentence_refs,
            sentence_tokens,
            antecedent,
            descriptors,
            phrasings,
            phrasing_refs,
        }
    }

    pub fn knowledge(&self) -> &Knowledge {
        &self.knowledge
    }

    pub fn packs(&self) -> &[Pack] {
        &self.knowledge.packs
    }

    /// Every curated topic, with its pack, in pack order.
    pub fn topics(&self) -> impl Iterator<Item = (&Pack, &Topic)> {
        self.knowledge
            .packs
            .iter()
            .flat_map(|p| p.topics.iter().map(move |t| (p, t)))
    }

    /// The topic with this command name.
    pub fn topic(&self, command: &str) -> Option<(&Pack, &Topic)> {
        self.knowledge.topic(command)
    }

    /// The analysed tokens of a sentence document (analysed on first use, then kept).
    pub(crate) fn tokens_of(&self, doc: DocId) -> &[Token] {
        self.sentence_tokens[doc as usize].get_or_init(|| {
            let r = self.sentence_refs[doc as usize];
            text::analyze(
                self.knowledge.packs[r.pack].sentence_text(r.sentence),
                false,
            )
        })
    }

    /// The name a sentence that opens by referring back ("The country", "It") speaks of: the
    /// first name of the sentence it refers back to, its likely subject ("Fingers pointed at
    /// North Korea and the US held the nation responsible. The country denied it" speaks of
    /// North Korea, not the US). Through a chain of such sentences, the first one's. None for
    /// a sentence that does not refer back.
    ///
    /// A sentence that carries on a quotation speaks of whoever speaks it ("“I started
    /// preparing…”" after "“It's awesome,” said Hewitt" is Hewitt's); so does one that refers
    /// back to a quotation ("The 32-year-old will race…" after "“Winning the European title
    /// meant so much,” said Yelling"): the names inside the quotation are what is said.
    pub(crate) fn antecedent_names(&self, doc: DocId) -> Vec<&str> {
        let Some(root) = self.antecedent_root(doc) else {
            return Vec::new();
        };
        if speech::continues_a_quotation(self.sentence_text(doc))
            || speech::quotation_end(self.sentence_text(root)).is_some()
        {
            if let Speakers::Named(names) = self.speakers(root) {
                if !names.is_empty() {
                    return names.into_iter().map(|(_, term)| term).collect();
                }
            }
        }
        self.first_name_in(root)
    }

    /// Whom a text's "the mayor" stands for in pack `pack`, among the first `before` of its
    /// `tokens` (see [`Descriptors`]); None when it has no such word or names that person.
    pub(crate) fn described<'a, 't>(
        &'a self,
        pack: usize,
        tokens: &'t [Token],
        before: usize,
    ) -> Option<Described<'a, 't>> {
        self.descriptors.get(pack)?.described(tokens, before)
    }

    /// Does pack `pack` write `term` as the last word of a longer name, a surname?
    pub(crate) fn is_surname(&self, pack: usize, term: &str) -> bool {
        self.descriptors
            .get(pack)
            .is_some_and(|d| d.is_surname(term))
    }

    /// The terms of the one full name pack `pack` ends with surname `term`, if any.
    pub(crate) fn full_name(&self, pack: usize, term: &str) -> Option<&[String]> {
        self.descriptors.get(pack)?.full_name(term)
    }

    /// The name terms sentence `doc`'s "the mayor" stands for, among its first `before` tokens.
    pub(crate) fn described_names(&self, doc: DocId, before: usize) -> Vec<&str> {
        let pack = self.sentence_refs[doc as usize].pack;
        self.described(pack, self.tokens_of(doc), before)
            .map_or_else(Vec::new, |found| found.terms)
    }

    /// The text of sentence document `doc`.
    pub(crate) fn sentence_text(&self, doc: DocId) -> &str {
        let r = self.sentence_refs[doc as usize];
        self.knowledge.packs[r.pack].sentence_text(r.sentence)
    }

    /// The sentence a chain of sentences that refer back starts from, for sentence `doc`;
    /// None when `doc` does not refer back.
    pub(crate) fn antecedent_root(&self, doc: DocId) -> Option<DocId> {
        let mut at = self.antecedent[doc as usize]?;
        while let Some(earlier) = self.antecedent[at as usize] {
            at = earlier;
        }
        Some(at)
    }

    /// The terms of the first name a sentence holds ("north", "korea"), a capitalised word
    /// opening it included when it is usually a name, in news or in the articles ("Titan
    /// pleaded guilty", "Wilkinson, who has not played…").
    fn first_name_in(&self, doc: DocId) -> Vec<&str> {
        let tokens = self.tokens_of(doc);
        let is_name =
            |i: usize| name_word_at(tokens, i, |term| self.sentences.never_lowercase_name(term));
        let Some(start) = (0..tokens.len()).find(|&i| is_name(i)) else {
            return Vec::new();
        };
        (start..tokens.len())
            .take_while(|&i| is_name(i))
            .map(|i| tokens[i].term.as_str())
            .collect()
    }

    /// Is `t` a word of a name: typed capitalised (or an acronym), a word news text mostly
    /// writes as a name, or one the loaded articles do? For text typed in lowercase in a chat
    /// ("the fbi", "sony"), the last two are what tells.
    pub(crate) fn names_something(&self, t: &Token) -> bool {
        t.role == TokenRole::Content
            && !t.number
            && (t.proper
                || text::general::usually_a_name(&t.term, &t.surface)
                || self.sentences.is_name(&t.term))
    }

    pub(crate) fn sentence_ref(&self, doc: DocId) -> SentenceRef {
        self.sentence_refs[doc as usize]
    }

    /// The sentence document of (pack, sentence).
    pub(crate) fn sentence_doc(&self, pack: usize, sentence: usize) -> Option<DocId> {
        let range = self.sentences.pack_docs(pack);
        let doc = range.start + sentence as DocId;
        (doc < range.end).then_some(doc)
    }

    pub(crate) fn topic_ref(&self, doc: DocId) -> TopicRef {
        self.phrasing_refs[doc as usize]
    }

    /// The topic a phrasing reference points at.
    pub(crate) fn topic_at(&self, r: TopicRef) -> &Topic {
        &self.knowledge.packs[r.pack].topics[r.topic]
    }

    /// Topic command names closest to `typed` (typo tolerant), for "did you mean".
    pub fn similar_topics(&self, typed: &str, limit: usize) -> Vec<String> {
        let typed = text::normalize(typed.trim().trim_start_matches(['!', '/']));
        let mut scored: Vec<(f64, String)> = self
            .topics()
            .map(|(_, t)| {
                let sim = strsim::normalized_damerau_levenshtein(&typed, &t.command);
                let prefix = t.command.starts_with(&typed) || typed.starts_with(&t.command);
                (
                    if prefix && !typed.is_empty() {
                        sim.max(0.75)
                    } else {
                        sim
                    },
                    t.command.clone(),
                )
            })
            .filter(|(sim, _)| *sim >= 0.5)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().take(limit).map(|(_, c)| c).collect()
    }
}

/// True when a sentence opens by referring back to something named before it: a pronoun ("It
/// said", "They"), or "the" with a general noun ("The country", "The company", "The
/// 32-year-old"), after a short opening phrase or not ("Apart from this, it…").
fn opens_with_reference(sentence: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "it", "its", "they", "their", "he", "his", "she", "her", "this", "these", "those", "such",
    ];
    const GENERAL_NOUNS: &[&str] = &[
        "country",
        "nation",
        "company",
        "firm",
        "group",
        "government",
        "state",
        "regime",
        "bank",
        "club",
        "team",
        "organisation",
        "organization",
        "agency",
        "ministry",
        "studio",
        "airline",
        "man",
        "woman",
        "player",
        "singer",
        "actor",
        "actress",
        "star",
        "minister",
        "president",
        "party",
        "court",
        "board",
        "business",
        "carrier",
        "giant",
        "network",
        "film",
        "movie",
        "hackers",
        "hacker",
        "athlete",
        "champion",
        "official",
        "officials",
        "spokesman",
        "chief",
        "boss",
        "department",
        "body",
        "watchdog",
        "operator",
        "group's",
        "company's",
    ];
    // A joining word before it changes nothing: "And the 25-year-old will start…".
    const JOINING: &[&str] = &["and", "but", "so", "yet", "however", "meanwhile", "still"];
    let refers = |opening: &str| {
        let words: Vec<String> = opening
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                    .to_lowercase()
            })
            .skip_while(|w| JOINING.contains(&w.as_str()))
            .take(2)
            .collect();
        match words.as_slice() {
            [first, ..] if PRONOUNS.contains(&first.as_str()) => true,
            [the, noun, ..] if the == "the" => {
                GENERAL_NOUNS.contains(&noun.as_str()) || noun.ends_with("-year-old")
            }
            _ => false,
        }
    };
    // A short phrase set off by a comma comes first at times: "Apart from this, it has even
    // exposed…", "On Tuesday, the company said…".
    let after_opening_phrase = sentence
        .split_once(", ")
        .filter(|(phrase, _)| phrase.split_whitespace().count() <= MAX_OPENING_PHRASE_WORDS)
        .map(|(_, rest)| rest);
    refers(sentence) || after_opening_phrase.is_some_and(refers)
}

/// Most words of a phrase that opens a sentence before its subject ("Apart from this, it…").
const MAX_OPENING_PHRASE_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::opens_with_reference;

    #[test]
    fn a_sentence_refers_back_after_a_short_opening_phrase() {
        for sentence in [
            "It said no more.",
            "The company denied it.",
            "And the 25-year-old will start.",
            "Apart from this, it has even exposed sensitive records.",
            "On Tuesday, the company said it would appeal.",
        ] {
            assert!(opens_with_reference(sentence), "{sentence}");
        }
        for sentence in [
            "Sony was hacked.",
            "The hack was the worst of recent times.",
            "In the months after the attack on the studio, it was said that the hackers left.",
        ] {
            assert!(!opens_with_reference(sentence), "{sentence}");
        }
    }
}
