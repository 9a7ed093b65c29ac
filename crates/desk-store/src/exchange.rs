//! The whole database as one JSON document, and back. `export` then `import` into an empty
//! database then `export` gives the same document byte for byte: records keep their ids and
//! timestamps, the audit trail is carried over as it was, and every list is in id order.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use desk_domain::{
    Attachment, AuditEntry, Delegation, Error, ErrorKind, Expense, Member, MissionReport,
    Organisation, Person, ProgrammeItem, RateTable, SavedEstimate, Segment, Settings, Stay, Task,
    Transfer, Visa,
};
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::record::{self, Record};
use crate::write::Writer;
use crate::{LATEST_VERSION, Store, StoreError};
use desk_domain::ReportVersion;
use desk_domain::progress::{Reporter, Unwatched};

/// The format name written into every export.
pub const FORMAT: &str = "delegation-desk";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedAttachment {
    #[serde(flatten)]
    pub attachment: Attachment,
    pub content_base64: String,
}

/// Everything in a database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub schema_version: i64,
    /// Free text about the data (e.g. that a demo set is illustrative).
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub settings: Option<Settings>,
    #[serde(default)]
    pub organisations: Vec<Organisation>,
    #[serde(default)]
    pub people: Vec<Person>,
    #[serde(default)]
    pub delegations: Vec<Delegation>,
    #[serde(default)]
    pub members: Vec<Member>,
    #[serde(default)]
    pub segments: Vec<Segment>,
    #[serde(default)]
    pub stays: Vec<Stay>,
    #[serde(default)]
    pub visas: Vec<Visa>,
    #[serde(default)]
    pub programme_items: Vec<ProgrammeItem>,
    #[serde(default)]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    #[serde(default)]
    pub attachments: Vec<ExportedAttachment>,
    #[serde(default)]
    pub expenses: Vec<Expense>,
    #[serde(default)]
    pub mission_reports: Vec<MissionReport>,
    #[serde(default)]
    pub report_versions: Vec<ReportVersion>,
    /// Per-diem rate tables (schema 3 on).
    #[serde(default)]
    pub rate_tables: Vec<RateTable>,
    /// Saved cost estimates (schema 3 on).
    #[serde(default)]
    pub estimates: Vec<SavedEstimate>,
    #[serde(default)]
    pub audit: Vec<AuditEntry>,
    /// Hosting state kept as keys of the settings table: column mappings remembered per
    /// organisation and check-in times per member. Left out of the file when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hosting: Vec<crate::KeyedSetting>,
}

/// What an import does with the office's settings when the file carries some.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SettingsMode {
    /// The office's settings stay as they are (the default: nothing is replaced unasked).
    #[default]
    Keep,
    /// The file's settings replace the office's.
    Replace,
}

/// What happened to the office's settings in an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingsOutcome {
    /// The file carried no settings.
    #[default]
    NotInFile,
    /// The file's settings were the office's already.
    Same,
    /// The file's settings differed and were left out.
    Kept,
    /// The file's settings replaced the office's.
    Replaced,
}

/// How many records an import added, and what became of the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Imported {
    pub organisations: usize,
    pub people: usize,
    pub delegations: usize,
    pub records: usize,
    pub settings: SettingsOutcome,
}

impl Export {
    /// How many rows an import of this file writes: what its progress counts up to.
    pub fn records(&self) -> u64 {
        let n = self.organisations.len()
            + self.people.len()
            + self.delegations.len()
            + self.members.len()
            + self.segments.len()
            + self.stays.len()
            + self.visas.len()
            + self.programme_items.len()
            + self.tasks.len()
            + self.transfers.len()
            + self.attachments.len()
            + self.expenses.len()
            + self.mission_reports.len()
            + self.report_versions.len()
            + self.rate_tables.len()
            + self.estimates.len()
            + self.audit.len()
            + self.hosting.len();
        n as u64
    }
}

fn all<T: Record>(store: &Store) -> Result<Vec<T>, StoreError> {
    record::select(&store.conn, "1", "id", &[])
}

impl Store {
    pub fn export(&self, note: &str) -> Result<Export, StoreError> {
        let saved_settings: i64 = self.conn.query_row(
            "SELECT count(*) FROM setting WHERE key = 'office'",
            [],
            |row| row.get(0),
        )?;
        let mut attachments = Vec::new();
        for attachment in all::<Attachment>(self)? {
            let content = self.attachment_content(&attachment.id)?;
            attachments.push(ExportedAttachment {
                attachment,
                content_base64: BASE64.encode(content),
            });
        }
        let mut report_versions = Vec::new();
        for report in all::<MissionReport>(self)? {
            report_versions.extend(self.report_versions(&report.id)?);
        }
        report_versions.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(Export {
            format: FORMAT.to_owned(),
            schema_version: LATEST_VERSION,
            note: note.to_owned(),
            settings: if saved_settings > 0 {
                Some(self.settings()?)
            } else {
                None
            },
            organisations: all(self)?,
            people: all(self)?,
            delegations: all(self)?,
            members: all(self)?,
            segments: all(self)?,
            stays: all(self)?,
            visas: all(self)?,
            programme_items: all(self)?,
            tasks: all(self)?,
            transfers: all(self)?,
            attachments,
            expenses: all(self)?,
            mission_reports: all(self)?,
            report_versions,
            rate_tables: all(self)?,
            estimates: all(self)?,
            audit: self.audit_all()?,
            hosting: self.keyed_settings()?,
        })
    }

    /// Adds every record of an export, all or nothing. Ids already present are refused
    /// (nothing is overwritten); so is an export from a newer app. The office's settings
    /// are replaced by the file's only with [`SettingsMode::Replace`]. A verified backup is
    /// made first.
    pub fn import(&mut self, data: &Export, mode: SettingsMode) -> Result<Imported, StoreError> {
        self.import_reporting(data, mode, &Unwatched)
    }

    /// [`Store::import`], telling `reporter` how many records are written every
    /// [`PROGRESS_EVERY`] and asking it whether to stop: cancelled, the one transaction is
    /// rolled back and the database is as it was (the backup made first stays).
    pub fn import_reporting(
        &mut self,
        data: &Export,
        mode: SettingsMode,
        reporter: &dyn Reporter,
    ) -> Result<Imported, StoreError> {
        if data.format != FORMAT {
            return Err(refused(format!(
                "this is not a Delegation Desk export (format \"{}\")",
                data.format
            )));
        }
        if data.schema_version > LATEST_VERSION {
            return Err(refused(format!(
                "this export comes from a newer Delegation Desk (schema {}); this one reads up to {LATEST_VERSION}",
                data.schema_version
            )));
        }
        for delegation in &data.delegations {
            delegation.to_input().validate().map_err(|e| {
                refused(format!(
                    "delegation {} in the file: {}",
                    delegation.id, e.message
                ))
            })?;
        }
        let current = self.settings()?;
        let settings = match (&data.settings, mode) {
            (None, _) => SettingsOutcome::NotInFile,
            (Some(theirs), _) if *theirs == current => SettingsOutcome::Same,
            (Some(_), SettingsMode::Keep) => SettingsOutcome::Kept,
            (Some(_), SettingsMode::Replace) => SettingsOutcome::Replaced,
        };
        self.backup_before(crate::BackupReason::Import)?;
        let writer = self.writer()?;
        let tx = writer.raw();
        let mut tally = Tally::new(reporter, data.records())?;
        insert_all(&writer, &data.organisations, &mut tally)?;
        insert_all(&writer, &data.people, &mut tally)?;
        insert_all(&writer, &data.delegations, &mut tally)?;
        insert_all(&writer, &data.members, &mut tally)?;
        insert_all(&writer, &data.segments, &mut tally)?;
        insert_all(&writer, &data.stays, &mut tally)?;
        insert_all(&writer, &data.visas, &mut tally)?;
        insert_all(&writer, &data.programme_items, &mut tally)?;
        insert_all(&writer, &data.tasks, &mut tally)?;
        insert_all(&writer, &data.transfers, &mut tally)?;
        for exported in &data.attachments {
            let content = BASE64.decode(&exported.content_base64).map_err(|e| {
                refused(format!(
                    "attachment {} is not base64: {e}",
                    exported.attachment.id
                ))
            })?;
            if crate::attachments::sha256_hex(&content) != exported.attachment.sha256 {
                return Err(refused(format!(
                    "attachment {} does not match its SHA-256",
                    exported.attachment.file_name
                )));
            }
            insert_one(&writer, &exported.attachment)?;
            tally.one()?;
            tx.execute(
                "INSERT INTO attachment_content (id, content) VALUES (?1, ?2)",
                params![exported.attachment.id, content],
            )?;
        }
        insert_all(&writer, &data.expenses, &mut tally)?;
        insert_all(&writer, &data.mission_reports, &mut tally)?;
        for v in &data.report_versions {
            let content =
                serde_json::to_string(&v.report).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            crate::write::insert_report_version(tx, v, &content)?;
            tally.one()?;
        }
        insert_all(&writer, &data.rate_tables, &mut tally)?;
        insert_all(&writer, &data.estimates, &mut tally)?;
        for entry in &data.audit {
            tx.execute(
                "INSERT INTO audit_entry (at, actor, entity, entity_id, field, old_value, new_value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    entry.at,
                    entry.actor,
                    entry.entity,
                    entry.entity_id,
                    entry.field,
                    entry.old_value,
                    entry.new_value
                ],
            )?;
            tally.one()?;
        }
        // A file from an older app may carry passport numbers in its audit entries.
        tx.execute_batch(crate::migrate::SCRUB_AUDIT)?;
        if let (Some(settings), SettingsOutcome::Replaced) = (&data.settings, settings) {
            let json =
                serde_json::to_string(settings).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            tx.execute(
                "INSERT INTO setting (key, value) VALUES ('office', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [json],
            )?;
        }
        for keyed in &data.hosting {
            if !(keyed.key.starts_with("guest_mapping:") || keyed.key.starts_with("checkin:")) {
                return Err(refused(format!(
                    "the setting {} in the file is not one an export carries; nothing was imported",
                    keyed.key
                )));
            }
            // A check-in has its own table since schema 11; the file keeps the earlier form.
            match keyed.key.strip_prefix(crate::hosting::CHECKIN_PREFIX) {
                Some(member_id) => {
                    let Some(at) = keyed.value.get("at").and_then(|v| v.as_str()) else {
                        return Err(refused(format!(
                            "the check-in {} in the file has no time; nothing was imported",
                            keyed.key
                        )));
                    };
                    let by = keyed.value.get("by").and_then(|v| v.as_str());
                    tx.execute(
                        "INSERT INTO check_in (member_id, checked_at, checked_by) VALUES (?1, ?2, ?3)",
                        params![member_id, at, by.unwrap_or_default()],
                    )
                    .map_err(|_| {
                        refused(format!(
                            "the check-in {} names no member of the file, or is already in this \
                             database; nothing was imported",
                            keyed.key
                        ))
                    })?
                }
                None => tx
                    .execute(
                        "INSERT INTO setting (key, value) VALUES (?1, ?2)",
                        params![keyed.key, keyed.value.to_string()],
                    )
                    .map_err(|_| {
                        refused(format!(
                            "the setting {} is already in this database; nothing was imported",
                            keyed.key
                        ))
                    })?,
            };
            tally.one()?;
        }
        let records = data.members.len()
            + data.segments.len()
            + data.stays.len()
            + data.visas.len()
            + data.programme_items.len()
            + data.tasks.len()
            + data.transfers.len()
            + data.attachments.len()
            + data.expenses.len()
            + data.mission_reports.len()
            + data.rate_tables.len()
            + data.estimates.len();
        tally.finish()?;
        writer.commit()?;
        Ok(Imported {
            organisations: data.organisations.len(),
            people: data.people.len(),
            delegations: data.delegations.len(),
            records,
            settings,
        })
    }

    /// Loads the illustrative demo data set shipped in `assets/demo/`.
    /// True when the database holds no delegation, person or organisation (the trash
    /// included): what a newcomer's first start looks like, where the window offers the demo.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        let any: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM delegation) OR EXISTS (SELECT 1 FROM person) \
             OR EXISTS (SELECT 1 FROM organisation)",
            [],
            |row| row.get(0),
        )?;
        Ok(!any)
    }

    pub fn load_demo(&mut self) -> Result<Imported, StoreError> {
        let data: Export = serde_json::from_str(demo_json())
            .map_err(|e| StoreError::Corrupt(format!("the demo data set: {e}")))?;
        self.import(&data, SettingsMode::Replace)
    }
}

/// The demo data set: the INELI-ASEAN story of the seed news article (compiled in, deflated).
pub fn demo_json() -> &'static str {
    desk_domain::packed::Packed::Demo.text()
}

fn refused(message: String) -> StoreError {
    StoreError::Domain(Error::new(ErrorKind::Conflict, message))
}

/// Writes a record as it was exported, and its search entry (written by the writer with the
/// others at the commit).
fn insert_one<T: Record>(writer: &Writer<'_>, item: &T) -> Result<(), StoreError> {
    record::insert(writer.raw(), item).map_err(|e| match e {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::ConstraintViolation =>
        {
            refused(format!(
                "{} {} is already in this database, or refers to a record that is not; nothing was imported",
                T::TABLE,
                item.id()
            ))
        }
        other => other,
    })?;
    writer.reindex(item)
}

fn insert_all<T: Record>(
    writer: &Writer<'_>,
    items: &[T],
    tally: &mut Tally<'_>,
) -> Result<(), StoreError> {
    items.iter().try_for_each(|item| {
        insert_one(writer, item)?;
        tally.one()
    })
}

/// How often an import reports and looks for a cancel: often enough for a bar that moves,
/// rarely enough to cost nothing (a 20,000-delegation file reports about a hundred times).
pub const PROGRESS_EVERY: u64 = 500;

/// The records an import has written, reported to its reporter every [`PROGRESS_EVERY`].
struct Tally<'a> {
    reporter: &'a dyn Reporter,
    done: u64,
    total: u64,
}

impl<'a> Tally<'a> {
    fn new(reporter: &'a dyn Reporter, total: u64) -> Result<Self, StoreError> {
        reporter.checkpoint(0, total)?;
        Ok(Tally {
            reporter,
            done: 0,
            total,
        })
    }

    fn one(&mut self) -> Result<(), StoreError> {
        self.done += 1;
        if self.done.is_multiple_of(PROGRESS_EVERY) {
            self.reporter.checkpoint(self.done, self.total)?;
        }
        Ok(())
    }

    /// The last report, before the commit: every record written.
    fn finish(&self) -> Result<(), StoreError> {
        Ok(self.reporter.checkpoint(self.total, self.total)?)
    }
}
