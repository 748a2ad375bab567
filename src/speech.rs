//! Who a sentence reports as speaking, and who a claim or question says spoke.
//!
//! News attributes words: "A spokesman for North Korea's foreign ministry … said that…",
//! "According to North Korea, …", "FBI's statement … read". The fact check refutes a claim
//! that puts those words in someone else's mouth ("the US said…"), and the answer engine
//! answers "what did Sony say" only from a sentence where Sony speaks.

use crate::engine::Engine;
use crate::search::DocId;
use crate::text::{self, Token, TokenRole};

/// Words that report speech or a stated view ("described … as", "argued", "admitted"): a
/// claim's speaker stands before one, a sentence's before its first ("A spokesman for North
/// Korea's foreign ministry … said that…").
const SPEECH_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "stated",
    "states",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "warned",
    "warns",
    "statement",
    "according",
    "comment",
    "commented",
    "comments",
    "added",
    "adds",
    "replied",
    "replies",
    "argued",
    "argues",
    "admitted",
    "admits",
    "believes",
    "thinks",
    "feels",
    "described",
    "describes",
    "labelled",
    "labeled",
    "explained",
    "explains",
    "conceded",
    "concedes",
    "respond",
    "responds",
    "responded",
    "response",
];

/// Words that ask for someone's view: "what does the CIA think of it".
const OPINION_CUES: &[&str] = &[
    "think", "thinks", "thought", "reckon", "reckons", "feel", "feels", "felt", "believe",
    "believes",
];

/// Words of speech whose object is the listener ("…,” Pearce told BBC Sport): the speaker
/// stands before them, never after.
const LISTENER_CUES: &[&str] = &["told", "tells", "tell"];

/// Does this word of speech take the listener after it ("told the BBC")?
fn names_listener(t: &Token) -> bool {
    LISTENER_CUES.contains(&t.surface.as_str())
}

/// Pronouns that can speak for a name given before.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we"];

/// Is this a word that reports speech?
pub(crate) fn is_speech_cue(t: &Token) -> bool {
    SPEECH_CUES.contains(&t.surface.as_str())
}

/// Stems of verbs that do things with words: "has denied any involvement" tells what was
/// said, though no word of speech reports it.
const SPEECH_ACTS: &[&str] = &[
    "deni", "admit", "confess", "apolog", "insist", "threaten", "warn", "propos", "suggest",
];

/// Is this a verb that does something with words ("denied", "admitted", "proposed")?
pub(crate) fn is_speech_act(t: &Token) -> bool {
    SPEECH_ACTS.contains(&t.term.as_str())
}

/// Where the quotation a sentence opens with ends (a byte offset into `text`): after its
/// closing mark, or the end of the sentence when the quotation runs on into the next one.
/// None when the sentence does not open with a quotation.
pub(crate) fn quotation_end(text: &str) -> Option<usize> {
    let body = text.trim_start();
    let skipped = text.len() - body.len();
    let open = body.chars().next()?;
    let close = match open {
        '“' => '”',
        '"' => '"',
        _ => return None,
    };
    let open_len = open.len_utf8();
    Some(
        body[open_len..]
            .find(close)
            .map_or(text.len(), |at| skipped + open_len + at + close.len_utf8()),
    )
}

/// Does a sentence carry on a quotation without saying who speaks ("“I started preparing
/// nine months ago.” after "“It's awesome,” said Hewitt.")? Its speaker is the previous
/// quotation's.
pub(crate) fn continues_a_quotation(text: &str) -> bool {
    let Some(end) = quotation_end(text) else {
        return false;
    };
    !text[end..]
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| SPEECH_CUES.contains(&w.to_lowercase().as_str()))
}

/// Whom a sentence reports as speaking.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Speakers<'a> {
    /// The sentence reports no speech.
    Nobody,
    /// A pronoun speaks ("he said"): whom it stands for is a guess.
    Unnamed,
    /// These names speak, with their token positions (`None`: the name a sentence that refers
    /// back stands for).
    Named(Vec<(Option<usize>, &'a str)>),
}

impl Engine {
    /// Whom sentence `doc` reports as speaking: the names after its "according to"; or, when
    /// a pronoun speaks, nobody named; or else the names before its first word of speech
    /// (days and months aside) and the name the sentence refers back to.
    pub(crate) fn speakers(&self, doc: DocId) -> Speakers<'_> {
        self.speakers_by(doc, is_speech_cue)
    }

    /// [`Engine::speakers`], with `cue` for the word that says someone spoke: a word of
    /// speech, or a verb that does something with words ([`is_speech_act`]: "The country
    /// however has denied…" has the country speak).
    pub(crate) fn speakers_by(&self, doc: DocId, cue: fn(&Token) -> bool) -> Speakers<'_> {
        let sentence = self.tokens_of(doc);
        let named = |t: &Token| self.names_something(t) && !crate::answer::is_time_word(&t.term);
        if let Some(end) = quotation_end(self.sentence_text(doc)) {
            return self.quotation_speakers(doc, end, &named);
        }
        let Some(cue_at) = sentence.iter().position(cue) else {
            return Speakers::Nobody;
        };
        let according = sentence
            .windows(2)
            .position(|w| w[0].surface == "according" && w[1].surface == "to");
        if let Some(at) = according {
            return Speakers::Named(
                (at + 2..sentence.len())
                    .skip_while(|&i| sentence[i].role != TokenRole::Content)
                    .take_while(|&i| named(&sentence[i]))
                    .map(|i| (Some(i), sentence[i].term.as_str()))
                    .collect(),
            );
        }
        if sentence[..cue_at]
            .iter()
            .any(|t| SUBJECT_PRONOUNS.contains(&t.surface.as_str()))
        {
            return Speakers::Unnamed;
        }
        Speakers::Named(
            (0..cue_at)
                .filter(|&i| named(&sentence[i]))
                .map(|i| (Some(i), sentence[i].term.as_str()))
                .chain(self.antecedent_names(doc).into_iter().map(|t| (None, t)))
                // "The mayor said…": whom "the mayor" stands for in the article.
                .chain(
                    self.described_names(doc, cue_at)
                        .into_iter()
                        .map(|t| (None, t)),
                )
                .collect(),
        )
    }

    /// Who speaks the quotation sentence `doc` opens with (it ends at byte `end`): see
    /// [`quotation_speakers`]. A quotation no word of speech follows, carried on from the
    /// sentence before, speaks with that one's voice.
    fn quotation_speakers(
        &self,
        doc: DocId,
        end: usize,
        named: &dyn Fn(&Token) -> bool,
    ) -> Speakers<'_> {
        quotation_speakers(self.tokens_of(doc), end, named).unwrap_or_else(|| {
            match self.antecedent_root(doc) {
                Some(root) if root != doc => self.speakers(root),
                _ => Speakers::Nobody,
            }
        })
    }

    /// The speaker a claim or question names: the name words between its start and its first
    /// word of speech, when nothing else stands there but qualifying words ("the US says…",
    /// "what did Sony itself say…", "did Kim Jong Un personally comment…"). Empty when there
    /// is no such speaker.
    pub(crate) fn named_speaker<'t>(&self, tokens: &'t [Token]) -> Vec<&'t Token> {
        self.named_before(tokens, is_speech_cue)
    }

    /// The one whose view a question asks for: the name words between its start and its
    /// first word of opinion ("what does the CIA think of…", "what did Roddick make of…").
    /// Only what someone says tells what they think, so such a question wants their words.
    pub(crate) fn named_opinion_holder<'t>(&self, tokens: &'t [Token]) -> Vec<&'t Token> {
        self.named_before(tokens, |t| OPINION_CUES.contains(&t.surface.as_str()))
    }

    /// The name words between the start of `tokens` and the first token that is `cue`, when
    /// nothing else stands there but qualifying words.
    fn named_before<'t>(
        &self,
        tokens: &'t [Token],
        cue: impl Fn(&Token) -> bool,
    ) -> Vec<&'t Token> {
        let Some(cue) = tokens.iter().position(cue) else {
            return Vec::new();
        };
        let lex = text::Lexicon::get();
        let opening: Vec<&Token> = tokens[..cue]
            .iter()
            .filter(|t| t.role == TokenRole::Content && !lex.is_modifier(&t.surface))
            .collect();
        if opening.iter().all(|t| self.names_something(t)) {
            opening
        } else {
            Vec::new()
        }
    }
}

/// Who speaks a quotation that opens a text and ends at byte `end` of it (`tokens` are the
/// text's): the names just after the word of speech that follows it ("…,” said Mr Vetham), or
/// between the two ("…,” Roddick said; always so before "told": "…,” Pearce told BBC Sport); a
/// pronoun is nobody named. Words inside the quotation are what is said, never who says it.
/// `None` when no word of speech follows the quotation. Sentences and claims alike.
pub(crate) fn quotation_speakers<'t>(
    tokens: &'t [Token],
    end: usize,
    named: &dyn Fn(&Token) -> bool,
) -> Option<Speakers<'t>> {
    let after = tokens.partition_point(|t| t.span.start < end);
    let cue_at = (after..tokens.len()).find(|&i| is_speech_cue(&tokens[i]))?;
    let names = |range: std::ops::Range<usize>| -> Vec<(Option<usize>, &str)> {
        range
            .skip_while(|&i| tokens[i].role != TokenRole::Content)
            .take_while(|&i| named(&tokens[i]))
            .map(|i| (Some(i), tokens[i].term.as_str()))
            .collect()
    };
    let following = if names_listener(&tokens[cue_at]) {
        Vec::new()
    } else {
        names(cue_at + 1..tokens.len())
    };
    if !following.is_empty() {
        return Some(Speakers::Named(following));
    }
    if tokens[after..cue_at]
        .iter()
        .chain(tokens.get(cue_at + 1))
        .any(|t| SUBJECT_PRONOUNS.contains(&t.surface.as_str()))
    {
        return Some(Speakers::Unnamed);
    }
    Some(Speakers::Named(names(after..cue_at)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_ends_at_its_closing_mark_or_runs_on() {
        let curly = "“It’s a dream,” said Kane.";
        let end = quotation_end(curly).expect("opens a quotation");
        assert_eq!(&curly[end..], " said Kane.");
        assert_eq!(quotation_end("\"We won.\""), Some(9));
        // A quotation that runs on into the next sentence ends with this one.
        let open = "\"I started training two years ago.";
        assert_eq!(quotation_end(open), Some(open.len()));
        assert_eq!(quotation_end("Kane said: \"It's a dream.\""), None);
        assert!(!continues_a_quotation(curly));
        assert!(continues_a_quotation("“I started training two years ago.”"));
        assert!(continues_a_quotation(open));
    }
}
