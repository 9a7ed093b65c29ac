//! Small helpers of the commands: file names and kinds of the files the user chose (see
//! `chosen`), a guest file read with its kind and size checked first (the web view has no
//! file-system access), `data:` URLs.

use std::path::Path;

use base64::Engine;
use desk_domain::Error;

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

/// Writes a money paper to the file the user chose (its token): the workbook when the
/// file's name ends in `.xlsx`, the official PDF otherwise.
pub fn export_by_extension(
    desk: &crate::state::Desk,
    file: &str,
    xlsx: impl FnOnce(&desk_store::Store) -> Result<Vec<u8>, Error>,
    pdf: impl FnOnce(&desk_store::Store) -> Result<Vec<u8>, Error>,
) -> Result<(), Error> {
    let path = desk.chosen.take_to_write(file)?;
    let store = desk.store()?;
    let bytes = if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        xlsx(&store)?
    } else {
        pdf(&store)?
    };
    desk_ops::write_file(&path, &bytes)
}

/// The file's name and bytes, refused before reading when it is not a regular file or is
/// larger than the guest-list readers accept.
pub fn guest_file(path: &Path) -> Result<(String, Vec<u8>), Error> {
    let max = desk_ops::hosting::max_guest_file_bytes();
    Ok((
        file_name(path),
        desk_ops::files::read_file(path, "file", max)?,
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use desk_domain::Rule;

    use super::*;

    #[test]
    fn a_guest_file_too_large_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let huge = dir.path().join("huge.xlsx");
        let file = std::fs::File::create(&huge).unwrap();
        // Sparse: the size is claimed, nothing is written.
        file.set_len(desk_ops::hosting::max_guest_file_bytes() + 1)
            .unwrap();
        let refused = guest_file(&huge).unwrap_err();
        assert_eq!(refused.violations[0].rule, Rule::TooLarge, "{refused:?}");
    }
}
