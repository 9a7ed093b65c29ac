//! `desk stats` and `desk annual-report`: the year in numbers, on screen or as the annual
//! report to the ministry.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use desk_domain::Error;

use crate::context::Context;
use crate::output::{self, table};

#[derive(Subcommand)]
pub enum Command {
    /// The year in numbers: delegations out and in per month, by country, partner, event and
    /// funding (VND), days abroad, reports on time, compared with the period before.
    Stats {
        #[command(flatten)]
        range: RangeArgs,
    },
    /// The annual report to the ministry: a PDF in the official layout with charts and the
    /// list of delegations, and/or an XLSX workbook with one sheet per table.
    AnnualReport(Box<AnnualArgs>),
}

/// A year, or a range of days.
#[derive(Args)]
pub struct RangeArgs {
    /// A calendar year, e.g. 2017.
    #[arg(long, required_unless_present = "from")]
    year: Option<i32>,
    /// First day of a range (YYYY-MM-DD), with --to.
    #[arg(long, requires = "to", conflicts_with = "year")]
    from: Option<String>,
    /// Last day of a range (YYYY-MM-DD), with --from.
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// The day by which an unfiled report is judged late (YYYY-MM-DD; default today).
    #[arg(long = "as-of")]
    as_of: Option<String>,
}

#[derive(Args)]
pub struct AnnualArgs {
    #[command(flatten)]
    range: RangeArgs,
    /// vi (the official version) or en.
    #[arg(long, default_value = "vi", value_parser = crate::context::parse_language)]
    lang: desk_domain::Language,
    /// Where to write the PDF.
    #[arg(long, value_name = "FILE.pdf", required_unless_present = "xlsx")]
    out: Option<PathBuf>,
    /// Where to write the XLSX workbook.
    #[arg(long, value_name = "FILE.xlsx")]
    xlsx: Option<PathBuf>,
    /// The date printed on the report (YYYY-MM-DD; default today).
    #[arg(long)]
    date: Option<String>,
    /// The number in the register; left blank for the registry when not given.
    #[arg(long)]
    number: Option<u32>,
    /// Sign the PDF (PAdES) with the office's certificate, in the name of the signer in
    /// Settings: --p12 FILE or --pkcs11 MODULE, with --pin-env VAR.
    #[command(flatten)]
    key: crate::sign::KeyArgs,
}

impl RangeArgs {
    /// The range and the as-of day, checked; a bad date is refused naming its option.
    fn into_query(self) -> Result<StatsQuery, Error> {
        let range = match (self.year, self.from, self.to) {
            (Some(year), _, _) => desk_domain::StatsRange::year(year).ok_or_else(|| {
                Error::invalid(vec![desk_domain::Violation::new(
                    "year",
                    desk_domain::Rule::OutOfRange,
                    format!("Year {year} is outside the calendar"),
                )])
            })?,
            (None, from, to) => desk_domain::StatsRangeInput {
                from: from.unwrap_or_default(),
                to: to.unwrap_or_default(),
            }
            .validate()?,
        };
        let as_of = match self.as_of {
            Some(text) => Some(desk_domain::check::date_argument(
                "as_of", "--as-of", &text,
            )?),
            None => None,
        };
        Ok(StatsQuery { range, as_of })
    }
}

pub fn run(ctx: &mut Context<'_>, command: Command) -> Result<(), Error> {
    match command {
        Command::Stats { range } => stats(ctx, &range.into_query()?),
        Command::AnnualReport(a) => annual_report(
            ctx,
            &a.range.into_query()?,
            &AnnualFiles {
                language: a.lang,
                pdf: a.out,
                xlsx: a.xlsx,
                date: a.date,
                number: a.number,
                key: a.key.wanted().then_some(a.key.clone()),
            },
        ),
    }
}

/// What `desk stats` and `desk annual-report` count: a range, judged as of a day.
pub struct StatsQuery {
    pub range: desk_domain::StatsRange,
    /// Default: today.
    pub as_of: Option<chrono::NaiveDate>,
}

fn year_stats(ctx: &Context<'_>, query: &StatsQuery) -> Result<desk_domain::YearStats, Error> {
    let as_of = query
        .as_of
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    Ok(ctx
        .store
        .stats_as_of(query.range.from, query.range.to, as_of)?)
}

fn signed(delta: i64) -> String {
    if delta > 0 {
        format!("+{delta}")
    } else {
        delta.to_string()
    }
}

fn stats(ctx: &mut Context<'_>, query: &StatsQuery) -> Result<(), Error> {
    let s = year_stats(ctx, query)?;
    if ctx.json {
        return output::json(ctx.out, &s);
    }
    output::line(
        ctx.out,
        &format!(
            "Statistics {} (compared with {}), as of {}",
            s.range.label(),
            s.previous_range.label(),
            s.as_of
        ),
    )?;
    output::line(ctx.out, "")?;
    let rows: Vec<Vec<String>> = s
        .changes
        .iter()
        .map(|c| {
            vec![
                c.metric.as_str().to_owned(),
                c.current.to_string(),
                c.previous.to_string(),
                match c.percent {
                    Some(p) => format!("{} ({}%)", signed(c.delta), p),
                    None => signed(c.delta),
                },
            ]
        })
        .collect();
    table(ctx.out, &["FIGURE", "NOW", "BEFORE", "CHANGE"], &rows)?;

    output::line(ctx.out, "")?;
    output::line(ctx.out, "By month")?;
    let rows: Vec<Vec<String>> = s
        .by_month
        .iter()
        .map(|m| {
            vec![
                m.month.clone(),
                m.outgoing.count.to_string(),
                m.incoming.count.to_string(),
            ]
        })
        .collect();
    table(ctx.out, &["MONTH", "OUT", "IN"], &rows)?;

    for (title, buckets) in [
        ("By country", &s.by_country),
        ("By organisation", &s.by_organisation),
        ("By event", &s.by_event),
    ] {
        output::line(ctx.out, "")?;
        output::line(ctx.out, title)?;
        let rows: Vec<Vec<String>> = buckets
            .iter()
            .map(|b| {
                vec![
                    if b.label.is_empty() {
                        "(none)".to_owned()
                    } else {
                        b.label.clone()
                    },
                    b.outgoing.count.to_string(),
                    b.incoming.count.to_string(),
                    b.trips.to_string(),
                ]
            })
            .collect();
        table(ctx.out, &["NAME", "OUT", "IN", "TRIPS"], &rows)?;
    }

    output::line(ctx.out, "")?;
    output::line(ctx.out, "By funding (VND)")?;
    let rows: Vec<Vec<String>> = s
        .by_funding
        .iter()
        .map(|f| {
            vec![
                f.funding.as_str().to_owned(),
                f.total.to_string(),
                f.money.actual_vnd.to_string(),
                f.money.estimate_vnd.to_string(),
                f.money.cost_vnd.to_string(),
            ]
        })
        .collect();
    table(
        ctx.out,
        &["FUNDING", "DELEGATIONS", "ACTUAL", "ESTIMATE", "COST"],
        &rows,
    )?;

    output::line(ctx.out, "")?;
    output::line(ctx.out, "Person-days abroad by unit")?;
    let rows: Vec<Vec<String>> = s
        .person_days_by_unit
        .iter()
        .map(|u| {
            vec![
                if u.unit.is_empty() {
                    "(none)".to_owned()
                } else {
                    u.unit.clone()
                },
                u.people.to_string(),
                u.trips.to_string(),
                u.days.to_string(),
            ]
        })
        .collect();
    table(ctx.out, &["UNIT", "PEOPLE", "TRIPS", "DAYS"], &rows)?;

    let r = &s.totals.reports;
    output::line(ctx.out, "")?;
    output::line(
        ctx.out,
        &format!(
            "Reports (due {} days after return): {} on time, {} late, {} late and unfiled, {} not yet due",
            r.due_days, r.on_time.count, r.late.count, r.late_unfiled.count, r.pending.count
        ),
    )?;
    if !s.cancelled.is_empty() {
        output::line(ctx.out, "")?;
        output::line(
            ctx.out,
            &format!("Cancelled, not counted ({})", s.cancelled.len()),
        )?;
        let rows: Vec<Vec<String>> = s
            .cancelled
            .iter()
            .map(|l| {
                vec![
                    l.starts_on.to_string(),
                    l.title.clone(),
                    l.country.clone(),
                    l.id.clone(),
                ]
            })
            .collect();
        table(ctx.out, &["STARTS", "TITLE", "COUNTRY", "ID"], &rows)?;
    }
    if !s.unconverted.is_empty() {
        output::line(ctx.out, "")?;
        output::line(
            ctx.out,
            &format!(
                "{} expenses in a foreign currency have no rate and are not counted",
                s.unconverted.len()
            ),
        )?;
    }
    Ok(())
}

/// Where `desk annual-report` writes, and what it prints on the report.
pub struct AnnualFiles {
    pub language: desk_domain::Language,
    pub pdf: Option<std::path::PathBuf>,
    pub xlsx: Option<std::path::PathBuf>,
    pub date: Option<String>,
    pub number: Option<u32>,
    /// Sign the PDF with this key.
    pub key: Option<crate::sign::KeyArgs>,
}

fn annual_report(
    ctx: &mut Context<'_>,
    query: &StatsQuery,
    files: &AnnualFiles,
) -> Result<(), Error> {
    let date = match &files.date {
        Some(text) => Some(desk_domain::check::date_argument("date", "--date", text)?),
        None => None,
    };
    let language = files.language;
    // The key is opened (and the PIN checked) before anything is drawn or written.
    let signing = match (&files.key, &files.pdf) {
        (Some(key), Some(_)) => Some(crate::sign::open(ctx.store, key, language)?),
        (Some(_), None) => {
            return Err(Error::invalid(vec![desk_domain::Violation::new(
                "out",
                desk_domain::Rule::Required,
                "only the PDF is signed: give --out FILE.pdf",
            )]));
        }
        _ => None,
    };
    let stats = year_stats(ctx, query)?;
    let mut written = Vec::new();
    let mut signer = None;
    if let Some(pdf) = &files.pdf {
        let mut options = desk_ops::annual::options(ctx.store, language, date)?;
        if let Some(number) = files.number {
            options.heading.number.sequence = number;
        }
        let bytes = match &signing {
            None => desk_ops::annual::pdf(&stats, &options)?,
            Some(s) => {
                let (unsigned, space) = desk_ops::sign::annual_report_pdf(&stats, &options)?;
                signer = Some(s.credential.signer_name());
                desk_ops::sign::sign_paper(
                    &ctx.store.settings()?,
                    desk_ops::sign::Paper::AnnualReport,
                    &unsigned,
                    space,
                    &s.credential,
                    &s.images,
                    s.lang,
                    crate::sign::MESSAGES,
                )?
            }
        };
        desk_ops::write_file(pdf, &bytes)?;
        written.push(pdf.clone());
    }
    if let Some(xlsx) = &files.xlsx {
        let bytes = desk_ops::annual::workbook(&stats, language)?;
        desk_ops::write_file(xlsx, &bytes)?;
        written.push(xlsx.clone());
    }
    if ctx.json {
        return output::json(
            ctx.out,
            &serde_json::json!({
                "range": stats.range,
                "delegations": stats.totals.delegations,
                "files": written,
                "signer": signer,
            }),
        );
    }
    if let Some(signer) = &signer {
        output::line(ctx.out, &format!("The PDF is signed by {signer}."))?;
    }
    for file in written {
        output::line(
            ctx.out,
            &format!(
                "Wrote {} ({}: {} {})",
                file.display(),
                stats.range.label(),
                stats.totals.delegations,
                if stats.totals.delegations == 1 {
                    "delegation"
                } else {
                    "delegations"
                }
            ),
        )?;
    }
    Ok(())
}
