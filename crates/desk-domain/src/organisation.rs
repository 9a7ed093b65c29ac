//! Organisations: partner libraries, associations (CONSAL, IFLA), sponsors, ministries.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::error::Error;
use crate::named;

named! {
    #[derive(Default)]
    pub enum OrganisationKind {
        Library = "library",
        Association = "association",
        Sponsor = "sponsor",
        Ministry = "ministry",
        University = "university",
        #[default]
        Other = "other",
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub short_name: String,
    /// ISO 3166-1 alpha-2, or empty for international bodies.
    pub country: String,
    pub kind: OrganisationKind,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct OrganisationInput {
    pub name: String,
    pub short_name: String,
    pub country: String,
    /// One of [`OrganisationKind`]'s names; empty means `other`.
    pub kind: String,
    pub notes: String,
}

/// An [`OrganisationInput`] that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOrganisation {
    pub name: String,
    pub short_name: String,
    pub country: String,
    pub kind: OrganisationKind,
    pub notes: String,
}

impl ValidOrganisation {
    /// The organisation as a new record with this id, made at `at`.
    pub fn into_organisation(self, id: String, at: &str) -> Organisation {
        Organisation {
            id,
            name: self.name,
            short_name: self.short_name,
            country: self.country,
            kind: self.kind,
            notes: self.notes,
            created_at: at.to_owned(),
            updated_at: at.to_owned(),
        }
    }
}

impl OrganisationInput {
    pub fn validate(&self) -> Result<ValidOrganisation, Error> {
        let mut check = Check::new();
        let name = check.required("name", "Name", &self.name);
        let short_name = check.optional("short_name", "Short name", &self.short_name);
        let country = check.optional_country("country", "Country", &self.country);
        let kind = if self.kind.trim().is_empty() {
            Some(OrganisationKind::Other)
        } else {
            check.one_of("kind", "Kind", &self.kind, &OrganisationKind::choices())
        };
        let notes = check.multiline("notes", "Notes", &self.notes);
        check.finish(|| {
            Some(ValidOrganisation {
                name,
                short_name,
                country: country?.unwrap_or_default().to_owned(),
                kind: kind?,
                notes,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_association_without_a_country_is_fine() {
        let input = OrganisationInput {
            name: "Congress of Southeast Asian Librarians".into(),
            short_name: "CONSAL".into(),
            kind: "association".into(),
            ..Default::default()
        };
        let valid = input.validate();
        assert!(valid.is_ok(), "{valid:?}");
    }

    #[test]
    fn a_nameless_organisation_is_refused() {
        let error = OrganisationInput::default().validate().err();
        assert_eq!(
            error.map(|e| e.violations[0].field.clone()),
            Some("name".into())
        );
    }
}
