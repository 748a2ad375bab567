//! Measures the answer engine on the question sets in `tests/data/`: the Sony set
//! (`questions.toml`) and the unseen-article trials (`bbc_questions.toml`, bare articles with no
//! curated facts, several packs loaded at once). Each set is split into a tuning half and a
//! held-out half; both are reported, and each must stay above its floor.
//!
//! Run `cargo test --test answer_eval -- --nocapture` to see the figures; set
//! `FACTDESK_EVAL_SHOW=tuning` to also list the tuning questions that fail.
//! `FACTDESK_EVAL_HALF=tuning` reports the tuning halves only and skips the floors: tune the
//! engine with it, so the held-out figures stay unseen until a change is done.
//!
//! Each set is asked in its file's order as one conversation, as people ask in a channel
//! ([`Conversation`]): a follow-up that does not say which story it means stays with the one
//! last answered from. `FACTDESK_EVAL_ALONE=1` asks every question on its own instead.

use std::collections::BTreeMap;
use std::path::Path;

mod common;

use common::{load_set, Question};

use factdesk::answer::{Answer, Conversation};
use factdesk::engine::Engine;
use factdesk::knowledge::{Knowledge, Pack};

#[derive(Default, Debug)]
struct Tally {
    answerable: usize,
    right: usize,
    unanswerable: usize,
    declined: usize,
    /// Answerable questions the engine declined (the rest of the misses cite a wrong sentence).
    wrongly_declined: usize,
    /// Answered questions whose first citation came from another article than the one asked about.
    wrong_pack: usize,
    /// Why answerable questions were declined, by reason.
    decline_reasons: BTreeMap<String, usize>,
    /// Answerable questions whose right sentence was among the citations, but not first.
    right_but_not_first: usize,
}

impl Tally {
    fn answer_rate(&self) -> f64 {
        self.right as f64 / self.answerable.max(1) as f64
    }
    fn decline_rate(&self) -> f64 {
        self.declined as f64 / self.unanswerable.max(1) as f64
    }
}

/// True when the answer's first citation is a sentence that holds one of the accepted substrings.
fn first_citation_right(engine: &Engine, answer: &Answer, accept: &[String]) -> bool {
    answer
        .citations
        .first()
        .is_some_and(|c| common::citation_holds(engine, c, accept))
}

/// Every citation is a byte-exact sentence of its pack, at the location it names.
fn assert_citations_exact(engine: &Engine, answer: &Answer) {
    for c in &answer.citations {
        let (pack, s) = common::cited_sentence(engine, c);
        assert!(
            pack.article[s.span.clone()].contains(&c.quote),
            "quote not at its location: {:?}",
            c.quote
        );
        assert!(
            pack.article.contains(&c.quote),
            "quote not byte-exact: {:?}",
            c.quote
        );
    }
}

fn evaluate(engine: &Engine, questions: &[Question]) -> BTreeMap<String, Tally> {
    let show = std::env::var("FACTDESK_EVAL_SHOW").unwrap_or_default();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    // Asked in order, as one conversation, the way people ask in a channel: a follow-up that
    // does not say which story it means stays with the one being discussed. With
    // FACTDESK_EVAL_ALONE set, each question is asked on its own instead.
    let alone = std::env::var_os("FACTDESK_EVAL_ALONE").is_some();
    let mut conversation = Conversation::new();
    for q in questions {
        let answer = if alone {
            engine.ask(&q.text)
        } else {
            conversation.ask(engine, &q.text, None)
        };
        assert_citations_exact(engine, &answer);
        let tally = tallies.entry(q.half.clone()).or_default();
        let ok = if q.answerable {
            tally.answerable += 1;
            let ok = answer.answered && first_citation_right(engine, &answer, &q.accept);
            tally.right += ok as usize;
            tally.wrongly_declined += !answer.answered as usize;
            if let (Some(article), Some(first)) = (&q.article, answer.citations.first()) {
                tally.wrong_pack += (article.trim_end_matches(".txt") != first.source) as usize;
            }
            if let Some(reason) = answer.declined {
                *tally
                    .decline_reasons
                    .entry(format!("{reason:?}"))
                    .or_default() += 1;
            }
            tally.right_but_not_first += (!ok
                && answer.citations.iter().skip(1).any(|c| {
                    let one = factdesk::answer::Answer {
                        citations: vec![c.clone()],
                        ..answer.clone()
                    };
                    first_citation_right(engine, &one, &q.accept)
                })) as usize;
            ok
        } else {
            tally.unanswerable += 1;
            tally.declined += !answer.answered as usize;
            !answer.answered
        };
        if !ok && show == q.half {
            let got = answer
                .citations
                .first()
                .map_or("(declined)".to_owned(), |c| {
                    format!(
                        "p{}s{} {}",
                        c.paragraph,
                        c.sentence,
                        c.quote.chars().take(80).collect::<String>()
                    )
                });
            println!(
                "MISS [{}] {:?} answerable={} -> {}",
                q.half, q.text, q.answerable, got
            );
        }
    }
    tallies
}

fn report(name: &str, tallies: &BTreeMap<String, Tally>) {
    for (half, t) in tallies.iter().filter(|(h, _)| common::half_reported(h)) {
        println!(
            "{name} {half}: first citation right {}/{} = {:.1}%, declined {}/{} = {:.1}% (misses: {} declined {:?}, {} right sentence cited later, {} from another article)",
            t.right,
            t.answerable,
            100.0 * t.answer_rate(),
            t.declined,
            t.unanswerable,
            100.0 * t.decline_rate(),
            t.wrongly_declined,
            t.decline_reasons,
            t.right_but_not_first,
            t.wrong_pack
        );
    }
}

/// Checks each half of a report against its floors: (answerable accuracy, decline rate).
fn assert_floors(name: &str, tallies: &BTreeMap<String, Tally>, floors: &[(&str, f64, f64)]) {
    if !common::floors_enforced() {
        return;
    }
    for (half, t) in tallies {
        let (_, answer_floor, decline_floor) = floors
            .iter()
            .find(|(h, _, _)| h == half)
            .expect("every half has a floor");
        assert!(
            t.answer_rate() >= *answer_floor,
            "{name} {half}: answerable accuracy {:.3} below floor {answer_floor}",
            t.answer_rate()
        );
        assert!(
            t.decline_rate() >= *decline_floor,
            "{name} {half}: decline rate {:.3} below floor {decline_floor}",
            t.decline_rate()
        );
    }
}

/// Measures one question set: reports each half and checks it against its floors, as
/// (half, answerable accuracy, decline rate).
fn measure_set(engine: &Engine, name: &str, path: &str, floors: &[(&str, f64, f64)]) -> usize {
    let questions = load_set(path);
    let tallies = evaluate(engine, &questions);
    report(name, &tallies);
    assert_floors(name, &tallies, floors);
    questions.len()
}

#[test]
fn sony_questions_meet_their_floors() {
    let engine = Engine::load(Path::new("knowledge")).expect("knowledge loads");
    let asked = measure_set(
        &engine,
        "sony",
        "tests/data/questions.toml",
        &[("tuning", 0.81, 0.93), ("heldout", 0.64, 0.8)],
    );
    assert!(asked >= 100);
    // A second tuning set, written later by someone who had not seen the first.
    let fresh = "tests/data/questions_fresh.toml";
    measure_set(&engine, "sony-fresh", fresh, &[("tuning", 0.7, 0.83)]);
    // A third, written later still: first read as an unbiased measurement, then tuned on.
    let fresh2 = "tests/data/questions_fresh2.toml";
    measure_set(&engine, "sony-fresh2", fresh2, &[("tuning", 0.7, 0.8)]);
    // A fourth, written in the twenty-second session: first read as an unbiased measurement.
    let fresh3 = "tests/data/questions_fresh3.toml";
    measure_set(&engine, "sony-fresh3", fresh3, &[("tuning", 0.7, 0.6)]);
}

#[test]
fn unseen_bare_articles_meet_their_floors() {
    // All trial articles and the Sony pack are loaded together; the engine routes each question.
    let mut packs = common::bare_packs(Path::new("tests/data/bbc"));
    packs.extend(common::bare_packs(Path::new("tests/data/bbc_fresh")));
    packs.extend(common::bare_packs(Path::new("tests/data/bbc_fresh2")));
    packs.extend(common::bare_packs(Path::new("tests/data/bbc_fresh3")));
    packs.extend(common::bare_packs(Path::new("tests/data/bbc_fresh4")));
    packs.push(Pack::load(Path::new("knowledge/sony-hack-2014")).expect("sony pack loads"));
    let engine = Engine::new(Knowledge::from_packs(packs).expect("packs combine"));
    measure_set(
        &engine,
        "bbc",
        "tests/data/bbc_questions.toml",
        &[("tuning", 0.6, 0.88), ("heldout", 0.42, 0.82)],
    );
    let fresh = "tests/data/bbc_fresh_questions.toml";
    measure_set(&engine, "bbc-fresh", fresh, &[("tuning", 0.27, 0.7)]);
    let fresh2 = "tests/data/bbc_fresh2_questions.toml";
    measure_set(&engine, "bbc-fresh2", fresh2, &[("tuning", 0.15, 0.75)]);
    let fresh3 = "tests/data/bbc_fresh3_questions.toml";
    measure_set(&engine, "bbc-fresh3", fresh3, &[("tuning", 0.3, 0.75)]);
    // A fifth, written in the twenty-third session after the follow-up rule by a helper that saw
    // neither the engine nor the earlier sets. First read, with 30 packs loaded: 17/60 right,
    // 20/30 declined (16/60 with each question asked alone).
    let fresh4 = "tests/data/bbc_fresh4_questions.toml";
    measure_set(&engine, "bbc-fresh4", fresh4, &[("tuning", 0.25, 0.6)]);
}
