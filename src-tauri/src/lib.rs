//! The Tauri shell of Delegation Desk: the only crate that knows Tauri.
//!
//! It only wires: it starts the engine (the `desk` binary beside it, which does every
//! command of the page; see `engine`), forwards the page's calls to it, opens the dialogs
//! it asks for, serves the report's fonts to the page, and refuses navigation away from
//! the app's own pages. No business rule, no database and no file format lives here.

mod dispatch;
mod engine;
mod fonts;
pub mod memory;
mod navigation;
#[cfg(target_os = "linux")]
mod webkit;

use std::process::ExitCode;
use std::time::Duration;

use desk_domain::engine::internal;
use engine::Engine;
use tauri::{Emitter, Manager};

/// The event that tells the window which files were dropped on it (as `ChosenFile`s).
const DROPPED: &str = "desk://files-dropped";

/// How long after the page has loaded the engine begins the check of a large file and the
/// day's backup. The page's load comes before its first screen is drawn (Today's lines are
/// asked for then, and laid out after): begun at once, the check took one of the two cores
/// through the first paint. The quick check of a twenty-year file takes 8-10 s and the full
/// one minutes, so two seconds more are nothing to what they guard.
const CHECK_AFTER_LOAD: Duration = Duration::from_secs(2);

/// Starts the app. The database is `--db FILE`, else `$DESK_DB`, else the app-data folder;
/// the engine reads these arguments as the window was given them.
pub fn run() -> ExitCode {
    let engine = Engine::start(std::env::args_os().collect());
    let on_load = std::sync::Arc::clone(&engine);
    let on_drop = std::sync::Arc::clone(&engine);
    let check_started = std::sync::Once::new();

    let result = tauri::Builder::default()
        .plugin(navigation::guard())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .setup({
            let engine = std::sync::Arc::clone(&engine);
            move |app| {
                #[cfg(target_os = "linux")]
                webkit::set_up(app);
                engine.serve_app(app.handle().clone());
                Ok(())
            }
        })
        // Answered off the main thread: the first request inflates the face (a few ms).
        .register_asynchronous_uri_scheme_protocol(fonts::SCHEME, |_ctx, request, responder| {
            let path = request.uri().path().to_owned();
            std::thread::spawn(move || responder.respond(fonts::respond(&path)));
        })
        // A large file is checked once the page has loaded and drawn its first screen, so
        // the check never delays the first paint; on damage the window is told and shows the
        // recovery screen.
        .on_page_load(move |webview, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                let handle = webview.app_handle().clone();
                let engine = std::sync::Arc::clone(&on_load);
                check_started.call_once(|| {
                    std::thread::spawn(move || {
                        std::thread::sleep(CHECK_AFTER_LOAD);
                        // The full check of a twenty-year file takes minutes.
                        let damaged =
                            engine.ask(internal::CHECK, serde_json::json!({}), Duration::MAX);
                        if damaged == Some(serde_json::Value::Bool(true)) {
                            let _ = handle.emit("database-status", ());
                        }
                    });
                });
            }
        })
        // A file dropped on the window goes to the engine; the window gets a token, not a path.
        .on_window_event(move |window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                let window = window.clone();
                let engine = std::sync::Arc::clone(&on_drop);
                let paths = paths.clone();
                std::thread::spawn(move || {
                    let args = serde_json::json!({ "paths": paths });
                    if let Some(files) =
                        engine.ask(internal::DROPPED, args, Duration::from_secs(30))
                    {
                        let _ = window.emit(DROPPED, files);
                    }
                });
            }
        })
        .invoke_handler(dispatch::off_the_main_thread(std::sync::Arc::clone(
            &engine,
        )))
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(move |_handle, event| {
                if let tauri::RunEvent::Exit = event {
                    // The automatic sync as the window closes (the window is already gone).
                    engine.ask(
                        internal::EXIT,
                        serde_json::json!({}),
                        Duration::from_secs(120),
                    );
                    engine.stop();
                }
            })
        });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("delegation-desk: {error}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    /// The window may call exactly the commands of the IPC contract: one permission each,
    /// nothing more.
    #[test]
    fn the_capability_grants_exactly_the_contract() {
        let text = include_str!("../capabilities/main.json");
        let mut granted: Vec<String> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("\"allow-"))
            .map(|l| l.trim_end_matches([',', '"']).replace('-', "_"))
            .collect();
        let mut contract: Vec<String> = desk_domain::ipc::command_names()
            .into_iter()
            .map(str::to_owned)
            .collect();
        granted.sort();
        contract.sort();
        assert_eq!(granted, contract);
        assert!(!text.contains("fs:"), "no file-system plugin");
        assert!(!text.contains("shell:"), "no shell plugin");
    }
}
