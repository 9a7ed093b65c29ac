//! Attachments and the mission report (editor, versions, preview, PDF).

use super::prelude::*;

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

/// The printers the system offers, for the window's print dialog.
#[tauri::command]
pub fn list_printers() -> Result<Vec<print::Printer>> {
    desk_ops::print::printer_list()
}

/// Draws a paper and sends it to the printer chosen in the print dialog (A4, 100 %). The
/// document goes to the print service in memory: no file is written for it.
#[tauri::command]
pub fn print_paper(
    desk: State<'_, Desk>,
    paper: print::Paper,
    how: print::PrintRequest,
) -> Result<()> {
    let how = how.validate()?;
    desk_ops::print::print_paper(&mut *desk.store()?, &paper, &how).map(|_| ())
}
