//! Loads what the statistics of a range need, and only that, for
//! [`desk_domain::stats::compute`]: the delegations that start in the range or in the
//! previous one (found through the `delegation_starts_on` index), and their members, people,
//! organisations, expenses and reports (each found through its delegation or person index).

use std::collections::{BTreeSet, HashSet};

use chrono::NaiveDate;
use desk_domain::stats::{self, StatsData, StatsParams, StatsRange, YearStats};
use desk_domain::{
    Delegation, DelegationStatus, Direction, Error, Expense, ExpenseCategory, ExpenseKind, Funding,
    Language, Member, MemberRole, MissionReport, NameOrder, Organisation, OrganisationKind, Person,
    ReportStatus, Rule, Violation,
};

use crate::{Store, StoreError};

/// The delegations of the loaded span, trash left out; `?1` and `?2` are its first and last
/// days as `YYYY-MM-DD`, which compare as text in date order.
const DELEGATIONS: &str = "deleted_at IS NULL AND starts_on BETWEEN ?1 AND ?2";

/// The same, for a query that joins what belongs to them to `delegation d`: SQLite walks
/// the `delegation_starts_on` index and looks each delegation's rows up by their own
/// delegation index, with no temporary list of ids to build.
const SPAN: &str = "FROM delegation d JOIN {table} x ON x.delegation_id = d.id \
                    WHERE d.deleted_at IS NULL AND d.starts_on BETWEEN ?1 AND ?2";

fn span_of(table: &str) -> String {
    SPAN.replace("{table}", table)
}

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
    ///
    /// Every record carries only what statistics read, straight from its columns, its other
    /// fields empty: converting a year's hundred thousand expense lines through the generic
    /// JSON path would cost most of the time the Statistics screen may take. So:
    /// delegations without purpose, decision and notes; organisations with their name;
    /// members without id and role; only the people of outgoing delegations (whose days
    /// abroad are counted), with name, unit and organisation; expenses with kind, amount and
    /// rate (and their id only when they have no rate); reports with date and status.
    pub fn stats_data(&self, first: NaiveDate, last: NaiveDate) -> Result<StatsData, StoreError> {
        let (first, last) = (first.to_string(), last.to_string());
        let span: [&dyn rusqlite::ToSql; 2] = [&first, &last];
        let delegations = self.lean(
            &format!(
                "SELECT id, direction, title, event, organisation_id, country, cities, \
                        starts_on, ends_on, status, funding, sponsor_id, \
                        more_destinations \
                 FROM delegation WHERE {DELEGATIONS} ORDER BY starts_on, id"
            ),
            &span,
            |row| {
                let text = |n: usize| -> Result<String, LeanError> { Ok(row.get(n)?) };
                let day = |n: usize| -> Result<NaiveDate, LeanError> {
                    let t = text(n)?;
                    t.parse().map_err(|_| corrupt("delegation date", &t))
                };
                let named = |n: usize, what: &str| -> Result<String, LeanError> {
                    let t = text(n)?;
                    if t.is_empty() {
                        return Err(corrupt(what, &t));
                    }
                    Ok(t)
                };
                let direction = named(1, "delegation.direction")?;
                let status = named(9, "delegation.status")?;
                let funding = named(10, "delegation.funding")?;
                Ok(Delegation {
                    id: text(0)?,
                    direction: Direction::parse(&direction)
                        .ok_or_else(|| corrupt("delegation.direction", &direction))?,
                    title: text(2)?,
                    event: text(3)?,
                    organisation_id: row.get(4)?,
                    country: text(5)?,
                    cities: text(6)?,
                    more_destinations: {
                        let list = text(12)?;
                        serde_json::from_str(&list)
                            .map_err(|_| corrupt("delegation.more_destinations", &list))?
                    },
                    starts_on: day(7)?,
                    ends_on: day(8)?,
                    status: DelegationStatus::parse(&status)
                        .ok_or_else(|| corrupt("delegation.status", &status))?,
                    funding: Funding::parse(&funding)
                        .ok_or_else(|| corrupt("delegation.funding", &funding))?,
                    sponsor_id: row.get(11)?,
                    ..Default::default()
                })
            },
        )?;
        let members = self.lean(
            &format!(
                "SELECT x.delegation_id, x.person_id, x.joins_on, x.leaves_on {}",
                span_of("member")
            ),
            &span,
            |row| {
                Ok(Member {
                    delegation_id: row.get(0)?,
                    person_id: row.get(1)?,
                    role: MemberRole::Member,
                    joins_on: date(row.get(2)?),
                    leaves_on: date(row.get(3)?),
                    ..Default::default()
                })
            },
        )?;
        // People matter for their days abroad only: those of outgoing delegations, each once
        // however many trips they made.
        let mut seen = HashSet::new();
        let people = self.lean(
            "SELECT p.id, p.full_name, p.unit, p.organisation_id \
             FROM delegation d JOIN member x ON x.delegation_id = d.id \
             JOIN person p ON p.id = x.person_id \
             WHERE d.deleted_at IS NULL AND d.starts_on BETWEEN ?1 AND ?2 \
               AND d.direction = 'outgoing'",
            &span,
            |row| {
                Ok(Person {
                    id: row.get(0)?,
                    full_name: row.get(1)?,
                    unit: row.get(2)?,
                    organisation_id: row.get(3)?,
                    name_order: NameOrder::FamilyFirst,
                    ..Default::default()
                })
            },
        )?;
        let mut people = people;
        people.retain(|p| seen.insert(p.id.clone()));
        // The host or visiting organisations and the people's own, by their primary key.
        let wanted: BTreeSet<&str> = delegations
            .iter()
            .filter_map(|d| d.organisation_id.as_deref())
            .chain(people.iter().filter_map(|p| p.organisation_id.as_deref()))
            .collect();
        let mut organisations = Vec::with_capacity(wanted.len());
        let mut find = self
            .conn
            .prepare_cached("SELECT id, name FROM organisation WHERE id = ?1")?;
        for id in wanted {
            let mut rows = find.query([id])?;
            if let Some(row) = rows.next()? {
                organisations.push(Organisation {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    kind: OrganisationKind::Other,
                    ..Default::default()
                });
            }
        }
        drop(find);
        // The amount is parsed here rather than through the generated `currency` and
        // `minor` columns: two json_extract calls a row cost SQLite more than serde does.
        // The id is read only where it is needed: a foreign amount with no rate is listed.
        let expenses = self.lean(
            &format!(
                "SELECT x.delegation_id, x.kind, x.amount, x.rate_to_vnd, \
                        CASE WHEN x.rate_to_vnd = '' THEN x.id END {}",
                span_of("expense")
            ),
            &span,
            |row| {
                // Kind and amount are read in place, without a copy per row.
                let kind = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
                let kind = ExpenseKind::parse(kind).ok_or_else(|| corrupt("expense.kind", kind))?;
                let amount = row.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
                let amount =
                    serde_json::from_str(amount).map_err(|_| corrupt("expense.amount", amount))?;
                Ok(Expense {
                    id: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    delegation_id: row.get(0)?,
                    kind,
                    category: ExpenseCategory::Other,
                    amount,
                    rate_to_vnd: row.get(3)?,
                    ..Default::default()
                })
            },
        )?;
        let reports = self.lean(
            &format!(
                "SELECT x.id, x.delegation_id, x.report_date, x.status {}",
                span_of("mission_report")
            ),
            &span,
            |row| {
                let day: String = row.get(2)?;
                let status: String = row.get(3)?;
                Ok(MissionReport {
                    id: row.get(0)?,
                    delegation_id: row.get(1)?,
                    report_date: date(Some(day.clone()))
                        .ok_or_else(|| corrupt("mission_report.report_date", &day))?,
                    status: ReportStatus::parse(&status)
                        .ok_or_else(|| corrupt("mission_report.status", &status))?,
                    language: Language::Vi,
                    version: 0,
                    ..Default::default()
                })
            },
        )?;
        Ok(StatsData {
            delegations,
            members,
            people,
            organisations,
            expenses,
            reports,
        })
    }

    /// The years that hold delegations (cancelled included, trash left out), the latest
    /// first: the Statistics screen opens on the latest that is not in the future, and offers
    /// them to choose from. One pass over the `delegation_starts_on` index.
    pub fn stats_years(&self) -> Result<Vec<i32>, StoreError> {
        self.lean(
            "SELECT DISTINCT substr(starts_on, 1, 4) FROM delegation \
             WHERE deleted_at IS NULL ORDER BY 1 DESC",
            &[],
            |row| {
                let year: String = row.get(0)?;
                year.parse()
                    .map_err(|_| corrupt("delegation.starts_on", &year))
            },
        )
    }

    /// Rows of `sql` mapped by `map`.
    fn lean<T>(
        &self,
        sql: &str,
        params: &[&dyn rusqlite::ToSql],
        mut map: impl FnMut(&rusqlite::Row<'_>) -> Result<T, LeanError>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query(params)?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            out.push(map(row).map_err(|e| match e {
                LeanError::Sql(e) => StoreError::from(e),
                LeanError::Corrupt(message) => StoreError::Corrupt(message),
            })?);
        }
        Ok(out)
    }
}

/// A column that could not be read, or read but not understood.
enum LeanError {
    Sql(rusqlite::Error),
    Corrupt(String),
}

impl From<rusqlite::Error> for LeanError {
    fn from(e: rusqlite::Error) -> Self {
        LeanError::Sql(e)
    }
}

fn corrupt(column: &str, value: &str) -> LeanError {
    LeanError::Corrupt(format!("{column} holds \"{value}\""))
}

/// A stored `YYYY-MM-DD`; an unreadable one reads as none (a member's own days fall back to
/// the delegation's).
fn date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| t.parse().ok())
}
