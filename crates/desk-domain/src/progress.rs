//! Long work reported as it goes, and stopped when asked: an import tells a [`Reporter`] how
//! far it is every few hundred records and asks it whether to stop. Stopping is only offered
//! where stopping halfway leaves nothing changed (an import rolls its one transaction back).

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, ErrorKind};

/// How far a piece of work is: `done` of `total` steps (records, for an import).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Progress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// Where a long operation reports its progress and learns it was cancelled.
pub trait Reporter {
    /// `done` of `total` steps are finished; called with `done` never going back.
    fn step(&self, done: u64, total: u64);
    /// True once the user asked to stop.
    fn is_cancelled(&self) -> bool;

    /// Reports progress, then fails with [`cancelled`] if the user asked to stop.
    fn checkpoint(&self, done: u64, total: u64) -> Result<(), Error> {
        self.step(done, total);
        if self.is_cancelled() {
            return Err(cancelled());
        }
        Ok(())
    }
}

/// A reporter nobody watches and nobody cancels (the CLI, tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct Unwatched;

impl Reporter for Unwatched {
    fn step(&self, _done: u64, _total: u64) {}
    fn is_cancelled(&self) -> bool {
        false
    }
}

/// The work was cancelled and nothing was changed.
pub fn cancelled() -> Error {
    Error::new(
        ErrorKind::Cancelled,
        "the work was cancelled; nothing was changed",
    )
    .coded("cancelled", &[])
}
