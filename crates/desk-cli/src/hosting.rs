//! The hosting kit from a terminal: guest lists in and out, transfers, rooming, programme,
//! checklists, check-in, badges and letters.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, Utc};
use clap::Subcommand;
use desk_domain::hosting::{ChecklistTemplate, GuestSheet, HostingList, HostingPaper, Written};
use desk_domain::{Error, Language, Rule, Violation};
use desk_exchange::{ReadOptions, parse_mapping, read_guests};
use desk_ops::hosting::{export_hosting_list, export_hosting_paper};
use desk_report::hosting::{LetterKind, Printed, letter_recipients, letters_pdf};
use serde::Serialize;

use crate::context::Context;
use crate::output::{self, table};

#[derive(Subcommand)]
pub enum Command {
    /// Guest lists of a hosted delegation: import from XLSX or CSV, export, list.
    #[command(subcommand)]
    Guests(GuestsCommand),
    /// The transfer board (pickups by day and time); a PDF, XLSX or CSV list with --out.
    Transfers {
        #[arg(long)]
        delegation: String,
        /// FILE.pdf for the transport team, or FILE.xlsx / FILE.csv.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// First make one transfer per arriving or departing flight that has none.
        #[arg(long)]
        generate: bool,
    },
    /// Who sleeps where, who shares, nights per guest; a PDF, XLSX or CSV list with --out.
    Rooming {
        #[arg(long)]
        delegation: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The bilingual programme, day by day, as PDF.
    Programme {
        #[arg(long)]
        delegation: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Duty checklists whose due dates count back from the event.
    #[command(subcommand)]
    Checklist(ChecklistCommand),
    /// Tick a guest's arrival at the welcome desk, or list who has (not) arrived.
    Checkin {
        #[arg(long)]
        delegation: String,
        /// The guest to tick.
        #[arg(long)]
        person: Option<String>,
        /// List only the guests who have not arrived.
        #[arg(long, conflicts_with = "person")]
        missing: bool,
        /// Take back a tick made by mistake.
        #[arg(long, requires = "person")]
        undo: bool,
    },
    /// Name badges (8 per A4 sheet, with cut marks) or table tent cards, as PDF.
    Badges {
        #[arg(long)]
        delegation: String,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
        /// Foldable table cards (the name twice, one upside down) instead of badges.
        #[arg(long)]
        tent: bool,
    },
    /// Invitation or visa-support letters to the guests, in the official layout, as PDF.
    Letters {
        #[arg(long)]
        delegation: String,
        #[arg(long, value_parser = parse_letter_kind)]
        kind: LetterKind,
        /// One guest only (their person id).
        #[arg(long)]
        guest: Option<String>,
        /// en, vi or both.
        #[arg(long, default_value = "en", value_parser = parse_letter_languages)]
        lang: LetterLanguages,
        /// The date of the letters (YYYY-MM-DD); today by default.
        #[arg(long)]
        date: Option<NaiveDate>,
        /// FILE.pdf for all in one file, or a folder for one file per guest.
        #[arg(long, value_name = "FILE.pdf|DIR")]
        out: PathBuf,
        /// Sign each file (--p12 or --pkcs11, with --pin-env).
        #[command(flatten)]
        key: crate::sign::KeyArgs,
    },
}

#[derive(Subcommand)]
pub enum GuestsCommand {
    /// Read a guest list (XLSX or CSV) and add its guests to the delegation, all or nothing.
    Import {
        #[arg(long)]
        delegation: String,
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The worksheet to read (the first one by default).
        #[arg(long)]
        sheet: Option<String>,
        /// A JSON file saying which column holds what.
        #[arg(long, value_name = "FILE.json")]
        mapping: Option<PathBuf>,
        /// Show what would be imported and every problem by row and column; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows and leave out the rows with problems.
        #[arg(long)]
        skip_invalid: bool,
    },
    /// Write the guest list to FILE.xlsx or FILE.csv.
    Export {
        #[arg(long)]
        delegation: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// List the guests with their arrival.
    List {
        #[arg(long)]
        delegation: String,
    },
}

#[derive(Subcommand)]
pub enum ChecklistCommand {
    /// Add the checklist's duties as tasks (titles already there are not added again).
    Apply {
        #[arg(long)]
        delegation: String,
        /// A checklist template (JSON); the built-in hosting checklist by default.
        #[arg(long, value_name = "FILE.json")]
        template: Option<PathBuf>,
        /// Who the tasks are assigned to (a person id).
        #[arg(long)]
        assignee: Option<String>,
        /// The language of the task titles: vi or en.
        #[arg(long, default_value = "vi", value_parser = crate::context::parse_language)]
        lang: Language,
    },
}

#[derive(Clone)]
pub struct LetterLanguages(Vec<Language>);

fn parse_letter_kind(s: &str) -> Result<LetterKind, String> {
    match s {
        "invitation" => Ok(LetterKind::Invitation),
        "visa" => Ok(LetterKind::VisaSupport),
        _ => Err(format!("expected invitation or visa, not \"{s}\"")),
    }
}

fn parse_letter_languages(s: &str) -> Result<LetterLanguages, String> {
    match s {
        "en" => Ok(LetterLanguages(vec![Language::En])),
        "vi" => Ok(LetterLanguages(vec![Language::Vi])),
        "both" => Ok(LetterLanguages(vec![Language::En, Language::Vi])),
        _ => Err(format!("expected en, vi or both, not \"{s}\"")),
    }
}

pub fn run(ctx: &mut Context<'_>, command: Command) -> Result<(), Error> {
    match command {
        Command::Guests(GuestsCommand::Import {
            delegation,
            file,
            sheet,
            mapping,
            dry_run,
            skip_invalid,
        }) => guests_import(
            ctx,
            GuestImportArgs {
                delegation: &delegation,
                file: &file,
                sheet,
                mapping: mapping.as_deref(),
                dry_run,
                skip_invalid,
            },
        ),
        Command::Guests(GuestsCommand::Export { delegation, out }) => {
            guests_export(ctx, &delegation, &out)
        }
        Command::Guests(GuestsCommand::List { delegation }) => guests_list(ctx, &delegation),
        Command::Transfers {
            delegation,
            out,
            generate,
        } => transfers(ctx, &delegation, out.as_deref(), generate),
        Command::Rooming { delegation, out } => rooming(ctx, &delegation, out.as_deref()),
        Command::Programme { delegation, out } => programme(ctx, &delegation, &out),
        Command::Checklist(ChecklistCommand::Apply {
            delegation,
            template,
            assignee,
            lang,
        }) => checklist_apply(
            ctx,
            &delegation,
            template.as_deref(),
            assignee.as_deref(),
            lang,
        ),
        Command::Checkin {
            delegation,
            person,
            missing,
            undo,
        } => checkin(ctx, &delegation, person.as_deref(), missing, undo),
        Command::Badges {
            delegation,
            out,
            tent,
        } => badges(ctx, &delegation, &out, tent),
        Command::Letters {
            delegation,
            kind,
            guest,
            lang,
            date,
            out,
            key,
        } => letters(
            ctx,
            LetterArgs {
                delegation: &delegation,
                kind,
                guest: guest.as_deref(),
                languages: lang.0,
                date,
                out: &out,
                key: key.wanted().then_some(&key),
            },
        ),
    }
}

/// A column mapping or a checklist template is a few kilobytes.
const SMALL_FILE: u64 = 1024 * 1024;

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase()
}

fn unsupported(path: &Path, allowed: &str) -> Error {
    Error::invalid(vec![Violation::new(
        "out",
        Rule::UnknownCode,
        format!("{} must end in {allowed}", path.display()),
    )])
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    Utc::now().fixed_offset()
}

/// Tells what an export wrote: its warnings on stderr, the file (and its pages) on stdout.
fn wrote(ctx: &mut Context<'_>, written: &Written) -> Result<(), Error> {
    for w in &written.warnings {
        output::line(ctx.err, &format!("desk: warning: {w}"))?;
    }
    if ctx.json {
        output::json(ctx.out, written)
    } else if written.pages == 0 {
        output::line(ctx.out, &format!("Wrote {}", written.path))
    } else {
        output::line(
            ctx.out,
            &format!("Wrote {} ({} pages)", written.path, written.pages),
        )
    }
}

/// A list as XLSX or CSV (by the extension), the same file the window exports.
fn list(
    ctx: &mut Context<'_>,
    delegation: &str,
    list: HostingList,
    out: &Path,
) -> Result<(), Error> {
    let written = export_hosting_list(ctx.store, delegation, list, out)?;
    wrote(ctx, &written)
}

/// A paper as PDF, the same file the window prints.
fn paper(
    ctx: &mut Context<'_>,
    delegation: &str,
    paper: HostingPaper,
    out: &Path,
) -> Result<(), Error> {
    let written = export_hosting_paper(ctx.store, delegation, paper, &[], out)?;
    wrote(ctx, &written)
}

fn printed(ctx: &mut Context<'_>, path: &Path, doc: Printed) -> Result<(), Error> {
    desk_ops::write_file(path, &doc.pdf)?;
    let written = Written {
        path: path.display().to_string(),
        pages: doc.pages,
        warnings: doc.warnings,
        left_out: Vec::new(),
    };
    wrote(ctx, &written)
}

/// What `guests import` reports.
#[derive(Serialize)]
struct ImportReport<'a> {
    dry_run: bool,
    sheet: &'a GuestSheet,
    problems: usize,
    imported: Option<desk_domain::hosting::GuestImported>,
}

fn print_findings(ctx: &mut Context<'_>, sheet: &GuestSheet) -> Result<(), Error> {
    output::sheet_read(
        ctx.out,
        output::SheetRead {
            file_name: &sheet.file_name,
            sheet: &sheet.sheet,
            header_row: sheet.header_row,
            rows: sheet.rows.len(),
            row_is: "guest",
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

/// `desk guests import`.
struct GuestImportArgs<'a> {
    delegation: &'a str,
    file: &'a Path,
    sheet: Option<String>,
    mapping: Option<&'a Path>,
    dry_run: bool,
    skip_invalid: bool,
}

fn guests_import(ctx: &mut Context<'_>, a: GuestImportArgs<'_>) -> Result<(), Error> {
    // Only a regular file, its size checked before a byte of it is read.
    let limits = desk_exchange::Limits::default();
    let bytes = desk_ops::files::read_file(a.file, "file", limits.max_file_bytes)?;
    let mapping = match a.mapping {
        Some(path) => Some(parse_mapping(&desk_ops::files::read_text(
            path, "mapping", SMALL_FILE,
        )?)?),
        None => None,
    };
    let options = ReadOptions {
        sheet: a.sheet,
        mapping,
        remembered: ctx.store.guest_mapping_for(a.delegation)?,
        limits,
    };
    let name = a
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sheet = read_guests(&name, &bytes, &options)?;
    let checked = ctx.store.preview_guests(a.delegation, &sheet)?;
    let problems = checked.problems().len();
    if a.dry_run {
        if ctx.json {
            return output::json(
                ctx.out,
                &ImportReport {
                    dry_run: true,
                    sheet: &checked,
                    problems,
                    imported: None,
                },
            );
        }
        print_findings(ctx, &checked)?;
        return output::line(ctx.out, "Dry run: nothing was written.");
    }
    let imported = match ctx
        .store
        .import_guests(a.delegation, &sheet, a.skip_invalid)
    {
        Ok(imported) => imported,
        Err(e) => {
            if !ctx.json {
                print_findings(ctx, &checked)?;
            }
            return Err(e.into());
        }
    };
    if ctx.json {
        return output::json(
            ctx.out,
            &ImportReport {
                dry_run: false,
                sheet: &checked,
                problems,
                imported: Some(imported),
            },
        );
    }
    if problems > 0 {
        print_findings(ctx, &checked)?;
    }
    output::line(
        ctx.out,
        &format!(
            "Imported {} guests ({} new organisations, {} new flights, {} flights joined); {} rows skipped",
            imported.people.len(),
            imported.organisations_created.len(),
            imported.segments_created,
            imported.segments_joined,
            imported.skipped_rows.len()
        ),
    )
}

fn guests_export(ctx: &mut Context<'_>, delegation: &str, out: &Path) -> Result<(), Error> {
    list(ctx, delegation, HostingList::Guests, out)
}

fn guests_list(ctx: &mut Context<'_>, delegation: &str) -> Result<(), Error> {
    let guests = ctx.store.guests(delegation)?;
    if ctx.json {
        return output::json(ctx.out, &guests);
    }
    let rows: Vec<Vec<String>> = guests
        .iter()
        .map(|g| {
            vec![
                g.person.full_name.clone(),
                g.person.nationality.clone(),
                g.organisation
                    .as_ref()
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
                g.arrival
                    .as_ref()
                    .map(|s| format!("{} {}", s.number, s.arrives_local.format("%d/%m %H:%M")))
                    .unwrap_or_default(),
                g.person.id.clone(),
            ]
        })
        .collect();
    table(
        ctx.out,
        &["NAME", "NAT", "ORGANISATION", "ARRIVAL", "PERSON ID"],
        &rows,
    )
}

fn transfers(
    ctx: &mut Context<'_>,
    delegation: &str,
    out: Option<&Path>,
    generate: bool,
) -> Result<(), Error> {
    if generate {
        let made = ctx.store.generate_transfers(delegation)?;
        output::line(
            ctx.err,
            &format!("desk: {} transfers made from flights", made.len()),
        )?;
    }
    match out {
        Some(path) if extension(path) == "pdf" => {
            paper(ctx, delegation, HostingPaper::Transfers, path)
        }
        Some(path) => list(ctx, delegation, HostingList::Transfers, path),
        None => {
            let board = ctx.store.transfer_board(delegation)?;
            if ctx.json {
                return output::json(ctx.out, &board);
            }
            for day in &board.days {
                output::line(ctx.out, &day.date.format("%a %d/%m/%Y").to_string())?;
                let rows: Vec<Vec<String>> = day
                    .transfers
                    .iter()
                    .map(|r| {
                        vec![
                            r.transfer.at_local.format("%H:%M").to_string(),
                            r.transfer.kind.as_str().to_owned(),
                            r.segment
                                .as_ref()
                                .map(|s| s.number.clone())
                                .unwrap_or_default(),
                            r.transfer.terminal.clone(),
                            r.passengers.len().to_string(),
                            r.transfer.vehicle.clone(),
                            r.transfer.driver.clone(),
                        ]
                    })
                    .collect();
                table(
                    ctx.out,
                    &[
                        "  TIME", "KIND", "FLIGHT", "TERM", "PAX", "VEHICLE", "DRIVER",
                    ],
                    &rows,
                )?;
            }
            if !board.without_arrival_transfer.is_empty() {
                output::line(
                    ctx.out,
                    &format!(
                        "Without an arrival pickup: {}",
                        board
                            .without_arrival_transfer
                            .iter()
                            .map(|p| p.full_name.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                )?;
            }
            Ok(())
        }
    }
}

fn rooming(ctx: &mut Context<'_>, delegation: &str, out: Option<&Path>) -> Result<(), Error> {
    match out {
        Some(path) if extension(path) == "pdf" => {
            paper(ctx, delegation, HostingPaper::Rooming, path)
        }
        Some(path) => list(ctx, delegation, HostingList::Rooming, path),
        None => {
            let list = ctx.store.rooming_list(delegation)?;
            if ctx.json {
                return output::json(ctx.out, &list);
            }
            let rows = desk_report::hosting::nights_rows(&list);
            table(ctx.out, &["GUEST", "ROOM", "SHARES WITH", "NIGHTS"], &rows)?;
            if !list.without_room.is_empty() {
                output::line(
                    ctx.out,
                    &format!(
                        "Without a room: {}",
                        list.without_room
                            .iter()
                            .map(|p| p.full_name.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                )?;
            }
            Ok(())
        }
    }
}

fn programme(ctx: &mut Context<'_>, delegation: &str, out: &Path) -> Result<(), Error> {
    paper(ctx, delegation, HostingPaper::Programme, out)
}

fn checklist_apply(
    ctx: &mut Context<'_>,
    delegation: &str,
    template: Option<&Path>,
    assignee: Option<&str>,
    language: Language,
) -> Result<(), Error> {
    let template: ChecklistTemplate = match template {
        Some(path) => {
            serde_json::from_str(&desk_ops::files::read_text(path, "template", SMALL_FILE)?)
                .map_err(|e| {
                    Error::invalid(vec![Violation::new(
                        "template",
                        Rule::InvalidFormat,
                        format!("{} is not a checklist template: {e}", path.display()),
                    )])
                })?
        }
        None => desk_store::default_checklist()?,
    };
    let applied = ctx
        .store
        .apply_checklist(delegation, &template, assignee, language)?;
    if ctx.json {
        return output::json(ctx.out, &applied);
    }
    let rows: Vec<Vec<String>> = applied
        .created
        .iter()
        .map(|t| {
            vec![
                t.due_on.map(|d| d.to_string()).unwrap_or_default(),
                t.title.clone(),
            ]
        })
        .collect();
    output::line(
        ctx.out,
        &format!(
            "Added {} tasks ({} already there)",
            applied.created.len(),
            applied.skipped.len()
        ),
    )?;
    table(ctx.out, &["DUE", "TASK"], &rows)
}

fn checkin(
    ctx: &mut Context<'_>,
    delegation: &str,
    person: Option<&str>,
    missing: bool,
    undo: bool,
) -> Result<(), Error> {
    if let Some(person) = person {
        let tick = ctx.store.set_arrival(delegation, person, !undo)?;
        if ctx.json {
            return output::json(ctx.out, &tick);
        }
        return match &tick.at {
            Some(at) => output::line(ctx.out, &format!("{} arrived at {at}", tick.full_name)),
            None => output::line(
                ctx.out,
                &format!("{} is marked as not arrived", tick.full_name),
            ),
        };
    }
    let all = ctx.store.check_ins(delegation)?;
    let arrived = all.iter().filter(|c| c.at.is_some()).count();
    let shown: Vec<_> = all.iter().filter(|c| !missing || c.at.is_none()).collect();
    if ctx.json {
        return output::json(ctx.out, &shown);
    }
    output::line(
        ctx.out,
        &format!(
            "{arrived} of {} guests arrived; {} not yet",
            all.len(),
            all.len() - arrived
        ),
    )?;
    let rows: Vec<Vec<String>> = shown
        .iter()
        .map(|c| {
            vec![
                c.full_name.clone(),
                c.at.clone().unwrap_or_else(|| "—".into()),
                c.person_id.clone(),
            ]
        })
        .collect();
    table(ctx.out, &["GUEST", "ARRIVED", "PERSON ID"], &rows)
}

fn badges(ctx: &mut Context<'_>, delegation: &str, out: &Path, tent: bool) -> Result<(), Error> {
    let kind = if tent {
        HostingPaper::TentCards
    } else {
        HostingPaper::Badges
    };
    paper(ctx, delegation, kind, out)
}

/// `desk letters`.
struct LetterArgs<'a> {
    delegation: &'a str,
    kind: LetterKind,
    guest: Option<&'a str>,
    languages: Vec<Language>,
    date: Option<NaiveDate>,
    out: &'a Path,
    /// Sign each file with this key.
    key: Option<&'a crate::sign::KeyArgs>,
}

fn letters(ctx: &mut Context<'_>, a: LetterArgs<'_>) -> Result<(), Error> {
    let d = ctx.store.delegation(a.delegation)?;
    let mut guests = ctx.store.guests(a.delegation)?;
    if let Some(id) = a.guest {
        guests.retain(|g| g.person.id == id);
        if guests.is_empty() {
            return Err(Error::invalid(vec![Violation::new(
                "guest",
                Rule::UnknownRecord,
                format!("{id} is not a guest of this delegation"),
            )]));
        }
    }
    let (guests, left_out) = letter_recipients(&d, guests, a.kind)?;
    if !left_out.is_empty() {
        output::line(
            ctx.err,
            &format!(
                "desk: {} guest(s) of {} need no visa; no letter was made for them",
                left_out.len(),
                d.country
            ),
        )?;
    }
    let settings = ctx.store.settings()?;
    let date = a.date.unwrap_or_else(|| Utc::now().date_naive());
    // The key is opened once (one PIN) for all the files; the signing information is in
    // the language of the last letter, whose signature block carries it.
    let signing = match a.key {
        Some(key) => {
            let language = a.languages.last().copied().unwrap_or(Language::Vi);
            Some(crate::sign::open(ctx.store, key, language)?)
        }
        None => None,
    };
    let write_one = |ctx: &mut Context<'_>,
                     guests: &[desk_domain::hosting::GuestRecord],
                     path: &Path|
     -> Result<(), Error> {
        let mut doc = letters_pdf(&settings, &d, guests, a.kind, &a.languages, date, now())
            .map_err(Error::from)?;
        if let Some(s) = &signing {
            doc.pdf = crate::sign::sign_letter(&settings, s, &doc)?;
        }
        printed(ctx, path, doc)
    };
    if a.out.is_dir() {
        // One file per guest, named by the passport form of the name.
        for guest in &guests {
            let stem: String = guest
                .person
                .passport_name
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let kind = match a.kind {
                LetterKind::Invitation => "invitation",
                LetterKind::VisaSupport => "visa",
            };
            let path = a.out.join(format!("{kind}-{stem}.pdf"));
            write_one(ctx, std::slice::from_ref(guest), &path)?;
        }
        Ok(())
    } else if extension(a.out) == "pdf" {
        write_one(ctx, &guests, a.out)
    } else {
        Err(unsupported(
            a.out,
            ".pdf (or be a folder, for one file per guest)",
        ))
    }
}
