//! Small in-memory packs for unit tests: a made-up article about the Sony hack with one curated
//! topic (console, replies), or any article a test makes up (fact check).

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
    engine_over(ARTICLE, Some(FACTS))
}

/// An engine over one in-memory pack of `article` (and curated `facts`, if any).
pub fn engine_over(article: &str, facts: Option<&str>) -> Engine {
    engine_over_packs(&[("sony", article, facts)])
}

/// An engine over several in-memory packs, each `(id, article, facts)`.
pub fn engine_over_packs(packs: &[(&str, &str, Option<&str>)]) -> Engine {
    let packs = packs
        .iter()
        .map(|(id, article, facts)| {
            Pack::from_parts(
                (*id).into(),
                &Path::new("mem").join(id),
                (*article).into(),
                None,
                facts.map(str::to_owned),
            )
            .expect("test pack loads")
        })
        .collect();
    Engine::new(Knowledge::from_packs(packs).expect("knowledge"))
}
