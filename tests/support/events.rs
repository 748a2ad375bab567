//! Gateway event payload builders for the fake Discord.
//!
//! Owns the JSON shapes that are dispatched to the bot (`MESSAGE_CREATE`, `INTERACTION_CREATE`,
//! `GUILD_CREATE`), the default test identities (bot, application, guild, channels, users) and
//! the snowflake / timestamp helpers. Every builder emits *all* the fields serenity 0.12 requires:
//! a payload missing one is silently turned into `Event::Unknown` and never reaches the bot (see
//! `shared/notes/fake-discord.md`). `tests/fake_discord_smoke.rs` decodes each builder's output
//! with serenity's own models to keep this true.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

/// The fake bot's user id (what READY, `users/@me` and bot mentions use by default).
pub const BOT_USER_ID: u64 = 1_100_000_000_000_000_001;
/// The fake bot's username.
pub const BOT_USERNAME: &str = "factdesk";
/// The application id announced in READY (deliberately different from the bot user id).
pub const APPLICATION_ID: u64 = 1_100_000_000_000_000_002;
/// Owner of the application (returned by `oauth2/applications/@me`) and of the default guild.
pub const OWNER_ID: u64 = 1_100_000_000_000_000_003;
/// The default guild.
pub const GUILD_ID: u64 = 1_200_000_000_000_000_001;
/// A text channel in [`GUILD_ID`].
pub const CHANNEL_ID: u64 = 1_200_000_000_000_000_002;
/// A DM channel between [`USER_ID`] and the bot.
pub const DM_CHANNEL_ID: u64 = 1_200_000_000_000_000_003;
/// A role that [`TestUser::alice`] has in the default guild.
pub const MEMBER_ROLE_ID: u64 = 1_200_000_000_000_000_004;
/// A default human user.
pub const USER_ID: u64 = 1_300_000_000_000_000_001;
/// A second human user.
pub const OTHER_USER_ID: u64 = 1_300_000_000_000_000_002;

/// Discord's epoch (2015-01-01T00:00:00Z) in Unix milliseconds.
const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// Permission bits used by the builders (Discord's numbering).
pub mod perms {
    pub const CREATE_INSTANT_INVITE: u64 = 1 << 0;
    pub const ADD_REACTIONS: u64 = 1 << 6;
    pub const VIEW_CHANNEL: u64 = 1 << 10;
    pub const SEND_MESSAGES: u64 = 1 << 11;
    pub const EMBED_LINKS: u64 = 1 << 14;
    pub const ATTACH_FILES: u64 = 1 << 15;
    pub const READ_MESSAGE_HISTORY: u64 = 1 << 16;
    pub const MENTION_EVERYONE: u64 = 1 << 17;
    pub const USE_EXTERNAL_EMOJIS: u64 = 1 << 18;
    pub const CHANGE_NICKNAME: u64 = 1 << 26;
    pub const USE_APPLICATION_COMMANDS: u64 = 1 << 31;
    pub const CREATE_PUBLIC_THREADS: u64 = 1 << 35;
    pub const SEND_MESSAGES_IN_THREADS: u64 = 1 << 38;
    pub const ADMINISTRATOR: u64 = 1 << 3;

    /// What `@everyone` gets in [`super::guild_create`]: enough to read and write in text
    /// channels, use slash commands and embed links.
    pub const EVERYONE_DEFAULT: u64 = CREATE_INSTANT_INVITE
        | ADD_REACTIONS
        | VIEW_CHANNEL
        | SEND_MESSAGES
        | EMBED_LINKS
        | ATTACH_FILES
        | READ_MESSAGE_HISTORY
        | USE_EXTERNAL_EMOJIS
        | CHANGE_NICKNAME
        | USE_APPLICATION_COMMANDS
        | CREATE_PUBLIC_THREADS
        | SEND_MESSAGES_IN_THREADS;
}

/// A new, unique snowflake whose timestamp part is "now".
pub fn snowflake() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(DISCORD_EPOCH_MS);
    let increment = COUNTER.fetch_add(1, Ordering::Relaxed) & 0x3F_FFFF;
    (now_ms.saturating_sub(DISCORD_EPOCH_MS) << 22) | increment
}

/// The current UTC time as Discord formats it: `2024-05-01T12:34:56.789000+00:00`.
pub fn timestamp_now() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs();
    let micros = now.subsec_micros();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (hour, minute, second) = (rem / 3600, (rem % 3600) / 60, rem % 60);
    // Civil-from-days (Howard Hinnant's algorithm), valid for dates after 1970.
    let z = days as i64 + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}.{micros:06}+00:00")
}

/// A user as it appears in events: id, name, bot flag and (guild) role ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestUser {
    pub id: u64,
    pub name: String,
    pub bot: bool,
    /// Role ids this user has as a member of the guild the event happens in.
    pub roles: Vec<u64>,
}

impl TestUser {
    /// A human user without roles.
    pub fn new(id: u64, name: &str) -> Self {
        Self {
            id,
            name: name.to_owned(),
            bot: false,
            roles: Vec::new(),
        }
    }

    /// The fake's default bot user ([`BOT_USER_ID`], [`BOT_USERNAME`]).
    pub fn bot_user() -> Self {
        Self::new(BOT_USER_ID, BOT_USERNAME).bot_account()
    }

    /// [`USER_ID`], "alice", with [`MEMBER_ROLE_ID`].
    pub fn alice() -> Self {
        Self::new(USER_ID, "alice").with_roles(&[MEMBER_ROLE_ID])
    }

    /// [`OTHER_USER_ID`], "bob", no roles.
    pub fn bob() -> Self {
        Self::new(OTHER_USER_ID, "bob")
    }

    /// Marks the user as a bot account.
    pub fn bot_account(mut self) -> Self {
        self.bot = true;
        self
    }

    /// Replaces the user's guild role ids.
    pub fn with_roles(mut self, roles: &[u64]) -> Self {
        self.roles = roles.to_vec();
        self
    }

    /// The mention markup, `<@id>`.
    pub fn mention(&self) -> String {
        format!("<@{}>", self.id)
    }

    /// The user object (`id`, `username`, `discriminator`, `global_name`, `avatar`, `bot`).
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id.to_string(),
            "username": self.name,
            "discriminator": "0",
            "global_name": if self.bot { Value::Null } else { Value::String(self.name.clone()) },
            "avatar": null,
            "bot": self.bot,
            "public_flags": 0,
        })
    }

    /// A partial member (as inside `MESSAGE_CREATE.member`, without `user`).
    pub fn partial_member_json(&self) -> Value {
        json!({
            "roles": ids(&self.roles),
            "joined_at": "2024-01-01T00:00:00.000000+00:00",
            "premium_since": null,
            "nick": null,
            "deaf": false,
            "mute": false,
            "flags": 0,
            "pending": false,
        })
    }

    /// A full member (with `user`), as in `GUILD_CREATE.members` and interactions.
    pub fn member_json(&self) -> Value {
        let mut member = self.partial_member_json();
        member["user"] = self.to_json();
        member
    }
}

fn ids(ids: &[u64]) -> Value {
    Value::Array(ids.iter().map(|id| Value::String(id.to_string())).collect())
}

/// Fluent builder for a `MESSAGE_CREATE` payload (`d`).
///
/// ```ignore
/// let d = MessageBuilder::guild(GUILD_ID, CHANNEL_ID, &TestUser::alice(), "hi")
///     .mention(&TestUser::bot_user())
///     .build();
/// ```
#[derive(Clone, Debug)]
pub struct MessageBuilder {
    id: u64,
    guild_id: Option<u64>,
    channel_id: u64,
    author: TestUser,
    content: String,
    mentions: Vec<TestUser>,
    mention_roles: Vec<u64>,
    mention_everyone: bool,
    referenced: Option<Value>,
}

impl MessageBuilder {
    /// A message in a guild text channel; `author.roles` become `member.roles`.
    pub fn guild(guild_id: u64, channel_id: u64, author: &TestUser, content: &str) -> Self {
        Self {
            id: snowflake(),
            guild_id: Some(guild_id),
            channel_id,
            author: author.clone(),
            content: content.to_owned(),
            mentions: Vec::new(),
            mention_roles: Vec::new(),
            mention_everyone: false,
            referenced: None,
        }
    }

    /// A direct message: no `guild_id`, no `member`.
    pub fn dm(channel_id: u64, author: &TestUser, content: &str) -> Self {
        let mut builder = Self::guild(0, channel_id, author, content);
        builder.guild_id = None;
        builder
    }

    /// Overrides the generated message id.
    pub fn id(mut self, id: u64) -> Self {
        self.id = id;
        self
    }

    /// Adds a user to `mentions` (does not touch `content`; see [`guild_mention`]).
    pub fn mention(mut self, user: &TestUser) -> Self {
        self.mentions.push(user.clone());
        self
    }

    /// Adds role ids to `mention_roles`.
    pub fn mention_roles(mut self, roles: &[u64]) -> Self {
        self.mention_roles.extend_from_slice(roles);
        self
    }

    /// Sets `mention_everyone`.
    pub fn mention_everyone(mut self) -> Self {
        self.mention_everyone = true;
        self
    }

    /// Makes this a reply (type 19) to `referenced` (a message payload, e.g. from another
    /// builder): sets `message_reference` and `referenced_message`, and, like Discord, mentions
    /// the referenced author.
    pub fn reply_to(mut self, referenced: &Value) -> Self {
        self.referenced = Some(referenced.clone());
        self
    }

    /// The `MESSAGE_CREATE` `d` object.
    pub fn build(self) -> Value {
        let in_guild = self.guild_id.is_some();
        let mut mentions: Vec<Value> = self
            .mentions
            .iter()
            .map(|user| mention_json(user, in_guild))
            .collect();
        if let Some(referenced) = &self.referenced {
            let author = &referenced["author"];
            let already = mentions.iter().any(|m| m["id"] == author["id"]);
            if !already && author.is_object() {
                let mut mention = author.clone();
                if in_guild {
                    mention["member"] = referenced
                        .get("member")
                        .cloned()
                        .unwrap_or_else(|| json!({"roles": [], "deaf": false, "mute": false}));
                }
                mentions.push(mention);
            }
        }
        let mut msg = json!({
            "id": self.id.to_string(),
            "channel_id": self.channel_id.to_string(),
            "author": self.author.to_json(),
            "content": self.content,
            "timestamp": timestamp_now(),
            "edited_timestamp": null,
            "tts": false,
            "mention_everyone": self.mention_everyone,
            "mentions": mentions,
            "mention_roles": ids(&self.mention_roles),
            "mention_channels": [],
            "attachments": [],
            "embeds": [],
            "components": [],
            "pinned": false,
            "type": 0,
            "flags": 0,
            "nonce": self.id.to_string(),
        });
        if let Some(guild_id) = self.guild_id {
            msg["guild_id"] = Value::String(guild_id.to_string());
            msg["member"] = self.author.partial_member_json();
        }
        if let Some(referenced) = self.referenced {
            msg["type"] = json!(19);
            let mut reference = json!({
                "type": 0,
                "message_id": referenced["id"].clone(),
                "channel_id": referenced["channel_id"].clone(),
                "fail_if_not_exists": false,
            });
            if let Some(guild_id) = referenced.get("guild_id").or(msg.get("guild_id")) {
                reference["guild_id"] = guild_id.clone();
            }
            msg["message_reference"] = reference;
            msg["referenced_message"] = referenced;
        }
        msg
    }
}

fn mention_json(user: &TestUser, in_guild: bool) -> Value {
    let mut mention = user.to_json();
    if in_guild {
        mention["member"] = user.partial_member_json();
    }
    mention
}

/// A plain guild message (`MESSAGE_CREATE` `d`).
pub fn guild_message(guild_id: u64, channel_id: u64, author: &TestUser, content: &str) -> Value {
    MessageBuilder::guild(guild_id, channel_id, author, content).build()
}

/// A guild message that @mentions `bot`: content `"<@bot> {text}"`, `bot` in `mentions`.
pub fn guild_mention(
    guild_id: u64,
    channel_id: u64,
    author: &TestUser,
    bot: &TestUser,
    text: &str,
) -> Value {
    let content = format!("{} {text}", bot.mention());
    MessageBuilder::guild(guild_id, channel_id, author, &content)
        .mention(bot)
        .build()
}

/// A direct message to the bot (`MESSAGE_CREATE` `d` without `guild_id`).
pub fn dm_message(channel_id: u64, author: &TestUser, content: &str) -> Value {
    MessageBuilder::dm(channel_id, author, content).build()
}

/// A reply by `author` to `referenced` (same guild/channel as `referenced`).
pub fn reply_message(referenced: &Value, author: &TestUser, content: &str) -> Value {
    let channel_id = snowflake_of(&referenced["channel_id"]).unwrap_or(CHANNEL_ID);
    let builder = match snowflake_of(&referenced["guild_id"]) {
        Some(guild_id) => MessageBuilder::guild(guild_id, channel_id, author, content),
        None => MessageBuilder::dm(channel_id, author, content),
    };
    builder.reply_to(referenced).build()
}

/// Parses a snowflake given as a JSON string or number.
pub fn snowflake_of(value: &Value) -> Option<u64> {
    match value {
        Value::String(s) => s.parse().ok(),
        Value::Number(n) => n.as_u64(),
        _ => None,
    }
}

/// A string option for [`slash_command`] (`type` 3).
pub fn opt_string(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

/// An integer option for [`slash_command`] (`type` 4).
pub fn opt_int(name: &str, value: i64) -> Value {
    json!({"name": name, "type": 4, "value": value})
}

/// A boolean option for [`slash_command`] (`type` 5).
pub fn opt_bool(name: &str, value: bool) -> Value {
    json!({"name": name, "type": 5, "value": value})
}

/// A chat-input (slash) command `INTERACTION_CREATE` `d`.
///
/// `guild_id: None` builds a DM invocation (`user` instead of `member`, DM channel). The
/// member gets `permissions` = [`perms::EVERYONE_DEFAULT`]. The interaction `id` and `token`
/// are generated: read them back from the returned value to match the callback URL
/// (`/interactions/{id}/{token}/callback`).
pub fn slash_command(
    guild_id: Option<u64>,
    channel_id: u64,
    user: &TestUser,
    name: &str,
    options: Vec<Value>,
) -> Value {
    let data = json!({
        "id": snowflake().to_string(),
        "name": name,
        "type": 1,
        "options": options,
    });
    interaction(guild_id, channel_id, user, data)
}

/// A message context-menu command (`data.type` 3) invoked on `target` (a message payload):
/// `data.target_id` and `data.resolved.messages[target.id]` are set.
pub fn message_context_menu(
    guild_id: Option<u64>,
    channel_id: u64,
    user: &TestUser,
    name: &str,
    target: &Value,
) -> Value {
    let target_id = target["id"].clone();
    let key = target_id.as_str().unwrap_or_default().to_owned();
    let mut resolved_message = target.clone();
    // Discord's resolved messages carry no guild_id/member.
    if let Some(obj) = resolved_message.as_object_mut() {
        obj.remove("member");
        obj.remove("guild_id");
    }
    let data = json!({
        "id": snowflake().to_string(),
        "name": name,
        "type": 3,
        "target_id": target_id,
        "resolved": { "messages": { key: resolved_message } },
    });
    interaction(guild_id, channel_id, user, data)
}

fn interaction(guild_id: Option<u64>, channel_id: u64, user: &TestUser, data: Value) -> Value {
    let id = snowflake();
    let permissions = perms::EVERYONE_DEFAULT.to_string();
    let mut value = json!({
        "id": id.to_string(),
        "application_id": APPLICATION_ID.to_string(),
        "type": 2,
        "data": data,
        "channel_id": channel_id.to_string(),
        "token": format!("fake-interaction-token-{id}"),
        "version": 1,
        "app_permissions": permissions,
        "locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {},
        "attachment_size_limit": 26_214_400,
    });
    match guild_id {
        Some(guild_id) => {
            let mut member = user.member_json();
            member["permissions"] = Value::String(permissions);
            value["guild_id"] = Value::String(guild_id.to_string());
            value["guild_locale"] = json!("en-US");
            value["member"] = member;
            value["channel"] = json!({
                "id": channel_id.to_string(),
                "type": 0,
                "name": "general",
                "guild_id": guild_id.to_string(),
                "permissions": perms::EVERYONE_DEFAULT.to_string(),
            });
            value["context"] = json!(0);
            value["authorizing_integration_owners"] = json!({"0": guild_id.to_string()});
        }
        None => {
            value["user"] = user.to_json();
            value["channel"] = json!({
                "id": channel_id.to_string(),
                "type": 1,
                "recipients": [user.to_json()],
            });
            value["context"] = json!(1);
            value["authorizing_integration_owners"] = json!({"0": "0"});
        }
    }
    value
}

/// A role object (with `colors.primary_color`, which serenity requires).
pub fn role(id: u64, name: &str, permissions: u64, position: u16) -> Value {
    json!({
        "id": id.to_string(),
        "name": name,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": position,
        "permissions": permissions.to_string(),
        "managed": false,
        "mentionable": false,
        "flags": 0,
    })
}

/// A guild text channel object.
pub fn text_channel(guild_id: u64, id: u64, name: &str, position: u16) -> Value {
    json!({
        "id": id.to_string(),
        "type": 0,
        "guild_id": guild_id.to_string(),
        "name": name,
        "position": position,
        "permission_overwrites": [],
        "topic": null,
        "nsfw": false,
        "last_message_id": null,
        "rate_limit_per_user": 0,
        "parent_id": null,
        "flags": 0,
    })
}

/// A `GUILD_CREATE` `d` for `guild_id`.
///
/// Roles: `@everyone` (id = guild id) with [`perms::EVERYONE_DEFAULT`] and one plain role per
/// distinct role id found in `members` (no extra permissions). Members: every entry of
/// `members` plus the default bot user. Channels: one text channel per `(id, name)`. Push
/// more roles with [`role`] into `["roles"]` if a test needs them.
pub fn guild_create(
    guild_id: u64,
    name: &str,
    channels: &[(u64, &str)],
    members: &[TestUser],
) -> Value {
    let mut all_members: Vec<TestUser> = members.to_vec();
    if !all_members.iter().any(|m| m.id == BOT_USER_ID) {
        all_members.push(TestUser::bot_user());
    }
    let mut roles = vec![role(guild_id, "@everyone", perms::EVERYONE_DEFAULT, 0)];
    let mut seen = vec![guild_id];
    for role_id in all_members.iter().flat_map(|m| m.roles.iter().copied()) {
        if !seen.contains(&role_id) {
            seen.push(role_id);
            roles.push(role(
                role_id,
                &format!("role-{role_id}"),
                0,
                seen.len() as u16,
            ));
        }
    }
    let channels: Vec<Value> = channels
        .iter()
        .enumerate()
        .map(|(i, (id, name))| text_channel(guild_id, *id, name, i as u16))
        .collect();
    let mut guild = json!({
        "id": guild_id.to_string(),
        "name": name,
        "icon": null,
        "icon_hash": null,
        "splash": null,
        "discovery_splash": null,
        "owner_id": OWNER_ID.to_string(),
        "afk_channel_id": null,
        "afk_timeout": 300,
        "widget_enabled": false,
        "widget_channel_id": null,
        "verification_level": 0,
        "default_message_notifications": 0,
        "explicit_content_filter": 0,
        "roles": roles,
        "emojis": [],
        "features": [],
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": null,
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "max_presences": null,
        "max_members": 500_000,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": null,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null,
    });
    // Split in two: one `json!` this large exceeds the macro recursion limit.
    let extra = json!({
        "joined_at": "2024-01-01T00:00:00.000000+00:00",
        "large": false,
        "unavailable": false,
        "member_count": all_members.len(),
        "voice_states": [],
        "members": all_members.iter().map(TestUser::member_json).collect::<Vec<_>>(),
        "channels": channels,
        "threads": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
    });
    if let (Some(guild), Value::Object(extra)) = (guild.as_object_mut(), extra) {
        guild.extend(extra);
    }
    guild
}

/// The default guild: [`GUILD_ID`] "Fact Desk Test" with `#general` ([`CHANNEL_ID`]) and
/// members alice, bob and the bot.
pub fn default_guild_create() -> Value {
    guild_create(
        GUILD_ID,
        "Fact Desk Test",
        &[(CHANNEL_ID, "general")],
        &[TestUser::alice(), TestUser::bob()],
    )
}
