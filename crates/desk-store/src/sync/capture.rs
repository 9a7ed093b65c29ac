//! Capturing this device's changes: once the device has joined a sync folder, every write
//! transaction carries a session (SQLite's session extension) that records what the
//! transaction changed; just before it commits, the changeset goes into `sync_outbox` with
//! a clock stamp and the audit entries written, inside the same transaction, so that a
//! crash keeps both or neither. A database that never syncs pays one indexed read.

use std::io::Read;

use rusqlite::hooks::Action;
use rusqlite::session::{ChangesetItem, ChangesetIter, Session};
use rusqlite::types::{FromSql, Value};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::{Map, Value as Json};

use crate::StoreError;

/// Tables whose rows sync. The rest are this device's own: the search index (rebuilt from
/// the records), the counts kept by triggers, the sync bookkeeping, and the audit trail
/// (numbered per database: its entries travel beside the changeset instead).
pub(crate) fn synced(table: &str) -> bool {
    let own = (table.starts_with("sync_") && !matches!(table, "sync_device" | "sync_conflict"))
        || table.starts_with("search_")
        || table.starts_with("sqlite_")
        || matches!(table, "row_count" | "audit_entry");
    !own
}

/// This device's id once it has joined a folder.
pub(crate) fn device(conn: &Connection) -> Result<Option<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT value FROM sync_state WHERE key = 'device'")?
        .query_row([], |row| row.get(0))
        .optional()?)
}

/// The session of one write transaction, and where its audit entries begin.
pub(crate) struct Capture<'c> {
    session: Session<'c>,
    device: String,
    audit_after: i64,
}

impl<'c> Capture<'c> {
    /// A session over every synced table, if this device syncs.
    pub(crate) fn start(conn: &'c Connection) -> Result<Option<Self>, StoreError> {
        let Some(device) = device(conn)? else {
            return Ok(None);
        };
        let mut session = Session::new(conn)?;
        session.table_filter(Some(synced));
        session.attach::<&str>(None)?;
        let audit_after =
            conn.query_row("SELECT coalesce(max(id), 0) FROM audit_entry", [], |r| {
                r.get(0)
            })?;
        Ok(Some(Self {
            session,
            device,
            audit_after,
        }))
    }

    /// Puts what the transaction changed into the outbox, in the transaction.
    pub(crate) fn finish(mut self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        if self.session.is_empty() {
            return Ok(());
        }
        let mut changeset = Vec::new();
        self.session.changeset_strm(&mut changeset)?;
        if changeset.is_empty() {
            return Ok(());
        }
        let stamp = super::clock::next(tx, &self.device)?;
        record_stamps(tx, &changeset, &stamp)?;
        let audit = audit_since(tx, self.audit_after)?;
        tx.prepare_cached(
            "INSERT INTO sync_outbox (seq, stamp, changeset, audit)
             VALUES ((SELECT coalesce(max(seq), 0) + 1 FROM sync_outbox), ?1, ?2, ?3)",
        )?
        .execute(params![stamp, changeset, audit])?;
        Ok(())
    }
}

/// The audit entries written after `after`, as the files carry them.
fn audit_since(tx: &Transaction<'_>, after: i64) -> Result<String, StoreError> {
    let rows = tx
        .prepare_cached(
            "SELECT at, actor, entity, entity_id, field, old_value, new_value FROM audit_entry
             WHERE id > ?1 ORDER BY id",
        )?
        .query_map([after], |row| {
            Ok(serde_json::json!([
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, Option<String>>(5)?,
                row.get::<_, Option<String>>(6)?,
            ]))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Json::Array(rows).to_string())
}

/// The names of a table's columns in the order a changeset numbers them.
pub(crate) fn columns(conn: &Connection, table: &str) -> Result<Vec<String>, StoreError> {
    Ok(conn
        .prepare_cached("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?
        .query_map([table], |row| row.get(0))?
        .collect::<Result<_, _>>()?)
}

/// One change of a changeset, owned.
#[derive(Debug, Clone)]
pub(crate) struct Change {
    pub table: String,
    pub action: Action,
    /// The primary key (every synced table has one text key, its first column).
    pub pk: String,
    pub old: Vec<Option<Value>>,
    pub new: Vec<Option<Value>>,
}

impl Change {
    pub(crate) fn of(item: &ChangesetItem) -> Result<Self, StoreError> {
        let op = item.op()?;
        let n = op.number_of_columns().max(0) as usize;
        let action = op.code();
        let table = op.table_name().to_owned();
        let old: Vec<Option<Value>> = (0..n)
            .map(|i| match action {
                Action::SQLITE_INSERT => None,
                _ => item
                    .old_value(i)
                    .ok()
                    .and_then(|v| Value::column_result(v).ok()),
            })
            .collect();
        let new: Vec<Option<Value>> = (0..n)
            .map(|i| match action {
                Action::SQLITE_DELETE => None,
                _ => item
                    .new_value(i)
                    .ok()
                    .and_then(|v| Value::column_result(v).ok()),
            })
            .collect();
        let key_column = item.pk()?.iter().position(|flag| *flag != 0).unwrap_or(0);
        let key = old
            .get(key_column)
            .cloned()
            .flatten()
            .or_else(|| new.get(key_column).cloned().flatten());
        let pk = match key {
            Some(Value::Text(text)) => text,
            Some(Value::Integer(n)) => n.to_string(),
            other => {
                return Err(StoreError::Corrupt(format!(
                    "a change to {table} has no usable key ({other:?})"
                )));
            }
        };
        Ok(Change {
            table,
            action,
            pk,
            old,
            new,
        })
    }
}

/// Every change of a changeset, in order.
pub(crate) fn changes(changeset: &[u8]) -> Result<Vec<Change>, StoreError> {
    use rusqlite::fallible_streaming_iterator::FallibleStreamingIterator;
    let mut input: &[u8] = changeset;
    let reader: &mut dyn Read = &mut input;
    let mut iter = ChangesetIter::start_strm(&reader)?;
    let mut out = Vec::new();
    while let Some(item) = iter.next()? {
        out.push(Change::of(item)?);
    }
    Ok(out)
}

/// The stamps of a row's fields (see `sync_stamp`).
pub(crate) fn stamps_of(
    conn: &Connection,
    table: &str,
    pk: &str,
) -> Result<Map<String, Json>, StoreError> {
    let text: Option<String> = conn
        .prepare_cached("SELECT stamps FROM sync_stamp WHERE tbl = ?1 AND pk = ?2")?
        .query_row([table, pk], |row| row.get(0))
        .optional()?;
    Ok(match text.map(|t| serde_json::from_str::<Json>(&t)) {
        Some(Ok(Json::Object(map))) => map,
        _ => Map::new(),
    })
}

/// When `column` of a row was last written ("" before this device knew of any write).
pub(crate) fn stamp_of(stamps: &Map<String, Json>, column: &str) -> String {
    stamps
        .get(column)
        .or_else(|| stamps.get("*"))
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_owned()
}

pub(crate) fn put_stamps(
    conn: &Connection,
    table: &str,
    pk: &str,
    stamps: &Map<String, Json>,
) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO sync_stamp (tbl, pk, stamps) VALUES (?1, ?2, ?3)
         ON CONFLICT (tbl, pk) DO UPDATE SET stamps = excluded.stamps",
    )?
    .execute(params![table, pk, Json::Object(stamps.clone()).to_string()])?;
    Ok(())
}

/// Marks every field the changeset wrote with `stamp`.
pub(crate) fn record_stamps(
    conn: &Connection,
    changeset: &[u8],
    stamp: &str,
) -> Result<(), StoreError> {
    for change in changes(changeset)? {
        stamp_change(conn, &change, stamp)?;
    }
    Ok(())
}

/// The unique rules of a table beyond its key (a person once per delegation, one report per
/// delegation), each as the changeset's numbers of its columns.
fn unique_slots(conn: &Connection, table: &str) -> Result<Vec<(String, Vec<usize>)>, StoreError> {
    let names = columns(conn, table)?;
    let indexes: Vec<String> = conn
        .prepare_cached(
            "SELECT name FROM pragma_index_list(?1) WHERE \"unique\" = 1 AND origin <> 'pk'",
        )?
        .query_map([table], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut out = Vec::new();
    for index in indexes {
        let cols: Vec<String> = conn
            .prepare_cached("SELECT name FROM pragma_index_info(?1) ORDER BY seqno")?
            .query_map([&index], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let at: Option<Vec<usize>> = cols
            .iter()
            .map(|c| names.iter().position(|n| n == c))
            .collect();
        if let Some(at) = at.filter(|a| !a.is_empty()) {
            out.push((index, at));
        }
    }
    Ok(out)
}

/// Where the stamp of a unique rule's slot is kept: the rule's table and index, and the
/// slot's values.
fn slot(table: &str, index: &str, values: &[Option<Value>], at: &[usize]) -> (String, String) {
    let key: Vec<Json> = at
        .iter()
        .map(|i| super::apply::to_json(values.get(*i).unwrap_or(&None)))
        .collect();
    (format!("{table}#{index}"), Json::Array(key).to_string())
}

/// A deleted row leaves its unique slots marked as emptied then, so that a row another device
/// put in the same slot before that (a person added to the delegation on the laptop, while
/// here they were added and taken off again) does not come back after it.
fn empty_slots(conn: &Connection, change: &Change, stamp: &str) -> Result<(), StoreError> {
    for (index, at) in unique_slots(conn, &change.table)? {
        let (tbl, key) = slot(&change.table, &index, &change.old, &at);
        if stamp_of(&stamps_of(conn, &tbl, &key)?, "-").as_str() < stamp {
            let mut stamps = Map::new();
            stamps.insert("-".into(), Json::String(stamp.into()));
            put_stamps(conn, &tbl, &key, &stamps)?;
        }
    }
    Ok(())
}

/// A row deleted on another device that is not here to delete (here it lost its unique slot
/// to a row from a third device, say): it is marked deleted then, and its slots emptied all
/// the same, as on the devices where it was deleted.
pub(crate) fn deleted_elsewhere(
    conn: &Connection,
    change: &Change,
    stamp: &str,
) -> Result<(), StoreError> {
    let mut stamps = stamps_of(conn, &change.table, &change.pk)?;
    if stamps
        .get("-")
        .and_then(Json::as_str)
        .is_none_or(|at| at < stamp)
    {
        stamps.insert("-".into(), Json::String(stamp.into()));
        put_stamps(conn, &change.table, &change.pk, &stamps)?;
    }
    empty_slots(conn, change, stamp)
}

/// When a new row from another device lands in a unique slot that was emptied after it was
/// made: the stamp of that emptying.
pub(crate) fn slot_emptied_since(
    conn: &Connection,
    change: &Change,
    stamp: &str,
) -> Result<Option<String>, StoreError> {
    for (index, at) in unique_slots(conn, &change.table)? {
        let (tbl, key) = slot(&change.table, &index, &change.new, &at);
        let emptied = stamp_of(&stamps_of(conn, &tbl, &key)?, "-");
        if emptied.as_str() > stamp {
            return Ok(Some(emptied));
        }
    }
    Ok(None)
}

/// Marks what one change wrote with `stamp`: a new row whole, an updated row the fields it
/// changed, a deleted row as deleted then.
pub(crate) fn stamp_change(
    conn: &Connection,
    change: &Change,
    stamp: &str,
) -> Result<(), StoreError> {
    let mut stamps = Map::new();
    match change.action {
        Action::SQLITE_INSERT => {
            stamps.insert("*".into(), Json::String(stamp.into()));
        }
        Action::SQLITE_DELETE => {
            stamps.insert("-".into(), Json::String(stamp.into()));
            empty_slots(conn, change, stamp)?;
        }
        _ => {
            stamps = stamps_of(conn, &change.table, &change.pk)?;
            let names = columns(conn, &change.table)?;
            for (i, value) in change.new.iter().enumerate() {
                if value.is_some()
                    && let Some(name) = names.get(i)
                {
                    stamps.insert(name.clone(), Json::String(stamp.into()));
                }
            }
        }
    }
    put_stamps(conn, &change.table, &change.pk, &stamps)
}
