//! Estimates and settlements as XLSX workbooks for the accounting office.
//!
//! Every amount is a number cell with a number format of its currency's decimals
//! (`#,##0` for VND, `#,##0.00` for USD), so it can be added up in the spreadsheet; dates
//! are date cells. Text from users (names, descriptions, explanations) is always written as
//! a string cell, never as a formula, so a description such as `=HYPERLINK(...)` or
//! `+84 24...` shows as typed and runs nothing. No formula is written at all: totals are
//! computed exactly here, in integers.

use chrono::{Datelike, NaiveDate};
use desk_domain::money::{HOME_CURRENCY, minor_digits};
use desk_domain::{
    Delegation, Error, ErrorKind, Estimate, ExpenseKind, Figures, Language, Money, Settlement,
};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

fn failed(e: XlsxError) -> Error {
    Error::new(
        ErrorKind::Internal,
        format!("cannot write the workbook: {e}"),
    )
}

/// Fixed words of the two workbooks.
struct Words {
    estimate_title: &'static str,
    settlement_title: &'static str,
    delegation: &'static str,
    dates: &'static str,
    country: &'static str,
    table: &'static str,
    valid_from: &'static str,
    rate: &'static str,
    rate_date: &'static str,
    rate_source: &'static str,
    estimate_from: &'static str,
    entered_estimate: &'static str,
    no: &'static str,
    person: &'static str,
    category: &'static str,
    how: &'static str,
    amount: &'static str,
    currency: &'static str,
    vnd: &'static str,
    total: &'static str,
    whole_delegation: &'static str,
    left_out: &'static str,
    reason: &'static str,
    kind: &'static str,
    description: &'static str,
    spent_on: &'static str,
    receipt: &'static str,
    yes: &'static str,
    no_receipt: &'static str,
    flat_rate: &'static str,
    converted: &'static str,
    to_pay: &'static str,
    owed_back: &'static str,
    missing_receipts: &'static str,
    summary_sheet: &'static str,
    lines_sheet: &'static str,
    estimate_sheet: &'static str,
}

const VI: Words = Words {
    estimate_title: "DỰ TOÁN KINH PHÍ ĐOÀN CÔNG TÁC",
    settlement_title: "BẢNG QUYẾT TOÁN",
    delegation: "Đoàn",
    dates: "Thời gian",
    country: "Nước đến",
    table: "Bảng định mức",
    valid_from: "Áp dụng từ",
    rate: "Tỷ giá",
    rate_date: "Ngày tỷ giá",
    rate_source: "Nguồn tỷ giá",
    estimate_from: "Dự toán theo",
    entered_estimate: "Các khoản dự toán nhập tay",
    no: "STT",
    person: "Họ và tên",
    category: "Khoản chi",
    how: "Cách tính",
    amount: "Số tiền",
    currency: "Loại tiền",
    vnd: "Thành tiền (VND)",
    total: "Tổng cộng",
    whole_delegation: "Chung cả đoàn",
    left_out: "Các khoản không tính",
    reason: "Lý do",
    kind: "Loại",
    description: "Nội dung",
    spent_on: "Ngày chi",
    receipt: "Chứng từ",
    yes: "Có",
    no_receipt: "Chưa có",
    flat_rate: "Khoán",
    converted: "Quy ra VND",
    to_pay: "Chi thêm",
    owed_back: "Hoàn trả",
    missing_receipts: "Thiếu chứng từ",
    summary_sheet: "Tổng hợp",
    lines_sheet: "Chi tiết",
    estimate_sheet: "Dự toán",
};

const EN: Words = Words {
    estimate_title: "COST ESTIMATE OF THE DELEGATION",
    settlement_title: "SETTLEMENT",
    delegation: "Delegation",
    dates: "Dates",
    country: "Destination",
    table: "Rate table",
    valid_from: "Valid from",
    rate: "Exchange rate",
    rate_date: "Rate date",
    rate_source: "Rate source",
    estimate_from: "Estimate from",
    entered_estimate: "Estimate lines entered by hand",
    no: "No.",
    person: "Name",
    category: "Category",
    how: "How computed",
    amount: "Amount",
    currency: "Currency",
    vnd: "Amount (VND)",
    total: "Total",
    whole_delegation: "Whole delegation",
    left_out: "Not counted",
    reason: "Reason",
    kind: "Kind",
    description: "Description",
    spent_on: "Date",
    receipt: "Receipt",
    yes: "Yes",
    no_receipt: "Missing",
    flat_rate: "Flat rate",
    converted: "VND (converted)",
    to_pay: "Still to pay",
    owed_back: "To pay back",
    missing_receipts: "Missing receipts",
    summary_sheet: "Summary",
    lines_sheet: "Lines",
    estimate_sheet: "Estimate",
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::Vi => &VI,
        Language::En => &EN,
    }
}

/// The cell formats one workbook uses.
struct Formats {
    bold: Format,
    header: Format,
    date: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            bold: Format::new().set_bold(),
            header: Format::new().set_bold().set_text_wrap(),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            wrap: Format::new().set_text_wrap(),
        }
    }

    /// `#,##0` with the currency's decimals.
    fn amount(currency: &str, bold: bool) -> Format {
        let digits = minor_digits(currency).unwrap_or(2) as usize;
        let pattern = if digits == 0 {
            "#,##0".to_owned()
        } else {
            format!("#,##0.{}", "0".repeat(digits))
        };
        let format = Format::new().set_num_format(pattern);
        if bold { format.set_bold() } else { format }
    }
}

/// The amount in major units as the spreadsheet's number: the nearest double to the exact
/// decimal, which is what typing it into a cell gives.
pub fn major_number(currency: &str, minor: i64) -> f64 {
    let digits = minor_digits(currency).unwrap_or(2);
    minor as f64 / 10_f64.powi(digits as i32)
}

/// A sheet being filled row by row.
struct Sheet<'a> {
    ws: &'a mut Worksheet,
    row: u32,
}

impl Sheet<'_> {
    /// User text, always as a string cell (never a formula, whatever it starts with).
    fn text(&mut self, col: u16, text: &str) -> Result<(), Error> {
        if !text.is_empty() {
            self.ws.write_string(self.row, col, text).map_err(failed)?;
        }
        Ok(())
    }

    fn text_with(&mut self, col: u16, text: &str, format: &Format) -> Result<(), Error> {
        self.ws
            .write_string_with_format(self.row, col, text, format)
            .map_err(failed)?;
        Ok(())
    }

    fn money(&mut self, col: u16, amount: &Money, bold: bool) -> Result<(), Error> {
        self.ws
            .write_number_with_format(
                self.row,
                col,
                major_number(&amount.currency, amount.minor),
                &Formats::amount(&amount.currency, bold),
            )
            .map_err(failed)?;
        Ok(())
    }

    fn vnd(&mut self, col: u16, dong: Option<i64>, bold: bool) -> Result<(), Error> {
        match dong {
            Some(d) => self.money(
                col,
                &Money {
                    currency: HOME_CURRENCY.to_owned(),
                    minor: d,
                },
                bold,
            ),
            None => Ok(()),
        }
    }

    fn number(&mut self, col: u16, value: f64) -> Result<(), Error> {
        self.ws.write_number(self.row, col, value).map_err(failed)?;
        Ok(())
    }

    fn date(&mut self, col: u16, day: Option<NaiveDate>, f: &Formats) -> Result<(), Error> {
        let Some(day) = day else { return Ok(()) };
        let cell = ExcelDateTime::from_ymd(
            u16::try_from(day.year()).unwrap_or(1900),
            u8::try_from(day.month()).unwrap_or(1),
            u8::try_from(day.day()).unwrap_or(1),
        )
        .map_err(failed)?;
        self.ws
            .write_datetime_with_format(self.row, col, &cell, &f.date)
            .map_err(failed)?;
        Ok(())
    }

    /// A label in column A, bold, and its value in column B.
    fn pair(&mut self, label: &str, value: &str, f: &Formats) -> Result<(), Error> {
        self.text_with(0, label, &f.bold)?;
        self.text(1, value)?;
        self.row += 1;
        Ok(())
    }

    fn header(&mut self, titles: &[&str], f: &Formats) -> Result<(), Error> {
        for (col, title) in (0_u16..).zip(titles) {
            self.text_with(col, title, &f.header)?;
        }
        self.row += 1;
        Ok(())
    }

    fn widths(&mut self, widths: &[f64]) -> Result<(), Error> {
        for (col, width) in (0_u16..).zip(widths) {
            self.ws.set_column_width(col, *width).map_err(failed)?;
        }
        Ok(())
    }
}

fn rate_number(rate: &str) -> Option<f64> {
    desk_domain::money::parse_rate(rate).and_then(|r| r.to_string().parse().ok())
}

fn delegation_rows(s: &mut Sheet<'_>, d: &Delegation, w: &Words, f: &Formats) -> Result<(), Error> {
    s.pair(w.delegation, &d.title, f)?;
    s.pair(
        w.dates,
        &format!(
            "{} – {}",
            d.starts_on.format("%d/%m/%Y"),
            d.ends_on.format("%d/%m/%Y")
        ),
        f,
    )?;
    s.pair(w.country, &d.country, f)
}

fn name_or_all<'a>(name: &'a str, w: &'a Words) -> &'a str {
    if name.is_empty() {
        w.whole_delegation
    } else {
        name
    }
}

/// The estimate as a workbook: a header naming the delegation, the rate table and the
/// exchange rate, one row per line with how it was computed, totals per currency and in
/// VND, and the lines not counted with the reason.
pub fn estimate_xlsx(
    estimate: &Estimate,
    delegation: &Delegation,
    language: Language,
) -> Result<Vec<u8>, Error> {
    let w = words(language);
    let f = Formats::new();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(w.estimate_sheet).map_err(failed)?;
    let mut s = Sheet { ws, row: 0 };
    s.widths(&[6.0, 28.0, 22.0, 52.0, 14.0, 9.0, 11.0, 16.0])?;
    s.text_with(0, w.estimate_title, &f.bold)?;
    s.row += 2;
    delegation_rows(&mut s, delegation, w, &f)?;
    s.pair(w.table, &estimate.table_name, &f)?;
    s.text_with(0, w.valid_from, &f.bold)?;
    s.date(1, Some(estimate.table_valid_from), &f)?;
    s.row += 1;
    if let Some(x) = &estimate.exchange {
        s.text_with(0, w.rate, &f.bold)?;
        if let Some(rate) = rate_number(&x.rate) {
            s.number(1, rate)?;
        }
        s.text(2, &format!("VND / {}", x.currency))?;
        s.row += 1;
        s.text_with(0, w.rate_date, &f.bold)?;
        s.date(1, Some(x.date), &f)?;
        s.row += 1;
        s.pair(w.rate_source, &x.source, &f)?;
    }
    s.row += 1;
    s.header(
        &[
            w.no, w.person, w.category, w.how, w.amount, w.currency, w.rate, w.vnd,
        ],
        &f,
    )?;
    for (n, line) in estimate.lines.iter().enumerate() {
        s.number(0, (n + 1) as f64)?;
        s.text(1, name_or_all(&line.person_name, w))?;
        s.text(2, line.category.label(language))?;
        s.text_with(3, &line.explain(language), &f.wrap)?;
        s.money(4, &line.amount, false)?;
        s.text(5, &line.amount.currency)?;
        if let Some(rate) = rate_number(&line.rate) {
            s.number(6, rate)?;
        }
        s.vnd(7, line.vnd, false)?;
        s.row += 1;
    }
    for (i, total) in estimate.totals.iter().enumerate() {
        if i == 0 {
            s.text_with(1, w.total, &f.bold)?;
        }
        s.money(4, total, true)?;
        s.text_with(5, &total.currency, &f.bold)?;
        s.row += 1;
    }
    if estimate.totals.is_empty() {
        s.text_with(1, w.total, &f.bold)?;
        s.row += 1;
    }
    s.text_with(6, w.vnd, &f.bold)?;
    s.vnd(7, estimate.total_vnd, true)?;
    s.row += 2;

    if !estimate.excluded.is_empty() {
        s.text_with(0, w.left_out, &f.bold)?;
        s.row += 1;
        s.header(
            &[w.no, w.person, w.category, w.reason, w.amount, w.currency],
            &f,
        )?;
        for (n, line) in estimate.excluded.iter().enumerate() {
            s.number(0, (n + 1) as f64)?;
            s.text(1, name_or_all(&line.person_name, w))?;
            s.text(2, line.category.label(language))?;
            s.text_with(3, &line.explain(language), &f.wrap)?;
            if let Some(amount) = &line.amount {
                s.money(4, amount, false)?;
                s.text(5, &amount.currency)?;
            }
            s.row += 1;
        }
    }
    book.save_to_buffer().map_err(failed)
}

/// One row of the summary: `currency` is the figures' own, or "VND (converted)" for the
/// sum of everything converted to VND.
fn figure_row(
    s: &mut Sheet<'_>,
    name: &str,
    currency: &str,
    figures: &Figures,
    missing: Option<u32>,
) -> Result<(), Error> {
    s.text(0, name)?;
    s.text(1, currency)?;
    let bold = figures.currency == HOME_CURRENCY;
    for (col, minor) in [
        (2, figures.estimate),
        (3, figures.advance),
        (4, figures.actual),
        (5, figures.to_pay),
        (6, figures.owed_back),
    ] {
        s.money(
            col,
            &Money {
                currency: figures.currency.clone(),
                minor,
            },
            bold,
        )?;
    }
    if let Some(m) = missing {
        s.number(7, f64::from(m))?;
    }
    s.row += 1;
    Ok(())
}

/// The settlement as a workbook: a summary sheet (per person and currency, and in VND:
/// estimate, advance, actual, still to pay, to pay back) and a sheet of every line with its
/// rate and receipt.
pub fn settlement_xlsx(
    settlement: &Settlement,
    delegation: &Delegation,
    language: Language,
) -> Result<Vec<u8>, Error> {
    let w = words(language);
    let f = Formats::new();
    let mut book = Workbook::new();

    let ws = book.add_worksheet();
    ws.set_name(w.summary_sheet).map_err(failed)?;
    let mut s = Sheet { ws, row: 0 };
    s.widths(&[30.0, 10.0, 16.0, 16.0, 16.0, 16.0, 16.0, 12.0])?;
    s.text_with(0, w.settlement_title, &f.bold)?;
    s.row += 2;
    delegation_rows(&mut s, delegation, w, &f)?;
    let from = match &settlement.estimate_from {
        desk_domain::EstimateFrom::Saved {
            table_name,
            table_valid_from,
            saved_at,
            ..
        } => format!(
            "{table_name} ({} {}), {}",
            w.valid_from.to_lowercase(),
            table_valid_from.format("%d/%m/%Y"),
            saved_at.get(..10).unwrap_or(saved_at)
        ),
        desk_domain::EstimateFrom::Entered => w.entered_estimate.to_owned(),
    };
    s.pair(w.estimate_from, &from, &f)?;
    s.row += 1;
    let kinds = [
        ExpenseKind::Estimate,
        ExpenseKind::Advance,
        ExpenseKind::Actual,
    ];
    let mut titles = vec![w.person, w.currency];
    titles.extend(kinds.iter().map(|k| k.label(language)));
    titles.extend([w.to_pay, w.owed_back, w.missing_receipts]);
    s.header(&titles, &f)?;
    for party in &settlement.parties {
        let name = name_or_all(&party.name, w);
        for figures in &party.by_currency {
            figure_row(&mut s, name, &figures.currency, figures, None)?;
        }
        figure_row(
            &mut s,
            name,
            w.converted,
            &party.vnd,
            Some(party.missing_receipts),
        )?;
    }
    s.row += 1;
    for figures in &settlement.by_currency {
        figure_row(&mut s, w.total, &figures.currency, figures, None)?;
    }
    figure_row(
        &mut s,
        w.total,
        w.converted,
        &settlement.vnd,
        Some(settlement.missing_receipts),
    )?;

    let ws = book.add_worksheet();
    ws.set_name(w.lines_sheet).map_err(failed)?;
    let mut s = Sheet { ws, row: 0 };
    s.widths(&[
        6.0, 28.0, 11.0, 22.0, 48.0, 12.0, 14.0, 9.0, 11.0, 12.0, 16.0, 10.0,
    ])?;
    s.header(
        &[
            w.no,
            w.person,
            w.kind,
            w.category,
            w.description,
            w.spent_on,
            w.amount,
            w.currency,
            w.rate,
            w.rate_date,
            w.vnd,
            w.receipt,
        ],
        &f,
    )?;
    for (n, line) in settlement.lines.iter().enumerate() {
        s.number(0, (n + 1) as f64)?;
        s.text(1, name_or_all(&line.person_name, w))?;
        s.text(2, line.kind.label(language))?;
        s.text(3, line.category.label(language))?;
        s.text_with(4, &line.description, &f.wrap)?;
        s.date(5, line.spent_on, &f)?;
        s.money(6, &line.amount, false)?;
        s.text(7, &line.amount.currency)?;
        if let Some(rate) = rate_number(&line.rate_to_vnd) {
            s.number(8, rate)?;
        }
        s.date(9, line.rate_date, &f)?;
        s.vnd(10, line.vnd, false)?;
        if line.kind == ExpenseKind::Actual {
            let receipt = match (&line.receipt_id, line.category) {
                (Some(_), _) => w.yes,
                // The per diem is a flat allowance: no receipt is asked for.
                (None, desk_domain::ExpenseCategory::PerDiem) => w.flat_rate,
                (None, _) => w.no_receipt,
            };
            s.text(11, receipt)?;
        }
        s.row += 1;
    }
    book.save_to_buffer().map_err(failed)
}
