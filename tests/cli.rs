//! The `factdesk` binary as a newcomer and a hidden evaluation use it: `ask --json -` and
//! `check --json -` speak JSON Lines in the documented shapes, `facts` lists the topics, and
//! bad configuration stops `run` with exit status 2 and a message naming the variable — never
//! echoing the token, and never opening a connection (each case has one bad value, found before
//! anything starts; the API base points at a closed loopback port all the same).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn knowledge_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

/// Runs the binary in an empty temporary folder (so no `.env` is picked up) with only the given
/// variables set, feeding `stdin`.
fn factdesk(args: &[&str], vars: &[(&str, &str)], stdin: &str) -> Output {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factdesk"));
    cmd.current_dir(dir.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DISCORD_API_BASE", "http://127.0.0.1:9")
        .arg("--knowledge")
        .arg(knowledge_dir())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("factdesk starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin takes the input");
    child.wait_with_output().expect("factdesk finishes")
}

fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

#[test]
fn ask_json_lines_answers_each_line_in_order_with_the_documented_shape() {
    let out = factdesk(
        &["ask", "--json", "-"],
        &[],
        "who hacked sony?\nwhat's the weather like\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answers = json_lines(&out);
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0]["question"], "who hacked sony?");
    assert_eq!(answers[1]["question"], "what's the weather like");
    let article = std::fs::read_to_string(knowledge_dir().join("sony-hack-2014/article.txt"))
        .expect("article");
    for a in &answers {
        let keys: Vec<&str> = a
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "answer",
                "answered",
                "citations",
                "confidence",
                "question",
                "suggestions"
            ]
        );
        for c in a["citations"].as_array().expect("citations") {
            assert!(article.contains(c["quote"].as_str().expect("quote")));
            assert_eq!(c["source"], "sony-hack-2014");
            assert!(c["paragraph"].as_u64().is_some() && c["sentence"].as_u64().is_some());
        }
    }
    assert_eq!(answers[0]["answered"], true);
    assert_eq!(answers[1]["answered"], false);
    assert!(answers[1]["citations"]
        .as_array()
        .expect("citations")
        .is_empty());
}

#[test]
fn check_json_lines_gives_verdicts_with_evidence() {
    let out = factdesk(
        &["check", "--json", "-"],
        &[],
        "North Korea admitted it was behind the hack\nThe Eiffel Tower is in Paris\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results = json_lines(&out);
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["verdict"], "refuted");
    assert!(!results[0]["evidence"]
        .as_array()
        .expect("evidence")
        .is_empty());
    assert_eq!(results[1]["verdict"], "not_enough_info");
    for r in &results {
        for key in ["claim", "verdict", "evidence", "explanation", "confidence"] {
            assert!(r.get(key).is_some(), "missing {key}");
        }
    }
}

/// The claims a Sony server argues about most: the article reports an accusation and a
/// denial and takes no side, so "North Korea did it" and "North Korea is innocent" are not in
/// the source, while who accused and who denied are.
#[test]
fn check_keeps_to_the_article_on_the_disputed_culprit() {
    let claims = [
        ("north korea was behind the hack", "not_enough_info"),
        ("north korea was involved in the hack", "not_enough_info"),
        ("north korea is the culprit", "not_enough_info"),
        ("north korea is innocent", "not_enough_info"),
        ("the fbi blamed north korea", "supported"),
        ("north korea denies involvement", "supported"),
    ];
    let input: String = claims.iter().map(|(c, _)| format!("{c}\n")).collect();
    let out = factdesk(&["check", "--json", "-"], &[], &input);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results = json_lines(&out);
    assert_eq!(results.len(), claims.len());
    for (r, (claim, want)) in results.iter().zip(claims) {
        assert_eq!(r["verdict"], want, "{claim}: {}", r["explanation"]);
    }
}

#[test]
fn facts_lists_every_curated_topic() {
    let out = factdesk(&["facts"], &[], "");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for topic in [
        "who-hacked",
        "the-interview",
        "north-korea-denial",
        "joint-investigation",
        "fbi",
        "damage",
    ] {
        assert!(text.contains(topic), "facts output lacks {topic}: {text}");
    }
}

const GOOD_TOKEN: &str = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhRtXy.abcdefghijklmnopqrstuvwxyz0123456789AB";

#[test]
fn bad_configuration_stops_run_with_status_2_naming_the_variable() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("DISCORD_TOKEN", &[]),
        (
            "DISCORD_TOKEN",
            &[("DISCORD_TOKEN", "not-a-token secret-value")],
        ),
        (
            "FACTDESK_PREFIX",
            &[("DISCORD_TOKEN", GOOD_TOKEN), ("FACTDESK_PREFIX", "a b")],
        ),
        (
            "FACTDESK_MOD_ROLE_IDS",
            &[
                ("DISCORD_TOKEN", GOOD_TOKEN),
                ("FACTDESK_MOD_ROLE_IDS", "12,moderators"),
            ],
        ),
        (
            "FACTDESK_SHARDS",
            &[("DISCORD_TOKEN", GOOD_TOKEN), ("FACTDESK_SHARDS", "3..1/2")],
        ),
        (
            "FACTDESK_COOLDOWN_SECS",
            &[
                ("DISCORD_TOKEN", GOOD_TOKEN),
                ("FACTDESK_COOLDOWN_SECS", "soon"),
            ],
        ),
        (
            "FACTDESK_GUILD_ID",
            &[
                ("DISCORD_TOKEN", GOOD_TOKEN),
                ("FACTDESK_GUILD_ID", "my-server"),
            ],
        ),
    ];
    for (variable, vars) in cases {
        let out = factdesk(&["run"], vars, "");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{variable}: {stderr}");
        assert!(stderr.contains(variable), "{variable} not named: {stderr}");
        assert!(!stderr.contains("secret-value"), "token echoed: {stderr}");
        assert!(!stderr.contains("GhRtXy"), "token echoed: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
