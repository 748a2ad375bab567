//! Answering a question: rank the article's sentences, decide whether the article really answers
//! it, and build an [`Answer`] of verbatim, cited quotes — or an honest "the article doesn't say".
//!
//! The decision rests on measurements, not on any list of questions:
//! - *candidates*: a sentence can answer only if it holds enough of the question's meaning and
//!   the kind of answer asked for (a "when" question needs a time, "what does X stand for" a
//!   sentence spelling X out). No candidate: decline.
//! - *pack coverage*: how much of the question's meaning (its content words, weighted by
//!   rarity) the article uses at all, after synonyms and typo correction. A question about a
//!   director, a cost or the weather uses words the article never does.
//! - *sentence coverage*: how much of it the candidate holds; both coverages are also measured
//!   with words weighted by their rarity in general news text ([`crate::text::general`]).
//!
//! [`crate::answerability`] weighs these into a probability, the answer's confidence; below its
//! threshold the question is declined.
//!
//! Curated topics (from `facts.toml`) lift the sentences they quote when the question reads
//! like one of the topic's phrasings.

use serde::Serialize;

use crate::answerability;
use crate::engine::{Engine, SentenceRef};
use crate::text;

mod asked;
mod candidates;
mod conversation;
mod explain;
mod kind;
mod retrieve;
mod route;

use crate::timeframe::{
    asks_about_earlier_events, speaks_of_earlier_events, speaks_of_later_events,
};
use candidates::opposite_only_as_hypothesis;
pub use conversation::Conversation;
pub use explain::explain;
pub(crate) use kind::is_time_word;
pub(crate) use retrieve::{share_of, Ranked, Retrieval};

/// Longest input matched, in characters (Discord's own message limit is 4,000).
pub const MAX_INPUT_CHARS: usize = 4000;
/// Most citations in an answer.
pub const MAX_CITATIONS: usize = 3;
/// Below this share of the question's meaning found in the best sentence, decline.
const MIN_SENTENCE_COVERAGE: f32 = 0.4;

/// A verbatim quote and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Byte-exact text from the article.
    pub quote: String,
    /// The pack id.
    pub source: String,
    /// 1-based paragraph (the headline is paragraph 1).
    pub paragraph: usize,
    /// 1-based sentence within the paragraph.
    pub sentence: usize,
}

/// The answer to one question.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub question: String,
    pub answered: bool,
    /// A one-line summary: the curated topic's summary, or the best quote itself; when not
    /// answered, a sentence saying so.
    pub answer: String,
    pub citations: Vec<Citation>,
    pub confidence: f32,
    /// Topic command names to try instead (when not answered).
    pub suggestions: Vec<String>,
    /// The curated topic the answer comes from, if any.
    #[serde(skip)]
    pub topic: Option<String>,
    /// The pack answered from.
    #[serde(skip)]
    pub pack: Option<usize>,
    /// Another pack that also fits the question well.
    #[serde(skip)]
    pub also_in: Option<usize>,
    /// The question was longer than [`MAX_INPUT_CHARS`] and was cut.
    #[serde(skip)]
    pub truncated: bool,
    /// Why the question was declined, when it was.
    #[serde(skip)]
    pub declined: Option<DeclineReason>,
}

/// Why a question was declined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclineReason {
    /// No content words to match.
    NoWords,
    /// Too much of the question's meaning is absent from the article.
    NotInArticle,
    /// No single sentence holds enough of it.
    NoSentence,
    /// Sentences match, but none holds the kind of answer asked for (a time, a number).
    WrongKind,
}

/// Cuts `text` to at most [`MAX_INPUT_CHARS`] characters, on a character boundary and, when
/// the limit falls inside a word, before that word: half a word ("who hac") would be matched
/// as an unknown word of its own and could sink the whole question.
pub fn cut_input(text: &str) -> (&str, bool) {
    let Some((at, next)) = text.char_indices().nth(MAX_INPUT_CHARS) else {
        return (text, false);
    };
    let head = &text[..at];
    if !next.is_alphanumeric() {
        return (head, true);
    }
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(i, c)| i + c.len_utf8());
    // A single word longer than the limit is kept as cut: there is nothing before it.
    let end = if word_start == 0 { at } else { word_start };
    (&text[..end], true)
}

impl Engine {
    /// Answers a question from all packs.
    pub fn ask(&self, question: &str) -> Answer {
        self.ask_in(question, None)
    }

    /// Answers a question from the given packs only (`None`: all packs).
    pub fn ask_in(&self, question: &str, packs: Option<&[usize]>) -> Answer {
        self.ask_following(question, packs, None)
    }

    /// Answers a question asked in a conversation whose last answer came from pack
    /// `previous` (its id): when the question does not tell which story it means ("who got
    /// picked"), it stays with that one. Packs are named by id, not index, so that a
    /// conversation survives a reload.
    pub fn ask_following(
        &self,
        question: &str,
        packs: Option<&[usize]>,
        previous: Option<&str>,
    ) -> Answer {
        let previous = previous.and_then(|id| self.packs().iter().position(|p| p.id == id));
        let (text, truncated) = cut_input(question);
        let blanked = text::blank_markup(text);
        let text = blanked.as_ref();
        let summary = is_summary_request(text);
        let mut answer = match self.retrieve_following(text, packs, true, previous) {
            Some(r) if summary => self.lead_answer(r.pack),
            Some(r) => self.decide(&r, packs),
            None => match self.only_pack(packs) {
                Some(pack) if summary => self.lead_answer(pack),
                _ => self.decline(text, None, packs),
            },
        };
        answer.question = question.to_owned();
        answer.truncated = truncated;
        answer
    }

    /// The one pack in scope, if there is exactly one.
    fn only_pack(&self, packs: Option<&[usize]>) -> Option<usize> {
        match packs {
            Some([only]) => Some(*only),
            Some(_) => None,
            None => (self.packs().len() == 1).then_some(0),
        }
    }

    /// A summary of a pack: its headline and the first sentences of the article.
    fn lead_answer(&self, p: usize) -> Answer {
        let pack = &self.packs()[p];
        let citations: Vec<Citation> = (0..pack.sentences.len())
            .filter(|&i| i == 0 || !pack.sentences[i].heading)
            .take(MAX_CITATIONS)
            .map(|i| {
                self.citation(SentenceRef {
                    pack: p,
                    sentence: i,
                })
            })
            .collect();
        Answer {
            question: String::new(),
            answered: true,
            answer: citations
                .get(1)
                .or(citations.first())
                .map(|c| c.quote.clone())
                .unwrap_or_default(),
            citations,
            confidence: 1.0,
            suggestions: Vec::new(),
            topic: None,
            pack: Some(p),
            also_in: None,
            truncated: false,
            declined: None,
        }
    }

    /// The answer for a curated topic command: its summary and quotes.
    pub fn topic_answer(&self, command: &str) -> Option<Answer> {
        let (p, pack) = self
            .packs()
            .iter()
            .enumerate()
            .find(|(_, p)| p.topics.iter().any(|t| t.command == command))?;
        let topic = pack.topics.iter().find(|t| t.command == command)?;
        let citations = topic
            .quotes
            .iter()
            .take(MAX_CITATIONS)
            .map(|q| {
                self.citation(SentenceRef {
                    pack: p,
                    sentence: q.sentence,
                })
            })
            .collect();
        Some(Answer {
            question: command.to_owned(),
            answered: true,
            answer: topic.summary.clone(),
            citations,
            confidence: 1.0,
            suggestions: Vec::new(),
            topic: Some(topic.command.clone()),
            pack: Some(p),
            also_in: None,
            truncated: false,
            declined: None,
        })
    }

    /// The citation for a whole sentence.
    pub(crate) fn citation(&self, at: SentenceRef) -> Citation {
        let pack = &self.packs()[at.pack];
        let s = &pack.sentences[at.sentence];
        Citation {
            quote: pack.article[s.span.clone()].to_owned(),
            source: pack.id.clone(),
            paragraph: s.paragraph,
            sentence: s.index,
        }
    }

    /// Turns a retrieval into an answer, or declines. `packs` is the scope the question was
    /// asked in (`None`: all packs).
    fn decide(&self, r: &Retrieval, packs: Option<&[usize]>) -> Answer {
        let mut candidates = self.candidates(r).peekable();
        let (best, leading) = self.most_answerable(r, &mut candidates);
        // A question about what happened after the events ("did the US accept the offer in
        // the end") is answered only by a sentence that tells of later events too: the article
        // reports how things stood when it was written.
        // Likewise a question about what came before them ("has Sony been hacked before this")
        // is answered only by a sentence that looks back.
        let after = speaks_of_later_events(&r.tokens);
        let before = asks_about_earlier_events(&r.tokens);
        let best = best.filter(|(b, _)| {
            let tokens = self.tokens_of(b.doc);
            (!after || speaks_of_later_events(tokens))
                && (!before || speaks_of_earlier_events(tokens))
                && !opposite_only_as_hypothesis(&r.query, tokens)
                && !self.cannot_tell_which(b, &r.tokens, &r.query)
                && !self.cannot_give_name(b, &r.tokens, &r.query)
                && !self.cannot_name_counted(b, &r.tokens, &r.query)
        });
        let Some((best, probability)) = best.filter(|(_, p)| *p >= answerability::threshold())
        else {
            let reason = if best.is_some() || after || before {
                DeclineReason::NotInArticle
            } else if r.ranked.iter().any(|c| c.coverage >= MIN_SENTENCE_COVERAGE) {
                DeclineReason::WrongKind
            } else {
                DeclineReason::NoSentence
            };
            let mut answer = self.decline("", Some(r), packs);
            answer.declined = Some(reason);
            return answer;
        };
        let mut citations = vec![self.citation(best.at)];
        for c in leading
            .into_iter()
            .chain(candidates)
            .filter(|c| c.doc != best.doc)
        {
            if citations.len() >= MAX_CITATIONS || c.score < 0.5 * best.score {
                break;
            }
            if self.packs()[c.at.pack].sentences[c.at.sentence].heading {
                continue;
            }
            citations.push(self.citation(c.at));
        }
        let pack = &self.packs()[r.pack];
        // The curated summary speaks for the answer only when its topic quotes the best sentence.
        let topic = r
            .topic
            .map(|(t, _)| &pack.topics[t])
            .filter(|t| t.quotes.iter().any(|q| q.sentence == best.at.sentence));
        let confidence = probability.clamp(0.0, 1.0);
        Answer {
            question: String::new(),
            answered: true,
            answer: topic.map_or_else(|| citations[0].quote.clone(), |t| t.summary.clone()),
            citations,
            confidence,
            suggestions: Vec::new(),
            topic: topic.map(|t| t.command.clone()),
            pack: Some(r.pack),
            also_in: r.runner_up,
            truncated: false,
            declined: None,
        }
    }

    /// A "the article doesn't say" answer, with topics to try instead. With several packs in
    /// scope it says that none of them covers the question, naming the closest one: saying
    /// "I only answer from" the pack a question was routed to would hide all the others.
    fn decline(&self, question: &str, r: Option<&Retrieval>, packs: Option<&[usize]>) -> Answer {
        let pack = r.map(|r| r.pack);
        let in_scope = packs.map_or(self.packs().len(), <[usize]>::len);
        let title = |p: usize| format!("“{}”", self.packs()[p].title());
        // Nothing that could be a word (white space, punctuation, emoji, mentions): invite a
        // question rather than say the article doesn't cover it.
        let empty = r.is_none() && !text::normalize(question).chars().any(char::is_alphanumeric);
        let answer = match (empty, self.only_pack(packs), pack) {
            (true, Some(only), _) => format!(
                "Ask me a question about {}, and I will answer with quotes from the article.",
                title(only)
            ),
            (true, None, _) => "Ask me a question about these articles, and I will answer with \
                 quotes from them."
                .to_owned(),
            (false, Some(only), _) => format!(
                "The article doesn't say. I only answer from {}, and it doesn't cover that.",
                title(only)
            ),
            (false, None, Some(closest)) => format!(
                "The articles don't say. I only answer from the {in_scope} articles here; the \
                 closest, {}, doesn't cover that.",
                title(closest)
            ),
            (false, None, None) => format!(
                "The articles don't say. I only answer from the {in_scope} articles here, and \
                 none of them covers that."
            ),
        };
        Answer {
            question: question.to_owned(),
            answered: false,
            answer,
            citations: Vec::new(),
            confidence: 0.0,
            suggestions: self.suggest(r),
            topic: None,
            pack,
            also_in: None,
            truncated: false,
            declined: Some(DeclineReason::NoWords),
        }
    }

    /// Up to three topic commands related to the question (or the first topics).
    fn suggest(&self, r: Option<&Retrieval>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(r) = r {
            for c in &r.ranked {
                let pack = &self.packs()[c.at.pack];
                for t in &pack.topics {
                    if t.quotes.iter().any(|q| q.sentence == c.at.sentence)
                        && !out.contains(&t.command)
                    {
                        out.push(t.command.clone());
                    }
                }
            }
        }
        for (_, t) in self.topics() {
            if !out.contains(&t.command) {
                out.push(t.command.clone());
            }
        }
        out.truncate(3);
        out
    }
}

/// A request for the gist of the article ("tldr", "summary pls", "what is this about").
fn is_summary_request(text: &str) -> bool {
    const CUES: &[&str] = &[
        "tldr",
        "tl;dr",
        "tl dr",
        "summary",
        "summarise",
        "summarize",
        "sum up",
        "sum it up",
        "gist",
        "recap",
        "overview",
        "main points",
        "what is this about",
        "what's this about",
        "whats this about",
        "what is the article about",
        "what's the article about",
        "whats the article about",
        "what is this article about",
        "whats this article about",
        "what's this article about",
        "what happened here",
        "eli5",
    ];
    let lower = text::normalize(text);
    // Every cue starts with a letter, so a whole-word match can only start where a word does:
    // try the cues there (one pass) rather than searching the text once per cue.
    let mut prev: Option<char> = None;
    for (at, ch) in lower.char_indices() {
        let word_start = !prev.is_some_and(char::is_alphanumeric);
        prev = Some(ch);
        if !word_start || !ch.is_alphanumeric() {
            continue;
        }
        let rest = &lower[at..];
        let hit = CUES.iter().any(|c| {
            rest.starts_with(c)
                && !rest[c.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        });
        if hit {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::engine::Engine;

    fn engine_over(article: &str) -> Engine {
        crate::test_pack::engine_over(article, None)
    }

    /// Asserts that `question` is declined.
    fn assert_declined(engine: &Engine, question: &str) {
        let answer = engine.ask(question);
        assert!(!answer.answered, "{question}: {:?}", answer.citations);
    }

    /// Asserts that `question` is answered, first from a sentence holding `text`.
    fn assert_first_citation(engine: &Engine, question: &str, text: &str) {
        let answer = engine.ask(question);
        assert!(answer.answered, "{question}: declined");
        let quote = &answer.citations[0].quote;
        assert!(quote.contains(text), "{question}: {quote}");
    }

    #[test]
    fn a_decline_over_several_articles_says_none_covers_it_not_only_the_closest() {
        let engine = crate::test_pack::engine_over_packs(&[
            (
                "derby",
                "Rovers win derby\n\nRovers beat City two goals to one.\n",
                None,
            ),
            (
                "bank",
                "Bank fined\n\nThe regulator fined the bank for lax controls.\n",
                None,
            ),
        ]);
        let answer = engine.ask("who refereed the derby");
        assert!(!answer.answered, "{:?}", answer.citations);
        assert!(
            answer.answer.contains("the 2 articles here")
                && answer.answer.contains("the closest, “Rovers win derby”"),
            "{}",
            answer.answer
        );
        let only_derby = engine.ask_in("who refereed the derby", Some(&[0]));
        assert!(
            only_derby
                .answer
                .contains("I only answer from “Rovers win derby”, and it doesn't cover that"),
            "{}",
            only_derby.answer
        );
    }

    #[test]
    fn a_cue_word_inside_a_phrase_of_other_meaning_asks_for_nothing() {
        // "clear its name" asks for no name: the answer names nobody.
        let engine = engine_over(
            "Firm denies fraud\n\n\
            The firm denied any part in the fraud. \
            To clear its name, the firm offered to open its books to the auditors.\n\n\
            The regulator said the inquiry would go on.\n",
        );
        assert_first_citation(
            &engine,
            "what did the firm offer to clear its name",
            "open its books",
        );
    }

    #[test]
    fn a_sentence_referring_back_to_a_quotation_speaks_of_its_speaker_by_full_name() {
        // "The 29-year-old" is Sellick, who speaks the quotation before it, not "European",
        // the first name inside it; and Sellick is Maria Sellick, named first in a list.
        let engine = engine_over(
            "Four named for worlds\n\n\
            Maria Sellick, Jo Pavlo, Karl Keskin and Adam Hick will represent the team at the \
            event in France. Sellick won the European title last month.\n\n\
            \"Winning the European title meant so much to me,\" said Sellick. \
            \"And being picked means I can focus.\" \
            The 29-year-old will race alongside Pavlo in the 8km race on 19 March.\n",
        );
        assert_first_citation(&engine, "how old is maria sellick", "The 29-year-old");
    }

    #[test]
    fn a_word_of_a_known_multi_word_name_stands_for_the_name() {
        // The article holds "Kim Jong Un" as one term; "kim" alone is that name.
        let engine = engine_over(
            "Parade held\n\n\
            Kim Jong Un praised the army at a parade in the capital in March.\n\n\
            The army chief praised the soldiers.\n",
        );
        assert_first_citation(&engine, "who did kim praise", "Kim Jong Un praised");
    }

    #[test]
    fn how_far_asks_for_a_measure_and_a_closing_now_asks_for_nothing() {
        // "how far clear" asks for a number, as "how big" does; "now" only says the question
        // is about how things stand, as "currently" does. Neither word is in the article.
        let engine = engine_over(
            "Hawks beat Owls\n\n\
            Goals from Ian Marsh and Tom Reed gave the Hawks a win that moves them three points \
            clear of the Owls.\n\n\
            The Owls had been clear favourites before the game.\n",
        );
        assert_first_citation(
            &engine,
            "how far clear are the hawks now",
            "three points clear",
        );
    }

    #[test]
    fn an_age_between_commas_after_a_name_answers_how_old() {
        let engine = engine_over(
            "Trial opens\n\n\
            The trial of the former chief executive opened in New York on Monday.\n\n\
            Prosecutors say Mr Ebbs, 63, directed the fraud at the firm.\n",
        );
        assert_first_citation(&engine, "how old is ebbs", "Mr Ebbs, 63,");
        // A number between commas after a word that is no name is no age.
        let engine = engine_over(
            "Jobs cut\n\n\
            The plant in Leeds will close, with jobs cut in stages, 40, then 60, by June.\n",
        );
        assert_declined(&engine, "how old is the plant");
    }

    #[test]
    fn routing_counts_a_sentence_holding_the_kind_of_answer_asked_for() {
        // Both articles hold "people" and a word for a poll; only one counts the people.
        let engine = crate::test_pack::engine_over_packs(&[
            (
                "plans",
                "Firms fail to plan\n\n\
                Firms fail to plan until it affects 20% of people, new research says.\n",
                None,
            ),
            (
                "tags",
                "Shoppers wary of tags\n\n\
                More than half of the 2,000 people surveyed across four countries last autumn \
                said they had worries about the tags in clothes.\n",
                None,
            ),
        ]);
        assert_first_citation(
            &engine,
            "how many ppl did they poll",
            "2,000 people surveyed",
        );
    }

    #[test]
    fn a_people_stands_for_its_country_and_a_head_word_for_its_compound() {
        let engine = engine_over(
            "Derby ends in a draw\n\n\
            The forum meets in Davos, Switzerland, next week. \
            The visiting goalkeeper made a brave block in the last minute. \
            The home fans sang throughout the second half.\n",
        );
        // "swiss" is Switzerland's people; "keeper" is the head of "goalkeeper".
        assert_first_citation(&engine, "which swiss town does the forum meet in", "Davos");
        assert_first_citation(&engine, "what did the keeper do", "goalkeeper");
    }

    #[test]
    fn a_sentence_holding_the_whole_question_is_cited_before_one_scored_a_little_higher() {
        // The curated topic on who was blamed lifts "allegations … culprit" above the rest, on
        // "finger" and North Korea alone; the sentence about fingers pointing at North Korea
        // after the hack holds every word of the question.
        let engine = crate::test_pack::engine_over(
            include_str!("../../knowledge/sony-hack-2014/article.txt"),
            Some(include_str!("../../knowledge/sony-hack-2014/facts.toml")),
        );
        assert_first_citation(
            &engine,
            "did washington point the finger at nk over the sony hack",
            "Fingers had been pointing towards North Korea",
        );
    }

    #[test]
    fn which_group_is_answered_by_the_name_given_to_the_group() {
        let engine = engine_over(
            "Ferry strike called\n\n\
            Unions had held Harbour Authority managers responsible after the strike began. \
            Talks were called for by the port.\n\n\
            Later in the week a protest group, calling itself the Friends of the Ferry, took \
            responsibility for the leaflets and asked passengers to stay at home.\n",
        );
        assert_first_citation(
            &engine,
            "which group was responsible",
            "Friends of the Ferry",
        );
    }

    #[test]
    fn words_side_by_side_in_the_question_prefer_a_sentence_with_them_side_by_side() {
        let engine = engine_over(
            "City food awards\n\n\
            The Blue Door was named best restaurant in the city and Ana Lopez, who runs its \
            kitchen, best pastry chef of the year at the awards on Friday.\n\n\
            Earlier, Tom Reed from the harbour cafe was crowned best chef at the same awards, \
            to loud applause from the crowd.\n",
        );
        assert_first_citation(&engine, "best chef?", "Tom Reed");
    }

    #[test]
    fn what_happened_in_the_end_is_told_only_by_a_sentence_about_later_events() {
        let engine = engine_over(
            "Port offers talks\n\n\
            The port authority warned the union that it would face fines if it rejects the \
            offer of joint talks.\n",
        );
        // The article tells of the offer and the warning, not of how the offer was answered.
        assert_declined(
            &engine,
            "did the union accept the offer of joint talks in the end",
        );
        assert_first_citation(
            &engine,
            "did the union get an offer of joint talks",
            "fines",
        );
        let later = engine_over(
            "Port offers talks\n\n\
            The port authority offered the union joint talks on Monday. \
            The union eventually accepted the offer of talks.\n",
        );
        assert_first_citation(
            &later,
            "did the union accept the offer of talks in the end",
            "eventually accepted",
        );
        // What someone does next is later than anything an article about them tells.
        let sony = crate::test_pack::engine_over(
            include_str!("../../knowledge/sony-hack-2014/article.txt"),
            Some(include_str!("../../knowledge/sony-hack-2014/facts.toml")),
        );
        assert_first_citation(&sony, "who is in the interview", "James Franco");
        assert_declined(&sony, "what is james franco doing next");
    }

    #[test]
    fn what_came_before_is_told_only_by_a_sentence_that_looks_back() {
        let engine = engine_over(
            "Dock strike\n\n\
            Dock workers at the port walked out on Monday over pay and staffing. \
            It is the first dock strike at the port since 1998.\n\n\
            The port authority said talks with the workers would resume on Friday.\n",
        );
        assert_first_citation(&engine, "has the port had a strike before", "since 1998");
        assert_first_citation(&engine, "why did the dock workers walk out", "over pay");
        // The article tells of this walkout; whether there were others is not in it.
        let once = engine_over(
            "Dock strike\n\n\
            Dock workers at the port walked out on Monday over pay and staffing.\n\n\
            The port authority said talks with the workers would resume on Friday.\n",
        );
        assert_declined(&once, "did the dock workers walk out before this");
        assert_declined(
            &once,
            "have dock workers at the port walked out in the past",
        );
    }

    #[test]
    fn an_opposite_met_only_in_a_hypothesis_answers_nothing() {
        let warned = engine_over(
            "Dock strike threat\n\n\
            The dock union warned the port authority that there would be a strike in case it \
            rejects the pay offer.\n\n\
            Talks are due to resume on Friday.\n",
        );
        // A rejection that may happen says nothing of an acceptance.
        assert_declined(&warned, "did the port authority accept the pay offer");
        assert_first_citation(&warned, "what did the dock union warn", "strike");
        let rejected = engine_over(
            "Dock strike threat\n\n\
            The port authority rejects the pay offer, and the dock union warned of a strike.\n\n\
            Talks are due to resume on Friday.\n",
        );
        assert_first_citation(
            &rejected,
            "did the port authority accept the pay offer",
            "rejects the pay offer",
        );
    }

    #[test]
    fn what_someone_thinks_is_told_only_by_their_words() {
        let engine = engine_over(
            "Dock strike\n\n\
            Dock workers walked out on Monday, and the union blamed Harbour Holdings for the \
            strike.\n\n\
            The mayor said the strike was \"a disaster for the city\".\n",
        );
        // Harbour Holdings is only blamed: the article never gives its view.
        assert_declined(&engine, "what does harbour holdings think about all this");
        assert_first_citation(
            &engine,
            "what does the mayor think about the strike",
            "a disaster for the city",
        );
        // Words of describing and arguing give a view as words of saying do.
        let described = engine_over(
            "Dock strike\n\n\
            Dock workers at Norbridge walked out on Monday over pay.\n\n\
            On Tuesday, Norbridge described the strike as unlawful and costly. \
            The same day, Norbridge held the union responsible for the losses.\n",
        );
        assert_first_citation(
            &described,
            "what does norbridge think of the strike",
            "unlawful",
        );
        // "Who does X think…" asks who, not for X's words.
        assert_first_citation(
            &described,
            "who does norbridge think is responsible for the losses",
            "held the union responsible",
        );
    }

    #[test]
    fn accountable_is_responsible_not_an_account() {
        let engine = engine_over(
            "Bank fined\n\n\
            Savers can still open an account at the bank on Monday. \
            Regulators held the bank's directors responsible for the losses.\n",
        );
        assert_first_citation(
            &engine,
            "who was held accountable for the losses",
            "directors responsible",
        );
    }

    #[test]
    fn what_is_asked_besides_is_someone_else() {
        let engine = engine_over(
            "Studio hit by hackers\n\n\
            The hack left the studio's executives and celebrities embarrassed. \
            Apart from this, it exposed the records of studio employees.\n",
        );
        // "besides the celebrities" asks for the others: the employees are the answer.
        assert_first_citation(
            &engine,
            "what else got exposed besides the celebrity stuff",
            "studio employees",
        );
    }

    #[test]
    fn a_time_word_the_question_holds_is_no_time_given() {
        let engine = engine_over(
            "Action day called for jailed bloggers\n\n\
            Bloggers are asked to write about the two jailed men and their action. \
            The group says its day of protest will be Tuesday.\n",
        );
        // The headline's "day" is the question's own word, not a time: the answer is the
        // last sentence, or (unsure the protest is the action) none.
        let answer = engine.ask("when is the day of action");
        assert!(
            !answer.answered || answer.citations[0].quote.contains("Tuesday"),
            "{:?}",
            answer.citations
        );
    }

    #[test]
    fn an_alternative_the_article_never_names_is_turned_down_not_missing() {
        let engine = engine_over(
            "Studio hit by hackers\n\n\
            Hackers broke into the computers of Corvane Pictures last week. \
            The studio's new comedy stars Ann Lee and opens in May. \
            Staff were told to work from home.\n",
        );
        // The PlayStation Network is offered to be turned down: the article need not name it.
        assert_first_citation(
            &engine,
            "did hackers break into corvane pictures or the playstation network",
            "Hackers broke into",
        );
        // What is asked of the alternatives ("directed") must still be in the article.
        assert_declined(&engine, "who directed the comedy, ann lee or bo tan");
        // A question closing on "not the …" offers what follows to be turned down.
        assert_first_citation(
            &engine,
            "so hackers broke into corvane pictures?? not the playstation network?",
            "Hackers broke into",
        );
        assert_declined(
            &engine,
            "so the comedy was directed by ann lee? not the playstation",
        );
    }

    #[test]
    fn a_name_the_article_withholds_is_not_given() {
        let engine = engine_over(
            "Firm admits bribery\n\n\
            Corvane paid $3m to an unnamed agent in Tirala before the election. \
            The agent handed some of the money to the campaign of Governor Osei.\n",
        );
        // The article says it doesn't know who the agent is; it cannot say who that is.
        for question in ["who was the agent in tirala", "who's the unnamed agent"] {
            assert_declined(&engine, question);
        }
        // Who did something to the unnamed agent, it does say.
        assert_first_citation(&engine, "who paid the agent", "Corvane paid");
    }

    #[test]
    fn a_name_beside_the_word_asked_about_answers_who() {
        let engine = engine_over(
            "Mayor row\n\n\
            London mayor Ken Stone has refused to apologise to a Jewish reporter. \
            On tape Mr Stone is heard asking reporter Oliver Fine if he was a guard. \
            The Board of Deputies complained to the Standards Board.\n",
        );
        for question in ["whats the reporter's name", "who was the reporter"] {
            assert_first_citation(&engine, question, "Oliver Fine");
        }
    }

    #[test]
    fn a_surname_alone_names_someone() {
        let engine = engine_over(
            "Hale reaches final\n\n\
            Ian Hale kept his dream of a first title alive with a four-set win over Tom Vale.\n\n\
            Hale made a slow start to the match on a hot night in the city. \
            Vale dominated with his big serve as he took the first set.\n",
        );
        assert_first_citation(&engine, "who took the opening set", "Vale dominated");
    }

    #[test]
    fn a_name_in_apposition_before_the_word_asked_about_answers_who() {
        let engine = engine_over(
            "Shoppers wary of tags\n\n\
            The survey of shoppers in the UK, France and Germany was carried out by Acmegem. \
            Ard Jan Vetham, Acmegem's principal consultant, said shops must explain the tags.\n",
        );
        assert_first_citation(&engine, "who's the acmegem guy quoted", "Ard Jan Vetham");
    }

    #[test]
    fn a_name_after_from_or_by_the_word_asked_about_answers_who() {
        let engine = engine_over(
            "United win derby\n\n\
            Goals from Pavel Drak and Nico Brun gave United a narrow and scrappy win at the Park \
            that moves them three points clear of the champions.\n\n\
            Sam Reed returned as Max Cole kept the side that scored four goals.\n",
        );
        assert_first_citation(&engine, "who got the goals", "Goals from Pavel Drak");
    }

    #[test]
    fn a_second_word_asking_for_the_amount_does_not_count_against_the_answer() {
        let engine = engine_over(
            "Rovers sign shirt sponsor\n\n\
            Rovers have agreed a £20m shirt sponsorship deal with Acme Airways. \
            The airline also sponsors the city marathon. \
            Fans protested outside the ground on Saturday.\n",
        );
        // "worth" and "in total" ask for the amount "how much" already asks for.
        for question in [
            "how much is the rovers sponsorship deal worth",
            "how much is the rovers sponsorship deal in total",
        ] {
            assert_first_citation(&engine, question, "£20m");
        }
    }

    #[test]
    fn what_someone_else_wants_is_what_is_asked() {
        let engine = engine_over(
            "Ruritania wants talks with Acme over the dam\n\n\
            Ruritania has criticised Acme for months. \
            Ruritania blamed Acme for floods in the north last year.\n",
        );
        assert_first_citation(&engine, "what does ruritania want", "wants talks");
    }

    #[test]
    fn a_where_question_prefers_the_sentence_that_names_a_place() {
        let engine = engine_over(
            "Runners named for championships\n\n\
            Four runners have been picked for the World Championships in March after strong \
            starts to the season. \
            The four will race for the national team at the championships in Portugal. \
            Coaches praised the championships as the toughest of the year.\n",
        );
        assert_first_citation(&engine, "where are the championships", "in Portugal");
    }

    #[test]
    fn which_country_asks_for_a_place_and_which_paper_for_a_name() {
        let engine = engine_over(
            "Shoppers wary of smart labels\n\n\
            Shoppers are wary of smart labels, a poll says. \
            The poll showed that most shoppers had heard of the labels. \
            The poll of shoppers in Spain and Italy was run for the labels industry. \
            The poll was first reported by the daily Morning Courier on Monday. \
            Critics said the poll asked the wrong shoppers.\n",
        );
        assert_first_citation(&engine, "which countries were in the poll", "in Spain");
        assert_first_citation(&engine, "what paper reported the poll", "Morning Courier");
        // The kind's noun stays a word to match when it is all the question names.
        let answer = engine.ask("which paper was it");
        assert!(
            answer.declined != Some(super::DeclineReason::NoWords),
            "{answer:?}"
        );
    }

    #[test]
    fn an_inflected_word_is_not_a_name_the_article_writes_plainly() {
        // "opening" stems to "open", but the article's "Open" is a name: it does not speak of
        // a first set.
        let engine = engine_over(
            "Marsh into final\n\n\
            Tom Marsh reached the final of the Ridley Open, beating Dan Kane in four sets on Friday. \
            Kane took the first set on a tie-break. \
            Marsh then broke serve early in the second set. \
            The crowd at the Open cheered every point.\n",
        );
        assert_first_citation(
            &engine,
            "who took the opening set",
            "Kane took the first set",
        );
        // The name as written still matches.
        assert_first_citation(&engine, "what did the crowd at the open do", "cheered");
    }

    #[test]
    fn a_sentence_that_refers_back_answers_for_the_name_it_refers_to() {
        // "And the 28-year-old…" refers back to Field, whose name opens the sentence before (a
        // name, though "field" is a common word: the article never writes it in lowercase). It
        // answers "how old is Field" though it holds no word of the question.
        let engine = engine_over(
            "Field back for final\n\n\
            Tom Field will play in the final on Sunday after a month out with a knee injury. \
            Field, who has not played since March, trained with the squad on Monday. \
            And the 28-year-old striker will start the final on the bench. \
            Field missed five matches with the injury.\n",
        );
        assert_first_citation(&engine, "how old is field", "28-year-old");
    }

    #[test]
    fn how_long_is_also_until_when() {
        let engine = engine_over(
            "Clubs charged\n\n\
            Both clubs were charged by the league over crowd trouble at the match. \
            Both clubs have until 23 December to respond. \
            Fans ripped up seats in the west stand.\n",
        );
        assert_first_citation(
            &engine,
            "how long do the clubs have to respond",
            "until 23 December",
        );
    }

    #[test]
    fn when_in_a_match_is_the_minute() {
        let engine = engine_over(
            "Rovers edge derby\n\n\
            Rovers beat City 1-0 in a tense derby at the Moor. \
            Keeper Ian Hale was not tested until 20 minutes after the break. \
            Striker Tom Vale scored in the 89th minute with a low drive. \
            Fans queued for minutes at the turnstiles.\n",
        );
        assert_first_citation(&engine, "when did vale score", "in the 89th minute");
        assert_first_citation(
            &engine,
            "when was hale tested",
            "not tested until 20 minutes after the break",
        );
        // Minutes are a time only with their number.
        assert_declined(&engine, "when did fans queue at the turnstiles");
        // "How late" asks for a time; in a match, the minute is one.
        assert_first_citation(&engine, "how late did vale score", "in the 89th minute");
    }

    #[test]
    fn how_many_prefers_a_number_that_counts_the_asked_word() {
        let engine = engine_over(
            "Firms ignore risk\n\n\
            Nor could over 65% of the business leaders surveyed name the risk. \
            Nearly 9,000 business leaders in 104 countries were surveyed for the study.\n",
        );
        assert_first_citation(
            &engine,
            "how many bosses did they survey",
            "Nearly 9,000 business leaders",
        );
    }

    #[test]
    fn an_ordinal_in_digits_reads_as_its_word() {
        let engine = engine_over(
            "Rovers edge derby\n\n\
            Tom Vale scored the first goal with a header from a corner. \
            Ian Hale added the second goal from the spot late on.\n",
        );
        assert_first_citation(
            &engine,
            "who got the 2nd goal",
            "Ian Hale added the second goal",
        );
        assert_first_citation(
            &engine,
            "who got the 1st goal",
            "Tom Vale scored the first goal",
        );
    }

    #[test]
    fn an_amount_of_dollars_or_pounds_is_money() {
        let engine = engine_over(
            "Firm admits bribes\n\n\
            Acme paid for T-shirts with election slogans on them, and a stage for the campaign.\n\n\
            Acme put more than $2m into the campaign of the ruling party.\n",
        );
        assert_first_citation(
            &engine,
            "how did the campaign get cash from acme",
            "more than $2m",
        );
    }

    #[test]
    fn how_often_asks_for_a_count() {
        let engine = engine_over(
            "Band plays on\n\n\
            The band plays at every home game of the club. \
            The band plays more than 40 times a season, its leader said.\n",
        );
        assert_first_citation(
            &engine,
            "how often does the band play",
            "more than 40 times",
        );
    }

    #[test]
    fn how_soon_asks_for_a_length_of_time() {
        let engine = engine_over(
            "Council plans new bridge\n\n\
            The council wants a new bridge over the river, and the mayor says work on the \
            bridge will start soon. \
            Work on the bridge will start within three years, the council said. \
            The bridge will carry cars and buses.\n",
        );
        assert_first_citation(
            &engine,
            "how soon will work on the bridge start",
            "within three years",
        );
        assert_first_citation(
            &engine,
            "how quickly will the bridge work start",
            "within three years",
        );
    }

    #[test]
    fn a_paragraphs_first_sentence_refers_back_to_the_paragraph_before() {
        let engine = engine_over(
            "Honour for actor\n\n\
            Actor Tom Field has been honoured at the Harbour film festival.\n\n\
            The star was presented with the award by director Ann Lee. \
            Field thanked the festival.\n",
        );
        assert_first_citation(&engine, "who presented field with the award", "Ann Lee");
    }

    #[test]
    fn the_nineties_are_the_1990s() {
        let engine = engine_over(
            "Sell-off plan\n\n\
            The government plans to sell the state bank next year. \
            About 190 state-run companies were sold off from the early 1990s to 1997. \
            Analysts welcomed the plan.\n",
        );
        assert_first_citation(
            &engine,
            "how many state companies were sold off in the 90s",
            "About 190",
        );
    }

    #[test]
    fn the_mayor_is_whoever_the_article_calls_mayor() {
        let engine = engine_over(
            "Mayor row\n\n\
            Harbour mayor Ken Stone has refused to apologise to reporter Oliver Fine. \
            The reporter had asked about the harbour budget. \
            The mayor said the row would not harm the regatta bid. \
            Council members met on Monday.\n",
        );
        assert_first_citation(
            &engine,
            "what did ken stone say about the regatta bid",
            "The mayor said",
        );
        // The fact check names him too, as the article writes him.
        let check = engine.check("oliver fine said the row would not harm the regatta bid");
        assert_eq!(check.verdict, crate::factcheck::Verdict::Refuted);
        assert!(
            check.explanation.contains("Ken Stone"),
            "{}",
            check.explanation
        );
        // "the reporter" is Oliver Fine: the words are not his.
        let check = engine.check("the reporter said the row would not harm the regatta bid");
        assert_eq!(check.verdict, crate::factcheck::Verdict::Refuted);
    }

    #[test]
    fn a_quotation_carried_on_is_spoken_by_whoever_spoke_it_first() {
        let engine = engine_over(
            "Kane into final\n\n\
            Dan Kane beat Tom Marsh in four sets on Friday to reach the final. \
            Marsh had won the title twice before. \
            \"It's a dream,\" said Kane. \
            \"I started training for this event two years ago.\" \
            The crowd cheered Marsh off the court.\n",
        );
        assert_first_citation(
            &engine,
            "how long has kane been training for this",
            "two years ago",
        );
        assert_first_citation(
            &engine,
            "what did kane say about his training",
            "two years ago",
        );
    }

    #[test]
    fn what_someone_said_comes_from_a_sentence_where_they_speak() {
        let engine = engine_over(
            "Factory fire\n\n\
            A fire destroyed the Norland Tools factory in Leeds on Monday. \
            According to the Leeds fire service, the fire started in a storeroom. \
            The fire forced Norland Tools to cancel its spring launch.\n",
        );
        assert_first_citation(
            &engine,
            "what did the fire service say about the fire",
            "storeroom",
        );
        // Norland Tools is in the story, but the article never quotes it.
        assert_declined(&engine, "what did norland tools say about the fire");
    }

    #[test]
    fn a_sentence_that_refers_back_speaks_of_the_name_before_it() {
        let engine = engine_over(
            "Fishing row\n\n\
            France wants talks with Germany over fishing rights. \
            The country has warned Germany of serious consequences if it refuses.\n",
        );
        assert_first_citation(
            &engine,
            "what consequences did france warn about",
            "serious consequences",
        );
    }

    #[test]
    fn a_short_or_everyday_word_stands_for_the_word_news_text_uses() {
        let engine = engine_over(
            "Awards night\n\n\
            The awards were presented by a professor of music at the city university. \
            Children from the local school will sing at the opening. \
            The orchestra played a short piece for each winner. \
            Fathers' groups staged a protest outside the hall.\n",
        );
        assert_first_citation(&engine, "where will the kids sing", "Children");
        assert_first_citation(&engine, "what did the band play for winners", "orchestra");
        assert_first_citation(&engine, "what did the dads do outside", "Fathers");
    }

    #[test]
    fn an_everyday_verb_stands_for_the_verb_news_text_uses() {
        let engine = engine_over(
            "Clinic report\n\n\
            About 300 people contract measles in the region every month. \
            Some 4,000 families go to court over housing disputes each year. \
            Landlords who breach repair orders can already be fined. \
            The Greens have called for a rent freeze. \
            A local band performs during the commercial breaks of the charity show. \
            The conductor picks the music for each guest. \
            The inquiry's conclusions pointed to the landlord as the culprit.\n",
        );
        assert_first_citation(&engine, "how many people catch measles", "contract measles");
        assert_first_citation(&engine, "how many families fight over housing", "disputes");
        assert_first_citation(
            &engine,
            "what happens to landlords who ignore orders",
            "breach",
        );
        assert_first_citation(&engine, "what do the greens want", "called for");
        assert_first_citation(
            &engine,
            "what happens in the ad breaks",
            "commercial breaks",
        );
        assert_first_citation(&engine, "who picks the tunes", "music");
        assert_first_citation(
            &engine,
            "who decided the landlord was the culprit",
            "conclusions",
        );
    }

    #[test]
    fn a_question_that_asks_for_several_prefers_a_sentence_that_lists_them() {
        let engine = engine_over(
            "Shopper survey\n\n\
            The survey found that awareness among shoppers in Europe was low. \
            The survey of shoppers in Spain, Italy and Greece was run by Norvik Research.\n",
        );
        assert_first_citation(
            &engine,
            "which nations had shoppers in the survey",
            "Spain, Italy",
        );
    }

    #[test]
    fn a_word_the_sentence_answers_with_another_of_its_kind_is_answered() {
        let engine = engine_over(
            "Studio row\n\n\
            Northwind Studios made a satirical movie about a plot to kidnap a president. \
            The studio said the premiere would go ahead in the spring.\n",
        );
        // "documentary" is not in the article: "a satirical movie" is its answer.
        assert_first_citation(
            &engine,
            "was the northwind movie a documentary",
            "satirical movie",
        );
    }

    #[test]
    fn a_which_question_needs_a_sentence_that_tells_which() {
        let engine = engine_over(
            "Acme studio breached\n\n\
            The Acme breach has targeted the executives of the studio and celebrities and has \
            left them embarrassed. \
            It also exposed sensitive records of studio employees. \
            Hackers leaked the film ‘Dawn Patrol’ before its release. \
            Acme blamed the CIA for the breach.\n",
        );
        // The sentence holds the celebrities, but not which ones.
        assert_declined(&engine, "which celebrities were embarrassed by the breach");
        // A word that qualifies the noun, or a name beside it, tells which.
        assert_first_citation(&engine, "which records were exposed", "sensitive records");
        assert_first_citation(&engine, "which film got leaked", "Dawn Patrol");
        // "spy agency" stands for the CIA: the name is the answer.
        assert_first_citation(&engine, "which spy agency did acme blame", "the CIA");
    }

    #[test]
    fn a_name_of_question_needs_a_name_beside_what_it_names() {
        let engine = engine_over(
            "Ruritania wants joint inquiry into leak\n\n\
            Ruritania has denied any part in the leak of files from Acme. \
            A spokesman for Ruritania's foreign ministry talked to the state broadcaster Ruri \
            Vision on Saturday and said the claims were false. \
            The statement was later read out on the evening news by presenter Anna Berg. \
            Acme said it was deeply concerned.\n",
        );
        // The spokesman is never named; the headline's Ruritania is no name for him.
        assert_declined(&engine, "whats the name of the foreign ministry spokesman");
        assert_first_citation(&engine, "whats the name of the presenter", "Anna Berg");
    }

    #[test]
    fn whether_someone_said_anything_is_answered_by_their_own_words() {
        let engine = engine_over(
            "Ruritania wants joint inquiry into leak\n\n\
            Fingers have been pointing at Ruritania after the leak of files from Acme. \
            The country however has denied having any part in the leak of the files. \
            Acme chief Tom Hale was named in the leaked files. \
            Acme said it was deeply concerned about the leak. \
            Officials in Ruritania were not available.\n",
        );
        // Hale is named, but nothing he said is reported.
        assert_declined(&engine, "did tom hale say anything about the leak");
        // A denial is what the country said, though no word of speech reports it.
        assert_first_citation(
            &engine,
            "has Ruritania said anything about the leak",
            "has denied",
        );
    }

    #[test]
    fn yet_closing_a_question_asks_for_nothing_more() {
        // "yet" only asks whether it has happened so far, as "already" and "still" do.
        let engine = engine_over(
            "Studio shooting\n\n\
            A man was shot outside a recording studio in New York on Monday night. \
            Police said the man was stable in hospital. \
            No arrests have been made in relation to the shooting. \
            The rapper's label said it was shocked by the attack.\n",
        );
        assert_first_citation(&engine, "anybody arrested yet", "No arrests");
    }

    #[test]
    fn a_world_leader_is_a_leader() {
        let engine = engine_over(
            "Comedy pulled\n\n\
            The studio cancelled the release of the comedy, which centres on a plot to \
            assassinate Ruritanian leader Max Vogel. \
            The studio said the decision was made after threats against cinemas.\n",
        );
        assert_first_citation(
            &engine,
            "which world leader is the comedy about",
            "Max Vogel",
        );
    }

    #[test]
    fn who_a_counted_group_is_needs_their_names() {
        let engine = engine_over(
            "Trial date set\n\n\
            Mr Vale, who has been charged along with three other men of selling banned drugs, \
            is due to face trial in March. \
            Two club doctors, Ann Roe and Ben Tull, were charged with helping him.\n",
        );
        // The three are never named: counting them does not say who they are.
        assert_declined(&engine, "who are the 3 other men charged with him");
        assert_first_citation(&engine, "who are the two doctors charged", "Ann Roe");
    }

    #[test]
    fn what_something_is_called_is_answered_by_its_name() {
        let engine = engine_over(
            "Club and shop plans\n\n\
            The club will build a new stadium beside the park, though fans fear it will lose \
            its old name. \
            The firm's new website, launched on Monday, is called ShopNow.\n",
        );
        // No name stands beside the stadium: the article never says what it will be called.
        assert_declined(&engine, "what will the new stadium be called");
        assert_first_citation(&engine, "whats the new website called", "ShopNow");
    }

    #[test]
    fn a_length_of_time_answers_how_much_only_of_time() {
        let engine = engine_over(
            "Star of Kisna\n\n\
            The film's star spent three weeks learning Hindi and taking dance lessons. \
            She said the part had changed her life. \
            She now spends her free time reading scripts.\n",
        );
        assert_declined(&engine, "how much did they spend on the film");
        assert_first_citation(
            &engine,
            "how much time did she spend learning hindi",
            "three weeks",
        );
        assert_first_citation(
            &engine,
            "how many weeks did she spend learning hindi",
            "three weeks",
        );
    }

    #[test]
    fn a_compound_is_not_of_the_family_of_its_first_word() {
        let engine = engine_over(
            "Longer battery life\n\n\
            It was not just a case of squeezing more out of the power packs, he explained. \
            The firm has won two championships for its designs.\n",
        );
        // "powerpoint" is no kind of "power": the article says nothing of it.
        assert_declined(&engine, "does powerpoint have the same issue");
        // A word of the family still counts: "champs" for "championships".
        assert_first_citation(
            &engine,
            "how many champs has the firm won",
            "two championships",
        );
    }

    #[test]
    fn docs_are_documents() {
        let engine = engine_over(
            "Warning over files\n\n\
            Up to 75% of all business documents contained sensitive information, a survey found. \
            The survey was carried out last year.\n",
        );
        assert_first_citation(
            &engine,
            "what % of docs have sensitive stuff in them",
            "75%",
        );
    }

    #[test]
    fn beef_is_a_feud_and_lately_is_recently() {
        let engine = engine_over(
            "Rap feud\n\n\
            The rapper, whose second album is out next month, has been involved in recent \
            rivalries with fellow artists including Kid Rome and Lil Vance. \
            His label said the album would sell well.\n",
        );
        assert_first_citation(
            &engine,
            "who has the rapper been beefing with lately",
            "Kid Rome",
        );
    }

    #[test]
    fn how_someone_responded_is_answered_by_their_own_words() {
        let engine = engine_over(
            "Ruritania denies leak\n\n\
            Fingers have been pointing at Ruritania after the leak of files from Acme. \
            Ruritania responded that the claims were lies and, in a swipe at the CIA, that it \
            does not spy on people. \
            Acme said it was deeply concerned about the leak.\n",
        );
        // The CIA is spoken of, but never speaks: its response is not in the article.
        assert_declined(&engine, "how did the cia respond to ruritania's spying jab");
        assert_first_citation(
            &engine,
            "how did ruritania respond to the claims",
            "were lies",
        );
    }
}
