//! Applying another device's changeset with SQLite's own `sqlite3changeset_apply`, and
//! settling what its conflict handler reports so that every device ends with the same
//! records whatever order it saw the changes in:
//!
//! - a field changed here and there since they last synced: the later stamp wins, field by
//!   field (fields changed on one side only merge by themselves, as SQLite compares only the
//!   columns an update changed);
//! - a record edited on one side and deleted on the other: the deletion wins;
//! - two new records that clash on a unique rule (the same person twice on a delegation): the
//!   later one stays, and a place emptied later (the person taken off again) stays empty,
//!   also on a device where the row taken off never was;
//! - a record whose parent was deleted elsewhere goes with its parent.
//!
//! Each of these (but a field both sides set alike) becomes a row of `sync_conflict`,
//! named from what clashed so that every device that meets it names it alike.

use std::sync::{Arc, Mutex};

use rusqlite::hooks::Action;
use rusqlite::session::{ConflictAction, ConflictType};
use rusqlite::types::{FromSql, Value};
use rusqlite::{Connection, Transaction, params, params_from_iter};
use serde_json::{Map, Value as Json};

use super::capture::{self, Change};
use crate::StoreError;

/// Columns that change with every save and that no person sets.
const BOOKKEEPING: &[&str] = &["updated_at"];

/// One change of another device, as read from its file.
pub(crate) struct Incoming {
    pub device: String,
    pub seq: i64,
    pub stamp: String,
    pub changeset: Vec<u8>,
    /// `[[at, actor, entity, entity_id, field, old, new], …]`
    pub audit: Json,
}

/// What the conflict handler saw, owned.
struct Clash {
    kind: ConflictType,
    change: Option<Change>,
    current: Vec<Option<Value>>,
}

pub(crate) fn to_json(value: &Option<Value>) -> Json {
    match value {
        None | Some(Value::Null) => Json::Null,
        Some(Value::Integer(n)) => Json::from(*n),
        Some(Value::Real(x)) => serde_json::Number::from_f64(*x).map_or(Json::Null, Json::Number),
        Some(Value::Text(t)) => Json::String(t.clone()),
        Some(Value::Blob(b)) => Json::String(format!("({} bytes)", b.len())),
    }
}

pub(crate) fn from_json(value: &Json) -> Value {
    match value {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .or_else(|| n.as_f64().map(Value::Real))
            .unwrap_or(Value::Null),
        Json::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// A whole row as a JSON object (column → value), to keep a deleted side restorable.
fn row_json(names: &[String], values: &[Option<Value>]) -> Json {
    Json::Object(
        names
            .iter()
            .zip(values)
            .map(|(n, v)| (n.clone(), to_json(v)))
            .collect(),
    )
}

/// The key column of a synced table (each has one, its first).
pub(crate) fn key_column(conn: &Connection, table: &str) -> Result<String, StoreError> {
    Ok(conn
        .prepare_cached("SELECT name FROM pragma_table_info(?1) WHERE pk = 1")?
        .query_row([table], |row| row.get(0))?)
}

pub(crate) fn set_field(
    conn: &Connection,
    table: &str,
    pk: &str,
    column: &str,
    value: &Value,
) -> Result<(), StoreError> {
    let key = key_column(conn, table)?;
    conn.execute(
        &format!("UPDATE \"{table}\" SET \"{column}\" = ?1 WHERE \"{key}\" = ?2"),
        params![value, pk],
    )?;
    Ok(())
}

pub(crate) fn insert_row(
    conn: &Connection,
    table: &str,
    row: &Map<String, Json>,
) -> Result<(), StoreError> {
    let names: Vec<String> = row.keys().map(|k| format!("\"{k}\"")).collect();
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    conn.execute(
        &format!(
            "INSERT OR REPLACE INTO \"{table}\" ({}) VALUES ({})",
            names.join(", "),
            marks.join(", ")
        ),
        params_from_iter(row.values().map(from_json)),
    )?;
    Ok(())
}

pub(crate) fn delete_row(conn: &Connection, table: &str, pk: &str) -> Result<(), StoreError> {
    let key = key_column(conn, table)?;
    conn.execute(
        &format!("DELETE FROM \"{table}\" WHERE \"{key}\" = ?1"),
        [pk],
    )?;
    Ok(())
}

/// One side of a conflict: its value, device and stamp.
pub(crate) struct Side<'a> {
    pub value: Json,
    pub device: &'a str,
    pub stamp: &'a str,
}

/// Lists a conflict (once, whichever device meets it and however often).
pub(crate) fn note_conflict(
    conn: &Connection,
    table: &str,
    pk: &str,
    field: &str,
    a: Side<'_>,
    b: Side<'_>,
) -> Result<(), StoreError> {
    let (first, second) = if a.stamp <= b.stamp { (a, b) } else { (b, a) };
    let id = crate::attachments::sha256_hex(
        format!("{table}\n{pk}\n{field}\n{}\n{}", first.stamp, second.stamp).as_bytes(),
    )[..32]
        .to_owned();
    conn.prepare_cached(
        "INSERT OR IGNORE INTO sync_conflict (id, record_kind, record_id, field, first_value,
         first_device, first_stamp, second_value, second_device, second_stamp, found_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        id,
        table,
        pk,
        field,
        first.value.to_string(),
        first.device,
        first.stamp,
        second.value.to_string(),
        second.device,
        second.stamp,
        crate::now_rfc3339(),
    ])?;
    Ok(())
}

/// The device that made a stamp (its last part).
fn device_of(stamp: &str) -> &str {
    stamp.splitn(3, '.').nth(2).unwrap_or("")
}

/// Applies one change file in the caller's transaction. Returns the records it touched,
/// for the search index.
pub(crate) fn apply(
    tx: &Transaction<'_>,
    incoming: &Incoming,
) -> Result<Vec<(String, String)>, StoreError> {
    let clashes: Arc<Mutex<Vec<Clash>>> = Arc::default();
    let seen = Arc::clone(&clashes);
    let mut input: &[u8] = &incoming.changeset;
    tx.apply_strm(&mut input, Some(capture::synced), move |kind, item| {
        let change = Change::of(item).ok();
        let columns = change.as_ref().map_or(0, |c| c.old.len().max(c.new.len()));
        let current = match kind {
            ConflictType::SQLITE_CHANGESET_DATA | ConflictType::SQLITE_CHANGESET_CONFLICT => (0
                ..columns)
                .map(|i| {
                    item.conflict(i)
                        .ok()
                        .and_then(|v| Value::column_result(v).ok())
                })
                .collect(),
            _ => Vec::new(),
        };
        if let Ok(mut list) = seen.lock() {
            list.push(Clash {
                kind,
                change,
                current,
            });
        }
        // Nothing is replaced blindly: every clash is settled below, field by field.
        ConflictAction::SQLITE_CHANGESET_OMIT
    })?;
    let clashes = std::mem::take(
        &mut *clashes
            .lock()
            .map_err(|_| StoreError::Corrupt("the sync conflict list was poisoned".into()))?,
    );
    let theirs = &incoming.stamp;
    let them = incoming.device.as_str();
    let mut settled: Vec<(String, String)> = Vec::new();
    let mut orphans = false;
    for clash in &clashes {
        let Some(change) = &clash.change else {
            orphans |= clash.kind == ConflictType::SQLITE_CHANGESET_FOREIGN_KEY;
            continue;
        };
        settled.push((change.table.clone(), change.pk.clone()));
        settle(tx, clash, change, theirs, them)?;
    }
    // Every change not in a clash was applied as it is: its fields now carry its stamp.
    let all = capture::changes(&incoming.changeset)?;
    for change in &all {
        if settled.contains(&(change.table.clone(), change.pk.clone())) {
            continue;
        }
        if change.action == Action::SQLITE_INSERT
            && let Some(emptied) = capture::slot_emptied_since(tx, change, theirs)?
        {
            // The slot was emptied after this row was made elsewhere: it stays empty, and
            // the row is kept in a conflict, so that a person can bring it back.
            let names = capture::columns(tx, &change.table)?;
            let row = row_json(&names, &change.new);
            whole_record_conflict(
                tx,
                &change.table,
                &change.pk,
                (Json::Null, emptied.clone()),
                row,
                theirs,
            )?;
            delete_row(tx, &change.table, &change.pk)?;
            let mut gone = Map::new();
            gone.insert("-".into(), Json::String(emptied));
            capture::put_stamps(tx, &change.table, &change.pk, &gone)?;
            continue;
        }
        capture::stamp_change(tx, change, theirs)?;
    }
    if orphans {
        remove_orphans(tx, theirs)?;
    }
    Ok(all.into_iter().map(|c| (c.table, c.pk)).collect())
}

fn settle(
    tx: &Transaction<'_>,
    clash: &Clash,
    change: &Change,
    theirs: &str,
    them: &str,
) -> Result<(), StoreError> {
    let table = &change.table;
    let pk = &change.pk;
    let names = capture::columns(tx, table)?;
    let mut stamps = capture::stamps_of(tx, table, pk)?;
    match (&clash.kind, change.action) {
        // The same row changed on both sides (or inserted under the same key on both).
        (
            ConflictType::SQLITE_CHANGESET_DATA | ConflictType::SQLITE_CHANGESET_CONFLICT,
            Action::SQLITE_UPDATE | Action::SQLITE_INSERT,
        ) => {
            for (i, new) in change.new.iter().enumerate() {
                let (Some(new), Some(name)) = (new, names.get(i)) else {
                    continue;
                };
                let current = clash.current.get(i).cloned().flatten();
                let old = change.old.get(i).cloned().flatten();
                if Some(new) == current.as_ref() {
                    continue; // both sides agree
                }
                let mine = capture::stamp_of(&stamps, name);
                let untouched_here =
                    change.action == Action::SQLITE_UPDATE && old.is_some() && old == current;
                if untouched_here || theirs > mine.as_str() {
                    set_field(tx, table, pk, name, new)?;
                    stamps.insert(name.clone(), Json::String(theirs.into()));
                }
                // When a record was last saved is bookkeeping, not something a person chose:
                // the later save's time stands, with nothing to settle.
                if !untouched_here && !BOOKKEEPING.contains(&name.as_str()) {
                    note_conflict(
                        tx,
                        table,
                        pk,
                        name,
                        Side {
                            value: to_json(&current),
                            device: device_of(&mine),
                            stamp: &mine,
                        },
                        Side {
                            value: to_json(&Some(new.clone())),
                            device: them,
                            stamp: theirs,
                        },
                    )?;
                }
            }
            capture::put_stamps(tx, table, pk, &stamps)?;
        }
        // Deleted there, edited here: the deletion wins; the edited row is kept in the
        // conflict so a person can bring it back.
        (ConflictType::SQLITE_CHANGESET_DATA, Action::SQLITE_DELETE) => {
            let here = row_json(&names, &clash.current);
            lose_to_deletion(tx, table, pk, here, theirs)?;
            capture::stamp_change(tx, change, theirs)?;
        }
        // Edited there, deleted here: it stays deleted.
        (ConflictType::SQLITE_CHANGESET_NOTFOUND, Action::SQLITE_UPDATE) => {
            let edited: Map<String, Json> = names
                .iter()
                .zip(&change.new)
                .filter(|(_, v)| v.is_some())
                .map(|(n, v)| (n.clone(), to_json(v)))
                .collect();
            let here = (Json::Null, capture::stamp_of(&stamps, "-"));
            whole_record_conflict(tx, table, pk, here, Json::Object(edited), theirs)?;
        }
        // A new row that breaks a unique rule against one here: the later one stays.
        (ConflictType::SQLITE_CHANGESET_CONSTRAINT, Action::SQLITE_INSERT) => {
            let row = row_json(&names, &change.new);
            let Json::Object(row_map) = &row else {
                return Ok(());
            };
            let rival = unique_rival(tx, table, pk, row_map)?;
            if let Some((rival_id, rival_row)) = rival {
                let rival_stamps = capture::stamps_of(tx, table, &rival_id)?;
                let rival_stamp = capture::stamp_of(&rival_stamps, "*");
                let named = pk.min(&rival_id).clone();
                whole_record_conflict(
                    tx,
                    table,
                    &named,
                    (rival_row, rival_stamp.clone()),
                    row.clone(),
                    theirs,
                )?;
                if theirs > rival_stamp.as_str() {
                    delete_row(tx, table, &rival_id)?;
                    insert_row(tx, table, row_map)?;
                    let mut fresh = Map::new();
                    fresh.insert("*".into(), Json::String(theirs.into()));
                    capture::put_stamps(tx, table, pk, &fresh)?;
                }
            }
        }
        // Deleting what is not here: its slots are emptied as where it was deleted, and a row
        // here in one of them made before goes, as it went (or was refused) there. So every
        // device keeps a slot's latest row only if it was made after the slot was last
        // emptied, whatever order the changes reach it in.
        (ConflictType::SQLITE_CHANGESET_NOTFOUND, Action::SQLITE_DELETE) => {
            capture::deleted_elsewhere(tx, change, theirs)?;
            let Json::Object(old) = row_json(&names, &change.old) else {
                return Ok(());
            };
            if let Some((rival_id, rival_row)) = unique_rival(tx, table, pk, &old)? {
                // Rows from before this device synced carry no stamp: older than any.
                let made = capture::stamp_of(&capture::stamps_of(tx, table, &rival_id)?, "*");
                if made.as_str() < theirs {
                    lose_to_deletion(tx, table, &rival_id, rival_row, theirs)?;
                }
            }
        }
        // Anything else: nothing to settle.
        _ => {}
    }
    Ok(())
}

/// A conflict over a whole record (`null` on the side where it is deleted), between its
/// state here with the stamp of that state, and `there` as stamped `theirs`.
fn whole_record_conflict(
    tx: &Transaction<'_>,
    table: &str,
    pk: &str,
    (here, stamp): (Json, String),
    there: Json,
    theirs: &str,
) -> Result<(), StoreError> {
    note_conflict(
        tx,
        table,
        pk,
        "*",
        Side {
            value: here,
            device: device_of(&stamp),
            stamp: &stamp,
        },
        Side {
            value: there,
            device: device_of(theirs),
            stamp: theirs,
        },
    )
}

/// A record deleted on the other device while it was edited here (or still had a child
/// here): the deletion wins, and the record as it was here is kept in the conflict, so that
/// a person can bring it back.
fn lose_to_deletion(
    tx: &Transaction<'_>,
    table: &str,
    pk: &str,
    here: Json,
    theirs: &str,
) -> Result<(), StoreError> {
    let mut stamps = capture::stamps_of(tx, table, pk)?;
    let here = (here, capture::stamp_of(&stamps, "*"));
    whole_record_conflict(tx, table, pk, here, Json::Null, theirs)?;
    delete_row(tx, table, pk)?;
    stamps.insert("-".into(), Json::String(theirs.into()));
    capture::put_stamps(tx, table, pk, &stamps)
}

/// A row as a JSON object, by its key.
fn whole_row(tx: &Transaction<'_>, table: &str, pk: &str) -> Result<Json, StoreError> {
    let key = key_column(tx, table)?;
    let mut statement = tx.prepare(&format!("SELECT * FROM \"{table}\" WHERE \"{key}\" = ?1"))?;
    let names: Vec<String> = statement.column_names().map(str::to_owned).collect();
    let values = statement
        .query_map([pk], |r| {
            (0..names.len())
                .map(|i| r.get::<_, Value>(i).map(Some))
                .collect::<Result<Vec<_>, _>>()
        })?
        .next()
        .transpose()?
        .unwrap_or_default();
    Ok(row_json(&names, &values))
}

/// The row of `table` that a new row with `row`'s values clashes with on a unique index.
fn unique_rival(
    tx: &Transaction<'_>,
    table: &str,
    pk: &str,
    row: &Map<String, Json>,
) -> Result<Option<(String, Json)>, StoreError> {
    let key = key_column(tx, table)?;
    let indexes: Vec<String> = tx
        .prepare(&format!(
            "SELECT name FROM pragma_index_list('{table}') WHERE \"unique\" = 1 AND origin <> 'pk'"
        ))?
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    for index in indexes {
        let columns: Vec<String> = tx
            .prepare(&format!("SELECT name FROM pragma_index_info('{index}')"))?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if columns.is_empty() {
            continue; // an index on an expression
        }
        let condition: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| format!("\"{c}\" IS ?{}", i + 1))
            .collect();
        let values: Vec<Value> = columns
            .iter()
            .map(|c| row.get(c).map_or(Value::Null, from_json))
            .collect();
        let mut statement = tx.prepare(&format!(
            "SELECT * FROM \"{table}\" WHERE {} AND \"{key}\" <> ?{} LIMIT 1",
            condition.join(" AND "),
            columns.len() + 1
        ))?;
        let names: Vec<String> = statement.column_names().map(str::to_owned).collect();
        let mut params: Vec<Value> = values;
        params.push(Value::Text(pk.to_owned()));
        let found = statement
            .query_map(params_from_iter(params), |r| {
                (0..names.len())
                    .map(|i| r.get::<_, Value>(i).map(Some))
                    .collect::<Result<Vec<_>, _>>()
            })?
            .next()
            .transpose()?;
        if let Some(values) = found {
            let json = row_json(&names, &values);
            let id = json
                .get(&key)
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned();
            return Ok(Some((id, json)));
        }
    }
    Ok(None)
}

/// Rows left pointing at a record deleted on another device go the way of that record.
fn remove_orphans(tx: &Transaction<'_>, theirs: &str) -> Result<(), StoreError> {
    for _round in 0..8 {
        let orphans: Vec<(String, i64)> = tx
            .prepare("SELECT \"table\", rowid FROM pragma_foreign_key_check")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        if orphans.is_empty() {
            break;
        }
        for (table, rowid) in orphans {
            if !capture::synced(&table) {
                continue;
            }
            let key = key_column(tx, &table)?;
            let pk: Option<String> = tx
                .query_row(
                    &format!("SELECT \"{key}\" FROM \"{table}\" WHERE rowid = ?1"),
                    [rowid],
                    |r| r.get(0),
                )
                .ok();
            if let Some(pk) = pk {
                let here = whole_row(tx, &table, &pk)?;
                lose_to_deletion(tx, &table, &pk, here, theirs)?;
            }
        }
    }
    Ok(())
}
