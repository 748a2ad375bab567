//! Questions and claims about what happened after or before the events an article reports,
//! and the sentences that speak of such later or earlier times; claims that things went as
//! first planned. Answers and fact checks share these rules: the article tells how things
//! stood when it was written.

use crate::text::{self, Token};

/// Words that place what is said after the events an article reports.
const LATER_EVENTS: &[&[&str]] = &[
    &["later"],
    &["eventually"],
    &["afterwards"],
    &["subsequently"],
    &["in", "the", "end"],
    &["since", "then"],
    // What someone does or what happens next: "what's Seth Rogen doing next".
    &["doing", "next"],
    &["do", "next"],
    &["does", "next"],
    &["happens", "next"],
    &["happen", "next"],
    &["whats", "next"],
    &["up", "next"],
];

/// Does the text speak of what happened after the events ("in the end", "eventually")?
pub(crate) fn speaks_of_later_events(tokens: &[Token]) -> bool {
    text::holds_any_phrase(tokens, LATER_EVENTS)
}

/// Words that put a claim after the events an article reports, besides [`LATER_EVENTS`]: a
/// claim that "ended up" so tells how things turned out; a question "who ended up humiliated"
/// asks what the article says.
const LATER_MARKERS: &[&[&str]] = &[
    &["ended", "up"],
    &["end", "up"],
    &["ends", "up"],
    &["went", "on", "to"],
    &["after", "all"],
];

/// Does the claim tell of what happened after the events (the film "was later released")?
pub(crate) fn tells_of_later_events(tokens: &[Token]) -> bool {
    text::holds_any_phrase(tokens, LATER_EVENTS.iter().chain(LATER_MARKERS))
}

/// Words that ask about what came before the events an article reports.
const EARLIER_EVENTS_ASKED: &[&[&str]] = &[
    &["before", "this"],
    &["before", "that"],
    &["before", "now"],
    &["prior", "to", "this"],
    &["previously"],
    &["in", "the", "past"],
];

/// Words with which a sentence looks back: it tells of an earlier time ("since 1988", "the
/// first … since", "two years ago", "previously", "once").
const EARLIER_EVENTS: &[&[&str]] = &[
    &["before"],
    &["previously"],
    &["earlier"],
    &["in", "the", "past"],
    &["since"],
    &["ago"],
    &["once"],
    &["former"],
    &["formerly"],
    &["last"],
    &["first"],
    &["used", "to"],
];

/// Does the question (or a claim) ask about what came before the events ("before this", "in
/// the past", "has it been hacked before")?
pub(crate) fn asks_about_earlier_events(tokens: &[Token]) -> bool {
    text::holds_any_phrase(tokens, EARLIER_EVENTS_ASKED)
        || tokens.last().is_some_and(|t| t.surface == "before")
}

/// Does the sentence look back to an earlier time?
pub(crate) fn speaks_of_earlier_events(tokens: &[Token]) -> bool {
    text::holds_any_phrase(tokens, EARLIER_EVENTS)
}

/// Words with which a claim says that things went as first planned: "released the film as
/// planned", "went ahead", "on schedule".
const AS_PLANNED: &[&[&str]] = &[
    &["as", "planned"],
    &["as", "scheduled"],
    &["as", "intended"],
    &["on", "schedule"],
    &["went", "ahead"],
    &["go", "ahead"],
    &["goes", "ahead"],
    &["going", "ahead"],
    &["gone", "ahead"],
];

/// Does the claim say things went as first planned? Then what else it adds ("in theaters") is
/// no new event: a sentence that says the plan was cancelled contradicts it.
pub(crate) fn says_plans_held(tokens: &[Token]) -> bool {
    text::holds_any_phrase(tokens, AS_PLANNED)
}
