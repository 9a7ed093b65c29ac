//! Attachments and the mission report (editor, versions, preview, PDF).

use super::prelude::*;

commands! {
    pub fn list_attachments(desk, delegation_id: String) -> Vec<Attachment> {
        Ok(desk.store()?.attachments(&delegation_id)?)
    }

    /// Attaches a file the user chose in the system dialog or dropped on the window. Its size is
    /// checked before a byte is read.
    pub fn add_attachment_file(desk, input: AttachmentInput, file: String) -> Attachment {
        let path = desk.chosen.take_to_read(&file)?;
        let max = desk_domain::attachment::MAX_BYTES as u64;
        let content = desk_ops::files::read_file(&path, "file", max)?;
        let mut input = input;
        if input.file_name.trim().is_empty() {
            input.file_name = crate::files::file_name(&path);
        }
        let prepared = desk_ops::PreparedAttachment::new(input, content)?;
        prepared.save(&mut *desk.store()?)
    }

    /// The attachment as a `data:` URL, for previews inside the window.
    pub fn attachment_data_url(desk, id: String) -> String {
        let store = desk.store()?;
        let attachment: Attachment = store.get(&id)?;
        let content = store.attachment_content(&id)?;
        Ok(crate::files::data_url(&attachment.media_type, &content))
    }

    pub fn update_attachment(desk, id: String, kind: String, caption: String) -> Attachment {
        Ok(desk.store()?.update_attachment(&id, &kind, &caption)?)
    }

    pub fn remove_attachment(desk, id: String) -> () {
        Ok(desk.store()?.remove_attachment(&id)?)
    }

    pub fn get_report(desk, delegation_id: String) -> Option<MissionReport> {
        Ok(desk.store()?.report(&delegation_id)?)
    }

    pub fn start_report(desk, delegation_id: String) -> MissionReport {
        Ok(desk.store()?.start_report(&delegation_id)?)
    }

    pub fn save_report(desk, id: String, input: MissionReportInput) -> MissionReport {
        Ok(desk.store()?.save_report(&id, &input)?)
    }

    pub fn finalise_report(desk, id: String) -> MissionReport {
        Ok(desk.store()?.finalise_report(&id)?)
    }

    pub fn reopen_report(desk, id: String, reason: String) -> MissionReport {
        Ok(desk.store()?.reopen_report(&id, &reason)?)
    }

    pub fn report_versions(desk, report_id: String) -> Vec<ReportVersion> {
        Ok(desk.store()?.report_versions(&report_id)?)
    }

    /// The report laid out exactly as it will print, for the preview beside the editor.
    pub fn report_preview(desk, delegation_id: String, language: Language) -> DocumentPreview {
        desk_ops::mission_preview(&*desk.store()?, &delegation_id, language)
    }

    /// Writes the report as PDF to the path the user chose, and keeps that state as a version.
    pub fn export_report_pdf(
        desk,
        delegation_id: String,
        language: Language,
        file: String,
    ) -> ReportVersion {
        let path = desk.chosen.take_to_write(&file)?;
        let (version, _) =
            desk_ops::export_mission_report(&mut *desk.store()?, &delegation_id, language, &path)?;
        Ok(version)
    }

    /// The printers the system offers, for the window's print dialog.
    pub fn list_printers(_desk) -> Vec<print::Printer> {
        desk_ops::print::printer_list()
    }

    /// Draws a paper and sends it to the printer chosen in the print dialog (A4, 100 %). The
    /// document goes to the print service in memory: no file is written for it.
    pub fn print_paper(desk, paper: print::Paper, how: print::PrintRequest) -> () {
        let how = how.validate()?;
        desk_ops::print::print_paper(&mut *desk.store()?, &paper, &how).map(|_| ())
    }
}
