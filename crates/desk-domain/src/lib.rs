//! The domain of Delegation Desk: the records staff keep about delegations and the rules
//! they obey, with no I/O of any kind.
//!
//! This crate has no rusqlite, tauri, printpdf or file access (see `ARCHITECTURE.md`). Every
//! other crate depends on it; it depends on none of them. Inputs arrive here as "new" or
//! "patch" types, are normalised (NFC, trimmed) and validated, and come back either as values
//! the store may write or as an [`Error`] naming each field and the rule it broke.

mod names;

pub mod agenda;
pub mod attachment;
pub mod audit;
pub mod check;
pub mod chosen;
pub mod country;
pub mod country_names;
pub mod delegation;
pub mod engine;
pub mod error;
pub mod estimate;
pub mod expense;
#[cfg(test)]
mod fixtures;
pub mod history;
pub mod hosting;
pub mod ipc;
pub mod itinerary;
pub mod member;
pub mod money;
pub mod organisation;
pub mod packed;
pub mod person;
pub mod places;
pub mod print;
pub mod programme;
pub mod progress;
pub mod rates;
pub mod report;
pub mod richtext;
pub mod settings;
pub mod settlement;
pub mod signing;
pub mod stats;
pub mod sync;
pub mod task;
pub mod text;
pub mod transfer;
pub mod travel;
pub mod views;
pub mod warning;

pub use agenda::{AgendaInput, AgendaItem, AgendaKind, AgendaSections, SectionCounts, Severity};
pub use attachment::{Attachment, AttachmentInput, AttachmentKind};
pub use audit::AuditEntry;
pub use chosen::{ChosenFile, FileFilter};
pub use delegation::{
    Delegation, DelegationInput, DelegationStatus, Destination, Direction, Funding, ValidDelegation,
};
pub use error::{Error, ErrorKind, Rule, Violation};
pub use estimate::{
    Basis, ChangeKind, Estimate, EstimateLine, EstimateRequest, EstimateReview, ExchangeRate,
    ExcludedLine, Exclusion, LineChange, LineSource, PersonTotal, SavedEstimate,
};
pub use expense::{Expense, ExpenseCategory, ExpenseInput, ExpenseKind};
pub use itinerary::{Itinerary, ItineraryWarning, Leg};
pub use member::{Member, MemberInput, MemberRole};
pub use money::Money;
pub use organisation::{Organisation, OrganisationInput, OrganisationKind};
pub use person::{Gender, NameOrder, Person, PersonInput};
pub use places::{Airport, Place, PlaceKind};
pub use programme::{Audience, ProgrammeItem, ProgrammeItemInput, ProgrammeKind};
pub use rates::{
    CountryGroup, CountryGroupInput, LevelRate, LevelRateInput, RateTable, RateTableInput,
    SponsorCover, SponsorCoverInput,
};
pub use report::{Language, MissionReport, MissionReportInput, ReportPhoto, ReportStatus};
pub use settings::Settings;
pub use settlement::{EstimateFrom, Figures, Settlement, SettlementLine, SettlementParty};
pub use signing::{
    PdfVerification, SignImageKind, SignKeyInput, SignKeyKind, SignatureCheck, SigningSetup,
    TrustedRoot,
};
pub use stats::{
    DelegationLine, FundingStats, MoneyTotals, MonthStats, PersonDays, ReportState,
    ReportTimeliness, StatsBucket, StatsChange, StatsData, StatsMetric, StatsParams, StatsRange,
    StatsRangeInput, StatsTotals, Tally, Trend, UnconvertedExpense, UnitDays, YearStats,
};
pub use sync::{Keep, SyncConflict, SyncReport, SyncStatus};
pub use task::{Task, TaskInput, TaskStatus};
pub use transfer::{Transfer, TransferInput, TransferKind};
pub use travel::{Mode, Segment, SegmentInput, Stay, StayInput, Visa, VisaInput, VisaStatus};
pub use views::{
    AppInfo, BackupInfo, CalendarEntry, CalendarPerson, CheckReport, DatabaseStatus,
    DelegationFilter, DelegationSort, DirectoryFilter, DocumentPreview, ExpenseView, MemberDetail,
    MemberSaved, MissionReportData, Page, PageRequest, PersonProfile, PersonTrip, PreviewItem,
    ReportVersion, SearchGroup, SearchHit, SegmentView,
};
pub use warning::Warning;
