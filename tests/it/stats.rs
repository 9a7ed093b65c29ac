//! The year in numbers, checked against the demo data set counted by hand: the 2016 trip to
//! the 2nd INELI-ASEAN session in Singapore and the 3rd session hosted in Ha Noi in 2017.
//! Every VND figure below is worked out in the comments from the expenses in
//! `assets/demo/ineli-asean.json`, each at its own rate.

use chrono::NaiveDate;
use desk_domain::{
    Delegation, DelegationInput, DelegationStatus, Direction, Funding, MemberInput, ReportState,
    StatsMetric, Trend, YearStats,
};
use desk_store::Store;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    store
}

fn year(store: &Store, y: i32) -> YearStats {
    store
        .stats_as_of(
            NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(y, 12, 31).unwrap(),
            day("2026-11-01"),
        )
        .unwrap()
}

/// A new outgoing delegation to `country` from `starts` to `ends`, with nothing else filled in.
fn outgoing(store: &mut Store, title: &str, country: &str, starts: &str, ends: &str) -> Delegation {
    let input = DelegationInput::new(Direction::Outgoing, title, country, starts, ends);
    store.create_delegation(&input).unwrap()
}

/// Adds the demo's Trần Mỹ Dung to `delegation` on the terms of `member` (her id filled in),
/// and returns her id.
fn dung_joins(store: &mut Store, delegation: &str, member: MemberInput) -> String {
    let people = store.list_people().unwrap();
    let dung = people
        .iter()
        .find(|p| p.full_name == "Trần Mỹ Dung")
        .unwrap();
    let member = MemberInput {
        person_id: dung.id.clone(),
        ..member
    };
    store.add_member(delegation, &member).unwrap();
    dung.id.clone()
}

fn change(stats: &YearStats, metric: StatsMetric) -> (i64, i64, Trend, Option<String>) {
    let c = stats
        .changes
        .iter()
        .find(|c| c.metric == metric)
        .unwrap_or_else(|| panic!("a comparison of {metric}"));
    (
        c.current,
        c.previous,
        c.trend,
        c.percent.map(|p| p.to_string()),
    )
}

// The Singapore expenses (delegation …b24d19), by hand:
//   per diem, 6 people: 2 × 280.00 USD and 4 × 240.00 USD
//   estimate at 22 300: 2 × 6 244 000 + 4 × 5 352 000 = 12 488 000 + 21 408 000 = 33 896 000
//                       + insurance estimate 2 100 000 VND                       = 35 996 000
//   advance at 22 310:  2 × 6 246 800 + 4 × 5 354 400 = 12 493 600 + 21 417 600 = 33 911 200
//   actual:  per diem at 22 310                                                  33 911 200
//            insurance                                                            1 980 000
//            local transport 186.40 SGD × 16 350                                  3 047 640
//            gifts                                                                2 400 000
//            total                                                               41 338 840
const SINGAPORE_ESTIMATE: i64 = 35_996_000;
const SINGAPORE_ADVANCE: i64 = 33_911_200;
const SINGAPORE_ACTUAL: i64 = 41_338_840;
// The Ha Noi session (…0b144c), actual only:
//   hosting 185 000 000 VND + rooms 11 780.00 USD × 22 700 = 267 406 000
//   + transport 42 000 000 VND                                = 494 406 000
const HANOI_ACTUAL: i64 = 494_406_000;

#[test]
fn in_2016_one_delegation_of_six_went_to_singapore_for_five_days() {
    let store = demo();
    let s = year(&store, 2016);
    let t = &s.totals;
    assert_eq!(
        (t.outgoing.count, t.incoming.count, t.delegations),
        (1, 0, 1)
    );
    let singapore = &t.outgoing.delegation_ids[0];
    assert_eq!(
        (t.trips, t.people, t.people_outgoing),
        (6, 6, 6),
        "4 national and 2 provincial officials"
    );
    assert_eq!(
        t.person_days_abroad, 30,
        "6 people × 5 days (5 to 9 September, both included)"
    );
    assert_eq!(t.money.actual_vnd, SINGAPORE_ACTUAL);
    assert_eq!(t.money.estimate_vnd, SINGAPORE_ESTIMATE);
    assert_eq!(t.money.advance_vnd, SINGAPORE_ADVANCE);
    assert_eq!(
        t.money.cost_vnd, SINGAPORE_ACTUAL,
        "a delegation with actual expenses costs its actual expenses"
    );
    assert!(t.money.estimated_ids.is_empty());
    assert!(s.unconverted.is_empty(), "every demo expense has its rate");

    let september = s.by_month.iter().find(|m| m.month == "2016-09").unwrap();
    assert_eq!(september.outgoing.delegation_ids, vec![singapore.clone()]);
    assert_eq!(
        s.by_month
            .iter()
            .map(|m| m.outgoing.count + m.incoming.count)
            .sum::<u32>(),
        1,
        "only September has a delegation"
    );
    assert_eq!(s.by_country.len(), 1);
    assert_eq!(
        (s.by_country[0].key.as_str(), s.by_country[0].outgoing.count),
        ("SG", 1)
    );
    assert_eq!(
        s.by_organisation[0].label, "National Library Board Singapore",
        "the host organisation"
    );
    assert_eq!(s.by_event[0].label, "2nd INELI-ASEAN session");
    let mixed = s
        .by_funding
        .iter()
        .find(|f| f.funding == Funding::Mixed)
        .unwrap();
    assert_eq!(
        (mixed.total, mixed.money.cost_vnd),
        (1, SINGAPORE_ACTUAL),
        "the trip was paid partly by the state budget, partly by the sponsor"
    );

    // Reports: due 9 Sep + 15 days = 24 Sep 2016; the final report is dated 20 Sep.
    assert_eq!(t.reports.on_time.delegation_ids, vec![singapore.clone()]);
    assert_eq!(
        t.reports.late.count + t.reports.late_unfiled.count + t.reports.pending.count,
        0
    );
    let line = &s.delegations[0];
    assert_eq!(
        (line.report, line.report_due_on, line.report_filed_on),
        (
            ReportState::OnTime,
            Some(day("2016-09-24")),
            Some(day("2016-09-20"))
        )
    );

    // Person-days by unit: each of the six counts 5 days; the two provincial officials have
    // no unit and count under their libraries.
    let mut units: Vec<(String, u32)> = s
        .person_days_by_unit
        .iter()
        .map(|u| (u.unit.clone(), u.days))
        .collect();
    units.sort();
    assert_eq!(
        units,
        vec![
            ("Ban Giám đốc".into(), 5),
            ("Phòng Hợp tác quốc tế".into(), 5),
            ("Phòng Phục vụ bạn đọc".into(), 5),
            ("Phòng Tin học".into(), 5),
            ("Thư viện tỉnh Bình Dương".into(), 5),
            ("Thư viện tỉnh Khánh Hòa".into(), 5),
        ]
    );
    assert_eq!(s.person_days_by_person.len(), 6);
}

#[test]
fn in_2017_the_library_hosted_sixty_seven_and_compares_with_2016() {
    let store = demo();
    let s = year(&store, 2017);
    let t = &s.totals;
    assert_eq!((t.outgoing.count, t.incoming.count), (0, 1));
    assert_eq!(
        (t.trips, t.people, t.people_incoming),
        (67, 67, 67),
        "60 guests from the ten CONSAL countries and 7 hosts"
    );
    assert_eq!(t.person_days_abroad, 0, "hosting is not a trip abroad");
    assert_eq!(t.money.actual_vnd, HANOI_ACTUAL);
    assert_eq!(t.money.cost_vnd, HANOI_ACTUAL);
    assert_eq!(t.money.estimate_vnd, 0);
    assert_eq!(
        s.by_month
            .iter()
            .find(|m| m.month == "2017-11")
            .map(|m| m.incoming.count),
        Some(1)
    );
    assert_eq!(s.by_country[0].key, "VN", "the visitors came to Viet Nam");
    assert_eq!(
        s.by_organisation[0].label,
        "Congress of Southeast Asian Librarians"
    );
    let sponsored = s
        .by_funding
        .iter()
        .find(|f| f.funding == Funding::Sponsored)
        .unwrap();
    assert_eq!(sponsored.money.actual_vnd, HANOI_ACTUAL);
    assert_eq!(
        s.delegations[0].report,
        ReportState::NotRequired,
        "hosting needs no mission report"
    );
    assert_eq!(
        t.reports.on_time.count
            + t.reports.late.count
            + t.reports.late_unfiled.count
            + t.reports.pending.count,
        0
    );

    // Against 2016: one delegation out became none; none in became one.
    assert_eq!(
        change(&s, StatsMetric::Outgoing),
        (0, 1, Trend::Down, Some("-100".into()))
    );
    assert_eq!(
        change(&s, StatsMetric::Incoming),
        (1, 0, Trend::Up, None),
        "no percentage of nothing"
    );
    assert_eq!(
        change(&s, StatsMetric::Delegations),
        (1, 1, Trend::Same, Some("0".into()))
    );
    // 494 406 000 − 41 338 840 = 453 067 160, that is 1 095.98…% of 41 338 840 → 1096.0
    let cost = change(&s, StatsMetric::CostVnd);
    assert_eq!(
        (cost.0 - cost.1, cost.2, cost.3),
        (453_067_160, Trend::Up, Some("1096".into()))
    );
    assert_eq!(s.previous.trips, 6);
}

#[test]
fn over_both_years_a_person_on_two_trips_is_two_trips_but_one_person() {
    let store = demo();
    let s = store
        .stats_as_of(day("2016-01-01"), day("2017-12-31"), day("2026-11-01"))
        .unwrap();
    assert_eq!(s.totals.delegations, 2);
    assert_eq!(
        (s.totals.trips, s.totals.people),
        (73, 72),
        "the Deputy Director led both delegations: 6 + 67 trips, 72 people"
    );
    assert_eq!(s.by_month.len(), 24, "every month of the two years");
    assert_eq!(
        (s.previous_range.from, s.previous_range.to),
        (day("2014-01-01"), day("2015-12-31")),
        "24 whole months compare with the 24 before"
    );
    assert_eq!(
        s.totals.money.cost_vnd,
        SINGAPORE_ACTUAL + HANOI_ACTUAL,
        "41 338 840 + 494 406 000"
    );
}

#[test]
fn a_cancelled_delegation_is_listed_apart_and_counted_nowhere() {
    let mut store = demo();
    let mut input = DelegationInput::new(
        Direction::Outgoing,
        "Hội thảo tại Bangkok (đã hủy)",
        "TH",
        "2016-11-14",
        "2016-11-17",
    );
    input.event = "CONSAL workshop".into();
    let cancelled = store.create_delegation(&input).unwrap();
    dung_joins(&mut store, &cancelled.id, MemberInput::default());
    store
        .set_delegation_status(&cancelled.id, DelegationStatus::Cancelled)
        .unwrap();

    let s = year(&store, 2016);
    assert_eq!(
        s.cancelled.iter().map(|l| l.id.clone()).collect::<Vec<_>>(),
        vec![cancelled.id.clone()],
        "the cancelled trip is listed"
    );
    assert_eq!(
        s.totals.cancelled.delegation_ids,
        vec![cancelled.id.clone()]
    );
    assert_eq!(
        (
            s.totals.outgoing.count,
            s.totals.trips,
            s.totals.person_days_abroad
        ),
        (1, 6, 30),
        "but not counted: still the Singapore trip alone"
    );
    assert!(
        s.by_country.iter().all(|b| b.key != "TH"),
        "no country bar for a trip that did not happen"
    );
    assert!(s.by_month.iter().all(|m| {
        m.outgoing
            .delegation_ids
            .iter()
            .all(|id| *id != cancelled.id)
    }));
    assert!(s.delegations.iter().all(|l| l.id != cancelled.id));
    assert!(s.by_event.iter().all(|b| b.label != "CONSAL workshop"));

    // In the trash it is not even listed.
    store.trash_delegation(&cancelled.id).unwrap();
    let s = year(&store, 2016);
    assert!(s.cancelled.is_empty(), "trashed delegations are ignored");
}

#[test]
fn a_second_trip_in_the_same_year_adds_trips_and_days_but_not_people() {
    let mut store = demo();
    let bangkok = outgoing(
        &mut store,
        "Hội thảo tại Bangkok",
        "TH",
        "2016-11-14",
        "2016-11-17",
    );
    let dung = dung_joins(
        &mut store,
        &bangkok.id,
        MemberInput {
            // She joins a day late: 15–17 November, 3 days.
            joins_on: "2016-11-15".into(),
            ..MemberInput::default()
        },
    );

    let s = year(&store, 2016);
    assert_eq!(s.totals.outgoing.count, 2);
    assert_eq!(
        (s.totals.trips, s.totals.people),
        (7, 6),
        "she made two trips but is one person"
    );
    assert_eq!(
        s.totals.person_days_abroad,
        30 + 3,
        "her own days count: 15 to 17 November"
    );
    let her = s
        .person_days_by_person
        .iter()
        .find(|p| p.person_id == dung)
        .unwrap();
    assert_eq!((her.trips, her.days), (2, 5 + 3));
    assert_eq!(her.delegation_ids.len(), 2);
    assert_eq!(
        s.person_days_by_person[0].person_id, dung,
        "the most days abroad first"
    );
    // The new trip has no expense: it costs its (empty) estimate and says so.
    assert_eq!(s.totals.money.estimated_ids, vec![bangkok.id.clone()]);
    assert_eq!(
        s.by_country
            .iter()
            .map(|b| b.key.as_str())
            .collect::<Vec<_>>(),
        vec!["SG", "TH"],
        "ranked by delegations, then trips: Singapore's six before Bangkok's one"
    );
    // Its report is due 17 Nov + 15 = 2 Dec 2016, long past: late and unfiled.
    assert_eq!(
        s.totals.reports.late_unfiled.delegation_ids,
        vec![bangkok.id.clone()]
    );
}

#[test]
fn a_range_that_ends_before_it_starts_is_refused_on_its_field() {
    let store = demo();
    let error = store
        .stats(day("2017-12-31"), day("2017-01-01"))
        .err()
        .map(desk_domain::Error::from)
        .unwrap();
    assert_eq!(error.violations[0].field, "to");
    assert_eq!(error.violations[0].rule, desk_domain::Rule::EndBeforeStart);
}

mod cli {
    //! `desk stats` and `desk annual-report` as a script uses them.

    use calamine::{Data, Reader, Xlsx};
    use desk_tests::{TempDb, desk};

    fn demo_db() -> (TempDb, String) {
        let db = TempDb::new().unwrap();
        let path = db.path.to_str().unwrap().to_owned();
        let loaded = desk(&["--db", &path, "demo"]);
        assert_eq!(loaded.code, 0, "{}", loaded.stderr);
        (db, path)
    }

    /// `desk annual-report --year 2017` on the database at `db`, with `more` arguments.
    fn annual_report_2017(db: &str, more: &[&str]) -> desk_tests::Run {
        let mut args = vec!["--db", db, "annual-report", "--year", "2017"];
        args.extend_from_slice(more);
        desk(&args)
    }

    #[test]
    fn stats_prints_a_table_and_the_same_figures_as_json() {
        let (_db, db) = demo_db();
        let json = desk(&["--db", &db, "--json", "stats", "--year", "2016"]);
        assert_eq!(json.code, 0, "{}", json.stderr);
        let stats: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        assert_eq!(stats["totals"]["outgoing"]["count"], 1);
        assert_eq!(
            stats["totals"]["money"]["actual_vnd"], 41_338_840,
            "the Singapore trip's actual expenses, by hand above"
        );
        assert_eq!(stats["range"]["from"], "2016-01-01");
        assert_eq!(stats["previous_range"]["from"], "2015-01-01");

        let table = desk(&["--db", &db, "stats", "--year", "2016"]);
        assert_eq!(table.code, 0, "{}", table.stderr);
        assert!(
            table
                .stdout
                .contains("Statistics 2016 (compared with 2015)"),
            "{}",
            table.stdout
        );
        assert!(table.stdout.contains("41338840"), "{}", table.stdout);
        assert!(table.stdout.contains("1 on time"), "{}", table.stdout);
    }

    #[test]
    fn stats_takes_a_range_of_days_and_refuses_one_that_ends_first() {
        let (_db, db) = demo_db();
        let both = desk(&[
            "--db",
            &db,
            "--json",
            "stats",
            "--from",
            "2016-01-01",
            "--to",
            "2017-12-31",
        ]);
        assert_eq!(both.code, 0, "{}", both.stderr);
        let stats: serde_json::Value = serde_json::from_str(&both.stdout).unwrap();
        assert_eq!(
            (
                stats["totals"]["trips"].clone(),
                stats["totals"]["people"].clone()
            ),
            (73.into(), 72.into())
        );

        let backwards = desk(&[
            "--db",
            &db,
            "stats",
            "--from",
            "2017-12-31",
            "--to",
            "2017-01-01",
        ]);
        assert_eq!(backwards.code, 1, "a refused range exits 1");
        assert!(
            backwards
                .stderr
                .contains("To 2017-01-01 must not be before from date 2017-12-31"),
            "the refusal names the field and the rule: {}",
            backwards.stderr
        );
        let nothing = desk(&["--db", &db, "stats"]);
        assert_eq!(
            nothing.code, 2,
            "a year or a range is required: {}",
            nothing.stderr
        );
        let both_ways = desk(&[
            "--db",
            &db,
            "stats",
            "--year",
            "2017",
            "--from",
            "2017-01-01",
            "--to",
            "2017-02-01",
        ]);
        assert_eq!(both_ways.code, 2, "a year and a range cannot both be given");
    }

    #[test]
    fn annual_report_writes_the_pdf_and_the_workbook() {
        let (db_dir, db) = demo_db();
        let pdf = db_dir.dir.path().join("bao-cao-2017.pdf");
        let xlsx = db_dir.dir.path().join("bao-cao-2017.xlsx");
        let run = annual_report_2017(
            &db,
            &[
                "--lang",
                "vi",
                "--out",
                pdf.to_str().unwrap(),
                "--xlsx",
                xlsx.to_str().unwrap(),
                "--date",
                "2018-01-15",
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.contains("Wrote"), "{}", run.stdout);
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "a PDF was written");
        let mut book = Xlsx::new(std::io::Cursor::new(std::fs::read(&xlsx).unwrap())).unwrap();
        let summary = book.worksheet_range("Tổng hợp").unwrap();
        let cost = summary
            .rows()
            .find(|r| matches!(r.first(), Some(Data::String(s)) if s == "Kinh phí các đoàn (đồng)"))
            .unwrap();
        assert_eq!(cost[1], Data::Float(494_406_000.0));
        let leftovers: Vec<_> = std::fs::read_dir(db_dir.dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .collect();
        assert!(leftovers.is_empty(), "no half-written file is left behind");

        let nowhere = annual_report_2017(&db, &[]);
        assert_eq!(nowhere.code, 2, "a file to write is required");
        let bad_language = annual_report_2017(&db, &["--lang", "fr", "--out", "x.pdf"]);
        assert_eq!(bad_language.code, 2, "vi or en only");
    }
}

#[test]
fn the_years_to_choose_from_are_those_with_delegations_latest_first_trash_left_out() {
    let mut store = demo();
    assert_eq!(
        store.stats_years().unwrap(),
        vec![2017, 2016],
        "the demo holds the Singapore trip (2016) and the Ha Noi session (2017)"
    );
    let planned = outgoing(
        &mut store,
        "Hội nghị CONSAL (dự kiến)",
        "TH",
        "2019-03-04",
        "2019-03-06",
    );
    assert_eq!(store.stats_years().unwrap(), vec![2019, 2017, 2016]);
    store.trash_delegation(&planned.id).unwrap();
    assert_eq!(
        store.stats_years().unwrap(),
        vec![2017, 2016],
        "a delegation in the trash gives its year no figures"
    );
}
