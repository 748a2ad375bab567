//! Acronyms and the words they stand for: whether a text spells an acronym out
//! ("Democratic People's Republic of Korea", "radio frequency ID (RFID)").

/// Short words an expansion may skip ("Republic *of* Korea", "League *against* ...").
const SKIPPABLE: &[&str] = &["of", "the", "and", "for", "in", "on", "to", "a", "an", "&"];

/// Whether `text` spells `acronym` (case-insensitive letters, 2 to 8 of them) out: a run of
/// its words whose initials (all the letters of a word written in capitals) give the acronym,
/// short joining words allowed in between. The run must be capitalised ("Federal Bureau of
/// Investigation") unless the text also writes the acronym itself in capitals ("radio
/// frequency ID (RFID)"), so a chance run of everyday words does not count.
pub fn spells_out(text: &str, acronym: &str) -> bool {
    let letters: Vec<char> = acronym.chars().flat_map(char::to_lowercase).collect();
    if !(2..=8).contains(&letters.len()) || !letters.iter().all(|c| c.is_alphanumeric()) {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '&' | '\'' | '’')))
        .map(possessive_stripped)
        .filter(|w| !w.is_empty())
        .collect();
    let upper: String = letters.iter().flat_map(|c| c.to_uppercase()).collect();
    let written = words.iter().any(|w| *w == upper);
    (0..words.len()).any(|start| expands_from(&words[start..], &letters, !written))
}

/// `word` without a possessive ending ("People’s" → "People").
fn possessive_stripped(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
        .trim_matches(['\'', '’'])
}

/// Whether the words from the start of `words` give `letters` as their initials (each one
/// capitalised, when `capitalised`).
fn expands_from(words: &[&str], letters: &[char], capitalised: bool) -> bool {
    let mut at = 0;
    for (i, word) in words.iter().enumerate() {
        if at == letters.len() {
            return true;
        }
        let capitals = word.len() > 1 && word.chars().all(|c| c.is_uppercase());
        let initials: Vec<char> = if capitals {
            word.chars().flat_map(char::to_lowercase).collect()
        } else {
            word.chars().take(1).flat_map(char::to_lowercase).collect()
        };
        let fits = letters[at..].starts_with(&initials)
            && (!capitalised || word.chars().next().is_some_and(char::is_uppercase));
        if fits && !(i == 0 && capitals) {
            at += initials.len();
        } else if i > 0 && SKIPPABLE.contains(&word.to_lowercase().as_str()) {
            continue;
        } else {
            return false;
        }
    }
    at == letters.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_expansions_written_out_before_the_acronym() {
        assert!(spells_out(
            "the Democratic People's Republic of Korea (DPRK) said",
            "dprk"
        ));
        assert!(spells_out(
            "the use of radio frequency ID (RFID) tags",
            "rfid"
        ));
        assert!(spells_out(
            "fault with the [Democratic People’s Republic of Korea].",
            "dprk"
        ));
        assert!(spells_out("the Federal Bureau of Investigation", "fbi"));
    }

    #[test]
    fn an_acronym_alone_or_a_chance_run_of_initials_is_not_an_expansion() {
        assert!(!spells_out("KCNA reported the statement.", "kcna"));
        assert!(!spells_out("The FBI said so.", "fbi"));
        assert!(!spells_out("", "fbi"));
        assert!(!spells_out("five big investors", "fbi"));
    }
}
