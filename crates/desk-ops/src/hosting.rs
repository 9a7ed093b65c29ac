//! The hosting kit's files: a guest list read and checked against the directory, imported
//! all or nothing (or without its bad rows), and the lists and papers written where the user
//! chose. Which store view feeds which writer is decided here once, for the window and the
//! CLI alike; the rules are in desk-domain, desk-exchange and desk-report.

use std::path::Path;

use desk_domain::hosting::{
    GuestFilePreview, GuestImported, GuestMapping, HostingList, HostingPaper, Written,
};
use desk_domain::{Error, Language, Rule, Violation};
use desk_exchange::lists::{guest_table, rooming_table, transfer_table};
use desk_exchange::out::{write_csv, write_xlsx};
use desk_exchange::{Limits, ReadOptions, read_guests, sheet_names};
use desk_report::hosting::{
    LetterKind, Printed, badges_pdf, hosting_list_pdf, letter_recipients, letters_pdf,
    programme_document, rooming_document, transfer_list,
};
use desk_store::Store;

use crate::{now, write_file};

/// The largest guest file read, in bytes: check a file's size against it before reading it.
pub fn max_guest_file_bytes() -> u64 {
    Limits::default().max_file_bytes
}

fn options(
    store: &Store,
    delegation_id: &str,
    sheet: Option<String>,
    mapping: Option<GuestMapping>,
) -> Result<ReadOptions, Error> {
    Ok(ReadOptions {
        sheet: sheet.filter(|s| !s.trim().is_empty()),
        mapping,
        remembered: store.guest_mapping_for(delegation_id)?,
        limits: Limits::default(),
    })
}

/// A guest file (its name and bytes) read with the mapping given, else the one remembered
/// for the delegation's organisation, and checked against the directory and the delegation.
/// Writes nothing.
pub fn guest_preview(
    store: &Store,
    delegation_id: &str,
    file_name: &str,
    bytes: &[u8],
    sheet: Option<String>,
    mapping: Option<GuestMapping>,
) -> Result<GuestFilePreview, Error> {
    let options = options(store, delegation_id, sheet, mapping)?;
    let read = read_guests(file_name, bytes, &options)?;
    let sheets = if read.sheet.is_empty() {
        Vec::new()
    } else {
        sheet_names(bytes, &options.limits)?
    };
    Ok(GuestFilePreview {
        sheet: store.preview_guests(delegation_id, &read)?,
        sheets,
    })
}

/// Imports a guest file: all or nothing, or leaving out the rows with problems.
pub fn guest_import(
    store: &mut Store,
    delegation_id: &str,
    file_name: &str,
    bytes: &[u8],
    sheet: Option<String>,
    mapping: Option<GuestMapping>,
    skip_invalid: bool,
) -> Result<GuestImported, Error> {
    let options = options(store, delegation_id, sheet, mapping)?;
    let read = read_guests(file_name, bytes, &options)?;
    Ok(store.import_guests(delegation_id, &read, skip_invalid)?)
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase()
}

fn must_end_in(path: &Path, allowed: &str) -> Error {
    Error::invalid(vec![Violation::new(
        "path",
        Rule::UnknownCode,
        format!(
            "{} must end in {allowed}",
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ),
    )])
}

/// Writes the guest, rooming or transfer list as XLSX or CSV, by the path's extension.
pub fn export_hosting_list(
    store: &Store,
    delegation_id: &str,
    list: HostingList,
    path: &Path,
) -> Result<Written, Error> {
    let delegation = store.delegation(delegation_id)?;
    let title = if delegation.event.is_empty() {
        delegation.title.clone()
    } else {
        delegation.event.clone()
    };
    let format = extension(path);
    if format != "xlsx" && format != "csv" {
        return Err(must_end_in(path, ".xlsx or .csv"));
    }
    let table = match list {
        HostingList::Guests => guest_table(&title, &store.guests(delegation_id)?),
        HostingList::Rooming => rooming_table(&title, &store.rooming_list(delegation_id)?),
        HostingList::Transfers => transfer_table(&title, &store.transfer_board(delegation_id)?),
    };
    let bytes = if format == "xlsx" {
        write_xlsx(&[table])?
    } else {
        write_csv(&table)?
    };
    write_file(path, &bytes)?;
    Ok(Written {
        path: path.display().to_string(),
        ..Written::default()
    })
}

/// A paper of the hosting kit, drawn today (the date letters bear), with the guests who got
/// no letter (they need no visa).
pub fn hosting_paper(
    store: &Store,
    delegation_id: &str,
    paper: HostingPaper,
    languages: &[Language],
) -> Result<(Printed, Vec<String>), Error> {
    let delegation = store.delegation(delegation_id)?;
    let settings = store.settings()?;
    let created = now();
    let mut left_out = Vec::new();
    let printed = match paper {
        HostingPaper::Programme | HostingPaper::Transfers | HostingPaper::Rooming => {
            let list = match paper {
                HostingPaper::Programme => programme_document(
                    &settings,
                    &delegation,
                    &store.programme_days(delegation_id)?,
                    created,
                ),
                HostingPaper::Transfers => transfer_list(
                    &settings,
                    &delegation,
                    &store.transfer_board(delegation_id)?,
                    created,
                ),
                _ => rooming_document(
                    &settings,
                    &delegation,
                    &store.rooming_list(delegation_id)?,
                    created,
                ),
            };
            hosting_list_pdf(&settings, &delegation, &list)
        }
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
            let mut languages: Vec<Language> = languages.to_vec();
            if languages.is_empty() {
                languages.push(Language::En);
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
    .map_err(Error::from)?;
    Ok((printed, left_out))
}

/// Prints a paper as PDF at `path`; letters are dated today, once per guest and language
/// given (English when none is).
pub fn export_hosting_paper(
    store: &Store,
    delegation_id: &str,
    paper: HostingPaper,
    languages: &[Language],
    path: &Path,
) -> Result<Written, Error> {
    if extension(path) != "pdf" {
        return Err(must_end_in(path, ".pdf"));
    }
    let (printed, left_out) = hosting_paper(store, delegation_id, paper, languages)?;
    write_file(path, &printed.pdf)?;
    Ok(Written {
        path: path.display().to_string(),
        pages: printed.pages,
        warnings: printed.warnings,
        left_out,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use desk_domain::{DelegationInput, Direction, ErrorKind};

    use super::*;

    const LIST: &str = "Full name,Name in passport,Nationality,Passport No.,Date of expiry,Date of birth\n\
         ສົມພອນ ແກ້ວມະນີ,SOMPHONE KEOMANY,Lào,LA1234567,01/06/2035,12/03/1975\n\
         សុខ ចាន់ធី,SOK CHANTHY,Campuchia,KH7654321,01/06/2035,31/02/1980\n\
         Nguyễn Thị Hoa,,Việt Nam,C7654321,01/06/2035,12/12/1979\n";

    /// A delegation we receive in Hanoi. The guest list: a Lao and a Vietnamese guest, and a
    /// row whose date of birth does not exist.
    fn hosting() -> (Store, String) {
        let mut store = Store::open_in_memory().unwrap();
        let mut input = DelegationInput::new(
            Direction::Incoming,
            "Hội thảo Thư viện số ASEAN",
            "VN",
            "2026-12-17",
            "2026-12-19",
        );
        input.cities = "Hà Nội".into();
        input.event = "ASEAN Digital Library Workshop".into();
        let delegation = store.create_delegation(&input).unwrap();
        (store, delegation.id)
    }

    #[test]
    fn a_guest_file_is_previewed_then_imported_without_its_bad_row() {
        let (mut store, delegation) = hosting();
        let bytes = LIST.as_bytes();
        let preview = guest_preview(&store, &delegation, "g.csv", bytes, None, None).unwrap();
        assert!(
            preview.sheets.is_empty(),
            "a CSV has no worksheets to choose"
        );
        let bad: Vec<u32> = preview
            .sheet
            .rows
            .iter()
            .filter(|r| !r.problems.is_empty())
            .map(|r| r.row)
            .collect();
        assert_eq!(
            bad,
            vec![3],
            "the 31 February row is the one with a problem"
        );
        assert!(
            store.guests(&delegation).unwrap().is_empty(),
            "a preview writes nothing"
        );

        let refused =
            guest_import(&mut store, &delegation, "g.csv", bytes, None, None, false).unwrap_err();
        assert_eq!(refused.kind, ErrorKind::Validation);
        assert!(
            store.guests(&delegation).unwrap().is_empty(),
            "all or nothing"
        );

        let done = guest_import(&mut store, &delegation, "g.csv", bytes, None, None, true).unwrap();
        assert_eq!(done.people.len(), 2);
        assert_eq!(done.skipped_rows, vec![3]);
    }

    #[test]
    fn every_paper_and_list_is_written_whole_where_the_user_chose() {
        let (mut store, delegation) = hosting();
        guest_import(
            &mut store,
            &delegation,
            "g.csv",
            LIST.as_bytes(),
            None,
            None,
            true,
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        for paper in HostingPaper::ALL {
            let target = dir.path().join(format!("{paper}.pdf"));
            let written =
                export_hosting_paper(&store, &delegation, *paper, &[Language::En], &target)
                    .unwrap();
            let bytes = std::fs::read(&target).unwrap();
            assert!(bytes.starts_with(b"%PDF"), "{paper} is a PDF");
            assert!(written.pages >= 1, "{paper} has pages");
            if *paper == HostingPaper::VisaLetters {
                assert_eq!(
                    written.left_out,
                    vec!["Nguyễn Thị Hoa".to_owned()],
                    "a guest of the host country gets no visa letter"
                );
            }
        }
        for list in HostingList::ALL {
            for ext in ["xlsx", "csv"] {
                let target = dir.path().join(format!("{list}.{ext}"));
                export_hosting_list(&store, &delegation, *list, &target).unwrap();
                assert!(
                    std::fs::metadata(&target).unwrap().len() > 0,
                    "{list}.{ext}"
                );
            }
        }
        let csv = std::fs::read_to_string(dir.path().join("guests.csv")).unwrap();
        assert!(csv.contains("ສົມພອນ ແກ້ວມະນີ"), "names as written: {csv}");
        let partials: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .collect();
        assert!(partials.is_empty(), "no half-written file is left behind");

        let wrong = dir.path().join("guests.txt");
        let refused =
            export_hosting_list(&store, &delegation, HostingList::Guests, &wrong).unwrap_err();
        assert_eq!(refused.violations[0].rule, Rule::UnknownCode);
        assert!(!wrong.exists(), "nothing is written");
    }
}
