//! The Today screen's warnings and deadlines on the demo data, on days chosen from the
//! INELI-ASEAN story, and from the terminal.

use chrono::NaiveDate;
use desk_domain::{AgendaItem, AgendaKind, DelegationStatus, Severity};
use desk_store::Store;
use desk_tests::{TempDb, desk};

const SINGAPORE: &str = "018fd2d0-0819-7186-9072-600a56b24d19";
const DUNG: &str = "018fd2d0-0811-71c8-9081-fb56dcb33a11";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    store
}

fn kinds(items: &[AgendaItem]) -> Vec<AgendaKind> {
    items.iter().map(|i| i.kind).collect()
}

#[test]
fn eleven_days_before_singapore_dungs_passport_is_flagged() {
    let items = demo().agenda(day("2016-08-25")).unwrap();
    assert_eq!(
        kinds(&items),
        vec![
            AgendaKind::PassportExpiring,
            AgendaKind::DelegationStarts,
            AgendaKind::SegmentDeparts,
        ],
        "the passport first (due soon), then the departure and its flight; the return on \
         9 September is 15 days away and not listed yet; visas are not required: {items:#?}"
    );
    let passport = &items[0];
    assert_eq!(passport.person_id.as_deref(), Some(DUNG));
    assert_eq!(passport.person_name, "Trần Mỹ Dung");
    assert_eq!(
        passport.related_on,
        Some(day("2017-01-20")),
        "her passport's expiry"
    );
    assert_eq!(
        passport.due_on,
        Some(day("2016-09-05")),
        "to be fixed before departure"
    );
    assert_eq!(
        (passport.severity, passport.days_left),
        (Severity::DueSoon, Some(11))
    );
    assert_eq!(passport.delegation_id.as_deref(), Some(SINGAPORE));
    assert_eq!(items[2].subject, "VN 651 HAN → SIN");
}

#[test]
fn after_the_return_the_settlement_falls_due_while_the_final_report_is_done() {
    // The demo's trip is long closed; reopen its settlement, as it stood in September 2016.
    let mut store = demo();
    store
        .set_delegation_status(SINGAPORE, desk_domain::DelegationStatus::Reported)
        .unwrap();
    let items = store.agenda(day("2016-09-26")).unwrap();
    assert_eq!(kinds(&items), vec![AgendaKind::SettlementDue], "{items:#?}");
    assert_eq!(
        items[0].due_on,
        Some(day("2016-10-09")),
        "30 days after 9 September"
    );
    assert_eq!(items[0].severity, Severity::DueSoon);
    let later = store.agenda(day("2016-10-10")).unwrap();
    assert_eq!(later[0].severity, Severity::Overdue, "a day late");
}

#[test]
fn a_week_before_the_hanoi_session_the_guests_arrivals_are_listed() {
    let items = demo().agenda(day("2017-11-20")).unwrap();
    let arrivals: Vec<&AgendaItem> = items
        .iter()
        .filter(|i| i.kind == AgendaKind::SegmentArrives)
        .collect();
    assert_eq!(arrivals.len(), 9, "nine flights bring the CONSAL delegates");
    assert!(arrivals.iter().all(|a| a.due_on == Some(day("2017-11-26"))));
    assert!(kinds(&items).contains(&AgendaKind::DelegationStarts));
    assert!(
        !kinds(&items).contains(&AgendaKind::TaskDue),
        "every hosting task of the demo is done"
    );
    assert!(
        !kinds(&items).contains(&AgendaKind::PassportMissing),
        "guests' passports are theirs to mind"
    );
}

#[test]
fn cancelling_or_trashing_a_delegation_clears_its_warnings() {
    let mut store = demo();
    let draft = store
        .duplicate_delegation(SINGAPORE, "INELI-ASEAN 2026")
        .unwrap();
    let mut input = draft.to_input();
    input.starts_on = "2026-12-01".into();
    input.ends_on = "2026-12-04".into();
    store.update_delegation(&draft.id, &input).unwrap();
    let today = day("2026-11-25");
    let about_draft = |store: &Store| {
        store
            .agenda(today)
            .unwrap()
            .into_iter()
            .filter(|i| i.delegation_id.as_deref() == Some(draft.id.as_str()))
            .count()
    };
    assert!(
        about_draft(&store) >= 6,
        "six passports expired long ago, and the departure"
    );
    store
        .set_delegation_status(&draft.id, DelegationStatus::Cancelled)
        .unwrap();
    assert_eq!(about_draft(&store), 0, "cancelled");
    store
        .set_delegation_status(&draft.id, DelegationStatus::Draft)
        .unwrap();
    store.trash_delegation(&draft.id).unwrap();
    assert_eq!(about_draft(&store), 0, "in the trash");
}

#[test]
fn desk_warnings_prints_a_table_and_stable_json() {
    let db = TempDb::new().unwrap();
    let db = db.path.to_str().unwrap().to_owned();
    assert_eq!(desk(&["--db", &db, "demo"]).code, 0);
    let table = desk(&["--db", &db, "warnings", "--today", "2016-08-25"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(
        table.stdout.contains("passport_expiring")
            && table
                .stdout
                .contains("Trần Mỹ Dung's passport expires 2017-01-20"),
        "{}",
        table.stdout
    );
    let json = desk(&["--db", &db, "--json", "warnings", "--today", "2016-08-25"]);
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(parsed["today"], "2016-08-25");
    let first = &parsed["items"][0];
    assert_eq!(first["kind"], "passport_expiring");
    assert_eq!(first["severity"], "due_soon");
    assert_eq!(first["due_on"], "2016-09-05");
    assert_eq!(first["days_left"], 11);
    assert_eq!(first["person_name"], "Trần Mỹ Dung");
    assert_eq!(first["related_on"], "2017-01-20");
    assert_eq!(first["threshold"], 6);

    let empty = TempDb::with_database().unwrap();
    let quiet = desk(&["--db", empty.path.to_str().unwrap(), "warnings"]);
    assert_eq!(quiet.code, 0, "{}", quiet.stderr);
    assert!(
        quiet.stdout.contains("Nothing needs attention"),
        "an empty office has nothing to do: {}",
        quiet.stdout
    );
    let bad = desk(&["--db", &db, "warnings", "--today", "25/08/2016"]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("--today"), "{}", bad.stderr);
}

#[test]
fn a_delegations_page_shows_what_today_shows_about_it_from_its_own_records() {
    let store = demo();
    let mut compared = 0;
    for today in [
        "2016-08-25",
        "2016-09-07",
        "2016-09-20",
        "2017-11-20",
        "2017-12-10",
    ] {
        let all = store.agenda(day(today)).unwrap();
        for d in store.list_delegations().unwrap() {
            let expected: Vec<&AgendaItem> = all
                .iter()
                .filter(|i| i.delegation_id.as_deref() == Some(d.id.as_str()))
                .collect();
            let own = store.agenda_of(day(today), &d.id).unwrap();
            assert_eq!(
                own.iter().collect::<Vec<_>>(),
                expected,
                "{} on {today}",
                d.title
            );
            compared += own.len();
        }
    }
    assert!(compared > 0, "some delegation had something to show");
}
