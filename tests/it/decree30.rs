//! Every paper the office signs or sends, checked point by point against Decree 30/2020/NĐ-CP
//! (Annex I) in both languages: the mission report, the annual report, the invitation and
//! visa-support letters, the itinerary, the cost estimate and the settlement, built from the
//! demo's records as the window builds them.
//!
//! Each paper is checked twice: on the layout step's boxes (where table borders tell which
//! column a number stands in) and on the PDF's own word boxes read back with
//! `pdftotext -bbox-layout`, which is what a reader of the file gets.

use std::process::Command;

use chrono::{FixedOffset, NaiveDate, TimeZone};
use desk_domain::{Direction, EstimateRequest, Settings};
use desk_report::hosting::{LetterKind, letter, letter_recipients};
use desk_report::letter::layout_letters;
use desk_report::{
    AnnualOptions, Item, ItineraryDocument, Language, Layout, Metadata, OfficialHead, PT_PER_MM,
    Page, Rect, TextRun,
};
use desk_store::Store;

const SIGNER: &str = "Nguyễn Thị Hồng Nhung";
const SIGNER_EN: &str = "NGUYEN THI HONG NHUNG";

/// Words no English paper may print: the fixed labels of the Vietnamese papers. (What the
/// user wrote is printed as written: the demo's report sections are in Vietnamese.)
const VIETNAMESE_LABELS: &[&str] = &[
    "CỘNG HÒA",
    "Độc lập",
    "Số:",
    "Kính gửi",
    "Nơi nhận",
    "Như trên",
    "Lưu:",
    "KT.",
    "TL.",
    "GIÁM ĐỐC",
    "Phụ lục",
    "PHỤ LỤC",
    "Quy đổi",
    "Tổng cộng",
    "Họ và tên",
    "Chức vụ",
    "Khoản mục",
    "Kèm theo",
];

fn created() -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2026, 11, 20, 9, 0, 0).single())
        .unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A paper under test: its name for messages, its language, its layout and its PDF.
struct Paper {
    name: String,
    language: Language,
    layout: Layout,
    pdf: Vec<u8>,
    /// Signed by the office (the itinerary is not).
    signed: bool,
}

fn paper(name: &str, language: Language, layout: Layout, signed: bool) -> Paper {
    let pdf = desk_report::draw(
        &layout,
        &Metadata {
            title: name.to_owned(),
            author: "Thư viện Quốc gia Việt Nam".into(),
            created_at: created(),
        },
    )
    .unwrap();
    Paper {
        name: format!("{name} ({language:?})"),
        language,
        layout,
        pdf,
        signed,
    }
}

/// The demo with the office's signer set in the settings, and every paper in both languages.
fn papers() -> Vec<Paper> {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    desk_ops::rates::load_example(&mut store).unwrap();
    let settings = Settings {
        signatory_name: SIGNER.into(),
        ..store.settings().unwrap()
    };
    let settings = store.save_settings(&settings).unwrap();
    let delegations = store.list_delegations().unwrap();
    let singapore = delegations
        .iter()
        .find(|d| d.direction == Direction::Outgoing && d.country == "SG")
        .expect("the demo's Singapore delegation")
        .id
        .clone();
    let hosted = delegations
        .iter()
        .find(|d| d.direction == Direction::Incoming)
        .expect("the demo's hosted session")
        .id
        .clone();
    let hosted = store.delegation(&hosted).unwrap();
    let guests = store.guests(&hosted.id).unwrap();
    let data = store.mission_report_data(&singapore).unwrap();
    let stats = store
        .stats_as_of(day("2016-01-01"), day("2016-12-31"), day("2026-11-01"))
        .unwrap();
    let estimate = store
        .estimate(
            &singapore,
            &EstimateRequest {
                table_id: None,
                rate: "22300".into(),
                rate_date: "2016-08-22".into(),
                rate_source: "Vietcombank".into(),
            },
        )
        .unwrap();
    let settlement = store.settlement(&singapore).unwrap();
    let trip = store.delegation(&singapore).unwrap();
    let members = store.members(&singapore).unwrap();
    let itinerary = store.itinerary(&singapore).unwrap();

    let mut out = Vec::new();
    for language in [Language::Vi, Language::En] {
        let doc = desk_report::mission::document(&data, language, created()).unwrap();
        out.push(paper(
            "mission report",
            language,
            desk_report::layout(&doc).unwrap(),
            true,
        ));

        let options =
            AnnualOptions::from_settings(&settings, language, day("2017-01-15"), created());
        let (doc, annex) = desk_report::annual_report(&stats, &options);
        out.push(paper(
            "annual report",
            language,
            desk_report::layout_with_annex(&doc, Some(&annex)).unwrap(),
            true,
        ));

        for kind in [LetterKind::Invitation, LetterKind::VisaSupport] {
            let (to, _) = letter_recipients(&hosted, guests.clone(), kind).unwrap();
            let guest = to.first().expect("a guest to write to");
            let (doc, _) = letter(&settings, &hosted, guest, kind, language, day("2017-10-02"));
            out.push(paper(
                &format!("{kind:?} letter"),
                language,
                layout_letters(&[doc], 13.0).unwrap(),
                true,
            ));
        }

        let doc = ItineraryDocument::from_record(
            &itinerary,
            &members,
            None,
            &settings,
            language,
            day("2016-09-01"),
            created(),
        );
        out.push(paper(
            "itinerary",
            language,
            desk_report::layout_itinerary(&doc).unwrap(),
            false,
        ));

        let head =
            OfficialHead::from_settings(&settings, language, "DT", 0, day("2016-08-25"), created());
        let doc = desk_report::estimate_document(&estimate, &trip, members.len(), &head);
        out.push(paper(
            "estimate",
            language,
            desk_report::layout(&doc).unwrap(),
            true,
        ));
        let head =
            OfficialHead::from_settings(&settings, language, "QT", 0, day("2016-10-05"), created());
        let doc = desk_report::settlement_document(&settlement, &trip, members.len(), &head);
        out.push(paper(
            "settlement",
            language,
            desk_report::layout(&doc).unwrap(),
            true,
        ));
    }
    out
}

fn texts(page: &Page) -> Vec<&TextRun> {
    page.texts().collect()
}

fn right_edge(run: &TextRun) -> f32 {
    // A run's width includes the space after its last word when a line goes on in another
    // face; the ink ends before it.
    run.x + run.width
}

/// The vertical table borders of a page, as (x, top, bottom).
fn vertical_rules(page: &Page) -> Vec<(f32, f32, f32)> {
    page.items
        .iter()
        .filter_map(|item| match item {
            Item::Rule(r) if (r.x1 - r.x2).abs() < 0.01 && (r.y1 - r.y2).abs() > 1.0 => {
                Some((r.x1, r.y1.min(r.y2), r.y1.max(r.y2)))
            }
            _ => None,
        })
        .collect()
}

/// The table column (its left and right borders) a run stands in, if any.
fn column_of(rules: &[(f32, f32, f32)], run: &TextRun) -> Option<(i32, i32)> {
    let y = run.baseline;
    let here: Vec<f32> = rules
        .iter()
        .filter(|(_, top, bottom)| *top <= y && y <= *bottom)
        .map(|(x, _, _)| *x)
        .collect();
    let left = here
        .iter()
        .copied()
        .filter(|x| *x <= run.x)
        .fold(f32::NEG_INFINITY, f32::max);
    let right = here
        .iter()
        .copied()
        .filter(|x| *x >= right_edge(run) - 0.01)
        .fold(f32::INFINITY, f32::min);
    (left.is_finite() && right.is_finite())
        .then(|| ((left * 10.0).round() as i32, (right * 10.0).round() as i32))
}

/// An amount as the papers print one: digits in groups of three ("494.406.000",
/// "1,234.50"), possibly signed, possibly with a currency code after it.
fn is_amount(text: &str) -> bool {
    let text = text.trim();
    let number = text
        .rsplit_once(' ')
        .filter(|(_, code)| code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()))
        .map_or(text, |(n, _)| n)
        .trim_start_matches(['+', '-', '−']);
    !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && number.chars().next().is_some_and(|c| c.is_ascii_digit())
}

fn has_group_separator(text: &str) -> bool {
    let digits: Vec<char> = text.chars().collect();
    digits
        .windows(4)
        .any(|w| (w[0] == '.' || w[0] == ',') && w[1..].iter().all(|c| c.is_ascii_digit()))
}

#[test]
fn every_paper_keeps_decree_30_in_both_languages() {
    let papers = papers();
    assert_eq!(papers.len(), 14, "seven papers in two languages");
    // To look at them: DESK_PAPERS_OUT=/tmp/papers, then `pdftoppm -png -r 60` each file.
    if let Some(dir) = std::env::var_os("DESK_PAPERS_OUT") {
        for p in &papers {
            let name = p.name.replace([' ', '(', ')'], "_");
            std::fs::write(
                std::path::Path::new(&dir).join(format!("{name}.pdf")),
                &p.pdf,
            )
            .unwrap();
        }
    }
    for p in &papers {
        check_signer(p);
        check_header_gap(p);
        check_amounts_share_a_right_edge(p);
        check_no_table_break_leaves_one_row(p);
        check_amounts_and_ranges_unbroken(p);
        check_english_labels(p);
        check_pdf_word_boxes(p);
    }
}

/// The signed papers carry the title, the space for the signature and seal (about 29 mm
/// between the words) and the signer's name from the settings under it.
fn check_signer(p: &Paper) {
    let spaces: Vec<(usize, Rect)> = p
        .layout
        .pages
        .iter()
        .enumerate()
        .filter_map(|(n, page)| page.signature_space.map(|r| (n, r)))
        .collect();
    if !p.signed {
        assert!(spaces.is_empty(), "{}: nobody signs it", p.name);
        return;
    }
    assert_eq!(spaces.len(), 1, "{}: one signature block", p.name);
    let (n, space) = spaces[0];
    assert!(
        space.height >= 25.0 * PT_PER_MM,
        "{}: the signature space is {:.1} mm",
        p.name,
        space.height / PT_PER_MM
    );
    let name = if p.language == Language::En {
        SIGNER_EN
    } else {
        SIGNER
    };
    let page = &p.layout.pages[n];
    // The name stands right under the space (a table on the same page may list the signer
    // too, so the run is looked for where the name belongs).
    let run = texts(page)
        .into_iter()
        .find(|t| {
            t.text.trim() == name
                && t.baseline - t.ascent >= space.bottom() - 0.5
                && t.baseline - t.ascent <= space.bottom() + 20.0
                && space.x <= t.x
                && right_edge(t) <= space.right() + 0.5
        })
        .unwrap_or_else(|| {
            panic!(
                "{}: the signer's name {name} under the signature space",
                p.name
            )
        });
    assert!(run.face.is_bold(), "{}: the name is bold", p.name);
    let title = texts(page)
        .into_iter()
        .filter(|t| t.baseline < space.y + 0.5 && t.baseline > space.y - 40.0)
        .map(|t| t.text.trim().to_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let expected = if p.language == Language::En {
        "DEPUTY DIRECTOR"
    } else {
        "PHÓ GIÁM ĐỐC"
    };
    assert!(
        title.contains(expected),
        "{}: the signer's title {expected} above the space, found {title:?}",
        p.name
    );
}

/// The agency block and the national block keep at least 5 mm between them.
fn check_header_gap(p: &Paper) {
    let page = &p.layout.pages[0];
    let runs = texts(page);
    let national = if p.language == Language::En {
        "SOCIALIST"
    } else {
        "CỘNG HÒA"
    };
    let title = runs
        .iter()
        .find(|t| t.text.starts_with(national))
        .unwrap_or_else(|| panic!("{}: the national title", p.name));
    let motto = if p.language == Language::En {
        "Independence"
    } else {
        "Độc lập"
    };
    let motto = runs.iter().find(|t| t.text.starts_with(motto)).unwrap();
    let header_bottom = motto.baseline + motto.descent;
    let left: Vec<&&TextRun> = runs
        .iter()
        .filter(|t| t.baseline <= header_bottom + 0.01 && t.x < title.x - 0.01)
        .collect();
    assert!(!left.is_empty(), "{}: the agency block", p.name);
    let left_edge = left.iter().map(|t| right_edge(t)).fold(0.0, f32::max);
    let right_edge = title.x.min(motto.x);
    let gap = (right_edge - left_edge) / PT_PER_MM;
    assert!(
        gap >= 5.0 - 0.01,
        "{}: {gap:.1} mm between the header blocks",
        p.name
    );
}

/// Amounts in one table column end on one right edge (±0.5 pt), totals included.
fn check_amounts_share_a_right_edge(p: &Paper) {
    for (n, page) in p.layout.pages.iter().enumerate() {
        let rules = vertical_rules(page);
        let headers: Vec<(f32, f32)> = fragments(&p.layout, page)
            .iter()
            .map(|f| f.header_band)
            .collect();
        let mut columns: std::collections::BTreeMap<(i32, i32), Vec<(&str, f32)>> =
            Default::default();
        for run in texts(page) {
            let in_header = headers
                .iter()
                .any(|(top, bottom)| *top < run.baseline && run.baseline < *bottom);
            if in_header || !is_amount(&run.text) {
                continue;
            }
            if let Some(column) = column_of(&rules, run) {
                columns
                    .entry(column)
                    .or_default()
                    .push((run.text.trim(), right_edge(run)));
            }
        }
        for cells in columns.values() {
            if !cells.iter().any(|(t, _)| has_group_separator(t)) {
                continue; // running numbers (TT) are centred
            }
            let lo = cells.iter().map(|c| c.1).fold(f32::INFINITY, f32::min);
            let hi = cells.iter().map(|c| c.1).fold(f32::NEG_INFINITY, f32::max);
            assert!(
                hi - lo <= 0.5,
                "{} page {}: amounts end {:.2} pt apart: {cells:?}",
                p.name,
                n + 1,
                hi - lo
            );
        }
    }
}

/// An amount is never cut in two ("6.244.000 / ₫") and a date range never ends or starts a
/// line at its dash ("(2016-09-05 – / 2016-09-09)"): columns are made wide enough.
fn check_amounts_and_ranges_unbroken(p: &Paper) {
    for (n, page) in p.layout.pages.iter().enumerate() {
        for run in texts(page) {
            let text = run.text.trim();
            assert!(
                text != "₫" && !text.starts_with("– ") && !text.ends_with(" –") && text != "–",
                "{} page {}: a line of a cell reads \"{text}\": an amount or a date range was \
                 cut in two",
                p.name,
                n + 1
            );
        }
    }
}

/// One table's rows on one page.
struct Fragment {
    header: String,
    /// Top and bottom of the header row.
    header_band: (f32, f32),
    /// Data rows under the header.
    rows: usize,
    at_top: bool,
    at_bottom: bool,
}

/// A table's rows on a page: the horizontal borders across the text width, top to bottom,
/// grouped into runs of touching rows (one table fragment each). Returns, per fragment, its
/// header text, its number of data rows, and whether it starts at the top of the page and
/// ends as the page's last content.
fn fragments(layout: &Layout, page: &Page) -> Vec<Fragment> {
    let g = layout.geometry;
    let mut ys: Vec<f32> = page
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Rule(r)
                if (r.y1 - r.y2).abs() < 0.01 && (r.x2 - r.x1).abs() >= g.text_width() - 1.0 =>
            {
                Some(r.y1)
            }
            _ => None,
        })
        .collect();
    ys.sort_by(f32::total_cmp);
    ys.dedup_by(|a, b| (*a - *b).abs() < 0.01);
    let runs = texts(page);
    let content_bottom = page
        .items
        .iter()
        .filter(|i| !matches!(i, Item::Text(t) if t.role == desk_report::Role::PageNumber))
        .map(|i| i.bounds().bottom())
        .fold(0.0, f32::max);
    let mut out = Vec::new();
    let mut start = 0;
    let rules = vertical_rules(page);
    for i in 1..=ys.len() {
        // Rows touch when a vertical border runs from one rule to the next.
        let touching = i < ys.len()
            && rules
                .iter()
                .any(|(_, top, bottom)| *top <= ys[i - 1] + 1.0 && *bottom >= ys[i] - 1.0);
        if touching {
            continue;
        }
        let rows = &ys[start..i];
        if rows.len() >= 2 {
            let (top, second) = (rows[0], rows[1]);
            let header: String = runs
                .iter()
                .filter(|t| t.baseline > top && t.baseline < second)
                .map(|t| t.text.trim())
                .collect::<Vec<_>>()
                .join(" ");
            let at_top = top <= g.margin_top + 1.0;
            let at_bottom = rows[rows.len() - 1] >= content_bottom - 1.0;
            out.push(Fragment {
                header,
                header_band: (top, second),
                rows: rows.len() - 2,
                at_top,
                at_bottom,
            });
        }
        start = i;
    }
    out
}

/// No page break leaves a single row of a table: on either side of a break at least two
/// rows stand under the header.
fn check_no_table_break_leaves_one_row(p: &Paper) {
    let pages: Vec<Vec<Fragment>> = p
        .layout
        .pages
        .iter()
        .map(|page| fragments(&p.layout, page))
        .collect();
    for (n, frags) in pages.iter().enumerate() {
        for f in frags {
            let continues = f.at_bottom
                && pages
                    .get(n + 1)
                    .and_then(|next| next.first())
                    .is_some_and(|next| next.at_top && next.header == f.header);
            let continued = f.at_top
                && n > 0
                && pages[n - 1]
                    .last()
                    .is_some_and(|prev| prev.at_bottom && prev.header == f.header);
            if continues || continued {
                assert!(
                    f.rows >= 2,
                    "{} page {}: the table \"{}\" breaks leaving {} row(s)",
                    p.name,
                    n + 1,
                    f.header,
                    f.rows
                );
            }
        }
    }
}

/// The demo's travellers to Singapore, as their records write their names.
const MEMBERS: &[&str] = &[
    SIGNER,
    "Lê Văn Thành",
    "Phạm Thu Hà",
    "Võ Thị Hoà",
    "Đỗ Minh Tuấn",
    "Trần Mỹ Dung",
];

/// An English paper prints no Vietnamese fixed label, and writes people's names one way:
/// as in their passports.
fn check_english_labels(p: &Paper) {
    if p.language != Language::En {
        return;
    }
    for (n, page) in p.layout.pages.iter().enumerate() {
        for run in texts(page) {
            assert!(
                !MEMBERS.iter().any(|m| run.text.contains(m)),
                "{} page {}: \"{}\" is not in its passport form",
                p.name,
                n + 1,
                run.text
            );
        }
        let text = page.plain_text();
        for label in VIETNAMESE_LABELS {
            assert!(
                !text.contains(label),
                "{} page {}: the Vietnamese label \"{label}\" in an English paper",
                p.name,
                n + 1
            );
        }
    }
}

/// A word of `pdftotext -bbox-layout`: page (from 0), text and box in points.
#[derive(Debug)]
struct Word {
    page: usize,
    text: String,
    x_min: f32,
    y_min: f32,
    x_max: f32,
    y_max: f32,
}

fn attr(tag: &str, name: &str) -> f32 {
    tag.split(&format!("{name}=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(f32::NAN)
}

fn word_boxes(pdf: &[u8]) -> Vec<Word> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("paper.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = Command::new("pdftotext")
        .arg("-bbox-layout")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/lib.sh");
    assert!(out.status.success(), "pdftotext reads the file");
    let xml = String::from_utf8_lossy(&out.stdout);
    let mut words = Vec::new();
    let mut page = 0;
    let mut first_page = true;
    for piece in xml.split('<').skip(1) {
        if piece.starts_with("page ") {
            if !first_page {
                page += 1;
            }
            first_page = false;
        } else if let Some(rest) = piece.strip_prefix("word ") {
            let (tag, text) = rest.split_once('>').unwrap_or((rest, ""));
            words.push(Word {
                page,
                text: text
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\""),
                x_min: attr(tag, "xMin"),
                y_min: attr(tag, "yMin"),
                x_max: attr(tag, "xMax"),
                y_max: attr(tag, "yMax"),
            });
        }
    }
    words
}

/// The same rules read from the PDF itself: the name under a gap of about 29 mm below the
/// title, and 5 mm between the header blocks.
fn check_pdf_word_boxes(p: &Paper) {
    let words = word_boxes(&p.pdf);
    let first: Vec<&Word> = words.iter().filter(|w| w.page == 0).collect();
    let national = if p.language == Language::En {
        "SOCIALIST"
    } else {
        "CỘNG"
    };
    let title = first
        .iter()
        .find(|w| w.text == national)
        .expect("the national title");
    let left_end = first
        .iter()
        .filter(|w| {
            w.y_max <= title.y_max + 30.0
                && w.x_min < title.x_min - 1.0
                && w.y_min < title.y_max + 20.0
        })
        .map(|w| w.x_max)
        .fold(0.0, f32::max);
    assert!(
        (title.x_min - left_end) / PT_PER_MM >= 5.0 - 0.05,
        "{}: in the PDF the header blocks are {:.1} mm apart",
        p.name,
        (title.x_min - left_end) / PT_PER_MM
    );
    if !p.signed {
        return;
    }
    let (last_name, position) = if p.language == Language::En {
        ("NHUNG", "DIRECTOR")
    } else {
        ("Nhung", "ĐỐC")
    };
    let name = words
        .iter()
        .rev()
        .find(|w| w.text == last_name)
        .unwrap_or_else(|| panic!("{}: the signer's name in the PDF", p.name));
    let above = words
        .iter()
        .filter(|w| {
            w.page == name.page
                && w.text == position
                && w.y_max < name.y_min
                && w.x_min >= name.x_min - 120.0
        })
        .map(|w| w.y_max)
        .fold(f32::NEG_INFINITY, f32::max);
    let gap = (name.y_min - above) / PT_PER_MM;
    assert!(
        (25.0..=35.0).contains(&gap),
        "{}: {gap:.1} mm between the signer's title and name in the PDF",
        p.name
    );
    assert!(name.x_max > name.x_min && name.y_max > name.y_min);
}

/// A 12-megapixel photo (4000 × 3000) with grain, as a phone's camera writes it.
fn camera_photo() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(4000, 3000, |x, y| {
        let grain = ((x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 23) as u8;
        image::Rgb([(x % 200) as u8 + grain, (y % 180) as u8 + grain, 90 + grain])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
        .encode_image(&picture)
        .unwrap();
    out
}

#[test]
fn an_attached_photo_prints_from_its_rendition_and_the_original_stays() {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo().unwrap();
    let singapore = store
        .list_delegations()
        .unwrap()
        .into_iter()
        .find(|d| d.direction == Direction::Outgoing && d.country == "SG")
        .unwrap()
        .id;
    let original = camera_photo();
    let input = desk_domain::AttachmentInput {
        delegation_id: Some(singapore.clone()),
        kind: "photo".into(),
        file_name: "IMG_0001.jpg".into(),
        caption: "Lễ khai mạc".into(),
        ..Default::default()
    };
    let attached = desk_ops::PreparedAttachment::new(input.clone(), original.clone())
        .unwrap()
        .save(&mut store)
        .unwrap();
    assert_eq!(
        store.attachment_content(&attached.id).unwrap(),
        original,
        "the original is kept byte for byte"
    );
    let print = store.attachment_for_print(&attached.id).unwrap();
    let size = image::ImageReader::new(std::io::Cursor::new(&print))
        .with_guessed_format()
        .unwrap()
        .into_dimensions()
        .unwrap();
    assert_eq!(size, (1624, 1218), "250 dpi over the 165 mm text width");
    assert!(
        print.len() * 3 < original.len(),
        "{} vs {} bytes",
        print.len(),
        original.len()
    );

    // Ten such photos in the mission report, printed from their renditions as the report
    // prints the photos it holds: the file stays small enough to mail (under 5 MB).
    let mut renditions = vec![print.clone()];
    for n in 2..=10 {
        let photo = desk_ops::PreparedAttachment::new(
            desk_domain::AttachmentInput {
                file_name: format!("IMG_{n:04}.jpg"),
                caption: format!("Ảnh {n}"),
                ..input.clone()
            },
            original.clone(),
        )
        .unwrap()
        .save(&mut store)
        .unwrap();
        renditions.push(store.attachment_for_print(&photo.id).unwrap());
    }
    let data = store.mission_report_data(&singapore).unwrap();
    let mut doc = desk_report::mission::document(&data, Language::Vi, created()).unwrap();
    doc.blocks
        .retain(|b| !matches!(b, desk_report::Block::Photo { .. }));
    doc.blocks
        .extend(
            renditions
                .into_iter()
                .enumerate()
                .map(|(n, bytes)| desk_report::Block::Photo {
                    bytes,
                    caption: format!("Ảnh {}", n + 1),
                }),
        );
    let pdf = desk_report::render(&doc).unwrap();
    eprintln!("a report with ten 12-megapixel photos: {} bytes", pdf.len());
    assert!(
        pdf.len() < 5_000_000,
        "a report with ten 12-megapixel photos is {} bytes",
        pdf.len()
    );

    // A file claiming 50 000 × 50 000 pixels is refused before anything is decoded.
    let mut crafted = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    crafted.extend_from_slice(&50_000_u32.to_be_bytes());
    crafted.extend_from_slice(&50_000_u32.to_be_bytes());
    crafted.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    let refused = desk_ops::PreparedAttachment::new(
        desk_domain::AttachmentInput {
            file_name: "bomb.png".into(),
            ..input
        },
        crafted,
    )
    .err()
    .expect("a crafted photo is refused");
    let violation = &refused.violations[0];
    assert_eq!(violation.field, "content");
    assert!(violation.message.contains("50000"), "{}", violation.message);
    assert_eq!(
        store
            .attachments(&singapore)
            .unwrap()
            .iter()
            .filter(|a| a.file_name == "bomb.png")
            .count(),
        0
    );
}
