//! The annual workbook read back with calamine, as another spreadsheet program would: one
//! sheet per table, and the demo's hand-counted figures as numbers, not text.

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use desk_domain::Language;
use desk_exchange::annual_workbook;
use desk_store::Store;

fn ok<T, E: std::fmt::Display>(result: Result<T, E>, what: &str) -> T {
    match result {
        Ok(v) => v,
        Err(e) => panic!("{what}: {e}"),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn workbook(year: i32, language: Language) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    let mut store = ok(Store::open_in_memory(), "a database");
    ok(store.load_demo(), "the demo data");
    let stats = ok(
        store.stats_as_of(day(year, 1, 1), day(year, 12, 31), day(2026, 11, 1)),
        "statistics",
    );
    let bytes = ok(annual_workbook(&stats, language), "the workbook");
    ok(Xlsx::new(std::io::Cursor::new(bytes)), "an XLSX file")
}

/// The rows of a sheet as calamine reads them.
fn rows(book: &mut Xlsx<std::io::Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<Data>> {
    let range = ok(book.worksheet_range(sheet), sheet);
    range.rows().map(<[Data]>::to_vec).collect()
}

/// The row whose first text cell is `label`.
fn row_of<'a>(rows: &'a [Vec<Data>], label: &str) -> &'a [Data] {
    rows.iter()
        .find(|r| r.iter().any(|c| matches!(c, Data::String(s) if s == label)))
        .map(Vec::as_slice)
        .unwrap_or_else(|| panic!("a row named \"{label}\" in {rows:?}"))
}

#[test]
fn every_table_has_its_sheet_in_the_report_language() {
    let book = workbook(2016, Language::Vi);
    assert_eq!(
        book.sheet_names(),
        vec![
            "Tổng hợp",
            "Theo tháng",
            "Theo quốc gia",
            "Theo đối tác",
            "Theo sự kiện",
            "Theo nguồn kinh phí",
            "Ngày-người theo người",
            "Ngày-người theo đơn vị",
            "Báo cáo",
            "Đoàn đã hủy",
            "Danh sách đoàn",
            "Chưa quy đổi",
        ]
    );
    let english = workbook(2016, Language::En);
    assert_eq!(
        english.sheet_names().first().map(String::as_str),
        Some("Summary")
    );
}

#[test]
fn the_2016_figures_read_back_as_numbers() {
    let mut book = workbook(2016, Language::En);
    let summary = rows(&mut book, "Summary");
    assert_eq!(
        row_of(&summary, "Delegations sent abroad")[1..4],
        [Data::Float(1.0), Data::Float(0.0), Data::Float(1.0)],
        "one delegation out in 2016, none in 2015"
    );
    // 33 911 200 per diem + 1 980 000 insurance + 3 047 640 transport + 2 400 000 gifts
    assert_eq!(
        row_of(&summary, "Actual expenses (VND)")[1],
        Data::Float(41_338_840.0)
    );
    assert_eq!(
        row_of(&summary, "Person-days abroad")[1],
        Data::Float(30.0),
        "6 people × 5 days"
    );

    let months = rows(&mut book, "By month");
    assert_eq!(months.len(), 13, "a header and twelve months");
    assert_eq!(
        row_of(&months, "2016-09")[1..4],
        [Data::Float(1.0), Data::Float(0.0), Data::Float(1.0)]
    );

    let funding = rows(&mut book, "By funding");
    let mixed = row_of(&funding, "State budget and sponsor");
    assert_eq!(mixed[3], Data::Float(1.0));
    assert_eq!(mixed[4], Data::Float(41_338_840.0));
    // 2 × 6 244 000 + 4 × 5 352 000 + 2 100 000 insurance
    assert_eq!(mixed[5], Data::Float(35_996_000.0));

    let units = rows(&mut book, "Days abroad by unit");
    assert_eq!(
        row_of(&units, "Thư viện tỉnh Khánh Hòa")[2..5],
        [Data::Float(1.0), Data::Float(1.0), Data::Float(5.0)],
        "a provincial official counts under her library"
    );

    let delegations = rows(&mut book, "Delegations");
    assert_eq!(delegations.len(), 2, "a header and the Singapore trip");
    let singapore = &delegations[1];
    assert!(
        matches!(&singapore[7], Data::DateTime(d) if (d.as_f64() - 42_618.0).abs() < 1e-9),
        "5 Sep 2016 is a date cell (serial 42618), not text: {:?}",
        singapore[7]
    );
    assert_eq!(singapore[11], Data::Float(6.0), "members");
    assert_eq!(singapore[15], Data::Float(41_338_840.0), "cost");
}

#[test]
fn in_2017_the_hanoi_session_costs_its_actual_expenses() {
    let mut book = workbook(2017, Language::Vi);
    let summary = rows(&mut book, "Tổng hợp");
    // 185 000 000 + 11 780.00 USD × 22 700 (267 406 000) + 42 000 000
    let cost = row_of(&summary, "Kinh phí các đoàn (đồng)");
    assert_eq!(cost[1], Data::Float(494_406_000.0));
    assert_eq!(cost[2], Data::Float(41_338_840.0), "2016, to compare");
    // (494 406 000 − 41 338 840) / 41 338 840 = 1095.98…% → 1096.0%, stored as a ratio
    assert_eq!(cost[4], Data::Float(10.96));
    let people = rows(&mut book, "Theo quốc gia");
    assert_eq!(
        row_of(&people, "VN")[2..6],
        [
            Data::Float(0.0),
            Data::Float(1.0),
            Data::Float(1.0),
            Data::Float(67.0)
        ]
    );
}
