use std::path::PathBuf;

use desk_domain::{Error, ErrorKind};

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Domain(#[from] Error),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "this database has schema version {found}, written by a newer Delegation Desk; this \
         version understands up to {supported}. It was left unchanged: update the app to open it"
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("the safety copy taken before upgrading the database failed its check: {0}")]
    BackupFailed(String),
    #[error("{what} {id} was not found")]
    NotFound { what: &'static str, id: String },
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("no database at {} (create one with desk init)", .0.display())]
    NoDatabase(PathBuf),
    #[error("there is already a database at {}; it was left as it is", .0.display())]
    AlreadyThere(PathBuf),
    /// The key does not open the database; the text says where the key came from.
    #[error("this database is encrypted and {0} does not open it; the file was left unchanged")]
    WrongKey(String),
    #[error(
        "the database {} is encrypted and no key for it was found (not in the system keyring, \
         no key file beside it): pass --key-file FILE or set DESK_KEY_FILE, or type the key of \
         its recovery sheet with desk key restore",
        .0.display()
    )]
    NoKey(PathBuf),
    #[error("{0}")]
    Key(String),
    #[error("the database is damaged ({0})")]
    Damaged(String),
    /// A file of the sync folder that is not what this office's passphrase sealed (changed,
    /// cut short, or sealed with another passphrase): nothing from it was applied.
    #[error("{0}")]
    SyncRefused(String),
    /// The passphrase given does not open the folder (or none was given).
    #[error("{0}")]
    SyncLocked(String),
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        let kind = match &error {
            StoreError::Domain(inner) => return inner.clone(),
            StoreError::NewerSchema { .. } => ErrorKind::NewerSchema,
            StoreError::NotFound { .. } => ErrorKind::NotFound,
            StoreError::Io { .. } => ErrorKind::Io,
            StoreError::WrongKey(_)
            | StoreError::NoKey(_)
            | StoreError::Key(_)
            | StoreError::SyncLocked(_) => ErrorKind::Locked,
            StoreError::Damaged(_) | StoreError::SyncRefused(_) => ErrorKind::Damaged,
            StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
                ) =>
            {
                ErrorKind::Damaged
            }
            StoreError::Sqlite(_)
            | StoreError::BackupFailed(_)
            | StoreError::Corrupt(_)
            | StoreError::NoDatabase(_)
            | StoreError::AlreadyThere(_) => ErrorKind::Storage,
        };
        Error::new(kind, error.to_string())
    }
}
