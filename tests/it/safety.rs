//! Safe at rest (issue 11): the database encrypted with its key in a key file or the keyring,
//! refused untouched with a wrong key, never created by a slip, backed up and checked,
//! damage detected and restored, personal values kept out of the audit trail, imports that
//! never replace the settings unasked, exports that never leave half a file.

use std::path::{Path, PathBuf};

use desk_tests::{TempDb, delegation_and_guest_list, desk};

/// A passport number and a Vietnamese name no file on disk may show.
const PASSPORT: &str = "C7654321";
const NAME: &str = "Nguyễn Thị Hằng";

/// `desk person add` for the person above, whose details no file on disk may show.
const ADD_PERSON: [&str; 8] = [
    "person",
    "add",
    "--name",
    NAME,
    "--passport",
    PASSPORT,
    "--born",
    "1980-05-17",
];

fn add_person(db: &str) -> String {
    let added = desk(&[&["--db", db][..], &ADD_PERSON, &["--nationality", "VN"]].concat());
    assert_eq!(added.code, 0, "{}", added.stderr);
    added.stdout.trim().to_owned()
}

/// Every file under `dir` (the database, its -wal and -shm, backups, key files...).
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// No file under `dir` holds the passport number, the name, or a plaintext SQLite header.
fn assert_nothing_readable(dir: &Path) {
    let files = files_under(dir);
    assert!(!files.is_empty());
    for file in files {
        let bytes = std::fs::read(&file).unwrap();
        let shown = file.display();
        assert!(
            !contains(&bytes, PASSPORT.as_bytes()),
            "{shown} shows the passport"
        );
        assert!(!contains(&bytes, NAME.as_bytes()), "{shown} shows the name");
        assert!(
            !contains(&bytes, "Hằng".as_bytes()),
            "{shown} shows part of the name"
        );
        assert!(
            !bytes.starts_with(b"SQLite format 3"),
            "{shown} is a plaintext database"
        );
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_new_database_its_wal_and_backups_show_nothing_personal_and_only_to_their_owner() {
    let dir = tempfile::tempdir().unwrap();
    let office = dir.path().join("office");
    let db = office.join("desk.sqlite");
    let key = dir.path().join("keys").join("desk.key");
    let (db_arg, key_arg) = (db.to_str().unwrap(), key.to_str().unwrap());
    let init = desk(&["--db", db_arg, "--key-file", key_arg, "init"]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    assert!(init.stdout.contains("encrypted"), "{}", init.stdout);
    let key_text = std::fs::read_to_string(&key).unwrap();
    assert_eq!(
        key_text.trim().len(),
        64,
        "the key file holds 64 hex characters"
    );
    assert!(key_text.trim().chars().all(|c| c.is_ascii_hexdigit()));

    let run = |args: &[&str]| {
        let mut all = vec!["--db", db_arg, "--key-file", key_arg];
        all.extend_from_slice(args);
        desk(&all)
    };
    let added = run(&ADD_PERSON);
    assert_eq!(added.code, 0, "{}", added.stderr);
    let made = run(&["backup"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    // The record is there for whoever has the key.
    let shown = run(&["--json", "person", "list"]);
    assert!(shown.stdout.contains(PASSPORT), "{}", shown.stdout);

    // ...and nowhere on disk in a form anyone else reads, the WAL and backups included.
    let store = desk_store::Store::open(&db, &key_of(&key)).unwrap();
    assert!(
        db.with_file_name("desk.sqlite-wal").exists(),
        "the WAL is there to scan"
    );
    assert_nothing_readable(&office);
    drop(store);
    assert_nothing_readable(&office);

    #[cfg(unix)]
    {
        assert_eq!(mode(&office), 0o700, "the folder made for the database");
        assert_eq!(mode(&office.join("backups")), 0o700, "the backups folder");
        assert_eq!(mode(&key), 0o600, "the key file");
        for file in files_under(&office) {
            assert_eq!(mode(&file), 0o600, "{}", file.display());
        }
    }
}

fn key_of(file: &Path) -> desk_store::Key {
    desk_store::Key::from_hex(&std::fs::read_to_string(file).unwrap()).unwrap()
}

#[test]
fn a_wrong_key_is_refused_naming_its_file_and_the_database_is_byte_for_byte_unchanged() {
    let db = TempDb::with_database().unwrap();
    add_person(db.arg());
    let before = std::fs::read(&db.path).unwrap();
    let listing = |dir: &Path| {
        let mut names: Vec<_> = files_under(dir)
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        names.sort();
        names
    };
    let wrong = db.dir.path().join("wrong.key");
    std::fs::write(&wrong, format!("{}\n", "ab".repeat(32))).unwrap();
    let files_before = listing(db.dir.path());
    let with_wrong_key = |command: &[&str]| {
        let key_file = ["--db", db.arg(), "--key-file", wrong.to_str().unwrap()];
        desk(&[&key_file[..], command].concat())
    };
    let refused = with_wrong_key(&["person", "list"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains(&format!(
            "this database is encrypted and the key in {} does not open it",
            wrong.display()
        )),
        "{}",
        refused.stderr
    );
    assert!(
        !refused.stderr.contains("hmac"),
        "no SQLCipher log: {}",
        refused.stderr
    );
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        before,
        "byte for byte unchanged"
    );
    assert_eq!(
        listing(db.dir.path()),
        files_before,
        "no file added or removed"
    );

    // A key file that is not a key says so.
    std::fs::write(&wrong, "not a key").unwrap();
    let bad = with_wrong_key(&["check"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stderr.contains("64 hexadecimal characters"),
        "{}",
        bad.stderr
    );
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
}

#[test]
fn a_database_without_its_key_is_refused_with_the_ways_to_give_one() {
    let db = TempDb::with_database().unwrap();
    let moved = db.dir.path().join("elsewhere.sqlite");
    std::fs::rename(&db.path, &moved).unwrap();
    let before = std::fs::read(&moved).unwrap();
    // No --key-file, no key file beside it: only a keyring could have it, and none does.
    let refused = desk(&["--db", moved.to_str().unwrap(), "--key-file=", "check"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("no key for it was found") && refused.stderr.contains("--key-file"),
        "{}",
        refused.stderr
    );
    assert_eq!(std::fs::read(&moved).unwrap(), before);
}

#[test]
fn no_command_but_init_or_demo_makes_a_database_where_there_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo.sqlite");
    let m = missing.to_str().unwrap();
    let refused = desk(&["--db", m, "person", "list"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused
            .stderr
            .contains(&format!("no database at {m} (create one with desk init)")),
        "{}",
        refused.stderr
    );
    assert!(!missing.exists(), "nothing was created");
    assert_eq!(files_under(dir.path()).len(), 0, "not even a key file");

    let empty = dir.path().join("empty.sqlite");
    std::fs::write(&empty, b"").unwrap();
    let refused = desk(&["--db", empty.to_str().unwrap(), "check"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("no database at"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        std::fs::read(&empty).unwrap().len(),
        0,
        "the empty file stays empty"
    );

    let created = desk(&["--db", m, "init"]);
    assert_eq!(created.code, 0, "{}", created.stderr);
    assert!(missing.exists());
    let listed = desk(&["--db", m, "person", "list"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
}

/// A plaintext database as an earlier app (schema 3) left it, from `tests/fixtures`.
fn schema_v3_database() -> TempDb {
    let db = TempDb::new().unwrap();
    std::fs::copy(
        desk_tests::repo_root().join("tests/fixtures/schema-v3.sqlite"),
        &db.path,
    )
    .unwrap();
    db
}

#[test]
fn a_plaintext_database_of_an_earlier_app_is_encrypted_when_the_cli_opens_it() {
    let db = schema_v3_database();
    let before = desk_store::testing::plain_counts(&db.path).unwrap();
    let opened = desk(&["--db", db.arg(), "check"]);
    assert_eq!(opened.code, 0, "{}", opened.stderr);
    assert!(opened.stderr.contains("now encrypted"), "{}", opened.stderr);
    for file in files_under(db.dir.path()) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !bytes.starts_with(b"SQLite format 3"),
            "{} is plaintext",
            file.display()
        );
        assert!(
            !contains(&bytes, "Trần Mỹ Dung".as_bytes()),
            "{} shows a name of the old file",
            file.display()
        );
    }
    let after = desk_store::testing::counts(&db.path, &db.key()).unwrap();
    for (table, rows) in before {
        // The old full-text search index was replaced at schema 6 by a keyed one, refilled
        // from the records; every other table keeps its rows.
        if table.starts_with("search_doc") && !after.iter().any(|(t, _)| *t == table) {
            continue;
        }
        assert!(
            after.contains(&(table.clone(), rows)),
            "{table} keeps its {rows} rows"
        );
    }
}

#[test]
fn the_audit_trail_says_a_passport_changed_never_what_it_was_and_a_purge_leaves_nothing() {
    let db = TempDb::with_database().unwrap();
    let id = add_person(db.arg());
    let mut store = db.open();
    let input = desk_domain::PersonInput {
        full_name: NAME.into(),
        nationality: "VN".into(),
        passport_no: "C1112223".into(),
        born_on: "1981-06-18".into(),
        ..Default::default()
    };
    store.update_person(&id, &input).unwrap();
    let trail = store.audit_of("person", &id).unwrap();
    let passport = trail.iter().find(|e| e.field == "passport_no").unwrap();
    assert_eq!(
        (passport.old_value.as_deref(), passport.new_value.as_deref()),
        (None, None),
        "that it changed, not from what to what"
    );
    assert!(trail.iter().any(|e| e.field == "born_on"));
    let everything = serde_json::to_string(&trail).unwrap();
    for value in [PASSPORT, "C1112223", "1980-05-17", "1981-06-18"] {
        assert!(!everything.contains(value), "the trail holds {value}");
    }

    store.delete_person(&id).unwrap();
    let export = serde_json::to_string(&store.export("").unwrap()).unwrap();
    for value in [PASSPORT, "C1112223", "1981-06-18"] {
        assert!(!export.contains(value), "the export still holds {value}");
    }
    drop(store);
    // Not even in the database's free pages, for someone who holds the key.
    let plain = db.dir.path().join("decrypted.sqlite");
    let bytes = desk_store::testing::decrypted_copy(&db.path, &db.key(), &plain).unwrap();
    assert!(
        !contains(&bytes, b"C1112223"),
        "the purged passport is in a free page"
    );
    assert!(!contains(&bytes, PASSPORT.as_bytes()));
}

#[test]
fn migration_4_scrubs_the_passports_an_earlier_app_wrote_into_the_audit_trail() {
    let db = schema_v3_database();
    let whole = format!(
        r#"{{"id":"p1","full_name":"{NAME}","passport_no":"{PASSPORT}","born_on":"1980-05-17"}}"#
    );
    desk_store::testing::add_plain_audit_entry(&db.path, "p1", "*", None, Some(&whole)).unwrap();
    desk_store::testing::add_plain_audit_entry(
        &db.path,
        "p1",
        "passport_no",
        Some("\"B0000001\""),
        Some(&format!("\"{PASSPORT}\"")),
    )
    .unwrap();
    let store = db.open();
    let trail = store.audit_of("person", "p1").unwrap();
    assert_eq!(trail.len(), 2, "the entries stay: that something changed");
    let text = serde_json::to_string(&trail).unwrap();
    assert!(text.contains(NAME) || text.contains("full_name"), "{text}");
    for value in [PASSPORT, "B0000001", "1980-05-17"] {
        assert!(
            !text.contains(value),
            "the trail still holds {value}: {text}"
        );
    }
}

#[test]
fn backups_are_listed_in_the_documented_json_shape_and_made_daily_on_open() {
    let db = TempDb::with_database().unwrap();
    // A new database has no backup; the first open makes the daily one, the next does not.
    let none = desk(&["--db", db.arg(), "--json", "backups"]);
    assert_eq!(none.stdout.trim(), "[]");
    assert_eq!(desk(&["--db", db.arg(), "person", "list"]).code, 0);
    assert_eq!(desk(&["--db", db.arg(), "person", "list"]).code, 0);
    add_person(db.arg());
    let daily: Vec<String> = backup_reasons(&db);
    assert_eq!(
        daily,
        ["daily"],
        "one daily backup however often it is opened"
    );
    let made = desk(&["--db", db.arg(), "backup"]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let out = db.dir.path().join("copy.sqlite");
    let copied = desk(&["--db", db.arg(), "backup", "--out", out.to_str().unwrap()]);
    assert_eq!(copied.code, 0, "{}", copied.stderr);
    assert!(out.exists() && !std::fs::read(&out).unwrap().starts_with(b"SQLite format 3"));

    let run = desk(&["--db", db.arg(), "--json", "backups"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let listed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let list = listed.as_array().unwrap();
    let reasons: Vec<&str> = list.iter().map(|b| b["reason"].as_str().unwrap()).collect();
    assert_eq!(
        reasons,
        ["manual"],
        "the newest backup of a day is the one kept for that day"
    );
    for backup in list {
        let mut keys: Vec<&str> = backup
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["file", "made_at", "reason", "size", "verified"]);
        assert_eq!(backup["verified"], true);
        assert!(backup["size"].as_u64().unwrap() > 0);
        assert!(Path::new(backup["file"].as_str().unwrap()).exists());
        assert!(backup["made_at"].as_str().unwrap().ends_with('Z'));
    }
    let table = desk(&["--db", db.arg(), "backups"]);
    assert!(table.stdout.contains("VERIFIED"), "{}", table.stdout);
}

#[test]
fn the_days_backup_beside_an_open_store_holds_what_it_had_and_lets_it_write_on() {
    // The window's engine makes the day's backup on a connection of its own while its store
    // stays open, so that the first screen of the day does not wait for a copy of the file.
    let db = TempDb::with_database().unwrap();
    let mut store = db.open();
    let (delegation, sheet) = delegation_and_guest_list(&mut store, 0, 20);
    let key = db.key();
    let made = desk_store::backups::daily_beside(&db.path, &key)
        .unwrap()
        .expect("the day's backup is due on a database that has none");
    assert!(made.verified, "{made:?}");
    assert_eq!(made.reason, "daily");
    // Copies cut short when a window closed before they were done: the one over an hour
    // old goes at the next start, a recent one (perhaps another window's) stays.
    let partial = |ago: chrono::Duration| {
        let stamp = (chrono::Utc::now() - ago).format("%Y%m%dT%H%M%S%3fZ");
        let file = desk_store::backups::folder(&db.path)
            .join(format!("desk-{stamp}-daily.sqlite.partial"));
        std::fs::write(&file, b"cut short").unwrap();
        file
    };
    let stale = partial(chrono::Duration::hours(2));
    let recent = partial(chrono::Duration::minutes(5));
    assert_eq!(
        desk_store::backups::daily_beside(&db.path, &key).unwrap(),
        None,
        "one a day"
    );
    assert!(
        !stale.exists(),
        "a copy cut short over an hour ago is removed"
    );
    assert!(recent.exists(), "a copy that may still be written is left");
    std::fs::remove_file(recent).unwrap();

    // The store writes on, and relies on that copy (no second one for a guest list).
    let imported = store.import_guests(&delegation, &sheet, false).unwrap();
    assert_eq!(imported.people.len(), 20);
    assert_eq!(backup_reasons(&db), ["daily"]);

    // The copy holds the delegation as it was, before its guests.
    let copy = desk_store::cipher::open_keyed_read_only(Path::new(&made.file), &key).unwrap();
    let count = |sql: &str| -> i64 {
        copy.query_row(sql, [&delegation], |row| row.get(0))
            .unwrap()
    };
    assert_eq!(count("SELECT count(*) FROM delegation WHERE id = ?1"), 1);
    assert_eq!(
        count("SELECT count(*) FROM member WHERE delegation_id = ?1"),
        0
    );
}

/// `desk export --out <out>` of the whole database.
fn export(db: &TempDb, out: &Path) -> desk_tests::Run {
    desk(&["--db", db.arg(), "export", "--out", out.to_str().unwrap()])
}

/// Why each backup of the database was made (`daily`, `import`, `purge`...).
fn backup_reasons(db: &TempDb) -> Vec<String> {
    desk_store::backups::list(&db.path)
        .unwrap()
        .into_iter()
        .map(|b| b.reason)
        .collect()
}

#[test]
fn risky_operations_are_preceded_by_a_verified_backup() {
    let db = TempDb::new().unwrap();
    assert_eq!(desk(&["--db", db.arg(), "demo"]).code, 0);
    let export_file = db.dir.path().join("all.json");
    assert_eq!(export(&db, &export_file).code, 0);
    let other = TempDb::with_database().unwrap();
    assert_eq!(
        desk(&["--db", other.arg(), "import", export_file.to_str().unwrap()]).code,
        0
    );
    let reasons: Vec<String> = backup_reasons(&other);
    assert!(reasons.contains(&"import".to_owned()), "{reasons:?}");

    let mut store = db.open();
    let trip = store.list_delegations().unwrap().remove(0);
    store.trash_delegation(&trip.id).unwrap();
    store.purge_delegation(&trip.id).unwrap();
    let reasons: Vec<String> = backup_reasons(&db);
    assert!(reasons.contains(&"purge".to_owned()), "{reasons:?}");
}

#[test]
fn a_guest_list_is_preceded_by_the_daily_backup_when_due_and_by_no_other_copy() {
    // No backup at all yet: the import makes the daily one first, and that copy holds the
    // database as it was before the guests came.
    let db = TempDb::with_database().unwrap();
    let mut store = db.open();
    assert!(
        backup_reasons(&db).is_empty(),
        "a new database has no backup"
    );
    let (delegation, sheet) = delegation_and_guest_list(&mut store, 0, 20);
    let imported = store.import_guests(&delegation, &sheet, false).unwrap();
    assert_eq!(imported.people.len(), 20);
    assert_eq!(
        backup_reasons(&db),
        ["daily"],
        "one backup, made before the import"
    );
    // Read through a copy, so that the backup itself stays as it was made.
    let newest = desk_store::backups::newest(&db.path).unwrap().unwrap();
    let look = db.dir.path().join("look.sqlite");
    std::fs::copy(&newest.file, &look).unwrap();
    let before = desk_store::Store::open(&look, &db.key()).unwrap();
    assert_eq!(
        before.guests(&delegation).unwrap().len(),
        0,
        "the backup is the database before the import: the delegation without its guests"
    );
    drop(before);

    // A verified backup made today: the next guest list makes no copy of its own.
    let db = TempDb::with_database().unwrap();
    let mut store = db.open();
    store.backup(desk_store::BackupReason::Manual).unwrap();
    let (delegation, sheet) = delegation_and_guest_list(&mut store, 100, 20);
    store.import_guests(&delegation, &sheet, false).unwrap();
    let (delegation, sheet) = delegation_and_guest_list(&mut store, 200, 20);
    store.import_guests(&delegation, &sheet, false).unwrap();
    assert_eq!(
        backup_reasons(&db),
        ["manual"],
        "guest lists imported after today's backup add no backup"
    );
    assert_eq!(store.guests(&delegation).unwrap().len(), 20);

    // An empty file with today's daily-backup name is no backup: the next guest list makes
    // the daily one, and the window does not offer the empty file to restore.
    let db = TempDb::with_database().unwrap();
    let mut store = db.open();
    let backups = desk_store::backups::folder(&db.path);
    std::fs::create_dir_all(&backups).unwrap();
    let stem = db.path.file_stem().unwrap().to_string_lossy().into_owned();
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%3fZ");
    std::fs::write(backups.join(format!("{stem}-{stamp}-daily.sqlite")), b"").unwrap();
    assert!(
        desk_store::backups::newest(&db.path).unwrap().is_none(),
        "an empty file does not count as a verified backup"
    );
    let (delegation, sheet) = delegation_and_guest_list(&mut store, 300, 20);
    store.import_guests(&delegation, &sheet, false).unwrap();
    let newest = desk_store::backups::newest(&db.path).unwrap().unwrap();
    assert!(newest.size > 0, "the import made a real daily backup first");
}

/// Overwrites `pages` 4 KiB pages of the file from page `first` on, as a failing disk would.
fn damage(file: &Path, first: u64, pages: u64) {
    let status = std::process::Command::new("dd")
        .args([
            "if=/dev/urandom",
            &format!("of={}", file.display()),
            "bs=4096",
            &format!("seek={first}"),
            &format!("count={pages}"),
            "conv=notrunc",
        ])
        .stderr(std::process::Stdio::null())
        .status()
        .expect("dd (coreutils) runs");
    assert!(status.success());
}

#[test]
fn damage_made_with_dd_is_found_by_check_and_restore_brings_back_the_same_records() {
    let db = TempDb::new().unwrap();
    assert_eq!(desk(&["--db", db.arg(), "demo"]).code, 0);
    let before = desk(&["--db", db.arg(), "--json", "delegation", "list"]).stdout;
    let people = desk(&["--db", db.arg(), "--json", "person", "list"]).stdout;
    assert_eq!(desk(&["--db", db.arg(), "backup"]).code, 0);
    let pages = std::fs::metadata(&db.path).unwrap().len() / 4096;
    assert!(pages > 20, "a demo database has pages to damage ({pages})");
    damage(&db.path, pages / 2, 4);

    let check = desk(&["--db", db.arg(), "check"]);
    assert_eq!(check.code, 1, "{}\n{}", check.stdout, check.stderr);
    let newest = desk_store::backups::newest(&db.path).unwrap().unwrap();
    assert!(
        check.stderr.contains(&newest.file),
        "check names the newest verified backup: {}",
        check.stderr
    );
    assert!(
        check.stderr.contains("restore --latest"),
        "{}",
        check.stderr
    );

    let restored = desk(&["--db", db.arg(), "restore", "--latest"]);
    assert_eq!(restored.code, 0, "{}", restored.stderr);
    assert!(restored.stdout.contains("kept"), "{}", restored.stdout);
    let check = desk(&["--db", db.arg(), "check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert_eq!(
        desk(&["--db", db.arg(), "--json", "delegation", "list"]).stdout,
        before
    );
    assert_eq!(
        desk(&["--db", db.arg(), "--json", "person", "list"]).stdout,
        people
    );

    // The damaged file is kept aside, still encrypted.
    let aside: Vec<_> = files_under(&db.dir.path().join("backups"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".aside"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(
        !std::fs::read(&aside[0])
            .unwrap()
            .starts_with(b"SQLite format 3")
    );
}

#[test]
fn a_backup_made_with_another_key_is_refused_and_nothing_changes() {
    let db = TempDb::new().unwrap();
    assert_eq!(desk(&["--db", db.arg(), "demo"]).code, 0);
    let stranger = TempDb::with_database().unwrap();
    let copy = stranger.dir.path().join("theirs.sqlite");
    assert_eq!(
        desk(&[
            "--db",
            stranger.arg(),
            "backup",
            "--out",
            copy.to_str().unwrap()
        ])
        .code,
        0
    );
    let before = std::fs::read(&db.path).unwrap();
    let refused = desk(&["--db", db.arg(), "restore", copy.to_str().unwrap()]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("another key"), "{}", refused.stderr);
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
}

/// `desk key restore <sheet>` with `db` (the database and where its key goes) before it.
fn restore_key(db: &[&str], sheet: &Path) -> desk_tests::Run {
    desk(&[db, &["key", "restore", sheet.to_str().unwrap()]].concat())
}

#[test]
fn the_recovery_sheet_opens_the_database_on_another_machine() {
    let db = TempDb::new().unwrap();
    assert_eq!(desk(&["--db", db.arg(), "demo"]).code, 0);
    let sheet = db.dir.path().join("sheet.txt");
    let written = desk(&[
        "--db",
        db.arg(),
        "key",
        "recovery",
        "--out",
        sheet.to_str().unwrap(),
    ]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let text = std::fs::read_to_string(&sheet).unwrap();
    assert!(text.contains("desk.sqlite"), "the sheet names the database");
    assert!(text.contains(&chrono::Local::now().format("%Y-%m-%d").to_string()));
    #[cfg(unix)]
    assert_eq!(mode(&sheet), 0o600);

    // Another machine: the file without its key.
    let there = tempfile::tempdir().unwrap();
    let moved = there.path().join("desk.sqlite");
    std::fs::copy(&db.path, &moved).unwrap();
    let new_key = there.path().join("desk.key");
    let (m, k) = (moved.to_str().unwrap(), new_key.to_str().unwrap());
    let locked = desk(&["--db", m, "--key-file", k, "person", "list"]);
    assert_eq!(locked.code, 1, "no key there yet");
    let wrong = desk(&[
        "--db",
        m,
        "--key-file",
        k,
        "key",
        "restore",
        "--key",
        &"0".repeat(64),
    ]);
    assert_eq!(wrong.code, 1, "a key that does not open it is not kept");
    assert!(!new_key.exists());
    let restored = restore_key(&["--db", m, "--key-file", k], &sheet);
    assert_eq!(restored.code, 0, "{}", restored.stderr);
    let listed = desk(&["--db", m, "--key-file", k, "--json", "person", "list"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(listed.stdout.contains("Trần Mỹ Dung"));
}

#[test]
fn a_json_import_keeps_the_office_settings_unless_asked_and_says_which() {
    let source = TempDb::new().unwrap();
    assert_eq!(desk(&["--db", source.arg(), "demo"]).code, 0);
    let mut theirs = source.open().settings().unwrap();
    theirs.agency = "THƯ VIỆN THÀNH PHỐ ĐÀ NẴNG".into();
    source.open().save_settings(&theirs).unwrap();
    let file = source.dir.path().join("all.json");
    assert_eq!(export(&source, &file).code, 0);
    let office = TempDb::with_database().unwrap();
    let mut settings = office.open().settings().unwrap();
    settings.agency = "THƯ VIỆN TỈNH KHÁNH HÒA".into();
    let ours = office.open().save_settings(&settings).unwrap();

    let kept = desk(&["--db", office.arg(), "import", file.to_str().unwrap()]);
    assert_eq!(kept.code, 0, "{}", kept.stderr);
    assert!(
        kept.stdout.contains("settings were kept"),
        "{}",
        kept.stdout
    );
    assert_eq!(office.open().settings().unwrap(), ours);

    let again = TempDb::with_database().unwrap();
    let replaced = desk(&[
        "--db",
        again.arg(),
        "--json",
        "import",
        file.to_str().unwrap(),
        "--settings",
        "replace",
    ]);
    assert_eq!(replaced.code, 0, "{}", replaced.stderr);
    let summary: serde_json::Value = serde_json::from_str(&replaced.stdout).unwrap();
    assert_eq!(summary["settings"], "replaced");
    assert_eq!(
        again.open().settings().unwrap(),
        source.open().settings().unwrap()
    );
}

/// A small disk (a tmpfs of `size`, e.g. "200k"), mounted for the test (we run as root in
/// CI); `None` with the reason printed where mounting is impossible.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Option<Self> {
        let dir = tempfile::tempdir().ok()?;
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output();
        match mounted {
            Ok(out) if out.status.success() => Some(Self { dir }),
            Ok(out) => {
                eprintln!(
                    "SKIPPED: cannot mount a small tmpfs here: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("SKIPPED: cannot run mount: {e}");
                None
            }
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

#[test]
fn a_full_disk_gives_a_clear_error_naming_it_and_leaves_no_partial_file() {
    let Some(disk) = SmallDisk::mount("200k") else {
        return;
    };
    let db = TempDb::new().unwrap();
    assert_eq!(desk(&["--db", db.arg(), "demo"]).code, 0);
    let before = desk(&["--db", db.arg(), "--json", "delegation", "list"]).stdout;
    // A disk with a little room left, less than the demo's export needs.
    let _ = std::fs::write(disk.dir.path().join("filler"), vec![0u8; 150 * 1024]);
    let target = disk.dir.path().join("all.json");
    let failed = export(&db, &target);
    assert_eq!(failed.code, 1);
    assert!(
        failed
            .stderr
            .contains(&format!("no space left on {}", disk.dir.path().display())),
        "{}",
        failed.stderr
    );
    let left: Vec<_> = std::fs::read_dir(disk.dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        ["filler"],
        "neither the file nor a partial one is left"
    );
    assert_eq!(
        desk(&["--db", db.arg(), "--json", "delegation", "list"]).stdout,
        before,
        "nothing committed is lost"
    );
}

#[test]
fn a_database_on_a_full_disk_refuses_the_change_and_keeps_what_was_committed() {
    // Room for the database and its daily backup (an empty schema is ~280 KB), no more.
    let Some(disk) = SmallDisk::mount("1m") else {
        return;
    };
    let db = disk.dir.path().join("desk.sqlite");
    let key = disk.dir.path().join("test.key");
    let (d, k) = (db.to_str().unwrap(), key.to_str().unwrap());
    assert_eq!(desk(&["--db", d, "--key-file", k, "init"]).code, 0);
    let first = add_person(d);
    // Fill the disk with a file, then try to write more.
    let filler = disk.dir.path().join("filler");
    let _ = std::fs::write(&filler, vec![0u8; 1024 * 1024]);
    let mut refused = false;
    for i in 0..50 {
        let run = desk(&[
            "--db",
            d,
            "--key-file",
            k,
            "person",
            "add",
            "--name",
            &format!("Khách {i}"),
            "--title",
            &"x".repeat(200),
        ]);
        if run.code != 0 {
            assert!(
                ["full", "space", "disk"]
                    .iter()
                    .any(|w| run.stderr.contains(w)),
                "{}",
                run.stderr
            );
            refused = true;
            break;
        }
    }
    assert!(refused, "a full disk refuses the write");
    std::fs::remove_file(&filler).unwrap();
    let listed = desk(&["--db", d, "--key-file", k, "--json", "person", "list"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(
        listed.stdout.contains(&first),
        "the committed person is still there"
    );
    let check = desk(&["--db", d, "--key-file", k, "check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

/// The keyring for real: run by scripts/test.sh under `dbus-run-session` with an unlocked
/// gnome-keyring (`DESK_KEYRING_TEST=1`). Elsewhere it says why it did not run.
#[test]
fn the_system_keyring_keeps_the_key_of_a_new_database() {
    if std::env::var_os("DESK_KEYRING_TEST").is_none() {
        eprintln!("SKIPPED: set DESK_KEYRING_TEST=1 under dbus-run-session (scripts/test.sh does)");
        return;
    }
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "DESK_KEYRING_TEST needs a session bus with a Secret Service"
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.sqlite");
    let d = db.to_str().unwrap();
    // --key-file= (empty) turns the test's key file off: the keyring it is.
    let init = desk(&["--db", d, "--key-file=", "init"]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    assert!(init.stdout.contains("system keyring"), "{}", init.stdout);
    assert!(
        !desk_store::keys::beside(&db).exists(),
        "no key file beside it"
    );
    assert!(
        files_under(dir.path())
            .iter()
            .all(|p| !p.to_string_lossy().ends_with(".key"))
    );
    assert!(desk_store::keys::in_keyring(&db));
    let added = desk(&["--db", d, "--key-file=", "person", "add", "--name", NAME]);
    assert_eq!(added.code, 0, "{}", added.stderr);
    let listed = desk(&["--db", d, "--key-file=", "--json", "person", "list"]);
    assert!(
        listed.stdout.contains(NAME),
        "opened with the key from the keyring"
    );

    // secret-tool sees it as the desktop's keyring manager would.
    let found = std::process::Command::new("secret-tool")
        .args(["search", "--all", "service", desk_store::APP_FOLDER])
        .output()
        .expect("secret-tool (libsecret-tools) runs");
    let shown = String::from_utf8_lossy(&found.stdout).to_string()
        + &String::from_utf8_lossy(&found.stderr);
    assert!(shown.contains(d), "{shown}");

    // Another machine's copy gets its key from the recovery sheet into the keyring.
    let sheet = dir.path().join("sheet.txt");
    assert_eq!(
        desk(&[
            "--db",
            d,
            "--key-file=",
            "key",
            "recovery",
            "--out",
            sheet.to_str().unwrap()
        ])
        .code,
        0
    );
    let copy = dir.path().join("copy.sqlite");
    std::fs::copy(&db, &copy).unwrap();
    let c = copy.to_str().unwrap();
    assert_eq!(desk(&["--db", c, "--key-file=", "person", "list"]).code, 1);
    let restored = restore_key(&["--db", c, "--key-file="], &sheet);
    assert_eq!(restored.code, 0, "{}", restored.stderr);
    assert!(
        restored.stdout.contains("system keyring"),
        "{}",
        restored.stdout
    );
    assert_eq!(desk(&["--db", c, "--key-file=", "person", "list"]).code, 0);
}
