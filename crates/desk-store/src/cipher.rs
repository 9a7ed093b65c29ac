//! Opening an encrypted database, and encrypting a plaintext one written by an earlier app.
//!
//! A database is encrypted with SQLCipher. A plaintext database (every earlier schema) is
//! converted on open: an encrypted copy is written beside it, checked page by page and table
//! by table, and only then swapped in; the plaintext and its WAL are then removed.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::keys::Key;
use crate::{StoreError, private};

/// What lies at a database path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// Nothing, or a zero-byte file: no database.
    Missing,
    /// A plaintext SQLite database (an earlier app wrote it).
    Plain,
    /// Anything else: an encrypted database (or a file that is no database at all).
    Encrypted,
}

/// Looks at the first bytes of the file, without opening it as a database.
pub fn file_state(path: &Path) -> Result<FileState, StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::Missing),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(source) => {
                return Err(StoreError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
    Ok(match read {
        0 => FileState::Missing,
        16 if &header == b"SQLite format 3\0" => FileState::Plain,
        _ => FileState::Encrypted,
    })
}

/// Opens `path` with `key`, creating the file only if `create`. A wrong key is refused at
/// the first read, before anything is written.
pub fn open_keyed(path: &Path, key: &Key, create: bool) -> Result<Connection, StoreError> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    apply_key(&conn, key)?;
    Ok(conn)
}

/// Opens a keyed database read-only (a backup being checked or restored from).
pub fn open_keyed_read_only(path: &Path, key: &Key) -> Result<Connection, StoreError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    apply_key(&conn, key)?;
    Ok(conn)
}

fn quiet(conn: &Connection) {
    // SQLCipher prints "hmac check failed" to stderr on a wrong key; the caller reports it in
    // words instead. An older SQLCipher without the pragma simply ignores it.
    let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
}

pub(crate) fn apply_key(conn: &Connection, key: &Key) -> Result<(), StoreError> {
    quiet(conn);
    conn.execute_batch(&key.pragma())?;
    // The first read is where a wrong key shows.
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| {
        row.get::<_, i64>(0)
    }) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Err(StoreError::WrongKey("the key given".to_owned()))
        }
        Err(e) => Err(e.into()),
    }
}

/// A file name beside `path` with `suffix` appended.
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Removes a database's -wal and -shm (after its last connection closed cleanly).
pub(crate) fn remove_sidecars(path: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}

/// Every table and its row count, to compare a copy with its source.
pub(crate) fn table_counts(conn: &Connection) -> Result<Vec<(String, i64)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    let mut counts = Vec::new();
    for name in names {
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\"")),
            [],
            |row| row.get(0),
        )?;
        counts.push((name, n));
    }
    Ok(counts)
}

/// SQLite's full integrity check: "ok", or what it found.
pub(crate) fn integrity(conn: &Connection) -> Result<String, StoreError> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let found: Vec<String> = stmt
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(found.join("; "))
}

/// Encrypts the plaintext database at `path` with `key`, in place, safely: the encrypted
/// copy is verified (integrity, schema version, every table's row count) before it replaces
/// the plaintext, and nothing plaintext is left beside it.
pub fn encrypt_in_place(path: &Path, key: &Key) -> Result<(), StoreError> {
    let plain = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    quiet(&plain);
    // A database from a newer app is refused untouched, before even its journal is folded.
    crate::migrate::refuse_newer(&plain)?;
    // Fold the WAL into the file and leave WAL mode, so the plaintext WAL goes with it.
    plain.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    plain.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
    let version = crate::schema_version(&plain)?;
    let counts = table_counts(&plain)?;

    let target = with_suffix(path, ".encrypting");
    let _ = std::fs::remove_file(&target);
    remove_sidecars(&target);
    drop(private::create_file(&target)?);
    plain.execute(
        "ATTACH DATABASE ?1 AS encrypted KEY ?2",
        rusqlite::params![target.to_string_lossy(), format!("x'{}'", key.to_hex())],
    )?;
    let exported = plain
        .query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))
        .and_then(|()| plain.pragma_update(Some("encrypted"), "user_version", version))
        .and_then(|()| plain.execute_batch("DETACH DATABASE encrypted"));
    if let Err(e) = exported {
        let _ = std::fs::remove_file(&target);
        return Err(e.into());
    }
    drop(plain);

    let verdict = verify_copy(&target, key, version, &counts);
    if let Err(e) = verdict {
        let _ = std::fs::remove_file(&target);
        return Err(e);
    }
    std::fs::File::open(&target)
        .and_then(|f| f.sync_all())
        .map_err(|source| StoreError::Io {
            path: target.clone(),
            source,
        })?;
    std::fs::rename(&target, path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    private::sync_folder_of(path);
    remove_sidecars(path);
    Ok(())
}

/// Checks that the encrypted copy opens with the key and holds what its source held.
fn verify_copy(
    target: &Path,
    key: &Key,
    version: i64,
    counts: &[(String, i64)],
) -> Result<(), StoreError> {
    let copy = open_keyed_read_only(target, key)?;
    let verdict = integrity(&copy)?;
    let copied_version = crate::schema_version(&copy)?;
    let copied = table_counts(&copy)?;
    if verdict != "ok" || copied_version != version || copied != counts {
        return Err(StoreError::BackupFailed(format!(
            "the encrypted copy {} did not match the database (integrity {verdict}, version \
             {copied_version} of {version}); the database was left as it was",
            target.display()
        )));
    }
    Ok(())
}

/// Checks the database file on a connection of its own (so the app can check in the
/// background while the window works): SQLite's `quick_check` or full `integrity_check`.
/// "ok", or what it found.
pub fn check_file(path: &Path, key: &Key, quick: bool) -> Result<String, StoreError> {
    let conn = open_keyed_read_only(path, key)?;
    let pragma = if quick {
        "PRAGMA quick_check"
    } else {
        "PRAGMA integrity_check"
    };
    let mut stmt = conn.prepare(pragma)?;
    let found: Vec<String> = stmt
        .query_map([], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(found.join("; "))
}

/// Files up to this size are checked in full before the window opens (well under a second);
/// larger ones are checked once the window is up, the quick check first, then the full one.
pub const FULL_CHECK_BYTES: u64 = 48 * 1024 * 1024;
