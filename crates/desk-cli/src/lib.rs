//! `desk`: the same operations as the window, from a terminal.
//!
//! Exit codes scripts can rely on: 0 success, 1 refused input or a failed operation (the
//! reason on stderr, naming the field and the rule), 2 a usage error. Tables for people by
//! default; stable JSON with `--json`.
//!
//! This root holds only the global options and the dispatch; each area is one module that
//! declares its own subcommands (clap) and carries them out in its `run`.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{Parser, Subcommand};
use desk_domain::Error;
use desk_store::Store;

mod context;
mod data;
mod delegations;
mod history;
mod hosting;
mod money;
mod output;
mod people;
mod print;
mod reports;
mod safety;
mod sign;
mod stats;
mod sync;
mod travel;

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
    /// The database's key file, 64 hexadecimal characters (default: $DESK_KEY_FILE, else the
    /// system keyring, else a key file beside the database). Created, readable by you
    /// only, when a new database is created. `--key-file=` (empty) means none.
    #[arg(
        long = "key-file",
        global = true,
        value_name = "FILE",
        value_parser = clap::builder::OsStringValueParser::new().map(PathBuf::from)
    )]
    key_file: Option<PathBuf>,
    /// Print stable JSON instead of tables.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

/// Every area's subcommands, flattened: `desk delegation list`, not `desk delegations
/// delegation list`.
#[derive(Subcommand)]
enum Command {
    #[command(flatten)]
    Data(data::Command),
    #[command(flatten)]
    Delegations(delegations::Command),
    #[command(flatten)]
    People(people::Command),
    #[command(flatten)]
    Travel(travel::Command),
    #[command(flatten)]
    Money(money::Command),
    #[command(flatten)]
    Reports(reports::Command),
    #[command(flatten)]
    History(history::Command),
    #[command(flatten)]
    Hosting(hosting::Command),
    #[command(flatten)]
    Stats(stats::Command),
    #[command(flatten)]
    Sign(sign::Command),
    #[command(flatten)]
    Safety(safety::Command),
    #[command(flatten)]
    Print(print::Command),
    #[command(flatten)]
    Sync(sync::Command),
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
    match execute(cli, out, err) {
        Ok(()) => 0,
        Err(error) => {
            let _ = writeln!(err, "desk: {error}");
            EXIT_REFUSED
        }
    }
}

fn execute(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<(), Error> {
    // Checking a file's signatures needs no database, unless the office's roots are asked for.
    if let Command::Sign(c) = &cli.command
        && !c.needs_database()
    {
        return sign::run(out, cli.json, c, Vec::new());
    }
    // Nor does printing a file.
    if let Command::Print(c) = &cli.command {
        return print::run(out, cli.json, c);
    }
    // A synthetic database is a new file of its own: --db is neither opened nor created.
    if let Command::Data(data::Command::Synthetic { years, out: file }) = &cli.command {
        let keys = desk_store::KeyChoice::from_flag_or_env(cli.key_file.clone());
        return data::synthetic(out, cli.json, *years, file, &keys);
    }
    let (path, _) = desk_store::database_path(cli.db)?;
    let keys = desk_store::KeyChoice::from_flag_or_env(cli.key_file);
    // What works on a database that may be damaged or locked, without opening it.
    if let Command::Safety(c) = &cli.command
        && let Some(done) = safety::run_unopened(out, cli.json, &path, &keys, c)
    {
        return done;
    }
    // Only these create a database where there is none.
    let may_create = matches!(
        cli.command,
        Command::Data(data::Command::Init | data::Command::Demo)
    );
    let opening = desk_store::open_database(&path, &keys, may_create)
        .map_err(|e| safety::opening_failed(e.into(), &path))?;
    if opening.encrypted_now {
        let _ = writeln!(
            err,
            "desk: {} was a plaintext database of an earlier version; it is now encrypted \
             (its key is kept in {})",
            path.display(),
            opening.key_place
        );
    }
    if let Some(failed) = &opening.backup_failed {
        let _ = writeln!(err, "desk: warning: the daily backup failed: {failed}");
    }
    let key_place = opening.key_place.clone();
    let mut store: Store = opening.store;
    let ctx = &mut context::Context {
        store: &mut store,
        json: cli.json,
        out,
        err,
    };
    match cli.command {
        Command::Data(c) => data::run(ctx, &path, &key_place, c),
        Command::Delegations(c) => delegations::run(ctx, c),
        Command::People(c) => people::run(ctx, c),
        Command::Travel(c) => travel::run(ctx, c),
        Command::Money(c) => money::run(ctx, c),
        Command::Reports(c) => reports::run(ctx, c),
        Command::History(c) => history::run(ctx, c),
        Command::Hosting(c) => hosting::run(ctx, c),
        Command::Stats(c) => stats::run(ctx, c),
        Command::Sign(c) => {
            let roots = desk_ops::sign::trusted_roots(ctx.store)?;
            sign::run(ctx.out, ctx.json, &c, roots)
        }
        Command::Print(_) => Ok(()),
        Command::Safety(c) => safety::run(ctx, &path, c),
        Command::Sync(c) => sync::run(ctx, &path, c),
    }
}
