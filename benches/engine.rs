//! Criterion benchmarks of the answer engine (issue 6): `ask` and `check` latency on the Sony
//! pack over the evaluation sets, and how load-and-index time and `ask` latency grow with 1, 10,
//! 100, 1,000 and all 2,095 BBC articles loaded beside it.
//!
//! Run `cargo bench --bench engine` (about two minutes on two cores); pick a group with
//! `cargo bench --bench engine -- scale/ask`. Each `ask`/`check` iteration answers the next text
//! of its set in turn, so the reported time is the mean per question over the whole set. Medians
//! and p99s per question, questions per second and resident memory come from
//! `cargo run --release --example measure`. The scale groups are skipped, with a note, when
//! `../shared/corpus/bbc-news` is absent.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use factdesk::engine::Engine;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Benchmarks `f` over `texts`, one text per iteration, cycling.
fn cycle<'a, R>(
    texts: &'a [String],
    engine: &'a Engine,
    f: impl Fn(&Engine, &str) -> R + 'a,
) -> impl FnMut() -> R + 'a {
    let mut i = 0usize;
    move || {
        let text = &texts[i % texts.len()];
        i += 1;
        f(engine, black_box(text))
    }
}

fn sony(c: &mut Criterion) {
    let root = root();
    let engine = common::sony_engine(root);
    let questions = common::question_texts(root);
    let claims = common::claim_texts(root);
    let mut group = c.benchmark_group("sony");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(1));
    group.bench_function("ask", |b| {
        b.iter(cycle(&questions, &engine, |e, q| e.ask(q)))
    });
    group.bench_function("check", |b| {
        b.iter(cycle(&claims, &engine, |e, q| e.check(q)))
    });
    group.bench_function("load_and_index", |b| {
        b.iter(|| common::sony_engine(black_box(root)))
    });
    group.finish();
}

fn scale(c: &mut Criterion) {
    let root = root();
    let Some(files) = common::corpus_files(root) else {
        eprintln!(
            "scale benchmarks skipped: {} not found",
            root.join(common::CORPUS).display()
        );
        return;
    };
    let sony = common::sony_pack(root);
    let articles = common::read_articles(&files);
    let questions = common::question_texts(root);
    let steps: Vec<usize> = common::SCALE_STEPS
        .iter()
        .map(|&n| n.min(articles.len()))
        .collect();

    // Load and index: splitting into sentences, analysing and indexing, from text in memory
    // (file reading is timed separately by the measure example).
    let mut group = c.benchmark_group("scale/load_and_index");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(8));
    for &n in &steps {
        group.throughput(Throughput::Elements(n as u64 + 1));
        group.bench_with_input(
            BenchmarkId::from_parameter(common::step_label(n, articles.len())),
            &n,
            |b, &n| b.iter(|| common::engine_with(&sony, black_box(&articles[..n]))),
        );
    }
    group.finish();

    // Ask latency: the Sony questions, routed across every loaded pack.
    let mut group = c.benchmark_group("scale/ask");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(4))
        .throughput(Throughput::Elements(1));
    for &n in &steps {
        let engine = common::engine_with(&sony, &articles[..n]);
        group.bench_with_input(
            BenchmarkId::from_parameter(common::step_label(n, articles.len())),
            &engine,
            |b, engine| b.iter(cycle(&questions, engine, |e, q| e.ask(q))),
        );
    }
    group.finish();
}

criterion_group!(benches, sony, scale);
criterion_main!(benches);
