//! Printing from the terminal through CUPS: its `lp` client sends a PDF to a printer, its
//! `lpstat` lists the printers. The document goes to `lp` on its standard input, so nothing
//! is written to disk on the way, and always as A4 at 100 % (`print-scaling=none`): the
//! official margins of a Decree 30 paper must survive, so a printer is never asked to fit the
//! page.

use std::io::Write;
use std::process::{Command, Stdio};

use desk_domain::print::{Paper, ValidPrint};
use desk_domain::{Error, ErrorKind, Language};
use desk_store::Store;

/// What to print on, and how.
#[derive(Debug, Clone, Default)]
pub struct PrintOptions {
    /// A printer's CUPS name; `None` asks for the system's default printer.
    pub printer: Option<String>,
    /// How many copies (at least one).
    pub copies: u32,
    /// Page ranges ("1-3,5"); `None` for every page.
    pub pages: Option<String>,
    /// Both sides of the sheet, turned on the long edge.
    pub two_sided: bool,
}

impl From<&ValidPrint> for PrintOptions {
    fn from(v: &ValidPrint) -> Self {
        Self {
            printer: Some(v.printer.clone()),
            copies: v.copies,
            pages: v.pages.clone(),
            two_sided: v.two_sided,
        }
    }
}

/// The printers CUPS knows, and which one is the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printers {
    pub names: Vec<String>,
    pub default: Option<String>,
}

fn no_printer() -> Error {
    Error::new(
        ErrorKind::Conflict,
        "no printer is set up on this computer: add one in the system's printer settings \
         (CUPS), then print again",
    )
}

fn cups_missing(program: &str, e: &std::io::Error) -> Error {
    Error::new(
        ErrorKind::Io,
        format!("cannot run `{program}` ({e}): printing needs CUPS (Debian package `cups-client`)"),
    )
}

/// Reads `lpstat -e` (one printer name a line) and `lpstat -d` ("system default
/// destination: NAME", or "no system default destination").
pub fn printers() -> Result<Printers, Error> {
    let names = Command::new("lpstat")
        .arg("-e")
        .stderr(Stdio::null())
        .output()
        .map_err(|e| cups_missing("lpstat", &e))?;
    // lpstat exits non-zero when the scheduler is not running: that is "no printer" too.
    let names: Vec<String> = if names.status.success() {
        String::from_utf8_lossy(&names.stdout)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    } else {
        Vec::new()
    };
    let default = Command::new("lpstat")
        .arg("-d")
        .stderr(Stdio::null())
        .output()
        .ok()
        .and_then(|o| parse_default(&String::from_utf8_lossy(&o.stdout)));
    Ok(Printers { names, default })
}

fn parse_default(text: &str) -> Option<String> {
    let (_, name) = text.trim().split_once("destination:")?;
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// The printer a job goes to: the one asked for (which must exist), else the default, else
/// the only one; an error that says what to do when there is none.
pub fn choose_printer(printers: &Printers, asked: Option<&str>) -> Result<String, Error> {
    if printers.names.is_empty() {
        return Err(no_printer());
    }
    match asked {
        Some(name) if printers.names.iter().any(|n| n == name) => Ok(name.to_owned()),
        Some(name) => Err(Error::invalid(vec![desk_domain::Violation::new(
            "printer",
            desk_domain::Rule::UnknownRecord,
            format!(
                "there is no printer named \"{name}\"; the printers here are: {}",
                printers.names.join(", ")
            ),
        )])),
        None => printers
            .default
            .clone()
            .filter(|d| printers.names.contains(d))
            .or_else(|| (printers.names.len() == 1).then(|| printers.names[0].clone()))
            .ok_or_else(|| {
                Error::invalid(vec![desk_domain::Violation::new(
                    "printer",
                    desk_domain::Rule::Required,
                    format!(
                        "there is no default printer: choose one with --printer ({})",
                        printers.names.join(", ")
                    ),
                )])
            }),
    }
}

/// The `lp` arguments for one job: A4, 100 %, the copies, pages and sides asked for.
pub fn lp_arguments(printer: &str, options: &PrintOptions, title: &str) -> Vec<String> {
    let mut args: Vec<String> = vec![
        "-d".into(),
        printer.into(),
        "-n".into(),
        options.copies.max(1).to_string(),
        "-t".into(),
        title.into(),
        "-o".into(),
        "media=A4".into(),
        "-o".into(),
        "print-scaling=none".into(),
        "-o".into(),
        if options.two_sided {
            "sides=two-sided-long-edge".into()
        } else {
            "sides=one-sided".into()
        },
    ];
    if let Some(pages) = &options.pages {
        args.push("-P".into());
        args.push(pages.clone());
    }
    args
}

/// A job CUPS accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintJob {
    pub printer: String,
    /// CUPS's job id, e.g. "PDF-3".
    pub job: String,
}

/// Sends a PDF's bytes to a printer through `lp` (on its standard input).
pub fn print_pdf(pdf: &[u8], title: &str, options: &PrintOptions) -> Result<PrintJob, Error> {
    if !pdf.starts_with(b"%PDF-") {
        return Err(Error::invalid(vec![desk_domain::Violation::new(
            "file",
            desk_domain::Rule::InvalidFormat,
            "the file is not a PDF",
        )]));
    }
    let printer = choose_printer(&printers()?, options.printer.as_deref())?;
    let mut child = Command::new("lp")
        .args(lp_arguments(&printer, options, title))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| cups_missing("lp", &e))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(pdf)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot send the job to lp: {e}")))?;
    }
    let output = child
        .wait_with_output()
        .map_err(|e| Error::new(ErrorKind::Io, format!("lp did not finish: {e}")))?;
    if !output.status.success() {
        return Err(Error::new(
            ErrorKind::Io,
            format!(
                "the printer {printer} refused the job: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        ));
    }
    // "request id is PDF-3 (1 file(s))"
    let said = String::from_utf8_lossy(&output.stdout);
    let job = said
        .split_whitespace()
        .skip_while(|w| *w != "is")
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    Ok(PrintJob { printer, job })
}

/// Prints a delegation's mission report (the document Export writes) and keeps that state
/// as a version, as an export does.
pub fn print_mission_report(
    store: &mut Store,
    delegation_id: &str,
    language: Language,
    options: &PrintOptions,
) -> Result<PrintJob, Error> {
    let data = store.mission_report_data(delegation_id)?;
    let bytes = desk_report::mission::pdf(&data, language, crate::now())?;
    let job = print_pdf(&bytes, &data.report.number, options)?;
    store.keep_report_version(&data.report.id, "printed")?;
    Ok(job)
}

/// The printers for the window's print dialog, the default first.
pub fn printer_list() -> Result<Vec<desk_domain::print::Printer>, Error> {
    let found = printers()?;
    let mut list: Vec<desk_domain::print::Printer> = found
        .names
        .iter()
        .map(|name| desk_domain::print::Printer {
            name: name.clone(),
            is_default: found.default.as_deref() == Some(name),
        })
        .collect();
    list.sort_by_key(|p| !p.is_default);
    Ok(list)
}

/// Draws a paper as the window's Export would write it, with a title for the print queue.
pub fn paper_pdf(store: &mut Store, paper: &Paper) -> Result<(String, Vec<u8>), Error> {
    match paper {
        Paper::MissionReport {
            delegation_id,
            language,
        } => {
            let data = store.mission_report_data(delegation_id)?;
            let bytes = desk_report::mission::pdf(&data, *language, crate::now())?;
            Ok((data.report.number.clone(), bytes))
        }
        Paper::Itinerary {
            delegation_id,
            person_id,
            language,
        } => Ok((
            "itinerary".to_owned(),
            crate::itinerary_pdf(store, delegation_id, person_id.as_deref(), *language)?,
        )),
        Paper::Estimate {
            delegation_id,
            request,
            language,
        } => Ok((
            "estimate".to_owned(),
            crate::estimate_paper(store, delegation_id, request, *language)?,
        )),
        Paper::Settlement {
            delegation_id,
            language,
        } => Ok((
            "settlement".to_owned(),
            crate::settlement_paper(store, delegation_id, *language)?,
        )),
        Paper::Hosting {
            delegation_id,
            paper,
            languages,
        } => {
            let (printed, _) =
                crate::hosting::hosting_paper(store, delegation_id, *paper, languages)?;
            Ok((paper.as_str().to_owned(), printed.pdf))
        }
        Paper::AnnualReport {
            range,
            language,
            country_names,
        } => {
            let (pdf, _) = crate::sign::annual_for(store, range, *language, country_names)?;
            Ok(("annual-report".to_owned(), pdf))
        }
    }
}

/// Prints a paper as chosen in the window's print dialog. A mission report printed is
/// kept as a version, as an exported one is.
pub fn print_paper(store: &mut Store, paper: &Paper, how: &ValidPrint) -> Result<PrintJob, Error> {
    let (title, bytes) = paper_pdf(store, paper)?;
    let job = print_pdf(&bytes, &title, &PrintOptions::from(how))?;
    if let Paper::MissionReport { delegation_id, .. } = paper {
        let report = store.mission_report_data(delegation_id)?.report;
        store.keep_report_version(&report.id, "printed")?;
    }
    Ok(job)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two() -> Printers {
        Printers {
            names: vec!["PDF".into(), "Office".into()],
            default: Some("Office".into()),
        }
    }

    #[test]
    fn no_printer_says_how_to_add_one() {
        let none = Printers {
            names: vec![],
            default: None,
        };
        let said = choose_printer(&none, None).err().map(|e| e.message);
        assert!(
            said.as_deref()
                .is_some_and(|m| m.contains("no printer is set up")),
            "{said:?}"
        );
    }

    #[test]
    fn the_default_printer_is_used_unless_one_is_named() {
        assert_eq!(choose_printer(&two(), None).ok(), Some("Office".into()));
        assert_eq!(choose_printer(&two(), Some("PDF")).ok(), Some("PDF".into()));
        let e = choose_printer(&two(), Some("Lobby")).err();
        assert_eq!(
            e.as_ref().map(|e| e.violations[0].field.as_str()),
            Some("printer")
        );
        assert!(
            e.is_some_and(|e| e.message.contains("PDF, Office")),
            "names the printers there are"
        );
    }

    #[test]
    fn without_a_default_the_only_printer_is_chosen_and_two_must_be_named() {
        let one = Printers {
            names: vec!["PDF".into()],
            default: None,
        };
        assert_eq!(choose_printer(&one, None).ok(), Some("PDF".into()));
        let mut both = two();
        both.default = None;
        assert!(choose_printer(&both, None).is_err());
    }

    #[test]
    fn jobs_are_a4_at_full_size() {
        let args = lp_arguments("PDF", &PrintOptions::default(), "BC-1").join(" ");
        assert!(args.contains("-n 1"), "{args}");
        assert!(args.contains("media=A4"), "{args}");
        assert!(args.contains("print-scaling=none"), "{args}");
        assert!(args.contains("sides=one-sided"), "{args}");
        assert!(!args.contains("fit-to-page"), "{args}");
        assert!(!args.contains("-P"), "every page: {args}");
    }

    #[test]
    fn the_dialog_choices_reach_lp() {
        let how = ValidPrint {
            printer: "Office".into(),
            copies: 3,
            pages: Some("1-2,4".into()),
            two_sided: true,
        };
        let args = lp_arguments("Office", &PrintOptions::from(&how), "x").join(" ");
        assert!(args.contains("-d Office"), "{args}");
        assert!(args.contains("-n 3"), "{args}");
        assert!(args.contains("-P 1-2,4"), "{args}");
        assert!(args.contains("sides=two-sided-long-edge"), "{args}");
        assert!(args.contains("print-scaling=none"), "{args}");
    }

    #[test]
    fn reads_the_default_destination() {
        assert_eq!(
            parse_default("system default destination: PDF\n"),
            Some("PDF".into())
        );
        assert_eq!(parse_default("no system default destination\n"), None);
    }
}
