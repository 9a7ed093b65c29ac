//! Expenses: estimates, advances and actual spending, each in its own currency with the
//! exchange rate to VND and the rate's date and source.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::delegation::optional_id;
use crate::error::{Error, Rule};
use crate::money::{HOME_CURRENCY, Money, parse_rate};
use crate::{named, printed};

named! {
    #[derive(Default)]
    pub enum ExpenseKind {
        #[default]
        Estimate = "estimate",
        Advance = "advance",
        Actual = "actual",
    }
}

named! {
    #[derive(Default)]
    pub enum ExpenseCategory {
        Airfare = "airfare",
        Accommodation = "accommodation",
        PerDiem = "per_diem",
        Visa = "visa",
        Insurance = "insurance",
        Registration = "registration",
        LocalTransport = "local_transport",
        Gifts = "gifts",
        Hosting = "hosting",
        #[default]
        Other = "other",
    }
}

printed! {
    /// The name printed on estimates and settlements (the UI has its own dictionaries).
    ExpenseCategory {
        Airfare => "Vé máy bay", "Airfare";
        Accommodation => "Tiền thuê phòng nghỉ", "Accommodation";
        PerDiem => "Tiền ăn và tiêu vặt", "Per diem";
        Visa => "Lệ phí thị thực", "Visa";
        Insurance => "Bảo hiểm", "Insurance";
        Registration => "Phí đăng ký", "Registration";
        LocalTransport => "Đi lại tại nước ngoài", "Local transport";
        Gifts => "Quà tặng", "Gifts";
        Hosting => "Chi phí đón tiếp", "Hosting";
        Other => "Chi khác", "Other";
    }
}

printed! {
    /// The name printed on settlements.
    ExpenseKind {
        Estimate => "Dự toán", "Estimate";
        Advance => "Tạm ứng", "Advance";
        Actual => "Thực chi", "Actual";
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Expense {
    pub id: String,
    pub delegation_id: String,
    /// The member it is for, or none for the delegation as a whole.
    pub person_id: Option<String>,
    pub kind: ExpenseKind,
    pub category: ExpenseCategory,
    pub description: String,
    pub amount: Money,
    /// VND per one major unit of the currency, as a decimal string ("17250.5"); empty for
    /// VND amounts.
    pub rate_to_vnd: String,
    #[ts(type = "string | null")]
    pub rate_date: Option<NaiveDate>,
    /// Where the rate comes from ("Vietcombank selling rate").
    pub rate_source: String,
    #[ts(type = "string | null")]
    pub spent_on: Option<NaiveDate>,
    /// The receipt, an attachment.
    pub receipt_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

impl Expense {
    /// The amount in VND at this record's own rate; `None` when a foreign amount has no rate.
    pub fn vnd(&self) -> Option<i64> {
        if self.amount.currency == HOME_CURRENCY {
            return Some(self.amount.minor);
        }
        let rate: Decimal = self.rate_to_vnd.parse().ok()?;
        self.amount.to_home(rate)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ExpenseInput {
    pub person_id: Option<String>,
    pub kind: String,
    pub category: String,
    pub description: String,
    pub currency: String,
    /// Major units with a dot for decimals: "1234.50".
    pub amount: String,
    pub rate_to_vnd: String,
    pub rate_date: String,
    pub rate_source: String,
    pub spent_on: String,
    pub receipt_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidExpense {
    pub person_id: Option<String>,
    pub kind: ExpenseKind,
    pub category: ExpenseCategory,
    pub description: String,
    pub amount: Money,
    pub rate_to_vnd: String,
    pub rate_date: Option<NaiveDate>,
    pub rate_source: String,
    pub spent_on: Option<NaiveDate>,
    pub receipt_id: Option<String>,
}

impl ExpenseInput {
    pub fn validate(&self) -> Result<ValidExpense, Error> {
        let mut check = Check::new();
        let kind = check.one_of("kind", "Kind", &self.kind, &ExpenseKind::choices());
        let category = if self.category.trim().is_empty() {
            Some(ExpenseCategory::Other)
        } else {
            check.one_of(
                "category",
                "Category",
                &self.category,
                &ExpenseCategory::choices(),
            )
        };
        let description = check.optional("description", "Description", &self.description);
        let amount = match Money::parse(&self.currency, &self.amount) {
            Ok(m) if m.minor < 0 => {
                check.fail("amount", Rule::OutOfRange, "Amount must not be negative");
                None
            }
            Ok(m) => Some(m),
            Err(e @ crate::money::AmountError::UnknownCurrency(_)) => {
                check.fail("currency", Rule::UnknownCode, format!("Currency: {e}"));
                None
            }
            Err(e) => {
                check.fail("amount", Rule::InvalidAmount, format!("Amount: {e}"));
                None
            }
        };
        let rate_text = self.rate_to_vnd.trim();
        let rate_to_vnd = match (&amount, rate_text.is_empty()) {
            (Some(m), _) if m.currency == HOME_CURRENCY => String::new(),
            (_, true) => String::new(),
            (_, false) => match parse_rate(rate_text) {
                Some(rate) => rate.normalize().to_string(),
                None => {
                    check.fail(
                        "rate_to_vnd",
                        Rule::InvalidAmount,
                        format!("Exchange rate must be a positive number such as 17250.5, not \"{rate_text}\""),
                    );
                    String::new()
                }
            },
        };
        let rate_date = check.optional_date("rate_date", "Rate date", &self.rate_date);
        let rate_source = check.optional("rate_source", "Rate source", &self.rate_source);
        let spent_on = check.optional_date("spent_on", "Date", &self.spent_on);
        check.finish(|| {
            Some(ValidExpense {
                person_id: optional_id(&self.person_id),
                kind: kind?,
                category: category?,
                description,
                amount: amount?,
                rate_to_vnd,
                rate_date: rate_date?,
                rate_source,
                spent_on: spent_on?,
                receipt_id: optional_id(&self.receipt_id),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hotel(amount: &str, currency: &str, rate: &str) -> ExpenseInput {
        ExpenseInput {
            kind: "actual".into(),
            category: "accommodation".into(),
            currency: currency.into(),
            amount: amount.into(),
            rate_to_vnd: rate.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_foreign_expense_is_converted_at_its_own_rate() {
        let valid = hotel("450.00", "SGD", "16 500").validate();
        assert!(valid.is_ok(), "{valid:?}");
        if let Ok(v) = valid {
            assert_eq!(v.amount.minor, 45_000);
            assert_eq!(v.rate_to_vnd, "16500");
        }
    }

    #[test]
    fn bad_money_is_refused_on_its_field() {
        let fields = |input: ExpenseInput| -> Vec<String> {
            input
                .validate()
                .err()
                .map(|e| e.violations.into_iter().map(|v| v.field).collect())
                .unwrap_or_default()
        };
        assert_eq!(fields(hotel("450.001", "SGD", "")), ["amount"]);
        assert_eq!(fields(hotel("450", "SGX", "")), ["currency"]);
        assert_eq!(fields(hotel("-1", "USD", "")), ["amount"]);
        assert_eq!(fields(hotel("1", "USD", "abc")), ["rate_to_vnd"]);
    }
}
