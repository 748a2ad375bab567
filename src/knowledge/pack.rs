//! One knowledge pack: a folder holding `article.txt`, an optional `pack.toml` (metadata) and an
//! optional `facts.toml` (curated topics). Loading reads and validates all three.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::error::{KnowledgeError, Location};
use super::facts::{self, Topic};
use super::segment::{self, Sentence};

/// `pack.toml`: everything optional.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// Display title; defaults to the article's headline.
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
}

/// A loaded, validated pack.
#[derive(Debug, Clone)]
pub struct Pack {
    /// The folder name: how answers name their source.
    pub id: String,
    pub dir: PathBuf,
    pub meta: PackMeta,
    /// The article exactly as on disk.
    pub article: String,
    /// The headline: the article's first line.
    pub headline: String,
    pub sentences: Vec<Sentence>,
    pub topics: Vec<Topic>,
}

impl Pack {
    /// Loads the pack in `dir`.
    pub fn load(dir: &Path) -> Result<Pack, KnowledgeError> {
        let id = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if id.is_empty()
            || !id.chars().all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' || c == '.'
            })
        {
            return Err(KnowledgeError::BadPackId {
                at: Location {
                    path: dir.to_owned(),
                    line: None,
                },
                name: id,
            });
        }
        let article_path = dir.join("article.txt");
        let article = read_utf8(&article_path)?;
        Pack::from_parts(
            id,
            dir,
            article,
            read_optional(&dir.join("pack.toml"))?,
            read_optional(&dir.join("facts.toml"))?,
        )
    }

    /// Builds a pack from file contents already read (used by `load` and by tools that make
    /// packs in memory, such as the draft generator and benchmarks).
    pub fn from_parts(
        id: String,
        dir: &Path,
        article: String,
        pack_toml: Option<String>,
        facts_toml: Option<String>,
    ) -> Result<Pack, KnowledgeError> {
        let article_path = dir.join("article.txt");
        if article.trim().is_empty() {
            return Err(KnowledgeError::EmptyArticle {
                at: Location {
                    path: article_path,
                    line: None,
                },
            });
        }
        let sentences = segment::sentences(&article);
        let headline = article
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or_default()
            .to_owned();
        let meta = match pack_toml {
            Some(src) => {
                let path = dir.join("pack.toml");
                toml::from_str::<PackMeta>(&src).map_err(|e| KnowledgeError::Toml {
                    at: Location {
                        path,
                        line: e.span().map(|s| facts::line_of(&src, s.start)),
                    },
                    message: super::error::one_line(e.message()),
                })?
            }
            None => PackMeta::default(),
        };
        let topics = match facts_toml {
            Some(src) => facts::parse(&dir.join("facts.toml"), &src, &article, &sentences)?,
            None => Vec::new(),
        };
        Ok(Pack {
            id,
            dir: dir.to_owned(),
            meta,
            article,
            headline,
            sentences,
            topics,
        })
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .and_then(|s| self.article.get(s.span.clone()))
            .unwrap_or_default()
    }

    /// The title to show: `pack.toml`'s title, else the headline.
    pub fn title(&self) -> &str {
        self.meta
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.headline)
    }
}

/// Reads a file that must be UTF-8, naming the line of the first bad byte otherwise. A byte
/// order mark (which some Windows editors write) is dropped: it is no part of the text.
pub(crate) fn read_utf8(path: &Path) -> Result<String, KnowledgeError> {
    let bytes = std::fs::read(path).map_err(|source| KnowledgeError::Io {
        path: path.to_owned(),
        source,
    })?;
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..good].iter().filter(|&&b| b == b'\n').count() + 1;
        KnowledgeError::NotUtf8 {
            at: Location {
                path: path.to_owned(),
                line: Some(line),
            },
        }
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

fn read_optional(path: &Path) -> Result<Option<String>, KnowledgeError> {
    if path.exists() {
        read_utf8(path).map(Some)
    } else {
        Ok(None)
    }
}
