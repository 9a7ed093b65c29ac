//! The hosting papers checked on their layout alone, as a reader would: lists stay inside
//! their margins with nothing printed over anything; badges keep every word inside their own
//! badge and the cut marks off every badge; a tent card's back half is its front turned
//! upside down; letters each start on a new page with their own page numbers.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{FixedOffset, TimeZone};
use desk_report::badges::{Badge, BadgeSheet, badge_rect, layout_badges, layout_tents};
use desk_report::letter::{LetterDocument, layout_letters};
use desk_report::list::{ListDocument, ListSection, layout_list};
use desk_report::{Agency, Block, Column, Item, Language, Layout, Role, Signature, Span};

fn created() -> chrono::DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .and_then(|z| z.with_ymd_and_hms(2017, 11, 20, 9, 0, 0).single())
        .unwrap_or_default()
}

/// No two text boxes of a page overlap.
fn assert_no_overlapping_text(layout: &Layout) {
    for (n, page) in layout.pages.iter().enumerate() {
        let texts: Vec<_> = page.texts().collect();
        for (i, a) in texts.iter().enumerate() {
            for b in &texts[i + 1..] {
                assert!(
                    !a.bounds().overlaps(&b.bounds()),
                    "page {}: \"{}\" is printed over \"{}\"",
                    n + 1,
                    a.text,
                    b.text
                );
            }
        }
    }
}

/// Everything but page numbers lies between the margins.
fn assert_inside_margins(layout: &Layout) {
    let area = layout.geometry.text_area();
    for (n, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            if matches!(item, Item::Text(t) if t.role == Role::PageNumber) {
                continue;
            }
            assert!(
                area.contains(&item.bounds()),
                "page {}: {item:?} runs past a margin",
                n + 1
            );
        }
    }
}

fn list(rows: usize) -> ListDocument {
    let columns = vec![
        Column {
            title: "Giờ · Time".into(),
            width_ratio: 0.7,
        },
        Column {
            title: "Khách · Passengers".into(),
            width_ratio: 4.0,
        },
        Column {
            title: "Xe, lái xe · Vehicle, driver".into(),
            width_ratio: 2.0,
        },
    ];
    ListDocument {
        landscape: true,
        agency: "Thư viện Quốc gia Việt Nam".into(),
        title: "Danh sách đón tiễn sân bay".into(),
        title_en: "Airport transfer list".into(),
        subtitle: vec!["3rd INELI-ASEAN session".into(), "27/11/2017 – 30/11/2017 · Hà Nội".into()],
        sections: (0..3)
            .map(|d| ListSection {
                heading: format!("Ngày {} · Day {}", d + 1, d + 1),
                note: String::new(),
                columns: columns.clone(),
                rows: (0..rows)
                    .map(|r| {
                        vec![
                            format!("{:02}:30", 8 + r % 12),
                            "Nguyễn Thị Hồng Nhung; Somchai Wongsakul; Kanokwan Thongdee; Phouvong Souvannavong; Farah Hanim binti Zainal".into(),
                            "Xe 16 chỗ 29B-123.45, Anh Phạm Đức Mạnh, 0934394944".into(),
                        ]
                    })
                    .collect(),
            })
            .collect(),
        created_at: created(),
    }
}

#[test]
fn a_long_list_flows_over_pages_inside_its_margins_with_headers_repeated() {
    let layout = layout_list(&list(25)).unwrap();
    assert!(
        layout.pages.len() >= 3,
        "75 rows need several landscape pages, got {}",
        layout.pages.len()
    );
    assert_inside_margins(&layout);
    assert_no_overlapping_text(&layout);
    for (n, page) in layout.pages.iter().enumerate().skip(1) {
        let text = page.plain_text();
        assert!(
            text.contains("Khách · Passengers"),
            "page {} repeats the table header",
            n + 1
        );
        assert!(
            page.texts()
                .any(|t| t.role == Role::PageNumber && t.text == (n + 1).to_string()),
            "page {} is numbered",
            n + 1
        );
    }
    assert!(
        layout.missing_glyphs.is_empty(),
        "Vietnamese prints whole: {:?}",
        layout.missing_glyphs
    );
}

fn badge(name: &str) -> Badge {
    Badge {
        name: name.into(),
        title: "Phó Giám đốc Thư viện".into(),
        organisation: "Perpustakaan Negara Malaysia (National Library of Malaysia)".into(),
        country: "MALAYSIA · MA-LAI-XI-A".into(),
        role: "ĐẠI BIỂU · DELEGATE".into(),
    }
}

fn sheet(names: &[&str]) -> BadgeSheet {
    BadgeSheet {
        event: "3rd INELI-ASEAN session · Phiên họp lần thứ 3 Dự án INELI-ASEAN".into(),
        dates: "27/11/2017 – 30/11/2017 · Hà Nội".into(),
        badges: names.iter().map(|n| badge(n)).collect(),
        created_at: created(),
    }
}

const NAMES: [&str; 11] = [
    "TRẦN Mỹ Dung",
    "Kanokwan THONGDEE",
    "Farah Hanim binti ZAINAL",
    "Pengiran Haji Mohammad Khairul Anwar bin Pengiran Haji ABDUL RAHMAN",
    "AUNG Ko Ko",
    "NGUYỄN Thị Hồng Nhung",
    "Maria Santos REYES",
    "Wolfeschlegelsteinhausenbergerdorff",
    "Ei Ei Phyo",
    "Somchai WONGSAKUL",
    "ĐẶNG Thị Hồng Điệp",
];

#[test]
fn every_word_of_a_badge_stays_on_that_badge_and_cut_marks_stay_off_badges() {
    let layout = layout_badges(&sheet(&NAMES)).unwrap();
    assert_eq!(layout.pages.len(), 2, "eight badges a page");
    assert_no_overlapping_text(&layout);
    for (p, page) in layout.pages.iter().enumerate() {
        let badges: Vec<_> = (0..8).map(badge_rect).collect();
        // Two marks at each end of every cutting line: 3 between and around 2 columns, 5
        // between and around 4 rows.
        let marks = page
            .items
            .iter()
            .filter(|i| matches!(i, Item::Rule(_)))
            .map(Item::bounds)
            .filter(|b| (b.width < 2.0 || b.height < 2.0) && badges.iter().all(|r| !r.overlaps(b)))
            .count();
        assert_eq!(
            marks,
            (3 + 5) * 2,
            "page {}: every cutting line is marked",
            p + 1
        );
        for item in &page.items {
            let b = item.bounds();
            match item {
                Item::Text(t) => assert!(
                    badges.iter().any(|r| r.contains(&b)),
                    "page {}: \"{}\" leaves its badge",
                    p + 1,
                    t.text
                ),
                Item::Rule(_) if b.width < 2.0 || b.height < 2.0 => {
                    // A cut mark or a rule on a badge: cut marks touch no badge.
                    let on_badge = badges.iter().any(|r| r.contains(&b));
                    let off_badges = badges.iter().all(|r| !r.overlaps(&b));
                    assert!(
                        on_badge || off_badges,
                        "page {}: a mark crosses a badge: {b:?}",
                        p + 1
                    );
                }
                _ => {}
            }
        }
    }
    let first = layout.pages[0].plain_text();
    assert!(
        first.contains("TRẦN Mỹ Dung") && first.contains("Kanokwan THONGDEE"),
        "{first}"
    );
    // The longest names are set smaller, never cut off.
    let long = layout.pages[0]
        .texts()
        .filter(|t| t.text.contains("Pengiran") || t.text.contains("ABDUL"))
        .map(|t| t.size)
        .fold(f32::MAX, f32::min);
    let short = layout.pages[0]
        .texts()
        .find(|t| t.text.contains("AUNG"))
        .map(|t| t.size)
        .unwrap_or_default();
    assert!(
        long < short,
        "a long name is smaller ({long} pt) than a short one ({short} pt)"
    );
    let words: String = layout.pages[0].plain_text();
    for word in NAMES[3].split_whitespace() {
        assert!(
            words.contains(word),
            "\"{word}\" of the long name is printed"
        );
    }
}

#[test]
fn a_tent_card_prints_the_name_twice_the_back_turned_upside_down() {
    let layout = layout_tents(&sheet(&NAMES[..3])).unwrap();
    assert_eq!(layout.pages.len(), 3, "one card a page");
    assert_no_overlapping_text(&layout);
    let g = layout.geometry;
    let fold = g.height / 2.0;
    for page in &layout.pages {
        let upright: Vec<_> = page.texts().filter(|t| !t.turned).collect();
        let turned: Vec<_> = page.texts().filter(|t| t.turned).collect();
        assert_eq!(upright.len(), turned.len(), "every line is on both halves");
        for t in &upright {
            assert!(t.bounds().y >= fold, "\"{}\" is on the front half", t.text);
        }
        for t in &turned {
            assert!(
                t.bounds().bottom() <= fold,
                "\"{}\" is on the back half",
                t.text
            );
            let b = t.bounds();
            let mirror = upright
                .iter()
                .find(|u| u.text == t.text)
                .map(|u| u.bounds())
                .unwrap_or_else(|| panic!("\"{}\" has no front twin", t.text));
            assert!(
                (b.x - (g.width - mirror.right())).abs() < 0.01
                    && (b.y - (g.height - mirror.bottom())).abs() < 0.01,
                "the back is the front turned about the page's centre"
            );
        }
    }
}

fn letter(name: &str) -> LetterDocument {
    LetterDocument {
        language: Language::En,
        agency: Agency {
            parent: "Ministry of Culture, Sports and Tourism".into(),
            name: "National Library of Viet Nam".into(),
        },
        number_line: "No.: \u{a0}\u{a0}\u{a0}\u{a0}\u{a0}/TVQG-HTQT".into(),
        place_date: "Ha Noi, 20 September 2017".into(),
        title: "Letter of invitation".into(),
        subtitle: "3rd INELI-ASEAN session".into(),
        recipients: vec![format!("Ms {name}")],
        blocks: (0..8)
            .map(|_| Block::Paragraph(vec![Span::plain(
                "The National Library of Viet Nam has the honour to invite you to attend the 3rd INELI-ASEAN session, to be held in Ha Noi, Viet Nam, from 27 November 2017 to 30 November 2017.",
            )]))
            .chain(std::iter::once(Block::Table {
                columns: vec![
                    Column { title: "Particulars".into(), width_ratio: 1.0 },
                    Column { title: "As in the passport".into(), width_ratio: 1.6 },
                ],
                rows: vec![vec!["Full name".into(), name.into()], vec!["Passport No.".into(), "TH1611232".into()]],
            }))
            .collect(),
        received_by: vec!["As above;".into(), "Filed: VT, HTQT.".into()],
        signature: Signature {
            authority: Some("p.p. THE DIRECTOR".into()),
            position: "DEPUTY DIRECTOR".into(),
            name: String::new(),
        },
    }
}

#[test]
fn letters_each_start_a_page_and_number_their_own_pages() {
    let one = layout_letters(&[letter("Kanokwan THONGDEE")], 13.0).unwrap();
    let two = layout_letters(
        &[letter("Kanokwan THONGDEE"), letter("Maria Santos REYES")],
        13.0,
    )
    .unwrap();
    assert_eq!(
        two.pages.len(),
        2 * one.pages.len(),
        "the second letter starts on a new page"
    );
    assert_inside_margins(&two);
    assert_no_overlapping_text(&two);
    let second_start = &two.pages[one.pages.len()];
    assert!(
        second_start.plain_text().contains("Maria Santos REYES"),
        "the second letter begins on its own page"
    );
    assert!(
        second_start.texts().all(|t| t.role != Role::PageNumber),
        "a letter's first page carries no number, like any official document's"
    );
    assert!(
        layout_letters(&[letter("x")], 12.0).is_err(),
        "letters keep the Decree 30 body size"
    );
}

#[test]
fn names_in_lao_script_are_reported_as_missing_glyphs() {
    let layout = layout_badges(&sheet(&["ສົມພອນ ແກ້ວມະນີ"])).unwrap();
    assert!(
        layout.missing_glyphs.contains(&'ສ'),
        "Liberation Serif has no Lao: the layout says so instead of printing blanks silently"
    );
    assert!(!desk_report::list::printable("ສົມພອນ"));
    assert!(desk_report::list::printable("Nguyễn Thị Hồng Điệp"));
}
