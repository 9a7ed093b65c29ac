//! `desk report`: mission reports.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use desk_domain::Error;

use crate::context::{Context, parse_language};
use crate::output;

#[derive(Subcommand)]
pub enum Command {
    /// Mission reports.
    #[command(subcommand)]
    Report(ReportCommand),
}

/// Which report, in which language, to which file.
#[derive(Args)]
pub struct ReportTarget {
    #[arg(long)]
    delegation: String,
    /// vi (the official Vietnamese layout) or en (the English variant).
    #[arg(long, default_value = "vi", value_parser = parse_language)]
    lang: desk_domain::Language,
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
}

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Write a delegation's mission report as PDF (the official layout).
    Export(ReportTarget),
    /// Write the mission report as a signed PDF (PAdES), signed with the office's certificate
    /// from a PKCS#12 file or a token; the PIN comes from the variable --pin-env names.
    Sign {
        #[command(flatten)]
        target: ReportTarget,
        #[command(flatten)]
        key: crate::sign::KeyArgs,
    },
    /// Print a delegation's mission report through CUPS (A4, at 100 %).
    Print {
        #[arg(long)]
        delegation: String,
        /// vi (the official Vietnamese layout) or en (the English variant).
        #[arg(long, default_value = "vi", value_parser = parse_language)]
        lang: desk_domain::Language,
        #[command(flatten)]
        to: crate::print::PrintTo,
    },
}

pub fn run(ctx: &mut Context<'_>, command: Command) -> Result<(), Error> {
    match command {
        Command::Report(ReportCommand::Export(t)) => {
            report_export(ctx, &t.delegation, t.lang, &t.out)
        }
        Command::Report(ReportCommand::Sign { target: t, key }) => {
            crate::sign::report_sign(ctx, &t.delegation, t.lang, &t.out, &key)
        }
        Command::Report(ReportCommand::Print {
            delegation,
            lang,
            to,
        }) => crate::print::report_print(ctx, &delegation, lang, to.printer),
    }
}

fn report_export(
    ctx: &mut Context<'_>,
    delegation: &str,
    language: desk_domain::Language,
    file: &Path,
) -> Result<(), Error> {
    let (version, bytes) = desk_ops::export_mission_report(ctx.store, delegation, language, file)?;
    if ctx.json {
        output::json(
            ctx.out,
            &serde_json::json!({ "path": file, "version": version.version, "bytes": bytes }),
        )
    } else {
        output::line(
            ctx.out,
            &format!(
                "Mission report {} written to {} ({} KB); this version is kept.",
                version.report.number,
                file.display(),
                bytes.div_ceil(1024)
            ),
        )
    }
}
