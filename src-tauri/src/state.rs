use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use desk_domain::{Error, ErrorKind};
use desk_store::Store;

/// The app's state: the one store. A rusqlite connection is `Send` but not `Sync`, hence the
/// mutex; commands hold it only for the length of one operation.
pub struct Desk {
    store: Mutex<Store>,
    path: PathBuf,
}

impl Desk {
    pub fn open(path: PathBuf) -> Result<Self, Error> {
        Ok(Self {
            store: Mutex::new(Store::open(&path)?),
            path,
        })
    }

    pub fn info(&self) -> Result<desk_domain::AppInfo, Error> {
        Ok(desk_domain::AppInfo {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            database_path: self.path.display().to_string(),
            schema_version: self.store()?.check()?.schema_version,
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
