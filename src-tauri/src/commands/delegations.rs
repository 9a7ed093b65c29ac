//! Delegations and what spans them: the list, statuses, the trash, search, the calendar,
//! settings, the audit trail and the agenda.

use super::prelude::*;

#[tauri::command]
pub fn app_info(desk: State<'_, Desk>) -> Result<AppInfo> {
    crate::state::guarded(|| desk.info())
}

/// True on a database with no records yet: Today then offers a way in.
#[tauri::command]
pub fn is_empty(desk: State<'_, Desk>) -> Result<bool> {
    crate::state::guarded(|| Ok(desk.store()?.is_empty()?))
}

/// The demo data set, into an empty database only (it is illustrative).
#[tauri::command]
pub fn load_demo(desk: State<'_, Desk>) -> Result<()> {
    crate::state::guarded(|| desk_ops::load_demo_into_empty(&mut *desk.store()?))
}

#[tauri::command]
pub fn list_delegations(
    desk: State<'_, Desk>,
    filter: DelegationFilter,
    page: PageRequest,
) -> Result<Page<Delegation>> {
    crate::state::guarded(|| Ok(desk.store()?.delegation_page(&filter, &page.for_window())?))
}

#[tauri::command]
pub fn get_delegation(desk: State<'_, Desk>, id: String) -> Result<Delegation> {
    crate::state::guarded(|| Ok(desk.store()?.delegation(&id)?))
}

#[tauri::command]
pub fn create_delegation(desk: State<'_, Desk>, input: DelegationInput) -> Result<Delegation> {
    crate::state::guarded(|| Ok(desk.store()?.create_delegation(&input)?))
}

#[tauri::command]
pub fn update_delegation(
    desk: State<'_, Desk>,
    id: String,
    input: DelegationInput,
) -> Result<Delegation> {
    crate::state::guarded(|| Ok(desk.store()?.update_delegation(&id, &input)?))
}

#[tauri::command]
pub fn set_delegation_status(
    desk: State<'_, Desk>,
    id: String,
    status: DelegationStatus,
) -> Result<Delegation> {
    crate::state::guarded(|| Ok(desk.store()?.set_delegation_status(&id, status)?))
}

#[tauri::command]
pub fn duplicate_delegation(
    desk: State<'_, Desk>,
    id: String,
    title: String,
) -> Result<Delegation> {
    crate::state::guarded(|| Ok(desk.store()?.duplicate_delegation(&id, &title)?))
}

#[tauri::command]
pub fn trash_delegation(desk: State<'_, Desk>, id: String) -> Result<Delegation> {
    crate::state::guarded(|| Ok(desk.store()?.trash_delegation(&id)?))
}

#[tauri::command]
pub fn restore_delegation(desk: State<'_, Desk>, id: String) -> Result<Delegation> {
    crate::state::guarded(|| Ok(desk.store()?.restore_delegation(&id)?))
}

#[tauri::command]
pub fn purge_delegation(desk: State<'_, Desk>, id: String) -> Result<()> {
    crate::state::guarded(|| Ok(desk.store()?.purge_delegation(&id)?))
}

#[tauri::command]
pub fn search(desk: State<'_, Desk>, query: String, limit: u32) -> Result<Vec<SearchGroup>> {
    crate::state::guarded(|| Ok(desk.store()?.search(&query, limit.clamp(1, 200) as usize)?))
}

/// Delegations touching the days `from..=to` (ISO dates), with who is away.
#[tauri::command]
pub fn calendar(desk: State<'_, Desk>, from: String, to: String) -> Result<Vec<CalendarEntry>> {
    crate::state::guarded(|| {
        let from = desk_domain::check::date_argument("from", "from", &from)?;
        let to = desk_domain::check::date_argument("to", "to", &to)?;
        Ok(desk.store()?.calendar(from, to)?)
    })
}

#[tauri::command]
pub fn get_settings(desk: State<'_, Desk>) -> Result<Settings> {
    crate::state::guarded(|| Ok(desk.store()?.settings()?))
}

#[tauri::command]
pub fn save_settings(desk: State<'_, Desk>, settings: Settings) -> Result<Settings> {
    crate::state::guarded(|| Ok(desk.store()?.save_settings(&settings)?))
}

#[tauri::command]
pub fn audit_of(desk: State<'_, Desk>, entity: String, id: String) -> Result<Vec<AuditEntry>> {
    crate::state::guarded(|| Ok(desk.store()?.audit_of(&entity, &id)?))
}

/// Everything that needs attention, as of `today` (ISO; the computer's date by default),
/// or only what is about one delegation (its page).
#[tauri::command]
pub fn agenda(
    desk: State<'_, Desk>,
    today: Option<String>,
    delegation_id: Option<String>,
) -> Result<Vec<AgendaItem>> {
    crate::state::guarded(|| {
        let today = day_or_today(today)?;
        let store = desk.store()?;
        Ok(match delegation_id {
            Some(id) => store.agenda_of(today, &id)?,
            None => store.agenda(today)?,
        })
    })
}

/// The day the page named (ISO), else the computer's date.
fn day_or_today(day: Option<String>) -> Result<chrono::NaiveDate> {
    Ok(match day {
        Some(day) => desk_domain::check::date_argument("today", "today", &day)?,
        None => chrono::Local::now().date_naive(),
    })
}

/// The Today screen's agenda as of `today` (ISO; the computer's date by default): the first
/// lines of each section, as many as `shown` says, and how many each section holds.
#[tauri::command]
pub fn today_agenda(
    desk: State<'_, Desk>,
    today: Option<String>,
    shown: SectionCounts,
) -> Result<AgendaSections> {
    crate::state::guarded(|| {
        let items = desk.agenda(day_or_today(today)?)?;
        Ok(AgendaSections::first(items, shown))
    })
}

/// Reads the office's history file the user chose and previews it against the record:
/// every problem by row and column, trips already recorded, names that may be known
/// people. Nothing is written.
#[tauri::command]
pub fn preview_history_file(
    desk: State<'_, Desk>,
    file: String,
    sheet: Option<String>,
    mapping: Option<history::HistoryMapping>,
    decisions: history::PeopleDecisions,
) -> Result<history::HistorySheet> {
    crate::state::guarded(|| {
        let (name, bytes) = history_file(&desk.chosen.to_read(&file)?)?;
        let request = desk_ops::history::HistoryRequest {
            sheet,
            mapping,
            decisions,
        };
        desk_ops::history::history_preview(&*desk.store()?, &name, &bytes, &request)
    })
}

/// Imports the office's history file: all or nothing, or leaving out the rows with
/// problems, after a verified backup; the rows done go to `on_progress`, and `cancel_work`
/// with `work` stops it with nothing written.
// Tauri takes a command's arguments one by one, as the page names them.
#[allow(clippy::too_many_arguments)]
#[tauri::command]
pub fn import_history_file(
    desk: State<'_, Desk>,
    file: String,
    sheet: Option<String>,
    mapping: Option<history::HistoryMapping>,
    decisions: history::PeopleDecisions,
    skip_invalid: bool,
    work: String,
    on_progress: tauri::ipc::Channel<progress::Progress>,
) -> Result<history::HistoryImported> {
    crate::state::guarded(|| {
        // Watched from the start: a Cancel while the file is read is heard too.
        let watch = desk.work.start(&work, &on_progress);
        let (name, bytes) = history_file(&desk.chosen.to_read(&file)?)?;
        let request = desk_ops::history::HistoryRequest {
            sheet,
            mapping,
            decisions,
        };
        desk_ops::history::history_import(
            &mut *desk.store()?,
            &name,
            &bytes,
            &request,
            skip_invalid,
            &watch,
        )
    })
}

/// The history file's name and bytes, refused before reading when it is not a regular file
/// or is larger than the history reader accepts.
fn history_file(path: &std::path::Path) -> Result<(String, Vec<u8>)> {
    let max = desk_ops::history::max_history_file_bytes();
    Ok((
        crate::files::file_name(path),
        desk_ops::files::read_file(path, "file", max)?,
    ))
}
