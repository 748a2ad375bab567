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
        if dir.is_file() {
            return Err(KnowledgeError::NotADir(dir.to_owned()));
        }
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
            if !path.is_dir() {
                continue;
            }
            if path.join("article.txt").is_file() {
                folders.push(path);
            } else if let Some(found) = pack_files(&path) {
                // Meant as a pack (it has pack files), but the article is missing or misnamed:
                // skipping it would silently drop an incident.
                return Err(KnowledgeError::MissingArticle { dir: path, found });
            }
        }
        folders.sort();
        let packs = folders
            .iter()
            .map(|p| Pack::load(p))
            .collect::<Result<Vec<_>, _>>()?;
        if packs.is_empty() {
            if dir.join("article.txt").is_file() {
                return Err(KnowledgeError::IsAPack {
                    dir: dir.to_owned(),
                    parent: dir
                        .parent()
                        .filter(|p| !p.as_os_str().is_empty())
                        .unwrap_or(Path::new(".."))
                        .to_owned(),
                });
            }
            return Err(KnowledgeError::NoPacks(dir.to_owned()));
        }
        Knowledge::from_packs(packs)
    }

    /// Assembles packs loaded elsewhere, checking what spans packs (unique pack ids and command
    /// names).
    pub fn from_packs(packs: Vec<Pack>) -> Result<Knowledge, KnowledgeError> {
        for (i, pack) in packs.iter().enumerate() {
            if let Some(other) = packs[..i].iter().find(|p| p.id == pack.id) {
                return Err(KnowledgeError::DuplicatePackId {
                    dir: pack.dir.clone(),
                    id: pack.id.clone(),
                    other: other.dir.clone(),
                });
            }
        }
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

/// The pack files (`facts.toml`, `pack.toml`, or an article under another name) in a folder
/// without `article.txt`, named for an error message; `None` when it holds none of them.
fn pack_files(dir: &Path) -> Option<String> {
    let mut found: Vec<String> = ["facts.toml", "pack.toml"]
        .into_iter()
        .filter(|f| dir.join(f).is_file())
        .map(str::to_owned)
        .collect();
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut misnamed: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| {
                let lower = name.to_lowercase();
                lower != "article.txt" && lower.starts_with("article")
            })
            .collect();
        misnamed.sort();
        found.extend(misnamed);
    }
    (!found.is_empty()).then(|| found.join(", "))
}
