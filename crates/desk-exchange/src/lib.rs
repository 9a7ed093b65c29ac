//! Files in and out of Delegation Desk: spreadsheets (XLSX, CSV) that partners send and the
//! accounting office expects, and calendars (ICS) for staff's own diaries.
//!
//! Pure conversions between bytes and desk-domain values: nothing here opens the database.
//! Every reader checks sizes before it reads, and every refusal names the row and column.

mod annual;

pub use annual::annual_workbook;

/// Why a file could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExchangeError {
    /// The spreadsheet library refused to write the workbook (a sheet name or a value it
    /// cannot hold); a bug rather than a user error.
    #[error("the workbook cannot be written: {0}")]
    Write(String),
}

impl From<ExchangeError> for desk_domain::Error {
    fn from(e: ExchangeError) -> Self {
        desk_domain::Error::new(desk_domain::ErrorKind::Internal, e.to_string())
    }
}
