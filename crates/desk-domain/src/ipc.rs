//! The contract between the window and the shell, as data: which commands exist, what each
//! takes and returns. The TypeScript the UI compiles against (`ui/src/api/bindings.ts`) is
//! generated from this and from the Rust types themselves, and a test fails when the
//! committed file drifts from what this produces.

use ts_rs::{Config, TS};

// Every public record and view is part of the contract.
use crate::*;

/// One IPC command: its name, its named arguments and what it returns, in TypeScript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub name: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub returns: String,
}

fn ts<T: TS>() -> String {
    T::name(&Config::new())
}

/// Every command the shell registers, in the order the shell lists them.
pub fn commands() -> Vec<Command> {
    fn c(name: &'static str, args: Vec<(&'static str, String)>, returns: String) -> Command {
        Command {
            name,
            args,
            returns,
        }
    }
    let id = || ("id", ts::<String>());
    let delegation_id = || ("delegationId", ts::<String>());
    let unit = || "null".to_owned();
    vec![
        c("app_info", vec![], ts::<AppInfo>()),
        c("is_empty", vec![], ts::<bool>()),
        c("list_printers", vec![], ts::<Vec<print::Printer>>()),
        c(
            "print_paper",
            vec![
                ("paper", ts::<print::Paper>()),
                ("how", ts::<print::PrintRequest>()),
            ],
            unit(),
        ),
        c("load_demo", vec![], unit()),
        c(
            "list_delegations",
            vec![
                ("filter", ts::<DelegationFilter>()),
                ("page", ts::<PageRequest>()),
            ],
            ts::<Page<Delegation>>(),
        ),
        c("get_delegation", vec![id()], ts::<Delegation>()),
        c(
            "create_delegation",
            vec![("input", ts::<DelegationInput>())],
            ts::<Delegation>(),
        ),
        c(
            "update_delegation",
            vec![id(), ("input", ts::<DelegationInput>())],
            ts::<Delegation>(),
        ),
        c(
            "set_delegation_status",
            vec![id(), ("status", ts::<DelegationStatus>())],
            ts::<Delegation>(),
        ),
        c(
            "duplicate_delegation",
            vec![id(), ("title", ts::<String>())],
            ts::<Delegation>(),
        ),
        c("trash_delegation", vec![id()], ts::<Delegation>()),
        c("restore_delegation", vec![id()], ts::<Delegation>()),
        c("purge_delegation", vec![id()], unit()),
        c(
            "list_people",
            vec![
                ("filter", ts::<DirectoryFilter>()),
                ("page", ts::<PageRequest>()),
            ],
            ts::<Page<Person>>(),
        ),
        c("get_person", vec![id()], ts::<PersonProfile>()),
        c(
            "create_person",
            vec![("input", ts::<PersonInput>())],
            ts::<Person>(),
        ),
        c(
            "update_person",
            vec![id(), ("input", ts::<PersonInput>())],
            ts::<Person>(),
        ),
        c("delete_person", vec![id()], unit()),
        c(
            "list_organisations",
            vec![
                ("filter", ts::<DirectoryFilter>()),
                ("page", ts::<PageRequest>()),
            ],
            ts::<Page<Organisation>>(),
        ),
        c("get_organisation", vec![id()], ts::<Organisation>()),
        c(
            "create_organisation",
            vec![("input", ts::<OrganisationInput>())],
            ts::<Organisation>(),
        ),
        c(
            "update_organisation",
            vec![id(), ("input", ts::<OrganisationInput>())],
            ts::<Organisation>(),
        ),
        c("delete_organisation", vec![id()], unit()),
        c(
            "list_members",
            vec![delegation_id()],
            ts::<Vec<MemberDetail>>(),
        ),
        c(
            "add_member",
            vec![delegation_id(), ("input", ts::<MemberInput>())],
            ts::<MemberSaved>(),
        ),
        c(
            "update_member",
            vec![id(), ("input", ts::<MemberInput>())],
            ts::<MemberSaved>(),
        ),
        c("remove_member", vec![id()], unit()),
        c(
            "list_segments",
            vec![delegation_id()],
            ts::<Vec<SegmentView>>(),
        ),
        c(
            "add_segment",
            vec![delegation_id(), ("input", ts::<SegmentInput>())],
            ts::<Segment>(),
        ),
        c(
            "update_segment",
            vec![id(), ("input", ts::<SegmentInput>())],
            ts::<Segment>(),
        ),
        c("remove_segment", vec![id()], unit()),
        c("list_stays", vec![delegation_id()], ts::<Vec<Stay>>()),
        c(
            "add_stay",
            vec![delegation_id(), ("input", ts::<StayInput>())],
            ts::<Stay>(),
        ),
        c(
            "update_stay",
            vec![id(), ("input", ts::<StayInput>())],
            ts::<Stay>(),
        ),
        c("remove_stay", vec![id()], unit()),
        c(
            "list_programme",
            vec![delegation_id()],
            ts::<Vec<ProgrammeItem>>(),
        ),
        c(
            "add_programme_item",
            vec![delegation_id(), ("input", ts::<ProgrammeItemInput>())],
            ts::<ProgrammeItem>(),
        ),
        c(
            "update_programme_item",
            vec![id(), ("input", ts::<ProgrammeItemInput>())],
            ts::<ProgrammeItem>(),
        ),
        c("remove_programme_item", vec![id()], unit()),
        c("list_tasks", vec![delegation_id()], ts::<Vec<Task>>()),
        c(
            "add_task",
            vec![delegation_id(), ("input", ts::<TaskInput>())],
            ts::<Task>(),
        ),
        c(
            "update_task",
            vec![id(), ("input", ts::<TaskInput>())],
            ts::<Task>(),
        ),
        c("remove_task", vec![id()], unit()),
        c(
            "list_expenses",
            vec![delegation_id()],
            ts::<Vec<ExpenseView>>(),
        ),
        c(
            "add_expense",
            vec![delegation_id(), ("input", ts::<ExpenseInput>())],
            ts::<Expense>(),
        ),
        c(
            "update_expense",
            vec![id(), ("input", ts::<ExpenseInput>())],
            ts::<Expense>(),
        ),
        c("remove_expense", vec![id()], unit()),
        c("list_visas", vec![delegation_id()], ts::<Vec<Visa>>()),
        c("add_visa", vec![("input", ts::<VisaInput>())], ts::<Visa>()),
        c(
            "update_visa",
            vec![id(), ("input", ts::<VisaInput>())],
            ts::<Visa>(),
        ),
        c("remove_visa", vec![id()], unit()),
        c(
            "list_attachments",
            vec![delegation_id()],
            ts::<Vec<Attachment>>(),
        ),
        c(
            "choose_open_files",
            vec![
                ("filters", ts::<Vec<FileFilter>>()),
                ("multiple", ts::<bool>()),
            ],
            ts::<Vec<ChosenFile>>(),
        ),
        c(
            "choose_save_file",
            vec![
                ("fileName", ts::<String>()),
                ("filters", ts::<Vec<FileFilter>>()),
            ],
            ts::<Option<ChosenFile>>(),
        ),
        c(
            "add_attachment_file",
            vec![("input", ts::<AttachmentInput>()), ("file", ts::<String>())],
            ts::<Attachment>(),
        ),
        c("attachment_data_url", vec![id()], ts::<String>()),
        c(
            "update_attachment",
            vec![id(), ("kind", ts::<String>()), ("caption", ts::<String>())],
            ts::<Attachment>(),
        ),
        c("remove_attachment", vec![id()], unit()),
        c(
            "search",
            vec![("query", ts::<String>()), ("limit", ts::<u32>())],
            ts::<Vec<SearchGroup>>(),
        ),
        c(
            "calendar",
            vec![("from", ts::<String>()), ("to", ts::<String>())],
            ts::<Vec<CalendarEntry>>(),
        ),
        c(
            "get_report",
            vec![delegation_id()],
            ts::<Option<MissionReport>>(),
        ),
        c("start_report", vec![delegation_id()], ts::<MissionReport>()),
        c(
            "save_report",
            vec![id(), ("input", ts::<MissionReportInput>())],
            ts::<MissionReport>(),
        ),
        c("finalise_report", vec![id()], ts::<MissionReport>()),
        c(
            "reopen_report",
            vec![id(), ("reason", ts::<String>())],
            ts::<MissionReport>(),
        ),
        c(
            "report_versions",
            vec![("reportId", ts::<String>())],
            ts::<Vec<ReportVersion>>(),
        ),
        c(
            "report_preview",
            vec![delegation_id(), ("language", ts::<Language>())],
            ts::<DocumentPreview>(),
        ),
        c(
            "export_report_pdf",
            vec![
                delegation_id(),
                ("language", ts::<Language>()),
                ("file", ts::<String>()),
            ],
            ts::<ReportVersion>(),
        ),
        c(
            "sign_paper_pdf",
            vec![
                ("paper", ts::<print::Paper>()),
                ("key", ts::<SignKeyInput>()),
                ("pin", ts::<String>()),
                ("uiLanguage", ts::<Language>()),
            ],
            ts::<Option<String>>(),
        ),
        c("get_signing_setup", vec![], ts::<SigningSetup>()),
        c(
            "choose_sign_image",
            vec![("kind", ts::<SignImageKind>())],
            ts::<Option<SigningSetup>>(),
        ),
        c(
            "remove_sign_image",
            vec![("kind", ts::<SignImageKind>())],
            ts::<SigningSetup>(),
        ),
        c("add_trusted_root", vec![], ts::<Option<SigningSetup>>()),
        c("remove_trusted_root", vec![id()], ts::<SigningSetup>()),
        c(
            "verify_attachment",
            vec![id(), ("uiLanguage", ts::<Language>())],
            ts::<PdfVerification>(),
        ),
        c(
            "agenda",
            vec![
                ("today", ts::<Option<String>>()),
                ("delegationId", ts::<Option<String>>()),
            ],
            ts::<Vec<AgendaItem>>(),
        ),
        c(
            "today_agenda",
            vec![
                ("today", ts::<Option<String>>()),
                ("shown", ts::<SectionCounts>()),
            ],
            ts::<AgendaSections>(),
        ),
        c(
            "suggest_places",
            vec![("typed", ts::<String>())],
            ts::<Vec<Place>>(),
        ),
        c("get_itinerary", vec![delegation_id()], ts::<Itinerary>()),
        c(
            "export_itinerary_pdf",
            vec![
                delegation_id(),
                ("person", ts::<Option<String>>()),
                ("language", ts::<Language>()),
                ("file", ts::<String>()),
            ],
            "null".to_owned(),
        ),
        c(
            "export_itinerary_ics",
            vec![
                delegation_id(),
                ("person", ts::<Option<String>>()),
                ("file", ts::<String>()),
            ],
            "null".to_owned(),
        ),
        c(
            "export_calendar_ics",
            vec![
                ("from", ts::<String>()),
                ("to", ts::<String>()),
                ("file", ts::<String>()),
            ],
            "null".to_owned(),
        ),
        c(
            "review_estimate",
            vec![delegation_id(), ("request", ts::<EstimateRequest>())],
            ts::<EstimateReview>(),
        ),
        c(
            "save_estimate",
            vec![delegation_id(), ("request", ts::<EstimateRequest>())],
            ts::<SavedEstimate>(),
        ),
        c("settlement", vec![delegation_id()], ts::<Settlement>()),
        c(
            "export_estimate",
            vec![
                delegation_id(),
                ("request", ts::<EstimateRequest>()),
                ("language", ts::<Language>()),
                ("file", ts::<String>()),
            ],
            "null".to_owned(),
        ),
        c(
            "export_settlement",
            vec![
                delegation_id(),
                ("language", ts::<Language>()),
                ("file", ts::<String>()),
            ],
            "null".to_owned(),
        ),
        c("list_rate_tables", vec![], ts::<Vec<RateTable>>()),
        c(
            "import_rate_table_file",
            vec![("file", ts::<String>())],
            ts::<RateTable>(),
        ),
        c(
            "export_rate_table_file",
            vec![id(), ("file", ts::<String>())],
            "null".to_owned(),
        ),
        c("delete_rate_table", vec![id()], "null".to_owned()),
        c("load_example_rates", vec![], ts::<RateTable>()),
        c("get_settings", vec![], ts::<Settings>()),
        // Safe at rest: the unlock and recovery screens, backups, the recovery sheet.
        c("database_status", vec![], ts::<DatabaseStatus>()),
        c(
            "unlock_database",
            vec![("key", ts::<String>())],
            ts::<DatabaseStatus>(),
        ),
        // Many machines: the shared folder, Sync now, the conflicts a person settles.
        c("sync_status", vec![], ts::<SyncStatus>()),
        c("choose_sync_folder", vec![], ts::<SyncStatus>()),
        c(
            "sync_now",
            vec![("passphrase", ts::<Option<String>>())],
            ts::<SyncReport>(),
        ),
        c(
            "set_auto_sync",
            vec![("on", ts::<bool>())],
            ts::<SyncStatus>(),
        ),
        c("list_conflicts", vec![], ts::<Vec<SyncConflict>>()),
        c(
            "resolve_conflict",
            vec![id(), ("keep", ts::<Keep>())],
            ts::<SyncConflict>(),
        ),
        c("list_backups", vec![], ts::<Vec<BackupInfo>>()),
        c("make_backup", vec![], ts::<BackupInfo>()),
        c(
            "restore_backup",
            vec![("file", ts::<String>())],
            ts::<DatabaseStatus>(),
        ),
        // Long work: its progress comes down a channel; Cancel stops it where stopping
        // leaves nothing changed.
        c(
            "import_data_file",
            vec![
                ("file", ts::<String>()),
                ("replaceSettings", ts::<bool>()),
                ("work", ts::<String>()),
                (
                    "onProgress",
                    format!("Channel<{}>", ts::<progress::Progress>()),
                ),
            ],
            unit(),
        ),
        c("cancel_work", vec![id()], unit()),
        c("recovery_sheet", vec![], ts::<String>()),
        c(
            "save_recovery_sheet",
            vec![("file", ts::<String>())],
            "null".to_owned(),
        ),
        c(
            "save_settings",
            vec![("settings", ts::<Settings>())],
            ts::<Settings>(),
        ),
        c(
            "audit_of",
            vec![("entity", ts::<String>()), id()],
            ts::<Vec<AuditEntry>>(),
        ),
        // Statistics: the year in numbers and the annual report.
        c("stats_years", vec![], ts::<Vec<i32>>()),
        c(
            "get_stats",
            vec![("range", ts::<StatsRangeInput>())],
            ts::<YearStats>(),
        ),
        c(
            "get_stats_in_full",
            vec![("range", ts::<StatsRangeInput>())],
            ts::<YearStats>(),
        ),
        c(
            "export_annual_report",
            vec![
                ("range", ts::<StatsRangeInput>()),
                ("language", ts::<Language>()),
                ("file", ts::<String>()),
                (
                    "countryNames",
                    ts::<std::collections::BTreeMap<String, String>>(),
                ),
            ],
            ts::<String>(),
        ),
        c(
            "export_annual_workbook",
            vec![
                ("range", ts::<StatsRangeInput>()),
                ("language", ts::<Language>()),
                ("file", ts::<String>()),
            ],
            ts::<String>(),
        ),
        // The office's history.
        c(
            "preview_history_file",
            vec![
                ("file", ts::<String>()),
                ("sheet", ts::<Option<String>>()),
                ("mapping", ts::<Option<history::HistoryMapping>>()),
                ("decisions", ts::<history::PeopleDecisions>()),
            ],
            ts::<history::HistorySheet>(),
        ),
        c(
            "import_history_file",
            vec![
                ("file", ts::<String>()),
                ("sheet", ts::<Option<String>>()),
                ("mapping", ts::<Option<history::HistoryMapping>>()),
                ("decisions", ts::<history::PeopleDecisions>()),
                ("skipInvalid", ts::<bool>()),
                ("work", ts::<String>()),
                (
                    "onProgress",
                    format!("Channel<{}>", ts::<progress::Progress>()),
                ),
            ],
            ts::<history::HistoryImported>(),
        ),
        // The hosting kit.
        c(
            "preview_guest_file",
            vec![
                delegation_id(),
                ("file", ts::<String>()),
                ("sheet", ts::<Option<String>>()),
                ("mapping", ts::<Option<hosting::GuestMapping>>()),
            ],
            ts::<hosting::GuestFilePreview>(),
        ),
        c(
            "import_guest_file",
            vec![
                delegation_id(),
                ("file", ts::<String>()),
                ("sheet", ts::<Option<String>>()),
                ("mapping", ts::<Option<hosting::GuestMapping>>()),
                ("skipInvalid", ts::<bool>()),
            ],
            ts::<hosting::GuestImported>(),
        ),
        c(
            "list_guests",
            vec![delegation_id()],
            ts::<Vec<hosting::GuestRecord>>(),
        ),
        c(
            "check_in",
            vec![delegation_id(), ("personId", ts::<String>())],
            ts::<hosting::CheckIn>(),
        ),
        c(
            "undo_check_in",
            vec![delegation_id(), ("personId", ts::<String>())],
            ts::<hosting::CheckIn>(),
        ),
        c(
            "default_checklist",
            vec![],
            ts::<hosting::ChecklistTemplate>(),
        ),
        c(
            "apply_checklist",
            vec![
                delegation_id(),
                ("assigneeId", ts::<Option<String>>()),
                ("language", ts::<Language>()),
            ],
            ts::<hosting::ChecklistApplied>(),
        ),
        c(
            "generate_transfers",
            vec![delegation_id()],
            ts::<Vec<Transfer>>(),
        ),
        c(
            "transfer_board",
            vec![delegation_id()],
            ts::<hosting::TransferBoard>(),
        ),
        c(
            "add_transfer",
            vec![delegation_id(), ("input", ts::<TransferInput>())],
            ts::<Transfer>(),
        ),
        c(
            "update_transfer",
            vec![id(), ("input", ts::<TransferInput>())],
            ts::<Transfer>(),
        ),
        c("remove_transfer", vec![id()], unit()),
        c(
            "rooming_list",
            vec![delegation_id()],
            ts::<hosting::RoomingList>(),
        ),
        c(
            "move_guest",
            vec![
                delegation_id(),
                ("personId", ts::<String>()),
                ("fromStayId", ts::<Option<String>>()),
                ("toStayId", ts::<Option<String>>()),
            ],
            ts::<Vec<Stay>>(),
        ),
        c(
            "programme_days",
            vec![delegation_id()],
            ts::<Vec<hosting::ProgrammeDay>>(),
        ),
        c(
            "export_hosting_list",
            vec![
                delegation_id(),
                ("list", ts::<hosting::HostingList>()),
                ("file", ts::<String>()),
            ],
            ts::<hosting::Written>(),
        ),
        c(
            "export_hosting_paper",
            vec![
                delegation_id(),
                ("paper", ts::<hosting::HostingPaper>()),
                ("languages", ts::<Vec<Language>>()),
                ("file", ts::<String>()),
            ],
            ts::<hosting::Written>(),
        ),
    ]
}

/// The names of [`commands`], for the shell's permission manifest.
pub fn command_names() -> Vec<&'static str> {
    commands().into_iter().map(|c| c.name).collect()
}

fn declare<T: TS>(out: &mut String) {
    let cfg = Config::new();
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
        if !docs.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push_str("export ");
    out.push_str(&T::decl(&cfg));
    out.push_str("\n\n");
}

/// The whole `bindings.ts` file.
/// Values as a TypeScript array literal of their serde names: `["a", "b"]`.
fn names<T: std::fmt::Display>(values: &[T]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from the Rust types by `desk_domain::ipc::typescript()`. Do not edit:\n\
         // run `DESK_UPDATE_BINDINGS=1 cargo test -p desk-tests --test it bindings` instead.\n\n\
         import type { Channel } from '@tauri-apps/api/core';\n\n",
    );
    declare::<ErrorKind>(&mut out);
    declare::<Rule>(&mut out);
    declare::<Violation>(&mut out);
    declare::<Error>(&mut out);
    declare::<AppInfo>(&mut out);
    declare::<ChosenFile>(&mut out);
    declare::<FileFilter>(&mut out);
    declare::<Direction>(&mut out);
    declare::<DelegationStatus>(&mut out);
    declare::<Funding>(&mut out);
    declare::<Destination>(&mut out);
    declare::<Delegation>(&mut out);
    declare::<DelegationInput>(&mut out);
    declare::<DelegationFilter>(&mut out);
    declare::<DelegationSort>(&mut out);
    declare::<DirectoryFilter>(&mut out);
    declare::<PageRequest>(&mut out);
    declare::<Page<Delegation>>(&mut out);
    declare::<OrganisationKind>(&mut out);
    declare::<Organisation>(&mut out);
    declare::<OrganisationInput>(&mut out);
    declare::<Gender>(&mut out);
    declare::<NameOrder>(&mut out);
    declare::<Person>(&mut out);
    declare::<PersonInput>(&mut out);
    declare::<PersonProfile>(&mut out);
    declare::<PersonTrip>(&mut out);
    declare::<MemberRole>(&mut out);
    declare::<Member>(&mut out);
    declare::<MemberInput>(&mut out);
    declare::<MemberDetail>(&mut out);
    declare::<MemberSaved>(&mut out);
    declare::<Warning>(&mut out);
    declare::<Mode>(&mut out);
    declare::<Segment>(&mut out);
    declare::<SegmentInput>(&mut out);
    declare::<SegmentView>(&mut out);
    declare::<Stay>(&mut out);
    declare::<StayInput>(&mut out);
    declare::<VisaStatus>(&mut out);
    declare::<Visa>(&mut out);
    declare::<VisaInput>(&mut out);
    declare::<ProgrammeKind>(&mut out);
    declare::<Audience>(&mut out);
    declare::<ProgrammeItem>(&mut out);
    declare::<ProgrammeItemInput>(&mut out);
    declare::<TaskStatus>(&mut out);
    declare::<Task>(&mut out);
    declare::<TaskInput>(&mut out);
    declare::<ExpenseKind>(&mut out);
    declare::<ExpenseCategory>(&mut out);
    declare::<Money>(&mut out);
    declare::<Expense>(&mut out);
    declare::<ExpenseInput>(&mut out);
    declare::<ExpenseView>(&mut out);
    declare::<AttachmentKind>(&mut out);
    declare::<Attachment>(&mut out);
    declare::<AttachmentInput>(&mut out);
    declare::<SearchHit>(&mut out);
    declare::<SearchGroup>(&mut out);
    declare::<CalendarEntry>(&mut out);
    declare::<CalendarPerson>(&mut out);
    declare::<Language>(&mut out);
    declare::<ReportStatus>(&mut out);
    declare::<ReportPhoto>(&mut out);
    declare::<MissionReport>(&mut out);
    declare::<MissionReportInput>(&mut out);
    declare::<ReportVersion>(&mut out);
    declare::<SignKeyKind>(&mut out);
    declare::<SignKeyInput>(&mut out);
    declare::<SignImageKind>(&mut out);
    declare::<TrustedRoot>(&mut out);
    declare::<SigningSetup>(&mut out);
    declare::<SignatureCheck>(&mut out);
    declare::<PdfVerification>(&mut out);
    declare::<DocumentPreview>(&mut out);
    declare::<PreviewItem>(&mut out);
    declare::<Severity>(&mut out);
    declare::<AgendaKind>(&mut out);
    declare::<AgendaItem>(&mut out);
    declare::<SectionCounts>(&mut out);
    declare::<AgendaSections>(&mut out);
    declare::<Leg>(&mut out);
    declare::<ItineraryWarning>(&mut out);
    declare::<Itinerary>(&mut out);
    declare::<PlaceKind>(&mut out);
    declare::<Place>(&mut out);
    declare::<EstimateRequest>(&mut out);
    declare::<ExchangeRate>(&mut out);
    declare::<Basis>(&mut out);
    declare::<LineSource>(&mut out);
    declare::<EstimateLine>(&mut out);
    declare::<Exclusion>(&mut out);
    declare::<ExcludedLine>(&mut out);
    declare::<PersonTotal>(&mut out);
    declare::<Estimate>(&mut out);
    declare::<SavedEstimate>(&mut out);
    declare::<ChangeKind>(&mut out);
    declare::<LineChange>(&mut out);
    declare::<EstimateReview>(&mut out);
    declare::<Figures>(&mut out);
    declare::<SettlementLine>(&mut out);
    declare::<SettlementParty>(&mut out);
    declare::<EstimateFrom>(&mut out);
    declare::<Settlement>(&mut out);
    declare::<LevelRate>(&mut out);
    declare::<CountryGroup>(&mut out);
    declare::<SponsorCover>(&mut out);
    declare::<RateTable>(&mut out);
    declare::<Settings>(&mut out);
    declare::<BackupInfo>(&mut out);
    declare::<SyncStatus>(&mut out);
    declare::<SyncReport>(&mut out);
    declare::<SyncConflict>(&mut out);
    declare::<Keep>(&mut out);
    declare::<DatabaseStatus>(&mut out);
    declare::<AuditEntry>(&mut out);
    declare::<StatsRange>(&mut out);
    declare::<StatsRangeInput>(&mut out);
    declare::<Tally>(&mut out);
    declare::<MoneyTotals>(&mut out);
    declare::<StatsBucket>(&mut out);
    declare::<MonthStats>(&mut out);
    declare::<FundingStats>(&mut out);
    declare::<PersonDays>(&mut out);
    declare::<UnitDays>(&mut out);
    declare::<ReportState>(&mut out);
    declare::<ReportTimeliness>(&mut out);
    declare::<DelegationLine>(&mut out);
    declare::<UnconvertedExpense>(&mut out);
    declare::<StatsTotals>(&mut out);
    declare::<StatsMetric>(&mut out);
    declare::<Trend>(&mut out);
    declare::<StatsChange>(&mut out);
    declare::<YearStats>(&mut out);
    // The office's history.
    declare::<history::HistoryField>(&mut out);
    declare::<history::HistoryMapping>(&mut out);
    declare::<history::HistoryColumn>(&mut out);
    declare::<history::HistoryMember>(&mut out);
    declare::<history::HistoryTrip>(&mut out);
    declare::<history::HistoryProblemKind>(&mut out);
    declare::<history::HistoryProblem>(&mut out);
    declare::<history::PossibleMatch>(&mut out);
    declare::<history::KnownTrip>(&mut out);
    declare::<history::HistoryRow>(&mut out);
    declare::<history::HistorySheet>(&mut out);
    declare::<history::PeopleDecisions>(&mut out);
    declare::<history::HistoryImported>(&mut out);
    // The hosting kit.
    declare::<hosting::GuestField>(&mut out);
    declare::<hosting::GuestMapping>(&mut out);
    declare::<hosting::MappedBy>(&mut out);
    declare::<hosting::SheetColumn>(&mut out);
    declare::<hosting::FlightInput>(&mut out);
    declare::<hosting::GuestInput>(&mut out);
    declare::<hosting::ProblemKind>(&mut out);
    declare::<hosting::ImportProblem>(&mut out);
    declare::<hosting::GuestRow>(&mut out);
    declare::<hosting::GuestSheet>(&mut out);
    declare::<hosting::GuestFilePreview>(&mut out);
    declare::<hosting::GuestImported>(&mut out);
    declare::<hosting::GuestRecord>(&mut out);
    declare::<hosting::CheckIn>(&mut out);
    declare::<hosting::ChecklistLine>(&mut out);
    declare::<hosting::ChecklistTemplate>(&mut out);
    declare::<hosting::ChecklistApplied>(&mut out);
    declare::<hosting::PersonName>(&mut out);
    declare::<TransferKind>(&mut out);
    declare::<Transfer>(&mut out);
    declare::<TransferInput>(&mut out);
    declare::<hosting::TransferRow>(&mut out);
    declare::<hosting::TransferDay>(&mut out);
    declare::<hosting::TransferBoard>(&mut out);
    declare::<hosting::RoomRow>(&mut out);
    declare::<hosting::HotelRooms>(&mut out);
    declare::<hosting::GuestNights>(&mut out);
    declare::<hosting::RoomingList>(&mut out);
    declare::<hosting::ProgrammeLine>(&mut out);
    declare::<hosting::ProgrammeDay>(&mut out);
    declare::<hosting::HostingPaper>(&mut out);
    declare::<hosting::HostingList>(&mut out);
    declare::<hosting::Written>(&mut out);
    declare::<progress::Progress>(&mut out);
    declare::<print::Paper>(&mut out);
    declare::<print::Printer>(&mut out);
    declare::<print::PrintRequest>(&mut out);

    out.push_str("/** Every assigned ISO 3166-1 alpha-2 country code. */\n");
    out.push_str("export const COUNTRY_CODES = [");
    out.push_str(
        &crate::country::CODES
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", "),
    );
    out.push_str("] as const;\n\n");

    // The domain's lists and moves, so the window offers exactly what the rules accept
    // and no Svelte file keeps a copy of its own.
    out.push_str(
        "/** The statuses a delegation may move to from each status (`DelegationStatus::next`). */\n",
    );
    out.push_str(
        "export const STATUS_MOVES: { readonly [S in DelegationStatus]: readonly DelegationStatus[] } = {\n",
    );
    for status in DelegationStatus::ALL {
        out.push_str(&format!("  {status}: {},\n", names(status.next())));
    }
    out.push_str("};\n\n");
    #[rustfmt::skip]
    let lists: [(&str, &str, String); 7] = [
        ("Every kind of failure the UI acts on.", "ERROR_KINDS", names(ErrorKind::ALL)),
        ("A task's statuses, in the order of its board.", "TASK_STATUSES", names(TaskStatus::ALL)),
        ("Kinds of organisation, as the form offers them.", "ORGANISATION_KINDS", names(OrganisationKind::ALL)),
        ("Kinds of attached document.", "ATTACHMENT_KINDS", names(AttachmentKind::ALL)),
        ("Kinds of programme item.", "PROGRAMME_KINDS", names(ProgrammeKind::ALL)),
        ("Kinds of transfer.", "TRANSFER_KINDS", names(TransferKind::ALL)),
        ("Kinds of expense line, in the order of the Money tab.", "EXPENSE_KINDS", names(ExpenseKind::ALL)),
    ];
    for (doc, name, values) in lists {
        out.push_str(&format!(
            "/** {doc} */\nexport const {name} = {values} as const;\n\n"
        ));
    }

    out.push_str("/** Every IPC command: its arguments and what it resolves to. */\n");
    out.push_str("export interface Commands {\n");
    for command in commands() {
        let args = command
            .args
            .iter()
            .map(|(name, ty)| format!("{name}: {ty}"))
            .collect::<Vec<_>>()
            .join("; ");
        let args = if args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            format!("{{ {args} }}")
        };
        out.push_str(&format!(
            "  {}: {{ args: {args}; returns: {} }};\n",
            command.name, command.returns
        ));
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_names_are_unique() {
        let mut names = command_names();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "two commands share a name");
    }

    #[test]
    fn bindings_declare_the_error_shape_the_ui_relies_on() {
        let ts = typescript();
        assert!(
            ts.contains("export type DeskError = { kind: ErrorKind, message: string"),
            "{ts}"
        );
        assert!(
            ts.contains("create_delegation: { args: { input: DelegationInput }"),
            "{ts}"
        );
    }

    #[test]
    fn the_window_offers_the_moves_and_choices_the_rules_accept() {
        let ts = typescript();
        for status in DelegationStatus::ALL {
            let offered = format!("  {status}: {},\n", names(status.next()));
            assert!(ts.contains(&offered), "{offered}");
        }
        assert!(
            ts.contains(r#"  closed: ["reported"],"#),
            "a closed file can only reopen"
        );
        assert!(ts.contains(
            r#"export const TASK_STATUSES = ["todo", "doing", "done", "cancelled"] as const;"#
        ));
        assert!(ts.contains(r#"export const ERROR_KINDS = ["validation", "not_found","#));
    }
}
