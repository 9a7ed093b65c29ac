//! Numbered migrations, applied in one transaction at open.
//!
//! Never edit a migration that has shipped: add the next number. Every earlier schema
//! version has a fixture under `tests/fixtures/` that the upgrade test opens.

use std::path::PathBuf;

use rusqlite::Connection;

use crate::keys::Key;
use crate::{StoreError, backups};

/// The migrations in order; the schema version is the number of the last one applied, kept
/// in `PRAGMA user_version`.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_delegation.sql")),
    (2, include_str!("../migrations/0002_record.sql")),
    (3, include_str!("../migrations/0003_rates.sql")),
    (4, include_str!("../migrations/0004_private_audit.sql")),
];

/// The audit scrub of migration 0004, also run after an import (an export of an older app
/// carries values the trail no longer keeps).
pub(crate) const SCRUB_AUDIT: &str = include_str!("../migrations/0004_private_audit.sql");

/// The schema version this build writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn schema_version(conn: &Connection) -> Result<i64, rusqlite::Error> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

pub(crate) fn refuse_newer(conn: &Connection) -> Result<(), StoreError> {
    let found = schema_version(conn)?;
    if found > LATEST_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            supported: LATEST_VERSION,
        });
    }
    Ok(())
}

pub(crate) fn migrate(
    conn: &mut Connection,
    file: Option<&(PathBuf, Key)>,
) -> Result<(), StoreError> {
    let current = schema_version(conn)?;
    if current == LATEST_VERSION {
        return Ok(());
    }
    // A migration that goes wrong must never cost the user their records: a verified,
    // encrypted backup first.
    if current > 0
        && let Some((path, key)) = file
    {
        backups::make(conn, path, key, backups::Reason::Migration)?;
    }
    let tx = conn.transaction()?;
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
    }
    tx.commit()?;
    Ok(())
}
