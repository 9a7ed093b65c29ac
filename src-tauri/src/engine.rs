//! The window's engine: the `desk` binary beside the window app, run as `desk engine` with
//! the window's own arguments, which does every command of the page (see `desk_engine`).
//!
//! The window forwards each call of the page as it came (name and JSON arguments), keeps
//! the call's resolver until the engine replies, sends the engine's progress to the page's
//! channels, and opens the system dialogs the engine asks for. If the engine ends (a crash
//! on a crafted file, a killed process) the calls it held fail with an error of kind
//! `internal` and the next call starts a new engine: the window stays open.

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, mpsc};
use std::time::Duration;

use desk_domain::engine::{Dialog, FromEngine, ToEngine};
use desk_domain::{Error, ErrorKind};
use serde_json::Value;
use serde_json::value::RawValue;
use tauri::ipc::{Channel, InvokeBody, InvokeResolver, JavaScriptChannelId, Response};
use tauri::{AppHandle, Manager, Wry};
use tauri_plugin_dialog::DialogExt;

/// mimalloc's variables for the engine (`desk` allocates with mimalloc:
/// `crates/desk-cli/src/main.rs`): freed pages go back to the system at once, and its arenas
/// are committed as they are used rather than whole. With mimalloc's defaults the engine held
/// 44 MiB at rest and 100 after a walk through every screen; with these, 23 and 47 (glibc:
/// 23 and 61-63; twenty synthetic years, 4 Dec 2026).
const ALLOCATOR_SETTINGS: [(&str, &str); 2] = [
    ("MIMALLOC_PURGE_DELAY", "0"),
    ("MIMALLOC_ARENA_EAGER_COMMIT", "0"),
];

/// The engine, started at once and again after it ends.
pub struct Engine {
    program: PathBuf,
    args: Vec<OsString>,
    running: Mutex<Option<Running>>,
    next: AtomicU64,
    /// The page's progress channels, by the name the page gave each.
    channels: Arc<Mutex<HashMap<String, Channel<Value>>>>,
    /// Set once Tauri has made the app: the dialogs open over its window.
    app: OnceLock<AppHandle>,
}

/// One engine process and what it owes the window.
struct Running {
    stdin: Arc<Mutex<ChildStdin>>,
    pending: Arc<Mutex<HashMap<u64, Waiting>>>,
    child: Child,
}

/// Who waits for a reply.
enum Waiting {
    /// The page: its resolver, and the channels it passed.
    Page {
        resolver: Box<InvokeResolver<Wry>>,
        channels: Vec<String>,
    },
    /// The window itself (a dropped file, the check, the close).
    Window(mpsc::Sender<Result<Value, Value>>),
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// An error as the page knows errors, of kind `internal`; `code` names it for the page's
/// sentence in its language (empty when the page has none).
fn failure(message: String, code: &str) -> Value {
    serde_json::to_value(Error::new(ErrorKind::Internal, message).coded(code, &[]))
        .unwrap_or_default()
}

impl Engine {
    /// The engine for a window started with `args` (its own command line, program first).
    /// It starts now, so the database opens while WebKit makes the window.
    pub fn start(args: Vec<OsString>) -> Arc<Self> {
        let program = std::env::current_exe()
            .map(|exe| exe.with_file_name("desk"))
            .unwrap_or_else(|_| PathBuf::from("desk"));
        let engine = Arc::new(Self {
            program,
            args: args.into_iter().skip(1).collect(),
            running: Mutex::new(None),
            next: AtomicU64::new(1),
            channels: Arc::default(),
            app: OnceLock::new(),
        });
        let mut running = lock(&engine.running);
        if let Err(message) = engine.ensure_running(&mut running) {
            eprintln!("delegation-desk: {message}");
        }
        drop(running);
        engine
    }

    /// Tells the engine which app it serves (for its dialogs).
    pub fn serve_app(&self, app: AppHandle) {
        let _ = self.app.set(app);
    }

    fn ensure_running(self: &Arc<Self>, running: &mut Option<Running>) -> Result<(), String> {
        if let Some(current) = running.as_mut() {
            match current.child.try_wait() {
                Ok(None) => return Ok(()),
                _ => *running = None,
            }
        }
        let mut command = Command::new(&self.program);
        for (variable, value) in ALLOCATOR_SETTINGS {
            // A setting of the person running the app is kept.
            if std::env::var_os(variable).is_none() {
                command.env(variable, value);
            }
        }
        let mut child = command
            .arg("engine")
            .args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            // The page is not told where the program is: no path reaches it.
            .map_err(|e| format!("the engine (desk, beside the window app) did not start: {e}"))?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            return Err("the engine has no pipes".to_owned());
        };
        let stdin = Arc::new(Mutex::new(stdin));
        let pending: Arc<Mutex<HashMap<u64, Waiting>>> = Arc::default();
        let reader = Reader {
            engine: Arc::clone(self),
            stdin: Arc::clone(&stdin),
            pending: Arc::clone(&pending),
        };
        std::thread::spawn(move || reader.run(stdout));
        *running = Some(Running {
            stdin,
            pending,
            child,
        });
        Ok(())
    }

    /// Sends a call; `waiting` gets its reply (or the engine's end).
    fn send(self: &Arc<Self>, name: &str, args: Value, waiting: Waiting) {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let mut running = lock(&self.running);
        if let Err(message) = self.ensure_running(&mut running) {
            drop(running);
            waiting.fail(failure(message, "engine_missing"), &self.channels);
            return;
        }
        let Some(current) = running.as_ref() else {
            return;
        };
        lock(&current.pending).insert(id, waiting);
        let call = ToEngine::Call {
            id,
            name: name.to_owned(),
            args,
        };
        if !write_line(&current.stdin, &call) {
            // The engine has gone: its reader fails what it held, this call included.
            let _ = running.as_mut().map(|r| r.child.kill());
        }
    }

    /// Forwards a call of the page. A name the page may not use (the window's own, which
    /// begin with `@`) is refused here; Tauri's permissions refuse any other name outside
    /// the IPC contract before the call reaches this point.
    pub fn forward(self: &Arc<Self>, invoke: tauri::ipc::Invoke<Wry>) {
        let name = invoke.message.command().to_owned();
        let resolver = invoke.resolver;
        if name.starts_with('@') {
            resolver.reject(failure(format!("Command {name} not found"), ""));
            return;
        }
        let args = match invoke.message.payload() {
            InvokeBody::Json(args) => args.clone(),
            InvokeBody::Raw(_) => {
                resolver.reject(failure(format!("Command {name} takes JSON arguments"), ""));
                return;
            }
        };
        // The page's channels (long work's progress): kept here, named to the engine.
        let mut channels = Vec::new();
        if let Value::Object(values) = &args {
            for value in values.values() {
                if let Some(Ok(id)) = value.as_str().map(JavaScriptChannelId::from_str) {
                    let channel = id.channel_on(invoke.message.webview());
                    let key = value.as_str().unwrap_or_default().to_owned();
                    lock(&self.channels).insert(key.clone(), channel);
                    channels.push(key);
                }
            }
        }
        let resolver = Box::new(resolver);
        self.send(&name, args, Waiting::Page { resolver, channels });
    }

    /// A call of the window's own, waited for at most `patience`.
    pub fn ask(self: &Arc<Self>, name: &str, args: Value, patience: Duration) -> Option<Value> {
        let (tx, rx) = mpsc::channel();
        self.send(name, args, Waiting::Window(tx));
        rx.recv_timeout(patience).ok().and_then(Result::ok)
    }

    /// Ends the engine: its standard input closes and it ends its loop.
    pub fn stop(&self) {
        if let Some(mut running) = lock(&self.running).take() {
            drop(running.stdin);
            let _ = running.child.wait();
        }
    }
}

impl Waiting {
    fn fail(self, error: Value, channels: &Mutex<HashMap<String, Channel<Value>>>) {
        match serde_json::value::to_raw_value(&error) {
            Ok(error) => self.reply(Err(error), channels),
            Err(_) => self.reply(Err(RawValue::NULL.to_owned()), channels),
        }
    }

    /// Hands the answer on: to the page as the JSON text the engine wrote (a tree of it is
    /// never built here), or to the window's own caller as a value.
    fn reply(
        self,
        result: Result<Box<RawValue>, Box<RawValue>>,
        channels: &Mutex<HashMap<String, Channel<Value>>>,
    ) {
        match self {
            Waiting::Page {
                resolver,
                channels: used,
            } => {
                let mut open = lock(channels);
                for key in used {
                    open.remove(&key);
                }
                drop(open);
                match result {
                    Ok(text) => {
                        resolver.resolve(Response::new(Box::<str>::from(text).into_string()))
                    }
                    Err(error) => resolver.reject(error),
                }
            }
            Waiting::Window(tx) => {
                let value =
                    |text: Box<RawValue>| serde_json::from_str(text.get()).unwrap_or_default();
                let _ = tx.send(result.map(value).map_err(value));
            }
        }
    }
}

fn write_line(stdin: &Mutex<ChildStdin>, message: &ToEngine) -> bool {
    let Ok(mut line) = serde_json::to_string(message) else {
        return false;
    };
    line.push('\n');
    let mut stdin = lock(stdin);
    stdin
        .write_all(line.as_bytes())
        .and_then(|()| stdin.flush())
        .is_ok()
}

/// Reads one engine's messages until it ends.
struct Reader {
    engine: Arc<Engine>,
    stdin: Arc<Mutex<ChildStdin>>,
    pending: Arc<Mutex<HashMap<u64, Waiting>>>,
}

impl Reader {
    fn run(self, stdout: std::process::ChildStdout) {
        let mut lines = BufReader::new(stdout);
        let mut line = String::new();
        loop {
            line.clear();
            match lines.read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            match serde_json::from_str::<FromEngine>(&line) {
                Ok(message) => self.take(message),
                Err(e) => {
                    eprintln!("delegation-desk: a line from the engine is not a message: {e}")
                }
            }
        }
        // The engine has ended: what it held fails, and the next call starts another.
        let held: Vec<Waiting> = lock(&self.pending).drain().map(|(_, w)| w).collect();
        for waiting in held {
            waiting.fail(
                failure(
                    "the engine stopped before it answered, and what the call was writing was \
                     not kept; try again"
                        .to_owned(),
                    "engine_stopped",
                ),
                &self.engine.channels,
            );
        }
    }

    fn take(&self, message: FromEngine) {
        match message {
            FromEngine::Reply { id, ok, err } => {
                let waiting = lock(&self.pending).remove(&id);
                if let Some(waiting) = waiting {
                    let result = match err {
                        Some(error) => Err(error),
                        None => Ok(ok.unwrap_or_else(|| RawValue::NULL.to_owned())),
                    };
                    waiting.reply(result, &self.engine.channels);
                }
            }
            FromEngine::Progress { channel, data } => {
                if let Some(channel) = lock(&self.engine.channels).get(&channel) {
                    // A page that went away no longer listens; the work goes on.
                    let _ = channel.send(data);
                }
            }
            FromEngine::Ask { id, dialog } => {
                let app = self.engine.app.get().cloned();
                let stdin = Arc::clone(&self.stdin);
                // A dialog blocks until the person answers: never on this reader.
                std::thread::spawn(move || {
                    let paths = app.map(|app| open_dialog(&app, dialog)).unwrap_or_default();
                    write_line(&stdin, &ToEngine::Answer { id, paths });
                });
            }
            FromEngine::Fatal { message } => {
                eprintln!("delegation-desk: {message}");
                std::process::exit(2);
            }
        }
    }
}

/// Opens the system dialog over the window and waits for the person's answer.
fn open_dialog(app: &AppHandle, dialog: Dialog) -> Vec<String> {
    let mut builder = app.dialog().file();
    if let Some(window) = app.get_webview_window("main") {
        builder = builder.set_parent(&window);
    }
    let filtered = |mut builder: tauri_plugin_dialog::FileDialogBuilder<Wry>,
                    filters: &[desk_domain::FileFilter]| {
        for filter in filters {
            let extensions: Vec<&str> = filter.extensions.iter().map(String::as_str).collect();
            builder = builder.add_filter(&filter.name, &extensions);
        }
        builder
    };
    let picked = match dialog {
        Dialog::Open { filters, multiple } => {
            let builder = filtered(builder, &filters);
            if multiple {
                builder.blocking_pick_files().unwrap_or_default()
            } else {
                builder.blocking_pick_file().into_iter().collect()
            }
        }
        Dialog::Save { file_name, filters } => filtered(builder, &filters)
            .set_file_name(file_name)
            .blocking_save_file()
            .into_iter()
            .collect(),
        Dialog::Folder => builder.blocking_pick_folder().into_iter().collect(),
    };
    picked
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .filter_map(|p| p.into_os_string().into_string().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A call the engine could not answer is an error the page says in its language, and
    /// names no path.
    #[test]
    fn a_call_the_engine_did_not_answer_is_a_coded_error() {
        let stopped = failure("the engine stopped".to_owned(), "engine_stopped");
        assert_eq!(stopped["kind"], "internal");
        assert_eq!(stopped["code"], "engine_stopped");
        assert!(stopped["violations"].as_array().is_some_and(Vec::is_empty));

        let engine = Arc::new(Engine {
            program: PathBuf::from("/nowhere/desk"),
            args: Vec::new(),
            running: Mutex::new(None),
            next: AtomicU64::new(1),
            channels: Arc::default(),
            app: OnceLock::new(),
        });
        let (tx, rx) = mpsc::channel();
        engine.send("app_info", Value::Null, Waiting::Window(tx));
        let missing = rx
            .recv_timeout(Duration::from_secs(5))
            .ok()
            .and_then(Result::err);
        let missing = missing.unwrap_or_default();
        assert_eq!(missing["code"], "engine_missing", "{missing}");
        assert!(
            !missing.to_string().contains("/nowhere"),
            "no path: {missing}"
        );
    }
}
