//! Splitting text into tokens for matching: words, their stems, aliases and roles.
//!
//! Owns the path from a string to a list of [`Token`]s: words with byte spans into the original,
//! contractions expanded ("didn't" → "did not"), possessives dropped, acronyms recognised
//! ("U.S." / "US" → the United States), alias phrases merged into one term ("DPRK",
//! "North Korea"), and each remaining word classed as content, stop, filler or negation and
//! stemmed (Snowball English, from `rust-stemmers`).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::lexicon::Lexicon;
use super::normalize::normalize;

/// What a token contributes to matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRole {
    /// A word that carries meaning: it is matched and scored.
    Content,
    /// A grammatical word ("the", "of").
    Stop,
    /// A chat or question-frame word ("lol", "tell me", "article").
    Filler,
    /// A word that negates ("not", "never").
    Negation,
}

/// One token of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The matching term: a stem, or an alias's canonical name (`north_korea`).
    pub term: String,
    /// The lowercase word(s) as written, for typo matching.
    pub surface: String,
    pub role: TokenRole,
    /// Byte range in the original text.
    pub span: Range<usize>,
    /// Written with a capital letter, not at the start of a sentence, or an acronym.
    pub proper: bool,
    /// Written with a capital letter (or as an acronym), wherever it stands.
    pub capitalised: bool,
    /// Written as an acronym: in capitals ("KCNA") or dotted ("U.S.").
    pub acronym: bool,
    /// Starts with a digit.
    pub number: bool,
    /// Hyphenated words joined into one ("texas-based" → "texasbased"), after its parts.
    pub compound: bool,
    /// Written with a possessive "'s" (or "s'"), now dropped: "North Korea's offer".
    pub possessive: bool,
}

/// A word as written: its normalised form and where it stands.
#[derive(Debug, Clone)]
struct RawWord {
    norm: String,
    span: Range<usize>,
    capitalised: bool,
    acronym: bool,
    sentence_start: bool,
    possessive: bool,
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Words the stemmer gives another word's stem: "response" is not "responsible" (both
/// "respons"), but what one does in responding; a "department" is no departure ("depart");
/// what was "added" is no "ad".
const STEM_EXCEPTIONS: &[(&str, &str)] = &[
    ("response", "respond"),
    ("responses", "respond"),
    ("department", "department"),
    ("departments", "department"),
    // To add is not an ad ("added" and "ad" both stem to "ad").
    ("added", "add"),
    ("adding", "add"),
    // Pairs a later Snowball English keeps apart, and the stemmer here does not.
    ("international", "internat"),
    ("internationally", "internat"),
    ("internationals", "internat"),
    ("emergency", "emergenc"),
    ("emergencies", "emergenc"),
    ("university", "universiti"),
    ("universities", "universiti"),
    ("evening", "evening"),
    ("evenings", "evening"),
];

/// Shortest typed word [`misspelt_role`] reads as a stop or frame word with a typo.
const MIN_MISSPELT_FRAME_WORD: usize = 7;

/// The role of a typed word that news text does not use but that is a stop or frame word with
/// a typo ("acording to the lib dems", "basicaly"): that word's role, not a subject the article
/// lacks. Words in news use ("reporter", "wandered") are taken as typed.
fn misspelt_role(lex: &Lexicon, word: &str, stem: &str) -> Option<TokenRole> {
    // A number written as a word ("three") is no typo of "there"; a short word may be a name
    // typed in lowercase ("eli lilly" is no "silly").
    let plain = word.chars().count() >= MIN_MISSPELT_FRAME_WORD
        && word.chars().all(char::is_alphabetic)
        && number_word(word).is_none();
    if !plain || super::general::in_general_use(stem) {
        return None;
    }
    if lex.is_stop_mistyped(word) {
        Some(TokenRole::Stop)
    } else {
        lex.is_filler_mistyped(word).then_some(TokenRole::Filler)
    }
}

/// The stem of one lowercase word.
pub fn stem_word(word: &str) -> String {
    match STEM_EXCEPTIONS.iter().find(|(w, _)| *w == word) {
        Some((_, stem)) => (*stem).to_owned(),
        None => stemmer().stem(word).into_owned(),
    }
}

/// Whether a lowercase word is typed with a verb's ending ("cooking", "watched"): then it is
/// a verb, whatever else its stem may be ("Cook"), and what a sentence says of it.
pub fn has_verb_ending(word: &str) -> bool {
    word.ends_with("ing") || word.ends_with("ed")
}

/// Whether `tokens`, read word by word (a phrase token such as "ended up" holds two), hold
/// any of `phrases` (each a run of lowercase words).
pub fn holds_any_phrase<'p>(
    tokens: &[Token],
    phrases: impl IntoIterator<Item = &'p &'p [&'p str]>,
) -> bool {
    let words: Vec<&str> = tokens.iter().flat_map(|t| t.surface.split(' ')).collect();
    phrases
        .into_iter()
        .any(|phrase| words.windows(phrase.len()).any(|w| w == *phrase))
}

/// Index of the first token of a hypothetical clause ("if", "in case", "unless"), or the end.
pub fn hypothetical_token(tokens: &[Token]) -> usize {
    (0..tokens.len())
        .find(|&i| match tokens[i].surface.as_str() {
            "if" | "unless" | "whether" => true,
            // "in case it rejects", not "nothing to do with the case".
            "case" => i > 0 && tokens[i - 1].surface == "in",
            _ => false,
        })
        .unwrap_or(tokens.len())
}

/// Splits text into lowercase normalised words (used for lexicon entries and question cues).
pub fn split_words(text: &str) -> Vec<String> {
    raw_words(text).into_iter().map(|w| w.norm).collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Scans `text` into words. Apostrophes and dots inside a word are kept while scanning, then
/// contractions, possessives and dotted acronyms are resolved.
fn raw_words(text: &str) -> Vec<RawWord> {
    let mut words = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut sentence_start = true;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !is_word_char(c) {
            if matches!(c, '.' | '!' | '?' | '\n') {
                sentence_start = true;
            }
            // A currency sign is a word: "$1m" is about dollars.
            if let Some(name) = currency_name(c) {
                let span = start..start + c.len_utf8();
                words.push(RawWord {
                    norm: name.to_owned(),
                    span,
                    capitalised: false,
                    acronym: false,
                    sentence_start: false,
                    possessive: false,
                });
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if is_word_char(c) || is_invisible(c) {
                j += 1;
            } else if matches!(c, '\'' | '’' | '.' | ',')
                && j + 1 < chars.len()
                && is_word_char(chars[j + 1].1)
                && (c != ','
                    || (chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit()))
            {
                j += 2;
            } else {
                break;
            }
        }
        // A dotted acronym keeps its final dot ("U.S.").
        let mut end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let word = &text[start..end];
        let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
        if dotted && chars.get(j).is_some_and(|&(_, c)| c == '.') {
            j += 1;
            end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        }
        let original = &text[start..end];
        let capitalised = original.chars().next().is_some_and(char::is_uppercase);
        let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = dotted || (letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()));
        push_word(
            &mut words,
            original,
            start..end,
            capitalised,
            acronym,
            sentence_start,
            dotted,
        );
        sentence_start = false;
        i = j;
    }
    words
}

/// The word for a currency sign.
fn currency_name(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("dollars"),
        '£' => Some("pounds"),
        '€' => Some("euros"),
        '¥' => Some("yen"),
        _ => None,
    }
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
        || unicode_normalization::char::is_combining_mark(c)
}

/// Normalises one scanned word and pushes it (or its parts) onto `words`.
fn push_word(
    words: &mut Vec<RawWord>,
    original: &str,
    span: Range<usize>,
    capitalised: bool,
    acronym: bool,
    sentence_start: bool,
    dotted: bool,
) {
    let mut norm = normalize(original);
    if dotted {
        norm.retain(|c| c != '.');
    }
    let make = |norm: String| RawWord {
        norm,
        span: span.clone(),
        capitalised,
        acronym,
        sentence_start,
        possessive: false,
    };
    if let Some(stem) = norm.strip_suffix("n't") {
        let base = match stem {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            other => other,
        };
        words.push(make(base.to_owned()));
        words.push(make("not".to_owned()));
        return;
    }
    // "who's the agent" asks "who is the agent": a question word's "'s" is the verb, not a
    // possessive, and says the question asks what someone is.
    if let Some(base) = norm
        .strip_suffix("'s")
        .filter(|b| matches!(*b, "who" | "what" | "where" | "when" | "how" | "why"))
    {
        words.push(make(base.to_owned()));
        words.push(make("is".to_owned()));
        return;
    }
    let mut possessive = false;
    for suffix in ["'s", "'re", "'ve", "'ll", "'d", "'m", "s'"] {
        if let Some(base) = norm.strip_suffix(suffix) {
            if !base.is_empty() {
                possessive = matches!(suffix, "'s" | "s'");
                norm = if suffix == "s'" {
                    format!("{base}s")
                } else {
                    base.to_owned()
                };
                break;
            }
        }
    }
    // Any apostrophe left ("o'brien", "rock'n'roll") is dropped inside the word.
    norm.retain(|c| c != '\'');
    // Normalisation can expand one character into several words (full-width forms, ligatures).
    for part in norm.split(|c: char| !c.is_alphanumeric() && c != '.' && c != ',') {
        if !part.is_empty() {
            words.push(make(part.to_owned()));
        }
    }
    if let Some(last) = words.last_mut().filter(|_| possessive) {
        last.possessive = true;
    }
}

/// Analyses `text` into tokens. With `fuzzy_phrases`, alias phrases also match with the typo
/// rules of [`crate::text::typo`] (used for questions, not for the article).
pub fn analyze(text: &str, fuzzy_phrases: bool) -> Vec<Token> {
    let lex = Lexicon::get();
    let words = raw_words(text);
    let stems: Vec<String> = words
        .iter()
        .map(|w| stem_word(lex.base_form(&w.norm)))
        .collect();
    let mut tokens = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if let Some((len, canonical)) = match_phrase(lex, &words[i..], &stems[i..], fuzzy_phrases) {
            let span = words[i].span.start..words[i + len - 1].span.end;
            let surface = words[i..i + len]
                .iter()
                .map(|w| w.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            // A phrase that only frames the question ("stand for") is filler like its words.
            let role = if lex.is_filler(&canonical) || lex.is_stop(&canonical) {
                TokenRole::Filler
            } else {
                TokenRole::Content
            };
            let proper = words[i..i + len]
                .iter()
                .any(|w| w.acronym || (w.capitalised && !w.sentence_start));
            let capitalised = words[i..i + len].iter().any(|w| w.acronym || w.capitalised);
            tokens.push(Token {
                term: canonical,
                surface,
                role,
                span,
                proper,
                capitalised,
                acronym: len == 1 && words[i].acronym,
                number: false,
                compound: false,
                possessive: words[i + len - 1].possessive,
            });
            i += len;
            continue;
        }
        let w = &words[i];
        let base = lex.base_form(&w.norm);
        // A lone letter ("w/", "n") is shorthand, not a subject.
        let lone_letter = w.norm.chars().count() == 1 && w.norm.chars().all(char::is_alphabetic);
        let role = if lone_letter {
            TokenRole::Stop
        } else if lex.is_negation(base) {
            TokenRole::Negation
        } else if lex.is_stop(base) {
            TokenRole::Stop
        } else if lex.is_filler(base) {
            TokenRole::Filler
        } else if fuzzy_phrases && !w.capitalised {
            misspelt_role(lex, base, &stems[i]).unwrap_or(TokenRole::Content)
        } else {
            TokenRole::Content
        };
        let spelled = number_word(base);
        // An ordinal in digits ("2nd") reads as its word ("second"), through `base`.
        let number = base.starts_with(|c: char| c.is_ascii_digit()) || spelled.is_some();
        let term = match spelled {
            Some(digits) => digits.to_owned(),
            None if number => base.replace(',', ""),
            None => stems[i].clone(),
        };
        tokens.push(Token {
            term,
            surface: w.norm.clone(),
            role,
            span: w.span.clone(),
            proper: w.acronym || (w.capitalised && !w.sentence_start),
            capitalised: w.acronym || w.capitalised,
            acronym: w.acronym,
            number,
            compound: false,
            possessive: w.possessive,
        });
        i += 1;
        if let Some((compound, parts)) = hyphen_compound(text, &words, i) {
            // A "semi-final" is no "final": after a bound prefix, the parts name another
            // thing, and only the whole compound is matched.
            if BOUND_PREFIXES.contains(&parts[0].norm.as_str()) {
                let after_prefix = tokens.len().saturating_sub(parts.len() - 1);
                for part in &mut tokens[after_prefix..] {
                    part.role = TokenRole::Stop;
                }
            }
            tokens.push(compound);
        }
    }
    join_amounts(&mut tokens);
    keep_as_content(&mut tokens, WANTING, asker_before);
    keep_as_content(&mut tokens, OWNING, possessive_before);
    tokens
}

/// Verbs of wanting, filler when the asker wants ("I want to know…", "do you need…"), but
/// what is asked about when someone else does: "what does North Korea want", "North Korea
/// wants joint investigation".
const WANTING: &[&str] = &["want", "wants", "wanted", "need", "needs", "needed"];
/// Words for the asker or the bot, whose wanting only frames a question.
const ASKERS: &[&str] = &["i", "we", "you", "u", "ya", "me", "us"];

/// "own" frames only after a possessive ("their own staff", "Sony's own review"); elsewhere it
/// is the verb ("how much of Nissan does Renault own", "who owns the club").
const OWNING: &[&str] = &["own", "owns"];
/// Words that make "own" a mere intensifier after them: "their own staff", "on its own".
const POSSESSIVE_DETERMINERS: &[&str] = &["my", "your", "ur", "his", "her", "its", "our", "their"];

/// Does an asker stand just before token `i` ("I want to know")?
fn asker_before(tokens: &[Token], i: usize) -> bool {
    tokens[i.saturating_sub(2)..i]
        .iter()
        .any(|t| ASKERS.contains(&t.surface.as_str()))
}

/// Does a possessive stand right before token `i` ("their own", "Sony's own")?
fn possessive_before(tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        tokens[p].possessive || POSSESSIVE_DETERMINERS.contains(&tokens[p].surface.as_str())
    })
}

/// Makes each frame word of `words` content, unless `frames` says its place makes it frame
/// (the wanting of the asker, the "own" of a possessive).
fn keep_as_content(tokens: &mut [Token], words: &[&str], frames: fn(&[Token], usize) -> bool) {
    for i in 0..tokens.len() {
        if tokens[i].role == TokenRole::Filler
            && words.contains(&tokens[i].surface.as_str())
            && !frames(tokens, i)
        {
            tokens[i].role = TokenRole::Content;
        }
    }
}

/// Writes every amount one way, so "$28.5m", "28.5 mil" and "28.5 million" match: a number
/// with a magnitude, attached ("2bn") or as the next word ("2 billion"), becomes the number
/// with `m`, `bn` or `tn` ("2bn"); thousands are multiplied out ("5k" → "5000").
fn join_amounts(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].number {
            i += 1;
            continue;
        }
        let (digits, attached) = split_magnitude(&tokens[i].term);
        let next_magnitude = tokens
            .get(i + 1)
            .and_then(|t| magnitude(&t.surface))
            .filter(|_| attached.is_none());
        if let Some(scale) = attached.or(next_magnitude) {
            if let Some(term) = amount_term(digits, scale) {
                tokens[i].term = term;
            }
        }
        if next_magnitude.is_some() {
            let next = tokens.remove(i + 1);
            let t = &mut tokens[i];
            t.span = t.span.start..next.span.end;
            t.surface = format!("{} {}", t.surface, next.surface);
        }
        i += 1;
    }
}

/// A number term split into its digits and an attached magnitude ("28.5m" → ("28.5", m)).
fn split_magnitude(term: &str) -> (&str, Option<Magnitude>) {
    let digits_end = term
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(term.len());
    let (digits, suffix) = term.split_at(digits_end);
    match magnitude(suffix) {
        Some(m) if !digits.is_empty() => (digits, Some(m)),
        _ => (term, None),
    }
}

#[derive(Debug, Clone, Copy)]
enum Magnitude {
    Thousand,
    Million,
    Billion,
    Trillion,
}

fn magnitude(word: &str) -> Option<Magnitude> {
    match word {
        "k" | "thousand" | "thousands" => Some(Magnitude::Thousand),
        "m" | "mn" | "mil" | "mill" | "mln" | "million" | "millions" => Some(Magnitude::Million),
        "b" | "bn" | "bil" | "billion" | "billions" => Some(Magnitude::Billion),
        "tn" | "trillion" | "trillions" => Some(Magnitude::Trillion),
        _ => None,
    }
}

/// The one way an amount is written (`None`: `digits` is not a number).
fn amount_term(digits: &str, scale: Magnitude) -> Option<String> {
    let value: f64 = digits.parse().ok()?;
    Some(match scale {
        Magnitude::Thousand => {
            let n = value * 1000.0;
            if n.fract() == 0.0 {
                format!("{n}")
            } else {
                format!("{digits}k")
            }
        }
        Magnitude::Million => format!("{digits}m"),
        Magnitude::Billion => format!("{digits}bn"),
        Magnitude::Trillion => format!("{digits}tn"),
    })
}

/// Spelled-out numbers, matched as their digits ("eight hours" finds "8 hours").
fn number_word(word: &str) -> Option<&'static str> {
    const NUMBERS: &[(&str, &str)] = &[
        ("two", "2"),
        ("three", "3"),
        ("four", "4"),
        ("five", "5"),
        ("six", "6"),
        ("seven", "7"),
        ("eight", "8"),
        ("nine", "9"),
        ("ten", "10"),
        ("eleven", "11"),
        ("twelve", "12"),
        ("thirteen", "13"),
        ("fourteen", "14"),
        ("fifteen", "15"),
        ("sixteen", "16"),
        ("seventeen", "17"),
        ("eighteen", "18"),
        ("nineteen", "19"),
        ("twenty", "20"),
        ("thirty", "30"),
        ("forty", "40"),
        ("fifty", "50"),
        ("sixty", "60"),
        ("seventy", "70"),
        ("eighty", "80"),
        ("ninety", "90"),
    ];
    NUMBERS.iter().find(|(w, _)| *w == word).map(|(_, d)| *d)
}

/// Prefixes that, joined by a hyphen, make the word after them name another thing.
const BOUND_PREFIXES: &[&str] = &["semi", "quarter", "non", "ex"];

/// When `words[end - 1]` closes a chain of letters-only words joined by hyphens
/// ("pre-selected", "lay-off"), the whole chain as one more token, so that a question that
/// writes it as one word ("preselected") finds it; with the words it joins.
fn hyphen_compound<'w>(
    text: &str,
    words: &'w [RawWord],
    end: usize,
) -> Option<(Token, &'w [RawWord])> {
    let joined_to_next = |k: usize| {
        words.get(k + 1).is_some_and(|next| {
            text.get(words[k].span.end..next.span.start) == Some("-")
                && next.span.start != words[k].span.start
        })
    };
    let last = end.checked_sub(1)?;
    if joined_to_next(last) {
        return None;
    }
    let mut first = last;
    while first > 0 && joined_to_next(first - 1) {
        first -= 1;
    }
    let parts = &words[first..end];
    if parts.len() < 2
        || !parts
            .iter()
            .all(|w| w.norm.chars().all(char::is_alphabetic))
    {
        return None;
    }
    let surface: String = parts.iter().map(|w| w.norm.as_str()).collect();
    let token = Token {
        term: stem_word(&surface),
        surface,
        role: TokenRole::Content,
        span: parts[0].span.start..parts[parts.len() - 1].span.end,
        proper: parts
            .iter()
            .any(|w| w.acronym || (w.capitalised && !w.sentence_start)),
        capitalised: parts.iter().any(|w| w.acronym || w.capitalised),
        acronym: false,
        number: false,
        compound: true,
        possessive: parts[parts.len() - 1].possessive,
    };
    Some((token, parts))
}

/// The longest alias phrase at the start of `words`, as (word count, canonical term).
fn match_phrase(
    lex: &Lexicon,
    words: &[RawWord],
    stems: &[String],
    fuzzy: bool,
) -> Option<(usize, String)> {
    // Most words start no phrase: one set lookup each settles whether an exact or a stem
    // phrase can start here, before any key is built (this runs for every word of every
    // article, and of every question).
    let (first_words, first_stems) = phrase_starts();
    let may_alias = words.first().is_some_and(|w| first_words.contains(&w.norm));
    let may_stem = stems.first().is_some_and(|s| first_stems.contains(s));
    if !fuzzy && !may_alias && !may_stem {
        return None;
    }
    if let Some(canonical) = separated_phrasal_verb(lex, words, stems) {
        return Some((3, canonical));
    }
    let max = lex.longest_phrase.min(words.len());
    for len in (1..=max).rev() {
        let typed = &words[..len];
        if may_alias {
            let key: Vec<String> = typed.iter().map(|w| w.norm.clone()).collect();
            if let Some(c) = lex.phrase(&key) {
                // A one-word alias that is also a stop word ("us") counts only as an acronym
                // ("US").
                if len == 1 && lex.is_stop(&key[0]) && !words[0].acronym {
                    continue;
                }
                return Some((len, c.to_owned()));
            }
        }
        if len > 1 && may_stem {
            if let Some(c) = lex.stem_phrase(&stems[..len]) {
                return Some((len, c.to_owned()));
            }
        }
        // Words of news text are meant as typed ("the guardian" is the paper, not a typo of
        // "Guardians"; "picked out" is no "kicked out"): only a phrase with a word news text
        // lacks may be a misspelt one.
        // Asked only of a question's words: an article's are read as written.
        let meant = || {
            typed
                .iter()
                .zip(&stems[..len])
                .all(|(w, stem)| lex.is_stop(&w.norm) || super::general::in_general_use(stem))
        };
        if fuzzy && typed.iter().map(|w| w.norm.len()).sum::<usize>() >= 5 && !meant() {
            // The first phrase (in list order) within typos word by word. Only phrases whose
            // first word has about the length and the letters of the typed one can be.
            let phrases = lex.phrases_of_len(len);
            let first = &typed[0].norm;
            let (n, letters) = (first.chars().count(), super::typo::letters(first));
            let buckets = fuzzy_phrase_buckets(len);
            let hit = (n.saturating_sub(2)..=n + 2)
                .filter_map(|chars| buckets.get(chars))
                .flatten()
                .filter(|(_, l)| {
                    (l & !letters).count_ones() <= 2 && (letters & !l).count_ones() <= 2
                })
                .map(|(i, _)| *i)
                .filter(|&i| {
                    phrases[i]
                        .0
                        .iter()
                        .zip(typed)
                        .all(|(a, b)| super::typo::within_typos(a, &b.norm))
                })
                .min();
            if let Some(i) = hit {
                return Some((len, phrases[i].1.clone()));
            }
        }
    }
    None
}

/// Pronouns that may stand between a verb and its particle: "push it back", "turned them
/// down", "pinned it on".
const SEPARATING_PRONOUNS: &[&str] = &["it", "them", "him", "her", "this", "that"];

/// A two-word phrasal verb of the lexicon with an object pronoun between its words ("push it
/// back" for "push back"), as the phrase's canonical term.
fn separated_phrasal_verb(lex: &Lexicon, words: &[RawWord], stems: &[String]) -> Option<String> {
    if words.len() < 3 || !SEPARATING_PRONOUNS.contains(&words[1].norm.as_str()) {
        return None;
    }
    let key = [stems[0].clone(), stems[2].clone()];
    lex.stem_phrase(&key)
        .or_else(|| lex.phrase(&[words[0].norm.clone(), words[2].norm.clone()]))
        .map(str::to_owned)
}

/// The first words of the alias phrases and the first stems of the stem phrases
/// ([`Lexicon::stem_phrase_keys`]), built once from the one lexicon.
fn phrase_starts() -> &'static (HashSet<String>, HashSet<String>) {
    static STARTS: OnceLock<(HashSet<String>, HashSet<String>)> = OnceLock::new();
    STARTS.get_or_init(|| {
        let lex = Lexicon::get();
        (
            lex.phrases()
                .filter_map(|(w, _)| w.first().cloned())
                .collect(),
            lex.stem_phrase_keys()
                .filter_map(|k| k.first().cloned())
                .collect(),
        )
    })
}

/// Positions in [`Lexicon::phrases_of_len`]`(len)` with the letter set of the phrase's first
/// word, grouped by that word's character count.
type PhraseBuckets = Vec<Vec<(usize, u32)>>;

/// What the typo-tolerant phrase match scans, for phrases of `len` words. Built once from the
/// one lexicon.
fn fuzzy_phrase_buckets(len: usize) -> &'static [Vec<(usize, u32)>] {
    static BUCKETS: OnceLock<Vec<PhraseBuckets>> = OnceLock::new();
    let all = BUCKETS.get_or_init(|| {
        let lex = Lexicon::get();
        (0..=lex.longest_phrase)
            .map(|len| {
                let mut by_chars: PhraseBuckets = Vec::new();
                for (i, (words, _)) in lex.phrases_of_len(len).iter().enumerate() {
                    let first = words.first().map_or("", String::as_str);
                    let n = first.chars().count();
                    if by_chars.len() <= n {
                        by_chars.resize_with(n + 1, Vec::new);
                    }
                    by_chars[n].push((i, super::typo::letters(first)));
                }
                by_chars
            })
            .collect()
    });
    all.get(len).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_the_stemmer_confuses_keep_stems_of_their_own() {
        assert_ne!(stem_word("response"), stem_word("responsible"));
        assert_eq!(stem_word("response"), stem_word("responded"));
        assert_ne!(stem_word("department"), stem_word("departed"));
        assert_eq!(stem_word("department"), stem_word("departments"));
        assert_ne!(stem_word("added"), stem_word("ads"));
        assert_eq!(stem_word("added"), stem_word("adds"));
        assert_eq!(stem_word("adding"), stem_word("add"));
        assert_ne!(stem_word("international"), stem_word("internal"));
        assert_ne!(stem_word("emergency"), stem_word("emerged"));
        assert_ne!(stem_word("university"), stem_word("universal"));
        assert_ne!(stem_word("evening"), stem_word("even"));
    }

    #[test]
    fn amounts_are_written_one_way() {
        let term = |s: &str| {
            analyze(s, true)
                .into_iter()
                .find(|t| t.number)
                .map(|t| t.term)
        };
        assert_eq!(term("paid $28.5m to"), Some("28.5m".to_owned()));
        assert_eq!(term("28.5 mil in total"), Some("28.5m".to_owned()));
        assert_eq!(term("28.5 million dollars"), Some("28.5m".to_owned()));
        assert_eq!(term("$2bn"), Some("2bn".to_owned()));
        assert_eq!(term("2 billion"), Some("2bn".to_owned()));
        assert_eq!(term("5k fans"), Some("5000".to_owned()));
        assert_eq!(term("in 2004"), Some("2004".to_owned()));
    }

    fn terms(text: &str) -> Vec<String> {
        analyze(text, true)
            .into_iter()
            .filter(|t| t.role == TokenRole::Content)
            .map(|t| t.term)
            .collect()
    }

    #[test]
    fn a_stop_or_frame_word_typed_with_a_typo_frames_all_the_same() {
        assert_eq!(
            terms("debt acording to the lib dems"),
            ["debt", "liberal_democrats"]
        );
        assert_eq!(terms("was it basicaly a hoax"), ["hoax"]);
        assert_eq!(terms("why becuase of the film"), ["film"]);
        // A word of news text is taken as typed, however close to a frame word; so is a
        // number ("three" is no "there").
        assert_eq!(terms("the reporter"), ["report"]);
        assert_eq!(terms("three victories"), ["3", "victori"]);
        assert_eq!(terms("who runs eli lilly"), ["run", "eli", "lilli"]);
        // An article's own words are as written.
        assert!(analyze("acording", false)[0].role == TokenRole::Content);
    }

    #[test]
    fn own_is_the_verb_unless_a_possessive_stands_before_it() {
        assert_eq!(terms("who owns the club"), ["own", "club"]);
        assert_eq!(
            terms("how much of nissan does renault own"),
            ["nissan", "renault", "own"]
        );
        assert_eq!(terms("do bosses know their own staff"), ["boss", "staff"]);
        assert_eq!(terms("the club's own stadium"), ["club", "stadium"]);
    }

    #[test]
    fn a_frame_word_frames_in_its_s_form_too() {
        assert_eq!(terms("what happens to the film"), ["film"]);
        assert_eq!(terms("what happened to the film"), ["film"]);
        // Only a frame word's own "-s" form: "plans" and "gas" are content.
        assert_eq!(terms("sony plans gas film").len(), 4);
    }

    #[test]
    fn wanting_frames_a_question_only_when_the_asker_wants() {
        assert!(terms("what does north korea want").contains(&"want".to_owned()));
        assert!(terms("North Korea wants joint investigation").contains(&"want".to_owned()));
        assert!(!terms("i want to know who hacked sony").contains(&"want".to_owned()));
        assert!(!terms("do you need the source").contains(&"need".to_owned()));
    }

    #[test]
    fn a_bound_prefix_makes_another_thing() {
        // A semi-final is no final; a one-word question form still finds it.
        assert_eq!(terms("the semi-final"), vec!["semi", "semifin"]);
        assert_eq!(terms("the semifinal"), vec!["semifin"]);
        // Other hyphenated words keep their parts.
        assert_eq!(terms("a four-set win"), vec!["4", "set", "fourset", "win"]);
    }

    #[test]
    fn a_phrasal_verb_matches_with_a_pronoun_between_its_words() {
        assert_eq!(terms("they pushed it back"), terms("they pushed back"));
        assert_eq!(terms("turned them down"), terms("turned down"));
        // Only an object pronoun separates: "push the cart back" is no phrase.
        assert_ne!(terms("push cart back"), terms("push back"));
    }

    #[test]
    fn aliases_merge_to_one_term() {
        assert_eq!(terms("DPRK"), vec!["north_korea"]);
        assert_eq!(
            terms("North Korea’s foreign ministry"),
            vec!["north_korea", "foreign", "ministri"]
        );
        assert_eq!(terms("the U.S. should"), vec!["united_states"]);
        assert_eq!(terms("the US"), vec!["united_states"]);
        assert_eq!(terms("with US"), vec!["united_states"]);
        assert_eq!(terms("tell us"), Vec::<String>::new());
    }

    #[test]
    fn typos_in_alias_phrases_are_forgiven() {
        assert_eq!(terms("nroth korea"), vec!["north_korea"]);
        assert_eq!(terms("the guardins of peace"), vec!["guardians_of_peace"]);
    }

    #[test]
    fn words_of_news_text_are_no_typo_of_a_phrase() {
        // "the guardian" is the paper, not a misspelt "Guardians" (of Peace).
        assert_eq!(terms("the guardian"), vec!["guardian"]);
        assert_eq!(terms("the guardians"), vec!["guardians_of_peace"]);
        // "picked out of 200 girls" was chosen, not "kicked out".
        assert_ne!(terms("picked out"), terms("kicked out"));
    }

    #[test]
    fn a_question_words_s_is_the_verb() {
        let surfaces = |text: &str| -> Vec<String> {
            analyze(text, true).into_iter().map(|t| t.surface).collect()
        };
        assert_eq!(surfaces("who's the agent")[..2], ["who", "is"]);
        assert_eq!(surfaces("who’s the agent")[..2], ["who", "is"]);
        // Anyone else's "'s" is a possessive, and goes.
        assert_eq!(surfaces("kerekou's campaign")[0], "kerekou");
    }

    #[test]
    fn contractions_expand_to_negations() {
        let toks = analyze("Sony didn't release it", false);
        assert!(toks.iter().any(|t| t.role == TokenRole::Negation));
    }

    #[test]
    fn spans_point_into_the_original() {
        let text = "The “Guardians of Peace” hacked Sony.";
        for t in analyze(text, false) {
            assert!(text.get(t.span.clone()).is_some());
        }
        let toks = analyze(text, false);
        assert_eq!(&text[toks[1].span.clone()], "Guardians of Peace");
    }

    #[test]
    fn spelled_numbers_match_digits() {
        assert_eq!(terms("eight hours"), vec!["8", "hour"]);
    }

    #[test]
    fn hyphenated_words_also_match_joined() {
        assert_eq!(terms("pre-selected"), vec!["pre", "select", "preselect"]);
        assert!(terms("a lay-off").contains(&"layoff".to_owned()));
        assert!(!terms("a 32-year-old").iter().any(|t| t.starts_with("32y")));
    }

    #[test]
    fn numbers_keep_their_digits() {
        assert_eq!(
            terms("paid $1,000 in 2014"),
            vec!["pay", "dollar", "1000", "2014"]
        );
    }

    #[test]
    fn currency_signs_are_words() {
        assert_eq!(
            terms("£522,000 and €5"),
            vec!["pound", "522000", "euro", "5"]
        );
    }
}
