//! The hosting kit: guest lists, rooms, transfers, check-in, duties and papers.

use super::prelude::*;

commands! {
    /// Reads the guest file the user chose (in the system dialog or by dropping it) after
    /// checking its size, and previews it: every problem by row and column; nothing is written.
    pub fn preview_guest_file(
        desk,
        delegation_id: String,
        file: String,
        sheet: Option<String>,
        mapping: Option<GuestMapping>,
    ) -> GuestFilePreview {
        let (name, bytes) = crate::files::guest_file(&desk.chosen.to_read(&file)?)?;
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
    pub fn import_guest_file(
        desk,
        delegation_id: String,
        file: String,
        sheet: Option<String>,
        mapping: Option<GuestMapping>,
        skip_invalid: bool,
    ) -> GuestImported {
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
    }

    pub fn list_guests(desk, delegation_id: String) -> Vec<GuestRecord> {
        Ok(desk.store()?.guests(&delegation_id)?)
    }

    pub fn check_in(desk, delegation_id: String, person_id: String) -> CheckIn {
        Ok(desk
            .store()?
            .set_arrival(&delegation_id, &person_id, true)?)
    }

    pub fn undo_check_in(desk, delegation_id: String, person_id: String) -> CheckIn {
        Ok(desk
            .store()?
            .set_arrival(&delegation_id, &person_id, false)?)
    }

    pub fn default_checklist(_desk) -> ChecklistTemplate {
        Ok(desk_store::default_checklist()?)
    }

    /// Adds the default hosting checklist's duties as tasks, due counting back from day one.
    pub fn apply_checklist(
        desk,
        delegation_id: String,
        assignee_id: Option<String>,
        language: Language,
    ) -> ChecklistApplied {
        let template = desk_store::default_checklist()?;
        Ok(desk.store()?.apply_checklist(
            &delegation_id,
            &template,
            assignee_id.as_deref().filter(|id| !id.is_empty()),
            language,
        )?)
    }

    pub fn generate_transfers(desk, delegation_id: String) -> Vec<Transfer> {
        Ok(desk.store()?.generate_transfers(&delegation_id)?)
    }

    pub fn transfer_board(desk, delegation_id: String) -> TransferBoard {
        Ok(desk.store()?.transfer_board(&delegation_id)?)
    }

    pub fn rooming_list(desk, delegation_id: String) -> RoomingList {
        Ok(desk.store()?.rooming_list(&delegation_id)?)
    }

    /// Moves a guest out of one room and into another in one transaction.
    pub fn move_guest(
        desk,
        delegation_id: String,
        person_id: String,
        from_stay_id: Option<String>,
        to_stay_id: Option<String>,
    ) -> Vec<Stay> {
        Ok(desk.store()?.move_guest(
            &delegation_id,
            &person_id,
            from_stay_id.as_deref(),
            to_stay_id.as_deref(),
        )?)
    }

    pub fn programme_days(desk, delegation_id: String) -> Vec<ProgrammeDay> {
        Ok(desk.store()?.programme_days(&delegation_id)?)
    }

    /// Writes the guest, rooming or transfer list as XLSX or CSV where the user chose.
    pub fn export_hosting_list(
        desk,
        delegation_id: String,
        list: HostingList,
        file: String,
    ) -> Written {
        let path = desk.chosen.take_to_write(&file)?;
        desk_ops::hosting::export_hosting_list(&*desk.store()?, &delegation_id, list, &path)
    }

    /// Prints a hosting paper (programme, transfers, rooming, badges, tent cards, letters) as PDF
    /// where the user chose.
    pub fn export_hosting_paper(
        desk,
        delegation_id: String,
        paper: HostingPaper,
        languages: Vec<Language>,
        file: String,
    ) -> Written {
        let path = desk.chosen.take_to_write(&file)?;
        desk_ops::hosting::export_hosting_paper(
            &*desk.store()?,
            &delegation_id,
            paper,
            &languages,
            &path,
        )
    }
}
