//! What the engine asks of the window it serves: a system dialog (only a window can open
//! one over itself) and the progress of long work, for the page's channel. `serve` answers
//! through the pipe to the window; the tests and the terminal have no window.

use std::path::PathBuf;

use desk_domain::engine::Dialog;
use desk_domain::progress::Progress;
use desk_domain::{Error, FileFilter};

/// The window, as the engine sees it.
pub trait Window: Send + Sync {
    /// Opens `dialog` over the window and waits for the person: the paths chosen, none when
    /// they cancelled.
    fn ask(&self, dialog: Dialog) -> Result<Vec<PathBuf>, Error>;

    /// Tells the page's `channel` how far the work is.
    fn progress(&self, channel: &str, progress: Progress);
}

/// No window: every dialog is cancelled, progress goes nowhere.
pub struct NoWindow;

impl Window for NoWindow {
    fn ask(&self, _dialog: Dialog) -> Result<Vec<PathBuf>, Error> {
        Ok(Vec::new())
    }

    fn progress(&self, _channel: &str, _progress: Progress) {}
}

/// The dialogs a command opens, in the words commands use.
pub struct Dialogs<'a>(pub &'a dyn Window);

impl Dialogs<'_> {
    /// One file to open, of the kind `filter` shows.
    pub fn pick_file(&self, filter: FileFilter) -> Result<Option<PathBuf>, Error> {
        Ok(self.pick_files(vec![filter], false)?.into_iter().next())
    }

    /// Files to open (one unless `multiple`).
    pub fn pick_files(
        &self,
        filters: Vec<FileFilter>,
        multiple: bool,
    ) -> Result<Vec<PathBuf>, Error> {
        self.0.ask(Dialog::Open { filters, multiple })
    }

    /// Where to save, suggesting `file_name`.
    pub fn save_file(
        &self,
        file_name: &str,
        filters: Vec<FileFilter>,
    ) -> Result<Option<PathBuf>, Error> {
        let dialog = Dialog::Save {
            file_name: file_name.to_owned(),
            filters,
        };
        Ok(self.0.ask(dialog)?.into_iter().next())
    }

    /// A folder.
    pub fn pick_folder(&self) -> Result<Option<PathBuf>, Error> {
        Ok(self.0.ask(Dialog::Folder)?.into_iter().next())
    }
}
