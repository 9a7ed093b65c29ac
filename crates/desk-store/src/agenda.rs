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
/// Written as two searches of the index on (status, ends_on) of schema 6, joined by
/// `UNION ALL`, so that only the trips that can be due are read. The same condition as
/// one `OR` let SQLite walk the whole history in date order instead (the index by start
/// date spares it a sort): 129 ms and every delegation page decrypted on twenty years,
/// against 4 ms for the 1,267 trips the agenda is about.
const AGENDA_DELEGATIONS: &str = "id IN (\
     SELECT id FROM delegation WHERE deleted_at IS NULL \
        AND status IN ('draft', 'approved', 'underway', 'returned', 'reported') \
     UNION ALL \
     SELECT id FROM delegation WHERE deleted_at IS NULL AND status = 'closed' \
        AND ends_on >= ?1)";

impl Store {
    /// The records [`agenda::compute`] needs for `today`.
    pub fn agenda_input(&self, today: NaiveDate) -> Result<AgendaInput, StoreError> {
        self.agenda_input_of(today, None)
    }

    /// The records [`agenda::compute`] needs for `today`, for every delegation or for one:
    /// then only its own and those of the trips its people are also on (for overlaps).
    fn agenda_input_of(
        &self,
        today: NaiveDate,
        delegation_id: Option<&str>,
    ) -> Result<AgendaInput, StoreError> {
        let day = today.to_string();
        let id = delegation_id.unwrap_or_default();
        let which = match delegation_id {
            None => AGENDA_DELEGATIONS.to_owned(),
            Some(_) => format!(
                "{AGENDA_DELEGATIONS} AND (id = ?2 OR id IN (SELECT delegation_id FROM member \
                 WHERE person_id IN (SELECT person_id FROM member WHERE delegation_id = ?2)))"
            ),
        };
        let params: Vec<&dyn rusqlite::ToSql> = match delegation_id {
            None => vec![&day],
            Some(_) => vec![&day, &id],
        };
        let delegations: Vec<Delegation> =
            record::select(&self.conn, &which, "starts_on, id", &params)?;
        let of_them = format!("delegation_id IN (SELECT id FROM delegation WHERE {which})");
        // Who travels, their papers and their flights matter only for trips not over yet and
        // for those that can overlap one (ended after the earliest of them began): the trips
        // of past months are read for their deadlines and tasks only.
        let since = delegations
            .iter()
            .filter(|d| d.ends_on >= today)
            .map(|d| d.starts_on)
            .min()
            .unwrap_or(today)
            .to_string();
        let mut current_params = params.clone();
        current_params.push(&since);
        let of_current = format!(
            "delegation_id IN (SELECT id FROM delegation WHERE {which} AND ends_on >= ?{})",
            current_params.len()
        );
        let members: Vec<Member> = record::select(&self.conn, &of_current, "id", &current_params)?;
        let people: Vec<Person> = record::select(
            &self.conn,
            &format!(
                "id IN (SELECT person_id FROM member WHERE {of_current}) \
                 OR id IN (SELECT assignee_id FROM task WHERE {of_them})"
            ),
            "id",
            &current_params,
        )?;
        let visas: Vec<Visa> = record::select(
            &self.conn,
            &format!("person_id IN (SELECT person_id FROM member WHERE {of_current})"),
            "id",
            &current_params,
        )?;
        Ok(AgendaInput {
            segments: record::select::<Segment>(&self.conn, &of_current, "id", &current_params)?,
            tasks: record::select::<Task>(&self.conn, &of_them, "id", &params)?,
            reports: record::select::<MissionReport>(&self.conn, &of_them, "id", &params)?,
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

    /// What the Today screen shows about one delegation on `today`, read from its own
    /// records and those of its people's other trips only (the delegation's page).
    pub fn agenda_of(
        &self,
        today: NaiveDate,
        delegation_id: &str,
    ) -> Result<Vec<AgendaItem>, StoreError> {
        let settings = self.settings()?;
        let mut items = agenda::compute(
            today,
            &settings,
            &self.agenda_input_of(today, Some(delegation_id))?,
        );
        items.retain(|item| item.delegation_id.as_deref() == Some(delegation_id));
        Ok(items)
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
    use crate::Store;

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

    /// On twenty years of history the agenda is about a thousand trips among fifty
    /// thousand: they must be found through the index on status, never by walking every
    /// delegation in date order (what SQLite chose for the condition written with `OR`).
    #[test]
    fn todays_trips_are_found_by_their_status_without_walking_the_history()
    -> Result<(), crate::StoreError> {
        let store = Store::open_in_memory()?;
        let mut plan = store.conn.prepare(&format!(
            "EXPLAIN QUERY PLAN SELECT * FROM delegation WHERE {AGENDA_DELEGATIONS} \
             ORDER BY starts_on, id"
        ))?;
        let steps: Vec<String> = plan
            .query_map(["2026-12-04"], |row| row.get(3))?
            .collect::<Result<_, _>>()?;
        assert!(
            steps
                .iter()
                .any(|s| s.contains("USING INDEX delegation_live_status")),
            "{steps:?}"
        );
        assert!(
            !steps.iter().any(|s| s.starts_with("SCAN delegation")),
            "{steps:?}"
        );
        Ok(())
    }
}
