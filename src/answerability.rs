//! Whether the article answers a question: a logistic model over what retrieval measured.
//!
//! Retrieval measures a question against the article in several ways (how much of its meaning
//! the article uses at all, weighed within the article and in general news text; how much the
//! best sentence holds; how rare the words it lacks are). No single measurement separates
//! "the article says" from "the article doesn't say", so the decision weighs them together,
//! with weights fitted by `tools/fit_answerability.py` on the tuning halves of the evaluation
//! sets only (`examples/answerability_data.rs` writes the measurements). The weights live in
//! `answerability.toml` beside this file, so refitting touches no code.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

const MODEL_TOML: &str = include_str!("answerability.toml");

/// What retrieval measured for one question and the sentence it would cite.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measurements {
    /// Share of the question's weight (rarity within the article) the article uses.
    pub pack_coverage: f32,
    /// The same share, with words weighed by their rarity in general news text.
    pub pack_coverage_general: f32,
    /// Share of the question's weight the cited sentence holds.
    pub sentence_coverage: f32,
    /// The same share, weighed by rarity in general news text.
    pub sentence_coverage_general: f32,
    /// General rarity of the rarest question word the article lacks (0: it lacks none; 1: a
    /// word no news article uses).
    pub rarest_unknown: f32,
    /// Share of the question's words the article lacks.
    pub unknown_share: f32,
    /// ln(1 + number of content words).
    pub content_words: f32,
    /// 1 when the question asks for a kind of answer (a time, a number, a name).
    pub kind_asked: f32,
    /// 1 when the cited sentence is the best-scored one.
    pub best_is_top: f32,
    /// 1 when the question names someone or something the article never mentions.
    pub unknown_name: f32,
}

impl Measurements {
    fn features(&self) -> [f32; 10] {
        [
            self.pack_coverage,
            self.pack_coverage_general,
            self.sentence_coverage,
            self.sentence_coverage_general,
            self.rarest_unknown,
            self.unknown_share,
            self.content_words,
            self.kind_asked,
            self.best_is_top,
            self.unknown_name,
        ]
    }
}

/// The fitted model: a weight per measurement, a bias, and the probability above which the
/// question counts as answered.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Model {
    bias: f32,
    threshold: f32,
    weights: Measurements,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    // The file is compiled in and checked by a unit test, so it always parses.
    MODEL.get_or_init(|| {
        toml::from_str(MODEL_TOML).unwrap_or(Model {
            bias: 0.0,
            threshold: 0.5,
            weights: Measurements::default(),
        })
    })
}

/// Probability that the article answers the question, from its measurements.
pub fn probability(m: &Measurements) -> f32 {
    let model = model();
    let z: f32 = model.bias
        + m.features()
            .iter()
            .zip(model.weights.features())
            .map(|(x, w)| x * w)
            .sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// The probability at or above which a question counts as answered.
pub fn threshold() -> f32 {
    model().threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_file_parses() {
        let parsed: Result<Model, _> = toml::from_str(MODEL_TOML);
        assert!(parsed.is_ok(), "{parsed:?}");
    }

    #[test]
    fn a_question_wholly_in_one_sentence_is_answered_and_one_the_article_lacks_is_not() {
        let full = Measurements {
            pack_coverage: 1.0,
            pack_coverage_general: 1.0,
            sentence_coverage: 1.0,
            sentence_coverage_general: 1.0,
            content_words: 3f32.ln_1p(),
            best_is_top: 1.0,
            ..Measurements::default()
        };
        assert!(probability(&full) >= threshold());
        let lacking = Measurements {
            pack_coverage: 0.3,
            pack_coverage_general: 0.2,
            sentence_coverage: 0.3,
            sentence_coverage_general: 0.2,
            rarest_unknown: 0.8,
            unknown_share: 0.67,
            unknown_name: 1.0,
            ..full
        };
        assert!(probability(&lacking) < threshold());
    }
}
