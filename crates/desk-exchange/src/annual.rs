//! The annual statistics as a workbook: one sheet per table of the annual report, numbers
//! written as numbers (counts, VND amounts, day counts; dates as dates), so the ministry's
//! spreadsheet can add them up again.

use chrono::{Datelike, NaiveDate};
use desk_domain::stats::{DelegationLine, ReportState, StatsBucket, StatsMetric, YearStats};
use desk_domain::{Direction, Language};
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::ExchangeError;

/// Sheet names, headings and the names of closed sets, in one language.
struct Words {
    /// Names the closed sets the domain labels itself (funding, indicators).
    language: Language,
    sheets: [&'static str; 12],
    summary: [&'static str; 5],
    period: [&'static str; 4],
    month: [&'static str; 5],
    bucket: [&'static str; 6],
    country: &'static str,
    organisation: &'static str,
    event: &'static str,
    funding: [&'static str; 7],
    total: &'static str,
    person: [&'static str; 5],
    unit: [&'static str; 4],
    reports: [&'static str; 3],
    states: [(ReportState, &'static str); 5],
    delegation: [&'static str; 18],
    directions: [&'static str; 2],
    unconverted: [&'static str; 5],
}

const VI: Words = Words {
    language: Language::Vi,
    sheets: [
        "Tổng hợp",
        "Theo tháng",
        "Theo quốc gia",
        "Theo đối tác",
        "Theo sự kiện",
        "Theo nguồn kinh phí",
        "Ngày-người theo người",
        "Ngày-người theo đơn vị",
        "Báo cáo",
        "Đoàn đã hủy",
        "Danh sách đoàn",
        "Chưa quy đổi",
    ],
    summary: [
        "Chỉ tiêu",
        "Kỳ này",
        "Kỳ trước",
        "Tăng/giảm",
        "Tăng/giảm (%)",
    ],
    period: [
        "Từ ngày",
        "Đến ngày",
        "Kỳ trước từ ngày",
        "Số liệu tính đến ngày",
    ],
    month: ["Tháng", "Đoàn ra", "Đoàn vào", "Tổng", "Mã các đoàn"],
    bucket: ["STT", "", "Đoàn ra", "Đoàn vào", "Tổng", "Lượt người"],
    country: "Quốc gia",
    organisation: "Đối tác",
    event: "Sự kiện",
    funding: [
        "Nguồn kinh phí",
        "Đoàn ra",
        "Đoàn vào",
        "Tổng",
        "Thực chi (đồng)",
        "Dự toán (đồng)",
        "Kinh phí (đồng)",
    ],
    total: "Tổng cộng",
    person: ["STT", "Họ và tên", "Đơn vị", "Lượt", "Ngày-người"],
    unit: ["STT", "Đơn vị", "Số người", "Lượt"],
    reports: ["Tình trạng", "Số đoàn", "Mã các đoàn"],
    states: [
        (ReportState::OnTime, "Đúng hạn"),
        (ReportState::Late, "Trễ hạn"),
        (ReportState::LateUnfiled, "Quá hạn, chưa nộp"),
        (ReportState::Pending, "Chưa đến hạn"),
        (ReportState::NotRequired, "Không phải nộp"),
    ],
    delegation: [
        "STT",
        "Tên đoàn",
        "Loại",
        "Quốc gia",
        "Thành phố",
        "Đối tác",
        "Sự kiện",
        "Từ ngày",
        "Đến ngày",
        "Trạng thái",
        "Nguồn kinh phí",
        "Số người",
        "Ngày-người ở nước ngoài",
        "Thực chi (đồng)",
        "Dự toán (đồng)",
        "Kinh phí (đồng)",
        "Báo cáo",
        "Mã đoàn",
    ],
    directions: ["Đoàn ra", "Đoàn vào"],
    unconverted: ["Mã khoản chi", "Mã đoàn", "Loại", "Số tiền", "Loại tiền"],
};

const EN: Words = Words {
    language: Language::En,
    sheets: [
        "Summary",
        "By month",
        "By country",
        "By partner",
        "By event",
        "By funding",
        "Days abroad by person",
        "Days abroad by unit",
        "Reports",
        "Cancelled",
        "Delegations",
        "Unconverted",
    ],
    summary: [
        "Figure",
        "This period",
        "Previous period",
        "Change",
        "Change (%)",
    ],
    period: ["From", "To", "Previous period from", "Figures as of"],
    month: [
        "Month",
        "Sent abroad",
        "Received",
        "Total",
        "Delegation ids",
    ],
    bucket: ["No.", "", "Sent abroad", "Received", "Total", "Trips"],
    country: "Country",
    organisation: "Partner",
    event: "Event",
    funding: [
        "Funding",
        "Sent abroad",
        "Received",
        "Total",
        "Actual (VND)",
        "Estimate (VND)",
        "Cost (VND)",
    ],
    total: "Total",
    person: ["No.", "Full name", "Unit", "Trips", "Person-days"],
    unit: ["No.", "Unit", "People", "Trips"],
    reports: ["State", "Delegations", "Delegation ids"],
    states: [
        (ReportState::OnTime, "On time"),
        (ReportState::Late, "Late"),
        (ReportState::LateUnfiled, "Overdue, not filed"),
        (ReportState::Pending, "Not yet due"),
        (ReportState::NotRequired, "Not required"),
    ],
    delegation: [
        "No.",
        "Delegation",
        "Type",
        "Country",
        "Cities",
        "Partner",
        "Event",
        "From",
        "To",
        "Status",
        "Funding",
        "Members",
        "Person-days abroad",
        "Actual (VND)",
        "Estimate (VND)",
        "Cost (VND)",
        "Report",
        "Delegation id",
    ],
    directions: ["Sent abroad", "Received"],
    unconverted: ["Expense id", "Delegation id", "Kind", "Amount", "Currency"],
};

impl From<XlsxError> for ExchangeError {
    fn from(e: XlsxError) -> Self {
        ExchangeError::Write(e.to_string())
    }
}

/// Formats shared by every sheet.
struct Styles {
    header: Format,
    count: Format,
    vnd: Format,
    date: Format,
    percent: Format,
}

impl Styles {
    fn new() -> Self {
        Self {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_border_bottom(FormatBorder::Thin),
            count: Format::new().set_num_format("0"),
            vnd: Format::new().set_num_format("#,##0"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            percent: Format::new().set_num_format("0.0%"),
        }
    }
}

/// A sheet being filled row by row.
struct Sheet<'a> {
    sheet: &'a mut Worksheet,
    styles: &'a Styles,
    row: u32,
}

/// One cell's value and how to write it.
enum Cell {
    Text(String),
    Count(i64),
    Vnd(i64),
    Date(NaiveDate),
    Percent(f64),
    /// A number in the General format (an amount in a foreign currency).
    Number(f64),
    Empty,
}

impl Sheet<'_> {
    fn header(&mut self, titles: &[&str], widths: &[f64]) -> Result<(), ExchangeError> {
        for (col, title) in titles.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            self.sheet
                .write_string_with_format(self.row, col, *title, &self.styles.header)?;
            if let Some(width) = widths.get(usize::from(col)) {
                self.sheet.set_column_width(col, *width)?;
            }
        }
        self.sheet.set_freeze_panes(self.row + 1, 0)?;
        self.row += 1;
        Ok(())
    }

    fn row(&mut self, cells: Vec<Cell>) -> Result<(), ExchangeError> {
        for (col, cell) in cells.into_iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            let (row, s) = (self.row, self.styles);
            match cell {
                Cell::Text(text) => {
                    self.sheet.write_string(row, col, text)?;
                }
                // Counts and dong are whole numbers far below 2^53, exact as doubles.
                Cell::Count(n) => {
                    self.sheet
                        .write_number_with_format(row, col, n as f64, &s.count)?;
                }
                Cell::Vnd(n) => {
                    self.sheet
                        .write_number_with_format(row, col, n as f64, &s.vnd)?;
                }
                Cell::Date(day) => {
                    let date = ExcelDateTime::from_ymd(
                        u16::try_from(day.year()).unwrap_or(1900),
                        u8::try_from(day.month()).unwrap_or(1),
                        u8::try_from(day.day()).unwrap_or(1),
                    )?;
                    self.sheet
                        .write_datetime_with_format(row, col, &date, &s.date)?;
                }
                Cell::Percent(p) => {
                    self.sheet
                        .write_number_with_format(row, col, p, &s.percent)?;
                }
                Cell::Number(n) => {
                    self.sheet.write_number(row, col, n)?;
                }
                Cell::Empty => {}
            }
        }
        self.row += 1;
        Ok(())
    }
}

/// The `index`th sheet of the book, to fill from its first row.
fn open<'a>(
    book: &'a mut Workbook,
    styles: &'a Styles,
    index: usize,
) -> Result<Sheet<'a>, ExchangeError> {
    Ok(Sheet {
        sheet: book.worksheet_from_index(index)?,
        styles,
        row: 0,
    })
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn count(n: u32) -> Cell {
    Cell::Count(i64::from(n))
}

fn name_of<T: PartialEq + Copy>(names: &[(T, &'static str)], value: T) -> &'static str {
    names
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |(_, n)| n)
}

fn buckets(
    sheet: &mut Sheet<'_>,
    w: &Words,
    name: &str,
    buckets: &[StatsBucket],
) -> Result<(), ExchangeError> {
    let mut titles = w.bucket;
    titles[1] = name;
    sheet.header(&titles, &[6.0, 45.0, 12.0, 12.0, 10.0, 12.0])?;
    for (n, b) in buckets.iter().enumerate() {
        sheet.row(vec![
            Cell::Count(n as i64 + 1),
            text(b.label.clone()),
            count(b.outgoing.count),
            count(b.incoming.count),
            count(b.total),
            count(b.trips),
        ])?;
    }
    Ok(())
}

fn delegation_rows(
    sheet: &mut Sheet<'_>,
    w: &Words,
    lines: &[DelegationLine],
) -> Result<(), ExchangeError> {
    sheet.header(
        &w.delegation,
        &[
            6.0, 50.0, 12.0, 9.0, 18.0, 30.0, 25.0, 12.0, 12.0, 11.0, 22.0, 9.0, 12.0, 16.0, 16.0,
            16.0, 18.0, 38.0,
        ],
    )?;
    for (n, l) in lines.iter().enumerate() {
        sheet.row(vec![
            Cell::Count(n as i64 + 1),
            text(l.title.clone()),
            text(match l.direction {
                Direction::Outgoing => w.directions[0],
                Direction::Incoming => w.directions[1],
            }),
            text(l.countries().join(", ")),
            text(l.all_cities()),
            text(l.organisation.clone()),
            text(l.event.clone()),
            Cell::Date(l.starts_on),
            Cell::Date(l.ends_on),
            text(l.status.as_str()),
            text(l.funding.label(w.language)),
            count(l.members),
            count(l.person_days),
            Cell::Vnd(l.actual_vnd),
            Cell::Vnd(l.estimate_vnd),
            Cell::Vnd(l.cost_vnd),
            text(name_of(&w.states, l.report)),
            text(l.id.clone()),
        ])?;
    }
    Ok(())
}

/// The statistics as an XLSX workbook, its sheet names and headings in `language`.
///
/// Sheets, in order: summary (with the previous period and the change), by month, by
/// country, by partner, by event, by funding (with VND), person-days by person and by
/// unit, reports by state, cancelled delegations, every counted delegation, and expenses
/// left unconverted for want of a rate.
pub fn annual_workbook(stats: &YearStats, language: Language) -> Result<Vec<u8>, ExchangeError> {
    let w = match language {
        Language::Vi => &VI,
        Language::En => &EN,
    };
    let styles = Styles::new();
    let mut book = Workbook::new();
    for name in w.sheets {
        book.add_worksheet().set_name(name)?;
    }
    let mut next = 0..;
    let mut sheet = || next.next().unwrap_or(0);

    {
        let mut s = open(&mut book, &styles, sheet())?;
        s.row(vec![text(w.period[0]), Cell::Date(stats.range.from)])?;
        s.row(vec![text(w.period[1]), Cell::Date(stats.range.to)])?;
        s.row(vec![
            text(w.period[2]),
            Cell::Date(stats.previous_range.from),
            Cell::Date(stats.previous_range.to),
        ])?;
        s.row(vec![text(w.period[3]), Cell::Date(stats.as_of)])?;
        s.row(vec![])?;
        s.header(&w.summary, &[36.0, 18.0, 18.0, 18.0, 14.0])?;
        for c in &stats.changes {
            let money = matches!(
                c.metric,
                StatsMetric::ActualVnd | StatsMetric::EstimateVnd | StatsMetric::CostVnd
            );
            let number = |n: i64| if money { Cell::Vnd(n) } else { Cell::Count(n) };
            s.row(vec![
                text(c.metric.label(w.language)),
                number(c.current),
                number(c.previous),
                number(c.delta),
                c.percent
                    .and_then(|p| p.to_f64())
                    .map_or(Cell::Empty, |p| Cell::Percent(p / 100.0)),
            ])?;
        }
    }
    {
        let mut s = open(&mut book, &styles, sheet())?;
        s.header(&w.month, &[10.0, 12.0, 12.0, 10.0, 60.0])?;
        for m in &stats.by_month {
            let ids: Vec<&str> = m
                .outgoing
                .delegation_ids
                .iter()
                .chain(&m.incoming.delegation_ids)
                .map(String::as_str)
                .collect();
            s.row(vec![
                text(m.month.clone()),
                count(m.outgoing.count),
                count(m.incoming.count),
                count(m.outgoing.count + m.incoming.count),
                text(ids.join(" ")),
            ])?;
        }
    }
    buckets(
        &mut open(&mut book, &styles, sheet())?,
        w,
        w.country,
        &stats.by_country,
    )?;
    buckets(
        &mut open(&mut book, &styles, sheet())?,
        w,
        w.organisation,
        &stats.by_organisation,
    )?;
    buckets(
        &mut open(&mut book, &styles, sheet())?,
        w,
        w.event,
        &stats.by_event,
    )?;
    {
        let mut s = open(&mut book, &styles, sheet())?;
        s.header(&w.funding, &[28.0, 12.0, 12.0, 10.0, 18.0, 18.0, 18.0])?;
        for f in &stats.by_funding {
            s.row(vec![
                text(f.funding.label(w.language)),
                count(f.outgoing.count),
                count(f.incoming.count),
                count(f.total),
                Cell::Vnd(f.money.actual_vnd),
                Cell::Vnd(f.money.estimate_vnd),
                Cell::Vnd(f.money.cost_vnd),
            ])?;
        }
        let t = &stats.totals;
        s.row(vec![
            text(w.total),
            count(t.outgoing.count),
            count(t.incoming.count),
            count(t.delegations),
            Cell::Vnd(t.money.actual_vnd),
            Cell::Vnd(t.money.estimate_vnd),
            Cell::Vnd(t.money.cost_vnd),
        ])?;
    }
    {
        let mut s = open(&mut book, &styles, sheet())?;
        s.header(&w.person, &[6.0, 30.0, 35.0, 8.0, 12.0])?;
        for (n, p) in stats.person_days_by_person.iter().enumerate() {
            s.row(vec![
                Cell::Count(n as i64 + 1),
                text(p.full_name.clone()),
                text(p.unit.clone()),
                count(p.trips),
                count(p.days),
            ])?;
        }
    }
    {
        let mut s = open(&mut book, &styles, sheet())?;
        let mut titles: Vec<&str> = w.unit.to_vec();
        titles.push(w.person[4]);
        s.header(&titles, &[6.0, 40.0, 10.0, 8.0, 12.0])?;
        for (n, u) in stats.person_days_by_unit.iter().enumerate() {
            s.row(vec![
                Cell::Count(n as i64 + 1),
                text(u.unit.clone()),
                count(u.people),
                count(u.trips),
                count(u.days),
            ])?;
        }
    }
    {
        let mut s = open(&mut book, &styles, sheet())?;
        s.header(&w.reports, &[24.0, 12.0, 60.0])?;
        let r = &stats.totals.reports;
        for (state, tally) in [
            (ReportState::OnTime, &r.on_time),
            (ReportState::Late, &r.late),
            (ReportState::LateUnfiled, &r.late_unfiled),
            (ReportState::Pending, &r.pending),
        ] {
            s.row(vec![
                text(name_of(&w.states, state)),
                count(tally.count),
                text(tally.delegation_ids.join(" ")),
            ])?;
        }
    }
    delegation_rows(&mut open(&mut book, &styles, sheet())?, w, &stats.cancelled)?;
    delegation_rows(
        &mut open(&mut book, &styles, sheet())?,
        w,
        &stats.delegations,
    )?;
    {
        let mut s = open(&mut book, &styles, sheet())?;
        s.header(&w.unconverted, &[38.0, 38.0, 10.0, 14.0, 10.0])?;
        for u in &stats.unconverted {
            s.row(vec![
                text(u.expense_id.clone()),
                text(u.delegation_id.clone()),
                text(u.kind.as_str()),
                // The amount in its own currency's major units, exactly as entered.
                u.amount.major().to_f64().map_or(Cell::Empty, Cell::Number),
                text(u.amount.currency.clone()),
            ])?;
        }
    }
    Ok(book.save_to_buffer()?)
}
