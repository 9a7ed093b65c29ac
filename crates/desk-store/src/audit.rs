//! Reading the audit trail, and checking the database.

use desk_domain::AuditEntry;
use desk_domain::CheckReport;

use crate::{LATEST_VERSION, Store, StoreError, schema_version};

const SELECT: &str =
    "SELECT id, at, actor, entity, entity_id, field, old_value, new_value FROM audit_entry";

fn entry(row: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        id: row.get(0)?,
        at: row.get(1)?,
        actor: row.get(2)?,
        entity: row.get(3)?,
        entity_id: row.get(4)?,
        field: row.get(5)?,
        old_value: row.get(6)?,
        new_value: row.get(7)?,
    })
}

impl Store {
    /// Every change to one record, oldest first.
    pub fn audit_of(&self, entity: &str, id: &str) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE entity = ?1 AND entity_id = ?2 ORDER BY id"
        ))?;
        let rows = stmt.query_map([entity, id], entry)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub(crate) fn audit_all(&self) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} ORDER BY id"))?;
        let rows = stmt.query_map([], entry)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// SQLite's integrity check, the foreign keys, the schema version and the size of
    /// each table.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        let integrity: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let broken = stmt.query_map([], |_| Ok(()))?.count();
        let mut counts = Vec::new();
        for table in [
            "organisation",
            "person",
            "delegation",
            "member",
            "segment",
            "stay",
            "visa",
            "programme_item",
            "task",
            "transfer",
            "attachment",
            "expense",
            "mission_report",
            "audit_entry",
            "rate_table",
            "estimate",
        ] {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                        row.get(0)
                    })?;
            counts.push((table.to_owned(), n));
        }
        Ok(CheckReport {
            schema_version: schema_version(&self.conn)?,
            supported_version: LATEST_VERSION,
            integrity,
            broken_references: i64::try_from(broken).unwrap_or(i64::MAX),
            counts,
        })
    }
}
