//! `desk segment`, `desk itinerary` and `desk warnings`: travel and the agenda.

use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate};
use clap::{Args, Subcommand};
use desk_domain::{Error, Itinerary, Rule, SegmentInput, Violation};
use serde::Serialize;

use crate::context::{Context, parse_language};
use crate::output::{self, table};

#[derive(Subcommand)]
pub enum Command {
    /// Travel segments (flights, trains, roads) of a delegation.
    #[command(subcommand)]
    Segment(SegmentCommand),
    /// A delegation's itinerary: segments with zones and durations, stays, nights without a
    /// stay; as a table, JSON, a printable PDF or a calendar file.
    Itinerary(ItineraryArgs),
    /// Everything the Today screen shows: travel ahead, passports, visas, overlaps, deadlines.
    Warnings {
        /// The day to look from (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum SegmentCommand {
    /// Add a segment and print the new id. Times are local to each place; a place's zone
    /// comes from its IATA code or city unless --from-tz/--to-tz say otherwise.
    Add(AddSegment),
}

#[derive(Args)]
pub struct AddSegment {
    #[arg(long)]
    delegation: String,
    /// An IATA code (HAN) or a city (Hà Nội).
    #[arg(long)]
    from: String,
    #[arg(long)]
    to: String,
    /// Local time at the departure place, YYYY-MM-DDTHH:MM.
    #[arg(long)]
    departs: String,
    /// Local time at the arrival place, YYYY-MM-DDTHH:MM.
    #[arg(long)]
    arrives: String,
    /// flight, train or road.
    #[arg(long, default_value = "flight")]
    mode: String,
    #[arg(long, default_value = "")]
    carrier: String,
    #[arg(long, default_value = "")]
    number: String,
    /// IANA zone of the departure place, e.g. Asia/Ho_Chi_Minh (default: from the place).
    #[arg(long = "from-tz", default_value = "")]
    from_tz: String,
    #[arg(long = "to-tz", default_value = "")]
    to_tz: String,
    #[arg(long, default_value = "")]
    terminal: String,
    /// A person on this segment (repeat for several); none means every member.
    #[arg(long = "passenger", value_name = "PERSON_ID")]
    passengers: Vec<String>,
}

#[derive(Args)]
pub struct ItineraryArgs {
    #[arg(long)]
    delegation: String,
    /// Only this person's segments and stays.
    #[arg(long, value_name = "PERSON_ID")]
    person: Option<String>,
    /// Write a printable itinerary (a page per person) to this file.
    #[arg(long, value_name = "FILE.pdf")]
    pdf: Option<PathBuf>,
    /// Write the trip as an iCalendar file for a diary.
    #[arg(long, value_name = "FILE.ics")]
    ics: Option<PathBuf>,
    /// Language of the PDF: vi (default) or en.
    #[arg(long, default_value = "vi", value_parser = parse_language)]
    lang: desk_domain::Language,
}

pub fn run(ctx: &mut Context<'_>, command: Command) -> Result<(), Error> {
    match command {
        Command::Segment(SegmentCommand::Add(a)) => segment_add(
            ctx,
            &a.delegation,
            &SegmentInput {
                mode: a.mode,
                carrier: a.carrier,
                number: a.number,
                from_place: a.from,
                from_tz: a.from_tz,
                departs_local: a.departs,
                to_place: a.to,
                to_tz: a.to_tz,
                arrives_local: a.arrives,
                terminal: a.terminal,
                passenger_ids: a.passengers,
                notes: String::new(),
            },
        ),
        Command::Itinerary(a) => itinerary(
            ctx,
            &ItineraryRequest {
                delegation: &a.delegation,
                person: a.person.as_deref(),
                pdf: a.pdf.as_deref(),
                ics: a.ics.as_deref(),
                language: a.lang,
            },
        ),
        Command::Warnings { today } => warnings(ctx, today.as_deref()),
    }
}

fn segment_add(ctx: &mut Context<'_>, delegation: &str, input: &SegmentInput) -> Result<(), Error> {
    let created = ctx.store.add(delegation, input)?;
    if ctx.json {
        output::json(ctx.out, &created)
    } else {
        output::line(ctx.out, &created.id)
    }
}

/// What `desk itinerary` was asked for.
struct ItineraryRequest<'a> {
    delegation: &'a str,
    person: Option<&'a str>,
    pdf: Option<&'a Path>,
    ics: Option<&'a Path>,
    language: desk_domain::Language,
}

/// A person id that is not a member of the delegation is refused on `--person`.
fn unknown_person(person: &str) -> Error {
    Error::invalid(vec![Violation::new(
        "person",
        Rule::UnknownRecord,
        format!("{person} is not a member of this delegation"),
    )])
}

fn itinerary(ctx: &mut Context<'_>, request: &ItineraryRequest<'_>) -> Result<(), Error> {
    let whole = ctx.store.itinerary(request.delegation)?;
    let members = ctx.store.members(request.delegation)?;
    if let Some(person) = request.person
        && !members.iter().any(|m| m.person.id == person)
    {
        return Err(unknown_person(person));
    }
    let shown = match request.person {
        Some(person) => whole.for_person(person),
        None => whole.clone(),
    };
    if let Some(path) = request.pdf {
        let pdf = desk_ops::itinerary_pdf(
            ctx.store,
            request.delegation,
            request.person,
            request.language,
        )?;
        desk_ops::write_file(path, &pdf)?;
    }
    if let Some(path) = request.ics {
        let calendar = desk_ops::itinerary_ics(ctx.store, request.delegation, request.person)?;
        desk_ops::write_file(path, calendar.as_bytes())?;
    }
    if ctx.json {
        return output::json(ctx.out, &shown);
    }
    print_itinerary(ctx, &shown)?;
    for (flag, path) in [("PDF", request.pdf), ("Calendar", request.ics)] {
        if let Some(path) = path {
            output::line(ctx.out, &format!("{flag} written to {}", path.display()))?;
        }
    }
    Ok(())
}

fn print_itinerary(ctx: &mut Context<'_>, it: &Itinerary) -> Result<(), Error> {
    let d = &it.delegation;
    output::line(ctx.out, &format!("{} ({})", d.title, d.id))?;
    output::line(
        ctx.out,
        &format!("{} – {} · {}", d.starts_on, d.ends_on, output::places(d)),
    )?;
    output::line(ctx.out, "")?;
    output::line(ctx.out, &format!("Travel ({})", it.legs.len()))?;
    let rows: Vec<Vec<String>> = it
        .legs
        .iter()
        .map(|l| {
            let s = &l.segment;
            vec![
                format!("{} {}", s.carrier, s.number).trim().to_owned(),
                s.from_place.clone(),
                format!(
                    "{} {}",
                    s.departs_local.format("%Y-%m-%d %H:%M"),
                    l.departs_offset
                ),
                s.to_place.clone(),
                format!(
                    "{} {}",
                    s.arrives_local.format("%Y-%m-%d %H:%M"),
                    l.arrives_offset
                ),
                l.duration.clone(),
                format!("{} → {}", s.from_tz, s.to_tz),
            ]
        })
        .collect();
    table(
        ctx.out,
        &[
            "TRANSPORT",
            "FROM",
            "DEPARTS (LOCAL)",
            "TO",
            "ARRIVES (LOCAL)",
            "DURATION",
            "ZONES",
        ],
        &rows,
    )?;
    output::line(ctx.out, "")?;
    output::line(ctx.out, &format!("Stays ({})", it.stays.len()))?;
    let rows: Vec<Vec<String>> = it
        .stays
        .iter()
        .map(|s| {
            vec![
                s.hotel.clone(),
                s.city.clone(),
                s.check_in_on.to_string(),
                s.check_out_on.to_string(),
                s.nights().to_string(),
                s.room.clone(),
            ]
        })
        .collect();
    table(
        ctx.out,
        &["HOTEL", "CITY", "CHECK-IN", "CHECK-OUT", "NIGHTS", "ROOM"],
        &rows,
    )?;
    if !it.warnings.is_empty() {
        output::line(ctx.out, "")?;
        output::line(ctx.out, &format!("Warnings ({})", it.warnings.len()))?;
        for w in &it.warnings {
            output::line(ctx.out, &format!("- {}", w.message()))?;
        }
    }
    Ok(())
}

fn parse_day(text: &str) -> Result<NaiveDate, Error> {
    desk_domain::check::date_argument("today", "--today", text)
}

fn warnings(ctx: &mut Context<'_>, today: Option<&str>) -> Result<(), Error> {
    let today = match today {
        Some(text) => parse_day(text)?,
        None => Local::now().date_naive(),
    };
    let items = ctx.store.agenda(today)?;
    if ctx.json {
        #[derive(Serialize)]
        struct Agenda<'a> {
            today: NaiveDate,
            items: &'a [desk_domain::AgendaItem],
        }
        return output::json(
            ctx.out,
            &Agenda {
                today,
                items: &items,
            },
        );
    }
    if items.is_empty() {
        return output::line(ctx.out, &format!("Nothing needs attention on {today}."));
    }
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|i| {
            vec![
                i.severity.as_str().replace('_', " "),
                i.due_on.map(|d| d.to_string()).unwrap_or_default(),
                i.kind.as_str().to_owned(),
                i.message.clone(),
            ]
        })
        .collect();
    table(ctx.out, &["SEVERITY", "DAY", "KIND", "WHAT"], &rows)
}
