//! Delegation Desk's store: one SQLite file, opened, migrated and queried here.
//!
//! This is the only crate that contains SQL. It takes validated inputs from `desk-domain`,
//! writes them in transactions, and hands back domain records. Errors are [`StoreError`],
//! which converts into the domain's `{ kind, message }` [`desk_domain::Error`].
//!
//! A [`Store`] owns one `rusqlite::Connection`. A connection is `Send` but not `Sync`, so the
//! shell keeps the store behind a mutex; one connection is plenty for one person's desktop.

mod agenda;
mod attachments;
mod audit;
mod children;
mod delegations;
mod entities;
mod error;
mod exchange;
mod hosting;
mod members;
mod migrate;
mod money;
mod people;
pub mod record;
mod reports;
mod search;
mod settings;
mod stats;
mod synthetic;
#[cfg(feature = "testing")]
pub mod testing;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use attachments::sha256_hex;
pub use children::{Base, ChildInput};
pub use desk_domain::{
    CheckReport, DelegationFilter, DelegationSort, DirectoryFilter, MemberDetail, MemberSaved,
    Page, PageRequest, ReportVersion, SearchGroup, SearchHit,
};
pub use error::StoreError;
pub use exchange::{DEMO, Export, ExportedAttachment, FORMAT, Imported};
pub use hosting::{HOSTING_CHECKLIST, KeyedSetting, default_checklist};
pub use migrate::{LATEST_VERSION, schema_version, schema_versions};
pub use money::EXAMPLE_RATES;
pub use synthetic::{Generated, SYNTHETIC_NOTE, Synthetic};

/// How long a write waits for another process's write to finish before it is refused.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// The open database.
pub struct Store {
    conn: Connection,
    /// Who the audit trail names for changes made through this store.
    actor: String,
}

/// Where the database lives when nobody says otherwise: the platform's app-data folder
/// (`~/.local/share/vn.gov.nlv.delegation-desk/desk.sqlite` on Linux). The desktop app and the
/// `desk` CLI share it.
pub fn default_database_path() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_FOLDER).join("desk.sqlite"))
}

/// The app-data folder name; it matches the Tauri bundle identifier.
pub const APP_FOLDER: &str = "vn.gov.nlv.delegation-desk";

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    ///
    /// A database written by a newer app is refused untouched. Before any migration runs on
    /// an existing database, a copy is written next to it and checked.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        Self::prepare(conn, Some(path))
    }

    /// A private database in memory, for tests and dry runs.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::prepare(Connection::open_in_memory()?, None)
    }

    fn prepare(mut conn: Connection, path: Option<&Path>) -> Result<Self, StoreError> {
        // Refuse a newer schema before touching anything, even the journal mode.
        migrate::refuse_newer(&conn)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // WAL lets the window read while a write commits; FULL makes every commit durable
        // (a laptop that loses power on a train keeps what was saved).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        // Another process (the CLI importing years of records, a second window) may hold the
        // write lock for a while: wait well past a large import rather than fail, since every
        // command runs off the window's main thread and the window shows that it is waiting.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        migrate::migrate(&mut conn, path)?;
        Ok(Self {
            conn,
            actor: default_actor(),
        })
    }

    /// Names whoever makes the following changes in the audit trail.
    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_owned();
    }

    pub(crate) fn writer(&mut self) -> Result<write::Writer<'_>, StoreError> {
        let tx = self.conn.transaction()?;
        Ok(write::Writer::new(tx, &self.actor))
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
