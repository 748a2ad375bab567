//! The English lexicon: stop and filler words, negations, question words, aliases, synonyms,
//! antonyms and mutually exclusive word sets.
//!
//! The data lives in `lexicon.toml` beside this file (compiled in), so it can be read and extended
//! without touching code. Every word is run through the same word splitter and stemmer as the
//! article, so entries match whatever inflection people type.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::analyze::{split_words, stem_word};
use super::typo::WordsByLen;

const LEXICON_TOML: &str = include_str!("lexicon.toml");
const WORDNET_TXT: &str = include_str!("wordnet.txt");
const MODIFIERS_TXT: &str = include_str!("modifiers.txt");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    stop_words: String,
    filler_words: String,
    confirmation_tags: String,
    negations: String,
    irregular: String,
    question_words: HashMap<String, QuestionCues>,
    aliases: Vec<Vec<String>>,
    synonyms: Vec<Vec<String>>,
    antonyms: Vec<[String; 2]>,
    exclusive_sets: Vec<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionCues {
    lead: Vec<String>,
    any: Vec<String>,
}

/// The kind of answer a question asks for, read from its question words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AnswerKind {
    Who,
    When,
    /// A clock time ("what time did it go out").
    TimeOfDay,
    /// A name ("what's the spokesman's name", "names pls").
    Name,
    /// An age ("how old is she").
    Age,
    /// A length of time ("how long did it last").
    Duration,
    Where,
    Why,
    HowMany,
    /// What an acronym stands for ("what does DPRK stand for").
    Expansion,
}

/// The compiled lexicon. Obtain it with [`Lexicon::get`].
#[derive(Debug)]
pub struct Lexicon {
    stop: HashSet<String>,
    filler: HashSet<String>,
    /// The stop and filler words again, for finding the one a typed word is a typo of.
    stop_by_len: WordsByLen,
    filler_by_len: WordsByLen,
    confirmation_tags: HashSet<String>,
    negations: HashSet<String>,
    /// Irregular word form to its base ("took" → "take").
    irregular: HashMap<String, String>,
    /// Alias phrases (as word sequences) to their canonical term.
    phrases: HashMap<Vec<String>, String>,
    /// A word of a multi-word alias ("kim" of "kim jong un") to the canonical terms of the
    /// aliases it is part of.
    alias_parts: HashMap<String, Vec<String>>,
    /// Multi-word phrases keyed by the stems of their words' base forms, so "turns down" and
    /// "turned down" find "turn down".
    stem_phrases: HashMap<Vec<String>, String>,
    /// The longest phrase, in words.
    pub(crate) longest_phrase: usize,
    /// The alias phrases again, grouped by word count and sorted, for typo-tolerant matching.
    phrases_by_len: Vec<Vec<(Vec<String>, String)>>,
    /// Term to the other terms that mean nearly the same.
    synonyms: HashMap<String, Vec<String>>,
    antonyms: HashMap<String, Vec<String>>,
    /// Term to the indexes of the exclusive sets it belongs to.
    exclusive: HashMap<String, Vec<usize>>,
    /// (cue words, kind, counts only near the start).
    question_words: Vec<(Vec<String>, AnswerKind, bool)>,
    /// Every single word of the synonym groups, as written.
    synonym_surfaces: Vec<String>,
    /// General synonyms from WordNet (`wordnet.txt`), by term: weaker than the curated groups.
    related: HashMap<String, Vec<String>>,
    /// Words that are mostly adjectives or adverbs (`modifiers.txt`).
    modifiers: HashSet<String>,
}

impl Lexicon {
    /// The lexicon, compiled once on first use.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            // The lexicon is compiled into the binary and covered by tests; a parse failure is a
            // build defect, so falling back to an empty lexicon would only hide it.
            let raw: RawLexicon = toml::from_str(LEXICON_TOML)
                .unwrap_or_else(|e| panic!("built-in lexicon.toml is invalid: {e}"));
            Lexicon::compile(raw)
        })
    }

    fn compile(raw: RawLexicon) -> Lexicon {
        let words =
            |s: &str| -> HashSet<String> { s.split_whitespace().map(str::to_owned).collect() };
        let mut lex = Lexicon {
            stop: words(&raw.stop_words),
            filler: words(&raw.filler_words),
            stop_by_len: WordsByLen::new(raw.stop_words.split_whitespace()),
            filler_by_len: WordsByLen::new(raw.filler_words.split_whitespace()),
            confirmation_tags: words(&raw.confirmation_tags),
            negations: words(&raw.negations),
            irregular: raw
                .irregular
                .split_whitespace()
                .filter_map(|pair| pair.split_once('='))
                .map(|(form, base)| (form.to_owned(), base.to_owned()))
                .collect(),
            phrases: HashMap::new(),
            alias_parts: HashMap::new(),
            longest_phrase: 1,
            phrases_by_len: Vec::new(),
            stem_phrases: HashMap::new(),
            synonyms: HashMap::new(),
            antonyms: HashMap::new(),
            exclusive: HashMap::new(),
            question_words: Vec::new(),
            synonym_surfaces: Vec::new(),
            related: HashMap::new(),
            modifiers: MODIFIERS_TXT
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .map(str::to_owned)
                .collect(),
        };
        for line in WORDNET_TXT.lines().filter(|l| !l.starts_with('#')) {
            let mut words = line.split_whitespace();
            let Some(head) = words.next() else { continue };
            let term = stem_word(head);
            let list = lex.related.entry(term.clone()).or_default();
            for w in words {
                let t = stem_word(w);
                if t != term && !list.contains(&t) {
                    list.push(t);
                }
            }
        }
        for group in &raw.aliases {
            let canonical = canonical_term(&group[0]);
            for entry in group {
                lex.add_phrase(entry, &canonical);
            }
            // Only the canonical name's words: "kim" is part of "kim jong un", not of "north
            // korea" (whose aliases include "kim jong un's country").
            let words = split_words(&group[0]);
            if words.len() >= 2 {
                for word in words.into_iter().filter(|w| !lex.stop.contains(w)) {
                    lex.alias_parts
                        .entry(word)
                        .or_default()
                        .push(canonical.clone());
                }
            }
        }
        for group in &raw.synonyms {
            let mut terms: Vec<String> = Vec::new();
            for entry in group {
                let parts = split_words(entry);
                if parts.len() > 1 {
                    // Multi-word synonyms ("call off") become phrases for the group's first word.
                    lex.add_phrase(entry, &stem_word(&group[0]));
                } else if let Some(word) = parts.first() {
                    terms.push(lex.term_of(word));
                    lex.synonym_surfaces.push(word.clone());
                }
            }
            terms.sort();
            terms.dedup();
            for t in &terms {
                let entry = lex.synonyms.entry(t.clone()).or_default();
                entry.extend(terms.iter().filter(|o| *o != t).cloned());
            }
        }
        for list in lex.synonyms.values_mut() {
            list.sort();
            list.dedup();
        }
        for [a, b] in &raw.antonyms {
            let (a, b) = (lex.term_of(a), lex.term_of(b));
            lex.antonyms.entry(a.clone()).or_default().push(b.clone());
            lex.antonyms.entry(b).or_default().push(a);
        }
        for (i, set) in raw.exclusive_sets.iter().enumerate() {
            for word in set {
                let t = lex.term_of(word);
                lex.exclusive.entry(t).or_default().push(i);
            }
        }
        for (kind, list) in &raw.question_words {
            let kind = match kind.as_str() {
                "who" => AnswerKind::Who,
                "when" => AnswerKind::When,
                "time_of_day" => AnswerKind::TimeOfDay,
                "name" => AnswerKind::Name,
                "age" => AnswerKind::Age,
                "duration" => AnswerKind::Duration,
                "where" => AnswerKind::Where,
                "why" => AnswerKind::Why,
                "expansion" => AnswerKind::Expansion,
                _ => AnswerKind::HowMany,
            };
            for entry in &list.lead {
                lex.question_words.push((split_words(entry), kind, true));
            }
            for entry in &list.any {
                lex.question_words.push((split_words(entry), kind, false));
            }
        }
        // Sorted, so that when two phrases share stems the same one wins every run. A phrase
        // opening with "the" names a thing as written ("the leak", "the states"): its stemmed
        // form is something else ("the leaked emails", "the state").
        let mut stemmed: Vec<(Vec<String>, String)> = lex
            .phrases
            .iter()
            .filter(|(words, _)| words.len() > 1 && words[0] != "the")
            .map(|(words, c)| {
                (
                    words.iter().map(|w| stem_word(lex.base_form(w))).collect(),
                    c.clone(),
                )
            })
            .collect();
        stemmed.sort();
        for (key, canonical) in stemmed {
            lex.stem_phrases.entry(key).or_insert(canonical);
        }
        lex.phrases_by_len = vec![Vec::new(); lex.longest_phrase + 1];
        for (words, canonical) in &lex.phrases {
            lex.phrases_by_len[words.len()].push((words.clone(), canonical.clone()));
        }
        for group in &mut lex.phrases_by_len {
            group.sort();
        }
        // A fixed order (the TOML table is read in hash order): longer cues first, so "how
        // many" wins over a bare "how", then alphabetical.
        lex.question_words.sort_by(|a, b| {
            b.0.len()
                .cmp(&a.0.len())
                .then_with(|| a.0.cmp(&b.0))
                .then(a.2.cmp(&b.2))
        });
        lex
    }

    fn add_phrase(&mut self, entry: &str, canonical: &str) {
        let words = split_words(entry);
        if words.is_empty() {
            return;
        }
        self.longest_phrase = self.longest_phrase.max(words.len());
        self.phrases.insert(words, canonical.to_owned());
    }

    /// The term a single lexicon word stands for (its alias, or its stem).
    fn term_of(&self, word: &str) -> String {
        let words = split_words(word);
        if let Some(c) = self.phrases.get(&words) {
            return c.clone();
        }
        words
            .first()
            .map(|w| stem_word(self.base_form(w)))
            .unwrap_or_default()
    }

    /// The base form of an irregular word ("took" → "take"), or the word itself.
    pub fn base_form<'a>(&'a self, word: &'a str) -> &'a str {
        self.irregular.get(word).map_or(word, String::as_str)
    }
    pub fn is_stop(&self, word: &str) -> bool {
        self.stop.contains(word)
    }
    /// Is `typed` a stop word with the typos its length allows ("becuase")?
    pub fn is_stop_mistyped(&self, typed: &str) -> bool {
        self.stop_by_len.typos_of(typed).next().is_some()
    }
    /// Is `typed` a frame word with the typos its length allows ("acording")?
    pub fn is_filler_mistyped(&self, typed: &str) -> bool {
        self.filler_by_len.typos_of(typed).next().is_some()
    }
    /// A chat or question-frame word, in any of its "-s" forms too ("happens", "gets").
    pub fn is_filler(&self, word: &str) -> bool {
        self.filler.contains(word)
            || word
                .strip_suffix('s')
                .is_some_and(|base| base.len() > 2 && self.filler.contains(base))
    }
    /// A word that, closing a question, only asks for confirmation ("right?").
    pub fn is_confirmation_tag(&self, word: &str) -> bool {
        self.confirmation_tags.contains(word)
    }
    pub fn is_negation(&self, word: &str) -> bool {
        self.negations.contains(word)
    }
    /// The canonical terms of the multi-word aliases `word` is part of ("kim_jong_un" for
    /// "kim").
    pub fn aliases_with_word(&self, word: &str) -> &[String] {
        self.alias_parts.get(word).map_or(&[], Vec::as_slice)
    }
    /// The canonical term for an exact alias phrase.
    pub fn phrase(&self, words: &[String]) -> Option<&str> {
        self.phrases.get(words).map(String::as_str)
    }
    /// The canonical term for a multi-word phrase given as the stems of its words' base forms.
    pub fn stem_phrase(&self, stems: &[String]) -> Option<&str> {
        self.stem_phrases.get(stems).map(String::as_str)
    }
    /// Every key of [`Lexicon::stem_phrase`] (the stems of a multi-word phrase's words).
    pub fn stem_phrase_keys(&self) -> impl Iterator<Item = &Vec<String>> {
        self.stem_phrases.keys()
    }
    /// Every alias phrase with its canonical term, for typo-tolerant phrase matching.
    pub fn phrases(&self) -> impl Iterator<Item = (&Vec<String>, &String)> {
        self.phrases.iter()
    }
    /// The alias phrases of exactly `words` words, sorted, with their canonical terms.
    pub fn phrases_of_len(&self, words: usize) -> &[(Vec<String>, String)] {
        self.phrases_by_len.get(words).map_or(&[], Vec::as_slice)
    }
    /// True for a word that is mostly an adjective or adverb ("badly", "dangerous"): it
    /// qualifies what a question asks about rather than naming it.
    pub fn is_modifier(&self, word: &str) -> bool {
        self.modifiers.contains(word)
    }
    /// General related words (WordNet), weaker than [`Lexicon::synonyms`].
    pub fn related(&self, term: &str) -> &[String] {
        self.related.get(term).map(Vec::as_slice).unwrap_or(&[])
    }
    pub fn synonyms(&self, term: &str) -> &[String] {
        self.synonyms.get(term).map(Vec::as_slice).unwrap_or(&[])
    }
    /// Every single word that belongs to a synonym group, as written.
    pub fn synonym_words(&self) -> impl Iterator<Item = &str> {
        self.synonym_surfaces.iter().map(String::as_str)
    }
    pub fn antonyms(&self, term: &str) -> &[String] {
        self.antonyms.get(term).map(Vec::as_slice).unwrap_or(&[])
    }
    /// True when `a` and `b` are different members of one exclusive set.
    pub fn excludes(&self, a: &str, b: &str) -> bool {
        // "film" and "movie" share a set but say the same thing.
        if a == b || self.synonyms(a).iter().any(|s| s == b) {
            return false;
        }
        match (self.exclusive.get(a), self.exclusive.get(b)) {
            (Some(x), Some(y)) => x.iter().any(|i| y.contains(i)),
            _ => false,
        }
    }
    /// The other members of the exclusive sets `term` belongs to.
    pub fn exclusive_rivals<'a>(&'a self, term: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let sets = self.exclusive.get(term).map(Vec::as_slice).unwrap_or(&[]);
        self.exclusive
            .iter()
            .filter(move |(other, in_sets)| {
                *other != term && in_sets.iter().any(|i| sets.contains(i))
            })
            .map(|(other, _)| other.as_str())
            .filter(move |other| !self.synonyms(term).iter().any(|s| s == other))
    }
    /// True when `term` belongs to any exclusive set.
    pub fn in_exclusive_set(&self, term: &str) -> bool {
        self.exclusive.contains_key(term)
    }
    /// The kind of answer the question words in `words` (lowercase, in order) ask for: `lead`
    /// cues count within the first four words, the others anywhere.
    /// Returns the kind and the cue's words, which say what is asked rather than what about.
    pub fn answer_kind(&self, words: &[String]) -> Option<(AnswerKind, &[String])> {
        const LEAD_WORDS: usize = 4;
        // The cue that comes first in the question wins; at one position, the longest.
        let mut best: Option<(usize, AnswerKind, &[String])> = None;
        for (cue, kind, lead) in &self.question_words {
            // "which town", and with a word that describes it between: "which swiss town".
            let describable = cue.len() == 2 && matches!(cue[0].as_str(), "which" | "what");
            let described = |w: &[String]| w[0] == cue[0] && w[2] == cue[1] && !self.is_stop(&w[1]);
            let hit = words
                .windows(cue.len())
                .position(|w| w == cue.as_slice())
                .or_else(|| {
                    describable
                        .then(|| words.windows(3).position(described))
                        .flatten()
                });
            if let Some(at) = hit.filter(|&at| !lead || at < LEAD_WORDS) {
                if best.is_none_or(|(b, _, _)| at < b) {
                    best = Some((at, *kind, cue.as_slice()));
                }
            }
        }
        best.map(|(_, kind, cue)| (kind, cue))
    }

    /// Is `words` (lowercase, in order) a whole cue of some kind ("stand for")?
    pub fn is_cue(&self, words: &[&str]) -> bool {
        self.question_words
            .iter()
            .any(|(cue, _, _)| cue.iter().map(String::as_str).eq(words.iter().copied()))
    }

    /// Every cue of `kind` in `words` (lowercase, in order), wherever it stands: "how much …
    /// worth" holds two cues of an amount.
    pub fn cues_of<'a>(
        &'a self,
        kind: AnswerKind,
        words: &'a [String],
    ) -> impl Iterator<Item = &'a [String]> + 'a {
        self.question_words
            .iter()
            .filter(move |(cue, k, _)| {
                *k == kind && words.windows(cue.len()).any(|w| w == cue.as_slice())
            })
            .map(|(cue, _, _)| cue.as_slice())
    }
}

/// The term name of an alias group: its canonical words joined by `_`.
fn canonical_term(name: &str) -> String {
    split_words(name).join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The term `word` becomes as the analysis reads it: irregular forms and phrases become one.
    fn term(word: &str) -> String {
        crate::text::analyze(word, false)
            .first()
            .map(|t| t.term.clone())
            .unwrap_or_default()
    }

    /// Do `a` and `b` read as one word: the same term, or synonyms?
    fn linked(a: &str, b: &str) -> bool {
        term(a) == term(b) || Lexicon::get().synonyms(&term(a)).contains(&term(b))
    }

    #[test]
    fn lexicon_compiles_and_links_groups() {
        let lex = Lexicon::get();
        assert!(lex.is_stop("the"));
        assert!(lex
            .synonyms(&stem_word("film"))
            .contains(&stem_word("movie")));
        assert!(lex
            .antonyms(&stem_word("admitted"))
            .contains(&stem_word("deny")));
        assert!(lex.excludes(&stem_word("documentary"), &stem_word("movie")));
        assert!(!lex.excludes(&stem_word("film"), &stem_word("movie")));
        assert_eq!(lex.phrase(&split_words("dprk")), Some("north_korea"));
    }

    #[test]
    fn a_phrase_belongs_to_one_synonym_group() {
        // A phrase stands for its group's first word; in a second group it would silently
        // stand for that one instead.
        let raw: RawLexicon = toml::from_str(LEXICON_TOML).expect("lexicon parses");
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for group in &raw.synonyms {
            for entry in group.iter().filter(|e| split_words(e).len() > 1) {
                if let Some(first) = seen.insert(entry, &group[0]) {
                    panic!("{entry:?} is in the groups of {first:?} and {:?}", group[0]);
                }
            }
        }
    }

    #[test]
    fn a_match_up_and_a_sports_ground_read_as_people_write_them() {
        let lex = Lexicon::get();
        // "hewitt vs roddick": the two names are what is asked about, not "vs".
        assert!(lex.is_stop("vs") && lex.is_stop("versus"));
        assert!(lex
            .synonyms(&stem_word("ground"))
            .contains(&stem_word("stadium")));
        // "what did they pay in total" asks for an amount.
        let words = split_words("what did they pay in total");
        assert_eq!(
            lex.answer_kind(&words).map(|(kind, _)| kind),
            Some(AnswerKind::HowMany)
        );
    }

    #[test]
    fn slang_for_anger_and_selling_and_running_a_study_reads_as_the_plain_word() {
        // "was he pissed" asks whether he was furious; "will they flog him" whether they sell.
        assert!(linked("pissed", "furious") && linked("fuming", "angry"));
        assert!(linked("flog", "sell"));
        // "who ran the survey" asks who carried it out; "the opening set" is the first one.
        assert!(linked("ran", "conducted") && linked("run", "carried out"));
        assert!(linked("opening", "first"));
        // "when is he coming back" asks about his return.
        assert!(linked("coming back", "return"));
        // "what started the trouble" asks what sparked it; "who does he play" his portrayal.
        assert!(linked("started", "sparked") && linked("play", "portrayal"));
        // "the claims rest on the findings" is what "based on the findings" says.
        assert_eq!(term("rests on"), term("based on"));
    }

    #[test]
    fn the_leak_is_the_hack_but_leaking_is_exposing() {
        // "who got embarrassed by the leak" asks about the hack; "did their data get leaked"
        // about what it exposed.
        assert!(linked("the leak", "hack") && linked("the leaks", "breach"));
        assert!(!linked("leaked", "hack") && linked("leaked", "exposed"));
        let hack = term("hack");
        let leaked = crate::text::analyze("what was in the leaked emails", false);
        assert!(leaked.iter().all(|t| t.term != hack), "{leaked:?}");
        // Nor is "the state" the United States, as "the states" is.
        assert_ne!(term("the state"), term("the states"));
    }

    #[test]
    fn idioms_for_bribes_failed_talks_offers_and_titles_read_as_the_plain_word() {
        // "paying off officials" is bribing them, and doing so "illegal" makes it "a crime".
        assert!(linked("paying off", "bribe") && linked("illegal", "crime"));
        // "why did the talks fall apart" asks why they broke down.
        assert!(linked("fell apart", "break down") && linked("fall through", "collapsed"));
        // "what did he put on the table" asks what he offered; "won the league", the title.
        assert!(linked("put on the table", "offer") && linked("league", "championship"));
    }

    #[test]
    fn light_verbs_frame_questions_and_idioms_read_as_the_plain_word() {
        let lex = Lexicon::get();
        // "who lodged the complaint" asks who complained, as "who made the complaint" does;
        // "who is quoted" asks who said it. Neither verb is what the question is about.
        for word in ["lodged", "lodge", "quoted", "quote"] {
            assert!(lex.is_filler(word), "{word} should frame, not match");
        }
        // …and "lodge" is not a word for "mean" or "call".
        assert!(!linked("called", "lodged"));
        // "was she nervous about how people would take her" asks whether she was sceptical.
        assert!(linked("nervous", "sceptical"));
        // "he won't apologise for the jibe" is "he refused to retract the insult".
        assert!(linked("apologise", "retract") && linked("jibe", "insult"));
        // "they cooked the books" is "they falsified the accounts".
        assert_eq!(term("cooked the books"), term("falsified"));
        // "used right now" is "currently used"; "on its own", "by itself"; "broke down
        // barriers", "broken boundaries"; a "row" is a dispute.
        assert!(linked("right now", "currently") && linked("on its own", "by itself"));
        assert!(linked("barriers", "boundaries") && linked("row", "dispute"));
        // "read from far away" is "read from a distance".
        assert_eq!(term("far away"), term("distance"));
    }

    #[test]
    fn owning_up_sizes_and_peoples_read_as_the_plain_word() {
        let lex = Lexicon::get();
        // "did they cop to it" asks whether they admitted it; "how bad was it", how serious.
        assert!(linked("cop to", "admit") && linked("come clean", "confess"));
        assert!(linked("bad", "worst") && linked("bad", "serious"));
        // "how tall is he" asks for a measure, as "how big" does: a sentence without a
        // number cannot answer it.
        for question in ["how tall is he", "how fast is it growing"] {
            let words = split_words(question);
            assert_eq!(
                lex.answer_kind(&words).map(|(kind, _)| kind),
                Some(AnswerKind::HowMany),
                "{question}"
            );
        }
        // "how quick", as chat writes "how quickly", asks how long.
        let words = split_words("how quick did he score");
        assert_eq!(
            lex.answer_kind(&words).map(|(kind, _)| kind),
            Some(AnswerKind::Duration)
        );
        // "a swiss town" is in Switzerland; "the dutch keeper" from the Netherlands.
        assert!(linked("swiss", "switzerland") && linked("dutch", "netherlands"));
        // British parties by their everyday names; "what's their view" asks what they say.
        assert_eq!(term("tories"), term("conservative party"));
        assert_eq!(term("lib dems"), term("liberal democrats"));
        assert_eq!(term("govt"), term("government"));
        assert!(lex.is_filler("view") && lex.is_filler("stance"));
        // "which swiss town" asks where, as "which town" does.
        let words = split_words("which swiss town hosts it");
        assert_eq!(
            lex.answer_kind(&words).map(|(kind, _)| kind),
            Some(AnswerKind::Where)
        );
    }
}
