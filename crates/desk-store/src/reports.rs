//! Mission reports: started from the record and the settings, autosaved as they are
//! written, versioned when exported or finalised, locked when final.

use chrono::{Datelike, Local};
use desk_domain::ReportVersion;
use desk_domain::report::{check_can_finalise, check_editable, report_number};
use desk_domain::{Delegation, Language, MissionReport, MissionReportInput, ReportStatus};

use crate::record;
use crate::write::Writer;
use crate::{Store, StoreError, new_id};

impl Store {
    /// The delegation's report, if one was started.
    pub fn report(&self, delegation_id: &str) -> Result<Option<MissionReport>, StoreError> {
        Ok(record::select::<MissionReport>(
            &self.conn,
            "delegation_id = ?1",
            "id",
            &[&delegation_id],
        )?
        .into_iter()
        .next())
    }

    /// The delegation's report, started now if there is none: numbered from the settings'
    /// prefix and the year's counter, dated today, addressed and signed as the settings say,
    /// its purpose taken from the delegation.
    pub fn start_report(&mut self, delegation_id: &str) -> Result<MissionReport, StoreError> {
        if let Some(existing) = self.report(delegation_id)? {
            return Ok(existing);
        }
        let delegation: Delegation = record::get(&self.conn, delegation_id)?;
        let settings = self.settings()?;
        let today = Local::now().date_naive();
        let year_prefix = format!("{:04}-%", today.year());
        let counter: i64 = self.conn.query_row(
            "SELECT count(*) FROM mission_report WHERE report_date LIKE ?1",
            [&year_prefix],
            |row| row.get(0),
        )?;
        let writer = self.writer()?;
        let report = MissionReport {
            id: new_id(),
            delegation_id: delegation.id.clone(),
            language: Language::Vi,
            number: report_number(
                u32::try_from(counter + 1).unwrap_or(1),
                &settings.report_number_prefix,
            ),
            place: settings.place.clone(),
            report_date: today,
            recipients: settings.report_recipients.clone(),
            purpose: delegation.purpose.clone(),
            received_by: settings.report_received_by.clone(),
            signatory_authority: settings.signatory_authority.clone(),
            signatory_position: settings.signatory_position.clone(),
            signatory_name: settings.signatory_name.clone(),
            status: ReportStatus::Draft,
            version: 1,
            created_at: writer.at.clone(),
            updated_at: writer.at.clone(),
            ..Default::default()
        };
        writer.create(&report)?;
        writer.commit()?;
        Ok(report)
    }

    /// Saves what the user wrote. A final report is refused until it is reopened.
    pub fn save_report(
        &mut self,
        id: &str,
        input: &MissionReportInput,
    ) -> Result<MissionReport, StoreError> {
        let valid = input.validate()?;
        let old: MissionReport = record::get(&self.conn, id)?;
        check_editable(&old)?;
        let writer = self.writer()?;
        let new = MissionReport {
            language: valid.language,
            number: valid.number,
            place: valid.place,
            report_date: valid.report_date,
            recipients: valid.recipients,
            purpose: valid.purpose,
            activities: valid.activities,
            results: valid.results,
            assessment: valid.assessment,
            proposals: valid.proposals,
            photos: valid.photos,
            received_by: valid.received_by,
            signatory_authority: valid.signatory_authority,
            signatory_position: valid.signatory_position,
            signatory_name: valid.signatory_name,
            version: old.version + 1,
            updated_at: writer.at.clone(),
            ..old.clone()
        };
        // The version only moves when something really changed.
        let unchanged = MissionReport {
            version: old.version,
            updated_at: old.updated_at.clone(),
            ..new.clone()
        } == old;
        if unchanged {
            return Ok(old);
        }
        writer.change(&old, &new)?;
        writer.commit()?;
        Ok(new)
    }

    /// Makes a report final: only once the delegation has returned and the required
    /// sections are written. The final state is kept as a version.
    pub fn finalise_report(&mut self, id: &str) -> Result<MissionReport, StoreError> {
        let old: MissionReport = record::get(&self.conn, id)?;
        let delegation: Delegation = record::get(&self.conn, &old.delegation_id)?;
        check_can_finalise(&old, delegation.status)?;
        if old.status == ReportStatus::Final {
            return Ok(old);
        }
        let writer = self.writer()?;
        let new = MissionReport {
            status: ReportStatus::Final,
            updated_at: writer.at.clone(),
            ..old.clone()
        };
        writer.change(&old, &new)?;
        keep_version(&writer, &new, "finalised")?;
        writer.commit()?;
        Ok(new)
    }

    /// Unlocks a final report for changes; the reopening is in the audit trail.
    pub fn reopen_report(&mut self, id: &str, reason: &str) -> Result<MissionReport, StoreError> {
        let old: MissionReport = record::get(&self.conn, id)?;
        if old.status == ReportStatus::Draft {
            return Ok(old);
        }
        let writer = self.writer()?;
        let new = MissionReport {
            status: ReportStatus::Draft,
            updated_at: writer.at.clone(),
            ..old.clone()
        };
        writer.change(&old, &new)?;
        writer.note("mission_report", id, "reopened", reason)?;
        keep_version(&writer, &old, "reopened")?;
        writer.commit()?;
        Ok(new)
    }

    /// Keeps the report's current state as a version (e.g. when it is exported as PDF).
    pub fn keep_report_version(
        &mut self,
        id: &str,
        reason: &str,
    ) -> Result<ReportVersion, StoreError> {
        let report: MissionReport = record::get(&self.conn, id)?;
        let writer = self.writer()?;
        let version = keep_version(&writer, &report, reason)?;
        writer.commit()?;
        Ok(version)
    }

    /// Every kept version of a report, the newest first.
    pub fn report_versions(&self, report_id: &str) -> Result<Vec<ReportVersion>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, report_id, version, reason, content, created_at FROM report_version
             WHERE report_id = ?1 ORDER BY rowid DESC",
        )?;
        let rows = stmt.query_map([report_id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, i64>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, report_id, version, reason, content, created_at) = row?;
            let report = serde_json::from_str(&content)
                .map_err(|e| StoreError::Corrupt(format!("report version {id}: {e}")))?;
            out.push(ReportVersion {
                id,
                report_id,
                version,
                reason,
                report,
                created_at,
            });
        }
        Ok(out)
    }
}

fn keep_version(
    writer: &Writer<'_>,
    report: &MissionReport,
    reason: &str,
) -> Result<ReportVersion, StoreError> {
    let content = serde_json::to_string(report).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let version = ReportVersion {
        id: new_id(),
        report_id: report.id.clone(),
        version: report.version,
        reason: reason.to_owned(),
        report: report.clone(),
        created_at: writer.at.clone(),
    };
    writer.put_report_version(&version, &content)?;
    Ok(version)
}

impl Store {
    /// Everything the delegation's report prints, read in one go. The report must exist.
    pub fn mission_report_data(
        &self,
        delegation_id: &str,
    ) -> Result<desk_domain::MissionReportData, StoreError> {
        let report = self
            .report(delegation_id)?
            .ok_or_else(|| StoreError::NotFound {
                what: "mission report of delegation",
                id: delegation_id.to_owned(),
            })?;
        let delegation: Delegation = record::get(&self.conn, delegation_id)?;
        let members = self.members(delegation_id)?;
        let organisation_names = self
            .list_organisations()?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        let programme = self.list::<desk_domain::ProgrammeItemInput>(delegation_id)?;
        let expenses = self
            .list::<desk_domain::ExpenseInput>(delegation_id)?
            .into_iter()
            .map(desk_domain::ExpenseView::of)
            .collect();
        let mut photos = Vec::with_capacity(report.photos.len());
        for photo in &report.photos {
            let bytes =
                match record::find::<desk_domain::Attachment>(&self.conn, &photo.attachment_id)? {
                    Some(_) => Some(self.attachment_for_print(&photo.attachment_id)?),
                    None => None,
                };
            photos.push((photo.clone(), bytes));
        }
        Ok(desk_domain::MissionReportData {
            settings: self.settings()?,
            report,
            delegation,
            members,
            organisation_names,
            programme,
            expenses,
            photos,
        })
    }
}
