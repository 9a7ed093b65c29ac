//! The cost estimate ("DỰ TOÁN KINH PHÍ ĐOÀN CÔNG TÁC") and the settlement ("BẢNG QUYẾT
//! TOÁN") as official documents: the same head, number line, title and signature block as
//! the mission report, with tables of figures whose header repeats on every page.
//!
//! This module only maps desk-domain values (an [`Estimate`], a [`Settlement`]) to a
//! [`ReportDocument`]; it reads nothing. Amounts print Vietnamese style for VND
//! ("1.234.567 ₫") and with the currency code otherwise ("1,234.50 USD").

use chrono::{DateTime, FixedOffset, NaiveDate};
use desk_domain::money::{HOME_CURRENCY, format_vnd};
use desk_domain::{
    Delegation, Estimate, EstimateFrom, ExpenseCategory, ExpenseKind, Figures, Funding,
    Language as Lang, Money, Settings, Settlement,
};

use crate::labels::lines_in;
use crate::model::{
    Block, Column, DocumentNumber, FigureRow, Heading, Language, ReportDocument, Signature, Span,
};

/// What an official money document needs besides its figures: who issues it, its number,
/// place and date, who signs and who receives copies.
#[derive(Debug, Clone, PartialEq)]
pub struct OfficialHead {
    /// Agency, number (sequence 0 leaves it blank for the clerk), place, date, language.
    pub heading: Heading,
    pub signature: Signature,
    pub received_by: Vec<String>,
}

impl OfficialHead {
    /// The office's settings in `language`, for a document with the number symbol `kind`
    /// ("DT" for an estimate): the symbol takes the agency part of the report numbers
    /// ("BC-TVQG" gives "DT-TVQG").
    pub fn from_settings(
        settings: &Settings,
        language: Language,
        kind: &str,
        sequence: u32,
        date: NaiveDate,
        created_at: DateTime<FixedOffset>,
    ) -> Self {
        let agency_part = settings
            .report_number_prefix
            .split_once('-')
            .map(|(_, rest)| rest)
            .unwrap_or(&settings.report_number_prefix);
        Self {
            heading: Heading::from_settings(
                settings,
                language,
                DocumentNumber {
                    sequence,
                    symbol: format!("{kind}-{agency_part}"),
                },
                date,
                created_at,
            ),
            signature: Signature::from_settings(settings, language),
            received_by: lines_in(
                &settings.report_received_by,
                &settings.report_received_by,
                &settings.report_received_by_en,
                language,
            ),
        }
    }

    fn lang(&self) -> Lang {
        self.heading.language
    }

    fn document(&self, title: &str, subtitle: String, blocks: Vec<Block>) -> ReportDocument {
        ReportDocument {
            heading: self.heading.clone(),
            title: Some(title.to_owned()),
            subtitle,
            recipients: Vec::new(),
            blocks,
            received_by: self.received_by.clone(),
            signature: self.signature.clone(),
            body_size_pt: 13.0,
        }
    }
}

/// A person's name as the paper's language writes names: as recorded in Vietnamese, in the
/// passport form (capitals, no diacritics) in English, like every English paper.
fn person(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => name.to_owned(),
        Lang::En => desk_domain::text::passport_form(name),
    }
}

fn date(d: NaiveDate, vi: bool) -> String {
    if vi {
        d.format("%d/%m/%Y").to_string()
    } else {
        d.format("%d %b %Y").to_string()
    }
}

fn vnd(amount: Option<i64>) -> String {
    amount.map(format_vnd).unwrap_or_default()
}

fn funding(f: Funding, vi: bool) -> &'static str {
    match (f, vi) {
        (Funding::StateBudget, true) => "ngân sách nhà nước",
        (Funding::Sponsored, true) => "tài trợ",
        (Funding::Mixed, true) => "ngân sách nhà nước và tài trợ",
        (Funding::StateBudget, false) => "state budget",
        (Funding::Sponsored, false) => "sponsored",
        (Funding::Mixed, false) => "state budget and sponsor",
    }
}

fn join_money(amounts: &[Money]) -> String {
    amounts
        .iter()
        .map(Money::display)
        .collect::<Vec<_>>()
        .join(" + ")
}

fn trip_paragraph(d: &Delegation, members: usize, vi: bool) -> Block {
    Block::Paragraph(vec![Span::plain(if vi {
        format!(
            "Thời gian: từ {} đến {}; nước đến: {}; số thành viên: {members}; nguồn kinh phí: {}.",
            date(d.starts_on, true),
            date(d.ends_on, true),
            desk_domain::country_names::destinations(&d.destinations(), desk_domain::Language::Vi),
            funding(d.funding, true)
        )
    } else {
        format!(
            "Dates: {} to {}; destination: {}; members: {members}; funding: {}.",
            date(d.starts_on, false),
            date(d.ends_on, false),
            desk_domain::country_names::destinations(&d.destinations(), desk_domain::Language::En),
            funding(d.funding, false)
        )
    })])
}

/// The estimate as an official document: what it is based on (the regulation and its
/// date, the exchange rate with its date and source), one row per line with how it was
/// computed, the totals per currency and in VND, and what was left out and why.
pub fn estimate_document(
    estimate: &Estimate,
    delegation: &Delegation,
    members: usize,
    head: &OfficialHead,
) -> ReportDocument {
    let lang = head.lang();
    let vi = lang == Lang::Vi;
    let all = if vi {
        "Chung cả đoàn"
    } else {
        "Whole delegation"
    };
    let mut blocks = Vec::new();
    blocks.push(Block::Paragraph(vec![
        Span::plain(if vi { "Căn cứ: " } else { "Based on: " }),
        Span::italic(&estimate.table_name),
        Span::plain(if vi {
            format!(" (áp dụng từ {}).", date(estimate.table_valid_from, true))
        } else {
            format!(" (valid from {}).", date(estimate.table_valid_from, false))
        }),
    ]));
    blocks.push(trip_paragraph(delegation, members, vi));
    blocks.push(Block::Paragraph(vec![Span::plain(
        match &estimate.exchange {
            Some(x) if vi => format!(
                "Tỷ giá quy đổi: 1 {} = {} (ngày {}, nguồn: {}).",
                x.currency,
                rate_vnd(&x.rate),
                date(x.date, true),
                x.source
            ),
            Some(x) => format!(
                "Exchange rate: 1 {} = {} (on {}, source: {}).",
                x.currency,
                rate_vnd(&x.rate),
                date(x.date, false),
                x.source
            ),
            None if vi => format!("Chưa có tỷ giá quy đổi {} sang VND.", estimate.currency),
            None => format!(
                "No exchange rate from {} to VND given yet.",
                estimate.currency
            ),
        },
    )]));

    blocks.push(Block::Heading(
        if vi {
            "I. CHI TIẾT DỰ TOÁN"
        } else {
            "I. ESTIMATE IN DETAIL"
        }
        .to_owned(),
    ));
    let columns = if vi {
        vec![
            Column::new("STT", 0.8),
            Column::new("Họ và tên", 2.1),
            Column::new("Khoản chi", 1.6),
            Column::new("Cách tính", 3.2),
            Column::new("Số tiền", 2.1),
            Column::new("Quy ra VND", 2.0),
        ]
    } else {
        vec![
            Column::new("No.", 0.8),
            Column::new("Name", 2.1),
            Column::new("Category", 1.6),
            Column::new("How computed", 3.2),
            Column::new("Amount", 2.1),
            Column::new("In VND", 2.0),
        ]
    };
    let mut rows: Vec<FigureRow> = estimate
        .lines
        .iter()
        .enumerate()
        .map(|(n, l)| {
            FigureRow::new(vec![
                (n + 1).to_string(),
                if l.person_name.is_empty() {
                    all.to_owned()
                } else {
                    person(&l.person_name, lang)
                },
                l.category.label(lang).to_owned(),
                l.explain(lang),
                l.amount.display(),
                vnd(l.vnd),
            ])
        })
        .collect();
    for (i, total) in estimate.totals.iter().enumerate() {
        let label = if vi { "Cộng" } else { "Total" };
        rows.push(FigureRow::total(vec![
            String::new(),
            if i == 0 {
                label.to_owned()
            } else {
                String::new()
            },
            String::new(),
            String::new(),
            total.display(),
            String::new(),
        ]));
    }
    rows.push(FigureRow::total(vec![
        String::new(),
        if vi { "Tổng cộng" } else { "Grand total" }.to_owned(),
        String::new(),
        if vi { "Quy ra VND" } else { "In VND" }.to_owned(),
        String::new(),
        vnd(estimate.total_vnd),
    ]));
    blocks.push(Block::Figures {
        columns,
        numeric: vec![false, false, false, false, true, true],
        rows,
    });
    let total_sentence = match (estimate.total_vnd, vi) {
        (Some(t), true) => format!(
            "Tổng dự toán: {}, quy ra {}.",
            join_money(&estimate.totals),
            format_vnd(t)
        ),
        (Some(t), false) => format!(
            "Estimated total: {}, that is {}.",
            join_money(&estimate.totals),
            format_vnd(t)
        ),
        (None, true) => format!(
            "Tổng dự toán: {} (chưa quy đổi được sang VND: thiếu tỷ giá {}).",
            join_money(&estimate.totals),
            estimate.unconverted.join(", ")
        ),
        (None, false) => format!(
            "Estimated total: {} (not converted to VND: no rate for {}).",
            join_money(&estimate.totals),
            estimate.unconverted.join(", ")
        ),
    };
    blocks.push(Block::Paragraph(vec![Span::bold(total_sentence)]));

    if !estimate.excluded.is_empty() {
        blocks.push(Block::Heading(
            if vi {
                "II. CÁC KHOẢN KHÔNG TÍNH VÀO DỰ TOÁN"
            } else {
                "II. NOT COUNTED IN THE ESTIMATE"
            }
            .to_owned(),
        ));
        let columns = if vi {
            vec![
                Column::new("STT", 0.8),
                Column::new("Họ và tên", 2.1),
                Column::new("Khoản chi", 1.6),
                Column::new("Lý do", 5.2),
                Column::new("Số tiền", 2.1),
            ]
        } else {
            vec![
                Column::new("No.", 0.8),
                Column::new("Name", 2.1),
                Column::new("Category", 1.6),
                Column::new("Reason", 5.2),
                Column::new("Amount", 2.1),
            ]
        };
        let rows = estimate
            .excluded
            .iter()
            .enumerate()
            .map(|(n, l)| {
                FigureRow::new(vec![
                    (n + 1).to_string(),
                    if l.person_name.is_empty() {
                        all.to_owned()
                    } else {
                        person(&l.person_name, lang)
                    },
                    l.category.label(lang).to_owned(),
                    capitalised(&l.explain(lang)),
                    l.amount.as_ref().map(Money::display).unwrap_or_default(),
                ])
            })
            .collect();
        blocks.push(Block::Figures {
            columns,
            numeric: vec![false, false, false, false, true],
            rows,
        });
    }
    head.document(
        if vi {
            "DỰ TOÁN KINH PHÍ ĐOÀN CÔNG TÁC"
        } else {
            "COST ESTIMATE OF THE DELEGATION"
        },
        delegation.title.clone(),
        blocks,
    )
}

/// The sentence with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A rate as printed: "22.300 ₫", "22.310,5 ₫".
fn rate_vnd(rate: &str) -> String {
    let (whole, fraction) = rate.split_once('.').unwrap_or((rate, ""));
    let grouped = whole
        .parse::<i64>()
        .map(format_vnd)
        .unwrap_or_else(|_| format!("{whole} ₫"));
    if fraction.is_empty() {
        grouped
    } else {
        grouped.replace(" ₫", &format!(",{fraction} ₫"))
    }
}

fn figure_cells(f: &Figures) -> [String; 5] {
    let m = |minor: i64| {
        Money {
            currency: f.currency.clone(),
            minor,
        }
        .display()
    };
    [
        m(f.estimate),
        m(f.advance),
        m(f.actual),
        m(f.to_pay),
        m(f.owed_back),
    ]
}

/// The settlement as an official document: per person, per currency and in VND, the
/// estimate, the advance, the actual spending, what is still to pay and what is to pay
/// back; then every line with its receipt.
pub fn settlement_document(
    settlement: &Settlement,
    delegation: &Delegation,
    members: usize,
    head: &OfficialHead,
) -> ReportDocument {
    let lang = head.lang();
    let vi = lang == Lang::Vi;
    let all = if vi {
        "Chung cả đoàn"
    } else {
        "Whole delegation"
    };
    let mut blocks = vec![trip_paragraph(delegation, members, vi)];
    blocks.push(Block::Paragraph(vec![Span::plain(
        match (&settlement.estimate_from, vi) {
            (
                EstimateFrom::Saved {
                    table_name,
                    table_valid_from,
                    ..
                },
                true,
            ) => format!(
                "Dự toán: theo dự toán đã lưu, tính theo {table_name} (áp dụng từ {}).",
                date(*table_valid_from, true)
            ),
            (
                EstimateFrom::Saved {
                    table_name,
                    table_valid_from,
                    ..
                },
                false,
            ) => format!(
                "Estimate: the saved estimate, computed by {table_name} (valid from {}).",
                date(*table_valid_from, false)
            ),
            (EstimateFrom::Entered, true) => "Dự toán: theo các khoản dự toán đã nhập.".to_owned(),
            (EstimateFrom::Entered, false) => "Estimate: the estimate lines entered.".to_owned(),
        },
    )]));

    blocks.push(Block::Heading(
        if vi {
            "I. TỔNG HỢP QUYẾT TOÁN"
        } else {
            "I. SUMMARY"
        }
        .to_owned(),
    ));
    let kinds = [
        ExpenseKind::Estimate,
        ExpenseKind::Advance,
        ExpenseKind::Actual,
    ];
    let mut columns = vec![Column::new(if vi { "Họ và tên" } else { "Name" }, 1.7)];
    columns.extend(kinds.iter().map(|k| Column::new(k.label(lang), 2.0)));
    columns.push(Column::new(
        if vi { "Chi thêm" } else { "Still to pay" },
        2.0,
    ));
    columns.push(Column::new(
        if vi { "Hoàn trả" } else { "To pay back" },
        2.0,
    ));
    let mut rows = Vec::new();
    for party in &settlement.parties {
        let name = if party.name.is_empty() {
            all.to_owned()
        } else {
            person(&party.name, lang)
        };
        if party.by_currency.is_empty() {
            continue;
        }
        for (i, f) in party.by_currency.iter().enumerate() {
            let mut cells = vec![if i == 0 { name.clone() } else { String::new() }];
            cells.extend(figure_cells(f));
            rows.push(FigureRow::new(cells));
        }
        if party
            .by_currency
            .iter()
            .any(|f| f.currency != HOME_CURRENCY)
        {
            let mut cells = vec![if vi { "Quy ra VND" } else { "In VND" }.to_owned()];
            cells.extend(figure_cells(&party.vnd));
            rows.push(FigureRow::new(cells));
        }
    }
    for (i, f) in settlement.by_currency.iter().enumerate() {
        let mut cells = vec![if i == 0 {
            if vi { "Cộng" } else { "Total" }.to_owned()
        } else {
            String::new()
        }];
        cells.extend(figure_cells(f));
        rows.push(FigureRow::total(cells));
    }
    let mut cells = vec![
        if vi {
            "Tổng quy ra VND"
        } else {
            "Total in VND"
        }
        .to_owned(),
    ];
    cells.extend(figure_cells(&settlement.vnd));
    rows.push(FigureRow::total(cells));
    blocks.push(Block::Figures {
        columns,
        numeric: vec![false, true, true, true, true, true],
        rows,
    });
    let v = &settlement.vnd;
    blocks.push(Block::Paragraph(vec![Span::bold(if vi {
        format!(
            "Tổng tạm ứng {}, tổng thực chi {}: {}.",
            format_vnd(v.advance),
            format_vnd(v.actual),
            if v.to_pay > 0 {
                format!("đơn vị chi thêm {}", format_vnd(v.to_pay))
            } else if v.owed_back > 0 {
                format!("người nhận tạm ứng hoàn trả {}", format_vnd(v.owed_back))
            } else {
                "không còn chênh lệch".to_owned()
            }
        )
    } else {
        format!(
            "Advanced {}, spent {}: {}.",
            format_vnd(v.advance),
            format_vnd(v.actual),
            if v.to_pay > 0 {
                format!("{} still to pay", format_vnd(v.to_pay))
            } else if v.owed_back > 0 {
                format!("{} to pay back", format_vnd(v.owed_back))
            } else {
                "nothing left to settle".to_owned()
            }
        )
    })]));
    if settlement.missing_receipts > 0 {
        blocks.push(Block::Paragraph(vec![Span::italic(if vi {
            format!(
                "Lưu ý: {} khoản thực chi chưa có chứng từ.",
                settlement.missing_receipts
            )
        } else {
            format!(
                "Note: {} actual expenses have no receipt yet.",
                settlement.missing_receipts
            )
        })]));
    }
    if settlement.unconverted > 0 {
        blocks.push(Block::Paragraph(vec![Span::italic(if vi {
            format!(
                "Lưu ý: {} khoản ngoại tệ chưa có tỷ giá, không tính vào số quy ra VND.",
                settlement.unconverted
            )
        } else {
            format!(
                "Note: {} foreign amounts have no rate and are left out of the VND figures.",
                settlement.unconverted
            )
        })]));
    }

    blocks.push(Block::Heading(
        if vi {
            "II. CHI TIẾT CÁC KHOẢN"
        } else {
            "II. LINES"
        }
        .to_owned(),
    ));
    let columns = if vi {
        vec![
            Column::new("STT", 0.9),
            Column::new("Họ và tên", 2.0),
            Column::new("Loại", 1.2),
            Column::new("Khoản chi, nội dung", 2.8),
            Column::new("Số tiền", 2.0),
            Column::new("Quy ra VND", 2.0),
            Column::new("Chứng từ", 1.4),
        ]
    } else {
        vec![
            Column::new("No.", 0.9),
            Column::new("Name", 2.0),
            Column::new("Kind", 1.2),
            Column::new("Category, description", 2.8),
            Column::new("Amount", 2.0),
            Column::new("In VND", 2.0),
            Column::new("Receipt", 1.4),
        ]
    };
    let rows = settlement
        .lines
        .iter()
        .enumerate()
        .map(|(n, l)| {
            let what = if l.description.is_empty() {
                l.category.label(lang).to_owned()
            } else {
                format!("{}: {}", l.category.label(lang), l.description)
            };
            let receipt = match (l.kind, &l.receipt_id, vi) {
                // The per diem is a flat allowance: no receipt is asked for.
                (ExpenseKind::Actual, None, true) if l.category == ExpenseCategory::PerDiem => {
                    "Khoán"
                }
                (ExpenseKind::Actual, None, false) if l.category == ExpenseCategory::PerDiem => {
                    "Flat rate"
                }
                (ExpenseKind::Actual, Some(_), true) => "Có",
                (ExpenseKind::Actual, Some(_), false) => "Yes",
                (ExpenseKind::Actual, None, true) => "Chưa có",
                (ExpenseKind::Actual, None, false) => "Missing",
                _ => "",
            };
            FigureRow::new(vec![
                (n + 1).to_string(),
                if l.person_name.is_empty() {
                    all.to_owned()
                } else {
                    person(&l.person_name, lang)
                },
                l.kind.label(lang).to_owned(),
                what,
                l.amount.display(),
                vnd(l.vnd),
                receipt.to_owned(),
            ])
        })
        .collect();
    blocks.push(Block::Figures {
        columns,
        numeric: vec![false, false, false, false, true, true, false],
        rows,
    });
    head.document(
        if vi {
            "BẢNG QUYẾT TOÁN"
        } else {
            "SETTLEMENT"
        },
        if vi {
            format!("Kinh phí đoàn công tác: {}", delegation.title)
        } else {
            format!("Expenses of the delegation: {}", delegation.title)
        },
        blocks,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_print_vietnamese_style() {
        assert_eq!(rate_vnd("22300"), "22.300 ₫");
        assert_eq!(rate_vnd("22310.5"), "22.310,5 ₫");
    }
}
