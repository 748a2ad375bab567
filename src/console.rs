//! The local chat loop: the bot's answers on a terminal, without Discord.
//!
//! This module owns reading lines, telling commands from questions, and printing the very same
//! [`Reply`] the bot would send, rendered as plain text. It works over any `BufRead` / `Write`
//! pair so tests can drive it with strings.
//!
//! Lines are read as in a Discord channel: `!who-hacked` (any topic), `!facts`, `!source`,
//! `!ask <question>`, `factcheck <claim>` (or `check <claim>`), `help`, `quit` / `exit`; the
//! prefix is optional for the built-in words, and any other line is a question.

use std::io::{self, BufRead, Write};

use crate::answer::Conversation;
use crate::config::DEFAULT_PREFIX;
use crate::engine::Engine;
use crate::reply::{self, Reply, Span, Tone};

/// What one line of input asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Nothing (an empty line).
    Nothing,
    Quit,
    Help,
    Facts,
    Source,
    Ask(String),
    Check(String),
    Topic(String),
    /// A prefixed word that is no command.
    Unknown(String),
}

/// What the console does with one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Nothing,
    Quit,
    Reply(Reply),
}

/// The chat loop over an engine.
#[derive(Debug)]
pub struct Console<'e> {
    engine: &'e Engine,
    prefix: String,
    interactive: bool,
    /// The questions asked so far are one conversation ([`Conversation`]).
    conversation: Conversation,
}

impl<'e> Console<'e> {
    /// A console with the default prefix, printing no banner or prompt.
    pub fn new(engine: &'e Engine) -> Console<'e> {
        Console {
            engine,
            prefix: DEFAULT_PREFIX.to_owned(),
            interactive: false,
            conversation: Conversation::new(),
        }
    }

    /// Uses `prefix` for commands (as the bot is configured).
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> Console<'e> {
        self.prefix = prefix.into();
        self
    }

    /// Prints a banner and a prompt (for a person at a terminal).
    pub fn interactive(mut self, interactive: bool) -> Console<'e> {
        self.interactive = interactive;
        self
    }

    /// Reads lines until end of input or `quit`, answering each.
    pub fn run<R: BufRead, W: Write>(&mut self, input: R, mut output: W) -> io::Result<()> {
        if self.interactive {
            writeln!(output, "{}", self.banner())?;
        }
        let mut lines = input.lines();
        loop {
            if self.interactive {
                write!(output, "> ")?;
                output.flush()?;
            }
            let Some(line) = lines.next().transpose()? else {
                break;
            };
            match self.respond(&line) {
                Response::Nothing => {}
                Response::Quit => break,
                Response::Reply(reply) => {
                    writeln!(output, "{}", reply.to_plain_text())?;
                    output.flush()?;
                }
            }
        }
        Ok(())
    }

    /// The response to one line.
    pub fn respond(&mut self, line: &str) -> Response {
        let prefix = self.prefix.as_str();
        match parse_request(line, prefix, self.engine) {
            Request::Nothing => Response::Nothing,
            Request::Quit => Response::Quit,
            Request::Help => Response::Reply(console_help(prefix)),
            Request::Facts => Response::Reply(reply::topics_reply(self.engine, prefix, None)),
            Request::Source => Response::Reply(reply::source_reply(self.engine, None)),
            Request::Ask(question) if question.trim().is_empty() => {
                Response::Reply(reply::missing_question_reply(prefix))
            }
            Request::Ask(question) => {
                let answer = self.conversation.ask(self.engine, &question, None);
                Response::Reply(reply::answer_reply(self.engine, &answer, prefix))
            }
            Request::Check(claim) if claim.trim().is_empty() => {
                Response::Reply(reply::missing_claim_reply(prefix))
            }
            Request::Check(claim) => {
                let result = self.engine.check(&claim);
                Response::Reply(reply::check_reply(self.engine, &result))
            }
            Request::Topic(command) => Response::Reply(self.topic(&command)),
            Request::Unknown(typed) => {
                let suggestions = self.engine.similar_topics(&typed, 3);
                Response::Reply(reply::did_you_mean_reply(&typed, &suggestions, prefix))
            }
        }
    }

    fn topic(&self, command: &str) -> Reply {
        match self.engine.topic_answer(command) {
            Some(answer) => reply::answer_reply(self.engine, &answer, &self.prefix),
            None => reply::did_you_mean_reply(
                command,
                &self.engine.similar_topics(command, 3),
                &self.prefix,
            ),
        }
    }

    fn banner(&self) -> String {
        let about = match self.engine.packs() {
            [pack] => format!("“{}”", pack.title()),
            packs => format!("{} articles", packs.len()),
        };
        format!("factdesk console: ask me about {about}. Type help for commands, quit to leave.")
    }
}

/// Tells a command from a question.
pub fn parse_request(line: &str, prefix: &str, engine: &Engine) -> Request {
    let line = line.trim();
    if line.is_empty() {
        return Request::Nothing;
    }
    let (prefixed, rest) = match line.strip_prefix(prefix).or_else(|| line.strip_prefix('/')) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, line),
    };
    let (word, args) = match rest.split_once(char::is_whitespace) {
        Some((word, args)) => (word, args.trim()),
        None => (rest, ""),
    };
    let word = word.to_lowercase();
    let alone = args.is_empty();
    match word.as_str() {
        "quit" | "exit" if alone => Request::Quit,
        "help" if alone => Request::Help,
        "facts" | "topics" if alone => Request::Facts,
        "source" if alone => Request::Source,
        "factcheck" | "check" | "fact-check" => Request::Check(args.to_owned()),
        "ask" if prefixed || !alone => Request::Ask(args.to_owned()),
        _ if engine.topic(&word).is_some() && (prefixed || alone) => Request::Topic(word),
        _ if prefixed && !word.is_empty() => Request::Unknown(word),
        _ => Request::Ask(line.to_owned()),
    }
}

/// Help for the console: the bot's commands, as typed here.
pub fn console_help(prefix: &str) -> Reply {
    let code = |s: String| Span::Code(s);
    let text = |s: &str| Span::Text(s.to_owned());
    Reply::new(Tone::Info, "factdesk console")
        .text_line("Type a question in your own words; I answer with quotes from the article.")
        .line(vec![code(format!("{prefix}facts")), text(": the topics I know; each one is a command.")])
        .line(vec![code(format!("{prefix}<topic>")), text(": a topic's answer, e.g. one listed by facts.")])
        .line(vec![code(format!("{prefix}source")), text(": the article I answer from.")])
        .line(vec![code("factcheck <claim>".into()), text(" (or "), code("check <claim>".into()), text("): check a claim against the article.")])
        .line(vec![code("quit".into()), text(": leave.")])
        .footer("In Discord the same answers come from the bot; mention it, DM it, or use its commands.")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_pack::engine;

    fn run(input: &str) -> String {
        let engine = engine();
        let mut out = Vec::new();
        Console::new(&engine)
            .run(input.as_bytes(), &mut out)
            .expect("console runs");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn parses_commands_and_questions() {
        let engine = engine();
        let parse = |l: &str| parse_request(l, "!", &engine);
        assert_eq!(parse("   "), Request::Nothing);
        assert_eq!(parse("quit"), Request::Quit);
        assert_eq!(parse("EXIT"), Request::Quit);
        assert_eq!(parse("!help"), Request::Help);
        assert_eq!(parse("help"), Request::Help);
        assert_eq!(parse("facts"), Request::Facts);
        assert_eq!(parse("!source"), Request::Source);
        assert_eq!(parse("!who-hacked"), Request::Topic("who-hacked".into()));
        assert_eq!(parse("who-hacked"), Request::Topic("who-hacked".into()));
        assert_eq!(parse("!who-hakced"), Request::Unknown("who-hakced".into()));
        assert_eq!(parse("check NK did it"), Request::Check("NK did it".into()));
        assert_eq!(
            parse("!factcheck NK did it"),
            Request::Check("NK did it".into())
        );
        assert_eq!(
            parse("!ask who did it?"),
            Request::Ask("who did it?".into())
        );
        assert_eq!(
            parse("who hacked sony?"),
            Request::Ask("who hacked sony?".into())
        );
        assert_eq!(
            parse("help me understand"),
            Request::Ask("help me understand".into())
        );
    }

    #[test]
    fn answers_as_the_bot_would() {
        let engine = engine();
        let out = run("!who-hacked\n");
        let topic = engine.topic_answer("who-hacked").expect("topic");
        let expected = reply::answer_reply(&engine, &topic, "!").to_plain_text();
        assert_eq!(out, format!("{expected}\n"));
    }

    #[test]
    fn stops_at_quit_and_ignores_blank_lines() {
        let out = run("\n\nquit\n!facts\n");
        assert_eq!(out, "");
    }

    #[test]
    fn unknown_commands_get_did_you_mean() {
        let out = run("!who-hakced\n");
        assert!(out.contains("Did you mean !who-hacked?"), "{out}");
    }

    #[test]
    fn interactive_mode_prints_banner_and_prompts() {
        let engine = engine();
        let mut out = Vec::new();
        Console::new(&engine)
            .interactive(true)
            .run("help\n".as_bytes(), &mut out)
            .expect("runs");
        let out = String::from_utf8(out).expect("utf-8");
        assert!(out.starts_with("factdesk console: ask me about “Sony hack blamed on hackers”"));
        assert!(out.contains("> factdesk console\n"));
    }
}
