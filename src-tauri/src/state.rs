//! The app's state (the one store) and how a command uses it: off the main thread (every
//! command is `#[tauri::command(async)]`), with a panic turned into an error of kind
//! `internal` for that call only.

use std::ffi::OsString;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};

use desk_domain::{Error, ErrorKind};
use desk_store::Store;

use crate::chosen::Chosen;

/// The app's state: the one store. A rusqlite connection is `Send` but not `Sync`, hence the
/// mutex; commands hold it only for the length of one operation.
pub struct Desk {
    store: Mutex<Store>,
    path: PathBuf,
    /// The files the user chose, behind the tokens the window holds.
    pub chosen: Chosen,
}

impl Desk {
    pub fn open(path: PathBuf) -> Result<Self, Error> {
        Ok(Self {
            store: Mutex::new(Store::open(&path)?),
            path,
            chosen: Chosen::default(),
        })
    }

    pub fn info(&self) -> Result<desk_domain::AppInfo, Error> {
        Ok(desk_domain::AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database_path: self.path.display().to_string(),
            schema_version: self.store()?.check()?.schema_version,
        })
    }

    /// The store, for the length of one operation. A command that panicked while holding it
    /// left it usable: its transaction was rolled back when the panic unwound through it
    /// (rusqlite rolls back a transaction on drop), so the poison is cleared, not obeyed.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, Error> {
        Ok(self.store.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// Runs one command's work, turning a panic into an error of kind `internal` for this call;
/// the next call works as before (see [`Desk::store`]).
pub fn guarded<T>(op: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    catch_unwind(AssertUnwindSafe(op)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Error::new(
            ErrorKind::Internal,
            format!("the operation failed unexpectedly and nothing of it was kept: {what}"),
        ))
    })
}

/// `--db FILE` (or `--db=FILE`) on the command line, else `$DESK_DB`, else the app-data
/// folder shared with the `desk` CLI.
pub fn database_path(args: impl IntoIterator<Item = OsString>) -> Result<PathBuf, String> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            return args
                .next()
                .map(PathBuf::from)
                .ok_or_else(|| "--db needs a file path".to_owned());
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--db=")) {
            return Ok(PathBuf::from(value));
        }
    }
    std::env::var_os("DESK_DB")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(desk_store::default_database_path)
        .ok_or_else(|| "no app-data folder on this system: pass --db FILE or set DESK_DB".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_an_operation_is_an_internal_error_and_the_next_call_works() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let desk = Desk::open(dir.path().join("desk.sqlite")).unwrap_or_else(|e| panic!("{e}"));
        let failed: Result<(), Error> = guarded(|| {
            let _store = desk.store()?;
            panic!("a bug while the store is held");
        });
        let failed = failed
            .err()
            .unwrap_or_else(|| Error::new(ErrorKind::Io, ""));
        assert_eq!(failed.kind, ErrorKind::Internal);
        assert!(
            failed.message.contains("a bug while the store is held"),
            "{failed:?}"
        );
        let next = guarded(|| desk.info());
        assert!(
            next.is_ok(),
            "the store is usable after the panic: {next:?}"
        );
    }

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_db_flag_wins_in_both_spellings() {
        assert_eq!(
            database_path(args(&["app", "--db", "/tmp/a.sqlite"])),
            Ok(PathBuf::from("/tmp/a.sqlite"))
        );
        assert_eq!(
            database_path(args(&["app", "--db=/tmp/b.sqlite"])),
            Ok(PathBuf::from("/tmp/b.sqlite"))
        );
        assert!(
            database_path(args(&["app", "--db"])).is_err(),
            "a bare --db is a usage error"
        );
    }
}

#[cfg(test)]
mod capability_tests {
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
