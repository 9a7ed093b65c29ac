//! Every command of the page runs on a worker thread, never on the main thread that paints
//! the window: a slow disk, a long import or another process holding the database must
//! never freeze it.
//!
//! The commands are plain `#[tauri::command]` functions, so `generate_handler!` still parses
//! each one's arguments and answers through its resolver. What this module adds is the
//! thread: it hands the whole call to Tauri's pool of blocking threads and returns at once.
//! One hop shared by every command, instead of `#[tauri::command]`'s future per
//! command, keeps a copy of the async runtime's task machinery for each of ~130 commands out
//! of the window app (about 2 MB of the release binary; issue 13 asks for 15 MB).

use std::sync::Arc;

use tauri::Runtime;
use tauri::ipc::Invoke;

/// Wraps the handler made by `generate_handler!` so that each call runs off the main thread.
///
/// Tauri wants to know at once whether the app answers a command; this says yes and lets the
/// worker answer "not found" itself when the handler does not know the name. (Tauri's
/// permissions have refused any name outside the IPC contract before this point, and the
/// handler registers exactly that contract: see `lib.rs`'s tests.)
pub fn off_the_main_thread<R: Runtime>(
    handler: impl Fn(Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    let handler = Arc::new(handler);
    move |invoke| {
        let handler = Arc::clone(&handler);
        let resolver = invoke.resolver.clone();
        let command = invoke.message.command().to_owned();
        tauri::async_runtime::spawn_blocking(move || {
            if !handler(invoke) {
                resolver.reject(format!("Command {command} not found"));
            }
        });
        true
    }
}
