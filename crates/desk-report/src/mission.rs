//! The mission report of a delegation, from its records to a [`ReportDocument`]: the
//! sections in the official order, the composition table from the members, the programme
//! day by day, the money summary at each record's own rate, and the chosen photos.
//!
//! Also [`preview`]: the same layout as plain boxes for the window to draw, so what the
//! user sees before exporting is exactly what prints.

use std::collections::BTreeMap;

use base64::Engine;
use chrono::{DateTime, FixedOffset, NaiveDate};
use desk_domain::report::check_complete;
use desk_domain::richtext::{self, RichBlock};
use desk_domain::{
    DocumentPreview, Error, ExpenseKind, MissionReportData, PreviewItem, Rule, Violation,
    country_names,
};

use crate::labels::lines_in;
use crate::{
    Block, Column, DocumentNumber, FontFace, Heading, ImageFormat, Item, Language, Layout,
    ReportDocument, Signature, Span,
};

/// Headings and fixed phrases of the report body, per language.
struct Words {
    subtitle: &'static str,
    /// The subtitle of a trip abroad, naming its countries.
    subtitle_to: &'static str,
    /// The first line of the programme: where the delegation went, and when.
    travelled: &'static str,
    purpose: &'static str,
    composition: &'static str,
    composition_intro: &'static str,
    columns: [&'static str; 4],
    programme: &'static str,
    results: &'static str,
    assessment: &'static str,
    proposals: &'static str,
    money: &'static str,
    money_columns: [&'static str; 3],
    total: &'static str,
    photos: &'static str,
    day: &'static str,
}

const VI: Words = Words {
    subtitle: "Kết quả chuyến công tác",
    subtitle_to: "Kết quả chuyến công tác tại {countries}",
    travelled: "Đoàn công tác tại {places} từ ngày {start} đến ngày {end}.",
    purpose: "I. MỤC ĐÍCH, YÊU CẦU",
    composition: "II. THÀNH PHẦN ĐOÀN",
    composition_intro: "Đoàn gồm {n} người:",
    columns: ["TT", "Họ và tên", "Chức vụ", "Cơ quan"],
    programme: "III. CHƯƠNG TRÌNH VÀ CÁC HOẠT ĐỘNG",
    results: "IV. KẾT QUẢ",
    assessment: "V. ĐÁNH GIÁ",
    proposals: "VI. KIẾN NGHỊ, ĐỀ XUẤT",
    money: "VII. KINH PHÍ",
    money_columns: ["Khoản mục", "Nguyên tệ", "Quy đổi (VND)"],
    total: "Tổng cộng",
    photos: "MỘT SỐ HÌNH ẢNH",
    day: "Ngày",
};

const EN: Words = Words {
    subtitle: "Results of the mission",
    subtitle_to: "Results of the mission to {countries}",
    travelled: "The delegation travelled to {places} from {start} to {end}.",
    purpose: "I. PURPOSE AND REQUIREMENTS",
    composition: "II. COMPOSITION OF THE DELEGATION",
    composition_intro: "The delegation had {n} members:",
    columns: ["No.", "Full name", "Title", "Organisation"],
    programme: "III. PROGRAMME AND ACTIVITIES",
    results: "IV. RESULTS",
    assessment: "V. ASSESSMENT",
    proposals: "VI. PROPOSALS",
    money: "VII. EXPENSES",
    money_columns: ["Category", "Amount", "In VND"],
    total: "Total",
    photos: "PHOTOS",
    day: "Day",
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::Vi => &VI,
        Language::En => &EN,
    }
}

fn invalid(field: &str, rule: Rule, message: String) -> Error {
    Error::invalid(vec![Violation::new(field, rule, message)])
}

/// "05/BC-TVQG" as the engine's number: the running number and the symbol.
fn number(text: &str) -> Result<DocumentNumber, Error> {
    let parsed = text.split_once('/').and_then(|(seq, symbol)| {
        let sequence = seq.trim().parse::<u32>().ok()?;
        let symbol = symbol.trim();
        (!symbol.is_empty()).then(|| DocumentNumber {
            sequence,
            symbol: symbol.to_owned(),
        })
    });
    parsed.ok_or_else(|| {
        invalid(
            "number",
            Rule::InvalidFormat,
            format!(
                "Number must look like 05/BC-TVQG (a number, a slash, a symbol), not \"{text}\""
            ),
        )
    })
}

fn spans(parts: &[richtext::Span]) -> Vec<Span> {
    parts
        .iter()
        .map(|s| Span {
            text: s.text.clone(),
            bold: s.bold,
            italic: s.italic,
        })
        .collect()
}

/// A section's rich text as paragraphs and bullet lists.
fn rich(text: &str) -> Vec<Block> {
    richtext::parse(text)
        .into_iter()
        .map(|block| match block {
            RichBlock::Paragraph(p) => Block::Paragraph(spans(&p)),
            RichBlock::Bullets(items) => Block::Bullets(items.iter().map(|i| spans(i)).collect()),
        })
        .collect()
}

/// Day first with the month as the language writes it: "06/9/2016" / "6 Sep 2016".
fn short_date(date: NaiveDate, language: Language) -> String {
    match language {
        Language::Vi => date.format("%d/%m/%Y").to_string(),
        Language::En => date.format("%-d %b %Y").to_string(),
    }
}

/// An amount in minor units, written the way the language groups digits: "1.234.567" and
/// "450,00" in Vietnamese, "1,234,567" and "450.00" in English. Exact: integer arithmetic.
pub fn amount(minor: i64, currency: &str, language: Language) -> String {
    let digits = desk_domain::money::minor_digits(currency).unwrap_or(2);
    let (group, decimal) = match language {
        Language::Vi => ('.', ','),
        Language::En => (',', '.'),
    };
    let scale = 10_i64.pow(digits);
    let whole = (minor / scale).unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let sign = if minor < 0 { "-" } else { "" };
    if digits == 0 {
        format!("{sign}{grouped}")
    } else {
        let fraction = (minor % scale).unsigned_abs();
        format!(
            "{sign}{grouped}{decimal}{fraction:0width$}",
            width = digits as usize
        )
    }
}

/// Builds the printable report. Refuses (naming the field) a report that is not complete
/// enough to print, or whose number is not in the official form.
pub fn document(
    data: &MissionReportData,
    language: Language,
    created_at: DateTime<FixedOffset>,
) -> Result<ReportDocument, Error> {
    let report = &data.report;
    check_complete(report)?;
    let w = words(language);
    let settings = &data.settings;
    let english = language == Language::En;
    let mut blocks = Vec::new();

    blocks.push(Block::Heading(w.purpose.to_owned()));
    blocks.extend(rich(&report.purpose));

    blocks.push(Block::Heading(w.composition.to_owned()));
    blocks.push(Block::Paragraph(vec![Span::plain(
        w.composition_intro
            .replace("{n}", &data.members.len().to_string()),
    )]));
    let org_name = |id: &Option<String>| -> String {
        id.as_ref()
            .and_then(|id| data.organisation_names.iter().find(|(o, _)| o == id))
            .map(|(_, name)| name.clone())
            .unwrap_or_default()
    };
    blocks.push(Block::Table {
        columns: Column::all(&w.columns, &[0.5, 2.4, 2.0, 2.6]),
        rows: data
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                vec![
                    (i + 1).to_string(),
                    if english {
                        m.person.passport_name.clone()
                    } else {
                        m.person.full_name.clone()
                    },
                    m.person.title.clone(),
                    org_name(&m.person.organisation_id),
                ]
            })
            .collect(),
    });

    blocks.push(Block::Heading(w.programme.to_owned()));
    let delegation = &data.delegation;
    let abroad = delegation.direction == desk_domain::Direction::Outgoing;
    if abroad {
        blocks.push(Block::Paragraph(vec![Span::plain(
            w.travelled
                .replace(
                    "{places}",
                    &country_names::destinations(&delegation.destinations(), language),
                )
                .replace("{start}", &short_date(delegation.starts_on, language))
                .replace("{end}", &short_date(delegation.ends_on, language)),
        )]));
    }
    let mut by_day: BTreeMap<NaiveDate, Vec<&desk_domain::ProgrammeItem>> = BTreeMap::new();
    for item in &data.programme {
        by_day.entry(item.on_date).or_default().push(item);
    }
    for (day, items) in by_day {
        blocks.push(Block::Paragraph(vec![Span::bold(format!(
            "{} {}:",
            w.day,
            short_date(day, language)
        ))]));
        blocks.push(Block::Bullets(
            items
                .iter()
                .map(|item| {
                    let time = item
                        .starts_at
                        .map(|t| format!("{} ", t.format("%H:%M")))
                        .unwrap_or_default();
                    let venue = if item.venue.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", item.venue)
                    };
                    // The English report names the item in English when it has an English
                    // title.
                    let title = match language {
                        Language::En if !item.title_en.is_empty() => &item.title_en,
                        _ => &item.title,
                    };
                    vec![Span::plain(format!("{time}{title}{venue}."))]
                })
                .collect(),
        ));
    }
    blocks.extend(rich(&report.activities));

    blocks.push(Block::Heading(w.results.to_owned()));
    blocks.extend(rich(&report.results));
    if !report.assessment.trim().is_empty() {
        blocks.push(Block::Heading(w.assessment.to_owned()));
        blocks.extend(rich(&report.assessment));
    }
    if !report.proposals.trim().is_empty() {
        blocks.push(Block::Heading(w.proposals.to_owned()));
        blocks.extend(rich(&report.proposals));
    }

    if let Some(table) = money_table(data, language, w) {
        blocks.push(Block::Heading(w.money.to_owned()));
        blocks.push(table);
    }

    let mut photos = Vec::new();
    for (photo, bytes) in &data.photos {
        let Some(bytes) = bytes else {
            return Err(invalid(
                "photos",
                Rule::UnknownRecord,
                format!(
                    "The photo \"{}\" is no longer among the delegation's documents",
                    photo.caption
                ),
            ));
        };
        // The store hands over the print rendition made when the photo was attached; a
        // photo attached before renditions existed (or imported) gets one now.
        let who = crate::image::PhotoRef {
            index: photos.len() + 1,
            caption: &photo.caption,
        };
        let printable = crate::rendition::rendition(bytes, &who).map_err(Error::from)?;
        photos.push(Block::Photo {
            bytes: printable.unwrap_or_else(|| bytes.clone()),
            caption: photo.caption.clone(),
        });
    }
    if !photos.is_empty() {
        blocks.push(Block::Heading(w.photos.to_owned()));
        blocks.extend(photos);
    }

    let country = &data.delegation.country;
    Ok(ReportDocument {
        // The place as the report gives it (the office's English place where the report
        // keeps the office's own, for English).
        heading: Heading {
            place: if english && !settings.place_en.is_empty() && report.place == settings.place {
                settings.place_en.clone()
            } else {
                report.place.clone()
            },
            ..Heading::from_settings(
                settings,
                language,
                number(&report.number)?,
                report.report_date,
                created_at,
            )
        },
        title: None,
        subtitle: format!(
            "{}: {}",
            if abroad {
                w.subtitle_to.replace(
                    "{countries}",
                    &country_names::joined(&delegation.countries(), language),
                )
            } else {
                w.subtitle.to_owned()
            },
            delegation.title
        )
        .replace("{country}", country),
        recipients: lines_in(
            &report.recipients,
            &settings.report_recipients,
            &settings.report_recipients_en,
            language,
        ),
        blocks,
        received_by: lines_in(
            &report.received_by,
            &settings.report_received_by,
            &settings.report_received_by_en,
            language,
        ),
        signature: Signature::in_language(
            &report.signatory_authority,
            &report.signatory_position,
            &report.signatory_name,
            settings,
            language,
        ),
        body_size_pt: 13.0,
    })
}

/// The money summary: actual spending by category and currency, or the estimate when
/// nothing was spent yet, each converted at its own recorded rate.
fn money_table(data: &MissionReportData, language: Language, w: &Words) -> Option<Block> {
    let has_actual = data
        .expenses
        .iter()
        .any(|e| e.expense.kind == ExpenseKind::Actual);
    let kind = if has_actual {
        ExpenseKind::Actual
    } else {
        ExpenseKind::Estimate
    };
    let mut sums: BTreeMap<(String, String), (i64, i64, bool)> = BTreeMap::new();
    for view in data.expenses.iter().filter(|e| e.expense.kind == kind) {
        let e = &view.expense;
        let entry = sums
            .entry((e.category.as_str().to_owned(), e.amount.currency.clone()))
            .or_insert((0, 0, true));
        entry.0 = entry.0.saturating_add(e.amount.minor);
        match view.vnd {
            Some(vnd) => entry.1 = entry.1.saturating_add(vnd),
            None => entry.2 = false,
        }
    }
    if sums.is_empty() {
        return None;
    }
    let category = |c: &str| -> String {
        let vi = matches!(language, Language::Vi);
        match c {
            "airfare" => {
                if vi {
                    "Vé máy bay"
                } else {
                    "Airfare"
                }
            }
            "accommodation" => {
                if vi {
                    "Tiền thuê phòng nghỉ"
                } else {
                    "Accommodation"
                }
            }
            "per_diem" => {
                if vi {
                    "Phụ cấp lưu trú"
                } else {
                    "Per diem"
                }
            }
            "visa" => {
                if vi {
                    "Lệ phí thị thực"
                } else {
                    "Visa"
                }
            }
            "insurance" => {
                if vi {
                    "Bảo hiểm"
                } else {
                    "Insurance"
                }
            }
            "registration" => {
                if vi {
                    "Phí đăng ký"
                } else {
                    "Registration"
                }
            }
            "local_transport" => {
                if vi {
                    "Đi lại tại chỗ"
                } else {
                    "Local transport"
                }
            }
            "gifts" => {
                if vi {
                    "Quà tặng"
                } else {
                    "Gifts"
                }
            }
            "hosting" => {
                if vi {
                    "Chi phí đón tiếp"
                } else {
                    "Hosting"
                }
            }
            _ => {
                if vi {
                    "Khác"
                } else {
                    "Other"
                }
            }
        }
        .to_owned()
    };
    let mut total = 0_i64;
    let mut rows: Vec<Vec<String>> = sums
        .iter()
        .map(|((c, currency), (minor, vnd, complete))| {
            total = total.saturating_add(*vnd);
            vec![
                category(c),
                format!("{} {currency}", amount(*minor, currency, language)),
                if *complete {
                    amount(*vnd, "VND", language)
                } else {
                    "—".to_owned()
                },
            ]
        })
        .collect();
    rows.push(vec![
        w.total.to_owned(),
        String::new(),
        amount(total, "VND", language),
    ]);
    Some(Block::Table {
        columns: Column::all(&w.money_columns, &[3.0, 2.2, 2.2]),
        rows,
    })
}

/// The report as PDF bytes, ready to write to the file the user chose.
pub fn pdf(
    data: &MissionReportData,
    language: Language,
    created_at: DateTime<FixedOffset>,
) -> Result<Vec<u8>, Error> {
    crate::render(&document(data, language, created_at)?).map_err(Error::from)
}

/// The report laid out for the window's preview: exactly the pages the PDF will have.
pub fn preview_of(
    data: &MissionReportData,
    language: Language,
    created_at: DateTime<FixedOffset>,
) -> Result<DocumentPreview, Error> {
    let layout = crate::layout(&document(data, language, created_at)?).map_err(Error::from)?;
    Ok(preview(&layout))
}

/// The layout as boxes the window can draw (SVG), with photos as `data:` URLs.
pub fn preview(layout: &Layout) -> DocumentPreview {
    let images = layout
        .images
        .iter()
        .map(|image| {
            let mime = match image.format {
                ImageFormat::Jpeg { .. } => "image/jpeg",
                _ => "image/png",
            };
            format!(
                "data:{mime};base64,{}",
                base64::engine::general_purpose::STANDARD.encode(&image.bytes)
            )
        })
        .collect();
    let pages = layout
        .pages
        .iter()
        .map(|page| {
            page.items
                .iter()
                .map(|item| match item {
                    Item::Text(run) => PreviewItem::Text {
                        text: run.text.clone(),
                        x: run.x,
                        baseline: run.baseline,
                        size: run.size,
                        bold: matches!(run.face, FontFace::Bold | FontFace::BoldItalic),
                        italic: matches!(run.face, FontFace::Italic | FontFace::BoldItalic),
                        word_gap: run.extra_space,
                    },
                    Item::Rule(rule) => PreviewItem::Rule {
                        x1: rule.x1,
                        y1: rule.y1,
                        x2: rule.x2,
                        y2: rule.y2,
                        thickness: rule.thickness,
                    },
                    Item::Shape(shape) => PreviewItem::Shape {
                        points: shape.points.iter().flat_map(|(x, y)| [*x, *y]).collect(),
                        fill: format!(
                            "rgb({:.0}, {:.0}, {:.0})",
                            shape.fill.r * 255.0,
                            shape.fill.g * 255.0,
                            shape.fill.b * 255.0
                        ),
                    },
                    Item::Image(image) => PreviewItem::Image {
                        image: u32::try_from(image.image).unwrap_or(u32::MAX),
                        x: image.rect.x,
                        y: image.rect.y,
                        width: image.rect.width,
                        height: image.rect.height,
                    },
                })
                .collect()
        })
        .collect();
    DocumentPreview {
        page_width: layout.geometry.width,
        page_height: layout.geometry.height,
        pages,
        images,
        missing_glyphs: layout
            .missing_glyphs
            .iter()
            .map(|c| c.to_string())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_group_digits_the_way_each_language_does() {
        assert_eq!(amount(185_000_000, "VND", Language::Vi), "185.000.000");
        assert_eq!(amount(45_000, "SGD", Language::Vi), "450,00");
        assert_eq!(amount(123_456_789, "USD", Language::En), "1,234,567.89");
        assert_eq!(amount(-5, "USD", Language::En), "-0.05");
    }

    #[test]
    fn numbers_must_be_in_the_official_form() {
        assert_eq!(
            number("05/BC-TVQG").ok(),
            Some(DocumentNumber {
                sequence: 5,
                symbol: "BC-TVQG".into()
            })
        );
        let refused = number("BC 5").err();
        assert_eq!(
            refused.map(|e| e.violations[0].field.clone()),
            Some("number".into())
        );
    }
}
