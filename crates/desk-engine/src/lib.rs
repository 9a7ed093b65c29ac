//! The engine of the window app: every command of the page, run in a process of its own.
//!
//! The window app (`src-tauri`) is a thin shell that paints the page and forwards each call
//! to this engine, which the `desk` binary runs as `desk engine` with the window's own
//! arguments. It holds the one store, keeps the files the person chose behind tokens,
//! watches long work, and asks the window for system dialogs; the messages are
//! [`desk_domain::engine`]'s, one JSON line each way. Because the engine is a process of its
//! own, a crafted spreadsheet, PDF or signing module that brought it down would fail the
//! call that read it, never close the window; and the window app carries none of the code
//! that reads files, draws papers or signs them (issue 13 asks for a window app of 15 MB).

mod chosen;
pub mod commands;
mod files;
mod serve;
mod state;
pub mod window;
mod work;

pub use serve::{serve, serve_on};
pub use state::{Desk, database_path, guarded, key_choice};
