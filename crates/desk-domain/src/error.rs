//! The one error type that crosses every boundary: store, shell, CLI and UI.
//!
//! It serialises as `{ kind, message, violations, code, params }`. The UI acts on `kind`, on
//! each violation's `field` and `rule`, and on `code` with its `params` for a failure that is
//! not about one field; it translates them. The English `message` is for logs, the terminal,
//! and the window's fallback when it does not know a code.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::named;

named! {
    /// What went wrong, as a stable tag the UI and the CLI can act on.
    pub enum ErrorKind {
        /// The input broke a rule; `violations` says which fields and which rules.
        Validation = "validation",
        /// The record asked for does not exist (or is in the trash).
        NotFound = "not_found",
        /// The change conflicts with the current state (e.g. a status move that is not allowed).
        Conflict = "conflict",
        /// The database file was written by a newer version of the app; it is left untouched.
        NewerSchema = "newer_schema",
        /// The database could not be read or written.
        Storage = "storage",
        /// A file could not be read or written.
        Io = "io",
        /// The database is encrypted and the key at hand does not open it (or there is none).
        Locked = "locked",
        /// The database file is damaged; a backup can be restored.
        Damaged = "damaged",
        /// The user stopped the work before it ended; nothing was changed.
        Cancelled = "cancelled",
        /// Something that should not happen did; the message says what.
        Internal = "internal",
    }
}

/// The rule a field broke. Stable names: the UI translates them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The field must not be empty.
    Required,
    /// The field is longer than allowed.
    TooLong,
    /// The value is not a calendar date in `YYYY-MM-DD` form.
    InvalidDate,
    /// The end of a range lies before its start.
    EndBeforeStart,
    /// The value is not one of the allowed codes.
    UnknownCode,
    /// The value is not a time (`HH:MM`, or `YYYY-MM-DDTHH:MM` for a local date-time), or a
    /// local time that the clocks skip.
    InvalidTime,
    /// The time zone is not an IANA zone name.
    UnknownTimeZone,
    /// The amount or rate is not an exact number the currency allows.
    InvalidAmount,
    /// The value is outside the allowed range.
    OutOfRange,
    /// The value does not have the expected form (an email, a passport number...).
    InvalidFormat,
    /// The file or value is larger than allowed.
    TooLarge,
    /// The referenced record does not exist.
    UnknownRecord,
    /// The same record already exists.
    Duplicate,
}

/// One field that broke one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Violation {
    /// The input field, as named in the IPC type (`ends_on`, `title`, ...).
    pub field: String,
    pub rule: Rule,
    /// An English sentence naming the field and the rule.
    pub message: String,
}

impl Violation {
    pub fn new(field: &str, rule: Rule, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            rule,
            message: message.into(),
        }
    }
}

/// The error every operation returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
// Named DeskError in TypeScript so that it does not shadow the built-in `Error`.
#[ts(rename = "DeskError")]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    /// Non-empty only for [`ErrorKind::Validation`].
    pub violations: Vec<Violation>,
    /// A stable name for what went wrong when it is not about one field
    /// (`"status_move"`, `"in_trash"`...): the UI says it in its language with `params`.
    /// Empty when the failure has no such name.
    pub code: String,
    /// The values the sentence for `code` names (`from`, `to`, `title`...).
    pub params: BTreeMap<String, String>,
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            violations: Vec::new(),
            code: String::new(),
            params: BTreeMap::new(),
        }
    }

    /// Names the failure with a stable `code` and the values its sentence needs, so that the
    /// window can say it in the user's language.
    pub fn coded(mut self, code: &str, params: &[(&str, &str)]) -> Self {
        self.code = code.to_owned();
        self.params = params
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        self
    }

    /// A validation error carrying every violation found, so that a form can mark all of
    /// its bad fields at once rather than one per attempt.
    pub fn invalid(violations: Vec<Violation>) -> Self {
        let message = violations
            .iter()
            .map(|v| v.message.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        Self {
            kind: ErrorKind::Validation,
            message,
            violations,
            code: String::new(),
            params: BTreeMap::new(),
        }
    }

    pub fn not_found(what: &str, id: &str) -> Self {
        Self::new(ErrorKind::NotFound, format!("{what} {id} was not found"))
            .coded("not_found", &[("what", what)])
    }
}

/// Collects violations while an input is checked field by field.
#[derive(Debug, Default)]
pub struct Violations(Vec<Violation>);

impl Violations {
    pub fn push(&mut self, field: &str, rule: Rule, message: impl Into<String>) {
        self.0.push(Violation::new(field, rule, message));
    }

    /// `Ok(value)` when nothing was collected, else the validation error.
    pub fn into_result<T>(self, value: T) -> Result<T, Error> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(Error::invalid(self.0))
        }
    }

    /// The validation error for what was collected.
    pub fn into_error(self) -> Error {
        Error::invalid(self.0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_kind_message_violations() {
        let error = Error::invalid(vec![Violation::new(
            "title",
            Rule::Required,
            "Title must not be empty",
        )]);
        let json = serde_json::to_value(&error).unwrap_or_default();
        assert_eq!(
            json["kind"], "validation",
            "the UI switches on a snake_case kind"
        );
        assert_eq!(json["message"], "Title must not be empty");
        assert_eq!(json["violations"][0]["field"], "title");
        assert_eq!(json["violations"][0]["rule"], "required");
    }
}
