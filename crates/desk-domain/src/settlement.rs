//! The settlement after a trip ("quyết toán"): per member and for the delegation, what was
//! estimated, what was advanced, what was actually spent, and so what the member must pay
//! back or is still owed, in each currency and in VND.
//!
//! Rules:
//! - The estimate is the last saved estimate when there is one (what was approved), else the
//!   estimate expenses entered by hand.
//! - The balance is actual − advance: positive, the agency still owes the member
//!   (`to_pay`); negative, the member pays the difference back (`owed_back`).
//! - Each expense is converted at its own recorded rate (an advance at the rate of the day it
//!   was paid, an expense at the rate of its day), rounded to whole dong; VND figures are
//!   sums of those. An expense in a foreign currency with no rate is counted in its currency
//!   and listed as not converted.
//! - An actual expense needs a receipt, except the per diem, which is a flat allowance.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Rule, Violation};
use crate::estimate::SavedEstimate;
use crate::expense::{Expense, ExpenseCategory, ExpenseKind};
use crate::money::{HOME_CURRENCY, Money};

/// Estimate, advance and actual in one currency (or in VND), and the balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Figures {
    pub currency: String,
    #[ts(type = "number")]
    pub estimate: i64,
    #[ts(type = "number")]
    pub advance: i64,
    #[ts(type = "number")]
    pub actual: i64,
    /// Actual above advance: what the agency still pays the member (never negative).
    #[ts(type = "number")]
    pub to_pay: i64,
    /// Advance above actual: what the member pays back (never negative).
    #[ts(type = "number")]
    pub owed_back: i64,
}

impl Figures {
    fn new(currency: &str) -> Self {
        Self {
            currency: currency.to_owned(),
            estimate: 0,
            advance: 0,
            actual: 0,
            to_pay: 0,
            owed_back: 0,
        }
    }

    fn add(&mut self, kind: ExpenseKind, minor: i64) -> Result<(), Error> {
        let slot = match kind {
            ExpenseKind::Estimate => &mut self.estimate,
            ExpenseKind::Advance => &mut self.advance,
            ExpenseKind::Actual => &mut self.actual,
        };
        *slot = slot.checked_add(minor).ok_or_else(overflow)?;
        let balance = self.actual.checked_sub(self.advance).ok_or_else(overflow)?;
        self.to_pay = balance.max(0);
        self.owed_back = balance.checked_neg().ok_or_else(overflow)?.max(0);
        Ok(())
    }

    /// The amount of `kind`, as money.
    pub fn money(&self, kind: ExpenseKind) -> Money {
        Money {
            currency: self.currency.clone(),
            minor: match kind {
                ExpenseKind::Estimate => self.estimate,
                ExpenseKind::Advance => self.advance,
                ExpenseKind::Actual => self.actual,
            },
        }
    }
}

fn overflow() -> Error {
    Error::invalid(vec![Violation::new(
        "amount",
        Rule::OutOfRange,
        "The settlement's amounts are too large to add up",
    )])
}

/// Where the estimate column comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EstimateFrom {
    /// The last saved estimate.
    Saved {
        estimate_id: String,
        saved_at: String,
        table_name: String,
        #[ts(type = "string")]
        table_valid_from: NaiveDate,
    },
    /// Estimate expenses entered by hand (no estimate was saved).
    Entered,
}

/// One line of money behind the settlement: an expense, or a line of the saved estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SettlementLine {
    /// The expense; none for a line of a saved estimate.
    pub expense_id: Option<String>,
    pub person_id: Option<String>,
    pub person_name: String,
    pub kind: ExpenseKind,
    pub category: ExpenseCategory,
    pub description: String,
    pub amount: Money,
    #[ts(type = "number | null")]
    pub vnd: Option<i64>,
    /// The rate used, as recorded ("22310"); empty for VND or when none is known.
    pub rate_to_vnd: String,
    #[ts(type = "string | null")]
    pub rate_date: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub spent_on: Option<NaiveDate>,
    pub receipt_id: Option<String>,
}

/// One member's account, or the delegation's shared one (no person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SettlementParty {
    pub person_id: Option<String>,
    /// Empty for the delegation's shared expenses.
    pub name: String,
    /// One row per currency, in code order.
    pub by_currency: Vec<Figures>,
    /// Everything converted to VND (lines without a rate left out; see `unconverted`).
    pub vnd: Figures,
    /// Actual expenses (other than per diem) without a receipt.
    #[ts(type = "number")]
    pub missing_receipts: u32,
    /// Lines in a foreign currency without a rate.
    #[ts(type = "number")]
    pub unconverted: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settlement {
    pub delegation_id: String,
    pub estimate_from: EstimateFrom,
    /// Members in the delegation's order, then anyone else with expenses, then the
    /// delegation's shared account.
    pub parties: Vec<SettlementParty>,
    pub by_currency: Vec<Figures>,
    pub vnd: Figures,
    pub lines: Vec<SettlementLine>,
    #[ts(type = "number")]
    pub missing_receipts: u32,
    #[ts(type = "number")]
    pub unconverted: u32,
}

/// Everything [`settle`] needs.
#[derive(Debug, Clone)]
pub struct SettlementInput<'a> {
    pub delegation_id: &'a str,
    /// (person id, name) of the members, in the order to list them.
    pub members: &'a [(String, String)],
    /// Names of other people expenses refer to.
    pub other_names: &'a [(String, String)],
    pub expenses: &'a [Expense],
    pub saved: Option<&'a SavedEstimate>,
}

fn add_figures(
    rows: &mut Vec<Figures>,
    currency: &str,
    kind: ExpenseKind,
    minor: i64,
) -> Result<(), Error> {
    match rows.iter_mut().find(|f| f.currency == currency) {
        Some(row) => row.add(kind, minor),
        None => {
            let mut row = Figures::new(currency);
            row.add(kind, minor)?;
            rows.push(row);
            rows.sort_by(|a, b| a.currency.cmp(&b.currency));
            Ok(())
        }
    }
}

/// Computes the settlement of a delegation. Pure; see the module documentation for the
/// rules.
pub fn settle(input: &SettlementInput<'_>) -> Result<Settlement, Error> {
    let name_of = |id: &Option<String>| -> String {
        match id {
            None => String::new(),
            Some(id) => input
                .members
                .iter()
                .chain(input.other_names)
                .find(|(p, _)| p == id)
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| id.clone()),
        }
    };
    let mut lines: Vec<SettlementLine> = Vec::new();
    if let Some(saved) = input.saved {
        for l in &saved.estimate.lines {
            let rate_date = match &saved.estimate.exchange {
                Some(x) if x.currency == l.amount.currency => Some(x.date),
                _ => None,
            };
            lines.push(SettlementLine {
                expense_id: None,
                person_id: l.person_id.clone(),
                person_name: l.person_name.clone(),
                kind: ExpenseKind::Estimate,
                category: l.category,
                description: l.explanation.clone(),
                amount: l.amount.clone(),
                vnd: l.vnd,
                rate_to_vnd: l.rate.clone(),
                rate_date,
                spent_on: None,
                receipt_id: None,
            });
        }
    }
    for e in input.expenses {
        if e.kind == ExpenseKind::Estimate && input.saved.is_some() {
            continue;
        }
        lines.push(SettlementLine {
            expense_id: Some(e.id.clone()),
            person_id: e.person_id.clone(),
            person_name: name_of(&e.person_id),
            kind: e.kind,
            category: e.category,
            description: e.description.clone(),
            amount: e.amount.clone(),
            vnd: e.vnd(),
            rate_to_vnd: e.rate_to_vnd.clone(),
            rate_date: e.rate_date,
            spent_on: e.spent_on,
            receipt_id: e.receipt_id.clone(),
        });
    }

    let rank = |id: &Option<String>| -> (usize, Option<String>) {
        match id {
            Some(id) => (
                input
                    .members
                    .iter()
                    .position(|(p, _)| p == id)
                    .unwrap_or(input.members.len()),
                Some(id.clone()),
            ),
            None => (input.members.len() + 1, None),
        }
    };
    let kind_rank = |k: ExpenseKind| ExpenseKind::ALL.iter().position(|x| *x == k);
    let category_rank = |c: ExpenseCategory| ExpenseCategory::ALL.iter().position(|x| *x == c);
    lines.sort_by_key(|l| {
        (
            rank(&l.person_id),
            kind_rank(l.kind),
            category_rank(l.category),
            l.spent_on,
            l.expense_id.clone(),
        )
    });

    let mut parties: Vec<SettlementParty> = Vec::new();
    // Every member has an account, even one with nothing on it yet.
    for (id, name) in input.members {
        parties.push(SettlementParty {
            person_id: Some(id.clone()),
            name: name.clone(),
            by_currency: Vec::new(),
            vnd: Figures::new(HOME_CURRENCY),
            missing_receipts: 0,
            unconverted: 0,
        });
    }
    let mut by_currency = Vec::new();
    let mut vnd = Figures::new(HOME_CURRENCY);
    let (mut missing_receipts, mut unconverted) = (0_u32, 0_u32);
    for l in &lines {
        let index = match parties.iter().position(|p| p.person_id == l.person_id) {
            Some(i) => i,
            None => {
                parties.push(SettlementParty {
                    person_id: l.person_id.clone(),
                    name: l.person_name.clone(),
                    by_currency: Vec::new(),
                    vnd: Figures::new(HOME_CURRENCY),
                    missing_receipts: 0,
                    unconverted: 0,
                });
                parties.len() - 1
            }
        };
        let Some(party) = parties.get_mut(index) else {
            continue;
        };
        add_figures(
            &mut party.by_currency,
            &l.amount.currency,
            l.kind,
            l.amount.minor,
        )?;
        add_figures(&mut by_currency, &l.amount.currency, l.kind, l.amount.minor)?;
        match l.vnd {
            Some(v) => {
                party.vnd.add(l.kind, v)?;
                vnd.add(l.kind, v)?;
            }
            None => {
                party.unconverted += 1;
                unconverted += 1;
            }
        }
        if l.kind == ExpenseKind::Actual
            && l.category != ExpenseCategory::PerDiem
            && l.receipt_id.is_none()
        {
            party.missing_receipts += 1;
            missing_receipts += 1;
        }
    }
    parties.sort_by_key(|p| rank(&p.person_id));

    Ok(Settlement {
        delegation_id: input.delegation_id.to_owned(),
        estimate_from: match input.saved {
            Some(s) => EstimateFrom::Saved {
                estimate_id: s.id.clone(),
                saved_at: s.created_at.clone(),
                table_name: s.table_name.clone(),
                table_valid_from: s.table_valid_from,
            },
            None => EstimateFrom::Entered,
        },
        parties,
        by_currency,
        vnd,
        lines,
        missing_receipts,
        unconverted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expense(
        id: &str,
        person: Option<&str>,
        kind: ExpenseKind,
        category: ExpenseCategory,
        currency: &str,
        minor: i64,
        rate: &str,
    ) -> Expense {
        Expense {
            id: id.into(),
            delegation_id: "d".into(),
            person_id: person.map(str::to_owned),
            kind,
            category,
            amount: Money {
                currency: currency.into(),
                minor,
            },
            rate_to_vnd: rate.into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_advance_above_what_was_spent_is_paid_back_and_below_it_is_topped_up() {
        use ExpenseCategory::*;
        use ExpenseKind::*;
        let members = [
            ("a".to_owned(), "A".to_owned()),
            ("b".to_owned(), "B".to_owned()),
        ];
        let expenses = [
            expense("1", Some("a"), Advance, PerDiem, "USD", 30_000, "22310"),
            expense("2", Some("a"), Actual, PerDiem, "USD", 24_000, "22400"),
            expense(
                "3",
                Some("b"),
                Advance,
                Accommodation,
                "USD",
                10_000,
                "22310",
            ),
            expense(
                "4",
                Some("b"),
                Actual,
                Accommodation,
                "USD",
                12_550,
                "22310",
            ),
            expense("5", None, Actual, LocalTransport, "SGD", 1_000, ""),
        ];
        let s = settle(&SettlementInput {
            delegation_id: "d",
            members: &members,
            other_names: &[],
            expenses: &expenses,
            saved: None,
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let a = &s.parties[0];
        // a: advance 300 USD, spent 240 USD → pays back 60 USD. In VND the advance was
        // 300 × 22,310 = 6,693,000 and the expense 240 × 22,400 = 5,376,000 → 1,317,000 back.
        assert_eq!(
            (a.by_currency[0].owed_back, a.by_currency[0].to_pay),
            (6_000, 0)
        );
        assert_eq!((a.vnd.owed_back, a.vnd.to_pay), (1_317_000, 0));
        let b = &s.parties[1];
        // b: advance 100 USD, spent 125.50 USD → 25.50 USD still to pay = 568,905 VND.
        assert_eq!((b.by_currency[0].to_pay, b.vnd.to_pay), (2_550, 568_905));
        assert_eq!(b.missing_receipts, 1, "a hotel bill needs its receipt");
        assert_eq!(a.missing_receipts, 0, "a per diem is a flat allowance");
        let shared = &s.parties[2];
        assert_eq!(shared.person_id, None);
        assert_eq!(shared.unconverted, 1, "SGD without a rate is not guessed");
        assert_eq!(
            s.by_currency
                .iter()
                .map(|f| (f.currency.as_str(), f.advance, f.actual))
                .collect::<Vec<_>>(),
            [("SGD", 0, 1_000), ("USD", 40_000, 36_550)]
        );
        // Per currency the balance nets: 365.50 − 400 = −34.50 USD.
        assert_eq!(s.by_currency[1].owed_back, 3_450);
    }
}
