//! The office's history from its own spreadsheet: read, checked against the record, and
//! imported, for the window and the CLI alike. The reading rules are in desk-exchange, the
//! record's in desk-store.

use std::hash::{DefaultHasher, Hash, Hasher};

use chrono::Local;
use desk_domain::Error;
use desk_domain::history::{HistoryImported, HistoryMapping, HistorySheet, PeopleDecisions};
use desk_domain::progress::Reporter;
use desk_exchange::history::{HistoryOptions, history_limits, read_history};
use desk_store::Store;

/// The largest history file read, in bytes: check a file's size against it before reading.
pub fn max_history_file_bytes() -> u64 {
    history_limits().max_file_bytes
}

/// What to read from a history file.
#[derive(Debug, Clone, Default)]
pub struct HistoryRequest {
    /// The worksheet (the first one when empty).
    pub sheet: Option<String>,
    pub mapping: Option<HistoryMapping>,
    pub decisions: PeopleDecisions,
}

fn read(file_name: &str, bytes: &[u8], request: &HistoryRequest) -> Result<HistorySheet, Error> {
    let options = HistoryOptions {
        sheet: request.sheet.clone().filter(|s| !s.trim().is_empty()),
        mapping: request.mapping.clone(),
        limits: history_limits(),
    };
    Ok(read_history(file_name, bytes, &options)?)
}

/// What identifies a preview for the import that follows it: the file's name and bytes and
/// every choice that shapes what is read and matched.
fn fingerprint(file_name: &str, bytes: &[u8], request: &HistoryRequest) -> u64 {
    let mut hasher = DefaultHasher::new();
    file_name.hash(&mut hasher);
    bytes.hash(&mut hasher);
    request.sheet.hash(&mut hasher);
    // Both are plain data; their JSON is a faithful key (a failure hashes as empty).
    serde_json::to_string(&request.mapping)
        .unwrap_or_default()
        .hash(&mut hasher);
    serde_json::to_string(&request.decisions)
        .unwrap_or_default()
        .hash(&mut hasher);
    hasher.finish()
}

/// A history file (its name and bytes) read and checked against the record: trips already
/// recorded, people already in the directory, names that may be them. Writes nothing; the
/// store keeps the answer for an import of the same file while the record is unchanged.
pub fn history_preview(
    store: &Store,
    file_name: &str,
    bytes: &[u8],
    request: &HistoryRequest,
) -> Result<HistorySheet, Error> {
    let sheet = read(file_name, bytes, request)?;
    let checked = store.preview_history(sheet, &request.decisions)?;
    store.keep_history_preview(fingerprint(file_name, bytes, request), &checked)?;
    Ok(checked)
}

/// Imports a history file: all or nothing, or leaving out the rows with problems. Trips
/// over by today are filed as Closed. `reporter` hears the rows done and may cancel.
pub fn history_import(
    store: &mut Store,
    file_name: &str,
    bytes: &[u8],
    request: &HistoryRequest,
    skip_invalid: bool,
    reporter: &dyn Reporter,
) -> Result<HistoryImported, Error> {
    let today = Local::now().date_naive();
    let kept = fingerprint(file_name, bytes, request);
    if let Some(imported) = store.import_kept_history(kept, skip_invalid, today, reporter)? {
        return Ok(imported);
    }
    let sheet = read(file_name, bytes, request)?;
    Ok(store.import_history(sheet, &request.decisions, skip_invalid, today, reporter)?)
}
