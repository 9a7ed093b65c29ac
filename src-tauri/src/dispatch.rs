//! Every call of the page is forwarded from a worker thread, never from the main thread
//! that paints the window: a slow pipe or a busy engine must never freeze it.
//!
//! The window has no command of its own: one handler forwards every call to the engine
//! (`engine.rs`), which answers through the call's resolver. Tauri wants to know at once
//! whether the app answers a command; this says yes, and the engine answers "not found"
//! itself for a name it does not know. (Tauri's permissions have refused any name outside
//! the IPC contract before this point; the engine's tests check it knows exactly that
//! contract.)

use std::sync::Arc;

use tauri::Wry;
use tauri::ipc::Invoke;

use crate::engine::Engine;

/// The one handler: each call is handed to Tauri's pool of blocking threads, which
/// forwards it to the engine, and the handler returns at once.
pub fn off_the_main_thread(
    engine: Arc<Engine>,
) -> impl Fn(Invoke<Wry>) -> bool + Send + Sync + 'static {
    move |invoke| {
        let engine = Arc::clone(&engine);
        tauri::async_runtime::spawn_blocking(move || engine.forward(invoke));
        true
    }
}
