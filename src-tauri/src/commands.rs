//! The IPC commands. Each is thin: take the input, call one store operation, return the
//! record or the `{ kind, message, violations }` error. Rules live in `desk-domain`.

use desk_domain::{Delegation, Error, NewDelegation};
use tauri::State;

use crate::state::Desk;

#[tauri::command]
pub fn list_delegations(desk: State<'_, Desk>) -> Result<Vec<Delegation>, Error> {
    Ok(desk.store()?.list_delegations()?)
}

#[tauri::command]
pub fn create_delegation(desk: State<'_, Desk>, input: NewDelegation) -> Result<Delegation, Error> {
    Ok(desk.store()?.create_delegation(&input)?)
}
