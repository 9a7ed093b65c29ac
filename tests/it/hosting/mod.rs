//! Hosting a delegation as the office does it: guest lists arrive in every layout (headers
//! on row 3, Vietnamese headers, `;` CSV with a BOM, serial dates) or as hostile files; the
//! preview names each problem by row and column; an import is all or nothing; lists go out
//! as XLSX and CSV without formulas; check-in, checklists, transfers; and the papers of the
//! demo's 2017 Hanoi session carry the right names.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use desk_domain::hosting::{GuestSheet, ProblemKind};
use desk_domain::{DelegationInput, Direction, ErrorKind, Language, OrganisationInput, Rule};
use desk_exchange::{Limits, ReadOptions, read_guests};
use desk_store::Store;
use desk_tests::{TempDb, desk, repo_root};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

mod files;
mod import;
mod papers;
mod welcome;

/// A fresh store with the 3rd INELI-ASEAN session (27–30 Nov 2017, Hà Nội) hosted for
/// CONSAL; returns the store, the delegation id and CONSAL's id.
fn hosting_store() -> (Store, String, String) {
    let mut store = Store::open_in_memory().unwrap();
    let consal = store
        .create_organisation(&OrganisationInput {
            name: "Congress of Southeast Asian Librarians".into(),
            short_name: "CONSAL".into(),
            kind: "association".into(),
            ..Default::default()
        })
        .unwrap();
    let mut input = DelegationInput::new(
        Direction::Incoming,
        "Phiên họp INELI-ASEAN lần 3",
        "VN",
        "2017-11-27",
        "2017-11-30",
    );
    input.event = "3rd INELI-ASEAN session".into();
    input.cities = "Hà Nội".into();
    input.organisation_id = Some(consal.id.clone());
    let delegation = store.create_delegation(&input).unwrap();
    (store, delegation.id, consal.id)
}

fn date(y: u16, m: u8, d: u8) -> ExcelDateTime {
    ExcelDateTime::from_ymd(y, m, d).unwrap()
}

/// Writes `cells` as text along sheet row `row` (0-based) from column A, leaving the empty
/// ones blank as a person typing the list would.
fn write_texts(sheet: &mut Worksheet, row: u32, cells: &[&str]) {
    for (c, value) in cells.iter().enumerate() {
        if !value.is_empty() {
            sheet.write_string(row, c as u16, *value).unwrap();
        }
    }
}

/// A partner's English list: a title on rows 1–2, headers on row 3, a total line at the end.
/// Row 5 has an expired passport, row 6 no name, row 7 a 31 February, row 8 repeats row 4's
/// passport; row 9 has a serial date, row 10 text that looks like formulas.
fn english_list() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Participants").unwrap();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    sheet.write_string(0, 0, "LIST OF PARTICIPANTS").unwrap();
    sheet
        .write_string(1, 0, "3rd INELI-ASEAN session, Hanoi, 27-30 November 2017")
        .unwrap();
    let headers = [
        "No.",
        "Full name",
        "Sex",
        "Date of birth",
        "Nationality",
        "Passport No.",
        "Date of expiry",
        "Organization",
        "Position",
        "Email",
        "Arrival flight",
        "Arrival date",
        "Arrival time",
        "Dietary",
        "Room preference",
    ];
    write_texts(sheet, 2, &headers);
    // Each row lists its cells up to its last filled one; the rest stay blank.
    let first = [
        "1",
        "Kanokwan Thongdee",
        "F",
        "",
        "Thailand",
        "TH1611232",
        "28/01/2021",
        "National Library of Thailand",
        "Librarian",
        "kanokwan@example.org",
        "TG 560",
        "26/11/2017",
        "15:55",
        "Vegetarian",
        "Non-smoking",
    ];
    // Row 8 is row 4's guest again, passport and all, without contact or travel details.
    let again = [&["5"][..], &first[1..9]].concat();
    let text_rows: [&[&str]; 7] = [
        &first,
        &[
            "2",
            "Somchai Wongsakul",
            "M",
            "12 Mar 1975",
            "Thai",
            "TH2233445",
            "2016-05-01",
            "National Library of Thailand",
            "Director",
            "",
            "TG 560",
            "26/11/2017",
            "15:55",
        ],
        &[
            "3",
            "",
            "F",
            "01/01/1980",
            "Thailand",
            "TH9999999",
            "01/01/2025",
            "National Library of Thailand",
        ],
        &[
            "4",
            "Nattaya Srisuk",
            "F",
            "31/02/1980",
            "Thailand",
            "TH5556667",
            "01/01/2025",
            "National Library of Thailand",
        ],
        &again,
        &[
            "6",
            "Phouvong Souvannavong",
            "M",
            "",
            "Lao PDR",
            "LA1165122",
            "19/03/2019",
            "National Library of Laos",
            "Librarian",
            "",
            "QV 311",
            "26/11/2017",
            "11:40",
        ],
        &[
            "7",
            "Ei Ei Phyo",
            "F",
            "05/05/1990",
            "Myanmar",
            "MM7654321",
            "01/01/2022",
            "National Library of Myanmar",
            "@SUM(A1)",
            "",
            "",
            "",
            "",
            "=1+1",
        ],
    ];
    for (r, row) in text_rows.iter().enumerate() {
        write_texts(sheet, r as u32 + 3, row);
    }
    // A real date cell (row 4) and a bare serial number (row 9) for the dates of birth.
    sheet
        .write_datetime_with_format(3, 3, date(1972, 2, 27), &date_format)
        .unwrap();
    sheet.write_number(8, 3, 29421.0).unwrap();
    sheet
        .write_datetime_with_format(7, 3, date(1972, 2, 27), &date_format)
        .unwrap();
    sheet.write_string(11, 0, "Total: 7 participants").unwrap();
    workbook.save_to_buffer().unwrap()
}

/// Family, given, passport name, birth serial, nationality, passport, expiry serial,
/// organisation, title, gender.
type VietnameseRow<'a> = (
    &'a str,
    &'a str,
    &'a str,
    f64,
    &'a str,
    &'a str,
    f64,
    &'a str,
    &'a str,
    &'a str,
);

/// A Vietnamese office's list: Vietnamese headers on row 1, family and given names apart,
/// dates as serial numbers, a Lao name in Lao script with its passport form.
fn vietnamese_list() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Danh sách").unwrap();
    let headers = [
        "STT",
        "Họ",
        "Tên",
        "Tên trong hộ chiếu",
        "Ngày sinh",
        "Quốc tịch",
        "Số hộ chiếu",
        "Ngày hết hạn",
        "Cơ quan",
        "Chức vụ",
        "Giới tính",
        "Điện thoại",
    ];
    write_texts(sheet, 0, &headers);
    let rows: [VietnameseRow<'_>; 3] = [
        (
            "Trần",
            "Mỹ Dung",
            "",
            29421.0,
            "Việt Nam",
            "C1234000",
            47000.0,
            "Thư viện Quốc gia Việt Nam",
            "Trưởng phòng",
            "Nữ",
        ),
        (
            "Đặng",
            "Thị Hồng Điệp",
            "",
            30000.0,
            "Việt Nam",
            "C1234001",
            47000.0,
            "Thư viện tỉnh Quảng Ninh",
            "Phó Giám đốc",
            "Nữ",
        ),
        (
            "ແກ້ວມະນີ",
            "ສົມພອນ",
            "SOMPHONE KEOMANY",
            28000.0,
            "Lào",
            "LA7777777",
            47000.0,
            "National Library of Laos",
            "Director",
            "Nam",
        ),
    ];
    for (r, (family, given, passport_name, born, nat, passport, expires, org, title, gender)) in
        rows.iter().enumerate()
    {
        let r = r as u32 + 1;
        sheet.write_number(r, 0, f64::from(r)).unwrap();
        sheet.write_string(r, 1, *family).unwrap();
        sheet.write_string(r, 2, *given).unwrap();
        if !passport_name.is_empty() {
            sheet.write_string(r, 3, *passport_name).unwrap();
        }
        sheet.write_number(r, 4, *born).unwrap();
        sheet.write_string(r, 5, *nat).unwrap();
        sheet.write_string(r, 6, *passport).unwrap();
        sheet.write_number(r, 7, *expires).unwrap();
        sheet.write_string(r, 8, *org).unwrap();
        sheet.write_string(r, 9, *title).unwrap();
        sheet.write_string(r, 10, *gender).unwrap();
        sheet
            .write_number(r, 11, 84912000000.0 + f64::from(r))
            .unwrap();
    }
    workbook.save_to_buffer().unwrap()
}

fn read(name: &str, bytes: &[u8]) -> GuestSheet {
    read_guests(name, bytes, &ReadOptions::default()).unwrap()
}

/// (row, column, kind) of every problem.
fn findings(sheet: &GuestSheet) -> Vec<(u32, String, ProblemKind)> {
    sheet
        .problems()
        .iter()
        .map(|p| (p.row, p.column.clone(), p.kind))
        .collect()
}

fn pdftotext(pdf: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext is needed (apt-get install poppler-utils): {e}"));
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn demo_db() -> (TempDb, String, String) {
    desk_tests::demo_delegation("incoming")
}

fn read_back(xlsx: &[u8]) -> Vec<Vec<Data>> {
    let mut workbook = Xlsx::new(Cursor::new(xlsx)).unwrap();
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}
