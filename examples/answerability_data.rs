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

use anyhow::Context;
use factdesk::engine::Engine;
use factdesk::knowledge::{Knowledge, Pack};
use serde::Deserialize;

#[derive(Deserialize)]
struct QuestionSet {
    question: Vec<Question>,
}

#[derive(Deserialize)]
struct Question {
    text: String,
    answerable: bool,
    accept: Vec<String>,
    half: String,
    #[serde(default)]
    #[allow(dead_code)]
    article: Option<String>,
}

fn bare_packs(dir: &Path) -> anyhow::Result<Vec<Pack>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    names
        .iter()
        .map(|n| {
            let article = std::fs::read_to_string(dir.join(n))?;
            let id = n.trim_end_matches(".txt").to_owned();
            Ok(Pack::from_parts(id, &dir.join(n), article, None, None)?)
        })
        .collect()
}

fn rows(engine: &Engine, set: &str) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(set).with_context(|| set.to_owned())?;
    let questions: QuestionSet = toml::from_str(&text)?;
    for q in questions.question.iter().filter(|q| q.half == "tuning") {
        let question = q.text.replace([',', '"'], " ");
        let Some((m, citation)) = engine.measurements(&q.text, None) else {
            // No sentence could answer: declined whatever the model says; the row still
            // counts in the rates the threshold is chosen on.
            let label = if q.answerable { "wrong" } else { "0" };
            println!("{set},{}{label},{question}", ",".repeat(FEATURES.len()));
            continue;
        };
        // Citations are whole sentences, so a right sentence holds one accepted substring.
        let right = q
            .accept
            .iter()
            .any(|a| !a.is_empty() && citation.quote.contains(a.as_str()));
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
    let mut packs = bare_packs(Path::new("tests/data/bbc"))?;
    packs.extend(bare_packs(Path::new("tests/data/bbc_fresh"))?);
    packs.push(Pack::load(Path::new("knowledge/sony-hack-2014"))?);
    let many = Engine::new(Knowledge::from_packs(packs)?);
    rows(&many, "tests/data/bbc_questions.toml")?;
    rows(&many, "tests/data/bbc_fresh_questions.toml")?;
    Ok(())
}
