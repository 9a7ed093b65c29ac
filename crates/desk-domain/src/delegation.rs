//! A delegation: a group the library sends abroad (outgoing, "đoàn ra") or receives
//! (incoming, "đoàn vào").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Rule, Violations};
use crate::{country, text};

/// Longest title accepted, in characters: a decision's title fits in far fewer.
pub const TITLE_MAX_CHARS: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// "Đoàn ra": staff travel abroad.
    Outgoing,
    /// "Đoàn vào": a foreign delegation is hosted.
    Incoming,
}

impl Direction {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Outgoing => "outgoing",
            Self::Incoming => "incoming",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "outgoing" => Some(Self::Outgoing),
            "incoming" => Some(Self::Incoming),
            _ => None,
        }
    }
}

/// Where a delegation is in its life, from the first draft to the filed report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DelegationStatus {
    Draft,
    Approved,
    Underway,
    Returned,
    Reported,
    Closed,
    Cancelled,
}

impl DelegationStatus {
    pub const ALL: [Self; 7] = [
        Self::Draft,
        Self::Approved,
        Self::Underway,
        Self::Returned,
        Self::Reported,
        Self::Closed,
        Self::Cancelled,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Approved => "approved",
            Self::Underway => "underway",
            Self::Returned => "returned",
            Self::Reported => "reported",
            Self::Closed => "closed",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == s)
    }
}

/// A delegation as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Delegation {
    /// UUIDv7, so that records made on two laptops can later be merged.
    pub id: String,
    pub direction: Direction,
    pub title: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    #[ts(type = "string")]
    pub starts_on: NaiveDate,
    #[ts(type = "string")]
    pub ends_on: NaiveDate,
    pub status: DelegationStatus,
    /// RFC 3339 with offset.
    pub created_at: String,
    pub updated_at: String,
}

/// What a user fills in to create a delegation. Dates arrive as text so that a malformed
/// one is reported against its field instead of failing to parse the whole request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewDelegation {
    pub direction: Direction,
    pub title: String,
    pub country: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// A [`NewDelegation`] that passed every rule, normalised and ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDelegation {
    pub direction: Direction,
    pub title: String,
    pub country: &'static str,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// Parses a `YYYY-MM-DD` field, recording a violation naming the field when it is not one.
pub fn parse_date(
    field: &str,
    label: &str,
    input: &str,
    found: &mut Violations,
) -> Option<NaiveDate> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        found.push(field, Rule::Required, format!("{label} is required"));
        return None;
    }
    match NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
        Ok(date) => Some(date),
        Err(_) => {
            found.push(
                field,
                Rule::InvalidDate,
                format!("{label} must be a calendar date written YYYY-MM-DD, not \"{trimmed}\""),
            );
            None
        }
    }
}

impl NewDelegation {
    /// Checks every field and reports all violations together.
    pub fn validate(&self) -> Result<ValidDelegation, Error> {
        let mut found = Violations::default();

        let title = text::clean(&self.title);
        if title.is_empty() {
            found.push("title", Rule::Required, "Title must not be empty");
        } else if title.chars().count() > TITLE_MAX_CHARS {
            found.push(
                "title",
                Rule::TooLong,
                format!("Title must be at most {TITLE_MAX_CHARS} characters"),
            );
        }

        let country = country::parse(&self.country);
        if country.is_none() {
            if self.country.trim().is_empty() {
                found.push("country", Rule::Required, "Country is required");
            } else {
                found.push(
                    "country",
                    Rule::UnknownCode,
                    format!(
                        "Country must be an ISO 3166-1 alpha-2 code such as SG or VN, not \"{}\"",
                        self.country.trim()
                    ),
                );
            }
        }

        let starts_on = parse_date("starts_on", "Start date", &self.starts_on, &mut found);
        let ends_on = parse_date("ends_on", "End date", &self.ends_on, &mut found);
        if let (Some(start), Some(end)) = (starts_on, ends_on)
            && end < start
        {
            found.push(
                "ends_on",
                Rule::EndBeforeStart,
                format!("End date {end} must not be before start date {start}"),
            );
        }

        if let (Some(country), Some(starts_on), Some(ends_on)) = (country, starts_on, ends_on) {
            return found.into_result(ValidDelegation {
                direction: self.direction,
                title,
                country,
                starts_on,
                ends_on,
            });
        }
        // A missing part always left a violation behind.
        Err(found.into_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use rstest::rstest;

    fn singapore() -> NewDelegation {
        NewDelegation {
            direction: Direction::Outgoing,
            title: "Phiên họp lần thứ 2 INELI-ASEAN".into(),
            country: "sg".into(),
            starts_on: "2016-09-06".into(),
            ends_on: "2016-09-09".into(),
        }
    }

    fn rules_broken(input: &NewDelegation) -> Vec<(String, Rule)> {
        match input.validate() {
            Ok(_) => Vec::new(),
            Err(e) => {
                assert_eq!(e.kind, ErrorKind::Validation);
                e.violations
                    .into_iter()
                    .map(|v| (v.field, v.rule))
                    .collect()
            }
        }
    }

    #[test]
    fn a_well_formed_delegation_is_accepted_and_normalised() {
        let valid = singapore().validate();
        assert!(
            valid.is_ok(),
            "the seed story's trip must validate: {valid:?}"
        );
        if let Ok(valid) = valid {
            assert_eq!(valid.country, "SG", "country codes are stored upper-case");
            assert_eq!((valid.ends_on - valid.starts_on).num_days(), 3);
        }
    }

    #[test]
    fn a_one_day_visit_is_allowed() {
        let mut input = singapore();
        input.ends_on = input.starts_on.clone();
        assert!(
            input.validate().is_ok(),
            "start and end on the same day is a valid range"
        );
    }

    #[rstest]
    #[case::end_before_start("2016-09-09", "2016-09-06", "ends_on", Rule::EndBeforeStart)]
    #[case::not_a_date("2016-09-06", "09/06/2016", "ends_on", Rule::InvalidDate)]
    #[case::no_such_day("2016-02-30", "2016-03-01", "starts_on", Rule::InvalidDate)]
    #[case::missing("", "2016-03-01", "starts_on", Rule::Required)]
    fn bad_dates_are_refused_against_their_field(
        #[case] starts: &str,
        #[case] ends: &str,
        #[case] field: &str,
        #[case] rule: Rule,
    ) {
        let mut input = singapore();
        input.starts_on = starts.into();
        input.ends_on = ends.into();
        assert_eq!(rules_broken(&input), vec![(field.to_owned(), rule)]);
    }

    #[test]
    fn every_broken_field_is_reported_at_once() {
        let input = NewDelegation {
            direction: Direction::Incoming,
            title: "   ".into(),
            country: "Singapore".into(),
            starts_on: "2017-11-30".into(),
            ends_on: "2017-11-27".into(),
        };
        assert_eq!(
            rules_broken(&input),
            vec![
                ("title".to_owned(), Rule::Required),
                ("country".to_owned(), Rule::UnknownCode),
                ("ends_on".to_owned(), Rule::EndBeforeStart),
            ],
            "a form shows all its errors together, not one per attempt"
        );
    }

    #[test]
    fn status_names_round_trip() {
        for status in DelegationStatus::ALL {
            assert_eq!(DelegationStatus::parse(status.as_str()), Some(status));
        }
    }
}
