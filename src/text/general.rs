//! How much a word says in general, whatever one article happens to use: its inverse article
//! frequency in 2,095 BBC news articles (`general_df.txt`, written by `examples/general_df.rs`).
//!
//! "period", "total" or "call" turn up in every other news story and say little about what a
//! question is after; "era", "snitch" or a surname say a lot. Deciding whether an article
//! covers a question weighs the question's words this way, so an everyday word the article
//! happens not to use does not sink the question, and a rare one the article lacks does.
//!
//! It also tells which words news text writes as names, so "texas" typed in lowercase in a
//! chat message is still known to name a place.

use std::collections::HashMap;
use std::sync::OnceLock;

const GENERAL_DF_TXT: &str = include_str!("general_df.txt");

struct GeneralFrequency {
    articles: f32,
    /// Per term: articles using it, and the percentage of its uses written as a name.
    df: HashMap<&'static str, (u32, u8)>,
}

fn table() -> &'static GeneralFrequency {
    static TABLE: OnceLock<GeneralFrequency> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut articles = 1.0;
        let mut df = HashMap::new();
        for line in GENERAL_DF_TXT.lines().filter(|l| !l.starts_with('#')) {
            let mut fields = line.split('\t');
            let (Some(term), Some(n)) = (fields.next(), fields.next()) else {
                continue;
            };
            let Ok(n) = n.parse::<u32>() else {
                continue;
            };
            let named = fields
                .next()
                .and_then(|f| f.parse::<u8>().ok())
                .unwrap_or(0);
            if term == "articles" {
                articles = n as f32;
            } else {
                df.insert(term, (n, named));
            }
        }
        GeneralFrequency { articles, df }
    })
}

/// Inverse article frequency of `term` (a stem or alias name, as [`crate::text::analyze()`]
/// gives it): `ln(1 + N / df)`, with a term the corpus lacks counted as found once.
pub fn general_idf(term: &str) -> f32 {
    let t = table();
    let df = t.df.get(term).map_or(1, |e| e.0).max(1) as f32;
    (1.0 + t.articles / df).ln()
}

/// Share of its uses, at or above which a term counts as a name.
const NAME_SHARE_PERCENT: u8 = 60;

/// Whether news text mostly writes `term` as a name ("texas", "guardian", "mumbai"), so it
/// is one even when someone types it in lowercase (`surface`). A word typed with a verb's
/// ending ("cooking", "cooked") is the verb, not the name that shares its stem ("Cook"),
/// unless news text never writes that stem in lowercase ("beijing").
pub fn usually_a_name(term: &str, surface: &str) -> bool {
    table().df.get(term).is_some_and(|e| {
        let verb_form = super::has_verb_ending(surface) && surface.len() >= term.len() + 2;
        e.0 >= MIN_NAME_ARTICLES && e.1 >= NAME_SHARE_PERCENT && !(verb_form && e.1 < 100)
    })
}

/// Share of its uses, at or above which a term is often enough a name to be one where a name
/// is expected (the agent of "was brought by the justice department").
const OFTEN_NAME_SHARE_PERCENT: u8 = 30;

/// Whether news text writes `term` as a name in a good share of its uses ("justice" and
/// "department", each about half the time), though not mostly: in a slot that holds a name,
/// it is one.
pub fn often_a_name(term: &str) -> bool {
    table()
        .df
        .get(term)
        .is_some_and(|e| e.0 >= MIN_NAME_ARTICLES && e.1 >= OFTEN_NAME_SHARE_PERCENT)
}

/// Articles a term must appear in before its uses say it is a name: two mentions of "Theater"
/// in names of American cinemas do not make "theater" one.
const MIN_NAME_ARTICLES: u32 = 3;

/// Articles a term must appear in to count as a word of its own in news text.
const MIN_GENERAL_USE: u32 = 3;

/// Whether news text uses `term` (a stem) as a word of its own: then a reader who types it
/// means it, and it is no typo of some other word ("guardian" is not "Guardians").
pub fn in_general_use(term: &str) -> bool {
    table().df.get(term).is_some_and(|e| e.0 >= MIN_GENERAL_USE)
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

    #[test]
    fn names_typed_in_lowercase_are_known_as_names() {
        assert!(usually_a_name(&crate::text::stem_word("texas"), "texas"));
        assert!(usually_a_name("london", "london"));
        assert!(!usually_a_name("call", "call"));
        assert!(!usually_a_name("standard", "standard"));
        // "Cook" is mostly a name; "cooking" is the verb.
        assert!(usually_a_name("cook", "cook"));
        assert!(!usually_a_name("cook", "cooking"));
    }
}
