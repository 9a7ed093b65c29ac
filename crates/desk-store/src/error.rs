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
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        let kind = match &error {
            StoreError::Domain(inner) => return inner.clone(),
            StoreError::NewerSchema { .. } => ErrorKind::NewerSchema,
            StoreError::NotFound { .. } => ErrorKind::NotFound,
            StoreError::Io { .. } => ErrorKind::Io,
            StoreError::Sqlite(_) | StoreError::BackupFailed(_) | StoreError::Corrupt(_) => {
                ErrorKind::Storage
            }
        };
        Error::new(kind, error.to_string())
    }
}
