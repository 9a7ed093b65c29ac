//! Sealing the files of the sync folder: the folder is untrusted (a file server, a Syncthing
//! folder, a USB stick that may be lost), so every file is encrypted and authenticated.
//!
//! The key comes from the office's passphrase through Argon2id (salt and cost kept in the
//! folder's `office.json`, which holds nothing secret), and each file is one
//! XChaCha20-Poly1305 message with a random 24-byte nonce. The file's place in the folder
//! (device and name) is bound in as associated data, so a sealed file moved or renamed into
//! another slot fails as surely as one changed by a byte, cut short, or sealed with another
//! passphrase: whole, before anything from it is read.

use std::path::Path;

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::StoreError;

/// The first bytes of every sealed file, so that a stray file is recognised as not ours.
const MAGIC: &[u8; 8] = b"DDSYNC1\n";
const NONCE: usize = 24;
/// What `office.json` seals to prove a passphrase right before any file is read.
const CHECK: &[u8] = b"Delegation Desk sync folder";

/// The folder's description: how its key is derived, and a sealed check value.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Office {
    pub format: u32,
    /// Hex of 16 random bytes.
    pub salt: String,
    /// Argon2id cost: memory in KiB, passes, lanes.
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
    /// Hex of [`CHECK`] sealed with the key.
    pub check: String,
}

/// Argon2id's cost for a new folder: 64 MiB and three passes (about half a second on an
/// office laptop, once per sync), well above OWASP's minimum for Argon2id.
const MEMORY_KIB: u32 = 64 * 1024;
const PASSES: u32 = 3;

/// The key of a folder, kept only in memory and wiped when dropped.
pub(crate) struct FolderKey(Zeroizing<[u8; 32]>);

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

fn random<const N: usize>() -> Result<[u8; N], StoreError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| StoreError::Key(format!("the system gave no random bytes: {e}")))?;
    Ok(bytes)
}

/// The dearest key derivation a folder may ask for: `office.json` is in the untrusted folder,
/// and a cost of terabytes would make the desk ask for memory it cannot have.
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_PASSES: u32 = 16;
const MAX_LANES: u32 = 8;

fn derive(passphrase: &str, salt: &[u8], office: &Office) -> Result<FolderKey, StoreError> {
    let params =
        Params::new(office.memory_kib, office.passes, office.lanes, Some(32)).map_err(|e| {
            StoreError::SyncRefused(format!("office.json: its key cost is not valid ({e})"))
        })?;
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, key.as_mut())
        .map_err(|e| StoreError::SyncLocked(format!("the passphrase cannot be used: {e}")))?;
    Ok(FolderKey(key))
}

impl Office {
    /// A new folder's description for `passphrase`, with its key.
    pub(crate) fn new(passphrase: &str) -> Result<(Office, FolderKey), StoreError> {
        let salt = random::<16>()?;
        let mut office = Office {
            format: 1,
            salt: hex(&salt),
            memory_kib: MEMORY_KIB,
            passes: PASSES,
            lanes: 1,
            check: String::new(),
        };
        let key = derive(passphrase, &salt, &office)?;
        office.check = hex(&key.seal(CHECK, "office.json")?);
        Ok((office, key))
    }

    /// The folder's key if `passphrase` is the office's; a clear refusal otherwise.
    /// Argon2id is slow on purpose (half a second), so the key of the last folder opened is
    /// kept in this process's memory for the next sync (the automatic one every few
    /// minutes), under the salt and a hash of the passphrase; it never reaches a disk.
    pub(crate) fn unlock(&self, passphrase: &str) -> Result<FolderKey, StoreError> {
        use sha2::{Digest, Sha256};
        if self.memory_kib > MAX_MEMORY_KIB || self.passes > MAX_PASSES || self.lanes > MAX_LANES {
            return Err(StoreError::SyncRefused(format!(
                "office.json asks for a key derivation of {} MiB, {} passes and {} lanes, beyond \
                 what the desk accepts (1 GiB, {MAX_PASSES}, {MAX_LANES}): it was not written by the \
                 desk, and nothing was read",
                self.memory_kib / 1024,
                self.passes,
                self.lanes
            )));
        }
        static LAST: std::sync::Mutex<Option<(String, Vec<u8>, FolderKey)>> =
            std::sync::Mutex::new(None);
        let tag = Sha256::digest(format!("{}\n{passphrase}", self.check).as_bytes()).to_vec();
        if let Ok(last) = LAST.lock()
            && let Some((salt, seen, key)) = last.as_ref()
            && *salt == self.salt
            && *seen == tag
        {
            return Ok(FolderKey(key.0.clone()));
        }
        let salt = unhex(&self.salt)
            .ok_or_else(|| StoreError::SyncRefused("office.json: its salt is not hex".into()))?;
        let key = derive(passphrase, &salt, self)?;
        let check = unhex(&self.check)
            .ok_or_else(|| StoreError::SyncRefused("office.json: its check is not hex".into()))?;
        match key.open(&check, "office.json") {
            Ok(opened) if opened == CHECK => {
                if let Ok(mut last) = LAST.lock() {
                    *last = Some((self.salt.clone(), tag, FolderKey(key.0.clone())));
                }
                Ok(key)
            }
            _ => Err(StoreError::SyncLocked(
                "the sync passphrase is not this folder's: nothing was read or applied".into(),
            )),
        }
    }
}

impl FolderKey {
    /// `plain` sealed for the slot `place` (device folder and file name).
    pub(crate) fn seal(&self, plain: &[u8], place: &str) -> Result<Vec<u8>, StoreError> {
        let nonce = random::<NONCE>()?;
        let cipher = XChaCha20Poly1305::new((&*self.0).into());
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: place.as_bytes(),
                },
            )
            .map_err(|_| StoreError::SyncRefused(format!("{place}: could not be sealed")))?;
        let mut out = Vec::with_capacity(MAGIC.len() + NONCE + sealed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// The content of a sealed file, or a refusal naming it: nothing of a file that fails
    /// is returned.
    pub(crate) fn open(&self, file: &[u8], place: &str) -> Result<Vec<u8>, StoreError> {
        let refused = || {
            StoreError::SyncRefused(format!(
                "{place} was changed, cut short or sealed with another passphrase: it was \
                 refused whole and nothing from it was applied"
            ))
        };
        let rest = file.strip_prefix(MAGIC.as_slice()).ok_or_else(refused)?;
        if rest.len() < NONCE {
            return Err(refused());
        }
        let (nonce, sealed) = rest.split_at(NONCE);
        XChaCha20Poly1305::new((&*self.0).into())
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: place.as_bytes(),
                },
            )
            .map_err(|_| refused())
    }
}

/// Reads `office.json` from the folder, if the folder has one.
pub(crate) fn read_office(folder: &Path) -> Result<Option<Office>, StoreError> {
    let path = folder.join("office.json");
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| {
            StoreError::SyncRefused(format!("office.json in the sync folder is not valid: {e}"))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StoreError::Io { path, source }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quick(passphrase: &str) -> (Office, FolderKey) {
        let mut office = Office {
            format: 1,
            salt: hex(&[7u8; 16]),
            memory_kib: 64,
            passes: 1,
            lanes: 1,
            check: String::new(),
        };
        let key = derive(passphrase, &[7u8; 16], &office).unwrap_or_else(|e| panic!("{e}"));
        office.check = hex(&key
            .seal(CHECK, "office.json")
            .unwrap_or_else(|e| panic!("{e}")));
        (office, key)
    }

    #[test]
    fn a_sealed_file_opens_only_whole_in_its_own_place_with_the_right_passphrase() {
        let (office, key) = quick("thư viện quốc gia");
        let sealed = key
            .seal(b"changes of the laptop", "dev-a/000000000001.change")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !sealed.windows(7).any(|w| w == b"changes"),
            "the content is not readable"
        );
        let opened = key.open(&sealed, "dev-a/000000000001.change");
        assert_eq!(opened.ok().as_deref(), Some(&b"changes of the laptop"[..]));
        // One byte changed, cut short, moved to another slot: each refused, naming the file.
        let mut changed = sealed.clone();
        let last = changed.len() - 1;
        changed[last] ^= 1;
        for (bytes, place) in [
            (&changed[..], "dev-a/000000000001.change"),
            (&sealed[..sealed.len() - 5], "dev-a/000000000001.change"),
            (&sealed[..], "dev-a/000000000002.change"),
        ] {
            match key.open(bytes, place) {
                Err(StoreError::SyncRefused(m)) => assert!(m.contains(place), "{m}"),
                other => panic!("not refused: {:?}", other.map(|v| v.len())),
            }
        }
        assert!(office.unlock("thư viện quốc gia").is_ok());
        assert!(matches!(
            office.unlock("wrong"),
            Err(StoreError::SyncLocked(_))
        ));
    }

    #[test]
    fn a_folder_asking_for_terabytes_of_memory_is_refused_before_any_is_taken() {
        let (mut office, _) = quick("x");
        office.memory_kib = u32::MAX;
        match office.unlock("x") {
            Err(StoreError::SyncRefused(m)) => assert!(m.contains("office.json"), "{m}"),
            other => panic!("not refused: {:?}", other.is_ok()),
        }
    }
}
