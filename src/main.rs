use factdesk::engine::Engine;
use std::path::PathBuf;
fn main() -> anyhow::Result<()> {
    let engine = Engine::load(&PathBuf::from("knowledge"))?;
    for q in std::env::args().skip(1) {
        println!("{q}\n{}", factdesk::answer::explain(&engine, &q));
    }
    Ok(())
}
