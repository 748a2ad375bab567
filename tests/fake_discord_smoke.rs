//! Smoke test of the fake Discord harness (`tests/support`): a real serenity `Client` with a tiny
//! "ping" → "pong" handler connects to the fake, and we check IDENTIFY, replies, RESUME after
//! every kind of disconnect, survival of 429/500 answers, interactions, the REST routes, and
//! that every event builder decodes as the serenity event it claims to be.
//!
//! Every wait is bounded; nothing sleeps. Set `RUST_LOG=serenity=debug` to see the client's side.

mod support;

use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};
use serenity::all::{
    ChannelId, Client, ClientBuilder, CommandInteraction, CommandOptionType, CommandType, Context,
    CreateCommand, CreateCommandOption, CreateEmbed, CreateInteractionResponse,
    CreateInteractionResponseFollowup, CreateInteractionResponseMessage, CreateMessage,
    EditInteractionResponse, Event, EventHandler, GatewayIntents, Guild, GuildId, Interaction,
    Message, MessageId, Ready, ShardManager,
};
use serenity::model::event::GatewayEvent;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use support::events::{self, opt_string, MessageBuilder};
use support::{
    dm_message, guild_mention, guild_message, message_context_menu, reply_message, route,
    slash_command, FakeDiscord, TestUser, CHANNEL_ID, DM_CHANNEL_ID, GUILD_ID,
};

const WAIT: Duration = Duration::from_secs(5);

/// Replies "pong…" to "ping…", answers the `ping` slash command, and for the "Fact check"
/// message command defers, sends a follow-up and edits the original. Reports what it saw.
struct PongHandler {
    seen: mpsc::UnboundedSender<String>,
}

impl PongHandler {
    fn report(&self, what: String) {
        let _ = self.seen.send(what);
    }

    async fn command(&self, ctx: &Context, command: &CommandInteraction) -> serenity::Result<()> {
        match command.data.name.as_str() {
            "ping" => {
                let text = command
                    .data
                    .options
                    .first()
                    .and_then(|o| o.value.as_str())
                    .unwrap_or_default();
                let reply = CreateInteractionResponseMessage::new()
                    .content(format!("pong {text}"))
                    .ephemeral(true);
                command
                    .create_response(&ctx.http, CreateInteractionResponse::Message(reply))
                    .await
            }
            "Fact check" => {
                command.defer(&ctx.http).await?;
                let target = command
                    .data
                    .resolved
                    .messages
                    .values()
                    .next()
                    .map(|m| m.content.clone())
                    .unwrap_or_default();
                command
                    .create_followup(
                        &ctx.http,
                        CreateInteractionResponseFollowup::new()
                            .content(format!("checked: {target}")),
                    )
                    .await?;
                command
                    .edit_response(&ctx.http, EditInteractionResponse::new().content("done"))
                    .await?;
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

#[serenity::async_trait]
impl EventHandler for PongHandler {
    async fn ready(&self, _ctx: Context, ready: Ready) {
        self.report(format!("ready:{}", ready.user.name));
    }

    async fn guild_create(&self, _ctx: Context, guild: Guild, _is_new: Option<bool>) {
        self.report(format!("guild_create:{}", guild.name));
    }

    async fn message(&self, ctx: Context, msg: Message) {
        self.report(format!("message:{}", msg.content));
        if let Some(rest) = msg.content.strip_prefix("ping") {
            if let Err(err) = msg.channel_id.say(&ctx.http, format!("pong{rest}")).await {
                self.report(format!("send_error:{err}"));
            }
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        if let Interaction::Command(command) = interaction {
            self.report(format!("command:{}", command.data.name));
            if let Err(err) = self.command(&ctx, &command).await {
                self.report(format!("command_error:{err}"));
            }
        }
    }
}

/// A running serenity client connected to a fake.
struct Bot {
    manager: Arc<ShardManager>,
    task: JoinHandle<()>,
    seen: mpsc::UnboundedReceiver<String>,
}

impl Bot {
    async fn start(fake: &FakeDiscord) -> Self {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_test_writer()
            .try_init();
        let (tx, seen) = mpsc::unbounded_channel();
        let intents = GatewayIntents::GUILDS
            | GatewayIntents::GUILD_MESSAGES
            | GatewayIntents::DIRECT_MESSAGES
            | GatewayIntents::MESSAGE_CONTENT;
        let mut client: Client = ClientBuilder::new_with_http(fake.http(), intents)
            .event_handler(PongHandler { seen: tx })
            .await
            .expect("build serenity client");
        let manager = Arc::clone(&client.shard_manager);
        let task = tokio::spawn(async move {
            if let Err(err) = client.start().await {
                eprintln!("serenity client stopped with error: {err}");
            }
        });
        Self {
            manager,
            task,
            seen,
        }
    }

    /// Waits for the handler to report an event equal to `what` (skipping others).
    async fn saw(&mut self, what: &str) {
        let mut skipped = Vec::new();
        let found = tokio::time::timeout(WAIT, async {
            while let Some(event) = self.seen.recv().await {
                if event == what {
                    return true;
                }
                skipped.push(event);
            }
            false
        })
        .await;
        assert_eq!(
            found,
            Ok(true),
            "handler never reported {what:?}; it reported {skipped:?}"
        );
    }

    async fn stop(self) {
        self.manager.shutdown_all().await;
        tokio::time::timeout(WAIT, self.task)
            .await
            .expect("client task ends after shutdown_all")
            .expect("client task did not panic");
    }
}

fn pong_to(channel: u64, text: &str) -> impl Fn(&support::RecordedRequest) -> bool {
    let path = format!("/channels/{channel}/messages");
    let text = text.to_owned();
    move |r| r.is("POST", &path) && r.content() == Some(text.as_str()) && r.status == 200
}

fn ping(text: &str) -> Value {
    guild_message(GUILD_ID, CHANNEL_ID, &TestUser::alice(), text)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identify_ready_and_ping_pong() {
    let fake = FakeDiscord::start().await;
    // Queued before any session exists: delivered right after READY.
    assert_eq!(
        fake.dispatch("GUILD_CREATE", events::default_guild_create()),
        None
    );
    let mut bot = Bot::start(&fake).await;

    let identify = fake.wait_identified(1, WAIT).await.expect("IDENTIFY");
    let intents = GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT;
    assert_eq!(identify["intents"], json!(intents.bits()));
    assert_eq!(identify["token"], json!("Bot fake-bot-token"), "{identify}");
    assert_eq!(identify["shard"], json!([0, 1]));
    assert!(fake.requests().iter().any(|r| r.is("GET", "/gateway")));
    assert_eq!(fake.connect_uris(), vec!["/?v=10".to_owned()]);

    bot.saw("ready:factdesk").await;
    bot.saw("guild_create:Fact Desk Test").await;

    fake.dispatch("MESSAGE_CREATE", ping("ping"));
    let reply = fake
        .wait_for_request(pong_to(CHANNEL_ID, "pong"), WAIT)
        .await
        .expect("pong reply");
    assert_eq!(reply.header("authorization"), Some("Bot fake-bot-token"));

    // A DM and an @mention reach the handler too.
    fake.dispatch(
        "MESSAGE_CREATE",
        dm_message(DM_CHANNEL_ID, &TestUser::bob(), "ping dm"),
    );
    fake.wait_for_request(pong_to(DM_CHANNEL_ID, "pong dm"), WAIT)
        .await
        .expect("pong in DM");
    let bot_user = fake.bot_user();
    let mention = guild_mention(GUILD_ID, CHANNEL_ID, &TestUser::alice(), &bot_user, "hello");
    fake.dispatch("MESSAGE_CREATE", mention);
    bot.saw(&format!("message:<@{}> hello", bot_user.id)).await;

    // Heartbeats are acknowledged (interval 1 s: serenity sends its first one within ~1 s).
    fake.wait_heartbeats(1, WAIT).await.expect("a heartbeat");

    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn resumes_after_reconnect_close_and_drop() {
    let fake = FakeDiscord::start().await;
    let bot = Bot::start(&fake).await;
    fake.wait_identified(1, WAIT).await.expect("IDENTIFY");
    fake.dispatch("MESSAGE_CREATE", ping("ping 0"));
    fake.wait_for_request(pong_to(CHANNEL_ID, "pong 0"), WAIT)
        .await
        .expect("first pong");

    type Disconnect = fn(&FakeDiscord) -> bool;
    let disconnects: [(&str, Disconnect); 5] = [
        ("op 7 reconnect", |f| f.send_reconnect()),
        ("close 4000", |f| f.close(4000)),
        ("close 1000", |f| f.close(1000)),
        ("dropped TCP", |f| f.drop_connection()),
        ("invalid session (resumable)", |f| f.invalid_session(true)),
    ];
    for (i, (what, disconnect)) in disconnects.iter().enumerate() {
        let n = i + 1;
        fake.wait_connected(WAIT)
            .await
            .expect("connected before disconnect");
        let session = fake.session_id().expect("a session");
        assert!(disconnect(&fake), "{what}: a connection was active");
        // Dispatched while the bot is away: must be replayed on RESUME.
        fake.dispatch("MESSAGE_CREATE", ping(&format!("ping {n}")));
        let resume = fake
            .wait_resumed(n, WAIT)
            .await
            .unwrap_or_else(|e| panic!("{what}: no RESUME: {e:?}"));
        assert_eq!(resume["session_id"], json!(session), "{what}");
        fake.wait_for_request(pong_to(CHANNEL_ID, &format!("pong {n}")), WAIT)
            .await
            .unwrap_or_else(|e| panic!("{what}: replayed message not answered: {e:?}"));
    }
    assert_eq!(fake.identifies().len(), 1, "every disconnect was resumed");
    assert!(fake.rejected_resumes().is_empty());
    assert_eq!(fake.connection_count(), 6);

    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limited_or_failed_reply_does_not_kill_the_client() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::start(&fake).await;
    fake.wait_identified(1, WAIT).await.expect("IDENTIFY");

    fake.fail_next(route("POST", "/channels/{}/messages"), 429, 1);
    fake.dispatch("MESSAGE_CREATE", ping("ping 1"));
    let limited = fake
        .wait_for_request(|r| r.content() == Some("pong 1"), WAIT)
        .await
        .expect("first reply attempt");
    assert_eq!(limited.status, 429);
    bot.saw("send_error:You are being rate limited.").await;

    fake.fail_next(route("POST", "/channels/{}/messages"), 500, 1);
    fake.dispatch("MESSAGE_CREATE", ping("ping 2"));
    let failed = fake
        .wait_for_request(|r| r.content() == Some("pong 2"), WAIT)
        .await
        .expect("second reply attempt");
    assert_eq!(failed.status, 500);

    fake.dispatch("MESSAGE_CREATE", ping("ping 3"));
    fake.wait_for_request(pong_to(CHANNEL_ID, "pong 3"), WAIT)
        .await
        .expect("the client still answers");
    assert_eq!(fake.pending_failures(), 0);

    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_and_context_menu_interactions() {
    let fake = FakeDiscord::start().await;
    let mut bot = Bot::start(&fake).await;
    fake.wait_identified(1, WAIT).await.expect("IDENTIFY");

    let slash = slash_command(
        Some(GUILD_ID),
        CHANNEL_ID,
        &TestUser::alice(),
        "ping",
        vec![opt_string("text", "hi")],
    );
    let (id, token) = (
        slash["id"].as_str().unwrap(),
        slash["token"].as_str().unwrap(),
    );
    let callback_path = format!("/interactions/{id}/{token}/callback");
    fake.dispatch("INTERACTION_CREATE", slash.clone());
    let callback = fake
        .wait_for_request(route("POST", &callback_path), WAIT)
        .await
        .expect("slash command callback");
    assert_eq!(callback.status, 204);
    assert_eq!(callback.body["type"], json!(4));
    assert_eq!(callback.body["data"]["content"], json!("pong hi"));
    assert_eq!(callback.body["data"]["flags"], json!(64));

    // A message command in a DM: defer (type 5), follow-up, then edit of the original.
    let target = dm_message(DM_CHANNEL_ID, &TestUser::bob(), "Sony was hacked in 2014");
    let menu = message_context_menu(None, DM_CHANNEL_ID, &TestUser::bob(), "Fact check", &target);
    let token = menu["token"].as_str().unwrap().to_owned();
    fake.dispatch("INTERACTION_CREATE", menu);
    let followup = fake
        .wait_for_request(route("POST", &format!("/webhooks/{{}}/{token}")), WAIT)
        .await
        .expect("follow-up");
    assert_eq!(followup.status, 200);
    assert_eq!(followup.content(), Some("checked: Sony was hacked in 2014"));
    let edit = fake
        .wait_for_request(
            route(
                "PATCH",
                &format!("/webhooks/{{}}/{token}/messages/@original"),
            ),
            WAIT,
        )
        .await
        .expect("edit of the original");
    assert_eq!(edit.status, 200);
    assert_eq!(
        fake.interaction_original(&token).expect("original")["content"],
        json!("done")
    );
    let deferred = fake.requests_matching(|r| r.route().ends_with("/callback"));
    assert_eq!(deferred.last().expect("callback").body["type"], json!(5));
    assert!(!bot_reported_error(&mut bot));

    bot.stop().await;
}

fn bot_reported_error(bot: &mut Bot) -> bool {
    let mut error = false;
    while let Ok(event) = bot.seen.try_recv() {
        error |= event.contains("error");
    }
    error
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rest_routes_answer_like_discord() {
    let fake = FakeDiscord::start().await;
    let http = fake.http();
    http.set_application_id(fake.application_id().into());

    let me = http.get_current_user().await.expect("users/@me");
    assert_eq!(me.id.get(), fake.bot_user().id);
    assert!(me.bot);
    let app = http
        .get_current_application_info()
        .await
        .expect("application");
    assert_eq!(app.id.get(), fake.application_id());
    let gateway = http.get_bot_gateway().await.expect("gateway/bot");
    assert_eq!(gateway.url, fake.gateway_url());
    assert_eq!(gateway.shards, 1);

    // Commands are echoed with ids, and keep their ids when registered again.
    let commands = vec![
        CreateCommand::new("ping").description("Ping").add_option(
            CreateCommandOption::new(CommandOptionType::String, "text", "Text").required(false),
        ),
        CreateCommand::new("Fact check").kind(CommandType::Message),
    ];
    let global = serenity::all::Command::set_global_commands(&http, commands.clone())
        .await
        .expect("PUT global commands");
    assert_eq!(global.len(), 2);
    let again = serenity::all::Command::set_global_commands(&http, commands.clone())
        .await
        .expect("PUT global commands again");
    assert_eq!(global[0].id, again[0].id);
    let guild = GuildId::new(GUILD_ID)
        .set_commands(&http, commands)
        .await
        .expect("PUT guild commands");
    assert_eq!(guild[1].kind, CommandType::Message);
    assert_eq!(fake.registered_commands(Some(GUILD_ID)).len(), 2);

    // Messages: a dispatched message can be fetched, replied to (with embed), and edited.
    let original = ping("original");
    fake.dispatch("MESSAGE_CREATE", original.clone());
    let original_id = MessageId::new(original["id"].as_str().unwrap().parse().unwrap());
    let channel = ChannelId::new(CHANNEL_ID);
    let fetched = channel
        .message(&http, original_id)
        .await
        .expect("GET message");
    assert_eq!(fetched.content, "original");
    let sent = channel
        .send_message(
            &http,
            CreateMessage::new()
                .content("quote")
                .embed(
                    CreateEmbed::new()
                        .title("Source")
                        .description("“verbatim”")
                        .field("Article", "paragraph 3", false)
                        .colour(0x3366ff),
                )
                .reference_message((channel, original_id)),
        )
        .await
        .expect("POST message with embed and reference");
    assert_eq!(sent.embeds[0].title.as_deref(), Some("Source"));
    assert_eq!(
        sent.referenced_message.as_ref().map(|m| m.id),
        Some(original_id)
    );
    channel.broadcast_typing(&http).await.expect("typing");

    // Discord's validation errors decode as serenity errors with their codes. (serenity's
    // builders refuse > 2000 chars client-side, so go through the raw endpoint.)
    let too_long = http
        .send_message(channel, vec![], &json!({"content": "x".repeat(2001)}))
        .await
        .expect_err("2001 chars");
    assert!(
        format!("{too_long:?}").contains("BASE_TYPE_MAX_LENGTH"),
        "{too_long:?}"
    );
    let empty = channel
        .send_message(&http, CreateMessage::new())
        .await
        .expect_err("empty message");
    assert!(format!("{empty:?}").contains("50006"), "{empty:?}");

    // Unknown routes answer 404 at once, with a body serenity decodes, and are recorded.
    let unknown = http
        .get_guild(GuildId::new(GUILD_ID))
        .await
        .expect_err("404");
    assert!(
        format!("{unknown:?}").contains("404: Not Found"),
        "{unknown:?}"
    );
    let last = fake.requests().pop().expect("recorded");
    assert_eq!((last.method.as_str(), last.status), ("GET", 404));

    // Replies are built by the event helpers too.
    let reply = reply_message(
        &fetched_json(&fake, original_id.get()),
        &TestUser::bob(),
        "source?",
    );
    assert_eq!(reply["referenced_message"]["content"], json!("original"));
}

fn fetched_json(fake: &FakeDiscord, id: u64) -> Value {
    fake.message(id).expect("stored message")
}

/// Decodes a dispatch the way serenity's shard does and returns the event.
fn decode(event: &str, data: &Value) -> Event {
    let frame = json!({"op": 0, "s": 1, "t": event, "d": data});
    match serde_json::from_value::<GatewayEvent>(frame).expect("gateway frame decodes") {
        GatewayEvent::Dispatch(_, event) => event,
        other => panic!("not a dispatch: {other:?}"),
    }
}

#[test]
fn event_builders_decode_as_serenity_events() {
    let alice = TestUser::alice();
    let bot = TestUser::bot_user();

    let plain = guild_message(GUILD_ID, CHANNEL_ID, &alice, "hello");
    serde_json::from_value::<Message>(plain.clone()).expect("guild message is a Message");
    let Event::MessageCreate(created) = decode("MESSAGE_CREATE", &plain) else {
        panic!("guild message decoded as something else");
    };
    assert_eq!(created.message.guild_id, Some(GuildId::new(GUILD_ID)));
    let member = created.message.member.expect("member");
    assert_eq!(member.roles.len(), 1);

    let mention = guild_mention(GUILD_ID, CHANNEL_ID, &alice, &bot, "who hacked Sony?");
    let Event::MessageCreate(created) = decode("MESSAGE_CREATE", &mention) else {
        panic!("mention decoded as something else");
    };
    assert!(created.message.mentions_user_id(bot.id));
    assert!(created
        .message
        .content
        .starts_with(&format!("<@{}>", bot.id)));

    let dm = dm_message(DM_CHANNEL_ID, &alice, "hi");
    let Event::MessageCreate(created) = decode("MESSAGE_CREATE", &dm) else {
        panic!("DM decoded as something else");
    };
    assert_eq!(created.message.guild_id, None);

    let reply = reply_message(&plain, &TestUser::bob(), "source?");
    let Event::MessageCreate(created) = decode("MESSAGE_CREATE", &reply) else {
        panic!("reply decoded as something else");
    };
    let referenced = created.message.referenced_message.expect("referenced");
    assert_eq!(referenced.content, "hello");
    assert_eq!(
        created
            .message
            .message_reference
            .expect("reference")
            .message_id,
        Some(referenced.id)
    );
    let everyone = MessageBuilder::guild(GUILD_ID, CHANNEL_ID, &alice, "@everyone")
        .mention_everyone()
        .mention_roles(&[events::MEMBER_ROLE_ID])
        .build();
    assert!(matches!(
        decode("MESSAGE_CREATE", &everyone),
        Event::MessageCreate(_)
    ));

    let slash = slash_command(
        Some(GUILD_ID),
        CHANNEL_ID,
        &alice,
        "ask",
        vec![
            opt_string("question", "who?"),
            events::opt_int("n", 2),
            events::opt_bool("b", true),
        ],
    );
    let Event::InteractionCreate(created) = decode("INTERACTION_CREATE", &slash) else {
        panic!("slash command decoded as something else");
    };
    let command = created
        .interaction
        .command()
        .expect("a command interaction");
    assert_eq!(command.data.name, "ask");
    assert_eq!(command.data.options.len(), 3);
    assert_eq!(command.user.id.get(), alice.id);
    assert!(command.member.expect("member").permissions.is_some());

    let dm_slash = slash_command(None, DM_CHANNEL_ID, &alice, "ask", vec![]);
    let Event::InteractionCreate(created) = decode("INTERACTION_CREATE", &dm_slash) else {
        panic!("DM slash command decoded as something else");
    };
    assert_eq!(
        created
            .interaction
            .command()
            .expect("command")
            .user
            .id
            .get(),
        alice.id
    );

    let menu = message_context_menu(Some(GUILD_ID), CHANNEL_ID, &alice, "Fact check", &plain);
    let Event::InteractionCreate(created) = decode("INTERACTION_CREATE", &menu) else {
        panic!("context menu decoded as something else");
    };
    let command = created.interaction.command().expect("command");
    assert_eq!(command.data.kind, CommandType::Message);
    assert_eq!(command.data.resolved.messages.len(), 1);
    assert!(command.data.target_id.is_some());

    let guild = events::default_guild_create();
    let Event::GuildCreate(created) = decode("GUILD_CREATE", &guild) else {
        panic!("GUILD_CREATE decoded as something else");
    };
    let everyone_role = created
        .guild
        .roles
        .get(&GUILD_ID.into())
        .expect("@everyone role");
    assert!(everyone_role.permissions.send_messages());
    assert!(everyone_role.permissions.view_channel());
    assert!(created.guild.members.contains_key(&bot.id.into()));
    assert_eq!(created.guild.channels.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reidentifies_after_non_resumable_invalid_session() {
    let fake = FakeDiscord::start().await;
    let bot = Bot::start(&fake).await;
    fake.wait_identified(1, WAIT).await.expect("IDENTIFY");
    let first_session = fake.session_id().expect("session");

    assert!(fake.invalid_session(false));
    fake.dispatch("MESSAGE_CREATE", ping("ping again"));
    // serenity waits out its shard-queue delay (~5 s) before identifying again.
    fake.wait_identified(2, Duration::from_secs(10))
        .await
        .expect("second IDENTIFY");
    assert_ne!(fake.session_id().expect("new session"), first_session);
    fake.wait_for_request(pong_to(CHANNEL_ID, "pong again"), WAIT)
        .await
        .expect("message queued across the new session is answered");
    assert!(fake.resumes().is_empty());

    bot.stop().await;
}

/// A poise slash + prefix command, as factdesk's framework will use them.
#[poise::command(slash_command, prefix_command)]
async fn hello(ctx: poise::Context<'_, (), anyhow::Error>) -> Result<(), anyhow::Error> {
    ctx.say("hello from poise").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn poise_framework_registers_commands_and_answers() {
    let fake = FakeDiscord::start().await;
    fake.dispatch("GUILD_CREATE", events::default_guild_create());
    let framework = poise::Framework::builder()
        .options(poise::FrameworkOptions {
            commands: vec![hello()],
            prefix_options: poise::PrefixFrameworkOptions {
                prefix: Some("!".into()),
                ..Default::default()
            },
            allowed_mentions: Some(serenity::all::CreateAllowedMentions::new()),
            ..Default::default()
        })
        .setup(|ctx, _ready, framework| {
            Box::pin(async move {
                poise::builtins::register_globally(ctx, &framework.options().commands).await?;
                Ok(())
            })
        })
        .build();
    let intents = GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::DIRECT_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT;
    let mut client = ClientBuilder::new_with_http(fake.http(), intents)
        .framework(framework)
        .await
        .expect("build poise client");
    let manager = Arc::clone(&client.shard_manager);
    let task = tokio::spawn(async move {
        if let Err(err) = client.start().await {
            eprintln!("poise client stopped with error: {err}");
        }
    });

    let put = fake
        .wait_for_request(route("PUT", "/applications/{}/commands"), WAIT)
        .await
        .expect("poise registers its commands");
    assert_eq!(put.status, 200);
    assert_eq!(put.body[0]["name"], json!("hello"));
    assert!(fake
        .requests()
        .iter()
        .any(|r| r.is("GET", "/oauth2/applications/@me")));

    let slash = slash_command(
        Some(GUILD_ID),
        CHANNEL_ID,
        &TestUser::alice(),
        "hello",
        vec![],
    );
    let callback_path = format!(
        "/interactions/{}/{}/callback",
        slash["id"].as_str().unwrap(),
        slash["token"].as_str().unwrap()
    );
    fake.dispatch("INTERACTION_CREATE", slash);
    let callback = fake
        .wait_for_request(route("POST", &callback_path), WAIT)
        .await
        .expect("slash command answered");
    assert_eq!(callback.content(), Some("hello from poise"));
    assert_eq!(
        callback.body["data"]["allowed_mentions"],
        json!({"parse": [], "roles": [], "users": []})
    );

    fake.dispatch("MESSAGE_CREATE", ping("!hello"));
    let reply = fake
        .wait_for_request(pong_to(CHANNEL_ID, "hello from poise"), WAIT)
        .await
        .expect("prefix command answered");
    assert_eq!(reply.status, 200);

    manager.shutdown_all().await;
    tokio::time::timeout(WAIT, task)
        .await
        .expect("client task ends after shutdown_all")
        .expect("client task did not panic");
}
