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
    (6, include_str!("../migrations/0006_scale.sql")),
    (7, include_str!("../migrations/0007_photo_print.sql")),
    (8, include_str!("../migrations/0008_instant_lists.sql")),
    (9, include_str!("../migrations/0009_destinations.sql")),
    (10, include_str!("../migrations/0010_programme_english.sql")),
    (11, include_str!("../migrations/0011_check_in.sql")),
    (12, include_str!("../migrations/0012_sync.sql")),
];

/// The audit scrub of migration 0004, also run after an import (an export of an older app
/// carries values the trail no longer keeps).
pub(crate) const SCRUB_AUDIT: &str = include_str!("../migrations/0004_private_audit.sql");

/// The schema version this build writes: the number of the last migration (numbers are
/// reserved per change, so the list may have gaps while changes are being merged).
pub const LATEST_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// The version from which search entries are keyed (`search_entry` + `search_text`); a
/// database upgraded across it has its search index refilled from the records.
const KEYED_SEARCH: i64 = 6;

/// The version from which search entries carry their folded label (`label_key`); a
/// database upgraded across it (and not refilled whole) has those keys written from labels.
const LABEL_KEYS: i64 = 8;

/// Every schema version a migration writes, in order (numbers are reserved per change, so
/// some may be missing while changes are merged).
pub fn schema_versions() -> Vec<i64> {
    MIGRATIONS.iter().map(|(version, _)| *version).collect()
}

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
    migrate_until(conn, file, LATEST_VERSION)
}

/// Applies the migrations up to `target` (inclusive). Only tests stop short of the latest:
/// they write the fixture of each earlier schema with the very code that shipped it.
pub(crate) fn migrate_until(
    conn: &mut Connection,
    file: Option<&(PathBuf, Key)>,
    target: i64,
) -> Result<(), StoreError> {
    let current = schema_version(conn)?;
    if current >= target {
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
    for (version, sql) in MIGRATIONS
        .iter()
        .filter(|(v, _)| *v > current && *v <= target)
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
    }
    // After every migration, so that the records read have their latest columns.
    if current < KEYED_SEARCH && KEYED_SEARCH <= target {
        crate::search::rebuild(&tx)?;
    } else if current < LABEL_KEYS && LABEL_KEYS <= target {
        crate::search::fill_label_keys(&tx)?;
    }
    tx.commit()?;
    Ok(())
}
