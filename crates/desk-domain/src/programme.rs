//! The programme: dated items (meetings, workshops, visits...) with venue and the staff
//! member responsible: the itinerary abroad, or the programme we host.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::delegation::optional_id;
use crate::error::Error;
use crate::named;

named! {
    #[derive(Default)]
    pub enum ProgrammeKind {
        Meeting = "meeting",
        Workshop = "workshop",
        Visit = "visit",
        Ceremony = "ceremony",
        Meal = "meal",
        Transfer = "transfer",
        #[default]
        Other = "other",
    }
}

named! {
    /// Who attends a hosted item.
    #[derive(Default)]
    pub enum Audience {
        #[default]
        All = "all",
        Group = "group",
        Vip = "vip",
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ProgrammeItem {
    pub id: String,
    pub delegation_id: String,
    pub kind: ProgrammeKind,
    pub title: String,
    /// The title in English, for the bilingual programme and the English papers; empty: the
    /// Vietnamese title serves both.
    #[serde(default)]
    pub title_en: String,
    #[ts(type = "string")]
    pub on_date: NaiveDate,
    /// Local `HH:MM` at the venue, or empty for an all-day item.
    #[ts(type = "string | null")]
    pub starts_at: Option<NaiveTime>,
    #[ts(type = "string | null")]
    pub ends_at: Option<NaiveTime>,
    pub venue: String,
    pub room: String,
    pub responsible_id: Option<String>,
    pub audience: Audience,
    /// Which group, when the audience is a group.
    pub audience_note: String,
    pub notes: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct ProgrammeItemInput {
    /// One of [`ProgrammeKind`]'s names; empty means `other`.
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    pub on_date: String,
    pub starts_at: String,
    pub ends_at: String,
    pub venue: String,
    pub room: String,
    pub responsible_id: Option<String>,
    /// One of [`Audience`]'s names; empty means `all`.
    pub audience: String,
    pub audience_note: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProgrammeItem {
    pub kind: ProgrammeKind,
    pub title: String,
    pub title_en: String,
    pub on_date: NaiveDate,
    pub starts_at: Option<NaiveTime>,
    pub ends_at: Option<NaiveTime>,
    pub venue: String,
    pub room: String,
    pub responsible_id: Option<String>,
    pub audience: Audience,
    pub audience_note: String,
    pub notes: String,
}

impl ProgrammeItemInput {
    pub fn validate(&self) -> Result<ValidProgrammeItem, Error> {
        let mut check = Check::new();
        let kind = if self.kind.trim().is_empty() {
            Some(ProgrammeKind::Other)
        } else {
            check.one_of("kind", "Kind", &self.kind, &ProgrammeKind::choices())
        };
        let title = check.required("title", "Title", &self.title);
        let title_en = check.optional("title_en", "Title in English", &self.title_en);
        let on_date = check.date("on_date", "Date", &self.on_date);
        let starts_at = check.optional_time("starts_at", "Start time", &self.starts_at);
        let ends_at = check.optional_time("ends_at", "End time", &self.ends_at);
        check.range(
            "ends_at",
            "start time",
            "End time",
            starts_at.flatten().as_ref(),
            ends_at.flatten().as_ref(),
        );
        let venue = check.optional("venue", "Venue", &self.venue);
        let room = check.optional("room", "Room", &self.room);
        let audience = if self.audience.trim().is_empty() {
            Some(Audience::All)
        } else {
            check.one_of("audience", "Audience", &self.audience, &Audience::choices())
        };
        let audience_note = check.optional("audience_note", "Group", &self.audience_note);
        let notes = check.multiline("notes", "Notes", &self.notes);
        check.finish(|| {
            Some(ValidProgrammeItem {
                kind: kind?,
                title,
                title_en,
                on_date: on_date?,
                starts_at: starts_at?,
                ends_at: ends_at?,
                venue,
                room,
                responsible_id: optional_id(&self.responsible_id),
                audience: audience?,
                audience_note,
                notes,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_ending_before_it_starts_is_refused() {
        let error = ProgrammeItemInput {
            title: "Workshop".into(),
            on_date: "2017-11-28".into(),
            starts_at: "14:00".into(),
            ends_at: "09:00".into(),
            ..Default::default()
        }
        .validate()
        .err();
        assert_eq!(
            error.map(|e| e.violations[0].field.clone()),
            Some("ends_at".into())
        );
    }
}
