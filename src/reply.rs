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

use crate::answer::{Answer, Citation, DeclineReason, MAX_INPUT_CHARS};
use crate::engine::Engine;
use crate::factcheck::{CheckResult, Verdict};
use crate::knowledge::Pack;

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

/// Marks text that was cut.
pub const ELLIPSIS: &str = "…";
/// Inserted to defuse mentions and links without changing how the text looks.
const ZERO_WIDTH_SPACE: char = '\u{200B}';
/// Longest echo of a user's text (a claim, a typed command) inside a reply, in characters.
const ECHO_MAX_CHARS: usize = 300;
/// Room kept in a description for the quotes, so a long body cannot crowd them out.
const QUOTE_RESERVE: usize = 1500;
/// A shortened quote keeps at least this many characters, or is left out.
const MIN_QUOTE_CHARS: usize = 60;

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

// ----- building replies from engine results ----------------------------------------------------

/// The reply to a question. `prefix` is how commands are written where the reply is shown
/// (`!` in chat, `/` for slash commands) and is used for suggestions.
pub fn answer_reply(engine: &Engine, answer: &Answer, prefix: &str) -> Reply {
    let pack = answer.pack.and_then(|p| engine.packs().get(p));
    let mut reply = if answer.answered {
        answered_reply(engine, answer, pack)
    } else {
        declined_reply(answer, prefix)
    };
    if answer.truncated {
        reply.notice = Some(cut_input_notice("question"));
    }
    reply.footer = source_footer(engine, pack, &answer.citations);
    reply
}

fn answered_reply(engine: &Engine, answer: &Answer, pack: Option<&Pack>) -> Reply {
    let topic = answer.topic.as_deref().and_then(|c| engine.topic(c));
    let title = topic.map_or("From the article", |(_, t)| t.title.as_str());
    let mut reply = Reply::new(Tone::Answer, title);
    let first_quote = answer.citations.first().map(|c| c.quote.as_str());
    if !answer.answer.trim().is_empty() && first_quote != Some(answer.answer.as_str()) {
        reply = reply.text_line(answer.answer.clone());
    }
    if let Some(other) = answer.also_in.and_then(|p| engine.packs().get(p)) {
        if pack.is_none_or(|p| p.id != other.id) {
            reply = reply.line(vec![
                Span::Text("Also covered in ".into()),
                Span::Strong(other.title().to_owned()),
                Span::Text(
                    ": add details from that story to your question to get its answer.".into(),
                ),
            ]);
        }
    }
    reply.quotes = answer.citations.iter().map(quote_block).collect();
    reply
}

fn declined_reply(answer: &Answer, prefix: &str) -> Reply {
    // A message with no words to match is an invitation to ask, not a miss.
    let title = if answer.declined == Some(DeclineReason::NoWords) {
        "Ask me about the article"
    } else {
        "Not in the article"
    };
    let mut reply = Reply::new(Tone::Declined, title).text_line(answer.answer.clone());
    if !answer.suggestions.is_empty() {
        let mut line = vec![Span::Text("It does cover: ".into())];
        for (i, command) in answer.suggestions.iter().enumerate() {
            if i > 0 {
                line.push(Span::Text(" · ".into()));
            }
            line.push(Span::Code(format!("{prefix}{command}")));
        }
        reply = reply.line(line);
    }
    reply.line(vec![
        Span::Text("Every topic: ".into()),
        Span::Code(format!("{prefix}facts")),
    ])
}

/// The reply to a fact check: the verdict first, then the claim it checked, the explanation and
/// the evidence.
pub fn check_reply(engine: &Engine, result: &CheckResult) -> Reply {
    let pack = result.pack.and_then(|p| engine.packs().get(p));
    let tone = match result.verdict {
        Verdict::Supported => Tone::Supported,
        Verdict::Refuted => Tone::Refuted,
        Verdict::NotEnoughInfo => Tone::NotInSource,
    };
    let mut reply = Reply::new(tone, verdict_title(result.verdict))
        .line(vec![
            Span::Strong("Claim:".into()),
            Span::Text(" ".into()),
            Span::User(shorten(&one_line(&result.claim), ECHO_MAX_CHARS)),
        ])
        .text_line(result.explanation.clone());
    for part in &result.parts {
        reply = reply.line(vec![
            Span::Text("• ".into()),
            Span::Strong(part.verdict.label().to_owned()),
            Span::Text(": ".into()),
            Span::User(shorten(&one_line(&part.claim), ECHO_MAX_CHARS / 2)),
        ]);
    }
    if result.truncated {
        reply.notice = Some(cut_input_notice("claim"));
    }
    reply.quotes = result.evidence.iter().map(quote_block).collect();
    reply.footer = source_footer(engine, pack, &result.evidence);
    reply
}

/// The title of a verdict, with a symbol that reads at a glance.
pub fn verdict_title(verdict: Verdict) -> String {
    let symbol = match verdict {
        Verdict::Supported => "✅",
        Verdict::Refuted => "❌",
        Verdict::NotEnoughInfo => "❔",
    };
    format!("{symbol} {}", verdict.label())
}

/// The curated topics, per pack. `scope` limits the packs listed (`None`: all).
pub fn topics_reply(engine: &Engine, prefix: &str, scope: Option<&[usize]>) -> Reply {
    let packs = packs_in_scope(engine, scope);
    let mut reply = Reply::new(Tone::Info, "Topics I can answer");
    let several = packs.len() > 1;
    for (_, pack) in &packs {
        if several {
            reply = reply.line(vec![Span::Strong(pack.title().to_owned())]);
        }
        if pack.topics.is_empty() {
            reply = reply.text_line("No curated topics: ask me anything about this article.");
        }
        for topic in &pack.topics {
            reply = reply.line(vec![
                Span::Code(format!("{prefix}{}", topic.command)),
                Span::Text(format!(" — {}", topic.summary)),
            ]);
        }
    }
    if packs.is_empty() {
        reply = reply.text_line("No articles are available here.");
    }
    reply.footer(format!(
        "Or ask in your own words: {prefix}ask <question>. Answers quote the article word for word."
    ))
}

/// Which article(s) answers come from, with their metadata.
pub fn source_reply(engine: &Engine, scope: Option<&[usize]>) -> Reply {
    let packs = packs_in_scope(engine, scope);
    let title = if packs.len() == 1 {
        "Source"
    } else {
        "Sources"
    };
    let mut reply = Reply::new(Tone::Info, title);
    for (i, (_, pack)) in packs.iter().enumerate() {
        if i > 0 {
            reply = reply.text_line("");
        }
        reply = reply.line(vec![Span::Strong(pack.title().to_owned())]);
        if pack.title() != pack.headline {
            reply = reply.text_line(format!("Headline: {}", pack.headline));
        }
        let byline: Vec<&str> = [pack.meta.publisher.as_deref(), pack.meta.date.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect();
        if !byline.is_empty() {
            reply = reply.text_line(byline.join(", "));
        }
        if let Some(url) = pack.meta.url.as_deref().filter(|u| is_web_url(u)) {
            reply = reply.line(vec![Span::Link {
                label: "Read the article".into(),
                url: url.to_owned(),
            }]);
        }
        let paragraphs = pack.sentences.last().map_or(0, |s| s.paragraph);
        reply = reply.line(vec![
            Span::Text("Pack ".into()),
            Span::Code(pack.id.clone()),
            Span::Text(format!(
                ": {paragraphs} paragraphs, {} sentences, {} curated topics",
                pack.sentences.len(),
                pack.topics.len()
            )),
        ]);
    }
    if packs.is_empty() {
        reply = reply.text_line("No articles are available here.");
    }
    reply.footer("Every answer is a word-for-word quote from this source, with its paragraph.")
}

/// What the bot can do, with commands written with `prefix`.
pub fn help_reply(prefix: &str) -> Reply {
    let code = |s: &str| Span::Code(format!("{prefix}{s}"));
    let text = |s: &str| Span::Text(s.to_owned());
    Reply::new(
        Tone::Info,
        "factdesk: answers from the article, quoted word for word",
    )
    .line(vec![
        code("ask <question>"),
        text(" or "),
        Span::Code("/ask".into()),
        text(": ask in your own words."),
    ])
    .line(vec![text(
        "Mention me with a question, or send me a DM: same answer, as a reply.",
    )])
    .line(vec![
        code("facts"),
        text(": the topics I know, each one a command (e.g. "),
        code("<topic>"),
        text(")."),
    ])
    .line(vec![code("source"), text(": the article I answer from.")])
    .line(vec![text(
        "If the article doesn't say, I tell you so. I never answer from anywhere else.",
    )])
    .text_line("")
    .line(vec![Span::Strong("Moderators".into())])
    .line(vec![
        code("factcheck <claim>"),
        text(" or "),
        Span::Code("/factcheck".into()),
        text(": check a claim against the article."),
    ])
    .line(vec![
        text("Reply to a message with "),
        code("factcheck"),
        text(", or use Apps → "),
        Span::Strong("Fact-check message".into()),
        text(", to check that message."),
    ])
    .line(vec![
        code("reload"),
        text(": reload the knowledge packs from disk."),
    ])
    .footer("Replies never ping anyone.")
}

/// "Did you mean" for an unknown command `typed` (as the user wrote it, without prefix).
pub fn did_you_mean_reply(typed: &str, suggestions: &[String], prefix: &str) -> Reply {
    let typed = shorten(&one_line(typed), 40);
    let mut reply = Reply::new(Tone::Info, "Unknown command").line(vec![
        Span::Text("I don't know ".into()),
        Span::Code(format!("{prefix}{typed}")),
        Span::Text(".".into()),
    ]);
    if suggestions.is_empty() {
        reply = reply.line(vec![
            Span::Text("See ".into()),
            Span::Code(format!("{prefix}help")),
            Span::Text(" for what I can do.".into()),
        ]);
    } else {
        let mut line = vec![Span::Text("Did you mean ".into())];
        for (i, s) in suggestions.iter().enumerate() {
            if i > 0 {
                line.push(Span::Text(" or ".into()));
            }
            line.push(Span::Code(format!("{prefix}{s}")));
        }
        line.push(Span::Text("?".into()));
        reply = reply.line(line);
    }
    reply
}

/// A topic command whose pack is not available where it was used.
pub fn topic_unavailable_reply(command: &str, prefix: &str) -> Reply {
    Reply::new(Tone::Info, "Not available here").line(vec![
        Span::Code(format!("{prefix}{}", shorten(command, 40))),
        Span::Text(" is about an incident this server doesn't follow. See ".into()),
        Span::Code(format!("{prefix}facts")),
        Span::Text(".".into()),
    ])
}

/// The polite notice, sent once per cooldown window.
pub fn cooldown_reply(wait_secs: u64) -> Reply {
    Reply::notice(format!(
        "You're asking faster than I answer: I'll take your next question in {wait_secs} s."
    ))
}

/// The refusal for members who may not fact-check or reload.
pub fn moderators_only_reply() -> Reply {
    Reply::notice(
        "Only moderators can do that (members with Manage Messages, or a moderator role).",
    )
}

/// A fact check asked for, but no claim to check.
pub fn missing_claim_reply(prefix: &str) -> Reply {
    Reply::new(Tone::Info, "What should I check?").line(vec![
        Span::Code(format!("{prefix}factcheck <claim>")),
        Span::Text(", or reply to a member's message with ".into()),
        Span::Code(format!("{prefix}factcheck")),
        Span::Text(".".into()),
    ])
}

/// The message to fact-check has no readable text.
pub fn unreadable_message_reply() -> Reply {
    Reply::new(Tone::Info, "Nothing to check").text_line(
        "I can't read any text in that message (it may hold only attachments, or I lack the \
         Message Content intent). Use Apps → Fact-check message on it instead, or type the claim.",
    )
}

/// `ask` without a question.
pub fn missing_question_reply(prefix: &str) -> Reply {
    Reply::new(Tone::Info, "What would you like to know?").line(vec![
        Span::Code(format!("{prefix}ask <question>")),
        Span::Text(", for example ".into()),
        Span::Code(format!("{prefix}ask who hacked Sony?")),
    ])
}

/// A reload that worked.
pub fn reload_ok_reply(summary: &str) -> Reply {
    Reply::new(Tone::Supported, "Knowledge reloaded").text_line(summary.to_owned())
}

/// A reload that failed: the old knowledge keeps serving.
pub fn reload_failed_reply(error: &str) -> Reply {
    Reply::new(
        Tone::Problem,
        "Reload failed: still serving the previous knowledge",
    )
    .text_line(shorten(error, 1500))
}

/// Something failed on the bot's side.
pub fn internal_error_reply() -> Reply {
    Reply::new(Tone::Problem, "Something went wrong")
        .text_line("That failed on my side. Please try again in a moment.")
}

fn cut_input_notice(what: &str) -> String {
    format!("Your {what} was longer than {MAX_INPUT_CHARS} characters; I read only the first {MAX_INPUT_CHARS}.")
}

fn quote_block(citation: &Citation) -> QuoteBlock {
    QuoteBlock {
        text: citation.quote.clone(),
        location: location(citation),
    }
}

/// Where a quote stands: "¶7, sentence 1".
pub fn location(citation: &Citation) -> String {
    format!("¶{}, sentence {}", citation.paragraph, citation.sentence)
}

/// "Source: headline (¶3, ¶7) · publisher, date · pack".
fn source_footer(engine: &Engine, pack: Option<&Pack>, citations: &[Citation]) -> Option<String> {
    let pack = pack.or_else(|| {
        let first = citations.first()?;
        engine.packs().iter().find(|p| p.id == first.source)
    })?;
    let mut footer = format!("Source: {}", pack.headline);
    let mut paragraphs: Vec<usize> = Vec::new();
    for citation in citations {
        if !paragraphs.contains(&citation.paragraph) {
            paragraphs.push(citation.paragraph);
        }
    }
    if !paragraphs.is_empty() {
        let list: Vec<String> = paragraphs.iter().map(|p| format!("¶{p}")).collect();
        footer.push_str(&format!(" ({})", list.join(", ")));
    }
    for part in [pack.meta.publisher.as_deref(), pack.meta.date.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
    {
        footer.push_str(&format!(" · {part}"));
    }
    if engine.packs().len() > 1 {
        footer.push_str(&format!(" · {}", pack.id));
    }
    Some(footer)
}

fn packs_in_scope<'e>(engine: &'e Engine, scope: Option<&[usize]>) -> Vec<(usize, &'e Pack)> {
    engine
        .packs()
        .iter()
        .enumerate()
        .filter(|(i, _)| scope.is_none_or(|s| s.contains(i)))
        .collect()
}

fn is_web_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(|c: char| c.is_whitespace() || c == ')' || c == '>')
}

// ----- rendering --------------------------------------------------------------------------------

fn render_line_plain(line: &[Span]) -> String {
    line.iter()
        .map(|span| match span {
            Span::Text(t) | Span::User(t) | Span::Strong(t) | Span::Code(t) => t.clone(),
            Span::Link { label, url } => format!("{label}: {url}"),
        })
        .collect()
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

// ----- text utilities ---------------------------------------------------------------------------

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
fn defuse_mentions_and_links(text: &str) -> String {
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
    use crate::answer::Citation;
    use crate::factcheck::PartCheck;
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
    fn curated_topic_answer_uses_the_topic_title() {
        let engine = engine();
        let answer = engine.topic_answer("who-hacked").expect("topic");
        let reply = answer_reply(&engine, &answer, "!");
        assert_eq!(reply.title, "Who hacked Sony");
        assert!(reply
            .to_plain_text()
            .contains("Guardians of Peace took responsibility"));
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
    fn notices_are_plain_content() {
        let layout = cooldown_reply(5).to_discord();
        assert!(layout.embed.is_none());
        assert!(layout.content.expect("content").contains("5 s"));
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
