//! `factdesk kb draft`: a first knowledge pack from any article, for a person to edit.
//!
//! Owns proposing topics from the article itself: the names it mentions (runs of capitalised
//! words — people, groups, organisations, places), ranked by how often they occur, each with the
//! sentences that mention them as its quotes and the first of those as its summary. Everything
//! written is cut from the article, so the draft validates as written; the folder is then
//! loaded once to prove it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::knowledge::facts::RESERVED_COMMANDS;
use crate::knowledge::{is_valid_command_name, KnowledgeError, Location, Pack};

/// Most topics proposed.
const MAX_TOPICS: usize = 8;
/// Most quotes per topic.
const MAX_QUOTES: usize = 3;

/// Why a draft could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error(transparent)]
    Knowledge(#[from] KnowledgeError),
    #[error("{}: already exists. Choose another --out folder or remove it first.", .0.display())]
    Exists(PathBuf),
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// What a draft wrote.
#[derive(Debug)]
pub struct Draft {
    pub dir: PathBuf,
    pub headline: String,
    /// Proposed topic command names.
    pub topics: Vec<String>,
}

/// Writes a draft pack for `article` into `out` (a new folder; default: `knowledge/<slug>`).
pub fn write_draft(article: &Path, out: &Path) -> Result<Draft, DraftError> {
    if out.exists() {
        return Err(DraftError::Exists(out.to_owned()));
    }
    let text = crate::knowledge::pack::read_utf8(article)?;
    let id = out
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("draft")
        .to_owned();
    // Build the bare pack first: it validates the article and gives the sentences.
    let bare = Pack::from_parts(id, out, text.clone(), None, None)?;
    let facts = facts_toml(&bare);
    let pack_toml = format!("# Metadata for this pack; every field is optional.\ntitle = {}\n# publisher = \"\"\n# url = \"\"\n# date = \"\"\n", toml_string(&bare.headline));
    std::fs::create_dir_all(out).map_err(|source| DraftError::Write {
        path: out.to_owned(),
        source,
    })?;
    for (name, body) in [
        ("article.txt", text.as_str()),
        ("pack.toml", pack_toml.as_str()),
        ("facts.toml", facts.as_str()),
    ] {
        let path = out.join(name);
        std::fs::write(&path, body).map_err(|source| DraftError::Write { path, source })?;
    }
    let pack = Pack::load(out)?;
    Ok(Draft {
        dir: out.to_owned(),
        headline: pack.headline.clone(),
        topics: pack.topics.iter().map(|t| t.command.clone()).collect(),
    })
}

/// A slug usable as a pack folder or command name: lowercase words joined by '-', at most 32.
pub fn slug(text: &str) -> String {
    let folded = crate::text::normalize(text)
        .replace("'s", "")
        .replace('\'', "");
    let words: Vec<String> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let mut out = String::new();
    for w in words {
        if out.len() + w.len() + 1 > 32 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

/// The commented `facts.toml` proposing topics for `pack`.
fn facts_toml(pack: &Pack) -> String {
    let mut out = String::from(
        "# Draft topics proposed from the article by `factdesk kb draft`. Edit freely:\n\
         # - rename `command` (it becomes !command and /command; lowercase, digits, '-' or '_');\n\
         # - rewrite `summary` in one line that says only what the quotes say;\n\
         # - add `questions` the way people ask them;\n\
         # - keep `quotes` byte-exact copies from article.txt (one sentence each).\n",
    );
    for (name, sentences) in names(pack).into_iter().take(MAX_TOPICS) {
        let quotes: Vec<&str> = sentences
            .iter()
            .take(MAX_QUOTES)
            .map(|&i| pack.sentence_text(i))
            .collect();
        out.push_str("\n[[topic]]\n");
        out.push_str(&format!(
            "command = {}\n",
            toml_string(&command_name(&name))
        ));
        out.push_str(&format!("title = {}\n", toml_string(&name)));
        out.push_str(&format!("summary = {}\n", toml_string(quotes[0])));
        out.push_str(&format!(
            "questions = [{}, {}]\n",
            toml_string(&format!("who is {name}")),
            toml_string(&format!("what about {name}"))
        ));
        out.push_str("quotes = [\n");
        for q in quotes {
            out.push_str(&format!("  {},\n", toml_string(q)));
        }
        out.push_str("]\n");
    }
    out
}

/// Names in the article (runs of capitalised words not opening a sentence, or recurring), with
/// the non-heading sentences that mention them, most mentioned first.
fn names(pack: &Pack) -> Vec<(String, Vec<usize>)> {
    let mut found: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in pack.sentences.iter().enumerate() {
        if s.heading {
            continue;
        }
        let text = pack.sentence_text(i);
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut run: Vec<&str> = Vec::new();
        for (w, word) in words.iter().enumerate() {
            let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
            // "Britain's Mark" is two names: a possessive ends the name it closes.
            let (clean, possessive) = match trimmed
                .strip_suffix("'s")
                .or_else(|| trimmed.strip_suffix("’s"))
            {
                Some(base) => (base, true),
                None => (trimmed, false),
            };
            // "I'm", "I've": the pronoun, not a name.
            let pronoun = clean.starts_with("I'") || clean.starts_with("I’");
            // A capital just inside an opening quote starts the quoted sentence.
            let quoted_start = word.starts_with(['"', '“', '‘', '\'']);
            let capital =
                clean.starts_with(char::is_uppercase) && clean.chars().count() > 1 && !pronoun;
            let connector = !run.is_empty() && matches!(clean, "of" | "de" | "von" | "al");
            if (capital && w > 0 && !quoted_start) || connector {
                run.push(clean);
            }
            let ends = !capital && !connector
                || possessive
                || word.ends_with([',', '.', ';', ':', '"', '”', ')'])
                || w + 1 == words.len();
            if ends && !run.is_empty() {
                while run
                    .last()
                    .is_some_and(|l| matches!(*l, "of" | "de" | "von" | "al"))
                {
                    run.pop();
                }
                // "The US" and "US" are one name.
                if run.len() > 1 && matches!(run[0], "The" | "A" | "An") {
                    run.remove(0);
                }
                let name = run.join(" ");
                if !name.is_empty() && !is_common_capital(&name) {
                    let list = found.entry(name).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
                run.clear();
            }
        }
    }
    let mut names: Vec<(String, Vec<usize>)> = found.into_iter().collect();
    names.sort_by(|a, b| {
        b.1.len()
            .cmp(&a.1.len())
            .then(a.1[0].cmp(&b.1[0]))
            .then(a.0.cmp(&b.0))
    });
    // "Sony Pictures Entertainment" adds little to "Sony": keep the shorter name.
    let all: Vec<String> = names.iter().map(|(n, _)| n.clone()).collect();
    names.retain(|(name, _)| {
        !all.iter()
            .any(|o| o != name && name.starts_with(&format!("{o} ")))
    });
    let mut seen_commands: Vec<String> = Vec::new();
    names.retain(|(name, _)| {
        let c = command_name(name);
        let keep = is_valid_command_name(&c)
            && !RESERVED_COMMANDS.contains(&c.as_str())
            && !seen_commands.contains(&c);
        seen_commands.push(c);
        keep
    });
    names
}

/// Capitalised words that are not names (titles, days, months, pronouns).
fn is_common_capital(name: &str) -> bool {
    const COMMON: &[&str] = &[
        "I",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "The",
        "A",
        "An",
        "It",
        "He",
        "She",
        "They",
        "We",
        "But",
        "And",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    COMMON.contains(&name)
}

fn command_name(name: &str) -> String {
    slug(name)
}

/// A TOML basic string with the escapes TOML needs.
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// Where a draft for `article` goes by default: `knowledge/<slug of its headline>`.
pub fn default_out(knowledge_dir: &Path, article: &Path) -> Result<PathBuf, KnowledgeError> {
    let text = crate::knowledge::pack::read_utf8(article)?;
    let headline = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let name = slug(headline);
    if name.is_empty() {
        return Err(KnowledgeError::EmptyArticle {
            at: Location {
                path: article.to_owned(),
                line: None,
            },
        });
    }
    Ok(knowledge_dir.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_of_the_sony_article_validates_and_names_its_actors() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("sony-draft");
        let draft = write_draft(Path::new("knowledge/sony-hack-2014/article.txt"), &out)
            .expect("draft writes");
        assert!(
            draft.topics.iter().any(|t| t == "north-korea"),
            "topics: {:?}",
            draft.topics
        );
        assert!(
            draft.topics.iter().any(|t| t == "fbi"),
            "topics: {:?}",
            draft.topics
        );
        let original =
            std::fs::read("knowledge/sony-hack-2014/article.txt").expect("article reads");
        assert_eq!(
            std::fs::read(out.join("article.txt")).expect("copy reads"),
            original
        );
    }

    #[test]
    fn slugs_are_valid_command_names() {
        assert_eq!(
            slug("North Korea’s “Guardians of Peace”"),
            "north-korea-guardians-of-peace"
        );
        assert!(is_valid_command_name(&slug(
            "A very long headline that goes on and on and on"
        )));
    }
}
