use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use desk_domain::{Error, ErrorKind};
use desk_store::Store;

/// The app's state: the one store. A rusqlite connection is `Send` but not `Sync`, hence the
/// mutex; commands hold it only for the length of one operation.
pub struct Desk {
    store: Mutex<Store>,
}

impl Desk {
    pub fn open(path: &Path) -> Result<Self, Error> {
        Ok(Self {
            store: Mutex::new(Store::open(path)?),
        })
    }

    pub fn store(&self) -> Result<MutexGuard<'_, Store>, Error> {
        self.store.lock().map_err(|_| {
            Error::new(
                ErrorKind::Storage,
                "an earlier operation failed while writing; restart the app",
            )
        })
    }
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
