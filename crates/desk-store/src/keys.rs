//! Each database's key: 256 random bits, kept in the operating system's keyring, or in a key
//! file where there is no keyring (a server, a script, CI).
//!
//! SQLCipher is given the key raw (`x'…'`): it is already random, so stretching it through
//! PBKDF2 on every open would only slow each start down. A key is never written anywhere but
//! the keyring, a key file the user named (or the one beside a database created where no
//! keyring answered), and the recovery sheet the user asks for.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::{APP_FOLDER, StoreError, private};

/// The keyring's service name for every database key; the user name is the database's path.
const SERVICE: &str = APP_FOLDER;

/// A database key.
#[derive(Clone, PartialEq, Eq)]
pub struct Key([u8; 32]);

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A key never reaches a log or a panic message.
        f.write_str("Key(…)")
    }
}

impl Key {
    /// A fresh random key from the operating system's random source.
    pub fn generate() -> Result<Self, StoreError> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)
            .map_err(|e| StoreError::Key(format!("the system gave no random bytes: {e}")))?;
        Ok(Self(bytes))
    }

    /// A key written as 64 hexadecimal characters (spaces, dashes and a line end allowed
    /// between them, as on the recovery sheet).
    pub fn from_hex(text: &str) -> Option<Self> {
        let digits: Vec<u8> = text
            .bytes()
            .filter(|b| !matches!(b, b' ' | b'-' | b'\n' | b'\r' | b'\t'))
            .collect();
        if digits.len() != 64 {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, pair) in digits.chunks(2).enumerate() {
            let hi = (pair[0] as char).to_digit(16)?;
            let lo = (pair[1] as char).to_digit(16)?;
            bytes[i] = u8::try_from(hi * 16 + lo).ok()?;
        }
        Some(Self(bytes))
    }

    /// The first line of `text` that holds a whole key (a key file, or a recovery sheet).
    pub fn find_in(text: &str) -> Option<Self> {
        text.lines()
            .map(|line| line.rsplit(':').next().unwrap_or(line))
            .find_map(Self::from_hex)
    }

    /// The key as 64 lowercase hexadecimal characters.
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The key in groups of four characters, for a person to read and type.
    pub fn to_groups(&self) -> String {
        let hex = self.to_hex().to_uppercase();
        hex.as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The `PRAGMA key` statement for this key.
    pub(crate) fn pragma(&self) -> String {
        format!("PRAGMA key = \"x'{}'\"", self.to_hex())
    }
}

/// Where a database's key is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPlace {
    /// The operating system's keyring.
    Keyring,
    /// A key file.
    File(PathBuf),
}

impl fmt::Display for KeyPlace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Keyring => f.write_str("the system keyring"),
            Self::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// How the user said to find keys: a key file (`--key-file FILE` or `DESK_KEY_FILE`), or
/// nothing (the keyring, else a key file beside the database).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyChoice {
    pub file: Option<PathBuf>,
}

impl KeyChoice {
    /// `flag` if given, else `$DESK_KEY_FILE`. An empty flag (`--key-file=`) means no key
    /// file at all, whatever the environment says: the keyring, or the file beside.
    pub fn from_flag_or_env(flag: Option<PathBuf>) -> Self {
        if flag.as_ref().is_some_and(|f| f.as_os_str().is_empty()) {
            return Self { file: None };
        }
        Self {
            file: flag.or_else(|| {
                std::env::var_os("DESK_KEY_FILE")
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from)
            }),
        }
    }

    /// The key of an existing database: from the named key file, else the keyring, else a
    /// key file beside the database.
    pub fn find(&self, db: &Path) -> Result<(Key, KeyPlace), StoreError> {
        if let Some(file) = &self.file {
            return Ok((read_key_file(file)?, KeyPlace::File(file.clone())));
        }
        if let Some(key) = keyring_get(db)? {
            return Ok((key, KeyPlace::Keyring));
        }
        let beside = beside(db);
        if beside.exists() {
            return Ok((read_key_file(&beside)?, KeyPlace::File(beside)));
        }
        Err(StoreError::NoKey(db.to_path_buf()))
    }

    /// A key for a database being created (or encrypted for the first time): the named key
    /// file's if it exists, else a new one kept in that file (0600), else in the keyring,
    /// else in a key file beside the database.
    pub fn create(&self, db: &Path) -> Result<(Key, KeyPlace), StoreError> {
        if let Some(file) = &self.file {
            if file.exists() {
                return Ok((read_key_file(file)?, KeyPlace::File(file.clone())));
            }
            let key = Key::generate()?;
            write_key_file(file, &key)?;
            return Ok((key, KeyPlace::File(file.clone())));
        }
        let key = Key::generate()?;
        let place = self.keep(db, &key)?;
        Ok((key, place))
    }

    /// Keeps `key` as the key of `db` (a new database, or `desk key restore`): in the named
    /// key file, else the keyring, else a key file beside the database.
    pub fn keep(&self, db: &Path, key: &Key) -> Result<KeyPlace, StoreError> {
        if let Some(file) = &self.file {
            write_key_file(file, key)?;
            return Ok(KeyPlace::File(file.clone()));
        }
        if keyring_set(db, key) {
            return Ok(KeyPlace::Keyring);
        }
        let file = beside(db);
        write_key_file(&file, key)?;
        Ok(KeyPlace::File(file))
    }
}

/// The key file kept beside a database where no keyring answered: `desk.sqlite.key`.
pub fn beside(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".key");
    db.with_file_name(name)
}

fn read_key_file(file: &Path) -> Result<Key, StoreError> {
    let text = std::fs::read_to_string(file).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            StoreError::Key(format!("the key file {} does not exist", file.display()))
        } else {
            StoreError::Io {
                path: file.to_path_buf(),
                source,
            }
        }
    })?;
    Key::find_in(&text).ok_or_else(|| {
        StoreError::Key(format!(
            "the key file {} must hold the key as 64 hexadecimal characters",
            file.display()
        ))
    })
}

/// Writes a key file readable by its owner only; an existing file is replaced whole.
fn write_key_file(file: &Path, key: &Key) -> Result<(), StoreError> {
    if let Some(parent) = file.parent() {
        private::create_folder(parent)?;
    }
    private::write_whole(file, format!("{}\n", key.to_hex()).as_bytes(), true)
}

/// The keyring's name for a database: its absolute path.
fn account(db: &Path) -> String {
    std::path::absolute(db)
        .unwrap_or_else(|_| db.to_path_buf())
        .display()
        .to_string()
}

/// The key the keyring holds for `db`; `None` when it holds none or there is no keyring.
fn keyring_get(db: &Path) -> Result<Option<Key>, StoreError> {
    let Some(entry) = keyring_entry(db) else {
        return Ok(None);
    };
    match entry.get_password() {
        Ok(text) => Key::from_hex(&text).map(Some).ok_or_else(|| {
            StoreError::Key("the key in the system keyring is not 64 hexadecimal characters".into())
        }),
        // No entry, no secret service, a locked keyring: look elsewhere.
        Err(_) => Ok(None),
    }
}

/// Stores the key in the keyring; false when there is no keyring to store it in.
fn keyring_set(db: &Path, key: &Key) -> bool {
    keyring_entry(db).is_some_and(|entry| entry.set_password(&key.to_hex()).is_ok())
}

/// The keyring's entry for `db`; `None` when this session has no Secret Service (no session
/// bus, as on a server or in CI): the key file and the recovery key are then the way.
fn keyring_entry(db: &Path) -> Option<keyring_core::Entry> {
    // The Secret Service is looked for once per process and set as keyring-core's default.
    static STORE: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| match dbus_secret_service_keyring_store::Store::new() {
            Ok(store) => {
                keyring_core::set_default_store(store);
                true
            }
            Err(_) => false,
        });
    if !*STORE {
        return None;
    }
    keyring_core::Entry::new(SERVICE, &account(db)).ok()
}

/// The keyring's service name for the office's sync passphrase (the user name is the
/// database's path, as for its key).
const SYNC_SERVICE: &str = "vn.gov.nlv.delegation-desk.sync";

/// The sync passphrase: `DESK_SYNC_PASSPHRASE` if set (scripts, tests), else the one the
/// keyring keeps for `db`.
pub fn sync_passphrase(db: &Path) -> Option<String> {
    if let Some(p) = std::env::var("DESK_SYNC_PASSPHRASE")
        .ok()
        .filter(|p| !p.is_empty())
    {
        return Some(p);
    }
    keyring_entry(db)?; // makes the keyring's store the default one
    keyring_core::Entry::new(SYNC_SERVICE, &account(db))
        .ok()?
        .get_password()
        .ok()
        .filter(|p| !p.is_empty())
}

/// Keeps the sync passphrase in the keyring; false when there is no keyring.
pub fn keep_sync_passphrase(db: &Path, passphrase: &str) -> bool {
    keyring_entry(db).is_some()
        && keyring_core::Entry::new(SYNC_SERVICE, &account(db))
            .is_ok_and(|entry| entry.set_password(passphrase).is_ok())
}

/// Whether the keyring holds a key for `db` (for the recovery screens and the tests).
pub fn in_keyring(db: &Path) -> bool {
    matches!(keyring_get(db), Ok(Some(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_reads_back_from_hex_and_from_its_groups() {
        let key = Key([7; 32]);
        assert_eq!(Key::from_hex(&key.to_hex()), Some(key.clone()));
        assert_eq!(Key::from_hex(&key.to_groups()), Some(key.clone()));
        let sheet = format!("Database: desk.sqlite\nKey: {}\n", key.to_groups());
        assert_eq!(Key::find_in(&sheet), Some(key));
    }

    #[test]
    fn a_short_or_non_hex_key_is_refused() {
        assert_eq!(Key::from_hex("abcd"), None);
        assert_eq!(Key::from_hex(&"g".repeat(64)), None);
    }

    #[test]
    fn two_generated_keys_differ_and_debug_hides_them() {
        let (Ok(a), Ok(b)) = (Key::generate(), Key::generate()) else {
            panic!("the system gave no random bytes");
        };
        assert_ne!(a, b);
        assert_eq!(format!("{a:?}"), "Key(…)");
    }
}
