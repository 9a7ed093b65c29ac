//! Files in and out of Delegation Desk: spreadsheets (XLSX, CSV) that partners send and the
//! accounting office expects, and calendars (ICS) for staff's own diaries.
//!
//! Pure conversions between bytes and desk-domain values: nothing here opens the database.
//! Every reader checks sizes before it reads, and every refusal names the row and column.

pub mod money;
pub mod rates;

pub use money::{estimate_xlsx, settlement_xlsx};
mod csv_in;
mod error;
pub mod grid;
pub mod guests;
pub mod history;
pub mod lists;
pub mod out;
pub mod values;
mod xlsx_in;

pub use error::ExchangeError;
pub use grid::{Cell, Grid, Limits};
pub use guests::{ReadOptions, parse_mapping, read_guests, recognise};
pub use xlsx_in::sheet_names;

/// Reads a CSV file into a grid (for callers other than guest lists).
pub fn read_csv(bytes: &[u8], limits: &Limits) -> Result<Grid, ExchangeError> {
    csv_in::read(bytes, limits)
}

/// Reads one worksheet of an XLSX file into a grid, after the size checks.
pub fn read_xlsx(
    bytes: &[u8],
    sheet: Option<&str>,
    limits: &Limits,
) -> Result<(String, Grid), ExchangeError> {
    xlsx_in::read(bytes, sheet, limits)
}
mod annual;
pub mod ics;

pub use annual::annual_workbook;
