//! The audit trail: who changed what and when, one entry per changed field.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    /// The operating-system user who made the change.
    pub actor: String,
    /// The kind of record: "delegation", "person", ...
    pub entity: String,
    pub entity_id: String,
    /// "title", or "*" for the creation or deletion of the whole record.
    pub field: String,
    /// JSON of the old value (the whole record, less private and empty fields, when it was
    /// deleted); `None` when the record was created.
    pub old_value: Option<String>,
    /// JSON of the new value; `None` when the record was created (its first values are the
    /// record's own, and the old values of the changes after it) or deleted.
    pub new_value: Option<String>,
    /// The machine the change was made on (its name), when it came from another one through
    /// sync; `None` for this machine's own changes.
    #[serde(default)]
    pub device: Option<String>,
}
