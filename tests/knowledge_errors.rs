//! Broken knowledge packs, each in its own temporary folder: malformed TOML, unknown fields,
//! wrong types, a quote not in the article (or across two sentences), duplicate command names
//! (within a pack and across packs), duplicate pack ids, command names Discord would reject,
//! reserved command names, an empty or non-UTF-8 article, a pack folder without its article, a
//! missing, empty or wrongly chosen knowledge folder.
//!
//! Each must give a [`KnowledgeError`] whose message is one paragraph that names the file, the
//! line (where the problem is at one place in a file) and the fix. `factdesk kb validate DIR`
//! must print that message and exit with status 2, and exit 0 on the shipped `knowledge/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use factdesk::knowledge::{Knowledge, KnowledgeError, Pack};
use tempfile::TempDir;

/// A short article: headline, then paragraphs (sentence 1 of ¶2 is on line 3).
const ARTICLE: &str = "Sony hack blamed on North Korea\n\
\n\
The hacker group called the “Guardians of Peace” took responsibility for the hack. \
The FBI pointed to North Korea.\n\
\n\
North Korea’s foreign ministry denied any involvement.\n";

/// A valid facts file for [`ARTICLE`].
const FACTS: &str = r#"# Curated topics.
[[topic]]
command = "who-hacked"
summary = "The Guardians of Peace took responsibility."
questions = ["who hacked sony"]
quotes = ["The hacker group called the “Guardians of Peace” took responsibility for the hack."]
"#;

/// A temporary knowledge folder.
struct Folder {
    dir: TempDir,
}

impl Folder {
    fn new() -> Folder {
        Folder {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `files` (name, bytes) into the pack folder `pack`; returns the pack folder.
    fn pack(&self, pack: &str, files: &[(&str, &[u8])]) -> PathBuf {
        let dir = self.path().join(pack);
        std::fs::create_dir_all(&dir).expect("pack dir");
        for (name, bytes) in files {
            std::fs::write(dir.join(name), bytes).expect("write file");
        }
        dir
    }

    /// A pack with [`ARTICLE`] and the given facts file.
    fn facts(&self, pack: &str, facts: &str) -> PathBuf {
        self.pack(
            pack,
            &[
                ("article.txt", ARTICLE.as_bytes()),
                ("facts.toml", facts.as_bytes()),
            ],
        )
    }

    fn load(&self) -> Result<Knowledge, KnowledgeError> {
        Knowledge::load_dir(self.path())
    }

    fn error(&self) -> KnowledgeError {
        match self.load() {
            Ok(k) => panic!("expected an error, loaded {} pack(s)", k.packs.len()),
            Err(e) => e,
        }
    }
}

/// The error's message names `file` (and `file:line` when given), is one paragraph, and holds
/// each of `says` (the problem and the fix).
fn assert_message(err: &KnowledgeError, file: &Path, line: Option<usize>, says: &[&str]) {
    let message = err.to_string();
    let at = match line {
        Some(line) => format!("{}:{line}", file.display()),
        None => file.display().to_string(),
    };
    assert!(
        message.starts_with(&format!("{at}: ")) || message.contains(&format!("{at}: ")),
        "message does not name {at}: {message}"
    );
    if line.is_none() {
        assert!(
            !message.contains(&format!("{}:", file.display()))
                || message.contains(&format!("{}: ", file.display())),
            "unexpected line in: {message}"
        );
    }
    for words in says {
        assert!(
            message.contains(words),
            "message lacks {words:?}: {message}"
        );
    }
    assert!(!message.contains('\n'), "not one paragraph: {message}");
    assert!(message.ends_with('.'), "not a finished sentence: {message}");
}

#[test]
fn a_good_pack_loads() {
    let k = Folder::new();
    k.facts("good", FACTS);
    let knowledge = k.load().expect("valid pack loads");
    assert_eq!(knowledge.packs[0].topics[0].command, "who-hacked");
}

#[test]
fn malformed_toml_names_the_line() {
    let k = Folder::new();
    let pack = k.facts(
        "p",
        "[[topic]]\ncommand = \"who-hacked\nsummary = \"x\"\nquotes = []\n",
    );
    let err = k.error();
    assert!(matches!(err, KnowledgeError::Toml { .. }), "{err:?}");
    assert_message(
        &err,
        &pack.join("facts.toml"),
        Some(2),
        &["Fix the TOML syntax", "README.md"],
    );
}

#[test]
fn a_multi_line_parser_message_stays_one_paragraph() {
    let k = Folder::new();
    let pack = k.facts(
        "p",
        &FACTS.replace(
            "questions = [\"who hacked sony\"]",
            "questions = [\"who hacked sony\"",
        ),
    );
    assert_message(
        &k.error(),
        &pack.join("facts.toml"),
        Some(6),
        &["invalid array: expected `]`"],
    );
}

#[test]
fn a_malformed_pack_toml_names_the_line() {
    let k = Folder::new();
    let pack = k.pack(
        "p",
        &[
            ("article.txt", ARTICLE.as_bytes()),
            ("pack.toml", b"title = \"A\"\n\ndate = 2014-12-\n"),
        ],
    );
    assert_message(&k.error(), &pack.join("pack.toml"), Some(3), &["TOML"]);
}

#[test]
fn unknown_fields_are_named_with_their_line_and_the_fields_allowed() {
    let k = Folder::new();
    let facts = FACTS.replace("questions =", "\nquestion =");
    let pack = k.facts("p", &facts);
    assert_message(
        &k.error(),
        &pack.join("facts.toml"),
        Some(6),
        &["unknown field `question`", "`questions`"],
    );

    let k = Folder::new();
    let pack = k.pack(
        "p",
        &[
            ("article.txt", ARTICLE.as_bytes()),
            ("pack.toml", b"title = \"Sony\"\ntitel = \"typo\"\n"),
        ],
    );
    assert_message(
        &k.error(),
        &pack.join("pack.toml"),
        Some(2),
        &["unknown field `titel`", "`title`"],
    );
}

#[test]
fn a_wrong_type_or_missing_field_names_the_line() {
    let k = Folder::new();
    let facts = FACTS.replace(
        "quotes = [\"The hacker group called the “Guardians of Peace” took responsibility for the hack.\"]",
        "quotes = \"The FBI pointed to North Korea.\"",
    );
    let pack = k.facts("p", &facts);
    assert_message(
        &k.error(),
        &pack.join("facts.toml"),
        Some(6),
        &["expected a sequence"],
    );

    let k = Folder::new();
    let pack = k.facts(
        "p",
        "\n[[topic]]\ncommand = \"x\"\nquotes = [\"The FBI pointed to North Korea.\"]\n",
    );
    // The line of the topic that lacks it.
    assert_message(
        &k.error(),
        &pack.join("facts.toml"),
        Some(2),
        &["missing field `summary`"],
    );
}

#[test]
fn a_quote_not_in_the_article_names_its_line() {
    let k = Folder::new();
    let facts = FACTS.replace(
        "took responsibility for the hack.",
        "took credit for the hack.",
    );
    let pack = k.facts("p", &facts);
    let err = k.error();
    assert!(
        matches!(err, KnowledgeError::QuoteNotInArticle { .. }),
        "{err:?}"
    );
    assert_message(
        &err,
        &pack.join("facts.toml"),
        Some(6),
        &[
            "quote not found in the article",
            "took credit",
            "copy it again",
        ],
    );
}

#[test]
fn a_quote_with_straight_quotes_shows_the_article_s_own_text() {
    let k = Folder::new();
    let facts = FACTS.replace("“Guardians of Peace”", "\\\"Guardians of Peace\\\"");
    let pack = k.facts("p", &facts);
    let err = k.error();
    assert_message(
        &err,
        &pack.join("facts.toml"),
        Some(6),
        &[
            "quote not found in the article",
            "The article has it with other quotes, apostrophes, dashes or spaces",
            "“Guardians of Peace”",
        ],
    );
}

#[test]
fn a_quote_across_two_sentences_names_its_line() {
    let k = Folder::new();
    let facts = FACTS.replace("for the hack.\"]", "for the hack. The FBI pointed\"]");
    let pack = k.facts("p", &facts);
    assert_message(
        &k.error(),
        &pack.join("facts.toml"),
        Some(6),
        &["more than one sentence", "Split it"],
    );
}

#[test]
fn a_topic_without_quotes_or_summary_names_its_line() {
    let k = Folder::new();
    let pack = k.facts(
        "p",
        "[[topic]]\ncommand = \"who-hacked\"\nsummary = \"x\"\nquotes = []\n",
    );
    assert_message(
        &k.error(),
        &pack.join("facts.toml"),
        Some(1),
        &["has no quotes", "Add at least one quote"],
    );

    let k = Folder::new();
    let pack = k.facts(
        "p",
        &FACTS.replace("The Guardians of Peace took responsibility.", " "),
    );
    assert_message(
        &k.error(),
        &pack.join("facts.toml"),
        Some(4),
        &["summary is empty", "Write a value"],
    );

    let k = Folder::new();
    let pack = k.facts("p", &FACTS.replace("quotes = [", "quotes = [\"\", "));
    assert_message(
        &k.error(),
        &pack.join("facts.toml"),
        Some(6),
        &["quote is empty"],
    );
}

#[test]
fn duplicate_command_names_in_one_pack_name_both_places() {
    let k = Folder::new();
    let facts = format!("{FACTS}\n{}", FACTS.replace("# Curated topics.\n", ""));
    let pack = k.facts("p", &facts);
    let err = k.error();
    assert!(
        matches!(err, KnowledgeError::DuplicateCommand { .. }),
        "{err:?}"
    );
    let file = pack.join("facts.toml");
    assert_message(
        &err,
        &file,
        Some(9),
        &[
            "\"who-hacked\"",
            &format!("also defined at {}:3", file.display()),
            "rename one",
        ],
    );
}

#[test]
fn duplicate_command_names_across_packs_name_both_packs() {
    let k = Folder::new();
    let first = k.facts("a-first", FACTS);
    let second = k.facts("b-second", FACTS);
    let err = k.error();
    assert_message(
        &err,
        &second.join("facts.toml"),
        Some(3),
        &[
            &format!("also defined at {}:3", first.join("facts.toml").display()),
            "unique across all packs",
        ],
    );
}

#[test]
fn duplicate_pack_ids_are_refused() {
    let dir = Path::new("/tmp/elsewhere/sony");
    let pack = |d: &Path| {
        Pack::from_parts("sony".into(), d, ARTICLE.into(), None, None).expect("pack builds")
    };
    let err = Knowledge::from_packs(vec![pack(dir), pack(Path::new("/tmp/other/sony"))])
        .expect_err("two packs with one id");
    assert!(
        matches!(err, KnowledgeError::DuplicatePackId { .. }),
        "{err:?}"
    );
    assert_message(
        &err,
        Path::new("/tmp/other/sony"),
        None,
        &[
            "\"sony\"",
            "/tmp/elsewhere/sony",
            "Rename one of the folders",
        ],
    );
}

#[test]
fn command_names_discord_would_reject_are_refused() {
    for bad in [
        "Who-Hacked",
        "who hacked",
        "",
        "-who",
        "who!",
        "ünïcode",
        "a-command-name-that-is-far-too-long",
    ] {
        let k = Folder::new();
        let pack = k.facts(
            "p",
            &FACTS.replace("command = \"who-hacked\"", &format!("command = \"{bad}\"")),
        );
        let err = k.error();
        assert!(
            matches!(err, KnowledgeError::BadCommandName { .. }),
            "{bad:?}: {err:?}"
        );
        assert_message(
            &err,
            &pack.join("facts.toml"),
            Some(3),
            &["is not a valid command name", "1 to 32 characters"],
        );
    }
}

#[test]
fn reserved_command_names_are_refused() {
    for reserved in [
        "help",
        "ask",
        "factcheck",
        "reload",
        "facts",
        "source",
        "topics",
    ] {
        let k = Folder::new();
        let pack = k.facts(
            "p",
            &FACTS.replace(
                "command = \"who-hacked\"",
                &format!("command = \"{reserved}\""),
            ),
        );
        let err = k.error();
        assert!(
            matches!(err, KnowledgeError::ReservedCommandName { .. }),
            "{reserved}: {err:?}"
        );
        assert_message(
            &err,
            &pack.join("facts.toml"),
            Some(3),
            &["reserved for a built-in command", "Choose another name"],
        );
    }
}

#[test]
fn an_empty_article_is_refused() {
    for empty in ["", " \n\r\n\t\n"] {
        let k = Folder::new();
        let pack = k.pack("p", &[("article.txt", empty.as_bytes())]);
        let err = k.error();
        assert!(
            matches!(err, KnowledgeError::EmptyArticle { .. }),
            "{err:?}"
        );
        assert_message(
            &err,
            &pack.join("article.txt"),
            None,
            &["the article is empty", "headline on the first line"],
        );
    }
}

#[test]
fn a_non_utf8_file_names_the_line_of_the_first_bad_byte() {
    let k = Folder::new();
    let mut bytes = ARTICLE.as_bytes().to_vec();
    // Latin-1 "é" on line 3.
    let at = ARTICLE.find("hacker").expect("word");
    bytes.insert(at, 0xE9);
    let pack = k.pack("p", &[("article.txt", &bytes)]);
    let err = k.error();
    assert!(matches!(err, KnowledgeError::NotUtf8 { .. }), "{err:?}");
    assert_message(
        &err,
        &pack.join("article.txt"),
        Some(3),
        &["not valid UTF-8", "Save it as UTF-8"],
    );

    let k = Folder::new();
    let mut facts = FACTS.as_bytes().to_vec();
    facts.extend_from_slice(b"# caf\xE9\n");
    let pack = k.pack(
        "p",
        &[("article.txt", ARTICLE.as_bytes()), ("facts.toml", &facts)],
    );
    assert_message(
        &k.error(),
        &pack.join("facts.toml"),
        Some(7),
        &["not valid UTF-8"],
    );
}

#[test]
fn a_byte_order_mark_is_not_an_error() {
    let k = Folder::new();
    let article = format!("\u{FEFF}{ARTICLE}");
    let facts = format!("\u{FEFF}{FACTS}");
    k.pack(
        "p",
        &[
            ("article.txt", article.as_bytes()),
            ("facts.toml", facts.as_bytes()),
        ],
    );
    let knowledge = k.load().expect("a BOM is not an error");
    assert_eq!(
        knowledge.packs[0].headline,
        "Sony hack blamed on North Korea"
    );
    assert!(!knowledge.packs[0].article.starts_with('\u{FEFF}'));
}

#[test]
fn crlf_files_keep_their_line_numbers() {
    let k = Folder::new();
    let facts = FACTS
        .replace("took responsibility for the hack.\"", "took credit.\"")
        .replace('\n', "\r\n");
    let pack = k.facts("p", &facts);
    assert_message(
        &k.error(),
        &pack.join("facts.toml"),
        Some(6),
        &["quote not found"],
    );
}

#[test]
fn a_missing_knowledge_folder_is_named() {
    let k = Folder::new();
    let missing = k.path().join("no-such-folder");
    let err = Knowledge::load_dir(&missing).expect_err("missing folder");
    assert!(matches!(err, KnowledgeError::MissingDir(_)), "{err:?}");
    assert_message(
        &err,
        &missing,
        None,
        &["knowledge folder not found", "FACTDESK_KNOWLEDGE_DIR"],
    );
}

#[test]
fn a_file_given_as_the_knowledge_folder_is_named() {
    let k = Folder::new();
    let file = k.path().join("article.txt");
    std::fs::write(&file, ARTICLE).expect("write");
    let err = Knowledge::load_dir(&file).expect_err("a file is no folder");
    assert_message(&err, &file, None, &["is a file, not a folder"]);
}

#[test]
fn an_empty_knowledge_folder_is_named() {
    let k = Folder::new();
    let err = k.error();
    assert!(matches!(err, KnowledgeError::NoPacks(_)), "{err:?}");
    assert_message(
        &err,
        k.path(),
        None,
        &["no knowledge packs found", "article.txt"],
    );

    // Folders without an article and without pack files are not packs either.
    std::fs::create_dir(k.path().join("notes")).expect("dir");
    std::fs::write(k.path().join("README.md"), "notes").expect("write");
    assert!(matches!(k.error(), KnowledgeError::NoPacks(_)));
}

#[test]
fn a_pack_folder_given_as_the_knowledge_folder_points_at_its_parent() {
    let k = Folder::new();
    let pack = k.facts("sony", FACTS);
    let err = Knowledge::load_dir(&pack).expect_err("a pack is not a knowledge folder");
    assert_message(
        &err,
        &pack,
        None,
        &["is a single pack", &k.path().display().to_string()],
    );
}

#[test]
fn a_pack_folder_without_its_article_is_named() {
    let k = Folder::new();
    k.facts("good", FACTS);
    let pack = k.pack(
        "broken",
        &[
            ("facts.toml", FACTS.as_bytes()),
            ("Article.TXT", ARTICLE.as_bytes()),
        ],
    );
    let err = k.error();
    assert!(
        matches!(err, KnowledgeError::MissingArticle { .. }),
        "{err:?}"
    );
    assert_message(
        &err,
        &pack.join("article.txt"),
        None,
        &["missing", "article.txt"],
    );
}

#[test]
fn a_pack_folder_name_that_cannot_be_an_id_is_refused() {
    let k = Folder::new();
    let pack = k.facts("Sony Hack", FACTS);
    let err = k.error();
    assert!(matches!(err, KnowledgeError::BadPackId { .. }), "{err:?}");
    assert_message(&err, &pack, None, &["\"Sony Hack\"", "Rename the folder"]);
}

// ----- the CLI: `factdesk kb validate DIR` --------------------------------------------------------

/// Runs `factdesk kb validate DIR` with a clean environment; returns (status, stdout, stderr).
fn validate(dir: &Path) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_factdesk"))
        .args(["kb", "validate"])
        .arg(dir)
        .env_remove("DISCORD_TOKEN")
        .env_remove("FACTDESK_KNOWLEDGE_DIR")
        .env("RUST_LOG", "off")
        .current_dir(std::env::temp_dir())
        .output()
        .expect("factdesk runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn kb_validate_accepts_the_shipped_knowledge() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    let (status, stdout, stderr) = validate(&dir);
    assert_eq!(status, Some(0), "stdout: {stdout}\nstderr: {stderr}");
    assert!(stdout.contains("sony-hack-2014"), "{stdout}");
}

#[test]
fn kb_validate_prints_each_error_and_exits_with_status_2() {
    type Setup = fn(&Folder) -> (PathBuf, Option<usize>);
    let cases: &[(&str, Setup)] = &[
        ("malformed TOML", |k| {
            let p = k.facts("p", "[[topic]\n");
            (p.join("facts.toml"), Some(1))
        }),
        ("unknown field", |k| {
            let p = k.facts("p", &FACTS.replace("questions =", "question ="));
            (p.join("facts.toml"), Some(5))
        }),
        ("quote not in the article", |k| {
            let p = k.facts("p", &FACTS.replace("for the hack.\"", "for it.\""));
            (p.join("facts.toml"), Some(6))
        }),
        ("duplicate command across packs", |k| {
            k.facts("a", FACTS);
            let p = k.facts("b", FACTS);
            (p.join("facts.toml"), Some(3))
        }),
        ("bad command name", |k| {
            let p = k.facts("p", &FACTS.replace("who-hacked", "Who Hacked"));
            (p.join("facts.toml"), Some(3))
        }),
        ("reserved command name", |k| {
            let p = k.facts("p", &FACTS.replace("who-hacked", "help"));
            (p.join("facts.toml"), Some(3))
        }),
        ("empty article", |k| {
            let p = k.pack("p", &[("article.txt", b"")]);
            (p.join("article.txt"), None)
        }),
        ("non-UTF-8 article", |k| {
            let p = k.pack("p", &[("article.txt", b"Headline\n\nBad \xFF byte.\n")]);
            (p.join("article.txt"), Some(3))
        }),
        ("empty knowledge folder", |k| (k.path().to_owned(), None)),
    ];
    for (name, setup) in cases {
        let k = Folder::new();
        let (file, line) = setup(&k);
        let (status, stdout, stderr) = validate(k.path());
        assert_eq!(
            status,
            Some(2),
            "{name}: stdout: {stdout}\nstderr: {stderr}"
        );
        let at = match line {
            Some(line) => format!("{}:{line}: ", file.display()),
            None => format!("{}: ", file.display()),
        };
        assert!(
            stderr.contains(&at),
            "{name}: stderr does not name {at}: {stderr}"
        );
    }
    let missing = std::env::temp_dir().join("factdesk-no-such-knowledge-folder");
    let (status, _, stderr) = validate(&missing);
    assert_eq!(status, Some(2), "missing folder: {stderr}");
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
}
