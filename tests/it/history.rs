//! The office's history as its own summary spreadsheet holds it: twenty years of rows under
//! title rows, Vietnamese headers, dates typed three ways, members in one cell (the demo's
//! staff among them, written three ways), a trip to two countries, the demo's 2016 Singapore
//! trip, and planted problems. The preview names exactly the problem rows; nothing is
//! written without `--skip-invalid`; with it, `desk stats` counts what a person counts by
//! hand and no known person is created twice.

use std::collections::{BTreeMap, BTreeSet};

use desk_tests::{TempDb, desk};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

/// What a test row is expected to become.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Expect {
    /// A new delegation in this year.
    New(i32),
    /// A problem the preview must name.
    Problem,
    /// The demo's trip, recognised.
    Known,
}

/// One cell as the office typed it.
#[derive(Clone)]
enum Typed {
    Text(String),
    Date(u16, u8, u8),
}

fn text(s: &str) -> Typed {
    Typed::Text(s.to_owned())
}

/// Columns: STT, Đoàn ra/vào, Tên đoàn, Quốc gia, Từ ngày, Đến ngày, Thời gian, Thành phần
/// đoàn, Cơ quan đối tác, Kinh phí, Số QĐ, Ghi chú.
struct Row {
    cells: [Option<Typed>; 12],
    expect: Expect,
}

const HEADERS: [&str; 12] = [
    "STT",
    "Đoàn ra/vào",
    "Tên đoàn",
    "Quốc gia",
    "Từ ngày",
    "Đến ngày",
    "Thời gian",
    "Thành phần đoàn",
    "Cơ quan đối tác",
    "Kinh phí",
    "Số QĐ",
    "Ghi chú",
];

/// The demo's deputy director, as the directory has her.
const NHUNG: &str = "Nguyễn Thị Hồng Nhung";
/// The same name in decomposed form with doubled spaces: the same person.
const NHUNG_NFD: &str = "Nguye\u{302}\u{303}n  Thi\u{323} Ho\u{302}\u{300}ng  Nhung";
/// Without diacritics: possibly her, for a person to confirm.
const NHUNG_PLAIN: &str = "Nguyen Thi Hong Nhung";
const STAFF: [&str; 4] = [
    "Lê Văn Thành (Trưởng phòng)",
    "Trần Mỹ Dung (Chuyên viên)",
    "Phạm Quốc Huy",
    "Đỗ Thu Hà (Phó trưởng phòng)",
];
const COUNTRIES: [&str; 8] = [
    "Singapore",
    "Ma-lai-xi-a",
    "Hàn Quốc",
    "Liên bang Nga",
    "Nhật Bản",
    "TH",
    "Pháp",
    "Lào",
];

/// Twenty years of 15 delegations a year, then the planted rows.
fn history_rows() -> Vec<Row> {
    use Expect::{Known, New, Problem};
    let mut rows = Vec::new();
    for year in 2006u16..=2025 {
        for i in 0..15u16 {
            let outgoing = matches!(i % 6, 0 | 1 | 3);
            let direction = ["Đoàn ra", "Ra", "Vào", "out", "Đoàn vào", "in"][usize::from(i % 6)];
            let month = (i % 12 + 1) as u8;
            let (start, end) = ((2 + i) as u8, (5 + i) as u8);
            let mut cells: [Option<Typed>; 12] = Default::default();
            cells[0] = Some(Typed::Text((i + 1).to_string()));
            cells[1] = Some(text(direction));
            cells[2] = Some(Typed::Text(format!("Đoàn số {} năm {year}", i + 1)));
            cells[3] = Some(text(COUNTRIES[usize::from((year + i) % 8)]));
            match i % 3 {
                0 => {
                    cells[4] = Some(Typed::Date(year, month, start));
                    cells[5] = Some(Typed::Date(year, month, end));
                }
                1 => {
                    cells[4] = Some(Typed::Text(format!("{start:02}/{month:02}/{year}")));
                    cells[5] = Some(Typed::Text(format!("{end:02}/{month:02}/{year}")));
                }
                _ => cells[6] = Some(Typed::Text(format!("{start}-{end}/{month}/{year}"))),
            }
            let members = if outgoing {
                let nhung = [NHUNG, NHUNG_NFD, NHUNG_PLAIN][usize::from((i + year) % 3)];
                format!(
                    "{nhung} (Phó Giám đốc); {}\n{}",
                    STAFF[usize::from(i % 4)],
                    STAFF[usize::from((i + 1) % 4)]
                )
            } else {
                format!("Guest {year}-{i} (Director), Guest {year}-{i}b")
            };
            cells[7] = Some(Typed::Text(members));
            cells[8] = Some(text(if i % 2 == 0 {
                "National Library Board"
            } else {
                "Thư viện Quốc gia Hàn Quốc"
            }));
            cells[9] = Some(text(
                ["NSNN", "Tài trợ", "NSNN + tài trợ"][usize::from(i % 3)],
            ));
            rows.push(Row {
                cells,
                expect: New(i32::from(year)),
            });
        }
    }
    // The planted rows, in the order the test counts them from the first one.
    let on = |from: &str, to: &str| (Some(text(from)), Some(text(to)));
    let two_countries = (
        Some(Typed::Date(2019, 6, 10)),
        Some(Typed::Date(2019, 6, 15)),
    );
    let planted = [
        (
            "Ra",
            "Ngày không có thật",
            "Singapore",
            on("31/02/2019", "03/03/2019"),
            Problem,
        ),
        (
            "Ra",
            "Về trước khi đi",
            "Nhật Bản",
            on("10/05/2019", "05/05/2019"),
            Problem,
        ),
        ("Ra", "Không có ngày đi", "Pháp", (None, None), Problem),
        (
            "Vào",
            "Đoàn từ xứ lạ",
            "Atlantis",
            on("01/07/2019", "03/07/2019"),
            Problem,
        ),
        (
            "Ra",
            "Hội thảo hai nước",
            "Singapore, Ma-lai-xi-a",
            two_countries,
            New(2019),
        ),
        // The same trip twice: the second copy is the problem.
        (
            "Ra",
            "Đoàn chép hai lần",
            "Lào",
            on("01/08/2019", "04/08/2019"),
            New(2019),
        ),
        (
            "Ra",
            "Đoàn chép hai lần",
            "Lào",
            on("01/08/2019", "04/08/2019"),
            Problem,
        ),
        // The demo's trip, as an office's own summary names it.
        (
            "Đoàn ra",
            "Dự Phiên họp INELI-ASEAN lần 2",
            "Xin-ga-po",
            on("05/09/2016", "09/09/2016"),
            Known,
        ),
    ];
    for (direction, title, country, (from, to), expect) in planted {
        let mut cells: [Option<Typed>; 12] = Default::default();
        cells[1] = Some(text(direction));
        cells[2] = Some(text(title));
        cells[3] = Some(text(country));
        cells[4] = from;
        cells[5] = to;
        cells[7] = Some(Typed::Text(format!("{NHUNG} (Phó Giám đốc)")));
        rows.push(Row { cells, expect });
    }
    rows
}

fn workbook(rows: &[Row]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_string(0, 0, "TỔNG HỢP ĐOÀN RA, ĐOÀN VÀO 2006–2025")
        .unwrap();
    sheet.write_string(1, 0, "(Phòng Hợp tác quốc tế)").unwrap();
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 4;
        for (c, cell) in row.cells.iter().enumerate() {
            match cell {
                Some(Typed::Text(t)) => {
                    sheet.write_string(r, c as u16, t).unwrap();
                }
                Some(Typed::Date(y, m, d)) => {
                    let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    sheet
                        .write_datetime_with_format(r, c as u16, &date, &date_format)
                        .unwrap();
                }
                None => {}
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

/// The sheet row numbers (1-based) of the rows expected to have problems.
fn planted_rows(rows: &[Row]) -> BTreeSet<u64> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r.expect == Expect::Problem)
        .map(|(i, _)| i as u64 + 5)
        .collect()
}

fn problem_rows(report: &Value) -> BTreeSet<u64> {
    report["sheet"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["problems"].as_array().unwrap().is_empty())
        .map(|r| r["row"].as_u64().unwrap())
        .collect()
}

fn stats_of(db: &str, year: i32) -> Value {
    let run = desk(&["--db", db, "--json", "stats", "--year", &year.to_string()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// The code a person reads in a country cell of the test's sheet.
fn code_of(written: &str) -> &'static str {
    match written {
        "Singapore" | "Xin-ga-po" => "SG",
        "Ma-lai-xi-a" | "Malaysia" => "MY",
        "Hàn Quốc" => "KR",
        "Liên bang Nga" => "RU",
        "Nhật Bản" => "JP",
        "TH" => "TH",
        "Pháp" => "FR",
        "Lào" => "LA",
        other => panic!("the test wrote a country it cannot read: {other}"),
    }
}

#[test]
fn twenty_years_of_the_offices_spreadsheet_are_previewed_and_imported() {
    let db = TempDb::with_database().unwrap();
    let dbs = db.path.to_str().unwrap().to_owned();
    assert_eq!(desk(&["--db", &dbs, "demo"]).code, 0);
    let nhung_id = db
        .open()
        .list_people()
        .unwrap()
        .into_iter()
        .find(|p| p.full_name == NHUNG)
        .expect("the demo has its deputy director")
        .id;
    let rows = history_rows();
    let file = db
        .path
        .with_file_name("Tong hop doan ra doan vao 2006-2025.xlsx");
    std::fs::write(&file, workbook(&rows)).unwrap();
    let file = file.to_str().unwrap();
    // `desk [--json] history import <file> <flags>` on the test's database.
    let import = |json: bool, flags: &[&str]| {
        let mut args = vec!["--db", dbs.as_str()];
        if json {
            args.push("--json");
        }
        args.extend(["history", "import", file]);
        args.extend_from_slice(flags);
        desk(&args)
    };

    // The preview: the planted rows, and the rows where "Nguyen Thi Hong Nhung" may be her.
    let run = import(true, &["--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let preview: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(preview["sheet"]["header_row"], 4);
    let maybe: BTreeSet<u64> = preview["sheet"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| {
            r["possible_matches"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["written"] == NHUNG_PLAIN && m["person_id"] == nhung_id.as_str())
        })
        .map(|r| r["row"].as_u64().unwrap())
        .collect();
    assert!(!maybe.is_empty(), "the plain spelling is offered as her");
    let planted = planted_rows(&rows);
    let expected: BTreeSet<u64> = planted.union(&maybe).copied().collect();
    assert_eq!(problem_rows(&preview), expected);
    // Each planted problem by kind, with its cell.
    let kinds: BTreeMap<u64, Vec<String>> = preview["sheet"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let kinds = r["problems"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    format!(
                        "{}{}:{}",
                        p["column"].as_str().unwrap(),
                        p["row"],
                        p["kind"].as_str().unwrap()
                    )
                })
                .collect();
            (r["row"].as_u64().unwrap(), kinds)
        })
        .collect();
    let first_planted = rows.len() as u64 - 8 + 5;
    assert_eq!(kinds[&first_planted], ["E305:bad_date"]);
    assert_eq!(kinds[&(first_planted + 1)], ["F306:end_before_start"]);
    assert_eq!(kinds[&(first_planted + 2)], ["E307:missing_start"]);
    assert_eq!(kinds[&(first_planted + 3)], ["D308:unknown_country"]);
    assert_eq!(kinds[&(first_planted + 6)], ["311:duplicate_in_file"]);
    // The demo's trip is recognised, and the two countries read in order.
    let known = &preview["sheet"]["rows"][rows.len() - 1];
    assert_eq!(
        known["already_recorded"]["title"],
        "Tham dự Phiên họp lần thứ 2 Dự án INELI-ASEAN tại Singapore"
    );
    let two = &preview["sheet"]["rows"][rows.len() - 4];
    assert_eq!(two["trip"]["countries"], serde_json::json!(["SG", "MY"]));

    // All or nothing: refused, exit 1, nothing written.
    let record = || {
        let store = db.open();
        (
            desk(&["--db", &dbs, "--json", "delegation", "list"]).stdout,
            store.list_people().unwrap().len(),
            store.list_organisations().unwrap().len(),
        )
    };
    let before = record();
    let same = format!("{NHUNG_PLAIN}={nhung_id}");
    let refused = import(false, &["--same-person", &same]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    assert!(
        refused.stderr.contains("nothing was imported"),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("Row 305, column E (Từ ngày)"),
        "the refusal names the cell: {}",
        refused.stderr
    );
    assert_eq!(record(), before, "nothing was written");

    // With her confirmed, the preview names exactly the planted rows.
    let run = import(true, &["--dry-run", "--same-person", &same]);
    assert_eq!(
        problem_rows(&serde_json::from_str(&run.stdout).unwrap()),
        planted
    );

    // Leaving the bad rows out: the good ones are in, counted per year as by hand.
    let run = import(true, &["--skip-invalid", "--same-person", &same]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let new = rows
        .iter()
        .filter(|r| matches!(r.expect, Expect::New(_)))
        .count();
    assert_eq!(report["imported"]["delegations"], new as u64);
    assert_eq!(
        report["imported"]["already_recorded"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let mut by_hand: BTreeMap<i32, u64> = BTreeMap::new();
    for row in &rows {
        if let Expect::New(year) = row.expect {
            *by_hand.entry(year).or_default() += 1;
        }
    }
    // The demo's own two trips.
    *by_hand.entry(2016).or_default() += 1;
    *by_hand.entry(2017).or_default() += 1;
    for (year, count) in &by_hand {
        let stats = stats_of(&dbs, *year);
        assert_eq!(
            stats["totals"]["delegations"], *count,
            "delegations in {year}"
        );
    }
    // By country in 2019, counted by hand: each delegation under each of its countries, so
    // the trip to Singapore and Malaysia counts under both.
    let mut by_country: BTreeMap<&str, u64> = BTreeMap::new();
    for row in &rows {
        if row.expect == Expect::New(2019)
            && let Some(Typed::Text(cell)) = &row.cells[3]
        {
            for written in cell.split(", ") {
                *by_country.entry(code_of(written)).or_default() += 1;
            }
        }
    }
    assert!(by_country["MY"] >= 1 && by_country["SG"] >= 1);
    let stats = stats_of(&dbs, 2019);
    let counted: BTreeMap<&str, u64> = stats["by_country"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["key"].as_str().unwrap(), b["total"].as_u64().unwrap()))
        .collect();
    assert_eq!(counted, by_country, "by country in 2019");

    // Nobody known is created again: she is one person, and so is each of the staff.
    let people = db.open().list_people().unwrap();
    let named = |name: &str| people.iter().filter(|p| p.full_name == name).count();
    assert_eq!(named(NHUNG), 1);
    assert_eq!(named(NHUNG_PLAIN), 0);
    for staff in STAFF {
        let name = staff.split(" (").next().unwrap();
        assert_eq!(named(name), 1, "{name}");
    }
    let her = desk(&["--db", &dbs, "--json", "person", "show", &nhung_id]);
    assert_eq!(her.code, 0, "{}", her.stderr);

    // A second import of the same file adds nothing: every trip is now recorded.
    let again = import(true, &["--skip-invalid", "--same-person", &same]);
    let again: Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(again["imported"]["delegations"], 0);
}

#[test]
fn a_history_without_known_headers_is_refused_with_what_to_do() {
    let db = TempDb::with_database().unwrap();
    let dbs = db.path.to_str().unwrap().to_owned();
    assert_eq!(desk(&["--db", &dbs, "init"]).code, 0);
    let file = db.path.with_file_name("notes.csv");
    std::fs::write(&file, "a,b,c\n1,2,3\n").unwrap();
    let run = desk(&["--db", &dbs, "history", "import", file.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no header row found"), "{}", run.stderr);
    assert!(run.stderr.contains("mapping"), "{}", run.stderr);
}

/// The window previews a file, then imports it: the import takes the preview's reading when
/// nothing changed in between, and reads again when the file or the record did.
#[test]
fn an_import_after_its_preview_sees_what_changed_in_between() {
    use desk_domain::history::HistoryImported;
    use desk_domain::progress::Unwatched;
    use desk_ops::history::{HistoryRequest, history_import, history_preview};

    // An import of a whole file (no row skipped) as the window makes it, unwatched.
    fn import_whole(
        store: &mut desk_store::Store,
        csv: &str,
        request: &HistoryRequest,
    ) -> HistoryImported {
        history_import(store, "h.csv", csv.as_bytes(), request, false, &Unwatched).unwrap()
    }

    let mut store = desk_store::Store::open_in_memory().unwrap();
    let request = HistoryRequest::default();
    let first = desk_store::testing::history_csv(0, 20);

    // Previewed, then imported unchanged: every row, as previewed.
    let preview = history_preview(&store, "h.csv", first.as_bytes(), &request).unwrap();
    assert!(preview.rows.iter().all(|r| r.already_recorded.is_none()));
    let imported = import_whole(&mut store, &first, &request);
    assert_eq!(imported.delegations, 20);

    // A second file previewed; meanwhile someone records the trip on its first row by hand.
    let second = desk_store::testing::history_csv(1, 10);
    let preview = history_preview(&store, "h.csv", second.as_bytes(), &request).unwrap();
    assert!(preview.rows.iter().all(|r| r.already_recorded.is_none()));
    let trip = &preview.rows[0].trip;
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap();
    let by_hand = store
        .create_delegation(&desk_domain::DelegationInput::new(
            trip.direction.unwrap(),
            "Recorded by hand meanwhile",
            &trip.countries[0],
            &date(trip.starts_on),
            &date(trip.ends_on),
        ))
        .unwrap();
    let imported = import_whole(&mut store, &second, &request);
    assert_eq!(
        (imported.delegations, imported.already_recorded.clone()),
        (9, vec![preview.rows[0].row]),
        "the trip recorded after the preview is not added twice"
    );
    let page = store
        .delegation_page(
            &desk_domain::DelegationFilter::default(),
            &desk_domain::PageRequest::first(100),
        )
        .unwrap();
    assert_eq!(page.items.iter().filter(|d| d.id == by_hand.id).count(), 1);

    // A preview of one file does not stand for another: the file imported is the one read.
    let third = desk_store::testing::history_csv(2, 5);
    history_preview(&store, "h.csv", third.as_bytes(), &request).unwrap();
    let fourth = desk_store::testing::history_csv(3, 3);
    let imported = import_whole(&mut store, &fourth, &request);
    assert_eq!(imported.delegations, 3);
    let titles: Vec<String> = store
        .delegation_page(
            &desk_domain::DelegationFilter::default(),
            &desk_domain::PageRequest::first(100),
        )
        .unwrap()
        .items
        .into_iter()
        .map(|d| d.title)
        .collect();
    assert!(titles.iter().any(|t| t == "Đoàn 3-0"), "{titles:?}");
    assert!(
        !titles.iter().any(|t| t.starts_with("Đoàn 2-")),
        "{titles:?}"
    );
    assert_eq!(titles.len(), 20 + 9 + 1 + 3);
}
