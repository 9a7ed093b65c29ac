//! "The year in numbers": how many delegations went out and came in, where, why, who paid
//! and what it cost, for a year or any range of dates, compared with the range before.
//!
//! A pure computation: the store loads the records of the range ([`StatsData`]) and
//! [`compute`] counts them. Every aggregate carries the ids of the delegations it counts, so
//! that a bar or a row can be opened as the list behind it.
//!
//! # Counting rules
//!
//! These are the rules the office's annual report to its ministry follows; `README.md`
//! repeats them for readers of the figures.
//!
//! 1. **A delegation counts in the range its first day falls in** (`starts_on`), with all
//!    of it: its members, its days and its money, even when the trip ends after the range.
//!    So a trip from 29 December to 3 January counts, whole, in the year it starts.
//! 2. **Cancelled delegations are not counted** but are listed apart
//!    ([`YearStats::cancelled`]) with their ids, so the report can say what did not happen.
//!    Delegations in the trash are ignored altogether. Every other status counts, Draft
//!    included: a plan that did not happen should be cancelled.
//! 3. **Trips and people.** A *trip* is one person in one delegation (a member row); a
//!    person in two delegations makes two trips but is one *person*. People are counted by
//!    their record, per direction and over both.
//! 4. **Person-days abroad** are counted for outgoing delegations only: each member's own
//!    days (`joins_on`–`leaves_on`, else the delegation's dates), both ends included. Per
//!    unit, a person is counted under their `unit`; someone with no unit (a guest from a
//!    provincial library) is counted under their organisation's name, and under "no unit"
//!    if they have neither.
//! 5. **Money is summed in VND at each expense's own rate** ([`Expense::vnd`]), never
//!    re-converted at today's rate. Actual expenses and estimates are summed separately;
//!    advances are summed apart too but belong to neither (they are settled by the actual
//!    expenses). The **cost** of a delegation is its actual expenses when it has at least
//!    one, else its estimate; the delegations costed by their estimate are listed
//!    ([`MoneyTotals::estimated_ids`]). A foreign amount with no rate cannot be converted:
//!    it is left out of every sum and listed in [`YearStats::unconverted`].
//! 6. **Mission reports** are due after trips abroad (outgoing delegations):
//!    `report_due_days` (a setting) after the delegation's last day. A report is *filed*
//!    when its status is final; it is *on time* if its report date is on or before the due
//!    date and *late* otherwise. A report not filed is *late-unfiled* once the due date has
//!    passed (as of the day the figures are made) and *pending* before. Incoming
//!    delegations need no mission report and are not counted here.
//! 7. **The previous range** is the same number of whole months before when the range is
//!    made of whole months (a year gives the year before), else the same number of days
//!    immediately before.
//! 8. **Ranking**: countries, organisations and events are ranked by the number of
//!    delegations, then by trips, then by their key; people and units by person-days.
//!    Every list of ids is in the order of the delegations: by first day, then id.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::error::{Error, Rule};
use crate::{
    Delegation, DelegationStatus, Direction, Expense, ExpenseKind, Funding, Member, MissionReport,
    Organisation, Person, ReportStatus, named, printed,
};

/// The longest range the statistics accept: 50 years of months is already a long table.
pub const MAX_RANGE_YEARS: i32 = 50;

/// A range of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatsRange {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
}

/// A range as typed (`YYYY-MM-DD` twice), e.g. in the Statistics screen or on the command
/// line.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct StatsRangeInput {
    pub from: String,
    pub to: String,
}

impl StatsRangeInput {
    pub fn validate(&self) -> Result<StatsRange, Error> {
        let mut check = Check::new();
        let from = check.date("from", "From", &self.from);
        let to = check.date("to", "To", &self.to);
        check.range("to", "from date", "To", from.as_ref(), to.as_ref());
        if let (Some(from), Some(to)) = (from, to)
            && to.year() - from.year() >= MAX_RANGE_YEARS
        {
            check.fail(
                "to",
                Rule::OutOfRange,
                format!("A range of statistics may cover at most {MAX_RANGE_YEARS} years"),
            );
        }
        check.finish(|| {
            Some(StatsRange {
                from: from?,
                to: to?,
            })
        })
    }
}

impl StatsRange {
    /// A range after checking it: the end not before the start, at most
    /// [`MAX_RANGE_YEARS`] long.
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, Error> {
        StatsRangeInput {
            from: from.to_string(),
            to: to.to_string(),
        }
        .validate()
    }

    /// 1 January to 31 December of `year`; `None` outside the calendar chrono knows.
    pub fn year(year: i32) -> Option<Self> {
        Some(Self {
            from: NaiveDate::from_ymd_opt(year, 1, 1)?,
            to: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// Whether the range starts on a month's first day and ends on a month's last day.
    fn whole_months(&self) -> Option<u32> {
        let starts_month = self.from.day() == 1;
        let ends_month = self.to.succ_opt().is_some_and(|next| next.day() == 1);
        if !(starts_month && ends_month) {
            return None;
        }
        let months = (self.to.year() - self.from.year()) * 12 + self.to.month() as i32
            - self.from.month() as i32
            + 1;
        u32::try_from(months).ok()
    }

    /// The range just before this one, as long as it (counting rule 7): the same number of
    /// whole months for a range of whole months, else the same number of days.
    pub fn previous(&self) -> Option<Self> {
        if let Some(months) = self.whole_months() {
            let from = self.from.checked_sub_months(Months::new(months))?;
            return Some(Self {
                from,
                to: self.from.pred_opt()?,
            });
        }
        let days = (self.to - self.from).num_days() + 1;
        Some(Self {
            from: self
                .from
                .checked_sub_days(chrono::Days::new(u64::try_from(days).ok()?))?,
            to: self.from.pred_opt()?,
        })
    }

    /// Every month the range touches, as "YYYY-MM", in order.
    pub fn months(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut month = NaiveDate::from_ymd_opt(self.from.year(), self.from.month(), 1);
        while let Some(m) = month.filter(|m| *m <= self.to) {
            out.push(month_key(m));
            month = m.checked_add_months(Months::new(1));
        }
        out
    }

    /// "2017" for a calendar year, else "2017-03-01 – 2017-08-31".
    pub fn label(&self) -> String {
        if Self::year(self.from.year()) == Some(*self) {
            self.from.year().to_string()
        } else {
            format!("{} – {}", self.from, self.to)
        }
    }
}

fn month_key(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// The records [`compute`] counts, as the store loads them for a range: the delegations
/// that start in it (trash excluded, cancelled included) and what belongs to them.
///
/// Only the fields statistics read need be filled, so the store can load the many rows
/// lean: members' delegation, person and days; people's name, unit and organisation (and
/// only the people of outgoing delegations are needed); expenses' delegation, kind, amount
/// and rate (their id where they have no rate); reports' delegation, date and status.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatsData {
    pub delegations: Vec<Delegation>,
    pub members: Vec<Member>,
    /// The people of those members (at least those of outgoing delegations).
    pub people: Vec<Person>,
    /// The delegations' host or visiting organisations and the members' organisations.
    pub organisations: Vec<Organisation>,
    pub expenses: Vec<Expense>,
    pub reports: Vec<MissionReport>,
}

/// What to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatsParams {
    pub range: StatsRange,
    /// The range to compare with, usually [`StatsRange::previous`]; its delegations must be
    /// in the same [`StatsData`].
    pub previous: StatsRange,
    /// The day the figures are made: a report not filed is late only once its due date has
    /// passed by then.
    pub as_of: NaiveDate,
    /// Days after a delegation's last day by which its report is due (a setting).
    pub report_due_days: u32,
}

/// Some delegations and how many they are: what one bar of a chart or one cell shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct Tally {
    pub count: u32,
    pub delegation_ids: Vec<String>,
}

impl Tally {
    fn add(&mut self, id: &str) {
        self.count += 1;
        self.delegation_ids.push(id.to_owned());
    }
}

/// Money in VND, by kind, over some delegations (counting rule 5).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct MoneyTotals {
    /// Actual expenses.
    #[ts(type = "number")]
    pub actual_vnd: i64,
    /// Estimates.
    #[ts(type = "number")]
    pub estimate_vnd: i64,
    /// Advances, apart: settled by the actual expenses, so in neither of the others.
    #[ts(type = "number")]
    pub advance_vnd: i64,
    /// Each delegation's actual expenses if it has any, else its estimate.
    #[ts(type = "number")]
    pub cost_vnd: i64,
    /// The delegations whose cost is their estimate (no actual expense recorded yet).
    pub estimated_ids: Vec<String>,
}

impl MoneyTotals {
    fn add(&mut self, line: &DelegationLine) {
        self.actual_vnd = self.actual_vnd.saturating_add(line.actual_vnd);
        self.estimate_vnd = self.estimate_vnd.saturating_add(line.estimate_vnd);
        self.advance_vnd = self.advance_vnd.saturating_add(line.advance_vnd);
        self.cost_vnd = self.cost_vnd.saturating_add(line.cost_vnd);
        if line.cost_is_estimate {
            self.estimated_ids.push(line.id.clone());
        }
    }
}

/// One group of delegations (a country, an organisation, an event), both directions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct StatsBucket {
    /// What groups them: an ISO country code, an organisation id, an event as written
    /// (lower-cased); empty for "none given".
    pub key: String,
    /// What to show: the country code (the UI names it in its language), the organisation's
    /// name, the event as first written; empty for "none given".
    pub label: String,
    pub outgoing: Tally,
    pub incoming: Tally,
    /// Delegations in both directions.
    pub total: u32,
    /// Trips (members) in those delegations.
    pub trips: u32,
}

impl StatsBucket {
    fn add(&mut self, line: &DelegationLine) {
        match line.direction {
            Direction::Outgoing => self.outgoing.add(&line.id),
            Direction::Incoming => self.incoming.add(&line.id),
        }
        self.total += 1;
        self.trips += line.members;
    }
}

/// One month: delegations out and in that start in it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct MonthStats {
    /// "2017-11".
    pub month: String,
    pub outgoing: Tally,
    pub incoming: Tally,
}

/// Delegations by who pays, with their money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FundingStats {
    pub funding: Funding,
    pub outgoing: Tally,
    pub incoming: Tally,
    pub total: u32,
    pub money: MoneyTotals,
}

/// One person's trips abroad.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonDays {
    pub person_id: String,
    pub full_name: String,
    /// The unit they are counted under (counting rule 4); empty for none.
    pub unit: String,
    pub trips: u32,
    pub days: u32,
    pub delegation_ids: Vec<String>,
}

/// One unit's trips abroad.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnitDays {
    /// The unit as written, or the organisation's name (counting rule 4); empty for none.
    pub unit: String,
    pub people: u32,
    pub trips: u32,
    pub days: u32,
    pub delegation_ids: Vec<String>,
}

named! {
    /// Where a delegation's mission report stands (counting rule 6).
    pub enum ReportState {
        /// Final, dated on or before the due date.
        OnTime = "on_time",
        /// Final, dated after the due date.
        Late = "late",
        /// Not final and the due date has passed.
        LateUnfiled = "late_unfiled",
        /// Not final, not yet due.
        Pending = "pending",
        /// An incoming delegation: no mission report is due.
        NotRequired = "not_required",
    }
}

/// Mission reports of the outgoing delegations, by state.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ReportTimeliness {
    pub due_days: u32,
    pub on_time: Tally,
    pub late: Tally,
    pub late_unfiled: Tally,
    pub pending: Tally,
}

/// One delegation as the annex lists it, with its own figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DelegationLine {
    pub id: String,
    pub direction: Direction,
    pub title: String,
    /// The first country of the trip; the further ones are `more_destinations`.
    pub country: String,
    pub cities: String,
    #[serde(default)]
    pub more_destinations: Vec<crate::Destination>,
    pub event: String,
    /// The host or visiting organisation's name; empty if none.
    pub organisation: String,
    #[ts(type = "string")]
    pub starts_on: NaiveDate,
    #[ts(type = "string")]
    pub ends_on: NaiveDate,
    pub status: DelegationStatus,
    pub funding: Funding,
    /// Trips: its members.
    pub members: u32,
    /// Person-days abroad (outgoing only, else 0).
    pub person_days: u32,
    #[ts(type = "number")]
    pub actual_vnd: i64,
    #[ts(type = "number")]
    pub estimate_vnd: i64,
    #[ts(type = "number")]
    pub advance_vnd: i64,
    #[ts(type = "number")]
    pub cost_vnd: i64,
    /// No actual expense yet: the cost is the estimate.
    pub cost_is_estimate: bool,
    pub report: ReportState,
    #[ts(type = "string | null")]
    pub report_due_on: Option<NaiveDate>,
    /// The date of the final report, if filed.
    #[ts(type = "string | null")]
    pub report_filed_on: Option<NaiveDate>,
}

/// An expense left out of the sums: a foreign amount with no rate to VND.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UnconvertedExpense {
    pub expense_id: String,
    pub delegation_id: String,
    pub kind: ExpenseKind,
    pub amount: crate::Money,
}

/// The headline figures of a range.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct StatsTotals {
    pub outgoing: Tally,
    pub incoming: Tally,
    /// Both directions.
    pub delegations: u32,
    /// Cancelled, not counted anywhere else.
    pub cancelled: Tally,
    pub trips_outgoing: u32,
    pub trips_incoming: u32,
    pub trips: u32,
    pub people_outgoing: u32,
    pub people_incoming: u32,
    /// Distinct people over both directions.
    pub people: u32,
    pub person_days_abroad: u32,
    pub money: MoneyTotals,
    pub reports: ReportTimeliness,
}

named! {
    /// A figure compared with the previous range.
    pub enum StatsMetric {
        Outgoing = "outgoing",
        Incoming = "incoming",
        Delegations = "delegations",
        Trips = "trips",
        People = "people",
        PersonDaysAbroad = "person_days_abroad",
        ActualVnd = "actual_vnd",
        EstimateVnd = "estimate_vnd",
        CostVnd = "cost_vnd",
        ReportsOnTime = "reports_on_time",
        /// Late and late-unfiled together.
        ReportsLate = "reports_late",
    }
}

printed! {
    /// The indicator's name in the annual report and its workbook.
    StatsMetric {
        Outgoing => "Số đoàn ra", "Delegations sent abroad";
        Incoming => "Số đoàn vào", "Delegations received";
        Delegations => "Tổng số đoàn", "Delegations in all";
        Trips => "Số lượt người", "Trips (person-visits)";
        People => "Số người", "People";
        PersonDaysAbroad => "Số ngày-người ở nước ngoài", "Person-days abroad";
        ActualVnd => "Kinh phí thực chi (đồng)", "Actual expenses (VND)";
        EstimateVnd => "Kinh phí dự toán (đồng)", "Estimates (VND)";
        CostVnd => "Kinh phí các đoàn (đồng)", "Cost of the delegations (VND)";
        ReportsOnTime => "Báo cáo nộp đúng hạn", "Reports filed on time";
        ReportsLate => "Báo cáo trễ hạn hoặc chưa nộp", "Reports late or not filed";
    }
}

named! {
    pub enum Trend {
        Up = "up",
        Down = "down",
        Same = "same",
    }
}

/// One figure, now and in the previous range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StatsChange {
    pub metric: StatsMetric,
    #[ts(type = "number")]
    pub current: i64,
    #[ts(type = "number")]
    pub previous: i64,
    /// `current - previous`.
    #[ts(type = "number")]
    pub delta: i64,
    pub trend: Trend,
    /// The change in percent of the previous figure, one decimal ("12.5", "-100"); none
    /// when the previous figure is 0.
    #[ts(type = "string | null")]
    pub percent: Option<Decimal>,
}

/// Everything the Statistics screen and the annual report show about a range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct YearStats {
    pub range: StatsRange,
    pub previous_range: StatsRange,
    #[ts(type = "string")]
    pub as_of: NaiveDate,
    pub totals: StatsTotals,
    /// The same figures for the previous range.
    pub previous: StatsTotals,
    pub changes: Vec<StatsChange>,
    /// Every month of the range, in order, even empty ones.
    pub by_month: Vec<MonthStats>,
    /// Ranked (counting rule 8).
    pub by_country: Vec<StatsBucket>,
    /// By host (outgoing) or visiting (incoming) organisation, ranked.
    pub by_organisation: Vec<StatsBucket>,
    /// By event, ranked.
    pub by_event: Vec<StatsBucket>,
    /// State budget, sponsored, mixed: always the three, in that order.
    pub by_funding: Vec<FundingStats>,
    /// By status (Cancelled apart, in `cancelled`).
    pub by_status: Vec<StatsBucket>,
    /// Person-days abroad per person, the most days first.
    pub person_days_by_person: Vec<PersonDays>,
    /// Person-days abroad per unit, the most days first.
    pub person_days_by_unit: Vec<UnitDays>,
    /// Every counted delegation, by first day.
    pub delegations: Vec<DelegationLine>,
    /// Cancelled delegations of the range, not counted elsewhere.
    pub cancelled: Vec<DelegationLine>,
    /// Expenses not converted to VND for want of a rate (counting rule 5).
    pub unconverted: Vec<UnconvertedExpense>,
}

impl YearStats {
    /// The figures without the delegations behind them: what the Statistics screen draws.
    /// Every count, sum, rank and row stays; what goes are the tallies', people's and units'
    /// delegation ids and the counted delegations' lines, except the lines an unconverted
    /// expense names (the screen writes their titles). The estimated delegations' ids stay:
    /// the screen writes how many they are. Cancelled lines stay: the screen lists them.
    ///
    /// A busy year's whole answer is 4.3 MB of JSON (2,400 lines, 46,000 ids, twenty
    /// synthetic years); the screen asks for it only when someone opens the delegations
    /// behind a figure. The web view holding the whole answer at every visit was most of
    /// what it kept after a walk through the screens.
    pub fn figures_only(mut self) -> YearStats {
        fn clear(tallies: &mut [&mut Tally]) {
            for tally in tallies {
                tally.delegation_ids = Vec::new();
            }
        }
        for totals in [&mut self.totals, &mut self.previous] {
            let r = &mut totals.reports;
            clear(&mut [
                &mut totals.outgoing,
                &mut totals.incoming,
                &mut totals.cancelled,
                &mut r.on_time,
                &mut r.late,
                &mut r.late_unfiled,
                &mut r.pending,
            ]);
        }
        for bucket in [
            &mut self.by_country,
            &mut self.by_organisation,
            &mut self.by_event,
            &mut self.by_status,
        ]
        .into_iter()
        .flatten()
        {
            clear(&mut [&mut bucket.outgoing, &mut bucket.incoming]);
        }
        for month in &mut self.by_month {
            clear(&mut [&mut month.outgoing, &mut month.incoming]);
        }
        for funding in &mut self.by_funding {
            clear(&mut [&mut funding.outgoing, &mut funding.incoming]);
        }
        for person in &mut self.person_days_by_person {
            person.delegation_ids = Vec::new();
        }
        for unit in &mut self.person_days_by_unit {
            unit.delegation_ids = Vec::new();
        }
        let named: HashSet<&str> = self
            .unconverted
            .iter()
            .map(|u| u.delegation_id.as_str())
            .collect();
        let lines = std::mem::take(&mut self.delegations);
        self.delegations = lines
            .into_iter()
            .filter(|line| named.contains(line.id.as_str()))
            .collect();
        self
    }
}

/// Indexes over the loaded records.
struct Index<'a> {
    members: HashMap<&'a str, Vec<&'a Member>>,
    people: HashMap<&'a str, &'a Person>,
    organisations: HashMap<&'a str, &'a Organisation>,
    expenses: HashMap<&'a str, Vec<&'a Expense>>,
    reports: HashMap<&'a str, &'a MissionReport>,
    /// Each distinct rate parsed once: a year has a hundred thousand expense lines but few
    /// rates.
    rates: HashMap<&'a str, Option<Decimal>>,
}

impl<'a> Index<'a> {
    fn new(data: &'a StatsData) -> Self {
        let mut members: HashMap<&str, Vec<&Member>> = HashMap::new();
        for m in &data.members {
            members.entry(m.delegation_id.as_str()).or_default().push(m);
        }
        let mut expenses: HashMap<&str, Vec<&Expense>> = HashMap::new();
        let mut rates = HashMap::new();
        for e in &data.expenses {
            expenses
                .entry(e.delegation_id.as_str())
                .or_default()
                .push(e);
            rates
                .entry(e.rate_to_vnd.as_str())
                .or_insert_with(|| e.rate_to_vnd.parse::<Decimal>().ok());
        }
        Self {
            members,
            people: data.people.iter().map(|p| (p.id.as_str(), p)).collect(),
            organisations: data
                .organisations
                .iter()
                .map(|o| (o.id.as_str(), o))
                .collect(),
            expenses,
            reports: data
                .reports
                .iter()
                .map(|r| (r.delegation_id.as_str(), r))
                .collect(),
            rates,
        }
    }

    /// The expense in VND at its own rate: [`Expense::vnd`], with the rate parsed once.
    fn vnd(&self, expense: &Expense) -> Option<i64> {
        if expense.amount.currency == crate::money::HOME_CURRENCY {
            return Some(expense.amount.minor);
        }
        match self.rates.get(expense.rate_to_vnd.as_str()) {
            Some(Some(rate)) => expense.amount.to_home(*rate),
            Some(None) => None,
            None => expense.vnd(),
        }
    }

    fn members_of(&self, delegation_id: &str) -> &[&'a Member] {
        self.members
            .get(delegation_id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    fn organisation_name(&self, id: Option<&str>) -> String {
        id.and_then(|id| self.organisations.get(id))
            .map(|o| o.name.clone())
            .unwrap_or_default()
    }

    /// The unit a person is counted under (counting rule 4).
    fn unit_of(&self, person: &Person) -> String {
        if !person.unit.trim().is_empty() {
            return person.unit.trim().to_owned();
        }
        self.organisation_name(person.organisation_id.as_deref())
    }
}

fn days_between(first: NaiveDate, last: NaiveDate) -> u32 {
    u32::try_from((last - first).num_days() + 1).unwrap_or(0)
}

/// The state of a delegation's report (counting rule 6).
fn report_state(
    delegation: &Delegation,
    report: Option<&MissionReport>,
    params: &StatsParams,
) -> (ReportState, Option<NaiveDate>, Option<NaiveDate>) {
    if delegation.direction == Direction::Incoming {
        return (ReportState::NotRequired, None, None);
    }
    let due = delegation
        .ends_on
        .checked_add_days(chrono::Days::new(u64::from(params.report_due_days)))
        .unwrap_or(delegation.ends_on);
    let filed = report
        .filter(|r| r.status == ReportStatus::Final)
        .map(|r| r.report_date);
    let state = match filed {
        Some(date) if date <= due => ReportState::OnTime,
        Some(_) => ReportState::Late,
        None if params.as_of > due => ReportState::LateUnfiled,
        None => ReportState::Pending,
    };
    (state, Some(due), filed)
}

/// One delegation's own figures; also collects its unconvertible expenses.
fn line(
    delegation: &Delegation,
    index: &Index<'_>,
    params: &StatsParams,
    unconverted: &mut Vec<UnconvertedExpense>,
) -> DelegationLine {
    let members = index.members_of(&delegation.id);
    let person_days = if delegation.direction == Direction::Outgoing {
        members
            .iter()
            .map(|m| {
                let (first, last) = m.days(delegation.starts_on, delegation.ends_on);
                days_between(first, last)
            })
            .sum()
    } else {
        0
    };
    let (mut actual, mut estimate, mut advance, mut has_actual) = (0_i64, 0_i64, 0_i64, false);
    for expense in index
        .expenses
        .get(delegation.id.as_str())
        .map(Vec::as_slice)
        .unwrap_or_default()
    {
        if expense.kind == ExpenseKind::Actual {
            has_actual = true;
        }
        let Some(vnd) = index.vnd(expense) else {
            unconverted.push(UnconvertedExpense {
                expense_id: expense.id.clone(),
                delegation_id: delegation.id.clone(),
                kind: expense.kind,
                amount: expense.amount.clone(),
            });
            continue;
        };
        let sum = match expense.kind {
            ExpenseKind::Actual => &mut actual,
            ExpenseKind::Estimate => &mut estimate,
            ExpenseKind::Advance => &mut advance,
        };
        *sum = sum.saturating_add(vnd);
    }
    let (report, report_due_on, report_filed_on) = report_state(
        delegation,
        index.reports.get(delegation.id.as_str()).copied(),
        params,
    );
    DelegationLine {
        id: delegation.id.clone(),
        direction: delegation.direction,
        title: delegation.title.clone(),
        country: delegation.country.clone(),
        cities: delegation.cities.clone(),
        more_destinations: delegation.more_destinations.clone(),
        event: delegation.event.clone(),
        organisation: index.organisation_name(delegation.organisation_id.as_deref()),
        starts_on: delegation.starts_on,
        ends_on: delegation.ends_on,
        status: delegation.status,
        funding: delegation.funding,
        members: u32::try_from(members.len()).unwrap_or(u32::MAX),
        person_days,
        actual_vnd: actual,
        estimate_vnd: estimate,
        advance_vnd: advance,
        cost_vnd: if has_actual { actual } else { estimate },
        cost_is_estimate: !has_actual,
        report,
        report_due_on,
        report_filed_on,
    }
}

/// Groups lines into buckets by a key and ranks them (counting rule 8).
fn ranked(
    lines: &[DelegationLine],
    key: impl Fn(&DelegationLine) -> (String, String),
) -> Vec<StatsBucket> {
    ranked_under(lines, |l| vec![key(l)])
}

/// Buckets and ranks delegations that may each belong to several groups (a trip to two
/// countries counts under both): every group a line names counts it once.
fn ranked_under(
    lines: &[DelegationLine],
    keys: impl Fn(&DelegationLine) -> Vec<(String, String)>,
) -> Vec<StatsBucket> {
    let mut buckets: BTreeMap<String, StatsBucket> = BTreeMap::new();
    for line in lines {
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for (k, label) in keys(line) {
            if !seen.insert(k.clone()) {
                continue;
            }
            buckets
                .entry(k.clone())
                .or_insert_with(|| StatsBucket {
                    key: k,
                    label,
                    ..StatsBucket::default()
                })
                .add(line);
        }
    }
    let mut out: Vec<StatsBucket> = buckets.into_values().collect();
    out.sort_by(|a, b| {
        b.total
            .cmp(&a.total)
            .then(b.trips.cmp(&a.trips))
            .then(a.key.cmp(&b.key))
    });
    out
}

impl DelegationLine {
    /// Every country of the trip, in order.
    pub fn countries(&self) -> Vec<&str> {
        std::iter::once(self.country.as_str())
            .chain(self.more_destinations.iter().map(|d| d.country.as_str()))
            .collect()
    }

    /// The cities of every destination that has some, in order: "Singapore; Kuala Lumpur".
    pub fn all_cities(&self) -> String {
        std::iter::once(self.cities.as_str())
            .chain(self.more_destinations.iter().map(|d| d.cities.as_str()))
            .filter(|c| !c.trim().is_empty())
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Totals of counted lines, with the people behind them.
fn totals(
    lines: &[DelegationLine],
    cancelled: &[DelegationLine],
    index: &Index<'_>,
    params: &StatsParams,
) -> StatsTotals {
    let mut t = StatsTotals {
        reports: ReportTimeliness {
            due_days: params.report_due_days,
            ..ReportTimeliness::default()
        },
        ..StatsTotals::default()
    };
    let mut people_out: BTreeSet<&str> = BTreeSet::new();
    let mut people_in: BTreeSet<&str> = BTreeSet::new();
    for line in lines {
        let people = match line.direction {
            Direction::Outgoing => {
                t.outgoing.add(&line.id);
                t.trips_outgoing += line.members;
                &mut people_out
            }
            Direction::Incoming => {
                t.incoming.add(&line.id);
                t.trips_incoming += line.members;
                &mut people_in
            }
        };
        people.extend(
            index
                .members_of(&line.id)
                .iter()
                .map(|m| m.person_id.as_str()),
        );
        t.person_days_abroad += line.person_days;
        t.money.add(line);
        match line.report {
            ReportState::OnTime => t.reports.on_time.add(&line.id),
            ReportState::Late => t.reports.late.add(&line.id),
            ReportState::LateUnfiled => t.reports.late_unfiled.add(&line.id),
            ReportState::Pending => t.reports.pending.add(&line.id),
            ReportState::NotRequired => {}
        }
    }
    for line in cancelled {
        t.cancelled.add(&line.id);
    }
    t.delegations = t.outgoing.count + t.incoming.count;
    t.trips = t.trips_outgoing + t.trips_incoming;
    t.people_outgoing = u32::try_from(people_out.len()).unwrap_or(u32::MAX);
    t.people_incoming = u32::try_from(people_in.len()).unwrap_or(u32::MAX);
    t.people = u32::try_from(people_out.union(&people_in).count()).unwrap_or(u32::MAX);
    t
}

fn change(metric: StatsMetric, current: i64, previous: i64) -> StatsChange {
    let delta = current.saturating_sub(previous);
    let percent = (previous != 0).then(|| {
        (Decimal::from(delta) * Decimal::ONE_HUNDRED / Decimal::from(previous))
            .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    });
    StatsChange {
        metric,
        current,
        previous,
        delta,
        trend: match delta.signum() {
            1 => Trend::Up,
            -1 => Trend::Down,
            _ => Trend::Same,
        },
        percent,
    }
}

fn changes(now: &StatsTotals, before: &StatsTotals) -> Vec<StatsChange> {
    let figures = |t: &StatsTotals| -> Vec<(StatsMetric, i64)> {
        vec![
            (StatsMetric::Outgoing, i64::from(t.outgoing.count)),
            (StatsMetric::Incoming, i64::from(t.incoming.count)),
            (StatsMetric::Delegations, i64::from(t.delegations)),
            (StatsMetric::Trips, i64::from(t.trips)),
            (StatsMetric::People, i64::from(t.people)),
            (
                StatsMetric::PersonDaysAbroad,
                i64::from(t.person_days_abroad),
            ),
            (StatsMetric::ActualVnd, t.money.actual_vnd),
            (StatsMetric::EstimateVnd, t.money.estimate_vnd),
            (StatsMetric::CostVnd, t.money.cost_vnd),
            (
                StatsMetric::ReportsOnTime,
                i64::from(t.reports.on_time.count),
            ),
            (
                StatsMetric::ReportsLate,
                i64::from(t.reports.late.count + t.reports.late_unfiled.count),
            ),
        ]
    };
    figures(now)
        .into_iter()
        .zip(figures(before))
        .map(|((metric, current), (_, previous))| change(metric, current, previous))
        .collect()
}

/// Person-days abroad per person and per unit (counting rule 4).
fn person_days(
    lines: &[DelegationLine],
    delegations: &HashMap<&str, &Delegation>,
    index: &Index<'_>,
) -> (Vec<PersonDays>, Vec<UnitDays>) {
    let mut people: BTreeMap<&str, PersonDays> = BTreeMap::new();
    for line in lines.iter().filter(|l| l.direction == Direction::Outgoing) {
        let Some(delegation) = delegations.get(line.id.as_str()) else {
            continue;
        };
        for member in index.members_of(&line.id) {
            let (first, last) = member.days(delegation.starts_on, delegation.ends_on);
            let person = index.people.get(member.person_id.as_str());
            let entry = people
                .entry(member.person_id.as_str())
                .or_insert_with(|| PersonDays {
                    person_id: member.person_id.clone(),
                    full_name: person.map(|p| p.full_name.clone()).unwrap_or_default(),
                    unit: person.map(|p| index.unit_of(p)).unwrap_or_default(),
                    trips: 0,
                    days: 0,
                    delegation_ids: Vec::new(),
                });
            entry.trips += 1;
            entry.days += days_between(first, last);
            entry.delegation_ids.push(line.id.clone());
        }
    }
    let mut units: BTreeMap<String, UnitDays> = BTreeMap::new();
    for p in people.values() {
        let unit = units.entry(p.unit.clone()).or_insert_with(|| UnitDays {
            unit: p.unit.clone(),
            people: 0,
            trips: 0,
            days: 0,
            delegation_ids: Vec::new(),
        });
        unit.people += 1;
        unit.trips += p.trips;
        unit.days += p.days;
        unit.delegation_ids.extend(p.delegation_ids.iter().cloned());
    }
    let mut people: Vec<PersonDays> = people.into_values().collect();
    people.sort_by(|a, b| {
        b.days
            .cmp(&a.days)
            .then(b.trips.cmp(&a.trips))
            .then(a.full_name.cmp(&b.full_name))
            .then(a.person_id.cmp(&b.person_id))
    });
    let order: HashMap<&str, usize> = lines
        .iter()
        .enumerate()
        .map(|(n, l)| (l.id.as_str(), n))
        .collect();
    let mut units: Vec<UnitDays> = units.into_values().collect();
    for unit in &mut units {
        unit.delegation_ids
            .sort_by_key(|id| order.get(id.as_str()).copied().unwrap_or(usize::MAX));
        unit.delegation_ids.dedup();
    }
    units.sort_by(|a, b| b.days.cmp(&a.days).then(a.unit.cmp(&b.unit)));
    (people, units)
}

/// The event a delegation is grouped under: its event as written, compared without case.
fn event_key(line: &DelegationLine) -> (String, String) {
    let label = line.event.trim().to_owned();
    (label.to_lowercase(), label)
}

/// Counts the records by the rules in this module's documentation.
pub fn compute(params: &StatsParams, data: &StatsData) -> YearStats {
    let index = Index::new(data);
    let mut delegations: Vec<&Delegation> = data
        .delegations
        .iter()
        .filter(|d| d.deleted_at.is_none())
        .collect();
    delegations.sort_by(|a, b| a.starts_on.cmp(&b.starts_on).then(a.id.cmp(&b.id)));
    let by_id: HashMap<&str, &Delegation> =
        delegations.iter().map(|d| (d.id.as_str(), *d)).collect();

    let mut unconverted = Vec::new();
    let mut ignored = Vec::new();
    let (mut counted, mut cancelled) = (Vec::new(), Vec::new());
    let (mut previous, mut previous_cancelled) = (Vec::new(), Vec::new());
    for d in &delegations {
        let in_range = params.range.contains(d.starts_on);
        let in_previous = params.previous.contains(d.starts_on);
        if !in_range && !in_previous {
            continue;
        }
        // Unconverted expenses are reported for the range itself only.
        let sink = if in_range {
            &mut unconverted
        } else {
            &mut ignored
        };
        let l = line(d, &index, params, sink);
        let is_cancelled = d.status == DelegationStatus::Cancelled;
        match (in_range, is_cancelled) {
            (true, false) => counted.push(l),
            (true, true) => cancelled.push(l),
            (false, false) => previous.push(l),
            (false, true) => previous_cancelled.push(l),
        }
    }

    let totals_now = totals(&counted, &cancelled, &index, params);
    let totals_before = totals(&previous, &previous_cancelled, &index, params);

    let mut months: BTreeMap<String, MonthStats> = params
        .range
        .months()
        .into_iter()
        .map(|m| {
            (
                m.clone(),
                MonthStats {
                    month: m,
                    ..MonthStats::default()
                },
            )
        })
        .collect();
    for l in &counted {
        if let Some(month) = months.get_mut(&month_key(l.starts_on)) {
            match l.direction {
                Direction::Outgoing => month.outgoing.add(&l.id),
                Direction::Incoming => month.incoming.add(&l.id),
            }
        }
    }

    let by_funding = Funding::ALL
        .iter()
        .map(|funding| {
            let mut f = FundingStats {
                funding: *funding,
                outgoing: Tally::default(),
                incoming: Tally::default(),
                total: 0,
                money: MoneyTotals::default(),
            };
            for l in counted.iter().filter(|l| l.funding == *funding) {
                match l.direction {
                    Direction::Outgoing => f.outgoing.add(&l.id),
                    Direction::Incoming => f.incoming.add(&l.id),
                }
                f.total += 1;
                f.money.add(l);
            }
            f
        })
        .collect();

    let mut by_status = ranked(&counted, |l| {
        (l.status.as_str().to_owned(), l.status.as_str().to_owned())
    });
    by_status.sort_by_key(|b| DelegationStatus::parse(&b.key));
    let (person_days_by_person, person_days_by_unit) = person_days(&counted, &by_id, &index);

    YearStats {
        range: params.range,
        previous_range: params.previous,
        as_of: params.as_of,
        changes: changes(&totals_now, &totals_before),
        totals: totals_now,
        previous: totals_before,
        by_month: months.into_values().collect(),
        // A trip to several countries counts under each of them; totals count it once.
        by_country: ranked_under(&counted, |l| {
            std::iter::once(&l.country)
                .chain(l.more_destinations.iter().map(|d| &d.country))
                .map(|c| (c.clone(), c.clone()))
                .collect()
        }),
        by_organisation: ranked(&counted, |l| {
            let id = by_id
                .get(l.id.as_str())
                .and_then(|d| d.organisation_id.clone())
                .unwrap_or_default();
            (id, l.organisation.clone())
        }),
        by_event: ranked(&counted, event_key),
        by_funding,
        by_status,
        person_days_by_person,
        person_days_by_unit,
        delegations: counted,
        cancelled,
        unconverted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ExpenseCategory, Language, MemberRole, Money, NameOrder, OrganisationKind};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap_or_default()
    }

    fn delegation(id: &str, direction: Direction, starts: &str, ends: &str) -> Delegation {
        Delegation {
            id: id.into(),
            direction,
            title: format!("Delegation {id}"),
            country: "SG".into(),
            starts_on: day(starts),
            ends_on: day(ends),
            status: DelegationStatus::Returned,
            funding: Funding::StateBudget,
            ..Default::default()
        }
    }

    fn person(id: &str, unit: &str) -> Person {
        Person {
            id: id.into(),
            full_name: format!("Person {id}"),
            name_order: NameOrder::FamilyFirst,
            unit: unit.into(),
            nationality: "VN".into(),
            ..Default::default()
        }
    }

    fn member(delegation_id: &str, person_id: &str) -> Member {
        Member {
            id: format!("{delegation_id}/{person_id}"),
            delegation_id: delegation_id.into(),
            person_id: person_id.into(),
            role: MemberRole::Member,
            ..Default::default()
        }
    }

    fn expense(delegation_id: &str, kind: ExpenseKind, money: (&str, i64), rate: &str) -> Expense {
        Expense {
            id: format!("{delegation_id}/{kind}/{}/{}", money.0, money.1),
            delegation_id: delegation_id.into(),
            kind,
            category: ExpenseCategory::Other,
            amount: Money {
                currency: money.0.into(),
                minor: money.1,
            },
            rate_to_vnd: rate.into(),
            ..Default::default()
        }
    }

    fn report(delegation_id: &str, date: &str, status: ReportStatus) -> MissionReport {
        MissionReport {
            id: format!("r-{delegation_id}"),
            delegation_id: delegation_id.into(),
            language: Language::Vi,
            report_date: day(date),
            status,
            version: 1,
            ..Default::default()
        }
    }

    fn params(year: i32, as_of: &str) -> StatsParams {
        let range = StatsRange::year(year).unwrap_or(StatsRange {
            from: NaiveDate::MIN,
            to: NaiveDate::MIN,
        });
        StatsParams {
            range,
            previous: range.previous().unwrap_or(range),
            as_of: day(as_of),
            report_due_days: 15,
        }
    }

    #[test]
    fn the_previous_range_of_a_year_is_the_year_before_even_across_a_leap_day() {
        let y2017 = StatsRange::year(2017);
        assert_eq!(
            y2017.and_then(|r| r.previous()),
            StatsRange::year(2016),
            "2016 has 366 days but is still the year before 2017"
        );
        let quarter = StatsRange {
            from: day("2017-01-01"),
            to: day("2017-03-31"),
        };
        assert_eq!(
            quarter.previous().map(|r| (r.from, r.to)),
            Some((day("2016-10-01"), day("2016-12-31"))),
            "three whole months compare with the three months before"
        );
        let ten_days = StatsRange {
            from: day("2017-03-05"),
            to: day("2017-03-14"),
        };
        assert_eq!(
            ten_days.previous().map(|r| (r.from, r.to)),
            Some((day("2017-02-23"), day("2017-03-04"))),
            "any other range compares with as many days just before"
        );
    }

    #[test]
    fn a_range_must_not_end_before_it_starts_nor_span_half_a_century() {
        let broken = |from: &str, to: &str| {
            StatsRangeInput {
                from: from.into(),
                to: to.into(),
            }
            .validate()
            .err()
            .map(|e| {
                e.violations
                    .into_iter()
                    .map(|v| (v.field, v.rule))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(
            broken("2017-12-31", "2017-01-01"),
            Some(vec![("to".into(), Rule::EndBeforeStart)])
        );
        assert_eq!(
            broken("2017-13-01", "2017-12-31"),
            Some(vec![("from".into(), Rule::InvalidDate)])
        );
        assert_eq!(
            broken("1900-01-01", "2017-12-31"),
            Some(vec![("to".into(), Rule::OutOfRange)])
        );
        assert_eq!(broken("2017-01-01", "2017-12-31"), None);
    }

    #[test]
    fn a_year_lists_its_twelve_months_even_empty_ones() {
        let stats = compute(&params(2017, "2018-06-01"), &StatsData::default());
        let months: Vec<&str> = stats.by_month.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(months.len(), 12, "{months:?}");
        assert_eq!(months.first(), Some(&"2017-01"));
        assert_eq!(months.last(), Some(&"2017-12"));
        assert_eq!(
            stats
                .by_funding
                .iter()
                .map(|f| f.funding)
                .collect::<Vec<_>>(),
            Funding::ALL.to_vec(),
            "the three funding sources are always there, for a stable chart"
        );
    }

    #[test]
    fn a_trip_over_new_year_counts_whole_in_the_year_it_starts() {
        let data = StatsData {
            delegations: vec![delegation(
                "a",
                Direction::Outgoing,
                "2016-12-29",
                "2017-01-03",
            )],
            members: vec![member("a", "p")],
            people: vec![person("p", "Phòng Tin học")],
            ..StatsData::default()
        };
        let y2016 = compute(&params(2016, "2018-01-01"), &data);
        let y2017 = compute(&params(2017, "2018-01-01"), &data);
        assert_eq!(y2016.totals.outgoing.count, 1);
        assert_eq!(
            y2016.totals.person_days_abroad, 6,
            "29, 30, 31 Dec and 1, 2, 3 Jan all count in 2016"
        );
        assert_eq!(y2017.totals.outgoing.count, 0);
        assert_eq!(
            y2017.previous.outgoing.count, 1,
            "2017 compares with 2016, which holds the trip"
        );
    }

    #[test]
    fn cost_is_the_actual_spending_when_there_is_any_else_the_estimate() {
        let data = StatsData {
            delegations: vec![
                delegation("spent", Direction::Outgoing, "2017-03-01", "2017-03-04"),
                delegation("planned", Direction::Outgoing, "2017-05-01", "2017-05-04"),
            ],
            expenses: vec![
                // 100.00 USD × 22 700 = 2 270 000 ₫
                expense("spent", ExpenseKind::Estimate, ("USD", 10_000), "22700"),
                // 90.50 USD × 22 710.5 = 2 055 300.25 → 2 055 300 ₫
                expense("spent", ExpenseKind::Actual, ("USD", 9_050), "22710.5"),
                expense("spent", ExpenseKind::Advance, ("VND", 1_000_000), ""),
                expense("planned", ExpenseKind::Estimate, ("VND", 5_000_000), ""),
                // No rate: cannot be converted, left out and listed.
                expense("planned", ExpenseKind::Estimate, ("EUR", 5_000), ""),
            ],
            ..StatsData::default()
        };
        let stats = compute(&params(2017, "2018-01-01"), &data);
        let money = &stats.totals.money;
        assert_eq!(money.actual_vnd, 2_055_300);
        assert_eq!(money.estimate_vnd, 2_270_000 + 5_000_000);
        assert_eq!(money.advance_vnd, 1_000_000, "advances are summed apart");
        assert_eq!(
            money.cost_vnd,
            2_055_300 + 5_000_000,
            "spent: its actual; planned: its estimate"
        );
        assert_eq!(money.estimated_ids, vec!["planned".to_owned()]);
        assert_eq!(
            stats
                .unconverted
                .iter()
                .map(|u| u.amount.currency.as_str())
                .collect::<Vec<_>>(),
            vec!["EUR"],
            "the euro amount without a rate is listed, not guessed"
        );
    }

    #[test]
    fn the_screens_figures_keep_every_number_but_not_the_delegations_behind_them() {
        let mut cancelled = delegation("off", Direction::Outgoing, "2017-06-01", "2017-06-02");
        cancelled.status = DelegationStatus::Cancelled;
        let data = StatsData {
            delegations: vec![
                delegation("spent", Direction::Outgoing, "2017-03-01", "2017-03-04"),
                delegation("planned", Direction::Outgoing, "2017-05-01", "2017-05-04"),
                delegation("visit", Direction::Incoming, "2016-05-01", "2016-05-04"),
                cancelled,
            ],
            members: vec![member("spent", "p"), member("planned", "p")],
            people: vec![person("p", "Phòng Tin học")],
            expenses: vec![
                expense("spent", ExpenseKind::Actual, ("VND", 2_000_000), ""),
                expense("planned", ExpenseKind::Estimate, ("EUR", 5_000), ""),
            ],
            reports: vec![report("spent", "2017-03-20", ReportStatus::Final)],
            ..StatsData::default()
        };
        let whole = compute(&params(2017, "2018-01-01"), &data);
        let figures = whole.clone().figures_only();

        // Without the ids and the counted lines, the two say the same, figure for figure.
        fn without_lists(value: &mut serde_json::Value) {
            match value {
                serde_json::Value::Object(fields) => {
                    fields.remove("delegation_ids");
                    fields.remove("delegations");
                    fields.values_mut().for_each(without_lists);
                }
                serde_json::Value::Array(items) => items.iter_mut().for_each(without_lists),
                _ => {}
            }
        }
        let text = |stats: &YearStats| serde_json::to_value(stats).unwrap_or_default();
        let (mut a, mut b) = (text(&whole), text(&figures));
        without_lists(&mut a);
        without_lists(&mut b);
        assert_eq!(a, b);
        // Every delegation id a tally, a person or a unit names, counted through the JSON.
        fn ids_named(value: &serde_json::Value) -> usize {
            match value {
                serde_json::Value::Object(fields) => fields
                    .iter()
                    .map(|(name, v)| match (name.as_str(), v) {
                        ("delegation_ids", serde_json::Value::Array(ids)) => ids.len(),
                        _ => ids_named(v),
                    })
                    .sum(),
                serde_json::Value::Array(items) => items.iter().map(ids_named).sum(),
                _ => 0,
            }
        }
        assert!(
            ids_named(&text(&whole)) > 10,
            "the whole answer names its delegations"
        );
        assert_eq!(ids_named(&text(&figures)), 0, "the figures name none");
        assert_eq!(figures.totals.outgoing.count, 2);
        assert_eq!(whole.totals.outgoing.delegation_ids.len(), 2);
        assert_eq!(whole.person_days_by_person[0].delegation_ids.len(), 2);
        assert_eq!(
            figures
                .delegations
                .iter()
                .map(|l| l.id.as_str())
                .collect::<Vec<_>>(),
            vec!["planned"],
            "the line an unconverted expense names stays, for its title"
        );
        assert_eq!(
            figures.totals.money.estimated_ids,
            vec!["planned".to_owned()]
        );
        assert_eq!(
            figures.cancelled.len(),
            1,
            "cancelled lines are listed on the screen"
        );
    }

    #[test]
    fn reports_are_on_time_late_unfiled_or_pending_by_their_due_date() {
        let mut incoming = delegation("in", Direction::Incoming, "2017-02-01", "2017-02-03");
        incoming.country = "TH".into();
        let data = StatsData {
            delegations: vec![
                delegation("on-time", Direction::Outgoing, "2017-03-01", "2017-03-05"),
                delegation("late", Direction::Outgoing, "2017-04-01", "2017-04-05"),
                delegation("draft", Direction::Outgoing, "2017-05-01", "2017-05-05"),
                delegation("none", Direction::Outgoing, "2017-12-20", "2017-12-22"),
                incoming,
            ],
            reports: vec![
                // Due 5 Mar + 15 days = 20 Mar: filed on the very day.
                report("on-time", "2017-03-20", ReportStatus::Final),
                // Due 20 Apr, filed on the 21st.
                report("late", "2017-04-21", ReportStatus::Final),
                // A draft is not filed; due 20 May, long past by 2 Jan 2018.
                report("draft", "2017-05-10", ReportStatus::Draft),
            ],
            ..StatsData::default()
        };
        // As of 2 Jan 2018: the December trip's report is due on 6 Jan, not yet late.
        let stats = compute(&params(2017, "2018-01-02"), &data);
        let r = &stats.totals.reports;
        assert_eq!(r.on_time.delegation_ids, vec!["on-time".to_owned()]);
        assert_eq!(r.late.delegation_ids, vec!["late".to_owned()]);
        assert_eq!(r.late_unfiled.delegation_ids, vec!["draft".to_owned()]);
        assert_eq!(r.pending.delegation_ids, vec!["none".to_owned()]);
        let incoming = stats.delegations.iter().find(|l| l.id == "in");
        assert_eq!(
            incoming.map(|l| l.report),
            Some(ReportState::NotRequired),
            "hosting a delegation needs no mission report"
        );
        let later = compute(&params(2017, "2018-01-07"), &data);
        assert_eq!(
            later.totals.reports.late_unfiled.count, 2,
            "a day after its due date the December report is late too"
        );
    }

    #[test]
    fn comparisons_say_up_or_down_and_by_how_much() {
        assert_eq!(
            change(StatsMetric::Outgoing, 3, 4),
            StatsChange {
                metric: StatsMetric::Outgoing,
                current: 3,
                previous: 4,
                delta: -1,
                trend: Trend::Down,
                percent: Some(Decimal::new(-25, 0)),
            }
        );
        let up = change(StatsMetric::Trips, 7, 6);
        assert_eq!(
            (up.trend, up.percent.map(|p| p.to_string())),
            (Trend::Up, Some("16.7".to_owned())),
            "1/6 is 16.67%, shown to one decimal"
        );
        let from_nothing = change(StatsMetric::People, 5, 0);
        assert_eq!(
            (from_nothing.trend, from_nothing.percent),
            (Trend::Up, None)
        );
    }

    #[test]
    fn the_figures_cross_to_the_ui_with_dates_and_amounts_typed_as_stored() {
        let cfg = ts_rs::Config::new();
        let year = YearStats::decl(&cfg);
        assert!(year.contains("as_of: string"), "{year}");
        assert!(year.contains("by_month: Array<MonthStats>"), "{year}");
        let change = StatsChange::decl(&cfg);
        assert!(
            change.contains("percent: string | null"),
            "a decimal percentage crosses as text, never a float: {change}"
        );
        let money = MoneyTotals::decl(&cfg);
        assert!(money.contains("cost_vnd: number"), "{money}");
    }

    #[test]
    fn people_without_a_unit_count_under_their_organisation() {
        let mut provincial = person("q", "");
        provincial.organisation_id = Some("org".into());
        let data = StatsData {
            delegations: vec![delegation(
                "a",
                Direction::Outgoing,
                "2017-03-01",
                "2017-03-02",
            )],
            members: vec![member("a", "p"), member("a", "q"), member("a", "r")],
            people: vec![person("p", "Phòng Tin học"), provincial, person("r", "")],
            organisations: vec![Organisation {
                id: "org".into(),
                name: "Thư viện tỉnh Khánh Hòa".into(),
                country: "VN".into(),
                kind: OrganisationKind::Library,
                ..Default::default()
            }],
            ..StatsData::default()
        };
        let stats = compute(&params(2017, "2018-01-01"), &data);
        let mut units: Vec<(&str, u32)> = stats
            .person_days_by_unit
            .iter()
            .map(|u| (u.unit.as_str(), u.days))
            .collect();
        units.sort();
        assert_eq!(
            units,
            vec![
                ("", 2),
                ("Phòng Tin học", 2),
                ("Thư viện tỉnh Khánh Hòa", 2)
            ]
        );
    }
}
