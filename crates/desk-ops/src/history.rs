//! The office's history from its own spreadsheet: read, checked against the record, and
//! imported, for the window and the CLI alike. The reading rules are in desk-exchange, the
//! record's in desk-store.

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

/// A history file (its name and bytes) read and checked against the record: trips already
/// recorded, people already in the directory, names that may be them. Writes nothing.
pub fn history_preview(
    store: &Store,
    file_name: &str,
    bytes: &[u8],
    request: &HistoryRequest,
) -> Result<HistorySheet, Error> {
    let sheet = read(file_name, bytes, request)?;
    Ok(store.preview_history(&sheet, &request.decisions)?)
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
    let sheet = read(file_name, bytes, request)?;
    let today = Local::now().date_naive();
    Ok(store.import_history(&sheet, &request.decisions, skip_invalid, today, reporter)?)
}
