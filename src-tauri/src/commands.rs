//! The IPC commands. Each is thin: take the input, call one store operation, return the
//! record or the `{ kind, message, violations }` error. Rules live in `desk-domain`; the
//! list of commands is `desk_domain::ipc::commands()`, from which the UI's types and the
//! window's permissions are generated.

use desk_domain::hosting::{
    CheckIn, ChecklistApplied, ChecklistLanguage, ChecklistTemplate, GuestFilePreview,
    GuestImported, GuestMapping, GuestRecord, HostingList, HostingPaper, ProgrammeDay, RoomingList,
    TransferBoard, Written,
};
use desk_domain::{
    AppInfo, Attachment, AttachmentInput, AuditEntry, CalendarEntry, Delegation, DelegationFilter,
    DelegationInput, DelegationStatus, DocumentPreview, Error, ErrorKind, ExpenseInput,
    ExpenseView, Language, MemberDetail, MemberInput, MemberSaved, MissionReport,
    MissionReportInput, Organisation, OrganisationInput, Person, PersonInput, PersonProfile,
    ProgrammeItemInput, ReportVersion, SearchGroup, SegmentInput, SegmentView, Settings,
    StatsRangeInput, Stay, StayInput, TaskInput, Transfer, TransferInput, Visa, VisaInput,
    YearStats,
};
use std::path::Path;

use desk_domain::{
    AgendaItem, EstimateRequest, EstimateReview, Itinerary, Place, RateTable, SavedEstimate,
    Settlement,
};
use tauri::State;

use crate::state::Desk;

type Result<T> = std::result::Result<T, Error>;

#[tauri::command]
pub fn app_info(desk: State<'_, Desk>) -> Result<AppInfo> {
    desk.info()
}

#[tauri::command]
pub fn list_delegations(
    desk: State<'_, Desk>,
    filter: DelegationFilter,
) -> Result<Vec<Delegation>> {
    Ok(desk.store()?.list_delegations_where(&filter)?)
}

#[tauri::command]
pub fn get_delegation(desk: State<'_, Desk>, id: String) -> Result<Delegation> {
    Ok(desk.store()?.delegation(&id)?)
}

#[tauri::command]
pub fn create_delegation(desk: State<'_, Desk>, input: DelegationInput) -> Result<Delegation> {
    Ok(desk.store()?.create_delegation(&input)?)
}

#[tauri::command]
pub fn update_delegation(
    desk: State<'_, Desk>,
    id: String,
    input: DelegationInput,
) -> Result<Delegation> {
    Ok(desk.store()?.update_delegation(&id, &input)?)
}

#[tauri::command]
pub fn set_delegation_status(
    desk: State<'_, Desk>,
    id: String,
    status: DelegationStatus,
) -> Result<Delegation> {
    Ok(desk.store()?.set_delegation_status(&id, status)?)
}

#[tauri::command]
pub fn duplicate_delegation(
    desk: State<'_, Desk>,
    id: String,
    title: String,
) -> Result<Delegation> {
    Ok(desk.store()?.duplicate_delegation(&id, &title)?)
}

#[tauri::command]
pub fn trash_delegation(desk: State<'_, Desk>, id: String) -> Result<Delegation> {
    Ok(desk.store()?.trash_delegation(&id)?)
}

#[tauri::command]
pub fn restore_delegation(desk: State<'_, Desk>, id: String) -> Result<Delegation> {
    Ok(desk.store()?.restore_delegation(&id)?)
}

#[tauri::command]
pub fn purge_delegation(desk: State<'_, Desk>, id: String) -> Result<()> {
    Ok(desk.store()?.purge_delegation(&id)?)
}

#[tauri::command]
pub fn list_people(desk: State<'_, Desk>) -> Result<Vec<Person>> {
    Ok(desk.store()?.list_people()?)
}

#[tauri::command]
pub fn get_person(desk: State<'_, Desk>, id: String) -> Result<PersonProfile> {
    Ok(desk.store()?.person_profile(&id)?)
}

#[tauri::command]
pub fn create_person(desk: State<'_, Desk>, input: PersonInput) -> Result<Person> {
    Ok(desk.store()?.create_person(&input)?)
}

#[tauri::command]
pub fn update_person(desk: State<'_, Desk>, id: String, input: PersonInput) -> Result<Person> {
    Ok(desk.store()?.update_person(&id, &input)?)
}

#[tauri::command]
pub fn delete_person(desk: State<'_, Desk>, id: String) -> Result<()> {
    Ok(desk.store()?.delete_person(&id)?)
}

#[tauri::command]
pub fn list_organisations(desk: State<'_, Desk>) -> Result<Vec<Organisation>> {
    Ok(desk.store()?.list_organisations()?)
}

#[tauri::command]
pub fn create_organisation(
    desk: State<'_, Desk>,
    input: OrganisationInput,
) -> Result<Organisation> {
    Ok(desk.store()?.create_organisation(&input)?)
}

#[tauri::command]
pub fn update_organisation(
    desk: State<'_, Desk>,
    id: String,
    input: OrganisationInput,
) -> Result<Organisation> {
    Ok(desk.store()?.update_organisation(&id, &input)?)
}

#[tauri::command]
pub fn delete_organisation(desk: State<'_, Desk>, id: String) -> Result<()> {
    Ok(desk.store()?.delete_organisation(&id)?)
}

#[tauri::command]
pub fn list_members(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<MemberDetail>> {
    Ok(desk.store()?.members(&delegation_id)?)
}

#[tauri::command]
pub fn add_member(
    desk: State<'_, Desk>,
    delegation_id: String,
    input: MemberInput,
) -> Result<MemberSaved> {
    Ok(desk.store()?.add_member(&delegation_id, &input)?)
}

#[tauri::command]
pub fn update_member(desk: State<'_, Desk>, id: String, input: MemberInput) -> Result<MemberSaved> {
    Ok(desk.store()?.update_member(&id, &input)?)
}

#[tauri::command]
pub fn remove_member(desk: State<'_, Desk>, id: String) -> Result<()> {
    Ok(desk.store()?.remove_member(&id)?)
}

/// The commands of a kind of record that belongs to a delegation: list, add, update, remove.
macro_rules! child_commands {
    ($input:ty, $list:ident, $add:ident, $update:ident, $remove:ident) => {
        #[tauri::command]
        pub fn $list(
            desk: State<'_, Desk>,
            delegation_id: String,
        ) -> Result<Vec<<$input as desk_store::ChildInput>::Record>> {
            Ok(desk.store()?.list::<$input>(&delegation_id)?)
        }

        child_commands!($input, $add, $update, $remove);
    };
    ($input:ty, $add:ident, $update:ident, $remove:ident) => {
        #[tauri::command]
        pub fn $add(
            desk: State<'_, Desk>,
            delegation_id: String,
            input: $input,
        ) -> Result<<$input as desk_store::ChildInput>::Record> {
            Ok(desk.store()?.add(&delegation_id, &input)?)
        }

        #[tauri::command]
        pub fn $update(
            desk: State<'_, Desk>,
            id: String,
            input: $input,
        ) -> Result<<$input as desk_store::ChildInput>::Record> {
            Ok(desk.store()?.replace(&id, &input)?)
        }

        #[tauri::command]
        pub fn $remove(desk: State<'_, Desk>, id: String) -> Result<()> {
            Ok(desk
                .store()?
                .remove::<<$input as desk_store::ChildInput>::Record>(&id)?)
        }
    };
}

child_commands!(SegmentInput, add_segment, update_segment, remove_segment);

/// Segments with their offsets and durations across zones.
#[tauri::command]
pub fn list_segments(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<SegmentView>> {
    let segments = desk.store()?.list::<SegmentInput>(&delegation_id)?;
    Ok(segments.into_iter().map(SegmentView::of).collect())
}
child_commands!(StayInput, list_stays, add_stay, update_stay, remove_stay);
child_commands!(
    ProgrammeItemInput,
    list_programme,
    add_programme_item,
    update_programme_item,
    remove_programme_item
);
child_commands!(TaskInput, list_tasks, add_task, update_task, remove_task);
child_commands!(ExpenseInput, add_expense, update_expense, remove_expense);

/// Expenses with their VND amounts at their own rates.
#[tauri::command]
pub fn list_expenses(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<ExpenseView>> {
    let expenses = desk.store()?.list::<ExpenseInput>(&delegation_id)?;
    Ok(expenses.into_iter().map(ExpenseView::of).collect())
}

#[tauri::command]
pub fn list_visas(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<Visa>> {
    Ok(desk.store()?.visas_for(&delegation_id)?)
}

#[tauri::command]
pub fn add_visa(desk: State<'_, Desk>, input: VisaInput) -> Result<Visa> {
    Ok(desk.store()?.add_visa(&input)?)
}

#[tauri::command]
pub fn update_visa(desk: State<'_, Desk>, id: String, input: VisaInput) -> Result<Visa> {
    Ok(desk.store()?.update_visa(&id, &input)?)
}

#[tauri::command]
pub fn remove_visa(desk: State<'_, Desk>, id: String) -> Result<()> {
    Ok(desk.store()?.remove::<Visa>(&id)?)
}

#[tauri::command]
pub fn list_attachments(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<Attachment>> {
    Ok(desk.store()?.attachments(&delegation_id)?)
}

/// Attaches a file the user chose in the system dialog or dropped on the window. Its size is
/// checked before a byte is read.
#[tauri::command]
pub fn add_attachment_file(
    desk: State<'_, Desk>,
    input: AttachmentInput,
    path: String,
) -> Result<Attachment> {
    let content = crate::files::read_limited(&path, desk_domain::attachment::MAX_BYTES)?;
    let mut input = input;
    if input.file_name.trim().is_empty() {
        input.file_name = crate::files::file_name(&path);
    }
    Ok(desk.store()?.add_attachment(&input, &content)?)
}

/// The attachment as a `data:` URL, for previews inside the window.
#[tauri::command]
pub fn attachment_data_url(desk: State<'_, Desk>, id: String) -> Result<String> {
    let store = desk.store()?;
    let attachment: Attachment = store.get(&id)?;
    let content = store.attachment_content(&id)?;
    Ok(crate::files::data_url(&attachment.media_type, &content))
}

#[tauri::command]
pub fn update_attachment(
    desk: State<'_, Desk>,
    id: String,
    kind: String,
    caption: String,
) -> Result<Attachment> {
    Ok(desk.store()?.update_attachment(&id, &kind, &caption)?)
}

#[tauri::command]
pub fn remove_attachment(desk: State<'_, Desk>, id: String) -> Result<()> {
    Ok(desk.store()?.remove_attachment(&id)?)
}

#[tauri::command]
pub fn search(desk: State<'_, Desk>, query: String, limit: u32) -> Result<Vec<SearchGroup>> {
    Ok(desk.store()?.search(&query, limit.clamp(1, 200) as usize)?)
}

/// Delegations touching the days `from..=to` (ISO dates), with who is away.
#[tauri::command]
pub fn calendar(desk: State<'_, Desk>, from: String, to: String) -> Result<Vec<CalendarEntry>> {
    let from = crate::files::iso_date("from", &from)?;
    let to = crate::files::iso_date("to", &to)?;
    Ok(desk.store()?.calendar(from, to)?)
}

#[tauri::command]
pub fn get_report(desk: State<'_, Desk>, delegation_id: String) -> Result<Option<MissionReport>> {
    Ok(desk.store()?.report(&delegation_id)?)
}

#[tauri::command]
pub fn start_report(desk: State<'_, Desk>, delegation_id: String) -> Result<MissionReport> {
    Ok(desk.store()?.start_report(&delegation_id)?)
}

#[tauri::command]
pub fn save_report(
    desk: State<'_, Desk>,
    id: String,
    input: MissionReportInput,
) -> Result<MissionReport> {
    Ok(desk.store()?.save_report(&id, &input)?)
}

#[tauri::command]
pub fn finalise_report(desk: State<'_, Desk>, id: String) -> Result<MissionReport> {
    Ok(desk.store()?.finalise_report(&id)?)
}

#[tauri::command]
pub fn reopen_report(desk: State<'_, Desk>, id: String, reason: String) -> Result<MissionReport> {
    Ok(desk.store()?.reopen_report(&id, &reason)?)
}

#[tauri::command]
pub fn report_versions(desk: State<'_, Desk>, report_id: String) -> Result<Vec<ReportVersion>> {
    Ok(desk.store()?.report_versions(&report_id)?)
}

/// The report laid out exactly as it will print, for the preview beside the editor.
#[tauri::command]
pub fn report_preview(
    desk: State<'_, Desk>,
    delegation_id: String,
    language: Language,
) -> Result<DocumentPreview> {
    let data = desk.store()?.mission_report_data(&delegation_id)?;
    desk_report::mission::preview_of(&data, desk_ops::print_language(language), desk_ops::now())
}

/// Writes the report as PDF to the path the user chose, and keeps that state as a version.
#[tauri::command]
pub fn export_report_pdf(
    desk: State<'_, Desk>,
    delegation_id: String,
    language: Language,
    path: String,
) -> Result<ReportVersion> {
    let (version, _) = desk_ops::export_mission_report(
        &mut *desk.store()?,
        &delegation_id,
        language,
        Path::new(&path),
    )?;
    Ok(version)
}

#[tauri::command]
pub fn get_settings(desk: State<'_, Desk>) -> Result<Settings> {
    Ok(desk.store()?.settings()?)
}

#[tauri::command]
pub fn save_settings(desk: State<'_, Desk>, settings: Settings) -> Result<Settings> {
    Ok(desk.store()?.save_settings(&settings)?)
}

#[tauri::command]
pub fn audit_of(desk: State<'_, Desk>, entity: String, id: String) -> Result<Vec<AuditEntry>> {
    Ok(desk.store()?.audit_of(&entity, &id)?)
}

/// Kept for errors raised in the shell itself (a file that cannot be read).
pub fn io_error(path: &str, error: &std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{path}: {error}"))
}

/// Everything that needs attention, as of `today` (ISO; the computer's date by default).
#[tauri::command]
pub fn agenda(desk: State<'_, Desk>, today: Option<String>) -> Result<Vec<AgendaItem>> {
    let today = match today {
        Some(day) => crate::files::iso_date("today", &day)?,
        None => chrono::Local::now().date_naive(),
    };
    Ok(desk.store()?.agenda(today)?)
}

/// Airports and cities matching what is typed in a place field, with their zones.
#[tauri::command]
pub fn suggest_places(typed: String) -> Vec<Place> {
    desk_domain::places::suggest(&typed, 8)
}

/// The trip in departure order, with the nights no stay covers.
#[tauri::command]
pub fn get_itinerary(desk: State<'_, Desk>, delegation_id: String) -> Result<Itinerary> {
    Ok(desk.store()?.itinerary(&delegation_id)?)
}

#[tauri::command]
pub fn export_itinerary_pdf(
    desk: State<'_, Desk>,
    delegation_id: String,
    person: Option<String>,
    language: Language,
    path: String,
) -> Result<()> {
    let bytes =
        desk_ops::itinerary_pdf(&*desk.store()?, &delegation_id, person.as_deref(), language)?;
    desk_ops::write_file(Path::new(&path), &bytes)
}

#[tauri::command]
pub fn export_itinerary_ics(
    desk: State<'_, Desk>,
    delegation_id: String,
    person: Option<String>,
    path: String,
) -> Result<()> {
    let text = desk_ops::itinerary_ics(&*desk.store()?, &delegation_id, person.as_deref())?;
    desk_ops::write_file(Path::new(&path), text.as_bytes())
}

/// The delegations of the shown calendar range as an `.ics` file.
#[tauri::command]
pub fn export_calendar_ics(
    desk: State<'_, Desk>,
    from: String,
    to: String,
    path: String,
) -> Result<()> {
    let from = crate::files::iso_date("from", &from)?;
    let to = crate::files::iso_date("to", &to)?;
    let text = desk_ops::calendar_ics(&*desk.store()?, from, to, "Delegation Desk")?;
    desk_ops::write_file(Path::new(&path), text.as_bytes())
}

/// The estimate as the rate table computes it now, the last saved one, and what changed.
#[tauri::command]
pub fn review_estimate(
    desk: State<'_, Desk>,
    delegation_id: String,
    request: EstimateRequest,
) -> Result<EstimateReview> {
    Ok(desk.store()?.review_estimate(&delegation_id, &request)?)
}

#[tauri::command]
pub fn save_estimate(
    desk: State<'_, Desk>,
    delegation_id: String,
    request: EstimateRequest,
) -> Result<SavedEstimate> {
    Ok(desk.store()?.save_estimate(&delegation_id, &request)?)
}

#[tauri::command]
pub fn settlement(desk: State<'_, Desk>, delegation_id: String) -> Result<Settlement> {
    Ok(desk.store()?.settlement(&delegation_id)?)
}

/// Writes the estimate as PDF (official layout) or XLSX, by the file's extension.
#[tauri::command]
pub fn export_estimate(
    desk: State<'_, Desk>,
    delegation_id: String,
    request: EstimateRequest,
    language: Language,
    path: String,
) -> Result<()> {
    let store = desk.store()?;
    let estimate = store.review_estimate(&delegation_id, &request)?.estimate;
    let bytes = if crate::files::is_xlsx(&path) {
        desk_ops::estimate_xlsx(&store, &delegation_id, &estimate, language)?
    } else {
        desk_ops::estimate_pdf(
            &store,
            &delegation_id,
            &estimate,
            &crate::files::document_options(language),
        )?
    };
    desk_ops::write_file(Path::new(&path), &bytes)
}

/// Writes the settlement as PDF (official layout) or XLSX, by the file's extension.
#[tauri::command]
pub fn export_settlement(
    desk: State<'_, Desk>,
    delegation_id: String,
    language: Language,
    path: String,
) -> Result<()> {
    let store = desk.store()?;
    let settlement = store.settlement(&delegation_id)?;
    let bytes = if crate::files::is_xlsx(&path) {
        desk_ops::settlement_xlsx(&store, &delegation_id, &settlement, language)?
    } else {
        desk_ops::settlement_pdf(
            &store,
            &delegation_id,
            &settlement,
            &crate::files::document_options(language),
        )?
    };
    desk_ops::write_file(Path::new(&path), &bytes)
}

#[tauri::command]
pub fn list_rate_tables(desk: State<'_, Desk>) -> Result<Vec<RateTable>> {
    Ok(desk.store()?.rate_tables()?)
}

/// Imports a per-diem table from the CSV file the user chose; a malformed file is refused
/// whole, with its line numbers, and the tables already there stay as they were.
#[tauri::command]
pub fn import_rate_table_file(desk: State<'_, Desk>, path: String) -> Result<RateTable> {
    let bytes = crate::files::read_limited(&path, 1024 * 1024)?;
    Ok(desk.store()?.import_rate_table_csv(&bytes)?)
}

#[tauri::command]
pub fn export_rate_table_file(desk: State<'_, Desk>, id: String, path: String) -> Result<()> {
    let text = desk.store()?.export_rate_table_csv(&id)?;
    desk_ops::write_file(Path::new(&path), text.as_bytes())
}

#[tauri::command]
pub fn delete_rate_table(desk: State<'_, Desk>, id: String) -> Result<()> {
    Ok(desk.store()?.delete_rate_table(&id)?)
}

#[tauri::command]
pub fn load_example_rates(desk: State<'_, Desk>) -> Result<RateTable> {
    Ok(desk.store()?.load_example_rates()?)
}

/// The years that hold delegations, the latest first (for the Statistics screen's default
/// year and its choices).
#[tauri::command]
pub fn stats_years(desk: State<'_, Desk>) -> Result<Vec<i32>> {
    Ok(desk.store()?.stats_years()?)
}

/// The figures of a range (a year or any dates), compared with the range before.
#[tauri::command]
pub fn get_stats(desk: State<'_, Desk>, range: StatsRangeInput) -> Result<YearStats> {
    let range = range.validate()?;
    Ok(desk.store()?.stats(range.from, range.to)?)
}

/// Writes the annual report of a range as PDF where the user chose; returns the path.
/// Country names come from the window, which has them in every language.
#[tauri::command]
pub fn export_annual_report(
    desk: State<'_, Desk>,
    range: StatsRangeInput,
    language: Language,
    path: String,
    country_names: std::collections::BTreeMap<String, String>,
) -> Result<String> {
    let range = range.validate()?;
    let store = desk.store()?;
    let stats = store.stats(range.from, range.to)?;
    let now = desk_ops::now();
    let mut options = desk_report::AnnualOptions::from_settings(
        &store.settings()?,
        desk_ops::print_language(language),
        now.date_naive(),
        now,
    );
    options.country_names = country_names;
    let bytes = desk_report::render_annual_report(&stats, &options)
        .map_err(desk_report::mission::user_error)?;
    desk_ops::write_file(Path::new(&path), &bytes)?;
    Ok(path)
}

/// Writes the figures of a range as an XLSX workbook where the user chose; returns the path.
#[tauri::command]
pub fn export_annual_workbook(
    desk: State<'_, Desk>,
    range: StatsRangeInput,
    language: Language,
    path: String,
) -> Result<String> {
    let range = range.validate()?;
    let stats = desk.store()?.stats(range.from, range.to)?;
    let bytes = desk_exchange::annual_workbook(&stats, language)?;
    desk_ops::write_file(Path::new(&path), &bytes)?;
    Ok(path)
}

// The hosting kit: the guest list in, the welcome desk, duties, transfers, rooms, papers.

/// Reads the guest file at `path` (chosen in the system dialog or typed) after checking its
/// size, and previews it: every problem by row and column; nothing is written.
#[tauri::command]
pub fn preview_guest_file(
    desk: State<'_, Desk>,
    delegation_id: String,
    path: String,
    sheet: Option<String>,
    mapping: Option<GuestMapping>,
) -> Result<GuestFilePreview> {
    let (name, bytes) = crate::hosting::guest_file(&path)?;
    desk_ops::hosting::guest_preview(
        &*desk.store()?,
        &delegation_id,
        &name,
        &bytes,
        sheet,
        mapping,
    )
}

/// Imports the guest file: all or nothing, or leaving out the rows with problems.
#[tauri::command]
pub fn import_guest_file(
    desk: State<'_, Desk>,
    delegation_id: String,
    path: String,
    sheet: Option<String>,
    mapping: Option<GuestMapping>,
    skip_invalid: bool,
) -> Result<GuestImported> {
    let (name, bytes) = crate::hosting::guest_file(&path)?;
    desk_ops::hosting::guest_import(
        &mut *desk.store()?,
        &delegation_id,
        &name,
        &bytes,
        sheet,
        mapping,
        skip_invalid,
    )
}

#[tauri::command]
pub fn list_guests(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<GuestRecord>> {
    Ok(desk.store()?.guests(&delegation_id)?)
}

#[tauri::command]
pub fn check_in(
    desk: State<'_, Desk>,
    delegation_id: String,
    person_id: String,
) -> Result<CheckIn> {
    Ok(desk.store()?.check_in(&delegation_id, &person_id)?)
}

#[tauri::command]
pub fn undo_check_in(
    desk: State<'_, Desk>,
    delegation_id: String,
    person_id: String,
) -> Result<CheckIn> {
    Ok(desk.store()?.undo_check_in(&delegation_id, &person_id)?)
}

#[tauri::command]
pub fn default_checklist() -> Result<ChecklistTemplate> {
    Ok(desk_store::default_checklist()?)
}

/// Adds the default hosting checklist's duties as tasks, due counting back from day one.
#[tauri::command]
pub fn apply_checklist(
    desk: State<'_, Desk>,
    delegation_id: String,
    assignee_id: Option<String>,
    language: ChecklistLanguage,
) -> Result<ChecklistApplied> {
    let template = desk_store::default_checklist()?;
    Ok(desk.store()?.apply_checklist(
        &delegation_id,
        &template,
        assignee_id.as_deref().filter(|id| !id.is_empty()),
        language,
    )?)
}

#[tauri::command]
pub fn generate_transfers(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<Transfer>> {
    Ok(desk.store()?.generate_transfers(&delegation_id)?)
}

#[tauri::command]
pub fn transfer_board(desk: State<'_, Desk>, delegation_id: String) -> Result<TransferBoard> {
    Ok(desk.store()?.transfer_board(&delegation_id)?)
}

child_commands!(
    TransferInput,
    add_transfer,
    update_transfer,
    remove_transfer
);

#[tauri::command]
pub fn rooming_list(desk: State<'_, Desk>, delegation_id: String) -> Result<RoomingList> {
    Ok(desk.store()?.rooming_list(&delegation_id)?)
}

/// Moves a guest out of one room and into another in one transaction.
#[tauri::command]
pub fn move_guest(
    desk: State<'_, Desk>,
    delegation_id: String,
    person_id: String,
    from_stay_id: Option<String>,
    to_stay_id: Option<String>,
) -> Result<Vec<Stay>> {
    Ok(desk.store()?.move_guest(
        &delegation_id,
        &person_id,
        from_stay_id.as_deref(),
        to_stay_id.as_deref(),
    )?)
}

#[tauri::command]
pub fn programme_days(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<ProgrammeDay>> {
    Ok(desk.store()?.programme_days(&delegation_id)?)
}

/// Writes the guest, rooming or transfer list as XLSX or CSV where the user chose.
#[tauri::command]
pub fn export_hosting_list(
    desk: State<'_, Desk>,
    delegation_id: String,
    list: HostingList,
    path: String,
) -> Result<Written> {
    desk_ops::hosting::export_hosting_list(&*desk.store()?, &delegation_id, list, Path::new(&path))
}

/// Prints a hosting paper (programme, transfers, rooming, badges, tent cards, letters) as PDF
/// where the user chose.
#[tauri::command]
pub fn export_hosting_paper(
    desk: State<'_, Desk>,
    delegation_id: String,
    paper: HostingPaper,
    languages: Vec<Language>,
    path: String,
) -> Result<Written> {
    desk_ops::hosting::export_hosting_paper(
        &*desk.store()?,
        &delegation_id,
        paper,
        &languages,
        Path::new(&path),
    )
}
