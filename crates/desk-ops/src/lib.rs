//! Operations that span the store, the documents and the files: gather the records, build a
//! document or a calendar, write it to the file the user chose. The `desk` CLI and the
//! window's commands both call these, so a PDF printed from the terminal and one printed
//! from the window are the same document.
//!
//! Each function returns bytes or a string; writing goes through [`write_file`], which never
//! leaves half a file behind.

pub mod annual;
pub mod files;
pub mod history;
pub mod hosting;
pub mod print;
pub mod rates;
mod recovery;
pub mod sign;

/// The report's four faces: the window's preview is served the very bytes the PDFs embed.
pub use desk_report::FontFace;
pub use files::{mount_point, write_file, write_private_file};
pub use recovery::recovery_sheet;

use std::path::Path;

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Utc};
use desk_domain::{
    Attachment, AttachmentInput, AttachmentKind, Error, ErrorKind, Estimate, EstimateRequest,
    Language, ProgrammeItemInput, ReportVersion, Rule, Settlement, Violation,
};
use desk_report::{ItineraryDocument, OfficialHead};
use desk_store::Store;

/// A file ready to attach: checked, and for a JPEG or PNG its print rendition made (the
/// papers print it; the original stays as attached). Made before the store is locked, since
/// decoding a 12-megapixel photo takes a moment.
pub struct PreparedAttachment {
    input: AttachmentInput,
    content: Vec<u8>,
    print: Option<Vec<u8>>,
}

impl PreparedAttachment {
    /// Checks the file and makes the rendition. A photo that cannot be decoded, or is too
    /// large to decode safely, is refused with the reason; another kind of file that merely
    /// looks like an image is kept without a rendition.
    pub fn new(input: AttachmentInput, content: Vec<u8>) -> Result<Self, Error> {
        let valid = input.validate(&content)?;
        let print = if matches!(valid.media_type, "image/jpeg" | "image/png") {
            match desk_report::print_rendition(&content, &valid.caption) {
                Ok(print) => print,
                Err(e) if valid.kind == AttachmentKind::Photo => {
                    let rule = e.photo_rule().unwrap_or(Rule::InvalidFormat);
                    return Err(Error::invalid(vec![Violation::new(
                        "content",
                        rule,
                        e.to_string(),
                    )]));
                }
                Err(_) => None,
            }
        } else {
            None
        };
        Ok(Self {
            input,
            content,
            print,
        })
    }

    /// Stores the file and its rendition together.
    pub fn save(&self, store: &mut Store) -> Result<Attachment, Error> {
        Ok(store.add_attachment_with_print(&self.input, &self.content, self.print.as_deref())?)
    }
}

/// Now, with the computer's offset: the creation date written into documents.
pub fn now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}

/// Reads a Delegation Desk export (the JSON exchange file) the user named: a regular file
/// within its limit (twenty years of an office are a few hundred MB at most), parsed whole
/// before the store is touched.
pub fn read_exchange(path: &Path) -> Result<desk_store::Export, Error> {
    let text = files::read_text(path, "file", 1024 * 1024 * 1024)?;
    serde_json::from_str(&text).map_err(|e| {
        Error::new(
            ErrorKind::Validation,
            format!("{} is not a Delegation Desk export: {e}", path.display()),
        )
        .coded("not_an_export", &[])
    })
}

/// Loads the demo data set and the example rate table, into an empty database only: the
/// demo's invented names and amounts must never mix with an office's real records.
pub fn load_demo_into_empty(store: &mut Store) -> Result<(), Error> {
    if !store.is_empty()? {
        return Err(Error::new(
            ErrorKind::Conflict,
            "the demo loads into an empty database only; this one already holds records",
        )
        .coded("demo_needs_empty", &[]));
    }
    store.load_demo()?;
    rates::load_example(store)?;
    Ok(())
}

/// The mission report laid out exactly as it will print, for the preview beside the editor.
pub fn mission_preview(
    store: &Store,
    delegation_id: &str,
    language: Language,
) -> Result<desk_domain::DocumentPreview, Error> {
    let data = store.mission_report_data(delegation_id)?;
    desk_report::mission::preview_of(&data, language, now())
}

/// Writes the delegation's mission report as PDF and keeps that state as a version (an
/// exported report can always be found again).
pub fn export_mission_report(
    store: &mut Store,
    delegation_id: &str,
    language: Language,
    path: &Path,
) -> Result<(ReportVersion, usize), Error> {
    let data = store.mission_report_data(delegation_id)?;
    let bytes = desk_report::mission::pdf(&data, language, now())?;
    write_file(path, &bytes)?;
    Ok((
        store.keep_report_version(&data.report.id, "exported")?,
        bytes.len(),
    ))
}

/// A printable itinerary: a section per traveller (or only `person`).
pub fn itinerary_pdf(
    store: &Store,
    delegation_id: &str,
    person: Option<&str>,
    language: Language,
) -> Result<Vec<u8>, Error> {
    let itinerary = store.itinerary(delegation_id)?;
    let members = store.members(delegation_id)?;
    check_member(&members, person)?;
    let doc = ItineraryDocument::from_record(
        &itinerary,
        &members,
        person,
        &store.settings()?,
        language,
        Local::now().date_naive(),
        now(),
    );
    desk_report::render_itinerary(&doc).map_err(Error::from)
}

fn check_member(members: &[desk_domain::MemberDetail], person: Option<&str>) -> Result<(), Error> {
    if let Some(person) = person
        && !members.iter().any(|m| m.person.id == person)
    {
        return Err(Error::invalid(vec![desk_domain::Violation::new(
            "person",
            desk_domain::Rule::UnknownRecord,
            format!("{person} is not a member of this delegation"),
        )]));
    }
    Ok(())
}

/// The zone programme items are timed in: the delegation's city, else its country when the
/// country has one zone. `None` leaves them at floating local times.
fn programme_zone(delegation: &desk_domain::Delegation) -> Option<chrono_tz::Tz> {
    delegation
        .cities
        .split(',')
        .next()
        .and_then(desk_domain::places::zone_of)
        .or_else(|| desk_domain::places::zone_of_country(&delegation.country))
}

/// The trip as an iCalendar file: segments and stays in their own zones, and the programme.
pub fn itinerary_ics(
    store: &Store,
    delegation_id: &str,
    person: Option<&str>,
) -> Result<String, Error> {
    let whole = store.itinerary(delegation_id)?;
    check_member(&store.members(delegation_id)?, person)?;
    let shown = match person {
        Some(person) => whole.for_person(person),
        None => whole,
    };
    let programme = store.list::<ProgrammeItemInput>(delegation_id)?;
    Ok(desk_exchange::ics::trip(
        &shown,
        &programme,
        programme_zone(&shown.delegation),
        Utc::now(),
    ))
}

/// The delegations touching `from..=to` as all-day events: what the Calendar screen shows.
pub fn calendar_ics(
    store: &Store,
    from: NaiveDate,
    to: NaiveDate,
    name: &str,
) -> Result<String, Error> {
    let delegations: Vec<desk_domain::Delegation> = store
        .calendar(from, to)?
        .into_iter()
        .map(|e| e.delegation)
        .collect();
    Ok(desk_exchange::ics::delegations(
        &delegations,
        name,
        Utc::now(),
    ))
}

/// How an official money document is numbered and dated.
#[derive(Debug, Clone)]
pub struct DocumentOptions {
    pub language: Language,
    /// The number in the register; 0 leaves it blank for the registry.
    pub number: u32,
    pub date: NaiveDate,
}

impl DocumentOptions {
    /// Unnumbered (the registry numbers it) and dated today, as the window makes a paper.
    pub fn today(language: Language) -> Self {
        DocumentOptions {
            language,
            number: 0,
            date: now().date_naive(),
        }
    }
}

fn head(store: &Store, options: &DocumentOptions, kind: &str) -> Result<OfficialHead, Error> {
    Ok(OfficialHead::from_settings(
        &store.settings()?,
        options.language,
        kind,
        options.number,
        options.date,
        now(),
    ))
}

/// The cost estimate as an official PDF ("DỰ TOÁN KINH PHÍ ĐOÀN CÔNG TÁC").
pub fn estimate_pdf(
    store: &Store,
    delegation_id: &str,
    estimate: &Estimate,
    options: &DocumentOptions,
) -> Result<Vec<u8>, Error> {
    let delegation = store.delegation(delegation_id)?;
    let members = store.members(delegation_id)?.len();
    let doc = desk_report::estimate_document(
        estimate,
        &delegation,
        members,
        &head(store, options, "DT")?,
    );
    desk_report::render(&doc).map_err(Error::from)
}

/// The estimate as the window's Export writes it as PDF and its Print prints it: computed
/// now by the request, unnumbered, dated today.
pub fn estimate_paper(
    store: &Store,
    delegation_id: &str,
    request: &EstimateRequest,
    language: Language,
) -> Result<Vec<u8>, Error> {
    let estimate = store.review_estimate(delegation_id, request)?.estimate;
    estimate_pdf(
        store,
        delegation_id,
        &estimate,
        &DocumentOptions::today(language),
    )
}

/// The cost estimate as a workbook for the accounting office.
pub fn estimate_xlsx(
    store: &Store,
    delegation_id: &str,
    estimate: &Estimate,
    language: Language,
) -> Result<Vec<u8>, Error> {
    let delegation = store.delegation(delegation_id)?;
    desk_exchange::estimate_xlsx(estimate, &delegation, language)
}

/// The settlement as an official PDF ("BẢNG QUYẾT TOÁN").
pub fn settlement_pdf(
    store: &Store,
    delegation_id: &str,
    settlement: &Settlement,
    options: &DocumentOptions,
) -> Result<Vec<u8>, Error> {
    let delegation = store.delegation(delegation_id)?;
    let members = store.members(delegation_id)?.len();
    let doc = desk_report::settlement_document(
        settlement,
        &delegation,
        members,
        &head(store, options, "QT")?,
    );
    desk_report::render(&doc).map_err(Error::from)
}

/// The settlement as the window's Export writes it as PDF and its Print prints it:
/// unnumbered, dated today.
pub fn settlement_paper(
    store: &Store,
    delegation_id: &str,
    language: Language,
) -> Result<Vec<u8>, Error> {
    let settlement = store.settlement(delegation_id)?;
    settlement_pdf(
        store,
        delegation_id,
        &settlement,
        &DocumentOptions::today(language),
    )
}

/// The settlement as a workbook for the accounting office.
pub fn settlement_xlsx(
    store: &Store,
    delegation_id: &str,
    settlement: &Settlement,
    language: Language,
) -> Result<Vec<u8>, Error> {
    let delegation = store.delegation(delegation_id)?;
    desk_exchange::settlement_xlsx(settlement, &delegation, language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_file_is_whole_and_no_partial_file_stays() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("report.pdf");
        write_file(&path, b"%PDF-1.7 whole").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"%PDF-1.7 whole");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 1, "only the document itself: {names:?}");
    }

    #[test]
    fn a_file_that_cannot_be_written_is_an_io_error_naming_it() {
        let error = write_file(Path::new("/no/such/folder/x.pdf"), b"x").err();
        assert_eq!(error.as_ref().map(|e| e.kind), Some(ErrorKind::Io));
        assert!(error.is_some_and(|e| e.message.contains("/no/such/folder")));
    }
}
