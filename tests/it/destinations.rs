//! Trips to several countries: a delegation to Singapore then Malaysia keeps both countries,
//! in order, with their cities, through the database (and its upgrade from the schema
//! before), the JSON export, statistics and the `desk` command line. (The rules of the input
//! are unit-tested in `desk_domain::delegation`.)

use chrono::NaiveDate;
use desk_domain::{Delegation, DelegationInput, Destination, Direction, Language, MemberInput};
use desk_store::{SettingsMode, Store};
use desk_tests::TempDb;

fn destination(country: &str, cities: &str) -> Destination {
    Destination {
        country: country.to_owned(),
        cities: cities.to_owned(),
    }
}

/// The study tour of 2019: Singapore, then Kuala Lumpur, then Bangkok.
fn three_countries() -> DelegationInput {
    let mut input = DelegationInput::new(
        Direction::Outgoing,
        "Khảo sát thư viện Singapore – Malaysia – Thái Lan",
        "sg",
        "2019-10-07",
        "2019-10-13",
    );
    input.cities = "Singapore".into();
    input.more_destinations = vec![
        destination(" my ", "Kuala Lumpur,  Putrajaya"),
        destination("TH", "Bangkok"),
    ];
    input
}

#[test]
fn a_trip_to_three_countries_survives_reopening_and_a_database_of_schema_8_upgrades() {
    let db = TempDb::new().unwrap();
    let created = db.create().create_delegation(&three_countries()).unwrap();
    assert_eq!(created.countries(), ["SG", "MY", "TH"]);
    let reopened = db.open().delegation(&created.id).unwrap();
    assert_eq!(
        reopened, created,
        "every destination is read back as written"
    );

    // Schema 8 knew one country per delegation; its delegations upgrade to trips to one.
    let old = TempDb::new().unwrap();
    std::fs::copy(
        desk_tests::repo_root().join("tests/fixtures/schema-v8.sqlite"),
        &old.path,
    )
    .unwrap();
    let mut store = old.open();
    let before = store.list_delegations().unwrap();
    assert!(!before.is_empty(), "the v8 fixture has delegations");
    assert!(
        before
            .iter()
            .all(|d| d.more_destinations.is_empty() && d.countries() == [d.country.as_str()]),
        "an old delegation has its one country: {before:?}"
    );
    let mut edited = before[0].to_input();
    edited.more_destinations = vec![destination("MY", "Kuala Lumpur")];
    let updated = store.update_delegation(&before[0].id, &edited).unwrap();
    assert_eq!(
        updated.countries(),
        [before[0].country.as_str(), "MY"],
        "an upgraded delegation takes a second country"
    );
}

#[test]
fn the_json_export_carries_every_destination_and_an_older_export_still_imports() {
    let mut store = Store::open_in_memory().unwrap();
    let trip = store.create_delegation(&three_countries()).unwrap();
    let export = store.export("").unwrap();
    let json = serde_json::to_value(&export).unwrap();
    assert_eq!(
        json["delegations"][0]["more_destinations"][1]["country"],
        "TH"
    );

    let mut other = Store::open_in_memory().unwrap();
    other.import(&export, SettingsMode::Keep).unwrap();
    assert_eq!(other.delegation(&trip.id).unwrap(), trip);

    // A file written before trips to several countries: no `more_destinations` at all.
    let mut older = json.clone();
    if let Some(d) = older["delegations"][0].as_object_mut() {
        d.remove("more_destinations");
    }
    older["schema_version"] = 8.into();
    let older: desk_store::Export = serde_json::from_value(older).unwrap();
    let mut third = Store::open_in_memory().unwrap();
    third.import(&older, SettingsMode::Keep).unwrap();
    let imported = third.delegation(&trip.id).unwrap();
    assert_eq!(
        imported.countries(),
        ["SG"],
        "one country, as the old file said"
    );
    assert_eq!(imported.title, trip.title);
}

fn stats_of(store: &Store, year: i32) -> desk_domain::YearStats {
    store
        .stats_as_of(
            NaiveDate::from_ymd_opt(year, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(year, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        )
        .unwrap()
}

fn bucket(stats: &desk_domain::YearStats, country: &str) -> (u32, u32) {
    stats
        .by_country
        .iter()
        .find(|b| b.key == country)
        .map(|b| (b.total, b.trips))
        .unwrap_or_default()
}

#[test]
fn by_country_counts_a_two_country_trip_under_both_while_totals_count_it_once() {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    let people = store.list_people().unwrap();
    // The demo's 2016 trip: Singapore, 6 members. Add a trip to Singapore and Malaysia.
    let mut input = DelegationInput::new(
        Direction::Outgoing,
        "Khảo sát thư viện Singapore và Malaysia",
        "SG",
        "2016-11-07",
        "2016-11-11",
    );
    input.more_destinations = vec![destination("MY", "Kuala Lumpur")];
    let two: Delegation = store.create_delegation(&input).unwrap();
    for person in people.iter().take(2) {
        store
            .add_member(
                &two.id,
                &MemberInput {
                    person_id: person.id.clone(),
                    ..MemberInput::default()
                },
            )
            .unwrap();
    }
    let s = stats_of(&store, 2016);
    assert_eq!(
        s.totals.outgoing.count, 2,
        "two delegations went out in 2016, the two-country one counted once"
    );
    assert_eq!(
        s.totals.trips,
        6 + 2,
        "its two members are two trips, not four"
    );
    assert_eq!(
        bucket(&s, "SG"),
        (2, 8),
        "Singapore: the INELI-ASEAN trip and the tour"
    );
    assert_eq!(bucket(&s, "MY"), (1, 2), "Malaysia: the tour alone");
    let countries: u32 = s.by_country.iter().map(|b| b.total).sum();
    assert_eq!(
        countries, 3,
        "by country adds up to more than the two delegations"
    );

    // The annual workbook's list of delegations names both countries on the trip's one row.
    use calamine::{Data, Reader, Xlsx};
    let bytes = desk_exchange::annual_workbook(&s, Language::Vi).unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let rows: Vec<Vec<String>> = book
        .worksheets()
        .into_iter()
        .flat_map(|(_, range)| {
            range
                .rows()
                .map(|r| r.iter().map(Data::to_string).collect())
                .collect::<Vec<_>>()
        })
        .filter(|r: &Vec<String>| r.contains(&two.title))
        .collect();
    assert_eq!(rows.len(), 1, "one row for the trip: {rows:?}");
    assert!(rows[0].contains(&"SG, MY".to_owned()), "{:?}", rows[0]);
}

/// `desk delegation add` of the 2019 study tour to the countries and cities given.
fn add_tour(db: &str, countries: &str, cities: &str) -> desk_tests::Run {
    desk_tests::desk(&[
        "--db",
        db,
        "delegation",
        "add",
        "--direction=outgoing",
        "--title=Khảo sát thư viện Singapore và Malaysia",
        "--starts=2019-10-07",
        "--ends=2019-10-12",
        &format!("--country={countries}"),
        &format!("--cities={cities}"),
    ])
}

#[test]
fn desk_adds_a_trip_to_two_countries_and_shows_and_finds_it_under_both() {
    let db = TempDb::with_database().unwrap();
    let db = db.path.to_str().unwrap().to_owned();
    let added = add_tour(&db, "SG,my", "Singapore; Kuala Lumpur, Putrajaya");
    assert_eq!(added.code, 0, "stderr: {}", added.stderr);
    let id = added.stdout.trim().to_owned();

    let show = desk_tests::desk(&["--db", &db, "--json", "delegation", "show", &id]);
    let shown: serde_json::Value = serde_json::from_str(&show.stdout).unwrap();
    let d = &shown["delegation"];
    assert_eq!(
        (&d["country"], &d["cities"]),
        (&"SG".into(), &"Singapore".into())
    );
    assert_eq!(
        d["more_destinations"],
        serde_json::json!([{ "country": "MY", "cities": "Kuala Lumpur, Putrajaya" }]),
        "the second country with its own cities"
    );
    let text = desk_tests::desk(&["--db", &db, "delegation", "show", &id]);
    assert!(
        text.stdout
            .contains("SG Singapore, MY Kuala Lumpur, Putrajaya"),
        "{}",
        text.stdout
    );

    for country in ["SG", "MY"] {
        let listed = desk_tests::desk(&[
            "--db",
            &db,
            "--json",
            "delegation",
            "list",
            "--country",
            country,
        ]);
        assert!(
            listed.stdout.contains(&id),
            "the trip is listed under {country}: {}",
            listed.stdout
        );
    }
    let table = desk_tests::desk(&["--db", &db, "delegation", "list"]);
    assert!(table.stdout.contains("SG,MY"), "{}", table.stdout);
    let itinerary = desk_tests::desk(&["--db", &db, "itinerary", "--delegation", &id]);
    assert!(
        itinerary
            .stdout
            .contains("2019-10-07 – 2019-10-12 · SG Singapore, MY Kuala Lumpur, Putrajaya"),
        "the itinerary's heading names both countries: {}",
        itinerary.stdout
    );

    let refused = add_tour(&db, "SG,MY,SG", "");
    assert_eq!(refused.code, 1, "a country twice is refused");
    assert!(
        refused
            .stderr
            .contains("SG is already a country of this trip"),
        "{}",
        refused.stderr
    );
}

/// The demo's 2016 trip, made a trip to Singapore and then Malaysia.
fn demo_via_kuala_lumpur() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    let trip = store.delegation(SINGAPORE).unwrap();
    let mut input = trip.to_input();
    input.more_destinations = vec![destination("MY", "Kuala Lumpur")];
    store.update_delegation(SINGAPORE, &input).unwrap();
    store
}

const SINGAPORE: &str = "018fd2d0-0819-7186-9072-600a56b24d19";

/// A PDF's text with its line breaks and layout spaces folded to single spaces.
fn flat_text(pdf: &[u8]) -> String {
    let dir = TempDb::new().unwrap();
    let path = dir.dir.path().join("paper.pdf");
    std::fs::write(&path, pdf).unwrap();
    desk_tests::poppler("pdftotext", &path, &[])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_mission_report_and_the_itinerary_name_every_country_in_their_language() {
    let mut store = demo_via_kuala_lumpur();
    let dir = TempDb::new().unwrap();
    for (language, header, body) in [
        (
            Language::Vi,
            "Kết quả chuyến công tác tại Xin-ga-po và Ma-lai-xi-a",
            "Đoàn công tác tại Xin-ga-po (Singapore); Ma-lai-xi-a (Kuala Lumpur) từ ngày 05/09/2016 đến ngày 09/09/2016.",
        ),
        (
            Language::En,
            "Results of the mission to Singapore and Malaysia",
            "The delegation travelled to Singapore (Singapore); Malaysia (Kuala Lumpur) from 5 Sep 2016 to 9 Sep 2016.",
        ),
    ] {
        let pdf = dir.dir.path().join(format!("report-{language}.pdf"));
        desk_ops::export_mission_report(&mut store, SINGAPORE, language, &pdf).unwrap();
        let text = flat_text(&std::fs::read(&pdf).unwrap());
        assert!(text.contains(header), "the header in {language}: {text}");
        assert!(text.contains(body), "the body in {language}: {text}");
    }

    let itinerary =
        flat_text(&desk_ops::itinerary_pdf(&store, SINGAPORE, None, Language::Vi).unwrap());
    assert!(
        itinerary.contains("Địa điểm: Xin-ga-po (Singapore); Ma-lai-xi-a (Kuala Lumpur)"),
        "{itinerary}"
    );
    let english =
        flat_text(&desk_ops::itinerary_pdf(&store, SINGAPORE, None, Language::En).unwrap());
    assert!(
        english.contains("Destination: Singapore (Singapore); Malaysia (Kuala Lumpur)"),
        "{english}"
    );

    let event = desk_exchange::ics::delegation_event(&store.delegation(SINGAPORE).unwrap());
    assert_eq!(
        event.location, "Singapore, SG; Kuala Lumpur, MY",
        "the calendar's event names both places"
    );
}
