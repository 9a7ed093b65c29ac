//! The hosting kit's files: the guest list the user pointed at, read with its size checked
//! first, and the lists and papers written where the user chose. Only wiring: which store
//! view feeds which writer. The rules are in desk-domain, desk-exchange and desk-report.

use desk_domain::hosting::{GuestFilePreview, GuestMapping, HostingList, HostingPaper, Written};
use desk_domain::{Error, Language, Rule, Violation};
use desk_exchange::lists::{guest_table, rooming_table, transfer_table};
use desk_exchange::out::{write_csv, write_xlsx};
use desk_exchange::{Limits, ReadOptions, read_guests, sheet_names};
use desk_report::hosting::{
    LetterKind, Printed, badges_pdf, letter_recipients, letters_pdf, programme_pdf, rooming_pdf,
    transfers_pdf,
};
use desk_store::Store;

use crate::files::{file_name, now, print_language, read_limited, write_atomically};

/// The bytes of a guest file, refused before reading when it is larger than the readers
/// accept, and the options to read it with (the organisation's remembered mapping included).
fn guest_file(
    store: &Store,
    delegation_id: &str,
    path: &str,
    sheet: Option<String>,
    mapping: Option<GuestMapping>,
) -> Result<(Vec<u8>, ReadOptions), Error> {
    let limits = Limits::default();
    let max = usize::try_from(limits.max_file_bytes).unwrap_or(usize::MAX);
    let bytes = read_limited(path, max)?;
    let options = ReadOptions {
        sheet: sheet.filter(|s| !s.trim().is_empty()),
        mapping,
        remembered: store.guest_mapping_for(delegation_id)?,
        limits,
    };
    Ok((bytes, options))
}

/// The guest file read and checked against the directory and the delegation.
pub fn preview(
    store: &Store,
    delegation_id: &str,
    path: &str,
    sheet: Option<String>,
    mapping: Option<GuestMapping>,
) -> Result<GuestFilePreview, Error> {
    let (bytes, options) = guest_file(store, delegation_id, path, sheet, mapping)?;
    let read = read_guests(&file_name(path), &bytes, &options)?;
    let sheets = if read.sheet.is_empty() {
        Vec::new()
    } else {
        sheet_names(&bytes, &options.limits)?
    };
    Ok(GuestFilePreview {
        sheet: store.preview_guests(delegation_id, &read)?,
        sheets,
    })
}

/// Imports the guest file (all or nothing, or leaving out the rows with problems).
pub fn import(
    store: &mut Store,
    delegation_id: &str,
    path: &str,
    sheet: Option<String>,
    mapping: Option<GuestMapping>,
    skip_invalid: bool,
) -> Result<desk_domain::hosting::GuestImported, Error> {
    let (bytes, options) = guest_file(store, delegation_id, path, sheet, mapping)?;
    let read = read_guests(&file_name(path), &bytes, &options)?;
    Ok(store.import_guests(delegation_id, &read, skip_invalid)?)
}

fn extension(path: &str) -> String {
    std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase()
}

fn must_end_in(path: &str, allowed: &str) -> Error {
    Error::invalid(vec![Violation::new(
        "path",
        Rule::UnknownCode,
        format!("{} must end in {allowed}", file_name(path)),
    )])
}

/// Writes a list as XLSX or CSV, by the extension of the path chosen.
pub fn export_list(
    store: &Store,
    delegation_id: &str,
    list: HostingList,
    path: &str,
) -> Result<Written, Error> {
    let delegation = store.delegation(delegation_id)?;
    let title = if delegation.event.is_empty() {
        delegation.title.clone()
    } else {
        delegation.event.clone()
    };
    let table = match list {
        HostingList::Guests => guest_table(&title, &store.guests(delegation_id)?),
        HostingList::Rooming => rooming_table(&title, &store.rooming_list(delegation_id)?),
        HostingList::Transfers => transfer_table(&title, &store.transfer_board(delegation_id)?),
    };
    let bytes = match extension(path).as_str() {
        "xlsx" => write_xlsx(&[table])?,
        "csv" => write_csv(&table)?,
        _ => return Err(must_end_in(path, ".xlsx or .csv")),
    };
    write_atomically(path, &bytes)?;
    Ok(Written {
        path: path.to_owned(),
        ..Written::default()
    })
}

fn printing_failed(e: desk_report::ReportError) -> Error {
    Error::new(
        desk_domain::ErrorKind::Internal,
        format!("the PDF cannot be made: {e}"),
    )
}

/// Prints a paper as PDF where the user chose. Letters are written once per guest and
/// language given (English when none is).
pub fn export_paper(
    store: &Store,
    delegation_id: &str,
    paper: HostingPaper,
    languages: &[Language],
    path: &str,
) -> Result<Written, Error> {
    if extension(path) != "pdf" {
        return Err(must_end_in(path, ".pdf"));
    }
    let delegation = store.delegation(delegation_id)?;
    let settings = store.settings()?;
    let created = now();
    let mut left_out = Vec::new();
    let printed: Printed = match paper {
        HostingPaper::Programme => programme_pdf(
            &settings,
            &delegation,
            &store.programme_days(delegation_id)?,
            created,
        ),
        HostingPaper::Transfers => transfers_pdf(
            &settings,
            &delegation,
            &store.transfer_board(delegation_id)?,
            created,
        ),
        HostingPaper::Rooming => rooming_pdf(
            &settings,
            &delegation,
            &store.rooming_list(delegation_id)?,
            created,
        ),
        HostingPaper::Badges | HostingPaper::TentCards => badges_pdf(
            &delegation,
            &store.guests(delegation_id)?,
            paper == HostingPaper::TentCards,
            &settings.agency,
            created,
        ),
        HostingPaper::Invitations | HostingPaper::VisaLetters => {
            let kind = if paper == HostingPaper::Invitations {
                LetterKind::Invitation
            } else {
                LetterKind::VisaSupport
            };
            let (to, out) = letter_recipients(&delegation, store.guests(delegation_id)?, kind)?;
            left_out = out;
            let mut languages: Vec<desk_report::Language> =
                languages.iter().map(|l| print_language(*l)).collect();
            if languages.is_empty() {
                languages.push(desk_report::Language::English);
            }
            letters_pdf(
                &settings,
                &delegation,
                &to,
                kind,
                &languages,
                created.date_naive(),
                created,
            )
        }
    }
    .map_err(printing_failed)?;
    write_atomically(path, &printed.pdf)?;
    Ok(Written {
        path: path.to_owned(),
        pages: printed.pages,
        warnings: printed.warnings,
        left_out,
    })
}
