//! Helpers shared by the integration tests: the question sets, where a citation stands and bare
//! packs built from a folder of article files (the evaluation tests, and
//! `examples/answerability_data.rs`), and whether echoed text escapes its markdown (the
//! hostile-input and property tests). Each user takes only some of them.

#![allow(dead_code)]

use std::path::Path;

use factdesk::answer::Citation;
use factdesk::engine::Engine;
use factdesk::knowledge::{Pack, Sentence};

/// The benchmarks' shared set-up, whose accuracy rule the evaluation tests share.
#[path = "../../benches/common/mod.rs"]
pub mod bench;

pub use bench::Question;

/// The questions of a set file (relative to the repository root, where tests run).
pub fn load_set(path: &str) -> Vec<Question> {
    bench::questions_in(Path::new("."), path)
}

/// The pack and sentence a citation names (panics if it names none: a broken citation).
pub fn cited_sentence<'e>(engine: &'e Engine, citation: &Citation) -> (&'e Pack, &'e Sentence) {
    let pack = engine
        .packs()
        .iter()
        .find(|p| p.id == citation.source)
        .expect("cited pack exists");
    let sentence = pack
        .sentences
        .iter()
        .find(|s| s.paragraph == citation.paragraph && s.index == citation.sentence)
        .expect("cited location exists");
    (pack, sentence)
}

/// True when the sentence `citation` names holds one of `substrings` (byte-exact substrings of
/// its article, each identifying one sentence): the rule of [`bench::span_holds`].
pub fn citation_holds(engine: &Engine, citation: &Citation, substrings: &[String]) -> bool {
    let (pack, sentence) = cited_sentence(engine, citation);
    bench::span_holds(&pack.article, sentence.span.clone(), substrings)
}

/// A bare pack (article only) from every file in `dir`, named by file stem, in name order.
pub fn bare_packs(dir: &Path) -> Vec<Pack> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("trial articles exist")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|n| {
            let article = std::fs::read_to_string(dir.join(n)).expect("article reads");
            let id = n.trim_end_matches(".txt").to_owned();
            Pack::from_parts(id, &dir.join(n), article, None, None).expect("bare pack builds")
        })
        .collect()
}

/// A markdown character in `text` that is not escaped with a backslash (user text must show
/// exactly as typed: no emphasis, spoilers, code, quotes, headings or masked links).
pub fn unescaped_markdown(text: &str) -> Option<char> {
    for line in text.split('\n') {
        let mut chars = line
            .trim_start_matches([' ', '\u{3000}'])
            .chars()
            .peekable();
        if let Some(&first) = chars.peek() {
            if matches!(first, '#' | '-' | '+' | '>') {
                return Some(first);
            }
        }
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '*' | '_' | '~' | '`' | '|' | '<' | '>' | '[' | ']' | '(' | ')' => return Some(c),
                _ => {}
            }
        }
    }
    None
}

/// Whether to report `half` of an evaluation set. `FACTDESK_EVAL_HALF=tuning` reports only the
/// tuning halves and skips every floor, so the engine can be tuned without ever seeing a
/// held-out figure; unset, every half is reported and held to its floor.
pub fn half_reported(half: &str) -> bool {
    std::env::var("FACTDESK_EVAL_HALF").map_or(true, |only| only == half)
}

/// Whether the floors are enforced (see [`half_reported`]).
pub fn floors_enforced() -> bool {
    std::env::var("FACTDESK_EVAL_HALF").is_err()
}
