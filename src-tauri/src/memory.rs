//! How the window app's heap gives memory back. glibc's malloc gives each thread that
//! allocates an arena of its own (up to eight per core) and keeps in it what that thread
//! freed; every command runs on one of Tauri's blocking threads, so the app ended up holding
//! a heap per thread, each as large as the largest reading it once did (a year's
//! statistics, a long list). On twenty synthetic years a one-minute walk through every
//! screen grew the app's own process from 105 to 409 MiB; with two arenas, to 251 MiB.
//!
//! Two are enough: commands take turns on the store (one connection behind a mutex).
//!
//! glibc also raises its thresholds as the app frees large blocks (a command's JSON answer,
//! a page of rows): after the first few, a freed megabyte stays in the heap and up to
//! 64 MiB of free heap top is kept. With the thresholds fixed (blocks of 256 KiB and more
//! taken from and given back to the system whole, the heap's top returned above 1 MiB),
//! the same walk ends at 212-236 MiB instead of 276-281 (4 Dec 2026, twenty years).
//!
//! glibc reads these variables once, when the process starts, and setting them from inside
//! would take `unsafe` (`mallopt`), which the workspace forbids; so the app starts itself
//! once more with them set, by `exec` (same process, same id, before any thread or window
//! exists). The engine it starts inherits them, but allocates with mimalloc, its C code
//! included (`crates/desk-cli/src/main.rs`), so glibc's variables no longer reach its heap.
//!
//! Since the commands run in the engine, the window's own heap holds only the answers it
//! hands on; but WebKit's web and network processes are the window's children and inherit
//! these variables as well, and the web process is what grows most in use. Tried on 4 Dec 2026 (twenty years, 180 s
//! walks): the variables given to the engine only, without this `exec`, ended the walks at
//! 704 and 680 MiB for the whole tree against 599 and 606 MiB with it, for a start 50-90 ms
//! sooner (the GTK and WebKit libraries are linked twice). Kept.
//!
//! The same `exec` sets what the page reads when it starts: its JavaScript engine
//! (JavaScriptCore, in WebKit's web process) collects its whole heap each time rather than
//! its young objects first. The young-first way leaves what a screen held (a year's figures,
//! a page of rows) in the old heap until a full collection, which came when that heap had
//! grown to 60-105 MiB; every collection full, the heap stayed near 26 MiB on the Statistics
//! of a busy year, and after a walk through every screen on twenty synthetic years the web
//! process held 175-182 MiB against 181-217 (4 Dec 2026). A collection of so small a heap
//! takes milliseconds, on JavaScriptCore's own threads. (The engine's allocator is set where
//! the engine is started: `engine.rs`.)
//!
//! It also keeps the page's JavaScript to JavaScriptCore's first two tiers (its interpreter
//! and its baseline compiler), without its optimising compilers (DFG, and FTL above it).
//! The page's work is drawing forms and lists, waiting on the engine: what is hot is WebKit's
//! own code, not the page's. The optimising tiers compile what has run often in threads of
//! their own and keep the code and what the compilation allocated; off, the web process
//! starts 4 MiB smaller and grows 8-10 MiB less over a walk through every screen (two 60 s
//! walks each on twenty synthetic years, 5 Dec 2026: 119.8 against 124 MiB at rest, +40.4
//! against +48-50 after), and the screens open as fast (Statistics, Delegations, Calendar,
//! Today, six visits each: within the same spread). Fewer tiers are also less of
//! JavaScriptCore for a hostile page to reach.

/// Replaces this process with itself under [`SETTINGS`], unless `MALLOC_ARENA_MAX` is set
/// already (by this or by the person running the app; a setting of theirs is kept). Returns
/// only if that cannot be done; the app then runs with glibc's and JavaScriptCore's defaults.
pub fn with_memory_settings() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os(SETTINGS[0].0).is_none()
        && let Ok(me) = std::env::current_exe()
    {
        use std::os::unix::process::CommandExt;
        let mut again = std::process::Command::new(me);
        again.args(std::env::args_os().skip(1));
        for (variable, value) in SETTINGS {
            if std::env::var_os(variable).is_none() {
                again.env(variable, value);
            }
        }
        let _not_replaced = again.exec();
    }
}

/// The variables, with the app's values: glibc's (mallopt(3)) for the window, then
/// JavaScriptCore's for the page. The first one says that the app has started itself already.
pub const SETTINGS: [(&str, &str); 5] = [
    ("MALLOC_ARENA_MAX", "2"),
    ("MALLOC_MMAP_THRESHOLD_", "262144"),
    ("MALLOC_TRIM_THRESHOLD_", "1048576"),
    ("JSC_useGenerationalGC", "0"),
    ("JSC_useDFGJIT", "0"),
];
