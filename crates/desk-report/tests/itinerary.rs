//! The printed itinerary, checked on the layout as a traveller would read it: everything
//! inside the margins and nothing printed over anything else, each traveller on their own
//! page, times with their zones, a long table continuing with its header, nothing lost.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use desk_report::{
    Agency, ItineraryDocument, ItinerarySection, Language, Layout, LegRow, StayRow,
    layout_itinerary, render_itinerary,
};

use common::assert_well_formed;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

fn out_and_back() -> Vec<LegRow> {
    vec![
        LegRow {
            transport: "Vietnam Airlines VN 651".into(),
            from: "HAN – Noi Bai International Airport".into(),
            departs: at("2016-09-05T23:50"),
            departs_offset: "+07:00".into(),
            to: "SIN – Singapore Changi International Airport".into(),
            arrives: at("2016-09-06T03:10"),
            arrives_offset: "+08:00".into(),
            duration: "2 h 20 min".into(),
        },
        LegRow {
            transport: "Singapore Airlines SQ 176".into(),
            from: "SIN – Singapore Changi International Airport".into(),
            departs: at("2016-09-09T16:40"),
            departs_offset: "+08:00".into(),
            to: "HAN – Noi Bai International Airport".into(),
            arrives: at("2016-09-09T18:55"),
            arrives_offset: "+07:00".into(),
            duration: "3 h 15 min".into(),
        },
    ]
}

fn traveller(name: &str, legs: Vec<LegRow>, notes: Vec<String>) -> ItinerarySection {
    ItinerarySection {
        heading: name.into(),
        legs,
        stays: vec![StayRow {
            hotel: "Hotel Boss, Singapore".into(),
            check_in: d("2016-09-06"),
            check_out: d("2016-09-09"),
            room: "Twin 1203 · BOSS-0906".into(),
        }],
        notes,
    }
}

fn document(language: Language, sections: Vec<ItinerarySection>) -> ItineraryDocument {
    ItineraryDocument {
        language,
        agency: Agency {
            parent: "Bộ Văn hóa, Thể thao và Du lịch".into(),
            name: "Thư viện Quốc gia Việt Nam".into(),
        },
        place: "Hà Nội".into(),
        date: d("2016-08-25"),
        created_at: FixedOffset::east_opt(7 * 3600)
            .unwrap()
            .with_ymd_and_hms(2016, 8, 25, 9, 0, 0)
            .unwrap(),
        subtitle: "Tham dự Phiên họp lần thứ 2 Dự án INELI-ASEAN tại Singapore".into(),
        summary: vec![
            "Thời gian: 05/09/2016 – 09/09/2016".into(),
            "Địa điểm: Singapore, SG".into(),
        ],
        sections,
        body_size_pt: 13.0,
    }
}

const PEOPLE: [&str; 6] = [
    "Nguyễn Thị Hồng Nhung – Phó Giám đốc",
    "Trần Mỹ Dung – Trưởng phòng Hợp tác quốc tế",
    "Lê Văn Thành",
    "Phạm Thu Hà",
    "Đỗ Minh Tuấn",
    "Võ Thị Hoà",
];

fn six_travellers(language: Language) -> ItineraryDocument {
    let sections = PEOPLE
        .iter()
        .map(|p| {
            traveller(
                p,
                out_and_back(),
                vec!["Lưu ý: chưa có chỗ ở tại SIN cho đêm 08/09/2016.".into()],
            )
        })
        .collect();
    document(language, sections)
}

fn lay(doc: &ItineraryDocument) -> Layout {
    layout_itinerary(doc).expect("the itinerary lays out")
}

fn page_text(layout: &Layout, page: usize) -> String {
    layout.pages[page].plain_text()
}

#[test]
fn each_traveller_gets_their_own_page_after_the_official_head() {
    let layout = lay(&six_travellers(Language::Vi));
    assert_well_formed(&layout);
    assert_eq!(layout.pages.len(), 6, "one page per traveller");
    let first = page_text(&layout, 0);
    for expected in [
        "THƯ VIỆN QUỐC GIA VIỆT NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "LỊCH TRÌNH CÔNG TÁC",
        "Hà Nội, ngày 25 tháng 8 năm 2016",
        "1. Nguyễn Thị Hồng Nhung",
    ] {
        assert!(
            first.contains(expected),
            "page 1 shows {expected:?}:\n{first}"
        );
    }
    for (n, person) in PEOPLE.iter().enumerate() {
        let name = person.split(" – ").next().unwrap();
        let text = page_text(&layout, n);
        assert!(
            text.contains(&format!("{}. {name}", n + 1)),
            "page {} is {name}'s",
            n + 1
        );
        assert!(
            text.contains("23:50 05/09/2016"),
            "local departure time on {name}'s page"
        );
        assert!(text.contains("(UTC+07:00)") && text.contains("(UTC+08:00)"));
        assert!(text.contains("2 h 20 min"));
        assert!(text.contains("Hotel Boss, Singapore"));
        assert!(
            text.contains("chưa có chỗ ở tại SIN"),
            "the warning is printed"
        );
    }
    assert!(
        !page_text(&layout, 1).contains("CỘNG HÒA"),
        "the head is on page 1 only"
    );
}

#[test]
fn a_long_journey_continues_its_table_with_the_header_and_loses_nothing() {
    let legs: Vec<LegRow> = (0..30)
        .map(|i| LegRow {
            transport: format!("Bus {i:02}"),
            ..out_and_back().remove(0)
        })
        .collect();
    let layout = lay(&document(
        Language::Vi,
        vec![traveller("Lê Văn Thành", legs, vec![])],
    ));
    assert_well_formed(&layout);
    assert!(layout.pages.len() >= 2, "30 legs run onto a second page");
    let all: String = (0..layout.pages.len())
        .map(|p| page_text(&layout, p))
        .collect();
    for i in 0..30 {
        assert!(all.contains(&format!("Bus {i:02}")), "leg {i} is printed");
    }
    for p in 1..layout.pages.len() {
        assert!(
            page_text(&layout, p).contains("Khởi hành (giờ địa phương)"),
            "page {} repeats the table header",
            p + 1
        );
    }
}

#[test]
fn english_variant_and_a_delegation_without_members() {
    let mut doc = document(
        Language::En,
        vec![ItinerarySection {
            heading: String::new(),
            legs: Vec::new(),
            stays: Vec::new(),
            notes: Vec::new(),
        }],
    );
    doc.place = "Ha Noi".into();
    let layout = lay(&doc);
    assert_well_formed(&layout);
    let text = page_text(&layout, 0);
    for expected in [
        "ITINERARY",
        "Ha Noi, 25 August 2016",
        "No travel booked yet.",
        "No stay booked yet.",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    assert_eq!(layout.pages.len(), 1);
}

#[test]
fn the_pdf_is_made_and_a_wrong_size_is_refused() {
    let pdf = render_itinerary(&six_travellers(Language::Vi)).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let mut doc = six_travellers(Language::Vi);
    doc.body_size_pt = 11.0;
    assert!(
        layout_itinerary(&doc).is_err(),
        "Decree 30 asks for 13–14 pt"
    );
}
