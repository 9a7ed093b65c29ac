//! The `delegation-desk` binary: starts the window.

// Without this a console window opens beside the app on Windows.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    desk_desktop::memory::with_memory_settings();
    desk_desktop::run()
}
