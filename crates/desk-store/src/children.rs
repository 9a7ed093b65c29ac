//! What belongs to one delegation: travel segments, stays, programme items, tasks,
//! transfers and expenses. They share one shape (validated input → record with the
//! delegation's id), so they share one set of operations.

use desk_domain::{
    Delegation, Error, Expense, ExpenseInput, ProgrammeItem, ProgrammeItemInput, Segment,
    SegmentInput, Stay, StayInput, Task, TaskInput, Transfer, TransferInput, Visa, VisaInput,
};

use crate::record::{self, Record};
use crate::{Store, StoreError, new_id};

/// An input that becomes a record belonging to a delegation.
pub trait ChildInput {
    type Record: Record + Clone;
    /// Validates the input and builds the record; `base` carries the identity and times.
    fn build(&self, base: Base) -> Result<Self::Record, Error>;
    /// The order lists are shown in.
    const ORDER: &'static str;
}

/// Identity and timestamps of a record being created or replaced.
#[derive(Debug, Clone)]
pub struct Base {
    pub id: String,
    pub delegation_id: String,
    pub created_at: String,
    pub updated_at: String,
}

/// The record `$record` built from the base `$b` and the validated input `$v`: its identity
/// and times from the base, the fields listed in `[...]` moved over as they are, and the
/// others given after the list. Written once so that the six kinds cannot differ in how a
/// record gets its identity.
macro_rules! child {
    ($record:ident, $b:ident, $v:ident, [$($same:ident),* $(,)?] $(, $field:ident: $value:expr)* $(,)?) => {
        $record {
            id: $b.id,
            delegation_id: $b.delegation_id,
            $($same: $v.$same,)*
            $($field: $value,)*
            created_at: $b.created_at,
            updated_at: $b.updated_at,
        }
    };
}

impl ChildInput for SegmentInput {
    type Record = Segment;
    const ORDER: &'static str = "departs_local, id";
    fn build(&self, b: Base) -> Result<Segment, Error> {
        let v = self.validate()?;
        Ok(child! { Segment, b, v, [
            mode, carrier, number, from_place, departs_local, to_place, arrives_local,
            terminal, passenger_ids, notes,
        ],
            from_tz: v.from_tz.name().to_owned(),
            to_tz: v.to_tz.name().to_owned(),
        })
    }
}

impl ChildInput for StayInput {
    type Record = Stay;
    const ORDER: &'static str = "check_in_on, hotel, room, id";
    fn build(&self, b: Base) -> Result<Stay, Error> {
        let v = self.validate()?;
        Ok(child! { Stay, b, v, [
            hotel, city, address, room, check_in_on, check_out_on, confirmation, guest_ids,
            notes,
        ] })
    }
}

impl ChildInput for ProgrammeItemInput {
    type Record = ProgrammeItem;
    const ORDER: &'static str = "on_date, starts_at IS NOT NULL, starts_at, id";
    fn build(&self, b: Base) -> Result<ProgrammeItem, Error> {
        let v = self.validate()?;
        Ok(child! { ProgrammeItem, b, v, [
            kind, title, title_en, on_date, starts_at, ends_at, venue, room, responsible_id,
            audience, audience_note, notes,
        ] })
    }
}

impl ChildInput for TaskInput {
    type Record = Task;
    const ORDER: &'static str = "due_on IS NULL, due_on, title, id";
    fn build(&self, b: Base) -> Result<Task, Error> {
        let v = self.validate()?;
        Ok(child! { Task, b, v, [
            title, assignee_id, due_on, status, notes,
        ] })
    }
}

impl ChildInput for TransferInput {
    type Record = Transfer;
    const ORDER: &'static str = "at_local, id";
    fn build(&self, b: Base) -> Result<Transfer, Error> {
        let v = self.validate()?;
        Ok(child! { Transfer, b, v, [
            segment_id, kind, at_local, time_zone, from_place, to_place, terminal,
            passenger_ids, vehicle, driver, driver_phone, notes,
        ] })
    }
}

impl ChildInput for ExpenseInput {
    type Record = Expense;
    const ORDER: &'static str = "kind, category, spent_on, id";
    fn build(&self, b: Base) -> Result<Expense, Error> {
        let v = self.validate()?;
        Ok(child! { Expense, b, v, [
            person_id, kind, category, description, amount, rate_to_vnd, rate_date,
            rate_source, spent_on, receipt_id,
        ] })
    }
}

/// Reads the delegation id of any child record from its JSON, for updates.
fn delegation_of<R: Record>(record: &R) -> Result<String, StoreError> {
    serde_json::to_value(record)
        .ok()
        .and_then(|v| {
            v.get("delegation_id")
                .and_then(|d| d.as_str())
                .map(str::to_owned)
        })
        .ok_or_else(|| StoreError::Corrupt(format!("{} without a delegation", R::TABLE)))
}

impl Store {
    /// Adds a record to a delegation.
    pub fn add<I: ChildInput>(
        &mut self,
        delegation_id: &str,
        input: &I,
    ) -> Result<I::Record, StoreError> {
        let delegation: Delegation = record::get(&self.conn, delegation_id)?;
        let writer = self.writer()?;
        let record = input.build(Base {
            id: new_id(),
            delegation_id: delegation.id,
            created_at: writer.at.clone(),
            updated_at: writer.at.clone(),
        })?;
        writer.create(&record)?;
        writer.commit()?;
        Ok(record)
    }

    /// Replaces a record's fields with `input`.
    pub fn replace<I: ChildInput>(&mut self, id: &str, input: &I) -> Result<I::Record, StoreError> {
        let old: I::Record = record::get(&self.conn, id)?;
        let delegation_id = delegation_of(&old)?;
        let created_at = serde_json::to_value(&old)
            .ok()
            .and_then(|v| {
                v.get("created_at")
                    .and_then(|c| c.as_str())
                    .map(str::to_owned)
            })
            .unwrap_or_default();
        let writer = self.writer()?;
        let new = input.build(Base {
            id: id.to_owned(),
            delegation_id,
            created_at,
            updated_at: writer.at.clone(),
        })?;
        writer.change(&old, &new)?;
        writer.commit()?;
        Ok(new)
    }

    /// Removes one record of kind `R`.
    pub fn remove<R: Record>(&mut self, id: &str) -> Result<(), StoreError> {
        let record: R = record::get(&self.conn, id)?;
        let writer = self.writer()?;
        writer.remove(&record)?;
        writer.commit()
    }

    /// The records of kind `I::Record` of one delegation, in their natural order.
    pub fn list<I: ChildInput>(&self, delegation_id: &str) -> Result<Vec<I::Record>, StoreError> {
        record::select(
            &self.conn,
            "delegation_id = ?1",
            I::ORDER,
            &[&delegation_id],
        )
    }

    /// One record by id.
    pub fn get<R: Record>(&self, id: &str) -> Result<R, StoreError> {
        record::get(&self.conn, id)
    }

    pub fn add_visa(&mut self, input: &VisaInput) -> Result<Visa, StoreError> {
        let v = input.validate()?;
        record::get::<desk_domain::Person>(&self.conn, &v.person_id)?;
        let writer = self.writer()?;
        let visa = visa(v, new_id(), writer.at.clone(), writer.at.clone());
        writer.create(&visa)?;
        writer.commit()?;
        Ok(visa)
    }

    pub fn update_visa(&mut self, id: &str, input: &VisaInput) -> Result<Visa, StoreError> {
        let v = input.validate()?;
        let old: Visa = record::get(&self.conn, id)?;
        let writer = self.writer()?;
        let new = visa(v, old.id.clone(), old.created_at.clone(), writer.at.clone());
        writer.change(&old, &new)?;
        writer.commit()?;
        Ok(new)
    }

    /// Visas of a person, newest first.
    pub fn visas_of(&self, person_id: &str) -> Result<Vec<Visa>, StoreError> {
        record::select(
            &self.conn,
            "person_id = ?1",
            "valid_until DESC, id",
            &[&person_id],
        )
    }

    /// Visas tied to a delegation.
    pub fn visas_for(&self, delegation_id: &str) -> Result<Vec<Visa>, StoreError> {
        record::select(
            &self.conn,
            "delegation_id = ?1",
            "person_id, id",
            &[&delegation_id],
        )
    }
}

/// A visa from its validated fields, with its identity and times (a visa belongs to a
/// person, and to a delegation only when it was asked for one, so it is not a child).
fn visa(
    v: desk_domain::travel::ValidVisa,
    id: String,
    created_at: String,
    updated_at: String,
) -> Visa {
    Visa {
        id,
        person_id: v.person_id,
        delegation_id: v.delegation_id,
        country: v.country.to_owned(),
        status: v.status,
        number: v.number,
        valid_from: v.valid_from,
        valid_until: v.valid_until,
        notes: v.notes,
        created_at,
        updated_at,
    }
}
