//! Routing: which pack a question is about, when several are in scope. Each pack's best
//! sentence score counts, times the share of the question's words the pack uses at all, those
//! few packs use (names above all) weighing most.

use std::collections::HashMap;

use super::asked::Asked;
use crate::engine::Engine;
use crate::search::{DocId, Query};

/// Share of the best score from which a sentence's kind lift counts in routing.
const ROUTE_KIND_FLOOR: f32 = 0.7;
/// How strongly routing between packs prefers the pack that uses more of the question's words.
const ROUTE_COVERAGE_POWER: f32 = 2.0;
/// How much more a name counts than another word when routing a question to a pack.
const ROUTE_NAME_WEIGHT: f32 = 2.0;
/// A pack scoring at least this share of the chosen one's is mentioned as also fitting.
const RUNNER_UP_SHARE: f32 = 0.8;
/// A follow-up question stays with the pack the conversation was about when that pack scores
/// at least this share of the best one's: a question that does not say which story it means
/// ("who got picked") is about the story being discussed.
const FOLLOW_UP_SHARE: f32 = 0.7;

/// The pack a question is routed to.
pub(super) struct Route {
    pub pack: usize,
    /// Another pack that fits almost as well ([`RUNNER_UP_SHARE`]).
    pub runner_up: Option<usize>,
    /// The kind lifts measured while routing, by sentence, for the ranking to reuse.
    pub kind_lifts: HashMap<DocId, f32>,
}

impl Engine {
    /// Routes the question to one pack, from its `scored` sentences `(doc, score, matched
    /// words)` over every pack in scope (`packs`; `None`: all); `None` when none scored.
    /// `previous` is the pack the conversation was last answered from, if any: a question
    /// that fits it nearly as well as the best pack stays with it ([`FOLLOW_UP_SHARE`]).
    ///
    /// A sentence that holds the kind of answer asked for counts so in routing too ("how many
    /// ppl did they poll": "2,000 people surveyed" in one article against "20% of people … new
    /// research says" in another), when there is a choice of packs. Only near the best score:
    /// checking the kind reads the sentence.
    pub(super) fn route(
        &self,
        scored: &[(DocId, f32, u64)],
        asked: &Asked,
        query: &Query,
        packs: Option<&[usize]>,
        previous: Option<usize>,
    ) -> Option<Route> {
        let choice = packs.map_or(self.packs().len(), <[usize]>::len) > 1;
        let best_score = scored.iter().map(|b| b.1).fold(0.0f32, f32::max);
        let mut kind_lifts: HashMap<DocId, f32> = HashMap::new();
        // Kept by pack index: a common word touches thousands of packs.
        let mut per_pack: Vec<Option<(f32, u64)>> = vec![None; self.packs().len()];
        for &(doc, score, matched) in scored {
            let score = match asked.kind {
                Some(kind) if choice && score >= ROUTE_KIND_FLOOR * best_score => {
                    let lift = self.kind_lift(kind, doc, asked, query);
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
            let global = self.routing_weights(query);
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
        let top = best_per_pack.first()?.1;
        if let Some(at) = best_per_pack
            .iter()
            .position(|&(p, s)| Some(p) == previous && s >= FOLLOW_UP_SHARE * top)
        {
            best_per_pack[..=at].rotate_right(1);
        }
        let &(pack, best) = best_per_pack.first()?;
        let runner_up = best_per_pack
            .get(1)
            .filter(|(_, s)| *s >= RUNNER_UP_SHARE * best)
            .map(|(p, _)| *p);
        Some(Route {
            pack,
            runner_up,
            kind_lifts,
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
}
