//! Shared set-up for the benchmarks: the question and claim sets, the Sony pack, bare packs built
//! from the BBC corpus, and the first-citation accuracy rule of `tests/answer_eval.rs`.
//!
//! Included by path (`#[path = ".../benches/common/mod.rs"] mod common;`) from `benches/engine.rs`,
//! `examples/measure.rs`, `tests/bot_bench.rs`, `tests/common` and the `bench-peer` crate, so every measurement builds the same engines
//! from the same inputs. Every function takes the repository root, so callers in other crates
//! can point it at the right place. Not every includer uses every helper.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use factdesk::answer::Answer;
use factdesk::engine::Engine;
use factdesk::knowledge::{Knowledge, Pack};

/// The knowledge pack every benchmark answers from.
pub const SONY_PACK: &str = "knowledge/sony-hack-2014";
/// The BBC corpus, relative to the repository root.
pub const CORPUS: &str = "../shared/corpus/bbc-news";
/// How many corpus packs each scale step loads (`usize::MAX`: all of them).
pub const SCALE_STEPS: &[usize] = &[1, 10, 100, 1000, usize::MAX];

/// One question of an evaluation set (`tests/data/*questions*.toml`).
#[derive(Debug, Clone)]
pub struct Question {
    pub text: String,
    pub answerable: bool,
    /// Byte-exact substrings, each naming one acceptable first citation.
    pub accept: Vec<String>,
    /// "tuning" or "heldout".
    pub half: String,
    /// For sets over several articles: the article file the question is about.
    pub article: Option<String>,
}

/// Reads the `[[table]]` entries of a TOML evaluation set.
fn entries(root: &Path, file: &str, table: &str) -> Vec<toml::Value> {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} is readable: {e}", path.display()));
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{} parses: {e}", path.display()));
    value
        .get(table)
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_else(|| panic!("{} has [[{table}]] entries", path.display()))
}

fn text_of(entry: &toml::Value) -> String {
    entry
        .get("text")
        .and_then(|v| v.as_str())
        .expect("every entry has a text")
        .to_owned()
}

/// The Sony question set, with what counts as a right first citation.
pub fn questions(root: &Path) -> Vec<Question> {
    questions_in(root, "tests/data/questions.toml")
}

/// A question set (`tests/data/questions.toml`, `tests/data/bbc_questions.toml`, …).
pub fn questions_in(root: &Path, file: &str) -> Vec<Question> {
    entries(root, file, "question")
        .iter()
        .map(|q| Question {
            text: text_of(q),
            answerable: q
                .get("answerable")
                .and_then(|v| v.as_bool())
                .expect("answerable is a bool"),
            accept: q
                .get("accept")
                .and_then(|v| v.as_array())
                .expect("accept is a list")
                .iter()
                .map(|a| a.as_str().expect("accept holds strings").to_owned())
                .collect(),
            half: q
                .get("half")
                .and_then(|v| v.as_str())
                .expect("half is a string")
                .to_owned(),
            article: q.get("article").and_then(|v| v.as_str()).map(str::to_owned),
        })
        .collect()
}

/// The texts of the Sony question set.
pub fn question_texts(root: &Path) -> Vec<String> {
    questions(root).into_iter().map(|q| q.text).collect()
}

/// The texts of the claim set.
pub fn claim_texts(root: &Path) -> Vec<String> {
    entries(root, "tests/data/claims.toml", "claim")
        .iter()
        .map(text_of)
        .collect()
}

/// The Sony pack, loaded from disk with its curated facts.
pub fn sony_pack(root: &Path) -> Pack {
    Pack::load(&root.join(SONY_PACK)).expect("the Sony pack loads")
}

/// The engine over the Sony pack alone.
pub fn sony_engine(root: &Path) -> Engine {
    Engine::new(Knowledge::from_packs(vec![sony_pack(root)]).expect("the Sony pack combines"))
}

/// Every article of the BBC corpus as `(pack id, path)`, sorted; `None` when the corpus is absent.
pub fn corpus_files(root: &Path) -> Option<Vec<(String, PathBuf)>> {
    let corpus = root.join(CORPUS);
    let mut files = Vec::new();
    for category in std::fs::read_dir(&corpus).ok()? {
        let category = category.ok()?.path();
        if !category.is_dir() {
            continue;
        }
        let cat = category.file_name()?.to_string_lossy().into_owned();
        for entry in std::fs::read_dir(&category).ok()? {
            let path = entry.ok()?.path();
            if path.extension().is_some_and(|e| e == "txt") {
                let stem = path.file_stem()?.to_string_lossy().into_owned();
                files.push((format!("{cat}-{stem}"), path));
            }
        }
    }
    files.sort();
    (!files.is_empty()).then_some(files)
}

/// Reads corpus articles into memory: `(pack id, path, text)`.
pub fn read_articles(files: &[(String, PathBuf)]) -> Vec<(String, PathBuf, String)> {
    files
        .iter()
        .map(|(id, path)| {
            let text = std::fs::read_to_string(path)
                .unwrap_or_else(|e| panic!("{} reads: {e}", path.display()));
            (id.clone(), path.clone(), text)
        })
        .collect()
}

/// Bare packs (article only, no curated facts) from articles already in memory, plus the Sony
/// pack first, indexed: what "load and index" means in the scale benchmarks.
pub fn engine_with(sony: &Pack, articles: &[(String, PathBuf, String)]) -> Engine {
    let mut packs = Vec::with_capacity(articles.len() + 1);
    packs.push(sony.clone());
    for (id, path, text) in articles {
        packs.push(
            Pack::from_parts(id.clone(), path, text.clone(), None, None)
                .unwrap_or_else(|e| panic!("{id} builds a bare pack: {e}")),
        );
    }
    Engine::new(Knowledge::from_packs(packs).expect("packs combine"))
}

/// Everything from disk: the Sony pack and the first `n` corpus articles, read, split and indexed
/// (each article read straight into its pack, never copied).
pub fn load_engine(root: &Path, files: &[(String, PathBuf)], n: usize) -> Engine {
    let mut packs = Vec::with_capacity(n + 1);
    packs.push(sony_pack(root));
    for (id, path) in &files[..n.min(files.len())] {
        let text = std::fs::read_to_string(path)
            .unwrap_or_else(|e| panic!("{} reads: {e}", path.display()));
        packs.push(
            Pack::from_parts(id.clone(), path, text, None, None)
                .unwrap_or_else(|e| panic!("{id} builds a bare pack: {e}")),
        );
    }
    Engine::new(Knowledge::from_packs(packs).expect("packs combine"))
}

/// True when the answer's first citation is a sentence holding one of the accepted substrings
/// (the rule of `tests/answer_eval.rs`).
pub fn first_citation_right(engine: &Engine, answer: &Answer, accept: &[String]) -> bool {
    let Some(first) = answer.citations.first() else {
        return false;
    };
    let Some(pack) = engine.packs().iter().find(|p| p.id == first.source) else {
        return false;
    };
    let Some(sentence) = pack
        .sentences
        .iter()
        .find(|s| s.paragraph == first.paragraph && s.index == first.sentence)
    else {
        return false;
    };
    span_holds(&pack.article, sentence.span.clone(), accept)
}

/// True when the sentence at `span` of `article` holds one of the accepted substrings.
pub fn span_holds(article: &str, span: std::ops::Range<usize>, accept: &[String]) -> bool {
    accept.iter().any(|a| {
        article
            .match_indices(a.as_str())
            .any(|(at, _)| span.start <= at && at + a.len() <= span.end)
    })
}

/// `VmRSS` and `VmHWM` of a process (`"self"` or a pid), in MiB; NaN where unreadable.
pub fn memory_mib(process: &str) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{process}/status")).unwrap_or_default();
    let field = |name: &str| -> f64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(f64::NAN, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Human label of a scale step.
pub fn step_label(n: usize, available: usize) -> String {
    if n >= available {
        format!("all{available}")
    } else {
        n.to_string()
    }
}

/// Median and 99th percentile of samples (sorted in place).
pub fn median_p99(samples: &mut [f64]) -> (f64, f64) {
    if samples.is_empty() {
        return (0.0, 0.0);
    }
    samples.sort_by(f64::total_cmp);
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}
