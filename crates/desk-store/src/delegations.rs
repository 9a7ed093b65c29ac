//! Delegations: create, edit, move through their statuses, duplicate, trash and restore.

use desk_domain::delegation::check_transition;
use desk_domain::{
    Delegation, DelegationInput, DelegationStatus, Error, ErrorKind, ValidDelegation,
};
use desk_domain::{DelegationFilter, DelegationSort, Page, PageRequest};

use crate::record::{self, Keyset};
use crate::{Store, StoreError, new_id, search};

fn ensure_organisation(store: &Store, id: &Option<String>, field: &str) -> Result<(), StoreError> {
    if let Some(id) = id
        && record::find::<desk_domain::Organisation>(&store.conn, id)?.is_none()
    {
        return Err(StoreError::Domain(Error::invalid(vec![
            desk_domain::Violation::new(
                field,
                desk_domain::Rule::UnknownRecord,
                format!("No organisation has the id {id}"),
            ),
        ])));
    }
    Ok(())
}

/// A new delegation from what passed the rules, with a new id.
pub(crate) fn new_delegation(
    valid: ValidDelegation,
    status: DelegationStatus,
    at: &str,
) -> Delegation {
    Delegation {
        id: new_id(),
        direction: valid.direction,
        title: valid.title,
        purpose: valid.purpose,
        event: valid.event,
        organisation_id: valid.organisation_id,
        country: valid.country.to_owned(),
        cities: valid.cities,
        more_destinations: valid.more_destinations,
        starts_on: valid.starts_on,
        ends_on: valid.ends_on,
        status,
        funding: valid.funding,
        sponsor_id: valid.sponsor_id,
        decision_number: valid.decision_number,
        decision_date: valid.decision_date,
        decision_signer: valid.decision_signer,
        notes: valid.notes,
        deleted_at: None,
        created_at: at.to_owned(),
        updated_at: at.to_owned(),
    }
}

impl Store {
    /// Validates `input` by the domain's rules and, only if it passes, writes a new Draft.
    pub fn create_delegation(&mut self, input: &DelegationInput) -> Result<Delegation, StoreError> {
        let valid = input.validate()?;
        ensure_organisation(self, &valid.organisation_id, "organisation_id")?;
        ensure_organisation(self, &valid.sponsor_id, "sponsor_id")?;
        let writer = self.writer()?;
        let delegation = new_delegation(valid, DelegationStatus::Draft, &writer.at);
        writer.create(&delegation)?;
        writer.commit()?;
        Ok(delegation)
    }

    /// Replaces the editable fields of a delegation (not its status).
    pub fn update_delegation(
        &mut self,
        id: &str,
        input: &DelegationInput,
    ) -> Result<Delegation, StoreError> {
        let valid = input.validate()?;
        ensure_organisation(self, &valid.organisation_id, "organisation_id")?;
        ensure_organisation(self, &valid.sponsor_id, "sponsor_id")?;
        let old = self.delegation(id)?;
        let writer = self.writer()?;
        // The input's fields, with the delegation's identity, status, trash and birth.
        let new = Delegation {
            id: old.id.clone(),
            deleted_at: old.deleted_at.clone(),
            created_at: old.created_at.clone(),
            ..new_delegation(valid, old.status, &writer.at)
        };
        writer.change(&old, &new)?;
        writer.commit()?;
        Ok(new)
    }

    /// One delegation, in the trash or not.
    pub fn delegation(&self, id: &str) -> Result<Delegation, StoreError> {
        record::get(&self.conn, id)
    }

    /// Moves a delegation to another status if its life allows the move.
    pub fn set_delegation_status(
        &mut self,
        id: &str,
        status: DelegationStatus,
    ) -> Result<Delegation, StoreError> {
        let old = self.live_delegation(id)?;
        check_transition(old.status, status)?;
        let writer = self.writer()?;
        let new = Delegation {
            status,
            updated_at: writer.at.clone(),
            ..old.clone()
        };
        writer.change(&old, &new)?;
        writer.commit()?;
        Ok(new)
    }

    fn live_delegation(&self, id: &str) -> Result<Delegation, StoreError> {
        let delegation = self.delegation(id)?;
        if delegation.deleted_at.is_some() {
            return Err(StoreError::Domain(
                Error::new(
                    ErrorKind::Conflict,
                    format!("\"{}\" is in the trash; restore it first", delegation.title),
                )
                .coded("in_trash", &[("title", &delegation.title)]),
            ));
        }
        Ok(delegation)
    }

    /// Every delegation matching `filter`, in its order.
    pub fn list_delegations_where(
        &self,
        filter: &DelegationFilter,
    ) -> Result<Vec<Delegation>, StoreError> {
        Ok(self.delegation_page(filter, &PageRequest::default())?.items)
    }

    /// One page of the delegations matching `filter`, in its order (the trash: the latest
    /// thrown away first), with the total count. Every filter and order is answered by
    /// an index (the year is a range of first days), so the first page of twenty years
    /// costs what the first page of one does.
    pub fn delegation_page(
        &self,
        filter: &DelegationFilter,
        page: &PageRequest,
    ) -> Result<Page<Delegation>, StoreError> {
        let mut conditions = vec![if filter.trashed {
            "deleted_at IS NOT NULL".to_owned()
        } else {
            "deleted_at IS NULL".to_owned()
        }];
        let mut params: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        let mut bind =
            |value: Box<dyn rusqlite::ToSql>, conditions: &mut Vec<String>, sql: &str| {
                params.push(value);
                conditions.push(sql.replace('?', &format!("?{}", params.len())));
            };
        if let Some(direction) = filter.direction {
            bind(
                Box::new(direction.as_str()),
                &mut conditions,
                "direction = ?",
            );
        }
        if let Some(year) = filter.year {
            bind(
                Box::new(format!("{year:04}-01-01")),
                &mut conditions,
                "starts_on >= ?",
            );
            bind(
                Box::new(format!("{year:04}-12-31")),
                &mut conditions,
                "starts_on <= ?",
            );
        }
        if let Some(status) = filter.status {
            bind(Box::new(status.as_str()), &mut conditions, "status = ?");
        }
        if let Some(country) = filter.country.as_deref().filter(|c| !c.is_empty()) {
            bind(
                Box::new(country.to_uppercase()),
                &mut conditions,
                // A trip to several countries is found under each of them.
                "(country = ? OR (more_destinations <> '[]' AND EXISTS (SELECT 1 FROM \
                 json_each(more_destinations) WHERE json_extract(value, '$.country') = ?)))",
            );
        }
        if let Some(org) = filter.organisation_id.as_deref().filter(|o| !o.is_empty()) {
            bind(
                Box::new(org.to_owned()),
                &mut conditions,
                "organisation_id = ?",
            );
        }
        if let Some(expression) = filter.text.as_deref().and_then(search::match_expression) {
            params.push(Box::new(expression));
            conditions.push(search::matching_ids("delegation", "id", params.len()));
        }
        let keyset = match (filter.trashed, filter.sort) {
            (true, _) => Keyset {
                column: "deleted_at",
                nocase: false,
                descending: true,
            },
            (false, DelegationSort::Newest | DelegationSort::Oldest) => Keyset {
                column: "starts_on",
                nocase: false,
                descending: filter.sort == DelegationSort::Newest,
            },
            (false, DelegationSort::Title) => Keyset {
                column: "title",
                nocase: true,
                descending: false,
            },
        };
        let refs: Vec<&dyn rusqlite::ToSql> = params.iter().map(|p| p.as_ref()).collect();
        record::page(&self.conn, &conditions.join(" AND "), &refs, keyset, page)
    }

    /// Every live delegation, the latest trip first.
    pub fn list_delegations(&self) -> Result<Vec<Delegation>, StoreError> {
        self.list_delegations_where(&DelegationFilter::default())
    }

    /// Moves a delegation to the trash. Nothing is lost: it can be restored with everything
    /// that belongs to it.
    pub fn trash_delegation(&mut self, id: &str) -> Result<Delegation, StoreError> {
        let old = self.live_delegation(id)?;
        let writer = self.writer()?;
        let new = Delegation {
            deleted_at: Some(writer.at.clone()),
            updated_at: writer.at.clone(),
            ..old.clone()
        };
        writer.change(&old, &new)?;
        writer.commit()?;
        Ok(new)
    }

    /// Takes a delegation out of the trash.
    pub fn restore_delegation(&mut self, id: &str) -> Result<Delegation, StoreError> {
        let old = self.delegation(id)?;
        if old.deleted_at.is_none() {
            return Ok(old);
        }
        let writer = self.writer()?;
        let new = Delegation {
            deleted_at: None,
            updated_at: writer.at.clone(),
            ..old.clone()
        };
        writer.change(&old, &new)?;
        writer.commit()?;
        Ok(new)
    }

    /// A new Draft copied from a past delegation: its fields and its members, under a
    /// title marked as a copy. Travel, money and the report are not copied: they belong to
    /// the trip that happened.
    pub fn duplicate_delegation(
        &mut self,
        id: &str,
        title: &str,
    ) -> Result<Delegation, StoreError> {
        let source = self.delegation(id)?;
        let members = self.members(id)?;
        let mut input = source.to_input();
        input.title = title.to_owned();
        input.decision_number = String::new();
        input.decision_date = String::new();
        let valid = input.validate()?;
        let writer = self.writer()?;
        let copy = Delegation {
            id: new_id(),
            title: valid.title,
            status: DelegationStatus::Draft,
            decision_number: String::new(),
            decision_date: None,
            deleted_at: None,
            created_at: writer.at.clone(),
            updated_at: writer.at.clone(),
            ..source
        };
        writer.create(&copy)?;
        for member in members {
            let member = desk_domain::Member {
                id: new_id(),
                delegation_id: copy.id.clone(),
                joins_on: None,
                leaves_on: None,
                created_at: writer.at.clone(),
                updated_at: writer.at.clone(),
                ..member.member
            };
            writer.create(&member)?;
        }
        writer.commit()?;
        Ok(copy)
    }

    /// Deletes a delegation in the trash for good, with everything that belongs to it.
    pub fn purge_delegation(&mut self, id: &str) -> Result<(), StoreError> {
        let delegation = self.delegation(id)?;
        if delegation.deleted_at.is_none() {
            return Err(StoreError::Domain(
                Error::new(
                    ErrorKind::Conflict,
                    "only a delegation in the trash can be deleted for good",
                )
                .coded("purge_outside_trash", &[]),
            ));
        }
        self.backup_before(crate::BackupReason::Purge)?;
        let writer = self.writer()?;
        writer.unindex_belonging_to(id)?;
        writer.remove(&delegation)?;
        writer.commit()?;
        Ok(())
    }
}

impl Store {
    /// Live delegations that touch the days `from..=to`, with their members' own days: the
    /// calendar's rows. Guests of hosted delegations are not "away" and are left out.
    pub fn calendar(
        &self,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<Vec<desk_domain::CalendarEntry>, StoreError> {
        let delegations: Vec<Delegation> = record::select(
            &self.conn,
            "deleted_at IS NULL AND starts_on <= ?2 AND ends_on >= ?1",
            "starts_on, title",
            &[&from.to_string(), &to.to_string()],
        )?;
        let mut out = Vec::with_capacity(delegations.len());
        for delegation in delegations {
            let people = self
                .members(&delegation.id)?
                .into_iter()
                .filter(|m| m.member.role != desk_domain::MemberRole::Guest)
                .map(|m| {
                    let (first_day, last_day) =
                        m.member.days(delegation.starts_on, delegation.ends_on);
                    desk_domain::CalendarPerson {
                        person_id: m.person.id,
                        name: m.person.full_name,
                        first_day,
                        last_day,
                    }
                })
                .collect();
            out.push(desk_domain::CalendarEntry { delegation, people });
        }
        Ok(out)
    }
}
