//! Shared helpers for the workspace's one integration-test binary (`it/main.rs`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The repository's top folder.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

/// A database path in a fresh temporary folder, with a key file for it (`test.key`, the
/// tests never touch the user's keyring); the folder goes when the guard drops.
pub struct TempDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub key_file: PathBuf,
}

impl TempDb {
    /// The path only: no database is there yet.
    pub fn new() -> std::io::Result<Self> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("desk.sqlite");
        let key_file = key_file_for(&path);
        Ok(Self {
            dir,
            path,
            key_file,
        })
    }

    /// A path holding a new empty encrypted database (as `desk init` leaves it).
    pub fn with_database() -> std::io::Result<Self> {
        let db = Self::new()?;
        drop(db.create());
        Ok(db)
    }

    /// The database's key (the key file is made on first use, as `desk init` would).
    pub fn key(&self) -> desk_store::Key {
        let choice = desk_store::KeyChoice {
            file: Some(self.key_file.clone()),
        };
        match choice.create(&self.path) {
            Ok((key, _)) => key,
            Err(e) => panic!("the test key file {}: {e}", self.key_file.display()),
        }
    }

    /// A new empty encrypted database at the path.
    pub fn create(&self) -> desk_store::Store {
        match desk_store::Store::create(&self.path, &self.key()) {
            Ok(store) => store,
            Err(e) => panic!("creating {}: {e}", self.path.display()),
        }
    }

    /// The database at the path, opened with its key.
    pub fn open(&self) -> desk_store::Store {
        match desk_store::Store::open(&self.path, &self.key()) {
            Ok(store) => store,
            Err(e) => panic!("opening {}: {e}", self.path.display()),
        }
    }

    /// The path as text, for `desk --db`.
    pub fn arg(&self) -> &str {
        self.path.to_str().unwrap_or_default()
    }
}

/// The key file the tests give a database: `test.key` in its folder.
pub fn key_file_for(db: &Path) -> PathBuf {
    db.with_file_name("test.key")
}

/// What one run of `desk` printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the `desk` CLI in-process with `args` (without the program name). A `--db FILE`
/// gets `--key-file` with the test key file beside it unless the arguments name one, so no
/// test reaches the user's keyring.
pub fn desk(args: &[&str]) -> Run {
    let mut argv: Vec<OsString> = vec!["desk".into()];
    argv.extend(args.iter().map(OsString::from));
    if !args.iter().any(|a| a.starts_with("--key-file"))
        && let Some(i) = args.iter().position(|a| *a == "--db")
        && let Some(db) = args.get(i + 1)
    {
        argv.push("--key-file".into());
        argv.push(key_file_for(Path::new(db)).into_os_string());
    }
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let code = desk_cli::run(argv, &mut stdout, &mut stderr);
    Run {
        code,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// The arguments of `desk <command> --delegation <delegation>` on the database at `db`, with
/// `more` after: the form of every command about one delegation.
pub fn delegation_args<'a>(
    db: &'a str,
    command: &[&'a str],
    delegation: &'a str,
    more: &[&'a str],
) -> Vec<&'a str> {
    let mut args = vec!["--db", db];
    args.extend_from_slice(command);
    args.extend_from_slice(&["--delegation", delegation]);
    args.extend_from_slice(more);
    args
}

/// A new incoming delegation in `store` (the 2017 INELI-ASEAN session in Hà Nội) and a guest
/// list of `rows` guests numbered from `first` for it, read as the window reads a partner's
/// CSV (`desk_store::testing::guest_list_csv`).
pub fn delegation_and_guest_list(
    store: &mut desk_store::Store,
    first: usize,
    rows: usize,
) -> (String, desk_domain::hosting::GuestSheet) {
    let mut input = desk_domain::DelegationInput::new(
        desk_domain::Direction::Incoming,
        "Phiên họp INELI-ASEAN",
        "VN",
        "2017-11-27",
        "2017-11-30",
    );
    input.cities = "Hà Nội".into();
    let delegation = match store.create_delegation(&input) {
        Ok(made) => made.id,
        Err(e) => panic!("the delegation: {e}"),
    };
    let csv = desk_store::testing::guest_list_csv(first, rows);
    match desk_exchange::read_guests(
        "guests.csv",
        csv.as_bytes(),
        &desk_exchange::ReadOptions::default(),
    ) {
        Ok(sheet) => (delegation, sheet),
        Err(e) => panic!("the guest list: {e}"),
    }
}

/// Runs a poppler tool (`pdftotext`, `pdfinfo`, `pdffonts`) on a PDF and returns what it
/// printed. Poppler is installed by `scripts/test.sh`; its absence fails the test loudly.
pub fn poppler(tool: &str, pdf: &Path, extra: &[&str]) -> String {
    let output = std::process::Command::new(tool)
        .args(extra)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| {
            panic!("{tool} must be installed (apt-get install poppler-utils): {e}")
        });
    assert!(
        output.status.success(),
        "{tool} failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of a PDF, in reading order.
pub fn pdf_text(pdf: &Path) -> String {
    poppler("pdftotext", pdf, &["-layout"])
}

/// A new database holding the demo, and the id of its first delegation going `direction`
/// (`outgoing`: the 2016 Singapore trip; `incoming`: the 2017 Hà Nội session).
pub fn demo_delegation(direction: &str) -> (TempDb, String, String) {
    let Ok(db) = TempDb::new() else {
        panic!("no temporary folder for the demo database")
    };
    let path = db.path.to_str().unwrap_or_default().to_owned();
    let made = desk(&["--db", &path, "demo"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let list = desk(&["--db", &path, "--json", "delegation", "list"]);
    let parsed: serde_json::Value = serde_json::from_str(&list.stdout).unwrap_or_default();
    let id = parsed
        .as_array()
        .and_then(|all| all.iter().find(|d| d["direction"] == direction))
        .and_then(|d| d["id"].as_str())
        .unwrap_or_default()
        .to_owned();
    assert!(
        !id.is_empty(),
        "the demo has an {direction} delegation: {}",
        list.stdout
    );
    (db, path, id)
}
