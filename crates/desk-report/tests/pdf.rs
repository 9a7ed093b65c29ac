//! The rendered file, read back with poppler's tools (Debian `poppler-utils`) as any viewer
//! or search tool would: the Vietnamese text comes back exactly, the fonts are embedded
//! subsets, the pages and photos are all there.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use desk_report::{Block, Language, ReportDocument, layout, render};

struct Pdf {
    _dir: tempfile::TempDir,
    path: PathBuf,
    bytes: Vec<u8>,
}

fn rendered(doc: &ReportDocument) -> Pdf {
    let bytes = match render(doc) {
        Ok(b) => b,
        Err(e) => panic!("the sample report must render, got: {e}"),
    };
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("temporary folder: {e}"),
    };
    let path = dir.path().join("report.pdf");
    if let Err(e) = std::fs::write(&path, &bytes) {
        panic!("writing {}: {e}", path.display());
    }
    Pdf {
        _dir: dir,
        path,
        bytes,
    }
}

/// Runs a poppler tool; a missing tool fails with what to install.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = Command::new(tool).args(args).arg(pdf).arg("-").output();
    let output = match output {
        Ok(o) => o,
        Err(e) => panic!("{tool} is needed for this test (apt-get install poppler-utils): {e}"),
    };
    assert!(
        output.status.success(),
        "{tool} failed on the rendered PDF: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Like [`poppler`] for tools that take no output argument.
fn poppler_info(tool: &str, args: &[&str], pdf: &Path) -> String {
    let output = match Command::new(tool).args(args).arg(pdf).output() {
        Ok(o) => o,
        Err(e) => panic!("{tool} is needed for this test (apt-get install poppler-utils): {e}"),
    };
    assert!(output.status.success(), "{tool} failed on the rendered PDF");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Text with every run of white space (line ends, justification gaps, no-break spaces)
/// made one space, as a reader searching the text would see it.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn vietnamese_text_comes_back_exactly_with_its_marks() {
    let doc = common::report(Language::Vi, 2, 8, 1);
    let pdf = rendered(&doc);
    let text = flat(&poppler("pdftotext", &["-enc", "UTF-8"], &pdf.path));
    for expected in [
        "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
        "THƯ VIỆN QUỐC GIA VIỆT NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/BC-TVQG",
        "Hà Nội, ngày 05 tháng 01 năm 2027",
        "BÁO CÁO",
        "Kết quả chuyến công tác tại Singapore",
        "Kính gửi: Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch",
        common::KEY_SENTENCE,
        "Đặng Thị Ngọc Ánh",
        "185.000.000 ₫",
        "Nơi nhận:",
        "- Lưu: VT, HTQT.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Thị Hồng Nhung",
    ] {
        assert!(
            text.contains(expected),
            "pdftotext must find \"{expected}\" in the report; it read:\n{text}"
        );
    }
}

#[test]
fn english_variant_reads_back_in_english() {
    let doc = common::report(Language::En, 1, 3, 0);
    let pdf = rendered(&doc);
    let text = flat(&poppler("pdftotext", &["-enc", "UTF-8"], &pdf.path));
    for expected in [
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
        "No.: 05/BC-TVQG",
        "Ha Noi, 05 January 2027",
        "MISSION REPORT",
        "To: The Minister of Culture, Sports and Tourism",
        "Recipients:",
        "P.P. DIRECTOR",
    ] {
        assert!(
            text.contains(expected),
            "\"{expected}\" is missing from:\n{text}"
        );
    }
}

#[test]
fn page_count_and_page_numbers_match_the_layout() {
    let doc = common::report(Language::Vi, 6, 30, 2);
    let pages = layout(&doc).map(|l| l.pages.len()).unwrap_or(0);
    assert!(pages >= 3, "the sample spans several pages");
    let pdf = rendered(&doc);
    let info = poppler_info("pdfinfo", &[], &pdf.path);
    let count = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse::<usize>().ok());
    assert_eq!(
        count,
        Some(pages),
        "the PDF has the pages of the layout:\n{info}"
    );
    assert!(info.contains("A4"), "the pages are A4:\n{info}");
    let first = poppler(
        "pdftotext",
        &["-f", "1", "-l", "1", "-enc", "UTF-8"],
        &pdf.path,
    );
    assert!(
        first.trim_start().starts_with("BỘ VĂN HÓA"),
        "page 1 starts with the agency, no page number"
    );
    for page in 2..=pages {
        let p = page.to_string();
        let text = poppler(
            "pdftotext",
            &["-f", &p, "-l", &p, "-enc", "UTF-8"],
            &pdf.path,
        );
        assert_eq!(
            text.split_whitespace().next(),
            Some(p.as_str()),
            "page {page} starts with its number at the top"
        );
    }
}

#[test]
fn fonts_are_embedded_as_subsets() {
    let pdf = rendered(&common::report(Language::Vi, 1, 3, 0));
    let fonts = poppler_info("pdffonts", &[], &pdf.path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert_eq!(
        rows.len(),
        4,
        "regular, bold, italic and bold italic:\n{fonts}"
    );
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(
            cols.first()
                .is_some_and(|n| n.contains('+') && n.contains("LiberationSerif")),
            "a subset of Liberation Serif (tagged name): {row}"
        );
        assert!(
            row.contains("yes yes yes"),
            "embedded, subset, with a Unicode map (copy-paste works): {row}"
        );
    }
    assert!(
        pdf.bytes.len() < 200_000,
        "subsetting keeps a short report small: {} bytes",
        pdf.bytes.len()
    );
}

#[test]
fn jpeg_photos_are_embedded_byte_for_byte_and_png_keeps_its_transparency() {
    let mut doc = common::report(Language::Vi, 1, 0, 1);
    doc.blocks.push(Block::Photo {
        bytes: common::PNG.to_vec(),
        caption: "Biểu trưng".into(),
    });
    let pdf = rendered(&doc);
    let jpeg = common::JPEG;
    let head = &jpeg[..64];
    let found = pdf
        .bytes
        .windows(head.len())
        .enumerate()
        .filter(|(_, w)| *w == head)
        .any(|(at, _)| pdf.bytes.get(at..at + jpeg.len()) == Some(jpeg));
    assert!(
        found,
        "the JPEG file is in the PDF unchanged (no re-encoding, no quality loss)"
    );

    let list = poppler_info("pdfimages", &["-list"], &pdf.path);
    let rows: Vec<Vec<&str>> = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .collect();
    let kinds: Vec<(&str, &str)> = rows
        .iter()
        .filter_map(|r| Some((*r.get(2)?, *r.get(8)?)))
        .collect();
    assert!(
        kinds.contains(&("image", "jpeg")),
        "the photo is a JPEG image:\n{list}"
    );
    assert!(
        kinds.contains(&("image", "image")) && kinds.contains(&("smask", "image")),
        "the PNG is stored losslessly with its alpha as a soft mask:\n{list}"
    );
}

#[test]
fn metadata_has_the_title_and_the_given_creation_date() {
    let pdf = rendered(&common::report(Language::Vi, 1, 0, 0));
    let info = poppler_info("pdfinfo", &["-isodates"], &pdf.path);
    assert!(
        info.contains(
            "Title:           BÁO CÁO 05/BC-TVQG – Kết quả chuyến công tác tại Singapore"
        ),
        "{info}"
    );
    // 09:30 in Hà Nội (UTC+7) is 02:30 UTC.
    assert!(
        info.contains("CreationDate:    2027-01-05T02:30:00"),
        "the creation date is the one given, not 1970:\n{info}"
    );
    assert!(
        info.contains("Author:          Thư viện Quốc gia Việt Nam"),
        "{info}"
    );
}
