//! The domain of Delegation Desk: the records staff keep about delegations and the rules
//! they obey, with no I/O of any kind.
//!
//! This crate has no rusqlite, tauri, printpdf or file access (see `ARCHITECTURE.md`). Every
//! other crate depends on it; it depends on none of them. Inputs arrive here as "new" or
//! "patch" types, are normalised (NFC, trimmed) and validated, and come back either as values
//! the store may write or as an [`Error`] naming each field and the rule it broke.

mod names;

pub mod attachment;
pub mod audit;
pub mod check;
pub mod country;
pub mod delegation;
pub mod error;
pub mod expense;
pub mod ipc;
pub mod member;
pub mod money;
pub mod organisation;
pub mod person;
pub mod programme;
pub mod report;
pub mod richtext;
pub mod settings;
pub mod stats;
pub mod task;
pub mod text;
pub mod transfer;
pub mod travel;
pub mod views;
pub mod warning;

pub use attachment::{Attachment, AttachmentInput, AttachmentKind};
pub use audit::AuditEntry;
pub use delegation::{
    Delegation, DelegationInput, DelegationStatus, Direction, Funding, ValidDelegation,
};
pub use error::{Error, ErrorKind, Rule, Violation};
pub use expense::{Expense, ExpenseCategory, ExpenseInput, ExpenseKind};
pub use member::{Member, MemberInput, MemberRole};
pub use money::Money;
pub use organisation::{Organisation, OrganisationInput, OrganisationKind};
pub use person::{Gender, NameOrder, Person, PersonInput};
pub use programme::{Audience, ProgrammeItem, ProgrammeItemInput, ProgrammeKind};
pub use report::{Language, MissionReport, MissionReportInput, ReportPhoto, ReportStatus};
pub use settings::Settings;
pub use stats::{
    DelegationLine, FundingStats, MoneyTotals, MonthStats, PersonDays, ReportState,
    ReportTimeliness, StatsBucket, StatsChange, StatsData, StatsMetric, StatsParams, StatsRange,
    StatsRangeInput, StatsTotals, Tally, Trend, UnconvertedExpense, UnitDays, YearStats,
};
pub use task::{Task, TaskInput, TaskStatus};
pub use transfer::{Transfer, TransferInput, TransferKind};
pub use travel::{Mode, Segment, SegmentInput, Stay, StayInput, Visa, VisaInput, VisaStatus};
pub use views::{
    AppInfo, CheckReport, DelegationFilter, MemberDetail, MemberSaved, PersonProfile, PersonTrip,
    ReportVersion, SearchGroup, SearchHit,
};
pub use warning::Warning;
