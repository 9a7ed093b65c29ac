//! Data that crosses between the store, the shell and the UI without being a stored record
//! of its own: list filters, records joined for display, search results, report versions,
//! the database check. Plain data, no I/O.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{DelegationStatus, Direction, Member, MissionReport, Person, Warning};

/// What the delegation list can be narrowed to. Every field is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DelegationFilter {
    pub direction: Option<Direction>,
    /// Delegations that start in this year.
    pub year: Option<i32>,
    pub status: Option<DelegationStatus>,
    pub country: Option<String>,
    pub organisation_id: Option<String>,
    /// Words typed in the search box, matched like the search palette.
    pub text: Option<String>,
    /// The trash instead of the live list.
    pub trashed: bool,
}

/// A member with the person they are, as lists show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MemberDetail {
    pub member: Member,
    pub person: Person,
}

/// The result of adding or changing a member: the record, and what deserves attention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MemberSaved {
    pub member: Member,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchHit {
    pub record_id: String,
    /// The delegation to open for this hit (itself, or the one an item belongs to).
    pub delegation_id: Option<String>,
    pub label: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SearchGroup {
    /// `person`, `organisation`, `delegation`, `programme_item` or `mission_report`.
    pub kind: String,
    pub hits: Vec<SearchHit>,
}

/// A saved state of a report: what was printed or made final, kept for good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportVersion {
    pub id: String,
    pub report_id: String,
    #[ts(type = "number")]
    pub version: i64,
    /// `exported`, `finalised` or `reopened`.
    pub reason: String,
    pub report: MissionReport,
    pub created_at: String,
}

/// What `desk check` reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckReport {
    #[ts(type = "number")]
    pub schema_version: i64,
    #[ts(type = "number")]
    pub supported_version: i64,
    /// "ok", or what SQLite's integrity check found.
    pub integrity: String,
    /// Rows whose references point nowhere.
    #[ts(type = "number")]
    pub broken_references: i64,
    /// Rows per table.
    pub counts: Vec<(String, i64)>,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.integrity == "ok"
            && self.broken_references == 0
            && self.schema_version == self.supported_version
    }
}

/// A person's page: who they are, where they work, every trip they were on, their visas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonProfile {
    pub person: Person,
    pub organisation: Option<crate::Organisation>,
    pub delegations: Vec<PersonTrip>,
    pub visas: Vec<crate::Visa>,
}

/// One trip of a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PersonTrip {
    pub delegation: crate::Delegation,
    pub member: Member,
}

/// What the window shows about the app itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
}

/// A segment as the Travel tab shows it: the local times as entered, the UTC offset in force
/// at each end, and the duration computed across zones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SegmentView {
    pub segment: crate::Segment,
    /// "+07:00".
    pub departs_offset: String,
    pub arrives_offset: String,
    /// `None` when a stored time does not exist in its zone.
    #[ts(type = "number | null")]
    pub duration_minutes: Option<i64>,
    /// Calendar days between the local departure and arrival dates (1 for "next day").
    #[ts(type = "number")]
    pub day_shift: i64,
}

impl SegmentView {
    pub fn of(segment: crate::Segment) -> Self {
        use crate::travel::{offset_label, parse_zone};
        let departs_offset = parse_zone(&segment.from_tz)
            .map(|z| offset_label(segment.departs_local, z))
            .unwrap_or_default();
        let arrives_offset = parse_zone(&segment.to_tz)
            .map(|z| offset_label(segment.arrives_local, z))
            .unwrap_or_default();
        let day_shift = (segment.arrives_local.date() - segment.departs_local.date()).num_days();
        Self {
            departs_offset,
            arrives_offset,
            duration_minutes: segment.duration_minutes(),
            day_shift,
            segment,
        }
    }
}
