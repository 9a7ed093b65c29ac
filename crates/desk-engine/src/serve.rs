//! `desk engine`: the loop that serves one window through its standard input and output.
//!
//! Each call runs on a thread of its own, as each command ran on a worker thread of the
//! window before: a long import does not hold up the page's next call, `cancel_work`
//! reaches the import it names, and the store's mutex orders what touches the database.
//! The engine ends when the window closes its end of the pipe (the window asks for the
//! automatic sync first, see [`internal::EXIT`]).
//!
//! When no call has come for [`AT_REST_AFTER`], the engine gives back what it keeps only
//! for speed ([`Desk::rest`]), as the page's JavaScript engine collects its heap a few
//! seconds after the page stops working.

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::time::{Duration, Instant};

use desk_domain::engine::{Dialog, FromEngine, ToEngine, internal};
use desk_domain::progress::Progress;
use desk_domain::{ChosenFile, Error, ErrorKind};

use crate::chosen::Use;
use crate::state::{Desk, database_path, guarded, key_choice};
use crate::window::Window;

/// Serves the window on standard input and output until the window goes. `args` are the
/// window's own (`--db FILE`, `--key-file FILE`), with a program name first.
pub fn serve(args: Vec<OsString>) -> ExitCode {
    serve_on(args, std::io::stdin().lock(), Box::new(std::io::stdout()))
}

/// [`serve`] on any pair of streams: the window's messages come in on `input`, the
/// engine's go out on `output`.
pub fn serve_on(
    args: Vec<OsString>,
    mut input: impl BufRead,
    output: Box<dyn Write + Send>,
) -> ExitCode {
    let out = Arc::new(Out {
        output: Mutex::new(output),
    });
    let (path, default_place) = match database_path(args.clone()) {
        Ok(found) => found,
        Err(message) => {
            out.send(&FromEngine::Fatal { message });
            return ExitCode::from(2);
        }
    };
    let window = Arc::new(PipeWindow {
        out: Arc::clone(&out),
        asks: Mutex::default(),
        next: AtomicU64::new(1),
    });
    let desk = Desk::open(path, key_choice(args), default_place, window.clone());
    // A small file is checked in full now, before the first call is read: damage opens the
    // recovery screen. A large one waits for the window's `@check_beside_the_window`,
    // as the day's backup does (`Desk::beside_the_window`).
    let check_later = desk.check_on_open();
    let desk = Arc::new(desk);
    // Today's agenda is read while WebKit makes the window, not after its page asks.
    let ahead = Arc::clone(&desk);
    std::thread::spawn(move || {
        ahead.read_agenda_ahead(chrono::Local::now().date_naive());
    });

    let activity = Arc::new(Mutex::new(Activity::default()));
    let resting = (Arc::clone(&desk), Arc::clone(&activity));
    std::thread::spawn(move || rest_when_idle(&resting.0, &resting.1));

    let mut line = String::new();
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => return ExitCode::SUCCESS,
            Ok(_) => {}
        }
        match serde_json::from_str::<ToEngine>(&line) {
            Ok(ToEngine::Call { id, name, args }) => {
                let desk = Arc::clone(&desk);
                let out = Arc::clone(&out);
                let activity = Arc::clone(&activity);
                // Counted before its thread starts, so the engine cannot rest in between.
                Activity::begins(&activity);
                std::thread::spawn(move || {
                    let result = guarded(|| run(&desk, &name, args, check_later));
                    Activity::ends(&activity);
                    out.send(&reply(id, result));
                });
            }
            Ok(ToEngine::Answer { id, paths }) => window.answer(id, paths),
            Err(e) => eprintln!("desk engine: a line from the window is not a message: {e}"),
        }
    }
}

/// How long the window goes without a call before the engine rests. Long enough that a
/// person moving between screens keeps the pages already read; short enough that a
/// window left open gives back what a year's statistics read before anyone looks.
const AT_REST_AFTER: Duration = Duration::from_secs(5);

/// The calls running, when the last one ended, and whether the engine has rested since.
#[derive(Default)]
struct Activity {
    running: usize,
    last_ended: Option<Instant>,
    rested: bool,
}

impl Activity {
    fn begins(activity: &Mutex<Self>) {
        let mut now = activity.lock().unwrap_or_else(PoisonError::into_inner);
        now.running += 1;
        now.rested = false;
    }

    fn ends(activity: &Mutex<Self>) {
        let mut now = activity.lock().unwrap_or_else(PoisonError::into_inner);
        now.running = now.running.saturating_sub(1);
        now.last_ended = Some(Instant::now());
    }

    /// True, once, when nothing has run for [`AT_REST_AFTER`] since the last call.
    fn time_to_rest(&mut self) -> bool {
        let due = self.running == 0
            && !self.rested
            && self
                .last_ended
                .is_some_and(|t| t.elapsed() >= AT_REST_AFTER);
        self.rested |= due;
        due
    }
}

/// Looks once a second whether the window is at rest; runs as long as the engine.
fn rest_when_idle(desk: &Desk, activity: &Mutex<Activity>) {
    loop {
        std::thread::sleep(Duration::from_secs(1));
        let due = activity
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .time_to_rest();
        if due {
            desk.rest();
        }
    }
}

/// One call: the window's own, or a command of the page.
fn run(
    desk: &Desk,
    name: &str,
    args: serde_json::Value,
    check_later: bool,
) -> Result<serde_json::Value, Error> {
    match name {
        internal::DROPPED => {
            let paths: Vec<PathBuf> = args
                .get("paths")
                .and_then(|p| serde_json::from_value(p.clone()).ok())
                .unwrap_or_default();
            let files: Vec<ChosenFile> = paths
                .into_iter()
                .map(|p| desk.chosen.register(p, Use::Read))
                .collect();
            serde_json::to_value(files).map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))
        }
        internal::CHECK => Ok(serde_json::Value::Bool(desk.beside_the_window(check_later))),
        internal::EXIT => {
            crate::commands::sync_on_exit(desk);
            Ok(serde_json::Value::Null)
        }
        _ => crate::commands::call(desk, name, args).unwrap_or_else(|| {
            Err(Error::new(
                ErrorKind::Internal,
                format!("Command {name} not found"),
            ))
        }),
    }
}

fn reply(id: u64, result: Result<serde_json::Value, Error>) -> FromEngine {
    let as_text = result.and_then(|value| {
        serde_json::value::to_raw_value(&value)
            .map_err(|e| Error::new(ErrorKind::Internal, format!("the answer is not JSON: {e}")))
    });
    let (ok, err) = match as_text {
        Ok(text) => (Some(text), None),
        Err(error) => (None, serde_json::value::to_raw_value(&error).ok()),
    };
    FromEngine::Reply { id, ok, err }
}

/// The way out to the window, one whole message per line whichever thread writes.
struct Out {
    output: Mutex<Box<dyn Write + Send>>,
}

impl Out {
    fn send(&self, message: &FromEngine) {
        let Ok(mut line) = serde_json::to_string(message) else {
            return;
        };
        line.push('\n');
        let mut output = self.output.lock().unwrap_or_else(PoisonError::into_inner);
        // A window that has gone reads nothing more; the engine ends at its input's end.
        let _ = output
            .write_all(line.as_bytes())
            .and_then(|()| output.flush());
    }
}

/// The window at the other end of the pipe.
struct PipeWindow {
    out: Arc<Out>,
    /// The dialogs open, by the id of their question, with where their answer goes.
    asks: Mutex<HashMap<u64, mpsc::Sender<Vec<String>>>>,
    next: AtomicU64,
}

impl PipeWindow {
    fn answer(&self, id: u64, paths: Vec<String>) {
        let waiting = self
            .asks
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&id);
        if let Some(waiting) = waiting {
            let _ = waiting.send(paths);
        }
    }
}

impl Window for PipeWindow {
    fn ask(&self, dialog: Dialog) -> Result<Vec<PathBuf>, Error> {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let (tx, rx) = mpsc::channel();
        self.asks
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(id, tx);
        self.out.send(&FromEngine::Ask { id, dialog });
        // A window that goes away while its dialog is open has cancelled it.
        Ok(rx
            .recv()
            .unwrap_or_default()
            .into_iter()
            .map(PathBuf::from)
            .collect())
    }

    fn progress(&self, channel: &str, progress: Progress) {
        self.out.send(&FromEngine::Progress {
            channel: channel.to_owned(),
            data: serde_json::to_value(progress).unwrap_or_default(),
        });
    }
}
