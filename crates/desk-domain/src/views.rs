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
    /// The order of the live list (the trash is always the latest thrown away first).
    pub sort: DelegationSort,
}

/// The orders the delegation list can be read in, each served by an index so that a page
/// costs the same wherever it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DelegationSort {
    /// The latest first day first (then the latest created).
    #[default]
    Newest,
    Oldest,
    /// By title, case not counted.
    Title,
}

/// What the people and organisation lists can be narrowed to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DirectoryFilter {
    /// Words typed in the search box, matched like the search palette.
    pub text: Option<String>,
}

/// Which page of a list to read: at most `limit` rows (all when absent) after the row a
/// previous page's `next` cursor names (from the start when absent).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct PageRequest {
    pub limit: Option<u32>,
    pub after: Option<String>,
}

/// The rows of a page the window asks for when it does not say, and the most it may ask
/// for: no screen loads an unbounded list (the CLI may, for scripts).
pub const WINDOW_PAGE: u32 = 100;
pub const WINDOW_PAGE_MAX: u32 = 500;

impl PageRequest {
    /// This request as the window may make it: [`WINDOW_PAGE`] rows unless it asked for
    /// fewer, never more than [`WINDOW_PAGE_MAX`].
    pub fn for_window(self) -> Self {
        Self {
            limit: Some(self.limit.unwrap_or(WINDOW_PAGE).clamp(1, WINDOW_PAGE_MAX)),
            after: self.after,
        }
    }

    /// The first `limit` rows.
    pub fn first(limit: u32) -> Self {
        Self {
            limit: Some(limit),
            after: None,
        }
    }
}

#[cfg(test)]
mod page_tests {
    use super::*;

    #[test]
    fn the_window_never_asks_for_an_unbounded_page() {
        assert_eq!(PageRequest::default().for_window().limit, Some(WINDOW_PAGE));
        assert_eq!(
            PageRequest::first(1_000_000).for_window().limit,
            Some(WINDOW_PAGE_MAX)
        );
        assert_eq!(PageRequest::first(0).for_window().limit, Some(1));
    }
}

/// One page of a list in its order: the rows, the cursor of the next page (none after the
/// last), and how many rows the whole list has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
    pub total: u32,
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
    /// "ok", or the tables, indexes and triggers the schema lacks or has beyond this app's.
    pub schema: String,
    /// Rows per table.
    pub counts: Vec<(String, i64)>,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.integrity == "ok"
            && self.schema == "ok"
            && self.broken_references == 0
            && self.schema_version == self.supported_version
    }
}

/// Whether the window can use its database, and the backups it could restore: the unlock
/// screen shows when `problem` is locked, the recovery screen when it is anything else.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DatabaseStatus {
    /// Why the database is not open (or was found damaged), if it is not.
    pub problem: Option<crate::Error>,
    /// The database's file name (never its path).
    pub name: String,
    /// Its backups, the newest first (names only).
    pub backups: Vec<BackupInfo>,
}

/// One backup of the database, as `desk backups --json` and the Backups screen list them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupInfo {
    /// The backup file (the CLI gives its path; the window only its name).
    pub file: String,
    /// When it was made (RFC 3339, UTC).
    pub made_at: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// Whether its copy passed SQLite's integrity check (a copy left half-made says false).
    pub verified: bool,
    /// Why it was made: daily, manual, migration, import, guest-import, purge, restore.
    pub reason: String,
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

/// An expense with its amount in VND at its own recorded rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExpenseView {
    pub expense: crate::Expense,
    /// `None` for a foreign amount with no rate yet.
    #[ts(type = "number | null")]
    pub vnd: Option<i64>,
}

impl ExpenseView {
    pub fn of(expense: crate::Expense) -> Self {
        Self {
            vnd: expense.vnd(),
            expense,
        }
    }
}

/// A delegation on the calendar, with who is away on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarEntry {
    pub delegation: crate::Delegation,
    pub people: Vec<CalendarPerson>,
}

/// One person away with a delegation, on their own days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CalendarPerson {
    pub person_id: String,
    pub name: String,
    #[ts(type = "string")]
    pub first_day: chrono::NaiveDate,
    #[ts(type = "string")]
    pub last_day: chrono::NaiveDate,
}

/// Everything a mission report prints, gathered from the record in one go: the report, its
/// delegation, the members with their organisations, the programme, the money and the
/// photos' bytes. Not sent to the UI (it carries file contents).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissionReportData {
    pub report: MissionReport,
    pub delegation: crate::Delegation,
    pub members: Vec<MemberDetail>,
    /// Organisation id → name, for the composition table.
    pub organisation_names: Vec<(String, String)>,
    pub programme: Vec<crate::ProgrammeItem>,
    pub expenses: Vec<ExpenseView>,
    /// Each chosen photo with its bytes (`None` when the attachment is gone).
    pub photos: Vec<(crate::ReportPhoto, Option<Vec<u8>>)>,
    pub settings: crate::Settings,
}

/// A laid-out document as the window previews it: the same boxes the PDF draws, in points
/// from the top-left corner of each page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DocumentPreview {
    pub page_width: f32,
    pub page_height: f32,
    pub pages: Vec<Vec<PreviewItem>>,
    /// Photos as `data:` URLs, referenced by index.
    pub images: Vec<String>,
    /// Characters the font cannot print (they would show as empty boxes).
    pub missing_glyphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PreviewItem {
    Text {
        text: String,
        x: f32,
        baseline: f32,
        size: f32,
        bold: bool,
        italic: bool,
        /// Extra space after each space (justification), in points.
        word_gap: f32,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        thickness: f32,
    },
    /// A filled polygon (chart bars): x, y pairs in order.
    Shape {
        points: Vec<f32>,
        /// CSS colour, "rgb(31, 78, 121)".
        fill: String,
    },
    Image {
        image: u32,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
}
