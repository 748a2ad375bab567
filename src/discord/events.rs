//! Everything that is not a known command: mentions and DMs (answered as replies), unknown
//! prefix commands ("did you mean"), interactions for topics added by a reload, gateway events
//! worth logging, and the framework's errors.
//!
//! poise's mention-as-prefix turns "@bot who hacked Sony?" into the unknown command `who`; that
//! error is routed here and answered as the question it is. A mention elsewhere in a message,
//! and any DM, arrive as non-command messages. poise also hands every later `MESSAGE_UPDATE` of
//! such a message (an edit, or Discord adding a link preview) to the same callback, as if it were
//! new: [`AnsweredMessages`] makes sure each is answered once.

use std::time::{Duration, Instant};

use serenity::all::{
    CommandInteraction, Context, CreateInteractionResponse, FullEvent, Message, MessageType,
    RoleId, UserId,
};
use serenity::cache::Cache;

use super::commands::{answer_question, send, topic_reply};
use super::cooldown::Gate;
use super::embeds;
use super::recent::Recent;
use super::{BotData, BotError, BotFrameworkContext, EDIT_WINDOW};
use crate::reply::{self, Reply};

/// The non-command messages already taken as questions, so that an edit of one (or Discord's
/// update when it unfurls a link) is not answered a second time. poise passes on updates only
/// for messages younger than [`EDIT_WINDOW`], so ids are kept about that long.
#[derive(Debug)]
pub struct AnsweredMessages {
    seen: Recent<()>,
}

impl Default for AnsweredMessages {
    fn default() -> AnsweredMessages {
        AnsweredMessages {
            seen: Recent::keeping(EDIT_WINDOW + Duration::from_secs(60)),
        }
    }
}

impl AnsweredMessages {
    /// True the first time message `id` is seen.
    pub fn first_sight(&self, id: u64) -> bool {
        self.first_sight_at(id, Instant::now())
    }

    /// True the first time message `id` is seen, at `now`.
    pub fn first_sight_at(&self, id: u64, now: Instant) -> bool {
        self.seen.insert(id, (), now)
    }
}

/// Logs gateway events worth knowing about.
pub(crate) async fn on_event(
    framework: BotFrameworkContext<'_>,
    event: &FullEvent,
) -> Result<(), BotError> {
    match event {
        FullEvent::Ready { data_about_bot } => {
            tracing::info!(
                shard = ?data_about_bot.shard.map(|s| s.id.0),
                "connected to Discord as {} ({} server(s))",
                data_about_bot.user.name,
                data_about_bot.guilds.len()
            );
        }
        FullEvent::Resume { .. } => tracing::debug!("gateway session resumed"),
        FullEvent::ShardStageUpdate { event } => {
            tracing::debug!(
                shard = event.shard_id.0,
                "shard {:?} → {:?}",
                event.old,
                event.new
            );
        }
        _ => {}
    }
    let _ = framework;
    Ok(())
}

/// A message that is no command: answered when it is a DM or mentions the bot.
pub(crate) async fn on_non_command_message(
    framework: BotFrameworkContext<'_>,
    msg: &Message,
) -> Result<(), BotError> {
    if should_ignore(msg, framework.bot_id()) {
        return Ok(());
    }
    let question = if msg.guild_id.is_none() {
        Some(msg.content.clone())
    } else {
        without_bot_mentions(&msg.content, framework.bot_id()).or_else(|| {
            let role = bot_role(&framework.serenity_context.cache, msg, framework.bot_id())?;
            without_mention(&msg.content, &format!("<@&{role}>"))
        })
    };
    let Some(question) = question else {
        return Ok(());
    };
    // An update of a message already taken as a question: answered once is enough.
    if !framework
        .user_data
        .answered_messages
        .first_sight(msg.id.get())
    {
        return Ok(());
    }
    answer_message(
        framework.serenity_context,
        framework.user_data,
        msg,
        question,
    )
    .await
}

/// A prefix or mention that poise found no command for.
pub(crate) async fn on_unknown_command(
    framework: BotFrameworkContext<'_>,
    msg: &Message,
    content_start: u16,
    trigger: poise::MessageDispatchTrigger,
) -> Result<(), BotError> {
    if trigger != poise::MessageDispatchTrigger::MessageCreate
        || should_ignore(msg, framework.bot_id())
    {
        return Ok(());
    }
    let ctx = framework.serenity_context;
    let data = framework.user_data;
    let split = usize::from(content_start).min(msg.content.len());
    let (used_prefix, rest) = msg.content.split_at_checked(split).unwrap_or(("", ""));
    if used_prefix.starts_with("<@") {
        let question = without_bot_mentions(rest, framework.bot_id())
            .unwrap_or_else(|| rest.trim().to_owned());
        return answer_message(ctx, data, msg, question).await;
    }
    let rest = rest.trim();
    let word = rest
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if !word.starts_with(|c: char| c.is_alphanumeric()) {
        return Ok(()); // "!!!", "! wow": not meant as a command
    }
    let engine = data.live.current();
    let reply = if engine.topic(&word).is_some() {
        // A topic added by a reload after start-up.
        topic_reply(data, &engine, msg.guild_id, &word, &data.prefix)
    } else {
        let suggestions = engine.similar_topics(&word, 3);
        if suggestions.is_empty() && rest.split_whitespace().nth(1).is_some() {
            return Ok(()); // "!important news today": a sentence, not a mistyped command
        }
        reply::did_you_mean_reply(&word, &suggestions, &data.prefix)
    };
    if !pass_message_cooldown(ctx, data, msg).await? {
        return Ok(());
    }
    reply_to(ctx, msg, &reply).await
}

/// A slash command poise does not know: a topic added by a reload, or one since removed.
pub(crate) async fn on_unknown_interaction(
    framework: BotFrameworkContext<'_>,
    interaction: &CommandInteraction,
) -> Result<(), BotError> {
    let data = framework.user_data;
    let engine = data.live.current();
    let name = interaction.data.name.as_str();
    let (reply, ephemeral) = if engine.topic(name).is_some() {
        let reply = topic_reply(data, &engine, interaction.guild_id, name, "/");
        (reply, false)
    } else {
        let suggestions = engine.similar_topics(name, 3);
        (reply::did_you_mean_reply(name, &suggestions, "/"), true)
    };
    let message = embeds::interaction_message(&reply, ephemeral);
    interaction
        .create_response(
            &framework.serenity_context.http,
            CreateInteractionResponse::Message(message),
        )
        .await?;
    Ok(())
}

/// Handles every framework error: routing for unknown commands, a short apology for failures,
/// logs for the rest. Never panics, never shows internals to members.
pub(crate) async fn on_error(error: poise::FrameworkError<'_, BotData, BotError>) {
    use poise::FrameworkError as E;
    let outcome = match error {
        E::UnknownCommand {
            msg,
            content_start,
            framework,
            trigger,
            ..
        } => on_unknown_command(framework, msg, content_start, trigger).await,
        E::UnknownInteraction {
            framework,
            interaction,
            ..
        } => on_unknown_interaction(framework, interaction).await,
        E::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, "command failed: {error}");
            send(ctx, &reply::internal_error_reply(), true).await
        }
        E::CommandPanic { payload, ctx, .. } => {
            tracing::error!(
                command = %ctx.command().qualified_name,
                "command panicked: {}",
                payload.as_deref().unwrap_or("(no message)")
            );
            send(ctx, &reply::internal_error_reply(), true).await
        }
        E::ArgumentParse { ctx, error, .. } => {
            tracing::debug!(command = %ctx.command().qualified_name, "bad arguments: {error}");
            let prefix = match ctx {
                poise::Context::Application(_) => "/".to_owned(),
                poise::Context::Prefix(_) => ctx.data().prefix.clone(),
            };
            send(ctx, &reply::help_reply(&prefix), true).await
        }
        E::NonCommandMessage { error, .. } => {
            tracing::warn!("answering a message failed: {error}");
            Ok(())
        }
        E::EventHandler { error, .. } => {
            tracing::warn!("event handler failed: {error}");
            Ok(())
        }
        E::Setup { error, .. } => {
            tracing::error!("start-up failed: {error}");
            Ok(())
        }
        other => poise::builtins::on_error(other)
            .await
            .map_err(BotError::from),
    };
    if let Err(err) = outcome {
        tracing::warn!("could not handle an error: {err}");
    }
}

/// Answers `question` as a reply to `msg`, with the cooldown.
async fn answer_message(
    ctx: &Context,
    data: &BotData,
    msg: &Message,
    question: String,
) -> Result<(), BotError> {
    if !pass_message_cooldown(ctx, data, msg).await? {
        return Ok(());
    }
    let place = (msg.guild_id, msg.channel_id);
    let reply = match answer_question(data, place, question, data.prefix.clone()).await {
        Ok(reply) => reply,
        Err(err) => {
            tracing::error!("answering a message failed: {err}");
            reply::internal_error_reply()
        }
    };
    reply_to(ctx, msg, &reply).await
}

/// Applies the cooldown to a message's author: `true` to answer. The notice is sent once per
/// window, then nothing.
async fn pass_message_cooldown(
    ctx: &Context,
    data: &BotData,
    msg: &Message,
) -> Result<bool, BotError> {
    match data.cooldowns.check(msg.author.id.get()) {
        Gate::Go => Ok(true),
        Gate::Notify { wait } => {
            reply_to(ctx, msg, &reply::cooldown_reply(Gate::wait_secs(wait))).await?;
            Ok(false)
        }
        Gate::Silent { .. } => Ok(false),
    }
}

async fn reply_to(ctx: &Context, msg: &Message, reply: &Reply) -> Result<(), BotError> {
    msg.channel_id
        .send_message(&ctx.http, embeds::create_message_replying(reply, msg))
        .await?;
    Ok(())
}

/// Messages from bots (this one included), webhooks and the system are never answered.
fn should_ignore(msg: &Message, bot: UserId) -> bool {
    msg.author.bot
        || msg.author.id == bot
        || msg.webhook_id.is_some()
        || !matches!(msg.kind, MessageType::Regular | MessageType::InlineReply)
}

/// The message without the bot's mentions, if it mentions the bot at all.
pub fn without_bot_mentions(content: &str, bot: UserId) -> Option<String> {
    let plain = format!("<@{bot}>");
    let nick = format!("<@!{bot}>");
    if !content.contains(&plain) && !content.contains(&nick) {
        return None;
    }
    without_mention(&content.replace(&nick, &plain), &plain)
}

/// The content without `mention`, if it holds it.
fn without_mention(content: &str, mention: &str) -> Option<String> {
    if !content.contains(mention) {
        return None;
    }
    let stripped = content.replace(mention, " ");
    Some(stripped.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The bot's own managed role, when the message mentions it: Discord's autocomplete sometimes
/// inserts the role named after the bot instead of the bot itself.
fn bot_role(cache: &Cache, msg: &Message, bot: UserId) -> Option<RoleId> {
    if msg.mention_roles.is_empty() {
        return None;
    }
    let guild = cache.guild(msg.guild_id?)?;
    msg.mention_roles.iter().copied().find(|id| {
        guild
            .roles
            .get(id)
            .is_some_and(|role| role.tags.bot_id == Some(bot))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::discord::recent::FORGET_ABOVE;

    #[test]
    fn a_message_is_taken_as_a_question_once() {
        let answered = AnsweredMessages::default();
        let t0 = Instant::now();
        assert!(answered.first_sight_at(1, t0));
        assert!(!answered.first_sight_at(1, t0 + Duration::from_secs(1)));
        assert!(answered.first_sight_at(2, t0 + Duration::from_secs(1)));
        // Past the window, with many messages remembered, old ones are forgotten.
        for id in 10..(10 + FORGET_ABOVE as u64) {
            answered.first_sight_at(id, t0 + Duration::from_secs(2));
        }
        let later = t0 + EDIT_WINDOW * 3;
        assert!(answered.first_sight_at(5, later));
        assert!(answered.first_sight_at(1, later + Duration::from_secs(1)));
        assert!(!answered.first_sight_at(5, later + Duration::from_secs(1)));
    }

    #[test]
    fn mentions_of_the_bot_are_removed() {
        let bot = UserId::new(42);
        assert_eq!(
            without_bot_mentions("<@42> who hacked Sony?", bot).as_deref(),
            Some("who hacked Sony?")
        );
        assert_eq!(
            without_bot_mentions("hey <@!42>, who did it", bot).as_deref(),
            Some("hey , who did it")
        );
        assert_eq!(without_bot_mentions("<@43> hi", bot), None);
        assert_eq!(without_bot_mentions("no mention", bot), None);
        assert_eq!(without_bot_mentions("<@42>", bot).as_deref(), Some(""));
    }
}
