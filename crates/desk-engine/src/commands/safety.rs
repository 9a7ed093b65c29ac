//! Safe at rest: the unlock and recovery screens, the backups list with Restore, and the
//! key's recovery sheet. The window sees backup names, never paths.

use std::path::Path;

use super::prelude::*;

/// The names the window may see: the file name of each backup, not its folder.
fn named(backups: Vec<BackupInfo>) -> Vec<BackupInfo> {
    backups
        .into_iter()
        .map(|mut b| {
            b.file = Path::new(&b.file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            b
        })
        .collect()
}

fn status(desk: &Desk) -> Result<DatabaseStatus> {
    Ok(DatabaseStatus {
        problem: desk.problem()?,
        name: desk
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        backups: named(desk_store::backups::list(desk.path())?),
    })
}

commands! {
    pub fn database_status(desk) -> DatabaseStatus {
        status(desk)
    }

    /// The unlock screen: the key typed from the recovery sheet. Once it opens the database it
    /// is kept in the keyring (else a key file beside the database) so the next start needs no
    /// typing; a key file the user named is never overwritten (it may be another database's).
    pub fn unlock_database(desk, key: String) -> DatabaseStatus {
        let key = desk_store::Key::from_hex(&key).ok_or_else(|| {
            Error::invalid(vec![Violation::new(
                "key",
                Rule::InvalidFormat,
                "The key is the 64 letters and digits (0-9, A-F) of the recovery sheet",
            )])
        })?;
        desk.reopen(Some(&key))?;
        desk_store::KeyChoice::default().keep(desk.path(), &key)?;
        status(desk)
    }

    pub fn list_backups(desk) -> Vec<BackupInfo> {
        Ok(named(desk_store::backups::list(desk.path())?))
    }

    pub fn make_backup(desk) -> BackupInfo {
        let made = desk
            .store()?
            .backup(desk_store::BackupReason::Manual)?
            .ok_or_else(|| Error::new(ErrorKind::Storage, "a database in memory has no backups"))?;
        named(vec![made])
            .pop()
            .ok_or_else(|| Error::new(ErrorKind::Internal, "the backup was not listed"))
    }

    /// Restores the backup named `file` (a name from the list, inside the backups folder only).
    pub fn restore_backup(desk, file: String) -> DatabaseStatus {
        let chosen = desk_store::backups::list(desk.path())?
            .into_iter()
            .find(|b| b.verified && Path::new(&b.file).file_name() == Some(file.as_ref()))
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::NotFound,
                    format!("there is no verified backup named {file}"),
                )
            })?;
        let key = match desk.store() {
            Ok(store) => store.key().cloned(),
            Err(_) => None,
        };
        let key = match key {
            Some(key) => key,
            None => desk.keys().find(desk.path())?.0,
        };
        // The connection closes before its file is replaced.
        desk.close(Error::new(
            ErrorKind::Damaged,
            "the database is being restored",
        ))?;
        desk_store::backups::restore(desk.path(), &key, Path::new(&chosen.file))?;
        desk.reopen(Some(&key))?;
        status(desk)
    }

    /// The recovery sheet's text, shown in Settings → Security to print.
    pub fn recovery_sheet(desk) -> String {
        let store = desk.store()?;
        let key = store
            .key()
            .ok_or_else(|| Error::new(ErrorKind::Internal, "a database in memory has no key"))?;
        Ok(desk_ops::recovery_sheet(
            desk.path(),
            key,
            chrono::Local::now().date_naive(),
        ))
    }

    /// Writes the recovery sheet (0600) where the user chose in the save dialog (`file` is its
    /// token).
    pub fn save_recovery_sheet(desk, file: String) -> () {
        let text = {
            let store = desk.store()?;
            let key = store.key().ok_or_else(|| {
                Error::new(ErrorKind::Internal, "a database in memory has no key")
            })?;
            desk_ops::recovery_sheet(desk.path(), key, chrono::Local::now().date_naive())
        };
        let path = desk.chosen.take_to_write(&file)?;
        desk_ops::write_private_file(&path, text.as_bytes())
    }

    /// Imports a Delegation Desk export (JSON) the user chose, all or nothing, reporting the
    /// records written down `on_progress`; `cancel_work` with the same `work` id stops it and
    /// the database is left exactly as it was. The office's settings are kept unless
    /// `replace_settings`.
    pub fn import_data_file(
        desk,
        file: String,
        replace_settings: bool,
        work: String,
        on_progress: ProgressChannel,
    ) -> () {
        let path = desk.chosen.take_to_read(&file)?;
        // Watched from the start: a Cancel while the file is read is heard too.
        let watch = desk.watch(&work, &on_progress);
        // Read and parsed before the store is locked: the window stays usable meanwhile.
        let data = desk_ops::read_exchange(&path)?;
        if progress::Reporter::is_cancelled(&watch) {
            return Err(progress::cancelled());
        }
        let mode = if replace_settings {
            desk_store::SettingsMode::Replace
        } else {
            desk_store::SettingsMode::Keep
        };
        desk.store()?.import_reporting(&data, mode, &watch)?;
        Ok(())
    }

    /// Asks the work `id` to stop where stopping leaves nothing changed; nothing happens when
    /// it has already ended.
    pub fn cancel_work(desk, id: String) -> () {
        desk.work.cancel(&id);
        Ok(())
    }
}
