//! Printing from the terminal through CUPS: its `lp` client sends a PDF to a printer, its
//! `lpstat` lists the printers. The document goes to `lp` on its standard input, so nothing
//! is written to disk on the way, and always as A4 at 100 % (`print-scaling=none`): the
//! official margins of a Decree 30 paper must survive, so a printer is never asked to fit the
//! page.

use std::io::Write;
use std::process::{Command, Stdio};

use desk_domain::{Error, ErrorKind, Language};
use desk_store::Store;

/// What to print on, and how many times.
#[derive(Debug, Clone, Default)]
pub struct PrintOptions {
    /// A printer's CUPS name; `None` asks for the system's default printer.
    pub printer: Option<String>,
    /// How many copies (at least one).
    pub copies: u32,
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

/// The `lp` arguments for one job: A4, 100 %, the copies asked for.
pub fn lp_arguments(printer: &str, copies: u32, title: &str) -> Vec<String> {
    vec![
        "-d".into(),
        printer.into(),
        "-n".into(),
        copies.max(1).to_string(),
        "-t".into(),
        title.into(),
        "-o".into(),
        "media=A4".into(),
        "-o".into(),
        "print-scaling=none".into(),
    ]
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
        .args(lp_arguments(&printer, options.copies, title))
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
    let bytes = desk_report::mission::pdf(&data, crate::print_language(language), crate::now())?;
    let job = print_pdf(&bytes, &data.report.number, options)?;
    store.keep_report_version(&data.report.id, "printed")?;
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
        let e = choose_printer(&none, None).unwrap_err();
        assert!(e.message.contains("no printer is set up"), "{}", e.message);
    }

    #[test]
    fn the_default_printer_is_used_unless_one_is_named() {
        assert_eq!(choose_printer(&two(), None).ok(), Some("Office".into()));
        assert_eq!(choose_printer(&two(), Some("PDF")).ok(), Some("PDF".into()));
        let e = choose_printer(&two(), Some("Lobby")).unwrap_err();
        assert_eq!(e.violations[0].field, "printer");
        assert!(e.message.contains("PDF, Office"), "{}", e.message);
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
        let args = lp_arguments("PDF", 0, "BC-1").join(" ");
        assert!(args.contains("-n 1"), "{args}");
        assert!(args.contains("media=A4"), "{args}");
        assert!(args.contains("print-scaling=none"), "{args}");
        assert!(!args.contains("fit-to-page"), "{args}");
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
