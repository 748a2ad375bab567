//! Text processing for matching: normalisation, tokens, stems, the lexicon and typo rules.
//!
//! Nothing here knows about articles or questions; it turns any string into comparable terms.

pub mod acronym;
pub mod analyze;
pub mod general;
pub mod lexicon;
pub mod markup;
pub mod normalize;
pub mod typo;

pub use analyze::{
    analyze, has_verb_ending, holds_any_phrase, hypothetical_token, split_words, stem_word, Token,
    TokenRole,
};
pub use lexicon::{AnswerKind, Lexicon};
pub use markup::blank_markup;
pub use normalize::normalize;
