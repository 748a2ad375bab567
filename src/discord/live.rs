//! The engine the bot serves, swappable at run time.
//!
//! [`LiveEngine`] holds the current [`Engine`] behind an `ArcSwap`: every question takes a
//! snapshot (`Arc<Engine>`) and finishes on it, while [`LiveEngine::reload`] builds a new engine
//! from disk off the async threads and swaps it in atomically. A reload that fails validation
//! changes nothing and returns the error.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arc_swap::ArcSwap;

use crate::engine::Engine;
use crate::knowledge::KnowledgeError;

/// The current engine and the folder it reloads from.
#[derive(Debug)]
pub struct LiveEngine {
    current: ArcSwap<Engine>,
    dir: PathBuf,
    /// One reload at a time (a `!reload` and a file change may coincide).
    reloading: tokio::sync::Mutex<()>,
}

/// Sizes of a knowledge set, to tell a moderator what a reload changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnowledgeSummary {
    pub packs: Vec<String>,
    pub topics: Vec<String>,
    pub sentences: usize,
}

impl KnowledgeSummary {
    /// The summary of an engine's knowledge.
    pub fn of(engine: &Engine) -> KnowledgeSummary {
        KnowledgeSummary {
            packs: engine.packs().iter().map(|p| p.id.clone()).collect(),
            topics: engine.topics().map(|(_, t)| t.command.clone()).collect(),
            sentences: engine.packs().iter().map(|p| p.sentences.len()).sum(),
        }
    }
}

/// What a successful reload changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReloadReport {
    pub before: KnowledgeSummary,
    pub after: KnowledgeSummary,
}

impl ReloadReport {
    /// Topic commands that appeared.
    pub fn added_topics(&self) -> Vec<&str> {
        difference(&self.after.topics, &self.before.topics)
    }

    /// Topic commands that disappeared.
    pub fn removed_topics(&self) -> Vec<&str> {
        difference(&self.before.topics, &self.after.topics)
    }

    /// True when the set of topic commands changed (application commands need registering).
    pub fn topics_changed(&self) -> bool {
        !self.added_topics().is_empty() || !self.removed_topics().is_empty()
    }

    /// One paragraph for the moderator.
    pub fn describe(&self) -> String {
        let after = &self.after;
        let mut text = format!(
            "{} pack(s) ({}), {} topic(s), {} sentences.",
            after.packs.len(),
            after.packs.join(", "),
            after.topics.len(),
            after.sentences
        );
        let added = self.added_topics();
        if !added.is_empty() {
            text.push_str(&format!(" New topics: {}.", added.join(", ")));
        }
        let removed = self.removed_topics();
        if !removed.is_empty() {
            text.push_str(&format!(" Removed topics: {}.", removed.join(", ")));
        }
        text
    }
}

fn difference<'a>(from: &'a [String], without: &[String]) -> Vec<&'a str> {
    from.iter()
        .filter(|t| !without.contains(t))
        .map(String::as_str)
        .collect()
}

impl LiveEngine {
    /// Serves `engine`; reloads read `dir`.
    pub fn new(engine: Engine, dir: impl Into<PathBuf>) -> LiveEngine {
        LiveEngine {
            current: ArcSwap::from_pointee(engine),
            dir: dir.into(),
            reloading: tokio::sync::Mutex::new(()),
        }
    }

    /// Loads the packs in `dir` and serves them.
    pub fn load(dir: impl Into<PathBuf>) -> Result<LiveEngine, KnowledgeError> {
        let dir = dir.into();
        let engine = Engine::load(&dir)?;
        Ok(LiveEngine::new(engine, dir))
    }

    /// A snapshot of the current engine; it stays valid however many reloads follow.
    pub fn current(&self) -> Arc<Engine> {
        self.current.load_full()
    }

    /// The folder reloads read.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Swaps in an engine built elsewhere.
    pub fn replace(&self, engine: Engine) {
        self.current.store(Arc::new(engine));
    }

    /// Loads the packs again from disk (on a blocking thread) and swaps them in. On error the
    /// current engine keeps serving.
    pub async fn reload(&self) -> Result<ReloadReport, ReloadError> {
        let _one_at_a_time = self.reloading.lock().await;
        let dir = self.dir.clone();
        let engine = tokio::task::spawn_blocking(move || Engine::load(&dir))
            .await
            .map_err(|_| ReloadError::Interrupted)??;
        let before = KnowledgeSummary::of(&self.current());
        let after = KnowledgeSummary::of(&engine);
        self.replace(engine);
        Ok(ReloadReport { before, after })
    }
}

/// Why a reload did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ReloadError {
    #[error(transparent)]
    Knowledge(#[from] KnowledgeError),
    #[error("the reload was interrupted before it finished; the previous knowledge keeps serving")]
    Interrupted,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_pack(dir: &Path, id: &str, facts: Option<&str>) {
        let pack = dir.join(id);
        std::fs::create_dir_all(&pack).expect("mkdir");
        std::fs::write(
            pack.join("article.txt"),
            "Headline here\n\nThe hackers took the files. Sony cancelled the film.\n",
        )
        .expect("write article");
        if let Some(facts) = facts {
            std::fs::write(pack.join("facts.toml"), facts).expect("write facts");
        }
    }

    const FACTS: &str = r#"
[[topic]]
command = "cancelled"
summary = "Sony cancelled the film."
quotes = ["Sony cancelled the film."]
"#;

    #[tokio::test]
    async fn reload_swaps_and_reports_new_topics() {
        let dir = tempfile::tempdir().expect("tempdir");
        write_pack(dir.path(), "one", None);
        let live = LiveEngine::load(dir.path()).expect("loads");
        let old = live.current();
        write_pack(dir.path(), "one", Some(FACTS));
        let report = live.reload().await.expect("reloads");
        assert_eq!(report.added_topics(), vec!["cancelled"]);
        assert!(report.topics_changed());
        assert!(report.describe().contains("New topics: cancelled."));
        assert!(live.current().topic("cancelled").is_some());
        assert!(old.topic("cancelled").is_none(), "old snapshot unchanged");
    }

    #[tokio::test]
    async fn failed_reload_keeps_serving() {
        let dir = tempfile::tempdir().expect("tempdir");
        write_pack(dir.path(), "one", Some(FACTS));
        let live = LiveEngine::load(dir.path()).expect("loads");
        std::fs::write(
            dir.path().join("one/facts.toml"),
            "[[topic]]\nnonsense = 1\n",
        )
        .expect("break facts");
        let err = live.reload().await.expect_err("invalid pack");
        assert!(err.to_string().contains("facts.toml"), "{err}");
        assert!(live.current().topic("cancelled").is_some());
    }
}
