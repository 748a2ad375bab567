//! Discord markup in what people type: mentions, channel links, custom emoji, timestamps and
//! web addresses. None of it is something a question or claim says about the article, but the
//! word scanner would read `<@123456789012345678>` as an 18-digit number and
//! `https://discord.gg/x` as four words, and those unknown "words" make the engine decline a
//! question it can answer ("<@bob> who hacked Sony?") or call a claim unsettled.
//!
//! [`blank_markup`] replaces each such piece with spaces of the same byte length, so every byte
//! offset into the result is also an offset into the original text.

use std::borrow::Cow;

/// `text` with Discord mentions (`<@id>`, `<@!id>`, `<@&id>`, `<#id>`, `</name:id>`), custom
/// emoji (`<:name:id>`, `<a:name:id>`), timestamps (`<t:unix:style>`) and web addresses
/// (`scheme://...` up to white space or a closing bracket) replaced by as many spaces as they
/// have bytes. Text without any is returned as is.
pub fn blank_markup(text: &str) -> Cow<'_, str> {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let len = match bytes[i] {
            b'<' => angle_markup_len(&text[i..]),
            b':' => url_len(text, i).map(|(start, len)| {
                // The scheme letters before "://" are part of the address.
                i = start;
                len
            }),
            _ => None,
        };
        match len {
            Some(len) => {
                pieces.push((i, len));
                i += len;
            }
            None => i += 1,
        }
    }
    if pieces.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, len) in pieces {
        out.push_str(&text[at..start]);
        out.extend(std::iter::repeat_n(' ', len));
        at = start + len;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Byte length of a mention, emoji or timestamp at the start of `s` (which starts with `<`).
fn angle_markup_len(s: &str) -> Option<usize> {
    // Discord's markup is short; looking further would make a run of '<' quadratic.
    let end = s.bytes().take(160).position(|b| b == b'>')?;
    let inner = &s[1..end];
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let name = |t: &str| {
        !t.is_empty()
            && t.len() <= 100
            && t.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
    };
    let ok = if let Some(rest) = inner.strip_prefix('@') {
        digits(rest.trim_start_matches(['!', '&']))
    } else if let Some(rest) = inner.strip_prefix('#') {
        digits(rest)
    } else if let Some(rest) = inner.strip_prefix("t:") {
        let (time, style) = rest.split_once(':').unwrap_or((rest, "t"));
        digits(time.trim_start_matches('-')) && style.len() == 1
    } else if let Some(rest) = inner
        .strip_prefix("a:")
        .or_else(|| inner.strip_prefix(':'))
        .or_else(|| inner.strip_prefix('/'))
    {
        rest.rsplit_once(':')
            .is_some_and(|(n, id)| name(n) && digits(id))
    } else {
        false
    };
    ok.then_some(end + 1)
}

/// The web address whose "://" starts at `colon`: (start of its scheme, byte length).
fn url_len(text: &str, colon: usize) -> Option<(usize, usize)> {
    if !text[colon..].starts_with("://") {
        return None;
    }
    let scheme_len = text[..colon]
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        .count();
    if scheme_len == 0 {
        return None;
    }
    let start = colon - scheme_len;
    let rest = &text[colon + 3..];
    let body = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ')' | '>' | ']' | '<' | '"' | '|'))
        .unwrap_or(rest.len());
    Some((start, scheme_len + 3 + body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_emoji_and_timestamps_become_spaces_of_the_same_length() {
        let text =
            "<@123> <@!45> <@&6> <#78> </ask:9> <:sony:10> <a:party:11> <t:1418342400:R> who";
        let blanked = blank_markup(text);
        assert_eq!(blanked.len(), text.len());
        assert_eq!(blanked.trim(), "who");
    }

    #[test]
    fn web_addresses_become_spaces_and_masked_link_labels_stay() {
        let text = "[who hacked sony](https://evil.example/x?y=1) see http://a.b";
        let blanked = blank_markup(text);
        assert_eq!(blanked.len(), text.len());
        assert_eq!(
            blanked.split_whitespace().collect::<Vec<_>>(),
            ["[who", "hacked", "sony](", ")", "see"]
        );
    }

    #[test]
    fn ordinary_text_and_near_misses_are_kept() {
        for text in [
            "who hacked sony",
            "a < b and c > d",
            "<@everyone>",
            "<@12a>",
            "<:no id:>",
            "ratio 3:2",
            "://nothing",
            "<",
            "<@",
            "“<#>”",
        ] {
            assert!(
                matches!(blank_markup(text), Cow::Borrowed(t) if t == text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn offsets_stay_on_character_boundaries() {
        let text = "é<@1>ü https://ß.example/ñ 😀";
        let url = "https://ß.example/ñ";
        let expected = format!("é{}ü {} 😀", " ".repeat(4), " ".repeat(url.len()));
        assert_eq!(blank_markup(text), expected);
    }
}
