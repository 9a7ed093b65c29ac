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

/// Holds the sync clock of this thread at `ms` (or lets it run again with `None`): every
/// stamp made meanwhile falls in that millisecond, ordered by counter and device alone.
pub fn hold_sync_clock(ms: Option<i64>) {
    crate::sync::clock::HELD.with(|held| held.set(ms));
}

/// The schema version of the encrypted database file at `path`, read without migrating it.
pub fn schema_version_of(path: &Path, key: &crate::Key) -> Result<i64, StoreError> {
    let conn = crate::cipher::open_keyed_read_only(path, key)?;
    Ok(crate::schema_version(&conn)?)
}

/// Adds an audit entry to a plaintext database of an earlier app (a fixture copy), as that
/// app wrote them: with the values, passport numbers included.
pub fn add_plain_audit_entry(
    path: &Path,
    entity_id: &str,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> Result<(), StoreError> {
    let conn = Connection::open(path)?;
    conn.execute(
        "INSERT INTO audit_entry (at, actor, entity, entity_id, field, old_value, new_value)
         VALUES ('2017-01-01T00:00:00Z', 'old app', 'person', ?1, ?2, ?3, ?4)",
        rusqlite::params![entity_id, field, old, new],
    )?;
    Ok(())
}

/// Ticks every member of a plaintext database of schema 10 or earlier (a fixture copy) as
/// that app kept check-ins, `checkin:<member id>` settings, and leaves one behind for a
/// member that no longer exists. Returns how many members were ticked.
pub fn add_plain_check_ins(path: &Path, at: &str, by: &str) -> Result<usize, StoreError> {
    let conn = Connection::open(path)?;
    let tick = serde_json::json!({ "at": at, "by": by }).to_string();
    let ticked = conn.execute(
        "INSERT INTO setting (key, value) SELECT 'checkin:' || id, ?1 FROM member",
        [&tick],
    )?;
    conn.execute(
        "INSERT INTO setting (key, value) VALUES ('checkin:00000000-0000-0000-0000-000000000000', ?1)",
        [&tick],
    )?;
    Ok(ticked)
}

/// Every table's row count in a plaintext database (a fixture), read without changing it.
pub fn plain_counts(path: &Path) -> Result<Vec<(String, i64)>, StoreError> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    crate::cipher::table_counts(&conn)
}

/// Every table's row count in an encrypted database.
pub fn counts(path: &Path, key: &crate::Key) -> Result<Vec<(String, i64)>, StoreError> {
    let conn = crate::cipher::open_keyed_read_only(path, key)?;
    crate::cipher::table_counts(&conn)
}

/// The decrypted bytes of the database at `path`: a plaintext copy written to `into`
/// (SQLCipher's export), so a test can look for values left in free pages.
pub fn decrypted_copy(path: &Path, key: &crate::Key, into: &Path) -> Result<Vec<u8>, StoreError> {
    let conn = crate::cipher::open_keyed(path, key, false)?;
    // The connection may not create files; the copy starts as an empty one.
    std::fs::write(into, b"").map_err(|source| StoreError::Io {
        path: into.to_path_buf(),
        source,
    })?;
    conn.execute(
        "ATTACH DATABASE ?1 AS plaintext KEY ''",
        [into.to_string_lossy()],
    )?;
    conn.query_row("SELECT sqlcipher_export('plaintext')", [], |_| Ok(()))?;
    // The export copies the tables, not the header's schema version: without it the copy
    // would read as an empty schema and be migrated again.
    let version = crate::schema_version(&conn)?;
    conn.execute_batch(&format!("PRAGMA plaintext.user_version = {version}"))?;
    conn.execute_batch("DETACH DATABASE plaintext")?;
    std::fs::read(into).map_err(|source| StoreError::Io {
        path: into.to_path_buf(),
        source,
    })
}

/// A plaintext database opened without a key, with every other setting as the app's: what
/// the benchmarks measure encryption against, side by side in one run. Never used by the
/// app, which encrypts any plaintext file it is given.
pub fn open_plaintext(path: &Path) -> Result<crate::Store, StoreError> {
    crate::Store::prepare(Connection::open(path)?, None)
}

/// Upgrades the database at `path` to schema `version` exactly, with the migrations (and
/// the steps after them) this build ships: how the fixture of each earlier schema is written
/// from the one before it (`tests/fixtures/README.md`).
pub fn upgrade_to(path: &Path, version: i64) -> Result<(), StoreError> {
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    crate::migrate::migrate_until(&mut conn, None, version)?;
    conn.execute_batch("VACUUM")?;
    Ok(())
}

/// The schema version of a plaintext database (a fixture), read without changing it.
pub fn plain_schema_version_of(path: &Path) -> Result<i64, StoreError> {
    let conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    Ok(crate::schema_version(&conn)?)
}

pub use crate::synthetic::{Generated, Synthetic, generate};

/// A guest list of `rows` guests numbered from `first` as a partner would send it (CSV with
/// the Vietnamese headers, semicolons, dates day first), for a delegation hosted 27–30 Nov
/// 2017: distinct names and passports (lists from different `first` never share a guest),
/// fifty organisations, arrivals on twenty flights.
pub fn guest_list_csv(first: usize, rows: usize) -> String {
    let mut csv = String::from(
        "Họ và tên;Quốc tịch;Số hộ chiếu;Ngày hết hạn;Ngày sinh;Giới tính;Cơ quan;Chuyến bay đến;Ngày đến\n",
    );
    for n in first..first + rows {
        let gender = if n % 2 == 0 { "Nữ" } else { "Nam" };
        csv.push_str(&format!(
            "Guest {n} Tan;Singapore;G{n:07};15/08/2030;{:02}/{:02}/19{:02};{gender};Partner Library {};SQ {};26/11/2017 10:50\n",
            1 + n % 28,
            1 + n % 12,
            50 + n % 40,
            n % 50,
            100 + n % 20,
        ));
    }
    csv
}

/// An office's summary of `rows` past delegations as CSV, for imports of the history at
/// scale: batch `batch` lies in years no other batch uses (so no trip of one is recognised
/// as a trip of another), members come from a staff of fifty written the same way in every
/// row (each a person once), partners from twenty libraries.
pub fn history_csv(batch: usize, rows: usize) -> String {
    let mut csv = String::from(
        "STT,Đoàn ra/vào,Tên đoàn,Quốc gia,Từ ngày,Đến ngày,Thành phần đoàn,Cơ quan đối tác,Kinh phí\n",
    );
    let countries = [
        "Singapore",
        "Ma-lai-xi-a",
        "Hàn Quốc",
        "Nhật Bản",
        "Thái Lan, Lào",
    ];
    for n in 0..rows {
        let year = 2030 + batch * 30 + n % 25;
        let (month, day) = (1 + n % 12, 1 + n % 20);
        csv.push_str(&format!(
            "{},{},Đoàn {batch}-{n},\"{}\",{day:02}/{month:02}/{year},{:02}/{month:02}/{year},\"Nhân viên {} (Chuyên viên); Nhân viên {}\",Partner Library {},{}\n",
            n + 1,
            if n % 3 == 0 { "Vào" } else { "Ra" },
            countries[n % countries.len()],
            day + 3,
            n % 50,
            (n + 7) % 50,
            n % 20,
            if n % 2 == 0 { "NSNN" } else { "Tài trợ" },
        ));
    }
    csv
}

/// The demo data set with every id replaced by a new one, so that it can be imported again
/// into a database that already holds it (or anything else): the same records, new keys.
pub fn demo_copy() -> Result<crate::Export, StoreError> {
    fn is_id(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 36
            && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
            && b.iter()
                .enumerate()
                .all(|(i, c)| [8, 13, 18, 23].contains(&i) || c.is_ascii_hexdigit())
    }
    fn renew(value: &mut serde_json::Value, map: &mut std::collections::HashMap<String, String>) {
        match value {
            serde_json::Value::String(s) if is_id(s) => {
                let new = map.entry(s.clone()).or_insert_with(crate::new_id).clone();
                *s = new;
            }
            // Hosting keys name their record: `checkin:<member id>`.
            serde_json::Value::String(s) if s.split_once(':').is_some_and(|(_, id)| is_id(id)) => {
                if let Some((prefix, id)) = s.clone().split_once(':') {
                    let new = map
                        .entry(id.to_owned())
                        .or_insert_with(crate::new_id)
                        .clone();
                    *s = format!("{prefix}:{new}");
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| renew(v, map)),
            serde_json::Value::Object(fields) => fields.values_mut().for_each(|v| renew(v, map)),
            _ => {}
        }
    }
    let corrupt = |e: serde_json::Error| StoreError::Corrupt(format!("the demo data set: {e}"));
    let mut value: serde_json::Value = serde_json::from_str(crate::demo_json()).map_err(corrupt)?;
    renew(&mut value, &mut std::collections::HashMap::new());
    let mut copy: crate::Export = serde_json::from_value(value).map_err(corrupt)?;
    // A rate table is one per name and date: the copy uses the one already there.
    copy.rate_tables.clear();
    Ok(copy)
}
