//! `desk delegation` and `desk member`: delegations, their status and who is on them.

use clap::{Args, Subcommand};
use desk_domain::{
    Delegation, DelegationInput, DelegationStatus, Destination, Direction, Error, MemberInput,
    ProgrammeItemInput, Rule, SegmentInput, StayInput, Violation,
};
use desk_store::DelegationFilter;
use serde::Serialize;

use crate::context::{Context, PageArgs, paged, warn};
use crate::output::{self, table};

#[derive(Subcommand)]
pub enum Command {
    /// Delegations sent abroad or received.
    #[command(subcommand)]
    Delegation(DelegationCommand),
    /// Members of a delegation.
    #[command(subcommand)]
    Member(MemberCommand),
}

#[derive(Subcommand)]
pub enum DelegationCommand {
    /// List delegations, the latest first.
    List(ListArgs),
    /// Create a Draft delegation and print its id.
    Add(AddDelegation),
    /// Show one delegation with its members, travel and programme.
    Show { id: String },
    /// Change a delegation's title, purpose, notes or dates (and status), keeping the rest;
    /// the same rules as the window's form.
    Edit(EditDelegation),
    /// Move a delegation to another status.
    SetStatus {
        id: String,
        #[arg(value_parser = parse_status)]
        status: DelegationStatus,
    },
}

#[derive(Args)]
pub struct ListArgs {
    #[arg(long, value_parser = parse_direction)]
    direction: Option<Direction>,
    #[arg(long)]
    year: Option<i32>,
    #[arg(long, value_parser = parse_status)]
    status: Option<DelegationStatus>,
    /// ISO 3166-1 alpha-2.
    #[arg(long)]
    country: Option<String>,
    /// Show the trash instead.
    #[arg(long)]
    trashed: bool,
    /// newest (the default), oldest or title.
    #[arg(long, value_parser = parse_sort, default_value = "newest")]
    sort: desk_domain::DelegationSort,
    #[command(flatten)]
    page: PageArgs,
}

#[derive(Args)]
pub struct AddDelegation {
    #[arg(long, value_parser = parse_direction)]
    direction: Direction,
    #[arg(long)]
    title: String,
    /// ISO 3166-1 alpha-2 code, e.g. SG; a trip to several countries lists them in the
    /// order visited: SG,MY.
    #[arg(long)]
    country: String,
    /// The cities, as written; for several countries one group per country, in the same
    /// order, separated by `;`: "Singapore;Kuala Lumpur, Putrajaya".
    #[arg(long, visible_alias = "cities", default_value = "")]
    city: String,
    /// YYYY-MM-DD
    #[arg(long)]
    starts: String,
    /// YYYY-MM-DD
    #[arg(long)]
    ends: String,
    #[arg(long, default_value = "")]
    purpose: String,
    #[arg(long, default_value = "")]
    event: String,
    /// The host or visiting organisation's id.
    #[arg(long)]
    org: Option<String>,
}

#[derive(Args)]
pub struct EditDelegation {
    id: String,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    purpose: Option<String>,
    #[arg(long)]
    notes: Option<String>,
    /// YYYY-MM-DD
    #[arg(long)]
    starts: Option<String>,
    /// YYYY-MM-DD
    #[arg(long)]
    ends: Option<String>,
    /// Moved after the other changes, if its life allows the move.
    #[arg(long, value_parser = parse_status)]
    status: Option<DelegationStatus>,
}

#[derive(Subcommand)]
pub enum MemberCommand {
    /// Add a person to a delegation; warnings (overlapping trips) go to stderr.
    Add {
        #[arg(long)]
        delegation: String,
        #[arg(long)]
        person: String,
        /// head, deputy, member, interpreter, secretary or guest.
        #[arg(long, default_value = "member")]
        role: String,
        /// YYYY-MM-DD, if not from the first day.
        #[arg(long, default_value = "")]
        joins: String,
        /// YYYY-MM-DD, if not to the last day.
        #[arg(long, default_value = "")]
        leaves: String,
    },
    /// Take a person out of a delegation.
    Remove {
        #[arg(long)]
        delegation: String,
        #[arg(long)]
        person: String,
    },
}

fn parse_direction(s: &str) -> Result<Direction, String> {
    Direction::parse(s).ok_or_else(|| format!("expected outgoing or incoming, not \"{s}\""))
}

fn parse_sort(s: &str) -> Result<desk_domain::DelegationSort, String> {
    match s {
        "newest" => Ok(desk_domain::DelegationSort::Newest),
        "oldest" => Ok(desk_domain::DelegationSort::Oldest),
        "title" => Ok(desk_domain::DelegationSort::Title),
        _ => Err(format!("expected newest, oldest or title, not \"{s}\"")),
    }
}

fn parse_status(s: &str) -> Result<DelegationStatus, String> {
    DelegationStatus::parse(s).ok_or_else(|| {
        let names: Vec<&str> = DelegationStatus::ALL.iter().map(|s| s.as_str()).collect();
        format!("expected one of {}, not \"{s}\"", names.join(", "))
    })
}

pub fn run(ctx: &mut Context<'_>, command: Command) -> Result<(), Error> {
    match command {
        Command::Delegation(c) => run_delegation(ctx, c),
        Command::Member(c) => run_member(ctx, c),
    }
}

fn run_delegation(ctx: &mut Context<'_>, command: DelegationCommand) -> Result<(), Error> {
    match command {
        DelegationCommand::List(a) => delegation_list(
            ctx,
            DelegationFilter {
                direction: a.direction,
                year: a.year,
                status: a.status,
                country: a.country,
                organisation_id: None,
                text: None,
                trashed: a.trashed,
                sort: a.sort,
            },
            a.page.request(),
        ),
        DelegationCommand::Add(a) => {
            let mut input = DelegationInput::new(a.direction, &a.title, "", &a.starts, &a.ends);
            set_destinations(&mut input, &a.country, &a.city)?;
            input.purpose = a.purpose;
            input.event = a.event;
            input.organisation_id = a.org;
            delegation_add(ctx, &input)
        }
        DelegationCommand::Show { id } => delegation_show(ctx, &id),
        DelegationCommand::Edit(a) => delegation_edit(ctx, a),
        DelegationCommand::SetStatus { id, status } => delegation_set_status(ctx, &id, status),
    }
}

/// Only the fields given change; the others keep what the delegation holds.
fn delegation_edit(ctx: &mut Context<'_>, a: EditDelegation) -> Result<(), Error> {
    let mut input = ctx.store.delegation(&a.id)?.to_input();
    let fields = [
        (a.title, &mut input.title),
        (a.purpose, &mut input.purpose),
        (a.notes, &mut input.notes),
        (a.starts, &mut input.starts_on),
        (a.ends, &mut input.ends_on),
    ];
    for (given, field) in fields {
        if let Some(value) = given {
            *field = value;
        }
    }
    let mut changed = ctx.store.update_delegation(&a.id, &input)?;
    if let Some(status) = a.status.filter(|s| *s != changed.status) {
        changed = ctx.store.set_delegation_status(&a.id, status)?;
    }
    if ctx.json {
        output::json(ctx.out, &changed)
    } else {
        output::line(ctx.out, &format!("{} saved", changed.title))
    }
}

/// Fills the destinations from `--country SG,MY` and `--city "Singapore;Kuala Lumpur"`: the
/// first country and its cities, then the further ones in order. More groups of cities than
/// countries is refused against `cities` (which group would belong to which country?).
fn set_destinations(
    input: &mut DelegationInput,
    countries: &str,
    cities: &str,
) -> Result<(), Error> {
    let countries: Vec<&str> = countries.split(',').map(str::trim).collect();
    let mut cities: Vec<&str> = if countries.len() > 1 {
        cities.split(';').map(str::trim).collect()
    } else {
        vec![cities]
    };
    if cities.len() > countries.len() {
        return Err(Error::invalid(vec![Violation::new(
            "cities",
            Rule::OutOfRange,
            format!(
                "{} groups of cities for {} countries: give one group per country, separated by ';'",
                cities.len(),
                countries.len()
            ),
        )]));
    }
    cities.resize(countries.len(), "");
    let mut destinations = countries
        .into_iter()
        .zip(cities)
        .map(|(country, cities)| Destination {
            country: country.to_owned(),
            cities: cities.to_owned(),
        });
    if let Some(first) = destinations.next() {
        input.country = first.country;
        input.cities = first.cities;
    }
    input.more_destinations = destinations.collect();
    Ok(())
}

fn run_member(ctx: &mut Context<'_>, command: MemberCommand) -> Result<(), Error> {
    match command {
        MemberCommand::Add {
            delegation,
            person,
            role,
            joins,
            leaves,
        } => member_add(
            ctx,
            &delegation,
            &MemberInput {
                person_id: person,
                role,
                joins_on: joins,
                leaves_on: leaves,
                notes: String::new(),
            },
        ),
        MemberCommand::Remove { delegation, person } => member_remove(ctx, &delegation, &person),
    }
}

fn delegation_list(
    ctx: &mut Context<'_>,
    filter: DelegationFilter,
    paging: desk_store::PageRequest,
) -> Result<(), Error> {
    let page = ctx.store.delegation_page(&filter, &paging)?;
    paged(ctx, page, &paging, output::delegation_table)
}

fn delegation_add(ctx: &mut Context<'_>, input: &DelegationInput) -> Result<(), Error> {
    let created = ctx.store.create_delegation(input)?;
    if ctx.json {
        output::json(ctx.out, &created)
    } else {
        output::line(ctx.out, &created.id)
    }
}

/// A delegation with what belongs to it, as `delegation show --json` prints it.
#[derive(Serialize)]
struct DelegationShow {
    delegation: Delegation,
    members: Vec<desk_store::MemberDetail>,
    segments: Vec<desk_domain::Segment>,
    stays: Vec<desk_domain::Stay>,
    programme: Vec<desk_domain::ProgrammeItem>,
}

fn delegation_show(ctx: &mut Context<'_>, id: &str) -> Result<(), Error> {
    let show = DelegationShow {
        delegation: ctx.store.delegation(id)?,
        members: ctx.store.members(id)?,
        segments: ctx.store.list::<SegmentInput>(id)?,
        stays: ctx.store.list::<StayInput>(id)?,
        programme: ctx.store.list::<ProgrammeItemInput>(id)?,
    };
    if ctx.json {
        return output::json(ctx.out, &show);
    }
    let d = &show.delegation;
    let mut lines = vec![
        format!("{} ({})", d.title, d.id),
        format!(
            "{} · {} · {} – {} · {}",
            d.direction,
            output::places(d),
            d.starts_on,
            d.ends_on,
            d.status
        ),
    ];
    if d.deleted_at.is_some() {
        lines.push("In the trash.".to_owned());
    }
    if !d.event.is_empty() {
        lines.push(format!("Event: {}", d.event));
    }
    if !d.decision_number.is_empty() {
        lines.push(format!("Decision: {}", d.decision_number));
    }
    for l in lines {
        output::line(ctx.out, &l)?;
    }
    output::line(ctx.out, "")?;
    let rows: Vec<Vec<String>> = show
        .members
        .iter()
        .map(|m| {
            vec![
                m.member.role.as_str().to_owned(),
                m.person.full_name.clone(),
                m.person.title.clone(),
                m.person.id.clone(),
            ]
        })
        .collect();
    output::line(ctx.out, &format!("Members ({})", rows.len()))?;
    table(ctx.out, &["ROLE", "NAME", "TITLE", "PERSON ID"], &rows)?;
    if !show.segments.is_empty() {
        output::line(ctx.out, "")?;
        output::line(ctx.out, "Travel")?;
        let rows: Vec<Vec<String>> = show
            .segments
            .iter()
            .map(|s| {
                vec![
                    format!("{} {}", s.carrier, s.number).trim().to_owned(),
                    format!(
                        "{} {}",
                        s.from_place,
                        s.departs_local.format("%Y-%m-%d %H:%M")
                    ),
                    format!(
                        "{} {}",
                        s.to_place,
                        s.arrives_local.format("%Y-%m-%d %H:%M")
                    ),
                    s.duration_minutes()
                        .map(|m| format!("{} h {:02} min", m / 60, m % 60))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        table(
            ctx.out,
            &["FLIGHT", "DEPARTS (LOCAL)", "ARRIVES (LOCAL)", "DURATION"],
            &rows,
        )?;
    }
    if !show.programme.is_empty() {
        output::line(ctx.out, "")?;
        output::line(ctx.out, "Programme")?;
        let rows: Vec<Vec<String>> = show
            .programme
            .iter()
            .map(|p| {
                vec![
                    p.on_date.to_string(),
                    p.starts_at
                        .map(|t| t.format("%H:%M").to_string())
                        .unwrap_or_default(),
                    p.title.clone(),
                    p.venue.clone(),
                ]
            })
            .collect();
        table(ctx.out, &["DATE", "TIME", "ITEM", "VENUE"], &rows)?;
    }
    Ok(())
}

fn delegation_set_status(
    ctx: &mut Context<'_>,
    id: &str,
    status: DelegationStatus,
) -> Result<(), Error> {
    let changed = ctx.store.set_delegation_status(id, status)?;
    if ctx.json {
        output::json(ctx.out, &changed)
    } else {
        output::line(
            ctx.out,
            &format!("{} is now {}", changed.title, changed.status),
        )
    }
}

fn member_add(ctx: &mut Context<'_>, delegation: &str, input: &MemberInput) -> Result<(), Error> {
    let saved = ctx.store.add_member(delegation, input)?;
    warn(ctx, &saved.warnings);
    if ctx.json {
        output::json(ctx.out, &saved)
    } else {
        output::line(ctx.out, &saved.member.id)
    }
}

fn member_remove(ctx: &mut Context<'_>, delegation: &str, person: &str) -> Result<(), Error> {
    let member = ctx.store.member_of(delegation, person)?;
    ctx.store.remove_member(&member.id)?;
    if ctx.json {
        output::json(ctx.out, &member)
    } else {
        output::line(ctx.out, &format!("Removed member {}", member.id))
    }
}
