//! Fact checking a claim against the article: supported, refuted, or not in the source.
//!
//! The claim goes through the same retrieval as a question (`Engine::retrieve`). Then the
//! best-matching sentences are compared with the claim word by word:
//! - **refuted** when a sentence that matches the claim's subject matter says something
//!   incompatible: the opposite polarity (a negation on one side only), an antonym of a claim
//!   word ("denied" against "admitted", "cancel its release" against "released"), another member
//!   of an exclusive set in the same place ("foreign" ministry against "defence" ministry,
//!   "Saturday" against "Sunday"), or a different name where the claim names someone the
//!   article never mentions ("James Franco" against "Jonah Hill");
//! - **supported** when one sentence holds nearly all of the claim's meaning with none of those
//!   conflicts;
//! - **not enough info** otherwise — also when the claim is true in the world but the article
//!   doesn't say it.
//!
//! A message of several sentences is checked sentence by sentence: refuted if any part is,
//! supported only if every part is.

mod clauses;
mod conflict;
mod negation;
mod statement;
mod subject;
mod swap;
mod unstated;

use serde::Serialize;

use crate::answer::{cut_input, Citation};
use crate::engine::{Engine, SentenceRef};

use clauses::{checkable_sentences, clause_pieces, contrast, Contrast};
use conflict::Conflict;

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

/// One part's verdict before it is turned into text.
#[derive(Clone)]
struct Finding {
    verdict: Verdict,
    decisive: Option<SentenceRef>,
    /// The neighbouring sentence that states the rest of the claim with the decisive one.
    stated_with: Option<SentenceRef>,
    conflict: Option<Conflict>,
    evidence: Vec<SentenceRef>,
    confidence: f32,
    pack: Option<usize>,
}

impl Engine {
    /// Checks a claim against all packs.
    pub fn check(&self, claim: &str) -> CheckResult {
        self.check_in(claim, None)
    }

    /// Checks a claim against the given packs only (`None`: all packs).
    pub fn check_in(&self, claim: &str, packs: Option<&[usize]>) -> CheckResult {
        let (text, truncated) = cut_input(claim);
        let blanked = crate::text::blank_markup(text);
        let text = blanked.as_ref();
        let sentences = checkable_sentences(text);
        // One sentence worth checking is checked alone: the rest ("It's a day I never thought
        // would come.") says too little to settle, and its "never" must not reach it.
        let mut result = if sentences.len() <= 1 {
            let finding = self.check_part(sentences.first().copied().unwrap_or(text), packs);
            self.result(claim, &finding)
        } else {
            self.check_message(claim, &sentences, packs)
        };
        result.truncated = truncated;
        result
    }

    /// Checks each sentence of a pasted message and combines the verdicts.
    fn check_message(
        &self,
        claim: &str,
        sentences: &[&str],
        packs: Option<&[usize]>,
    ) -> CheckResult {
        let findings: Vec<(&str, Finding)> = sentences
            .iter()
            .map(|s| (*s, self.check_part(s, packs)))
            .collect();
        let verdict = if findings.iter().any(|(_, f)| f.verdict == Verdict::Refuted) {
            Verdict::Refuted
        } else if findings
            .iter()
            .all(|(_, f)| f.verdict == Verdict::Supported)
        {
            Verdict::Supported
        } else {
            Verdict::NotEnoughInfo
        };
        let parts: Vec<PartCheck> = findings
            .iter()
            .map(|(text, f)| {
                let r = self.result(text, f);
                PartCheck {
                    claim: r.claim,
                    verdict: r.verdict,
                    evidence: r.evidence,
                    explanation: r.explanation,
                    confidence: r.confidence,
                }
            })
            .collect();
        // Evidence: the decisive quotes of the parts that decide the overall verdict first.
        let mut evidence: Vec<Citation> = Vec::new();
        for part in parts
            .iter()
            .filter(|p| p.verdict == verdict)
            .chain(parts.iter().filter(|p| p.verdict != verdict))
        {
            for c in &part.evidence {
                if evidence.len() < MAX_EVIDENCE && !evidence.contains(c) {
                    evidence.push(c.clone());
                }
            }
        }
        let deciding: Vec<&PartCheck> = parts.iter().filter(|p| p.verdict == verdict).collect();
        let explanation = match verdict {
            Verdict::Refuted => format!(
                "{} of {} statements in this message conflict with the article. {}",
                deciding.len(),
                parts.len(),
                deciding
                    .first()
                    .map_or(String::new(), |p| p.explanation.clone())
            ),
            Verdict::Supported => format!(
                "All {} statements in this message are supported by the article.",
                parts.len()
            ),
            Verdict::NotEnoughInfo => format!(
                "{} of {} statements in this message are not settled by the article.",
                deciding.len(),
                parts.len()
            ),
        };
        let confidence = findings
            .iter()
            .map(|(_, f)| f.confidence)
            .fold(1.0f32, f32::min);
        CheckResult {
            claim: claim.to_owned(),
            verdict,
            evidence,
            explanation,
            confidence,
            parts,
            pack: findings.iter().find_map(|(_, f)| f.pack),
            truncated: false,
        }
    }

    /// Checks one statement. One the article does not settle as a whole may be settled clause
    /// by clause ("celebrities were targeted and none of the employees' records were exposed"):
    /// a statement with a false clause is false, and one whose every clause the article states
    /// is supported.
    fn check_part(&self, text: &str, packs: Option<&[usize]>) -> Finding {
        if let Some(contrast) = contrast(text) {
            let finding = self.check_contrast(&contrast, packs);
            if finding.verdict != Verdict::NotEnoughInfo {
                return finding;
            }
            // The statement's clauses were checked with it; only the whole is left to read.
            return self.check_statement(text, packs);
        }
        let whole = self.check_statement(text, packs);
        if whole.verdict != Verdict::NotEnoughInfo {
            return whole;
        }
        let pieces = clause_pieces(text);
        if !pieces.iter().any(|&(_, clause)| clause) {
            return whole;
        }
        let findings: Vec<Option<Finding>> = pieces
            .iter()
            .map(|&(piece, clause)| clause.then(|| self.check_statement(piece, packs)))
            .collect();
        if let Some(refuted) = findings
            .iter()
            .flatten()
            .find(|f| f.verdict == Verdict::Refuted)
        {
            return refuted.clone();
        }
        let supported: Option<Vec<&Finding>> = findings
            .iter()
            .map(|f| f.as_ref().filter(|f| f.verdict == Verdict::Supported))
            .collect();
        match supported {
            Some(parts) => {
                // Each clause's decisive quote first, then the rest of their evidence.
                let mut evidence: Vec<SentenceRef> =
                    parts.iter().filter_map(|f| f.decisive).collect();
                for e in parts.iter().flat_map(|f| &f.evidence) {
                    if !evidence.contains(e) {
                        evidence.push(*e);
                    }
                }
                evidence.truncate(MAX_EVIDENCE);
                Finding {
                    verdict: Verdict::Supported,
                    decisive: parts[0].decisive,
                    stated_with: None,
                    conflict: None,
                    evidence,
                    confidence: parts.iter().map(|f| f.confidence).fold(1.0, f32::min),
                    pack: parts[0].pack,
                }
            }
            None => whole,
        }
    }

    /// Checks a statement that rules out an alternative ("the hack hit the network, not the
    /// studio"): refuted when the article states the alternative in its place, else what the
    /// article says of the statement without it (clause by clause).
    fn check_contrast(&self, contrast: &Contrast, packs: Option<&[usize]>) -> Finding {
        if let Some(instead) = &contrast.instead {
            let other = self.check_statement(instead, packs);
            // A sentence that rules out the same alternative ("… rather than having rigid
            // targets") does not state it.
            let states_alternative = other.decisive.is_none_or(|at| {
                !clauses::rules_out(
                    self.packs()[at.pack].sentence_text(at.sentence),
                    contrast.alternative,
                )
            });
            if other.verdict == Verdict::Supported && states_alternative {
                return Finding {
                    verdict: Verdict::Refuted,
                    conflict: Some(Conflict::DeniedAlternative {
                        alternative: contrast.alternative.to_owned(),
                    }),
                    ..other
                };
            }
        }
        self.check_part(contrast.main, packs)
    }

    /// Turns a finding into the public result with its explanation.
    fn result(&self, claim: &str, f: &Finding) -> CheckResult {
        let evidence: Vec<Citation> = f.evidence.iter().map(|&at| self.citation(at)).collect();
        let explanation = match (f.verdict, f.decisive) {
            (Verdict::Supported, Some(at)) => match f.stated_with {
                Some(next) => format!(
                    "The article supports this in two sentences ({}; {}): “{}” “{}”",
                    location(self, at),
                    location(self, next),
                    short_quote(&self.citation(at).quote),
                    short_quote(&self.citation(next).quote)
                ),
                None => format!("The article supports this ({}): “{}”", location(self, at), short_quote(&self.citation(at).quote)),
            },
            (Verdict::Refuted, Some(at)) => {
                let why = match &f.conflict {
                    Some(Conflict::Antonym { claim, article }) => format!(" It says “{article}”, not “{claim}”."),
                    Some(Conflict::Swap { claim, article }) => format!(" It has “{article}” where the claim has “{claim}”."),
                    Some(Conflict::Speaker { claim, article }) => format!(" It reports “{article}” saying it, not “{claim}”."),
                    Some(Conflict::Agent { claim, article }) => format!(" It says “{article}” did so, not “{claim}”."),
                    Some(Conflict::DeniedAlternative { alternative }) => format!(" It says so of “{alternative}”, which the claim rules out."),
                    Some(Conflict::Polarity | Conflict::Disputed) | None => " It states the opposite.".to_owned(),
                };
                format!("The article says otherwise ({}): “{}”{why}", location(self, at), short_quote(&self.citation(at).quote))
            }
            (Verdict::NotEnoughInfo, _) if f.conflict == Some(Conflict::Disputed) => {
                "The article doesn't settle this: it reports the accusation and the denial, and takes no side.".to_owned()
            }
            _ => match evidence.first() {
                Some(_) => "The article doesn't settle this: nothing in it states or contradicts the claim; the closest passages are quoted.".to_owned(),
                None => "The article doesn't mention this.".to_owned(),
            },
        };
        CheckResult {
            claim: claim.to_owned(),
            verdict: f.verdict,
            evidence,
            explanation,
            confidence: f.confidence,
            parts: Vec::new(),
            pack: f.pack,
            truncated: false,
        }
    }
}

fn location(engine: &Engine, at: SentenceRef) -> String {
    let s = &engine.packs()[at.pack].sentences[at.sentence];
    format!("paragraph {}, sentence {}", s.paragraph, s.index)
}

/// A quote cut to a readable length for an explanation (the full quote is in the evidence).
fn short_quote(quote: &str) -> String {
    const MAX: usize = 160;
    match quote.char_indices().nth(MAX) {
        // Cut before the word the limit falls in, so no word is shown half.
        Some((at, _)) => {
            let cut = quote[..at].rfind(char::is_whitespace).unwrap_or(at);
            format!("{}…", quote[..cut].trim_end())
        }
        None => quote.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An engine over one bare pack made up for the test: the mechanism must work on any
    /// article.
    fn engine_of(article: &str) -> Engine {
        crate::test_pack::engine_over(article, None)
    }

    fn engine() -> Engine {
        engine_of(
            "Acme agrees dividend\n\n\
            Acme Corporation denied any involvement in the merger talks. \
            The board approved a dividend of 5 cents on Monday. \
            The chief executive said the company would not cut jobs.\n",
        )
    }

    #[test]
    fn another_name_in_the_same_slot_refutes() {
        let engine = engine_of(
            "Song credits\n\n\
            The film has a song composed in English by Anna Rahman, a London musician. \
            Critic Tom Adler praised the film.\n",
        );
        let swapped = engine.check("the english song was composed by tom adler");
        assert_eq!(swapped.verdict, Verdict::Refuted, "{}", swapped.explanation);
        assert!(
            swapped.explanation.contains("Anna"),
            "{}",
            swapped.explanation
        );
        // A name in no slot the article fills is not contradicted.
        let unsettled = engine.check("Tom Adler grew up in Paris");
        assert_eq!(
            unsettled.verdict,
            Verdict::NotEnoughInfo,
            "{}",
            unsettled.explanation
        );
    }

    #[test]
    fn a_sentence_of_the_article_checked_as_a_claim_is_supported() {
        // A moderator pastes a sentence of the article itself. Its own "rather than …" rules
        // out what the sentence rules out, and its opening quotation is what was said, not
        // who said it.
        let engine = engine_of(
            "Access rules\n\n\
            The Liberal Democrats have argued for flexibility in deciding access rules, rather \
            than having \"rigid targets\". \
            \"Bollywood has truly gone global,\" says Tara Adams, editor of Film Weekly.\n",
        );
        for claim in [
            "The Liberal Democrats have argued for flexibility in deciding access rules, rather \
             than having \"rigid targets\".",
            "\"Bollywood has truly gone global,\" says Tara Adams, editor of Film Weekly.",
        ] {
            assert_verdict(&engine, claim, Verdict::Supported);
        }
        // The alternative stated in its place, or another speaker the article names, still
        // refutes.
        for claim in [
            "The Liberal Democrats have argued for rigid targets rather than flexibility",
            "\"Bollywood has truly gone global,\" says the Liberal Democrats",
        ] {
            assert_verdict(&engine, claim, Verdict::Refuted);
        }
    }

    #[test]
    fn a_negation_reaches_past_an_and_that_joins_its_verbs() {
        // "cannot take and store": "take" says little, "store" is what is denied.
        let engine = engine_of(
            "New phone\n\n\
            The new phone can take and store digital photos and play music.\n",
        );
        assert_verdict(
            &engine,
            "the new phone cannot take and store digital photos",
            Verdict::Refuted,
        );
    }

    #[test]
    fn sentences_of_the_article_are_supported_whatever_their_shape() {
        // Shapes that once refuted the article's own words (the WMC sentences are a BBC
        // story's): a speaker before "told" (the one after it listens), a word questions use
        // as filler ("quick"), a word one clause states and another negates ("shareholders"),
        // a negation that reads differently with the claim's subject ("No campaign"), and a
        // sentence too thin to check beside one that is not ("never" must not reach the
        // other).
        let article = "Offer row\n\n\
            \"We are buying his name,\" Simon Falk told the Daily Post. \
            The bank should be ready to take quick action even as the economy slows. \
            On Tuesday, WMC chairman Tommie Bergman said in a statement the directors believed \
            it was in shareholders' best interest to reject the offer. \
            And WMC chief executive Andrew Michelmore claimed the Xstrata offer was aimed at \
            creating value for Xstrata's shareholders, and was not being made for the benefit of \
            WMC's shareholders. \
            But Mr Heron - who runs his own No campaign alongside the official Says No \
            campaign - said he was not convinced by Mr Malone's arguments.\n\n\
            \"It's a day I never thought would come.\" \
            The apology followed a huge campaign in Ireland by the families.\n";
        let engine = engine_of(article);
        for claim in [
            "\"We are buying his name,\" Simon Falk told the Daily Post.",
            "The bank should be ready to take quick action even as the economy slows.",
            "And WMC chief executive Andrew Michelmore claimed the Xstrata offer was aimed at \
             creating value for Xstrata's shareholders, and was not being made for the benefit \
             of WMC's shareholders.",
            "Andrew Michelmore claimed the Xstrata offer was aimed at creating value for \
             Xstrata's shareholders",
            "But Mr Heron - who runs his own No campaign alongside the official Says No \
             campaign - said he was not convinced by Mr Malone's arguments.",
            "It's a day I never thought would come. The apology followed a huge campaign in \
             Ireland by the families.",
        ] {
            assert_verdict(&engine, claim, Verdict::Supported);
        }
    }

    #[test]
    fn an_opposite_of_a_synonym_does_not_refute_a_sentence_that_states_the_word_itself() {
        // "citizens" is "public", whose opposite is "private"; but the sentence says
        // "citizens" itself, and its "private" is about the firm.
        let engine = engine_of(
            "Police statement\n\n\
            The police said they were worried about the attack on a private firm and the \
            ordinary citizens who worked there.\n",
        );
        assert_verdict(
            &engine,
            "the police were worried about the ordinary citizens who worked there",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_son_is_not_a_daughter_and_a_second_set_not_the_first() {
        let engine = engine_of(
            "Final and film\n\n\
            In the new drama Mara Lind plays a farmer's daughter who falls for a young soldier. \
            In the final Dan Kane won the first set on a tie-break before Tom Marsh recovered.\n",
        );
        let cases = [
            ("Mara Lind plays a farmer's daughter", Verdict::Supported),
            ("Mara Lind plays a farmer's son", Verdict::Refuted),
            (
                "Dan Kane won the first set on a tie-break",
                Verdict::Supported,
            ),
            (
                "Dan Kane won the second set on a tie-break",
                Verdict::Refuted,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn a_slot_is_the_same_slot_only_in_a_sentence_about_the_same_thing() {
        let engine = engine_of(
            "Star of Kisna\n\n\
            Picked from 300 hopefuls in London, Mara Lind cut short her studies in Bristol to \
            take the part. \
            The film has been shot in Hindi and English, with the English print shortened by an \
            hour.\n",
        );
        // Only "cut" is shared: Mara Lind is not in the place of "English".
        assert_verdict_not(
            &engine,
            "the english cut of the film is an hour shorter",
            Verdict::Refuted,
        );
    }

    #[test]
    fn a_deed_the_article_never_names_is_not_supported() {
        let engine = engine_of(include_str!("../../knowledge/sony-hack-2014/article.txt"));
        assert_verdict(
            &engine,
            "seth rogen starred in the interview",
            Verdict::Supported,
        );
        // Starring in it is stated; directing it is not, though every other word is there.
        assert_verdict(
            &engine,
            "seth rogen directed the movie",
            Verdict::NotEnoughInfo,
        );
        assert_verdict(
            &engine,
            "seth rogen also co-directed the interview",
            Verdict::NotEnoughInfo,
        );
    }

    #[test]
    fn a_name_only_goes_against_a_name_of_its_kind_in_its_place() {
        let engine = engine_of(include_str!("../../knowledge/sony-hack-2014/article.txt"));
        // A month the article never gives is no swap for the country it names.
        assert_verdict(
            &engine,
            "the kcna interview happened on a saturday in december",
            Verdict::NotEnoughInfo,
        );
        // "as well" adds the CIA to those investigating; it does not deny anyone else did.
        assert_verdict(
            &engine,
            "the cia investigated the sony hack as well",
            Verdict::NotEnoughInfo,
        );
        // Two mentions of a "Theater" in news text do not make "theater" a name.
        assert_verdict(
            &engine,
            "big theater chains refused to screen the interview before sony cancelled it",
            Verdict::NotEnoughInfo,
        );
    }

    #[test]
    fn another_part_beside_a_part_of_a_name_is_another_name() {
        let engine = engine_of(
            "Carmaker hit by protest\n\n\
            Protesters from the Keepers of Order blocked the gates of Acme Motors on Monday. \
            Police moved them on after two hours.\n",
        );
        assert_verdict(
            &engine,
            "the keepers of harmony blocked the gates",
            Verdict::Refuted,
        );
        assert_verdict(
            &engine,
            "protesters blocked the gates of zenith motors",
            Verdict::Refuted,
        );
        assert_verdict(
            &engine,
            "the keepers of order blocked the gates of acme motors",
            Verdict::Supported,
        );
        // An everyday word beside a name is not another name: "blocked Acme" is Acme.
        assert_verdict_not(
            &engine,
            "protesters blocked acme on monday",
            Verdict::Refuted,
        );
    }

    #[test]
    fn an_acronym_typed_in_lowercase_is_a_name_and_meets_the_one_in_its_place() {
        let engine = engine_of(
            "Minister speaks out\n\n\
            A spokesman for the Ruritanian trade ministry talked to state agency RTNA on Friday \
            and said the tariffs would stay.\n",
        );
        // Typed in lowercase, or in capitals with a vowel.
        for (claim, name) in [
            ("the trade ministry spokesman talked to cnn", "cnn"),
            ("the trade ministry spokesman talked to ABC", "abc"),
        ] {
            let result = engine.check(claim);
            assert_eq!(result.verdict, Verdict::Refuted, "{}", result.explanation);
            assert!(
                result
                    .explanation
                    .contains(&format!("“rtna” where the claim has “{name}”")),
                "{}",
                result.explanation
            );
        }
    }

    #[test]
    fn floating_an_idea_is_suggesting_it() {
        let engine = engine_of(
            "Council review\n\n\
            The council has suggested a joint review of the budget with the city.\n",
        );
        assert_verdict(
            &engine,
            "the council floated the idea of a joint review of the budget",
            Verdict::Supported,
        );
    }

    #[test]
    fn agreeing_is_the_opposite_of_denying_or_countering() {
        let engine = engine_of(
            "Club hits back\n\n\
            The club countered the league's allegations in a statement on Monday. \
            Its chairman denied any wrongdoing by the players.\n",
        );
        assert_verdict(
            &engine,
            "the club agreed with the league's allegations",
            Verdict::Refuted,
        );
        assert_verdict(
            &engine,
            "the chairman agreed there was wrongdoing by the players",
            Verdict::Refuted,
        );
        assert_verdict(
            &engine,
            "the club countered the league's allegations",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_claim_that_rules_out_what_the_article_states_is_refuted() {
        let engine = engine_of(
            "Flood hits town\n\n\
            The flood hit the old town centre on Sunday night. \
            Shops along the river were closed for a week.\n",
        );
        assert_verdict(
            &engine,
            "the flood hit the new estate, not the old town centre",
            Verdict::Refuted,
        );
        // What it rules out is not in the article: the statement decides.
        assert_verdict(
            &engine,
            "the flood hit the old town centre, not the harbour",
            Verdict::Supported,
        );
        let result = engine.check("the flood hit the harbour, not the old town centre");
        assert_eq!(result.verdict, Verdict::Refuted);
        assert!(
            result
                .explanation
                .contains("“the old town centre”, which the claim rules out"),
            "{}",
            result.explanation
        );
    }

    #[test]
    fn zero_negates_as_no_does() {
        let engine = engine_of(
            "Leak inquiry\n\n\
            The minister has denied any involvement in the leak of the budget papers.\n",
        );
        for claim in [
            "the minister says he had no involvement in the leak",
            "the minister says he had zero involvement in the leak",
        ] {
            assert_verdict(&engine, claim, Verdict::Supported);
        }
    }

    #[test]
    fn what_a_denial_is_about_is_not_denied() {
        let engine = engine_of(
            "Studio hit by hackers\n\n\
            The rebel state has denied any involvement with the hacking of Acme Films. \
            Officials in Washington blamed the rebel state for the attack.\n",
        );
        // The hacking of Acme Films is what the state denied involvement with.
        assert_verdict(&engine, "acme films got hacked", Verdict::Supported);
        // The denier's own deed is still in dispute, not confirmed.
        assert_verdict_not(
            &engine,
            "the rebel state hacked acme films",
            Verdict::Supported,
        );
    }

    #[test]
    fn verdicts_on_an_article_without_curated_facts() {
        let engine = engine();
        let cases = [
            ("The board approved a dividend", Verdict::Supported),
            // A denial the article also reports is no contradiction.
            (
                "Acme denied involvement in the merger talks",
                Verdict::Supported,
            ),
            (
                "Acme admitted involvement in the merger talks",
                Verdict::Refuted,
            ),
            (
                "Acme did not deny involvement in the merger talks",
                Verdict::Refuted,
            ),
            ("The board approved a dividend on Friday", Verdict::Refuted),
            (
                "The chief executive said the company would cut jobs",
                Verdict::Refuted,
            ),
            (
                "Acme hired a new marketing agency in Paris",
                Verdict::NotEnoughInfo,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    /// Asserts that `claim` does not get the verdict `not`, showing the explanation when it does.
    fn assert_verdict_not(engine: &Engine, claim: &str, not: Verdict) {
        let result = engine.check(claim);
        assert_ne!(result.verdict, not, "{claim}: {}", result.explanation);
    }

    /// Asserts the verdict `engine` gives `claim`, showing the explanation when it differs, and
    /// that a supported or refuted claim carries evidence.
    /// Asserts `claim` is refuted with an explanation that says `says`.
    fn assert_refuted_saying(engine: &Engine, claim: &str, says: &str) {
        let result = engine.check(claim);
        assert_eq!(
            result.verdict,
            Verdict::Refuted,
            "{claim}: {}",
            result.explanation
        );
        assert!(result.explanation.contains(says), "{}", result.explanation);
    }

    fn assert_verdict(engine: &Engine, claim: &str, want: Verdict) {
        let result = engine.check(claim);
        assert_eq!(result.verdict, want, "{claim}: {}", result.explanation);
        if want != Verdict::NotEnoughInfo {
            assert!(!result.evidence.is_empty(), "{claim}: no evidence");
        }
    }

    #[test]
    fn an_agent_the_article_never_names_is_another_agent() {
        let engine = engine_of(
            "Bank attack\n\n\
            The hacker group Red Fox has claimed responsibility for the attack on the bank. \
            The bank said customer savings were safe.\n",
        );
        let cases = [
            // Typed in lowercase, and not a word news text writes as a name.
            (
                "grimwald claimed responsibility for the attack on the bank",
                Verdict::Refuted,
            ),
            (
                "red fox claimed responsibility for the attack on the bank",
                Verdict::Supported,
            ),
            // No agent at all: nothing swapped.
            (
                "claimed responsibility for the attack on the bank",
                Verdict::Supported,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn an_opposite_that_cannot_settle_leaves_a_swap_that_can() {
        let engine = engine_of(
            "Studio pulls comedy\n\n\
            The studio cancelled the release of the satirical movie starring two comedians. \
            Executives said the decision was serious and final.\n",
        );
        // "serious" against "satirical" is an opposite, which a claim with a word the article
        // never uses ("documentary") does not settle; "documentary" against "movie" does.
        assert_refuted_saying(
            &engine,
            "the studio cancelled a serious documentary",
            "“movie” where the claim has “documentary”",
        );
    }

    #[test]
    fn only_a_subject_that_names_someone_is_an_unnamed_agent() {
        let engine = engine_of(
            "Italy look ahead\n\n\
            Italy continue the search for their first Six Nations away win, and can only count \
            the scalps of Scotland and Wales. The coach said the team was improving. \
            Fans in Rome are hopeful.\n",
        );
        // "in line for…" opens the clause with no one: it is no unnamed agent that Scotland
        // would be in the place of.
        assert_verdict(
            &engine,
            "The winger, who is in line for a first Six Nations start against Wales, is injured.",
            Verdict::NotEnoughInfo,
        );
        let engine = engine_of(
            "Bank attack\n\n\
            The hacker group Red Fox attacked the bank on Monday. \
            The bank said customer savings were safe. \
            Police in Leeds are investigating the attack on the bank.\n",
        );
        let cases = [
            // An everyday word that opens the claim and runs into its verb is its subject.
            (
                "anonymous is investigating the attack on the bank",
                Verdict::Refuted,
            ),
            // After chat or frame words too.
            (
                "lol so anonymous is investigating the attack on the bank",
                Verdict::Refuted,
            ),
            // After "the", it names no one: the rebels may be the police.
            (
                "the rebels are investigating the attack on the bank",
                Verdict::NotEnoughInfo,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn where_and_when_alone_are_not_checked_as_a_claim() {
        let engine = engine_of(
            "Hewitt wins again\n\n\
            Lleyton Hewitt has now lifted the Sydney title four times in the last six years. \
            He beat Ivo Karlovic in the final on Saturday. \
            The Australian said he was delighted.\n",
        );
        // "in Stuttgart last year" is no claim of its own that "the Sydney title … in the last
        // six years" could refute: the claim is about someone the article never mentions.
        assert_verdict(
            &engine,
            "Dibaba broke the world record, in Stuttgart last year",
            Verdict::NotEnoughInfo,
        );
    }

    #[test]
    fn an_everyday_word_capitalised_first_in_the_claim_names_no_one() {
        let engine = engine_of(
            "England name squad\n\n\
            England play Canada on 13 November, followed by a match against South Africa a \
            week later. The coach said he would wait for the fitness reports. \
            Fans expect a long season.\n",
        );
        // "Indeed" is no name the article lacks, for Canada to be in the place of.
        assert_verdict(
            &engine,
            "Indeed, he will have a long wait for a worthwhile match.",
            Verdict::NotEnoughInfo,
        );
    }

    #[test]
    fn one_word_in_common_supports_nothing_but_the_articles_own_words() {
        let engine = engine_of(
            "Hurdler eyes title\n\n\
            Jackson will race in the European Indoor Championships in Madrid later this month. \
            \"It's not my call though,\" he says. \
            His coach said training had gone well.\n",
        );
        // Madrid is all the claim shares with the article.
        assert_verdict(
            &engine,
            "I have told Madrid that I want it to happen.",
            Verdict::NotEnoughInfo,
        );
        // The article's own words, as thin as they are.
        assert_verdict(&engine, "it's not my call though", Verdict::Supported);
    }

    #[test]
    fn a_negation_that_reaches_nothing_denies_its_subject() {
        let engine = engine_of(
            "Comedy pulled\n\n\
            The studio cancelled the comedy, which starred Seth Rogen and James Franco. \
            Critics said the decision was a mistake. \
            Cinemas had planned to show it at Christmas.\n",
        );
        let cases = [
            ("james franco was not in it", Verdict::Refuted),
            (
                "it starred seth rogen but james franco wasnt in it",
                Verdict::Refuted,
            ),
            ("seth rogen was in it", Verdict::Supported),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn a_name_the_article_lacks_meets_only_a_name_in_its_place() {
        let engine = engine_of(
            "Oracle buys rival\n\n\
            The deal will help the company grow, said Anil Aggarwal, Peoplesoft's director of \
            database markets. The deal closed on Monday. Staff were told on Friday.\n",
        );
        // The sentence names Anil after "company", the claim Mukesh before it: not in its
        // place.
        assert_verdict(
            &engine,
            "Mukesh is the company director",
            Verdict::NotEnoughInfo,
        );
        // In its place: the speaker of the same words.
        assert_refuted_saying(
            &engine,
            "the deal will help the company grow, said Mukesh",
            "“anil” where the claim has “mukesh”",
        );
    }

    #[test]
    fn words_said_by_someone_else_refute_the_speaker() {
        let engine = engine_of(
            "Storm warning\n\n\
            According to Meteo France, the storm will reach the coast on Friday. \
            Mayor Anne Hidalgo said on Tuesday that schools would stay open.\n",
        );
        let swapped = engine.check("anne hidalgo said the storm will reach the coast on friday");
        assert_eq!(swapped.verdict, Verdict::Refuted, "{}", swapped.explanation);
        assert!(
            swapped.explanation.contains("“meteo france” saying it"),
            "{}",
            swapped.explanation
        );
        let cases = [
            (
                "meteo france said the storm will reach the coast on friday",
                Verdict::Supported,
            ),
            ("hidalgo said schools would stay open", Verdict::Supported),
            (
                "meteo france said schools would stay open",
                Verdict::Refuted,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    /// An article that says a release was cancelled.
    fn cancelled_comedy() -> Engine {
        engine_of(
            "Studio pulls comedy\n\n\
            After the threats, Northwind Studios was forced to cancel the release of the comedy.\n",
        )
    }

    #[test]
    fn what_happened_after_the_article_is_not_in_the_source() {
        let engine = cancelled_comedy();
        assert_verdict(
            &engine,
            "Northwind Studios released the comedy",
            Verdict::Refuted,
        );
        for later in [
            "Northwind Studios later released the comedy",
            "the comedy ended up getting released by Northwind Studios",
        ] {
            assert_verdict(&engine, later, Verdict::NotEnoughInfo);
        }
    }

    #[test]
    fn a_claim_that_puts_two_names_the_other_way_round_is_refuted() {
        let engine = engine_of(
            "Fishing row\n\n\
            Fishing boats from Spain have been blamed for damage to French waters. \
            The country has called the charge unfair and even suggested joint patrols with France.\n",
        );
        assert_verdict(
            &engine,
            "Spain suggested joint patrols with France",
            Verdict::Supported,
        );
        let reversed = engine.check("France proposed joint patrols to Spain");
        assert_eq!(
            reversed.verdict,
            Verdict::Refuted,
            "{}",
            reversed.explanation
        );
        assert!(
            reversed
                .explanation
                .contains("“spain” did so, not “france”"),
            "{}",
            reversed.explanation
        );
        // Spain owns the charge here: it is not whom France did anything to.
        assert_verdict_not(
            &engine,
            "France called Spain's charge unfair",
            Verdict::Refuted,
        );
        // A name after a preposition is not who did it.
        assert_verdict_not(
            &engine,
            "after the France charge the country suggested joint patrols with Spain",
            Verdict::Refuted,
        );
    }

    #[test]
    fn a_verb_of_speech_the_article_lacks_does_not_keep_its_denial_from_settling() {
        let engine = engine_of(
            "Mayor stands firm\n\n\
            Mayor Tom Reed said his remarks would not affect the city's Olympic bid.\n",
        );
        assert_verdict(
            &engine,
            "Mayor Tom Reed admitted his remarks would hurt the city's Olympic bid",
            Verdict::Refuted,
        );
    }

    #[test]
    fn a_claim_that_the_plan_held_is_refuted_by_its_cancellation() {
        let engine = cancelled_comedy();
        // A detail the article never mentions leaves the claim open...
        assert_verdict(
            &engine,
            "Northwind Studios released the comedy in cinemas",
            Verdict::NotEnoughInfo,
        );
        // ...unless the claim says the plan held: then the cancellation settles it.
        for as_planned in [
            "Northwind Studios released the comedy in cinemas as planned",
            "Northwind Studios went ahead and released the comedy in cinemas",
        ] {
            assert_verdict(&engine, as_planned, Verdict::Refuted);
        }
    }

    #[test]
    fn what_came_before_the_article_is_supported_only_by_a_sentence_that_looks_back() {
        let engine = engine_of(
            "Studio hacked\n\n\
            Hackers broke into the computers of Northwind Studios on Monday and leaked emails \
            of its executives.\n\n\
            It was the second attack on Northwind Studios since 2011.\n",
        );
        assert_verdict(
            &engine,
            "hackers broke into the computers of Northwind Studios",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "Northwind Studios had been attacked before",
            Verdict::Supported,
        );
        let once = engine_of(
            "Studio hacked\n\n\
            Hackers broke into the computers of Northwind Studios on Monday and leaked emails \
            of its executives.\n",
        );
        assert_verdict(
            &once,
            "hackers had broken into the computers of Northwind Studios before",
            Verdict::NotEnoughInfo,
        );
    }

    #[test]
    fn a_paper_typed_in_lowercase_is_not_its_common_sense() {
        let engine = engine_of(
            "Mayor row\n\n\
            The mayor accused an Evening Standard journalist of being like a camp guard.\n",
        );
        // "guardian" is the paper, which the article never names: not a "guard".
        assert_verdict_not(
            &engine,
            "the journalist was from the guardian",
            Verdict::Supported,
        );
    }

    #[test]
    fn an_opposite_quality_refutes_rather_than_supports() {
        let engine = engine_of(
            "Actress finds new home\n\n\
            Mara Vell said she found the Hindi film industry very warm and encouraging. \
            She said the shoot in Rajasthan was slow at times.\n",
        );
        // "cold" is all the claim says of the industry; the article says the opposite.
        assert_verdict(
            &engine,
            "mara vell said the hindi film industry was cold",
            Verdict::Refuted,
        );
        assert_verdict(
            &engine,
            "mara vell said the hindi film industry was warm",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_sluggish_start_is_no_strong_one() {
        let engine = engine_of(
            "Kane reaches final\n\n\
            Dan Kane made a sluggish start, dropping his opening service game, and Tom Marsh \
            took the first set.\n",
        );
        for claim in [
            "kane started strong in the match",
            "kane held his opening service game",
        ] {
            assert_verdict(&engine, claim, Verdict::Refuted);
        }
        assert_verdict(&engine, "kane made a sluggish start", Verdict::Supported);
    }

    #[test]
    fn an_opposite_word_speaks_of_the_names_beside_it() {
        let engine = engine_of(
            "Open final set\n\n\
            Hewitt is the first home player in the final since Pat Cash lost to Mats Wilander, \
            but he faces Safin, the conqueror of Roger Federer.\n",
        );
        // "lost" is about Cash, not Safin.
        assert_verdict_not(&engine, "Safin beat Roger Federer", Verdict::Refuted);
        assert_verdict(
            &engine,
            "Pat Cash won against Mats Wilander",
            Verdict::Refuted,
        );
    }

    #[test]
    fn an_everyday_word_the_article_lacks_does_not_block_support() {
        let engine = engine();
        assert_verdict(
            &engine,
            "The board approved a dividend of 5 cents in total",
            Verdict::Supported,
        );
        // A verb is what the claim asserts, however everyday.
        let watched = engine.check("The board watched a dividend of 5 cents");
        assert_ne!(
            watched.verdict,
            Verdict::Supported,
            "{}",
            watched.explanation
        );
    }

    #[test]
    fn the_story_of_a_work_is_not_a_fact() {
        let engine = engine_of(
            "Studio pulls comedy\n\n\
            Northwind Studios cancelled the comedy, which centers around a plot to kidnap \
            Ruritanian president Anna Brandt.\n",
        );
        assert_verdict(&engine, "Anna Brandt was kidnapped", Verdict::NotEnoughInfo);
        assert_verdict(
            &engine,
            "the comedy is about a plot to kidnap Anna Brandt",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "Anna Brandt is the Ruritanian president",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_sentence_that_refers_back_speaks_of_the_names_before_it() {
        let engine = engine_of(
            "Talks stall\n\n\
            Fingers pointed at North Korea after the breach. \
            The country has warned the US of serious consequences.\n",
        );
        // "The country" is North Korea, not another country in the same slot as the US.
        assert_verdict(
            &engine,
            "North Korea warned of serious consequences",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_sentence_that_refers_back_holds_no_deed_of_anyone_else() {
        let engine = engine_of(
            "Talks stall\n\n\
            Fingers pointed at North Korea after the breach at Acme and the US held the nation \
            responsible. \
            The country has offered a joint inquiry into the breach.\n\n\
            The breach exposed staff records at Acme. \
            Lawyers for Acme declined to comment.\n\n\
            On Tuesday the mayor, Ken Stone, refused to apologise to the reporter. \
            He said his remarks were not racist.\n",
        );
        // Acme is named before "The country", but the country is North Korea.
        assert_verdict(
            &engine,
            "Acme offered a joint inquiry",
            Verdict::NotEnoughInfo,
        );
        // A day opening the sentence before is not who "He" is.
        assert_verdict(
            &engine,
            "Ken Stone said his remarks were not racist",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_sentence_that_refers_back_speaks_of_its_antecedents_subject_only() {
        let engine = engine_of(
            "Talks stall\n\n\
            Fingers pointed at North Korea after the breach and the US held the nation responsible. \
            The country has offered a joint inquiry into the breach.\n",
        );
        // "The country" is North Korea, the first name before it; not the US.
        assert_verdict(
            &engine,
            "North Korea offered a joint inquiry",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "The US offered a joint inquiry",
            Verdict::NotEnoughInfo,
        );
    }

    #[test]
    fn the_first_since_names_the_last() {
        let engine = engine_of(
            "Open semi-final\n\n\
            Jones is aiming to be the first Welsh champion since Tom Price in 1971.\n",
        );
        assert_verdict(
            &engine,
            "the last welsh champion was tom price in 1971",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "the last welsh champion was tom price in 1981",
            Verdict::Refuted,
        );
    }

    #[test]
    fn a_possibility_is_not_an_event() {
        let engine = engine_of(
            "Mayor under fire\n\n\
            The standards board has the power to suspend the mayor Tom Reed from office.\n",
        );
        assert_verdict(
            &engine,
            "the standards board suspended mayor tom reed",
            Verdict::NotEnoughInfo,
        );
        assert_verdict(
            &engine,
            "the standards board can suspend mayor tom reed",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_statement_with_a_false_clause_is_refuted() {
        let engine = engine_of(
            "Studio breach\n\n\
            The breach embarrassed the studio's executives and several film stars. \
            It also exposed the payroll records of studio employees.\n",
        );
        assert_verdict(
            &engine,
            "only the executives were embarrassed, no payroll records of studio employees were exposed",
            Verdict::Refuted,
        );
        // Clauses that hold are no reason to refute.
        assert_verdict(
            &engine,
            "the studio executives were embarrassed, and payroll records of studio employees were exposed",
            Verdict::Supported,
        );
        // A name in a list is no clause: the part that is one does not speak for it.
        let listed = engine.check("the breach embarrassed several film stars and Max Payne");
        assert_ne!(listed.verdict, Verdict::Supported, "{}", listed.explanation);
    }

    #[test]
    fn an_accusation_and_a_denial_settle_nothing() {
        let engine = engine_of(
            "Bank raid\n\n\
            Fingers had been pointing towards the Red Gang after the bank raid. \
            The group however has denied any involvement in the bank raid.\n",
        );
        let result = engine.check("the Red Gang was involved in the bank raid");
        assert_eq!(
            result.verdict,
            Verdict::NotEnoughInfo,
            "{}",
            result.explanation
        );
        assert!(
            result.explanation.contains("denial"),
            "{}",
            result.explanation
        );
        let cases = [
            // Named only as the accused, the gang is not said to have done it.
            ("the red gang did the bank raid", Verdict::NotEnoughInfo),
            // What the article does state, it supports: the accusation and the denial.
            (
                "fingers pointed towards the Red Gang after the bank raid",
                Verdict::Supported,
            ),
            (
                "the Red Gang denied any involvement in the bank raid",
                Verdict::Supported,
            ),
            // And an admission still meets the denial.
            (
                "the Red Gang admitted involvement in the bank raid",
                Verdict::Refuted,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn a_subject_named_only_in_the_story_of_a_work_did_nothing() {
        let engine = engine_of(
            "Studio breach\n\n\
            Hackers took responsibility for the breach of the studio, which made a comedy \
            that centers around a plot against the Ruritanian leader Anton Vask.\n",
        );
        assert_verdict(
            &engine,
            "Anton Vask took responsibility for the breach",
            Verdict::NotEnoughInfo,
        );
        assert_verdict(
            &engine,
            "Anton Vask is the Ruritanian leader",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_sentence_that_negates_a_claim_word_does_not_support_it() {
        let engine = engine_of(
            "Spy row\n\n\
            Ruritania said it can prove its innocence without resorting to torture.\n",
        );
        // "back" is an everyday word the article lacks, which weighs nothing for support; the
        // sentence still negates "torture". (Not "use": the lexicon makes it "resort to".)
        assert_verdict_not(
            &engine,
            "ruritania said it would back torture to prove its innocence",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_negation_on_both_sides_agrees_through_synonyms_and_names() {
        let engine = engine_of(
            "Spy row\n\n\
            Ruritania said it can prove its innocence without resorting to torture as the CIA does.\n",
        );
        // A name typed in lowercase ("cia") after the negation is not negated.
        assert_verdict(
            &engine,
            "ruritania says it can prove its innocence without using torture like the cia does",
            Verdict::Supported,
        );
        // The claim negates "movie" where the article negates "film", its synonym.
        let engine =
            engine_of("Studio row\n\nAcme Pictures did not release the film in Ruritania.\n");
        assert_verdict(
            &engine,
            "acme pictures did not release the movie in ruritania",
            Verdict::Supported,
        );
    }

    #[test]
    fn the_sides_of_a_dispute_settle_what_was_said_not_what_was_done() {
        let engine = engine_of(
            "Acme hack\n\n\
            Investigators have pointed towards Ruritania as the culprit behind the Acme hack. \
            Their statement regarding this issue called the attack destructive.\n\n\
            Ruritania has denied any involvement in the hack and wants to end all the \
            suspicion against it. \
            According to Ruritania, the investigators are “spreading rumours” and it said “we \
            have nothing to do with the case.”\n",
        );
        for (claim, want) in [
            ("ruritania is the culprit", Verdict::NotEnoughInfo),
            ("ruritania was involved in the hack", Verdict::NotEnoughInfo),
            ("ruritania is innocent", Verdict::NotEnoughInfo),
            ("ruritania denied involvement", Verdict::Supported),
            (
                "ruritania accused the investigators of spreading rumours",
                Verdict::Supported,
            ),
            (
                "ruritania admitted it was behind the hack",
                Verdict::Refuted,
            ),
            (
                "investigators pointed at ruritania as the culprit",
                Verdict::Supported,
            ),
        ] {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn a_hypothetical_claim_word_meets_only_the_sentences_hypothetical() {
        let engine = engine_of(
            "Dam talks\n\n\
            In proposing talks, Ruritania warned Acme of serious consequences in case it \
            refused to cooperate.\n",
        );
        assert_verdict(
            &engine,
            "ruritania warned acme of serious consequences if acme says no",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "ruritania warned acme of serious consequences if acme agrees to cooperate",
            Verdict::Refuted,
        );
    }

    #[test]
    fn a_negated_denial_is_refuted_by_the_denial() {
        assert_verdict(
            &engine(),
            "Acme never denied involvement in the merger talks",
            Verdict::Refuted,
        );
    }

    #[test]
    fn only_in_case_opens_a_hypothetical() {
        let engine = engine_of(
            "Minister speaks\n\n\
            The minister said the party had nothing to do with the case without naming anyone. \
            Officials warned of fines in case the firm rejects the offer.\n",
        );
        // "the case" is stated; "in case the firm rejects" is not.
        let cases = [
            ("the minister named someone in the case", Verdict::Refuted),
            ("the firm rejected the offer", Verdict::NotEnoughInfo),
            // A claim that is itself hypothetical meets the article's.
            (
                "officials warned of fines if the firm rejects the offer",
                Verdict::Supported,
            ),
            (
                "officials warned of fines if the firm accepts the offer",
                Verdict::Refuted,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn a_pasted_message_is_checked_sentence_by_sentence() {
        let result = engine()
            .check("The board approved a dividend. Acme admitted involvement in the merger talks.");
        assert_eq!(result.verdict, Verdict::Refuted);
        assert_eq!(result.parts.len(), 2);
        assert_eq!(result.parts[0].verdict, Verdict::Supported);
        assert_eq!(result.parts[1].verdict, Verdict::Refuted);
    }

    #[test]
    fn a_sentence_that_lacks_a_name_of_the_claim_does_not_support_it() {
        let engine = engine_of(
            "Coach stays on\n\n\
            Defiant Matt Williams says he will not quit as Scotland coach even if his side slump \
            to a new low with defeat by Italy at Murrayfield. \
            Scotland face the Wooden Spoon. \
            Fingers pointed at the Ravens and the Falcons held the club responsible. \
            The club denied any wrongdoing and even proposed a joint inquiry.\n",
        );
        // The name another sentence gives the team is not the coach's.
        assert_verdict(
            &engine,
            "Wooden Spoon Williams says he will not quit as Scotland coach even if his side \
             slump to a new low with defeat by Italy at Murrayfield",
            Verdict::NotEnoughInfo,
        );
        assert_verdict(
            &engine,
            "Matt Williams says he will not quit as Scotland coach even if his side slump to a \
             new low with defeat by Italy at Murrayfield",
            Verdict::Supported,
        );
        // A sentence that refers back ("The club") carries on the names of the one before.
        assert_verdict(
            &engine,
            "The Ravens proposed a joint inquiry with the Falcons",
            Verdict::Supported,
        );
    }

    #[test]
    fn names_listed_in_a_statement_are_not_checked_apart() {
        let engine = engine_of(
            "Plan opposed\n\n\
            The government faces opposition from Tory and Green MPs and its own backbenchers as \
            it prepares for the final debate. \
            Labour rebel MPs are divided. \
            The voice behind Moon River, Dream Lover and Beyond the Sea, fought illness as a \
            child to become a star, but died aged 37 of a heart condition. \
            Kevin Spacey plays the singer in the film.\n",
        );
        for claim in [
            "The government faces opposition from Tory and Labour rebel MPs and its own \
             backbenchers as it prepares for the final debate",
            "The voice behind Moon River, Kevin Spacey and Beyond the Sea, fought illness as a \
             child to become a star, but died aged 37 of a heart condition",
        ] {
            assert_verdict_not(&engine, claim, Verdict::Supported);
        }
        assert_verdict(
            &engine,
            "The government faces opposition from Tory and Green MPs and its own backbenchers \
             as it prepares for the final debate",
            Verdict::Supported,
        );
    }

    #[test]
    fn plus_joins_what_the_claim_adds_up() {
        let engine = engine_of(
            "Firm fined\n\n\
            Titan admitted bribery in Benin. \
            It agreed to pay $13m in criminal penalties, as well as $15.5m to settle a civil \
            lawsuit brought by the financial watchdog.\n",
        );
        assert_verdict(
            &engine,
            "it's paying $13m in criminal penalties plus $15.5m to settle the civil suit",
            Verdict::Supported,
        );
    }

    #[test]
    fn two_neighbouring_sentences_may_support_a_claim_together() {
        let engine = engine_of(
            "Studio hacked\n\n\
            The hack targeted the executives of the studio and celebrities and left them \
            embarrassed. \
            Apart from this, it exposed sensitive records of studio employees. \
            Officials in Benin took bribes from the firm. \
            Shortly after the poll, which Kerekou won, officials raised the firm's fee. \
            Hindustan Oil won an exploration contract in India this year. \
            Burren Energy already has a presence in Egypt, having been awarded an exploration \
            contract last year. \
            Only a quarter of pupils knew the Lib Dems were the third party in parliament. \
            Tony Blair is the prime minister.\n",
        );
        let result = engine.check(
            "the hack embarrassed executives and celebrities, and sensitive records of studio \
             employees got out too",
        );
        assert_eq!(result.verdict, Verdict::Supported, "{}", result.explanation);
        let quotes: Vec<&str> = result.evidence.iter().map(|c| c.quote.as_str()).collect();
        assert!(quotes[0].starts_with("The hack targeted"), "{quotes:?}");
        assert!(quotes[1].starts_with("Apart from this"), "{quotes:?}");
        assert!(
            result.explanation.starts_with(
                "The article supports this in two sentences (paragraph 2, sentence 1; \
                 paragraph 2, sentence 2): “The hack targeted"
            ),
            "{}",
            result.explanation
        );
        // Two words side by side are no claim two sentences state together.
        assert_verdict_not(&engine, "Kerekou took bribes", Verdict::Supported);
        // Nor do two sentences of which the later does not carry on the earlier.
        assert_verdict_not(
            &engine,
            "Tony Blair were the third party",
            Verdict::Supported,
        );
        // The sentence that states most of the claim holds its names.
        assert_verdict_not(
            &engine,
            "Hindustan Oil already has a presence in Egypt, having been awarded an exploration \
             contract last year",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_name_put_in_the_place_of_another_is_refuted() {
        let engine = engine_of(
            "Shoppers go online\n\n\
            Savvy shoppers are using the net to find the hot presents that are sold out in High \
            Street stores. \
            Interactive Media in Retail Group said sales rose. \
            Former leader Neil Kinnock led Labour from 1983 until 1992. \
            Lord Woolf said judges would decide.\n",
        );
        let result = engine.check(
            "Savvy shoppers are using the net to find the hot presents that are sold out in \
             Interactive Media stores",
        );
        assert_eq!(result.verdict, Verdict::Refuted, "{}", result.explanation);
        assert!(
            result
                .explanation
                .ends_with("It has “high street” where the claim has “interactive media”."),
            "{}",
            result.explanation
        );
        // Another first part beside the same surname may be the same person.
        assert_verdict_not(
            &engine,
            "Former leader Lord Kinnock led Labour from 1983 until 1992",
            Verdict::Refuted,
        );
    }

    #[test]
    fn a_negation_in_what_is_supposed_is_kept_too() {
        let engine = engine_of(
            "Coach charged\n\n\
            If found guilty, the coach could lose his job or face a fine. \
            The hearing is in March.\n",
        );
        assert_verdict_not(
            &engine,
            "If found guilty, the coach could not lose his job or face a fine",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "If found guilty, the coach could lose his job or face a fine",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_negation_reaches_past_since_or_because_right_after_it() {
        let engine = engine_of(
            "Archbishop speaks\n\n\
            Dr Williams has since criticised the government over its case for war. \
            The delay is because of the scale of the damage.\n",
        );
        for claim in [
            "Dr Williams has not since criticised the government over its case for war",
            "The delay is not because of the scale of the damage",
        ] {
            assert_verdict(&engine, claim, Verdict::Refuted);
        }
    }

    #[test]
    fn a_name_the_claim_negates_is_negated_in_the_sentence_that_supports_it() {
        let engine = engine_of(
            "Studio history\n\n\
            His first client was Stevie Wonder, who recorded part of an album there. \
            The studio closed in 1990.\n",
        );
        assert_verdict_not(
            &engine,
            "His first client was not Stevie Wonder, who recorded part of an album there",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_frame_word_the_claim_negates_is_negated_in_the_sentence_that_supports_it() {
        let engine = engine_of(
            "Judge threatened\n\n\
            Police said death threats against the judge were made. \
            The trial goes on in April.\n",
        );
        assert_verdict_not(
            &engine,
            "Police said death threats against the judge were not made",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_name_made_of_frame_words_is_a_name_of_the_claim() {
        let engine = engine_of(
            "Search firm buys blog tool\n\n\
            He said Ask Jeeves was much more interested in helping people find information. \
            Bloglines supports Really Simple Syndication.\n",
        );
        assert_verdict_not(
            &engine,
            "He said Really Simple was much more interested in helping people find information",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_response_is_what_someone_said_and_their_own_words_settle_it() {
        // In a dispute, the accused's own words settle what the accused said: a "response"
        // reports speech as "said" does.
        let engine = engine_of(
            "Ruritania wants joint inquiry into leak\n\n\
            Fingers have been pointing at Ruritania after the leak of files from Acme. \
            A spokesman for Ruritania's foreign ministry talked to the state broadcaster Ruri \
            Vision on Saturday and said the claims were false.\n",
        );
        assert_verdict(
            &engine,
            "Ruritania's response was given to Ruri Vision, its state broadcaster.",
            Verdict::Supported,
        );
    }

    #[test]
    fn a_name_far_from_the_claims_words_is_not_in_its_place() {
        // "The U.S." stands in the spokesman's quoted words, far from "state media": it is
        // not where the claim puts Asia.
        let engine = engine_of(
            "Ruritania wants joint inquiry into leak\n\n\
            Fingers had been pointing towards Ruritania after the leak of files from Acme. \
            The country however has denied any part in the leak. \
            A spokesman for Ruritania's foreign ministry talked to state media RTV on Saturday \
            and said that \"The U.S. should bear in mind that it will face serious consequences \
            in case it rejects our proposal\". \
            Acme said it was deeply concerned about the leak.\n",
        );
        assert_verdict_not(
            &engine,
            "RTV is the most widely read news outlet in Asia.",
            Verdict::Refuted,
        );
    }

    #[test]
    fn a_name_listed_with_a_name_of_the_sentence_meets_the_one_listed_there() {
        let engine = engine_of(
            "Comedy pulled\n\n\
            The studio cancelled the comedy, which stars Seth Rogen and James Franco. \
            The studio said it had received threats from hackers. \
            Several cinema chains had refused to show the film. \
            Analysts said the decision would cost the studio millions.\n",
        );
        assert_refuted_saying(
            &engine,
            "the comedy stars james franco and jonah hill",
            "“rogen”",
        );
    }

    #[test]
    fn short_quotes_end_on_a_word() {
        let long = "word ".repeat(60);
        let short = short_quote(&long);
        assert!(short.ends_with("word…"));
        assert!(long.starts_with(short.trim_end_matches('…')));
    }

    #[test]
    fn negating_what_the_article_cancels_is_agreement() {
        let engine = engine_of(
            "Film premiere\n\n\
            Northwind Studios was forced to cancel its release of the film after threats against cinemas. \
            Northwind have been criticised for their stance, with the Cinema Owners' Association accusing the studio of failing in their duty of care to the staff.\n",
        );
        let cases = [
            // What the claim negates, the article cancels: agreement, not an opposite verb.
            ("Northwind did not release the film", Verdict::Supported),
            ("Northwind released the film", Verdict::Refuted),
            // The cancellation in other words.
            ("Northwind pulled the release of the film", Verdict::Supported),
            // Both tell of a failing, but the claim's own "not" denies what the article states.
            (
                "Northwind have not been criticised for their stance, with the Cinema Owners' Association accusing the studio of failing in their duty of care to the staff",
                Verdict::Refuted,
            ),
        ];
        for (claim, want) in cases {
            assert_verdict(&engine, claim, want);
        }
    }

    #[test]
    fn a_refusal_does_not_reach_what_is_said_of_it() {
        let engine = engine_of(
            "Studio contract\n\n\
            The studio's lawyers refused to publish the contract, saying such papers have always been kept confidential.\n",
        );
        // "refused" reaches the contract, not the reason given after "saying".
        assert_verdict(
            &engine,
            "The lawyers refused to publish the contract, saying such papers have not always been kept confidential",
            Verdict::Refuted,
        );
        assert_verdict(
            &engine,
            "The lawyers refused to publish the contract, saying such papers have always been kept confidential",
            Verdict::Supported,
        );
    }

    #[test]
    fn what_a_sentence_only_wants_does_not_support_a_claim_that_it_happened() {
        let engine = engine_of(
            "Ruritania wants joint inquiry with Acme into the data leak\n\n\
            Ruritania denied any part in the leak. \
            The minister said the two countries should talk.\n",
        );
        // The headline only wants the inquiry.
        assert_verdict(
            &engine,
            "Ruritania and Acme held a joint inquiry into the data leak",
            Verdict::NotEnoughInfo,
        );
        // A claim that speaks of the wish, in the article's word or a synonym of it, holds.
        assert_verdict(
            &engine,
            "Ruritania wants a joint inquiry with Acme",
            Verdict::Supported,
        );
        assert_verdict(
            &engine,
            "Ruritania asked for a joint inquiry with Acme into the leak",
            Verdict::Supported,
        );
        // A lexicon phrase ("called for", one token) opens a wish as its words do.
        let engine = engine_of(
            "Union wants inquiry\n\n\
            The Acme union has called for a public inquiry into the data leak. \
            The company said it would not comment.\n",
        );
        assert_verdict(
            &engine,
            "a public inquiry into the Acme data leak was held",
            Verdict::NotEnoughInfo,
        );
        assert_verdict(
            &engine,
            "the Acme union wants a public inquiry into the data leak",
            Verdict::Supported,
        );
    }

    #[test]
    fn an_agent_the_article_does_not_name_is_another_than_the_one_it_names() {
        let engine = engine_of(
            "Acme settles bribery case\n\n\
            A US defence company has agreed to pay $28m after admitting bribery. \
            Acme was accused of paying $2m to an agent in Ruritania. \
            It agreed to pay $13m in criminal penalties, as well as $15m to settle a civil \
            lawsuit brought by the US financial watchdog, the Securities and Exchange \
            Commission. \
            The company says it no longer tolerates such practices.\n",
        );
        // Typed in lowercase, "justice department" is still who brought the lawsuit.
        assert_verdict(
            &engine,
            "the civil lawsuit was brought by the justice department",
            Verdict::Refuted,
        );
        assert_verdict(
            &engine,
            "the civil lawsuit was brought by the financial watchdog",
            Verdict::Supported,
        );
        // "by" a time names no one.
        assert_verdict_not(
            &engine,
            "the civil lawsuit was brought by the deadline",
            Verdict::Refuted,
        );
    }

    #[test]
    fn what_someone_says_is_contradicted_only_by_words_not_by_accusers() {
        let engine = engine_of(
            "Ruritania denies data leak\n\n\
            The allegations towards Ruritania have been based on the conclusions by Interpol, \
            which seems to have pointed towards the country as the culprit. \
            The government of Ruritania has denied having any involvement with the leak, and \
            said Acme should look to its own staff. \
            The hacker group Red Dawn has taken responsibility for the leak of the files of \
            Ruritania.\n",
        );
        // Ruritania may say so while Interpol points at it, or while another group takes
        // responsibility: both hold.
        for claim in [
            "Ruritania says it was not the culprit",
            "Ruritania says it was not responsible for the leak",
        ] {
            assert_verdict_not(&engine, claim, Verdict::Refuted);
        }
        // What the accuser says is another matter.
        assert_verdict(
            &engine,
            "Interpol says Ruritania is not the culprit",
            Verdict::Refuted,
        );
    }
}
