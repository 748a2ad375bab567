//! factdesk next to tantivy on the same sentences and the same questions: index build time, time
//! per question (median, p99, mean) and first-citation accuracy, scored by the rule of
//! `tests/answer_eval.rs` (the first citation must be a sentence holding an accepted substring;
//! unanswerable questions count as right when declined).
//!
//! Run `cargo run --release -p bench-peer` (a few seconds once built; `-- --quick` for a rough pass,
//! `-- --sony-only` to skip the 2,095-article step). The scale step is skipped when
//! `../shared/corpus/bbc-news` is absent.

use std::hint::black_box;
use std::time::Instant;

use bench_peer::common::{self, Question};
use bench_peer::{repo_root, Analyzer, Peer};
use factdesk::answer::Citation;
use factdesk::engine::Engine;

struct Row {
    name: String,
    build_ms: f64,
    micros: Vec<f64>,
    answerable: usize,
    right: usize,
    unanswerable: usize,
    declined: usize,
}

impl Row {
    fn print(&mut self) {
        let mean = self.micros.iter().sum::<f64>() / self.micros.len().max(1) as f64;
        let (median, p99) = common::median_p99(&mut self.micros);
        println!(
            "{:<22} {:>9.1} {:>9.1} {:>9.1} {:>9.1}   {:>3}/{:<3} = {:>5.1}%   {:>3}/{:<3} = {:>5.1}%",
            self.name,
            self.build_ms,
            median,
            p99,
            mean,
            self.right,
            self.answerable,
            100.0 * self.right as f64 / self.answerable.max(1) as f64,
            self.declined,
            self.unanswerable,
            100.0 * self.declined as f64 / self.unanswerable.max(1) as f64,
        );
    }
}

fn header() {
    println!(
        "{:<22} {:>9} {:>9} {:>9} {:>9}   {:<17}   {:<17}",
        "system",
        "build ms",
        "median µs",
        "p99 µs",
        "mean µs",
        "first cit. right",
        "declined (unans.)"
    );
}

/// Scores one system: `ask` returns the citations it would send (empty: declined).
fn score(
    name: &str,
    build_ms: f64,
    engine: &Engine,
    questions: &[Question],
    rounds: usize,
    mut ask: impl FnMut(&str) -> Vec<Citation>,
) -> Row {
    let mut row = Row {
        name: name.to_owned(),
        build_ms,
        micros: Vec::with_capacity(questions.len() * rounds),
        answerable: 0,
        right: 0,
        unanswerable: 0,
        declined: 0,
    };
    for q in questions {
        let citations = ask(&q.text);
        if q.answerable {
            row.answerable += 1;
            row.right += citations
                .first()
                .is_some_and(|c| cited_right(engine, c, &q.accept))
                as usize;
        } else {
            row.unanswerable += 1;
            row.declined += citations.is_empty() as usize;
        }
    }
    for _ in 0..rounds {
        for q in questions {
            let start = Instant::now();
            black_box(ask(black_box(&q.text)));
            row.micros.push(start.elapsed().as_secs_f64() * 1e6);
        }
    }
    row
}

fn cited_right(engine: &Engine, c: &Citation, accept: &[String]) -> bool {
    let Some(pack) = engine.packs().iter().find(|p| p.id == c.source) else {
        return false;
    };
    pack.sentences
        .iter()
        .find(|s| s.paragraph == c.paragraph && s.index == c.sentence)
        .is_some_and(|s| common::span_holds(&pack.article, s.span.clone(), accept))
}

/// factdesk and both tantivy set-ups on one engine's sentences.
fn compare(engine: &Engine, engine_ms: f64, sets: &[(&str, Vec<Question>)], rounds: usize) {
    let mut peers = Vec::new();
    for analyzer in [Analyzer::EnStem, Analyzer::EnStemStopWords] {
        let start = Instant::now();
        let peer = Peer::build(engine, analyzer).expect("tantivy indexes the sentences");
        peers.push((analyzer, start.elapsed().as_secs_f64() * 1e3, peer));
    }
    for (set, questions) in sets {
        println!(
            "\n{set}: {} questions ({} answerable), {} rounds timed",
            questions.len(),
            questions.iter().filter(|q| q.answerable).count(),
            rounds
        );
        header();
        score("factdesk", engine_ms, engine, questions, rounds, |q| {
            let answer = engine.ask(q);
            if answer.answered {
                answer.citations
            } else {
                Vec::new()
            }
        })
        .print();
        for (analyzer, build_ms, peer) in &mut peers {
            score(analyzer.name(), *build_ms, engine, questions, rounds, |q| {
                peer.ask(engine, q)
            })
            .print();
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let root = repo_root();
    if cfg!(debug_assertions) {
        println!("(DEBUG build: run with --release for real figures)");
    }
    let sony_questions = common::questions(&root);

    let start = Instant::now();
    let engine = common::sony_engine(&root);
    let engine_ms = start.elapsed().as_secs_f64() * 1e3;
    let sentences: usize = engine.packs().iter().map(|p| p.sentences.len()).sum();
    println!("== Sony pack alone: {sentences} sentences, one document each on both sides");
    compare(
        &engine,
        engine_ms,
        &[("tests/data/questions.toml", sony_questions.clone())],
        if quick { 5 } else { 50 },
    );

    if args.iter().any(|a| a == "--sony-only") {
        return;
    }
    let Some(files) = common::corpus_files(&root) else {
        println!(
            "\n(scale step skipped: {} not found)",
            root.join(common::CORPUS).display()
        );
        return;
    };
    let start = Instant::now();
    let engine = common::load_engine(&root, &files, files.len());
    let engine_ms = start.elapsed().as_secs_f64() * 1e3;
    let sentences: usize = engine.packs().iter().map(|p| p.sentences.len()).sum();
    println!(
        "\n== Sony pack + all {} BBC articles (bare): {sentences} sentences; factdesk build includes reading and splitting",
        files.len()
    );
    let bbc = common::questions_in(&root, "tests/data/bbc_questions.toml");
    compare(
        &engine,
        engine_ms,
        &[
            ("tests/data/questions.toml", sony_questions),
            ("tests/data/bbc_questions.toml", bbc),
        ],
        if quick { 1 } else { 20 },
    );
}
