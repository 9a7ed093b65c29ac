//! The window's engine as the window meets it: messages in, messages out, one JSON line
//! each. A call gets its reply, a dialog is asked of the window and its answer becomes a
//! token (the path never comes back), a name outside the contract is refused, and the
//! engine ends when the window closes the pipe.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};

use desk_domain::engine::{Dialog, FromEngine, ToEngine, internal};
use desk_tests::TempDb;
use serde_json::{Value, json};

/// An engine served on pipes, as `desk engine` is by the window.
struct Engine {
    to: std::io::PipeWriter,
    from: BufReader<std::io::PipeReader>,
    served: std::thread::JoinHandle<std::process::ExitCode>,
}

impl Engine {
    fn on(db: &TempDb) -> Self {
        let (in_reader, to) = std::io::pipe().unwrap();
        let (from, out_writer) = std::io::pipe().unwrap();
        let args: Vec<OsString> = vec![
            "delegation-desk".into(),
            "--db".into(),
            db.path.clone().into(),
            "--key-file".into(),
            db.key_file.clone().into(),
        ];
        let served = std::thread::spawn(move || {
            desk_engine::serve_on(args, BufReader::new(in_reader), Box::new(out_writer))
        });
        Self {
            to,
            from: BufReader::new(from),
            served,
        }
    }

    fn send(&mut self, message: &ToEngine) {
        let mut line = serde_json::to_string(message).unwrap();
        line.push('\n');
        self.to.write_all(line.as_bytes()).unwrap();
    }

    fn call(&mut self, id: u64, name: &str, args: Value) {
        let name = name.to_owned();
        self.send(&ToEngine::Call { id, name, args });
    }

    fn next(&mut self) -> FromEngine {
        let mut line = String::new();
        self.from.read_line(&mut line).unwrap();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"))
    }

    /// The reply to `id`: its value or its error.
    fn reply(&mut self, id: u64) -> Result<Value, Value> {
        match self.next() {
            FromEngine::Reply {
                id: replied,
                ok,
                err,
            } if replied == id => {
                let value = |text: Box<serde_json::value::RawValue>| {
                    serde_json::from_str::<Value>(text.get()).unwrap()
                };
                match err {
                    Some(error) => Err(value(error)),
                    None => Ok(ok.map_or(Value::Null, value)),
                }
            }
            other => panic!("expected the reply to {id}, got {other:?}"),
        }
    }
}

#[test]
fn a_call_is_answered_and_a_name_outside_the_contract_is_refused() {
    let db = TempDb::with_database().unwrap();
    let mut engine = Engine::on(&db);
    engine.call(1, "app_info", json!({}));
    let info = engine.reply(1).unwrap();
    assert!(info["schema_version"].as_u64().unwrap_or(0) > 0, "{info}");

    engine.call(2, "trash_delegation", json!({ "id": "no-such-trip" }));
    let refused = engine.reply(2).unwrap_err();
    assert_eq!(refused["kind"], "not_found", "{refused}");
    assert!(
        refused["violations"].is_array(),
        "an error as the page knows errors"
    );

    engine.call(3, "read_any_file", json!({ "path": "/etc/passwd" }));
    let unknown = engine.reply(3).unwrap_err();
    assert_eq!(unknown["kind"], "internal");
    assert!(unknown["message"].as_str().unwrap().contains("not found"));

    engine.call(4, "get_delegation", json!({ "id": 12 }));
    let wrong = engine.reply(4).unwrap_err();
    assert!(
        wrong["message"].as_str().unwrap().contains("`id`"),
        "the argument is named: {wrong}"
    );

    drop(engine.to);
    let ended = engine.served.join();
    assert!(ended.is_ok(), "the engine ends when the window goes");
}

#[test]
fn the_days_backup_waits_for_the_first_screen_and_is_made_beside_the_window() {
    let db = TempDb::with_database().unwrap();
    let daily = || {
        desk_store::backups::list(&db.path)
            .unwrap()
            .iter()
            .filter(|b| b.reason == "daily" && b.verified)
            .count()
    };
    assert_eq!(daily(), 0, "a new database has no backup");
    let mut engine = Engine::on(&db);
    // The first screen's calls are answered before any copy is made: of a twenty-year file
    // the copy takes about a minute.
    let shown = json!({ "overdue": 50, "due_soon": 50, "info": 50 });
    engine.call(1, "today_agenda", json!({ "shown": shown }));
    assert!(engine.reply(1).unwrap().is_object());
    assert_eq!(
        daily(),
        0,
        "the first screen does not wait for the day's backup"
    );

    // The window says its page has loaded: the check, then the day's backup.
    engine.call(2, internal::CHECK, json!({}));
    assert_eq!(engine.reply(2).unwrap(), json!(false), "no damage");
    assert_eq!(daily(), 1, "the day's backup, verified");
    engine.call(3, internal::CHECK, json!({}));
    engine.reply(3).unwrap();
    assert_eq!(daily(), 1, "one a day");
}

#[test]
fn a_dialog_is_asked_of_the_window_and_its_answer_comes_back_as_a_token() {
    let db = TempDb::with_database().unwrap();
    let chosen = db.dir.path().join("khách.xlsx");
    std::fs::write(&chosen, b"not a workbook").unwrap();
    let mut engine = Engine::on(&db);

    let filters = json!([{ "name": "Excel", "extensions": ["xlsx"] }]);
    engine.call(
        1,
        "choose_open_files",
        json!({ "filters": filters, "multiple": false }),
    );
    let asked = match engine.next() {
        FromEngine::Ask { id, dialog } => {
            let Dialog::Open { filters, multiple } = dialog else {
                panic!("an open dialog: {dialog:?}");
            };
            assert_eq!(filters[0].extensions, ["xlsx"]);
            assert!(!multiple);
            id
        }
        other => panic!("the window is asked for a dialog, got {other:?}"),
    };
    let path = chosen.to_str().unwrap().to_owned();
    engine.send(&ToEngine::Answer {
        id: asked,
        paths: vec![path.clone()],
    });
    let files = engine.reply(1).unwrap();
    assert_eq!(files[0]["name"], "khách.xlsx");
    assert!(
        !files.to_string().contains(db.dir.path().to_str().unwrap()),
        "no path goes back to the page: {files}"
    );

    // A cancelled dialog is an empty answer.
    engine.call(
        2,
        "choose_save_file",
        json!({ "fileName": "a.pdf", "filters": [] }),
    );
    let FromEngine::Ask { id, .. } = engine.next() else {
        panic!("a save dialog");
    };
    engine.send(&ToEngine::Answer { id, paths: vec![] });
    assert_eq!(engine.reply(2), Ok(Value::Null));

    // A file dropped on the window gets a token too; the page may not name the window's own
    // calls (the window refuses them), but the engine serves them to the window.
    engine.call(3, internal::DROPPED, json!({ "paths": [path] }));
    let dropped = engine.reply(3).unwrap();
    assert_eq!(dropped[0]["name"], "khách.xlsx");
    assert_ne!(
        dropped[0]["token"], files[0]["token"],
        "each choice has its own token"
    );
}
