//! Configuration of the bot, from the environment and an optional `.env` file.
//!
//! This module owns every `FACTDESK_*` / `DISCORD_*` variable: its parsing, its default, and the
//! error that names it and says how to fix it ([`ConfigError`]). [`Config::from_env`] reads the
//! real environment (after loading `.env`), [`Config::from_map`] reads a map (for tests). The bot
//! token is a [`Token`]: its `Debug` is redacted and no error message ever contains it.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// The bot token (`DISCORD_TOKEN`).
pub const TOKEN_VAR: &str = "DISCORD_TOKEN";
/// The command prefix (`!` by default).
pub const PREFIX_VAR: &str = "FACTDESK_PREFIX";
/// Role ids whose members are moderators, comma separated.
pub const MOD_ROLES_VAR: &str = "FACTDESK_MOD_ROLE_IDS";
/// The folder of knowledge packs.
pub const KNOWLEDGE_DIR_VAR: &str = "FACTDESK_KNOWLEDGE_DIR";
/// A guild to register application commands in (global otherwise).
pub const GUILD_ID_VAR: &str = "FACTDESK_GUILD_ID";
/// Per-user cooldown between answers, in seconds (0: off).
pub const COOLDOWN_VAR: &str = "FACTDESK_COOLDOWN_SECS";
/// Base URL for REST calls and the gateway look-up (a proxy or a test server).
pub const API_BASE_VAR: &str = "DISCORD_API_BASE";
/// The shards this process runs: `FIRST..LAST/TOTAL`.
pub const SHARDS_VAR: &str = "FACTDESK_SHARDS";
/// Packs per guild: `GUILD=pack,pack;GUILD=pack`.
pub const GUILD_PACKS_VAR: &str = "FACTDESK_GUILD_PACKS";
/// Reload the knowledge when its files change (`1`).
pub const WATCH_VAR: &str = "FACTDESK_WATCH";
/// Ask Discord for the privileged MESSAGE_CONTENT intent (`1`).
pub const MESSAGE_CONTENT_VAR: &str = "FACTDESK_MESSAGE_CONTENT";

/// Every variable this module reads.
pub const VARIABLES: &[&str] = &[
    TOKEN_VAR,
    PREFIX_VAR,
    MOD_ROLES_VAR,
    KNOWLEDGE_DIR_VAR,
    GUILD_ID_VAR,
    COOLDOWN_VAR,
    API_BASE_VAR,
    SHARDS_VAR,
    GUILD_PACKS_VAR,
    WATCH_VAR,
    MESSAGE_CONTENT_VAR,
];

/// Default command prefix.
pub const DEFAULT_PREFIX: &str = "!";
/// Default knowledge folder.
pub const DEFAULT_KNOWLEDGE_DIR: &str = "./knowledge";
/// Default cooldown, in seconds.
pub const DEFAULT_COOLDOWN_SECS: u64 = 5;
/// Longest prefix, in characters.
pub const MAX_PREFIX_CHARS: usize = 5;
/// Longest cooldown accepted, in seconds.
pub const MAX_COOLDOWN_SECS: u64 = 3600;

/// Why the configuration is unusable. Each message names the variable and the fix, and never
/// contains the token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    #[error("DISCORD_TOKEN is not set. Create a bot in the Discord Developer Portal (your application → Bot → Reset Token) and put DISCORD_TOKEN=<token> in .env or the environment. Without a token, `factdesk console` answers on the terminal.")]
    MissingToken,

    #[error("DISCORD_TOKEN is malformed: {reason}. A bot token is three base64 parts separated by dots; copy it again from the Developer Portal (your application → Bot → Reset Token).")]
    MalformedToken { reason: &'static str },

    #[error("FACTDESK_PREFIX={value:?} {reason}. Use 1 to {MAX_PREFIX_CHARS} characters without spaces, e.g. FACTDESK_PREFIX=!")]
    BadPrefix { value: String, reason: &'static str },

    #[error("FACTDESK_MOD_ROLE_IDS: {value:?} is not a role id. List numeric role ids separated by commas, e.g. FACTDESK_MOD_ROLE_IDS=123456789012345678,234567890123456789 (Discord: Developer Mode on, then right-click the role → Copy Role ID).")]
    BadRoleId { value: String },

    #[error("FACTDESK_GUILD_ID={value:?} is not a server id. Use the numeric id (Discord: Developer Mode on, then right-click the server → Copy Server ID), or leave it empty to register commands globally.")]
    BadGuildId { value: String },

    #[error("FACTDESK_COOLDOWN_SECS={value:?} is not a number of seconds from 0 to {MAX_COOLDOWN_SECS}. Use e.g. FACTDESK_COOLDOWN_SECS=5, or 0 to turn the cooldown off.")]
    BadCooldown { value: String },

    #[error("DISCORD_API_BASE={value:?} {reason}. Use a base URL such as http://127.0.0.1:8080 (no path after the port), or leave it empty to talk to Discord itself.")]
    BadApiBase { value: String, reason: &'static str },

    #[error("FACTDESK_SHARDS={value:?} {reason}. Use FIRST..LAST/TOTAL with LAST included, e.g. FACTDESK_SHARDS=0..1/4 runs shards 0 and 1 of 4; leave it empty to let Discord choose (autosharding).")]
    BadShards { value: String, reason: &'static str },

    #[error("FACTDESK_GUILD_PACKS: {entry:?} {reason}. Use GUILD_ID=pack-id,pack-id entries separated by ';', e.g. FACTDESK_GUILD_PACKS=123456789012345678=sony-hack-2014;234567890123456789=other-pack")]
    BadGuildPacks { entry: String, reason: &'static str },

    #[error("FACTDESK_GUILD_PACKS gives server {guild} the pack {pack:?}, but no pack has that id (loaded: {known}). Use the pack's folder name, or remove it.")]
    UnknownPack {
        guild: u64,
        pack: String,
        known: String,
    },

    #[error("{variable}={value:?} is not on or off. Use 1 (on) or 0 (off).")]
    BadFlag {
        variable: &'static str,
        value: String,
    },

    #[error("{variable} is not valid UTF-8 text. Set it again with plain text.")]
    NotUnicode { variable: &'static str },

    #[error(".env: {problem}. Fix that line (NAME=value, one per line) or remove the file.")]
    DotEnv { problem: String },
}

/// The bot token. Never printed: `Debug` shows `Token(<redacted>)` and there is no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// Checks the token's shape (three dot-separated base64 parts); a leading "Bot " is dropped.
    pub fn parse(raw: &str) -> Result<Token, ConfigError> {
        let token = raw.trim();
        let token = token.strip_prefix("Bot ").unwrap_or(token).trim();
        if token.is_empty() {
            return Err(ConfigError::MissingToken);
        }
        if token.chars().any(char::is_whitespace) {
            return Err(ConfigError::MalformedToken {
                reason: "it contains spaces",
            });
        }
        let parts: Vec<&str> = token.split('.').collect();
        if parts.len() != 3 {
            return Err(ConfigError::MalformedToken {
                reason: "it does not have exactly three dot-separated parts",
            });
        }
        if parts.iter().any(|p| p.is_empty()) {
            return Err(ConfigError::MalformedToken {
                reason: "one of its three parts is empty",
            });
        }
        let base64ish =
            |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | '/' | '=');
        if !parts.iter().all(|p| p.chars().all(base64ish)) {
            return Err(ConfigError::MalformedToken {
                reason: "it contains characters a token never has",
            });
        }
        Ok(Token(token.to_owned()))
    }

    /// The token itself, for the HTTP client. Never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// A range of shards for this process: `first..=last` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    /// Included.
    pub last: u32,
    pub total: u32,
}

impl ShardRange {
    /// Parses `FIRST..LAST/TOTAL` (also `FIRST..=LAST/TOTAL`); LAST is included.
    pub fn parse(value: &str) -> Result<ShardRange, ConfigError> {
        let bad = |reason| ConfigError::BadShards {
            value: shown(value),
            reason,
        };
        let (range, total) = value
            .trim()
            .split_once('/')
            .ok_or_else(|| bad("has no /TOTAL"))?;
        let (first, last) = range
            .split_once("..")
            .ok_or_else(|| bad("has no FIRST..LAST range"))?;
        let last = last.strip_prefix('=').unwrap_or(last);
        let number = |s: &str| {
            s.trim()
                .parse::<u32>()
                .map_err(|_| bad("is not made of whole numbers"))
        };
        let (first, last, total) = (number(first)?, number(last)?, number(total)?);
        if total == 0 {
            return Err(bad("has a TOTAL of 0"));
        }
        if first > last {
            return Err(bad("starts after it ends"));
        }
        if last >= total {
            return Err(bad(
                "goes past the last shard (shards are numbered from 0 to TOTAL-1)",
            ));
        }
        Ok(ShardRange { first, last, total })
    }
}

/// Which packs each guild may use; guilds not listed use every pack.
pub type GuildPacks = BTreeMap<u64, Vec<String>>;

/// Everything the bot and the console are configured with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// `None` when `DISCORD_TOKEN` is unset (fine for the console; `run` requires it).
    pub token: Option<Token>,
    pub prefix: String,
    pub mod_role_ids: Vec<u64>,
    pub knowledge_dir: PathBuf,
    /// Register application commands in this guild only (instant updates).
    pub guild_id: Option<u64>,
    /// Zero turns the cooldown off.
    pub cooldown: Duration,
    /// REST base URL override (`http://127.0.0.1:PORT`), without a trailing slash.
    pub api_base: Option<String>,
    /// `None`: autoshard (Discord recommends the count).
    pub shards: Option<ShardRange>,
    pub guild_packs: GuildPacks,
    /// Reload the knowledge when its files change.
    pub watch: bool,
    /// Ask for the privileged MESSAGE_CONTENT intent.
    pub message_content: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            token: None,
            prefix: DEFAULT_PREFIX.to_owned(),
            mod_role_ids: Vec::new(),
            knowledge_dir: PathBuf::from(DEFAULT_KNOWLEDGE_DIR),
            guild_id: None,
            cooldown: Duration::from_secs(DEFAULT_COOLDOWN_SECS),
            api_base: None,
            shards: None,
            guild_packs: GuildPacks::new(),
            watch: false,
            message_content: false,
        }
    }
}

impl Config {
    /// Reads the configuration from the environment, after loading `.env` from the current
    /// folder if there is one (variables already set win over `.env`).
    pub fn from_env() -> Result<Config, ConfigError> {
        load_dotenv()?;
        let mut values = HashMap::new();
        for &variable in VARIABLES {
            match std::env::var(variable) {
                Ok(value) => {
                    values.insert(variable.to_owned(), value);
                }
                Err(std::env::VarError::NotPresent) => {}
                Err(std::env::VarError::NotUnicode(_)) => {
                    return Err(ConfigError::NotUnicode { variable });
                }
            }
        }
        Config::from_map(&values)
    }

    /// Reads the configuration from `values` (variable name → value). Unset and empty values
    /// take their defaults.
    pub fn from_map(values: &HashMap<String, String>) -> Result<Config, ConfigError> {
        let get = |name: &str| values.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
        let defaults = Config::default();
        Ok(Config {
            token: get(TOKEN_VAR).map(Token::parse).transpose()?,
            prefix: get_raw(values, PREFIX_VAR)
                .map(parse_prefix)
                .transpose()?
                .unwrap_or(defaults.prefix),
            mod_role_ids: get(MOD_ROLES_VAR)
                .map(parse_role_ids)
                .transpose()?
                .unwrap_or_default(),
            knowledge_dir: get(KNOWLEDGE_DIR_VAR)
                .map(PathBuf::from)
                .unwrap_or(defaults.knowledge_dir),
            guild_id: get(GUILD_ID_VAR)
                .map(|v| parse_id(v).ok_or_else(|| ConfigError::BadGuildId { value: shown(v) }))
                .transpose()?,
            cooldown: get(COOLDOWN_VAR)
                .map(parse_cooldown)
                .transpose()?
                .unwrap_or(defaults.cooldown),
            api_base: get(API_BASE_VAR).map(parse_api_base).transpose()?,
            shards: get(SHARDS_VAR)
                .filter(|v| !v.eq_ignore_ascii_case("auto"))
                .map(ShardRange::parse)
                .transpose()?,
            guild_packs: get(GUILD_PACKS_VAR)
                .map(parse_guild_packs)
                .transpose()?
                .unwrap_or_default(),
            watch: get(WATCH_VAR)
                .map(|v| parse_flag(WATCH_VAR, v))
                .transpose()?
                .unwrap_or(false),
            message_content: get(MESSAGE_CONTENT_VAR)
                .map(|v| parse_flag(MESSAGE_CONTENT_VAR, v))
                .transpose()?
                .unwrap_or(false),
        })
    }

    /// The token, or the error that says how to get one.
    pub fn require_token(&self) -> Result<&Token, ConfigError> {
        self.token.as_ref().ok_or(ConfigError::MissingToken)
    }

    /// The pack ids a guild may use (`None`: every pack).
    pub fn packs_for_guild(&self, guild: Option<u64>) -> Option<&[String]> {
        guild
            .and_then(|g| self.guild_packs.get(&g))
            .map(Vec::as_slice)
    }

    /// Checks that every pack named in `FACTDESK_GUILD_PACKS` is one of `known` pack ids.
    pub fn check_guild_packs(&self, known: &[&str]) -> Result<(), ConfigError> {
        for (&guild, packs) in &self.guild_packs {
            if let Some(pack) = packs.iter().find(|p| !known.contains(&p.as_str())) {
                return Err(ConfigError::UnknownPack {
                    guild,
                    pack: pack.clone(),
                    known: known.join(", "),
                });
            }
        }
        Ok(())
    }
}

/// The prefix is the one value where surrounding spaces matter, so it is read untrimmed.
fn get_raw<'v>(values: &'v HashMap<String, String>, name: &str) -> Option<&'v str> {
    values
        .get(name)
        .map(String::as_str)
        .filter(|v| !v.is_empty())
}

/// Loads `.env` from the current folder if present, without overriding variables already set.
/// Its errors never quote the file (it may hold the token).
pub fn load_dotenv() -> Result<(), ConfigError> {
    match dotenvy::dotenv() {
        Ok(_) => Ok(()),
        Err(e) if e.not_found() => Ok(()),
        Err(dotenvy::Error::LineParse(line, _)) => Err(ConfigError::DotEnv {
            problem: format!("line {} cannot be read", dotenv_line_number(&line)),
        }),
        Err(dotenvy::Error::Io(e)) => Err(ConfigError::DotEnv {
            problem: format!("cannot read the file ({})", e.kind()),
        }),
        Err(_) => Err(ConfigError::DotEnv {
            problem: "a value is not valid text".to_owned(),
        }),
    }
}

/// The line number of a bad `.env` line, found without echoing its content.
fn dotenv_line_number(bad: &str) -> String {
    std::fs::read_to_string(".env")
        .ok()
        .and_then(|text| {
            text.lines()
                .position(|l| l.trim() == bad.trim())
                .map(|i| (i + 1).to_string())
        })
        .unwrap_or_else(|| "?".to_owned())
}

/// A value as shown in an error: quoted by the caller, cut to a readable length.
fn shown(value: &str) -> String {
    const MAX: usize = 80;
    match value.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_owned(),
    }
}

/// Parses the command prefix: 1 to 5 characters, no white space.
pub fn parse_prefix(value: &str) -> Result<String, ConfigError> {
    let bad = |reason| ConfigError::BadPrefix {
        value: shown(value),
        reason,
    };
    if value.trim().is_empty() {
        return Err(bad("is empty"));
    }
    if value.chars().any(char::is_whitespace) {
        return Err(bad("contains white space"));
    }
    if value.chars().any(char::is_control) {
        return Err(bad("contains control characters"));
    }
    if value.chars().count() > MAX_PREFIX_CHARS {
        return Err(bad("is too long"));
    }
    if value.starts_with('/') {
        return Err(bad(
            "starts with '/', which Discord keeps for slash commands",
        ));
    }
    Ok(value.to_owned())
}

/// A Discord id: a non-zero unsigned number.
fn parse_id(value: &str) -> Option<u64> {
    value.trim().parse::<u64>().ok().filter(|&id| id != 0)
}

fn parse_role_ids(value: &str) -> Result<Vec<u64>, ConfigError> {
    let mut ids = Vec::new();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let id = parse_id(part).ok_or_else(|| ConfigError::BadRoleId { value: shown(part) })?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

fn parse_cooldown(value: &str) -> Result<Duration, ConfigError> {
    value
        .parse::<u64>()
        .ok()
        .filter(|&secs| secs <= MAX_COOLDOWN_SECS)
        .map(Duration::from_secs)
        .ok_or_else(|| ConfigError::BadCooldown {
            value: shown(value),
        })
}

fn parse_api_base(value: &str) -> Result<String, ConfigError> {
    let bad = |reason| ConfigError::BadApiBase {
        value: shown(value),
        reason,
    };
    let base = value.trim_end_matches('/');
    let rest = base
        .strip_prefix("http://")
        .or_else(|| base.strip_prefix("https://"))
        .ok_or_else(|| bad("does not start with http:// or https://"))?;
    if rest.is_empty() {
        return Err(bad("has no host"));
    }
    if rest.contains(|c: char| c.is_whitespace() || c == '?' || c == '#') {
        return Err(bad("contains spaces or a query"));
    }
    Ok(base.to_owned())
}

fn parse_guild_packs(value: &str) -> Result<GuildPacks, ConfigError> {
    let mut map = GuildPacks::new();
    for entry in value.split(';').map(str::trim).filter(|e| !e.is_empty()) {
        let bad = |reason| ConfigError::BadGuildPacks {
            entry: shown(entry),
            reason,
        };
        let (guild, packs) = entry.split_once('=').ok_or_else(|| bad("has no '='"))?;
        let guild =
            parse_id(guild).ok_or_else(|| bad("does not start with a numeric server id"))?;
        let packs: Vec<String> = packs
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .collect();
        if packs.is_empty() {
            return Err(bad("lists no packs"));
        }
        if !packs.iter().all(|p| is_pack_id(p)) {
            return Err(bad(
                "has a pack id that is not a folder name (a-z, 0-9, '-', '_', '.')",
            ));
        }
        if map.insert(guild, packs).is_some() {
            return Err(bad("repeats a server listed before"));
        }
    }
    Ok(map)
}

fn is_pack_id(id: &str) -> bool {
    id.chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

fn parse_flag(variable: &'static str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::BadFlag {
            variable,
            value: shown(value),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhRtXy.abcdefghijklmnopqrstuvwxyz0123456789AB";

    fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_map(&map)
    }

    #[test]
    fn defaults_apply_when_unset_or_empty() {
        let c = config(&[(PREFIX_VAR, ""), (GUILD_ID_VAR, "")]).expect("valid");
        assert_eq!(c, Config::default());
        assert_eq!(c.prefix, "!");
        assert_eq!(c.cooldown, Duration::from_secs(5));
        assert_eq!(c.knowledge_dir, PathBuf::from("./knowledge"));
        assert!(c.token.is_none());
        assert_eq!(c.require_token(), Err(ConfigError::MissingToken));
    }

    #[test]
    fn reads_every_variable() {
        let c = config(&[
            (TOKEN_VAR, TOKEN),
            (PREFIX_VAR, "?!"),
            (MOD_ROLES_VAR, " 11, 22 ,,33"),
            (KNOWLEDGE_DIR_VAR, "/srv/packs"),
            (GUILD_ID_VAR, "44"),
            (COOLDOWN_VAR, "0"),
            (API_BASE_VAR, "http://127.0.0.1:9000/"),
            (SHARDS_VAR, "0..1/4"),
            (GUILD_PACKS_VAR, "123=sony-hack-2014,other;456=x"),
            (WATCH_VAR, "1"),
            (MESSAGE_CONTENT_VAR, "true"),
        ])
        .expect("valid");
        assert_eq!(c.require_token().map(Token::expose), Ok(TOKEN));
        assert_eq!(c.prefix, "?!");
        assert_eq!(c.mod_role_ids, vec![11, 22, 33]);
        assert_eq!(c.knowledge_dir, PathBuf::from("/srv/packs"));
        assert_eq!(c.guild_id, Some(44));
        assert_eq!(c.cooldown, Duration::ZERO);
        assert_eq!(c.api_base.as_deref(), Some("http://127.0.0.1:9000"));
        assert_eq!(
            c.shards,
            Some(ShardRange {
                first: 0,
                last: 1,
                total: 4
            })
        );
        assert_eq!(
            c.packs_for_guild(Some(123)),
            Some(&["sony-hack-2014".to_owned(), "other".to_owned()][..])
        );
        assert_eq!(c.packs_for_guild(Some(456)), Some(&["x".to_owned()][..]));
        assert_eq!(c.packs_for_guild(Some(789)), None);
        assert_eq!(c.packs_for_guild(None), None);
        assert!(c.watch && c.message_content);
    }

    #[test]
    fn token_is_redacted_and_never_in_errors() {
        let c = config(&[(TOKEN_VAR, TOKEN)]).expect("valid");
        let debug = format!("{c:?}");
        assert!(
            !debug.contains(TOKEN) && !debug.contains("GhRtXy"),
            "{debug}"
        );
        assert!(debug.contains("<redacted>"));
        for bad in [
            "abc",
            "a.b",
            "a..c",
            "a.b.c.d",
            "MTEw MDAw.GhRtXy.abcdef",
            "MTEw$.GhRtXy.abcdef",
        ] {
            let err = config(&[(TOKEN_VAR, bad)]).expect_err(bad);
            let text = err.to_string();
            assert!(text.starts_with("DISCORD_TOKEN is malformed"), "{text}");
            assert!(!text.contains(bad), "{text}");
        }
    }

    #[test]
    fn token_accepts_a_bot_prefix_and_spaces_around() {
        let c = config(&[(TOKEN_VAR, &format!("  Bot {TOKEN}\n"))]).expect("valid");
        assert_eq!(c.require_token().map(Token::expose), Ok(TOKEN));
    }

    #[test]
    fn bad_prefixes_are_rejected() {
        for bad in ["   ", "! ", "toolong", "a\tb", "/"] {
            let err = config(&[(PREFIX_VAR, bad)]).expect_err(bad);
            assert!(err.to_string().starts_with("FACTDESK_PREFIX="), "{err}");
        }
        assert_eq!(
            config(&[(PREFIX_VAR, "fd!")]).map(|c| c.prefix),
            Ok("fd!".into())
        );
    }

    #[test]
    fn bad_values_name_their_variable() {
        for (var, value) in [
            (MOD_ROLES_VAR, "12,moderators"),
            (MOD_ROLES_VAR, "-5"),
            (GUILD_ID_VAR, "my-server"),
            (GUILD_ID_VAR, "0"),
            (COOLDOWN_VAR, "five"),
            (COOLDOWN_VAR, "99999"),
            (API_BASE_VAR, "127.0.0.1:80"),
            (API_BASE_VAR, "http://"),
            (SHARDS_VAR, "0..1"),
            (SHARDS_VAR, "2..1/4"),
            (SHARDS_VAR, "0..4/4"),
            (SHARDS_VAR, "0..1/0"),
            (SHARDS_VAR, "a..b/c"),
            (GUILD_PACKS_VAR, "123"),
            (GUILD_PACKS_VAR, "abc=x"),
            (GUILD_PACKS_VAR, "123="),
            (GUILD_PACKS_VAR, "123=Bad Pack"),
            (GUILD_PACKS_VAR, "1=a;1=b"),
            (WATCH_VAR, "maybe"),
            (MESSAGE_CONTENT_VAR, "2"),
        ] {
            let err = config(&[(var, value)]).expect_err(value);
            assert!(err.to_string().contains(var), "{var}={value}: {err}");
        }
    }

    #[test]
    fn shard_ranges_include_their_last_shard() {
        assert_eq!(
            ShardRange::parse("2..=3/8"),
            Ok(ShardRange {
                first: 2,
                last: 3,
                total: 8
            })
        );
        assert_eq!(config(&[(SHARDS_VAR, "auto")]).map(|c| c.shards), Ok(None));
    }

    #[test]
    fn guild_packs_are_checked_against_loaded_packs() {
        let c = config(&[(GUILD_PACKS_VAR, "123=sony,other")]).expect("valid");
        assert!(c.check_guild_packs(&["sony", "other"]).is_ok());
        let err = c.check_guild_packs(&["sony"]).expect_err("unknown pack");
        assert!(err.to_string().contains("\"other\""), "{err}");
    }
}
