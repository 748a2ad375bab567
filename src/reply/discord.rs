//! The Discord rendering of a [`Reply`]: markdown with echoed text escaped, laid out as
//! message content or one embed, and fitted inside Discord's limits (quotes cut visibly).

use super::build::is_web_url;
use super::text::{
    cut, defuse_mentions_and_links, discord_len, escape_article_text, escape_user_text, one_line,
    shorten, strip_controls, ELLIPSIS,
};
use super::{
    QuoteBlock, Reply, Span, Tone, CONTENT_MAX, EMBED_DESCRIPTION_MAX, EMBED_FIELDS_MAX,
    EMBED_FIELD_NAME_MAX, EMBED_FIELD_VALUE_MAX, EMBED_FOOTER_MAX, EMBED_TITLE_MAX,
    EMBED_TOTAL_MAX,
};

/// Room kept in a description for the quotes, so a long body cannot crowd them out.
const QUOTE_RESERVE: usize = 1500;
/// A shortened quote keeps at least this many characters, or is left out.
const MIN_QUOTE_CHARS: usize = 60;

impl Reply {
    /// The reply laid out for Discord, inside its limits.
    pub fn to_discord(&self) -> DiscordLayout {
        if self.tone == Tone::Notice && self.title.is_empty() && self.quotes.is_empty() {
            let text: Vec<String> = self.body.iter().map(|l| render_line_markdown(l)).collect();
            return DiscordLayout {
                content: Some(fit_lines(&text, CONTENT_MAX)),
                embed: None,
            };
        }
        DiscordLayout {
            content: None,
            embed: Some(self.embed_layout()),
        }
    }

    fn embed_layout(&self) -> EmbedLayout {
        let title = cut(&strip_controls(&self.title), EMBED_TITLE_MAX);
        let footer = self
            .footer
            .as_deref()
            .map(|f| cut(&strip_controls(f), EMBED_FOOTER_MAX));
        let used = discord_len(&title) + footer.as_deref().map_or(0, discord_len);
        let budget = EMBED_DESCRIPTION_MAX.min(EMBED_TOTAL_MAX.saturating_sub(used));
        EmbedLayout {
            title: (!title.is_empty()).then_some(title),
            description: self.description(budget),
            fields: Vec::new(),
            footer,
            colour: self.tone.colour(),
        }
    }

    /// Notice, body and quotes as markdown, within `budget`.
    fn description(&self, budget: usize) -> String {
        let quotes: Vec<String> = self.quotes.iter().map(quote_markdown).collect();
        let quotes_len: usize = quotes.iter().map(|q| discord_len(q) + 2).sum();
        let mut lines: Vec<String> = Vec::new();
        if let Some(notice) = &self.notice {
            lines.push(format!("*{}*", escape_article_text(&shorten(notice, 300))));
        }
        lines.extend(self.body.iter().map(|l| render_line_markdown(l)));
        let head_budget = budget.saturating_sub(quotes_len.min(QUOTE_RESERVE));
        let mut out = fit_lines(&lines, head_budget);
        self.append_quotes(&mut out, &quotes, budget);
        out
    }

    /// Adds whole quotes while they fit, then at most one shortened quote, then a count of the
    /// quotes left out.
    fn append_quotes(&self, out: &mut String, rendered: &[String], budget: usize) {
        const MORE_RESERVE: usize = 40;
        for (i, (quote, block)) in self.quotes.iter().zip(rendered).enumerate() {
            let separator = if out.is_empty() { 0 } else { 2 };
            let later = self.quotes.len() - i - 1;
            let reserve = if later > 0 { MORE_RESERVE } else { 0 };
            let room = budget.saturating_sub(discord_len(out) + separator + reserve);
            if discord_len(block) <= room {
                push_paragraph(out, block);
                continue;
            }
            let room = budget.saturating_sub(discord_len(out) + separator + MORE_RESERVE);
            let shortened = shortened_quote_markdown(quote, room);
            if let Some(short) = &shortened {
                push_paragraph(out, short);
            }
            let omitted = self.quotes.len() - i - usize::from(shortened.is_some());
            let more = format!("*…{omitted} more quote(s) not shown*");
            if omitted > 0 && discord_len(out) + 2 + discord_len(&more) <= budget {
                push_paragraph(out, &more);
            }
            break;
        }
    }
}

/// A reply laid out for Discord: plain content, or one embed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscordLayout {
    pub content: Option<String>,
    pub embed: Option<EmbedLayout>,
}

/// One embed's text, already escaped and cut to Discord's limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedLayout {
    pub title: Option<String>,
    pub description: String,
    /// (name, value, inline).
    pub fields: Vec<(String, String, bool)>,
    pub footer: Option<String>,
    pub colour: u32,
}

impl EmbedLayout {
    /// All the embed's text together, as Discord counts it for the 6000 limit.
    pub fn total_len(&self) -> usize {
        self.title.as_deref().map_or(0, discord_len)
            + discord_len(&self.description)
            + self.footer.as_deref().map_or(0, discord_len)
            + self
                .fields
                .iter()
                .map(|(n, v, _)| discord_len(n) + discord_len(v))
                .sum::<usize>()
    }

    /// True when every part is inside Discord's embed limits.
    pub fn within_limits(&self) -> bool {
        self.title
            .as_deref()
            .is_none_or(|t| discord_len(t) <= EMBED_TITLE_MAX)
            && discord_len(&self.description) <= EMBED_DESCRIPTION_MAX
            && self
                .footer
                .as_deref()
                .is_none_or(|f| discord_len(f) <= EMBED_FOOTER_MAX)
            && self.fields.len() <= EMBED_FIELDS_MAX
            && self.fields.iter().all(|(n, v, _)| {
                discord_len(n) <= EMBED_FIELD_NAME_MAX && discord_len(v) <= EMBED_FIELD_VALUE_MAX
            })
            && self.total_len() <= EMBED_TOTAL_MAX
    }
}

impl DiscordLayout {
    /// True when content and embed are inside Discord's limits.
    pub fn within_limits(&self) -> bool {
        self.content
            .as_deref()
            .is_none_or(|c| discord_len(c) <= CONTENT_MAX)
            && self.embed.as_ref().is_none_or(EmbedLayout::within_limits)
    }
}

fn render_line_markdown(line: &[Span]) -> String {
    line.iter()
        .map(|span| match span {
            Span::Text(t) => escape_article_text(t),
            Span::User(t) => escape_user_text(t),
            Span::Strong(t) if t.trim().is_empty() => t.clone(),
            Span::Strong(t) => format!("**{}**", escape_article_text(t)),
            Span::Code(t) => inline_code(t),
            Span::Link { label, url } if is_web_url(url) => {
                format!("[{}]({url})", escape_user_text(label))
            }
            Span::Link { label, .. } => escape_article_text(label),
        })
        .collect()
}

/// Inline code: backticks cannot be escaped inside, so they are replaced; mentions and links
/// do not render in code, but are defused anyway.
fn inline_code(text: &str) -> String {
    let clean = defuse_mentions_and_links(&strip_controls(&one_line(text))).replace('`', "'");
    if clean.is_empty() {
        String::new()
    } else {
        format!("`{clean}`")
    }
}

fn quote_markdown(quote: &QuoteBlock) -> String {
    quote_markdown_from(&quote.text, &quote.location, false)
}

fn quote_markdown_from(text: &str, location: &str, cut: bool) -> String {
    let mut out = String::new();
    let escaped = escape_article_text(text);
    for line in escaped.lines() {
        out.push_str("> ");
        out.push_str(line);
        out.push('\n');
    }
    if cut {
        // The cut mark goes on the quote's last line, right where the text stops.
        if out.ends_with('\n') {
            out.pop();
        }
        out.push_str(ELLIPSIS);
        out.push('\n');
    }
    out.push_str(&format!("— *{}*", escape_article_text(location)));
    out
}

/// The quote shortened to fit `room` (a prefix of the real text, marked with "…" at the cut),
/// or `None` when too little of it would fit to be worth showing.
fn shortened_quote_markdown(quote: &QuoteBlock, room: usize) -> Option<String> {
    let chars: Vec<(usize, char)> = quote.text.char_indices().collect();
    let fits = |n: usize| {
        let end = chars.get(n).map_or(quote.text.len(), |(i, _)| *i);
        let prefix = quote.text[..end].trim_end();
        discord_len(&quote_markdown_from(prefix, &quote.location, true)) <= room
    };
    // Largest prefix length (in characters) that fits: binary search, `fits` is monotone.
    let (mut lo, mut hi) = (0usize, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo < MIN_QUOTE_CHARS.min(chars.len()) || lo == 0 {
        return None;
    }
    let end = chars.get(lo).map_or(quote.text.len(), |(i, _)| *i);
    // Prefer to cut between words when that loses little.
    let prefix = &quote.text[..end];
    let prefix = match prefix.rfind(char::is_whitespace) {
        Some(space) if lo >= chars.len() || end - space < 40 => &prefix[..space],
        _ => prefix,
    };
    Some(quote_markdown_from(
        prefix.trim_end(),
        &quote.location,
        true,
    ))
}

fn push_paragraph(out: &mut String, text: &str) {
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(text);
}

/// Joins lines while they fit in `budget`; a line that does not fit is cut, and the rest are
/// dropped with a final "…".
fn fit_lines(lines: &[String], budget: usize) -> String {
    let mut out = String::new();
    for line in lines {
        let separator = usize::from(!out.is_empty());
        let room = budget.saturating_sub(discord_len(&out) + separator);
        if discord_len(line) <= room {
            if separator == 1 {
                out.push('\n');
            }
            out.push_str(line);
            continue;
        }
        if room > ELLIPSIS.len() {
            if separator == 1 {
                out.push('\n');
            }
            out.push_str(&cut_markdown(line, room));
        }
        break;
    }
    out
}

/// Cuts markdown text to `max` (UTF-16 units) on a character boundary, ending in "…", without
/// leaving a dangling escape backslash.
fn cut_markdown(text: &str, max: usize) -> String {
    let mut cut_text = cut(text, max);
    if let Some(stripped) = cut_text.strip_suffix(ELLIPSIS) {
        let trailing = stripped.chars().rev().take_while(|&c| c == '\\').count();
        if trailing % 2 == 1 {
            cut_text = format!("{}{ELLIPSIS}", &stripped[..stripped.len() - 1]);
        }
    }
    cut_text
}

#[cfg(test)]
mod tests {
    use crate::reply::cooldown_reply;

    #[test]
    fn notices_are_plain_content() {
        let layout = cooldown_reply(5).to_discord();
        assert!(layout.embed.is_none());
        assert!(layout.content.expect("content").contains("5 s"));
    }
}
