//! Property tests over the engine's public entry points: `text::normalize`, `text::analyze`,
//! `Engine::ask` and `Engine::check`, fed arbitrary Unicode up to 100 KB.
//!
//! The generated text mixes plain `any::<String>()` with the things people actually paste into a
//! public Discord server: long repeats, zalgo (stacked combining marks), right-to-left overrides,
//! zero-width characters, emoji floods, user/role/channel mentions, `@everyone`, markdown and
//! words from the article itself (so that some inputs are answered and the citation properties
//! are exercised, not just the decline path).
//!
//! Properties (see `docs/robustness.md`):
//! - nothing panics;
//! - `normalize` is idempotent-safe: its output has no control characters but white space, no
//!   bidi overrides or zero-width characters, and normalising it again changes nothing;
//! - every token `analyze` returns has a span on character boundaries of its input;
//! - an answer is well formed: answered ⇒ at least one citation; not answered ⇒ none; every
//!   citation quote is byte-exact article text at the (paragraph, sentence) it names; confidence
//!   is finite and in [0, 1]; suggestions name real topics;
//! - a fact check is well formed in the same way, for the whole result and every part;
//! - inputs over `MAX_INPUT_CHARS` characters set `truncated`, shorter ones do not.
//!
//! The default case count keeps the file well under a minute in a debug build on two cores;
//! set `PROPTEST_CASES` for a longer run (`docs/robustness.md` records one).

use std::path::Path;
use std::sync::OnceLock;

mod common;

use factdesk::answer::{cut_input, Answer, Citation, MAX_INPUT_CHARS};
use factdesk::console::{Console, Response};
use factdesk::engine::Engine;
use factdesk::factcheck::{CheckResult, Verdict};
use factdesk::knowledge::{Knowledge, Pack};
use factdesk::reply::{self, DiscordLayout, Reply, ELLIPSIS};
use factdesk::text;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

/// Cases per property when `PROPTEST_CASES` is not set.
const DEFAULT_CASES: u32 = 128;
/// Largest generated input, in bytes (roughly: repeats stop once they pass it).
const MAX_BYTES: usize = 100_000;

/// The Sony pack plus the unseen BBC articles (no curated facts), so that routing between packs
/// is exercised too. Built once for the whole file.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let mut packs = Knowledge::load_dir(Path::new("knowledge"))
            .expect("the shipped knowledge folder loads")
            .packs;
        let bbc = Path::new("tests/data/bbc");
        let mut files: Vec<_> = std::fs::read_dir(bbc)
            .expect("tests/data/bbc is readable")
            .map(|e| e.expect("directory entry").path())
            .collect();
        files.sort();
        for file in files {
            let id = file
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("file name")
                .to_owned();
            let article = std::fs::read_to_string(&file).expect("article is UTF-8");
            packs.push(
                Pack::from_parts(id.clone(), &bbc.join(&id), article, None, None)
                    .expect("BBC article is a valid pack"),
            );
        }
        Engine::new(Knowledge::from_packs(packs).expect("packs combine"))
    })
}

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    Config {
        cases,
        // Shrinking a 100 KB string is slow and the failing seed is saved anyway.
        max_shrink_iters: 256,
        // Integration tests have no lib.rs beside them for proptest's default location.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/properties.proptest-regressions",
        ))),
        ..Config::default()
    }
}

/// Pieces people paste: hostile, invisible, decorative and ordinary.
const FRAGMENTS: &[&str] = &[
    // Article words and questions, so that some inputs are answered.
    "who hacked sony",
    "Who hacked Sony? ",
    "North Korea",
    "Guardians of Peace",
    "The Interview",
    "Seth Rogen and James Franco",
    "FBI",
    "joint investigation",
    "when did it happen",
    "how many",
    "did North Korea deny it",
    "Sony cancelled the release of The Interview.",
    "North Korea admitted the hack.",
    "Lufthansa profit",
    "hunting ban",
    "BALCO trial date",
    "iTunes hacker",
    "laptop battery life",
    "Vera Drake film award",
    "China bank missing millions",
    // Discord mentions and pings.
    "@everyone",
    "@here",
    "<@123456789012345678>",
    "<@!123456789012345678>",
    "<@&987654321098765432>",
    "<#112233445566778899>",
    "<:sony:123456789012345678>",
    "<a:party:123456789012345678>",
    "<t:1418342400:R>",
    // Markdown that tries to break out.
    "```",
    "```rust\n",
    "`",
    "> ",
    ">>> ",
    "||spoiler||",
    "**bold**",
    "__under__",
    "~~strike~~",
    "# heading\n",
    "-# subtext\n",
    "[click](https://evil.example/x)",
    "<https://example.com>",
    "https://discord.gg/abcdef",
    "discord.com/invite/xyz",
    "\\",
    // Injection-looking text.
    "'; DROP TABLE facts; --",
    "\" OR 1=1 --",
    "$(rm -rf /)",
    "`cat /etc/passwd`",
    "&& shutdown -h now",
    "{{7*7}}",
    "${jndi:ldap://x}",
    "%s%s%s%n",
    // Invisible and direction-changing characters.
    "\u{202E}",
    "\u{202D}",
    "\u{2066}",
    "\u{2069}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{00AD}",
    // Combining marks (zalgo).
    "\u{0300}\u{0301}\u{0302}\u{0303}\u{0304}",
    "\u{0336}\u{0489}\u{20DD}",
    "Z\u{0351}\u{036b}\u{0343}\u{036a}\u{0302}\u{036b}\u{033d}\u{034f}\u{0334}\u{0319}",
    // Emoji, including ZWJ sequences, flags and skin tones.
    "😀",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🇰🇵",
    "👍🏽",
    "🔥🔥🔥",
    // Control characters and odd white space.
    "\0",
    "\u{7}",
    "\u{1b}[31m",
    "\r\n",
    "\t",
    "\u{85}",
    "\u{2028}",
    "\u{3000}",
    // Other scripts and width forms.
    "ＦＢＩ",
    "מה קרה",
    "ما الذي حدث",
    "索尼被黑客攻击",
    "ﬁnancial",
    "Ⅻ",
    "𝓢𝓸𝓷𝔂",
    // Punctuation runs that stress sentence splitting.
    "...",
    "?!?!",
    "U.S.",
    "Mr. ",
    "didn't",
    "o'",
    "-",
    "1,000",
    " ",
    "\n\n",
];

/// Text made of random fragments and random strings.
fn mixed() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => any::<String>(),
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// One short piece repeated until the text is long (up to about 100 KB).
fn long_repeat() -> impl Strategy<Value = String> {
    (mixed(), 1usize..=MAX_BYTES).prop_map(|(piece, target)| {
        if piece.is_empty() {
            return String::new();
        }
        let times = (target / piece.len()).max(1);
        piece.repeat(times)
    })
}

/// Many fragments with no separator, then cut to about 100 KB on a character boundary.
fn flood() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(proptest::sample::select(FRAGMENTS), 1..8),
        1000usize..=MAX_BYTES,
    )
        .prop_map(|(pieces, target)| {
            let mut out = String::new();
            let mut i = 0;
            while out.len() < target {
                out.push_str(pieces[i % pieces.len()]);
                i += 1;
            }
            out
        })
}

/// The evaluation questions and claims (`tests/data/*.toml`): text the engine answers or
/// settles, so that decorated copies of it exercise the citation properties.
fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut out = Vec::new();
        for (file, table) in [
            ("tests/data/questions.toml", "question"),
            ("tests/data/bbc_questions.toml", "question"),
            ("tests/data/claims.toml", "claim"),
        ] {
            let source = std::fs::read_to_string(file).expect("evaluation set is readable");
            let value: toml::Table = toml::from_str(&source).expect("evaluation set parses");
            let rows = value
                .get(table)
                .and_then(|v| v.as_array())
                .expect("evaluation set has rows");
            out.extend(
                rows.iter()
                    .filter_map(|r| r.get("text").and_then(|t| t.as_str()))
                    .map(str::to_owned),
            );
        }
        out
    })
}

/// Characters slipped into a question without changing what it says to a reader.
const INVISIBLES: &[&str] = &[
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{0301}", "\u{0336}",
    "\u{202E}", "\u{202C}", " ", "  ", "\t",
];
/// What people wrap a question in.
const WRAPPERS: &[(&str, &str)] = &[
    ("", ""),
    ("", "?"),
    ("**", "**"),
    ("||", "||"),
    ("> ", ""),
    ("```\n", "\n```"),
    ("`", "`"),
    ("@everyone ", ""),
    ("\u{202E}", "\u{202C}"),
    ("", " 😀😀😀"),
    ("", " lol"),
    ("hey bot, ", " thanks!"),
];

/// A known question or claim, wrapped in markdown or pings, with invisible characters slipped in
/// and its case possibly changed.
fn decorated() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(seeds()),
        proptest::sample::select(WRAPPERS),
        proptest::collection::vec((any::<usize>(), proptest::sample::select(INVISIBLES)), 0..4),
        0..3u8,
    )
        .prop_map(|(seed, (before, after), inserts, case)| {
            let mut chars: Vec<String> = seed.chars().map(String::from).collect();
            for (at, s) in inserts {
                let at = at % (chars.len() + 1);
                chars.insert(at, s.to_owned());
            }
            let body = chars.concat();
            let body = match case {
                1 => body.to_uppercase(),
                2 => body.to_lowercase(),
                _ => body,
            };
            format!("{before}{body}{after}")
        })
}

/// Every input shape the properties are checked on.
fn input() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => mixed(),
        3 => decorated(),
        2 => any::<String>(),
        1 => long_repeat(),
        1 => flood(),
    ]
}

/// The citation is byte-exact text of its pack's article, inside the sentence it names.
fn check_citation(engine: &Engine, c: &Citation) -> Result<(), TestCaseError> {
    let pack = engine.packs().iter().find(|p| p.id == c.source);
    prop_assert!(
        pack.is_some(),
        "citation names an unknown pack {:?}",
        c.source
    );
    let pack = pack.expect("checked above");
    let sentence = pack
        .sentences
        .iter()
        .find(|s| s.paragraph == c.paragraph && s.index == c.sentence);
    prop_assert!(
        sentence.is_some(),
        "no sentence at paragraph {}, sentence {} of {}",
        c.paragraph,
        c.sentence,
        c.source
    );
    let span = sentence.expect("checked above").span.clone();
    let text = &pack.article[span];
    prop_assert!(!c.quote.is_empty(), "empty quote");
    prop_assert!(
        text.contains(c.quote.as_str()),
        "quote is not byte-exact article text at p{}s{}: {:?}",
        c.paragraph,
        c.sentence,
        c.quote
    );
    Ok(())
}

fn check_answer(engine: &Engine, input: &str, a: &Answer) -> Result<(), TestCaseError> {
    prop_assert_eq!(&a.question, input);
    prop_assert!(!a.answer.trim().is_empty(), "empty answer text");
    if a.answered {
        prop_assert!(!a.citations.is_empty(), "answered without a citation");
    } else {
        prop_assert!(a.citations.is_empty(), "declined but cited");
    }
    prop_assert!(a.citations.len() <= factdesk::answer::MAX_CITATIONS);
    for c in &a.citations {
        check_citation(engine, c)?;
    }
    prop_assert!(
        a.confidence.is_finite() && (0.0..=1.0).contains(&a.confidence),
        "confidence {}",
        a.confidence
    );
    for s in &a.suggestions {
        prop_assert!(engine.topic(s).is_some(), "suggestion {s:?} is not a topic");
    }
    prop_assert_eq!(a.truncated, input.chars().count() > MAX_INPUT_CHARS);
    Ok(())
}

fn check_verdict_shape(
    engine: &Engine,
    verdict: Verdict,
    evidence: &[Citation],
    explanation: &str,
    confidence: f32,
) -> Result<(), TestCaseError> {
    if verdict != Verdict::NotEnoughInfo {
        prop_assert!(!evidence.is_empty(), "{verdict:?} without evidence");
    }
    prop_assert!(evidence.len() <= factdesk::factcheck::MAX_EVIDENCE);
    for c in evidence {
        check_citation(engine, c)?;
    }
    prop_assert!(!explanation.trim().is_empty(), "empty explanation");
    prop_assert!(
        confidence.is_finite() && (0.0..=1.0).contains(&confidence),
        "confidence {confidence}"
    );
    Ok(())
}

fn check_result(engine: &Engine, input: &str, r: &CheckResult) -> Result<(), TestCaseError> {
    prop_assert_eq!(&r.claim, input);
    check_verdict_shape(engine, r.verdict, &r.evidence, &r.explanation, r.confidence)?;
    for part in &r.parts {
        check_verdict_shape(
            engine,
            part.verdict,
            &part.evidence,
            &part.explanation,
            part.confidence,
        )?;
    }
    if !r.parts.is_empty() {
        let any = |v| r.parts.iter().any(|p| p.verdict == v);
        let all = |v| r.parts.iter().all(|p| p.verdict == v);
        let expected = if any(Verdict::Refuted) {
            Verdict::Refuted
        } else if all(Verdict::Supported) {
            Verdict::Supported
        } else {
            Verdict::NotEnoughInfo
        };
        prop_assert_eq!(r.verdict, expected, "parts do not combine to the verdict");
    }
    prop_assert_eq!(r.truncated, input.chars().count() > MAX_INPUT_CHARS);
    Ok(())
}

/// Text that would ping, link or invite if Discord rendered it, found in `text`.
fn live_markup(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    for bad in [
        "@everyone",
        "@here",
        "://",
        "discord.gg/",
        "discord.com/invite",
        "discordapp.com/invite",
    ] {
        if lower.contains(bad) {
            return Some(bad.to_owned());
        }
    }
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(3) {
        let mention = w[0] == '<'
            && ((w[1] == '@' && (w[2].is_ascii_digit() || w[2] == '!' || w[2] == '&'))
                || (w[1] == '#' && w[2].is_ascii_digit()));
        if mention {
            return Some(w.iter().collect());
        }
    }
    None
}

/// Markdown text without its escapes: backslashes before a character, and the zero-width spaces
/// that defuse mentions and links.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            '\u{200B}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A Discord layout is inside every limit, counted here independently of `reply`'s own check,
/// and nothing in it can ping.
fn check_layout(reply: &Reply) -> Result<DiscordLayout, TestCaseError> {
    let layout = reply.to_discord();
    let len = |s: &str| s.encode_utf16().count();
    prop_assert!(layout.within_limits(), "layout outside the limits");
    prop_assert!(
        layout.content.is_some() || layout.embed.is_some(),
        "a reply with nothing in it"
    );
    if let Some(content) = &layout.content {
        prop_assert!(len(content) <= 2000, "content of {} units", len(content));
        prop_assert!(!content.trim().is_empty(), "empty content");
        prop_assert!(
            live_markup(content).is_none(),
            "live markup in content: {:?}",
            live_markup(content)
        );
    }
    if let Some(embed) = &layout.embed {
        let title = embed.title.as_deref().unwrap_or("");
        let footer = embed.footer.as_deref().unwrap_or("");
        prop_assert!(len(title) <= 256, "title of {} units", len(title));
        prop_assert!(
            len(&embed.description) <= 4096,
            "description of {} units",
            len(&embed.description)
        );
        prop_assert!(len(footer) <= 2048, "footer of {} units", len(footer));
        prop_assert!(embed.fields.len() <= 25);
        let mut total = len(title) + len(&embed.description) + len(footer);
        for (name, value, _) in &embed.fields {
            prop_assert!(len(name) <= 256 && len(value) <= 1024);
            total += len(name) + len(value);
        }
        prop_assert!(total <= 6000, "embed of {total} units");
        prop_assert!(
            live_markup(&embed.description).is_none(),
            "live markup in the description: {:?}",
            live_markup(&embed.description)
        );
    }
    Ok(layout)
}

/// What the Discord layout shows as quotes ("> " lines) is article text: each line, unescaped
/// and without a cut mark, is part of one of the citations, byte for byte.
fn check_quotes_shown(layout: &DiscordLayout, citations: &[Citation]) -> Result<(), TestCaseError> {
    let Some(embed) = &layout.embed else {
        return Ok(());
    };
    for line in embed.description.lines() {
        let Some(quoted) = line.strip_prefix("> ") else {
            continue;
        };
        let shown = unescape(quoted);
        let shown = shown.strip_suffix(ELLIPSIS).unwrap_or(&shown).trim_end();
        if shown.is_empty() {
            continue;
        }
        prop_assert!(
            citations.iter().any(|c| c.quote.contains(shown)),
            "quote line shown in Discord is not article text: {:?}",
            shown
        );
    }
    Ok(())
}

/// The answer rendered for Discord and for the console.
fn check_answer_reply(engine: &Engine, a: &Answer) -> Result<(), TestCaseError> {
    let reply = reply::answer_reply(engine, a, "!");
    prop_assert_eq!(
        reply.notice.is_some(),
        a.truncated,
        "cut notice does not match `truncated`"
    );
    prop_assert_eq!(reply.quotes.len(), a.citations.len());
    for (block, c) in reply.quotes.iter().zip(&a.citations) {
        prop_assert_eq!(
            &block.text,
            &c.quote,
            "quote block differs from its citation"
        );
    }
    let plain = reply.to_plain_text();
    for c in &a.citations {
        for line in c.quote.lines() {
            prop_assert!(
                plain.contains(line),
                "plain text lacks quote line {:?}",
                line
            );
        }
    }
    let layout = check_layout(&reply)?;
    check_quotes_shown(&layout, &a.citations)
}

/// The fact check rendered for Discord: inside the limits, the echoed claim escaped.
fn check_check_reply(engine: &Engine, r: &CheckResult) -> Result<(), TestCaseError> {
    let reply = reply::check_reply(engine, r);
    prop_assert_eq!(
        reply.notice.is_some(),
        r.truncated,
        "cut notice does not match `truncated`"
    );
    let layout = check_layout(&reply)?;
    check_quotes_shown(&layout, &r.evidence)?;
    let embed = layout.embed.as_ref().expect("fact checks are embeds");
    // The claim is echoed on its own line after "**Claim:** ", escaped as user text.
    let echoed = embed
        .description
        .lines()
        .find_map(|l| l.strip_prefix("**Claim:** "));
    prop_assert!(echoed.is_some(), "claim line missing");
    let echoed = echoed.expect("checked above");
    prop_assert!(
        common::unescaped_markdown(echoed).is_none(),
        "unescaped markdown {:?} in the echoed claim {:?}",
        common::unescaped_markdown(echoed),
        echoed
    );
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn normalize_never_panics_and_folds_invisibles(s in input()) {
        let n = text::normalize(&s);
        prop_assert!(
            !n.chars().any(|c| matches!(c,
                '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')),
            "invisible or bidi control left in {:?}", n
        );
        prop_assert!(!n.chars().any(|c| c.is_control() && c != ' '), "control char left");
        prop_assert!(
            !n.chars().any(unicode_normalization::char::is_combining_mark),
            "combining mark left"
        );
        prop_assert_eq!(text::normalize(&n), n.clone(), "normalize is not idempotent");
    }

    #[test]
    fn analyze_spans_point_into_the_input(s in input()) {
        // The whole text without fuzzy phrases (as articles are analysed, at any length), and
        // the cut text with them (as questions are).
        for (text, fuzzy) in [(s.as_str(), false), (cut_input(&s).0, true)] {
            for t in text::analyze(text, fuzzy) {
                prop_assert!(text.get(t.span.clone()).is_some(), "span {:?} not on a char boundary", t.span);
                prop_assert!(!t.term.is_empty(), "empty term for span {:?}", t.span);
            }
        }
    }

    #[test]
    fn blank_markup_keeps_every_offset(s in input()) {
        let blanked = text::blank_markup(&s);
        prop_assert_eq!(blanked.len(), s.len());
        for (i, c) in blanked.char_indices() {
            if c != ' ' {
                prop_assert_eq!(s.get(i..i + c.len_utf8()), Some(&blanked[i..i + c.len_utf8()]));
            }
        }
    }

    #[test]
    fn ask_and_its_reply_are_well_formed(s in input()) {
        let engine = engine();
        let answer = engine.ask(&s);
        check_answer(engine, &s, &answer)?;
        check_answer_reply(engine, &answer)?;
        if answer.truncated {
            // Nothing past the limit is read: the cut question gets the same answer.
            let again = engine.ask(cut_input(&s).0);
            prop_assert_eq!(again.answered, answer.answered);
            prop_assert_eq!(&again.citations, &answer.citations);
        }
    }

    #[test]
    fn check_and_its_reply_are_well_formed(s in input()) {
        let engine = engine();
        let result = engine.check(&s);
        check_result(engine, &s, &result)?;
        check_check_reply(engine, &result)?;
        if result.truncated {
            let again = engine.check(cut_input(&s).0);
            prop_assert_eq!(again.verdict, result.verdict);
            prop_assert_eq!(&again.evidence, &result.evidence);
        }
    }

    #[test]
    fn escaped_user_text_cannot_ping_link_or_format(s in input()) {
        let escaped = reply::escape_user_text(&s);
        prop_assert!(live_markup(&escaped).is_none(), "live markup {:?}", live_markup(&escaped));
        prop_assert!(common::unescaped_markdown(&escaped).is_none(), "unescaped {:?}", common::unescaped_markdown(&escaped));
        let article = reply::escape_article_text(&s);
        prop_assert!(live_markup(&article).is_none(), "live markup {:?}", live_markup(&article));
    }

    #[test]
    fn console_and_did_you_mean_replies_fit(s in input(), prefix in prop_oneof![
        Just(""), Just("!"), Just("/"), Just("!factcheck "), Just("!ask "), Just("!who-hacke"),
    ]) {
        let engine = engine();
        let line = format!("{prefix}{s}");
        if let Response::Reply(reply) = Console::new(engine).respond(&line) {
            check_layout(&reply)?;
        }
        let suggestions = engine.similar_topics(&s, 3);
        prop_assert!(suggestions.len() <= 3);
        for t in &suggestions {
            prop_assert!(engine.topic(t).is_some(), "suggested {t:?} is not a topic");
        }
        check_layout(&reply::did_you_mean_reply(&s, &suggestions, "!"))?;
        check_layout(&reply::topic_unavailable_reply(&s, "!"))?;
    }

    #[test]
    fn cut_input_keeps_a_prefix_of_at_most_the_limit(s in input()) {
        let (cut, truncated) = cut_input(&s);
        prop_assert!(s.starts_with(cut));
        prop_assert!(cut.chars().count() <= MAX_INPUT_CHARS);
        prop_assert_eq!(truncated, cut.len() < s.len());
        if truncated {
            // Never half a word at the end, unless the whole cut is one word.
            let last = cut.chars().next_back();
            let next = s[cut.len()..].chars().next();
            let inside_word = last.is_some_and(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric);
            prop_assert!(
                !inside_word || cut.chars().all(char::is_alphanumeric),
                "cut inside a word: ...{:?} | {:?}...",
                cut.chars().rev().take(10).collect::<String>(),
                next
            );
            // And not much is given up for it: at most one word.
            let word_after = s[cut.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .count();
            prop_assert!(cut.chars().count() + word_after >= MAX_INPUT_CHARS);
        }
    }
}

/// How the generated inputs fare (not a check): `cargo test --test properties input_mix --
/// --ignored --nocapture`. `docs/robustness.md` quotes its figures.
#[test]
#[ignore]
fn input_mix() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut answered, mut supported, mut refuted, mut truncated) = (0, 0, 0, 0);
    let n = 1000;
    for _ in 0..n {
        let s = input().new_tree(&mut runner).expect("a value").current();
        let a = engine().ask(&s);
        let c = engine().check(&s);
        answered += usize::from(a.answered);
        supported += usize::from(c.verdict == Verdict::Supported);
        refuted += usize::from(c.verdict == Verdict::Refuted);
        truncated += usize::from(a.truncated);
    }
    println!(
        "{n} inputs: {answered} answered, {supported} supported, {refuted} refuted, {truncated} over the limit"
    );
}

/// The checks above are not vacuous: raw markup fails them, escaped markup passes.
#[test]
fn the_markup_checks_catch_raw_markup() {
    for raw in [
        "@everyone",
        "hi <@123>",
        "<#456>",
        "see https://x.y",
        "discord.gg/abc",
    ] {
        assert!(live_markup(raw).is_some(), "{raw}");
        assert!(
            live_markup(&reply::escape_user_text(raw)).is_none(),
            "{raw}"
        );
    }
    for raw in [
        "**bold**",
        "||spoiler||",
        "> quote",
        "# head",
        "[a](b)",
        "`code`",
    ] {
        assert!(common::unescaped_markdown(raw).is_some(), "{raw}");
        assert!(
            common::unescaped_markdown(&reply::escape_user_text(raw)).is_none(),
            "{raw}"
        );
    }
    assert_eq!(unescape("\\*a\\*"), "*a*");
    assert_eq!(unescape("@\u{200B}everyone"), "@everyone");
}
