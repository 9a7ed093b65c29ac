//! Files in and out of Delegation Desk: spreadsheets (XLSX, CSV) that partners send and the
//! accounting office expects, and calendars (ICS) for staff's own diaries.
//!
//! Pure conversions between bytes and desk-domain values: nothing here opens the database.
//! Every reader checks sizes before it reads, and every refusal names the row and column.

pub mod ics;
