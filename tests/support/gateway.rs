//! The fake gateway: websocket server, session/sequence bookkeeping, and the test controls on
//! [`FakeDiscord`] (dispatch, reconnect, close, drop, invalid session, waits on IDENTIFY/RESUME).
//!
//! Protocol, as serenity 0.12 expects it: on connect the server sends HELLO (op 10). The client
//! answers IDENTIFY (op 2), answered by READY (op 0), or RESUME (op 6, sent right after connecting
//! without waiting for HELLO), answered by a replay of the dispatches after the client's `seq` and
//! then `RESUMED`. Heartbeats (op 1) get op 11. Each dispatch gets the session's next sequence
//! number and is kept in the session log, so dispatches made while the bot is away are replayed on
//! RESUME (or, if the bot re-IDENTIFYs instead, re-sent after the new READY).
//!
//! Every socket write goes through the connection's unbounded channel, pushed while the state
//! lock is held, so frames leave in exactly the order the state assigned them.

use std::sync::Arc;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

use super::events::snowflake_of;
use super::fake_discord::{FakeDiscord, Inner, WaitTimeout};

/// How long a closing connection waits for the client's close reply before dropping the socket.
const CLOSE_GRACE: Duration = Duration::from_secs(2);

/// Commands to one connection task.
#[derive(Debug)]
pub(crate) enum ConnCmd {
    /// Send a text frame.
    Send(String),
    /// Send a close frame with this code, then end the connection.
    Close(u16),
    /// Drop the TCP connection without a close frame.
    Drop,
}

/// The connection that currently receives dispatches (identified or resumed).
pub(crate) struct ActiveConn {
    pub id: u64,
    pub tx: mpsc::UnboundedSender<ConnCmd>,
}

/// One logged dispatch.
#[derive(Clone, Debug)]
pub(crate) struct LoggedDispatch {
    pub seq: u64,
    pub event: String,
    pub data: Value,
}

/// A gateway session (created by IDENTIFY).
pub(crate) struct Session {
    pub id: String,
    /// Last sequence number assigned.
    pub seq: u64,
    /// Highest sequence number written to a live connection.
    pub delivered: u64,
    pub log: Vec<LoggedDispatch>,
}

#[derive(Default)]
pub(crate) struct GatewayState {
    pub next_conn_id: u64,
    /// Websocket connections accepted so far.
    pub connections: usize,
    /// Request URIs of those connections (e.g. `/?v=10`).
    pub connect_uris: Vec<String>,
    pub active: Option<ActiveConn>,
    pub session: Option<Session>,
    /// Dispatches made while no session exists; sent after the next READY.
    pub queued: Vec<(String, Value)>,
    /// `d` of every IDENTIFY.
    pub identifies: Vec<Value>,
    /// `d` of every accepted RESUME.
    pub resumes: Vec<Value>,
    /// `d` of every RESUME answered with INVALID_SESSION.
    pub rejected_resumes: Vec<Value>,
    pub heartbeats: usize,
    /// When true, heartbeats are not acknowledged (to simulate a zombied connection).
    pub withhold_acks: bool,
    /// Every frame the client sent (parsed), in order.
    pub received: Vec<Value>,
}

impl GatewayState {
    /// Assigns a sequence number, logs and (if connected) sends a dispatch. Returns its seq, or
    /// `None` when queued for lack of a session.
    fn dispatch(&mut self, event: &str, data: Value) -> Option<u64> {
        let Some(session) = self.session.as_mut() else {
            self.queued.push((event.to_owned(), data));
            return None;
        };
        session.seq += 1;
        let seq = session.seq;
        let frame = dispatch_frame(seq, event, &data);
        session.log.push(LoggedDispatch {
            seq,
            event: event.to_owned(),
            data,
        });
        if let Some(active) = &self.active {
            if active.tx.send(ConnCmd::Send(frame)).is_ok() {
                session.delivered = seq;
            }
        }
        Some(seq)
    }

    /// Detaches the active connection (subsequent dispatches are only logged) and returns it.
    fn detach(&mut self) -> Option<ActiveConn> {
        self.active.take()
    }
}

fn dispatch_frame(seq: u64, event: &str, data: &Value) -> String {
    json!({"op": 0, "t": event, "s": seq, "d": data}).to_string()
}

/// Accept loop of the gateway listener.
pub(crate) async fn serve(listener: TcpListener, inner: Arc<Inner>) {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                // Small frames go out at once, as Discord's own servers send them (Nagle's
                // algorithm would hold some ~40 ms behind a delayed ACK).
                let _ = stream.set_nodelay(true);
                tokio::spawn(connection(stream, Arc::clone(&inner)));
            }
            Err(err) => {
                // Transient accept errors (e.g. too many open files): back off briefly and
                // keep serving rather than spinning.
                eprintln!("fake discord gateway: accept failed: {err}");
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
        }
    }
}

// tungstenite's handshake callback type fixes the (large) error type.
#[allow(clippy::result_large_err)]
async fn connection(stream: TcpStream, inner: Arc<Inner>) {
    let mut uri = String::new();
    let callback = |req: &Request, resp: Response| {
        uri = req.uri().to_string();
        Ok(resp)
    };
    let mut ws = match tokio_tungstenite::accept_hdr_async(stream, callback).await {
        Ok(ws) => ws,
        Err(err) => {
            eprintln!("fake discord gateway: websocket handshake failed: {err}");
            return;
        }
    };

    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn_id = {
        let mut state = inner.lock();
        let gw = &mut state.gateway;
        gw.next_conn_id += 1;
        gw.connections += 1;
        gw.connect_uris.push(uri);
        gw.next_conn_id
    };
    inner.notify();

    let hello = json!({"op": 10, "d": {"heartbeat_interval": inner.config.heartbeat_interval_ms}});
    if ws.send(Message::Text(hello.to_string())).await.is_ok() {
        loop {
            tokio::select! {
                incoming = ws.next() => match incoming {
                    Some(Ok(Message::Text(text))) => handle_client_frame(&inner, conn_id, &tx, &text),
                    Some(Ok(Message::Binary(bytes))) => {
                        handle_client_frame(&inner, conn_id, &tx, &String::from_utf8_lossy(&bytes));
                    },
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
                    Some(Ok(_)) => {}, // ping/pong: tungstenite answers pings itself
                },
                cmd = rx.recv() => match cmd {
                    Some(ConnCmd::Send(text)) => {
                        if ws.send(Message::Text(text)).await.is_err() {
                            break;
                        }
                    },
                    Some(ConnCmd::Close(code)) => {
                        let frame = CloseFrame { code: CloseCode::from(code), reason: "fake discord close".into() };
                        if ws.send(Message::Close(Some(frame))).await.is_ok() {
                            // Let the client answer the close; bounded so a silent client
                            // cannot keep the task alive.
                            let _ = tokio::time::timeout(CLOSE_GRACE, async {
                                while let Some(Ok(_)) = ws.next().await {}
                            })
                            .await;
                        }
                        break;
                    },
                    Some(ConnCmd::Drop) | None => break,
                },
            }
        }
    }
    drop(ws);

    let mut state = inner.lock();
    if state.gateway.active.as_ref().map(|a| a.id) == Some(conn_id) {
        state.gateway.active = None;
    }
    drop(state);
    inner.notify();
}

fn handle_client_frame(
    inner: &Inner,
    conn_id: u64,
    tx: &mpsc::UnboundedSender<ConnCmd>,
    text: &str,
) {
    let Ok(frame) = serde_json::from_str::<Value>(text) else {
        eprintln!("fake discord gateway: unparsable client frame: {text}");
        return;
    };
    let op = frame["op"].as_u64();
    let data = frame["d"].clone();
    let mut state = inner.lock();
    let gw = &mut state.gateway;
    gw.received.push(frame);
    match op {
        Some(1) => {
            gw.heartbeats += 1;
            if !gw.withhold_acks {
                let _ = tx.send(ConnCmd::Send(json!({"op": 11}).to_string()));
            }
        }
        Some(2) => identify(inner, gw, conn_id, tx, data),
        Some(6) => resume(gw, conn_id, tx, data),
        _ => {} // presence updates, member requests, voice: recorded only
    }
    drop(state);
    inner.notify();
}

fn identify(
    inner: &Inner,
    gw: &mut GatewayState,
    conn_id: u64,
    tx: &mpsc::UnboundedSender<ConnCmd>,
    data: Value,
) {
    let shard = data["shard"].clone();
    gw.identifies.push(data);

    // Dispatches the previous session never wrote to a socket, then those made sessionless.
    let mut pending: Vec<(String, Value)> = match gw.session.take() {
        Some(old) => old
            .log
            .into_iter()
            .filter(|d| d.seq > old.delivered)
            .map(|d| (d.event, d.data))
            .collect(),
        None => Vec::new(),
    };
    pending.append(&mut gw.queued);

    let session_id = format!("fake-session-{}", gw.identifies.len());
    let config = &inner.config;
    let mut bot = config.bot.to_json();
    bot["verified"] = json!(true);
    bot["mfa_enabled"] = json!(false);
    bot["flags"] = json!(0);
    let ready = json!({
        "v": 10,
        "user": bot,
        "guilds": config.guild_ids.iter()
            .map(|id| json!({"id": id.to_string(), "unavailable": true}))
            .collect::<Vec<_>>(),
        "session_id": session_id,
        "resume_gateway_url": inner.gateway_url(),
        "shard": if shard.is_array() { shard } else { json!([0, 1]) },
        "application": {"id": config.application_id.to_string(), "flags": 0},
        "private_channels": [],
        "presences": [],
        "relationships": [],
        "guild_join_requests": [],
        "geo_ordered_rtc_regions": [],
        "user_settings": {},
    });
    gw.session = Some(Session {
        id: session_id,
        seq: 0,
        delivered: 0,
        log: Vec::new(),
    });
    gw.active = Some(ActiveConn {
        id: conn_id,
        tx: tx.clone(),
    });
    gw.dispatch("READY", ready);
    for (event, data) in pending {
        gw.dispatch(&event, data);
    }
}

fn resume(gw: &mut GatewayState, conn_id: u64, tx: &mpsc::UnboundedSender<ConnCmd>, data: Value) {
    let wanted = data["session_id"].as_str().unwrap_or_default().to_owned();
    let after = snowflake_of(&data["seq"]).unwrap_or(0);
    let Some(session) = gw.session.as_mut().filter(|s| s.id == wanted) else {
        gw.rejected_resumes.push(data);
        let _ = tx.send(ConnCmd::Send(json!({"op": 9, "d": false}).to_string()));
        return;
    };
    for logged in session.log.iter().filter(|d| d.seq > after) {
        let _ = tx.send(ConnCmd::Send(dispatch_frame(
            logged.seq,
            &logged.event,
            &logged.data,
        )));
    }
    // RESUMED takes a sequence number but is not logged (never replayed).
    session.seq += 1;
    let _ = tx.send(ConnCmd::Send(dispatch_frame(
        session.seq,
        "RESUMED",
        &json!({"_trace": ["fake-discord"]}),
    )));
    session.delivered = session.seq;
    gw.resumes.push(data);
    gw.active = Some(ActiveConn {
        id: conn_id,
        tx: tx.clone(),
    });
}

/// Gateway controls and observations.
impl FakeDiscord {
    /// Dispatches `event` with `data` (`d`). Sent at once if the bot is connected; otherwise
    /// logged and replayed on RESUME, or queued until the next READY. `MESSAGE_CREATE`
    /// payloads and resolved interaction messages are also stored for REST `GET`s. Returns the
    /// sequence number, or `None` if queued before any session exists.
    pub fn dispatch(&self, event: &str, data: Value) -> Option<u64> {
        let inner = self.inner();
        let mut state = inner.lock();
        match event {
            "MESSAGE_CREATE" => state.upsert_message(data.clone()),
            "INTERACTION_CREATE" => state.interactions.push(data.clone()),
            _ => {}
        }
        if let Some(resolved) = data["data"]["resolved"]["messages"].as_object() {
            for message in resolved.values() {
                state.upsert_message(message.clone());
            }
        }
        let seq = state.gateway.dispatch(event, data);
        drop(state);
        inner.notify();
        seq
    }

    fn with_active(&self, f: impl FnOnce(&mut GatewayState, ActiveConn)) -> bool {
        let inner = self.inner();
        let mut state = inner.lock();
        let gw = &mut state.gateway;
        let done = match gw.detach() {
            Some(active) => {
                f(gw, active);
                true
            }
            None => false,
        };
        drop(state);
        inner.notify();
        done
    }

    /// Sends op 7 RECONNECT and detaches the connection: dispatches from now on wait for the
    /// client's RESUME. Returns false if no connection was active.
    pub fn send_reconnect(&self) -> bool {
        self.with_active(|_, active| {
            let _ = active
                .tx
                .send(ConnCmd::Send(json!({"op": 7, "d": null}).to_string()));
        })
    }

    /// Closes the active connection with a close frame carrying `code` (e.g. 4000, 1000).
    /// The session is kept, so the client may RESUME. Returns false if none was active.
    pub fn close(&self, code: u16) -> bool {
        self.with_active(|_, active| {
            let _ = active.tx.send(ConnCmd::Close(code));
        })
    }

    /// Drops the active connection's TCP stream without a close frame. Returns false if none
    /// was active.
    pub fn drop_connection(&self) -> bool {
        self.with_active(|_, active| {
            let _ = active.tx.send(ConnCmd::Drop);
        })
    }

    /// Sends op 9 INVALID_SESSION with `d = resumable` and detaches the connection. When not
    /// resumable the session ends (a later RESUME is refused; undelivered dispatches are
    /// re-sent after the next READY). Note: serenity re-IDENTIFYs only after its ~5 s shard
    /// queue delay. Returns false if no connection was active.
    pub fn invalid_session(&self, resumable: bool) -> bool {
        self.with_active(|gw, active| {
            let _ = active
                .tx
                .send(ConnCmd::Send(json!({"op": 9, "d": resumable}).to_string()));
            if !resumable {
                if let Some(old) = gw.session.take() {
                    let mut undelivered: Vec<(String, Value)> = old
                        .log
                        .into_iter()
                        .filter(|d| d.seq > old.delivered)
                        .map(|d| (d.event, d.data))
                        .collect();
                    undelivered.append(&mut gw.queued);
                    gw.queued = undelivered;
                }
            }
        })
    }

    /// Asks the client for an immediate heartbeat (server op 1). Returns false if not connected.
    pub fn request_heartbeat(&self) -> bool {
        let inner = self.inner();
        let state = inner.lock();
        match &state.gateway.active {
            Some(active) => active
                .tx
                .send(ConnCmd::Send(json!({"op": 1, "d": null}).to_string()))
                .is_ok(),
            None => false,
        }
    }

    /// Stops (false) or resumes (true) acknowledging heartbeats with op 11.
    pub fn set_heartbeat_acks(&self, ack: bool) {
        self.inner().lock().gateway.withhold_acks = !ack;
    }

    /// True while a connection is identified/resumed and receiving dispatches.
    pub fn is_connected(&self) -> bool {
        self.inner().lock().gateway.active.is_some()
    }

    /// Websocket connections accepted so far.
    pub fn connection_count(&self) -> usize {
        self.inner().lock().gateway.connections
    }

    /// Request URIs of the websocket connections (serenity uses `/?v=10`).
    pub fn connect_uris(&self) -> Vec<String> {
        self.inner().lock().gateway.connect_uris.clone()
    }

    /// The `d` of every IDENTIFY received (token, intents, shard, properties, …).
    pub fn identifies(&self) -> Vec<Value> {
        self.inner().lock().gateway.identifies.clone()
    }

    /// The `d` of every accepted RESUME (`session_id`, `seq`, `token`).
    pub fn resumes(&self) -> Vec<Value> {
        self.inner().lock().gateway.resumes.clone()
    }

    /// The `d` of every RESUME refused with INVALID_SESSION (unknown session).
    pub fn rejected_resumes(&self) -> Vec<Value> {
        self.inner().lock().gateway.rejected_resumes.clone()
    }

    /// Every frame the client sent, parsed, in order.
    pub fn client_frames(&self) -> Vec<Value> {
        self.inner().lock().gateway.received.clone()
    }

    /// Heartbeats (op 1) received so far.
    pub fn heartbeat_count(&self) -> usize {
        self.inner().lock().gateway.heartbeats
    }

    /// The current session id, if any.
    pub fn session_id(&self) -> Option<String> {
        self.inner()
            .lock()
            .gateway
            .session
            .as_ref()
            .map(|s| s.id.clone())
    }

    /// The last sequence number assigned in the current session (0 if none).
    pub fn last_seq(&self) -> u64 {
        self.inner()
            .lock()
            .gateway
            .session
            .as_ref()
            .map_or(0, |s| s.seq)
    }

    /// Waits until at least `n` IDENTIFYs arrived; returns the `n`-th one's `d`.
    pub async fn wait_identified(&self, n: usize, timeout: Duration) -> Result<Value, WaitTimeout> {
        self.inner()
            .wait_until(format!("IDENTIFY #{n}"), timeout, |s| {
                n.checked_sub(1)
                    .and_then(|i| s.gateway.identifies.get(i).cloned())
                    .or_else(|| (n == 0).then_some(Value::Null))
            })
            .await
    }

    /// Waits until at least `n` RESUMEs were accepted (replay and RESUMED sent); returns the
    /// `n`-th one's `d`.
    pub async fn wait_resumed(&self, n: usize, timeout: Duration) -> Result<Value, WaitTimeout> {
        self.inner()
            .wait_until(format!("accepted RESUME #{n}"), timeout, |s| {
                n.checked_sub(1)
                    .and_then(|i| s.gateway.resumes.get(i).cloned())
                    .or_else(|| (n == 0).then_some(Value::Null))
            })
            .await
    }

    /// Waits until at least `n` heartbeats arrived.
    pub async fn wait_heartbeats(&self, n: usize, timeout: Duration) -> Result<(), WaitTimeout> {
        self.inner()
            .wait_until(format!("{n} heartbeats"), timeout, |s| {
                (s.gateway.heartbeats >= n).then_some(())
            })
            .await
    }

    /// Waits until a connection is identified/resumed and receiving dispatches.
    pub async fn wait_connected(&self, timeout: Duration) -> Result<(), WaitTimeout> {
        self.inner()
            .wait_until("an identified/resumed gateway connection", timeout, |s| {
                s.gateway.active.is_some().then_some(())
            })
            .await
    }

    /// Waits until at least `n` websocket connections were accepted.
    pub async fn wait_connections(&self, n: usize, timeout: Duration) -> Result<(), WaitTimeout> {
        self.inner()
            .wait_until(format!("{n} gateway connections"), timeout, |s| {
                (s.gateway.connections >= n).then_some(())
            })
            .await
    }
}
