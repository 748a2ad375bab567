//! Unicode normalisation of free text before it is split into words.
//!
//! Owns the mapping from whatever people paste (curly quotes, full-width letters, accents,
//! zero-width characters, zalgo) to a plain lowercase form. It never changes the article itself:
//! citations are always cut from the original bytes, this form is only used for matching.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds `text` into the form used for matching: NFKD, combining marks removed, lowercase,
/// typographic quotes, apostrophes and dashes replaced by their ASCII forms, invisible
/// characters dropped, control characters turned into spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        match fold_char(c) {
            Folded::Drop => {}
            Folded::Char(f) => out.extend(f.to_lowercase()),
        }
    }
    out
}

/// What one character becomes in the matching form.
pub(crate) enum Folded {
    Drop,
    Char(char),
}

/// Folds one character: punctuation variants to ASCII, invisibles dropped.
pub(crate) fn fold_char(c: char) -> Folded {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`'
        | '\u{00B4}' => Folded::Char('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Folded::Char('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Folded::Char('-'),
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => Folded::Drop,
        c if c.is_control() => Folded::Char(' '),
        c => Folded::Char(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_case_and_accents() {
        assert_eq!(
            normalize("North Korea’s “Guardians”"),
            "north korea's \"guardians\""
        );
        assert_eq!(normalize("Café PYONGYANG"), "cafe pyongyang");
    }

    #[test]
    fn drops_invisible_and_zalgo() {
        assert_eq!(normalize("so\u{200B}ny"), "sony");
        assert_eq!(normalize("h\u{0336}\u{0301}a\u{0489}ck"), "hack");
        assert_eq!(normalize("\u{202E}kcah"), "kcah");
    }

    #[test]
    fn full_width_letters_become_ascii() {
        assert_eq!(normalize("ＦＢＩ"), "fbi");
    }
}
