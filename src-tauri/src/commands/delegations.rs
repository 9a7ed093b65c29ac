//! Delegations and what spans them: the list, statuses, the trash, search, the calendar,
//! settings, the audit trail and the agenda.

use super::prelude::*;

#[tauri::command]
pub fn app_info(desk: State<'_, Desk>) -> Result<AppInfo> {
    desk.info()
}

/// True on a database with no records yet: Today then offers a way in.
#[tauri::command]
pub fn is_empty(desk: State<'_, Desk>) -> Result<bool> {
    Ok(desk.store()?.is_empty()?)
}

/// The demo data set, into an empty database only (it is illustrative).
#[tauri::command]
pub fn load_demo(desk: State<'_, Desk>) -> Result<()> {
    desk_ops::load_demo_into_empty(&mut *desk.store()?)
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

/// Everything that needs attention, as of `today` (ISO; the computer's date by default).
#[tauri::command]
pub fn agenda(desk: State<'_, Desk>, today: Option<String>) -> Result<Vec<AgendaItem>> {
    let today = match today {
        Some(day) => crate::files::iso_date("today", &day)?,
        None => chrono::Local::now().date_naive(),
    };
    Ok(desk.store()?.agenda(today)?)
}
