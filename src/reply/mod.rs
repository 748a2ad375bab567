//! Replies as a person sees them, independent of where they are shown.
//!
//! This module owns the *reply model* ([`Reply`]: title, body lines, verbatim quotes, footer,
//! tone) and the functions that build one from the engine's results ([`answer_reply`],
//! [`check_reply`], [`topics_reply`], [`source_reply`], [`help_reply`], ...). It also owns the
//! two renderings every front end uses:
//! - [`Reply::to_plain_text`] for the console and the CLI: raw text, no markdown, no limits;
//! - [`Reply::to_discord`] for the bot: markdown with every piece of echoed text escaped
//!   ([`escape_user_text`]), laid out inside Discord's message and embed limits, cut on character
//!   boundaries. A quote that must be shortened stays a prefix of the real text and is marked
//!   with "…" where it was cut; it is never changed silently.
//!
//! Lengths are measured in UTF-16 code units, which is never less than the number of characters,
//! so a layout within these limits is within Discord's however it counts.

mod build;
mod discord;
mod text;

pub use build::{
    answer_reply, check_reply, cooldown_reply, did_you_mean_reply, help_reply,
    internal_error_reply, location, missing_claim_reply, missing_question_reply,
    moderators_only_reply, reload_failed_reply, reload_ok_reply, source_reply,
    topic_unavailable_reply, topics_reply, unreadable_message_reply, verdict_title,
};
pub use discord::{DiscordLayout, EmbedLayout};
pub use text::{
    cut, discord_len, escape_article_text, escape_user_text, one_line, shorten, strip_controls,
    ELLIPSIS,
};

/// Most characters in a message's content.
pub const CONTENT_MAX: usize = 2000;
/// Most characters in an embed title.
pub const EMBED_TITLE_MAX: usize = 256;
/// Most characters in an embed description.
pub const EMBED_DESCRIPTION_MAX: usize = 4096;
/// Most characters in an embed field name.
pub const EMBED_FIELD_NAME_MAX: usize = 256;
/// Most characters in an embed field value.
pub const EMBED_FIELD_VALUE_MAX: usize = 1024;
/// Most characters in an embed footer.
pub const EMBED_FOOTER_MAX: usize = 2048;
/// Most fields in an embed.
pub const EMBED_FIELDS_MAX: usize = 25;
/// Most characters in all of an embed's text together.
pub const EMBED_TOTAL_MAX: usize = 6000;

/// The mood of a reply: its colour in Discord.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// An answer with quotes.
    Answer,
    /// The article does not answer the question.
    Declined,
    /// A fact check found the claim supported.
    Supported,
    /// A fact check found the claim refuted.
    Refuted,
    /// A fact check found nothing in the source to settle the claim.
    NotInSource,
    /// Lists and help.
    Info,
    /// A short notice (cooldown, refusal): sent as plain message content.
    Notice,
    /// Something failed.
    Problem,
}

impl Tone {
    /// The embed colour (RGB).
    pub fn colour(self) -> u32 {
        match self {
            Tone::Answer => 0x5865F2,
            Tone::Declined => 0x99AAB5,
            Tone::Supported => 0x2ECC71,
            Tone::Refuted => 0xE74C3C,
            Tone::NotInSource => 0x95A5A6,
            Tone::Info => 0x3498DB,
            Tone::Notice => 0xF1C40F,
            Tone::Problem => 0xE67E22,
        }
    }
}

/// A piece of a body line. Text is stored raw; each rendering escapes it as it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Text from the article, a curated file or the bot itself: lightly escaped in Discord
    /// ([`escape_article_text`]).
    Text(String),
    /// Text a user typed, echoed back: fully escaped in Discord ([`escape_user_text`]).
    User(String),
    /// Bold text.
    Strong(String),
    /// A command or identifier shown as inline code.
    Code(String),
    /// A link whose address comes from a trusted file (`pack.toml`).
    Link { label: String, url: String },
}

/// One line of a body.
pub type Line = Vec<Span>;

/// A verbatim quote and where it stands in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteBlock {
    /// Byte-exact text from the article.
    pub text: String,
    /// Where it stands, e.g. "¶7, sentence 1".
    pub location: String,
}

/// A reply, before it is laid out for a transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub tone: Tone,
    pub title: String,
    /// A one-line note shown first (e.g. "your question was cut").
    pub notice: Option<String>,
    pub body: Vec<Line>,
    pub quotes: Vec<QuoteBlock>,
    /// Plain text (Discord does not render markdown in footers).
    pub footer: Option<String>,
}

impl Reply {
    /// An empty reply with a tone and title.
    pub fn new(tone: Tone, title: impl Into<String>) -> Reply {
        Reply {
            tone,
            title: title.into(),
            notice: None,
            body: Vec::new(),
            quotes: Vec::new(),
            footer: None,
        }
    }

    /// A short notice without a title (sent as message content in Discord).
    pub fn notice(text: impl Into<String>) -> Reply {
        let mut reply = Reply::new(Tone::Notice, "");
        reply.body.push(vec![Span::Text(text.into())]);
        reply
    }

    /// Adds a body line.
    pub fn line(mut self, spans: Line) -> Reply {
        self.body.push(spans);
        self
    }

    /// Adds a body line of plain text.
    pub fn text_line(self, text: impl Into<String>) -> Reply {
        self.line(vec![Span::Text(text.into())])
    }

    /// Sets the footer.
    pub fn footer(mut self, footer: impl Into<String>) -> Reply {
        self.footer = Some(footer.into());
        self
    }

    /// The reply as plain text, for a terminal: no markdown, nothing escaped or cut.
    pub fn to_plain_text(&self) -> String {
        let mut out = String::new();
        if !self.title.is_empty() {
            out.push_str(&self.title);
            out.push('\n');
        }
        if let Some(notice) = &self.notice {
            out.push_str(&format!("({notice})\n"));
        }
        for line in &self.body {
            out.push_str(&render_line_plain(line));
            out.push('\n');
        }
        for quote in &self.quotes {
            out.push('\n');
            for text_line in quote.text.lines() {
                out.push_str(&format!("  > {text_line}\n"));
            }
            out.push_str(&format!("    — {}\n", quote.location));
        }
        if let Some(footer) = &self.footer {
            out.push('\n');
            out.push_str(footer);
            out.push('\n');
        }
        out
    }
}

fn render_line_plain(line: &[Span]) -> String {
    line.iter()
        .map(|span| match span {
            Span::Text(t) | Span::User(t) | Span::Strong(t) | Span::Code(t) => t.clone(),
            Span::Link { label, url } => format!("{label}: {url}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answer, Citation};
    use crate::factcheck::{CheckResult, PartCheck, Verdict};
    use proptest::prelude::*;

    use crate::test_pack::engine;

    fn citation(quote: &str, paragraph: usize) -> Citation {
        Citation {
            quote: quote.into(),
            source: "sony".into(),
            paragraph,
            sentence: 1,
        }
    }

    fn answer_with(citations: Vec<Citation>) -> Answer {
        Answer {
            question: "q".into(),
            answered: true,
            answer: "A summary.".into(),
            citations,
            confidence: 1.0,
            suggestions: Vec::new(),
            topic: None,
            pack: Some(0),
            also_in: None,
            truncated: false,
            declined: None,
        }
    }

    fn check_with(claim: &str, verdict: Verdict, evidence: Vec<Citation>) -> CheckResult {
        CheckResult {
            claim: claim.into(),
            verdict,
            evidence,
            explanation: "Explained.".into(),
            confidence: 0.5,
            parts: Vec::new(),
            pack: Some(0),
            truncated: false,
        }
    }

    fn embed(reply: &Reply) -> EmbedLayout {
        let layout = reply.to_discord();
        assert!(layout.within_limits(), "outside limits: {layout:?}");
        layout.embed.expect("an embed")
    }

    #[test]
    fn answer_shows_quotes_locations_and_source() {
        let engine = engine();
        let quote = "The FBI pointed to North Korea.";
        let reply = answer_reply(&engine, &answer_with(vec![citation(quote, 2)]), "!");
        assert_eq!(reply.quotes[0].text, quote);
        assert_eq!(reply.quotes[0].location, "¶2, sentence 1");
        let embed = embed(&reply);
        assert!(embed.description.contains(&format!("> {quote}")));
        assert!(embed.description.contains("¶2, sentence 1"));
        let footer = embed.footer.expect("footer");
        assert!(footer.contains("Sony hack blamed on hackers"), "{footer}");
        assert!(footer.contains("¶2"), "{footer}");
        let plain = reply.to_plain_text();
        assert!(plain.contains(quote) && plain.contains("A summary."));
    }

    #[test]
    fn declined_answer_suggests_topics_with_the_prefix() {
        let engine = engine();
        let mut answer = answer_with(Vec::new());
        answer.answered = false;
        answer.answer = "The article doesn't say.".into();
        answer.suggestions = vec!["who-hacked".into()];
        let reply = answer_reply(&engine, &answer, "?");
        assert_eq!(reply.tone, Tone::Declined);
        let embed = embed(&reply);
        assert!(
            embed.description.contains("`?who-hacked`"),
            "{}",
            embed.description
        );
    }

    #[test]
    fn long_quotes_are_cut_visibly_and_stay_prefixes() {
        let engine = engine();
        let long: String = "word ".repeat(1500);
        let citations = vec![citation(&long, 2), citation(&long, 3), citation(&long, 4)];
        let reply = answer_reply(&engine, &answer_with(citations), "!");
        let embed = embed(&reply);
        assert!(embed.description.contains(ELLIPSIS));
        assert!(embed.description.contains("more quote(s) not shown"));
        // The shown part of the first quote is a prefix of the real text.
        let shown: String = embed
            .description
            .lines()
            .filter_map(|l| l.strip_prefix("> "))
            .collect::<Vec<_>>()
            .join("\n");
        let shown = shown.trim_end_matches(ELLIPSIS);
        assert!(!shown.is_empty());
        assert!(long.starts_with(shown), "not a prefix");
    }

    #[test]
    fn many_long_quotes_stay_within_the_total_limit() {
        let engine = engine();
        let long: String = "x".repeat(1000);
        let citations = (1..=5).map(|p| citation(&long, p)).collect();
        let mut answer = answer_with(citations);
        answer.answer = "s".repeat(5000);
        answer.truncated = true;
        let embed = embed(&answer_reply(&engine, &answer, "!"));
        assert!(embed.total_len() <= EMBED_TOTAL_MAX);
        assert!(
            embed.description.contains("> xxx"),
            "the first quote keeps room"
        );
    }

    #[test]
    fn fact_check_shows_verdict_colour_and_escaped_claim() {
        let engine = engine();
        let evidence = vec![citation("North Korea denied any involvement.", 3)];
        let result = check_with("@everyone NK **did** it", Verdict::Refuted, evidence);
        let reply = check_reply(&engine, &result);
        let embed = embed(&reply);
        assert_eq!(embed.title.as_deref(), Some("❌ Refuted"));
        assert_eq!(embed.colour, Tone::Refuted.colour());
        assert!(embed.description.contains("**Claim:**"));
        assert!(!embed.description.contains("@everyone"));
        assert!(embed.description.contains("\\*\\*did\\*\\*"));
        assert!(embed
            .description
            .contains("> North Korea denied any involvement."));
        let supported = check_reply(&engine, &check_with("x", Verdict::Supported, Vec::new()));
        assert_eq!(embed_colour(&supported), Tone::Supported.colour());
        let unknown = check_reply(
            &engine,
            &check_with("x", Verdict::NotEnoughInfo, Vec::new()),
        );
        assert_eq!(embed_colour(&unknown), Tone::NotInSource.colour());
        assert_eq!(unknown.title, "❔ Not in the source");
    }

    fn embed_colour(reply: &Reply) -> u32 {
        embed(reply).colour
    }

    #[test]
    fn fact_check_of_a_huge_claim_fits() {
        let engine = engine();
        let claim = "<@1234567890> ".repeat(8000);
        let mut result = check_with(&claim, Verdict::NotEnoughInfo, Vec::new());
        result.truncated = true;
        result.parts = (0..40)
            .map(|_| PartCheck {
                claim: claim.clone(),
                verdict: Verdict::Supported,
                evidence: Vec::new(),
                explanation: String::new(),
                confidence: 0.0,
            })
            .collect();
        let embed = embed(&check_reply(&engine, &result));
        assert!(!embed.description.contains("<@1"));
    }

    #[test]
    fn lists_and_help_render() {
        let engine = engine();
        let topics = embed(&topics_reply(&engine, "!", None));
        assert!(topics.description.contains("`!who-hacked`"));
        let source = embed(&source_reply(&engine, None));
        assert!(source.description.contains("Sony hack blamed on hackers"));
        let help = embed(&help_reply("!"));
        assert!(help.description.contains("`!factcheck <claim>`"));
        let none = embed(&topics_reply(&engine, "!", Some(&[])));
        assert!(none.description.contains("No articles"));
    }

    #[test]
    fn did_you_mean_echo_is_defused() {
        let reply = did_you_mean_reply("@everyone`x`", &["who-hacked".into()], "!");
        let embed = embed(&reply);
        assert!(
            !embed.description.contains("@everyone"),
            "{}",
            embed.description
        );
        assert!(embed.description.contains("`!who-hacked`"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn any_claim_fits_discord(claim in ".{0,6000}", quote in ".{0,3000}") {
            let engine = engine();
            let evidence = vec![citation(&quote, 1), citation(&quote, 2)];
            let reply = check_reply(&engine, &check_with(&claim, Verdict::Supported, evidence));
            prop_assert!(reply.to_discord().within_limits());
        }
    }
}
