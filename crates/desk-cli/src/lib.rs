//! `desk`: the same operations as the window, from a terminal.
//!
//! Exit codes scripts can rely on: 0 success, 1 refused input or a failed operation (the
//! reason on stderr, naming the field and the rule), 2 a usage error. Tables for people by
//! default; stable JSON with `--json`.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use desk_domain::{Direction, Error, ErrorKind, NewDelegation};
use desk_store::Store;

mod output;

/// Exit code for a refused input or a failed operation.
pub const EXIT_REFUSED: u8 = 1;
/// Exit code for a command line that could not be understood.
pub const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(name = "desk", version, about = "Delegation Desk from the terminal")]
struct Cli {
    /// The database file (default: $DESK_DB, else the app-data folder shared with the app).
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    /// Print stable JSON instead of tables.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Delegations sent abroad or received.
    #[command(subcommand)]
    Delegation(DelegationCommand),
}

#[derive(Subcommand)]
enum DelegationCommand {
    /// List every delegation, the latest first.
    List,
    /// Create a Draft delegation and print its id.
    Add {
        #[arg(long, value_parser = parse_direction)]
        direction: Direction,
        #[arg(long)]
        title: String,
        /// ISO 3166-1 alpha-2 code, e.g. SG.
        #[arg(long)]
        country: String,
        /// YYYY-MM-DD
        #[arg(long)]
        starts: String,
        /// YYYY-MM-DD
        #[arg(long)]
        ends: String,
    },
}

fn parse_direction(s: &str) -> Result<Direction, String> {
    Direction::parse(s).ok_or_else(|| format!("expected outgoing or incoming, not \"{s}\""))
}

/// Runs one command line and returns the process exit code.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(usage) => {
            // --help and --version are not errors.
            let code = if usage.use_stderr() { EXIT_USAGE } else { 0 };
            let target: &mut dyn Write = if usage.use_stderr() { err } else { out };
            let _ = write!(target, "{}", usage.render());
            return code;
        }
    };
    match execute(cli, out) {
        Ok(()) => 0,
        Err(error) => {
            let _ = writeln!(err, "desk: {error}");
            EXIT_REFUSED
        }
    }
}

fn database_path(flag: Option<PathBuf>) -> Result<PathBuf, Error> {
    flag.or_else(|| {
        std::env::var_os("DESK_DB")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
    .or_else(desk_store::default_database_path)
    .ok_or_else(|| {
        Error::new(
            ErrorKind::Io,
            "no app-data folder on this system: pass --db FILE or set DESK_DB",
        )
    })
}

fn execute(cli: Cli, out: &mut dyn Write) -> Result<(), Error> {
    let mut store = Store::open(&database_path(cli.db)?)?;
    match cli.command {
        Command::Delegation(DelegationCommand::List) => {
            let delegations = store.list_delegations()?;
            if cli.json {
                output::json(out, &delegations)
            } else {
                output::delegation_table(out, &delegations)
            }
        }
        Command::Delegation(DelegationCommand::Add {
            direction,
            title,
            country,
            starts,
            ends,
        }) => {
            let created = store.create_delegation(&NewDelegation {
                direction,
                title,
                country,
                starts_on: starts,
                ends_on: ends,
            })?;
            if cli.json {
                output::json(out, &created)
            } else {
                output::line(out, &created.id)
            }
        }
    }
}
