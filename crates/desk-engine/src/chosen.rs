//! The files the user chose, kept by the shell behind opaque tokens.
//!
//! The system dialogs are opened from Rust (tauri-plugin-dialog's Rust API) and files
//! dropped on the window are received by Rust (the window's drag-drop event); either way the
//! path stays here and the window gets a [`ChosenFile`]: a random token and the file's name.
//! A command that reads or writes a file takes the token. A token chosen to open can only be
//! read, one chosen to save can only be written, and a token is gone once its file has been
//! imported, attached or written: a page cannot name a path, and cannot reuse the user's
//! choice for something else.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use desk_domain::{ChosenFile, Error, Rule, Violation};

/// What the user chose the file for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Opened in the dialog or dropped on the window: may be read.
    Read,
    /// Chosen in the save dialog: may be written.
    Write,
}

/// The tokens handed out in this run of the app.
#[derive(Default)]
pub struct Chosen {
    files: Mutex<HashMap<String, (PathBuf, Use)>>,
}

fn refused(what: &str) -> Error {
    Error::invalid(vec![Violation::new(
        "file",
        Rule::UnknownRecord,
        format!("{what}: choose the file again in the dialog or drop it on the window"),
    )])
}

impl Chosen {
    /// Keeps `path` and returns the token and name the window may know.
    pub fn register(&self, path: PathBuf, usage: Use) -> ChosenFile {
        let token = uuid::Uuid::new_v4().simple().to_string();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(token.clone(), (path, usage));
        ChosenFile { token, name }
    }

    fn find(&self, token: &str, usage: Use, take: bool) -> Result<PathBuf, Error> {
        let mut files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        match files.get(token) {
            Some((path, kept)) if *kept == usage => {
                let path = path.clone();
                if take {
                    files.remove(token);
                }
                Ok(path)
            }
            Some(_) => Err(refused(match usage {
                Use::Read => "this file was chosen to be written, not read",
                Use::Write => "this file was chosen to be read, not written",
            })),
            None => Err(refused("this is not a file chosen in this window")),
        }
    }

    /// The path of a file chosen to be read, kept for another use (a preview before the
    /// import).
    pub fn to_read(&self, token: &str) -> Result<PathBuf, Error> {
        self.find(token, Use::Read, false)
    }

    /// The path of a file chosen to be read, for its last use.
    pub fn take_to_read(&self, token: &str) -> Result<PathBuf, Error> {
        self.find(token, Use::Read, true)
    }

    /// The path of a file chosen in the save dialog, for its one use.
    pub fn take_to_write(&self, token: &str) -> Result<PathBuf, Error> {
        self.find(token, Use::Write, true)
    }
}

/// The name a save dialog suggests, without any folder a page may have put in it.
pub fn suggested_name(name: &str) -> String {
    Path::new(name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_not_a_token_and_a_token_serves_its_use_once() {
        let chosen = Chosen::default();
        for named in ["/etc/passwd", "~/.ssh/id_rsa", ""] {
            let refused = chosen
                .take_to_read(named)
                .err()
                .map(|e| e.violations[0].rule);
            assert_eq!(refused, Some(Rule::UnknownRecord), "{named}");
        }
        let read = chosen.register(PathBuf::from("/home/an/khach.xlsx"), Use::Read);
        assert_eq!(read.name, "khach.xlsx");
        assert!(!read.token.contains('/'), "the token names no path");
        assert!(
            chosen.take_to_write(&read.token).is_err(),
            "opened, not to be written"
        );
        assert_eq!(
            chosen.to_read(&read.token).ok(),
            Some(PathBuf::from("/home/an/khach.xlsx")),
            "a preview keeps the token"
        );
        assert!(chosen.take_to_read(&read.token).is_ok());
        assert!(chosen.take_to_read(&read.token).is_err(), "used once");

        let write = chosen.register(PathBuf::from("/home/an/DuToan.pdf"), Use::Write);
        assert!(
            chosen.to_read(&write.token).is_err(),
            "saved, not to be read"
        );
        assert!(chosen.take_to_write(&write.token).is_ok());
        assert_eq!(suggested_name("../../.bashrc"), ".bashrc");
        assert_eq!(suggested_name("/etc/DuToan.pdf"), "DuToan.pdf");
    }
}
