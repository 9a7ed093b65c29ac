//! Cost estimates ("dự toán kinh phí đoàn ra") for an outgoing delegation: what each member
//! costs by the rate table in force, plus what staff entered by hand, less what a sponsor
//! pays, in the table's currency and in VND at a rate the user gives with its date and source.
//!
//! # How the table's lines are counted
//! - A member's days are their own joining and leaving days, else the delegation's first and
//!   last day. Travel days count: a member who leaves Hà Nội on 5 Sep and is back on 9 Sep is
//!   away 5 days.
//! - **Per diem**: one allowance per calendar day away, both ends included
//!   (5–9 Sep = 5 days), at the rate of the destination's group for the member's staff level.
//! - **Accommodation**: one night fewer than the days (5–9 Sep = 4 nights), at the group's
//!   cap for the level. The cap is what the estimate asks for; the settlement pays receipts.
//! - The destination is the delegation's country; the group is the one that lists it, else
//!   the group listing `*`; the rate is the level's own, else the group's `*` rate.
//! - A category the table says a sponsor covers for the delegation's funding (e.g. airfare
//!   and accommodation on a mixed trip) is left out, and listed as left out.
//!
//! # What staff enter by hand
//! Estimate expenses (`kind = estimate`) cover what the table cannot know: airfare quotes,
//! visa fees, insurance, registration, local transport, gifts. They are included as entered,
//! unless a sponsor covers their category. Hand-entered lines for per diem or accommodation
//! are left out (and listed), since the table computes those: counting both would count twice.
//!
//! # Money
//! Amounts stay exact integers in minor units. Each line is converted to VND on its own
//! (the user's rate for the table's currency, a hand-entered line's own rate for any other
//! currency) and rounded half away from zero to whole dong; the VND total is the sum of the
//! lines' VND, so the printed column adds up.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::delegation::{Delegation, Direction, Funding};
use crate::error::{Error, ErrorKind, Rule};
use crate::expense::{Expense, ExpenseCategory, ExpenseKind};
use crate::money::{HOME_CURRENCY, Money, parse_rate};
use crate::named;
use crate::rates::RateTable;
use crate::report::Language;

named! {
    /// Where an estimate line comes from.
    pub enum LineSource {
        /// Computed from the rate table.
        Table = "table",
        /// An estimate expense a user entered.
        Entered = "entered",
    }
}

named! {
    /// How a line differs between two estimates.
    pub enum ChangeKind {
        Added = "added",
        Removed = "removed",
        Changed = "changed",
    }
}

/// An exchange rate to VND, with the day it was read and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExchangeRate {
    /// The foreign currency (ISO 4217).
    pub currency: String,
    /// VND per one major unit, as a decimal string ("22300" or "22310.5").
    pub rate: String,
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// "Vietcombank, tỷ giá bán".
    pub source: String,
}

impl ExchangeRate {
    pub fn decimal(&self) -> Option<Decimal> {
        parse_rate(&self.rate)
    }
}

/// What a user asks for when estimating: which table (none: the one in force on the
/// delegation's first day) and the exchange rate for the table's currency (all three
/// fields, or none of them).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct EstimateRequest {
    pub table_id: Option<String>,
    /// VND per unit of the table's currency: "23500".
    pub rate: String,
    /// `YYYY-MM-DD`.
    pub rate_date: String,
    pub rate_source: String,
}

impl EstimateRequest {
    /// The exchange rate for `currency`, or none when no rate was given. A rate must come
    /// with its date and its source.
    pub fn exchange(&self, currency: &str) -> Result<Option<ExchangeRate>, Error> {
        let mut check = Check::new();
        let typed = self.rate.trim();
        if typed.is_empty() {
            if !self.rate_date.trim().is_empty() || !self.rate_source.trim().is_empty() {
                check.fail(
                    "rate",
                    Rule::Required,
                    "A rate date or source was given without the rate itself",
                );
            }
            return check.finish(|| Some(None));
        }
        let rate = parse_rate(typed);
        if rate.is_none() {
            check.fail(
                "rate",
                Rule::InvalidAmount,
                format!("Exchange rate must be a positive number such as 23500, not \"{typed}\""),
            );
        }
        let date = check.date("rate_date", "Rate date", &self.rate_date);
        let source = check.required("rate_source", "Rate source", &self.rate_source);
        check.finish(|| {
            Some(Some(ExchangeRate {
                currency: currency.to_owned(),
                rate: rate?.normalize().to_string(),
                date: date?,
                source,
            }))
        })
    }
}

/// A member as the estimate sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Traveller {
    pub person_id: String,
    pub name: String,
    /// The person's staff level ("leader", "staff"), matched against the table's levels.
    pub level: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// How a line's amount was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Basis {
    /// `days` × `rate`, the group's daily allowance for the level.
    PerDiem {
        #[ts(type = "number")]
        days: i64,
        #[ts(type = "string")]
        first_day: NaiveDate,
        #[ts(type = "string")]
        last_day: NaiveDate,
        rate: Money,
        group: String,
        level: String,
    },
    /// `nights` × `rate`, the group's accommodation cap for the level.
    Accommodation {
        #[ts(type = "number")]
        nights: i64,
        rate: Money,
        group: String,
        level: String,
    },
    /// An estimate expense entered by hand.
    Entered { description: String },
}

/// Why a line is shown but not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Exclusion {
    /// The sponsor pays for this category on a trip with this funding.
    Sponsored { funding: Funding },
    /// Entered by hand in a category the table computes.
    ComputedByTable,
    /// No group of the table holds the destination.
    NoGroup { country: String },
    /// The group has no rate for the level (nor a `*` rate).
    NoRate { group: String, level: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EstimateLine {
    /// The member it is for; none for the delegation as a whole.
    pub person_id: Option<String>,
    /// Their name as written; empty for the delegation as a whole.
    pub person_name: String,
    pub category: ExpenseCategory,
    pub source: LineSource,
    /// The estimate expense behind an entered line.
    pub expense_id: Option<String>,
    pub amount: Money,
    /// The amount in VND, when a rate is known.
    #[ts(type = "number | null")]
    pub vnd: Option<i64>,
    /// The rate used for `vnd` (VND per unit, "22300"); empty for VND or when none is known.
    pub rate: String,
    pub basis: Basis,
    /// How it was computed, in English: "5 days (2016-09-05 – 2016-09-09) × 70.00 USD
    /// (group B, leader)". [`EstimateLine::explain`] gives it in Vietnamese too.
    pub explanation: String,
}

/// A line left out of the totals, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExcludedLine {
    pub person_id: Option<String>,
    pub person_name: String,
    pub category: ExpenseCategory,
    pub source: LineSource,
    pub expense_id: Option<String>,
    /// What it would have cost, when that is known.
    pub amount: Option<Money>,
    /// How that amount was reached, when it is known.
    pub basis: Option<Basis>,
    pub reason: Exclusion,
    /// In English, like [`EstimateLine::explanation`].
    pub explanation: String,
}

/// One member's (or the delegation's) subtotal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonTotal {
    pub person_id: Option<String>,
    pub person_name: String,
    /// One amount per currency, in code order.
    pub totals: Vec<Money>,
    /// `None` when a line of theirs has no VND amount.
    #[ts(type = "number | null")]
    pub vnd: Option<i64>,
}

/// A computed estimate: which table it used, every line with how it was reached, what was
/// left out, and the totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Estimate {
    pub delegation_id: String,
    pub table_id: String,
    /// The regulation the figures come from, as the table names it.
    pub table_name: String,
    #[ts(type = "string")]
    pub table_valid_from: NaiveDate,
    /// The table's currency.
    pub currency: String,
    /// The user's rate for the table's currency, if given.
    pub exchange: Option<ExchangeRate>,
    pub lines: Vec<EstimateLine>,
    pub excluded: Vec<ExcludedLine>,
    /// Per member (in the delegation's order), then the delegation as a whole.
    pub people: Vec<PersonTotal>,
    /// One amount per currency, in code order.
    pub totals: Vec<Money>,
    /// The sum of the lines' VND; `None` when a line could not be converted.
    #[ts(type = "number | null")]
    pub total_vnd: Option<i64>,
    /// Currencies with no rate to VND (give one to get a VND total).
    pub unconverted: Vec<String>,
}

/// An estimate kept as it was computed, with the table it used: what was approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SavedEstimate {
    pub id: String,
    pub delegation_id: String,
    pub table_name: String,
    #[ts(type = "string")]
    pub table_valid_from: NaiveDate,
    pub estimate: Estimate,
    pub created_at: String,
}

/// One line that differs between a saved estimate and a new computation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LineChange {
    pub change: ChangeKind,
    pub person_id: Option<String>,
    pub person_name: String,
    pub category: ExpenseCategory,
    pub source: LineSource,
    pub before: Option<Money>,
    pub after: Option<Money>,
    #[ts(type = "number | null")]
    pub before_vnd: Option<i64>,
    #[ts(type = "number | null")]
    pub after_vnd: Option<i64>,
    pub before_explanation: String,
    pub after_explanation: String,
}

/// A fresh estimate beside the last saved one, and what changed since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EstimateReview {
    pub estimate: Estimate,
    pub saved: Option<SavedEstimate>,
    pub changes: Vec<LineChange>,
}

/// Per-diem days: calendar days from `first` to `last`, both included (5–9 Sep is 5).
pub fn per_diem_days(first: NaiveDate, last: NaiveDate) -> i64 {
    ((last - first).num_days() + 1).max(0)
}

/// Accommodation nights: one fewer than the days (5–9 Sep is 4); a day trip has none.
pub fn accommodation_nights(first: NaiveDate, last: NaiveDate) -> i64 {
    (last - first).num_days().max(0)
}

fn date_vi(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

impl Basis {
    /// How the amount was reached, in `language`.
    pub fn explain(&self, language: Language) -> String {
        match (self, language) {
            (
                Self::PerDiem {
                    days,
                    first_day,
                    last_day,
                    rate,
                    group,
                    level,
                },
                Language::En,
            ) => format!(
                "{days} day{} ({first_day} – {last_day}) × {} (group {group}, {level})",
                if *days == 1 { "" } else { "s" },
                rate.display()
            ),
            (
                Self::PerDiem {
                    days,
                    first_day,
                    last_day,
                    rate,
                    group,
                    level,
                },
                Language::Vi,
            ) => format!(
                "{days} ngày ({} – {}) × {} (nhóm {group}, {level})",
                date_vi(*first_day),
                date_vi(*last_day),
                rate.display()
            ),
            (
                Self::Accommodation {
                    nights,
                    rate,
                    group,
                    level,
                },
                Language::En,
            ) => format!(
                "{nights} night{} × {} (group {group}, {level})",
                if *nights == 1 { "" } else { "s" },
                rate.display()
            ),
            (
                Self::Accommodation {
                    nights,
                    rate,
                    group,
                    level,
                },
                Language::Vi,
            ) => format!("{nights} đêm × {} (nhóm {group}, {level})", rate.display()),
            (Self::Entered { description }, Language::En) if description.is_empty() => {
                "Entered by hand".to_owned()
            }
            (Self::Entered { description }, Language::Vi) if description.is_empty() => {
                "Nhập tay".to_owned()
            }
            (Self::Entered { description }, Language::En) => {
                format!("Entered by hand: {description}")
            }
            (Self::Entered { description }, Language::Vi) => {
                format!("Nhập tay: {description}")
            }
        }
    }
}

impl Exclusion {
    /// Why the line is left out, in `language`.
    pub fn explain(&self, language: Language) -> String {
        match (self, language) {
            (Self::Sponsored { funding }, Language::En) => {
                format!("paid by the sponsor ({funding} funding)")
            }
            (Self::Sponsored { funding }, Language::Vi) => format!(
                "nhà tài trợ chi trả ({})",
                match funding {
                    Funding::Sponsored => "đoàn được tài trợ",
                    Funding::Mixed => "kinh phí hỗn hợp",
                    Funding::StateBudget => "ngân sách nhà nước",
                }
            ),
            (Self::ComputedByTable, Language::En) => {
                "not counted: the rate table computes this category".to_owned()
            }
            (Self::ComputedByTable, Language::Vi) => {
                "không tính: khoản này tính theo bảng định mức".to_owned()
            }
            (Self::NoGroup { country }, Language::En) => {
                format!("no group of the rate table holds {country}")
            }
            (Self::NoGroup { country }, Language::Vi) => {
                format!("bảng định mức không xếp {country} vào nhóm nào")
            }
            (Self::NoRate { group, level }, Language::En) => {
                format!("group {group} has no rate for level \"{level}\"")
            }
            (Self::NoRate { group, level }, Language::Vi) => {
                format!("nhóm {group} không có định mức cho cấp \"{level}\"")
            }
        }
    }
}

impl EstimateLine {
    pub fn explain(&self, language: Language) -> String {
        self.basis.explain(language)
    }
}

impl ExcludedLine {
    /// What the line was and why it is left out, in `language`.
    pub fn explain(&self, language: Language) -> String {
        let reason = self.reason.explain(language);
        match (&self.basis, &self.amount) {
            (Some(b), Some(amount)) => {
                format!("{} = {}: {reason}", b.explain(language), amount.display())
            }
            (None, Some(amount)) => format!("{}: {reason}", amount.display()),
            _ => reason,
        }
    }
}

/// Everything [`compute`] needs, gathered by the caller (the store).
#[derive(Debug, Clone)]
pub struct EstimateInput<'a> {
    pub delegation: &'a Delegation,
    /// The members, in the order the estimate lists them (the head first).
    pub travellers: &'a [Traveller],
    pub table: &'a RateTable,
    /// The delegation's expenses; only `kind = estimate` ones are used.
    pub expenses: &'a [Expense],
    /// Names of people an expense refers to who are not travellers (a member since removed).
    pub other_names: &'a BTreeMap<String, String>,
    pub exchange: Option<ExchangeRate>,
}

fn overflow() -> Error {
    Error::invalid(vec![crate::error::Violation::new(
        "amount",
        Rule::OutOfRange,
        "The estimate's amounts are too large to add up",
    )])
}

/// The amount in VND and the rate used: VND as is, the table's currency at the user's
/// rate, another currency at the expense's own rate.
fn to_vnd(
    amount: &Money,
    exchange: Option<&ExchangeRate>,
    own_rate: &str,
) -> (Option<i64>, String) {
    if amount.currency == HOME_CURRENCY {
        return (Some(amount.minor), String::new());
    }
    let rate = match exchange {
        Some(x) if x.currency == amount.currency => x.decimal(),
        _ => parse_rate(own_rate),
    };
    match rate {
        Some(rate) => (amount.to_home(rate), rate.normalize().to_string()),
        None => (None, String::new()),
    }
}

/// Computes the estimate of an outgoing delegation. Pure: the same input gives the same
/// estimate. See the module documentation for the counting rules.
pub fn compute(input: &EstimateInput<'_>) -> Result<Estimate, Error> {
    let d = input.delegation;
    let table = input.table;
    if d.direction != Direction::Outgoing {
        return Err(Error::new(
            ErrorKind::Conflict,
            "Estimates by a per-diem table are for outgoing delegations; this one is incoming",
        )
        .coded("estimate_incoming", &[]));
    }
    let exchange = input.exchange.as_ref();
    let mut lines: Vec<EstimateLine> = Vec::new();
    let mut excluded: Vec<ExcludedLine> = Vec::new();
    let group = table.group_of(&d.country);

    for t in input.travellers {
        let who = (Some(t.person_id.clone()), t.name.clone());
        let mut leave_out = |category: ExpenseCategory,
                             amount: Option<Money>,
                             reason: Exclusion,
                             basis: Option<&Basis>| {
            let mut line = ExcludedLine {
                person_id: who.0.clone(),
                person_name: who.1.clone(),
                category,
                source: LineSource::Table,
                expense_id: None,
                amount,
                basis: basis.cloned(),
                reason,
                explanation: String::new(),
            };
            line.explanation = line.explain(Language::En);
            excluded.push(line);
        };
        let Some(group) = group else {
            for category in [ExpenseCategory::PerDiem, ExpenseCategory::Accommodation] {
                let reason = Exclusion::NoGroup {
                    country: d.country.clone(),
                };
                leave_out(category, None, reason, None);
            }
            continue;
        };
        let Some(rate) = table.rate(&group.code, &t.level) else {
            for category in [ExpenseCategory::PerDiem, ExpenseCategory::Accommodation] {
                let reason = Exclusion::NoRate {
                    group: group.code.clone(),
                    level: t.level.clone(),
                };
                leave_out(category, None, reason, None);
            }
            continue;
        };
        let level = if t.level.trim().is_empty() {
            rate.level.clone()
        } else {
            t.level.clone()
        };
        let days = per_diem_days(t.first_day, t.last_day);
        let nights = accommodation_nights(t.first_day, t.last_day);
        let computed = [
            (
                ExpenseCategory::PerDiem,
                rate.per_diem,
                days,
                Basis::PerDiem {
                    days,
                    first_day: t.first_day,
                    last_day: t.last_day,
                    rate: table.money(rate.per_diem),
                    group: group.code.clone(),
                    level: level.clone(),
                },
            ),
            (
                ExpenseCategory::Accommodation,
                rate.accommodation,
                nights,
                Basis::Accommodation {
                    nights,
                    rate: table.money(rate.accommodation),
                    group: group.code.clone(),
                    level: level.clone(),
                },
            ),
        ];
        for (category, unit, count, basis) in computed {
            if unit == 0 || count == 0 {
                continue;
            }
            let amount = table.money(unit).times(count).ok_or_else(overflow)?;
            if table.sponsor_pays(d.funding, category) {
                let reason = Exclusion::Sponsored { funding: d.funding };
                leave_out(category, Some(amount), reason, Some(&basis));
                continue;
            }
            let (vnd, rate) = to_vnd(&amount, exchange, "");
            lines.push(EstimateLine {
                person_id: who.0.clone(),
                person_name: who.1.clone(),
                category,
                source: LineSource::Table,
                expense_id: None,
                vnd,
                rate,
                amount,
                explanation: basis.explain(Language::En),
                basis,
            });
        }
    }

    let name_of = |person_id: &Option<String>| -> String {
        match person_id {
            None => String::new(),
            Some(id) => input
                .travellers
                .iter()
                .find(|t| t.person_id == *id)
                .map(|t| t.name.clone())
                .or_else(|| input.other_names.get(id).cloned())
                .unwrap_or_else(|| id.clone()),
        }
    };
    for e in input
        .expenses
        .iter()
        .filter(|e| e.kind == ExpenseKind::Estimate)
    {
        let basis = Basis::Entered {
            description: e.description.clone(),
        };
        let reason = if matches!(
            e.category,
            ExpenseCategory::PerDiem | ExpenseCategory::Accommodation
        ) {
            Some(Exclusion::ComputedByTable)
        } else if table.sponsor_pays(d.funding, e.category) {
            Some(Exclusion::Sponsored { funding: d.funding })
        } else {
            None
        };
        if let Some(reason) = reason {
            let mut line = ExcludedLine {
                person_id: e.person_id.clone(),
                person_name: name_of(&e.person_id),
                category: e.category,
                source: LineSource::Entered,
                expense_id: Some(e.id.clone()),
                amount: Some(e.amount.clone()),
                basis: Some(basis),
                reason,
                explanation: String::new(),
            };
            line.explanation = line.explain(Language::En);
            excluded.push(line);
            continue;
        }
        let (vnd, rate) = to_vnd(&e.amount, exchange, &e.rate_to_vnd);
        lines.push(EstimateLine {
            person_id: e.person_id.clone(),
            person_name: name_of(&e.person_id),
            category: e.category,
            source: LineSource::Entered,
            expense_id: Some(e.id.clone()),
            amount: e.amount.clone(),
            vnd,
            rate,
            explanation: basis.explain(Language::En),
            basis,
        });
    }

    // Members in the delegation's order, then people no longer members, then the whole
    // delegation; inside each, categories in their usual order, table lines first.
    let rank = |person_id: &Option<String>| -> usize {
        match person_id {
            Some(id) => input
                .travellers
                .iter()
                .position(|t| t.person_id == *id)
                .unwrap_or(input.travellers.len()),
            None => input.travellers.len() + 1,
        }
    };
    let category_rank = |c: ExpenseCategory| ExpenseCategory::ALL.iter().position(|k| *k == c);
    lines.sort_by_key(|l| {
        (
            rank(&l.person_id),
            l.person_id.clone(),
            category_rank(l.category),
            l.source,
            l.expense_id.clone(),
        )
    });
    excluded.sort_by_key(|l| {
        (
            rank(&l.person_id),
            l.person_id.clone(),
            category_rank(l.category),
            l.source,
            l.expense_id.clone(),
        )
    });

    let totals = sum_by_currency(lines.iter().map(|l| &l.amount))?;
    let total_vnd = sum_vnd(lines.iter().map(|l| l.vnd))?;
    let mut unconverted: Vec<String> = lines
        .iter()
        .filter(|l| l.vnd.is_none())
        .map(|l| l.amount.currency.clone())
        .collect();
    unconverted.sort();
    unconverted.dedup();

    let mut people: Vec<PersonTotal> = Vec::new();
    for line in &lines {
        if people.iter().any(|p| p.person_id == line.person_id) {
            continue;
        }
        let theirs: Vec<&EstimateLine> = lines
            .iter()
            .filter(|l| l.person_id == line.person_id)
            .collect();
        people.push(PersonTotal {
            person_id: line.person_id.clone(),
            person_name: line.person_name.clone(),
            totals: sum_by_currency(theirs.iter().map(|l| &l.amount))?,
            vnd: sum_vnd(theirs.iter().map(|l| l.vnd))?,
        });
    }

    Ok(Estimate {
        delegation_id: d.id.clone(),
        table_id: table.id.clone(),
        table_name: table.name.clone(),
        table_valid_from: table.valid_from,
        currency: table.currency.clone(),
        exchange: input.exchange.clone(),
        lines,
        excluded,
        people,
        totals,
        total_vnd,
        unconverted,
    })
}

/// Adds amounts per currency, exactly; the result is in currency-code order.
pub fn sum_by_currency<'a>(amounts: impl Iterator<Item = &'a Money>) -> Result<Vec<Money>, Error> {
    let mut sums: BTreeMap<&str, i64> = BTreeMap::new();
    for m in amounts {
        let sum = sums.entry(m.currency.as_str()).or_default();
        *sum = sum.checked_add(m.minor).ok_or_else(overflow)?;
    }
    Ok(sums
        .into_iter()
        .map(|(currency, minor)| Money {
            currency: currency.to_owned(),
            minor,
        })
        .collect())
}

/// The sum of VND amounts, `None` if any is missing.
fn sum_vnd(amounts: impl Iterator<Item = Option<i64>>) -> Result<Option<i64>, Error> {
    let mut total = Some(0_i64);
    for a in amounts {
        total = match (total, a) {
            (Some(t), Some(a)) => Some(t.checked_add(a).ok_or_else(overflow)?),
            _ => None,
        };
    }
    Ok(total)
}

type LineKey = (Option<String>, ExpenseCategory, LineSource, Option<String>);

fn key(l: &EstimateLine) -> LineKey {
    (
        l.person_id.clone(),
        l.category,
        l.source,
        l.expense_id.clone(),
    )
}

/// What changed from `old` to `new`: lines added, lines removed, and lines whose amount
/// (or VND amount) changed. A table line is the same line when it is for the same person and
/// category; an entered line when it comes from the same expense.
pub fn diff(old: &Estimate, new: &Estimate) -> Vec<LineChange> {
    let mut changes = Vec::new();
    for n in &new.lines {
        match old.lines.iter().find(|o| key(o) == key(n)) {
            None => changes.push(LineChange {
                change: ChangeKind::Added,
                person_id: n.person_id.clone(),
                person_name: n.person_name.clone(),
                category: n.category,
                source: n.source,
                before: None,
                after: Some(n.amount.clone()),
                before_vnd: None,
                after_vnd: n.vnd,
                before_explanation: String::new(),
                after_explanation: n.explanation.clone(),
            }),
            Some(o) if o.amount != n.amount || o.vnd != n.vnd => changes.push(LineChange {
                change: ChangeKind::Changed,
                person_id: n.person_id.clone(),
                person_name: n.person_name.clone(),
                category: n.category,
                source: n.source,
                before: Some(o.amount.clone()),
                after: Some(n.amount.clone()),
                before_vnd: o.vnd,
                after_vnd: n.vnd,
                before_explanation: o.explanation.clone(),
                after_explanation: n.explanation.clone(),
            }),
            Some(_) => {}
        }
    }
    for o in &old.lines {
        if !new.lines.iter().any(|n| key(n) == key(o)) {
            changes.push(LineChange {
                change: ChangeKind::Removed,
                person_id: o.person_id.clone(),
                person_name: o.person_name.clone(),
                category: o.category,
                source: o.source,
                before: Some(o.amount.clone()),
                after: None,
                before_vnd: o.vnd,
                after_vnd: None,
                before_explanation: o.explanation.clone(),
                after_explanation: String::new(),
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delegation::DelegationStatus;
    use crate::rates::{CountryGroup, LevelRate, SponsorCover};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn usd(minor: i64) -> Money {
        Money {
            currency: "USD".into(),
            minor,
        }
    }

    fn table() -> RateTable {
        RateTable {
            id: "t".into(),
            name: "Example".into(),
            valid_from: day("2012-07-01"),
            currency: "USD".into(),
            groups: vec![CountryGroup {
                code: "B".into(),
                label: String::new(),
                countries: vec!["SG".into()],
            }],
            rates: vec![
                LevelRate {
                    group: "B".into(),
                    level: "leader".into(),
                    per_diem: 7000,
                    accommodation: 15000,
                },
                LevelRate {
                    group: "B".into(),
                    level: "staff".into(),
                    per_diem: 6000,
                    accommodation: 12000,
                },
            ],
            sponsor_covers: vec![SponsorCover {
                funding: Funding::Mixed,
                categories: vec![ExpenseCategory::Airfare, ExpenseCategory::Accommodation],
            }],
            ..Default::default()
        }
    }

    fn delegation(funding: Funding) -> Delegation {
        Delegation {
            id: "d".into(),
            direction: Direction::Outgoing,
            title: "Singapore".into(),
            country: "SG".into(),
            starts_on: day("2016-09-05"),
            ends_on: day("2016-09-09"),
            status: DelegationStatus::Draft,
            funding,
            ..Default::default()
        }
    }

    fn traveller(id: &str, level: &str, first: &str, last: &str) -> Traveller {
        Traveller {
            person_id: id.into(),
            name: id.to_uppercase(),
            level: level.into(),
            first_day: day(first),
            last_day: day(last),
        }
    }

    fn entered(id: &str, category: ExpenseCategory, amount: Money, rate: &str) -> Expense {
        Expense {
            id: id.into(),
            delegation_id: "d".into(),
            kind: ExpenseKind::Estimate,
            category,
            description: id.into(),
            amount,
            rate_to_vnd: rate.into(),
            ..Default::default()
        }
    }

    fn run(
        d: &Delegation,
        travellers: &[Traveller],
        expenses: &[Expense],
        rate: Option<&str>,
    ) -> Estimate {
        let t = table();
        let names = BTreeMap::new();
        let exchange = rate.map(|r| ExchangeRate {
            currency: "USD".into(),
            rate: r.into(),
            date: day("2016-08-22"),
            source: "Vietcombank".into(),
        });
        compute(&EstimateInput {
            delegation: d,
            travellers,
            table: &t,
            expenses,
            other_names: &names,
            exchange,
        })
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn days_count_both_ends_and_nights_one_fewer() {
        assert_eq!(
            per_diem_days(day("2016-09-05"), day("2016-09-09")),
            5,
            "5-9 Sep, travel days included"
        );
        assert_eq!(
            accommodation_nights(day("2016-09-05"), day("2016-09-09")),
            4
        );
        assert_eq!(
            per_diem_days(day("2016-09-05"), day("2016-09-05")),
            1,
            "a day trip is one day"
        );
        assert_eq!(
            accommodation_nights(day("2016-09-05"), day("2016-09-05")),
            0,
            "and no night"
        );
        assert_eq!(
            per_diem_days(day("2016-02-27"), day("2016-03-01")),
            4,
            "29 February 2016 counts"
        );
        assert_eq!(
            per_diem_days(day("2016-12-30"), day("2017-01-02")),
            4,
            "across a new year"
        );
    }

    #[test]
    fn a_state_budget_trip_pays_per_diem_and_hotel_by_the_table() {
        let d = delegation(Funding::StateBudget);
        let e = run(
            &d,
            &[traveller("a", "leader", "2016-09-05", "2016-09-09")],
            &[],
            Some("22300"),
        );
        let amounts: Vec<(ExpenseCategory, i64, Option<i64>)> = e
            .lines
            .iter()
            .map(|l| (l.category, l.amount.minor, l.vnd))
            .collect();
        // Accommodation 4 nights × 150 USD = 600 USD = 600 × 22,300 = 13,380,000 VND;
        // per diem 5 days × 70 USD = 350 USD = 7,805,000 VND.
        assert_eq!(
            amounts,
            vec![
                (ExpenseCategory::Accommodation, 60_000, Some(13_380_000)),
                (ExpenseCategory::PerDiem, 35_000, Some(7_805_000)),
            ]
        );
        assert_eq!(e.total_vnd, Some(21_185_000));
        assert_eq!(e.totals, vec![usd(95_000)]);
        assert_eq!(
            e.lines[1].explanation,
            "5 days (2016-09-05 – 2016-09-09) × 70.00 USD (group B, leader)"
        );
        assert_eq!(
            e.lines[1].explain(Language::Vi),
            "5 ngày (05/09/2016 – 09/09/2016) × 70.00 USD (nhóm B, leader)"
        );
    }

    #[test]
    fn the_sponsors_part_is_left_out_and_said_so() {
        let d = delegation(Funding::Mixed);
        let e = run(
            &d,
            &[traveller("a", "staff", "2016-09-05", "2016-09-09")],
            &[entered("ticket", ExpenseCategory::Airfare, usd(45_000), "")],
            None,
        );
        assert_eq!(
            e.lines.iter().map(|l| l.category).collect::<Vec<_>>(),
            [ExpenseCategory::PerDiem],
            "only the per diem is the state's to pay on a mixed trip"
        );
        let left_out: Vec<_> = e.excluded.iter().map(|l| (l.category, l.source)).collect();
        assert_eq!(
            left_out,
            [
                (ExpenseCategory::Accommodation, LineSource::Table),
                (ExpenseCategory::Airfare, LineSource::Entered)
            ]
        );
        assert_eq!(
            e.excluded[0].explanation,
            "4 nights × 120.00 USD (group B, staff) = 480.00 USD: paid by the sponsor (mixed funding)"
        );
        assert_eq!(e.total_vnd, None, "no rate was given for USD");
        assert_eq!(e.unconverted, ["USD"]);
    }

    #[test]
    fn hand_entered_lines_are_added_at_their_own_rate_unless_the_table_computes_them() {
        let d = delegation(Funding::StateBudget);
        let sgd = Money {
            currency: "SGD".into(),
            minor: 18_640,
        };
        let e = run(
            &d,
            &[traveller("a", "staff", "2016-09-06", "2016-09-06")],
            &[
                entered("taxi", ExpenseCategory::LocalTransport, sgd, "16350"),
                entered("visa", ExpenseCategory::Visa, usd(2_050), ""),
                entered("pd", ExpenseCategory::PerDiem, usd(24_000), ""),
            ],
            Some("22300.5"),
        );
        let got: Vec<(ExpenseCategory, String, Option<i64>)> = e
            .lines
            .iter()
            .map(|l| (l.category, l.amount.display(), l.vnd))
            .collect();
        assert_eq!(
            got,
            vec![
                // 1 day × 60 USD × 22,300.5 = 1,338,030 VND; no night on a day trip.
                (
                    ExpenseCategory::PerDiem,
                    "60.00 USD".into(),
                    Some(1_338_030)
                ),
                // 20.50 × 22,300.5 = 457,160.25 → 457,160 (the user's USD rate).
                (ExpenseCategory::Visa, "20.50 USD".into(), Some(457_160)),
                // 186.40 SGD × 16,350 = 3,047,640 (the expense's own rate).
                (
                    ExpenseCategory::LocalTransport,
                    "186.40 SGD".into(),
                    Some(3_047_640)
                ),
            ]
        );
        assert_eq!(e.total_vnd, Some(1_338_030 + 457_160 + 3_047_640));
        assert_eq!(
            e.excluded.iter().map(|l| &l.reason).collect::<Vec<_>>(),
            [&Exclusion::ComputedByTable],
            "a hand-entered per diem would count twice"
        );
        assert_eq!(
            e.totals.iter().map(Money::display).collect::<Vec<_>>(),
            ["186.40 SGD", "80.50 USD"],
            "totals per currency, in code order"
        );
    }

    #[test]
    fn each_line_is_rounded_to_whole_dong_and_the_total_adds_the_rounded_lines() {
        let d = delegation(Funding::StateBudget);
        let e = run(
            &d,
            &[],
            &[
                entered("a", ExpenseCategory::Visa, usd(10), ""),
                entered("b", ExpenseCategory::Registration, usd(10), ""),
            ],
            Some("22305"),
        );
        // 0.10 × 22,305 = 2,230.5 → 2,231 (half away from zero), twice: 4,462, so that the
        // printed column adds up (0.20 × 22,305 = 4,461 would not).
        assert_eq!(
            e.lines.iter().map(|l| l.vnd).collect::<Vec<_>>(),
            [Some(2_231), Some(2_231)]
        );
        assert_eq!(e.total_vnd, Some(4_462));
        assert_eq!(e.totals, vec![usd(20)], "the USD total stays exact");
    }

    #[test]
    fn a_level_or_destination_the_table_does_not_know_is_listed_not_guessed() {
        let mut d = delegation(Funding::StateBudget);
        let e = run(
            &d,
            &[traveller("g", "guest", "2016-09-05", "2016-09-09")],
            &[],
            None,
        );
        assert!(e.lines.is_empty());
        assert_eq!(
            e.excluded[0].reason,
            Exclusion::NoRate {
                group: "B".into(),
                level: "guest".into()
            }
        );
        d.country = "JP".into();
        let e = run(
            &d,
            &[traveller("a", "staff", "2016-09-05", "2016-09-09")],
            &[],
            None,
        );
        assert_eq!(
            e.excluded[0].reason,
            Exclusion::NoGroup {
                country: "JP".into()
            }
        );
    }

    #[test]
    fn a_change_of_dates_or_members_shows_as_changed_added_and_removed_lines() {
        let d = delegation(Funding::Mixed);
        let before = run(
            &d,
            &[
                traveller("a", "leader", "2016-09-05", "2016-09-09"),
                traveller("b", "staff", "2016-09-05", "2016-09-09"),
            ],
            &[],
            Some("22300"),
        );
        let after = run(
            &d,
            &[
                traveller("a", "leader", "2016-09-06", "2016-09-09"),
                traveller("c", "staff", "2016-09-05", "2016-09-09"),
            ],
            &[],
            Some("22300"),
        );
        type Seen = (ChangeKind, Option<String>, Option<i64>, Option<i64>);
        let changes: Vec<Seen> = diff(&before, &after)
            .into_iter()
            .map(|c| {
                (
                    c.change,
                    c.person_id,
                    c.before.map(|m| m.minor),
                    c.after.map(|m| m.minor),
                )
            })
            .collect();
        assert_eq!(
            changes,
            vec![
                (
                    ChangeKind::Changed,
                    Some("a".into()),
                    Some(35_000),
                    Some(28_000)
                ),
                (ChangeKind::Added, Some("c".into()), None, Some(30_000)),
                (ChangeKind::Removed, Some("b".into()), Some(30_000), None),
            ]
        );
        assert!(diff(&after, &after).is_empty(), "no change, no lines");
    }

    #[test]
    fn an_incoming_delegation_has_no_per_diem_estimate() {
        let mut d = delegation(Funding::StateBudget);
        d.direction = Direction::Incoming;
        let t = table();
        let names = BTreeMap::new();
        let result = compute(&EstimateInput {
            delegation: &d,
            travellers: &[],
            table: &t,
            expenses: &[],
            other_names: &names,
            exchange: None,
        });
        assert_eq!(result.err().map(|e| e.kind), Some(ErrorKind::Conflict));
    }

    #[test]
    fn a_rate_comes_with_its_date_and_source() {
        let ask = |rate: &str, date: &str, source: &str| EstimateRequest {
            table_id: None,
            rate: rate.into(),
            rate_date: date.into(),
            rate_source: source.into(),
        };
        assert_eq!(ask("", "", "").exchange("USD"), Ok(None));
        let ok = ask("23 500", "2016-08-22", "VCB").exchange("USD");
        assert_eq!(ok.map(|x| x.map(|x| x.rate)), Ok(Some("23500".to_owned())));
        let fields = |r: Result<Option<ExchangeRate>, Error>| -> Vec<String> {
            r.err()
                .map(|e| e.violations.into_iter().map(|v| v.field).collect())
                .unwrap_or_default()
        };
        assert_eq!(
            fields(ask("23500", "", "").exchange("USD")),
            ["rate_date", "rate_source"]
        );
        assert_eq!(
            fields(ask("-1", "2016-08-22", "VCB").exchange("USD")),
            ["rate"]
        );
        assert_eq!(fields(ask("", "2016-08-22", "").exchange("USD")), ["rate"]);
    }
}
