//! `desk history import`: the office's past delegations from its own summary spreadsheet,
//! previewed row by row, then imported all or nothing (or without the rows with problems).

use std::path::{Path, PathBuf};

use clap::Subcommand;
use desk_domain::Error;
use desk_domain::history::{HistoryImported, HistorySheet, PeopleDecisions};
use desk_ops::history::{HistoryRequest, history_import, history_preview};
use serde::Serialize;

use crate::context::Context;
use crate::output;

/// A mapping file is a few lines of JSON.
const SMALL_FILE: u64 = 1024 * 1024;

#[derive(Subcommand)]
pub enum Command {
    /// The office's history: past delegations from its own spreadsheets.
    #[command(subcommand)]
    History(HistoryCommand),
}

#[derive(Subcommand)]
pub enum HistoryCommand {
    /// Read a summary of past delegations (XLSX or CSV, one row a delegation) and add them,
    /// all or nothing. Trips already recorded are recognised and not added again.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The worksheet to read (the first one by default).
        #[arg(long)]
        sheet: Option<String>,
        /// A JSON file saying which column holds what: {"columns": {"Nội dung": "title"}}.
        #[arg(long, value_name = "FILE.json")]
        mapping: Option<PathBuf>,
        /// Show what would be imported and every problem by row and column; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows and leave out the rows with problems.
        #[arg(long)]
        skip_invalid: bool,
        /// A name the preview offered as a possible match is that person: "NAME=PERSON_ID".
        #[arg(long = "same-person", value_name = "NAME=ID")]
        same_person: Vec<String>,
        /// A name the preview offered as a possible match is a new person.
        #[arg(long = "new-person", value_name = "NAME")]
        new_person: Vec<String>,
    },
}

pub fn run(ctx: &mut Context<'_>, command: Command) -> Result<(), Error> {
    let Command::History(HistoryCommand::Import {
        file,
        sheet,
        mapping,
        dry_run,
        skip_invalid,
        same_person,
        new_person,
    }) = command;
    let bytes =
        desk_ops::files::read_file(&file, "file", desk_ops::history::max_history_file_bytes())?;
    let mapping = match mapping {
        Some(path) => Some(desk_exchange::history::parse_mapping(
            &desk_ops::files::read_text(&path, "mapping", SMALL_FILE)?,
        )?),
        None => None,
    };
    let request = HistoryRequest {
        sheet,
        mapping,
        decisions: decisions(&same_person, new_person)?,
    };
    let name = file_name(&file);
    let checked = history_preview(ctx.store, &name, &bytes, &request)?;
    if dry_run {
        return report(ctx, true, &checked, None);
    }
    match history_import(
        ctx.store,
        &name,
        &bytes,
        &request,
        skip_invalid,
        &desk_domain::progress::Unwatched,
    ) {
        Ok(imported) => report(ctx, false, &checked, Some(imported)),
        Err(e) => {
            if !ctx.json {
                print_findings(ctx, &checked)?;
            }
            Err(e)
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn decisions(same: &[String], new: Vec<String>) -> Result<PeopleDecisions, Error> {
    let mut decisions = PeopleDecisions {
        new,
        ..PeopleDecisions::default()
    };
    for pair in same {
        let Some((name, id)) = pair.rsplit_once('=') else {
            return Err(Error::invalid(vec![desk_domain::Violation::new(
                "same-person",
                desk_domain::Rule::InvalidFormat,
                format!("\"{pair}\" is not NAME=PERSON_ID"),
            )]));
        };
        decisions
            .same
            .insert(name.trim().to_owned(), id.trim().to_owned());
    }
    Ok(decisions)
}

/// What `history import` reports.
#[derive(Serialize)]
struct Report<'a> {
    dry_run: bool,
    sheet: &'a HistorySheet,
    problems: usize,
    imported: Option<HistoryImported>,
}

fn report(
    ctx: &mut Context<'_>,
    dry_run: bool,
    sheet: &HistorySheet,
    imported: Option<HistoryImported>,
) -> Result<(), Error> {
    let problems = sheet.problems().len();
    if ctx.json {
        return output::json(
            ctx.out,
            &Report {
                dry_run,
                sheet,
                problems,
                imported,
            },
        );
    }
    if dry_run || problems > 0 {
        print_findings(ctx, sheet)?;
    }
    match imported {
        None => output::line(ctx.out, "Dry run: nothing was written."),
        Some(i) => output::line(
            ctx.out,
            &format!(
                "Imported {} delegations ({} new people, {} known people, {} new organisations); {} rows already recorded, {} rows skipped",
                i.delegations,
                i.people_created,
                i.people_known,
                i.organisations_created,
                i.already_recorded.len(),
                i.skipped_rows.len()
            ),
        ),
    }
}

fn print_findings(ctx: &mut Context<'_>, sheet: &HistorySheet) -> Result<(), Error> {
    output::sheet_read(
        ctx.out,
        output::SheetRead {
            file_name: &sheet.file_name,
            sheet: &sheet.sheet,
            header_row: sheet.header_row,
            rows: sheet.rows.len(),
            row_is: "delegation",
            columns: sheet
                .columns
                .iter()
                .map(|c| {
                    (
                        c.column.clone(),
                        c.header.clone(),
                        c.field.map(|f| f.as_str()),
                    )
                })
                .collect(),
            notes: &sheet.notes,
        },
    )?;
    for row in &sheet.rows {
        if let Some(known) = &row.already_recorded {
            output::line(
                ctx.out,
                &format!(
                    "row {}: already recorded as \"{}\" ({}); not added again",
                    row.row, known.title, known.delegation_id
                ),
            )?;
        }
        for m in &row.possible_matches {
            output::line(
                ctx.out,
                &format!(
                    "row {}: \"{}\" may be {} ({}): --same-person \"{}={}\" or --new-person \"{}\"",
                    row.row, m.written, m.full_name, m.person_id, m.written, m.person_id, m.written
                ),
            )?;
        }
    }
    let problems = sheet
        .problems()
        .iter()
        .map(|p| {
            vec![
                p.row.to_string(),
                p.column.clone(),
                p.kind.as_str().to_owned(),
                p.message.clone(),
            ]
        })
        .collect();
    output::sheet_problems(ctx.out, problems)
}
