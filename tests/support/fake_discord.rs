//! The `FakeDiscord` handle: start-up, shared state, request recording, failure injection and the
//! timeout-bounded waiting helpers that tests use.
//!
//! The REST server lives in `rest.rs`, the gateway server in `gateway.rs`; both share one
//! [`Inner`] (a `std::sync::Mutex<State>` that is never held across an `.await`, plus a
//! `watch` channel bumped on every state change so waiters never poll or sleep).

use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio::time::Instant;

use super::events::{self, TestUser};
use super::gateway::{self, GatewayState};
use super::rest;

/// Knobs of a fake Discord. `Default` uses the constants of [`events`].
#[derive(Clone, Debug)]
pub struct FakeConfig {
    /// Token the client is expected to use (only recorded; any token is accepted).
    pub token: String,
    /// The bot user announced in READY and `users/@me`.
    pub bot: TestUser,
    /// `READY.application.id`.
    pub application_id: u64,
    /// Owner returned by `oauth2/applications/@me`.
    pub owner: TestUser,
    /// Guild ids listed (as unavailable) in READY.
    pub guild_ids: Vec<u64>,
    /// HELLO's `heartbeat_interval`, in milliseconds.
    pub heartbeat_interval_ms: u64,
}

impl Default for FakeConfig {
    fn default() -> Self {
        Self {
            token: "fake-bot-token".to_owned(),
            bot: TestUser::bot_user(),
            application_id: events::APPLICATION_ID,
            owner: TestUser::new(events::OWNER_ID, "owner"),
            guild_ids: vec![events::GUILD_ID],
            heartbeat_interval_ms: 1_000,
        }
    }
}

/// One REST request as the fake received it.
#[derive(Clone, Debug)]
pub struct RecordedRequest {
    /// Position in arrival order, from 0.
    pub index: usize,
    /// Upper-case HTTP method, e.g. `"POST"`.
    pub method: String,
    /// Full path, e.g. `/api/v10/channels/1/messages` (no query).
    pub path: String,
    /// Raw query string, if any (e.g. `wait=true`).
    pub query: Option<String>,
    /// Headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// Parsed JSON body; for multipart bodies the `payload_json` part; `Null` if none/invalid.
    pub body: Value,
    /// The raw body, lossily decoded as UTF-8.
    pub raw_body: String,
    /// Status the fake answered with (0 while the request is being matched).
    pub status: u16,
}

impl RecordedRequest {
    /// The path without the `/api/v10` (or `/api/vN`) prefix, e.g. `/channels/1/messages`.
    pub fn route(&self) -> &str {
        strip_api_prefix(&self.path)
    }

    /// `method` matches and `pattern` matches [`Self::route`] segment by segment, where a
    /// `{}`, `{name}` or `*` segment matches anything. Example: `is("POST",
    /// "/channels/{}/messages")`.
    pub fn is(&self, method: &str, pattern: &str) -> bool {
        self.method.eq_ignore_ascii_case(method) && route_matches(pattern, self.route())
    }

    /// A header value by (case-insensitive) name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The message text carried by the body: `content`, or `data.content` for interaction
    /// callbacks.
    pub fn content(&self) -> Option<&str> {
        self.body["content"]
            .as_str()
            .or_else(|| self.body["data"]["content"].as_str())
    }

    /// One-line summary used in timeout reports.
    pub fn summary(&self) -> String {
        let mut body = self.body.to_string();
        if body.len() > 160 {
            let mut cut = 160;
            while !body.is_char_boundary(cut) {
                cut -= 1;
            }
            body.truncate(cut);
            body.push('…');
        }
        format!(
            "#{} {} {} -> {} {}",
            self.index, self.method, self.path, self.status, body
        )
    }
}

/// A request predicate: `route("POST", "/channels/{}/messages")`.
pub fn route(method: &str, pattern: &str) -> impl Fn(&RecordedRequest) -> bool + Send + Sync {
    let method = method.to_owned();
    let pattern = pattern.to_owned();
    move |r: &RecordedRequest| r.is(&method, &pattern)
}

pub(crate) fn strip_api_prefix(path: &str) -> &str {
    if let Some(rest) = path.strip_prefix("/api/v") {
        if let Some(slash) = rest.find('/') {
            if rest[..slash].chars().all(|c| c.is_ascii_digit()) {
                return &rest[slash..];
            }
        }
    }
    path
}

fn route_matches(pattern: &str, route: &str) -> bool {
    let mut pat = pattern.trim_matches('/').split('/');
    let mut got = route.trim_matches('/').split('/');
    loop {
        match (pat.next(), got.next()) {
            (None, None) => return true,
            (Some(p), Some(g)) => {
                let wildcard = p == "*" || (p.starts_with('{') && p.ends_with('}'));
                if !wildcard && p != g {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// Returned by the `wait_*` helpers when the condition did not hold in time. Its `Debug`
/// output (what `expect` prints) lists what the fake had seen.
pub struct WaitTimeout {
    pub what: String,
    pub timeout: Duration,
    pub report: String,
}

impl fmt::Debug for WaitTimeout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "timed out after {:?} waiting for {}\n{}",
            self.timeout, self.what, self.report
        )
    }
}

impl fmt::Display for WaitTimeout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for WaitTimeout {}

type RequestPredicate = Box<dyn Fn(&RecordedRequest) -> bool + Send + Sync>;

/// A queued failure answer for matching requests.
pub(crate) struct Injection {
    pub predicate: RequestPredicate,
    pub status: u16,
    pub retry_after: f64,
    pub global: bool,
    pub remaining: usize,
}

/// Everything the servers share, behind one mutex.
#[derive(Default)]
pub(crate) struct State {
    pub requests: Vec<RecordedRequest>,
    pub injections: Vec<Injection>,
    /// Messages by id: those the bot created or edited, dispatched `MESSAGE_CREATE`s, resolved
    /// messages of dispatched interactions, and [`FakeDiscord::insert_message`].
    pub messages: Vec<Value>,
    /// Interaction token -> original response message.
    pub originals: Vec<(String, Value)>,
    /// Dispatched `INTERACTION_CREATE` payloads (to find an interaction's channel by token).
    pub interactions: Vec<Value>,
    /// `(interaction id, token)` of every acknowledged interaction (callback accepted).
    pub acknowledged: Vec<(String, String)>,
    /// Global application commands as last PUT/POSTed.
    pub global_commands: Vec<Value>,
    /// Guild id -> guild application commands.
    pub guild_commands: Vec<(u64, Vec<Value>)>,
    pub gateway: GatewayState,
}

impl State {
    /// The application commands last registered globally (`guild: None`) or for a guild.
    pub fn commands_for(&self, guild: Option<u64>) -> Vec<Value> {
        match guild {
            None => self.global_commands.clone(),
            Some(g) => self
                .guild_commands
                .iter()
                .find(|(id, _)| *id == g)
                .map(|(_, c)| c.clone())
                .unwrap_or_default(),
        }
    }

    pub fn message(&self, id: &str) -> Option<&Value> {
        self.messages
            .iter()
            .rev()
            .find(|m| m["id"].as_str() == Some(id))
    }

    /// The channel id of the dispatched interaction with `token`.
    pub fn interaction_channel(&self, token: &str) -> Option<String> {
        self.interactions
            .iter()
            .rev()
            .find(|i| i["token"].as_str() == Some(token))
            .and_then(|i| i["channel_id"].as_str().map(str::to_owned))
    }

    /// Inserts or replaces a message by id.
    pub fn upsert_message(&mut self, message: Value) {
        let id = message["id"].as_str().map(str::to_owned);
        if let Some(slot) = self
            .messages
            .iter_mut()
            .find(|m| id.is_some() && m["id"].as_str() == id.as_deref())
        {
            *slot = message;
        } else {
            self.messages.push(message);
        }
    }

    fn report(&self) -> String {
        let mut out = format!(
            "gateway: {} connection(s), {} IDENTIFY, {} RESUME, {} heartbeat(s), connected: {}, session: {:?}, last seq: {}\n",
            self.gateway.connections,
            self.gateway.identifies.len(),
            self.gateway.resumes.len(),
            self.gateway.heartbeats,
            self.gateway.active.is_some(),
            self.gateway.session.as_ref().map(|s| s.id.as_str()),
            self.gateway.session.as_ref().map_or(0, |s| s.seq),
        );
        out.push_str(&format!("{} REST request(s):\n", self.requests.len()));
        for r in self.requests.iter().rev().take(40).rev() {
            out.push_str("  ");
            out.push_str(&r.summary());
            out.push('\n');
        }
        out
    }
}

pub(crate) struct Inner {
    pub config: FakeConfig,
    pub http_addr: SocketAddr,
    pub ws_addr: SocketAddr,
    state: Mutex<State>,
    changed: watch::Sender<u64>,
}

impl Inner {
    /// Locks the state; a poisoned lock (a panicking test thread) is recovered, never
    /// propagated into the server tasks.
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Wakes every waiter; call after each state change.
    pub fn notify(&self) {
        self.changed.send_modify(|v| *v = v.wrapping_add(1));
    }

    pub fn api_base(&self) -> String {
        format!("http://{}", self.http_addr)
    }

    pub fn gateway_url(&self) -> String {
        format!("ws://{}", self.ws_addr)
    }

    /// Waits until `check` returns `Some`, re-checking on every state change, for at most
    /// `timeout`.
    pub async fn wait_until<T>(
        &self,
        what: impl Into<String>,
        timeout: Duration,
        mut check: impl FnMut(&State) -> Option<T>,
    ) -> Result<T, WaitTimeout> {
        let deadline = Instant::now() + timeout;
        let mut rx = self.changed.subscribe();
        loop {
            rx.borrow_and_update();
            if let Some(found) = check(&self.lock()) {
                return Ok(found);
            }
            match tokio::time::timeout_at(deadline, rx.changed()).await {
                Ok(Ok(())) => continue,
                // Timed out, or (impossible while `self` lives) the sender is gone.
                Ok(Err(_)) | Err(_) => {
                    let state = self.lock();
                    if let Some(found) = check(&state) {
                        return Ok(found);
                    }
                    return Err(WaitTimeout {
                        what: what.into(),
                        timeout,
                        report: state.report(),
                    });
                }
            }
        }
    }
}

/// A fake Discord (REST + gateway) on two ephemeral loopback ports. Dropping it stops the
/// listeners; open gateway connections end with the test's runtime.
pub struct FakeDiscord {
    inner: Arc<Inner>,
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

impl FakeDiscord {
    /// Starts a fake with [`FakeConfig::default`].
    pub async fn start() -> Self {
        Self::start_with(FakeConfig::default()).await
    }

    /// Starts a fake with `config`.
    pub async fn start_with(config: FakeConfig) -> Self {
        let http_listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("fake discord: bind REST listener on 127.0.0.1:0");
        let ws_listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("fake discord: bind gateway listener on 127.0.0.1:0");
        let inner = Arc::new(Inner {
            config,
            http_addr: http_listener
                .local_addr()
                .expect("fake discord: REST local_addr"),
            ws_addr: ws_listener
                .local_addr()
                .expect("fake discord: gateway local_addr"),
            state: Mutex::new(State::default()),
            changed: watch::channel(0).0,
        });
        let tasks = vec![
            tokio::spawn(rest::serve(http_listener, Arc::clone(&inner))),
            tokio::spawn(gateway::serve(ws_listener, Arc::clone(&inner))),
        ];
        Self { inner, tasks }
    }

    pub(crate) fn inner(&self) -> &Arc<Inner> {
        &self.inner
    }

    // ----- addresses and identities -------------------------------------------------------

    /// `http://127.0.0.1:PORT`: give it to `HttpBuilder::proxy`.
    pub fn api_base(&self) -> String {
        self.inner.api_base()
    }

    /// `ws://127.0.0.1:PORT2`: what `GET /api/v10/gateway` answers.
    pub fn gateway_url(&self) -> String {
        self.inner.gateway_url()
    }

    /// The configuration the fake runs with.
    pub fn config(&self) -> &FakeConfig {
        &self.inner.config
    }

    /// The bot user announced in READY.
    pub fn bot_user(&self) -> TestUser {
        self.inner.config.bot.clone()
    }

    /// `READY.application.id`.
    pub fn application_id(&self) -> u64 {
        self.inner.config.application_id
    }

    /// A serenity `Http` pointed at this fake (proxy + ratelimiter disabled, as serenity's
    /// ratelimiter ignores the proxy) with the configured token.
    pub fn http(&self) -> serenity::http::Http {
        serenity::http::HttpBuilder::new(&self.inner.config.token)
            .proxy(self.api_base())
            .ratelimiter_disabled(true)
            .build()
    }

    // ----- REST recording -------------------------------------------------------------------

    /// A snapshot of every REST request so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.inner.lock().requests.clone()
    }

    /// The number of REST requests so far (use as `since` for [`Self::wait_for_request_since`]).
    pub fn request_count(&self) -> usize {
        self.inner.lock().requests.len()
    }

    /// The requests matching `pred`, in order.
    pub fn requests_matching(
        &self,
        pred: impl Fn(&RecordedRequest) -> bool,
    ) -> Vec<RecordedRequest> {
        self.inner
            .lock()
            .requests
            .iter()
            .filter(|r| pred(r))
            .cloned()
            .collect()
    }

    /// The first request ever recorded that matches `pred`, waiting up to `timeout` for it.
    pub async fn wait_for_request(
        &self,
        pred: impl Fn(&RecordedRequest) -> bool,
        timeout: Duration,
    ) -> Result<RecordedRequest, WaitTimeout> {
        self.wait_for_request_since(0, pred, timeout).await
    }

    /// The first request with `index >= since` that matches `pred`, waiting up to `timeout`.
    pub async fn wait_for_request_since(
        &self,
        since: usize,
        pred: impl Fn(&RecordedRequest) -> bool,
        timeout: Duration,
    ) -> Result<RecordedRequest, WaitTimeout> {
        self.inner
            .wait_until(
                format!("a matching REST request (index >= {since})"),
                timeout,
                |s| s.requests.iter().skip(since).find(|r| pred(r)).cloned(),
            )
            .await
    }

    /// The first `n` requests ever recorded that match `pred`, waiting up to `timeout`.
    pub async fn wait_for_n_requests(
        &self,
        pred: impl Fn(&RecordedRequest) -> bool,
        n: usize,
        timeout: Duration,
    ) -> Result<Vec<RecordedRequest>, WaitTimeout> {
        // Requests are only ever appended, so each check scans (and clones) only the new ones:
        // waiting for a burst of n replies stays O(n), not O(n²) under the state lock.
        let mut scanned = 0;
        let mut found = Vec::with_capacity(n);
        self.inner
            .wait_until(format!("{n} matching REST requests"), timeout, |s| {
                for r in &s.requests[scanned..] {
                    if found.len() < n && pred(r) {
                        found.push(r.clone());
                    }
                }
                scanned = s.requests.len();
                (found.len() >= n).then(|| std::mem::take(&mut found))
            })
            .await
    }

    // ----- failure injection ----------------------------------------------------------------

    /// Answers the next `count` requests matching `pred` with `status` instead of the normal
    /// response. 429 gets a rate-limit body (`retry_after` 0.05 s, not global) and a
    /// `Retry-After` header; other statuses get `{"message", "code"}`.
    pub fn fail_next(
        &self,
        pred: impl Fn(&RecordedRequest) -> bool + Send + Sync + 'static,
        status: u16,
        count: usize,
    ) {
        self.push_injection(Box::new(pred), status, 0.05, false, count);
    }

    /// Answers the next `count` requests matching `pred` with a 429 carrying `retry_after`
    /// seconds (body and `Retry-After` header) and the `global` flag.
    pub fn fail_next_rate_limited(
        &self,
        pred: impl Fn(&RecordedRequest) -> bool + Send + Sync + 'static,
        retry_after: f64,
        global: bool,
        count: usize,
    ) {
        self.push_injection(Box::new(pred), 429, retry_after, global, count);
    }

    fn push_injection(
        &self,
        predicate: RequestPredicate,
        status: u16,
        retry_after: f64,
        global: bool,
        remaining: usize,
    ) {
        self.inner.lock().injections.push(Injection {
            predicate,
            status,
            retry_after,
            global,
            remaining,
        });
    }

    /// How many injected failures are still waiting to be served.
    pub fn pending_failures(&self) -> usize {
        self.inner
            .lock()
            .injections
            .iter()
            .map(|i| i.remaining)
            .sum()
    }

    // ----- stored REST objects ----------------------------------------------------------------

    /// Stores a message so `GET /channels/{c}/messages/{id}` (and replies to it) find it.
    pub fn insert_message(&self, message: Value) {
        self.inner.lock().upsert_message(message);
        self.inner.notify();
    }

    /// A stored message by id.
    pub fn message(&self, id: u64) -> Option<Value> {
        self.inner.lock().message(&id.to_string()).cloned()
    }

    /// The original response of the interaction with `token` (after a type 4/5 callback, and
    /// any PATCH of `@original`).
    pub fn interaction_original(&self, token: &str) -> Option<Value> {
        self.inner
            .lock()
            .originals
            .iter()
            .find(|(t, _)| t == token)
            .map(|(_, v)| v.clone())
    }

    /// The application commands last registered globally (`guild: None`) or for a guild.
    pub fn registered_commands(&self, guild: Option<u64>) -> Vec<Value> {
        self.inner.lock().commands_for(guild)
    }
}
