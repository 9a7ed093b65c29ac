//! Guest lists in every layout: the preview names each problem by row and column, an import
//! is all or nothing (or skips the bad rows when asked), a mapping is remembered for the
//! partner, and the CLI's dry run writes nothing.

use desk_domain::Person;
use desk_domain::hosting::GuestRecord;

use super::*;

/// Whether one of the sheet's notes says all of `words`.
fn has_note(sheet: &GuestSheet, words: &[&str]) -> bool {
    sheet
        .notes
        .iter()
        .any(|n| words.iter().all(|w| n.contains(w)))
}

/// The guest whose person `is` picks out.
fn guest_where(guests: &[GuestRecord], is: impl Fn(&Person) -> bool) -> &GuestRecord {
    guests.iter().find(|g| is(&g.person)).unwrap()
}

#[test]
fn the_preview_names_every_problem_by_row_and_column() {
    let (store, delegation, _) = hosting_store();
    let sheet = read("participants.xlsx", &english_list());
    assert_eq!(
        sheet.header_row, 3,
        "the headers are found on row 3, under the title lines"
    );
    assert_eq!(sheet.sheet, "Participants");
    assert_eq!(
        sheet.rows.len(),
        7,
        "seven guest rows; the total line is not a guest"
    );
    assert!(
        has_note(&sheet, &["Room preference", "not imported"]),
        "an unknown column is named as not imported: {:?}",
        sheet.notes
    );
    assert!(
        has_note(&sheet, &["row 12", "Total"]),
        "the total line is said to be left out: {:?}",
        sheet.notes
    );
    let checked = store.preview_guests(&delegation, &sheet).unwrap();
    assert_eq!(
        findings(&checked),
        vec![
            (5, "G".into(), ProblemKind::PassportExpired),
            (6, "B".into(), ProblemKind::MissingName),
            (7, "D".into(), ProblemKind::BadDate),
            (8, "F".into(), ProblemKind::DuplicateInFile),
        ],
        "each problem sits on its cell: {:#?}",
        checked.problems()
    );
    let expired = &checked.rows[1].problems[0].message;
    assert!(
        expired.contains("2016-05-01")
            && expired.contains("2017-11-30")
            && expired.contains("Date of expiry"),
        "the message says when the passport expires, when the event ends and which column: {expired}"
    );
    assert!(
        checked.rows[4].problems[0].message.contains("row 4"),
        "a duplicate names the first row"
    );
    // Values read as partners meant them.
    let kanokwan = &checked.rows[0].guest.person;
    assert_eq!(kanokwan.born_on, "1972-02-27", "a date cell");
    assert_eq!(kanokwan.nationality, "TH", "\"Thailand\" becomes its code");
    assert_eq!(kanokwan.gender, "female");
    assert_eq!(
        kanokwan.name_order, "given_first",
        "Thai names are given name first"
    );
    assert_eq!(
        checked.rows[1].guest.person.born_on, "1975-03-12",
        "\"12 Mar 1975\""
    );
    assert_eq!(
        checked.rows[5].guest.person.born_on, "1980-07-19",
        "a serial number in a date column"
    );
    let flight = checked.rows[0].guest.arrival.clone().unwrap();
    assert_eq!(
        (flight.number.as_str(), flight.date.map(|d| d.to_string())),
        ("TG 560", Some("2017-11-26".into()))
    );
}

#[test]
fn a_refused_import_changes_nothing_and_skip_invalid_imports_the_good_rows() {
    let (mut store, delegation, consal) = hosting_store();
    let sheet = read("participants.xlsx", &english_list());
    let before = store.export("").unwrap();
    let error =
        desk_domain::Error::from(store.import_guests(&delegation, &sheet, false).unwrap_err());
    assert_eq!(error.kind, ErrorKind::Validation);
    let cells: Vec<(String, Rule)> = error
        .violations
        .iter()
        .map(|v| (v.field.clone(), v.rule))
        .collect();
    assert_eq!(
        cells,
        vec![
            ("G5".into(), Rule::OutOfRange),
            ("B6".into(), Rule::Required),
            ("D7".into(), Rule::InvalidDate),
            ("F8".into(), Rule::Duplicate),
        ],
        "the refusal names each cell and rule"
    );
    assert!(
        error.message.contains("nothing was imported"),
        "{}",
        error.message
    );
    let after = store.export("").unwrap();
    assert!(
        before == after,
        "a refused import writes nothing: no person, organisation, member or audit line"
    );

    let imported = store.import_guests(&delegation, &sheet, true).unwrap();
    assert_eq!(imported.skipped_rows, vec![5, 6, 7, 8]);
    let names: Vec<&str> = imported
        .people
        .iter()
        .map(|p| p.full_name.as_str())
        .collect();
    assert_eq!(
        names,
        vec!["Kanokwan Thongdee", "Phouvong Souvannavong", "Ei Ei Phyo"]
    );
    assert_eq!(
        imported.organisations_created.len(),
        3,
        "Thailand's, Laos's and Myanmar's libraries are new"
    );
    assert_eq!(imported.segments_created, 2, "TG 560 and QV 311, once each");
    let guests = store.guests(&delegation).unwrap();
    assert_eq!(guests.len(), 3);
    assert!(
        guests
            .iter()
            .all(|g| g.member.role == desk_domain::MemberRole::Guest)
    );
    let ei = guest_where(&guests, |p| p.full_name == "Ei Ei Phyo");
    assert_eq!(
        (
            ei.person.family_name.as_str(),
            ei.person.given_name.as_str()
        ),
        ("", "Ei Ei Phyo"),
        "a Myanmar name is never split"
    );
    assert_eq!(
        ei.person.dietary, "=1+1",
        "text is kept exactly as given, formula-looking or not"
    );
    let tg = guest_where(&guests, |p| p.full_name == "Kanokwan Thongdee")
        .arrival
        .clone()
        .unwrap();
    assert_eq!(
        (tg.to_place.as_str(), tg.arrives_local.to_string().as_str()),
        ("HAN", "2017-11-26 15:55:00")
    );
    assert!(
        store
            .guest_mapping(&consal)
            .unwrap()
            .is_some_and(|m| m.columns.contains_key("Passport No.")),
        "the mapping is remembered for CONSAL"
    );

    // The same file again: every good row is now a guest already.
    let again = store.preview_guests(&delegation, &sheet).unwrap();
    let already: Vec<u32> = again
        .problems()
        .iter()
        .filter(|p| p.kind == ProblemKind::AlreadyMember)
        .map(|p| p.row)
        .collect();
    assert_eq!(
        already,
        vec![4, 8, 9, 10],
        "row 8 repeats row 4's passport, so it is a guest already too"
    );
}

#[test]
fn a_guest_already_in_the_directory_is_named_with_their_record() {
    let (mut store, delegation, _) = hosting_store();
    let known = store
        .create_person(&desk_domain::PersonInput {
            full_name: "Phouvong Souvannavong".into(),
            passport_no: "la1165122".into(),
            ..Default::default()
        })
        .unwrap();
    let checked = store
        .preview_guests(&delegation, &read("p.xlsx", &english_list()))
        .unwrap();
    let duplicate = checked
        .problems()
        .into_iter()
        .find(|p| p.kind == ProblemKind::DuplicatePerson)
        .cloned()
        .expect("the known passport is found");
    assert_eq!((duplicate.row, duplicate.column.as_str()), (9, "F"));
    assert_eq!(
        duplicate.existing_person_id.as_deref(),
        Some(known.id.as_str())
    );
}

#[test]
fn vietnamese_headers_serial_dates_and_names_in_any_script() {
    let (mut store, delegation, _) = hosting_store();
    let sheet = read("danh-sach.xlsx", &vietnamese_list());
    assert_eq!(sheet.sheet, "Danh sách");
    assert_eq!(sheet.header_row, 1);
    let checked = store.preview_guests(&delegation, &sheet).unwrap();
    assert!(checked.problems().is_empty(), "{:#?}", checked.problems());
    store.import_guests(&delegation, &sheet, false).unwrap();
    let guests = store.guests(&delegation).unwrap();
    let dung = guest_where(&guests, |p| p.passport_no == "C1234000");
    assert_eq!(
        dung.person.full_name, "Trần Mỹ Dung",
        "family name first for Viet Nam"
    );
    assert_eq!(dung.person.passport_name, "TRAN MY DUNG");
    assert_eq!(
        dung.person.born_on.map(|d| d.to_string()).as_deref(),
        Some("1980-07-19")
    );
    assert_eq!(
        dung.person
            .passport_expires_on
            .map(|d| d.to_string())
            .as_deref(),
        Some("2028-09-04")
    );
    assert_eq!(
        dung.person.phone, "84912000001",
        "a phone number stored as a number reads as digits"
    );
    let diep = guest_where(&guests, |p| p.passport_no == "C1234001");
    assert_eq!(
        diep.person.passport_name, "DANG THI HONG DIEP",
        "Đ becomes D"
    );
    let lao = guest_where(&guests, |p| p.nationality == "LA");
    assert_eq!(
        lao.person.full_name, "ສົມພອນ ແກ້ວມະນີ",
        "a Lao name is kept in Lao script, given name first"
    );
    assert_eq!(lao.person.passport_name, "SOMPHONE KEOMANY");
}

#[test]
fn a_semicolon_csv_with_a_bom_reads_like_a_workbook() {
    let bytes =
        std::fs::read(repo_root().join("tests/fixtures/guests/consal-semicolon-bom.csv")).unwrap();
    let (mut store, delegation, _) = hosting_store();
    let sheet = read("consal.csv", &bytes);
    assert_eq!(
        sheet.columns[0].header, "Họ và tên",
        "the byte-order mark is not part of the first header"
    );
    assert_eq!(sheet.rows.len(), 3);
    let tan = &sheet.rows[0].guest;
    assert_eq!(
        tan.organisation, "National Library Board, Singapore",
        "a quoted comma stays in the field"
    );
    assert_eq!(
        tan.person.born_on, "1985-04-03",
        "03/04/1985 is 3 April, day first"
    );
    let flight = tan.arrival.clone().unwrap();
    assert_eq!(
        flight.time.map(|t| t.to_string()).as_deref(),
        Some("10:50:00"),
        "date and time in one cell"
    );
    store.import_guests(&delegation, &sheet, false).unwrap();
    let imported = store.guests(&delegation).unwrap();
    assert_eq!(imported.len(), 3);
    let sq = imported
        .iter()
        .filter_map(|g| g.arrival.clone())
        .collect::<Vec<_>>();
    assert_eq!(sq.len(), 2, "both Singaporeans arrive on SQ 176");
    assert_eq!(sq[0].id, sq[1].id, "one flight, two passengers");
    let orgs = store.list_organisations().unwrap();
    assert_eq!(
        orgs.iter()
            .filter(|o| o.name == "National Library Board, Singapore")
            .count(),
        1,
        "the organisation is created once and matched by name after"
    );
}

#[test]
fn a_mapping_file_names_unknown_headers_and_is_remembered_for_the_partner() {
    let (mut store, delegation, consal) = hosting_store();
    let csv = "Tên khách,Mã HC,Nước\nSomchai Jaidee,TH4440001,TH\n";
    let none = read_guests("x.csv", csv.as_bytes(), &ReadOptions::default()).err();
    assert!(
        none.is_some_and(|e| e.to_string().contains("no header row found")),
        "without a mapping the headers are unknown"
    );
    let mapping =
        desk_exchange::parse_mapping(r#"{"Tên khách": "full_name", "B": "passport_no"}"#).unwrap();
    let options = ReadOptions {
        mapping: Some(mapping),
        ..ReadOptions::default()
    };
    let sheet = read_guests("x.csv", csv.as_bytes(), &options).unwrap();
    assert_eq!(sheet.rows[0].guest.person.passport_no, "TH4440001");
    assert_eq!(
        sheet.rows[0].guest.person.nationality, "TH",
        "\"Nước\" is a known header"
    );
    store.import_guests(&delegation, &sheet, false).unwrap();
    let remembered = store.guest_mapping(&consal).unwrap().unwrap();
    // The next list from CONSAL, without a mapping file.
    let next = "Tên khách,Mã HC,Nước\nMalee Srisai,TH4440002,TH\n";
    let options = ReadOptions {
        remembered: Some(remembered),
        ..ReadOptions::default()
    };
    let sheet = read_guests("y.csv", next.as_bytes(), &options).unwrap();
    assert_eq!(sheet.rows[0].guest.person.full_name, "Malee Srisai");
    assert_eq!(
        sheet.rows[0].guest.person.passport_no, "TH4440002",
        "the remembered mapping found the passport column"
    );
}

#[test]
fn the_cli_dry_run_prints_findings_by_row_and_column_and_writes_nothing() {
    let db = TempDb::with_database().unwrap();
    let path = db.path.to_str().unwrap().to_owned();
    let added = desk(&[
        "--db",
        &path,
        "delegation",
        "add",
        "--direction",
        "incoming",
        "--title",
        "INELI-ASEAN 3",
        "--country",
        "VN",
        "--city",
        "Hà Nội",
        "--starts",
        "2017-11-27",
        "--ends",
        "2017-11-30",
    ]);
    let delegation = added.stdout.trim().to_owned();
    let on = |command: &[&str], more: &[&str]| {
        desk(&desk_tests::delegation_args(
            &path,
            command,
            &delegation,
            more,
        ))
    };
    let file = db.dir.path().join("participants.xlsx");
    std::fs::write(&file, english_list()).unwrap();
    let file = file.to_str().unwrap();

    let dry = on(&["guests", "import"], &[file, "--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    for expected in [
        "passport_expired",
        "missing_name",
        "bad_date",
        "duplicate_in_file",
        "Row 7, column D (Date of birth)",
        "nothing was written",
    ] {
        assert!(
            dry.stdout.contains(expected),
            "the dry run shows \"{expected}\":\n{}",
            dry.stdout
        );
    }
    let json = on(&["--json", "guests", "import"], &[file, "--dry-run"]);
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(parsed["problems"], 4);
    assert_eq!(parsed["sheet"]["rows"][3]["problems"][0]["column"], "D");

    let refused = on(&["guests", "import"], &[file]);
    assert_eq!(refused.code, 1, "problems refuse the import");
    assert!(
        refused.stderr.contains("nothing was imported"),
        "{}",
        refused.stderr
    );
    let listed = on(&["--json", "guests", "list"], &[]);
    assert_eq!(
        listed.stdout.trim(),
        "[]",
        "nothing was written by the dry run or the refusal"
    );

    let ok = on(&["guests", "import"], &[file, "--skip-invalid"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(ok.stdout.contains("Imported 3 guests"), "{}", ok.stdout);

    let export = db.dir.path().join("guests.xlsx");
    let run = on(&["guests", "export"], &["--out", export.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = read_back(&std::fs::read(&export).unwrap());
    assert!(
        rows.iter()
            .any(|r| r.contains(&Data::String("Phouvong Souvannavong".into())))
    );

    let someone = on(&["--json", "guests", "list"], &[]);
    let parsed: serde_json::Value = serde_json::from_str(&someone.stdout).unwrap();
    let person = parsed[0]["person"]["id"].as_str().unwrap().to_owned();
    assert_eq!(on(&["checkin"], &["--person", &person]).code, 0);
    let missing = on(&["checkin"], &["--missing"]);
    assert!(
        missing.stdout.contains("1 of 3 guests arrived"),
        "{}",
        missing.stdout
    );
    assert!(
        !missing.stdout.contains(&person),
        "an arrived guest is not listed as missing"
    );

    let checklist = on(&["checklist", "apply"], &[]);
    assert_eq!(checklist.code, 0, "{}", checklist.stderr);
    assert!(
        checklist.stdout.contains("2017-09-28"),
        "{}",
        checklist.stdout
    );
    let twice = on(&["checklist", "apply"], &[]);
    assert!(twice.stdout.contains("Added 0 tasks"), "{}", twice.stdout);

    let big = db.dir.path().join("big.csv");
    std::fs::write(&big, vec![b'x'; 11 * 1024 * 1024]).unwrap();
    let refused = on(&["guests", "import"], &[big.to_str().unwrap()]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("MB"),
        "an oversized file is refused by its size: {}",
        refused.stderr
    );
}
