//! Test support: a fake Discord (REST + gateway websocket) on loopback for driving the real
//! serenity/poise client in integration tests. Use it with `mod support;`.
//!
//! - [`FakeDiscord`] (`fake_discord.rs`): start-up, recording, waits, failure injection.
//! - `rest.rs`: the REST routes serenity calls, with Discord-shaped answers and errors.
//! - `gateway.rs`: HELLO/IDENTIFY/READY/RESUME/heartbeats and the connection controls.
//! - [`events`]: payload builders for `MESSAGE_CREATE`, `INTERACTION_CREATE`, `GUILD_CREATE`.
//!
//! ```ignore
//! let fake = FakeDiscord::start().await;
//! let http = fake.http(); // proxy + ratelimiter disabled
//! // ... build a serenity Client with ClientBuilder::new_with_http(http, intents), spawn start()
//! fake.wait_identified(1, Duration::from_secs(5)).await.expect("identify");
//! fake.dispatch("MESSAGE_CREATE", events::guild_message(GUILD_ID, CHANNEL_ID, &TestUser::alice(), "ping"));
//! let reply = fake.wait_for_request(route("POST", "/channels/{}/messages"), Duration::from_secs(5)).await.expect("reply");
//! ```
#![allow(dead_code, unused_imports)]

pub mod events;
mod fake_discord;
mod gateway;
mod rest;

pub use events::{
    dm_message, guild_create, guild_mention, guild_message, message_context_menu, reply_message,
    slash_command, MessageBuilder, TestUser, APPLICATION_ID, BOT_USER_ID, CHANNEL_ID,
    DM_CHANNEL_ID, GUILD_ID, USER_ID,
};
pub use fake_discord::{route, FakeConfig, FakeDiscord, RecordedRequest, WaitTimeout};
