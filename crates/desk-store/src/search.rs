//! Full-text search over people, organisations, delegations, programme items and reports,
//! without diacritics: "tran my dung" finds "Trần Mỹ Dung", "da nang" finds "Đà Nẵng".
//!
//! Both the indexed text and the query are folded by `desk_domain::text::search_form`
//! (FTS5's `remove_diacritics` never turns `đ` into `d`). Every word of the query must
//! match the start of a word in the record, so results appear while typing.

use desk_domain::text::search_form;
use desk_domain::{SearchGroup, SearchHit};
use rusqlite::{Connection, Transaction, params};

use crate::StoreError;
use crate::record::Record;

/// Kinds of record search returns, in the order their groups are shown.
pub const KINDS: &[&str] = &[
    "person",
    "organisation",
    "delegation",
    "programme_item",
    "mission_report",
];

pub(crate) fn index<T: Record>(tx: &Transaction<'_>, record: &T) -> Result<(), StoreError> {
    unindex(tx, T::TABLE, record.id())?;
    let Some(doc) = record.search_doc() else {
        return Ok(());
    };
    // People and delegations are also found by their organisation's name.
    let organisation = organisation_names(tx, T::TABLE, record.id())?;
    let text = search_form(&format!("{} {organisation}", doc.text));
    tx.prepare_cached(
        "INSERT INTO search_doc (kind, record_id, delegation_id, label, detail, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        T::TABLE,
        record.id(),
        doc.delegation_id,
        doc.label,
        doc.detail,
        text
    ])?;
    Ok(())
}

fn organisation_names(tx: &Transaction<'_>, table: &str, id: &str) -> Result<String, StoreError> {
    let sql = match table {
        "person" | "delegation" => format!(
            "SELECT o.name || ' ' || o.short_name FROM {table} r
             JOIN organisation o ON o.id = r.organisation_id WHERE r.id = ?1"
        ),
        _ => return Ok(String::new()),
    };
    let mut stmt = tx.prepare_cached(&sql)?;
    let mut rows = stmt.query([id])?;
    Ok(match rows.next()? {
        Some(row) => row.get(0)?,
        None => String::new(),
    })
}

pub(crate) fn unindex(tx: &Transaction<'_>, kind: &str, id: &str) -> Result<(), StoreError> {
    tx.prepare_cached("DELETE FROM search_doc WHERE kind = ?1 AND record_id = ?2")?
        .execute(params![kind, id])?;
    Ok(())
}

/// The FTS5 query for what a user typed: each word folded, quoted (so that no character
/// of theirs is FTS syntax) and matched as a prefix.
pub fn match_expression(typed: &str) -> Option<String> {
    let words: Vec<String> = search_form(typed)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Up to `limit` hits per kind, best first, grouped by kind.
pub(crate) fn query(
    conn: &Connection,
    typed: &str,
    limit: usize,
) -> Result<Vec<SearchGroup>, StoreError> {
    let Some(expression) = match_expression(typed) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT record_id, delegation_id, label, detail FROM search_doc
         WHERE search_doc MATCH ?1 AND kind = ?2 ORDER BY rank LIMIT ?3",
    )?;
    let mut groups = Vec::new();
    for kind in KINDS {
        let hits = stmt
            .query_map(params![expression, kind, limit as i64], |row| {
                Ok(SearchHit {
                    record_id: row.get(0)?,
                    delegation_id: row.get(1)?,
                    label: row.get(2)?,
                    detail: row.get(3)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        if !hits.is_empty() {
            groups.push(SearchGroup {
                kind: (*kind).to_owned(),
                hits,
            });
        }
    }
    Ok(groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_quoted_prefixes_without_diacritics() {
        assert_eq!(
            match_expression("Trần Mỹ"),
            Some("\"tran\"* \"my\"*".to_owned())
        );
        assert_eq!(
            match_expression("Đà-Nẵng"),
            Some("\"da\"* \"nang\"*".to_owned())
        );
        assert_eq!(
            match_expression("\" OR * NEAR("),
            Some("\"or\"* \"near\"*".to_owned()),
            "FTS syntax typed by a user is only words"
        );
        assert_eq!(match_expression("  --  "), None);
    }
}
