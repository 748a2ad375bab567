//! The fake REST API (hyper 1, HTTP/1.1): routing, Discord-shaped responses and errors, message
//! validation, and recording of every request (including injected failures and 404s).
//!
//! Each request is recorded *before* its response is returned, under the state lock, and
//! waiters are notified. Handlers never panic and never wait: an unknown route gets an
//! immediate Discord-style 404.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{json, Map, Value};
use tokio::net::TcpListener;

use super::events::{snowflake, timestamp_now};
use super::fake_discord::{strip_api_prefix, Inner, RecordedRequest, State};

/// Discord's limits, enforced on message bodies like Discord does (400 Invalid Form Body).
const MAX_CONTENT: usize = 2000;
const MAX_EMBEDS: usize = 10;
const MAX_EMBED_TOTAL: usize = 6000;

/// Accept loop of the REST listener.
pub(crate) async fn serve(listener: TcpListener, inner: Arc<Inner>) {
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => {
                // Answers go out at once rather than waiting on Nagle's algorithm.
                let _ = stream.set_nodelay(true);
                stream
            }
            Err(err) => {
                // Transient accept errors: back off briefly rather than spin.
                eprintln!("fake discord REST: accept failed: {err}");
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let inner = Arc::clone(&inner);
        tokio::spawn(async move {
            let service = service_fn(move |req| {
                let inner = Arc::clone(&inner);
                async move { Ok::<_, Infallible>(handle(&inner, req).await) }
            });
            // Client disconnects end the connection; nothing to report.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// A response under construction.
struct Reply {
    status: u16,
    body: Option<Value>,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn json(status: u16, body: Value) -> Self {
        Self {
            status,
            body: Some(body),
            headers: Vec::new(),
        }
    }

    fn ok(body: Value) -> Self {
        Self::json(200, body)
    }

    fn no_content() -> Self {
        Self {
            status: 204,
            body: None,
            headers: Vec::new(),
        }
    }

    /// A Discord JSON error: `{"message", "code"}`.
    fn error(status: u16, code: u32, message: &str) -> Self {
        Self::json(status, json!({"message": message, "code": code}))
    }

    fn not_found() -> Self {
        Self::error(404, 0, "404: Not Found")
    }

    fn unknown_message() -> Self {
        Self::error(404, 10008, "Unknown Message")
    }

    /// 400 Invalid Form Body with one field error, in the shape serenity decodes.
    fn invalid_form(path: &str, code: &str, message: &str) -> Self {
        let mut errors = json!({"_errors": [{"code": code, "message": message}]});
        for key in path.rsplit('.') {
            errors = json!({ key: errors });
        }
        Self::json(
            400,
            json!({"code": 50035, "message": "Invalid Form Body", "errors": errors}),
        )
    }

    fn rate_limited(retry_after: f64, global: bool) -> Self {
        let mut reply = Self::json(
            429,
            json!({
                "message": "You are being rate limited.",
                "retry_after": retry_after,
                "global": global,
                "code": 0,
            }),
        );
        reply
            .headers
            .push(("retry-after", format!("{retry_after}")));
        reply
            .headers
            .push(("x-ratelimit-global", global.to_string()));
        reply.headers.push((
            "x-ratelimit-scope",
            if global { "global" } else { "user" }.to_owned(),
        ));
        reply
    }

    fn injected(status: u16) -> Self {
        match status {
            400 => Self::error(400, 50035, "Invalid Form Body"),
            401 => Self::error(401, 0, "401: Unauthorized"),
            403 => Self::error(403, 50013, "Missing Permissions"),
            404 => Self::not_found(),
            502 => Self::error(502, 0, "502: Bad Gateway"),
            503 => Self::error(503, 0, "503: Service Unavailable"),
            s if s >= 500 => Self::error(s, 0, "500: Internal Server Error"),
            s => Self::error(s, 0, "Injected failure"),
        }
    }

    fn into_response(self) -> Response<Full<Bytes>> {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut builder = Response::builder().status(status);
        for (name, value) in &self.headers {
            builder = builder.header(*name, value.as_str());
        }
        let body = match self.body {
            Some(body) => {
                builder = builder.header("content-type", "application/json");
                Bytes::from(body.to_string())
            }
            None => Bytes::new(),
        };
        builder
            .body(Full::new(body))
            .unwrap_or_else(|_| Response::new(Full::new(Bytes::new())))
    }
}

async fn handle(inner: &Inner, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let query = req.uri().query().map(str::to_owned);
    let headers: Vec<(String, String)> = req
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_ascii_lowercase(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let raw = req
        .into_body()
        .collect()
        .await
        .map(|collected| collected.to_bytes())
        .unwrap_or_default();
    let raw_body = String::from_utf8_lossy(&raw).into_owned();
    let content_type = headers
        .iter()
        .find(|(n, _)| n == "content-type")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let (body, has_files) = parse_body(&content_type, &raw_body);

    let mut record = RecordedRequest {
        index: 0,
        method,
        path,
        query,
        headers,
        body,
        raw_body,
        status: 0,
    };

    let reply = {
        let mut state = inner.lock();
        record.index = state.requests.len();
        let reply = match take_injection(&mut state, &record) {
            Some(reply) => reply,
            None => route(inner, &mut state, &record, has_files),
        };
        record.status = reply.status;
        state.requests.push(record);
        reply
    };
    inner.notify();
    reply.into_response()
}

/// JSON body, or the `payload_json` part of a multipart body. Also tells whether a multipart
/// body carried files.
fn parse_body(content_type: &str, raw: &str) -> (Value, bool) {
    if let Some(boundary) = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
    {
        let boundary = boundary.trim_matches('"');
        let delimiter = format!("--{boundary}");
        let mut payload = Value::Null;
        let mut has_files = false;
        for part in raw.split(delimiter.as_str()) {
            let Some((head, content)) = part.split_once("\r\n\r\n") else {
                continue;
            };
            if head.contains("filename=") {
                has_files = true;
            } else if head.contains("name=\"payload_json\"") {
                let content = content.strip_suffix("\r\n").unwrap_or(content);
                payload = serde_json::from_str(content).unwrap_or(Value::Null);
            }
        }
        return (payload, has_files);
    }
    (serde_json::from_str(raw).unwrap_or(Value::Null), false)
}

fn take_injection(state: &mut State, record: &RecordedRequest) -> Option<Reply> {
    let pos = state
        .injections
        .iter()
        .position(|i| i.remaining > 0 && (i.predicate)(record))?;
    let injection = &mut state.injections[pos];
    injection.remaining -= 1;
    let reply = if injection.status == 429 {
        Reply::rate_limited(injection.retry_after, injection.global)
    } else {
        Reply::injected(injection.status)
    };
    if injection.remaining == 0 {
        state.injections.remove(pos);
    }
    Some(reply)
}

fn route(inner: &Inner, state: &mut State, req: &RecordedRequest, has_files: bool) -> Reply {
    let config = &inner.config;
    let app_id = config.application_id.to_string();
    let route = strip_api_prefix(&req.path);
    let segments: Vec<&str> = route.trim_matches('/').split('/').collect();
    let body = &req.body;

    match (req.method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) => Reply::ok(json!({"url": inner.gateway_url()})),
        ("GET", ["gateway", "bot"]) => Reply::ok(json!({
            "url": inner.gateway_url(),
            "shards": 1,
            "session_start_limit": {
                "total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1,
            },
        })),
        ("GET", ["users", "@me"]) => Reply::ok(current_user(inner)),
        ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]) => {
            Reply::ok(application_info(inner))
        }

        // Application commands.
        (_, ["applications", app, ..]) if *app != app_id => {
            Reply::error(404, 10002, "Unknown Application")
        }
        ("PUT", ["applications", _, "commands"]) => {
            put_commands(state, &app_id, None, body).unwrap_or_else(|r| r)
        }
        ("PUT", ["applications", _, "guilds", guild, "commands"]) => {
            put_commands(state, &app_id, Some(guild), body).unwrap_or_else(|r| r)
        }
        ("GET", ["applications", _, "commands"]) => Reply::ok(json!(state.global_commands)),
        ("GET", ["applications", _, "guilds", guild, "commands"]) => {
            let commands = state
                .guild_commands
                .iter()
                .find(|(g, _)| g.to_string() == *guild)
                .map(|(_, c)| c.clone())
                .unwrap_or_default();
            Reply::ok(json!(commands))
        }
        ("POST", ["applications", _, "commands"]) => {
            let mut all = state.global_commands.clone();
            all.retain(|c| c["name"] != body["name"]);
            all.push(body.clone());
            match put_commands(state, &app_id, None, &json!(all)) {
                Ok(_) => Reply::ok(
                    state
                        .global_commands
                        .iter()
                        .find(|c| c["name"] == body["name"])
                        .cloned()
                        .unwrap_or(Value::Null),
                ),
                Err(reply) => reply,
            }
        }

        // Channel messages.
        ("POST", ["channels", channel, "messages"]) => {
            if let Err(reply) = validate_message(body, true, has_files) {
                return reply;
            }
            let message = new_message(inner, state, channel, body, false);
            state.upsert_message(message.clone());
            Reply::ok(message)
        }
        ("GET", ["channels", _, "messages", id]) => match state.message(id) {
            Some(message) => Reply::ok(message.clone()),
            None => Reply::unknown_message(),
        },
        ("PATCH", ["channels", _, "messages", id]) => edit_message(state, id, body),
        ("DELETE", ["channels", _, "messages", id]) => {
            let before = state.messages.len();
            state.messages.retain(|m| m["id"].as_str() != Some(*id));
            if state.messages.len() == before {
                Reply::unknown_message()
            } else {
                Reply::no_content()
            }
        }
        ("POST", ["channels", _, "typing"]) => Reply::no_content(),
        ("PUT" | "DELETE", ["channels", _, "messages", _, "reactions", _, "@me"]) => {
            Reply::no_content()
        }

        // Interactions.
        ("POST", ["interactions", id, token, "callback"]) => {
            interaction_callback(inner, state, id, token, body)
        }
        ("POST", ["webhooks", _, token]) => {
            if !state.acknowledged.iter().any(|(_, t)| t == token) {
                return Reply::error(404, 10015, "Unknown Webhook");
            }
            if let Err(reply) = validate_message(body, true, has_files) {
                return reply;
            }
            let channel = interaction_channel(state, token);
            let message = new_message(inner, state, &channel, body, true);
            state.upsert_message(message.clone());
            Reply::ok(message)
        }
        ("GET", ["webhooks", _, token, "messages", "@original"]) => {
            match state.originals.iter().find(|(t, _)| t == token) {
                Some((_, message)) => Reply::ok(message.clone()),
                None => Reply::unknown_message(),
            }
        }
        ("PATCH", ["webhooks", _, token, "messages", "@original"]) => {
            if let Err(reply) = validate_message(body, false, has_files) {
                return reply;
            }
            let Some((_, original)) = state.originals.iter_mut().find(|(t, _)| t == token) else {
                return Reply::unknown_message();
            };
            apply_edit(original, body);
            let edited = original.clone();
            state.upsert_message(edited.clone());
            Reply::ok(edited)
        }
        ("DELETE", ["webhooks", _, token, "messages", "@original"]) => {
            let before = state.originals.len();
            state.originals.retain(|(t, _)| t != token);
            if state.originals.len() == before {
                Reply::unknown_message()
            } else {
                Reply::no_content()
            }
        }
        ("GET", ["webhooks", _, _, "messages", id]) => match state.message(id) {
            Some(message) => Reply::ok(message.clone()),
            None => Reply::unknown_message(),
        },
        ("PATCH", ["webhooks", _, _, "messages", id]) => edit_message(state, id, body),
        ("DELETE", ["webhooks", _, _, "messages", id]) => {
            state.messages.retain(|m| m["id"].as_str() != Some(*id));
            Reply::no_content()
        }

        _ => Reply::not_found(),
    }
}

fn current_user(inner: &Inner) -> Value {
    let mut user = inner.config.bot.to_json();
    user["verified"] = json!(true);
    user["mfa_enabled"] = json!(false);
    user["flags"] = json!(0);
    user["banner"] = Value::Null;
    user["accent_color"] = Value::Null;
    user
}

fn application_info(inner: &Inner) -> Value {
    let config = &inner.config;
    json!({
        "id": config.application_id.to_string(),
        "name": config.bot.name,
        "icon": null,
        "description": "factdesk test application",
        "rpc_origins": [],
        "bot_public": true,
        "bot_require_code_grant": false,
        "verify_key": "0000000000000000000000000000000000000000000000000000000000000000",
        "owner": config.owner.to_json(),
        "team": null,
        "flags": 0,
        "bot": current_user(inner),
        "redirect_uris": [],
        "interactions_endpoint_url": null,
        "role_connections_verification_url": null,
        "approximate_guild_count": config.guild_ids.len(),
    })
}

/// Replaces the global (or a guild's) commands with `body` (an array), echoing them back with
/// ids; a command keeps its id across re-registrations by name.
fn put_commands(
    state: &mut State,
    app_id: &str,
    guild: Option<&str>,
    body: &Value,
) -> Result<Reply, Reply> {
    let Some(commands) = body.as_array() else {
        return Err(Reply::error(400, 50035, "Invalid Form Body"));
    };
    let guild_id = guild.and_then(|g| g.parse::<u64>().ok());
    let previous: Vec<Value> = state.commands_for(guild_id);
    let mut echoed = Vec::with_capacity(commands.len());
    for command in commands {
        let Some(fields) = command.as_object() else {
            return Err(Reply::error(400, 50035, "Invalid Form Body"));
        };
        let Some(name) = fields.get("name").and_then(Value::as_str) else {
            return Err(Reply::invalid_form(
                &format!("{}.name", echoed.len()),
                "BASE_TYPE_REQUIRED",
                "This field is required",
            ));
        };
        let id = previous
            .iter()
            .find(|c| c["name"].as_str() == Some(name))
            .and_then(|c| c["id"].as_str().map(str::to_owned))
            .unwrap_or_else(|| snowflake().to_string());
        let mut out: Map<String, Value> = fields.clone();
        out.insert("id".into(), json!(id));
        out.insert("application_id".into(), json!(app_id));
        out.insert("version".into(), json!(snowflake().to_string()));
        out.entry("type").or_insert(json!(1));
        out.entry("description").or_insert(json!(""));
        out.entry("options").or_insert(json!([]));
        out.entry("default_member_permissions")
            .or_insert(Value::Null);
        out.entry("nsfw").or_insert(json!(false));
        out.insert("guild_id".into(), guild.map_or(Value::Null, |g| json!(g)));
        echoed.push(Value::Object(out));
    }
    match guild_id {
        None => state.global_commands = echoed.clone(),
        Some(g) => {
            state.guild_commands.retain(|(id, _)| *id != g);
            state.guild_commands.push((g, echoed.clone()));
        }
    }
    Ok(Reply::ok(Value::Array(echoed)))
}

fn char_len(value: &Value) -> usize {
    value.as_str().map_or(0, |s| s.chars().count())
}

/// Discord's checks on a message body: not empty (when `require_something`), content ≤ 2000,
/// ≤ 10 embeds, embed field limits, ≤ 6000 embed characters in total.
fn validate_message(body: &Value, require_something: bool, has_files: bool) -> Result<(), Reply> {
    let content_len = char_len(&body["content"]);
    if content_len > MAX_CONTENT {
        return Err(Reply::invalid_form(
            "content",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 2000 or fewer in length.",
        ));
    }
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    if embeds.len() > MAX_EMBEDS {
        return Err(Reply::invalid_form(
            "embeds",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 10 or fewer in length.",
        ));
    }
    let mut total = 0;
    for (i, embed) in embeds.iter().enumerate() {
        let checks = [
            ("title", &embed["title"], 256),
            ("description", &embed["description"], 4096),
            ("footer.text", &embed["footer"]["text"], 2048),
            ("author.name", &embed["author"]["name"], 256),
        ];
        for (field, value, max) in checks {
            let len = char_len(value);
            total += len;
            if len > max {
                return Err(Reply::invalid_form(
                    &format!("embeds.{i}.{field}"),
                    "BASE_TYPE_MAX_LENGTH",
                    &format!("Must be {max} or fewer in length."),
                ));
            }
        }
        let fields = embed["fields"].as_array().cloned().unwrap_or_default();
        if fields.len() > 25 {
            return Err(Reply::invalid_form(
                &format!("embeds.{i}.fields"),
                "BASE_TYPE_MAX_LENGTH",
                "Must be 25 or fewer in length.",
            ));
        }
        for (j, field) in fields.iter().enumerate() {
            for (key, max) in [("name", 256), ("value", 1024)] {
                let len = char_len(&field[key]);
                total += len;
                if len > max {
                    return Err(Reply::invalid_form(
                        &format!("embeds.{i}.fields.{j}.{key}"),
                        "BASE_TYPE_MAX_LENGTH",
                        &format!("Must be {max} or fewer in length."),
                    ));
                }
                if len == 0 {
                    return Err(Reply::invalid_form(
                        &format!("embeds.{i}.fields.{j}.{key}"),
                        "BASE_TYPE_REQUIRED",
                        "This field is required",
                    ));
                }
            }
        }
    }
    if total > MAX_EMBED_TOTAL {
        return Err(Reply::invalid_form(
            "embeds",
            "MAX_EMBED_SIZE_EXCEEDED",
            "Embed size exceeds maximum size of 6000",
        ));
    }
    let has_other = ["components", "sticker_ids", "attachments"]
        .iter()
        .any(|k| body[*k].as_array().is_some_and(|a| !a.is_empty()))
        || body.get("poll").is_some_and(|p| !p.is_null());
    if require_something && content_len == 0 && embeds.is_empty() && !has_files && !has_other {
        return Err(Reply::error(400, 50006, "Cannot send an empty message"));
    }
    Ok(())
}

/// A Message object for a message the bot creates in `channel` from a request `body`.
fn new_message(inner: &Inner, state: &State, channel: &str, body: &Value, webhook: bool) -> Value {
    let config = &inner.config;
    let id = snowflake().to_string();
    let mut message = json!({
        "id": id,
        "channel_id": channel,
        "author": current_user(inner),
        "content": body["content"].as_str().unwrap_or_default(),
        "timestamp": timestamp_now(),
        "edited_timestamp": null,
        "tts": body["tts"].as_bool().unwrap_or(false),
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": body["embeds"].as_array().cloned().unwrap_or_default(),
        "components": [],
        "pinned": false,
        "type": 0,
        "flags": body["flags"].as_u64().unwrap_or(0),
    });
    if let Some(nonce) = body.get("nonce").filter(|n| !n.is_null()) {
        message["nonce"] = nonce.clone();
    }
    if webhook {
        message["webhook_id"] = json!(config.application_id.to_string());
        message["application_id"] = json!(config.application_id.to_string());
    }
    if let Some(reference) = body.get("message_reference").filter(|r| r.is_object()) {
        let mut reference = reference.clone();
        if reference["channel_id"].is_null() {
            reference["channel_id"] = json!(channel);
        }
        let referenced = reference["message_id"]
            .as_str()
            .map(str::to_owned)
            .or_else(|| reference["message_id"].as_u64().map(|n| n.to_string()))
            .and_then(|rid| state.message(&rid).cloned());
        message["type"] = json!(19);
        message["message_reference"] = reference;
        message["referenced_message"] = referenced.unwrap_or(Value::Null);
    }
    message
}

/// Applies the editable fields of `body` to `message`.
fn apply_edit(message: &mut Value, body: &Value) {
    for key in ["content", "embeds", "flags"] {
        if let Some(value) = body.get(key).filter(|v| !v.is_null()) {
            message[key] = value.clone();
        }
    }
    message["edited_timestamp"] = json!(timestamp_now());
}

fn edit_message(state: &mut State, id: &str, body: &Value) -> Reply {
    if let Err(reply) = validate_message(body, false, false) {
        return reply;
    }
    let Some(message) = state
        .messages
        .iter_mut()
        .rev()
        .find(|m| m["id"].as_str() == Some(id))
    else {
        return Reply::unknown_message();
    };
    apply_edit(message, body);
    Reply::ok(message.clone())
}

/// The channel of the dispatched interaction with `token` (or "0" if unknown).
fn interaction_channel(state: &State, token: &str) -> String {
    state
        .interaction_channel(token)
        .unwrap_or_else(|| "0".to_owned())
}

/// Acknowledges an interaction once (a second callback gets Discord's 40060), storing the
/// original response for type 4 (message) and 5 (deferred message).
fn interaction_callback(
    inner: &Inner,
    state: &mut State,
    id: &str,
    token: &str,
    body: &Value,
) -> Reply {
    if state.acknowledged.iter().any(|(i, _)| i == id) {
        return Reply::error(400, 40060, "Interaction has already been acknowledged.");
    }
    let kind = body["type"].as_u64().unwrap_or(0);
    let data = body.get("data").cloned().unwrap_or(Value::Null);
    match kind {
        4 => {
            if let Err(reply) = validate_message(&data, true, false) {
                return reply;
            }
        }
        1 | 5 | 6 | 7 | 8 | 9 | 10 | 12 => {}
        _ => {
            return Reply::invalid_form(
                "type",
                "BASE_TYPE_CHOICES",
                "Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}.",
            )
        }
    }
    state.acknowledged.push((id.to_owned(), token.to_owned()));
    if kind == 4 || kind == 5 {
        let channel = interaction_channel(state, token);
        let mut original = new_message(inner, state, &channel, &data, true);
        original["type"] = json!(20); // ChatInputCommand reply
        if kind == 5 {
            // LOADING, plus EPHEMERAL if asked for.
            let ephemeral = data["flags"].as_u64().unwrap_or(0) & 64;
            original["flags"] = json!(128 | ephemeral);
            original["content"] = json!("");
        }
        state.upsert_message(original.clone());
        state.originals.retain(|(t, _)| t != token);
        state.originals.push((token.to_owned(), original));
    }
    Reply::no_content()
}
