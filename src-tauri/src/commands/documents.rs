//! Attachments and the mission report (editor, versions, preview, PDF).

use super::prelude::*;

#[tauri::command]
pub fn list_attachments(desk: State<'_, Desk>, delegation_id: String) -> Result<Vec<Attachment>> {
    crate::state::guarded(|| Ok(desk.store()?.attachments(&delegation_id)?))
}

/// Attaches a file the user chose in the system dialog or dropped on the window. Its size is
/// checked before a byte is read.
#[tauri::command]
pub fn add_attachment_file(
    desk: State<'_, Desk>,
    input: AttachmentInput,
    file: String,
) -> Result<Attachment> {
    crate::state::guarded(|| {
        let path = desk.chosen.take_to_read(&file)?;
        let max = desk_domain::attachment::MAX_BYTES as u64;
        let content = desk_ops::files::read_file(&path, "file", max)?;
        let mut input = input;
        if input.file_name.trim().is_empty() {
            input.file_name = crate::files::file_name(&path);
        }
        let prepared = desk_ops::PreparedAttachment::new(input, content)?;
        prepared.save(&mut *desk.store()?)
    })
}

/// The attachment as a `data:` URL, for previews inside the window.
#[tauri::command]
pub fn attachment_data_url(desk: State<'_, Desk>, id: String) -> Result<String> {
    crate::state::guarded(|| {
        let store = desk.store()?;
        let attachment: Attachment = store.get(&id)?;
        let content = store.attachment_content(&id)?;
        Ok(crate::files::data_url(&attachment.media_type, &content))
    })
}

#[tauri::command]
pub fn update_attachment(
    desk: State<'_, Desk>,
    id: String,
    kind: String,
    caption: String,
) -> Result<Attachment> {
    crate::state::guarded(|| Ok(desk.store()?.update_attachment(&id, &kind, &caption)?))
}

#[tauri::command]
pub fn remove_attachment(desk: State<'_, Desk>, id: String) -> Result<()> {
    crate::state::guarded(|| Ok(desk.store()?.remove_attachment(&id)?))
}

#[tauri::command]
pub fn get_report(desk: State<'_, Desk>, delegation_id: String) -> Result<Option<MissionReport>> {
    crate::state::guarded(|| Ok(desk.store()?.report(&delegation_id)?))
}

#[tauri::command]
pub fn start_report(desk: State<'_, Desk>, delegation_id: String) -> Result<MissionReport> {
    crate::state::guarded(|| Ok(desk.store()?.start_report(&delegation_id)?))
}

#[tauri::command]
pub fn save_report(
    desk: State<'_, Desk>,
    id: String,
    input: MissionReportInput,
) -> Result<MissionReport> {
    crate::state::guarded(|| Ok(desk.store()?.save_report(&id, &input)?))
}

#[tauri::command]
pub fn finalise_report(desk: State<'_, Desk>, id: String) -> Result<MissionReport> {
    crate::state::guarded(|| Ok(desk.store()?.finalise_report(&id)?))
}

#[tauri::command]
pub fn reopen_report(desk: State<'_, Desk>, id: String, reason: String) -> Result<MissionReport> {
    crate::state::guarded(|| Ok(desk.store()?.reopen_report(&id, &reason)?))
}

#[tauri::command]
pub fn report_versions(desk: State<'_, Desk>, report_id: String) -> Result<Vec<ReportVersion>> {
    crate::state::guarded(|| Ok(desk.store()?.report_versions(&report_id)?))
}

/// The report laid out exactly as it will print, for the preview beside the editor.
#[tauri::command]
pub fn report_preview(
    desk: State<'_, Desk>,
    delegation_id: String,
    language: Language,
) -> Result<DocumentPreview> {
    crate::state::guarded(|| desk_ops::mission_preview(&*desk.store()?, &delegation_id, language))
}

/// Writes the report as PDF to the path the user chose, and keeps that state as a version.
#[tauri::command]
pub fn export_report_pdf(
    desk: State<'_, Desk>,
    delegation_id: String,
    language: Language,
    file: String,
) -> Result<ReportVersion> {
    crate::state::guarded(|| {
        let path = desk.chosen.take_to_write(&file)?;
        let (version, _) =
            desk_ops::export_mission_report(&mut *desk.store()?, &delegation_id, language, &path)?;
        Ok(version)
    })
}

/// The printers the system offers, for the window's print dialog.
#[tauri::command]
pub fn list_printers() -> Result<Vec<print::Printer>> {
    crate::state::guarded(desk_ops::print::printer_list)
}

/// Draws a paper and sends it to the printer chosen in the print dialog (A4, 100 %). The
/// document goes to the print service in memory: no file is written for it.
#[tauri::command]
pub fn print_paper(
    desk: State<'_, Desk>,
    paper: print::Paper,
    how: print::PrintRequest,
) -> Result<()> {
    crate::state::guarded(|| {
        let how = how.validate()?;
        desk_ops::print::print_paper(&mut *desk.store()?, &paper, &how).map(|_| ())
    })
}
