//! Delegation Desk's store: one SQLite file, opened, migrated and queried here.
//!
//! This is the only crate that contains SQL. It takes validated inputs from `desk-domain`,
//! writes them in transactions, and hands back domain records. Errors are [`StoreError`],
//! which converts into the domain's `{ kind, message }` [`desk_domain::Error`].
//!
//! A [`Store`] owns one `rusqlite::Connection`. A connection is `Send` but not `Sync`, so the
//! shell keeps the store behind a mutex; one connection is plenty for one person's desktop.

mod access;
mod agenda;
mod attachments;
mod audit;
pub mod backups;
mod children;
pub mod cipher;
mod delegations;
mod entities;
mod error;
mod exchange;
mod history;
mod hosting;
pub mod keys;
mod members;
mod migrate;
mod money;
mod people;
mod private;
pub mod record;
mod reports;
mod search;
mod settings;
mod signing;
mod stats;
mod sync;
mod synthetic;
#[cfg(feature = "testing")]
pub mod testing;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use access::{Opening, open_database, open_database_only};
pub use attachments::sha256_hex;
pub use backups::Reason as BackupReason;
pub use children::{Base, ChildInput};
pub use desk_domain::{
    CheckReport, DelegationFilter, DelegationSort, DirectoryFilter, MemberDetail, MemberSaved,
    Page, PageRequest, ReportVersion, SearchGroup, SearchHit,
};
pub use desk_domain::{Keep, SyncConflict, SyncReport, SyncStatus};
pub use error::StoreError;
pub use exchange::{
    Export, ExportedAttachment, FORMAT, Imported, SettingsMode, SettingsOutcome, demo_json,
};
pub use hosting::{HOSTING_CHECKLIST, KeyedSetting, default_checklist};
pub use keys::{Key, KeyChoice, KeyPlace};
pub use migrate::{LATEST_VERSION, schema_version, schema_versions};
pub use signing::{DEFAULT_SEAL_MM, SigningAssets, StoredRoot};
pub use synthetic::{Generated, SYNTHETIC_NOTE, Synthetic};

/// How long a write waits for another process's write to finish before it is refused.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// The open database.
pub struct Store {
    conn: Connection,
    /// Who the audit trail names for changes made through this store.
    actor: String,
    /// The file and its key (none for a database in memory): backups are made with them.
    file: Option<(PathBuf, Key)>,
    /// The last history preview, for the import that usually follows it.
    kept_history: std::cell::RefCell<Option<history::KeptHistory>>,
}

/// Where the database lives when nobody says otherwise: the platform's app-data folder
/// (`~/.local/share/vn.gov.nlv.delegation-desk/desk.sqlite` on Linux). The desktop app and the
/// `desk` CLI share it.
pub fn default_database_path() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_FOLDER).join("desk.sqlite"))
}

/// The database the app or the CLI opens: the `--db` flag's file, else `$DESK_DB`, else
/// [`default_database_path`]. The flag is true for the app-data folder: only there may a
/// first start create a database (a mistyped `--db` never makes an empty one).
pub fn database_path(flag: Option<PathBuf>) -> Result<(PathBuf, bool), desk_domain::Error> {
    if let Some(path) = flag {
        return Ok((path, false));
    }
    if let Some(path) = std::env::var_os("DESK_DB").filter(|v| !v.is_empty()) {
        return Ok((PathBuf::from(path), false));
    }
    default_database_path().map(|p| (p, true)).ok_or_else(|| {
        desk_domain::Error::new(
            desk_domain::ErrorKind::Io,
            "no app-data folder on this system: pass --db FILE or set DESK_DB",
        )
    })
}

/// See [`Store::change_mark`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeMark {
    /// SQLite's `data_version`: changes when another connection commits.
    others: i64,
    /// Rows this connection has changed since it opened.
    own: u64,
}

/// The app-data folder name; it matches the Tauri bundle identifier.
pub const APP_FOLDER: &str = "vn.gov.nlv.delegation-desk";

impl Store {
    /// Opens the encrypted database at `path` with `key` and brings its schema up to date.
    ///
    /// There must be a database there: a missing path or a zero-byte file is refused (no
    /// database is ever created by a slip). A plaintext database of an earlier app is
    /// encrypted first (see [`cipher::encrypt_in_place`]). A wrong key, or a database written
    /// by a newer app, is refused with the file unchanged. Before any migration runs, a
    /// verified backup is made.
    pub fn open(path: &Path, key: &Key) -> Result<Self, StoreError> {
        match cipher::file_state(path)? {
            cipher::FileState::Missing => return Err(StoreError::NoDatabase(path.to_path_buf())),
            cipher::FileState::Plain => cipher::encrypt_in_place(path, key)?,
            cipher::FileState::Encrypted => {}
        }
        let conn = cipher::open_keyed(path, key, false)?;
        let store = Self::prepare(conn, Some((path.to_path_buf(), key.clone())))?;
        private::restrict_database(path);
        Ok(store)
    }

    /// Creates a new encrypted database at `path` (0600, in a folder made 0700 if this
    /// creates it). A path that already holds a database is refused.
    pub fn create(path: &Path, key: &Key) -> Result<Self, StoreError> {
        if cipher::file_state(path)? != cipher::FileState::Missing {
            return Err(StoreError::AlreadyThere(path.to_path_buf()));
        }
        if let Some(parent) = path.parent() {
            private::create_folder(parent)?;
        }
        // The file exists (empty, 0600) before SQLite opens it, so that SQLite gives its WAL
        // the same mode.
        drop(private::create_file(path)?);
        let conn = cipher::open_keyed(path, key, false)?;
        let store = Self::prepare(conn, Some((path.to_path_buf(), key.clone())))?;
        private::restrict_database(path);
        Ok(store)
    }

    /// A private database in memory, for tests and dry runs.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, file: Option<(PathBuf, Key)>) -> Result<Self, StoreError> {
        // Refuse a newer schema before touching anything, even the journal mode.
        migrate::refuse_newer(&conn)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // WAL lets the window read while a write commits; FULL makes every commit durable
        // (a laptop that loses power on a train keeps what was saved).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // What is deleted is overwritten, not left in free pages (a purged passport stays
        // purged even for someone holding the key).
        conn.pragma_update(None, "secure_delete", "ON")?;
        // Every page read from the file is decrypted and its HMAC checked; pages kept in
        // SQLite's own cache are not. 64 MB (the default is 2 MB) holds a year's statistics
        // of a twenty-year office, so a second look costs no decryption (benches/README.md).
        conn.pragma_update(None, "cache_size", -65_536)?;
        // Another process (the CLI importing years of records, a second window) may hold the
        // write lock for a while: wait well past a large import rather than fail, since every
        // command runs off the window's main thread and the window shows that it is waiting.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // One record written touches a dozen statements (the row, its audit, its search
        // entry, its organisation's name); rusqlite keeps 16, so an import writing three
        // kinds of record would prepare them again and again.
        conn.set_prepared_statement_cache_capacity(64);
        migrate::migrate(&mut conn, file.as_ref())?;
        Ok(Self {
            conn,
            actor: default_actor(),
            file,
            kept_history: std::cell::RefCell::new(None),
        })
    }

    /// How much of the database SQLite keeps decrypted in memory for this connection, in
    /// MiB (64 when opened).
    pub fn set_page_cache_mib(&self, mib: u32) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "cache_size", -1024 * i64::from(mib))?;
        Ok(())
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(migrate::schema_version(&self.conn)?)
    }

    /// Gives back the memory of SQLite's page cache (the decrypted pages kept since they
    /// were read) and of the statements not in use. The next reading decrypts its pages
    /// again; nothing else changes.
    pub fn release_memory(&self) -> Result<(), StoreError> {
        self.conn.release_memory()?;
        Ok(())
    }

    /// Where the database stands: what this connection has written and what any other has
    /// committed. Two equal marks mean nothing was written in between, so what was read at
    /// the first still holds at the second.
    pub fn change_mark(&self) -> Result<ChangeMark, StoreError> {
        Ok(ChangeMark {
            others: self
                .conn
                .pragma_query_value(None, "data_version", |row| row.get(0))?,
            own: self.conn.total_changes(),
        })
    }

    /// The database file, if the store has one.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(|(path, _)| path.as_path())
    }

    /// The database's key, if it is a file (for the recovery sheet).
    pub fn key(&self) -> Option<&Key> {
        self.file.as_ref().map(|(_, key)| key)
    }

    /// Names whoever makes the following changes in the audit trail.
    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_owned();
    }

    pub(crate) fn writer(&mut self) -> Result<write::Writer<'_>, StoreError> {
        // Both borrow the connection shared: the session must watch the transaction's
        // changes, so neither can hold it exclusively.
        let conn = &self.conn;
        let capture = sync::Capture::start(conn)?;
        let tx =
            rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Deferred)?;
        Ok(write::Writer::new(tx, capture, &self.actor))
    }

    /// A read transaction for a call that reads many times, so that its reads share one
    /// snapshot and one set of file locks; none when a transaction is already open. It
    /// ends (rolled back: it wrote nothing) when dropped.
    pub(crate) fn reading(&self) -> Result<Option<rusqlite::Transaction<'_>>, StoreError> {
        if !self.conn.is_autocommit() {
            return Ok(None);
        }
        Ok(Some(self.conn.unchecked_transaction()?))
    }

    /// Search people, organisations, delegations, programme items and reports as typed,
    /// without diacritics; up to `limit` hits per kind.
    pub fn search(&self, typed: &str, limit: usize) -> Result<Vec<SearchGroup>, StoreError> {
        search::query(&self.conn, typed, limit)
    }
}

/// The operating-system user, for the audit trail.
fn default_actor() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "unknown".to_owned())
}

pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub(crate) fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
