//! People, organisations and the members of delegations.

use super::prelude::*;

#[tauri::command]
pub fn list_people(
    desk: State<'_, Desk>,
    filter: DirectoryFilter,
    page: PageRequest,
) -> Result<Page<Person>> {
    crate::state::guarded(|| Ok(desk.store()?.people_page(&filter, &page.for_window())?))
}

#[tauri::command]
pub fn get_person(desk: State<'_, Desk>, id: String) -> Result<PersonProfile> {
    crate::state::guarded(|| Ok(desk.store()?.person_profile(&id)?))
}

#[tauri::command]
pub fn create_person(desk: State<'_, Desk>, input: PersonInput) -> Result<Person> {
    crate::state::guarded(|| Ok(desk.store()?.create_person(&input)?))
}

#[tauri::command]
pub fn update_person(desk: State<'_, Desk>, id: String, input: PersonInput) -> Result<Person> {
    crate::state::guarded(|| Ok(desk.store()?.update_person(&id, &input)?))
}

#[tauri::command]
pub fn delete_person(desk: State<'_, Desk>, id: String) -> Result<()> {
    crate::state::guarded(|| Ok(desk.store()?.delete_person(&id)?))
}

#[tauri::command]
pub fn list_organisations(
    desk: State<'_, Desk>,
    filter: DirectoryFilter,
    page: PageRequest,
) -> Result<Page<Organisation>> {
    crate::state::guarded(|| {
        Ok(desk
            .store()?
            .organisation_page(&filter, &page.for_window())?)
    })
}

#[tauri::command]
pub fn get_organisation(desk: State<'_, Desk>, id: String) -> Result<Organisation> {
    crate::state::guarded(|| Ok(desk.store()?.organisation(&id)?))
}

#[tauri::command]
pub fn create_organisation(
    desk: State<'_, Desk>,
    input: OrganisationInput,
) -> Result<Organisation> {
    crate::state::guarded(|| Ok(desk.store()?.create_organisation(&input)?))
}

#[tauri::command]
pub fn update_organisation(
    desk: State<'_, Desk>,
    id: String,
    input: OrganisationInput,
) -> Result<Organisation> {
    crate::state::guarded(|| Ok(desk.store()?.update_organisation(&id, &input)?))
}

#[tauri::command]
pub fn delete_organisation(desk: State<'_, Desk>, id: String) -> Result<()> {
    crate::state::guarded(|| Ok(desk.store()?.delete_organisation(&id)?))
}

#[tauri::command]
pub fn list_members(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<MemberDetail>> {
    crate::state::guarded(|| Ok(desk.store()?.members(&delegation_id)?))
}

#[tauri::command]
pub fn add_member(
    desk: State<'_, Desk>,
    delegation_id: String,
    input: MemberInput,
) -> Result<MemberSaved> {
    crate::state::guarded(|| Ok(desk.store()?.add_member(&delegation_id, &input)?))
}

#[tauri::command]
pub fn update_member(desk: State<'_, Desk>, id: String, input: MemberInput) -> Result<MemberSaved> {
    crate::state::guarded(|| Ok(desk.store()?.update_member(&id, &input)?))
}

#[tauri::command]
pub fn remove_member(desk: State<'_, Desk>, id: String) -> Result<()> {
    crate::state::guarded(|| Ok(desk.store()?.remove_member(&id)?))
}
