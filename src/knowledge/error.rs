//! Errors from loading and validating knowledge packs. Each names the file (and line, where there
//! is one) and says how to fix it, because the person reading it is editing that file.

use std::path::PathBuf;

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    /// 1-based line, when the problem is at one place in the file.
    pub line: Option<usize>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path.display(), line),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// Why a knowledge folder or pack could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("{dir}: knowledge folder not found. Create it with one folder per incident holding an article.txt, or point --knowledge / FACTDESK_KNOWLEDGE_DIR at the right folder.", dir = .0.display())]
    MissingDir(PathBuf),

    #[error("{dir}: is a file, not a folder. Point --knowledge / FACTDESK_KNOWLEDGE_DIR at the folder that holds one folder per incident.", dir = .0.display())]
    NotADir(PathBuf),

    #[error("{dir}: no knowledge packs found. Add a folder per incident containing article.txt (the headline on its first line, then the article).", dir = .0.display())]
    NoPacks(PathBuf),

    #[error("{dir}: is a single pack (it holds article.txt), not a knowledge folder. Point --knowledge / FACTDESK_KNOWLEDGE_DIR (or `kb validate`) at the folder that contains it: {parent}.", dir = .dir.display(), parent = .parent.display())]
    IsAPack { dir: PathBuf, parent: PathBuf },

    #[error("{path}: missing, but the folder holds {found}, so it looks like a pack. Add the article as article.txt (lowercase, plain UTF-8 text: the headline on the first line, then the article), or move the folder out of the knowledge folder.", path = .dir.join("article.txt").display())]
    MissingArticle { dir: PathBuf, found: String },

    #[error("{dir}: pack id {id:?} is also used by {other}. Answers name their pack by id, so ids must be unique. Rename one of the folders.", dir = .dir.display(), other = .other.display())]
    DuplicatePackId {
        dir: PathBuf,
        id: String,
        other: PathBuf,
    },

    #[error("{path}: cannot read: {source}. Check that the file exists and is readable.", path = .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("{at}: the file is not valid UTF-8. Save it as UTF-8 text.")]
    NotUtf8 { at: Location },

    #[error("{at}: the article is empty. Put the headline on the first line, a blank line, then the article text.")]
    EmptyArticle { at: Location },

    #[error("{at}: {message}. Fix the TOML syntax or field names (the format is in README.md, under “Adding a new incident”).")]
    Toml { at: Location, message: String },

    #[error("{at}: quote not found in the article: {quote:?}. A quote must be copied byte for byte from article.txt (same quotes, apostrophes and spelling); copy it again from the article.{hint}", hint = .article_has.as_ref().map(|a| format!(" The article has it with other quotes, apostrophes, dashes or spaces: {a:?}.")).unwrap_or_default())]
    QuoteNotInArticle {
        at: Location,
        quote: String,
        /// The article's own text of the quote, when it differs only in typography.
        article_has: Option<String>,
    },

    #[error("{at}: quote spans more than one sentence: {quote:?}. Split it into one quote per sentence.")]
    QuoteAcrossSentences { at: Location, quote: String },

    #[error("{at}: topic command {name:?} is also defined at {other}. Command names must be unique across all packs; rename one of them.")]
    DuplicateCommand {
        at: Location,
        name: String,
        other: Location,
    },

    #[error("{at}: {name:?} is not a valid command name. Use 1 to 32 characters of lowercase a-z, 0-9, '-' or '_', starting with a letter or digit (Discord's rule for slash commands).")]
    BadCommandName { at: Location, name: String },

    #[error(
        "{at}: command name {name:?} is reserved for a built-in command. Choose another name."
    )]
    ReservedCommandName { at: Location, name: String },

    #[error("{at}: topic {name:?} has no quotes. Add at least one quote from the article that backs it.")]
    NoQuotes { at: Location, name: String },

    #[error("{at}: {field} is empty. Write a value or remove the field.")]
    EmptyField { at: Location, field: &'static str },

    #[error("{at}: pack id {name:?} is not a valid folder name for a pack. Rename the folder to lowercase a-z, 0-9, '-', '_' or '.'.")]
    BadPackId { at: Location, name: String },
}

/// A parser's message as one line ("invalid array\nexpected `]`" → "invalid array: expected `]`"),
/// so that every error stays one paragraph.
pub(crate) fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(": ")
}
