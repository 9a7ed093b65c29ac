//! People: staff who travel and guests who are hosted.
//!
//! A name is kept exactly as written (Vietnamese diacritics, any script), with the order of
//! its parts recorded. The passport form is derived from it unless the passport says
//! otherwise (a foreign guest's passport is the authority on their name).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::error::{Error, Rule};
use crate::named;
use crate::text;

named! {
    pub enum Gender {
        Female = "female",
        Male = "male",
        Other = "other",
    }
}

named! {
    /// How the parts of a name are ordered when written in full.
    #[derive(Default)]
    pub enum NameOrder {
        /// "Trần Mỹ Dung": family name first (Vietnamese, Chinese, Korean, Hungarian...).
        #[default]
        FamilyFirst = "family_first",
        /// "Mary Smith": given name first.
        GivenFirst = "given_first",
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Person {
    pub id: String,
    /// As written, NFC: "Trần Mỹ Dung".
    pub full_name: String,
    /// As in the passport's machine-readable zone: "TRAN MY DUNG".
    pub passport_name: String,
    pub family_name: String,
    pub given_name: String,
    pub name_order: NameOrder,
    /// Position or title: "Phó Giám đốc", "Director".
    pub title: String,
    /// Department or unit inside the organisation.
    pub unit: String,
    pub organisation_id: Option<String>,
    pub gender: Option<Gender>,
    #[ts(type = "string | null")]
    pub born_on: Option<NaiveDate>,
    /// ISO 3166-1 alpha-2, or empty.
    pub nationality: String,
    pub passport_no: String,
    #[ts(type = "string | null")]
    pub passport_expires_on: Option<NaiveDate>,
    pub email: String,
    pub phone: String,
    pub dietary: String,
    pub access_needs: String,
    /// The staff level a per-diem table distinguishes (e.g. "leader", "staff"); empty for
    /// guests.
    pub staff_level: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct PersonInput {
    pub full_name: String,
    /// Empty: derived from the full name.
    pub passport_name: String,
    pub family_name: String,
    pub given_name: String,
    /// `family_first` (default) or `given_first`.
    pub name_order: String,
    pub title: String,
    pub unit: String,
    pub organisation_id: Option<String>,
    /// `female`, `male`, `other` or empty.
    pub gender: String,
    pub born_on: String,
    pub nationality: String,
    pub passport_no: String,
    pub passport_expires_on: String,
    pub email: String,
    pub phone: String,
    pub dietary: String,
    pub access_needs: String,
    pub staff_level: String,
    pub notes: String,
}

/// A [`PersonInput`] that passed every rule; what the store writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPerson {
    pub full_name: String,
    pub passport_name: String,
    pub family_name: String,
    pub given_name: String,
    pub name_order: NameOrder,
    pub title: String,
    pub unit: String,
    pub organisation_id: Option<String>,
    pub gender: Option<Gender>,
    pub born_on: Option<NaiveDate>,
    pub nationality: String,
    pub passport_no: String,
    pub passport_expires_on: Option<NaiveDate>,
    pub email: String,
    pub phone: String,
    pub dietary: String,
    pub access_needs: String,
    pub staff_level: String,
    pub notes: String,
}

/// Splits a full name into family and given parts by its order: "Trần Mỹ Dung" family
/// first → ("Trần", "Mỹ Dung"); "Mary Smith" given first → ("Smith", "Mary").
pub fn split_name(full_name: &str, order: NameOrder) -> (String, String) {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    match (order, words.as_slice()) {
        (_, []) => (String::new(), String::new()),
        (_, [only]) => ((*only).to_owned(), String::new()),
        (NameOrder::FamilyFirst, [family, rest @ ..]) => ((*family).to_owned(), rest.join(" ")),
        (NameOrder::GivenFirst, [rest @ .., family]) => ((*family).to_owned(), rest.join(" ")),
    }
}

impl PersonInput {
    pub fn validate(&self) -> Result<ValidPerson, Error> {
        let mut check = Check::new();
        let full_name = check.required("full_name", "Full name", &self.full_name);
        let name_order = if self.name_order.trim().is_empty() {
            Some(NameOrder::FamilyFirst)
        } else {
            check.one_of(
                "name_order",
                "Name order",
                &self.name_order,
                &NameOrder::choices(),
            )
        };
        let typed_passport = check.optional("passport_name", "Passport name", &self.passport_name);
        let passport_name = if typed_passport.is_empty() {
            text::passport_form(&full_name)
        } else {
            let upper = text::passport_form(&typed_passport);
            if !upper
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == ' ' || c == '-' || c == '\'')
            {
                check.fail(
                    "passport_name",
                    Rule::InvalidFormat,
                    "Passport name may use only the letters A-Z, spaces, hyphens and apostrophes",
                );
            }
            upper
        };
        let mut family_name = check.optional("family_name", "Family name", &self.family_name);
        let mut given_name = check.optional("given_name", "Given name", &self.given_name);
        if family_name.is_empty() && given_name.is_empty() {
            (family_name, given_name) =
                split_name(&full_name, name_order.unwrap_or(NameOrder::FamilyFirst));
        }
        let title = check.optional("title", "Title", &self.title);
        let unit = check.optional("unit", "Unit", &self.unit);
        let gender = if self.gender.trim().is_empty() {
            Some(None)
        } else {
            check
                .one_of("gender", "Gender", &self.gender, &Gender::choices())
                .map(Some)
        };
        let born_on = check.optional_date("born_on", "Date of birth", &self.born_on);
        let nationality = check.optional_country("nationality", "Nationality", &self.nationality);
        let passport_no = check
            .optional("passport_no", "Passport number", &self.passport_no)
            .to_uppercase();
        if passport_no.chars().any(|c| !c.is_ascii_alphanumeric()) {
            check.fail(
                "passport_no",
                Rule::InvalidFormat,
                "Passport number may use only letters A-Z and digits",
            );
        }
        let passport_expires_on = check.optional_date(
            "passport_expires_on",
            "Passport expiry date",
            &self.passport_expires_on,
        );
        if let (Some(Some(born)), Some(Some(expires))) = (born_on, passport_expires_on)
            && expires <= born
        {
            check.fail(
                "passport_expires_on",
                Rule::EndBeforeStart,
                "Passport expiry date must be after the date of birth",
            );
        }
        let email = check.optional("email", "Email", &self.email);
        if !email.is_empty() && !looks_like_email(&email) {
            check.fail(
                "email",
                Rule::InvalidFormat,
                format!("Email must look like name@example.org, not \"{email}\""),
            );
        }
        let phone = check.optional("phone", "Phone", &self.phone);
        let dietary = check.optional("dietary", "Dietary needs", &self.dietary);
        let access_needs = check.optional("access_needs", "Access needs", &self.access_needs);
        let staff_level = check.optional("staff_level", "Staff level", &self.staff_level);
        let notes = check.multiline("notes", "Notes", &self.notes);
        let organisation_id = self
            .organisation_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned);

        check.finish(|| {
            Some(ValidPerson {
                full_name,
                passport_name,
                family_name,
                given_name,
                name_order: name_order?,
                title,
                unit,
                organisation_id,
                gender: gender?,
                born_on: born_on?,
                nationality: nationality?.unwrap_or_default().to_owned(),
                passport_no,
                passport_expires_on: passport_expires_on?,
                email,
                phone,
                dietary,
                access_needs,
                staff_level,
                notes,
            })
        })
    }
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> PersonInput {
        PersonInput {
            full_name: name.into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_passport_form_is_derived_from_the_vietnamese_name() {
        let valid = named("Trần Mỹ Dung").validate();
        assert_eq!(
            valid.as_ref().map(|v| v.passport_name.as_str()),
            Ok("TRAN MY DUNG")
        );
        assert_eq!(
            valid
                .as_ref()
                .map(|v| (v.family_name.as_str(), v.given_name.as_str())),
            Ok(("Trần", "Mỹ Dung")),
            "Vietnamese names are family name first"
        );
    }

    #[test]
    fn a_name_typed_two_ways_is_stored_one_way() {
        let a = named("Nguyễn Thị Ho\u{0300}a")
            .validate()
            .map(|v| v.full_name);
        let b = named("Nguyễn Thị H\u{00f2}a")
            .validate()
            .map(|v| v.full_name);
        assert_eq!(a, b);
    }

    #[test]
    fn a_given_first_name_splits_from_the_end() {
        assert_eq!(
            split_name("Mary Anne Smith", NameOrder::GivenFirst),
            ("Smith".into(), "Mary Anne".into())
        );
    }

    #[test]
    fn names_in_other_scripts_are_kept_and_the_passport_name_can_be_given() {
        let mut input = named("ສົມພອນ ແກ້ວມະນີ");
        input.passport_name = "Somphone Keomany".into();
        input.name_order = "given_first".into();
        let valid = input.validate();
        assert_eq!(
            valid.as_ref().map(|v| v.full_name.as_str()),
            Ok("ສົມພອນ ແກ້ວມະນີ")
        );
        assert_eq!(
            valid.map(|v| v.passport_name),
            Ok("SOMPHONE KEOMANY".into())
        );
    }

    #[test]
    fn bad_fields_are_named() {
        let input = PersonInput {
            full_name: "Lê Văn A".into(),
            gender: "unknown".into(),
            born_on: "1980-02-30".into(),
            passport_no: "C12 345".into(),
            email: "not an email".into(),
            nationality: "Vietnam".into(),
            ..Default::default()
        };
        let fields: Vec<String> = input
            .validate()
            .err()
            .map(|e| e.violations.into_iter().map(|v| v.field).collect())
            .unwrap_or_default();
        assert_eq!(
            fields,
            ["gender", "born_on", "nationality", "passport_no", "email"]
        );
    }
}
