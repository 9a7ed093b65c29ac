//! `desk print` and `desk report print`: papers sent to a printer through CUPS.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use desk_domain::{Error, Language};
use desk_ops::print::{PrintJob, PrintOptions};

use crate::context::{Context, io};
use crate::output;

#[derive(Subcommand)]
pub enum Command {
    /// Print a PDF on a printer through CUPS (A4, at 100 %).
    Print {
        #[arg(value_name = "FILE.pdf")]
        file: PathBuf,
        #[command(flatten)]
        to: PrintTo,
        /// How many copies.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=99))]
        copies: u32,
    },
}

/// Which printer (`lpstat -e` lists them); the system's default when not given.
#[derive(Args)]
pub struct PrintTo {
    #[arg(long, value_name = "NAME")]
    pub printer: Option<String>,
}

/// `desk print FILE.pdf`: needs no database.
pub fn run(out: &mut dyn Write, json: bool, command: &Command) -> Result<(), Error> {
    match command {
        Command::Print { file, to, copies } => {
            print_file(out, json, file, to.printer.clone(), *copies)
        }
    }
}

fn said(out: &mut dyn Write, json: bool, what: &str, job: &PrintJob) -> Result<(), Error> {
    if json {
        output::json(
            out,
            &serde_json::json!({ "printer": job.printer, "job": job.job }),
        )
    } else {
        output::line(
            out,
            &format!(
                "{what} sent to the printer {} (job {}).",
                job.printer, job.job
            ),
        )
    }
}

/// Prints a PDF file as it is.
pub fn print_file(
    out: &mut dyn Write,
    json: bool,
    file: &Path,
    printer: Option<String>,
    copies: u32,
) -> Result<(), Error> {
    let bytes = std::fs::read(file).map_err(|e| io(file, e))?;
    let title = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let job = desk_ops::print::print_pdf(
        &bytes,
        &title,
        &PrintOptions {
            printer,
            copies,
            ..PrintOptions::default()
        },
    )?;
    said(out, json, &file.display().to_string(), &job)
}

/// Prints a delegation's mission report.
pub fn report_print(
    ctx: &mut Context<'_>,
    delegation: &str,
    language: Language,
    printer: Option<String>,
) -> Result<(), Error> {
    let job = desk_ops::print::print_mission_report(
        ctx.store,
        delegation,
        language,
        &PrintOptions {
            printer,
            copies: 1,
            ..PrintOptions::default()
        },
    )?;
    said(ctx.out, ctx.json, "The mission report", &job)
}
