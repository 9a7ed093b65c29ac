//! The mission report ("báo cáo kết quả chuyến công tác"): what every trip ends with.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::delegation::DelegationStatus;
use crate::error::{Error, ErrorKind, Rule};
use crate::named;

named! {
    #[derive(Default)]
    pub enum ReportStatus {
        #[default]
        Draft = "draft",
        Final = "final",
    }
}

named! {
    #[derive(Default)]
    pub enum Language {
        #[default]
        Vi = "vi",
        En = "en",
    }
}

/// A photo chosen for the report: an attachment and the caption printed under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportPhoto {
    pub attachment_id: String,
    pub caption: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MissionReport {
    pub id: String,
    pub delegation_id: String,
    pub language: Language,
    /// "05/BC-TVQG": the number as printed after "Số:".
    pub number: String,
    /// "Hà Nội".
    pub place: String,
    #[ts(type = "string")]
    pub report_date: NaiveDate,
    /// "Kính gửi": one line each.
    pub recipients: Vec<String>,
    /// 1. Purpose and requirements (rich text, see `richtext`).
    pub purpose: String,
    /// 3. Programme and activities: what is written beyond the programme items.
    pub activities: String,
    /// 4. Results.
    pub results: String,
    /// 5. Assessment.
    pub assessment: String,
    /// 6. Proposals.
    pub proposals: String,
    pub photos: Vec<ReportPhoto>,
    /// "Nơi nhận": one line each, the last usually "Lưu: VT, HTQT".
    pub received_by: Vec<String>,
    /// "KT. GIÁM ĐỐC" — empty when the head signs in their own name.
    pub signatory_authority: String,
    /// "PHÓ GIÁM ĐỐC".
    pub signatory_position: String,
    pub signatory_name: String,
    pub status: ReportStatus,
    /// Increases each time the report is saved; exported versions are kept.
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct MissionReportInput {
    /// `vi` (default) or `en`.
    pub language: String,
    pub number: String,
    pub place: String,
    pub report_date: String,
    pub recipients: Vec<String>,
    pub purpose: String,
    pub activities: String,
    pub results: String,
    pub assessment: String,
    pub proposals: String,
    pub photos: Vec<ReportPhoto>,
    pub received_by: Vec<String>,
    pub signatory_authority: String,
    pub signatory_position: String,
    pub signatory_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMissionReport {
    pub language: Language,
    pub number: String,
    pub place: String,
    pub report_date: NaiveDate,
    pub recipients: Vec<String>,
    pub purpose: String,
    pub activities: String,
    pub results: String,
    pub assessment: String,
    pub proposals: String,
    pub photos: Vec<ReportPhoto>,
    pub received_by: Vec<String>,
    pub signatory_authority: String,
    pub signatory_position: String,
    pub signatory_name: String,
}

fn lines(input: &[String]) -> Vec<String> {
    input
        .iter()
        .map(|l| crate::text::clean(l))
        .filter(|l| !l.is_empty())
        .collect()
}

impl MissionReportInput {
    /// Checks a draft: only what makes the record coherent. Empty sections are allowed
    /// while writing; [`check_complete`] is the stricter check for a final or exported
    /// report.
    pub fn validate(&self) -> Result<ValidMissionReport, Error> {
        let mut check = Check::new();
        let language = if self.language.trim().is_empty() {
            Some(Language::Vi)
        } else {
            check.one_of("language", "Language", &self.language, &Language::choices())
        };
        let number = check.optional("number", "Number", &self.number);
        let place = check.optional("place", "Place", &self.place);
        let report_date = check.date("report_date", "Report date", &self.report_date);
        let purpose = check.multiline("purpose", "Purpose", &self.purpose);
        let activities = check.multiline("activities", "Activities", &self.activities);
        let results = check.multiline("results", "Results", &self.results);
        let assessment = check.multiline("assessment", "Assessment", &self.assessment);
        let proposals = check.multiline("proposals", "Proposals", &self.proposals);
        let signatory_authority = check.optional(
            "signatory_authority",
            "Signing authority",
            &self.signatory_authority,
        );
        let signatory_position = check.optional(
            "signatory_position",
            "Signatory's position",
            &self.signatory_position,
        );
        let signatory_name = check.optional("signatory_name", "Signatory", &self.signatory_name);
        let photos = self
            .photos
            .iter()
            .map(|p| ReportPhoto {
                attachment_id: p.attachment_id.trim().to_owned(),
                caption: crate::text::clean(&p.caption),
            })
            .collect();
        check.finish(|| {
            Some(ValidMissionReport {
                language: language?,
                number,
                place,
                report_date: report_date?,
                recipients: lines(&self.recipients),
                purpose,
                activities,
                results,
                assessment,
                proposals,
                photos,
                received_by: lines(&self.received_by),
                signatory_authority,
                signatory_position,
                signatory_name,
            })
        })
    }
}

impl MissionReport {
    pub fn to_input(&self) -> MissionReportInput {
        MissionReportInput {
            language: self.language.as_str().to_owned(),
            number: self.number.clone(),
            place: self.place.clone(),
            report_date: self.report_date.to_string(),
            recipients: self.recipients.clone(),
            purpose: self.purpose.clone(),
            activities: self.activities.clone(),
            results: self.results.clone(),
            assessment: self.assessment.clone(),
            proposals: self.proposals.clone(),
            photos: self.photos.clone(),
            received_by: self.received_by.clone(),
            signatory_authority: self.signatory_authority.clone(),
            signatory_position: self.signatory_position.clone(),
            signatory_name: self.signatory_name.clone(),
        }
    }
}

/// What a report needs before it can be final or printed: a number, a place, the purpose
/// and the results written, someone to sign.
pub fn check_complete(report: &MissionReport) -> Result<(), Error> {
    let mut check = Check::new();
    for (field, label, value) in [
        ("number", "Number", &report.number),
        ("place", "Place", &report.place),
        ("purpose", "Purpose", &report.purpose),
        ("results", "Results", &report.results),
        ("signatory_name", "Signatory", &report.signatory_name),
    ] {
        if value.trim().is_empty() {
            check.fail(
                field,
                Rule::Required,
                format!("{label} must be filled in before the report is final or printed"),
            );
        }
    }
    check.finish(|| Some(()))
}

/// A report may be made final only after the trip is over.
pub fn check_can_finalise(
    report: &MissionReport,
    delegation_status: DelegationStatus,
) -> Result<(), Error> {
    if !delegation_status.has_returned() {
        return Err(Error::new(
            ErrorKind::Conflict,
            format!(
                "a mission report can be final only after the delegation has returned; it is {delegation_status}"
            ),
        )
        .coded("report_before_return", &[("status", delegation_status.as_str())]));
    }
    check_complete(report)
}

/// A final report is locked: it must be reopened (which is audited) before any change.
pub fn check_editable(report: &MissionReport) -> Result<(), Error> {
    if report.status == ReportStatus::Final {
        return Err(Error::new(
            ErrorKind::Conflict,
            "this mission report is final and locked; reopen it to change it",
        ));
    }
    Ok(())
}

/// The number of a report: the yearly counter, zero-padded to two digits, and the prefix
/// from the settings: (5, "BC-TVQG") → "05/BC-TVQG".
pub fn report_number(counter: u32, prefix: &str) -> String {
    format!("{counter:02}/{}", prefix.trim().trim_start_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(status: ReportStatus) -> MissionReport {
        MissionReport {
            id: "r".into(),
            delegation_id: "d".into(),
            language: Language::Vi,
            number: "05/BC-TVQG".into(),
            place: "Hà Nội".into(),
            report_date: NaiveDate::from_ymd_opt(2016, 9, 20).unwrap_or_default(),
            recipients: vec!["Bộ Văn hóa, Thể thao và Du lịch".into()],
            purpose: "Tham dự phiên họp.".into(),
            results: "Đoàn hoàn thành nhiệm vụ.".into(),
            photos: vec![],
            received_by: vec![],
            signatory_authority: "KT. GIÁM ĐỐC".into(),
            signatory_position: "PHÓ GIÁM ĐỐC".into(),
            signatory_name: "Nguyễn Văn A".into(),
            status,
            version: 1,
            ..Default::default()
        }
    }

    #[test]
    fn a_report_cannot_be_final_before_the_delegation_returns() {
        let r = report(ReportStatus::Draft);
        let error = check_can_finalise(&r, DelegationStatus::Underway).err();
        assert_eq!(error.map(|e| e.kind), Some(ErrorKind::Conflict));
        assert!(check_can_finalise(&r, DelegationStatus::Returned).is_ok());
    }

    #[test]
    fn a_final_report_needs_its_results_written() {
        let mut r = report(ReportStatus::Draft);
        r.results = "  ".into();
        let error = check_can_finalise(&r, DelegationStatus::Returned).err();
        assert_eq!(
            error.map(|e| e.violations[0].field.clone()),
            Some("results".into())
        );
    }

    #[test]
    fn a_final_report_is_locked() {
        assert!(check_editable(&report(ReportStatus::Final)).is_err());
        assert!(check_editable(&report(ReportStatus::Draft)).is_ok());
    }

    #[test]
    fn numbers_are_zero_padded() {
        assert_eq!(report_number(5, "BC-TVQG"), "05/BC-TVQG");
        assert_eq!(report_number(12, "/BC-TVQG"), "12/BC-TVQG");
    }
}
