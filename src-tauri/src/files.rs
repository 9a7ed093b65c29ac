//! Small helpers of the commands: file names and kinds of the files the user chose (see
//! `chosen`), `data:` URLs, dates typed in the window, document options.

use std::path::Path;

use base64::Engine;
use desk_domain::{Error, Rule, Violation};

pub fn file_name(path: &Path) -> String {
    path.file_name()
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
pub fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}
