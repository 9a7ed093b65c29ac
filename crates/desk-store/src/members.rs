//! Members of a delegation, and the warnings that come with adding one.

use desk_domain::warning::Days;
use desk_domain::{Delegation, Error, Member, MemberInput, Person, Rule, Violation, Warning};
use desk_domain::{MemberDetail, MemberSaved};

use crate::record;
use crate::{Store, StoreError, new_id};

impl Store {
    /// The members of a delegation, the head first.
    pub fn members(&self, delegation_id: &str) -> Result<Vec<MemberDetail>, StoreError> {
        let members: Vec<Member> = record::select(
            &self.conn,
            "delegation_id = ?1",
            "created_at, id",
            &[&delegation_id],
        )?;
        let mut out = Vec::with_capacity(members.len());
        for member in members {
            let person = record::get(&self.conn, &member.person_id)?;
            out.push(MemberDetail { member, person });
        }
        out.sort_by_key(|d| (d.member.role.rank(), d.person.family_name.to_lowercase()));
        Ok(out)
    }

    /// Adds a person to a delegation. Overlapping trips and days outside the delegation are
    /// allowed but returned as warnings.
    pub fn add_member(
        &mut self,
        delegation_id: &str,
        input: &MemberInput,
    ) -> Result<MemberSaved, StoreError> {
        let valid = input.validate()?;
        let delegation: Delegation = record::get(&self.conn, delegation_id)?;
        let person: Person = record::find(&self.conn, &valid.person_id)?.ok_or_else(|| {
            StoreError::Domain(Error::invalid(vec![Violation::new(
                "person_id",
                Rule::UnknownRecord,
                format!("No person has the id {}", valid.person_id),
            )]))
        })?;
        let existing: Vec<Member> = record::select(
            &self.conn,
            "delegation_id = ?1 AND person_id = ?2",
            "id",
            &[&delegation_id, &person.id],
        )?;
        if !existing.is_empty() {
            return Err(StoreError::Domain(Error::invalid(vec![Violation::new(
                "person_id",
                Rule::Duplicate,
                format!(
                    "{} is already a member of this delegation",
                    person.full_name
                ),
            )])));
        }
        let writer = self.writer()?;
        let member = Member {
            id: new_id(),
            delegation_id: delegation.id.clone(),
            person_id: person.id.clone(),
            role: valid.role,
            joins_on: valid.joins_on,
            leaves_on: valid.leaves_on,
            notes: valid.notes,
            created_at: writer.at.clone(),
            updated_at: writer.at.clone(),
        };
        writer.create(&member)?;
        writer.commit()?;
        let warnings = self.member_warnings(&delegation, &member, &person)?;
        Ok(MemberSaved { member, warnings })
    }

    /// Changes a member's role, days or notes.
    pub fn update_member(
        &mut self,
        id: &str,
        input: &MemberInput,
    ) -> Result<MemberSaved, StoreError> {
        let valid = input.validate()?;
        let old: Member = record::get(&self.conn, id)?;
        let delegation: Delegation = record::get(&self.conn, &old.delegation_id)?;
        let person: Person = record::get(&self.conn, &old.person_id)?;
        let writer = self.writer()?;
        let new = Member {
            role: valid.role,
            joins_on: valid.joins_on,
            leaves_on: valid.leaves_on,
            notes: valid.notes,
            updated_at: writer.at.clone(),
            ..old.clone()
        };
        writer.change(&old, &new)?;
        writer.commit()?;
        let warnings = self.member_warnings(&delegation, &new, &person)?;
        Ok(MemberSaved {
            member: new,
            warnings,
        })
    }

    pub fn remove_member(&mut self, id: &str) -> Result<(), StoreError> {
        let member: Member = record::get(&self.conn, id)?;
        let writer = self.writer()?;
        // Its check-in goes with it (the schema cascades).
        writer.remove(&member)?;
        writer.commit()
    }

    /// The member with this person in this delegation.
    pub fn member_of(&self, delegation_id: &str, person_id: &str) -> Result<Member, StoreError> {
        record::select::<Member>(
            &self.conn,
            "delegation_id = ?1 AND person_id = ?2",
            "id",
            &[&delegation_id, &person_id],
        )?
        .into_iter()
        .next()
        .ok_or_else(|| StoreError::NotFound {
            what: "member",
            id: format!("{person_id} in {delegation_id}"),
        })
    }

    /// Every delegation this person is a member of (trash excluded), the latest first.
    pub fn delegations_of(&self, person_id: &str) -> Result<Vec<(Delegation, Member)>, StoreError> {
        let members: Vec<Member> =
            record::select(&self.conn, "person_id = ?1", "id", &[&person_id])?;
        let mut out = Vec::new();
        for member in members {
            let delegation: Delegation = record::get(&self.conn, &member.delegation_id)?;
            if delegation.deleted_at.is_none() {
                out.push((delegation, member));
            }
        }
        out.sort_by_key(|(d, _)| std::cmp::Reverse(d.starts_on));
        Ok(out)
    }

    fn member_warnings(
        &self,
        delegation: &Delegation,
        member: &Member,
        person: &Person,
    ) -> Result<Vec<Warning>, StoreError> {
        let (first, last) = member.days(delegation.starts_on, delegation.ends_on);
        let days = Days::new(first, last);
        let mut warnings = Vec::new();
        if !Days::new(delegation.starts_on, delegation.ends_on).contains(days) {
            warnings.push(Warning::DaysOutsideTrip {
                person_id: person.id.clone(),
                person_name: person.full_name.clone(),
            });
        }
        for (other, other_member) in self.delegations_of(&person.id)? {
            if other.id == delegation.id || other.status == desk_domain::DelegationStatus::Cancelled
            {
                continue;
            }
            let (o_first, o_last) = other_member.days(other.starts_on, other.ends_on);
            if days.overlaps(Days::new(o_first, o_last)) {
                warnings.push(Warning::OverlappingTrip {
                    person_id: person.id.clone(),
                    person_name: person.full_name.clone(),
                    other_delegation_id: other.id.clone(),
                    other_title: other.title.clone(),
                });
            }
        }
        Ok(warnings)
    }
}

impl Store {
    /// A person's page: their record, organisation, trips and visas.
    pub fn person_profile(&self, id: &str) -> Result<desk_domain::PersonProfile, StoreError> {
        let person: Person = record::get(&self.conn, id)?;
        let organisation = match &person.organisation_id {
            Some(org) => record::find(&self.conn, org)?,
            None => None,
        };
        let delegations = self
            .delegations_of(id)?
            .into_iter()
            .map(|(delegation, member)| desk_domain::PersonTrip { delegation, member })
            .collect();
        Ok(desk_domain::PersonProfile {
            visas: self.visas_of(id)?,
            person,
            organisation,
            delegations,
        })
    }
}
