//! Which table holds which record, and what search finds each record by.

use desk_domain::{
    Attachment, Delegation, Expense, Member, MissionReport, Organisation, Person, ProgrammeItem,
    RateTable, SavedEstimate, Segment, Stay, Task, Transfer, Visa, richtext,
};

use crate::record::{Record, SearchDoc};

macro_rules! record {
    ($ty:ty, $table:literal, [$($col:literal),+ $(,)?] $(, json: [$($json:literal),+ $(,)?])? $(, private: [$($private:literal),+ $(,)?])?) => {
        impl Record for $ty {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [&'static str] = &[$($col),+];
            $(const JSON_COLUMNS: &'static [&'static str] = &[$($json),+];)?
            $(const PRIVATE: &'static [&'static str] = &[$($private),+];)?
            fn id(&self) -> &str {
                &self.id
            }
            fn search_doc(&self) -> Option<SearchDoc> {
                Searchable::doc(self)
            }
        }
    };
}

/// What search finds a record by; nothing unless a record says otherwise.
trait Searchable {
    fn doc(&self) -> Option<SearchDoc> {
        None
    }
}

record!(
    Organisation,
    "organisation",
    [
        "id",
        "name",
        "short_name",
        "country",
        "kind",
        "notes",
        "created_at",
        "updated_at"
    ]
);
record!(
    Person,
    "person",
    [
        "id",
        "full_name",
        "passport_name",
        "family_name",
        "given_name",
        "name_order",
        "title",
        "unit",
        "organisation_id",
        "gender",
        "born_on",
        "nationality",
        "passport_no",
        "passport_expires_on",
        "email",
        "phone",
        "dietary",
        "access_needs",
        "staff_level",
        "notes",
        "created_at",
        "updated_at"
    ],
    // The audit trail records that these changed, never their values (migration 0004).
    private: ["passport_no", "born_on"]
);
record!(
    Delegation,
    "delegation",
    [
        "id",
        "direction",
        "title",
        "purpose",
        "event",
        "organisation_id",
        "country",
        "cities",
        "more_destinations",
        "starts_on",
        "ends_on",
        "status",
        "funding",
        "sponsor_id",
        "decision_number",
        "decision_date",
        "decision_signer",
        "notes",
        "deleted_at",
        "created_at",
        "updated_at"
    ],
    json: ["more_destinations"]
);
record!(
    Member,
    "member",
    [
        "id",
        "delegation_id",
        "person_id",
        "role",
        "joins_on",
        "leaves_on",
        "notes",
        "created_at",
        "updated_at"
    ]
);
record!(Segment, "segment",
    ["id", "delegation_id", "mode", "carrier", "number", "from_place", "from_tz",
     "departs_local", "to_place", "to_tz", "arrives_local", "terminal", "passenger_ids", "notes",
     "created_at", "updated_at"],
    json: ["passenger_ids"]);
record!(Stay, "stay",
    ["id", "delegation_id", "hotel", "city", "address", "room", "check_in_on", "check_out_on",
     "confirmation", "guest_ids", "notes", "created_at", "updated_at"],
    json: ["guest_ids"]);
record!(
    Visa,
    "visa",
    [
        "id",
        "person_id",
        "delegation_id",
        "country",
        "status",
        "number",
        "valid_from",
        "valid_until",
        "notes",
        "created_at",
        "updated_at"
    ]
);
record!(
    ProgrammeItem,
    "programme_item",
    [
        "id",
        "delegation_id",
        "kind",
        "title",
        "title_en",
        "on_date",
        "starts_at",
        "ends_at",
        "venue",
        "room",
        "responsible_id",
        "audience",
        "audience_note",
        "notes",
        "created_at",
        "updated_at"
    ]
);
record!(
    Task,
    "task",
    [
        "id",
        "delegation_id",
        "title",
        "assignee_id",
        "due_on",
        "status",
        "notes",
        "created_at",
        "updated_at"
    ]
);
record!(Transfer, "transfer",
    ["id", "delegation_id", "segment_id", "kind", "at_local", "time_zone", "from_place",
     "to_place", "terminal", "passenger_ids", "vehicle", "driver", "driver_phone", "notes",
     "created_at", "updated_at"],
    json: ["passenger_ids"]);
record!(
    Attachment,
    "attachment",
    [
        "id",
        "delegation_id",
        "person_id",
        "kind",
        "file_name",
        "media_type",
        "size_bytes",
        "sha256",
        "caption",
        "created_at",
        "updated_at"
    ]
);
record!(Expense, "expense",
    ["id", "delegation_id", "person_id", "kind", "category", "description", "amount",
     "rate_to_vnd", "rate_date", "rate_source", "spent_on", "receipt_id", "created_at",
     "updated_at"],
    json: ["amount"]);
record!(MissionReport, "mission_report",
    ["id", "delegation_id", "language", "number", "place", "report_date", "recipients",
     "purpose", "activities", "results", "assessment", "proposals", "photos", "received_by",
     "signatory_authority", "signatory_position", "signatory_name", "status", "version",
     "created_at", "updated_at"],
    json: ["recipients", "photos", "received_by"]);

record!(RateTable, "rate_table",
    ["id", "name", "valid_from", "currency", "notes", "groups", "rates", "sponsor_covers",
     "created_at", "updated_at"],
    json: ["groups", "rates", "sponsor_covers"]);
record!(SavedEstimate, "estimate",
    ["id", "delegation_id", "table_name", "table_valid_from", "estimate", "created_at"],
    json: ["estimate"]);

impl Searchable for RateTable {}
impl Searchable for SavedEstimate {}
impl Searchable for Member {}
impl Searchable for Segment {}
impl Searchable for Stay {}
impl Searchable for Visa {}
impl Searchable for Task {}
impl Searchable for Transfer {}
impl Searchable for Attachment {}
impl Searchable for Expense {}

fn join(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

impl Searchable for Organisation {
    fn doc(&self) -> Option<SearchDoc> {
        Some(SearchDoc {
            delegation_id: None,
            label: self.name.clone(),
            detail: join(&[&self.short_name, &self.country]),
            text: join(&[&self.name, &self.short_name, &self.notes]),
            organisation_id: None,
        })
    }
}

impl Searchable for Person {
    /// The organisation's name is added by the indexer, which looks it up by its id.
    fn doc(&self) -> Option<SearchDoc> {
        Some(SearchDoc {
            delegation_id: None,
            label: self.full_name.clone(),
            detail: join(&[&self.title, &self.unit]),
            text: join(&[
                &self.full_name,
                &self.passport_name,
                &self.title,
                &self.unit,
                &self.email,
                &self.notes,
            ]),
            organisation_id: self.organisation_id.clone(),
        })
    }
}

impl Searchable for Delegation {
    fn doc(&self) -> Option<SearchDoc> {
        if self.deleted_at.is_some() {
            return None;
        }
        let dates = format!("{} – {}", self.starts_on, self.ends_on);
        let countries = self.countries().join(", ");
        let cities: Vec<&str> = self
            .destinations_cities()
            .filter(|c| !c.is_empty())
            .collect();
        let cities = cities.join(", ");
        Some(SearchDoc {
            delegation_id: Some(self.id.clone()),
            label: self.title.clone(),
            detail: join(&[&dates, &countries, &cities]),
            text: join(&[
                &self.title,
                &self.event,
                &self.purpose,
                &cities,
                &self.decision_number,
                &self.notes,
            ]),
            organisation_id: self.organisation_id.clone(),
        })
    }
}

impl Searchable for ProgrammeItem {
    fn doc(&self) -> Option<SearchDoc> {
        Some(SearchDoc {
            delegation_id: Some(self.delegation_id.clone()),
            label: self.title.clone(),
            detail: join(&[&self.on_date.to_string(), &self.venue]),
            text: join(&[
                &self.title,
                &self.title_en,
                &self.venue,
                &self.room,
                &self.notes,
            ]),
            organisation_id: None,
        })
    }
}

impl Searchable for MissionReport {
    fn doc(&self) -> Option<SearchDoc> {
        Some(SearchDoc {
            delegation_id: Some(self.delegation_id.clone()),
            label: format!("{} {}", self.number, self.place).trim().to_owned(),
            detail: self.report_date.to_string(),
            text: richtext::plain(&join(&[
                &self.number,
                &self.purpose,
                &self.activities,
                &self.results,
                &self.assessment,
                &self.proposals,
            ])),
            organisation_id: None,
        })
    }
}
