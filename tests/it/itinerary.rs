//! Travel from the terminal as staff use it: segments typed with airport codes or city
//! names get their zones from the shipped data, the itinerary shows local times with offsets
//! and durations, flags nights without a stay, and goes out as a PDF and a calendar.

use std::process::Command;

use desk_domain::StayInput;

use desk_tests::{TempDb, desk};

struct Trip {
    _db: TempDb,
    db: String,
    delegation: String,
    dung: String,
    thanh: String,
}

fn ok(args: &[&str]) -> String {
    let run = desk(args);
    assert_eq!(run.code, 0, "desk {args:?} failed: {}", run.stderr);
    run.stdout.trim().to_owned()
}

/// The Singapore trip typed as a user would: two members, out by code, back by city name.
fn singapore() -> Trip {
    let guard = TempDb::with_database().unwrap();
    let db = guard.path.to_str().unwrap().to_owned();
    let delegation = ok(&[
        "--db",
        &db,
        "delegation",
        "add",
        "--direction",
        "outgoing",
        "--title",
        "INELI-ASEAN Singapore",
        "--country",
        "SG",
        "--city",
        "Singapore",
        "--starts",
        "2016-09-05",
        "--ends",
        "2016-09-09",
    ]);
    let person = |name: &str| {
        ok(&[
            "--db",
            &db,
            "person",
            "add",
            "--name",
            name,
            "--passport",
            "C1",
            "--passport-expires",
            "2025-01-01",
        ])
    };
    let dung = person("Trần Mỹ Dung");
    let thanh = person("Lê Văn Thành");
    for p in [&dung, &thanh] {
        ok(&[
            "--db",
            &db,
            "member",
            "add",
            "--delegation",
            &delegation,
            "--person",
            p,
        ]);
    }
    Trip {
        _db: guard,
        db,
        delegation,
        dung,
        thanh,
    }
}

/// The arguments of `desk <command> --delegation <the trip's>` on the trip's database, with
/// `more` after.
fn on_trip<'a>(trip: &'a Trip, command: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    desk_tests::delegation_args(&trip.db, command, &trip.delegation, more)
}

fn add_flights(trip: &Trip) {
    let out = ok(&on_trip(
        trip,
        &["--json", "segment", "add"],
        &[
            "--from",
            "han",
            "--to",
            "Singapore",
            "--departs",
            "2016-09-05T23:50",
            "--arrives",
            "2016-09-06T03:10",
            "--carrier",
            "Vietnam Airlines",
            "--number",
            "VN 651",
        ],
    ));
    let segment: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (segment["from_tz"].as_str(), segment["to_tz"].as_str()),
        (Some("Asia/Ho_Chi_Minh"), Some("Asia/Singapore")),
        "zones come from the code and the city name"
    );
    assert_eq!(
        segment["from_place"], "HAN",
        "an airport code is stored in capitals"
    );
    assert_eq!(segment["to_place"], "Singapore", "a city is kept as typed");
    ok(&on_trip(
        trip,
        &["segment", "add"],
        &[
            "--from",
            "SIN",
            "--to",
            "Hà Nội",
            "--departs",
            "2016-09-09T16:40",
            "--arrives",
            "2016-09-09T18:55",
            "--carrier",
            "Singapore Airlines",
            "--number",
            "SQ 176",
        ],
    ));
}

fn itinerary_json(trip: &Trip, extra: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(&on_trip(trip, &["--json", "itinerary"], extra))).unwrap()
}

#[test]
fn the_itinerary_shows_local_times_offsets_and_durations() {
    let trip = singapore();
    add_flights(&trip);
    let it = itinerary_json(&trip, &[]);
    let legs = it["legs"].as_array().unwrap();
    let rows: Vec<(String, String, String, String)> = legs
        .iter()
        .map(|l| {
            (
                l["segment"]["departs_local"].as_str().unwrap().to_owned(),
                l["departs_offset"].as_str().unwrap().to_owned(),
                l["arrives_offset"].as_str().unwrap().to_owned(),
                l["duration"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "2016-09-05T23:50:00".into(),
                "+07:00".into(),
                "+08:00".into(),
                "2 h 20 min".into()
            ),
            (
                "2016-09-09T16:40:00".into(),
                "+08:00".into(),
                "+07:00".into(),
                "3 h 15 min".into()
            ),
        ],
        "HAN 23:50 +07 → SIN 03:10 +08 next day is 2 h 20 min"
    );
    let table = ok(&on_trip(&trip, &["itinerary"], &[]));
    assert!(table.contains("2016-09-05 23:50 +07:00"), "{table}");
    assert!(
        table.contains("Asia/Ho_Chi_Minh → Asia/Singapore"),
        "{table}"
    );
}

#[test]
fn nights_without_a_stay_are_flagged_for_the_right_person() {
    let trip = singapore();
    add_flights(&trip);
    // Dung has a room for the three nights; Thành has none.
    let mut store = trip._db.open();
    store
        .add(
            &trip.delegation,
            &StayInput {
                hotel: "Hotel Boss".into(),
                city: "Singapore".into(),
                check_in_on: "2016-09-06".into(),
                check_out_on: "2016-09-09".into(),
                guest_ids: vec![trip.dung.clone()],
                ..Default::default()
            },
        )
        .unwrap();
    drop(store);
    let it = itinerary_json(&trip, &[]);
    let warnings = it["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0]["kind"], "nights_without_stay");
    assert_eq!(warnings[0]["person_ids"], serde_json::json!([trip.thanh]));
    assert_eq!(
        warnings[0]["nights"],
        serde_json::json!(["2016-09-06", "2016-09-07", "2016-09-08"]),
        "arrival at 03:10 on the 6th, departure on the 9th"
    );
    let table = ok(&on_trip(&trip, &["itinerary"], &[]));
    assert!(
        table.contains("Lê Văn Thành: no stay booked in Singapore"),
        "the table says who and where: {table}"
    );
    let dung = itinerary_json(&trip, &["--person", &trip.dung]);
    assert!(
        dung["warnings"].as_array().unwrap().is_empty(),
        "Dung has her room"
    );
    assert_eq!(dung["stays"].as_array().unwrap().len(), 1);
}

#[test]
fn an_unknown_place_without_a_zone_is_refused_and_a_typed_zone_is_accepted() {
    let trip = singapore();
    // The same flight twice: first without a zone for Atlantis, then with one.
    let to_atlantis = ["--from", "HAN", "--to", "Atlantis"];
    let times = [
        "--departs",
        "2016-09-05T23:50",
        "--arrives",
        "2016-09-06T03:10",
    ];
    let refused = desk(&on_trip(
        &trip,
        &["segment", "add"],
        &[&to_atlantis[..], &times].concat(),
    ));
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("Arrival place \"Atlantis\"")
            && refused.stderr.contains("give its time zone"),
        "names the place and says what to give: {}",
        refused.stderr
    );
    assert!(
        itinerary_json(&trip, &[])["legs"]
            .as_array()
            .unwrap()
            .is_empty(),
        "nothing written"
    );
    let zone = ["--to-tz", "Pacific/Tahiti"];
    ok(&on_trip(
        &trip,
        &["segment", "add"],
        &[&to_atlantis[..], &zone, &times].concat(),
    ));
    let it = itinerary_json(&trip, &[]);
    assert_eq!(it["legs"][0]["segment"]["to_tz"], "Pacific/Tahiti");
}

#[test]
fn the_trip_goes_out_as_a_printable_pdf_and_a_calendar() {
    let trip = singapore();
    add_flights(&trip);
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("itinerary.pdf");
    let ics = dir.path().join("trip.ics");
    let (pdf_arg, ics_arg) = (pdf.to_str().unwrap(), ics.to_str().unwrap());
    ok(&on_trip(
        &trip,
        &["itinerary"],
        &["--pdf", pdf_arg, "--ics", ics_arg],
    ));
    let text = Command::new("pdftotext")
        .args([pdf_arg, "-"])
        .output()
        .expect("pdftotext is needed (apt-get install poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "LỊCH TRÌNH CÔNG TÁC",
        "THƯ VIỆN QUỐC GIA VIỆT NAM",
        "1. Lê Văn Thành",
        "2. Trần Mỹ Dung",
        "23:50 05/09/2016",
        "(UTC+07:00)",
        "2 h 20 min",
        "HAN – Noi Bai",
    ] {
        assert!(
            flat.contains(expected),
            "the PDF shows {expected:?}: {flat}"
        );
    }
    assert!(
        flat.contains("chưa có chỗ ở tại Singapore"),
        "no stay booked: {flat}"
    );

    let calendar = std::fs::read_to_string(&ics).unwrap();
    assert!(calendar.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(calendar.contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20160905T235000\r\n"));
    assert!(calendar.contains("DTEND;TZID=Asia/Singapore:20160906T031000\r\n"));
    assert_eq!(calendar.matches("BEGIN:VTIMEZONE").count(), 2);

    let one = dir.path().join("dung.pdf");
    ok(&on_trip(
        &trip,
        &["itinerary"],
        &[
            "--person",
            &trip.dung,
            "--pdf",
            one.to_str().unwrap(),
            "--lang",
            "en",
        ],
    ));
    let text = Command::new("pdftotext")
        .args([one.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        // English papers write names as in the passport.
        text.contains("ITINERARY") && text.contains("TRAN MY DUNG"),
        "{text}"
    );
    assert!(!text.contains("LE VAN THANH"), "only Dung's sheet: {text}");

    let stranger = desk(&on_trip(&trip, &["itinerary"], &["--person", "nobody"]));
    assert_eq!(
        stranger.code, 1,
        "a person outside the delegation is refused"
    );
}
