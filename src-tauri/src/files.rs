//! Small helpers of the commands: file names and kinds of the files the user chose (see
//! `chosen`), `data:` URLs, document options.

use std::path::Path;

use base64::Engine;

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

/// XLSX when the chosen file says so, PDF otherwise.
pub fn is_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}
