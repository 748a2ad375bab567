//! The benchmark peer: tantivy (BM25) over the very sentences factdesk answers from.
//!
//! One tantivy document per sentence of every loaded pack (the spans in
//! `engine.packs()[i].sentences`, so both sides split the article the same way), analysed with
//! tantivy's English stemmer, optionally dropping English stop words. A question is tokenised
//! with the same analyser and becomes an OR of its terms (what `QueryParser` makes of plain
//! words, without its query syntax, which questions like "who's the US?" would trip); the best
//! BM25 hits are the peer's citations. tantivy has no notion of declining, so it answers every
//! question that shares a word with some sentence.

#[path = "../../benches/common/mod.rs"]
pub mod common;

use std::path::{Path, PathBuf};

use factdesk::answer::Citation;
use factdesk::engine::Engine;
use tantivy::collector::TopDocs;
use tantivy::columnar::Column;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STORED};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    TokenStream,
};
use tantivy::{doc, Index, IndexReader, Searcher, Term};

/// The repository root (this crate lives in `bench-peer/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench-peer sits inside the repository")
        .to_owned()
}

/// How the peer analyses text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Analyzer {
    /// tantivy's `en_stem`: split on non-alphanumerics, lowercase, English Snowball stemmer.
    EnStem,
    /// `en_stem` plus tantivy's English stop-word list.
    EnStemStopWords,
}

impl Analyzer {
    pub fn name(self) -> &'static str {
        match self {
            Analyzer::EnStem => "tantivy en_stem",
            Analyzer::EnStemStopWords => "tantivy en_stem+stop",
        }
    }

    fn build(self) -> TextAnalyzer {
        let base = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser);
        match self {
            Analyzer::EnStem => base.filter(Stemmer::new(Language::English)).build(),
            Analyzer::EnStemStopWords => base
                .filter(StopWordFilter::new(Language::English).expect("English stop words ship"))
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }
}

/// A tantivy index over every sentence of an engine's packs.
pub struct Peer {
    text: tantivy::schema::Field,
    analyzer: TextAnalyzer,
    _reader: IndexReader,
    searcher: Searcher,
    /// Fast field by segment: the sentence's position in `refs`.
    slots: Vec<Column<u64>>,
    /// (pack index, sentence index) by slot.
    refs: Vec<(usize, usize)>,
}

impl Peer {
    /// Indexes every sentence of `engine`'s packs on one thread (tantivy's default 50 MB
    /// indexing budget; the 2,095-article index ends up in a few segments).
    pub fn build(engine: &Engine, analyzer: Analyzer) -> tantivy::Result<Peer> {
        let mut schema = Schema::builder();
        let indexing = TextFieldIndexing::default()
            .set_tokenizer("peer")
            .set_index_option(IndexRecordOption::WithFreqs);
        let text = schema.add_text_field(
            "text",
            TextOptions::default().set_indexing_options(indexing),
        );
        let slot_field = schema.add_u64_field("slot", FAST | STORED);
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register("peer", analyzer.build());
        let mut writer = index.writer_with_num_threads(1, 50_000_000)?;
        let mut refs = Vec::new();
        for (p, pack) in engine.packs().iter().enumerate() {
            for (s, sentence) in pack.sentences.iter().enumerate() {
                writer.add_document(doc!(
                    text => &pack.article[sentence.span.clone()],
                    slot_field => refs.len() as u64,
                ))?;
                refs.push((p, s));
            }
        }
        writer.commit()?;
        writer.wait_merging_threads()?;
        let reader = index.reader()?;
        let searcher = reader.searcher();
        let slots = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().u64("slot"))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Peer {
            text,
            analyzer: analyzer.build(),
            _reader: reader,
            searcher,
            slots,
            refs,
        })
    }

    /// Number of indexed sentences.
    pub fn len(&self) -> usize {
        self.refs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.refs.is_empty()
    }

    /// The question as an OR of its analysed terms (`None` when nothing is left).
    fn query(&mut self, question: &str) -> Option<BooleanQuery> {
        let mut terms: Vec<String> = Vec::new();
        let mut stream = self.analyzer.token_stream(question);
        while let Some(token) = stream.next() {
            if !terms.contains(&token.text) {
                terms.push(token.text.clone());
            }
        }
        if terms.is_empty() {
            return None;
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = terms
            .iter()
            .map(|t| {
                let term = Term::from_field_text(self.text, t);
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, q)
            })
            .collect();
        Some(BooleanQuery::new(clauses))
    }

    /// The best `limit` sentences as `(pack, sentence)`, best first.
    pub fn search(&mut self, question: &str, limit: usize) -> Vec<(usize, usize)> {
        let Some(query) = self.query(question) else {
            return Vec::new();
        };
        let top = self
            .searcher
            .search(&query, &TopDocs::with_limit(limit).order_by_score())
            .expect("in-memory search cannot fail");
        top.into_iter()
            .filter_map(|(_, addr)| self.slots[addr.segment_ord as usize].first(addr.doc_id))
            .map(|slot| self.refs[slot as usize])
            .collect()
    }

    /// What a bot built on the peer would send: up to three cited sentences, best first.
    pub fn ask(&mut self, engine: &Engine, question: &str) -> Vec<Citation> {
        self.search(question, 3)
            .into_iter()
            .map(|(p, s)| {
                let pack = &engine.packs()[p];
                let sentence = &pack.sentences[s];
                Citation {
                    quote: pack.article[sentence.span.clone()].to_owned(),
                    source: pack.id.clone(),
                    paragraph: sentence.paragraph,
                    sentence: sentence.index,
                }
            })
            .collect()
    }
}
