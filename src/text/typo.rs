//! Typo tolerance, on the rules search engines use: no typo in words under five letters, one
//! from five letters, two from nine. Distances are optimal string alignment (a swap of two
//! neighbouring letters counts as one typo), from `strsim`.

/// How many typos a word of this many characters may carry.
pub fn max_typos(chars: usize) -> usize {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// True when `typed` is `known` with at most the typos its length allows (the shorter of the two
/// decides, so a short word never matches a long one loosely).
pub fn within_typos(known: &str, typed: &str) -> bool {
    if known == typed {
        return true;
    }
    // This runs against whole vocabularies, so the cheap exact rejections come first. A word
    // of under five bytes has under five characters, so it allows no typo.
    if known.len() < 5 || typed.len() < 5 {
        return false;
    }
    let (a, b) = if known.is_ascii() && typed.is_ascii() {
        (known.len(), typed.len())
    } else {
        (known.chars().count(), typed.chars().count())
    };
    let allowed = max_typos(a.min(b));
    if allowed == 0 || a.abs_diff(b) > allowed {
        return false;
    }
    // Every letter one word has and the other lacks costs at least one edit.
    let (letters_a, letters_b) = (letters(known), letters(typed));
    let missing = (letters_a & !letters_b)
        .count_ones()
        .max((letters_b & !letters_a).count_ones());
    if missing as usize > allowed {
        return false;
    }
    strsim::osa_distance(known, typed) <= allowed
}

/// The set of letters of `word`: one bit per character code modulo 32, distinct for a–z (a
/// coarser set only weakens the filter, never makes it wrong).
pub(crate) fn letters(word: &str) -> u32 {
    word.chars().fold(0, |set, c| set | 1 << (c as u32 % 32))
}

/// Words grouped by character count, each with its place in the list it was built from and
/// its letter set: the words a typed word may be a typo of are found among those whose length
/// and letters allow it, not by a distance to every word.
#[derive(Debug, Default)]
pub(crate) struct WordsByLen {
    buckets: Vec<Vec<(usize, String, u32)>>,
}

impl WordsByLen {
    pub(crate) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> WordsByLen {
        let mut buckets: Vec<Vec<(usize, String, u32)>> = Vec::new();
        for (order, word) in words.into_iter().enumerate() {
            let n = word.chars().count();
            if buckets.len() <= n {
                buckets.resize_with(n + 1, Vec::new);
            }
            buckets[n].push((order, word.to_owned(), letters(word)));
        }
        WordsByLen { buckets }
    }

    /// The words `typed` is within typos of ([`within_typos`]), with their place in the list.
    /// A typo is at most two characters longer or shorter, and more than two letters apart is
    /// more than two typos.
    pub(crate) fn typos_of<'a>(&'a self, typed: &'a str) -> impl Iterator<Item = (usize, &'a str)> {
        let n = typed.chars().count();
        let typed_letters = letters(typed);
        (n.saturating_sub(2)..=n + 2)
            .filter_map(|len| self.buckets.get(len))
            .flatten()
            .filter(move |(_, _, l)| {
                (l & !typed_letters).count_ones() <= 2 && (typed_letters & !l).count_ones() <= 2
            })
            .filter(move |(_, w, _)| within_typos(w, typed))
            .map(|(order, w, _)| (*order, w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bucketing by length and letters finds exactly the words the distance alone does.
    #[test]
    fn words_by_len_finds_what_the_distance_finds() {
        let words = [
            "because",
            "according",
            "basically",
            "becoming",
            "cord",
            "north",
        ];
        let by_len = WordsByLen::new(words);
        for typed in [
            "becuase",
            "acording",
            "basicaly",
            "becomming",
            "nroth",
            "xyzzyxx",
        ] {
            let mut found: Vec<usize> = by_len.typos_of(typed).map(|(i, _)| i).collect();
            found.sort_unstable();
            let want: Vec<usize> = (0..words.len())
                .filter(|&i| within_typos(words[i], typed))
                .collect();
            assert_eq!(found, want, "{typed}");
        }
    }

    #[test]
    fn short_words_need_exact_spelling() {
        assert!(!within_typos("hack", "hacj"));
        assert!(within_typos("hack", "hack"));
    }

    #[test]
    fn one_typo_from_five_letters_two_from_nine() {
        assert!(within_typos("north", "nroth"));
        assert!(!within_typos("north", "nrotj"));
        assert!(within_typos("interview", "intervuew"));
        assert!(within_typos("investigation", "invstigaton"));
        assert!(!within_typos("investigation", "invstgaton"));
    }

    /// The letter-set filter never changes a verdict: same answers as the distance alone.
    #[test]
    fn filter_agrees_with_distance() {
        let words = [
            "north",
            "nroth",
            "nrotj",
            "month",
            "thorn",
            "korea",
            "kroea",
            "corea",
            "sony",
            "sonny",
            "hackers",
            "hacker",
            "hackres",
            "attackers",
            "attacker",
            "investigation",
            "invstigaton",
            "investigations",
            "pyongyang",
            "pyonyang",
            "café",
            "cafe",
            "cafés",
            "interview",
            "intervuew",
            "interviews",
            "reviewing",
            "2014",
            "2015",
            "films",
            "flims",
            "final",
        ];
        for a in words {
            for b in words {
                let (la, lb) = (a.chars().count(), b.chars().count());
                let allowed = max_typos(la.min(lb));
                let expected = a == b
                    || (allowed > 0
                        && la.abs_diff(lb) <= allowed
                        && strsim::osa_distance(a, b) <= allowed);
                assert_eq!(within_typos(a, b), expected, "{a} / {b}");
            }
        }
    }
}
