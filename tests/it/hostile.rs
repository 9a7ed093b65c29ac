//! Files crafted to hurt: workbooks that declare billions of shared strings where a text
//! search does not look, and names that are not files (a named pipe, a device, a folder).
//! Each is refused by the `desk` CLI with a message and exit status 1, never an abort and
//! never a wait.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use desk_tests::{Run, TempDb, desk, repo_root};

/// Runs `desk` in a thread and fails the test if it has not answered within 10 s (a read
/// blocked on a pipe would otherwise hang the suite).
fn desk_within(args: Vec<String>) -> Run {
    let (sent, received) = mpsc::channel();
    std::thread::spawn(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let _ = sent.send(desk(&args));
    });
    received
        .recv_timeout(Duration::from_secs(10))
        .expect("desk answered within 10 s instead of waiting")
}

fn incoming_delegation(db: &str) -> String {
    let added = desk(&[
        "--db",
        db,
        "delegation",
        "add",
        "--direction",
        "incoming",
        "--title",
        "Đoàn Bộ Giáo dục Lào",
        "--country",
        "VN",
        "--city",
        "Hà Nội",
        "--starts",
        "2026-11-02",
        "--ends",
        "2026-11-05",
    ]);
    assert_eq!(added.code, 0, "{}", added.stderr);
    added.stdout.trim().to_owned()
}

fn import_guests(db: &str, delegation: &str, file: &Path) -> Run {
    desk_within(
        [
            "--db",
            db,
            "guests",
            "import",
            "--delegation",
            delegation,
            &file.to_string_lossy(),
        ]
        .map(str::to_owned)
        .to_vec(),
    )
}

#[test]
fn crafted_shared_strings_are_refused_with_a_message_not_an_abort() {
    let db = TempDb::with_database().unwrap();
    let path = db.path.to_str().unwrap().to_owned();
    let delegation = incoming_delegation(&path);
    for crafted in ["sst-prefix.xlsx", "sst-after-comment.xlsx", "sst-late.xlsx"] {
        let file = repo_root().join("tests/fixtures/hostile").join(crafted);
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.len() < 4096, "{crafted} is a small file");
        let run = import_guests(&path, &delegation, &file);
        assert_eq!(run.code, 1, "{crafted}: {}", run.stderr);
        assert!(
            run.stderr.contains("30000000000 shared strings"),
            "{crafted} is refused by what it claims: {}",
            run.stderr
        );
        let guests = desk(&[
            "--db",
            &path,
            "--json",
            "guests",
            "list",
            "--delegation",
            &delegation,
        ]);
        assert!(
            !guests.stdout.contains("Nguyễn Văn An"),
            "{crafted}: nothing was imported"
        );
    }
}

#[test]
fn a_pipe_a_device_and_a_folder_are_refused_at_once() {
    let db = TempDb::with_database().unwrap();
    let path = db.path.to_str().unwrap().to_owned();
    let delegation = incoming_delegation(&path);
    let fifo = db.dir.path().join("guests.xlsx");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let fifo_text = fifo.to_string_lossy().into_owned();

    let run = import_guests(&path, &delegation, &fifo);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("a named pipe"), "{}", run.stderr);

    let run = import_guests(&path, &delegation, Path::new("/dev/zero"));
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("a device"), "{}", run.stderr);

    let run = import_guests(&path, &delegation, db.dir.path());
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("a folder"), "{}", run.stderr);

    for args in [
        vec!["--db", &path, "import", &fifo_text],
        vec!["--db", &path, "rates", "import", &fifo_text],
    ] {
        let run = desk_within(args.iter().map(|a| (*a).to_owned()).collect());
        assert_eq!(run.code, 1, "{args:?}");
        assert!(
            run.stderr.contains("a named pipe"),
            "{args:?}: {}",
            run.stderr
        );
    }
}
