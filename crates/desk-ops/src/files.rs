//! Files the user named, read and written safely.
//!
//! Reading: only a regular file is read. A folder, a device (`/dev/zero` never ends) or a
//! named pipe (opening a FIFO for reading waits for a writer that may never come) is refused
//! by its metadata before it is opened; the file is then opened without blocking and checked
//! again through its handle, so a name swapped for a pipe in between is refused too. The size
//! is checked before a byte is read, and the reading stops at the limit should the file grow.
//!
//! Writing: whole or not at all: beside the target first, flushed to the disk (the file and
//! its folder), then renamed into place. On any failure the partial file is removed and the
//! message names the disk that refused ("no space left on /media/usb").

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use desk_domain::{Error, ErrorKind, Rule, Violation};

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

fn io(path: &Path, e: &std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{}: {e}", path.display()))
}

fn not_a_file(field: &str, path: &Path, what: &str) -> Error {
    Error::invalid(vec![Violation::new(
        field,
        Rule::InvalidFormat,
        format!(
            "{} is {what}, not a file; only regular files are read",
            path.display()
        ),
    )])
}

/// What a non-regular file is, in words.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a named pipe";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: should the name have become a pipe since it was checked, the open returns
    // at once instead of waiting for a writer; on a regular file the flag changes nothing.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// The bytes of the regular file at `path`, refused (naming `field`) if it is not a
/// regular file or if it is larger than `max` bytes.
pub fn read_file(path: &Path, field: &str, max: u64) -> Result<Vec<u8>, Error> {
    let meta = std::fs::metadata(path).map_err(|e| io(path, &e))?;
    if !meta.is_file() {
        return Err(not_a_file(field, path, kind_of(&meta)));
    }
    let file = open_without_blocking(path).map_err(|e| io(path, &e))?;
    let meta = file.metadata().map_err(|e| io(path, &e))?;
    if !meta.is_file() {
        return Err(not_a_file(field, path, kind_of(&meta)));
    }
    let size = meta.len();
    if size > max {
        return Err(too_large(field, path, size, max));
    }
    let mut content = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max + 1)
        .read_to_end(&mut content)
        .map_err(|e| io(path, &e))?;
    if content.len() as u64 > max {
        return Err(too_large(field, path, content.len() as u64, max));
    }
    Ok(content)
}

/// The text of the regular file at `path` (UTF-8), with the same checks as [`read_file`].
pub fn read_text(path: &Path, field: &str, max: u64) -> Result<String, Error> {
    let bytes = read_file(path, field, max)?;
    String::from_utf8(bytes).map_err(|_| {
        Error::invalid(vec![Violation::new(
            field,
            Rule::InvalidFormat,
            format!("{} is not UTF-8 text", path.display()),
        )])
    })
}

fn too_large(field: &str, path: &Path, size: u64, max: u64) -> Error {
    Error::invalid(vec![Violation::new(
        field,
        Rule::TooLarge,
        format!(
            "{} is {:.1} MB; files of at most {:.1} MB are read",
            path.display(),
            size as f64 / 1e6,
            max as f64 / 1e6
        ),
    )])
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

    fn refusal(path: &Path) -> String {
        match read_file(path, "file", 1024) {
            Ok(_) => String::new(),
            Err(e) => e.to_string() + &format!("{:?}", e.violations),
        }
    }

    #[test]
    fn a_folder_and_a_device_are_refused_and_a_file_is_read() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let folder = refusal(dir.path());
        assert!(folder.contains("a folder"), "{folder}");
        let device = refusal(Path::new("/dev/zero"));
        assert!(
            device.contains("a device"),
            "/dev/zero never ends: {device}"
        );
        let file = dir.path().join("list.csv");
        std::fs::write(&file, b"a,b\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read_file(&file, "file", 1024).ok(), Some(b"a,b\n".to_vec()));
        let big = refusal(&file).is_empty();
        assert!(big, "a small file is read");
        let limited = read_file(&file, "file", 2)
            .err()
            .map(|e| e.violations[0].rule);
        assert_eq!(limited, Some(Rule::TooLarge), "larger than the limit");
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_refused_at_once_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let fifo = dir.path().join("guests.xlsx");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap_or_else(|e| panic!("mkfifo: {e}"));
        assert!(made.success());
        let started = std::time::Instant::now();
        let message = refusal(&fifo);
        assert!(message.contains("a named pipe"), "{message}");
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
    }
}
