//! Files written whole or not at all: beside the target first, flushed to the disk (the file
//! and its folder), then renamed into place. On any failure the partial file is removed and
//! the message names the disk that refused ("no space left on /media/usb").

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use desk_domain::{Error, ErrorKind};

/// Writes `bytes` to `path` whole: a failed write never leaves half a document where the
/// user expects one, nor a partial file beside it.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_whole(path, bytes, false)
}

/// As [`write_file`], readable by its owner only (a recovery sheet holds the database key).
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_whole(path, bytes, true)
}

fn write_whole(path: &Path, bytes: &[u8], private: bool) -> Result<(), Error> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let written = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        if private {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&partial)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&partial, path)?;
        sync_folder(path);
        Ok::<(), std::io::Error>(())
    })();
    written.map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        failure(path, &e)
    })
}

/// Flushes the folder's entry list so the rename survives a power cut (best effort: some
/// file systems cannot open a folder for sync).
fn sync_folder(path: &Path) {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}

/// The error of a failed write, naming the disk when it is full.
fn failure(path: &Path, e: &std::io::Error) -> Error {
    match e.kind() {
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => Error::new(
            ErrorKind::Io,
            format!(
                "no space left on {} to write {}; nothing was written there",
                mount_point(path).display(),
                path.display()
            ),
        ),
        _ => Error::new(ErrorKind::Io, format!("{}: {e}", path.display())),
    }
}

/// The mount point holding `path`: the highest folder above it on the same device.
pub fn mount_point(path: &Path) -> PathBuf {
    let start = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let folder = start.parent().unwrap_or(&start).to_path_buf();
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(device) = std::fs::metadata(&folder).map(|m| m.dev()) else {
            return folder;
        };
        let mut top = folder.clone();
        for above in folder.ancestors().skip(1) {
            match std::fs::metadata(above) {
                Ok(m) if m.dev() == device => top = above.to_path_buf(),
                _ => break,
            }
        }
        top
    }
    #[cfg(not(unix))]
    folder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_leaves_the_file_and_no_partial() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = dir.path().join("a.txt");
        write_file(&target, b"hello").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&target).ok(), Some(b"hello".to_vec()));
        assert!(!dir.path().join("a.txt.partial").exists());
    }

    #[test]
    fn a_write_into_a_missing_folder_fails_naming_the_file_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let target = dir.path().join("no/such/folder/a.txt");
        let error = write_file(&target, b"x").err().map(|e| e.message);
        assert!(error.is_some_and(|m| m.contains("a.txt")));
        assert_eq!(
            std::fs::read_dir(dir.path()).map(|d| d.count()).ok(),
            Some(0)
        );
    }
}
