//! Reading files the user pointed at (through the system dialog or by dropping them on the
//! window). The web view never reads files itself: it has no file-system plugin.

use std::io::Read;

use base64::Engine;
use desk_domain::{Error, ErrorKind, Rule, Violation};

/// A file the shell was asked to read could not be.
pub fn io_error(path: &str, error: &std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{path}: {error}"))
}

/// The file's bytes, refused before reading if it is larger than `max` bytes.
pub fn read_limited(path: &str, max: usize) -> Result<Vec<u8>, Error> {
    let file = std::fs::File::open(path).map_err(|e| io_error(path, &e))?;
    let size = file.metadata().map_err(|e| io_error(path, &e))?.len();
    if size > max as u64 {
        return Err(Error::invalid(vec![Violation::new(
            "content",
            Rule::TooLarge,
            format!(
                "{} is {} MiB; files of at most {} MiB are read",
                file_name(path),
                size / (1024 * 1024),
                max / (1024 * 1024)
            ),
        )]));
    }
    let mut content = Vec::with_capacity(size as usize);
    // `take` guards against a file that grows while it is read.
    file.take(max as u64 + 1)
        .read_to_end(&mut content)
        .map_err(|e| io_error(path, &e))?;
    Ok(content)
}

pub fn file_name(path: &str) -> String {
    std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

pub fn data_url(media_type: &str, content: &[u8]) -> String {
    format!(
        "data:{media_type};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(content)
    )
}

/// A date argument of a command, or a validation error naming it.
pub fn iso_date(field: &str, text: &str) -> Result<chrono::NaiveDate, Error> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        Error::invalid(vec![Violation::new(
            field,
            Rule::InvalidDate,
            format!("{field} must be a date written YYYY-MM-DD, not \"{text}\""),
        )])
    })
}

/// XLSX when the chosen file says so, PDF otherwise.
pub fn is_xlsx(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".xlsx")
}

/// An official document dated today, its number left blank for the registry.
pub fn document_options(language: desk_domain::Language) -> desk_ops::DocumentOptions {
    desk_ops::DocumentOptions {
        language,
        number: 0,
        date: chrono::Local::now().date_naive(),
    }
}
