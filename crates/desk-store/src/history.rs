//! The office's history into the record: what the database adds to the preview (trips
//! already recorded, people already in the directory, names that may be them) and the
//! import itself, in one transaction after a verified backup.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use desk_domain::history::{
    HistoryField, HistoryImported, HistoryMember, HistoryProblemKind, HistorySheet, HistoryTrip,
    KnownTrip, PeopleDecisions, PossibleMatch, loose_key, person_key, same_trip,
};
use desk_domain::progress::Reporter;
use desk_domain::{
    DelegationInput, DelegationStatus, Destination, Direction, Error, Funding, Member, MemberRole,
    Organisation, OrganisationInput, OrganisationKind, PersonInput, text,
};
use rusqlite::OptionalExtension;

use crate::delegations::new_delegation;
use crate::hosting::row_error;
use crate::{BackupReason, Store, StoreError, new_id, search};

/// How many rows pass between two reports of progress.
const PROGRESS_EVERY: usize = 250;

/// A history preview's answer, kept for the import that usually follows it (the window
/// previews a file and then imports the same file): a 10,000-row file is then read and
/// checked once, not twice. It holds only while the record is as it was when checked.
pub(crate) struct KeptHistory {
    /// What the caller says identifies the file and the choices made on it.
    fingerprint: u64,
    /// The record's state when it was checked: changes made through this connection, and
    /// SQLite's count of commits by other connections (the CLI, a second window).
    record_state: (u64, i64),
    checked: HistorySheet,
}

/// A recorded delegation, as much as recognising a trip needs.
struct Recorded {
    id: String,
    title: String,
    direction: Direction,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    countries: Vec<String>,
}

/// The directory's answers about names, asked once per name.
struct Directory<'s> {
    store: &'s Store,
    exact: HashMap<String, Option<String>>,
    loose: HashMap<String, Vec<(String, String)>>,
}

impl<'s> Directory<'s> {
    fn new(store: &'s Store) -> Self {
        Self {
            store,
            exact: HashMap::new(),
            loose: HashMap::new(),
        }
    }

    /// The person whose name is exactly this one (after NFC and spaces), oldest first.
    fn exact(&mut self, name: &str) -> Result<Option<String>, StoreError> {
        let key = person_key(name);
        if let Some(found) = self.exact.get(&key) {
            return Ok(found.clone());
        }
        let found: Option<String> = self
            .store
            .conn
            .prepare_cached(
                "SELECT id FROM person WHERE full_name = ?1 COLLATE NOCASE AND full_name = ?1
                 ORDER BY id LIMIT 1",
            )?
            .query_row([&key], |r| r.get(0))
            .optional()?;
        self.exact.insert(key, found.clone());
        Ok(found)
    }

    /// People whose names differ from this one only by diacritics or case.
    fn loose(&mut self, name: &str) -> Result<Vec<(String, String)>, StoreError> {
        let key = search::label_key(&loose_key(name));
        if let Some(found) = self.loose.get(&key) {
            return Ok(found.clone());
        }
        let mut statement = self.store.conn.prepare_cached(
            "SELECT record_id, label FROM search_entry WHERE kind = 'person' AND label_key = ?1
             ORDER BY doc LIMIT 5",
        )?;
        let found = statement
            .query_map([&key], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<Vec<(String, String)>, _>>()?;
        self.loose.insert(key, found.clone());
        Ok(found)
    }
}

impl Store {
    fn record_state(&self) -> Result<(u64, i64), StoreError> {
        let data_version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok((self.conn.total_changes(), data_version))
    }

    /// Keeps a preview (from [`Store::preview_history`]) for [`Store::import_kept_history`];
    /// `fingerprint` identifies the file's bytes and every choice that shaped the preview
    /// (sheet, mapping, people decisions).
    pub fn keep_history_preview(
        &self,
        fingerprint: u64,
        checked: &HistorySheet,
    ) -> Result<(), StoreError> {
        let kept = KeptHistory {
            fingerprint,
            record_state: self.record_state()?,
            checked: checked.clone(),
        };
        *self.kept_history.borrow_mut() = Some(kept);
        Ok(())
    }

    /// Imports the kept preview of the file `fingerprint` names, as [`Store::import_history`]
    /// would import that file; `None` when no preview of it is kept or the record has
    /// changed since it was made (the caller then reads the file and imports it).
    pub fn import_kept_history(
        &mut self,
        fingerprint: u64,
        skip_invalid: bool,
        today: NaiveDate,
        reporter: &dyn Reporter,
    ) -> Result<Option<HistoryImported>, StoreError> {
        let Some(kept) = self.kept_history.borrow_mut().take() else {
            return Ok(None);
        };
        if kept.fingerprint != fingerprint || kept.record_state != self.record_state()? {
            return Ok(None);
        }
        self.import_checked_history(&kept.checked, skip_invalid, today, reporter)
            .map(Some)
    }

    /// Every live delegation, as much as recognising a trip needs, by start date.
    fn recorded_trips(&self) -> Result<Vec<Recorded>, StoreError> {
        let mut statement = self.conn.prepare(
            "SELECT id, title, direction, starts_on, ends_on, country, more_destinations
             FROM delegation WHERE deleted_at IS NULL ORDER BY starts_on",
        )?;
        let rows = statement.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, title, direction, starts, ends, country, more) = row?;
            let more: Vec<Destination> = serde_json::from_str(&more)
                .map_err(|e| StoreError::Corrupt(format!("delegation {id}'s countries: {e}")))?;
            let (Some(direction), Ok(starts_on), Ok(ends_on)) = (
                Direction::parse(&direction),
                starts.parse::<NaiveDate>(),
                ends.parse::<NaiveDate>(),
            ) else {
                return Err(StoreError::Corrupt(format!(
                    "delegation {id} has unreadable dates"
                )));
            };
            out.push(Recorded {
                id,
                title,
                direction,
                starts_on,
                ends_on,
                countries: std::iter::once(country)
                    .chain(more.into_iter().map(|d| d.country))
                    .collect(),
            });
        }
        Ok(out)
    }

    /// The sheet with what the database can see added: rows whose trip is already
    /// recorded, members already in the directory by their exact name, and names that
    /// differ from a known person's only by diacritics or case (a problem until `decisions`
    /// says whether they are that person). Writes nothing.
    pub fn preview_history(
        &self,
        sheet: HistorySheet,
        decisions: &PeopleDecisions,
    ) -> Result<HistorySheet, StoreError> {
        let recorded = self.recorded_trips()?;
        let mut directory = Directory::new(self);
        let mut sheet = sheet;
        let mut rows = std::mem::take(&mut sheet.rows);
        for row in &mut rows {
            let trip = &row.trip;
            if let (Some(direction), Some(starts), Some(ends)) =
                (trip.direction, trip.starts_on, trip.ends_on)
            {
                // Trips that start up to a year before this one ends are the only ones that
                // can overlap it (recorded is sorted by start).
                let from =
                    recorded.partition_point(|t| t.starts_on < starts - chrono::Days::new(366));
                let to = recorded.partition_point(|t| t.starts_on <= ends);
                row.already_recorded = recorded[from..to]
                    .iter()
                    .find(|t| {
                        same_trip(
                            (direction, starts, ends, &trip.countries),
                            (t.direction, t.starts_on, t.ends_on, &t.countries),
                        )
                    })
                    .map(|t| KnownTrip {
                        delegation_id: t.id.clone(),
                        title: t.title.clone(),
                    });
            }
            // A trip already recorded is not added again: its names need no decision.
            let recorded = row.already_recorded.is_some();
            for member in &mut row.trip.members {
                if let Some(id) = decisions.same_as(&member.full_name) {
                    member.person_id = Some(id.to_owned());
                    continue;
                }
                member.person_id = directory.exact(&member.full_name)?;
                if recorded || member.person_id.is_some() || decisions.decided(&member.full_name) {
                    continue;
                }
                for (person_id, full_name) in directory.loose(&member.full_name)? {
                    row.possible_matches.push(PossibleMatch {
                        written: member.full_name.clone(),
                        person_id,
                        full_name,
                    });
                }
            }
            let matches: Vec<(String, String)> = row
                .possible_matches
                .iter()
                .map(|m| (m.written.clone(), m.full_name.clone()))
                .collect();
            for (written, known) in matches {
                let problem = sheet.problem(
                    row.row,
                    Some(HistoryField::Members),
                    HistoryProblemKind::PossibleMatch,
                    &format!("\"{written}\" may be {known}, who is already in the directory: say whether it is the same person"),
                );
                if !row.problems.contains(&problem) {
                    row.problems.push(problem);
                }
            }
        }
        sheet.rows = rows;
        Ok(sheet)
    }

    /// Imports the office's history: one delegation a row (Closed once it is over), its
    /// members (people found by their exact name or as decided, else created), and its
    /// partners (organisations found by name, else created). Rows whose trip is already
    /// recorded are not added again. All in one transaction after a verified backup: if any
    /// row has a problem and `skip_invalid` is false, nothing is written and the error lists
    /// every problem by cell. `reporter` hears how many rows are done every
    /// [`PROGRESS_EVERY`]; cancelled, the transaction is rolled back and nothing is written.
    pub fn import_history(
        &mut self,
        sheet: HistorySheet,
        decisions: &PeopleDecisions,
        skip_invalid: bool,
        today: NaiveDate,
        reporter: &dyn Reporter,
    ) -> Result<HistoryImported, StoreError> {
        let checked = self.preview_history(sheet, decisions)?;
        self.import_checked_history(&checked, skip_invalid, today, reporter)
    }

    /// The import of a sheet [`Store::preview_history`] has checked against the record as
    /// it is now.
    fn import_checked_history(
        &mut self,
        checked: &HistorySheet,
        skip_invalid: bool,
        today: NaiveDate,
        reporter: &dyn Reporter,
    ) -> Result<HistoryImported, StoreError> {
        if !skip_invalid && !checked.problems().is_empty() {
            return Err(StoreError::Domain(checked.refusal()));
        }
        self.backup_before(BackupReason::GuestImport)?;
        let mut organisations: HashMap<String, String> = HashMap::new();
        for o in self.list_organisations()? {
            organisations
                .entry(loose_key(&o.name))
                .or_insert(o.id.clone());
            if !o.short_name.is_empty() {
                organisations
                    .entry(loose_key(&o.short_name))
                    .or_insert(o.id);
            }
        }
        let mut imported = HistoryImported::default();
        // People created by this import, by their exact name: the same name on two rows is
        // one person. Their ids again as a set, so that telling a known person from one
        // made here costs the same on row 10,000 as on row 1.
        let mut created_people: HashMap<String, String> = HashMap::new();
        let mut created_ids: HashSet<String> = HashSet::new();
        let writer = self.writer()?;
        let total = checked.rows.len() as u64;
        for (done, row) in checked.rows.iter().enumerate() {
            if done % PROGRESS_EVERY == 0 {
                // Dropped uncommitted, the writer rolls everything back.
                reporter.checkpoint(done as u64, total)?;
            }
            if !row.problems.is_empty() {
                imported.skipped_rows.push(row.row);
                continue;
            }
            if row.already_recorded.is_some() {
                imported.already_recorded.push(row.row);
                continue;
            }
            let trip = &row.trip;
            let direction = trip.direction.unwrap_or(Direction::Outgoing);
            let mut partner_ids = Vec::new();
            for name in &trip.partners {
                let key = loose_key(name);
                if let Some(id) = organisations.get(&key) {
                    partner_ids.push(id.clone());
                    continue;
                }
                let organisation = new_partner(name, trip, &checked.file_name, &writer.at)
                    .map_err(|e| row_error(row.row, e))?;
                writer.create(&organisation)?;
                organisations.insert(key, organisation.id.clone());
                partner_ids.push(organisation.id);
                imported.organisations_created += 1;
            }
            let input = trip_input(trip, partner_ids.first().cloned());
            let valid = input.validate().map_err(|e| row_error(row.row, e))?;
            let status = if valid.ends_on < today {
                DelegationStatus::Closed
            } else {
                DelegationStatus::Draft
            };
            let delegation = new_delegation(valid, status, &writer.at);
            writer.create(&delegation)?;
            imported.delegations += 1;

            let mut seen: Vec<String> = Vec::new();
            for (i, member) in trip.members.iter().enumerate() {
                let person_id = match member_person(member, &created_people) {
                    Some(id) => {
                        if !created_ids.contains(&id) {
                            imported.people_known += 1;
                        }
                        id
                    }
                    None => {
                        let valid = PersonInput {
                            full_name: member.full_name.clone(),
                            title: member.title.clone(),
                            nationality: match direction {
                                Direction::Outgoing => "VN".to_owned(),
                                Direction::Incoming => {
                                    trip.countries.first().cloned().unwrap_or_default()
                                }
                            },
                            notes: format!(
                                "Created by the history import of {}",
                                checked.file_name
                            ),
                            ..PersonInput::default()
                        }
                        .validate()
                        .map_err(|e| row_error(row.row, e))?;
                        let person = crate::people::person_from(new_id(), valid, &writer);
                        writer.create(&person)?;
                        created_people.insert(person_key(&member.full_name), person.id.clone());
                        created_ids.insert(person.id.clone());
                        imported.people_created += 1;
                        person.id
                    }
                };
                if seen.contains(&person_id) {
                    continue;
                }
                seen.push(person_id.clone());
                let role = match (direction, i) {
                    (Direction::Incoming, _) => MemberRole::Guest,
                    (Direction::Outgoing, 0) => MemberRole::Head,
                    (Direction::Outgoing, _) => MemberRole::Member,
                };
                writer.create(&Member {
                    id: new_id(),
                    delegation_id: delegation.id.clone(),
                    person_id,
                    role,
                    created_at: writer.at.clone(),
                    updated_at: writer.at.clone(),
                    ..Default::default()
                })?;
            }
        }
        reporter.checkpoint(total, total)?;
        writer.commit()?;
        Ok(imported)
    }
}

/// The person a member is: confirmed, found by exact name, or made earlier in this import.
fn member_person(member: &HistoryMember, created: &HashMap<String, String>) -> Option<String> {
    member
        .person_id
        .clone()
        .or_else(|| created.get(&person_key(&member.full_name)).cloned())
}

/// The delegation a row describes, as a form would fill it in.
fn trip_input(trip: &HistoryTrip, organisation_id: Option<String>) -> DelegationInput {
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut notes = trip.notes.clone();
    if trip.partners.len() > 1 {
        let more = trip.partners[1..].join("; ");
        notes = if notes.is_empty() {
            format!("Partners: {more}")
        } else {
            format!("{notes}\nPartners: {more}")
        };
    }
    // The cities as written go with the first country: the sheet does not say which city is
    // in which country.
    let more_destinations = trip
        .countries
        .iter()
        .skip(1)
        .map(|country| Destination {
            country: country.clone(),
            cities: String::new(),
        })
        .collect();
    DelegationInput {
        more_destinations,
        purpose: trip.purpose.clone(),
        organisation_id,
        cities: trip.cities.clone(),
        funding: trip
            .funding
            .unwrap_or(Funding::StateBudget)
            .as_str()
            .to_owned(),
        decision_number: trip.decision_number.clone(),
        notes,
        ..DelegationInput::new(
            trip.direction.unwrap_or(Direction::Outgoing),
            &trip.title,
            trip.countries.first().map_or("", String::as_str),
            &date(trip.starts_on),
            &date(trip.ends_on),
        )
    }
}

/// A partner organisation named by the history, made from its name.
fn new_partner(
    name: &str,
    trip: &HistoryTrip,
    file_name: &str,
    at: &str,
) -> Result<Organisation, Error> {
    let folded = text::search_form(name);
    let kind = if ["library", "thu vien", "bibliot"]
        .iter()
        .any(|w| folded.contains(w))
    {
        OrganisationKind::Library
    } else if ["university", "dai hoc"].iter().any(|w| folded.contains(w)) {
        OrganisationKind::University
    } else {
        OrganisationKind::Other
    };
    let valid = OrganisationInput {
        name: name.to_owned(),
        country: trip.countries.first().cloned().unwrap_or_default(),
        kind: kind.as_str().to_owned(),
        ..OrganisationInput::default()
    }
    .validate()?;
    Ok(Organisation {
        id: new_id(),
        name: valid.name,
        short_name: valid.short_name,
        country: valid.country,
        kind: valid.kind,
        notes: format!("Created by the history import of {file_name}"),
        created_at: at.to_owned(),
        updated_at: at.to_owned(),
    })
}
