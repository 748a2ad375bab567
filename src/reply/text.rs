//! Measuring, cutting and escaping text for Discord: lengths in UTF-16 units, cuts on
//! character boundaries marked with "…", and markdown escaping that defuses mentions and links.

/// Marks text that was cut.
pub const ELLIPSIS: &str = "…";
/// Inserted to defuse mentions and links without changing how the text looks.
const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// Length as Discord may count it: UTF-16 code units (never fewer than characters).
pub fn discord_len(text: &str) -> usize {
    text.encode_utf16().count()
}

/// Cuts `text` to at most `max` UTF-16 units on a character boundary, ending with "…" when cut.
pub fn cut(text: &str, max: usize) -> String {
    if discord_len(text) <= max {
        return text.to_owned();
    }
    let room = max.saturating_sub(discord_len(ELLIPSIS));
    let mut used = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if used + c.len_utf16() > room {
            break;
        }
        used += c.len_utf16();
        end = i + c.len_utf8();
    }
    if max < discord_len(ELLIPSIS) {
        return String::new();
    }
    format!("{}{ELLIPSIS}", text[..end].trim_end())
}

/// Shortens `text` to at most `max_chars` characters, ending with "…" when cut.
pub fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars.saturating_sub(1)) {
        Some((at, _)) if text.chars().count() > max_chars => {
            format!("{}{ELLIPSIS}", text[..at].trim_end())
        }
        _ => text.to_owned(),
    }
}

/// Collapses every run of white space (new lines included) into one space, and trims.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes control characters (except new lines) and bidirectional overrides, which could
/// reorder or hide the text around them; tabs become spaces.
pub fn strip_controls(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

/// Escapes text for Discord markdown so it shows as typed and cannot ping, break the layout or
/// render as a link:
/// - markdown characters (`\ * _ ~ ` | > [ ] ( ) <`, and `#`, `-`, `+`, `1.` at a line start)
///   get a backslash, so they show literally;
/// - mentions (`@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`, `<#id>`) get a zero-width
///   space after `@` / `#`, so they stay text;
/// - links (`scheme://`) and invites (`discord.gg/...`, `discord.com/invite/...`) get a
///   zero-width space that stops them from being links;
/// - control characters and bidirectional overrides are removed.
pub fn escape_user_text(text: &str) -> String {
    escape(text, Strictness::UserText)
}

/// Escapes article and curated text for Discord markdown, changing as little as it can: the
/// same defusing of mentions, links and controls as [`escape_user_text`], and backslashes only
/// before characters that would change how the text renders (`\ * _ ~ ` | <`, `[` when a masked
/// link could follow, and list / heading / quote markers at a line start). Parentheses and
/// brackets, common in news text, stay as they are.
pub fn escape_article_text(text: &str) -> String {
    escape(text, Strictness::ArticleText)
}

/// How much of the markdown syntax to escape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strictness {
    /// Text from anyone: every markdown character.
    UserText,
    /// Text from the article or curated files: only what would change the rendering.
    ArticleText,
}

fn escape(text: &str, strictness: Strictness) -> String {
    let defused = defuse_mentions_and_links(&strip_controls(text));
    let masked_link_possible = defused.contains("](");
    let mut out = String::with_capacity(defused.len() + defused.len() / 8);
    for line in defused.split_inclusive('\n') {
        let rest = escape_line_start(line, &mut out);
        for c in rest.chars() {
            let special = match c {
                '\\' | '*' | '_' | '~' | '`' | '|' | '<' => true,
                '[' => strictness == Strictness::UserText || masked_link_possible,
                '>' | ']' | '(' | ')' => strictness == Strictness::UserText,
                _ => false,
            };
            if special {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Escapes a heading, list or quote marker at the start of `line`; returns the rest.
fn escape_line_start<'l>(line: &'l str, out: &mut String) -> &'l str {
    let trimmed = line.trim_start_matches([' ', '\u{3000}']);
    out.push_str(&line[..line.len() - trimmed.len()]);
    let Some(first) = trimmed.chars().next() else {
        return trimmed;
    };
    if matches!(first, '#' | '-' | '+' | '>') {
        out.push('\\');
        out.push(first);
        return &trimmed[first.len_utf8()..];
    }
    let digits = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits > 0 && trimmed[digits..].starts_with('.') {
        out.push_str(&trimmed[..digits]);
        out.push_str("\\.");
        return &trimmed[digits + 1..];
    }
    trimmed
}

/// Inserts zero-width spaces into mentions, links and invites (see [`escape_user_text`]).
pub(super) fn defuse_mentions_and_links(text: &str) -> String {
    let starts = |s: &str, pattern: &str| {
        s.get(..pattern.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(pattern))
    };
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    let mut previous: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        out.push(c);
        let mut after = &rest[c.len_utf8()..];
        let starts_with_digit = after.starts_with(|d: char| d.is_ascii_digit());
        match c {
            '@' if starts(after, "everyone")
                || starts(after, "here")
                || after.starts_with(['!', '&'])
                || starts_with_digit =>
            {
                out.push(ZERO_WIDTH_SPACE);
            }
            // "<@…>", "<#…>", "<:emoji:…>", "<t:…>", "</cmd:…>": never a live tag.
            '<' if after.starts_with(['@', '#', ':', '/'])
                || starts(after, "a:")
                || starts(after, "t:") =>
            {
                out.push(ZERO_WIDTH_SPACE);
            }
            '#' if previous == Some('<') && starts_with_digit => out.push(ZERO_WIDTH_SPACE),
            ':' if after.starts_with("//") => out.push(ZERO_WIDTH_SPACE),
            'd' | 'D'
                if starts(after, "iscord.gg")
                    || starts(after, "iscord.com/invite")
                    || starts(after, "iscordapp.com/invite") =>
            {
                // "discord" + zero-width space + ".gg/...": no longer an invite.
                out.push_str(&after[..6]);
                out.push(ZERO_WIDTH_SPACE);
                after = &after[6..];
            }
            _ => {}
        }
        previous = Some(c);
        rest = after;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escaping_neutralises_mentions() {
        for (input, bad) in [
            ("@everyone look", "@everyone"),
            ("@here", "@here"),
            ("hi <@123456789012345678>", "<@1"),
            ("hi <@!123456789012345678>", "@!"),
            ("role <@&123456789012345678>", "@&"),
            ("chan <#123456789012345678>", "#1"),
        ] {
            let out = escape_user_text(input);
            assert!(!out.contains(bad), "{input:?} -> {out:?}");
            assert!(
                !out.contains("<@") && !out.contains("<#"),
                "{input:?} -> {out:?}"
            );
            assert!(out.contains(ZERO_WIDTH_SPACE), "{input:?} -> {out:?}");
        }
    }

    #[test]
    fn escaping_defuses_links_and_invites() {
        for (input, bad) in [
            ("see https://evil.example/x", "https://"),
            ("HTTP://EVIL.EXAMPLE", "HTTP://"),
            ("join discord.gg/abc", "discord.gg"),
            ("join discord.com/invite/abc", "discord.com/invite"),
            ("join DiscordApp.com/invite/abc", "DiscordApp.com/invite"),
        ] {
            let out = escape_user_text(input);
            assert!(!out.contains(bad), "{input:?} -> {out:?}");
        }
        let masked = escape_user_text("[click](https://evil.example)");
        assert!(masked.starts_with("\\[click\\]\\("), "{masked}");
    }

    #[test]
    fn escaping_neutralises_markdown() {
        assert_eq!(escape_user_text("**bold**"), "\\*\\*bold\\*\\*");
        assert_eq!(escape_user_text("||spoiler||"), "\\|\\|spoiler\\|\\|");
        assert_eq!(escape_user_text("```code```"), "\\`\\`\\`code\\`\\`\\`");
        assert_eq!(escape_user_text("> quote"), "\\> quote");
        assert_eq!(escape_user_text("# Big"), "\\# Big");
        assert_eq!(escape_user_text("1. item"), "1\\. item");
        assert_eq!(escape_user_text("a_b~c\\d"), "a\\_b\\~c\\\\d");
        assert_eq!(
            escape_user_text("plain words, U.S. 2014"),
            "plain words, U.S. 2014"
        );
    }

    #[test]
    fn article_text_keeps_parentheses_but_not_links_or_emphasis() {
        assert_eq!(
            escape_article_text("The FBI (Federal Bureau) said [sic]."),
            "The FBI (Federal Bureau) said [sic]."
        );
        assert_eq!(escape_article_text("a *b* c"), "a \\*b\\* c");
        assert_eq!(escape_article_text("[x](y)"), "\\[x](y)");
        assert!(!escape_article_text("@everyone").contains("@everyone"));
    }

    #[test]
    fn escaping_removes_controls_and_direction_overrides() {
        let out = escape_user_text("a\u{0}b\u{202E}c\u{7}d\u{2066}e");
        assert_eq!(out, "abcde");
    }

    #[test]
    fn cut_respects_char_boundaries_and_marks_the_cut() {
        let text = "héllo 🌍🌍🌍 wörld";
        for max in 1..30 {
            let out = cut(text, max);
            assert!(discord_len(&out) <= max, "{max}: {out:?}");
            if discord_len(text) > max && max > 0 {
                assert!(out.ends_with(ELLIPSIS) || out.is_empty(), "{max}: {out:?}");
            }
        }
        assert_eq!(cut("short", 10), "short");
    }

    #[test]
    fn shorten_counts_characters() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abcd", 4), "abcd");
        assert_eq!(shorten("ééééé", 3), "éé…");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn escaped_text_never_holds_a_live_mention(text in "[@<>#&!0-9a-z:/. ]{0,200}") {
            let out = escape_user_text(&text);
            prop_assert!(!out.contains("@everyone") && !out.contains("@here"));
            prop_assert!(!out.contains("://"));
            let live_user = out.match_indices("<@").any(|(i, _)| {
                out[i + 2..].starts_with(|c: char| c.is_ascii_digit() || c == '!' || c == '&')
            });
            prop_assert!(!live_user);
        }
    }
}
