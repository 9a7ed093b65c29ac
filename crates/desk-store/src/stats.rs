//! Loads what the statistics of a range need, and only that, for
//! [`desk_domain::stats::compute`]: the delegations that start in the range or in the
//! previous one (found through the `delegation_starts_on` index), and their members, people,
//! organisations, expenses and reports (each found through its delegation or person index).

use chrono::NaiveDate;
use desk_domain::stats::{self, StatsData, StatsParams, StatsRange, YearStats};
use desk_domain::{
    Delegation, Error, Expense, Member, MissionReport, Organisation, Person, Rule, Violation,
};

use crate::record;
use crate::{Store, StoreError};

/// The delegations of the loaded span, trash left out; `?1` and `?2` are its first and last
/// days as `YYYY-MM-DD`, which compare as text in date order.
const DELEGATIONS: &str = "deleted_at IS NULL AND starts_on BETWEEN ?1 AND ?2";

impl Store {
    /// The statistics of `from`–`to` (both included) compared with the range before, as of
    /// today.
    pub fn stats(&self, from: NaiveDate, to: NaiveDate) -> Result<YearStats, StoreError> {
        self.stats_as_of(from, to, chrono::Local::now().date_naive())
    }

    /// The statistics of `from`–`to` as of `as_of` (the day that decides whether a report
    /// not yet filed is late).
    pub fn stats_as_of(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        as_of: NaiveDate,
    ) -> Result<YearStats, StoreError> {
        let range = StatsRange::new(from, to)?;
        let previous = range.previous().ok_or_else(|| {
            StoreError::Domain(Error::invalid(vec![Violation::new(
                "from",
                Rule::OutOfRange,
                "The range before this one is outside the calendar",
            )]))
        })?;
        let data = self.stats_data(previous.from, range.to)?;
        Ok(stats::compute(
            &StatsParams {
                range,
                previous,
                as_of,
                report_due_days: self.settings()?.report_due_days,
            },
            &data,
        ))
    }

    /// The records of the delegations that start between `first` and `last`.
    pub fn stats_data(&self, first: NaiveDate, last: NaiveDate) -> Result<StatsData, StoreError> {
        let (first, last) = (first.to_string(), last.to_string());
        let span: [&dyn rusqlite::ToSql; 2] = [&first, &last];
        let in_span = format!("delegation_id IN (SELECT id FROM delegation WHERE {DELEGATIONS})");
        let people_in_span = format!("SELECT person_id FROM member WHERE {in_span}");
        let delegations: Vec<Delegation> =
            record::select(&self.conn, DELEGATIONS, "starts_on, id", &span)?;
        let members: Vec<Member> =
            record::select(&self.conn, &in_span, "delegation_id, id", &span)?;
        let people: Vec<Person> = record::select(
            &self.conn,
            &format!("id IN ({people_in_span})"),
            "id",
            &span,
        )?;
        let organisations: Vec<Organisation> = record::select(
            &self.conn,
            &format!(
                "id IN (SELECT organisation_id FROM delegation WHERE {DELEGATIONS}) \
                 OR id IN (SELECT organisation_id FROM person WHERE id IN ({people_in_span}))"
            ),
            "id",
            &span,
        )?;
        let expenses: Vec<Expense> = record::select(&self.conn, &in_span, "id", &span)?;
        let reports: Vec<MissionReport> = record::select(&self.conn, &in_span, "id", &span)?;
        Ok(StatsData {
            delegations,
            members,
            people,
            organisations,
            expenses,
            reports,
        })
    }
}
