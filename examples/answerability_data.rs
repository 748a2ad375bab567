//! Writes the measurements [`factdesk::answerability`] weighs, one CSV row per question of the
//! *tuning* halves of the evaluation sets (never the held-out ones), for
//! `tools/fit_answerability.py` to fit the model on.
//!
//! `cargo run --release --example answerability_data > /tmp/answerability.csv`
//!
//! `label` is 1 when the question is answerable and the sentence that would be cited first is
//! a right one, 0 when the article does not answer it, and `wrong` when it is answerable but
//! the sentence is not a right one (declining then is honest, answering is a wrong answer).
//! A question no sentence could answer has empty measurements: it is declined whatever the
//! model says, but it counts in the rates the threshold is chosen on. The question comes
//! last, without commas, for reading the rows.

use std::path::Path;

use factdesk::engine::Engine;
use factdesk::knowledge::{Knowledge, Pack};

#[path = "../tests/common/mod.rs"]
mod common;

fn rows(engine: &Engine, set: &str) -> anyhow::Result<()> {
    for q in common::load_set(set).iter().filter(|q| q.half == "tuning") {
        let question = q.text.replace([',', '"'], " ");
        let Some((m, citation)) = engine.measurements(&q.text, None) else {
            // No sentence could answer: declined whatever the model says; the row still
            // counts in the rates the threshold is chosen on.
            let label = if q.answerable { "wrong" } else { "0" };
            println!("{set},{}{label},{question}", ",".repeat(FEATURES.len()));
            continue;
        };
        // The evaluation's own rule for a right first citation.
        let right = common::citation_holds(engine, &citation, &q.accept);
        let label = match (q.answerable, right) {
            (false, _) => "0",
            (true, true) => "1",
            (true, false) => "wrong",
        };
        let v = serde_json::to_value(m)?;
        let cols: Vec<String> = FEATURES.iter().map(|f| format!("{}", v[f])).collect();
        println!("{},{},{label},{question}", set, cols.join(","));
    }
    Ok(())
}

const FEATURES: [&str; 10] = [
    "pack_coverage",
    "pack_coverage_general",
    "sentence_coverage",
    "sentence_coverage_general",
    "rarest_unknown",
    "unknown_share",
    "content_words",
    "kind_asked",
    "best_is_top",
    "unknown_name",
];

fn main() -> anyhow::Result<()> {
    println!("set,{},label,question", FEATURES.join(","));
    let sony = Engine::load(Path::new("knowledge"))?;
    rows(&sony, "tests/data/questions.toml")?;
    rows(&sony, "tests/data/questions_fresh.toml")?;
    rows(&sony, "tests/data/questions_fresh2.toml")?;
    let mut packs = common::bare_packs(Path::new("tests/data/bbc"));
    packs.extend(common::bare_packs(Path::new("tests/data/bbc_fresh")));
    packs.extend(common::bare_packs(Path::new("tests/data/bbc_fresh2")));
    packs.push(Pack::load(Path::new("knowledge/sony-hack-2014"))?);
    let many = Engine::new(Knowledge::from_packs(packs)?);
    rows(&many, "tests/data/bbc_questions.toml")?;
    rows(&many, "tests/data/bbc_fresh_questions.toml")?;
    rows(&many, "tests/data/bbc_fresh2_questions.toml")?;
    Ok(())
}
