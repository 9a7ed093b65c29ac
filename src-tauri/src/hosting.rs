//! The guest file the user chose (in the system dialog or by dropping it), read by the
//! shell with its kind and size checked first: the web view has no file-system access.

use std::path::Path;

use desk_domain::Error;

use crate::files::file_name;

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
