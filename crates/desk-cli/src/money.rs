//! `desk rates`, `desk estimate` and `desk settlement`: rate tables in and out, the cost
//! estimate of a delegation with how each line was computed, and the settlement after the
//! trip, on screen, as JSON, as an official PDF and as XLSX for the accounting office.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use desk_domain::money::format_vnd;
use desk_domain::{
    ChangeKind, Error, ErrorKind, Estimate, EstimateRequest, ExpenseCategory, LineChange, Money,
    SavedEstimate,
};
use serde::Serialize;

use crate::context::{Context, parse_language};
use crate::output::{self, table};

#[derive(Subcommand)]
pub enum Command {
    /// Per-diem rate tables: list, import from CSV, export to CSV.
    #[command(subcommand)]
    Rates(RatesCommand),
    /// The cost estimate of an outgoing delegation, by the rate table in force.
    Estimate(EstimateArgs),
    /// The settlement of a delegation: estimate, advances and actual expenses per person.
    Settlement(SettlementArgs),
}

#[derive(Subcommand)]
pub enum RatesCommand {
    /// List the rate tables, the most recent first.
    List,
    /// Import a rate table from CSV (replaces the table with the same name and date).
    Import {
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
    },
    /// Export a rate table to CSV (default: the most recent).
    Export {
        /// The table's id (see `desk rates list`).
        id: Option<String>,
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
    },
    /// Load the example table shipped with the app (illustrative figures only).
    Example,
}

/// Options shared by the two money documents.
#[derive(Args)]
pub struct DocumentArgs {
    /// Write the official PDF here.
    #[arg(long, value_name = "FILE.pdf")]
    pdf: Option<PathBuf>,
    /// Write the workbook for the accounting office here.
    #[arg(long, value_name = "FILE.xlsx")]
    xlsx: Option<PathBuf>,
    /// Language of the PDF and the workbook: vi (default) or en.
    #[arg(long, default_value = "vi", value_parser = parse_language)]
    lang: desk_domain::Language,
    /// The document's number in the register; without it the number is left blank.
    #[arg(long, default_value_t = 0, hide_default_value = true)]
    number: u32,
    /// The document's date, YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
}

#[derive(Args)]
pub struct EstimateArgs {
    /// The delegation's id.
    #[arg(long)]
    delegation: String,
    /// The rate table's id (default: the one in force on the delegation's first day).
    #[arg(long)]
    table: Option<String>,
    /// VND per unit of the table's currency, e.g. 23500; needs --rate-date and --rate-source.
    #[arg(long, default_value = "", hide_default_value = true)]
    rate: String,
    /// The day of the rate, YYYY-MM-DD.
    #[arg(long = "rate-date", default_value = "", hide_default_value = true)]
    rate_date: String,
    /// Where the rate comes from, e.g. "Vietcombank, tỷ giá bán".
    #[arg(long = "rate-source", default_value = "", hide_default_value = true)]
    rate_source: String,
    /// Keep this estimate (the one for approval, which the settlement compares against).
    #[arg(long)]
    save: bool,
    #[command(flatten)]
    document: DocumentArgs,
}

#[derive(Args)]
pub struct SettlementArgs {
    /// The delegation's id.
    #[arg(long)]
    delegation: String,
    #[command(flatten)]
    document: DocumentArgs,
}

pub fn run(ctx: &mut Context<'_>, command: Command) -> Result<(), Error> {
    match command {
        Command::Rates(RatesCommand::List) => rates_list(ctx),
        Command::Rates(RatesCommand::Import { file }) => rates_import(ctx, &file),
        Command::Rates(RatesCommand::Export { id, out }) => rates_export(ctx, id.as_deref(), &out),
        Command::Rates(RatesCommand::Example) => rates_example(ctx),
        Command::Estimate(args) => estimate(ctx, &args),
        Command::Settlement(args) => settlement(ctx, &args),
    }
}

fn rates_list(ctx: &mut Context<'_>) -> Result<(), Error> {
    let tables = ctx.store.rate_tables()?;
    if ctx.json {
        return output::json(ctx.out, &tables);
    }
    if tables.is_empty() {
        return output::line(
            ctx.out,
            "No rate tables yet: `desk rates import FILE.csv`, or `desk rates example` for the \
             illustrative example.",
        );
    }
    let rows: Vec<Vec<String>> = tables
        .iter()
        .map(|t| {
            vec![
                t.id.clone(),
                t.valid_from.to_string(),
                t.currency.clone(),
                t.groups.len().to_string(),
                t.rates.len().to_string(),
                t.name.clone(),
            ]
        })
        .collect();
    table(
        ctx.out,
        &["ID", "VALID FROM", "CUR", "GROUPS", "RATES", "NAME"],
        &rows,
    )
}

fn say_table(ctx: &mut Context<'_>, verb: &str, t: &desk_domain::RateTable) -> Result<(), Error> {
    if ctx.json {
        return output::json(ctx.out, t);
    }
    output::line(
        ctx.out,
        &format!(
            "{verb} rate table \"{}\" valid from {} ({} groups, {} rates, in {}): {}",
            t.name,
            t.valid_from,
            t.groups.len(),
            t.rates.len(),
            t.currency,
            t.id
        ),
    )
}

fn rates_import(ctx: &mut Context<'_>, file: &Path) -> Result<(), Error> {
    let bytes = desk_ops::files::read_file(file, "file", 1024 * 1024)?;
    let imported = desk_ops::rates::import_csv(ctx.store, &bytes).map_err(|e| {
        let mut error = e;
        error.message = format!("{} was not imported: {}", file.display(), error.message);
        error
    })?;
    say_table(ctx, "Imported", &imported)
}

fn rates_example(ctx: &mut Context<'_>) -> Result<(), Error> {
    let t = desk_ops::rates::load_example(ctx.store)?;
    say_table(ctx, "Loaded", &t)
}

fn rates_export(ctx: &mut Context<'_>, id: Option<&str>, out: &Path) -> Result<(), Error> {
    let id = match id {
        Some(id) => id.to_owned(),
        None => ctx
            .store
            .rate_tables()?
            .into_iter()
            .next()
            .map(|t| t.id)
            .ok_or_else(|| Error::new(ErrorKind::NotFound, "there is no rate table to export"))?,
    };
    let text = desk_ops::rates::export_csv(ctx.store, &id)?;
    desk_ops::write_file(out, text.as_bytes())?;
    if ctx.json {
        return output::json(ctx.out, &serde_json::json!({ "id": id, "path": out }));
    }
    output::line(ctx.out, &format!("Wrote {}", out.display()))
}

fn document_date(args: &DocumentArgs) -> Result<NaiveDate, Error> {
    match args.date.as_deref() {
        None => Ok(chrono::Local::now().date_naive()),
        Some(text) => desk_domain::check::date_argument("date", "--date", text),
    }
}

fn document_options(args: &DocumentArgs) -> Result<desk_ops::DocumentOptions, Error> {
    Ok(desk_ops::DocumentOptions {
        language: args.lang,
        number: args.number,
        date: document_date(args)?,
    })
}

/// What `desk estimate --json` prints.
#[derive(Serialize)]
struct EstimateShow<'a> {
    estimate: &'a Estimate,
    /// The estimate saved before this run, if any, and what changed since.
    previous: Option<&'a SavedEstimate>,
    changes: &'a [LineChange],
    /// The estimate this run saved (with --save).
    saved: Option<&'a SavedEstimate>,
}

fn money_or_blank(m: &Option<Money>) -> String {
    m.as_ref().map(Money::display).unwrap_or_else(|| "—".into())
}

fn name_or_all(name: &str) -> String {
    if name.is_empty() {
        "(whole delegation)".to_owned()
    } else {
        name.to_owned()
    }
}

/// The cells an estimate line and a line left out share: who, what, how.
fn line_cells(person_name: &str, category: ExpenseCategory, explanation: &str) -> Vec<String> {
    vec![
        name_or_all(person_name),
        category.as_str().to_owned(),
        explanation.to_owned(),
    ]
}

fn print_estimate(ctx: &mut Context<'_>, title: &str, e: &Estimate) -> Result<(), Error> {
    output::line(ctx.out, &format!("Cost estimate: {title}"))?;
    output::line(
        ctx.out,
        &format!(
            "Rate table: {} (valid from {})",
            e.table_name, e.table_valid_from
        ),
    )?;
    match &e.exchange {
        Some(x) => output::line(
            ctx.out,
            &format!(
                "Exchange rate: 1 {} = {} VND on {} ({})",
                x.currency, x.rate, x.date, x.source
            ),
        )?,
        None => output::line(
            ctx.out,
            &format!(
                "No exchange rate given: add --rate, --rate-date and --rate-source for {} to VND",
                e.currency
            ),
        )?,
    }
    output::line(ctx.out, "")?;
    let rows: Vec<Vec<String>> = e
        .lines
        .iter()
        .map(|l| {
            let mut row = line_cells(&l.person_name, l.category, &l.explanation);
            row.extend([
                l.amount.display(),
                l.vnd.map(format_vnd).unwrap_or_default(),
            ]);
            row
        })
        .collect();
    table(
        ctx.out,
        &["NAME", "CATEGORY", "HOW COMPUTED", "AMOUNT", "VND"],
        &rows,
    )?;
    if !e.excluded.is_empty() {
        output::line(ctx.out, "")?;
        output::line(ctx.out, "Not counted")?;
        let rows: Vec<Vec<String>> = e
            .excluded
            .iter()
            .map(|l| line_cells(&l.person_name, l.category, &l.explanation))
            .collect();
        table(ctx.out, &["NAME", "CATEGORY", "WHY"], &rows)?;
    }
    output::line(ctx.out, "")?;
    let totals: Vec<String> = e.totals.iter().map(Money::display).collect();
    output::line(ctx.out, &format!("Total: {}", totals.join(" + ")))?;
    match e.total_vnd {
        Some(v) => output::line(ctx.out, &format!("Total in VND: {}", format_vnd(v))),
        None => output::line(
            ctx.out,
            &format!(
                "Total in VND: unknown (no rate for {})",
                e.unconverted.join(", ")
            ),
        ),
    }
}

fn print_changes(
    ctx: &mut Context<'_>,
    previous: &SavedEstimate,
    changes: &[LineChange],
) -> Result<(), Error> {
    output::line(ctx.out, "")?;
    if changes.is_empty() {
        return output::line(
            ctx.out,
            &format!(
                "No change since the estimate saved at {}.",
                previous.created_at
            ),
        );
    }
    output::line(
        ctx.out,
        &format!(
            "Changes since the estimate saved at {}",
            previous.created_at
        ),
    )?;
    let rows: Vec<Vec<String>> = changes
        .iter()
        .map(|c| {
            vec![
                match c.change {
                    ChangeKind::Added => "added",
                    ChangeKind::Removed => "removed",
                    ChangeKind::Changed => "changed",
                }
                .to_owned(),
                name_or_all(&c.person_name),
                c.category.as_str().to_owned(),
                money_or_blank(&c.before),
                money_or_blank(&c.after),
                if c.after_explanation.is_empty() {
                    c.before_explanation.clone()
                } else {
                    c.after_explanation.clone()
                },
            ]
        })
        .collect();
    table(
        ctx.out,
        &["CHANGE", "NAME", "CATEGORY", "BEFORE", "AFTER", "NOW"],
        &rows,
    )
}

fn estimate(ctx: &mut Context<'_>, args: &EstimateArgs) -> Result<(), Error> {
    let request = EstimateRequest {
        table_id: args.table.clone(),
        rate: args.rate.clone(),
        rate_date: args.rate_date.clone(),
        rate_source: args.rate_source.clone(),
    };
    let delegation = ctx.store.delegation(&args.delegation)?;
    let review = ctx.store.review_estimate(&args.delegation, &request)?;
    let saved = if args.save {
        Some(ctx.store.save_estimate(&args.delegation, &request)?)
    } else {
        None
    };
    let mut written = Vec::new();
    if let Some(file) = &args.document.pdf {
        let pdf = desk_ops::estimate_pdf(
            ctx.store,
            &args.delegation,
            &review.estimate,
            &document_options(&args.document)?,
        )?;
        desk_ops::write_file(file, &pdf)?;
        written.push(file.clone());
    }
    if let Some(file) = &args.document.xlsx {
        let bytes = desk_ops::estimate_xlsx(
            ctx.store,
            &args.delegation,
            &review.estimate,
            args.document.lang,
        )?;
        desk_ops::write_file(file, &bytes)?;
        written.push(file.clone());
    }
    if ctx.json {
        return output::json(
            ctx.out,
            &EstimateShow {
                estimate: &review.estimate,
                previous: review.saved.as_ref(),
                changes: &review.changes,
                saved: saved.as_ref(),
            },
        );
    }
    print_estimate(ctx, &delegation.title, &review.estimate)?;
    if let Some(previous) = &review.saved {
        print_changes(ctx, previous, &review.changes)?;
    }
    if let Some(saved) = &saved {
        output::line(ctx.out, "")?;
        output::line(ctx.out, &format!("Saved as estimate {}.", saved.id))?;
    }
    for file in written {
        output::line(ctx.out, &format!("Wrote {}", file.display()))?;
    }
    Ok(())
}

fn settlement(ctx: &mut Context<'_>, args: &SettlementArgs) -> Result<(), Error> {
    let delegation = ctx.store.delegation(&args.delegation)?;
    let s = ctx.store.settlement(&args.delegation)?;
    let mut written = Vec::new();
    if let Some(file) = &args.document.pdf {
        let pdf = desk_ops::settlement_pdf(
            ctx.store,
            &args.delegation,
            &s,
            &document_options(&args.document)?,
        )?;
        desk_ops::write_file(file, &pdf)?;
        written.push(file.clone());
    }
    if let Some(file) = &args.document.xlsx {
        let bytes = desk_ops::settlement_xlsx(ctx.store, &args.delegation, &s, args.document.lang)?;
        desk_ops::write_file(file, &bytes)?;
        written.push(file.clone());
    }
    if ctx.json {
        return output::json(ctx.out, &s);
    }
    output::line(ctx.out, &format!("Settlement: {}", delegation.title))?;
    output::line(
        ctx.out,
        match &s.estimate_from {
            desk_domain::EstimateFrom::Saved { .. } => "Estimate: the last saved estimate",
            desk_domain::EstimateFrom::Entered => "Estimate: the estimate lines entered by hand",
        },
    )?;
    output::line(ctx.out, "")?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let figures = |name: String, f: &desk_domain::Figures| -> Vec<String> {
        let m = |minor| {
            Money {
                currency: f.currency.clone(),
                minor,
            }
            .display()
        };
        vec![
            name,
            m(f.estimate),
            m(f.advance),
            m(f.actual),
            m(f.to_pay),
            m(f.owed_back),
        ]
    };
    for party in &s.parties {
        for (i, f) in party.by_currency.iter().enumerate() {
            let name = if i == 0 {
                name_or_all(&party.name)
            } else {
                String::new()
            };
            rows.push(figures(name, f));
        }
        if party
            .by_currency
            .iter()
            .any(|f| f.currency != desk_domain::money::HOME_CURRENCY)
        {
            rows.push(figures("  in VND".to_owned(), &party.vnd));
        }
    }
    for (i, f) in s.by_currency.iter().enumerate() {
        rows.push(figures(
            if i == 0 {
                "TOTAL".into()
            } else {
                String::new()
            },
            f,
        ));
    }
    rows.push(figures("TOTAL in VND".into(), &s.vnd));
    table(
        ctx.out,
        &[
            "NAME",
            "ESTIMATE",
            "ADVANCE",
            "ACTUAL",
            "STILL TO PAY",
            "TO PAY BACK",
        ],
        &rows,
    )?;
    if s.missing_receipts > 0 || s.unconverted > 0 {
        output::line(ctx.out, "")?;
        output::line(
            ctx.out,
            &format!(
                "{} actual expenses without a receipt; {} foreign amounts without a rate \
                 (left out of the VND figures).",
                s.missing_receipts, s.unconverted
            ),
        )?;
    }
    for file in written {
        output::line(ctx.out, &format!("Wrote {}", file.display()))?;
    }
    Ok(())
}
