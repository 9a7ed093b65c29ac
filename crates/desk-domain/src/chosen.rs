//! Files the user chose in a system dialog or dropped on the window, as the window knows
//! them: an opaque token and the file's name, never a path. The shell keeps the path behind
//! each token; a command that reads or writes a file takes the token, so a page that names
//! a path of its own (`/etc/passwd`, `~/.bashrc`) names nothing the shell will open.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A file the user chose: the token to hand back to a command, and its name to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChosenFile {
    pub token: String,
    /// The file's name without its folder, for the window to show.
    pub name: String,
}

/// A filter of the system dialog: a label and the extensions it shows (without dots).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FileFilter {
    pub name: String,
    pub extensions: Vec<String>,
}
