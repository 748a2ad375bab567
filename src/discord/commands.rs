//! The bot's commands (poise), each both a prefix and a slash command: `ask`, `facts`, `source`,
//! `help`, the moderators' `factcheck` (plus the "Fact-check message" context menu) and
//! `reload`, and one command per curated topic, generated from the engine at start-up (all
//! sharing one handler that reads the topic from the command's name).
//!
//! Handlers stay small: they gate (cooldown, moderator), ask the engine on a blocking thread,
//! build a [`Reply`] and send it. The shared steps live at the bottom.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serenity::all::{ChannelId, GuildId, Http, Message};

use super::cooldown::Gate;
use super::embeds;
use super::permissions::author_is_moderator;
use super::{BotCommand, BotContext, BotData, BotError};
use crate::engine::Engine;
use crate::reply::{self, Reply, Span};

/// Interactions must be answered within 3 s; slower work is deferred after this long.
const DEFER_AFTER: Duration = Duration::from_millis(2000);
/// Discord's limit for a slash command description.
const SLASH_DESCRIPTION_MAX: usize = 100;
/// The context-menu command's name, as shown under Apps.
pub const FACT_CHECK_MESSAGE: &str = "Fact-check message";

/// The built-in commands.
pub fn builtin_commands() -> Vec<BotCommand> {
    vec![
        required_first_parameter(ask()),
        facts(),
        source(),
        help(),
        required_first_parameter(factcheck()),
        factcheck_message(),
        reload(),
    ]
}

/// Built-in commands plus one command per curated topic of `engine`.
pub fn all_commands(engine: &Engine) -> Vec<BotCommand> {
    let mut commands = builtin_commands();
    commands.extend(topic_commands(engine));
    commands
}

/// One command per curated topic, named after it, sharing the [`topic_command`] handler.
pub fn topic_commands(engine: &Engine) -> Vec<BotCommand> {
    engine
        .topics()
        .map(|(_, topic)| {
            let mut command = topic_command();
            command.name = topic.command.clone().into();
            command.qualified_name = topic.command.clone().into();
            command.identifying_name = format!("topic:{}", topic.command).into();
            command.description = Some(slash_description(&topic.title, &topic.summary).into());
            command
        })
        .collect()
}

/// A slash description (1 to 100 characters): the topic's title, else its summary.
fn slash_description(title: &str, summary: &str) -> String {
    let text = if title.contains(' ') { title } else { summary };
    let text = reply::one_line(text);
    let text = if text.is_empty() {
        "A topic from the article".to_owned()
    } else {
        text
    };
    reply::shorten(&text, SLASH_DESCRIPTION_MAX)
}

/// Prefix commands take the parameter as optional (to answer "what should I check?"), slash
/// commands show it as required.
fn required_first_parameter(mut command: BotCommand) -> BotCommand {
    if let Some(parameter) = command.parameters.first_mut() {
        parameter.required = true;
    }
    command
}

/// Ask a question about the incident; the answer quotes the article.
#[poise::command(prefix_command, slash_command, track_edits, category = "Answers")]
pub async fn ask(
    ctx: BotContext<'_>,
    #[description = "Your question, in your own words"]
    #[rest]
    question: Option<String>,
) -> Result<(), BotError> {
    if !pass_cooldown(ctx).await? {
        return Ok(());
    }
    let question = question.unwrap_or_default();
    let prefix = shown_prefix(ctx);
    if question.trim().is_empty() {
        return send(ctx, &reply::missing_question_reply(&prefix), true).await;
    }
    let data = ctx.data();
    let place = (ctx.guild_id(), ctx.channel_id());
    respond(ctx, false, answer_question(data, place, question, prefix)).await
}

/// The topics I can answer, each one a command.
#[poise::command(
    prefix_command,
    slash_command,
    track_edits,
    discard_spare_arguments,
    aliases("topics"),
    category = "Answers"
)]
pub async fn facts(ctx: BotContext<'_>) -> Result<(), BotError> {
    if !ready_to_answer(ctx).await? {
        return Ok(());
    }
    let engine = ctx.data().live.current();
    let scope = ctx.data().scope(&engine, ctx.guild_id());
    let reply = reply::topics_reply(&engine, &shown_prefix(ctx), scope.as_deref());
    send(ctx, &reply, false).await
}

/// The article I answer from.
#[poise::command(
    prefix_command,
    slash_command,
    track_edits,
    discard_spare_arguments,
    category = "Answers"
)]
pub async fn source(ctx: BotContext<'_>) -> Result<(), BotError> {
    if !ready_to_answer(ctx).await? {
        return Ok(());
    }
    let engine = ctx.data().live.current();
    let scope = ctx.data().scope(&engine, ctx.guild_id());
    send(ctx, &reply::source_reply(&engine, scope.as_deref()), false).await
}

/// What I can do.
#[poise::command(
    prefix_command,
    slash_command,
    track_edits,
    discard_spare_arguments,
    category = "Answers"
)]
pub async fn help(ctx: BotContext<'_>) -> Result<(), BotError> {
    if !ready_to_answer(ctx).await? {
        return Ok(());
    }
    send(ctx, &reply::help_reply(&shown_prefix(ctx)), false).await
}

// One command per curated topic shares this handler: the topic is the command's name.
/// The answer for a curated topic.
#[poise::command(
    prefix_command,
    slash_command,
    track_edits,
    discard_spare_arguments,
    rename = "topic",
    category = "Topics"
)]
pub async fn topic_command(ctx: BotContext<'_>) -> Result<(), BotError> {
    if !ready_to_answer(ctx).await? {
        return Ok(());
    }
    let engine = ctx.data().live.current();
    let reply = topic_reply(
        ctx.data(),
        &engine,
        ctx.guild_id(),
        &ctx.command().name,
        &shown_prefix(ctx),
    );
    send(ctx, &reply, false).await
}

/// Check a claim against the article (moderators).
#[poise::command(
    prefix_command,
    slash_command,
    track_edits,
    default_member_permissions = "MANAGE_MESSAGES",
    category = "Moderation"
)]
pub async fn factcheck(
    ctx: BotContext<'_>,
    #[description = "The claim to check against the article"]
    #[rest]
    claim: Option<String>,
) -> Result<(), BotError> {
    if !author_is_moderator(ctx).await {
        return send(ctx, &reply::moderators_only_reply(), true).await;
    }
    let claim = claim.unwrap_or_default();
    if claim.trim().is_empty() {
        if let poise::Context::Prefix(prefix) = ctx {
            if let Some(target) = replied_message(ctx.http(), prefix.msg).await {
                return check_replied_message(ctx, &target).await;
            }
        }
        return send(ctx, &reply::missing_claim_reply(&shown_prefix(ctx)), true).await;
    }
    let data = ctx.data();
    respond(ctx, false, check_claim(data, ctx.guild_id(), claim)).await
}

/// Check the message's text against the article (moderators).
#[poise::command(
    context_menu_command = "Fact-check message",
    default_member_permissions = "MANAGE_MESSAGES",
    category = "Moderation"
)]
pub async fn factcheck_message(
    ctx: BotContext<'_>,
    #[description = "The message to check"] message: Message,
) -> Result<(), BotError> {
    if !author_is_moderator(ctx).await {
        return send(ctx, &reply::moderators_only_reply(), true).await;
    }
    if message.content.trim().is_empty() {
        return send(ctx, &reply::unreadable_message_reply(), true).await;
    }
    let link = message.id.link(message.channel_id, ctx.guild_id());
    let data = ctx.data();
    let work = async move {
        let mut reply = check_claim(data, ctx.guild_id(), message.content.clone()).await?;
        reply.body.insert(0, checked_message_line(link));
        Ok(reply)
    };
    respond(ctx, false, work).await
}

/// Reload the knowledge packs from disk (moderators).
#[poise::command(
    prefix_command,
    slash_command,
    discard_spare_arguments,
    default_member_permissions = "MANAGE_MESSAGES",
    category = "Moderation"
)]
pub async fn reload(ctx: BotContext<'_>) -> Result<(), BotError> {
    if let Some(question) = mentioned_question(ctx) {
        return ask_for_mention(ctx, question).await;
    }
    if !author_is_moderator(ctx).await {
        return send(ctx, &reply::moderators_only_reply(), true).await;
    }
    let data = ctx.data();
    let http = ctx.serenity_context().http.clone();
    respond(ctx, true, reload_and_describe(data, http)).await
}

// ----- shared steps ------------------------------------------------------------------------------

/// Reloads, re-registers the application commands when topics changed, and describes it.
pub(crate) async fn reload_and_describe(
    data: &BotData,
    http: Arc<Http>,
) -> Result<Reply, BotError> {
    match data.live.reload().await {
        Ok(report) => {
            let engine = data.live.current();
            let mut summary = report.describe();
            if report.topics_changed() {
                if let Err(err) =
                    register_commands(&http, data.commands_home, &all_commands(&engine)).await
                {
                    tracing::warn!(
                        "reloaded, but registering the new topic commands failed: {err}"
                    );
                    summary.push_str(" Slash commands could not be updated (prefix commands work); see the bot's log.");
                }
            }
            for warning in data.guild_pack_warnings(&engine) {
                summary.push_str(&format!(" Warning: {warning}"));
            }
            tracing::info!("knowledge reloaded: {}", report.describe());
            Ok(reply::reload_ok_reply(&summary))
        }
        Err(err) => {
            tracing::warn!("reload failed, still serving the previous knowledge: {err}");
            Ok(reply::reload_failed_reply(&err.to_string()))
        }
    }
}

/// Registers `commands` as application commands, in `home` or globally.
pub(crate) async fn register_commands(
    http: &Http,
    home: Option<GuildId>,
    commands: &[BotCommand],
) -> Result<(), serenity::Error> {
    match home {
        Some(guild) => poise::builtins::register_in_guild(http, commands, guild).await,
        None => poise::builtins::register_globally(http, commands).await,
    }
}

/// The answer to a question asked in `channel`, from the packs the guild may use: a
/// follow-up stays with the story the channel was last answered about.
pub(crate) async fn answer_question(
    data: &BotData,
    (guild, channel): (Option<GuildId>, ChannelId),
    question: String,
    prefix: String,
) -> Result<Reply, BotError> {
    let engine = data.live.current();
    let scope = data.scope(&engine, guild);
    let worker = Arc::clone(&engine);
    let mut conversation = data.stories.conversation(channel.get(), Instant::now());
    let (answer, conversation) = tokio::task::spawn_blocking(move || {
        let answer = conversation.ask(&worker, &question, scope.as_deref());
        (answer, conversation)
    })
    .await?;
    data.stories
        .remember(channel.get(), &conversation, Instant::now());
    Ok(reply::answer_reply(&engine, &answer, &prefix))
}

/// The fact check of a claim, against the packs the guild may use.
pub(crate) async fn check_claim(
    data: &BotData,
    guild: Option<GuildId>,
    claim: String,
) -> Result<Reply, BotError> {
    let engine = data.live.current();
    let scope = data.scope(&engine, guild);
    let worker = Arc::clone(&engine);
    let result =
        tokio::task::spawn_blocking(move || worker.check_in(&claim, scope.as_deref())).await?;
    Ok(reply::check_reply(&engine, &result))
}

/// The reply for topic `command`: its answer, or why there is none here.
pub(crate) fn topic_reply(
    data: &BotData,
    engine: &Engine,
    guild: Option<GuildId>,
    command: &str,
    prefix: &str,
) -> Reply {
    let Some(answer) = engine.topic_answer(command) else {
        let suggestions = engine.similar_topics(command, 3);
        return reply::did_you_mean_reply(command, &suggestions, prefix);
    };
    let scope = data.scope(engine, guild);
    let allowed = match (&scope, answer.pack) {
        (Some(scope), Some(pack)) => scope.contains(&pack),
        _ => true,
    };
    if allowed {
        reply::answer_reply(engine, &answer, prefix)
    } else {
        reply::topic_unavailable_reply(command, prefix)
    }
}

/// "Checked this message" with its link, for context-menu fact checks.
fn checked_message_line(link: String) -> Vec<Span> {
    vec![
        Span::Text("Checked ".into()),
        Span::Link {
            label: "this message".into(),
            url: link,
        },
        Span::Text(".".into()),
    ]
}

/// Fact-checks the message a moderator replied to, answering as a reply to it.
async fn check_replied_message(ctx: BotContext<'_>, target: &Message) -> Result<(), BotError> {
    if target.content.trim().is_empty() {
        return send(ctx, &reply::unreadable_message_reply(), true).await;
    }
    let reply = check_claim(ctx.data(), ctx.guild_id(), target.content.clone()).await?;
    target
        .channel_id
        .send_message(ctx.http(), embeds::create_message_replying(&reply, target))
        .await?;
    Ok(())
}

/// The message `msg` replies to: from the event, else fetched.
async fn replied_message(http: &Http, msg: &Message) -> Option<Message> {
    if let Some(referenced) = &msg.referenced_message {
        return Some((**referenced).clone());
    }
    let reference = msg.message_reference.as_ref()?;
    let id = reference.message_id?;
    match reference.channel_id.message(http, id).await {
        Ok(message) => Some(message),
        Err(err) => {
            tracing::debug!("could not fetch the replied-to message: {err}");
            None
        }
    }
}

/// For a command invoked by mentioning the bot with more words after it ("@bot source of the
/// leak?"), the whole text as a question: people talk to the bot, they do not type commands.
fn mentioned_question(ctx: BotContext<'_>) -> Option<String> {
    let poise::Context::Prefix(prefix) = ctx else {
        return None;
    };
    let by_mention = prefix
        .msg
        .content
        .get(..usize::from(prefix.content_start))
        .is_some_and(|p| p.starts_with("<@"));
    let args = prefix.args.trim();
    (by_mention && !args.is_empty()).then(|| format!("{} {args}", prefix.invoked_command_name))
}

/// What every answering command does first: a mention that only starts with the command's name
/// is a question and is answered as one, and the cooldown applies. `false` when there is nothing
/// more for the command to do.
async fn ready_to_answer(ctx: BotContext<'_>) -> Result<bool, BotError> {
    if let Some(question) = mentioned_question(ctx) {
        ask_for_mention(ctx, question).await?;
        return Ok(false);
    }
    pass_cooldown(ctx).await
}

/// Answers a mention's question as a reply to it (with the cooldown).
async fn ask_for_mention(ctx: BotContext<'_>, question: String) -> Result<(), BotError> {
    if !pass_cooldown(ctx).await? {
        return Ok(());
    }
    let data = ctx.data();
    respond(
        ctx,
        false,
        answer_question(
            data,
            (ctx.guild_id(), ctx.channel_id()),
            question,
            data.prefix.clone(),
        ),
    )
    .await
}

/// How commands are written where the reply is shown: `/` for interactions, the configured
/// prefix otherwise (also when the bot was invoked by a mention).
fn shown_prefix(ctx: BotContext<'_>) -> String {
    match ctx {
        poise::Context::Application(_) => "/".to_owned(),
        poise::Context::Prefix(_) => ctx.data().prefix.clone(),
    }
}

/// Applies the per-user cooldown: `true` to go on. A command already taken, re-run because
/// its text was edited, is not counted again. Anything else is: also an update of a message
/// poise has not (yet) taken as a command, such as Discord re-sending a cooled-down command
/// when it unfurls a link in it, which may even arrive before the message itself is handled.
/// Interactions always get their (ephemeral) notice, since they must be answered.
async fn pass_cooldown(ctx: BotContext<'_>) -> Result<bool, BotError> {
    if let poise::Context::Prefix(prefix) = ctx {
        if prefix.trigger == poise::MessageDispatchTrigger::MessageEdit {
            return Ok(true);
        }
    }
    match ctx.data().cooldowns.check(ctx.author().id.get()) {
        Gate::Go => Ok(true),
        Gate::Notify { wait } => {
            send(ctx, &reply::cooldown_reply(Gate::wait_secs(wait)), true).await?;
            Ok(false)
        }
        Gate::Silent { wait } => {
            if let poise::Context::Application(_) = ctx {
                send(ctx, &reply::cooldown_reply(Gate::wait_secs(wait)), true).await?;
            }
            Ok(false)
        }
    }
}

/// Sends the reply `work` produces. Interactions are deferred if it takes long, so Discord
/// does not give up on them.
async fn respond(
    ctx: BotContext<'_>,
    ephemeral: bool,
    work: impl Future<Output = Result<Reply, BotError>> + Send,
) -> Result<(), BotError> {
    let reply = match ctx {
        poise::Context::Application(_) => {
            let mut work = std::pin::pin!(work);
            match tokio::time::timeout(DEFER_AFTER, &mut work).await {
                Ok(reply) => reply?,
                Err(_) => {
                    if ephemeral {
                        ctx.defer_ephemeral().await?;
                    } else {
                        ctx.defer().await?;
                    }
                    work.await?
                }
            }
        }
        poise::Context::Prefix(_) => work.await?,
    };
    send(ctx, &reply, ephemeral).await
}

/// Sends a reply through poise (a reply to the command message, or the interaction response).
pub(crate) async fn send(
    ctx: BotContext<'_>,
    reply: &Reply,
    ephemeral: bool,
) -> Result<(), BotError> {
    ctx.send(embeds::create_reply(reply, ephemeral)).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slash_descriptions_fit_discord() {
        assert_eq!(slash_description("Who hacked Sony", "x"), "Who hacked Sony");
        assert_eq!(
            slash_description("who-hacked", "The summary."),
            "The summary."
        );
        let long = slash_description("one-word", &"word ".repeat(100));
        assert!(long.chars().count() <= SLASH_DESCRIPTION_MAX);
        assert_eq!(slash_description("x", " "), "A topic from the article");
    }

    #[test]
    fn builtins_are_prefix_and_slash_with_moderator_defaults() {
        let commands = builtin_commands();
        let named = |n: &str| commands.iter().find(|c| c.name == n);
        for name in ["ask", "facts", "source", "help", "factcheck", "reload"] {
            let command = named(name).unwrap_or_else(|| panic!("{name} missing"));
            assert!(
                command.prefix_action.is_some() && command.slash_action.is_some(),
                "{name}"
            );
        }
        let factcheck = named("factcheck").expect("factcheck");
        assert!(factcheck.default_member_permissions.manage_messages());
        assert!(factcheck.parameters[0].required);
        let menu = commands
            .iter()
            .find(|c| c.context_menu_name.as_deref() == Some(FACT_CHECK_MESSAGE))
            .expect("context menu");
        assert!(menu.default_member_permissions.manage_messages());
        assert!(named("reload")
            .expect("reload")
            .default_member_permissions
            .manage_messages());
    }
}
