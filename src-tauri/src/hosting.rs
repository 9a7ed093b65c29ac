//! The guest file the user pointed at (chosen in the system dialog or typed), read by the
//! shell with its size checked first: the web view has no file-system access.

use desk_domain::Error;

use crate::files::{file_name, read_limited};

/// The file's name and bytes, refused before reading when it is larger than the guest-list
/// readers accept.
pub fn guest_file(path: &str) -> Result<(String, Vec<u8>), Error> {
    let max = usize::try_from(desk_ops::hosting::max_guest_file_bytes()).unwrap_or(usize::MAX);
    Ok((file_name(path), read_limited(path, max)?))
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
        let refused = guest_file(&huge.to_string_lossy()).unwrap_err();
        assert_eq!(refused.violations[0].rule, Rule::TooLarge, "{refused:?}");
    }
}
