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
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

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
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let text_rows: [[&str; 15]; 7] = [
        [
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
        ],
        [
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
            "",
            "",
        ],
        [
            "3",
            "",
            "F",
            "01/01/1980",
            "Thailand",
            "TH9999999",
            "01/01/2025",
            "National Library of Thailand",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "4",
            "Nattaya Srisuk",
            "F",
            "31/02/1980",
            "Thailand",
            "TH5556667",
            "01/01/2025",
            "National Library of Thailand",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "5",
            "Kanokwan Thongdee",
            "F",
            "",
            "Thailand",
            "TH1611232",
            "28/01/2021",
            "National Library of Thailand",
            "Librarian",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
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
            "",
            "",
        ],
        [
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
            "",
        ],
    ];
    for (r, row) in text_rows.iter().enumerate() {
        let r = r as u32 + 3;
        for (c, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(r, c as u16, *value).unwrap();
            }
        }
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
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
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
        sheet
            .notes
            .iter()
            .any(|n| n.contains("Room preference") && n.contains("not imported")),
        "an unknown column is named as not imported: {:?}",
        sheet.notes
    );
    assert!(
        sheet
            .notes
            .iter()
            .any(|n| n.contains("row 12") && n.contains("Total")),
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
    let ei = guests
        .iter()
        .find(|g| g.person.full_name == "Ei Ei Phyo")
        .unwrap();
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
    let tg = guests
        .iter()
        .find(|g| g.person.full_name == "Kanokwan Thongdee")
        .unwrap()
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
    let dung = guests
        .iter()
        .find(|g| g.person.passport_no == "C1234000")
        .unwrap();
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
    let diep = guests
        .iter()
        .find(|g| g.person.passport_no == "C1234001")
        .unwrap();
    assert_eq!(
        diep.person.passport_name, "DANG THI HONG DIEP",
        "Đ becomes D"
    );
    let lao = guests
        .iter()
        .find(|g| g.person.nationality == "LA")
        .unwrap();
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

/// A zip archive with one deflated part that declares `declared` bytes uncompressed.
fn zip_declaring(name: &str, declared: u32) -> Vec<u8> {
    let data = [0x03u8, 0x00]; // an empty deflate stream
    let mut out = Vec::new();
    let put16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let put32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    // Local file header.
    put32(&mut out, 0x0403_4b50);
    put16(&mut out, 20);
    put16(&mut out, 0);
    put16(&mut out, 8);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put32(&mut out, 0);
    put32(&mut out, data.len() as u32);
    put32(&mut out, declared);
    put16(&mut out, name.len() as u16);
    put16(&mut out, 0);
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(&data);
    let directory_at = out.len() as u32;
    // Central directory header.
    put32(&mut out, 0x0201_4b50);
    put16(&mut out, 20);
    put16(&mut out, 20);
    put16(&mut out, 0);
    put16(&mut out, 8);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put32(&mut out, 0);
    put32(&mut out, data.len() as u32);
    put32(&mut out, declared);
    put16(&mut out, name.len() as u16);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put32(&mut out, 0);
    put32(&mut out, 0);
    out.extend_from_slice(name.as_bytes());
    let directory_len = out.len() as u32 - directory_at;
    // End of central directory.
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, 1);
    put16(&mut out, 1);
    put32(&mut out, directory_len);
    put32(&mut out, directory_at);
    put16(&mut out, 0);
    out
}

/// `workbook` with one part's text changed by `edit`.
fn rewrite(workbook: &[u8], part: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(workbook)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut content = String::new();
        file.read_to_string(&mut content).unwrap();
        let content = if name == part {
            edit(&content)
        } else {
            content
        };
        out.start_file(name, options).unwrap();
        out.write_all(content.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn refusal(name: &str, bytes: &[u8]) -> String {
    match read_guests(name, bytes, &ReadOptions::default()) {
        Ok(_) => panic!("{name} must be refused"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn hostile_files_are_refused_before_they_are_read() {
    let started = std::time::Instant::now();

    let bomb = zip_declaring("xl/worksheets/sheet1.xml", 0xFFFF_0000);
    let message = refusal("bomb.xlsx", &bomb);
    assert!(
        message.contains("xl/worksheets/sheet1.xml") && message.contains("zip bomb"),
        "a part declaring 4 GB is refused by name: {message}"
    );

    let small = english_list();
    let whole_sheet = rewrite(&small, "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.find("<dimension ref=\"").unwrap() + "<dimension ref=\"".len();
        let end = start + xml[start..].find('"').unwrap();
        format!("{}A1:XFD1048576{}", &xml[..start], &xml[end..])
    });
    let message = refusal("whole.xlsx", &whole_sheet);
    assert!(
        message.contains("A1:XFD1048576") && message.contains("16384 columns"),
        "a sheet claiming every cell is refused: {message}"
    );

    // No dimension at all, and one cell far to the right: stopped while streaming.
    let far = rewrite(&small, "xl/worksheets/sheet1.xml", |xml| {
        let start = xml.find("<dimension").unwrap();
        let end = start + xml[start..].find("/>").unwrap() + 2;
        let without = format!("{}{}", &xml[..start], &xml[end..]);
        without.replace(
            "</sheetData>",
            "<row r=\"20\"><c r=\"XFD20\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>",
        )
    });
    let message = refusal("far.xlsx", &far);
    assert!(
        message.contains("XFD20"),
        "the far cell is named: {message}"
    );

    let strings = rewrite(&small, "xl/sharedStrings.xml", |xml| {
        let start = xml.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
        let end = start + xml[start..].find('"').unwrap();
        format!("{}999999999999{}", &xml[..start], &xml[end..])
    });
    let message = refusal("strings.xlsx", &strings);
    assert!(message.contains("shared strings"), "{message}");

    let big = vec![b'a'; 11 * 1024 * 1024];
    let message = refusal("big.csv", &big);
    assert!(
        message.contains("MB"),
        "an oversized file is refused by size: {message}"
    );

    let not_a_sheet =
        std::fs::read(repo_root().join("tests/fixtures/guests/not-a-sheet.xlsx")).unwrap();
    assert!(refusal("not-a-sheet.xlsx", &not_a_sheet).contains("not an XLSX workbook"));
    let old_excel = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];
    assert!(refusal("old.xls", &old_excel).contains(".xls"));

    let limits = Limits::default();
    assert!(limits.max_columns < 16_384 && limits.max_file_bytes <= 10 * 1024 * 1024);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "refusing hostile files takes no time: {:?}",
        started.elapsed()
    );
}

fn read_back(xlsx: &[u8]) -> Vec<Vec<Data>> {
    let mut workbook = Xlsx::new(Cursor::new(xlsx)).unwrap();
    let name = workbook.sheet_names()[0].clone();
    let range = workbook.worksheet_range(&name).unwrap();
    range.rows().map(|r| r.to_vec()).collect()
}

#[test]
fn exports_never_write_a_formula_and_read_back_as_a_guest_list() {
    let (mut store, delegation, _) = hosting_store();
    store
        .import_guests(&delegation, &read("p.xlsx", &english_list()), true)
        .unwrap();
    let guests = store.guests(&delegation).unwrap();
    let table = desk_exchange::lists::guest_table("3rd INELI-ASEAN session", &guests);
    let xlsx = desk_exchange::out::write_xlsx(std::slice::from_ref(&table)).unwrap();
    let rows = read_back(&xlsx);
    let ei = rows
        .iter()
        .find(|r| r.iter().any(|c| c == &Data::String("Ei Ei Phyo".into())))
        .unwrap();
    assert!(
        ei.contains(&Data::String("=1+1".into())),
        "the formula-looking dietary text is a string cell: {ei:?}"
    );
    assert!(ei.contains(&Data::String("@SUM(A1)".into())));
    let mut archive = zip::ZipArchive::new(Cursor::new(&xlsx)).unwrap();
    let mut sheet = String::new();
    archive
        .by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut sheet)
        .unwrap();
    assert!(
        !sheet.contains("<f>"),
        "no cell of the workbook holds a formula"
    );

    let csv = String::from_utf8(desk_exchange::out::write_csv(&table).unwrap()).unwrap();
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with a BOM, for Excel");
    assert!(
        csv.contains(",'=1+1,") && csv.contains("'@SUM(A1)"),
        "would-be formulas are prefixed: {csv}"
    );

    // The export is a guest list again: re-importing it finds the same people.
    let back = read("guests.xlsx", &xlsx);
    assert_eq!(back.rows.len(), 3);
    let checked = store.preview_guests(&delegation, &back).unwrap();
    assert!(
        checked.rows.iter().all(|r| r
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::AlreadyMember)),
        "each exported guest is recognised: {:#?}",
        checked.problems()
    );
    let from_csv = read("guests.csv", csv.as_bytes());
    let ei = from_csv
        .rows
        .iter()
        .find(|r| r.guest.person.full_name == "Ei Ei Phyo")
        .unwrap();
    assert_eq!(
        ei.guest.person.dietary, "=1+1",
        "the apostrophe our CSV adds is dropped on the way back"
    );
}

fn no_tick_exported(store: &Store) -> bool {
    let export = store.export("").unwrap();
    export
        .hosting
        .iter()
        .all(|k| !k.key.starts_with("checkin:"))
}

#[test]
fn check_in_ticks_arrivals_and_travels_with_the_export() {
    let (mut store, delegation, _) = hosting_store();
    store
        .import_guests(&delegation, &read("p.xlsx", &english_list()), true)
        .unwrap();
    let guests = store.guests(&delegation).unwrap();
    let first = &guests[0].person.id;
    let tick = store.check_in(&delegation, first).unwrap();
    assert!(tick.at.is_some());
    let again = store.check_in(&delegation, first).unwrap();
    assert_eq!(
        again.at, tick.at,
        "ticking twice keeps the first arrival time"
    );
    let missing: Vec<String> = store
        .check_ins(&delegation)
        .unwrap()
        .into_iter()
        .filter(|c| c.at.is_none())
        .map(|c| c.person_id)
        .collect();
    assert_eq!(missing.len(), 2, "two guests have not arrived");
    assert!(!missing.contains(first));

    let export = store.export("").unwrap();
    assert!(
        export.hosting.iter().any(|k| k.key.starts_with("checkin:")),
        "the tick is in the export"
    );
    let mut copy = Store::open_in_memory().unwrap();
    copy.import(&export, desk_store::SettingsMode::Replace)
        .unwrap();
    assert_eq!(
        copy.check_ins(&delegation)
            .unwrap()
            .iter()
            .filter(|c| c.at.is_some())
            .count(),
        1
    );
    let round = copy.export("").unwrap();
    assert!(
        serde_json::to_string(&round).unwrap() == serde_json::to_string(&export).unwrap(),
        "export, import, export is identical"
    );

    store.undo_check_in(&delegation, first).unwrap();
    assert!(
        store
            .check_ins(&delegation)
            .unwrap()
            .iter()
            .all(|c| c.at.is_none())
    );
    let member = store.member_of(&delegation, first).unwrap();
    store.check_in(&delegation, first).unwrap();
    store.remove_member(&member.id).unwrap();
    assert!(
        no_tick_exported(&store),
        "a removed member's tick goes with them"
    );

    let second = &guests[1].person.id;
    store.check_in(&delegation, second).unwrap();
    store.trash_delegation(&delegation).unwrap();
    store.purge_delegation(&delegation).unwrap();
    assert!(
        no_tick_exported(&store),
        "a delegation deleted for good takes its guests' ticks with it"
    );
}

#[test]
fn a_checklist_counts_back_from_the_first_day_and_is_not_applied_twice() {
    let (mut store, delegation, _) = hosting_store();
    let staff = store
        .create_person(&desk_domain::PersonInput {
            full_name: "Trần Mỹ Dung".into(),
            ..Default::default()
        })
        .unwrap();
    let template = desk_store::default_checklist().unwrap();
    let applied = store
        .apply_checklist(&delegation, &template, Some(&staff.id), Language::Vi)
        .unwrap();
    assert_eq!(applied.created.len(), template.items.len());
    let due = |title: &str| {
        applied
            .created
            .iter()
            .find(|t| t.title == title)
            .and_then(|t| t.due_on)
            .map(|d| d.to_string())
    };
    assert_eq!(
        due("Gửi thư mời đại biểu các nước").as_deref(),
        Some("2017-09-28"),
        "60 days before 27 Nov"
    );
    assert_eq!(
        due("Gửi thư hỗ trợ xin thị thực").as_deref(),
        Some("2017-10-13"),
        "45 days before"
    );
    assert_eq!(
        due("Xác nhận đặt phòng khách sạn").as_deref(),
        Some("2017-10-28"),
        "30 days before"
    );
    assert_eq!(
        due("Chốt danh sách đón tiễn sân bay").as_deref(),
        Some("2017-11-24"),
        "3 days before"
    );
    assert!(
        applied
            .created
            .iter()
            .all(|t| t.assignee_id.as_deref() == Some(staff.id.as_str()))
    );
    let english = store
        .apply_checklist(&delegation, &template, None, Language::En)
        .unwrap();
    assert!(
        english.created.is_empty(),
        "the same duties in English are the same tasks"
    );
    assert_eq!(english.skipped.len(), template.items.len());
    let nobody =
        store.apply_checklist(&delegation, &template, Some("no-such-person"), Language::Vi);
    assert!(nobody.is_err(), "an unknown assignee is refused");
}

#[test]
fn transfers_are_made_once_per_flight_and_listed_by_day() {
    let (mut store, delegation, _) = hosting_store();
    store
        .import_guests(&delegation, &read("p.xlsx", &english_list()), true)
        .unwrap();
    let made = store.generate_transfers(&delegation).unwrap();
    assert_eq!(made.len(), 2, "TG 560 and QV 311");
    assert!(
        store.generate_transfers(&delegation).unwrap().is_empty(),
        "a flight with a transfer gets no second one"
    );
    let board = store.transfer_board(&delegation).unwrap();
    assert_eq!(board.days.len(), 1);
    let times: Vec<String> = board.days[0]
        .transfers
        .iter()
        .map(|t| t.transfer.at_local.format("%H:%M").to_string())
        .collect();
    assert_eq!(
        times,
        vec!["11:40", "15:55"],
        "pickups in time order at the arrival times"
    );
    assert_eq!(
        board.without_arrival_transfer.len(),
        1,
        "Ei Ei Phyo gave no flight"
    );
    assert_eq!(board.without_arrival_transfer[0].full_name, "Ei Ei Phyo");
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

#[test]
fn the_demo_hanoi_session_prints_its_programme_badges_and_transfer_list() {
    let (db, path, hanoi) = demo_db();
    let out = |name: &str| db.dir.path().join(name).to_str().unwrap().to_owned();

    let programme = out("programme.pdf");
    let run = desk(&[
        "--db",
        &path,
        "programme",
        "--delegation",
        &hanoi,
        "--out",
        &programme,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(Path::new(&programme));
    for expected in [
        "CHƯƠNG TRÌNH",
        "PROGRAMME",
        "Thứ Hai, 27/11/2017 · Monday, 27 November 2017",
        "Khai mạc Phiên họp lần thứ 3 Dự án INELI-ASEAN",
        "Lễ · Ceremony",
        "Hội trường tầng 3",
    ] {
        assert!(
            text.contains(expected),
            "the programme shows \"{expected}\": {text}"
        );
    }

    let badges = out("badges.pdf");
    let run = desk(&[
        "--db",
        &path,
        "badges",
        "--delegation",
        &hanoi,
        "--out",
        &badges,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(Path::new(&badges));
    for expected in [
        "Kanokwan THONGDEE",
        "THAILAND · THÁI LAN",
        "Phouvong SOUVANNAVONG",
        "ĐẠI BIỂU · DELEGATE",
        "3rd INELI-ASEAN session",
    ] {
        assert!(text.contains(expected), "the badges show \"{expected}\"");
    }

    let tents = out("tents.pdf");
    let run = desk(&[
        "--db",
        &path,
        "badges",
        "--delegation",
        &hanoi,
        "--out",
        &tents,
        "--tent",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(Path::new(&tents));
    assert!(
        text.matches("Kanokwan THONGDEE").count() >= 1,
        "the card carries the name"
    );

    let transfers = out("transfers.pdf");
    let run = desk(&[
        "--db",
        &path,
        "transfers",
        "--delegation",
        &hanoi,
        "--out",
        &transfers,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = pdftotext(Path::new(&transfers));
    for expected in [
        "DANH SÁCH ĐÓN TIỄN SÂN BAY",
        "TG 560",
        "Kanokwan Thongdee",
        "Nội Bài (HAN) T2",
        "Chủ Nhật, 26/11/2017",
    ] {
        assert!(
            text.contains(expected),
            "the transfer list shows \"{expected}\": {text}"
        );
    }

    let rooming = out("rooming.xlsx");
    let run = desk(&[
        "--db",
        &path,
        "rooming",
        "--delegation",
        &hanoi,
        "--out",
        &rooming,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = read_back(&std::fs::read(&rooming).unwrap());
    assert!(
        rows.iter()
            .any(|r| r.contains(&Data::String("Twin 501".into()))),
        "the rooming list names the rooms"
    );
}

#[test]
fn letters_print_passport_details_and_fall_back_to_the_passport_form_for_lao_script() {
    let (db, path, hanoi) = demo_db();
    // A guest whose name is in Lao script.
    let mut store = db.open();
    let lao = store
        .create_person(&desk_domain::PersonInput {
            full_name: "ສົມພອນ ແກ້ວມະນີ".into(),
            passport_name: "SOMPHONE KEOMANY".into(),
            name_order: "given_first".into(),
            nationality: "LA".into(),
            gender: "male".into(),
            passport_no: "LA7777777".into(),
            passport_expires_on: "2027-01-01".into(),
            born_on: "1976-08-30".into(),
            ..Default::default()
        })
        .unwrap();
    store
        .add_member(
            &hanoi,
            &desk_domain::MemberInput {
                person_id: lao.id.clone(),
                role: "guest".into(),
                ..Default::default()
            },
        )
        .unwrap();
    drop(store);

    let letters = db.dir.path().join("visa.pdf");
    let run = desk(&[
        "--db",
        &path,
        "letters",
        "--delegation",
        &hanoi,
        "--kind",
        "visa",
        "--guest",
        &lao.id,
        "--lang",
        "both",
        "--date",
        "2017-10-10",
        "--out",
        letters.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("SOMPHONE KEOMANY") && run.stderr.contains("passport form"),
        "the fallback is said, not silent: {}",
        run.stderr
    );
    let text = pdftotext(&letters);
    for expected in [
        "VISA SUPPORT LETTER",
        "The Embassy of the Socialist Republic of Viet Nam in Lao PDR",
        "LA7777777",
        "30 August 1976",
        "Mr SOMPHONE KEOMANY",
        // A công văn: no type heading, its summary under the number.
        "V/v cấp thị thực nhập cảnh",
        "Cục Quản lý xuất nhập cảnh",
        "Ông SOMPHONE KEOMANY",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Hà Nội, ngày 10 tháng 10 năm 2017",
    ] {
        assert!(
            text.contains(expected),
            "the letters show \"{expected}\": {text}"
        );
    }

    let all = db.dir.path().join("visa-all.pdf");
    let run = desk(&[
        "--db",
        &path,
        "letters",
        "--delegation",
        &hanoi,
        "--kind",
        "visa",
        "--out",
        all.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("6 guest(s) of VN need no visa"),
        "{}",
        run.stderr
    );
    let text = pdftotext(&all);
    assert!(
        text.contains("Kanokwan THONGDEE"),
        "a Thai guest gets a visa letter"
    );
    assert!(
        !text.contains("Lương Đức Anh"),
        "a Vietnamese guest gets none"
    );

    let badges = db.dir.path().join("lao-badges.pdf");
    let run = desk(&[
        "--db",
        &path,
        "badges",
        "--delegation",
        &hanoi,
        "--out",
        badges.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0);
    assert!(
        pdftotext(&badges).contains("SOMPHONE KEOMANY"),
        "the badge prints the passport form rather than blanks"
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
    let file = db.dir.path().join("participants.xlsx");
    std::fs::write(&file, english_list()).unwrap();
    let file = file.to_str().unwrap();

    let dry = desk(&[
        "--db",
        &path,
        "guests",
        "import",
        "--delegation",
        &delegation,
        file,
        "--dry-run",
    ]);
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
    let json = desk(&[
        "--db",
        &path,
        "--json",
        "guests",
        "import",
        "--delegation",
        &delegation,
        file,
        "--dry-run",
    ]);
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(parsed["problems"], 4);
    assert_eq!(parsed["sheet"]["rows"][3]["problems"][0]["column"], "D");

    let refused = desk(&[
        "--db",
        &path,
        "guests",
        "import",
        "--delegation",
        &delegation,
        file,
    ]);
    assert_eq!(refused.code, 1, "problems refuse the import");
    assert!(
        refused.stderr.contains("nothing was imported"),
        "{}",
        refused.stderr
    );
    let listed = desk(&[
        "--db",
        &path,
        "--json",
        "guests",
        "list",
        "--delegation",
        &delegation,
    ]);
    assert_eq!(
        listed.stdout.trim(),
        "[]",
        "nothing was written by the dry run or the refusal"
    );

    let ok = desk(&[
        "--db",
        &path,
        "guests",
        "import",
        "--delegation",
        &delegation,
        file,
        "--skip-invalid",
    ]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(ok.stdout.contains("Imported 3 guests"), "{}", ok.stdout);

    let export = db.dir.path().join("guests.xlsx");
    let run = desk(&[
        "--db",
        &path,
        "guests",
        "export",
        "--delegation",
        &delegation,
        "--out",
        export.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows = read_back(&std::fs::read(&export).unwrap());
    assert!(
        rows.iter()
            .any(|r| r.contains(&Data::String("Phouvong Souvannavong".into())))
    );

    let someone = desk(&[
        "--db",
        &path,
        "--json",
        "guests",
        "list",
        "--delegation",
        &delegation,
    ]);
    let parsed: serde_json::Value = serde_json::from_str(&someone.stdout).unwrap();
    let person = parsed[0]["person"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        desk(&[
            "--db",
            &path,
            "checkin",
            "--delegation",
            &delegation,
            "--person",
            &person
        ])
        .code,
        0
    );
    let missing = desk(&[
        "--db",
        &path,
        "checkin",
        "--delegation",
        &delegation,
        "--missing",
    ]);
    assert!(
        missing.stdout.contains("1 of 3 guests arrived"),
        "{}",
        missing.stdout
    );
    assert!(
        !missing.stdout.contains(&person),
        "an arrived guest is not listed as missing"
    );

    let checklist = desk(&[
        "--db",
        &path,
        "checklist",
        "apply",
        "--delegation",
        &delegation,
    ]);
    assert_eq!(checklist.code, 0, "{}", checklist.stderr);
    assert!(
        checklist.stdout.contains("2017-09-28"),
        "{}",
        checklist.stdout
    );
    let twice = desk(&[
        "--db",
        &path,
        "checklist",
        "apply",
        "--delegation",
        &delegation,
    ]);
    assert!(twice.stdout.contains("Added 0 tasks"), "{}", twice.stdout);

    let big = db.dir.path().join("big.csv");
    std::fs::write(&big, vec![b'x'; 11 * 1024 * 1024]).unwrap();
    let refused = desk(&[
        "--db",
        &path,
        "guests",
        "import",
        "--delegation",
        &delegation,
        big.to_str().unwrap(),
    ]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("MB"),
        "an oversized file is refused by its size: {}",
        refused.stderr
    );
}

#[test]
fn moving_a_guest_between_rooms_leaves_them_in_exactly_one() {
    let (mut store, delegation, _) = hosting_store();
    store
        .import_guests(&delegation, &read("p.xlsx", &english_list()), true)
        .unwrap();
    let guests = store.guests(&delegation).unwrap();
    let (a, b) = (&guests[0].person.id, &guests[1].person.id);
    let room = |store: &mut Store, name: &str, guests: Vec<String>| {
        store
            .add(
                &delegation,
                &desk_domain::StayInput {
                    hotel: "Hotel Nikko Hanoi".into(),
                    room: name.into(),
                    check_in_on: "2017-11-26".into(),
                    check_out_on: "2017-11-30".into(),
                    guest_ids: guests,
                    ..Default::default()
                },
            )
            .unwrap()
    };
    let twin = room(&mut store, "Twin 501", vec![a.clone()]);
    let single = room(&mut store, "Single 502", vec![]);

    // Into a first room, beside the guest already there: they share.
    let changed = store
        .move_guest(&delegation, b, None, Some(&twin.id))
        .unwrap();
    assert_eq!(changed.len(), 1, "only the room joined changes");
    let list = store.rooming_list(&delegation).unwrap();
    let shares = list
        .nights
        .iter()
        .find(|n| &n.guest.person_id == b)
        .map(|n| n.shares_with.len());
    assert_eq!(shares, Some(1), "the second guest shares the twin");
    assert_eq!(
        list.nights
            .iter()
            .find(|n| &n.guest.person_id == b)
            .map(|n| n.nights),
        Some(4),
        "26 to 30 November is four nights"
    );

    // From the twin to the single: out of one, into the other, together.
    store
        .move_guest(&delegation, b, Some(&twin.id), Some(&single.id))
        .unwrap();
    let rooms_of_b: Vec<String> = store
        .guests(&delegation)
        .unwrap()
        .into_iter()
        .find(|g| &g.person.id == b)
        .map(|g| g.stays.into_iter().map(|s| s.room).collect())
        .unwrap_or_default();
    assert_eq!(rooms_of_b, vec!["Single 502".to_owned()]);

    // A move from a room the guest is not in changes nothing.
    let refused = store
        .move_guest(&delegation, b, Some(&twin.id), None)
        .unwrap_err();
    let refused: desk_domain::Error = refused.into();
    assert_eq!(refused.violations[0].field, "from_stay_id");
    assert_eq!(refused.violations[0].rule, Rule::UnknownRecord);
    let single_now: desk_domain::Stay = store.get(&single.id).unwrap();
    assert_eq!(
        single_now.guest_ids,
        vec![b.clone()],
        "the refused move left the guest where they were"
    );

    // Leaving every room puts the guest on the list of guests without one.
    store
        .move_guest(&delegation, b, Some(&single.id), None)
        .unwrap();
    let list = store.rooming_list(&delegation).unwrap();
    assert!(
        list.without_room.iter().any(|p| &p.person_id == b),
        "the guest who left their room has none"
    );
}

#[test]
fn the_hosts_own_staff_are_never_guests_of_a_delegation_we_receive() {
    let (mut store, delegation, _) = hosting_store();
    let secretary = store
        .create_person(&desk_domain::PersonInput {
            full_name: "Đặng Quốc Đạt".into(),
            nationality: "VN".into(),
            ..Default::default()
        })
        .unwrap();
    store
        .add_member(
            &delegation,
            &desk_domain::MemberInput {
                person_id: secretary.id.clone(),
                role: "secretary".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(
        store.guests(&delegation).unwrap().is_empty(),
        "before the guest list comes, the secretary is not shown as a guest"
    );
    assert!(
        store.check_ins(&delegation).unwrap().is_empty(),
        "nobody to tick at the welcome desk"
    );
    store
        .import_guests(&delegation, &read("p.xlsx", &english_list()), true)
        .unwrap();
    let guests = store.guests(&delegation).unwrap();
    assert!(!guests.is_empty());
    assert!(
        guests.iter().all(|g| g.person.id != secretary.id),
        "the secretary is still not a guest"
    );
}
