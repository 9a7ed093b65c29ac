//! The annual report on international cooperation ("báo cáo tình hình đoàn ra, đoàn vào"):
//! the figures of [`YearStats`] written as an official report to the ministry, in the
//! layout of the mission report (agency and national blocks, number, "Kính gửi", signature),
//! with three vector bar charts (delegations per month, by country, cost by funding) and the
//! list of delegations as an annex.
//!
//! This module only turns figures into a [`ReportDocument`] and an [`Annex`]; the layout
//! and the drawing are the engine's. Money is printed in VND as computed by the statistics
//! (each expense at its own rate); the counting rules are the statistics' own
//! (`desk_domain::stats`), and the report says the ones a reader needs.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use desk_domain::stats::{DelegationLine, ReportState, StatsBucket, StatsChange, Trend, YearStats};
use desk_domain::{Direction, Funding, Settings};
use rust_decimal::Decimal;

use crate::chart::{BarChart, ChartSeries, Orientation};
use crate::error::ReportError;
use crate::labels::PrintedLanguage;
use crate::labels::lines_in;
use crate::model::{
    Annex, Block, Column, DocumentNumber, Heading, Language, ReportDocument, Signature, Span,
};
use crate::render::render_with_annex;

/// How many countries the ranked chart shows (the table lists them all).
const TOP_COUNTRIES: usize = 10;

/// What the report needs beyond the figures: who issues it, to whom, signed by whom.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnualOptions {
    /// Agency, number (left blank by default), place, date and language.
    pub heading: Heading,
    pub recipients: Vec<String>,
    pub received_by: Vec<String>,
    pub signature: Signature,
    /// Country names in the report's language by ISO code (the window has them from the
    /// platform's locale data); a code with no name prints as the code.
    pub country_names: BTreeMap<String, String>,
    /// 13 or 14.
    pub body_size_pt: f32,
}

impl AnnualOptions {
    /// The office's defaults: agency, place, addressees, distribution and signatory from
    /// the settings (the English agency and place for English), the number left blank.
    pub fn from_settings(
        settings: &Settings,
        language: Language,
        date: NaiveDate,
        created_at: DateTime<FixedOffset>,
    ) -> Self {
        Self {
            heading: Heading::from_settings(
                settings,
                language,
                DocumentNumber {
                    sequence: 0,
                    symbol: settings.report_number_prefix.clone(),
                },
                date,
                created_at,
            ),
            recipients: lines_in(
                &settings.report_recipients,
                &settings.report_recipients,
                &settings.report_recipients_en,
                language,
            ),
            received_by: lines_in(
                &settings.report_received_by,
                &settings.report_received_by,
                &settings.report_received_by_en,
                language,
            ),
            signature: Signature::from_settings(settings, language),
            country_names: BTreeMap::new(),
            body_size_pt: 13.0,
        }
    }
}

/// Every fixed phrase of the annual report, in one language.
struct Words {
    title: &'static str,
    subtitle: &'static str,
    overview: &'static str,
    where_why: &'static str,
    money: &'static str,
    days: &'static str,
    reports: &'static str,
    cancelled: &'static str,
    indicator: &'static str,
    change: &'static str,
    this_range: &'static str,
    previous_range: &'static str,
    no: &'static str,
    country: &'static str,
    organisation: &'static str,
    event: &'static str,
    none_given: &'static str,
    outgoing: &'static str,
    incoming: &'static str,
    out_short: &'static str,
    in_short: &'static str,
    total: &'static str,
    trips: &'static str,
    people: &'static str,
    person_days: &'static str,
    unit: &'static str,
    full_name: &'static str,
    funding: &'static str,
    delegations: &'static str,
    actual: &'static str,
    estimate: &'static str,
    cost: &'static str,
    delegation: &'static str,
    direction: &'static str,
    estimated_mark: &'static str,
    dates: &'static str,
    report: &'static str,
    due: &'static str,
    filed: &'static str,
    states: [(ReportState, &'static str); 5],
    chart_months: &'static str,
    chart_countries: &'static str,
    chart_funding: &'static str,
    months: [&'static str; 12],
    annex: &'static str,
    annex_title: &'static str,
    annex_note: &'static str,
    money_rule: &'static str,
}

const VI: Words = Words {
    title: "BÁO CÁO",
    subtitle: "Tình hình đoàn ra, đoàn vào",
    overview: "I. KẾT QUẢ CHUNG",
    where_why: "II. QUỐC GIA, ĐỐI TÁC VÀ SỰ KIỆN",
    money: "III. KINH PHÍ",
    days: "IV. NGÀY CÔNG TÁC Ở NƯỚC NGOÀI",
    reports: "V. BÁO CÁO KẾT QUẢ CHUYẾN CÔNG TÁC",
    cancelled: "VI. CÁC ĐOÀN ĐÃ HỦY",
    indicator: "Chỉ tiêu",
    change: "Tăng/giảm",
    this_range: "Kỳ này",
    previous_range: "Kỳ trước",
    no: "STT",
    country: "Quốc gia",
    organisation: "Đối tác",
    event: "Sự kiện",
    none_given: "(không ghi)",
    outgoing: "Đoàn ra",
    incoming: "Đoàn vào",
    out_short: "Ra",
    in_short: "Vào",
    total: "Tổng",
    trips: "Lượt người",
    people: "Số người",
    person_days: "Ngày-người",
    unit: "Đơn vị",
    full_name: "Họ và tên",
    funding: "Nguồn kinh phí",
    delegations: "Số đoàn",
    actual: "Thực chi",
    estimate: "Dự toán",
    cost: "Kinh phí",
    delegation: "Đoàn",
    direction: "Loại",
    estimated_mark: "(*) Chưa có số thực chi: kinh phí theo dự toán.",
    dates: "Thời gian",
    report: "Báo cáo",
    due: "Hạn nộp",
    filed: "Ngày nộp",
    states: [
        (ReportState::OnTime, "Đúng hạn"),
        (ReportState::Late, "Trễ hạn"),
        (ReportState::LateUnfiled, "Quá hạn, chưa nộp"),
        (ReportState::Pending, "Chưa đến hạn"),
        (ReportState::NotRequired, "—"),
    ],
    chart_months: "Biểu đồ 1. Số đoàn ra, đoàn vào theo tháng",
    chart_countries: "Biểu đồ 2. Các quốc gia có nhiều đoàn nhất",
    chart_funding: "Biểu đồ 3. Kinh phí theo nguồn (đồng)",
    months: [
        "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12",
    ],
    annex: "PHỤ LỤC",
    annex_title: "DANH SÁCH CÁC ĐOÀN RA, ĐOÀN VÀO",
    annex_note: "(Kèm theo Báo cáo",
    money_rule: "Kinh phí tính bằng đồng theo tỷ giá ghi trên từng khoản chi, không quy đổi lại theo tỷ giá hiện hành; mỗi đoàn tính theo số thực chi nếu đã có, nếu chưa có thì theo dự toán; tiền tạm ứng không cộng vào kinh phí.",
};

const EN: Words = Words {
    title: "REPORT",
    subtitle: "Delegations sent abroad and received",
    overview: "I. OVERVIEW",
    where_why: "II. COUNTRIES, PARTNERS AND EVENTS",
    money: "III. FUNDING AND COSTS",
    days: "IV. DAYS ABROAD",
    reports: "V. MISSION REPORTS",
    cancelled: "VI. CANCELLED DELEGATIONS",
    indicator: "Figure",
    change: "Change",
    this_range: "This period",
    previous_range: "Previous period",
    no: "No.",
    country: "Country",
    organisation: "Partner",
    event: "Event",
    none_given: "(none given)",
    outgoing: "Sent abroad",
    incoming: "Received",
    out_short: "Out",
    in_short: "In",
    total: "Total",
    trips: "Trips",
    people: "People",
    person_days: "Person-days",
    unit: "Unit",
    full_name: "Full name",
    funding: "Funding",
    delegations: "Delegations",
    actual: "Actual",
    estimate: "Estimate",
    cost: "Cost",
    delegation: "Delegation",
    direction: "Type",
    estimated_mark: "(*) No actual expenses yet: the cost is the estimate.",
    dates: "Dates",
    report: "Report",
    due: "Due",
    filed: "Filed",
    states: [
        (ReportState::OnTime, "On time"),
        (ReportState::Late, "Late"),
        (ReportState::LateUnfiled, "Overdue, not filed"),
        (ReportState::Pending, "Not yet due"),
        (ReportState::NotRequired, "—"),
    ],
    chart_months: "Chart 1. Delegations sent and received per month",
    chart_countries: "Chart 2. Countries with the most delegations",
    chart_funding: "Chart 3. Cost by source of funding (VND)",
    months: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    annex: "ANNEX",
    annex_title: "LIST OF DELEGATIONS SENT AND RECEIVED",
    annex_note: "(Attached to Report",
    money_rule: "Amounts are in VND at the rate recorded with each expense, never converted again at today's rate; each delegation counts its actual expenses when it has any, else its estimate; advances are not added to the cost.",
};

/// Formats numbers, dates and the range in one language.
struct Fmt<'a> {
    language: Language,
    w: &'static Words,
    countries: &'a BTreeMap<String, String>,
}

impl Fmt<'_> {
    fn vi(&self) -> bool {
        self.language == Language::Vi
    }

    /// 185000000 → "185.000.000" (Vietnamese) or "185,000,000" (English).
    fn int(&self, value: i64) -> String {
        let separator = if self.vi() { '.' } else { ',' };
        let digits = value.unsigned_abs().to_string();
        let mut out = String::new();
        for (n, c) in digits.chars().enumerate() {
            if n > 0 && (digits.len() - n).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(c);
        }
        if value < 0 {
            out.insert(0, '-');
        }
        out
    }

    /// "1 trip", "6 trips": English needs the plural.
    fn count(&self, n: u32, one: &str, many: &str) -> String {
        format!(
            "{} {}",
            self.int(i64::from(n)),
            if n == 1 { one } else { many }
        )
    }

    fn percent(&self, value: Decimal) -> String {
        let text = value.to_string();
        if self.vi() {
            text.replace('.', ",")
        } else {
            text
        }
    }

    /// "05/09/2016" or "5 Sep 2016".
    fn date(&self, day: NaiveDate) -> String {
        if self.vi() {
            day.format("%d/%m/%Y").to_string()
        } else {
            let month = self
                .w
                .months
                .get(day.month0() as usize)
                .copied()
                .unwrap_or("");
            format!("{} {month} {}", day.day(), day.year())
        }
    }

    fn dates(&self, first: NaiveDate, last: NaiveDate) -> String {
        format!("{} – {}", self.date(first), self.date(last))
    }

    /// "năm 2017" / "in 2017", or the two ends of another range.
    fn period(&self, stats_range: &desk_domain::StatsRange) -> String {
        let year = desk_domain::StatsRange::year(stats_range.from.year());
        match (year == Some(*stats_range), self.vi()) {
            (true, true) => format!("năm {}", stats_range.from.year()),
            (true, false) => format!("in {}", stats_range.from.year()),
            (false, true) => format!(
                "từ ngày {} đến ngày {}",
                self.date(stats_range.from),
                self.date(stats_range.to)
            ),
            (false, false) => format!(
                "from {} to {}",
                self.date(stats_range.from),
                self.date(stats_range.to)
            ),
        }
    }

    /// The column heading of a range: "Năm 2017" / "2017", else "Kỳ này".
    fn column(&self, stats_range: &desk_domain::StatsRange, current: bool) -> String {
        let year = desk_domain::StatsRange::year(stats_range.from.year());
        match (year == Some(*stats_range), self.vi(), current) {
            (true, true, _) => format!("Năm {}", stats_range.from.year()),
            (true, false, _) => stats_range.from.year().to_string(),
            (false, _, true) => self.w.this_range.to_owned(),
            (false, _, false) => self.w.previous_range.to_owned(),
        }
    }

    /// A trip's countries by name, in order: "Singapore, Malaysia".
    fn countries(&self, codes: &[&str]) -> String {
        codes
            .iter()
            .map(|c| self.country(c))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn country(&self, code: &str) -> String {
        self.countries
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_owned())
    }

    fn change(&self, c: &StatsChange) -> String {
        let sign = match c.trend {
            Trend::Up => "+",
            Trend::Down => "-",
            Trend::Same => "",
        };
        let amount = format!("{sign}{}", self.int(c.delta.abs()));
        match c.percent {
            Some(p) if c.trend != Trend::Same => {
                let p = if p.is_sign_negative() { -p } else { p };
                format!("{amount} ({sign}{}%)", self.percent(p))
            }
            _ => amount,
        }
    }

    fn state(&self, state: ReportState) -> &'static str {
        self.w
            .states
            .iter()
            .find(|(s, _)| *s == state)
            .map_or("", |(_, name)| name)
    }

    fn funding(&self, funding: Funding) -> &'static str {
        funding.label(self.language)
    }

    fn label_or_none(&self, label: &str) -> String {
        if label.trim().is_empty() {
            self.w.none_given.to_owned()
        } else {
            label.to_owned()
        }
    }
}

fn were(n: u32) -> &'static str {
    if n == 1 { "was" } else { "were" }
}

fn para(text: String) -> Block {
    Block::Paragraph(vec![Span::plain(text)])
}

/// A ranked table of buckets: number, name, out, in, total, trips.
fn bucket_table(
    f: &Fmt<'_>,
    name: &str,
    buckets: &[StatsBucket],
    names: impl Fn(&StatsBucket) -> String,
) -> Block {
    let w = f.w;
    Block::Table {
        columns: vec![
            Column::new(w.no, 0.6),
            Column::new(name, 4.0),
            Column::new(w.out_short, 0.9),
            Column::new(w.in_short, 0.9),
            Column::new(w.total, 0.9),
            Column::new(w.trips, 1.2),
        ],
        rows: buckets
            .iter()
            .enumerate()
            .map(|(n, b)| {
                vec![
                    (n + 1).to_string(),
                    names(b),
                    f.int(i64::from(b.outgoing.count)),
                    f.int(i64::from(b.incoming.count)),
                    f.int(i64::from(b.total)),
                    f.int(i64::from(b.trips)),
                ]
            })
            .collect(),
    }
}

fn month_categories(f: &Fmt<'_>, stats: &YearStats) -> Vec<String> {
    let one_year = stats
        .by_month
        .first()
        .zip(stats.by_month.last())
        .is_some_and(|(a, b)| a.month.get(..4) == b.month.get(..4));
    stats
        .by_month
        .iter()
        .map(|m| {
            let year = m.month.get(2..4).unwrap_or("");
            let month: usize = m.month.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
            if one_year {
                f.w.months.get(month - 1).copied().unwrap_or("").to_owned()
            } else {
                format!("{month}/{year}")
            }
        })
        .collect()
}

fn overview(f: &Fmt<'_>, stats: &YearStats) -> Vec<Block> {
    let w = f.w;
    let t = &stats.totals;
    let period = f.period(&stats.range);
    let sentence = if f.vi() {
        format!(
            "{}{}, đã cử {} đoàn ra nước ngoài với {} lượt người và đón {} đoàn vào với {} lượt người; tổng cộng {} đoàn, {} lượt người ({} người). Số ngày công tác ở nước ngoài là {} ngày-người. Kinh phí các đoàn là {} đồng, trong đó thực chi {} đồng.",
            period.get(..1).map(str::to_uppercase).unwrap_or_default(),
            period.get(1..).unwrap_or(""),
            f.int(t.outgoing.count.into()),
            f.int(t.trips_outgoing.into()),
            f.int(t.incoming.count.into()),
            f.int(t.trips_incoming.into()),
            f.int(t.delegations.into()),
            f.int(t.trips.into()),
            f.int(t.people.into()),
            f.int(t.person_days_abroad.into()),
            f.int(t.money.cost_vnd),
            f.int(t.money.actual_vnd),
        )
    } else {
        format!(
            "{}{}, {} {} sent abroad ({}) and {} {} received ({}): {}, {} and {} in all. Staff spent {} abroad. The delegations cost {} VND, of which {} VND actually spent.",
            period.get(..1).map(str::to_uppercase).unwrap_or_default(),
            period.get(1..).unwrap_or(""),
            f.count(t.outgoing.count, "delegation", "delegations"),
            were(t.outgoing.count),
            f.count(t.trips_outgoing, "trip", "trips"),
            f.count(t.incoming.count, "delegation", "delegations"),
            were(t.incoming.count),
            f.count(t.trips_incoming, "trip", "trips"),
            f.count(t.delegations, "delegation", "delegations"),
            f.count(t.trips, "trip", "trips"),
            f.count(t.people, "person", "people"),
            f.count(t.person_days_abroad, "person-day", "person-days"),
            f.int(t.money.cost_vnd),
            f.int(t.money.actual_vnd),
        )
    };
    let comparison = Block::Table {
        columns: vec![
            Column::new(w.indicator, 3.6),
            Column::new(&f.column(&stats.range, true), 1.6),
            Column::new(&f.column(&stats.previous_range, false), 1.6),
            Column::new(w.change, 1.9),
        ],
        rows: stats
            .changes
            .iter()
            .map(|c| {
                vec![
                    c.metric.label(f.language).to_owned(),
                    f.int(c.current),
                    f.int(c.previous),
                    f.change(c),
                ]
            })
            .collect(),
    };
    let months = BarChart {
        title: w.chart_months.to_owned(),
        categories: month_categories(f, stats),
        series: vec![
            ChartSeries {
                name: w.outgoing.to_owned(),
                values: stats
                    .by_month
                    .iter()
                    .map(|m| i64::from(m.outgoing.count))
                    .collect(),
                labels: Vec::new(),
            },
            ChartSeries {
                name: w.incoming.to_owned(),
                values: stats
                    .by_month
                    .iter()
                    .map(|m| i64::from(m.incoming.count))
                    .collect(),
                labels: Vec::new(),
            },
        ],
        orientation: Orientation::Columns,
    };
    vec![
        Block::Heading(w.overview.to_owned()),
        para(sentence),
        comparison,
        Block::Chart(months),
    ]
}

fn where_and_why(f: &Fmt<'_>, stats: &YearStats) -> Vec<Block> {
    let w = f.w;
    let top: Vec<&StatsBucket> = stats.by_country.iter().take(TOP_COUNTRIES).collect();
    let mut blocks = vec![Block::Heading(w.where_why.to_owned())];
    if !top.is_empty() {
        blocks.push(Block::Chart(BarChart {
            title: w.chart_countries.to_owned(),
            categories: top.iter().map(|b| f.country(&b.key)).collect(),
            series: vec![
                ChartSeries {
                    name: w.outgoing.to_owned(),
                    values: top.iter().map(|b| i64::from(b.outgoing.count)).collect(),
                    labels: Vec::new(),
                },
                ChartSeries {
                    name: w.incoming.to_owned(),
                    values: top.iter().map(|b| i64::from(b.incoming.count)).collect(),
                    labels: Vec::new(),
                },
            ],
            orientation: Orientation::Bars,
        }));
    }
    blocks.push(bucket_table(f, w.country, &stats.by_country, |b| {
        f.country(&b.key)
    }));
    blocks.push(bucket_table(
        f,
        w.organisation,
        &stats.by_organisation,
        |b| f.label_or_none(&b.label),
    ));
    blocks.push(bucket_table(f, w.event, &stats.by_event, |b| {
        f.label_or_none(&b.label)
    }));
    blocks
}

fn money(f: &Fmt<'_>, stats: &YearStats) -> Vec<Block> {
    let w = f.w;
    let t = &stats.totals;
    let mut rows: Vec<Vec<String>> = stats
        .by_funding
        .iter()
        .map(|b| {
            vec![
                f.funding(b.funding).to_owned(),
                f.int(b.total.into()),
                f.int(b.money.actual_vnd),
                f.int(b.money.estimate_vnd),
                f.int(b.money.cost_vnd),
            ]
        })
        .collect();
    rows.push(vec![
        w.total.to_owned(),
        f.int(t.delegations.into()),
        f.int(t.money.actual_vnd),
        f.int(t.money.estimate_vnd),
        f.int(t.money.cost_vnd),
    ]);
    let mut blocks = vec![
        Block::Heading(w.money.to_owned()),
        para(w.money_rule.to_owned()),
        Block::Table {
            columns: vec![
                Column::new(w.funding, 2.6),
                Column::new(w.delegations, 1.5),
                Column::new(w.actual, 1.8),
                Column::new(w.estimate, 1.8),
                Column::new(w.cost, 1.8),
            ],
            rows,
        },
        Block::Chart(BarChart {
            title: w.chart_funding.to_owned(),
            categories: stats
                .by_funding
                .iter()
                .map(|b| f.funding(b.funding).to_owned())
                .collect(),
            series: vec![ChartSeries {
                name: w.cost.to_owned(),
                values: stats.by_funding.iter().map(|b| b.money.cost_vnd).collect(),
                labels: stats
                    .by_funding
                    .iter()
                    .map(|b| f.int(b.money.cost_vnd))
                    .collect(),
            }],
            orientation: Orientation::Bars,
        }),
    ];
    let estimated = t.money.estimated_ids.len();
    if estimated > 0 {
        blocks.push(para(if f.vi() {
            format!(
                "Có {} đoàn chưa có số thực chi, được tính theo dự toán.",
                f.int(estimated as i64)
            )
        } else {
            format!(
                "Delegations counted at their estimate, having no actual expenses yet: {}.",
                f.int(estimated as i64)
            )
        }));
    }
    if !stats.unconverted.is_empty() {
        let amounts: Vec<String> = stats
            .unconverted
            .iter()
            .map(|u| format!("{} {}", u.amount.plain(), u.amount.currency))
            .collect();
        blocks.push(para(if f.vi() {
            format!(
                "Có {} khoản chi bằng ngoại tệ chưa ghi tỷ giá nên chưa được tính: {}.",
                f.int(amounts.len() as i64),
                amounts.join("; ")
            )
        } else {
            format!(
                "Expenses in a foreign currency without an exchange rate, not counted ({}): {}.",
                f.int(amounts.len() as i64),
                amounts.join("; ")
            )
        }));
    }
    blocks
}

fn days_abroad(f: &Fmt<'_>, stats: &YearStats) -> Vec<Block> {
    let w = f.w;
    let mut blocks = vec![Block::Heading(w.days.to_owned())];
    if stats.person_days_by_person.is_empty() {
        blocks.push(para(if f.vi() {
            "Không có đoàn ra nước ngoài trong kỳ.".to_owned()
        } else {
            "No delegation went abroad in this period.".to_owned()
        }));
        return blocks;
    }
    blocks.push(Block::Table {
        columns: vec![
            Column::new(w.no, 0.6),
            Column::new(w.unit, 4.0),
            Column::new(w.people, 1.1),
            Column::new(w.trips, 1.1),
            Column::new(w.person_days, 1.3),
        ],
        rows: stats
            .person_days_by_unit
            .iter()
            .enumerate()
            .map(|(n, u)| {
                vec![
                    (n + 1).to_string(),
                    f.label_or_none(&u.unit),
                    f.int(u.people.into()),
                    f.int(u.trips.into()),
                    f.int(u.days.into()),
                ]
            })
            .collect(),
    });
    blocks.push(Block::Table {
        columns: vec![
            Column::new(w.no, 0.6),
            Column::new(w.full_name, 2.4),
            Column::new(w.unit, 2.6),
            Column::new(w.trips, 1.0),
            Column::new(w.person_days, 1.3),
        ],
        rows: stats
            .person_days_by_person
            .iter()
            .enumerate()
            .map(|(n, p)| {
                vec![
                    (n + 1).to_string(),
                    // English papers write names as in the passport.
                    if f.vi() {
                        p.full_name.clone()
                    } else {
                        desk_domain::text::passport_form(&p.full_name)
                    },
                    f.label_or_none(&p.unit),
                    f.int(p.trips.into()),
                    f.int(p.days.into()),
                ]
            })
            .collect(),
    });
    blocks
}

fn reports(f: &Fmt<'_>, stats: &YearStats) -> Vec<Block> {
    let w = f.w;
    let r = &stats.totals.reports;
    let text = if f.vi() {
        format!(
            "Báo cáo kết quả chuyến công tác phải nộp trong {} ngày sau khi đoàn về nước. Trong {} đoàn ra: {} đoàn nộp đúng hạn, {} đoàn nộp trễ hạn, {} đoàn quá hạn chưa nộp, {} đoàn chưa đến hạn (tính đến ngày {}).",
            r.due_days,
            f.int(stats.totals.outgoing.count.into()),
            f.int(r.on_time.count.into()),
            f.int(r.late.count.into()),
            f.int(r.late_unfiled.count.into()),
            f.int(r.pending.count.into()),
            f.date(stats.as_of)
        )
    } else {
        format!(
            "A mission report is due {} days after a delegation's return. Of the delegations sent abroad ({}), {} filed on time, {} filed late, {} are overdue and not filed and {} are not yet due (as of {}).",
            r.due_days,
            f.int(stats.totals.outgoing.count.into()),
            f.int(r.on_time.count.into()),
            f.int(r.late.count.into()),
            f.int(r.late_unfiled.count.into()),
            f.int(r.pending.count.into()),
            f.date(stats.as_of)
        )
    };
    let mut blocks = vec![Block::Heading(w.reports.to_owned()), para(text)];
    let overdue: Vec<&DelegationLine> = stats
        .delegations
        .iter()
        .filter(|l| matches!(l.report, ReportState::Late | ReportState::LateUnfiled))
        .collect();
    if !overdue.is_empty() {
        blocks.push(Block::Table {
            columns: vec![
                Column::new(w.no, 0.6),
                Column::new(w.delegation, 4.0),
                Column::new(w.due, 1.5),
                Column::new(w.filed, 1.5),
                Column::new(w.report, 1.6),
            ],
            rows: overdue
                .iter()
                .enumerate()
                .map(|(n, l)| {
                    vec![
                        (n + 1).to_string(),
                        l.title.clone(),
                        l.report_due_on.map(|d| f.date(d)).unwrap_or_default(),
                        l.report_filed_on.map(|d| f.date(d)).unwrap_or_default(),
                        f.state(l.report).to_owned(),
                    ]
                })
                .collect(),
        });
    }
    blocks
}

fn cancelled(f: &Fmt<'_>, stats: &YearStats) -> Vec<Block> {
    let w = f.w;
    let mut blocks = vec![Block::Heading(w.cancelled.to_owned())];
    if stats.cancelled.is_empty() {
        blocks.push(para(if f.vi() {
            "Không có đoàn nào bị hủy.".to_owned()
        } else {
            "No delegation was cancelled.".to_owned()
        }));
        return blocks;
    }
    blocks.push(para(if f.vi() {
        format!(
            "Có {} đoàn đã hủy, không tính vào các số liệu trên:",
            f.int(stats.cancelled.len() as i64)
        )
    } else {
        format!(
            "Cancelled delegations, not counted in the figures above ({}):",
            f.int(stats.cancelled.len() as i64)
        )
    }));
    blocks.push(Block::Bullets(
        stats
            .cancelled
            .iter()
            .map(|l| {
                vec![Span::plain(format!(
                    "{} ({}, {})",
                    l.title,
                    f.countries(&l.countries()),
                    f.dates(l.starts_on, l.ends_on)
                ))]
            })
            .collect(),
    ));
    blocks
}

fn annex(f: &Fmt<'_>, stats: &YearStats, options: &AnnualOptions) -> Annex {
    let w = f.w;
    let number = options
        .heading
        .language
        .number_line(&options.heading.number);
    // The number without its "Số:" (the note says "số" itself). An unregistered number has
    // no ordinary space after the label, only the no-break blank left for the register, so
    // the label is cut off by name, not at the first space.
    let prefix = options.heading.language.labels().number_prefix;
    let number = number
        .strip_prefix(prefix)
        .unwrap_or(number.as_str())
        // Only ordinary spaces: the no-break ones are the blank left for the number.
        .trim_matches(' ');
    Annex {
        title: vec![
            w.annex.to_owned(),
            format!(
                "{} {}",
                w.annex_title,
                f.period(&stats.range).to_uppercase()
            ),
        ],
        note: format!(
            "{} {} {} {})",
            w.annex_note,
            if f.vi() { "số" } else { "No." },
            number,
            if f.vi() {
                format!("ngày {}", f.date(options.heading.date))
            } else {
                format!("of {}", f.date(options.heading.date))
            }
        ),
        blocks: vec![Block::Table {
            columns: vec![
                // Wide enough for "STT", "Loại" and four-digit row numbers on one line.
                Column::new(w.no, 0.95),
                Column::new(w.delegation, 2.7),
                Column::new(w.direction, 1.15),
                Column::new(w.country, 1.6),
                Column::new(w.dates, 2.1),
                Column::new(w.trips, 1.25),
                // "1.234.567.890" on one line.
                Column::new(w.cost, 2.4),
                Column::new(w.report, 1.6),
            ],
            rows: stats
                .delegations
                .iter()
                .enumerate()
                .map(|(n, l)| {
                    vec![
                        (n + 1).to_string(),
                        l.title.clone(),
                        match l.direction {
                            Direction::Outgoing => w.out_short,
                            Direction::Incoming => w.in_short,
                        }
                        .to_owned(),
                        f.countries(&l.countries()),
                        f.dates(l.starts_on, l.ends_on),
                        f.int(l.members.into()),
                        if l.cost_is_estimate && l.cost_vnd > 0 {
                            format!("{}*", f.int(l.cost_vnd))
                        } else {
                            f.int(l.cost_vnd)
                        },
                        f.state(l.report).to_owned(),
                    ]
                })
                .collect(),
        }]
        .into_iter()
        .chain(
            stats
                .delegations
                .iter()
                .any(|l| l.cost_is_estimate && l.cost_vnd > 0)
                .then(|| para(w.estimated_mark.to_owned())),
        )
        .collect(),
    }
}

/// The annual report as a document and its annex, ready to lay out.
pub fn annual_report(stats: &YearStats, options: &AnnualOptions) -> (ReportDocument, Annex) {
    let w = match options.heading.language {
        Language::Vi => &VI,
        Language::En => &EN,
    };
    let f = Fmt {
        language: options.heading.language,
        w,
        countries: &options.country_names,
    };
    let mut blocks = overview(&f, stats);
    blocks.extend(where_and_why(&f, stats));
    blocks.extend(money(&f, stats));
    blocks.extend(days_abroad(&f, stats));
    blocks.extend(reports(&f, stats));
    blocks.extend(cancelled(&f, stats));
    let document = ReportDocument {
        heading: options.heading.clone(),
        title: Some(w.title.to_owned()),
        subtitle: format!("{} {}", w.subtitle, f.period(&stats.range)),
        recipients: options.recipients.clone(),
        blocks,
        received_by: options.received_by.clone(),
        signature: options.signature.clone(),
        body_size_pt: options.body_size_pt,
    };
    let annex = annex(&f, stats, options);
    (document, annex)
}

/// The annual report as PDF bytes.
pub fn render_annual_report(
    stats: &YearStats,
    options: &AnnualOptions,
) -> Result<Vec<u8>, ReportError> {
    let (document, annex) = annual_report(stats, options);
    render_with_annex(&document, &annex)
}
