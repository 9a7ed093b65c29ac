//! Tables written out as XLSX (rust_xlsxwriter) or CSV, for the hotel, the transport team
//! and partners.
//!
//! No formula is ever written. A name or a note that begins with `=`, `+`, `-` or `@` is
//! data typed by a person (or planted by a hostile sheet we imported), and a spreadsheet
//! would evaluate it:
//! - in XLSX every text is a string cell (never a formula cell), and such text also gets
//!   Excel's "quote prefix" style, so that editing the cell does not turn it into a formula;
//! - in CSV, which has no cell types, such text is written with a leading apostrophe
//!   (`'=1+1`), the defence OWASP recommends: spreadsheets show the apostrophe-prefixed text
//!   as text. The apostrophe is visible in the raw file; that is the price of safety, and the
//!   guest-list reader drops it again when a file comes back.
//!
//! CSV is written as UTF-8 with a byte-order mark and `,` separators: without the mark,
//! Excel on Windows reads UTF-8 as a legacy code page and garbles Vietnamese.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook};

use crate::ExchangeError;

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum OutCell {
    Text(String),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    Number(f64),
}

impl OutCell {
    pub fn text(s: impl Into<String>) -> Self {
        Self::Text(s.into())
    }

    /// The cell as CSV text: dates ISO, formulas defused.
    pub fn csv_text(&self) -> String {
        match self {
            OutCell::Text(t) => defuse(t),
            OutCell::Date(d) => d.to_string(),
            OutCell::DateTime(d) => d.format("%Y-%m-%d %H:%M").to_string(),
            OutCell::Number(n) => {
                if n.fract() == 0.0 {
                    format!("{}", *n as i64)
                } else {
                    n.to_string()
                }
            }
        }
    }
}

/// Whether a text would be taken as a formula by a spreadsheet.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// The text as CSV must carry it: with an apostrophe before a would-be formula.
pub fn defuse(text: &str) -> String {
    if looks_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A sheet: a title line, headers and rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The worksheet's name (at most 31 characters; cut if longer).
    pub name: String,
    /// A line above the headers ("Rooming list – Hotel Nikko Hanoi"); empty for none.
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<OutCell>>,
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> ExchangeError {
    ExchangeError::Write(format!("the workbook cannot be written: {e}"))
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, ExchangeError> {
    let year = u16::try_from(d.year())
        .map_err(|_| ExchangeError::Write(format!("{d} is outside what a spreadsheet holds")))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).map_err(xlsx_error)
}

/// The tables as an XLSX workbook, one worksheet each.
pub fn write_xlsx(tables: &[Table]) -> Result<Vec<u8>, ExchangeError> {
    let mut workbook = Workbook::new();
    let title = Format::new().set_bold().set_font_size(13);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin);
    let quoted = cell.clone().set_quote_prefix();
    let date = cell.clone().set_num_format("dd/mm/yyyy");
    let datetime = cell.clone().set_num_format("dd/mm/yyyy hh:mm");
    for table in tables {
        let sheet = workbook.add_worksheet();
        let name: String = table
            .name
            .chars()
            .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
            .take(31)
            .collect();
        if !name.trim().is_empty() {
            sheet.set_name(name.trim()).map_err(xlsx_error)?;
        }
        let mut row: u32 = 0;
        if !table.title.is_empty() {
            sheet
                .write_string_with_format(0, 0, &table.title, &title)
                .map_err(xlsx_error)?;
            row = 2;
        }
        for (c, h) in table.headers.iter().enumerate() {
            sheet
                .write_string_with_format(row, c as u16, h, &header)
                .map_err(xlsx_error)?;
        }
        sheet.set_freeze_panes(row + 1, 0).map_err(xlsx_error)?;
        for values in &table.rows {
            row += 1;
            for (c, value) in values.iter().enumerate() {
                let c = c as u16;
                match value {
                    OutCell::Text(t) => {
                        let format = if looks_like_formula(t) {
                            &quoted
                        } else {
                            &cell
                        };
                        sheet
                            .write_string_with_format(row, c, t, format)
                            .map_err(xlsx_error)?
                    }
                    OutCell::Date(d) => sheet
                        .write_datetime_with_format(row, c, excel_date(*d)?, &date)
                        .map_err(xlsx_error)?,
                    OutCell::DateTime(d) => {
                        let at = excel_date(d.date())?
                            .and_hms(d.hour() as u16, d.minute() as u8, 0)
                            .map_err(xlsx_error)?;
                        sheet
                            .write_datetime_with_format(row, c, at, &datetime)
                            .map_err(xlsx_error)?
                    }
                    OutCell::Number(n) => sheet
                        .write_number_with_format(row, c, *n, &cell)
                        .map_err(xlsx_error)?,
                };
            }
        }
        sheet.autofit();
    }
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// One table as CSV (UTF-8 with a byte-order mark, `,` between fields, no title line).
pub fn write_csv(table: &Table) -> Result<Vec<u8>, ExchangeError> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        let write_error =
            |e: csv::Error| ExchangeError::Write(format!("the CSV cannot be written: {e}"));
        writer
            .write_record(table.headers.iter().map(|h| defuse(h)))
            .map_err(write_error)?;
        for row in &table.rows {
            writer
                .write_record(row.iter().map(OutCell::csv_text))
                .map_err(write_error)?;
        }
        writer
            .flush()
            .map_err(|e| ExchangeError::Write(format!("the CSV cannot be written: {e}")))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn would_be_formulas_are_defused_in_csv() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("+84 912 345 678"), "'+84 912 345 678");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("-2+3"), "'-2+3");
        assert_eq!(defuse("Trần Mỹ Dung"), "Trần Mỹ Dung");
    }
}
