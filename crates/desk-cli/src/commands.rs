//! One function per `desk` command: call the store, print the result.

use std::io::Write;
use std::path::Path;

use desk_domain::{
    Delegation, DelegationInput, DelegationStatus, Error, ErrorKind, MemberInput,
    OrganisationInput, PersonInput, ProgrammeItemInput, SegmentInput, StayInput, Warning,
};
use desk_store::{DelegationFilter, Export, Store};
use serde::Serialize;

use crate::output::{self, table};

pub struct Context<'a> {
    pub store: &'a mut Store,
    pub json: bool,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

pub(crate) fn io(path: &Path, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{}: {e}", path.display()))
}

fn warn(ctx: &mut Context<'_>, warnings: &[Warning]) {
    for w in warnings {
        let _ = writeln!(ctx.err, "desk: warning: {}", w.message());
    }
}

pub fn init(
    ctx: &mut Context<'_>,
    path: &Path,
    key_place: &desk_store::KeyPlace,
) -> Result<(), Error> {
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
            "Database ready at {} (schema version {}, encrypted; its key is kept in {key_place})",
            path.display(),
            version
        ),
    )
}

pub fn demo(ctx: &mut Context<'_>) -> Result<(), Error> {
    let imported = ctx.store.load_demo()?;
    // The example rate table, so that the demo's estimates can be computed.
    ctx.store.load_example_rates()?;
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

pub fn delegation_list(ctx: &mut Context<'_>, filter: DelegationFilter) -> Result<(), Error> {
    let delegations = ctx.store.list_delegations_where(&filter)?;
    if ctx.json {
        output::json(ctx.out, &delegations)
    } else {
        output::delegation_table(ctx.out, &delegations)
    }
}

pub fn delegation_add(ctx: &mut Context<'_>, input: &DelegationInput) -> Result<(), Error> {
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

pub fn delegation_show(ctx: &mut Context<'_>, id: &str) -> Result<(), Error> {
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
            "{} · {} {} · {} – {} · {}",
            d.direction, d.country, d.cities, d.starts_on, d.ends_on, d.status
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

pub fn delegation_set_status(
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

pub fn person_add(ctx: &mut Context<'_>, input: &PersonInput) -> Result<(), Error> {
    let created = ctx.store.create_person(input)?;
    if ctx.json {
        output::json(ctx.out, &created)
    } else {
        output::line(ctx.out, &created.id)
    }
}

pub fn person_list(ctx: &mut Context<'_>) -> Result<(), Error> {
    let people = ctx.store.list_people()?;
    if ctx.json {
        return output::json(ctx.out, &people);
    }
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
    table(
        ctx.out,
        &["ID", "NAME", "PASSPORT NAME", "NAT", "TITLE"],
        &rows,
    )
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

pub fn person_show(ctx: &mut Context<'_>, id: &str) -> Result<(), Error> {
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

pub fn org_add(ctx: &mut Context<'_>, input: &OrganisationInput) -> Result<(), Error> {
    let created = ctx.store.create_organisation(input)?;
    if ctx.json {
        output::json(ctx.out, &created)
    } else {
        output::line(ctx.out, &created.id)
    }
}

pub fn org_list(ctx: &mut Context<'_>) -> Result<(), Error> {
    let organisations = ctx.store.list_organisations()?;
    if ctx.json {
        return output::json(ctx.out, &organisations);
    }
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
    table(ctx.out, &["ID", "NAME", "SHORT", "COUNTRY", "KIND"], &rows)
}

pub fn member_add(
    ctx: &mut Context<'_>,
    delegation: &str,
    input: &MemberInput,
) -> Result<(), Error> {
    let saved = ctx.store.add_member(delegation, input)?;
    warn(ctx, &saved.warnings);
    if ctx.json {
        output::json(ctx.out, &saved)
    } else {
        output::line(ctx.out, &saved.member.id)
    }
}

pub fn member_remove(ctx: &mut Context<'_>, delegation: &str, person: &str) -> Result<(), Error> {
    let member = ctx.store.member_of(delegation, person)?;
    ctx.store.remove_member(&member.id)?;
    if ctx.json {
        output::json(ctx.out, &member)
    } else {
        output::line(ctx.out, &format!("Removed member {}", member.id))
    }
}

pub fn search(ctx: &mut Context<'_>, query: &str, limit: usize) -> Result<(), Error> {
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

pub fn export(ctx: &mut Context<'_>, file: &Path) -> Result<(), Error> {
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

pub fn import(
    ctx: &mut Context<'_>,
    file: &Path,
    settings: desk_store::SettingsMode,
) -> Result<(), Error> {
    let text = std::fs::read_to_string(file).map_err(|e| io(file, e))?;
    let data: Export = serde_json::from_str(&text).map_err(|e| {
        Error::new(
            ErrorKind::Validation,
            format!("{} is not a Delegation Desk export: {e}", file.display()),
        )
    })?;
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

pub fn report_export(
    ctx: &mut Context<'_>,
    delegation: &str,
    language: desk_domain::Language,
    file: &Path,
) -> Result<(), Error> {
    let (version, bytes) = desk_ops::export_mission_report(ctx.store, delegation, language, file)?;
    if ctx.json {
        output::json(
            ctx.out,
            &serde_json::json!({ "path": file, "version": version.version, "bytes": bytes }),
        )
    } else {
        output::line(
            ctx.out,
            &format!(
                "Mission report {} written to {} ({} KB); this version is kept.",
                version.report.number,
                file.display(),
                bytes.div_ceil(1024)
            ),
        )
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

pub fn stats(ctx: &mut Context<'_>, query: &StatsQuery) -> Result<(), Error> {
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
    pub english: bool,
    pub pdf: Option<std::path::PathBuf>,
    pub xlsx: Option<std::path::PathBuf>,
    pub date: Option<String>,
    pub number: Option<u32>,
}

pub fn annual_report(
    ctx: &mut Context<'_>,
    query: &StatsQuery,
    files: &AnnualFiles,
) -> Result<(), Error> {
    let date = match &files.date {
        Some(text) => text.trim().parse().map_err(|_| {
            Error::invalid(vec![desk_domain::Violation::new(
                "date",
                desk_domain::Rule::InvalidDate,
                format!("--date must be a date written YYYY-MM-DD, not \"{text}\""),
            )])
        })?,
        None => chrono::Local::now().date_naive(),
    };
    let stats = year_stats(ctx, query)?;
    let mut written = Vec::new();
    if let Some(pdf) = &files.pdf {
        let language = if files.english {
            desk_report::Language::English
        } else {
            desk_report::Language::Vietnamese
        };
        let mut options = desk_report::AnnualOptions::from_settings(
            &ctx.store.settings()?,
            language,
            date,
            chrono::Local::now().fixed_offset(),
        );
        if let Some(number) = files.number {
            options.number.sequence = number;
        }
        let bytes = desk_report::render_annual_report(&stats, &options)
            .map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))?;
        desk_ops::write_file(pdf, &bytes)?;
        written.push(pdf.clone());
    }
    if let Some(xlsx) = &files.xlsx {
        let language = if files.english {
            desk_domain::Language::En
        } else {
            desk_domain::Language::Vi
        };
        let bytes = desk_exchange::annual_workbook(&stats, language)?;
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
            }),
        );
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
