//! Builders of unusual databases for the integration tests, kept here so that no SQL lives
//! outside this crate. Compiled only with the `testing` feature.

use std::path::Path;

use rusqlite::Connection;

use crate::StoreError;

/// An SQLite file with no tables whose `user_version` claims `version`, e.g. one written
/// by a future release.
pub fn write_empty_database_with_version(path: &Path, version: i64) -> Result<(), StoreError> {
    let conn = Connection::open(path)?;
    conn.pragma_update(None, "user_version", version)?;
    Ok(())
}

/// The schema version of the database file at `path`, read without migrating it.
pub fn schema_version_of(path: &Path) -> Result<i64, StoreError> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    Ok(crate::schema_version(&conn)?)
}
