//! Measures the fact checker on `tests/data/claims.toml`: verdict accuracy per verdict and per
//! half (tuning / held-out), and for supported and refuted claims whether a decisive quote is
//! among the first five evidence quotes. Each half must stay above its floor.
//!
//! Run `cargo test --test check_eval -- --nocapture` to see the figures; set
//! `FACTDESK_EVAL_SHOW=tuning` to also list the tuning claims that fail.

use std::collections::BTreeMap;
use std::path::Path;

use factdesk::engine::Engine;
use factdesk::factcheck::{CheckResult, Verdict};
use serde::Deserialize;

#[derive(Deserialize)]
struct ClaimSet {
    claim: Vec<Claim>,
}

#[derive(Deserialize)]
struct Claim {
    text: String,
    verdict: String,
    decisive: Vec<String>,
    half: String,
}

#[derive(Default)]
struct Tally {
    total: usize,
    right: usize,
    /// Supported/refuted claims, and those right with a decisive quote in the first five.
    decidable: usize,
    right_with_evidence: usize,
    per_verdict: BTreeMap<String, (usize, usize)>,
}

fn verdict_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "supported",
        Verdict::Refuted => "refuted",
        Verdict::NotEnoughInfo => "not_enough_info",
    }
}

fn has_decisive(engine: &Engine, result: &CheckResult, decisive: &[String]) -> bool {
    result.evidence.iter().take(5).any(|c| {
        let pack = engine
            .packs()
            .iter()
            .find(|p| p.id == c.source)
            .expect("cited pack exists");
        let s = pack
            .sentences
            .iter()
            .find(|s| s.paragraph == c.paragraph && s.index == c.sentence)
            .expect("cited location exists");
        decisive.iter().any(|d| {
            pack.article
                .match_indices(d.as_str())
                .any(|(at, _)| s.span.start <= at && at + d.len() <= s.span.end)
        })
    })
}

#[test]
fn claims_meet_their_floors() {
    let engine = Engine::load(Path::new("knowledge")).expect("knowledge loads");
    let text = std::fs::read_to_string("tests/data/claims.toml").expect("claim set reads");
    let set: ClaimSet = toml::from_str(&text).expect("claim set parses");
    assert!(set.claim.len() >= 60);
    let show = std::env::var("FACTDESK_EVAL_SHOW").unwrap_or_default();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    for claim in &set.claim {
        let result = engine.check(&claim.text);
        for c in &result.evidence {
            assert!(
                engine
                    .packs()
                    .iter()
                    .any(|p| p.id == c.source && p.article.contains(&c.quote)),
                "evidence not byte-exact"
            );
        }
        if result.verdict != Verdict::NotEnoughInfo {
            assert!(
                !result.evidence.is_empty(),
                "{:?} verdict without evidence",
                result.verdict
            );
        }
        let t = tallies.entry(claim.half.clone()).or_default();
        let got = verdict_name(result.verdict);
        let right = got == claim.verdict;
        t.total += 1;
        t.right += right as usize;
        let e = t.per_verdict.entry(claim.verdict.clone()).or_default();
        e.0 += 1;
        e.1 += right as usize;
        if claim.verdict != "not_enough_info" {
            t.decidable += 1;
            t.right_with_evidence +=
                (right && has_decisive(&engine, &result, &claim.decisive)) as usize;
        }
        if !right && show == claim.half {
            println!(
                "MISS [{}] want {} got {}: {:?} — {}",
                claim.half, claim.verdict, got, claim.text, result.explanation
            );
        }
    }
    for (half, t) in &tallies {
        let per: Vec<String> = t
            .per_verdict
            .iter()
            .map(|(v, (n, r))| format!("{v} {r}/{n}"))
            .collect();
        println!(
            "claims {half}: verdict accuracy {}/{} = {:.1}% ({}); right with decisive evidence {}/{} = {:.1}%",
            t.right,
            t.total,
            100.0 * t.right as f64 / t.total as f64,
            per.join(", "),
            t.right_with_evidence,
            t.decidable,
            100.0 * t.right_with_evidence as f64 / t.decidable.max(1) as f64
        );
        assert!(
            t.right as f64 / t.total as f64 >= 0.5,
            "{half}: verdict accuracy below floor"
        );
    }
}
