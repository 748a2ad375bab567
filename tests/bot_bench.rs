//! Bot-path benchmark (issue 6, item 4): the real `factdesk run` binary, in its own process,
//! against the fake Discord of `tests/support` on loopback. Measures the time from dispatching a
//! `MESSAGE_CREATE` (a mention in a guild channel) to the fake recording the bot's reply POST,
//! over 1,000 sequential questions (median, p99), the wall time for a burst of 1,000 sent at
//! once (all must be answered), and the bot process's resident memory (`VmRSS`, `VmHWM` from
//! `/proc/<pid>/status`) idle after start-up and after the burst.
//!
//! Ignored by default (it is a measurement, not a check). Run it on a release build:
//! `cargo test --release --test bot_bench -- --ignored --nocapture`.
//! The times include the fake's side (JSON encoding, websocket frame, HTTP parsing, the wake-up
//! of the waiting test task), so they are an upper bound on what the bot itself adds. The fake's
//! sockets do not set `TCP_NODELAY`, so a few percent of messages wait ~40 ms for a delayed ACK
//! (Nagle's algorithm on loopback); that tail is the harness's, see `docs/benchmarks.md`.

#[path = "../benches/common/mod.rs"]
mod bench_common;
mod support;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{guild_mention, route, FakeConfig, FakeDiscord, RecordedRequest, TestUser};
use support::{CHANNEL_ID, GUILD_ID};

/// A well-formed (fake) bot token (`Config` rejects malformed ones).
const TOKEN: &str = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhRtXy.abcdefghijklmnopqrstuvwxyz0123456789AB";
const CHANNEL_MESSAGES: &str = "/channels/{}/messages";
const SEQUENTIAL: usize = 1000;
const BURST: usize = 1000;
const WAIT: Duration = Duration::from_secs(30);

/// The question texts of `tests/data/questions.toml`.
fn questions() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/questions.toml");
    let text = std::fs::read_to_string(path).expect("the question set reads");
    let value: toml::Value = toml::from_str(&text).expect("the question set parses");
    value["question"]
        .as_array()
        .expect("[[question]] entries")
        .iter()
        .map(|q| q["text"].as_str().expect("a text").to_owned())
        .collect()
}

/// The id of the message a bot POST replies to.
fn replied_id(r: &RecordedRequest) -> Option<&str> {
    if !r.is("POST", CHANNEL_MESSAGES) {
        return None;
    }
    r.body["message_reference"]["message_id"].as_str()
}

fn id_of(message: &Value) -> String {
    message["id"].as_str().expect("message id").to_owned()
}

/// The `q` quantile of sorted samples.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// The bot process, killed when dropped (also when an assertion fails).
struct BotProcess(Child);

impl Drop for BotProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: cargo test --release --test bot_bench -- --ignored --nocapture"]
async fn bot_path_latency_burst_and_memory() {
    let fake = FakeDiscord::start_with(FakeConfig {
        token: TOKEN.to_owned(),
        // Discord's own interval: with a shorter one a burst delays the heartbeat ACK.
        heartbeat_interval_ms: 41_250,
        ..FakeConfig::default()
    })
    .await;
    let workdir = tempfile::tempdir().expect("a scratch folder");
    let knowledge = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let started = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .arg("--knowledge")
        .arg(&knowledge)
        .arg("run")
        // A scratch working folder, so no `.env` of the developer's is read.
        .current_dir(workdir.path())
        .env("DISCORD_TOKEN", TOKEN)
        .env("DISCORD_API_BASE", fake.api_base())
        .env("FACTDESK_SHARDS", "0..0/1")
        .env("FACTDESK_COOLDOWN_SECS", "0")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the factdesk binary starts");
    let bot = BotProcess(child);
    let pid = bot.0.id();
    fake.wait_identified(1, WAIT)
        .await
        .expect("the bot identifies");
    let identified = started.elapsed();

    let questions = questions();
    let asker = TestUser::new(1_400_000_000_000_000_001, "bench");
    let ask = |i: usize| {
        guild_mention(
            GUILD_ID,
            CHANNEL_ID,
            &asker,
            &TestUser::bot_user(),
            &questions[i % questions.len()],
        )
    };
    // One answered question: the bot is connected and has answered once.
    let first = ask(0);
    fake.dispatch("MESSAGE_CREATE", first.clone());
    let first_id = id_of(&first);
    fake.wait_for_request(|r| replied_id(r) == Some(first_id.as_str()), WAIT)
        .await
        .expect("the first question is answered");
    let first_reply = started.elapsed();
    let idle = bench_common::memory_mib(&pid.to_string());

    // Sequential: one question at a time, MESSAGE_CREATE → the reply's POST.
    let mut micros = Vec::with_capacity(SEQUENTIAL);
    for i in 0..SEQUENTIAL {
        let message = ask(i);
        let id = id_of(&message);
        let since = fake.request_count();
        let start = Instant::now();
        fake.dispatch("MESSAGE_CREATE", message);
        fake.wait_for_request_since(since, |r| replied_id(r) == Some(id.as_str()), WAIT)
            .await
            .unwrap_or_else(|e| panic!("no reply to question {i}: {e}"));
        micros.push(start.elapsed().as_secs_f64() * 1e6);
    }
    let after_sequential = bench_common::memory_mib(&pid.to_string());

    // Burst: 1,000 questions dispatched at once; wait until every one has its reply.
    let posts_before = fake
        .requests_matching(route("POST", CHANNEL_MESSAGES))
        .len();
    let start = Instant::now();
    let ids: Vec<String> = (0..BURST)
        .map(|i| {
            let message = ask(i);
            let id = id_of(&message);
            fake.dispatch("MESSAGE_CREATE", message);
            id
        })
        .collect();
    let replies = fake
        .wait_for_n_requests(
            route("POST", CHANNEL_MESSAGES),
            posts_before + BURST,
            Duration::from_secs(120),
        )
        .await
        .expect("every burst question gets a reply");
    let burst_wall = start.elapsed();
    let answered: std::collections::HashSet<&str> = replies.iter().filter_map(replied_id).collect();
    let missing = ids
        .iter()
        .filter(|id| !answered.contains(id.as_str()))
        .count();
    let after_burst = bench_common::memory_mib(&pid.to_string());
    drop(bot);

    micros.sort_by(f64::total_cmp);
    let (median, p90, p99) = (
        quantile(&micros, 0.5),
        quantile(&micros, 0.9),
        quantile(&micros, 0.99),
    );
    let slow = micros.iter().filter(|&&us| us > 10_000.0).count();
    let mean = micros.iter().sum::<f64>() / micros.len() as f64;
    println!("\n== Bot path: factdesk run (release) ↔ fake Discord on loopback, Sony pack");
    println!(
        "start-up: spawn → IDENTIFY {:.0} ms, → first reply {:.0} ms",
        identified.as_secs_f64() * 1e3,
        first_reply.as_secs_f64() * 1e3
    );
    println!(
        "sequential ({SEQUENTIAL}): median {median:.0} µs, p90 {p90:.0} µs, p99 {p99:.0} µs, mean {mean:.0} µs, max {:.0} µs; {slow} over 10 ms",
        micros.last().copied().unwrap_or(0.0)
    );
    println!(
        "burst ({BURST} dispatched at once): all answered in {:.0} ms ({:.0} replies/s), {missing} missing",
        burst_wall.as_secs_f64() * 1e3,
        BURST as f64 / burst_wall.as_secs_f64()
    );
    println!(
        "bot memory MiB (RSS / peak): idle {:.1} / {:.1}, after sequential {:.1} / {:.1}, after burst {:.1} / {:.1}",
        idle.0, idle.1, after_sequential.0, after_sequential.1, after_burst.0, after_burst.1
    );
    assert_eq!(missing, 0, "every burst question is answered");
}
