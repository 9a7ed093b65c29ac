//! The domain of Delegation Desk: the records staff keep about delegations and the rules
//! they obey, with no I/O of any kind.
//!
//! This crate has no rusqlite, tauri, printpdf or file access (see `ARCHITECTURE.md`). Every
//! other crate depends on it; it depends on none of them. Inputs arrive here as "new" or
//! "patch" types, are normalised (NFC, trimmed) and validated, and come back either as values
//! the store may write or as an [`Error`] naming each field and the rule it broke.

pub mod country;
pub mod delegation;
pub mod error;
pub mod ipc;
pub mod text;

pub use delegation::{Delegation, DelegationStatus, Direction, NewDelegation, ValidDelegation};
pub use error::{Error, ErrorKind, Rule, Violation};
