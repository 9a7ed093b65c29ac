//! The store as the app uses it: records survive a restart, refused input writes nothing,
//! and a database from a newer app is left alone.

use desk_domain::{DelegationInput, DelegationStatus, Direction, ErrorKind};
use desk_store::{LATEST_VERSION, Store, StoreError};
use desk_tests::TempDb;

fn singapore() -> DelegationInput {
    DelegationInput::new(
        Direction::Outgoing,
        "INELI-ASEAN session 2, Singapore",
        "SG",
        "2016-09-06",
        "2016-09-09",
    )
}

#[test]
fn a_delegation_is_still_there_after_reopening() {
    let db = TempDb::new().unwrap();
    let created = {
        let mut store = db.create();
        store.create_delegation(&singapore()).unwrap()
    };
    assert_eq!(
        created.status,
        DelegationStatus::Draft,
        "a new delegation starts as Draft"
    );
    assert_eq!(created.id.len(), 36, "ids are UUID text");
    assert_eq!(&created.id[14..15], "7", "ids are UUIDv7");

    let reopened = db.open();
    let listed = reopened.list_delegations().unwrap();
    assert_eq!(
        listed,
        vec![created],
        "the reopened database lists exactly what was saved"
    );
}

#[test]
fn refused_input_writes_nothing() {
    let db = TempDb::new().unwrap();
    let mut store = db.create();
    let mut bad = singapore();
    bad.ends_on = "2016-09-01".into();
    let error = desk_domain::Error::from(store.create_delegation(&bad).unwrap_err());
    assert_eq!(error.kind, ErrorKind::Validation);
    assert_eq!(
        error.violations[0].field, "ends_on",
        "the error names the field"
    );
    assert!(
        store.list_delegations().unwrap().is_empty(),
        "nothing was written"
    );
}

#[test]
fn the_newest_delegation_is_listed_first() {
    let mut store = Store::open_in_memory().unwrap();
    store.create_delegation(&singapore()).unwrap();
    let mut hanoi = singapore();
    hanoi.direction = Direction::Incoming;
    hanoi.title = "INELI-ASEAN session 3, Hà Nội".into();
    hanoi.country = "VN".into();
    hanoi.starts_on = "2017-11-27".into();
    hanoi.ends_on = "2017-11-30".into();
    store.create_delegation(&hanoi).unwrap();
    let titles: Vec<_> = store
        .list_delegations()
        .unwrap()
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(titles[0], "INELI-ASEAN session 3, Hà Nội");
}

#[test]
fn a_database_from_a_newer_app_is_refused_untouched() {
    let db = TempDb::new().unwrap();
    desk_store::testing::write_empty_database_with_version(&db.path, LATEST_VERSION + 1).unwrap();
    let before = std::fs::read(&db.path).unwrap();
    match Store::open(&db.path, &db.key()) {
        Err(StoreError::NewerSchema { found, supported }) => {
            assert_eq!((found, supported), (LATEST_VERSION + 1, LATEST_VERSION));
        }
        Err(other) => panic!("expected NewerSchema, got {other}"),
        Ok(_) => panic!("a newer database must not be opened"),
    }
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        before,
        "the file is byte for byte unchanged"
    );
    let message = desk_domain::Error::from(StoreError::NewerSchema {
        found: 9,
        supported: 1,
    });
    assert_eq!(message.kind, ErrorKind::NewerSchema);
    assert!(message.message.contains("newer"), "{}", message.message);
}

/// Copies a fixture database to a temporary folder, so that the upgrade never touches the
/// committed file.
fn fixture(name: &str) -> TempDb {
    let db = TempDb::new().unwrap();
    std::fs::copy(
        desk_tests::repo_root().join("tests/fixtures").join(name),
        &db.path,
    )
    .unwrap();
    db
}

#[test]
fn a_version_1_database_upgrades_keeping_its_delegations_and_an_encrypted_checked_copy() {
    let db = fixture("schema-v1.sqlite");
    let store = db.open();
    let report = store.check().unwrap();
    assert_eq!(
        report.schema_version, LATEST_VERSION,
        "the schema is brought up to date"
    );
    assert!(
        report.ok(),
        "the upgraded database passes its check: {report:?}"
    );

    let titles: Vec<String> = store
        .list_delegations()
        .unwrap()
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Đón đoàn INELI-ASEAN lần thứ 3",
            "Phiên họp lần thứ 2 INELI-ASEAN"
        ],
        "both delegations of the old file survive"
    );
    let upgraded = store.list_delegations().unwrap();
    assert!(
        upgraded
            .iter()
            .all(|d| d.funding == desk_domain::Funding::StateBudget),
        "new columns get their defaults"
    );

    let backups = desk_store::backups::list(&db.path).unwrap();
    let before: Vec<_> = backups.iter().filter(|b| b.reason == "migration").collect();
    assert_eq!(
        before.len(),
        1,
        "one safety copy of the v1 file: {backups:?}"
    );
    assert!(before[0].verified);
    let copy = std::path::Path::new(&before[0].file);
    assert_ne!(
        std::fs::read(copy).unwrap()[..16],
        b"SQLite format 3\0"[..],
        "the safety copy is encrypted too"
    );
    let version = desk_store::testing::schema_version_of(copy, &db.key()).unwrap();
    assert_eq!(
        version, 1,
        "the copy is the database as it was before the upgrade"
    );
    assert!(
        std::fs::read_dir(db.dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .all(|e| !e.file_name().to_string_lossy().contains(".v1-")),
        "no plaintext copy beside the database"
    );
}

#[test]
fn opening_an_up_to_date_database_takes_no_copy() {
    let db = TempDb::new().unwrap();
    drop(db.create());
    drop(db.open());
    assert!(
        desk_store::backups::list(&db.path).unwrap().is_empty(),
        "no backup is made by the store's own open (the daily one is the caller's)"
    );
}

#[test]
fn check_ins_kept_as_settings_move_to_their_own_table_on_upgrade() {
    let db = fixture("schema-v10.sqlite");
    let before = desk_store::testing::plain_counts(&db.path).unwrap();
    let ticked =
        desk_store::testing::add_plain_check_ins(&db.path, "2026-11-20T08:15:00+07:00", "Lễ tân")
            .unwrap();
    assert!(ticked > 0, "the fixture has members to tick");
    let store = db.open();
    assert!(
        store.check().unwrap().ok(),
        "the upgraded database passes its check"
    );
    let mut shown = 0;
    for delegation in store.list_delegations().unwrap() {
        for guest in store.check_ins(&delegation.id).unwrap() {
            assert_eq!(guest.at.as_deref(), Some("2026-11-20T08:15:00+07:00"));
            assert_eq!(guest.by, "Lễ tân");
            shown += 1;
        }
    }
    assert!(shown > 0, "the welcome desk still shows who arrived");
    drop(store);
    let after = desk_store::testing::counts(&db.path, &db.key()).unwrap();
    let rows = |counts: &[(String, i64)], table: &str| {
        counts.iter().find(|(t, _)| t == table).map(|(_, n)| *n)
    };
    assert_eq!(
        rows(&after, "check_in"),
        Some(ticked as i64),
        "every tick moved"
    );
    assert_eq!(
        rows(&after, "setting"),
        rows(&before, "setting"),
        "no check-in is left among the settings, the orphan's included"
    );
}

#[test]
fn every_earlier_schema_version_has_a_fixture_that_upgrades() {
    for version in desk_store::schema_versions() {
        let name = format!("schema-v{version}.sqlite");
        let path = desk_tests::repo_root().join("tests/fixtures").join(&name);
        if version < LATEST_VERSION {
            assert!(
                path.exists(),
                "{name} is missing: add a fixture for every schema that ships"
            );
        }
        if !path.exists() {
            continue;
        }
        let db = fixture(&name);
        let plain = desk_store::testing::plain_counts(&db.path).unwrap();
        let store = db.open();
        let report = store.check().unwrap();
        assert!(report.ok(), "{name} upgrades cleanly: {report:?}");
        assert!(
            !store.list_delegations().unwrap().is_empty(),
            "{name} keeps its delegations"
        );
        drop(store);
        let header = std::fs::read(&db.path).unwrap();
        assert_ne!(
            header[..16],
            b"SQLite format 3\0"[..],
            "{name} is encrypted once opened"
        );
        assert!(
            !db.path.with_file_name("desk.sqlite.encrypting").exists(),
            "{name}: no conversion file left"
        );
        // Every table of the old file keeps its rows (the upgrade adds tables, never loses rows;
        // only the audit trail grows by nothing). The one exception is the old full-text
        // search index, which schema 6 replaced by a keyed one refilled from the records.
        let now = desk_store::testing::counts(&db.path, &db.key()).unwrap();
        for (table, rows) in &plain {
            let after = now.iter().find(|(t, _)| t == table).map(|(_, n)| *n);
            if after.is_none() && table.starts_with("search_doc") {
                continue;
            }
            assert_eq!(
                after,
                Some(*rows),
                "{name}: table {table} keeps its {rows} rows"
            );
        }
    }
}

/// Writes `tests/fixtures/schema-vN.sqlite` for every schema version that has none yet, from
/// the fixture before it upgraded with this build's migrations up to N exactly. Run by hand
/// when a migration is added (`cargo test -p desk-tests --test it write_missing_schema_fixtures
/// -- --ignored`); fixtures already there are never rewritten.
#[test]
#[ignore = "writes fixtures into the repository"]
fn write_missing_schema_fixtures() {
    let dir = desk_tests::repo_root().join("tests/fixtures");
    let mut previous: Option<std::path::PathBuf> = None;
    for version in desk_store::schema_versions() {
        let path = dir.join(format!("schema-v{version}.sqlite"));
        if version < LATEST_VERSION && !path.exists() {
            let from = previous.clone().expect("the first schema has a fixture");
            std::fs::copy(&from, &path).unwrap();
            desk_store::testing::upgrade_to(&path, version).unwrap();
            assert_eq!(
                desk_store::testing::plain_schema_version_of(&path).unwrap(),
                version
            );
        }
        if path.exists() {
            previous = Some(path);
        }
    }
}
