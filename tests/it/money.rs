//! Money as the office meets it: the demo's Singapore trip estimated by the example rate
//! table and checked against a computation by hand, an estimate recomputed after the trip
//! changed, a malformed rate table refused whole with its line, the settlement after the
//! trip checked by hand, and the PDF and XLSX the accounting office receives.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use desk_domain::print::Paper;
use desk_domain::{
    ChangeKind, Direction, EstimateFrom, EstimateRequest, Exclusion, ExpenseCategory, ExpenseInput,
    Language, LineSource, MemberInput, Money,
};
use desk_store::Store;
use desk_tests::{TempDb, delegation_args, desk, poppler};

const NHUNG: &str = "Nguyễn Thị Hồng Nhung";
const TUAN: &str = "Đỗ Minh Tuấn";
const DUNG: &str = "Trần Mỹ Dung";

fn demo() -> (Store, String) {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    desk_ops::rates::load_example(&mut store).unwrap();
    let singapore = store
        .list_delegations()
        .unwrap()
        .into_iter()
        .find(|d| d.direction == Direction::Outgoing && d.country == "SG")
        .expect("the demo's Singapore delegation")
        .id;
    (store, singapore)
}

/// The id of the store's delegation to Singapore (the demo has one).
fn singapore_in(store: &Store) -> String {
    store
        .list_delegations()
        .unwrap()
        .into_iter()
        .find(|d| d.country == "SG")
        .unwrap()
        .id
}

/// The demo, with the Singapore trip's estimate saved at Vietcombank's 22,300 VND a dollar.
fn demo_estimated() -> (Store, String) {
    let (mut store, singapore) = demo();
    store
        .save_estimate(&singapore, &vietcombank("22300"))
        .unwrap();
    (store, singapore)
}

fn vietcombank(rate: &str) -> EstimateRequest {
    EstimateRequest {
        table_id: None,
        rate: rate.into(),
        rate_date: "2016-08-22".into(),
        rate_source: "Vietcombank, tỷ giá bán".into(),
    }
}

fn usd(minor: i64) -> Money {
    Money {
        currency: "USD".into(),
        minor,
    }
}

fn vnd(minor: i64) -> Money {
    Money {
        currency: "VND".into(),
        minor,
    }
}

#[test]
fn the_singapore_estimate_matches_the_example_table_by_hand() {
    let (store, singapore) = demo();
    let e = store.estimate(&singapore, &vietcombank("22300")).unwrap();

    assert!(
        e.table_name.starts_with("VÍ DỤ"),
        "the estimate names the table it used: {}",
        e.table_name
    );
    assert_eq!(e.table_valid_from.to_string(), "2012-07-01");
    assert_eq!(
        e.exchange
            .as_ref()
            .map(|x| (x.rate.as_str(), x.date.to_string())),
        Some(("22300", "2016-08-22".to_owned())),
        "the rate is kept with its date"
    );

    // By hand, from assets/rates/example-circular-102-2012.csv: Singapore is in group B
    // (leader 70 USD a day, staff 60). Every member is away 5–9 Sep 2016: 5 days, travel
    // days included. Funding is mixed, and the table says a sponsor then pays airfare and
    // accommodation, so only the per diem and the hand-entered insurance are counted:
    //   leaders  Nguyễn Thị Hồng Nhung, Đỗ Minh Tuấn: 5 × 70.00 = 350.00 USD each
    //            350 × 22,300 = 7,805,000 VND each
    //   staff    Trần Mỹ Dung, Lê Văn Thành, Phạm Thu Hà, Võ Thị Hoà: 5 × 60.00 = 300.00 USD
    //            300 × 22,300 = 6,690,000 VND each
    //   insurance for the delegation (entered by hand): 2,100,000 VND
    let lines: Vec<(String, ExpenseCategory, Money, Option<i64>)> = e
        .lines
        .iter()
        .map(|l| (l.person_name.clone(), l.category, l.amount.clone(), l.vnd))
        .collect();
    let per_diem = |name: &str, minor, dong| {
        (
            name.to_owned(),
            ExpenseCategory::PerDiem,
            usd(minor),
            Some(dong),
        )
    };
    assert_eq!(
        lines,
        vec![
            per_diem(NHUNG, 35_000, 7_805_000),
            per_diem("Lê Văn Thành", 30_000, 6_690_000),
            per_diem("Phạm Thu Hà", 30_000, 6_690_000),
            per_diem("Võ Thị Hoà", 30_000, 6_690_000),
            per_diem(TUAN, 35_000, 7_805_000),
            per_diem(DUNG, 30_000, 6_690_000),
            (
                String::new(),
                ExpenseCategory::Insurance,
                vnd(2_100_000),
                Some(2_100_000)
            ),
        ],
        "one per-diem line per member, the head first, then the delegation's insurance"
    );
    assert_eq!(
        e.lines[0].explanation, "5 days (2016-09-05 – 2016-09-09) × 70.00 USD (group B, leader)",
        "every line says how it was computed"
    );
    // Totals: 2 × 350 + 4 × 300 = 1,900.00 USD, and 2,100,000 VND;
    // in VND: 2 × 7,805,000 + 4 × 6,690,000 + 2,100,000 = 44,470,000.
    assert_eq!(e.totals, vec![usd(190_000), vnd(2_100_000)]);
    assert_eq!(e.total_vnd, Some(44_470_000));

    // Left out: each member's 4 nights (5–9 Sep) of hotel, paid by the sponsor
    // (leaders 4 × 160 = 640 USD, staff 4 × 130 = 520 USD), and the six per-diem lines the
    // demo entered by hand, which the table now computes.
    let sponsored: Vec<(String, Option<i64>)> = e
        .excluded
        .iter()
        .filter(|x| matches!(x.reason, Exclusion::Sponsored { .. }))
        .map(|x| (x.person_name.clone(), x.amount.as_ref().map(|m| m.minor)))
        .collect();
    assert_eq!(sponsored.len(), 6, "every member's hotel: {sponsored:?}");
    assert!(sponsored.contains(&(NHUNG.to_owned(), Some(64_000))));
    assert!(sponsored.contains(&(DUNG.to_owned(), Some(52_000))));
    assert_eq!(
        e.excluded
            .iter()
            .filter(|x| x.reason == Exclusion::ComputedByTable && x.source == LineSource::Entered)
            .count(),
        6,
        "hand-entered per diems are not counted twice"
    );
}

#[test]
fn recomputing_after_the_trip_changed_lists_what_changed() {
    let (mut store, singapore) = demo();
    let first = store
        .save_estimate(&singapore, &vietcombank("22300"))
        .unwrap();
    let review = store
        .review_estimate(&singapore, &vietcombank("22300"))
        .unwrap();
    assert_eq!(review.saved.as_ref().map(|s| &s.id), Some(&first.id));
    assert!(
        review.changes.is_empty(),
        "nothing changed yet: {:?}",
        review.changes
    );

    // Đỗ Minh Tuấn flies home a day early; Trần Mỹ Dung drops out; a new staff member joins.
    let people = store.members(&singapore).unwrap();
    let tuan = people.iter().find(|m| m.person.full_name == TUAN).unwrap();
    let mut input = MemberInput {
        person_id: tuan.person.id.clone(),
        role: tuan.member.role.as_str().into(),
        leaves_on: "2016-09-08".into(),
        ..Default::default()
    };
    input.joins_on = String::new();
    store.update_member(&tuan.member.id, &input).unwrap();
    let dung = people.iter().find(|m| m.person.full_name == DUNG).unwrap();
    store.remove_member(&dung.member.id).unwrap();
    let newcomer = store
        .create_person(&desk_domain::PersonInput {
            full_name: "Hoàng Ngọc Lan".into(),
            staff_level: "staff".into(),
            ..Default::default()
        })
        .unwrap();
    store
        .add_member(
            &singapore,
            &MemberInput {
                person_id: newcomer.id.clone(),
                ..Default::default()
            },
        )
        .unwrap();

    let review = store
        .review_estimate(&singapore, &vietcombank("22300"))
        .unwrap();
    // In the order the lines are listed (the members' order), added and changed lines
    // first, then the removed ones.
    let changes: Vec<(ChangeKind, String, Option<i64>, Option<i64>)> = review
        .changes
        .iter()
        .map(|c| {
            (
                c.change,
                c.person_name.clone(),
                c.before.as_ref().map(|m| m.minor),
                c.after.as_ref().map(|m| m.minor),
            )
        })
        .collect();
    assert_eq!(
        changes,
        vec![
            // 5 days × 60 = 300 USD for the newcomer.
            (
                ChangeKind::Added,
                "Hoàng Ngọc Lan".to_owned(),
                None,
                Some(30_000)
            ),
            // 4 days × 70 = 280 USD instead of 5 × 70 = 350.
            (
                ChangeKind::Changed,
                TUAN.to_owned(),
                Some(35_000),
                Some(28_000)
            ),
            (ChangeKind::Removed, DUNG.to_owned(), Some(30_000), None),
        ]
    );
    assert!(
        review.changes[1]
            .after_explanation
            .starts_with("4 days (2016-09-05 – 2016-09-08)"),
        "{}",
        review.changes[1].after_explanation
    );

    // A new exchange rate changes every converted line, not the foreign amounts.
    let rerated = store
        .review_estimate(&singapore, &vietcombank("23000"))
        .unwrap();
    assert!(
        rerated
            .changes
            .iter()
            .filter(|c| c.change == ChangeKind::Changed && c.person_name == NHUNG)
            .all(|c| c.before == c.after && c.after_vnd == Some(350 * 23_000)),
        "{:?}",
        rerated.changes
    );
}

#[test]
fn an_estimate_needs_a_table_and_a_complete_rate() {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    let singapore = singapore_in(&store);
    let error = desk_domain::Error::from(
        store
            .estimate(&singapore, &EstimateRequest::default())
            .unwrap_err(),
    );
    assert_eq!(error.violations[0].field, "table_id");
    assert!(
        error.message.contains("desk rates import"),
        "says how to get a table: {}",
        error.message
    );
    desk_ops::rates::load_example(&mut store).unwrap();
    let mut request = vietcombank("22300");
    request.rate_source = String::new();
    let error = desk_domain::Error::from(store.estimate(&singapore, &request).unwrap_err());
    assert_eq!(
        error.violations[0].field, "rate_source",
        "a rate without its source is refused"
    );
}

fn example_line(text: &str, starts: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(starts))
        .map(|i| i + 1)
        .expect("the line is in the example")
}

#[test]
fn a_malformed_rate_table_is_refused_with_its_line_and_the_old_table_is_kept() {
    let (mut store, _) = demo();
    let before = store.rate_tables().unwrap();
    assert_eq!(before.len(), 1);

    // The same regulation with a corrected leader rate (70 → 75) and, further down, a
    // country code mistyped: nothing of it may be taken.
    let broken = desk_ops::rates::EXAMPLE_RATES
        .replace("rate,B,leader,70,160", "rate,B,leader,75,160")
        .replace("country,C,JP", "country,C,JPN");
    let line = example_line(&broken, "country,C,JPN");
    let error = desk_ops::rates::import_csv(&mut store, broken.as_bytes()).unwrap_err();
    assert_eq!(error.kind, desk_domain::ErrorKind::Validation);
    assert!(
        error.message.starts_with(&format!(
            "line {line}: Country must be an ISO 3166-1 alpha-2 code"
        )),
        "the refusal names line {line} and the reason: {}",
        error.message
    );
    assert_eq!(
        store.rate_tables().unwrap(),
        before,
        "the old table is kept whole, the 70 USD rate included"
    );

    // Corrected, the same file replaces the table (same name and date), keeping its id.
    let fixed = broken.replace("country,C,JPN", "country,C,JP");
    let replaced = desk_ops::rates::import_csv(&mut store, fixed.as_bytes()).unwrap();
    assert_eq!(
        replaced.id, before[0].id,
        "a corrected table replaces the old one"
    );
    assert_eq!(
        replaced.rate("B", "leader").map(|r| r.per_diem),
        Some(7_500)
    );
    assert_eq!(store.rate_tables().unwrap().len(), 1);
}

#[test]
fn the_cli_refuses_a_malformed_table_with_the_line_and_round_trips_a_good_one() {
    let db = TempDb::with_database().unwrap();
    let db_path = db.path.to_str().unwrap();
    let bad = db.dir.path().join("bad.csv");
    let text =
        desk_ops::rates::EXAMPLE_RATES.replace("rate,D,staff,85,180", "rate,D,staff,85,1 80,x");
    let line = example_line(&text, "rate,D,staff");
    std::fs::write(&bad, &text).unwrap();
    let run = desk(&["--db", db_path, "rates", "import", bad.to_str().unwrap()]);
    assert_eq!(run.code, 1, "refused: {}", run.stdout);
    assert!(
        run.stderr.contains(&format!(
            "line {line}: a rate row has 5 columns, this one has 6"
        )),
        "stderr names the line and the reason: {}",
        run.stderr
    );
    let listed = desk(&["--db", db_path, "--json", "rates", "list"]);
    assert_eq!(listed.stdout.trim(), "[]", "nothing was imported");

    let good = db.dir.path().join("good.csv");
    std::fs::write(&good, desk_ops::rates::EXAMPLE_RATES).unwrap();
    let run = desk(&["--db", db_path, "rates", "import", good.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = db.dir.path().join("out.csv");
    let run = desk(&[
        "--db",
        db_path,
        "rates",
        "export",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let exported = std::fs::read(&out).unwrap();
    let mut other = Store::open_in_memory().unwrap();
    let again = desk_ops::rates::import_csv(&mut other, &exported).unwrap();
    let original = db.open().rate_tables().unwrap().remove(0);
    assert_eq!(
        (
            again.name,
            again.valid_from,
            again.groups,
            again.rates,
            again.sponsor_covers
        ),
        (
            original.name,
            original.valid_from,
            original.groups,
            original.rates,
            original.sponsor_covers
        ),
        "an exported table imports as the same table"
    );
}

/// The estimate and the settlement that Print sends to the printer are the PDFs Export
/// writes: the same pages, the same size, the same words on each page.
#[test]
fn the_estimate_and_settlement_print_as_export_writes_them() {
    let (mut store, singapore) = demo();
    let request = vietcombank("22300");
    let dir = tempfile::tempdir().unwrap();
    let estimate = desk_ops::estimate_paper(&store, &singapore, &request, Language::Vi).unwrap();
    let settlement = desk_ops::settlement_paper(&store, &singapore, Language::Vi).unwrap();
    let papers = [
        (
            Paper::Estimate {
                delegation_id: singapore.clone(),
                request: request.clone(),
                language: Language::Vi,
            },
            estimate,
            "DỰ TOÁN",
        ),
        (
            Paper::Settlement {
                delegation_id: singapore.clone(),
                language: Language::Vi,
            },
            settlement,
            "QUYẾT TOÁN",
        ),
    ];
    for (paper, exported, heading) in papers {
        let (_, printed) = desk_ops::print::paper_pdf(&mut store, &paper).unwrap();
        let (a, b) = (
            dir.path().join("exported.pdf"),
            dir.path().join("printed.pdf"),
        );
        std::fs::write(&a, &exported).unwrap();
        std::fs::write(&b, &printed).unwrap();
        let info = |p| {
            poppler("pdfinfo", p, &[])
                .lines()
                .filter(|l| l.starts_with("Pages:") || l.starts_with("Page size:"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(info(&a), info(&b), "{paper:?}");
        assert!(info(&b).contains("(A4)"), "{}", info(&b));
        let text = poppler("pdftotext", &b, &["-layout"]);
        assert!(text.contains(heading), "{heading}: {text}");
        assert_eq!(poppler("pdftotext", &a, &["-layout"]), text, "{paper:?}");
    }
}

#[test]
fn the_singapore_settlement_matches_the_demo_expenses_by_hand() {
    let (store, singapore) = demo();
    let s = store.settlement(&singapore).unwrap();
    assert_eq!(
        s.estimate_from,
        EstimateFrom::Entered,
        "no estimate was saved: the hand-entered estimate lines count"
    );
    let party = |name: &str| {
        s.parties
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} has an account"))
    };
    // The head: estimate 280 USD at 22,300 = 6,244,000; advance 280 USD at 22,310 =
    // 6,246,800; spent 280 USD at 22,310 = 6,246,800. Nothing to pay either way.
    let nhung = party(NHUNG);
    assert_eq!(
        nhung
            .by_currency
            .iter()
            .map(|f| (
                f.currency.as_str(),
                f.estimate,
                f.advance,
                f.actual,
                f.to_pay,
                f.owed_back
            ))
            .collect::<Vec<_>>(),
        [("USD", 28_000, 28_000, 28_000, 0, 0)]
    );
    assert_eq!(
        (nhung.vnd.estimate, nhung.vnd.advance, nhung.vnd.actual),
        (6_244_000, 6_246_800, 6_246_800)
    );
    // A staff member: 240 USD → 5,352,000 estimated, 5,354,400 advanced and spent.
    let dung = party(DUNG);
    assert_eq!(
        (
            dung.vnd.estimate,
            dung.vnd.advance,
            dung.vnd.actual,
            dung.vnd.to_pay
        ),
        (5_352_000, 5_354_400, 5_354_400, 0)
    );
    // The delegation's shared account: insurance estimated 2,100,000; spent 1,980,000
    // (insurance) + 2,400,000 (gifts) = 4,380,000 VND, and a taxi 186.40 SGD at 16,350 =
    // 3,047,640 VND; nothing was advanced, so 4,380,000 VND + 186.40 SGD are still to pay,
    // 7,427,640 VND in all. None of the three has a receipt yet.
    let shared = s.parties.iter().find(|p| p.person_id.is_none()).unwrap();
    assert_eq!(
        shared
            .by_currency
            .iter()
            .map(|f| (f.currency.as_str(), f.estimate, f.actual, f.to_pay))
            .collect::<Vec<_>>(),
        [
            ("SGD", 0, 18_640, 18_640),
            ("VND", 2_100_000, 4_380_000, 4_380_000)
        ]
    );
    assert_eq!(shared.vnd.to_pay, 7_427_640);
    assert_eq!(shared.missing_receipts, 3);
    // The whole trip in VND: estimate 2 × 6,244,000 + 4 × 5,352,000 + 2,100,000 = 35,996,000;
    // advance 2 × 6,246,800 + 4 × 5,354,400 = 33,911,200; actual 33,911,200 + 4,380,000 +
    // 3,047,640 = 41,338,840; still to pay 41,338,840 − 33,911,200 = 7,427,640.
    assert_eq!(
        (
            s.vnd.estimate,
            s.vnd.advance,
            s.vnd.actual,
            s.vnd.to_pay,
            s.vnd.owed_back
        ),
        (35_996_000, 33_911_200, 41_338_840, 7_427_640, 0)
    );
    assert_eq!(s.missing_receipts, 3, "the per diem is a flat allowance");
    assert_eq!(s.unconverted, 0);
}

#[test]
fn once_an_estimate_is_saved_the_settlement_compares_against_it() {
    let (store, singapore) = demo_estimated();
    let s = store.settlement(&singapore).unwrap();
    assert!(matches!(s.estimate_from, EstimateFrom::Saved { .. }));
    let nhung = s.parties.iter().find(|p| p.name == NHUNG).unwrap();
    // Saved: 5 days × 70 = 350 USD = 7,805,000 VND; advanced and spent: 280 USD.
    assert_eq!(
        (nhung.by_currency[0].estimate, nhung.vnd.estimate),
        (35_000, 7_805_000)
    );
    assert_eq!(s.vnd.estimate, 44_470_000, "the saved estimate's total");
}

fn cell_text(range: &calamine::Range<Data>, row: usize, col: usize) -> String {
    match range.get((row, col)) {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn cell_number(range: &calamine::Range<Data>, row: usize, col: usize) -> Option<f64> {
    match range.get((row, col)) {
        Some(Data::Float(f)) => Some(*f),
        Some(Data::Int(i)) => Some(*i as f64),
        _ => None,
    }
}

#[test]
fn the_accounting_office_gets_numbers_it_can_add_and_text_that_runs_nothing() {
    let db = TempDb::new().unwrap();
    let db_path = db.path.to_str().unwrap();
    assert_eq!(desk(&["--db", db_path, "demo"]).code, 0);
    let singapore = {
        let mut store = db.open();
        let id = singapore_in(&store);
        // A visa fee whose description looks like a formula, as pasted from somewhere.
        store
            .add(
                &id,
                &ExpenseInput {
                    kind: "estimate".into(),
                    category: "visa".into(),
                    description: "=HYPERLINK(\"http://example.org\",\"visa\")".into(),
                    currency: "USD".into(),
                    amount: "20.50".into(),
                    ..Default::default()
                },
            )
            .unwrap();
        id
    };
    let xlsx = db.dir.path().join("estimate.xlsx");
    let pdf = db.dir.path().join("estimate.pdf");
    let run = desk(&delegation_args(
        db_path,
        &["estimate"],
        &singapore,
        &[
            "--rate",
            "22300",
            "--rate-date",
            "2016-08-22",
            "--rate-source",
            "Vietcombank",
            "--xlsx",
            xlsx.to_str().unwrap(),
            "--pdf",
            pdf.to_str().unwrap(),
            "--save",
        ],
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("Total in VND: 44.927.150 ₫"),
        "{}",
        run.stdout
    );
    assert!(
        std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"),
        "a PDF was written"
    );

    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&xlsx).unwrap())).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    let row_of = |name: &str, category: &str| {
        (0..range.height())
            .find(|&r| cell_text(&range, r, 1) == name && cell_text(&range, r, 2) == category)
            .unwrap_or_else(|| panic!("a row for {name}, {category}"))
    };
    let nhung = row_of(NHUNG, "Tiền ăn và tiêu vặt");
    assert_eq!(
        cell_number(&range, nhung, 4),
        Some(350.0),
        "350.00 USD as a number"
    );
    assert_eq!(cell_text(&range, nhung, 5), "USD");
    assert_eq!(
        cell_number(&range, nhung, 6),
        Some(22_300.0),
        "the rate as a number"
    );
    assert_eq!(cell_number(&range, nhung, 7), Some(7_805_000.0));
    let visa = row_of("Chung cả đoàn", "Lệ phí thị thực");
    assert_eq!(
        cell_text(&range, visa, 3),
        "Nhập tay: =HYPERLINK(\"http://example.org\",\"visa\")",
        "the description is text"
    );
    // 20.50 × 22,300 = 457,150; total 44,470,000 + 457,150 = 44,927,150.
    assert_eq!(cell_number(&range, visa, 7), Some(457_150.0));
    let total_row = (0..range.height())
        .find(|&r| cell_text(&range, r, 6) == "Thành tiền (VND)")
        .expect("a VND total row");
    assert_eq!(cell_number(&range, total_row, 7), Some(44_927_150.0));
    let usd_total = (0..range.height())
        .find(|&r| cell_text(&range, r, 1) == "Tổng cộng")
        .expect("a total row");
    assert_eq!(
        cell_number(&range, usd_total, 4),
        Some(1_920.5),
        "1,900 + 20.50 USD"
    );
    let formulas = book.worksheet_formula(&sheet).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell holds a formula"
    );

    // A description that starts with "=" goes to the settlement's lines as text too.
    let settlement = db.dir.path().join("settlement.xlsx");
    let run = desk(&delegation_args(
        db_path,
        &["settlement"],
        &singapore,
        &["--xlsx", settlement.to_str().unwrap(), "--lang", "en"],
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&settlement).unwrap())).unwrap();
    let summary = book.worksheet_range("Summary").unwrap();
    let total_vnd = (0..summary.height())
        .find(|&r| {
            cell_text(&summary, r, 0) == "Total" && cell_text(&summary, r, 1) == "VND (converted)"
        })
        .expect("the VND total row");
    // Estimate from the saved estimate (44,927,150); advances 33,911,200; actual
    // 41,338,840; still to pay 7,427,640.
    let figures: Vec<Option<f64>> = (2..7)
        .map(|c| cell_number(&summary, total_vnd, c))
        .collect();
    assert_eq!(
        figures,
        [
            Some(44_927_150.0),
            Some(33_911_200.0),
            Some(41_338_840.0),
            Some(7_427_640.0),
            Some(0.0)
        ]
    );
    for (_, sheet) in book.worksheets() {
        assert!(
            sheet
                .used_cells()
                .all(|(_, _, d)| !matches!(d, Data::Error(_))),
            "no error cells"
        );
    }
}

#[test]
fn estimate_json_is_stable_and_settlement_json_has_the_totals() {
    let db = TempDb::new().unwrap();
    let db_path = db.path.to_str().unwrap();
    assert_eq!(desk(&["--db", db_path, "demo"]).code, 0);
    let singapore = singapore_in(&db.open());
    let run = desk(&delegation_args(
        db_path,
        &["--json", "estimate"],
        &singapore,
        &[],
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["estimate"]["totals"][0]["minor"], 190_000);
    assert_eq!(
        json["estimate"]["total_vnd"],
        serde_json::Value::Null,
        "no rate given"
    );
    assert_eq!(json["estimate"]["unconverted"][0], "USD");
    assert_eq!(json["estimate"]["lines"][0]["basis"]["kind"], "per_diem");
    assert_eq!(json["previous"], serde_json::Value::Null);

    let run = desk(&delegation_args(
        db_path,
        &["--json", "settlement"],
        &singapore,
        &[],
    ));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["vnd"]["to_pay"], 7_427_640);
    assert_eq!(json["estimate_from"]["kind"], "entered");

    let run = desk(&delegation_args(
        db_path,
        &["estimate"],
        &singapore,
        &["--rate", "22300"],
    ));
    assert_eq!(run.code, 1, "a rate without date and source is refused");
    assert!(run.stderr.contains("Rate date"), "{}", run.stderr);
}

#[test]
fn rate_tables_and_saved_estimates_travel_with_an_export() {
    let (store, singapore) = demo_estimated();
    let first = store.export("").unwrap();
    assert_eq!(first.rate_tables.len(), 1);
    assert_eq!(first.estimates.len(), 1);
    let mut other = Store::open_in_memory().unwrap();
    other
        .import(&first, desk_store::SettingsMode::Replace)
        .unwrap();
    let second = other.export("").unwrap();
    assert!(
        serde_json::to_string(&first).unwrap() == serde_json::to_string(&second).unwrap(),
        "export, import, export gives the same document"
    );
    assert_eq!(
        other.settlement(&singapore).unwrap().vnd.estimate,
        44_470_000,
        "the imported estimate is the one the settlement uses"
    );
}

#[test]
fn a_database_from_before_rate_tables_upgrades_and_can_be_estimated() {
    let db = TempDb::new().unwrap();
    std::fs::copy(
        desk_tests::repo_root().join("tests/fixtures/schema-v2.sqlite"),
        &db.path,
    )
    .unwrap();
    let mut store = db.open();
    assert!(
        store.rate_tables().unwrap().is_empty(),
        "an upgraded database has no table yet"
    );
    desk_ops::rates::load_example(&mut store).unwrap();
    let singapore = singapore_in(&store);
    let e = store.estimate(&singapore, &vietcombank("22300")).unwrap();
    assert_eq!(
        e.total_vnd,
        Some(44_470_000),
        "the same figures as on a new database"
    );
}
