//! Building a [`Reply`] from the engine's results: answers, fact checks, topic and source
//! lists, help, and the short fixed replies (cooldown, refusals, reload, errors).

use super::text::{one_line, shorten};
use super::{QuoteBlock, Reply, Span, Tone};
use crate::answer::{Answer, Citation, DeclineReason, MAX_INPUT_CHARS};
use crate::engine::Engine;
use crate::factcheck::{CheckResult, Verdict};
use crate::knowledge::Pack;

/// Longest echo of a user's text (a claim, a typed command) inside a reply, in characters.
const ECHO_MAX_CHARS: usize = 300;

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

pub(super) fn is_web_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(|c: char| c.is_whitespace() || c == ')' || c == '>')
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_pack::engine;

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
}
