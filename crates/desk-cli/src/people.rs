//! `desk person` and `desk org`: people (staff and guests) and organisations.

use clap::{Args, Subcommand};
use desk_domain::{Delegation, Error, OrganisationInput, PersonInput};
use serde::Serialize;

use crate::context::{Context, PageArgs, paged};
use crate::output::{self, table};

/// A directory list: narrowed by words and read a page at a time.
#[derive(clap::Args)]
pub struct DirectoryArgs {
    /// Only those found by these words (as `desk search` finds them).
    #[arg(long)]
    text: Option<String>,
    #[command(flatten)]
    page: PageArgs,
}

impl DirectoryArgs {
    fn filter(&self) -> desk_domain::DirectoryFilter {
        desk_domain::DirectoryFilter {
            text: self.text.clone(),
        }
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// People: staff and guests.
    #[command(subcommand)]
    Person(PersonCommand),
    /// Organisations: partners, associations, sponsors, ministries.
    #[command(subcommand)]
    Org(OrgCommand),
}

#[derive(Subcommand)]
pub enum PersonCommand {
    /// Add a person and print the new id.
    Add(AddPerson),
    /// List everyone, by name.
    List(DirectoryArgs),
    /// Show a person, their passport and visas, and every delegation they were part of.
    Show { id: String },
}

#[derive(Args)]
pub struct AddPerson {
    /// The full name as written, diacritics kept: "Trần Mỹ Dung".
    #[arg(long)]
    name: String,
    #[arg(long)]
    org: Option<String>,
    #[arg(long, default_value = "")]
    title: String,
    /// ISO 3166-1 alpha-2.
    #[arg(long, default_value = "")]
    nationality: String,
    /// YYYY-MM-DD
    #[arg(long, default_value = "")]
    born: String,
    #[arg(long, default_value = "")]
    passport: String,
    /// YYYY-MM-DD
    #[arg(long = "passport-expires", default_value = "")]
    passport_expires: String,
    /// female, male or other.
    #[arg(long, default_value = "")]
    gender: String,
}

#[derive(Subcommand)]
pub enum OrgCommand {
    /// Add an organisation and print the new id.
    Add {
        #[arg(long)]
        name: String,
        #[arg(long = "short", default_value = "")]
        short_name: String,
        #[arg(long, default_value = "")]
        country: String,
        /// library, association, sponsor, ministry, university or other.
        #[arg(long, default_value = "")]
        kind: String,
    },
    /// List every organisation, by name.
    List(DirectoryArgs),
}

pub fn run(ctx: &mut Context<'_>, command: Command) -> Result<(), Error> {
    match command {
        Command::Person(c) => run_person(ctx, c),
        Command::Org(c) => run_org(ctx, c),
    }
}

fn run_person(ctx: &mut Context<'_>, command: PersonCommand) -> Result<(), Error> {
    match command {
        PersonCommand::Add(a) => person_add(
            ctx,
            &PersonInput {
                full_name: a.name,
                organisation_id: a.org,
                title: a.title,
                nationality: a.nationality,
                born_on: a.born,
                passport_no: a.passport,
                passport_expires_on: a.passport_expires,
                gender: a.gender,
                ..Default::default()
            },
        ),
        PersonCommand::List(a) => person_list(ctx, a.filter(), a.page.request()),
        PersonCommand::Show { id } => person_show(ctx, &id),
    }
}

fn run_org(ctx: &mut Context<'_>, command: OrgCommand) -> Result<(), Error> {
    match command {
        OrgCommand::Add {
            name,
            short_name,
            country,
            kind,
        } => org_add(
            ctx,
            &OrganisationInput {
                name,
                short_name,
                country,
                kind,
                notes: String::new(),
            },
        ),
        OrgCommand::List(a) => org_list(ctx, a.filter(), a.page.request()),
    }
}

fn person_add(ctx: &mut Context<'_>, input: &PersonInput) -> Result<(), Error> {
    let created = ctx.store.create_person(input)?;
    if ctx.json {
        output::json(ctx.out, &created)
    } else {
        output::line(ctx.out, &created.id)
    }
}

fn person_list(
    ctx: &mut Context<'_>,
    filter: desk_domain::DirectoryFilter,
    paging: desk_store::PageRequest,
) -> Result<(), Error> {
    let page = ctx.store.people_page(&filter, &paging)?;
    paged(ctx, page, &paging, person_table)
}

fn person_table(out: &mut dyn std::io::Write, people: &[desk_domain::Person]) -> Result<(), Error> {
    let rows: Vec<Vec<String>> = people
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.full_name.clone(),
                p.passport_name.clone(),
                p.nationality.clone(),
                p.title.clone(),
            ]
        })
        .collect();
    table(out, &["ID", "NAME", "PASSPORT NAME", "NAT", "TITLE"], &rows)
}

#[derive(Serialize)]
struct PersonShow {
    person: desk_domain::Person,
    organisation: Option<desk_domain::Organisation>,
    visas: Vec<desk_domain::Visa>,
    delegations: Vec<PersonTrip>,
}

#[derive(Serialize)]
struct PersonTrip {
    delegation: Delegation,
    role: desk_domain::MemberRole,
}

fn person_show(ctx: &mut Context<'_>, id: &str) -> Result<(), Error> {
    let person = ctx.store.person(id)?;
    let organisation = match &person.organisation_id {
        Some(org) => Some(ctx.store.organisation(org)?),
        None => None,
    };
    let show = PersonShow {
        visas: ctx.store.visas_of(id)?,
        delegations: ctx
            .store
            .delegations_of(id)?
            .into_iter()
            .map(|(delegation, member)| PersonTrip {
                delegation,
                role: member.role,
            })
            .collect(),
        organisation,
        person,
    };
    if ctx.json {
        return output::json(ctx.out, &show);
    }
    let p = &show.person;
    output::line(ctx.out, &format!("{} ({})", p.full_name, p.passport_name))?;
    if let Some(org) = &show.organisation {
        output::line(ctx.out, &format!("{} · {}", p.title, org.name))?;
    }
    let passport = match (&p.passport_no, p.passport_expires_on) {
        (no, Some(exp)) if !no.is_empty() => format!("Passport {no}, valid until {exp}"),
        (no, None) if !no.is_empty() => format!("Passport {no}"),
        _ => "No passport on record".to_owned(),
    };
    output::line(ctx.out, &passport)?;
    output::line(ctx.out, "")?;
    let rows: Vec<Vec<String>> = show
        .delegations
        .iter()
        .map(|t| {
            vec![
                t.delegation.starts_on.to_string(),
                t.delegation.title.clone(),
                t.role.as_str().to_owned(),
            ]
        })
        .collect();
    output::line(ctx.out, &format!("Delegations ({})", rows.len()))?;
    table(ctx.out, &["STARTS", "DELEGATION", "ROLE"], &rows)
}

fn org_add(ctx: &mut Context<'_>, input: &OrganisationInput) -> Result<(), Error> {
    let created = ctx.store.create_organisation(input)?;
    if ctx.json {
        output::json(ctx.out, &created)
    } else {
        output::line(ctx.out, &created.id)
    }
}

fn org_list(
    ctx: &mut Context<'_>,
    filter: desk_domain::DirectoryFilter,
    paging: desk_store::PageRequest,
) -> Result<(), Error> {
    let page = ctx.store.organisation_page(&filter, &paging)?;
    paged(ctx, page, &paging, org_table)
}

fn org_table(
    out: &mut dyn std::io::Write,
    organisations: &[desk_domain::Organisation],
) -> Result<(), Error> {
    let rows: Vec<Vec<String>> = organisations
        .iter()
        .map(|o| {
            vec![
                o.id.clone(),
                o.name.clone(),
                o.short_name.clone(),
                o.country.clone(),
                o.kind.as_str().to_owned(),
            ]
        })
        .collect();
    table(out, &["ID", "NAME", "SHORT", "COUNTRY", "KIND"], &rows)
}
