//! A moderator may paste a sentence of the article itself as a claim ("the article literally
//! says …"): it must never come back refuted, and should come back supported. Every sentence of
//! the evaluation's BBC articles, and of 20 more BBC stories loaded together as bare packs
//! (`tests/data/self_check`), is checked against the packs it was loaded with, with one clause quoted alone.
//!
//! Run `cargo test --test self_check -- --nocapture` to see the counts.

use std::path::Path;

mod common;

use factdesk::engine::Engine;
use factdesk::factcheck::Verdict;
use factdesk::knowledge::Knowledge;

/// Share of an article's own sentences that must be supported (measured: 6,408 of 6,414
/// sentences of 400 BBC stories, loaded 20 at a time).
const MIN_SUPPORTED: f64 = 0.97;

/// Clauses of the `self_check` stories' sentences, checked alone as a moderator may quote them.
/// A word one clause states and another negates ("shareholders") is stated.
const SELF_CHECK_CLAUSES: &[&str] = &[
    "Andrew Michelmore claimed the Xstrata offer was aimed at creating value for Xstrata's shareholders",
];

#[test]
fn no_sentence_of_an_article_is_refuted_by_it() {
    let groups: [(&[&str], &[&str]); 2] = [
        (
            &[
                "tests/data/bbc",
                "tests/data/bbc_fresh",
                "tests/data/bbc_fresh2",
            ],
            &[],
        ),
        (&["tests/data/self_check"], SELF_CHECK_CLAUSES),
    ];
    let (mut checked, mut supported) = (0usize, 0usize);
    let mut refuted = Vec::new();
    for (dirs, clauses) in groups {
        let packs = dirs
            .iter()
            .flat_map(|dir| common::bare_packs(Path::new(dir)))
            .collect();
        let engine = Engine::new(Knowledge::from_packs(packs).expect("packs combine"));
        let sentences = engine.packs().iter().flat_map(|pack| {
            pack.sentences
                .iter()
                .filter(|s| !s.heading)
                .map(|s| &pack.article[s.span.clone()])
        });
        for text in sentences.chain(clauses.iter().copied()) {
            let result = engine.check(text);
            checked += 1;
            match result.verdict {
                Verdict::Supported => supported += 1,
                Verdict::Refuted => refuted.push(format!("{text} — {}", result.explanation)),
                Verdict::NotEnoughInfo => {}
            }
        }
    }
    println!(
        "own sentences: {supported}/{checked} supported, {} refuted",
        refuted.len()
    );
    assert!(
        refuted.is_empty(),
        "refuted by their own article:\n{}",
        refuted.join("\n")
    );
    assert!(
        supported as f64 >= MIN_SUPPORTED * checked as f64,
        "only {supported} of {checked} sentences supported by their own article"
    );
}
