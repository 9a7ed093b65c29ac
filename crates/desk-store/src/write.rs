//! Every change goes through a [`Writer`]: one transaction that writes the record, its
//! audit entries and its search entry together, so that the three never disagree and a
//! refused change leaves nothing behind. The full-text part of the search entries is
//! written once, as the transaction commits (`search::Pending`).

use std::cell::RefCell;

use rusqlite::{Transaction, params};
use serde_json::Value;

use crate::record::{self, Record};
use crate::sync::Capture;
use crate::{StoreError, search};

/// The transaction is private: a change reaches the database only through these methods,
/// which audit and index records, and name each table that is not a record (settings,
/// check-ins, file contents, report versions) with what it keeps.
///
/// Once the device syncs, the writer also carries the transaction's [`Capture`], which
/// puts what was changed into the outbox as it commits.
pub struct Writer<'a> {
    tx: Transaction<'a>,
    capture: Option<Capture<'a>>,
    /// The search texts this transaction wrote, until its commit.
    search: RefCell<search::Pending>,
    actor: &'a str,
    pub at: String,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(tx: Transaction<'a>, capture: Option<Capture<'a>>, actor: &'a str) -> Self {
        Self {
            tx,
            capture,
            search: RefCell::default(),
            actor,
            at: crate::now_rfc3339(),
        }
    }

    fn audit(
        &self,
        entity: &str,
        id: &str,
        field: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO audit_entry (at, actor, entity, entity_id, field, old_value, new_value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![self.at, self.actor, entity, id, field, old, new])?;
        Ok(())
    }

    /// A deleted record as the audit trail keeps it: whole, less its private fields and the
    /// ones left empty.
    fn whole<T: Record>(record: &T) -> Result<String, StoreError> {
        let mut fields = record::fields(record)?;
        for private in T::PRIVATE {
            fields.remove(*private);
        }
        fields.retain(|_, value| match value {
            Value::Null => false,
            Value::String(s) => !s.is_empty(),
            Value::Array(items) => !items.is_empty(),
            Value::Object(map) => !map.is_empty(),
            Value::Bool(_) | Value::Number(_) => true,
        });
        Ok(Value::Object(fields).to_string())
    }

    /// Writes a new record. Its audit entry says who created it and when, not what it held:
    /// that is the record itself, less the changes recorded after it (each keeps the value
    /// it replaced), so a copy would say it twice. A copy was also a third of the bytes a
    /// 10,000-row import wrote.
    pub fn create<T: Record>(&self, record: &T) -> Result<(), StoreError> {
        record::insert(&self.tx, record)?;
        self.audit(T::TABLE, record.id(), "*", None, None)?;
        search::index_new(&self.tx, &mut self.search.borrow_mut(), record)
    }

    /// Writes `new` over `old` and records each changed field. A change that changes
    /// nothing writes nothing.
    pub fn change<T: Record>(&self, old: &T, new: &T) -> Result<bool, StoreError> {
        let changes = record::changed_fields(old, new)?;
        if changes.is_empty() {
            return Ok(false);
        }
        record::update(&self.tx, new)?;
        for (field, before, after) in &changes {
            if T::PRIVATE.contains(&field.as_str()) {
                // That it changed, not what it was or became.
                self.audit(T::TABLE, new.id(), field, None, None)?;
                continue;
            }
            self.audit(
                T::TABLE,
                new.id(),
                field,
                before.as_deref(),
                after.as_deref(),
            )?;
        }
        search::index(&self.tx, &mut self.search.borrow_mut(), new)?;
        Ok(true)
    }

    pub fn remove<T: Record>(&self, record: &T) -> Result<(), StoreError> {
        record::delete::<T>(&self.tx, record.id())?;
        self.audit(
            T::TABLE,
            record.id(),
            "*",
            Some(&Self::whole(record)?),
            None,
        )?;
        search::unindex(
            &self.tx,
            &mut self.search.borrow_mut(),
            T::TABLE,
            record.id(),
        )
    }

    /// An audited event that is not a field change (a report reopened, an export).
    pub fn note(&self, entity: &str, id: &str, field: &str, text: &str) -> Result<(), StoreError> {
        let value = serde_json::Value::String(text.to_owned()).to_string();
        self.audit(entity, id, field, None, Some(&value))
    }

    /// Keeps `json` under `key` in the `setting` table, replacing what was there. Callers
    /// audit the change themselves when it is one a person made (`note`).
    pub fn put_setting(&self, key: &str, json: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute(params![key, json])?;
        Ok(())
    }

    /// Ticks a member's arrival at the welcome desk, at this change's time.
    pub fn put_check_in(&self, member_id: &str, by: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO check_in (member_id, checked_at, checked_by) VALUES (?1, ?2, ?3)
                 ON CONFLICT (member_id) DO NOTHING",
            )?
            .execute(params![member_id, self.at, by])?;
        Ok(())
    }

    /// Takes back a member's tick; false when there was none.
    pub fn remove_check_in(&self, member_id: &str) -> Result<bool, StoreError> {
        let removed = self
            .tx
            .prepare_cached("DELETE FROM check_in WHERE member_id = ?1")?
            .execute([member_id])?;
        Ok(removed > 0)
    }

    /// The bytes of an attachment just created, and its print rendition if one was made.
    pub fn put_attachment_content(
        &self,
        id: &str,
        content: &[u8],
        print: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        self.tx
            .prepare_cached("INSERT INTO attachment_content (id, content) VALUES (?1, ?2)")?
            .execute(params![id, content])?;
        if let Some(print) = print {
            self.tx
                .prepare_cached("INSERT INTO attachment_print (id, content) VALUES (?1, ?2)")?
                .execute(params![id, print])?;
        }
        Ok(())
    }

    /// Keeps a state of a mission report (`content` is its JSON) as a version.
    pub fn put_report_version(
        &self,
        version: &desk_domain::ReportVersion,
        content: &str,
    ) -> Result<(), StoreError> {
        insert_report_version(&self.tx, version, content)
    }

    /// Writes a record's search entry again: a record found by another's name (a person by
    /// their organisation's) after that name changed.
    pub fn reindex<T: Record>(&self, record: &T) -> Result<(), StoreError> {
        search::index(&self.tx, &mut self.search.borrow_mut(), record)
    }

    /// Brings the search entry of a row written through [`Writer::raw`] up to date.
    pub(crate) fn reindex_row(&self, table: &str, id: &str) -> Result<(), StoreError> {
        search::reindex_row(&self.tx, &mut self.search.borrow_mut(), table, id)
    }

    /// Removes the search entries of every record that belongs to a delegation deleted for
    /// good (its members, trips and papers go with it by the schema's cascade).
    pub fn unindex_belonging_to(&self, delegation_id: &str) -> Result<(), StoreError> {
        search::unindex_belonging_to(&self.tx, &mut self.search.borrow_mut(), delegation_id)
    }

    /// Who the audit trail names for this change.
    pub fn actor(&self) -> &str {
        self.actor
    }

    /// The transaction itself, for the sync code that writes rows by table and column
    /// (resolving a conflict); it audits what it writes itself.
    pub(crate) fn raw(&self) -> &Transaction<'a> {
        &self.tx
    }

    pub fn commit(self) -> Result<(), StoreError> {
        // The search index is this device's own (never captured), so its texts may be
        // written after the records in any order.
        self.search.borrow_mut().flush(&self.tx)?;
        if let Some(capture) = self.capture {
            capture.finish(&self.tx)?;
        }
        self.tx.commit()?;
        Ok(())
    }
}

/// Keeps a report version as it is, in a transaction of the Writer's or of an import's
/// (which writes whole records as they were exported).
pub(crate) fn insert_report_version(
    tx: &Transaction<'_>,
    version: &desk_domain::ReportVersion,
    content: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO report_version (id, report_id, version, reason, content, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            version.id,
            version.report_id,
            version.version,
            version.reason,
            content,
            version.created_at
        ],
    )?;
    Ok(())
}
