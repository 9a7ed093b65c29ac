use chrono::NaiveDate;
use desk_domain::{Delegation, DelegationStatus, Direction, NewDelegation};
use rusqlite::{Row, params};

use crate::{Store, StoreError, new_id, now_rfc3339};

const COLUMNS: &str =
    "id, direction, title, country, starts_on, ends_on, status, created_at, updated_at";

impl Store {
    /// Validates `input` by the domain's rules and, only if it passes, writes a new Draft.
    pub fn create_delegation(&mut self, input: &NewDelegation) -> Result<Delegation, StoreError> {
        let valid = input.validate()?;
        let now = now_rfc3339();
        let delegation = Delegation {
            id: new_id(),
            direction: valid.direction,
            title: valid.title,
            country: valid.country.to_owned(),
            starts_on: valid.starts_on,
            ends_on: valid.ends_on,
            status: DelegationStatus::Draft,
            created_at: now.clone(),
            updated_at: now,
        };
        let tx = self.conn.transaction()?;
        tx.execute(
            &format!(
                "INSERT INTO delegation ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
            ),
            params![
                delegation.id,
                delegation.direction.as_str(),
                delegation.title,
                delegation.country,
                delegation.starts_on.to_string(),
                delegation.ends_on.to_string(),
                delegation.status.as_str(),
                delegation.created_at,
                delegation.updated_at,
            ],
        )?;
        tx.commit()?;
        Ok(delegation)
    }

    /// Every delegation, the latest trip first.
    pub fn list_delegations(&self) -> Result<Vec<Delegation>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM delegation ORDER BY starts_on DESC, title"
        ))?;
        let rows = stmt.query_map([], raw_delegation)?;
        rows.map(|row| {
            row.map_err(StoreError::from)
                .and_then(RawDelegation::into_record)
        })
        .collect()
    }
}

/// A row as text, checked into a record outside rusqlite's closure so that a bad value is
/// reported as corrupt data rather than as a type error.
struct RawDelegation {
    id: String,
    direction: String,
    title: String,
    country: String,
    starts_on: String,
    ends_on: String,
    status: String,
    created_at: String,
    updated_at: String,
}

fn raw_delegation(row: &Row<'_>) -> rusqlite::Result<RawDelegation> {
    Ok(RawDelegation {
        id: row.get(0)?,
        direction: row.get(1)?,
        title: row.get(2)?,
        country: row.get(3)?,
        starts_on: row.get(4)?,
        ends_on: row.get(5)?,
        status: row.get(6)?,
        created_at: row.get(7)?,
        updated_at: row.get(8)?,
    })
}

pub(crate) fn stored_date(what: &str, text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| StoreError::Corrupt(format!("{what} \"{text}\" is not a date")))
}

impl RawDelegation {
    fn into_record(self) -> Result<Delegation, StoreError> {
        let direction = Direction::parse(&self.direction)
            .ok_or_else(|| StoreError::Corrupt(format!("direction \"{}\"", self.direction)))?;
        let status = DelegationStatus::parse(&self.status)
            .ok_or_else(|| StoreError::Corrupt(format!("status \"{}\"", self.status)))?;
        Ok(Delegation {
            starts_on: stored_date("starts_on", &self.starts_on)?,
            ends_on: stored_date("ends_on", &self.ends_on)?,
            id: self.id,
            direction,
            title: self.title,
            country: self.country,
            status,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}
