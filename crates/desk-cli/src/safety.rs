//! Keeping the data safe from the terminal: backups, the check that names the backup to
//! restore, restore itself, and the database key's recovery sheet.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use desk_domain::{BackupInfo, Error, ErrorKind};
use desk_store::{BackupReason, Key, KeyChoice, backups};
use serde::Serialize;

use crate::context::Context;
use crate::output::{self, table};

#[derive(Subcommand)]
pub enum Command {
    /// Make a verified, encrypted backup now (into the backups folder, or FILE).
    Backup {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// List the backups, the newest first.
    Backups,
    /// Put a backup in place of the database; the file it replaces is kept aside.
    Restore {
        /// The backup file.
        #[arg(value_name = "FILE", required_unless_present = "latest")]
        file: Option<PathBuf>,
        /// The newest verified backup.
        #[arg(long, conflicts_with = "file")]
        latest: bool,
    },
    /// The database key: its recovery sheet, or a key restored on another machine.
    #[command(subcommand)]
    Key(KeyCommand),
}

#[derive(Subcommand)]
pub enum KeyCommand {
    /// Print the recovery sheet (the key, the database's name and the date) or write it to
    /// FILE, for the office safe.
    Recovery {
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Keep the key of a recovery sheet for the database on this machine.
    Restore {
        /// The recovery sheet as a text file.
        #[arg(value_name = "SHEET", required_unless_present = "key")]
        sheet: Option<PathBuf>,
        /// The key as typed from the printed sheet.
        #[arg(long, conflicts_with = "sheet")]
        key: Option<String>,
    },
}

/// The commands that work without opening the database (it may be damaged, locked or
/// missing); `None` for the others.
pub fn run_unopened(
    out: &mut dyn std::io::Write,
    json: bool,
    db: &Path,
    keys: &KeyChoice,
    command: &Command,
) -> Option<Result<(), Error>> {
    match command {
        Command::Backups => Some(list(out, json, db).map(drop)),
        Command::Restore { file, .. } => Some(restore(out, json, db, keys, file.clone())),
        Command::Key(KeyCommand::Restore { sheet, key }) => {
            Some(key_restore(out, db, keys, sheet.as_deref(), key.as_deref()))
        }
        _ => None,
    }
}

/// The commands on an open database.
pub fn run(ctx: &mut Context<'_>, db: &Path, command: Command) -> Result<(), Error> {
    match command {
        Command::Backup { out } => backup(ctx, out.as_deref()),
        Command::Key(KeyCommand::Recovery { out }) => key_recovery(ctx, db, out.as_deref()),
        // Carried out by `run_unopened`.
        Command::Backups | Command::Restore { .. } | Command::Key(KeyCommand::Restore { .. }) => {
            Ok(())
        }
    }
}

/// `desk backup [--out FILE]`.
pub fn backup(ctx: &mut Context<'_>, out: Option<&Path>) -> Result<(), Error> {
    let file = match out {
        Some(target) => {
            ctx.store.backup_to(target)?;
            target.display().to_string()
        }
        None => match ctx.store.backup(BackupReason::Manual)? {
            Some(made) => made.file,
            None => {
                return Err(Error::new(
                    ErrorKind::Storage,
                    "a database in memory has no backups",
                ));
            }
        },
    };
    if ctx.json {
        return output::json(
            ctx.out,
            &serde_json::json!({ "file": file, "verified": true }),
        );
    }
    output::line(
        ctx.out,
        &format!("Backup written and checked: {file} (encrypted with the database's key)"),
    )
}

/// `desk backups`: the newest first.
pub fn list(out: &mut dyn std::io::Write, json: bool, db: &Path) -> Result<Vec<BackupInfo>, Error> {
    let found = backups::list(db)?;
    if json {
        output::json(out, &found)?;
    } else if found.is_empty() {
        output::line(
            out,
            &format!("No backups of {} yet (desk backup makes one)", db.display()),
        )?;
    } else {
        let rows: Vec<Vec<String>> = found
            .iter()
            .map(|b| {
                vec![
                    b.made_at.clone(),
                    b.reason.clone(),
                    b.size.to_string(),
                    if b.verified { "yes" } else { "no" }.to_owned(),
                    b.file.clone(),
                ]
            })
            .collect();
        table(
            out,
            &["MADE AT", "REASON", "BYTES", "VERIFIED", "FILE"],
            &rows,
        )?;
    }
    Ok(found)
}

/// The sentence that says which backup to restore and how.
pub fn restore_hint(db: &Path) -> String {
    match backups::newest(db) {
        Ok(Some(newest)) => format!(
            "the newest verified backup is {} (made {}); restore it with: desk --db {} restore --latest",
            newest.file,
            newest.made_at,
            db.display()
        ),
        _ => format!(
            "there is no verified backup in {}",
            backups::folder(db).display()
        ),
    }
}

/// `desk check` on a database that opened: integrity, references, schema.
pub fn check(ctx: &mut Context<'_>, db: &Path) -> Result<(), Error> {
    // A page SQLCipher cannot decrypt stops the check itself: that is damage too.
    let report = ctx
        .store
        .check()
        .map_err(|e| opening_failed(e.into(), db))?;
    if ctx.json {
        output::json(ctx.out, &report)?;
    } else {
        output::line(
            ctx.out,
            &format!(
                "Schema version {} (this app: {}); integrity: {}; schema: {}; broken references: {}",
                report.schema_version,
                report.supported_version,
                report.integrity,
                report.schema,
                report.broken_references
            ),
        )?;
        let rows: Vec<Vec<String>> = report
            .counts
            .iter()
            .map(|(t, n)| vec![t.clone(), n.to_string()])
            .collect();
        table(ctx.out, &["TABLE", "ROWS"], &rows)?;
    }
    if report.ok() {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::Damaged,
        format!(
            "the database check found problems (integrity: {}; schema: {}; broken references: {}); {}",
            report.integrity,
            report.schema,
            report.broken_references,
            restore_hint(db)
        ),
    ))
}

/// The failure to open a database, with the way out when the file is damaged.
pub fn opening_failed(error: Error, db: &Path) -> Error {
    if error.kind == ErrorKind::Damaged {
        return Error::new(
            ErrorKind::Damaged,
            format!(
                "{} cannot be read: {}; {}",
                db.display(),
                error.message,
                restore_hint(db)
            ),
        );
    }
    error
}

/// `desk restore FILE | --latest`.
pub fn restore(
    ctx_out: &mut dyn std::io::Write,
    json: bool,
    db: &Path,
    keys: &KeyChoice,
    file: Option<PathBuf>,
) -> Result<(), Error> {
    let from = match file {
        Some(file) => file,
        None => match backups::newest(db)? {
            Some(newest) => PathBuf::from(newest.file),
            None => {
                return Err(Error::new(
                    ErrorKind::NotFound,
                    format!(
                        "there is no verified backup in {} to restore",
                        backups::folder(db).display()
                    ),
                ));
            }
        },
    };
    let (key, _) = keys.find(db)?;
    let restored = desk_store::backups::restore(db, &key, &from)?;
    // It must open and pass its check before the restore is called done.
    let store = desk_store::Store::open(db, &key)?;
    let report = store.check()?;
    if !report.ok() {
        return Err(Error::new(
            ErrorKind::Damaged,
            format!(
                "the restored database did not pass its check (integrity: {})",
                report.integrity
            ),
        ));
    }
    if json {
        #[derive(Serialize)]
        struct Done {
            restored_from: PathBuf,
            kept_aside: Option<PathBuf>,
        }
        return output::json(
            ctx_out,
            &Done {
                restored_from: restored.from,
                kept_aside: restored.aside,
            },
        );
    }
    let aside = match &restored.aside {
        Some(aside) => format!(
            "; the file it replaced is kept, encrypted, at {}",
            aside.display()
        ),
        None => String::new(),
    };
    output::line(
        ctx_out,
        &format!(
            "Restored {} from {}{aside}. desk check passes.",
            db.display(),
            restored.from.display()
        ),
    )
}

/// `desk key recovery [--out FILE]`: the sheet to print and keep in the office safe.
pub fn key_recovery(ctx: &mut Context<'_>, db: &Path, out: Option<&Path>) -> Result<(), Error> {
    let key = ctx
        .store
        .key()
        .ok_or_else(|| Error::new(ErrorKind::Internal, "a database in memory has no key"))?;
    let sheet = desk_ops::recovery_sheet(db, key, chrono::Local::now().date_naive());
    match out {
        Some(target) => {
            desk_ops::write_private_file(target, sheet.as_bytes())?;
            output::line(
                ctx.out,
                &format!(
                    "Recovery sheet written to {} (it holds the key: print it, keep it in the \
                     office safe, then delete the file)",
                    target.display()
                ),
            )
        }
        None => output::line(ctx.out, &sheet),
    }
}

/// `desk key restore SHEET|--key HEX`: keeps the key for the database on this machine,
/// once it is shown to open it.
pub fn key_restore(
    out: &mut dyn std::io::Write,
    db: &Path,
    keys: &KeyChoice,
    sheet: Option<&Path>,
    typed: Option<&str>,
) -> Result<(), Error> {
    let key = match (sheet, typed) {
        (_, Some(text)) => Key::from_hex(text).ok_or_else(|| {
            Error::new(
                ErrorKind::Validation,
                "--key must be the 64 hexadecimal characters of the recovery sheet",
            )
        })?,
        (Some(file), None) => {
            let text = std::fs::read_to_string(file)
                .map_err(|e| Error::new(ErrorKind::Io, format!("{}: {e}", file.display())))?;
            Key::find_in(&text).ok_or_else(|| {
                Error::new(
                    ErrorKind::Validation,
                    format!(
                        "{} holds no key (64 hexadecimal characters on one line)",
                        file.display()
                    ),
                )
            })?
        }
        (None, None) => {
            return Err(Error::new(
                ErrorKind::Validation,
                "give the recovery sheet's file, or the key with --key",
            ));
        }
    };
    // The key must open this database before it is kept anywhere.
    drop(desk_store::Store::open(db, &key)?);
    let place = keys.keep(db, &key)?;
    output::line(
        out,
        &format!("The key opens {}; it is now kept in {place}", db.display()),
    )
}
