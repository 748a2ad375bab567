//! The inverted index and BM25 ranking shared by answers and fact checks.
//!
//! Owns turning analysed text into a [`Query`] (each content word with its alternatives:
//! synonyms and typo corrections, each with a weight) and scoring documents with BM25
//! (k1 = 1.2, b = 0.3: sentences are short, and a long one is not less about its words), taking for each query word the best of its alternatives so that
//! synonyms never count twice. Documents belong to packs; packs are contiguous runs of
//! document ids, so "does this pack use this word" is a binary search in a posting list.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::text::{self, typo, Lexicon, Token, TokenRole};

const K1: f32 = 1.2;
const B: f32 = 0.3;
/// Weight of a synonym relative to the word itself.
pub const SYNONYM_WEIGHT: f32 = 0.8;
/// Weight of a general related word (WordNet).
pub const RELATED_WEIGHT: f32 = 0.6;
/// Weight of an antonym: a question that asks "did they admit it" is answered by "they denied it".
pub const ANTONYM_WEIGHT: f32 = 0.7;
/// Shortest word corrected towards a lexicon word the article does not use.
const MIN_LEXICON_TYPO_CHARS: usize = 7;
/// Weight of a typo correction.
pub const TYPO_WEIGHT: f32 = 0.95;
/// Shortest common start for two terms to count as one word family.
const MIN_FAMILY_PREFIX: usize = 5;
/// Most family members taken for one query word.
const MAX_FAMILY_MATCHES: usize = 4;
/// Weight of a word of the same family ("champs" for "championships").
pub const FAMILY_WEIGHT: f32 = 0.7;
/// Shortest word matched as the head of a closed compound ("keeper" in "goalkeeper").
const MIN_COMPOUND_HEAD: usize = 5;
/// Shortest first part of such a compound ("goal").
const MIN_COMPOUND_FRONT: usize = 3;
/// Most compounds taken for one query word.
const MAX_COMPOUND_MATCHES: usize = 4;
/// Most query words considered (a longer question keeps its first ones).
pub const MAX_POSITIONS: usize = 48;

/// Dense id of a term in one index.
pub type TermId = u32;
/// Dense id of a document in one index.
pub type DocId = u32;

/// One content word of a query and the terms that may stand for it.
#[derive(Debug, Clone)]
pub struct QueryWord {
    /// The word as typed (lowercase).
    pub surface: String,
    /// The term as typed (stem or alias).
    pub term: String,
    /// (term, weight) alternatives, the word itself first when the index knows it.
    pub alternatives: Vec<(String, f32)>,
    /// Capitalised or an acronym in the question: likely a name.
    pub proper: bool,
    pub number: bool,
    /// Hyphenated words joined into one, whose parts are query words too.
    pub compound: bool,
    /// Preceded by a negation within the same clause.
    pub negated: bool,
}

/// A query: its content words, in order, deduplicated by term.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub words: Vec<QueryWord>,
    /// The text offers alternatives ("Sony Pictures or Sony Music"): one of them may well be
    /// something the article never mentions.
    pub offers_alternatives: bool,
}

impl QueryWord {
    /// Does `term` stand for this word (the word itself or one of its alternatives)?
    pub fn stands_for(&self, term: &str) -> bool {
        self.alternatives.iter().any(|(a, _)| a == term)
    }
}

impl Query {
    /// Does `term` stand for any of the query's words?
    pub fn stands_for(&self, term: &str) -> bool {
        self.words.iter().any(|w| w.stands_for(term))
    }

    /// Is `term` one of the query's own words (not an alternative of one)?
    pub fn holds_term(&self, term: &str) -> bool {
        self.position(term).is_some()
    }

    /// The index of the query's own word `term` (not an alternative of one), if it has it.
    pub fn position(&self, term: &str) -> Option<usize> {
        self.words.iter().position(|w| w.term == term)
    }
}

/// A scored document.
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub doc: DocId,
    pub score: f32,
    /// Bit i set when query word i matched this document.
    pub matched: u64,
    /// Sum over matched words of the weight of the alternative that matched (1 for the word
    /// itself, less for a synonym or typo correction).
    pub match_weight: f32,
}

/// An inverted index over documents grouped in packs.
#[derive(Debug, Default)]
pub struct Index {
    vocab: HashMap<String, TermId>,
    /// Term names by id.
    terms: Vec<String>,
    /// Every term, sorted, for finding words of one family by their common start.
    sorted_terms: Vec<String>,
    /// Lowercase surface words by character length, with their term, for typo correction.
    surfaces_by_len: Vec<Vec<(String, TermId)>>,
    /// Every lowercase surface word written backwards, sorted, with its term: the words that
    /// end in a given word are one run of it ("keeper" → "goalkeeper", "housekeeper"). Built
    /// from `surfaces_by_len` on first use: only a question word the articles lack needs it.
    reversed_surfaces: OnceLock<Vec<(String, TermId)>>,
    postings: Vec<Vec<(DocId, u16)>>,
    doc_len: Vec<u16>,
    doc_pack: Vec<u32>,
    pack_docs: Vec<Range<DocId>>,
    /// Number of packs that use each term.
    pack_freq: Vec<u32>,
    /// Occurrences of each term: all, those written as a name (capitalised mid-sentence, or an
    /// acronym), and those written in lowercase.
    occurrences: Vec<(u32, u32, u32)>,
    avg_len: f32,
}

impl Index {
    /// Builds an index from documents given in pack order: `(pack, tokens)`.
    /// Each document's tokens are only borrowed while it is indexed, so a caller can analyse
    /// documents one at a time and keep none of them.
    pub fn build<T: AsRef<[Token]>>(docs: impl IntoIterator<Item = (usize, T)>) -> Index {
        let mut index = Index::default();
        let mut surfaces: HashMap<String, TermId> = HashMap::new();
        let mut total_len = 0usize;
        for (doc, (pack, tokens)) in docs.into_iter().enumerate() {
            let tokens = tokens.as_ref();
            let doc = doc as DocId;
            while index.pack_docs.len() <= pack {
                index.pack_docs.push(doc..doc);
            }
            index.pack_docs[pack].end = doc + 1;
            let mut len = 0u16;
            // Filler words are only ignored in questions; in an article "said" is content.
            for tok in tokens
                .iter()
                .filter(|t| matches!(t.role, TokenRole::Content | TokenRole::Filler))
            {
                len = len.saturating_add(1);
                let next = index.vocab.len() as TermId;
                let id = *index.vocab.entry(tok.term.clone()).or_insert(next);
                if id == next {
                    index.postings.push(Vec::new());
                    index.terms.push(tok.term.clone());
                    index.pack_freq.push(0);
                    index.occurrences.push((0, 0, 0));
                }
                let occ = &mut index.occurrences[id as usize];
                occ.0 += 1;
                occ.1 += tok.proper as u32;
                occ.2 += !tok.capitalised as u32;
                surfaces.entry(tok.surface.clone()).or_insert(id);
                let list = &mut index.postings[id as usize];
                let new_in_pack = list
                    .last()
                    .is_none_or(|(d, _)| (*d as usize) < index.pack_docs[pack].start as usize);
                if new_in_pack {
                    index.pack_freq[id as usize] += 1;
                }
                match list.last_mut() {
                    Some((d, tf)) if *d == doc => *tf = tf.saturating_add(1),
                    _ => list.push((doc, 1)),
                }
            }
            total_len += len as usize;
            index.doc_len.push(len);
            index.doc_pack.push(pack as u32);
        }
        index.avg_len = if index.doc_len.is_empty() {
            1.0
        } else {
            (total_len as f32 / index.doc_len.len() as f32).max(1.0)
        };
        for (surface, id) in surfaces {
            let n = surface.chars().count();
            if index.surfaces_by_len.len() <= n {
                index.surfaces_by_len.resize_with(n + 1, Vec::new);
            }
            index.surfaces_by_len[n].push((surface, id));
        }
        index.sorted_terms = index.terms.clone();
        index.sorted_terms.sort();
        for bucket in &mut index.surfaces_by_len {
            bucket.sort();
        }
        index
    }

    pub fn doc_count(&self) -> usize {
        self.doc_len.len()
    }

    /// Content words in a document.
    pub fn doc_len(&self, doc: DocId) -> usize {
        self.doc_len.get(doc as usize).map_or(0, |&l| l as usize)
    }

    pub fn doc_pack(&self, doc: DocId) -> usize {
        self.doc_pack[doc as usize] as usize
    }

    /// The documents of a pack.
    pub fn pack_docs(&self, pack: usize) -> Range<DocId> {
        self.pack_docs.get(pack).cloned().unwrap_or(0..0)
    }

    pub fn knows(&self, term: &str) -> bool {
        self.vocab.contains_key(term)
    }

    /// Number of documents of `pack` that contain `term`.
    pub fn pack_df(&self, term: &str, pack: usize) -> usize {
        let Some(&id) = self.vocab.get(term) else {
            return 0;
        };
        let range = self.pack_docs(pack);
        let list = &self.postings[id as usize];
        let lo = list.partition_point(|(d, _)| *d < range.start);
        let hi = list.partition_point(|(d, _)| *d < range.end);
        hi - lo
    }

    /// Number of packs that use `term`.
    pub fn pack_freq(&self, term: &str) -> usize {
        self.vocab
            .get(term)
            .map_or(0, |&id| self.pack_freq[id as usize] as usize)
    }

    /// True when `term` is mostly written as a name in the documents.
    pub fn is_name(&self, term: &str) -> bool {
        self.vocab.get(term).is_some_and(|&id| {
            let (all, named, _) = self.occurrences[id as usize];
            named * 2 > all
        })
    }

    /// True when the documents write `term` as a name somewhere and never in lowercase: a
    /// name that mostly opens sentences ("Wilkinson, who has not played…") is still a name.
    pub fn never_lowercase_name(&self, term: &str) -> bool {
        self.vocab.get(term).is_some_and(|&id| {
            let (_, named, lowercase) = self.occurrences[id as usize];
            named > 0 && lowercase == 0
        })
    }

    /// True when some document has `surface` as a word, as written (lowercase).
    pub fn has_surface(&self, surface: &str) -> bool {
        self.surfaces_by_len
            .get(surface.chars().count())
            .is_some_and(|bucket| {
                bucket
                    .binary_search_by(|(known, _)| known.as_str().cmp(surface))
                    .is_ok()
            })
    }

    /// Is `tok`, written in lowercase, another form of a word the documents use only as a
    /// name ("opening" against "Australian Open")? Names don't inflect, so such a word is not
    /// that name; the name as written, or its plural ("open", "opens"), still is.
    fn inflects_a_name(&self, tok: &Token) -> bool {
        // An alias ("nk" for North Korea) is a name by the lexicon's word, whatever its form.
        let alias = text::stem_word(&tok.surface) != tok.term;
        if tok.proper || tok.number || alias || !self.is_name(&tok.term) {
            return false;
        }
        let surface = tok.surface.as_str();
        let forms = [
            Some(surface),
            surface.strip_suffix('s'),
            surface.strip_suffix("es"),
        ];
        !forms
            .into_iter()
            .flatten()
            .any(|form| self.has_surface(form))
    }

    /// Number of packs.
    pub fn pack_count(&self) -> usize {
        self.pack_docs.len()
    }

    /// Number of documents containing `term`, over all packs.
    pub fn df(&self, term: &str) -> usize {
        self.vocab
            .get(term)
            .map_or(0, |&id| self.postings[id as usize].len())
    }

    /// BM25 inverse document frequency for a document frequency among `n` documents.
    pub fn idf(df: usize, n: usize) -> f32 {
        let (df, n) = (df as f32, n as f32);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// Terms whose written form is within the typo rules of `surface`.
    pub fn typo_matches(&self, surface: &str) -> Vec<String> {
        let n = surface.chars().count();
        let allowed = typo::max_typos(n);
        if allowed == 0 {
            return Vec::new();
        }
        let first: Vec<char> = surface.chars().take(2).collect();
        let mut out: Vec<(usize, String)> = Vec::new();
        for len in n.saturating_sub(allowed)..=n + allowed {
            let Some(bucket) = self.surfaces_by_len.get(len) else {
                continue;
            };
            for (known, id) in bucket {
                // Cheap filter: typos rarely touch both of the first two letters.
                let mut kc = known.chars();
                let (k0, k1) = (kc.next(), kc.next());
                if k0 != first.first().copied()
                    && k1 != first.get(1).copied()
                    && k0 != first.get(1).copied()
                {
                    continue;
                }
                if typo::within_typos(known, surface) {
                    let d = strsim::osa_distance(known, surface);
                    if let Some(term) = self.term_name(*id) {
                        out.push((d, term.to_owned()));
                    }
                }
            }
        }
        out.sort();
        let best = out.first().map(|(d, _)| *d);
        let mut terms: Vec<String> = out
            .into_iter()
            .filter(|(d, _)| Some(*d) == best)
            .map(|(_, t)| t)
            .collect();
        terms.dedup();
        terms
    }

    /// Terms of the same word family as `term` (a stem): terms that start with it, or that it
    /// starts with, sharing at least `MIN_FAMILY_PREFIX` letters ("champ" / "championship",
    /// "supplier" / "suppli"). Binary search in the sorted terms, never a scan.
    pub fn family_matches(&self, term: &str) -> Vec<String> {
        let n = term.chars().count();
        if n < MIN_FAMILY_PREFIX || !term.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        let mut out: Vec<String> = Vec::new();
        let start = self.sorted_terms.partition_point(|t| t.as_str() < term);
        out.extend(
            self.sorted_terms[start..]
                .iter()
                .take_while(|t| t.starts_with(term))
                .filter(|t| t.as_str() != term && !is_compound_of(t, term))
                .take(MAX_FAMILY_MATCHES)
                .cloned(),
        );
        for (at, _) in term.char_indices().skip(MIN_FAMILY_PREFIX) {
            let prefix = &term[..at];
            if self.vocab.contains_key(prefix)
                && !out.iter().any(|t| t == prefix)
                && !is_compound_of(term, prefix)
            {
                out.push(prefix.to_owned());
            }
        }
        out
    }

    /// Terms of closed compounds whose head is `surface` (a word as typed): "goalkeeper" for
    /// "keeper", "orchestra-pit" never (hyphenated words are split already). The part before
    /// the head must be a word of its own in news text ("goal"), so "husband" is no compound
    /// of "band"; a head shorter than `MIN_COMPOUND_HEAD` letters finds nothing.
    pub fn compound_matches(&self, surface: &str) -> Vec<String> {
        if surface.chars().count() < MIN_COMPOUND_HEAD || !surface.chars().all(char::is_alphabetic)
        {
            return Vec::new();
        }
        let reversed_surfaces = self.reversed_surfaces.get_or_init(|| {
            let mut all: Vec<(String, TermId)> = self
                .surfaces_by_len
                .iter()
                .flatten()
                .map(|(surface, id)| (surface.chars().rev().collect(), *id))
                .collect();
            all.sort();
            all
        });
        let reversed: String = surface.chars().rev().collect();
        let start = reversed_surfaces.partition_point(|(t, _)| t.as_str() < reversed.as_str());
        let mut out: Vec<String> = Vec::new();
        for (word, id) in reversed_surfaces[start..]
            .iter()
            .take_while(|(t, _)| t.starts_with(reversed.as_str()))
        {
            let front: String = word[reversed.len()..].chars().rev().collect();
            if front.chars().count() < MIN_COMPOUND_FRONT
                || !text::general::in_general_use(&text::stem_word(&front))
            {
                continue;
            }
            if let Some(term) = self.term_name(*id) {
                if !out.iter().any(|t| t == term) {
                    out.push(term.to_owned());
                }
            }
            if out.len() == MAX_COMPOUND_MATCHES {
                break;
            }
        }
        out
    }

    fn term_name(&self, id: TermId) -> Option<&str> {
        self.terms.get(id as usize).map(String::as_str)
    }

    /// Scores every document that matches any query word. `docs` limits the search to a range.
    pub fn search(&self, query: &Query, docs: Option<Range<DocId>>) -> Vec<Hit> {
        let n = self.doc_count();
        // Accumulators of the documents matched so far, found through a dense slot per
        // document (0: none yet, else position + 1): no hashing on the path every posting
        // takes. Words are added in order, so every score sums in the same order as before.
        let mut slot: Vec<u32> = vec![0; n];
        let mut acc: Vec<Accumulator> = Vec::new();
        let mut touched: Vec<u32> = Vec::new();
        for (i, word) in query.words.iter().enumerate().take(64) {
            let mark = i as u32 + 1;
            // A stand-in is never worth more than the word itself: a rare synonym ("poll")
            // must not outrank the word as typed ("survey") where the index has both.
            let own_idf = self.vocab.get(&word.term).map_or(f32::INFINITY, |&id| {
                Index::idf(self.postings[id as usize].len(), n)
            });
            // Best weighted contribution of this word to each document.
            for (term, weight) in &word.alternatives {
                let Some(&id) = self.vocab.get(term) else {
                    continue;
                };
                let list = &self.postings[id as usize];
                let idf = Index::idf(list.len(), n).min(own_idf);
                let (lo, hi) = match &docs {
                    Some(r) => (
                        list.partition_point(|(d, _)| *d < r.start),
                        list.partition_point(|(d, _)| *d < r.end),
                    ),
                    None => (0, list.len()),
                };
                for &(doc, tf) in &list[lo..hi] {
                    let tf = tf as f32;
                    let norm = 1.0 - B + B * self.doc_len[doc as usize] as f32 / self.avg_len;
                    let s = weight * idf * tf * (K1 + 1.0) / (tf + K1 * norm);
                    let at = match slot[doc as usize] {
                        0 => {
                            acc.push(Accumulator::new(doc));
                            slot[doc as usize] = acc.len() as u32;
                            acc.len() - 1
                        }
                        k => k as usize - 1,
                    };
                    let a = &mut acc[at];
                    if a.word != mark {
                        a.word = mark;
                        a.best = (0.0, 0.0);
                        touched.push(at as u32);
                    }
                    if s > a.best.0 {
                        a.best = (s, *weight);
                    }
                }
            }
            for at in touched.drain(..) {
                let a = &mut acc[at as usize];
                a.hit.score += a.best.0;
                a.hit.match_weight += a.best.1;
                a.hit.matched |= 1 << i;
            }
        }
        let mut hits: Vec<Hit> = acc.into_iter().map(|a| a.hit).collect();
        // Documents are unique, so this order is total and an unstable sort gives the same.
        hits.sort_unstable_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }
}

/// A document's running score in [`Index::search`], with the best contribution of the word
/// being added (`word`: that word's position + 1).
struct Accumulator {
    hit: Hit,
    word: u32,
    best: (f32, f32),
}

impl Accumulator {
    fn new(doc: DocId) -> Accumulator {
        Accumulator {
            hit: Hit {
                doc,
                score: 0.0,
                matched: 0,
                match_weight: 0.0,
            },
            word: 0,
            best: (0.0, 0.0),
        }
    }
}

/// Builds a query from analysed tokens: content words, deduplicated, with their synonyms and,
/// for words `index` does not know, typo corrections.
pub fn build_query(tokens: &[Token], index: &Index) -> Query {
    let lex = Lexicon::get();
    // A yes/no question or a claim ("did they admit it") is answered by the opposite word too
    // ("they denied it"); a wh-question ("how can they prove they're innocent") is not.
    let opens_like_yes_no = tokens.first().is_some_and(|t| {
        matches!(
            t.surface.as_str(),
            "did"
                | "does"
                | "do"
                | "is"
                | "was"
                | "are"
                | "were"
                | "has"
                | "have"
                | "had"
                | "can"
                | "could"
                | "will"
                | "would"
                | "should"
        )
    });
    let wh_question = !opens_like_yes_no
        && tokens.iter().any(|t| {
            matches!(
                t.surface.as_str(),
                "who"
                    | "what"
                    | "whats"
                    | "when"
                    | "where"
                    | "why"
                    | "how"
                    | "which"
                    | "whose"
                    | "whom"
                    | "wat"
            )
        });
    let mut words: Vec<QueryWord> = Vec::new();
    let mut negated = false;
    for tok in tokens {
        match tok.role {
            TokenRole::Negation => {
                negated = true;
                continue;
            }
            TokenRole::Content => {}
            _ => continue,
        }
        if words.iter().any(|w| w.term == tok.term) || words.len() >= MAX_POSITIONS {
            continue;
        }
        let mut alternatives = if index.inflects_a_name(tok) {
            Vec::new()
        } else {
            vec![(tok.term.clone(), 1.0)]
        };
        // "in 03" is 2003, "in 99" is 1999; "the 90s" are the 1990s.
        let two_digits = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
        let decade = tok.term.strip_suffix('s').filter(|t| two_digits(t));
        if tok.number && (two_digits(&tok.term) || decade.is_some()) {
            let century = if tok.term.as_str() < "50" { "20" } else { "19" };
            alternatives.push((format!("{century}{}", tok.term), SYNONYM_WEIGHT));
        }
        for syn in lex.synonyms(&tok.term) {
            alternatives.push((syn.clone(), SYNONYM_WEIGHT));
        }
        for ant in lex.antonyms(&tok.term).iter().filter(|_| !wh_question) {
            if !alternatives.iter().any(|(t, _)| t == ant) {
                alternatives.push((ant.clone(), ANTONYM_WEIGHT));
            }
        }
        // A word news text mostly writes as a name ("guardian", "standard") is that name even
        // in lowercase: the relatives and look-alikes of its common sense ("defender",
        // "guard") are other things.
        let usually_a_name = text::general::usually_a_name(&tok.term, &tok.surface);
        for rel in lex.related(&tok.term).iter().filter(|_| !usually_a_name) {
            if !alternatives.iter().any(|(t, _)| t == rel) {
                alternatives.push((rel.clone(), RELATED_WEIGHT));
            }
        }
        if !tok.number
            && !index.knows(&tok.term)
            && !alternatives.iter().any(|(t, _)| index.knows(t))
        {
            for fixed in index.typo_matches(&tok.surface) {
                for syn in lex.synonyms(&fixed) {
                    alternatives.push((syn.clone(), TYPO_WEIGHT * SYNONYM_WEIGHT));
                }
                alternatives.push((fixed, TYPO_WEIGHT));
            }
            if !usually_a_name && !alternatives.iter().any(|(t, _)| index.knows(t)) {
                for family in index.family_matches(&tok.term) {
                    alternatives.push((family, FAMILY_WEIGHT));
                }
                for compound in index.compound_matches(&tok.surface) {
                    if !alternatives.iter().any(|(t, _)| *t == compound) {
                        alternatives.push((compound, FAMILY_WEIGHT));
                    }
                }
            }
            // A word of a multi-word name the lexicon knows stands for that name: "kim's
            // govt" for "Kim Jong Un", which the article holds as one term.
            if usually_a_name || tok.proper {
                for alias in lex.aliases_with_word(&tok.surface) {
                    if index.knows(alias) && !alternatives.iter().any(|(t, _)| t == alias) {
                        alternatives.push((alias.clone(), SYNONYM_WEIGHT));
                    }
                }
            }
            if let Some(fixed) = lexicon_typo(&tok.surface) {
                for syn in lex.synonyms(&fixed) {
                    alternatives.push((syn.clone(), TYPO_WEIGHT * SYNONYM_WEIGHT));
                }
            }
        }
        words.push(QueryWord {
            surface: tok.surface.clone(),
            term: tok.term.clone(),
            alternatives,
            proper: tok.proper,
            number: tok.number,
            compound: tok.compound,
            negated,
        });
    }
    let offers_alternatives = tokens.iter().any(|t| t.surface == "or");
    Query {
        words,
        offers_alternatives,
    }
}

/// A lexicon word that `surface` is a typo of, as a term (for misspelt synonyms the article
/// does not use itself: "cancled" → cancel → the article's "forced to cancel").
fn lexicon_typo(surface: &str) -> Option<String> {
    let lex = Lexicon::get();
    if surface.chars().count() < MIN_LEXICON_TYPO_CHARS {
        return None;
    }
    let stem = text::stem_word(surface);
    if !lex.synonyms(&stem).is_empty() {
        return None;
    }
    // The first lexicon word (in lexicon order) within typos.
    synonym_words_by_len()
        .typos_of(surface)
        .min_by_key(|&(order, _)| order)
        .map(|(_, w)| text::stem_word(w))
}

/// The lexicon's synonym words by character count, built once.
fn synonym_words_by_len() -> &'static typo::WordsByLen {
    static BY_LEN: OnceLock<typo::WordsByLen> = OnceLock::new();
    BY_LEN.get_or_init(|| typo::WordsByLen::new(Lexicon::get().synonym_words()))
}

/// Is `whole` (a term) a closed compound that opens with `front`, rather than a word of its
/// family? What follows the front is a word of its own in news text, of
/// [`MIN_COMPOUND_HEAD`] letters or more: "powerpoint" is no kind of "power", though
/// "championship" is of the family of "champion" ("ship" is too short to be read as a word).
fn is_compound_of(whole: &str, front: &str) -> bool {
    whole.strip_prefix(front).is_some_and(|rest| {
        rest.chars().count() >= MIN_COMPOUND_HEAD
            && text::general::in_general_use(&text::stem_word(rest))
    })
}
