//! A small in-memory pack for unit tests of the layers above the engine (console, replies): a
//! made-up article about the Sony hack with one curated topic.

use std::path::Path;

use crate::engine::Engine;
use crate::knowledge::{Knowledge, Pack};

/// The test article: a headline, two paragraphs.
pub const ARTICLE: &str = "Sony hack blamed on hackers\n\n\
    The hacker group called the Guardians of Peace took responsibility for the hack. \
    The FBI pointed to North Korea.\n\n\
    North Korea denied any involvement.\n";

/// One curated topic quoting the article.
pub const FACTS: &str = r#"
[[topic]]
command = "who-hacked"
title = "Who hacked Sony"
summary = "The Guardians of Peace took responsibility."
questions = ["who hacked sony"]
quotes = ["The hacker group called the Guardians of Peace took responsibility for the hack."]
"#;

/// An engine over the test pack.
pub fn engine() -> Engine {
    let pack = Pack::from_parts(
        "sony".into(),
        Path::new("mem/sony"),
        ARTICLE.into(),
        None,
        Some(FACTS.into()),
    )
    .expect("test pack loads");
    Engine::new(Knowledge::from_packs(vec![pack]).expect("knowledge"))
}
