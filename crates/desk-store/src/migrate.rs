//! Numbered migrations, applied in one transaction at open.
//!
//! Never edit a migration that has shipped: add the next number. Every earlier schema
//! version has a fixture under `tests/fixtures/` that the upgrade test opens.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::StoreError;

/// The migrations in order; the schema version is the number of the last one applied, kept
/// in `PRAGMA user_version`.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_delegation.sql")),
    (2, include_str!("../migrations/0002_record.sql")),
    (3, include_str!("../migrations/0003_rates.sql")),
    (6, include_str!("../migrations/0006_scale.sql")),
    (7, include_str!("../migrations/0007_photo_print.sql")),
];

/// The schema version this build writes: the number of the last migration (numbers are
/// reserved per change, so the list may have gaps while changes are being merged).
pub const LATEST_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// The version from which search entries are keyed (`search_entry` + `search_text`); a
/// database upgraded across it has its search index refilled from the records.
const KEYED_SEARCH: i64 = 6;

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

pub(crate) fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<(), StoreError> {
    migrate_until(conn, path, LATEST_VERSION)
}

/// Applies the migrations up to `target` (inclusive). Only tests stop short of the latest:
/// they write the fixture of each earlier schema with the very code that shipped it.
pub(crate) fn migrate_until(
    conn: &mut Connection,
    path: Option<&Path>,
    target: i64,
) -> Result<(), StoreError> {
    let current = schema_version(conn)?;
    if current >= target {
        return Ok(());
    }
    if current > 0
        && let Some(path) = path
    {
        backup(conn, path, current)?;
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
    }
    tx.commit()?;
    Ok(())
}

/// Copies the database next to itself before an upgrade and checks the copy, so that a
/// migration that goes wrong can never cost the user their records.
fn backup(conn: &Connection, path: &Path, version: i64) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".v{version}-{stamp}.backup"));
    let target = path.with_file_name(name);
    conn.backup(
        rusqlite::MAIN_DB,
        &target,
        None::<fn(rusqlite::backup::Progress)>,
    )?;

    let copy = Connection::open_with_flags(&target, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let verdict: String = copy.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
    let copied_version = schema_version(&copy)?;
    if verdict != "ok" || copied_version != version {
        return Err(StoreError::BackupFailed(format!(
            "{}: integrity {verdict}, version {copied_version}",
            target.display()
        )));
    }
    Ok(target)
}
