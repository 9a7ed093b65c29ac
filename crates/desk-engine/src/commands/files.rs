//! The system's open and save dialogs, which the window opens at the engine's request, so
//! that the chosen path never reaches the page: it gets a token and the file's name (see
//! `crate::chosen`). Each dialog blocks the call's own thread until the person answers.

use super::prelude::*;
use crate::chosen::{Use, suggested_name};

commands! {
    /// Asks the user for one file (or several) to open; an empty list when they cancel.
    pub fn choose_open_files(desk, filters: Vec<FileFilter>, multiple: bool) -> Vec<ChosenFile> {
        let picked = desk.dialogs().pick_files(filters, multiple)?;
        Ok(picked
            .into_iter()
            .map(|p| desk.chosen.register(p, Use::Read))
            .collect())
    }

    /// Asks the user where to save, suggesting `file_name` (a name only: any folder in it is
    /// dropped); `None` when they cancel.
    pub fn choose_save_file(
        desk,
        file_name: String,
        filters: Vec<FileFilter>,
    ) -> Option<ChosenFile> {
        let picked = desk.dialogs().save_file(&suggested_name(&file_name), filters)?;
        Ok(picked.map(|p| desk.chosen.register(p, Use::Write)))
    }
}
