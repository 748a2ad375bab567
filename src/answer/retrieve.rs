//! Retrieval: rank the sentences of the pack a text is about, routing between packs, and weigh
//! each of the text's words by how much it tells (its rarity in the pack and in general news;
//! nothing for words set aside or offered to be turned down).

use std::collections::{HashMap, HashSet};

use crate::engine::{Engine, SentenceRef};
use crate::search::{build_query, DocId, Index, Query};
use crate::text::{self, AnswerKind, Lexicon, Token, TokenRole};

/// Lift for a sentence whose name follows the noun of the cue ("which group": "the hacker
/// group, self named as the Guardians of Peace").
const KIND_NOUN_LIFT: f32 = 1.5;
/// Lift per pair of neighbouring question words a sentence holds side by side, in order.
const PAIR_LIFT: f32 = 0.25;
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
/// Lift for a sentence whose number counts what a "how many" question names ("9,000 business
/// leaders" for "how many bosses").
const COUNT_LIFT: f32 = 1.25;
/// And again when the name stands right after a question word ("reporter Oliver Finegold").
const APPOSITION_LIFT: f32 = 1.2;
/// Share of the best score from which a sentence's kind lift counts in routing.
const ROUTE_KIND_FLOOR: f32 = 0.7;
/// How strongly routing between packs prefers the pack that uses more of the question's words.
const ROUTE_COVERAGE_POWER: f32 = 2.0;
/// How much more a name counts than another word when routing a question to a pack.
const ROUTE_NAME_WEIGHT: f32 = 2.0;
/// News puts what matters first: a sentence in paragraph p scores `1 + LEAD_PRIOR / p` times
/// as much (the headline is paragraph 1, so the lead gets a tenth more).
const LEAD_PRIOR: f32 = 0.2;
/// A curated phrasing this similar to the question lifts its topic.
const MIN_TOPIC_SIMILARITY: f32 = 0.6;

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
        // A sentence that holds the kind of answer asked for counts so in routing too ("how
        // many ppl did they poll": "2,000 people surveyed" in one article against "20% of
        // people … new research says" in another), when there is a choice of packs. Only near
        // the best score: checking the kind reads the sentence. The lifts found are kept for
        // the ranking below.
        let choice = packs.map_or(self.packs().len(), <[usize]>::len) > 1;
        let best_score = boosted.iter().map(|b| b.1).fold(0.0f32, f32::max);
        let mut kind_lifts: HashMap<DocId, f32> = HashMap::new();
        let mut per_pack: Vec<Option<(f32, u64)>> = vec![None; self.packs().len()];
        for &(doc, score, matched) in &boosted {
            let score = match kind {
                Some(kind) if choice && score >= ROUTE_KIND_FLOOR * best_score => {
                    let lift = self.kind_lift(kind, doc, &kind_nouns, &query);
                    kind_lifts.insert(doc, lift);
                    score * lift
                }
                _ => score,
            };
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
                c.score *= match kind_lifts.get(&c.doc) {
                    Some(&lift) => lift,
                    None => self.kind_lift(kind, c.doc, &kind_nouns, &query),
                };
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

    /// How much sentence `doc` is lifted for holding the kind of answer asked for: a name
    /// beside the question's word for "who", a place for "where", a reason for "why", a number
    /// counting the asked word for "how many".
    fn kind_lift(&self, kind: AnswerKind, doc: DocId, kind_nouns: &[String], query: &Query) -> f32 {
        match kind {
            AnswerKind::Why if self.sentence_gives_reason(self.sentence_ref(doc)) => {
                WHY_REASON_LIFT
            }
            AnswerKind::Who | AnswerKind::Name
                if self.name_after_kind_noun(doc, kind_nouns, query) =>
            {
                WHO_NAME_LIFT * KIND_NOUN_LIFT
            }
            AnswerKind::Who | AnswerKind::Name if self.name_beside_question_word(doc, query) => {
                WHO_NAME_LIFT * APPOSITION_LIFT
            }
            AnswerKind::Who if self.sentence_names_someone(doc, query) => WHO_NAME_LIFT,
            AnswerKind::Where if self.sentence_names_place(doc, query) => WHERE_PLACE_LIFT,
            AnswerKind::HowMany if self.number_counts_asked_word(doc, query) => COUNT_LIFT,
            _ => 1.0,
        }
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

/// Which query words belong to an alternative of an "X or Y" question that the article does
/// not name (`known[i]`: the pack uses word i), when it names a word of the other ("was it Sony
/// Pictures or Sony Music", "PlayStation or the movie side"). The question offers such a word
/// to be turned down; the article need not mention it. The alternatives are the runs of words
/// on either side of "or", and the rest of the question must be in the article. A question
/// that closes on "not the …" ("so the FBI said it, not the White House?") offers what
/// follows to be turned down too, when the article names the rest.
fn rejected_alternative(tokens: &[Token], query: &Query, known: &[bool]) -> Vec<bool> {
    let mut rejected = vec![false; query.words.len()];
    let content = |t: &&Token| t.role == TokenRole::Content;
    let word_of = |t: &Token| query.words.iter().position(|w| w.term == t.term);
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
