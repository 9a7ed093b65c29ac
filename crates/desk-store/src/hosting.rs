//! Hosting a delegation: importing the guest list (all or nothing), the guests with their
//! flights and rooms, check-in at the welcome desk, duty checklists, transfers from flights,
//! the transfer board, the rooming list and the programme by day.
//!
//! The column mapping remembered per organisation lives in the `setting` key-value table
//! (`guest_mapping:<organisation id>`); a member's check-in has its own table (`check_in`,
//! schema 11; before it, a `checkin:<member id>` setting), removed with its member. Both
//! are written in the same transaction as the change they belong to, noted in the audit
//! trail, and carried by the JSON export, where a check-in keeps its earlier form, a
//! `checkin:<member id>` entry with its time and who ticked it.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{Duration, NaiveDateTime, NaiveTime};
use desk_domain::hosting::{
    self, CheckIn, ChecklistApplied, ChecklistTemplate, FlightInput, GuestField, GuestImported,
    GuestMapping, GuestRecord, GuestSheet, HotelRooms, Identity, ImportProblem, PersonName,
    ProblemKind, ProgrammeDay, ProgrammeLine, RoomRow, RoomingList, TransferBoard, TransferDay,
    TransferRow,
};
use desk_domain::{
    Delegation, Direction, Error, ErrorKind, Language, Member, MemberRole, Mode, Organisation,
    OrganisationInput, OrganisationKind, Person, ProgrammeItem, ProgrammeItemInput, Rule, Segment,
    SegmentInput, Stay, StayInput, Task, TaskInput, Transfer, TransferInput, TransferKind,
    Violation, text,
};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use crate::children::{Base, ChildInput};
use crate::record;
use crate::write::Writer;
use crate::{Store, StoreError, new_id};

/// The default duty checklist for hosting (bilingual titles, days before the first day).
pub const HOSTING_CHECKLIST: &str = include_str!("../../../assets/checklists/hosting.json");

/// The default checklist, parsed.
pub fn default_checklist() -> Result<ChecklistTemplate, StoreError> {
    serde_json::from_str(HOSTING_CHECKLIST).map_err(|e| corrupt("the default checklist", e))
}

const MAPPING_PREFIX: &str = "guest_mapping:";
pub(crate) const CHECKIN_PREFIX: &str = "checkin:";

/// A check-in as the export carries it, under `checkin:<member id>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Tick {
    at: String,
    by: String,
}

/// One key of the `setting` table that belongs to hosting, as the export carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyedSetting {
    pub key: String,
    pub value: serde_json::Value,
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("{what}: {e}"))
}

fn conflict(message: String) -> StoreError {
    StoreError::Domain(Error::new(ErrorKind::Conflict, message))
}

/// The form in which two organisation names are the same name.
fn name_key(name: &str) -> String {
    text::search_form(&text::clean(name))
}

fn flight_key(number: &str) -> String {
    number
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

/// Adds a problem unless the same one is already there (a preview checked twice).
fn push_unique(problems: &mut Vec<ImportProblem>, problem: ImportProblem) {
    if !problems.iter().any(|p| {
        p.cell() == problem.cell() && p.kind == problem.kind && p.message == problem.message
    }) {
        problems.push(problem);
    }
}

impl Store {
    /// The hosting state the export carries: the remembered mappings and the check-ins (as
    /// `checkin:<member id>` entries), by key.
    pub(crate) fn keyed_settings(&self) -> Result<Vec<KeyedSetting>, StoreError> {
        let mut out = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT key, value FROM setting WHERE key LIKE 'guest_mapping:%' ORDER BY key",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (key, value) = row?;
            out.push(KeyedSetting {
                value: serde_json::from_str(&value).map_err(|e| corrupt(&key, e))?,
                key,
            });
        }
        let mut stmt = self
            .conn
            .prepare("SELECT member_id, checked_at, checked_by FROM check_in")?;
        let rows = stmt.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                Tick {
                    at: row.get(1)?,
                    by: row.get(2)?,
                },
            ))
        })?;
        for row in rows {
            let (member_id, tick) = row?;
            out.push(KeyedSetting {
                key: format!("{CHECKIN_PREFIX}{member_id}"),
                value: serde_json::to_value(&tick).map_err(|e| corrupt("check-in", e))?,
            });
        }
        out.sort_by(|a, b| a.key.cmp(&b.key));
        Ok(out)
    }

    /// The column mapping remembered from an organisation's last guest-list import.
    pub fn guest_mapping(&self, organisation_id: &str) -> Result<Option<GuestMapping>, StoreError> {
        match self.setting_text(&format!("{MAPPING_PREFIX}{organisation_id}"))? {
            Some(json) => serde_json::from_str(&json)
                .map(Some)
                .map_err(|e| corrupt("guest mapping", e)),
            None => Ok(None),
        }
    }

    /// The mapping to try for a delegation's guest list: the one remembered for its
    /// visiting organisation.
    pub fn guest_mapping_for(
        &self,
        delegation_id: &str,
    ) -> Result<Option<GuestMapping>, StoreError> {
        let delegation = self.delegation(delegation_id)?;
        match &delegation.organisation_id {
            Some(org) => self.guest_mapping(org),
            None => Ok(None),
        }
    }

    /// The sheet with every problem the database can see added: the person rules, a
    /// passport that expires before the event ends, a guest already in the directory (same
    /// passport number, or same passport name and date of birth) or already in this
    /// delegation. Writes nothing.
    pub fn preview_guests(
        &self,
        delegation_id: &str,
        sheet: &GuestSheet,
    ) -> Result<GuestSheet, StoreError> {
        // Every read of the preview in one read transaction: each lookup by itself took and
        // released the file's locks (two for each of 10,000 rows' identities).
        let _reading = self.reading()?;
        let delegation = self.delegation(delegation_id)?;
        let members: HashSet<String> =
            record::select::<Member>(&self.conn, "delegation_id = ?1", "id", &[&delegation_id])?
                .into_iter()
                .map(|m| m.person_id)
                .collect();
        // Each identity is looked up by key (indexes of schema 6), never by reading the
        // directory: the cost follows the sheet, not the years of people behind it.
        let mut by_passport = self.conn.prepare_cached(
            // `passport_no <> ''` spelled out: it is what lets SQLite use the partial index.
            "SELECT id, full_name FROM person WHERE passport_no = ?1 AND passport_no <> ''
             ORDER BY id LIMIT 1",
        )?;
        let mut by_name = self.conn.prepare_cached(
            "SELECT id, full_name FROM person WHERE passport_name = ?1 AND born_on = ?2
             ORDER BY id LIMIT 1",
        )?;
        let mut known = |identity: &Identity| -> Result<Option<(String, String)>, StoreError> {
            let pair = |row: &rusqlite::Row<'_>| Ok((row.get(0)?, row.get(1)?));
            Ok(match identity {
                Identity::Passport(no) => by_passport.query_row([no], pair).optional()?,
                Identity::NameAndBirth(name, born) => {
                    by_name.query_row([name, born], pair).optional()?
                }
            })
        };
        let mut out = sheet.clone();
        for i in 0..out.rows.len() {
            let mut found = hosting::check_guest(sheet, &out.rows[i], delegation.ends_on);
            for identity in hosting::row_identities(&out.rows[i].guest.person) {
                let Some((person_id, full_name)) = known(&identity)? else {
                    continue;
                };
                let row = out.rows[i].row;
                let field = match identity {
                    Identity::Passport(_) => GuestField::PassportNo,
                    Identity::NameAndBirth(..) => GuestField::BornOn,
                };
                let mut problem = if members.contains(&person_id) {
                    sheet.problem(
                        row,
                        Some(field),
                        ProblemKind::AlreadyMember,
                        &format!("{full_name} is already a guest of this delegation"),
                    )
                } else {
                    let why = match identity {
                        Identity::Passport(no) => format!("passport {no}"),
                        Identity::NameAndBirth(name, born) => format!("{name}, born {born}"),
                    };
                    sheet.problem(
                        row,
                        Some(field),
                        ProblemKind::DuplicatePerson,
                        &format!(
                            "{why} is already in the directory as {full_name} ({person_id}); add that person to the delegation instead of importing them again",
                        ),
                    )
                };
                problem.existing_person_id = Some(person_id);
                problem.existing_person_name = Some(full_name);
                found.push(problem);
                break;
            }
            for problem in found {
                push_unique(&mut out.rows[i].problems, problem);
            }
        }
        Ok(out)
    }

    /// Imports a guest list into a delegation: people (names as written), their
    /// organisations (matched by name or created), members with the role guest, and flights
    /// from the arrival and departure columns. All in one transaction: if any row has a
    /// problem and `skip_invalid` is false, nothing is written and the error lists every
    /// problem by cell. The mapping used is remembered for the delegation's organisation.
    /// The daily verified backup is made first if it is due; no other copy is made.
    pub fn import_guests(
        &mut self,
        delegation_id: &str,
        sheet: &GuestSheet,
        skip_invalid: bool,
    ) -> Result<GuestImported, StoreError> {
        let checked = self.preview_guests(delegation_id, sheet)?;
        if !skip_invalid && !checked.problems().is_empty() {
            return Err(StoreError::Domain(hosting::refusal(&checked)));
        }
        // No fresh backup of its own (issue 15): a full verified copy grows with the
        // database (seconds for twenty years) while a guest list only adds guests to one
        // delegation. The import is one transaction (whole or nothing), the person has
        // confirmed its preview, and a copy from today at the latest exists: the daily
        // one, made here when due. History and JSON imports and a purge, which write or
        // remove across the record, still make a fresh backup first.
        self.backup_if_due()?;
        let delegation = self.delegation(delegation_id)?;
        let host = hosting::host_airport(&delegation.country, &delegation.cities);
        // Organisations by the folded form of their name and short name, first by name
        // winning, built once: matching a row is a lookup, not a pass over the directory.
        let mut organisations: HashMap<String, String> = HashMap::new();
        for o in self.list_organisations()? {
            organisations
                .entry(name_key(&o.name))
                .or_insert(o.id.clone());
            if !o.short_name.is_empty() {
                organisations.entry(name_key(&o.short_name)).or_insert(o.id);
            }
        }
        let segments: Vec<Segment> = self.list::<SegmentInput>(delegation_id)?;
        let mut imported = GuestImported {
            skipped_rows: checked
                .rows
                .iter()
                .filter(|r| !r.problems.is_empty())
                .map(|r| r.row)
                .collect(),
            ..GuestImported::default()
        };
        // Flights: existing ones gain passengers, new ones are created once per flight.
        let mut joined: BTreeMap<String, (Segment, Segment)> = BTreeMap::new();
        let mut created: BTreeMap<(String, NaiveDateTime), Segment> = BTreeMap::new();

        let writer = self.writer()?;
        for row in checked.valid_rows() {
            let guest = &row.guest;
            let organisation_id = if guest.organisation.trim().is_empty() {
                None
            } else if let Some(found) = organisations.get(&name_key(&guest.organisation)) {
                Some(found.clone())
            } else {
                let folded = text::search_form(&guest.organisation);
                let kind = if folded.contains("library")
                    || folded.contains("thu vien")
                    || folded.contains("bibliot")
                {
                    OrganisationKind::Library
                } else if folded.contains("university") || folded.contains("dai hoc") {
                    OrganisationKind::University
                } else {
                    OrganisationKind::Other
                };
                let valid = OrganisationInput {
                    name: guest.organisation.clone(),
                    country: guest.person.nationality.clone(),
                    kind: kind.as_str().to_owned(),
                    ..OrganisationInput::default()
                }
                .validate()
                .map_err(|e| row_error(row.row, e))?;
                let organisation = Organisation {
                    notes: format!("Created by the guest-list import of {}", checked.file_name),
                    ..valid.into_organisation(new_id(), &writer.at)
                };
                writer.create(&organisation)?;
                organisations.insert(name_key(&organisation.name), organisation.id.clone());
                imported.organisations_created.push(organisation.clone());
                Some(organisation.id)
            };
            let mut input = guest.person.clone();
            input.organisation_id = organisation_id;
            let valid = input.validate().map_err(|e| row_error(row.row, e))?;
            let person = crate::people::person_from(new_id(), valid, &writer);
            writer.create(&person)?;
            let member = Member {
                id: new_id(),
                delegation_id: delegation.id.clone(),
                person_id: person.id.clone(),
                role: MemberRole::Guest,
                created_at: writer.at.clone(),
                updated_at: writer.at.clone(),
                ..Default::default()
            };
            writer.create(&member)?;
            for (flight, arriving) in [(&guest.arrival, true), (&guest.departure, false)] {
                let Some(flight) = flight else { continue };
                if flight.number.is_empty() {
                    continue;
                }
                let Some(date) = flight.date else { continue };
                let key = flight_key(&flight.number);
                let existing = segments.iter().find(|s| {
                    flight_key(&s.number) == key
                        && if arriving {
                            s.arrives_local.date() == date
                        } else {
                            s.departs_local.date() == date
                        }
                });
                if let Some(segment) = existing {
                    let entry = joined
                        .entry(segment.id.clone())
                        .or_insert_with(|| (segment.clone(), segment.clone()));
                    if !entry.1.passenger_ids.contains(&person.id) {
                        entry.1.passenger_ids.push(person.id.clone());
                    }
                    continue;
                }
                let at = date.and_time(flight.time.unwrap_or(NaiveTime::MIN));
                let segment = created.entry((key, at)).or_insert_with(|| {
                    new_flight(&delegation, host, flight, at, arriving, &writer.at)
                });
                segment.passenger_ids.push(person.id.clone());
            }
            imported.people.push(person);
            imported.members.push(member);
        }
        for (old, new) in joined.values() {
            let new = Segment {
                updated_at: writer.at.clone(),
                ..new.clone()
            };
            writer.change(old, &new)?;
            imported.segments_joined += 1;
        }
        for segment in created.values() {
            let valid = segment_input(segment).validate().map_err(|e| {
                StoreError::Domain(Error::invalid(
                    e.violations
                        .into_iter()
                        .map(|v| {
                            Violation::new(&format!("flight {}", segment.number), v.rule, v.message)
                        })
                        .collect(),
                ))
            })?;
            let _ = valid;
            writer.create(segment)?;
            imported.segments_created += 1;
        }
        if let Some(org) = &delegation.organisation_id {
            let json = serde_json::to_string(&checked.mapping())
                .map_err(|e| corrupt("guest mapping", e))?;
            writer.put_setting(&format!("{MAPPING_PREFIX}{org}"), &json)?;
        }
        writer.note(
            "delegation",
            &delegation.id,
            "guest_import",
            &format!(
                "{}: {} guests imported, {} rows skipped",
                checked.file_name,
                imported.people.len(),
                imported.skipped_rows.len()
            ),
        )?;
        writer.commit()?;
        Ok(imported)
    }

    /// The guests of a delegation (members with the role guest; for a delegation sent abroad
    /// that has none, every member), with organisation, flights, rooms and check-in. The
    /// host's own staff on a delegation we receive are never its guests, even before the
    /// guest list is imported.
    pub fn guests(&self, delegation_id: &str) -> Result<Vec<GuestRecord>, StoreError> {
        let delegation = self.delegation(delegation_id)?;
        let details = self.members(delegation_id)?;
        let only_guests = delegation.direction == Direction::Incoming
            || details.iter().any(|d| d.member.role == MemberRole::Guest);
        let segments = self.list::<SegmentInput>(delegation_id)?;
        let stays = self.list::<StayInput>(delegation_id)?;
        let host_zone = hosting::host_zone(&delegation.country);
        let mut out = Vec::new();
        for detail in details {
            if only_guests && detail.member.role != MemberRole::Guest {
                continue;
            }
            let id = &detail.person.id;
            let on = |s: &&Segment| s.passenger_ids.is_empty() || s.passenger_ids.contains(id);
            let direction = |s: &Segment| {
                host_zone.and_then(|z| {
                    hosting::flight_direction(s, z, delegation.starts_on, delegation.ends_on)
                })
            };
            let arrival = segments
                .iter()
                .filter(on)
                .filter(|s| host_zone.is_none() || direction(s) == Some(TransferKind::Arrival))
                .min_by_key(|s| s.arrives_local)
                .cloned();
            let departure = segments
                .iter()
                .filter(on)
                .filter(|s| host_zone.is_none() || direction(s) == Some(TransferKind::Departure))
                .max_by_key(|s| s.departs_local)
                .cloned();
            let organisation = match &detail.person.organisation_id {
                Some(org) => record::find(&self.conn, org)?,
                None => None,
            };
            let tick = self.tick(&detail.member.id)?;
            out.push(GuestRecord {
                stays: stays
                    .iter()
                    .filter(|s| s.guest_ids.contains(id))
                    .cloned()
                    .collect(),
                checked_in_at: tick.map(|t| t.at),
                arrival,
                departure,
                organisation,
                member: detail.member,
                person: detail.person,
            });
        }
        Ok(out)
    }

    fn tick(&self, member_id: &str) -> Result<Option<Tick>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT checked_at, checked_by FROM check_in WHERE member_id = ?1")?
            .query_row([member_id], |row| {
                Ok(Tick {
                    at: row.get(0)?,
                    by: row.get(1)?,
                })
            })
            .optional()?)
    }

    /// Ticks a person's arrival at the welcome desk (`arrived`), or takes back a tick made
    /// by mistake. Ticking twice keeps the first time.
    pub fn set_arrival(
        &mut self,
        delegation_id: &str,
        person_id: &str,
        arrived: bool,
    ) -> Result<CheckIn, StoreError> {
        let member = self.member_of(delegation_id, person_id)?;
        let person = self.person(person_id)?;
        let earlier = self.tick(&member.id)?;
        if arrived && earlier.is_some() {
            return Ok(checked(member, person, earlier));
        }
        let writer = self.writer()?;
        let tick = if arrived {
            let tick = Tick {
                at: writer.at.clone(),
                by: self_actor(&writer),
            };
            writer.put_check_in(&member.id, &tick.by)?;
            writer.note("member", &member.id, "checked_in_at", &tick.at)?;
            Some(tick)
        } else {
            if writer.remove_check_in(&member.id)? {
                writer.note("member", &member.id, "checked_in_at", "")?;
            }
            None
        };
        writer.commit()?;
        Ok(checked(member, person, tick))
    }

    /// Every guest of the delegation with their check-in, arrived or not, by name.
    pub fn check_ins(&self, delegation_id: &str) -> Result<Vec<CheckIn>, StoreError> {
        let mut out = Vec::new();
        for guest in self.guests(delegation_id)? {
            let tick = self.tick(&guest.member.id)?;
            out.push(checked(guest.member, guest.person, tick));
        }
        Ok(out)
    }

    /// Moves a guest between rooms in one transaction: out of `from` (a stay id), into `to`,
    /// either of which may be absent (a first room; leaving a room). Both rooms must belong
    /// to the delegation and the person must be its member, so that the rooming list never
    /// shows a guest in two rooms, or in none, halfway through a move. Returns the rooms
    /// that changed.
    pub fn move_guest(
        &mut self,
        delegation_id: &str,
        person_id: &str,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Vec<Stay>, StoreError> {
        self.member_of(delegation_id, person_id)?;
        let stays: Vec<Stay> = self.list::<StayInput>(delegation_id)?;
        let find = |field: &str, id: &str| -> Result<Stay, StoreError> {
            stays.iter().find(|s| s.id == id).cloned().ok_or_else(|| {
                StoreError::Domain(Error::invalid(vec![Violation::new(
                    field,
                    Rule::UnknownRecord,
                    format!("No room of this delegation has the id {id}"),
                )]))
            })
        };
        let from = from.map(|id| find("from_stay_id", id)).transpose()?;
        let to = to.map(|id| find("to_stay_id", id)).transpose()?;
        if let Some(old) = &from
            && !old.guest_ids.iter().any(|g| g == person_id)
        {
            return Err(StoreError::Domain(Error::invalid(vec![Violation::new(
                "from_stay_id",
                Rule::UnknownRecord,
                format!(
                    "The guest {person_id} does not sleep in {}, {}",
                    old.hotel, old.room
                ),
            )])));
        }
        if from.as_ref().map(|s| &s.id) == to.as_ref().map(|s| &s.id) {
            return Ok(Vec::new());
        }
        let writer = self.writer()?;
        let mut changed = Vec::new();
        if let Some(old) = from {
            let new = Stay {
                guest_ids: old
                    .guest_ids
                    .iter()
                    .filter(|g| *g != person_id)
                    .cloned()
                    .collect(),
                updated_at: writer.at.clone(),
                ..old.clone()
            };
            writer.change(&old, &new)?;
            changed.push(new);
        }
        if let Some(old) = to
            && !old.guest_ids.iter().any(|g| g == person_id)
        {
            let mut guest_ids = old.guest_ids.clone();
            guest_ids.push(person_id.to_owned());
            let new = Stay {
                guest_ids,
                updated_at: writer.at.clone(),
                ..old.clone()
            };
            writer.change(&old, &new)?;
            changed.push(new);
        }
        writer.commit()?;
        Ok(changed)
    }

    /// Adds a checklist's duties to a delegation as tasks, due counting back from its first
    /// day, in one transaction; titles already present (in either language) are skipped.
    pub fn apply_checklist(
        &mut self,
        delegation_id: &str,
        template: &ChecklistTemplate,
        assignee_id: Option<&str>,
        language: Language,
    ) -> Result<ChecklistApplied, StoreError> {
        template.validate()?;
        let delegation = self.delegation(delegation_id)?;
        if let Some(id) = assignee_id
            && record::find::<Person>(&self.conn, id)?.is_none()
        {
            return Err(StoreError::Domain(Error::invalid(vec![Violation::new(
                "assignee_id",
                Rule::UnknownRecord,
                format!("No person has the id {id}"),
            )])));
        }
        let existing: Vec<Task> = self.list::<TaskInput>(delegation_id)?;
        let (inputs, skipped) = hosting::plan_checklist(
            template,
            delegation.starts_on,
            &existing,
            assignee_id,
            language,
        );
        let writer = self.writer()?;
        let mut created = Vec::with_capacity(inputs.len());
        for input in &inputs {
            let task = input.build(Base {
                id: new_id(),
                delegation_id: delegation.id.clone(),
                created_at: writer.at.clone(),
                updated_at: writer.at.clone(),
            })?;
            writer.create(&task)?;
            created.push(task);
        }
        writer.commit()?;
        Ok(ChecklistApplied { created, skipped })
    }

    /// Creates one transfer per flight arriving in or leaving the host country that has
    /// none yet: a pickup at the arrival time from the terminal to the passengers' hotel, or
    /// a drop-off three hours before departure. Returns the transfers created.
    pub fn generate_transfers(&mut self, delegation_id: &str) -> Result<Vec<Transfer>, StoreError> {
        let delegation = self.delegation(delegation_id)?;
        let Some(zone) = hosting::host_zone(&delegation.country) else {
            return Err(conflict(format!(
                "transfers cannot be made for {}: its country {} has no single time zone to tell arrivals from departures",
                delegation.title, delegation.country
            )));
        };
        let segments = self.list::<SegmentInput>(delegation_id)?;
        let transfers: Vec<Transfer> = self.list::<TransferInput>(delegation_id)?;
        let stays = self.list::<StayInput>(delegation_id)?;
        let covered: HashSet<String> = transfers
            .iter()
            .filter_map(|t| t.segment_id.clone())
            .collect();
        let hotel_of = |passengers: &[String]| -> String {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for stay in &stays {
                if passengers.is_empty() || stay.guest_ids.iter().any(|g| passengers.contains(g)) {
                    *counts.entry(stay.hotel.as_str()).or_default() += 1;
                }
            }
            counts
                .into_iter()
                .max_by_key(|(_, n)| *n)
                .map(|(h, _)| h.to_owned())
                .unwrap_or_default()
        };
        let writer = self.writer()?;
        let mut made = Vec::new();
        for segment in segments
            .iter()
            .filter(|s| !covered.contains(&s.id) && s.mode == Mode::Flight)
        {
            let Some(kind) =
                hosting::flight_direction(segment, zone, delegation.starts_on, delegation.ends_on)
            else {
                continue;
            };
            let arriving = kind == TransferKind::Arrival;
            let airport = |place: &str| format!("{place} {}", segment.terminal).trim().to_owned();
            let hotel = hotel_of(&segment.passenger_ids);
            let input = if arriving {
                TransferInput {
                    segment_id: Some(segment.id.clone()),
                    kind: TransferKind::Arrival.as_str().to_owned(),
                    at_local: segment
                        .arrives_local
                        .format(desk_domain::travel::LOCAL_FORMAT)
                        .to_string(),
                    time_zone: segment.to_tz.clone(),
                    from_place: airport(&segment.to_place),
                    to_place: hotel,
                    terminal: segment.terminal.clone(),
                    passenger_ids: segment.passenger_ids.clone(),
                    ..TransferInput::default()
                }
            } else {
                TransferInput {
                    segment_id: Some(segment.id.clone()),
                    kind: TransferKind::Departure.as_str().to_owned(),
                    at_local: (segment.departs_local - Duration::hours(3))
                        .format(desk_domain::travel::LOCAL_FORMAT)
                        .to_string(),
                    time_zone: segment.from_tz.clone(),
                    from_place: hotel,
                    to_place: airport(&segment.from_place),
                    terminal: String::new(),
                    passenger_ids: segment.passenger_ids.clone(),
                    notes: format!(
                        "Flight {} departs {}",
                        segment.number,
                        segment.departs_local.format("%H:%M")
                    ),
                    ..TransferInput::default()
                }
            };
            let transfer = input.build(Base {
                id: new_id(),
                delegation_id: delegation.id.clone(),
                created_at: writer.at.clone(),
                updated_at: writer.at.clone(),
            })?;
            writer.create(&transfer)?;
            made.push(transfer);
        }
        writer.commit()?;
        Ok(made)
    }

    fn names(&self, delegation_id: &str) -> Result<HashMap<String, PersonName>, StoreError> {
        Ok(self
            .members(delegation_id)?
            .into_iter()
            .map(|d| (d.person.id.clone(), PersonName::of(&d.person)))
            .collect())
    }

    /// Pickups and drop-offs by day and time, with flights and passengers; and the guests
    /// on no arrival transfer.
    pub fn transfer_board(&self, delegation_id: &str) -> Result<TransferBoard, StoreError> {
        let names = self.names(delegation_id)?;
        let guests = self.guests(delegation_id)?;
        let segments: HashMap<String, Segment> = self
            .list::<SegmentInput>(delegation_id)?
            .into_iter()
            .map(|s| (s.id.clone(), s))
            .collect();
        let transfers: Vec<Transfer> = self.list::<TransferInput>(delegation_id)?;
        let passengers_of = |t: &Transfer| -> Vec<PersonName> {
            if t.passenger_ids.is_empty() {
                guests.iter().map(|g| PersonName::of(&g.person)).collect()
            } else {
                t.passenger_ids
                    .iter()
                    .filter_map(|id| names.get(id).cloned())
                    .collect()
            }
        };
        let mut days: Vec<TransferDay> = Vec::new();
        let mut picked: HashSet<String> = HashSet::new();
        for transfer in transfers {
            let passengers = passengers_of(&transfer);
            if transfer.kind == TransferKind::Arrival {
                picked.extend(passengers.iter().map(|p| p.person_id.clone()));
            }
            let row = TransferRow {
                segment: transfer
                    .segment_id
                    .as_ref()
                    .and_then(|id| segments.get(id).cloned()),
                passengers,
                transfer,
            };
            let date = row.transfer.at_local.date();
            match days.last_mut() {
                Some(day) if day.date == date => day.transfers.push(row),
                _ => days.push(TransferDay {
                    date,
                    transfers: vec![row],
                }),
            }
        }
        let without_arrival_transfer = guests
            .iter()
            .filter(|g| !picked.contains(&g.person.id))
            .map(|g| PersonName::of(&g.person))
            .collect();
        Ok(TransferBoard {
            days,
            without_arrival_transfer,
        })
    }

    /// Hotels and rooms, who sleeps where and who shares, nights per guest, and the guests
    /// with no room.
    pub fn rooming_list(&self, delegation_id: &str) -> Result<RoomingList, StoreError> {
        let names = self.names(delegation_id)?;
        let guests = self.guests(delegation_id)?;
        let mut stays: Vec<Stay> = self.list::<StayInput>(delegation_id)?;
        stays.sort_by(|a, b| {
            (a.hotel.as_str(), a.room.as_str(), a.check_in_on).cmp(&(
                b.hotel.as_str(),
                b.room.as_str(),
                b.check_in_on,
            ))
        });
        let mut hotels: Vec<HotelRooms> = Vec::new();
        let mut nights: BTreeMap<String, hosting::GuestNights> = BTreeMap::new();
        for stay in stays {
            let guests_here: Vec<PersonName> = stay
                .guest_ids
                .iter()
                .filter_map(|id| names.get(id).cloned())
                .collect();
            let room = RoomRow {
                nights: stay.nights(),
                guests: guests_here.clone(),
                stay: stay.clone(),
            };
            for guest in &guests_here {
                let entry =
                    nights
                        .entry(guest.person_id.clone())
                        .or_insert_with(|| hosting::GuestNights {
                            guest: guest.clone(),
                            nights: 0,
                            rooms: String::new(),
                            shares_with: Vec::new(),
                        });
                entry.nights += stay.nights();
                let place = format!("{}, {}", stay.hotel, stay.room);
                entry.rooms = if entry.rooms.is_empty() {
                    place
                } else {
                    format!("{}; {place}", entry.rooms)
                };
                for other in guests_here
                    .iter()
                    .filter(|o| o.person_id != guest.person_id)
                {
                    if !entry.shares_with.contains(&other.full_name) {
                        entry.shares_with.push(other.full_name.clone());
                    }
                }
            }
            match hotels.last_mut() {
                Some(h) if h.hotel == stay.hotel => h.rooms.push(room),
                _ => hotels.push(HotelRooms {
                    hotel: stay.hotel.clone(),
                    address: stay.address.clone(),
                    rooms: vec![room],
                }),
            }
        }
        let without_room = guests
            .iter()
            .filter(|g| g.stays.is_empty())
            .map(|g| PersonName::of(&g.person))
            .collect();
        let mut nights: Vec<hosting::GuestNights> = nights.into_values().collect();
        nights.sort_by(|a, b| a.guest.full_name.cmp(&b.guest.full_name));
        Ok(RoomingList {
            hotels,
            nights,
            without_room,
        })
    }

    /// The programme by day, with the staff member in charge of each item.
    pub fn programme_days(&self, delegation_id: &str) -> Result<Vec<ProgrammeDay>, StoreError> {
        let items: Vec<ProgrammeItem> = self.list::<ProgrammeItemInput>(delegation_id)?;
        let mut days: Vec<ProgrammeDay> = Vec::new();
        for item in items {
            let responsible = match &item.responsible_id {
                Some(id) => record::find::<Person>(&self.conn, id)?.map(|p| PersonName::of(&p)),
                None => None,
            };
            let date = item.on_date;
            let line = ProgrammeLine { item, responsible };
            match days.last_mut() {
                Some(day) if day.date == date => day.lines.push(line),
                _ => days.push(ProgrammeDay {
                    date,
                    lines: vec![line],
                }),
            }
        }
        for day in &mut days {
            day.lines
                .sort_by_key(|l| (l.item.starts_at.is_some(), l.item.starts_at));
        }
        Ok(days)
    }
}

/// A member's check-in as the welcome desk shows it: arrived (when and by whom) or not.
fn checked(member: Member, person: Person, tick: Option<Tick>) -> CheckIn {
    let (at, by) = match tick {
        Some(tick) => (Some(tick.at), tick.by),
        None => (None, String::new()),
    };
    CheckIn {
        member_id: member.id,
        person_id: person.id,
        full_name: person.full_name,
        at,
        by,
    }
}

fn self_actor(writer: &Writer<'_>) -> String {
    writer.actor().to_owned()
}

/// A domain error on a row, with the row named in each violation.
pub(crate) fn row_error(row: u32, error: Error) -> StoreError {
    StoreError::Domain(Error::invalid(
        error
            .violations
            .into_iter()
            .map(|v| {
                Violation::new(
                    &format!("row {row} {}", v.field),
                    v.rule,
                    format!("Row {row}: {}", v.message),
                )
            })
            .collect(),
    ))
}

/// A flight read from a guest list, placed between the host airport and the other end.
fn new_flight(
    delegation: &Delegation,
    host: Option<(&str, &str)>,
    flight: &FlightInput,
    at: NaiveDateTime,
    arriving: bool,
    now: &str,
) -> Segment {
    let fallback = if delegation.cities.trim().is_empty() {
        delegation.country.as_str()
    } else {
        delegation.cities.as_str()
    };
    let (host_place, host_zone) = host.unwrap_or((fallback, "UTC"));
    let other = hosting::airport(&flight.place);
    let other_place = if flight.place.is_empty() {
        "?".to_owned()
    } else {
        flight.place.clone()
    };
    let other_zone = other.map_or(host_zone, |(_, z)| z).to_owned();
    let mut notes = vec!["Created from the guest list".to_owned()];
    notes.push(if arriving {
        "departure time not given".to_owned()
    } else {
        "arrival time not given".to_owned()
    });
    if flight.time.is_none() {
        notes.push("time of day not given".to_owned());
    }
    let (from_place, from_tz, to_place, to_tz) = if arriving {
        (
            other_place,
            other_zone,
            host_place.to_owned(),
            host_zone.to_owned(),
        )
    } else {
        (
            host_place.to_owned(),
            host_zone.to_owned(),
            other_place,
            other_zone,
        )
    };
    // The far end's time is unknown: both ends carry the known instant, so that the
    // flight's duration reads as unknown rather than as a made-up number.
    let other_local = desk_domain::travel::parse_zone(&from_tz)
        .zip(desk_domain::travel::parse_zone(&to_tz))
        .and_then(|(f, t)| {
            let (known_zone, other_zone) = if arriving { (t, f) } else { (f, t) };
            desk_domain::travel::to_utc(at, known_zone)
                .ok()
                .map(|utc| utc.with_timezone(&other_zone).naive_local())
        })
        .unwrap_or(at);
    let (departs_local, arrives_local) = if arriving {
        (other_local, at)
    } else {
        (at, other_local)
    };
    Segment {
        id: new_id(),
        delegation_id: delegation.id.clone(),
        mode: Mode::Flight,
        number: flight.number.clone(),
        from_place,
        from_tz,
        departs_local,
        to_place,
        to_tz,
        arrives_local,
        notes: notes.join("; "),
        created_at: now.to_owned(),
        updated_at: now.to_owned(),
        ..Default::default()
    }
}

fn segment_input(s: &Segment) -> SegmentInput {
    SegmentInput {
        mode: s.mode.as_str().to_owned(),
        carrier: s.carrier.clone(),
        number: s.number.clone(),
        from_place: s.from_place.clone(),
        from_tz: s.from_tz.clone(),
        departs_local: s
            .departs_local
            .format(desk_domain::travel::LOCAL_FORMAT)
            .to_string(),
        to_place: s.to_place.clone(),
        to_tz: s.to_tz.clone(),
        arrives_local: s
            .arrives_local
            .format(desk_domain::travel::LOCAL_FORMAT)
            .to_string(),
        terminal: s.terminal.clone(),
        passenger_ids: s.passenger_ids.clone(),
        notes: s.notes.clone(),
    }
}
