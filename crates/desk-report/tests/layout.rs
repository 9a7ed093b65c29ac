//! What a reader of the printed report would notice, checked on the layout alone: text
//! inside the margins, nothing printed over anything else, nothing lost, page numbers from
//! page 2, table headers on every page of a table, photos with their captions, and the
//! signature beside its distribution list.

mod common;

use std::collections::HashMap;

use desk_report::{
    Block, FontFace, Item, Language, Layout, ReportDocument, ReportError, Role, Span, TextRun,
    layout,
};
use unicode_normalization::UnicodeNormalization;

fn lay(doc: &ReportDocument) -> Layout {
    match layout(doc) {
        Ok(l) => l,
        Err(e) => panic!("the sample report must lay out, got: {e}"),
    }
}

/// Every invariant a reader relies on, with a message naming the page and the boxes.
fn assert_well_formed(layout: &Layout) {
    let g = layout.geometry;
    let area = g.text_area();
    for (n, page) in layout.pages.iter().enumerate() {
        let number = n + 1;
        for item in &page.items {
            let b = item.bounds();
            match item {
                Item::Text(t) if t.role == Role::PageNumber => {
                    assert!(
                        b.y >= 0.0 && b.bottom() <= g.margin_top,
                        "page {number}: the page number {b:?} must sit inside the top margin"
                    );
                }
                _ => assert!(
                    area.contains(&b),
                    "page {number}: {item:?} runs past a margin (text area {area:?})"
                ),
            }
        }
        // No two boxes may overlap, except rules meeting rules (table grid corners).
        let boxes: Vec<&Item> = page.items.iter().collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                if matches!((a, b), (Item::Rule(_), Item::Rule(_))) {
                    continue;
                }
                assert!(
                    !a.bounds().overlaps(&b.bounds()),
                    "page {number}: boxes overlap:\n  {a:?}\n  {b:?}"
                );
            }
        }
    }
}

fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace().map(|w| w.nfc().collect())
}

/// Every word of the body appears in the layout at least as often as in the input: nothing
/// was cut off at a page end or dropped from a table.
fn assert_nothing_lost(doc: &ReportDocument, layout: &Layout) {
    let mut have: HashMap<String, usize> = HashMap::new();
    for page in &layout.pages {
        for run in page.texts().filter(|t| t.role == Role::Content) {
            for w in words_of(&run.text) {
                *have.entry(w).or_default() += 1;
            }
        }
    }
    let mut want: HashMap<String, usize> = HashMap::new();
    let mut add = |text: &str| {
        for w in words_of(text) {
            *want.entry(w).or_default() += 1;
        }
    };
    for block in &doc.blocks {
        match block {
            Block::Heading(t) => add(t),
            Block::Paragraph(spans) => spans.iter().for_each(|s| add(&s.text)),
            Block::Bullets(items) => items.iter().flatten().for_each(|s| add(&s.text)),
            Block::Table { rows, .. } => rows.iter().flatten().for_each(|c| add(c)),
            Block::Figures { rows, .. } => rows.iter().flat_map(|r| &r.cells).for_each(|c| add(c)),
            Block::Photo { caption, .. } => add(caption),
            Block::Chart(chart) => add(&chart.title),
        }
    }
    for (word, count) in want {
        // "₫" is glued to the amount before it by a no-break space.
        if word == "₫" || word.starts_with('₫') {
            continue;
        }
        let found = have.get(&word).copied().unwrap_or(0);
        assert!(
            found >= count,
            "\"{word}\" appears {count} times in the report but {found} times on the pages"
        );
    }
}

fn page_numbers(page: &desk_report::Page) -> Vec<&TextRun> {
    page.texts()
        .filter(|t| t.role == Role::PageNumber)
        .collect()
}

fn find<'a>(page: &'a desk_report::Page, text: &str) -> Option<&'a TextRun> {
    page.texts().find(|t| t.text.contains(text))
}

fn page_of(layout: &Layout, text: &str) -> Option<usize> {
    layout
        .pages
        .iter()
        .position(|p| p.texts().any(|t| t.text.contains(text)))
}

#[test]
fn a_short_report_fits_on_one_page_without_a_page_number() {
    let mut doc = common::report(Language::Vi, 1, 0, 0);
    doc.blocks.truncate(4);
    let l = lay(&doc);
    assert_eq!(
        l.pages.len(),
        1,
        "a one-section report without table or photo is one page"
    );
    assert_well_formed(&l);
    assert_nothing_lost(&doc, &l);
    assert!(
        page_numbers(&l.pages[0]).is_empty(),
        "Decree 30: page 1 carries no page number"
    );
    assert!(
        l.missing_glyphs.is_empty(),
        "the font covers all Vietnamese: {:?}",
        l.missing_glyphs
    );
}

#[test]
fn a_forty_page_report_keeps_every_rule() {
    let doc = common::report(Language::Vi, 62, 60, 10);
    let l = lay(&doc);
    assert!(
        l.pages.len() >= 40,
        "expected at least 40 pages, got {}",
        l.pages.len()
    );
    assert_well_formed(&l);
    assert_nothing_lost(&doc, &l);
    for (n, page) in l.pages.iter().enumerate() {
        let numbers = page_numbers(page);
        if n == 0 {
            assert!(numbers.is_empty(), "page 1 must have no page number");
        } else {
            assert_eq!(
                numbers.len(),
                1,
                "page {} must have exactly one page number",
                n + 1
            );
            assert_eq!(
                numbers[0].text,
                (n + 1).to_string(),
                "page {} is numbered",
                n + 1
            );
            let g = l.geometry;
            let centre = numbers[0].x + numbers[0].width / 2.0;
            let text_centre = g.margin_left + g.text_width() / 2.0;
            assert!(
                (centre - text_centre).abs() < 0.1,
                "page {}: the number is centred ({centre} vs {text_centre})",
                n + 1
            );
        }
    }
    assert_eq!(l.images.len(), 10, "all ten photos are placed");
}

#[test]
fn table_header_is_repeated_on_every_page_the_table_runs_onto() {
    let doc = common::report(Language::Vi, 1, 60, 0);
    let l = lay(&doc);
    assert_well_formed(&l);
    let table_pages: Vec<usize> = (0..l.pages.len())
        .filter(|&n| {
            l.pages[n]
                .texts()
                .any(|t| t.text.starts_with("Trần Mỹ Dung"))
        })
        .collect();
    assert!(
        table_pages.len() >= 2,
        "60 rows must break across pages: {table_pages:?}"
    );
    for n in table_pages {
        let page = &l.pages[n];
        let header = page
            .texts()
            .find(|t| t.text == "Họ và tên")
            .unwrap_or_else(|| panic!("page {}: the table header row is missing", n + 1));
        assert_eq!(header.face, FontFace::Bold, "the header row is bold");
        let first_row = page
            .texts()
            .filter(|t| t.face == FontFace::Regular && t.text.starts_with("Trần Mỹ Dung"))
            .map(|t| t.baseline)
            .fold(f32::MAX, f32::min);
        assert!(
            header.baseline < first_row,
            "page {}: the header is above the rows",
            n + 1
        );
    }
}

/// Reports whose photo (or closing) falls at every possible height of a page.
fn shifted(filler: usize, blocks_after: Vec<Block>) -> ReportDocument {
    let mut doc = common::report(Language::Vi, 1, 0, 0);
    doc.blocks.truncate(2);
    for i in 0..filler {
        doc.blocks.push(Block::Paragraph(vec![Span::plain(format!(
            "Đoạn {i}: đoàn đã làm việc với các đối tác, trao đổi về kế hoạch hợp tác giai đoạn tới."
        ))]));
    }
    doc.blocks.extend(blocks_after);
    doc
}

#[test]
fn a_photo_is_never_separated_from_its_caption() {
    for filler in 0..40 {
        let doc = shifted(
            filler,
            vec![Block::Photo {
                bytes: common::JPEG.to_vec(),
                caption: "Ảnh 1: Lễ khai mạc khoá đào tạo".into(),
            }],
        );
        let l = lay(&doc);
        assert_well_formed(&l);
        let (page, image) = l
            .pages
            .iter()
            .enumerate()
            .find_map(|(n, p)| {
                p.items.iter().find_map(|i| match i {
                    Item::Image(b) => Some((n, *b)),
                    _ => None,
                })
            })
            .unwrap_or_else(|| panic!("with {filler} paragraphs: the photo is missing"));
        let caption = find(&l.pages[page], "Ảnh 1").unwrap_or_else(|| {
            panic!(
                "with {filler} paragraphs: the photo is on page {} but its caption is not",
                page + 1
            )
        });
        assert_eq!(caption.face, FontFace::Italic, "captions are italic");
        let gap = caption.bounds().y - image.rect.bottom();
        assert!(
            (0.0..20.0).contains(&gap),
            "with {filler} paragraphs: the caption sits right under the photo (gap {gap} pt)"
        );
        let g = l.geometry;
        assert!(
            (image.rect.width - g.text_width()).abs() < 0.01,
            "a landscape photo fills the text width"
        );
    }
}

#[test]
fn distribution_list_and_signature_always_share_the_last_page() {
    for filler in 0..45 {
        let doc = shifted(filler, Vec::new());
        let l = lay(&doc);
        assert_well_formed(&l);
        let label = page_of(&l, "Nơi nhận:");
        let filed = page_of(&l, "Lưu: VT, HTQT.");
        let authority = page_of(&l, "KT. GIÁM ĐỐC");
        let name = page_of(&l, "Nguyễn Thị Hồng Nhung");
        let last = Some(l.pages.len() - 1);
        assert!(
            label == last && filed == last && authority == last && name == last,
            "with {filler} paragraphs: Nơi nhận {label:?}, Lưu {filed:?}, authority {authority:?} \
             and signer {name:?} must all be on the last page {last:?}"
        );
        let page = &l.pages[l.pages.len() - 1];
        let (Some(label), Some(authority)) = (find(page, "Nơi nhận:"), find(page, "KT. GIÁM ĐỐC"))
        else {
            panic!("closing runs present");
        };
        assert_eq!(
            label.face,
            FontFace::BoldItalic,
            "\"Nơi nhận:\" is bold italic"
        );
        assert_eq!(label.size, 12.0, "\"Nơi nhận:\" is 12 pt");
        assert!(label.x < authority.x, "the list is left of the signature");
        assert!(
            (label.bounds().y - authority.bounds().y).abs() < 3.0,
            "the list and the signature start at the same height"
        );
    }
}

#[test]
fn a_heading_is_never_left_alone_at_the_foot_of_a_page() {
    for filler in 0..40 {
        let mut doc = shifted(filler, Vec::new());
        doc.blocks.push(Block::Heading("3. ĐỀ XUẤT".into()));
        doc.blocks.push(Block::Paragraph(vec![Span::plain(
            "Đề nghị tiếp tục cử cán bộ tham gia chương trình trong những năm tới, \
             bảo đảm tính liên tục của mạng lưới và chia sẻ kết quả với các thư viện tỉnh.",
        )]));
        let l = lay(&doc);
        let heading = page_of(&l, "3. ĐỀ XUẤT");
        let next = page_of(&l, "Đề nghị tiếp tục");
        assert_eq!(
            heading, next,
            "with {filler} paragraphs: the heading must be on the page of its first line"
        );
    }
}

#[test]
fn justified_lines_end_exactly_at_the_right_margin() {
    let doc = common::report(Language::Vi, 1, 0, 0);
    let l = lay(&doc);
    let g = l.geometry;
    let right = g.margin_left + g.text_width();
    let mut justified = 0;
    for page in &l.pages {
        // Group runs by baseline; lines with stretched spaces are justified.
        let mut lines: HashMap<i64, Vec<&TextRun>> = HashMap::new();
        for run in page.texts() {
            lines
                .entry((run.baseline * 100.0) as i64)
                .or_default()
                .push(run);
        }
        for runs in lines.values() {
            if runs.iter().any(|r| r.extra_space > 0.0) {
                justified += 1;
                let end = runs.iter().map(|r| r.x + r.width).fold(0.0, f32::max);
                assert!(
                    (end - right).abs() < 0.05,
                    "a justified line ends at {end}, the margin is at {right}"
                );
            }
        }
    }
    assert!(
        justified >= 5,
        "the sample has several justified lines, found {justified}"
    );
}

#[test]
fn decomposed_vietnamese_is_normalised_before_measuring() {
    let mut doc = common::report(Language::Vi, 1, 0, 0);
    // "Nguyễn" typed with combining marks, as some keyboards and PDFs produce it.
    doc.blocks.push(Block::Paragraph(vec![Span::plain(
        "Ông Nguye\u{302}\u{303}n Văn A.",
    )]));
    let l = lay(&doc);
    assert!(
        l.pages
            .iter()
            .any(|p| p.plain_text().contains("Nguyễn Văn A.")),
        "the name is printed with precomposed letters"
    );
}

#[test]
fn characters_the_font_lacks_are_reported() {
    let mut doc = common::report(Language::Vi, 1, 0, 0);
    doc.blocks.push(Block::Paragraph(vec![Span::plain(
        "Đại biểu Thư viện Quốc gia Trung Quốc (中国国家图书馆).",
    )]));
    let l = lay(&doc);
    assert!(l.missing_glyphs.contains(&'中'), "{:?}", l.missing_glyphs);
}

#[test]
fn mistakes_in_the_input_are_refused_with_what_to_fix() {
    let mut doc = common::report(Language::Vi, 1, 0, 0);
    doc.body_size_pt = 12.0;
    assert_eq!(layout(&doc).err(), Some(ReportError::BodySize(12.0)));

    let mut doc = common::report(Language::Vi, 1, 0, 0);
    doc.blocks.push(Block::Photo {
        bytes: b"GIF89a\x01\x00".to_vec(),
        caption: "Ảnh lỗi".into(),
    });
    let err = layout(&doc).err().map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("photo 1 (\"Ảnh lỗi\") is not a JPEG or PNG image")
    );

    let mut doc = common::report(Language::Vi, 1, 2, 0);
    if let Some(Block::Table { rows, .. }) = doc
        .blocks
        .iter_mut()
        .find(|b| matches!(b, Block::Table { .. }))
    {
        rows[1].pop();
    }
    assert_eq!(
        layout(&doc).err(),
        Some(ReportError::TableShape {
            table: 1,
            row: 2,
            cells: 3,
            columns: 4
        })
    );
}

#[test]
fn a_row_taller_than_a_page_is_split_and_nothing_is_lost() {
    let mut doc = common::report(Language::Vi, 1, 0, 0);
    let long = "Làm việc với đối tác. ".repeat(400);
    doc.blocks.push(Block::Table {
        columns: vec![
            desk_report::Column {
                title: "Ngày".into(),
                width_ratio: 1.0,
            },
            desk_report::Column {
                title: "Nội dung".into(),
                width_ratio: 4.0,
            },
        ],
        rows: vec![vec!["06/9".into(), long]],
    });
    let l = lay(&doc);
    assert_well_formed(&l);
    assert_nothing_lost(&doc, &l);
}

#[test]
fn english_variant_uses_english_labels() {
    let doc = common::report(Language::En, 1, 3, 0);
    let l = lay(&doc);
    assert_well_formed(&l);
    let first = l.pages[0].plain_text();
    for label in [
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
        "No.: 05/BC-TVQG",
        "Ha Noi, 05 January 2027",
        "MISSION REPORT",
        "To: The Minister",
    ] {
        assert!(first.contains(label), "page 1 shows \"{label}\": {first}");
    }
    assert!(
        page_of(&l, "Recipients:").is_some(),
        "the distribution list is labelled"
    );
}

#[test]
fn a_phone_photo_stored_sideways_is_printed_upright() {
    let mut doc = common::report(Language::Vi, 1, 0, 0);
    doc.blocks.push(Block::Photo {
        bytes: common::JPEG_SIDEWAYS.to_vec(),
        caption: "Ảnh chụp dọc".into(),
    });
    let l = lay(&doc);
    assert_well_formed(&l);
    let rect = l.pages.iter().flat_map(|p| &p.items).find_map(|i| match i {
        Item::Image(b) => Some(b.rect),
        _ => None,
    });
    let Some(rect) = rect else {
        panic!("the photo is placed");
    };
    // Stored 600×450 with EXIF orientation 6: seen upright it is 450×600, portrait.
    assert!(
        (rect.height / rect.width - 600.0 / 450.0).abs() < 0.01,
        "the box has the upright (portrait) proportions: {rect:?}"
    );
}

mod money {
    //! The estimate and the settlement laid out like every official document, with their
    //! figures lined up.

    use std::collections::BTreeMap;

    use chrono::{FixedOffset, NaiveDate, TimeZone};
    use desk_domain::estimate::{EstimateInput, Traveller, compute};
    use desk_domain::settlement::{SettlementInput, settle};
    use desk_domain::{
        CountryGroup, Delegation, DelegationStatus, Direction, ExchangeRate, Expense,
        ExpenseCategory, ExpenseKind, Funding, LevelRate, Money, RateTable, Settings,
    };
    use desk_report::{FontFace, Language, OfficialHead, Role, layout};

    use super::{assert_nothing_lost, assert_well_formed};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn delegation() -> Delegation {
        Delegation {
            id: "d".into(),
            direction: Direction::Outgoing,
            title: "Tham dự Phiên họp lần thứ 2 Dự án INELI-ASEAN tại Singapore".into(),
            country: "SG".into(),
            cities: "Singapore".into(),
            starts_on: day("2016-09-05"),
            ends_on: day("2016-09-09"),
            status: DelegationStatus::Approved,
            funding: Funding::StateBudget,
            ..Default::default()
        }
    }

    fn table() -> RateTable {
        RateTable {
            id: "t".into(),
            name: "Ví dụ theo tinh thần Thông tư 102/2012/TT-BTC".into(),
            valid_from: day("2012-07-01"),
            currency: "USD".into(),
            groups: vec![CountryGroup {
                code: "B".into(),
                label: String::new(),
                countries: vec!["SG".into()],
            }],
            rates: vec![
                LevelRate {
                    group: "B".into(),
                    level: "leader".into(),
                    per_diem: 7_000,
                    accommodation: 16_000,
                },
                LevelRate {
                    group: "B".into(),
                    level: "staff".into(),
                    per_diem: 6_000,
                    accommodation: 13_000,
                },
            ],
            ..Default::default()
        }
    }

    const NAMES: [&str; 6] = [
        "Nguyễn Thị Hồng Nhung",
        "Trần Mỹ Dung",
        "Lê Văn Thành",
        "Phạm Thu Hà",
        "Đỗ Minh Tuấn",
        "Võ Thị Hoà",
    ];

    fn travellers(count: usize) -> Vec<Traveller> {
        (0..count)
            .map(|i| Traveller {
                person_id: format!("p{i:02}"),
                name: format!("{} {}", NAMES[i % NAMES.len()], i + 1),
                level: if i % 3 == 0 { "leader" } else { "staff" }.into(),
                first_day: day("2016-09-05"),
                last_day: day("2016-09-09"),
            })
            .collect()
    }

    fn head() -> OfficialHead {
        OfficialHead::from_settings(
            &Settings::default(),
            Language::Vi,
            "DT",
            0,
            day("2016-08-23"),
            FixedOffset::east_opt(7 * 3600)
                .and_then(|tz| tz.with_ymd_and_hms(2016, 8, 23, 9, 0, 0).single())
                .unwrap_or_default(),
        )
    }

    #[test]
    fn an_estimate_of_thirty_members_runs_over_pages_with_its_header_and_amounts_lined_up() {
        let d = delegation();
        let t = table();
        let people = travellers(30);
        let names = BTreeMap::new();
        let estimate = compute(&EstimateInput {
            delegation: &d,
            travellers: &people,
            table: &t,
            expenses: &[],
            other_names: &names,
            exchange: Some(ExchangeRate {
                currency: "USD".into(),
                rate: "22300".into(),
                date: day("2016-08-22"),
                source: "Vietcombank".into(),
            }),
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let doc = desk_report::estimate_document(&estimate, &d, people.len(), &head());
        let l = layout(&doc).unwrap_or_else(|e| panic!("{e}"));
        assert_well_formed(&l);
        assert_nothing_lost(&doc, &l);
        let first = l.pages[0].plain_text();
        for label in [
            "DỰ TOÁN KINH PHÍ ĐOÀN CÔNG TÁC",
            "Số:",
            "/DT-TVQG",
            "Căn cứ:",
        ] {
            assert!(first.contains(label), "page 1 shows \"{label}\": {first}");
        }
        let pages_with_lines: Vec<usize> = (0..l.pages.len())
            .filter(|&n| l.pages[n].texts().any(|t| t.text.contains("USD (nhóm B")))
            .collect();
        assert!(pages_with_lines.len() >= 2, "60 lines take several pages");
        for n in pages_with_lines {
            let page = &l.pages[n];
            assert!(
                page.texts()
                    .any(|t| t.text == "Cách tính" && t.face == FontFace::Bold),
                "page {}: the header row is repeated",
                n + 1
            );
            // Amounts ("350.00 USD") end on the same right edge: right-aligned.
            let edges: Vec<f32> = page
                .texts()
                .filter(|t| t.role == Role::Content)
                .filter(|t| {
                    t.text
                        .strip_suffix("\u{a0}USD")
                        .or(t.text.strip_suffix(" USD"))
                        .is_some_and(|n| {
                            !n.is_empty()
                                && n.chars()
                                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                        })
                })
                .map(|t| t.x + t.width)
                .collect();
            assert!(!edges.is_empty());
            assert!(
                edges.iter().all(|e| (e - edges[0]).abs() < 0.01),
                "page {}: amounts are right-aligned, their right edges: {edges:?}",
                n + 1
            );
        }
        let last = l.pages.last().map(|p| p.plain_text()).unwrap_or_default();
        // 10 leaders × (5 × 70 + 4 × 160) + 20 staff × (5 × 60 + 4 × 130) = 9,900 + 16,400
        // = 26,300 USD; × 22,300 = 586,490,000 VND.
        assert!(
            l.pages
                .iter()
                .any(|p| p.plain_text().contains("26,300.00 USD")),
            "the USD total is printed"
        );
        assert!(
            l.pages
                .iter()
                .any(|p| p.plain_text().contains("586.490.000\u{a0}₫")),
            "the VND total is printed Vietnamese style"
        );
        assert!(
            last.contains("PHÓ GIÁM ĐỐC"),
            "the signature block closes it"
        );
    }

    #[test]
    fn a_settlement_prints_balances_with_totals_in_bold() {
        let money = |currency: &str, minor| Money {
            currency: currency.into(),
            minor,
        };
        let expense = |id: &str, person: &str, kind, category, amount: Money, rate: &str| Expense {
            id: id.into(),
            delegation_id: "d".into(),
            person_id: Some(person.into()),
            kind,
            category,
            description: "=SUM(A1:A9) as typed".into(),
            amount,
            rate_to_vnd: rate.into(),
            spent_on: Some(day("2016-09-08")),
            ..Default::default()
        };
        let members: Vec<(String, String)> = travellers(6)
            .into_iter()
            .map(|t| (t.person_id, t.name))
            .collect();
        let mut expenses = Vec::new();
        for (i, (id, _)) in members.iter().enumerate() {
            expenses.push(expense(
                &format!("a{i}"),
                id,
                ExpenseKind::Advance,
                ExpenseCategory::Accommodation,
                money("USD", 52_000),
                "22310",
            ));
            expenses.push(expense(
                &format!("b{i}"),
                id,
                ExpenseKind::Actual,
                ExpenseCategory::Accommodation,
                money("SGD", 60_000 + i as i64 * 1_000),
                "16350",
            ));
        }
        let s = settle(&SettlementInput {
            delegation_id: "d",
            members: &members,
            other_names: &[],
            expenses: &expenses,
            saved: None,
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let d = delegation();
        let doc = desk_report::settlement_document(&s, &d, members.len(), &head());
        let l = layout(&doc).unwrap_or_else(|e| panic!("{e}"));
        assert_well_formed(&l);
        assert_nothing_lost(&doc, &l);
        assert!(l.pages[0].plain_text().contains("BẢNG QUYẾT TOÁN"));
        let total = l
            .pages
            .iter()
            .flat_map(|p| p.texts())
            .find(|t| t.text.starts_with("Tổng quy"))
            .unwrap_or_else(|| panic!("a VND total row"));
        assert_eq!(total.face, FontFace::Bold, "totals are bold");
        assert!(
            l.pages
                .iter()
                .any(|p| p.plain_text().contains("=SUM(A1:A9) as typed")),
            "descriptions print as typed"
        );

        // However many lines there are, the signature never stands alone on a page: the
        // last row of figures goes with it.
        for extra in 0..24 {
            let mut more = expenses.clone();
            for n in 0..extra {
                more.push(expense(
                    &format!("c{n:02}"),
                    &members[0].0,
                    ExpenseKind::Actual,
                    ExpenseCategory::LocalTransport,
                    money("SGD", 2_000),
                    "16350",
                ));
            }
            let s = settle(&SettlementInput {
                delegation_id: "d",
                members: &members,
                other_names: &[],
                expenses: &more,
                saved: None,
            })
            .unwrap_or_else(|e| panic!("{e}"));
            let doc = desk_report::settlement_document(&s, &d, members.len(), &head());
            let l = layout(&doc).unwrap_or_else(|e| panic!("{e}"));
            let closing = l
                .pages
                .iter()
                .find(|p| p.texts().any(|t| t.text == "Nơi nhận:"))
                .unwrap_or_else(|| panic!("a page with the closing"));
            assert!(
                closing.texts().any(|t| t.text.ends_with("SGD")),
                "{extra} extra lines: the signature's page also holds the last row of figures"
            );
        }
    }
}
