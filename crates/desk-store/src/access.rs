//! Opening a database the way the window and the CLI both do: find its key, encrypt an
//! earlier plaintext database, create one only when asked to, make the daily backup (the
//! CLI before its command; the window's engine beside the window, see
//! [`crate::backups::daily_beside`]).

use std::path::Path;

use desk_domain::BackupInfo;

use crate::cipher::{self, FileState};
use crate::keys::{KeyChoice, KeyPlace};
use crate::{Store, StoreError};

/// An open database, and what opening it did.
pub struct Opening {
    pub store: Store,
    /// Where its key is kept.
    pub key_place: KeyPlace,
    /// The database did not exist and was created.
    pub created: bool,
    /// It was a plaintext database of an earlier app and is now encrypted.
    pub encrypted_now: bool,
    /// The daily backup, when this opening made it.
    pub daily_backup: Option<BackupInfo>,
    /// The daily backup was due but failed (its message); the database may be damaged.
    pub backup_failed: Option<String>,
}

/// Opens the database at `path`, with its key found as `keys` says.
///
/// Only when `may_create` (desk init, demo, the app's first start at its default place) is a
/// missing or zero-byte file replaced by a new database with a new key; otherwise that is
/// refused as "no database at PATH". A key that does not open the database is refused with
/// where it came from, the file unchanged.
pub fn open_database(
    path: &Path,
    keys: &KeyChoice,
    may_create: bool,
) -> Result<Opening, StoreError> {
    let mut opening = open_database_only(path, keys, may_create)?;
    if !opening.created {
        match opening.store.backup_if_due() {
            Ok(made) => opening.daily_backup = made,
            Err(e) => opening.backup_failed = Some(e.to_string()),
        }
    }
    Ok(opening)
}

/// [`open_database`] without the daily backup, which the caller makes when it suits it: the
/// window's engine makes it once the first screen is up, on a connection of its own.
pub fn open_database_only(
    path: &Path,
    keys: &KeyChoice,
    may_create: bool,
) -> Result<Opening, StoreError> {
    let state = cipher::file_state(path)?;
    if state == FileState::Missing {
        if !may_create {
            return Err(StoreError::NoDatabase(path.to_path_buf()));
        }
        // A zero-byte file is no database: it goes, and a real one takes its place.
        if path.exists() {
            std::fs::remove_file(path).map_err(|source| StoreError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let (key, key_place) = keys.create(path)?;
        let store = Store::create(path, &key).map_err(|e| refused_by(e, &key_place))?;
        return Ok(Opening {
            store,
            key_place,
            created: true,
            encrypted_now: false,
            daily_backup: None,
            backup_failed: None,
        });
    }
    let (key, key_place) = match state {
        // An earlier app's database gets its first key now: a named key file that does not
        // exist yet is made for it, as for a new database.
        FileState::Plain if keys.file.as_ref().is_some_and(|f| !f.exists()) => keys.create(path)?,
        FileState::Plain => match keys.find(path) {
            Ok(found) => found,
            Err(StoreError::NoKey(_)) => keys.create(path)?,
            Err(e) => return Err(e),
        },
        _ => keys.find(path)?,
    };
    let store = Store::open(path, &key).map_err(|e| refused_by(e, &key_place))?;
    Ok(Opening {
        store,
        key_place,
        created: false,
        encrypted_now: state == FileState::Plain,
        daily_backup: None,
        backup_failed: None,
    })
}

/// A wrong key, said with where the key came from.
fn refused_by(error: StoreError, place: &KeyPlace) -> StoreError {
    match error {
        StoreError::WrongKey(_) => StoreError::WrongKey(match place {
            KeyPlace::Keyring => "the key in the system keyring".to_owned(),
            KeyPlace::File(file) => format!("the key in {}", file.display()),
        }),
        other => other,
    }
}
