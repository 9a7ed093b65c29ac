//! The hosting kit: guest lists, rooms, transfers, check-in, duties and papers.

use super::prelude::*;

/// Reads the guest file the user chose (in the system dialog or by dropping it) after
/// checking its size, and previews it: every problem by row and column; nothing is written.
#[tauri::command]
pub fn preview_guest_file(
    desk: State<'_, Desk>,
    delegation_id: String,
    file: String,
    sheet: Option<String>,
    mapping: Option<GuestMapping>,
) -> Result<GuestFilePreview> {
    crate::state::guarded(|| {
        let (name, bytes) = crate::files::guest_file(&desk.chosen.to_read(&file)?)?;
        desk_ops::hosting::guest_preview(
            &*desk.store()?,
            &delegation_id,
            &name,
            &bytes,
            sheet,
            mapping,
        )
    })
}

/// Imports the guest file: all or nothing, or leaving out the rows with problems.
#[tauri::command]
pub fn import_guest_file(
    desk: State<'_, Desk>,
    delegation_id: String,
    file: String,
    sheet: Option<String>,
    mapping: Option<GuestMapping>,
    skip_invalid: bool,
) -> Result<GuestImported> {
    crate::state::guarded(|| {
        let (name, bytes) = crate::files::guest_file(&desk.chosen.to_read(&file)?)?;
        desk_ops::hosting::guest_import(
            &mut *desk.store()?,
            &delegation_id,
            &name,
            &bytes,
            sheet,
            mapping,
            skip_invalid,
        )
    })
}

#[tauri::command]
pub fn list_guests(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<GuestRecord>> {
    crate::state::guarded(|| Ok(desk.store()?.guests(&delegation_id)?))
}

#[tauri::command]
pub fn check_in(
    desk: State<'_, Desk>,
    delegation_id: String,
    person_id: String,
) -> Result<CheckIn> {
    crate::state::guarded(|| {
        Ok(desk
            .store()?
            .set_arrival(&delegation_id, &person_id, true)?)
    })
}

#[tauri::command]
pub fn undo_check_in(
    desk: State<'_, Desk>,
    delegation_id: String,
    person_id: String,
) -> Result<CheckIn> {
    crate::state::guarded(|| {
        Ok(desk
            .store()?
            .set_arrival(&delegation_id, &person_id, false)?)
    })
}

#[tauri::command]
pub fn default_checklist() -> Result<ChecklistTemplate> {
    crate::state::guarded(|| Ok(desk_store::default_checklist()?))
}

/// Adds the default hosting checklist's duties as tasks, due counting back from day one.
#[tauri::command]
pub fn apply_checklist(
    desk: State<'_, Desk>,
    delegation_id: String,
    assignee_id: Option<String>,
    language: Language,
) -> Result<ChecklistApplied> {
    crate::state::guarded(|| {
        let template = desk_store::default_checklist()?;
        Ok(desk.store()?.apply_checklist(
            &delegation_id,
            &template,
            assignee_id.as_deref().filter(|id| !id.is_empty()),
            language,
        )?)
    })
}

#[tauri::command]
pub fn generate_transfers(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<Transfer>> {
    crate::state::guarded(|| Ok(desk.store()?.generate_transfers(&delegation_id)?))
}

#[tauri::command]
pub fn transfer_board(desk: State<'_, Desk>, delegation_id: String) -> Result<TransferBoard> {
    crate::state::guarded(|| Ok(desk.store()?.transfer_board(&delegation_id)?))
}

#[tauri::command]
pub fn rooming_list(desk: State<'_, Desk>, delegation_id: String) -> Result<RoomingList> {
    crate::state::guarded(|| Ok(desk.store()?.rooming_list(&delegation_id)?))
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
    crate::state::guarded(|| {
        Ok(desk.store()?.move_guest(
            &delegation_id,
            &person_id,
            from_stay_id.as_deref(),
            to_stay_id.as_deref(),
        )?)
    })
}

#[tauri::command]
pub fn programme_days(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<ProgrammeDay>> {
    crate::state::guarded(|| Ok(desk.store()?.programme_days(&delegation_id)?))
}

/// Writes the guest, rooming or transfer list as XLSX or CSV where the user chose.
#[tauri::command]
pub fn export_hosting_list(
    desk: State<'_, Desk>,
    delegation_id: String,
    list: HostingList,
    file: String,
) -> Result<Written> {
    crate::state::guarded(|| {
        let path = desk.chosen.take_to_write(&file)?;
        desk_ops::hosting::export_hosting_list(&*desk.store()?, &delegation_id, list, &path)
    })
}

/// Prints a hosting paper (programme, transfers, rooming, badges, tent cards, letters) as PDF
/// where the user chose.
#[tauri::command]
pub fn export_hosting_paper(
    desk: State<'_, Desk>,
    delegation_id: String,
    paper: HostingPaper,
    languages: Vec<Language>,
    file: String,
) -> Result<Written> {
    crate::state::guarded(|| {
        let path = desk.chosen.take_to_write(&file)?;
        desk_ops::hosting::export_hosting_paper(
            &*desk.store()?,
            &delegation_id,
            paper,
            &languages,
            &path,
        )
    })
}
