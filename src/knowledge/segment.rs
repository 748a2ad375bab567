//! Splitting an article into paragraphs and sentences, as byte spans into the original text.
//!
//! Paragraphs are separated by blank lines. Sentences follow Unicode's sentence boundaries
//! (UAX #29, from `unicode-segmentation`, which already keeps "U.S. is" together and ends a
//! sentence after a closing quote), repaired where that rule splits after a title or an initial
//! ("Mr. Smith", "J. K. Rowling"). A one-line paragraph with no closing punctuation is a heading.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// One sentence: where it stands in the article and in its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range of the sentence in the article text, without surrounding white space.
    pub span: Range<usize>,
    /// 1-based paragraph number (the headline is paragraph 1).
    pub paragraph: usize,
    /// 1-based sentence number within its paragraph.
    pub index: usize,
    /// A headline or subheading rather than running text.
    pub heading: bool,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
    "rev", "hon", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "fig", "approx", "est",
];

/// Paragraph spans of `text`: runs of non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..end);
            }
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        if start.is_none() {
            start = Some(line_start + lead);
        }
        end = line_start + line.trim_end().len();
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

/// Every sentence of `text`, in order.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (p, para) in paragraphs(text).into_iter().enumerate() {
        let body = &text[para.clone()];
        let mut spans: Vec<Range<usize>> = Vec::new();
        for (at, piece) in body.split_sentence_bound_indices() {
            let trimmed = piece.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = piece.len() - piece.trim_start().len();
            let start = para.start + at + lead;
            let span = start..start + trimmed.len();
            match spans.last_mut() {
                Some(prev) if ends_with_abbreviation(&text[prev.clone()]) => prev.end = span.end,
                _ => spans.push(span),
            }
        }
        let heading = spans.len() == 1 && is_heading(&text[para.clone()]);
        for (i, span) in spans.into_iter().enumerate() {
            out.push(Sentence {
                span,
                paragraph: p + 1,
                index: i + 1,
                heading,
            });
        }
    }
    out
}

/// The sentences of chat text, where people rarely capitalise: [`sentences`], each also split
/// where a full stop, question or exclamation mark is followed by a space and a lowercase
/// letter ("it wasnt them. they even offered…"), unless it ends an abbreviation ("vs. ",
/// "u.s. ").
pub fn chat_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        let mut start = sentence.span.start;
        let piece = &text[sentence.span.clone()];
        for (at, c) in piece.char_indices() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let end = sentence.span.start + at + c.len_utf8();
            let rest = &text[end..sentence.span.end];
            let next = rest.trim_start();
            let spaced = next.len() < rest.len();
            let lowercase_next = next.starts_with(char::is_lowercase);
            let dotted = text[start..end].ends_with('.')
                && (ends_with_abbreviation(&text[start..end])
                    || text[start..end]
                        .trim_end_matches('.')
                        .rsplit(char::is_whitespace)
                        .next()
                        .is_some_and(|w| w.contains('.')));
            if spaced && lowercase_next && !dotted {
                out.push(start..end);
                start = end + (rest.len() - next.len());
            }
        }
        if start < sentence.span.end {
            out.push(start..sentence.span.end);
        }
    }
    out
}

/// True when a sentence piece ends in a title abbreviation or a single initial, so the full
/// stop after it is not the end of the sentence.
fn ends_with_abbreviation(piece: &str) -> bool {
    let Some(before_dot) = piece.strip_suffix('.') else {
        return false;
    };
    let last = before_dot
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    if last.chars().count() == 1 && last.chars().all(char::is_uppercase) {
        return true;
    }
    ABBREVIATIONS.contains(&last.to_lowercase().as_str())
}

/// A paragraph that reads as a heading: one line, short, without closing punctuation.
fn is_heading(paragraph: &str) -> bool {
    !paragraph.contains('\n')
        && paragraph.split_whitespace().count() <= 16
        && !paragraph
            .trim_end()
            .ends_with(['.', '!', '?', '"', '”', '’', ':', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| &text[s.span]).collect()
    }

    #[test]
    fn chat_text_splits_before_lowercase_sentences() {
        let text = "so nk is saying it wasnt them. they even offered a probe! wild";
        let parts: Vec<&str> = chat_sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [
                "so nk is saying it wasnt them.",
                "they even offered a probe!",
                "wild"
            ]
        );
        let text = "the u.s. blamed nk vs. china? no.";
        let parts: Vec<&str> = chat_sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(parts, ["the u.s. blamed nk vs. china?", "no."]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        let t = "The U.S. should act. Mr. Smith met J. K. Rowling. Done.";
        assert_eq!(
            texts(t),
            vec![
                "The U.S. should act.",
                "Mr. Smith met J. K. Rowling.",
                "Done."
            ]
        );
    }

    #[test]
    fn a_sentence_ending_inside_a_quotation_ends_after_the_quote() {
        let t = "He said “we will see.” Then he left.";
        assert_eq!(texts(t), vec!["He said “we will see.”", "Then he left."]);
    }

    #[test]
    fn headings_and_paragraphs_are_numbered() {
        let t = "Headline here\n\nFirst para. Second sentence.\n\nSub head\n\nLast one.";
        let s = sentences(t);
        assert_eq!(s.len(), 5);
        assert!(s[0].heading && s[3].heading && !s[1].heading);
        assert_eq!((s[2].paragraph, s[2].index), (2, 2));
        assert_eq!((s[4].paragraph, s[4].index), (4, 1));
    }

    #[test]
    fn crlf_and_trailing_space_are_trimmed() {
        let t = "Title\r\n\r\nOne. Two.  \r\n";
        assert_eq!(texts(t), vec!["Title", "One.", "Two."]);
    }
}
