//! `desk` as a script uses it: ids on stdout, stable JSON, exit codes 0/1/2, refusals on
//! stderr naming the field and the rule.

use desk_tests::{TempDb, desk};

fn add_singapore(db: &str) -> desk_tests::Run {
    desk(&[
        "--db",
        db,
        "delegation",
        "add",
        "--direction",
        "outgoing",
        "--title",
        "Phiên họp INELI-ASEAN lần 2",
        "--country",
        "SG",
        "--starts",
        "2016-09-06",
        "--ends",
        "2016-09-09",
    ])
}

#[test]
fn add_prints_the_id_and_list_shows_it_as_table_and_json() {
    let db = TempDb::with_database().unwrap();
    let db = db.path.to_str().unwrap().to_owned();
    let added = add_singapore(&db);
    assert_eq!(added.code, 0, "stderr: {}", added.stderr);
    let id = added.stdout.trim().to_owned();
    assert_eq!(
        id.len(),
        36,
        "add prints only the new id: {:?}",
        added.stdout
    );

    let table = desk(&["--db", &db, "delegation", "list"]);
    assert_eq!(table.code, 0);
    assert!(
        table.stdout.contains("Phiên họp INELI-ASEAN lần 2"),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("2016-09-06"));

    let json = desk(&["--db", &db, "--json", "delegation", "list"]);
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(parsed[0]["id"], id.as_str());
    assert_eq!(parsed[0]["country"], "SG");
    assert_eq!(parsed[0]["status"], "draft");
    assert_eq!(
        parsed[0]["starts_on"], "2016-09-06",
        "dates are ISO in JSON"
    );
}

#[test]
fn a_bad_date_range_exits_1_names_the_field_and_writes_nothing() {
    let db = TempDb::with_database().unwrap();
    let db = db.path.to_str().unwrap().to_owned();
    let refused = desk(&[
        "--db",
        &db,
        "delegation",
        "add",
        "--direction",
        "incoming",
        "--title",
        "X",
        "--country",
        "VN",
        "--starts",
        "2017-11-30",
        "--ends",
        "2017-11-27",
    ]);
    assert_eq!(refused.code, 1, "refused input exits 1");
    assert!(
        refused.stderr.contains("End date"),
        "stderr: {}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("before start date"),
        "stderr: {}",
        refused.stderr
    );
    assert!(refused.stdout.is_empty(), "no id is printed for a refusal");

    let json = desk(&["--db", &db, "--json", "delegation", "list"]);
    assert_eq!(json.stdout.trim(), "[]", "nothing was written");
}

#[test]
fn edit_changes_only_the_fields_given_and_refuses_a_bad_range_whole() {
    let db = TempDb::with_database().unwrap();
    let db = db.path.to_str().unwrap().to_owned();
    let id = add_singapore(&db).stdout.trim().to_owned();
    let edited = desk(&[
        "--db",
        &db,
        "--json",
        "delegation",
        "edit",
        &id,
        "--purpose",
        "Trao đổi kinh nghiệm",
        "--notes",
        "Vé đã đặt",
        "--status",
        "approved",
    ]);
    assert_eq!(edited.code, 0, "stderr: {}", edited.stderr);
    let shown: serde_json::Value = serde_json::from_str(&edited.stdout).unwrap();
    assert_eq!(shown["purpose"], "Trao đổi kinh nghiệm");
    assert_eq!(shown["notes"], "Vé đã đặt");
    assert_eq!(shown["status"], "approved");
    assert_eq!(
        shown["title"], "Phiên họp INELI-ASEAN lần 2",
        "the title is kept"
    );
    assert_eq!(shown["starts_on"], "2016-09-06");

    let refused = desk(&[
        "--db",
        &db,
        "delegation",
        "edit",
        &id,
        "--title",
        "Đổi tên",
        "--ends",
        "2016-09-01",
    ]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("End date"), "{}", refused.stderr);
    let list = desk(&["--db", &db, "--json", "delegation", "list"]);
    assert!(
        list.stdout.contains("Phiên họp INELI-ASEAN lần 2") && !list.stdout.contains("Đổi tên"),
        "nothing of a refused edit is written: {}",
        list.stdout
    );
}

#[test]
fn usage_errors_exit_2() {
    let run = desk(&["delegation", "add", "--direction", "sideways"]);
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains("outgoing or incoming"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_demo_then_search_finds_the_khanh_hoa_official_as_a_new_user_would() {
    let db = TempDb::with_database().unwrap();
    let db = db.path.to_str().unwrap().to_owned();
    let demo = desk(&["--db", &db, "demo"]);
    assert_eq!(demo.code, 0, "{}", demo.stderr);
    assert!(demo.stdout.contains("illustrative"), "{}", demo.stdout);

    let found = desk(&["--db", &db, "search", "khanh hoa"]);
    assert_eq!(found.code, 0, "{}", found.stderr);
    assert!(
        found.stdout.contains("Võ Thị Hoà"),
        "the official of the Khanh Hoa library: {}",
        found.stdout
    );
    assert!(
        found.stdout.contains("Thư viện tỉnh Khánh Hòa"),
        "and the library itself"
    );

    let json = desk(&["--db", &db, "--json", "search", "khanh hoa"]);
    let groups: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(groups[0]["kind"], "person");
}

#[test]
fn people_organisations_and_members_from_the_terminal() {
    let db = TempDb::with_database().unwrap();
    let db = db.path.to_str().unwrap().to_owned();
    let org = desk(&[
        "--db",
        &db,
        "org",
        "add",
        "--name",
        "Thư viện Quốc gia Việt Nam",
        "--short",
        "TVQG",
        "--country",
        "VN",
        "--kind",
        "library",
    ]);
    assert_eq!(org.code, 0, "{}", org.stderr);
    let org_id = org.stdout.trim().to_owned();
    let person = desk(&[
        "--db",
        &db,
        "person",
        "add",
        "--name",
        "Trần Mỹ Dung",
        "--org",
        &org_id,
        "--nationality",
        "VN",
        "--born",
        "1985-10-02",
        "--passport",
        "C2345678",
        "--passport-expires",
        "2027-01-20",
    ]);
    assert_eq!(person.code, 0, "{}", person.stderr);
    let person_id = person.stdout.trim().to_owned();
    let shown = desk(&["--db", &db, "--json", "person", "show", &person_id]);
    let shown: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(shown["person"]["passport_name"], "TRAN MY DUNG");
    assert_eq!(shown["organisation"]["short_name"], "TVQG");

    let first = add_singapore(&db).stdout.trim().to_owned();
    let second = desk(&[
        "--db",
        &db,
        "delegation",
        "add",
        "--direction",
        "outgoing",
        "--title",
        "Bangkok",
        "--country",
        "TH",
        "--starts",
        "2016-09-08",
        "--ends",
        "2016-09-12",
    ])
    .stdout
    .trim()
    .to_owned();
    let added = desk(&[
        "--db",
        &db,
        "member",
        "add",
        "--delegation",
        &first,
        "--person",
        &person_id,
        "--role",
        "head",
    ]);
    assert_eq!(added.code, 0, "{}", added.stderr);
    assert!(added.stderr.is_empty(), "no warning for a first trip");
    let overlapping = desk(&[
        "--db",
        &db,
        "member",
        "add",
        "--delegation",
        &second,
        "--person",
        &person_id,
    ]);
    assert_eq!(
        overlapping.code, 0,
        "an overlap is a warning, not a refusal"
    );
    assert!(
        overlapping.stderr.contains("warning"),
        "{}",
        overlapping.stderr
    );
    assert!(
        overlapping.stderr.contains("Trần Mỹ Dung"),
        "{}",
        overlapping.stderr
    );

    let show = desk(&["--db", &db, "delegation", "show", &first]);
    assert!(show.stdout.contains("head"), "{}", show.stdout);
    let removed = desk(&[
        "--db",
        &db,
        "member",
        "remove",
        "--delegation",
        &first,
        "--person",
        &person_id,
    ]);
    assert_eq!(removed.code, 0, "{}", removed.stderr);
    let json = desk(&["--db", &db, "--json", "delegation", "show", &first]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(json["members"].as_array().map(Vec::len), Some(0));
}

#[test]
fn refused_input_names_the_field_and_changes_nothing() {
    let db = TempDb::with_database().unwrap();
    let db = db.path.to_str().unwrap().to_owned();
    assert_eq!(desk(&["--db", &db, "demo"]).code, 0);
    let before = desk(&["--db", &db, "--json", "person", "list"]).stdout;
    for (args, needle) in [
        (
            vec!["person", "add", "--name", "Lê A", "--born", "1980-02-30"],
            "Date of birth",
        ),
        (
            vec![
                "person",
                "add",
                "--name",
                "Lê A",
                "--nationality",
                "Vietnam",
            ],
            "Nationality",
        ),
        (vec!["person", "add", "--name", "   "], "Full name"),
        (
            vec!["person", "add", "--name", "Lê A", "--org", "no-such-org"],
            "organisation",
        ),
    ] {
        let mut full = vec!["--db", db.as_str()];
        full.extend(args);
        let run = desk(&full);
        assert_eq!(run.code, 1, "{full:?} must be refused");
        assert!(run.stderr.contains(needle), "{full:?}: {}", run.stderr);
    }
    let after = desk(&["--db", &db, "--json", "person", "list"]).stdout;
    assert_eq!(before, after, "no person was written");
}

#[test]
fn export_import_and_check_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.sqlite");
    let b = dir.path().join("b.sqlite");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let file = dir.path().join("all.json");
    let file = file.to_str().unwrap();
    assert_eq!(desk(&["--db", a, "demo"]).code, 0);
    let exported = desk(&["--db", a, "export", "--out", file]);
    assert_eq!(exported.code, 0, "{}", exported.stderr);
    assert_eq!(desk(&["--db", b, "init"]).code, 0);
    let imported = desk(&["--db", b, "import", file]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    let again = desk(&["--db", b, "import", file]);
    assert_eq!(again.code, 1, "importing the same records twice is refused");
    let check = desk(&["--db", b, "check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(check.stdout.contains("integrity: ok"), "{}", check.stdout);

    let status = desk(&["--db", b, "--json", "delegation", "list", "--year", "2017"]);
    let list: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(1),
        "one delegation starts in 2017"
    );
}

#[test]
fn a_status_move_that_is_not_allowed_is_refused_with_the_allowed_ones() {
    let db = TempDb::with_database().unwrap();
    let db = db.path.to_str().unwrap().to_owned();
    let id = add_singapore(&db).stdout.trim().to_owned();
    let refused = desk(&["--db", &db, "delegation", "set-status", &id, "closed"]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("approved or cancelled"),
        "{}",
        refused.stderr
    );
    let ok = desk(&["--db", &db, "delegation", "set-status", &id, "approved"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
}
