//! The curated facts file, `facts.toml`: topics usable as commands, with question phrasings, a
//! one-line summary and the article quotes that back it. Parsing and validation only.
//!
//! ```toml
//! [[topic]]
//! command = "who-hacked"            # becomes !who-hacked and /who-hacked
//! title = "Who hacked Sony"         # optional; defaults to the command name
//! summary = "A group calling itself the Guardians of Peace took responsibility."
//! questions = ["who hacked sony", "who was behind the attack"]
//! quotes = ["The hacker group, self named as the “Guardians of Peace”, have already taken responsibility of the hack"]
//! ```

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::error::{KnowledgeError, Location};
use super::segment::Sentence;

/// Built-in command names a topic may not take.
pub const RESERVED_COMMANDS: &[&str] = &[
    "ask",
    "facts",
    "source",
    "help",
    "factcheck",
    "reload",
    "topics",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFacts {
    #[serde(default)]
    topic: Vec<Spanned<RawTopic>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    command: Spanned<String>,
    #[serde(default)]
    title: Option<String>,
    summary: Spanned<String>,
    #[serde(default)]
    questions: Vec<String>,
    quotes: Vec<Spanned<String>>,
}

/// A curated quote: a byte range of the article inside one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CuratedQuote {
    pub span: Range<usize>,
    /// Index of the sentence (in the pack's sentence list) that holds it.
    pub sentence: usize,
}

/// A curated topic.
#[derive(Debug, Clone)]
pub struct Topic {
    /// The command name (`who-hacked`), unique across packs.
    pub command: String,
    pub title: String,
    pub summary: String,
    pub questions: Vec<String>,
    pub quotes: Vec<CuratedQuote>,
    /// Where the topic is defined, for error messages that name a clash.
    pub defined_at: Location,
}

/// True for a name Discord accepts as a slash command (lowercase form).
pub fn is_valid_command_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=32).contains(&n)
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// One character in the form used to find a quote typed with other quotes, apostrophes,
/// dashes or spaces than the article's.
fn fold_typography(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`'
        | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// The article's own text of `quote` when the two differ only in quotes, apostrophes, dashes or
/// kinds of space (the usual slip when a quote is retyped or pasted through another editor).
fn typographic_match<'a>(article: &'a str, quote: &str) -> Option<&'a str> {
    let quote: String = quote.chars().map(fold_typography).collect();
    if quote.trim().is_empty() {
        return None;
    }
    let mut folded = String::with_capacity(article.len());
    // (byte offset in `folded`, byte offset in `article`) of every character.
    let mut offsets = Vec::with_capacity(article.len());
    for (at, c) in article.char_indices() {
        offsets.push((folded.len(), at));
        folded.push(fold_typography(c));
    }
    let start = folded.find(&quote)?;
    let end = start + quote.len();
    let original = |folded_at: usize| {
        offsets
            .binary_search_by_key(&folded_at, |&(f, _)| f)
            .ok()
            .map(|i| offsets[i].1)
            .or((folded_at == folded.len()).then_some(article.len()))
    };
    article.get(original(start)?..original(end)?)
}

/// 1-based line of a byte offset.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parses and validates `facts.toml` against its article.
pub fn parse(
    path: &Path,
    source: &str,
    article: &str,
    sentences: &[Sentence],
) -> Result<Vec<Topic>, KnowledgeError> {
    let at = |offset: usize| Location {
        path: path.to_owned(),
        line: Some(line_of(source, offset)),
    };
    let raw: RawFacts = toml::from_str(source).map_err(|e| KnowledgeError::Toml {
        at: Location {
            path: path.to_owned(),
            line: e.span().map(|s| line_of(source, s.start)),
        },
        message: super::error::one_line(e.message()),
    })?;
    let mut topics: Vec<Topic> = Vec::new();
    for topic in raw.topic {
        let topic_at = at(topic.span().start);
        let topic = topic.into_inner();
        let command = topic.command.get_ref().trim().to_owned();
        let command_at = at(topic.command.span().start);
        if !is_valid_command_name(&command) {
            return Err(KnowledgeError::BadCommandName {
                at: command_at,
                name: command,
            });
        }
        if RESERVED_COMMANDS.contains(&command.as_str()) {
            return Err(KnowledgeError::ReservedCommandName {
                at: command_at,
                name: command,
            });
        }
        if let Some(other) = topics.iter().find(|t| t.command == command) {
            return Err(KnowledgeError::DuplicateCommand {
                at: command_at,
                name: command,
                other: other.defined_at.clone(),
            });
        }
        let summary = topic.summary.get_ref().trim().to_owned();
        if summary.is_empty() {
            return Err(KnowledgeError::EmptyField {
                at: at(topic.summary.span().start),
                field: "summary",
            });
        }
        if topic.quotes.is_empty() {
            return Err(KnowledgeError::NoQuotes {
                at: topic_at,
                name: command,
            });
        }
        let mut quotes = Vec::new();
        for quote in &topic.quotes {
            let text = quote.get_ref();
            let quote_at = at(quote.span().start);
            if text.trim().is_empty() {
                return Err(KnowledgeError::EmptyField {
                    at: quote_at,
                    field: "quote",
                });
            }
            let Some(start) = article.find(text.as_str()) else {
                return Err(KnowledgeError::QuoteNotInArticle {
                    at: quote_at,
                    quote: text.clone(),
                    article_has: typographic_match(article, text).map(str::to_owned),
                });
            };
            let span = start..start + text.len();
            let Some(sentence) = sentences
                .iter()
                .position(|s| s.span.start <= span.start && span.end <= s.span.end)
            else {
                return Err(KnowledgeError::QuoteAcrossSentences {
                    at: quote_at,
                    quote: text.clone(),
                });
            };
            quotes.push(CuratedQuote { span, sentence });
        }
        topics.push(Topic {
            title: topic
                .title
                .map(|t| t.trim().to_owned())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| command.clone()),
            command,
            summary,
            questions: topic
                .questions
                .into_iter()
                .map(|q| q.trim().to_owned())
                .filter(|q| !q.is_empty())
                .collect(),
            quotes,
            defined_at: command_at,
        });
    }
    Ok(topics)
}
