//! Rows ⇄ records, generically. Each table's columns carry the serde field names of its
//! desk-domain record, so one pair of functions converts any record: serialise it to JSON
//! and bind each field to its column, or read each column into a JSON object and
//! deserialise it. Lists and nested values live in JSON text columns.
//!
//! This keeps every table's code to a declaration (table, columns, which are JSON) and
//! makes the audit trail generic: the difference between two records is the difference
//! between their JSON fields.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, Row, Transaction, params_from_iter};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::StoreError;

mod row_de;

/// A desk-domain record kept in one table.
pub trait Record: Serialize + DeserializeOwned {
    /// The table, also the entity name in the audit trail and in search results.
    const TABLE: &'static str;
    /// Every column, `id` first, named as the record's serde fields.
    const COLUMNS: &'static [&'static str];
    /// Columns holding JSON (lists, nested values).
    const JSON_COLUMNS: &'static [&'static str] = &[];
    /// Personal fields whose values never enter the audit trail (only that they changed).
    const PRIVATE: &'static [&'static str] = &[];

    fn id(&self) -> &str;

    /// What search should find this record by, if anything.
    fn search_doc(&self) -> Option<SearchDoc> {
        None
    }
}

/// One record's entry in the search index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDoc {
    /// The delegation it belongs to (itself for a delegation), to open the right screen.
    pub delegation_id: Option<String>,
    /// What a result shows first: a name, a title.
    pub label: String,
    /// What a result shows second: dates, an organisation.
    pub detail: String,
    /// Everything searchable, as written (it is folded before indexing).
    pub text: String,
    /// The organisation whose name finds the record too (a person's, a delegation's
    /// partner): the indexer looks its name up by this id.
    pub organisation_id: Option<String>,
}

fn column_list<T: Record>() -> String {
    T::COLUMNS.join(", ")
}

fn to_sql(value: &Value, json: bool) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SqlValue::Integer(i),
            // No record has a float; this keeps a stray one visible instead of lost.
            None => SqlValue::Text(n.to_string()),
        },
        Value::String(s) if !json => SqlValue::Text(s.clone()),
        other => SqlValue::Text(other.to_string()),
    }
}

/// The record as a JSON object, field by field (serde's names are the columns').
pub fn fields<T: Record>(record: &T) -> Result<Map<String, Value>, StoreError> {
    let json = serde_json::to_value(record)
        .map_err(|e| StoreError::Corrupt(format!("{}: {e}", T::TABLE)))?;
    let Value::Object(fields) = json else {
        return Err(StoreError::Corrupt(format!(
            "{} is not an object",
            T::TABLE
        )));
    };
    Ok(fields)
}

/// The record's values in column order, ready to bind.
pub fn values<T: Record>(record: &T) -> Result<Vec<SqlValue>, StoreError> {
    let fields = fields(record)?;
    Ok(T::COLUMNS
        .iter()
        .map(|column| {
            let value = fields.get(*column).unwrap_or(&Value::Null);
            to_sql(value, T::JSON_COLUMNS.contains(column))
        })
        .collect())
}

/// Reads a row selected with `column_list::<T>()` into the record.
pub fn from_row<T: Record>(row: &Row<'_>) -> Result<T, StoreError> {
    T::deserialize(row_de::RowDeserializer {
        row,
        table: T::TABLE,
        columns: T::COLUMNS,
        json_columns: T::JSON_COLUMNS,
    })
    .map_err(|e| StoreError::Corrupt(format!("{} row: {e}", T::TABLE)))
}

/// The statement a record kind is written with, made once per kind and thread: a bulk
/// import writes tens of thousands of rows, and building the text for each cost more than
/// finding the prepared statement.
fn statement_text<T: Record>(verb: &'static str, make: fn() -> String) -> Rc<str> {
    thread_local! {
        static TEXTS: RefCell<HashMap<(&'static str, &'static str), Rc<str>>> =
            RefCell::new(HashMap::new());
    }
    TEXTS.with(|texts| {
        texts
            .borrow_mut()
            .entry((verb, T::TABLE))
            .or_insert_with(|| Rc::from(make()))
            .clone()
    })
}

pub fn insert<T: Record>(tx: &Transaction<'_>, record: &T) -> Result<(), StoreError> {
    let sql = statement_text::<T>("insert", || {
        let placeholders = (1..=T::COLUMNS.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            "INSERT INTO {} ({}) VALUES ({placeholders})",
            T::TABLE,
            column_list::<T>()
        )
    });
    tx.prepare_cached(&sql)?
        .execute(params_from_iter(values(record)?))?;
    Ok(())
}

pub fn update<T: Record>(tx: &Transaction<'_>, record: &T) -> Result<(), StoreError> {
    let sql = statement_text::<T>("update", || {
        let assignments = T::COLUMNS
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, column)| format!("{column} = ?{}", i + 1))
            .collect::<Vec<_>>()
            .join(", ");
        format!("UPDATE {} SET {assignments} WHERE id = ?1", T::TABLE)
    });
    let changed = tx
        .prepare_cached(&sql)?
        .execute(params_from_iter(values(record)?))?;
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: T::TABLE,
            id: record.id().to_owned(),
        });
    }
    Ok(())
}

pub fn delete<T: Record>(tx: &Transaction<'_>, id: &str) -> Result<(), StoreError> {
    let sql = format!("DELETE FROM {} WHERE id = ?1", T::TABLE);
    tx.prepare_cached(&sql)?.execute([id])?;
    Ok(())
}

/// The record with this id, if any.
pub fn find<T: Record>(conn: &Connection, id: &str) -> Result<Option<T>, StoreError> {
    let sql = format!(
        "SELECT {} FROM {} WHERE id = ?1",
        column_list::<T>(),
        T::TABLE
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(row) => Ok(Some(from_row(row)?)),
        None => Ok(None),
    }
}

/// The record with this id, or `NotFound`.
pub fn get<T: Record>(conn: &Connection, id: &str) -> Result<T, StoreError> {
    find(conn, id)?.ok_or_else(|| StoreError::NotFound {
        what: T::TABLE,
        id: id.to_owned(),
    })
}

/// Records matching `filter` (an SQL condition over the table's columns, with `?N`
/// parameters), in `order`.
pub fn select<T: Record>(
    conn: &Connection,
    filter: &str,
    order: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<Vec<T>, StoreError> {
    let sql = format!(
        "SELECT {} FROM {} WHERE {filter} ORDER BY {order}",
        column_list::<T>(),
        T::TABLE
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(from_row(row)?);
    }
    Ok(out)
}

/// One changed field: its name, and its old and new values as JSON.
pub type FieldChange = (String, Option<String>, Option<String>);

/// The fields that differ between two versions of a record.
/// Timestamps are left out: they change with every write and say nothing by themselves.
pub fn changed_fields<T: Record>(old: &T, new: &T) -> Result<Vec<FieldChange>, StoreError> {
    let to_map = |r: &T| -> Result<Map<String, Value>, StoreError> {
        match serde_json::to_value(r) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(_) | Err(_) => Err(StoreError::Corrupt(format!(
                "{} is not an object",
                T::TABLE
            ))),
        }
    };
    let (old, new) = (to_map(old)?, to_map(new)?);
    Ok(T::COLUMNS
        .iter()
        .filter(|c| !matches!(**c, "created_at" | "updated_at"))
        .filter_map(|column| {
            let before = old.get(*column).unwrap_or(&Value::Null);
            let after = new.get(*column).unwrap_or(&Value::Null);
            (before != after).then(|| {
                (
                    (*column).to_owned(),
                    Some(before.to_string()),
                    Some(after.to_string()),
                )
            })
        })
        .collect())
}

/// The order a list is read in: one column, then the id to break ties, both the same way,
/// so that an index on `(column, id)` serves the order and a page starts by seeking in it
/// (keyset pagination: no row before the page is read, however far down the list it is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyset {
    pub column: &'static str,
    /// Compare the column without case (`COLLATE NOCASE`, as its index does).
    pub nocase: bool,
    pub descending: bool,
}

impl Keyset {
    fn key(&self) -> String {
        if self.nocase {
            format!("{} COLLATE NOCASE", self.column)
        } else {
            self.column.to_owned()
        }
    }

    /// The condition "after the row with key `?a` and id `?b`".
    fn after(&self, a: usize, b: usize) -> String {
        let (op, op_eq) = if self.descending {
            ("<", "<=")
        } else {
            (">", ">=")
        };
        let key = self.key();
        // The first half gives SQLite the range to seek to; the second excludes the rows
        // of that key already shown.
        format!("{key} {op_eq} ?{a} AND ({key} {op} ?{a} OR id {op} ?{b})")
    }

    fn order(&self) -> String {
        let dir = if self.descending { "DESC" } else { "ASC" };
        format!("{} {dir}, id {dir}", self.key())
    }
}

/// A cursor names the last row of a page by its key and id, so that it stays right when
/// rows are added or removed before it. It is opaque to its users (base64 of JSON).
fn cursor(key: &str, id: &str) -> Result<String, StoreError> {
    use base64::Engine;
    let json = serde_json::to_string(&[key, id]).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json))
}

fn read_cursor(cursor: &str) -> Result<(String, String), StoreError> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor.trim())
        .ok()
        .and_then(|bytes| serde_json::from_slice::<(String, String)>(&bytes).ok())
        .ok_or_else(|| {
            StoreError::Domain(desk_domain::Error::invalid(vec![
                desk_domain::Violation::new(
                    "after",
                    desk_domain::Rule::InvalidFormat,
                    "The cursor must be the `next` value of a page of this list",
                ),
            ]))
        })
}

/// The number of records matching `filter`, counted in SQLite without reading them.
pub fn count<T: Record>(
    conn: &Connection,
    filter: &str,
    params: &[&dyn rusqlite::ToSql],
) -> Result<u32, StoreError> {
    let sql = format!("SELECT count(*) FROM {} WHERE {filter}", T::TABLE);
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row(params, |row| row.get(0))?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// One page of the records matching `filter` (an SQL condition with `?1..?n` for
/// `params`), in `keyset` order, with the cursor of the next page and the total count.
pub fn page<T: Record>(
    conn: &Connection,
    filter: &str,
    params: &[&dyn rusqlite::ToSql],
    keyset: Keyset,
    request: &desk_domain::PageRequest,
) -> Result<desk_domain::Page<T>, StoreError> {
    let total = count::<T>(conn, filter, params)?;
    page_of(conn, filter, params, keyset, request, total)
}

/// The number of rows of `table`, kept by triggers in `row_count` (schema 8) so that a
/// directory of 500,000 people is not counted row by row on every first page.
pub fn rows_of(conn: &Connection, table: &str) -> Result<u32, StoreError> {
    let n: i64 = conn
        .prepare_cached("SELECT n FROM row_count WHERE name = ?1")?
        .query_row([table], |row| row.get(0))?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// [`page`] when the total is already known.
pub fn page_of<T: Record>(
    conn: &Connection,
    filter: &str,
    params: &[&dyn rusqlite::ToSql],
    keyset: Keyset,
    request: &desk_domain::PageRequest,
    total: u32,
) -> Result<desk_domain::Page<T>, StoreError> {
    let after = request.after.as_deref().map(read_cursor).transpose()?;
    let mut all: Vec<&dyn rusqlite::ToSql> = params.to_vec();
    let mut condition = format!("({filter})");
    if let Some((key, id)) = &after {
        all.push(key);
        all.push(id);
        condition.push_str(" AND ");
        condition.push_str(&keyset.after(all.len() - 1, all.len()));
    }
    // One row more than asked says whether there is a next page.
    let limit = request.limit.map(|l| i64::from(l.max(1)) + 1).unwrap_or(-1);
    all.push(&limit);
    let sql = format!(
        "SELECT {} FROM {} WHERE {condition} ORDER BY {} LIMIT ?{}",
        column_list::<T>(),
        T::TABLE,
        keyset.order(),
        all.len()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(all.as_slice())?;
    let mut items: Vec<T> = Vec::new();
    let mut more = false;
    while let Some(row) = rows.next()? {
        if limit > 0 && items.len() as i64 == limit - 1 {
            more = true;
            break;
        }
        items.push(from_row(row)?);
    }
    let next = match items.last() {
        Some(last) if more => {
            let fields = serde_json::to_value(last)
                .map_err(|e| StoreError::Corrupt(format!("{}: {e}", T::TABLE)))?;
            let text = |name: &str| {
                fields
                    .get(name)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            Some(cursor(&text(keyset.column), last.id())?)
        }
        _ => None,
    };
    Ok(desk_domain::Page { items, next, total })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_and_a_made_up_one_is_refused_by_name() {
        let made = cursor("2016-09-05", "0190-id").unwrap_or_default();
        assert_eq!(
            read_cursor(&made).ok(),
            Some(("2016-09-05".to_owned(), "0190-id".to_owned()))
        );
        match read_cursor("not a cursor") {
            Err(StoreError::Domain(e)) => assert_eq!(e.violations[0].field, "after"),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn the_condition_after_a_row_seeks_then_breaks_ties_by_id() {
        let newest = Keyset {
            column: "starts_on",
            nocase: false,
            descending: true,
        };
        assert_eq!(
            newest.after(3, 4),
            "starts_on <= ?3 AND (starts_on < ?3 OR id < ?4)"
        );
        assert_eq!(newest.order(), "starts_on DESC, id DESC");
    }
}
