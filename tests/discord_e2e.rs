//! End-to-end tests of the Discord bot: the real serenity + poise client, started by the same
//! `factdesk::discord::run_until` that `factdesk run` uses and configured through the production
//! [`Config`], talks to the fake Discord of `tests/support` (REST + gateway on loopback). Every
//! test asserts what a member would see: the reply's text and embed, the message it answers, the
//! allowed mentions (never a ping), Discord's limits, and that every quote is copied byte for
//! byte from the article paragraph it cites.
//!
//! Scenarios of issue 5, one test each:
//! 1. [`startup_identifies_registers_commands_and_logs_ready`]: IDENTIFY intents (with and
//!    without MESSAGE_CONTENT), global or guild command registration, READY logged.
//! 2. [`mentions_and_dms_are_answered_as_replies_with_article_quotes`].
//! 3. [`every_topic_command_answers_and_unknown_commands_suggest`].
//! 4. [`slash_ask_and_factcheck_get_exactly_one_callback`].
//! 5. [`moderators_fact_check_by_command_reply_and_context_menu`].
//! 6. [`no_request_can_ping_whatever_the_question_contains`].
//! 7. [`bots_self_and_webhooks_are_ignored_and_the_cooldown_notifies_once`].
//! 8. [`reconnects_resume_and_invalid_session_reidentifies`].
//! 9. [`rate_limited_and_failed_replies_do_not_stop_the_bot`].
//! 10. [`a_burst_of_1000_questions_gets_1000_right_replies`].
//! 11. [`hostile_input_gets_calm_replies_within_discord_limits`].
//!
//! Also (issue 4) [`edits_rerun_commands_inside_the_window_only`]; (issue 8)
//! [`two_packs_route_each_question_to_its_article`],
//! [`reload_swaps_good_knowledge_and_keeps_serving_on_broken`] and
//! [`questions_during_reloads_are_all_answered`]; (issue 7) [`the_token_never_reaches_the_logs`].
//!
//! Nothing sleeps: every wait is for a recorded request, with a timeout. To prove that something
//! did *not* happen, a test waits for the answer to a later "barrier" question ([`Bot::barrier`])
//! and then checks the record. Run with `RUST_LOG=factdesk=debug,serenity=info` to see the bot.

mod support;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use factdesk::config::Config;
use factdesk::discord::{self, BotError, LiveEngine};
use serde_json::{json, Value};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use support::events::{self, opt_string, perms, MessageBuilder};
use support::{
    dm_message, guild_mention, guild_message, message_context_menu, reply_message, route,
    slash_command, FakeConfig, FakeDiscord, RecordedRequest, TestUser, CHANNEL_ID, DM_CHANNEL_ID,
    GUILD_ID,
};

/// How long any single expected event may take.
const WAIT: Duration = Duration::from_secs(15);
/// A well-formed (fake) bot token; the fake's default token is rejected by `Config` as malformed.
const TOKEN: &str = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhRtXy.abcdefghijklmnopqrstuvwxyz0123456789AB";
/// A role listed in `FACTDESK_MOD_ROLE_IDS`.
const MOD_ROLE: u64 = 1_200_000_000_000_000_099;
/// A role whose permissions include Manage Messages (sent in GUILD_CREATE).
const MANAGER_ROLE: u64 = 1_200_000_000_000_000_055;
/// Discord's MANAGE_MESSAGES permission bit.
const MANAGE_MESSAGES: u64 = 1 << 13;
/// The Sony pack shipped in `knowledge/`.
const SONY_PACK: &str = "sony-hack-2014";
const SONY_ARTICLE: &str = include_str!("../knowledge/sony-hack-2014/article.txt");
const SONY_HEADLINE: &str = "North Korea wants joint investigation with US into Sony hack";
/// A bare pack (article only) for the two-pack tests.
const BBC_ARTICLE: &str = include_str!("data/bbc/business-lufthansa-flies-back-to-profit.txt");
const BBC_PACK: &str = "lufthansa";

const CHANNEL_MESSAGES: &str = "/channels/{}/messages";
const CALLBACK: &str = "/interactions/{}/{}/callback";

// ----- the bot under test ------------------------------------------------------------------------

/// A fake Discord and the real bot connected to it. Start with [`Bot::start`] or
/// [`Bot::start_with`], end with [`Bot::stop`] (which checks that it shuts down cleanly).
struct Bot {
    fake: FakeDiscord,
    live: Arc<LiveEngine>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<Result<(), BotError>>>,
}

impl Bot {
    /// The bot on the shipped knowledge, prefix commands on, cooldown off, one shard.
    async fn start() -> Bot {
        Bot::start_with(&[], &knowledge_dir()).await
    }

    /// The bot on the packs in `knowledge`, with `vars` over the defaults of [`Bot::start`]
    /// (an empty value unsets a default).
    async fn start_with(vars: &[(&str, &str)], knowledge: &Path) -> Bot {
        init_debug_logs();
        let fake = FakeDiscord::start_with(FakeConfig {
            token: TOKEN.to_owned(),
            // Discord's own interval. (With the fake's default of 1 s, a burst of questions
            // delays serenity's heartbeat ACK and it re-identifies.)
            heartbeat_interval_ms: 41_250,
            ..FakeConfig::default()
        })
        .await;
        let mut values: HashMap<String, String> = [
            ("DISCORD_TOKEN", TOKEN.to_owned()),
            ("DISCORD_API_BASE", fake.api_base()),
            ("FACTDESK_SHARDS", "0..0/1".to_owned()),
            ("FACTDESK_COOLDOWN_SECS", "0".to_owned()),
            ("FACTDESK_MESSAGE_CONTENT", "1".to_owned()),
            ("FACTDESK_MOD_ROLE_IDS", MOD_ROLE.to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        for (name, value) in vars {
            values.insert((*name).to_owned(), (*value).to_owned());
        }
        let config = Config::from_map(&values).expect("the test configuration is valid");
        let live = Arc::new(LiveEngine::load(knowledge).expect("the knowledge loads"));
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(discord::run_until(config, Arc::clone(&live), async {
            let _ = stopped.await;
        }));
        fake.wait_identified(1, WAIT)
            .await
            .expect("the bot identifies");
        Bot {
            fake,
            live,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// Stops the bot as Ctrl-C would and checks it ends cleanly and in time.
    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let task = self.task.take().expect("the bot runs");
        let result = tokio::time::timeout(WAIT, task)
            .await
            .expect("the bot stops in time");
        result
            .expect("the bot did not panic")
            .expect("the bot stopped without error");
    }

    /// True while the bot's task is running (it did not crash or give up).
    fn is_running(&self) -> bool {
        self.task.as_ref().is_some_and(|t| !t.is_finished())
    }

    /// Dispatches a `MESSAGE_CREATE` and returns the message.
    fn send(&self, message: Value) -> Value {
        self.fake.dispatch("MESSAGE_CREATE", message.clone());
        message
    }

    /// Dispatches an `INTERACTION_CREATE` and returns the interaction.
    fn interact(&self, interaction: Value) -> Value {
        self.fake
            .dispatch("INTERACTION_CREATE", interaction.clone());
        interaction
    }

    /// Waits for the bot's message that replies to `message`.
    async fn reply_to(&self, message: &Value) -> RecordedRequest {
        let id = id_of(message);
        self.fake
            .wait_for_request(move |r| replied_id(r).as_deref() == Some(id.as_str()), WAIT)
            .await
            .unwrap_or_else(|e| panic!("no reply to {:?}: {e}", message["content"]))
    }

    /// Sends `message` and waits for the bot's reply to it.
    async fn ask(&self, message: Value) -> RecordedRequest {
        let message = self.send(message);
        self.reply_to(&message).await
    }

    /// Every message the bot posted in reply to `message` so far.
    fn replies_to(&self, message: &Value) -> Vec<RecordedRequest> {
        let id = id_of(message);
        self.fake
            .requests_matching(|r| replied_id(r).as_deref() == Some(id.as_str()))
    }

    /// Waits for the callback (interaction response) to `interaction`.
    async fn callback(&self, interaction: &Value) -> RecordedRequest {
        let path = callback_path(interaction);
        self.fake
            .wait_for_request(move |r| r.method == "POST" && r.route() == path, WAIT)
            .await
            .unwrap_or_else(|e| panic!("no callback for {}: {e}", interaction["data"]["name"]))
    }

    /// Dispatches `interaction` and waits for its callback.
    async fn command(&self, interaction: Value) -> RecordedRequest {
        let interaction = self.interact(interaction);
        self.callback(&interaction).await
    }

    /// Every request the bot made about `interaction` (callback, follow-ups, edits).
    fn interaction_requests(&self, interaction: &Value) -> Vec<RecordedRequest> {
        let token = interaction["token"].as_str().expect("token").to_owned();
        self.fake
            .requests_matching(|r| r.route().split('/').any(|s| s == token))
    }

    /// Waits until the bot has answered a question sent after everything so far: whatever it
    /// was going to do with earlier events it has most likely done by then. Each barrier comes
    /// from a new user, so cooldowns do not hold it back.
    async fn barrier(&self) {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let user = TestUser::new(
            1_500_000_000_000_000_000 + NEXT.fetch_add(1, Ordering::Relaxed),
            "barrier",
        );
        self.ask(dm_message(DM_CHANNEL_ID, &user, "who hacked sony"))
            .await;
    }

    /// The bot's POSTs of channel messages so far.
    fn posts(&self) -> Vec<RecordedRequest> {
        self.fake.requests_matching(route("POST", CHANNEL_MESSAGES))
    }

    /// The application-command registrations (PUTs, global or guild) so far.
    fn registrations(&self) -> Vec<RecordedRequest> {
        self.fake.requests_matching(|r| {
            r.is("PUT", "/applications/{}/commands")
                || r.is("PUT", "/applications/{}/guilds/{}/commands")
        })
    }
}

/// With `RUST_LOG` set, the bot's logs go to the test output (captured per test by libtest).
fn init_debug_logs() {
    if std::env::var_os("RUST_LOG").is_some() {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_test_writer()
            .try_init();
    }
}

fn knowledge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

// ----- people and messages -----------------------------------------------------------------------

fn alice() -> TestUser {
    TestUser::alice()
}

/// A moderator by role (`FACTDESK_MOD_ROLE_IDS`).
fn moderator() -> TestUser {
    TestUser::new(1_300_000_000_000_000_010, "mod").with_roles(&[MOD_ROLE])
}

fn mention(user: &TestUser, text: &str) -> Value {
    guild_mention(
        GUILD_ID,
        CHANNEL_ID,
        user,
        &TestUser::bot_user(),
        text.trim_start(),
    )
}

fn say(user: &TestUser, text: &str) -> Value {
    guild_message(GUILD_ID, CHANNEL_ID, user, text)
}

fn slash(user: &TestUser, name: &str, options: Vec<Value>) -> Value {
    slash_command(Some(GUILD_ID), CHANNEL_ID, user, name, options)
}

/// `interaction` with the member's resolved permissions set to `permissions`.
fn with_permissions(mut interaction: Value, permissions: u64) -> Value {
    interaction["member"]["permissions"] = json!(permissions.to_string());
    interaction
}

/// The `MESSAGE_UPDATE` Discord sends when it adds a link preview to `message`: same content,
/// not edited, one more embed.
fn unfurled(message: &Value) -> Value {
    let mut update = message.clone();
    update["embeds"] = json!([{"type": "link", "url": "https://example.com/"}]);
    update
}

/// A snowflake whose timestamp is `age` ago (for "old" messages).
fn snowflake_aged(age: Duration) -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_millis() as u64;
    let at = now - age.as_millis() as u64 - DISCORD_EPOCH_MS;
    (at << 22) | (NEXT.fetch_add(1, Ordering::Relaxed) & 0xFFF)
}

fn id_of(message: &Value) -> String {
    message["id"].as_str().expect("message id").to_owned()
}

fn callback_path(interaction: &Value) -> String {
    format!(
        "/interactions/{}/{}/callback",
        interaction["id"].as_str().expect("interaction id"),
        interaction["token"].as_str().expect("interaction token")
    )
}

/// The id of the message a bot POST replies to.
fn replied_id(r: &RecordedRequest) -> Option<String> {
    if !r.is("POST", CHANNEL_MESSAGES) {
        return None;
    }
    r.body["message_reference"]["message_id"]
        .as_str()
        .map(str::to_owned)
}

// ----- what a member sees ------------------------------------------------------------------------

/// The message a request sends: the body of a channel message, `data` of an interaction
/// callback.
fn message_of(r: &RecordedRequest) -> &Value {
    if r.is("POST", CALLBACK) {
        &r.body["data"]
    } else {
        &r.body
    }
}

fn no_pings() -> Value {
    json!({"parse": [], "users": [], "roles": []})
}

fn content(r: &RecordedRequest) -> &str {
    message_of(r)["content"].as_str().unwrap_or_default()
}

fn embed(r: &RecordedRequest) -> &Value {
    &message_of(r)["embeds"][0]
}

fn title(r: &RecordedRequest) -> &str {
    embed(r)["title"].as_str().unwrap_or_default()
}

fn description(r: &RecordedRequest) -> &str {
    embed(r)["description"].as_str().unwrap_or_default()
}

fn footer(r: &RecordedRequest) -> &str {
    embed(r)["footer"]["text"].as_str().unwrap_or_default()
}

/// All the text a member sees in the message.
fn visible_text(message: &Value) -> String {
    let mut text = message["content"].as_str().unwrap_or_default().to_owned();
    for embed in message["embeds"].as_array().into_iter().flatten() {
        for part in [
            &embed["title"],
            &embed["description"],
            &embed["footer"]["text"],
        ] {
            text.push('\n');
            text.push_str(part.as_str().unwrap_or_default());
        }
        for field in embed["fields"].as_array().into_iter().flatten() {
            for part in [&field["name"], &field["value"]] {
                text.push('\n');
                text.push_str(part.as_str().unwrap_or_default());
            }
        }
    }
    text
}

fn chars(value: &Value) -> usize {
    value.as_str().map_or(0, |s| s.chars().count())
}

/// The checks every message the bot sends must pass: Discord accepted it, it cannot ping, and
/// it is inside Discord's limits. Returns the message.
fn assert_sendable(r: &RecordedRequest) -> &Value {
    assert!(
        r.status == 200 || r.status == 204,
        "Discord refused it: {}",
        r.summary()
    );
    let message = message_of(r);
    assert_eq!(
        message["allowed_mentions"],
        no_pings(),
        "allowed mentions must block everything: {}",
        r.summary()
    );
    assert_within_limits(message);
    message
}

/// Content ≤ 2000 characters; at most 10 embeds, each with title ≤ 256, description ≤ 4096,
/// field names ≤ 256 and values ≤ 1024, footer ≤ 2048, all together ≤ 6000.
fn assert_within_limits(message: &Value) {
    assert!(chars(&message["content"]) <= 2000, "content too long");
    let embeds = message["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= 10, "too many embeds");
    let mut total = 0;
    for embed in &embeds {
        let title = chars(&embed["title"]);
        let description = chars(&embed["description"]);
        let footer = chars(&embed["footer"]["text"]);
        assert!(title <= 256, "embed title too long");
        assert!(description <= 4096, "embed description too long");
        assert!(footer <= 2048, "embed footer too long");
        total += title + description + footer;
        let fields = embed["fields"].as_array().cloned().unwrap_or_default();
        assert!(fields.len() <= 25, "too many fields");
        for field in &fields {
            assert!(chars(&field["name"]) <= 256, "field name too long");
            assert!(chars(&field["value"]) <= 1024, "field value too long");
            total += chars(&field["name"]) + chars(&field["value"]);
        }
    }
    assert!(total <= 6000, "embed text over 6000 characters");
}

/// A block quote of a reply as the reader sees it, and the paragraph it cites.
#[derive(Debug)]
struct ShownQuote {
    text: String,
    /// The quote was cut (shown with "…"): `text` must be a prefix of the sentence.
    cut: bool,
    paragraph: Option<usize>,
}

/// The block quotes of an embed description (lines starting with "> ", then "— *¶N, ...*"),
/// with the markdown escapes removed as Discord renders them.
fn shown_quotes(description: &str) -> Vec<ShownQuote> {
    let mut quotes = Vec::new();
    let mut lines = description.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(first) = line.strip_prefix("> ") else {
            continue;
        };
        let mut text = vec![first.to_owned()];
        while let Some(more) = lines.peek().and_then(|l| l.strip_prefix("> ")) {
            text.push(more.to_owned());
            lines.next();
        }
        let paragraph = lines
            .peek()
            .and_then(|l| l.strip_prefix("— *¶"))
            .and_then(|l| l.split(',').next())
            .and_then(|n| n.parse().ok());
        let mut text = unescape_markdown(&text.join("\n"));
        let cut = text.ends_with('…');
        if cut {
            text.pop();
        }
        quotes.push(ShownQuote {
            text,
            cut,
            paragraph,
        });
    }
    quotes
}

/// Markdown as rendered: `\x` shows `x` for ASCII punctuation; zero-width spaces are invisible.
fn unescape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(char::is_ascii_punctuation) => {
                out.extend(chars.next());
            }
            '\u{200B}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The paragraphs of an article (runs of non-blank lines; the headline is ¶1).
fn paragraphs(article: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in article.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// Every block quote in the message is copied byte for byte from `article` (a cut quote is a
/// prefix of its sentence), inside the paragraph it cites. Returns the quotes.
fn assert_quotes_from(article: &str, message: &Value) -> Vec<String> {
    let paragraphs = paragraphs(article);
    let description = message["embeds"][0]["description"]
        .as_str()
        .unwrap_or_default();
    let mut texts = Vec::new();
    for quote in shown_quotes(description) {
        assert!(
            quote.text.chars().count() >= 20,
            "a quote too short to be a citation: {quote:?}"
        );
        let number = quote
            .paragraph
            .unwrap_or_else(|| panic!("a quote without its paragraph: {quote:?}"));
        let paragraph = paragraphs
            .get(number - 1)
            .unwrap_or_else(|| panic!("the article has no ¶{number}: {quote:?}"));
        assert!(
            paragraph.contains(&quote.text),
            "not byte-exact from ¶{number} of the article: {:?}",
            quote.text
        );
        if quote.cut {
            assert!(quote.text.chars().count() >= 60, "cut too short: {quote:?}");
        }
        texts.push(quote.text);
    }
    texts
}

/// The message answers from `article`: at least one quote, all byte-exact, and the footer
/// cites `headline`.
fn assert_answer_from(article: &str, headline: &str, message: &Value) -> Vec<String> {
    let quotes = assert_quotes_from(article, message);
    assert!(
        !quotes.is_empty(),
        "an answer without quotes: {}",
        visible_text(message)
    );
    let footer = message["embeds"][0]["footer"]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(
        footer.starts_with(&format!("Source: {headline}")),
        "the footer does not cite the article: {footer:?}"
    );
    quotes
}

/// A reply to a question about the Sony hack, as a member sees it.
fn assert_sony_answer(r: &RecordedRequest) -> Vec<String> {
    let message = assert_sendable(r);
    assert_answer_from(SONY_ARTICLE, SONY_HEADLINE, message)
}

/// A fact-check reply: a verdict title, the claim it checked, byte-exact evidence.
fn assert_fact_check(r: &RecordedRequest) {
    let message = assert_sendable(r);
    let title = title(r);
    assert!(
        ["✅ Supported", "❌ Refuted", "❔ Not in the source"].contains(&title),
        "no verdict: {}",
        r.summary()
    );
    assert!(
        description(r).contains("**Claim:**"),
        "the checked claim is not shown: {}",
        description(r)
    );
    let quotes = assert_quotes_from(SONY_ARTICLE, message);
    if !title.contains("Not in the source") {
        assert!(!quotes.is_empty(), "a verdict without evidence");
    }
}

/// The moderators-only refusal.
fn assert_refusal(r: &RecordedRequest) {
    assert_sendable(r);
    assert!(
        content(r).starts_with("Only moderators can do that"),
        "not a refusal: {}",
        r.summary()
    );
}

/// An interaction callback: one message (type 4), ephemeral or not.
fn assert_callback(r: &RecordedRequest, ephemeral: bool) {
    assert_sendable(r);
    assert_eq!(r.body["type"], 4, "{}", r.summary());
    let flags = message_of(r)["flags"].as_u64().unwrap_or(0);
    assert_eq!(
        flags & 64 != 0,
        ephemeral,
        "ephemeral flag: {}",
        r.summary()
    );
}

// ----- log capture -------------------------------------------------------------------------------

/// A `tracing` writer into memory.
#[derive(Clone, Default)]
struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl LogBuffer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|e| e.into_inner())).into_owned()
    }
}

impl Write for LogBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures this thread's logs with `filter` while the guard lives. Use it in a
/// current-thread runtime (`#[tokio::test]`), where every task of the bot runs on this thread.
/// `tungstenite=off` keeps the websocket frames out (the fake's own, and the client's).
fn capture_logs(filter: &str) -> (LogBuffer, tracing::subscriber::DefaultGuard) {
    let buffer = LogBuffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    (buffer, tracing::subscriber::set_default(subscriber))
}

// ----- 1. start-up -------------------------------------------------------------------------------

#[tokio::test]
async fn startup_identifies_registers_commands_and_logs_ready() {
    let (logs, _guard) = capture_logs("info,tungstenite=off");

    // Production defaults: no MESSAGE_CONTENT, autosharding, global commands.
    let bot = Bot::start_with(
        &[("FACTDESK_MESSAGE_CONTENT", ""), ("FACTDESK_SHARDS", "")],
        &knowledge_dir(),
    )
    .await;
    let identify = &bot.fake.identifies()[0];
    let guilds = 1 << 0;
    let guild_messages = 1 << 9;
    let direct_messages = 1 << 12;
    let message_content = 1 << 15;
    assert_eq!(
        identify["intents"],
        json!(guilds | guild_messages | direct_messages),
        "no privileged intent unless asked for"
    );
    assert_eq!(identify["token"], json!(format!("Bot {TOKEN}")));
    assert_eq!(identify["shard"], json!([0, 1]));
    assert!(
        bot.fake
            .requests()
            .iter()
            .any(|r| r.is("GET", "/gateway/bot")),
        "autosharding asks Discord for the shard count"
    );
    let put = bot
        .fake
        .wait_for_request(route("PUT", "/applications/{}/commands"), WAIT)
        .await
        .expect("commands registered globally");
    assert_eq!(put.status, 200, "{}", put.summary());
    let commands = put.body.as_array().expect("a list of commands").clone();
    let named = |name: &str| {
        commands
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("command {name} not registered"))
    };
    // Chat-input commands may leave out `type` (Discord's default, 1).
    let slash_command = |name: &str| {
        let kind = &named(name)["type"];
        assert!(kind.is_null() || *kind == 1, "{name} is a slash command");
    };
    for name in ["ask", "facts", "source", "help", "factcheck", "reload"] {
        slash_command(name);
    }
    for (_, topic) in bot.live.current().topics() {
        slash_command(&topic.command);
    }
    let menu = named("Fact-check message");
    assert_eq!(menu["type"], 3, "a message context-menu command");
    for moderation in ["factcheck", "reload", "Fact-check message"] {
        assert_eq!(
            named(moderation)["default_member_permissions"],
            json!(MANAGE_MESSAGES.to_string()),
            "{moderation} is hidden from non-moderators"
        );
    }
    assert_eq!(named("ask")["options"][0]["required"], true);
    assert!(
        bot.fake.wait_connected(WAIT).await.is_ok() && bot.is_running(),
        "connected"
    );
    // READY handled and logged (the registration runs in poise's setup, after READY).
    bot.barrier().await;
    bot.stop().await;
    let text = logs.text();
    assert!(
        text.contains("connected to Discord as factdesk (1 server(s))"),
        "READY not logged:\n{text}"
    );
    let registered = format!(
        "registered {} application commands globally",
        commands.len()
    );
    assert!(text.contains(&registered), "{registered:?} not logged");
    assert_eq!(
        text.matches("MESSAGE_CONTENT intent is off").count(),
        1,
        "one clear warning about prefix commands:\n{text}"
    );
    assert!(text.contains("shutting down"));

    // Prefix commands on, one shard, commands registered in one server.
    let bot = Bot::start_with(
        &[("FACTDESK_GUILD_ID", &GUILD_ID.to_string())],
        &knowledge_dir(),
    )
    .await;
    let identify = &bot.fake.identifies()[0];
    assert_eq!(
        identify["intents"],
        json!(guilds | guild_messages | direct_messages | message_content)
    );
    assert_eq!(identify["shard"], json!([0, 1]));
    let put = bot
        .fake
        .wait_for_request(route("PUT", "/applications/{}/guilds/{}/commands"), WAIT)
        .await
        .expect("commands registered in the server");
    assert!(put.route().contains(&GUILD_ID.to_string()));
    assert_eq!(
        bot.fake.registered_commands(Some(GUILD_ID)).len(),
        commands.len()
    );
    assert!(
        bot.fake.registered_commands(None).is_empty(),
        "nothing registered globally"
    );
    assert!(!bot
        .fake
        .requests()
        .iter()
        .any(|r| r.is("GET", "/gateway/bot")));
    bot.stop().await;
    assert!(logs
        .text()
        .contains(&format!("application commands in server {GUILD_ID}")));
}

// ----- 2. mentions and DMs -----------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mentions_and_dms_are_answered_as_replies_with_article_quotes() {
    // Without the privileged MESSAGE_CONTENT intent, as most servers run it.
    let bot = Bot::start_with(&[("FACTDESK_MESSAGE_CONTENT", "")], &knowledge_dir()).await;
    let bot_user = TestUser::bot_user();
    let messages = [
        // Mention first: poise reads it as the unknown command `who`.
        mention(&alice(), "who hacked Sony?"),
        // Mention inside the text: a non-command message.
        say(
            &alice(),
            &format!("hey {} who hacked Sony?", bot_user.mention()),
        ),
        // The nickname form of the mention.
        MessageBuilder::guild(
            GUILD_ID,
            CHANNEL_ID,
            &alice(),
            &format!("<@!{}> what happened to the interview", bot_user.id),
        )
        .mention(&bot_user)
        .build(),
        // A mention whose first word is a command name: still a question.
        mention(&alice(), "source of the hack?"),
        // Any DM.
        dm_message(DM_CHANNEL_ID, &alice(), "Did North Korea deny it?"),
    ];
    for message in messages {
        let reply = bot.ask(message.clone()).await;
        assert_eq!(
            reply.route(),
            format!(
                "/channels/{}/messages",
                message["channel_id"].as_str().expect("a channel")
            ),
            "answered in the same channel"
        );
        let reference = &reply.body["message_reference"];
        assert_eq!(reference["message_id"], message["id"]);
        assert_eq!(reference["channel_id"], message["channel_id"]);
        assert_sony_answer(&reply);
    }
    // The role Discord gives the bot, mentioned instead of the bot (autocomplete does that).
    const BOT_ROLE: u64 = 1_200_000_000_000_000_077;
    let mut guild = events::default_guild_create();
    let mut role = events::role(BOT_ROLE, "factdesk", perms::EVERYONE_DEFAULT, 1);
    role["managed"] = json!(true);
    role["tags"] = json!({"bot_id": bot_user.id.to_string()});
    guild["roles"].as_array_mut().expect("roles").push(role);
    bot.fake.dispatch("GUILD_CREATE", guild);
    let by_role = MessageBuilder::guild(
        GUILD_ID,
        CHANNEL_ID,
        &alice(),
        &format!("<@&{BOT_ROLE}> who hacked Sony?"),
    )
    .mention_roles(&[BOT_ROLE])
    .build();
    assert_sony_answer(&bot.ask(by_role).await);
    // A bare mention gets a reply too (an invitation to ask), never an error.
    let reply = bot.ask(mention(&alice(), "")).await;
    assert_sendable(&reply);
    assert!(!visible_text(&reply.body).contains("Something went wrong"));

    // The answer quotes the sentence that answers it.
    let reply = bot.ask(mention(&alice(), "who hacked Sony?")).await;
    let quotes = assert_sony_answer(&reply);
    assert!(
        quotes.iter().any(|q| q.contains("Guardians of Peace")),
        "{quotes:?}"
    );
    bot.stop().await;
}

// ----- 3. topic commands and "did you mean" ------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_topic_command_answers_and_unknown_commands_suggest() {
    let bot = Bot::start().await;
    let engine = bot.live.current();
    let topics: Vec<(String, String)> = engine
        .topics()
        .map(|(_, t)| (t.command.clone(), t.title.clone()))
        .collect();
    assert!(topics.len() >= 5, "the Sony pack has its topics");
    for (command, title) in &topics {
        let reply = bot.ask(say(&alice(), &format!("!{command}"))).await;
        assert_eq!(self::title(&reply), title, "!{command}");
        assert_sony_answer(&reply);

        let callback = bot.command(slash(&alice(), command, vec![])).await;
        assert_callback(&callback, false);
        assert_eq!(self::title(&callback), title, "/{command}");
        assert_answer_from(SONY_ARTICLE, SONY_HEADLINE, message_of(&callback));
    }
    // A command without its question asks for one.
    let reply = bot.ask(say(&alice(), "!ask")).await;
    assert_sendable(&reply);
    assert_eq!(title(&reply), "What would you like to know?");

    // The case of a command does not matter.
    let reply = bot.ask(say(&alice(), "!WHO-HACKED")).await;
    assert_eq!(title(&reply), "Who hacked Sony");

    // facts lists every topic as a command; source names the article; help explains.
    let reply = bot.ask(say(&alice(), "!facts")).await;
    assert_sendable(&reply);
    for (command, _) in &topics {
        assert!(description(&reply).contains(&format!("`!{command}`")));
    }
    let reply = bot.ask(say(&alice(), "!source")).await;
    assert_sendable(&reply);
    assert!(description(&reply).contains(SONY_HEADLINE));
    let reply = bot.ask(say(&alice(), "!help")).await;
    assert_sendable(&reply);
    assert!(description(&reply).contains("`!ask <question>`"));

    // Typos get "did you mean"; nonsense gets a pointer to help.
    let reply = bot.ask(say(&alice(), "!who-hakced")).await;
    assert_sendable(&reply);
    assert_eq!(title(&reply), "Unknown command");
    assert!(
        description(&reply).contains("Did you mean `!who-hacked`"),
        "{}",
        description(&reply)
    );
    let reply = bot.ask(say(&alice(), "!teh-interveiw")).await;
    assert!(description(&reply).contains("`!the-interview`"));
    let reply = bot.ask(say(&alice(), "!xyzzy")).await;
    assert!(description(&reply).contains("`!help`"));
    // A slash command Discord still shows but the bot does not know.
    let callback = bot.command(slash(&alice(), "who-hakced", vec![])).await;
    assert_callback(&callback, true);
    assert!(description(&callback).contains("`/who-hacked`"));

    // Exclamations and sentences are not commands.
    let wow = bot.send(say(&alice(), "!!! wow"));
    let sentence = bot.send(say(&alice(), "!important news today"));
    bot.barrier().await;
    assert!(bot.replies_to(&wow).is_empty() && bot.replies_to(&sentence).is_empty());
    bot.stop().await;
}

// ----- 4. slash commands -------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slash_ask_and_factcheck_get_exactly_one_callback() {
    let bot = Bot::start().await;
    let ask = bot.interact(slash(
        &alice(),
        "ask",
        vec![opt_string("question", "who hacked sony?")],
    ));
    let callback = bot.callback(&ask).await;
    assert_callback(&callback, false);
    assert_answer_from(SONY_ARTICLE, SONY_HEADLINE, message_of(&callback));

    // A moderator by permission (Discord resolves it into the interaction) and by role.
    let by_permission = bot.interact(with_permissions(
        slash(
            &TestUser::bob(),
            "factcheck",
            vec![opt_string(
                "claim",
                "Sony cancelled the release of The Interview",
            )],
        ),
        perms::EVERYONE_DEFAULT | MANAGE_MESSAGES,
    ));
    let by_role = bot.interact(slash(
        &moderator(),
        "factcheck",
        vec![opt_string("claim", "North Korea admitted the hack")],
    ));
    for interaction in [&by_permission, &by_role] {
        let callback = bot.callback(interaction).await;
        assert_callback(&callback, false);
        assert_fact_check(&callback);
    }

    // A member: an ephemeral refusal, and no fact check.
    let refused = bot.interact(slash(
        &alice(),
        "factcheck",
        vec![opt_string("claim", "North Korea admitted the hack")],
    ));
    let callback = bot.callback(&refused).await;
    assert_callback(&callback, true);
    assert_refusal(&callback);
    // In a DM nobody is a moderator.
    let dm = bot.interact(slash_command(
        None,
        DM_CHANNEL_ID,
        &moderator(),
        "factcheck",
        vec![opt_string("claim", "Sony cancelled The Interview")],
    ));
    let callback = bot.callback(&dm).await;
    assert_callback(&callback, true);
    assert_refusal(&callback);

    bot.barrier().await;
    for interaction in [&ask, &by_permission, &by_role, &refused, &dm] {
        let requests = bot.interaction_requests(interaction);
        assert_eq!(
            requests.len(),
            1,
            "exactly one callback, no follow-up or edit: {:#?}",
            requests.iter().map(|r| r.summary()).collect::<Vec<_>>()
        );
    }
    assert!(bot.posts().iter().all(|r| replied_id(r).is_some()));
    bot.stop().await;
}

// ----- 5. moderator fact checks ------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderators_fact_check_by_command_reply_and_context_menu() {
    let bot = Bot::start().await;

    // `!factcheck <claim>` by a moderator role: answered as a reply to the command.
    let command = say(
        &moderator(),
        "!factcheck The FBI pointed to North Korea as the culprit",
    );
    let reply = bot.ask(command).await;
    assert_fact_check(&reply);
    assert!(description(&reply).contains("The FBI pointed to North Korea as the culprit"));

    // Replying to a member's message with `!factcheck` checks *that* message and answers it.
    let claim = bot.send(say(
        &alice(),
        "North Korea had nothing to do with the Sony hack",
    ));
    let check = bot.send(reply_message(&claim, &moderator(), "!factcheck"));
    let reply = bot.reply_to(&claim).await;
    assert_fact_check(&reply);
    assert!(description(&reply).contains("North Korea had nothing to do with the Sony hack"));
    // Discord may leave `referenced_message` out: the bot fetches the message.
    let claim = bot.send(say(&alice(), "Sony released The Interview as planned"));
    let mut bare = reply_message(&claim, &moderator(), "!factcheck");
    bare.as_object_mut()
        .expect("message")
        .remove("referenced_message");
    bot.send(bare);
    let reply = bot.reply_to(&claim).await;
    assert_fact_check(&reply);
    let fetched = format!("/channels/{CHANNEL_ID}/messages/{}", id_of(&claim));
    assert!(bot.fake.requests().iter().any(|r| r.route() == fetched));

    // The "Fact-check message" context menu.
    let target = bot.send(say(&alice(), "Sony was forced to cancel The Interview"));
    let menu = bot
        .command(message_context_menu(
            Some(GUILD_ID),
            CHANNEL_ID,
            &moderator(),
            "Fact-check message",
            &target,
        ))
        .await;
    assert_callback(&menu, false);
    assert_fact_check(&menu);
    let link = format!(
        "[this message](https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{})",
        id_of(&target)
    );
    assert!(description(&menu).contains(&link), "{}", description(&menu));

    // Manage Messages from the member's roles in the cached server also makes a moderator.
    let carol = TestUser::new(1_300_000_000_000_000_009, "carol").with_roles(&[MANAGER_ROLE]);
    let mut guild = events::guild_create(
        GUILD_ID,
        "Fact Desk Test",
        &[(CHANNEL_ID, "general")],
        &[alice(), carol.clone()],
    );
    let roles = guild["roles"].as_array_mut().expect("roles");
    roles.retain(|r| r["id"] != json!(MANAGER_ROLE.to_string()));
    roles.push(events::role(MANAGER_ROLE, "managers", MANAGE_MESSAGES, 5));
    // serenity updates its cache before it hands the next event to the bot.
    bot.fake.dispatch("GUILD_CREATE", guild);
    let reply = bot
        .ask(say(&carol, "!factcheck Sony cancelled The Interview"))
        .await;
    assert_fact_check(&reply);

    // A moderator's `!factcheck` with nothing to check asks for a claim.
    let reply = bot.ask(say(&moderator(), "!factcheck")).await;
    assert_sendable(&reply);
    assert_eq!(title(&reply), "What should I check?");

    // Members are refused, whichever way they try.
    let attempt = say(&alice(), "!factcheck North Korea hacked Sony");
    assert_refusal(&bot.ask(attempt).await);
    let claim = bot.send(say(&TestUser::bob(), "North Korea hacked Sony"));
    let attempt = bot.send(reply_message(&claim, &alice(), "!factcheck"));
    assert_refusal(&bot.reply_to(&attempt).await);
    let menu = bot
        .command(message_context_menu(
            Some(GUILD_ID),
            CHANNEL_ID,
            &alice(),
            "Fact-check message",
            &claim,
        ))
        .await;
    assert_callback(&menu, true);
    assert_refusal(&menu);

    bot.barrier().await;
    assert!(
        bot.replies_to(&check).is_empty(),
        "the moderator's command message itself is not answered"
    );
    assert!(bot.replies_to(&claim).is_empty(), "no check for members");
    bot.stop().await;
}

// ----- 6. allowed mentions -----------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_request_can_ping_whatever_the_question_contains() {
    let bot = Bot::start_with(&[("FACTDESK_COOLDOWN_SECS", "30")], &knowledge_dir()).await;
    let pings = format!(
        "@everyone @here <@&{MOD_ROLE}> <@{}> <@!{}>",
        TestUser::bob().id,
        TestUser::bob().id
    );
    let question = format!("{pings} who hacked Sony?");
    let everyone = |b: MessageBuilder| {
        b.mention_everyone()
            .mention(&TestUser::bob())
            .mention_roles(&[MOD_ROLE])
            .build()
    };
    let user = |n: u64| TestUser::new(1_300_000_000_000_000_100 + n, "pinger");

    // Every kind of message the bot sends, each asked with the pings inside.
    let mut replies = vec![
        bot.ask(everyone(
            MessageBuilder::guild(
                GUILD_ID,
                CHANNEL_ID,
                &user(1),
                &format!("{} {question}", TestUser::bot_user().mention()),
            )
            .mention(&TestUser::bot_user()),
        ))
        .await,
        bot.ask(dm_message(DM_CHANNEL_ID, &user(2), &question))
            .await,
        bot.ask(everyone(MessageBuilder::guild(
            GUILD_ID,
            CHANNEL_ID,
            &user(3),
            &format!("!ask {question}"),
        )))
        .await,
        bot.ask(say(
            &user(4),
            &format!("!factcheck {pings} Sony hacked North Korea"),
        ))
        .await,
        bot.ask(say(
            &moderator(),
            &format!("!factcheck {pings} Sony hacked North Korea"),
        ))
        .await,
        bot.ask(say(&user(5), &format!("!who-hakced {pings}")))
            .await,
        bot.ask(say(&user(6), "!x@everyone")).await,
    ];
    // The cooldown notice.
    let first = bot
        .ask(dm_message(DM_CHANNEL_ID, &user(7), &question))
        .await;
    let notice = bot
        .ask(dm_message(DM_CHANNEL_ID, &user(7), &question))
        .await;
    assert!(content(&notice).contains("faster than I answer"));
    replies.extend([first, notice]);
    // A fact check answered as a reply to the checked message.
    let claim = bot.send(say(&user(8), &format!("{pings} North Korea did it")));
    bot.send(reply_message(&claim, &moderator(), "!factcheck"));
    replies.push(bot.reply_to(&claim).await);
    // Interactions.
    for interaction in [
        slash(&user(9), "ask", vec![opt_string("question", &question)]),
        slash(
            &moderator(),
            "factcheck",
            vec![opt_string("claim", &question)],
        ),
        slash(&user(10), "factcheck", vec![opt_string("claim", &question)]),
        slash(&user(11), "who-hacked", vec![]),
        slash(&user(12), "who-hakced", vec![]),
        message_context_menu(
            Some(GUILD_ID),
            CHANNEL_ID,
            &moderator(),
            "Fact-check message",
            &claim,
        ),
    ] {
        replies.push(bot.command(interaction).await);
    }
    for reply in &replies {
        let message = assert_sendable(reply);
        let text = visible_text(message);
        for live in ["@everyone", "@here", "<@"] {
            assert!(!text.contains(live), "{live} shown live in {text:?}");
        }
    }
    // Whatever else the bot sent (none expected), none of it could ping either.
    bot.barrier().await;
    for request in bot.fake.requests() {
        let sends = request.method == "POST" || request.method == "PATCH";
        if sends && (request.route().contains("/messages") || request.route().contains("/callback"))
        {
            assert_sendable(&request);
        }
    }
    bot.stop().await;
}

// ----- 7. ignored authors and the cooldown -------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bots_self_and_webhooks_are_ignored_and_the_cooldown_notifies_once() {
    let bot = Bot::start_with(&[("FACTDESK_COOLDOWN_SECS", "30")], &knowledge_dir()).await;
    let another_bot = TestUser::new(1_300_000_000_000_000_200, "otherbot").bot_account();
    let itself = TestUser::bot_user();
    let mut webhook = mention(&TestUser::bob(), "who hacked Sony?");
    webhook["webhook_id"] = json!("1300000000000000300");
    let ignored = [
        bot.send(mention(&another_bot, "who hacked Sony?")),
        bot.send(say(&another_bot, "!who-hacked")),
        bot.send(dm_message(DM_CHANNEL_ID, &another_bot, "who hacked Sony?")),
        bot.send(mention(&itself, "who hacked Sony?")),
        bot.send(say(&itself, "!who-hacked")),
        bot.send(webhook),
        // Not addressed to the bot.
        bot.send(say(&TestUser::bob(), "who hacked Sony? anyone?")),
    ];

    // The cooldown: one answer, one notice, then silence, whatever the path.
    let carol = TestUser::new(1_300_000_000_000_000_201, "carol");
    let answered = bot.ask(mention(&carol, "who hacked Sony?")).await;
    assert_sony_answer(&answered);
    let noticed = bot.ask(mention(&carol, "who hacked Sony?")).await;
    assert_sendable(&noticed);
    assert!(
        content(&noticed)
            .starts_with("You're asking faster than I answer: I'll take your next question in "),
        "{}",
        noticed.summary()
    );
    assert!(noticed.body["embeds"].as_array().is_none_or(Vec::is_empty));
    let silenced = [
        bot.send(mention(&carol, "who hacked Sony?")),
        bot.send(dm_message(DM_CHANNEL_ID, &carol, "who hacked Sony?")),
        bot.send(say(&carol, "!ask who hacked Sony?")),
        bot.send(say(&carol, "!who-hacked")),
        bot.send(say(&carol, "!who-hakced")),
        bot.send(say(
            &carol,
            "!ask who hacked Sony? https://example.com/sony",
        )),
        bot.send(dm_message(
            DM_CHANNEL_ID,
            &carol,
            "who hacked Sony? https://example.com",
        )),
    ];
    // Discord re-sends a message with a link when it adds the preview (a moment later; the
    // barrier stands for that moment, events are handled concurrently): still silence.
    bot.barrier().await;
    for message in &silenced[silenced.len() - 2..] {
        bot.fake.dispatch("MESSAGE_UPDATE", unfurled(message));
    }
    // Events are handled concurrently, so Discord's update may even be handled before the
    // message it updates: still silence.
    let update_first = say(&carol, "!ask who hacked Sony? https://example.com/first");
    bot.fake.dispatch("MESSAGE_UPDATE", unfurled(&update_first));
    // Interactions must be answered: an ephemeral notice.
    let callback = bot
        .command(slash(
            &carol,
            "ask",
            vec![opt_string("question", "who hacked Sony?")],
        ))
        .await;
    assert_callback(&callback, true);
    assert!(content(&callback).contains("faster than I answer"));
    let wait: u64 = content(&callback)
        .rsplit("question in ")
        .next()
        .and_then(|s| s.strip_suffix(" s."))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no wait in {:?}", content(&callback)));
    assert!(
        (20..=30).contains(&wait),
        "told to wait {wait} s of a 30 s cooldown just started"
    );
    // Others are not held back.
    assert_sony_answer(&bot.ask(mention(&TestUser::bob(), "who hacked Sony?")).await);

    bot.barrier().await;
    for message in ignored
        .iter()
        .chain(&silenced)
        .chain(std::iter::once(&update_first))
    {
        assert!(
            bot.replies_to(message).is_empty(),
            "answered {:?} by {}",
            message["content"],
            message["author"]["username"]
        );
    }
    let to_carol = bot
        .posts()
        .iter()
        .filter(|r| {
            let author = replied_id(r).and_then(|id| bot.fake.message(id.parse().ok()?));
            author.is_some_and(|m| m["author"]["id"] == json!(carol.id.to_string()))
        })
        .count();
    assert_eq!(to_carol, 2, "one answer and one notice, then silence");
    bot.stop().await;
}

// ----- 8. reconnects -----------------------------------------------------------------------------

/// A way for the gateway to let go of the bot; false if it was not connected.
type Disconnect = fn(&FakeDiscord) -> bool;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reconnects_resume_and_invalid_session_reidentifies() {
    let bot = Bot::start().await;
    assert_sony_answer(&bot.ask(mention(&alice(), "who hacked Sony?")).await);
    let session = bot.fake.session_id().expect("a session");

    let disconnects: [(&str, Disconnect); 3] = [
        ("RECONNECT", |f| f.send_reconnect()),
        ("close 4000", |f| f.close(4000)),
        ("dropped TCP", |f| f.drop_connection()),
    ];
    for (n, (what, disconnect)) in disconnects.into_iter().enumerate() {
        assert!(disconnect(&bot.fake), "{what}: the bot was connected");
        // Dispatched while the bot is away: replayed when it resumes.
        let away = bot.send(mention(&alice(), "what happened to the interview?"));
        let resume = bot
            .fake
            .wait_resumed(n + 1, WAIT)
            .await
            .unwrap_or_else(|e| panic!("{what}: no RESUME: {e}"));
        assert_eq!(resume["session_id"], json!(session), "{what}");
        assert_sony_answer(&bot.reply_to(&away).await);
        assert_sony_answer(&bot.ask(mention(&alice(), "who hacked Sony?")).await);
    }
    assert_eq!(
        bot.fake.identifies().len(),
        1,
        "resumed, never re-identified"
    );

    // A session Discord will not resume: the bot identifies again (after serenity's ~5 s).
    assert!(bot.fake.invalid_session(false));
    let away = bot.send(mention(&alice(), "does north korea deny it?"));
    let identify = bot
        .fake
        .wait_identified(2, Duration::from_secs(20))
        .await
        .expect("a new IDENTIFY");
    assert_eq!(identify["intents"], bot.fake.identifies()[0]["intents"]);
    assert_sony_answer(&bot.reply_to(&away).await);
    assert_sony_answer(&bot.ask(mention(&alice(), "who hacked Sony?")).await);
    assert_eq!(
        bot.registrations().len(),
        1,
        "commands are registered once, not on every READY"
    );
    assert!(bot.is_running());
    bot.stop().await;
}

// ----- 9. 429 and 500 ----------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limited_and_failed_replies_do_not_stop_the_bot() {
    let bot = Bot::start().await;
    for status in [429, 500] {
        let failing = mention(&alice(), "who hacked Sony?");
        let id = id_of(&failing);
        bot.fake.fail_next(
            move |r| replied_id(r).as_deref() == Some(id.as_str()),
            status,
            1,
        );
        let failed = bot.ask(failing).await;
        assert_eq!(failed.status, status, "{}", failed.summary());
        // The next question is answered, as is a slash command.
        assert_sony_answer(&bot.ask(mention(&alice(), "who hacked Sony?")).await);
        assert_callback(
            &bot.command(slash(&alice(), "who-hacked", vec![])).await,
            false,
        );
    }
    // An interaction callback refused once: later interactions still work.
    bot.fake.fail_next(route("POST", CALLBACK), 500, 1);
    let failed = bot.command(slash(&alice(), "who-hacked", vec![])).await;
    assert_eq!(failed.status, 500);
    assert_callback(
        &bot.command(slash(&alice(), "who-hacked", vec![])).await,
        false,
    );
    assert_eq!(bot.fake.pending_failures(), 0);
    assert!(bot.is_running() && bot.fake.is_connected());
    assert_eq!(bot.fake.identifies().len(), 1, "no reconnect either");
    bot.stop().await;
}

// ----- 10. a burst -------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_1000_questions_gets_1000_right_replies() {
    const QUESTIONS: [&str; 10] = [
        "who hacked Sony?",
        "what happened to the interview",
        "does north korea deny it",
        "what did north korea propose?",
        "what did the FBI say",
        "what was leaked",
        "who stars in the interview",
        "what will happen if the US refuses",
        "what did KCNA report",
        "who is the CEO of Sony",
    ];
    let bot = Bot::start().await;
    // The right answer to each question: the engine's own, laid out for Discord.
    let engine = bot.live.current();
    let expected: Vec<_> = QUESTIONS
        .iter()
        .map(|q| {
            let answer = engine.ask(q);
            factdesk::reply::answer_reply(&engine, &answer, "!")
                .to_discord()
                .embed
                .expect("an answer is an embed")
        })
        .collect();
    let channels: Vec<u64> = (0..5).map(|c| CHANNEL_ID + 100 + c).collect();
    let users: Vec<TestUser> = (0..50)
        .map(|u| TestUser::new(1_400_000_000_000_000_000 + u, &format!("user{u}")))
        .collect();
    let mut asked: HashMap<String, usize> = HashMap::new();
    for i in 0..1000 {
        let q = i % QUESTIONS.len();
        let message = guild_mention(
            GUILD_ID,
            channels[i % channels.len()],
            &users[i % users.len()],
            &TestUser::bot_user(),
            QUESTIONS[q],
        );
        asked.insert(id_of(&message), q);
        bot.send(message);
    }
    bot.fake
        .wait_for_n_requests(
            route("POST", CHANNEL_MESSAGES),
            1000,
            Duration::from_secs(90),
        )
        .await
        .expect("1000 replies");
    bot.barrier().await;
    let replies: Vec<_> = bot
        .posts()
        .into_iter()
        .filter(|r| replied_id(r).is_some_and(|id| asked.contains_key(&id)))
        .collect();
    assert_eq!(replies.len(), 1000, "none lost, none duplicated");
    let mut seen = HashSet::new();
    for reply in &replies {
        let id = replied_id(reply).expect("a reply");
        assert!(seen.insert(id.clone()), "two replies to {id}");
        let want = &expected[asked[&id]];
        let message = assert_sendable(reply);
        assert_eq!(title(reply), want.title.as_deref().unwrap_or_default());
        assert_eq!(
            description(reply),
            want.description,
            "wrong answer to {:?}",
            QUESTIONS[asked[&id]]
        );
        assert_eq!(footer(reply), want.footer.as_deref().unwrap_or_default());
        assert_quotes_from(SONY_ARTICLE, message);
        let channel = bot
            .fake
            .message(id.parse().expect("snowflake"))
            .expect("the question")["channel_id"]
            .clone();
        assert_eq!(reply.body["message_reference"]["channel_id"], channel);
    }
    assert_eq!(seen.len(), 1000);
    bot.stop().await;
}

// ----- 11. hostile input -------------------------------------------------------------------------

/// Inputs that try to crash, overflow or break out of the layout.
fn hostile_inputs() -> Vec<(&'static str, String)> {
    let zalgo: String = "who hacked sony"
        .chars()
        .flat_map(|c| std::iter::once(c).chain("\u{0336}\u{0301}\u{0317}\u{0358}\u{035C}".chars()))
        .collect();
    vec![
        ("4000 characters", {
            let mut long = "who hacked sony and why ".repeat(200);
            long.truncate(4000);
            long
        }),
        ("4000 characters without a space", "ж".repeat(4000)),
        ("zalgo", zalgo),
        (
            "right-to-left override",
            "who \u{202E}kcah ynos\u{202C} hacked \u{202E}sony".to_owned(),
        ),
        (
            "zero-width characters",
            "who\u{200B} hac\u{200D}ked\u{2060} so\u{FEFF}ny\u{200C}?".to_owned(),
        ),
        (
            "code fence",
            "```\n**who** hacked sony\n``` ``` `unclosed".to_owned(),
        ),
        (
            "block quotes",
            "> who hacked sony\n>>> North Korea hacked Sony\n> > nested".to_owned(),
        ),
        (
            "invite links",
            "who hacked sony discord.gg/abc https://discord.com/invite/xyz [click](https://evil.example)"
                .to_owned(),
        ),
        (
            "spoilers and headings",
            "# who\n||hacked|| __sony__ ~~x~~ -# small".to_owned(),
        ),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_input_gets_calm_replies_within_discord_limits() {
    let bot = Bot::start().await;
    for (name, input) in hostile_inputs() {
        let mut sent = Vec::new();
        let question = bot.send(mention(&alice(), &input));
        let dm = bot.send(dm_message(DM_CHANNEL_ID, &alice(), &input));
        let check = bot.send(say(&moderator(), &format!("!factcheck {input}")));
        sent.push(bot.reply_to(&question).await);
        sent.push(bot.reply_to(&dm).await);
        sent.push(bot.reply_to(&check).await);
        sent.push(
            bot.command(slash(&alice(), "ask", vec![opt_string("question", &input)]))
                .await,
        );
        sent.push(
            bot.command(slash(
                &moderator(),
                "factcheck",
                vec![opt_string("claim", &input)],
            ))
            .await,
        );
        let target = bot.send(say(&alice(), &input));
        bot.send(reply_message(&target, &moderator(), "!factcheck"));
        sent.push(bot.reply_to(&target).await);
        for reply in &sent {
            let message = assert_sendable(reply);
            // Every block quote is the article's; nothing typed renders as markup.
            assert_quotes_from(SONY_ARTICLE, message);
            let text = visible_text(message);
            for raw in [
                "\u{202E}",
                "discord.gg/",
                "discord.com/invite",
                "://",
                "```",
                "||",
                "~~",
                "__",
            ] {
                assert!(
                    !text.contains(raw),
                    "{name}: {raw:?} shown raw in {}",
                    reply.summary()
                );
            }
            assert!(
                !text
                    .lines()
                    .any(|l| l.starts_with('#') || l.starts_with("-#")),
                "{name}: a heading"
            );
        }
        for (r, kind) in sent.iter().zip([
            "mention",
            "dm",
            "!factcheck",
            "/ask",
            "/factcheck",
            "reply !factcheck",
        ]) {
            let title = title(r);
            if kind.contains("factcheck") {
                assert_fact_check(r);
            } else {
                assert!(
                    title == "Not in the article"
                        || title == "Ask me about the article"
                        || !assert_quotes_from(SONY_ARTICLE, message_of(r)).is_empty(),
                    "{name} ({kind}): {title:?}"
                );
            }
        }
    }
    bot.barrier().await;
    // One reply per message: nothing doubled.
    let mut per_message: HashMap<String, usize> = HashMap::new();
    for post in bot.posts() {
        *per_message
            .entry(replied_id(&post).expect("a reply"))
            .or_default() += 1;
    }
    assert!(per_message.values().all(|&n| n == 1), "{per_message:?}");
    assert!(bot.is_running());
    bot.stop().await;
}

// ----- issue 4: edit tracking --------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edits_rerun_commands_inside_the_window_only() {
    let bot = Bot::start_with(&[("FACTDESK_COOLDOWN_SECS", "30")], &knowledge_dir()).await;
    let edit = |message: &Value, content: &str| {
        bot.fake
            .dispatch("MESSAGE_UPDATE", edited(message, content));
    };

    // A fresh command, edited: the bot edits its reply to the new answer.
    let (command, patch) = edit_command(&bot, false, "!ask what happened to the interview").await;
    let shown = edited_message(&bot, &patch);
    assert_eq!(shown["message_reference"]["message_id"], command["id"]);
    assert_eq!(shown["embeds"][0]["title"], "The Interview");
    assert_answer_from(SONY_ARTICLE, SONY_HEADLINE, &shown);

    // A command answered with the cooldown notice, edited: the member must then see the
    // answer alone, not the stale notice above it.
    let (_, patch) = edit_command(&bot, true, "!ask does north korea deny it").await;
    let shown = edited_message(&bot, &patch);
    assert!(
        !visible_text(&shown).contains("faster than I answer"),
        "the stale notice is still shown: {shown}"
    );
    assert_answer_from(SONY_ARTICLE, SONY_HEADLINE, &shown);

    // An edit of a command older than the window: nothing.
    let old = MessageBuilder::guild(
        GUILD_ID,
        CHANNEL_ID,
        &TestUser::bob(),
        "!ask who hacked sony",
    )
    .id(snowflake_aged(Duration::from_secs(120)))
    .build();
    assert_sony_answer(&bot.ask(old.clone()).await);
    // A question in a DM and a mention inside a message, edited (or re-sent unchanged, as
    // Discord does when it unfurls a link): answered once, not again.
    let carol = TestUser::new(1_300_000_000_000_000_301, "carol");
    let dave = TestUser::new(1_300_000_000_000_000_302, "dave");
    let dm = dm_message(
        DM_CHANNEL_ID,
        &carol,
        "who hacked sony? https://example.com",
    );
    assert_sony_answer(&bot.ask(dm.clone()).await);
    let inline = say(
        &dave,
        &format!("hey {} who hacked sony?", TestUser::bot_user().mention()),
    );
    assert_sony_answer(&bot.ask(inline.clone()).await);
    let since = bot.fake.request_count();
    edit(&old, "!ask what happened to the interview");
    bot.fake.dispatch("MESSAGE_UPDATE", unfurled(&dm));
    edit(
        &inline,
        &format!("hey {} who hacked sony???", TestUser::bot_user().mention()),
    );
    bot.barrier().await;
    let after: Vec<String> = bot.fake.requests()[since..]
        .iter()
        .filter(|r| r.method != "GET")
        .map(RecordedRequest::summary)
        .collect();
    for message in [&old, &dm, &inline] {
        assert_eq!(
            bot.replies_to(message).len(),
            1,
            "{:?} answered again after an edit: {after:#?}",
            message["content"]
        );
    }
    assert!(
        !after.iter().any(|r| r.contains(" PATCH ")),
        "an edit re-ran a command: {after:#?}"
    );
    bot.stop().await;
}

/// `message` as its author edited it to `content`.
fn edited(message: &Value, content: &str) -> Value {
    let mut edited = message.clone();
    edited["content"] = json!(content);
    edited["edited_timestamp"] = json!(events::timestamp_now());
    edited
}

/// A new member's `!ask who hacked sony` (after a first one, to get the cooldown notice, if
/// `noticed`), answered, then edited to `content`: returns the command and the bot's PATCH of
/// its reply.
///
/// poise learns which message answered a command only when Discord's answer to the POST
/// reaches the bot, a moment after the fake recorded it; an edit quicker than that (no human is)
/// gets a new reply instead. So the edit waits for a barrier and, should it still win that race,
/// the whole exchange is tried again with another member, at most three times.
async fn edit_command(bot: &Bot, noticed: bool, content: &str) -> (Value, RecordedRequest) {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    for _ in 0..3 {
        let member = TestUser::new(
            1_300_000_000_000_000_400 + NEXT.fetch_add(1, Ordering::Relaxed),
            "editor",
        );
        if noticed {
            assert_sony_answer(&bot.ask(say(&member, "!ask who hacked sony")).await);
        }
        let command = say(&member, "!ask who hacked sony");
        let reply = bot.ask(command.clone()).await;
        if noticed {
            assert!(self::content(&reply).contains("faster than I answer"));
        } else {
            assert_sony_answer(&reply);
        }
        bot.barrier().await;
        let since = bot.fake.request_count();
        bot.fake
            .dispatch("MESSAGE_UPDATE", edited(&command, content));
        let id = id_of(&command);
        let outcome = bot
            .fake
            .wait_for_request_since(
                since,
                move |r| {
                    r.is("PATCH", "/channels/{}/messages/{}")
                        || replied_id(r).as_deref() == Some(id.as_str())
                },
                WAIT,
            )
            .await
            .expect("the edit is answered");
        if outcome.method == "PATCH" {
            assert_sendable(&outcome);
            return (command, outcome);
        }
    }
    panic!("three edits answered with a new message instead of editing the reply");
}

/// The message as stored after the bot's PATCH `r`.
fn edited_message(bot: &Bot, r: &RecordedRequest) -> Value {
    let id = r.route().rsplit('/').next().expect("a message id");
    bot.fake
        .message(id.parse().expect("a snowflake"))
        .expect("the edited message exists")
}

// ----- issue 8: several packs and live reload ----------------------------------------------------

/// A knowledge folder in a temporary directory with a copy of the Sony pack and, if asked, the
/// BBC article as a bare pack.
fn knowledge_copy(with_bbc: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sony = dir.path().join(SONY_PACK);
    std::fs::create_dir_all(&sony).expect("mkdir");
    for file in ["article.txt", "facts.toml", "pack.toml"] {
        std::fs::copy(knowledge_dir().join(SONY_PACK).join(file), sony.join(file))
            .expect("copy the Sony pack");
    }
    if with_bbc {
        let bbc = dir.path().join(BBC_PACK);
        std::fs::create_dir_all(&bbc).expect("mkdir");
        std::fs::write(bbc.join("article.txt"), BBC_ARTICLE).expect("write the BBC article");
    }
    dir
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_packs_route_each_question_to_its_article() {
    let dir = knowledge_copy(true);
    let bot = Bot::start_with(&[], dir.path()).await;
    assert_eq!(bot.live.current().packs().len(), 2);
    let bbc_headline = BBC_ARTICLE.lines().next().expect("a headline");
    let cases = [
        (
            "who hacked Sony?",
            SONY_ARTICLE,
            SONY_HEADLINE,
            SONY_PACK,
            "Guardians of Peace",
        ),
        (
            "what did North Korea propose to the US?",
            SONY_ARTICLE,
            SONY_HEADLINE,
            SONY_PACK,
            "joint investigation",
        ),
        (
            "what dividend did the Lufthansa board recommend?",
            BBC_ARTICLE,
            bbc_headline,
            BBC_PACK,
            "dividend",
        ),
        (
            "how much profit did Lufthansa make in 2004?",
            BBC_ARTICLE,
            bbc_headline,
            BBC_PACK,
            "profit",
        ),
    ];
    for (question, article, headline, pack, expected) in cases {
        for message in [
            mention(&alice(), question),
            dm_message(DM_CHANNEL_ID, &alice(), question),
        ] {
            let reply = bot.ask(message).await;
            let quotes = assert_answer_from(article, headline, assert_sendable(&reply));
            assert!(
                footer(&reply).ends_with(&format!("· {pack}")),
                "{question}: footer {:?}",
                footer(&reply)
            );
            assert!(
                quotes.iter().any(|q| q.contains(expected)),
                "{question}: {quotes:?}"
            );
        }
        let callback = bot
            .command(slash(
                &alice(),
                "ask",
                vec![opt_string("question", question)],
            ))
            .await;
        assert_answer_from(article, headline, message_of(&callback));
    }
    // facts and source list both packs.
    let reply = bot.ask(say(&alice(), "!source")).await;
    assert!(description(&reply).contains(SONY_HEADLINE));
    assert!(description(&reply).contains(bbc_headline));
    let reply = bot.ask(say(&alice(), "!facts")).await;
    assert!(description(&reply).contains(bbc_headline));
    bot.stop().await;

    // A server limited to its own incident (FACTDESK_GUILD_PACKS): the other pack's topics are
    // not available there, its questions are answered from the server's pack only; DMs see all.
    let scoped = format!("{GUILD_ID}={BBC_PACK}");
    let bot = Bot::start_with(&[("FACTDESK_GUILD_PACKS", &scoped)], dir.path()).await;
    let reply = bot.ask(say(&alice(), "!who-hacked")).await;
    assert_sendable(&reply);
    assert_eq!(title(&reply), "Not available here");
    let reply = bot.ask(mention(&alice(), "who hacked Sony?")).await;
    assert_sendable(&reply);
    assert!(
        !visible_text(&reply.body).contains("Guardians of Peace"),
        "answered from a pack this server does not follow: {}",
        description(&reply)
    );
    assert_quotes_from(BBC_ARTICLE, &reply.body);
    let reply = bot
        .ask(mention(
            &alice(),
            "what dividend did the Lufthansa board recommend?",
        ))
        .await;
    assert_answer_from(BBC_ARTICLE, bbc_headline, &reply.body);
    let reply = bot
        .ask(dm_message(DM_CHANNEL_ID, &alice(), "who hacked Sony?"))
        .await;
    assert_sony_answer(&reply);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follow_up_stays_with_the_story_its_channel_is_discussing() {
    let dir = knowledge_copy(true);
    let bot = Bot::start_with(&[], dir.path()).await;
    let bbc_headline = BBC_ARTICLE.lines().next().expect("a headline");
    // Each channel starts a story of its own: the guild channel Lufthansa's, the DM Sony's.
    let reply = bot
        .ask(mention(
            &alice(),
            "how much profit did Lufthansa make in 2004?",
        ))
        .await;
    assert_answer_from(BBC_ARTICLE, bbc_headline, assert_sendable(&reply));
    let reply = bot
        .ask(dm_message(DM_CHANNEL_ID, &alice(), "who hacked Sony?"))
        .await;
    assert_answer_from(SONY_ARTICLE, SONY_HEADLINE, assert_sendable(&reply));
    // The same follow-up, which names neither story, is answered from each channel's own.
    let follow_up = "what did the company say";
    let reply = bot.ask(mention(&alice(), follow_up)).await;
    assert_answer_from(BBC_ARTICLE, bbc_headline, assert_sendable(&reply));
    assert!(footer(&reply).ends_with(&format!("· {BBC_PACK}")));
    let reply = bot
        .ask(dm_message(DM_CHANNEL_ID, &alice(), follow_up))
        .await;
    assert_answer_from(SONY_ARTICLE, SONY_HEADLINE, assert_sendable(&reply));
    assert!(footer(&reply).ends_with(&format!("· {SONY_PACK}")));
    // A question that names the other story moves the channel on to it.
    let reply = bot.ask(mention(&alice(), "who hacked Sony?")).await;
    assert_answer_from(SONY_ARTICLE, SONY_HEADLINE, assert_sendable(&reply));
    let reply = bot.ask(mention(&alice(), follow_up)).await;
    assert!(footer(&reply).ends_with(&format!("· {SONY_PACK}")));
    bot.stop().await;
}

/// A facts.toml topic added by a reload.
const NEW_TOPIC: &str = r#"

[[topic]]
command = "leaked-records"
title = "Leaked records"
summary = "The hack exposed sensitive records of studio employees."
questions = ["what records were leaked"]
quotes = ["Apart from this, it has even exposed sensitive records of studio employees."]
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_swaps_good_knowledge_and_keeps_serving_on_broken() {
    let dir = knowledge_copy(false);
    let facts = dir.path().join(SONY_PACK).join("facts.toml");
    let original = std::fs::read_to_string(&facts).expect("facts.toml");
    let bot = Bot::start_with(&[], dir.path()).await;
    bot.fake
        .wait_for_request(route("PUT", "/applications/{}/commands"), WAIT)
        .await
        .expect("commands registered");

    // A member may not reload.
    assert_refusal(&bot.ask(say(&alice(), "!reload")).await);
    let callback = bot.command(slash(&alice(), "reload", vec![])).await;
    assert_callback(&callback, true);
    assert_refusal(&callback);

    // A good reload with a new topic: swapped, reported, and the commands re-registered.
    std::fs::write(&facts, format!("{original}{NEW_TOPIC}")).expect("add a topic");
    let reply = bot.ask(say(&moderator(), "!reload")).await;
    assert_sendable(&reply);
    assert_eq!(title(&reply), "Knowledge reloaded");
    assert!(
        description(&reply).contains("New topics: leaked-records"),
        "{}",
        description(&reply)
    );
    let registrations = bot.registrations();
    assert_eq!(
        registrations.len(),
        2,
        "registered again after the topics changed"
    );
    let names: Vec<&str> = registrations[1]
        .body
        .as_array()
        .expect("commands")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert!(names.contains(&"leaked-records") && names.contains(&"who-hacked"));
    let reply = bot.ask(say(&alice(), "!leaked-records")).await;
    assert_eq!(title(&reply), "Leaked records");
    let quotes = assert_sony_answer(&reply);
    assert!(quotes.iter().any(|q| q.contains("sensitive records")));
    let callback = bot.command(slash(&alice(), "leaked-records", vec![])).await;
    assert_callback(&callback, false);
    assert_eq!(title(&callback), "Leaked records");

    // A reload with the same topics does not register again.
    let callback = bot.command(slash(&moderator(), "reload", vec![])).await;
    assert_callback(&callback, true);
    assert_eq!(title(&callback), "Knowledge reloaded");
    assert_eq!(bot.registrations().len(), 2);

    // A broken facts.toml: the moderator is told why, the old knowledge keeps serving.
    std::fs::write(&facts, "[[topic]]\ncommand = \"broken\"\nbogus = 1\n").expect("break it");
    for attempt in [
        bot.ask(say(&moderator(), "!reload")).await,
        bot.command(slash(&moderator(), "reload", vec![])).await,
    ] {
        assert_sendable(&attempt);
        assert_eq!(
            title(&attempt),
            "Reload failed: still serving the previous knowledge"
        );
        assert!(
            description(&attempt).contains("facts.toml"),
            "the error names the file: {}",
            description(&attempt)
        );
    }
    assert_eq!(bot.registrations().len(), 2);
    let reply = bot.ask(say(&alice(), "!leaked-records")).await;
    assert_eq!(title(&reply), "Leaked records");
    assert_sony_answer(&bot.ask(mention(&alice(), "who hacked Sony?")).await);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn questions_during_reloads_are_all_answered() {
    let dir = knowledge_copy(false);
    let facts = dir.path().join(SONY_PACK).join("facts.toml");
    let original = std::fs::read_to_string(&facts).expect("facts.toml");
    let bot = Bot::start_with(&[], dir.path()).await;
    std::fs::write(&facts, format!("{original}{NEW_TOPIC}")).expect("add a topic");

    let questions = [
        "who hacked Sony?",
        "what happened to the interview",
        "what records were leaked",
        "does north korea deny it",
    ];
    let mut asked = Vec::new();
    let mut reloads = Vec::new();
    for i in 0..200 {
        if i % 40 == 0 {
            reloads.push(bot.send(say(&moderator(), "!reload")));
        }
        let user = TestUser::new(1_400_000_000_000_001_000 + (i % 20), "member");
        asked.push(bot.send(mention(&user, questions[i as usize % questions.len()])));
    }
    // (In trials the reload replies came interleaved with the answers, not before or after.)
    for reload in &reloads {
        let reply = bot.reply_to(reload).await;
        assert_sendable(&reply);
        assert_eq!(title(&reply), "Knowledge reloaded", "{}", reply.summary());
    }
    for question in &asked {
        assert_sony_answer(&bot.reply_to(question).await);
    }
    bot.barrier().await;
    for question in &asked {
        assert_eq!(bot.replies_to(question).len(), 1);
    }
    assert!(bot.live.current().topic("leaked-records").is_some());
    bot.stop().await;
}

// ----- issue 7: the token stays secret -----------------------------------------------------------

#[tokio::test]
async fn the_token_never_reaches_the_logs() {
    let (logs, _guard) = capture_logs("trace,tungstenite=off");
    let bot = Bot::start_with(&[("FACTDESK_SHARDS", "")], &knowledge_dir()).await;
    assert_eq!(
        bot.fake.identifies()[0]["token"],
        json!(format!("Bot {TOKEN}"))
    );
    assert_sony_answer(&bot.ask(mention(&alice(), "who hacked Sony?")).await);
    // Failures are logged with their details: still no token.
    for status in [401, 500] {
        bot.fake
            .fail_next(route("POST", CHANNEL_MESSAGES), status, 1);
        let failed = bot.ask(mention(&alice(), "who hacked Sony?")).await;
        assert_eq!(failed.status, status);
        assert_eq!(
            failed.header("authorization"),
            Some(format!("Bot {TOKEN}").as_str())
        );
    }
    assert!(bot.fake.close(4000));
    bot.fake.wait_resumed(1, WAIT).await.expect("RESUME");
    bot.barrier().await;
    bot.stop().await;
    let text = logs.text();
    assert!(
        text.contains("connected to Discord") && text.lines().count() > 50,
        "the logs were captured at trace level:\n{text}"
    );
    let secret = TOKEN.rsplit('.').next().expect("three parts");
    assert!(!text.contains(TOKEN), "the token is in the logs");
    assert!(
        !text.contains(secret),
        "the token's secret part is in the logs"
    );
}
