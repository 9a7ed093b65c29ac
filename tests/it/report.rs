//! The mission report as staff print it: the demo's report in both languages, read back from
//! the PDF, and what is refused before a bad PDF can be written.

use desk_domain::{AttachmentInput, ErrorKind, Language, Rule};
use desk_store::Store;
use desk_tests::{TempDb, pdf_text, poppler};

const SINGAPORE: &str = "018fd2d0-0819-7186-9072-600a56b24d19";

fn demo() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    store
}

#[test]
fn the_demo_report_prints_in_vietnamese_with_real_text_and_embedded_fonts() {
    let mut store = demo();
    let dir = TempDb::new().unwrap();
    let pdf = dir.dir.path().join("bao-cao.pdf");
    let (version, _) =
        desk_ops::export_mission_report(&mut store, SINGAPORE, Language::Vi, &pdf).unwrap();
    let text = pdf_text(&pdf);
    for expected in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "THƯ VIỆN QUỐC GIA VIỆT NAM",
        "Số: 15/BC-TVQG",
        "Hà Nội, ngày 20 tháng 9 năm 2016",
        "BÁO CÁO",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. THÀNH PHẦN ĐOÀN",
        "Trần Mỹ Dung",
        "Thư viện tỉnh Khánh Hòa",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "Nguyễn Thị Hồng Nhung",
    ] {
        assert!(
            text.contains(expected),
            "the PDF text has {expected:?}:\n{text}"
        );
    }
    let info = poppler("pdfinfo", &pdf, &[]);
    assert!(
        info.contains("595.276 x 841.89 pts (A4)"),
        "A4 pages: {info}"
    );
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0);
    assert!(pages >= 2, "the demo report runs over pages: {pages}");
    let first_page = poppler("pdftotext", &pdf, &["-f", "1", "-l", "1"]);
    let second_page = poppler("pdftotext", &pdf, &["-f", "2", "-l", "2"]);
    assert!(
        !first_page.trim_start().starts_with('1'),
        "no number on page 1"
    );
    assert!(
        second_page.trim_start().starts_with('2'),
        "page 2 is numbered: {second_page:.80}"
    );
    let fonts = poppler("pdffonts", &pdf, &[]);
    assert!(fonts.contains("LiberationSerif"), "{fonts}");
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes yes ")),
        "every font embedded and subset: {fonts}"
    );
    assert_eq!(
        version.reason, "exported",
        "the printed state is kept as a version"
    );
}

#[test]
fn the_english_variant_has_the_same_content_under_an_english_header() {
    let mut store = demo();
    let dir = TempDb::new().unwrap();
    let pdf = dir.dir.path().join("report.pdf");
    desk_ops::export_mission_report(&mut store, SINGAPORE, Language::En, &pdf).unwrap();
    let text = pdf_text(&pdf);
    for expected in [
        "SOCIALIST REPUBLIC OF VIET NAM",
        "MISSION REPORT",
        "No.: 15/BC-TVQG",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    assert!(
        text.contains("TRAN MY DUNG"),
        "names in their passport form in English"
    );
    assert!(
        text.contains("Đoàn Việt Nam"),
        "what the user wrote is printed as written"
    );
}

/// Attaches `bytes` to the Singapore delegation and puts it in the report as its only photo.
fn with_photo(store: &mut Store, bytes: &[u8]) {
    let photo = store
        .add_attachment(
            &AttachmentInput {
                delegation_id: Some(SINGAPORE.into()),
                kind: "photo".into(),
                file_name: "anh.jpg".into(),
                caption: "Ảnh hỏng".into(),
                ..Default::default()
            },
            bytes,
        )
        .unwrap();
    let report = store.report(SINGAPORE).unwrap().unwrap();
    store.reopen_report(&report.id, "test").unwrap();
    let mut input = report.to_input();
    input.photos = vec![desk_domain::ReportPhoto {
        attachment_id: photo.id,
        caption: "Ảnh hỏng".into(),
    }];
    store.save_report(&report.id, &input).unwrap();
}

fn refused_export(store: &mut Store) -> (desk_domain::Error, bool) {
    let dir = TempDb::new().unwrap();
    let pdf = dir.dir.path().join("x.pdf");
    let error = desk_ops::export_mission_report(store, SINGAPORE, Language::Vi, &pdf).unwrap_err();
    (error, pdf.exists())
}

#[test]
fn a_photo_that_is_not_an_image_is_refused_naming_it_and_nothing_is_written() {
    let mut store = demo();
    with_photo(&mut store, b"\xFF\xD8\xFF this is not really a JPEG");
    let (error, written) = refused_export(&mut store);
    assert_eq!(error.kind, ErrorKind::Validation, "{error:?}");
    assert_eq!(error.violations[0].field, "photos");
    assert!(
        error.message.contains("Ảnh hỏng"),
        "the caption says which photo: {}",
        error.message
    );
    assert!(!written, "no PDF is left behind");
}

#[test]
fn a_thirty_thousand_pixel_image_is_refused_before_it_is_decoded() {
    let mut store = demo();
    // A PNG header claiming 30000 × 30000 pixels (the pixels themselves never come).
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    png.extend_from_slice(b"IHDR");
    png.extend_from_slice(&30000u32.to_be_bytes());
    png.extend_from_slice(&30000u32.to_be_bytes());
    png.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    with_photo(&mut store, &png);
    let (error, written) = refused_export(&mut store);
    assert_eq!(error.violations[0].rule, Rule::TooLarge, "{error:?}");
    assert!(error.message.contains("30000"), "{}", error.message);
    assert!(!written);
}

#[test]
fn an_empty_required_section_is_refused_on_its_field() {
    let mut store = demo();
    let report = store.report(SINGAPORE).unwrap().unwrap();
    store.reopen_report(&report.id, "rewrite").unwrap();
    let mut input = report.to_input();
    input.results = "  ".into();
    store.save_report(&report.id, &input).unwrap();
    let (error, written) = refused_export(&mut store);
    assert_eq!(error.violations[0].field, "results", "{error:?}");
    assert_eq!(error.violations[0].rule, Rule::Required);
    assert!(!written);
}

#[test]
fn the_preview_has_the_pages_of_the_pdf() {
    let store = demo();
    let data = store.mission_report_data(SINGAPORE).unwrap();
    let preview =
        desk_report::mission::preview_of(&data, desk_report::Language::Vi, desk_ops::now())
            .unwrap();
    let doc =
        desk_report::mission::document(&data, desk_report::Language::Vi, desk_ops::now()).unwrap();
    let layout = desk_report::layout(&doc).unwrap();
    assert_eq!(
        preview.pages.len(),
        layout.pages.len(),
        "the preview shows every page"
    );
    assert_eq!(preview.images.len(), 2, "with the two demo photos");
    assert!(
        preview
            .images
            .iter()
            .all(|i| i.starts_with("data:image/jpeg;base64,"))
    );
}
