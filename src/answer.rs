//! Answering a question: rank the article's sentences, decide whether the article really answers
//! it, and build an [`Answer`] of verbatim, cited quotes — or an honest "the article doesn't say".
//!
//! The decision rests on measurements, not on any list of questions:
//! - *candidates*: a sentence can answer only if it holds enough of the question's meaning and
//!   the kind of answer asked for (a "when" question needs a time, "what does X stand for" a
//!   sentence spelling X out). No candidate: decline.
//! - *pack coverage*: how much of the question's meaning (its content words, weighted by
//!   rarity) the article uses at all, after synonyms and typo correction. A question about a
//!   director, a cost or the weather uses words the article never does.
//! - *sentence coverage*: how much of it the candidate holds; both coverages are also measured
//!   with words weighted by their rarity in general news text ([`crate::text::general`]).
//!
//! [`crate::answerability`] weighs these into a probability, the answer's confidence; below its
//! threshold the question is declined.
//!
//! Curated topics (from `facts.toml`) lift the sentences they quote when the question reads
//! like one of the topic's phrasings.

use std::collections::HashSet;
use std::iter::Peekable;

use serde::Serialize;

use crate::answerability::{self, Measurements};
use crate::engine::{Engine, SentenceRef};
use crate::search::{build_query, DocId, Index, Query};
use crate::speech::Speakers;
use crate::text::{self, AnswerKind, Lexicon, Token, TokenRole};

/// Longest input matched, in characters (Discord's own message limit is 4,000).
pub const MAX_INPUT_CHARS: usize = 4000;
/// Most citations in an answer.
pub const MAX_CITATIONS: usize = 3;
/// Below this share of the question's meaning found in the best sentence, decline.
const MIN_SENTENCE_COVERAGE: f32 = 0.4;
/// How many candidates after the best-scored one may be cited first instead, when they are
/// likelier to answer…
const NEAR_TOP_CANDIDATES: usize = 3;
/// …and score at least this share of the best one.
const NEAR_TOP_SCORE: f32 = 0.6;
/// Lift for a sentence whose name follows the noun of the cue ("which group": "the hacker
/// group, self named as the Guardians of Peace").
const KIND_NOUN_LIFT: f32 = 1.5;
/// Lift per pair of neighbouring question words a sentence holds side by side, in order.
const PAIR_LIFT: f32 = 0.25;
/// How many tokens after the noun of a cue ("which group") its name may stand.
const KIND_NOUN_REACH: usize = 6;
/// Share of its weight an unknown adjective or adverb keeps.
const UNKNOWN_MODIFIER_WEIGHT: f32 = 0.35;
/// Share of its weight an unknown word keeps when a general synonym of it is in the article.
const UNKNOWN_RELATED_WEIGHT: f32 = 0.5;
/// Share of a name's weight a sentence gets for naming it only through a reference back.
const ANAPHOR_SHARE: f32 = 0.6;
/// How much a "why" question prefers sentences that give a reason.
const WHY_REASON_LIFT: f32 = 1.3;
/// How much a "who" question prefers sentences that name someone new.
const WHO_NAME_LIFT: f32 = 1.25;
/// How much a "where" question prefers sentences that put something in a named place.
const WHERE_PLACE_LIFT: f32 = 1.25;
/// And again when the name stands right after a question word ("reporter Oliver Finegold").
const APPOSITION_LIFT: f32 = 1.2;
/// How strongly routing between packs prefers the pack that uses more of the question's words.
const ROUTE_COVERAGE_POWER: f32 = 2.0;
/// How much more a name counts than another word when routing a question to a pack.
const ROUTE_NAME_WEIGHT: f32 = 2.0;
/// News puts what matters first: a sentence in paragraph p scores `1 + LEAD_PRIOR / p` times
/// as much (the headline is paragraph 1, so the lead gets a tenth more).
const LEAD_PRIOR: f32 = 0.2;
/// A curated phrasing this similar to the question lifts its topic.
const MIN_TOPIC_SIMILARITY: f32 = 0.6;
/// Words by which an article says it does not know or will not give a name ("an unnamed
/// agent", "the mystery investor"): such a sentence cannot tell who that is.
const WITHHELD_NAME: &[&str] = &[
    "unnamed",
    "mystery",
    "unidentified",
    "anonymous",
    "undisclosed",
    "unknown",
];

/// A verbatim quote and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Byte-exact text from the article.
    pub quote: String,
    /// The pack id.
    pub source: String,
    /// 1-based paragraph (the headline is paragraph 1).
    pub paragraph: usize,
    /// 1-based sentence within the paragraph.
    pub sentence: usize,
}

/// The answer to one question.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub question: String,
    pub answered: bool,
    /// A one-line summary: the curated topic's summary, or the best quote itself; when not
    /// answered, a sentence saying so.
    pub answer: String,
    pub citations: Vec<Citation>,
    pub confidence: f32,
    /// Topic command names to try instead (when not answered).
    pub suggestions: Vec<String>,
    /// The curated topic the answer comes from, if any.
    #[serde(skip)]
    pub topic: Option<String>,
    /// The pack answered from.
    #[serde(skip)]
    pub pack: Option<usize>,
    /// Another pack that also fits the question well.
    #[serde(skip)]
    pub also_in: Option<usize>,
    /// The question was longer than [`MAX_INPUT_CHARS`] and was cut.
    #[serde(skip)]
    pub truncated: bool,
    /// Why the question was declined, when it was.
    #[serde(skip)]
    pub declined: Option<DeclineReason>,
}

/// Why a question was declined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclineReason {
    /// No content words to match.
    NoWords,
    /// Too much of the question's meaning is absent from the article.
    NotInArticle,
    /// No single sentence holds enough of it.
    NoSentence,
    /// Sentences match, but none holds the kind of answer asked for (a time, a number).
    WrongKind,
}

/// Cuts `text` to at most [`MAX_INPUT_CHARS`] characters, on a character boundary and, when
/// the limit falls inside a word, before that word: half a word ("who hac") would be matched
/// as an unknown word of its own and could sink the whole question.
pub fn cut_input(text: &str) -> (&str, bool) {
    let Some((at, next)) = text.char_indices().nth(MAX_INPUT_CHARS) else {
        return (text, false);
    };
    let head = &text[..at];
    if !next.is_alphanumeric() {
        return (head, true);
    }
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    // A single word longer than the limit is kept as cut: there is nothing before it.
    let end = if word_start == 0 { at } else { word_start };
    (&text[..end], true)
}

/// A sentence ranked for a query.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub doc: DocId,
    pub at: SentenceRef,
    pub score: f32,
    /// Share of the query's weight this sentence matches.
    pub coverage: f32,
    pub matched: u64,
}

/// Everything retrieval learned about a text, shared by answers and fact checks.
#[derive(Debug)]
pub(crate) struct Retrieval {
    pub tokens: Vec<Token>,
    /// The kind of answer the text asks for, if it is a question with a cue.
    pub kind: Option<AnswerKind>,
    pub query: Query,
    pub pack: usize,
    /// Weight of each query word (BM25 idf within the pack; unknown words weigh the most).
    pub weights: Vec<f32>,
    /// Weight of each query word by its rarity in general news text
    /// ([`text::general::general_idf`]), with the same discounts.
    pub general_weights: Vec<f32>,
    /// Whether each query word occurs in the pack (itself, a synonym or a typo correction).
    pub known: Vec<bool>,
    /// Whether the question sets each query word aside ("besides the celebrity stuff"): it
    /// weighs nothing, and a sentence naming another of its kind still answers.
    pub set_aside: Vec<bool>,
    pub pack_coverage: f32,
    /// [`Retrieval::pack_coverage`] with the general weights.
    pub pack_coverage_general: f32,
    /// The pack's sentences that match, best first.
    pub ranked: Vec<Ranked>,
    /// The curated topic whose phrasing fits best, with its similarity.
    pub topic: Option<(usize, f32)>,
    /// Second-best pack, when its best score is close.
    pub runner_up: Option<usize>,
}

impl Engine {
    /// Answers a question from all packs.
    pub fn ask(&self, question: &str) -> Answer {
        self.ask_in(question, None)
    }

    /// Answers a question from the given packs only (`None`: all packs).
    pub fn ask_in(&self, question: &str, packs: Option<&[usize]>) -> Answer {
        let (text, truncated) = cut_input(question);
        let blanked = text::blank_markup(text);
        let text = blanked.as_ref();
        let summary = is_summary_request(text);
        let mut answer = match self.retrieve(text, packs) {
            Some(r) if summary => self.lead_answer(r.pack),
            Some(r) => self.decide(&r),
            None => match self.only_pack(packs) {
                Some(pack) if summary => self.lead_answer(pack),
                _ => self.decline(text, None),
            },
        };
        answer.question = question.to_owned();
        answer.truncated = truncated;
        answer
    }

    /// The one pack in scope, if there is exactly one.
    fn only_pack(&self, packs: Option<&[usize]>) -> Option<usize> {
        match packs {
            Some([only]) => Some(*only),
            Some(_) => None,
            None => (self.packs().len() == 1).then_some(0),
        }
    }

    /// A summary of a pack: its headline and the first sentences of the article.
    fn lead_answer(&self, p: usize) -> Answer {
        let pack = &self.packs()[p];
        let citations: Vec<Citation> = (0..pack.sentences.len())
            .filter(|&i| i == 0 || !pack.sentences[i].heading)
            .take(MAX_CITATIONS)
            .map(|i| {
                self.citation(SentenceRef {
                    pack: p,
                    sentence: i,
                })
            })
            .collect();
        Answer {
            question: String::new(),
            answered: true,
            answer: citations
                .get(1)
                .or(citations.first())
                .map(|c| c.quote.clone())
                .unwrap_or_default(),
            citations,
            confidence: 1.0,
            suggestions: Vec::new(),
            topic: None,
            pack: Some(p),
            also_in: None,
            truncated: false,
            declined: None,
        }
    }

    /// The answer for a curated topic command: its summary and quotes.
    pub fn topic_answer(&self, command: &str) -> Option<Answer> {
        let (p, pack) = self
            .packs()
            .iter()
            .enumerate()
            .find(|(_, p)| p.topics.iter().any(|t| t.command == command))?;
        let topic = pack.topics.iter().find(|t| t.command == command)?;
        let citations = topic
            .quotes
            .iter()
            .take(MAX_CITATIONS)
            .map(|q| {
                self.citation(SentenceRef {
                    pack: p,
                    sentence: q.sentence,
                })
            })
            .collect();
        Some(Answer {
            question: command.to_owned(),
            answered: true,
            answer: topic.summary.clone(),
            citations,
            confidence: 1.0,
            suggestions: Vec::new(),
            topic: Some(topic.command.clone()),
            pack: Some(p),
            also_in: None,
            truncated: false,
            declined: None,
        })
    }

    /// The citation for a whole sentence.
    pub(crate) fn citation(&self, at: SentenceRef) -> Citation {
        let pack = &self.packs()[at.pack];
        let s = &pack.sentences[at.sentence];
        Citation {
            quote: pack.article[s.span.clone()].to_owned(),
            source: pack.id.clone(),
            paragraph: s.paragraph,
            sentence: s.index,
        }
    }

    /// Ranks the sentences of the best-fitting pack for question `text`.
    pub(crate) fn retrieve(&self, text: &str, packs: Option<&[usize]>) -> Option<Retrieval> {
        self.retrieve_as(text, packs, true)
    }

    /// Ranks the sentences of the best-fitting pack for `text`, a question or (with
    /// `question` false) a claim. A claim asks for no kind of answer: its "named" or "when"
    /// is what it states ("the minister named someone"), not a cue.
    pub(crate) fn retrieve_as(
        &self,
        text: &str,
        packs: Option<&[usize]>,
        question: bool,
    ) -> Option<Retrieval> {
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
        // Word by word: a phrase token ("stand for") may hold a cue.
        let words: Vec<String> = tokens
            .iter()
            .flat_map(|t| t.surface.split(' ').map(str::to_owned))
            .collect();
        let asked = if question {
            Lexicon::get().answer_kind(&words)
        } else {
            None
        };
        // The noun of a cue ("which *group*"): the kind of one asked for.
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
        let query = build_query(&tokens, &self.sentences);
        // Another cue of the kind asked ("how much … worth", "… in total") restates what is
        // asked; where the article lacks it, it says nothing of which sentence answers.
        let restates_kind: Vec<bool> = query
            .words
            .iter()
            .map(|w| {
                kind.is_some_and(|kind| {
                    Lexicon::get()
                        .cues_of(kind, &words)
                        .any(|cue| w.surface.split(' ').all(|s| cue.iter().any(|c| c == s)))
                })
            })
            .collect();
        if query.words.is_empty() {
            return None;
        }
        let allowed = |p: usize| packs.is_none_or(|list| list.contains(&p));
        let hits = self.sentences.search(&query, None);
        let topic_sims = self.topic_similarities(&tokens, &query);

        // Best score per pack, with curated topics lifting the sentences they quote.
        let mut boosted: Vec<(DocId, f32, u64)> = Vec::with_capacity(hits.len());
        for hit in &hits {
            let at = self.sentence_ref(hit.doc);
            if !allowed(at.pack) {
                continue;
            }
            let heading = self.packs()[at.pack].sentences[at.sentence].heading;
            let paragraph = self.packs()[at.pack].sentences[at.sentence].paragraph as f32;
            let factor = match (heading, at.sentence) {
                (true, 0) => 0.6,
                (true, _) => 0.3,
                _ => 1.0 + LEAD_PRIOR / paragraph,
            };
            boosted.push((hit.doc, hit.score * factor, hit.matched));
        }
        if boosted.is_empty() {
            return None;
        }
        let top = boosted.iter().map(|b| b.1).fold(0.0f32, f32::max);
        let mut topic_of_pack: Vec<(usize, usize, f32)> = Vec::new();
        for &(r, sim) in &topic_sims {
            if sim < MIN_TOPIC_SIMILARITY || !allowed(r.pack) {
                continue;
            }
            if topic_of_pack.iter().any(|(p, _, _)| *p == r.pack) {
                continue;
            }
            topic_of_pack.push((r.pack, r.topic, sim));
            let topic = self.topic_at(r);
            for (rank, quote) in topic.quotes.iter().enumerate() {
                let Some(doc) = self.sentence_doc(r.pack, quote.sentence) else {
                    continue;
                };
                let lift = sim * top * if rank == 0 { 0.8 } else { 0.6 };
                match boosted.iter_mut().find(|b| b.0 == doc) {
                    Some(b) => b.1 += lift,
                    None => boosted.push((doc, lift, 0)),
                }
            }
        }
        // Which query words each pack uses at all (in any sentence), to route the question to
        // the pack it is about: the one that holds most of its rarer words, then the best
        // sentence. Kept by pack index: a common word touches thousands of packs.
        let mut per_pack: Vec<Option<(f32, u64)>> = vec![None; self.packs().len()];
        for &(doc, score, matched) in &boosted {
            let e = per_pack[self.sentence_ref(doc).pack].get_or_insert((score, 0));
            e.0 = e.0.max(score);
            e.1 |= matched;
        }
        let mut best_per_pack: Vec<(usize, f32)> = per_pack
            .iter()
            .enumerate()
            .filter_map(|(p, e)| e.map(|(score, _)| (p, score)))
            .collect();
        if best_per_pack.len() > 1 {
            let global = self.routing_weights(&query);
            let total: f32 = global.iter().sum::<f32>().max(f32::EPSILON);
            for (pack, score) in &mut best_per_pack {
                let mask = per_pack[*pack].map_or(0, |e| e.1);
                let covered: f32 = global
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, w)| w)
                    .sum();
                *score *= (covered / total).powf(ROUTE_COVERAGE_POWER);
            }
        }
        best_per_pack.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let pack = best_per_pack[0].0;
        let runner_up = best_per_pack
            .get(1)
            .filter(|(_, s)| *s >= 0.8 * best_per_pack[0].1)
            .map(|(p, _)| *p);

        let pack_dfs = self.pack_dfs(&query, pack);
        let known: Vec<bool> = pack_dfs.iter().map(Option::is_some).collect();
        let rejected = rejected_alternative(&tokens, &query, &known);
        let weightless: Vec<bool> = restates_kind
            .iter()
            .zip(&rejected)
            .map(|(a, b)| *a || *b)
            .collect();
        let set_aside = set_aside_words(&tokens, &query);
        let (weights, general_weights) =
            self.word_weights(&query, pack, &pack_dfs, &weightless, &set_aside);
        let pack_coverage = share_of(&weights, |i| known[i]);
        let pack_coverage_general = share_of(&general_weights, |i| known[i]);
        let coverage_of = |matched: u64| share_of(&weights, |i| matched & (1 << i) != 0);
        let boosted = self.inherit_from_antecedents(boosted, &query, pack);
        let mut ranked: Vec<Ranked> = boosted
            .into_iter()
            .filter(|(doc, _, _)| self.sentence_ref(*doc).pack == pack)
            .map(|(doc, score, matched)| Ranked {
                doc,
                at: self.sentence_ref(doc),
                score,
                coverage: coverage_of(matched),
                matched,
            })
            .collect();
        let pairs = neighbouring_pairs(&query);
        if !pairs.is_empty() {
            for c in ranked.iter_mut() {
                c.score *= 1.0 + PAIR_LIFT * self.pairs_in_order(c.doc, &pairs) as f32;
            }
        }
        if let Some(kind) = kind {
            for c in &mut ranked {
                let lift = match kind {
                    AnswerKind::Why if self.sentence_gives_reason(c.at) => WHY_REASON_LIFT,
                    AnswerKind::Who | AnswerKind::Name
                        if self.name_after_kind_noun(c.doc, &kind_nouns, &query) =>
                    {
                        WHO_NAME_LIFT * KIND_NOUN_LIFT
                    }
                    AnswerKind::Who | AnswerKind::Name
                        if self.name_beside_question_word(c.doc, &query) =>
                    {
                        WHO_NAME_LIFT * APPOSITION_LIFT
                    }
                    AnswerKind::Who if self.sentence_names_someone(c.doc, &query) => WHO_NAME_LIFT,
                    AnswerKind::Where if self.sentence_names_place(c.doc, &query) => {
                        WHERE_PLACE_LIFT
                    }
                    _ => 1.0,
                };
                c.score *= lift;
            }
        }
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        let topic = topic_of_pack
            .iter()
            .find(|(p, _, _)| *p == pack)
            .map(|(_, t, s)| (*t, *s));
        Some(Retrieval {
            tokens,
            kind,
            query,
            pack,
            weights,
            general_weights,
            known,
            set_aside,
            pack_coverage,
            pack_coverage_general,
            ranked,
            topic,
            runner_up,
        })
    }

    /// Weight of each query word over all packs (BM25 idf of its most common alternative).
    /// How strongly each query word points to the packs that use it: words used by few packs
    /// (a name, a rare subject) route a question; words every pack uses do not.
    fn routing_weights(&self, query: &Query) -> Vec<f32> {
        let packs = self.sentences.pack_count().max(1) as f32;
        query
            .words
            .iter()
            .map(|word| {
                let own = self.sentences.pack_freq(&word.term);
                let pf = if own > 0 {
                    own
                } else {
                    word.alternatives
                        .iter()
                        .map(|(t, _)| self.sentences.pack_freq(t))
                        .max()
                        .unwrap_or(0)
                };
                let name = word
                    .alternatives
                    .iter()
                    .any(|(t, _)| self.sentences.is_name(t));
                match pf {
                    0 => 0.0,
                    // A question is about the names it mentions more than anything else.
                    _ if name => ROUTE_NAME_WEIGHT * (1.0 + packs / pf as f32).ln(),
                    _ => (1.0 + packs / pf as f32).ln(),
                }
            })
            .collect()
    }

    /// A sentence that opens by referring back ("The country however has denied…") also
    /// matches the name it refers to (the antecedent sentence's first name; see
    /// [`Engine::antecedent_names`]), at [`ANAPHOR_SHARE`] of its weight; so does a sentence
    /// whose "the mayor" stands for a name ([`Engine::described_names`]).
    fn inherit_from_antecedents(
        &self,
        mut boosted: Vec<(DocId, f32, u64)>,
        query: &Query,
        pack: usize,
    ) -> Vec<(DocId, f32, u64)> {
        for (doc, score, matched) in boosted.iter_mut() {
            if self.sentence_ref(*doc).pack == pack {
                self.inherit_names(*doc, query, score, matched);
            }
        }
        // A sentence that refers back holds its antecedent's name even when it holds no word
        // of the question itself ("how old is Wilkinson": "And the 25-year-old fly-half…").
        let hit: HashSet<DocId> = boosted.iter().map(|(doc, _, _)| *doc).collect();
        for doc in self.sentences.pack_docs(pack) {
            if self.antecedent[doc as usize].is_none() || hit.contains(&doc) {
                continue;
            }
            let (mut score, mut matched) = (0.0, 0);
            self.inherit_names(doc, query, &mut score, &mut matched);
            if matched != 0 {
                boosted.push((doc, score, matched));
            }
        }
        boosted
    }

    /// Adds to sentence `doc`'s score and matched words the question words its antecedent's
    /// (or its descriptor's) name holds.
    fn inherit_names(&self, doc: DocId, query: &Query, score: &mut f32, matched: &mut u64) {
        let mut names = self.antecedent_names(doc);
        names.extend(self.described_names(doc, usize::MAX));
        if names.is_empty() {
            return;
        }
        let n = self.sentences.doc_count();
        for (i, word) in query.words.iter().enumerate().take(64) {
            if *matched & (1 << i) != 0 {
                continue;
            }
            let inherited = word
                .alternatives
                .iter()
                .find(|(t, w)| *w >= crate::search::SYNONYM_WEIGHT && names.contains(&t.as_str()));
            if let Some((term, w)) = inherited {
                *matched |= 1 << i;
                *score += ANAPHOR_SHARE * w * Index::idf(self.sentences.df(term), n);
            }
        }
    }

    /// How many sentences of `pack` hold each query word, itself or through a close
    /// alternative (`None`: the pack never uses it).
    fn pack_dfs(&self, query: &Query, pack: usize) -> Vec<Option<usize>> {
        query
            .words
            .iter()
            .map(|word| {
                word.alternatives
                    .iter()
                    .filter(|(_, w)| *w > crate::search::RELATED_WEIGHT)
                    .map(|(t, _)| self.sentences.pack_df(t, pack))
                    .filter(|&df| df > 0)
                    .max()
            })
            .collect()
    }

    /// Weight of each query word within `pack`, from its [`Self::pack_dfs`] entry, and in
    /// general news text.
    /// `weightless[i]`: query word i, when the pack lacks it, weighs nothing: a cue of the kind
    /// asked beside the one that set it, or an alternative the question offers to turn down.
    fn word_weights(
        &self,
        query: &Query,
        pack: usize,
        pack_dfs: &[Option<usize>],
        weightless: &[bool],
        set_aside: &[bool],
    ) -> (Vec<f32>, Vec<f32>) {
        let n = self.sentences.pack_docs(pack).len();
        let mut weights = Vec::with_capacity(query.words.len());
        let mut general = Vec::with_capacity(query.words.len());
        for (i, word) in query.words.iter().enumerate() {
            let df = pack_dfs[i];
            let weight = Index::idf(df.unwrap_or(0), n);
            // An unknown word that only qualifies ("badly") says less about what is asked than
            // one that names a thing or an action ("director").
            let modifier = df.is_none() && Lexicon::get().is_modifier(&word.surface);
            // An unknown word with a general synonym in the article is likely a paraphrase.
            let related = df.is_none()
                && word.alternatives.iter().any(|(t, w)| {
                    *w <= crate::search::RELATED_WEIGHT && self.sentences.pack_df(t, pack) > 0
                });
            let share = if set_aside[i] || (df.is_none() && (word.compound || weightless[i])) {
                // "texas-based": its parts are query words of their own; "worth" beside "how
                // much" asks for the amount again.
                0.0
            } else if modifier {
                UNKNOWN_MODIFIER_WEIGHT
            } else if related
                || (df.is_none()
                    && (query.offers_alternatives || self.has_rival_in_pack(&word.term, pack)))
            {
                UNKNOWN_RELATED_WEIGHT
            } else {
                1.0
            };
            weights.push(weight * share);
            general.push(text::general::general_idf(&word.term) * share);
        }
        (weights, general)
    }

    /// Similarity of the question to each topic's best phrasing (binary cosine over content
    /// words), best first.
    fn topic_similarities(
        &self,
        tokens: &[Token],
        query: &Query,
    ) -> Vec<(crate::engine::TopicRef, f32)> {
        if self.phrasings.doc_count() == 0 {
            return Vec::new();
        }
        let phrasing_query = build_query(tokens, &self.phrasings);
        // How much of the question a phrasing holds, with rarer words counting more; and how
        // much of the phrasing the question holds. A topic fits when both are high.
        let n = self.sentences.doc_count();
        let importance: Vec<f32> = phrasing_query
            .words
            .iter()
            .map(|w| {
                Index::idf(
                    w.alternatives
                        .iter()
                        .map(|(t, _)| self.sentences.df(t))
                        .max()
                        .unwrap_or(0),
                    n,
                )
            })
            .collect();
        let total: f32 = importance.iter().sum::<f32>().max(f32::EPSILON);
        let mut best: Vec<(crate::engine::TopicRef, f32)> = Vec::new();
        for hit in self.phrasings.search(&phrasing_query, None) {
            let len = self.phrasings.doc_len(hit.doc).max(1) as f32;
            let held: f32 = importance
                .iter()
                .enumerate()
                .filter(|(i, _)| hit.matched & (1 << i) != 0)
                .map(|(_, w)| w)
                .sum();
            let exactness = hit.match_weight / hit.matched.count_ones().max(1) as f32;
            let phrasing_cover = (hit.matched.count_ones() as f32 / len).min(1.0);
            let sim = ((held / total) * phrasing_cover).sqrt() * exactness;
            let _ = query;
            let r = self.topic_ref(hit.doc);
            match best.iter_mut().find(|(t, _)| *t == r) {
                Some(e) => e.1 = e.1.max(sim),
                None => best.push((r, sim)),
            }
        }
        best.sort_by(|a, b| b.1.total_cmp(&a.1));
        best
    }

    /// Turns a retrieval into an answer, or declines.
    fn decide(&self, r: &Retrieval) -> Answer {
        let mut candidates = self.candidates(r).peekable();
        let (best, leading) = self.most_answerable(r, &mut candidates);
        // A question about what happened after the events ("did the US accept the offer in
        // the end") is answered only by a sentence that tells of later events too: the article
        // reports how things stood when it was written.
        // Likewise a question about what came before them ("has Sony been hacked before this")
        // is answered only by a sentence that looks back.
        let after = speaks_of_later_events(&r.tokens);
        let before = asks_about_earlier_events(&r.tokens);
        let best = best.filter(|(b, _)| {
            let tokens = self.tokens_of(b.doc);
            (!after || speaks_of_later_events(tokens))
                && (!before || speaks_of_earlier_events(tokens))
                && !opposite_only_as_hypothesis(&r.query, tokens)
        });
        let Some((best, probability)) = best.filter(|(_, p)| *p >= answerability::threshold())
        else {
            let reason = if best.is_some() || after || before {
                DeclineReason::NotInArticle
            } else if r.ranked.iter().any(|c| c.coverage >= MIN_SENTENCE_COVERAGE) {
                DeclineReason::WrongKind
            } else {
                DeclineReason::NoSentence
            };
            let mut answer = self.decline("", Some(r));
            answer.declined = Some(reason);
            return answer;
        };
        let mut citations = vec![self.citation(best.at)];
        for c in leading
            .into_iter()
            .chain(candidates)
            .filter(|c| c.doc != best.doc)
        {
            if citations.len() >= MAX_CITATIONS || c.score < 0.5 * best.score {
                break;
            }
            if self.packs()[c.at.pack].sentences[c.at.sentence].heading {
                continue;
            }
            citations.push(self.citation(c.at));
        }
        let pack = &self.packs()[r.pack];
        // The curated summary speaks for the answer only when its topic quotes the best sentence.
        let topic = r
            .topic
            .map(|(t, _)| &pack.topics[t])
            .filter(|t| t.quotes.iter().any(|q| q.sentence == best.at.sentence));
        let confidence = probability.clamp(0.0, 1.0);
        Answer {
            question: String::new(),
            answered: true,
            answer: topic.map_or_else(|| citations[0].quote.clone(), |t| t.summary.clone()),
            citations,
            confidence,
            suggestions: Vec::new(),
            topic: topic.map(|t| t.command.clone()),
            pack: Some(r.pack),
            also_in: r.runner_up,
            truncated: false,
            declined: None,
        }
    }

    /// The candidate to cite first, with the probability that it answers, and the leading
    /// candidates it was chosen among (taken from `candidates`, which stay lazy after them):
    /// the best-scored one, unless one of the [`NEAR_TOP_CANDIDATES`] after it that score at
    /// least [`NEAR_TOP_SCORE`] of it is likelier to answer (it holds more of the question,
    /// where the best owes its score to a few rare words or a curated topic).
    fn most_answerable<'a>(
        &self,
        r: &Retrieval,
        candidates: &mut Peekable<impl Iterator<Item = &'a Ranked>>,
    ) -> (Option<(&'a Ranked, f32)>, Vec<&'a Ranked>) {
        let Some(first) = candidates.next() else {
            return (None, Vec::new());
        };
        let mut leading = vec![first];
        while leading.len() <= NEAR_TOP_CANDIDATES {
            match candidates.next_if(|c| c.score >= NEAR_TOP_SCORE * first.score) {
                Some(c) => leading.push(c),
                None => break,
            }
        }
        // The first of the likeliest: a later one must be strictly likelier to be cited first.
        let pick = leading
            .iter()
            .map(|&c| (c, answerability::probability(&self.measure(r, c))))
            .reduce(|pick, c| if c.1 > pick.1 { c } else { pick });
        (pick, leading)
    }

    /// The sentences that could answer, best first: those holding enough of the question, of
    /// the kind asked for, and not about someone else. The checks that look into a sentence
    /// run lazily, only on those that get there.
    fn candidates<'a>(&'a self, r: &'a Retrieval) -> impl Iterator<Item = &'a Ranked> + 'a {
        // "X or Y?" leaves one alternative unmatched by design.
        let min_sentence = if r.query.offers_alternatives {
            MIN_SENTENCE_COVERAGE * 0.75
        } else {
            MIN_SENTENCE_COVERAGE
        };
        let speaker = self.asked_speaker(&r.tokens);
        let identity = asks_identity(r);
        r.ranked.iter().filter(move |c| {
            c.coverage >= min_sentence
                && r.kind
                    .is_none_or(|k| self.sentence_fits_kind(c.doc, k, &r.query))
                && !(identity && self.withholds_name(c.doc, &r.query))
                && !self.names_another(c.doc, &r.query, &r.set_aside)
                && self.speaker_fits(c.doc, &speaker)
        })
    }

    /// Does the sentence say it withholds the name of what the question names ("paying $2.1m
    /// to an unnamed agent" for "who was the agent")? Then it cannot say who that is.
    fn withholds_name(&self, doc: DocId, query: &Query) -> bool {
        self.tokens_of(doc)
            .windows(2)
            .any(|w| WITHHELD_NAME.contains(&w[0].surface.as_str()) && query.stands_for(&w[1].term))
    }

    /// The speaker a question asks about: "what did Sony say…", "who does the FBI say…" (the
    /// names right after a wh-word opening, before its word of speech). A yes/no question ("did Parry say
    /// who the investor is") is answered as well by a sentence that tells he would not say.
    fn asked_speaker<'t>(&self, tokens: &'t [Token]) -> Vec<&'t str> {
        const OPENERS: &[&str] = &["what", "whats", "how", "who", "whom", "which", "why"];
        let Some(opener) = tokens
            .first()
            .map(|t| t.surface.as_str())
            .filter(|s| OPENERS.contains(s))
        else {
            return Vec::new();
        };
        let mut named = self.named_speaker(tokens);
        // "What does the CIA think of it" wants the CIA's words; "who does the US think is
        // responsible" asks who, and a sentence saying whom the US holds responsible answers.
        if named.is_empty() && matches!(opener, "what" | "whats" | "how") {
            named = self.named_opinion_holder(tokens);
        }
        named.into_iter().map(|t| t.term.as_str()).collect()
    }

    /// Can sentence `doc` tell what `speaker` said? It reports speech, and that speaker's (or
    /// a pronoun's, which may stand for them). Any sentence can when no speaker is asked about.
    fn speaker_fits(&self, doc: DocId, speaker: &[&str]) -> bool {
        if speaker.is_empty() {
            return true;
        }
        match self.speakers(doc) {
            Speakers::Nobody => false,
            Speakers::Unnamed => true,
            Speakers::Named(names) => names.iter().any(|(_, n)| speaker.contains(n)),
        }
    }

    /// The measurements [`answerability`] weighs for `question`, and the sentence that would
    /// be cited first (`None`: no sentence could answer it at all). For fitting the model:
    /// `examples/answerability_data.rs`.
    pub fn measurements(
        &self,
        question: &str,
        packs: Option<&[usize]>,
    ) -> Option<(Measurements, Citation)> {
        let blanked = text::blank_markup(cut_input(question).0);
        let r = self.retrieve(blanked.as_ref(), packs)?;
        let (best, _) = self
            .most_answerable(&r, &mut self.candidates(&r).peekable())
            .0?;
        Some((self.measure(&r, best), self.citation(best.at)))
    }

    /// What [`answerability`] weighs for a question and the sentence it would cite.
    fn measure(&self, r: &Retrieval, best: &Ranked) -> Measurements {
        let unknown: Vec<usize> = (0..r.known.len()).filter(|&i| !r.known[i]).collect();
        let rarest_unknown = unknown
            .iter()
            .map(|&i| text::general::general_idf(&r.query.words[i].term))
            .fold(0.0f32, f32::max);
        let words = r.query.words.len().max(1);
        Measurements {
            pack_coverage: r.pack_coverage,
            pack_coverage_general: r.pack_coverage_general,
            sentence_coverage: best.coverage.min(1.0),
            sentence_coverage_general: share_of(&r.general_weights, |i| {
                best.matched & (1 << i) != 0
            }),
            rarest_unknown: rarest_unknown / text::general::max_idf(),
            unknown_share: unknown.len() as f32 / words as f32,
            content_words: (words as f32).ln_1p(),
            kind_asked: r.kind.is_some() as u8 as f32,
            best_is_top: r.ranked.first().is_some_and(|t| t.doc == best.doc) as u8 as f32,
            unknown_name: unknown.iter().any(|&i| {
                let w = &r.query.words[i];
                w.proper || text::general::usually_a_name(&w.term, &w.surface)
            }) as u8 as f32,
        }
    }

    /// Does the pack use another member of an exclusive set `term` belongs to ("movie" for a
    /// question about a "documentary")? Then a question about `term` is a premise the article
    /// can correct, not a subject it never mentions.
    fn has_rival_in_pack(&self, term: &str, pack: usize) -> bool {
        let lex = Lexicon::get();
        lex.in_exclusive_set(term)
            && lex
                .exclusive_rivals(term)
                .any(|rival| self.sentences.pack_df(rival, pack) > 0)
    }

    /// Does the sentence name another member of a set the question picks one from ("opens in
    /// the UK" for a question about India, "Monday" for one about Friday)? Then it answers a
    /// different question. A sentence that refers back ("The company … has even warned the
    /// US") also speaks of the name it refers to.
    fn names_another(&self, doc: DocId, query: &Query, set_aside: &[bool]) -> bool {
        let lex = Lexicon::get();
        let terms: Vec<&str> = self
            .tokens_of(doc)
            .iter()
            .filter(|t| t.role == TokenRole::Content)
            .map(|t| t.term.as_str())
            .chain(self.antecedent_names(doc))
            .collect();
        query.words.iter().enumerate().any(|(i, w)| {
            lex.in_exclusive_set(&w.term)
                && !set_aside[i]
                && !terms.contains(&w.term.as_str())
                && terms
                    .iter()
                    .any(|t| lex.excludes(&w.term, t) && !query.words.iter().any(|q| q.term == *t))
        })
    }

    /// Does the sentence give a reason or a cause ("because", "as a result", "to get rid of")?
    fn sentence_gives_reason(&self, at: SentenceRef) -> bool {
        const MARKERS: &[&str] = &[
            "because",
            " since ",
            "as a result",
            "due to",
            "in order to",
            "so that",
            "get rid of",
            "based on",
            "reason",
            "therefore",
            "led to",
            "owing to",
            "thanks to",
            "prompted",
            "in response",
            "after ",
            "so as to",
            "aimed at",
            "in a bid to",
        ];
        let text = text::normalize(self.packs()[at.pack].sentence_text(at.sentence));
        MARKERS.iter().any(|m| text.contains(m))
    }

    /// Does the sentence name a person or body the question does not (two capitalised words in
    /// a row, "Susan Ilston")?
    fn sentence_names_someone(&self, doc: DocId, query: &Query) -> bool {
        let new_name = |t: &Token| is_new_name(t, query);
        self.tokens_of(doc)
            .windows(2)
            .any(|w| new_name(&w[0]) && new_name(&w[1]))
    }

    /// Does the sentence put something in a place the question doesn't name: "in", "at",
    /// "from" or "near" followed by a name that is not a month or a day ("the event in
    /// France", "Judge Illston in San Francisco"; not "in March")?
    fn sentence_names_place(&self, doc: DocId, query: &Query) -> bool {
        let tokens = self.tokens_of(doc);
        tokens.iter().enumerate().any(|(i, t)| {
            matches!(t.surface.as_str(), "in" | "at" | "from" | "near")
                && tokens[i + 1..]
                    .iter()
                    .take(2)
                    .find(|n| n.role == TokenRole::Content)
                    .is_some_and(|n| is_new_name(n, query) && !is_time_word(&n.term))
        })
    }

    /// Does a name the question lacks stand right after one of its words ("reporter Oliver
    /// Finegold", "new manager Rafael Benitez")? That sentence names the one asked about.
    fn name_beside_question_word(&self, doc: DocId, query: &Query) -> bool {
        let tokens = self.tokens_of(doc);
        let asked =
            |t: &Token| t.role == TokenRole::Content && !t.proper && query.stands_for(&t.term);
        let new_name = |t: &Token| is_new_name(t, query);
        tokens
            .windows(3)
            .any(|w| asked(&w[0]) && new_name(&w[1]) && new_name(&w[2]))
    }

    /// How many of the question's `pairs` of neighbouring words ([`neighbouring_pairs`]) the
    /// sentence also puts side by side, in the same order ("best actor" in "crowned best
    /// actor", not in "best film and … best actress"): words that belong together are more
    /// likely meant together.
    fn pairs_in_order(&self, doc: DocId, pairs: &[(&str, &str)]) -> usize {
        let terms: Vec<&str> = self
            .tokens_of(doc)
            .iter()
            .filter(|t| t.role == TokenRole::Content && !t.compound)
            .map(|t| t.term.as_str())
            .collect();
        pairs
            .iter()
            .filter(|&&(a, b)| terms.windows(2).any(|s| s[0] == a && s[1] == b))
            .count()
    }

    /// Does a name the question lacks follow the noun of its cue, as its apposition ("which
    /// group" against "the hacker group, self named as the Guardians of Peace")? Only short
    /// words and words of naming may stand between them.
    fn name_after_kind_noun(&self, doc: DocId, nouns: &[String], query: &Query) -> bool {
        // Stop words ("as", "the", "itself") pass on their own.
        const NAMING: &[&str] = &["name", "call", "known", "dub", "self"];
        let tokens = self.tokens_of(doc);
        tokens.iter().enumerate().any(|(i, t)| {
            !t.proper
                && nouns.contains(&t.term)
                && tokens[i + 1..]
                    .iter()
                    .take(KIND_NOUN_REACH)
                    .find(|n| !(n.role == TokenRole::Stop || NAMING.contains(&n.term.as_str())))
                    .is_some_and(|n| is_new_name(n, query))
        })
    }

    /// Does the sentence give a name the question doesn't: two capitalised words in a row, or
    /// a known multi-word name ("Guardians of Peace")?
    fn sentence_gives_name(&self, doc: DocId, query: &Query) -> bool {
        self.sentence_names_someone(doc, query)
            || self.tokens_of(doc).iter().any(|t| {
                t.role == TokenRole::Content
                    && t.proper
                    && t.term.contains('_')
                    && t.surface.split(' ').filter(|w| *w != "the").count() >= 2
                    && !query.words.iter().any(|w| w.term == t.term)
            })
    }

    /// Does the sentence hold the kind of thing the question asks for?
    fn sentence_fits_kind(&self, doc: DocId, kind: AnswerKind, query: &Query) -> bool {
        let tokens = self.tokens_of(doc);
        match kind {
            AnswerKind::TimeOfDay => tokens.iter().any(|t| is_clock_word(&t.term, &t.surface)),
            // A time word the question holds itself ("when is the day of action" against
            // "action day called") names no time.
            AnswerKind::When => tokens.iter().any(|t| {
                (is_time_word(&t.term) && !query.stands_for(&t.term))
                    || (t.number && looks_like_year(&t.term))
                    // "May" the month, not the verb.
                    || (t.term == "may" && t.proper)
            }),
            AnswerKind::HowMany => tokens
                .iter()
                .any(|t| t.number || is_number_word(&t.surface)),
            AnswerKind::Name => self.sentence_gives_name(doc, query),
            // "32-year-old", "aged 32", "at 32".
            AnswerKind::Age => tokens
                .iter()
                .any(|t| t.term == "age" || matches!(t.surface.as_str(), "aged" | "age" | "ages")),
            // A number with a unit of time: "two hours", "three years", "90 minutes"; or how
            // far a time runs: "until 23 December", "since 17 October", "by 11 March".
            AnswerKind::Duration => {
                let date = |n: &Token| is_time_word(&n.term);
                let number_or_date = |n: &Token| n.number || date(n);
                tokens.windows(2).any(|w| {
                    (w[0].number || is_number_word(&w[0].surface)) && is_time_unit(&w[1].term)
                }) || tokens.iter().enumerate().any(|(i, t)| {
                    let mut next = tokens[i + 1..].iter().take(3);
                    match t.surface.as_str() {
                        "until" | "till" | "since" => next.any(number_or_date),
                        "by" => next.any(date),
                        _ => false,
                    }
                })
            }
            // The words an acronym of the question stands for.
            AnswerKind::Expansion => {
                let at = self.sentence_ref(doc);
                let sentence = self.packs()[at.pack].sentence_text(at.sentence);
                query
                    .words
                    .iter()
                    .any(|w| text::acronym::spells_out(sentence, &w.surface))
            }
            AnswerKind::Who | AnswerKind::Where | AnswerKind::Why => true,
        }
    }

    /// A "the article doesn't say" answer, with topics to try instead.
    fn decline(&self, question: &str, r: Option<&Retrieval>) -> Answer {
        let pack = r.map(|r| r.pack);
        let about = match pack {
            Some(p) => format!("“{}”", self.packs()[p].title()),
            None if self.packs().len() == 1 => format!("“{}”", self.packs()[0].title()),
            None => "these articles".to_owned(),
        };
        // Nothing that could be a word (white space, punctuation, emoji, mentions): invite a
        // question rather than say the article doesn't cover it.
        let empty = r.is_none() && !text::normalize(question).chars().any(char::is_alphanumeric);
        let answer = if empty {
            format!(
                "Ask me a question about {about}, and I will answer with quotes from the article."
            )
        } else {
            format!(
                "The article doesn't say. I only answer from {about}, and it doesn't cover that."
            )
        };
        Answer {
            question: question.to_owned(),
            answered: false,
            answer,
            citations: Vec::new(),
            confidence: 0.0,
            suggestions: self.suggest(r),
            topic: None,
            pack,
            also_in: None,
            truncated: false,
            declined: Some(DeclineReason::NoWords),
        }
    }

    /// Up to three topic commands related to the question (or the first topics).
    fn suggest(&self, r: Option<&Retrieval>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(r) = r {
            for c in &r.ranked {
                let pack = &self.packs()[c.at.pack];
                for t in &pack.topics {
                    if t.quotes.iter().any(|q| q.sentence == c.at.sentence)
                        && !out.contains(&t.command)
                    {
                        out.push(t.command.clone());
                    }
                }
            }
        }
        for (_, t) in self.topics() {
            if !out.contains(&t.command) {
                out.push(t.command.clone());
            }
        }
        out.truncate(3);
        out
    }
}

/// Which query words belong to an alternative of an "X or Y" question that the article does
/// not name (`known[i]`: the pack uses word i), when it names a word of the other ("was it Sony
/// Pictures or Sony Music", "PlayStation or the movie side"). The question offers such a word
/// to be turned down; the article need not mention it. The alternatives are the runs of words
/// on either side of "or", and the rest of the question must be in the article.
fn rejected_alternative(tokens: &[Token], query: &Query, known: &[bool]) -> Vec<bool> {
    let mut rejected = vec![false; query.words.len()];
    let Some(or) = tokens.iter().position(|t| t.surface == "or") else {
        return rejected;
    };
    let content = |t: &&Token| t.role == TokenRole::Content;
    let word_of = |t: &Token| query.words.iter().position(|w| w.term == t.term);
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
fn neighbouring_pairs(query: &Query) -> Vec<(&str, &str)> {
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
fn set_aside_words(tokens: &[Token], query: &Query) -> Vec<bool> {
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

/// Words that place what is said after the events an article reports.
pub(crate) const LATER_EVENTS: &[&[&str]] = &[
    &["later"],
    &["eventually"],
    &["afterwards"],
    &["subsequently"],
    &["in", "the", "end"],
    &["since", "then"],
    // What someone does or what happens next: "what's Seth Rogen doing next".
    &["doing", "next"],
    &["do", "next"],
    &["does", "next"],
    &["happens", "next"],
    &["happen", "next"],
    &["whats", "next"],
    &["up", "next"],
];

/// Does the text speak of what happened after the events ("in the end", "eventually")?
fn speaks_of_later_events(tokens: &[Token]) -> bool {
    text::holds_any_phrase(tokens, LATER_EVENTS)
}

/// Does the sentence meet a word of the question only through its opposite, and only in a
/// hypothesis ("did the US agree to the joint investigation" against "…consequences in case
/// it rejects our proposal for joint investigation")? A rejection that may happen says
/// nothing of an agreement, either way.
fn opposite_only_as_hypothesis(query: &Query, tokens: &[Token]) -> bool {
    let from = text::hypothetical_token(tokens);
    if from == tokens.len() {
        return false;
    }
    let lex = Lexicon::get();
    query.words.iter().any(|w| {
        let opposites = lex.antonyms(&w.term);
        let opposite = |t: &Token| opposites.contains(&t.term);
        let itself = |t: &Token| w.stands_for(&t.term) && !opposite(t);
        tokens[from..].iter().any(opposite)
            && !tokens[..from].iter().any(opposite)
            && !tokens.iter().any(itself)
    })
}

/// Words that ask about what came before the events an article reports.
const EARLIER_EVENTS_ASKED: &[&[&str]] = &[
    &["before", "this"],
    &["before", "that"],
    &["before", "now"],
    &["prior", "to", "this"],
    &["previously"],
    &["in", "the", "past"],
];

/// Words with which a sentence looks back: it tells of an earlier time ("since 1988", "the
/// first … since", "two years ago", "previously", "once").
const EARLIER_EVENTS: &[&[&str]] = &[
    &["before"],
    &["previously"],
    &["earlier"],
    &["in", "the", "past"],
    &["since"],
    &["ago"],
    &["once"],
    &["former"],
    &["formerly"],
    &["last"],
    &["first"],
    &["used", "to"],
];

/// Does the question (or a claim) ask about what came before the events ("before this", "in
/// the past", "has it been hacked before")?
pub(crate) fn asks_about_earlier_events(tokens: &[Token]) -> bool {
    text::holds_any_phrase(tokens, EARLIER_EVENTS_ASKED)
        || tokens.last().is_some_and(|t| t.surface == "before")
}

/// Does the sentence look back to an earlier time?
pub(crate) fn speaks_of_earlier_events(tokens: &[Token]) -> bool {
    text::holds_any_phrase(tokens, EARLIER_EVENTS)
}

/// Does the question ask who or what something is ("who is the mystery investor", "who was
/// the agent", "what is the firm called"), rather than who did something?
fn asks_identity(r: &Retrieval) -> bool {
    let surface = |i: usize| r.tokens.get(i).map(|t| t.surface.as_str());
    match r.kind {
        Some(AnswerKind::Name) => true,
        Some(AnswerKind::Who) => match surface(0) {
            Some("whos") => true,
            Some("who") => matches!(surface(1), Some("is" | "was" | "are" | "were")),
            _ => false,
        },
        _ => false,
    }
}

/// Is `t` a word of a name (capitalised, not a number) that the question does not use?
fn is_new_name(t: &Token, query: &Query) -> bool {
    t.role == TokenRole::Content
        && t.proper
        && !t.number
        && !query.words.iter().any(|w| w.term == t.term)
}

pub(crate) fn is_time_word(term: &str) -> bool {
    const TIME: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "januari",
        "februari",
        "march",
        "april",
        "june",
        "juli",
        "august",
        "septemb",
        "octob",
        "novemb",
        "decemb",
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "week",
        "weekend",
        "month",
        "year",
        "ago",
        "morn",
        "night",
        "decad",
        "centuri",
        "spring",
        "summer",
        "autumn",
        "winter",
        "date",
        "day",
        "hour",
    ];
    TIME.contains(&term)
}

/// A clock time: "9pm", "10:30", "o'clock", "noon", "midnight", "morning", "GMT".
fn is_clock_word(term: &str, surface: &str) -> bool {
    const CLOCK: &[&str] = &[
        "oclock",
        "noon",
        "midday",
        "midnight",
        "morn",
        "afternoon",
        "night",
        "dawn",
        "dusk",
        "gmt",
        "bst",
        "utc",
        "est",
        "pst",
        "am",
        "pm",
    ];
    let digits_then = |suffix: &str| {
        surface
            .strip_suffix(suffix)
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
    };
    CLOCK.contains(&term)
        || surface.starts_with("evening")
        || digits_then("am")
        || digits_then("pm")
        || (surface.contains(':') && surface.starts_with(|c: char| c.is_ascii_digit()))
}

/// A request for the gist of the article ("tldr", "summary pls", "what is this about").
fn is_summary_request(text: &str) -> bool {
    const CUES: &[&str] = &[
        "tldr",
        "tl;dr",
        "tl dr",
        "summary",
        "summarise",
        "summarize",
        "sum up",
        "sum it up",
        "gist",
        "recap",
        "overview",
        "main points",
        "what is this about",
        "what's this about",
        "whats this about",
        "what is the article about",
        "what's the article about",
        "whats the article about",
        "what is this article about",
        "whats this article about",
        "what's this article about",
        "what happened here",
        "eli5",
    ];
    let lower = text::normalize(text);
    // Every cue starts with a letter, so a whole-word match can only start where a word does:
    // try the cues there (one pass) rather than searching the text once per cue.
    let mut prev: Option<char> = None;
    for (at, ch) in lower.char_indices() {
        let word_start = !prev.is_some_and(char::is_alphanumeric);
        prev = Some(ch);
        if !word_start || !ch.is_alphanumeric() {
            continue;
        }
        let rest = &lower[at..];
        let hit = CUES.iter().any(|c| {
            rest.starts_with(c)
                && !rest[c.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        });
        if hit {
            return true;
        }
    }
    false
}

/// Share of the total of `weights` on the positions `held` picks.
pub(crate) fn share_of(weights: &[f32], held: impl Fn(usize) -> bool) -> f32 {
    let total: f32 = weights.iter().sum::<f32>().max(f32::EPSILON);
    let part: f32 = weights
        .iter()
        .enumerate()
        .filter(|(i, _)| held(*i))
        .map(|(_, w)| w)
        .sum();
    part / total
}

fn is_time_unit(term: &str) -> bool {
    const UNITS: &[&str] = &[
        "second", "minut", "hour", "day", "week", "month", "year", "decad", "centuri", "set",
        "round", "match", "game", "season", "term",
    ];
    UNITS.contains(&term)
}

fn looks_like_year(term: &str) -> bool {
    term.len() == 4 && (term.starts_with("19") || term.starts_with("20"))
}

fn is_number_word(word: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "dozen",
        "dozens",
        "half",
        "percent",
        "twice",
        "double",
        "triple",
    ];
    NUMBERS.contains(&word)
}

/// Explains a retrieval for debugging the matcher (`factdesk ask --explain`).
pub fn explain(engine: &Engine, question: &str) -> String {
    let Some(r) = engine.retrieve(cut_input(question).0, None) else {
        return "no content words".into();
    };
    let mut out = format!(
        "pack {} coverage {:.2} topic {:?}\n",
        engine.packs()[r.pack].id,
        r.pack_coverage,
        r.topic
    );
    for (i, w) in r.query.words.iter().enumerate() {
        out += &format!(
            "  {} [{}] w={:.2} known={} alts={:?}\n",
            w.surface,
            w.term,
            r.weights[i],
            r.known[i],
            w.alternatives.iter().map(|a| &a.0).collect::<Vec<_>>()
        );
    }
    if let (Some((best, _)), _) = engine.most_answerable(&r, &mut engine.candidates(&r).peekable())
    {
        let m = engine.measure(&r, best);
        out += &format!(
            "candidate p{}s{} “{}” probability {:.2} (threshold {:.2}): {:?}\n",
            engine.packs()[best.at.pack].sentences[best.at.sentence].paragraph,
            engine.packs()[best.at.pack].sentences[best.at.sentence].index,
            engine.packs()[best.at.pack].sentence_text(best.at.sentence),
            answerability::probability(&m),
            answerability::threshold(),
            m
        );
    } else {
        out += "no candidate sentence\n";
    }
    for c in r.ranked.iter().take(4) {
        out += &format!(
            "  {:.2} cov {:.2} words {:b} p{}s{}: {}\n",
            c.score,
            c.coverage,
            c.matched,
            engine.packs()[c.at.pack].sentences[c.at.sentence].paragraph,
            engine.packs()[c.at.pack].sentences[c.at.sentence].index,
            engine.packs()[c.at.pack]
                .sentence_text(c.at.sentence)
                .chars()
                .take(70)
                .collect::<String>()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;

    fn engine_over(article: &str) -> Engine {
        crate::test_pack::engine_over(article, None)
    }

    /// Asserts that `question` is declined.
    fn assert_declined(engine: &Engine, question: &str) {
        let answer = engine.ask(question);
        assert!(!answer.answered, "{question}: {:?}", answer.citations);
    }

    /// Asserts that `question` is answered, first from a sentence holding `text`.
    fn assert_first_citation(engine: &Engine, question: &str, text: &str) {
        let answer = engine.ask(question);
        assert!(answer.answered, "{question}: declined");
        let quote = &answer.citations[0].quote;
        assert!(quote.contains(text), "{question}: {quote}");
    }

    #[test]
    fn a_people_stands_for_its_country_and_a_head_word_for_its_compound() {
        let engine = engine_over(
            "Derby ends in a draw\n\n\
            The forum meets in Davos, Switzerland, next week. \
            The visiting goalkeeper made a brave block in the last minute. \
            The home fans sang throughout the second half.\n",
        );
        // "swiss" is Switzerland's people; "keeper" is the head of "goalkeeper".
        assert_first_citation(&engine, "which swiss town does the forum meet in", "Davos");
        assert_first_citation(&engine, "what did the keeper do", "goalkeeper");
    }

    #[test]
    fn a_sentence_holding_the_whole_question_is_cited_before_one_scored_a_little_higher() {
        // The curated topic on who was blamed lifts "allegations … culprit" above the rest, on
        // "finger" and North Korea alone; the sentence about fingers pointing at North Korea
        // after the hack holds every word of the question.
        let engine = crate::test_pack::engine_over(
            include_str!("../knowledge/sony-hack-2014/article.txt"),
            Some(include_str!("../knowledge/sony-hack-2014/facts.toml")),
        );
        assert_first_citation(
            &engine,
            "did washington point the finger at nk over the sony hack",
            "Fingers had been pointing towards North Korea",
        );
    }

    #[test]
    fn which_group_is_answered_by_the_name_given_to_the_group() {
        let engine = engine_over(
            "Ferry strike called\n\n\
            Unions had held Harbour Authority managers responsible after the strike began. \
            Talks were called for by the port.\n\n\
            Later in the week a protest group, calling itself the Friends of the Ferry, took \
            responsibility for the leaflets and asked passengers to stay at home.\n",
        );
        assert_first_citation(
            &engine,
            "which group was responsible",
            "Friends of the Ferry",
        );
    }

    #[test]
    fn words_side_by_side_in_the_question_prefer_a_sentence_with_them_side_by_side() {
        let engine = engine_over(
            "City food awards\n\n\
            The Blue Door was named best restaurant in the city and Ana Lopez, who runs its \
            kitchen, best pastry chef of the year at the awards on Friday.\n\n\
            Earlier, Tom Reed from the harbour cafe was crowned best chef at the same awards, \
            to loud applause from the crowd.\n",
        );
        assert_first_citation(&engine, "best chef?", "Tom Reed");
    }

    #[test]
    fn what_happened_in_the_end_is_told_only_by_a_sentence_about_later_events() {
        let engine = engine_over(
            "Port offers talks\n\n\
            The port authority warned the union that it would face fines if it rejects the \
            offer of joint talks.\n",
        );
        // The article tells of the offer and the warning, not of how the offer was answered.
        assert_declined(
            &engine,
            "did the union accept the offer of joint talks in the end",
        );
        assert_first_citation(
            &engine,
            "did the union get an offer of joint talks",
            "fines",
        );
        let later = engine_over(
            "Port offers talks\n\n\
            The port authority offered the union joint talks on Monday. \
            The union eventually accepted the offer of talks.\n",
        );
        assert_first_citation(
            &later,
            "did the union accept the offer of talks in the end",
            "eventually accepted",
        );
        // What someone does next is later than anything an article about them tells.
        let sony = crate::test_pack::engine_over(
            include_str!("../knowledge/sony-hack-2014/article.txt"),
            Some(include_str!("../knowledge/sony-hack-2014/facts.toml")),
        );
        assert_first_citation(&sony, "who is in the interview", "James Franco");
        assert_declined(&sony, "what is james franco doing next");
    }

    #[test]
    fn what_came_before_is_told_only_by_a_sentence_that_looks_back() {
        let engine = engine_over(
            "Dock strike\n\n\
            Dock workers at the port walked out on Monday over pay and staffing. \
            It is the first dock strike at the port since 1998.\n\n\
            The port authority said talks with the workers would resume on Friday.\n",
        );
        assert_first_citation(&engine, "has the port had a strike before", "since 1998");
        assert_first_citation(&engine, "why did the dock workers walk out", "over pay");
        // The article tells of this walkout; whether there were others is not in it.
        let once = engine_over(
            "Dock strike\n\n\
            Dock workers at the port walked out on Monday over pay and staffing.\n\n\
            The port authority said talks with the workers would resume on Friday.\n",
        );
        assert_declined(&once, "did the dock workers walk out before this");
        assert_declined(
            &once,
            "have dock workers at the port walked out in the past",
        );
    }

    #[test]
    fn an_opposite_met_only_in_a_hypothesis_answers_nothing() {
        let warned = engine_over(
            "Dock strike threat\n\n\
            The dock union warned the port authority that there would be a strike in case it \
            rejects the pay offer.\n\n\
            Talks are due to resume on Friday.\n",
        );
        // A rejection that may happen says nothing of an acceptance.
        assert_declined(&warned, "did the port authority accept the pay offer");
        assert_first_citation(&warned, "what did the dock union warn", "strike");
        let rejected = engine_over(
            "Dock strike threat\n\n\
            The port authority rejects the pay offer, and the dock union warned of a strike.\n\n\
            Talks are due to resume on Friday.\n",
        );
        assert_first_citation(
            &rejected,
            "did the port authority accept the pay offer",
            "rejects the pay offer",
        );
    }

    #[test]
    fn what_someone_thinks_is_told_only_by_their_words() {
        let engine = engine_over(
            "Dock strike\n\n\
            Dock workers walked out on Monday, and the union blamed Harbour Holdings for the \
            strike.\n\n\
            The mayor said the strike was \"a disaster for the city\".\n",
        );
        // Harbour Holdings is only blamed: the article never gives its view.
        assert_declined(&engine, "what does harbour holdings think about all this");
        assert_first_citation(
            &engine,
            "what does the mayor think about the strike",
            "a disaster for the city",
        );
        // Words of describing and arguing give a view as words of saying do.
        let described = engine_over(
            "Dock strike\n\n\
            Dock workers at Norbridge walked out on Monday over pay.\n\n\
            On Tuesday, Norbridge described the strike as unlawful and costly. \
            The same day, Norbridge held the union responsible for the losses.\n",
        );
        assert_first_citation(
            &described,
            "what does norbridge think of the strike",
            "unlawful",
        );
        // "Who does X think…" asks who, not for X's words.
        assert_first_citation(
            &described,
            "who does norbridge think is responsible for the losses",
            "held the union responsible",
        );
    }

    #[test]
    fn accountable_is_responsible_not_an_account() {
        let engine = engine_over(
            "Bank fined\n\n\
            Savers can still open an account at the bank on Monday. \
            Regulators held the bank's directors responsible for the losses.\n",
        );
        assert_first_citation(
            &engine,
            "who was held accountable for the losses",
            "directors responsible",
        );
    }

    #[test]
    fn what_is_asked_besides_is_someone_else() {
        let engine = engine_over(
            "Studio hit by hackers\n\n\
            The hack left the studio's executives and celebrities embarrassed. \
            Apart from this, it exposed the records of studio employees.\n",
        );
        // "besides the celebrities" asks for the others: the employees are the answer.
        assert_first_citation(
            &engine,
            "what else got exposed besides the celebrity stuff",
            "studio employees",
        );
    }

    #[test]
    fn a_time_word_the_question_holds_is_no_time_given() {
        let engine = engine_over(
            "Action day called for jailed bloggers\n\n\
            Bloggers are asked to write about the two jailed men and their action. \
            The group says its day of protest will be Tuesday.\n",
        );
        // The headline's "day" is the question's own word, not a time: the answer is the
        // last sentence, or (unsure the protest is the action) none.
        let answer = engine.ask("when is the day of action");
        assert!(
            !answer.answered || answer.citations[0].quote.contains("Tuesday"),
            "{:?}",
            answer.citations
        );
    }

    #[test]
    fn an_alternative_the_article_never_names_is_turned_down_not_missing() {
        let engine = engine_over(
            "Studio hit by hackers\n\n\
            Hackers broke into the computers of Corvane Pictures last week. \
            The studio's new comedy stars Ann Lee and opens in May. \
            Staff were told to work from home.\n",
        );
        // The PlayStation Network is offered to be turned down: the article need not name it.
        assert_first_citation(
            &engine,
            "did hackers break into corvane pictures or the playstation network",
            "Hackers broke into",
        );
        // What is asked of the alternatives ("directed") must still be in the article.
        assert_declined(&engine, "who directed the comedy, ann lee or bo tan");
    }

    #[test]
    fn a_name_the_article_withholds_is_not_given() {
        let engine = engine_over(
            "Firm admits bribery\n\n\
            Corvane paid $3m to an unnamed agent in Tirala before the election. \
            The agent handed some of the money to the campaign of Governor Osei.\n",
        );
        // The article says it doesn't know who the agent is; it cannot say who that is.
        for question in ["who was the agent in tirala", "who's the unnamed agent"] {
            assert_declined(&engine, question);
        }
        // Who did something to the unnamed agent, it does say.
        assert_first_citation(&engine, "who paid the agent", "Corvane paid");
    }

    #[test]
    fn a_name_beside_the_word_asked_about_answers_who() {
        let engine = engine_over(
            "Mayor row\n\n\
            London mayor Ken Stone has refused to apologise to a Jewish reporter. \
            On tape Mr Stone is heard asking reporter Oliver Fine if he was a guard. \
            The Board of Deputies complained to the Standards Board.\n",
        );
        for question in ["whats the reporter's name", "who was the reporter"] {
            assert_first_citation(&engine, question, "Oliver Fine");
        }
    }

    #[test]
    fn a_second_word_asking_for_the_amount_does_not_count_against_the_answer() {
        let engine = engine_over(
            "Rovers sign shirt sponsor\n\n\
            Rovers have agreed a £20m shirt sponsorship deal with Acme Airways. \
            The airline also sponsors the city marathon. \
            Fans protested outside the ground on Saturday.\n",
        );
        // "worth" and "in total" ask for the amount "how much" already asks for.
        for question in [
            "how much is the rovers sponsorship deal worth",
            "how much is the rovers sponsorship deal in total",
        ] {
            assert_first_citation(&engine, question, "£20m");
        }
    }

    #[test]
    fn what_someone_else_wants_is_what_is_asked() {
        let engine = engine_over(
            "Ruritania wants talks with Acme over the dam\n\n\
            Ruritania has criticised Acme for months. \
            Ruritania blamed Acme for floods in the north last year.\n",
        );
        assert_first_citation(&engine, "what does ruritania want", "wants talks");
    }

    #[test]
    fn a_where_question_prefers_the_sentence_that_names_a_place() {
        let engine = engine_over(
            "Runners named for championships\n\n\
            Four runners have been picked for the World Championships in March after strong \
            starts to the season. \
            The four will race for the national team at the championships in Portugal. \
            Coaches praised the championships as the toughest of the year.\n",
        );
        assert_first_citation(&engine, "where are the championships", "in Portugal");
    }

    #[test]
    fn which_country_asks_for_a_place_and_which_paper_for_a_name() {
        let engine = engine_over(
            "Shoppers wary of smart labels\n\n\
            Shoppers are wary of smart labels, a poll says. \
            The poll showed that most shoppers had heard of the labels. \
            The poll of shoppers in Spain and Italy was run for the labels industry. \
            The poll was first reported by the daily Morning Courier on Monday. \
            Critics said the poll asked the wrong shoppers.\n",
        );
        assert_first_citation(&engine, "which countries were in the poll", "in Spain");
        assert_first_citation(&engine, "what paper reported the poll", "Morning Courier");
        // The kind's noun stays a word to match when it is all the question names.
        let answer = engine.ask("which paper was it");
        assert!(
            answer.declined != Some(super::DeclineReason::NoWords),
            "{answer:?}"
        );
    }

    #[test]
    fn an_inflected_word_is_not_a_name_the_article_writes_plainly() {
        // "opening" stems to "open", but the article's "Open" is a name: it does not speak of
        // a first set.
        let engine = engine_over(
            "Marsh into final\n\n\
            Tom Marsh reached the final of the Ridley Open, beating Dan Kane in four sets on Friday. \
            Kane took the first set on a tie-break. \
            Marsh then broke serve early in the second set. \
            The crowd at the Open cheered every point.\n",
        );
        assert_first_citation(
            &engine,
            "who took the opening set",
            "Kane took the first set",
        );
        // The name as written still matches.
        assert_first_citation(&engine, "what did the crowd at the open do", "cheered");
    }

    #[test]
    fn a_sentence_that_refers_back_answers_for_the_name_it_refers_to() {
        // "And the 28-year-old…" refers back to Field, whose name opens the sentence before (a
        // name, though "field" is a common word: the article never writes it in lowercase). It
        // answers "how old is Field" though it holds no word of the question.
        let engine = engine_over(
            "Field back for final\n\n\
            Tom Field will play in the final on Sunday after a month out with a knee injury. \
            Field, who has not played since March, trained with the squad on Monday. \
            And the 28-year-old striker will start the final on the bench. \
            Field missed five matches with the injury.\n",
        );
        assert_first_citation(&engine, "how old is field", "28-year-old");
    }

    #[test]
    fn how_long_is_also_until_when() {
        let engine = engine_over(
            "Clubs charged\n\n\
            Both clubs were charged by the league over crowd trouble at the match. \
            Both clubs have until 23 December to respond. \
            Fans ripped up seats in the west stand.\n",
        );
        assert_first_citation(
            &engine,
            "how long do the clubs have to respond",
            "until 23 December",
        );
    }

    #[test]
    fn a_paragraphs_first_sentence_refers_back_to_the_paragraph_before() {
        let engine = engine_over(
            "Honour for actor\n\n\
            Actor Tom Field has been honoured at the Harbour film festival.\n\n\
            The star was presented with the award by director Ann Lee. \
            Field thanked the festival.\n",
        );
        assert_first_citation(&engine, "who presented field with the award", "Ann Lee");
    }

    #[test]
    fn the_nineties_are_the_1990s() {
        let engine = engine_over(
            "Sell-off plan\n\n\
            The government plans to sell the state bank next year. \
            About 190 state-run companies were sold off from the early 1990s to 1997. \
            Analysts welcomed the plan.\n",
        );
        assert_first_citation(
            &engine,
            "how many state companies were sold off in the 90s",
            "About 190",
        );
    }

    #[test]
    fn the_mayor_is_whoever_the_article_calls_mayor() {
        let engine = engine_over(
            "Mayor row\n\n\
            Harbour mayor Ken Stone has refused to apologise to reporter Oliver Fine. \
            The reporter had asked about the harbour budget. \
            The mayor said the row would not harm the regatta bid. \
            Council members met on Monday.\n",
        );
        assert_first_citation(
            &engine,
            "what did ken stone say about the regatta bid",
            "The mayor said",
        );
        // The fact check names him too, as the article writes him.
        let check = engine.check("oliver fine said the row would not harm the regatta bid");
        assert_eq!(check.verdict, crate::factcheck::Verdict::Refuted);
        assert!(
            check.explanation.contains("Ken Stone"),
            "{}",
            check.explanation
        );
        // "the reporter" is Oliver Fine: the words are not his.
        let check = engine.check("the reporter said the row would not harm the regatta bid");
        assert_eq!(check.verdict, crate::factcheck::Verdict::Refuted);
    }

    #[test]
    fn a_quotation_carried_on_is_spoken_by_whoever_spoke_it_first() {
        let engine = engine_over(
            "Kane into final\n\n\
            Dan Kane beat Tom Marsh in four sets on Friday to reach the final. \
            Marsh had won the title twice before. \
            \"It's a dream,\" said Kane. \
            \"I started training for this event two years ago.\" \
            The crowd cheered Marsh off the court.\n",
        );
        assert_first_citation(
            &engine,
            "how long has kane been training for this",
            "two years ago",
        );
        assert_first_citation(
            &engine,
            "what did kane say about his training",
            "two years ago",
        );
    }

    #[test]
    fn what_someone_said_comes_from_a_sentence_where_they_speak() {
        let engine = engine_over(
            "Factory fire\n\n\
            A fire destroyed the Norland Tools factory in Leeds on Monday. \
            According to the Leeds fire service, the fire started in a storeroom. \
            The fire forced Norland Tools to cancel its spring launch.\n",
        );
        assert_first_citation(
            &engine,
            "what did the fire service say about the fire",
            "storeroom",
        );
        // Norland Tools is in the story, but the article never quotes it.
        assert_declined(&engine, "what did norland tools say about the fire");
    }

    #[test]
    fn a_sentence_that_refers_back_speaks_of_the_name_before_it() {
        let engine = engine_over(
            "Fishing row\n\n\
            France wants talks with Germany over fishing rights. \
            The country has warned Germany of serious consequences if it refuses.\n",
        );
        assert_first_citation(
            &engine,
            "what consequences did france warn about",
            "serious consequences",
        );
    }
}
