//! Knowledge: the packs factdesk answers from, loaded from a folder and validated.
//!
//! A knowledge folder holds one folder per incident (a pack). Loading reads every pack, splits
//! each article into paragraphs and sentences with byte spans (so every citation is cut from
//! the original bytes) and checks curated facts against the article. Any problem is a
//! [`KnowledgeError`] naming the file and line.

pub mod error;
pub mod facts;
pub mod pack;
pub mod segment;

use std::path::Path;

pub use error::{KnowledgeError, Location};
pub use facts::{is_valid_command_name, CuratedQuote, Topic};
pub use pack::{Pack, PackMeta};
pub use segment::Sentence;

/// Every loaded pack, in folder-name order.
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    pub packs: Vec<Pack>,
}

impl Knowledge {
    /// Loads every pack in `dir`: each sub-folder holding an `article.txt`.
    pub fn load_dir(dir: &Path) -> Result<Knowledge, KnowledgeError> {
        if !dir.is_dir() {
            return Err(KnowledgeError::MissingDir(dir.to_owned()));
        }
        let entries = std::fs::read_dir(dir).map_err(|source| KnowledgeError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let mut folders = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| KnowledgeError::Io {
                path: dir.to_owned(),
                source,
            })?;
            let path = entry.path();
            if path.is_dir() && path.join("article.txt").is_file() {
                folders.push(path);
            }
        }
        folders.sort();
        let packs = folders
            .iter()
            .map(|p| Pack::load(p))
            .collect::<Result<Vec<_>, _>>()?;
        if packs.is_empty() {
            return Err(KnowledgeError::NoPacks(dir.to_owned()));
        }
        Knowledge::from_packs(packs)
    }

    /// Assembles packs loaded elsewhere, checking what spans packs (unique command names).
    pub fn from_packs(packs: Vec<Pack>) -> Result<Knowledge, KnowledgeError> {
        let mut seen: Vec<&Topic> = Vec::new();
        for topic in packs.iter().flat_map(|p| &p.topics) {
            if let Some(other) = seen.iter().find(|t| t.command == topic.command) {
                return Err(KnowledgeError::DuplicateCommand {
                    at: topic.defined_at.clone(),
                    name: topic.command.clone(),
                    other: other.defined_at.clone(),
                });
            }
            seen.push(topic);
        }
        Ok(Knowledge { packs })
    }

    /// The topic with this command name, with its pack.
    pub fn topic(&self, command: &str) -> Option<(&Pack, &Topic)> {
        self.packs.iter().find_map(|p| {
            p.topics
                .iter()
                .find(|t| t.command == command)
                .map(|t| (p, t))
        })
    }
}
