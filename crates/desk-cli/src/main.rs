//! The `desk` binary; everything it does is in the `desk_cli` library so that the
//! integration tests can run it in-process.

use std::process::ExitCode;

/// mimalloc, not glibc's malloc. The engine reads a year's statistics (tens of thousands of
/// records, each in small allocations) and keeps only the figures: glibc reuses the holes that
/// leaves but does not give them back, so the engine stayed at its largest reading (23 MiB
/// at rest, 61-63 after a walk through every screen on twenty synthetic years). mimalloc
/// returns freed pages to the system, at once under the window's settings
/// (`MIMALLOC_PURGE_DELAY=0`, set by the window: `src-tauri/src/engine.rs`): 47 MiB after the same walk,
/// and a year's statistics in the window as fast (640-680 ms with the answer's way to the
/// page, against 610-760; 4 Dec 2026). The CLI runs on it too.
///
/// Built with mimalloc's `override`, it is also the `malloc` of the C code linked in
/// (SQLite, SQLCipher's crypto), so the page cache the engine gives back at rest
/// (`desk_engine::serve`) goes back to the system: 22 MiB after a walk through the
/// Statistics on twenty synthetic years, against 38 with SQLite on glibc (4 Dec 2026).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // `desk engine ARGS`: the window app's engine, serving the window that started it on
    // standard input and output (see `desk_engine`). Not a command for people: it is in
    // no help text, and it speaks JSON lines.
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "engine") {
        args.remove(1);
        return desk_engine::serve(args);
    }
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = desk_cli::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    ExitCode::from(code)
}
