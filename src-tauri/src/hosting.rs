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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use desk_domain::{DelegationInput, Direction, ErrorKind, Rule};

    use super::*;

    /// A delegation we receive in Hanoi, and a guest list on disk: a Lao and a Vietnamese
    /// guest, and a row whose date of birth does not exist.
    fn hosting() -> (Store, String, tempfile::TempDir, String) {
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
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("guests.csv");
        std::fs::write(
            &list,
            "Full name,Name in passport,Nationality,Passport No.,Date of expiry,Date of birth\n\
             ສົມພອນ ແກ້ວມະນີ,SOMPHONE KEOMANY,Lào,LA1234567,01/06/2035,12/03/1975\n\
             សុខ ចាន់ធី,SOK CHANTHY,Campuchia,KH7654321,01/06/2035,31/02/1980\n\
             Nguyễn Thị Hoa,,Việt Nam,C7654321,01/06/2035,12/12/1979\n",
        )
        .unwrap();
        let path = list.to_string_lossy().into_owned();
        (store, delegation.id, dir, path)
    }

    #[test]
    fn a_guest_file_is_previewed_then_imported_without_its_bad_row() {
        let (mut store, delegation, _dir, path) = hosting();
        let preview = preview(&store, &delegation, &path, None, None).unwrap();
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

        let refused = import(&mut store, &delegation, &path, None, None, false).unwrap_err();
        assert_eq!(refused.kind, ErrorKind::Validation);
        assert!(
            store.guests(&delegation).unwrap().is_empty(),
            "all or nothing"
        );

        let done = import(&mut store, &delegation, &path, None, None, true).unwrap();
        assert_eq!(done.people.len(), 2);
        assert_eq!(done.skipped_rows, vec![3]);
    }

    #[test]
    fn a_file_too_large_is_refused_before_it_is_read() {
        let (store, delegation, dir, _) = hosting();
        let huge = dir.path().join("huge.xlsx");
        let file = std::fs::File::create(&huge).unwrap();
        // Sparse: the size is claimed, nothing is written.
        file.set_len(Limits::default().max_file_bytes + 1).unwrap();
        let refused =
            preview(&store, &delegation, &huge.to_string_lossy(), None, None).unwrap_err();
        assert_eq!(refused.violations[0].rule, Rule::TooLarge, "{refused:?}");
    }

    #[test]
    fn every_paper_and_list_is_written_whole_where_the_user_chose() {
        let (mut store, delegation, dir, path) = hosting();
        import(&mut store, &delegation, &path, None, None, true).unwrap();
        let out = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
        for paper in HostingPaper::ALL {
            let target = out(&format!("{paper}.pdf"));
            let written =
                export_paper(&store, &delegation, *paper, &[Language::En], &target).unwrap();
            let bytes = std::fs::read(&target).unwrap();
            assert!(bytes.starts_with(b"%PDF"), "{paper} is a PDF");
            assert!(written.pages >= 1, "{paper} has pages");
            assert!(
                !std::path::Path::new(&format!("{target}.partial")).exists(),
                "no half-written file is left beside {paper}"
            );
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
                let target = out(&format!("{list}.{ext}"));
                export_list(&store, &delegation, *list, &target).unwrap();
                assert!(
                    std::fs::metadata(&target).unwrap().len() > 0,
                    "{list}.{ext}"
                );
            }
        }
        let csv = std::fs::read_to_string(out("guests.csv")).unwrap();
        assert!(csv.contains("ສົມພອນ ແກ້ວມະນີ"), "names as written: {csv}");

        let wrong = out("guests.txt");
        let refused = export_list(&store, &delegation, HostingList::Guests, &wrong).unwrap_err();
        assert_eq!(refused.violations[0].rule, Rule::UnknownCode);
        assert!(!std::path::Path::new(&wrong).exists(), "nothing is written");
    }
}
