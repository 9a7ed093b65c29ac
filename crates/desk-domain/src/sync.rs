//! Sync between machines, as the window and `desk sync` / `desk conflicts --json` show it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What one sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncReport {
    /// This device's id in the folder.
    pub device: String,
    /// This device joined the folder in this sync (from another device's snapshot, when its
    /// database was empty).
    pub joined: bool,
    /// Changes of this device written to the folder.
    pub sent: u32,
    /// Changes of other devices applied.
    pub received: u32,
    /// Conflicts waiting for a person, after this sync.
    pub open_conflicts: u32,
    /// Devices whose changes wait for this copy of the desk to be updated (they were made by
    /// a newer one); nothing of theirs is lost, it is applied after the update.
    pub held_back: Vec<String>,
}

/// A change that met another on a second device, from this device's side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncConflict {
    pub id: String,
    /// The table of the record: `delegation`, `person`, `member`, …
    pub record_kind: String,
    pub record_id: String,
    /// The record's name or title as search shows it.
    pub record_label: String,
    /// The field, or `*` for the whole record (edited on one side, deleted on the other, or
    /// two records that clash on a unique rule).
    pub field: String,
    /// This device's value (`null` where the record is deleted).
    #[ts(type = "unknown")]
    pub mine: serde_json::Value,
    #[ts(type = "unknown")]
    pub theirs: serde_json::Value,
    /// The other device's name.
    pub their_device: String,
    /// When the other side's change was made (RFC 3339, UTC).
    pub their_time: String,
    /// Which side the records hold now: `mine` or `theirs`.
    pub applied: String,
}

/// Which side of a conflict a person keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Keep {
    Mine,
    Theirs,
}

/// Settings → Sync: whether this device shares a folder, and what waits.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncStatus {
    /// The folder's name (never its path), once chosen.
    pub folder: Option<String>,
    /// This device has joined the folder (synced at least once).
    pub joined: bool,
    /// This device's name as the others see it.
    pub device_name: String,
    /// The passphrase is kept (system keyring or DESK_SYNC_PASSPHRASE): "Sync now" needs
    /// nothing typed.
    pub passphrase_kept: bool,
    pub open_conflicts: u32,
    /// The last sync that ended well (RFC 3339, UTC).
    pub last_sync: Option<String>,
    /// Sync by itself: when the window opens, every five minutes, and when it closes (with
    /// the passphrase kept; off until a person turns it on).
    pub auto: bool,
}
