//! The system's open and save dialogs, opened from here so that the chosen path never
//! reaches the window: it gets a token and the file's name (see `crate::chosen`). Each
//! dialog blocks a worker thread, never the main one, until the user answers.

use tauri::Window;
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

use super::prelude::*;
use crate::chosen::{Use, suggested_name};

fn dialog(window: &Window, filters: &[FileFilter]) -> FileDialogBuilder<tauri::Wry> {
    let mut dialog = window.dialog().file().set_parent(window);
    for filter in filters {
        let extensions: Vec<&str> = filter.extensions.iter().map(String::as_str).collect();
        dialog = dialog.add_filter(&filter.name, &extensions);
    }
    dialog
}

/// Asks the user for one file (or several) to open; an empty list when they cancel.
#[tauri::command]
pub fn choose_open_files(
    window: Window,
    desk: State<'_, Desk>,
    filters: Vec<FileFilter>,
    multiple: bool,
) -> Result<Vec<ChosenFile>> {
    crate::state::guarded(|| {
        let dialog = dialog(&window, &filters);
        let picked = if multiple {
            dialog.blocking_pick_files().unwrap_or_default()
        } else {
            dialog.blocking_pick_file().into_iter().collect()
        };
        Ok(picked
            .into_iter()
            .filter_map(|p| p.into_path().ok())
            .map(|p| desk.chosen.register(p, Use::Read))
            .collect())
    })
}

/// Asks the user where to save, suggesting `file_name` (a name only: any folder in it is
/// dropped); `None` when they cancel.
#[tauri::command]
pub fn choose_save_file(
    window: Window,
    desk: State<'_, Desk>,
    file_name: String,
    filters: Vec<FileFilter>,
) -> Result<Option<ChosenFile>> {
    crate::state::guarded(|| {
        let picked = dialog(&window, &filters)
            .set_file_name(suggested_name(&file_name))
            .blocking_save_file();
        Ok(picked
            .and_then(|p| p.into_path().ok())
            .map(|p| desk.chosen.register(p, Use::Write)))
    })
}
