//! The `factdesk` command line: a thin shell over the library.
//!
//! It owns argument parsing (clap), logging set-up, reading stdin / writing stdout, and exit
//! statuses: 0 on success, 2 for problems the user fixes in files or settings (knowledge packs,
//! configuration), 1 for anything else. Every answer it prints comes from the same
//! [`Reply`](factdesk::reply::Reply) the bot sends, or the engine's own JSON.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use factdesk::answer::Conversation;
use factdesk::config::{self, Config, ConfigError};
use factdesk::console::Console;
use factdesk::discord::{self, BotError, LiveEngine};
use factdesk::draft::{self, DraftError};
use factdesk::engine::Engine;
use factdesk::knowledge::{Knowledge, KnowledgeError};
use factdesk::reply;

/// Answers questions about a news incident with verbatim, cited quotes from the article — on
/// Discord or on the terminal.
#[derive(Debug, Parser)]
#[command(name = "factdesk", version, about, long_about = None)]
struct Cli {
    /// Folder of knowledge packs (one folder per incident, each with an article.txt).
    #[arg(
        long,
        global = true,
        env = config::KNOWLEDGE_DIR_VAR,
        default_value = config::DEFAULT_KNOWLEDGE_DIR,
        value_name = "DIR"
    )]
    knowledge: PathBuf,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the Discord bot (needs DISCORD_TOKEN).
    Run,
    /// Chat with factdesk on the terminal, exactly as the bot answers.
    Console,
    /// Answer a question; `-` reads one question per line from stdin.
    Ask {
        /// Print JSON (one object per line with `-`).
        #[arg(long)]
        json: bool,
        /// Print the engine's scoring details instead of the answer (for tuning).
        #[arg(long, hide = true)]
        explain: bool,
        /// The question, or `-` for stdin.
        #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        question: Vec<String>,
    },
    /// Fact-check a claim against the article; `-` reads one claim per line from stdin.
    Check {
        /// Print JSON (one object per line with `-`).
        #[arg(long)]
        json: bool,
        /// The claim, or `-` for stdin.
        #[arg(required = true, trailing_var_arg = true, allow_hyphen_values = true)]
        claim: Vec<String>,
    },
    /// List the topics (command names) with their summaries.
    Facts,
    /// Knowledge pack tools.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
}

#[derive(Debug, Subcommand)]
enum KbCommand {
    /// Check every pack in DIR (default: --knowledge) without starting anything.
    Validate {
        /// The knowledge folder to check.
        dir: Option<PathBuf>,
    },
    /// Write a draft pack from an article, for a person to edit.
    Draft {
        /// The article: headline on the first line, then the text.
        article: PathBuf,
        /// The pack folder to create (default: DIR/<slug of the headline>).
        #[arg(long, value_name = "PACK_DIR")]
        out: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    // `.env` first, so its FACTDESK_KNOWLEDGE_DIR reaches clap like any other variable.
    if let Err(err) = config::load_dotenv() {
        eprintln!("error: {err}");
        return ExitCode::from(2);
    }
    let cli = Cli::parse();
    init_logging(cli.command.as_ref());
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {}", describe(&err));
            ExitCode::from(exit_status(&err))
        }
    }
}

fn dispatch(cli: Cli) -> anyhow::Result<()> {
    let knowledge = cli.knowledge;
    match cli.command {
        Some(Command::Run) => run_bot(&knowledge),
        Some(Command::Console) => run_console(&knowledge),
        None if token_is_set() => run_bot(&knowledge),
        None => {
            eprintln!(
                "No DISCORD_TOKEN set, so this is the local console. To connect to Discord, put DISCORD_TOKEN=<bot token> in .env (see .env.example) and run `factdesk run`."
            );
            run_console(&knowledge)
        }
        Some(Command::Ask {
            json,
            explain,
            question,
        }) => ask(&knowledge, &question, json, explain),
        Some(Command::Check { json, claim }) => check(&knowledge, &claim, json),
        Some(Command::Facts) => facts(&knowledge),
        Some(Command::Kb {
            command: KbCommand::Validate { dir },
        }) => validate(dir.as_deref().unwrap_or(&knowledge)),
        Some(Command::Kb {
            command: KbCommand::Draft { article, out },
        }) => write_draft(&knowledge, &article, out),
    }
}

/// Logs go to stderr (stdout holds answers). `RUST_LOG` overrides the defaults.
fn init_logging(command: Option<&Command>) {
    let bot = matches!(command, Some(Command::Run) | None) && token_is_set();
    let default = if bot { "warn,factdesk=info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default))
        // The websocket library logs whole frames at debug and trace, the IDENTIFY frame (with
        // the token) among them: it never logs below warn, whatever RUST_LOG says.
        .add_directive(quiet_directive("tungstenite=warn"))
        .add_directive(quiet_directive("tokio_tungstenite=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(io::stderr)
        .init();
}

fn quiet_directive(directive: &'static str) -> tracing_subscriber::filter::Directive {
    directive
        .parse()
        .unwrap_or_else(|_| tracing_subscriber::filter::LevelFilter::WARN.into())
}

fn token_is_set() -> bool {
    std::env::var(config::TOKEN_VAR).is_ok_and(|t| !t.trim().is_empty())
}

fn run_bot(knowledge: &Path) -> anyhow::Result<()> {
    let mut config = Config::from_env()?;
    config.knowledge_dir = knowledge.to_owned();
    config.require_token()?;
    let live = LiveEngine::load(&config.knowledge_dir)?;
    let engine = live.current();
    let known: Vec<&str> = engine.packs().iter().map(|p| p.id.as_str()).collect();
    config.check_guild_packs(&known)?;
    tracing::info!(
        "loaded {} pack(s) from {}: {}",
        known.len(),
        config.knowledge_dir.display(),
        known.join(", ")
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(discord::run(config, Arc::new(live)))?;
    Ok(())
}

fn run_console(knowledge: &Path) -> anyhow::Result<()> {
    let prefix = match Config::from_env() {
        Ok(config) => config.prefix,
        Err(err) => {
            eprintln!(
                "note: the bot's configuration has a problem (the console ignores it): {err}"
            );
            config::DEFAULT_PREFIX.to_owned()
        }
    };
    let engine = Engine::load(knowledge)?;
    let stdin = io::stdin();
    let interactive = stdin.is_terminal();
    Console::new(&engine)
        .with_prefix(prefix)
        .interactive(interactive)
        .run(stdin.lock(), io::stdout().lock())?;
    Ok(())
}

fn ask(knowledge: &Path, words: &[String], json: bool, explain: bool) -> anyhow::Result<()> {
    let engine = Engine::load(knowledge)?;
    // Questions read from stdin are one conversation: a follow-up stays with its story.
    let mut conversation = Conversation::new();
    for_each_input(words, |question, out| {
        if explain {
            writeln!(
                out,
                "{question}\n{}",
                factdesk::answer::explain(&engine, question)
            )?;
            return Ok(());
        }
        let answer = conversation.ask(&engine, question, None);
        if json {
            serde_json::to_writer(&mut *out, &answer)?;
            writeln!(out)?;
        } else {
            let text = reply::answer_reply(&engine, &answer, "!").to_plain_text();
            writeln!(out, "{text}")?;
        }
        Ok(())
    })
}

fn check(knowledge: &Path, words: &[String], json: bool) -> anyhow::Result<()> {
    let engine = Engine::load(knowledge)?;
    for_each_input(words, |claim, out| {
        let result = engine.check(claim);
        if json {
            serde_json::to_writer(&mut *out, &result)?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{}",
                reply::check_reply(&engine, &result).to_plain_text()
            )?;
        }
        Ok(())
    })
}

/// Calls `handle` with the words joined into one input, or with each line of stdin when the
/// words are just `-` (every line, blank ones too, so outputs stay aligned with inputs).
fn for_each_input(
    words: &[String],
    mut handle: impl FnMut(&str, &mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if let [dash] = words {
        if dash == "-" {
            for line in io::stdin().lock().lines() {
                let line = line.context("reading stdin")?;
                handle(line.trim_end_matches('\r'), &mut out)?;
                out.flush()?;
            }
            return Ok(());
        }
    }
    handle(&words.join(" "), &mut out)?;
    out.flush()?;
    Ok(())
}

fn facts(knowledge: &Path) -> anyhow::Result<()> {
    let engine = Engine::load(knowledge)?;
    let mut out = io::stdout().lock();
    let several = engine.packs().len() > 1;
    for pack in engine.packs() {
        if several {
            writeln!(out, "{} ({})", pack.title(), pack.id)?;
        }
        let width = pack
            .topics
            .iter()
            .map(|t| t.command.len())
            .max()
            .unwrap_or(0);
        for topic in &pack.topics {
            let indent = if several { "  " } else { "" };
            writeln!(out, "{indent}{:width$}  {}", topic.command, topic.summary)?;
        }
        if pack.topics.is_empty() {
            writeln!(
                out,
                "(no curated topics in {}: any question about it still works)",
                pack.id
            )?;
        }
    }
    Ok(())
}

fn validate(dir: &Path) -> anyhow::Result<()> {
    let knowledge = Knowledge::load_dir(dir)?;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "ok: {} is valid, {} pack(s):",
        dir.display(),
        knowledge.packs.len()
    )?;
    for pack in &knowledge.packs {
        writeln!(
            out,
            "  {}: {} sentences, {} topics — {}",
            pack.id,
            pack.sentences.len(),
            pack.topics.len(),
            pack.title()
        )?;
    }
    Ok(())
}

fn write_draft(knowledge: &Path, article: &Path, out: Option<PathBuf>) -> anyhow::Result<()> {
    let out = match out {
        Some(out) => out,
        None => draft::default_out(knowledge, article)?,
    };
    let draft = draft::write_draft(article, &out)?;
    let mut stdout = io::stdout().lock();
    writeln!(
        stdout,
        "wrote {} (“{}”) with {} proposed topic(s): {}",
        draft.dir.display(),
        draft.headline,
        draft.topics.len(),
        draft.topics.join(", ")
    )?;
    writeln!(
        stdout,
        "Edit its facts.toml, then check it with `factdesk kb validate`."
    )?;
    Ok(())
}

/// The error as one paragraph; our own error types already say everything they need to.
fn describe(err: &anyhow::Error) -> String {
    if is_own_error(err) {
        err.to_string()
    } else {
        format!("{err:#}")
    }
}

fn is_own_error(err: &anyhow::Error) -> bool {
    err.is::<KnowledgeError>()
        || err.is::<ConfigError>()
        || err.is::<BotError>()
        || err.is::<DraftError>()
}

/// 2 for problems fixed in files or settings, 1 for the rest.
fn exit_status(err: &anyhow::Error) -> u8 {
    let fixable = err.is::<KnowledgeError>()
        || err.is::<ConfigError>()
        || err
            .downcast_ref::<BotError>()
            .is_some_and(BotError::is_configuration)
        || err
            .downcast_ref::<DraftError>()
            .is_some_and(|e| !matches!(e, DraftError::Write { .. }));
    if fixable {
        2
    } else {
        1
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                .is_some_and(|kind| kind == io::ErrorKind::BrokenPipe)
    })
}
