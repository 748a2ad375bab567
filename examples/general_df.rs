//! Writes `src/text/general_df.txt`: in how many articles of a news corpus each term occurs,
//! after the same analysis questions and articles get. The engine uses it to tell how much a
//! word says in general ("period", "total": little; "era", "snitch": a lot), whatever one
//! article happens to use.
//!
//! `cargo run --release --example general_df -- ../shared/corpus/bbc-news > src/text/general_df.txt`

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use factdesk::text::{analyze, TokenRole};

/// Terms found in fewer articles are left out: the engine treats a missing term as rare.
const MIN_DF: usize = 2;

fn articles(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            articles(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: general_df CORPUS_DIR"))?;
    let mut paths = Vec::new();
    articles(Path::new(&dir), &mut paths)?;
    paths.sort();
    let mut df: BTreeMap<String, usize> = BTreeMap::new();
    for path in &paths {
        let text = std::fs::read_to_string(path)?;
        let terms: HashSet<String> = analyze(&text, false)
            .into_iter()
            .filter(|t| matches!(t.role, TokenRole::Content | TokenRole::Filler))
            .map(|t| t.term)
            .collect();
        for term in terms {
            *df.entry(term).or_default() += 1;
        }
    }
    println!(
        "# Article frequency of each term in {} news articles",
        paths.len()
    );
    println!("# (the BBC News articles of 2004-2005 in the MIT-licensed news-articles-dataset), written by");
    println!("# examples/general_df.rs; terms in fewer than {MIN_DF} articles are left out.");
    println!("articles\t{}", paths.len());
    for (term, n) in df.iter().filter(|(_, n)| **n >= MIN_DF) {
        println!("{term}\t{n}");
    }
    Ok(())
}
