//! The messages between the window and its engine, one JSON object per line.
//!
//! The window app is a thin shell: every command of the page runs in the engine, a child
//! process (`desk engine`) that holds the database, reads and writes the files, draws the
//! papers and signs them. The window forwards each call as it came from the page (its name
//! and its arguments as JSON) and hands the answer back; the engine asks the window for the
//! one thing only a window can do, a system dialog, and sends the progress of long work.
//! A crafted spreadsheet or PDF that brought the engine down would take one call with it,
//! never the window, and the window app carries none of the code that reads them.
//!
//! Paths cross this pipe (a dialog's answer, a dropped file); the pipe is private to the two
//! processes, and the page still only ever sees tokens (see [`crate::chosen`]).

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::chosen::FileFilter;

/// The names of the calls only the window makes (never the page): each begins with `@`,
/// which no command of the IPC contract does, and the window refuses any such name that
/// comes from the page.
pub mod internal {
    /// Files dropped on the window: `{ paths }` → the `ChosenFile`s the page may know.
    pub const DROPPED: &str = "@dropped";
    /// Once the page has loaded: the quick check of a large database, the day's backup if
    /// it is due, the full check if no backup was made → true on damage.
    pub const CHECK: &str = "@check_beside_the_window";
    /// The window is closing: the automatic sync, then the engine may end.
    pub const EXIT: &str = "@exit";
}

/// A line the window writes to the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ToEngine {
    /// Run the command `name` with `args` (the page's JSON object, keys in camelCase).
    Call {
        id: u64,
        name: String,
        args: serde_json::Value,
    },
    /// The person's answer to [`FromEngine::Ask`]: the paths chosen, none when cancelled.
    Answer { id: u64, paths: Vec<String> },
}

/// A line the engine writes to the window.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FromEngine {
    /// The answer to the call `id`: its value, or the error as the page knows errors
    /// (`{ kind, message, violations, code, params }`). Kept as JSON text: the window passes
    /// it to the page as it is (a year's statistics is megabytes).
    Reply {
        id: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ok: Option<Box<RawValue>>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        err: Option<Box<RawValue>>,
    },
    /// Progress of long work, for the page's channel named by the call's argument.
    Progress {
        channel: String,
        data: serde_json::Value,
    },
    /// Open a system dialog over the window and answer with [`ToEngine::Answer`].
    Ask { id: u64, dialog: Dialog },
    /// The engine cannot start (a usage error on the command line): the window says why on
    /// stderr and ends, as the app did before it had an engine.
    Fatal { message: String },
}

/// A system dialog the engine needs answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dialog {
    /// Files to open (one unless `multiple`).
    Open {
        filters: Vec<FileFilter>,
        multiple: bool,
    },
    /// Where to save, suggesting `file_name` (a name only).
    Save {
        file_name: String,
        filters: Vec<FileFilter>,
    },
    /// A folder.
    Folder,
}

impl FileFilter {
    /// A filter from a label and extensions without dots.
    pub fn of(name: &str, extensions: &[&str]) -> Self {
        Self {
            name: name.to_owned(),
            extensions: extensions.iter().map(|e| (*e).to_owned()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One message per line: whatever the arguments hold, a message never spans two lines,
    /// and reads back as written.
    #[test]
    fn a_message_is_one_line_and_reads_back() {
        let call = ToEngine::Call {
            id: 7,
            name: "save_report".to_owned(),
            args: serde_json::json!({ "text": "dòng một\ndòng hai\r\n\u{2028}" }),
        };
        let line = serde_json::to_string(&call).unwrap_or_default();
        assert!(!line.contains('\n') && !line.contains('\r'), "{line}");
        assert_eq!(serde_json::from_str::<ToEngine>(&line).ok(), Some(call));
        let ask = FromEngine::Ask {
            id: 1,
            dialog: Dialog::Save {
                file_name: "BaoCao.pdf".to_owned(),
                filters: vec![FileFilter::of("PDF", &["pdf"])],
            },
        };
        let line = serde_json::to_string(&ask).unwrap_or_default();
        let back = serde_json::from_str::<FromEngine>(&line).ok();
        assert_eq!(
            back.and_then(|m| serde_json::to_string(&m).ok()),
            Some(line)
        );
        let reply = r#"{"reply":{"id":3,"ok":{"rows":[1,2],"note":"a\nb"}}}"#;
        let Ok(FromEngine::Reply { ok: Some(ok), .. }) = serde_json::from_str(reply) else {
            panic!("a reply reads back");
        };
        assert_eq!(
            ok.get(),
            r#"{"rows":[1,2],"note":"a\nb"}"#,
            "the answer as its text"
        );
    }
}
