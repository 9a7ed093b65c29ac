//! Members: people in a delegation, with a role and the days they join and leave.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::error::Error;
use crate::named;

named! {
    #[derive(Default)]
    pub enum MemberRole {
        Head = "head",
        Deputy = "deputy",
        #[default]
        Member = "member",
        Interpreter = "interpreter",
        Secretary = "secretary",
        Guest = "guest",
    }
}

impl MemberRole {
    /// Order in lists and in the report's composition table: the head first.
    pub fn rank(self) -> u8 {
        match self {
            Self::Head => 0,
            Self::Deputy => 1,
            Self::Member => 2,
            Self::Secretary => 3,
            Self::Interpreter => 4,
            Self::Guest => 5,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Member {
    pub id: String,
    pub delegation_id: String,
    pub person_id: String,
    pub role: MemberRole,
    /// Empty: from the delegation's first day.
    #[ts(type = "string | null")]
    pub joins_on: Option<NaiveDate>,
    /// Empty: to the delegation's last day.
    #[ts(type = "string | null")]
    pub leaves_on: Option<NaiveDate>,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Member {
    /// The days this member is away: their own days, else the delegation's.
    pub fn days(&self, starts_on: NaiveDate, ends_on: NaiveDate) -> (NaiveDate, NaiveDate) {
        (
            self.joins_on.unwrap_or(starts_on),
            self.leaves_on.unwrap_or(ends_on),
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct MemberInput {
    pub person_id: String,
    /// One of [`MemberRole`]'s names; empty means `member`.
    pub role: String,
    pub joins_on: String,
    pub leaves_on: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMember {
    pub person_id: String,
    pub role: MemberRole,
    pub joins_on: Option<NaiveDate>,
    pub leaves_on: Option<NaiveDate>,
    pub notes: String,
}

impl MemberInput {
    pub fn validate(&self) -> Result<ValidMember, Error> {
        let mut check = Check::new();
        let person_id = check.required("person_id", "Person", &self.person_id);
        let role = if self.role.trim().is_empty() {
            Some(MemberRole::Member)
        } else {
            check.one_of("role", "Role", &self.role, &MemberRole::choices())
        };
        let joins_on = check.optional_date("joins_on", "Joining day", &self.joins_on);
        let leaves_on = check.optional_date("leaves_on", "Leaving day", &self.leaves_on);
        check.range(
            "leaves_on",
            "joining day",
            "Leaving day",
            joins_on.flatten().as_ref(),
            leaves_on.flatten().as_ref(),
        );
        let notes = check.multiline("notes", "Notes", &self.notes);
        check.finish(|| {
            Some(ValidMember {
                person_id,
                role: role?,
                joins_on: joins_on?,
                leaves_on: leaves_on?,
                notes,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_defaults_to_the_member_role_and_the_delegation_days() {
        let valid = MemberInput {
            person_id: "p".into(),
            ..Default::default()
        }
        .validate();
        assert_eq!(valid.as_ref().map(|m| m.role), Ok(MemberRole::Member));
        assert_eq!(valid.map(|m| m.joins_on), Ok(None));
    }

    #[test]
    fn leaving_before_joining_is_refused() {
        let error = MemberInput {
            person_id: "p".into(),
            role: "head".into(),
            joins_on: "2016-09-08".into(),
            leaves_on: "2016-09-07".into(),
            notes: String::new(),
        }
        .validate()
        .err();
        assert_eq!(
            error.map(|e| e.violations[0].field.clone()),
            Some("leaves_on".into())
        );
    }
}
