//! How much a word says in general, whatever one article happens to use: its inverse article
//! frequency in 2,095 BBC news articles (`general_df.txt`, written by `examples/general_df.rs`).
//!
//! "period", "total" or "call" turn up in every other news story and say little about what a
//! question is after; "era", "snitch" or a surname say a lot. Deciding whether an article
//! covers a question weighs the question's words this way, so an everyday word the article
//! happens not to use does not sink the question, and a rare one the article lacks does.

use std::collections::HashMap;
use std::sync::OnceLock;

const GENERAL_DF_TXT: &str = include_str!("general_df.txt");

struct GeneralFrequency {
    articles: f32,
    df: HashMap<&'static str, u32>,
}

fn table() -> &'static GeneralFrequency {
    static TABLE: OnceLock<GeneralFrequency> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut articles = 1.0;
        let mut df = HashMap::new();
        for line in GENERAL_DF_TXT.lines().filter(|l| !l.starts_with('#')) {
            let Some((term, n)) = line.split_once('\t') else {
                continue;
            };
            let Ok(n) = n.parse::<u32>() else {
                continue;
            };
            if term == "articles" {
                articles = n as f32;
            } else {
                df.insert(term, n);
            }
        }
        GeneralFrequency { articles, df }
    })
}

/// Inverse article frequency of `term` (a stem or alias name, as [`crate::text::analyze`]
/// gives it): `ln(1 + N / df)`, with a term the corpus lacks counted as found once.
pub fn general_idf(term: &str) -> f32 {
    let t = table();
    let df = t.df.get(term).copied().unwrap_or(1).max(1) as f32;
    (1.0 + t.articles / df).ln()
}

/// The idf of a term no article uses: the most a word can weigh.
pub fn max_idf() -> f32 {
    (1.0 + table().articles).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_say_less_than_rare_ones() {
        assert!(general_idf("call") < general_idf("era"));
        assert!(general_idf("total") < general_idf("snitch"));
        assert!(general_idf("year") < general_idf("era"));
    }
}
