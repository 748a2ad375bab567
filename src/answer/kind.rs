//! Whether a sentence holds the kind of answer a question asks for: a time, a number, an age, a
//! name, a place, a reason; and the word lists that tell times and numbers.

use super::asked::Asked;
use super::Retrieval;
use crate::engine::{Engine, SentenceRef};
use crate::search::{DocId, Query};
use crate::text::{self, AnswerKind, Token, TokenRole};

/// How many tokens after the noun of a cue ("which group") its name may stand.
const KIND_NOUN_REACH: usize = 6;
/// How many tokens either side of the noun a "name of …" question asks about its name may
/// stand ("the make-up artist, Jane Doe,", "spokesman Kim Myong-chol").
const NAME_BESIDE: usize = 4;
/// How much a "why" question prefers sentences that give a reason.
const WHY_REASON_LIFT: f32 = 1.3;
/// How much a "who" question prefers sentences that name someone new.
const WHO_NAME_LIFT: f32 = 1.25;
/// Lift for a sentence whose name follows the noun of the cue ("which group": "the hacker
/// group, self named as the Guardians of Peace").
const KIND_NOUN_LIFT: f32 = 1.5;
/// And again when the name stands right after a question word ("reporter Oliver Finegold").
const APPOSITION_LIFT: f32 = 1.2;
/// How much a "where" question prefers sentences that put something in a named place.
const WHERE_PLACE_LIFT: f32 = 1.25;
/// Further lift, for a question that asks for several ("which countries"), for a sentence
/// that gives two names or more.
const SEVERAL_NAMES_LIFT: f32 = 1.2;
/// Lift for a sentence whose number counts what a "how many" question names ("9,000 business
/// leaders" for "how many bosses").
const COUNT_LIFT: f32 = 1.25;

impl Engine {
    /// How much sentence `doc` is lifted for holding the kind of answer asked for: a name
    /// beside the question's word for "who", a place for "where", a reason for "why", a number
    /// counting the asked word for "how many".
    pub(super) fn kind_lift(
        &self,
        kind: AnswerKind,
        doc: DocId,
        asked: &Asked,
        query: &Query,
    ) -> f32 {
        let lift = self.kind_lift_for_one(kind, doc, &asked.kind_nouns, query);
        // "which countries": a sentence that lists several names answers it.
        if asked.several
            && lift > 1.0
            && matches!(kind, AnswerKind::Who | AnswerKind::Where)
            && self.new_names_in(doc, query) >= 2
        {
            lift * SEVERAL_NAMES_LIFT
        } else {
            lift
        }
    }

    /// [`Engine::kind_lift`] for a question that asks for one.
    fn kind_lift_for_one(
        &self,
        kind: AnswerKind,
        doc: DocId,
        kind_nouns: &[String],
        query: &Query,
    ) -> f32 {
        match kind {
            AnswerKind::Why if self.sentence_gives_reason(self.sentence_ref(doc)) => {
                WHY_REASON_LIFT
            }
            AnswerKind::Who | AnswerKind::Name
                if self.name_after_kind_noun(doc, kind_nouns, query) =>
            {
                WHO_NAME_LIFT * KIND_NOUN_LIFT
            }
            AnswerKind::Who | AnswerKind::Name if self.name_beside_question_word(doc, query) => {
                WHO_NAME_LIFT * APPOSITION_LIFT
            }
            AnswerKind::Who if self.sentence_names_someone(doc, query) => WHO_NAME_LIFT,
            AnswerKind::Where if self.sentence_names_place(doc, query) => WHERE_PLACE_LIFT,
            AnswerKind::HowMany if self.number_counts_asked_word(doc, query) => COUNT_LIFT,
            _ => 1.0,
        }
    }

    /// Does the sentence give a reason or a cause ("because", "as a result", "to get rid of")?
    pub(super) fn sentence_gives_reason(&self, at: SentenceRef) -> bool {
        const MARKERS: &[&str] = &[
            "because",
            " since ",
            "as a result",
            "due to",
            "in order to",
            "so that",
            "get rid of",
            "based on",
            "reason",
            "therefore",
            "led to",
            "owing to",
            "thanks to",
            "prompted",
            "in response",
            "after ",
            "so as to",
            "aimed at",
            "in a bid to",
        ];
        let text = text::normalize(self.packs()[at.pack].sentence_text(at.sentence));
        MARKERS.iter().any(|m| text.contains(m))
    }

    /// Does the sentence name a person or body the question does not (two capitalised words in
    /// a row, "Susan Ilston", or a surname the article gives in full elsewhere, "Roddick")?
    pub(super) fn sentence_names_someone(&self, doc: DocId, query: &Query) -> bool {
        let new_name = |t: &Token| is_new_name(t, query);
        let tokens = self.tokens_of(doc);
        let pack = self.sentence_ref(doc).pack;
        // A surname names someone at the start of a sentence too ("Roddick dominated"), where
        // it is capitalised but not `proper`.
        let surname = |t: &Token| {
            t.role == TokenRole::Content
                && t.capitalised
                && !query.holds_term(&t.term)
                && self.is_surname(pack, &t.term)
        };
        tokens
            .windows(2)
            .any(|w| new_name(&w[0]) && new_name(&w[1]))
            || tokens.iter().any(surname)
    }

    /// How many names the question does not hold the sentence gives (runs of such words:
    /// "the UK, France, Germany and the Netherlands" is four).
    fn new_names_in(&self, doc: DocId, query: &Query) -> usize {
        let tokens = self.tokens_of(doc);
        (0..tokens.len())
            .filter(|&i| {
                is_new_name(&tokens[i], query) && (i == 0 || !is_new_name(&tokens[i - 1], query))
            })
            .count()
    }

    /// Does sentence `c` only echo what a "which" question asks about, without telling which?
    /// "which celebrities were embarrassed" is not answered by "The Sony hack … has straight
    /// away targeted the executives of the company and celebrities and have left them
    /// embarrassed": the sentence holds the question's noun (itself or a synonym, not as a
    /// name: "which spy agency" is told by "the CIA"; nor with a word that qualifies it:
    /// "sensitive records of studio employees") and no name but those the question or the
    /// headline gives (what the whole story is about).
    pub(super) fn cannot_tell_which(
        &self,
        c: &super::Ranked,
        question: &[Token],
        query: &Query,
    ) -> bool {
        let Some(i) = matched_noun(c, which_noun(question, query)) else {
            return false;
        };
        let sentence = self.tokens_of(c.doc);
        // "which spy agency" stands for "CIA": the name itself tells.
        if sentence
            .iter()
            .any(|t| t.proper && query.words[i].stands_for(&t.term))
        {
            return false;
        }
        // "sensitive records of studio employees" tells which records.
        let new_word = |t: Option<&Token>| {
            t.is_some_and(|t| t.role == TokenRole::Content && !query.stands_for(&t.term))
        };
        let qualified = (0..sentence.len()).any(|k| {
            query.words[i].stands_for(&sentence[k].term)
                && (k.checked_sub(1).is_some_and(|p| new_word(sentence.get(p)))
                    || sentence.get(k + 1).is_some_and(|t| t.surface == "of")
                        && new_word(sentence.get(k + 2)))
        });
        if qualified {
            return false;
        }
        let headline = self.headline_of(c.doc);
        !sentence.iter().any(|t| is_story_name(t, query, headline))
    }

    /// Does sentence `c` fail to give the name a "name of …" question asks for? "whats the
    /// name of the foreign ministry spokesman" is not answered by "A spokesman for North
    /// Korea's foreign ministry talked to state media KCNA": no name stands beside the
    /// spokesman but the headline's. A name counts within [`NAME_BESIDE`] tokens of where the
    /// sentence holds the asked noun (itself or a synonym, not as a name).
    pub(super) fn cannot_give_name(
        &self,
        c: &super::Ranked,
        question: &[Token],
        query: &Query,
    ) -> bool {
        let asked = name_of_noun(question, query).or_else(|| called_noun(question, query));
        let Some(i) = matched_noun(c, asked) else {
            return false;
        };
        let sentence = self.tokens_of(c.doc);
        let headline = self.headline_of(c.doc);
        let holds_noun = |k: usize| query.words[i].stands_for(&sentence[k].term);
        !(0..sentence.len()).any(|k| {
            holds_noun(k)
                && (sentence[k].proper
                    || story_name_in(
                        sentence,
                        k.saturating_sub(NAME_BESIDE)..k + NAME_BESIDE + 1,
                        query,
                        headline,
                    ))
        })
    }

    /// Does sentence `c` count the group a "who are the N …" question asks about without
    /// naming its members? "who are the 3 other guys charged with him" is not answered by
    /// "Conte, who has been charged along with three other men of distributing illegal
    /// steroids…": no name follows the count within [`NAME_BESIDE`] words.
    pub(super) fn cannot_name_counted(
        &self,
        c: &super::Ranked,
        question: &[Token],
        query: &Query,
    ) -> bool {
        let Some(count) = counted_group(question) else {
            return false;
        };
        let sentence = self.tokens_of(c.doc);
        let headline = self.headline_of(c.doc);
        let counts: Vec<usize> = (0..sentence.len())
            .filter(|&k| sentence[k].number && sentence[k].term == count.term)
            .collect();
        !counts.is_empty()
            && !counts
                .iter()
                .any(|&k| story_name_in(sentence, k + 1..k + 1 + NAME_BESIDE, query, headline))
    }

    /// The tokens of the headline of the article sentence `doc` belongs to.
    fn headline_of(&self, doc: DocId) -> &[Token] {
        let at = self.sentence_ref(doc);
        self.sentence_doc(at.pack, 0)
            .map_or(&[][..], |headline| self.tokens_of(headline))
    }

    /// Does the sentence put something in a place the question doesn't name: "in", "at",
    /// "from" or "near" followed by a name that is not a month or a day ("the event in
    /// France", "Judge Illston in San Francisco"; not "in March")?
    pub(super) fn sentence_names_place(&self, doc: DocId, query: &Query) -> bool {
        let tokens = self.tokens_of(doc);
        tokens.iter().enumerate().any(|(i, t)| {
            matches!(t.surface.as_str(), "in" | "at" | "from" | "near")
                && tokens[i + 1..]
                    .iter()
                    .take(2)
                    .find(|n| n.role == TokenRole::Content)
                    .is_some_and(|n| is_new_name(n, query) && !is_time_word(&n.term))
        })
    }

    /// Does a number stand right before a word of the question, counting it ("9,000 business
    /// leaders" for "how many bosses", "60 musicians")? A share counts nothing: "65% of the
    /// business leaders" has "of" between.
    pub(super) fn number_counts_asked_word(&self, doc: DocId, query: &Query) -> bool {
        self.tokens_of(doc).windows(2).any(|w| {
            is_number(&w[0])
                && w[1].role == TokenRole::Content
                && !w[1].number
                && query.stands_for(&w[1].term)
        })
    }

    /// Does a name the question lacks stand right beside one of its words ("reporter Oliver
    /// Finegold", "new manager Rafael Benitez", "Ard Jan Vetham, Capgemini's")? That sentence
    /// names the one asked about.
    pub(super) fn name_beside_question_word(&self, doc: DocId, query: &Query) -> bool {
        let tokens = self.tokens_of(doc);
        let asked = |t: &Token| t.role == TokenRole::Content && query.stands_for(&t.term);
        let new_name = |t: &Token| is_new_name(t, query);
        // After a lowercase question word ("reporter Oliver Finegold"), or after it and the
        // "from" or "by" of its agent ("goals from Gregory Vignal"); or before any question
        // word, a name among them, in apposition ("Ard Jan Vetham, Capgemini's principal
        // consultant"): the comma is not a token.
        let two_names_at = |i: usize| {
            tokens
                .get(i..i + 2)
                .is_some_and(|w| new_name(&w[0]) && new_name(&w[1]))
        };
        let agent_word_at = |i: usize| {
            tokens
                .get(i)
                .is_some_and(|t| matches!(t.surface.as_str(), "from" | "by"))
        };
        tokens.iter().enumerate().any(|(i, t)| {
            let after_question_word = asked(t)
                && !t.proper
                && (two_names_at(i + 1) || (agent_word_at(i + 1) && two_names_at(i + 2)));
            let before_question_word = two_names_at(i) && tokens.get(i + 2).is_some_and(asked);
            after_question_word || before_question_word
        })
    }

    /// Does a name the question lacks follow the noun of its cue, as its apposition ("which
    /// group" against "the hacker group, self named as the Guardians of Peace")? Only short
    /// words and words of naming may stand between them.
    pub(super) fn name_after_kind_noun(&self, doc: DocId, nouns: &[String], query: &Query) -> bool {
        // Stop words ("as", "the", "itself") pass on their own.
        const NAMING: &[&str] = &["name", "call", "known", "dub", "self"];
        let tokens = self.tokens_of(doc);
        tokens.iter().enumerate().any(|(i, t)| {
            !t.proper
                && nouns.contains(&t.term)
                && tokens[i + 1..]
                    .iter()
                    .take(KIND_NOUN_REACH)
                    .find(|n| !(n.role == TokenRole::Stop || NAMING.contains(&n.term.as_str())))
                    .is_some_and(|n| is_new_name(n, query))
        })
    }

    /// Does the sentence give a name the question doesn't: two capitalised words in a row, or
    /// a known multi-word name ("Guardians of Peace")?
    fn sentence_gives_name(&self, doc: DocId, query: &Query) -> bool {
        self.sentence_names_someone(doc, query)
            || self.tokens_of(doc).iter().any(|t| {
                t.role == TokenRole::Content
                    && t.proper
                    && t.term.contains('_')
                    && t.surface.split(' ').filter(|w| *w != "the").count() >= 2
                    && !query.holds_term(&t.term)
            })
    }

    /// Does the sentence hold the kind of thing the question asks for?
    pub(super) fn sentence_fits_kind(&self, doc: DocId, kind: AnswerKind, query: &Query) -> bool {
        let tokens = self.tokens_of(doc);
        match kind {
            // "How late was the goal": in a match, the minute tells the time.
            AnswerKind::TimeOfDay => {
                number_with_time_unit(tokens)
                    || tokens.iter().any(|t| is_clock_word(&t.term, &t.surface))
            }
            // A time word the question holds itself ("when is the day of action" against
            // "action day called") names no time. A number with a unit of time tells when in a
            // match or a race too: "after 10 minutes", "in the 89th minute".
            AnswerKind::When => {
                number_with_time_unit(tokens)
                    || tokens.iter().any(|t| {
                        (is_time_word(&t.term) && !query.stands_for(&t.term))
                            || (t.number && looks_like_year(&t.term))
                            // "May" the month, not the verb.
                            || (t.term == "may" && t.proper)
                    })
            }
            // "how much did they spend" is not told by "she spent three weeks": a number of a
            // unit of time counts only for a question about time ("how many years", "how
            // much time").
            AnswerKind::HowMany => tokens.iter().enumerate().any(|(i, t)| {
                is_number(t)
                    && tokens.get(i + 1).is_none_or(|unit| {
                        !is_clock_unit(&unit.term)
                            || query.stands_for(&unit.term)
                            || query.holds_term("time")
                    })
            }),
            AnswerKind::Name => self.sentence_gives_name(doc, query),
            // "32-year-old", "aged 32", "at 32"; or news's "Mr Ebbers, 63, directed…".
            AnswerKind::Age => {
                tokens.iter().any(|t| {
                    t.term == "age" || matches!(t.surface.as_str(), "aged" | "age" | "ages")
                }) || age_beside_name(self.sentence_text(doc), tokens)
            }
            // A number with a unit of time: "two hours", "three years", "90 minutes"; or how
            // far a time runs: "until 23 December", "since 17 October", "by 11 March".
            AnswerKind::Duration => {
                let date = |n: &Token| is_time_word(&n.term);
                let number_or_date = |n: &Token| n.number || date(n);
                number_with_time_unit(tokens)
                    || tokens.iter().enumerate().any(|(i, t)| {
                        let mut next = tokens[i + 1..].iter().take(3);
                        match t.surface.as_str() {
                            "until" | "till" | "since" => next.any(number_or_date),
                            "by" => next.any(date),
                            _ => false,
                        }
                    })
            }
            // The words an acronym of the question stands for.
            AnswerKind::Expansion => {
                let at = self.sentence_ref(doc);
                let sentence = self.packs()[at.pack].sentence_text(at.sentence);
                query
                    .words
                    .iter()
                    .any(|w| text::acronym::spells_out(sentence, &w.surface))
            }
            AnswerKind::Who | AnswerKind::Where | AnswerKind::Why => true,
        }
    }
}

/// Does the question ask who or what something is ("who is the mystery investor", "who was
/// the agent", "what is the firm called"), rather than who did something?
pub(super) fn asks_identity(r: &Retrieval) -> bool {
    let surface = |i: usize| r.tokens.get(i).map(|t| t.surface.as_str());
    match r.kind {
        Some(AnswerKind::Name) => true,
        Some(AnswerKind::Who) => match surface(0) {
            Some("whos") => true,
            Some("who") => matches!(surface(1), Some("is" | "was" | "are" | "were")),
            _ => false,
        },
        _ => false,
    }
}

/// The query word a question asks "which" of, when its "which" opens it and a word of
/// meaning follows ("so which *celebrities* were…"); not "which of them", nor a cue whose noun
/// already says the kind asked for ("which group", read as a "who" question).
fn which_noun(tokens: &[Token], query: &Query) -> Option<usize> {
    let mut opening = tokens
        .iter()
        .filter(|t| t.role != TokenRole::Filler)
        .take(3);
    opening.position(|t| t.surface == "which")?;
    let next = opening.next().filter(|t| t.role == TokenRole::Content)?;
    query.position(&next.term)
}

/// The query word a "name of …" question asks the name of: the last word of meaning after
/// its "name of", before any verb ("whats the name of the make-up *artist* suing snoop").
fn name_of_noun(tokens: &[Token], query: &Query) -> Option<usize> {
    let of = tokens
        .windows(2)
        .position(|w| matches!(w[0].surface.as_str(), "name" | "names") && w[1].surface == "of")?;
    let noun = tokens[of + 2..]
        .iter()
        .skip_while(|t| t.role != TokenRole::Content)
        .take_while(|t| t.role == TokenRole::Content && !text::has_verb_ending(&t.surface))
        .last()?;
    query.position(&noun.term)
}

/// The query word a "what is … called" question asks the name of: the last word of meaning
/// between its "what" and "called", if not a verb ("whats the new walmart *website* called").
fn called_noun(tokens: &[Token], query: &Query) -> Option<usize> {
    let called = tokens.iter().position(|t| t.surface == "called")?;
    let what = tokens[..called]
        .iter()
        .rposition(|t| matches!(t.surface.as_str(), "what" | "whats" | "wat" | "wats"))?;
    let noun = tokens[what + 1..called]
        .iter()
        .rfind(|t| t.role == TokenRole::Content)
        .filter(|t| !text::has_verb_ending(&t.surface))?;
    query.position(&noun.term)
}

/// The count a "who are the N …" question asks to be named ("who are the *3* other guys
/// charged with him"). Who a counted group is, is who its members are by name; "who were the
/// victims" may be told by what they were ("ordinary citizens").
fn counted_group(tokens: &[Token]) -> Option<&Token> {
    let mut opening = tokens.iter().filter(|t| t.role != TokenRole::Filler);
    opening.position(|t| t.surface == "who")?;
    let be = opening.next()?;
    if !matches!(be.surface.as_str(), "are" | "were" | "r" | "re") {
        return None;
    }
    if opening.next()?.surface != "the" {
        return None;
    }
    opening.next().filter(|t| t.number)
}

/// Query word `noun`, when sentence `c` holds it (itself or an alternative).
fn matched_noun(c: &super::Ranked, noun: Option<usize>) -> Option<usize> {
    noun.filter(|&i| i < 64 && c.matched & (1 << i) != 0)
}

/// A name the question does not give, nor the headline (what the whole story is about): one
/// that tells something of its own.
fn is_story_name(t: &Token, query: &Query, headline: &[Token]) -> bool {
    is_new_name(t, query) && !headline.iter().any(|h| h.term == t.term)
}

/// Does `sentence` hold a story name ([`is_story_name`]) among the tokens of `range` (cut at
/// the sentence's end)?
fn story_name_in(
    sentence: &[Token],
    range: std::ops::Range<usize>,
    query: &Query,
    headline: &[Token],
) -> bool {
    sentence[range.start.min(sentence.len())..range.end.min(sentence.len())]
        .iter()
        .any(|t| is_story_name(t, query, headline))
}

/// Is `t` a word of a name (capitalised, not a number) that the question does not use?
fn is_new_name(t: &Token, query: &Query) -> bool {
    t.role == TokenRole::Content && t.proper && !t.number && !query.holds_term(&t.term)
}

/// Does a name have an age beside it between commas, as news writes ages ("Mr Ebbers, 63,
/// directed…")? `text` is the sentence the `tokens` were analysed from.
fn age_beside_name(text: &str, tokens: &[Token]) -> bool {
    tokens.windows(2).any(|w| {
        let (name, age) = (&w[0], &w[1]);
        let years = age
            .surface
            .parse::<u8>()
            .ok()
            .filter(|y| (1..=120).contains(y));
        name.proper
            && !name.number
            && years.is_some()
            && text.get(name.span.end..age.span.start) == Some(", ")
            && text
                .get(age.span.end..)
                .is_some_and(|rest| rest.starts_with(','))
    })
}

pub(crate) fn is_time_word(term: &str) -> bool {
    const TIME: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "januari",
        "februari",
        "march",
        "april",
        "june",
        "juli",
        "august",
        "septemb",
        "octob",
        "novemb",
        "decemb",
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "week",
        "weekend",
        "month",
        "year",
        "ago",
        "morn",
        "night",
        "decad",
        "centuri",
        "spring",
        "summer",
        "autumn",
        "winter",
        "date",
        "day",
        "hour",
    ];
    TIME.contains(&term)
}

/// A clock time: "9pm", "10:30", "o'clock", "noon", "midnight", "morning", "GMT".
fn is_clock_word(term: &str, surface: &str) -> bool {
    const CLOCK: &[&str] = &[
        "oclock",
        "noon",
        "midday",
        "midnight",
        "morn",
        "afternoon",
        "night",
        "dawn",
        "dusk",
        "gmt",
        "bst",
        "utc",
        "est",
        "pst",
        "am",
        "pm",
    ];
    let digits_then = |suffix: &str| {
        surface
            .strip_suffix(suffix)
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
    };
    CLOCK.contains(&term)
        || surface.starts_with("evening")
        || digits_then("am")
        || digits_then("pm")
        || (surface.contains(':') && surface.starts_with(|c: char| c.is_ascii_digit()))
}

/// A number followed by a unit of time: "two hours", "90 minutes", "the 89th minute".
fn number_with_time_unit(tokens: &[Token]) -> bool {
    tokens
        .windows(2)
        .any(|w| is_number(&w[0]) && is_time_unit(&w[1].term))
}

/// Units that tell how far into something a time is: the clock's, or a game's turns ("in the
/// third set", "after two rounds").
fn is_time_unit(term: &str) -> bool {
    const TURNS: &[&str] = &["set", "round", "match", "game", "season", "term"];
    is_clock_unit(term) || TURNS.contains(&term)
}

/// Units that measure time itself, not turns of a game ("set", "round").
fn is_clock_unit(term: &str) -> bool {
    const UNITS: &[&str] = &[
        "second", "minut", "hour", "day", "week", "month", "year", "decad", "centuri",
    ];
    UNITS.contains(&term)
}

fn looks_like_year(term: &str) -> bool {
    term.len() == 4 && (term.starts_with("19") || term.starts_with("20"))
}

/// A number in digits or words ("9,000", "six", "dozens", "twice").
fn is_number(t: &Token) -> bool {
    t.number || is_number_word(&t.surface)
}

fn is_number_word(word: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
        "dozen",
        "dozens",
        "half",
        "percent",
        "twice",
        "double",
        "triple",
    ];
    NUMBERS.contains(&word)
}
