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
    let (a, b) = (known.chars().count(), typed.chars().count());
    let allowed = max_typos(a.min(b));
    if allowed == 0 || a.abs_diff(b) > allowed {
        return false;
    }
    strsim::osa_distance(known, typed) <= allowed
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
