//! Who is a moderator: a member with the Manage Messages permission (or Administrator), or with
//! a role listed in `FACTDESK_MOD_ROLE_IDS`. The decision itself is a pure function
//! ([`is_moderator`]); the rest gathers its inputs from an interaction (Discord resolves the
//! permissions) or from a message (the cache, else the guild's roles over HTTP).

use serenity::all::{
    ChannelId, GuildId, Http, Message, PartialMember, Permissions, RoleId, UserId,
};
use serenity::cache::Cache;

use super::{BotContext, BotData};

/// True when a member with these (channel) permissions and roles may moderate.
pub fn is_moderator(
    permissions: Option<Permissions>,
    roles: &[RoleId],
    moderator_roles: &[RoleId],
) -> bool {
    roles.iter().any(|r| moderator_roles.contains(r))
        || permissions.is_some_and(|p| p.administrator() || p.manage_messages())
}

/// Guild-level permissions of a member from the @everyone role and their roles' permissions
/// (without channel overwrites). The owner has every permission.
pub fn permissions_from_roles(
    everyone: Permissions,
    member_roles: impl IntoIterator<Item = Permissions>,
    is_owner: bool,
) -> Permissions {
    if is_owner {
        return Permissions::all();
    }
    let combined = member_roles.into_iter().fold(everyone, |acc, p| acc | p);
    if combined.administrator() {
        Permissions::all()
    } else {
        combined
    }
}

/// Whether the author of a command may moderate where they used it.
pub(crate) async fn author_is_moderator(ctx: BotContext<'_>) -> bool {
    let data = ctx.data();
    match ctx {
        poise::Context::Application(app) => {
            let Some(member) = app.interaction.member.as_deref() else {
                return false; // a DM: no server, no moderators
            };
            is_moderator(member.permissions, &member.roles, &data.moderator_roles)
        }
        poise::Context::Prefix(prefix) => {
            message_author_is_moderator(ctx.serenity_context(), data, prefix.msg).await
        }
    }
}

/// Whether the author of a guild message may moderate in its channel.
pub(crate) async fn message_author_is_moderator(
    ctx: &serenity::all::Context,
    data: &BotData,
    msg: &Message,
) -> bool {
    let (Some(guild_id), Some(member)) = (msg.guild_id, msg.member.as_deref()) else {
        return false;
    };
    if is_moderator(None, &member.roles, &data.moderator_roles) {
        return true;
    }
    let permissions =
        match cached_permissions(&ctx.cache, guild_id, msg.channel_id, msg.author.id, member) {
            Some(p) => p,
            None => fetched_permissions(&ctx.http, guild_id, member).await,
        };
    is_moderator(Some(permissions), &member.roles, &data.moderator_roles)
}

/// Permissions in the channel from the cached guild, if the guild is cached.
fn cached_permissions(
    cache: &Cache,
    guild_id: GuildId,
    channel_id: ChannelId,
    author: UserId,
    member: &PartialMember,
) -> Option<Permissions> {
    let guild = cache.guild(guild_id)?;
    // serenity asserts that a member's user matches the id given; leave the user out.
    let mut member = member.clone();
    member.user = None;
    let channel = guild.channels.get(&channel_id).or_else(|| {
        let thread = guild.threads.iter().find(|t| t.id == channel_id)?;
        guild.channels.get(&thread.parent_id?)
    });
    Some(match channel {
        Some(channel) => guild.partial_member_permissions_in(channel, author, &member),
        None => guild.partial_member_permissions(author, &member),
    })
}

/// Guild-level permissions from the guild's roles over HTTP; none if that fails.
async fn fetched_permissions(
    http: &Http,
    guild_id: GuildId,
    member: &PartialMember,
) -> Permissions {
    match guild_id.roles(http).await {
        Ok(roles) => {
            let everyone = roles
                .get(&RoleId::new(guild_id.get()))
                .map_or(Permissions::empty(), |r| r.permissions);
            let member_roles = member
                .roles
                .iter()
                .filter_map(|id| roles.get(id))
                .map(|r| r.permissions);
            permissions_from_roles(everyone, member_roles, false)
        }
        Err(err) => {
            tracing::debug!(%guild_id, "could not fetch roles to check permissions: {err}");
            Permissions::empty()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOD_ROLE: RoleId = RoleId::new(77);

    #[test]
    fn manage_messages_or_admin_makes_a_moderator() {
        assert!(is_moderator(Some(Permissions::MANAGE_MESSAGES), &[], &[]));
        assert!(is_moderator(Some(Permissions::ADMINISTRATOR), &[], &[]));
        assert!(is_moderator(
            Some(Permissions::SEND_MESSAGES | Permissions::MANAGE_MESSAGES),
            &[],
            &[]
        ));
    }

    #[test]
    fn a_listed_role_makes_a_moderator() {
        assert!(is_moderator(None, &[RoleId::new(1), MOD_ROLE], &[MOD_ROLE]));
        assert!(is_moderator(
            Some(Permissions::SEND_MESSAGES),
            &[MOD_ROLE],
            &[MOD_ROLE]
        ));
    }

    #[test]
    fn ordinary_members_are_not_moderators() {
        assert!(!is_moderator(None, &[], &[]));
        assert!(!is_moderator(
            Some(Permissions::SEND_MESSAGES | Permissions::VIEW_CHANNEL),
            &[RoleId::new(1)],
            &[MOD_ROLE]
        ));
        assert!(!is_moderator(Some(Permissions::empty()), &[], &[MOD_ROLE]));
    }

    #[test]
    fn role_permissions_combine_and_admin_grants_all() {
        let p = permissions_from_roles(
            Permissions::SEND_MESSAGES,
            [Permissions::MANAGE_MESSAGES],
            false,
        );
        assert!(p.manage_messages() && p.send_messages());
        let admin =
            permissions_from_roles(Permissions::empty(), [Permissions::ADMINISTRATOR], false);
        assert!(admin.manage_messages());
        assert!(permissions_from_roles(Permissions::empty(), [], true).manage_messages());
        assert!(!permissions_from_roles(Permissions::SEND_MESSAGES, [], false).manage_messages());
    }
}
