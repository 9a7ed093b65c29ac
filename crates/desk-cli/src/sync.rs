//! `desk sync` and `desk conflicts`: sharing one record between the office's machines
//! through a shared folder, and settling the changes that met.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use desk_domain::{Error, ErrorKind};
use desk_store::{Keep, SyncConflict};

use crate::context::Context;
use crate::output::{self, table};

#[derive(Subcommand)]
pub enum Command {
    /// Exchange changes with the office's other machines through a shared folder (a file
    /// server, a Syncthing or Nextcloud folder, a USB stick). The passphrase comes from
    /// --passphrase-file, else DESK_SYNC_PASSPHRASE, else the system keyring (where the window
    /// keeps it); the first machine to use a folder sets it.
    Sync(SyncArgs),
    /// The changes that met on two machines and wait for a person to keep one side.
    Conflicts {
        #[command(subcommand)]
        command: Option<ConflictCommand>,
    },
}

#[derive(Args)]
pub struct SyncArgs {
    /// The shared folder (remembered after the first sync).
    #[arg(long, value_name = "DIR")]
    folder: Option<PathBuf>,
    /// A file holding the passphrase (its first line), instead of DESK_SYNC_PASSPHRASE.
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum ConflictCommand {
    /// Keep one side of a conflict; the choice reaches the other machines at their next
    /// sync.
    Resolve {
        id: String,
        /// mine or theirs.
        #[arg(long, value_parser = parse_keep)]
        keep: Keep,
    },
}

fn parse_keep(s: &str) -> Result<Keep, String> {
    match s {
        "mine" => Ok(Keep::Mine),
        "theirs" => Ok(Keep::Theirs),
        _ => Err(format!("expected mine or theirs, not \"{s}\"")),
    }
}

pub fn run(ctx: &mut Context<'_>, db: &Path, command: Command) -> Result<(), Error> {
    match command {
        Command::Sync(a) => sync(ctx, db, a),
        Command::Conflicts { command: None } => list(ctx),
        Command::Conflicts {
            command: Some(ConflictCommand::Resolve { id, keep }),
        } => {
            let settled = ctx.store.resolve_conflict(&id, keep)?;
            if ctx.json {
                output::json(ctx.out, &settled)
            } else {
                output::line(
                    ctx.out,
                    &format!("Kept; {} will sync it", settled.record_label),
                )
            }
        }
    }
}

fn sync(ctx: &mut Context<'_>, db: &Path, a: SyncArgs) -> Result<(), Error> {
    let from_file = match &a.passphrase_file {
        Some(file) => Some(
            std::fs::read_to_string(file)
                .map_err(|e| Error::new(ErrorKind::Io, format!("the passphrase file: {e}")))?
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned(),
        ),
        None => None,
    };
    let passphrase = from_file
        .filter(|p| !p.is_empty())
        .or_else(|| desk_store::keys::sync_passphrase(db))
        .ok_or_else(|| {
            Error::new(
                ErrorKind::Locked,
                "no sync passphrase: set DESK_SYNC_PASSPHRASE to the office's passphrase, give \
                 --passphrase-file, or type it once in the window (Settings → Sync)",
            )
        })?;
    let report = ctx.store.sync(a.folder.as_deref(), &passphrase)?;
    if ctx.json {
        return output::json(ctx.out, &report);
    }
    let mut text = format!(
        "Sent {} changes, received {}; {} conflicts to settle",
        report.sent, report.received, report.open_conflicts
    );
    if report.joined {
        text = format!("Joined the folder as {}. {text}", report.device);
    }
    for device in &report.held_back {
        text.push_str(&format!(
            "\nChanges from {device} were made by a newer Delegation Desk: update this copy of \
             the desk to apply them (they are kept)"
        ));
    }
    output::line(ctx.out, &text)
}

fn list(ctx: &mut Context<'_>) -> Result<(), Error> {
    let conflicts: Vec<SyncConflict> = ctx.store.conflicts()?;
    if ctx.json {
        return output::json(ctx.out, &conflicts);
    }
    if conflicts.is_empty() {
        return output::line(ctx.out, "No conflicts.");
    }
    let rows: Vec<Vec<String>> = conflicts
        .iter()
        .map(|c| {
            vec![
                c.id.clone(),
                c.record_label.clone(),
                c.field.clone(),
                c.mine.to_string(),
                c.theirs.to_string(),
                format!("{} ({})", c.their_device, c.their_time),
            ]
        })
        .collect();
    table(
        ctx.out,
        &["id", "record", "field", "mine", "theirs", "theirs from"],
        &rows,
    )
}
