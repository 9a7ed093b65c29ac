//! Field-by-field checking of inputs. Every check records a [`Violation`] naming the field
//! and the rule, so that a form shows all its errors at once, then [`Check::finish`] turns
//! the collected violations into one validation [`Error`].
//!
//! Inputs carry text exactly as typed (dates included): a malformed value becomes a
//! violation on its field, never a failure to read the whole request.

use chrono::{NaiveDate, NaiveTime};

use crate::error::{Error, Rule, Violations};
use crate::{country, text};

/// Longest single-line text (names, titles) accepted, in characters.
pub const LINE_MAX: usize = 300;
/// Longest multi-line text (notes, report sections) accepted, in characters.
pub const TEXT_MAX: usize = 200_000;

#[derive(Debug, Default)]
pub struct Check {
    found: Violations,
}

impl Check {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail(&mut self, field: &str, rule: Rule, message: impl Into<String>) {
        self.found.push(field, rule, message);
    }

    pub fn ok(&self) -> bool {
        self.found.is_empty()
    }

    /// A one-line text that must not be empty. Returns it cleaned (NFC, spaces collapsed).
    pub fn required(&mut self, field: &str, label: &str, input: &str) -> String {
        let value = text::clean(input);
        if value.is_empty() {
            self.fail(field, Rule::Required, format!("{label} must not be empty"));
        } else {
            self.max_chars(field, label, &value, LINE_MAX);
        }
        value
    }

    /// A one-line text that may be empty.
    pub fn optional(&mut self, field: &str, label: &str, input: &str) -> String {
        let value = text::clean(input);
        self.max_chars(field, label, &value, LINE_MAX);
        value
    }

    /// A multi-line text (paragraphs kept): NFC, trailing spaces trimmed.
    pub fn multiline(&mut self, field: &str, label: &str, input: &str) -> String {
        let value = text::clean_multiline(input);
        self.max_chars(field, label, &value, TEXT_MAX);
        value
    }

    fn max_chars(&mut self, field: &str, label: &str, value: &str, max: usize) {
        if value.chars().count() > max {
            self.fail(
                field,
                Rule::TooLong,
                format!("{label} must be at most {max} characters"),
            );
        }
    }

    /// A required `YYYY-MM-DD` date.
    pub fn date(&mut self, field: &str, label: &str, input: &str) -> Option<NaiveDate> {
        if input.trim().is_empty() {
            self.fail(field, Rule::Required, format!("{label} is required"));
            return None;
        }
        self.parse_date(field, label, input)
    }

    /// A `YYYY-MM-DD` date that may be left empty (`Some(None)`); `None` when malformed.
    pub fn optional_date(
        &mut self,
        field: &str,
        label: &str,
        input: &str,
    ) -> Option<Option<NaiveDate>> {
        if input.trim().is_empty() {
            return Some(None);
        }
        self.parse_date(field, label, input).map(Some)
    }

    fn parse_date(&mut self, field: &str, label: &str, input: &str) -> Option<NaiveDate> {
        let trimmed = input.trim();
        match NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                self.fail(
                    field,
                    Rule::InvalidDate,
                    format!(
                        "{label} must be a calendar date written YYYY-MM-DD, not \"{trimmed}\""
                    ),
                );
                None
            }
        }
    }

    /// An `HH:MM` time that may be empty.
    pub fn optional_time(
        &mut self,
        field: &str,
        label: &str,
        input: &str,
    ) -> Option<Option<NaiveTime>> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Some(None);
        }
        // A stored time comes back with seconds ("14:00:00"); both forms are accepted.
        match NaiveTime::parse_from_str(trimmed, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(trimmed, "%H:%M:%S"))
        {
            Ok(time) => Some(Some(time)),
            Err(_) => {
                self.fail(
                    field,
                    Rule::InvalidTime,
                    format!("{label} must be a time written HH:MM, not \"{trimmed}\""),
                );
                None
            }
        }
    }

    /// Records an [`Rule::EndBeforeStart`] violation on `end_field` when both ends are
    /// known and the end comes first.
    pub fn range<T: PartialOrd + std::fmt::Display>(
        &mut self,
        end_field: &str,
        start_label: &str,
        end_label: &str,
        start: Option<&T>,
        end: Option<&T>,
    ) {
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            self.fail(
                end_field,
                Rule::EndBeforeStart,
                format!("{end_label} {end} must not be before {start_label} {start}"),
            );
        }
    }

    /// A required ISO 3166-1 alpha-2 country code.
    pub fn country(&mut self, field: &str, label: &str, input: &str) -> Option<&'static str> {
        if input.trim().is_empty() {
            self.fail(field, Rule::Required, format!("{label} is required"));
            return None;
        }
        self.optional_country(field, label, input).flatten()
    }

    /// An ISO 3166-1 alpha-2 country code that may be empty (`Some(None)`).
    pub fn optional_country(
        &mut self,
        field: &str,
        label: &str,
        input: &str,
    ) -> Option<Option<&'static str>> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Some(None);
        }
        match country::parse(trimmed) {
            Some(code) => Some(Some(code)),
            None => {
                self.fail(
                    field,
                    Rule::UnknownCode,
                    format!(
                        "{label} must be an ISO 3166-1 alpha-2 code such as SG or VN, not \"{trimmed}\""
                    ),
                );
                None
            }
        }
    }

    /// One of a closed set of names (an enum given as text, e.g. from a CSV or the CLI).
    pub fn one_of<T: Copy>(
        &mut self,
        field: &str,
        label: &str,
        input: &str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        let trimmed = input.trim();
        if let Some((_, value)) = choices.iter().find(|(name, _)| *name == trimmed) {
            return Some(*value);
        }
        let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
        self.fail(
            field,
            Rule::UnknownCode,
            format!(
                "{label} must be one of {}, not \"{trimmed}\"",
                names.join(", ")
            ),
        );
        None
    }

    /// The collected violations as an error, or the value built from the checked parts.
    /// `build` returns `None` only when a part is missing, which always left a violation.
    pub fn finish<T>(self, build: impl FnOnce() -> Option<T>) -> Result<T, Error> {
        if !self.found.is_empty() {
            return Err(self.found.into_error());
        }
        build().ok_or_else(|| Error::invalid(Vec::new()))
    }
}

/// One `YYYY-MM-DD` date given on its own (a command's argument, a CLI flag), checked by the
/// same rule and said in the same words as in a form: a validation error naming `field`.
pub fn date_argument(field: &str, label: &str, input: &str) -> Result<NaiveDate, Error> {
    let mut check = Check::new();
    let date = check.date(field, label, input);
    check.finish(|| date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_argument_is_checked_as_in_a_form() {
        assert_eq!(
            date_argument("today", "--today", " 2026-12-03 "),
            Ok(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default())
        );
        let bad = date_argument("today", "--today", "2026-02-30")
            .err()
            .unwrap_or_else(|| Error::invalid(Vec::new()));
        assert_eq!(bad.violations.len(), 1, "a bad date is refused");
        assert_eq!(bad.violations[0].field, "today");
        assert_eq!(bad.violations[0].rule, Rule::InvalidDate);
        assert!(bad.violations[0].message.starts_with("--today must be"));
        let empty = date_argument("from", "from", "")
            .err()
            .unwrap_or_else(|| Error::invalid(Vec::new()));
        assert_eq!(empty.violations.len(), 1, "an empty date is refused");
        assert_eq!(empty.violations[0].rule, Rule::Required);
    }

    #[test]
    fn an_empty_optional_date_is_none_and_a_bad_one_is_a_violation() {
        let mut check = Check::new();
        assert_eq!(check.optional_date("d", "Date", "  "), Some(None));
        assert!(check.ok());
        assert_eq!(check.optional_date("d", "Date", "2016-13-01"), None);
        assert!(!check.ok(), "month 13 is refused");
    }

    #[test]
    fn times_are_hh_mm() {
        let mut check = Check::new();
        assert!(matches!(
            check.optional_time("t", "Time", "23:50"),
            Some(Some(_))
        ));
        assert_eq!(check.optional_time("t", "Time", "25:00"), None);
        let error = check.finish(|| Some(())).err();
        assert_eq!(error.map(|e| e.violations[0].rule), Some(Rule::InvalidTime));
    }
}
