//! Reading the audit trail, and checking the database.

use desk_domain::AuditEntry;
use desk_domain::CheckReport;

use crate::{LATEST_VERSION, Store, StoreError, schema_version};

const SELECT: &str = "SELECT id, at, actor, entity, entity_id, field, old_value, new_value,
     coalesce((SELECT name FROM sync_device WHERE sync_device.id = audit_entry.device), device)
     FROM audit_entry";

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
        device: row.get(8)?,
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

    /// SQLite's integrity check, the foreign keys, the schema (version, and every table,
    /// index and trigger this app's migrations make) and the size of each table.
    pub fn check(&self) -> Result<CheckReport, StoreError> {
        let integrity = crate::cipher::integrity(&self.conn)?;
        let schema = schema_difference(&self.conn)?;
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
            schema,
            broken_references: i64::try_from(broken).unwrap_or(i64::MAX),
            counts,
        })
    }
}

/// Every table, index and trigger a database of this schema has, by type and name.
fn schema_objects(conn: &rusqlite::Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT type || ' ' || name FROM sqlite_schema
         WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )?;
    let rows = stmt.query_map([], |row| row.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// "ok" when the database has exactly the objects a fresh database of this app has; else
/// what is missing and what is extra.
fn schema_difference(conn: &rusqlite::Connection) -> Result<String, StoreError> {
    let fresh = Store::open_in_memory()?;
    let expected = schema_objects(&fresh.conn)?;
    let found = schema_objects(conn)?;
    let missing: Vec<&String> = expected.iter().filter(|o| !found.contains(o)).collect();
    let extra: Vec<&String> = found.iter().filter(|o| !expected.contains(o)).collect();
    if missing.is_empty() && extra.is_empty() {
        return Ok("ok".to_owned());
    }
    let list = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("missing {}", list(&missing)));
    }
    if !extra.is_empty() {
        parts.push(format!("unexpected {}", list(&extra)));
    }
    Ok(parts.join("; "))
}
