//! People and organisations: the directories.

use desk_domain::{
    DirectoryFilter, Error, ErrorKind, Organisation, OrganisationInput, Page, PageRequest, Person,
    PersonInput, Rule, Violation,
};

use crate::record::{self, Keyset};
use crate::write::Writer;
use crate::{Store, StoreError, new_id, search};

fn unknown_organisation(id: &str) -> StoreError {
    StoreError::Domain(Error::invalid(vec![Violation::new(
        "organisation_id",
        Rule::UnknownRecord,
        format!("No organisation has the id {id}"),
    )]))
}

impl Store {
    pub fn create_organisation(
        &mut self,
        input: &OrganisationInput,
    ) -> Result<Organisation, StoreError> {
        let valid = input.validate()?;
        let writer = self.writer()?;
        let organisation = valid.into_organisation(new_id(), &writer.at);
        writer.create(&organisation)?;
        writer.commit()?;
        Ok(organisation)
    }

    pub fn update_organisation(
        &mut self,
        id: &str,
        input: &OrganisationInput,
    ) -> Result<Organisation, StoreError> {
        let valid = input.validate()?;
        let old: Organisation = record::get(&self.conn, id)?;
        let people: Vec<Person> = record::select(&self.conn, "organisation_id = ?1", "id", &[&id])?;
        let delegations: Vec<desk_domain::Delegation> =
            record::select(&self.conn, "organisation_id = ?1", "id", &[&id])?;
        let writer = self.writer()?;
        let new = Organisation {
            name: valid.name,
            short_name: valid.short_name,
            country: valid.country,
            kind: valid.kind,
            notes: valid.notes,
            updated_at: writer.at.clone(),
            ..old.clone()
        };
        if writer.change(&old, &new)? {
            // People and delegations are found by their organisation's name: refresh them.
            for person in &people {
                writer.reindex(person)?;
            }
            for delegation in &delegations {
                writer.reindex(delegation)?;
            }
        }
        writer.commit()?;
        Ok(new)
    }

    pub fn organisation(&self, id: &str) -> Result<Organisation, StoreError> {
        record::get(&self.conn, id)
    }

    /// Every organisation, by name.
    pub fn list_organisations(&self) -> Result<Vec<Organisation>, StoreError> {
        Ok(self
            .organisation_page(&DirectoryFilter::default(), &PageRequest::default())?
            .items)
    }

    /// One page of the organisations matching `filter`, by name, with the total count.
    pub fn organisation_page(
        &self,
        filter: &DirectoryFilter,
        page: &PageRequest,
    ) -> Result<Page<Organisation>, StoreError> {
        directory_page(&self.conn, "name", filter, page)
    }

    /// Deletes an organisation nobody refers to.
    pub fn delete_organisation(&mut self, id: &str) -> Result<(), StoreError> {
        let organisation: Organisation = record::get(&self.conn, id)?;
        let writer = self.writer()?;
        writer
            .remove(&organisation)
            .map_err(|e| in_use(e, &organisation.name))?;
        writer.commit()
    }

    pub fn create_person(&mut self, input: &PersonInput) -> Result<Person, StoreError> {
        let valid = input.validate()?;
        if let Some(org) = &valid.organisation_id
            && record::find::<Organisation>(&self.conn, org)?.is_none()
        {
            return Err(unknown_organisation(org));
        }
        let writer = self.writer()?;
        let person = person_from(new_id(), valid, &writer);
        writer.create(&person)?;
        writer.commit()?;
        Ok(person)
    }

    pub fn update_person(&mut self, id: &str, input: &PersonInput) -> Result<Person, StoreError> {
        let valid = input.validate()?;
        if let Some(org) = &valid.organisation_id
            && record::find::<Organisation>(&self.conn, org)?.is_none()
        {
            return Err(unknown_organisation(org));
        }
        let old: Person = record::get(&self.conn, id)?;
        let writer = self.writer()?;
        let new = Person {
            created_at: old.created_at.clone(),
            ..person_from(old.id.clone(), valid, &writer)
        };
        writer.change(&old, &new)?;
        writer.commit()?;
        Ok(new)
    }

    pub fn person(&self, id: &str) -> Result<Person, StoreError> {
        record::get(&self.conn, id)
    }

    /// Every person, by full name.
    pub fn list_people(&self) -> Result<Vec<Person>, StoreError> {
        Ok(self
            .people_page(&DirectoryFilter::default(), &PageRequest::default())?
            .items)
    }

    /// One page of the people matching `filter`, by full name, with the total count.
    pub fn people_page(
        &self,
        filter: &DirectoryFilter,
        page: &PageRequest,
    ) -> Result<Page<Person>, StoreError> {
        directory_page(&self.conn, "full_name", filter, page)
    }

    /// Deletes a person who is in no delegation.
    pub fn delete_person(&mut self, id: &str) -> Result<(), StoreError> {
        let person: Person = record::get(&self.conn, id)?;
        let writer = self.writer()?;
        writer
            .remove(&person)
            .map_err(|e| in_use(e, &person.full_name))?;
        writer.commit()
    }
}

/// A page of a directory (people or organisations) by name, narrowed by the words typed
/// as search narrows them.
fn directory_page<T: record::Record>(
    conn: &rusqlite::Connection,
    name: &'static str,
    filter: &DirectoryFilter,
    page: &PageRequest,
) -> Result<Page<T>, StoreError> {
    let keyset = Keyset {
        column: name,
        nocase: true,
        descending: false,
    };
    match filter.text.as_deref().and_then(search::match_expression) {
        Some(expression) => record::page(
            conn,
            &search::matching_ids(T::TABLE, "id", 1),
            &[&expression],
            keyset,
            page,
        ),
        // Everyone: the count kept by triggers, not 500,000 rows counted.
        None => {
            let total = record::rows_of(conn, T::TABLE)?;
            record::page_of(conn, "1", &[], keyset, page, total)
        }
    }
}

/// A foreign-key refusal, said in words.
fn in_use(error: StoreError, name: &str) -> StoreError {
    match error {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            StoreError::Domain(
                Error::new(
                    ErrorKind::Conflict,
                    format!("{name} is still referred to by other records and cannot be deleted"),
                )
                .coded("in_use", &[("name", name)]),
            )
        }
        other => other,
    }
}

pub(crate) fn person_from(
    id: String,
    v: desk_domain::person::ValidPerson,
    writer: &Writer<'_>,
) -> Person {
    Person {
        id,
        full_name: v.full_name,
        passport_name: v.passport_name,
        family_name: v.family_name,
        given_name: v.given_name,
        name_order: v.name_order,
        title: v.title,
        unit: v.unit,
        organisation_id: v.organisation_id,
        gender: v.gender,
        born_on: v.born_on,
        nationality: v.nationality,
        passport_no: v.passport_no,
        passport_expires_on: v.passport_expires_on,
        email: v.email,
        phone: v.phone,
        dietary: v.dietary,
        access_needs: v.access_needs,
        staff_level: v.staff_level,
        notes: v.notes,
        created_at: writer.at.clone(),
        updated_at: writer.at.clone(),
    }
}
