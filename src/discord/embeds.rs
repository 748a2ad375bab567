//! Turning a [`Reply`] into Discord builders. The layout (escaping, limits, cutting) is done by
//! [`Reply::to_discord`]; this module only copies it into serenity / poise builders, and puts
//! empty allowed mentions on every one of them so no reply can ever ping.

use serenity::all::{
    CreateAllowedMentions, CreateEmbed, CreateEmbedFooter, CreateInteractionResponseFollowup,
    CreateInteractionResponseMessage, CreateMessage, Message, MessageReference,
};

use crate::reply::{DiscordLayout, EmbedLayout, Reply};

/// Allowed mentions that allow nothing.
pub fn no_pings() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
}

/// The embed of a laid-out reply.
pub fn create_embed(layout: &EmbedLayout) -> CreateEmbed {
    let mut embed = CreateEmbed::new().colour(layout.colour);
    if let Some(title) = &layout.title {
        embed = embed.title(title);
    }
    if !layout.description.is_empty() {
        embed = embed.description(&layout.description);
    }
    for (name, value, inline) in &layout.fields {
        embed = embed.field(name, value, *inline);
    }
    if let Some(footer) = &layout.footer {
        embed = embed.footer(CreateEmbedFooter::new(footer));
    }
    embed
}

/// A poise reply (for commands): a reply to the invoking message for prefix commands,
/// ephemeral for interactions when asked.
pub fn create_reply(reply: &Reply, ephemeral: bool) -> poise::CreateReply {
    let DiscordLayout { content, embed } = reply.to_discord();
    let mut builder = poise::CreateReply::default()
        .allowed_mentions(no_pings())
        .ephemeral(ephemeral)
        .reply(true);
    if let Some(content) = content {
        builder = builder.content(content);
    }
    if let Some(embed) = embed {
        builder = builder.embed(create_embed(&embed));
    }
    builder
}

/// A message answering `to` as a reply (for mentions, DMs and replied-to fact checks).
pub fn create_message_replying(reply: &Reply, to: &Message) -> CreateMessage {
    let mut reference = MessageReference::from(to);
    // If the message is deleted meanwhile, still answer (as a plain message).
    reference.fail_if_not_exists = Some(false);
    let DiscordLayout { content, embed } = reply.to_discord();
    let mut builder = CreateMessage::new()
        .allowed_mentions(no_pings())
        .reference_message(reference);
    if let Some(content) = content {
        builder = builder.content(content);
    }
    if let Some(embed) = embed {
        builder = builder.embed(create_embed(&embed));
    }
    builder
}

/// An interaction response message (for interactions poise does not know).
pub fn interaction_message(reply: &Reply, ephemeral: bool) -> CreateInteractionResponseMessage {
    let DiscordLayout { content, embed } = reply.to_discord();
    let mut builder = CreateInteractionResponseMessage::new()
        .allowed_mentions(no_pings())
        .ephemeral(ephemeral);
    if let Some(content) = content {
        builder = builder.content(content);
    }
    if let Some(embed) = embed {
        builder = builder.embed(create_embed(&embed));
    }
    builder
}

/// An interaction follow-up (after a deferred response).
pub fn interaction_followup(reply: &Reply) -> CreateInteractionResponseFollowup {
    let DiscordLayout { content, embed } = reply.to_discord();
    let mut builder = CreateInteractionResponseFollowup::new().allowed_mentions(no_pings());
    if let Some(content) = content {
        builder = builder.content(content);
    }
    if let Some(embed) = embed {
        builder = builder.embed(create_embed(&embed));
    }
    builder
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::{Span, Tone};

    fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
        serde_json::to_value(value).unwrap_or_default()
    }

    #[test]
    fn embeds_carry_the_layout() {
        let reply = Reply::new(Tone::Supported, "✅ Supported")
            .line(vec![Span::User("@everyone *hi*".into())])
            .footer("Source: x");
        let layout = reply.to_discord().embed.expect("embed");
        let embed = json(&create_embed(&layout));
        assert_eq!(embed["title"], "✅ Supported");
        assert_eq!(embed["color"], Tone::Supported.colour());
        assert_eq!(embed["footer"]["text"], "Source: x");
        let description = embed["description"].as_str().unwrap_or_default();
        assert!(!description.contains("@everyone"));
    }

    #[test]
    fn every_builder_allows_no_mentions() {
        let reply = Reply::notice("hello");
        let empty = serde_json::json!({"parse": [], "users": [], "roles": []});
        let message = json(&interaction_message(&reply, true));
        assert_eq!(message["allowed_mentions"], empty);
        assert_eq!(message["flags"], 64);
        assert_eq!(
            json(&interaction_followup(&reply))["allowed_mentions"],
            empty
        );
    }
}
