//! The store as the app uses it: records survive a restart, refused input writes nothing,
//! and a database from a newer app is left alone.

use desk_domain::{DelegationStatus, Direction, ErrorKind, NewDelegation};
use desk_store::{LATEST_VERSION, Store, StoreError};
use desk_tests::TempDb;

fn singapore() -> NewDelegation {
    NewDelegation {
        direction: Direction::Outgoing,
        title: "INELI-ASEAN session 2, Singapore".into(),
        country: "SG".into(),
        starts_on: "2016-09-06".into(),
        ends_on: "2016-09-09".into(),
    }
}

#[test]
fn a_delegation_is_still_there_after_reopening() {
    let db = TempDb::new().unwrap();
    let created = {
        let mut store = Store::open(&db.path).unwrap();
        store.create_delegation(&singapore()).unwrap()
    };
    assert_eq!(
        created.status,
        DelegationStatus::Draft,
        "a new delegation starts as Draft"
    );
    assert_eq!(created.id.len(), 36, "ids are UUID text");
    assert_eq!(&created.id[14..15], "7", "ids are UUIDv7");

    let reopened = Store::open(&db.path).unwrap();
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
    let mut store = Store::open(&db.path).unwrap();
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
    match Store::open(&db.path) {
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
