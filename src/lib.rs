//! factdesk: answers questions about a news incident with verbatim, cited quotes.
//!
//! The flow, one module a step: [`knowledge`] loads and validates packs (article + curated facts),
//! [`text`] turns text into terms, [`search`] ranks sentences, [`answer`] (with
//! [`answerability`]) and [`factcheck`] decide what to say, [`reply`] lays it out for a person.
//! [`discord`], [`console`] and the CLI are thin shells over [`engine::Engine`].

pub mod answer;
pub mod answerability;
pub mod config;
pub mod console;
mod descriptors;
pub mod discord;
pub mod draft;
pub mod engine;
pub mod factcheck;
pub mod knowledge;
pub mod reply;
pub mod search;
mod speech;
#[cfg(test)]
mod test_pack;
pub mod text;
mod timeframe;
