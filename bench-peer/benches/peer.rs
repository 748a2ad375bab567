//! Criterion: factdesk `ask` next to tantivy BM25 on the same sentences and questions, in one run
//! (issue 6, item 2). Each iteration asks the next question of `tests/data/questions.toml`, so
//! the time is the mean per question over the set. Accuracy and per-question medians/p99s come
//! from `cargo run --release -p bench-peer`.
//!
//! Run `cargo bench -p bench-peer` (about a minute, plus a first build of tantivy in the bench profile). The `all` group, over the Sony
//! pack plus all 2,095 BBC articles, is skipped when `../shared/corpus/bbc-news` is absent.

use std::hint::black_box;
use std::time::Duration;

use bench_peer::common;
use bench_peer::{repo_root, Analyzer, Peer};
use criterion::{criterion_group, criterion_main, Criterion};
use factdesk::engine::Engine;

fn side_by_side(c: &mut Criterion, group_name: &str, engine: &Engine, questions: &[String]) {
    let mut group = c.benchmark_group(group_name);
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4));
    group.bench_function("factdesk", |b| {
        let mut i = 0usize;
        b.iter(|| {
            i += 1;
            engine.ask(black_box(&questions[i % questions.len()]))
        })
    });
    for analyzer in [Analyzer::EnStem, Analyzer::EnStemStopWords] {
        let mut peer = Peer::build(engine, analyzer).expect("tantivy indexes the sentences");
        group.bench_function(analyzer.name().replace(' ', "_"), |b| {
            let mut i = 0usize;
            b.iter(|| {
                i += 1;
                peer.ask(engine, black_box(&questions[i % questions.len()]))
            })
        });
    }
    group.finish();
}

fn peer(c: &mut Criterion) {
    let root = repo_root();
    let questions = common::question_texts(&root);
    side_by_side(c, "peer/sony", &common::sony_engine(&root), &questions);
    match common::corpus_files(&root) {
        Some(files) => {
            let engine = common::load_engine(&root, &files, files.len());
            side_by_side(c, "peer/all", &engine, &questions);
        }
        None => eprintln!(
            "peer/all skipped: {} not found",
            root.join(common::CORPUS).display()
        ),
    }
}

criterion_group!(benches, peer);
criterion_main!(benches);
