//! Retrieval: rank the sentences of the pack a text is about. Every pack's sentences are
//! scored (BM25, with curated topics lifting the sentences they quote), the text is routed to
//! one pack ([`super::route`]), and that pack's sentences are ranked, each of the text's words
//! weighed by how much it tells there (its rarity in the pack and in general news; nothing for
//! words set aside or offered to be turned down, see [`super::asked`]).

use std::collections::HashSet;

use super::asked::{neighbouring_pairs, rejected_alternative, set_aside_words, Asked};
use super::route::Route;
use crate::engine::{Engine, SentenceRef};
use crate::search::{build_query, DocId, Index, Query};
use crate::text::{self, AnswerKind, Lexicon, Token, TokenRole};

/// Lift per pair of neighbouring question words a sentence holds side by side, in order.
const PAIR_LIFT: f32 = 0.25;
/// Share of its weight an unknown adjective or adverb keeps.
const UNKNOWN_MODIFIER_WEIGHT: f32 = 0.35;
/// Share of its weight an unknown word keeps when a general synonym of it is in the article.
const UNKNOWN_RELATED_WEIGHT: f32 = 0.5;
/// Share of a name's weight a sentence gets for naming it only through a reference back.
const ANAPHOR_SHARE: f32 = 0.6;
/// News puts what matters first: a sentence in paragraph p scores `1 + LEAD_PRIOR / p` times
/// as much (the headline is paragraph 1, so the lead gets a tenth more).
const LEAD_PRIOR: f32 = 0.2;
/// A curated phrasing this similar to the question lifts its topic.
const MIN_TOPIC_SIMILARITY: f32 = 0.6;

/// A sentence with its score and the query words it holds (a bit per word).
type Scored = (DocId, f32, u64);

/// A curated topic of a pack that the question reads like.
struct TopicFit {
    pack: usize,
    topic: usize,
    similarity: f32,
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
    /// Share of the question's weight in words the pack uses.
    pub pack_coverage: f32,
    /// The pack's sentences that match, best first.
    pub ranked: Vec<Ranked>,
    /// The curated topic whose phrasing fits best, with its similarity.
    pub topic: Option<(usize, f32)>,
    /// Second-best pack, when its best score is close.
    pub runner_up: Option<usize>,
    /// Where a quotation the text opens with ends (a byte offset into it; 0: none).
    pub quoted_until: usize,
}

impl Engine {
    /// Ranks the sentences of the best-fitting pack for question `text`.
    pub(crate) fn retrieve(&self, text: &str, packs: Option<&[usize]>) -> Option<Retrieval> {
        self.retrieve_as(text, packs, true)
    }

    /// Ranks the sentences of the best-fitting pack for `text`, a question or (with
    /// `question` false) a claim ([`Asked::read`]).
    pub(crate) fn retrieve_as(
        &self,
        text: &str,
        packs: Option<&[usize]>,
        question: bool,
    ) -> Option<Retrieval> {
        self.retrieve_following(text, packs, question, None)
    }

    /// [`Self::retrieve_as`], in a conversation last answered from pack `previous`: a
    /// question that does not tell which story it means stays with that one ([`Self::route`]).
    pub(crate) fn retrieve_following(
        &self,
        text: &str,
        packs: Option<&[usize]>,
        question: bool,
        previous: Option<usize>,
    ) -> Option<Retrieval> {
        let asked = Asked::read(text, question);
        let query = build_query(&asked.tokens, &self.sentences);
        if query.words.is_empty() {
            return None;
        }
        let (scored, topic_of_pack) = self.score_sentences(&asked.tokens, &query, packs)?;
        let route = self.route(&scored, &asked, &query, packs, previous)?;
        let pack = route.pack;

        // How much each word tells in the chosen pack.
        let pack_dfs = self.pack_dfs(&query, pack);
        let known: Vec<bool> = pack_dfs.iter().map(Option::is_some).collect();
        let rejected = rejected_alternative(&asked.tokens, &query, &known);
        let weightless: Vec<bool> = asked
            .restates_kind(&query)
            .iter()
            .zip(&rejected)
            .map(|(a, b)| *a || *b)
            .collect();
        let set_aside = set_aside_words(&asked.tokens, &query);
        let (weights, general_weights) =
            self.word_weights(&query, pack, &pack_dfs, &weightless, &set_aside);
        let pack_coverage = share_of(&weights, |i| known[i]);

        let ranked = self.rank_in_pack(scored, &asked, &query, &route, &weights);
        let topic = topic_of_pack
            .iter()
            .find(|fit| fit.pack == pack)
            .map(|fit| (fit.topic, fit.similarity));
        Some(Retrieval {
            tokens: asked.tokens,
            kind: asked.kind,
            query,
            pack,
            weights,
            general_weights,
            known,
            set_aside,
            pack_coverage,
            ranked,
            topic,
            runner_up: route.runner_up,
            quoted_until: asked.quoted_until,
        })
    }

    /// Scores the sentences of every pack in scope (`None`: all) for `query`: BM25, a lead
    /// sentence a little above the rest, headings below them, and the sentences a curated
    /// topic quotes lifted when the question reads like one of its phrasings. Returns the
    /// scored sentences and the fitting topic of each pack that has one; `None` when no
    /// sentence scores.
    fn score_sentences(
        &self,
        tokens: &[Token],
        query: &Query,
        packs: Option<&[usize]>,
    ) -> Option<(Vec<Scored>, Vec<TopicFit>)> {
        let allowed = |p: usize| packs.is_none_or(|list| list.contains(&p));
        let hits = self.sentences.search(query, None);
        let topic_sims = self.topic_similarities(tokens);
        let mut scored: Vec<Scored> = Vec::with_capacity(hits.len());
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
            scored.push((hit.doc, hit.score * factor, hit.matched));
        }
        if scored.is_empty() {
            return None;
        }
        let top = scored.iter().map(|b| b.1).fold(0.0f32, f32::max);
        let mut topic_of_pack: Vec<TopicFit> = Vec::new();
        for &(r, sim) in &topic_sims {
            if sim < MIN_TOPIC_SIMILARITY || !allowed(r.pack) {
                continue;
            }
            if topic_of_pack.iter().any(|fit| fit.pack == r.pack) {
                continue;
            }
            topic_of_pack.push(TopicFit {
                pack: r.pack,
                topic: r.topic,
                similarity: sim,
            });
            let topic = self.topic_at(r);
            for (rank, quote) in topic.quotes.iter().enumerate() {
                let Some(doc) = self.sentence_doc(r.pack, quote.sentence) else {
                    continue;
                };
                let lift = sim * top * if rank == 0 { 0.8 } else { 0.6 };
                match scored.iter_mut().find(|b| b.0 == doc) {
                    Some(b) => b.1 += lift,
                    None => scored.push((doc, lift, 0)),
                }
            }
        }
        Some((scored, topic_of_pack))
    }

    /// Ranks the sentences of the routed pack, best first: their scores with the names they
    /// refer back to, lifted for holding the question's neighbouring words side by side and
    /// for holding the kind of answer asked for; each with its coverage of the question's
    /// `weights`.
    fn rank_in_pack(
        &self,
        scored: Vec<Scored>,
        asked: &Asked,
        query: &Query,
        route: &Route,
        weights: &[f32],
    ) -> Vec<Ranked> {
        let coverage_of = |matched: u64| share_of(weights, |i| matched & (1 << i) != 0);
        let scored = self.inherit_from_antecedents(scored, query, route.pack);
        let mut ranked: Vec<Ranked> = scored
            .into_iter()
            .filter(|(doc, _, _)| self.sentence_ref(*doc).pack == route.pack)
            .map(|(doc, score, matched)| Ranked {
                doc,
                at: self.sentence_ref(doc),
                score,
                coverage: coverage_of(matched),
                matched,
            })
            .collect();
        let pairs = neighbouring_pairs(query);
        if !pairs.is_empty() {
            for c in ranked.iter_mut() {
                c.score *= 1.0 + PAIR_LIFT * self.pairs_in_order(c.doc, &pairs) as f32;
            }
        }
        if let Some(kind) = asked.kind {
            for c in &mut ranked {
                c.score *= match route.kind_lifts.get(&c.doc) {
                    Some(&lift) => lift,
                    None => self.kind_lift(kind, c.doc, asked, query),
                };
            }
        }
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        ranked
    }

    /// A sentence that opens by referring back ("The country however has denied…") also
    /// matches the name it refers to (the antecedent sentence's first name; see
    /// [`Engine::antecedent_names`]), at [`ANAPHOR_SHARE`] of its weight; so does a sentence
    /// whose "the mayor" stands for a name ([`Engine::described_names`]).
    fn inherit_from_antecedents(
        &self,
        mut boosted: Vec<Scored>,
        query: &Query,
        pack: usize,
    ) -> Vec<Scored> {
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
        // A surname stands for the whole name the article gives it ("Yelling": "Hayley
        // Yelling").
        let pack = self.sentence_ref(doc).pack;
        let full: Vec<&str> = names
            .iter()
            .filter_map(|n| self.full_name(pack, n))
            .flatten()
            .map(String::as_str)
            .collect();
        names.extend(full);
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
    fn topic_similarities(&self, tokens: &[Token]) -> Vec<(crate::engine::TopicRef, f32)> {
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
            let r = self.topic_ref(hit.doc);
            match best.iter_mut().find(|(t, _)| *t == r) {
                Some(e) => e.1 = e.1.max(sim),
                None => best.push((r, sim)),
            }
        }
        best.sort_by(|a, b| b.1.total_cmp(&a.1));
        best
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
