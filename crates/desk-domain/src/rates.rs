//! Per-diem regulations as data: a rate table names the regulation it comes from (e.g. a
//! Ministry of Finance circular), the day it applies from, which countries form which group,
//! the daily allowance ("tiền ăn và tiêu vặt") and the accommodation cap per group and staff
//! level, in one currency, and what a sponsor pays for instead of the state budget.
//!
//! Tables change when the regulation does, so they are records the office keeps (imported
//! from CSV, edited in Settings), never constants in the code. An estimate names the table it
//! used, so an old estimate can always be explained by the table in force at the time.
//!
//! Two wildcards keep tables short: a group may list the country `*` (every country no other
//! group lists), and a rate may be for the level `*` (every level without a rate of its own).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::delegation::Funding;
use crate::error::{Error, Rule};
use crate::expense::ExpenseCategory;
use crate::money::{Money, parse_currency};
use crate::text;

/// The wildcard country or level.
pub const ANY: &str = "*";

/// A per-diem regulation as the office keeps it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RateTable {
    pub id: String,
    /// The regulation, as cited: "Thông tư 102/2012/TT-BTC (ví dụ)".
    pub name: String,
    /// The first day the table applies to (a trip starting on or after it).
    #[ts(type = "string")]
    pub valid_from: NaiveDate,
    /// ISO 4217 code of every amount in the table (USD in the Vietnamese circulars).
    pub currency: String,
    pub notes: String,
    pub groups: Vec<CountryGroup>,
    pub rates: Vec<LevelRate>,
    /// What a sponsor pays for, by the delegation's funding.
    pub sponsor_covers: Vec<SponsorCover>,
    pub created_at: String,
    pub updated_at: String,
}

/// A group of countries sharing one set of rates ("Nhóm A").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CountryGroup {
    /// Short code the rates refer to: "A", "B".
    pub code: String,
    /// What the regulation calls it: "Nhóm A: châu Âu, Bắc Mỹ...".
    pub label: String,
    /// ISO 3166-1 alpha-2 codes, or `*` for every country no other group lists.
    pub countries: Vec<String>,
}

/// The caps for one group and staff level, per day and per night, in the table's currency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LevelRate {
    /// A [`CountryGroup::code`].
    pub group: String,
    /// A [`crate::Person::staff_level`] ("leader", "staff"), or `*` for any other level.
    pub level: String,
    /// Daily allowance, in minor units of the table's currency (70 USD is 7000).
    #[ts(type = "number")]
    pub per_diem: i64,
    /// Accommodation cap per night, in minor units of the table's currency.
    #[ts(type = "number")]
    pub accommodation: i64,
}

/// The expense categories a sponsor pays for when a delegation has this funding; the
/// estimate leaves them out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SponsorCover {
    /// `sponsored` or `mixed` (a state-budget trip has no sponsor).
    pub funding: Funding,
    pub categories: Vec<ExpenseCategory>,
}

impl RateTable {
    /// The group `country` belongs to: the group that lists it, else the group listing `*`.
    pub fn group_of(&self, country: &str) -> Option<&CountryGroup> {
        let code = country.trim().to_ascii_uppercase();
        self.groups
            .iter()
            .find(|g| g.countries.contains(&code))
            .or_else(|| {
                self.groups
                    .iter()
                    .find(|g| g.countries.iter().any(|c| c == ANY))
            })
    }

    /// The rates of `group` for staff `level` (compared without regard to case), else its
    /// rates for the level `*`.
    pub fn rate(&self, group: &str, level: &str) -> Option<&LevelRate> {
        let level = level.trim().to_lowercase();
        let in_group = || self.rates.iter().filter(move |r| r.group == group);
        in_group()
            .find(|r| r.level.to_lowercase() == level)
            .or_else(|| in_group().find(|r| r.level == ANY))
    }

    /// Whether a sponsor pays for `category` on a trip with this funding.
    pub fn sponsor_pays(&self, funding: Funding, category: ExpenseCategory) -> bool {
        self.sponsor_covers
            .iter()
            .any(|c| c.funding == funding && c.categories.contains(&category))
    }

    /// An amount of the table's currency.
    pub fn money(&self, minor: i64) -> Money {
        Money {
            currency: self.currency.clone(),
            minor,
        }
    }

    /// The table as an input again, for editing or export.
    pub fn to_input(&self) -> RateTableInput {
        let major = |minor: i64| self.money(minor).plain();
        RateTableInput {
            name: self.name.clone(),
            valid_from: self.valid_from.to_string(),
            currency: self.currency.clone(),
            notes: self.notes.clone(),
            groups: self
                .groups
                .iter()
                .map(|g| CountryGroupInput {
                    code: g.code.clone(),
                    label: g.label.clone(),
                    countries: g.countries.clone(),
                })
                .collect(),
            rates: self
                .rates
                .iter()
                .map(|r| LevelRateInput {
                    group: r.group.clone(),
                    level: r.level.clone(),
                    per_diem: major(r.per_diem),
                    accommodation: major(r.accommodation),
                })
                .collect(),
            sponsor_covers: self
                .sponsor_covers
                .iter()
                .map(|c| SponsorCoverInput {
                    funding: c.funding.as_str().to_owned(),
                    categories: c.categories.iter().map(|k| k.as_str().to_owned()).collect(),
                })
                .collect(),
        }
    }
}

/// The table in force on `day`: the one with the latest `valid_from` not after it.
pub fn in_force(tables: &[RateTable], day: NaiveDate) -> Option<&RateTable> {
    tables
        .iter()
        .filter(|t| t.valid_from <= day)
        .max_by(|a, b| {
            (a.valid_from, &a.created_at, &a.id).cmp(&(b.valid_from, &b.created_at, &b.id))
        })
}

/// A rate table as typed in Settings or read from CSV: text everywhere, checked by
/// [`RateTableInput::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RateTableInput {
    pub name: String,
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    /// ISO 4217 code.
    pub currency: String,
    pub notes: String,
    pub groups: Vec<CountryGroupInput>,
    pub rates: Vec<LevelRateInput>,
    pub sponsor_covers: Vec<SponsorCoverInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct CountryGroupInput {
    pub code: String,
    pub label: String,
    pub countries: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct LevelRateInput {
    pub group: String,
    pub level: String,
    /// Major units with a dot for decimals: "70" or "62.50".
    pub per_diem: String,
    pub accommodation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SponsorCoverInput {
    /// `sponsored` or `mixed`.
    pub funding: String,
    /// Expense category names: `airfare`, `accommodation`...
    pub categories: Vec<String>,
}

/// A [`RateTableInput`] that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRateTable {
    pub name: String,
    pub valid_from: NaiveDate,
    pub currency: String,
    pub notes: String,
    pub groups: Vec<CountryGroup>,
    pub rates: Vec<LevelRate>,
    pub sponsor_covers: Vec<SponsorCover>,
}

impl ValidRateTable {
    /// The table as a record with this id and these times (`created_at`, `updated_at`).
    pub fn into_table(self, id: String, created_at: String, updated_at: String) -> RateTable {
        RateTable {
            id,
            name: self.name,
            valid_from: self.valid_from,
            currency: self.currency,
            notes: self.notes,
            groups: self.groups,
            rates: self.rates,
            sponsor_covers: self.sponsor_covers,
            created_at,
            updated_at,
        }
    }
}

impl RateTableInput {
    /// Checks the whole table and reports every problem at once. Fields are named by their
    /// place in the input (`rates[2].per_diem`, `groups[0].countries[3]`) so that an
    /// importer can turn them back into line numbers.
    pub fn validate(&self) -> Result<ValidRateTable, Error> {
        let mut check = Check::new();
        let name = check.required("name", "Name", &self.name);
        let valid_from = check.date("valid_from", "Valid from", &self.valid_from);
        let currency = match parse_currency(&self.currency) {
            Some(code) => Some(code.to_owned()),
            None => {
                check.fail(
                    "currency",
                    if self.currency.trim().is_empty() {
                        Rule::Required
                    } else {
                        Rule::UnknownCode
                    },
                    format!(
                        "Currency must be an ISO 4217 code such as USD, not \"{}\"",
                        self.currency.trim()
                    ),
                );
                None
            }
        };
        let notes = check.multiline("notes", "Notes", &self.notes);

        let mut groups: Vec<CountryGroup> = Vec::with_capacity(self.groups.len());
        let mut listed: Vec<(String, String)> = Vec::new();
        if self.groups.is_empty() {
            check.fail(
                "groups",
                Rule::Required,
                "A rate table needs at least one group of countries",
            );
        }
        for (i, g) in self.groups.iter().enumerate() {
            let field = format!("groups[{i}]");
            let code = check.required(&format!("{field}.code"), "Group code", &g.code);
            if groups.iter().any(|other| other.code == code) {
                check.fail(
                    &format!("{field}.code"),
                    Rule::Duplicate,
                    format!("Group {code} is defined twice"),
                );
            }
            let label = check.optional(&format!("{field}.label"), "Group label", &g.label);
            let mut countries = Vec::with_capacity(g.countries.len());
            for (j, typed) in g.countries.iter().enumerate() {
                let cfield = format!("{field}.countries[{j}]");
                let typed = typed.trim();
                let code_of_country = if typed == ANY {
                    Some(ANY)
                } else {
                    match check.optional_country(&cfield, "Country", typed) {
                        Some(Some(c)) => Some(c),
                        Some(None) => {
                            check.fail(&cfield, Rule::Required, "Country must not be empty");
                            None
                        }
                        None => None,
                    }
                };
                if let Some(c) = code_of_country {
                    if let Some((_, other)) = listed.iter().find(|(listed, _)| listed == c) {
                        check.fail(
                            &cfield,
                            Rule::Duplicate,
                            format!("Country {c} is already in group {other}"),
                        );
                    } else {
                        listed.push((c.to_owned(), code.clone()));
                    }
                    countries.push(c.to_owned());
                }
            }
            if g.countries.is_empty() {
                check.fail(
                    &format!("{field}.countries"),
                    Rule::Required,
                    format!("Group {code} lists no country"),
                );
            }
            groups.push(CountryGroup {
                code,
                label,
                countries,
            });
        }

        let mut rates: Vec<LevelRate> = Vec::with_capacity(self.rates.len());
        for (i, r) in self.rates.iter().enumerate() {
            let field = format!("rates[{i}]");
            let group = text::clean(&r.group);
            if !groups.iter().any(|g| g.code == group) {
                check.fail(
                    &format!("{field}.group"),
                    Rule::UnknownRecord,
                    format!("Rate for group \"{group}\", which the table does not define"),
                );
            }
            let level = check.required(&format!("{field}.level"), "Staff level", &r.level);
            if rates
                .iter()
                .any(|o| o.group == group && o.level.to_lowercase() == level.to_lowercase())
            {
                check.fail(
                    &format!("{field}.level"),
                    Rule::Duplicate,
                    format!("Group {group} has two rates for level {level}"),
                );
            }
            let mut amount = |name: &str, label: &str, typed: &str| -> i64 {
                let f = format!("{field}.{name}");
                let Some(currency) = currency.as_deref() else {
                    return 0;
                };
                match Money::parse(currency, typed) {
                    Ok(m) if m.minor < 0 => {
                        check.fail(
                            &f,
                            Rule::OutOfRange,
                            format!("{label} must not be negative"),
                        );
                        0
                    }
                    Ok(m) => m.minor,
                    Err(e) => {
                        check.fail(&f, Rule::InvalidAmount, format!("{label}: {e}"));
                        0
                    }
                }
            };
            let per_diem = amount("per_diem", "Per diem", &r.per_diem);
            let accommodation = amount("accommodation", "Accommodation", &r.accommodation);
            rates.push(LevelRate {
                group,
                level,
                per_diem,
                accommodation,
            });
        }
        for (i, g) in groups.iter().enumerate() {
            if !g.code.is_empty() && !rates.iter().any(|r| r.group == g.code) {
                check.fail(
                    &format!("groups[{i}].code"),
                    Rule::Required,
                    format!("Group {} has no rate", g.code),
                );
            }
        }

        let mut sponsor_covers: Vec<SponsorCover> = Vec::new();
        for (i, c) in self.sponsor_covers.iter().enumerate() {
            let field = format!("sponsor_covers[{i}]");
            let funding = match Funding::parse(&c.funding) {
                Some(f @ (Funding::Sponsored | Funding::Mixed)) => Some(f),
                _ => {
                    check.fail(
                        &format!("{field}.funding"),
                        Rule::UnknownCode,
                        format!(
                            "Funding must be sponsored or mixed, not \"{}\"",
                            c.funding.trim()
                        ),
                    );
                    None
                }
            };
            let mut categories = Vec::new();
            for (j, typed) in c.categories.iter().enumerate() {
                let category = check.one_of(
                    &format!("{field}.categories[{j}]"),
                    "Category",
                    typed,
                    &ExpenseCategory::choices(),
                );
                if let Some(category) = category
                    && !categories.contains(&category)
                {
                    categories.push(category);
                }
            }
            if let Some(funding) = funding {
                // Several entries for one funding merge into one list.
                match sponsor_covers.iter_mut().find(|s| s.funding == funding) {
                    Some(existing) => {
                        for category in categories {
                            if !existing.categories.contains(&category) {
                                existing.categories.push(category);
                            }
                        }
                    }
                    None => sponsor_covers.push(SponsorCover {
                        funding,
                        categories,
                    }),
                }
            }
        }

        check.finish(|| {
            Some(ValidRateTable {
                name,
                valid_from: valid_from?,
                currency: currency?,
                notes,
                groups,
                rates,
                sponsor_covers,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> RateTableInput {
        RateTableInput {
            name: "Example circular".into(),
            valid_from: "2012-07-01".into(),
            currency: "usd".into(),
            notes: String::new(),
            groups: vec![
                CountryGroupInput {
                    code: "A".into(),
                    label: "Near".into(),
                    countries: vec!["sg".into(), "TH".into()],
                },
                CountryGroupInput {
                    code: "B".into(),
                    label: "Everywhere else".into(),
                    countries: vec!["*".into()],
                },
            ],
            rates: vec![
                LevelRateInput {
                    group: "A".into(),
                    level: "leader".into(),
                    per_diem: "70".into(),
                    accommodation: "150".into(),
                },
                LevelRateInput {
                    group: "A".into(),
                    level: "*".into(),
                    per_diem: "60".into(),
                    accommodation: "120.50".into(),
                },
                LevelRateInput {
                    group: "B".into(),
                    level: "*".into(),
                    per_diem: "50".into(),
                    accommodation: "100".into(),
                },
            ],
            sponsor_covers: vec![SponsorCoverInput {
                funding: "mixed".into(),
                categories: vec!["airfare".into(), "accommodation".into()],
            }],
        }
    }

    fn table() -> RateTable {
        let v = example().validate().unwrap_or_else(|e| panic!("{e}"));
        v.into_table("t".into(), String::new(), String::new())
    }

    fn fields(input: &RateTableInput) -> Vec<(String, Rule)> {
        input
            .validate()
            .err()
            .map(|e| {
                e.violations
                    .into_iter()
                    .map(|v| (v.field, v.rule))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn a_country_falls_in_its_group_or_the_wildcard_group() {
        let t = table();
        assert_eq!(t.currency, "USD", "the currency code is stored upper-case");
        assert_eq!(t.group_of("sg").map(|g| g.code.as_str()), Some("A"));
        assert_eq!(
            t.group_of("JP").map(|g| g.code.as_str()),
            Some("B"),
            "a country no group lists falls under *"
        );
    }

    #[test]
    fn a_level_without_its_own_rate_takes_the_wildcard_rate() {
        let t = table();
        assert_eq!(t.rate("A", "Leader").map(|r| r.per_diem), Some(7000));
        assert_eq!(t.rate("A", "staff").map(|r| r.accommodation), Some(12050));
        assert_eq!(
            t.rate("A", "").map(|r| r.per_diem),
            Some(6000),
            "a guest without a level"
        );
        assert!(t.sponsor_pays(Funding::Mixed, ExpenseCategory::Airfare));
        assert!(!t.sponsor_pays(Funding::Mixed, ExpenseCategory::PerDiem));
        assert!(!t.sponsor_pays(Funding::StateBudget, ExpenseCategory::Airfare));
    }

    #[test]
    fn the_table_in_force_is_the_latest_that_has_started() {
        let old = table();
        let mut new = table();
        new.id = "n".into();
        new.valid_from = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default();
        let tables = [old, new];
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(
            in_force(&tables, day(2016, 9, 5)).map(|t| t.id.as_str()),
            Some("t")
        );
        assert_eq!(
            in_force(&tables, day(2018, 1, 1)).map(|t| t.id.as_str()),
            Some("n")
        );
        assert!(
            in_force(&tables, day(2010, 1, 1)).is_none(),
            "no table before the first"
        );
    }

    #[test]
    fn round_trips_through_its_input() {
        let t = table();
        let again = t.to_input().validate().map(|v| v.rates);
        assert_eq!(again, Ok(t.rates));
    }

    #[test]
    fn every_mistake_is_named_by_its_place_in_the_table() {
        let mut input = example();
        input.groups[1].countries.push("SG".into());
        input.groups[0].countries.push("Singapore".into());
        input.rates[0].per_diem = "70.001".into();
        input.rates[1].level = "Leader".into();
        input.rates[2].group = "C".into();
        input.sponsor_covers[0].funding = "state_budget".into();
        input.sponsor_covers[0].categories.push("lunch".into());
        assert_eq!(
            fields(&input),
            vec![
                ("groups[0].countries[2]".to_owned(), Rule::UnknownCode),
                ("groups[1].countries[1]".to_owned(), Rule::Duplicate),
                ("rates[0].per_diem".to_owned(), Rule::InvalidAmount),
                ("rates[1].level".to_owned(), Rule::Duplicate),
                ("rates[2].group".to_owned(), Rule::UnknownRecord),
                ("groups[1].code".to_owned(), Rule::Required),
                ("sponsor_covers[0].funding".to_owned(), Rule::UnknownCode),
                (
                    "sponsor_covers[0].categories[2]".to_owned(),
                    Rule::UnknownCode
                ),
            ]
        );
    }
}
