//! `desk init`, `demo`, `search`, `export`, `import` and `check`: the database as a whole.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use desk_domain::{Error, ErrorKind};
use serde::Serialize;

use crate::context::Context;
use crate::output::{self, table};

#[derive(Subcommand)]
pub enum Command {
    /// Create the database (or bring it up to date) and say where it is.
    Init,
    /// Load the demo data set (the INELI-ASEAN story, 2016-2017).
    Demo,
    /// Search people, organisations, delegations, programme and reports (no diacritics needed).
    Search {
        /// What to look for, e.g. "khanh hoa".
        query: String,
        /// At most this many results per kind.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Write the whole database to a JSON file.
    Export {
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
    },
    /// Add every record of a JSON export (all or nothing).
    Import {
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
        /// The office's settings: keep them (default) or replace them by the file's.
        #[arg(long, default_value = "keep", value_parser = parse_settings_mode)]
        settings: desk_store::SettingsMode,
    },
    /// Check the database: integrity, references and schema; on damage, name the backup to
    /// restore.
    Check,
    /// Write a new database of N years of a busy office (2,500 delegations and 25,000
    /// people a year), every record marked as synthetic, to measure the app with.
    Synthetic {
        #[arg(long, value_name = "N")]
        years: i32,
        /// The new file; an existing one is never written into.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

fn parse_settings_mode(s: &str) -> Result<desk_store::SettingsMode, String> {
    match s {
        "keep" => Ok(desk_store::SettingsMode::Keep),
        "replace" => Ok(desk_store::SettingsMode::Replace),
        _ => Err(format!("expected keep or replace, not \"{s}\"")),
    }
}

pub fn run(
    ctx: &mut Context<'_>,
    path: &Path,
    key_place: &desk_store::KeyPlace,
    command: Command,
) -> Result<(), Error> {
    match command {
        Command::Init => init(ctx, path, key_place),
        Command::Demo => demo(ctx),
        Command::Search { query, limit } => search(ctx, &query, limit),
        Command::Export { out } => export(ctx, &out),
        Command::Import { file, settings } => import(ctx, &file, settings),
        Command::Check => crate::safety::check(ctx, path),
        // Carried out by `synthetic` before any database is opened.
        Command::Synthetic { .. } => Ok(()),
    }
}

/// `desk synthetic`: a new database of `years` years of a busy office, every record marked
/// as invented. Never writes into an existing file, and opens no other database.
pub fn synthetic(
    out: &mut dyn std::io::Write,
    json: bool,
    years: i32,
    path: &Path,
    keys: &desk_store::KeyChoice,
) -> Result<(), Error> {
    if !(1..=50).contains(&years) {
        return Err(Error::invalid(vec![desk_domain::Violation::new(
            "years",
            desk_domain::Rule::OutOfRange,
            format!("--years must be from 1 to 50, not {years}"),
        )]));
    }
    let started = std::time::Instant::now();
    let (made, key_place) =
        desk_store::Store::create_synthetic(path, keys, &desk_store::Synthetic::years(years))?;
    if json {
        #[derive(Serialize)]
        struct Made {
            delegations: usize,
            people: usize,
            members: usize,
            expenses: usize,
            reports: usize,
            key: String,
        }
        return output::json(
            out,
            &Made {
                key: key_place.to_string(),
                delegations: made.delegations,
                people: made.people,
                members: made.members,
                expenses: made.expenses,
                reports: made.reports,
            },
        );
    }
    output::line(
        out,
        &format!(
            "{}: {years} years of synthetic records (invented, marked as such): {} delegations, {} people, {} members, {} expense lines, {} reports, in {:.1} s (encrypted; its key is kept in {key_place}).",
            path.display(),
            thousands(made.delegations),
            thousands(made.people),
            thousands(made.members),
            thousands(made.expenses),
            thousands(made.reports),
            started.elapsed().as_secs_f64()
        ),
    )
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn init(ctx: &mut Context<'_>, path: &Path, key_place: &desk_store::KeyPlace) -> Result<(), Error> {
    let version = ctx.store.schema_version()?;
    if ctx.json {
        #[derive(Serialize)]
        struct Init<'a> {
            path: &'a Path,
            schema_version: i64,
            key: String,
        }
        return output::json(
            ctx.out,
            &Init {
                path,
                schema_version: version,
                key: key_place.to_string(),
            },
        );
    }
    output::line(
        ctx.out,
        &format!(
            "Database ready at {} (schema version {version}, encrypted; its key is kept in \
             {key_place})",
            path.display(),
        ),
    )
}

fn demo(ctx: &mut Context<'_>) -> Result<(), Error> {
    let imported = ctx.store.load_demo()?;
    // The example rate table, so that the demo's estimates can be computed.
    desk_ops::rates::load_example(ctx.store)?;
    if ctx.json {
        return output::json(ctx.out, &imported);
    }
    output::line(
        ctx.out,
        &format!(
            "Demo data loaded: {} delegations, {} people, {} organisations, {} other records, \
             and the example rate table (illustrative: names, passports, amounts and rates are \
             invented).",
            imported.delegations, imported.people, imported.organisations, imported.records
        ),
    )
}

fn search(ctx: &mut Context<'_>, query: &str, limit: usize) -> Result<(), Error> {
    let groups = ctx.store.search(query, limit)?;
    if ctx.json {
        return output::json(ctx.out, &groups);
    }
    if groups.is_empty() {
        return output::line(ctx.out, &format!("Nothing found for \"{query}\"."));
    }
    for group in &groups {
        output::line(ctx.out, &format!("{} ({})", group.kind, group.hits.len()))?;
        let rows: Vec<Vec<String>> = group
            .hits
            .iter()
            .map(|h| vec![h.label.clone(), h.detail.clone(), h.record_id.clone()])
            .collect();
        table(ctx.out, &["  NAME", "DETAIL", "ID"], &indent(rows))?;
    }
    Ok(())
}

fn indent(rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    rows.into_iter()
        .map(|mut r| {
            if let Some(first) = r.first_mut() {
                *first = format!("  {first}");
            }
            r
        })
        .collect()
}

fn export(ctx: &mut Context<'_>, file: &Path) -> Result<(), Error> {
    let data = ctx.store.export("")?;
    let text = serde_json::to_string_pretty(&data)
        .map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))?;
    desk_ops::write_file(file, text.as_bytes())?;
    if ctx.json {
        output::json(
            ctx.out,
            &serde_json::json!({ "path": file, "delegations": data.delegations.len() }),
        )
    } else {
        output::line(
            ctx.out,
            &format!(
                "Exported {} delegations, {} people, {} organisations to {}",
                data.delegations.len(),
                data.people.len(),
                data.organisations.len(),
                file.display()
            ),
        )
    }
}

fn import(
    ctx: &mut Context<'_>,
    file: &Path,
    settings: desk_store::SettingsMode,
) -> Result<(), Error> {
    let data = desk_ops::read_exchange(file)?;
    let imported = ctx.store.import(&data, settings)?;
    if ctx.json {
        return output::json(ctx.out, &imported);
    }
    let settings = match imported.settings {
        desk_store::SettingsOutcome::NotInFile => "the file carried no settings",
        desk_store::SettingsOutcome::Same => "the file's settings are the office's already",
        desk_store::SettingsOutcome::Kept => {
            "the office's settings were kept (the file's differ: --settings replace takes them)"
        }
        desk_store::SettingsOutcome::Replaced => {
            "the office's settings were replaced by the file's"
        }
    };
    output::line(
        ctx.out,
        &format!(
            "Imported {} delegations, {} people, {} organisations and {} other records; {settings}",
            imported.delegations, imported.people, imported.organisations, imported.records
        ),
    )
}
