//! Fact checking a claim against the article: supported, refuted, or not in the source.
//!
//! (Being written: the verdict logic lands next; the types below are the interface.)

use serde::Serialize;

use crate::answer::{cut_input, Citation};
use crate::engine::Engine;

/// Most evidence quotes in a verdict.
pub const MAX_EVIDENCE: usize = 5;

/// What the article says about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The article states it (possibly in other words).
    Supported,
    /// The article states something incompatible with it.
    Refuted,
    /// The article does not settle it.
    NotEnoughInfo,
}

impl Verdict {
    /// How the verdict reads to a person.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Supported => "Supported",
            Verdict::Refuted => "Refuted",
            Verdict::NotEnoughInfo => "Not in the source",
        }
    }
}

/// The verdict on one sentence of a longer claim.
#[derive(Debug, Clone, Serialize)]
pub struct PartCheck {
    pub claim: String,
    pub verdict: Verdict,
    pub evidence: Vec<Citation>,
    pub explanation: String,
    pub confidence: f32,
}

/// The result of checking a claim.
#[derive(Debug, Clone, Serialize)]
pub struct CheckResult {
    pub claim: String,
    pub verdict: Verdict,
    /// Decisive quote first.
    pub evidence: Vec<Citation>,
    /// One sentence a moderator can paste.
    pub explanation: String,
    pub confidence: f32,
    /// Per-sentence verdicts when the claim has several checkable sentences.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartCheck>,
    /// The pack checked against.
    #[serde(skip)]
    pub pack: Option<usize>,
    /// The claim was longer than the input limit and was cut.
    #[serde(skip)]
    pub truncated: bool,
}

impl Engine {
    /// Checks a claim against all packs.
    pub fn check(&self, claim: &str) -> CheckResult {
        self.check_in(claim, None)
    }

    /// Checks a claim against the given packs only (`None`: all packs).
    pub fn check_in(&self, claim: &str, packs: Option<&[usize]>) -> CheckResult {
        let (text, truncated) = cut_input(claim);
        let _ = (text, packs);
        CheckResult {
            claim: claim.to_owned(),
            verdict: Verdict::NotEnoughInfo,
            evidence: Vec::new(),
            explanation: "The article does not settle this.".to_owned(),
            confidence: 0.0,
            parts: Vec::new(),
            pack: None,
            truncated,
        }
    }
}
