//! Many machines: the shared folder (chosen in the system's folder dialog, so its path never
//! reaches the window), Sync now, and the conflicts a person settles. A sync reads and
//! writes files and derives a key on purpose slowly: like every command, it runs on a
//! worker thread.

use super::prelude::*;

fn status(desk: &Desk) -> Result<SyncStatus> {
    let kept = desk_store::keys::sync_passphrase(desk.path()).is_some();
    Ok(desk.store()?.sync_status(kept)?)
}

/// The automatic sync as the window closes: the process syncs before it ends (the window
/// is already gone), when this device syncs by itself. What fails is left for next time.
pub fn sync_on_exit(desk: &Desk) {
    let passphrase = desk_store::keys::sync_passphrase(desk.path());
    if let Ok(mut store) = desk.store()
        && let Some(Err(error)) = store.sync_if_automatic(passphrase.as_deref())
    {
        eprintln!("delegation-desk: the sync at close did not finish: {error}");
    }
}

/// The window never sees a path: a message that names a file of the folder names it from
/// the folder's own name on (`shared/0190…/000000000004.change`).
fn without_folder(mut error: Error, folder: &Option<std::path::PathBuf>) -> Error {
    if let Some(folder) = folder {
        let name = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let full = folder.display().to_string();
        error.message = error.message.replace(&full, &name);
    }
    error
}

commands! {
    pub fn sync_status(desk) -> SyncStatus {
        status(desk)
    }

    /// The folder dialog; the status unchanged when the user cancels.
    pub fn choose_sync_folder(desk) -> SyncStatus {
        let picked = desk.dialogs().pick_folder()?;
        if let Some(folder) = picked {
            desk.store()?.choose_sync_folder(&folder)?;
        }
        status(desk)
    }

    /// One sync with the chosen folder. A passphrase typed in the window is kept in the
    /// system keyring once it has opened the folder, so it is typed once per machine.
    pub fn sync_now(desk, passphrase: Option<String>) -> SyncReport {
        let typed = passphrase.filter(|p| !p.is_empty());
        let Some(pass) = typed
            .clone()
            .or_else(|| desk_store::keys::sync_passphrase(desk.path()))
        else {
            return Err(Error::invalid(vec![Violation::new(
                "passphrase",
                Rule::Required,
                "Type the office's sync passphrase",
            )]));
        };
        let mut store = desk.store()?;
        let folder = store.sync_folder()?;
        let report = store
            .sync(None, &pass)
            .map_err(|e| without_folder(e.into(), &folder))?;
        if let Some(typed) = typed {
            desk_store::keys::keep_sync_passphrase(desk.path(), &typed);
        }
        Ok(report)
    }

    pub fn set_auto_sync(desk, on: bool) -> SyncStatus {
        desk.store()?.set_auto_sync(on)?;
        status(desk)
    }

    pub fn list_conflicts(desk) -> Vec<SyncConflict> {
        Ok(desk.store()?.conflicts()?)
    }

    pub fn resolve_conflict(desk, id: String, keep: Keep) -> SyncConflict {
        Ok(desk.store()?.resolve_conflict(&id, keep)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sync_message_names_files_from_the_folder_on_never_its_path() {
        let folder = Some(std::path::PathBuf::from("/home/dung/Sync/hop-tac"));
        let error = Error::new(
            ErrorKind::Damaged,
            "/home/dung/Sync/hop-tac/0190a/000000000004.change was changed, cut short or sealed \
             with another passphrase",
        );
        let shown = without_folder(error, &folder);
        assert!(!shown.message.contains("/home/dung"), "{}", shown.message);
        assert!(
            shown
                .message
                .starts_with("hop-tac/0190a/000000000004.change")
        );
    }
}
