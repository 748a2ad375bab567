//! Writes `src/text/general_df.txt`: in how many articles of a news corpus each term occurs,
//! after the same analysis questions and articles get, and how often it is written as a name. The engine uses it to tell how much a
//! word says in general ("period", "total": little; "era", "snitch": a lot), whatever one
//! article happens to use; and that "texas" typed in lowercase is still a name.
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
    // Per term: articles using it, occurrences, and occurrences written as a name.
    let mut counts: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for path in &paths {
        let text = std::fs::read_to_string(path)?;
        let mut seen: HashSet<String> = HashSet::new();
        for t in analyze(&text, false)
            .into_iter()
            .filter(|t| matches!(t.role, TokenRole::Content | TokenRole::Filler))
        {
            let c = counts.entry(t.term.clone()).or_default();
            c.1 += 1;
            c.2 += t.proper as usize;
            if seen.insert(t.term) {
                c.0 += 1;
            }
        }
    }
    println!(
        "# Article frequency of each term in {} news articles",
        paths.len()
    );
    println!(
        "# (the BBC News articles of 2004-2005 in the MIT-licensed news-articles-dataset), and the"
    );
    println!(
        "# percentage of its uses written as a name (capitalised mid-sentence, or an acronym);"
    );
    println!(
        "# written by examples/general_df.rs; terms in fewer than {MIN_DF} articles are left out."
    );
    println!("articles\t{}", paths.len());
    for (term, (df, uses, named)) in counts.iter().filter(|(_, c)| c.0 >= MIN_DF) {
        println!("{term}\t{df}\t{}", 100 * named / uses.max(&1));
    }
    Ok(())
}
