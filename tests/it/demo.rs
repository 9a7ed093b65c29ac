//! The demo data set: the INELI-ASEAN story, loaded as a user would, and the whole-database
//! export that must come back identical.

use desk_domain::Direction;
use desk_store::Store;

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    store
}

#[test]
fn the_singapore_trip_has_four_national_and_two_provincial_officials() {
    let store = demo();
    let delegations = store.list_delegations().unwrap();
    let singapore = delegations
        .iter()
        .find(|d| d.direction == Direction::Outgoing && d.country == "SG")
        .expect("the 2016 Singapore delegation");
    assert_eq!(singapore.starts_on.to_string(), "2016-09-05");
    let members = store.members(&singapore.id).unwrap();
    assert_eq!(members.len(), 6);
    let orgs: Vec<String> = members
        .iter()
        .map(|m| {
            store
                .organisation(m.person.organisation_id.as_deref().unwrap())
                .unwrap()
                .name
        })
        .collect();
    assert_eq!(
        orgs.iter()
            .filter(|o| *o == "Thư viện Quốc gia Việt Nam")
            .count(),
        4
    );
    assert!(orgs.contains(&"Thư viện tỉnh Bình Dương".to_owned()));
    assert!(orgs.contains(&"Thư viện tỉnh Khánh Hòa".to_owned()));
}

#[test]
fn the_hanoi_session_hosts_sixty_plus_delegates_from_the_ten_consal_countries() {
    let store = demo();
    let hanoi = store
        .list_delegations()
        .unwrap()
        .into_iter()
        .find(|d| d.direction == Direction::Incoming)
        .expect("the 2017 Hanoi session");
    assert_eq!(
        (hanoi.starts_on.to_string(), hanoi.ends_on.to_string()),
        ("2017-11-27".into(), "2017-11-30".into())
    );
    let guests: Vec<_> = store
        .members(&hanoi.id)
        .unwrap()
        .into_iter()
        .filter(|m| m.member.role == desk_domain::MemberRole::Guest)
        .collect();
    assert!(guests.len() > 60, "60+ delegates, got {}", guests.len());
    let mut countries: Vec<String> = guests
        .iter()
        .map(|g| g.person.nationality.clone())
        .collect();
    countries.sort();
    countries.dedup();
    assert_eq!(
        countries,
        desk_domain::country::CONSAL,
        "all ten CONSAL countries"
    );
    assert!(
        !store
            .list::<desk_domain::TransferInput>(&hanoi.id)
            .unwrap()
            .is_empty()
    );
    assert!(
        !store
            .list::<desk_domain::StayInput>(&hanoi.id)
            .unwrap()
            .is_empty()
    );
    assert!(
        store
            .list::<desk_domain::TaskInput>(&hanoi.id)
            .unwrap()
            .len()
            >= 5
    );
    assert!(
        store
            .list::<desk_domain::ProgrammeItemInput>(&hanoi.id)
            .unwrap()
            .len()
            >= 8
    );
}

#[test]
fn the_demo_says_it_is_illustrative() {
    let data: desk_store::Export = serde_json::from_str(desk_store::demo_json()).unwrap();
    assert!(data.note.contains("illustrative"), "{}", data.note);
}

#[test]
fn export_import_export_is_identical() {
    let first = demo().export("round trip").unwrap();
    let mut empty = Store::open_in_memory().unwrap();
    empty
        .import(&first, desk_store::SettingsMode::Replace)
        .unwrap();
    let second = empty.export("round trip").unwrap();
    let a = serde_json::to_string_pretty(&first).unwrap();
    let b = serde_json::to_string_pretty(&second).unwrap();
    assert!(a == b, "the second export differs from the first");
    assert!(first.attachments.len() >= 2, "photos travel too");
}

#[test]
fn importing_the_same_records_twice_is_refused_whole() {
    let mut store = demo();
    let before = store.export("").unwrap();
    let error = desk_domain::Error::from(store.load_demo().unwrap_err());
    assert_eq!(error.kind, desk_domain::ErrorKind::Conflict);
    assert!(
        error.message.contains("already in this database"),
        "{}",
        error.message
    );
    let after = store.export("").unwrap();
    assert!(before == after, "nothing was half imported");
}
