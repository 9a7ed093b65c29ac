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
    let db = TempDb::new().unwrap();
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
    let db = TempDb::new().unwrap();
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
fn usage_errors_exit_2() {
    let run = desk(&["delegation", "add", "--direction", "sideways"]);
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    assert!(
        run.stderr.contains("outgoing or incoming"),
        "{}",
        run.stderr
    );
}
