//! The IPC commands. Each is thin: take the input, call one store (or `desk-ops`) operation,
//! return the record or the `{ kind, message, violations }` error. Rules live in
//! `desk-domain`; the list of commands is `desk_domain::ipc::commands()`, from which the
//! UI's types and the window's permissions are generated. One module per area.

mod delegations;
mod documents;
mod files;
mod hosting;
mod money;
mod people;
mod records;
mod safety;
mod sign;
mod stats;
mod sync;
mod travel;

pub use delegations::*;
pub use documents::*;
pub use files::*;
pub use hosting::*;
pub use money::*;
pub use people::*;
pub use records::*;
pub use safety::*;
pub use sign::*;
pub use stats::*;
pub use sync::*;
pub use travel::*;

/// What every command module needs: the records, the state, the error.
mod prelude {

    pub use desk_domain::hosting::{
        CheckIn, ChecklistApplied, ChecklistTemplate, GuestFilePreview, GuestImported,
        GuestMapping, GuestRecord, HostingList, HostingPaper, ProgrammeDay, RoomingList,
        TransferBoard, Written,
    };
    pub use desk_domain::*;
    pub use tauri::State;

    pub use crate::state::Desk;

    pub type Result<T> = std::result::Result<T, Error>;
}
