//! The office's settings: report defaults, deadlines and warning thresholds. Stored in the
//! database (so that they travel with an export), edited in the Settings screen.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::check::Check;
use crate::error::{Error, Rule};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Settings {
    /// "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH": the parent agency on the report's header.
    pub parent_agency: String,
    /// "THƯ VIỆN QUỐC GIA VIỆT NAM".
    pub agency: String,
    /// The same two in English for English documents.
    pub parent_agency_en: String,
    pub agency_en: String,
    /// The suffix of report numbers: "BC-TVQG" gives "05/BC-TVQG".
    pub report_number_prefix: String,
    /// "Hà Nội".
    pub place: String,
    pub place_en: String,
    /// Default "Kính gửi" recipients, one per line.
    pub report_recipients: Vec<String>,
    /// Default "Nơi nhận" lines.
    pub report_received_by: Vec<String>,
    /// Who signs the office's papers (annual report, estimates, settlements, letters): on
    /// whose behalf ("KT. GIÁM ĐỐC"), the position ("PHÓ GIÁM ĐỐC") and the full name printed
    /// under the space for the signature and seal.
    pub signatory_authority: String,
    pub signatory_position: String,
    pub signatory_name: String,
    /// The same three for English papers ("P.P. THE DIRECTOR", "DEPUTY DIRECTOR", the name as
    /// in the passport). Empty: the usual Vietnamese forms are translated and the name is
    /// written in its passport form.
    pub signatory_authority_en: String,
    pub signatory_position_en: String,
    pub signatory_name_en: String,
    /// "Kính gửi" and "Nơi nhận" lines for English papers; empty: the Vietnamese lines, with
    /// the usual fixed phrases ("Như trên", "Lưu: …") translated.
    pub report_recipients_en: Vec<String>,
    pub report_received_by_en: Vec<String>,
    /// A mission report is due this many days after the return.
    pub report_due_days: u32,
    /// A settlement is due this many days after the return.
    pub settlement_due_days: u32,
    /// Warn when a passport expires less than this many months after the return.
    pub passport_months: u32,
    /// Warn when a visa is not granted this many days before departure.
    pub visa_days: u32,
    /// The request to host a delegation is due this many days before it arrives.
    pub hosting_request_days: u32,
    /// ... or this many when the Prime Minister decides.
    pub pm_hosting_request_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            parent_agency: "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH".into(),
            agency: "THƯ VIỆN QUỐC GIA VIỆT NAM".into(),
            parent_agency_en: "MINISTRY OF CULTURE, SPORTS AND TOURISM".into(),
            agency_en: "NATIONAL LIBRARY OF VIET NAM".into(),
            report_number_prefix: "BC-TVQG".into(),
            place: "Hà Nội".into(),
            place_en: "Ha Noi".into(),
            report_recipients: vec!["Lãnh đạo Bộ Văn hóa, Thể thao và Du lịch".into()],
            report_received_by: vec![
                "Như trên".into(),
                "Vụ Hợp tác quốc tế".into(),
                "Lưu: VT, HTQT".into(),
            ],
            signatory_authority: "KT. GIÁM ĐỐC".into(),
            signatory_position: "PHÓ GIÁM ĐỐC".into(),
            signatory_name: String::new(),
            signatory_authority_en: "P.P. THE DIRECTOR".into(),
            signatory_position_en: "DEPUTY DIRECTOR".into(),
            signatory_name_en: String::new(),
            report_recipients_en: vec![
                "The Leadership of the Ministry of Culture, Sports and Tourism".into(),
            ],
            report_received_by_en: vec![
                "As above".into(),
                "International Cooperation Department".into(),
                "Filed: VT, HTQT".into(),
            ],
            report_due_days: 15,
            settlement_due_days: 30,
            passport_months: 6,
            visa_days: 21,
            hosting_request_days: 30,
            pm_hosting_request_days: 40,
        }
    }
}

impl Settings {
    /// Cleans text fields and checks the numbers are sensible.
    pub fn validated(&self) -> Result<Self, Error> {
        let mut check = Check::new();
        let mut out = self.clone();
        for (field, label, value) in [
            ("parent_agency", "Parent agency", &mut out.parent_agency),
            ("agency", "Agency", &mut out.agency),
            (
                "parent_agency_en",
                "Parent agency (English)",
                &mut out.parent_agency_en,
            ),
            ("agency_en", "Agency (English)", &mut out.agency_en),
            ("place", "Place", &mut out.place),
            ("place_en", "Place (English)", &mut out.place_en),
            (
                "signatory_authority",
                "Signing authority",
                &mut out.signatory_authority,
            ),
            (
                "signatory_position",
                "Signatory's position",
                &mut out.signatory_position,
            ),
            ("signatory_name", "Signatory", &mut out.signatory_name),
            (
                "signatory_authority_en",
                "Signing authority (English)",
                &mut out.signatory_authority_en,
            ),
            (
                "signatory_position_en",
                "Signatory's position (English)",
                &mut out.signatory_position_en,
            ),
            (
                "signatory_name_en",
                "Signatory (English)",
                &mut out.signatory_name_en,
            ),
        ] {
            *value = check.optional(field, label, value);
        }
        out.agency = check.required("agency", "Agency", &out.agency);
        out.report_number_prefix = check.required(
            "report_number_prefix",
            "Number prefix",
            &out.report_number_prefix,
        );
        for (field, label, value, max) in [
            (
                "report_due_days",
                "Report deadline",
                out.report_due_days,
                365,
            ),
            (
                "settlement_due_days",
                "Settlement deadline",
                out.settlement_due_days,
                365,
            ),
            (
                "passport_months",
                "Passport validity",
                out.passport_months,
                36,
            ),
            ("visa_days", "Visa warning", out.visa_days, 365),
            (
                "hosting_request_days",
                "Request to host",
                out.hosting_request_days,
                365,
            ),
            (
                "pm_hosting_request_days",
                "Request to host (Prime Minister)",
                out.pm_hosting_request_days,
                365,
            ),
        ] {
            if value > max {
                check.fail(
                    field,
                    Rule::OutOfRange,
                    format!("{label} must be between 0 and {max}"),
                );
            }
        }
        let clean = |lines: &[String]| -> Vec<String> {
            lines
                .iter()
                .map(|l| crate::text::clean(l))
                .filter(|l| !l.is_empty())
                .collect()
        };
        out.report_recipients = clean(&out.report_recipients);
        out.report_received_by = clean(&out.report_received_by);
        out.report_recipients_en = clean(&out.report_recipients_en);
        out.report_received_by_en = clean(&out.report_received_by_en);
        check.finish(|| Some(out))
    }
}
