//! The Tauri shell of Delegation Desk: the only crate that knows Tauri.
//!
//! It only wires: it opens the store, registers the commands (each one parses its input,
//! calls one store operation and returns `{ kind, message }` on failure), and refuses
//! navigation away from the app's own pages. No business rule lives here.

mod commands;
mod navigation;
mod state;

use std::process::ExitCode;

use state::Desk;

/// Starts the app. The database is `--db FILE`, else `$DESK_DB`, else the app-data folder.
pub fn run() -> ExitCode {
    let path = match state::database_path(std::env::args_os()) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("delegation-desk: {message}");
            return ExitCode::from(2);
        }
    };
    let desk = match Desk::open(&path) {
        Ok(desk) => desk,
        Err(error) => {
            eprintln!("delegation-desk: cannot open {}: {error}", path.display());
            return ExitCode::from(1);
        }
    };

    let result = tauri::Builder::default()
        .plugin(navigation::guard())
        .manage(desk)
        .invoke_handler(tauri::generate_handler![
            commands::list_delegations,
            commands::create_delegation,
        ])
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("delegation-desk: {error}");
            ExitCode::from(1)
        }
    }
}
