//! Long work watched from the window: an import reports its progress as it goes, up to its
//! total and never backwards, and a cancel midway leaves the database exactly as it was.

use std::cell::RefCell;

use desk_domain::ErrorKind;
use desk_domain::progress::Reporter;
use desk_store::{Export, SettingsMode, Store};

/// Records every report; asks to stop once `stop_at` records are written.
struct Recorder {
    seen: RefCell<Vec<(u64, u64)>>,
    stop_at: Option<u64>,
}

impl Reporter for Recorder {
    fn step(&self, done: u64, total: u64) {
        self.seen.borrow_mut().push((done, total));
    }
    fn is_cancelled(&self) -> bool {
        let last = self.seen.borrow().last().map_or(0, |(done, _)| *done);
        self.stop_at.is_some_and(|at| last >= at)
    }
}

/// The demo, and a file of 3,000 more delegations (copies of the demo's first, each its own id).
fn demo_and_big_file() -> (Store, Export) {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    let base = store.export("").unwrap();
    let mut big = base.clone();
    big.settings = None;
    big.organisations.clear();
    big.people.clear();
    big.members.clear();
    big.segments.clear();
    big.stays.clear();
    big.visas.clear();
    big.programme_items.clear();
    big.tasks.clear();
    big.transfers.clear();
    big.attachments.clear();
    big.expenses.clear();
    big.mission_reports.clear();
    big.report_versions.clear();
    big.rate_tables.clear();
    big.estimates.clear();
    big.audit.clear();
    big.hosting.clear();
    big.delegations = (0..3_000u32)
        .map(|k| {
            let mut d = base.delegations[0].clone();
            d.id = format!("018fd2d0-ffff-7000-8000-{k:012x}");
            d.title = format!("Đoàn nhập {k}");
            d
        })
        .collect();
    (store, big)
}

fn whole(store: &Store) -> String {
    serde_json::to_string(&store.export("").unwrap()).unwrap()
}

#[test]
fn a_cancelled_import_leaves_the_database_exactly_as_it_was() {
    let (mut store, big) = demo_and_big_file();
    let before = whole(&store);
    let delegations = store.list_delegations().unwrap().len();
    let halfway = Recorder {
        seen: RefCell::default(),
        stop_at: Some(1_500),
    };
    let error = desk_domain::Error::from(
        store
            .import_reporting(&big, SettingsMode::Keep, &halfway)
            .unwrap_err(),
    );
    assert_eq!(error.kind, ErrorKind::Cancelled);
    assert_eq!(error.code, "cancelled");
    let seen = halfway.seen.borrow().clone();
    assert!(
        seen.last()
            .is_some_and(|(done, _)| *done >= 1_500 && *done < 3_000),
        "stopped midway: {seen:?}"
    );
    assert_eq!(store.list_delegations().unwrap().len(), delegations);
    assert_eq!(whole(&store), before, "not one row was kept");

    // The same file, not cancelled: reported from 0 up to its total, never backwards.
    let watched = Recorder {
        seen: RefCell::default(),
        stop_at: None,
    };
    store
        .import_reporting(&big, SettingsMode::Keep, &watched)
        .unwrap();
    let seen = watched.seen.borrow().clone();
    assert_eq!(seen.first(), Some(&(0, 3_000)));
    assert_eq!(seen.last(), Some(&(3_000, 3_000)));
    assert!(seen.iter().all(|(_, total)| *total == big.records()));
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "monotonic: {seen:?}"
    );
    assert!(seen.len() >= 6, "a bar that moves: {} reports", seen.len());
    assert_eq!(store.list_delegations().unwrap().len(), delegations + 3_000);
}

#[test]
fn a_history_import_reports_its_rows_and_a_cancel_keeps_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    let csv = desk_store::testing::history_csv(0, 1_000);
    let options = desk_exchange::history::HistoryOptions {
        limits: desk_exchange::history::history_limits(),
        ..Default::default()
    };
    let sheet =
        desk_exchange::history::read_history("history.csv", csv.as_bytes(), &options).unwrap();
    let decisions = desk_domain::history::PeopleDecisions::default();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let before = whole(&store);

    let halfway = Recorder {
        seen: RefCell::default(),
        stop_at: Some(500),
    };
    let error = desk_domain::Error::from(
        store
            .import_history(sheet.clone(), &decisions, false, today, &halfway)
            .unwrap_err(),
    );
    assert_eq!(error.kind, ErrorKind::Cancelled);
    assert_eq!(
        whole(&store),
        before,
        "not one delegation, person or partner was kept"
    );

    let watched = Recorder {
        seen: RefCell::default(),
        stop_at: None,
    };
    let imported = store
        .import_history(sheet, &decisions, false, today, &watched)
        .unwrap();
    assert_eq!(imported.delegations, 1_000);
    let seen = watched.seen.borrow().clone();
    assert_eq!(seen.first(), Some(&(0, 1_000)));
    assert_eq!(seen.last(), Some(&(1_000, 1_000)));
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "monotonic: {seen:?}"
    );
    assert!(seen.len() >= 4, "a bar that moves: {} reports", seen.len());
}
