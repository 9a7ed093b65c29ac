//! Hostile guest files are refused before they are read; the lists we write never hold a
//! formula and read back as a guest list.

use super::*;

fn put16(out: &mut Vec<u8>, x: u16) {
    out.extend_from_slice(&x.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, x: u32) {
    out.extend_from_slice(&x.to_le_bytes());
}

/// The fields a local file header and its central directory entry both carry, in the same
/// order: version needed, flags, method (deflate), time, date, CRC, the two sizes, the name's
/// length and the extra field's. Written once so the two records cannot disagree on the
/// declared size the test is about.
fn put_entry_fields(out: &mut Vec<u8>, stored: u32, declared: u32, name: &str) {
    put16(out, 20);
    put16(out, 0);
    put16(out, 8);
    put16(out, 0);
    put16(out, 0);
    put32(out, 0);
    put32(out, stored);
    put32(out, declared);
    put16(out, name.len() as u16);
    put16(out, 0);
}

/// A zip archive with one deflated part that declares `declared` bytes uncompressed.
fn zip_declaring(name: &str, declared: u32) -> Vec<u8> {
    let data = [0x03u8, 0x00]; // an empty deflate stream
    let mut out = Vec::new();
    // Local file header.
    put32(&mut out, 0x0403_4b50);
    put_entry_fields(&mut out, data.len() as u32, declared, name);
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(&data);
    let directory_at = out.len() as u32;
    // Central directory header: version made by, the shared fields, then comment length,
    // disk number, internal and external attributes, and the local header's offset.
    put32(&mut out, 0x0201_4b50);
    put16(&mut out, 20);
    put_entry_fields(&mut out, data.len() as u32, declared, name);
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
