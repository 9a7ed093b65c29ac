//! How many heaps the window app keeps. glibc's malloc gives each thread that allocates an
//! arena of its own (up to eight per core) and keeps in it what that thread freed; every
//! command runs on one of Tauri's blocking threads, so the app ended up holding a heap per
//! thread, each as large as the largest reading it once did (a year's statistics, a long
//! list). On twenty synthetic years a one-minute walk through every screen grew the app's
//! own process from 105 to 409 MiB; with two arenas, to 251 MiB.
//!
//! Two are enough: commands take turns on the store (one connection behind a mutex).
//! glibc reads `MALLOC_ARENA_MAX` once, when the process starts, and setting it from
//! inside would take `unsafe` (`mallopt`), which the workspace forbids; so the app starts
//! itself once more with the variable set, by `exec` (same process, same id, before any
//! thread or window exists).

/// Replaces this process with itself under `MALLOC_ARENA_MAX=2`, unless it is set already
/// (by this or by the person running the app). Returns only if that cannot be done; the
/// app then runs with glibc's default, as before.
pub fn with_two_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os(VARIABLE).is_none()
        && let Ok(me) = std::env::current_exe()
    {
        use std::os::unix::process::CommandExt;
        let _not_replaced = std::process::Command::new(me)
            .args(std::env::args_os().skip(1))
            .env(VARIABLE, "2")
            .exec();
    }
}

/// The variable glibc reads (mallopt(3)).
pub const VARIABLE: &str = "MALLOC_ARENA_MAX";
