//! Files only their owner may read: the database, its WAL, backups and key files are 0600,
//! and the folders this app creates for them are 0700.

use std::fs::{File, OpenOptions};
use std::path::Path;

use crate::StoreError;

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Creates `folder` (and its parents) if missing; a folder created here is 0700. An existing
/// folder is left as the user made it, except the app's own data folder and `backups`.
pub fn create_folder(folder: &Path) -> Result<(), StoreError> {
    if folder.as_os_str().is_empty() {
        return Ok(());
    }
    let existed = folder.is_dir();
    std::fs::create_dir_all(folder).map_err(io(folder))?;
    let ours = folder
        .file_name()
        .is_some_and(|n| n == crate::APP_FOLDER || n == "backups");
    if !existed || ours {
        restrict(folder, 0o700)?;
    }
    Ok(())
}

/// Opens `path` for writing from empty, readable by its owner only.
pub fn create_file(path: &Path) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path).map_err(io(path))?;
    restrict(path, 0o600)?;
    Ok(file)
}

/// Writes `bytes` as `file` whole or not at all: into `file.partial`, flushed, renamed over
/// `file`, and the rename flushed with its folder. `owner_only` makes it 0600 (a key file);
/// otherwise it is readable as the folder's files are (the office's shared sync folder).
pub fn write_whole(file: &Path, bytes: &[u8], owner_only: bool) -> Result<(), StoreError> {
    use std::io::Write;
    let mut partial = file.as_os_str().to_owned();
    partial.push(".partial");
    let partial = std::path::PathBuf::from(partial);
    let mut out = if owner_only {
        create_file(&partial)?
    } else {
        File::create(&partial).map_err(io(&partial))?
    };
    out.write_all(bytes)
        .and_then(|()| out.sync_all())
        .map_err(io(&partial))?;
    drop(out);
    std::fs::rename(&partial, file).map_err(io(file))?;
    sync_folder_of(file);
    Ok(())
}

/// Sets the permission bits (on Unix; elsewhere the user's profile folder is private).
pub fn restrict(path: &Path, mode: u32) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).map_err(io(path))?;
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
    Ok(())
}

/// Makes every file of this database 0600 (the database, its -wal and -shm, its key file).
pub fn restrict_database(db: &Path) {
    for suffix in ["", "-wal", "-shm", ".key"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let path = std::path::PathBuf::from(name);
        if path.exists() {
            // Best effort: a file we cannot chmod is one we do not own, and opening it says so.
            let _ = restrict(&path, 0o600);
        }
    }
}

/// Flushes a folder's entry list, so a rename in it survives a power cut.
pub fn sync_folder_of(path: &Path) {
    if let Some(parent) = path.parent() {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        // Not every file system lets a folder be opened for sync; the rename is then as
        // durable as that file system makes it.
        if let Ok(folder) = File::open(parent) {
            let _ = folder.sync_all();
        }
    }
}
