//! The Discord bot: a thin layer over the engine, on serenity 0.12 + poise 0.7.
//!
//! This module owns start-up and shutdown ([`run`], [`run_until`]): the HTTP client (optionally
//! through `DISCORD_API_BASE`), the gateway intents, the poise framework options (empty allowed
//! mentions, edit tracking, mention-as-prefix, error routing), command registration and
//! sharding. The parts:
//! - [`commands`]: the commands, built-in and one per curated topic;
//! - [`events`]: mentions, DMs, unknown commands, framework errors;
//! - [`permissions`]: who is a moderator;
//! - [`embeds`]: [`Reply`](crate::reply::Reply) → Discord builders;
//! - [`cooldown`]: the per-user cooldown;
//! - [`live`]: the swappable engine behind `reload`;
//! - `watch`: reload on file changes.
//!
//! **Intents.** The bot asks for GUILDS, GUILD_MESSAGES and DIRECT_MESSAGES, which need no
//! approval: mentions, DMs, slash commands and the context menu work with them. Prefix commands
//! in channels (`!ask ...`) need the privileged MESSAGE_CONTENT intent, requested only when
//! `FACTDESK_MESSAGE_CONTENT=1` (switch it on in the Developer Portal first, or Discord closes
//! the connection with 4014). Without it, one warning is logged at start-up.

pub mod commands;
pub mod cooldown;
pub mod embeds;
pub mod events;
pub mod live;
pub mod permissions;
mod recent;
pub mod stories;
mod watch;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use serenity::all::{
    ClientBuilder, CreateAllowedMentions, GatewayError, GatewayIntents, GuildId, Http, HttpBuilder,
    RoleId,
};

use crate::config::{Config, ConfigError, GuildPacks, ShardRange, Token};
use crate::engine::Engine;
pub use cooldown::Cooldowns;
pub use live::{KnowledgeSummary, LiveEngine, ReloadError, ReloadReport};

/// How long after a command message an edit re-runs it.
pub const EDIT_WINDOW: Duration = Duration::from_secs(60);

/// A poise command of this bot.
pub type BotCommand = poise::Command<BotData, BotError>;
/// A poise command context of this bot.
pub type BotContext<'a> = poise::Context<'a, BotData, BotError>;
/// A poise framework context of this bot.
pub type BotFrameworkContext<'a> = poise::FrameworkContext<'a, BotData, BotError>;

/// Why the bot stopped or could not start.
#[derive(Debug, thiserror::Error)]
pub enum BotError {
    #[error(transparent)]
    Config(#[from] ConfigError),

    #[error("Discord refused the privileged MESSAGE_CONTENT intent (gateway close 4014). Switch on “Message Content Intent” in the Developer Portal (your application → Bot), or unset FACTDESK_MESSAGE_CONTENT to run without prefix commands in channels.")]
    IntentNotAllowed,

    #[error("Discord rejected the token (gateway close 4004). Reset it in the Developer Portal (your application → Bot → Reset Token) and set DISCORD_TOKEN again.")]
    TokenRejected,

    #[error("Discord: {0}")]
    Discord(Box<serenity::Error>),

    #[error("watching the knowledge folder: {0}")]
    Watch(#[from] notify::Error),

    #[error("an answer could not be computed: {0}")]
    Worker(#[from] tokio::task::JoinError),
}

impl From<serenity::Error> for BotError {
    fn from(error: serenity::Error) -> BotError {
        BotError::Discord(Box::new(error))
    }
}

impl BotError {
    /// True when the fix is in the configuration (the CLI exits with status 2).
    pub fn is_configuration(&self) -> bool {
        matches!(
            self,
            BotError::Config(_) | BotError::IntentNotAllowed | BotError::TokenRejected
        )
    }

    fn from_start(error: serenity::Error) -> BotError {
        match error {
            serenity::Error::Gateway(GatewayError::DisallowedGatewayIntents) => {
                BotError::IntentNotAllowed
            }
            serenity::Error::Gateway(GatewayError::InvalidAuthentication) => {
                BotError::TokenRejected
            }
            other => BotError::from(other),
        }
    }
}

/// What every handler shares: the engine, the settings, the cooldowns.
#[derive(Debug)]
pub struct BotData {
    pub(crate) live: Arc<LiveEngine>,
    pub(crate) prefix: String,
    pub(crate) moderator_roles: Vec<RoleId>,
    pub(crate) guild_packs: GuildPacks,
    pub(crate) cooldowns: Cooldowns,
    /// DMs and mentions already answered (poise re-delivers them when they are edited).
    pub(crate) answered_messages: events::AnsweredMessages,
    /// The story each channel was last answered about, for follow-up questions.
    pub(crate) stories: stories::ChannelStories,
    /// Where application commands are registered (`None`: globally).
    pub(crate) commands_home: Option<GuildId>,
}

impl BotData {
    fn new(config: &Config, live: Arc<LiveEngine>) -> BotData {
        BotData {
            live,
            prefix: config.prefix.clone(),
            moderator_roles: config
                .mod_role_ids
                .iter()
                .map(|&id| RoleId::new(id))
                .collect(),
            guild_packs: config.guild_packs.clone(),
            cooldowns: Cooldowns::new(config.cooldown),
            answered_messages: events::AnsweredMessages::default(),
            stories: stories::ChannelStories::default(),
            commands_home: config.guild_id.map(GuildId::new),
        }
    }

    /// The packs a guild may use (`None`: all), as indexes into `engine`'s packs.
    pub(crate) fn scope(&self, engine: &Engine, guild: Option<GuildId>) -> Option<Vec<usize>> {
        let ids = self.guild_packs.get(&guild?.get())?;
        Some(
            engine
                .packs()
                .iter()
                .enumerate()
                .filter(|(_, p)| ids.contains(&p.id))
                .map(|(i, _)| i)
                .collect(),
        )
    }

    /// `FACTDESK_GUILD_PACKS` entries naming packs `engine` does not have.
    pub(crate) fn guild_pack_warnings(&self, engine: &Engine) -> Vec<String> {
        let known: Vec<&str> = engine.packs().iter().map(|p| p.id.as_str()).collect();
        self.guild_packs
            .iter()
            .flat_map(|(guild, packs)| {
                packs
                    .iter()
                    .filter(|p| !known.contains(&p.as_str()))
                    .map(move |p| {
                        format!("server {guild} is set to pack {p:?}, which is not loaded.")
                    })
            })
            .collect()
    }
}

/// Runs the bot until Ctrl-C or SIGTERM, then shuts the shards down cleanly.
pub async fn run(config: Config, live: Arc<LiveEngine>) -> Result<(), BotError> {
    run_until(config, live, shutdown_signal()).await
}

/// Runs the bot until `shutdown` completes (or the client fails), then shuts the shards down.
/// Tests start the real code path with this and stop it with a channel.
pub async fn run_until(
    config: Config,
    live: Arc<LiveEngine>,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), BotError> {
    let token = config.require_token()?.clone();
    let http = build_http(&token, config.api_base.as_deref());
    let intents = gateway_intents(config.message_content);
    if !config.message_content {
        tracing::warn!(
            "MESSAGE_CONTENT intent is off: prefix commands like `{prefix}ask` work only in DMs and in messages that mention the bot (mentions, DMs and slash commands work everywhere). To use prefix commands in channels, switch on “Message Content Intent” in the Developer Portal (your application → Bot) and set FACTDESK_MESSAGE_CONTENT=1.",
            prefix = config.prefix
        );
    }
    let data = BotData::new(&config, Arc::clone(&live));
    for warning in data.guild_pack_warnings(&live.current()) {
        tracing::warn!("FACTDESK_GUILD_PACKS: {warning}");
    }
    let commands = commands::all_commands(&live.current());
    let framework = build_framework(&config.prefix, commands, data);
    let mut client = ClientBuilder::new_with_http(http, intents)
        .framework(framework)
        .await
        .map_err(BotError::from_start)?;
    let watcher = if config.watch {
        let home = config.guild_id.map(GuildId::new);
        Some(watch::spawn(
            Arc::clone(&live),
            Arc::clone(&client.http),
            home,
        )?)
    } else {
        None
    };
    let manager = Arc::clone(&client.shard_manager);
    let outcome = tokio::select! {
        result = start_shards(&mut client, config.shards) => result.map_err(BotError::from_start),
        () = shutdown => {
            tracing::info!("shutting down");
            manager.shutdown_all().await;
            Ok(())
        }
    };
    if let Some(watcher) = watcher {
        watcher.abort();
    }
    outcome
}

/// Completes on Ctrl-C or (on Unix) SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut stream) => {
                stream.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// The intents: GUILDS, GUILD_MESSAGES, DIRECT_MESSAGES, and MESSAGE_CONTENT when asked for.
pub fn gateway_intents(message_content: bool) -> GatewayIntents {
    let base =
        GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES;
    if message_content {
        base | GatewayIntents::MESSAGE_CONTENT
    } else {
        base
    }
}

/// The REST client: no pings by default; through `api_base` if set (serenity's rate limiter
/// cannot follow a proxy, so it is off then).
fn build_http(token: &Token, api_base: Option<&str>) -> Http {
    let builder =
        HttpBuilder::new(token.expose()).default_allowed_mentions(CreateAllowedMentions::new());
    match api_base {
        Some(base) => {
            tracing::info!("DISCORD_API_BASE: REST and the gateway look-up go to {base}");
            builder.proxy(base).ratelimiter_disabled(true).build()
        }
        None => builder.build(),
    }
}

async fn start_shards(
    client: &mut serenity::Client,
    shards: Option<ShardRange>,
) -> Result<(), serenity::Error> {
    match shards {
        Some(range) => {
            tracing::info!(
                "running shards {}..={} of {}",
                range.first,
                range.last,
                range.total
            );
            // serenity's range end is inclusive ("4..7" starts shards 4 through 7).
            client
                .start_shard_range(range.first..range.last, range.total)
                .await
        }
        None => client.start_autosharded().await,
    }
}

fn build_framework(
    prefix: &str,
    commands: Vec<BotCommand>,
    data: BotData,
) -> poise::Framework<BotData, BotError> {
    let options = poise::FrameworkOptions {
        commands,
        allowed_mentions: Some(CreateAllowedMentions::new()),
        prefix_options: prefix_options(prefix),
        on_error: |error| Box::pin(events::on_error(error)),
        event_handler: |framework, event| Box::pin(events::on_event(framework, event)),
        ..Default::default()
    };
    poise::Framework::builder()
        .options(options)
        .setup(move |ctx, _ready, framework| {
            Box::pin(async move {
                let home = data.commands_home;
                match commands::register_commands(&ctx.http, home, &framework.options().commands)
                    .await
                {
                    Ok(()) => tracing::info!(
                        "registered {} application commands {}",
                        framework.options().commands.len(),
                        home.map_or("globally".to_owned(), |g| format!("in server {g}"))
                    ),
                    Err(err) => tracing::warn!(
                        "registering application commands failed (prefix commands and mentions still work): {err}"
                    ),
                }
                Ok(data)
            })
        })
        .build()
}

fn prefix_options(prefix: &str) -> poise::PrefixFrameworkOptions<BotData, BotError> {
    // An "additional" prefix rather than `prefix`: poise then skips its own vaguer warning
    // about MESSAGE_CONTENT, so the log holds exactly one. poise wants a `&'static str`; the
    // prefix (at most 5 characters) is leaked once per start.
    let prefix: &'static str = Box::leak(prefix.to_owned().into_boxed_str());
    poise::PrefixFrameworkOptions {
        prefix: None,
        additional_prefixes: vec![poise::Prefix::Literal(prefix)],
        mention_as_prefix: true,
        edit_tracker: Some(Arc::new(poise::EditTracker::for_timespan(EDIT_WINDOW))),
        tracking_initiation_window: Some(EDIT_WINDOW),
        ignore_bots: true,
        execute_self_messages: false,
        case_insensitive_commands: true,
        non_command_message: Some(|framework, msg| {
            Box::pin(events::on_non_command_message(*framework, msg))
        }),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intents_need_no_approval_unless_asked() {
        let intents = gateway_intents(false);
        assert!(!intents.contains(GatewayIntents::MESSAGE_CONTENT));
        assert!(intents.contains(GatewayIntents::GUILD_MESSAGES | GatewayIntents::DIRECT_MESSAGES));
        assert!(gateway_intents(true).contains(GatewayIntents::MESSAGE_CONTENT));
    }

    #[test]
    fn gateway_refusals_are_configuration_errors() {
        let intents = BotError::from_start(serenity::Error::Gateway(
            GatewayError::DisallowedGatewayIntents,
        ));
        assert!(intents.is_configuration());
        let token = BotError::from_start(serenity::Error::Gateway(
            GatewayError::InvalidAuthentication,
        ));
        assert!(token.is_configuration());
        assert!(!BotError::from_start(serenity::Error::Other("x")).is_configuration());
    }
}
