//! What the agenda and the itinerary read: the store gathers the records, `desk-domain`
//! decides what they mean.

use chrono::NaiveDate;
use desk_domain::agenda::{self, AgendaInput};
use desk_domain::itinerary::{self, Itinerary};
use desk_domain::{
    AgendaItem, Delegation, Member, MissionReport, Person, Segment, SegmentInput, StayInput, Task,
    Visa,
};

use crate::record;
use crate::{Store, StoreError};

/// The delegations the agenda can have something to say about: live, not cancelled, and
/// either not closed (a report or settlement may still be due) or not over yet. Closed
/// trips of the past are history and are not read at all.
///
/// Written as an `IN` list and a range (not `<>`) so that the index on (status, ends_on) of
/// schema 6 answers it: the Today screen reads what can be due, never the whole history.
const AGENDA_DELEGATIONS: &str = "deleted_at IS NULL AND \
     (status IN ('draft', 'approved', 'underway', 'returned', 'reported') \
      OR (status = 'closed' AND ends_on >= ?1))";

impl Store {
    /// The records [`agenda::compute`] needs for `today`.
    pub fn agenda_input(&self, today: NaiveDate) -> Result<AgendaInput, StoreError> {
        let day = today.to_string();
        let delegations: Vec<Delegation> =
            record::select(&self.conn, AGENDA_DELEGATIONS, "starts_on, id", &[&day])?;
        let of_them =
            format!("delegation_id IN (SELECT id FROM delegation WHERE {AGENDA_DELEGATIONS})");
        let members: Vec<Member> = record::select(&self.conn, &of_them, "id", &[&day])?;
        let people: Vec<Person> = record::select(
            &self.conn,
            &format!(
                "id IN (SELECT person_id FROM member WHERE {of_them}) \
                 OR id IN (SELECT assignee_id FROM task WHERE {of_them})"
            ),
            "id",
            &[&day],
        )?;
        let visas: Vec<Visa> = record::select(
            &self.conn,
            &format!("person_id IN (SELECT person_id FROM member WHERE {of_them})"),
            "id",
            &[&day],
        )?;
        Ok(AgendaInput {
            segments: record::select::<Segment>(&self.conn, &of_them, "id", &[&day])?,
            tasks: record::select::<Task>(&self.conn, &of_them, "id", &[&day])?,
            reports: record::select::<MissionReport>(&self.conn, &of_them, "id", &[&day])?,
            delegations,
            members,
            people,
            visas,
        })
    }

    /// Everything the Today screen shows on `today`, most urgent first.
    pub fn agenda(&self, today: NaiveDate) -> Result<Vec<AgendaItem>, StoreError> {
        let settings = self.settings()?;
        Ok(agenda::compute(
            today,
            &settings,
            &self.agenda_input(today)?,
        ))
    }

    /// A delegation's itinerary: segments in order with offsets and durations, stays, and
    /// nights without a stay.
    pub fn itinerary(&self, delegation_id: &str) -> Result<Itinerary, StoreError> {
        let delegation = self.delegation(delegation_id)?;
        let members = self.members(delegation_id)?;
        Ok(itinerary::build(
            delegation,
            self.list::<SegmentInput>(delegation_id)?,
            self.list::<StayInput>(delegation_id)?,
            &members,
        ))
    }
}

#[cfg(test)]
mod tests {
    use desk_domain::DelegationStatus;

    use super::AGENDA_DELEGATIONS;

    #[test]
    fn the_agenda_reads_every_status_but_cancelled() {
        for status in DelegationStatus::ALL {
            let named = AGENDA_DELEGATIONS.contains(&format!("'{}'", status.as_str()));
            assert_eq!(
                named,
                *status != DelegationStatus::Cancelled,
                "{status:?} in the agenda's delegations"
            );
        }
    }
}
