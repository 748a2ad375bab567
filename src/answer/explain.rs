//! `factdesk ask --explain`: how a question was matched, for debugging the matcher.

use super::cut_input;
use crate::answerability;
use crate::engine::Engine;

/// Explains a retrieval for debugging the matcher (`factdesk ask --explain`).
pub fn explain(engine: &Engine, question: &str) -> String {
    let Some(r) = engine.retrieve(cut_input(question).0, None) else {
        return "no content words".into();
    };
    let mut out = format!(
        "pack {} coverage {:.2} topic {:?} kind {:?}\n",
        engine.packs()[r.pack].id,
        r.pack_coverage,
        r.topic,
        r.kind
    );
    for (i, w) in r.query.words.iter().enumerate() {
        out += &format!(
            "  {} [{}] w={:.2} known={} alts={:?}\n",
            w.surface,
            w.term,
            r.weights[i],
            r.known[i],
            w.alternatives.iter().map(|a| &a.0).collect::<Vec<_>>()
        );
    }
    if let (Some((best, _)), _) = engine.most_answerable(&r, &mut engine.candidates(&r).peekable())
    {
        let m = engine.measure(&r, best);
        out += &format!(
            "candidate p{}s{} “{}” probability {:.2} (threshold {:.2}): {:?}\n",
            engine.packs()[best.at.pack].sentences[best.at.sentence].paragraph,
            engine.packs()[best.at.pack].sentences[best.at.sentence].index,
            engine.packs()[best.at.pack].sentence_text(best.at.sentence),
            answerability::probability(&m),
            answerability::threshold(),
            m
        );
    } else {
        out += "no candidate sentence\n";
    }
    for c in r.ranked.iter().take(4) {
        out += &format!(
            "  {:.2} cov {:.2} words {:b} p{}s{}: {}\n",
            c.score,
            c.coverage,
            c.matched,
            engine.packs()[c.at.pack].sentences[c.at.sentence].paragraph,
            engine.packs()[c.at.pack].sentences[c.at.sentence].index,
            engine.packs()[c.at.pack]
                .sentence_text(c.at.sentence)
                .chars()
                .take(70)
                .collect::<String>()
        );
    }
    out
}
