//! The measurements criterion does not make (issue 6): latency median and p99 per question,
//! questions per second on one core, resident memory after loading 1 … 2,095 packs, and the time
//! from process start to "ready to answer".
//!
//! Run `cargo run --release --example measure` (about twenty seconds; `-- --quick` for a rougher
//! pass). Every scale step and every start-up runs in a fresh child process (this same
//! binary with `--child-scale N` / `--child-ready N`), so its resident memory and start-up time
//! are its own and not what earlier steps left behind. Memory is `VmRSS` (now) and `VmHWM`
//! (peak) from `/proc/self/status`. The scale steps are skipped when `../shared/corpus/bbc-news`
//! is absent. For profiling, `--loop N SECONDS` loads Sony + N articles and asks the question
//! set over and over (`perf record -g target/release/examples/measure --loop 2095 10`).

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use factdesk::engine::Engine;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let number = |i: usize| -> usize {
        args.get(i)
            .and_then(|a| a.parse().ok())
            .expect("a pack count follows the child flag")
    };
    match args.first().map(String::as_str) {
        Some("--child-scale") => child_scale(number(1), quick),
        Some("--child-ready") => child_ready(number(1)),
        Some("--loop") => ask_loop(number(1), number(2)),
        _ => parent(quick),
    }
}

/// Per-call latencies in µs of `f` over `texts`, `rounds` times round the set (after one warm-up
/// round), with the mean per text of each text kept for "slowest" reports.
fn latencies(
    texts: &[String],
    rounds: usize,
    mut f: impl FnMut(&str),
) -> (Vec<f64>, Vec<(f64, usize)>) {
    for t in texts {
        f(t);
    }
    let mut all = Vec::with_capacity(texts.len() * rounds);
    let mut per_text = vec![0.0f64; texts.len()];
    for _ in 0..rounds {
        for (i, t) in texts.iter().enumerate() {
            let start = Instant::now();
            f(black_box(t));
            let us = start.elapsed().as_secs_f64() * 1e6;
            all.push(us);
            per_text[i] += us / rounds as f64;
        }
    }
    let mut slowest: Vec<(f64, usize)> = per_text.into_iter().zip(0..).collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    (all, slowest)
}

/// Calls per second of `f` over `texts` on this one thread, for about `span`.
fn throughput(texts: &[String], span: Duration, mut f: impl FnMut(&str)) -> f64 {
    let start = Instant::now();
    let mut calls = 0usize;
    while start.elapsed() < span {
        for t in texts {
            f(black_box(t));
        }
        calls += texts.len();
    }
    calls as f64 / start.elapsed().as_secs_f64()
}

fn summary(samples: &mut [f64]) -> String {
    let mean = samples.iter().sum::<f64>() / samples.len().max(1) as f64;
    let (median, p99) = common::median_p99(samples);
    let max = samples.last().copied().unwrap_or(0.0);
    format!("median {median:8.1} µs   p99 {p99:8.1} µs   mean {mean:8.1} µs   max {max:8.1} µs")
}

fn parent(quick: bool) {
    let root = root();
    let rounds = if quick { 5 } else { 40 };
    println!("factdesk measure ({} build)", build_kind());

    println!("\n== Sony pack, one thread");
    let engine = common::sony_engine(root);
    let questions = common::question_texts(root);
    let claims = common::claim_texts(root);
    let (mut asks, slow_asks) = latencies(&questions, rounds, |q| {
        black_box(engine.ask(q));
    });
    println!(
        "ask   ({} questions × {rounds}): {}",
        questions.len(),
        summary(&mut asks)
    );
    let (mut checks, slow_checks) = latencies(&claims, rounds.div_ceil(2), |c| {
        black_box(engine.check(c));
    });
    println!(
        "check ({} claims × {}):     {}",
        claims.len(),
        rounds.div_ceil(2),
        summary(&mut checks)
    );
    let span = Duration::from_secs(if quick { 1 } else { 3 });
    let ask_qps = throughput(&questions, span, |q| {
        black_box(engine.ask(q));
    });
    let check_qps = throughput(&claims, span, |c| {
        black_box(engine.check(c));
    });
    println!("one core: {ask_qps:.0} questions/s, {check_qps:.0} claims/s");
    println!("slowest questions (mean µs):");
    for (us, i) in slow_asks.iter().take(5) {
        println!("  {us:8.1}  {:?}", questions[*i]);
    }
    println!("slowest claims (mean µs):");
    for (us, i) in slow_checks.iter().take(3) {
        println!("  {us:8.1}  {:?}", claims[*i]);
    }
    drop(engine);

    let exe = std::env::current_exe().expect("the running binary has a path");
    let available = common::corpus_files(root).map_or(0, |f| f.len());
    let mut steps = vec![0usize];
    if available == 0 {
        println!(
            "\n(scale steps skipped: {} not found)",
            root.join(common::CORPUS).display()
        );
    } else {
        steps.extend(common::SCALE_STEPS.iter().map(|&n| n.min(available)));
    }

    println!("\n== Scale: Sony pack + N BBC articles, each in a fresh process");
    println!(
        "{:>6} {:>9} {:>10} {:>9} {:>9} {:>10} {:>10} {:>10}",
        "N", "sentences", "load ms", "RSS MiB", "peak MiB", "ask med µs", "ask p99 µs", "ask/s"
    );
    for &n in &steps {
        let mut cmd = Command::new(&exe);
        cmd.arg("--child-scale").arg(n.to_string());
        if quick {
            cmd.arg("--quick");
        }
        let out = cmd.output().expect("the child process runs");
        assert!(
            out.status.success(),
            "child for N={n} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = String::from_utf8_lossy(&out.stdout);
        let f: Vec<f64> = line
            .split_whitespace()
            .map(|x| x.parse().expect("the child prints numbers"))
            .collect();
        let label = if n == 0 {
            "0".to_owned()
        } else {
            common::step_label(n, available)
        };
        println!(
            "{label:>6} {:>9.0} {:>10.1} {:>9.1} {:>9.1} {:>10.1} {:>10.1} {:>10.0}",
            f[0], f[1], f[2], f[3], f[4], f[5], f[6]
        );
    }

    println!("\n== Start-up: process start → engine loaded and first answer given (median of 5)");
    let mut ready_steps = vec![0usize];
    if available > 0 {
        ready_steps.push(available);
    }
    for &n in &ready_steps {
        let mut times: Vec<f64> = (0..5).map(|_| time_to_ready(&exe, n)).collect();
        let (median, _) = common::median_p99(&mut times);
        let max = times.last().copied().unwrap_or(0.0);
        println!("Sony + {n:>4} articles: {median:7.1} ms (max {max:.1} ms)");
    }
}

/// Wall time from spawning a child until it prints "ready", in ms.
fn time_to_ready(exe: &PathBuf, n: usize) -> f64 {
    let start = Instant::now();
    let mut child = Command::new(exe)
        .arg("--child-ready")
        .arg(n.to_string())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the child process starts");
    let stdout = child.stdout.take().expect("the child's stdout is piped");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("the child writes a line");
    let ms = start.elapsed().as_secs_f64() * 1e3;
    assert_eq!(line.trim(), "ready", "the child reports ready");
    child.wait().expect("the child exits");
    ms
}

/// Loads Sony + `n` articles from disk, then prints: sentences, load ms, RSS MiB, peak MiB,
/// ask median µs, ask p99 µs, asks per second.
fn child_scale(n: usize, quick: bool) {
    let root = root();
    let files = common::corpus_files(root).unwrap_or_default();
    let start = Instant::now();
    let engine = common::load_engine(root, &files, n);
    let load_ms = start.elapsed().as_secs_f64() * 1e3;
    let (rss, hwm) = common::memory_mib("self");
    let sentences: usize = engine.packs().iter().map(|p| p.sentences.len()).sum();
    let questions = common::question_texts(root);
    let rounds = if quick { 3 } else { 15 };
    let (mut asks, _) = latencies(&questions, rounds, |q| {
        black_box(engine.ask(q));
    });
    let mean = asks.iter().sum::<f64>() / asks.len().max(1) as f64;
    let (median, p99) = common::median_p99(&mut asks);
    println!(
        "{sentences} {load_ms:.2} {rss:.2} {hwm:.2} {median:.2} {p99:.2} {:.1}",
        1e6 / mean
    );
}

/// Loads Sony + `n` articles from disk, answers one question, prints "ready".
fn child_ready(n: usize) {
    let root = root();
    let engine: Engine = if n == 0 {
        Engine::load(&root.join("knowledge")).expect("knowledge loads")
    } else {
        let files = common::corpus_files(root).unwrap_or_default();
        common::load_engine(root, &files, n)
    };
    black_box(engine.ask("who hacked sony"));
    println!("ready");
}

/// For profilers (`perf record`, callgrind): loads Sony + `n` articles, then asks the question
/// set over and over for `seconds`.
fn ask_loop(n: usize, seconds: usize) {
    let root = root();
    let files = common::corpus_files(root).unwrap_or_default();
    let engine = common::load_engine(root, &files, n);
    let questions = common::question_texts(root);
    let qps = throughput(&questions, Duration::from_secs(seconds as u64), |q| {
        black_box(engine.ask(q));
    });
    println!("{qps:.0} questions/s");
}

fn build_kind() -> &'static str {
    if cfg!(debug_assertions) {
        "DEBUG — use --release"
    } else {
        "release"
    }
}
