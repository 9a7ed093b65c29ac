//! Why a file could not be read or written. Each message names the file's problem in words a
//! user can act on (which limit, which sheet, which row).

use desk_domain::{Error, ErrorKind, Rule, Violation};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExchangeError {
    /// The file, a part of it, or a sheet is larger than the reader accepts.
    #[error("{0}")]
    TooLarge(String),
    /// The file is not of a kind the reader understands, or is damaged.
    #[error("{0}")]
    Unreadable(String),
    /// The sheet was read but has no usable header row or no sheet of that name.
    #[error("{0}")]
    Layout(String),
    /// A mapping file names a field that does not exist, or is not JSON.
    #[error("{0}")]
    Mapping(String),
    /// Writing a spreadsheet failed.
    #[error("{0}")]
    Write(String),
}

impl From<ExchangeError> for Error {
    fn from(error: ExchangeError) -> Self {
        let (field, rule) = match &error {
            ExchangeError::TooLarge(_) => ("file", Rule::TooLarge),
            ExchangeError::Unreadable(_) => ("file", Rule::InvalidFormat),
            ExchangeError::Layout(_) => ("sheet", Rule::InvalidFormat),
            ExchangeError::Mapping(_) => ("mapping", Rule::InvalidFormat),
            ExchangeError::Write(_) => return Error::new(ErrorKind::Io, error.to_string()),
        };
        Error::invalid(vec![Violation::new(field, rule, error.to_string())])
    }
}
