//! Live reload on file changes (`FACTDESK_WATCH=1`): watches the knowledge folder, waits for
//! the writes to settle, then reloads. A failed reload is logged and the old knowledge keeps
//! serving; a reload that changes the topics re-registers the application commands.

use std::sync::Arc;
use std::time::Duration;

use notify::{EventKind, RecursiveMode, Watcher};
use serenity::all::{GuildId, Http};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::commands::{all_commands, register_commands};
use super::{BotError, LiveEngine};

/// Quiet time after the last change before reloading (editors write in several steps).
const SETTLE: Duration = Duration::from_millis(500);

/// Starts watching; the task ends when aborted.
pub(crate) fn spawn(
    live: Arc<LiveEngine>,
    http: Arc<Http>,
    home: Option<GuildId>,
) -> Result<JoinHandle<()>, BotError> {
    let (changed, mut changes) = mpsc::unbounded_channel::<()>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            ) {
                let _ = changed.send(());
            }
        }
    })?;
    watcher.watch(live.dir(), RecursiveMode::Recursive)?;
    tracing::info!("watching {} for changes", live.dir().display());
    Ok(tokio::spawn(async move {
        let _keep_watching = watcher;
        while changes.recv().await.is_some() {
            if !settle(&mut changes).await {
                return;
            }
            reload(&live, &http, home).await;
        }
    }))
}

/// Waits until no change arrives for [`SETTLE`]; `false` when the watcher is gone.
async fn settle(changes: &mut mpsc::UnboundedReceiver<()>) -> bool {
    loop {
        match tokio::time::timeout(SETTLE, changes.recv()).await {
            Ok(Some(())) => continue,
            Ok(None) => return false,
            Err(_) => return true,
        }
    }
}

async fn reload(live: &LiveEngine, http: &Http, home: Option<GuildId>) {
    match live.reload().await {
        Ok(report) => {
            tracing::info!("knowledge changed on disk, reloaded: {}", report.describe());
            if report.topics_changed() {
                let commands = all_commands(&live.current());
                if let Err(err) = register_commands(http, home, &commands).await {
                    tracing::warn!("registering the new topic commands failed: {err}");
                }
            }
        }
        Err(err) => {
            tracing::warn!("knowledge changed on disk but does not load; still serving the previous knowledge: {err}");
        }
    }
}
