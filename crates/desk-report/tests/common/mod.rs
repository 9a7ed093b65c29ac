//! Sample mission reports shared by the tests, the demo and the benchmark: a realistic
//! report of the trip to the 2nd INELI-ASEAN session in Singapore, grown to any length;
//! and the check every laid-out document must pass.
#![allow(dead_code)]

use chrono::{FixedOffset, NaiveDate, TimeZone};
use desk_report::{
    Agency, Block, Column, DocumentNumber, Heading, Item, Language, Layout, ReportDocument, Role,
    Signature, Span,
};

/// A landscape JPEG (900×600, 30 KB).
pub const JPEG: &[u8] = include_bytes!("../fixtures/delegation.jpg");
/// A JPEG stored sideways (600×450) with EXIF orientation 6: upright it is 450×600.
pub const JPEG_SIDEWAYS: &[u8] = include_bytes!("../fixtures/sideways-portrait.jpg");
/// A PNG with transparent corners (400×240).
pub const PNG: &[u8] = include_bytes!("../fixtures/chart.png");

pub const MEMBERS: [(&str, &str, &str); 6] = [
    (
        "Nguyễn Thị Hồng Nhung",
        "Phó Giám đốc",
        "Thư viện Quốc gia Việt Nam",
    ),
    (
        "Trần Mỹ Dung",
        "Trưởng phòng Hợp tác quốc tế",
        "Thư viện Quốc gia Việt Nam",
    ),
    ("Lê Đức Thắng", "Chuyên viên", "Thư viện Quốc gia Việt Nam"),
    ("Phạm Thị Thuỷ", "Chuyên viên", "Thư viện Quốc gia Việt Nam"),
    ("Hoàng Văn Quý", "Giám đốc", "Thư viện tỉnh Quảng Ninh"),
    (
        "Đặng Thị Ngọc Ánh",
        "Phó Giám đốc",
        "Thư viện Khoa học tổng hợp TP. Hồ Chí Minh",
    ),
];

/// Text inside the margins, page numbers in the top margin, and no two boxes overlapping
/// (rules may meet rules: table grids and axes).
pub fn assert_well_formed(layout: &Layout) {
    let g = layout.geometry;
    let area = g.text_area();
    for (n, page) in layout.pages.iter().enumerate() {
        for item in &page.items {
            let b = item.bounds();
            match item {
                Item::Text(t) if t.role == Role::PageNumber => {
                    assert!(
                        b.bottom() <= g.margin_top,
                        "page {}: page number in the margin",
                        n + 1
                    )
                }
                _ => assert!(
                    area.contains(&b),
                    "page {}: {item:?} runs past a margin",
                    n + 1
                ),
            }
        }
        let items: Vec<&Item> = page.items.iter().collect();
        for (i, a) in items.iter().enumerate() {
            for b in &items[i + 1..] {
                if matches!((a, b), (Item::Rule(_), Item::Rule(_))) {
                    continue;
                }
                assert!(
                    !a.bounds().overlaps(&b.bounds()),
                    "page {}: boxes overlap:\n  {a:?}\n  {b:?}",
                    n + 1
                );
            }
        }
    }
}

fn p(spans: Vec<Span>) -> Block {
    Block::Paragraph(spans)
}

/// The sentence tests look for in the PDF text, with every kind of Vietnamese mark.
pub const KEY_SENTENCE: &str = "Đoàn đã trao đổi kinh nghiệm về phát triển thư viện công cộng, đổi mới dịch vụ và xây dựng cộng đồng người đọc.";

/// A report with `sections` repetitions of the body, `table_rows` rows in the delegation
/// table and `photos` photos (landscape JPEGs).
pub fn report(
    language: Language,
    sections: usize,
    table_rows: usize,
    photos: usize,
) -> ReportDocument {
    let vi = language == Language::Vi;
    let mut blocks = Vec::new();
    let mut photos_left = photos;
    let columns = if vi {
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị"]
    } else {
        ["No.", "Full name", "Title", "Organisation"]
    };
    for s in 0..sections.max(1) {
        blocks.push(Block::Heading(if vi {
            format!("{}. MỤC ĐÍCH VÀ THÀNH PHẦN ĐOÀN", s + 1)
        } else {
            format!("{}. PURPOSE AND COMPOSITION", s + 1)
        }));
        blocks.push(p(vec![
            Span::plain(if vi {
                "Thực hiện Quyết định số 1234/QĐ-BVHTTDL ngày 15 tháng 8 năm 2016 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch, đoàn công tác của "
            } else {
                "Pursuant to Decision No. 1234/QĐ-BVHTTDL of 15 August 2016 of the Minister of Culture, Sports and Tourism, the delegation of the "
            }),
            Span::bold(if vi { "Thư viện Quốc gia Việt Nam" } else { "National Library of Viet Nam" }),
            Span::plain(if vi {
                " đã tham dự Khoá đào tạo lần thứ hai của chương trình "
            } else {
                " attended the second session of the "
            }),
            Span::italic("International Network of Emerging Library Innovators (INELI-ASEAN)"),
            Span::plain(if vi {
                " tại Singapore từ ngày 06 đến ngày 09 tháng 9 năm 2016. "
            } else {
                " programme in Singapore from 6 to 9 September 2016. "
            }),
            Span::plain(if vi { KEY_SENTENCE } else {
                "The delegation exchanged experience on developing public libraries, renewing services and building communities of readers."
            }),
        ]));
        if s == 0 && table_rows > 0 {
            let rows = (0..table_rows)
                .map(|i| {
                    let (name, title, org) = MEMBERS[i % MEMBERS.len()];
                    vec![
                        (i + 1).to_string(),
                        name.to_owned(),
                        title.to_owned(),
                        org.to_owned(),
                    ]
                })
                .collect();
            blocks.push(Block::Table {
                columns: columns
                    .iter()
                    .zip([0.6, 2.2, 2.0, 2.6])
                    .map(|(title, width_ratio)| Column {
                        title: (*title).to_owned(),
                        width_ratio,
                    })
                    .collect(),
                rows,
            });
        }
        blocks.push(Block::Heading(if vi {
            format!("{}. KẾT QUẢ CHUYẾN CÔNG TÁC", s + 1)
        } else {
            format!("{}. RESULTS OF THE MISSION", s + 1)
        }));
        blocks.push(Block::Bullets(vec![
            vec![
                Span::plain(if vi { "Tham dự " } else { "Attended " }),
                Span::bold(if vi { "04 phiên thảo luận" } else { "4 working sessions" }),
                Span::plain(if vi {
                    " về lãnh đạo thư viện, đổi mới sáng tạo và vận động chính sách; mỗi thành viên trình bày một dự án cải tiến tại đơn vị mình;"
                } else {
                    " on library leadership, innovation and advocacy; each member presented an improvement project for their own library;"
                }),
            ],
            vec![Span::plain(if vi {
                "Tham quan Thư viện Quốc gia Singapore, Thư viện công cộng Jurong và mô hình thư viện trong trung tâm thương mại;"
            } else {
                "Visited the National Library of Singapore, Jurong Regional Library and a library in a shopping centre;"
            })],
            vec![
                Span::plain(if vi { "Chi phí: " } else { "Costs: " }),
                Span::italic(if vi { "do Quỹ Bill & Melinda Gates tài trợ toàn bộ" } else { "fully covered by the Bill & Melinda Gates Foundation" }),
                Span::plain(if vi { " (tương đương 185.000.000 ₫)." } else { " (about 185,000,000 ₫)." }),
            ],
        ]));
        blocks.push(p(vec![Span::plain(if vi {
            "Qua chuyến công tác, đoàn nhận thấy các thư viện công cộng trong khu vực đã chuyển mạnh sang mô hình phục vụ cộng đồng, lấy người dân làm trung tâm, kết hợp không gian đọc truyền thống với các hoạt động sáng tạo, học tập suốt đời và kỹ năng số. Đây là những kinh nghiệm quý mà hệ thống thư viện công cộng Việt Nam có thể nghiên cứu, áp dụng phù hợp với điều kiện thực tế của từng địa phương, đặc biệt là trong việc xây dựng thư viện thân thiện, thu hút bạn đọc trẻ và người cao tuổi."
        } else {
            "Through the mission, the delegation saw that public libraries in the region have moved decisively towards community service centred on the people, combining traditional reading spaces with creative activities, lifelong learning and digital skills. These are valuable lessons that the public library system of Viet Nam can study and apply according to the actual conditions of each locality, especially in building friendly libraries that attract young readers and the elderly."
        })]));
        if photos_left > 0 {
            photos_left -= 1;
            blocks.push(Block::Photo {
                bytes: JPEG.to_vec(),
                caption: if vi {
                    format!(
                        "Ảnh {}: Đoàn Thư viện Quốc gia Việt Nam tại Thư viện Quốc gia Singapore",
                        photos - photos_left
                    )
                } else {
                    format!(
                        "Photo {}: The delegation at the National Library of Singapore",
                        photos - photos_left
                    )
                },
            });
        }
    }
    while photos_left > 0 {
        photos_left -= 1;
        blocks.push(Block::Photo {
            bytes: JPEG.to_vec(),
            caption: format!("Ảnh {}", photos - photos_left),
        });
    }
    blocks.push(Block::Heading(if vi {
        "ĐỀ XUẤT, KIẾN NGHỊ".to_owned()
    } else {
        "PROPOSALS".to_owned()
    }));
    blocks.push(p(vec![Span::plain(if vi {
        "Đề nghị Bộ Văn hóa, Thể thao và Du lịch tiếp tục tạo điều kiện để cán bộ thư viện tham gia các chương trình đào tạo quốc tế."
    } else {
        "We propose that the Ministry continue to enable library staff to join international training programmes."
    })]));

    ReportDocument {
        heading: Heading {
            language,
            agency: if vi {
                Agency {
                    parent: "Bộ Văn hóa, Thể thao và Du lịch".into(),
                    name: "Thư viện Quốc gia Việt Nam".into(),
                }
            } else {
                Agency {
                    parent: "Ministry of Culture, Sports and Tourism".into(),
                    name: "National Library of Viet Nam".into(),
                }
            },
            number: DocumentNumber {
                sequence: 5,
                symbol: "BC-TVQG".into(),
            },
            place: if vi {
                "Hà Nội".into()
            } else {
                "Ha Noi".into()
            },
            date: NaiveDate::from_ymd_opt(2027, 1, 5).unwrap_or_default(),
            created_at: FixedOffset::east_opt(7 * 3600)
                .and_then(|tz| tz.with_ymd_and_hms(2027, 1, 5, 9, 30, 0).single())
                .unwrap_or_default(),
        },
        title: None,
        subtitle: if vi {
            "Kết quả chuyến công tác tại Singapore".into()
        } else {
            "Results of the mission to Singapore".into()
        },
        recipients: if vi {
            vec!["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch".into()]
        } else {
            vec!["The Minister of Culture, Sports and Tourism".into()]
        },
        blocks,
        received_by: if vi {
            vec![
                "Như trên;".into(),
                "Vụ Hợp tác quốc tế (để b/c);".into(),
                "Vụ Thư viện;".into(),
                "Lưu: VT, HTQT.".into(),
            ]
        } else {
            vec![
                "As above;".into(),
                "International Cooperation Department;".into(),
                "Filed: Archives, ICD.".into(),
            ]
        },
        signature: Signature {
            authority: Some(if vi {
                "KT. GIÁM ĐỐC".into()
            } else {
                "P.P. DIRECTOR".into()
            }),
            position: if vi {
                "Phó Giám đốc".into()
            } else {
                "Deputy Director".into()
            },
            name: "Nguyễn Thị Hồng Nhung".into(),
        },
        body_size_pt: 13.0,
    }
}
